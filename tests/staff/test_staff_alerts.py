from dataclasses import replace

import pytest

from kiosk.core import events as ev
from kiosk.core.domain import Trouble
from kiosk.core.harness import reach
from kiosk.core.states import State
from kiosk.staff.alerts import alerts_of


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
    assert (code, trouble, True) in codes(reach(state).flow.view())


def test_a_calm_kiosk_has_no_alert():
    assert alerts_of(reach(State.IDLE).flow.view()) == []
    assert alerts_of(reach(State.CONSENT).flow.view()) == []


def test_patient_call_says_why_and_comes_first():
    rig = reach(State.PIN_LOW)
    rig.send(ev.CallStaff())
    alerts = alerts_of(rig.flow.view())
    assert alerts[0].code == "staff_called" and alerts[0].detail == "patient_call" and alerts[0].urgent
    assert ("pin_low", Trouble.T13) in [(a.code, a.trouble) for a in alerts]


def test_pin_low_warns_before_the_last_try():
    view = reach(State.PIN_LOW).flow.view()
    assert ("pin_low", Trouble.T13, True) in codes(view)


def test_result_flags_become_notices():
    view = replace(reach(State.CONSENT).flow.view(), staff_flags=("gaiji:name", "burden_changed:burden_percent"),
                   troubles=("T1", "T7"))
    found = codes(view)
    assert ("black_circle", Trouble.T1, False) in found
    assert ("burden_changed", Trouble.T7, False) in found


def test_expiring_certificate_is_a_notice():
    view = reach(State.CERT_EXPIRING).flow.view()
    assert ("certificate_expiring", Trouble.T4, False) in codes(view)
