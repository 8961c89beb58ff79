"""Language and time-zone selection, and the formats dates are shown in."""

from datetime import UTC, date, datetime

from flask import current_app, g, has_request_context, request, session
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

#: Key in the session for the language chosen before signing in.
SESSION_LANGUAGE_KEY = "language"

LANGUAGE_NAMES = {"en": "English", "hi": "हिन्दी"}

ROLE_LABELS = {
    "admin": _l("Administrator"),
    "secretary": _l("Member-secretary"),
    "officer": _l("Department officer"),
    "chair": _l("Chair"),
}

STATUS_LABELS = {
    "open": _l("Open"),
    "in_progress": _l("In progress"),
    "reported": _l("Reported"),
    "returned": _l("Returned"),
    "closed": _l("Closed"),
    "dropped": _l("Dropped"),
}

MEETING_STATUS_LABELS = {"draft": _l("Draft"), "published": _l("Published")}


def select_locale() -> str:
    """Pick the user's language, else the one chosen this session, else the browser's."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["DEFAULT_LANGUAGE"]
    if request.path.startswith("/api/v1/") and request.endpoint != "api_reference.reference":
        return _api_locale(languages)
    if current_user and current_user.is_authenticated and current_user.language in languages:
        return current_user.language
    chosen = session.get(SESSION_LANGUAGE_KEY)
    if chosen in languages:
        return chosen
    return request.accept_languages.best_match(languages) or current_app.config["DEFAULT_LANGUAGE"]


def _api_locale(languages) -> str:
    """Answer a program in the language it asks for, else in its token's user's language.

    Session cookies play no part in the API.
    """
    if request.accept_languages:
        chosen = request.accept_languages.best_match(languages)
        if chosen:
            return chosen
    user = g.get("api_user")
    if user is not None and user.language in languages:
        return user.language
    return current_app.config["DEFAULT_LANGUAGE"]


def select_timezone() -> str:
    return current_app.config["TIMEZONE"]


def current_language() -> str:
    return str(get_locale() or current_app.config["DEFAULT_LANGUAGE"])


def format_day(value: date | None) -> str:
    """Show a date as ``31 Mar 2026`` or ``31 मार्च 2026``."""
    if value is None:
        return ""
    pattern = "d MMMM yyyy" if current_language() == "hi" else "d MMM yyyy"
    return format_date(value, pattern)


def format_moment(value: datetime | None) -> str:
    """Show a stored UTC timestamp in the installation's time zone."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    pattern = "d MMMM yyyy, HH:mm" if current_language() == "hi" else "d MMM yyyy, HH:mm"
    return format_datetime(value, pattern)
