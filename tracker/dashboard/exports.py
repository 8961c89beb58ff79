"""Excel and CSV files of the dashboard's lists and of the action-taken report."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tracker.dashboard.atr import AtrMeeting
from tracker.dashboard.overdue import ListRow
from tracker.i18n import STATUS_LABELS, current_language

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"
#: Excel refuses sheet titles longer than this or holding any of these characters.
SHEET_TITLE_LENGTH = 31
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_TITLE_BANNED = str.maketrans({c: " " for c in "[]:*?/\\"})


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
    updated = assignment.updated_at
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
        updated.replace(tzinfo=None) if updated is not None else None,
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


def _fill_sheet(sheet, headers: Sequence[str], rows: Iterable[Sequence]) -> None:
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(str(header)) for header in headers]
    for values in rows:
        sheet.append(list(values))
        row = sheet.max_row
        for index, value in enumerate(values):
            cell = sheet.cell(row=row, column=index + 1)
            if isinstance(value, date):
                cell.number_format = "DD-MM-YYYY" if type(value) is date else "DD-MM-YYYY HH:MM"
                widths[index] = max(widths[index], 16)
            elif value is not None:
                widths[index] = max(widths[index], min(60, len(str(value))))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width + 2
    sheet.freeze_panes = "A2"


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


def list_xlsx(rows: Sequence[ListRow], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(title, set())
    _fill_sheet(sheet, list_headers(), (list_values(row) for row in rows))
    return _save(book)


def list_csv(rows: Sequence[ListRow]) -> bytes:
    return _csv(list_headers(), (list_values(row) for row in rows))


def atr_xlsx(meetings: Sequence[AtrMeeting]) -> bytes:
    """Return a workbook with one sheet per meeting."""
    book = Workbook()
    book.remove(book.active)
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


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(value) -> object:
    if value is None:
        return ""
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
