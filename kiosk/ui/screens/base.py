"""The frame every kiosk screen shares, and the plain "what happened, what to do" screen.

Every screen has the same chrome in the same places, because patients learn places, not words:
the clinic mark (top left, hides the staff entry), the step bar (top), 「終了」 (bottom left, where the
flow offers it) and 「職員を呼ぶ」 (bottom right, on every screen).

Which buttons work is the flow's to say: each button that sends a patient event is tied to that event's
action name and follows ``View.actions``, on the screen's first View and every one after it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar, cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.core.view import Verdict, View
from kiosk.ui.widgets import LongPressCorner, Pictogram, StepBar, button, label

translate = QCoreApplication.translate

# PySide6's stubs say QT_TRANSLATE_NOOP returns ``object``; it returns the source text it is given. Typed
# here once, under the same name so pyside6-lupdate still finds the strings; the screens import it from here.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)

W = TypeVar("W", bound=QWidget)


class PageHost(Protocol):
    """What a screen may ask of the window around it."""

    @property
    def language(self) -> str: ...
    @property
    def scale(self) -> float: ...  # painted sizes follow the stylesheet's scale

    def send(self, event: ev.Event) -> Verdict: ...
    def toggle_language(self) -> None: ...
    def open_staff_entry(self) -> None: ...
    def play_chime(self) -> None: ...


@dataclass
class _Gate:
    widget: QWidget
    action: str  # a PatientEvent's ``action``
    hide: bool  # not offered at all (「終了」 on idle), rather than offered but not now (a face try used up)


class Page(QWidget):
    """One screen, built for one state entry. Subclasses fill ``body`` in ``build`` and may refresh what
    changes within the entry in ``refresh``."""

    state: State
    language_button = False
    staff_in_body = False  # the screen puts a large 「職員を呼ぶ」 in its body instead of the corner

    def __init__(self, view: View, host: PageHost) -> None:
        super().__init__()
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.view = view
        self.host = host
        self._gates: list[_Gate] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 16, 28, 20)
        outer.setSpacing(16)

        top = QHBoxLayout()
        corner = LongPressCorner(size=self.px(88))
        corner.held.connect(host.open_staff_entry)
        top.addWidget(corner)
        top.addStretch(1)
        top.addWidget(StepBar(view.step))
        top.addStretch(1)
        top.addSpacing(corner.width())  # keeps the step bar centred
        outer.addLayout(top)

        self.body = QVBoxLayout()
        self.body.setSpacing(20)
        outer.addLayout(self.body, 1)
        self.build(view)

        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        if self.cancel_text():
            bottom.addWidget(self.gate(self._bar_button(self.cancel_text(), "btn_cancel", "", ev.Cancel()),
                                       ev.Cancel.action, hide=True))
        if self.language_button:
            other = "English" if host.language == "ja" else "日本語"
            lang = button(other, "btn_language", on_click=host.toggle_language)
            lang.setMinimumWidth(260)
            lang.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            bottom.addWidget(lang)
        bottom.addStretch(1)
        if not self.staff_in_body:
            bottom.addWidget(self.gate(self._bar_button(translate("Chrome", "職員を呼ぶ"), "btn_call_staff", "staff",
                                                        ev.CallStaff()), ev.CallStaff.action))
        outer.addLayout(bottom)
        self._apply_gates(view)

    def _bar_button(self, text: str, name: str, kind: str, event: ev.Event):
        b = button(text, name, kind, lambda: self.host.send(event))
        b.setMinimumWidth(300)
        b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return b

    def gate(self, widget: W, action: str, *, hide: bool = False) -> W:
        """Tie ``widget`` to a patient action: enabled (or, with ``hide``, shown) only while the flow allows it."""
        self._gates.append(_Gate(widget, action, hide))
        return widget

    def _apply_gates(self, view: View) -> None:
        for g in self._gates:
            allowed = g.action in view.actions
            if g.hide:
                g.widget.setVisible(allowed)
            else:
                g.widget.setEnabled(allowed)

    def px(self, value: int) -> int:
        return round(value * self.host.scale)

    def cancel_text(self) -> str:
        return translate("Chrome", "終了")

    def send(self, event: ev.Event) -> Callable[[], Verdict]:
        """A click handler sending ``event``."""
        return lambda: self.host.send(event)

    def headline(self, title: str, pictogram: str | None = None) -> None:
        row = QHBoxLayout()
        row.setSpacing(24)
        if pictogram:
            row.addWidget(Pictogram(pictogram, self.px(110)), 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(label(title, "title", "title"), 1)
        self.body.addLayout(row)

    def line(self, text: str, role: str = "", name: str = ""):
        lab = label(text, role, name)
        self.body.addWidget(lab)
        return lab

    def action_row(self, *buttons) -> None:
        row = QHBoxLayout()
        row.setSpacing(32)
        for b in buttons:
            row.addWidget(b)
        self.body.addLayout(row)

    def build(self, view: View) -> None:
        raise NotImplementedError

    def update_view(self, view: View) -> None:
        """A new View within the same state entry."""
        self.view = view
        self.refresh(view)
        self._apply_gates(view)

    def refresh(self, view: View) -> None:
        """What changes within one entry: most screens have nothing."""


@dataclass(frozen=True)
class Action:
    text: str  # a QT_TRANSLATE_NOOP("Screen", ...) source string
    name: str
    kind: str
    event: ev.PatientEvent


CALL_STAFF = Action(QT_TRANSLATE_NOOP("Screen", "職員を呼ぶ"), "btn_call_staff", "staff", ev.CallStaff())


class MessagePage(Page):
    """A problem or notice: a pictogram, a title, a few short lines, and the ways through.

    「申立書を記入する」 leads the choices wherever the flow allows it (the check failed and the card's
    facts are known); elsewhere it is not there at all."""

    pictogram = "info"
    title = ""
    lines: tuple[str, ...] = ()
    caution = ""  # one line on a yellow band
    choices: tuple[Action, ...] = ()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls.staff_in_body = any(a.event == ev.CallStaff() for a in cls.choices)

    def build(self, view: View) -> None:
        self.headline(translate("Screen", self.title), self.pictogram)
        for text in self.lines:
            self.line(translate("Screen", text))
        if self.caution:
            self.line(translate("Screen", self.caution), "caution")
        self.extra(view)
        self.body.addStretch(1)
        declare = self.gate(button(translate("Screen", "申立書を記入する"), "btn_declare", "primary",
                                   self.send(ev.StartDeclaration())), ev.StartDeclaration.action, hide=True)
        buttons = [declare]
        for a in self.choices:
            buttons.append(self.gate(button(translate("Screen", a.text), a.name, a.kind, self.send(a.event)),
                                     a.event.action))
        self.action_row(*buttons)

    def extra(self, view: View) -> None:
        """Lines that depend on the view (a date, a reason)."""
