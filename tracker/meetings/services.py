"""Committees, meetings and minutes: who may do what, and the operations themselves."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import selectinload

from tracker.extensions import db
from tracker.models import (
    PENDING_STATUSES,
    Assignment,
    Committee,
    Department,
    Directive,
    Meeting,
    MinutesVersion,
    User,
    committee_departments,
)
from tracker.models._common import utcnow


class MeetingError(ValueError):
    """An operation on a meeting that cannot be carried out, with a message for the user."""


EDIT_REFUSED = _l("Only the committee's member-secretary or an administrator may change it.")


# Who may see and change what ---------------------------------------------------------------


def can_manage_committees(user: User) -> bool:
    return user.role in ("admin", "secretary")


def can_edit_committee(user: User, committee: Committee) -> bool:
    return user.role == "admin" or (
        user.role == "secretary" and committee.secretary_id == user.id
    )


def can_edit_meeting(user: User, meeting: Meeting) -> bool:
    """Only the committee's member-secretary or an administrator may change a meeting."""
    return can_edit_committee(user, meeting.committee)


def _officer_meeting_filter(user: User):
    """Meetings an officer may read: their departments sit on the committee or owe work from it."""
    department_ids = [department.id for department in user.departments]
    member = exists().where(
        committee_departments.c.committee_id == Meeting.committee_id,
        committee_departments.c.department_id.in_(department_ids),
    )
    assigned = exists().where(
        Directive.meeting_id == Meeting.id,
        Assignment.directive_id == Directive.id,
        Assignment.department_id.in_(department_ids),
    )
    return or_(member, assigned)


def visible_meetings(user: User):
    """Return a select() of the meetings ``user`` may read."""
    query = select(Meeting)
    if user.role == "officer":
        query = query.where(_officer_meeting_filter(user))
    return query


def get_meeting_for(user: User, meeting_id: int) -> Meeting | None:
    """Return the meeting if ``user`` may read it, else None (so that 404 leaks nothing)."""
    return db.session.scalar(visible_meetings(user).where(Meeting.id == meeting_id))


def editable_committees(user: User) -> list[Committee]:
    query = select(Committee).where(Committee.is_active.is_(True)).order_by(Committee.name_en)
    if user.role != "admin":
        query = query.where(Committee.secretary_id == user.id)
    return list(db.session.scalars(query))


def list_meetings(user: User, *, committee_id: int | None, page: int, per_page: int):
    query = visible_meetings(user).options(selectinload(Meeting.committee))
    if committee_id:
        query = query.where(Meeting.committee_id == committee_id)
    query = query.order_by(Meeting.held_on.desc(), Meeting.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def get_committee(committee_id: int) -> Committee | None:
    return db.session.get(Committee, committee_id)


def list_committees() -> list[Committee]:
    return list(db.session.scalars(select(Committee).order_by(Committee.name_en)))


def users_with_role(role: str) -> list[User]:
    return list(
        db.session.scalars(
            select(User).where(User.role == role, User.is_active.is_(True)).order_by(User.name)
        )
    )


def active_departments() -> list[Department]:
    return list(
        db.session.scalars(
            select(Department).where(Department.is_active.is_(True)).order_by(Department.name_en)
        )
    )


def departments_by_ids(ids: Iterable[int]) -> list[Department]:
    ids = list(ids)
    if not ids:
        return []
    found = list(db.session.scalars(select(Department).where(Department.id.in_(ids))))
    if len(found) != len(set(ids)):
        raise MeetingError(_("One of the chosen departments does not exist any more."))
    return found


# Committees -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CommitteeData:
    name_en: str
    name_hi: str
    chair_id: int | None
    secretary_id: int | None
    department_ids: tuple[int, ...]


def _user_with_role(user_id: int | None, role: str) -> User | None:
    if not user_id:
        return None
    user = db.session.get(User, user_id)
    if user is None or user.role != role:
        raise MeetingError(_("The chosen person cannot hold that place on a committee."))
    return user


def save_committee(data: CommitteeData, author: User, committee: Committee | None = None):
    """Create a committee, or update ``committee``, from ``data``."""
    if committee is None:
        if not can_manage_committees(author):
            raise MeetingError(
                _("Only an administrator or a member-secretary may add committees.")
            )
        committee = Committee()
        db.session.add(committee)
        if author.role == "secretary" and not data.secretary_id:
            committee.secretary = author
    elif not can_edit_committee(author, committee):
        raise MeetingError(EDIT_REFUSED)
    committee.name_en = data.name_en.strip()
    committee.name_hi = data.name_hi.strip()
    committee.chair = _user_with_role(data.chair_id, "chair")
    if data.secretary_id or author.role == "admin":
        committee.secretary = _user_with_role(data.secretary_id, "secretary")
    committee.departments = departments_by_ids(data.department_ids)
    db.session.commit()
    return committee


# Meetings ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingData:
    committee_id: int
    title: str
    held_on: date
    starts_at: time | None
    venue: str
    chair_id: int | None
    language: str
    department_ids: tuple[int, ...]
    attendees: str


def create_meeting(data: MeetingData, author: User) -> Meeting:
    """Record a new meeting, in draft, with empty minutes."""
    committee = db.session.get(Committee, data.committee_id)
    if committee is None or not can_edit_committee(author, committee):
        raise MeetingError(_("You may record meetings only for committees you are secretary of."))
    meeting = Meeting(committee=committee, created_by=author, status="draft")
    db.session.add(meeting)
    _apply_meeting_data(meeting, data)
    meeting.minutes_versions.append(
        MinutesVersion(number=1, source="", language=data.language, created_by=author)
    )
    db.session.add(meeting)
    db.session.commit()
    return meeting


def update_meeting(meeting: Meeting, data: MeetingData, author: User) -> Meeting:
    if not can_edit_meeting(author, meeting):
        raise MeetingError(EDIT_REFUSED)
    if data.committee_id != meeting.committee_id:
        raise MeetingError(_("A meeting cannot be moved to another committee."))
    _apply_meeting_data(meeting, data)
    db.session.commit()
    return meeting


def _apply_meeting_data(meeting: Meeting, data: MeetingData) -> None:
    meeting.title = data.title.strip()
    meeting.held_on = data.held_on
    meeting.starts_at = data.starts_at
    meeting.venue = data.venue.strip()
    meeting.chair = _user_with_role(data.chair_id, "chair")
    meeting.language = data.language
    meeting.departments_present = departments_by_ids(data.department_ids)
    meeting.attendees = data.attendees.strip()


# Minutes ----------------------------------------------------------------------------------


def save_minutes(meeting: Meeting, source: str, language: str, author: User) -> MinutesVersion:
    """Save the minutes: in place while in draft; as a new version once published."""
    if not can_edit_meeting(author, meeting):
        raise MeetingError(EDIT_REFUSED)
    source = source.replace("\r\n", "\n")
    current = meeting.minutes
    if current is not None and current.source == source and current.language == language:
        return current
    # Confirmed directives point into a version's text, so that text is never changed under them.
    in_use = current is not None and db.session.scalar(
        select(exists().where(Directive.minutes_version_id == current.id))
    )
    if current is None or current.published_at is not None or in_use:
        number = current.number + 1 if current else 1
        current = MinutesVersion(number=number, created_by=author)
        meeting.minutes_versions.append(current)
        if meeting.status == "published":
            # A correction to published minutes is itself published; the old text stays readable.
            current.published_at = utcnow()
    current.source = source
    current.language = language
    meeting.language = language
    db.session.commit()
    return current


def publish_meeting(meeting: Meeting, author: User) -> None:
    """Lock the minutes: from now on a correction makes a new version."""
    if not can_edit_meeting(author, meeting):
        raise MeetingError(EDIT_REFUSED)
    minutes = meeting.minutes
    if minutes is None or not minutes.source.strip():
        raise MeetingError(_("Write or upload the minutes before publishing them."))
    if meeting.status == "published":
        return
    minutes.published_at = utcnow()
    meeting.status = "published"
    db.session.commit()


def minutes_version(meeting: Meeting, number: int) -> MinutesVersion | None:
    return db.session.scalar(
        select(MinutesVersion).where(
            MinutesVersion.meeting_id == meeting.id, MinutesVersion.number == number
        )
    )


def next_meeting_date(meeting: Meeting) -> date | None:
    """Return the date of the committee's next meeting after this one, when it is recorded."""
    return db.session.scalar(
        select(func.min(Meeting.held_on)).where(
            Meeting.committee_id == meeting.committee_id, Meeting.held_on > meeting.held_on
        )
    )


def earlier_open_directives(meeting: Meeting) -> list[Directive]:
    """Return the committee's directives from earlier meetings that are still pending."""
    pending = exists().where(
        Assignment.directive_id == Directive.id, Assignment.status.in_(PENDING_STATUSES)
    )
    return list(
        db.session.scalars(
            select(Directive)
            .join(Meeting, Meeting.id == Directive.meeting_id)
            .where(
                Meeting.committee_id == meeting.committee_id,
                Meeting.held_on < meeting.held_on,
                pending,
            )
            .options(
                selectinload(Directive.assignments).selectinload(Assignment.department),
                selectinload(Directive.meeting),
            )
            .order_by(Meeting.held_on, Directive.id)
        )
    )


def meeting_directives(meeting: Meeting) -> list[Directive]:
    return list(
        db.session.scalars(
            select(Directive)
            .where(Directive.meeting_id == meeting.id)
            .options(selectinload(Directive.assignments).selectinload(Assignment.department))
            .order_by(Directive.source_start.is_(None), Directive.source_start, Directive.id)
        )
    )
