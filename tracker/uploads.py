"""Check uploaded files by their content, not only their name."""

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from flask_babel import gettext as _


@dataclass(frozen=True)
class FileKind:
    key: str
    extensions: tuple[str, ...]
    content_type: str


PDF = FileKind("pdf", (".pdf",), "application/pdf")
PNG = FileKind("png", (".png",), "image/png")
JPEG = FileKind("jpeg", (".jpg", ".jpeg"), "image/jpeg")
DOCX = FileKind(
    "docx",
    (".docx",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
XLSX = FileKind(
    "xlsx", (".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)
TEXT = FileKind("text", (".txt", ".md", ".csv"), "text/plain; charset=utf-8")
KINDS = {kind.key: kind for kind in (PDF, PNG, JPEG, DOCX, XLSX, TEXT)}


class UploadError(ValueError):
    """An upload that cannot be accepted, with a message for the person who sent it."""


@dataclass(frozen=True)
class CheckedFile:
    filename: str
    kind: FileKind
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def size(self) -> int:
        return len(self.data)


def sniff(data: bytes) -> FileKind | None:
    """Return the kind of file ``data`` is, judged by its first bytes and structure."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04"):
        return _office_kind(data)
    if b"\x00" not in data:
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
        return TEXT
    return None


def _office_kind(data: bytes) -> FileKind | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def describe(kinds: tuple[FileKind, ...]) -> str:
    return ", ".join(ext for kind in kinds for ext in kind.extensions)


def check_upload(filename: str, data: bytes, allowed: tuple[FileKind, ...],
                 max_bytes: int) -> CheckedFile:  # fmt: skip
    """Return the file if it is one of ``allowed`` by name and by content, else raise."""
    name = PurePath(filename or "").name.strip() or "upload"
    if not data:
        raise UploadError(_("The file %(name)s is empty.", name=name))
    if len(data) > max_bytes:
        raise UploadError(
            _("The file %(name)s is larger than the limit of %(limit)d MB.",
              name=name, limit=max_bytes // (1024 * 1024))  # fmt: skip
        )
    extension = PurePath(name).suffix.lower()
    by_name = next((kind for kind in allowed if extension in kind.extensions), None)
    if by_name is None:
        raise UploadError(
            _("%(name)s is not a file type accepted here. Accepted: %(types)s.",
              name=name, types=describe(allowed))  # fmt: skip
        )
    if sniff(data) != by_name:
        raise UploadError(
            _("%(name)s does not contain what its name says (%(extension)s); it may be damaged"
              " or renamed. Accepted: %(types)s.",
              name=name, extension=extension, types=describe(allowed))  # fmt: skip
        )
    return CheckedFile(filename=name, kind=by_name, data=data)
