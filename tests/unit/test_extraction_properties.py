"""Properties that hold for any input: no exceptions, exact offsets, bounded confidence."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.extraction import candidates_to_json, extract, format_table

FRAGMENTS = [
    "जिलाधिकारी ने ", "बीएसए को ", "निर्देश दिए कि ", "सभी विभाग ", "३१ मार्च तक ", "सुनिश्चित करें",
    "।", "॥", "क\u093c", "\u200d", "\u200c", "\ufeff", "\r\n", "\n\n", "\t", " | ", "1. ", "(क) ",
    "- ", "ACTION: ", "The DM ", "directed the CMO ", "to hold camps ", "by 31.03.2026", ". ",
    "within 15 days", "shall ", "all departments ", "e\u0301", "\u0000", "\u202e", "Dr. ", "A.K. ",
    "Executive Engineer, Transco ", "परियोजना निदेशक को ", "अगली बैठक से पूर्व ", "तत्काल ",
    "## Decisions\n", "| Action | Responsible | Deadline |\n|---|---|---|\n",
    "| survey | BSA | 15 दिन |\n",
]

unicode_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400
)
devanagari_text = st.text(
    alphabet=st.characters(min_codepoint=0x0900, max_codepoint=0x097F), max_size=300
)
mixed_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), unicode_text, devanagari_text), max_size=40
).map("".join)
long_line = st.builds(lambda frag, n: frag * n, st.sampled_from(FRAGMENTS), st.integers(50, 400))
any_text = st.one_of(unicode_text, devanagari_text, mixed_text, long_line)
meeting = st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))


def assert_well_formed(text, candidates):
    for c in candidates:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text
        assert 0.0 <= c.confidence <= 1.0
        assert isinstance(c.reason, str) and c.reason
        for a in c.assignees:
            assert 0 <= a.start < a.end <= len(text)
            assert text[a.start:a.end] == a.mention
        if c.due_text is not None:
            assert c.due_text in text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, meeting_date=meeting, next_meeting_date=meeting)
def test_any_text_never_raises_and_offsets_hold(text, meeting_date, next_meeting_date):
    found = extract(text, meeting_date=meeting_date, next_meeting_date=next_meeting_date)
    assert_well_formed(text, found)
    data = candidates_to_json("hi", found)
    assert len(data["directives"]) == len(found)
    assert isinstance(format_table(found), str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60))
def test_directive_like_text_keeps_offsets(parts):
    text = "".join(parts)
    assert_well_formed(text, extract(text, meeting_date=date(2026, 3, 1)))
