"""Input no database column can hold gets a clear answer, never a server error (both databases)."""

import pytest

from tests.conftest import csrf_token
from tracker.routing import MAX_ID


@pytest.mark.parametrize(
    "path",
    [
        "/inbox?q=a%00b",
        "/meetings?committee=%00",
        "/dashboard?committee=1&due_from=%00",
    ],
)
def test_a_nul_character_in_the_query_gets_a_clear_400_page(chair_client, path):
    response = chair_client.get(path)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "The text sent holds a character that cannot be stored" in page
    assert "nothing was saved" in page


def test_a_nul_character_in_a_form_is_refused_and_nothing_is_saved(secretary_client, db):
    from tracker.models import Committee

    token = csrf_token(secretary_client, "/committees/new")
    response = secretary_client.post(
        "/committees/new",
        data={"csrf_token": token, "name_en": "Task\x00force", "name_hi": "टास्क फोर्स"},
    )
    assert response.status_code == 400
    assert "cannot be stored" in response.get_data(as_text=True)
    assert db.session.query(Committee).count() == 0


@pytest.mark.parametrize(
    "path",
    [
        f"/meetings?committee={MAX_ID + 1}",
        "/meetings?committee=99999999999999999999&page=99999999999999999999",
        "/inbox?page=99999999999999999999",
        f"/dashboard?committee={MAX_ID + 1}&meeting={MAX_ID + 1}&department={MAX_ID + 1}",
        "/dashboard/list?view=overdue&page=99999999999",
        "/notifications?page=99999999999999999999",
    ],
)
def test_numbers_too_large_for_an_id_are_ignored_not_a_server_error(chair_client, path):
    assert chair_client.get(path).status_code == 200


@pytest.mark.parametrize(
    "path", [f"/meetings/{MAX_ID + 1}", "/meetings/0", f"/assignments/{10**20}"]
)
def test_ids_in_the_path_too_large_for_a_column_are_not_found(chair_client, path):
    response = chair_client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_a_request_larger_than_any_upload_is_refused_with_a_clear_page(app, client):
    limit = (app.config["MAX_UPLOAD_MB"] + 1) * 1024 * 1024
    assert app.config["MAX_CONTENT_LENGTH"] == limit
    response = client.post(
        "/login",
        data=b"x" * (limit + 1),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "The file is too large" in response.get_data(as_text=True)
