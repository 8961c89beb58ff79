"""Cut a sentence that gives different actions to different departments into one per action."""

from __future__ import annotations

import re

from .assignees import GLUE
from .directory import Mention

#: what may stand before the subject at the start of a clause ("the", "all", punctuation)
LEAD_GLUE = re.compile(r"(?:\W|the|all|and|सभी|संबंधित)*", re.IGNORECASE)

#: where a sentence may be cut: semicolons, commas and the conjunctions between clauses
_SPLIT = re.compile(
    r"\s*;\s*(?:and\s+|while\s+|तथा\s+|और\s+)?"
    r"|\s*,?\s+(?:and\s+also|and|while|whereas|besides)\s+"
    r"|\s*,?\s+(?:तथा|एवं|और|जबकि|वहीं|साथ\s+ही)\s+"
    r"|,\s+",
    re.IGNORECASE,
)
_ACTION_EN = re.compile(
    r"\b(?:shall|should|will|must|may|to)\s+(?:also\s+|immediately\s+|jointly\s+)?(?:be\s+)?"
    r"[a-z]{3,}", re.IGNORECASE)
_ACTION_HI = re.compile(
    r"(?<![\u0900-\u0963\u0971-\u097F])(?!उन्होंने|इन्होंने|जिन्होंने|अपने|सामने)"
    r"[\u0900-\u0963\u0971-\u097F]*(?:करें|करे|कराएं|कराए|करायें|कराये|ने|जाए|जाएं|जाये|दें|लें|रखें|"
    r"रखे|भेजें|भेजे|करेगा|करेंगे|करेगी|कराएगा|कराएंगे|कराएगी|देगा|देंगे|देगी)"
    r"(?![\u0900-\u0963\u0971-\u097F])"
    r"|(?<![\u0900-\u0963\u0971-\u097F])(?:करा|कर|करवा)\s+लें?(?![\u0900-\u0963\u0971-\u097F])")


def _has_action(text: str, start: int, end: int, mentions: list[Mention], near: bool = False
                ) -> bool:
    """Tell whether a department named in the span is followed by a verb of action (`near`: a
    verb of its own close after it, not a purpose further on: "... with the Secretary, Health,
    and Municipal Corporation officials for effective action to control dengue")."""
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.kind != "chair"]
    if not inside:
        return False
    tail = inside[0].end
    last = inside[0]
    for m in inside[1:]:
        if not GLUE.fullmatch(text, last.end, m.start):
            break
        last = m
    # English puts the verb right after its subject; Hindi puts it at the end of the clause
    for rx, stop in ((_ACTION_EN, min(end, last.end + 25) if near else end), (_ACTION_HI, end)):
        for m in rx.finditer(text, tail, stop):
            if m.group() != "ने" and len(m.group()) > 2:
                return True
    return False


#: a clause that opens on a directive verb and its object: "... and asked the PDD to restore"
_EN_VERB_LEAD = re.compile(
    r"(?:(?:he|she|they)\s+)?(?:also\s+|further\s+)?(?:asked|directed|instructed|told|requested|"
    r"urged|advised|tasked|called\s+upon)\s+", re.IGNORECASE)


def _starts_with_subject(text: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """Tell whether the span opens with a department (after "the", "all" and the like)."""
    first = next((m for m in mentions if start <= m.start < end and m.kind != "chair"), None)
    if first is None:
        return False
    lead = _EN_VERB_LEAD.match(text, start, first.start)
    if lead is not None:
        start = lead.end()
    return first.start - start < 40 and bool(LEAD_GLUE.fullmatch(text, start, first.start))


def split_actions(text: str, start: int, end: int, mentions: list[Mention]
                  ) -> list[tuple[int, int]]:
    """Return the spans of text[start:end], one per department with an action of its own.

    A cut is made only where the clause before it names a department followed by an action and
    the clause after it starts with another department followed by an action, so that "the BSA and
    the DPO shall survey" stays whole.
    """
    if len(mentions) < 2:
        return [(start, end)]
    parts = []
    cursor = start
    for sp in _SPLIT.finditer(text, start, end):
        if sp.start() <= cursor:
            continue
        if (_has_action(text, cursor, sp.start(), mentions)
                and _starts_with_subject(text, sp.end(), end, mentions)
                and _has_action(text, sp.end(), end, mentions, near=True)):
            parts.append((cursor, sp.start()))
            cursor = sp.end()
    parts.append((cursor, end))
    return parts
