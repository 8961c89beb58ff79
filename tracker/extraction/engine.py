"""Turn minutes into proposed directives: segments, cues, assignees and deadlines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .assignees import GLUE, choose, roles, with_acronyms
from .clauses import LEAD_GLUE, split_actions
from .cues import Cue, find_cue, may_hold_cue
from .deadlines import Deadline, find_deadlines
from .directory import WORD, Directory, Mention
from .normalize import Folded, fold
from .segment import Segment, segment

_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_LATIN = re.compile(r"[A-Za-z]")
_HEADLINE_CUE = re.compile(r"(?:दिए|दिये|दिया)\s|directs|instructs|asks|urges", re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[।॥.?!|][\"')\]]*\s*$")
_LEAD_TO = re.compile(
    r"\s*(?:\([^)]{1,30}\)\s*)?(?:,\s*[^,]{1,40},\s*)?(?:to|will|shall|must|should|may)\s+"
    r"(?:also\s+|jointly\s+|immediately\s+)?(?!be\b)[a-z]{3,}",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Assignee:
    """A department or office a directive is addressed to, as written in the minutes."""

    mention: str
    department: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed directive: the span of the minutes, who it is for and by when."""

    text: str
    start: int
    end: int
    assignees: tuple[Assignee, ...]
    all_departments: bool
    due_date: date | None
    due_text: str | None
    confidence: float
    reason: str


def detect_language(text: str) -> str:
    """Return "hi" when the text is mostly Devanagari, else "en"."""
    sample = text[:20000]
    deva = len(_DEVANAGARI.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "hi" if deva and deva >= 0.5 * latin else "en"


@dataclass(slots=True)
class _Draft:
    """A candidate in the making, in folded offsets."""

    start: int
    end: int
    cue: Cue
    mentions: list[Mention]
    all_departments: bool
    how: str
    deadline: Deadline | None
    segment: Segment


def extract(text: str, *, meeting_date: date | None = None, directory: Directory | None = None,
            language: str | None = None, next_meeting_date: date | None = None
            ) -> list[Candidate]:
    """Propose the directives in minutes, with assignees, due dates and a confidence each.

    Offsets refer to `text` exactly as given. Cues of both languages are always tried, so the
    `language` hint changes nothing today; relative deadlines resolve against `meeting_date` only
    (never against today), "before the next meeting" against `next_meeting_date`.
    """
    if not text or not text.strip():
        return []
    folded = fold(text)
    ft = folded.text
    directory = directory or Directory.builtin()
    drafts: list[_Draft] = []
    previous: Segment | None = None
    for seg in segment(ft):
        if seg.kind == "action":
            _action_line(ft, seg, previous, drafts, directory, meeting_date, next_meeting_date)
        elif seg.context == "table" and seg.kind == "table":
            _table_row(ft, seg, drafts, directory, meeting_date, next_meeting_date)
        elif may_hold_cue(ft, seg.start, seg.end) or (seg.kind == "item"
                                                      and seg.context == "decision"):
            _sentence(ft, seg, drafts, directory, meeting_date, next_meeting_date)
        previous = seg
    return _finish(folded, drafts)


def _sentence(ft: str, seg: Segment, drafts: list[_Draft], directory: Directory,
              meeting: date | None, next_meeting: date | None) -> None:
    """Propose one draft per action of a sentence or list item that holds a cue."""
    mentions = directory.mentions(ft, seg.start, seg.end)
    named = [m for m in mentions if m.kind != "chair"]
    lead_to = False
    if named and named[0].start - seg.start < 30 and LEAD_GLUE.fullmatch(ft, seg.start,
                                                                           named[0].start):
        last = named[0]
        for m in named[1:]:
            if not GLUE.fullmatch(ft, last.end, m.start):
                break
            last = m
        lead_to = bool(_LEAD_TO.match(ft, last.end, seg.end))
    addressed = any(r.role != "agent" for r in roles(ft, seg.start, seg.end, named))
    cue = find_cue(ft, seg.start, seg.end, has_mention=addressed, lead_to=lead_to,
                   context=seg.context, kind=seg.kind)
    if cue is None or cue.weight < 0.5:
        return
    if _HEADLINE_CUE.match(ft, cue.start, cue.end) and not _ENDS_SENTENCE.search(ft, seg.start,
                                                                                  seg.end):
        return  # "डीएम ने दिए निर्देश", "DM directs officials ...": a headline, not the minutes
    for ps, pe in split_actions(ft, seg.start, seg.end, mentions):
        ps, pe = _trim_part(ft, ps, pe)
        if pe <= ps:
            continue
        inside = [m for m in mentions if ps <= m.start and m.end <= pe]
        chosen, all_flag, how = choose(ft, ps, roles(ft, ps, pe, inside), False)
        deadlines = find_deadlines(ft, ps, pe, meeting, next_meeting)
        drafts.append(_Draft(ps, pe, cue, chosen, all_flag, how,
                             deadlines[0] if deadlines else None, seg))


def _trim_part(ft: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces and clause punctuation from both ends of a span."""
    while start < end and (ft[start].isspace() or ft[start] in ",;:-"):
        start += 1
    while end > start and (ft[end - 1].isspace() or ft[end - 1] in ",;:-"):
        end -= 1
    return start, end


def _table_row(ft: str, seg: Segment, drafts: list[_Draft], directory: Directory,
               meeting: date | None, next_meeting: date | None) -> None:
    """Propose a row of an action table, reading the owner and deadline from their columns."""
    action = [c for c, r in zip(seg.cells, seg.roles, strict=False) if r == "action"]
    if action and all(e <= s for s, e in action):
        return
    owners = [c for c, r in zip(seg.cells, seg.roles, strict=False) if r == "owner"]
    dues = [c for c, r in zip(seg.cells, seg.roles, strict=False) if r == "due"]
    mentions: list[Mention] = []
    for s, e in owners or [(seg.start, seg.end)]:
        found = directory.mentions(ft, s, e)
        mentions.extend(with_acronyms(ft, s, e, found) if owners else found)
    chosen, all_flag, how = choose(ft, seg.start, roles(ft, seg.start, seg.end, mentions),
                                   bool(owners))
    deadline = None
    for s, e in dues or [(seg.start, seg.end)]:
        found = find_deadlines(ft, s, e, meeting, next_meeting, cell=bool(dues))
        if found:
            deadline = found[0]
            break
    cue = Cue(seg.start, seg.start, "row of an action table", 0.8)
    drafts.append(_Draft(seg.start, seg.end, cue, chosen, all_flag, how, deadline, seg))


def _action_line(ft: str, seg: Segment, previous: Segment | None, drafts: list[_Draft],
                 directory: Directory, meeting: date | None, next_meeting: date | None) -> None:
    """Attach an "Action by: X" line to the item before it, or propose an "ACTION: ..." line."""
    body = max(seg.body, seg.start)
    mentions = with_acronyms(ft, body, seg.end, directory.mentions(ft, body, seg.end))
    deadlines = find_deadlines(ft, body, seg.end, meeting, next_meeting)
    rest = ft[body:seg.end]
    for span in sorted([(m.start, m.end) for m in mentions]
                       + [(d.start, d.end) for d in deadlines], reverse=True):
        rest = rest[:span[0] - body] + " " + rest[span[1] - body:]
    names_only = len(re.findall(rf"[{WORD}]+", rest)) <= 5
    chosen = [m for m in mentions if m.kind != "all"]
    all_flag = any(m.kind == "all" for m in mentions)
    deadline = deadlines[0] if deadlines else None
    if names_only and previous is not None:
        target = drafts[-1] if drafts and drafts[-1].segment is previous else None
        if target is not None:
            target.end = seg.end
            if chosen or all_flag:
                target.mentions, target.all_departments = chosen, all_flag
                target.how = "'Action by' line"
            if deadline is not None and target.deadline is None:
                target.deadline = deadline
            return
        cue = Cue(seg.start, body, "'Action' line after the item", 0.8)
        if deadline is None:
            found = find_deadlines(ft, previous.start, previous.end, meeting, next_meeting)
            deadline = found[0] if found else None
        drafts.append(_Draft(previous.start, seg.end, cue, chosen, all_flag, "'Action by' line",
                             deadline, seg))
        return
    chosen, all_flag, how = choose(ft, body, roles(ft, body, seg.end, mentions), False)
    cue = Cue(seg.start, body, "'ACTION:' label", 0.9)
    drafts.append(_Draft(seg.start, seg.end, cue, chosen, all_flag, how, deadline, seg))


def _finish(folded: Folded, drafts: list[_Draft]) -> list[Candidate]:
    """Map drafts back to the original text, drop repeats, and score them."""
    out: list[Candidate] = []
    seen: set[str] = set()
    original = folded.original
    for d in drafts:
        start, end = folded.span(d.start, d.end)
        text = original[start:end]
        key = " ".join(text.split())
        if end <= start or key in seen:
            continue
        seen.add(key)
        assignees: list[Assignee] = []
        codes: set[str] = set()
        names: set[str] = set()
        for m in d.mentions:
            ms, me = folded.span(m.start, m.end)
            mention = original[ms:me]
            if m.code is not None:
                if m.code in codes:
                    continue
                codes.add(m.code)
            else:
                if mention in names:
                    continue
                names.add(mention)
            assignees.append(Assignee(mention, m.code, ms, me))
        due_date = due_text = None
        if d.deadline is not None:
            ds, de = folded.span(d.deadline.start, d.deadline.end)
            due_text = original[ds:de].strip() or None
            due_date = d.deadline.due
        confidence = d.cue.weight
        if assignees or d.all_departments:
            confidence += 0.05
        if d.deadline is not None:
            confidence += 0.03
        if d.end - d.start > 500:
            confidence -= 0.15
        confidence = round(max(0.0, min(1.0, confidence)), 2)
        cs, ce = folded.span(d.cue.start, d.cue.end)
        cue_words = " ".join(original[cs:ce].split())[:40]
        reason = f"cue '{cue_words}' ({d.cue.label})" if cue_words else d.cue.label
        if d.how:
            reason += f"; assignee by {d.how}"
        if due_text:
            reason += f"; deadline '{' '.join(due_text.split())[:30]}'"
        out.append(Candidate(text, start, end, tuple(assignees), d.all_departments, due_date,
                             due_text, confidence, reason))
    return out
