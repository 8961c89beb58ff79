"""Words for the inbox's views, the actions and the history entries, in the reader's language."""

from flask_babel import lazy_gettext as _l

PRIORITY_LABELS = {
    "low": _l("Low priority"),
    "normal": _l("Normal priority"),
    "high": _l("High priority"),
    "urgent": _l("Urgent"),
}

VIEW_LABELS = {
    "pending": _l("Pending (not yet closed)"),
    "overdue": _l("Overdue"),
    "due_week": _l("Due in the next 7 days"),
    "stale": _l("Stale (no change for a long time)"),
    "open": _l("Open"),
    "in_progress": _l("In progress"),
    "reported": _l("Reported, waiting for review"),
    "returned": _l("Returned for more action"),
    "closed": _l("Closed"),
    "dropped": _l("Dropped"),
    "all": _l("All, closed ones too"),
}

#: What each history entry says happened, by the status it led to or the kind of entry.
ENTRY_TITLES = {
    "created": _l("Assigned to the department"),
    "in_progress": _l("Work started"),
    "reported": _l("Action taken reported"),
    "closed": _l("Accepted and closed"),
    "returned": _l("Returned for more action"),
    "dropped": _l("Dropped"),
    "extension_requested": _l("More time asked for"),
    "extension_approved": _l("More time granted"),
    "extension_rejected": _l("More time refused"),
}

#: What was done, said in the flash after a change.
DONE_MESSAGES = {
    "start": _l("Marked as in progress."),
    "report": _l("Your report is saved and has gone to the chair for review."),
    "close": _l("The assignment is closed."),
    "return": _l("The report went back to the department with your remark."),
    "drop": _l("The assignment is dropped."),
    "extension": _l("Your request for more time has gone to the chair."),
    "approve": _l("The new due date is granted."),
    "reject": _l("The request for more time is refused."),
}


def entry_title(kind: str, to_status: str | None) -> str:
    """Return the heading of a history entry."""
    if kind == "transition" and to_status in ENTRY_TITLES:
        return ENTRY_TITLES[to_status]
    return ENTRY_TITLES.get(kind, kind)
