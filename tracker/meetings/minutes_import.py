"""Turn an uploaded file of minutes (.txt, .md, .docx, .pdf) into Markdown text."""

import io

from docx import Document
from flask_babel import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from tracker.uploads import DOCX, PDF, TEXT, CheckedFile, UploadError, check_upload

MINUTES_KINDS = (TEXT, DOCX, PDF)


def minutes_from_upload(filename: str, data: bytes, max_bytes: int) -> str:
    """Return the text of an uploaded minutes file, or raise UploadError saying why not."""
    checked = check_upload(filename, data, MINUTES_KINDS, max_bytes)
    text = _READERS[checked.kind.key](checked)
    text = text.replace("\r\n", "\n").replace("\x00", "").strip()
    if not text:
        raise UploadError(
            _("No text could be read from %(name)s. If it is a scanned document, type the"
              " minutes or upload a file with text in it.", name=checked.filename)  # fmt: skip
        )
    return text + "\n"


def _read_text(checked: CheckedFile) -> str:
    return checked.data.decode("utf-8-sig")


def _read_docx(checked: CheckedFile) -> str:
    try:
        document = Document(io.BytesIO(checked.data))
    except Exception as error:  # python-docx raises many kinds for a damaged file
        raise UploadError(
            _("%(name)s could not be opened as a Word document.", name=checked.filename)
        ) from error
    blocks = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        if style.startswith("heading"):
            level = style.removeprefix("heading").strip()
            depth = int(level) if level.isdigit() and 0 < int(level) < 7 else 2
            blocks.append("#" * depth + " " + text)
        elif "list" in style:
            blocks.append("- " + text)
        else:
            blocks.append(text)
    for table in document.tables:
        rows = [[cell.text.strip().replace("|", "/") for cell in row.cells] for row in table.rows]
        if not rows:
            continue
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _read_pdf(checked: CheckedFile) -> str:
    try:
        reader = PdfReader(io.BytesIO(checked.data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise UploadError(
            _("%(name)s could not be read as a PDF.", name=checked.filename)
        ) from error
    return "\n\n".join(page.strip() for page in pages if page.strip())


_READERS = {"text": _read_text, "docx": _read_docx, "pdf": _read_pdf}
