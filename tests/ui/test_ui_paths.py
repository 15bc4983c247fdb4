"""Patients' paths through the real widgets, clicked with qtbot: the happy path and the problem paths."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.core import events as ev
from kiosk.core.alerts import alerts_of
from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardKind, IdentityMethod
from kiosk.core.errors import TerminalUnavailable
from kiosk.core.states import SPECS, State
from kiosk.core.view import Verdict
from kiosk.simulation.fakes import FakeCard, FakeQualificationChecker
from kiosk.simulation.harness import make_harness
from kiosk.simulation.player import stand_in
from kiosk.ui.runtime import KioskRuntime


def _fake_devices(runner, clock, on_frame):
    harness = make_harness()
    return replace(harness.flow.devices, runner=runner, clock=clock)


def test_happy_path_on_the_real_threads(qtbot, kiosk_for):
    """insert → 暗証番号 → 1234 → 同意する → done, with TaskManager results hopping back via QtPoster."""
    k = kiosk_for(make_harness())  # for the window only; the runtime below brings its own flow
    rig = KioskRuntime(k.window, None, _fake_devices, staff_channel=False, recheck=False)
    try:
        flow = rig.driver.flow
        assert rig.driver.dispatch(ev.CardInserted())
        qtbot.waitUntil(lambda: flow.state is State.CHOOSE_METHOD, timeout=10000)
        k.click("btn_pin")
        assert flow.state is State.PIN
        k.keypad("1234")
        k.click("key_ok")
        labels = [lab.text() for lab in k.window.findChildren(QLabel)]
        assert not any(c.isdigit() for t in labels if "●" in t or "○" in t for c in t)
        assert not any("1234" in t.replace(" ", "") for t in labels)
        qtbot.waitUntil(lambda: flow.state is State.CONSENT, timeout=10000)
        k.click("btn_consent_yes")
        assert flow.state is State.DONE
        assert k.title() == "見本 太郎様 確認が完了しました。"
        assert "マイナンバーカードを取り出し、待合室でお待ちください。" in k.texts()
        rig.driver.dispatch(ev.CardRemovedEvent())
        assert flow.state is State.IDLE
        assert k.title() == "マイナンバーカードを置いてください"
    finally:
        rig.close()
    assert rig.devices.qualification.closed  # a real gateway's watch on the terminal's res ends with the kiosk


def test_face_to_pin_in_the_middle_of_a_face_attempt(kiosk_for):
    """The commonest elderly path: the mask makes the face fail, the patient taps 暗証番号にする while the
    camera is still trying. The keypad works at once, the PIN counts, and the late face answer does nothing."""
    k = kiosk_for(stand_in(State.FACE))
    runner = k.rig.runner
    runner.finish_next()  # the chip photo: the face attempt starts and is held
    assert k.view.working == ("face_attempt",)
    attempt = runner.pending[0]
    k.click("btn_pin")
    assert k.flow.state is State.PIN
    assert attempt.cancelled
    keys = [b for b in k.window.findChildren(QPushButton)
            if b.objectName().startswith("key_") and b.objectName() != "key_ok" and b.isVisible()]
    assert keys and all(b.isEnabled() for b in keys), "the keypad is usable at once"
    assert not k.button("key_ok").isEnabled(), "確定 waits for four digits"
    k.keypad("1234")
    k.click("key_ok")
    assert k.view.working == ("verify_pin",)
    assert k.label("pin_status").isVisible()
    assert k.label("pin_dots").text() == "● ● ● ●"
    # A face encode does not look at its cancel token: the match arrives anyway, and finds its screen gone.
    attempt.token = CancelToken()
    runner.finish_next()
    assert k.flow.state is State.PIN
    assert any(e["what"] == "late_answer" and e["task"] == "face_attempt" for e in k.flow.transcript)
    runner.finish_next()  # the card: the PIN is right
    assert k.flow.state is State.CHECKING
    runner.finish_next()
    assert k.flow.state is State.CONSENT
    k.click("btn_consent_yes")
    runner.finish_next()  # the save
    saved = k.rig.observer.store.saved[-1]
    assert saved.method is IdentityMethod.PIN
    assert k.rig.parts.card.pins_sent == 1


def test_the_pin_screen_waits_for_the_card_and_a_wrong_pin_starts_a_new_entry(kiosk_for):
    k = kiosk_for(stand_in(State.PIN))
    k.keypad("12")
    assert k.label("pin_dots").text() == "● ● ○ ○"
    k.keypad("99")
    k.click("key_ok")
    assert "verify_pin" in k.view.working
    assert k.label("pin_status").isVisible()
    assert not k.button("key_5").isEnabled(), "no second PIN while the card checks the first"
    assert k.button("key_cancel").isEnabled(), "the patient may still give up"
    entry = k.view.entry
    k.rig.runner.finish_next()  # wrong
    assert k.flow.state is State.PIN and k.view.entry == entry + 1
    assert k.label("pin_dots").text() == "○ ○ ○ ○"
    assert not k.label("pin_status").isVisible()
    assert k.label("pin_wrong").isVisible()
    assert k.button("key_5").isEnabled()


def test_two_wrong_pins_offer_face_instead_of_a_third_try(kiosk_for):
    k = kiosk_for(make_harness())
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    assert any("入力できる回数：あと3回" == t for t in k.texts())
    k.keypad("0000")
    k.click("key_ok")
    assert k.rig.state is State.PIN
    assert "暗証番号がちがいます。" in k.texts()
    warning = k.label("pin_tries_warning")
    assert warning.isVisible() and "あと2回" in warning.text()
    k.keypad("1111")
    k.click("key_ok")
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
    assert k.label("pin_dots").text() == "● ○ ○ ○"
    k.keypad("234")
    k.click("key_ok")
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
    k.click("key_ok")
    assert k.rig.state is State.TERMINAL_DOWN
    assert "職員が別の方法で確認します。" in k.texts()
    k.click("btn_call_staff")
    assert k.rig.state is State.WAITING_STAFF
    assert k.title() == "職員を呼びました"
    assert not k.window.toast.isVisible(), "the new screen says it: no toast"
    k.click("btn_call_staff")  # pressed again while waiting: the same screen, so the toast says it
    assert k.window.toast.isVisible()
    k.click("btn_resume")
    assert k.rig.state is State.TERMINAL_DOWN


def test_inactivity_warning_then_continue(kiosk_for):
    k = kiosk_for(make_harness())
    k.rig.send(ev.CardInserted())
    spec = SPECS[State.CHOOSE_METHOD]
    k.rig.wait(spec.timeout - spec.warn_before + 2)
    overlay = k.window.warning
    assert overlay.isVisible()
    seconds = overlay.findChild(QLabel, "warning_seconds").text()
    assert seconds == f"あと{int(spec.warn_before) - 2}秒で終了します。"
    k.click("btn_continue")
    assert not overlay.isVisible()
    assert k.rig.state is State.CHOOSE_METHOD
    k.rig.wait(spec.timeout - spec.warn_before - 1)
    assert k.rig.state is State.CHOOSE_METHOD  # the timer started again from the touch


def test_half_typed_pin_survives_the_warning(kiosk_for):
    k = kiosk_for(make_harness())
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.keypad("12")
    spec = SPECS[State.PIN]
    k.rig.wait(spec.timeout - spec.warn_before + 1)
    k.click("btn_continue")
    assert k.label("pin_dots").text() == "● ● ○ ○"
    k.keypad("34")
    k.click("key_ok")
    assert k.rig.state is State.CONSENT


def test_the_done_screen_asks_for_the_card_then_louder_then_card_left(kiosk_for):
    k = kiosk_for(make_harness())
    chimes = []
    k.window._chime.play = lambda level=0: chimes.append(level)
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.keypad("1234")
    k.click("key_ok")
    assert chimes == []
    k.click("btn_consent_yes")
    assert k.rig.state is State.DONE and k.view.card_reminder == 0
    reminder = k.label("card_reminder")
    assert reminder.isVisible() and reminder.text() == "マイナンバーカードをお取りください"
    assert reminder.property("role") == "caution"
    assert chimes == [0], "asked on entry, once"
    k.rig.wait(k.flow.config.card_left_escalate_after + 1)
    assert k.view.card_reminder == 1 and k.rig.state is State.DONE
    assert k.label("card_reminder").property("role") == "alert"
    assert chimes == [0, 1], "louder once it is escalated, and not again on every tick"
    k.rig.wait(SPECS[State.DONE].timeout)
    assert k.rig.state is State.CARD_LEFT
    assert k.title() == "マイナンバーカードをお取りください"
    assert chimes == [0, 1, 1]
    k.rig.send(ev.CardRemovedEvent())
    assert k.rig.state is State.IDLE


def test_no_card_reminder_once_the_card_is_out(kiosk_for):
    k = kiosk_for(make_harness())
    chimes = []
    k.window._chime.play = lambda level=0: chimes.append(level)
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.click("key_cancel")
    assert k.rig.state is State.ENDED and k.label("card_reminder").isVisible() and chimes == [0]
    k.rig.send(ev.CardRemovedEvent())
    assert k.rig.state is State.IDLE
    assert k.label("card_reminder") is None


def test_call_staff_from_idle_says_staff_were_told_and_alerts_the_console(kiosk_for):
    k = kiosk_for(make_harness())
    k.click("btn_call_staff")
    assert k.rig.state is State.IDLE
    assert k.window.toast.isVisible() and "職員に知らせました" in k.window.toast.text()
    view = k.view
    assert view.call is not None and view.call.state is State.IDLE
    assert [(a.code, a.called, a.urgent) for a in alerts_of(view)] == [("staff_call", True, True)]
    assert ("kiosk", "staff_call", "state=idle") in k.rig.store.audit_log


def test_no_toast_when_the_call_did_not_go_out(kiosk_for):
    k = kiosk_for(make_harness())
    k.window.bind(lambda event: Verdict(False, "detached"))
    k.click("btn_call_staff")
    assert not k.window.toast.isVisible()


def test_person_mismatch_shows_nothing_of_the_result(kiosk_for):
    k = kiosk_for(stand_in(State.PERSON_MISMATCH))
    shown = " ".join(k.texts())
    record = k.rig.parts.checker.result.records[0]
    for secret in (record.name, record.insurer_name, record.insurer_number):
        assert secret not in shown


def test_pin_screen_offers_cancel_and_ends_the_session(kiosk_for):
    k = kiosk_for(make_harness())
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    assert not k.buttons("btn_cancel")
    k.click("key_cancel")
    assert k.rig.state is State.ENDED
    assert "マイナンバーカードを取り出してください。" in k.texts()


def test_face_guidance_words_and_preview(kiosk_for):
    from PySide6.QtGui import QImage

    k = kiosk_for(stand_in(State.FACE))
    k.rig.parts.show("nobody")
    k.rig.runner.finish_next()  # the chip photo
    k.rig.runner.finish_next()  # nobody in the frame: a miss, and what to do
    assert k.flow.state is State.FACE
    guidance = k.label("guidance")
    assert guidance.isVisible() and guidance.text() == "お顔が見つかりません。カメラの正面に立ってください。"
    assert k.label("attempts").text() == f"あと{k.view.max_face_attempts - 1}回ためせます。"
    image = QImage(64, 48, QImage.Format_RGB32)
    image.fill(Qt.red)
    k.window.set_preview(image)
    assert k.window.page.preview._image is image


def test_expired_certificate_does_not_offer_identity(kiosk_for):
    k = kiosk_for(make_harness(FakeCard(certificate_expires=timedelta(days=-1))))
    k.rig.send(ev.CardInserted())
    assert k.rig.state is State.CERT_EXPIRED
    assert "電子証明書は、お住まいの市区町村の窓口で更新できます。" in k.texts()
    assert not k.buttons("btn_pin")
    assert not k.buttons("btn_declare"), "the card's facts are unknown: staff fill in the 申立書"


def test_the_declaration_is_offered_once_the_facts_are_known(kiosk_for):
    k = kiosk_for(stand_in(State.QUAL_INVALID))
    assert "declare" in k.view.actions
    k.click("btn_declare")
    assert k.flow.state is State.DECLARATION


def test_limit_consent_round_trip(kiosk_for):
    k = kiosk_for(stand_in(State.CONSENT))
    k.click("btn_limit")
    assert k.flow.state is State.LIMIT_CONSENT
    k.click("btn_limit_yes")
    assert k.flow.state is State.CONSENT
    assert "限度額情報：提供する" in k.texts()


def test_done_does_not_greet_with_a_broken_name(kiosk_for):
    from kiosk.core.qualification import QualificationResult, Validity
    from kiosk.simulation.fakes import DEMO_RECORD

    broken = QualificationResult(Validity.VALID, (replace(DEMO_RECORD, name="見本 ●郎"),))
    k = kiosk_for(make_harness(qualification=FakeQualificationChecker(broken)))
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.keypad("1234")
    k.click("key_ok")
    k.click("btn_consent_yes")
    assert k.rig.state is State.DONE
    assert k.title() == "確認が完了しました。"
    assert not any("●郎" in t for t in k.texts())


def test_expiring_certificate_notice_then_next_and_a_reminder_at_the_end(kiosk_for):
    k = kiosk_for(make_harness(FakeCard(certificate_expires=timedelta(days=30))))
    k.rig.send(ev.CardInserted())
    assert k.rig.state is State.CERT_EXPIRING
    assert k.label("expiry").text() == "有効期限：2026年12月27日"
    k.click("btn_next")
    assert k.rig.state is State.CHOOSE_METHOD
    k.click("btn_pin")
    k.keypad("1234")
    k.click("key_ok")
    k.click("btn_consent_yes")
    assert k.label("notice_expiring").isVisible()


def test_face_is_offered_no_more_after_the_last_face_try(kiosk_for):
    from kiosk.core.values import FaceAttempt
    from kiosk.simulation.fakes import FakeFaceAuthenticator

    masked = FaceAttempt(matched=False, distance=0.7, guidance=("mask",))
    rig = make_harness(FakeCard(tries_left=1), face=FakeFaceAuthenticator([masked]))
    k = kiosk_for(rig)
    rig.send(ev.CardInserted())
    assert k.button("btn_face").isEnabled()
    k.click("btn_face")
    assert rig.state is State.FACE_FAILED  # the synchronous fake runs all three attempts at once
    assert k.label("guidance").text() == "マスクを外してください。"
    k.click("btn_pin")
    assert rig.state is State.PIN_LOW
    assert "face" not in k.view.actions
    assert not k.button("btn_face").isEnabled()
    k.click("btn_call_staff")
    assert rig.state is State.WAITING_STAFF


def test_the_runtime_runs_the_staff_channel_and_the_recheck_on_the_real_store(tmp_path, kiosk_for, qtbot):
    import socket

    from kiosk.config import load
    from kiosk.core.tasks import StoreLane
    from kiosk.store.store import open_store

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = load(env={"KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(tmp_path / "data"),
                       "KIOSK_KEY_DIR": str(tmp_path / "keys"), "KIOSK_STAFF_PORT": str(port)})
    store = StoreLane(open_store(config))
    k = kiosk_for(make_harness())

    def devices(runner, clock, on_frame):
        return replace(_fake_devices(runner, clock, on_frame), store=store)

    runtime = KioskRuntime(k.window, config, devices)
    try:
        assert runtime.staff is not None and runtime.recheck is not None
        with socket.create_connection(("127.0.0.1", port), timeout=10):
            pass  # the staff channel listens where the config says
        assert runtime.driver.dispatch(ev.CallStaff())
        assert runtime.flow.view().call is not None
        # backup_dir by default is on the data disk: staff are told, on the UI thread, from the store's
        qtbot.waitUntil(lambda: runtime.flow.view().backup_problem == "backup_same_disk", timeout=10000)
    finally:
        runtime.close()
        store.close()
