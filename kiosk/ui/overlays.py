"""Layers over the current screen: the "still there?" warning, the staff PIN pad and the staff panel.

Each covers the whole window with a dimmed backdrop so nothing underneath can be touched by mistake.
"""
from __future__ import annotations

from typing import Callable, Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.flow import View
from kiosk.core.states import IN_SESSION, State
from kiosk.ui import theme
from kiosk.ui.widgets import button, label

translate = QCoreApplication.translate



class StaffSignIn(Protocol):
    """Who may open the staff panel on the kiosk (``kiosk.ui.staff_sign_in`` has the store's accounts)."""

    def names(self) -> list[str]: ...

    def verify(self, name: str, pin: str) -> str | None:
        """The staff member's name when the PIN is theirs; None otherwise (and the failure is counted)."""


class Overlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WA_StyledBackground, False)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignCenter)
        self.card = QFrame()
        self.card.setObjectName("overlayCard")
        self.inner = QVBoxLayout(self.card)
        self.inner.setContentsMargins(48, 40, 48, 40)
        self.inner.setSpacing(24)
        outer.addWidget(self.card)
        self.hide()

    def paintEvent(self, _event) -> None:
        QPainter(self).fillRect(self.rect(), theme.DIM)

    def mousePressEvent(self, event) -> None:
        event.accept()  # the backdrop swallows touches meant for nothing

    def show_over(self) -> None:
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()


class WarningOverlay(Overlay):
    """「操作を続けますか？」 with the seconds left and one big 続ける."""

    def __init__(self, parent: QWidget, send: Callable[[ev.Event], None]) -> None:
        super().__init__(parent)
        self.setObjectName("warningOverlay")
        title = label(translate("Overlay", "操作を続けますか？"), "title", "warning_title")
        title.setAlignment(Qt.AlignCenter)
        self.inner.addWidget(title)
        self.seconds = label("", "", "warning_seconds")
        self.seconds.setAlignment(Qt.AlignCenter)
        self.inner.addWidget(self.seconds)
        go_on = button(translate("Overlay", "続ける"), "btn_continue", "primary", lambda: send(ev.Touch()))
        go_on.setProperty("big", True)
        go_on.setMinimumWidth(520)
        self.inner.addWidget(go_on, 0, Qt.AlignHCenter)

    def update_view(self, view: View) -> None:
        n = view.seconds_left if view.seconds_left is not None else 0
        self.seconds.setText(translate("Overlay", "あと{n}秒で終了します。").format(n=n))


class StaffPinPad(Overlay):
    """Staff tap their name and enter their PIN before the panel opens; the digits show as ● only."""

    signed_in = Signal(str)

    def __init__(self, parent: QWidget, sign_in: StaffSignIn) -> None:
        super().__init__(parent)
        self.setObjectName("staffPinPad")
        self._sign_in = sign_in
        self._digits = ""
        self._name = ""
        self._name_buttons: list = []
        row = QHBoxLayout()
        row.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(20)
        left.addWidget(label(translate("Staff", "名前を選び、暗証番号を入力してください"), "title", "staff_pin_title"))
        self.names_row = QGridLayout()
        self.names_row.setSpacing(12)
        left.addLayout(self.names_row)
        self.dots = label("", "dots", "staff_pin_dots")
        left.addWidget(self.dots)
        self.error = label(translate("Staff", "暗証番号がちがいます。"), "caution", "staff_pin_error")
        left.addWidget(self.error)
        left.addStretch(1)
        left.addWidget(button(translate("Staff", "閉じる"), "staff_pin_close", "", self.close_pad))
        row.addLayout(left, 1)
        pad = QGridLayout()
        pad.setSpacing(12)
        for i, digit in enumerate("1234567890"):
            b = button(digit, f"staff_key_{digit}", "", lambda d=digit: self._press(d))
            pad.addWidget(b, i // 3, i % 3 if i < 9 else 1)
        pad.addWidget(button(translate("Staff", "訂正"), "staff_key_back", "", self._back), 3, 0)
        pad.addWidget(button(translate("Staff", "確定"), "staff_key_ok", "primary", self._submit), 3, 2)
        row.addLayout(pad, 1)
        self.inner.addLayout(row)

    def open(self) -> None:
        self._digits = ""
        self.error.hide()
        self._fill_names()
        self._show()
        self.show_over()

    def _fill_names(self) -> None:
        for b in self._name_buttons:
            b.hide()
            b.deleteLater()
        self._name_buttons = []
        names = self._sign_in.names()
        self._name = names[0] if len(names) == 1 else ""
        for i, name in enumerate(names[:6]):  # a clinic's reception team; more belong in the console
            b = button(name, f"staff_name_{i}", "", lambda n=name: self._choose(n))
            b.setCheckable(True)
            b.setChecked(name == self._name)
            self.names_row.addWidget(b, i // 2, i % 2)
            self._name_buttons.append(b)

    def _choose(self, name: str) -> None:
        self._name = name
        for b in self._name_buttons:
            b.setChecked(b.text() == name)

    def close_pad(self) -> None:
        self._digits = ""
        self.hide()

    def _press(self, digit: str) -> None:
        if len(self._digits) < 12:
            self._digits += digit
        self._show()

    def _back(self) -> None:
        self._digits = self._digits[:-1]
        self._show()

    def _show(self) -> None:
        self.dots.setText("●" * len(self._digits) or " ")

    def _submit(self) -> None:
        pin, self._digits = self._digits, ""
        name = self._sign_in.verify(self._name, pin) if pin and self._name else None
        if name is None:
            self.error.show()
            self._show()
            return
        self.hide()
        self.signed_in.emit(name)


# Where each staff action makes sense; the flow ignores the rest anyway, these keep buttons honest.
VISUAL_CHECK = IN_SESSION - {State.CERT_EXPIRED, State.READING, State.CHECKING, State.CONSENT, State.LIMIT_CONSENT}


class StaffPanel(Overlay):
    """目視 and the few decisions staff make at the kiosk itself; each action closes the panel."""

    def __init__(self, parent: QWidget, send: Callable[[ev.Event], None]) -> None:
        super().__init__(parent)
        self.setObjectName("staffPanel")
        self._send = send
        self.staff = ""
        self.title = label("", "title", "staff_title")
        self.inner.addWidget(self.title)
        self.status = label("", "muted", "staff_status")
        self.inner.addWidget(self.status)
        row = QHBoxLayout()
        row.setSpacing(20)
        self.confirm = button(translate("Staff", "目視：本人と確認"), "staff_visual_ok", "primary",
                              lambda: self._act(ev.StaffVisualCheck(self.staff, True)))
        self.reject = button(translate("Staff", "目視：確認できない"), "staff_visual_ng", "",
                             lambda: self._act(ev.StaffVisualCheck(self.staff, False)))
        row.addWidget(self.confirm)
        row.addWidget(self.reject)
        self.inner.addLayout(row)
        self.records = QVBoxLayout()
        self.records.setSpacing(12)
        self.inner.addLayout(self.records)
        row = QHBoxLayout()
        row.setSpacing(20)
        self.resume = button(translate("Staff", "患者さんの操作に戻す"), "staff_resume", "",
                             lambda: self._act(ev.StaffResume(self.staff)))
        self.end = button(translate("Staff", "受付を終了"), "staff_end", "",
                          lambda: self._act(ev.StaffEnd(self.staff)))
        row.addWidget(self.resume)
        row.addWidget(self.end)
        self.inner.addLayout(row)
        self.inner.addWidget(button(translate("Staff", "閉じる"), "staff_close", "", self.hide))

    def open(self, staff: str, view: View) -> None:
        self.staff = staff
        self.update_view(view)
        self.show_over()

    def update_view(self, view: View) -> None:
        self.title.setText(translate("Staff", "職員メニュー（{staff}）").format(staff=self.staff))
        status = translate("Staff", "画面：{state}").format(state=view.state.value)
        if view.staff_reason:
            status += "　" + translate("Staff", "理由：{reason}").format(reason=view.staff_reason)
        self.status.setText(status)
        in_session = view.state in IN_SESSION
        self.confirm.setEnabled(view.state in VISUAL_CHECK)
        self.reject.setEnabled(view.state in VISUAL_CHECK)
        self.resume.setEnabled(view.state is State.WAITING_STAFF)
        self.end.setEnabled(in_session)
        while self.records.count():
            self.records.takeAt(0).widget().deleteLater()
        if view.state in (State.QUAL_SEVERAL, State.WAITING_STAFF) and len(view.records) > 1:
            for i, record in enumerate(view.records):
                text = translate("Staff", "この保険を使う：{insurer}（{number}）").format(
                    insurer=record.insurer_name, number=record.insurer_number)
                self.records.addWidget(button(text, f"staff_record_{i}", "",
                                              lambda i=i: self._act(ev.StaffChooseRecord(self.staff, i))))

    def _act(self, event: ev.StaffEvent) -> None:
        self.hide()
        self._send(event)
