"""Pairing and signing in through the console's dialogs, and one console watching two kiosks."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.core import events as ev
from kiosk.core.states import SPECS, State
from kiosk.staff.identity import PairingBook
from kiosk.staff.messages import DEFAULT_PORT
from kiosk.ui.staff.app import pair_interactively, sign_in
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.dialogs import PairDialog, SignInDialog
from kiosk.ui.staff.window import AlertLine, ConsoleWindow
from tests.staff.conftest import PASSWORD, USER, standing


@pytest.fixture
def kiosks(kiosk_for, lane):
    return [kiosk_for(standing("valid-pin", lane, 0, state=State.IDLE), "入口"),
            kiosk_for(standing("valid-pin", lane, 2, state=State.PIN), "奥")]


def drive(kind, steps, seen):
    """Answer the modal dialog of ``kind`` with each step in turn, noting what it said before."""
    def tick() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() and steps:
            seen.append(dialog.message.text() if dialog.message.isVisible() else "")
            steps.pop(0)(dialog)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(100)
    return timer


def test_pairing_dialog_refuses_a_wrong_secret_then_pins(qtbot, tmp_path, kiosks):
    book = PairingBook(tmp_path / "console.json")
    kiosk = kiosks[0]

    def answer(secret):
        def step(dialog):
            dialog.address.setText(kiosk.pairing.address)
            dialog.secret.setText(secret)
            dialog.accept()
        return step

    seen = []
    timer = drive(PairDialog, [answer("AAAA-BBBB-CCCC-DDDD"), answer(kiosk.pairing.secret)], seen)
    assert pair_interactively(book, "")
    timer.stop()
    assert seen[1] == "ペアリングの合言葉が違います。"
    assert book.get(kiosk.pairing.address).fingerprint == kiosk.pairing.fingerprint


def test_one_console_signs_in_to_two_kiosks_and_sees_which_needs_help(qtbot, kiosks):
    console = Console(DEFAULT_PORT)
    links = [console.add(k.pairing) for k in kiosks]
    try:
        assert all(link.wait_online(5) for link in links)
        window = ConsoleWindow(console)
        qtbot.addWidget(window)
        window.show()
        assert window.sign_in_button.isVisible()

        def answer(password):
            def step(dialog):
                dialog.user.setText(USER)
                dialog.password.setText(password)
                dialog.accept()
            return step

        seen = []
        timer = drive(SignInDialog, [answer("wrong-password"), answer(PASSWORD)], seen)
        sign_in(console, window)
        timer.stop()
        assert seen[1] == "職員名またはパスワードが違います。", "no lock countdown: a console cannot lock an account"
        assert all(link.signed_in for link in links)
        assert not window.sign_in_button.isVisible()
        qtbot.waitUntil(lambda: all(link.snapshot is not None for link in links), timeout=5000)

        kiosks[1].run(lambda: kiosks[1].flow.dispatch(ev.CallStaff()))
        second = window.tiles[kiosks[1].pairing.address]
        calling = "患者が「職員を呼ぶ」を押しました"
        qtbot.waitUntil(lambda: any(calling in label.text() for label in second.findChildren(QLabel)), timeout=5000)
        assert SPECS[State.WAITING_STAFF].alert.text in second.findChild(AlertLine).findChild(QLabel).text()
        first = window.tiles[kiosks[0].pairing.address]
        assert first.findChildren(AlertLine) == []
        assert console.urgent(kiosks[1].pairing.address) and not console.urgent(kiosks[0].pairing.address)
    finally:
        console.stop()
