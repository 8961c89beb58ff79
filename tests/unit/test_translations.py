"""The Hindi catalogue is complete and covers every string marked in the code and templates."""

import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).parents[2]
CATALOGUE = ROOT / "tracker/translations/hi/LC_MESSAGES/messages.po"


def read(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def test_hindi_catalogue_has_no_untranslated_or_fuzzy_entry():
    catalogue = read(CATALOGUE)
    missing = [m.id for m in catalogue if m.id and (not m.string or (
        isinstance(m.string, tuple) and not all(m.string)))]  # fmt: skip
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert missing == []
    assert fuzzy == []


def test_placeholders_survive_translation():
    placeholder = re.compile(r"%\(\w+\)[sd]")
    for message in read(CATALOGUE):
        if message.id and isinstance(message.id, str):
            assert sorted(placeholder.findall(message.id)) == sorted(
                placeholder.findall(message.string)
            ), message.id


def test_every_marked_string_is_in_the_catalogue(tmp_path):
    template = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-k", "_l", "-k", "lazy_gettext", "--no-location", "-o", str(template), "."],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    marked = {m.id for m in read(template) if m.id}
    translated = {m.id for m in read(CATALOGUE) if m.id}
    untranslated = sorted(marked - translated, key=str)
    assert untranslated == [], "run `make translations` and translate the new entries"
