"""What the API adds to the shared services: codes for ids, and one entry point per transition.

The rules themselves (who may do what, the state machine, what a meeting or directive needs)
stay in the meetings, directives and dashboard services, so the API obeys exactly what the
web pages obey.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.api.errors import ApiError
from tracker.clock import local_today
from tracker.dashboard import overdue
from tracker.directives import lifecycle
from tracker.directives import services as directives
from tracker.directives.lifecycle import Action
from tracker.directory import department_directory
from tracker.extensions import db
from tracker.extraction import candidates_to_json, detect_language, extract
from tracker.meetings import review
from tracker.meetings import services as meetings
from tracker.models import Assignment, Committee, Department, Meeting, User
from tracker.pagination import Page

#: The value of ``to`` in a transition for each action of the state machine.
TARGETS = {
    Action.START: "in_progress",
    Action.REPORT: "reported",
    Action.CLOSE: "closed",
    Action.RETURN: "returned",
    Action.DROP: "dropped",
    Action.REQUEST_EXTENSION: "extension_requested",
    Action.APPROVE_EXTENSION: "extension_approved",
    Action.REJECT_EXTENSION: "extension_rejected",
}
ACTIONS = {target: action for action, target in TARGETS.items()}


def invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "invalid_input", message, {field: [message]})


def forbidden(message: str) -> ApiError:
    return ApiError(403, "forbidden", message)


def not_found(message: str | None = None) -> ApiError:
    return ApiError(404, "not_found", message or _("No such resource."))


def unauthorised_message() -> str:
    return _("Send a valid API token: Authorization: Bearer <token>.")


# Departments and committees ------------------------------------------------------------------


def departments_page(page: int, per_page: int):
    query = (
        select(Department)
        .options(selectinload(Department.aliases), selectinload(Department.parent))
        .order_by(Department.code)
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


def committees_page(page: int, per_page: int):
    query = (
        select(Committee)
        .options(
            selectinload(Committee.chair),
            selectinload(Committee.secretary),
            selectinload(Committee.departments),
        )
        .order_by(Committee.name_en, Committee.id)
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


def departments_by_codes(codes: Iterable[str], field: str) -> list[Department]:
    """Return the active departments with these codes, in order, or refuse naming the unknown."""
    wanted = list(dict.fromkeys(code.strip().upper() for code in codes))
    found = {
        department.code: department
        for department in db.session.scalars(
            select(Department).where(Department.code.in_(wanted), Department.is_active.is_(True))
        )
    }
    unknown = [code for code in wanted if code not in found]
    if unknown:
        raise invalid(
            field,
            _(
                "Unknown department: %(codes)s. GET /api/v1/departments lists the codes.",
                codes=", ".join(unknown),
            ),
        )
    return [found[code] for code in wanted]


def department_id(code: str | None) -> int | None:
    if code is None:
        return None
    return departments_by_codes([code], "department")[0].id


# Meetings and directives ---------------------------------------------------------------------


def create_meeting(user: User, data: dict) -> Meeting:
    """Record a meeting with its minutes, as the meeting form and minutes editor do."""
    committee = db.session.get(Committee, data["committee"])
    if committee is None:
        raise invalid("committee", _("There is no committee %(number)d.", number=data["committee"]))
    if not meetings.can_edit_committee(user, committee):
        raise forbidden(_("You may record meetings only for committees you are secretary of."))
    if not committee.is_active:
        # The meeting form offers active committees only.
        raise invalid("committee", _("The committee %(number)d is no longer active.",
                                     number=committee.id))  # fmt: skip
    values = meetings.MeetingData(
        committee_id=committee.id,
        title=data["title"],
        held_on=data["date"],
        starts_at=None,
        venue=data["venue"],
        chair_id=committee.chair_id,
        language=data["language"],
        department_ids=(),
        attendees="",
    )
    if not values.title.strip():
        raise invalid("title", _("Give the meeting a title."))
    try:
        meeting = meetings.create_meeting(values, user)
        if data["minutes"].strip():
            meetings.save_minutes(meeting, data["minutes"], data["language"], user)
    except meetings.MeetingError as error:
        raise ApiError(422, "invalid_input", str(error)) from None
    return meeting


def meeting_body(meeting: Meeting) -> dict:
    """Return the meeting with its directives, as the API shows a meeting."""
    return {
        "id": meeting.id,
        "committee": meeting.committee,
        "held_on": meeting.held_on,
        "title": meeting.title,
        "venue": meeting.venue or "",
        "language": meeting.language,
        "status": meeting.status,
        "minutes": meeting.minutes,
        "directives": meetings.meeting_directives(meeting),
    }


def readable_meeting(user: User, meeting_id: int) -> Meeting:
    meeting = meetings.get_meeting_for(user, meeting_id)
    if meeting is None:
        raise not_found(_("There is no meeting %(number)d, or you may not see it.",
                          number=meeting_id))  # fmt: skip
    return meeting


def editable_meeting(user: User, meeting_id: int) -> Meeting:
    meeting = readable_meeting(user, meeting_id)
    if not meetings.can_edit_meeting(user, meeting):
        raise forbidden(str(meetings.EDIT_REFUSED))
    return meeting


def extract_for(user: User, meeting_id: int) -> dict:
    """Run the engine over the meeting's minutes; the same shape as ``flask extract --json``."""
    meeting = editable_meeting(user, meeting_id)
    minutes = meeting.minutes
    source = minutes.source if minutes else ""
    language = (minutes.language if minutes else None) or detect_language(source)
    candidates = []
    if source.strip():
        candidates = extract(
            source,
            meeting_date=meeting.held_on,
            directory=department_directory(),
            language=language,
            next_meeting_date=meetings.next_meeting_date(meeting),
        )
    return candidates_to_json(language, candidates)


def add_directive(user: User, meeting_id: int, data: dict):
    """Confirm one directive of the meeting, with one assignment per department."""
    meeting = editable_meeting(user, meeting_id)
    departments = departments_by_codes(data["departments"], "departments")
    start, end = data["source_start"], data["source_end"]
    source = meeting.minutes.source if meeting.minutes else ""
    if (start is None) != (end is None):
        raise invalid("source_end" if end is None else "source_start",
                      _("Give both source_start and source_end, or neither."))  # fmt: skip
    if start is not None and not 0 <= start < end <= len(source):
        raise invalid(
            "source_start",
            _(
                "The span %(start)d–%(end)d is not inside the minutes (%(length)d characters).",
                start=start,
                end=end,
                length=len(source),
            ),
        )
    repeats = data["repeats"]
    if repeats is not None and repeats not in {
        directive.id for directive in meetings.earlier_open_directives(meeting)
    }:
        raise invalid("repeats", _("Directive %(number)d is not an open directive of an earlier"
                                   " meeting of this committee.", number=repeats))  # fmt: skip
    card = review.ConfirmedCard(
        action_text=data["text"],
        department_ids=tuple(department.id for department in departments),
        due_on=data["due_date"],
        due_text=data["due_text"],
        priority=data["priority"],
        source_start=start,
        source_end=end,
        repeats_id=repeats,
    )
    try:
        result = review.confirm(meeting, user, [card])
    except meetings.MeetingError as error:
        raise ApiError(422, "invalid_input", str(error)) from None
    if not result.created:
        raise ApiError(409, "duplicate", _("This meeting already has that directive."))
    return result.created[0]


# Assignments ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignmentView:
    """An assignment with what the API says about it beside its columns."""

    assignment: Assignment
    is_overdue: bool
    extension_pending: bool
    transitions: list[str]
    history: list


def assignments_page(user: User, args: dict):
    """Return one page of the assignments ``user`` may see, narrowed as ``args`` asks."""
    today = local_today()
    department = department_id(args.get("department"))
    if (
        department is not None
        and not directives.reads_everything(user)
        and department not in directives.department_ids(user)
    ):
        raise forbidden(_("You do not act for that department."))
    status = args.get("status")
    due_to = None
    if args.get("overdue"):
        if status in lifecycle.FINAL:
            # Closed or dropped work is never overdue.
            return Page(items=[], page=args["page"], per_page=args["per_page"], total=0)
        # Overdue is pending work whose due date has passed; with a status, work in that one.
        view = status or "overdue"
        due_to = today - timedelta(days=1)
    else:
        view = status or "all"
    filters = directives.InboxFilters(
        view=view, department_id=department, committee_id=args.get("committee"), due_to=due_to
    )
    return directives.inbox_page(
        user, filters, today, directives.stale_before(), args["page"], args["per_page"]
    )


def assignment_view(user: User, assignment_id: int) -> AssignmentView:
    try:
        assignment = directives.get_assignment_for(user, assignment_id)
    except directives.AssignmentNotFound:
        raise not_found(_("There is no assignment %(number)d, or you may not see it.",
                          number=assignment_id)) from None  # fmt: skip
    return AssignmentView(
        assignment=assignment,
        is_overdue=directives.is_overdue(assignment, local_today()),
        extension_pending=directives.pending_extension(assignment) is not None,
        transitions=[TARGETS[action] for action in directives.allowed_actions(user, assignment)],
        history=directives.history(assignment),
    )


def transition(user: User, assignment_id: int, data: dict) -> AssignmentView:
    """Move the assignment as ``data["to"]`` asks, by the same rules as the assignment page."""
    try:
        assignment = directives.get_assignment_for(user, assignment_id)
    except directives.AssignmentNotFound:
        raise not_found(_("There is no assignment %(number)d, or you may not see it.",
                          number=assignment_id)) from None  # fmt: skip
    action = ACTIONS[data["to"]]
    note, version = data["note"], data["version"]
    try:
        if action == Action.REQUEST_EXTENSION:
            directives.request_extension(
                assignment, user, data["due_date"], note, version, local_today()
            )
        elif action in (Action.APPROVE_EXTENSION, Action.REJECT_EXTENSION):
            directives.decide_extension(
                assignment, user, action == Action.APPROVE_EXTENSION, note, version
            )
        elif action == Action.REPORT:
            directives.report_action(assignment, user, note, (), version)
        else:
            {
                Action.START: lambda: directives.start_work(assignment, user, version),
                Action.CLOSE: lambda: directives.close_assignment(assignment, user, note, version),
                Action.RETURN: lambda: directives.return_assignment(
                    assignment, user, note, version
                ),
                Action.DROP: lambda: directives.drop_assignment(assignment, user, note, version),
            }[action]()
    except directives.ActionForbidden as error:
        raise forbidden(error.message) from None
    except directives.ChangedMeanwhile:
        raise ApiError(
            409,
            "stale_version",
            _(
                "The assignment changed after version %(version)d was read; nothing was saved."
                " Read it again and send the new version if the change still applies.",
                version=version,
            ),
        ) from None
    except directives.ActionUnavailable as error:
        raise ApiError(422, "transition_refused", error.message) from None
    except directives.InvalidInput as error:
        field = {"due_on": "due_date"}.get(error.field, error.field)
        raise invalid(field, error.message) from None
    db.session.expire_all()
    return assignment_view(user, assignment_id)


# Dashboard -----------------------------------------------------------------------------------


def dashboard(user: User, args: dict) -> dict:
    if not overdue.sees_dashboard(user):
        raise forbidden(_("The dashboard is for chairs, member-secretaries and administrators."))
    due_from, due_to = args.get("due_from"), args.get("due_to")
    if due_from and due_to and due_from > due_to:
        raise invalid("due_to", _("The date range ends before it starts."))
    filters = overdue.Filters(
        committee_id=args.get("committee"),
        meeting_id=args.get("meeting"),
        department_id=department_id(args.get("department")),
        due_from=due_from,
        due_to=due_to,
    )
    at = overdue.Boundaries.now(local_today())
    rows = overdue.by_department(user, filters, at)
    codes = dict(
        db.session.execute(
            select(Department.id, Department.code).where(
                Department.id.in_([row.department_id for row in rows])
            )
        ).all()
    )
    return {
        "as_of": at.today,
        "totals": _figures(overdue.combined(rows)),
        "departments": [
            {"code": codes[row.department_id], "name_en": row.name_en, "name_hi": row.name_hi,
             **_figures(row.figures)}  # fmt: skip
            for row in rows
        ],
    }


def _figures(figures: overdue.Figures) -> dict:
    values = {name: getattr(figures, name) for name in overdue.Figures.__dataclass_fields__}
    values.pop("days_late")
    compliance, average = figures.compliance, figures.average_days_late
    values["compliance"] = round(compliance, 1) if compliance is not None else None
    values["average_days_late"] = round(average, 1) if average is not None else None
    return values
