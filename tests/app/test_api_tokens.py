"""API tokens: made on the profile page or with `flask users token`, stored hashed, revocable."""

import base64
import hashlib
import re

import pytest
from sqlalchemy import select, text

from tests.app.test_api_support import ApiClient, error_of, token_for
from tests.conftest import PASSWORD, csrf_token
from tracker.auth.tokens import MAX_ACTIVE_TOKENS
from tracker.models import ApiToken

SECRET_RE = re.compile(r'<code class="token-secret" id="new-token">(trk_[A-Za-z0-9_-]+)</code>')
CHALLENGE = 'Bearer realm="tracker"'


def whoami(app, secret: str | None, headers: dict | None = None):
    """Ask for the assignments list, which needs a valid token."""
    return ApiClient(app.test_client(), secret).get("/assignments", headers=headers)


def assert_refused(response) -> None:
    error_of(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"] == CHALLENGE


def make_token_on_profile(client, name: str = "State dashboard"):
    token = csrf_token(client, "/profile")
    return client.post("/profile/tokens", data={"name": name, "csrf_token": token})


def revoke_on_profile(client, token_id: int):
    token = csrf_token(client, "/profile")
    return client.post(f"/profile/tokens/{token_id}/revoke", data={"csrf_token": token})


def tokens_of(db, user) -> list[ApiToken]:
    db.session.expire_all()
    return list(db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)))


# Using a token ------------------------------------------------------------------------------


def test_a_token_acts_as_its_user_and_notes_its_use(app, db, create_user, create_department):
    education = create_department(code="BASIC_EDU")
    officer = create_user("officer", departments=[education])
    secret = token_for(officer)
    assert tokens_of(db, officer)[0].last_used_at is None

    response = whoami(app, secret)

    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["total"] == 0
    # Acting as the officer: filtering by their own department is allowed, by another is not.
    other = create_department(code="POLICE")
    own = ApiClient(app.test_client(), secret).get("/assignments?department=BASIC_EDU")
    assert own.status_code == 200
    refused = ApiClient(app.test_client(), secret).get(f"/assignments?department={other.code}")
    error_of(refused, 403, "forbidden")
    assert tokens_of(db, officer)[0].last_used_at is not None


def test_the_secret_is_stored_only_as_its_hash(app, db, create_user):
    user = create_user("chair")
    secret = token_for(user, "SMS gateway")

    rows = db.session.execute(text("SELECT * FROM api_tokens")).mappings().all()

    assert len(rows) == 1
    row = rows[0]
    assert secret.startswith("trk_") and len(secret) > 40
    stored = " ".join(str(value) for value in row.values())
    assert secret not in stored
    # Only the prefix the owner sees is kept, never the random part after it.
    assert secret[8:] not in stored
    assert secret[8:20] not in stored
    assert row["token_hash"] == hashlib.sha256(secret.encode()).hexdigest()
    assert row["prefix"] == secret[:8]
    assert row["name"] == "SMS gateway"
    assert whoami(app, secret).status_code == 200


def garbled(secret: str) -> str:
    return secret[:-1] + ("A" if secret[-1] != "A" else "B")


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        "Bearer trk_",
        "Bearer {garbled}",
        "Bearer {secret}x",
        "Bearer {prefix}",
        "Token {secret}",
        "{secret}",
        "Basic {basic}",
        "Bearer not-a-token-at-all",
    ],
)
def test_requests_without_a_valid_token_are_refused(app, create_user, header):
    user = create_user("admin")
    secret = token_for(user)
    if header is None:
        headers = {}
    else:
        basic = base64.b64encode(f"{user.email}:{PASSWORD}".encode()).decode()
        value = header.format(
            secret=secret, garbled=garbled(secret), prefix=secret[:8], basic=basic
        )
        headers = {"Authorization": value}

    response = app.test_client().get("/api/v1/assignments", headers=headers)

    assert_refused(response)
    assert response.get_json()["error"]["message"] == (
        "Send a valid API token: Authorization: Bearer <token>."
    )


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
def test_the_scheme_is_read_without_regard_to_case(app, create_user, scheme):
    secret = token_for(create_user("admin"))
    response = app.test_client().get(
        "/api/v1/assignments", headers={"Authorization": f"{scheme} {secret}"}
    )
    assert response.status_code == 200, response.get_data(as_text=True)


def test_an_inactive_users_token_is_refused(app, db, create_user):
    user = create_user("chair")
    secret = token_for(user)
    assert whoami(app, secret).status_code == 200
    user.is_active = False
    db.session.commit()
    assert_refused(whoami(app, secret))


def test_a_session_cookie_alone_does_not_open_the_api(app, login_as):
    client = login_as("admin")
    assert client.get("/profile").status_code == 200

    response = client.get("/api/v1/assignments")

    assert_refused(response)
    # Nor does a cookie make up for a bad token, and a POST with the cookie is refused alike.
    assert_refused(client.get("/api/v1/assignments", headers={"Authorization": "Bearer trk_x"}))
    meeting = {"committee": 1, "date": "2026-04-06", "title": "X", "language": "en"}
    assert_refused(client.post("/api/v1/meetings", json=meeting))


# The profile page ---------------------------------------------------------------------------


def test_the_profile_page_shows_a_new_secret_exactly_once(app, db, login_as):
    client = login_as("chair")
    assert "You have no API tokens." in client.get("/profile").get_data(as_text=True)

    response = make_token_on_profile(client, "State   dashboard")

    assert response.status_code == 201
    page = response.get_data(as_text=True)
    secrets_shown = SECRET_RE.findall(page)
    assert len(secrets_shown) == 1
    secret = secrets_shown[0]
    assert page.count(secret) == 1
    (token,) = tokens_of(db, client.user)
    assert token.name == "State dashboard"
    assert whoami(app, secret).status_code == 200

    again = client.get("/profile").get_data(as_text=True)
    assert secret not in again
    assert secret[8:16] not in again
    assert 'id="new-token"' not in again
    # The token is listed by its name and its first characters.
    assert "State dashboard" in again
    assert f"<code>{secret[:8]}…</code>" in again


@pytest.mark.parametrize(("name", "status"), [("", 422), ("   ", 422), ("x" * 101, 422)])
def test_the_profile_page_refuses_a_token_without_a_proper_name(db, login_as, name, status):
    client = login_as("secretary")
    response = make_token_on_profile(client, name)
    assert response.status_code == status
    assert SECRET_RE.search(response.get_data(as_text=True)) is None
    assert tokens_of(db, client.user) == []


def test_the_profile_page_refuses_a_token_beyond_the_limit(db, login_as):
    client = login_as("secretary")
    for number in range(MAX_ACTIVE_TOKENS):
        token_for(client.user, f"Program {number}")
    response = make_token_on_profile(client, "One too many")
    assert response.status_code == 422
    assert f"You already have {MAX_ACTIVE_TOKENS} tokens" in response.get_data(as_text=True)
    assert len(tokens_of(db, client.user)) == MAX_ACTIVE_TOKENS


def test_the_profile_page_needs_its_csrf_token(db, login_as):
    client = login_as("chair")
    response = client.post("/profile/tokens", data={"name": "No CSRF"})
    assert response.status_code == 400
    assert tokens_of(db, client.user) == []


def test_revoking_on_the_profile_page_refuses_that_token_only(app, db, login_as):
    client = login_as("chair")
    revoked_secret = token_for(client.user, "Old dashboard")
    kept_secret = token_for(client.user, "New dashboard")
    revoked = next(t for t in tokens_of(db, client.user) if t.name == "Old dashboard")

    response = revoke_on_profile(client, revoked.id)

    assert response.status_code == 302
    assert response.headers["Location"].endswith("/profile")
    assert_refused(whoami(app, revoked_secret))
    assert whoami(app, kept_secret).status_code == 200
    page = client.get("/profile").get_data(as_text=True)
    assert "is revoked; programs using it are refused from now on" in page
    assert f"/profile/tokens/{revoked.id}/revoke" not in page
    assert "New dashboard" in page
    # Revoking is recorded, not a deletion.
    assert next(t for t in tokens_of(db, client.user) if t.id == revoked.id).revoked_at


def test_another_users_token_cannot_be_revoked(app, db, login_as, create_user):
    client = login_as("chair")
    owner = create_user("secretary")
    secret = token_for(owner)
    (token,) = tokens_of(db, owner)

    response = revoke_on_profile(client, token.id)

    assert response.status_code == 302
    assert "No such token." in client.get("/profile").get_data(as_text=True)
    assert tokens_of(db, owner)[0].revoked_at is None
    assert whoami(app, secret).status_code == 200


def test_the_revoke_form_needs_its_csrf_token(app, db, login_as):
    client = login_as("chair")
    secret = token_for(client.user)
    (token,) = tokens_of(db, client.user)
    client.post(f"/profile/tokens/{token.id}/revoke", data={})
    assert tokens_of(db, client.user)[0].revoked_at is None
    assert whoami(app, secret).status_code == 200


# flask users token --------------------------------------------------------------------------


def run(cli, *args):
    return cli.invoke(args=["users", "token", *args])


def test_the_command_prints_a_token_that_works_and_lists_it(app, db, cli, create_user):
    user = create_user("secretary", email="member.secretary@district.example.in")

    result = run(cli, "Member.Secretary@district.example.in", "--name", "Nightly export")

    assert result.exit_code == 0, result.output
    secret = result.stdout.strip()
    assert re.fullmatch(r"trk_[A-Za-z0-9_-]{40,}", secret)
    (token,) = tokens_of(db, user)
    assert f"Token {token.id} for {user.email}; it is shown only this once." in result.stderr
    assert whoami(app, secret).status_code == 200
    # The command runs in the test's own session: let it read what the request wrote.
    db.session.expire_all()

    listing = run(cli, user.email, "--list")

    assert listing.exit_code == 0, listing.output
    (line,) = listing.stdout.splitlines()
    assert line.split()[0] == str(token.id)
    assert f"{secret[:8]}…" in line
    assert "Nightly export" in line
    assert "last used: never" not in line
    assert secret not in listing.output
    # Listing makes no token.
    assert len(tokens_of(db, user)) == 1


def test_the_command_lists_a_token_never_used(db, cli, create_user):
    user = create_user("admin")
    token_for(user, "Unused")
    listing = run(cli, user.email, "--list")
    assert listing.exit_code == 0
    assert listing.stdout.rstrip().endswith("Unused  last used: never")


def test_the_command_revokes_one_token(app, db, cli, create_user):
    user = create_user("chair")
    revoked_secret = token_for(user, "First")
    kept_secret = token_for(user, "Second")
    first = next(t for t in tokens_of(db, user) if t.name == "First")

    result = run(cli, user.email, "--revoke", str(first.id))

    assert result.exit_code == 0, result.output
    assert f"Revoked token {first.id} (First) of {user.email}." in result.stdout
    assert_refused(whoami(app, revoked_secret))
    assert whoami(app, kept_secret).status_code == 200
    listing = run(cli, user.email, "--list").stdout
    assert "Second" in listing and "First" not in listing


def test_the_command_revokes_every_token(app, db, cli, create_user):
    user = create_user("chair")
    other = create_user("chair")
    secrets_of_user = [token_for(user, "One"), token_for(user, "Two")]
    others_secret = token_for(other)

    result = run(cli, user.email, "--revoke-all")

    assert result.exit_code == 0, result.output
    assert f"Revoked 2 token(s) of {user.email}." in result.stdout
    for secret in secrets_of_user:
        assert_refused(whoami(app, secret))
    assert whoami(app, others_secret).status_code == 200
    assert run(cli, user.email, "--revoke-all").stdout.strip() == (
        f"Revoked 0 token(s) of {user.email}."
    )


def test_the_command_cannot_revoke_another_users_token(app, db, cli, create_user):
    user = create_user("chair")
    owner = create_user("chair")
    secret = token_for(owner)
    (token,) = tokens_of(db, owner)

    result = run(cli, user.email, "--revoke", str(token.id))

    assert result.exit_code == 1
    assert "No such token." in result.output
    assert whoami(app, secret).status_code == 200


def test_the_command_refuses_an_unknown_email(db, cli):
    result = run(cli, "nobody@district.example.in")
    assert result.exit_code == 1
    assert "No user has the email nobody@district.example.in." in result.output
    assert db.session.scalar(select(ApiToken)) is None


def test_a_token_made_on_the_profile_is_revoked_by_the_command(app, cli, login_as):
    client = login_as("secretary")
    secret = SECRET_RE.search(make_token_on_profile(client).get_data(as_text=True)).group(1)
    assert whoami(app, secret).status_code == 200
    assert run(cli, client.user.email, "--revoke-all").exit_code == 0
    assert_refused(whoami(app, secret))
