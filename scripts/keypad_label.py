"""The printable label for the kiosk's ten-key: each key's meaning, laid out as a numeric keypad is.

Made from the key map itself (kiosk.ui.keypad.KEYMAP), so the label says what the kiosk does.

    python scripts/keypad_label.py [--out docs/keypad-label.pdf]

Print at 100 %, cut out and stick above the keypad; put a raised dot (a tactile sticker) on 5.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.ui.keypad import KEYMAP, Command, label_rows  # noqa: E402

FONT = "HeiseiKakuGo-W5"
KEY = 18 * mm  # one key of a common USB ten-key, with its gap
# A common USB ten-key, row by row: (label, columns wide, rows tall); "" is a key the kiosk does not use.
LAYOUT = [
    [("", 1, 1), ("/", 1, 1), ("*", 1, 1), ("−", 1, 1)],
    [("7", 1, 1), ("8", 1, 1), ("9", 1, 1), ("+", 1, 2)],
    [("4", 1, 1), ("5", 1, 1), ("6", 1, 1)],
    [("1", 1, 1), ("2", 1, 1), ("3", 1, 1), ("Enter", 1, 2)],
    [("0", 2, 1), (".", 1, 1)],
]
SHORT = {  # the meaning printed on the key itself: a few characters fit
    Command.CONFIRM: "決定",
    Command.NEXT: "次へ",
    Command.PREVIOUS: "前へ",
    Command.REPEAT: "もう一度",
    Command.CALL_STAFF: "職員",
    Command.ERASE: "消す",
}


def _command(label: str) -> Command | None:
    return next((command for key_label, command in KEYMAP.values() if key_label == label), None)


def draw(out: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width, height = 4 * KEY + 20 * mm, 5 * KEY + 70 * mm
    pdf = canvas.Canvas(str(out), pagesize=(width, height))
    pdf.setTitle("受付機 テンキーのラベル")
    left, top = 10 * mm, height - 18 * mm
    pdf.setFont(FONT, 13)
    pdf.drawString(left, top + 6 * mm, "受付機のテンキー")
    occupied: set[tuple[int, int]] = set()
    for row, keys in enumerate(LAYOUT):
        column = 0
        for label, wide, tall in keys:
            while (row, column) in occupied:
                column += 1
            for r in range(row, row + tall):
                for c in range(column, column + wide):
                    occupied.add((r, c))
            x, y = left + column * KEY, top - (row + tall) * KEY
            pdf.roundRect(x + 1 * mm, y + 1 * mm, wide * KEY - 2 * mm, tall * KEY - 2 * mm, 2 * mm)
            command = _command(label)
            if label:
                pdf.setFont(FONT, 16 if len(label) <= 2 else 11)
                pdf.drawCentredString(x + wide * KEY / 2, y + tall * KEY / 2 + 1 * mm, label)
            if command is not None and command is not Command.DIGIT:
                pdf.setFont(FONT, 9)
                pdf.drawCentredString(x + wide * KEY / 2, y + tall * KEY / 2 - 5 * mm, SHORT[command])
            if label == "5":  # where the raised dot goes
                pdf.circle(x + KEY / 2, y + 4 * mm, 1.2 * mm, fill=1)
            column += wide
    pdf.setFont(FONT, 9)
    y = top - 5 * KEY - 8 * mm
    for keys, meaning in label_rows():
        pdf.drawString(left, y, f"{keys}：{meaning}")
        y -= 5 * mm
    pdf.drawString(left, y - 2 * mm, "5 のキーに触ってわかる突起（点）を貼ってください。")
    pdf.showPage()
    pdf.save()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "keypad-label.pdf")
    args = parser.parse_args()
    draw(args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
