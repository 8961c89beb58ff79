"""The department inbox: order, counts, filters, search, stale work and pages."""

import re
from datetime import timedelta

import pytest

from tests.app.test_directives_support import add_assignment, build_world, signed_in
from tracker.clock import local_today
from tracker.models import Meeting, MinutesVersion
from tracker.models._common import utcnow


@pytest.fixture
def world(db, create_department, create_committee, create_meeting):
    return build_world(db, create_department, create_committee, create_meeting)


@pytest.fixture
def officer(app, world):
    return signed_in(app, world.officer)


def shown(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'data-assignment="(\d+)"', page)]


def counts(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'<span class="stat-value">(\d+)</span>', page)]


def get(client, **query) -> str:
    response = client.get("/inbox", query_string=query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_overdue_first_then_by_due_date(db, world, officer):
    today = local_today()
    edu = world.edu
    later = add_assignment(db, world, edu, due_on=today + timedelta(days=20), text="Later")
    undated = add_assignment(db, world, edu, due_on=None, text="Undated")
    soon = add_assignment(db, world, edu, due_on=today + timedelta(days=2), text="Soon")
    very_late = add_assignment(db, world, edu, due_on=today - timedelta(days=40), text="Late")
    closed = add_assignment(db, world, edu, due_on=today - timedelta(days=50), status="closed")

    page = get(officer)
    assert shown(page) == [very_late.id, world.mine.id, soon.id, later.id, undated.id]
    assert "40 days late" in page
    assert counts(page) == [5, 2, 1, 0]
    # The closed one shows only when asked for, after everything pending.
    assert shown(get(officer, view="all"))[-1] == closed.id
    assert shown(get(officer, view="closed")) == [closed.id]


@pytest.mark.parametrize(
    ("view", "expected"),
    [
        ("overdue", ["mine"]),
        ("due_week", ["soon"]),
        ("reported", ["reported"]),
        ("in_progress", []),
        ("pending", ["mine", "soon", "reported"]),
        ("nonsense", ["mine", "soon", "reported"]),
    ],
)
def test_views(db, world, officer, view, expected):
    today = local_today()
    made = {
        "mine": world.mine,
        "soon": add_assignment(db, world, world.edu, due_on=today + timedelta(days=6)),
        "reported": add_assignment(
            db, world, world.edu, status="reported", due_on=today + timedelta(days=30)
        ),
    }
    assert shown(get(officer, view=view)) == [made[name].id for name in expected]


def test_stale_work_is_marked_and_filtered(app, db, world, officer):
    days = app.config["STALE_AFTER_DAYS"]
    old = add_assignment(db, world, world.edu, text="Forgotten survey")
    old.updated_at = utcnow() - timedelta(days=days + 1)
    reported = add_assignment(db, world, world.edu, status="reported", text="Waiting review")
    reported.updated_at = utcnow() - timedelta(days=days + 5)  # waits on the chair, not stale
    db.session.commit()

    page = get(officer)
    assert counts(page)[3] == 1
    row = page.split(f'data-assignment="{old.id}"', 1)[1].split("</tr>", 1)[0]
    assert "badge-stale" in row
    assert shown(get(officer, view="stale")) == [old.id]
    page = officer.get(f"/assignments/{old.id}").get_data(as_text=True)
    assert "badge-stale" in page


def test_filters_by_committee_meeting_and_due_range(db, world, officer, create_committee):
    today = local_today()
    road = create_committee(
        chair=world.other_chair,
        secretary=world.other_secretary,
        departments=[world.edu],
        name_en="Road Safety",
    )
    meeting = Meeting(
        committee=road, title="Road safety review", held_on=today, language="en", status="published"
    )
    meeting.minutes_versions.append(MinutesVersion(source="", language="en"))
    db.session.add(meeting)
    db.session.commit()
    road_item = add_assignment(db, world, world.edu, meeting=meeting, due_on=today + timedelta(5))

    page = get(officer)
    assert "Road Safety" in page.split('id="committee"', 1)[1].split("</select>", 1)[0]
    assert shown(get(officer, committee=road.id)) == [road_item.id]
    assert shown(get(officer, meeting=world.meeting.id)) == [world.mine.id]
    assert shown(get(officer, due_from=today.isoformat())) == [road_item.id]
    assert shown(get(officer, due_to=(today - timedelta(1)).isoformat())) == [world.mine.id]
    # A committee the officer's departments owe nothing to is not offered and filters nothing.
    assert shown(get(officer, committee=999999)) == [world.mine.id, road_item.id]


def test_malformed_date_is_explained_and_ignored(world, officer):
    page = get(officer, due_from="31-03-2026")
    assert "31-03-2026 is not a date. Use the form 2026-03-31" in page
    assert shown(page) == [world.mine.id]
    assert '<details class="more-filters" open>' in page


@pytest.mark.parametrize("words", ["नामांकन", "BASIC_EDU", "बेसिक", "टास्क फोर्स की बैठक", "50%_"])
def test_search_in_any_script(db, world, officer, words):
    expected = [] if words == "50%_" else [world.mine.id]
    assert shown(get(officer, q=words)) == expected


def test_search_finds_report_notes_and_numbers(db, world, officer):
    other = add_assignment(db, world, world.edu, text="Inspect the dhabas")
    assert shown(get(officer, q=f"#{other.id}")) == [other.id]
    assert shown(get(officer, q="DHABAS")) == [other.id]


def test_pages(app, db, world, officer):
    app.config["PER_PAGE"] = 2
    today = local_today()
    items = [
        add_assignment(db, world, world.edu, due_on=today + timedelta(days=i), text=f"T{i}")
        for i in range(1, 5)
    ]
    first = get(officer)
    assert shown(first) == [world.mine.id, items[0].id]
    assert "Page 1 of 3" in first
    assert 'rel="next" href="/inbox?page=2"' in first
    assert shown(get(officer, page=3)) == [items[3].id]
    assert shown(get(officer, page=99)) == [items[3].id]  # past the end: the last page
    filtered = get(officer, q="T", view="pending")
    assert 'href="/inbox?page=2&amp;q=T&amp;view=pending"' in filtered


def test_chair_filters_by_department(app, world):
    chair = signed_in(app, world.chair)
    page = get(chair)
    assert sorted(shown(page)) == sorted([world.mine.id, world.theirs.id])
    assert "All departments" in page
    assert shown(get(chair, department=world.police.id)) == [world.theirs.id]
    page = get(chair, department=world.police.id)
    assert counts(page) == [1, 0, 0, 0]


def test_officer_of_one_department_has_no_department_filter(world, officer):
    assert 'id="department"' not in get(officer)


def test_an_empty_inbox_says_so(app, db, world):
    lonely = signed_in(app, world.users["police_officer"])
    world.theirs.status = "closed"
    db.session.commit()
    assert "Nothing is pending" in get(lonely)


def test_home_menu_links_to_the_inbox(world, officer):
    page = officer.get("/").get_data(as_text=True)
    assert 'href="/inbox"' in page
