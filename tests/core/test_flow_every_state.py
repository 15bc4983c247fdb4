"""Every state of the reception flow: reach it, then cancel, pull the card, or let it time out."""
from __future__ import annotations

import pytest

from kiosk.core import events as ev
from kiosk.core.harness import reach, settle
from kiosk.core.states import CARD_MAY_LEAVE, IN_SESSION, POLICIES, State

ALL = list(State)


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_every_state_is_reachable(state):
    assert reach(state).state is state


def _after_cancel(state: State) -> State:
    if state in (State.IDLE, State.READER_FAULT, State.DONE, State.ENDED, State.CARD_LEFT):
        return state
    if state is State.CARD_REMOVED:
        return State.IDLE
    return State.ENDED


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_cancel_is_always_possible(state):
    rig = reach(state)
    rig.send(ev.Cancel())
    assert rig.state is _after_cancel(state)
    if rig.state is State.ENDED:
        rig.send(ev.CardRemovedEvent())
        assert rig.state is State.IDLE
        assert rig.flow.session is None


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_card_removal_in_every_state(state):
    rig = reach(state)
    rig.send(ev.CardRemovedEvent())
    if state in IN_SESSION:
        assert rig.state is State.CARD_REMOVED
        rig.wait(POLICIES[State.CARD_REMOVED].timeout + 1)
        assert rig.state is State.IDLE
    elif state in CARD_MAY_LEAVE:
        assert rig.state is State.IDLE
    else:
        assert rig.state is state
    # A late answer from the pulled card's pending work must not reach the next patient.
    while rig.runner.pending:
        settle(rig)
    assert rig.state in (State.IDLE, State.CARD_REMOVED, State.READER_FAULT)


def _after_timeout(state: State) -> State:
    return {
        State.IDLE: State.IDLE,
        State.READING: State.UNREADABLE,
        State.CHECKING: State.TERMINAL_DOWN,
        State.DONE: State.CARD_LEFT,
        State.ENDED: State.CARD_LEFT,
        State.CARD_LEFT: State.CARD_LEFT,
        State.CARD_REMOVED: State.IDLE,
        State.READER_FAULT: State.READER_FAULT,
    }.get(state, State.ENDED)


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_every_state_times_out_with_a_way_back(state):
    rig = reach(state)
    policy = POLICIES[state]
    assert policy.timeout is not None
    if policy.warn_before is not None:
        rig.wait(policy.timeout - policy.warn_before + 1)
        assert rig.flow.view().warning, "the patient is warned before the timeout"
        assert rig.flow.view().seconds_left is not None
        rig.send(ev.Touch())
        assert not rig.flow.view().warning
        assert rig.state is state, "a touch keeps the patient where they were"
    rig.wait(policy.timeout + 1)
    assert rig.state is _after_timeout(state)


@pytest.mark.parametrize("state", [s for s in ALL if s in IN_SESSION], ids=lambda s: s.value)
def test_staff_can_be_called_from_every_session_state(state):
    """「職員を呼ぶ」 works everywhere a patient can be stuck, and 「もどる」 returns to the same screen."""
    rig = reach(state)
    rig.send(ev.CallStaff())
    assert rig.state is State.WAITING_STAFF
    if state is not State.WAITING_STAFF:
        rig.send(ev.ResumeFromStaff())
        assert rig.state is state


def test_a_session_leaves_nothing_for_the_next_patient():
    rig = reach(State.CONSENT)
    first = rig.flow.session.id
    rig.send(ev.AnswerConsent(True, False, True))
    settle(rig)
    rig.send(ev.CardRemovedEvent())
    assert rig.flow.session is None
    view = rig.flow.view()
    assert view.patient_name == "" and view.records == () and view.session_id == ""
    rig.send(ev.CardInserted())
    assert rig.flow.session.id != first
    assert rig.flow.session.facts is None and rig.flow.session.pin_failures == 0
