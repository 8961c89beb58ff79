"""The secretary's review: proposals from the extraction engine, and confirming them."""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from tracker.directory import department_directory
from tracker.extensions import db
from tracker.extraction import Candidate, extract
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

#: How alike (0–1, shared words) a proposal and an earlier open directive must be
#: for the review to suggest linking them as a repeat.
REPEAT_THRESHOLD = 0.4
_WORD_RE = re.compile(r"\w+")
#: Words too common in minutes to say anything about whether two directives are alike.
_STOPWORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "के का की को में से पर और एवं तथा है हैं किया गया गए दिए दिया कि यह वह सभी करें करने लिए"
        " the a an of to in on for and by with be is are was were that this all shall will"
        " should directed instructed asked department departments"
    ).split()
)


def normalise(text: str) -> str:
    """Fold a text for comparison: NFC, case, punctuation and spacing."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(_WORD_RE.findall(text))


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in normalise(text).split() if len(w) > 1 and w not in _STOPWORDS)


def similarity(a: str, b: str) -> float:
    """Return the share of meaningful words two texts have in common (Jaccard)."""
    left, right = _words(a), _words(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


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
    reason: str
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
    candidates = extract(
        source,
        meeting_date=meeting.held_on,
        directory=department_directory(),
        language=minutes.language if minutes else None,
        next_meeting_date=next_meeting_date(meeting),
    ) if source.strip() else []  # fmt: skip
    by_code = {d.code: d for d in active_departments()}
    member_ids = [d.id for d in meeting.committee.departments]
    existing = meeting_directives(meeting)
    existing_texts = {normalise(_source_text(d)): d for d in existing}
    existing_texts.update({normalise(d.action_text): d for d in existing})
    earlier = earlier_open_directives(meeting)

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
            reason=candidate.reason,
            confirmed=existing_texts.get(normalise(candidate.text)),
        )
        if earlier:
            best = max(earlier, key=lambda d: similarity(candidate.text, d.action_text))
            if similarity(candidate.text, best.action_text) >= REPEAT_THRESHOLD:
                proposal.repeat_of = best
        proposals.append(proposal)
    return Review(proposals, _segments(source, proposals), existing)


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
        if keys & seen:
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
        seen |= keys
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
