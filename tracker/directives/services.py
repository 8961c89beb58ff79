"""Assignments: who may see and change them, the changes themselves, and the inbox queries.

Every function that reaches a department's data takes the user and filters by what they may
see; the views only parse requests and render what these functions return.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import and_, case, exists, false, func, or_, select, true
from sqlalchemy.orm import contains_eager, selectinload
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.expression import ColumnElement

from tracker.directives import lifecycle
from tracker.directives.lifecycle import Action, Capacity
from tracker.extensions import db
from tracker.models import (
    Assignment,
    Attachment,
    Committee,
    Department,
    Directive,
    ExtensionRequest,
    Meeting,
    StatusChange,
    User,
)
from tracker.models._common import utcnow
from tracker.pagination import Page
from tracker.uploads import DOCX, JPEG, PDF, PNG, XLSX, UploadError, check_upload

#: What may be attached to an action-taken report.
EVIDENCE_KINDS = (PDF, PNG, JPEG, DOCX, XLSX)
MAX_EVIDENCE_FILES = 10
MAX_NOTE_LENGTH = 10_000
MB = 1024 * 1024

#: Roles that read every department's assignments; officers read only their departments'.
READ_ALL_ROLES = ("chair", "secretary", "admin")


# Errors --------------------------------------------------------------------------------------


class DirectiveError(Exception):
    """A change that cannot be made, with a message for the person who asked."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message


class AssignmentNotFound(DirectiveError):
    """No such assignment, or none the user may see: the two are told apart by no one."""


class ActionForbidden(DirectiveError):
    """The user may see the assignment but may never take this action on it."""


class ActionUnavailable(DirectiveError):
    """The action is the user's to take, but not in the assignment's present state."""


class ChangedMeanwhile(DirectiveError):
    """The assignment changed after the user's page was loaded; nothing was saved."""


class InvalidInput(DirectiveError):
    """Something the user entered is missing or wrong; ``field`` names the form field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


# Who may see and do what ---------------------------------------------------------------------


def department_ids(user: User) -> list[int]:
    return [department.id for department in user.departments]


def reads_everything(user: User) -> bool:
    return user.role in READ_ALL_ROLES


def visibility(user: User):
    """Return a WHERE clause over Assignment that keeps what ``user`` may see."""
    if reads_everything(user):
        return true()
    if user.role == "officer":
        ids = department_ids(user)
        return Assignment.department_id.in_(ids) if ids else false()
    return false()


def can_see(user: User, assignment: Assignment) -> bool:
    if reads_everything(user):
        return True
    return user.role == "officer" and assignment.department_id in department_ids(user)


def get_assignment_for(user: User, assignment_id: int) -> Assignment:
    """Return the assignment if ``user`` may see it; otherwise raise AssignmentNotFound."""
    assignment = db.session.scalar(
        select(Assignment)
        .where(Assignment.id == assignment_id, visibility(user))
        .options(
            selectinload(Assignment.directive)
            .selectinload(Directive.meeting)
            .selectinload(Meeting.committee),
            selectinload(Assignment.department),
        )
    )
    if assignment is None:
        raise AssignmentNotFound(_("No such assignment."))
    return assignment


def assignments_for(user: User, ids: Iterable[int]) -> dict[int, Assignment]:
    """Return, by id, those of these assignments that ``user`` may see."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    found = db.session.scalars(
        select(Assignment)
        .where(Assignment.id.in_(ids), visibility(user))
        .options(
            selectinload(Assignment.directive)
            .selectinload(Directive.meeting)
            .selectinload(Meeting.committee),
            selectinload(Assignment.department),
        )
    )
    return {assignment.id: assignment for assignment in found}


def capacities(user: User, assignment: Assignment) -> frozenset[Capacity]:
    """Return the capacities in which ``user`` stands towards ``assignment``."""
    found = set()
    if user.role == "officer" and assignment.department_id in department_ids(user):
        found.add(Capacity.OFFICER)
    meeting = assignment.directive.meeting
    if user.role == "chair" and user.id in (meeting.committee.chair_id, meeting.chair_id):
        found.add(Capacity.CHAIR)
    if user.role == "secretary" and user.id == meeting.committee.secretary_id:
        found.add(Capacity.SECRETARY)
    return frozenset(found)


def extension_waiting() -> ColumnElement[bool]:
    """The condition of a request for more time that still waits for the chair's decision.

    A request on an assignment that was closed or dropped meanwhile can no longer be decided,
    so it waits for nobody; use it with ``Assignment`` in the statement.
    """
    return and_(
        ExtensionRequest.status == "pending", Assignment.status.in_(sorted(lifecycle.PENDING))
    )


def pending_extension(assignment: Assignment) -> ExtensionRequest | None:
    if assignment.status not in lifecycle.PENDING:
        return None
    return db.session.scalar(
        select(ExtensionRequest)
        .where(
            ExtensionRequest.assignment_id == assignment.id,
            ExtensionRequest.status == "pending",
        )
        .order_by(ExtensionRequest.id.desc())
        .limit(1)
    )


def allowed_actions(user: User, assignment: Assignment) -> list[Action]:
    """Return what ``user`` may do to ``assignment`` now."""
    return lifecycle.allowed_actions(
        assignment.status,
        capacities(user, assignment),
        extension_pending=pending_extension(assignment) is not None,
    )


def may_ever(user: User, assignment: Assignment, action: Action | str) -> bool:
    """Tell whether ``user`` is someone who may take ``action`` on this assignment at all."""
    return lifecycle.may_ever(action, capacities(user, assignment))


# Changes -------------------------------------------------------------------------------------


def clean_text(text: str | None) -> str:
    """Return ``text`` stripped and in Unicode NFC, so the same words compare and search alike."""
    return unicodedata.normalize("NFC", (text or "").strip())


def _authorise(
    user: User, assignment: Assignment, action: Action, version: int | None, note: str
) -> lifecycle.Rule:
    """Check sight, capacity, freshness, state and note, in that order; return the rule."""
    if not can_see(user, assignment):
        raise AssignmentNotFound(_("No such assignment."))
    if not may_ever(user, assignment, action):
        raise ActionForbidden(_("You may not do this to this assignment."))
    if version is not None and int(version) != assignment.version:
        raise ChangedMeanwhile(_changed_message())
    try:
        rule = lifecycle.check(
            action,
            assignment.status,
            capacities(user, assignment),
            extension_pending=pending_extension(assignment) is not None,
        )
    except lifecycle.NotAllowedNow:
        raise ActionUnavailable(_unavailable_message(action, assignment)) from None
    if rule.note_required and not note:
        raise InvalidInput("note", _note_required_message(action))
    if len(note) > MAX_NOTE_LENGTH:
        raise InvalidInput(
            "note", _("Keep the note under %(count)d characters.", count=MAX_NOTE_LENGTH)
        )
    return rule


def _changed_message() -> str:
    return _(
        "Someone changed this assignment after you opened the page, so nothing was saved."
        " Read what changed below, then submit again if it still applies."
    )


def _unavailable_message(action: Action, assignment: Assignment) -> str:
    if action == Action.REQUEST_EXTENSION and assignment.status in lifecycle.AWAITING_DEPARTMENT:
        return _("A request for more time is already waiting for the chair's decision.")
    if action in (Action.APPROVE_EXTENSION, Action.REJECT_EXTENSION):
        return _("There is no request for more time waiting for a decision.")
    return _("This cannot be done while the assignment is in its present state.")


def _note_required_message(action: Action) -> str:
    return {
        Action.REPORT: _("Describe the action taken."),
        Action.RETURN: _("Say what more is needed, so the department knows what to do."),
        Action.DROP: _("Give the reason for dropping this assignment."),
        Action.REQUEST_EXTENSION: _("Give the reason you need more time."),
        Action.REJECT_EXTENSION: _("Give the reason for refusing more time."),
    }.get(action, _("Write a note."))


def _record(
    assignment: Assignment,
    user: User,
    *,
    kind: str,
    note: str,
    from_status: str | None = None,
    to_status: str | None = None,
    due_on: date | None = None,
) -> StatusChange:
    """Append a history entry and mark the assignment as changed (which bumps its version)."""
    now = utcnow()
    change = StatusChange(
        assignment=assignment,
        actor_id=user.id,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        note=note,
        due_on=due_on,
        created_at=now,
    )
    db.session.add(change)
    assignment.updated_at = now
    return change


def _commit() -> None:
    """Commit, turning a lost race on the version into ChangedMeanwhile.

    The UPDATE of the assignment carries ``WHERE version = <the version read>`` (the mapper's
    version_id_col); when another writer got there first no row matches and nothing is saved.
    """
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise ChangedMeanwhile(_changed_message()) from None


def _transition(
    assignment: Assignment,
    user: User,
    action: Action,
    version: int | None,
    note: str | None,
    files: Sequence[tuple[str, bytes]] = (),
) -> StatusChange:
    note = clean_text(note)
    rule = _authorise(user, assignment, action, version, note)
    checked = check_evidence(files) if rule.takes_evidence else []
    from_status = assignment.status
    to_status = lifecycle.target_status(action, from_status)
    change = _record(
        assignment, user, kind="transition", note=note, from_status=from_status, to_status=to_status
    )
    for upload in checked:
        change.attachments.append(
            Attachment(
                filename=upload.filename,
                content_type=upload.kind.content_type,
                size_bytes=upload.size,
                sha256=upload.sha256,
                data=upload.data,
            )
        )
    assignment.status = to_status
    if to_status == "closed":
        assignment.closed_at = change.created_at
    _commit()
    return change


def check_evidence(files: Iterable[tuple[str, bytes]]):
    """Return the evidence files checked by name and content, or raise InvalidInput."""
    files = [(name, data) for name, data in files if name or data]
    if len(files) > MAX_EVIDENCE_FILES:
        raise InvalidInput(
            "evidence",
            _("Attach at most %(count)d files to one report.", count=MAX_EVIDENCE_FILES),
        )
    limit = max_upload_bytes()
    if sum(len(data) for _name, data in files) > limit:
        raise InvalidInput(
            "evidence",
            _(
                "The files together are larger than the limit of %(limit)d MB. Nothing was saved;"
                " attach smaller files (or fewer) and submit again.",
                limit=limit // MB,
            ),
        )
    checked = []
    for name, data in files:
        try:
            checked.append(check_upload(name, data, EVIDENCE_KINDS, limit))
        except UploadError as error:
            raise InvalidInput("evidence", str(error)) from None
    return checked


def max_upload_bytes() -> int:
    return int(current_app.config["MAX_UPLOAD_MB"]) * MB


def start_work(assignment: Assignment, user: User, version: int | None) -> StatusChange:
    """Mark that the department has started on the assignment."""
    return _transition(assignment, user, Action.START, version, "")


def report_action(
    assignment: Assignment,
    user: User,
    note: str,
    files: Sequence[tuple[str, bytes]],
    version: int | None,
) -> StatusChange:
    """Record the action taken, with evidence files, and send it to the chair for review."""
    return _transition(assignment, user, Action.REPORT, version, note, files)


def close_assignment(
    assignment: Assignment, user: User, note: str | None, version: int | None
) -> StatusChange:
    """Accept the department's report and close the assignment."""
    return _transition(assignment, user, Action.CLOSE, version, note)


def return_assignment(
    assignment: Assignment, user: User, note: str, version: int | None
) -> StatusChange:
    """Send a report back to the department with a remark on what more is needed."""
    return _transition(assignment, user, Action.RETURN, version, note)


def drop_assignment(
    assignment: Assignment, user: User, note: str, version: int | None
) -> StatusChange:
    """Stop following an assignment that no longer needs doing, with the reason."""
    return _transition(assignment, user, Action.DROP, version, note)


def request_extension(
    assignment: Assignment,
    user: User,
    due_on: date | None,
    note: str,
    version: int | None,
    today: date,
) -> ExtensionRequest:
    """Ask the chair to move the due date to ``due_on``, giving the reason in ``note``."""
    note = clean_text(note)
    _authorise(user, assignment, Action.REQUEST_EXTENSION, version, note)
    if due_on is None:
        raise InvalidInput("due_on", _("Enter the new date you are asking for."))
    if assignment.due_on is not None and due_on <= assignment.due_on:
        raise InvalidInput("due_on", _("The new date must be after the present due date."))
    if due_on < today:
        raise InvalidInput("due_on", _("The new date must not be in the past."))
    request = ExtensionRequest(
        assignment=assignment, requested_by_id=user.id, requested_due_on=due_on, reason=note
    )
    db.session.add(request)
    _record(assignment, user, kind="extension_requested", note=note, due_on=due_on)
    _commit()
    return request


def decide_extension(
    assignment: Assignment, user: User, approve: bool, note: str | None, version: int | None
) -> ExtensionRequest:
    """Approve (moving the due date) or reject the pending request for more time."""
    note = clean_text(note)
    action = Action.APPROVE_EXTENSION if approve else Action.REJECT_EXTENSION
    _authorise(user, assignment, action, version, note)
    request = pending_extension(assignment)
    request.status = "approved" if approve else "rejected"
    request.decided_by_id = user.id
    request.decided_at = utcnow()
    request.decision_note = note
    if approve:
        assignment.due_on = request.requested_due_on
    _record(
        assignment,
        user,
        kind="extension_approved" if approve else "extension_rejected",
        note=note,
        due_on=request.requested_due_on,
    )
    _commit()
    return request


# Reading one assignment ----------------------------------------------------------------------


def history(assignment: Assignment) -> list[StatusChange]:
    """Return the assignment's history, oldest first, with actors and attachment names."""
    return list(
        db.session.scalars(
            select(StatusChange)
            .where(StatusChange.assignment_id == assignment.id)
            .options(selectinload(StatusChange.actor), selectinload(StatusChange.attachments))
            .order_by(StatusChange.id)
        )
    )


def changes_since(
    assignment: Assignment, seen: int | None, version: int | None
) -> list[StatusChange]:
    """Return the history entries made after the page the user worked from was loaded.

    ``seen`` is the last entry that page showed; without it, the difference in versions says
    how many entries are new.
    """
    entries = history(assignment)
    if seen is not None:
        return [entry for entry in entries if entry.id > seen]
    if version is not None and assignment.version > version:
        return entries[-(assignment.version - version) :]
    return []


def sibling_assignments(assignment: Assignment) -> list[Assignment]:
    """Return the same directive's assignments to other departments, with their statuses."""
    return list(
        db.session.scalars(
            select(Assignment)
            .join(Department, Department.id == Assignment.department_id)
            .where(
                Assignment.directive_id == assignment.directive_id,
                Assignment.id != assignment.id,
            )
            .options(contains_eager(Assignment.department))
            .order_by(Department.name_en)
        )
    )


def get_attachment_for(user: User, attachment_id: int) -> Attachment:
    """Return the attachment, its data loaded, if ``user`` may see its assignment."""
    attachment = db.session.scalar(
        select(Attachment)
        .join(StatusChange, StatusChange.id == Attachment.status_change_id)
        .join(Assignment, Assignment.id == StatusChange.assignment_id)
        .where(Attachment.id == attachment_id, visibility(user))
        .options(selectinload(Attachment.status_change))
    )
    if attachment is None:
        raise AssignmentNotFound(_("No such file."))
    return attachment


@dataclass(frozen=True)
class SourceExcerpt:
    before: str
    span: str
    after: str
    cut_before: bool
    cut_after: bool


def source_excerpt(
    text: str, start: int | None, end: int | None, reach: int = 400
) -> SourceExcerpt | None:
    """Return the span ``text[start:end]`` with the paragraph around it, at most ``reach`` away.

    The context stops at a blank line (a paragraph break) or, failing that, at a space, so no
    word is cut in half.
    """
    if start is None or end is None or not text or not 0 <= start <= end <= len(text):
        return None
    lower, cut_before = max(0, start - reach), False
    paragraph = text.rfind("\n\n", lower, start)
    if paragraph != -1:
        lower = paragraph + 2
    elif lower > 0:
        space = text.find(" ", lower, start)
        lower, cut_before = (space + 1 if space != -1 else lower), True
    upper, cut_after = min(len(text), end + reach), False
    paragraph = text.find("\n\n", end, upper)
    if paragraph != -1:
        upper = paragraph
    elif upper < len(text):
        space = text.rfind(" ", end, upper)
        upper, cut_after = (space if space != -1 else upper), True
    return SourceExcerpt(
        before=text[lower:start].lstrip("\n"),
        span=text[start:end],
        after=text[end:upper].rstrip(),
        cut_before=cut_before,
        cut_after=cut_after,
    )


# The inbox -----------------------------------------------------------------------------------

#: The inbox's views: the ones beside the statuses themselves.
INBOX_VIEWS = ("pending", "overdue", "due_week", "stale", "all")
DEFAULT_VIEW = "pending"


@dataclass(frozen=True)
class InboxFilters:
    view: str = DEFAULT_VIEW
    department_id: int | None = None
    committee_id: int | None = None
    meeting_id: int | None = None
    due_from: date | None = None
    due_to: date | None = None
    text: str = ""

    def is_narrowed(self) -> bool:
        """Tell whether any filter beyond the default view is set."""
        return any(
            (
                self.department_id,
                self.committee_id,
                self.meeting_id,
                self.due_from,
                self.due_to,
                self.text,
            )
        )


@dataclass(frozen=True)
class InboxCounts:
    pending: int = 0
    overdue: int = 0
    due_this_week: int = 0
    stale: int = 0


@dataclass(frozen=True)
class InboxRow:
    assignment: Assignment
    is_overdue: bool
    is_stale: bool
    extension_pending: bool


def stale_before(now: datetime | None = None) -> datetime:
    """Return the moment before which an untouched assignment counts as stale."""
    days = int(current_app.config["STALE_AFTER_DAYS"])
    return (now or utcnow()) - timedelta(days=days)


def _pending():
    return Assignment.status.in_(lifecycle.PENDING)


def _overdue(today: date):
    return and_(_pending(), Assignment.due_on < today)


def _stale(cutoff: datetime):
    return and_(
        Assignment.status.in_(lifecycle.AWAITING_DEPARTMENT), Assignment.updated_at < cutoff
    )


def _due_this_week(today: date):
    return and_(_pending(), Assignment.due_on >= today, Assignment.due_on < today + timedelta(7))


def _scope(user: User, department_id: int | None):
    clauses = [visibility(user)]
    if department_id is not None:
        clauses.append(Assignment.department_id == department_id)
    return and_(*clauses)


def inbox_counts(
    user: User, today: date, cutoff: datetime, department_id: int | None = None
) -> InboxCounts:
    """Count the pending, overdue, due-this-week and stale assignments ``user`` may see."""
    row = db.session.execute(
        select(
            func.count(Assignment.id).filter(_pending()),
            func.count(Assignment.id).filter(_overdue(today)),
            func.count(Assignment.id).filter(_due_this_week(today)),
            func.count(Assignment.id).filter(_stale(cutoff)),
        ).where(_scope(user, department_id))
    ).one()
    return InboxCounts(*row)


def _view_clause(view: str, today: date, cutoff: datetime):
    if view == "pending":
        return _pending()
    if view == "overdue":
        return _overdue(today)
    if view == "due_week":
        return _due_this_week(today)
    if view == "stale":
        return _stale(cutoff)
    if view in lifecycle.STATES:
        return Assignment.status == view
    return true()


def _text_clause(text: str):
    words = clean_text(text)
    clauses = [
        Directive.action_text.icontains(words, autoescape=True),
        Directive.due_text.icontains(words, autoescape=True),
        Meeting.title.icontains(words, autoescape=True),
        Department.name_en.icontains(words, autoescape=True),
        Department.name_hi.icontains(words, autoescape=True),
        Department.code.icontains(words, autoescape=True),
        exists().where(
            StatusChange.assignment_id == Assignment.id,
            StatusChange.note.icontains(words, autoescape=True),
        ),
    ]
    number = words.lstrip("#")
    if number.isdigit() and len(number) < 10:
        clauses.append(Assignment.id == int(number))
    return or_(*clauses)


def meeting_and_due_clauses(filters) -> list:
    """Return the conditions for the committee, meeting and due-date filters lists share.

    ``filters`` is any object with committee_id, meeting_id, due_from and due_to (None = any);
    the query must join Meeting.
    """
    clauses = []
    if filters.committee_id is not None:
        clauses.append(Meeting.committee_id == filters.committee_id)
    if filters.meeting_id is not None:
        clauses.append(Meeting.id == filters.meeting_id)
    if filters.due_from is not None:
        clauses.append(Assignment.due_on >= filters.due_from)
    if filters.due_to is not None:
        clauses.append(Assignment.due_on <= filters.due_to)
    return clauses


def _inbox_where(user: User, filters: InboxFilters, today: date, cutoff: datetime):
    """Return the WHERE clause of the inbox: what ``user`` may see, within the filters."""
    clauses = [_scope(user, filters.department_id), _view_clause(filters.view, today, cutoff)]
    clauses += meeting_and_due_clauses(filters)
    if filters.text.strip():
        clauses.append(_text_clause(filters.text))
    return and_(*clauses)


def _inbox_joined(query, where):
    return (
        query.join(Directive, Directive.id == Assignment.directive_id)
        .join(Meeting, Meeting.id == Directive.meeting_id)
        .join(Committee, Committee.id == Meeting.committee_id)
        .join(Department, Department.id == Assignment.department_id)
        .where(where)
    )


def _inbox_order(today: date) -> tuple:
    """Return the inbox's order: overdue first, then pending, then the rest; by due date."""
    rank = case((_overdue(today), 0), (_pending(), 1), else_=2)
    return (rank, Assignment.due_on.is_(None), Assignment.due_on, Assignment.id)


def _extension_pending():
    return (
        exists()
        .where(ExtensionRequest.assignment_id == Assignment.id, extension_waiting())
        .label("extension_pending")
    )


def inbox_page(
    user: User, filters: InboxFilters, today: date, cutoff: datetime, page: int, per_page: int
) -> Page:
    """Return one page of the assignments ``user`` may see, overdue first, then by due date."""
    where = _inbox_where(user, filters, today, cutoff)
    counting = select(func.count(Assignment.id)).select_from(Assignment)
    total = db.session.scalar(_inbox_joined(counting, where))
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    rows = db.session.execute(
        _inbox_joined(select(Assignment, _extension_pending()), where)
        .options(
            contains_eager(Assignment.directive)
            .contains_eager(Directive.meeting)
            .contains_eager(Meeting.committee),
            contains_eager(Assignment.department),
        )
        .order_by(*_inbox_order(today))
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    items = [
        InboxRow(
            assignment=assignment,
            is_overdue=is_overdue(assignment, today),
            is_stale=is_stale(assignment, cutoff),
            extension_pending=bool(extension),
        )
        for assignment, extension in rows
    ]
    return Page(items=items, page=page, per_page=per_page, total=total)


#: An inbox download holds at most this many rows; the page says so when more match.
INBOX_EXPORT_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class InboxExportRow:
    """One assignment of an inbox download, as plain values rather than loaded objects."""

    number: int
    committee_en: str
    committee_hi: str
    meeting_title: str
    held_on: date
    action_text: str
    department_en: str
    department_hi: str
    status: str
    due_on: date | None
    closed_at: datetime | None
    updated_at: datetime
    extension_pending: bool
    #: The note of the latest change of status that had one: the action taken, a remark.
    latest_note: str
    is_stale: bool
    days_late: int | None

    def committee(self, language: str) -> str:
        return self.committee_hi if language == "hi" else self.committee_en

    def department(self, language: str) -> str:
        return self.department_hi if language == "hi" else self.department_en


def latest_note():
    """Return, as a correlated subquery, the assignment's latest note on a change of status.

    The same note the action-taken report shows; one index lookup per row, never a query.
    """
    return (
        select(StatusChange.note)
        .where(
            StatusChange.assignment_id == Assignment.id,
            StatusChange.kind == "transition",
            StatusChange.note != "",
        )
        .order_by(StatusChange.id.desc())
        .limit(1)
        .correlate(Assignment)
        .scalar_subquery()
    )


def inbox_export_statement(
    user: User, filters: InboxFilters, today: date, cutoff: datetime, limit: int
):
    """Return the SELECT of an inbox download: plain columns, in the inbox's order."""
    columns = (
        Assignment.id.label("number"),
        Committee.name_en.label("committee_en"),
        Committee.name_hi.label("committee_hi"),
        Meeting.title.label("meeting_title"),
        Meeting.held_on,
        Directive.action_text,
        Department.name_en.label("department_en"),
        Department.name_hi.label("department_hi"),
        Assignment.status,
        Assignment.due_on,
        Assignment.closed_at,
        Assignment.updated_at,
        _extension_pending(),
        latest_note().label("latest_note"),
    )
    where = _inbox_where(user, filters, today, cutoff)
    return (
        _inbox_joined(select(*columns).select_from(Assignment), where)
        .order_by(*_inbox_order(today))
        .limit(limit)
    )


def inbox_export(
    user: User,
    filters: InboxFilters,
    today: date,
    cutoff: datetime,
    limit: int | None = None,
) -> list[InboxExportRow]:
    """Return up to ``limit`` (INBOX_EXPORT_LIMIT) rows of the filtered inbox, in one query."""
    limit = INBOX_EXPORT_LIMIT if limit is None else limit
    rows = db.session.execute(inbox_export_statement(user, filters, today, cutoff, limit))
    found = []
    for row in rows:
        values = row._asdict()
        values["extension_pending"] = bool(values["extension_pending"])
        values["latest_note"] = values["latest_note"] or ""
        stale = _is_stale_at(row.status, row.updated_at, cutoff)
        found.append(
            InboxExportRow(**values, is_stale=stale, days_late=days_late(row, today))
        )
    return found


def days_late(assignment, today: date) -> int | None:
    """Return the days past due: to today while pending, to the local closing date once closed.

    ``assignment`` is anything with its status, due_on and closed_at: a loaded Assignment or a
    row of them read as plain columns.
    """
    if assignment.due_on is None or assignment.status == "dropped":
        return None
    if assignment.status == "closed":
        if assignment.closed_at is None:
            return None
        zone = ZoneInfo(current_app.config["TIMEZONE"])
        closed_at = assignment.closed_at
        if closed_at.tzinfo is None:
            closed_at = closed_at.replace(tzinfo=UTC)
        late = (closed_at.astimezone(zone).date() - assignment.due_on).days
    else:
        late = (today - assignment.due_on).days
    return late if late > 0 else None


def is_overdue(assignment: Assignment, today: date) -> bool:
    return (
        assignment.status in lifecycle.PENDING
        and assignment.due_on is not None
        and assignment.due_on < today
    )


def is_stale(assignment: Assignment, cutoff: datetime) -> bool:
    return _is_stale_at(assignment.status, assignment.updated_at, cutoff)


def _is_stale_at(status: str, updated: datetime, cutoff: datetime) -> bool:
    if status not in lifecycle.AWAITING_DEPARTMENT:
        return False
    if updated.tzinfo is None:
        cutoff = cutoff.replace(tzinfo=None)
    return updated < cutoff


def _visible_assignment_exists(user: User, *conditions):
    return (
        select(Assignment.id)
        .join(Directive, Directive.id == Assignment.directive_id)
        .join(Meeting, Meeting.id == Directive.meeting_id)
        .where(visibility(user), *conditions)
        .exists()
    )


def inbox_departments(user: User) -> list[Department]:
    """Return the departments ``user`` may filter the inbox by."""
    if reads_everything(user):
        query = select(Department).where(Department.is_active.is_(True))
    else:
        query = select(Department).where(Department.id.in_(department_ids(user)))
    return list(db.session.scalars(query.order_by(Department.name_en)))


def inbox_committees(user: User) -> list[Committee]:
    """Return the committees whose directives reach ``user``'s inbox."""
    owes = _visible_assignment_exists(user, Meeting.committee_id == Committee.id)
    return list(db.session.scalars(select(Committee).where(owes).order_by(Committee.name_en)))


#: The meeting filter offers this many of the latest meetings; older ones are found by text.
MEETING_CHOICES = 200


def inbox_meetings(user: User, committee_id: int | None = None) -> list[Meeting]:
    """Return the latest meetings whose directives reach ``user``'s inbox."""
    owes = _visible_assignment_exists(user, Directive.meeting_id == Meeting.id)
    query = select(Meeting).where(owes)
    if committee_id is not None:
        query = query.where(Meeting.committee_id == committee_id)
    query = query.order_by(Meeting.held_on.desc(), Meeting.id.desc()).limit(MEETING_CHOICES)
    return list(db.session.scalars(query))


def pending_for_export(user: User, limit: int = 5000) -> list[Assignment]:
    """Return the pending assignments ``user`` may see, for the bulk-update template."""
    return list(
        db.session.scalars(
            select(Assignment)
            .join(Directive, Directive.id == Assignment.directive_id)
            .join(Department, Department.id == Assignment.department_id)
            .where(visibility(user), _pending())
            .options(contains_eager(Assignment.directive), contains_eager(Assignment.department))
            .order_by(Assignment.due_on.is_(None), Assignment.due_on, Assignment.id)
            .limit(limit)
        )
    )
