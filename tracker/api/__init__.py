"""The JSON API (/api/v1), its OpenAPI document and the page that explains it."""

from flask import Flask
from flask_smorest import Api
from flask_smorest.spec.plugins import integerconverter2paramschema

from tracker.api.errors import ApiError, handle_api_error
from tracker.api.schemas import ErrorSchema
from tracker.routing import IdConverter

SECURITY = {"bearerAuth": {"type": "http", "scheme": "bearer", "description": "An API token."}}


class TrackerApi(Api):
    """flask-smorest's Api, with the tracker's error body in the document."""

    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self) -> None:
        """Leave errors to tracker.errors, which answers API paths in JSON and pages in HTML."""


api = TrackerApi()


def init_app(app: Flask) -> None:
    from tracker.api import reference, routes

    app.config.setdefault(
        "API_SPEC_OPTIONS",
        {
            "components": {"securitySchemes": SECURITY},
            "security": [{"bearerAuth": []}],
            "info": {
                "description": (
                    "Every request carries `Authorization: Bearer <token>`; a user makes tokens on"
                    " their profile page or with `flask users token EMAIL`. Requests act as that"
                    " user, with that user's permissions. Errors are"
                    ' `{"error": {"code": …, "message": …}}`.'
                )
            },
        },
    )
    api.init_app(app)
    api.register_converter(IdConverter, integerconverter2paramschema)
    api.register_blueprint(routes.bp)
    app.register_blueprint(reference.bp)
    app.register_error_handler(ApiError, handle_api_error)
