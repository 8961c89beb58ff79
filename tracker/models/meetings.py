"""Meetings and the versions of their minutes."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, Index, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models._common import Timestamp, one_of, utcnow
from tracker.models.users import LANGUAGES

if TYPE_CHECKING:
    from tracker.models.committees import Committee
    from tracker.models.departments import Department
    from tracker.models.directives import Directive
    from tracker.models.users import User

MEETING_STATES = ("draft", "published")

meeting_attendance = Table(
    "meeting_attendance",
    db.metadata,
    Column("meeting_id", ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "department_id",
        ForeignKey("departments.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Meeting(db.Model):
    __tablename__ = "meetings"
    __table_args__ = (
        one_of("status", MEETING_STATES),
        one_of("language", LANGUAGES),
        Index("ix_meetings_committee_held_on", "committee_id", "held_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="RESTRICT"))
    title: Mapped[str] = mapped_column(String(300))
    held_on: Mapped[date]
    starts_at: Mapped[time | None]
    venue: Mapped[str] = mapped_column(String(300), default="")
    #: Who chaired this meeting; usually the committee's chair, sometimes a deputy.
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(12), default="draft")
    #: Language the minutes are written in (hi or en).
    language: Mapped[str] = mapped_column(String(2), default="hi")
    #: Officers present, as the secretary wrote them.
    attendees: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)

    committee: Mapped[Committee] = relationship(back_populates="meetings")
    chair: Mapped[User | None] = relationship(foreign_keys=[chair_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    departments_present: Mapped[list[Department]] = relationship(
        secondary=meeting_attendance, order_by="Department.name_en"
    )
    minutes_versions: Mapped[list[MinutesVersion]] = relationship(
        back_populates="meeting", order_by="MinutesVersion.number", cascade="all, delete-orphan"
    )
    directives: Mapped[list[Directive]] = relationship(
        back_populates="meeting", order_by="Directive.id"
    )

    @property
    def minutes(self) -> MinutesVersion | None:
        """Return the latest version of the minutes, if any."""
        return self.minutes_versions[-1] if self.minutes_versions else None

    def __repr__(self) -> str:
        return f"<Meeting {self.id} {self.held_on}>"


class MinutesVersion(db.Model):
    """One version of a meeting's minutes; a published version is never changed."""

    __tablename__ = "minutes_versions"
    __table_args__ = (UniqueConstraint("meeting_id", "number"), one_of("language", LANGUAGES))

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    #: 1 for the first version, counting up with each correction.
    number: Mapped[int] = mapped_column(default=1)
    #: The minutes as Markdown source.
    source: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(2))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    #: Set when the version is published; from then on it is read-only.
    published_at: Mapped[datetime | None] = mapped_column(Timestamp)

    meeting: Mapped[Meeting] = relationship(back_populates="minutes_versions")
    created_by: Mapped[User | None] = relationship()
