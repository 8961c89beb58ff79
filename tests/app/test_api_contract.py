"""The API against its own OpenAPI document: schemathesis generates requests from the document.

No answer may be a server error, every answer must match the status codes, content types and
schemas the document declares, and requests the document calls invalid must be refused. (Not
checked: that every schema-valid request succeeds. A valid-looking transition the state machine
refuses, or an unknown department code, rightly gets 422.)

Runs on SQLite and PostgreSQL, with the demo data loaded so that generated requests also reach
committees, meetings and assignments that exist, once with an administrator's token and once
with an officer's.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tracker import demo
from tracker.auth import services as accounts
from tracker.auth.tokens import issue_token
from tracker.extensions import db

#: The demo users whose tokens the generated requests carry: one who may do nearly anything,
#: and one who may see only their department's work.
ROLES = {
    "admin": "admin@rampurkalan.example.in",
    "officer": "bsa@rampurkalan.example.in",
}


#: A body over the size limit is refused (413) before its fields are read; that is a refusal too.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429]
            }
        }
    }
)


def _isolated(app):
    """Serve each generated request in an application context of its own, as a server does."""

    def wsgi(environ, start_response):
        with app.app_context():
            return list(app(environ, start_response))

    return wsgi


@pytest.fixture(params=sorted(ROLES))
def token(request, app) -> str:
    app.config["API_RATE_LIMIT"] = "100000 per minute"
    app.config["API_FAILED_AUTH_LIMIT"] = "100000 per minute"
    demo.load_demo()
    user = accounts.find_user_by_email(ROLES[request.param])
    _token, secret = issue_token(user, "contract test")
    db.session.remove()
    return secret


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_document(app, token, mode):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", _isolated(app), config=CONFIG)
    headers = {"Authorization": f"Bearer {token}"}
    operations = {result.ok().label for result in schema.get_all_operations()}
    assert len(operations) == 10
    exercised: list[str] = []

    @given(case=schema.as_strategy(generation_mode=mode))
    @settings(
        max_examples=300,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        exercised.append(case.operation.label)
        case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

    check()
    # Every operation was called, many times over: the run cannot pass by doing nothing.
    assert set(exercised) == operations
    assert len(exercised) >= 100
