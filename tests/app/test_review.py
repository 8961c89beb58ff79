"""Finding directives in the minutes, reviewing them, confirming, and never twice."""

from datetime import date

import pytest
from sqlalchemy import func, select

from tests.conftest import csrf_token
from tests.formdata import form_fields
from tracker.meetings.review import REPEAT_THRESHOLD, normalise, similarity
from tracker.models import Assignment, DepartmentAlias, Directive, StatusChange

ENGLISH_MINUTES = """# Review of welfare schemes

The Collector reviewed the progress of the ration card drive.

1. The Labour Department shall complete the survey of brick kilns by 31 March 2026.
2. The Health Department was directed to hold medical camps for rescued children within 15 days.
3. The Commissioner informed the meeting that 40 workers were registered last month.
"""


#: (earlier open directive, new proposal) that ask for the same thing, in other words, with
#: another deadline, other numbers, sometimes naming the department and sometimes not.
REPEATS = [
    ("The Labour Department shall complete the survey of brick kilns in the district by"
     " 31 March 2026.",
     "The Labour Department was directed to complete the survey of brick kilns within 15 days."),
    ("Hold medical camps for the rescued children within 15 days.",
     "The Health Department shall hold medical camps for the rescued children before the next"
     " meeting."),
    ("Issue ration cards to the 42 families of rescued children.",
     "The Food and Civil Supplies Department shall issue ration cards to the families of rescued"
     " children by 30 June 2026."),
    ("The Superintendent of Police shall register FIRs against the employers of children in"
     " dhabas.",
     "The District Magistrate instructed the Police to register FIRs against the employers of"
     " children in dhabas immediately."),
    ("श्रम विभाग 31 मार्च 2026 तक जनपद के सभी ईंट भट्ठों का सर्वेक्षण पूर्ण करे।",
     "श्रम विभाग को निर्देशित किया गया कि ईंट भट्ठों का सर्वेक्षण 15 दिन में पूर्ण करें।"),
    ("मुक्त कराए गए बच्चों का विद्यालय में नामांकन कराएं।",
     "बेसिक शिक्षा विभाग मुक्त कराए गए 19 बच्चों का विद्यालय में नामांकन एक सप्ताह के भीतर"
     " कराना सुनिश्चित करे।"),
    ("ग्राम पंचायतों में बाल श्रम हेल्पलाइन के बोर्ड लगवाएं।",
     "पंचायती राज विभाग सभी ग्राम पंचायतों में बाल श्रम हेल्पलाइन 1098 के बोर्ड अगली बैठक से"
     " पूर्व लगवाए।"),
    ("जिला पूर्ति अधिकारी मुक्त बच्चों के परिवारों को राशन कार्ड जारी करें।",
     "खाद्य एवं रसद विभाग 30 दिन में मुक्त बच्चों के परिवारों को राशन कार्ड जारी करे।"),
    ("Conduct a survey of all brick kilns of the district.",
     "The Labour Department shall complete the survey of the brick kiln by 15 May 2026."),
    ("ईंट भट्ठों का सर्वेक्षण कराया जाए।",
     "श्रम विभाग 15 दिन में ईंट भट्ठे का सर्वेक्षण करे।"),
    ("The DPO shall produce the rescued children before the Child Welfare Committee.",
     "The District Probation Officer was asked to produce all rescued children before the Child"
     " Welfare Committee within 24 hours."),
    ("सभी ढाबों एवं होटलों पर बाल श्रम निषेध के पोस्टर लगाए जाएं।",
     "श्रम प्रवर्तन अधिकारी 31 जुलाई 2026 तक ढाबों और होटलों पर बाल श्रम निषेध संबंधी पोस्टर"
     " लगवाएं।"),
]  # fmt: skip
#: Directives that share the department, the deadline and the numbers, or whom the action is
#: for, but ask for other things.
NOT_REPEATS = [
    ("The Labour Department shall complete the survey of brick kilns by 31 March 2026.",
     "The Labour Department shall register all construction workers on the e-Shram portal by"
     " 31 March 2026."),
    ("The Health Department shall hold medical camps for rescued children within 15 days.",
     "The Health Department shall vaccinate all children of migrant workers within 15 days."),
    ("The Police Department shall register FIRs against employers within 7 days.",
     "The Police Department shall set up an anti-human trafficking unit within 7 days."),
    ("The Basic Education Department shall enrol the 19 rescued children in schools by"
     " 30 April 2026.",
     "The Basic Education Department shall give 19 bicycles to girl students by 30 April 2026."),
    ("श्रम विभाग 31 मार्च 2026 तक ईंट भट्ठों का सर्वेक्षण पूर्ण करे।",
     "श्रम विभाग 31 मार्च 2026 तक निर्माण श्रमिकों का पंजीकरण ई-श्रम पोर्टल पर कराए।"),
    ("स्वास्थ्य विभाग 15 दिन में मुक्त बच्चों का स्वास्थ्य परीक्षण कराए।",
     "स्वास्थ्य विभाग 15 दिन में सभी आंगनबाड़ी केंद्रों पर टीकाकरण शिविर लगाए।"),
    ("पुलिस विभाग एक सप्ताह के भीतर ढाबा मालिकों के विरुद्ध मुकदमा दर्ज करे।",
     "पुलिस विभाग एक सप्ताह के भीतर मानव तस्करी विरोधी इकाई का गठन करे।"),
    ("बेसिक शिक्षा विभाग 30 अप्रैल 2026 तक 19 बच्चों का नामांकन कराए।",
     "बेसिक शिक्षा विभाग 30 अप्रैल 2026 तक 19 विद्यालयों में शौचालय का निर्माण कराए।"),
    ("Hold medical camps for the rescued children.",
     "Enrol the rescued children in the nearest schools."),
    ("मुक्त कराए गए बच्चों का स्वास्थ्य परीक्षण कराएं।",
     "मुक्त कराए गए बच्चों के परिवारों को आवास योजना का लाभ दिलाएं।"),
    ("ढाबा मालिकों के विरुद्ध मुकदमा दर्ज करें।",
     "ढाबा मालिकों को बाल श्रम कानून की जानकारी देने हेतु कार्यशाला आयोजित करें।"),
]  # fmt: skip


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


def pair_id(pair) -> str:
    return pair[1][:40]


@pytest.mark.parametrize(("earlier", "proposed"), REPEATS, ids=map(pair_id, REPEATS))
def test_a_repeat_asks_for_the_same_whatever_the_deadline_numbers_and_names(earlier, proposed):
    assert similarity(earlier, proposed) >= REPEAT_THRESHOLD


@pytest.mark.parametrize(("earlier", "proposed"), NOT_REPEATS, ids=map(pair_id, NOT_REPEATS))
def test_a_different_ask_is_no_repeat_despite_the_same_deadline_and_names(earlier, proposed):
    assert similarity(earlier, proposed) < REPEAT_THRESHOLD


def test_the_threshold_lies_between_the_repeats_and_the_rest():
    lowest_repeat = min(similarity(a, b) for a, b in REPEATS)
    highest_other = max(similarity(a, b) for a, b in NOT_REPEATS)
    assert highest_other + 0.1 <= REPEAT_THRESHOLD <= lowest_repeat - 0.1, (
        highest_other, lowest_repeat)  # fmt: skip


def test_hindi_words_are_compared_whole():
    assert normalise("ईंट-भट्ठों का निरीक्षण करें।") == "ईंट भट्ठों का निरीक्षण करें"
    assert similarity("बच्चों का नामांकन कराएं", "बच्चों को यूनिफॉर्म दें") < REPEAT_THRESHOLD


@pytest.mark.parametrize(
    ("earlier", "department", "minutes", "offered"),
    [
        ("Complete the survey of brick kilns in the district.", "LABOUR",
         "The Labour Department shall complete the survey of brick kilns by 31 March 2026.", True),
        ("ईंट भट्ठों का सर्वेक्षण कराया जाए।", "LABOUR",
         "श्रम विभाग 15 दिन में ईंट भट्ठे का सर्वेक्षण करे।", True),
        ("The Health Department shall hold medical camps for rescued children within 15 days.",
         "HEALTH",
         "The Health Department shall vaccinate all children of migrant workers within 15 days.",
         False),
        ("श्रम विभाग 31 मार्च 2026 तक निर्माण श्रमिकों का पंजीकरण ई-श्रम पोर्टल पर कराए।", "LABOUR",
         "श्रम विभाग 31 मार्च 2026 तक ईंट भट्ठों का सर्वेक्षण पूर्ण करे।", False),
        # Alike in words (0.5), but the police were asked one thing and labour another.
        ("The Police shall register FIRs against the owners of dhabas employing children.",
         "POLICE", "The Labour Department shall fine the owners of dhabas employing children.",
         False),
    ],
    ids=["en-repeat", "hi-repeat", "en-other-ask", "hi-other-ask", "other-department"],
)  # fmt: skip
def test_the_review_offers_a_repeat_only_for_the_same_ask_of_the_same_department(
    db, setup, create_meeting, earlier, department, minutes, offered
):
    client, meeting, departments = setup
    meeting.minutes.source = minutes + "\n"
    db.session.commit()
    before = create_meeting(committee=meeting.committee, held_on=date(2026, 1, 5),
                            title="First review", minutes="")  # fmt: skip
    old = Directive(meeting=before, action_text=earlier)
    old.assignments.append(Assignment(department=departments[department]))
    db.session.add(old)
    db.session.commit()

    fields = form_fields(review_page(client, meeting), "review-form")
    (card,) = cards_in(fields)
    assert fields[f"cards-{card}-repeat_candidate"] == ([str(old.id)] if offered else [""])


def test_the_parts_of_a_split_card_are_both_confirmed(db, setup):
    client, meeting, departments = setup
    fields = form_fields(review_page(client, meeting), "review-form")
    first, second = cards_in(fields)
    del fields[f"cards-{second}-include"]
    # The secretary split the first card without narrowing its passage: both parts keep it.
    for name in [n for n in fields if n.startswith(f"cards-{first}-")]:
        fields[name.replace(f"cards-{first}-", "cards-77-", 1)] = list(fields[name])
    fields[f"cards-{first}-action_text"] = ["Complete the survey of brick kilns."]
    fields["cards-77-action_text"] = ["Publish the list of kiln owners."]
    assert confirm(client, meeting, fields).status_code == 302
    texts = sorted(d.action_text for d in db.session.scalars(select(Directive)))
    assert texts == ["Complete the survey of brick kilns.", "Publish the list of kiln owners."]


def test_each_card_says_why_it_was_proposed_in_the_readers_language(
        db, login_as, create_committee, create_department, create_meeting):
    client = login_as("secretary", language="hi")
    labour = create_department(code="LABOUR", name_en="Labour Department", name_hi="श्रम विभाग")
    committee = create_committee(secretary=client.user, departments=[labour])
    minutes = ("| क्रम | निर्णय | कार्यवाही | समय-सीमा |\n|---|---|---|---|\n"
               "| 1 | ईंट भट्ठों का सर्वेक्षण | श्रम विभाग | 31.03.2026 |\n\n"
               "जिलाधिकारी ने श्रम विभाग को निर्देश दिए कि ढाबों का निरीक्षण 15 दिन में करें।\n")
    meeting = create_meeting(committee=committee, minutes=minutes, held_on=date(2026, 3, 2))
    html = review_page(client, meeting)
    fields = form_fields(html, "review-form")
    assert [fields[f"cards-{i}-rule"] for i in cards_in(fields)] == [
        ["row of an action table"], ["hi directive verb"]]
    assert "प्रस्तावित, क्योंकि यह कार्यों की तालिका की एक पंक्ति है।" in html
    assert "इन शब्दों के कारण प्रस्तावित: “निर्देश दिए”।" in html
    # The engine's own words for its rules are for the command line, not for the page.
    assert "directive verb" not in html.replace('value="hi directive verb"', "")
    assert "row of an action table" not in html.replace('value="row of an action table"', "")
    # A card sent back with a mistake keeps saying why.
    fields[f"cards-{cards_in(fields)[1]}-due_on"] = ["32-13-2026"]
    again = confirm(client, meeting, fields).get_data(as_text=True)
    assert "इन शब्दों के कारण प्रस्तावित: “निर्देश दिए”।" in again
