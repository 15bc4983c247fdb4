"""The list of languages over the current screen: each in its own script, one big button apiece.

A patient who cannot read the screen's language looks for their own script, so every name is shown as
its speakers write it (``LanguageInfo.native_name``), never translated. The chooser keeps the screen's
size (``theme.scale_for``) but not the large-text ×1.5: ten names that large do not fit one 1280×800
screen, and at 34 px bold on 96 px buttons they are already the largest text on the kiosk.
"""
from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from kiosk.ui import theme
from kiosk.ui.keypad import Command, press_of
from kiosk.ui.language import DEFAULT, REGISTRY, LanguageInfo
from kiosk.ui.overlays import Overlay
from kiosk.ui.widgets import button, label

translate = QCoreApplication.translate

COLUMNS = 3  # ten languages in four rows: the widest names still fit three abreast at 1280 px


def _stylesheet(scale: float) -> str:
    def px(v: float) -> str:
        return f"{round(v * scale)}px"

    return f"""
    QLabel[role="title"] {{ font-size: {px(theme.TITLE_PX)}; }}
    QPushButton {{ min-height: {px(theme.BUTTON_HEIGHT)}; font-size: {px(theme.BUTTON_PX)};
        padding: {px(8)} {px(20)}; border-width: {px(3)}; }}
    QPushButton[keyfocus="true"] {{ color: {theme.KEY_FOCUS.fg}; background: {theme.KEY_FOCUS.bg};
        border: {px(8)} solid {theme.KEY_FOCUS.fg}; }}
    """


class LanguageChooser(Overlay):
    """Every language of the registry; ``on_choose(code)`` when one is tapped, closed by 「閉じる」
    (``on_close``), the ten-key's . or Esc.

    ``on_focus(info)`` is told each language the ten-key moves onto, None for 「閉じる」 (the voice guide
    says the name, in that language's voice)."""

    def __init__(self, parent: QWidget, on_choose: Callable[[str], None], *, current: str | None = None,
                 on_close: Callable[[], None] | None = None,
                 on_focus: Callable[[LanguageInfo | None], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageChooser")
        # The language the window shows now (a PageHost has ``language``), marked on the list.
        self.current = current if current is not None else getattr(parent, "language", DEFAULT)
        self._on_choose = on_choose
        self._on_close = on_close
        self._on_focus = on_focus
        self.inner.setContentsMargins(32, 28, 32, 28)
        title = label(translate("LanguageChooser", "ことばを選んでください"), "title", "language_title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.inner.addWidget(title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        self.buttons: dict[str, QPushButton] = {}
        for i, info in enumerate(REGISTRY):
            mark = "✓ " if info.code == self.current else ""  # not by colour alone
            b = button(mark + info.native_name, f"lang_{info.code}", "primary" if mark else "",
                       lambda code=info.code: self._choose(code))
            b.setAccessibleName(info.native_name)
            b.setAccessibleDescription(info.english_name)
            grid.addWidget(b, i // COLUMNS, i % COLUMNS)
            self.buttons[info.code] = b
        self.inner.addLayout(grid)
        self.close_button = button("✕  " + translate("LanguageChooser", "閉じる"), "lang_close", "", self.close_chooser)
        self.close_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.close_button.setMinimumWidth(300)
        self.inner.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._key_focus: QPushButton | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the ten-key's keys come here while it is open
        parent.installEventFilter(self)

    def rows(self) -> int:
        return math.ceil(len(self.buttons) / COLUMNS)

    def choices(self) -> list[QPushButton]:
        """In reading order, the close button last: what the ten-key moves between."""
        return [*self.buttons.values(), self.close_button]

    # --- showing over the window ----------------------------------------------------------------

    def showEvent(self, event) -> None:
        self._cover()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._cover()
        return False

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.setStyleSheet(_stylesheet(theme.scale_for(parent.width(), parent.height())))
        self.setGeometry(parent.rect())

    # --- choosing ---------------------------------------------------------------------------------

    def _choose(self, code: str) -> None:
        self.hide()
        self._on_choose(code)

    def close_chooser(self) -> None:
        self.hide()
        if self._on_close is not None:
            self._on_close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        press = press_of(event)  # the kiosk's one key map (docs/keypad.md); Esc closes too
        command = press.command if press is not None else None
        if command in (Command.NEXT, Command.PREVIOUS):
            self._move(1 if command is Command.NEXT else -1)
        elif command is Command.CONFIRM:
            (self._key_focus or self.buttons.get(self.current) or self.close_button).click()
        elif command is Command.ERASE or event.key() == Qt.Key.Key_Escape:
            self.close_chooser()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _move(self, step: int) -> None:
        choices = self.choices()
        if self._key_focus in choices:
            index = (choices.index(self._key_focus) + step) % len(choices)
        else:  # the first press lands next to the language in use, where the patient's eye already is
            start = choices.index(self.buttons[self.current]) if self.current in self.buttons else -1
            index = (start + step) % len(choices)
        if self._key_focus is not None:
            _ring(self._key_focus, False)
        self._key_focus = choices[index]
        _ring(self._key_focus, True)
        if self._on_focus is not None:
            code = next((c for c, b in self.buttons.items() if b is self._key_focus), None)
            self._on_focus(next((info for info in REGISTRY if info.code == code), None))


def _ring(b: QPushButton, on: bool) -> None:
    b.setProperty("keyfocus", on)
    b.style().unpolish(b)
    b.style().polish(b)
