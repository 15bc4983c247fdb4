"""「職員端末をつなぐ」 on the kiosk's own staff menu: a one-time pairing code and its QR code, so a reception
PC pairs without anyone typing a command (kiosk.staff.pairing_code).

Only a member of staff signed in at the kiosk reaches it (from the staff panel); showing a code and naming
the kiosk are audited with their name. A kiosk without a name is named first (「受付1」 suggested): the
console shows that name, never the host name. The code works once, for five minutes, and only while this
layer is open: hiding it, however it is hidden, withdraws the code.

Where the kiosk can share its store key, the layer has a second purpose, 「受付機を追加（同じ医院）」: the code
it then shows is for a new kiosk of the clinic (`kiosk hub join`), which receives the key from this kiosk
(kiosk.staff.clinic_key); choosing it shows a fresh code of that purpose and withdraws the other.
"""
from __future__ import annotations

from typing import Protocol

import segno
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from kiosk.staff import clinic_key as ck
from kiosk.staff import pairing_code as pc
from kiosk.ui import theme
from kiosk.ui.overlays import Overlay
from kiosk.ui.widgets import button, label

translate = QCoreApplication.translate

SUGGESTIONS = 4  # 「受付1」…「受付4」 as buttons: a touch screen has no keyboard
QR_PX = 380  # at scale 1: scanned from a metre by a USB scanner or a phone
CODE_PX = 64  # the code, read off the screen and typed at the reception PC
QR_QUIET = 4  # modules of white around the symbol, as the standard asks
REFRESH_MS = 500


class PairingSource(Protocol):
    """What the panel needs of the kiosk's staff channel (kiosk.staff.server.StaffServer)."""

    kiosk_name: str
    pairing_codes: pc.PairingCodes
    clinic_key: ck.ClinicKeyGiver | None  # None: this kiosk does not share its key

    def rename(self, name: str, staff: str) -> str: ...

    def offer(self, code: str) -> pc.PairingOffer: ...


def qr_matrix(payload: str) -> list[list[bool]]:
    """The QR code of ``payload`` (error correction M), dark modules True, without the quiet zone."""
    return [[bool(cell) for cell in row] for row in segno.make(payload, error="m").matrix]


def qr_image(matrix: list[list[bool]], size: int) -> QImage:
    """The matrix drawn in whole pixels per module (a blurred edge scans badly), quiet zone included."""
    modules = len(matrix) + 2 * QR_QUIET
    unit = max(1, size // modules)
    image = QImage(modules * unit, modules * unit, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    black = QColor("black").rgb()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                for dy in range(unit):
                    for dx in range(unit):
                        image.setPixel((x + QR_QUIET) * unit + dx, (y + QR_QUIET) * unit + dy, black)
    return image


def minutes_text(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))
    return translate("Staff", "あと{m}分{s:02d}秒").format(m=whole // 60, s=whole % 60)


class PairingPanel(Overlay):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pairingPanel")
        self.inner.setContentsMargins(40, 28, 40, 28)
        self.inner.setSpacing(16)
        self.staff = ""
        self.source: PairingSource | None = None
        self.code = ""
        self.purpose = pc.CONSOLE
        self.payload = ""
        self.matrix: list[list[bool]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        top = QHBoxLayout()
        self.title = label(translate("Staff", "職員端末をつなぐ"), "title", "pairing_title")
        top.addWidget(self.title, 1)
        # Where the kiosk shares its key, the two purposes stand in the title's place: the chosen one is it.
        self.purposes = QWidget()
        choice = QHBoxLayout(self.purposes)
        choice.setContentsMargins(0, 0, 0, 0)
        choice.setSpacing(12)
        self.for_console = button(translate("Staff", "職員端末をつなぐ"), "pairing_purpose_console", "",
                                  lambda: self._choose(pc.CONSOLE))
        self.for_kiosk = button(translate("Staff", "受付機を追加（同じ医院）"), "pairing_purpose_kiosk", "",
                                lambda: self._choose(pc.CLINIC_KEY))
        for b in (self.for_console, self.for_kiosk):
            b.setCheckable(True)
            b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            choice.addWidget(b)
        top.addWidget(self.purposes, 0, Qt.AlignmentFlag.AlignTop)
        top.addStretch(0)
        close = button(translate("Staff", "閉じる"), "pairing_close", "", self.hide)
        close.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.inner.addLayout(top)
        self.naming = self._naming_step()
        self.inner.addWidget(self.naming)
        self.showing = self._code_step()
        self.inner.addWidget(self.showing)

    # --- naming the kiosk -------------------------------------------------------------------------

    def _naming_step(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        hint = translate(
            "Staff", "この受付機の名前を決めてください。職員端末にこの名前で表示されます。")
        column.addWidget(label(hint, "", "pairing_name_hint"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("pairing_name_edit")
        self.name_edit.setMaxLength(32)
        self.name_edit.setStyleSheet("QLineEdit { border: 3px solid #2b2b2b; border-radius: 12px;"
                                     " padding: 8px 16px; min-height: 64px; background: white; }")
        column.addWidget(self.name_edit)
        row = QGridLayout()
        row.setSpacing(12)
        for i in range(SUGGESTIONS):
            name = self._suggestion(i + 1)
            row.addWidget(button(name, f"pairing_name_{i + 1}", "", lambda n=name: self.name_edit.setText(n)),
                          0, i)
        column.addLayout(row)
        self.name_error = label(translate("Staff", "名前を入力してください。"), "caution", "pairing_name_error")
        self.name_error.hide()
        column.addWidget(self.name_error)
        column.addStretch(1)
        column.addWidget(button(translate("Staff", "この名前にする"), "pairing_name_ok", "primary", self._name_chosen))
        self.name_edit.returnPressed.connect(self._name_chosen)
        return box

    @staticmethod
    def _suggestion(n: int) -> str:
        return translate("Staff", "受付{n}").format(n=n)

    def _name_chosen(self) -> None:
        if self.source is None:
            return
        try:
            self.source.rename(self.name_edit.text(), self.staff)
        except ValueError:
            self.name_error.show()
            return
        self._show_code()

    # --- the code ---------------------------------------------------------------------------------

    def _code_step(self) -> QWidget:
        box = QWidget()
        whole = QVBoxLayout(box)
        whole.setContentsMargins(0, 0, 0, 0)
        whole.setSpacing(10)
        # Across the whole width, above the code and its QR code: a wrapped label beside the QR code is given
        # the height its words need at the full width, and a third line would be cut.
        self.hint = label("", "", "pairing_hint")
        whole.addWidget(self.hint)
        row = QHBoxLayout()
        row.setSpacing(32)
        whole.addLayout(row, 1)
        column = QVBoxLayout()
        column.setSpacing(10)
        self.name_line = label("", "", "pairing_kiosk_name")
        self.address_line = label("", "", "pairing_address")
        column.addWidget(self.name_line)
        column.addWidget(self.address_line)
        self.code_label = label("", "", "pairing_code")
        self.code_label.setWordWrap(False)  # never broken inside a group
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        column.addWidget(self.code_label)
        self.countdown = label("", "muted", "pairing_countdown")
        column.addWidget(self.countdown)
        self.outcome = label("", "note", "pairing_outcome")
        column.addWidget(self.outcome)
        column.addStretch(1)
        self.again = button(translate("Staff", "新しいコードを表示"), "pairing_again", "", self._show_code)
        column.addWidget(self.again)
        row.addLayout(column, 1)
        self.qr = QLabel()
        self.qr.setObjectName("pairing_qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        return box

    def open(self, staff: str, source: PairingSource) -> None:
        self.staff, self.source = staff, source
        self.purpose = pc.CONSOLE  # a console first, as the staff menu's button says
        self._mark_purpose()
        self._restyle_code()
        if source.kiosk_name:
            self._show_code()
        else:
            self.naming.show()
            self.showing.hide()
            self.name_error.hide()
            self.name_edit.setText(self._suggestion(1))
        self.show_over()

    def _scale(self) -> float:
        """The screen's scale without a patient's 「文字を大きく」: this layer is for staff, and the code and
        its QR code must fit whole."""
        parent = self.parentWidget()
        return theme.scale_for(parent.width(), parent.height()) if parent is not None else 1.0

    def _restyle_code(self) -> None:
        scale = self._scale()
        self.setStyleSheet(theme.stylesheet(scale, str(getattr(self.parentWidget(), "language", "ja"))))
        px = round(CODE_PX * scale)
        self.code_label.setStyleSheet(f"font-size: {px}px; font-weight: bold; letter-spacing: 2px;")

    def _choose(self, purpose: str) -> None:
        """The other purpose: a fresh code for it (the one shown stops working)."""
        if purpose != self.purpose:
            self.purpose = purpose
            self._show_code()
        self._mark_purpose()  # a click on the chosen one leaves it chosen

    def _mark_purpose(self) -> None:
        joining = self.purpose == pc.CLINIC_KEY
        choosing = self.source is not None and self.source.clinic_key is not None and self.showing.isVisibleTo(self)
        self.purposes.setVisible(choosing)
        self.title.setVisible(not choosing)
        for b, chosen in ((self.for_console, not joining), (self.for_kiosk, joining)):
            b.setChecked(chosen)
            b.setProperty("kind", "primary" if chosen else "")
            b.style().unpolish(b)
            b.style().polish(b)
        self.title.setText(translate("Staff", "受付機を追加（同じ医院）") if joining
                           else translate("Staff", "職員端末をつなぐ"))
        if joining:
            hint = translate(
                "Staff", "新しい受付機で「kiosk hub join」を使い、QRコードかアドレスとコードを入力します。")
            hint += "\n" + translate("Staff", "鍵はこの受付機から直接渡し、ハブには送りません。")
        else:
            hint = translate(
                "Staff", "職員端末の「受付機を追加」で、QRコードを読み取るか、アドレスとコードを入力してください。")
        self.hint.setText(hint)

    def _show_code(self) -> None:
        source = self.source
        assert source is not None
        if self.purpose == pc.CLINIC_KEY and source.clinic_key is not None:
            source.clinic_key.last = None  # the outcome shown is this code's
        self.code, _ = source.pairing_codes.issue(self.staff, self.purpose)
        offer = source.offer(self.code)
        self.payload = ck.join_payload(offer) if self.purpose == pc.CLINIC_KEY else pc.payload_of(offer)
        self.matrix = qr_matrix(self.payload)
        self.qr.setPixmap(QPixmap.fromImage(qr_image(self.matrix, round(QR_PX * self._scale()))))
        self.name_line.setText(translate("Staff", "受付機の名前：{name}").format(name=source.kiosk_name))
        self.address_line.setText(translate("Staff", "アドレス：{address}").format(address=offer.address))
        self.code_label.setText(self.code)
        self.naming.hide()
        self.showing.show()
        self._mark_purpose()
        self._refresh()
        self._timer.start()

    def _refresh(self) -> None:
        if self.source is None:
            return
        status = self.source.pairing_codes.status()
        live = status.state == pc.LIVE
        self.countdown.setText(minutes_text(status.seconds_left) if live else "")
        self.countdown.setVisible(live)
        self.code_label.setEnabled(live)
        self.qr.setVisible(live)
        outcome = {
            pc.USED: translate("Staff", "職員端末とつながりました。この画面を閉じてください。"),
            pc.EXPIRED: translate("Staff", "時間切れです。新しいコードを表示してください。"),
            pc.WITHDRAWN: translate("Staff", "まちがったコードが続いたため、このコードは使えなくしました。"),
        }.get(status.state, "")
        handed, waiting = True, False  # whether the code did what it was shown for; whether that is known yet
        if status.state == pc.USED and self.purpose == pc.CLINIC_KEY:
            outcome, handed = self._handoff()
            waiting = not outcome  # the code checked out and the handshake runs on: look again
        self.outcome.setText(outcome)
        self.outcome.setVisible(bool(outcome))
        self.outcome.setProperty("role", "note" if status.state == pc.USED and handed else "caution")
        self.outcome.style().unpolish(self.outcome)
        self.outcome.style().polish(self.outcome)
        self.again.setVisible(not live and not waiting)
        if not live and not waiting:
            self._timer.stop()

    def _handoff(self) -> tuple[str, bool]:
        """What became of the clinic key, once the new kiosk used the code: the words, and whether it went
        ("" while the handshake still runs)."""
        giver = self.source.clinic_key if self.source is not None else None
        last = giver.last if giver is not None else None
        if last is None:
            return "", True
        outcome, name = last
        if outcome == ck.ClinicKeyGiver.SHARED:
            words = translate("Staff", "「{name}」に医院の鍵を渡しました。この画面を閉じてください。")
            return words.format(name=name), True
        if outcome == ck.ClinicKeyAlreadyHere.code:
            return translate("Staff", "「{name}」は、もうこの医院の鍵を持っています。").format(name=name), True
        words = translate("Staff", "「{name}」に鍵は渡していません。新しい受付機に出ている説明を見てください。")
        return words.format(name=name), False

    def hideEvent(self, event) -> None:
        """However the layer goes (閉じる, the next patient, a language change), its code stops working."""
        timer = getattr(self, "_timer", None)  # Overlay hides itself before this layer is built
        if timer is not None:
            timer.stop()
        source: PairingSource | None = getattr(self, "source", None)
        if source is not None:
            source.pairing_codes.withdraw()
        super().hideEvent(event)
