"""Every demo user signs in and reads their home page in both languages."""

import pytest
from flask_babel import force_locale, gettext

from tracker.demo import DEMO_PASSWORD, DEMO_USERS

pytestmark = pytest.mark.browser

HEADINGS = {
    "admin": "This installation",
    "secretary": "Your committees",
    "chair": "Committees you chair",
    "officer": "Your departments",
}


def translated(app, message: str, language: str) -> str:
    with app.test_request_context(), force_locale(language):
        return gettext(message)


@pytest.mark.parametrize("user", DEMO_USERS, ids=[u.email.split("@")[0] for u in DEMO_USERS])
def test_demo_user_signs_in_and_switches_language(live_server, new_page, screenshot, user):
    app = live_server.app
    page = new_page(locale="en-GB")
    page.goto(f"{live_server.url}/login")
    page.locator("input[name=email]").fill(user.email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/")

    first, second = user.language, ("en" if user.language == "hi" else "hi")
    for language in (first, second):
        assert page.locator("html").get_attribute("lang") == language
        heading = translated(app, HEADINGS[user.role], language)
        assert page.locator("h1").inner_text() == heading
        assert user.name in page.locator("header").inner_text()
        screenshot(page, f"home-{user.role}-{user.email.split('@')[0]}-{language}")
        if language == first:
            target = "English" if second == "en" else "हिन्दी"
            page.get_by_role("button", name=target).click()
            page.wait_for_load_state()


def test_login_page_follows_the_browser_language(live_server, new_page, screenshot):
    page = new_page(locale="hi-IN")
    page.goto(f"{live_server.url}/login")
    assert page.locator("html").get_attribute("lang") == "hi"
    assert page.locator("h1").inner_text() == translated(live_server.app, "Sign in", "hi")
    screenshot(page, "login-hi")


def test_wrong_password_shows_the_message_beside_the_field(live_server, new_page):
    page = new_page(locale="en-GB")
    page.goto(f"{live_server.url}/login")
    page.locator("input[name=email]").fill("nobody@nowhere.example.in")
    page.locator("input[name=password]").fill("wrong password")
    page.locator("input[type=submit]").click()
    error = page.locator(".error")
    assert error.inner_text() == "The email or password is not right. Please try again."
    assert page.locator("input[name=email]").input_value() == "nobody@nowhere.example.in"


def test_home_page_fits_a_phone(live_server, new_page, screenshot):
    page = new_page(locale="en-GB", viewport={"width": 375, "height": 740})
    page.goto(f"{live_server.url}/login")
    page.locator("input[name=email]").fill(DEMO_USERS[4].email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone ({width}px wide)"
    screenshot(page, "home-officer-phone")
