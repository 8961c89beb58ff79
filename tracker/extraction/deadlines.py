"""Read deadlines in Hindi and English and resolve them against the meeting date."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .directory import WORD

_R = rf"(?![{WORD}])"
_L = rf"(?<![{WORD}])"

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "january jan जनवरी",
        "february feb फरवरी फरवरी",
        "march mar मार्च",
        "april apr अप्रैल अप्रेल अप्रील",
        "may मई",
        "june jun जून",
        "july jul जुलाई",
        "august aug अगस्त",
        "september sept sep सितंबर सितम्बर",
        "october oct अक्टूबर अक्तूबर अक्तुबर",
        "november nov नवंबर नवम्बर",
        "december dec दिसंबर दिसम्बर",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?" + _R
_EN_MONTH = "(?:" + "|".join(
    sorted((m for m in _MONTHS if m.isascii()), key=len, reverse=True)) + r")\.?" + _R

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90,
    "एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "छह": 6, "छः": 6, "सात": 7, "आठ": 8, "नौ": 9,
    "दस": 10, "ग्यारह": 11, "बारह": 12, "पंद्रह": 15, "पन्द्रह": 15, "बीस": 20, "पच्चीस": 25,
    "तीस": 30, "पैंतालीस": 45, "साठ": 60, "नब्बे": 90,
}
_NUM = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_UNITS = {
    "day": 1, "days": 1, "दिन": 1, "दिनों": 1, "दिवस": 1, "दिवसों": 1, "कार्यदिवस": 1,
    "week": 7, "weeks": 7, "सप्ताह": 7, "सप्ताहों": 7, "हफ्ते": 7, "हफ्तों": 7, "हफ्ता": 7,
    "fortnight": 15, "पखवाडे": 15, "पखवाडा": 15, "पखवारे": 15, "पखवारा": 15,
    "month": 30, "months": 30, "माह": 30, "महीने": 30, "महीनों": 30, "मास": 30,
    "hour": 0, "hours": 0, "hrs": 0, "घंटे": 0, "घंटों": 0, "घण्टे": 0,
    "year": 365, "years": 365, "वर्ष": 365, "वर्षों": 365, "साल": 365,
}
_UNIT = "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")"

_BEFORE_MARK = re.compile(
    r"(?:\bby|\bbefore|\btill|\buntil|\bupto|\bup\s+to|\bno\s+later\s+than|\bnot\s+later\s+than|"
    r"\blatest\s+by|\bon\s+or\s+before|\bprior\s+to|\bdeadline(?:\s+of|\s+is)?|\btarget\s+date"
    r"(?:\s+of|\s+is)?|\bdue\s+(?:on|by)|दिनांक|अंतिम\s+तिथि|अन्तिम\s+तिथि)"
    r"(?:\s+the)?[\s:,-]*$",
    re.IGNORECASE,
)
_AFTER_MARK = re.compile(
    r"\s*,?\s*(?:तक|से\s+पूर्व|से\s+पहले|के\s+पूर्व|के\s+पहले|के\s+अंदर|के\s+भीतर)" + _R
)
_REFERENCE_BEFORE = re.compile(
    r"(?:dated|letter|held\s+on|meeting\s+(?:on|of)|order\s+no|G\.?O\.?|circular|पत्र|पत्रांक|"
    r"शासनादेश|बैठक|आयोजित|dt\.?|since|from|w\.?e\.?f\.?|से)\W{0,25}$",
    re.IGNORECASE,
)
_REFERENCE_AFTER = re.compile(
    r"\s*(?:को\s+(?:आयोजित(?!\s+(?:होने|की\s+जाने|किए\s+जाने|की\s+जाएगी|होगी|हो\s+रही))|हुई|संपन्न|"
    r"सम्पन्न)|की\s+बैठक|के\s+पत्र|के\s+शासनादेश|के\s+आदेश|"
    r"से\s+(?:शुरू|प्रारंभ|आरंभ|लागू)|में\s+(?:आयोजित|हुई))",
)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline phrase found in folded text and the date it stands for."""

    start: int
    end: int
    due: date | None
    #: how sure the phrase is a deadline: 3 a date with "by/तक", 2 a period or event,
    #: 1.5 "immediately", 1 a bare date
    priority: float


@dataclass(frozen=True, slots=True)
class _Context:
    meeting: date | None
    next_meeting: date | None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _year(text: str | None) -> int | None:
    if not text:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def _make(year: int | None, month: int, day: int, ctx: _Context) -> tuple[bool, date | None]:
    """Return (valid, date); a year-less date takes the next one on or after the meeting."""
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return False, None
    if year is not None:
        try:
            return True, date(year, month, day)
        except ValueError:
            return False, None
    if day > calendar.monthrange(2024, month)[1]:
        return False, None
    if ctx.meeting is None:
        return True, None
    for y in (ctx.meeting.year, ctx.meeting.year + 1, ctx.meeting.year + 2):
        try:
            candidate = date(y, month, day)
        except ValueError:
            continue
        if candidate >= ctx.meeting:
            return True, candidate
    return True, None


def _numeric(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    a, b = int(m.group(1)), int(m.group(3))
    year = _year(m.group(4))
    if b > 12 >= a:
        a, b = b, a
    return _make(year, b, a, ctx)


def _iso(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), ctx)


def _day_month(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    month = _MONTHS[m.group(2).lower().rstrip(".")]
    return _make(_year(m.group(3)), month, int(m.group(1)), ctx)


def _month_day(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    word = m.group(1).rstrip(".")
    if word.lower() == "may" and not word[0].isupper():
        return False, None
    return _make(_year(m.group(3)), _MONTHS[word.lower()], int(m.group(2)), ctx)


def _month_year(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    month = _MONTHS[m.group(1).lower().rstrip(".")]
    return True, _month_end(int(m.group(2)), month)


def _month_only(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    word = m.group("mon").rstrip(".")
    if word.lower() == "may" and not word[0].isupper():
        return False, None
    month = _MONTHS[word.lower()]
    if ctx.meeting is None:
        return True, None
    year = ctx.meeting.year if month >= ctx.meeting.month else ctx.meeting.year + 1
    end = _month_end(year, month)
    if m.groupdict().get("before"):
        end = date(end.year, end.month, 1) - timedelta(days=1)
    return True, end


def _year_only(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    year = int(m.group("y"))
    if not 1990 <= year <= 2100:
        return False, None
    if m.groupdict().get("before"):
        year -= 1
    return True, date(year, 12, 31)


#: "within 30 days of rescue": counted from an event, not from the meeting
_OF_EVENT = re.compile(
    r"\s+(?:of|from|after)\s+(?!(?:the\s+|this\s+)?(?:issue|issuance|circulation|meeting|"
    r"receipt(?!\s+of\s+(?:(?:a|an|any|each|every)\b|(?:the\s+)?(?:complaints?|applications?|"
    r"grievances?|requests?|claims?|information|intimation|cases?|alerts?|warnings?)\b))|"
    r"date\s+of\s+(?:this|the)\s+meeting|these\s+minutes|today))",
    re.IGNORECASE,
)


#: "शिकायत मिलने पर 24 घंटे में", "प्राप्त होने के 7 दिन में": counted from each event
_HI_EVENT_BEFORE = re.compile(
    r"[\u0900-\u0963\u0971-\u097F]{2,}(?:ने\s+(?:पर|के)|ते\s+ही)\s*(?:अधिकतम\s+)?$")
_EN_EVENT_BEFORE = re.compile(
    r"\b(?:whenever|in\s+case\s+of|in\s+the\s+event\s+of|on\s+receipt\s+of|upon\s+receipt\s+of|"
    r"as\s+and\s+when)\b[^,;.।]{0,80}$",
    re.IGNORECASE)
#: "clear any road blocked ... within 24 hours": a response time for whatever case comes up,
#: not a date ("every rescued child ... within 24 hours" speaks of the children known today and
#: keeps its date)
_EN_ANY_BEFORE = re.compile(r"\bany\b[^,;.।]{0,70}$", re.IGNORECASE)
_HI_ANY_BEFORE = re.compile(r"(?<![\u0900-\u0963\u0971-\u097F])किसी\s+भी\s[^,;।]{0,70}$")


def _after_event(before: str) -> bool:
    """Tell whether the words before a period or "immediately" name an event it counts from."""
    return bool(_HI_EVENT_BEFORE.search(before) or _EN_EVENT_BEFORE.search(before))


def _response_time(m: re.Match, unit: str) -> bool:
    """Tell whether a period is counted from an event ("of receipt", "मिलने पर"), not the meeting.

    Such a period is a response time for every case to come ("any complaint within 24 hours"),
    which has no due date of its own.
    """
    before = m.string[max(0, m.start() - 100):m.start()]
    if _after_event(before):
        return True
    hours = _UNITS.get(unit, 1) == 0
    return hours and (_EN_ANY_BEFORE.search(before) is not None
                      or _HI_ANY_BEFORE.search(before) is not None)


#: a period that lies behind the meeting or comes round again: "पिछले दो वर्षों में", "in the last
#: 15 days", "once in two months"
_PAST_OR_EVERY = re.compile(
    r"(?:(?<![\u0900-\u0963\u0971-\u097F])(?:पिछले|विगत|गत|बीते|हर|प्रत्येक)|\b(?:last|past|previous|once|"
    r"every))\s+(?:in\s+|the\s+)?$", re.IGNORECASE)


def _relative(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    if _PAST_OR_EVERY.search(m.string, max(0, m.start() - 20), m.start()):
        return False, None
    if _OF_EVENT.match(m.string, m.end()) or _response_time(m, m.group("u").lower()):
        return True, None
    raw = (m.group("n") or "one").lower()
    count = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
    unit = m.group("u").lower()
    if ctx.meeting is None:
        return True, None
    days = _UNITS[unit]
    if unit in ("month", "months", "माह", "महीने", "महीनों", "मास"):
        return True, _add_months(ctx.meeting, count)
    if days == 365:
        return True, _add_months(ctx.meeting, 12 * count)
    if days == 0:
        return True, ctx.meeting + timedelta(days=-(-count // 24))
    if unit == "fortnight":
        days = 14
    return True, ctx.meeting + timedelta(days=count * days)


def _single_period(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    unit = m.group("u").lower()
    if ctx.meeting is None:
        return True, None
    if unit in ("month", "माह", "महीने", "मास"):
        return True, _add_months(ctx.meeting, 1)
    return True, ctx.meeting + timedelta(days=14 if unit == "fortnight" else _UNITS[unit])


def _month_end_rel(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    if ctx.meeting is None:
        return True, None
    base = _add_months(ctx.meeting, 1) if m.group("next") else ctx.meeting
    return True, _month_end(base.year, base.month)


def _named_month_end(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    month = _MONTHS[m.group("mon").lower().rstrip(".")]
    year = _year(m.group("y"))
    if year is None:
        if ctx.meeting is None:
            return True, None
        year = ctx.meeting.year if month >= ctx.meeting.month else ctx.meeting.year + 1
    return True, _month_end(year, month)


def _fy_end(m: re.Match | _Merged, ctx: _Context) -> tuple[bool, date | None]:
    first = m.group("fy")
    if first:  # "वित्तीय वर्ष 2020-21": the year ends on 31 March 2021
        return True, date(int(first) + 1, 3, 31)
    if ctx.meeting is None:
        return True, None
    year = ctx.meeting.year if ctx.meeting.month <= 3 else ctx.meeting.year + 1
    return True, date(year, 3, 31)


def _year_end(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    if ctx.meeting is None:
        return True, None
    return True, date(ctx.meeting.year, 12, 31)


def _next_meeting(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    return True, ctx.next_meeting


#: "immediately after the road accident": at once each time something happens, not a date
_AFTER_EVENT = re.compile(r"\s+(?:after|on|upon|following|whenever)\b|\s+(?:के\s+बाद|बाद|पर)"
                          r"(?![\u0900-\u0963\u0971-\u097F])", re.IGNORECASE)


#: "immediately reach the area where stubble burning is reported": each time it happens
_WHERE_REPORTED = re.compile(
    r"[^.;।]{0,60}\b(?:where|wherever|whenever|as\s+soon\s+as)\b[^.;।]{0,60}?\b(?:is|are)\s+"
    r"(?:reported|received|detected|noticed|found)\b", re.IGNORECASE)


def _immediate(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    if _AFTER_EVENT.match(m.string, m.end()) or _WHERE_REPORTED.match(m.string, m.end()) or \
            _after_event(m.string[max(0, m.start() - 100):m.start()]):
        return True, None
    return True, ctx.meeting


def _tomorrow(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    return True, None if ctx.meeting is None else ctx.meeting + timedelta(days=1)


_WEEK_ENDS = {"first": 7, "1st": 7, "second": 14, "2nd": 14, "third": 21, "3rd": 21,
              "fourth": 28, "4th": 28, "प्रथम": 7, "पहले": 7, "पहला": 7, "द्वितीय": 14, "दूसरे": 14,
              "दूसरा": 14, "तृतीय": 21, "तीसरे": 21, "तीसरा": 21, "चतुर्थ": 28, "चौथे": 28}


def _week_of(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    month = _MONTHS[m.group("mon").lower().rstrip(".")]
    year = _year(m.group("y"))
    if year is None:
        if ctx.meeting is None:
            return True, None
        year = ctx.meeting.year if month >= ctx.meeting.month else ctx.meeting.year + 1
    day = _WEEK_ENDS.get(m.group("w").lower())
    return True, date(year, month, day) if day else _month_end(year, month)


def _instant(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    """Read "15th instant": that day of the meeting's month."""
    if ctx.meeting is None:
        return True, None
    return _make(ctx.meeting.year, ctx.meeting.month, int(m.group(1)), ctx)


def _next_week(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    return True, None if ctx.meeting is None else ctx.meeting + timedelta(days=7)


_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6, "सोमवार": 0, "मंगलवार": 1, "बुधवार": 2, "गुरुवार": 3,
             "बृहस्पतिवार": 3, "वीरवार": 3, "शुक्रवार": 4, "शनिवार": 5, "रविवार": 6}
_WEEKDAY = "(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + ")"


def _weekday(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    """Read "by Friday", "आगामी सोमवार तक": the first such day after the meeting."""
    if ctx.meeting is None:
        return True, None
    ahead = (_WEEKDAYS[m.group("wd").lower()] - ctx.meeting.weekday() - 1) % 7 + 1
    return True, ctx.meeting + timedelta(days=ahead)


_THIS_MONTH = ("this", "the current", "current", "इसी", "इस", "चालू", "वर्तमान")
_NEXT_MONTH = ("next", "the next", "the following", "आगामी", "अगले", "अगली")


def _day_of_month(m: re.Match, ctx: _Context) -> tuple[bool, date | None]:
    """Read "by the 25th of this month", "प्रत्येक माह की 5 तारीख तक" (its first due date)."""
    day = int(m.group("d"))
    if not 1 <= day <= 31:
        return False, None
    if ctx.meeting is None:
        return True, None
    which = " ".join((m.group("which") or "").lower().split())
    base = ctx.meeting
    if which in _NEXT_MONTH:
        base = _add_months(date(base.year, base.month, 1), 1)
    for k in range(3):
        month = _add_months(date(base.year, base.month, 1), k)
        if day > calendar.monthrange(month.year, month.month)[1]:
            continue
        candidate = date(month.year, month.month, day)
        if candidate >= ctx.meeting or which in _THIS_MONTH:
            return True, candidate
    return True, None


_Handler = Callable[[re.Match, _Context], tuple[bool, date | None]]
_I = re.IGNORECASE
#: (pattern, handler, base priority, whether the phrase needs a "by/तक" marker to count as 3)
#: "इस माह की", "इस वर्ष में अब तक हुई": the period something belongs to or happened in
_NOT_PAST = (r"(?!\s+(?:की|के|का|अब\s+तक|हुई|हुए|हुआ|में\s+(?:अब\s+तक|हुई|हुए|हुआ))"
             r"(?![\u0900-\u0963\u0971-\u097F]))")

_PATTERNS: tuple[tuple[re.Pattern, _Handler, float, bool], ...] = (
    (re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)"),
     _numeric, 1, True),
    (re.compile(r"(?<![\d./-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])"), _iso, 1, True),
    (re.compile(r"(?<![\d.])(\d{1,2})(?:st|nd|rd|th)?[\s-]*(?:of\s+|day\s+of\s+)?(" + _MONTH + r")"
                r"(?:[\s,-]*(\d{4}))?(?!\d)", _I), _day_month, 1, True),
    (re.compile(_L + r"(" + _EN_MONTH + r")\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s*(\d{4}))?",
                _I), _month_day, 1, True),
    (re.compile(_L + r"(?:the\s+)?end\s+of\s+(?P<mon>" + _MONTH + r")(?:,?\s*(?P<y>\d{4}))?", _I),
     _named_month_end, 2, False),
    (re.compile(_L + r"(?P<mon>" + _MONTH + r")\s*(?P<y>\d{4})?\s*(?:माह|महीने|मास)?\s*(?:के\s+)?"
                r"(?:अंत|अन्त|आखिर|अंतिम\s+सप्ताह)\s*(?:तक)?"), _named_month_end, 2, False),
    (re.compile(_L + r"(" + _MONTH + r")[,\s]*(\d{4})(?!\d)", _I), _month_year, 1, True),
    (re.compile(r"(?:\bby|\btill|\buntil|\bupto|(?P<before>\bbefore))\s+(?:the\s+)?(?:month\s+of\s+)?"
                r"(?P<mon>" + _EN_MONTH + r")(?![\s,]*\d)", _I), _month_only, 2, False),
    (re.compile(r"\b(?:during|in|throughout|within)\s+(?:the\s+)?(?:month\s+of\s+)?(?P<mon>"
                + _EN_MONTH + r")(?![\s,]*\d)", _I), _month_only, 2, False),
    (re.compile(_L + r"(?P<mon>" + _MONTH + r")\s+(?:माह|महीने|मास)\s+(?:में|के\s+दौरान)" + _R),
     _month_only, 2, False),
    (re.compile(_L + r"(?P<mon>" + _MONTH + r")\s+(?:माह\s+|महीने\s+|मास\s+)?"
                r"(?:तक|(?P<before>से\s+पूर्व|से\s+पहले))" + _R), _month_only, 2, False),
    (re.compile(_L + r"(?:वर्ष|साल|सन्)\s*(?P<y>\d{4})\s*(?:के\s+अंत\s+)?(?:तक|(?P<before>से\s+पूर्व|"
                r"से\s+पहले))" + _R + r"|(?<![\d./-])(?P<y2>\d{4})\s+तक" + _R),
     lambda m, c: _year_only(_Merged(m, "y"), c), 2, False),
    (re.compile(r"\b(?:by|till|until|(?P<before>before))\s+(?:the\s+end\s+of\s+)?(?:the\s+year\s+)?"
                r"(?P<y>\d{4})(?![\d/-]|\.\d)", _I), _year_only, 2, False),
    (re.compile(r"\b(?:within|in|(?:in|within|for)\s+the\s+next(?:\s+(?:crucial|critical|coming))?|"
                r"within\s+a\s+period\s+of|"
                r"in\s+a\s+period\s+of|(?:deadline|time[-\s]?limit|timeline)\s+of)\s+"
                # "the next two-three days": the later end of the range
                r"(?:" + _NUM + r"\s*(?:-|–|to|or)\s*)?"
                r"(?P<n>" + _NUM + r")\s*(?:\(\s*\w+\s*\)\s*)?"
                r"(?:working\s+|business\s+|calendar\s+)?(?P<u>" + _UNIT + r")\b", _I),
     _relative, 2, False),
    (re.compile(_L + r"(?P<n>" + _NUM + r")\s*(?:\(\s*\w+\s*\)\s*)?(?:कार्य\s*)?(?P<u>" + _UNIT
                + r")"
                r"\s*(?:की\s+अवधि\s+)?(?:के\s+)?(?:अंदर|अन्दर|भीतर|में|तक|के\s+अंतर्गत|"
                r"(?:का|की)\s+(?:समय|समयसीमा|समय\s*सीमा|मोहलत))" + _R),
     _relative, 2, False),
    (re.compile(r"\b(?:within|in|(?:deadline|time[-\s]?limit|timeline)\s+of)\s+(?:a|one|the\s+next)\s+"
                r"(?P<u>week|fortnight|month)\b", _I),
     _single_period, 2, False),
    (re.compile(_L + r"(?:एक\s+)?(?P<u>पखवाडे|पखवारे|पखवाडा|पखवारा)\s*(?:के\s+)?(?:अंदर|अन्दर|भीतर|में|"
                r"तक)" + _R), _single_period, 2, False),
    (re.compile(_L + r"(?:(?:इसी|इस|चालू|वर्तमान)\s+|(?P<next>अगले|आगामी)\s+)?(?:माह|महीने|मास)\s+"
                r"(?:के\s+)?(?:अंत|अन्त|आखिर|अंतिम\s+सप्ताह)\s*(?:तक)?" + _R
                + r"|\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:this|the|the\s+current|current|"
                r"(?P<next2>next))\s+month\b|\bmonth[- ]end\b"
                # "इस माह पूर्ण किया जाना सुनिश्चित करें", "within this month": by its last day
                + "|" + _L + r"(?:इसी|इस|चालू|वर्तमान)\s+(?:माह|महीने|मास)(?:\s+(?:में|तक|के\s+(?:भीतर|"
                r"अंदर|अन्दर)))?" + _NOT_PAST + _R
                + r"|\b(?:within|during|by|in)\s+(?:this|the\s+current)\s+month(?:\s+itself)?\b",
                _I),
     lambda m, c: _month_end_rel(_Merged(m, "next"), c), 2, False),
    (re.compile(r"(?:वित्तीय\s+वर्ष|financial\s+year|\bFY)\s*(?:के\s+)?(?:अंत|अन्त|end)|"
                r"\bend\s+of\s+(?:the\s+|this\s+|current\s+)?(?:financial\s+year|FY)\b"
                # "वित्तीय वर्ष 2020-21 में निर्धारित लक्ष्य", "in the current financial year"
                + "|" + _L + r"(?:(?:इसी|इस|चालू|वर्तमान)\s+)?वित्तीय\s+वर्ष\s*"
                r"(?:(?P<fy>\d{4})\s*[-/–]\s*(?:\d{4}|\d{2}))?\s*(?:में|तक|के\s+(?:भीतर|अंदर|दौरान))"
                + _R + r"|\b(?:in|during|within|by)\s+(?:the\s+)?(?:current\s+|this\s+)?"
                r"(?:financial\s+year|FY)(?:\s*,?\s*(?P<fy2>\d{4})\s*[-/–]\s*(?:\d{4}|\d{2}))?",
                _I),
     lambda m, c: _fy_end(_Merged(m, "fy"), c), 2, False),
    (re.compile(_L + r"(?:अगली|आगामी|अगले)\s+(?:समीक्षा\s+)?(?:बैठक|मीटिंग)\s*(?:से\s+(?:पूर्व|पहले)|"
                r"के\s+(?:पूर्व|पहले)|तक|में)" + _R
                + r"|\b(?:before|by|prior\s+to|ahead\s+of|till|until|in|for)\s+(?:the\s+)?next\s+"
                r"(?:review\s+)?(?:meeting|review)\b", _I), _next_meeting, 2, False),
    (re.compile(_L + r"(?:तत्काल|तत्कालिक|तुरंत|तुरन्त|अविलंब|अविलम्ब|फौरन|आज\s+ही|अभी\s+से)" + _R
                + r"|\b(?:immediately|immediate|forthwith|at\s+once|without\s+(?:any\s+)?delay|"
                r"with\s+immediate\s+effect)\b", _I), _immediate, 1.5, False),
    (re.compile(r"\b(?:by\s+)?tomorrow\b|" + _L + r"कल\s+तक" + _R, _I), _tomorrow, 2, False),
    (re.compile(r"\b(?:by|within)\s+(?:the\s+)?next\s+week\b|" + _L + r"(?:अगले|आगामी)\s+"
                r"(?:सप्ताह|हफ्ते)\s*(?:तक|में)" + _R, _I), _next_week, 2, False),
    (re.compile(_L + r"(?P<next>अगले|आगामी)\s+(?:माह|महीने)(?!\s+(?:के|की|का))" + _R
                + r"|\b(?:by|in|during)\s+(?:the\s+)?(?P<next2>next)\s+month\b", _I),
     lambda m, c: _month_end_rel(_Merged(m, "next"), c), 2, False),
    (re.compile(r"(?<![\d.])(\d{1,2})(?:st|nd|rd|th)?\s+(?:instant|inst\.)", _I),
     _instant, 1, True),
    (re.compile(r"\b(?:the\s+)?(?P<w>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+week\s+"
                r"of\s+(?P<mon>" + _EN_MONTH + r")(?:,?\s*(?P<y>\d{4}))?", _I), _week_of, 2, False),
    (re.compile(_L + r"(?P<mon>" + _MONTH + r")\s*(?P<y>\d{4})?\s*(?:माह|महीने|मास)?\s*(?:के|का)\s+"
                r"(?P<w>प्रथम|पहले|पहला|द्वितीय|दूसरे|दूसरा|तृतीय|तीसरे|तीसरा|चतुर्थ|चौथे)\s+सप्ताह"
                r"\s*(?:तक|में)?" + _R), _week_of, 2, False),
    (re.compile(r"\b(?:by|before|till|until|on\s+or\s+before|latest\s+by)\s+(?:the\s+)?"
                r"(?:coming\s+|next\s+)?(?P<wd>" + _WEEKDAY + r")\b" + "|" + _L
                + r"(?:(?:आगामी|अगले|आने\s+वाले)\s+)?(?P<wd2>" + _WEEKDAY + r")\s*(?:तक|से\s+पूर्व|"
                r"से\s+पहले|को\s+सायं|शाम|"
                # "सोमवार को अवगत कराएं": the report is due that day
                r"को(?=\s+(?:अवगत|प्रस्तुत|उपलब्ध|उपस्थित|सूचित|भेजें|जमा|रिपोर्ट)))" + _R, _I),
     lambda m, c: _weekday(_Merged(m, "wd"), c),
     2, False),
    (re.compile(r"\b(?:by|before|till|until|on\s+or\s+before|latest\s+by)\s+(?:the\s+)?"
                r"(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?:\s+(?:day\s+)?(?:of\s+)?(?P<which>this|the\s+current|"
                r"current|every|each|next|the\s+next|the\s+following)\s+month\b)?"
                r"(?![\s,-]*(?:of\s+)?(?:" + _EN_MONTH + r"|\d))" + "|" + _L
                + r"(?:(?P<which2>इसी|इस|चालू|वर्तमान|प्रत्येक|हर|आगामी|अगले|अगली)\s+"
                r"(?:माह|महीने|मास)\s+की\s+)?"
                r"(?P<d2>\d{1,2})\s*(?:तारीख|तिथि)\s+(?:तक|से\s+पूर्व|से\s+पहले)" + _R, _I),
     lambda m, c: _day_of_month(_Merged(m, "d", "which"), c), 2, False),
    # "उन्हें इसी वर्ष अमल में लाएं", "by the end of this year": by 31 December
    (re.compile(_L + r"(?:इसी|इस|चालू|वर्तमान)\s+(?:वर्ष|साल)(?:\s+(?:में|तक|के\s+(?:भीतर|अंदर|"
                r"अंत\s+तक)))?" + _NOT_PAST + _R
                + r"|\b(?:(?:by\s+)?the\s+end\s+of|within|during|by)\s+(?:this|the\s+current)\s+"
                r"(?:calendar\s+)?year\b", _I), _year_end, 2, False),
)


_LATIN = re.compile(r"[A-Za-z]")
_DEVA = re.compile(r"[\u0900-\u0963\u0971-\u097F]")


def _script_of(regex: re.Pattern) -> str:
    """Tell which script a pattern's words are in: "en", "hi" or "any"."""
    source = re.sub(r"\\[a-zA-Z]|\(\?P<\w+>|\[[^\]]*\]|_[LR]", "", regex.pattern)
    latin = re.search(r"[a-z]{3}", source.replace(_MONTH, "").replace(_EN_MONTH, "")) is not None
    deva = _DEVA.search(source.replace(_MONTH, "")) is not None
    if latin and not deva:
        return "en"
    if deva and not latin:
        return "hi"
    return "any"


class _Merged:
    """Adapt a match whose pattern spells a group twice (``y`` and ``y2``) to one group each."""

    def __init__(self, m: re.Match, *names: str) -> None:
        self._m = m
        self._names = names

    def group(self, name: str) -> str | None:
        if name in self._names:
            return self._m.group(name) or self._m.group(name + "2")
        return self._m.group(name)

    def groupdict(self) -> dict:
        return self._m.groupdict()


_SCRIPT = {regex: _script_of(regex) for regex, *_ in _PATTERNS}

_DIGITS = tuple("0123456789")
_MONTH_KEYS = re.compile("|".join(sorted(_MONTHS, key=len, reverse=True)), re.IGNORECASE)
_UNIT_KEYS = re.compile("|".join(sorted(_UNITS, key=len, reverse=True)), re.IGNORECASE)
#: for each pattern, in order, words one of which the text must hold for the pattern to be tried
#: (or a pattern that must match somewhere)
_KEYS: tuple[tuple[str, ...] | re.Pattern, ...] = (
    _DIGITS, _DIGITS, _MONTH_KEYS, _MONTH_KEYS, ("end",), ("अंत", "अन्त", "आखिर", "अंतिम"),
    _MONTH_KEYS, _MONTH_KEYS, _MONTH_KEYS, ("माह", "महीने", "मास"), ("तक", "पूर्व", "पहले"),
    ("तक", "पूर्व", "पहले"), _DIGITS, _UNIT_KEYS, _UNIT_KEYS, ("week", "fortnight", "month"),
    ("पखवा",), ("माह", "महीने", "मास", "month"), ("वित्तीय", "financial", "fy"),
    ("बैठक", "मीटिंग", "meeting", "review"),
    ("तत्काल", "तुरं", "तुरन्त", "अविलं", "फौरन", "आज", "अभी", "immediate", "forthwith", "once", "delay"),
    ("tomorrow", "कल"), ("week", "सप्ताह", "हफ्ते"), ("माह", "महीने", "month"), ("inst",),
    ("week",),
    ("सप्ताह",),
    tuple(_WEEKDAYS),
    re.compile(r"\d\s*(?:st|nd|rd|th|तारीख|तिथि)", re.IGNORECASE),
    ("वर्ष", "साल", "year"),
)
assert len(_KEYS) == len(_PATTERNS)
_BARE_PERIOD = re.compile(
    r"\s*(?P<n>" + _NUM + r")\s*(?:working\s+|कार्य\s*)?(?P<u>" + _UNIT + r")\s*", re.IGNORECASE
)


#: what follows the date of a news dateline: the agency, or the dash before the story
_DATELINE = re.compile(r"\s*(?:\(\s*[A-Z]{2,6}\s*\)|--\s|\u2014\s)")


def find_deadlines(text: str, start: int, end: int, meeting: date | None,
                   next_meeting: date | None, cell: bool = False) -> list[Deadline]:
    """Find the deadline phrases in text[start:end], best first.

    In a deadline column (cell=True) a bare period such as "15 दिन" counts too.
    """
    ctx = _Context(meeting, next_meeting)
    low = text[start:end].lower()
    found: list[Deadline] = []
    if cell:
        bare = _BARE_PERIOD.fullmatch(text, start, end)
        if bare:
            return [Deadline(start, end, _relative(bare, ctx)[1], 2)]
    has_latin = _LATIN.search(text, start, end) is not None
    has_deva = _DEVA.search(text, start, end) is not None
    gates: dict[int, bool] = {}
    past: list[tuple[int, int]] = []
    for (regex, handler, priority, needs_mark), keys in zip(_PATTERNS, _KEYS, strict=True):
        script = _SCRIPT[regex]
        if (script == "en" and not has_latin) or (script == "hi" and not has_deva):
            continue
        gate = gates.get(id(keys))
        if gate is None:
            gate = gates[id(keys)] = (keys.search(low) is not None if isinstance(keys, re.Pattern)
                                      else any(k in low for k in keys))
        if not gate:
            continue
        for m in regex.finditer(text, start, end):
            valid, due = handler(m, ctx)
            if not valid:
                continue
            s, e = m.start(), m.end()
            if _DATELINE.match(text, e, end):
                continue  # "New Delhi, Dec 4 (PTI)": when the news was filed
            prio = priority
            if needs_mark:
                before = _BEFORE_MARK.search(text, max(start, s - 30), s)
                after = _AFTER_MARK.match(text, e, end)
                if before:
                    s = before.start()
                    prio = 3
                if after:
                    e = after.end()
                    prio = 3
                if prio < 3:
                    if _REFERENCE_BEFORE.search(text, max(start, s - 40), s) or \
                            _REFERENCE_AFTER.match(text, e, end):
                        continue
                    if due is not None and meeting is not None and due == meeting:
                        continue
            if due is not None and meeting is not None and due < meeting:
                past.append((s, e))  # "held on 9-12-05", "upto November, 2005": no deadline
                continue
            found.append(Deadline(s, e, due, prio))
    # "मार्च, 2020 तक" is past, so the "2020 तक" inside it is no deadline either
    found = [d for d in found if not any(ps <= d.start and d.end <= pe for ps, pe in past)]
    kept: list[Deadline] = []
    for d in sorted(found, key=lambda x: (-(x.end - x.start), x.start)):
        if not any(d.start < k.end and k.start < d.end for k in kept):
            kept.append(d)
    kept.sort(key=lambda x: (-x.priority, x.start))
    return kept
