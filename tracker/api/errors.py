"""The API's error answers: ``{"error": {"code": …, "message": …}}`` with the right status."""

from flask import jsonify, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

#: The codes an error body carries for each HTTP status, when nothing more precise applies.
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "rate_limited",
    500: "server_error",
}


class ApiError(Exception):
    """A request the API refuses, with a status, a stable code and a message for people."""

    def __init__(self, status: int, code: str, message: str, fields: dict | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields


def is_api_request() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, code: str, message: str, fields: dict | None = None, headers=None):
    error = {"code": code, "message": str(message)}
    if fields:
        error["fields"] = fields
    response = jsonify({"error": error})
    response.status_code = status
    if headers:
        response.headers.update(headers)
    return response


def handle_api_error(error: ApiError):
    headers = {"WWW-Authenticate": 'Bearer realm="tracker"'} if error.status == 401 else None
    return error_response(error.status, error.code, error.message, error.fields, headers)


def _messages() -> dict[int, str]:
    return {
        400: _("The request could not be understood."),
        401: _("Send a valid API token: Authorization: Bearer <token>."),
        403: _("Your token's user may not do this."),
        404: _("There is no such resource, or your token's user may not see it."),
        405: _("This method is not allowed here."),
        409: _("The resource changed meanwhile."),
        413: _("The request body is larger than the API accepts."),
        415: _("Send the request body as JSON (Content-Type: application/json)."),
        422: _("Some fields of the request are missing or not valid."),
        429: _("Too many requests with this token; wait a little and try again."),
        500: _("Something went wrong on our side; nothing you sent caused it."),
    }


def from_http_exception(error: HTTPException):
    """Answer an HTTP error raised on an API path (routing, limits, validation) as JSON."""
    status = error.code or 500
    code = STATUS_CODES.get(status, "error")
    message = _messages().get(status, error.description or error.name)
    data = getattr(error, "data", None) or {}
    fields = data.get("errors") or data.get("messages")
    if isinstance(fields, dict) and len(fields) == 1:
        # webargs keys the problems by where they were found ("json", "query"); one place
        # needs no such level.
        (only,) = fields.values()
        if isinstance(only, dict):
            fields = only
    # Keep what the error itself says in headers (Allow on a 405), but answer in JSON.
    headers = {name: value for name, value in error.get_headers() if name.lower() != "content-type"}
    headers.update(data.get("headers") or {})
    if status == 401:
        headers.setdefault("WWW-Authenticate", 'Bearer realm="tracker"')
    return error_response(status, code, message, fields if isinstance(fields, dict) else None,
                          headers)  # fmt: skip
