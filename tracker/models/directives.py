"""Directives, their assignments to departments, and the append-only history of each."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models._common import Timestamp, one_of, utcnow

if TYPE_CHECKING:
    from tracker.models.departments import Department
    from tracker.models.meetings import Meeting, MinutesVersion
    from tracker.models.users import User

PRIORITIES = ("low", "normal", "high", "urgent")
ASSIGNMENT_STATUSES = ("open", "in_progress", "reported", "returned", "closed", "dropped")
#: Statuses in which an assignment still needs work.
PENDING_STATUSES = ("open", "in_progress", "reported", "returned")
CHANGE_KINDS = (
    "created",
    "transition",
    "extension_requested",
    "extension_approved",
    "extension_rejected",
)
EXTENSION_STATES = ("pending", "approved", "rejected")


class Directive(db.Model):
    """What a meeting asked for, as the secretary confirmed it."""

    __tablename__ = "directives"
    __table_args__ = (
        one_of("priority", PRIORITIES),
        CheckConstraint(
            "(source_start IS NULL AND source_end IS NULL)"
            " OR (source_start >= 0 AND source_end >= source_start)",
            name="source_span",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="RESTRICT"), index=True
    )
    #: The minutes version that source_start and source_end point into.
    minutes_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("minutes_versions.id", ondelete="SET NULL")
    )
    source_start: Mapped[int | None]
    source_end: Mapped[int | None]
    action_text: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    due_on: Mapped[date | None]
    #: The deadline as the minutes put it ("31 मार्च तक", "within a fortnight").
    due_text: Mapped[str | None] = mapped_column(String(200))
    #: The earlier open directive this one repeats; its age counts from the first issue.
    repeats_id: Mapped[int | None] = mapped_column(
        ForeignKey("directives.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)

    meeting: Mapped[Meeting] = relationship(back_populates="directives")
    minutes_version: Mapped[MinutesVersion | None] = relationship()
    repeats: Mapped[Directive | None] = relationship(remote_side=[id])
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="directive", cascade="all, delete-orphan", order_by="Assignment.id"
    )


class Assignment(db.Model):
    """One directive for one department, with its own status and due date."""

    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("directive_id", "department_id"),
        one_of("status", ASSIGNMENT_STATUSES),
        # The inbox: a department's work by status and due date.
        Index("ix_assignments_department_status_due", "department_id", "status", "due_on"),
        # The overdue dashboard: everything pending past its due date.
        Index("ix_assignments_status_due", "status", "due_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    directive_id: Mapped[int] = mapped_column(ForeignKey("directives.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="RESTRICT"))
    status: Mapped[str] = mapped_column(String(12), default="open")
    #: The current due date, after approved extensions.
    due_on: Mapped[date | None]
    #: Bumped on every change; a change made from an older page is refused.
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    #: Time of the last change of any kind, for finding stale work.
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(Timestamp)

    directive: Mapped[Directive] = relationship(back_populates="assignments")
    department: Mapped[Department] = relationship()
    history: Mapped[list[StatusChange]] = relationship(
        back_populates="assignment", order_by="StatusChange.id"
    )

    __mapper_args__ = {"version_id_col": version}


class StatusChange(db.Model):
    """One immutable entry in an assignment's history: who did what, when, and why."""

    __tablename__ = "status_changes"
    __table_args__ = (
        one_of("kind", CHANGE_KINDS),
        one_of("from_status", ASSIGNMENT_STATUSES),
        one_of("to_status", ASSIGNMENT_STATUSES),
        Index("ix_status_changes_assignment_created", "assignment_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(24))
    from_status: Mapped[str | None] = mapped_column(String(12))
    to_status: Mapped[str | None] = mapped_column(String(12))
    #: The action-taken note, remark or reason, as Markdown.
    note: Mapped[str] = mapped_column(Text, default="")
    #: For extension entries: the date asked for or granted.
    due_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)

    assignment: Mapped[Assignment] = relationship(back_populates="history")
    actor: Mapped[User | None] = relationship()
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="status_change", order_by="Attachment.id"
    )


class ExtensionRequest(db.Model):
    """An officer's request for a later due date, waiting for the chair's decision."""

    __tablename__ = "extension_requests"
    __table_args__ = (
        one_of("status", EXTENSION_STATES),
        Index("ix_extension_requests_status_created", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), index=True
    )
    requested_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT")
    )
    requested_due_on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    decided_at: Mapped[datetime | None] = mapped_column(Timestamp)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)

    assignment: Mapped[Assignment] = relationship()
    requested_by: Mapped[User | None] = relationship(foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class Attachment(db.Model):
    """An evidence file, kept in the database so that every app server sees it."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    status_change_id: Mapped[int] = mapped_column(
        ForeignKey("status_changes.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    #: The file itself; loaded only when downloaded.
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)

    status_change: Mapped[StatusChange] = relationship(back_populates="attachments")


@event.listens_for(StatusChange, "before_update")
@event.listens_for(StatusChange, "before_delete")
@event.listens_for(Attachment, "before_update")
@event.listens_for(Attachment, "before_delete")
def _refuse_history_edit(_mapper, _connection, target) -> None:
    """Keep history append-only: an entry, once written, is never changed or removed."""
    raise ValueError(f"{type(target).__name__} rows are append-only")
