"""Column helpers shared by the model modules."""

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import CheckConstraint, DateTime


def utcnow() -> datetime:
    """Return the current time in UTC, as every timestamp is stored."""
    return datetime.now(UTC)


def one_of(column: str, values: Iterable[str], name: str | None = None) -> CheckConstraint:
    """Build a named check constraint that keeps ``column`` within ``values``."""
    quoted = ", ".join(f"'{value}'" for value in values)
    return CheckConstraint(f"{column} IN ({quoted})", name=name or column)


#: Timestamps are stored in UTC with their zone where the database keeps one.
Timestamp = DateTime(timezone=True)
