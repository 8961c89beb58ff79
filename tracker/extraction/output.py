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


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    if _width(text) > width:
        while text and _width(text) > width - 1:
            text = text[:-1]
        text += "…"
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
