"""Colours, type and sizes of the kiosk: one table the stylesheet, the painters and the tests read.

Sizes are given for a 1280×800 screen and scaled up with the window, never down: an elderly patient
must get at least 32 px text and 90 px tall buttons on the smallest kiosk we support. Every text colour
is listed with the background it sits on, so the contrast test covers exactly what the stylesheet uses.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

# Picked by family name: Noto Sans CJK JP on Linux, the system's Japanese UI fonts on Windows and macOS.
FONT_FAMILIES = ("Noto Sans CJK JP", "Yu Gothic UI", "Meiryo", "Hiragino Sans", "Noto Sans JP", "sans-serif")
# Han characters are drawn differently in Chinese and Japanese (and Korean reads best in its own face): those
# languages put their own fonts first; the Japanese ones stay behind them for the Japanese terms in brackets.
LANGUAGE_FONTS = {
    "zh-Hans": ("Noto Sans CJK SC", "Microsoft YaHei UI", "PingFang SC"),
    "ko": ("Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo"),
}


def font_families(lang: str = "ja") -> tuple[str, ...]:
    return LANGUAGE_FONTS.get(lang, ()) + FONT_FAMILIES

BASE_SIZE = (1280, 800)

# px at scale 1
BODY_PX = 32
TITLE_PX = 46
BUTTON_PX = 34
CODE_PX = 24  # a T-code beside the staff panel's words: for staff, secondary on purpose
RECORD_PX = 28  # four lines per record on the staff panel, two records side by side
KEY_PX = 44
KANA_PX = 40  # the katakana keyboard: 11 columns of keys beside what is typed
KANA_KEY_HEIGHT = 74  # with padding and border 96 px: five rows fit the 申立書 form at 1280×800
BUTTON_HEIGHT = 96
BIG_BUTTON_HEIGHT = 150
GAP = 24
LARGE_TEXT = 1.5  # a patient's 「文字を大きく」: every size at once, so nothing is cut that fits at 1.0


@dataclass(frozen=True)
class Pair:
    """A text colour on its background, under the name the stylesheet uses for it."""

    fg: str
    bg: str


PAGE = Pair("#141414", "#ffffff")
MUTED = Pair("#3a3a3a", "#ffffff")  # secondary lines, still ≥ 7:1
PRIMARY = Pair("#ffffff", "#0a4593")  # the main way forward
PRIMARY_DOWN = Pair("#ffffff", "#062f66")
SECONDARY = Pair("#141414", "#e6ebf2")  # other choices; a dark border marks the edge
SECONDARY_DOWN = Pair("#141414", "#c9d3e0")
STAFF = Pair("#ffffff", "#8a2a00")  # 職員を呼ぶ: always the same colour, always in the same corner
STAFF_DOWN = Pair("#ffffff", "#5e1d00")
DISABLED = Pair("#3a3a3a", "#d4d4d4")
STEP_DONE = Pair("#0a4593", "#dce7f7")
STEP_CURRENT = Pair("#ffffff", "#0a4593")
STEP_TODO = Pair("#3a3a3a", "#eeeeee")
NOTE = Pair("#141414", "#eef4ea")  # privacy note, hints
CAUTION = Pair("#141414", "#ffd54a")  # tries left, expiring certificate
ALERT = Pair("#ffffff", "#9b0000")  # card left in the reader, PIN locked
OVERLAY = Pair("#141414", "#ffffff")  # the "still there?" card on a dimmed page
TOAST = Pair("#ffffff", "#1f1f1f")
# The button the ten-key is on: a yellow fill and a thick dark edge, unlike every button's own colours
# (blue, grey, dark red), so the change is seen whichever button it is.
KEY_FOCUS = Pair("#141414", "#ffd54a")

PAIRS: dict[str, Pair] = {
    name: value for name, value in globals().items() if isinstance(value, Pair)
}

BORDER = "#2b2b2b"
DIM = QColor(0, 0, 0, 150)  # behind overlays
ACCENT = QColor(PRIMARY.bg)


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    c = QColor(colour)

    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast_ratio(fg: str, bg: str) -> float:
    a, b = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def scale_for(width: int, height: int) -> float:
    """Grow with the screen, never shrink below the 1280×800 sizes; steps of 0.05 avoid restyling on
    every pixel of a resize."""
    s = min(width / BASE_SIZE[0], height / BASE_SIZE[1])
    return max(1.0, round(s * 20) / 20)


def stylesheet(scale: float, lang: str = "ja") -> str:
    def px(v: float) -> str:
        return f"{round(v * scale)}px"

    families = ", ".join(f'"{f}"' if f != "sans-serif" else f for f in font_families(lang))
    return f"""
    QWidget {{ font-family: {families}; font-size: {px(BODY_PX)}; color: {PAGE.fg}; }}
    #page, #kiosk {{ background: {PAGE.bg}; }}
    QLabel {{ background: transparent; }}
    QLabel[role="title"] {{ font-size: {px(TITLE_PX)}; font-weight: bold; }}
    QLabel[role="muted"] {{ color: {MUTED.fg}; }}
    QLabel[role="code"] {{ color: {MUTED.fg}; font-size: {px(CODE_PX)}; }}
    QLabel[role="note"] {{ color: {NOTE.fg}; background: {NOTE.bg}; border-radius: {px(12)};
        padding: {px(12)} {px(20)}; }}
    QLabel[role="caution"] {{ color: {CAUTION.fg}; background: {CAUTION.bg}; border-radius: {px(12)};
        padding: {px(12)} {px(20)}; font-weight: bold; }}
    QLabel[role="error"] {{ color: {ALERT.fg}; background: {ALERT.bg}; border-radius: {px(12)};
        padding: {px(12)} {px(20)}; font-weight: bold; }}
    QLabel[role="alert"] {{ color: {ALERT.fg}; background: {ALERT.bg}; border-radius: {px(12)};
        padding: {px(16)} {px(24)}; font-size: {px(TITLE_PX)}; font-weight: bold; }}
    QLabel[role="dots"] {{ font-size: {px(64)}; }}
    QLabel[role="toast"] {{ color: {TOAST.fg}; background: {TOAST.bg}; border-radius: {px(16)};
        padding: {px(20)} {px(32)}; }}
    QLabel[step="done"] {{ color: {STEP_DONE.fg}; background: {STEP_DONE.bg}; }}
    QLabel[step="current"] {{ color: {STEP_CURRENT.fg}; background: {STEP_CURRENT.bg}; font-weight: bold; }}
    QLabel[step="todo"] {{ color: {STEP_TODO.fg}; background: {STEP_TODO.bg}; }}
    QLabel[step] {{ border-radius: {px(28)}; padding: {px(6)} {px(22)}; min-height: {px(56)}; }}
    QPushButton {{ min-height: {px(BUTTON_HEIGHT)}; font-size: {px(BUTTON_PX)}; font-weight: bold;
        border-radius: {px(16)}; padding: {px(8)} {px(28)};
        color: {SECONDARY.fg}; background: {SECONDARY.bg}; border: {px(3)} solid {BORDER}; }}
    QPushButton:pressed {{ background: {SECONDARY_DOWN.bg}; }}
    QPushButton[kind="primary"] {{ color: {PRIMARY.fg}; background: {PRIMARY.bg}; border-color: {PRIMARY.bg}; }}
    QPushButton[kind="primary"]:pressed {{ background: {PRIMARY_DOWN.bg}; }}
    QPushButton[kind="staff"] {{ color: {STAFF.fg}; background: {STAFF.bg}; border-color: {STAFF.bg}; }}
    QPushButton[kind="staff"]:pressed {{ background: {STAFF_DOWN.bg}; }}
    QPushButton[kind="record"] {{ font-size: {px(RECORD_PX)}; font-weight: normal; text-align: left;
        padding: {px(14)} {px(24)}; }}
    QPushButton[kind="key"] {{ font-size: {px(KEY_PX)}; min-width: {px(150)}; }}
    QPushButton[kind="kana"] {{ font-size: {px(KANA_PX)}; min-height: {px(KANA_KEY_HEIGHT)}; min-width: {px(48)};
        padding: {px(8)} {px(4)}; }}
    QPushButton[kind="kana"][mark="true"] {{ font-size: {px(52)}; }}
    QLabel[role="typed"] {{ font-size: {px(KANA_PX)}; color: {PAGE.fg}; background: {PAGE.bg};
        border: {px(3)} solid {BORDER}; border-radius: {px(12)}; padding: {px(8)} {px(12)}; }}
    QPushButton[big="true"] {{ min-height: {px(BIG_BUTTON_HEIGHT)}; font-size: {px(TITLE_PX)}; }}
    QPushButton[keyfocus="true"] {{ color: {KEY_FOCUS.fg}; background: {KEY_FOCUS.bg};
        border: {px(8)} solid {KEY_FOCUS.fg}; }}
    QPushButton:disabled {{ color: {DISABLED.fg}; background: {DISABLED.bg}; border-color: {DISABLED.bg}; }}
    #staffRecordsScroll, #staffRecords {{ background: transparent; }}
    QScrollBar:vertical {{ width: {px(32)}; background: {SECONDARY.bg}; border-radius: {px(8)}; }}
    QScrollBar::handle:vertical {{ background: {BORDER}; border-radius: {px(8)}; min-height: {px(60)}; }}
    QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
    #overlayCard {{ background: {OVERLAY.bg}; border-radius: {px(24)}; border: {px(4)} solid {BORDER}; }}
    """
