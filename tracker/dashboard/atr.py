"""The action-taken report: every directive of some meetings, each department's standing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from tracker.dashboard.overdue import days_late, scope
from tracker.extensions import db
from tracker.models import Assignment, Committee, Department, Directive, Meeting, StatusChange, User

#: A report covers at most this many meetings (a committee's latest ones).
MAX_MEETINGS = 24


@dataclass(frozen=True)
class AtrLine:
    assignment: Assignment
    note: str
    noted_at: object
    days_late: int | None


@dataclass(frozen=True)
class AtrDirective:
    directive: Directive
    lines: list[AtrLine]


@dataclass(frozen=True)
class AtrMeeting:
    meeting: Meeting
    directives: list[AtrDirective]


def meetings_of(
    user: User, meeting_id: int | None = None, committee_id: int | None = None
) -> list[Meeting]:
    """Return the meetings a report covers, those ``user`` may see only, oldest first."""
    query = select(Meeting).join(Committee, Committee.id == Meeting.committee_id).where(scope(user))
    if meeting_id is not None:
        query = query.where(Meeting.id == meeting_id)
    elif committee_id is not None:
        query = query.where(Meeting.committee_id == committee_id)
    else:
        return []
    query = query.options(contains_eager(Meeting.committee))
    found = db.session.scalars(
        query.order_by(Meeting.held_on.desc(), Meeting.id.desc()).limit(MAX_MEETINGS)
    ).all()
    return list(reversed(found))


def report(meetings: list[Meeting], today: date) -> list[AtrMeeting]:
    """Return the directives of these meetings with each assignment's latest note."""
    if not meetings:
        return []
    ids = [meeting.id for meeting in meetings]
    latest = (
        select(StatusChange.assignment_id, func.max(StatusChange.id).label("change_id"))
        .where(StatusChange.kind == "transition", StatusChange.note != "")
        .join(Assignment, Assignment.id == StatusChange.assignment_id)
        .join(Directive, Directive.id == Assignment.directive_id)
        .where(Directive.meeting_id.in_(ids))
        .group_by(StatusChange.assignment_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Assignment, StatusChange.note, StatusChange.created_at)
        .join(Directive, Directive.id == Assignment.directive_id)
        .join(Department, Department.id == Assignment.department_id)
        .outerjoin(latest, latest.c.assignment_id == Assignment.id)
        .outerjoin(StatusChange, StatusChange.id == latest.c.change_id)
        .where(Directive.meeting_id.in_(ids))
        .options(contains_eager(Assignment.directive), contains_eager(Assignment.department))
        .order_by(Directive.meeting_id, Directive.id, Department.name_en)
    ).all()
    by_directive: dict[int, AtrDirective] = {}
    by_meeting: dict[int, list[AtrDirective]] = {meeting.id: [] for meeting in meetings}
    for assignment, note, noted_at in rows:
        directive = assignment.directive
        entry = by_directive.get(directive.id)
        if entry is None:
            entry = by_directive[directive.id] = AtrDirective(directive, [])
            by_meeting[directive.meeting_id].append(entry)
        entry.lines.append(
            AtrLine(assignment, note or "", noted_at, days_late(assignment, today))
        )
    return [AtrMeeting(meeting, by_meeting[meeting.id]) for meeting in meetings]
