"""Each change to an assignment through its page: who may make it, what it records, refuses."""

from datetime import timedelta

import pytest

from tests.app.test_directives_support import (
    PNG_BYTES,
    STALE_MESSAGE,
    add_assignment,
    build_world,
    fresh,
    history_of,
    make_user,
    page_version,
    post_change,
    signed_in,
    tiny_pdf,
)
from tracker.clock import local_today
from tracker.directives import services
from tracker.models import Attachment, ExtensionRequest


@pytest.fixture
def world(db, create_department, create_committee, create_meeting):
    return build_world(db, create_department, create_committee, create_meeting)


@pytest.fixture
def as_(app, world):
    """Return a function giving a signed-in client for one of the world's users by name."""
    clients = {}

    def client(name: str):
        if name not in clients:
            clients[name] = signed_in(app, world.users[name])
        return clients[name]

    return client


def set_status(db, assignment, status):
    assignment.status = status
    db.session.commit()
    return assignment


#: (form, the user who posts, starting status, extra fields, resulting status).
TRANSITIONS = [
    ("start", "officer", "open", {}, "in_progress"),
    ("start", "officer", "returned", {}, "in_progress"),
    ("report", "officer", "open", {"note": "Enrolled 42 children."}, "reported"),
    ("report", "officer", "in_progress", {"note": "Enrolled 42 children."}, "reported"),
    ("report", "colleague", "returned", {"note": "Lists attached now."}, "reported"),
    ("close", "chair", "reported", {}, "closed"),
    ("close", "secretary", "reported", {"note": "Verified."}, "closed"),
    ("return", "chair", "reported", {"note": "Attach the school lists."}, "returned"),
    ("return", "secretary", "reported", {"note": "Attach the school lists."}, "returned"),
    ("drop", "chair", "open", {"note": "The scheme ended."}, "dropped"),
    ("drop", "chair", "in_progress", {"note": "The scheme ended."}, "dropped"),
    ("drop", "chair", "reported", {"note": "The scheme ended."}, "dropped"),
    ("drop", "chair", "returned", {"note": "The scheme ended."}, "dropped"),
]


@pytest.mark.parametrize(("key", "who", "source", "fields", "target"), TRANSITIONS)
def test_transition_through_the_page(db, world, as_, key, who, source, fields, target):
    assignment = set_status(db, world.mine, source)
    client = as_(who)
    page = client.get(f"/assignments/{assignment.id}").get_data(as_text=True)
    version = page_version(page, key)

    response = post_change(client, assignment, key, version, **fields)

    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].endswith(f"/assignments/{assignment.id}")
    after = fresh(db, assignment)
    assert after.status == target
    assert after.version == version + 1
    assert after.updated_at > world.mine.created_at
    assert (after.closed_at is not None) == (target == "closed")
    last = history_of(db, assignment)[-1]
    assert (last.kind, last.from_status, last.to_status) == ("transition", source, target)
    assert last.actor_id == world.users[who].id
    assert last.note == fields.get("note", "")
    # The flash says what was done, and the entry shows in the history.
    page = client.get(f"/assignments/{assignment.id}").get_data(as_text=True)
    assert 'class="flash flash-success"' in page
    assert 'class="timeline"' in page


ALL_STATUSES = ("open", "in_progress", "reported", "returned", "closed", "dropped")
ALLOWED_FROM = {
    ("start", "officer"): {"open", "returned"},
    ("report", "officer"): {"open", "in_progress", "returned"},
    ("close", "chair"): {"reported"},
    ("return", "chair"): {"reported"},
    ("drop", "chair"): {"open", "in_progress", "reported", "returned"},
}
WRONG_STATE = [
    (key, who, status)
    for (key, who), sources in ALLOWED_FROM.items()
    for status in ALL_STATUSES
    if status not in sources
]


@pytest.mark.parametrize(("key", "who", "status"), WRONG_STATE)
def test_transition_refused_from_the_wrong_state(db, world, as_, key, who, status):
    assignment = set_status(db, world.mine, status)
    version = assignment.version
    response = post_change(as_(who), assignment, key, version, note="Some note")
    assert response.status_code == 409
    assert "cannot be done while the assignment is in its present state" in response.get_data(
        as_text=True
    )
    after = fresh(db, assignment)
    assert (after.status, after.version) == (status, version)


#: Someone who sees the assignment but may never make this change: 403, nothing saved.
WRONG_ROLE = [
    ("start", "chair"),
    ("start", "secretary"),
    ("start", "admin"),
    ("start", "other_chair"),
    ("report", "chair"),
    ("report", "secretary"),
    ("report", "admin"),
    ("close", "officer"),
    ("close", "admin"),
    ("close", "other_chair"),
    ("close", "other_secretary"),
    ("return", "officer"),
    ("return", "admin"),
    ("return", "other_secretary"),
    ("drop", "officer"),
    ("drop", "secretary"),
    ("drop", "admin"),
    ("drop", "other_chair"),
    ("extension", "chair"),
    ("extension", "secretary"),
    ("extension", "admin"),
    ("decision", "officer"),
    ("decision", "secretary"),
    ("decision", "admin"),
    ("decision", "other_chair"),
]


@pytest.mark.parametrize(("key", "who"), WRONG_ROLE)
def test_transition_forbidden_to_this_role(db, world, as_, key, who):
    assignment = set_status(db, world.mine, "reported" if key in ("close", "return") else "open")
    version = assignment.version
    response = post_change(
        as_(who), assignment, key, version, note="Trying anyway", due_on="2099-01-01", approve="1"
    )
    assert response.status_code == 403
    assert fresh(db, assignment).version == version


@pytest.mark.parametrize("key", ["start", "report", "extension", "close", "drop", "decision"])
def test_another_departments_assignment_is_not_found(db, world, as_, key):
    version = world.theirs.version
    response = post_change(as_("officer"), world.theirs, key, version, note="Not mine")
    assert response.status_code == 404
    assert fresh(db, world.theirs).version == version


@pytest.mark.parametrize(
    ("key", "who", "status", "message"),
    [
        ("report", "officer", "in_progress", "Describe the action taken."),
        ("return", "chair", "reported", "Say what more is needed"),
        ("drop", "chair", "open", "Give the reason for dropping"),
        ("extension", "officer", "open", "Give the reason you need more time."),
    ],
)
@pytest.mark.parametrize("note", ["", "   \n  "])
def test_a_note_is_required(db, world, as_, key, who, status, message, note):
    assignment = set_status(db, world.mine, status)
    response = post_change(as_(who), assignment, key, note=note, due_on="2099-01-01")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert fresh(db, assignment).status == status


def test_report_with_evidence_stores_the_files_in_the_database(db, world, as_):
    pdf = tiny_pdf()
    note = "**42 बच्चों** का नामांकन हुआ।\n\n- सूची संलग्न\n- फोटो संलग्न"
    response = post_change(
        as_("officer"),
        world.mine,
        "report",
        note=note,
        files=[("नामांकन सूची.pdf", pdf), ("photo.png", PNG_BYTES)],
    )
    assert response.status_code == 302

    entry = history_of(db, world.mine)[-1]
    files = db.session.scalars(
        db.select(Attachment).where(Attachment.status_change_id == entry.id).order_by(Attachment.id)
    ).all()
    assert [(f.filename, f.content_type, f.size_bytes) for f in files] == [
        ("नामांकन सूची.pdf", "application/pdf", len(pdf)),
        ("photo.png", "image/png", len(PNG_BYTES)),
    ]
    assert files[0].data == pdf
    page = as_("officer").get(f"/assignments/{world.mine.id}").get_data(as_text=True)
    assert "<strong>42 बच्चों</strong>" in page
    assert f'href="/attachments/{files[0].id}"' in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.exe", b"MZ\x90\x00", "is not a file type accepted here"),
        ("notes.txt", "बच्चों की सूची".encode(), "is not a file type accepted here"),
        ("scan.pdf", PNG_BYTES, "does not contain what its name says"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_bad_evidence_is_refused_and_the_note_kept(db, world, as_, name, content, message):
    note = "नामांकन पूर्ण — details in the file"
    response = post_change(as_("officer"), world.mine, "report", note=note, files=[(name, content)])
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in page
    assert note in page  # the typed note is still in the form
    assert "attach" in page.lower()
    assert fresh(db, world.mine).status == "open"
    assert db.session.scalar(db.select(db.func.count()).select_from(Attachment)) == 0


def test_evidence_over_the_size_limit_is_refused_with_the_note_kept(app, db, world, as_):
    app.config["MAX_UPLOAD_MB"] = 1
    big = tiny_pdf() + b"%" * (1024 * 1024)
    response = post_change(
        as_("officer"), world.mine, "report", note="Large scan attached", files=[("scan.pdf", big)]
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "larger than the limit of 1 MB" in page
    assert "Large scan attached" in page
    assert fresh(db, world.mine).status == "open"


def test_a_request_beyond_the_body_limit_gets_a_clear_page(app, db, world, as_):
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    response = post_change(
        as_("officer"),
        world.mine,
        "report",
        note="Huge",
        files=[("scan.pdf", tiny_pdf() + b"%" * 100_000)],
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "nothing was saved" in page
    assert 'id="form-report"' in page  # the officer stays on the page, the form ready again
    assert fresh(db, world.mine).status == "open"


def test_stale_form_is_refused_showing_what_changed_and_keeping_the_note(db, world, as_):
    officer, colleague = as_("officer"), as_("colleague")
    page = officer.get(f"/assignments/{world.mine.id}").get_data(as_text=True)
    old_version = page_version(page, "report")
    seen = max(entry.id for entry in history_of(db, world.mine))

    # Meanwhile a colleague starts work, with a note nobody else has seen.
    assert post_change(colleague, world.mine, "start", old_version).status_code == 302

    note = "हमने 42 बच्चों का नामांकन कराया — report typed on the old page"
    response = post_change(officer, world.mine, "report", old_version, seen=seen, note=note)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert STALE_MESSAGE in page
    assert "What changed meanwhile" in page
    changed = page.split("What changed meanwhile", 1)[1].split("</ol>", 1)[0]
    assert "Work started" in changed and "Ravi Verma" in changed
    assert note in page
    # The form now carries the present version, so a second submit (after reading) works.
    assert page_version(page, "report") == old_version + 1
    after = fresh(db, world.mine)
    assert (after.status, after.version) == ("in_progress", old_version + 1)

    response = post_change(officer, world.mine, "report", old_version + 1, note=note)
    assert response.status_code == 302
    assert fresh(db, world.mine).status == "reported"


def test_stale_form_whose_action_is_gone_shows_the_note_to_copy(db, world, as_):
    officer, colleague = as_("officer"), as_("colleague")
    version = world.mine.version
    assert post_change(colleague, world.mine, "report", version, note="Done.").status_code == 302
    note = "My own account of the work, typed at length"
    response = post_change(officer, world.mine, "report", version, note=note)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert STALE_MESSAGE in page
    assert "Your note was not saved" in page
    assert note in page


def test_damaged_version_field_is_refused(db, world, as_):
    client = as_("officer")
    data = {"start-csrf_token": client.token, "start-version": "abc"}
    response = client.post(f"/assignments/{world.mine.id}/start", data=data)
    assert response.status_code == 400
    assert "The page was damaged" in response.get_data(as_text=True)
    assert fresh(db, world.mine).status == "open"


def test_missing_csrf_token_saves_nothing(db, world, as_):
    client = as_("officer")
    response = client.post(f"/assignments/{world.mine.id}/start", data={"start-version": "1"})
    assert response.status_code == 400
    assert fresh(db, world.mine).status == "open"


# Extensions ---------------------------------------------------------------------------------


def test_extension_requested_and_approved(db, world, as_):
    new_date = local_today() + timedelta(days=30)
    response = post_change(
        as_("officer"), world.mine, "extension", due_on=new_date.isoformat(), note="सर्वे अभी जारी है"
    )
    assert response.status_code == 302
    request = db.session.scalar(db.select(ExtensionRequest))
    assert (request.status, request.requested_due_on) == ("pending", new_date)
    entry = history_of(db, world.mine)[-1]
    assert (entry.kind, entry.due_on, entry.note) == (
        "extension_requested",
        new_date,
        "सर्वे अभी जारी है",
    )

    # The officer cannot ask twice while one request waits.
    again = post_change(
        as_("officer"),
        world.mine,
        "extension",
        due_on=(new_date + timedelta(1)).isoformat(),
        note="Again",
    )
    assert again.status_code == 409
    assert "already waiting" in again.get_data(as_text=True)

    page = as_("chair").get(f"/assignments/{world.mine.id}").get_data(as_text=True)
    assert 'id="form-decision"' in page
    response = post_change(as_("chair"), world.mine, "decision", approve="Grant")
    assert response.status_code == 302
    after = fresh(db, world.mine)
    assert after.due_on == new_date
    assert after.status == "open"
    db.session.refresh(request)
    assert (request.status, request.decided_by_id) == ("approved", world.chair.id)
    entry = history_of(db, world.mine)[-1]
    assert (entry.kind, entry.due_on, entry.actor_id) == (
        "extension_approved",
        new_date,
        world.chair.id,
    )


def test_extension_rejected_needs_a_remark_and_keeps_the_date(db, world, as_):
    old_due = world.mine.due_on
    new_date = local_today() + timedelta(days=30)
    post_change(
        as_("officer"), world.mine, "extension", due_on=new_date.isoformat(), note="Need time"
    )
    response = post_change(as_("chair"), world.mine, "decision", reject="Refuse", note="")
    assert response.status_code == 400
    assert "Give the reason for refusing more time." in response.get_data(as_text=True)

    response = post_change(
        as_("chair"), world.mine, "decision", reject="Refuse", note="Finish within the month."
    )
    assert response.status_code == 302
    assert fresh(db, world.mine).due_on == old_due
    request = db.session.scalar(db.select(ExtensionRequest))
    assert (request.status, request.decision_note) == ("rejected", "Finish within the month.")
    assert history_of(db, world.mine)[-1].kind == "extension_rejected"


def test_request_on_a_dropped_assignment_waits_for_nobody(db, world, as_):
    new_date = local_today() + timedelta(days=30)
    post_change(
        as_("officer"), world.mine, "extension", due_on=new_date.isoformat(), note="Need time"
    )
    approvals = as_("chair").get("/approvals").get_data(as_text=True)
    assert "Requests for more time <span class=\"muted\">(1)</span>" in approvals

    response = post_change(as_("chair"), world.mine, "drop", note="The scheme ended.")
    assert response.status_code == 302
    assert fresh(db, world.mine).status == "dropped"

    # The request can no longer be decided, so no list or count offers it to the chair.
    approvals = as_("chair").get("/approvals").get_data(as_text=True)
    assert "Requests for more time <span class=\"muted\">(0)</span>" in approvals
    assert "No requests for more time are waiting." in approvals
    home = as_("chair").get("/").get_data(as_text=True)
    assert "Nothing waits for your decision" in home
    page = as_("chair").get(f"/assignments/{world.mine.id}").get_data(as_text=True)
    assert 'id="form-decision"' not in page
    # What the officer asked stays on the record.
    assert [(e.kind, e.to_status) for e in history_of(db, world.mine)][-2:] == [
        ("extension_requested", None),
        ("transition", "dropped"),
    ]
    assert db.session.scalar(db.select(ExtensionRequest)).reason == "Need time"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("31/03/2026", "is not a date"),
        ("2026-02-30", "is not a date"),
        ("", "Enter the new date you are asking for."),
        ("past", "must be after the present due date"),
        ("yesterday", "must not be in the past"),
    ],
)
def test_extension_date_is_checked(db, world, as_, value, message):
    if value == "past":
        value = (world.mine.due_on - timedelta(days=1)).isoformat()
    if value == "yesterday":
        world.mine.due_on = None
        db.session.commit()
        value = (local_today() - timedelta(days=1)).isoformat()
    response = post_change(
        as_("officer"), world.mine, "extension", due_on=value, note="Need more time"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in page
    assert "Need more time" in page
    assert db.session.scalar(db.select(db.func.count()).select_from(ExtensionRequest)) == 0


def test_no_decision_without_a_pending_request(db, world, as_):
    response = post_change(as_("chair"), world.mine, "decision", approve="Grant")
    assert response.status_code == 409
    assert "no request for more time waiting" in response.get_data(as_text=True)


# The services, as the API and the command line will call them -------------------------------


def test_services_check_permission_and_version_themselves(db, world):
    with pytest.raises(services.ActionForbidden):
        services.close_assignment(world.mine, world.officer, "", world.mine.version)
    with pytest.raises(services.AssignmentNotFound):
        services.start_work(world.theirs, world.officer, world.theirs.version)
    with pytest.raises(services.ChangedMeanwhile):
        services.start_work(world.mine, world.officer, world.mine.version + 5)
    with pytest.raises(services.InvalidInput):
        services.report_action(world.mine, world.officer, "  ", [], world.mine.version)
    change = services.report_action(world.mine, world.officer, "Done", [], world.mine.version)
    assert change.to_status == "reported"


def test_the_meetings_chair_may_close_too(db, world):
    deputy = make_user(db, "chair", "Deputy Chair")
    world.meeting.chair_id = deputy.id
    set_status(db, world.mine, "reported")
    services.close_assignment(world.mine, deputy, "Closed by the deputy", world.mine.version)
    assert fresh(db, world.mine).status == "closed"


def test_officer_acting_for_two_departments_works_on_both(db, world, app):
    both = make_user(db, "officer", "Two Hats", [world.edu, world.police])
    client = signed_in(app, both)
    for assignment in (world.mine, world.theirs):
        assert post_change(client, assignment, "start").status_code == 302
    assert {fresh(db, world.mine).status, fresh(db, world.theirs).status} == {"in_progress"}


def test_a_finished_assignment_offers_no_actions(db, world, as_):
    add = add_assignment(db, world, world.edu, status="closed")
    page = as_("officer").get(f"/assignments/{add.id}").get_data(as_text=True)
    assert "This assignment is finished" in page
    assert '<form method="post" enctype' not in page


def test_the_source_sentence_is_highlighted_and_everything_escaped(db, world, as_):
    note = 'Done <img src=x onerror="alert(1)"> <script>alert(2)</script>'
    assert post_change(as_("officer"), world.mine, "report", note=note).status_code == 302
    page = as_("officer").get(f"/assignments/{world.mine.id}").get_data(as_text=True)
    assert "<mark>बेसिक शिक्षा विभाग एवं पुलिस विभाग 31 मार्च तक</mark>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # written in the minutes
    assert "<script>alert(1)" not in page
    assert "onerror" not in page and "<script>alert(2)" not in page


def test_a_directive_without_a_source_span_says_so(db, world, as_):
    other = add_assignment(db, world, world.edu)
    page = as_("officer").get(f"/assignments/{other.id}").get_data(as_text=True)
    assert "The sentence this directive came from is not available." in page
