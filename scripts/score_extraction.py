"""Score the extraction engine against the gold-annotated corpus in tests/extraction_corpus.

Usage: .venv/bin/python scripts/score_extraction.py [--verbose] [corpus.json ...]

A proposed directive matches a gold one when its span covers the gold anchor; each is matched
at most once. Assignees are compared on matched pairs as sets of department codes, "ALL" for
all departments and "?mention" for offices the directory does not know. Due dates are scored
on the matched directives whose gold states one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tracker.extraction import extract  # noqa: E402

CORPUS = ROOT / "tests" / "extraction_corpus"


def load(paths: list[Path] | None = None) -> list[dict]:
    """Load the corpus items from the given files, or from every file of the corpus."""
    items: list[dict] = []
    for path in paths or sorted(CORPUS.glob("*.json")):
        for item in json.loads(Path(path).read_text(encoding="utf-8")):
            item["split"] = Path(path).stem.split("_")[0]
            items.append(item)
    return items


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _gold_set(gold: dict) -> set[str]:
    out = set(gold.get("departments", []))
    if gold.get("all_departments"):
        out.add("ALL")
    out.update("?" + u for u in gold.get("unknown", []))
    return out


def _predicted_set(candidate, gold: dict) -> set[str]:
    out: set[str] = set()
    for a in candidate.assignees:
        if a.department:
            out.add(a.department)
            continue
        mention = " ".join(a.mention.split())
        match = next((u for u in gold.get("unknown", []) if mention in u or u in mention), None)
        out.add("?" + (match or mention))
    if candidate.all_departments:
        out.add("ALL")
    return out


def score_item(item: dict) -> dict:
    """Run the engine on one item and count matches, assignee overlaps and due dates."""
    text = item["text"]
    candidates = extract(text, meeting_date=_day(item.get("meeting_date")),
                         next_meeting_date=_day(item.get("next_meeting_date")),
                         language=item.get("language"))
    used: set[int] = set()
    counts = defaultdict(int)
    counts["predicted"] = len(candidates)
    counts["gold"] = len(item["directives"])
    misses: list[str] = []
    details: list[str] = []
    for gold in item["directives"]:
        a_start = text.find(gold["anchor"])
        a_end = a_start + len(gold["anchor"])
        hit = next((k for k, c in enumerate(candidates)
                    if k not in used and c.start <= a_start and a_end <= c.end), None)
        if hit is None:
            misses.append(f"MISS {gold['anchor']}")
            continue
        used.add(hit)
        counts["matched"] += 1
        cand = candidates[hit]
        want, got = _gold_set(gold), _predicted_set(cand, gold)
        counts["a_tp"] += len(want & got)
        counts["a_fp"] += len(got - want)
        counts["a_fn"] += len(want - got)
        if want != got:
            details.append(f"ASSIGNEE {gold['anchor']}: want {sorted(want)} got {sorted(got)}")
        expected_due = _day(gold.get("due_date"))
        if expected_due is not None:
            counts["due_total"] += 1
            if cand.due_date == expected_due:
                counts["due_ok"] += 1
            else:
                details.append(f"DUE {gold['anchor']}: want {expected_due} got {cand.due_date} "
                               f"({cand.due_text!r})")
        elif cand.due_date is not None:
            counts["due_spurious"] += 1
            details.append(f"DUE {gold['anchor']}: want none got {cand.due_date}")
    for k, c in enumerate(candidates):
        if k not in used:
            misses.append(f"EXTRA {' '.join(c.text.split())[:90]}")
    return {"counts": counts, "problems": misses + details}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def summarise(counts: dict) -> dict:
    """Turn raw counts into precision, recall, F1 and due-date accuracy."""
    p = counts["matched"] / counts["predicted"] if counts["predicted"] else 1.0
    r = counts["matched"] / counts["gold"] if counts["gold"] else 1.0
    tp, fp, fn = counts["a_tp"], counts["a_fp"], counts["a_fn"]
    ap = tp / (tp + fp) if tp + fp else 1.0
    ar = tp / (tp + fn) if tp + fn else 1.0
    due = counts["due_ok"] / counts["due_total"] if counts["due_total"] else 1.0
    return {"directive_p": p, "directive_r": r, "directive_f1": _f1(p, r),
            "assignee_p": ap, "assignee_r": ar, "assignee_f1": _f1(ap, ar),
            "due_accuracy": due, "due_spurious": counts["due_spurious"],
            "gold": counts["gold"], "predicted": counts["predicted"]}


def score(items: list[dict]) -> dict[tuple[str, str], dict]:
    """Score items grouped by (split, language), plus ("all", language) totals."""
    groups: dict[tuple[str, str], dict] = defaultdict(lambda: defaultdict(int))
    for item in items:
        result = score_item(item)
        for key in ((item["split"], item["language"]), ("all", item["language"])):
            for name, value in result["counts"].items():
                groups[key][name] += value
    return {key: summarise(counts) for key, counts in sorted(groups.items())}


def main() -> int:
    """Print the scores per split and language."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and errors")
    args = parser.parse_args()
    items = load(args.files or None)
    if args.verbose:
        for item in items:
            problems = score_item(item)["problems"]
            if problems:
                print(f"[{item['id']}]")
                for line in problems:
                    print("   ", line)
    print(f"{'split':8} {'lang':4} {'gold':>4} {'pred':>4}  {'dir P':>6} {'dir R':>6} {'dir F1':>6}"
          f"  {'asg P':>6} {'asg R':>6} {'asg F1':>6}  {'due acc':>7} {'spur':>4}")
    for (split, lang), s in score(items).items():
        print(f"{split:8} {lang:4} {s['gold']:4d} {s['predicted']:4d}  {s['directive_p']:6.3f} "
              f"{s['directive_r']:6.3f} {s['directive_f1']:6.3f}  {s['assignee_p']:6.3f} "
              f"{s['assignee_r']:6.3f} {s['assignee_f1']:6.3f}  {s['due_accuracy']:7.3f} "
              f"{s['due_spurious']:4d}")
    print("dir: proposed directives whose span covers a gold anchor; asg: department codes, ALL "
          "and unknown offices on matched directives; due acc: matched directives whose gold "
          "states a date; spur: dates proposed where the gold has none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
