"""Uploads are judged by content as well as by name."""

import io
import zipfile

import pytest

from tracker.uploads import DOCX, JPEG, PDF, PNG, TEXT, XLSX, UploadError, check_upload, sniff

MB = 1024 * 1024


def office_file(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main_part, "<document/>")
    return buffer.getvalue()


SAMPLES = {
    "pdf": b"%PDF-1.7\n1 0 obj\n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF",
    "docx": office_file("word/document.xml"),
    "xlsx": office_file("xl/workbook.xml"),
    "text": "बैठक का कार्यवृत्त\nMinutes".encode(),
}


@pytest.mark.parametrize("key", SAMPLES)
def test_sniff_recognises_each_kind(key):
    assert sniff(SAMPLES[key]).key == key


@pytest.mark.parametrize(
    ("filename", "data", "allowed", "kind"),
    [
        ("report.PDF", SAMPLES["pdf"], (PDF, PNG), PDF),
        ("site photo.jpg", SAMPLES["jpeg"], (PDF, JPEG), JPEG),
        ("कार्यवृत्त.docx", SAMPLES["docx"], (TEXT, DOCX, PDF), DOCX),
        ("status.xlsx", SAMPLES["xlsx"], (XLSX,), XLSX),
        ("minutes.md", SAMPLES["text"], (TEXT, DOCX), TEXT),
    ],
)
def test_accepts_a_file_whose_name_and_content_agree(filename, data, allowed, kind):
    checked = check_upload(filename, data, allowed, 10 * MB)
    assert checked.kind == kind
    assert checked.size == len(data)
    assert len(checked.sha256) == 64


@pytest.mark.parametrize(
    ("filename", "data", "allowed", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", (PDF,), "not a file type accepted here"),
        ("report.pdf", SAMPLES["docx"], (PDF, DOCX), "does not contain what its name says"),
        ("photo.png", SAMPLES["text"], (PNG,), "does not contain what its name says"),
        ("minutes.txt", "text".encode("utf-16"), (TEXT,), "does not contain what its name says"),
        ("broken.docx", b"PK\x03\x04 not really a zip", (DOCX,), "does not contain"),
        ("empty.pdf", b"", (PDF,), "is empty"),
        ("huge.pdf", b"%PDF-" + b"0" * (2 * MB), (PDF,), "larger than the limit of 1 MB"),
    ],
)
def test_refuses_with_a_clear_reason(filename, data, allowed, message):
    with pytest.raises(UploadError, match=message):
        check_upload(filename, data, allowed, 1 * MB)


def test_path_parts_of_the_name_are_dropped():
    checked = check_upload("../../etc/report.pdf", SAMPLES["pdf"], (PDF,), MB)
    assert checked.filename == "report.pdf"
