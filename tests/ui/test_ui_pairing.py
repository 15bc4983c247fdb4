"""The two screens of pairing by code, on a real staff server: the kiosk's 「職員端末をつなぐ」 layer (naming the
kiosk, the code, its QR code read back by OpenCV's decoder, the countdown, the code withdrawn when the layer
goes) and the console's 「受付機を追加」 dialog (typed, scanned, refused by name)."""
from __future__ import annotations

import cv2
import numpy as np
import pytest
import segno
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

import tests.staff.conftest as staff_fixtures
from kiosk.core.states import State
from kiosk.core.view import Verdict
from kiosk.staff import pairing_code as pc
from kiosk.staff.client import pair_by_code
from kiosk.staff.errors import PairingCodeRefused
from kiosk.staff.identity import PairingBook, stored_name
from kiosk.ui.demo import DEMO_STAFF, DEMO_STAFF_PIN
from kiosk.ui.language import Languages
from kiosk.ui.staff.add_kiosk import AddKioskDialog, add_kiosk
from kiosk.ui.staff.console import Console
from kiosk.ui.staff_sign_in import FixedSignIn
from kiosk.ui.window import KioskWindow
from tests.staff.conftest import Kiosk, audit_rows, standing

# The staff tests' kiosk store (with their staff account) and the kiosks started on it, as fixtures here.
lane = staff_fixtures.lane
kiosk_for = staff_fixtures.kiosk_for


@pytest.fixture
def staff_kiosk(lane, kiosk_for):
    """A kiosk's real staff server (its flow on its own thread), started without a name unless asked."""

    def start(name: str = "") -> Kiosk:
        return kiosk_for(standing("valid-pin", lane, 0, state=State.IDLE), name)

    return start


@pytest.fixture
def window(qtbot):
    languages = Languages()
    w = KioskWindow(FixedSignIn(DEMO_STAFF, DEMO_STAFF_PIN), languages, send=lambda event: Verdict(False, "test"))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    yield w
    languages.apply("ja")


def open_pairing(qtbot, window, kiosk: Kiosk) -> None:
    window.set_pairing(kiosk.server)
    window.show_view(kiosk.run(kiosk.flow.view))
    window.show()
    qtbot.waitExposed(window)
    window.staff_panel.open(DEMO_STAFF, window.view)
    pair = window.staff_panel.pair_button
    assert pair.isVisible()
    qtbot.mouseClick(pair, Qt.MouseButton.LeftButton)
    assert window.pairing_panel.isVisible() and not window.staff_panel.isVisible()


def click(qtbot, window, name: str) -> None:
    b = window.findChild(QPushButton, name)
    assert b is not None and b.isVisible(), name
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def decode(label: QLabel) -> str:
    image = label.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(height, stride)[:, :width].copy()
    # OpenCV's detector misses some symbols at one size and reads them at another (a phone or a scanner
    # sees many sizes): the symbol reads back if any whole-pixel scale of it does.
    for factor in (1, 2, 3, 4):
        scaled = cv2.resize(pixels, None, fx=factor, fy=factor, interpolation=cv2.INTER_NEAREST)
        text, _, _ = cv2.QRCodeDetector().detectAndDecode(scaled)
        if text:
            return text
    return ""


def test_the_kiosk_is_named_first_then_shows_a_code_and_a_qr_code_that_reads_back(qtbot, window, staff_kiosk):
    kiosk = staff_kiosk()
    open_pairing(qtbot, window, kiosk)
    panel = window.pairing_panel
    assert panel.naming.isVisible() and not panel.showing.isVisible()
    assert panel.name_edit.text() == "受付1"  # suggested; never the host name
    panel.name_edit.clear()
    click(qtbot, window, "pairing_name_ok")
    assert panel.name_error.isVisible() and kiosk.server.kiosk_name == ""
    click(qtbot, window, "pairing_name_2")
    assert panel.name_edit.text() == "受付2"
    click(qtbot, window, "pairing_name_ok")
    assert kiosk.server.kiosk_name == "受付2"
    assert stored_name(kiosk.server.identity.cert_path.parent) == "受付2"

    assert panel.showing.isVisible() and not panel.naming.isVisible()
    code = panel.code_label.text()
    assert pc.looks_like_code(code)
    assert panel.countdown.text() == "あと5分00秒"
    assert panel.name_line.text() == "受付機の名前：受付2"
    assert panel.address_line.text() == f"アドレス：{kiosk.pairing.address}"
    assert decode(panel.qr) == panel.payload
    assert panel.matrix == [[bool(c) for c in row] for row in segno.make(panel.payload, error="m").matrix]
    offer = pc.offer_of(panel.payload)
    assert offer is not None and offer.code == code and offer.fingerprint == kiosk.server.identity.fingerprint

    pairing = pair_by_code(offer)
    assert pairing.name == "受付2" and pairing.secret
    qtbot.waitUntil(lambda: panel.outcome.isVisible(), timeout=5000)
    assert "つながりました" in panel.outcome.text()
    assert not panel.qr.isVisible() and panel.again.isVisible()
    rows = [(actor, action) for actor, action, _ in audit_rows(kiosk.lane)]  # once the lane has written them
    assert (DEMO_STAFF, "kiosk_named") in rows and (DEMO_STAFF, "staff_pairing_code_shown") in rows


def test_closing_the_layer_withdraws_its_code_and_a_named_kiosk_is_not_asked_again(qtbot, window, staff_kiosk):
    kiosk = staff_kiosk("入口")
    open_pairing(qtbot, window, kiosk)
    panel = window.pairing_panel
    assert not panel.naming.isVisible() and panel.showing.isVisible()
    offer = pc.offer_of(panel.payload)
    click(qtbot, window, "pairing_close")
    assert not panel.isVisible()
    with pytest.raises(PairingCodeRefused) as caught:
        pair_by_code(offer)
    assert caught.value.code == pc.WITHDRAWN


def test_without_a_staff_channel_the_staff_menu_offers_no_pairing(qtbot, window, staff_kiosk):
    kiosk = staff_kiosk("入口")
    window.show_view(kiosk.run(kiosk.flow.view))
    window.show()
    window.staff_panel.open(DEMO_STAFF, window.view)
    assert not window.staff_panel.pair_button.isVisible()


def test_the_layer_reads_in_english_too(qtbot, window, staff_kiosk):
    kiosk = staff_kiosk("Front")
    window.set_language("en")
    open_pairing(qtbot, window, kiosk)
    texts = [w.text() for w in window.pairing_panel.findChildren(QLabel) if w.isVisible()]
    assert "Kiosk name: Front" in texts and "5:00 left" in texts


# --- the console's dialog ---------------------------------------------------------------------------------


def test_the_dialog_pairs_by_a_typed_code_after_saying_why_a_wrong_one_failed(qtbot, staff_kiosk):
    kiosk = staff_kiosk("受付3")
    code, _ = kiosk.server.pairing_codes.issue("sato")
    dialog = AddKioskDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.address, kiosk.pairing.address)
    qtbot.keyClicks(dialog.code, "1234")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert "12文字" in dialog.message.text()  # said at once, nothing sent
    dialog.code.clear()
    wrong = next(c for c in iter(pc.new_code, None) if c != code)
    qtbot.keyClicks(dialog.code, wrong)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "コードが違います" in dialog.message.text(), timeout=10000)
    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code.lower().replace("-", " "))
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pairing is not None, timeout=10000)
    assert dialog.pairing.name == "受付3" and dialog.pairing.address == kiosk.pairing.address
    assert "「受付3」を追加しました。" == dialog.message.text()


def test_a_scanned_payload_typed_into_any_field_fills_the_others_and_pins_the_certificate(qtbot, staff_kiosk):
    kiosk = staff_kiosk("受付4")
    code, _ = kiosk.server.pairing_codes.issue("sato")
    payload = pc.payload_of(kiosk.server.offer(code))
    dialog = AddKioskDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.address, payload)  # the scanner typed while the address field had the focus
    assert dialog.address.text() == f"127.0.0.1:{kiosk.server.address[1]}" and dialog.code.text() == code
    assert "読み取りました" in dialog.message.text() and dialog.scan.text() == ""
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pairing is not None, timeout=10000)
    assert dialog.pairing.fingerprint == kiosk.server.identity.fingerprint


def test_a_scanned_payload_for_another_certificate_is_refused_before_the_code_is_spent(qtbot, staff_kiosk):
    kiosk = staff_kiosk("受付5")
    code, _ = kiosk.server.pairing_codes.issue("sato")
    offer = kiosk.server.offer(code)
    forged = pc.payload_of(pc.PairingOffer(offer.host, offer.port, code, ":".join(["AB"] * 32)))
    dialog = AddKioskDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.scan, forged)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "証明書" in dialog.message.text(), timeout=10000)
    assert dialog.pairing is None and kiosk.server.pairing_codes.status().state == pc.LIVE


def test_add_kiosk_keeps_the_pairing_and_watches_the_kiosk_under_its_name(qtbot, tmp_path, staff_kiosk):
    kiosk = staff_kiosk("受付6")
    code, _ = kiosk.server.pairing_codes.issue("sato")
    payload = pc.payload_of(kiosk.server.offer(code))
    book = PairingBook(tmp_path / "console" / "kiosks.json")
    console = Console(kiosk.server.address[1])

    scanned: list[AddKioskDialog] = []

    def scan() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AddKioskDialog) and dialog.isVisible() and not scanned:
            scanned.append(dialog)
            qtbot.keyClicks(dialog.scan, payload)
            qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)  # the scanner's Enter
            dialog.ok.click()

    timer = QTimer()
    timer.timeout.connect(scan)
    timer.start(100)
    try:
        pairing = add_kiosk(console, book)
    finally:
        timer.stop()
    try:
        assert pairing is not None and book.get(pairing.address) == pairing
        link = console.links[pairing.address]
        assert link.wait_online(10)
        assert console.name_of(pairing.address) == "受付6"
    finally:
        console.stop()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_patients_large_text_never_cuts_the_code_or_the_qr_code(qtbot, window, staff_kiosk, lang):
    kiosk = staff_kiosk("受付1")
    window.set_language(lang)
    window.show_view(kiosk.run(kiosk.flow.view))
    window.toggle_large_text()  # left on by the patient before staff came
    assert window.large_text
    open_pairing(qtbot, window, kiosk)
    panel = window.pairing_panel
    qtbot.waitUntil(lambda: panel.code_label.width() > 0)
    card = panel.card.geometry()
    for widget in (panel.code_label, panel.qr, panel.address_line, panel.countdown):
        assert widget.width() >= widget.sizeHint().width(), widget.objectName()
        box = widget.geometry().translated(widget.parentWidget().mapTo(panel, widget.parentWidget().rect().topLeft()))
        assert card.contains(box), widget.objectName()
    assert decode(panel.qr) == panel.payload
