"""Fixtures shared by the app and browser tests: apps on SQLite and PostgreSQL, users, sign-in."""

import os
import re
import uuid
from collections.abc import Callable, Iterator
from datetime import date

import flask_migrate
import pytest
from flask.testing import FlaskClient
from sqlalchemy import create_engine, event, make_url, text
from sqlalchemy.engine import URL

from config import TestConfig
from tracker import create_app
from tracker.extensions import db as _db
from tracker.models import Committee, Department, DepartmentAlias, Meeting, MinutesVersion, User

IN_CI = os.environ.get("CI") == "true"
POSTGRES_URL = os.environ.get("TRACKER_TEST_POSTGRES_URL")
PASSWORD = "correct horse battery"
BACKENDS = ("sqlite", "postgresql")


def skip_or_fail(reason: str) -> None:
    """Skip a test that cannot run here; in CI every test must run, so fail instead."""
    if IN_CI:
        pytest.fail(f"{reason} (in CI every test must run)", pytrace=False)
    pytest.skip(reason)


def config_for(url: str) -> type[TestConfig]:
    return type("BoundTestConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": url})


class DatabaseFactory:
    """Make empty databases: SQLite files, or PostgreSQL databases dropped at the end."""

    def __init__(self, tmp_dir) -> None:
        self.tmp_dir = tmp_dir
        self.created: list[URL] = []

    def new(self, backend: str) -> str:
        name = f"tracker_test_{uuid.uuid4().hex[:12]}"
        if backend == "sqlite":
            return f"sqlite:///{self.tmp_dir / (name + '.db')}"
        if not POSTGRES_URL:
            skip_or_fail("PostgreSQL tests need TRACKER_TEST_POSTGRES_URL")
        server = make_url(POSTGRES_URL).set(drivername="postgresql+psycopg")
        with self._admin(server) as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = server.set(database=name)
        self.created.append(url)
        return url.render_as_string(hide_password=False)

    @staticmethod
    def _admin(server: URL):
        engine = create_engine(server, isolation_level="AUTOCOMMIT")
        return engine.connect()

    def drop_all(self) -> None:
        for url in self.created:
            with self._admin(url.set(database=make_url(POSTGRES_URL).database)) as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def databases(tmp_path_factory) -> Iterator[DatabaseFactory]:
    factory = DatabaseFactory(tmp_path_factory.mktemp("databases"))
    yield factory
    factory.drop_all()


def migrated_database(databases: DatabaseFactory, backend: str) -> str:
    """Return the URL of a new database brought up to date by the migrations."""
    url = databases.new(backend)
    app = create_app(config_for(url))
    with app.app_context():
        flask_migrate.upgrade()
        _db.engine.dispose()
    return url


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request, databases) -> str:
    """One migrated database per backend, shared by the tests and emptied after each."""
    return migrated_database(databases, request.param)


class ServerLikeClient(FlaskClient):
    """Run each request in an application context of its own, as a real server does.

    The test keeps its own context (and database session) for setting up and checking data,
    so nothing cached for one request (the signed-in user, the session) leaks into the next.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture
def app(database_url):
    app = create_app(config_for(database_url))
    app.test_client_class = ServerLikeClient
    with app.app_context():
        yield app
        _db.session.remove()
        with _db.engine.begin() as connection:
            for table in reversed(_db.metadata.sorted_tables):
                connection.execute(table.delete())
        _db.engine.dispose()


@pytest.fixture
def db(app):
    return _db


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def cli(app):
    return app.test_cli_runner()


# Factories ------------------------------------------------------------------------------


@pytest.fixture
def create_department(db) -> Callable[..., Department]:
    counter = iter(range(1, 10_000))

    def create(code: str | None = None, name_en: str | None = None, name_hi: str | None = None,
               aliases: tuple[str, ...] = ()) -> Department:  # fmt: skip
        number = next(counter)
        department = Department(
            code=code or f"DEPT_{number}",
            name_en=name_en or f"Department {number}",
            name_hi=name_hi or f"विभाग {number}",
        )
        db.session.add(department)
        db.session.flush()
        for alias in aliases:
            department.aliases.append(DepartmentAlias(text=alias))
        db.session.commit()
        return department

    return create


@pytest.fixture
def create_user(db, create_department) -> Callable[..., User]:
    counter = iter(range(1, 10_000))

    def create(role: str = "officer", *, email: str | None = None, name: str | None = None,
               language: str = "en", departments: list[Department] | None = None,
               password: str = PASSWORD, is_active: bool = True) -> User:  # fmt: skip
        number = next(counter)
        if role == "officer" and departments is None:
            departments = [create_department()]
        user = User(
            email=email or f"{role}{number}@district.example.in",
            name=name or f"{role.title()} {number}",
            role=role,
            language=language,
            is_active=is_active,
        )
        user.set_password(password)
        user.departments = departments or []
        db.session.add(user)
        db.session.commit()
        return user

    return create


@pytest.fixture
def create_committee(db, create_user) -> Callable[..., Committee]:
    def create(*, chair: User | None = None, secretary: User | None = None,
               departments: list[Department] | None = None, name_en: str = "District Task Force",
               name_hi: str = "जिला टास्क फोर्स") -> Committee:  # fmt: skip
        committee = Committee(
            name_en=name_en,
            name_hi=name_hi,
            chair=chair or create_user("chair"),
            secretary=secretary or create_user("secretary"),
            departments=departments or [],
        )
        db.session.add(committee)
        db.session.commit()
        return committee

    return create


@pytest.fixture
def create_meeting(db, create_committee) -> Callable[..., Meeting]:
    def create(*, committee: Committee | None = None, held_on: date = date(2026, 3, 2),
               title: str = "पहली बैठक", minutes: str = "", language: str = "hi",
               status: str = "draft") -> Meeting:  # fmt: skip
        committee = committee or create_committee()
        meeting = Meeting(committee=committee, title=title, held_on=held_on, language=language,
                          status=status, created_by=committee.secretary)  # fmt: skip
        meeting.minutes_versions.append(MinutesVersion(source=minutes, language=language))
        db.session.add(meeting)
        db.session.commit()
        return meeting

    return create


# Signing in -----------------------------------------------------------------------------

CSRF_RE = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


def count_statements(db, client, path: str) -> int:
    """Return how many SQL statements a successful GET of ``path`` makes (``client`` may be an
    API client: anything with ``get``)."""
    seen = []

    def before(*args):
        seen.append(args[2])

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        response = client.get(path)
        assert response.status_code == 200, response.get_data(as_text=True)
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
    return len(seen)


def csrf_token(client, path: str = "/login") -> str:
    """Return the CSRF token from a form on the page at ``path``."""
    page = client.get(path).get_data(as_text=True)
    match = CSRF_RE.search(page)
    assert match, f"no CSRF token on {path}"
    return match.group(1) or match.group(2)


def sign_in(client, email: str, password: str = PASSWORD, **extra):
    """Sign in through the real login form, CSRF token and all."""
    data = {"email": email, "password": password, "csrf_token": csrf_token(client)}
    data.update(extra)
    return client.post("/login", data=data)


@pytest.fixture
def login_as(app, create_user):
    """Return a function that makes a user of a role and a test client signed in as them."""

    def login(role: str, **user_fields):
        user = create_user(role, **user_fields)
        client = app.test_client()
        response = sign_in(client, user.email)
        assert response.status_code == 302, response.get_data(as_text=True)
        client.user = user
        return client

    return login


@pytest.fixture
def admin_client(login_as):
    return login_as("admin")


@pytest.fixture
def secretary_client(login_as):
    return login_as("secretary")


@pytest.fixture
def officer_client(login_as):
    return login_as("officer")


@pytest.fixture
def chair_client(login_as):
    return login_as("chair")
