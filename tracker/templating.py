"""Filters and globals the templates use."""

from flask import Flask
from flask_babel import format_number
from flask_login import current_user

from tracker.i18n import (
    LANGUAGE_NAMES,
    MEETING_STATUS_LABELS,
    ROLE_LABELS,
    STATUS_LABELS,
    current_language,
    format_day,
    format_moment,
)
from tracker.navigation import menu_for
from tracker.rendering import render_markdown


def register(app: Flask) -> None:
    app.add_template_filter(format_day, "day")
    app.add_template_filter(format_moment, "moment")
    app.add_template_filter(format_number, "number")
    app.add_template_filter(render_markdown, "markdown")
    app.add_template_filter(lambda department: department.name(current_language()),
                            "department_name")  # fmt: skip

    @app.context_processor
    def inject_globals() -> dict:
        return {
            "current_language": current_language(),
            "language_names": LANGUAGE_NAMES,
            "role_labels": ROLE_LABELS,
            "status_labels": STATUS_LABELS,
            "meeting_status_labels": MEETING_STATUS_LABELS,
            "current_user": current_user,
            "navigation": menu_for(current_user.role) if current_user.is_authenticated else [],
        }
