"""The API as a whole: its error answers on every endpoint, its limits, its document and pages."""

import re

import pytest
from sqlalchemy import func, select

from tests.app.test_api_support import ApiClient, api_client, error_of, token_for
from tests.app.test_directives_support import fresh, post_change, signed_in
from tests.conftest import ServerLikeClient, config_for, skip_or_fail
from tracker import create_app
from tracker.extensions import db as _db
from tracker.models import Directive, Meeting, StatusChange

REDIS_URL = "redis://127.0.0.1:6379/15"




def meeting_in(world) -> dict:
    return {"committee": world.committee.id, "date": "2026-04-06", "title": "दूसरी बैठक",
            "language": "hi", "minutes": "बैठक में चर्चा हुई।"}  # fmt: skip


def directive_in(world) -> dict:
    return {"text": "Survey the brick kilns.", "departments": ["BASIC_EDU"]}


def duplicate_in(world) -> dict:
    return {"text": world.directive.action_text, "departments": ["BASIC_EDU"]}


#: Every operation of the API, as the OpenAPI document names it, with a request that is valid
#: for the world's users (``None``: no body).
OPERATIONS = {
    ("GET", "/api/v1/departments"): None,
    ("GET", "/api/v1/committees"): None,
    ("POST", "/api/v1/meetings"): meeting_in,
    ("GET", "/api/v1/meetings/{meeting_id}"): None,
    ("POST", "/api/v1/meetings/{meeting_id}/extract"): None,
    ("POST", "/api/v1/meetings/{meeting_id}/directives"): directive_in,
    ("GET", "/api/v1/assignments"): None,
    ("GET", "/api/v1/assignments/{assignment_id}"): None,
    ("POST", "/api/v1/assignments/{assignment_id}/transitions"): (
        lambda world: {"to": "in_progress", "version": 1}
    ),
    ("GET", "/api/v1/dashboard"): None,
}


def concrete(world, template: str) -> str:
    """Return the path under /api/v1 with the world's meeting and assignment filled in."""
    path = template.format(meeting_id=world.meeting.id, assignment_id=world.mine.id)
    return path.removeprefix("/api/v1")


def documented_operations(client) -> dict[tuple[str, str], set[int]]:
    spec = client.get("/api/v1/openapi.json").get_json()
    return {
        (method.upper(), path): {int(status) for status in operation["responses"]
                                 if status.isdigit()}
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    }  # fmt: skip


def test_the_tests_know_every_operation_of_the_document(client):
    assert set(documented_operations(client)) == set(OPERATIONS)


# Errors, endpoint by endpoint ---------------------------------------------------------------

#: (method, path, who, body, status, code): one refusal for each error each operation documents
#: beside 401, 413 and 429, which the tests below try on every operation that documents them.
ERRORS = [
    ("GET", "/api/v1/departments?per_page=0", "officer", None, 422, "invalid_input"),
    ("GET", "/api/v1/committees?page=0", "officer", None, 422, "invalid_input"),
    ("POST", "/api/v1/meetings", "officer", meeting_in, 403, "forbidden"),
    ("POST", "/api/v1/meetings", "secretary", lambda w: {**meeting_in(w), "title": ""}, 422,
     "invalid_input"),
    ("GET", "/api/v1/meetings/{meeting_id}", "stranger", None, 404, "not_found"),
    ("POST", "/api/v1/meetings/{meeting_id}/extract", "officer", None, 403, "forbidden"),
    ("POST", "/api/v1/meetings/{meeting_id}/extract", "stranger", None, 404, "not_found"),
    ("POST", "/api/v1/meetings/{meeting_id}/directives", "other_secretary", directive_in, 403,
     "forbidden"),
    ("POST", "/api/v1/meetings/{meeting_id}/directives", "stranger", directive_in, 404,
     "not_found"),
    ("POST", "/api/v1/meetings/{meeting_id}/directives", "secretary", duplicate_in, 409,
     "duplicate"),
    ("POST", "/api/v1/meetings/{meeting_id}/directives", "secretary",
     lambda w: {**directive_in(w), "departments": ["NOPE"]}, 422, "invalid_input"),
    ("GET", "/api/v1/assignments?department=POLICE", "officer", None, 403, "forbidden"),
    ("GET", "/api/v1/assignments?per_page=201", "officer", None, 422, "invalid_input"),
    ("GET", "/api/v1/assignments/{assignment_id}", "police_officer", None, 404, "not_found"),
    ("POST", "/api/v1/assignments/{assignment_id}/transitions", "officer",
     lambda w: {"to": "closed", "version": 1}, 403, "forbidden"),
    ("POST", "/api/v1/assignments/{assignment_id}/transitions", "police_officer",
     lambda w: {"to": "in_progress", "version": 1}, 404, "not_found"),
    ("POST", "/api/v1/assignments/{assignment_id}/transitions", "officer",
     lambda w: {"to": "in_progress", "version": 7}, 409, "stale_version"),
    ("POST", "/api/v1/assignments/{assignment_id}/transitions", "chair",
     lambda w: {"to": "closed", "version": 1}, 422, "transition_refused"),
    ("POST", "/api/v1/assignments/{assignment_id}/transitions", "officer",
     lambda w: {"to": "reported", "version": 1}, 422, "invalid_input"),
    ("GET", "/api/v1/dashboard", "officer", None, 403, "forbidden"),
    ("GET", "/api/v1/dashboard?due_from=2026-05-01&due_to=2026-04-01", "chair", None, 422,
     "invalid_input"),
]  # fmt: skip
#: Errors every operation may give, tried on each below.
EVERYWHERE = {401, 429}
BODY_LIMITED = {413}


def test_every_documented_error_is_tried(client):
    tried = {(method, path.split("?")[0], status) for method, path, _w, _b, status, _c in ERRORS}
    for (method, path), statuses in documented_operations(client).items():
        assert statuses >= EVERYWHERE, (method, path)
        for status in statuses - {200, 201} - EVERYWHERE:
            if status in BODY_LIMITED:
                assert OPERATIONS[(method, path)] is not None, (method, path)
            else:
                assert (method, path, status) in tried, (method, path, status)


@pytest.mark.parametrize(("method", "template", "who", "body", "status", "code"), ERRORS)
def test_each_endpoint_answers_its_errors_in_json(db, world, as_, method, template, who, body,
                                                 status, code):  # fmt: skip
    meetings, directives = db.session.scalar(select(func.count(Meeting.id))), db.session.scalar(
        select(func.count(Directive.id))
    )
    changes = db.session.scalar(select(func.count(StatusChange.id)))

    response = as_(who).call(method, concrete(world, template), body(world) if body else None)

    error_of(response, status, code)
    db.session.expire_all()
    assert db.session.scalar(select(func.count(Meeting.id))) == meetings
    assert db.session.scalar(select(func.count(Directive.id))) == directives
    assert db.session.scalar(select(func.count(StatusChange.id))) == changes
    assert fresh(db, world.mine).version == 1


@pytest.mark.parametrize(("method", "template"), OPERATIONS)
@pytest.mark.parametrize("header", [None, "Bearer trk_forged", "Basic YWRtaW46YWRtaW4="])
def test_every_endpoint_refuses_a_request_without_a_valid_token(app, db, world, method, template,
                                                                header):  # fmt: skip
    api = ApiClient(app.test_client(), None)
    headers = {"Authorization": header} if header else {}
    body = OPERATIONS[(method, template)]

    response = api.call(method, concrete(world, template), body(world) if body else None,
                        headers=headers)  # fmt: skip

    error_of(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="tracker"'
    assert db.session.scalar(select(func.count(Meeting.id))) == 1
    assert fresh(db, world.mine).version == 1


@pytest.mark.parametrize(("method", "template"), OPERATIONS)
def test_every_endpoint_is_rate_limited_per_token(app, world, as_, method, template):
    app.config["API_RATE_LIMIT"] = "1 per minute"
    body = OPERATIONS[(method, template)]
    path = concrete(world, template)
    first = as_("admin").call(method, path, body(world) if body else None)
    assert first.status_code != 429

    second = as_("admin").call(method, path, body(world) if body else None)

    error = error_of(second, 429, "rate_limited")
    assert error["message"] == "Too many requests with this token; wait a little and try again."
    assert second.headers["X-RateLimit-Limit"] == "1"
    assert second.headers["X-RateLimit-Remaining"] == "0"
    assert int(second.headers["Retry-After"]) > 0
    # Another token, even of the same user, has a count of its own.
    other = ApiClient(app.test_client(), token_for(world.admin, "Second program"))
    assert other.call(method, path, body(world) if body else None).status_code != 429


# Rate limits ---------------------------------------------------------------------------------


def test_the_fourth_request_in_a_minute_is_refused(app, db, world, as_):
    app.config["API_RATE_LIMIT"] = "3 per minute"
    officer = as_("officer")
    # The count is the token's across the whole API, not one per endpoint.
    answers = [officer.get("/assignments"), officer.get("/departments"),
               officer.get(f"/assignments/{world.mine.id}")]  # fmt: skip
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert [answer.headers["X-RateLimit-Remaining"] for answer in answers] == ["2", "1", "0"]

    error = error_of(officer.post(f"/assignments/{world.mine.id}/transitions",
                                  {"to": "in_progress", "version": 1}), 429,
                     "rate_limited")  # fmt: skip

    assert error["message"] == "Too many requests with this token; wait a little and try again."
    assert fresh(db, world.mine).status == "open"
    error_of(officer.get("/committees"), 429, "rate_limited")
    assert as_("police_officer").get("/assignments").status_code == 200
    assert as_("colleague").get("/assignments").status_code == 200


def test_requests_without_a_token_are_counted_by_address(app, world):
    app.config["API_RATE_LIMIT"] = "3 per minute"
    anonymous = ApiClient(app.test_client(), None)
    assert [anonymous.get("/assignments").status_code for _ in range(3)] == [401, 401, 401]
    error_of(anonymous.get("/assignments"), 429, "rate_limited")
    assert api_client(app, world.officer).get("/assignments").status_code == 200


def test_guessing_tokens_from_one_address_soon_meets_a_limit(app, world):
    app.config["API_FAILED_AUTH_LIMIT"] = "3 per minute"
    guesser = app.test_client()
    # Each guess is a different token, so the per-token count alone would never stop them.
    answers = [
        guesser.get("/api/v1/assignments", headers={"Authorization": f"Bearer trk_guess{n}"})
        for n in range(4)
    ]
    assert [answer.status_code for answer in answers] == [401, 401, 401, 429]
    assert answers[3].get_json()["error"]["code"] == "rate_limited"


def test_successful_requests_do_not_count_towards_the_refused_limit(app, world):
    app.config["API_FAILED_AUTH_LIMIT"] = "2 per minute"
    api = api_client(app, world.officer)
    assert [api.get("/assignments").status_code for _ in range(5)] == [200] * 5


@pytest.mark.parametrize(
    "variant", ["bearer {secret}", "BEARER {secret}", "Bearer  {secret}", "Bearer {secret} "]
)
def test_the_same_token_written_differently_shares_one_count(app, world, variant):
    app.config["API_RATE_LIMIT"] = "3 per minute"
    api = api_client(app, world.officer)
    assert [api.get("/assignments").status_code for _ in range(3)] == [200, 200, 200]
    header = {"Authorization": variant.format(secret=api.secret)}
    response = app.test_client().get("/api/v1/assignments", headers=header)
    error_of(response, 429, "rate_limited")


def test_the_web_pages_are_not_rate_limited(app, world):
    app.config["API_RATE_LIMIT"] = "1 per minute"
    web = signed_in(app, world.officer)
    assert [web.get("/inbox").status_code for _ in range(4)] == [200] * 4


@pytest.fixture
def redis_server():
    redis = pytest.importorskip("redis")
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.RedisError as error:
        skip_or_fail(f"Redis is not reachable at {REDIS_URL}: {error}")
    yield server
    server.close()


@pytest.fixture
def redis_app(app, database_url, redis_server):
    """An app on the same database as ``app`` whose rate-limit counts are kept in Redis."""
    settings = {"RATELIMIT_STORAGE_URI": REDIS_URL, "API_RATE_LIMIT": "3 per minute"}
    config = type("RedisLimitConfig", (config_for(database_url),), settings)
    other = create_app(config)
    other.test_client_class = ServerLikeClient
    yield other
    with other.app_context():
        _db.engine.dispose()


def test_the_rate_limit_is_kept_in_redis(redis_app, redis_server, world):
    # Each test run's tokens are new, so counts left in Redis by earlier runs do not matter.
    secret, other_secret = token_for(world.officer), token_for(world.chair)
    api = ApiClient(redis_app.test_client(), secret)
    keys_before = set(redis_server.keys("LIMITS:*"))

    assert [api.get("/assignments").status_code for _ in range(3)] == [200, 200, 200]
    error = error_of(api.get("/assignments"), 429, "rate_limited")

    assert error["message"] == "Too many requests with this token; wait a little and try again."
    (counted,) = set(redis_server.keys("LIMITS:*")) - keys_before
    assert b"token:" in counted
    assert int(redis_server.get(counted)) >= 3
    assert ApiClient(redis_app.test_client(), other_secret).get("/assignments").status_code == 200
    # A second app server, sharing the Redis, sees the same count.
    second_server = ApiClient(redis_app.test_client(), secret)
    error_of(second_server.get("/departments"), 429, "rate_limited")


# Request bodies -------------------------------------------------------------------------------

LARGE = "बैठक " * 400


@pytest.mark.parametrize(
    ("path", "who", "body"),
    [
        ("/meetings", "secretary", lambda w: {**meeting_in(w), "minutes": LARGE}),
        ("/meetings/{meeting_id}/directives", "secretary",
         lambda w: {**directive_in(w), "text": LARGE}),
        ("/assignments/{assignment_id}/transitions", "officer",
         lambda w: {"to": "reported", "version": 1, "note": LARGE}),
    ],
)  # fmt: skip
def test_a_body_over_the_limit_is_refused_before_it_is_read(app, db, world, as_, path, who, body):
    app.config["API_MAX_BODY_KB"] = 1
    before = (db.session.scalar(select(func.count(Meeting.id))),
              db.session.scalar(select(func.count(Directive.id))))  # fmt: skip

    response = as_(who).post(concrete(world, path), body(world))

    error = error_of(response, 413, "payload_too_large")
    assert error["message"] == "The request body is larger than the API accepts."
    db.session.expire_all()
    assert (db.session.scalar(select(func.count(Meeting.id))),
            db.session.scalar(select(func.count(Directive.id)))) == before  # fmt: skip
    assert fresh(db, world.mine).status == "open"


def test_a_body_just_under_the_limit_is_accepted(app, db, world, as_):
    app.config["API_MAX_BODY_KB"] = 1
    note = "x" * 950
    body = {"to": "reported", "version": 1, "note": note}

    response = as_("officer").post(f"/assignments/{world.mine.id}/transitions", body)

    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["history"][-1]["note"] == note
    larger = {**body, "version": 2, "note": note + "x" * 100}
    response = as_("officer").post(f"/assignments/{world.mine.id}/transitions", larger)
    error_of(response, 413, "payload_too_large")


def test_the_api_body_limit_does_not_apply_to_the_web_pages(app, world):
    app.config["API_MAX_BODY_KB"] = 1
    web = signed_in(app, world.officer)
    response = post_change(web, world.mine, "report", note="y" * 5000)
    assert response.status_code == 302
    assert fresh(_db, world.mine).status == "reported"


# The document and the reference page -----------------------------------------------------------


def test_the_document_is_openapi_3_1_with_bearer_tokens(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"] == "3.1.0"
    assert spec["info"]["title"] == "Directive Tracker API"
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http", "scheme": "bearer", "description": "An API token."
    }  # fmt: skip
    assert spec["security"] == [{"bearerAuth": []}]
    error = spec["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]


@pytest.mark.parametrize(
    ("how", "lang", "brand"),
    [("anonymous", "en", "Directive Tracker"), ("accept-language", "hi", "निर्देश अनुपालन ट्रैकर"),
     ("user", "hi", "निर्देश अनुपालन ट्रैकर"), ("user-en", "en", "Directive Tracker")],
)  # fmt: skip
def test_the_reference_page_lists_every_path_of_the_document(app, client, create_user, how, lang,
                                                             brand):  # fmt: skip
    headers = {}
    if how == "accept-language":
        headers["Accept-Language"] = "hi-IN,hi;q=0.9"
    if how.startswith("user"):
        user = create_user("officer", language="hi" if how == "user" else "en")
        client = signed_in(app, user)

    response = client.get("/api/v1/docs", headers=headers)

    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    assert brand in page
    operations = documented_operations(app.test_client())
    assert len(operations) == len(OPERATIONS)
    for method, path in operations:
        assert f"<code>{method} {path}</code>" in page, (method, path)
    anchors = re.findall(r'<section class="api-endpoint" id="([^"]+)">', page)
    assert len(anchors) == len(set(anchors)) == len(operations)
    assert 'href="/api/v1/openapi.json"' in page
    for schema in ("TransitionIn", "AssignmentDetail", "Error"):
        assert f'id="schema-{schema}"' in page


def test_the_profile_page_links_to_the_reference(login_as):
    page = login_as("chair").get("/profile").get_data(as_text=True)
    assert 'href="/api/v1/docs"' in page


# Unknown paths and methods -------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nothing-here", "/api/v1/assignments/abc", "/api/v1/assignments/1/comments",
     "/api/v2/assignments", "/api/"],
)  # fmt: skip
@pytest.mark.parametrize("with_token", [True, False])
def test_unknown_api_paths_answer_json_404(app, create_user, path, with_token):
    headers = {"Authorization": f"Bearer {token_for(create_user('admin'))}"} if with_token else {}
    response = app.test_client().get(path, headers=headers)
    error = error_of(response, 404, "not_found")
    assert error["message"] == "There is no such resource, or your token's user may not see it."


@pytest.mark.parametrize("path", ["/no-such-page", "/meetings/999999999/nothing", "/apis"])
def test_unknown_web_paths_still_render_the_error_page(app, login_as, path):
    response = login_as("chair").get(path)
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "Page not found" in page and "<html" in page


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [("DELETE", "/api/v1/departments", {"GET", "HEAD", "OPTIONS"}),
     ("GET", "/api/v1/meetings", {"POST", "OPTIONS"}),
     ("PUT", "/api/v1/assignments/1/transitions", {"POST", "OPTIONS"})],
)  # fmt: skip
def test_a_wrong_method_answers_json_405_with_the_allowed_ones(app, world, method, path, allowed):
    api = api_client(app, world.admin)
    response = api.client.open(path, method=method, headers=api.headers())
    error_of(response, 405, "method_not_allowed")
    assert set(response.headers["Allow"].replace(" ", "").split(",")) == allowed


def test_the_document_and_reference_need_no_token(client):
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/api/v1/docs").status_code == 200
