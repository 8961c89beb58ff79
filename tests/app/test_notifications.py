"""The bell: notifications made by flask remind, counted in the header, read on their page."""

import re

import pytest
from sqlalchemy import select

from tests.app.test_reminders_support import (
    build_district,
    remind,
    smtp_server,
)
from tests.conftest import sign_in
from tracker.models import Notification

BELL_RE = re.compile(r'class="bell[^"]*"[^>]*>.*?<span class="bell-count">(\d+)</span>', re.S)


@pytest.fixture
def smtp(app):
    with smtp_server(app) as inbox:
        yield inbox


@pytest.fixture
def district(db, create_department, create_user, create_committee, create_meeting):
    return build_district(db, create_department, create_user, create_committee, create_meeting)


def bell_count(client) -> int:
    page = client.get("/").get_data(as_text=True)
    match = BELL_RE.search(page)
    assert match, "no bell in the header"
    return int(match.group(1))


def signed_in(app, user):
    client = app.test_client()
    assert sign_in(client, user.email).status_code == 302
    return client


def test_remind_makes_notifications_that_the_bell_counts_and_the_page_marks_read(
    app, cli, db, smtp, district
):
    overdue = district.due_in(-2, "Survey the brick kilns for child labour")
    district.due_in(3, "Enrol every identified child in school")
    assert remind(cli).exit_code == 0
    meena = district.officers[0]
    client = signed_in(app, meena)

    assert bell_count(client) == 2

    page = client.get("/notifications")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Survey the brick kilns for child labour" in html
    assert "Enrol every identified child in school" in html
    assert f'href="/assignments/{overdue.id}"' in html
    assert "2 days overdue" in html
    assert html.count('class="new-badge"') == 2

    assert bell_count(client) == 0
    again = client.get("/notifications").get_data(as_text=True)
    assert "new-badge" not in again
    db.session.expire_all()
    assert all(
        note.read_at is not None
        for note in db.session.scalars(select(Notification).where(Notification.user_id == meena.id))
    )


def test_a_user_never_sees_another_users_notifications(app, cli, smtp, district):
    district.due_in(-20, "Release the rescued children's compensation")
    assert remind(cli).exit_code == 0

    officer = signed_in(app, district.officers[0])
    chair = signed_in(app, district.chair)
    officer_page = officer.get("/notifications").get_data(as_text=True)
    assert "Overdue" in officer_page and "Escalated to you" not in officer_page

    chair_page = chair.get("/notifications").get_data(as_text=True)
    assert "Escalated to you" in chair_page
    # The officer reading theirs left the chair's unread.
    assert chair_page.count('class="new-badge"') == 1


def test_the_bell_count_is_one_count_query(app, cli, db, smtp, district):
    district.due_in(-1)
    assert remind(cli).exit_code == 0
    client = signed_in(app, district.officers[0])
    from sqlalchemy import event

    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        assert bell_count(client) == 1
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    on_notifications = [s for s in statements if "notifications" in s]
    assert len(on_notifications) == 1
    assert "count(" in on_notifications[0].lower()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/notifications")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
