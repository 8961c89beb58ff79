"""Propose the directives of a meeting from its minutes: text in, frozen dataclasses out."""

from .cues import RULE_ADDRESSED, RULE_LISTED_ITEM, RULE_TABLE_ROW
from .departments import BUILTIN_DEPARTMENTS, DepartmentEntry
from .directory import Directory
from .engine import Assignee, Candidate, detect_language, extract
from .output import candidates_to_json, format_table

__all__ = [
    "BUILTIN_DEPARTMENTS",
    "RULE_ADDRESSED",
    "RULE_LISTED_ITEM",
    "RULE_TABLE_ROW",
    "Assignee",
    "Candidate",
    "DepartmentEntry",
    "Directory",
    "candidates_to_json",
    "detect_language",
    "extract",
    "format_table",
]
