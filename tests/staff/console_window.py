"""The real console's window signed in to a test kiosk, and the words its labels show: how the console tests
(tests/staff, tests/ui) reach the staff widgets. Qt is imported here, not in the staff conftest, so the
channel's tests stay Qt-free."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from kiosk.staff.client import KioskLink
from kiosk.staff.identity import Pairing
from kiosk.staff.messages import DEFAULT_PORT
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.window import ConsoleWindow
from tests.staff.conftest import PASSWORD, USER


def signed_in_window(qtbot, pairing: Pairing, user: str = USER,
                     password: str = PASSWORD) -> tuple[Console, KioskLink, ConsoleWindow]:
    """A console paired by ``pairing`` with ``user`` signed in, and its window shown at the kiosk's size. The
    caller stops the console; if the kiosk never answers, it is stopped here before the test fails."""
    console = Console(DEFAULT_PORT)
    link = console.add(pairing)
    if not link.wait_online(5):
        console.stop()
        raise AssertionError(f"the console did not reach the kiosk at {pairing.address}")
    link.sign_in(user, password)
    window = ConsoleWindow(console, user)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return console, link, window


def texts(widget: QWidget) -> str:
    """What the visible labels in ``widget`` say, a line each."""
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())
