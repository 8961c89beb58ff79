"""The chair's overdue dashboard: every figure against answers worked out by hand."""

import io
import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from tests.conftest import count_statements, csrf_token, sign_in
from tracker.clock import local_today
from tracker.dashboard import overdue
from tracker.dashboard import routes as dashboard_routes
from tracker.dashboard.chart import Bar, overdue_chart
from tracker.models import Assignment, Directive, StatusChange
from tracker.models._common import utcnow

ZONE = ZoneInfo("Asia/Kolkata")


def local_moment(day, hour: int, minute: int = 0) -> datetime:
    """Return the UTC moment of ``hour:minute`` on ``day`` in the installation's zone."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE).astimezone(UTC)


def add(db, meeting, department, status="open", due=None, closed_at=None, updated_at=None,
        text="Survey the brick kilns"):  # fmt: skip
    directive = Directive(meeting=meeting, action_text=text, due_on=due)
    assignment = Assignment(directive=directive, department=department, status=status, due_on=due,
                            closed_at=closed_at, updated_at=updated_at or utcnow())  # fmt: skip
    db.session.add_all([directive, assignment])
    db.session.commit()
    return assignment


@pytest.fixture
def world(app, db, create_department, create_committee, create_meeting, create_user):
    """Three departments of one committee, and one other committee the chair does not follow.

    Worked out by hand, with t = today and "late" = t - due_on in days:
    Alpha: #1 open due t (due soon, not overdue); #2 open t-7 (late 7, bucket 1-7, stale);
      #3 in_progress t-8 (8, bucket 8-30); #4 returned t-30 (30, bucket 8-30);
      #5 open t-31 (31, bucket 31-90); #6 reported t-90 (90, bucket 31-90; untouched 40 days
      but waiting on the chair, so not stale); #7 open t-91 (91, over 90, stale);
      #8 open without a due date (open only); #9 dropped t-100 (counts nowhere).
      open 8, overdue 6, buckets 1/2/2/1, due soon 1, stale 2, closed 0 (compliance none),
      average days late (7+8+30+31+90+91)/6 = 257/6 = 42.83.
    Beta: #10 closed at noon on its due date t-10 (on time); #11 due t-20 closed t-15 (5 late);
      #12 due t-5 closed at 00:30 local on t-4, which is still t-5 in UTC (1 late: the local
      date counts); #13 open due t+6 (due soon); #14 open due t+7 (not due soon).
      open 2, overdue 0, due soon 1, closed 3, on time 1, compliance 33%, average (5+1)/2 = 3.
    Gamma: #15 open due t-1 (1 late, bucket 1-7). open 1, overdue 1.
    Totals: open 11, overdue 7, due soon 2, closed 3, on time 1.
    Order, most overdue first: Alpha (6), Gamma (1), Beta (0).
    Other committee: one overdue assignment of Alpha, seen by the admin only.
    """
    t = local_today()
    days = timedelta
    chair = create_user("chair")
    alpha = create_department(code="ALPHA", name_en="Alpha", name_hi="अल्फ़ा")
    beta = create_department(code="BETA", name_en="Beta", name_hi="बीटा")
    gamma = create_department(code="GAMMA", name_en="Gamma", name_hi="गामा")
    committee = create_committee(chair=chair, name_en="Task Force")
    meeting = create_meeting(committee=committee)
    old = utcnow() - days(40)
    made = {}
    made[1] = add(db, meeting, alpha, due=t)
    made[2] = add(db, meeting, alpha, due=t - days(7), updated_at=old)
    made[3] = add(db, meeting, alpha, "in_progress", due=t - days(8))
    made[4] = add(db, meeting, alpha, "returned", due=t - days(30))
    made[5] = add(db, meeting, alpha, due=t - days(31))
    made[6] = add(db, meeting, alpha, "reported", due=t - days(90), updated_at=old)
    made[7] = add(db, meeting, alpha, due=t - days(91), updated_at=old)
    made[8] = add(db, meeting, alpha)
    made[9] = add(db, meeting, alpha, "dropped", due=t - days(100), updated_at=old)
    made[10] = add(db, meeting, beta, "closed", due=t - days(10),
                   closed_at=local_moment(t - days(10), 12))  # fmt: skip
    made[11] = add(db, meeting, beta, "closed", due=t - days(20),
                   closed_at=local_moment(t - days(15), 12))  # fmt: skip
    made[12] = add(db, meeting, beta, "closed", due=t - days(5),
                   closed_at=local_moment(t - days(4), 0, 30))  # fmt: skip
    assert made[12].closed_at.astimezone(UTC).date() == t - days(5)
    made[13] = add(db, meeting, beta, due=t + days(6))
    made[14] = add(db, meeting, beta, due=t + days(7))
    made[15] = add(db, meeting, gamma, due=t - days(1))
    other = create_committee(name_en="Other committee")
    add(db, create_meeting(committee=other), alpha, due=t - days(3))
    return {"chair": chair, "alpha": alpha, "beta": beta, "gamma": gamma, "made": made,
            "committee": committee, "meeting": meeting}  # fmt: skip


def figures_of(user):
    at = overdue.Boundaries.now(local_today())
    rows = overdue.by_department(user, overdue.Filters(), at)
    return overdue.totals(user, overdue.Filters(), at), {row.name_en: row for row in rows}, rows


def test_figures_by_hand(world):
    totals, by_name, rows = figures_of(world["chair"])
    assert [row.name_en for row in rows] == ["Alpha", "Gamma", "Beta"]
    alpha = by_name["Alpha"].figures
    assert (alpha.open, alpha.overdue, alpha.due_soon, alpha.stale) == (8, 6, 1, 2)
    assert (alpha.late_1_7, alpha.late_8_30, alpha.late_31_90, alpha.late_91) == (1, 2, 2, 1)
    assert alpha.closed == 0 and alpha.compliance is None
    assert alpha.average_days_late == pytest.approx(257 / 6)
    beta = by_name["Beta"].figures
    assert (beta.open, beta.overdue, beta.due_soon, beta.stale) == (2, 0, 1, 0)
    assert (beta.closed, beta.closed_on_time, beta.closed_late) == (3, 1, 2)
    assert beta.compliance == pytest.approx(100 / 3)
    assert beta.average_days_late == pytest.approx(3.0)
    gamma = by_name["Gamma"].figures
    assert (gamma.open, gamma.overdue, gamma.late_1_7, gamma.average_days_late) == (1, 1, 1, 1.0)
    assert (totals.open, totals.overdue, totals.due_soon, totals.closed) == (11, 7, 2, 3)
    assert totals.closed_on_time == 1
    assert overdue.combined(rows) == totals


def test_admin_sees_every_committee(world, create_user):
    totals, by_name, _rows = figures_of(create_user("admin"))
    assert totals.overdue == 8
    assert by_name["Alpha"].figures.late_1_7 == 2


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        ("overdue", [7, 6, 5, 4, 3, 2, 15]),
        ("late_1_7", [2, 15]),
        ("late_8_30", [4, 3]),
        ("late_31_90", [6, 5]),
        ("late_91", [7]),
        ("due_soon", [1, 13]),
        ("stale", [7, 2]),
        ("closed_late", [11, 12]),
        ("closed_on_time", [10]),
    ],
)
def test_drilldown_lists_match_the_figures(world, view, expected):
    at = overdue.Boundaries.now(local_today())
    page = overdue.list_page(world["chair"], overdue.Filters(), view, at, 1)
    ids = {a.id: n for n, a in world["made"].items()}
    assert [ids[row.assignment.id] for row in page.items] == expected
    assert page.total == len(expected)


def chair_client(app, user):
    client = app.test_client()
    assert sign_in(client, user.email).status_code == 302
    return client


def test_dashboard_page_worst_first_and_links(app, world):
    client = chair_client(app, world["chair"])
    page = client.get("/dashboard").get_data(as_text=True)
    names = re.findall(r'<th scope="row"><a [^>]*>([^<]+)</a>', page)
    assert names == ["Alpha", "Gamma", "Beta"]
    assert "<svg" in page and "<desc" in page
    alpha = world["alpha"].id
    link = f"/dashboard/list?view=late_8_30&amp;department={alpha}"
    assert link in page
    listed = client.get(f"/dashboard/list?view=late_8_30&department={alpha}")
    assert listed.status_code == 200
    assert "2 assignments" in listed.get_data(as_text=True)


def test_filters_narrow_and_bad_input_is_explained(app, world):
    client = chair_client(app, world["chair"])
    page = client.get("/dashboard?due_from=2026-13-45&department=999999&committee=abc")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "2026-13-45 is not a date" in text
    assert "There is no department 999999" in text
    t = local_today()
    response = client.get(f"/dashboard/list?view=overdue&due_from={t - timedelta(30)}"
                          f"&due_to={t - timedelta(8)}")  # fmt: skip
    assert "2 assignments" in response.get_data(as_text=True)


def test_officer_may_not_see_the_dashboard(app, world, login_as):
    assert login_as("officer").get("/dashboard").status_code == 403


def test_list_exports(app, world):
    client = chair_client(app, world["chair"])
    response = client.get("/dashboard/list.xlsx?view=overdue")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Number", "Committee", "Meeting"] and "Due on" in header
    assert sheet.freeze_panes == "A2"
    assert sheet.max_row == 8
    first = [cell.value for cell in sheet[2]]
    assert first[header.index("Number")] == world["made"][7].id
    assert isinstance(first[header.index("Due on")], datetime)
    assert first[header.index("Due on")].date() == local_today() - timedelta(91)
    assert first[header.index("Days late")] == 91
    csv_response = client.get("/dashboard/list.csv?view=overdue")
    assert csv_response.data.startswith(b"\xef\xbb\xbf")
    lines = csv_response.data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Number,Committee,Meeting") and len(lines) == 8



def test_statements_do_not_grow_with_rows(app, db, create_department, create_committee,
                                          create_meeting, create_user):  # fmt: skip
    chair = create_user("chair")
    meeting = create_meeting(committee=create_committee(chair=chair))
    departments = [create_department() for _ in range(5)]
    t = local_today()
    client = chair_client(app, chair)

    def grow(number):
        for index in range(number):
            add(db, meeting, departments[index % 5], due=t - timedelta(index % 120 + 1),
                text=f"Directive {index}")  # fmt: skip

    grow(5)
    urls = ["/dashboard", "/dashboard/list?view=overdue", "/dashboard/list.xlsx?view=overdue",
            "/approvals"]  # fmt: skip
    small = [count_statements(db, client, url) for url in urls]
    grow(45)
    large = [count_statements(db, client, url) for url in urls]
    assert small == large


def test_approvals_close_and_return(app, db, world):
    t = local_today()
    made = world["made"]
    client = chair_client(app, world["chair"])
    page = client.get("/approvals").get_data(as_text=True)
    assert "Survey the brick kilns" in page and "Approve and close" in page
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    reported = made[6]
    refused = client.post(f"/approvals/{reported.id}", data={
        "csrf_token": token, "decision": "return", "version": reported.version, "note": ""})
    assert refused.status_code == 302
    db.session.expire_all()
    assert db.session.get(Assignment, reported.id).status == "reported"
    closed = client.post(f"/approvals/{reported.id}", data={
        "csrf_token": token, "decision": "close", "version": reported.version, "note": "Seen."})
    assert closed.status_code == 302
    db.session.expire_all()
    assignment = db.session.get(Assignment, reported.id)
    assert assignment.status == "closed"
    # Closed 90 days after its due date: it now counts against compliance.
    _totals, by_name, _rows = figures_of(world["chair"])
    assert by_name["Alpha"].figures.closed_late == 1
    assert assignment.closed_at is not None and assignment.due_on == t - timedelta(90)
    change = db.session.query(StatusChange).filter_by(assignment_id=reported.id,
                                                       to_status="closed").one()  # fmt: skip
    assert change.actor_id == world["chair"].id


def test_post_without_csrf_is_refused(app, db, world):
    client = chair_client(app, world["chair"])
    made = world["made"][6]
    client.post(f"/approvals/{made.id}", data={"decision": "close", "version": made.version})
    db.session.expire_all()
    assert db.session.get(Assignment, made.id).status == "reported"


def test_officer_may_not_approve(app, db, world, login_as):
    officer = login_as("officer", departments=[world["alpha"]])
    made = world["made"][6]
    token = csrf_token(officer, "/")
    response = officer.post(f"/approvals/{made.id}", data={
        "csrf_token": token, "decision": "close", "version": made.version})
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(Assignment, made.id).status == "reported"


def test_chart_escapes_and_scales():
    svg = str(overdue_chart([Bar("<b>Roads & Bridges</b>", [1, 0, 2, 1], href="/x?a=1&b=2"),
                             Bar("Health", [0, 0, 0, 2])], ["1–7", "8–30", "31–90", ">90"],
                            "Overdue <work>", "desc"))  # fmt: skip
    assert "<b>" not in svg and "&lt;b&gt;Roads &amp; Bridges&lt;/b&gt;" in svg
    assert 'href="/x?a=1&amp;b=2"' in svg and "Overdue &lt;work&gt;" in svg
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)" '
                                           r'height="22"', svg)]  # fmt: skip
    # The longest bar (4) spans the full width; each unit is a quarter of it.
    assert widths == pytest.approx([105.0, 210.0, 105.0, 210.0])


def test_atr_page_and_files(app, db, world):
    made = world["made"]
    db.session.add(StatusChange(assignment=made[6], kind="transition", from_status="open",
                                to_status="reported", note="Kilns surveyed: 14 of 16."))
    db.session.commit()
    client = chair_client(app, world["chair"])
    meeting = world["meeting"].id
    page = client.get(f"/reports/atr?meeting={meeting}").get_data(as_text=True)
    assert "Task Force" in page and "Kilns surveyed: 14 of 16." in page
    book = load_workbook(io.BytesIO(client.get(f"/reports/atr.xlsx?meeting={meeting}").data))
    assert len(book.sheetnames) == 1
    sheet = book.active
    assert sheet.max_row == 1 + 15
    values = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    noted = [row for row in values if row[6] == "Kilns surveyed: 14 of 16."]
    assert len(noted) == 1 and noted[0][5] == 90 and isinstance(noted[0][4], datetime)
    text = client.get(f"/reports/atr.csv?committee={world['committee'].id}").data
    assert text.decode("utf-8-sig").splitlines()[0].startswith("Meeting,Meeting date")
    assert client.get("/reports/atr.xlsx?meeting=999999").status_code == 404


def test_a_capped_list_export_says_so(app, world, monkeypatch):
    client = chair_client(app, world["chair"])
    assert "The download holds the first" not in client.get(
        "/dashboard/list?view=overdue").get_data(as_text=True)  # fmt: skip
    monkeypatch.setattr(dashboard_routes, "EXPORT_LIMIT", 3)
    page = client.get("/dashboard/list?view=overdue").get_data(as_text=True)
    assert "The download holds the first 3 of these 7 assignments" in page
    sheet = load_workbook(io.BytesIO(client.get("/dashboard/list.xlsx?view=overdue").data)).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [
        world["made"][n].id for n in (7, 6, 5)]  # fmt: skip
