"""「受付機を追加」: pair this console with a kiosk by the one-time code its staff menu shows.

Staff type the kiosk's address and code, or scan its QR code: a USB QR scanner types like a keyboard
into whichever field has the focus, so every field takes a scanned payload and fills the others (the
payload also carries the certificate's fingerprint, checked before the code is proven). IT may type the
long-lived pairing secret (`kiosk staff secret`) in the code field instead. On success the dialog says
the name the kiosk was given; the caller keeps the pairing and adds the kiosk's tile.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from kiosk.staff import pairing_code as pc
from kiosk.staff.client import pair, pair_by_code
from kiosk.staff.errors import PairingCodeRefused
from kiosk.staff.identity import Pairing, PairingBook, normalise_secret, parse_address
from kiosk.staff.messages import DEFAULT_PORT
from kiosk.ui.staff.calls import call
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.pages import button, label
from kiosk.ui.staff.style import TITLE_PX
from kiosk.ui.staff.texts import error_text, tr

SECRET_LENGTH = 16  # the long-lived secret, XXXX-XXXX-XXXX-XXXX (kiosk.staff.identity)


def refusal_text(code: str, detail: str = "") -> str:
    """Why a kiosk would not take a code, in words that say what to do next."""
    text = {
        pc.WRONG: tr("コードが違います。受付機に表示されているコードを確かめてください。"),
        pc.EXPIRED: tr("コードの有効期限（5分）が切れました。受付機で新しいコードを表示してください。"),
        pc.USED: tr("このコードはもう使われました。受付機で新しいコードを表示してください。"),
        pc.WITHDRAWN: tr("このコードは使えなくなりました（画面が閉じられたか、まちがいが続きました）。"
                         "受付機で新しいコードを表示してください。"),
        pc.NONE_SHOWN: tr("受付機にコードが表示されていません。"
                          "受付機の職員メニューで「職員端末をつなぐ」を押してください。"),
        pc.SLOWED: tr("まちがいが続いたため、%1秒待ってからもう一度試してください。").replace("%1", detail or "…"),
        "bad_address": tr("受付機のアドレスを入力してください（例：192.168.1.20:47810）。"),
        "bad_code": tr("コードは英数字12文字です（例：ABCD-EFGH-JKLM）。"),
    }.get(code)
    return text if text is not None else error_text(code)


class AddKioskDialog(QDialog):
    def __init__(self, parent=None, default_port: int = DEFAULT_PORT) -> None:
        super().__init__(parent)
        self.default_port = default_port
        self.pairing: Pairing | None = None
        self._fingerprint = ""  # from a scanned QR code: the certificate must be this one
        self._busy = False
        self.setObjectName("page")
        self.setWindowTitle(tr("受付機を追加"))
        self.setMinimumWidth(620)
        self.setStyleSheet(f"QLineEdit {{ font-size: {TITLE_PX}px; min-height: 48px; }}"
                           f"QLabel[role=\"field\"] {{ font-weight: bold; }}")
        layout = self._column = QVBoxLayout(self)
        layout.addWidget(label(tr("受付機を追加"), "title"))
        layout.addWidget(label(tr("受付機の職員メニューで「職員端末をつなぐ」を押すと、"
                                  "コードとQRコードが表示されます。"
                                  "QRコードを読み取るか、アドレスとコードを入力してください。"), "note"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.scan = QLineEdit()
        self.scan.setObjectName("addKioskScan")
        self.scan.setPlaceholderText(tr("ここを押してからQRコードを読み取る"))
        self.address = QLineEdit()
        self.address.setObjectName("addKioskAddress")
        self.address.setPlaceholderText("192.168.1.20:47810")
        self.code = QLineEdit()
        self.code.setObjectName("addKioskCode")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX")
        for caption, edit in ((tr("QRコード"), self.scan), (tr("受付機のアドレス"), self.address),
                              (tr("コード"), self.code)):
            field = label(caption, "field")
            field.setWordWrap(False)  # beside its field, centred on it
            field.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            form.addRow(field, edit)
        layout.addLayout(form)
        for edit in (self.scan, self.address, self.code):
            edit.textChanged.connect(lambda text, edit=edit: self._scanned(edit, text))
        self.address.textEdited.connect(self._forget_fingerprint)
        self.message = label("", "caution", "addKioskMessage")
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.ok = button(tr("追加する"), "addKioskOk", "primary")
        self.cancel = button(tr("やめる"), "addKioskCancel")
        self.ok.clicked.connect(self.submit)
        self.code.returnPressed.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        row.addWidget(self.ok)
        row.addWidget(self.cancel)
        layout.addLayout(row)

    def _scanned(self, edit: QLineEdit, text: str) -> None:
        """A scanner's payload, typed into any field: spread over the fields, the fingerprint kept."""
        offer = pc.offer_of(text)
        if offer is None:
            return
        self._fingerprint = offer.fingerprint
        for other in (self.scan, self.address, self.code):
            other.blockSignals(True)
        self.scan.setText("")  # ready for another scan; the payload's parts are in the fields below
        self.address.setText(offer.address)
        self.code.setText(offer.code)
        for other in (self.scan, self.address, self.code):
            other.blockSignals(False)
        self._say(tr("QRコードを読み取りました。「追加する」を押してください。"), "note")
        if edit is self.scan:  # a scanner ends with Enter: the scan field's is the add button's
            self.ok.setFocus()

    def _forget_fingerprint(self) -> None:
        self._fingerprint = ""  # another address typed: the scanned pin was for the other kiosk

    def submit(self) -> None:
        if self._busy:
            return
        address, code = self.address.text().strip(), self.code.text()
        try:
            host, port = parse_address(address, self.default_port)
        except ValueError:
            host, port = "", 0
        if not host:
            self.fail("bad_address")
            return
        if pc.looks_like_code(code):
            offer = pc.PairingOffer(host, port, code, self._fingerprint)

            def work() -> Pairing | PairingCodeRefused:
                try:
                    return pair_by_code(offer)
                except PairingCodeRefused as exc:  # with its detail (the seconds to wait), which call() drops
                    return exc
        elif len(normalise_secret(code)) == SECRET_LENGTH:  # IT's long-lived secret, as `kiosk staff pair`
            def work() -> Pairing | PairingCodeRefused:
                return pair(f"{host}:{port}", code, self.default_port)
        else:
            self.fail("bad_code")
            return
        self._busy = True
        self.ok.setEnabled(False)
        self._say(tr("受付機に接続しています…"), "note")
        call(work, self._answered, self)

    def _answered(self, pairing: Pairing | PairingCodeRefused | None, error: str | None) -> None:
        self._busy = False
        self.ok.setEnabled(True)
        if isinstance(pairing, PairingCodeRefused):
            self.fail(pairing.code, pairing.detail)
            return
        if pairing is None:
            self.fail(error or "staff_channel_timeout")
            return
        self.pairing = pairing
        self._say(tr("「%1」を追加しました。").replace("%1", pairing.name or pairing.address), "note")
        self.accept()

    def fail(self, code: str, detail: str = "") -> None:
        self._say(refusal_text(code, detail), "caution")
        self.code.setFocus()

    def _say(self, text: str, role: str) -> None:
        self.message.setText(text)
        self.message.setProperty("role", role)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()
        needed = self._column.totalHeightForWidth(self.width())  # a wrapped message needs its lines
        if needed > self.height():
            self.resize(self.width(), needed)


def add_kiosk(console: Console, book: PairingBook, parent=None) -> Pairing | None:
    """Ask, pair, keep the pairing and watch the kiosk; the pairing, or None when staff gave up."""
    dialog = AddKioskDialog(parent, console.default_port)
    if not dialog.exec() or dialog.pairing is None:
        return None
    pairing = dialog.pairing
    book.save(pairing)
    old = console.links.pop(pairing.address, None)  # paired again (a new install): the old link goes
    if old is not None:
        old.stop()
    console.add(pairing)
    return pairing
