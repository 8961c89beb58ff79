"""The one state machine of an assignment: its states, the actions between them, who may act.

Pure Python, so that the web views, the API and the command line all follow the same rules.
The caller works out in what capacities a user stands towards an assignment (an officer of its
department, the chair or the member-secretary of its committee) and asks this module what they
may do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

STATES = ("open", "in_progress", "reported", "returned", "closed", "dropped")
#: States in which the department still owes something.
PENDING = frozenset({"open", "in_progress", "reported", "returned"})
#: States in which the department is the one to act; work left here too long turns stale.
AWAITING_DEPARTMENT = frozenset({"open", "in_progress", "returned"})
FINAL = frozenset({"closed", "dropped"})


class Capacity(StrEnum):
    """The ways a user can stand towards one assignment."""

    #: Acts for the assignment's department.
    OFFICER = "officer"
    #: Chairs the committee (or chaired the meeting) the directive came from.
    CHAIR = "chair"
    #: Is the member-secretary of that committee.
    SECRETARY = "secretary"


class Action(StrEnum):
    START = "start"
    REPORT = "report"
    CLOSE = "close"
    RETURN = "return"
    DROP = "drop"
    REQUEST_EXTENSION = "request_extension"
    APPROVE_EXTENSION = "approve_extension"
    REJECT_EXTENSION = "reject_extension"


@dataclass(frozen=True)
class Rule:
    action: Action
    #: States the action may be taken from.
    sources: frozenset[str]
    #: The state it leads to; None for actions that leave the status alone (extensions).
    target: str | None
    capacities: frozenset[Capacity]
    #: Whether the action needs a written note (report, remark, reason).
    note_required: bool = False
    #: Whether files may be attached as evidence.
    takes_evidence: bool = False
    #: None: no condition; True: needs a pending extension request; False: needs none pending.
    extension_pending: bool | None = None


OFFICER = frozenset({Capacity.OFFICER})
CHAIR = frozenset({Capacity.CHAIR})
CHAIR_OR_SECRETARY = frozenset({Capacity.CHAIR, Capacity.SECRETARY})

RULES: dict[Action, Rule] = {
    rule.action: rule
    for rule in (
        Rule(Action.START, frozenset({"open", "returned"}), "in_progress", OFFICER),
        Rule(
            Action.REPORT,
            frozenset({"open", "in_progress", "returned"}),
            "reported",
            OFFICER,
            note_required=True,
            takes_evidence=True,
        ),
        Rule(Action.CLOSE, frozenset({"reported"}), "closed", CHAIR_OR_SECRETARY),
        Rule(
            Action.RETURN,
            frozenset({"reported"}),
            "returned",
            CHAIR_OR_SECRETARY,
            note_required=True,
        ),
        Rule(Action.DROP, PENDING, "dropped", CHAIR, note_required=True),
        Rule(
            Action.REQUEST_EXTENSION,
            AWAITING_DEPARTMENT,
            None,
            OFFICER,
            note_required=True,
            extension_pending=False,
        ),
        Rule(Action.APPROVE_EXTENSION, PENDING, None, CHAIR, extension_pending=True),
        Rule(
            Action.REJECT_EXTENSION,
            PENDING,
            None,
            CHAIR,
            note_required=True,
            extension_pending=True,
        ),
    )
}


class LifecycleError(Exception):
    """An action that the state machine refuses."""

    def __init__(self, action: Action, status: str) -> None:
        super().__init__(f"{action} is not allowed from {status}")
        self.action = action
        self.status = status


class NotPermitted(LifecycleError):
    """The user stands in no capacity that may take this action, whatever the state."""


class NotAllowedNow(LifecycleError):
    """The user may take this action, but not from the assignment's present state."""


def rule_for(action: Action | str) -> Rule:
    return RULES[Action(action)]


def may_ever(action: Action | str, capacities: Iterable[Capacity]) -> bool:
    """Tell whether someone in ``capacities`` may take ``action`` in some state."""
    return bool(rule_for(action).capacities & frozenset(capacities))


def is_open_to(rule: Rule, status: str, extension_pending: bool) -> bool:
    """Tell whether the assignment's state lets ``rule``'s action be taken, whoever asks."""
    if status not in rule.sources:
        return False
    return rule.extension_pending is None or rule.extension_pending == extension_pending


def check(
    action: Action | str,
    status: str,
    capacities: Iterable[Capacity],
    *,
    extension_pending: bool = False,
) -> Rule:
    """Return the rule for ``action`` if it may be taken now, else raise why not."""
    if status not in STATES:
        raise ValueError(f"unknown status {status!r}")
    rule = rule_for(action)
    if not may_ever(rule.action, capacities):
        raise NotPermitted(rule.action, status)
    if not is_open_to(rule, status, extension_pending):
        raise NotAllowedNow(rule.action, status)
    return rule


def allowed_actions(
    status: str, capacities: Iterable[Capacity], *, extension_pending: bool = False
) -> list[Action]:
    """Return the actions someone in ``capacities`` may take now, in the order of RULES."""
    capacities = frozenset(capacities)
    return [
        rule.action
        for rule in RULES.values()
        if rule.capacities & capacities and is_open_to(rule, status, extension_pending)
    ]


def target_status(action: Action | str, status: str) -> str:
    """Return the status the assignment is in after ``action`` (unchanged for extensions)."""
    return rule_for(action).target or status


def action_to_reach(status: str, target: str) -> Action | None:
    """Return the action that moves an assignment from ``status`` to ``target``, if one does."""
    for rule in RULES.values():
        if rule.target == target and status in rule.sources:
            return rule.action
    return None
