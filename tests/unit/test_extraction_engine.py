"""The whole pipeline: one candidate per action, exact offsets, JSON and table output."""

import json
import time
from datetime import date

import pytest

from tracker.extraction import (
    Candidate,
    candidates_to_json,
    detect_language,
    extract,
    format_table,
)


def check_offsets(text: str, candidates: list[Candidate]) -> None:
    for c in candidates:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text
        for a in c.assignees:
            assert 0 <= a.start < a.end <= len(text)
            assert text[a.start:a.end] == a.mention
        assert 0.0 <= c.confidence <= 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("जिलाधिकारी ने निर्देश दिए कि शिक्षा विभाग नामांकन कराए तथा स्वास्थ्य विभाग जांच करे।",
         [["BASIC_EDU"], ["HEALTH"]]),
        ("उन्होंने बीएसए को सर्वे करने तथा सीएमओ को शिविर लगाने के निर्देश दिए।",
         [["BASIC_EDU"], ["HEALTH"]]),
        ("The BSA shall survey the schools and the CMO shall hold health camps.",
         [["BASIC_EDU"], ["HEALTH"]]),
        ("The DM directed the BSA to map the schools by 10 April and the Executive Engineer, PWD "
         "to repair the roads.", [["BASIC_EDU"], ["PWD"]]),
        ("The Revenue Department shall digitise the records; the NIC shall host them; and the DSO "
         "shall verify the cards.", [["REVENUE"], ["IT"], ["FOOD_SUPPLY"]]),
    ],
)
def test_one_candidate_per_action(text, expected):
    found = extract(text, meeting_date=date(2026, 3, 1))
    check_offsets(text, found)
    assert [[a.department for a in c.assignees] for c in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The DM directed the BSA and the DPO to conduct a joint survey.",
        "बीएसए एवं जिला प्रोबेशन अधिकारी को संयुक्त सर्वे करने के निर्देश दिए गए।",
        "The BSA shall prepare the list and submit it within 15 days.",
    ],
)
def test_one_action_for_several_departments_stays_one_candidate(text):
    found = extract(text)
    assert len(found) == 1
    assert len(found[0].assignees) >= 1


def test_deadline_stays_with_its_own_action():
    text = "The BSA shall survey the schools by 31 March 2026 and the CMO shall hold camps."
    found = extract(text, meeting_date=date(2026, 3, 1))
    assert [c.due_date for c in found] == [date(2026, 3, 31), None]


@pytest.mark.parametrize(
    "text",
    [
        "पहली पंक्ति।\r\nजिलाधिकारी ने बीएसए को सर्वे कराने के निर्देश दिए।\r\n",
        "जिला\u200dधिकारी ने बी\u200cएसए को सर्वे कराने के निर्देश दिए।",
        "\ufeffजिलाधिकारी ने क\u093cानून के तहत बीएसए को ३१ मार्च तक सर्वे कराने के निर्देश दिए।",
        "The DM\u00a0directed the BSA to survé the schools by 31\u201303\u20132026.",
        "e\u0301\u0301 The DM directed the CMO to hold camps. \u202eabc",
        "“The DM directed the CMO to hold camps,” said the note.\rNext line.",
        "जिलाधिकारी ने निर्देश दिए कि सभी विभाग फ़ौरन ध्यान दें।\u0000\u0007",
    ],
)
def test_offsets_refer_to_the_original_text(text):
    found = extract(text, meeting_date=date(2026, 3, 1))
    assert found
    check_offsets(text, found)
    for c in found:
        if c.due_text is not None:
            assert c.due_text in text


def test_nukta_and_digits_fold_for_matching():
    text = "जिलाधिकारी ने लोक निर्माण विभाग को सड़क की मरम्मत १५ दिन में कराने के निर्देश दिए।"
    decomposed = text.replace("ड़", "ड\u093c")
    for variant in (text, decomposed):
        (c,) = extract(variant, meeting_date=date(2026, 3, 1))
        assert c.due_date == date(2026, 3, 16)
        assert [a.department for a in c.assignees] == ["PWD"]
        check_offsets(variant, [c])


def test_empty_and_blank_text():
    assert extract("") == []
    assert extract(" \n\t ") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("जिलाधिकारी ने निर्देश दिए।", "hi"),
        ("The DM directed the BSA.", "en"),
        ("जिलाधिकारी ने BSA, DPO और CMO को निर्देश दिए कि सर्वे करें।", "hi"),
        ("", "en"),
        ("12345", "en"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_language_argument_does_not_change_what_is_found():
    text = "The DM directed the BSA to survey the schools."
    assert extract(text, language="hi") == extract(text)


def test_candidates_to_json_shape():
    text = "जिलाधिकारी ने बीएसए को 31 मार्च तक सर्वे कराने के निर्देश दिए। सभी विभाग सूची भेजें।"
    found = extract(text, meeting_date=date(2026, 3, 1))
    data = candidates_to_json("hi", found)
    assert set(data) == {"language", "directives"}
    assert data["language"] == "hi"
    assert len(data["directives"]) == 2
    keys = {"text", "start", "end", "assignees", "all_departments", "due_date", "due_text",
            "confidence", "reason"}
    for item in data["directives"]:
        assert set(item) == keys
        assert item["text"] == text[item["start"]:item["end"]]
        assert all(set(a) == {"mention", "department"} for a in item["assignees"])
        assert isinstance(item["confidence"], float) and isinstance(item["reason"], str)
    first, second = data["directives"]
    assert first["due_date"] == "2026-03-31" and first["due_text"] == "31 मार्च तक"
    assert first["assignees"] == [{"mention": "बीएसए", "department": "BASIC_EDU"}]
    assert second["all_departments"] is True and second["due_date"] is None
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_format_table_lists_every_candidate():
    found = extract("The DM directed the BSA to survey the schools by 31 March 2026. "
                    "All departments shall send the lists.", meeting_date=date(2026, 3, 1))
    table = format_table(found)
    lines = table.splitlines()
    assert lines[0].split()[:4] == ["#", "conf", "due", "assignees"]
    assert len(lines) == 2 + len(found)
    assert "2026-03-31" in table and "BASIC_EDU" in table and "ALL" in table
    assert "(no directives found)" in format_table([])


def test_confidence_is_higher_for_a_strong_cue():
    strong = extract("The DM directed the BSA to survey the schools.")[0]
    weak = extract("Awareness camps should be organised in all blocks.")[0]
    assert strong.confidence > weak.confidence


def test_seed_style_press_note():
    text = (
        "• Home\n• जिला\n• जिलाधिकारी ने की बैठक, दिए निर्देश\n\n"
        "जिलाधिकारी ने की बैठक, दिए निर्देश\n\n"
        "जिला। जिलाधिकारी की अध्यक्षता में बैठक आयोजित की गई। जिलाधिकारी ने निर्देश दिए कि सभी "
        "विभाग लंबित शिकायतों का निस्तारण करें। श्रम प्रवर्तन अधिकारी ने निरीक्षणों के बारे में "
        "जानकारी दी। बैठक में मुख्य विकास अधिकारी एवं जिला प्रोबेशन अधिकारी उपस्थित रहे।"
        "\n\nLeave a Reply"
    )
    found = extract(text)
    check_offsets(text, found)
    assert len(found) == 1
    assert found[0].all_departments and found[0].text.startswith("जिलाधिकारी ने निर्देश दिए")


def test_run_on_text_stays_fast_and_valid():
    clause = "The BSA shall survey the schools, the CMO shall hold camps and the DPO shall report, "
    text = clause * 800
    start = time.perf_counter()
    found = extract(text)
    assert time.perf_counter() - start < 5
    assert found
    check_offsets(text, found)


def test_inline_action_note_names_the_assignees_of_the_sentence_before():
    text = ("निर्देशित किया गया कि परिवारों का सर्वेक्षण कराया जाए। (कार्यवाही: सहायक श्रमायुक्त/खण्ड "
            "विकास अधिकारी)")
    (found,) = extract(text)
    check_offsets(text, [found])
    assert [a.department for a in found.assignees] == ["LABOUR", "RURAL_DEV"]
    assert found.text.endswith("विकास अधिकारी)")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(a) The cold chain points shall be repaired by 20 March 2026.\n"
         "(b) Vaccination sessions shall be held in every school.\n"
         "Action: (a) CMO (b) BSA", [["HEALTH"], ["BASIC_EDU"]]),
        ("(i) Drains in the market area shall be cleaned.\n"
         "(ii) Ponds in the villages shall be desilted.\n"
         "Action by: EO (i), DPRO (ii)", [["URBAN_DEV"], ["PANCHAYATI_RAJ"]]),
        ("1. Brick kilns shall be inspected every month.\n"
         "2. Rescued children shall be enrolled in schools.\n"
         "Action: ALC and BSA respectively", [["LABOUR"], ["BASIC_EDU"]]),
        ("(क) सभी हैंडपंपों की मरम्मत कराई जाए।\n"
         "(ख) विद्यालयों में शौचालय बनवाए जाएं।\n"
         "कार्यवाही: (क) जल निगम (ख) बेसिक शिक्षा अधिकारी", [["JAL_NIGAM"], ["BASIC_EDU"]]),
        ("1. तालाबों की सफाई कराई जाए।\n"
         "2. नहरों की सिल्ट सफाई कराई जाए।\n"
         "कार्यवाही: जिला पंचायत राज अधिकारी एवं सिंचाई विभाग क्रमशः",
         [["PANCHAYATI_RAJ"], ["IRRIGATION"]]),
    ],
)
def test_one_action_line_for_several_items_gives_each_item_its_own_office(text, expected):
    found = extract(text, meeting_date=date(2026, 3, 1))
    check_offsets(text, found)
    assert [[a.department for a in c.assignees] for c in found] == expected


@pytest.mark.parametrize(
    ("text", "expected", "due_on"),
    [
        ("निर्णय लिया गया कि सभी विद्यालयों में पुस्तकालय स्थापित किए जाएंगे। इसका उत्तरदायित्व "
         "जिला बेसिक शिक्षा अधिकारी का होगा तथा यह कार्य 30 अप्रैल 2026 तक पूर्ण किया जाएगा।",
         ["BASIC_EDU"], date(2026, 4, 30)),
        ("It was decided that a library shall be set up in every school. The responsibility for "
         "this shall lie with the BSA, and the work shall be completed by 30 April 2026.",
         ["BASIC_EDU"], date(2026, 4, 30)),
    ],
)
def test_a_sentence_naming_who_is_responsible_completes_the_directive_before(text, expected,
                                                                            due_on):
    (found,) = extract(text, meeting_date=date(2026, 3, 1))
    assert [a.department for a in found.assignees] == expected
    assert found.due_date == due_on
    assert found.text == text


@pytest.mark.parametrize(
    "text",
    [
        "जिला बेसिक शिक्षा अधिकारी को निर्देशित किया गया कि विद्यालयों में स्वच्छ पेयजल तथा क्रियाशील "
        "शौचालय की व्यवस्था सुनिश्चित करें।",
        "क्षेत्रीय स्त्री स्वास्थ्य केंद्रों में श्रमिक परिवारों की महिलाओं की जांच कराई जाए।",
        "The District Magistrate directed the Executive Engineer to repair the embankment.",
    ],
)
def test_format_table_cuts_text_between_letters(text):
    from tracker.extraction.output import graphemes

    found = extract(text, meeting_date=date(2026, 3, 1))
    row = format_table(found).splitlines()[2]
    shown = row.split("  ")[-1].strip().rstrip("…")
    assert text.startswith(shown)
    assert "".join(graphemes(text)[:len(graphemes(shown))]) == shown


@pytest.mark.parametrize(
    "text",
    ["क्षेत्रीय स्त्री स्वास्थ्य केंद्रों में श्रमिकों की जांच", "श्रीमती अर्चना द्विवेदी, उप निदेशक (कृषि)"],
)
def test_cutting_to_any_width_keeps_whole_letters(text):
    from tracker.extraction.output import _fit, graphemes

    clusters = graphemes(text)
    for width in range(2, 40):
        kept = _fit(text, width).rstrip(" ").rstrip("…")
        assert kept in ("".join(clusters[:k]) for k in range(len(clusters) + 1)), (width, kept)


def test_graphemes_keep_conjuncts_and_vowel_signs_together():
    from tracker.extraction.output import graphemes

    assert graphemes("क्षेत्र") == ["क्षे", "त्र"]
    assert graphemes("स्त्री") == ["स्त्री"]
    assert graphemes("कि ab") == ["कि", " ", "a", "b"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He directed the Jal Shakti Department to ensure water supply and asked the Power "
         "Development Department to keep transformers ready.", [["JAL_NIGAM"], ["POWER"]]),
        ("The DM directed the BSA to open the schools and also instructed the CMO to hold "
         "health camps.", [["BASIC_EDU"], ["HEALTH"]]),
    ],
)
def test_and_asked_another_office_starts_a_new_directive(text, expected):
    found = extract(text)
    assert [[a.department for a in c.assignees] for c in found] == expected


@pytest.mark.parametrize(
    "action",
    ["Action: DCPU for (a) and (b)", "Action: (a) and (b) DCPU", "कार्यवाही: (क) एवं (ख) डीसीपीयू"],
)
def test_items_an_action_line_names_together_share_the_office(action):
    labels = ("क", "ख") if "क" in action else ("a", "b")
    text = (f"({labels[0]}) The pending cases shall be placed before the committee.\n"
            f"({labels[1]}) Home visits shall be completed before 20 March 2026.\n{action}")
    found = extract(text, meeting_date=date(2026, 3, 1))
    assert [[a.department for a in c.assignees] for c in found] == [["PROBATION"], ["PROBATION"]]
