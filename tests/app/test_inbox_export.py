"""Downloads of the department inbox: the same rows as the page, as Excel and CSV."""

import csv
import io
import re
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook

from tests.app.test_directives_support import add_assignment, build_world, signed_in
from tests.conftest import count_statements
from tracker.clock import local_today
from tracker.directives import services
from tracker.models import Meeting, MinutesVersion, StatusChange
from tracker.models._common import utcnow


@pytest.fixture
def world(db, create_department, create_committee, create_meeting):
    return build_world(db, create_department, create_committee, create_meeting)


def note(db, assignment, text: str, kind: str = "transition", to_status: str = "reported",
         at: datetime | None = None) -> StatusChange:  # fmt: skip
    change = StatusChange(assignment=assignment, kind=kind, from_status="open",
                          to_status=to_status, note=text, created_at=at or utcnow())  # fmt: skip
    db.session.add(change)
    db.session.commit()
    return change


def shown(client, **query) -> list[int]:
    response = client.get("/inbox", query_string=query)
    assert response.status_code == 200
    return [int(n) for n in re.findall(r'data-assignment="(\d+)"', response.get_data(as_text=True))]


def sheet_of(client, **query):
    response = client.get("/inbox.xlsx", query_string=query)
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    return load_workbook(io.BytesIO(response.data)).active


def records(sheet) -> list[dict]:
    """Return the sheet's rows as dictionaries keyed by the header."""
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, [cell.value for cell in row], strict=True))
            for row in sheet.iter_rows(min_row=2)]  # fmt: skip


def csv_of(client, **query) -> tuple[bytes, list[dict]]:
    response = client.get("/inbox.csv", query_string=query)
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    return response.data, list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_excel_holds_the_inbox_with_real_dates_and_the_latest_note(app, db, world):
    today = local_today()
    mine = world.mine
    note(db, mine, "Survey started in 3 blocks.", at=utcnow() - timedelta(days=2))
    note(db, mine, "", to_status="in_progress")  # a change without a note is not the latest note
    note(db, mine, "सर्वेक्षण पूर्ण: 14 में से 12 बच्चे नामांकित।")
    note(db, mine, "Asked for more time.", kind="extension_requested", to_status=None)
    later = add_assignment(db, world, world.edu, due_on=today + timedelta(days=4), text="Later")
    officer = signed_in(app, world.officer)

    sheet = sheet_of(officer)
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    rows = records(sheet)
    assert [row["Number"] for row in rows] == shown(officer) == [mine.id, later.id]
    first = rows[0]
    assert first["Committee"] == "District Task Force"
    assert first["Meeting"] == "जिला टास्क फोर्स की बैठक"
    assert isinstance(first["Meeting date"], datetime)
    assert first["Meeting date"].date() == world.meeting.held_on
    assert first["Directive"] == world.directive.action_text
    assert first["Department"] == "Basic Education"
    assert first["Status"] == "Open"
    assert isinstance(first["Due on"], datetime)
    assert first["Due on"].date() == today - timedelta(days=3)
    assert first["Days late"] == 3
    assert first["Latest action taken"] == "सर्वेक्षण पूर्ण: 14 में से 12 बच्चे नामांकित।"
    assert isinstance(first["Last change"], datetime)
    assert rows[1]["Days late"] is None and rows[1]["Latest action taken"] is None
    assert sheet.cell(row=2, column=2).number_format == "General"
    assert sheet.cell(row=2, column=4).number_format == "DD-MM-YYYY"
    # The directive's column is widened to its text (up to a limit), the number's is not.
    assert sheet.column_dimensions["E"].width > sheet.column_dimensions["A"].width >= 8


def test_csv_is_utf8_with_a_byte_order_mark_and_keeps_hindi(app, db, world):
    world.officer.language = "hi"
    db.session.commit()
    note(db, world.mine, "=HYPERLINK(\"http://example.com\") सूची\x0b संलग्न")
    officer = signed_in(app, world.officer)

    data, rows = csv_of(officer)
    assert data.startswith(b"\xef\xbb\xbf")
    assert len(rows) == 1
    values = list(rows[0].values())
    assert str(world.mine.id) in values
    assert "बेसिक शिक्षा" in values  # the department in the reader's language
    assert "जिला टास्क फोर्स" in values
    assert world.directive.action_text in values
    assert (local_today() - timedelta(days=3)).isoformat() in values
    # Text a spreadsheet would run as a formula is kept as text.
    assert "'=HYPERLINK(\"http://example.com\") सूची\x0b संलग्न" in values

    sheet = sheet_of(officer)
    noted = [cell for cell in sheet[2] if isinstance(cell.value, str) and "HYPERLINK" in cell.value]
    assert len(noted) == 1
    assert noted[0].data_type == "s"  # text, not a formula
    assert noted[0].value == "=HYPERLINK(\"http://example.com\") सूची संलग्न"


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"view": "overdue"},
        {"view": "all"},
        {"view": "closed"},
        {"view": "stale"},
        {"q": "kilns"},
        {"q": "नामांकन"},
        {"view": "all", "department": "police"},
        {"view": "all", "committee": "road"},
        {"view": "all", "meeting": "road"},
        {"view": "all", "due_from": "today"},
        {"view": "all", "due_to": "today", "q": "Survey"},
    ],
    ids=lambda query: "-".join(f"{k}={v}" for k, v in query.items()) or "default",
)
def test_downloads_hold_what_the_page_lists(app, db, world, create_committee, query):
    today = local_today()
    road = create_committee(chair=world.other_chair, secretary=world.other_secretary,
                            departments=[world.edu], name_en="Road Safety")  # fmt: skip
    road_meeting = Meeting(committee=road, title="Road safety review", held_on=today,
                           language="en", status="published")  # fmt: skip
    road_meeting.minutes_versions.append(MinutesVersion(source="", language="en"))
    db.session.add(road_meeting)
    db.session.commit()
    add_assignment(db, world, world.edu, due_on=today + timedelta(days=3), text="Inspect kilns")
    add_assignment(db, world, world.police, due_on=today - timedelta(days=9), text="Raid kilns")
    add_assignment(db, world, world.edu, status="closed", due_on=today - timedelta(days=20))
    add_assignment(db, world, world.police, meeting=road_meeting, due_on=today + timedelta(1))
    stale = add_assignment(db, world, world.edu, due_on=None, text="Survey the dhabas")
    stale.updated_at = utcnow() - timedelta(days=app.config["STALE_AFTER_DAYS"] + 1)
    db.session.commit()
    named = {"police": world.police.id, "road": road.id, "today": today.isoformat()}
    named["road"] = road.id if "committee" in query else road_meeting.id
    query = {key: named.get(value, value) for key, value in query.items()}
    chair = signed_in(app, world.chair)

    expected = shown(chair, **query)
    assert expected, "each case lists something"
    assert [row["Number"] for row in records(sheet_of(chair, **query))] == expected
    assert [int(row["Number"]) for row in csv_of(chair, **query)[1]] == expected


def test_an_officer_downloads_only_their_departments_rows(app, db, world):
    today = local_today()
    theirs = add_assignment(db, world, world.police, due_on=today - timedelta(5), text="Raid")
    mine = add_assignment(db, world, world.edu, status="closed", due_on=today - timedelta(5))
    officer = signed_in(app, world.officer)
    police_officer = signed_in(app, world.police_officer)

    for query in ({"view": "all"}, {"view": "all", "department": world.police.id},
                  {"q": "Raid"}, {"q": f"#{theirs.id}"}):  # fmt: skip
        numbers = [row["Number"] for row in records(sheet_of(officer, **query))]
        assert theirs.id not in numbers and world.theirs.id not in numbers
        assert all(row["Department"] == "Basic Education" for row in csv_of(officer, **query)[1])
    assert {row["Number"] for row in records(sheet_of(officer, view="all"))} == {
        world.mine.id, mine.id}  # fmt: skip
    assert {row["Number"] for row in records(sheet_of(police_officer, view="all"))} == {
        world.theirs.id, theirs.id}  # fmt: skip


def test_the_download_needs_a_signed_in_user(client, world):
    response = client.get("/inbox.xlsx")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_capped_download_says_so_and_holds_the_first_rows(app, db, world, monkeypatch):
    today = local_today()
    for days in range(1, 5):
        due = today + timedelta(days=days)
        add_assignment(db, world, world.edu, due_on=due, text=f"Tally {days}")
    officer = signed_in(app, world.officer)
    page = officer.get("/inbox").get_data(as_text=True)
    assert 'href="/inbox.xlsx"' in page and 'href="/inbox.csv"' in page
    assert "The download holds the first" not in page
    assert "not only this page" not in page
    app.config["PER_PAGE"] = 3
    page = officer.get("/inbox").get_data(as_text=True)
    assert "The downloads hold all 5 assignments listed, not only this page." in page
    assert len(records(sheet_of(officer))) == 5

    monkeypatch.setattr(services, "INBOX_EXPORT_LIMIT", 2)
    page = officer.get("/inbox?q=Tally").get_data(as_text=True)
    assert "The download holds the first 2 of these 4 assignments" in page
    assert "not only this page" not in page
    assert 'href="/inbox.xlsx?q=Tally"' in page
    numbers = [row["Number"] for row in records(sheet_of(officer, q="Tally"))]
    assert numbers == shown(officer, q="Tally")[:2]
    assert len(csv_of(officer, q="Tally")[1]) == 2


def test_an_empty_inbox_offers_no_download_but_the_file_still_has_its_header(app, db, world):
    world.theirs.status = "closed"
    db.session.commit()
    police_officer = signed_in(app, world.police_officer)
    page = police_officer.get("/inbox").get_data(as_text=True)
    assert "/inbox.xlsx" not in page
    sheet = sheet_of(police_officer)
    assert sheet.max_row == 1 and sheet.cell(row=1, column=1).value == "Number"



@pytest.mark.parametrize("who", ["officer", "chair"])
def test_statements_do_not_grow_with_rows(app, db, world, who):
    today = local_today()
    client = signed_in(app, world.users[who])

    def grow(number: int) -> None:
        for index in range(number):
            department = world.edu if index % 3 else world.police
            made = add_assignment(db, world, department, text=f"Directive {index}",
                                  due_on=today - timedelta(days=index % 40 - 10))  # fmt: skip
            note(db, made, f"Action taken {index}")
            if index % 4 == 0:
                note(db, made, f"Returned {index}", to_status="returned")

    grow(4)
    urls = ["/inbox.xlsx?view=all", "/inbox.csv?view=all", "/inbox.csv?q=Directive",
            "/inbox?view=all"]  # fmt: skip
    small = [count_statements(db, client, url) for url in urls]
    grow(40)
    large = [count_statements(db, client, url) for url in urls]
    assert small == large
    assert len(records(sheet_of(client, view="all"))) > 25
