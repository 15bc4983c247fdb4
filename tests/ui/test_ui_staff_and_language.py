"""The hidden staff entry, the staff panel, the language button and the driver's language reset."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.core import events as ev
from kiosk.core.harness import make_harness, reach
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.fakes import DEMO_RECORD, FakeQualificationChecker
from kiosk.core.states import POLICIES, State
from kiosk.ui.demo import DEMO_STAFF, DEMO_STAFF_PIN, ensure_demo_staff
from kiosk.ui.driver import KioskDriver
from kiosk.ui.widgets import LongPressCorner


def _staff_sign_in(qtbot, k, pin: str) -> None:
    corner = k.window.page.findChild(LongPressCorner)
    qtbot.mousePress(corner, Qt.LeftButton)
    qtbot.wait(3200)
    qtbot.mouseRelease(corner, Qt.LeftButton)
    assert k.window.staff_pin.isVisible()
    for d in pin:
        k.click(f"staff_key_{d}")
    k.click("staff_key_ok")


def test_kiosk_sign_in_uses_the_store_accounts_and_locks_them(tmp_path):
    from kiosk.store.keys import FileKeyProvider
    from kiosk.store.staff_accounts import Role, StaffAccounts
    from kiosk.store.store import Store
    from kiosk.ui.staff_sign_in import AccountsSignIn

    with Store.open(tmp_path / "kiosk.db", FileKeyProvider(tmp_path / "keys")) as store:
        accounts = StaffAccounts(store)
        assert ensure_demo_staff(accounts) is True
        assert ensure_demo_staff(accounts) is False, "a store with accounts is left alone"
        accounts.create("sato", "12345678", Role.RECEPTION, actor="admin")
        sign_in = AccountsSignIn(accounts)
        assert sign_in.names() == [DEMO_STAFF, "sato"]
        assert sign_in.verify(DEMO_STAFF, DEMO_STAFF_PIN) == DEMO_STAFF
        for _ in range(5):
            assert sign_in.verify("sato", "00000000") is None
        assert sign_in.verify("sato", "12345678") is None, "locked after 5 wrong PINs"
        assert sign_in.names() == [DEMO_STAFF]
        actions = [row["action"] for row in store._db["audit"].rows]
        assert "staff_locked" in actions


def test_a_short_press_does_not_open_the_staff_entry(qtbot, kiosk_for):
    k = kiosk_for(make_harness())
    corner = k.window.page.findChild(LongPressCorner)
    qtbot.mousePress(corner, Qt.LeftButton)
    qtbot.wait(300)
    qtbot.mouseRelease(corner, Qt.LeftButton)
    qtbot.wait(50)
    assert not k.window.staff_pin.isVisible()


def test_long_press_then_staff_pin_then_visual_check(qtbot, kiosk_for):
    k = kiosk_for(reach(State.WAITING_STAFF))
    _staff_sign_in(qtbot, k, "9999")
    assert k.window.staff_pin.isVisible()
    assert k.window.findChild(QLabel, "staff_pin_error").isVisible()
    assert k.window.findChild(QLabel, "staff_pin_dots").text().strip() == ""
    for d in DEMO_STAFF_PIN:
        k.click(f"staff_key_{d}")
    assert k.window.findChild(QLabel, "staff_pin_dots").text() == "●" * len(DEMO_STAFF_PIN)
    k.click("staff_key_ok")
    assert not k.window.staff_pin.isVisible()
    assert k.window.staff_panel.isVisible()
    assert k.button("staff_resume").isEnabled()
    k.click("staff_visual_ok")
    assert k.rig.state is State.CHECKING
    assert not k.window.staff_panel.isVisible()
    assert any(actor == DEMO_STAFF and action == "StaffVisualCheck" for actor, action, _ in k.rig.store.audit_log)


def test_staff_choose_record_among_several(kiosk_for):
    k = kiosk_for(reach(State.QUAL_SEVERAL))
    k.window.staff_panel.open(DEMO_STAFF, k.rig.flow.view())
    assert not k.button("staff_resume").isEnabled()
    k.click("staff_record_1")
    assert k.rig.state is State.CONSENT


def test_staff_end(kiosk_for):
    k = kiosk_for(reach(State.PIN_LOW))
    k.window.staff_panel.open(DEMO_STAFF, k.rig.flow.view())
    k.click("staff_end")
    assert k.rig.state is State.ENDED


def test_language_button_switches_every_word(kiosk_for):
    k = kiosk_for(make_harness())
    k.click("btn_language")
    assert k.window.language == "en"
    assert k.title() == "Please place your My Number card"
    assert k.button("btn_call_staff").text() == "Call staff"
    assert k.button("btn_language").text() == "日本語"
    k.rig.send(ev.CardInserted())
    assert k.title() == "Please choose how to confirm your identity"
    k.click("btn_language")
    assert k.title() == "本人確認の方法を選んでください"


def test_next_patient_starts_in_japanese(qtbot, kiosk_for):
    rig = make_harness()
    k = kiosk_for(rig)
    driver = KioskDriver(rig.flow, k.window)
    k.click("btn_language")
    rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.keypad("1234")
    k.click("btn_consent_yes")
    assert k.title() == "見本 太郎, the check is complete."
    rig.send(ev.CardRemovedEvent())
    assert rig.state is State.IDLE
    assert k.window.language == "ja"
    assert k.title() == "マイナンバーカードを置いてください"
    driver.stop()


def test_idle_timeout_resets_the_language(kiosk_for):
    rig = make_harness()
    k = kiosk_for(rig)
    driver = KioskDriver(rig.flow, k.window)
    k.click("btn_language")
    rig.clock.advance(POLICIES[State.IDLE].timeout - 10)
    driver.tick()
    assert k.window.language == "en"
    rig.clock.advance(11)
    driver.tick()
    assert k.window.language == "ja"
    assert k.title() == "マイナンバーカードを置いてください"
    driver.stop()


def test_qual_several_screen_with_two_records_lists_them_for_staff_only(kiosk_for):
    two = QualificationResult(Validity.SEVERAL, (DEMO_RECORD, DEMO_RECORD))
    rig = make_harness(qualification=FakeQualificationChecker(two))
    k = kiosk_for(rig)
    rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.keypad("1234")
    assert rig.state is State.QUAL_SEVERAL
    assert DEMO_RECORD.insurer_name not in " ".join(k.texts())
