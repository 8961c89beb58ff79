"""The flask commands: users, demo data, and directive extraction from a file."""

import json
import sys
from datetime import date

import click
from flask import Flask
from flask.cli import AppGroup, with_appcontext

from tracker import demo
from tracker.auth import services as accounts
from tracker.auth import tokens
from tracker.directory import department_directory
from tracker.models import LANGUAGES, ROLES

users = AppGroup("users", help="Create users and set their passwords.")
demo_group = AppGroup("demo", help="Load the demonstration data.")


def _password_option(password: str | None) -> str:
    if password is not None:
        return password
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@users.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True, type=click.Choice(ROLES))
@click.option(
    "--department", "departments", multiple=True, metavar="CODE",
    help="A department the user acts for (repeat for several).",
)  # fmt: skip
@click.option("--language", type=click.Choice(LANGUAGES), default="en", show_default=True)
@click.option("--password", help="Asked for when not given.")
def create_user(email, name, role, departments, language, password):
    """Create a user."""
    try:
        user = accounts.create_user(
            email=email,
            name=name,
            role=role,
            password=_password_option(password),
            department_codes=departments,
            language=language,
        )
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Created {user.role} {user.email}.")


@users.command("set-password")
@click.argument("email")
@click.option("--password", help="Asked for when not given.")
def set_password(email, password):
    """Set a user's password."""
    try:
        user = accounts.set_password(email, _password_option(password))
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Password changed for {user.email}.")


@users.command("token")
@click.argument("email")
@click.option("--name", default="Command line", show_default=True, help="What the token is for.")
@click.option("--list", "list_only", is_flag=True, help="List the user's tokens; make none.")
@click.option("--revoke", "revoke_id", type=int, metavar="ID", help="Revoke the token ID.")
@click.option("--revoke-all", is_flag=True, help="Revoke every token of the user.")
def user_token(email, name, list_only, revoke_id, revoke_all):
    """Make an API token for a user (printed once), or list or revoke the user's tokens."""
    user = accounts.find_user_by_email(email)
    if user is None:
        raise click.ClickException(f"No user has the email {email}.")
    try:
        if revoke_all:
            click.echo(f"Revoked {tokens.revoke_all(user)} token(s) of {user.email}.")
        elif revoke_id is not None:
            token = tokens.revoke_token(user, revoke_id)
            click.echo(f"Revoked token {token.id} ({token.name}) of {user.email}.")
        elif list_only:
            for token in tokens.active_tokens(user):
                used = token.last_used_at
                used = used.isoformat(timespec="minutes") if used else "never"
                click.echo(f"{token.id:>5}  {token.prefix}…  {token.name}  last used: {used}")
        else:
            token, secret = tokens.issue_token(user, name)
            click.echo(secret)
            click.echo(
                f"Token {token.id} for {user.email}; it is shown only this once.", err=True
            )
    except accounts.AccountError as error:
        raise click.ClickException(str(error)) from None


@demo_group.command("load")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has users.")
def load_demo(if_empty):
    """Load demo departments, committees, meetings and users (safe to run again)."""
    result = demo.load_demo(if_empty=if_empty)
    if result.skipped:
        click.echo("The database already has users; demo data not loaded.")
    else:
        click.echo(
            f"Demo data ready: {result.departments} departments, {result.committees} committees,"
            f" {result.meetings} meetings."
        )
    click.echo(f"Demo sign-ins (password for all: {demo.DEMO_PASSWORD}):")
    for login in demo.DEMO_USERS:
        click.echo(f"  {login.role:<10} {login.email:<32} {login.name}")


def _read_minutes(source) -> str:
    data = source.read()
    if not data.strip():
        raise click.ClickException("The input is empty: give a file of minutes as UTF-8 text.")
    if b"\x00" in data:
        raise click.ClickException(
            "The input looks like a binary file (a .docx or .pdf?): give the minutes as UTF-8 text."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise click.ClickException(
            f"The input is not UTF-8 text (byte {error.start} cannot be read): save it as UTF-8."
        ) from None
    if not text.strip():
        raise click.ClickException("The input is empty: give a file of minutes as UTF-8 text.")
    return text


@click.command("extract")
@click.option(
    "--meeting-date", type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date of the meeting (YYYY-MM-DD), for deadlines such as 'within 15 days'.",
)  # fmt: skip
@click.option("--language", type=click.Choice(LANGUAGES), help="Detected when not given.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.argument("source", type=click.File("rb"))
@with_appcontext
def extract_command(meeting_date, language, as_json, source):
    """Propose the directives in a file of minutes (or - for standard input)."""
    from tracker.extraction import candidates_to_json, detect_language, extract, format_table

    text = _read_minutes(source)
    held_on: date | None = meeting_date.date() if meeting_date else None
    language = language or detect_language(text)
    candidates = extract(
        text, meeting_date=held_on, directory=department_directory(), language=language
    )
    if as_json:
        json.dump(candidates_to_json(language, candidates), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        click.echo(format_table(candidates))


def register(app: Flask) -> None:
    app.cli.add_command(users)
    app.cli.add_command(demo_group)
    app.cli.add_command(extract_command)
