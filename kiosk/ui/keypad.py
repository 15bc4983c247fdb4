"""A physical ten-key drives a whole reception: the key map, and the filter that applies it to the window.

A USB numeric keypad sends ordinary key events (with ``KeypadModifier``), so the same table serves it and
the main keyboard's digits. What each key means is data here; docs/keypad.md and the printable label
(scripts/keypad_label.py) are made from the same table, so the label cannot disagree with the kiosk.
"""
from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from kiosk.ui.screens.base import QT_TRANSLATE_NOOP


class Command(enum.Enum):
    DIGIT = "digit"
    CONFIRM = "confirm"  # press the chosen button, or the screen's own (確定, 次へ)
    NEXT = "next"  # move to the next button and hear it
    PREVIOUS = "previous"
    REPEAT = "repeat"  # hear the screen again
    CALL_STAFF = "call_staff"
    ERASE = "erase"  # the last digit


@dataclass(frozen=True)
class KeyMeaning:
    command: Command
    label: str  # how the printed label and docs/keypad.md show the key
    meaning: str  # QT_TRANSLATE_NOOP("Keypad", …): what the key does, in plain words


Key = Qt.Key
MEANINGS: dict[Command, str] = {
    Command.DIGIT: QT_TRANSLATE_NOOP("Keypad", "数字（暗証番号・電話番号）"),
    Command.CONFIRM: QT_TRANSLATE_NOOP("Keypad", "決定・確定"),
    Command.NEXT: QT_TRANSLATE_NOOP("Keypad", "次のボタンへ"),
    Command.PREVIOUS: QT_TRANSLATE_NOOP("Keypad", "前のボタンへ"),
    Command.REPEAT: QT_TRANSLATE_NOOP("Keypad", "もう一度聞く"),
    Command.CALL_STAFF: QT_TRANSLATE_NOOP("Keypad", "職員を呼ぶ"),
    Command.ERASE: QT_TRANSLATE_NOOP("Keypad", "1けた消す"),
}

# The printed label's keys, in a ten-key's own layout order; arrows do the same as + and − for a keyboard.
KEYMAP: dict[Qt.Key, tuple[str, Command]] = {
    **{getattr(Key, f"Key_{d}"): (d, Command.DIGIT) for d in "0123456789"},
    Key.Key_Enter: ("Enter", Command.CONFIRM),
    Key.Key_Return: ("Enter", Command.CONFIRM),
    Key.Key_Plus: ("+", Command.NEXT),
    Key.Key_Down: ("↓", Command.NEXT),
    Key.Key_Right: ("→", Command.NEXT),
    Key.Key_Minus: ("−", Command.PREVIOUS),
    Key.Key_Up: ("↑", Command.PREVIOUS),
    Key.Key_Left: ("←", Command.PREVIOUS),
    Key.Key_Asterisk: ("*", Command.REPEAT),
    Key.Key_Slash: ("/", Command.CALL_STAFF),
    Key.Key_Period: (".", Command.ERASE),
    Key.Key_Backspace: ("BS", Command.ERASE),
    Key.Key_Delete: ("Del", Command.ERASE),
}


@dataclass(frozen=True)
class Press:
    command: Command
    digit: str = ""


def press_of(event: QKeyEvent) -> Press | None:
    """What a key press means, or None for a key the kiosk does not use."""
    found = KEYMAP.get(Qt.Key(event.key()))
    if found is None:
        return None
    label, command = found
    return Press(command, label if command is Command.DIGIT else "")


def label_rows() -> list[tuple[str, str]]:
    """(keys, meaning source) for the label and the docs: one row per command, its keys together."""
    rows: dict[Command, list[str]] = {}
    for label, command in KEYMAP.values():
        if command is not Command.DIGIT and label not in rows.setdefault(command, []):
            rows[command].append(label)
    return [("0–9", MEANINGS[Command.DIGIT])] + [(" / ".join(keys), MEANINGS[c]) for c, keys in rows.items()]


class KeypadFilter(QObject):
    """Watches the application's key presses; where ``ours(widget)`` says the patient's screen has them
    (the key went to the kiosk window, no staff layer open), it hands each mapped press to ``handle``. A
    press it takes goes no further; one it leaves (``handle`` returned False) reaches the widget as usual."""

    def __init__(self, ours: Callable[[QObject], bool], handle: Callable[[Press], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours = ours
        self._handle = handle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or not self._ours(watched):
            return False
        press = press_of(event)
        return press is not None and self._handle(press)
