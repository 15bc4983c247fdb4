"""A synthetic My Number card face, drawn with Pillow, for tests, the demo and staff training.

Only the printed fields 照合番号B is built from are drawn (plus a name and a grey photo box): a real
card's layout is not reproduced.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from kiosk.core.domain import to_japanese_era

FONT_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("C:/Windows/Fonts"))
FONT_NAMES = ("NotoSansCJK-Regular.ttc", "NotoSerifCJK-Regular.ttc", "msgothic.ttc", "YuGothM.ttc")


def _font(size: int):
    from PIL import ImageFont

    for directory in FONT_DIRS:
        for name in FONT_NAMES:
            if (directory / name).is_file():
                return ImageFont.truetype(str(directory / name), size)
    raise FileNotFoundError("no Japanese font found for the synthetic card face")


def render_card_face(name: str, birth: date, expiry: date, security_code: str,
                     width: int = 856) -> np.ndarray:
    """RGB image of a card face (85.6 × 54 mm at ``width`` pixels) with the given printed fields."""
    from PIL import Image, ImageDraw

    height = round(width * 54 / 85.6)
    unit = width / 856
    image = Image.new("RGB", (width, height), (236, 240, 246))
    draw = ImageDraw.Draw(image)
    era, year = to_japanese_era(birth)
    label, text = _font(round(22 * unit)), _font(round(30 * unit))
    x = round(40 * unit)
    draw.text((x, round(30 * unit)), "氏名", font=label, fill=(60, 60, 60))
    draw.text((x + round(80 * unit), round(24 * unit)), name, font=text, fill=(0, 0, 0))
    draw.text((x, round(110 * unit)), "生年月日", font=label, fill=(60, 60, 60))
    draw.text((x + round(110 * unit), round(104 * unit)), f"{era}{year}年 {birth.month}月{birth.day}日生",
              font=text, fill=(0, 0, 0))
    draw.text((x, round(190 * unit)), "有効期限", font=label, fill=(60, 60, 60))
    draw.text((x + round(110 * unit), round(184 * unit)),
              f"{expiry.year}年 {expiry.month}月{expiry.day}日まで有効", font=text, fill=(0, 0, 0))
    draw.text((x, round(400 * unit)), "セキュリティコード", font=label, fill=(60, 60, 60))
    draw.text((x + round(220 * unit), round(394 * unit)), security_code, font=text, fill=(0, 0, 0))
    draw.rectangle((round(640 * unit), round(120 * unit), round(816 * unit), round(340 * unit)),
                   fill=(170, 170, 170))
    return np.asarray(image)
