"""The domain model; import models from here."""

from tracker.models.committees import Committee, committee_departments
from tracker.models.departments import Department, DepartmentAlias
from tracker.models.directives import (
    ASSIGNMENT_STATUSES,
    PENDING_STATUSES,
    PRIORITIES,
    Assignment,
    Attachment,
    Directive,
    ExtensionRequest,
    StatusChange,
)
from tracker.models.meetings import MEETING_STATES, Meeting, MinutesVersion, meeting_attendance
from tracker.models.reminders import (
    FEED_SCOPES,
    REMINDER_STAGES,
    CalendarFeed,
    Notification,
    ReminderLog,
)
from tracker.models.tokens import ApiToken
from tracker.models.users import LANGUAGES, ROLES, User, user_departments

__all__ = [
    "ASSIGNMENT_STATUSES",
    "FEED_SCOPES",
    "LANGUAGES",
    "MEETING_STATES",
    "PENDING_STATUSES",
    "PRIORITIES",
    "REMINDER_STAGES",
    "ROLES",
    "ApiToken",
    "Assignment",
    "Attachment",
    "CalendarFeed",
    "Committee",
    "Department",
    "DepartmentAlias",
    "Directive",
    "ExtensionRequest",
    "Meeting",
    "MinutesVersion",
    "Notification",
    "ReminderLog",
    "StatusChange",
    "User",
    "committee_departments",
    "meeting_attendance",
    "user_departments",
]
