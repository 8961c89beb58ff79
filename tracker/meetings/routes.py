"""Committees, meetings, minutes and the review of proposed directives."""

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

from tracker.fields import select_choices
from tracker.i18n import current_language
from tracker.meetings import review as review_ops
from tracker.meetings import services
from tracker.meetings.forms import (
    DEPARTMENT_LIST_ID,
    PRIORITY_CHOICES,
    CommitteeForm,
    MeetingForm,
    MinutesForm,
    PublishForm,
    ReviewForm,
)
from tracker.meetings.minutes_import import minutes_from_upload
from tracker.meetings.review_form import cards_from_form, fill_review_form
from tracker.models import Committee
from tracker.rendering import render_markdown
from tracker.routing import id_arg, page_arg
from tracker.uploads import UploadError

bp = Blueprint("meetings", __name__)


def _meeting_or_404(meeting_id: int):
    meeting = services.get_meeting_for(current_user, meeting_id)
    if meeting is None:
        abort(404)
    return meeting


def _editable_meeting(meeting_id: int):
    meeting = _meeting_or_404(meeting_id)
    if not services.can_edit_meeting(current_user, meeting):
        abort(403)
    return meeting


def _department_choices():
    return select_choices((d.id, d.name(_language())) for d in services.active_departments())


def _people(role: str):
    return select_choices([("", "—")] + [(u.id, u.name) for u in services.users_with_role(role)])


def _language() -> str:
    return current_language()


# Committees -------------------------------------------------------------------------------


@bp.get("/committees")
@login_required
def committees():
    return render_template(
        "meetings/committees.html",
        committees=services.list_committees(),
        can_add=services.can_manage_committees(current_user),
        can_edit=lambda c: services.can_edit_committee(current_user, c),
    )


def _committee_form(committee: Committee | None) -> CommitteeForm:
    form = CommitteeForm(obj=committee)
    if committee is not None and request.method == "GET":
        form.department_ids.data = [d.id for d in committee.departments]
    form.chair_id.choices = _people("chair")
    form.secretary_id.choices = _people("secretary")
    form.department_ids.choices = _department_choices()
    return form


def _save_committee(committee: Committee | None):
    form = _committee_form(committee)
    if form.validate_on_submit():
        data = services.CommitteeData(
            name_en=form.name_en.data,
            name_hi=form.name_hi.data,
            chair_id=form.chair_id.data,
            secretary_id=form.secretary_id.data,
            department_ids=tuple(form.department_ids.data or ()),
        )
        try:
            services.save_committee(data, current_user, committee)
        except services.MeetingError as error:
            flash(str(error), "error")
        else:
            flash(_("The committee has been saved."), "success")
            return redirect(url_for("meetings.committees"))
    return render_template("meetings/committee_form.html", form=form, committee=committee)


@bp.route("/committees/new", methods=["GET", "POST"])
@login_required
def new_committee():
    if not services.can_manage_committees(current_user):
        abort(403)
    return _save_committee(None)


@bp.route("/committees/<int:committee_id>/edit", methods=["GET", "POST"])
@login_required
def edit_committee(committee_id: int):
    committee = services.get_committee(committee_id) or abort(404)
    if not services.can_edit_committee(current_user, committee):
        abort(403)
    return _save_committee(committee)


# Meetings ---------------------------------------------------------------------------------


@bp.get("/meetings")
@login_required
def index():
    committee_id = request.args.get("committee", type=id_arg)
    page = services.list_meetings(
        current_user,
        committee_id=committee_id,
        page=request.args.get("page", 1, type=page_arg),
        per_page=current_app.config["PER_PAGE"],
    )
    return render_template(
        "meetings/index.html",
        page=page,
        committees=services.list_committees(),
        committee_id=committee_id,
        can_add=bool(services.editable_committees(current_user)),
    )


def _meeting_form(meeting=None) -> MeetingForm:
    form = MeetingForm(obj=meeting)
    committees = services.editable_committees(current_user)
    form.committee_id.choices = select_choices((c.id, c.name(_language())) for c in committees)
    form.chair_id.choices = _people("chair")
    form.department_ids.choices = _department_choices()
    if request.method == "GET":
        if meeting is not None:
            form.department_ids.data = [d.id for d in meeting.departments_present]
        else:
            chosen = request.args.get("committee", type=id_arg)
            committee = next((c for c in committees if c.id == chosen), None)
            committee = committee or (committees[0] if len(committees) == 1 else None)
            if committee is not None:
                form.committee_id.data = committee.id
                form.chair_id.data = committee.chair_id
                form.department_ids.data = [d.id for d in committee.departments]
    return form


def _meeting_data(form: MeetingForm) -> services.MeetingData:
    return services.MeetingData(
        committee_id=form.committee_id.data,
        title=form.title.data,
        held_on=form.held_on.data,
        starts_at=form.starts_at.data,
        venue=form.venue.data or "",
        chair_id=form.chair_id.data,
        language=form.language.data,
        department_ids=tuple(form.department_ids.data or ()),
        attendees=form.attendees.data or "",
    )


@bp.route("/meetings/new", methods=["GET", "POST"])
@login_required
def new():
    if not services.editable_committees(current_user):
        abort(403)
    form = _meeting_form()
    if form.validate_on_submit():
        try:
            meeting = services.create_meeting(_meeting_data(form), current_user)
        except services.MeetingError as error:
            flash(str(error), "error")
        else:
            flash(_("The meeting has been recorded. Now add its minutes."), "success")
            return redirect(url_for("meetings.minutes", meeting_id=meeting.id))
    return render_template("meetings/meeting_form.html", form=form, meeting=None)


@bp.route("/meetings/<int:meeting_id>/edit", methods=["GET", "POST"])
@login_required
def edit(meeting_id: int):
    meeting = _editable_meeting(meeting_id)
    form = _meeting_form(meeting)
    form.committee_id.choices = select_choices(
        [(meeting.committee_id, meeting.committee.name(_language()))]
    )
    if form.validate_on_submit():
        try:
            services.update_meeting(meeting, _meeting_data(form), current_user)
        except services.MeetingError as error:
            flash(str(error), "error")
        else:
            flash(_("The meeting has been saved."), "success")
            return redirect(url_for("meetings.show", meeting_id=meeting.id))
    return render_template("meetings/meeting_form.html", form=form, meeting=meeting)


@bp.get("/meetings/<int:meeting_id>")
@login_required
def show(meeting_id: int):
    meeting = _meeting_or_404(meeting_id)
    return render_template(
        "meetings/show.html",
        meeting=meeting,
        directives=services.meeting_directives(meeting),
        earlier=services.earlier_open_directives(meeting),
        can_edit=services.can_edit_meeting(current_user, meeting),
        publish_form=PublishForm(),
    )


@bp.get("/meetings/<int:meeting_id>/minutes/<int:number>")
@login_required
def minutes_version(meeting_id: int, number: int):
    meeting = _meeting_or_404(meeting_id)
    version = services.minutes_version(meeting, number) or abort(404)
    return render_template("meetings/minutes_version.html", meeting=meeting, version=version)


@bp.route("/meetings/<int:meeting_id>/minutes", methods=["GET", "POST"])
@login_required
def minutes(meeting_id: int):
    meeting = _editable_meeting(meeting_id)
    current = meeting.minutes
    form = MinutesForm(
        source=current.source if current else "", language=meeting.language
    )
    if form.validate_on_submit():
        source = form.source.data or ""
        upload = form.upload.data
        try:
            if upload and upload.filename:
                limit = current_app.config["MAX_UPLOAD_MB"] * 1024 * 1024
                source = minutes_from_upload(upload.filename, upload.read(), limit)
            services.save_minutes(meeting, source, form.language.data, current_user)
        except UploadError as error:
            form.upload.errors.append(str(error))
        except services.MeetingError as error:
            flash(str(error), "error")
        else:
            flash(_("The minutes have been saved."), "success")
            if upload and upload.filename:
                return redirect(url_for("meetings.minutes", meeting_id=meeting.id))
            return redirect(url_for("meetings.show", meeting_id=meeting.id))
    return render_template(
        "meetings/minutes_form.html",
        form=form,
        meeting=meeting,
        max_bytes=current_app.config["MAX_UPLOAD_MB"] * 1024 * 1024,
    )


@bp.post("/meetings/preview")
@login_required
def preview():
    return str(render_markdown(request.form.get("source", "")))


@bp.post("/meetings/<int:meeting_id>/publish")
@login_required
def publish(meeting_id: int):
    meeting = _editable_meeting(meeting_id)
    if PublishForm().validate_on_submit():
        try:
            services.publish_meeting(meeting, current_user)
        except services.MeetingError as error:
            flash(str(error), "error")
        else:
            flash(_("The minutes are published. Corrections will be kept as new versions."),
                  "success")  # fmt: skip
    return redirect(url_for("meetings.show", meeting_id=meeting.id))


# Review -----------------------------------------------------------------------------------


@bp.route("/meetings/<int:meeting_id>/review", methods=["GET", "POST"])
@login_required
def review(meeting_id: int):
    meeting = _editable_meeting(meeting_id)
    if meeting.minutes is None or not meeting.minutes.source.strip():
        flash(_("Write or upload the minutes first; directives are found in them."), "error")
        return redirect(url_for("meetings.minutes", meeting_id=meeting.id))
    departments = services.active_departments()
    if request.method == "POST":
        form = ReviewForm()
        context = fill_review_form(form, meeting, departments, proposals=None)
        if form.validate():
            cards = cards_from_form(form, departments)
            if cards is not None:
                try:
                    result = review_ops.confirm(meeting, current_user, cards)
                except services.MeetingError as error:
                    flash(str(error), "error")
                else:
                    flash(
                        _("%(created)d directives confirmed and sent to their departments;"
                          " %(skipped)d already confirmed were left as they were.",
                          created=len(result.created), skipped=result.duplicates),
                        "success",
                    )  # fmt: skip
                    return redirect(url_for("meetings.show", meeting_id=meeting.id))
    else:
        found = review_ops.propose(meeting)
        form = ReviewForm(formdata=None)
        context = fill_review_form(form, meeting, departments, proposals=found.proposals)
    return render_template(
        "meetings/review.html",
        meeting=meeting,
        form=form,
        department_list_id=DEPARTMENT_LIST_ID,
        departments=departments,
        priority_choices=PRIORITY_CHOICES,
        **context,
    )
