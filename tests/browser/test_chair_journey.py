"""The chair finds the most overdue department first, drills into it and approves a closure."""

import io
import subprocess
from datetime import timedelta
from shutil import which

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from tests.browser.conftest import ARTIFACTS
from tracker.clock import local_today
from tracker.demo import DEMO_PASSWORD
from tracker.extensions import db
from tracker.models import Assignment, Committee, Department, Directive, Meeting, User

pytestmark = pytest.mark.browser

CHAIR = "dm@rampurkalan.example.in"
#: More overdue work than any other test gives a department, so Health comes first.
LATE_DAYS = (3, 12, 40, 45, 95, 120, 200, 9)


@pytest.fixture
def chair_world(live_server):
    """Give Health eight overdue assignments of a task-force meeting, one reported."""
    with live_server.app.app_context():
        chair = db.session.scalar(select(User).where(User.email == CHAIR))
        meeting = db.session.scalar(
            select(Meeting)
            .join(Committee, Committee.id == Meeting.committee_id)
            .where(Committee.chair_id == chair.id)
            .order_by(Meeting.held_on)
            .limit(1)
        )
        health = db.session.scalar(select(Department).where(Department.code == "HEALTH"))
        police = db.session.scalar(select(Department).where(Department.code == "POLICE"))
        today = local_today()
        made = []
        for index, late in enumerate(LATE_DAYS):
            directive = Directive(
                meeting=meeting,
                action_text=f"ईंट भट्ठों पर कार्यरत बच्चों की स्वास्थ्य जाँच कराएं (दौर {index + 1})",
                due_on=today - timedelta(days=late),
            )
            status = "reported" if index == 0 else "open"
            directive.assignments.append(
                Assignment(department=health, due_on=directive.due_on, status=status)
            )
            if index < 2:
                directive.assignments.append(
                    Assignment(department=police, due_on=directive.due_on + timedelta(days=1))
                )
            db.session.add(directive)
            made.append(directive)
        db.session.commit()
        reported = made[0].assignments[0].id
        language = chair.language
        ids = {"meeting": meeting.id, "health": health.id, "reported": reported}
    yield ids
    with live_server.app.app_context():
        chair = db.session.scalar(select(User).where(User.email == CHAIR))
        chair.language = language
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


def test_chair_finds_the_worst_department_and_approves(
    live_server, new_page, screenshot, chair_world
):
    base = live_server.url
    page = new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
    sign_in(page, base, CHAIR)
    if page.locator("html").get_attribute("lang") != "en":
        switch_language(page, "en")
    page.locator("nav a", has_text="Overdue").click()
    page.wait_for_url(f"{base}/dashboard")
    first = page.locator("table.dash-table tbody tr").first
    assert first.locator("th").inner_text().startswith("Health")
    assert page.locator("svg.overdue-chart").count() == 1
    screenshot(page, "dashboard-chair-en")
    switch_language(page, "hi")
    screenshot(page, "dashboard-chair-hi")
    switch_language(page, "en")

    # One click from the department's overdue count to the list behind it.
    page.locator("table.dash-table tbody tr").first.locator("td a.alert").click()
    page.wait_for_url(f"{base}/dashboard/list?**")
    assert "Health" in page.locator("h1").inner_text()
    assert page.locator("table.drilldown tbody tr").count() >= len(LATE_DAYS)
    screenshot(page, "dashboard-drilldown-en")

    # The reported one waits in the approvals queue; approve it there.
    page.locator("nav a", has_text="Approvals").click()
    page.wait_for_url(f"{base}/approvals")
    screenshot(page, "approvals-chair-en")
    form = page.locator(f'form[action="/approvals/{chair_world["reported"]}"]')
    form.locator("textarea").fill("Checked the camp reports.")
    form.locator("button[value=close]").click()
    page.wait_for_url(f"{base}/approvals")
    assert page.locator(".flash-success").count() == 1
    assert page.locator(f'form[action="/approvals/{chair_world["reported"]}"]').count() == 0
    with live_server.app.app_context():
        assert db.session.get(Assignment, chair_world["reported"]).status == "closed"


def test_action_taken_report_prints(live_server, new_page, screenshot, chair_world):
    base = live_server.url
    page = new_page(locale="en-GB")
    sign_in(page, base, CHAIR)
    page.goto(f"{base}/reports/atr?meeting={chair_world['meeting']}")
    assert page.locator("table.atr tbody.atr-directive").count() >= len(LATE_DAYS)
    screenshot(page, "atr-chair")
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "atr-chair.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", landscape=True, prefer_css_page_size=True)
    assert pdf.read_bytes().startswith(b"%PDF")
    if which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(pdf),
             str(ARTIFACTS / "atr-chair-page")],  # fmt: skip
            check=True,
        )


def test_chair_home_leads_to_the_worst_department_and_the_inbox_downloads(
    live_server, new_page, screenshot, chair_world
):
    base = live_server.url
    page = new_page(locale="en-GB", viewport={"width": 1280, "height": 900})
    sign_in(page, base, CHAIR)
    if page.locator("html").get_attribute("lang") != "en":
        switch_language(page, "en")
    late = page.locator("table.late-departments tbody tr")
    assert late.first.locator("th").inner_text().startswith("Health")
    waiting = page.locator("section.home-waiting .stat-value")
    assert int(waiting.first.inner_text()) >= 1  # the reported assignment of Health
    screenshot(page, "home-chair-en")
    switch_language(page, "hi")
    screenshot(page, "home-chair-hi")
    switch_language(page, "en")

    late.first.locator("th a").click()
    page.wait_for_url(f"{base}/dashboard/list?**")
    assert "Health" in page.locator("h1").inner_text()

    page.goto(f"{base}/inbox?view=overdue&department={chair_world['health']}")
    screenshot(page, "inbox-chair-downloads-en")
    listed = page.locator("table.inbox tbody tr").count()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download Excel").click()
    download = info.value
    assert download.suggested_filename.startswith("inbox-overdue-")
    assert download.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(download.path().read_bytes()))
    assert book.active.max_row == 1 + listed
    assert book.active.freeze_panes == "A2"
