"""Counts for the home pages, computed in SQL."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, select

from tracker.extensions import db
from tracker.models import (
    PENDING_STATUSES,
    ROLES,
    Assignment,
    Committee,
    Department,
    Directive,
    Meeting,
    User,
)

RECENT_MEETINGS = 10


@dataclass(frozen=True)
class WorkCounts:
    pending: int = 0
    overdue: int = 0
    due_this_week: int = 0


@dataclass(frozen=True)
class DepartmentWork:
    department: Department
    counts: WorkCounts


@dataclass(frozen=True)
class CommitteeRow:
    committee: Committee
    meetings: int
    last_held_on: date | None


def _work_columns(today: date):
    pending = Assignment.status.in_(PENDING_STATUSES)
    return (
        func.count(Assignment.id).filter(pending).label("pending"),
        func.count(Assignment.id).filter(and_(pending, Assignment.due_on < today)).label("overdue"),
        func.count(Assignment.id)
        .filter(and_(pending, Assignment.due_on >= today, Assignment.due_on < today + timedelta(7)))
        .label("due_this_week"),
    )


def department_work(department_ids: list[int], today: date) -> list[DepartmentWork]:
    """Return pending, overdue and due-this-week counts for each of these departments."""
    if not department_ids:
        return []
    rows = db.session.execute(
        select(Department, *_work_columns(today))
        .outerjoin(Assignment, Assignment.department_id == Department.id)
        .where(Department.id.in_(department_ids))
        .group_by(Department.id)
        .order_by(Department.name_en)
    ).all()
    return [DepartmentWork(row[0], WorkCounts(*row[1:])) for row in rows]


def committee_work(committee_ids: list[int], today: date) -> WorkCounts:
    """Return the counts over every assignment of these committees' meetings."""
    if not committee_ids:
        return WorkCounts()
    row = db.session.execute(
        select(*_work_columns(today))
        .select_from(Assignment)
        .join(Directive, Directive.id == Assignment.directive_id)
        .join(Meeting, Meeting.id == Directive.meeting_id)
        .where(Meeting.committee_id.in_(committee_ids))
    ).one()
    return WorkCounts(*row)


def committees_of(user: User, role_column) -> list[CommitteeRow]:
    """Return the committees where ``user`` holds ``role_column``, with meeting counts."""
    rows = db.session.execute(
        select(Committee, func.count(Meeting.id), func.max(Meeting.held_on))
        .outerjoin(Meeting, Meeting.committee_id == Committee.id)
        .where(role_column == user.id, Committee.is_active.is_(True))
        .group_by(Committee.id)
        .order_by(Committee.name_en)
    ).all()
    return [CommitteeRow(*row) for row in rows]


def recent_meetings(committee_ids: list[int], limit: int = RECENT_MEETINGS) -> list[Meeting]:
    if not committee_ids:
        return []
    return list(
        db.session.scalars(
            select(Meeting)
            .where(Meeting.committee_id.in_(committee_ids))
            .order_by(Meeting.held_on.desc(), Meeting.id.desc())
            .limit(limit)
        )
    )


def installation_counts() -> dict[str, int]:
    """Return how many users of each role, departments, committees and meetings there are."""
    by_role = dict(
        db.session.execute(
            select(User.role, func.count()).where(User.is_active.is_(True)).group_by(User.role)
        ).all()
    )
    counts = {role: by_role.get(role, 0) for role in ROLES}
    counts["departments"] = db.session.scalar(
        select(func.count()).select_from(Department).where(Department.is_active.is_(True))
    )
    counts["committees"] = db.session.scalar(select(func.count()).select_from(Committee))
    counts["meetings"] = db.session.scalar(select(func.count()).select_from(Meeting))
    return counts
