"""「受付機を追加（同じ医院）」, the pairing layer's second purpose, on a real staff server whose store key is a key
file: choosing it shows a fresh code for a new kiosk (the console's code withdrawn), its QR code reads back as
the `kiosk hub join` payload, and once a new kiosk joined by it the layer says to whom the key went."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.config import Config
from kiosk.core.states import State
from kiosk.staff import clinic_key as ck
from kiosk.staff import pairing_code as pc
from kiosk.staff.client import pair_by_code
from kiosk.staff.errors import PairingCodeRefused
from kiosk.store.keys import FileKeyProvider
from kiosk.ui.demo import DEMO_STAFF
from tests.staff.conftest import Kiosk, audit_rows, open_lane, standing
from tests.ui import test_ui_pairing as pairing_screens
from tests.ui.test_ui_pairing import click, decode, open_pairing

window = pairing_screens.window  # the kiosk's window of the pairing tests, as a fixture here

SHOTS = os.environ.get("PAIRING_PANEL_SHOTS", "")  # a folder: the layer is saved there as PNG to look at


@pytest.fixture
def kiosk_a(tmp_path):
    """Kiosk A: its staff server reads the store key from the same key folder its store opened with."""
    folder = tmp_path / "a"
    lane = open_lane(folder)
    kiosk = Kiosk(standing("valid-pin", lane, 0, state=State.IDLE), lane, folder, "受付1")
    yield kiosk
    kiosk.stop()
    lane.close()


def new_kiosk(folder: Path) -> Config:
    return Config(data_dir=folder / "b", key_dir=folder / "b-keys", terminal_root=folder / "b" / "terminal",
                  key_provider="file", kiosk_name="受付2")


def shot(window, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()  # the layout after the last change, as the screen shows it
        window.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_the_second_purpose_shows_a_code_for_a_new_kiosk_and_says_where_the_key_went(qtbot, tmp_path, window,
                                                                                   kiosk_a):
    open_pairing(qtbot, window, kiosk_a)
    panel = window.pairing_panel
    assert panel.purposes.isVisible() and not panel.title.isVisible()  # the choice stands in the title's place
    assert panel.for_console.isChecked() and not panel.for_kiosk.isChecked()
    assert panel.for_console.property("kind") == "primary" and not panel.for_kiosk.property("kind")
    console_offer = pc.offer_of(panel.payload)
    assert console_offer is not None

    click(qtbot, window, "pairing_purpose_kiosk")
    assert panel.purpose == pc.CLINIC_KEY and panel.for_kiosk.isChecked() and not panel.for_console.isChecked()
    assert panel.for_kiosk.property("kind") == "primary" and not panel.for_console.property("kind")
    assert "kiosk hub join" in panel.hint.text() and "ハブには送りません" in panel.hint.text()
    offer = ck.join_offer(panel.payload)
    assert offer is not None and offer.code == panel.code_label.text() != console_offer.code
    assert offer.fingerprint == kiosk_a.server.identity.fingerprint
    assert decode(panel.qr) == panel.payload and panel.payload.startswith("KIOSKJOIN/")
    assert panel.countdown.isVisible() and panel.countdown.text().startswith("あと")  # no clock read here
    with pytest.raises(PairingCodeRefused) as caught:  # the console's code went when the purpose changed
        pair_by_code(console_offer)
    assert caught.value.code == pc.WITHDRAWN
    shot(window, "pairing_clinic_key_ja")

    b = new_kiosk(tmp_path)
    joined = ck.join(b, offer)
    assert FileKeyProvider(b.key_dir).load() == FileKeyProvider(tmp_path / "a" / "keys").load()
    assert joined.giver == "受付1"
    qtbot.waitUntil(lambda: panel.outcome.isVisible(), timeout=5000)
    assert panel.outcome.text() == "「受付2」に医院の鍵を渡しました。この画面を閉じてください。"
    assert not panel.qr.isVisible() and panel.again.isVisible()
    shot(window, "pairing_clinic_key_done_ja")

    rows = audit_rows(kiosk_a.lane)
    assert any(r[:2] == (DEMO_STAFF, "staff_pairing_code_shown") and "purpose=clinic_key" in r[2] for r in rows)
    assert [r[0] for r in rows if r[1] == "clinic_key_shared"] == [DEMO_STAFF]

    click(qtbot, window, "pairing_purpose_console")  # back: a console's code again
    assert panel.purpose == pc.CONSOLE and pc.offer_of(panel.payload) is not None
    assert "職員端末の「受付機を追加」" in panel.hint.text() and panel.for_console.isChecked()
    shot(window, "pairing_console_ja")


def test_a_new_kiosk_that_declines_is_said_plainly(qtbot, tmp_path, window, kiosk_a):
    open_pairing(qtbot, window, kiosk_a)
    click(qtbot, window, "pairing_purpose_kiosk")
    panel = window.pairing_panel
    b = new_kiosk(tmp_path)
    FileKeyProvider(b.key_dir).create()  # a key of its own already
    with pytest.raises(ck.ClinicKeyOtherStore):
        ck.join(b, ck.join_offer(panel.payload))
    qtbot.waitUntil(lambda: panel.outcome.isVisible(), timeout=5000)
    assert panel.outcome.text() == "「受付2」に鍵は渡していません。新しい受付機に出ている説明を見てください。"
    assert panel.outcome.property("role") == "caution"


def test_the_choice_reads_in_english(qtbot, window, kiosk_a):
    window.set_language("en")
    open_pairing(qtbot, window, kiosk_a)
    click(qtbot, window, "pairing_purpose_kiosk")
    panel = window.pairing_panel
    texts = [w.text() for w in panel.findChildren(QLabel) if w.isVisible()]
    assert panel.for_kiosk.text() == "Add a kiosk (same clinic)" and panel.for_console.text() == "Connect a staff PC"
    assert any("kiosk hub join" in t and "never to the hub" in t for t in texts)
    shot(window, "pairing_clinic_key_en")


def test_a_kiosk_that_does_not_share_its_key_offers_no_choice(qtbot, window, kiosk_a):
    kiosk_a.server.clinic_key = None
    open_pairing(qtbot, window, kiosk_a)
    assert not window.pairing_panel.purposes.isVisible() and window.pairing_panel.title.isVisible()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_patients_large_text_never_cuts_the_choice_the_code_or_the_qr_code(qtbot, window, kiosk_a, lang):
    window.set_language(lang)
    window.show_view(kiosk_a.run(kiosk_a.flow.view))
    window.toggle_large_text()  # left on by the patient before staff came
    open_pairing(qtbot, window, kiosk_a)
    click(qtbot, window, "pairing_purpose_kiosk")
    panel = window.pairing_panel
    QApplication.processEvents()
    card = panel.card.geometry()
    for widget in (panel.for_console, panel.for_kiosk, panel.hint, panel.code_label, panel.qr, panel.countdown):
        assert widget.width() >= widget.sizeHint().width() or widget is panel.hint, widget.objectName()
        assert widget.height() >= widget.heightForWidth(widget.width()), widget.objectName()  # no line cut
        box = widget.geometry().translated(widget.parentWidget().mapTo(panel, widget.parentWidget().rect().topLeft()))
        assert card.contains(box), widget.objectName()
    assert decode(panel.qr) == panel.payload
