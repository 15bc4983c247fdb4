"""Where states meet: a device answer against a patient's tap, a staff command against the patient moving on.

Every test holds device work on a ManualRunner and lets it answer at the worst moment, deterministically."""
from __future__ import annotations

from kiosk.core import events as ev
from kiosk.core.domain import CardKind, CardSummary, IdentityMethod
from kiosk.core.states import State
from kiosk.core.values import FaceAttempt
from kiosk.simulation.fakes import FakeFaceAuthenticator, ManualRunner
from kiosk.simulation.harness import Harness, make_harness


def _face_attempt_running(match: bool = True) -> Harness:
    """The patient on the face screen, the chip photo read, one attempt running (held)."""
    rig = make_harness(runner=ManualRunner(), face=FakeFaceAuthenticator([FaceAttempt(matched=match, distance=0.4)]))
    rig.send(ev.CardInserted())
    rig.settle()  # the card's summary
    rig.send(ev.ChooseFace())
    rig.settle()  # the chip photo, opened with 照合番号B: the attempt starts
    assert rig.state is State.FACE and rig.view.working == ("face_attempt",)
    return rig


def test_switching_to_the_pin_mid_face_attempt_cancels_the_attempt_and_takes_the_pin():
    rig = _face_attempt_running(match=False)
    attempt = rig.runner.pending[0]
    assert rig.send(ev.ChoosePin())
    assert attempt.cancelled, "leaving the face screen cancels the attempt"
    view = rig.view
    assert view.state is State.PIN and "submit_pin" in view.actions and view.working == (), "the keypad is usable"
    assert rig.send(ev.SubmitPin("1234")), "the typed PIN is taken at once, not dropped"
    assert rig.view.working == ("verify_pin",)
    rig.settle()  # the cancelled attempt answers late (no match): nothing happens
    assert rig.state is State.PIN and rig.view.face_failures == 0
    rig.settle(2)  # the PIN, then the check
    assert rig.state is State.CONSENT and rig.flow.snapshot().method is IdentityMethod.PIN
    assert rig.card.pins_sent == 1


def test_a_face_match_that_arrives_after_switching_checks_nobody_in(caplog):
    caplog.set_level("INFO")
    rig = _face_attempt_running(match=True)
    rig.send(ev.ChoosePin())
    rig.settle()  # the match arrives while the patient types the PIN
    view = rig.view
    assert view.state is State.PIN and rig.flow.snapshot().method is None
    assert not rig.checker.card_checks, "no check ran on the late match"
    assert any(e["what"] == "late_answer" for e in rig.flow.transcript)
    assert "dropped a late answer of face_attempt in pin" in caplog.text
    rig.send(ev.SubmitPin("1234"))
    rig.settle(2)
    assert rig.state is State.CONSENT and rig.flow.snapshot().method is IdentityMethod.PIN


def test_a_second_pin_while_the_first_is_being_checked_is_refused_not_sent():
    rig = make_harness(runner=ManualRunner())
    rig.send(ev.CardInserted())
    rig.settle()
    rig.send(ev.ChoosePin(), ev.SubmitPin("1234"))
    assert "submit_pin" not in rig.view.actions
    verdict = rig.send(ev.SubmitPin("9999"))
    assert verdict.reason == "card_busy" and len(rig.runner.pending) == 1


def test_staff_work_of_a_screen_the_patient_left_is_cancelled_and_staff_are_told():
    rig = make_harness(runner=ManualRunner())
    rig.send(ev.CardInserted())
    rig.settle()
    rig.send(ev.CallStaff())
    answers: list[tuple[object, str]] = []
    session = rig.view.session_id
    reply = lambda data, code: answers.append((data, code))  # noqa: E731
    assert rig.send(ev.StaffChipPhoto("sato", session_id=session, reply=reply))
    assert rig.view.working == ("chip_photo",) and "visual_ok" not in rig.view.staff_actions, "the card is busy"
    assert rig.send(ev.StaffVisualOk("sato", session_id=session)).reason == "card_busy"
    rig.send(ev.ResumeFromStaff())  # the patient pressed もどる
    assert answers == [(None, "state_changed")]
    rig.settle()  # the photo arrives late
    assert answers == [(None, "state_changed")], "answered once"
    assert rig.state is State.CHOOSE_METHOD


def test_a_staff_request_for_a_reception_that_is_over_is_refused_by_name():
    rig = make_harness()
    rig.send(ev.CardInserted(), ev.CallStaff())
    first = rig.view.session_id
    rig.send(ev.CardRemovedEvent())
    assert rig.send(ev.StaffEnd("sato", session_id=first)).reason == "session_ended"
    rig.send(ev.CardInserted(), ev.CallStaff())
    assert rig.send(ev.StaffEnd("sato", session_id="someone-else")).reason == "session_changed"
    assert rig.send(ev.StaffEnd("sato", session_id=first)).reason == "session_ended"
    assert rig.send(ev.StaffEnd("sato", session_id=rig.view.session_id))
    audited = [(a, b) for a, b, _ in rig.store.audit_log]
    assert audited.count(("sato", "staff_refused")) == 3 and ("sato", "staff_end") in audited


def test_answers_of_device_work_cannot_be_injected_from_outside():
    rig = make_harness()
    rig.send(ev.CardInserted())
    assert rig.send(ev.CardRead(CardSummary(CardKind.MY_NUMBER))).reason == "internal_event"
    assert rig.send(ev.FaceAttempted(FaceAttempt(matched=True))).reason == "internal_event"
    assert rig.state is State.CHOOSE_METHOD


def test_a_pulled_card_mid_check_drops_the_terminals_late_answer():
    rig = make_harness(runner=ManualRunner())
    rig.send(ev.CardInserted())
    rig.settle()
    rig.send(ev.ChoosePin(), ev.SubmitPin("1234"))
    rig.settle()  # the PIN: the check starts
    assert rig.state is State.CHECKING
    rig.send(ev.CardRemovedEvent())
    rig.settle()  # the terminal answers for a card that is gone
    assert rig.state is State.CARD_REMOVED and rig.view.validity is None
    assert not rig.store.receptions, "saved when the session closes, not by the late answer"
    rig.wait(21)
    rig.settle()
    assert rig.store.receptions[-1].outcome == "card_removed"


def test_a_session_ended_by_pulling_the_card_is_saved_even_when_the_next_card_comes_at_once():
    """本日の受付 lists every session: a card pulled mid-way and put back is two receptions."""
    rig = make_harness()
    rig.send(ev.CardInserted(), ev.ChoosePin(), ev.CardRemovedEvent())
    first = rig.store.started[-1]
    rig.send(ev.CardInserted())
    assert [r.session_id for r in rig.store.receptions] == [first]
    assert rig.store.receptions[0].outcome == "card_removed"
