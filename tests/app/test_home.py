"""Each role's home page and what it counts."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import event

from tracker.clock import local_today
from tracker.models import Assignment, Directive, ExtensionRequest
from tracker.models._common import utcnow


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
    if role != "chair":
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


def late_rows(page: str) -> list[tuple[str, str, str]]:
    """Return (department, overdue, longest delay) from the chair's most-overdue table."""
    table = page.split('class="list late-departments"', 1)[1].split("</table>", 1)[0]
    return re.findall(
        r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>\s*'
        r'<td class="num alert"[^>]*>([^<]+)</td>\s*<td class="num"[^>]*>([^<]+)</td>',
        table,
    )


def test_chair_home_shows_the_most_overdue_departments_and_what_waits(
    db, login_as, create_department, create_committee, create_meeting, create_user
):
    today = local_today()
    client = login_as("chair")
    meeting = create_meeting(committee=create_committee(chair=client.user))
    elsewhere = create_meeting(committee=create_committee(name_en="Not chaired by them"))
    alpha, beta, gamma, delta = (create_department(name_en=name)
                                 for name in ("Alpha", "Beta", "Gamma", "Delta"))  # fmt: skip

    def add(department, late=None, status="open", at=meeting, updated_at=None):
        due = today - timedelta(days=late) if late is not None else today + timedelta(days=9)
        directive = Directive(meeting=at, action_text="Enrol the children", due_on=due)
        assignment = Assignment(department=department, due_on=due, status=status,
                                updated_at=updated_at or utcnow())  # fmt: skip
        directive.assignments.append(assignment)
        db.session.add(directive)
        db.session.commit()
        return assignment

    for late in (2, 10, 40):
        add(alpha, late)
    add(beta, 100)
    add(gamma, 5)
    add(gamma, 500, status="closed")
    add(gamma, 600, status="dropped")
    add(delta)  # due later: not late
    add(delta, 900, at=elsewhere)  # another chair's committee
    add(delta, status="reported", updated_at=utcnow() - timedelta(days=6, hours=1))
    add(delta, status="reported")
    add(delta, status="reported", at=elsewhere)
    asked = add(delta, status="in_progress")
    officer = create_user("officer", departments=[delta])
    db.session.add_all([
        ExtensionRequest(assignment=asked, requested_by_id=officer.id, reason="Monsoon",
                         requested_due_on=today + timedelta(days=40)),
        ExtensionRequest(assignment=asked, requested_by_id=officer.id, reason="Earlier",
                         requested_due_on=today + timedelta(days=30), status="rejected"),
        ExtensionRequest(assignment=add(delta, at=elsewhere), requested_by_id=officer.id,
                         reason="Not theirs", requested_due_on=today + timedelta(days=30)),
    ])  # fmt: skip
    db.session.commit()

    page = client.get("/").get_data(as_text=True)
    # Most overdue first; a tie goes to the longer delay; closed, dropped and others' work
    # count nowhere.
    assert late_rows(page) == [("Alpha", "3", "40 days"), ("Beta", "1", "100 days"),
                               ("Gamma", "1", "5 days")]  # fmt: skip
    assert f'href="/dashboard/list?view=overdue&amp;department={alpha.id}"' in page
    assert 'href="/dashboard"' in page
    waiting = page.split('aria-labelledby="waiting-heading"', 1)[1].split("</section>", 1)[0]
    values = re.findall(r'<span class="stat-value">(\d+)</span>', waiting)
    assert values == ["2", "1"]
    assert "The oldest report has waited 6 days." in waiting
    assert 'href="/approvals"' in waiting and 'href="/approvals#extensions"' in waiting
    assert "What this page will hold" not in page


def test_chair_home_with_nothing_late_or_waiting_says_so(login_as, create_committee):
    client = login_as("chair")
    create_committee(chair=client.user)
    page = client.get("/").get_data(as_text=True)
    assert "Nothing waits for your decision" in page
    assert "No department is late on your committees" in page
    assert 'class="list late-departments"' not in page


def test_chair_home_statements_do_not_grow_with_rows(
    db, login_as, create_department, create_committee, create_meeting
):
    today = local_today()
    client = login_as("chair")
    meeting = create_meeting(committee=create_committee(chair=client.user))
    departments = [create_department() for _ in range(8)]

    def grow(number: int) -> None:
        for index in range(number):
            due = today - timedelta(days=index % 30 + 1)
            directive = Directive(meeting=meeting, action_text=f"Directive {index}", due_on=due)
            status = "reported" if index % 5 == 0 else "open"
            directive.assignments.append(
                Assignment(department=departments[index % 8], due_on=due, status=status)
            )
            db.session.add(directive)
        db.session.commit()

    def statements() -> int:
        seen = []

        def before(*args):
            seen.append(args[2])

        event.listen(db.engine, "before_cursor_execute", before)
        try:
            assert client.get("/").status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", before)
        return len(seen)

    grow(3)
    small = statements()
    grow(60)
    assert statements() == small
    assert len(late_rows(client.get("/").get_data(as_text=True))) == 5
