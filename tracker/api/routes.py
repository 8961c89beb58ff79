"""The JSON API, version 1: the same services as the web pages, with bearer tokens."""

from flask import current_app, g, request
from flask_limiter.util import get_remote_address
from flask_smorest import Blueprint
from marshmallow import RAISE
from werkzeug.exceptions import RequestEntityTooLarge

from tracker.api import schemas
from tracker.api import services as api
from tracker.api.errors import ApiError
from tracker.auth.tokens import hash_token, user_for_token
from tracker.extensions import csrf, limiter

bp = Blueprint(
    "api",
    __name__,
    url_prefix="/api/v1",
    description="Committees, meetings, directives and the work departments owe on them.",
)
# Programs send tokens, not session cookies, so there is no form to forge.
csrf.exempt(bp)


def bearer_token() -> str | None:
    """Return the token of an ``Authorization: Bearer …`` header, however the header is spaced."""
    scheme, _space, token = request.headers.get("Authorization", "").strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def rate_limit_key() -> str:
    """Count requests per token, written however it is; per address for those that carry none."""
    token = bearer_token()
    return "token:" + hash_token(token) if token else "address:" + get_remote_address()


# One count per token for the whole API, not one per endpoint.
limiter.shared_limit(
    lambda: current_app.config["API_RATE_LIMIT"], scope="api", key_func=rate_limit_key
)(bp)
# Requests refused for a bad token are also counted per address, so guessing tokens (each guess
# a new key above) soon meets a limit.
limiter.shared_limit(
    lambda: current_app.config["API_FAILED_AUTH_LIMIT"],
    scope="api-refused",
    key_func=get_remote_address,
    deduct_when=lambda response: response.status_code == 401,
)(bp)

ERROR = schemas.ErrorSchema
# Query parameters the document does not name are refused, not ignored: a misspelt filter
# would otherwise return everything. Unknown fields in bodies are refused by the schemas.
ERROR_TEXTS = {
    401: "No valid API token was sent.",
    403: "The token's user may not do this.",
    404: "Not found, or not visible to the token's user.",
    409: "The resource changed meanwhile, or already exists.",
    413: "The request body is too large.",
    422: "The request is not valid, or the state machine refuses it.",
    429: "Too many requests with this token.",
}


def errors(*statuses: int):
    """Document the error answers an endpoint can give, beside the ones every endpoint gives."""

    def decorate(view):
        for status in sorted({401, 429, *statuses}, reverse=True):
            view = bp.alt_response(status, schema=ERROR, description=ERROR_TEXTS[status])(view)
        return view

    return decorate


@bp.before_request
def authenticate() -> None:
    """Act as the user whose token the request carries; refuse requests without one."""
    limit = int(current_app.config["API_MAX_BODY_KB"]) * 1024
    request.max_content_length = limit
    token = bearer_token()
    user = user_for_token(token) if token else None
    if user is None:
        raise ApiError(401, "unauthorized", api.unauthorised_message())
    # Checked here too: a hook that ran earlier may already have opened the body without a limit.
    if (request.content_length or 0) > limit:
        raise RequestEntityTooLarge()
    g.api_user = user


def _page(result, args: dict) -> dict:
    """Return a page as the API's lists give it; a page past the end is empty."""
    items = list(result.items) if result.page == args["page"] else []
    return {
        "items": items,
        "page": args["page"],
        "per_page": args["per_page"],
        "total": result.total,
        "pages": max(1, result.pages),
    }


@bp.get("/departments")
@bp.arguments(schemas.PageArgsSchema, location="query", unknown=RAISE)
@bp.response(200, schemas.DepartmentPageSchema)
@errors()
def departments(args):
    """List the departments, with their aliases."""
    return _page(api.departments_page(args["page"], args["per_page"]), args)


@bp.get("/committees")
@bp.arguments(schemas.PageArgsSchema, location="query", unknown=RAISE)
@bp.response(200, schemas.CommitteePageSchema)
@errors()
def committees(args):
    """List the committees, with their chairs, secretaries and member departments."""
    return _page(api.committees_page(args["page"], args["per_page"]), args)


@bp.post("/meetings")
@bp.arguments(schemas.MeetingInSchema)
@bp.response(201, schemas.MeetingSchema)
@errors(403, 413)
def create_meeting(data):
    """Record a meeting of a committee, with its minutes.

    Only the committee's member-secretary or an administrator may.
    """
    return api.meeting_body(api.create_meeting(g.api_user, data))


@bp.get("/meetings/<int:meeting_id>")
@bp.response(200, schemas.MeetingSchema)
@errors(404)
def meeting(meeting_id):
    """Read a meeting: its minutes, and its directives with their assignments."""
    return api.meeting_body(api.readable_meeting(g.api_user, meeting_id))


@bp.post("/meetings/<int:meeting_id>/extract")
@bp.response(200, schemas.ExtractionSchema)
@errors(403, 404)
def extract(meeting_id):
    """Propose the directives in the meeting's minutes.

    Nothing is saved: confirm each directive with POST /meetings/{id}/directives. The answer
    has the same shape as `flask extract --json`.
    """
    return api.extract_for(g.api_user, meeting_id)


@bp.post("/meetings/<int:meeting_id>/directives")
@bp.arguments(schemas.DirectiveInSchema)
@bp.response(201, schemas.DirectiveSchema)
@errors(403, 404, 409, 413)
def add_directive(data, meeting_id):
    """Confirm a directive of the meeting: one assignment is made per department.

    A directive the meeting already has (the same text or the same span) gives 409.
    """
    return api.add_directive(g.api_user, meeting_id, data)


@bp.get("/assignments")
@bp.arguments(schemas.AssignmentListArgsSchema, location="query", unknown=RAISE)
@bp.response(200, schemas.AssignmentPageSchema)
@errors(403)
def assignments(args):
    """List the assignments the token's user may see, overdue first, then by due date.

    An officer sees only the departments they act for.
    """
    return _page(api.assignments_page(g.api_user, args), args)


@bp.get("/assignments/<int:assignment_id>")
@bp.response(200, schemas.AssignmentDetailSchema)
@errors(404)
def assignment(assignment_id):
    """Read an assignment with its history and the transitions the user may make now."""
    return api.assignment_view(g.api_user, assignment_id)


@bp.post("/assignments/<int:assignment_id>/transitions")
@bp.arguments(schemas.TransitionInSchema)
@bp.response(200, schemas.AssignmentDetailSchema)
@errors(403, 404, 409, 413)
def transition(data, assignment_id):
    """Move an assignment on: start, report, close, return, drop, or ask for more time.

    `version` is the one last read; if the assignment changed since, nothing is saved (409).
    A transition the state machine does not allow from the present status gives 422.
    """
    return api.transition(g.api_user, assignment_id, data)


@bp.get("/dashboard")
@bp.arguments(schemas.DashboardArgsSchema, location="query", unknown=RAISE)
@bp.response(200, schemas.DashboardSchema)
@errors(403)
def dashboard(args):
    """Read the chair's dashboard: the totals and the department table, worst first."""
    return api.dashboard(g.api_user, args)
