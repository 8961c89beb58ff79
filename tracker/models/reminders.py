"""Reminders sent, in-app notifications, and the secret calendar feeds."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models._common import Timestamp, one_of, utcnow

if TYPE_CHECKING:
    from tracker.models.departments import Department
    from tracker.models.directives import Assignment
    from tracker.models.users import User

#: due_soon: due within a few days; overdue: past its due date; stale: no change for a long time;
#: escalated: overdue long enough to go to the committee's chair.
REMINDER_STAGES = ("due_soon", "overdue", "stale", "escalated")
FEED_SCOPES = ("user", "department")


class ReminderLog(db.Model):
    """One reminder about one assignment, at one stage, delivered to one person on one day."""

    __tablename__ = "reminder_log"
    __table_args__ = (
        # The hard once-a-day rule; the repeat interval is applied in collect_reminders().
        UniqueConstraint("assignment_id", "stage", "recipient_id", "sent_on"),
        one_of("stage", REMINDER_STAGES),
        # Finding what was already sent recently for a set of assignments.
        Index("ix_reminder_log_assignment_sent", "assignment_id", "sent_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    stage: Mapped[str] = mapped_column(String(12))
    recipient_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    #: The local date of the run that delivered the reminder.
    sent_on: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)

    assignment: Mapped[Assignment] = relationship()
    recipient: Mapped[User] = relationship()


class Notification(db.Model):
    """An event shown in a user's bell menu until they have seen it."""

    __tablename__ = "notifications"
    __table_args__ = (
        one_of("stage", REMINDER_STAGES),
        # The bell's unread count and the newest-first list.
        Index("ix_notifications_user_read_created", "user_id", "read_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[str] = mapped_column(String(12))
    #: Days left before the due date (due_soon) or days past it (overdue, escalated).
    days: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(Timestamp)

    user: Mapped[User] = relationship()
    assignment: Mapped[Assignment] = relationship()


class CalendarFeed(db.Model):
    """A secret address at which a calendar program reads the due dates of open assignments."""

    __tablename__ = "calendar_feeds"
    __table_args__ = (
        one_of("scope", FEED_SCOPES),
        UniqueConstraint("user_id", "scope", "department_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: 32 random bytes, URL-safe base64; the only secret in the feed's address.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    scope: Mapped[str] = mapped_column(String(12))
    #: The department of a department feed; None for a user's own feed.
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)

    user: Mapped[User] = relationship()
    department: Mapped[Department | None] = relationship()
