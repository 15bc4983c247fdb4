"""``kiosk demo``: the real kiosk window and flow on simulated devices, for demos and staff training.

Threads, timers and the clock are the real ones (ThreadedTaskRunner through QtPoster, SystemClock); only
the devices are stand-ins, built in :func:`build_demo_devices` so the real card reader, terminal and
camera can replace them in one place. A side panel picks the demo patient and places or takes the card.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.errors import Cancelled
from kiosk.core.fakes import (
    FakeCardFaceReader, FakeCardReader, FakeFaceAuthenticator, FakeQualificationChecker, MemoryPublisher, MemoryStore,
)
from kiosk.core.flow import Devices, ReceptionFlow
from kiosk.core.ports import CancelToken
from kiosk.core.tasks import SerialStore, SystemClock, ThreadedTaskRunner
from kiosk.scenarios import SCENARIOS, Scenario
from kiosk.ui.driver import KioskDriver, QtPoster
from kiosk.ui.language import Languages
from kiosk.ui.window import KioskWindow

translate = QCoreApplication.translate

DEMO_STAFF = "demo-staff"
DEMO_STAFF_PIN = "0000"
PACE_SECONDS = 1.2  # about what a real read, PIN check or terminal answer takes


def demo_verify_staff(pin: str) -> str | None:
    """The demo's only staff account; real accounts come from the store (kiosk.store.staff_accounts)."""
    return DEMO_STAFF if pin == DEMO_STAFF_PIN else None


class Paced:
    """A stand-in device that takes about as long as a real one, so the busy screens are seen.

    Waits on the call's CancelToken before passing the call on: a cancel still ends it at once."""

    def __init__(self, device, seconds: float = PACE_SECONDS) -> None:
        self._device = device
        self._seconds = seconds

    def __getattr__(self, name):
        attr = getattr(self._device, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            token = next((a for a in (*args, *kwargs.values()) if isinstance(a, CancelToken)), None)
            if token is not None and token.wait(self._seconds):
                raise Cancelled()
            return attr(*args, **kwargs)

        return call


@dataclass(frozen=True)
class DemoDevices:
    card: object
    card_face: object
    face: object
    qualification: object
    store: object
    publisher: object


def build_demo_devices(scenario: Scenario, pace: float = PACE_SECONDS) -> DemoDevices:
    """The devices of one demo patient. Swap these for the virtual card, terminal simulator and camera."""
    card = FakeCardReader(replace(scenario.card), SystemClock())
    return DemoDevices(
        card=Paced(card, pace),
        card_face=Paced(FakeCardFaceReader(scenario.code_b), pace),
        face=Paced(FakeFaceAuthenticator(list(scenario.face)), pace),
        qualification=Paced(FakeQualificationChecker(scenario.result, scenario.check_error), pace),
        store=MemoryStore(),
        publisher=MemoryPublisher(),
    )


class DemoRig:
    """One scenario's flow, wired to the window with the real runner, clock and store thread."""

    def __init__(self, window: KioskWindow, scenario: Scenario, pace: float = PACE_SECONDS) -> None:
        self.scenario = scenario
        self.poster = QtPoster(window)  # Qt owns it: deleted on the UI thread, never by a worker's GC
        parts = build_demo_devices(scenario, pace)
        self.store = SerialStore(parts.store)
        flow = ReceptionFlow(Devices(
            card=parts.card, card_face=parts.card_face, face=parts.face, qualification=parts.qualification,
            store=self.store, publisher=parts.publisher, runner=ThreadedTaskRunner(self.poster.post),
            clock=SystemClock(),
        ))
        self.driver = KioskDriver(flow, window)
        self.driver.start()

    def close(self) -> None:
        self.driver.stop()
        self.poster.close()
        self.store.close()


class DemoPanel(QWidget):
    """Staff-training controls beside the kiosk: which patient, and the card going in and out."""

    def __init__(self, window: KioskWindow, scenario: Scenario, pace: float = PACE_SECONDS) -> None:
        super().__init__()
        self.window = window
        self.pace = pace
        self.setFixedWidth(340)
        self.setStyleSheet("QWidget { font-size: 18px; } QPushButton { min-height: 56px; }")
        box = QVBoxLayout(self)
        box.addWidget(QLabel(translate("Demo", "研修用シナリオ")))
        self.chooser = QComboBox()
        self.chooser.setObjectName("scenarioChooser")
        for i, s in enumerate(SCENARIOS.values()):
            self.chooser.addItem(s.title, s.name)
            self.chooser.setItemData(i, s.summary, Qt.ToolTipRole)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box.addWidget(self.chooser)
        box.addWidget(self.summary)
        for text, name, event in (
            (translate("Demo", "カードを置く"), "demo_insert", ev.CardInserted()),
            (translate("Demo", "カードを取る"), "demo_remove", ev.CardRemovedEvent()),
            (translate("Demo", "リーダーを外す"), "demo_reader_lost", ev.ReaderLost()),
            (translate("Demo", "リーダーを戻す"), "demo_reader_back", ev.ReaderRestored()),
        ):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(lambda _=False, e=event: self.rig.driver.dispatch(e))
            box.addWidget(b)
        hint = QLabel(translate("Demo", "職員メニュー：左上のマークを3秒押す（暗証番号 {pin}）").format(pin=DEMO_STAFF_PIN))
        hint.setWordWrap(True)
        box.addWidget(hint)
        box.addStretch(1)
        self.rig = DemoRig(window, scenario, pace)
        self.chooser.setCurrentIndex(list(SCENARIOS).index(scenario.name))
        self._describe(scenario)
        self.chooser.currentIndexChanged.connect(self._switch)

    def _describe(self, scenario: Scenario) -> None:
        self.summary.setText(scenario.summary)

    def _switch(self, index: int) -> None:
        scenario = SCENARIOS[self.chooser.itemData(index)]
        self.rig.close()
        self.rig = DemoRig(self.window, scenario, self.pace)
        self._describe(scenario)


def run_demo(scenario_name: str, windowed: bool = False, lang: str = "ja") -> int:
    scenario = SCENARIOS.get(scenario_name)
    if scenario is None:
        print(f"kiosk demo: unknown scenario {scenario_name!r}; one of: {', '.join(SCENARIOS)}")
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = KioskWindow(demo_verify_staff, Languages())
    window.set_language(lang)
    shell = QWidget()
    shell.setWindowTitle("kiosk demo")
    row = QHBoxLayout(shell)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(window, 1)
    panel = DemoPanel(window, scenario)
    row.addWidget(panel)
    if windowed:
        shell.resize(1280 + panel.width(), 800)
        shell.show()
    else:
        shell.showFullScreen()
    code = app.exec()
    panel.rig.close()
    return code
