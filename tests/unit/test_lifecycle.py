"""The assignment state machine: every transition, who may make it, and what it refuses."""

import itertools

import pytest

from tracker.directives import lifecycle
from tracker.directives.lifecycle import Action, Capacity
from tracker.models import ASSIGNMENT_STATUSES, PENDING_STATUSES

OFFICER = {Capacity.OFFICER}
CHAIR = {Capacity.CHAIR}
SECRETARY = {Capacity.SECRETARY}
NOBODY: set[Capacity] = set()

#: Every allowed transition: (action, from, to, one capacity that may make it).
ALLOWED = [
    (Action.START, "open", "in_progress", OFFICER),
    (Action.START, "returned", "in_progress", OFFICER),
    (Action.REPORT, "open", "reported", OFFICER),
    (Action.REPORT, "in_progress", "reported", OFFICER),
    (Action.REPORT, "returned", "reported", OFFICER),
    (Action.CLOSE, "reported", "closed", CHAIR),
    (Action.CLOSE, "reported", "closed", SECRETARY),
    (Action.RETURN, "reported", "returned", CHAIR),
    (Action.RETURN, "reported", "returned", SECRETARY),
    (Action.DROP, "open", "dropped", CHAIR),
    (Action.DROP, "in_progress", "dropped", CHAIR),
    (Action.DROP, "reported", "dropped", CHAIR),
    (Action.DROP, "returned", "dropped", CHAIR),
]
TRANSITIONS = {(action, source) for action, source, _target, _who in ALLOWED}
STATUS_ACTIONS = [a for a in Action if lifecycle.rule_for(a).target is not None]


def test_states_match_the_models():
    assert lifecycle.STATES == ASSIGNMENT_STATUSES
    assert set(PENDING_STATUSES) == lifecycle.PENDING


@pytest.mark.parametrize(("action", "source", "target", "who"), ALLOWED)
def test_allowed_transition(action, source, target, who):
    rule = lifecycle.check(action, source, who)
    assert rule.target == target
    assert lifecycle.target_status(action, source) == target
    assert action in lifecycle.allowed_actions(source, who)


FORBIDDEN_BY_STATE = [
    (action, source)
    for action, source in itertools.product(STATUS_ACTIONS, ASSIGNMENT_STATUSES)
    if (action, source) not in TRANSITIONS
]


@pytest.mark.parametrize(("action", "source"), FORBIDDEN_BY_STATE)
def test_transition_not_allowed_from_this_state(action, source):
    everyone = set(Capacity)
    with pytest.raises(lifecycle.NotAllowedNow):
        lifecycle.check(action, source, everyone)
    assert action not in lifecycle.allowed_actions(source, everyone)


FORBIDDEN_BY_ROLE = [
    (Action.START, "open", CHAIR),
    (Action.START, "open", SECRETARY),
    (Action.REPORT, "in_progress", CHAIR),
    (Action.REPORT, "in_progress", SECRETARY),
    (Action.CLOSE, "reported", OFFICER),
    (Action.RETURN, "reported", OFFICER),
    (Action.DROP, "open", OFFICER),
    (Action.DROP, "open", SECRETARY),
    (Action.REQUEST_EXTENSION, "open", CHAIR),
    (Action.APPROVE_EXTENSION, "open", OFFICER),
    (Action.APPROVE_EXTENSION, "open", SECRETARY),
    (Action.REJECT_EXTENSION, "open", OFFICER),
    *[(action, "open", NOBODY) for action in Action],
]


@pytest.mark.parametrize(("action", "source", "who"), FORBIDDEN_BY_ROLE)
def test_transition_not_permitted_to_this_capacity(action, source, who):
    with pytest.raises(lifecycle.NotPermitted):
        lifecycle.check(action, source, who, extension_pending=True)
    assert not lifecycle.may_ever(action, who)


def test_a_role_check_comes_before_a_state_check():
    """An officer is told "not yours" for closing even where closing is impossible anyway."""
    with pytest.raises(lifecycle.NotPermitted):
        lifecycle.check(Action.CLOSE, "closed", OFFICER)


@pytest.mark.parametrize("status", ["open", "in_progress", "returned"])
def test_officer_asks_for_more_time_while_the_work_is_theirs(status):
    assert Action.REQUEST_EXTENSION in lifecycle.allowed_actions(status, OFFICER)
    assert lifecycle.check(Action.REQUEST_EXTENSION, status, OFFICER).target is None
    assert lifecycle.target_status(Action.REQUEST_EXTENSION, status) == status


@pytest.mark.parametrize("status", ["reported", "closed", "dropped"])
def test_no_request_for_more_time_once_reported_or_finished(status):
    with pytest.raises(lifecycle.NotAllowedNow):
        lifecycle.check(Action.REQUEST_EXTENSION, status, OFFICER)


def test_one_request_for_more_time_at_a_time():
    with pytest.raises(lifecycle.NotAllowedNow):
        lifecycle.check(Action.REQUEST_EXTENSION, "open", OFFICER, extension_pending=True)


@pytest.mark.parametrize("action", [Action.APPROVE_EXTENSION, Action.REJECT_EXTENSION])
@pytest.mark.parametrize("status", sorted(lifecycle.PENDING))
def test_chair_decides_a_pending_request(action, status):
    assert action in lifecycle.allowed_actions(status, CHAIR, extension_pending=True)
    assert action not in lifecycle.allowed_actions(status, CHAIR, extension_pending=False)
    with pytest.raises(lifecycle.NotAllowedNow):
        lifecycle.check(action, status, CHAIR, extension_pending=False)


@pytest.mark.parametrize("status", ["closed", "dropped"])
def test_no_decision_on_more_time_once_finished(status):
    assert lifecycle.allowed_actions(status, CHAIR, extension_pending=True) == []


@pytest.mark.parametrize(
    ("status", "who", "expected"),
    [
        ("open", OFFICER, [Action.START, Action.REPORT, Action.REQUEST_EXTENSION]),
        ("in_progress", OFFICER, [Action.REPORT, Action.REQUEST_EXTENSION]),
        ("returned", OFFICER, [Action.START, Action.REPORT, Action.REQUEST_EXTENSION]),
        ("reported", OFFICER, []),
        ("reported", SECRETARY, [Action.CLOSE, Action.RETURN]),
        ("reported", CHAIR, [Action.CLOSE, Action.RETURN, Action.DROP]),
        ("open", CHAIR, [Action.DROP]),
        ("closed", CHAIR | SECRETARY | OFFICER, []),
        ("open", NOBODY, []),
    ],
)
def test_allowed_actions_for_a_user(status, who, expected):
    assert lifecycle.allowed_actions(status, who) == expected


@pytest.mark.parametrize(
    ("action", "needs_note"),
    [
        (Action.START, False),
        (Action.REPORT, True),
        (Action.CLOSE, False),
        (Action.RETURN, True),
        (Action.DROP, True),
        (Action.REQUEST_EXTENSION, True),
        (Action.APPROVE_EXTENSION, False),
        (Action.REJECT_EXTENSION, True),
    ],
)
def test_which_actions_need_a_note(action, needs_note):
    assert lifecycle.rule_for(action).note_required is needs_note


def test_only_a_report_takes_evidence():
    assert [a for a in Action if lifecycle.rule_for(a).takes_evidence] == [Action.REPORT]


@pytest.mark.parametrize(
    ("source", "target", "action"),
    [
        ("open", "in_progress", Action.START),
        ("returned", "in_progress", Action.START),
        ("in_progress", "reported", Action.REPORT),
        ("reported", "closed", Action.CLOSE),
        ("reported", "returned", Action.RETURN),
        ("open", "dropped", Action.DROP),
        ("open", "closed", None),
        ("closed", "open", None),
        ("reported", "in_progress", None),
    ],
)
def test_action_to_reach_a_status(source, target, action):
    assert lifecycle.action_to_reach(source, target) == action


def test_unknown_status_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown status"):
        lifecycle.check(Action.START, "archived", OFFICER)


def test_the_module_needs_no_flask():
    """The state machine is plain Python, so the API and the CLI use it as the views do."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(lifecycle.__file__).read_text(encoding="utf-8"))
    imported = {
        (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= {"__future__", "collections", "dataclasses", "enum"}
