"""The machine checked from its table alone: reachability, ways back, names that resolve, no dead rows."""
from __future__ import annotations

import json

import pytest

from kiosk.core import events as ev
from kiosk.core.flow import ReceptionFlow
from kiosk.core.machine import (
    RESUME,
    STAY,
    TRANSITIONS,
    candidates,
    graph_dot,
    graph_json,
    graph_mermaid,
    reachable,
    resume_targets,
)
from kiosk.core.states import SPECS, STAFF_TEXT_CONTEXT, Call, State, staff_actions_of, staff_texts

ALL = list(State)


def test_every_state_is_reachable_from_idle():
    assert reachable(State.IDLE) == set(State)


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_every_state_has_a_way_back_to_idle(state):
    assert State.IDLE in reachable(state)


def test_every_state_has_a_spec_and_staff_words():
    assert set(SPECS) == set(State)
    for state, spec in SPECS.items():
        assert spec.staff_text and not spec.staff_text.isascii(), f"{state.value}: staff read words, in Japanese"
        if spec.alert is not None:
            assert spec.alert.text and not spec.alert.text.isascii()
    texts = list(staff_texts())
    assert len(texts) >= len(SPECS) and STAFF_TEXT_CONTEXT == "StaffConsole"


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_every_state_that_times_out_says_where_to(state):
    if SPECS[state].timeout is None:
        assert not candidates(state, "Timeout")
    else:
        rows = candidates(state, "Timeout")
        assert rows and not rows[-1].guards, "the last timeout row has no guard: a timeout always goes somewhere"


def test_every_guard_and_action_resolves_to_the_flow():
    for row in TRANSITIONS:
        for guard in row.guards:
            assert hasattr(ReceptionFlow, f"_if_{guard.split(':')[0]}"), f"{row.label()}: guard {guard}"
        for action in row.actions:
            assert hasattr(ReceptionFlow, f"_do_{action.split(':')[0]}"), f"{row.label()}: action {action}"
    for spec in SPECS.values():
        if spec.entry:
            assert hasattr(ReceptionFlow, f"_work_{spec.entry}")
        for action in spec.on_enter:
            assert hasattr(ReceptionFlow, f"_on_{action}")


def test_no_row_is_shadowed_by_an_unguarded_one_before_it():
    seen: dict[tuple[State, str], bool] = {}
    for row in TRANSITIONS:
        key = (row.source, row.event)
        assert not seen.get(key), f"{row.source.value} {row.label()} can never fire"
        seen[key] = seen.get(key, False) or not row.guards


def test_every_event_kind_in_the_table_exists():
    answers = {"read_card", "verify_pin", "face_prepare", "face_attempt", "check", "insurance_check",
               "decide_billing"}
    for row in TRANSITIONS:
        if row.event.endswith("_failed"):
            assert row.event[: -len("_failed")] in answers, row.event
        else:
            assert issubclass(getattr(ev, row.event), ev.Event), row.event


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_every_staff_action_a_spec_lists_has_its_transition(state):
    for action in staff_actions_of(state):
        assert candidates(state, ev.STAFF_EVENTS[action].__name__), f"{state.value}: {action.value}"


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_staff_can_be_called_from_every_screen(state):
    """「職員を呼ぶ」 is on every screen: it either hands the patient to staff or alerts the console."""
    [row] = candidates(state, "CallStaff")
    call = SPECS[state].call
    if call is Call.WAIT:
        assert row.target is State.WAITING_STAFF and "call:patient_call" in row.actions
    elif call is Call.NOTIFY:
        assert row.target is STAY and "notify_call" in row.actions
    else:
        assert state is State.WAITING_STAFF and row.target is STAY


def test_back_from_staff_returns_to_every_screen_a_patient_can_call_from():
    assert set(resume_targets()) == {s for s in State if SPECS[s].call is Call.WAIT}
    assert any(r.target is RESUME for r in candidates(State.WAITING_STAFF, "ResumeFromStaff"))


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_pulling_the_card_is_handled_everywhere(state):
    assert candidates(state, "CardRemovedEvent") and candidates(state, "ReaderLost")


def test_the_graph_prints_in_three_forms():
    data = json.loads(graph_json())
    assert data["states"] == [s.value for s in State]
    assert {"from", "event", "to"} <= set(data["transitions"][0])
    drawn = {(t["from"], t["to"]) for t in data["transitions"]}
    assert ("face", "pin") in drawn and ("waiting_staff", "qual_invalid") in drawn  # a RESUME, expanded
    assert graph_dot().startswith("digraph reception {") and "face -> pin" in graph_dot()
    assert graph_mermaid().startswith("stateDiagram-v2") and "face --> pin" in graph_mermaid()
