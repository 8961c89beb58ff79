"""The department inbox, the assignment page and its changes, evidence, and the bulk update."""

import csv
import io

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.exceptions import RequestEntityTooLarge

from tracker import errors
from tracker.clock import local_today
from tracker.dashboard import exports
from tracker.directives import bulk, labels, services
from tracker.directives.forms import (
    CHANGE_FORMS,
    BulkConfirmForm,
    BulkUploadForm,
    InboxFilterForm,
)
from tracker.directives.lifecycle import Action
from tracker.i18n import current_language
from tracker.routing import page_arg

bp = Blueprint("directives", __name__)

#: The action a change form stands for (a decision may be either of two).
FORM_ACTIONS = {
    "start": (Action.START,),
    "report": (Action.REPORT,),
    "close": (Action.CLOSE,),
    "return": (Action.RETURN,),
    "drop": (Action.DROP,),
    "extension": (Action.REQUEST_EXTENSION,),
    "decision": (Action.APPROVE_EXTENSION, Action.REJECT_EXTENSION),
}
ACTION_FORMS = {action: key for key, actions in FORM_ACTIONS.items() for action in actions}


def _user():
    return current_user._get_current_object()


def _assignment_or_404(assignment_id: int):
    try:
        return services.get_assignment_for(_user(), assignment_id)
    except services.AssignmentNotFound:
        abort(404)


# The inbox -----------------------------------------------------------------------------------


def _inbox_filters(user) -> tuple[InboxFilterForm, services.InboxFilters]:
    """Read the inbox's filters from the query string, offering only the user's choices."""
    language = current_language()
    form = InboxFilterForm(request.args)
    form.view.choices = [(key, label) for key, label in labels.VIEW_LABELS.items()]
    everyone = services.reads_everything(user)
    all_departments = _("All departments") if everyone else _("All your departments")
    form.department.choices = [("", all_departments)] + [
        (str(department.id), department.name(language))
        for department in services.inbox_departments(user)
    ]
    form.committee.choices = [("", _("All committees"))] + [
        (str(committee.id), committee.name(language))
        for committee in services.inbox_committees(user)
    ]
    committee_id = form.id_of(form.committee)
    form.meeting.choices = [("", _("All meetings"))] + [
        (str(meeting.id), f"{meeting.title} ({meeting.held_on.isoformat()})")
        for meeting in services.inbox_meetings(user, committee_id)
    ]
    form.validate()
    view = form.view.data if form.view.data in labels.VIEW_LABELS else services.DEFAULT_VIEW
    filters = services.InboxFilters(
        view=view,
        department_id=form.id_of(form.department),
        committee_id=committee_id,
        meeting_id=form.id_of(form.meeting),
        due_from=None if form.due_from.errors else form.due_from.data,
        due_to=None if form.due_to.errors else form.due_to.data,
        text=(form.q.data or "")[:200],
    )
    return form, filters


@bp.get("/inbox")
@login_required
def inbox():
    user = _user()
    form, filters = _inbox_filters(user)
    today = local_today()
    cutoff = services.stale_before()
    counts = services.inbox_counts(user, today, cutoff, filters.department_id)
    page = services.inbox_page(
        user,
        filters,
        today,
        cutoff,
        page=request.args.get("page", 1, type=page_arg),
        per_page=current_app.config["PER_PAGE"],
    )
    args = {key: value for key, value in request.args.items() if key != "page" and value}
    return render_template(
        "directives/inbox.html",
        form=form,
        filters=filters,
        counts=counts,
        page=page,
        args=args,
        today=today,
        reads_everything=services.reads_everything(user),
        view_labels=labels.VIEW_LABELS,
        stale_days=current_app.config["STALE_AFTER_DAYS"],
        export_limit=services.INBOX_EXPORT_LIMIT,
        more_filters_open=bool(
            form.due_from.errors
            or form.due_to.errors
            or any(
                args.get(key)
                for key in ("department", "committee", "meeting", "due_from", "due_to")
            )
        ),
    )


@bp.get("/inbox.<any(xlsx, csv):kind>")
@login_required
def inbox_export(kind: str):
    """Offer the inbox, as filtered, as an Excel or CSV file: every matching row up to a cap."""
    user = _user()
    _form, filters = _inbox_filters(user)
    today = local_today()
    rows = services.inbox_export(user, filters, today, services.stale_before())
    name = f"inbox-{filters.view}-{today.isoformat()}.{kind}"
    if kind == "xlsx":
        title = str(labels.VIEW_LABELS[filters.view])
        return exports.download(exports.inbox_xlsx(rows, title), name, exports.XLSX_TYPE)
    return exports.download(exports.inbox_csv(rows), name, exports.CSV_TYPE)


# One assignment ------------------------------------------------------------------------------


@bp.get("/assignments/<int:assignment_id>")
@login_required
def assignment(assignment_id: int):
    return _render_assignment(_assignment_or_404(assignment_id))


def _render_assignment(assignment, *, submitted=None, changed=None, notice=None, status=200):
    """Render the assignment page; ``submitted`` is (form key, form) of a refused change."""
    user = _user()
    history = services.history(assignment)
    last_seen = history[-1].id if history else 0
    actions = services.allowed_actions(user, assignment)
    keys = list(dict.fromkeys(ACTION_FORMS[action] for action in actions))
    forms = {}
    for key in keys:
        if submitted and submitted[0] == key:
            form = submitted[1]
            # Carry the present version now that the user has seen what changed.
            form.version.data = str(assignment.version)
            form.seen.data = str(last_seen)
        else:
            form = CHANGE_FORMS[key](
                formdata=None,
                prefix=key,
                data={"version": str(assignment.version), "seen": str(last_seen)},
            )
        forms[key] = form
    # A note typed into a form that no longer applies is shown, so it can be copied.
    unsaved_note = None
    if submitted and submitted[0] not in forms and hasattr(submitted[1], "note"):
        unsaved_note = submitted[1].note.data or None
    directive = assignment.directive
    minutes = directive.minutes_version
    excerpt = services.source_excerpt(
        minutes.source if minutes else "", directive.source_start, directive.source_end
    )
    today = local_today()
    page = render_template(
        "directives/assignment.html",
        assignment=assignment,
        directive=directive,
        meeting=directive.meeting,
        history=history,
        siblings=services.sibling_assignments(assignment),
        sibling_links=services.reads_everything(user),
        extension=services.pending_extension(assignment),
        forms=forms,
        submitted_key=submitted[0] if submitted else None,
        unsaved_note=unsaved_note,
        changed=changed,
        notice=notice,
        excerpt=excerpt,
        is_overdue=services.is_overdue(assignment, today),
        is_stale=services.is_stale(assignment, services.stale_before()),
        today=today,
        priority_labels=labels.PRIORITY_LABELS,
        entry_title=labels.entry_title,
        max_upload_mb=current_app.config["MAX_UPLOAD_MB"],
        max_files=services.MAX_EVIDENCE_FILES,
    )
    return page, status


def _evidence(storages) -> list[tuple[str, bytes]]:
    return [(storage.filename, storage.read()) for storage in storages or () if storage.filename]


def _apply(key: str, assignment, form):
    """Call the service behind the form ``key``; return the key of what was done."""
    user = _user()
    version = form.version_number
    if key == "start":
        services.start_work(assignment, user, version)
    elif key == "report":
        files = _evidence(form.evidence.data)
        services.report_action(assignment, user, form.note.data, files, version)
    elif key == "close":
        services.close_assignment(assignment, user, form.note.data, version)
    elif key == "return":
        services.return_assignment(assignment, user, form.note.data, version)
    elif key == "drop":
        services.drop_assignment(assignment, user, form.note.data, version)
    elif key == "extension":
        services.request_extension(
            assignment, user, form.due_on.data, form.note.data, version, local_today()
        )
    else:
        approve = bool(form.approve.data)
        services.decide_extension(assignment, user, approve, form.note.data, version)
        return "approve" if approve else "reject"
    return key


@bp.post(
    "/assignments/<int:assignment_id>"
    "/<any(start, report, close, return, drop, extension, decision):key>"
)
@login_required
def change(assignment_id: int, key: str):
    assignment = _assignment_or_404(assignment_id)
    if not any(services.may_ever(_user(), assignment, a) for a in FORM_ACTIONS[key]):
        abort(403)
    form = CHANGE_FORMS[key](prefix=key)
    if not form.validate_on_submit():
        return _render_assignment(assignment, submitted=(key, form), status=400)
    try:
        done = _apply(key, assignment, form)
    except services.AssignmentNotFound:
        abort(404)
    except services.ActionForbidden:
        abort(403)
    except services.InvalidInput as error:
        getattr(form, error.field).errors.append(error.message)
        return _render_assignment(assignment, submitted=(key, form), status=400)
    except services.ChangedMeanwhile as error:
        assignment = _assignment_or_404(assignment_id)
        changed = services.changes_since(assignment, form.seen_number, form.version_number)
        return _render_assignment(
            assignment, submitted=(key, form), changed=changed, notice=error.message, status=409
        )
    except services.ActionUnavailable as error:
        return _render_assignment(
            assignment, submitted=(key, form), notice=error.message, status=409
        )
    flash(labels.DONE_MESSAGES[done], "success")
    return redirect(url_for(".assignment", assignment_id=assignment_id))


@bp.errorhandler(RequestEntityTooLarge)
def request_too_large(error):
    """Answer an upload beyond the request limit on the assignment page, not a bare error."""
    assignment_id = (request.view_args or {}).get("assignment_id")
    if request.endpoint == "directives.change" and current_user.is_authenticated:
        try:
            assignment = services.get_assignment_for(_user(), assignment_id)
        except services.AssignmentNotFound:
            return errors.handle_http_error(error)
        limit = current_app.config["MAX_UPLOAD_MB"]
        notice = _(
            "The files were larger than the limit of %(limit)d MB together, so nothing was"
            " saved. Attach smaller files (or fewer) and submit again.",
            limit=limit,
        )
        return _render_assignment(assignment, notice=notice, status=413)
    return errors.handle_http_error(error)


@bp.get("/attachments/<int:attachment_id>")
@login_required
def attachment(attachment_id: int):
    try:
        found = services.get_attachment_for(_user(), attachment_id)
    except services.AssignmentNotFound:
        abort(404)
    response = send_file(
        io.BytesIO(found.data),
        mimetype=found.content_type,
        as_attachment=True,
        download_name=found.filename,
        etag=found.sha256,
        last_modified=found.created_at,
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-cache"
    return response


# Bulk update ---------------------------------------------------------------------------------


@bp.route("/inbox/bulk", methods=["GET", "POST"])
@login_required
def bulk_upload():
    user = _user()
    form = BulkUploadForm()
    if form.validate_on_submit():
        storage = form.file.data
        if not storage or not storage.filename:
            form.file.errors.append(_("Choose a file to upload."))
        else:
            limit = services.max_upload_bytes()
            try:
                rows = bulk.read_sheet(storage.filename, storage.read(limit + 1), limit)
            except bulk.BulkError as error:
                form.file.errors.append(str(error))
            else:
                checked = bulk.check_rows(user, rows)
                applicable = [row for row in checked if row.is_ok]
                confirm = BulkConfirmForm(formdata=None, rows=bulk.sign(user, checked))
                return render_template(
                    "directives/bulk_preview.html",
                    rows=checked,
                    applicable=len(applicable),
                    confirm=confirm,
                    filename=storage.filename,
                )
    status = 400 if form.errors else 200
    return render_template("directives/bulk_upload.html", form=form), status


@bp.post("/inbox/bulk/confirm")
@login_required
def bulk_confirm():
    user = _user()
    form = BulkConfirmForm()
    if not form.validate_on_submit():
        flash(_("The preview could not be read. Upload the file again."), "error")
        return redirect(url_for(".bulk_upload"))
    try:
        rows = bulk.unsign(user, form.rows.data)
    except bulk.BulkError as error:
        flash(str(error), "error")
        return redirect(url_for(".bulk_upload"))
    outcomes = bulk.apply(user, rows)
    return render_template(
        "directives/bulk_result.html",
        outcomes=outcomes,
        applied=sum(1 for outcome in outcomes if outcome.error is None),
    )


def _spreadsheet_safe(text: str) -> str:
    """Keep a cell from being read as a formula by spreadsheet programs."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


@bp.get("/inbox/bulk/template.csv")
@login_required
def bulk_template():
    """Offer the user's pending assignments as a CSV to fill in and upload."""
    language = current_language()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["assignment", "new_status", "note", "current_status", "due_on", "department", "directive"]
    )
    for item in services.pending_for_export(_user()):
        writer.writerow(
            [
                item.id,
                "",
                "",
                item.status,
                item.due_on.isoformat() if item.due_on else "",
                item.department.name(language),
                _spreadsheet_safe(" ".join(item.directive.action_text.split())),
            ]
        )
    data = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    response = send_file(
        io.BytesIO(data),
        mimetype="text/csv",
        as_attachment=True,
        download_name="assignments.csv",
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
