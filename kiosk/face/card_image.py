"""A synthetic My Number card face, drawn with Pillow, for tests, the demo and staff training.

Only the printed fields 照合番号B is built from are drawn (plus a name and a grey photo box), where
card_layout puts them: a real card's layout is not reproduced.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from kiosk.core.domain import to_japanese_era
from kiosk.face import card_layout as layout

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
                     width: int = layout.WIDTH) -> np.ndarray:
    """RGB image of a card face (85.6 × 54 mm at ``width`` pixels) with the given printed fields."""
    from PIL import Image, ImageDraw

    unit = width / layout.WIDTH
    image = Image.new("RGB", (width, round(layout.HEIGHT * unit)), (236, 240, 246))
    draw = ImageDraw.Draw(image)
    label, text = _font(round(layout.LABEL_SIZE * unit)), _font(round(layout.VALUE_SIZE * unit))

    def at(point: tuple[int, int]) -> tuple[int, int]:
        return round(point[0] * unit), round(point[1] * unit)

    era, year = to_japanese_era(birth)
    values = ((layout.BIRTH, f"{era}{year}年 {birth.month}月{birth.day}日生"),
              (layout.EXPIRY, f"{expiry.year}年 {expiry.month}月{expiry.day}日まで有効"),
              (layout.SECURITY_CODE, security_code))
    draw.text(at(layout.NAME_LABEL_AT), "氏名", font=label, fill=(60, 60, 60))
    draw.text(at(layout.NAME_AT), name, font=text, fill=(0, 0, 0))
    for field, value in values:
        draw.text(at(field.label_at), field.label, font=label, fill=(60, 60, 60))
        draw.text(at(field.value_at), value, font=text, fill=(0, 0, 0))
    left, top, right, bottom = layout.PHOTO_BOX
    draw.rectangle((*at((left, top)), *at((right, bottom))), fill=(170, 170, 170))
    return np.asarray(image)
