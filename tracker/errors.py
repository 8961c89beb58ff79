"""Error pages, in the reader's language."""

from flask import Flask, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

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
    code = error.code or 500
    title, explanation = MESSAGES.get(code, (error.name, error.description))
    return render_error(code, title, explanation)


def handle_csrf_error(_error: CSRFError):
    return render_error(400, *CSRF_MESSAGE)


def handle_unexpected_error(_error: Exception):
    return render_error(500, *MESSAGES[500])


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(500, handle_unexpected_error)
