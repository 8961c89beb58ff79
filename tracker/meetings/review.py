"""The secretary's review: proposals from the extraction engine, and confirming them."""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from tracker.directory import department_directory
from tracker.extensions import db
from tracker.extraction import Candidate, Directory, extract
from tracker.extraction.deadlines import find_deadlines
from tracker.extraction.normalize import fold
from tracker.meetings.services import (
    EDIT_REFUSED,
    MeetingError,
    active_departments,
    can_edit_meeting,
    departments_by_ids,
    earlier_open_directives,
    meeting_directives,
    next_meeting_date,
)
from tracker.models import (
    PRIORITIES,
    Assignment,
    Department,
    DepartmentAlias,
    Directive,
    Meeting,
    StatusChange,
    User,
)

#: How alike (0–1, shared words of what they ask for) a proposal and an earlier open directive
#: must be for the review to suggest linking them as a repeat. Chosen from the pairs in
#: tests/app/test_review.py: repeats score 0.50 or more there, other directives 0.25 or less.
REPEAT_THRESHOLD = 0.4
#: A word in either script: \w alone leaves out the Devanagari vowel signs and the virama.
_WORD_RE = re.compile(r"[\w\u0900-\u0963\u0971-\u097F]+")
#: Words too common in directives to say anything about what two of them ask for.
_STOPWORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "के का की को में से पर और एवं तथा व है हैं था थे किया किए गया गई गए दिए दिया दिये कि यह वह"
        " इस उस इन उन सभी करें करे कराएं कराएँ कराए कराया कराना करना करने लिए द्वारा भी जाए जाएं"
        " जाये हेतु निर्देश निर्देशित आदेश सुनिश्चित संबंधी संबंधित"
        " the a an of to in on for and by with be is are was were that this these all shall"
        " will should must may directed instructed asked ensure also its their department"
        " departments concerned"
    ).split()
)


def normalise(text: str) -> str:
    """Fold a text for comparison: NFC, case, punctuation and spacing."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(_WORD_RE.findall(text))


#: Endings of Hindi nouns and verbs in the oblique, plural or polite forms, longest first:
#: "भट्ठों", "भट्ठे" and "भट्ठा" all count as one word.
_HINDI_ENDINGS = ("ियों", "ियां", "ियाँ", "ाओं", "ाएं", "ाएँ", "ों", "ें", "ां", "ाँ", "े", "ा", "ो")


def _stem(word: str) -> str:
    """Cut a plural or inflected ending, so that "kilns" meets "kiln" and "भट्ठों" "भट्ठा"."""
    if word.isascii():
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            return word[:-1]
        return word
    for ending in _HINDI_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


def action_words(text: str, directory: Directory | None = None) -> frozenset[str]:
    """Return the words of what a directive asks for.

    Its deadline ("by 31 March", "15 दिन में"), the departments and officers it names, numbers
    and words common to every directive are left out: they say when and who, not what.
    """
    folded = fold(text).text
    directory = directory or Directory.builtin()
    spans = [(d.start, d.end) for d in find_deadlines(folded, 0, len(folded), None, None)]
    spans += [(m.start, m.end) for m in directory.mentions(folded)]
    kept = list(folded)
    for start, end in spans:
        kept[start:end] = " " * (end - start)
    words = normalise("".join(kept)).split()
    return frozenset(
        _stem(w)
        for w in words
        if len(w) > 1 and w not in _STOPWORDS and not any(c.isdigit() for c in w)
    )


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def similarity(a: str, b: str, directory: Directory | None = None) -> float:
    """Return the share of words of what they ask for that two directives have in common."""
    return _jaccard(action_words(a, directory), action_words(b, directory))


@dataclass
class Proposal:
    """One card of the review screen, as proposed by the engine."""

    text: str
    start: int
    end: int
    department_ids: list[int]
    unknown_mentions: list[str]
    all_departments: bool
    due_on: date | None
    due_text: str | None
    priority: str
    confidence: float
    cue_words: str
    rule: str
    confirmed: Directive | None = None
    repeat_of: Directive | None = None


@dataclass
class Segment:
    text: str
    card: int | None = None
    confirmed: bool = False


@dataclass
class Review:
    proposals: list[Proposal]
    segments: list[Segment]
    directives: list[Directive] = field(default_factory=list)


def _source_text(directive: Directive) -> str:
    version = directive.minutes_version
    if version is not None and directive.source_start is not None:
        return version.source[directive.source_start : directive.source_end]
    return directive.action_text


def _priority_for(candidate: Candidate) -> str:
    due_text = (candidate.due_text or "").casefold()
    if any(word in due_text for word in ("तत्काल", "तुरंत", "immediately", "forthwith")):
        return "urgent"
    return "normal"


def propose(meeting: Meeting) -> Review:
    """Run the engine over the meeting's minutes and match its proposals to what exists."""
    minutes = meeting.minutes
    source = minutes.source if minutes else ""
    directory = department_directory()
    candidates = extract(
        source,
        meeting_date=meeting.held_on,
        directory=directory,
        language=minutes.language if minutes else None,
        next_meeting_date=next_meeting_date(meeting),
    ) if source.strip() else []  # fmt: skip
    by_code = {d.code: d for d in active_departments()}
    member_ids = [d.id for d in meeting.committee.departments]
    existing = meeting_directives(meeting)
    existing_texts = {normalise(_source_text(d)): d for d in existing}
    existing_texts.update({normalise(d.action_text): d for d in existing})
    earlier = [(d, action_words(d.action_text, directory), {a.department_id for a in d.assignments})
               for d in earlier_open_directives(meeting)]  # fmt: skip

    proposals = []
    for candidate in candidates:
        ids = []
        unknown = []
        for assignee in candidate.assignees:
            department = by_code.get(assignee.department or "")
            if department is None:
                unknown.append(assignee.mention)
            elif department.id not in ids:
                ids.append(department.id)
        if candidate.all_departments:
            ids.extend(i for i in member_ids if i not in ids)
        proposal = Proposal(
            text=candidate.text,
            start=candidate.start,
            end=candidate.end,
            department_ids=ids,
            unknown_mentions=list(dict.fromkeys(unknown)),
            all_departments=candidate.all_departments,
            due_on=candidate.due_date,
            due_text=candidate.due_text,
            priority=_priority_for(candidate),
            confidence=candidate.confidence,
            cue_words=candidate.cue_words,
            rule=candidate.rule,
            confirmed=existing_texts.get(normalise(candidate.text)),
        )
        proposal.repeat_of = _repeated(action_words(candidate.text, directory), set(ids), earlier)
        proposals.append(proposal)
    return Review(proposals, _segments(source, proposals), existing)


#: An earlier open directive, the words of what it asks for, and its departments' ids.
_Earlier = tuple[Directive, frozenset[str], set[int]]


def _repeated(asks: frozenset[str], department_ids: set[int],
              earlier: list[_Earlier]) -> Directive | None:  # fmt: skip
    """Return the earlier directive most alike of those for the same departments, if alike enough.

    A directive for other departments than the proposal's is no repeat of it, however alike the
    words: "register FIRs against the dhaba owners" (police) and "fine the dhaba owners" (labour)
    share most of theirs.
    """
    best, best_score = None, 0.0
    for directive, words, departments in earlier:
        if department_ids and departments and not department_ids & departments:
            continue
        score = _jaccard(asks, words)
        if score > best_score:
            best, best_score = directive, score
    return best if best_score >= REPEAT_THRESHOLD else None


def _segments(source: str, proposals: list[Proposal]) -> list[Segment]:
    """Cut the minutes into plain and highlighted pieces, one highlight per proposal."""
    segments, position = [], 0
    for index, proposal in sorted(enumerate(proposals), key=lambda item: item[1].start):
        if proposal.start < position:
            continue  # overlapping proposals: the first keeps the highlight
        if proposal.start > position:
            segments.append(Segment(source[position : proposal.start]))
        segments.append(Segment(source[proposal.start : proposal.end], index,
                                proposal.confirmed is not None))  # fmt: skip
        position = proposal.end
    if position < len(source):
        segments.append(Segment(source[position:]))
    return segments


@dataclass(frozen=True)
class ConfirmedCard:
    """What the secretary decided for one card."""

    action_text: str
    department_ids: tuple[int, ...]
    due_on: date | None
    due_text: str | None
    priority: str
    source_start: int | None
    source_end: int | None
    repeats_id: int | None = None
    #: Mentions the directory did not know, mapped to a department and to be kept as aliases.
    new_aliases: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class ConfirmResult:
    created: list[Directive]
    duplicates: int


def confirm(meeting: Meeting, author: User, cards: list[ConfirmedCard]) -> ConfirmResult:
    """Create the directives and one assignment per department; skip what already exists."""
    if not can_edit_meeting(author, meeting):
        raise MeetingError(EDIT_REFUSED)
    minutes = meeting.minutes
    source = minutes.source if minutes else ""
    existing = meeting_directives(meeting)
    seen = {normalise(_source_text(d)) for d in existing} | {normalise(d.action_text)
                                                            for d in existing}  # fmt: skip
    sent: set[str] = set()
    earlier_ids = {d.id for d in earlier_open_directives(meeting)}
    created, duplicates = [], 0
    for card in cards:
        if card.priority not in PRIORITIES:
            raise MeetingError(_("Unknown priority: %(value)s", value=card.priority))
        text = card.action_text.strip()
        if not text:
            raise MeetingError(_("Every directive needs its action text."))
        start, end = card.source_start, card.source_end
        if start is None or end is None or not (0 <= start < end <= len(source)):
            start = end = None
        keys = {normalise(text)}
        if start is not None:
            keys.add(normalise(source[start:end]))
        # A passage already confirmed is not confirmed again; within one review, though, the
        # parts of a split card share their passage and differ only in their text.
        if keys & seen or normalise(text) in sent:
            duplicates += 1
            continue
        departments = departments_by_ids(card.department_ids)
        for mention, department_id in card.new_aliases:
            department = db.session.get(Department, department_id)
            if department is None:
                raise MeetingError(_("One of the chosen departments does not exist any more."))
            _add_alias(department, mention)
            if department not in departments:
                departments.append(department)
        if not departments:
            raise MeetingError(
                _("Choose at least one department for: %(text)s", text=text[:80])
            )
        repeats_id = card.repeats_id if card.repeats_id in earlier_ids else None
        directive = Directive(
            meeting=meeting,
            minutes_version=minutes if start is not None else None,
            source_start=start,
            source_end=end,
            action_text=text,
            priority=card.priority,
            due_on=card.due_on,
            due_text=(card.due_text or None) and card.due_text[:200],
            repeats_id=repeats_id,
            created_by_id=author.id,
        )
        for department in departments:
            assignment = Assignment(department=department, due_on=card.due_on, status="open")
            assignment.history.append(
                StatusChange(kind="created", to_status="open", actor_id=author.id)
            )
            directive.assignments.append(assignment)
        db.session.add(directive)
        created.append(directive)
        sent.add(normalise(text))
    db.session.commit()
    return ConfirmResult(created, duplicates)


def _add_alias(department: Department, mention: str) -> None:
    mention = " ".join(mention.split())[:200]
    if not mention:
        return
    exists = db.session.scalar(
        select(DepartmentAlias.id).where(
            DepartmentAlias.department_id == department.id, DepartmentAlias.text == mention
        )
    )
    if exists is None:
        department.aliases.append(DepartmentAlias(text=mention))
