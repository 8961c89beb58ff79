"""Error pages, in the reader's language."""

from flask import Flask, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from tracker.api.errors import error_response, from_http_exception, is_api_request
from tracker.extensions import db
from tracker.routing import UnstorableText

MESSAGES = {
    400: (_l("The request could not be understood"), _l("Please go back and try again.")),
    403: (
        _l("You do not have access to this page"),
        _l(
            "This page belongs to another role or department."
            " Ask your administrator if you need access."
        ),
    ),
    404: (
        _l("Page not found"),
        _l(
            "The page you asked for does not exist or has been moved."
            " Check the address or start from the home page."
        ),
    ),
    405: (_l("That action is not allowed here"), _l("Please use the buttons on the page.")),
    413: (
        _l("The file is too large"),
        _l("Nothing was saved. Go back, choose a smaller file and submit again."),
    ),
    500: (
        _l("Something went wrong on our side"),
        _l(
            "Nothing you did caused this. Please try again in a few minutes;"
            " if it keeps happening, tell your administrator."
        ),
    ),
}
UNSTORABLE_MESSAGE = (
    _l("The text sent holds a character that cannot be stored"),
    _l(
        "A NUL character (sometimes pasted in from another program) was found, so nothing was"
        " saved. Go back, retype the text and submit again."
    ),
)
CSRF_MESSAGE = (
    _l("This form could not be accepted"),
    _l(
        "Your session changed since the page was opened, so nothing was saved."
        " Go back, reload the page and submit again."
    ),
)


def render_error(code: int, title, explanation):
    page = render_template("errors/error.html", code=code, title=title, explanation=explanation)
    return page, code


def handle_http_error(error: HTTPException):
    if is_api_request():
        return from_http_exception(error)
    code = error.code or 500
    if isinstance(error, UnstorableText):
        return render_error(code, *UNSTORABLE_MESSAGE)
    title, explanation = MESSAGES.get(code, (error.name, error.description))
    return render_error(code, title, explanation)


def handle_csrf_error(_error: CSRFError):
    return render_error(400, *CSRF_MESSAGE)


def handle_unexpected_error(_error: Exception):
    # A failed statement leaves the transaction unusable; the error page itself needs the database.
    db.session.rollback()
    if is_api_request():
        title, explanation = MESSAGES[500]
        return error_response(500, "server_error", str(explanation))
    return render_error(500, *MESSAGES[500])


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(500, handle_unexpected_error)
