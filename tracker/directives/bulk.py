"""Bulk update: a CSV or Excel sheet of assignment, new status and note, checked line by line.

Nothing is applied when the file is read. The rows that passed the checks travel to the
confirmation in a signed token (signed with the app's secret key, bound to the user and
limited in age), so what is applied is exactly what was previewed and nothing the browser
could have altered.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass
from pathlib import PurePath

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from tracker.directives import lifecycle, services
from tracker.directives.lifecycle import Action
from tracker.i18n import STATUS_LABELS
from tracker.models import Assignment, User
from tracker.uploads import TEXT, XLSX, UploadError, check_upload

MAX_ROWS = 500
#: How long a preview stays valid for confirming, in seconds.
PREVIEW_LIFETIME = 60 * 60
SALT = "tracker.directives.bulk-update"


class BulkError(ValueError):
    """A file or token that cannot be used at all, with a message for the user."""


@dataclass(frozen=True)
class SheetRow:
    """One line of the uploaded file, as written."""

    line: int
    assignment: str
    status: str
    note: str


@dataclass(frozen=True)
class Checked:
    """A line after checking: what it would change, or why it cannot."""

    line: int
    assignment_text: str
    status_text: str
    note: str
    assignment: Assignment | None = None
    action: Action | None = None
    from_status: str | None = None
    to_status: str | None = None
    version: int | None = None
    error: str | None = None

    @property
    def is_ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class Outcome:
    line: int
    assignment_id: int
    to_status: str
    error: str | None = None


# Reading the file ----------------------------------------------------------------------------


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value).strip())


def read_sheet(filename: str, data: bytes, max_bytes: int) -> list[SheetRow]:
    """Return the file's rows (after an optional header), or raise BulkError."""
    extension = PurePath(filename or "").suffix.lower()
    if extension not in (".csv", ".xlsx"):
        raise BulkError(_("Upload a .csv or .xlsx file."))
    try:
        checked = check_upload(filename, data, (TEXT, XLSX), max_bytes)
    except UploadError as error:
        raise BulkError(str(error)) from None
    lines = _xlsx_lines(checked.data) if extension == ".xlsx" else _csv_lines(checked.data)
    rows: list[SheetRow] = []
    first = True
    for number, cells in lines:
        cells = [_cell(value) for value in cells]
        if not any(cells):
            continue
        if first:
            first = False
            if not cells[0].lstrip("#").isdigit():
                continue  # a header line
        cells += [""] * (3 - len(cells))
        rows.append(SheetRow(number, cells[0], cells[1], cells[2]))
        if len(rows) > MAX_ROWS:
            raise BulkError(
                _(
                    "The file has more than %(count)d rows. Split it and upload the parts one"
                    " after another.",
                    count=MAX_ROWS,
                )
            )
    if not rows:
        raise BulkError(_("The file has no rows to apply."))
    return rows


def _csv_lines(data: bytes):
    text = data.decode("utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as error:
        raise BulkError(
            _(
                "Line %(line)d of the file could not be read: %(reason)s",
                line=reader.line_num,
                reason=error,
            )
        ) from None


def _xlsx_lines(data: bytes):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise BulkError(_("The Excel file could not be opened; it may be damaged.")) from None
    try:
        sheet = workbook.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(row[:3])
    finally:
        workbook.close()


# Checking the rows ---------------------------------------------------------------------------


def _status_names() -> dict[str, str]:
    """Map every way of writing a status (code, English or Hindi label) to its code."""
    names = {}
    for code in lifecycle.STATES:
        names[_squash(code)] = code
        for language in current_app.config["LANGUAGES"]:
            with force_locale(language):
                names[_squash(str(STATUS_LABELS[code]))] = code
    return names


def _squash(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().replace("-", " ").replace("_", " ").strip()


def check_rows(user: User, rows: list[SheetRow]) -> list[Checked]:
    """Check each row: the assignment is one the user sees, the change is theirs to make."""
    names = _status_names()
    numbers = [row.assignment.lstrip("#") for row in rows]
    visible = services.assignments_for(
        user, [int(n) for n in numbers if n.isdigit() and len(n) <= 12]
    )
    seen: dict[int, int] = {}
    checked = []
    for row in rows:
        base = {
            "line": row.line,
            "assignment_text": row.assignment,
            "status_text": row.status,
            "note": row.note,
        }
        number = row.assignment.lstrip("#")
        if not number.isdigit() or len(number) > 12:
            checked.append(
                Checked(**base, error=_("The first column must be an assignment number."))
            )
            continue
        assignment_id = int(number)
        if assignment_id in seen:
            checked.append(
                Checked(
                    **base,
                    error=_(
                        "Assignment %(id)d is already on line %(line)d.",
                        id=assignment_id,
                        line=seen[assignment_id],
                    ),
                )
            )
            continue
        seen[assignment_id] = row.line
        assignment = visible.get(assignment_id)
        if assignment is None:
            checked.append(
                Checked(**base, error=_("You have no assignment %(id)d.", id=assignment_id))
            )
            continue
        base.update(
            assignment=assignment, from_status=assignment.status, version=assignment.version
        )
        target = names.get(_squash(row.status))
        if target is None:
            message = _(
                "%(status)s is not a status. Use one of: %(statuses)s.",
                status=row.status or "—",
                statuses=", ".join(lifecycle.STATES),
            )
            checked.append(Checked(**base, error=message))
            continue
        base["to_status"] = target
        checked.append(_check_change(user, assignment, target, row.note, base))
    return checked


def _check_change(
    user: User, assignment: Assignment, target: str, note: str, base: dict
) -> Checked:
    if target == assignment.status:
        return Checked(**base, error=_("It already has this status; nothing to change."))
    action = lifecycle.action_to_reach(assignment.status, target)
    if action is None:
        return Checked(
            **base,
            error=_(
                "An assignment cannot go from %(old)s to %(new)s.",
                old=STATUS_LABELS[assignment.status],
                new=STATUS_LABELS[target],
            ),
        )
    if not services.may_ever(user, assignment, action):
        return Checked(**base, error=_("You may not make this change."))
    rule = lifecycle.rule_for(action)
    if rule.note_required and not note:
        return Checked(**base, error=_("This change needs a note in the third column."))
    if len(note) > services.MAX_NOTE_LENGTH:
        return Checked(
            **base,
            error=_("Keep the note under %(count)d characters.", count=services.MAX_NOTE_LENGTH),
        )
    return Checked(**base, action=action)


# Carrying the previewed rows to the confirmation ----------------------------------------------


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=SALT)


def sign(user: User, rows: list[Checked]) -> str:
    """Return a token holding the applicable rows, for ``user`` only."""
    payload = [
        [row.line, row.assignment.id, row.action.value, row.note, row.version]
        for row in rows
        if row.is_ok
    ]
    return _serializer().dumps({"user": user.id, "rows": payload})


def unsign(user: User, token: str) -> list[tuple[int, int, Action, str, int]]:
    """Return the rows from a token made by sign() for ``user``, or raise BulkError."""
    try:
        data = _serializer().loads(token, max_age=PREVIEW_LIFETIME)
    except SignatureExpired:
        raise BulkError(
            _("The preview is more than an hour old. Upload the file again to check it afresh.")
        ) from None
    except BadSignature:
        raise BulkError(_("The preview could not be read. Upload the file again.")) from None
    if data.get("user") != user.id:
        raise BulkError(_("The preview could not be read. Upload the file again."))
    return [
        (line, ident, Action(action), note, version)
        for line, ident, action, note, version in data["rows"]
    ]


# Applying ------------------------------------------------------------------------------------


def apply(user: User, rows: list[tuple[int, int, Action, str, int]]) -> list[Outcome]:
    """Apply each row as the preview showed it; a row whose assignment changed since is refused.

    Each row is its own change (and transaction), made through the same services as the
    assignment page, so the same permission and version checks hold.
    """
    outcomes = []
    for line, assignment_id, action, note, version in rows:
        target = lifecycle.rule_for(action).target
        try:
            assignment = services.get_assignment_for(user, assignment_id)
            _apply_one(assignment, user, action, note, version)
        except services.DirectiveError as error:
            message = error.message
            if isinstance(error, services.ChangedMeanwhile):
                message = _("It changed after the preview; not applied. Open it to see why.")
            outcomes.append(Outcome(line, assignment_id, target, message))
        else:
            outcomes.append(Outcome(line, assignment_id, target))
    return outcomes


def _apply_one(assignment: Assignment, user: User, action: Action, note: str, version: int) -> None:
    if action == Action.START:
        services.start_work(assignment, user, version)
    elif action == Action.REPORT:
        services.report_action(assignment, user, note, [], version)
    elif action == Action.CLOSE:
        services.close_assignment(assignment, user, note, version)
    elif action == Action.RETURN:
        services.return_assignment(assignment, user, note, version)
    elif action == Action.DROP:
        services.drop_assignment(assignment, user, note, version)
    else:
        raise services.ActionForbidden(_("You may not make this change."))
