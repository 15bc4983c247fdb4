"""The alerts a console shows for a kiosk's view: the words, the trouble, whether the patient called."""
from dataclasses import replace

import pytest

from kiosk.core import events as ev
from kiosk.core.alerts import alerts_of
from kiosk.core.domain import Trouble
from kiosk.core.states import CALL_REASONS, State
from kiosk.simulation.player import stand_in
from kiosk.simulation.script import named


def codes(view):
    return [(a.code, a.trouble, a.urgent) for a in alerts_of(view)]


@pytest.mark.parametrize("state, code, trouble", [
    (State.PIN_LOCKED, "pin_locked", Trouble.T13),
    (State.FACE_FAILED, "face_failed", Trouble.T14),
    (State.PERSON_MISMATCH, "person_mismatch", Trouble.T9),
    (State.QUAL_INVALID, "qualification_invalid", Trouble.T3),
    (State.QUAL_NONE, "qualification_none", Trouble.T6),
    (State.CERT_EXPIRED, "certificate_expired", Trouble.T4),
    (State.CARD_LEFT, "card_left", Trouble.T15),
    (State.READER_FAULT, "reader_fault", Trouble.T2),
    (State.TERMINAL_DOWN, "terminal_down", Trouble.T12),
])
def test_each_problem_state_raises_its_urgent_alert(state, code, trouble):
    assert (code, trouble, True) in codes(stand_in(state).flow.view())


def test_a_calm_kiosk_has_no_alert():
    assert alerts_of(stand_in(State.IDLE).flow.view()) == []
    assert alerts_of(stand_in(State.CONSENT).flow.view()) == []


@pytest.mark.parametrize("state, trouble", [
    (State.QUAL_INVALID, Trouble.T3), (State.PERSON_MISMATCH, Trouble.T9), (State.TERMINAL_DOWN, Trouble.T12),
    (State.PIN_LOCKED, Trouble.T13), (State.FACE_FAILED, Trouble.T14),
])
def test_a_call_keeps_the_trouble_that_led_to_it(state, trouble):
    rig = stand_in(state)
    own = alerts_of(rig.flow.view())[0]
    assert rig.flow.dispatch(ev.CallStaff())
    [first, *_] = alerts_of(rig.flow.view())
    assert (first.code, first.trouble, first.urgent, first.called) == (own.code, trouble, True, True)
    assert first.text == own.text and first.reason_text == CALL_REASONS["patient_call"]
    assert Trouble.T17 not in {a.trouble for a in alerts_of(rig.flow.view())}  # not a bare staff call


def test_a_call_from_the_idle_screen_is_an_alert():
    rig = stand_in(State.IDLE)
    assert rig.flow.dispatch(ev.CallStaff())
    [alert] = alerts_of(rig.flow.view())
    assert alert.urgent and alert.called and alert.code == "staff_call"
    assert alert.reason_text == CALL_REASONS["patient_call"]


def test_pin_low_warns_before_the_last_try():
    view = stand_in(State.PIN_LOW).flow.view()
    assert ("pin_low", Trouble.T13, True) in codes(view)


def test_result_flags_become_notices():
    view = replace(stand_in(State.CONSENT).flow.view(), staff_flags=("gaiji:name", "burden_changed:burden_percent"),
                   troubles=("T1", "T7"))
    found = codes(view)
    assert ("black_circle", Trouble.T1, False) in found
    assert ("burden_changed", Trouble.T7, False) in found
    acknowledged = replace(view, acks=("burden_changed",))
    assert "burden_changed" not in {a.code for a in alerts_of(acknowledged)}


def test_an_expired_certificate_is_not_an_expiring_one():
    expired = alerts_of(stand_in(State.CERT_EXPIRED).flow.view())
    expiring = alerts_of(stand_in(State.CERT_EXPIRING).flow.view())
    assert "certificate_expired" in {a.code for a in expired}
    assert "certificate_expiring" not in {a.code for a in expired}
    assert [(a.code, a.urgent) for a in expiring] == [("certificate_expiring", False)]
    assert {a.text for a in expired}.isdisjoint({a.text for a in expiring})


def test_several_records_are_not_a_staff_call():
    [alert] = alerts_of(stand_in(State.QUAL_SEVERAL, {"several": named()["several"]}).flow.view())
    assert alert.code == "several_records" and alert.trouble is None and not alert.called
