"""Turn minutes into proposed directives: segments, cues, assignees and deadlines."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date

from .assignees import GLUE, antecedent, choose, find_pronoun, roles, with_acronyms
from .clauses import LEAD_GLUE, split_actions, split_orders
from .cues import RULE_TABLE_ROW, Cue, find_cue, may_hold_cue
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
    #: the words of the minutes that made it a directive ("" when its place did: a table row)
    cue_words: str = ""
    #: the rule that proposed it, one of the labels of `cues` and of the engine's structures
    rule: str = ""


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
    segments = segment(ft)
    #: list item -> its marker ("a", "ii", "3", "क"), for "Action: (a) ALC (b) BSA"
    labels: dict[int, str] = {}
    for k, seg in enumerate(segments):
        previous = segments[k - 1] if k else None
        if seg.kind == "item" and seg.unit not in labels:
            labels[seg.unit] = _item_label(ft, seg.start)
        if seg.kind == "action":
            _action_line(ft, seg, previous, drafts, directory, meeting_date, next_meeting_date,
                         labels, _list_before(ft, segments, k))
        elif seg.context == "table" and seg.kind == "table":
            _table_row(ft, seg, drafts, directory, meeting_date, next_meeting_date)
        elif (_FOLLOW_UP.match(ft, seg.start, seg.end) and drafts
              and drafts[-1].segment is previous):
            _follow_up(ft, seg, drafts[-1], directory, meeting_date, next_meeting_date)
        elif may_hold_cue(ft, seg.start, seg.end) or (seg.kind == "item"
                                                      and seg.context == "decision"):
            for part in _restarts(ft, seg, directory):
                _sentence(ft, part, drafts, directory, meeting_date, next_meeting_date,
                          segments[max(0, k - _LOOK_BACK):k])
    _lead_addressees(ft, drafts, segments, directory)
    _summed_up_addressees(ft, drafts, segments, directory)
    _carry_addressees(ft, drafts, segments, directory)
    return _finish(folded, drafts)


def _lead_addressees(ft: str, drafts: list[_Draft], segments: list[Segment],
                     directory: Directory) -> None:
    """Give lettered items that name nobody the offices of the words that lead to them:
    "directed the Health Department to (a) survey ...; (b) open ..." gives both to HEALTH."""
    first: dict[int, int] = {}
    for seg in segments:
        if seg.inline >= 0:
            first.setdefault(seg.inline, seg.start)
    addressed: dict[int, tuple[list[Mention], bool]] = {}
    for d in drafts:
        lead = d.segment.inline
        if lead < 0 or d.mentions or d.all_departments:
            continue
        if lead not in addressed:
            found = directory.mentions(ft, lead, first[lead])
            addressed[lead] = choose(ft, lead, roles(ft, lead, first[lead], found), False)[:2]
        chosen, all_flag = addressed[lead]
        if chosen or all_flag:
            d.mentions, d.all_departments = chosen, all_flag
            d.how = "the words that lead to the lettered items"


#: a sentence that says to whom the orders before it were given: "यह निर्देश कलेक्टर ने ... नगर
#: निगम सहित अन्य अफसरों को दिए।", "These directions were issued to the Executive Engineers."
_SUMMED_UP = re.compile(
    r"[^।.!?]{0,100}?(?<![\u0900-\u0963\u0971-\u097F])(?:यह|ये|उक्त)\s+(?:सभी\s+)?(?:दिशा[-\s]*)?"
    r"(?:निर्देश|आदेश)\s+(?:[^।.!?]{0,150}?\s)?को\s+(?:भी\s+)?(?:दिए|दिये|दिया|दी)"
    r"|[^.;!?]{0,40}?\b(?:these|the\s+above|the\s+said)\s+(?:directions|instructions|orders)\s+"
    r"(?:were|have\s+been|had\s+been)\s+(?:given|issued)\s+to\b", re.IGNORECASE)


def _summed_up_addressees(ft: str, drafts: list[_Draft], segments: list[Segment],
                          directory: Directory) -> None:
    """Give the directives of a paragraph that name nobody the offices a later sentence says
    the orders were given to ("... बंद करवाएं। ... यह निर्देश ... नगर निगम के अफसरों को दिए।")."""
    for seg in segments:
        if seg.kind != "sentence" or not _SUMMED_UP.match(ft, seg.start, seg.end):
            continue
        before = [d for d in drafts if d.segment.unit == seg.unit and d.end <= seg.start]
        if not before or any(d.segment is seg for d in drafts):
            continue
        mentions = directory.mentions(ft, seg.start, seg.end)
        chosen, all_flag, _ = choose(ft, seg.start, roles(ft, seg.start, seg.end, mentions), False)
        if not chosen and not all_flag:
            continue
        for d in reversed(before):
            if d.mentions or d.all_departments:
                continue
            d.mentions, d.all_departments = list(chosen), all_flag
            d.how = "the sentence after, which says to whom these orders were given"


#: cues of a sentence that goes on with the orders of the one before without naming anyone:
#: "X को निर्देशित किया कि ... करें। खराब हैंडपंप ठीक कराए जाएं।", "Details ... be submitted"
_CONTINUING = frozenset(("hi subjunctive", "hi ensure", "hi 'कहा कि' + subjunctive",
                         "en bare subjunctive", "en imperative"))


#: a Hindi sentence that opens by adding to what was just said: "साथ ही ... का निर्देश दिया"
_GOES_ON = re.compile(
    r"(?:इसके\s+)?साथ\s+ही|इसके\s+(?:अलावा|अतिरिक्त|अंतर्गत|अन्तर्गत)|इसी\s+(?:क्रम\s+में|प्रकार)")


def _continues(ft: str, draft: _Draft) -> bool:
    """Tell whether a directive that names nobody goes on with the orders of the one before."""
    if draft.cue.label in _CONTINUING:
        return True
    if draft.cue.label.startswith("hi ") and _GOES_ON.match(ft, draft.start):
        return True
    # "उन्होंने कहा कि ... सुनिश्चित करें": the chair says what the officers addressed before do
    return draft.cue.label == "hi asked to" and _THAT.match(ft, draft.cue.end) is not None


def _carry_addressees(ft: str, drafts: list[_Draft], segments: list[Segment],
                      directory: Directory) -> None:
    """Give a directive that names nobody the addressees of the directive just before it.

    Only within one paragraph, with at most one sentence between them that names no office:
    "उन्होंने जिला परिवहन पदाधिकारी को निर्देश देते हुए कहा कि ... करें। जिला सड़क सुरक्षा योजना
    विकसित करें।" gives the second order to the district transport officer too.
    """
    starts = [seg.start for seg in segments]
    for i in range(1, len(drafts)):
        d, prev = drafts[i], drafts[i - 1]
        if d.mentions or d.all_departments or not (prev.mentions or prev.all_departments):
            continue
        if d.segment.unit != prev.segment.unit or not _continues(ft, d):
            continue
        between = [segments[k] for k in range(bisect_left(starts, prev.segment.end),
                                              bisect_left(starts, d.segment.start))]
        if len(between) > 1 or any(m.kind in ("dept", "unknown") for b in between
                                   for m in directory.mentions(ft, b.start, b.end)):
            continue
        d.mentions, d.all_departments = list(prev.mentions), prev.all_departments
        d.how = "the directive before, which this sentence goes on with"


#: where a sentence runs on into a new directive: "..., जिलाधिकारी ने X को निर्देशित किया कि",
#: "... के निर्देश दिए एवं सभी विभागों को ... कहा", "...; he also directed"
_RESTART = re.compile(
    r"\s*,?\s+(?P<conj>एवं|तथा|और|साथ\s+ही)\s+"
    r"|,\s*(?=(?:(?:इसके\s+)?साथ\s+ही\s+|also\s+)?(?:उन्होंने|इन्होंने|he\s|she\s|"
    r"(?P<chair>(?:[^\s,।|]+\s+){1,5}?)(?:ने|द्वारा)(?![\u0900-\u0963\u0971-\u097F])))"
    r"|;\s*"
    # a full stop left out after a finished directive: "... पूर्ण करने को कहा स्कूल, आंगनबाड़ी ..."
    r"|(?:(?<=कहा)|(?<=दिए)|(?<=दिये)|(?<=दिया))\s+(?!(?:कि|है|हैं|था|थे|थी|गए|गये|गया|गई|जाएं|जाए|"
    r"और|तथा|एवं|व|साथ|वहीं|जिससे|ताकि|जिसमें|जिसके|जो|जब|तो|हुए)(?![\u0900-\u0963\u0971-\u097F]))"
    r"(?=[\u0900-\u0963\u0971-\u097F])"
    r"|,?\s+and\s+(?=(?:the\s+)?(?:[A-Za-z&.-]+\s+){1,4}(?:has|have|was|were)\s+(?:also\s+)?"
    r"(?:been\s+)?(?:directed|asked|instructed|told|requested|tasked)\b)",
    re.IGNORECASE,
)
#: the finished verb a conjunction must follow to start a new directive
_FINISHED = re.compile(r"(?:दिए|दिये|दिया|दी|किया|किये|किए|गए|गये|गया|गई|कहा)$")


def _restarts(ft: str, seg: Segment, directory: Directory) -> list[Segment]:
    """Cut a sentence where a new directive with a cue of its own begins after a finished one.

    Both sides must hold a strong cue, and a clause after a comma must open on the chair ("...,
    जिलाधिकारी ने ...", "उन्होंने ..."), so that lists and purposes stay whole.
    """
    if seg.kind not in ("sentence", "item") or seg.end - seg.start < 40:
        return [seg]
    if len(_TWO_CUES.findall(ft, seg.start, seg.end)) < 2:
        return [seg]  # one directive word cannot start two directives
    parts: list[Segment] = []
    cursor = seg.start
    names = None
    for m in _RESTART.finditer(ft, seg.start, seg.end):
        if m.start() - cursor < 20 or seg.end - m.end() < 20:
            continue
        if names is None:
            names = directory.mentions(ft, seg.start, seg.end)
        if any(n.start < m.start() < n.end for n in names):
            continue  # "the fire and emergency department was asked": one office
        if m.group("conj") and not _FINISHED.search(ft, cursor, m.start()):
            continue
        if m.group("chair") is not None:
            chairs = [c for c in directory.mentions(ft, m.end(), m.end() + len(m.group("chair")))
                      if c.kind == "chair"]
            if not chairs:
                continue
        if _strong(ft, cursor, m.start()) and _strong(ft, m.end(), seg.end):
            parts.append(replace(seg, start=cursor, end=m.start()))
            cursor = m.end()
    if not parts:
        return [seg]
    parts.append(replace(seg, start=cursor))
    return parts


#: the words of the strong cues; a sentence needs two of them to hold two directives
_TWO_CUES = re.compile(
    r"निर्देश|आदेश|कहा|सुनिश्चित|हिदायत|अपेक्षा|direct|instruct|order|asked|told|request|urged|"
    r"tasked|entrusted|called\s+upon", re.IGNORECASE)


def _strong(ft: str, start: int, end: int) -> bool:
    cue = find_cue(ft, start, end, has_mention=True, lead_to=False, context="", kind="sentence")
    return cue is not None and cue.weight >= 0.8


#: how many segments back a pronoun ("the department", "उक्त विभाग") looks for what it stands for
_LOOK_BACK = 3
#: "इसका उत्तरदायित्व X का होगा", "Responsibility for this shall lie with X": the addressee (and
#: often the deadline) of the directive in the sentence before
_FOLLOW_UP = re.compile(
    r"\s*(?:(?:इसका|इसकी|इसके|इस\s+कार्य\s+(?:का|की)|उक्त\s+कार्य\s+(?:का|की)|इस\s+हेतु|इसके\s+लिए)\s+"
    r"(?:पूर्ण\s+|संपूर्ण\s+)?(?:उत्तरदायित्व|दायित्व|जिम्मेदारी|जिम्मेवारी)"
    r"|(?:the\s+)?(?:responsibility|onus)\s+(?:for\s+(?:this|the\s+same|it)\s+)?(?:shall|will|would|"
    r"should)\s+(?:be|lie|rest)\s+(?:with|on|of)\b"
    r"|(?:the\s+)?(?:responsibility|onus)\s+(?:for\s+(?:this|the\s+same|it)\s+)?(?:shall|will|would|"
    r"should)\s+be\s+(?:given|entrusted|assigned|fixed)\s+(?:to|on)\b"
    # "This should be completed before May 25": the deadline of the directive before
    r"|(?:this|it|the\s+same)\s+(?:should|shall|must|may|will|is\s+to|has\s+to)\s+(?:kindly\s+|also\s+)?"
    r"be\s+(?:completed|done|finished|accomplished|ensured|achieved)\b)",
    re.IGNORECASE,
)
#: "within the same period": the deadline of the directive before
_SAME_PERIOD = re.compile(
    r"\b(?:within|by|in)\s+the\s+same\s+(?:period|time(?:\s*frame|line)?|date|deadline)\b|"
    r"(?:उसी|इसी)\s+(?:अवधि|समय\s*सीमा|समयावधि|तिथि|तारीख)\s+(?:में|तक|के\s+भीतर|के\s+अंदर)",
    re.IGNORECASE,
)
_LABEL = re.compile(r"[ \t]*\(?\s*([a-zA-Z]|[ivxIVX]{1,4}|\d{1,3}|[क-ह])\s*[.)]?[ \t]*")


def _item_label(ft: str, start: int) -> str:
    """Return the marker of the list item starting at `start` ("a", "ii", "3", "क"), or ""."""
    line_start = ft.rfind("\n", 0, start) + 1
    m = _LABEL.fullmatch(ft, line_start, start)
    return m.group(1).lower() if m else ""


def _follow_up(ft: str, seg: Segment, draft: _Draft, directory: Directory,
               meeting: date | None, next_meeting: date | None) -> None:
    """Add a sentence naming who is responsible for the directive before it to that directive."""
    draft.end = seg.end
    if not draft.mentions and not draft.all_departments:
        mentions = [m for m in directory.mentions(ft, seg.start, seg.end) if m.kind != "chair"]
        chosen, all_flag, _how = choose(ft, seg.start, roles(ft, seg.start, seg.end, mentions),
                                        True)
        if chosen or all_flag:
            draft.mentions, draft.all_departments = chosen, all_flag
            draft.how = "named in the sentence after"
    if draft.deadline is None:
        found = find_deadlines(ft, seg.start, seg.end, meeting, next_meeting)
        draft.deadline = found[0] if found else None


def _sentence(ft: str, seg: Segment, drafts: list[_Draft], directory: Directory,
              meeting: date | None, next_meeting: date | None,
              before: list[Segment] | None = None) -> None:
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
    # a chair's title that is addressed ("the DMs would monitor") counts like a department
    addressed = any(r.role not in ("agent", "aside")
                    and (r.mention.kind != "chair" or r.role == "to")
                    for r in roles(ft, seg.start, seg.end, mentions))
    pronoun = find_pronoun(ft, seg.start, seg.end)
    if pronoun is not None:
        addressed = True
        lead_to = lead_to or (pronoun[2] and LEAD_GLUE.fullmatch(ft, seg.start, pronoun[0])
                              is not None)
    cue = find_cue(ft, seg.start, seg.end, has_mention=addressed, lead_to=lead_to,
                   context=seg.context, kind=seg.kind)
    if cue is None or cue.weight < 0.5:
        return
    if _HEADLINE_CUE.match(ft, cue.start, cue.end) and not _ENDS_SENTENCE.search(ft, seg.start,
                                                                                  seg.end):
        return  # "डीएम ने दिए निर्देश", "DM directs officials ...": a headline, not the minutes
    if seg.kind == "sentence" and _subheading(ft, seg):
        return  # "पौधारोपण की कार्य योजना तैयार करें" over the paragraph that says so in full
    parts = [(os_, oe, k > 0) for ps, pe in split_actions(ft, seg.start, seg.end, mentions)
             for k, (os_, oe) in enumerate(split_orders(ft, ps, pe))]
    for ps, pe, goes_on in parts:
        ps, pe = _trim_part(ft, ps, pe)
        if pe <= ps:
            continue
        inside = [m for m in mentions if ps <= m.start and m.end <= pe]
        found = roles(ft, ps, pe, inside)
        if goes_on:
            # read with the order before, so that an office it sends things to is a recipient
            found = [r for r in roles(ft, seg.start, pe, [m for m in mentions if m.end <= pe])
                     if r.mention.start >= ps]
        chosen, all_flag, how = choose(ft, ps, found, False)
        if goes_on and not chosen and not all_flag and (pronoun is None
                                                         or not ps <= pronoun[0] < pe):
            # "... अतिक्रमण हटवाएं तथा नालियों की सफाई कराएं": the second order is for the
            # offices of the first
            chosen, all_flag = list(drafts[-1].mentions), drafts[-1].all_departments
            how = drafts[-1].how
        regions = [(seg.start, ps)] + [(b.start, b.end) for b in reversed(before or [])]
        # "The department shall ensure that ... handed over to the ICDS": the pronoun subject
        # is who acts, whatever the sentence names after it
        subject = (pronoun is not None and ps <= pronoun[0] < pe
                   and (pronoun[2] or how == "mention in the sentence")
                   and all(m.start >= pronoun[1] for m in chosen))
        if (subject or not chosen and not all_flag) and pronoun is not None and \
                ps <= pronoun[0] < pe:
            # "Addressing the BDOs, the DC said that they should ...": named before it in the
            # sentence, or in the sentences before
            found = antecedent(
                ft, [(seg.start, pronoun[0])] + regions[1:],
                lambda s, e: (_not_agents(ft, s, e, directory) if s == seg.start
                              else directory.mentions(ft, s, e)))
            if found:
                chosen, all_flag = found, False
                how = "'" + ft[pronoun[0]:pronoun[1]] + "' for the office named before"
        chosen = [_titled(ft, m, regions, directory) if m.kind == "unknown" else m
                  for m in chosen]
        deadlines = find_deadlines(ft, ps, pe, meeting, next_meeting)
        deadline = _after_that(ft, cue, deadlines) if deadlines else None
        same = _SAME_PERIOD.search(ft, ps, pe) if deadline is None and drafts else None
        if same and drafts[-1].deadline is not None:
            deadline = Deadline(same.start(), same.end(), drafts[-1].deadline.due, 2)
        drafts.append(_Draft(ps, pe, cue, chosen, all_flag, how, deadline, seg))


def _not_agents(text: str, start: int, end: int, directory: Directory) -> list[Mention]:
    """The offices named in [start, end) but the one who gives the order ("The CDO directed")."""
    mentions = directory.mentions(text, start, end)
    agents = {r.mention.start for r in roles(text, start, end, mentions) if r.role == "agent"}
    return [m for m in mentions if m.start not in agents]


_THAT = re.compile(r"\s*(?:,\s*)?(?:कि|that)(?![\u0900-\u0963\u0971-\u097F\w])", re.IGNORECASE)


def _after_that(ft: str, cue: Cue, deadlines: list[Deadline]) -> Deadline:
    """Pick the deadline of what is directed: after "निर्देश दिए कि" / "directed that", the first
    one in that clause, not a date the sentence mentioned before ("अगस्त माह तक 41 प्रतिशत ...")."""
    best = deadlines[0]
    if best.start < cue.start and _THAT.match(ft, cue.end):
        later = [d for d in deadlines if d.start >= cue.end and d.priority == best.priority]
        if later:
            return later[0]
    return best


_HEAD_WORD = re.compile(rf"[{WORD}]{{3,}}")


def _subheading(ft: str, seg: Segment) -> bool:
    """Tell whether a sentence is a short title line whose words the paragraph after repeats."""
    line_start = ft.rfind("\n", 0, seg.start) + 1
    line_end = ft.find("\n", seg.end)
    if line_end < 0 or ft[line_start:seg.start].strip() or ft[seg.end:line_end].strip():
        return False
    if _ENDS_SENTENCE.search(ft, seg.start, seg.end):
        return False
    words = {w.lower() for w in _HEAD_WORD.findall(ft, seg.start, seg.end)}
    if not 2 <= len(words) <= 12:
        return False
    after = {w.lower() for w in _HEAD_WORD.findall(ft, line_end, line_end + 600)}
    # a subheading in the middle of a report sums up the paragraphs around it
    before = {w.lower() for w in _HEAD_WORD.findall(ft, max(0, line_start - 600), line_start)}
    return max(len(words & after), len(words & before)) * 2 > len(words)


_TITLE_LEAD = re.compile(r"(?:the|shri|smt|sh|dr|mr|ms)\.?\s+", re.IGNORECASE)


def _titled(ft: str, mention: Mention, regions: list[tuple[int, int]],
            directory: Directory) -> Mention:
    """Read a bare title ("the Executive Engineer") as the office named with it just before."""
    title = _TITLE_LEAD.sub("", " ".join(ft[mention.start:mention.end].split())).lower()
    if len(title) < 6 or len(title.split()) > 3:
        return mention  # only a bare title stands for an office named before
    # "Executive Engineer, Housing Board" before: the title is part of the office, or just in
    # front of it
    named = re.compile(r"\s+".join(map(re.escape, title.split())) + r"[\s,]*(?:of\s+(?:the\s+)?)?$",
                       re.IGNORECASE)
    for s, e in regions[1:]:
        for m in reversed(directory.mentions(ft, s, e)):
            if m.kind != "dept":
                continue
            if " ".join(ft[m.start:m.end].split()).lower().startswith(title) or named.search(
                    ft, max(s, m.start - 60), m.start):
                return Mention(mention.start, mention.end, m.code, "dept")
    return mention


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
    cue = Cue(seg.start, seg.start, RULE_TABLE_ROW, 0.8)
    drafts.append(_Draft(seg.start, seg.end, cue, chosen, all_flag, how, deadline, seg))


_ITEM_REF = re.compile(
    r"\(\s*([a-zA-Z]|[ivxIVX]{1,4}|\d{1,2}|[क-ह])\s*\)"
    r"|(?<![\w\u0900-\u0963\u0971-\u097F])([a-z]|[ivx]{1,4}|\d{1,2}|[क-ह])\)")
_RESPECTIVELY = re.compile(r"\brespectively\b|क्रमशः|क्रमश:", re.IGNORECASE)


def _groups(ft: str, body: int, end: int) -> list[tuple[str, int, int]]:
    """Split "(a) ALC (b) BSA" or "ALC (a), BSA (b)" into (item label, start, end) groups."""
    refs = list(_ITEM_REF.finditer(ft, body, end))
    if len(refs) < 2:
        return []
    labels = [(r.group(1) or r.group(2)).lower() for r in refs]
    if len(set(labels)) < len(labels):
        return []
    if not ft[body:refs[0].start()].strip(" \t:-,;"):
        bounds = [(r.end(), refs[i + 1].start() if i + 1 < len(refs) else end)
                  for i, r in enumerate(refs)]
        # "(a) and (b) DCPU": a label with nothing after it shares the office of the next
        for i in range(len(bounds) - 2, -1, -1):
            if _JOINED.fullmatch(ft, *bounds[i]):
                bounds[i] = bounds[i + 1]
    else:
        bounds = [(refs[i - 1].end() if i else body, r.start()) for i, r in enumerate(refs)]
        # "DCPU for (a) and (b)": a label with nothing before it shares the office before
        for i in range(1, len(bounds)):
            if _JOINED.fullmatch(ft, *bounds[i]):
                bounds[i] = bounds[i - 1]
    return [(label, s, e) for label, (s, e) in zip(labels, bounds, strict=True)]


_JOINED = re.compile(r"[\s,;&/-]*(?:and|एवं|तथा|व|और)?[\s,;&/-]*", re.IGNORECASE)


def _distribute(ft: str, seg: Segment, drafts: list[_Draft], mentions: list[Mention],
                deadlines: list[Deadline], labels: dict[int, str]) -> bool:
    """Give each item an "Action" line refers to its own offices; tell whether it could.

    "Action: (a) ALC (b) BSA" gives item (a) to the ALC and item (b) to the BSA; "Action: ALC
    and BSA respectively" gives the items just before the line to them in order.
    """
    recent = [d for d in drafts[-12:] if d.segment.start < seg.start]
    body = max(seg.body, seg.start)
    plan: list[tuple[_Draft, list[Mention], Deadline | None]] = []
    groups = _groups(ft, body, seg.end)
    if groups:
        for label, gs, ge in groups:
            target = next((d for d in reversed(recent) if labels.get(d.segment.unit) == label),
                          None)
            if target is None or any(target is p[0] for p in plan):
                return False
            inside = [m for m in mentions if gs <= m.start < ge]
            due = next((d for d in deadlines if gs <= d.start < ge), None)
            plan.append((target, inside, due))
    elif _RESPECTIVELY.search(ft, body, seg.end):
        named = [m for m in mentions if m.kind != "all"]
        units: list[_Draft] = []
        for d in reversed(recent):
            if not units or d.segment.unit != units[-1].segment.unit:
                units.append(d)
        if len(named) < 2 or len(units) < len(named):
            return False
        plan = [(d, [m], None) for d, m in zip(reversed(units[:len(named)]), named, strict=True)]
    else:
        return False
    for target, inside, due in plan:
        if inside:
            target.mentions = [m for m in inside if m.kind != "all"]
            target.all_departments = any(m.kind == "all" for m in inside)
            target.how = "'Action by' line, item by item"
        if due is not None and target.deadline is None:
            target.deadline = due
    if drafts and drafts[-1] in [p[0] for p in plan]:
        drafts[-1].end = seg.end
    return True


#: the end of an agenda point's heading: "4. **Miscellaneous :-**", "Database of FICN cases:"
_AGENDA_HEAD = re.compile(r":\s*[-–]?[\s*]*$")
_LEADS_TO_LIST = re.compile(r"[\s*]*:")


def _list_before(ft: str, segments: list[Segment], k: int
                 ) -> tuple[list[Segment], Segment | None]:
    """Return the list items an "(Action: X)" paragraph of its own closes (the items before it
    back to the agenda point's heading or anything that is not an item) and the sentence that
    leads to them ("RBI was requested to furnish the following data :-"), if any."""
    if k == 0 or segments[k - 1].kind != "item" or "\n\n" not in ft[segments[k - 1].end:
                                                                 segments[k].start]:
        return [], None
    items: list[Segment] = []
    lead: Segment | None = None
    for seg in reversed(segments[:k]):
        heading = _AGENDA_HEAD.search(ft, max(seg.start, seg.end - 8), seg.end) is not None
        if seg.kind == "item" and not heading:
            items.append(seg)
            continue
        if seg.kind == "sentence" and (heading or _LEADS_TO_LIST.match(ft, seg.end)):
            lead = seg
        break
    return (items, lead) if len(items) > 1 else ([], None)


def _action_line(ft: str, seg: Segment, previous: Segment | None, drafts: list[_Draft],
                 directory: Directory, meeting: date | None, next_meeting: date | None,
                 labels: dict[int, str] | None = None,
                 block: tuple[list[Segment], Segment | None] | None = None) -> None:
    """Attach an "Action by: X" line to the item before it, or propose an "ACTION: ..." line."""
    body = max(seg.body, seg.start)
    mentions = with_acronyms(ft, body, seg.end, directory.mentions(ft, body, seg.end))
    deadlines = find_deadlines(ft, body, seg.end, meeting, next_meeting)
    rest = ft[body:seg.end]
    for span in sorted([(m.start, m.end) for m in mentions]
                       + [(d.start, d.end) for d in deadlines], reverse=True):
        rest = rest[:span[0] - body] + " " + rest[span[1] - body:]
    rest = _RESPECTIVELY.sub(" ", _ITEM_REF.sub(" ", rest))
    names_only = len(re.findall(rf"[{WORD}]+", rest)) <= 5
    chosen = [m for m in mentions if m.kind != "all"]
    all_flag = any(m.kind == "all" for m in mentions)
    deadline = deadlines[0] if deadlines else None
    if names_only and previous is not None and mentions and _distribute(
            ft, seg, drafts, mentions, deadlines, labels or {}):
        return
    if names_only and previous is not None:
        target = drafts[-1] if drafts and drafts[-1].segment is previous else None
        items, lead = block or ([], None)
        group: list[_Draft] = []
        if target is not None and previous.inline >= 0:
            # "decided that (a) ...; (b) ... (Action: All DCs)": the line is for every item
            group = [d for d in drafts if d.segment.inline == previous.inline]
        elif items:
            # "1. ... 2. ... 3. ...\n\n(Action: SP CID)": the line closes the agenda point's list
            group = [d for d in drafts if any(d.segment is i for i in items)]
        if not group and lead is not None and target is None:
            # "... requested to furnish the following data :- 1. How many ...? (Action: RBI)":
            # the questions are what the request asks for
            group = [d for d in drafts if d.segment is lead]
        elif target is None:
            cue = Cue(seg.start, body, "'Action' line after the item", 0.8)
            if deadline is None:
                found = find_deadlines(ft, previous.start, previous.end, meeting, next_meeting)
                deadline = found[0] if found else None
            target = _Draft(previous.start, seg.end, cue, [], False, "", deadline, seg)
            drafts.append(target)
        if target is not None:
            target.end = seg.end
            group = group if any(d is target for d in group) else group + [target]
        for d in group:
            if chosen or all_flag:
                d.mentions, d.all_departments = chosen, all_flag
                d.how = "'Action by' line"
            if deadline is not None and d.deadline is None:
                d.deadline = deadline
        return
    chosen, all_flag, how = choose(ft, body, roles(ft, body, seg.end, mentions), False)
    cue = Cue(seg.start, body, "'ACTION:' label", 0.9)
    drafts.append(_Draft(seg.start, seg.end, cue, chosen, all_flag, how, deadline, seg))


_WORDS_ONLY = re.compile(r"[\W_]+")


def _finish(folded: Folded, drafts: list[_Draft]) -> list[Candidate]:
    """Map drafts back to the original text, drop repeats, and score them."""
    out: list[Candidate] = []
    original = folded.original
    # a summary at the top repeats the body's sentence: keep the body's, the last of them
    keys = [_WORDS_ONLY.sub("", folded.text[d.start:d.end]).lower() for d in drafts]
    last = {key: k for k, key in enumerate(keys)}
    for k, d in enumerate(drafts):
        start, end = folded.span(d.start, d.end)
        text = original[start:end]
        if end <= start or last[keys[k]] != k:
            continue
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
                             due_text, confidence, reason, cue_words, d.cue.label))
    return out
