"""The on-screen katakana keyboard: a kiosk has no system IME, and a kana name needs kana.

The keys are the 五十音表 every patient learned at school, in the wall chart's order (ア at the right,
columns read from right to left), with the marks that change the last letter
(゛ ゜ and 小), a space between family and given name, and 消す. The text lives in the keyboard until the
screen takes it, like the PIN pad's digits. Full-width katakana throughout: a name prefilled from the
terminal's half-width kana is shown and edited in the same letters the keys type.
"""
from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from kiosk.ui.widgets import button

translate = QCoreApplication.translate

LIMIT = 20  # letters: a long name, insurer or employer in kana; what the form's summary shows on one line

SPACE = "\u3000"  # the full-width space written between family and given name
DAKUTEN, HANDAKUTEN = "\u3099", "\u309a"  # the combining marks behind ゛ and ゜

# The columns from ア to ワ, each top to bottom; "" leaves a key out, as the 五十音表 does.
COLUMNS = (
    "アイウエオ", "カキクケコ", "サシスセソ", "タチツテト", "ナニヌネノ",
    "ハヒフヘホ", "マミムメモ", ("ヤ", "", "ユ", "", "ヨ"), "ラリルレロ", ("ワ", "ヲ", "ン", "ー", ""),
)
VOICED = frozenset("カキクケコサシスセソタチツテトハヒフヘホウ")  # ゛ makes ガ…ボ and ヴ
SEMI_VOICED = frozenset("ハヒフヘホ")  # ゜ makes パ…ポ
SMALL = dict(zip("アイウエオツヤユヨワ", "ァィゥェォッャュョヮ", strict=True))
LARGE = {small: large for large, small in SMALL.items()}


def full_width(text: str) -> str:
    """Half-width kana (the terminal's ﾐﾎﾝ ﾀﾛｳ) as the keys write it: ミホン　タロウ."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).replace(" ", SPACE)


def with_mark(text: str, mark: str) -> str:
    """゛ or ゜ on the last letter; the same mark again takes it off, the other mark swaps it (バ ↔ パ)."""
    if not text:
        return text
    decomposed = unicodedata.normalize("NFD", text[-1])
    base, marks = decomposed[0], decomposed[1:]
    allowed = VOICED if mark == DAKUTEN else SEMI_VOICED
    if marks == mark:
        return text[:-1] + base
    if base not in allowed:
        return text
    return text[:-1] + unicodedata.normalize("NFC", base + mark)


def toggle_small(text: str) -> str:
    """小: ツ → ッ, ヨ → ョ; pressed again it gives the large letter back."""
    if not text:
        return text
    last = text[-1]
    return text[:-1] + SMALL.get(last, LARGE.get(last, last))


class KanaKeyboard(QWidget):
    """The keys; ``changed`` carries the whole text after every press (the screen shows it and counts
    the press as activity)."""

    changed = Signal(str)

    def __init__(self, limit: int = LIMIT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kanaKeyboard")
        self._text = ""
        self._limit = limit
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        last = len(COLUMNS) - 1
        for i, column in enumerate(COLUMNS):
            for row, letter in enumerate(column):
                if letter:
                    grid.addWidget(self._key(letter, f"kana_{letter}", lambda c=letter: self.add(c)), row, last - i)
        marks = (
            ("゛", "kana_dakuten", lambda: self._edit(with_mark(self._text, DAKUTEN))),
            ("゜", "kana_handakuten", lambda: self._edit(with_mark(self._text, HANDAKUTEN))),
            (translate("KanaKeyboard", "小"), "kana_small", lambda: self._edit(toggle_small(self._text))),
            (translate("KanaKeyboard", "空白"), "kana_space", self.space),
            (translate("KanaKeyboard", "消す"), "kana_erase", self.erase),
        )
        for row, (text, name, on_click) in enumerate(marks):
            key = self._key(text, name, on_click)
            key.setProperty("mark", row < 2)  # ゛ and ゜ are small glyphs: drawn larger to be seen
            grid.addWidget(key, row, len(COLUMNS))

    @staticmethod
    def _key(text: str, name: str, on_click) -> QPushButton:
        return button(text, name, "kana", on_click)

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """What the keyboard starts from (a kana name the terminal sent): not cut to the limit, since it
        is the patient's own record; the limit stops only typing."""
        self._text = full_width(text)

    def add(self, letter: str) -> None:
        if len(self._text) < self._limit:
            self._edit(self._text + letter)
        else:
            self.changed.emit(self._text)  # still a press: the screen counts it as activity

    def space(self) -> None:
        if self._text and not self._text.endswith(SPACE) and len(self._text) < self._limit:
            self._edit(self._text + SPACE)
        else:
            self.changed.emit(self._text)

    def erase(self) -> None:
        self._edit(self._text[:-1])

    def _edit(self, text: str) -> None:
        self._text = text
        self.changed.emit(text)
