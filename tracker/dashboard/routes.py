"""The home page, which differs by role; the chair's dashboard, approvals and reports."""

from datetime import date

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from tracker.clock import local_today
from tracker.dashboard import atr, exports, overdue, queries
from tracker.dashboard.chart import Bar, overdue_chart
from tracker.dashboard.forms import DecisionForm
from tracker.directives import labels, services
from tracker.extensions import db
from tracker.i18n import current_language
from tracker.models import Committee, Department, Meeting
from tracker.models._common import utcnow
from tracker.routing import MAX_ID, page_arg

bp = Blueprint("dashboard", __name__)

#: An export holds at most this many rows; narrow the filters for more.
EXPORT_LIMIT = 20_000

BUCKET_LABELS = {
    "late_1_7": lambda: _("1–7 days late"),
    "late_8_30": lambda: _("8–30 days late"),
    "late_31_90": lambda: _("31–90 days late"),
    "late_91": lambda: _("Over 90 days late"),
}
VIEW_TITLES = {
    "open": lambda: _("Open (not yet closed)"),
    "overdue": lambda: _("Overdue"),
    "due_soon": lambda: _("Due in the next 7 days"),
    "stale": lambda: _("Stale (no change for a long time)"),
    "closed": lambda: _("Closed (with a due date)"),
    "closed_on_time": lambda: _("Closed on time"),
    "closed_late": lambda: _("Closed late"),
    **BUCKET_LABELS,
}


@bp.get("/")
@login_required
def home():
    user = current_user
    today = local_today()
    context = {"today": today}
    if user.role == "officer":
        ids = [department.id for department in user.departments]
        context["departments"] = queries.department_work(ids, today)
    elif user.role in ("secretary", "chair"):
        column = Committee.secretary_id if user.role == "secretary" else Committee.chair_id
        committees = queries.committees_of(user, column)
        ids = [row.committee.id for row in committees]
        context["committees"] = committees
        context["meetings"] = queries.recent_meetings(ids)
        context["work"] = queries.committee_work(ids, today)
        if user.role == "chair":
            at = overdue.Boundaries.now(today)
            context["late_departments"] = overdue.most_overdue_departments(user, at)
            waiting = overdue.approvals_waiting(user)
            context["waiting"] = waiting
            context["days_waited"] = waiting.days_oldest_waited(utcnow())
    else:
        context["counts"] = queries.installation_counts()
    return render_template(f"dashboard/home_{user.role}.html", **context)


# Parsing -------------------------------------------------------------------------------------


def _number(name: str, errors: list[str], what: str) -> int | None:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 12 or not 1 <= int(raw) <= MAX_ID:
        errors.append(_("“%(value)s” is not a %(what)s number; that filter is left out.",
                        value=raw[:40], what=what))  # fmt: skip
        return None
    return int(raw)


def _day(name: str, errors: list[str]) -> date | None:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors.append(_("%(value)s is not a date. Use the form 2026-03-31 (year-month-day).",
                        value=raw[:40]))  # fmt: skip
        return None


def _filters(user) -> tuple[overdue.Filters, list[str]]:
    """Read the filters from the query string; explain and leave out those that are wrong."""
    errors: list[str] = []
    committee_id = _number("committee", errors, _("committee"))
    meeting_id = _number("meeting", errors, _("meeting"))
    department_id = _number("department", errors, _("department"))
    due_from, due_to = _day("due_from", errors), _day("due_to", errors)
    if committee_id is not None and committee_id not in {
        committee.id for committee in overdue.committees_for(user)
    }:
        errors.append(_("There is no committee %(number)d among yours; that filter is left out.",
                        number=committee_id))  # fmt: skip
        committee_id = None
    if meeting_id is not None and not atr.meetings_of(user, meeting_id=meeting_id):
        errors.append(_("There is no meeting %(number)d among yours; that filter is left out.",
                        number=meeting_id))  # fmt: skip
        meeting_id = None
    if department_id is not None and db.session.get(Department, department_id) is None:
        errors.append(_("There is no department %(number)d; that filter is left out.",
                        number=department_id))  # fmt: skip
        department_id = None
    if due_from and due_to and due_from > due_to:
        errors.append(_("The date range ends before it starts; the dates are swapped."))
        due_from, due_to = due_to, due_from
    return overdue.Filters(committee_id, meeting_id, department_id, due_from, due_to), errors


def _page() -> int:
    raw = request.args.get("page", "1")
    return page_arg(raw) if raw.isdigit() and len(raw) < 12 else 1


def _require(*roles: str) -> None:
    if current_user.role not in roles:
        abort(403)


# The overdue dashboard -----------------------------------------------------------------------


@bp.get("/dashboard", endpoint="overdue")
@login_required
def overdue_dashboard():
    _require("chair", "admin", "secretary")
    user = current_user
    filters, errors = _filters(user)
    at = overdue.Boundaries.now(local_today())
    rows = overdue.by_department(user, filters, at)
    totals = overdue.combined(rows)
    language = current_language()
    legend = [label() for label in BUCKET_LABELS.values()]
    late_rows = [row for row in rows if row.figures.overdue]
    chart = overdue_chart(
        [
            Bar(
                label=row.name_hi if language == "hi" else row.name_en,
                values=[row.figures.bucket(name) for name in BUCKET_LABELS],
                href=url_for(".drilldown", view="overdue",
                             **filters.with_department(row.department_id).as_args()),  # fmt: skip
            )
            for row in late_rows
        ],
        legend,
        _("Overdue work by department and how late it is"),
        _("Stacked bars, one per department; the same figures are in the table below."),
    )
    for error in errors:
        flash(error, "error")
    return render_template(
        "dashboard/overdue.html",
        totals=totals,
        rows=rows,
        late_rows=late_rows,
        chart=chart,
        filters=filters,
        at=at,
        buckets=BUCKET_LABELS,
        committees=overdue.committees_for(user),
        meetings=overdue.meetings_for(user),
        departments=overdue.departments(),
        stale_days=at.today - at.stale_before.date(),
    )



def _view() -> str:
    view = request.args.get("view", "overdue")
    if view not in overdue.VIEWS:
        flash(_("There is no list called “%(name)s”; showing the overdue work.", name=view[:40]),
              "error")  # fmt: skip
        view = "overdue"
    return view


@bp.get("/dashboard/list")
@login_required
def drilldown():
    _require("chair", "admin", "secretary")
    user = current_user
    filters, errors = _filters(user)
    for error in errors:
        flash(error, "error")
    view = _view()
    at = overdue.Boundaries.now(local_today())
    page = overdue.list_page(user, filters, view, at, _page(), current_app.config["PER_PAGE"])
    department = None
    if filters.department_id is not None:
        department = db.session.get(Department, filters.department_id)
    return render_template(
        "dashboard/list.html",
        page=page,
        view=view,
        title=VIEW_TITLES[view](),
        filters=filters,
        department=department,
        today=at.today,
        export_limit=EXPORT_LIMIT,
    )


@bp.get("/dashboard/list.<any(xlsx, csv):kind>")
@login_required
def export_list(kind: str):
    _require("chair", "admin", "secretary")
    user = current_user
    filters, _errors = _filters(user)
    view = request.args.get("view", "overdue")
    if view not in overdue.VIEWS:
        view = "overdue"
    at = overdue.Boundaries.now(local_today())
    rows = overdue.list_all(user, filters, view, at, EXPORT_LIMIT)
    name = f"{view}-{at.today.isoformat()}"
    if kind == "xlsx":
        return exports.download(exports.list_xlsx(rows, VIEW_TITLES[view]()), f"{name}.xlsx",
                         exports.XLSX_TYPE)  # fmt: skip
    return exports.download(exports.list_csv(rows), f"{name}.csv", exports.CSV_TYPE)


# Approvals -----------------------------------------------------------------------------------


@bp.get("/approvals")
@login_required
def approvals():
    _require("chair", "secretary")
    user = current_user
    return render_template(
        "dashboard/approvals.html",
        reports=overdue.reports_waiting(user, _page(), current_app.config["PER_PAGE"]),
        extensions=overdue.extensions_waiting(user, 1, current_app.config["PER_PAGE"]),
        form=DecisionForm(),
        today=local_today(),
    )


@bp.post("/approvals/<int:assignment_id>")
@login_required
def decide(assignment_id: int):
    _require("chair", "secretary")
    user = current_user
    form = DecisionForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for error in errors:
                flash(str(error), "error")
        if form.csrf_token.errors:
            flash(_("This form had expired, so nothing was saved. Submit again."), "error")
        return redirect(url_for(".approvals"))
    try:
        assignment = services.get_assignment_for(user, assignment_id)
        version, note = int(form.version.data), form.note.data
        decision = form.decision.data
        if decision == "close":
            services.close_assignment(assignment, user, note, version)
        elif decision == "return":
            services.return_assignment(assignment, user, note, version)
        else:
            services.decide_extension(assignment, user, decision == "approve", note, version)
    except services.DirectiveError as error:
        flash(error.message or _("That could not be done."), "error")
        return redirect(url_for(".approvals"))
    flash(str(labels.DONE_MESSAGES[decision]), "success")
    return redirect(url_for(".approvals"))


# The action-taken report ---------------------------------------------------------------------


def _atr_meetings(user) -> list[Meeting]:
    errors: list[str] = []
    meeting_id = _number("meeting", errors, _("meeting"))
    committee_id = _number("committee", errors, _("committee"))
    for error in errors:
        flash(error, "error")
    return atr.meetings_of(user, meeting_id=meeting_id, committee_id=committee_id)


@bp.get("/reports/atr")
@login_required
def atr_report():
    _require("chair", "admin", "secretary")
    user = current_user
    meetings = _atr_meetings(user)
    if not meetings and (request.args.get("meeting") or request.args.get("committee")):
        flash(_("No such meeting or committee among yours."), "error")
    today = local_today()
    return render_template(
        "dashboard/atr.html",
        report=atr.report(meetings, today),
        committees=overdue.committees_for(user),
        meetings=overdue.meetings_for(user),
        args={key: request.args[key] for key in ("meeting", "committee") if key in request.args},
        today=today,
    )


@bp.get("/reports/atr.<any(xlsx, csv):kind>")
@login_required
def atr_export(kind: str):
    _require("chair", "admin", "secretary")
    user = current_user
    meetings = _atr_meetings(user)
    if not meetings:
        abort(404)
    report = atr.report(meetings, local_today())
    name = f"atr-{meetings[-1].held_on.isoformat()}"
    if kind == "xlsx":
        return exports.download(exports.atr_xlsx(report), f"{name}.xlsx", exports.XLSX_TYPE)
    return exports.download(exports.atr_csv(report), f"{name}.csv", exports.CSV_TYPE)
