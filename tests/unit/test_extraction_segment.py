"""Sentence and clause splitting of minutes, in both scripts and many layouts."""

import pytest

from tracker.extraction.normalize import fold
from tracker.extraction.segment import segment, split_sentences


def texts(source: str) -> list[str]:
    folded = fold(source).text
    return [folded[s.start:s.end] for s in segment(folded)]


def sentences(source: str) -> list[str]:
    return [source[s:e] for s, e in split_sentences(source, 0, len(source))]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("पहला वाक्य है। दूसरा वाक्य है।", ["पहला वाक्य है।", "दूसरा वाक्य है।"]),
        ("पहला वाक्य है॥ दूसरा वाक्य है|", ["पहला वाक्य है॥", "दूसरा वाक्य है"]),
        ("Is it done? Yes! It is.", ["Is it done?", "Yes!", "It is."]),
        ("Dr. Mehta met Shri A.K. Rao. They agreed.",
         ["Dr. Mehta met Shri A.K. Rao.", "They agreed."]),
        ("Send files, e.g. the register, i.e. the list. Then stop.",
         ["Send files, e.g. the register, i.e. the list.", "Then stop."]),
        ("See No. 5 of the list. Done.", ["See No. 5 of the list.", "Done."]),
        ("मुख्य विकास अधिकारी सुमन के. ने निर्देश दिए। बैठक समाप्त हुई।",
         ["मुख्य विकास अधिकारी सुमन के. ने निर्देश दिए।", "बैठक समाप्त हुई।"]),
        ("अपर जिलाधिकारी (वि./रा.) ने कहा। डॉ. वर्मा ने बताया।",
         ["अपर जिलाधिकारी (वि./रा.) ने कहा।", "डॉ. वर्मा ने बताया।"]),
        ("The date is 31.03.2026. Next item.", ["The date is 31.03.2026.", "Next item."]),
    ],
)
def test_split_sentences(source, expected):
    # a trailing "|" typed as a danda is trimmed like a table border
    assert sentences(source) == expected


def test_numbered_and_bulleted_items_are_separate_segments():
    source = ("Decisions:\n1. The BSA shall survey the schools.\n2) The CMO shall hold camps.\n"
              "(क) पहला बिंदु है\n(ख) दूसरा बिंदु है\n• bullet one\n- bullet two\n* bullet three\n"
              "a) letter item")
    assert texts(source) == [
        "The BSA shall survey the schools.", "The CMO shall hold camps.", "पहला बिंदु है",
        "दूसरा बिंदु है", "bullet one", "bullet two", "bullet three", "letter item",
    ]


def test_items_under_a_decision_heading_carry_the_context():
    source = "## Decisions\n\n1. Survey the schools.\n\n## Action taken\n\n1. Camps held."
    folded = fold(source).text
    contexts = [s.context for s in segment(folded)]
    assert contexts == ["decision", "report"]


def test_wrapped_lines_join_but_a_short_title_line_breaks():
    source = ("Body starts here.\nThis sentence is wrapped across\ntwo lines in the minutes.\n"
              "Short title\nA much longer line that follows the short title line and ends here.")
    assert texts(source) == [
        "Body starts here.", "This sentence is wrapped across\ntwo lines in the minutes.",
        "Short title", "A much longer line that follows the short title line and ends here.",
    ]


def test_action_lines_and_tables():
    source = ("1. Survey the schools.\nACTION: BSA\n\n| Action | Responsible | Deadline |\n"
              "|---|---|---|\n| Hold camps | CMO | 31.03.2026 |")
    segs = segment(fold(source).text)
    assert [s.kind for s in segs] == ["item", "action", "table"]
    assert segs[2].roles == ("action", "owner", "due")
    assert segs[2].context == "table"


def test_tab_separated_table_rows():
    source = "S.No\tAction\tResponsibility\tTimeline\n1\tOpen accounts\tLDM\t30 days"
    segs = segment(fold(source).text)
    assert len(segs) == 1 and segs[0].kind == "table"
    assert segs[0].roles == ("", "action", "owner", "due")


def test_breadcrumbs_titles_and_chrome_are_dropped():
    source = ("• Home\n• जिला\n• जिलाधिकारी ने दिए निर्देश\n\nजिलाधिकारी ने दिए निर्देश\n\n"
              "जिला। बैठक हुई। काम करें।\n\nLeave a Reply\nScroll to Top")
    assert texts(source) == ["जिला।", "बैठक हुई।", "काम करें।"]


def test_line_ending_on_a_function_word_continues():
    source = "The District Magistrate directed the\nBDOs to finish the survey soon."
    assert texts(source) == [source]
