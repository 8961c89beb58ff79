"""Split folded minutes into sentences, list items, table rows and action lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .directory import WORD


@dataclass(frozen=True, slots=True)
class Segment:
    """One sentence-sized piece of folded text, with what the layout says about it."""

    start: int
    end: int
    #: "sentence", "item" (list item), "table" (table row), "action" ("ACTION:" line)
    kind: str
    #: index of the paragraph, list item or table row the segment belongs to
    unit: int
    #: "decision" under a heading about decisions or action points, "report" under one about
    #: action taken or progress, else ""
    context: str = ""
    #: table rows: the span of each cell and what its column holds (action/owner/due/status/"")
    cells: tuple[tuple[int, int], ...] = ()
    roles: tuple[str, ...] = ()
    #: start of the text after an "ACTION:" label
    body: int = -1
    #: items lettered inside one sentence ("decided that (a) ...; (b) ..."): the sentence's start
    inline: int = -1


_LIST_MARKER = re.compile(
    r"[ \t]*(?:[-*•▪◦●■►➢✓→][ \t]+|\(?\d{1,3}(?:\.\d{1,2})*[.)][ \t]+|\d{1,3}[ \t]*[-:][ \t]+"
    r"|\(\d{1,3}\)[ \t]*|\(?[a-z][.)][ \t]+|\([A-Za-z]\)[ \t]*|\(?[ivx]{1,4}[.)][ \t]+"
    r"|\([ivx]{1,4}\)[ \t]*|\(?[क-ह]\)[ \t]*|[क-ह][.)][ \t]+"
    r"|(?:Point|Item|Agenda|Para|बिंदु|बिन्दु|मद)(?:\s+(?:No\.?|संख्या|सं\.?))?\s*\d{1,3}\s*[:.)-][ \t]*)"
)
_HEADING = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|\*\*[^*\n]{1,80}\*\*[ \t]*$)")
_ACTION_LABEL = re.compile(
    r"[ \t]*(?:\*\*)?[(\[]?(?:\*\*)?(?:ACTION(?:\s+BY)?|"
    r"Action(?:\s+by|\s+point|\s+to\s+be\s+taken\s+by)?|"
    r"Responsibility|Responsible|Resp\.|कार्यवाही(?:\s*हेतु)?|कार्यवाही\s+करने\s+वाले|"
    r"उत्तरदायित्व|उत्तरदायी|जिम्मेदारी)(?!\s+taken)(?:\*\*)?[ \t]*[:\-][ \t]*(?:\*\*)?[ \t]*",
)
_TABLE_SEP = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*")
_CHROME = re.compile(
    r"(?:home|होम|मुख्य पृष्ठ|leave a (?:reply|comment)|your email address will not be published.*|"
    r"required fields are marked.*|scroll to top|share(?: this)?:?|like this:?|"
    r"related(?: posts?)?:?|"
    r"posted in.*|tags?:.*|comments?|previous(?: post)?|next(?: post)?|skip to content|menu|search|"
    r"print|email|facebook|twitter|whatsapp|read more|और पढें|शेयर करें)",
    re.IGNORECASE,
)
_TERMINAL_END = re.compile(r"[।॥.?!:;][\"')\]*]*\s*$")
_SOFT_END = re.compile(r"[,\-(/]\s*$")
#: a line that ends on a word that cannot end a sentence continues on the next line
_FUNCTION_END = re.compile(
    r"(?<![\w\u0900-\u0963\u0971-\u097F])(?:the|a|an|of|to|and|or|for|in|on|at|by|with|from|that|"
    r"को|के|की|का|में|से|ने|पर|एवं|तथा|और|व|कि|हेतु|द्वारा)\s*$",
    re.IGNORECASE,
)
_DECISION_HEAD = re.compile(
    r"decision|action\s*(?:points?|items?|plan|required)|resolution|direction|directive|"
    r"the following|निर्णय|निर्देश|कार्यवाही\s*(?:बिंदु|बिन्दु)|कार्य\s*(?:बिंदु|बिन्दु)|निम्नलिखित|"
    r"निम्न\s|अपेक्षित\s+कार्यवाही",
    re.IGNORECASE,
)
#: headings of sections that report on earlier decisions or list who attended
_REPORT_HEAD = re.compile(
    r"action\s*taken|\bATR\b|compliance|previous\s+(?:meeting|decisions)|last\s+meeting|"
    r"attendance|present(?:ees)?\s*:|कृत\s+कार्यवाही|अनुपालन|पिछली\s+बैठक|गत\s+बैठक|उपस्थिति",
    re.IGNORECASE,
)
_ATTENDANCE_HEAD = re.compile(r"attendance|present(?:ees)?\s*:|उपस्थिति|उपस्थित", re.IGNORECASE)
_COLUMN_ROLES = (
    ("status", re.compile(r"status|progress|compliance|स्थिति|प्रगति|अनुपालन", re.I)),
    ("due", re.compile(r"deadline|time[\s-]*line|time[\s-]*frame|target|due|date|by\s+when|"
                       r"time\s*limit|समय|तिथि|तारीख|"
                       r"सीमा|अवधि", re.I)),
    ("owner", re.compile(r"responsib|by\s+whom|action\s+by|owner|department|dept|officer|agency|"
                         r"उत्तरदायी|जिम्मेदार|विभाग|अधिकारी|द्वारा", re.I)),
    ("action", re.compile(r"action|decision|directive|direction|point|task|description|subject|"
                          r"item|issue|कार्यवाही|निर्णय|निर्देश|बिंदु|बिन्दु|विषय|कार्य|मद", re.I)),
)

_BOUNDARY = re.compile(
    r"[।॥!?]+[\"')\]]*|\.+[\"')\]]*|(?<=[\u0900-\u0963\u0971-\u097F])\||"
    r"(?<=[\u0900-\u0963\u0971-\u097F] )\|"
)
_HAS_WORD = re.compile(rf"[{WORD}]")
_LATIN_TAIL = re.compile(r"([A-Za-z]+)\.*[\"')\]]*$")
_DEVA_TAIL = re.compile(r"([\u0900-\u0963\u0971-\u097F]+)\.*[\"')\]]*$")
_ABBREVIATIONS = frozenset(str.split(
    "dr mr mrs ms shri smt sh st no nos i.e e.g eg ie etc vs viz govt dept depts hon'ble hon sr jr "
    "ltd pvt co inc approx rs km kg a.m p.m am pm fig vol art sec cl para ref encl addl asstt asst "
    "dy jt distt dist col lt maj gen prof er adv u.p j&k jk memo ltr mob tel ph est misc "
    "dt dated w.e.f wef yr yrs min max govt. nic sl s.no ex"
))
_HINDI_ABBREVIATIONS = frozenset(
    str.split("डॉ श्री सं क्र पृ प्र वि रा उ मो ग्रा जि श्रीमती सुश्री कु")
)
#: short words that end a Hindi sentence, never initials ("बैठक संपन्न हुई. अगली …")
_HINDI_SENTENCE_ENDS = frozenset(str.split(
    "है हैं था थी थे गई गयी गया गए गये हुई हुआ हुए हुईं दी दिए दिये दिया की किया लिया रहे रही रहा "
    "करें करे हो होगा होगी होंगे सके सकें जाए जाएं जाये"
))
_HINDI_FOLLOWERS = re.compile(
    r"\s*(?:ने|को|से|का|की|के|एवं|और|तथा|/|\()(?![\u0900-\u0963\u0971-\u097F])"
)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into trimmed sentence spans."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        mark = match.group()
        after = match.end()
        if mark[0] == "." and not _is_period_boundary(text, match.start(), after, end):
            continue
        spans.append((cursor, after))
        cursor = after
    spans.append((cursor, end))
    out = []
    for span in spans:
        for s, e in _chunks(text, *span):
            s, e = _trim(text, s, e)
            if e > s and _HAS_WORD.search(text, s, e):
                out.append((s, e))
    return out


_LONGEST = 800



def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run-on "sentence" longer than any real one at clause ends, to bound the work."""
    out = []
    while end - start > _LONGEST:
        window = text[start + _LONGEST // 2:start + _LONGEST]
        cut = max(window.rfind("; "), window.rfind(", "))
        if cut < 0:
            cut = window.rfind(" ")
        cut = start + _LONGEST // 2 + cut + 1 if cut >= 0 else start + _LONGEST
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


#: a full stop with no space after it, between two words ("other members.The DM directed")
_DEVA_GLUED = re.compile(r"[\u0900-\u0963\u0971-\u097F]")
_GLUED_STOP = re.compile(r"[a-z]{3,}\.[A-Z][a-z]")


#: abbreviations that often end a sentence: a time of day, "etc."
_MAY_END = frozenset(("am", "pm", "etc"))
_CAPITAL_NEXT = re.compile(r"\s+(?:[A-Z][a-z]|[\u0900-\u097F])")


def _is_period_boundary(text: str, dot: int, after: int, end: int) -> bool:
    if after < end and _DEVA_GLUED.match(text, after):
        # "... निरीक्षण करें.वर्षा जनित ...": a Hindi sentence that ends on its verb
        deva = _DEVA_TAIL.search(text, max(0, dot - 40), dot + 1)
        return deva is not None and deva.group(1) in _HINDI_SENTENCE_ENDS
    if after < end and not text[after].isspace():
        glued = _GLUED_STOP.match(text, max(0, dot - 3), min(end, after + 2))
        return glued is not None and _LATIN_TAIL.search(text, max(0, dot - 40), dot + 1).group(
            1).lower() not in _ABBREVIATIONS
    before = text[max(0, dot - 40):dot + 1]
    latin = _LATIN_TAIL.search(before)
    if latin:
        word = latin.group(1)
        tail = text[max(0, dot - 4):dot + 1].lower()
        if (word.lower() in _MAY_END or tail.endswith(("a.m.", "p.m."))) and _CAPITAL_NEXT.match(
                text, after, end):
            return True  # "... from 9 pm to 6 am. There should be ...", "... etc. The DM ..."
        if len(word) == 1 or word.lower() in _ABBREVIATIONS:
            return False
        if tail.endswith(("i.e.", "e.g.", "a.m.", "p.m.")):
            return False
    deva = _DEVA_TAIL.search(before)
    if deva:
        word = deva.group(1)
        if word not in _HINDI_SENTENCE_ENDS and (len(word) <= 3 or word in _HINDI_ABBREVIATIONS):
            return False
        if _HINDI_FOLLOWERS.match(text, after, end):
            return False
    nxt = text[after:min(end, after + 3)].lstrip()
    return not (nxt and nxt[0].islower())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "|*_"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "|*_"):
        end -= 1
    return start, end


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for part in text.split("\n"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _is_table(line: str) -> bool:
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        return True
    return stripped.count(" | ") >= 2 or line.count("\t") >= 2


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    line = text[start:end]
    sep = "\t" if "\t" in line and "|" not in line else "|"
    parts = line.split(sep)
    cells = []
    pos = start
    for k, part in enumerate(parts):
        s, e = _trim(text, pos, pos + len(part))
        border = k in (0, len(parts) - 1) and e <= s
        if not border:
            cells.append((s, max(s, e)))
        pos += len(part) + 1
    return cells


def segment(text: str) -> list[Segment]:
    """Split folded text into segments, dropping titles, headings and page chrome."""
    lines = _lines(text)
    kinds: list[str] = []
    for s, e in lines:
        line = text[s:e]
        stripped = line.strip()
        if not stripped:
            kinds.append("blank")
        elif _TABLE_SEP.fullmatch(line):
            kinds.append("tablesep")
        elif _is_table(line):
            kinds.append("table")
        elif _CHROME.fullmatch(_LIST_MARKER.sub("", stripped, count=1).strip()):
            kinds.append("chrome")
        elif _ACTION_LABEL.match(line):
            kinds.append("action")  # before headings: "**(Action: RBI)**" is no heading
        elif _HEADING.match(line):
            kinds.append("heading")
        elif _LIST_MARKER.match(line):
            kinds.append("item")
        elif stripped.endswith(":") and len(stripped) <= 120:
            kinds.append("label")
        else:
            kinds.append("text")
    _mark_titles(text, lines, kinds)
    _mark_joiners(text, lines, kinds)

    segments: list[Segment] = []
    context = ""
    attendance = False
    unit = 0
    i = 0
    n = len(lines)
    while i < n:
        kind = kinds[i]
        s, e = lines[i]
        if kind in ("blank", "chrome", "title", "tablesep", "joiner"):
            i += 1
            continue
        if kind in ("heading", "label"):
            context = _context_of(text[s:e], context if kind == "label" else "")
            attendance = context == "report" and _ATTENDANCE_HEAD.search(text, s, e) is not None
            i += 1
            continue
        if kind == "text" and attendance:
            context, attendance = "", False  # the list of who attended is over
        unit += 1
        if kind == "table":
            j = i
            while j < n and kinds[j] in ("table", "tablesep"):
                j += 1
            segments.extend(_table(text, lines[i:j], kinds[i:j], unit, context))
            unit += j - i
            i = j
            continue
        if kind == "action":
            label = _ACTION_LABEL.match(text, s, e)
            body = label.end() if label else s
            ts, te = _trim(text, s, e)
            if te > ts:
                segments.append(Segment(ts, te, "action", unit, context, body=body))
            i += 1
            continue
        # a paragraph or a list item, with its continuation lines
        first_start = s
        if kind == "item":
            marker = _LIST_MARKER.match(text, s, e)
            first_start = marker.end() if marker else s
        j = i + 1
        last_end = e
        prev = lines[i]
        while j < n:
            k = j
            while k < n and kinds[k] == "joiner":
                k += 1
            if k >= n or kinds[k] != "text" or (k == j and _breaks(text, prev, lines[k])):
                break
            prev = lines[k]
            last_end = lines[k][1]
            j = k + 1
        seg_kind = "item" if kind == "item" else "sentence"
        for ss, se in split_sentences(text, first_start, last_end):
            label = _ACTION_LABEL.match(text, ss, se)
            if label and ss > first_start:  # "... किया जाए। (कार्यवाही: सहायक श्रमायुक्त)"
                segments.append(Segment(ss, se, "action", unit, context, body=label.end()))
                continue
            items = _inline_items(text, ss, se)
            if not items:
                segments.append(Segment(ss, se, seg_kind, unit, context))
                continue
            lead = _trim(text, *items[0])
            introduces = _DECISION_LEAD.search(text, *lead)
            if _HAS_WORD.search(text, *lead) and not introduces:
                segments.append(Segment(*lead, seg_kind, unit, context))
            inner = "decision" if introduces else context
            for is_, ie in items[1:]:
                unit += 1
                segments.append(Segment(is_, ie, "item", unit, inner, inline=ss))
        i = j
    return segments


#: a letter, numeral or roman numeral in brackets inside a sentence: "that – (a) the DCs shall"
_INLINE_MARK = re.compile(r"(?:(?<=\s)|(?<=^))\(([a-z]|[ivx]{1,4}|\d{1,2}|[क-ह])\)[ \t]*")
_SEQUENCES = ("abcdefghijklmnopqrstuvwxyz", "कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह",
              ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"),
              tuple(str(n) for n in range(1, 100)))
#: what lettered items of a decision are introduced by
_DECISION_LEAD = re.compile(
    r"decided|agreed|resolved|directed|instructed|following|निर्णय|निर्देश|निम्न|तय\s+किया",
    re.IGNORECASE)


_ITEM_TAIL = re.compile(r"[\s;,]*(?:(?:and|or|तथा|एवं|और)\s*)?[\s;,]*$", re.IGNORECASE)


def _inline_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of items lettered in sequence inside one sentence, "(a) ...; (b) ...",
    each without its label, after the span of the words that lead to them (label included),
    or [] when the sentence has no such list."""
    marks = [m for m in _INLINE_MARK.finditer(text, start, end) if m.start() > start]
    for seq in _SEQUENCES:
        run = []
        for m in marks:
            if m.group(1) == seq[len(run)] if len(run) < len(seq) else False:
                run.append(m)
        if len(run) >= 2 and run[0].group(1) == seq[0]:
            break
    else:
        return []
    if any(len(text[run[k].end():run[k + 1].start()].split()) < 3 for k in range(len(run) - 1)):
        return []  # "(a) and (b) above": references, not items
    spans = [(start, run[0].start())]
    for k, m in enumerate(run):
        s, e = _trim(text, m.end(), run[k + 1].start() if k + 1 < len(run) else end)
        tail = _ITEM_TAIL.search(text, s, e)
        s2, e2 = _trim(text, s, tail.start() if tail else e)
        if e2 > s2:
            spans.append((s2, e2))
    return spans


_LOWER_START = re.compile(r"[ \t]*[a-z]")


def _mark_joiners(text: str, lines: list[tuple[int, int]], kinds: list[str]) -> None:
    """Mark blank lines inside a sentence as joiners: text taken from a PDF often breaks a
    sentence with an empty line ("... progress of different\n\nschemes as follows")."""
    for idx, kind in enumerate(kinds):
        if kind != "blank" or idx == 0 or kinds[idx - 1] not in ("text", "item", "joiner"):
            continue
        before = idx - 1
        while before > 0 and kinds[before] == "joiner":
            before -= 1
        after = idx + 1
        while after < len(kinds) and kinds[after] == "blank":
            after += 1
        if after >= len(kinds) or kinds[after] != "text" or kinds[before] not in ("text", "item"):
            continue
        prev = text[lines[before][0]:lines[before][1]].rstrip()
        if _TERMINAL_END.search(prev) or not _LOWER_START.match(text, lines[after][0]):
            continue
        for k in range(before + 1, after):
            kinds[k] = "joiner"


def _breaks(text: str, prev: tuple[int, int], nxt: tuple[int, int]) -> bool:
    """Tell whether a line break ends the sentence even without punctuation."""
    a = text[prev[0]:prev[1]].rstrip()
    b = text[nxt[0]:nxt[1]].strip()
    if _TERMINAL_END.search(a):
        return True
    if _SOFT_END.search(a) or _FUNCTION_END.search(a):
        return False
    if _goes_on(b):
        return False
    return len(a) < 0.6 * len(b) and len(a) < 100


def _goes_on(line: str) -> bool:
    """Tell whether a line goes on with the sentence of the line before: it starts in lower case
    ("... to keep a watchful\neye in their areas.")."""
    first = line.lstrip()[:1]
    return first.isascii() and first.islower()


def _context_of(heading: str, previous: str) -> str:
    report = [m.start() for m in _REPORT_HEAD.finditer(heading)]
    decision = [m.start() for m in _DECISION_HEAD.finditer(heading)]
    # "After reviewing the last meeting's work, the CM made the following reiterations:": what
    # the heading ends on names the list
    if report and (not decision or report[-1] > decision[-1]):
        return "report"
    if decision:
        return "decision"
    return previous if previous == "decision" and heading.strip().endswith(":") else ""


_PRONOUN_START = re.compile(r"(?:he|she|they|it|we|उन्होंने|उन्होने|वे|इन्होंने)\s", re.IGNORECASE)


def _mark_titles(text: str, lines: list[tuple[int, int]], kinds: list[str]) -> None:
    """Mark unpunctuated lines at the top, breadcrumbs and repeated headlines as titles."""
    seen: dict[str, int] = {}
    for idx, (s, e) in enumerate(lines):
        if kinds[idx] in ("text", "item", "heading") and e - s <= 250:
            key = re.sub(r"\s+", " ", _LIST_MARKER.sub("", text[s:e], count=1)).strip()
            if key in seen and len(key) > 15:
                kinds[seen[key]] = "title"
            seen[key] = idx
    first = next((i for i, k in enumerate(kinds) if k != "blank"), None)
    if first is not None and kinds[first] == "chrome":
        # breadcrumbs: "• Home", "• District", "• headline"
        for idx in range(first + 1, len(kinds)):
            if kinds[idx] != "item":
                break
            kinds[idx] = "title"
    nonblank = [i for i, k in enumerate(kinds) if k not in ("blank", "chrome")]
    for count, idx in enumerate(nonblank):
        s, e = lines[idx]
        line = text[s:e].strip()
        if kinds[idx] == "title":
            continue
        if kinds[idx] not in ("text", "item") or _TERMINAL_END.search(line):
            break
        following = text[slice(*lines[nonblank[count + 1]])] if count + 1 < len(nonblank) else ""
        if _SOFT_END.search(line) or _FUNCTION_END.search(line) or _goes_on(following):
            break  # a sentence wrapped onto the next line, not a title
        if count >= 4 or len(line) > 200 or count + 1 >= len(nonblank) \
                or len(line.split()) > 22 or _PRONOUN_START.match(line):
            break  # a headline is short and never opens on "He", "उन्होंने"
        if kinds[idx] == "item":
            continue  # breadcrumbs hold no cue; list items must stay
        if len(line.split()) <= 6 and (_DECISION_HEAD.search(line) or _REPORT_HEAD.search(line)):
            kinds[idx] = "label"  # "ACTION POINTS", "निर्णय": a heading, not a headline
            continue
        kinds[idx] = "title"


def _table(text: str, rows: list[tuple[int, int]], kinds: list[str], unit: int,
           context: str) -> list[Segment]:
    data = [(s, e) for (s, e), k in zip(rows, kinds, strict=True) if k == "table"]
    if not data:
        return []
    header = _cells(text, *data[0])
    roles: list[str] = []
    for cs, ce in header:
        cell = text[cs:ce]
        roles.append(next((name for name, rx in _COLUMN_ROLES if rx.search(cell)), ""))
    has_header = sum(1 for r in roles if r) >= 2 and not re.search(r"\d{1,2}[./-]\d{1,2}[./-]\d{2}",
                                                                     text[data[0][0]:data[0][1]])
    out = []
    body_rows = data[1:] if has_header else data
    row_context = context
    if has_header:
        if "status" in roles:
            row_context = "report"
        elif "action" in roles and ("owner" in roles or "due" in roles):
            row_context = "table"
    for k, (s, e) in enumerate(body_rows):
        cells = _cells(text, s, e)
        ts, te = _trim(text, s, e)
        if te <= ts or not cells:
            continue
        cell_roles = tuple(roles[c] if has_header and c < len(roles) else ""
                           for c in range(len(cells)))
        out.append(Segment(ts, te, "table", unit + k, row_context, tuple(cells), cell_roles))
    return out
