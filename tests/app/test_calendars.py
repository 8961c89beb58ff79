"""Calendar feeds: ICS files at secret addresses, made and revoked on the calendars page."""

import re
from datetime import date, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select

from tests.app.test_reminders_support import (
    TODAY,
    build_district,
)
from tests.conftest import csrf_token, sign_in
from tracker.models import CalendarFeed

FEED_RE = re.compile(r'value="https://tracker\.example\.in/calendars/([A-Za-z0-9_-]+)\.ics"')


@pytest.fixture
def district(db, create_department, create_user, create_committee, create_meeting):
    return build_district(db, create_department, create_user, create_committee, create_meeting)


def signed_in(app, user):
    app.config["BASE_URL"] = "https://tracker.example.in"
    client = app.test_client()
    assert sign_in(client, user.email).status_code == 302
    return client


def make_feed(client, department_id=None) -> None:
    data = {"csrf_token": csrf_token(client, "/calendars"), "department_id": department_id or ""}
    response = client.post("/calendars/issue", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)


def feed_tokens(client) -> list[str]:
    return FEED_RE.findall(client.get("/calendars").get_data(as_text=True))


def events(client, token: str) -> dict[str, object]:
    response = client.get(f"/calendars/{token}.ics")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_a_department_feed_lists_its_open_assignments_as_all_day_events(
    app, db, district, create_department
):
    enrol = district.due_in(10, "Enrol every identified child in school")
    district.due_in(5, "Already closed work", status="closed")
    district.assign("Work with no due date", None)
    other = create_department(name_en="Police")
    district.due_in(5, "Another department's work", department=other)
    client = signed_in(app, district.officers[0])

    make_feed(client, district.department.id)
    [token] = feed_tokens(client)
    found = events(client, token)

    assert list(found) == ["Enrol every identified child in school"]
    event = found["Enrol every identified child in school"]
    assert event.decoded("dtstart") == TODAY + timedelta(days=10)
    assert isinstance(event.decoded("dtstart"), date)
    assert event.decoded("dtend") == TODAY + timedelta(days=11)
    assert str(event["uid"]) == f"assignment-{enrol.id}@tracker.example.in"
    assert "Basic Education" in str(event["description"])
    assert f"https://tracker.example.in/assignments/{enrol.id}" in str(event["description"])
    assert event.get("dtstamp") is not None
    # The UID stays the same from one download to the next.
    assert str(events(client, token)["Enrol every identified child in school"]["uid"]) == str(
        event["uid"]
    )


def test_a_long_directive_is_shortened_in_the_summary(app, district):
    district.due_in(10, "Ensure " + "every identified child is enrolled and retained " * 10)
    client = signed_in(app, district.officers[0])
    make_feed(client)
    [token] = feed_tokens(client)
    [summary] = events(client, token)
    assert len(summary) <= 80 and summary.endswith("…")


def test_a_users_feed_never_shows_another_departments_items(
    app, district, create_department, create_user
):
    police = create_department(name_en="Police")
    police_officer = create_user("officer", departments=[police])
    district.due_in(7, "Basic education's work")
    district.due_in(7, "Police work", department=police)

    officer = signed_in(app, district.officers[0])
    make_feed(officer)
    [token] = feed_tokens(officer)
    assert list(events(officer, token)) == ["Basic education's work"]

    police_client = signed_in(app, police_officer)
    make_feed(police_client)
    [police_token] = feed_tokens(police_client)
    assert list(events(police_client, police_token)) == ["Police work"]


def test_a_chairs_feed_shows_the_work_of_their_committees(app, district, create_meeting):
    district.due_in(7, "From the chair's committee")
    district.due_in(7, "From another committee", meeting=create_meeting())
    chair = signed_in(app, district.chair)
    make_feed(chair)
    [token] = feed_tokens(chair)
    assert list(events(chair, token)) == ["From the chair's committee"]


def test_no_feed_for_a_department_the_user_does_not_act_for(app, district, create_department):
    police = create_department(name_en="Police")
    client = signed_in(app, district.officers[0])
    response = client.post(
        "/calendars/issue",
        data={"csrf_token": csrf_token(client, "/calendars"), "department_id": police.id},
    )
    assert response.status_code == 404


def test_a_feed_stops_when_the_user_leaves_the_department(app, db, district):
    officer = district.officers[0]
    client = signed_in(app, officer)
    make_feed(client, district.department.id)
    [token] = feed_tokens(client)
    officer.departments = []
    db.session.commit()
    assert client.get(f"/calendars/{token}.ics").status_code == 404


def test_a_revoked_or_replaced_token_gets_404(app, db, district):
    district.due_in(7)
    client = signed_in(app, district.officers[0])
    make_feed(client)
    [first] = feed_tokens(client)

    make_feed(client)  # a new address replaces the old one
    [second] = feed_tokens(client)
    assert second != first
    assert client.get(f"/calendars/{first}.ics").status_code == 404
    assert client.get(f"/calendars/{second}.ics").status_code == 200

    response = client.post(
        "/calendars/revoke",
        data={"csrf_token": csrf_token(client, "/calendars"), "department_id": ""},
    )
    assert response.status_code == 302
    assert feed_tokens(client) == []
    assert client.get(f"/calendars/{second}.ics").status_code == 404
    assert db.session.scalars(select(CalendarFeed)).all() == []


def test_tokens_are_long_and_random(app, district):
    client = signed_in(app, district.officers[0])
    make_feed(client)
    make_feed(client, district.department.id)
    tokens = feed_tokens(client)
    assert len(set(tokens)) == 2
    assert all(len(token) >= 43 for token in tokens)


def test_changing_feeds_needs_the_csrf_token(app, district):
    client = signed_in(app, district.officers[0])
    assert client.post("/calendars/issue", data={"department_id": ""}).status_code == 400
    assert feed_tokens(client) == []


def test_an_unknown_token_gets_404(client):
    assert client.get("/calendars/not-a-real-token.ics").status_code == 404
