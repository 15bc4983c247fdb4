"""The frame every kiosk screen shares, and the plain "what happened, what to do" screen.

Every screen has the same chrome in the same places, because patients learn places, not words:
the clinic mark (top left, hides the staff entry), the step bar (top), 「終了」 (bottom left, where the
flow offers it), 「もう一度聞く」 beside it while the voice guide is on, and 「職員を呼ぶ」 (bottom right,
on every screen). What a screen says comes from ``kiosk.ui.content``: the screens lay it out.

Which buttons work is the flow's to say: each button that sends a patient event is tied to that event's
action name and follows ``View.actions``, on the screen's first View and every one after it.

A ten-key reaches a screen through the window (kiosk.ui.keypad): ``choices`` are the buttons + and −
move between, ``default_choice`` what Enter presses when none is chosen, ``key_digit`` / ``key_erase``
the digits, and ``speech`` / ``choice_speech`` what the voice guide says.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.core.view import Verdict, View
from kiosk.ui import content
from kiosk.ui.content import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP  # where the UI modules have always taken it
from kiosk.ui.content import Choice, ScreenSpec, shown, speech_of
from kiosk.ui.language import language_info
from kiosk.ui.widgets import LongPressCorner, Pictogram, StepBar, button, label

translate = QCoreApplication.translate

W = TypeVar("W", bound=QWidget)

BAR_MIN_WIDTH = 240  # 終了 and 職員を呼ぶ: the same place and size on every screen


class PageHost(Protocol):
    """What a screen may ask of the window around it."""

    @property
    def language(self) -> str: ...
    @property
    def scale(self) -> float: ...  # painted sizes follow the stylesheet's scale
    @property
    def voice_on(self) -> bool: ...
    @property
    def large_text(self) -> bool: ...
    @property
    def unhurried(self) -> bool: ...

    def send(self, event: ev.Event) -> Verdict: ...
    def open_staff_entry(self) -> None: ...
    def open_language_chooser(self) -> None: ...
    def play_chime(self, level: int = 0) -> None: ...
    def toggle_voice(self) -> None: ...
    def repeat_speech(self) -> None: ...
    def announce(self, text: str) -> None: ...  # one safe phrase, now (never a digit, a name or chip data)
    def toggle_large_text(self) -> None: ...
    def toggle_unhurried(self) -> None: ...


@dataclass
class _Gate:
    widget: QWidget
    action: str  # a PatientEvent's ``action``
    hide: bool  # not offered at all (「終了」 on idle), rather than offered but not now (a face try used up)


class Page(QWidget):
    """One screen, built for one state entry. Subclasses fill ``body`` in ``build`` and may refresh what
    changes within the entry in ``refresh``."""

    state: State
    staff_in_body = False  # the screen puts a large 「職員を呼ぶ」 in its body instead of the corner

    def __init__(self, view: View, host: PageHost) -> None:
        super().__init__()
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.view = view
        self.host = host
        self._gates: list[_Gate] = []
        self._spoken: dict[QAbstractButton, str] = {}  # what focus on a button says, where not its text
        self._defaults: list[QAbstractButton] = []  # what Enter presses when no button is chosen, first usable
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
        if not host.large_text:  # large text has no room to spare for it
            top.addSpacing(corner.width())  # keeps the step bar centred
        outer.addLayout(top)

        # Large text (×1.5) does not fit every screen at 1280×800: the body then scrolls, by dragging or
        # with the wide bar, and the chrome stays where it always is. At the normal size nothing scrolls.
        self.body_scroll = QScrollArea()
        self.body_scroll.setObjectName("pageBody")
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_scroll.setStyleSheet(
            "#pageBody, #pageBodyInner, #qt_scrollarea_viewport { background: transparent; }")
        inner = QWidget()
        inner.setObjectName("pageBodyInner")
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(20)
        self.body_scroll.setWidget(inner)
        QScroller.grabGesture(self.body_scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        outer.addWidget(self.body_scroll, 1)
        self.build(view)

        bottom = QHBoxLayout()
        bottom.setSpacing(24)
        cancel, context = self.cancel_choice()
        bottom.addWidget(self._in_bar(self.choice_button(cancel, hide=True, context=context)))
        if host.voice_on:
            repeat = self._bar_button(translate("Chrome", content.BAR_REPEAT), "btn_repeat", "", host.repeat_speech)
            bottom.addWidget(self.speaks(repeat, content.BAR_REPEAT_SPEECH))
        bottom.addStretch(1)
        if not self.staff_in_body:
            staff = self._bar_button(translate("Chrome", content.BAR_CALL_STAFF), "btn_call_staff", "staff",
                                     lambda: self.host.send(ev.CallStaff()))
            bottom.addWidget(self.gate(self.speaks(staff, content.CALL_STAFF.speech), ev.CallStaff.action))
        outer.addLayout(bottom)
        self._apply_gates(view)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The window shows a page at once, so that a fast finger meets the new screen; the scroll area would
        # place the body only on the next event-loop turn, so the layout requests pending are run now.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    @property
    def spec(self) -> ScreenSpec:
        return content.SCREENS[self.state]

    def _bar_button(self, text: str, name: str, kind: str, on_click: Callable[[], object]) -> QPushButton:
        return self._in_bar(button(text, name, kind, on_click))

    def _in_bar(self, b: QPushButton) -> QPushButton:
        b.setMinimumWidth(self.px(BAR_MIN_WIDTH))
        b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return b

    def language_choice(self) -> QPushButton:
        """「Language / 言語」 and the language now, in its own script: the same words in every language, so
        a patient who cannot read the screen still finds the way to their own."""
        b = button(f"{content.LANGUAGE}\n{language_info(self.host.language).native_name}", "btn_language", "",
                   self.host.open_language_chooser)
        return self.speaks(b, content.LANGUAGE_SPEECH)

    def side_by_side(self, parent: QWidget | None = None) -> QBoxLayout:
        """Two halves of a screen (a keypad beside its question): a row, or under large text a column, as a
        row of both would be wider than the screen."""
        direction = QBoxLayout.Direction.TopToBottom if self.host.large_text else QBoxLayout.Direction.LeftToRight
        return QBoxLayout(direction, parent) if parent is not None else QBoxLayout(direction)

    def reveal(self, b: QWidget) -> None:
        """Scroll ``b`` into sight (large text): where the ten-key's focus goes, the patient can see it."""
        self.body_scroll.ensureWidgetVisible(b)

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

    def speaks(self, b: W, speech: str) -> W:
        """What focus on ``b`` says: a QT_TRANSLATE_NOOP("Speech", …) source, or nothing for its own text."""
        if speech and isinstance(b, QAbstractButton):
            self._spoken[b] = translate("Speech", speech)
        return b

    def choice_button(self, choice: Choice, on_click: Callable[[], object] | None = None, *, hide: bool = False,
                      default: bool = False, context: str = "") -> QPushButton:
        """The button of one of the content's choices: its words, its speech, and its event (or ``on_click``)
        tied to what the flow allows. ``default``: Enter presses it when no button is chosen."""
        text = translate(context or self.spec.context, choice.text)
        event = choice.event
        click = on_click if on_click is not None else (lambda: self.host.send(event) if event else None)
        b = self.speaks(button(text, choice.name, choice.kind, click), choice.speech)
        if event is not None:
            self.gate(b, event.action, hide=hide)
        if default:
            self._defaults.append(b)
        return b

    def px(self, value: int) -> int:
        return round(value * self.host.scale)

    def cancel_choice(self) -> tuple[Choice, str]:
        """The way out at the bottom left, and the context of its words: 「終了」 unless the screen has its own."""
        return content.BAR_CANCEL, "Chrome"

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

    # --- the ten-key and the voice ---------------------------------------------------------------

    def speech(self) -> list[str]:
        """What the voice guide says on this screen: its content, with what only the page knows."""
        return speech_of(self.state, self.view) + self.extra_speech()

    def extra_speech(self) -> list[str]:
        """Phrases the page adds to the content's (where the patient is within the screen)."""
        return []

    def choices(self) -> list[QAbstractButton]:
        """The buttons + and − move between, in reading order: what can be pressed now. A keypad's digit
        keys are left out: the ten-key's own digits type them."""
        return [b for b in self.findChildren(QAbstractButton)
                if b.isVisibleTo(self) and b.isEnabled() and not b.property("digit")]

    def default_choice(self) -> QAbstractButton | None:
        return next((b for b in self._defaults if b.isVisibleTo(self) and b.isEnabled()), None)

    def key_digit(self, digit: str) -> bool:
        """A digit from the ten-key; False where the screen takes none."""
        return False

    def key_erase(self) -> bool:
        """The ten-key's erase key; False where the screen takes none."""
        return False

    def choice_speech(self, b: QAbstractButton) -> str:
        """What is said when the ten-key moves onto ``b``."""
        return self._spoken.get(b) or " ".join(b.text().split())


class MessagePage(Page):
    """A problem or notice: the content's pictogram, title, a few short lines, and the ways through.

    「申立書を記入する」 leads the choices wherever the flow allows it (the check failed and the card's
    facts are known); elsewhere it is not there at all."""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "state" in vars(cls):
            cls.staff_in_body = any(c.event == ev.CallStaff() for c in content.SCREENS[cls.state].choices)

    def build(self, view: View) -> None:
        spec = self.spec
        self.headline(shown(spec, spec.title), spec.pictogram)
        for text in spec.lines:
            self.line(shown(spec, text))
        if spec.caution:
            self.line(shown(spec, spec.caution), "caution")
        self.extra(view)
        self.body.addStretch(1)
        buttons = [self.choice_button(content.DECLARE, hide=True, context="Screen")]
        primary = next((c for c in spec.choices if c.kind == "primary"), None)
        buttons += [self.choice_button(c, default=c is primary) for c in spec.choices]
        self.action_row(*buttons)

    def extra(self, view: View) -> None:
        """Lines that depend on the view (a date, a reason)."""
