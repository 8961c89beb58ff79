"""A member-secretary goes from a finished meeting to directives with their departments."""

import re

import pytest
from sqlalchemy import select

from tracker.demo import DEMO_PASSWORD
from tracker.extensions import db
from tracker.models import Directive, Meeting

pytestmark = pytest.mark.browser

SECRETARY = "secretary@rampurkalan.example.in"
OFFICER = "bsa@rampurkalan.example.in"  # acts for Basic Education
MINUTES = (
    "# बाल श्रम टास्क फोर्स की विशेष बैठक\n\n"
    "जिलाधिकारी ने निर्देश दिए कि श्रम विभाग 15 दिन में सभी ईंट भट्ठों का निरीक्षण पूर्ण करे।\n\n"
    "मुख्य चिकित्सा अधिकारी को निर्देशित किया गया कि मुक्त कराए गए बच्चों का स्वास्थ्य परीक्षण"
    " 30 नवंबर 2026 तक कराएं।\n\n"
    "बैठक में बताया गया कि चिन्हित बच्चों का विद्यालय में नामांकन कराया जाना अभी शेष है।\n"
)
MISSED = "चिन्हित बच्चों का विद्यालय में नामांकन कराया जाना अभी शेष है"


def sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{base}/")


def select_text(page, text: str) -> None:
    """Select ``text`` inside the minutes panel, as a mouse drag would."""
    page.evaluate(
        """(wanted) => {
            const source = document.getElementById("minutes-source");
            const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode;
                const at = node.data.indexOf(wanted);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + wanted.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    return;
                }
            }
            throw new Error("text not found in the minutes");
        }""",
        text,
    )


def card_containing(page, text: str):
    cards = page.locator(".review-card")
    for index in range(cards.count()):
        card = cards.nth(index)
        if text in card.locator("textarea").input_value():
            return card
    raise AssertionError(f"no card contains {text!r}")


def test_secretary_records_reviews_and_confirms(live_server, new_page, screenshot):
    base = live_server.url
    page = new_page(locale="hi-IN", viewport={"width": 1366, "height": 900})
    sign_in(page, base, SECRETARY)

    page.goto(f"{base}/meetings/new")
    page.locator("select[name=committee_id]").select_option(index=1)  # the task force
    page.locator("input[name=title]").fill("विशेष बैठक")
    page.locator("input[name=held_on]").fill("2026-11-02")
    page.locator("select[name=language]").select_option("hi")
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile(r"/meetings/\d+/minutes$"))

    page.locator("textarea[name=source]").fill(MINUTES)
    page.locator("#preview h1").wait_for()  # the live preview renders the heading
    page.locator("input[type=submit]").click()
    page.wait_for_url(re.compile(r"/meetings/\d+$"))
    meeting_url = page.url

    page.locator("a[href$='/review']").first.click()
    page.wait_for_url(re.compile(r"/review$"))
    screenshot(page, "review-hi")

    health = card_containing(page, "स्वास्थ्य परीक्षण")
    for box in health.locator(".chosen-departments input:checked").all():
        box.uncheck()
    option = page.locator("#department-list option[value^='WCD']").first.get_attribute("value")
    health.locator("input.add-department").fill(option)
    assert health.locator(".chosen-departments input:checked").count() == 1

    select_text(page, MISSED)
    page.locator("#add-selection").click()
    added = card_containing(page, MISSED)
    option = page.locator("#department-list option[value^='BASIC_EDU']").get_attribute("value")
    added.locator("input.add-department").fill(option)
    screenshot(page, "review-hi-corrected")

    page.locator("#review-form input[type=submit]").click()
    page.wait_for_url(meeting_url)
    assert MISSED in page.locator("main").inner_text()

    with live_server.app.app_context():
        meeting = db.session.scalar(select(Meeting).where(Meeting.title == "विशेष बैठक"))
        directives = db.session.scalars(
            select(Directive).where(Directive.meeting_id == meeting.id)).all()  # fmt: skip
        by_text = {d.action_text: sorted(a.department.code for a in d.assignments)
                   for d in directives}  # fmt: skip
        health_codes = next(v for k, v in by_text.items() if "स्वास्थ्य परीक्षण" in k)
        assert health_codes == ["WCD"]
        assert by_text[MISSED] == ["BASIC_EDU"]
        added_directive = next(d for d in directives if d.action_text == MISSED)
        source = added_directive.minutes_version.source
        assert source[added_directive.source_start : added_directive.source_end] == MISSED

    # The review screen in English, for a person to look at.
    english = page.get_by_role("button", name="English")
    if english.count():  # earlier tests may have switched this demo user already
        english.click()
    page.goto(meeting_url + "/review")
    screenshot(page, "review-en")

    officer = new_page(locale="hi-IN")
    sign_in(officer, base, OFFICER)
    officer.goto(meeting_url)
    assert MISSED in officer.locator("main").inner_text()
    screenshot(officer, "meeting-officer-hi")
