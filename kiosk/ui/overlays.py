"""Layers over the current screen: the "still there?" warning, the staff PIN pad and the staff panel.

Each covers the whole window with a dimmed backdrop so nothing underneath can be touched by mistake.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import events as ev
from kiosk.core.alerts import alerts_of
from kiosk.core.qualification import QualificationRecord
from kiosk.core.states import CALL_REASONS, SPECS, StaffAction
from kiosk.core.view import View
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
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        parent = self.parentWidget()
        assert parent is not None  # an overlay is always built over its window
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()


class WarningOverlay(Overlay):
    """「操作を続けますか？」 with the seconds left and one big 続ける."""

    def __init__(self, parent: QWidget, send: Callable[[ev.Event], object]) -> None:
        super().__init__(parent)
        self.setObjectName("warningOverlay")
        title = label(translate("Overlay", "操作を続けますか？"), "title", "warning_title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.inner.addWidget(title)
        self.seconds = label("", "", "warning_seconds")
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.inner.addWidget(self.seconds)
        go_on = button(translate("Overlay", "続ける"), "btn_continue", "primary", lambda: send(ev.Touch()))
        go_on.setProperty("big", True)
        go_on.setMinimumWidth(520)
        self.inner.addWidget(go_on, 0, Qt.AlignmentFlag.AlignHCenter)

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


def _date(day: date) -> str:
    return translate("Staff", "{year}年{month}月{day}日").format(year=day.year, month=day.month, day=day.day)


def record_text(record: QualificationRecord) -> str:
    """One of several records, as staff tell them apart: the insurer, the card's numbers, the dates."""
    start = record.card_valid_from or record.qualified_on
    end = record.card_valid_until or record.disqualified_on
    if start is None and end is None:
        valid = translate("Staff", "有効期間 記載なし")
    else:
        valid = translate("Staff", "有効期間 {start} ～ {end}").format(
            start=_date(start) if start else "", end=_date(end) if end else "")
    return "\n".join((
        record.insurer_name or translate("Staff", "保険者名なし"),
        translate("Staff", "保険者番号 {number}").format(number=record.insurer_number),
        translate("Staff", "記号 {symbol}　番号 {card}　枝番 {branch}").format(
            symbol=record.card_symbol or "－", card=record.card_number or "－", branch=record.branch_number or "－"),
        valid,
    ))


def staff_words(text: str) -> str:
    """A staff text of the state table, in the staff console's words (its catalog, context StaffConsole)."""
    return translate("StaffConsole", text)


class StaffPanel(Overlay):
    """目視 and the few decisions staff make at the kiosk itself; each action closes the panel.

    It says in words where the patient is and why staff are needed; the full picture (and every other
    staff task) is on the staff console. A button is there only while the flow allows its action."""

    def __init__(self, parent: QWidget, send: Callable[[ev.Event], object]) -> None:
        super().__init__(parent)
        self.setObjectName("staffPanel")
        # The tallest case (a call from 資格が複数) holds a status, a reason, an alert and the records.
        self.inner.setContentsMargins(40, 28, 40, 28)
        self.inner.setSpacing(12)
        self._send = send
        self.staff = ""
        self._session = ""
        top = QHBoxLayout()
        self.title = label("", "title", "staff_title")
        top.addWidget(self.title, 1)
        close = button(translate("Staff", "閉じる"), "staff_close", "", self.hide)
        close.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.inner.addLayout(top)
        self.status = label("", "", "staff_status")
        self.inner.addWidget(self.status)
        self.reason = label("", "muted", "staff_reason")
        self.inner.addWidget(self.reason)
        self.alerts = QVBoxLayout()
        self.alerts.setSpacing(8)
        self.inner.addLayout(self.alerts)
        self.inner.addStretch(1)  # what is going on at the top, what staff can do at the bottom
        self.buttons: dict[StaffAction, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(20)
        row.addWidget(self._action(StaffAction.VISUAL_OK, translate("Staff", "目視：本人と確認"), "primary",
                                   lambda: ev.StaffVisualOk(self.staff, session_id=self._session)))
        row.addWidget(self._action(StaffAction.VISUAL_REJECT, translate("Staff", "目視：確認できない"), "",
                                   lambda: ev.StaffVisualReject(self.staff, session_id=self._session)))
        self.inner.addLayout(row)
        self.records_hint = label(translate("Staff", "今の資格を選んでください（押すと決まります）"), "muted",
                                  "staff_records_hint")
        self.inner.addWidget(self.records_hint)
        # Two records fit side by side; a third row scrolls (by dragging, as on any touch screen).
        box = QWidget()
        box.setObjectName("staffRecords")
        self.records = QGridLayout(box)
        self.records.setContentsMargins(0, 0, 0, 0)
        self.records.setSpacing(16)
        self.records_scroll = QScrollArea()
        self.records_scroll.setObjectName("staffRecordsScroll")
        self.records_scroll.setWidget(box)
        self.records_scroll.setWidgetResizable(True)
        self.records_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.records_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(self.records_scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.inner.addWidget(self.records_scroll)
        row = QHBoxLayout()
        row.setSpacing(20)
        row.addWidget(self._action(StaffAction.RESUME, translate("Staff", "患者さんの操作に戻す"), "",
                                   lambda: ev.StaffResume(self.staff, session_id=self._session)))
        row.addWidget(self._action(StaffAction.END, translate("Staff", "受付を終了"), "",
                                   lambda: ev.StaffEnd(self.staff, session_id=self._session)))
        row.addWidget(self._action(StaffAction.ANSWER_CALL, translate("Staff", "呼び出しに対応しました"), "",
                                   lambda: ev.StaffAnswerCall(self.staff)))
        self.inner.addLayout(row)
        self.nothing = label(translate("Staff", "この画面で職員ができる操作はありません。"), "muted", "staff_nothing")
        self.inner.addWidget(self.nothing)
        # Not a flow command: pairing a reception PC (kiosk.ui.pairing_panel), there while a channel is.
        self.on_pair: Callable[[str], None] | None = None
        self.pair_button = button(translate("Staff", "職員端末をつなぐ"), "staff_pair", "", self._pair)
        self.inner.addWidget(self.pair_button)

    def _action(self, action: StaffAction, text: str, kind: str, event: Callable[[], ev.StaffEvent]) -> QPushButton:
        b = button(text, f"staff_{action.value}", kind, lambda: self._act(event()))
        self.buttons[action] = b
        return b

    def open(self, staff: str, view: View) -> None:
        self.staff = staff
        self.pair_button.setVisible(self.on_pair is not None)
        self.update_view(view)
        self.show_over()

    def _pair(self) -> None:
        self.hide()
        if self.on_pair is not None:
            self.on_pair(self.staff)

    def update_view(self, view: View) -> None:
        self._session = view.session_id
        self.title.setText(translate("Staff", "職員メニュー（{staff}）").format(staff=self.staff))
        status = staff_words(SPECS[view.state].staff_text)
        if view.called_from is not None:
            status = translate("Staff", "{state}（呼ばれた画面：{screen}）").format(
                state=status, screen=staff_words(SPECS[view.called_from].staff_text))
        self.status.setText(status)
        reason = CALL_REASONS.get(view.staff_reason)
        self.reason.setText(staff_words(reason) if reason else "")
        self.reason.setVisible(reason is not None)
        self._show_alerts(view)
        allowed = view.staff_actions
        for action, b in self.buttons.items():
            b.setVisible(action in allowed)
        self._show_records(view)
        self.nothing.setVisible(not any(action in allowed for action in (*self.buttons, StaffAction.CHOOSE_RECORD)))

    def _show_alerts(self, view: View) -> None:
        _clear(self.alerts)
        for i, alert in enumerate(alerts_of(view)):
            line = QWidget()
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(16)
            words = label(staff_words(alert.text), "caution" if alert.urgent else "note", f"staff_alert_{i}")
            row.addWidget(words, 1)
            if alert.trouble is not None:  # the catalog's number, for the trouble report: small, after the words
                row.addWidget(label(alert.trouble.value, "code", f"staff_alert_code_{i}"), 0,
                              Qt.AlignmentFlag.AlignVCenter)
            self.alerts.addWidget(line)

    def _show_records(self, view: View) -> None:
        _clear(self.records)
        choosing = StaffAction.CHOOSE_RECORD in view.staff_actions
        self.records_hint.setVisible(choosing)
        self.records_scroll.setVisible(choosing)
        if not choosing:
            return
        for i, record in enumerate(view.records):  # side by side: the differences show at a glance
            b = button(record_text(record), f"staff_record_{i}", "record", lambda i=i: self._act(
                ev.StaffChooseRecord(self.staff, index=i, session_id=self._session)))
            b.setParent(self.records.parentWidget())
            b.ensurePolished()
            # The stylesheet's min-height is one line's: four lines must never be squeezed into it.
            b.setMinimumHeight(b.sizeHint().height())
            self.records.addWidget(b, i // 2, i % 2)
        first = self.records.itemAt(0) if self.records.count() else None
        first_button = first.widget() if first is not None else None
        first_row = first_button.sizeHint().height() if first_button is not None else 0
        self.records_scroll.setMinimumHeight(first_row)  # squeezed, the panel scrolls its records, never a button
        self.records_scroll.setMaximumHeight(self.records.sizeHint().height())

    def _act(self, event: ev.StaffEvent) -> None:
        self.hide()
        self._send(event)


def _clear(layout) -> None:
    while layout.count():
        widget = layout.takeAt(0).widget()
        widget.hide()  # at once: deleteLater waits for the event loop
        widget.deleteLater()
