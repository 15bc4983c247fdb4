"""The numbers of a 不詳 re-check entered on the real console widgets: the follow-ups list says they are
missing, the dialog names what is wrong in plain words (and sends nothing then), and once they are right
the kiosk's worker re-checks and the result replaces the row."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import State
from kiosk.core.tasks import TaskManager
from kiosk.core.values import InsuranceCardQuery
from kiosk.simulation.fakes import FakeQualificationChecker
from kiosk.staff import polling
from kiosk.staff.follow_ups import AwaitingNumbers
from kiosk.store.recheck import RecheckWorker
from kiosk.ui.staff.app import install_language
from kiosk.ui.staff.dialogs import RecheckNumbersDialog
from tests.staff.conftest import USER, Kiosk, audit_rows, standing
from tests.staff.console_window import signed_in_window, texts
from tests.staff.test_staff_recheck_numbers import FOUND, NEWCOMER, queue_unknown

FOUND_QUERY = InsuranceCardQuery("39131015", "", "00112233", "01", NEWCOMER.birth_date)


@pytest.fixture(autouse=True)
def quick_poll(monkeypatch):
    """The worker writes its result in the background; the kiosk's poll brings it to consoles."""
    monkeypatch.setattr(polling, "FOLLOW_UP_POLL", 0.1)


def _type(dialog: RecheckNumbersDialog, **values: str) -> None:
    for key, value in values.items():
        dialog.fields[key].setText(value)
    dialog.ok.click()


def test_staff_enter_the_numbers_and_the_recheck_result_replaces_the_row(qtbot, lane, tmp_path):
    item = queue_unknown(lane.store)
    kiosk = Kiosk(standing("valid-pin", lane, 0, state=State.IDLE), lane, tmp_path / "staff")
    terminal = FakeQualificationChecker(QualificationResult(Validity.VALID, (FOUND,)))
    tasks = TaskManager(lambda fn: fn(), workers=1, name="test-recheck")
    worker = RecheckWorker(lane, terminal, interval=3600)
    worker.start(tasks)
    console, link, window = signed_in_window(qtbot, kiosk.pairing)
    try:
        qtbot.waitUntil(lambda: "保険証の番号が未入力です" in texts(window.panel.follow_ups), timeout=5000)
        row = texts(window.panel.follow_ups)
        assert f"保険証の番号が未入力です：{NEWCOMER.name} 様（1948-06-03 生）" in row
        assert "2026-11-20 09:30 の受付、不詳（申立書） で請求" in row

        qtbot.mouseClick(window.findChild(QPushButton, f"enterRecheckNumbers{item}"), Qt.LeftButton)
        dialog = window.findChild(RecheckNumbersDialog)
        assert dialog is not None and dialog.isVisible()
        assert dialog.findChild(QLabel, "recheckBirthDate").text() == "1948-06-03"
        # Four inputs, none of them the birth date, and large enough to read digits across a desk.
        inputs = dialog.findChildren(QLineEdit)
        assert sorted(e.objectName() for e in inputs) == [
            "recheck_branch_number", "recheck_card_number", "recheck_card_symbol", "recheck_insurer_number"]
        assert all(e.height() >= 56 and e.font().pixelSize() >= 28 for e in inputs)

        _type(dialog, insurer_number="0613999", card_number="", branch_number="1")
        message = dialog.findChild(QLabel, "recheckNumbersMessage")
        assert message.isVisible()
        assert message.text().splitlines() == [
            "保険者番号は8桁です（国民健康保険は6桁）。", "番号を入力してください。",
            "枝番は2桁の数字です（例：01）。枝番がなければ空欄にしてください。"]
        assert dialog.focusWidget() is dialog.fields["insurer_number"]
        _type(dialog, insurer_number="3913-1015", card_number="00112233", branch_number="01")
        assert message.text() == "保険者番号は数字だけで入力してください。"
        _type(dialog, insurer_number="", card_symbol="記" * 39)
        assert message.text().splitlines() == ["保険者番号を入力してください。", "記号が長すぎます（38文字まで）。"]
        assert [i.id for i in lane.store.rechecks_awaiting_numbers()] == [item]  # nothing was sent
        assert terminal.insurance_checks == []

        # Digits typed with the Japanese input method on are digits.
        _type(dialog, insurer_number="３９１３１０１５", card_symbol="", card_number="００１１２２３３")
        qtbot.waitUntil(lambda: window.findChild(RecheckNumbersDialog) is None, timeout=5000)  # closed and gone
        qtbot.waitUntil(lambda: "保険者番号：請求 77777777 → 再確認 39131015" in texts(window.panel.follow_ups),
                        timeout=5000)
        assert "保険証の番号が未入力です" not in texts(window.panel.follow_ups)
        assert "番号を受け付けました。" in texts(window.panel.follow_ups)
        assert window.findChild(QPushButton, f"acknowledgeRecheck{item}") is not None
        [query] = terminal.insurance_checks
        assert (query.insurer_number, query.card_number, query.branch_number, query.birth_date) == (
            "39131015", "00112233", "01", NEWCOMER.birth_date)
        assert audit_rows(lane, "recheck_numbers_set") == [(USER, "recheck_numbers_set",
                                                             f"id={item} session=unknown-1")]
    finally:
        console.stop()
        worker.stop()
        tasks.close()
        kiosk.stop()


def test_a_refusal_stays_in_the_dialog_in_plain_words(qtbot, lane, tmp_path):
    item = queue_unknown(lane.store)
    kiosk = Kiosk(standing("valid-pin", lane, 0, state=State.IDLE), lane, tmp_path / "staff")
    console, link, window = signed_in_window(qtbot, kiosk.pairing)
    try:
        qtbot.waitUntil(lambda: len(link.follow_ups.awaiting) == 1, timeout=5000)
        [awaiting] = link.follow_ups.awaiting
        dialog = window.panel.follow_ups.enter_numbers(awaiting)
        assert dialog is not None
        lane.store.set_recheck_query(item, FOUND_QUERY, "another-console")  # someone else was quicker
        _type(dialog, insurer_number="39131015", card_number="00112233")
        message = dialog.findChild(QLabel, "recheckNumbersMessage")
        qtbot.waitUntil(lambda: message.isVisible(), timeout=5000)
        assert message.text() == "この受付の番号はすでに入力されています。再確認の結果を待ってください。"
        assert dialog.isVisible() and dialog.ok.isEnabled()

        stale = AwaitingNumbers(item + 100, "gone", awaiting.billed_at, awaiting.name, awaiting.birth_date)
        unknown = window.panel.follow_ups.enter_numbers(stale)
        assert unknown is not None
        _type(unknown, insurer_number="39131015", card_number="00112233")
        unknown_message = unknown.findChild(QLabel, "recheckNumbersMessage")
        qtbot.waitUntil(lambda: unknown_message.isVisible(), timeout=5000)
        assert unknown_message.text() == "この再確認は受付機の記録にありません。"
    finally:
        console.stop()
        kiosk.stop()


def test_the_validation_reads_in_english(qtbot, qapp):
    translator = install_language(qapp, "en")
    try:
        item = AwaitingNumbers(1, "s", datetime(2026, 11, 20, 9, 30).astimezone(), "見本 次郎", date(1948, 6, 3))
        dialog = RecheckNumbersDialog(item)
        qtbot.addWidget(dialog)
        _type(dialog, insurer_number="12345", card_number="1", branch_number="abc")
        assert dialog.message.text().splitlines() == [
            "The insurer number has 8 digits (6 for National Health Insurance).",
            "The branch number is 2 digits (e.g. 01). Leave it empty if the card has none."]
        assert dialog.windowTitle() == "Enter the insurance card numbers"
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
