"""Fixtures of the API tests (test_api_*.py): a small district and API clients for its users.

Modules that build a different world define their own ``world`` fixture, which takes precedence.
"""

import pytest

from tests.app.test_api_support import api_client, build_api_world


@pytest.fixture
def world(db, create_department, create_committee, create_meeting):
    return build_api_world(db, create_department, create_committee, create_meeting)


@pytest.fixture
def as_(app, world):
    """Return a function giving an API client for one of the world's users by name."""
    clients = {}

    def client(who: str):
        if who not in clients:
            clients[who] = api_client(app, world.user(who))
        return clients[who]

    return client
