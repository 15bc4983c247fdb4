import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.ui.demo import DEMO_STAFF, DEMO_STAFF_PIN
from kiosk.ui.language import Languages
from kiosk.ui.staff_sign_in import FixedSignIn
from kiosk.ui.window import Assistance, KioskWindow


class Kiosk:
    """A kiosk window on a rig's flow (a harness, or a held rig standing in a state), driven by real clicks."""

    def __init__(self, qtbot, rig, size=(1280, 800), voice=None, assistance=Assistance()):
        self.qtbot = qtbot
        self.rig = rig
        self.flow = rig.flow
        self.window = KioskWindow(FixedSignIn(DEMO_STAFF, DEMO_STAFF_PIN), Languages(), send=rig.flow.dispatch,
                                  voice=voice, assistance=assistance)
        rig.flow.add_listener(self.window.show_view)
        qtbot.addWidget(self.window)
        self.window.resize(*size)
        self.window.show_view(rig.flow.view())
        self.window.show()
        qtbot.waitExposed(self.window)

    @property
    def view(self):
        return self.flow.view()

    def buttons(self, name: str) -> list[QPushButton]:
        return [b for b in self.window.findChildren(QPushButton, name) if b.isVisible()]

    def button(self, name: str) -> QPushButton:
        found = self.buttons(name)
        assert found, f"no visible button {name!r} on {self.flow.state.value}"
        return found[0]

    def click(self, name: str) -> None:
        b = self.button(name)
        assert b.isEnabled(), f"{name} is disabled"
        self.qtbot.mouseClick(b, Qt.LeftButton)

    def keypad(self, digits: str) -> None:
        for d in digits:
            self.click(f"key_{d}")

    def texts(self) -> list[str]:
        widgets = self.window.findChildren(QLabel) + self.window.findChildren(QPushButton)
        return [w.text() for w in widgets if w.isVisible()]

    def label(self, name: str) -> QLabel:
        return self.window.findChild(QLabel, name)

    def title(self) -> str:
        return next(lab.text() for lab in self.window.findChildren(QLabel, "title") if lab.isVisible())


@pytest.fixture
def kiosk_for(qtbot):
    languages = []

    def make(rig, size=(1280, 800), **options):
        k = Kiosk(qtbot, rig, size, **options)
        languages.append(k.window.languages)
        return k

    yield make
    for lang in languages:  # never leave an English translator installed for the next test
        lang.apply("ja")
