"""Every state of the reception flow, stood in by the first scenario that reaches it: cancel, pull the card,
call staff, let it time out, and try everything that is not on screen."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.core import events as ev
from kiosk.core.fallback import Declaration
from kiosk.core.flow import PATIENT_EVENTS
from kiosk.core.machine import candidates
from kiosk.core.states import SPECS, Call, State
from kiosk.simulation.fakes import DEMO_FACTS
from kiosk.simulation.player import HeldRig, stand_in

ALL = list(State)


def _event(cls: type[ev.PatientEvent]) -> ev.PatientEvent:
    samples: dict[type, ev.PatientEvent] = {
        ev.FaceChildMode: ev.FaceChildMode(True),
        ev.SetPace: ev.SetPace(True),
        ev.SubmitPin: ev.SubmitPin("1234"),
        ev.AnswerConsent: ev.AnswerConsent(True, True, True),
        ev.AnswerLimitConsent: ev.AnswerLimitConsent(True),
        ev.SubmitDeclaration: ev.SubmitDeclaration(Declaration(DEMO_FACTS, "", "0312345678", date(2026, 11, 27))),
    }
    return samples.get(cls) or cls()  # type: ignore[call-arg]




def _at(state: State) -> HeldRig:
    rig = stand_in(state)
    assert rig.flow.state is state
    return rig


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_every_state_is_stood_in_by_a_scenario(state):
    _at(state)


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_cancel_where_it_is_offered(state):
    rig = _at(state)
    verdict = rig.flow.dispatch(ev.Cancel())
    if not SPECS[state].cancel:
        assert not verdict and rig.flow.state is state and "cancel" not in rig.flow.view().actions
        return
    assert verdict
    assert rig.flow.state is (State.ENDED if rig.flow.card_present else State.IDLE)
    rig.flow.dispatch(ev.CardRemovedEvent())
    assert rig.flow.state is State.IDLE and rig.flow.snapshot() is None


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_card_removal_in_every_state(state):
    rig = _at(state)
    rig.flow.dispatch(ev.CardRemovedEvent())
    spec = SPECS[state]
    if spec.in_session:
        assert rig.flow.state is State.CARD_REMOVED
        rig.skip(SPECS[State.CARD_REMOVED].timeout + 1)
        assert rig.flow.state is State.IDLE
    elif spec.card_may_leave:
        assert rig.flow.state is State.IDLE
    else:
        assert rig.flow.state is state
    # The pulled card's pending work answers late: it must not reach the next patient.
    before = rig.flow.view()
    rig.settle()
    after = rig.flow.view()
    assert (after.state, after.entry) == (before.state, before.entry) and not SPECS[after.state].in_session


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_every_state_times_out_with_a_warning_first_where_a_patient_is_asked(state):
    rig = _at(state)
    spec = SPECS[state]
    if spec.timeout is None:
        assert not candidates(state, "Timeout")
        return
    if spec.warn_before is not None:
        rig.skip(spec.timeout - spec.warn_before + 1)
        view = rig.flow.view()
        assert view.warning and view.seconds_left is not None, "the patient is warned before the timeout"
        rig.flow.dispatch(ev.Touch())
        assert not rig.flow.view().warning and rig.flow.state is state, "a touch keeps the patient where they were"
    entry = rig.flow.view().entry
    rig.skip(spec.timeout + 1)
    assert rig.flow.view().entry != entry, "the timeout led somewhere (even to the same screen again)"


@pytest.mark.parametrize("state", [s for s in ALL if SPECS[s].call is Call.WAIT], ids=lambda s: s.value)
def test_staff_can_be_called_from_every_session_screen_and_the_patient_can_go_back(state):
    rig = _at(state)
    assert rig.flow.dispatch(ev.CallStaff())
    view = rig.flow.view()
    assert view.state is State.WAITING_STAFF and view.called_from is state and "back" in view.actions
    rig.flow.dispatch(ev.ResumeFromStaff())
    assert rig.flow.state is state


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_nothing_that_is_not_on_screen_is_accepted_or_moves_the_flow(state):
    """An event the view does not offer is refused with a reason and changes nothing."""
    rig = _at(state)
    view = rig.flow.view()
    for cls in PATIENT_EVENTS:
        if cls.action in view.actions:
            continue
        verdict = rig.flow.dispatch(_event(cls))
        after = rig.flow.view()
        assert not verdict and verdict.reason, f"{cls.__name__} in {state.value}"
        assert (after.state, after.entry) == (view.state, view.entry), f"{cls.__name__} moved {state.value}"


def test_a_session_leaves_nothing_for_the_next_patient():
    rig = _at(State.CONSENT)
    first = rig.flow.snapshot().session_id
    rig.flow.dispatch(ev.AnswerConsent(True, False, True))
    rig.settle()
    rig.flow.dispatch(ev.CardRemovedEvent())
    assert rig.flow.snapshot() is None
    view = rig.flow.view()
    assert view.patient_name == "" and view.records == () and view.session_id == ""
    rig.flow.dispatch(ev.CardInserted())
    rig.settle()
    second = rig.flow.snapshot()
    assert second.session_id != first and second.facts is None
    assert rig.flow.view().pin_failures == 0 and rig.flow.view().troubles == ()
