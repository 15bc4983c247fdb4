"""What the console is told: the reason travels with the call, no false or stale alerts."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from kiosk.core import events as ev
from kiosk.core.alerts import alerts_of
from kiosk.core.domain import CardKind, Trouble
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.result_checks import check_result
from kiosk.core.states import SPECS, State
from kiosk.core.values import ReceptionRecord
from kiosk.simulation.fakes import DEMO_FACTS, DEMO_RECORD, FakeCard, FakeQualificationChecker
from kiosk.simulation.harness import make_harness
from kiosk.simulation.player import stand_in


def _codes(view):
    return [(a.code, a.trouble.value if a.trouble else None, a.urgent, a.called) for a in alerts_of(view)]


@pytest.mark.parametrize("state", [s for s in State if SPECS[s].trouble and SPECS[s].call.value == "wait"],
                         ids=lambda s: s.value)
def test_a_call_for_staff_keeps_the_trouble_that_led_to_it(state):
    rig = stand_in(state)
    rig.flow.dispatch(ev.CallStaff())
    view = rig.flow.view()
    [first, *_] = alerts_of(view)
    assert view.state is State.WAITING_STAFF
    assert first.trouble is SPECS[state].trouble and first.called and first.urgent
    assert first.reason == "patient_call" and first.code != "staff_called"


def test_qual_invalid_then_a_call_reads_T3_and_called_not_T17():
    rig = make_harness(qualification=FakeQualificationChecker(QualificationResult(Validity.INVALID, (DEMO_RECORD,))))
    rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"), ev.CallStaff())
    assert _codes(rig.view)[0] == ("qualification_invalid", "T3", True, True)
    assert "T17" in rig.view.troubles, "the call still counts as staff help"


def test_calling_from_a_screen_without_trouble_is_a_plain_staff_call():
    rig = make_harness()
    rig.send(ev.CardInserted(), ev.CallStaff())
    assert _codes(rig.view)[0] == ("staff_called", "T17", True, True)


def test_calling_staff_on_the_idle_screen_alerts_the_console_until_answered():
    rig = make_harness()
    assert rig.send(ev.CallStaff())
    view = rig.view
    assert view.state is State.IDLE and view.call is not None and view.call.state is State.IDLE
    assert _codes(view) == [("staff_call", None, True, True)]
    assert "answer_call" in view.staff_actions
    assert ("kiosk", "staff_call", "state=idle") in rig.store.audit_log
    assert rig.send(ev.StaffAnswerCall("sato"))
    assert rig.view.call is None and alerts_of(rig.view) == []


def test_a_call_without_a_session_ends_when_the_next_card_comes():
    rig = make_harness()
    rig.send(ev.CallStaff(), ev.CardInserted())
    assert rig.view.call is None


def test_a_call_on_a_card_that_is_no_use_says_which_trouble():
    rig = make_harness(FakeCard(kind=CardKind.OTHER))
    rig.send(ev.CardInserted(), ev.CallStaff())
    assert rig.state is State.NOT_MY_NUMBER
    assert _codes(rig.view) == [("not_my_number", "T16", True, True)], "one alert, urgent once the patient called"
    rig.send(ev.CardRemovedEvent())
    assert rig.view.call is not None, "the patient still waits for staff after taking the card"


def test_expired_and_expiring_certificates_are_told_apart():
    expired = make_harness(FakeCard(certificate_expires=timedelta(days=-3)))
    expired.send(ev.CardInserted(), ev.CallStaff())
    codes = [c[0] for c in _codes(expired.view)]
    assert codes[0] == "certificate_expired" and "certificate_expiring" not in codes
    expiring = make_harness(FakeCard(certificate_expires=timedelta(days=30)))
    expiring.send(ev.CardInserted(), ev.Proceed(), ev.ChoosePin(), ev.SubmitPin("1234"))
    assert expiring.state is State.CONSENT
    assert [c[0] for c in _codes(expiring.view)] == ["certificate_expiring"]


def test_several_records_is_not_counted_as_a_staff_call():
    result = QualificationResult(Validity.SEVERAL, (DEMO_RECORD, replace(DEMO_RECORD, insurer_number="39999999")))
    rig = make_harness(qualification=FakeQualificationChecker(result))
    rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"))
    assert _codes(rig.view) == [("several_records", None, True, False)]
    assert "T17" not in rig.view.troubles
    rig.send(ev.CallStaff())
    assert _codes(rig.view)[0] == ("several_records", None, True, True), "called from 資格が複数: still no T17 label"


def test_limit_class_change_only_when_both_visits_carry_gendogaku_information():
    with_limit = QualificationResult(Validity.VALID, (replace(DEMO_RECORD, limit_class="A03"),))
    no_consent_before = check_result(with_limit, DEMO_FACTS, previous=DEMO_RECORD)
    assert not no_consent_before.has("limit_changed") and Trouble.T8 not in no_consent_before.troubles
    no_consent_now = check_result(QualificationResult(Validity.VALID, (DEMO_RECORD,)), DEMO_FACTS,
                                  previous=replace(DEMO_RECORD, limit_class="A03"))
    assert not no_consent_now.has("limit_changed")
    changed = check_result(with_limit, DEMO_FACTS, previous=replace(DEMO_RECORD, limit_class="A04"))
    assert changed.has("limit_changed") and Trouble.T8 in changed.troubles


def test_staff_acknowledging_counts_the_trouble_and_clears_the_burden_notice():
    rig = make_harness(qualification=FakeQualificationChecker(QualificationResult(
        Validity.VALID, (replace(DEMO_RECORD, burden_percent=20),))))
    rig.store.receptions.append(ReceptionRecord("earlier", rig.clock.now(), rig.clock.now(), "completed",
                                                facts=DEMO_FACTS, billing=DEMO_RECORD))
    rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"))
    session = rig.view.session_id
    assert "burden_changed" in [c[0] for c in _codes(rig.view)] and "T7" in rig.view.troubles
    for what in ("burden_changed", "public_subsidy_seen", "notice_explained"):
        assert rig.send(ev.StaffAcknowledge("sato", what=what, session_id=session))
    assert "burden_changed" not in [c[0] for c in _codes(rig.view)]
    assert {"T7", "T10", "T11"} <= set(rig.view.troubles)
    assert rig.send(ev.StaffAcknowledge("sato", what="anything")).reason == "cannot_acknowledge"


def test_who_took_the_reception_over_goes_with_the_patient():
    rig = make_harness()
    rig.send(ev.CardInserted(), ev.CallStaff(), ev.StaffTakeover("sato"))
    assert rig.view.taken_by == "sato"
    rig.send(ev.CardRemovedEvent(), ev.CardInserted())
    assert rig.view.taken_by == "" and rig.view.acks == (), "the next patient's tile starts clean"


@pytest.mark.parametrize("problem", ["backup_same_disk", "backup_failed"])
def test_the_backups_word_is_a_notice_on_every_screen_until_a_good_copy_is_made(problem):
    rig = make_harness()
    rig.send(ev.BackupStatus(problem))
    assert (problem, None, False, False) in _codes(rig.view)
    rig.send(ev.CardInserted(), ev.ChoosePin())  # the reception goes on; the notice stays with it
    assert rig.flow.state is State.PIN and problem in [a.code for a in alerts_of(rig.view)]
    rig.send(ev.BackupStatus(""))
    assert not [a for a in alerts_of(rig.view) if a.code.startswith("backup_")]
