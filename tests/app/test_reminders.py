"""flask remind: who is reminded of what, by mail in their language, once a day."""

from datetime import UTC, datetime, timedelta

import pytest
from flask_babel import force_locale, gettext, ngettext
from sqlalchemy import func, select

from tests.app.test_reminders_support import (
    TODAY,
    build_district,
    html_part,
    remind,
    smtp_server,
    text_part,
)
from tracker.i18n import format_day
from tracker.models import Notification, ReminderLog


@pytest.fixture
def smtp(app):
    with smtp_server(app) as inbox:
        yield inbox


@pytest.fixture
def district(db, create_department, create_user, create_committee, create_meeting):
    return build_district(db, create_department, create_user, create_committee, create_meeting)


def log_count(db) -> int:
    return db.session.scalar(select(func.count(ReminderLog.id)))


def test_officers_get_one_message_each_listing_all_their_items(cli, smtp, district):
    first = district.due_in(3, "Enrol every identified child in school")
    second = district.due_in(1, "Survey the brick kilns for child labour")

    result = remind(cli)

    assert result.exit_code == 0, result.output
    meena, ravi = district.officers
    assert len(smtp.messages) == 2
    for officer in district.officers:
        [message] = smtp.to(officer.email)
        body = text_part(message)
        for assignment in (first, second):
            assert f"https://tracker.district.example.in/assignments/{assignment.id}" in body
            assert f'href="https://tracker.district.example.in/assignments/{assignment.id}"' in (
                html_part(message)
            )
    english = text_part(smtp.to(meena.email)[0])
    assert "Enrol every identified child in school" in english
    assert "Basic Education" in english
    assert "Dear Meena Kumari," in english
    # Not overdue, so neither the head nor the chair hears of it.
    assert smtp.to(district.head.email) == []
    assert smtp.to(district.chair.email) == []


def test_a_hindi_users_mail_is_in_hindi(app, cli, smtp, district):
    assignment = district.due_in(3, "Enrol every identified child in school")
    ravi = district.officers[1]
    assert ravi.language == "hi"

    assert remind(cli).exit_code == 0

    [message] = smtp.to(ravi.email)
    with app.test_request_context(), force_locale("hi"):
        subject = ngettext(
            "Directive tracker: %(num)d item needs your attention",
            "Directive tracker: %(num)d items need your attention",
            1,
        )
        greeting = gettext("Dear %(name)s,", name=ravi.name)
        heading = gettext("Due within %(days)d days", days=3)
        department = district.department.name("hi")
        due = format_day(assignment.due_on)
    assert message["Subject"] == subject
    body = text_part(message)
    assert greeting in body
    assert heading in body
    assert department in body and "बेसिक शिक्षा" in body
    assert due in body and "अप्रैल" in due
    assert message.get_body(preferencelist=("html",)) is not None
    [english] = smtp.to(district.officers[0].email)
    assert "बेसिक शिक्षा" not in text_part(english)


def test_running_twice_on_a_day_sends_nothing_new(cli, db, smtp, district):
    district.due_in(3)
    district.due_in(-2)

    assert remind(cli).exit_code == 0
    sent = len(smtp.messages)
    assert sent == 3  # two officers and the head
    logged = log_count(db)

    again = remind(cli)

    assert again.exit_code == 0, again.output
    assert len(smtp.messages) == sent
    assert log_count(db) == logged
    assert "0 reminder(s) sent" in again.output


def test_overdue_items_are_repeated_after_the_repeat_interval_but_due_soon_only_once(
    app, cli, smtp, district
):
    district.due_in(-1)
    district.due_in(3)
    repeat = app.config["REMIND_REPEAT_DAYS"]
    meena = district.officers[0]

    assert remind(cli).exit_code == 0
    assert len(smtp.to(meena.email)) == 1
    smtp.clear()

    assert remind(cli, today=TODAY + timedelta(days=1)).exit_code == 0
    assert smtp.to(meena.email) == []

    assert remind(cli, today=TODAY + timedelta(days=repeat)).exit_code == 0
    [message] = smtp.to(meena.email)
    body = text_part(message)
    assert "Directive due in -1 days" in body  # the overdue one again
    assert "Directive due in 3 days" in body  # now overdue too, a new stage


@pytest.mark.parametrize(
    ("days", "officers", "head", "chair"),
    [
        pytest.param(4, False, False, False, id="due in 4 days: nothing"),
        pytest.param(3, True, False, False, id="due in exactly 3 days: officers"),
        pytest.param(0, True, False, False, id="due today: officers"),
        pytest.param(-1, True, True, False, id="overdue by 1 day: officers and head"),
        pytest.param(-14, True, True, False, id="overdue by 14 days: no chair digest yet"),
        pytest.param(-15, True, True, True, id="overdue by 15 days: chair digest"),
    ],
)
def test_stage_boundaries(cli, smtp, district, days, officers, head, chair):
    district.due_in(days)

    result = remind(cli)

    assert result.exit_code == 0, result.output
    for officer in district.officers:
        assert len(smtp.to(officer.email)) == (1 if officers else 0)
    assert len(smtp.to(district.head.email)) == (1 if head else 0)
    assert len(smtp.to(district.chair.email)) == (1 if chair else 0)


def test_closed_and_dropped_work_is_never_reminded(cli, smtp, district):
    district.due_in(-20, status="closed")
    district.due_in(-20, status="dropped")
    district.due_in(2, status="closed")

    assert remind(cli).exit_code == 0
    assert smtp.messages == []


def test_the_chair_gets_one_digest_by_department(
    cli, smtp, district, create_department, create_user, create_meeting
):
    police = create_department(code="POLICE", name_en="Police", name_hi="पुलिस")
    create_user("officer", departments=[police])
    district.due_in(-20, "Release the rescued children's compensation")
    district.due_in(-30, "Inspect the dhabas on the highway", department=police)
    district.due_in(-30, "Mentioned only in another committee",
                    meeting=create_meeting(), department=police)  # fmt: skip

    assert remind(cli).exit_code == 0

    [digest] = smtp.to(district.chair.email)
    body = text_part(digest)
    assert "Release the rescued children's compensation" in body
    assert "Inspect the dhabas on the highway" in body
    assert "Mentioned only in another committee" not in body
    assert body.index("Basic Education") < body.index("Release the rescued")
    assert body.index("Police") < body.index("Inspect the dhabas")
    assert "20 days overdue" in body and "30 days overdue" in body


def test_stale_items_are_in_the_officers_mail(cli, smtp, district):
    long_ago = datetime.now(UTC) - timedelta(days=400)
    district.assign("Set up a helpline for migrant workers", TODAY + timedelta(days=60),
                    updated_at=long_ago)  # fmt: skip
    district.assign("Recently touched work", TODAY + timedelta(days=60))

    assert remind(cli).exit_code == 0

    [message] = smtp.to(district.officers[0].email)
    body = text_part(message)
    assert "Set up a helpline for migrant workers" in body
    assert "Recently touched work" not in body
    assert "No change for 30 days or more" in body
    assert smtp.to(district.head.email) == []


def test_dry_run_sends_and_records_nothing(cli, db, smtp, district):
    district.due_in(-20)

    result = remind(cli, "--dry-run")

    assert result.exit_code == 0, result.output
    assert "would be sent" in result.output
    assert district.chair.email in result.output
    assert smtp.messages == []
    assert log_count(db) == 0
    assert db.session.scalar(select(func.count(Notification.id))) == 0


@pytest.mark.parametrize("value", ["2026-13-01", "tomorrow", "01/04/2026", ""])
def test_a_malformed_today_gets_a_clear_error(cli, smtp, district, value):
    district.due_in(1)

    result = cli.invoke(args=["remind", "--today", value])

    assert result.exit_code == 2
    assert "--today" in result.output
    assert "YYYY-MM-DD" in result.output
    assert smtp.messages == []


def test_a_refused_message_is_reported_and_sent_on_the_next_run(cli, db, smtp, district):
    district.due_in(-1)
    smtp.refuse = True

    failed = remind(cli)

    assert failed.exit_code == 1
    assert "550" in failed.stderr
    assert district.officers[0].email in failed.stderr
    assert smtp.messages == []
    assert log_count(db) == 0
    assert db.session.scalar(select(func.count(Notification.id))) == 0

    smtp.refuse = False
    retried = remind(cli)

    assert retried.exit_code == 0, retried.output
    assert len(smtp.messages) == 3
    assert log_count(db) == 3


def test_an_unreachable_server_fails_the_run(app, cli, db, district):
    app.config.update(MAIL_HOST="127.0.0.1", MAIL_PORT=1, MAIL_STARTTLS=False, MAIL_TIMEOUT=5)
    district.due_in(-1)

    result = remind(cli)

    assert result.exit_code == 1
    assert "cannot connect to the mail server" in result.stderr
    assert log_count(db) == 0


def test_without_a_mail_server_only_notifications_are_recorded(app, cli, db, district):
    app.config["MAIL_HOST"] = ""
    district.due_in(-1)

    result = remind(cli)

    assert result.exit_code == 0, result.output
    assert "Mail is off" in result.output
    assert db.session.scalar(select(func.count(Notification.id))) == 3


def test_inactive_officers_are_not_reminded(cli, db, smtp, district):
    district.officers[1].is_active = False
    db.session.commit()
    district.due_in(2)

    assert remind(cli).exit_code == 0
    assert [m.envelope_recipients for m in smtp.messages] == [[district.officers[0].email]]


def test_collecting_reminders_takes_a_few_queries_whatever_the_number_of_items(
    app, db, district, create_department, create_user
):
    """No query per item: the assignments, officers and sent log are read in bulk."""
    from sqlalchemy import event

    from tracker.reminders.services import collect_reminders

    for number in range(8):
        department = create_department()
        create_user("officer", departments=[department])
        district.due_in(-20 - number, department=department)
    db.session.expire_all()
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        reminders = collect_reminders(TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)

    assert len(reminders) == 8 + 1  # each department's officer, and the chair's digest
    assert len(statements) <= 4


def test_department_head_names_and_clears_the_head(cli, db, create_department, create_user):
    department = create_department(code="WCD")
    head = create_user("officer", email="dpo@district.example.in", departments=[])

    named = cli.invoke(args=["department-head", "wcd", "DPO@district.example.in"])
    assert named.exit_code == 0, named.output
    db.session.expire_all()
    assert department.head_user_id == head.id

    cleared = cli.invoke(args=["department-head", "WCD", "--clear"])
    assert cleared.exit_code == 0, cleared.output
    db.session.expire_all()
    assert department.head_user_id is None

    unknown = cli.invoke(args=["department-head", "WCD", "nobody@district.example.in"])
    assert unknown.exit_code == 1
    assert "No user with the email" in unknown.output
