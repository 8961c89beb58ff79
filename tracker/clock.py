"""Today's date where the installation is, for deciding what is overdue."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def local_today() -> date:
    """Return today's date in the installation's time zone (TRACKER_TIMEZONE)."""
    return datetime.now(ZoneInfo(current_app.config["TIMEZONE"])).date()
