"""The flask users and demo commands."""

import pytest
from sqlalchemy import select

from tests.conftest import sign_in
from tracker.models import User


def invoke(cli, *args, input=None):
    return cli.invoke(args=list(args), input=input)


def test_users_create_makes_an_officer_who_can_sign_in(cli, client, create_department, db):
    create_department(code="BASIC_EDU")
    create_department(code="WCD")
    result = invoke(
        cli, "users", "create", "--email", "BSA@District.Example.in", "--name", "Meena Kumari",
        "--role", "officer", "--department", "basic_edu", "--department", "WCD",
        "--password", "a long password",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "bsa@district.example.in"))
    assert [d.code for d in user.departments] == ["BASIC_EDU", "WCD"]
    assert sign_in(client, "bsa@district.example.in", "a long password").status_code == 302


def test_users_create_asks_for_the_password_when_not_given(cli, client):
    result = invoke(
        cli, "users", "create", "--email", "chair@district.example.in", "--name", "DM",
        "--role", "chair", input="typed password\ntyped password\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Password" in result.output
    assert sign_in(client, "chair@district.example.in", "typed password").status_code == 302


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "officer", "--department", "NOPE"], "Unknown department: NOPE"),
        (["--role", "officer"], "An officer must act for at least one department."),
        (["--role", "admin", "--password", "short"], "at least 8 characters"),
        (["--role", "wizard"], "Invalid value for '--role'"),
    ],
)
def test_users_create_refuses_bad_input_clearly(cli, db, args, message):
    base = ["users", "create", "--email", "x@district.example.in", "--name", "X"]
    if "--password" not in args:
        args = [*args, "--password", "long enough password"]
    result = invoke(cli, *base, *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert db.session.scalar(select(User)) is None


def test_users_create_refuses_a_duplicate_email(cli, create_user):
    user = create_user("admin")
    result = invoke(
        cli, "users", "create", "--email", user.email.upper(), "--name", "Again",
        "--role", "admin", "--password", "long enough password",
    )  # fmt: skip
    assert result.exit_code != 0
    assert "already exists" in result.output


def test_set_password_changes_it(cli, client, create_user):
    user = create_user("secretary")
    result = invoke(cli, "users", "set-password", user.email, "--password", "brand new secret")
    assert result.exit_code == 0, result.output
    assert sign_in(client, user.email, "brand new secret").status_code == 302


def test_set_password_for_unknown_email_fails_clearly(cli, db):
    email = "ghost@district.example.in"
    result = invoke(cli, "users", "set-password", email, "--password", "x" * 9)
    assert result.exit_code != 0
    assert "No user has the email ghost@district.example.in" in result.output
