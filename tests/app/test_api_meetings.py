"""The API's directory and meetings: departments, committees, meetings, extraction, directives."""

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.app.test_api_support import api_client, error_of
from tests.app.test_directives_support import MINUTES, SPAN_TEXT, signed_in
from tests.conftest import count_statements
from tracker.models import Assignment, Directive, Meeting, StatusChange

ENGLISH_MINUTES = """# Review of welfare schemes

The Collector reviewed the progress of the ration card drive.

1. The Labour Department shall complete the survey of brick kilns by 31 March 2026.
2. The Health Department was directed to hold medical camps for rescued children within 15 days.
3. The Commissioner informed the meeting that 40 workers were registered last month.
"""
HINDI_MINUTES = (
    "जिलाधिकारी ने निर्देश दिए कि जिला बेसिक शिक्षा अधिकारी चिन्हित बच्चों का नामांकन"
    " 31 मार्च 2026 तक सुनिश्चित करें।\n"
    "सहायक श्रमायुक्त ने बताया कि पिछले माह 12 प्रतिष्ठानों का निरीक्षण किया गया।\n"
    "पुलिस अधीक्षक को निर्देशित किया गया कि १५ दिन में बाल श्रम के मामलों में कार्रवाई करें।\n"
)
#: Devanagari with a nukta typed as a combining sign, conjuncts, Devanagari digits and a danda.
HINDI_TEXT = "ज़िले के सभी ईंट-भट्ठों का सर्वेक्षण करें और ३१ मार्च तक क्षेत्रवार रिपोर्ट दें।"




def count(db, model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


# Departments and committees -----------------------------------------------------------------


def test_departments_are_listed_by_code_with_their_aliases(app, db, create_department,
                                                         create_user):  # fmt: skip
    edu = create_department(code="BASIC_EDU", name_en="Basic Education", name_hi="बेसिक शिक्षा",
                            aliases=("DBEO", "BSA"))  # fmt: skip
    create_department(code="HEALTH", name_en="Health", name_hi="स्वास्थ्य")
    nclp = create_department(code="NCLP", name_en="National Child Labour Project",
                             name_hi="राष्ट्रीय बाल श्रम परियोजना",
                             aliases=("परियोजना निदेशक",))  # fmt: skip
    nclp.parent = edu
    nclp.is_active = False
    db.session.commit()
    api = api_client(app, create_user("officer", departments=[edu]))

    response = api.get("/departments")

    assert response.status_code == 200
    assert response.get_json() == {
        "items": [
            {"code": "BASIC_EDU", "name_en": "Basic Education", "name_hi": "बेसिक शिक्षा",
             "parent": None, "is_active": True, "aliases": ["BSA", "DBEO"]},
            {"code": "HEALTH", "name_en": "Health", "name_hi": "स्वास्थ्य", "parent": None,
             "is_active": True, "aliases": []},
            {"code": "NCLP", "name_en": "National Child Labour Project",
             "name_hi": "राष्ट्रीय बाल श्रम परियोजना", "parent": "BASIC_EDU", "is_active": False,
             "aliases": ["परियोजना निदेशक"]},
        ],
        "page": 1,
        "per_page": 50,
        "total": 3,
        "pages": 1,
    }  # fmt: skip
    second = api.get("/departments?per_page=2&page=2").get_json()
    assert [item["code"] for item in second["items"]] == ["NCLP"]
    assert (second["page"], second["per_page"], second["total"], second["pages"]) == (2, 2, 3, 2)
    beyond = api.get("/departments?per_page=2&page=3").get_json()
    assert (beyond["items"], beyond["page"], beyond["total"], beyond["pages"]) == ([], 3, 3, 2)


def test_committees_are_listed_with_their_people_and_departments(app, world, as_):
    response = as_("officer").get("/committees")

    assert response.status_code == 200
    body = response.get_json()
    road = world.other_chair
    assert body["items"] == [
        {"id": world.committee.id, "name_en": "District Task Force",
         "name_hi": "जिला टास्क फोर्स",
         "chair": {"id": world.chair.id, "name": "Aditi Rao"},
         "secretary": {"id": world.secretary.id, "name": "Suresh Pathak"},
         "departments": ["BASIC_EDU", "POLICE"]},
        {"id": body["items"][1]["id"], "name_en": "Road Safety Committee",
         "name_hi": "सड़क सुरक्षा समिति",
         "chair": {"id": road.id, "name": "Vikram Sethi"},
         "secretary": {"id": world.other_secretary.id, "name": "Kavita Joshi"},
         "departments": []},
    ]  # fmt: skip
    assert (body["page"], body["per_page"], body["total"], body["pages"]) == (1, 50, 2, 1)
    assert body["items"][1]["id"] != world.committee.id


@pytest.mark.parametrize("path", ["/departments", "/committees"])
@pytest.mark.parametrize(
    ("query", "field"),
    [("per_page=0", "per_page"), ("per_page=201", "per_page"), ("page=0", "page"),
     ("page=two", "page"), ("colour=red", "colour")],
)  # fmt: skip
def test_directory_lists_refuse_bad_paging(world, as_, path, query, field):
    error = error_of(as_("chair").get(f"{path}?{query}"), 422, "invalid_input")
    assert list(error["fields"]) == [field]



def test_directory_statements_do_not_grow_with_rows(db, world, as_, create_department,
                                                    create_committee):  # fmt: skip
    def grow(number):
        for _ in range(number):
            department = create_department(aliases=("Alias one", "Alias two"))
            department.parent = world.edu
            create_committee(departments=[department, world.police], chair=world.chair,
                             secretary=world.secretary)  # fmt: skip

    api = as_("officer")
    paths = ["/departments?per_page=200", "/committees?per_page=200"]
    api.get("/departments")
    grow(2)
    small = [count_statements(db, api, path) for path in paths]
    grow(20)
    large = [count_statements(db, api, path) for path in paths]
    assert api.get("/committees?per_page=200").get_json()["total"] == 24
    assert small == large


@pytest.mark.parametrize("path", ["/departments", "/committees"])
def test_directory_lists_take_the_largest_page(world, as_, path):
    body = as_("chair").get(f"{path}?per_page=200").get_json()
    assert body["per_page"] == 200
    assert len(body["items"]) == body["total"] > 0


# Recording a meeting ------------------------------------------------------------------------


def meeting_body(world, **changes) -> dict:
    body = {"committee": world.committee.id, "date": "2026-04-06", "title": "दूसरी बैठक",
            "language": "hi", "minutes": HINDI_MINUTES, "venue": "कलेक्ट्रेट सभागार"}  # fmt: skip
    body.update(changes)
    return {key: value for key, value in body.items() if value is not None}


@pytest.mark.parametrize("who", ["secretary", "admin"])
def test_a_meeting_is_recorded_with_its_minutes(db, world, as_, who):
    response = as_(who).post("/meetings", meeting_body(world))

    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    meeting = db.session.get(Meeting, body["id"])
    assert body == {
        "id": meeting.id,
        "committee": {"id": world.committee.id, "name_en": "District Task Force",
                      "name_hi": "जिला टास्क फोर्स"},
        "date": "2026-04-06",
        "title": "दूसरी बैठक",
        "venue": "कलेक्ट्रेट सभागार",
        "language": "hi",
        "status": "draft",
        "minutes": HINDI_MINUTES,
        "minutes_version": 1,
        "directives": [],
    }  # fmt: skip
    assert meeting.held_on == date(2026, 4, 6)
    assert meeting.created_by_id == world.user(who).id
    assert meeting.chair_id == world.chair.id
    assert meeting.minutes.source == HINDI_MINUTES
    assert as_(who).get(f"/meetings/{meeting.id}").get_json() == body


def test_a_meeting_without_minutes_has_empty_minutes(db, world, as_):
    response = as_("secretary").post("/meetings", meeting_body(world, minutes=None, venue=None,
                                                               language="en"))  # fmt: skip
    assert response.status_code == 201
    body = response.get_json()
    assert (body["minutes"], body["minutes_version"], body["venue"], body["language"]) == (
        "", 1, "", "en"
    )


@pytest.mark.parametrize("who", ["officer", "chair", "other_secretary", "stranger"])
def test_only_the_secretary_or_an_admin_records_meetings(db, world, as_, who):
    before = count(db, Meeting)
    error = error_of(as_(who).post("/meetings", meeting_body(world)), 403, "forbidden")
    assert "secretary of" in error["message"]
    assert count(db, Meeting) == before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"committee": 999_999}, "committee"),
        ({"committee": None}, "committee"),
        ({"committee": "one"}, "committee"),
        ({"date": None}, "date"),
        ({"date": "31/03/2026"}, "date"),
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": None}, "title"),
        ({"language": "fr"}, "language"),
        ({"language": None}, "language"),
        ({"minutes": 42}, "minutes"),
        ({"agenda": "extra"}, "agenda"),
    ],
)
def test_a_meeting_with_bad_fields_is_refused(db, world, as_, changes, field):
    before = count(db, Meeting)
    error = error_of(as_("secretary").post("/meetings", meeting_body(world, **changes)), 422,
                     "invalid_input")  # fmt: skip
    assert list(error["fields"]) == [field]
    assert count(db, Meeting) == before


def test_no_meeting_is_recorded_for_an_inactive_committee(app, db, world, as_):
    world.committee.is_active = False
    db.session.commit()
    before = count(db, Meeting)

    response = as_("secretary").post("/meetings", meeting_body(world))

    error = error_of(response, 422, "invalid_input")
    assert list(error["fields"]) == ["committee"]
    assert count(db, Meeting) == before
    # The web's meeting form offers only active committees, and refuses this one too.
    web = signed_in(app, world.secretary)
    page = web.post("/meetings/new", data={
        "csrf_token": web.token, "committee_id": str(world.committee.id), "title": "दूसरी बैठक",
        "held_on": "2026-04-06", "language": "hi",
    })  # fmt: skip
    assert page.status_code != 302
    assert count(db, Meeting) == before


@pytest.mark.parametrize(
    ("data", "status", "code", "fields"),
    [
        ("not json", 400, "bad_request", {"json": ["Invalid JSON body."]}),
        ("[1, 2]", 422, "invalid_input", {"_schema": ["Invalid input type."]}),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused(db, world, as_, data, status, code, fields):
    api = as_("secretary")
    response = api.client.post("/api/v1/meetings", data=data, headers=api.headers(),
                               content_type="application/json")  # fmt: skip
    assert error_of(response, status, code)["fields"] == fields


# Reading a meeting --------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["officer", "police_officer", "chair", "other_chair",
                                 "secretary", "other_secretary", "admin"])  # fmt: skip
def test_a_meeting_is_read_with_its_directives(world, as_, who):
    response = as_(who).get(f"/meetings/{world.meeting.id}")

    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    start = MINUTES.index(SPAN_TEXT)
    assert (body["id"], body["title"], body["date"], body["status"]) == (
        world.meeting.id, "जिला टास्क फोर्स की बैठक", "2026-03-02", "published"
    )
    assert body["minutes"] == MINUTES
    assert body["directives"] == [
        {"id": world.directive.id, "meeting": world.meeting.id,
         "text": "सभी चिन्हित बच्चों का विद्यालय में नामांकन सुनिश्चित करें", "priority": "high",
         "due_date": world.directive.due_on.isoformat(), "due_text": "31 मार्च तक",
         "source_start": start, "source_end": start + len(SPAN_TEXT), "repeats": None,
         "assignments": [
             {"id": world.mine.id, "department": "BASIC_EDU", "status": "open",
              "due_date": world.mine.due_on.isoformat(), "version": 1},
             {"id": world.theirs.id, "department": "POLICE", "status": "open",
              "due_date": world.theirs.due_on.isoformat(), "version": 1},
         ]},
    ]  # fmt: skip


def test_an_officer_cannot_read_a_meeting_their_departments_have_no_part_in(world, as_):
    error = error_of(as_("stranger").get(f"/meetings/{world.meeting.id}"), 404, "not_found")
    assert str(world.meeting.id) in error["message"]


def test_an_unknown_meeting_is_not_found(world, as_):
    error_of(as_("admin").get("/meetings/999999"), 404, "not_found")


# Extraction ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "language", "held_on", "proposed"),
    [(HINDI_MINUTES, "hi", date(2026, 3, 2), 2), (ENGLISH_MINUTES, "en", date(2026, 3, 2), 2),
     (HINDI_MINUTES, "hi", date(2026, 12, 28), 2), (MINUTES, "hi", date(2026, 4, 6), 1)],
)  # fmt: skip
def test_extraction_answers_what_the_command_prints(cli, tmp_path, world, as_, create_meeting,
                                                    create_department, minutes, language,
                                                    held_on, proposed):  # fmt: skip
    create_department(code="LABOUR", name_en="Labour Department", name_hi="श्रम विभाग")
    meeting = create_meeting(committee=world.committee, minutes=minutes, language=language,
                             held_on=held_on)  # fmt: skip
    path = tmp_path / "minutes.txt"
    path.write_bytes(minutes.encode("utf-8"))

    response = as_("secretary").post(f"/meetings/{meeting.id}/extract")
    printed = cli.invoke(
        args=["extract", "--json", "--meeting-date", held_on.isoformat(), str(path)]
    )

    assert response.status_code == 200, response.get_data(as_text=True)
    assert printed.exit_code == 0, printed.output
    expected = json.loads(printed.stdout)
    assert response.get_json() == expected
    assert expected["language"] == language
    assert len(expected["directives"]) == proposed
    for candidate in expected["directives"]:
        assert minutes[candidate["start"] : candidate["end"]] == candidate["text"]
    # Nothing is saved by extracting.
    assert as_("secretary").get(f"/meetings/{meeting.id}").get_json()["directives"] == []


def test_extraction_resolves_deadlines_against_the_meeting_date(world, as_, create_meeting):
    meeting = create_meeting(committee=world.committee, minutes=HINDI_MINUTES, language="hi",
                             held_on=date(2026, 3, 2))  # fmt: skip
    directives = as_("admin").post(f"/meetings/{meeting.id}/extract").get_json()["directives"]
    first, second = directives
    assert first["due_date"] == "2026-03-31"
    assert first["assignees"] == [
        {"mention": "जिला बेसिक शिक्षा अधिकारी", "department": "BASIC_EDU"}
    ]
    assert second["due_date"] == "2026-03-17"
    assert {a["department"] for a in second["assignees"]} == {"POLICE"}


def test_extraction_of_empty_minutes_proposes_nothing(world, as_, create_meeting):
    meeting = create_meeting(committee=world.committee, minutes="", language="en")
    response = as_("secretary").post(f"/meetings/{meeting.id}/extract")
    assert response.status_code == 200
    assert response.get_json() == {"language": "en", "directives": []}


@pytest.mark.parametrize(
    ("who", "status", "code"),
    [("officer", 403, "forbidden"), ("police_officer", 403, "forbidden"),
     ("chair", 403, "forbidden"), ("other_secretary", 403, "forbidden"),
     ("stranger", 404, "not_found")],
)  # fmt: skip
def test_only_the_secretary_or_an_admin_extracts(world, as_, who, status, code):
    error_of(as_(who).post(f"/meetings/{world.meeting.id}/extract"), status, code)


def test_extraction_of_an_unknown_meeting_is_not_found(world, as_):
    error_of(as_("secretary").post("/meetings/999999/extract"), 404, "not_found")


# Confirming directives ----------------------------------------------------------------------


def directive_body(**changes) -> dict:
    body = {"text": HINDI_TEXT, "departments": ["BASIC_EDU", "POLICE"], "due_date": "2026-03-31",
            "source_start": None, "source_end": None}  # fmt: skip
    body.update(changes)
    return body


@pytest.fixture
def draft(world, create_meeting):
    """A draft meeting of the world's committee, with Hindi minutes to point into."""
    return create_meeting(committee=world.committee, minutes=HINDI_MINUTES, language="hi",
                          held_on=date(2026, 4, 6), title="दूसरी बैठक")  # fmt: skip


@pytest.mark.parametrize("who", ["secretary", "admin"])
def test_a_directive_is_confirmed_with_one_assignment_per_department(db, world, as_, draft, who):
    passage = "चिन्हित बच्चों का नामांकन 31 मार्च 2026 तक सुनिश्चित करें"
    start = HINDI_MINUTES.index(passage)
    body = directive_body(text=HINDI_TEXT, departments=["police", "BASIC_EDU"],
                          source_start=start, source_end=start + len(passage),
                          due_text="31 मार्च तक", priority="high")  # fmt: skip

    response = as_(who).post(f"/meetings/{draft.id}/directives", body)

    assert response.status_code == 201, response.get_data(as_text=True)
    created = response.get_json()
    directive = db.session.get(Directive, created["id"])
    assignments = {a.department.code: a for a in directive.assignments}
    created["assignments"].sort(key=lambda brief: brief["department"])
    assert created == {
        "id": directive.id, "meeting": draft.id, "text": HINDI_TEXT, "priority": "high",
        "due_date": "2026-03-31", "due_text": "31 मार्च तक", "source_start": start,
        "source_end": start + len(passage), "repeats": None,
        "assignments": [
            {"id": assignments[code].id, "department": code, "status": "open",
             "due_date": "2026-03-31", "version": 1}
            for code in ("BASIC_EDU", "POLICE")
        ],
    }  # fmt: skip
    # Stored exactly as sent, Devanagari and all, and read back the same way.
    assert directive.action_text == HINDI_TEXT
    assert directive.action_text.encode("utf-8") == HINDI_TEXT.encode("utf-8")
    assert directive.minutes_version_id == draft.minutes.id
    assert directive.created_by_id == world.user(who).id
    for assignment in assignments.values():
        (entry,) = assignment.history
        assert (entry.kind, entry.to_status, entry.actor_id) == (
            "created", "open", world.user(who).id
        )
    read = as_("officer").get(f"/meetings/{draft.id}").get_json()
    assert read["directives"][0]["text"] == HINDI_TEXT
    detail = as_("officer").get(f"/assignments/{assignments['BASIC_EDU'].id}").get_json()
    assert detail["directive"]["text"] == HINDI_TEXT


def test_a_directive_without_a_span_or_date_is_confirmed(db, world, as_, draft):
    response = as_("secretary").post(f"/meetings/{draft.id}/directives",
                                     {"text": "Submit the list of schools.",
                                      "departments": ["POLICE"]})  # fmt: skip
    assert response.status_code == 201, response.get_data(as_text=True)
    created = response.get_json()
    assert (created["due_date"], created["source_start"], created["source_end"],
            created["priority"]) == (None, None, None, "normal")  # fmt: skip
    assert [a["department"] for a in created["assignments"]] == ["POLICE"]


@pytest.mark.parametrize(
    "repeat",
    [{"text": "सभी चिन्हित बच्चों का विद्यालय में नामांकन सुनिश्चित करें"},
     {"text": "  सभी चिन्हित बच्चों का विद्यालय में नामांकन सुनिश्चित करें  "},
     {"text": "A different wording", "span": True}],
)  # fmt: skip
def test_a_directive_the_meeting_already_has_is_refused(db, world, as_, repeat):
    start = MINUTES.index(SPAN_TEXT)
    body = directive_body(text=repeat["text"])
    if repeat.get("span"):
        body.update(source_start=start, source_end=start + len(SPAN_TEXT))
    directives, assignments = count(db, Directive), count(db, Assignment)

    response = as_("secretary").post(f"/meetings/{world.meeting.id}/directives", body)

    error = error_of(response, 409, "duplicate")
    assert error["message"] == "This meeting already has that directive."
    assert (count(db, Directive), count(db, Assignment)) == (directives, assignments)


def test_the_same_directive_sent_twice_is_made_once(db, world, as_, draft):
    first = as_("secretary").post(f"/meetings/{draft.id}/directives", directive_body())
    assert first.status_code == 201
    second = as_("secretary").post(f"/meetings/{draft.id}/directives", directive_body())
    error_of(second, 409, "duplicate")
    assert db.session.scalar(
        select(func.count()).select_from(Directive).where(Directive.meeting_id == draft.id)
    ) == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"source_start": 0, "source_end": len(HINDI_MINUTES) + 1}, "source_start"),
        ({"source_start": -1, "source_end": 5}, "source_start"),
        ({"source_start": 10, "source_end": 10}, "source_start"),
        ({"source_start": 20, "source_end": 10}, "source_start"),
        ({"source_start": 5}, "source_end"),
        ({"source_end": 5}, "source_start"),
        ({"departments": ["NOPE"]}, "departments"),
        ({"departments": ["POLICE", "NOPE"]}, "departments"),
        ({"departments": []}, "departments"),
        ({"departments": "POLICE"}, "departments"),
        ({"text": ""}, "text"),
        ({"text": None}, "text"),
        ({"due_date": "next week"}, "due_date"),
        ({"priority": "critical"}, "priority"),
        ({"repeats": 999_999}, "repeats"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_directive_with_bad_fields_is_refused(db, world, as_, draft, changes, field):
    directives = count(db, Directive)

    response = as_("secretary").post(f"/meetings/{draft.id}/directives",
                                     directive_body(**changes))  # fmt: skip

    error = error_of(response, 422, "invalid_input")
    assert list(error["fields"]) == [field], error
    assert count(db, Directive) == directives


def test_an_unknown_department_is_named_in_the_refusal(world, as_, draft):
    body = directive_body(departments=["POLICE", "nope", "WAT"])
    response = as_("secretary").post(f"/meetings/{draft.id}/directives", body)
    error = error_of(response, 422, "invalid_input")
    assert error["fields"] == {"departments": [
        "Unknown department: NOPE, WAT. GET /api/v1/departments lists the codes."
    ]}  # fmt: skip


def test_a_span_outside_the_minutes_is_explained(world, as_, draft):
    length = len(HINDI_MINUTES)
    response = as_("secretary").post(
        f"/meetings/{draft.id}/directives",
        directive_body(source_start=3, source_end=length + 7),
    )
    error = error_of(response, 422, "invalid_input")
    assert error["fields"]["source_start"] == [
        f"The span 3–{length + 7} is not inside the minutes ({length} characters)."
    ]


def test_an_inactive_department_cannot_be_assigned(db, world, as_, draft):
    world.police.is_active = False
    db.session.commit()
    response = as_("secretary").post(f"/meetings/{draft.id}/directives", directive_body())
    error = error_of(response, 422, "invalid_input")
    assert "POLICE" in error["fields"]["departments"][0]


@pytest.mark.parametrize(
    ("who", "status", "code"),
    [("other_secretary", 403, "forbidden"), ("officer", 403, "forbidden"),
     ("chair", 403, "forbidden"), ("other_chair", 403, "forbidden"),
     ("stranger", 404, "not_found")],
)  # fmt: skip
def test_only_the_committees_secretary_or_an_admin_adds_directives(db, world, as_, draft, who,
                                                                   status, code):  # fmt: skip
    directives = count(db, Directive)
    response = as_(who).post(f"/meetings/{draft.id}/directives", directive_body())
    error_of(response, status, code)
    assert count(db, Directive) == directives


def test_a_directive_for_an_unknown_meeting_is_not_found(world, as_):
    error_of(as_("secretary").post("/meetings/999999/directives", directive_body()), 404,
             "not_found")  # fmt: skip


def test_a_directive_may_repeat_an_open_one_of_an_earlier_meeting(db, world, as_, draft):
    response = as_("secretary").post(f"/meetings/{draft.id}/directives",
                                     directive_body(repeats=world.directive.id))  # fmt: skip
    assert response.status_code == 201, response.get_data(as_text=True)
    created = response.get_json()
    assert created["repeats"] == world.directive.id
    assert db.session.get(Directive, created["id"]).repeats_id == world.directive.id
    history = db.session.scalars(select(StatusChange).where(
        StatusChange.assignment_id == created["assignments"][0]["id"])).all()  # fmt: skip
    assert [entry.kind for entry in history] == ["created"]
