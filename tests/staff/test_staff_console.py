"""Each staff task on the real console widgets, against a real kiosk flow behind a loopback channel."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from kiosk.camera.replay import ReplaySource
from kiosk.core import events as ev
from kiosk.core.domain import IdentityMethod
from kiosk.core.fakes import DEMO_FACTS, DEMO_RECORD, FakeCard, ManualRunner
from kiosk.core.harness import make_harness, reach, settle
from kiosk.core.ports import ReceptionRecord
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import State
from kiosk.staff.server import DEFAULT_PORT
from kiosk.ui.driver import QtPoster
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.screenshots import _gaiji_rig, _history, sample_chip_photo, sample_portrait
from kiosk.ui.staff.window import ConsoleWindow

from tests.staff.conftest import PASSWORD, USER, start_kiosk


@pytest.fixture
def console_for(qtbot, tmp_path, accounts):
    made = []

    def make(rig, frames=None):
        poster = QtPoster()
        kiosk = start_kiosk(rig, poster.post, accounts, tmp_path / f"kiosk{len(made)}", frames)
        console = Console(DEFAULT_PORT)
        link = console.add(kiosk.pairing)
        made.append((kiosk, console, poster))
        assert link.wait_online(5)
        link.sign_in(USER, PASSWORD)
        window = ConsoleWindow(console, USER)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitUntil(lambda: link.snapshot is not None and link.snapshot.view.state is rig.state, timeout=5000)
        return window, kiosk, link

    yield make
    for kiosk, console, poster in made:
        console.stop()
        kiosk.server.stop()
        poster.close()


def click(qtbot, window, name: str) -> None:
    target = window.findChild(QPushButton, name)
    assert target is not None, name
    qtbot.waitUntil(target.isEnabled, timeout=5000)
    qtbot.mouseClick(target, Qt.LeftButton)


def audit_actions(kiosk):
    return [(actor, action, detail) for actor, action, detail in kiosk.rig.store.audit_log]


def test_visual_takeover_in_two_taps_moves_the_kiosk_on(qtbot, console_for):
    rig = reach(State.WAITING_STAFF)
    rig.card.card.photo = sample_chip_photo()
    camera = ReplaySource([np.asarray(sample_portrait((180, 180, 170), (320, 240)))])
    window, kiosk, link = console_for(rig, frames=camera)
    tries_before = rig.flow.view().pin_tries_left
    click(qtbot, window, "action_takeover")
    page = window.panel.pages["takeover"]
    qtbot.waitUntil(lambda: page.photo.pixmap() is not None and not page.photo.pixmap().isNull(), timeout=5000)
    qtbot.waitUntil(lambda: page.still.pixmap() is not None and not page.still.pixmap().isNull(), timeout=5000)
    assert DEMO_FACTS.name in page.facts.text()
    click(qtbot, window, "confirmPerson")
    qtbot.waitUntil(lambda: rig.state is State.CHECKING, timeout=5000)
    settle(rig)
    assert rig.state is State.CONSENT
    assert rig.flow.view().pin_tries_left == tries_before
    qtbot.waitUntil(lambda: window.panel.stack.currentIndex() == 0, timeout=5000)
    assert page.photo.pixmap() is None or page.photo.pixmap().isNull()  # not kept after the answer
    actions = [(a, b) for a, b, _ in audit_actions(kiosk)]
    assert (USER, "staff_takeover") in actions and (USER, "StaffVisualCheck") in actions
    camera.close()


def test_staff_type_code_b_when_the_card_face_cannot_be_read_and_may_refuse(qtbot, console_for):
    rig = reach(State.WAITING_STAFF)
    rig.card_face.code_b = None
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_takeover")
    page = window.panel.pages["takeover"]
    qtbot.waitUntil(page.code_row.isVisible, timeout=5000)
    assert "カメラ" in page.still.text()  # no camera: the still is skipped with a note
    qtbot.keyClicks(window.findChild(QLineEdit, "codeB"), rig.card.card.code_b)
    click(qtbot, window, "readCodeB")
    qtbot.waitUntil(lambda: DEMO_FACTS.name in page.facts.text(), timeout=5000)
    assert not page.code_row.isVisible()
    click(qtbot, window, "rejectPerson")
    qtbot.waitUntil(lambda: rig.state is State.ENDED, timeout=5000)
    assert rig.flow.session.outcome.value == "not_confirmed"


def test_choose_one_of_several_records(qtbot, console_for):
    rig = reach(State.QUAL_SEVERAL)
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_records")
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "record1") is not None, timeout=5000)
    click(qtbot, window, "record1")
    qtbot.waitUntil(lambda: rig.state is State.CONSENT, timeout=5000)
    assert rig.flow.session.chosen == rig.flow.session.result.records[1]


def test_check_by_insurance_card_data_feeds_the_flow(qtbot, console_for):
    rig = reach(State.QUAL_NONE)
    rig.checker.result = QualificationResult(Validity.VALID, (DEMO_RECORD,))
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_insurance")
    for name, text in (("insurer_number", "06139999"), ("card_symbol", "1234"), ("card_number", "5678"),
                       ("branch_number", "01")):
        qtbot.keyClicks(window.findChild(QLineEdit, name), text)
    assert window.findChild(QLineEdit, "birth_date").text() == DEMO_FACTS.birth_date.isoformat()
    click(qtbot, window, "runInsuranceCheck")
    qtbot.waitUntil(lambda: rig.state is State.CONSENT, timeout=5000)
    query = rig.checker.insurance_checks[-1]
    assert (query.insurer_number, query.card_number, query.birth_date) == ("06139999", "5678", DEMO_FACTS.birth_date)


def test_fallback_on_the_last_visits_record(qtbot, console_for):
    rig = reach(State.TERMINAL_DOWN)
    start = rig.clock.now() - timedelta(days=30)
    rig.store.receptions.append(ReceptionRecord("earlier", start, start, "completed", facts=DEMO_FACTS,
                                                billing=DEMO_RECORD))
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_fallback")
    click(qtbot, window, "useLastVisit")
    qtbot.waitUntil(lambda: rig.state is State.DONE, timeout=5000)
    settle(rig)
    saved = rig.store.receptions[-1]
    assert saved.outcome == "fallback" and saved.billing.insurer_number == DEMO_RECORD.insurer_number
    assert "last_visit" in saved.notes


def test_fallback_on_a_declaration_bills_unknown(qtbot, console_for):
    rig = reach(State.QUAL_NONE)
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_fallback")
    qtbot.waitUntil(lambda: window.findChild(QLineEdit, "decl_name").text() == DEMO_FACTS.name, timeout=5000)
    assert not window.findChild(QPushButton, "useLastVisit").isEnabled()
    window.findChild(QLineEdit, "decl_name_kana").insert("ミホン タロウ")  # QTest types ASCII only
    qtbot.keyClicks(window.findChild(QLineEdit, "decl_contact"), "090-0000-0000")
    click(qtbot, window, "useDeclaration")
    qtbot.waitUntil(lambda: rig.state is State.DONE, timeout=5000)
    assert rig.flow.session.billing.insurer_number == "77777777"
    assert rig.flow.session.billing_basis == "declaration"


def test_correct_a_black_circle_name(qtbot, console_for):
    rig = _gaiji_rig()
    window, kiosk, link = console_for(rig)
    assert "●" in rig.flow.view().patient_name
    click(qtbot, window, "action_name")
    field = window.findChild(QLineEdit, "correctedName")
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "applyName").isEnabled(), timeout=5000)
    field.clear()
    field.insert("見本 太郎")
    click(qtbot, window, "applyName")
    qtbot.waitUntil(lambda: rig.flow.view().patient_name == "見本 太郎", timeout=5000)
    assert rig.state is State.CONSENT


def test_acknowledge_public_subsidy_and_explain_the_notice(qtbot, console_for):
    rig = reach(State.CONSENT)
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_subsidy")
    qtbot.waitUntil(lambda: not window.findChild(QPushButton, "action_subsidy").isEnabled(), timeout=5000)
    click(qtbot, window, "action_notice")
    assert window.findChild(QPushButton, "noticeExplained").isVisible()
    click(qtbot, window, "noticeExplained")
    qtbot.waitUntil(lambda: window.panel.stack.currentIndex() == 0, timeout=5000)
    details = [d for a, b, d in audit_actions(kiosk) if b == "staff_acknowledged"]
    assert any("what=public_subsidy_seen trouble=T10" in d for d in details)
    assert any("what=notice_explained trouble=T11" in d for d in details)


def test_acknowledge_a_burden_ratio_change(qtbot, console_for):
    rig = make_harness(FakeCard(), runner=ManualRunner())
    earlier = rig.clock.now() - timedelta(days=40)
    rig.store.receptions.append(ReceptionRecord("earlier", earlier, earlier, "completed", facts=DEMO_FACTS,
                                                billing=replace(DEMO_RECORD, burden_percent=20)))
    rig.send(ev.CardInserted())
    settle(rig)
    rig.send(ev.ChooseMethod(IdentityMethod.PIN), ev.SubmitPin("1234"))
    settle(rig, 2)
    window, kiosk, link = console_for(rig)
    assert "T7" in link.snapshot.view.troubles
    assert any("T7" in l.text() for l in window.panel.findChildren(QLabel))  # the alert, with its reason
    click(qtbot, window, "action_burden")
    qtbot.waitUntil(lambda: "burden_changed" in link.snapshot.detail["acks"], timeout=5000)
    qtbot.waitUntil(lambda: not window.findChild(QPushButton, "action_burden").isEnabled(), timeout=5000)


def test_resume_and_end_from_the_console(qtbot, console_for):
    rig = reach(State.WAITING_STAFF)
    window, kiosk, link = console_for(rig)
    click(qtbot, window, "action_resume")
    qtbot.waitUntil(lambda: rig.state is State.CHOOSE_METHOD, timeout=5000)
    rig.send(ev.CallStaff())
    click(qtbot, window, "action_end")
    qtbot.waitUntil(lambda: rig.state is State.ENDED, timeout=5000)


def test_receptions_and_trouble_report_with_csv(qtbot, console_for, tmp_path):
    rig = reach(State.IDLE)
    _history(rig)
    window, kiosk, link = console_for(rig)
    window.tabs.setCurrentWidget(window.receptions)
    window.receptions.day.setDate(rig.clock.now().date())
    click(qtbot, window, "showReceptions")
    qtbot.waitUntil(lambda: window.receptions.table.rowCount() == 3, timeout=5000)
    assert window.receptions.table.item(0, 1).text() == DEMO_FACTS.name
    window.tabs.setCurrentWidget(window.report)
    window.report.until.setDate(rig.clock.now().date())
    click(qtbot, window, "showReport")
    qtbot.waitUntil(lambda: window.report.table.rowCount() > 0, timeout=5000)
    totals = {window.report.table.item(r, 0).text().split()[0]: int(window.report.table.item(r, 1).text())
              for r in range(window.report.table.rowCount())}
    assert totals["T14"] == 3 and totals["T17"] == 3
    assert {c.trouble.value for c in window.report.chart.counts} == set(totals)
    out = tmp_path / "troubles.csv"
    window.report.export(str(out))
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("period_start,period_end")
    assert any(",T14," in line for line in out.read_text(encoding="utf-8").splitlines())


def test_an_offline_kiosk_shows_an_urgent_alert(qtbot, console_for):
    rig = reach(State.IDLE)
    window, kiosk, link = console_for(rig)
    kiosk.server.stop()
    tile = window.tiles[kiosk.pairing.address]
    qtbot.waitUntil(lambda: any("オフライン" in l.text() for l in tile.findChildren(QLabel)), timeout=12000)
    assert window.console.urgent(kiosk.pairing.address)


def test_the_help_card_opens_even_when_the_kiosk_is_offline(qtbot, console_for):
    window, kiosk, link = console_for(reach(State.IDLE))
    kiosk.server.stop()
    qtbot.waitUntil(lambda: not link.online, timeout=12000)
    click(qtbot, window, "action_notice")
    assert window.panel.stack.currentWidget() is window.panel.pages["notice"]
    assert not window.findChild(QPushButton, "noticeExplained").isVisible()
