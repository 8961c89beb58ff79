"""Deadlines in both languages and scripts, resolved against the meeting date."""

from datetime import date

import pytest

from tracker.extraction import extract

MEETING = date(2026, 3, 10)
NEXT = date(2026, 4, 14)


def due(sentence: str, meeting: date | None = MEETING, next_meeting: date | None = NEXT):
    found = extract(sentence, meeting_date=meeting, next_meeting_date=next_meeting)
    assert len(found) == 1, found
    return found[0].due_date, found[0].due_text


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("31.03.2026 तक", date(2026, 3, 31)),
        ("31/3/26 तक", date(2026, 3, 31)),
        ("31-03-2026 तक", date(2026, 3, 31)),
        ("2026-03-31 तक", date(2026, 3, 31)),
        ("31 मार्च 2026 तक", date(2026, 3, 31)),
        ("३१ मार्च तक", date(2026, 3, 31)),
        ("31 मार्च तक", date(2026, 3, 31)),
        ("15 जनवरी तक", date(2027, 1, 15)),
        ("दिनांक 20.04.2026 तक", date(2026, 4, 20)),
        ("5 सितम्बर तक", date(2026, 9, 5)),
        ("5 सितंबर तक", date(2026, 9, 5)),
        ("10 नवम्बर तक", date(2026, 11, 10)),
        ("2 दिसंबर तक", date(2026, 12, 2)),
        ("12 अक्टूबर तक", date(2026, 10, 12)),
        ("3 फरवरी 2027 तक", date(2027, 2, 3)),
        ("वर्ष 2026 तक", date(2026, 12, 31)),
        ("15 दिन में", date(2026, 3, 25)),
        ("15 दिनों के भीतर", date(2026, 3, 25)),
        ("10 दिवस के अंदर", date(2026, 3, 20)),
        ("एक सप्ताह में", date(2026, 3, 17)),
        ("दो सप्ताह में", date(2026, 3, 24)),
        ("एक पखवाड़े में", date(2026, 3, 25)),
        ("24 घंटे में", date(2026, 3, 11)),
        ("माह के अंत तक", date(2026, 3, 31)),
        ("अगले माह के अंत तक", date(2026, 4, 30)),
        ("अप्रैल माह के अंत तक", date(2026, 4, 30)),
        ("अगली बैठक से पूर्व", NEXT),
        ("तत्काल", MEETING),
        ("तुरंत", MEETING),
        ("इस माह", date(2026, 3, 31)),
        ("इसी माह में", date(2026, 3, 31)),
        ("इसी वर्ष", date(2026, 12, 31)),
        ("चालू वित्तीय वर्ष में", date(2026, 3, 31)),
        ("वित्तीय वर्ष 2025-26 में", date(2026, 3, 31)),
    ],
)
def test_hindi_deadlines(phrase, expected):
    sentence = f"जिलाधिकारी ने बेसिक शिक्षा अधिकारी को {phrase} सर्वे पूरा कराने के निर्देश दिए।"
    got, text = due(sentence)
    assert got == expected
    assert text and text in sentence


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by 31.03.2026", date(2026, 3, 31)),
        ("by 31/3/26", date(2026, 3, 31)),
        ("by 2026-03-31", date(2026, 3, 31)),
        ("by March 31", date(2026, 3, 31)),
        ("by March 31, 2026", date(2026, 3, 31)),
        ("by 31st March", date(2026, 3, 31)),
        ("by 31 Mar 2026", date(2026, 3, 31)),
        ("before 15th August", date(2026, 8, 15)),
        ("no later than 20 April 2026", date(2026, 4, 20)),
        ("by 5 January", date(2027, 1, 5)),
        ("by 2027", date(2027, 12, 31)),
        ("within 15 days", date(2026, 3, 25)),
        ("within fifteen days", date(2026, 3, 25)),
        ("within a week", date(2026, 3, 17)),
        ("within a fortnight", date(2026, 3, 24)),
        ("within two months", date(2026, 5, 10)),
        ("within 48 hours", date(2026, 3, 12)),
        ("by the end of the month", date(2026, 3, 31)),
        ("by the end of next month", date(2026, 4, 30)),
        ("by the end of May", date(2026, 5, 31)),
        ("before the next meeting", NEXT),
        ("immediately", MEETING),
        ("forthwith", MEETING),
        ("without delay", MEETING),
    ],
)
def test_english_deadlines(phrase, expected):
    sentence = f"The DM directed the BSA to complete the survey {phrase}."
    got, text = due(sentence)
    assert got == expected
    assert text and text in sentence


def test_relative_deadline_without_meeting_date_keeps_the_text_only():
    got, text = due("The DM directed the BSA to complete the survey within 15 days.", meeting=None)
    assert got is None and text == "within 15 days"


def test_yearless_date_without_meeting_date_is_not_guessed():
    got, text = due("जिलाधिकारी ने बीएसए को 31 मार्च तक सर्वे कराने के निर्देश दिए।", meeting=None)
    assert got is None and text == "31 मार्च तक"


def test_next_meeting_unknown():
    got, text = due("The BSA shall report before the next meeting.", next_meeting=None)
    assert got is None and text == "before the next meeting"


def test_explicit_date_wins_over_immediately():
    got, _ = due("The BSA shall immediately start the survey and finish it by 31 March 2026.")
    assert got == date(2026, 3, 31)


def test_reference_dates_are_not_deadlines():
    got, _ = due("As per the letter dated 02.03.2026, the BSA shall start the survey.")
    assert got is None


def test_invalid_dates_are_ignored():
    got, _ = due("The BSA shall finish the survey by 31.02.2026.")
    assert got is None


def test_period_counted_from_an_event_is_not_resolved():
    got, text = due("The BEOs will ensure that every child is admitted within 30 days of rescue.")
    assert got is None and text == "within 30 days"


def test_period_counted_from_the_minutes_is_resolved():
    got, _ = due("The DSO shall release the funds within 15 days of the issue of these minutes.")
    assert got == date(2026, 3, 25)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by the first week of April", date(2026, 4, 7)),
        ("during the month of May", date(2026, 5, 31)),
        ("in October", date(2026, 10, 31)),
    ],
)
def test_english_month_periods(phrase, expected):
    got, _ = due(f"The DM directed the BSA to complete the survey {phrase}.")
    assert got == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "यह निर्णय हुआ कि उद्योग विभाग अगले माह रोजगार मेला आयोजित करेगा।",
        "The DIC shall hold a loan mela by next month.",
    ],
)
def test_next_month_means_by_its_end(sentence):
    got, _ = due(sentence)
    assert got == date(2026, 4, 30)


def test_day_of_the_current_month_written_instant():
    got, text = due("The DSO shall submit the report by 15th instant.")
    assert got == date(2026, 3, 15) and text == "by 15th instant"


@pytest.mark.parametrize(
    "sentence",
    [
        "उन्होंने विद्युत विभाग को निर्देश दिए कि शिकायत मिलने पर 24 घंटे के भीतर आपूर्ति बहाल करें।",
        "निर्देशित किया गया कि आवेदन प्राप्त होने के 7 दिन में जांच पूरी की जाए।",
        "जल निगम को किसी भी पाइपलाइन की टूट-फूट 12 घंटे में ठीक करने को कहा गया।",
        "The Power Department shall restore supply within 6 hours of any breakdown.",
        "The PWD was directed to clear any road blocked by debris within 24 hours.",
        "The Police shall register an FIR within 24 hours of receipt of a complaint.",
    ],
)
def test_a_response_time_for_every_case_is_not_a_due_date(sentence):
    assert due(sentence)[0] is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("विद्युत विभाग को 48 घंटे के भीतर ट्रांसफार्मर बदलने के निर्देश दिए गए।", date(2026, 3, 12)),
        ("The DPO shall produce the rescued children before the CWC within 24 hours.",
         date(2026, 3, 11)),
    ],
)
def test_a_one_off_task_in_hours_is_due_the_next_days(sentence, expected):
    assert due(sentence)[0] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The DSO was asked to submit the list by Friday.", date(2026, 3, 13)),
        ("The BSA shall send the report by next Monday.", date(2026, 3, 16)),
        ("The CMO shall hold the camp by Tuesday.", date(2026, 3, 17)),
        ("जिला पूर्ति अधिकारी आगामी सोमवार तक सूची भेजें।", date(2026, 3, 16)),
        ("बीएसए शुक्रवार तक रिपोर्ट भेजें।", date(2026, 3, 13)),
    ],
)
def test_weekday_deadlines_are_the_first_such_day_after_the_meeting(sentence, expected):
    assert due(sentence)[0] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The BDOs shall complete the survey by the 25th of this month.", date(2026, 3, 25)),
        ("All departments shall send their returns by the 5th of every month.",
         date(2026, 4, 5)),
        ("The DSO shall reconcile the stock by the 15th of next month.", date(2026, 4, 15)),
        ("The CMO shall send the report by the 20th.", date(2026, 3, 20)),
        ("सभी विभाग प्रत्येक माह की 5 तारीख तक प्रगति रिपोर्ट भेजें।", date(2026, 4, 5)),
        ("खंड विकास अधिकारी इसी माह की 28 तारीख तक सर्वे पूरा करें।", date(2026, 3, 28)),
        ("बीएसए आगामी माह की 10 तारीख तक सूची भेजें।", date(2026, 4, 10)),
    ],
)
def test_day_of_month_deadlines(sentence, expected):
    assert due(sentence)[0] == expected


def test_a_drive_throughout_a_month_is_due_at_its_end():
    assert due("The Police shall run a helmet drive throughout the month of April.")[0] == date(
        2026, 4, 30)


@pytest.mark.parametrize(
    "text",
    [
        "The BSA shall map the schools by 20 March 2026. The DIOS shall map the colleges within "
        "the same period.",
        "बीएसए 20 मार्च 2026 तक विद्यालयों की मैपिंग करें। डीआईओएस उसी अवधि में कॉलेजों की मैपिंग करें।",
    ],
)
def test_within_the_same_period_takes_the_deadline_before(text):
    found = extract(text, meeting_date=MEETING)
    assert [c.due_date for c in found] == [date(2026, 3, 20), date(2026, 3, 20)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The DC directed the BSA to finish the survey within this month.", date(2026, 3, 31)),
        ("The DC directed the BSA to spend the grant in the current financial year.",
         date(2026, 3, 31)),
        ("The DC directed the BSA to spend the grant in the financial year 2026-27.",
         date(2027, 3, 31)),
        ("The DC directed the BSA to open the hostels by the end of this year.",
         date(2026, 12, 31)),
        ("उन्होंने कहा कि सभी पदाधिकारी बैठक की कार्यवाही नोट कर सोमवार को अवगत कराएं।",
         date(2026, 3, 16)),
        ("उन्होंने इस माह की 25 तारीख तक रिपोर्ट देने के निर्देश दिए।", date(2026, 3, 25)),
    ],
)
def test_this_month_this_year_the_financial_year_and_a_day_to_report(sentence, expected):
    assert due(sentence)[0] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "सोमवार को आयोजित बैठक में जिलाधिकारी ने सड़कों की मरम्मत कराने के निर्देश दिए।",
        "उन्होंने कहा कि इस वर्ष के लक्ष्य के अनुसार सर्वे करें।",
        "उन्होंने कहा कि इस माह में अब तक हुई प्रगति के आधार पर सर्वे करें।",
    ],
)
def test_a_day_or_period_that_only_names_when_something_happened_is_no_deadline(sentence):
    assert due(sentence)[0] is None


def test_a_year_inside_a_past_month_is_no_deadline():
    # "मार्च, 2025 तक" lies before the meeting; its "2025 तक" must not be read as 31 December
    sentence = ("जिलाधिकारी ने कहा कि वर्ष 2023 से लेकर मार्च, 2025 तक कराये गये कार्यों का विवरण "
                "तीन दिन के अंदर उपलब्ध कराना सुनिश्चित करें।")
    assert due(sentence, meeting=date(2025, 8, 6)) == (date(2025, 8, 9), "तीन दिन के अंदर")
