"""The demo data: complete, loadable twice, and every demo user can sign in."""

from sqlalchemy import func, select

from tests.conftest import sign_in
from tracker.demo import DEMO_PASSWORD, DEMO_USERS
from tracker.models import Committee, Department, DepartmentAlias, Meeting, User


def count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_demo_load_builds_a_district_and_is_idempotent(cli, db):
    first = cli.invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    totals = {model: count(db, model) for model in (Department, DepartmentAlias, User,
                                                   Committee, Meeting)}  # fmt: skip
    second = cli.invoke(args=["demo", "load"])
    assert second.exit_code == 0, second.output
    assert {model: count(db, model) for model in totals} == totals

    assert totals[Department] >= 25
    departments = db.session.scalars(select(Department)).all()
    assert all(d.name_en and d.name_hi and d.aliases for d in departments)
    aliases = {a.text for a in db.session.scalars(select(DepartmentAlias))}
    assert {"BSA", "PWD", "जिला बेसिक शिक्षा अधिकारी"} <= aliases
    assert totals[Committee] == 2
    meetings = db.session.scalars(select(Meeting)).all()
    assert len(meetings) >= 3
    assert {m.language for m in meetings} == {"hi", "en"}
    assert all(len(m.minutes.source) > 1000 for m in meetings)
    roles = set(db.session.scalars(select(User.role)))
    assert roles == {"admin", "secretary", "officer", "chair"}
    assert "password for all" in first.output


def test_demo_load_if_empty_leaves_a_used_database_alone(cli, db, create_user):
    create_user("admin")
    result = cli.invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0
    assert "not loaded" in result.output
    assert count(db, Meeting) == 0


def test_every_demo_user_can_sign_in(cli, app):
    cli.invoke(args=["demo", "load"])
    for user in DEMO_USERS:
        client = app.test_client()
        assert sign_in(client, user.email, DEMO_PASSWORD).status_code == 302, user.email
        assert user.name in client.get("/").get_data(as_text=True)
