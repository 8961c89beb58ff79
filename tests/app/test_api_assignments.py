"""The API's assignments: lists and filters, one assignment, transitions, and the dashboard."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tests.app.test_api_support import error_of
from tests.app.test_directives_support import (
    add_assignment,
    fresh,
    history_of,
    post_change,
    signed_in,
)
from tests.conftest import count_statements
from tracker.clock import local_today
from tracker.models import Assignment, Committee, ExtensionRequest, StatusChange
from tracker.models._common import utcnow

ALL_STATUSES = ("open", "in_progress", "reported", "returned", "closed", "dropped")




def set_status(db, assignment, status):
    assignment.status = status
    db.session.commit()
    return assignment


def ids(body) -> list[int]:
    return [item["id"] for item in body["items"]]


def timestamp(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def expected_item(assignment, *, overdue: bool, extension_pending: bool = False) -> dict:
    directive, department = assignment.directive, assignment.department
    meeting = directive.meeting
    return {
        "id": assignment.id,
        "status": assignment.status,
        "due_date": assignment.due_on.isoformat() if assignment.due_on else None,
        "overdue": overdue,
        "extension_pending": extension_pending,
        "version": assignment.version,
        "department": {"code": department.code, "name_en": department.name_en,
                       "name_hi": department.name_hi},
        "directive": {"id": directive.id, "text": directive.action_text,
                      "priority": directive.priority, "due_text": directive.due_text},
        "meeting": {"id": meeting.id, "title": meeting.title, "date": meeting.held_on.isoformat(),
                    "committee": meeting.committee_id},
        "updated_at": timestamp(assignment.updated_at).isoformat(),
    }  # fmt: skip


def count(db, model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


# Lists --------------------------------------------------------------------------------------

SEES = {
    "officer": ["mine"],
    "colleague": ["mine"],
    "police_officer": ["theirs"],
    "stranger": [],
    "chair": ["mine", "theirs"],
    "other_chair": ["mine", "theirs"],
    "secretary": ["mine", "theirs"],
    "other_secretary": ["mine", "theirs"],
    "admin": ["mine", "theirs"],
}


@pytest.mark.parametrize(("who", "seen"), SEES.items())
def test_each_user_lists_what_the_web_inbox_shows_them(world, as_, who, seen):
    response = as_(who).get("/assignments")

    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert ids(body) == [getattr(world, name).id for name in seen]
    assert (body["total"], body["page"], body["per_page"], body["pages"]) == (len(seen), 1, 50, 1)


def test_a_list_item_carries_the_assignment_and_its_context(world, as_):
    body = as_("officer").get("/assignments").get_json()
    assert body["items"] == [expected_item(world.mine, overdue=True)]
    assert datetime.fromisoformat(body["items"][0]["updated_at"]).tzinfo is not None


def test_an_officer_cannot_reach_another_departments_assignment(app, world, as_):
    officer = as_("officer")

    error = error_of(officer.get(f"/assignments/{world.theirs.id}"), 404, "not_found")
    assert str(world.theirs.id) in error["message"]
    error_of(officer.get("/assignments?department=POLICE"), 403, "forbidden")
    assert world.theirs.id not in ids(officer.get("/assignments?per_page=200").get_json())
    # The web pages refuse the officer the same way.
    web = signed_in(app, world.officer)
    assert web.get(f"/assignments/{world.theirs.id}").status_code == 404
    assert web.get(f"/assignments/{world.mine.id}").status_code == 200


def test_pages_split_the_list_and_a_page_past_the_end_is_empty(db, world, as_):
    today = local_today()
    for days in range(5):
        add_assignment(db, world, world.edu, due_on=today + timedelta(days=days),
                       text=f"Directive {days}")  # fmt: skip
    every = ids(as_("admin").get("/assignments?per_page=200").get_json())
    assert len(every) == 7

    pages = [as_("admin").get(f"/assignments?per_page=3&page={n}").get_json() for n in (1, 2, 3, 4)]

    assert [ids(page) for page in pages] == [every[0:3], every[3:6], every[6:7], []]
    for number, page in enumerate(pages, start=1):
        assert (page["page"], page["per_page"], page["total"], page["pages"]) == (number, 3, 7, 3)
    exact = as_("admin").get("/assignments?per_page=7").get_json()
    assert (exact["pages"], len(exact["items"])) == (1, 7)
    beyond = as_("admin").get("/assignments?per_page=7&page=2").get_json()
    assert (beyond["items"], beyond["total"], beyond["pages"]) == ([], 7, 1)


def test_the_list_is_overdue_first_then_by_due_date(db, world, as_):
    today = local_today()
    later = add_assignment(db, world, world.police, due_on=today + timedelta(days=20), text="A")
    undated = add_assignment(db, world, world.police, due_on=None, text="B")
    closed = add_assignment(db, world, world.police, due_on=today - timedelta(days=9),
                            status="closed", text="C")  # fmt: skip
    very_late = add_assignment(db, world, world.edu, due_on=today - timedelta(days=40), text="D")
    assert ids(as_("chair").get("/assignments").get_json()) == [
        very_late.id, world.mine.id, world.theirs.id, later.id, undated.id, closed.id
    ]


@pytest.fixture
def due_dates(db, world):
    """Assignments whose due dates sit around today, in every kind of state."""
    today = local_today()

    def add(name, days, status="open"):
        due = today + timedelta(days=days) if days is not None else None
        return name, add_assignment(db, world, world.edu, due_on=due, status=status, text=name)

    made = dict(
        [
            add("yesterday", -1),
            add("today", 0),
            add("tomorrow", 1),
            add("undated", None),
            add("reported late", -30, "reported"),
            add("returned late", -2, "returned"),
            add("in progress late", -100, "in_progress"),
            add("closed late", -10, "closed"),
            add("dropped late", -10, "dropped"),
        ]
    )
    made["mine"], made["theirs"] = world.mine, world.theirs
    return made


OVERDUE = ["in progress late", "reported late", "mine", "returned late", "yesterday"]


def test_overdue_lists_only_pending_work_due_before_today(world, as_, due_dates):
    body = as_("admin").get("/assignments?overdue=true&per_page=200").get_json()

    assert ids(body) == [due_dates[name].id for name in OVERDUE]
    assert body["total"] == len(OVERDUE)
    assert all(item["overdue"] for item in body["items"])
    everything = as_("admin").get("/assignments?per_page=200").get_json()
    flagged = {item["id"] for item in everything["items"] if item["overdue"]}
    assert flagged == {due_dates[name].id for name in OVERDUE}
    # overdue=false does not filter.
    assert as_("admin").get("/assignments?overdue=false").get_json()["total"] == len(due_dates)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=reported", ["reported late"]),
        ("status=open", ["mine", "yesterday", "today", "tomorrow", "theirs", "undated"]),
        ("status=closed", ["closed late"]),
        ("status=dropped", ["dropped late"]),
        ("status=in_progress", ["in progress late"]),
        ("status=open&overdue=true", ["mine", "yesterday"]),
        ("status=reported&overdue=true", ["reported late"]),
        ("status=closed&overdue=true", []),
        ("status=dropped&overdue=true", []),
        ("department=POLICE", ["theirs"]),
        ("department=police", ["theirs"]),
        ("department=BASIC_EDU&overdue=true", OVERDUE),
        ("department=POLICE&overdue=true", []),
    ],
)
def test_the_list_filters_by_status_overdue_and_department(world, as_, due_dates, query,
                                                          expected):  # fmt: skip
    body = as_("chair").get(f"/assignments?per_page=200&{query}").get_json()
    assert ids(body) == [due_dates[name].id for name in expected]
    assert body["total"] == len(expected)


def test_the_list_filters_by_committee(db, world, as_, create_meeting):
    road = db.session.scalar(select(Committee).where(Committee.name_en == "Road Safety Committee"))
    meeting = create_meeting(committee=road, title="सड़क सुरक्षा बैठक")
    on_the_road = add_assignment(db, world, world.police, meeting=meeting, text="Helmet drive")

    assert ids(as_("admin").get(f"/assignments?committee={road.id}").get_json()) == [
        on_the_road.id
    ]
    assert ids(as_("admin").get(f"/assignments?committee={world.committee.id}").get_json()) == [
        world.mine.id, world.theirs.id
    ]
    assert as_("admin").get("/assignments?committee=999999").get_json()["items"] == []
    # An officer's list stays within their departments, whatever the committee.
    assert ids(as_("officer").get(f"/assignments?committee={road.id}").get_json()) == []
    assert ids(as_("police_officer").get(f"/assignments?committee={road.id}").get_json()) == [
        on_the_road.id
    ]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("per_page=0", "per_page"),
        ("per_page=201", "per_page"),
        ("per_page=-5", "per_page"),
        ("page=0", "page"),
        ("status=late", "status"),
        ("overdue=perhaps", "overdue"),
        ("committee=road", "committee"),
        ("committee=0", "committee"),
        ("department=", "department"),
        ("department=NOPE", "department"),
        ("q=kilns", "q"),
    ],
)
def test_the_list_refuses_bad_arguments(world, as_, query, field):
    error = error_of(as_("chair").get(f"/assignments?{query}"), 422, "invalid_input")
    assert list(error["fields"]) == [field]


def test_an_unknown_department_is_named(world, as_):
    error = error_of(as_("officer").get("/assignments?department=NOPE"), 422, "invalid_input")
    assert error["fields"] == {
        "department": ["Unknown department: NOPE. GET /api/v1/departments lists the codes."]
    }


def test_per_page_200_is_allowed(world, as_):
    body = as_("chair").get("/assignments?per_page=200").get_json()
    assert (body["per_page"], body["total"], len(body["items"])) == (200, 2, 2)


# One assignment ------------------------------------------------------------------------------

TRANSITIONS_OPEN = {
    "officer": ["in_progress", "reported", "extension_requested"],
    "colleague": ["in_progress", "reported", "extension_requested"],
    "chair": ["dropped"],
    "other_chair": [],
    "secretary": [],
    "other_secretary": [],
    "admin": [],
}


@pytest.mark.parametrize(("who", "transitions"), TRANSITIONS_OPEN.items())
def test_an_assignment_is_read_with_its_history_and_what_the_user_may_do(world, as_, who,
                                                                         transitions):  # fmt: skip
    response = as_(who).get(f"/assignments/{world.mine.id}")

    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert body == {
        **expected_item(world.mine, overdue=True),
        "transitions": transitions,
        "history": [body["history"][0]],
    }
    entry = body["history"][0]
    assert {key: value for key, value in entry.items() if key not in ("id", "at")} == {
        "kind": "created", "from_status": None, "to_status": "open",
        "note": "Assigned at the meeting.", "due_date": None,
        "actor": {"id": world.secretary.id, "name": "Suresh Pathak"}, "attachments": [],
    }  # fmt: skip
    assert datetime.fromisoformat(entry["at"]).tzinfo is not None


@pytest.mark.parametrize("who", ["police_officer", "stranger"])
def test_an_assignment_outside_the_officers_departments_is_not_found(world, as_, who):
    error_of(as_(who).get(f"/assignments/{world.mine.id}"), 404, "not_found")


def test_an_unknown_assignment_is_not_found(world, as_):
    error_of(as_("admin").get("/assignments/999999"), 404, "not_found")


# Transitions ---------------------------------------------------------------------------------

NOTE = "42 बच्चों का नामांकन हुआ; सूची संलग्न।"
#: (to, who, starting status, note, resulting status).
TRANSITIONS = [
    ("in_progress", "officer", "open", "", "in_progress"),
    ("in_progress", "colleague", "returned", "", "in_progress"),
    ("reported", "officer", "open", NOTE, "reported"),
    ("reported", "officer", "in_progress", NOTE, "reported"),
    ("reported", "colleague", "returned", NOTE, "reported"),
    ("closed", "chair", "reported", "", "closed"),
    ("closed", "secretary", "reported", "Verified.", "closed"),
    ("returned", "chair", "reported", "Attach the school lists.", "returned"),
    ("returned", "secretary", "reported", "Attach the school lists.", "returned"),
    ("dropped", "chair", "open", "The scheme ended.", "dropped"),
    ("dropped", "chair", "in_progress", "The scheme ended.", "dropped"),
    ("dropped", "chair", "reported", "The scheme ended.", "dropped"),
    ("dropped", "chair", "returned", "The scheme ended.", "dropped"),
]
AFTERWARDS = {
    ("officer", "in_progress"): ["reported", "extension_requested"],
    ("colleague", "in_progress"): ["reported", "extension_requested"],
    ("officer", "reported"): [],
    ("colleague", "reported"): [],
    ("chair", "closed"): [],
    ("secretary", "closed"): [],
    ("chair", "returned"): ["dropped"],
    ("secretary", "returned"): [],
    ("chair", "dropped"): [],
}


def transition(api, assignment, to: str, version: int | None = None, **fields):
    body = {"to": to, "version": assignment.version if version is None else version, **fields}
    return api.post(f"/assignments/{assignment.id}/transitions", body)


@pytest.mark.parametrize(("to", "who", "source", "note", "target"), TRANSITIONS)
def test_each_transition_moves_the_assignment_and_records_it(db, world, as_, to, who, source,
                                                             note, target):  # fmt: skip
    assignment = set_status(db, world.mine, source)
    version = assignment.version

    response = transition(as_(who), assignment, to, note=note)

    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    after = fresh(db, assignment)
    assert (after.status, after.version) == (target, version + 1)
    assert (after.closed_at is not None) == (target == "closed")
    assert body == {
        **expected_item(after, overdue=target not in ("closed", "dropped")),
        "transitions": AFTERWARDS[(who, target)],
        "history": body["history"],
    }
    assert len(body["history"]) == 2
    last = body["history"][-1]
    assert {key: value for key, value in last.items() if key not in ("id", "at")} == {
        "kind": "transition", "from_status": source, "to_status": target, "note": note,
        "due_date": None, "actor": {"id": world.user(who).id, "name": world.user(who).name},
        "attachments": [],
    }  # fmt: skip
    stored = history_of(db, assignment)[-1]
    assert (stored.id, stored.actor_id, stored.note) == (last["id"], world.user(who).id, note)


def request_more_time(db, world, as_, days: int = 30, note: str = "सर्वे अभी जारी है"):
    new_date = local_today() + timedelta(days=days)
    response = transition(as_("officer"), fresh(db, world.mine), "extension_requested",
                          due_date=new_date.isoformat(), note=note)  # fmt: skip
    assert response.status_code == 200, response.get_data(as_text=True)
    return new_date, response.get_json()


def test_more_time_is_asked_for_and_granted(db, world, as_):
    old_date = world.mine.due_on
    new_date, asked = request_more_time(db, world, as_)

    assert (asked["status"], asked["due_date"], asked["overdue"], asked["extension_pending"]) == (
        "open", old_date.isoformat(), True, True
    )
    assert asked["version"] == 2
    assert asked["transitions"] == ["in_progress", "reported"]
    last = asked["history"][-1]
    assert (last["kind"], last["from_status"], last["to_status"], last["due_date"],
            last["note"]) == ("extension_requested", None, None, new_date.isoformat(),
                              "सर्वे अभी जारी है")  # fmt: skip
    chair_view = as_("chair").get(f"/assignments/{world.mine.id}").get_json()
    assert chair_view["transitions"] == ["dropped", "extension_approved", "extension_rejected"]
    assert chair_view["extension_pending"] is True
    assert as_("chair").get("/assignments").get_json()["items"][0]["extension_pending"] is True

    granted = transition(as_("chair"), fresh(db, world.mine), "extension_approved")

    assert granted.status_code == 200, granted.get_data(as_text=True)
    body = granted.get_json()
    assert (body["due_date"], body["overdue"], body["extension_pending"], body["version"]) == (
        new_date.isoformat(), False, False, 3
    )
    assert body["transitions"] == ["dropped"]
    assert (body["history"][-1]["kind"], body["history"][-1]["due_date"]) == (
        "extension_approved", new_date.isoformat()
    )
    assert fresh(db, world.mine).due_on == new_date
    request = db.session.scalar(select(ExtensionRequest))
    assert (request.status, request.decided_by_id) == ("approved", world.chair.id)


def test_more_time_is_refused_only_with_a_reason(db, world, as_):
    old_date = world.mine.due_on
    request_more_time(db, world, as_)
    version = fresh(db, world.mine).version

    refused = transition(as_("chair"), fresh(db, world.mine), "extension_rejected", note="  ")

    error = error_of(refused, 422, "invalid_input")
    assert error["fields"] == {"note": ["Give the reason for refusing more time."]}
    assert fresh(db, world.mine).version == version
    assert db.session.scalar(select(ExtensionRequest)).status == "pending"

    response = transition(as_("chair"), fresh(db, world.mine), "extension_rejected",
                          note="Finish within the month.")  # fmt: skip

    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    assert (body["due_date"], body["extension_pending"], body["version"]) == (
        old_date.isoformat(), False, version + 1
    )
    assert (body["history"][-1]["kind"], body["history"][-1]["note"]) == (
        "extension_rejected", "Finish within the month."
    )
    db.session.expire_all()
    request = db.session.scalar(select(ExtensionRequest))
    assert (request.status, request.decision_note) == ("rejected", "Finish within the month.")
    assert fresh(db, world.mine).due_on == old_date


@pytest.mark.parametrize(
    ("assignment", "fields", "field", "message"),
    [
        ("mine", {"note": "Survey running"}, "due_date", "Enter the new date you are asking for."),
        ("mine", {"note": "Survey running", "due_date": None}, "due_date",
         "Enter the new date you are asking for."),
        ("mine", {"note": "Survey running", "due_date": -1}, "due_date",
         "The new date must not be in the past."),
        ("theirs", {"note": "Survey running", "due_date": 5}, "due_date",
         "The new date must be after the present due date."),
        ("theirs", {"note": "Survey running", "due_date": 10}, "due_date",
         "The new date must be after the present due date."),
        ("mine", {"due_date": 30}, "note", "Give the reason you need more time."),
        ("mine", {"due_date": "soon", "note": "x"}, "due_date", "Not a valid date."),
    ],
)  # fmt: skip
def test_asking_for_more_time_needs_a_later_date_and_a_reason(db, world, as_, assignment, fields,
                                                              field, message):  # fmt: skip
    target = getattr(world, assignment)
    who = "officer" if assignment == "mine" else "police_officer"
    if isinstance(fields.get("due_date"), int):
        fields = {**fields, "due_date": (local_today() + timedelta(fields["due_date"])).isoformat()}
    version = target.version

    error = error_of(transition(as_(who), target, "extension_requested", **fields), 422,
                     "invalid_input")  # fmt: skip

    assert error["fields"] == {field: [message]}
    assert fresh(db, target).version == version
    assert count(db, ExtensionRequest) == 0


@pytest.mark.parametrize("note", ["", "   \n  "])
def test_a_report_needs_a_note(db, world, as_, note):
    error = error_of(transition(as_("officer"), world.mine, "reported", note=note), 422,
                     "invalid_input")  # fmt: skip
    assert error["fields"] == {"note": ["Describe the action taken."]}
    after = fresh(db, world.mine)
    assert (after.status, after.version) == ("open", 1)


#: (to, who, status the assignment is in, extra fields) for every value of ``to``.
STALE = [
    ("in_progress", "officer", "open", {}),
    ("reported", "officer", "in_progress", {"note": NOTE}),
    ("closed", "chair", "reported", {}),
    ("returned", "secretary", "reported", {"note": "More, please."}),
    ("dropped", "chair", "open", {"note": "The scheme ended."}),
    ("extension_requested", "officer", "open", {"note": "Survey running", "due_date": 30}),
    ("extension_approved", "chair", "open", {}),
    ("extension_rejected", "chair", "open", {"note": "No."}),
]


@pytest.mark.parametrize(("to", "who", "status", "fields"), STALE)
def test_a_stale_version_saves_nothing(db, world, as_, to, who, status, fields):
    if to.startswith("extension_") and to != "extension_requested":
        request_more_time(db, world, as_)
    assignment = set_status(db, fresh(db, world.mine), status)
    read = assignment.version
    # Someone else changes the assignment after it was read.
    assignment.updated_at = utcnow()
    db.session.commit()
    if isinstance(fields.get("due_date"), int):
        fields = {**fields, "due_date": (local_today() + timedelta(fields["due_date"])).isoformat()}
    entries, requests = len(history_of(db, world.mine)), count(db, ExtensionRequest)

    response = transition(as_(who), world.mine, to, version=read, **fields)

    error = error_of(response, 409, "stale_version")
    assert f"changed after version {read} was read; nothing was saved" in error["message"]
    after = fresh(db, world.mine)
    assert (after.status, after.version) == (status, read + 1)
    assert len(history_of(db, world.mine)) == entries
    assert count(db, ExtensionRequest) == requests
    # Sent again with the version now current, it goes through.
    assert transition(as_(who), after, to, **fields).status_code == 200


#: (to, who, status): the user's to make, but not from this status.
PRESENT_STATE = "This cannot be done while the assignment is in its present state."
REFUSED = [
    ("closed", "chair", "open", PRESENT_STATE),
    ("closed", "secretary", "returned", "present state"),
    ("returned", "chair", "in_progress", "present state"),
    ("in_progress", "officer", "reported", "present state"),
    ("in_progress", "officer", "in_progress", "present state"),
    ("reported", "officer", "reported", "present state"),
    ("reported", "officer", "closed", "present state"),
    ("dropped", "chair", "closed", "present state"),
    ("dropped", "chair", "dropped", "present state"),
    ("extension_requested", "officer", "reported", "present state"),
    ("extension_approved", "chair", "open",
     "There is no request for more time waiting for a decision."),
    ("extension_rejected", "chair", "open",
     "There is no request for more time waiting for a decision."),
]  # fmt: skip


@pytest.mark.parametrize(("to", "who", "status", "message"), REFUSED)
def test_the_state_machine_refuses_a_transition_from_the_wrong_state(db, world, as_, to, who,
                                                                     status, message):  # fmt: skip
    assignment = set_status(db, world.mine, status)
    version = assignment.version

    response = transition(as_(who), assignment, to, note="A note", due_date="2099-01-01")

    error = error_of(response, 422, "transition_refused")
    assert message in error["message"]
    after = fresh(db, assignment)
    assert (after.status, after.version) == (status, version)
    assert count(db, StatusChange) == 2


def test_a_second_request_for_more_time_is_refused_while_one_waits(db, world, as_):
    request_more_time(db, world, as_)
    response = transition(as_("colleague"), fresh(db, world.mine), "extension_requested",
                          note="Again", due_date="2099-01-01")  # fmt: skip
    error = error_of(response, 422, "transition_refused")
    assert error["message"] == (
        "A request for more time is already waiting for the chair's decision."
    )
    assert count(db, ExtensionRequest) == 1


#: (to, who, status): someone who sees the assignment but may never make this change.
FORBIDDEN = [
    ("closed", "officer", "reported"),
    ("returned", "officer", "reported"),
    ("dropped", "officer", "open"),
    ("reported", "chair", "open"),
    ("in_progress", "chair", "open"),
    ("extension_requested", "chair", "open"),
    ("reported", "secretary", "open"),
    ("dropped", "secretary", "open"),
    ("extension_approved", "secretary", "open"),
    ("closed", "other_chair", "reported"),
    ("closed", "other_secretary", "reported"),
    ("dropped", "other_chair", "open"),
    ("closed", "admin", "reported"),
    ("reported", "admin", "open"),
    ("extension_approved", "officer", "open"),
    ("extension_rejected", "colleague", "open"),
]


@pytest.mark.parametrize(("to", "who", "status"), FORBIDDEN)
def test_a_transition_is_forbidden_to_whoever_may_never_make_it(db, world, as_, to, who, status):
    assignment = set_status(db, world.mine, status)
    version = assignment.version

    response = transition(as_(who), assignment, to, note="Trying anyway", due_date="2099-01-01")

    error_of(response, 403, "forbidden")
    after = fresh(db, assignment)
    assert (after.status, after.version) == (status, version)
    assert count(db, StatusChange) == 2


@pytest.mark.parametrize("to", ["in_progress", "reported", "extension_requested"])
def test_an_officer_cannot_move_another_departments_assignment(db, world, as_, to):
    response = transition(as_("officer"), world.theirs, to, note="Not mine",
                          due_date="2099-01-01")  # fmt: skip
    error_of(response, 404, "not_found")
    assert fresh(db, world.theirs).version == 1


def test_a_transition_of_an_unknown_assignment_is_not_found(world, as_):
    response = as_("chair").post("/assignments/999999/transitions", {"to": "closed", "version": 1})
    error_of(response, 404, "not_found")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"to": "flying", "version": 1}, "to"),
        ({"to": "open", "version": 1}, "to"),
        ({"version": 1}, "to"),
        ({"to": "in_progress"}, "version"),
        ({"to": "in_progress", "version": "latest"}, "version"),
        ({"to": "in_progress", "version": 1, "note": 5}, "note"),
        ({"to": "in_progress", "version": 1, "colour": "red"}, "colour"),
    ],
)
def test_a_transition_with_bad_fields_is_refused(db, world, as_, body, field):
    response = as_("officer").post(f"/assignments/{world.mine.id}/transitions", body)
    error = error_of(response, 422, "invalid_input")
    assert list(error["fields"]) == [field]
    assert fresh(db, world.mine).version == 1


#: The same work done on two assignments: (web form, API ``to``, who, fields).
STEPS = [
    ("start", "in_progress", "officer", {}),
    ("report", "reported", "officer", {"note": NOTE}),
    ("return", "returned", "chair", {"note": "सूची संलग्न करें।"}),
    ("extension", "extension_requested", "colleague", {"note": "Lists are late.", "days": 20}),
    ("decision", "extension_approved", "chair", {}),
    ("report", "reported", "colleague", {"note": "Lists attached."}),
    ("close", "closed", "secretary", {"note": "Verified."}),
]


def test_the_web_and_the_api_record_the_same_history(app, db, world, as_):
    today = local_today()
    made = []
    for _ in range(2):
        response = as_("secretary").post(
            f"/meetings/{world.meeting.id}/directives",
            {"text": f"Survey the brick kilns, part {len(made) + 1}", "departments": ["BASIC_EDU"],
             "due_date": (today - timedelta(days=2)).isoformat()},
        )  # fmt: skip
        assert response.status_code == 201
        made.append(db.session.get(Assignment, response.get_json()["assignments"][0]["id"]))
    by_web, by_api = made
    web = {}
    for form, to, who, fields in STEPS:
        client = web.setdefault(who, signed_in(app, world.user(who)))
        values = dict(fields)
        new_date = today + timedelta(days=values.pop("days", 0))
        if form == "extension":
            values["due_on"] = new_date.isoformat()
        if form == "decision":
            values["approve"] = "Grant"
        assert post_change(client, by_web, form, **values).status_code == 302
        api_values = {"note": values["note"]} if "note" in values else {}
        if form == "extension":
            api_values["due_date"] = new_date.isoformat()
        response = transition(as_(who), fresh(db, by_api), to, **api_values)
        assert response.status_code == 200, (to, response.get_data(as_text=True))

    def entries(assignment):
        return [(e.kind, e.from_status, e.to_status, e.note, e.actor_id, e.due_on)
                for e in history_of(db, assignment)]  # fmt: skip

    assert entries(by_web) == entries(by_api)
    assert len(entries(by_web)) == len(STEPS) + 1
    web_after, api_after = fresh(db, by_web), fresh(db, by_api)
    assert (web_after.status, web_after.due_on, web_after.version) == (
        api_after.status, api_after.due_on, api_after.version
    )
    assert web_after.status == "closed" and web_after.due_on == today + timedelta(days=20)

    def seen(assignment):
        body = as_("chair").get(f"/assignments/{assignment.id}").get_json()
        return [{key: value for key, value in entry.items() if key not in ("id", "at")}
                for entry in body["history"]]  # fmt: skip

    assert seen(by_web) == seen(by_api)


# The dashboard -------------------------------------------------------------------------------

ZERO = {"open": 0, "overdue": 0, "due_soon": 0, "stale": 0, "closed": 0, "closed_on_time": 0,
        "closed_late": 0, "late_1_7": 0, "late_8_30": 0, "late_31_90": 0, "late_91": 0,
        "compliance": None, "average_days_late": None}  # fmt: skip


@pytest.fixture
def closed_work(db, world):
    """Close one Basic Education assignment late and one Police assignment on time, today."""
    today = local_today()
    for department, days in ((world.edu, -5), (world.police, 2)):
        due = today + timedelta(days=days)
        assignment = add_assignment(db, world, department, status="closed", due_on=due,
                                    text=f"Closed {days}")  # fmt: skip
        assignment.closed_at = utcnow()
    db.session.commit()


EDUCATION = {**ZERO, "open": 1, "overdue": 1, "late_1_7": 1, "closed": 1, "closed_late": 1,
             "compliance": 0.0, "average_days_late": 4.0}  # fmt: skip
POLICE = {**ZERO, "open": 1, "closed": 1, "closed_on_time": 1, "compliance": 100.0}


@pytest.mark.parametrize("who", ["chair", "secretary", "admin"])
def test_the_dashboard_gives_the_totals_and_the_department_table(world, as_, closed_work, who):
    response = as_(who).get("/dashboard")

    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json() == {
        "as_of": local_today().isoformat(),
        "totals": {**ZERO, "open": 2, "overdue": 1, "late_1_7": 1, "closed": 2,
                   "closed_on_time": 1, "closed_late": 1, "compliance": 50.0,
                   "average_days_late": 4.0},
        "departments": [
            {"code": "BASIC_EDU", "name_en": "Basic Education", "name_hi": "बेसिक शिक्षा",
             **EDUCATION},
            {"code": "POLICE", "name_en": "Police", "name_hi": "पुलिस", **POLICE},
        ],
    }  # fmt: skip


def test_the_dashboard_is_narrowed_by_department_and_committee(db, world, as_, closed_work):
    body = as_("chair").get("/dashboard?department=police").get_json()
    assert body["totals"] == POLICE
    assert [row["code"] for row in body["departments"]] == ["POLICE"]
    road = db.session.scalar(select(Committee).where(Committee.name_en == "Road Safety Committee"))
    body = as_("admin").get(f"/dashboard?committee={road.id}").get_json()
    assert (body["totals"], body["departments"]) == (ZERO, [])


def test_the_dashboard_of_another_committees_chair_is_empty(world, as_, closed_work):
    body = as_("other_chair").get("/dashboard").get_json()
    assert (body["totals"], body["departments"]) == (ZERO, [])


@pytest.mark.parametrize("who", ["officer", "police_officer", "stranger"])
def test_the_dashboard_is_refused_to_officers(world, as_, who):
    error = error_of(as_(who).get("/dashboard"), 403, "forbidden")
    assert "chairs, member-secretaries and administrators" in error["message"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("due_from=2026-05-01&due_to=2026-04-01", "due_to"),
        ("department=NOPE", "department"),
        ("due_from=yesterday", "due_from"),
        ("committee=0", "committee"),
        ("view=overdue", "view"),
    ],
)
def test_the_dashboard_refuses_bad_filters(world, as_, query, field):
    error = error_of(as_("chair").get(f"/dashboard?{query}"), 422, "invalid_input")
    assert list(error["fields"]) == [field]


# Statements per request ---------------------------------------------------------------------



@pytest.mark.parametrize("who", ["admin", "officer"])
def test_statements_do_not_grow_with_the_assignments_listed(db, world, as_, who):
    today = local_today()

    def grow(number):
        for index in range(number):
            assignment = add_assignment(db, world, world.edu, text=f"Directive {index}",
                                        due_on=today - timedelta(days=index % 9 - 4))  # fmt: skip
            if index % 3 == 0:
                later = today + timedelta(days=30)
                db.session.add(ExtensionRequest(assignment=assignment, reason="More time",
                                                requested_due_on=later))  # fmt: skip
        db.session.commit()

    api = as_(who)
    paths = ["/assignments?per_page=200", "/assignments?overdue=true&per_page=200"]
    # The first request notes the token's use; the ones measured do not write.
    api.get("/assignments")
    grow(3)
    small = [count_statements(db, api, path) for path in paths]
    assert api.get("/assignments?per_page=200").get_json()["total"] == 5 - (who == "officer")
    grow(45)
    large = [count_statements(db, api, path) for path in paths]
    assert api.get("/assignments?per_page=200").get_json()["total"] == 50 - (who == "officer")
    assert small == large
