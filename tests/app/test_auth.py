"""Signing in and out, the session cookie, and who gets in."""

import pytest

from tests.conftest import PASSWORD, csrf_token, sign_in

WRONG = "The email or password is not right. Please try again."


def test_login_page_has_a_csrf_protected_form(client):
    page = client.get("/login")
    assert page.status_code == 200
    assert 'name="csrf_token"' in page.get_data(as_text=True)


def test_sign_in_lands_on_home_and_sets_a_safe_cookie(client, create_user):
    user = create_user("secretary", name="Kavita Sharma")
    response = sign_in(client, user.email)
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    home = client.get("/").get_data(as_text=True)
    assert "Kavita Sharma" in home


def test_email_is_matched_without_regard_to_case(client, create_user):
    create_user("chair", email="dm@district.example.in")
    assert sign_in(client, "  DM@District.Example.IN ").status_code == 302


@pytest.mark.parametrize("email_kind", ["unknown user", "wrong password"])
def test_wrong_password_and_unknown_user_get_the_same_message(client, create_user, email_kind):
    user = create_user("officer")
    if email_kind == "unknown user":
        response = sign_in(client, "nobody@district.example.in")
    else:
        response = sign_in(client, user.email, password="not the password")
    assert response.status_code == 200
    assert WRONG in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_inactive_user_cannot_sign_in(client, create_user):
    user = create_user("officer", is_active=False)
    response = sign_in(client, user.email)
    assert WRONG in response.get_data(as_text=True)


def test_login_without_csrf_token_is_refused(client, create_user):
    user = create_user("admin")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "This form could not be accepted" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_home_needs_sign_in_and_comes_back_after(client, create_user):
    user = create_user("admin")
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")
    data = {"email": user.email, "password": PASSWORD, "csrf_token": csrf_token(client)}
    response = client.post("/login?next=/", data=data)
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["https://evil.example.com/", "//evil.example.com/", "/\\evil"])
def test_next_never_leaves_the_site(client, create_user, target):
    user = create_user("admin")
    data = {"email": user.email, "password": PASSWORD, "csrf_token": csrf_token(client)}
    response = client.post("/login", query_string={"next": target}, data=data)
    assert response.headers["Location"] == "/"


def test_sign_out_is_a_post_with_csrf(officer_client):
    assert officer_client.get("/logout").status_code == 405
    token = csrf_token(officer_client, "/")
    response = officer_client.post("/logout", data={"csrf_token": token})
    assert response.status_code == 302
    assert officer_client.get("/").status_code == 302


def test_password_is_stored_hashed(create_user):
    user = create_user("admin")
    assert PASSWORD not in user.password_hash
    assert user.password_hash.startswith("scrypt:")
