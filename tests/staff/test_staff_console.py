"""Each staff task on the real console widgets, against a real kiosk flow behind a loopback channel.

Every wait is on a condition (the kiosk's state, a widget's content), never on time: a busy machine only
makes these tests slower."""
from __future__ import annotations

import threading
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from kiosk.core import events as ev
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import SESSION_ALERTS, SPECS, State
from kiosk.simulation.fakes import DEMO_FACTS, DEMO_RECORD
from kiosk.staff.training import show_portraits
from kiosk.ui.staff.screenshots import SEVERAL, history
from kiosk.ui.staff.window import AlertLine
from tests.staff.conftest import USER, audit_rows, standing
from tests.staff.console_window import signed_in_window, texts

WAIT = 10000  # ms: a ceiling for a condition, not a pause


@pytest.fixture
def console_for(qtbot, kiosk_for):
    """``console_for(rig, name)``: a kiosk on ``rig`` and a console window signed in to it."""
    consoles = []

    def make(rig, name: str = "test-kiosk"):
        kiosk = kiosk_for(rig, name)
        console, link, window = signed_in_window(qtbot, kiosk.pairing)
        consoles.append(console)
        qtbot.waitUntil(lambda: link.snapshot is not None and link.snapshot.view.state is kiosk.state, timeout=WAIT)
        return window, kiosk, link

    yield make
    for console in consoles:
        console.stop()


def click(qtbot, window, name: str) -> None:
    target = window.findChild(QPushButton, name)
    assert target is not None, name
    qtbot.waitUntil(target.isEnabled, timeout=WAIT)
    qtbot.mouseClick(target, Qt.LeftButton)


def enabled(window, name: str) -> bool:
    return window.findChild(QPushButton, name).isEnabled()


def alert_lines(widget) -> list[tuple[str, str, str]]:
    """(words, T-code, reason) of each alert shown in ``widget``."""
    def text(line, name):
        found = line.findChild(QLabel, name)
        return found.text() if found is not None else ""

    return [(line.findChild(QLabel).text(), text(line, "troubleCode"), text(line, "alertReason"))
            for line in widget.findChildren(AlertLine) if line.isVisible()]


def with_portraits(rig) -> None:
    show_portraits(rig.side.parts, rig.flow.devices.camera)


def saved(lane, session_id: str):
    lane.submit(lambda: None, wait=True)
    return next(r for r in lane.store.receptions_since(datetime(2000, 1, 1).date()) if r.session_id == session_id)


def test_visual_takeover_in_two_taps_moves_the_kiosk_on(qtbot, console_for, lane):
    rig = standing("staff-visual", lane, prepare=with_portraits)
    window, kiosk, link = console_for(rig)
    tries_before = link.snapshot.view.pin_tries_left
    click(qtbot, window, "action_takeover")
    page = window.panel.pages["takeover"]
    qtbot.waitUntil(lambda: page.photo.pixmap() is not None and not page.photo.pixmap().isNull(), timeout=WAIT)
    qtbot.waitUntil(lambda: page.still.pixmap() is not None and not page.still.pixmap().isNull(), timeout=WAIT)
    assert DEMO_FACTS.name in page.facts.text()
    click(qtbot, window, "confirmPerson")
    qtbot.waitUntil(lambda: kiosk.state is State.CONSENT, timeout=WAIT)
    assert link.snapshot.view.pin_tries_left == tries_before
    qtbot.waitUntil(lambda: window.panel.stack.currentIndex() == 0, timeout=WAIT)
    assert page.photo.pixmap() is None or page.photo.pixmap().isNull()  # not kept after the answer
    actions = [(actor, action) for actor, action, _ in audit_rows(lane)]
    assert (USER, "staff_takeover") in actions and (USER, "staff_visual_ok") in actions


def test_confirm_waits_for_the_photo_on_screen(qtbot, console_for, lane):
    rig = standing("staff-visual", lane, prepare=with_portraits)
    card = rig.side.parts.card
    release, read = threading.Event(), card.read_with_code_b

    def slow_chip(code_b, cancel, **who_typed):  # the chip photo takes its time, as a real card's does
        release.wait(10)
        return read(code_b, cancel, **who_typed)

    card.read_with_code_b = slow_chip
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_takeover")
    page = window.panel.pages["takeover"]
    qtbot.waitUntil(lambda: "chip_photo" in link.snapshot.view.working, timeout=WAIT)
    assert page.photo.text() == page.tr_loading
    assert not page.confirm.isEnabled()  # nothing to compare the patient with yet
    assert page.reject.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: page.photo.pixmap() is not None and not page.photo.pixmap().isNull(), timeout=WAIT)
    qtbot.waitUntil(page.confirm.isEnabled, timeout=WAIT)

    card.card.photo = b"not a picture"  # a photo that cannot be shown confirms no one either
    page._fetch(card.card.code_b)
    qtbot.waitUntil(lambda: page.photo.text() == "写真を表示できません", timeout=WAIT)
    qtbot.waitUntil(lambda: "chip_photo" not in link.snapshot.view.working, timeout=WAIT)
    assert not page.confirm.isEnabled()


def test_a_failed_photo_read_confirms_no_one(qtbot, console_for, lane):
    rig = standing("staff-visual", lane, prepare=with_portraits)
    rig.side.parts.card_face.code_b = None  # the kiosk's camera cannot read 照合番号B from the card face
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_takeover")
    page = window.panel.pages["takeover"]
    qtbot.waitUntil(lambda: page.photo.text() == "写真なし", timeout=WAIT)
    qtbot.waitUntil(lambda: link.snapshot.view.working == (), timeout=WAIT)
    qtbot.waitUntil(lambda: page.reject.isEnabled(), timeout=WAIT)
    assert not page.confirm.isEnabled()
    click(qtbot, window, "rejectPerson")
    qtbot.waitUntil(lambda: kiosk.state is State.ENDED, timeout=WAIT)
    assert link.snapshot.view.outcome == "not_confirmed"


def test_staff_type_code_b_when_the_card_face_cannot_be_read(qtbot, console_for, lane):
    rig = standing("staff-visual", lane, prepare=with_portraits)
    rig.side.parts.card_face.code_b = None
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_takeover")
    page = window.panel.pages["takeover"]
    qtbot.waitUntil(page.code_row.isVisible, timeout=WAIT)
    qtbot.keyClicks(window.findChild(QLineEdit, "codeB"), rig.side.parts.card.card.code_b)
    click(qtbot, window, "readCodeB")
    qtbot.waitUntil(page.confirm.isEnabled, timeout=WAIT)
    assert DEMO_FACTS.name in page.facts.text() and not page.code_row.isVisible()


def test_choose_one_of_several_records_by_what_tells_them_apart(qtbot, console_for, lane):
    def dated(rig) -> None:
        rig.side.parts.checker.result = SEVERAL

    rig = standing("several", lane, prepare=dated)
    window, kiosk, link = console_for(rig)
    tile = window.tiles[kiosk.pairing.address]
    qtbot.waitUntil(lambda: alert_lines(tile) != [], timeout=WAIT)
    [(words, code, reason)] = alert_lines(tile)
    assert words == SPECS[State.QUAL_SEVERAL].alert.text and code == "" and reason == ""  # no T17: nobody called
    click(qtbot, window, "action_records")
    page = window.panel.pages["records"]
    shown = texts(page)
    for record in SEVERAL.records:
        assert record.insurer_name in shown and record.insurer_number in shown
        assert f"{record.card_symbol}・{record.card_number}・{record.branch_number}" in shown
        assert record.qualified_on.isoformat() in shown and record.card_valid_from.isoformat() in shown
    assert "本人" in shown and SEVERAL.records[0].card_valid_until.isoformat() in shown
    first, second = (window.findChild(QPushButton, f"record{i}").text() for i in (0, 1))
    assert first != second and SEVERAL.records[1].insurer_name in second
    click(qtbot, window, "record1")
    qtbot.waitUntil(lambda: kiosk.state is State.CONSENT, timeout=WAIT)
    session = link.snapshot.view.session_id
    kiosk.run(lambda: kiosk.flow.dispatch(ev.AnswerConsent(True, True, True)))
    qtbot.waitUntil(lambda: kiosk.state is State.DONE, timeout=WAIT)
    assert saved(lane, session).billing.insurer_number == SEVERAL.records[1].insurer_number


def test_check_by_insurance_card_data_feeds_the_flow(qtbot, console_for, lane):
    rig = standing("no-record", lane, 4, state=State.QUAL_NONE)
    checker = rig.side.parts.checker
    checker.result, checker.error = QualificationResult(Validity.VALID, (DEMO_RECORD,)), None
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_insurance")
    birth = window.findChild(QLineEdit, "birth_date")
    qtbot.waitUntil(lambda: birth.text() == DEMO_FACTS.birth_date.isoformat(), timeout=WAIT)
    for name, text in (("insurer_number", "06139999"), ("card_symbol", "1234"), ("card_number", "5678"),
                       ("branch_number", "01")):
        qtbot.keyClicks(window.findChild(QLineEdit, name), text)
    click(qtbot, window, "runInsuranceCheck")
    qtbot.waitUntil(lambda: kiosk.state is State.CONSENT, timeout=WAIT)
    query = checker.insurance_checks[-1]
    assert (query.insurer_number, query.card_number, query.birth_date) == ("06139999", "5678", DEMO_FACTS.birth_date)
    qtbot.waitUntil(lambda: "有効" in window.panel.message.text(), timeout=WAIT)


def test_fallback_on_the_last_visits_record(qtbot, console_for, lane):
    standing("valid-pin", lane).close()  # the patient came before: the kiosk keeps that visit's record
    rig = standing("terminal-down", lane, 4, state=State.TERMINAL_DOWN)
    window, kiosk, link = console_for(rig)
    session = link.snapshot.view.session_id
    click(qtbot, window, "action_fallback")
    click(qtbot, window, "useLastVisit")
    qtbot.waitUntil(lambda: kiosk.state is State.DONE, timeout=WAIT)
    reception = saved(lane, session)
    assert reception.outcome == "fallback" and reception.billing.insurer_number == DEMO_RECORD.insurer_number
    qtbot.waitUntil(lambda: "3割" in window.panel.message.text(), timeout=WAIT)


def test_fallback_on_a_declaration_bills_unknown(qtbot, console_for, lane):
    rig = standing("no-record", lane, 4, state=State.QUAL_NONE)
    window, kiosk, link = console_for(rig)
    session = link.snapshot.view.session_id
    click(qtbot, window, "action_fallback")
    qtbot.waitUntil(lambda: window.findChild(QLineEdit, "decl_name").text() == DEMO_FACTS.name, timeout=WAIT)
    assert not enabled(window, "useLastVisit")  # a first visit: no record to bill from
    window.findChild(QLineEdit, "decl_name_kana").insert("ミホン タロウ")  # QTest types ASCII only
    qtbot.keyClicks(window.findChild(QLineEdit, "decl_contact"), "090-0000-0000")
    click(qtbot, window, "useDeclaration")
    qtbot.waitUntil(lambda: kiosk.state is State.DONE, timeout=WAIT)
    assert saved(lane, session).billing.insurer_number == "77777777"


def test_correct_a_black_circle_name(qtbot, console_for, lane):
    rig = standing("black-circle", lane)
    window, kiosk, link = console_for(rig)
    assert "●" in link.snapshot.view.patient_name
    click(qtbot, window, "action_name")
    field = window.findChild(QLineEdit, "correctedName")
    qtbot.waitUntil(lambda: enabled(window, "applyName"), timeout=WAIT)
    field.clear()
    field.insert("見本 太郎")
    click(qtbot, window, "applyName")
    qtbot.waitUntil(lambda: link.snapshot.view.patient_name == "見本 太郎", timeout=WAIT)
    assert kiosk.state is State.CONSENT
    qtbot.waitUntil(lambda: not enabled(window, "action_name"), timeout=WAIT)  # nothing left to correct


def test_acknowledge_public_subsidy_and_explain_the_notice(qtbot, console_for, lane):
    window, kiosk, link = console_for(standing("valid-pin", lane, 3, state=State.CONSENT))
    click(qtbot, window, "action_subsidy")
    qtbot.waitUntil(lambda: not enabled(window, "action_subsidy"), timeout=WAIT)
    click(qtbot, window, "action_notice")
    assert window.findChild(QPushButton, "noticeExplained").isVisible()
    click(qtbot, window, "noticeExplained")
    qtbot.waitUntil(lambda: window.panel.stack.currentIndex() == 0, timeout=WAIT)
    qtbot.waitUntil(lambda: "notice_explained" in link.snapshot.view.acks, timeout=WAIT)
    details = [d for _, action, d in audit_rows(lane) if action == "staff_acknowledge"]
    assert any("what=public_subsidy_seen" in d for d in details)
    assert any("what=notice_explained" in d for d in details)


def test_acknowledge_a_burden_ratio_change(qtbot, console_for, lane):
    window, kiosk, link = console_for(standing("burden-changed", lane))
    assert "T7" in link.snapshot.view.troubles
    words = SESSION_ALERTS["burden_changed"].text
    qtbot.waitUntil(lambda: (words, "T7", "") in alert_lines(window.panel), timeout=WAIT)  # the words, then T7
    click(qtbot, window, "action_burden")
    qtbot.waitUntil(lambda: "burden_changed" in link.snapshot.view.acks, timeout=WAIT)
    qtbot.waitUntil(lambda: not enabled(window, "action_burden"), timeout=WAIT)
    qtbot.waitUntil(lambda: all(w != words for w, _, _ in alert_lines(window.panel)), timeout=WAIT)


def test_resume_and_end_from_the_console(qtbot, console_for, lane):
    window, kiosk, link = console_for(standing("staff-visual", lane))
    click(qtbot, window, "action_resume")
    qtbot.waitUntil(lambda: kiosk.state is State.FACE_FAILED, timeout=WAIT)
    kiosk.run(lambda: kiosk.flow.dispatch(ev.CallStaff()))
    click(qtbot, window, "action_end")
    qtbot.waitUntil(lambda: kiosk.state is State.ENDED, timeout=WAIT)


def test_a_call_keeps_its_reason_on_the_console(qtbot, console_for, lane):
    window, kiosk, link = console_for(standing("invalid", lane))
    assert link.snapshot.view.called_from is State.QUAL_INVALID
    tile = window.tiles[kiosk.pairing.address]
    called = (SPECS[State.QUAL_INVALID].alert.text, "T3", "患者が「職員を呼ぶ」を押しました")
    qtbot.waitUntil(lambda: called in alert_lines(tile), timeout=WAIT)
    assert called in alert_lines(window.panel)
    assert "T17" not in {code for _, code, _ in alert_lines(window)}
    assert enabled(window, "action_fallback") and enabled(window, "action_insurance")


def test_a_call_from_the_idle_screen_alerts_the_console(qtbot, console_for, lane):
    window, kiosk, link = console_for(standing("valid-pin", lane, 0, state=State.IDLE))
    tile = window.tiles[kiosk.pairing.address]
    assert alert_lines(tile) == [] and not enabled(window, "action_answer")
    kiosk.run(lambda: kiosk.flow.dispatch(ev.CallStaff()))
    called = (SESSION_ALERTS["staff_call"].text, "", "患者が「職員を呼ぶ」を押しました")
    qtbot.waitUntil(lambda: called in alert_lines(tile), timeout=WAIT)
    assert window.console.urgent(kiosk.pairing.address)
    click(qtbot, window, "action_answer")
    qtbot.waitUntil(lambda: alert_lines(tile) == [], timeout=WAIT)
    assert link.snapshot.view.call is None


def test_an_expired_certificate_reads_differently_from_an_expiring_one(qtbot, console_for, lane):
    expired, _, _ = console_for(standing("cert-expired", lane, 2, state=State.CERT_EXPIRED))
    expiring, _, _ = console_for(standing("cert-expiring", lane, 1, state=State.CERT_EXPIRING), name="second")
    qtbot.waitUntil(lambda: alert_lines(expired.panel) != [] and alert_lines(expiring.panel) != [], timeout=WAIT)
    (old, old_code, _), *_ = alert_lines(expired.panel)
    (soon, soon_code, _), *_ = alert_lines(expiring.panel)
    assert old == SPECS[State.CERT_EXPIRED].alert.text and soon == SESSION_ALERTS["certificate_expiring"].text
    assert old_code == soon_code == "T4" and old != soon
    assert not enabled(expired, "action_takeover") and enabled(expired, "action_fallback")  # 目視 cannot help


def test_a_note_about_one_patient_does_not_stay_for_the_next(qtbot, console_for, lane):
    rig = standing("staff-visual", lane, prepare=with_portraits)
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_takeover")
    click(qtbot, window, "confirmPerson")
    qtbot.waitUntil(lambda: "本人と確認しました" in window.panel.message.text(), timeout=WAIT)
    assert window.panel.message.isVisible()
    qtbot.waitUntil(lambda: kiosk.state is State.CONSENT, timeout=WAIT)
    assert window.panel.message.isVisible()  # still this patient
    kiosk.run(lambda: kiosk.flow.dispatch(ev.AnswerConsent(True, True, True)))
    kiosk.run(lambda: kiosk.flow.dispatch(ev.CardRemovedEvent()))
    kiosk.run(lambda: kiosk.flow.dispatch(ev.CardInserted()))  # the next patient
    qtbot.waitUntil(lambda: link.snapshot.view.state is State.CHOOSE_METHOD, timeout=WAIT)
    # The link has the new view before the window's next turn shows it (a busy machine widens the gap).
    qtbot.waitUntil(lambda: not window.panel.message.isVisible(), timeout=WAIT)


def test_a_task_page_left_open_does_not_act_on_the_next_patient(qtbot, console_for, lane):
    window, kiosk, link = console_for(standing("no-record", lane, 4, state=State.QUAL_NONE))
    click(qtbot, window, "action_fallback")
    page = window.panel.pages["fallback"]
    opened_for = page.session_id
    kiosk.run(lambda: kiosk.flow.dispatch(ev.Cancel()))
    kiosk.run(lambda: kiosk.flow.dispatch(ev.CardRemovedEvent()))
    kiosk.run(lambda: kiosk.flow.dispatch(ev.CardInserted()))
    qtbot.waitUntil(lambda: link.snapshot.view.session_id not in ("", opened_for), timeout=WAIT)
    qtbot.waitUntil(lambda: window.panel.stack.currentIndex() == 0, timeout=WAIT)
    assert "替わりました" in window.panel.message.text()


def test_a_kiosk_without_a_name_is_numbered_not_named_after_its_host(qtbot, console_for, lane):
    window, kiosk, link = console_for(standing("valid-pin", lane, 0, state=State.IDLE), name="")
    assert link.snapshot.kiosk == ""
    assert window.tiles[kiosk.pairing.address].name.text() == "受付機1"
    assert window.panel.title.text().startswith("受付機1")


def test_receptions_and_trouble_report_with_csv(qtbot, console_for, lane, tmp_path):
    rig = standing("valid-pin", lane, 0, state=State.IDLE)
    today = rig.clock.now()
    history(lane.store, today)
    window, kiosk, link = console_for(rig)
    window.tabs.setCurrentWidget(window.receptions)
    window.receptions.day.setDate(today.date())
    click(qtbot, window, "showReceptions")
    qtbot.waitUntil(lambda: window.receptions.table.rowCount() == 4, timeout=WAIT)
    assert window.receptions.table.item(0, 1).text() == DEMO_FACTS.name
    assert "staff_receptions_viewed" in {a for _, a, _ in audit_rows(lane)}
    window.tabs.setCurrentWidget(window.report)
    window.report.until.setDate(today.date())
    click(qtbot, window, "showReport")
    qtbot.waitUntil(lambda: window.report.table.rowCount() > 0, timeout=WAIT)
    totals = {window.report.table.item(r, 0).text().split()[0]: int(window.report.table.item(r, 1).text())
              for r in range(window.report.table.rowCount())}
    assert totals["T14"] == 3 and totals["T17"] == 3
    assert {c.trouble.value for c in window.report.chart.counts} == set(totals)
    out = tmp_path / "troubles.csv"
    window.report.export(str(out))
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("period_start,period_end")
    assert any(",T14," in line for line in out.read_text(encoding="utf-8").splitlines())


def test_an_offline_kiosk_shows_an_urgent_alert(qtbot, console_for, lane):
    window, kiosk, link = console_for(standing("valid-pin", lane, 0, state=State.IDLE))
    kiosk.stop_server()
    tile = window.tiles[kiosk.pairing.address]
    qtbot.waitUntil(lambda: any("受付機と通信できません" in w for w, _, _ in alert_lines(tile)), timeout=12000)
    assert window.console.urgent(kiosk.pairing.address)


def test_the_help_card_opens_even_when_the_kiosk_is_offline(qtbot, console_for, lane):
    window, kiosk, link = console_for(standing("valid-pin", lane, 0, state=State.IDLE))
    kiosk.stop_server()
    qtbot.waitUntil(lambda: not link.online, timeout=12000)
    click(qtbot, window, "action_notice")
    assert window.panel.stack.currentWidget() is window.panel.pages["notice"]
    assert not window.findChild(QPushButton, "noticeExplained").isVisible()

