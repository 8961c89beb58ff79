"""The demo minutes yield the directives tracker/demo/minutes/EXPECTED.md lists, and no others."""

from datetime import date
from pathlib import Path

import pytest

from tracker.extraction import extract

MINUTES = Path(__file__).resolve().parents[2] / "tracker" / "demo" / "minutes"
#: file -> (meeting date, next meeting date as stated in the minutes)
MEETINGS = {
    "task_force_1_hi.md": (date(2026, 8, 14), date(2026, 10, 16)),
    "task_force_2_hi.md": (date(2026, 10, 16), date(2026, 12, 18)),
    "labour_review_1_en.md": (date(2026, 9, 10), date(2026, 11, 5)),
    "labour_review_2_en.md": (date(2026, 11, 5), date(2027, 1, 7)),
}
NCLP = "?परियोजना निदेशक"
#: (file, words only that directive's span holds, departments ("ALL", "?office"), due date)
EXPECTED = [
    ("task_force_1_hi.md", "एक समयबद्ध संयुक्त कार्ययोजना", {"ALL"}, "2026-08-29"),
    ("task_force_1_hi.md", "संयुक्त छापेमारी अभियान", {"LABOUR", "POLICE"}, "2026-08-14"),
    ("task_force_1_hi.md", "प्रत्येक बच्चे का विवरण", {"LABOUR", "POLICE"}, None),
    ("task_force_1_hi.md", "प्राथमिकी दर्ज कराना", {"POLICE"}, None),
    ("task_force_1_hi.md", "आयु निर्धारण", {"HEALTH"}, None),
    ("task_force_1_hi.md", "मनरेगा जॉब कार्ड, प्रधानमंत्री", {"RURAL_DEV"}, "2026-09-30"),
    ("task_force_1_hi.md", "गृह भ्रमण", {"WCD"}, None),
    ("task_force_1_hi.md", "ज़री इकाइयों का सर्वेक्षण", {"LABOUR"}, "2026-08-31"),
    ("task_force_1_hi.md", "निकटतम परिषदीय विद्यालय", {"BASIC_EDU"}, "2026-08-21"),
    ("task_force_1_hi.md", "पाठ्यपुस्तकें एवं यूनिफॉर्म", {"BASIC_EDU"}, None),
    ("task_force_1_hi.md", "बाल श्रमिक विद्या योजना", {"PROBATION"}, "2026-08-31"),
    ("task_force_1_hi.md", "दस दिवस के अंदर", {"FOOD_SUPPLY"}, "2026-08-24"),
    ("task_force_1_hi.md", "का प्रस्ताव पारित कराया जाएगा", {"PANCHAYATI_RAJ"}, "2026-10-16"),
    ("task_force_1_hi.md", "विधिक साक्षरता शिविर", {"LEGAL_SERVICES"}, "2026-09-15"),
    ("task_force_1_hi.md", "बंद पड़े विशेष प्रशिक्षण", {NCLP}, "2027-12-31"),
    ("task_force_2_hi.md", "शेष 12 परिवारों के राशन कार्ड", {"FOOD_SUPPLY"}, "2026-10-23"),
    ("task_force_2_hi.md", "शेष 55 ग्राम पंचायतों", {"PANCHAYATI_RAJ"}, "2026-10-26"),
    ("task_force_2_hi.md", "संयुक्त अभियान तत्काल चलाएं", {"LABOUR", "POLICE"}, "2026-10-16"),
    ("task_force_2_hi.md", "पत्राचार करें", {"BASIC_EDU"}, None),
    ("task_force_2_hi.md", "उपस्थिति रिपोर्ट", {"BASIC_EDU"}, "2026-10-30"),
    ("task_force_2_hi.md", "शेष 13 बच्चों के प्रस्ताव", {"PROBATION"}, "2026-10-31"),
    ("task_force_2_hi.md", "सभी ईंट भट्ठों पर स्वास्थ्य शिविर", {"HEALTH"}, "2026-11-30"),
    ("task_force_2_hi.md", "विशेष जांच अभियान चलाने", {"POLICE", "RAILWAYS"}, "2026-11-15"),
    ("task_force_2_hi.md", "शासन स्तर पर अनुश्रवण", {NCLP}, None),
    ("task_force_2_hi.md", "स्थिति से अवगत कराएं", {NCLP}, "2026-12-18"),
    ("task_force_2_hi.md", "मासिक प्रगति रिपोर्ट", {"ALL"}, "2026-11-05"),
    ("labour_review_1_en.md", "identify the gaps in coverage", {"FOOD_SUPPLY"}, "2026-10-31"),
    ("labour_review_1_en.md", "Ayushman card enrolment camps", {"HEALTH"}, "2026-09-30"),
    ("labour_review_1_en.md", "old age pension", {"SOCIAL_WELFARE"}, "2026-11-05"),
    ("labour_review_1_en.md", "all such claims shall be disposed of", {"LABOUR"}, "2026-09-24"),
    ("labour_review_1_en.md", "shall nominate a nodal officer", {"ALL"}, "2026-09-17"),
    ("labour_review_1_en.md", "de-duplicated dataset", {"IT"}, "2026-09-20"),
    ("labour_review_1_en.md", "pre-matric and post-matric", {"BASIC_EDU"}, None),
    ("labour_review_1_en.md", "registration-cum-benefit camps", {"TRIBAL_AFFAIRS"}, "2026-09-24"),
    ("labour_review_1_en.md", "Suraksha Bima Yojana", {"POWER"}, "2026-09-10"),
    ("labour_review_1_en.md", "register MGNREGA job-card holders", {"RURAL_DEV"}, "2026-10-20"),
    ("labour_review_1_en.md", "mobilising self-help group", {"RURAL_DEV"}, "2026-09-30"),
    ("labour_review_1_en.md", "Recognition of Prior Learning", {"SKILL_DEV"}, None),
    ("labour_review_2_en.md", "Ayushman card camps at all notified", {"HEALTH"}, "2026-11-30"),
    ("labour_review_2_en.md", "shall furnish the district-wise list", {"LABOUR"}, "2026-11-12"),
    ("labour_review_2_en.md", "correct the Aadhaar seeding errors", {"FOOD_SUPPLY"}, "2026-12-15"),
    ("labour_review_2_en.md", "remaining 3,636 pension cases", {"SOCIAL_WELFARE"}, "2026-11-19"),
    ("labour_review_2_en.md", "camps at the winter settlements", {"TRIBAL_AFFAIRS"}, "2026-12-31"),
    ("labour_review_2_en.md", "shall do so by 10 November", {"TOURISM", "HORTICULTURE"},
     "2026-11-10"),
    ("labour_review_2_en.md", "saturation dashboard", {"LABOUR", "IT"}, "2027-01-07"),
    ("labour_review_2_en.md", "empanel training partners", {"SKILL_DEV"}, "2026-11-05"),
]


def candidates(name: str):
    meeting, next_meeting = MEETINGS[name]
    text = (MINUTES / name).read_text(encoding="utf-8")
    return text, extract(text, meeting_date=meeting, next_meeting_date=next_meeting)


@pytest.mark.parametrize("name", sorted(MEETINGS))
def test_demo_minutes_yield_exactly_the_expected_directives(name):
    _text, found = candidates(name)
    assert len(found) == sum(1 for row in EXPECTED if row[0] == name)


@pytest.mark.parametrize(("name", "anchor", "codes", "due_on"), EXPECTED)
def test_demo_directive_has_the_expected_offices_and_deadline(name, anchor, codes, due_on):
    text, found = candidates(name)
    start = text.index(anchor)
    (hit,) = [c for c in found if c.start <= start and start + len(anchor) <= c.end]
    got = {a.department or "?" + a.mention for a in hit.assignees}
    got |= {"ALL"} if hit.all_departments else set()
    assert got == codes
    assert hit.due_date == (date.fromisoformat(due_on) if due_on else None)
