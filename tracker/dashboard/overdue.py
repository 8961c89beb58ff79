"""The chair's overdue dashboard: figures per department, drill-down lists, the approvals queue.

Every figure is computed in SQL with GROUP BY and conditional aggregates. Ageing compares
``due_on`` against boundary dates computed here and passed as parameters, so the same SQL runs
on SQLite and PostgreSQL. Definitions (days late = today - due_on, in the installation's zone):

- overdue: pending (not closed or dropped), with a due date before today; due today is not late;
- ageing buckets of overdue work: 1-7, 8-30, 31-90 and over 90 days late;
- due soon: pending, due today or in the next 6 days (the next 7 days, today included);
- stale: awaiting the department (open, in progress, returned) and unchanged for
  STALE_AFTER_DAYS; a report waiting for the chair is not the department's delay;
- compliance: closed on or before the due date (local date of closing) / closed with a due date;
  dropped assignments and those without a due date count nowhere;
- average days late: over closed-late assignments (local closing date - due date) and currently
  overdue ones (today - due date), the mean of those days late.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import Date, Integer, and_, case, false, func, literal, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import contains_eager
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from tracker.directives import lifecycle
from tracker.directives.services import days_late, extension_waiting, meeting_and_due_clauses
from tracker.extensions import db
from tracker.models import (
    Assignment,
    Committee,
    Department,
    Directive,
    ExtensionRequest,
    Meeting,
    User,
)
from tracker.models._common import utcnow
from tracker.pagination import Page

PER_PAGE = 50
#: Ageing buckets of overdue work, by days late (inclusive bounds; None: no upper bound).
BUCKETS = (("late_1_7", 1, 7), ("late_8_30", 8, 30), ("late_31_90", 31, 90), ("late_91", 91, None))
#: The drill-down lists a figure can open.
VIEWS = (
    "open",
    "overdue",
    "due_soon",
    "stale",
    "closed",
    "closed_on_time",
    "closed_late",
    *(name for name, _low, _high in BUCKETS),
)


# Dialect-specific date helpers ---------------------------------------------------------------


class local_date(FunctionElement):  # noqa: N801 - a SQL function
    """The calendar date of a stored UTC timestamp in the installation's time zone."""

    type = Date()
    inherit_cache = True


@compiles(local_date, "postgresql")
def _local_date_pg(element, compiler, **kw):
    column, zone = list(element.clauses)
    column, zone = compiler.process(column, **kw), compiler.process(zone, **kw)
    return f"CAST(({column} AT TIME ZONE {zone}) AS DATE)"


@compiles(local_date, "sqlite")
def _local_date_sqlite(element, compiler, **kw):
    # SQLite has no zone database: shift by the zone's present UTC offset (exact for zones
    # without daylight saving, such as Asia/Kolkata).
    column, offset = list(element.clauses)
    return f"date({compiler.process(column, **kw)}, {compiler.process(offset, **kw)})"


class day_number(FunctionElement):  # noqa: N801 - a SQL function
    """Days since 1970-01-01 of a date, so that two dates subtract to a number of days."""

    type = Integer()
    inherit_cache = True


@compiles(day_number, "postgresql")
def _day_number_pg(element, compiler, **kw):
    (value,) = list(element.clauses)
    return f"(CAST({compiler.process(value, **kw)} AS DATE) - DATE '1970-01-01')"


@compiles(day_number, "sqlite")
def _day_number_sqlite(element, compiler, **kw):
    (value,) = list(element.clauses)
    return f"CAST(julianday({compiler.process(value, **kw)}) - 2440587.5 AS INTEGER)"


def _closed_on(engine_name: str) -> ColumnElement:
    zone = current_app.config["TIMEZONE"]
    if engine_name == "sqlite":
        offset = datetime.now(ZoneInfo(zone)).utcoffset() or timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        return local_date(Assignment.closed_at, literal(f"{minutes:+d} minutes"))
    return local_date(Assignment.closed_at, literal(zone))


# Filters and scope ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    committee_id: int | None = None
    meeting_id: int | None = None
    department_id: int | None = None
    due_from: date | None = None
    due_to: date | None = None

    def as_args(self) -> dict[str, str]:
        """Return the filters as query-string arguments, leaving out those not set."""
        args = {
            "committee": self.committee_id,
            "meeting": self.meeting_id,
            "department": self.department_id,
            "due_from": self.due_from.isoformat() if self.due_from else None,
            "due_to": self.due_to.isoformat() if self.due_to else None,
        }
        return {key: str(value) for key, value in args.items() if value is not None}

    def with_department(self, department_id: int) -> Filters:
        return replace(self, department_id=department_id)


@dataclass(frozen=True)
class Boundaries:
    """Today and the dates and moment the figures compare against, computed once per request."""

    today: date
    stale_before: datetime

    @classmethod
    def now(cls, today: date) -> Boundaries:
        days = int(current_app.config["STALE_AFTER_DAYS"])
        return cls(today=today, stale_before=utcnow() - timedelta(days=days))

    def late_by(self, days: int) -> date:
        """Return the due date of work that is ``days`` days late today."""
        return self.today - timedelta(days=days)


def sees_dashboard(user: User) -> bool:
    return user.role in ("admin", "chair", "secretary")


def scope(user: User) -> ColumnElement:
    """Return a WHERE clause over Meeting keeping the committees ``user`` follows."""
    if user.role == "admin":
        return true()
    if user.role == "chair":
        chaired = select(Committee.id).where(Committee.chair_id == user.id)
        return or_(Meeting.committee_id.in_(chaired), Meeting.chair_id == user.id)
    if user.role == "secretary":
        return Meeting.committee_id.in_(
            select(Committee.id).where(Committee.secretary_id == user.id)
        )
    return false()


def _filter_clauses(user: User, filters: Filters) -> list[ColumnElement]:
    clauses = [scope(user), *meeting_and_due_clauses(filters)]
    if filters.department_id is not None:
        clauses.append(Assignment.department_id == filters.department_id)
    return clauses


def _joined(query, user: User, filters: Filters, lean: bool = False):
    """Join the meeting and apply the scope and the filters.

    ``lean`` leaves out the joins when nothing needs them (the admin, no committee or meeting
    filter), so that counting all assignments reads the assignments table alone.
    """
    if lean and user.role == "admin" and filters.committee_id is None and (
        filters.meeting_id is None
    ):
        return query.where(*_filter_clauses(user, filters)[1:])
    return (
        query.join(Directive, Directive.id == Assignment.directive_id)
        .join(Meeting, Meeting.id == Directive.meeting_id)
        .where(*_filter_clauses(user, filters))
    )


# The figures ---------------------------------------------------------------------------------


def _pending():
    return Assignment.status.in_(sorted(lifecycle.PENDING))


def view_clause(view: str, at: Boundaries, closed_on: ColumnElement) -> ColumnElement:
    """Return the WHERE clause of one figure; the same clause counts it and lists it."""
    overdue = and_(_pending(), Assignment.due_on < at.today)
    closed_due = and_(Assignment.status == "closed", Assignment.due_on.is_not(None))
    if view == "open":
        return _pending()
    if view == "overdue":
        return overdue
    if view == "due_soon":
        return and_(
            _pending(), Assignment.due_on >= at.today, Assignment.due_on < at.today + timedelta(7)
        )
    if view == "stale":
        return and_(
            Assignment.status.in_(sorted(lifecycle.AWAITING_DEPARTMENT)),
            Assignment.updated_at < at.stale_before,
        )
    if view == "closed":
        return closed_due
    if view == "closed_on_time":
        return and_(closed_due, closed_on <= Assignment.due_on)
    if view == "closed_late":
        return and_(closed_due, closed_on > Assignment.due_on)
    for name, low, high in BUCKETS:
        if view == name:
            clauses = [overdue, Assignment.due_on <= at.late_by(low)]
            if high is not None:
                clauses.append(Assignment.due_on >= at.late_by(high))
            return and_(*clauses)
    raise ValueError(view)


@dataclass(frozen=True)
class Figures:
    open: int = 0
    overdue: int = 0
    due_soon: int = 0
    stale: int = 0
    closed: int = 0
    closed_on_time: int = 0
    closed_late: int = 0
    late_1_7: int = 0
    late_8_30: int = 0
    late_31_90: int = 0
    late_91: int = 0
    #: Sum of days late over closed-late and overdue assignments.
    days_late: int = 0

    @property
    def compliance(self) -> float | None:
        """Percent closed on or before the due date, of those closed; None when none closed."""
        if not self.closed:
            return None
        return 100 * self.closed_on_time / self.closed

    @property
    def average_days_late(self) -> float | None:
        late = self.closed_late + self.overdue
        return self.days_late / late if late else None

    def bucket(self, name: str) -> int:
        return getattr(self, name)


COUNTED = (
    "open",
    "overdue",
    "due_soon",
    "stale",
    "closed",
    "closed_on_time",
    "closed_late",
    *(name for name, _low, _high in BUCKETS),
)


def _figure_columns(at: Boundaries) -> list[ColumnElement]:
    closed_on = _closed_on(db.engine.dialect.name)
    columns = [
        func.count(Assignment.id).filter(view_clause(name, at, closed_on)).label(name)
        for name in COUNTED
    ]
    today_number = day_number(literal(at.today, Date()))
    late_days = case(
        (view_clause("overdue", at, closed_on), today_number - day_number(Assignment.due_on)),
        (
            view_clause("closed_late", at, closed_on),
            day_number(closed_on) - day_number(Assignment.due_on),
        ),
        else_=0,
    )
    columns.append(func.coalesce(func.sum(late_days), 0).label("days_late"))
    return columns


@dataclass(frozen=True)
class DepartmentFigures:
    department_id: int
    name_en: str
    name_hi: str
    figures: Figures


def totals(user: User, filters: Filters, at: Boundaries) -> Figures:
    """Return the figures over everything ``user`` follows, within the filters."""
    row = db.session.execute(
        _joined(select(*_figure_columns(at)).select_from(Assignment), user, filters, lean=True)
    ).one()
    return Figures(*(int(value or 0) for value in row))


def combined(rows: list[DepartmentFigures]) -> Figures:
    """Add up the department rows: every assignment has one department, so these are the totals.

    Saves the dashboard a second scan of the assignments.
    """
    names = [name for name in Figures.__dataclass_fields__]
    return Figures(**{name: sum(getattr(row.figures, name) for row in rows) for name in names})


def department_statement(user: User, filters: Filters, at: Boundaries):
    """Return the SELECT of the department table: one GROUP BY over the assignments."""
    figures = _figure_columns(at)
    query = _joined(
        select(Assignment.department_id, *figures).select_from(Assignment), user, filters, True
    ).group_by(Assignment.department_id)
    counted = query.subquery()
    return (
        select(Department.id, Department.name_en, Department.name_hi, counted)
        .join(counted, counted.c.department_id == Department.id)
        .order_by(
            counted.c.overdue.desc(),
            counted.c.late_91.desc(),
            counted.c.days_late.desc(),
            counted.c.open.desc(),
            Department.name_en,
        )
    )


def by_department(user: User, filters: Filters, at: Boundaries) -> list[DepartmentFigures]:
    """Return the figures department by department, the most overdue first."""
    rows = db.session.execute(department_statement(user, filters, at)).all()
    result = []
    for row in rows:
        values = [int(value or 0) for value in row[4:]]
        result.append(DepartmentFigures(row[0], row[1], row[2], Figures(*values)))
    return result


# Lists ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListRow:
    assignment: Assignment
    #: Days past the due date: to today while pending, to the closing date once closed.
    days_late: int | None


def _list_query(user: User, filters: Filters, view: str, at: Boundaries):
    closed_on = _closed_on(db.engine.dialect.name)
    return _joined(
        select(Assignment).select_from(Assignment), user, filters
    ).where(view_clause(view, at, closed_on))


def _ordered(query):
    return (
        query.join(Committee, Committee.id == Meeting.committee_id)
        .join(Department, Department.id == Assignment.department_id)
        .options(
            contains_eager(Assignment.directive)
            .contains_eager(Directive.meeting)
            .contains_eager(Meeting.committee),
            contains_eager(Assignment.department),
        )
        .order_by(Assignment.due_on.is_(None), Assignment.due_on, Assignment.id)
    )


def list_statement(
    user: User, filters: Filters, view: str, at: Boundaries, per_page: int = PER_PAGE
):
    """Return the SELECT of a list's first page."""
    return _ordered(_list_query(user, filters, view, at)).limit(per_page)


def list_page(
    user: User, filters: Filters, view: str, at: Boundaries, page: int, per_page: int = PER_PAGE
) -> Page:
    """Return one page of the assignments behind a figure, the longest late first."""
    query = _list_query(user, filters, view, at)
    closed_on = _closed_on(db.engine.dialect.name)
    counting = select(func.count(Assignment.id)).select_from(Assignment)
    total = db.session.scalar(
        _joined(counting, user, filters, lean=True).where(view_clause(view, at, closed_on))
    )
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    found = db.session.scalars(
        _ordered(query).limit(per_page).offset((page - 1) * per_page)
    ).all()
    items = [ListRow(assignment, days_late(assignment, at.today)) for assignment in found]
    return Page(items=items, page=page, per_page=per_page, total=total)


def list_all(user: User, filters: Filters, view: str, at: Boundaries, limit: int) -> list[ListRow]:
    """Return up to ``limit`` rows of a list, for an export."""
    found = db.session.scalars(_ordered(_list_query(user, filters, view, at)).limit(limit)).all()
    return [ListRow(assignment, days_late(assignment, at.today)) for assignment in found]


# Filter choices ------------------------------------------------------------------------------


def committees_for(user: User) -> list[Committee]:
    query = select(Committee).order_by(Committee.name_en)
    if user.role == "chair":
        query = query.where(Committee.chair_id == user.id)
    elif user.role == "secretary":
        query = query.where(Committee.secretary_id == user.id)
    elif user.role != "admin":
        return []
    return list(db.session.scalars(query))


def meetings_for(user: User, limit: int = 200) -> list[Meeting]:
    return list(
        db.session.scalars(
            select(Meeting)
            .where(scope(user))
            .order_by(Meeting.held_on.desc(), Meeting.id.desc())
            .limit(limit)
        )
    )


def departments() -> list[Department]:
    return list(db.session.scalars(select(Department).order_by(Department.name_en)))


# The approvals queue -------------------------------------------------------------------------


def _approver_scope(user: User) -> ColumnElement:
    if user.role == "chair":
        return scope(user)
    if user.role == "secretary":
        return scope(user)
    return false()


def reports_waiting(user: User, page: int, per_page: int = PER_PAGE) -> Page:
    """Return the reported assignments ``user`` may close or return, the longest waiting first."""
    query = _joined(select(Assignment).select_from(Assignment), user, Filters()).where(
        Assignment.status == "reported", _approver_scope(user)
    )
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    found = db.session.scalars(
        _ordered(query)
        .order_by(None)
        .order_by(Assignment.updated_at, Assignment.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    return Page(items=list(found), page=page, per_page=per_page, total=total)


def extensions_waiting(user: User, page: int, per_page: int = PER_PAGE) -> Page:
    """Return the pending requests for more time ``user`` may decide, oldest first."""
    if user.role != "chair":
        return Page(items=[], page=1, per_page=per_page, total=0)
    query = (
        select(ExtensionRequest)
        .join(Assignment, Assignment.id == ExtensionRequest.assignment_id)
        .join(Directive, Directive.id == Assignment.directive_id)
        .join(Meeting, Meeting.id == Directive.meeting_id)
        .where(extension_waiting(), scope(user))
    )
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    found = db.session.scalars(
        query.join(Department, Department.id == Assignment.department_id)
        .options(
            contains_eager(ExtensionRequest.assignment)
            .contains_eager(Assignment.directive)
            .contains_eager(Directive.meeting),
            contains_eager(ExtensionRequest.assignment).contains_eager(Assignment.department),
        )
        .order_by(ExtensionRequest.created_at, ExtensionRequest.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    return Page(items=list(found), page=page, per_page=per_page, total=total)


# The chair's home page -----------------------------------------------------------------------


@dataclass(frozen=True)
class LateDepartment:
    department_id: int
    name_en: str
    name_hi: str
    overdue: int
    #: How late its longest-overdue assignment is, in days.
    most_days_late: int

    def name(self, language: str) -> str:
        return self.name_hi if language == "hi" else self.name_en


def most_overdue_departments(user: User, at: Boundaries, limit: int = 5) -> list[LateDepartment]:
    """Return the departments with the most overdue work ``user`` follows, worst first.

    One GROUP BY over the overdue assignments alone (the status and due-date index), so the
    home page stays quick however much closed work has piled up.
    """
    closed_on = _closed_on(db.engine.dialect.name)
    counted = (
        _joined(
            select(
                Assignment.department_id,
                func.count(Assignment.id).label("overdue"),
                func.min(Assignment.due_on).label("oldest_due"),
            ).select_from(Assignment),
            user,
            Filters(),
            lean=True,
        )
        .where(view_clause("overdue", at, closed_on))
        .group_by(Assignment.department_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Department.id, Department.name_en, Department.name_hi, counted.c.overdue,
               counted.c.oldest_due)  # fmt: skip
        .join(counted, counted.c.department_id == Department.id)
        .order_by(counted.c.overdue.desc(), counted.c.oldest_due, Department.name_en)
        .limit(limit)
    ).all()
    return [
        LateDepartment(row[0], row[1], row[2], int(row[3]), (at.today - row[4]).days)
        for row in rows
    ]


@dataclass(frozen=True)
class Waiting:
    """What waits for the chair's (or secretary's) decision."""

    reports: int
    extensions: int
    #: When the longest-waiting report last changed, that is when it was reported.
    oldest_report_at: datetime | None

    def days_oldest_waited(self, now: datetime) -> int | None:
        """Return how many whole days the longest-waiting report has waited."""
        if self.oldest_report_at is None:
            return None
        oldest = self.oldest_report_at
        if oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=UTC)
        return max(0, (now - oldest).days)


def approvals_waiting(user: User) -> Waiting:
    """Count the reports and requests for more time waiting for ``user``, in one statement."""
    reports = _joined(
        select(func.count(Assignment.id), func.min(Assignment.updated_at)).select_from(Assignment),
        user,
        Filters(),
    ).where(Assignment.status == "reported", _approver_scope(user))
    reported = reports.subquery()
    if user.role == "chair":
        extensions = (
            select(func.count(ExtensionRequest.id))
            .join(Assignment, Assignment.id == ExtensionRequest.assignment_id)
            .join(Directive, Directive.id == Assignment.directive_id)
            .join(Meeting, Meeting.id == Directive.meeting_id)
            .where(extension_waiting(), scope(user))
            .scalar_subquery()
        )
    else:
        extensions = literal(0)
    count, oldest, asked = db.session.execute(
        select(*reported.c, extensions).select_from(reported)
    ).one()
    return Waiting(int(count or 0), int(asked or 0), oldest)
