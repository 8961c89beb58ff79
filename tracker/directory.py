"""The department directory the extraction engine matches against."""

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload

from tracker.extensions import db
from tracker.extraction import DepartmentEntry, Directory
from tracker.models import Department


def department_directory() -> Directory:
    """Return the built-in directory merged with this installation's active departments.

    An installation whose database is not set up yet gets the built-in directory alone.
    """
    try:
        departments = db.session.scalars(
            select(Department)
            .where(Department.is_active.is_(True))
            .options(selectinload(Department.aliases))
        ).all()
    except SQLAlchemyError:
        db.session.rollback()
        departments = []
    entries = [
        DepartmentEntry(
            code=department.code,
            name_en=department.name_en,
            name_hi=department.name_hi,
            aliases=tuple(alias.text for alias in department.aliases),
        )
        for department in departments
    ]
    return Directory.builtin().merged(entries)
