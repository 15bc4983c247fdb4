"""Furigana: the ruby markup of やさしい日本語 strings, and the label and button that paint it.

The markup is Aozora Bunko's: ``漢字《かんじ》`` puts the reading over the run of kanji right before 《;
``｜お金《おかね》`` marks where a base starts when it is not kanji only. ``plain`` is what a person
reads without the readings, ``reading`` what a Japanese voice is given (it then never guesses a
reading wrong), and ``RubyLabel`` / ``RubyButton`` paint the readings above their bases at half the
base's size, breaking lines where Japanese allows (never inside a base, never before 。 or 」).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QSize, Qt, QTextBoundaryFinder
from PySide6.QtGui import QColor, QFont, QFontInfo, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QStyle, QStyleOptionButton, QStylePainter, QWidget

KANJI = "\u3005\u3006\u30f6\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # 々〆ヶ count as kanji
RUBY = re.compile(rf"｜(?P<marked>[^｜《》\n]+)《(?P<marked_reading>[^《》\n]+)》"
                  rf"|(?P<base>[{KANJI}]+)《(?P<reading>[^《》\n]+)》")
BARE_KANJI = re.compile(f"[{KANJI}]")
RUBY_SIZE = 0.5  # of the base's pixel size: the usual furigana proportion
RUBY_MIN_PX = 14


@dataclass(frozen=True)
class Run:
    base: str
    reading: str = ""  # empty: plain text, no furigana


def runs(text: str) -> list[Run]:
    """The text cut into plain runs and ruby runs, in order; the markup itself is gone."""
    out: list[Run] = []
    at = 0
    for m in RUBY.finditer(text):
        if m.start() > at:
            out.append(Run(text[at:m.start()]))
        out.append(Run(m["marked"] or m["base"], m["marked_reading"] or m["reading"]))
        at = m.end()
    if at < len(text):
        out.append(Run(text[at:]))
    return out


def has_ruby(text: str) -> bool:
    return RUBY.search(text) is not None


def plain(text: str) -> str:
    """The markup removed, the bases kept: 「病院《びょういん》」 → 「病院」."""
    return RUBY.sub(lambda m: m["marked"] or m["base"], text)


def reading(text: str) -> str:
    """Each base replaced by its reading: 「病院《びょういん》」 → 「びょういん」. A counter right after a number
    keeps its kanji, since only the voice engine knows how the number changes it (1回 いっかい, 8日 ようか)."""

    def said(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        if m["base"] and (before.isdigit() or before == "}"):  # a digit, or a {placeholder} filled with one
            return m["base"]
        return m["marked_reading"] or m["reading"]

    return RUBY.sub(said, text)


def bare_kanji(text: str) -> str:
    """The kanji that carry no reading: what a やさしい日本語 string must not have."""
    return "".join(ch for r in runs(text) if not r.reading for ch in BARE_KANJI.findall(r.base))


# --- laying it out ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Piece:
    base: str
    reading: str
    width: float  # the advance on the line: the wider of the base and its reading


@dataclass(frozen=True)
class _Chunk:
    """What lies between two places a line may break."""

    pieces: tuple[_Piece, ...]
    width: float
    trailing: float  # the spaces at its end, which take no room at the end of a line


def ruby_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPixelSize(max(RUBY_MIN_PX, round(QFontInfo(font).pixelSize() * RUBY_SIZE)))
    small.setBold(False)
    return small


class RubyText:
    """One marked-up text in one font: its lines for a width, their height, and painting them."""

    def __init__(self, text: str, font: QFont) -> None:
        self.font = font
        self.small = ruby_font(font)
        self._fm = QFontMetricsF(font)
        self._rfm = QFontMetricsF(self.small)
        self.line_height = self._rfm.height() + self._fm.height()
        self.paragraphs = [self._chunks(p) for p in text.split("\n")]

    def _piece(self, base: str, reading: str) -> _Piece:
        width = self._fm.horizontalAdvance(base)
        return _Piece(base, reading, max(width, self._rfm.horizontalAdvance(reading)) if reading else width)

    def _chunks(self, paragraph: str) -> list[_Chunk]:
        parts = runs(paragraph)
        text = "".join(r.base for r in parts)
        inside: set[int] = set()  # no break within a base: its reading spans all of it
        at = 0
        for r in parts:
            if r.reading:
                inside.update(range(at + 1, at + len(r.base)))
            at += len(r.base)
        finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
        breaks = []
        while (position := finder.toNextBoundary()) > 0:
            if position not in inside:
                breaks.append(position)
        if not breaks or breaks[-1] != len(text):
            breaks.append(len(text))
        chunks, start = [], 0
        for end in breaks:
            pieces, at = [], 0
            for r in parts:
                lo, hi = max(start, at), min(end, at + len(r.base))
                if lo < hi:
                    pieces.append(self._piece(r.base, r.reading) if r.reading else
                                  self._piece(r.base[lo - at:hi - at], ""))
                at += len(r.base)
            chunk_text = text[start:end]
            trailing = self._fm.horizontalAdvance(chunk_text[len(chunk_text.rstrip()):])
            chunks.append(_Chunk(tuple(pieces), sum(p.width for p in pieces), trailing))
            start = end
        return chunks

    def natural_width(self) -> float:
        """The widest paragraph on one line."""
        return max(sum(c.width for c in chunks) - (chunks[-1].trailing if chunks else 0)
                   for chunks in self.paragraphs)

    def min_width(self) -> float:
        """The widest piece no line break can cut."""
        return max((c.width - c.trailing for chunks in self.paragraphs for c in chunks), default=0.0)

    def lines(self, width: float) -> list[tuple[list[_Piece], float]]:
        """Each line's pieces and the width they take (spaces at its end not counted)."""
        out: list[tuple[list[_Piece], float]] = []
        for chunks in self.paragraphs:
            line: list[_Piece] = []
            used = trailing = 0.0
            for chunk in chunks:
                if line and used + chunk.width - chunk.trailing > width:
                    out.append((line, used - trailing))
                    line, used = [], 0.0
                line.extend(chunk.pieces)
                used += chunk.width
                trailing = chunk.trailing
            out.append((line, used - trailing))
        return out

    def height(self, width: float) -> float:
        return len(self.lines(width)) * self.line_height

    def paint(self, p: QPainter, rect: QRect, alignment: Qt.AlignmentFlag, colour: QColor) -> None:
        lines = self.lines(rect.width())
        top = float(rect.top())
        spare = rect.height() - len(lines) * self.line_height
        if alignment & Qt.AlignmentFlag.AlignVCenter:
            top += spare / 2
        elif alignment & Qt.AlignmentFlag.AlignBottom:
            top += spare
        p.setPen(colour)
        for line, width in lines:
            x = float(rect.left())
            if alignment & Qt.AlignmentFlag.AlignHCenter:
                x += (rect.width() - width) / 2
            elif alignment & Qt.AlignmentFlag.AlignRight:
                x += rect.width() - width
            ruby_baseline = top + self._rfm.ascent()
            baseline = top + self._rfm.height() + self._fm.ascent()
            for piece in line:
                if piece.reading:  # each centred over the other: a long reading spreads past a short base
                    p.setFont(self.small)
                    r = self._rfm.horizontalAdvance(piece.reading)
                    p.drawText(QPointF(x + (piece.width - r) / 2, ruby_baseline), piece.reading)
                p.setFont(self.font)
                b = self._fm.horizontalAdvance(piece.base)
                p.drawText(QPointF(x + (piece.width - b) / 2, baseline), piece.base)
                x += piece.width
            top += self.line_height


_LAID_OUT: dict[tuple[str, str], RubyText] = {}
_LAID_OUT_MAX = 512


def laid_out(text: str, font: QFont) -> RubyText:
    """Layouts are asked for many times a frame (size hints, heights for widths): each is made once."""
    key = (text, font.key())
    found = _LAID_OUT.get(key)
    if found is None:
        if len(_LAID_OUT) >= _LAID_OUT_MAX:
            _LAID_OUT.clear()
        found = _LAID_OUT[key] = RubyText(text, QFont(font))
    return found


# --- the widgets -----------------------------------------------------------------------------------


class RubyLabel(QLabel):
    """A QLabel that paints furigana over marked-up text; any other text it shows as a QLabel does.

    ``text()`` is what was set, markup included (it is what the catalogs hold); the accessible name is
    the plain text. Role, object name and the stylesheet's font, colour, padding and background apply
    as on any label, and the size hints count the readings so layouts never cut them."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ruby = False
        self.setText(text)

    def setText(self, text: str) -> None:
        self._ruby = has_ruby(text)
        super().setText(text)
        self.setAccessibleName(plain(text) if self._ruby else "")
        self.updateGeometry()
        self.update()

    def _ruby_text(self) -> RubyText:
        self.ensurePolished()
        return laid_out(self.text(), self.font())

    def _margins(self) -> QSize:
        inner, extra = self.contentsRect(), 2 * self.margin()
        return QSize(self.width() - inner.width() + extra, self.height() - inner.height() + extra)

    def heightForWidth(self, width: int) -> int:
        if not self._ruby:
            return super().heightForWidth(width)
        m = self._margins()
        inner = width - m.width() if self.wordWrap() else 1 << 20
        return _up(self._ruby_text().height(inner)) + m.height()

    def sizeHint(self) -> QSize:
        if not self._ruby:
            return super().sizeHint()
        text = self._ruby_text()
        width = text.natural_width()
        if self.wordWrap():  # as QLabel does: a long text asks for about 80 characters, then wraps
            width = min(width, QFontMetricsF(self.font()).averageCharWidth() * 80)
        m = self._margins()
        return QSize(_up(width) + m.width(), _up(text.height(width)) + m.height())

    def minimumSizeHint(self) -> QSize:
        if not self._ruby:
            return super().minimumSizeHint()
        text = self._ruby_text()
        m = self._margins()
        width = text.min_width() if self.wordWrap() else text.natural_width()
        height = text.line_height if self.wordWrap() else text.height(width)
        return QSize(_up(width) + m.width(), _up(height) + m.height())

    def paintEvent(self, event) -> None:
        if not self._ruby:
            super().paintEvent(event)
            return
        QFrame.paintEvent(self, event)  # the frame and the stylesheet's box; the text is ours
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        inner = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        colour = self.palette().color(self.foregroundRole())
        self._ruby_text().paint(p, inner, self.alignment(), colour)


class RubyButton(QPushButton):
    """A touch button whose marked-up text gets furigana; ``text()`` keeps the markup."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ruby = False
        self.setText(text)

    def setText(self, text: str) -> None:
        self._ruby = has_ruby(text)
        super().setText(text)
        self.setAccessibleName(plain(text) if self._ruby else "")
        self.updateGeometry()
        self.update()

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        return option

    def _ruby_text(self) -> RubyText:
        self.ensurePolished()
        return laid_out(self.text(), self.font())

    def sizeHint(self) -> QSize:
        if not self._ruby:
            return super().sizeHint()
        text = self._ruby_text()
        content = QSize(_up(text.natural_width()), _up(text.height(1 << 20)))
        return self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, self._option(), content, self)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint() if self._ruby else super().minimumSizeHint()

    def paintEvent(self, event) -> None:
        if not self._ruby:
            super().paintEvent(event)
            return
        option = self._option()
        painter = QStylePainter(self)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        inner = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        colour = option.palette.color(QPalette.ColorRole.ButtonText)
        self._ruby_text().paint(painter, inner, Qt.AlignmentFlag.AlignCenter, colour)


def _up(value: float) -> int:
    return int(value) + (0 if value == int(value) else 1)
