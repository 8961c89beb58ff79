"""Present candidates as JSON-ready data or as a plain-text table."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from .engine import Candidate


def candidates_to_json(language: str, candidates: Iterable[Candidate]) -> dict:
    """Return the candidates as a JSON-ready dict."""
    return {
        "language": language,
        "directives": [
            {
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "assignees": [{"mention": a.mention, "department": a.department}
                              for a in c.assignees],
                "all_departments": c.all_departments,
                "due_date": c.due_date.isoformat() if c.due_date else None,
                "due_text": c.due_text,
                "confidence": c.confidence,
                "reason": c.reason,
            }
            for c in candidates
        ],
    }


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf")
               else 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


_VIRAMA = "\u094d"
_JOINERS = "\u200c\u200d"


def _is_consonant(ch: str) -> bool:
    """Tell whether ch is a Devanagari consonant, which a virama before it joins into a conjunct."""
    return "\u0915" <= ch <= "\u0939" or "\u0958" <= ch <= "\u095f" or "\u0978" <= ch <= "\u097f"


def graphemes(text: str) -> list[str]:
    """Split text into the clusters a reader sees as one letter.

    A cluster is a base character with the combining marks after it (vowel signs, anusvara,
    nukta, virama), joiners, and any consonant a virama joins to it ("क्ष", "स्त्री").
    """
    out: list[str] = []
    for ch in text:
        if out and (unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in _JOINERS
                    or out[-1][-1] in _JOINERS
                    or (out[-1][-1] == _VIRAMA and _is_consonant(ch))):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def _fit(text: str, width: int) -> str:
    """Pad or cut text to width columns, cutting only between clusters."""
    text = " ".join(text.split())
    if _width(text) > width:
        kept: list[str] = []
        used = 0
        for cluster in graphemes(text):
            size = _width(cluster)
            if used + size > width - 1:
                break
            kept.append(cluster)
            used += size
        text = "".join(kept) + "…"
    return text + " " * (width - _width(text))


def format_table(candidates: Iterable[Candidate]) -> str:
    """Return the candidates as a readable plain-text table."""
    rows = [("#", "conf", "due", "assignees", "directive")]
    for i, c in enumerate(candidates, 1):
        who = ", ".join(a.department or f"?{a.mention}" for a in c.assignees)
        if c.all_departments:
            who = "ALL" + (", " + who if who else "")
        due = c.due_date.isoformat() if c.due_date else (c.due_text or "")
        rows.append((str(i), f"{c.confidence:.2f}", due, who or "-", c.text))
    widths = (3, 5, 12, 28, 70)
    lines = []
    for k, row in enumerate(rows):
        lines.append("  ".join(_fit(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    if len(rows) == 1:
        lines.append("(no directives found)")
    return "\n".join(lines)
