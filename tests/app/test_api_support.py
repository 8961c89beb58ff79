"""Shared set-up for the API tests: tokens, a client that sends them, and the error body's shape.

No tests live here; the test_api_* modules build their fixtures from these helpers.
"""

from dataclasses import dataclass

from tests.app.test_directives_support import World, build_world, make_user
from tracker.auth.tokens import issue_token
from tracker.models import User

PREFIX = "/api/v1"


def token_for(user: User, name: str = "Test program") -> str:
    """Issue a token for ``user`` and return its secret."""
    _token, secret = issue_token(user, name)
    return secret


@dataclass
class ApiClient:
    """A test client that calls /api/v1 with a bearer token (or with none)."""

    client: object
    secret: str | None
    user: User | None = None

    def headers(self, extra: dict | None = None) -> dict:
        headers = {"Authorization": f"Bearer {self.secret}"} if self.secret else {}
        headers.update(extra or {})
        return headers

    def get(self, path: str, *, headers: dict | None = None, **kwargs):
        return self.client.get(PREFIX + path, headers=self.headers(headers), **kwargs)

    def post(self, path: str, json=None, *, headers: dict | None = None, **kwargs):
        return self.client.post(PREFIX + path, json=json, headers=self.headers(headers), **kwargs)

    def call(self, method: str, path: str, json=None, **kwargs):
        if method == "GET":
            return self.get(path, **kwargs)
        return self.post(path, json, **kwargs)


def api_client(app, user: User | None) -> ApiClient:
    """Return a client acting as ``user`` through a new token of theirs (None: no token)."""
    return ApiClient(app.test_client(), token_for(user) if user else None, user)


def error_of(response, status: int, code: str) -> dict:
    """Check the answer is the API's JSON error with this status and code; return the error."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) <= {"code", "message", "fields"}, error
    assert error["code"] == code, error
    assert isinstance(error["message"], str) and error["message"].strip(), error
    return error


@dataclass
class ApiWorld:
    """The directives tests' district, plus an officer whose department has no part in it."""

    world: World
    stranger: User

    def __getattr__(self, name):
        return getattr(self.world, name)

    def user(self, who: str) -> User:
        return self.stranger if who == "stranger" else self.world.users[who]


def build_api_world(db, create_department, create_committee, create_meeting) -> ApiWorld:
    world = build_world(db, create_department, create_committee, create_meeting)
    health = create_department(code="HEALTH", name_en="Health", name_hi="स्वास्थ्य")
    return ApiWorld(world, make_user(db, "officer", "Pooja Nair", [health]))

