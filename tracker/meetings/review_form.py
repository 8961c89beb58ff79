"""Between the review form and the review operations: filling the cards and reading them back."""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from tracker.extensions import db
from tracker.extraction import RULE_ADDRESSED, RULE_LISTED_ITEM, RULE_TABLE_ROW
from tracker.fields import select_choices
from tracker.i18n import current_language
from tracker.meetings.review import ConfirmedCard, Proposal, Segment
from tracker.models import Department, Directive, Meeting

#: Separates the code from the names in the department list the card inputs offer.
SEPARATOR = " — "


def department_option(department: Department) -> str:
    return f"{department.code}{SEPARATOR}{department.name_en} / {department.name_hi}"


def resolve_department(text: str, departments: list[Department]) -> Department | None:
    """Find the department a typed or chosen entry means: its list entry, code or either name."""
    wanted = text.split(SEPARATOR, 1)[0].strip().casefold()
    for department in departments:
        names = (department.code, department.name_en, department.name_hi)
        if wanted in {name.casefold() for name in names}:
            return department
    return None


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def why_proposed(cue_words: str | None, rule: str | None) -> str:
    """Say in the reader's language why the engine proposed a card ("" for a card typed in)."""
    if cue_words:
        return _("Proposed for the words “%(words)s”.", words=cue_words)
    if rule == RULE_TABLE_ROW:
        return _("Proposed because it is a row of a table of actions.")
    if rule == RULE_LISTED_ITEM:
        return _("Proposed because it is listed under a heading of decisions or directions.")
    if rule == RULE_ADDRESSED:
        return _("Proposed because it tells an office what to do.")
    return _("Proposed because the sentence reads as an instruction.") if rule else ""


@dataclass
class CardView:
    """What the template needs besides the form fields of one card."""

    index: int
    start: int | None
    end: int | None
    repeat_of: Directive | None
    confirmed: Directive | None
    why: str = ""


def fill_review_form(form, meeting: Meeting, departments: list[Department],
                     proposals: list[Proposal] | None) -> dict:  # fmt: skip
    """Put the proposals (or the posted cards) into the form and return the page's context."""
    if proposals is not None:
        for proposal in proposals:
            form.cards.append_entry({
                "include": proposal.confirmed is None,
                "action_text": proposal.text.strip(),
                "departments": proposal.department_ids,
                "due_on": proposal.due_on,
                "due_text": proposal.due_text or "",
                "priority": proposal.priority,
                "start": proposal.start,
                "end": proposal.end,
                "cue_words": proposal.cue_words,
                "rule": proposal.rule,
                "confidence": f"{proposal.confidence:.2f}",
                "repeat_candidate": proposal.repeat_of.id if proposal.repeat_of else "",
                "confirmed_id": proposal.confirmed.id if proposal.confirmed else "",
                "mentions": [{"mention": m, "department": "", "save_alias": True}
                             for m in proposal.unknown_mentions],
            })  # fmt: skip
    language = current_language()
    names = {d.id: d.name(language) for d in departments}
    referenced = set()
    for entry in form.cards:
        card = entry.form
        chosen = [i for i in (card.departments.data or []) if isinstance(i, int)]
        card.departments.data = chosen
        card.departments.choices = select_choices((i, names.get(i, f"#{i}")) for i in chosen)
        referenced.update(filter(None, (_as_int(card.repeat_candidate.data),
                                        _as_int(card.confirmed_id.data))))  # fmt: skip
    by_id = {}
    if referenced:
        by_id = {d.id: d for d in db.session.scalars(
            select(Directive).where(Directive.id.in_(referenced)))}  # fmt: skip
    views = [
        CardView(
            index=index,
            start=_as_int(entry.form.start.data),
            end=_as_int(entry.form.end.data),
            repeat_of=by_id.get(_as_int(entry.form.repeat_candidate.data)),
            confirmed=by_id.get(_as_int(entry.form.confirmed_id.data)),
            why=why_proposed(entry.form.cue_words.data, entry.form.rule.data),
        )
        for index, entry in enumerate(form.cards)
    ]
    return {
        "cards": list(zip(form.cards, views, strict=True)),
        "segments": _segments(meeting.minutes.source, views),
        "department_options": [(d.id, department_option(d), names[d.id]) for d in departments],
    }


def _segments(source: str, views: list[CardView]) -> list[Segment]:
    spans = sorted(
        (v for v in views if v.start is not None and v.end is not None
         and 0 <= v.start < v.end <= len(source)),
        key=lambda v: v.start,
    )  # fmt: skip
    segments, position = [], 0
    for view in spans:
        if view.start < position:
            continue
        if view.start > position:
            segments.append(Segment(source[position : view.start]))
        segments.append(Segment(source[view.start : view.end], view.index,
                                view.confirmed is not None))  # fmt: skip
        position = view.end
    if position < len(source):
        segments.append(Segment(source[position:]))
    return segments


def cards_from_form(form, departments: list[Department]) -> list[ConfirmedCard] | None:
    """Read the accepted cards; on a mistake, mark the field and return None."""
    cards, valid = [], True
    for entry in form.cards:
        card = entry.form
        if not card.include.data:
            continue
        text = (card.action_text.data or "").strip()
        if not text:
            card.action_text.errors.append(
                _("Write the action, or untick Accept to leave this one out.")
            )
            valid = False
        ids = list(card.departments.data or [])
        typed = (card.add_department.data or "").strip()
        if typed:
            department = resolve_department(typed, departments)
            if department is None:
                card.add_department.errors.append(
                    _("Unknown department: %(value)s. Choose one from the list.", value=typed)
                )
                valid = False
            elif department.id not in ids:
                ids.append(department.id)
        aliases = []
        for mention_entry in card.mentions:
            mention = mention_entry.form
            typed = (mention.department.data or "").strip()
            if not typed:
                continue
            department = resolve_department(typed, departments)
            if department is None:
                mention.department.errors.append(
                    _("Unknown department: %(value)s. Choose one from the list.", value=typed)
                )
                valid = False
            elif mention.save_alias.data:
                aliases.append((mention.mention.data, department.id))
            elif department.id not in ids:
                ids.append(department.id)
        if not ids and not aliases and valid:
            card.departments.errors.append(_("Choose at least one department."))
            valid = False
        repeats = _as_int(card.repeat_candidate.data) if card.link_repeat.data else None
        cards.append(ConfirmedCard(
            action_text=text,
            department_ids=tuple(ids),
            due_on=card.due_on.data,
            due_text=card.due_text.data or None,
            priority=card.priority.data,
            source_start=_as_int(card.start.data),
            source_end=_as_int(card.end.data),
            repeats_id=repeats,
            new_aliases=tuple(aliases),
        ))  # fmt: skip
    return cards if valid else None
