"""Every page of the foundation in English and Hindi, chosen per user or per browser."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask import abort
from flask_babel import force_locale, gettext

from tests.conftest import csrf_token, sign_in

CATALOGUE = Path(__file__).parents[2] / "tracker/translations/hi/LC_MESSAGES/messages.po"
TAG_RE = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S)


def hindi(message: str) -> str:
    with force_locale("hi"):
        translated = gettext(message)
    assert translated != message, f"{message!r} has no Hindi translation"
    return translated


def visible_text(html: str) -> str:
    return " ".join(TAG_RE.sub(" ", html).split())


def english_messages() -> list[str]:
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    return [m.id for m in catalogue if m.id and isinstance(m.id, str) and "%(" not in m.id]


def assert_no_english_ui(html: str) -> None:
    text = visible_text(html)
    leftovers = [m for m in english_messages() if re.search(rf"(?<!\w){re.escape(m)}(?!\w)", text)]
    assert leftovers == [], f"English left on a Hindi page: {leftovers}"


@pytest.mark.parametrize("role", ["admin", "secretary", "chair", "officer"])
def test_hindi_user_sees_their_home_in_hindi(login_as, create_department, role):
    extra = {"departments": [create_department(name_hi="बेसिक शिक्षा")]} if role == "officer" else {}
    client = login_as(role, language="hi", name="राधा देवी", **extra)
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="hi">' in page
    assert hindi("Sign out") in page
    assert_no_english_ui(page)


def test_browser_language_chooses_before_sign_in(client):
    page = client.get("/login", headers={"Accept-Language": "hi-IN,hi;q=0.9,en;q=0.5"})
    html = page.get_data(as_text=True)
    assert hindi("Sign in") in html
    assert_no_english_ui(html)
    english = client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.8"})
    assert "Sign in" in english.get_data(as_text=True)


def test_language_switch_before_sign_in_is_kept_for_the_session(client):
    token = csrf_token(client)
    response = client.post(
        "/language", data={"language": "hi", "next": "/login", "csrf_token": token}
    )
    assert response.headers["Location"] == "/login"
    assert hindi("Sign in") in client.get("/login").get_data(as_text=True)


def test_signed_in_user_switches_language_and_it_is_stored(db, login_as):
    client = login_as("secretary", language="en")
    token = csrf_token(client, "/")
    client.post("/language", data={"language": "hi", "next": "/", "csrf_token": token})
    db.session.refresh(client.user)
    assert client.user.language == "hi"
    assert hindi("Your committees") in client.get("/").get_data(as_text=True)


def test_unknown_language_is_ignored(db, login_as):
    client = login_as("chair", language="en")
    token = csrf_token(client, "/")
    client.post("/language", data={"language": "fr", "next": "/", "csrf_token": token})
    db.session.refresh(client.user)
    assert client.user.language == "en"


def test_the_users_stored_language_wins_over_the_browser(client, create_user):
    user = create_user("officer", language="hi")
    sign_in(client, user.email)
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="hi">' in page


@pytest.fixture
def failing_app(app):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.add_url_rule("/test-forbidden", "test_forbidden", lambda: abort(403))
    app.add_url_rule("/test-broken", "test_broken", lambda: 1 / 0)
    return app


@pytest.mark.parametrize(
    ("path", "code", "title"),
    [
        ("/no-such-page", 404, "Page not found"),
        ("/test-forbidden", 403, "You do not have access to this page"),
        ("/test-broken", 500, "Something went wrong on our side"),
    ],
)
@pytest.mark.parametrize("language", ["en", "hi"])
def test_error_pages_speak_the_readers_language(failing_app, path, code, title, language):
    client = failing_app.test_client()
    response = client.get(path, headers={"Accept-Language": language})
    assert response.status_code == code
    html = response.get_data(as_text=True)
    expected = hindi(title) if language == "hi" else title
    assert expected in html
    if language == "hi":
        assert_no_english_ui(html)
    assert "Traceback" not in html
