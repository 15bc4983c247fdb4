"""The reception's paths, one story each: what the patient does, where the flow goes, what is kept."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from kiosk.core import events as ev
from kiosk.core.domain import IdentityMethod, Trouble
from kiosk.core.errors import AssistPinDiffers, CardRemoved, CodeBUnavailable, HolderProofFailed, ReaderGone
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import State
from kiosk.core.values import FaceAttempt, InsuranceCardQuery
from kiosk.core.view import Outcome
from kiosk.simulation.fakes import (
    DEMO_RECORD,
    FakeCard,
    FakeCardFaceReader,
    FakeFaceAuthenticator,
    FakeQualificationChecker,
    ManualRunner,
)
from kiosk.simulation.harness import make_harness

PIN = ev.ChoosePin()
FACE = ev.ChooseFace()


def test_happy_path_with_pin_publishes_and_stores(rig):
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.AnswerConsent(True, True, False))
    assert rig.states() == ["idle", "reading", "choose_method", "pin", "checking", "consent", "done"]
    assert rig.view.patient_name == "見本 太郎"
    [published] = rig.publisher.published
    assert published.method is IdentityMethod.PIN and published.consent.checkups is False
    assert rig.store.receptions[-1].outcome == Outcome.COMPLETED.value
    rig.send(ev.CardRemovedEvent())
    assert rig.state is State.IDLE
    assert len(rig.store.receptions) == 1, "a finished reception is written once"


def test_happy_path_with_face_drops_the_photo(rig):
    rig.send(ev.CardInserted(), FACE)
    assert rig.state is State.CONSENT
    assert rig.flow.snapshot().method is IdentityMethod.FACE
    assert not rig.flow.holds_reference_photo, "the chip photo is gone once the face matched"


def test_pin_countdown_warns_then_offers_face_or_staff_instead_of_a_third_try(rig):
    rig.send(ev.CardInserted(), PIN)
    assert rig.view.pin_tries_left == 3
    rig.send(ev.SubmitPin("0000"))
    assert rig.state is State.PIN and rig.view.pin_tries_left == 2
    rig.send(ev.SubmitPin("1111"))
    assert rig.state is State.PIN_LOW
    assert rig.card.pins_sent == 2
    rig.send(ev.SubmitPin("1234"))  # no third try from this screen
    assert rig.card.pins_sent == 2 and rig.state is State.PIN_LOW
    rig.send(PIN)
    assert rig.state is State.PIN_LOW, "choosing PIN again does not reopen the keypad"
    rig.send(FACE)
    assert rig.state is State.CONSENT
    assert "T13" in rig.view.troubles


def test_locked_pin_card_goes_straight_to_the_locked_screen():
    rig = make_harness(FakeCard(tries_left=0))
    rig.send(ev.CardInserted(), PIN)
    assert rig.state is State.PIN_LOCKED
    rig.send(FACE)
    assert rig.state is State.CONSENT


def test_malformed_pins_are_not_sent(rig):
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("12"), ev.SubmitPin("12a4"), ev.SubmitPin("12345"))
    assert rig.card.pins_sent == 0 and rig.state is State.PIN


def test_pin_never_reaches_the_transcript_or_repr(rig):
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("9876"))
    assert "9876" not in repr(rig.flow.transcript)
    assert "9876" not in repr(ev.SubmitPin("9876"))


def test_face_failures_offer_pin_and_keep_counters():
    rig = make_harness(face=FakeFaceAuthenticator([FaceAttempt(matched=False, distance=0.7, guidance=("mask",))]))
    rig.send(ev.CardInserted(), FACE)
    assert rig.state is State.FACE_FAILED
    assert rig.view.face_failures == 3 and rig.view.guidance == ("mask",)
    rig.send(FACE)
    assert rig.state is State.FACE_FAILED, "no more face attempts after the limit"
    rig.send(PIN, ev.SubmitPin("0000"))
    assert rig.view.face_failures == 3 and rig.view.pin_failures == 1


def test_a_replayed_photo_is_not_accepted():
    still = FaceAttempt(matched=True, live=False, distance=0.2)
    rig = make_harness(face=FakeFaceAuthenticator([still]))
    rig.send(ev.CardInserted(), FACE)
    assert rig.state is State.FACE_FAILED
    assert rig.flow.snapshot().method is None


def test_unreadable_card_face_sends_the_patient_to_pin_or_staff():
    rig = make_harness(card_face=FakeCardFaceReader(code_b=None))
    rig.send(ev.CardInserted(), FACE)
    assert rig.state is State.FACE_FAILED
    assert rig.view.problem == CodeBUnavailable.code


def test_expired_certificate_routes_to_staff_and_refuses_a_card_check():
    rig = make_harness(FakeCard(certificate_expires=timedelta(days=-3)))
    rig.send(ev.CardInserted())
    assert rig.state is State.CERT_EXPIRED and rig.view.certificate == "expired"
    verdict = rig.send(ev.StaffVisualOk("suzuki"))
    assert not verdict and rig.state is State.CERT_EXPIRED, "no card check on an expired certificate"
    query = InsuranceCardQuery("06139999", "見本", "1234567", "00", DEMO_RECORD.birth_date)
    assert rig.send(ev.StaffInsuranceCheck("suzuki", query=query))
    assert rig.state is State.CONSENT and rig.checker.insurance_checks == [query]
    rig.send(ev.AnswerConsent(True, True, True))
    saved = rig.store.receptions[-1]
    assert saved.outcome == Outcome.COMPLETED_BY_STAFF.value and saved.method is IdentityMethod.VISUAL
    audited = [(a, b) for a, b, _ in rig.store.audit_log]
    assert ("suzuki", "staff_refused") in audited and ("suzuki", "staff_insurance_check") in audited


def test_expiring_certificate_is_a_notice_then_the_normal_path():
    rig = make_harness(FakeCard(certificate_expires=timedelta(days=40)))
    rig.send(ev.CardInserted())
    assert rig.state is State.CERT_EXPIRING
    rig.send(ev.Proceed(), PIN, ev.SubmitPin("1234"))
    assert rig.state is State.CONSENT
    assert rig.view.certificate == "expiring"


def test_visual_check_by_staff_continues_with_method_visual():
    rig = make_harness(face=FakeFaceAuthenticator([FaceAttempt(matched=False)]), card=FakeCard(tries_left=1))
    rig.send(ev.CardInserted(), FACE)
    rig.send(ev.CallStaff())
    assert rig.state is State.WAITING_STAFF
    rig.send(ev.StaffVisualOk("tanaka"))
    assert rig.state is State.CONSENT
    assert rig.checker.card_checks[-1][1] is IdentityMethod.VISUAL
    assert rig.view.face_failures == 3, "switching to 目視 does not reset the counters"
    rig.send(ev.AnswerConsent(True, True, True))
    assert rig.store.receptions[-1].outcome == Outcome.COMPLETED_BY_STAFF.value


def test_staff_refusal_ends_the_reception():
    rig = make_harness()
    rig.send(ev.CardInserted(), ev.CallStaff(), ev.StaffVisualReject("tanaka"))
    assert rig.state is State.ENDED
    rig.send(ev.CardRemovedEvent())
    assert rig.store.receptions[-1].outcome == Outcome.NOT_CONFIRMED.value


def test_several_records_staff_chooses():
    result = QualificationResult(Validity.SEVERAL, (DEMO_RECORD, replace(DEMO_RECORD, insurer_number="39999999")))
    rig = make_harness(qualification=FakeQualificationChecker(result))
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"))
    assert rig.state is State.QUAL_SEVERAL and len(rig.view.records) == 2
    assert rig.send(ev.StaffChooseRecord("sato", 5)).reason == "no_such_record"
    assert rig.state is State.QUAL_SEVERAL
    rig.send(ev.StaffChooseRecord("sato", 1), ev.AnswerConsent(True, True, True))
    assert rig.publisher.published[-1].billing.insurer_number == "39999999"
    assert rig.store.receptions[-1].outcome == Outcome.COMPLETED_BY_STAFF.value, "staff chose the record"


def test_limit_consent_is_recorded(rig):
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.AskLimitConsent(), ev.AnswerLimitConsent(True))
    assert rig.state is State.CONSENT and rig.view.limit_answer is True
    rig.send(ev.AnswerConsent(True, True, True))
    assert rig.store.receptions[-1].consent.limit is True


def test_assist_pin_differs_still_checks_without_facts():
    card = FakeCard(assist_pin_same=False)
    rig = make_harness(card)
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"))
    assert rig.state is State.CONSENT
    assert rig.checker.card_checks[-1][2] is None
    assert rig.view.problem == AssistPinDiffers.code


def test_holder_proof_failure_calls_staff():
    rig = make_harness()
    rig.card.card.fail_with = None
    rig.send(ev.CardInserted(), PIN)
    rig.card.card.fail_with = HolderProofFailed("signature did not verify")
    rig.send(ev.SubmitPin("1234"))
    assert rig.state is State.WAITING_STAFF and rig.view.staff_reason == HolderProofFailed.code


def test_card_pulled_during_a_device_call_is_a_card_removal():
    rig = make_harness()
    rig.send(ev.CardInserted(), PIN)
    rig.card.card.fail_with = CardRemoved("6F00 while reading")
    rig.send(ev.SubmitPin("1234"))
    assert rig.state is State.CARD_REMOVED


def test_reader_gone_mid_step_and_back():
    rig = make_harness()
    rig.send(ev.CardInserted(), PIN)
    rig.card.card.fail_with = ReaderGone("SCARD_E_NO_READERS_AVAILABLE")
    rig.send(ev.SubmitPin("1234"))
    assert rig.state is State.READER_FAULT
    rig.send(ev.ReaderRestored())
    assert rig.state is State.IDLE
    assert rig.store.receptions[-1].outcome == Outcome.READER_FAULT.value
    rig.card.card.fail_with = None
    rig.send(ev.CardInserted())
    assert rig.state is State.CHOOSE_METHOD


def test_a_device_that_raises_a_bug_becomes_a_named_problem():
    rig = make_harness()
    rig.card.card.fail_with = ZeroDivisionError("driver bug")
    rig.send(ev.CardInserted())
    assert rig.state is State.UNREADABLE
    assert rig.view.problem == "internal"


def test_terminal_down_then_fallback_by_staff_on_the_last_visit():
    from kiosk.core.errors import TerminalUnavailable

    rig = make_harness()
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.AnswerConsent(True, True, True), ev.CardRemovedEvent())
    rig.checker.error = TerminalUnavailable("no answer")
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"))
    assert rig.state is State.TERMINAL_DOWN
    rig.send(ev.CallStaff(), ev.StaffCompleteFallback("sato", choice="last_visit"))
    assert rig.state is State.DONE
    saved = rig.store.receptions[-1]
    assert saved.outcome == Outcome.FALLBACK.value and Trouble.T12 in saved.troubles and "last_visit" in saved.notes
    assert saved.billing == DEMO_RECORD and saved.remarks == ("旧資格情報",)


def test_late_answers_after_cancel_are_dropped():
    rig = make_harness(runner=ManualRunner())
    rig.send(ev.CardInserted())
    rig.send(ev.Cancel())
    assert rig.state is State.ENDED
    rig.runner.finish_next()  # the card read finishes after the patient cancelled
    assert rig.state is State.ENDED


def test_events_that_make_no_sense_are_refused_with_a_reason_and_logged_once(rig, caplog):
    caplog.set_level("INFO")
    verdicts = [rig.send(e) for e in (ev.SubmitPin("1234"), ev.AnswerConsent(True, True, True),
                                      ev.StaffVisualOk("x"))]
    assert [v.reason for v in verdicts] == ["not_allowed_now"] * 3
    assert rig.state is State.IDLE and rig.states() == ["idle"]
    assert [e["refused"] for e in rig.flow.transcript if "refused" in e] == ["not_allowed_now"] * 3
    assert caplog.text.count("refused SubmitPin in idle: not_allowed_now") == 1


def test_card_left_reminds_until_taken(rig):
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.AnswerConsent(True, True, True))
    rig.wait(16)
    assert rig.state is State.CARD_LEFT
    rig.wait(31)
    assert rig.state is State.CARD_LEFT
    assert rig.states().count("card_left") == 2, "the reminder repeats"
    rig.send(ev.CardRemovedEvent())
    assert rig.state is State.IDLE


def test_store_failure_is_shown_to_staff_not_hidden(rig):
    from kiosk.core.errors import StoreError

    rig.store.fail = StoreError("disk full")
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.AnswerConsent(True, True, True))
    assert rig.state is State.DONE and rig.view.problem == StoreError.code


def test_card_left_behind_is_counted_after_the_reception_was_saved(rig):
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.AnswerConsent(True, True, True))
    rig.wait(16)
    rig.send(ev.CardRemovedEvent())
    assert Trouble.T15 in rig.store.receptions[-1].troubles
    assert rig.store.receptions[-1].session_id == rig.store.receptions[0].session_id, "the same reception, saved again"


def test_staff_correct_a_black_circle_name_before_it_is_saved():
    result = QualificationResult(Validity.VALID, (replace(DEMO_RECORD, name="見本 ●郎"),))
    rig = make_harness(qualification=FakeQualificationChecker(result))
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"))
    assert rig.state is State.CONSENT and "gaiji:name" in rig.view.staff_flags
    rig.send(ev.StaffCorrectName("sato", "見本 太郎"), ev.AnswerConsent(True, True, True))
    saved = rig.store.receptions[-1]
    assert saved.billing.name == "見本 太郎" and "name_corrected" in saved.notes
    assert Trouble.T1 in saved.troubles


def test_child_mode_reaches_the_face_matcher_from_the_next_attempt():
    rig = make_harness(face=FakeFaceAuthenticator([FaceAttempt(matched=False, guidance=("several_faces",)),
                                                   FaceAttempt(matched=True, distance=0.4)]),
                       runner=ManualRunner())
    rig.send(ev.CardInserted())
    rig.settle()
    rig.send(FACE)
    rig.settle()  # the chip photo, opened with 照合番号B
    rig.send(ev.FaceChildMode(True))
    assert rig.view.child_mode is True
    rig.settle()  # the attempt already running keeps its setting
    rig.settle()
    assert rig.face.child_modes == [False, True]
    assert rig.state is State.CHECKING
    assert not rig.send(ev.FaceChildMode(False)), "refused once the face step is over"
    assert rig.view.child_mode is True


def test_valid_but_unregistered_medical_aid_is_billed_as_valid_not_as_a_fallback():
    """QualificationValidity 6 (有効（未登録）, 医療扶助): the qualification is current; staff learn the 医療券
    is not registered for this clinic (T10), the patient is not sent to a 申立書."""
    reached = {}
    for validity in (Validity.VALID, Validity.VALID_UNREGISTERED):
        rig = make_harness(qualification=FakeQualificationChecker(QualificationResult(validity, (DEMO_RECORD,))))
        rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"))
        reached[validity] = rig.state
    assert reached[Validity.VALID_UNREGISTERED] is reached[Validity.VALID] is State.CONSENT
