"""Patients' paths through the real widgets, clicked with qtbot: the happy path and the problem paths."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.core import events as ev
from kiosk.core.domain import CardKind
from kiosk.core.errors import TerminalUnavailable
from kiosk.core.fakes import FakeCard, FakeQualificationChecker
from kiosk.core.harness import make_harness, reach
from kiosk.core.states import POLICIES, State
from kiosk.ui.runtime import KioskRuntime


def _fake_devices(runner, clock, on_frame):
    harness = make_harness()
    return replace(harness.flow.devices, runner=runner, clock=clock)


def test_happy_path_on_the_real_threads(qtbot, kiosk_for):
    """insert → 暗証番号 → 1234 → 同意する → done, with ThreadedTaskRunner results hopping back via QtPoster."""
    k = kiosk_for(make_harness())  # for the window only; the runtime below brings its own flow
    rig = KioskRuntime(k.window, None, _fake_devices, staff_channel=False, recheck=False)
    try:
        flow = rig.driver.flow
        rig.driver.dispatch(ev.CardInserted())
        qtbot.waitUntil(lambda: flow.state is State.CHOOSE_METHOD, timeout=3000)
        k.click("btn_pin")
        assert flow.state is State.PIN
        k.keypad("1234")
        labels = [lab.text() for lab in k.window.findChildren(QLabel)]
        assert not any(c.isdigit() for t in labels if "●" in t or "○" in t for c in t)
        assert not any("1234" in t.replace(" ", "") for t in labels)
        qtbot.waitUntil(lambda: flow.state is State.CONSENT, timeout=3000)
        k.click("btn_consent_yes")
        assert flow.state is State.DONE
        assert k.title() == "見本 太郎様 確認が完了しました。"
        assert "マイナンバーカードを取り出し、待合室でお待ちください。" in k.texts()
        rig.driver.dispatch(ev.CardRemovedEvent())
        assert flow.state is State.IDLE
        assert k.title() == "マイナンバーカードを置いてください"
    finally:
        rig.close()


def test_two_wrong_pins_offer_face_instead_of_a_third_try(kiosk_for):
    k = kiosk_for(make_harness())
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    assert any("入力できる回数：あと3回" == t for t in k.texts())
    k.keypad("0000")
    assert k.rig.state is State.PIN
    assert "暗証番号がちがいます。" in k.texts()
    warning = k.window.findChild(QLabel, "pin_tries_warning")
    assert warning.isVisible() and "あと2回" in warning.text()
    k.keypad("1111")
    assert k.rig.state is State.PIN_LOW
    assert k.rig.card.pins_sent == 2
    assert not [b for b in k.window.findChildren(QPushButton) if b.objectName().startswith("key_")]
    k.click("btn_face")
    assert k.rig.state is State.CONSENT  # the fake camera matched at once
    assert k.rig.card.card.tries_left == 1  # no third PIN was ever sent


def test_correcting_a_digit_sends_only_the_corrected_pin(kiosk_for):
    k = kiosk_for(make_harness())
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.keypad("12")
    k.click("key_back")
    assert k.window.findChild(QLabel, "pin_dots").text() == "● ○ ○ ○"
    k.keypad("234")
    assert k.rig.state is State.CONSENT
    assert k.rig.card.pins_sent == 1


def test_not_a_my_number_card(kiosk_for):
    k = kiosk_for(make_harness(FakeCard(kind=CardKind.OTHER)))
    k.rig.send(ev.CardInserted())
    assert k.rig.state is State.NOT_MY_NUMBER
    assert k.title() == "このカードはマイナンバーカードではありません"
    k.rig.send(ev.CardRemovedEvent())
    assert k.title() == "マイナンバーカードを置いてください"


def test_terminal_down_then_call_staff_then_back(kiosk_for):
    k = kiosk_for(make_harness(qualification=FakeQualificationChecker(error=TerminalUnavailable("down"))))
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.keypad("1234")
    assert k.rig.state is State.TERMINAL_DOWN
    assert "職員が別の方法で確認します。" in k.texts()
    k.click("btn_call_staff")
    assert k.rig.state is State.WAITING_STAFF
    assert k.title() == "職員を呼びました"
    k.click("btn_resume")
    assert k.rig.state is State.TERMINAL_DOWN


def test_inactivity_warning_then_continue(kiosk_for):
    k = kiosk_for(make_harness())
    k.rig.send(ev.CardInserted())
    policy = POLICIES[State.CHOOSE_METHOD]
    k.rig.wait(policy.timeout - policy.warn_before + 2)
    overlay = k.window.warning
    assert overlay.isVisible()
    seconds = overlay.findChild(QLabel, "warning_seconds").text()
    assert seconds == f"あと{int(policy.warn_before) - 2}秒で終了します。"
    k.click("btn_continue")
    assert not overlay.isVisible()
    assert k.rig.state is State.CHOOSE_METHOD
    k.rig.wait(policy.timeout - policy.warn_before - 1)
    assert k.rig.state is State.CHOOSE_METHOD  # the timer started again from the touch


def test_half_typed_pin_survives_the_warning(kiosk_for):
    k = kiosk_for(make_harness())
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.keypad("12")
    policy = POLICIES[State.PIN]
    k.rig.wait(policy.timeout - policy.warn_before + 1)
    k.click("btn_continue")
    k.keypad("34")
    assert k.rig.state is State.CONSENT


def test_card_left_in_the_reader_chimes(kiosk_for):
    k = kiosk_for(make_harness())
    chimes = []
    k.window._chime.play = lambda: chimes.append(1)
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.keypad("1234")
    k.click("btn_consent_yes")
    assert chimes == []
    k.rig.wait(POLICIES[State.DONE].timeout + 1)
    assert k.rig.state is State.CARD_LEFT
    assert k.title() == "マイナンバーカードをお取りください"
    assert chimes == [1]
    k.rig.send(ev.CardRemovedEvent())
    assert k.rig.state is State.IDLE


def test_call_staff_from_idle_says_staff_were_told(kiosk_for):
    k = kiosk_for(make_harness())
    k.click("btn_call_staff")
    assert k.rig.state is State.IDLE
    assert k.window.toast.isVisible() and "職員に知らせました" in k.window.toast.text()
    assert ("kiosk", "staff_call", "patient_call") in k.rig.store.audit_log


def test_person_mismatch_shows_nothing_of_the_result(kiosk_for):
    k = kiosk_for(reach(State.PERSON_MISMATCH))
    shown = " ".join(k.texts())
    record = k.rig.checker.result.records[0]
    for secret in (record.name, record.insurer_name, record.insurer_number, "見本"):
        assert secret not in shown


def test_pin_screen_offers_cancel_and_ends_the_session(kiosk_for):
    k = kiosk_for(make_harness())
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    assert not [b for b in k.window.findChildren(QPushButton, "btn_cancel") if b.isVisible()]
    k.click("key_cancel")
    assert k.rig.state is State.ENDED
    assert "マイナンバーカードを取り出してください。" in k.texts()


def test_face_guidance_words_and_preview(kiosk_for):
    from PySide6.QtGui import QImage

    k = kiosk_for(reach(State.FACE))
    k.rig.send(ev.FaceGuidance(("mask",)))
    guidance = k.window.findChild(QLabel, "guidance")
    assert guidance.isVisible() and guidance.text() == "マスクを外してください。"
    image = QImage(64, 48, QImage.Format_RGB32)
    image.fill(Qt.red)
    k.window.set_preview(image)
    preview = k.window.page.preview
    assert preview._image is image


def test_expired_certificate_does_not_offer_identity(kiosk_for):
    k = kiosk_for(make_harness(FakeCard(certificate_expires=timedelta(days=-1))))
    k.rig.send(ev.CardInserted())
    assert k.rig.state is State.CERT_EXPIRED
    assert "電子証明書は、お住まいの市区町村の窓口で更新できます。" in k.texts()
    assert not [b for b in k.window.findChildren(QPushButton, "btn_pin") if b.isVisible()]


def test_limit_consent_round_trip(kiosk_for):
    k = kiosk_for(reach(State.CONSENT))
    k.click("btn_limit")
    assert k.rig.state is State.LIMIT_CONSENT
    k.click("btn_limit_yes")
    assert k.rig.state is State.CONSENT
    assert "限度額情報：提供する" in k.texts()


def test_done_does_not_greet_with_a_broken_name(kiosk_for):
    from kiosk.core.fakes import DEMO_RECORD
    from kiosk.core.qualification import QualificationResult, Validity

    broken = QualificationResult(Validity.VALID, (DEMO_RECORD.__class__(**{**DEMO_RECORD.__dict__, "name": "見本 ●郎"}),))
    k = kiosk_for(make_harness(qualification=FakeQualificationChecker(broken)))
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.keypad("1234")
    k.click("btn_consent_yes")
    assert k.rig.state is State.DONE
    assert k.title() == "確認が完了しました。"
    assert not any("●郎" in t for t in k.texts())


def test_expiring_certificate_notice_then_next(kiosk_for):
    k = kiosk_for(make_harness(FakeCard(certificate_expires=timedelta(days=30))))
    k.rig.send(ev.CardInserted())
    assert k.rig.state is State.CERT_EXPIRING
    assert k.window.findChild(QLabel, "expiry").text() == "有効期限：2026年12月27日"
    k.click("btn_next")
    assert k.rig.state is State.CHOOSE_METHOD


def test_face_failures_count_down_then_pin_low_offers_only_staff(kiosk_for):
    from kiosk.core.fakes import FakeFaceAuthenticator
    from kiosk.core.ports import FaceAttempt

    masked = FaceAttempt(matched=False, distance=0.7, guidance=("mask",))
    rig = make_harness(FakeCard(tries_left=1), face=FakeFaceAuthenticator([masked]))
    k = kiosk_for(rig)
    rig.send(ev.CardInserted())
    k.click("btn_face")
    assert rig.state is State.FACE_FAILED  # the synchronous fake runs all three attempts at once
    assert k.window.findChild(QLabel, "guidance").text() == "マスクを外してください。"
    k.click("btn_pin")
    assert rig.state is State.PIN_LOW
    assert not k.button("btn_face").isEnabled()
    k.click("btn_call_staff")
    assert rig.state is State.WAITING_STAFF
