"""The frame every kiosk screen shares, and the plain "what happened, what to do" screen.

Every screen has the same chrome in the same places, because patients learn places, not words:
the clinic mark (top left, hides the staff entry), the step bar (top), 「終了」 (bottom left, on session
screens) and 「職員を呼ぶ」 (bottom right, on every screen).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.flow import View
from kiosk.core.states import State
from kiosk.ui.widgets import LongPressCorner, Pictogram, StepBar, button, label

translate = QCoreApplication.translate


class PageHost(Protocol):
    """What a screen may ask of the window around it."""

    language: str
    scale: float  # painted sizes follow the stylesheet's scale

    def send(self, event: ev.Event) -> None: ...
    def toggle_language(self) -> None: ...
    def open_staff_entry(self) -> None: ...
    def play_chime(self) -> None: ...


# States with no patient session to end: 「終了」 would do nothing there.
NO_CANCEL = frozenset({State.IDLE, State.READER_FAULT, State.DONE, State.ENDED, State.CARD_LEFT})


class Page(QWidget):
    """One screen. Subclasses fill ``body`` in ``build`` and may refresh in ``update_view``."""

    state: State
    language_button = False
    staff_in_body = False  # the screen puts a large 「職員を呼ぶ」 in its body instead of the corner

    def __init__(self, view: View, host: PageHost) -> None:
        super().__init__()
        self.setObjectName("page")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.view = view
        self.host = host
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
        if view.state not in NO_CANCEL and self.cancel_text():
            bottom.addWidget(self._bar_button(self.cancel_text(), "btn_cancel", "", ev.Cancel()))
        if self.language_button:
            other = "English" if host.language == "ja" else "日本語"
            lang = button(other, "btn_language", on_click=host.toggle_language)
            lang.setMinimumWidth(260)
            lang.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
            bottom.addWidget(lang)
        bottom.addStretch(1)
        if not self.staff_in_body:
            bottom.addWidget(self._bar_button(translate("Chrome", "職員を呼ぶ"), "btn_call_staff", "staff",
                                              ev.CallStaff()))
        outer.addLayout(bottom)

    def _bar_button(self, text: str, name: str, kind: str, event: ev.Event):
        b = button(text, name, kind, lambda: self.host.send(event))
        b.setMinimumWidth(300)
        b.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        return b

    def px(self, value: int) -> int:
        return round(value * self.host.scale)

    def cancel_text(self) -> str:
        return translate("Chrome", "終了")

    def send(self, event: ev.Event) -> Callable[[], None]:
        """A click handler sending ``event``."""
        return lambda: self.host.send(event)

    def headline(self, title: str, pictogram: str | None = None) -> None:
        row = QHBoxLayout()
        row.setSpacing(24)
        if pictogram:
            row.addWidget(Pictogram(pictogram, self.px(110)), 0, Qt.AlignTop)
        row.addWidget(label(title, "title", "title"), 1)
        self.body.addLayout(row)

    def line(self, text: str, role: str = "", name: str = ""):
        lab = label(text, role, name)
        self.body.addWidget(lab)
        return lab

    def actions(self, *buttons) -> None:
        row = QHBoxLayout()
        row.setSpacing(32)
        for b in buttons:
            row.addWidget(b)
        self.body.addLayout(row)

    def build(self, view: View) -> None:
        raise NotImplementedError

    def update_view(self, view: View) -> None:
        """A new View in the same state: most screens have nothing that changes."""
        self.view = view


@dataclass(frozen=True)
class Action:
    text: str  # a QT_TRANSLATE_NOOP("Screen", ...) source string
    name: str
    kind: str
    event: ev.Event


CALL_STAFF = Action(QT_TRANSLATE_NOOP("Screen", "職員を呼ぶ"), "btn_call_staff", "staff", ev.CallStaff())


class MessagePage(Page):
    """A problem or notice: a pictogram, a title, a few short lines, and the ways through."""

    pictogram = "info"
    title = ""
    lines: tuple[str, ...] = ()
    caution = ""  # one line on a yellow band
    choices: tuple[Action, ...] = ()
    offers_declaration = False  # the check failed: 「申立書を記入する」 when the card's facts are known

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
        buttons = [button(translate("Screen", a.text), a.name, a.kind, self.send(a.event)) for a in self.choices]
        if self.offers_declaration and view.can_declare:
            declare = button(translate("Screen", "申立書を記入する"), "btn_declare", "primary",
                             self.send(ev.StartDeclaration()))
            buttons.insert(0, declare)
        if buttons:
            self.actions(*buttons)

    def extra(self, view: View) -> None:
        """Lines that depend on the view (a date, a reason)."""
