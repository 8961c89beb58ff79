"""Committees: the recurring forums whose meetings issue directives."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.models._common import Timestamp, utcnow

if TYPE_CHECKING:
    from tracker.models.departments import Department
    from tracker.models.meetings import Meeting
    from tracker.models.users import User

committee_departments = Table(
    "committee_departments",
    db.metadata,
    Column("committee_id", ForeignKey("committees.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "department_id",
        ForeignKey("departments.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Committee(db.Model):
    __tablename__ = "committees"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_en: Mapped[str] = mapped_column(String(300))
    name_hi: Mapped[str] = mapped_column(String(300))
    chair_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    #: The member-secretary, who records the meetings and their minutes.
    secretary_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    is_active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)

    chair: Mapped[User | None] = relationship(foreign_keys=[chair_id])
    secretary: Mapped[User | None] = relationship(foreign_keys=[secretary_id])
    departments: Mapped[list[Department]] = relationship(
        secondary=committee_departments, order_by="Department.name_en"
    )
    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="committee", order_by="Meeting.held_on"
    )

    def name(self, language: str) -> str:
        """Return the committee's name in ``language`` (hi or en)."""
        return self.name_hi if language == "hi" else self.name_en

    def __repr__(self) -> str:
        return f"<Committee {self.id} {self.name_en!r}>"
