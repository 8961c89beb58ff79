"""The home page, which differs by role."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from tracker.clock import local_today
from tracker.dashboard import queries
from tracker.models import Committee

bp = Blueprint("dashboard", __name__)


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
    else:
        context["counts"] = queries.installation_counts()
    return render_template(f"dashboard/home_{user.role}.html", **context)
