"""A department officer reports on an overdue directive with a PDF; the chair closes it."""

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfWriter
from sqlalchemy import select

from tracker.clock import local_today
from tracker.demo import DEMO_PASSWORD
from tracker.extensions import db
from tracker.models import Assignment, Department, Directive, Meeting, StatusChange, User

pytestmark = pytest.mark.browser

OFFICER = "bsa@rampurkalan.example.in"
CHAIR = "dm@rampurkalan.example.in"
SECRETARY = "secretary@rampurkalan.example.in"
SENTENCE_START = "जिला बेसिक शिक्षा अधिकारी श्री अरविंद कुमार निगम को निर्देशित किया गया"
SENTENCE_END = "यूनिफॉर्म उपलब्ध कराएं।"
REPORT = (
    "मुक्त कराए गए **19 में से 17 बच्चों** का नामांकन परिषदीय विद्यालयों में हो गया है।\n\n"
    "- पाठ्यपुस्तकें और यूनिफॉर्म वितरित\n- शेष 2 बच्चे परिवार सहित जनपद से बाहर गए"
)


def tiny_pdf(path):
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def overdue_assignment(live_server):
    """Add a directive of the first task-force meeting for Basic Education, due 5 days ago."""
    with live_server.app.app_context():
        meeting = db.session.scalar(
            select(Meeting).where(Meeting.title == "जिला टास्क फोर्स की प्रथम बैठक")
        )
        minutes = meeting.minutes
        start = minutes.source.index(SENTENCE_START)
        end = minutes.source.index(SENTENCE_END, start) + len(SENTENCE_END)
        department = db.session.scalar(select(Department).where(Department.code == "BASIC_EDU"))
        secretary = db.session.scalar(select(User).where(User.email == SECRETARY))
        due = local_today() - timedelta(days=5)
        directive = Directive(
            meeting=meeting,
            minutes_version=minutes,
            source_start=start,
            source_end=end,
            action_text="मुक्त कराए गए सभी 19 बच्चों का निकटतम परिषदीय विद्यालय में नामांकन कराएं"
            " तथा पाठ्यपुस्तकें एवं यूनिफॉर्म उपलब्ध कराएं",
            due_on=due,
            due_text="एक सप्ताह के भीतर",
            priority="high",
        )
        assignment = Assignment(department=department, due_on=due)
        directive.assignments.append(assignment)
        db.session.add(directive)
        db.session.flush()
        db.session.add(
            StatusChange(
                assignment=assignment, kind="created", to_status="open", actor_id=secretary.id
            )
        )
        # Each person reads the tracker in their own language: here Hindi for both.
        people = db.session.scalars(select(User).where(User.email.in_([OFFICER, CHAIR]))).all()
        languages = {user.email: user.language for user in people}
        for user in people:
            user.language = "hi"
        db.session.commit()
        assignment_id = assignment.id
    yield assignment_id
    with live_server.app.app_context():
        for user in db.session.scalars(select(User).where(User.email.in_(list(languages)))):
            user.language = languages[user.email]
        db.session.commit()


def sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{base}/")


def switch_language(page, to: str) -> None:
    page.locator(f"button[name=language][value={to}]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == to


def test_officer_reports_with_a_pdf_and_the_chair_closes(
    live_server, new_page, screenshot, overdue_assignment, tmp_path
):
    base = live_server.url
    assignment_id = overdue_assignment
    pdf = tiny_pdf(tmp_path / "नामांकन-सूची.pdf")

    # The officer signs in (in Hindi) and finds the overdue item at the top of the inbox.
    officer = new_page(locale="hi-IN")
    sign_in(officer, base, OFFICER)
    officer.goto(f"{base}/inbox")
    row = officer.locator(f'table.inbox tr[data-assignment="{assignment_id}"]')
    assert "overdue" in officer.locator("table.inbox tbody tr").first.get_attribute("class")
    assert "overdue" in row.get_attribute("class")
    assert "5" in row.locator(".late").inner_text()
    screenshot(officer, "inbox-officer-hi")
    switch_language(officer, "en")
    assert "5 days late" in row.inner_text()
    screenshot(officer, "inbox-officer-en")

    # The assignment page shows the sentence from the minutes, highlighted.
    row.locator("a.directive-link").click()
    officer.wait_for_url(f"{base}/assignments/{assignment_id}")
    mark = officer.locator("blockquote.minutes-excerpt mark")
    assert mark.inner_text().startswith(SENTENCE_START)
    assert mark.inner_text().endswith(SENTENCE_END)
    screenshot(officer, "assignment-officer-en")
    switch_language(officer, "hi")
    screenshot(officer, "assignment-officer-hi")

    # Report the action taken with the PDF attached.
    form = officer.locator("#form-report")
    form.locator("textarea").fill(REPORT)
    form.locator("input[type=file]").set_input_files(str(pdf))
    form.locator("input[type=submit]").click()
    officer.wait_for_url(f"{base}/assignments/{assignment_id}")
    assert officer.locator(".assignment-facts .state-reported").count() == 1
    assert officer.locator(".flash-success").count() == 1
    last = officer.locator(".timeline .entry").last
    assert "19 में से 17 बच्चों" in last.locator("strong").first.inner_text() + last.inner_text()
    assert last.locator("a", has_text="नामांकन-सूची.pdf").count() == 1
    screenshot(officer, "assignment-officer-reported-hi")

    # The chair reads the report, downloads the evidence and closes the assignment.
    chair = new_page(locale="hi-IN")
    sign_in(chair, base, CHAIR)
    chair.goto(f"{base}/assignments/{assignment_id}")
    with chair.expect_download() as download:
        chair.locator(".timeline a", has_text="नामांकन-सूची.pdf").click()
    assert download.value.suggested_filename == "नामांकन-सूची.pdf"
    assert Path(download.value.path()).read_bytes() == pdf.read_bytes()
    screenshot(chair, "assignment-chair-review-hi")
    close = chair.locator("#form-close")
    close.locator("textarea").fill("प्रगति संतोषजनक। शेष 2 बच्चों का विवरण अगली बैठक में दें।")
    close.locator("input[type=submit]").click()
    chair.wait_for_url(f"{base}/assignments/{assignment_id}")
    assert chair.locator(".assignment-facts .state-closed").count() == 1

    # The officer sees it closed, on the page and in the inbox's closed view.
    officer.reload()
    assert officer.locator(".assignment-facts .state-closed").count() == 1
    assert "प्रगति संतोषजनक" in officer.locator(".timeline .entry").last.inner_text()
    assert officer.locator("#form-report").count() == 0
    officer.goto(f"{base}/inbox?view=closed")
    assert officer.locator(f'tr[data-assignment="{assignment_id}"]').count() == 1
    screenshot(officer, "inbox-officer-closed-hi")


def test_inbox_and_assignment_fit_a_phone(live_server, new_page, screenshot, overdue_assignment):
    base = live_server.url
    page = new_page(locale="en-GB", viewport={"width": 375, "height": 740})
    sign_in(page, base, OFFICER)
    for path, name in (
        ("/inbox", "inbox-officer-phone"),
        (f"/assignments/{overdue_assignment}", "assignment-officer-phone"),
    ):
        page.goto(f"{base}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways on a phone ({width}px wide)"
        screenshot(page, name)


def test_a_file_too_large_is_stopped_before_sending(
    live_server, new_page, overdue_assignment, tmp_path
):
    base = live_server.url
    limit = live_server.app.config["MAX_UPLOAD_MB"]
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (limit * 1024 * 1024 + 10))
    page = new_page(locale="en-GB")
    sign_in(page, base, OFFICER)
    page.goto(f"{base}/assignments/{overdue_assignment}")
    form = page.locator("#form-report")
    form.locator("textarea").fill("Typed before choosing a big file")
    form.locator("input[type=file]").set_input_files(str(big))
    form.locator("input[type=submit]").click()
    assert form.locator("[data-size-error]").is_visible()
    assert form.locator("textarea").input_value() == "Typed before choosing a big file"
    assert re.search(rf"/assignments/{overdue_assignment}$", page.url)
