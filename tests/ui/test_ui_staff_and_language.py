"""The hidden staff entry, the kiosk's own staff panel, the language chooser and the language reset."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.core import events as ev
from kiosk.core.alerts import alerts_of
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import CALL_REASONS, SESSION_ALERTS, SPECS, StaffAction, State, staff_texts
from kiosk.core.view import View
from kiosk.simulation.fakes import DEMO_RECORD, FakeQualificationChecker
from kiosk.simulation.harness import make_harness
from kiosk.simulation.player import stand_in
from kiosk.simulation.script import named
from kiosk.ui.demo import DEMO_STAFF, DEMO_STAFF_PIN, ensure_demo_staff
from kiosk.ui.driver import DETACHED, KioskDriver
from kiosk.ui.language import DEFAULT, REGISTRY, STAFF_I18N_DIR, staff_catalog
from kiosk.ui.widgets import LongPressCorner

STAFF_TS = STAFF_I18N_DIR / "staff_en.ts"


def _staff_english() -> dict[str, str]:
    root = ET.parse(STAFF_TS).getroot()
    return {m.findtext("source"): m.find("translation").text for ctx in root.iter("context")
            if ctx.findtext("name") == "StaffConsole" for m in ctx.iter("message")
            if m.find("translation").get("type") is None}


def _panel_texts(k) -> list[str]:
    panel = k.window.staff_panel
    return [w.text() for w in panel.findChildren(QLabel) + panel.findChildren(QPushButton) if w.isVisible()]


def _open_panel(k, view: View | None = None) -> None:
    k.window.staff_panel.open(DEMO_STAFF, view or k.view)


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
    qtbot.mouseRelease(corner, Qt.LeftButton)
    assert not corner._timer.isActive(), "letting go stops the hold"
    assert not k.window.staff_pin.isVisible()


def test_long_press_then_staff_pin_then_visual_check(qtbot, kiosk_for):
    k = kiosk_for(stand_in(State.WAITING_STAFF, {"staff-visual": named()["staff-visual"]}))
    corner = k.window.page.findChild(LongPressCorner)
    qtbot.mousePress(corner, Qt.LeftButton)
    qtbot.waitUntil(k.window.staff_pin.isVisible, timeout=20000)  # held long enough, however slow the machine
    qtbot.mouseRelease(corner, Qt.LeftButton)
    for d in "9999":
        k.click(f"staff_key_{d}")
    k.click("staff_key_ok")
    assert k.window.staff_pin.isVisible()
    assert k.label("staff_pin_error").isVisible()
    assert k.label("staff_pin_dots").text().strip() == ""
    for d in DEMO_STAFF_PIN:
        k.click(f"staff_key_{d}")
    assert k.label("staff_pin_dots").text() == "●" * len(DEMO_STAFF_PIN)
    k.click("staff_key_ok")
    assert not k.window.staff_pin.isVisible()
    assert k.window.staff_panel.isVisible()
    assert k.button("staff_resume").isEnabled()
    session = k.view.session_id
    k.click("staff_visual_ok")
    assert k.flow.state is State.CHECKING
    assert not k.window.staff_panel.isVisible()
    audit = k.flow.devices.store.audit_log
    assert any(actor == DEMO_STAFF and action == "staff_visual_ok" and f"session={session}" in detail
               for actor, action, detail in audit)


def test_several_records_look_different_and_staff_choose_one(kiosk_for):
    k = kiosk_for(stand_in(State.QUAL_SEVERAL))
    records = k.view.records
    assert len(records) > 1
    _open_panel(k)
    texts = [k.button(f"staff_record_{i}").text() for i in range(len(records))]
    assert len(set(texts)) == len(texts)
    for record, text in zip(records, texts, strict=True):
        for part in (record.insurer_name, record.insurer_number, record.card_symbol, record.card_number):
            assert part in text
        assert "有効期間 " in text
    assert not k.buttons("staff_resume")
    k.click("staff_record_1")
    assert k.flow.state is State.CONSENT
    k.click("btn_consent_yes")
    k.rig.runner.finish_next()  # the save
    assert k.rig.observer.store.saved[-1].billing.insurer_number == records[1].insurer_number


def test_three_records_scroll_and_none_is_squeezed(kiosk_for):
    from dataclasses import replace

    records = tuple(replace(DEMO_RECORD, insurer_number=f"0613{n:04d}") for n in range(3))
    rig = make_harness(qualification=FakeQualificationChecker(QualificationResult(Validity.SEVERAL, records)))
    k = kiosk_for(rig)
    rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"), ev.CallStaff())
    _open_panel(k)
    panel = k.window.staff_panel
    assert panel.card.geometry().bottom() <= panel.height()
    buttons = [panel.findChild(QPushButton, f"staff_record_{i}") for i in range(3)]
    assert all(b.height() >= b.sizeHint().height() for b in buttons)
    panel.records_scroll.ensureWidgetVisible(buttons[2])
    k.click("staff_record_2")
    assert k.flow.state is State.CONSENT
    k.click("btn_consent_yes")
    assert rig.store.receptions[-1].billing.insurer_number == "06130002"


def test_record_buttons_show_the_validity_dates(kiosk_for):
    from datetime import date

    from kiosk.ui.overlays import record_text

    text = record_text(DEMO_RECORD.__class__(insurer_number="138016", insurer_name="千代田区",
                                             card_valid_from=date(2024, 4, 1), card_valid_until=date(2026, 3, 31)))
    assert "2024年4月1日 ～ 2026年3月31日" in text


def test_staff_end(kiosk_for):
    k = kiosk_for(stand_in(State.PIN_LOW))
    _open_panel(k)
    k.click("staff_end")
    assert k.flow.state is State.ENDED


@pytest.mark.parametrize("state", list(State), ids=lambda s: s.value)
def test_the_staff_panel_speaks_words_and_offers_what_the_flow_allows(kiosk_for, state):
    k = kiosk_for(stand_in(state))
    view = k.view
    _open_panel(k)
    shown = _panel_texts(k)
    assert SPECS[state].staff_text in k.label("staff_status").text()
    if view.staff_reason:
        assert k.label("staff_reason").text() == CALL_REASONS[view.staff_reason]
    for alert in alerts_of(view):
        assert alert.text in shown
    codes = {s.value for s in State} | set(CALL_REASONS) | set(SESSION_ALERTS) | {
        s.alert.code for s in SPECS.values() if s.alert is not None}
    words = {w for text in shown for w in re.findall(r"[a-z_]+", text)}
    assert not words & codes, f"codes on the panel: {words & codes}"
    panel = k.window.staff_panel
    for action, b in panel.buttons.items():
        assert b.isVisible() == (action in view.staff_actions), f"{state.value}: {action.value}"
    records = [b for b in panel.findChildren(QPushButton) if b.objectName().startswith("staff_record_")]
    assert bool([b for b in records if b.isVisible()]) == (StaffAction.CHOOSE_RECORD in view.staff_actions)


def test_the_staff_panel_tells_why_a_patient_called_and_from_where(kiosk_for):
    k = kiosk_for(stand_in(State.WAITING_STAFF, {"invalid": named()["invalid"]}))
    _open_panel(k)
    assert k.label("staff_status").text() == "職員を待っています（呼ばれた画面：資格（無効））"
    assert k.label("staff_reason").text() == "患者が「職員を呼ぶ」を押しました"
    assert k.label("staff_alert_0").text() == SPECS[State.QUAL_INVALID].alert.text
    assert k.label("staff_alert_code_0").text() == "T3"


def test_the_staff_panel_answers_a_call_from_idle(kiosk_for):
    k = kiosk_for(make_harness())
    k.click("btn_call_staff")
    _open_panel(k)
    assert k.label("staff_alert_0").text() == SESSION_ALERTS["staff_call"].text
    k.click("staff_answer_call")
    assert k.view.call is None


def test_the_staff_panel_follows_the_language(kiosk_for):
    english = _staff_english()
    k = kiosk_for(make_harness())
    k.window.set_language("en")
    _open_panel(k)
    idle = SPECS[State.IDLE].staff_text
    assert k.label("staff_status").text() == english[idle]
    assert QCoreApplication.translate("StaffConsole", idle) == english[idle]


def test_the_staff_console_catalog_has_english_for_every_state_reason_and_alert():
    english = _staff_english()
    missing = [text for text in dict.fromkeys(staff_texts()) if not english.get(text)]
    assert not missing, f"kiosk/ui/staff/i18n/staff_en.ts lacks English for {missing}"


def _pin(k, digits: str) -> None:
    k.keypad(digits)
    k.click("key_ok")  # 確定: nothing goes on the 4th digit by itself


def _choose(k, code: str) -> None:
    """What a patient does: 「Language / 言語」, then their language on the list."""
    k.click("btn_language")
    k.qtbot.waitUntil(lambda: bool(k.buttons(f"lang_{code}")))
    k.click(f"lang_{code}")


def test_the_language_chooser_switches_every_word(kiosk_for):
    k = kiosk_for(make_harness())
    _choose(k, "en")
    assert k.window.language == "en"
    assert k.title() == "Please place your My Number card"
    assert k.button("btn_call_staff").text() == "Call staff"
    assert "English" in k.button("btn_language").text()
    assert not k.buttons("lang_ja"), "the list closed"
    k.rig.send(ev.CardInserted())
    assert k.title() == "Please choose how to confirm your identity"
    _choose(k, "ja")
    assert k.title() == "本人確認の方法を選んでください"


def test_the_chooser_lists_every_language_and_marks_the_one_shown(kiosk_for):
    k = kiosk_for(make_harness())
    _choose(k, "en")
    k.click("btn_language")
    shown = {info.code: k.button(f"lang_{info.code}") for info in REGISTRY}
    assert shown["en"].text() == "✓ English" and shown["en"].property("kind") == "primary"
    assert all(b.text() == info.native_name for info in REGISTRY if info.code != "en"
               for b in [shown[info.code]])
    k.click("lang_close")
    assert not k.buttons("lang_en") and k.window.language == "en"


@pytest.mark.parametrize("code", [info.code for info in REGISTRY if info.code != DEFAULT])
def test_every_language_reaches_the_screen_and_the_staff_panel(kiosk_for, code):
    k = kiosk_for(make_harness())
    japanese = k.title()
    _choose(k, code)
    assert k.window.language == code and k.title() != japanese
    _open_panel(k)
    idle = SPECS[State.IDLE].staff_text
    status = k.label("staff_status").text()
    assert (status != idle) == (staff_catalog(code) is not None), "staff words in their catalog's language, or Japanese"


def test_the_next_patient_starts_in_japanese(kiosk_for):
    rig = make_harness()
    k = kiosk_for(rig)
    _choose(k, "en")
    rig.send(ev.CardInserted())
    k.click("btn_pin")
    _pin(k, "1234")
    k.click("btn_consent_yes")
    assert k.title() == "見本 太郎, the check is complete."
    visit = k.view.visit
    rig.send(ev.CardRemovedEvent())
    assert k.view.visit == visit + 1
    assert k.window.language == "ja"
    assert k.title() == "マイナンバーカードを置いてください"


def test_the_idle_timeout_resets_the_language_and_closes_staff_layers(kiosk_for):
    rig = make_harness()
    k = kiosk_for(rig)
    _choose(k, "en")
    k.window.open_staff_entry()
    timeout = SPECS[State.IDLE].timeout
    rig.wait(timeout - 10)
    assert k.window.language == "en" and k.view.visit == 0
    rig.wait(11)
    assert k.view.visit == 1
    assert k.window.language == "ja"
    assert k.title() == "マイナンバーカードを置いてください"
    assert not k.window.staff_pin.isVisible()


def test_the_language_list_left_open_closes_for_the_next_patient(kiosk_for):
    rig = make_harness()
    k = kiosk_for(rig)
    _choose(k, "en")
    k.click("btn_language")
    rig.wait(SPECS[State.IDLE].timeout + 1)
    assert k.view.visit == 1 and k.window.language == "ja"
    assert not k.buttons("lang_en")


def test_the_language_stays_within_a_visit(kiosk_for):
    k = kiosk_for(make_harness())
    _choose(k, "en")
    k.rig.send(ev.CardInserted())
    k.click("btn_pin")
    k.click("key_cancel")  # a new screen, the same visit
    assert k.flow.state is State.ENDED
    assert k.window.language == "en"


def test_qual_several_screen_with_two_records_lists_them_for_staff_only(kiosk_for):
    two = QualificationResult(Validity.SEVERAL, (DEMO_RECORD, DEMO_RECORD))
    rig = make_harness(qualification=FakeQualificationChecker(two))
    k = kiosk_for(rig)
    rig.send(ev.CardInserted())
    k.click("btn_pin")
    _pin(k, "1234")
    assert rig.state is State.QUAL_SEVERAL
    assert DEMO_RECORD.insurer_name not in " ".join(k.texts())


def test_the_driver_hands_back_the_flows_verdict(qtbot, kiosk_for):
    rig = make_harness()
    k = kiosk_for(rig)
    driver = KioskDriver(rig.flow, k.window)
    refused = driver.dispatch(ev.ChooseFace())
    assert not refused and refused.reason == "not_allowed_now"
    assert driver.dispatch(ev.CardInserted())
    driver.stop()
    assert driver.dispatch(ev.Cancel()) is DETACHED
    assert rig.state is State.CHOOSE_METHOD
