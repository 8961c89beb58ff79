"""Each role's home page and what it counts."""

import re
from datetime import timedelta

import pytest

from tracker.clock import local_today
from tracker.models import Assignment, Directive


@pytest.mark.parametrize(
    ("role", "heading"),
    [
        ("admin", "This installation"),
        ("secretary", "Your committees"),
        ("chair", "Committees you chair"),
        ("officer", "Your departments"),
    ],
)
def test_each_role_has_its_home(login_as, role, heading):
    client = login_as(role)
    page = client.get("/").get_data(as_text=True)
    assert f"<h1>{heading}</h1>" in page
    assert "What this page will hold" in page


def test_officer_home_counts_their_departments_work(
    db, login_as, create_department, create_meeting
):
    today = local_today()
    mine = create_department(name_en="Basic Education")
    other = create_department(name_en="Police")
    meeting = create_meeting()
    dues = [today - timedelta(1), today, today + timedelta(6), today + timedelta(7), None]
    for due in dues:
        directive = Directive(meeting=meeting, action_text="Enrol the children", due_on=due)
        directive.assignments.append(Assignment(department=mine, due_on=due))
        directive.assignments.append(Assignment(department=other, due_on=due))
        db.session.add(directive)
    closed = Directive(meeting=meeting, action_text="Survey", due_on=today - timedelta(3))
    closed.assignments.append(Assignment(department=mine, due_on=closed.due_on, status="closed"))
    db.session.add(closed)
    db.session.commit()

    client = login_as("officer", departments=[mine])
    page = client.get("/").get_data(as_text=True)
    row = page.split("Basic Education", 1)[1].split("</tr>", 1)[0]
    # 5 pending; 1 overdue (yesterday); due today and in 6 days count as this week.
    assert re.findall(r"<td[^>]*>(\d+)</td>", row) == ["5", "1", "2"]
    assert "Police" not in page


def test_secretary_home_lists_their_committees_and_meetings(
    login_as, create_committee, create_meeting
):
    client = login_as("secretary")
    mine = create_committee(secretary=client.user, name_en="Child Labour Task Force")
    create_committee(name_en="Road Safety Committee")
    create_meeting(committee=mine, title="Second review meeting")
    page = client.get("/").get_data(as_text=True)
    assert "Child Labour Task Force" in page
    assert "Second review meeting" in page
    assert "Road Safety Committee" not in page


def test_admin_home_counts_users_by_role(login_as, create_user):
    client = login_as("admin")
    create_user("officer")
    create_user("officer")
    page = client.get("/").get_data(as_text=True)
    officer_row = page.split("Department officer", 1)[1].split("</tr>", 1)[0]
    assert '<td class="num">2</td>' in officer_row
