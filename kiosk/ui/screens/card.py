"""Step 1, the card: placing it, reading it, and everything that goes wrong with it (T2, T4, T16).

The idle screen also holds the patient's own switches: 音声案内, 文字を大きく, ゆっくり操作 and the language,
each showing whether it is on, before a card is even placed."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout

from kiosk.core.states import State
from kiosk.core.view import View
from kiosk.ui import content
from kiosk.ui.content import shown
from kiosk.ui.screens.base import MessagePage, Page
from kiosk.ui.widgets import BusyRing, CardIllustration, button, label

translate = QCoreApplication.translate

HINT_NAMES = ("hint_face_up", "hint_sleeve", "hint_card")


class IdlePage(Page):
    state = State.IDLE

    def build(self, view: View) -> None:
        spec = self.spec
        self.headline(shown(spec, spec.title))
        row = QHBoxLayout()
        row.setSpacing(32)
        row.addWidget(CardIllustration(), 2)
        hints = QVBoxLayout()
        hints.setSpacing(self.px(16))
        for text, name in zip(spec.lines, HINT_NAMES, strict=True):
            hints.addWidget(label(shown(spec, text), "note", name))
        hints.addStretch(1)
        row.addLayout(hints, 3)  # wide enough for each hint on one line
        self.body.addLayout(row, 1)
        self._switches: list[tuple[QPushButton, str, Callable[[], bool]]] = []
        grid = QGridLayout()
        grid.setSpacing(self.px(16))
        host = self.host
        for i, (name, words, is_on, toggle) in enumerate((
            ("btn_voice", content.VOICE, lambda: host.voice_on, host.toggle_voice),
            ("btn_large_text", content.LARGE_TEXT, lambda: host.large_text, host.toggle_large_text),
            ("btn_unhurried", content.UNHURRIED, lambda: host.unhurried, host.toggle_unhurried),
        )):
            b = button("", name, "", lambda toggle=toggle: self._flip(toggle))
            self._switches.append((b, words, is_on))
            grid.addWidget(b, *self._cell(i))
        grid.addWidget(self.language_choice(), *self._cell(3))
        self.body.addLayout(grid)
        self.refresh(view)

    def _cell(self, i: int) -> tuple[int, int]:
        """Four switches in a row; under large text two rows of two, as four would be wider than the screen."""
        return divmod(i, 2) if self.host.large_text else (0, i)

    def _flip(self, toggle: Callable[[], None]) -> None:
        toggle()
        self.refresh(self.view)  # the window may rebuild the screen instead; either way the switch shows its state

    def refresh(self, view: View) -> None:
        for b, words, is_on in self._switches:
            on = is_on()
            state = translate("Chrome", content.ON if on else content.OFF)
            what = translate("Chrome", words)
            b.setText(f"{what}\n{state}")
            b.setProperty("kind", "primary" if on else "")  # on looks pressed in: the main colour
            b.style().unpolish(b)
            b.style().polish(b)
            self._spoken[b] = translate("Speech", content.SWITCH_SPEECH).format(what=what, state=state)


class BusyPage(Page):
    """The kiosk is working: the ring, the content's title and its one line."""

    def build(self, view: View) -> None:
        spec = self.spec
        self.body.addStretch(1)
        ring = BusyRing(self.px(120))
        self.body.addWidget(ring, 0, Qt.AlignmentFlag.AlignHCenter)
        title = label(shown(spec, spec.title), "title", "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(title)
        for text in spec.lines:
            hint = label(shown(spec, text))
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.body.addWidget(hint)
        self.body.addStretch(1)


class ReadingPage(BusyPage):
    state = State.READING


class NotMyNumberPage(MessagePage):
    state = State.NOT_MY_NUMBER


class UnreadablePage(MessagePage):
    state = State.UNREADABLE


class CardRemovedPage(MessagePage):
    state = State.CARD_REMOVED


class ReaderFaultPage(MessagePage):
    state = State.READER_FAULT


class CertExpiredPage(MessagePage):
    state = State.CERT_EXPIRED


class CertExpiringPage(MessagePage):
    state = State.CERT_EXPIRING

    def extra(self, view: View) -> None:
        if view.certificate_expiry is not None:
            d = view.certificate_expiry.date()
            self.line(translate("Screen", content.EXPIRY).format(year=d.year, month=d.month, day=d.day),
                      "caution", "expiry")
