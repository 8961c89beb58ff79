"""What flask remind sends: collecting the reminders that are due, sending and recording them.

The once-a-day rule: a reminder is identified by (assignment, stage, recipient, local date of the
run), unique in reminder_log, so a second run on the same day sends nothing new. Beyond that, a
stage is not repeated too often: "due soon" goes once while an assignment is in its due-soon window
(TRACKER_REMIND_DUE_SOON_DAYS), and "overdue", "stale" and "escalated" are mentioned again only
after TRACKER_REMIND_REPEAT_DAYS. A reminder whose mail failed is not recorded, so the next run
sends it again.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import force_locale, gettext, ngettext
from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from tracker.extensions import db
from tracker.models import (
    PENDING_STATUSES,
    Assignment,
    CalendarFeed,
    Committee,
    Department,
    Directive,
    Meeting,
    Notification,
    ReminderLog,
    User,
    user_departments,
)
from tracker.models._common import utcnow
from tracker.reminders import mail as mailer

#: The order in which stages are listed in a message.
STAGE_ORDER = ("escalated", "overdue", "due_soon", "stale")


@dataclass(frozen=True)
class ReminderItem:
    """One assignment mentioned in a reminder, at one stage."""

    assignment: Assignment
    stage: str
    #: Days left before the due date (due_soon), days past it (overdue, escalated), or days
    #: since the last change (stale).
    days: int


@dataclass
class Reminder:
    """Everything one person is told in one run: one message, however many items."""

    recipient: User
    items: list[ReminderItem] = field(default_factory=list)

    def items_at(self, stage: str) -> list[ReminderItem]:
        return [item for item in self.items if item.stage == stage]


@dataclass
class SendReport:
    sent: list[Reminder] = field(default_factory=list)
    failed: list[tuple[Reminder, str]] = field(default_factory=list)
    mailed: bool = True


def _stale_before(today: date) -> datetime:
    """Return the moment before which an unchanged assignment counts as stale."""
    days = current_app.config["STALE_AFTER_DAYS"]
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    return datetime.combine(today - timedelta(days=days), time.min, tzinfo=zone).astimezone(UTC)


def _as_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _stages_for(assignment: Assignment, today: date, stale_before: datetime) -> list[tuple]:
    """Return (stage, days, audience) for an assignment; audience is officers, head or chair."""
    config = current_app.config
    if assignment.due_on is not None:
        days_left = (assignment.due_on - today).days
        if days_left < 0:
            stages = [("overdue", -days_left, "officers"), ("overdue", -days_left, "head")]
            if -days_left > config["ESCALATE_AFTER_DAYS"]:
                stages.append(("escalated", -days_left, "chair"))
            return stages
        if days_left <= config["REMIND_DUE_SOON_DAYS"]:
            return [("due_soon", days_left, "officers")]
    updated_at = _as_utc(assignment.updated_at)
    if updated_at < stale_before:
        zone = ZoneInfo(config["TIMEZONE"])
        return [("stale", (today - updated_at.astimezone(zone).date()).days, "officers")]
    return []


def _repeat_window(stage: str) -> int:
    """Return for how many days a stage, once sent, is not sent again."""
    config = current_app.config
    if stage == "due_soon":
        return config["REMIND_DUE_SOON_DAYS"] + 1
    return max(1, config["REMIND_REPEAT_DAYS"])


def collect_reminders(today: date) -> list[Reminder]:
    """Return the reminders to send on ``today``, one per recipient, in a few queries."""
    config = current_app.config
    stale_before = _stale_before(today)
    assignments = (
        db.session.scalars(
            select(Assignment)
            .where(
                Assignment.status.in_(PENDING_STATUSES),
                or_(
                    Assignment.due_on <= today + timedelta(days=config["REMIND_DUE_SOON_DAYS"]),
                    Assignment.updated_at < stale_before,
                ),
            )
            .options(
                joinedload(Assignment.department).joinedload(Department.head),
                joinedload(Assignment.directive)
                .joinedload(Directive.meeting)
                .joinedload(Meeting.committee)
                .joinedload(Committee.chair),
            )
            .order_by(Assignment.due_on, Assignment.id)
        )
        .unique()
        .all()
    )
    if not assignments:
        return []

    department_ids = {assignment.department_id for assignment in assignments}
    officers: dict[int, list[User]] = defaultdict(list)
    for department_id, officer in db.session.execute(
        select(user_departments.c.department_id, User)
        .join(User, User.id == user_departments.c.user_id)
        .where(
            user_departments.c.department_id.in_(department_ids),
            User.role == "officer",
            User.is_active.is_(True),
        )
        .order_by(User.id)
    ):
        officers[department_id].append(officer)

    longest = max(_repeat_window(stage) for stage in STAGE_ORDER)
    last_sent = {
        (assignment_id, stage, recipient_id): sent_on
        for assignment_id, stage, recipient_id, sent_on in db.session.execute(
            select(
                ReminderLog.assignment_id,
                ReminderLog.stage,
                ReminderLog.recipient_id,
                func.max(ReminderLog.sent_on),
            )
            .where(
                ReminderLog.assignment_id.in_([assignment.id for assignment in assignments]),
                ReminderLog.sent_on > today - timedelta(days=longest),
            )
            .group_by(ReminderLog.assignment_id, ReminderLog.stage, ReminderLog.recipient_id)
        )
    }

    reminders: dict[int, Reminder] = {}
    for assignment in assignments:
        for stage, days, audience in _stages_for(assignment, today, stale_before):
            if audience == "officers":
                recipients = officers.get(assignment.department_id, [])
            elif audience == "head":
                head = assignment.department.head
                recipients = [head] if head is not None else []
            else:
                chair = assignment.directive.meeting.committee.chair
                recipients = [chair] if chair is not None else []
            for recipient in recipients:
                if not recipient.is_active:
                    continue
                sent_on = last_sent.get((assignment.id, stage, recipient.id))
                if sent_on is not None and (today - sent_on).days < _repeat_window(stage):
                    continue
                reminder = reminders.setdefault(recipient.id, Reminder(recipient))
                if any(item.assignment is assignment and item.stage == stage
                       for item in reminder.items):  # fmt: skip
                    continue  # An officer who is also the head hears of it once.
                reminder.items.append(ReminderItem(assignment, stage, days))
    return sorted(reminders.values(), key=lambda reminder: reminder.recipient.id)


def item_url(assignment: Assignment) -> str:
    """Return the full address of an assignment's page, for mail and calendars."""
    return current_app.config["BASE_URL"].rstrip("/") + f"/assignments/{assignment.id}"


def shorten(text: str, limit: int = 80) -> str:
    """Return ``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut + "…"


def _heading(stage: str) -> str:
    config = current_app.config
    if stage == "escalated":
        return gettext(
            "Overdue for more than %(days)d days, in your committees",
            days=config["ESCALATE_AFTER_DAYS"],
        )
    if stage == "overdue":
        return gettext("Overdue")
    if stage == "due_soon":
        return gettext("Due within %(days)d days", days=config["REMIND_DUE_SOON_DAYS"])
    return gettext("No change for %(days)d days or more", days=config["STALE_AFTER_DAYS"])


def describe_timing(stage: str, days: int) -> str:
    """Say how late or how close an item is: "3 days overdue", "due in 2 days"."""
    if stage in ("overdue", "escalated"):
        return ngettext("%(num)d day overdue", "%(num)d days overdue", days)
    if stage == "due_soon":
        if days == 0:
            return gettext("due today")
        return ngettext("due in %(num)d day", "due in %(num)d days", days)
    return ngettext("no change for %(num)d day", "no change for %(num)d days", days)


@dataclass(frozen=True)
class MailLine:
    number: int
    text: str
    due_on: date | None
    when: str
    url: str


def _sections(reminder: Reminder, language: str) -> list[tuple[str, list[tuple[str, list]]]]:
    """Return the message's sections: (heading, [(department, lines)]) in STAGE_ORDER."""
    sections = []
    for stage in STAGE_ORDER:
        by_department: dict[str, list[MailLine]] = {}
        for item in reminder.items_at(stage):
            assignment = item.assignment
            by_department.setdefault(assignment.department.name(language), []).append(
                MailLine(
                    number=assignment.id,
                    text=shorten(assignment.directive.action_text, 160),
                    due_on=assignment.due_on,
                    when=describe_timing(item.stage, item.days),
                    url=item_url(assignment),
                )
            )
        if by_department:
            sections.append((_heading(stage), sorted(by_department.items())))
    return sections


def compose_mail(reminder: Reminder, today: date) -> mailer.Mail:
    """Render a reminder as one message in its recipient's language."""
    user = reminder.recipient
    with force_locale(user.language):
        subject = ngettext(
            "Directive tracker: %(num)d item needs your attention",
            "Directive tracker: %(num)d items need your attention",
            len(reminder.items),
        )
        context = {
            "user": user,
            "today": today,
            "subject": subject,
            "sections": _sections(reminder, user.language),
            "base_url": current_app.config["BASE_URL"].rstrip("/"),
        }
        env = current_app.jinja_env
        text = env.get_template("reminders/mail.txt").render(context)
        html = env.get_template("reminders/mail.html").render(context)
    return mailer.Mail(user.name, user.email, subject, text, html)


def record_reminder(reminder: Reminder, today: date) -> bool:
    """Record a delivered reminder and its notifications; False when another run already did."""
    now = utcnow()
    for item in reminder.items:
        db.session.add(
            ReminderLog(
                assignment_id=item.assignment.id,
                stage=item.stage,
                recipient_id=reminder.recipient.id,
                sent_on=today,
            )
        )
        db.session.add(
            Notification(
                user_id=reminder.recipient.id,
                assignment_id=item.assignment.id,
                stage=item.stage,
                days=item.days,
                created_at=now,
            )
        )
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def send_reminders(reminders: list[Reminder], today: date, *, dry_run: bool = False) -> SendReport:
    """Mail each reminder and record it; a failed message is reported and left for the next run."""
    report = SendReport(mailed=mailer.mail_enabled())
    if dry_run:
        return report
    connection = None
    try:
        for reminder in reminders:
            if report.mailed:
                message = compose_mail(reminder, today)
                try:
                    if connection is None:
                        connection = mailer.open_connection()
                    mailer.send_mail(connection, message)
                except mailer.ConnectError as error:
                    # No server, no point trying the others one by one: all wait for the next run.
                    report.failed.extend(
                        (pending, str(error)) for pending in reminders[reminders.index(reminder) :]
                    )
                    break
                except mailer.MailError as error:
                    report.failed.append((reminder, str(error)))
                    # The server may have dropped the connection; start afresh for the next one.
                    mailer.close_connection(connection)
                    connection = None
                    continue
            if record_reminder(reminder, today):
                report.sent.append(reminder)
    finally:
        if connection is not None:
            mailer.close_connection(connection)
    return report


def set_department_head(code: str, email: str | None) -> Department:
    """Make the user with ``email`` the head of the department ``code`` (None: no head)."""
    department = db.session.scalar(
        select(Department).where(func.upper(Department.code) == code.strip().upper())
    )
    if department is None:
        raise LookupError(f"No department with the code {code!r}.")
    head = None
    if email is not None:
        head = db.session.scalar(select(User).where(User.email == email.strip().lower()))
        if head is None:
            raise LookupError(f"No user with the email {email!r}.")
    department.head = head
    db.session.commit()
    return department


# Notifications -----------------------------------------------------------------------------


def count_unread_notifications(user: User) -> int:
    """Return how many notifications ``user`` has not seen, with one COUNT."""
    return db.session.scalar(
        select(func.count(Notification.id)).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)
        )
    )


def list_notifications(user: User, page: int, per_page: int):
    """Return a page of ``user``'s notifications, newest first, with their assignments."""
    return db.paginate(
        select(Notification)
        .where(Notification.user_id == user.id)
        .options(
            joinedload(Notification.assignment).joinedload(Assignment.directive),
            joinedload(Notification.assignment).joinedload(Assignment.department),
        )
        .order_by(Notification.created_at.desc(), Notification.id.desc()),
        page=page,
        per_page=per_page,
        error_out=False,
    )


def mark_notifications_read(user: User, ids: list[int]) -> None:
    """Mark the notifications ``ids`` of ``user`` as read."""
    if not ids:
        return
    db.session.execute(
        update(Notification)
        .where(
            Notification.user_id == user.id,
            Notification.id.in_(ids),
            Notification.read_at.is_(None),
        )
        .values(read_at=utcnow())
    )
    db.session.commit()


# Calendar feeds ----------------------------------------------------------------------------


class FeedNotAllowed(Exception):
    """The user may not have a feed for that department."""


def new_token() -> str:
    return secrets.token_urlsafe(32)


def feed_departments(user: User) -> list[Department]:
    """Return the departments ``user`` may follow in a department feed."""
    heads = db.session.scalars(
        select(Department).where(Department.head_user_id == user.id).order_by(Department.name_en)
    ).all()
    seen = {department.id for department in user.departments}
    return list(user.departments) + [d for d in heads if d.id not in seen]


def list_feeds(user: User) -> dict[int | None, CalendarFeed]:
    """Return ``user``'s feeds by department id (None for the user's own feed)."""
    feeds = db.session.scalars(select(CalendarFeed).where(CalendarFeed.user_id == user.id))
    return {feed.department_id: feed for feed in feeds}


def issue_feed(user: User, department_id: int | None) -> CalendarFeed:
    """Give ``user`` a feed with a new token, replacing (and so revoking) any earlier one."""
    if department_id is not None and department_id not in {
        department.id for department in feed_departments(user)
    }:
        raise FeedNotAllowed(department_id)
    revoke_feed(user, department_id, commit=False)
    db.session.flush()
    feed = CalendarFeed(
        token=new_token(),
        user_id=user.id,
        scope="user" if department_id is None else "department",
        department_id=department_id,
    )
    db.session.add(feed)
    db.session.commit()
    return feed


def revoke_feed(user: User, department_id: int | None, *, commit: bool = True) -> None:
    """Remove ``user``'s feed, so that its address stops working."""
    feed = list_feeds(user).get(department_id)
    if feed is not None:
        db.session.delete(feed)
    if commit:
        db.session.commit()


def feed_url(feed: CalendarFeed) -> str:
    """Return the full address of a feed, to paste into a calendar program."""
    return current_app.config["BASE_URL"].rstrip("/") + f"/calendars/{feed.token}.ics"


def find_feed(token: str) -> CalendarFeed | None:
    """Return the live feed with ``token``, or None when it is unknown, revoked or not allowed."""
    feed = db.session.scalar(
        select(CalendarFeed)
        .where(CalendarFeed.token == token)
        .options(joinedload(CalendarFeed.user), joinedload(CalendarFeed.department))
    )
    if feed is None or not feed.user.is_active:
        return None
    if feed.department_id is not None and feed.department_id not in {
        department.id for department in feed_departments(feed.user)
    }:
        return None
    return feed


def feed_assignments(feed: CalendarFeed) -> list[Assignment]:
    """Return the open assignments with a due date that ``feed`` shows."""
    query = (
        select(Assignment)
        .where(Assignment.status.in_(PENDING_STATUSES), Assignment.due_on.is_not(None))
        .options(joinedload(Assignment.directive), joinedload(Assignment.department))
        .order_by(Assignment.due_on, Assignment.id)
    )
    if feed.department_id is not None:
        query = query.where(Assignment.department_id == feed.department_id)
    else:
        user = feed.user
        department_ids = [department.id for department in feed_departments(user)]
        chaired = (
            select(Directive.id)
            .join(Meeting, Meeting.id == Directive.meeting_id)
            .join(Committee, Committee.id == Meeting.committee_id)
            .where(Committee.chair_id == user.id)
        )
        query = query.where(
            or_(Assignment.department_id.in_(department_ids), Assignment.directive_id.in_(chaired))
        )
    return list(db.session.scalars(query))
