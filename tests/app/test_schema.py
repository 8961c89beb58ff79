"""The migrations build exactly the models' schema, and undo it, on both databases."""

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from tests.conftest import BACKENDS, config_for
from tracker import create_app
from tracker.extensions import db


@pytest.mark.parametrize("backend", BACKENDS)
def test_upgrade_yields_the_models_schema_and_downgrade_removes_it(databases, backend):
    app = create_app(config_for(databases.new(backend)))
    with app.app_context():
        flask_migrate.upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            differences = compare_metadata(context, db.metadata)
            tables = set(inspect(connection).get_table_names())
        assert differences == []
        assert tables == set(db.metadata.tables) | {"alembic_version"}

        flask_migrate.downgrade(revision="base")
        with db.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_check_constraints_hold_in_the_database(databases, backend):
    """A role outside the list is refused by the database itself, not only by Python."""
    app = create_app(config_for(databases.new(backend)))
    with app.app_context():
        flask_migrate.upgrade()
        with db.engine.connect() as connection, pytest.raises(IntegrityError):
            connection.execute(
                text(
                    "INSERT INTO users (email, name, password_hash, role, language, is_active,"
                    " created_at) VALUES ('a@b.in', 'A', 'x', 'superuser', 'en', true,"
                    " CURRENT_TIMESTAMP)"
                )
            )
        db.engine.dispose()
