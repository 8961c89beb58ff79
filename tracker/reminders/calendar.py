"""ICS calendars of open assignments' due dates, for a department or a user."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Calendar, Event

from tracker.models import Assignment, CalendarFeed
from tracker.models._common import utcnow
from tracker.reminders.services import item_url, shorten


def event_uid(assignment: Assignment) -> str:
    """Return an assignment's UID, the same in every feed and every download."""
    host = urlsplit(current_app.config["BASE_URL"]).hostname or "tracker"
    return f"assignment-{assignment.id}@{host}"


def build_calendar(feed: CalendarFeed, assignments: list[Assignment]) -> bytes:
    """Return the feed as an iCalendar file, one all-day event per assignment's due date."""
    user = feed.user
    language = user.language
    with force_locale(language):
        if feed.department is not None:
            name = _("Due dates: %(department)s", department=feed.department.name(language))
        else:
            name = _("My due dates")
        calendar = Calendar()
        calendar.add("prodid", "-//Directive Tracker//tracker//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", name)
        stamp = utcnow().replace(microsecond=0)
        for assignment in assignments:
            department = assignment.department.name(language)
            url = item_url(assignment)
            event = Event()
            event.add("uid", event_uid(assignment))
            event.add("dtstamp", stamp)
            event.add("dtstart", assignment.due_on)
            event.add("dtend", assignment.due_on + timedelta(days=1))
            event.add("summary", shorten(assignment.directive.action_text, 80))
            event.add(
                "description",
                _("Department: %(department)s", department=department) + "\n" + url,
            )
            event.add("url", url)
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
    return calendar.to_ical()
