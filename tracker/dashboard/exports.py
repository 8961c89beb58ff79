"""Excel and CSV files of the dashboard's lists, the inbox and the action-taken report."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from flask import Response, current_app
from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tracker.i18n import STATUS_LABELS, current_language

if TYPE_CHECKING:
    # Types only: the inbox's views import this module, and these modules import the inbox's.
    from tracker.dashboard.atr import AtrMeeting
    from tracker.dashboard.overdue import ListRow
    from tracker.directives.services import InboxExportRow

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
#: Excel refuses sheet titles longer than this or holding any of these characters.
SHEET_TITLE_LENGTH = 31
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_BANNED = str.maketrans({c: " " for c in "[]:*?/\\"})
#: Column widths are worked out from the header and this many first rows.
WIDTH_SAMPLE = 500
MAX_WIDTH = 60


def local_moment(moment: datetime | None) -> datetime | None:
    """Return a stored UTC timestamp as the installation's local time, without a zone.

    Excel has no time zones; a sheet shows the time the reader's office keeps.
    """
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(current_app.config["TIMEZONE"])).replace(tzinfo=None)


def list_headers() -> list[str]:
    return [
        _("Number"),
        _("Committee"),
        _("Meeting"),
        _("Meeting date"),
        _("Directive"),
        _("Department"),
        _("Status"),
        _("Due on"),
        _("Days late"),
        _("Last change"),
    ]


def list_values(row: ListRow) -> list:
    assignment = row.assignment
    language = current_language()
    meeting = assignment.directive.meeting
    return [
        assignment.id,
        meeting.committee.name(language),
        meeting.title,
        meeting.held_on,
        assignment.directive.action_text,
        assignment.department.name(language),
        str(STATUS_LABELS.get(assignment.status, assignment.status)),
        assignment.due_on,
        row.days_late,
        local_moment(assignment.updated_at),
    ]


def inbox_headers() -> list[str]:
    """The drill-down's columns, with what the inbox adds before the last change."""
    *shared, last_change = list_headers()
    return [*shared, _("Stale"), _("More time asked"), _("Latest action taken"), last_change]


def inbox_values(row: InboxExportRow) -> list:
    language = current_language()
    yes = _("Yes")
    return [
        row.number,
        row.committee(language),
        row.meeting_title,
        row.held_on,
        row.action_text,
        row.department(language),
        str(STATUS_LABELS.get(row.status, row.status)),
        row.due_on,
        row.days_late,
        yes if row.is_stale else None,
        yes if row.extension_pending else None,
        row.latest_note or None,
        local_moment(row.updated_at),
    ]


def atr_headers() -> list[str]:
    return [
        _("Directive number"),
        _("Directive"),
        _("Department"),
        _("Status"),
        _("Due on"),
        _("Days late"),
        _("Latest action taken"),
    ]


def atr_rows(meeting: AtrMeeting) -> Iterable[list]:
    language = current_language()
    for number, item in enumerate(meeting.directives, start=1):
        for line in item.lines:
            assignment = line.assignment
            yield [
                number,
                item.directive.action_text,
                assignment.department.name(language),
                str(STATUS_LABELS.get(assignment.status, assignment.status)),
                assignment.due_on,
                line.days_late,
                line.note,
            ]


# Writers -------------------------------------------------------------------------------------


def _write_cell(sheet, value):
    """Return what a write-only sheet should be given for ``value``: a styled cell or the value.

    Plain numbers and text go in as they are (the fast path); dates get a date format, and
    text a spreadsheet would run as a formula, or holding characters Excel refuses, is made
    safe first.
    """
    if isinstance(value, str):
        if ILLEGAL_CHARACTERS_RE.search(value):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value[:1] != "=":
            return value
        cell = WriteOnlyCell(sheet, value=value)
        # Text such as "=HYPERLINK(...)" stays text; Excel must not run it as a formula.
        cell.data_type = "s"
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "DD-MM-YYYY" if type(value) is date else "DD-MM-YYYY HH:MM"
        return cell
    return value


def _width(value) -> int:
    if isinstance(value, date):
        return 16
    if value is None:
        return 0
    return min(MAX_WIDTH, max((len(line) for line in str(value).splitlines()), default=0))


def _fill_sheet(sheet, headers: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Write a header row and the rows to a write-only sheet, in one pass over the rows.

    A write-only sheet takes its column widths and frozen panes before the first row, so the
    widths come from the header and the first WIDTH_SAMPLE rows; memory stays flat however
    many rows follow.
    """
    rows = iter(rows)
    sample = [list(values) for values in itertools.islice(rows, WIDTH_SAMPLE)]
    widths = [len(str(header)) for header in headers]
    for values in sample:
        for index, value in enumerate(values):
            widths[index] = max(widths[index], _width(value))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(header)))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for values in itertools.chain(sample, rows):
        sheet.append([_write_cell(sheet, value) for value in values])


def sheet_title(text: str, taken: set[str]) -> str:
    """Return a sheet title Excel accepts, unique within the workbook."""
    base = (text.translate(SHEET_TITLE_BANNED).strip() or _("Sheet"))[:SHEET_TITLE_LENGTH]
    title, number = base, 2
    while title in taken:
        suffix = f" ({number})"
        title = base[: SHEET_TITLE_LENGTH - len(suffix)] + suffix
        number += 1
    taken.add(title)
    return title


def _one_sheet_xlsx(title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    book = Workbook(write_only=True)
    _fill_sheet(book.create_sheet(sheet_title(title, set())), headers, rows)
    return _save(book)


def list_xlsx(rows: Sequence[ListRow], title: str) -> bytes:
    return _one_sheet_xlsx(title, list_headers(), (list_values(row) for row in rows))


def list_csv(rows: Sequence[ListRow]) -> bytes:
    return _csv(list_headers(), (list_values(row) for row in rows))


def inbox_xlsx(rows: Sequence[InboxExportRow], title: str) -> bytes:
    return _one_sheet_xlsx(title, inbox_headers(), (inbox_values(row) for row in rows))


def inbox_csv(rows: Sequence[InboxExportRow]) -> bytes:
    return _csv(inbox_headers(), (inbox_values(row) for row in rows))


def atr_xlsx(meetings: Sequence[AtrMeeting]) -> bytes:
    """Return a workbook with one sheet per meeting."""
    book = Workbook(write_only=True)
    taken: set[str] = set()
    for item in meetings:
        meeting = item.meeting
        title = sheet_title(f"{meeting.held_on.isoformat()} {meeting.title}", taken)
        sheet = book.create_sheet(title)
        _fill_sheet(sheet, atr_headers(), atr_rows(item))
    if not meetings:
        _fill_sheet(book.create_sheet(_("Sheet")), atr_headers(), [])
    return _save(book)


def atr_csv(meetings: Sequence[AtrMeeting]) -> bytes:
    headers = [_("Meeting"), _("Meeting date"), *atr_headers()]
    rows = (
        [item.meeting.title, item.meeting.held_on, *values]
        for item in meetings
        for values in atr_rows(item)
    )
    return _csv(headers, rows)


def download(data: bytes, filename: str, mimetype: str) -> Response:
    """Return the file as a download that no browser tries to show or sniff."""
    return Response(
        data,
        mimetype=mimetype,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "X-Content-Type-Options": "nosniff",
        },
    )


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value) -> object:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        # A spreadsheet would run text such as "=HYPERLINK(...)" as a formula.
        return "'" + value
    return value


def _csv(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """Return CSV in UTF-8 with a byte-order mark, so that Excel reads Devanagari right."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(headers)
    for values in rows:
        writer.writerow([_cell(value) for value in values])
    return ("\ufeff" + text.getvalue()).encode("utf-8")
