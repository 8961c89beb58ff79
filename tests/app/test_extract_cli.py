"""`flask extract`: the engine from the command line, as JSON or a table, and its errors."""

import json

import pytest

from tests.conftest import config_for
from tracker import create_app

MINUTES = (
    "जिलाधिकारी ने निर्देश दिए कि जिला बेसिक शिक्षा अधिकारी चिन्हित बच्चों का नामांकन"
    " 31 मार्च 2026 तक सुनिश्चित करें।\n"
    "सहायक श्रमायुक्त ने बताया कि पिछले माह 12 प्रतिष्ठानों का निरीक्षण किया गया।\n"
)


@pytest.fixture
def empty_database_cli(tmp_path):
    """A runner for an installation whose database has never been set up."""
    app = create_app(config_for(f"sqlite:///{tmp_path / 'empty.db'}"))
    return app.test_cli_runner()


def write(tmp_path, data: bytes, name: str = "minutes.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_json_output_has_exactly_the_agreed_shape(empty_database_cli, tmp_path):
    path = write(tmp_path, MINUTES.encode())
    result = empty_database_cli.invoke(
        args=["extract", "--json", "--meeting-date", "2026-03-02", path]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert set(payload) == {"language", "directives"}
    assert payload["language"] == "hi"
    assert len(payload["directives"]) == 1
    directive = payload["directives"][0]
    assert set(directive) == {"text", "start", "end", "assignees", "all_departments", "due_date",
                              "due_text", "confidence", "reason"}  # fmt: skip
    assert MINUTES[directive["start"] : directive["end"]] == directive["text"]
    assert directive["assignees"] == [
        {"mention": "जिला बेसिक शिक्षा अधिकारी", "department": "BASIC_EDU"}
    ]
    assert directive["due_date"] == "2026-03-31"
    assert "31 मार्च 2026" in directive["due_text"]
    assert directive["all_departments"] is False
    assert 0 <= directive["confidence"] <= 1
    assert directive["reason"]


def test_table_output_and_standard_input(empty_database_cli):
    result = empty_database_cli.invoke(args=["extract", "-"], input=MINUTES.encode())
    assert result.exit_code == 0, result.output
    assert "BASIC_EDU" in result.output
    assert "चिन्हित बच्चों" in result.output


def test_the_installations_own_aliases_are_used(cli, create_department, tmp_path):
    create_department(code="NCLP", name_en="National Child Labour Project",
                      name_hi="राष्ट्रीय बाल श्रम परियोजना", aliases=("परियोजना निदेशक",))  # fmt: skip
    text = "परियोजना निदेशक को निर्देश दिए गए कि विशेष विद्यालयों की सूची एक सप्ताह में दें।\n"
    result = cli.invoke(args=["extract", "--json", write(tmp_path, text.encode())])
    assert result.exit_code == 0, result.output
    assignees = json.loads(result.output)["directives"][0]["assignees"]
    assert {"mention": "परियोजना निदेशक", "department": "NCLP"} in assignees


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The input is empty"),
        (b"   \n\t\n", "The input is empty"),
        ("बैठक".encode("utf-16"), "not UTF-8 text"),
        ("Minutes".encode("utf-16"), "binary file"),
        (b"\xff\xfe\xfa minutes in a legacy encoding", "not UTF-8 text"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "binary file"),
    ],
)
def test_bad_input_gets_a_clear_error_and_no_traceback(empty_database_cli, tmp_path, data, message):
    result = empty_database_cli.invoke(args=["extract", write(tmp_path, data)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_missing_file_and_a_bad_date_are_refused(empty_database_cli, tmp_path):
    missing = empty_database_cli.invoke(args=["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0
    assert "No such file or directory" in missing.output
    path = write(tmp_path, MINUTES.encode())
    bad_date = empty_database_cli.invoke(args=["extract", "--meeting-date", "31-03-2026", path])
    assert bad_date.exit_code != 0
    assert "--meeting-date" in bad_date.output
