"""The secretary reviews proposed directives with the keyboard alone, and sixty of them at once."""

import re
import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from tests.browser.conftest import ARTIFACTS
from tracker.clock import local_today
from tracker.demo import DEMO_PASSWORD, LABOUR_REVIEW, TASK_FORCE
from tracker.extensions import db
from tracker.models import Committee, Directive, Meeting, MinutesVersion, User

pytestmark = pytest.mark.browser

SECRETARY = "secretary@rampurkalan.example.in"


@dataclass(frozen=True)
class Journey:
    """Minutes of five proposals and what the secretary does to them."""

    minutes: str
    #: the first proposal is split just before these words
    split_before: str
    #: the second part starts with these words, which the secretary replaces ...
    second_starts: str
    #: ... with these
    second_becomes: str
    #: typed into "Add a department" on the last proposal, instead of the police
    department_typed: str


JOURNEYS = {
    "en": Journey(
        minutes=(
            "# Monthly meeting of the District Task Force on Child Labour\n\n"
            "The District Magistrate opened the meeting and welcomed the members.\n\n"
            "1. The Labour Department was directed to survey all brick kilns in Rampur block"
            " and to publish the list of kiln owners on the district website.\n"
            "2. The Basic Education Department shall enrol the rescued children in the nearest"
            " schools.\n"
            "3. The Basic Education Department shall also give free uniforms and textbooks to"
            " these children.\n"
            "4. The committee asked the members to note that the next meeting will be held in the"
            " Collectorate hall.\n"
            "5. The Police Department was instructed to register cases against employers who"
            " engage children in dhabas.\n"
        ),
        split_before=" and to publish",
        second_starts="and to ",
        second_becomes="The Labour Department shall ",
        department_typed="Probation",
    ),
    "hi": Journey(
        minutes=(
            "# बाल श्रम उन्मूलन टास्क फोर्स की मासिक बैठक\n\n"
            "जिलाधिकारी ने बैठक की अध्यक्षता की और सदस्यों का स्वागत किया।\n\n"
            "1. श्रम विभाग को रामपुर ब्लॉक के सभी ईंट भट्ठों का सर्वेक्षण करने और भट्ठा"
            " स्वामियों की सूची जिले की वेबसाइट पर प्रकाशित करने के निर्देश दिए गए।\n"
            "2. बेसिक शिक्षा विभाग मुक्त कराए गए बच्चों का निकटतम विद्यालयों में नामांकन कराना"
            " सुनिश्चित करे।\n"
            "3. बेसिक शिक्षा विभाग इन बच्चों को निःशुल्क यूनिफॉर्म एवं पाठ्यपुस्तकें भी उपलब्ध"
            " कराए।\n"
            "4. अध्यक्ष ने सदस्यों से कहा कि अगली बैठक कलेक्ट्रेट सभागार में होगी, सभी सदस्य इसे"
            " नोट करें।\n"
            "5. पुलिस विभाग को निर्देश दिए गए कि ढाबों पर बच्चों से काम कराने वाले नियोजकों के"
            " विरुद्ध मुकदमा दर्ज करे।\n"
        ),
        split_before=" और भट्ठा",
        second_starts="और ",
        second_becomes="श्रम विभाग को ",
        department_typed="प्रोबेशन",
    ),
}

#: Twelve departments, each with something the district asks of it, said in five blocks.
SIXTY_DEPARTMENTS = (
    ("Labour Department", "LABOUR", "inspect the brick kilns and roadside dhabas"),
    ("Basic Education Department", "BASIC_EDU", "enrol every rescued child in the nearest school"),
    ("Police Department", "POLICE", "register cases against employers found engaging children"),
    ("Health Department", "HEALTH", "hold health camps for the rescued children"),
    ("District Probation Officer", "PROBATION",
     "produce the rescued children before the Child Welfare Committee"),
    ("Women and Child Development Department", "WCD",
     "link the families of rescued children to the sponsorship scheme"),
    ("Food and Civil Supplies Department", "FOOD_SUPPLY",
     "issue ration cards to the families of rescued children"),
    ("Rural Development Department", "RURAL_DEV",
     "give job cards to the parents of rescued children"),
    ("Panchayati Raj Department", "PANCHAYATI_RAJ",
     "put up child labour helpline boards in every gram panchayat"),
    ("District Legal Services Authority", "LEGAL_SERVICES",
     "hold legal literacy camps for kiln workers"),
    ("Social Welfare Department", "SOCIAL_WELFARE",
     "sanction old age pensions to the grandparents who care for rescued children"),
    ("Skill Development Department", "SKILL_DEV",
     "enrol the rescued adolescents in vocational courses"),
)  # fmt: skip
SIXTY_BLOCKS = ("Rampur", "Milak", "Shahabad", "Bilaspur", "Swar")
SIXTY_STYLES = (
    "The District Magistrate directed the {department} to {action} in {block} block within"
    " {days} days.",
    "The {department} shall {action} in {block} block within {days} days.",
    "The {department} was instructed to {action} in {block} block within {days} days.",
)


def sixty_directives() -> list[tuple[str, str]]:
    """Return sixty (sentence, department code) pairs, all different."""
    found = []
    for block in SIXTY_BLOCKS:
        for department, code, action in SIXTY_DEPARTMENTS:
            style = SIXTY_STYLES[len(found) % len(SIXTY_STYLES)]
            sentence = style.format(department=department, action=action, block=block,
                                    days=7 + len(found))  # fmt: skip
            found.append((sentence, code))
    return found


@pytest.fixture
def secretary_reads(live_server):
    """Return a function that sets the secretary's language; the old one comes back after."""
    with live_server.app.app_context():
        before = db.session.scalar(select(User.language).where(User.email == SECRETARY))

    def set_language(language: str) -> None:
        with live_server.app.app_context():
            user = db.session.scalar(select(User).where(User.email == SECRETARY))
            user.language = language
            db.session.commit()

    yield set_language
    set_language(before)


@pytest.fixture
def make_meeting(live_server):
    """Return a function that records a meeting of a demo committee, held today, with minutes."""

    def make(committee_name: str, minutes: str, language: str) -> int:
        with live_server.app.app_context():
            committee = db.session.scalar(
                select(Committee).where(Committee.name_en == committee_name)
            )
            secretary = db.session.scalar(select(User).where(User.email == SECRETARY))
            meeting = Meeting(
                committee=committee,
                title=f"Keyboard review {uuid.uuid4().hex[:8]}",
                held_on=local_today(),
                language=language,
                status="draft",
                created_by=secretary,
            )
            meeting.minutes_versions.append(
                MinutesVersion(number=1, source=minutes, language=language, created_by=secretary)
            )
            db.session.add(meeting)
            db.session.commit()
            return meeting.id

    return make


def sign_in(page, base: str) -> None:
    page.goto(f"{base}/login")
    page.locator("input[name=email]").fill(SECRETARY)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(f"{base}/")


#: What has the focus: enough to tell the controls of the review screen apart, and whether the
#: focus can be seen (an outline or a ring).
FOCUSED = """() => {
    const element = document.activeElement;
    const card = element.closest("#cards .review-card");
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return {
        tag: element.tagName.toLowerCase(),
        type: element.getAttribute("type") || "",
        name: element.getAttribute("name") || "",
        id: element.id,
        action: element.dataset.action || "",
        checked: !!element.checked,
        value: element.value === undefined ? "" : String(element.value),
        card: card ? Array.from(document.querySelectorAll("#cards .review-card")).indexOf(card) + 1
                   : 0,
        visible: outline || style.boxShadow !== "none",
        caret: typeof element.selectionStart === "number" ? element.selectionStart : null,
    };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page, wanted, *, backwards: bool = False, limit: int = 60) -> dict:
    """Press Tab (or Shift+Tab) until the focus is on what ``wanted`` accepts; see it each time."""
    key = "Shift+Tab" if backwards else "Tab"
    seen = []
    for _ in range(limit):
        page.keyboard.press(key)
        where = focused(page)
        assert where["visible"], f"the focus cannot be seen on {where}"
        if wanted(where):
            return where
        seen.append(f"{where['card']}:{where['tag']}:{where['name'] or where['id']}")
    raise AssertionError(f"not reached with {limit} × {key}; went through {seen}")


def in_card(number: int, suffix: str):
    return lambda where: where["card"] == number and where["name"].endswith(suffix)


def move_caret(page, offset: int, *, select: bool = False) -> None:
    """Walk the caret (or the selection's end) to ``offset`` with the arrow keys."""
    key = "Shift+ArrowRight" if select else "ArrowRight"
    for _ in range(400):
        at = page.evaluate("() => document.activeElement.selectionEnd")
        if at >= offset:
            assert at == offset, f"the caret jumped over {offset} to {at}"
            return
        page.keyboard.press(key)
    raise AssertionError("the caret did not get there")


def window_shot(page, name: str) -> None:
    """Save what the window shows, where the sticky bar of buttons really is."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def card_texts(page) -> list[str]:
    return page.locator("#cards .review-card textarea").evaluate_all(
        "(areas) => areas.map((area) => area.value)"
    )


def status(page) -> str:
    """Return what the status line says once it has said something."""
    page.wait_for_function("() => document.getElementById('review-status').textContent !== ''")
    return page.locator("#review-status").inner_text()


def numbers_in(text: str) -> list[int]:
    return sorted(int(n) for n in re.findall(r"\d+", text))


def directives_of(app, meeting_id: int) -> list[tuple[str, list[str], str | None]]:
    """Return each directive of the meeting: its text, departments and passage of the minutes."""
    with app.app_context():
        found = db.session.scalars(
            select(Directive).where(Directive.meeting_id == meeting_id).order_by(Directive.id)
        ).all()
        return [
            (
                d.action_text,
                sorted(a.department.code for a in d.assignments),
                d.minutes_version.source[d.source_start : d.source_end]
                if d.source_start is not None else None,
            )
            for d in found
        ]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "hi"])
def test_split_merge_reject_and_redirect_with_the_keyboard_alone(
    live_server, new_page, screenshot, secretary_reads, make_meeting, language
):
    journey = JOURNEYS[language]
    secretary_reads(language)
    meeting_id = make_meeting(TASK_FORCE.name_en, journey.minutes, language)
    base = live_server.url
    page = new_page(locale="hi-IN" if language == "hi" else "en-GB",
                    viewport={"width": 1366, "height": 900})  # fmt: skip
    sign_in(page, base)
    page.goto(f"{base}/meetings/{meeting_id}/review")
    page.locator("#add-selection").wait_for()  # the script has set the page up
    originals = card_texts(page)
    assert len(originals) == 5, originals

    # From the top of the page into the minutes, to the first highlighted passage, and from
    # there to its directive.
    tab_to(page, lambda where: where["id"] == "minutes-source")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.dataset.card") is not None
    assert focused(page)["visible"]
    page.keyboard.press("Enter")
    assert in_card(1, "-action_text")(focused(page))

    # Split the first proposal where its second action begins.
    first = originals[0]
    cut = first.index(journey.split_before)
    page.keyboard.press("Control+Home")
    move_caret(page, cut)
    tab_to(page, lambda where: where["card"] == 1 and where["action"] == "split", limit=3)
    page.keyboard.press("Enter")
    where = focused(page)
    assert in_card(2, "-action_text")(where), "the focus goes to the new part"
    assert where["caret"] == 0
    texts = card_texts(page)
    assert len(texts) == 6
    assert texts[0] == first[:cut].strip()
    assert texts[1] == first[cut:].strip()
    assert numbers_in(status(page)) == [1, 2]
    # The second part gets a subject of its own.
    move_caret(page, len(journey.second_starts), select=True)
    # Inserted whole, as an input method commits it: typed letter by letter, a virama before
    # the selected text lets Chromium move the caret past the next letter.
    page.keyboard.insert_text(journey.second_becomes)
    second = journey.second_becomes + first[cut:].strip()[len(journey.second_starts) :]
    assert card_texts(page)[1] == second

    # The second and third proposals (now the third and fourth cards) are one directive.
    tab_to(page, lambda where: where["card"] == 3 and where["action"] == "merge")
    page.keyboard.press("Space")
    texts = card_texts(page)
    assert len(texts) == 5
    merged = originals[1] + " " + originals[2]
    assert texts[2] == merged
    assert in_card(3, "-action_text")(focused(page)), "the focus stays on the merged directive"
    assert numbers_in(status(page)) == [3, 4]
    screenshot(page, f"review-keyboard-{language}")

    # The fourth is not a directive: untick Accept.
    tab_to(page, in_card(4, "-include"))
    page.keyboard.press("Space")
    assert not focused(page)["checked"]
    assert numbers_in(page.locator("#accepted-count").inner_text()) == [4, 5]

    # The fifth goes to the probation officer, not to the police.
    tab_to(page, lambda where: where["card"] == 5 and where["name"].endswith("-departments"))
    assert focused(page)["checked"]
    page.keyboard.press("Space")
    assert not focused(page)["checked"]
    tab_to(page, in_card(5, "-add_department"), limit=5)
    page.keyboard.type(journey.department_typed)
    page.keyboard.press("Enter")
    fifth = page.locator("#cards .review-card").nth(4)
    fifth.locator(".chosen-departments input:checked").wait_for()
    assert fifth.locator(".chosen-departments input:checked").count() == 1
    assert page.url.endswith("/review"), "Enter in a field does not send the review"
    assert focused(page)["value"] == ""
    screenshot(page, f"review-keyboard-{language}-department")
    window_shot(page, f"review-keyboard-{language}-window")

    # Confirm.
    tab_to(page, lambda where: where["type"] == "submit", limit=40)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/meetings/{meeting_id}")
    assert page.locator(".flash-success").count() == 1

    made = directives_of(live_server.app, meeting_id)
    assert len(made) == 4, made
    by_text = {text: (codes, quoted) for text, codes, quoted in made}
    # Each part of the split keeps its own piece of the minutes.
    assert by_text[first[:cut].strip()] == (["LABOUR"], first[:cut].strip())
    assert by_text[second] == (["LABOUR"], first[cut:].strip())
    codes, quoted = by_text[merged]
    assert codes == ["BASIC_EDU"]
    assert quoted.startswith(originals[1]) and quoted.endswith(originals[2])
    assert by_text[originals[4]][0] == ["PROBATION"]
    assert originals[3] not in by_text
    shown = page.locator("main").inner_text()
    assert all(text in shown for text in by_text)


def test_sixty_proposals_are_all_reachable_and_confirmed_from_the_keyboard(
    live_server, new_page, screenshot, secretary_reads, make_meeting
):
    secretary_reads("en")
    expected = sixty_directives()
    minutes = "# Quarterly review of the child labour action plan\n\n" + "".join(
        f"{number}. {sentence}\n" for number, (sentence, _) in enumerate(expected, start=1)
    )
    meeting_id = make_meeting(LABOUR_REVIEW.name_en, minutes, "en")
    base = live_server.url
    page = new_page(locale="en-GB", viewport={"width": 1366, "height": 900})
    sign_in(page, base)
    page.goto(f"{base}/meetings/{meeting_id}/review")
    page.locator("#add-selection").wait_for()
    assert page.locator("#cards .review-card").count() == 60
    assert page.locator("#minutes-source mark").count() == 60
    assert numbers_in(page.locator("#accepted-count").inner_text()) == [60, 60]
    screenshot(page, "review-sixty-en")

    # The skip link goes straight to the Confirm button ...
    tab_to(page, lambda where: where["id"] == "skip-to-confirm")
    page.keyboard.press("Enter")
    assert focused(page)["type"] == "submit"

    # ... and from there, going back, every card's Accept and action are reached, each with a
    # focus that shows.
    reached: dict[int, set[str]] = {}

    def back_at_the_minutes(where):
        if where["card"]:
            reached.setdefault(where["card"], set()).add(where["name"].split("-")[-1])
        return where["id"] == "minutes-source"

    tab_to(page, back_at_the_minutes, backwards=True, limit=1500)
    assert sorted(reached) == list(range(1, 61))
    assert all({"include", "action_text", "departments"} <= names for names in reached.values())

    # The minutes lead to the last card too: End, then Enter.
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    where = focused(page)
    assert in_card(60, "-action_text")(where)
    assert where["value"] == expected[-1][0]
    window_shot(page, "review-sixty-en-window")
    # And back: "Show in minutes" puts the focus on the card's passage; Home goes to the first.
    tab_to(page, lambda where: where["card"] == 60 and where["tag"] == "a", backwards=True,
           limit=3)  # fmt: skip
    page.keyboard.press("Enter")
    last_card = page.locator("#cards .review-card").nth(59).get_attribute("data-index")
    assert page.evaluate("() => document.activeElement.dataset.card") == last_card
    page.keyboard.press("Home")
    page.keyboard.press("Enter")
    assert in_card(1, "-action_text")(focused(page))

    # A directive the engine missed is added empty, typed, and thought better of.
    tab_to(page, lambda where: where["id"] == "add-selection", backwards=True, limit=5)
    page.keyboard.press("Enter")
    assert in_card(61, "-action_text")(focused(page))
    assert numbers_in(status(page)) == [61]
    page.keyboard.type("The Labour Department shall")
    tab_to(page, lambda where: where["action"] == "remove", limit=2)
    page.keyboard.press("Enter")
    assert page.locator("#cards .review-card").count() == 60
    assert in_card(60, "-action_text")(focused(page)), "the focus goes to the card before"
    assert numbers_in(page.locator("#accepted-count").inner_text()) == [60, 60]

    tab_to(page, lambda where: where["type"] == "submit", limit=40)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/meetings/{meeting_id}", timeout=30_000)
    assert "60 directives confirmed" in page.locator(".flash-success").inner_text()

    made = directives_of(live_server.app, meeting_id)
    assert sorted((text, codes) for text, codes, _ in made) == sorted(
        (sentence, [code]) for sentence, code in expected
    )
    assert all(quoted == text for text, _, quoted in made)
