"""Notifications (the bell), the calendar page, and the ICS feeds."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from tracker.reminders import services
from tracker.reminders.calendar import build_calendar
from tracker.reminders.forms import FeedForm
from tracker.routing import page_arg

bp = Blueprint("reminders", __name__)

STAGE_LABELS = {
    "due_soon": _l("Due soon"),
    "overdue": _l("Overdue"),
    "stale": _l("No recent change"),
    "escalated": _l("Escalated to you"),
}


def _user():
    return current_user._get_current_object()


@bp.app_context_processor
def inject_unread_count() -> dict:
    """Give templates a function for the bell's count, queried only when the header shows it."""

    def unread_notifications() -> int:
        if not current_user.is_authenticated:
            return 0
        return services.count_unread_notifications(_user())

    return {
        "unread_notifications": unread_notifications,
        "describe_timing": services.describe_timing,
        "shorten": services.shorten,
        "stage_labels": STAGE_LABELS,
    }


@bp.get("/notifications")
@login_required
def notifications():
    page = services.list_notifications(
        _user(), request.args.get("page", 1, type=page_arg), current_app.config["PER_PAGE"]
    )
    unread = {item.id for item in page.items if item.read_at is None}
    # Shown now, so seen: the bell's count drops on the next page.
    services.mark_notifications_read(_user(), sorted(unread))
    return render_template("reminders/notifications.html", page=page, new_ids=unread)


@bp.get("/calendars")
@login_required
def calendars():
    user = _user()
    return render_template(
        "reminders/calendars.html",
        feeds=services.list_feeds(user),
        departments=services.feed_departments(user),
        feed_url=services.feed_url,
    )


def _department_id(form: FeedForm) -> int | None:
    value = (form.department_id.data or "").strip()
    if not value:
        return None
    if not value.isdigit():
        abort(400)
    return int(value)


@bp.post("/calendars/issue")
@login_required
def issue_feed():
    form = FeedForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        services.issue_feed(_user(), _department_id(form))
    except services.FeedNotAllowed:
        abort(404)
    flash(_("A new calendar address was made; any earlier address no longer works."), "success")
    return redirect(url_for(".calendars"))


@bp.post("/calendars/revoke")
@login_required
def revoke_feed():
    form = FeedForm()
    if not form.validate_on_submit():
        abort(400)
    services.revoke_feed(_user(), _department_id(form))
    flash(_("The calendar address was revoked."), "success")
    return redirect(url_for(".calendars"))


@bp.get("/calendars/<token>.ics")
def feed(token: str):
    found = services.find_feed(token)
    if found is None:
        abort(404)
    body = build_calendar(found, services.feed_assignments(found))
    response = current_app.response_class(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = "inline; filename=tracker.ics"
    response.headers["Cache-Control"] = "private, max-age=300"
    return response
