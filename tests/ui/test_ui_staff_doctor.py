"""The console's 「点検」: a kiosk's tile opens its ``kiosk doctor`` report, read over the real staff channel
from a running kiosk (a live rig, its real staff server, a real store) whose configured reader is not there."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.doctor.findings import Level
from kiosk.doctor.messages import render
from kiosk.ui.staff.app import install_language
from kiosk.ui.staff.doctor_panel import DoctorDialog
from kiosk.ui.staff.style import stylesheet
from tests.staff.conftest import Kiosk, audit_rows, open_lane, standing
from tests.staff.console_window import signed_in_window
from tests.staff.test_staff_doctor import absent_reader_setup

WAIT = 30000  # ms: a ceiling for a condition, not a pause (every check has a deadline of its own)


@pytest.fixture
def console(qtbot, tmp_path):
    """A kiosk on the idle screen whose reader is absent, and a console window signed in to it."""
    lane = open_lane(tmp_path / "store")
    kiosk = Kiosk(standing("valid-pin", lane, 0), lane, tmp_path / "kiosk", "受付1")
    kiosk.folder = tmp_path / "kiosk"
    kiosk.server.doctor.setup = lambda: absent_reader_setup(kiosk)
    console, link, window = signed_in_window(qtbot, kiosk.pairing)
    qtbot.waitUntil(lambda: link.snapshot is not None, timeout=WAIT)
    yield window, kiosk, link
    console.stop()
    kiosk.stop()
    lane.close()


def open_doctor(qtbot, window) -> DoctorDialog:
    tile = next(iter(window.tiles.values()))
    qtbot.mouseClick(tile.findChild(QPushButton, "doctor"), Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(window.findChildren(DoctorDialog)), timeout=WAIT)
    dialog = window.findChildren(DoctorDialog)[0]
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    return dialog


def test_the_tile_opens_the_kiosks_report_with_a_cross_on_the_reader(qtbot, console):
    window, kiosk, _link = console
    dialog = open_doctor(qtbot, window)
    assert len(dialog.lines) == 13
    reader = dialog.lines["reader"]
    assert reader.level is Level.PROBLEM and reader.mark.text() == "×"
    assert reader.found.text().startswith("カードリーダー：")
    assert reader.todo is not None and reader.todo.text().startswith("→ ")
    assert reader.todo.text() == "→ " + render(dialog.report.lines[0].what_to_do, "ja")
    assert dialog.lines["camera"].mark.text() == "○" and dialog.lines["camera"].todo is None
    assert dialog.summary.text().startswith("問題 ")
    assert len(audit_rows(kiosk.lane, "doctor_viewed")) == 1
    # 「もう一度調べる」 asks the kiosk again: a second run, a second audited look.
    first = dialog.report
    qtbot.mouseClick(dialog.findChild(QPushButton, "doctorAgain"), Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not first, timeout=WAIT)
    assert kiosk.server.doctor.runs == 2
    assert len(audit_rows(kiosk.lane, "doctor_viewed")) == 2


def test_a_kiosk_that_does_not_answer_is_said_so_and_can_be_asked_again(qtbot, console):
    window, kiosk, link = console
    release = threading.Event()
    setup = kiosk.server.doctor.setup

    def hanging() -> object:
        release.wait(30)
        return setup()

    kiosk.server.doctor.setup = hanging
    try:
        dialog = DoctorDialog(link, "受付1", window, answer_within=1.0)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT)
        assert "返事がありません" in dialog.message.text()
        assert dialog.report is None and dialog.lines == {}
        again = dialog.findChild(QPushButton, "doctorAgain")
        assert again.isEnabled()
    finally:
        release.set()


def test_before_sign_in_the_panel_says_to_sign_in(qtbot, console):
    window, kiosk, link = console
    link.sign_out()
    dialog = DoctorDialog(link, "受付1", window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.message.isVisible() and "サインイン" in dialog.message.text()
    assert kiosk.server.doctor.runs == 0


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_report_renders_in_japanese_and_english(qtbot, console, lang, tmp_path):
    window, _kiosk, _link = console
    app = QApplication.instance()
    translator = install_language(app, lang)
    app.setStyleSheet(stylesheet())
    try:
        dialog = open_doctor(qtbot, window)
        dialog.resize(900, 1500)  # every line in the picture, none behind the scroll bar
        QApplication.processEvents()
        reader = dialog.lines["reader"]
        if lang == "en":
            assert reader.found.text().startswith("card reader: ")
            assert dialog.findChild(QPushButton, "doctorAgain").text() == "Check again"
        else:
            assert dialog.findChild(QPushButton, "doctorAgain").text() == "もう一度調べる"
        for line in dialog.lines.values():  # nothing cut: every line's words fit the width they are given
            assert line.found.width() <= line.width()
            assert line.found.heightForWidth(line.found.width()) <= line.found.height() + 1
        out = Path(os.environ.get("DOCTOR_SHOTS_DIR") or tmp_path)
        out.mkdir(parents=True, exist_ok=True)
        assert dialog.grab().save(str(out / f"staff_doctor_{lang}.png"))
        tile = next(iter(window.tiles.values()))
        doctor = tile.findChild(QPushButton, "doctor")
        assert doctor.width() >= doctor.sizeHint().width()  # 「点検」 / "Check" whole on the tile
        if lang == "ja":  # the window was built (in Japanese) before this language was installed
            assert window.grab().save(str(out / "staff_doctor_tile.png"))
    finally:
        app.setStyleSheet("")
        if translator is not None:
            QApplication.removeTranslator(translator)
