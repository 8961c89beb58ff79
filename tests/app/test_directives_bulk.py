"""Bulk update from a spreadsheet: checked line by line, previewed, applied only when confirmed."""

import io
import re

import pytest
from openpyxl import Workbook

from tests.app.test_directives_support import (
    add_assignment,
    build_world,
    fresh,
    history_of,
    post_change,
    signed_in,
)


@pytest.fixture
def world(db, create_department, create_committee, create_meeting):
    return build_world(db, create_department, create_committee, create_meeting)


@pytest.fixture
def officer(app, world):
    return signed_in(app, world.officer)


def upload(client, name: str, content: bytes):
    data = {"csrf_token": client.token, "file": (io.BytesIO(content), name)}
    return client.post("/inbox/bulk", data=data, content_type="multipart/form-data")


def confirm(client, page: str):
    token = re.search(r'id="rows" name="rows" type="hidden" value="([^"]+)"', page).group(1)
    return client.post("/inbox/bulk/confirm", data={"csrf_token": client.token, "rows": token})


def line_result(page: str, line: int) -> str:
    return page.split(f'data-line="{line}"', 1)[1].split("</tr>", 1)[0]


def csv_bytes(rows) -> bytes:
    return "\n".join(",".join(str(cell) for cell in row) for row in rows).encode("utf-8")


def test_preview_reports_each_line_and_applies_nothing_until_confirmed(db, world, officer):
    a = add_assignment(db, world, world.edu, text="Survey kilns")
    b = add_assignment(db, world, world.edu, text="Enrol children", status="in_progress")
    c = add_assignment(db, world, world.edu, text="Hold camps")
    d = add_assignment(db, world, world.edu, text="Inspect dhabas")
    content = csv_bytes(
        [
            ("assignment", "new status", "note"),  # line 1: header
            (world.mine.id, "in_progress", ""),  # 2: fine
            (b.id, "Reported", '"42 बच्चों का, नामांकन"'),  # 3: fine, label and a quoted comma
            (c.id, "reported", ""),  # 4: a report needs a note
            (world.theirs.id, "in_progress", ""),  # 5: another department's
            (999999, "in_progress", ""),  # 6: no such assignment
            (a.id, "finished", ""),  # 7: not a status
            (world.mine.id, "reported", "again"),  # 8: the same assignment twice
            (d.id, "closed", "Done"),  # 9: not the officer's to close
            ("abc", "closed", ""),  # 10: not a number
        ]
    )
    response = upload(officer, "updates.csv", content)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2 of 9 lines can be applied" in page
    assert "Will be applied" in line_result(page, 2)
    assert "Will be applied" in line_result(page, 3)
    assert "This change needs a note" in line_result(page, 4)
    assert f"You have no assignment {world.theirs.id}." in line_result(page, 5)
    assert "You have no assignment 999999." in line_result(page, 6)
    assert "finished is not a status" in line_result(page, 7)
    assert f"Assignment {world.mine.id} is already on line 2." in line_result(page, 8)
    assert "cannot go from Open to Closed" in line_result(page, 9)
    assert "must be an assignment number" in line_result(page, 10)
    # The other department's work is not described in the preview.
    assert "Police" not in line_result(page, 5)
    # Nothing applied yet.
    assert fresh(db, world.mine).status == "open"
    assert fresh(db, b).status == "in_progress"

    response = confirm(officer, page)
    result = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "2 of 2 changes were saved" in result
    assert fresh(db, world.mine).status == "in_progress"
    assert fresh(db, b).status == "reported"
    assert history_of(db, b)[-1].note == "42 बच्चों का, नामांकन"
    assert history_of(db, b)[-1].actor_id == world.officer.id


def test_excel_file_and_hindi_status_names(db, world, officer):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["क्रमांक", "स्थिति", "टिप्पणी"])
    sheet.append([world.mine.id, "रिपोर्ट प्रस्तुत", "सर्वे पूर्ण, 12 बच्चे चिन्हित"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = upload(officer, "अद्यतन.xlsx", buffer.getvalue()).get_data(as_text=True)
    assert "1 of 1 lines can be applied" in page
    confirm(officer, page)
    assert fresh(db, world.mine).status == "reported"
    assert history_of(db, world.mine)[-1].note == "सर्वे पूर्ण, 12 बच्चे चिन्हित"


def test_chair_closes_in_bulk(app, db, world):
    world.mine.status = "reported"
    world.theirs.status = "reported"
    db.session.commit()
    chair = signed_in(app, world.chair)
    content = csv_bytes([(world.mine.id, "closed", ""), (world.theirs.id, "returned", "")])
    page = upload(chair, "close.csv", content).get_data(as_text=True)
    assert "Will be applied" in line_result(page, 1)
    assert "This change needs a note" in line_result(page, 2)
    confirm(chair, page)
    assert fresh(db, world.mine).status == "closed"
    assert fresh(db, world.theirs).status == "reported"


def test_a_row_changed_after_the_preview_is_not_applied(app, db, world, officer):
    other = add_assignment(db, world, world.edu)
    page = upload(
        officer,
        "u.csv",
        csv_bytes([(world.mine.id, "in_progress", ""), (other.id, "in_progress", "")]),
    ).get_data(as_text=True)
    colleague = signed_in(app, world.officer_colleague)
    assert (
        post_change(colleague, world.mine, "report", note="Done by a colleague").status_code == 302
    )

    result = confirm(officer, page).get_data(as_text=True)
    assert "1 of 2 changes were saved" in result
    assert "It changed after the preview" in line_result(result, 1)
    assert fresh(db, world.mine).status == "reported"
    assert fresh(db, other).status == "in_progress"
    # Confirming the same preview again changes nothing more.
    result = confirm(officer, page).get_data(as_text=True)
    assert "0 of 2 changes were saved" in result


def test_a_tampered_or_borrowed_preview_is_refused(app, db, world, officer):
    page = upload(officer, "u.csv", csv_bytes([(world.mine.id, "in_progress", "")])).get_data(
        as_text=True
    )
    token = re.search(r'name="rows" type="hidden" value="([^"]+)"', page).group(1)
    tampered = officer.post(
        "/inbox/bulk/confirm",
        follow_redirects=True,
        data={"csrf_token": officer.token, "rows": token[:-3] + "abc"},
    )
    assert "The preview could not be read" in tampered.get_data(as_text=True)
    colleague = signed_in(app, world.officer_colleague)
    borrowed = colleague.post(
        "/inbox/bulk/confirm",
        follow_redirects=True,
        data={"csrf_token": colleague.token, "rows": token},
    )
    assert "The preview could not be read" in borrowed.get_data(as_text=True)
    assert fresh(db, world.mine).status == "open"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("updates.pdf", b"%PDF-1.4\n", "Upload a .csv or .xlsx file."),
        ("updates.xlsx", b"PK\x03\x04broken", "does not contain what its name says"),
        ("updates.csv", "ए,बी".encode("utf-16"), "does not contain what its name says"),
        ("updates.csv", b"assignment,status,note\n", "The file has no rows to apply."),
        ("updates.csv", b"", "is empty"),
    ],
)
def test_unusable_files_are_explained(world, officer, name, content, message):
    response = upload(officer, name, content)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_no_file_chosen(officer):
    response = officer.post("/inbox/bulk", data={"csrf_token": officer.token})
    assert response.status_code == 400
    assert "Choose a file to upload." in response.get_data(as_text=True)


def test_too_many_rows(world, officer):
    content = csv_bytes([(world.mine.id, "in_progress", "")] * 501)
    response = upload(officer, "big.csv", content)
    assert "more than 500 rows" in response.get_data(as_text=True)


def test_the_template_round_trips(db, world, officer):
    text = officer.get("/inbox/bulk/template.csv").get_data(as_text=True).lstrip("\ufeff")
    lines = text.strip().splitlines()
    filled = [lines[0]] + [line.replace(",,,", ",in_progress,,", 1) for line in lines[1:]]
    page = upload(officer, "assignments.csv", "\n".join(filled).encode()).get_data(as_text=True)
    assert "1 of 1 lines can be applied" in page
