"""``kiosk demo``: the kiosk on the embedded demo devices, for demos and staff training.

Everything is the clinic's real code (see :mod:`kiosk.embedded`): the virtual card behind real pcscd,
the terminal simulator exchanging real files, the replay camera, the store in the configured data
directory, the staff channel a console can pair with. A side panel picks the demo patient (the packaged
scenario scripts of ``kiosk simulate``: their card, terminal answer and camera) and puts the card into
the reader or takes it out, as a patient would; the trainee plays the patient's taps.
"""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.embedded import DemoPatient
from kiosk.simulation.script import Script, named
from kiosk.ui.language import Languages
from kiosk.ui.runtime import KioskRuntime, assistance_of, quit_on_signals
from kiosk.ui.staff_sign_in import AccountsSignIn
from kiosk.ui.window import KioskWindow

translate = QCoreApplication.translate

DEMO_STAFF = "demo-staff"
DEMO_STAFF_PIN = "00000000"


def ensure_demo_staff(accounts) -> bool:
    """A training account in a store that has none yet; a store with real accounts is left alone."""
    from kiosk.store.staff_accounts import Role

    if accounts.accounts():
        return False
    accounts.create(DEMO_STAFF, DEMO_STAFF_PIN, Role.RECEPTION, actor="kiosk-demo")
    return True


class DemoPanel(QWidget):
    """Staff-training controls beside the kiosk: which patient, and the card going in and out."""

    def __init__(self, embedded, scripts: dict[str, Script], current: str) -> None:
        super().__init__()
        self.embedded = embedded
        self.scripts = scripts
        self.setFixedWidth(340)
        self.setStyleSheet("QWidget { font-size: 18px; } QPushButton { min-height: 56px; }")
        box = QVBoxLayout(self)
        box.addWidget(QLabel(translate("Demo", "研修用シナリオ")))
        self.chooser = QComboBox()
        self.chooser.setObjectName("scenarioChooser")
        for i, s in enumerate(scripts.values()):
            self.chooser.addItem(s.title, s.name)
            self.chooser.setItemData(i, s.summary, Qt.ItemDataRole.ToolTipRole)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box.addWidget(self.chooser)
        box.addWidget(self.summary)
        self._button(box, translate("Demo", "カードを置く"), "demo_insert", embedded.insert)
        self._button(box, translate("Demo", "カードを取る"), "demo_remove", embedded.remove)
        if embedded.owns_reader:  # only a pcscd we started can be stopped and started like a pulled cable
            self._button(box, translate("Demo", "リーダーを外す"), "demo_reader_lost", embedded.unplug_reader)
            self._button(box, translate("Demo", "リーダーを戻す"), "demo_reader_back", embedded.plug_reader)
        hint = QLabel(translate("Demo", "職員メニュー：左上のマークを3秒押す（{name}、暗証番号 {pin}）")
                      .format(name=DEMO_STAFF, pin=DEMO_STAFF_PIN))
        hint.setWordWrap(True)
        box.addWidget(hint)
        box.addStretch(1)
        self.chooser.setCurrentIndex(list(scripts).index(current))
        self.summary.setText(scripts[current].summary)
        self.chooser.currentIndexChanged.connect(self._switch)

    def _button(self, box: QVBoxLayout, text: str, name: str, action) -> None:
        b = QPushButton(text)
        b.setObjectName(name)
        b.clicked.connect(lambda _=False: action())
        box.addWidget(b)

    def _switch(self, index: int) -> None:
        script = self.scripts[self.chooser.itemData(index)]
        if self.embedded.card_present:
            self.embedded.remove()  # the previous patient takes their card
        self.embedded.switch(demo_patient(script))
        self.summary.setText(script.summary)


def demo_patient(script: Script) -> DemoPatient:
    return DemoPatient(script.patient, script.terminal, script.camera)


def run_demo(scenario_name: str, windowed: bool = False, lang: str = "ja") -> int:
    from kiosk.config import load
    from kiosk.core.errors import KioskError
    from kiosk.embedded import EmbeddedDevices
    from kiosk.store.staff_accounts import StaffAccounts
    from kiosk.voice.build import build_voice

    scripts = named()
    script = scripts.get(scenario_name)
    if script is None:
        print(f"kiosk demo: unknown scenario {scenario_name!r}; one of: {', '.join(scripts)}")
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    quit_on_signals(app)
    try:
        config = load()
        embedded = EmbeddedDevices(config, demo_patient(script)).start()
    except KioskError as error:
        print(f"kiosk demo: {error.code}: {error}")
        return 1
    try:
        accounts = StaffAccounts(embedded.store)
        if ensure_demo_staff(accounts):
            print(f"kiosk demo: created the training staff account {DEMO_STAFF} (PIN {DEMO_STAFF_PIN})")
        voice = build_voice(config)  # its engines load off the UI thread while the window is built
        window = KioskWindow(AccountsSignIn(accounts), Languages(), voice=voice, assistance=assistance_of(config))
        window.set_language(lang)
        runtime = KioskRuntime(window, config, embedded.devices, devices="embedded")
        shell = QWidget()
        shell.setWindowTitle("kiosk demo")
        row = QHBoxLayout(shell)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(window, 1)
        panel = DemoPanel(embedded, scripts, scenario_name)
        row.addWidget(panel)
        if windowed:
            shell.resize(1280 + panel.width(), 800)
            shell.show()
        else:
            shell.showFullScreen()
        print(f"kiosk demo: staff console port {config.staff_port}; pair from the staff menu's 職員端末をつなぐ "
              "(or `kiosk staff secret` on this machine)")
        try:
            return app.exec()
        finally:  # also on Ctrl+C: the staff channel, the re-check and the workers stop before the devices
            runtime.close()
            voice.close()
    finally:
        embedded.close()
