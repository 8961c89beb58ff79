"""Committees, meetings and minutes: recording, uploading, publishing, and who may do it."""

import io
import re
from datetime import date

import docx
import pytest
from pypdf import PdfWriter
from sqlalchemy import func, select

from tests.conftest import csrf_token
from tracker.models import Committee, Meeting, MinutesVersion

HINDI_MINUTES = (
    "# जिला टास्क फोर्स की बैठक\n\n"
    "जिलाधिकारी ने निर्देश दिए कि श्रम विभाग 15 दिन में सर्वेक्षण पूर्ण करे।\n"
)


def post(client, path, data, *, form_path=None, **kwargs):
    data = {"csrf_token": csrf_token(client, form_path or path), **data}
    return client.post(path, data=data, **kwargs)


@pytest.fixture
def secretary_setup(login_as, create_committee, create_department):
    """A secretary signed in, with a committee of two departments."""
    client = login_as("secretary")
    labour = create_department(code="LABOUR", name_en="Labour Department", name_hi="श्रम विभाग")
    health = create_department(code="HEALTH", name_en="Health Department", name_hi="स्वास्थ्य विभाग")
    committee = create_committee(secretary=client.user, departments=[labour, health])
    return client, committee


def test_secretary_creates_a_committee(db, login_as, create_department, create_user):
    client = login_as("secretary")
    chair = create_user("chair", name="District Magistrate")
    labour = create_department(code="LABOUR")
    response = post(client, "/committees/new", {
        "name_en": "Road Safety Committee", "name_hi": "सड़क सुरक्षा समिति",
        "chair_id": chair.id, "secretary_id": "", "department_ids": [labour.id],
    })  # fmt: skip
    assert response.status_code == 302
    committee = db.session.scalar(select(Committee).where(Committee.name_hi == "सड़क सुरक्षा समिति"))
    assert committee.secretary_id == client.user.id
    assert committee.chair_id == chair.id
    assert [d.code for d in committee.departments] == ["LABOUR"]


def test_committee_needs_both_names(login_as):
    client = login_as("admin")
    response = post(client, "/committees/new", {"name_en": "Only English", "name_hi": ""})
    assert response.status_code == 200
    assert "name in Hindi." in response.get_data(as_text=True)


def test_secretary_records_a_meeting_then_its_minutes(db, secretary_setup):
    client, committee = secretary_setup
    response = post(client, "/meetings/new", {
        "committee_id": committee.id, "title": "तृतीय बैठक", "held_on": "2026-03-02",
        "starts_at": "11:30", "venue": "कलेक्ट्रेट सभागार", "language": "hi",
        "department_ids": [d.id for d in committee.departments], "attendees": "सभी सदस्य",
    }, form_path="/meetings/new")  # fmt: skip
    assert response.status_code == 302
    meeting = db.session.scalar(select(Meeting).where(Meeting.title == "तृतीय बैठक"))
    assert meeting.held_on == date(2026, 3, 2)
    assert meeting.status == "draft"
    assert len(meeting.departments_present) == 2

    path = f"/meetings/{meeting.id}/minutes"
    response = post(client, path, {"source": HINDI_MINUTES, "language": "hi"})
    assert response.status_code == 302
    db.session.refresh(meeting)
    assert meeting.minutes.source == HINDI_MINUTES
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "<h1>जिला टास्क फोर्स की बैठक</h1>" in page


@pytest.mark.parametrize("held_on", ["31/02/2026", "next Tuesday", "2026-13-01"])
def test_a_malformed_date_is_explained_and_the_form_kept(secretary_setup, held_on):
    client, committee = secretary_setup
    response = post(client, "/meetings/new", {
        "committee_id": committee.id, "title": "Kept title", "held_on": held_on, "language": "en",
    }, form_path="/meetings/new")  # fmt: skip
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "is not a date" in html
    assert 'value="Kept title"' in html


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("Review meeting", level=1)
    document.add_paragraph("The Collector directed the Labour Department to finish the survey.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Decision", "Action by"
    table.cell(1, 0).text, table.cell(1, 1).text = "Survey", "Labour"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_bytes() -> bytes:
    # A one-page PDF with a text line, written by hand so no extra library is needed.
    content = b"BT /F1 12 Tf 72 720 Td (The Health Department shall report by 31 March.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()


@pytest.mark.parametrize(
    ("filename", "make", "expected"),
    [
        ("minutes.txt", lambda: HINDI_MINUTES.encode(), "श्रम विभाग 15 दिन में"),
        ("minutes.md", lambda: "\ufeff# Minutes\n\nAll departments shall act.".encode(),
         "All departments shall act."),
        ("minutes.docx", _docx_bytes, "directed the Labour Department"),
        ("minutes.pdf", _pdf_bytes, "The Health Department shall report by 31 March."),
    ],
)  # fmt: skip
def test_uploaded_minutes_become_the_text(db, secretary_setup, create_meeting, filename, make,
                                          expected):  # fmt: skip
    client, committee = secretary_setup
    meeting = create_meeting(committee=committee)
    path = f"/meetings/{meeting.id}/minutes"
    response = post(client, path, {"source": "", "language": "en",
                                   "upload": (io.BytesIO(make()), filename)})  # fmt: skip
    assert response.status_code == 302
    db.session.refresh(meeting)
    assert expected in meeting.minutes.source
    if filename.endswith(".docx"):
        assert "# Review meeting" in meeting.minutes.source
        assert "| Survey | Labour |" in meeting.minutes.source


def test_an_empty_pdf_page_is_explained(db, secretary_setup, create_meeting):
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    buffer.seek(0)
    client, committee = secretary_setup
    meeting = create_meeting(committee=committee, minutes="typed before")
    response = post(client, f"/meetings/{meeting.id}/minutes", {
        "source": "typed before", "language": "en", "upload": (buffer, "scan.pdf")})
    assert "No text could be read from scan.pdf" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("minutes.exe", b"MZ\x90\x00binary", "is not a file type accepted here"),
        ("minutes.pdf", b"just text, not a PDF", "does not contain what its name says"),
        ("minutes.txt", "मिनट".encode("utf-16"), "does not contain what its name says"),
    ],
)
def test_a_bad_upload_is_refused_and_the_typed_text_kept(
    db, secretary_setup, create_meeting, filename, data, message
):
    client, committee = secretary_setup
    meeting = create_meeting(committee=committee, minutes="")
    typed = "जिलाधिकारी ने निर्देश दिए कि यह पाठ खोना नहीं चाहिए।"
    response = post(client, f"/meetings/{meeting.id}/minutes", {
        "source": typed, "language": "hi", "upload": (io.BytesIO(data), filename)})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in html
    assert typed in html
    db.session.refresh(meeting)
    assert meeting.minutes.source == ""


def test_an_upload_over_the_limit_is_refused(app, db, secretary_setup, create_meeting):
    app.config["MAX_UPLOAD_MB"] = 1
    client, committee = secretary_setup
    meeting = create_meeting(committee=committee)
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10)
    response = post(client, f"/meetings/{meeting.id}/minutes", {
        "source": "kept", "language": "en", "upload": (io.BytesIO(big), "big.pdf")})
    assert "larger than the limit of 1 MB" in response.get_data(as_text=True)


def test_preview_is_sanitised(secretary_setup):
    client, _ = secretary_setup
    token = csrf_token(client, "/meetings")
    response = client.post("/meetings/preview", headers={"X-CSRFToken": token}, data={
        "source": "**ठीक** <script>alert(1)</script><img src=x onerror=alert(1)>"
                  "<iframe src=//x></iframe>"})  # fmt: skip
    html = response.get_data(as_text=True)
    assert "<strong>ठीक</strong>" in html
    for bad in ("<script", "onerror", "<iframe"):
        assert bad not in html


def test_publishing_locks_and_a_correction_makes_a_new_version(db, secretary_setup, create_meeting):
    client, committee = secretary_setup
    meeting = create_meeting(committee=committee, minutes="Version one text.")
    path = f"/meetings/{meeting.id}"
    response = post(client, f"{path}/publish", {}, form_path=path)
    assert response.status_code == 302
    db.session.refresh(meeting)
    assert meeting.status == "published"
    post(client, f"/meetings/{meeting.id}/minutes", {"source": "Corrected text.", "language": "en"})
    versions = db.session.scalars(
        select(MinutesVersion).where(MinutesVersion.meeting_id == meeting.id)
        .order_by(MinutesVersion.number)).all()  # fmt: skip
    assert [(v.number, v.source) for v in versions] == [(1, "Version one text."),
                                                        (2, "Corrected text.")]  # fmt: skip
    assert all(v.published_at is not None for v in versions)
    old = client.get(f"/meetings/{meeting.id}/minutes/1").get_data(as_text=True)
    assert "Version one text." in old


def test_publishing_empty_minutes_is_refused(db, secretary_setup, create_meeting):
    client, committee = secretary_setup
    meeting = create_meeting(committee=committee, minutes="  ")
    path = f"/meetings/{meeting.id}"
    response = post(client, f"{path}/publish", {}, form_path=path, follow_redirects=True)
    assert "Write or upload the minutes before publishing them." in response.get_data(as_text=True)
    db.session.refresh(meeting)
    assert meeting.status == "draft"


# Permissions ------------------------------------------------------------------------------

EDIT_PATHS = ["/meetings/{id}/edit", "/meetings/{id}/minutes", "/meetings/{id}/review"]


@pytest.mark.parametrize("path", EDIT_PATHS)
@pytest.mark.parametrize("role", ["chair", "officer", "other secretary"])
def test_only_the_secretary_or_an_admin_may_edit(login_as, create_meeting, create_committee,
                                                 create_department, role, path):  # fmt: skip
    department = create_department()
    meeting = create_meeting(committee=create_committee(departments=[department]),
                             minutes="जिलाधिकारी ने निर्देश दिए।")  # fmt: skip
    if role == "other secretary":
        client = login_as("secretary")
    elif role == "officer":
        client = login_as("officer", departments=[department])
    else:
        client = login_as(role)
    assert client.get(path.format(id=meeting.id)).status_code == 403
    assert client.get(f"/meetings/{meeting.id}").status_code == 200


@pytest.mark.parametrize("path", EDIT_PATHS)
def test_the_committees_secretary_and_an_admin_may_edit(login_as, create_meeting, create_committee,
                                                        path):  # fmt: skip
    admin = login_as("admin")
    secretary = login_as("secretary")
    meeting = create_meeting(committee=create_committee(secretary=secretary.user),
                             minutes="The Collector directed the police to act.")  # fmt: skip
    for client in (admin, secretary):
        assert client.get(path.format(id=meeting.id)).status_code == 200


def test_an_officer_of_another_department_cannot_see_the_meeting(
    login_as, create_meeting, create_committee, create_department
):
    meeting = create_meeting(committee=create_committee(departments=[create_department()]))
    outsider = login_as("officer")
    assert outsider.get(f"/meetings/{meeting.id}").status_code == 404
    listing = outsider.get("/meetings").get_data(as_text=True)
    assert meeting.title not in listing


def test_the_meetings_list_is_paginated(app, db, login_as, create_committee):
    app.config["PER_PAGE"] = 2
    client = login_as("secretary")
    committee = create_committee(secretary=client.user)
    for day in range(1, 6):
        db.session.add(Meeting(committee=committee, title=f"Meeting on day {day}",
                               held_on=date(2026, 1, day), language="en"))  # fmt: skip
    db.session.commit()
    first = client.get("/meetings").get_data(as_text=True)
    assert re.findall(r"Meeting on day (\d)", first) == ["5", "4"]
    assert "Page 1 of 3" in first
    last = client.get("/meetings?page=3").get_data(as_text=True)
    assert re.findall(r"Meeting on day (\d)", last) == ["1"]
    assert db.session.scalar(select(func.count()).select_from(Meeting)) == 5
