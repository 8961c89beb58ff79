"""Departments and the other names they go by."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db

if TYPE_CHECKING:
    from tracker.models.users import User


class Department(db.Model):
    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Short stable code used in imports, the API and the extraction directory, e.g. BASIC_EDU.
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_en: Mapped[str] = mapped_column(String(200))
    name_hi: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="SET NULL")
    )
    is_active: Mapped[bool] = mapped_column(default=True)
    #: The head of the department, who is told of overdue work with its officers.
    head_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )

    parent: Mapped[Department | None] = relationship(remote_side=[id])
    head: Mapped[User | None] = relationship(foreign_keys=[head_user_id])
    aliases: Mapped[list[DepartmentAlias]] = relationship(
        back_populates="department",
        cascade="all, delete-orphan",
        order_by="DepartmentAlias.text",
    )

    def name(self, language: str) -> str:
        """Return the department's name in ``language`` (hi or en)."""
        return self.name_hi if language == "hi" else self.name_en

    def __repr__(self) -> str:
        return f"<Department {self.code}>"


class DepartmentAlias(db.Model):
    """Another spelling, abbreviation or officer designation that stands for a department."""

    __tablename__ = "department_aliases"
    __table_args__ = (UniqueConstraint("department_id", "text"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(
        ForeignKey("departments.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(String(200))

    department: Mapped[Department] = relationship(back_populates="aliases")
