"""Who may open which page: every route for every role, and nothing leaks across departments."""

import re

import pytest

from tests.app.test_directives_support import (
    add_assignment,
    build_world,
    history_of,
    post_change,
    signed_in,
    tiny_pdf,
)
from tracker.models import Attachment

ROLES = (
    "officer",
    "colleague",
    "police_officer",
    "chair",
    "secretary",
    "other_chair",
    "other_secretary",
    "admin",
)
#: Who may read Basic Education's assignment (and its evidence): its officers and every
#: chair, member-secretary and administrator. Police's officer may not.
READS_MINE = {
    "officer",
    "colleague",
    "chair",
    "secretary",
    "other_chair",
    "other_secretary",
    "admin",
}


@pytest.fixture
def world(db, create_department, create_committee, create_meeting):
    return build_world(db, create_department, create_committee, create_meeting)


@pytest.fixture
def evidence(app, db, world):
    """Both departments have reported, each with a PDF; return the two attachments."""
    files = {}
    for name, assignment in (("officer", world.mine), ("police_officer", world.theirs)):
        client = signed_in(app, world.users[name])
        note = f"Report of {assignment.department.name_en}: secret-{assignment.department.code}"
        response = post_change(
            client,
            assignment,
            "report",
            note=note,
            files=[(f"{assignment.department.code}.pdf", tiny_pdf())],
        )
        assert response.status_code == 302
        entry = history_of(db, assignment)[-1]
        files[assignment.department.code] = db.session.scalar(
            db.select(Attachment).where(Attachment.status_change_id == entry.id)
        )
    return files


@pytest.fixture
def clients(app, world):
    return {name: signed_in(app, world.users[name]) for name in ROLES}


def expected(name: str) -> int:
    return 200 if name in READS_MINE else 404


@pytest.mark.parametrize("name", ROLES)
def test_assignment_page_by_role(world, clients, name):
    response = clients[name].get(f"/assignments/{world.mine.id}")
    assert response.status_code == expected(name)
    if response.status_code == 404:
        page = response.get_data(as_text=True)
        assert world.directive.action_text not in page


@pytest.mark.parametrize("name", ROLES)
def test_evidence_download_by_role(world, evidence, clients, name):
    file = evidence["BASIC_EDU"]
    response = clients[name].get(f"/attachments/{file.id}")
    assert response.status_code == expected(name)
    if response.status_code == 200:
        assert response.data == tiny_pdf()
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.headers["Content-Disposition"].startswith("attachment;")
        assert "BASIC_EDU.pdf" in response.headers["Content-Disposition"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "private" in response.headers["Cache-Control"]


@pytest.mark.parametrize("name", ROLES)
def test_inbox_by_role(world, clients, name):
    response = clients[name].get("/inbox")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    shown = set(map(int, re.findall(r'data-assignment="(\d+)"', page)))
    if name in ("officer", "colleague"):
        assert shown == {world.mine.id}
    elif name == "police_officer":
        assert shown == {world.theirs.id}
    else:
        assert shown == {world.mine.id, world.theirs.id}


@pytest.mark.parametrize("name", ROLES)
def test_bulk_pages_by_role(clients, name):
    assert clients[name].get("/inbox/bulk").status_code == 200
    assert clients[name].get("/inbox/bulk/template.csv").status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/inbox"),
        ("get", "/assignments/{mine}"),
        ("post", "/assignments/{mine}/report"),
        ("get", "/attachments/1"),
        ("get", "/inbox/bulk"),
        ("post", "/inbox/bulk"),
        ("post", "/inbox/bulk/confirm"),
        ("get", "/inbox/bulk/template.csv"),
    ],
)
def test_every_route_needs_signing_in(app, world, method, path):
    client = app.test_client()
    response = getattr(client, method)(path.format(mine=world.mine.id))
    if method == "post":
        assert response.status_code in (302, 400)  # refused for want of a CSRF token, or sent away
    else:
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]


def test_officer_sees_the_other_departments_status_but_no_link_or_notes(world, evidence, clients):
    page = clients["officer"].get(f"/assignments/{world.mine.id}").get_data(as_text=True)
    others = page.split("Other departments on this directive", 1)[1].split("</section>", 1)[0]
    assert "Police" in others and "Reported" in others
    assert f"/assignments/{world.theirs.id}" not in page
    assert "secret-POLICE" not in page
    assert f"/attachments/{evidence['POLICE'].id}" not in page
    # A chair reads across departments and gets the link.
    page = clients["chair"].get(f"/assignments/{world.mine.id}").get_data(as_text=True)
    assert f"/assignments/{world.theirs.id}" in page


def test_other_departments_evidence_and_page_are_not_found(world, evidence, clients):
    officer = clients["officer"]
    assert officer.get(f"/assignments/{world.theirs.id}").status_code == 404
    assert officer.get(f"/attachments/{evidence['POLICE'].id}").status_code == 404
    # Not found looks the same as a file or assignment that never existed.
    assert officer.get("/attachments/999999").status_code == 404
    assert officer.get("/assignments/999999").status_code == 404


def test_counts_and_search_see_only_the_officers_departments(db, world, clients):
    add_assignment(db, world, world.police, text="Raid the brick kilns of Sonpur")
    police_only = "Sonpur"
    officer = clients["officer"]
    page = officer.get("/inbox").get_data(as_text=True)
    counts = re.findall(r'<span class="stat-value">(\d+)</span>', page)
    assert counts == ["1", "1", "0", "0"]  # pending, overdue, due this week, stale
    page = officer.get("/inbox", query_string={"q": police_only, "view": "all"}).get_data(
        as_text=True
    )
    assert "Raid the brick kilns" not in page
    assert "Nothing matches these filters." in page
    # Asking for the police department by id changes nothing for an education officer.
    page = officer.get("/inbox", query_string={"department": world.police.id}).get_data(
        as_text=True
    )
    assert re.findall(r'data-assignment="(\d+)"', page) == [str(world.mine.id)]
    # Searching an assignment number of another department finds nothing either.
    page = officer.get("/inbox", query_string={"q": f"#{world.theirs.id}", "view": "all"})
    assert f'data-assignment="{world.theirs.id}"' not in page.get_data(as_text=True)


def test_template_download_lists_only_the_users_assignments(world, clients):
    text = clients["police_officer"].get("/inbox/bulk/template.csv").get_data(as_text=True)
    lines = text.strip().splitlines()
    assert lines[0].lstrip("\ufeff").startswith("assignment,new_status,note")
    assert [line.split(",", 1)[0] for line in lines[1:]] == [str(world.theirs.id)]
