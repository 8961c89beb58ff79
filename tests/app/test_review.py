"""Finding directives in the minutes, reviewing them, confirming, and never twice."""

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.conftest import csrf_token
from tests.formdata import form_fields
from tracker.models import Assignment, DepartmentAlias, Directive, StatusChange

ENGLISH_MINUTES = """# Review of welfare schemes

The Collector reviewed the progress of the ration card drive.

1. The Labour Department shall complete the survey of brick kilns by 31 March 2026.
2. The Health Department was directed to hold medical camps for rescued children within 15 days.
3. The Commissioner informed the meeting that 40 workers were registered last month.
"""


@pytest.fixture
def setup(login_as, create_committee, create_department, create_meeting):
    client = login_as("secretary")
    labour = create_department(code="LABOUR", name_en="Labour Department", name_hi="श्रम विभाग")
    health = create_department(code="HEALTH", name_en="Health Department",
                               name_hi="स्वास्थ्य विभाग")  # fmt: skip
    police = create_department(code="POLICE", name_en="Police", name_hi="पुलिस विभाग")
    committee = create_committee(secretary=client.user, departments=[labour, health, police])
    meeting = create_meeting(committee=committee, minutes=ENGLISH_MINUTES, language="en",
                             held_on=date(2026, 3, 2), title="Second review")  # fmt: skip
    return client, meeting, {"LABOUR": labour, "HEALTH": health, "POLICE": police}


def review_page(client, meeting):
    response = client.get(f"/meetings/{meeting.id}/review")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def cards_in(fields):
    return sorted({name.split("-")[1] for name in fields if name.startswith("cards-")}, key=int)


def confirm(client, meeting, fields, **kwargs):
    return client.post(f"/meetings/{meeting.id}/review", data=fields, **kwargs)


def directive_count(db):
    return db.session.scalar(select(func.count()).select_from(Directive))


def test_review_proposes_the_directives_with_departments_and_dates(setup):
    client, meeting, departments = setup
    html = review_page(client, meeting)
    fields = form_fields(html, "review-form")
    cards = cards_in(fields)
    assert len(cards) == 2, html
    texts = [fields[f"cards-{i}-action_text"][0] for i in cards]
    assert "brick kilns" in texts[0]
    assert "medical camps" in texts[1]
    assert fields[f"cards-{cards[0]}-departments"] == [str(departments["LABOUR"].id)]
    assert fields[f"cards-{cards[0]}-due_on"] == ["2026-03-31"]
    assert fields[f"cards-{cards[1]}-departments"] == [str(departments["HEALTH"].id)]
    assert fields[f"cards-{cards[1]}-due_on"] == ["2026-03-17"]
    assert "40 workers were registered" not in " ".join(texts)
    # Each proposal is highlighted in the minutes, exactly over its text.
    assert html.count('<mark id="mark-') == 2


def test_confirming_creates_directives_assignments_and_history(db, setup):
    client, meeting, departments = setup
    fields = form_fields(review_page(client, meeting), "review-form")
    first = cards_in(fields)[0]
    fields[f"cards-{first}-departments"].append(str(departments["POLICE"].id))
    fields[f"cards-{first}-action_text"] = ["Complete the survey of brick kilns."]
    response = confirm(client, meeting, fields)
    assert response.status_code == 302

    directives = db.session.scalars(select(Directive).order_by(Directive.id)).all()
    assert [d.action_text for d in directives][0] == "Complete the survey of brick kilns."
    survey = directives[0]
    assert survey.due_on == date(2026, 3, 31)
    assert survey.minutes_version_id == meeting.minutes.id
    quoted = meeting.minutes.source[survey.source_start : survey.source_end]
    assert "brick kilns by 31 March 2026" in quoted
    assert sorted(a.department.code for a in survey.assignments) == ["LABOUR", "POLICE"]
    assert all(a.status == "open" and a.due_on == date(2026, 3, 31) for a in survey.assignments)
    history = db.session.scalars(select(StatusChange)).all()
    assert len(history) == 3
    assert {h.kind for h in history} == {"created"}
    assert all(h.actor_id == client.user.id for h in history)


def test_running_again_never_duplicates_even_after_the_minutes_change(db, setup):
    client, meeting, _ = setup
    confirm(client, meeting, form_fields(review_page(client, meeting), "review-form"))
    assert directive_count(db) == 2

    again = form_fields(review_page(client, meeting), "review-form")
    # Both proposals are shown as already confirmed and left unticked.
    assert not any(name.endswith("-include") for name in again)
    for name in [n for n in again if n.startswith("cards-") and n.endswith("-action_text")]:
        again[name.replace("action_text", "include")] = ["y"]  # even if ticked on purpose
    response = confirm(client, meeting, again, follow_redirects=True)
    assert "0 directives confirmed" in response.get_data(as_text=True)
    assert directive_count(db) == 2

    token = csrf_token(client, f"/meetings/{meeting.id}/minutes")
    changed = "Preface added later.\n\n" + ENGLISH_MINUTES
    client.post(f"/meetings/{meeting.id}/minutes",
                data={"source": changed, "language": "en", "csrf_token": token})  # fmt: skip
    db.session.refresh(meeting)
    assert meeting.minutes.number == 2, "text under confirmed directives is never rewritten"
    fields = form_fields(review_page(client, meeting), "review-form")
    for name in [n for n in fields if n.endswith("-action_text")]:
        fields[name.replace("action_text", "include")] = ["y"]
    confirm(client, meeting, fields)
    assert directive_count(db) == 2


def test_an_unknown_office_is_mapped_and_remembered_as_an_alias(db, setup, create_meeting):
    client, meeting, departments = setup
    meeting.minutes.source = (
        "The Collector directed the Executive Engineer, Transco to restore supply to the"
        " hostels within a week.\n"
    )
    db.session.commit()
    fields = form_fields(review_page(client, meeting), "review-form")
    card = cards_in(fields)[0]
    mention = fields[f"cards-{card}-mentions-0-mention"][0]
    assert "Transco" in mention
    fields[f"cards-{card}-mentions-0-department"] = ["POLICE — Police / पुलिस विभाग"]
    fields[f"cards-{card}-mentions-0-save_alias"] = ["y"]
    assert confirm(client, meeting, fields).status_code == 302
    alias = db.session.scalar(select(DepartmentAlias).where(DepartmentAlias.text == mention))
    assert alias.department_id == departments["POLICE"].id
    assignment = db.session.scalar(select(Assignment))
    assert assignment.department_id == departments["POLICE"].id
    # Next time the directory knows the name.
    meeting.minutes.source += "\nThe Executive Engineer, Transco shall also repair the pumps.\n"
    db.session.commit()
    again = form_fields(review_page(client, meeting), "review-form")
    last = cards_in(again)[-1]
    assert again[f"cards-{last}-departments"] == [str(departments["POLICE"].id)]


def test_a_directive_added_by_selecting_text(db, setup):
    client, meeting, departments = setup
    fields = form_fields(review_page(client, meeting), "review-form")
    for name in [n for n in fields if n.endswith("-include")]:
        del fields[name]
    sentence = "The Collector reviewed the progress of the ration card drive."
    start = meeting.minutes.source.index(sentence)
    fields.update({
        "cards-99-include": ["y"], "cards-99-action_text": ["Speed up the ration card drive."],
        "cards-99-start": [str(start)], "cards-99-end": [str(start + len(sentence))],
        "cards-99-add_department": ["LABOUR"], "cards-99-priority": ["high"],
        "cards-99-due_on": ["2026-04-15"],
    })  # fmt: skip
    assert confirm(client, meeting, fields).status_code == 302
    directive = db.session.scalar(select(Directive))
    assert directive.action_text == "Speed up the ration card drive."
    assert directive.priority == "high"
    assert directive.due_on == date(2026, 4, 15)
    assert meeting.minutes.source[directive.source_start:directive.source_end] == sentence
    assert [a.department.code for a in directive.assignments] == ["LABOUR"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"add_department": "Department of Magic"}, "Unknown department: Department of Magic"),
        ({"departments": None}, "Choose at least one department."),
        ({"action_text": "   "}, "Write the action, or untick Accept"),
        ({"due_on": "32-13-2026"}, "is not a date"),
    ],
)
def test_mistakes_are_explained_and_nothing_is_lost(db, setup, change, message):
    client, meeting, _ = setup
    fields = form_fields(review_page(client, meeting), "review-form")
    card = cards_in(fields)[0]
    other = cards_in(fields)[1]
    fields[f"cards-{other}-action_text"] = ["My careful correction of the second card."]
    for key, value in change.items():
        if value is None:
            fields.pop(f"cards-{card}-{key}", None)
        else:
            fields[f"cards-{card}-{key}"] = [value]
    response = confirm(client, meeting, fields)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in html
    assert "My careful correction of the second card." in html
    assert directive_count(db) == 0


def test_a_repeat_of_an_earlier_open_directive_is_offered_and_linked(db, setup, create_meeting):
    client, meeting, departments = setup
    earlier = create_meeting(committee=meeting.committee, held_on=date(2026, 1, 5), language="en",
                             title="First review", minutes="")  # fmt: skip
    old = Directive(
        meeting=earlier, action_text="Complete the survey of brick kilns in the district."
    )
    old.assignments.append(Assignment(department=departments["LABOUR"]))
    db.session.add(old)
    db.session.commit()

    html = review_page(client, meeting)
    assert "Resembles a pending directive of" in html
    fields = form_fields(html, "review-form")
    card = cards_in(fields)[0]
    assert fields[f"cards-{card}-repeat_candidate"] == [str(old.id)]
    fields[f"cards-{card}-link_repeat"] = ["y"]
    confirm(client, meeting, fields)
    survey = db.session.scalar(select(Directive).where(Directive.meeting_id == meeting.id)
                               .order_by(Directive.id))  # fmt: skip
    assert survey.repeats_id == old.id
    # The meeting page carries the earlier directive forward while it is pending.
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    carried = page.split("Action taken on earlier directives", 1)[1]
    assert "Complete the survey of brick kilns in the district." in carried


def test_sixty_proposals_are_reviewed_and_confirmed_in_one_go(db, setup):
    client, meeting, _ = setup
    lines = [f"{n}. The Labour Department shall inspect factory number {n} by 30 April 2026."
             for n in range(1, 61)]  # fmt: skip
    meeting.minutes.source = "# Decisions\n\n" + "\n".join(lines) + "\n"
    db.session.commit()
    fields = form_fields(review_page(client, meeting), "review-form")
    assert len(cards_in(fields)) == 60
    response = confirm(client, meeting, fields, follow_redirects=True)
    assert "60 directives confirmed" in response.get_data(as_text=True)
    assert directive_count(db) == 60


def test_review_of_empty_minutes_sends_the_secretary_to_the_editor(setup, db):
    client, meeting, _ = setup
    meeting.minutes.source = ""
    db.session.commit()
    response = client.get(f"/meetings/{meeting.id}/review")
    assert response.headers["Location"].endswith(f"/meetings/{meeting.id}/minutes")
