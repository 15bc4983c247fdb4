"""照合番号B: birth date as era YYMMDD + card expiry year + 4-digit security code (14 digits).

Parsing what OCR read from the card face and validating what staff type. Nothing is ever guessed:
a missing, ambiguous or implausible field raises CodeBUnavailable.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from kiosk.core.domain import to_japanese_era
from kiosk.core.errors import CodeBUnavailable

ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
MAX_AGE = 125
CARD_YEARS = 11  # a card is valid up to its 10th birthday after issue (5th for minors): plus slack

# A character OCR was not sure of (card_reader puts it in place of a doubtful digit): it matches nothing.
UNSURE = "?"
_BIRTH = re.compile(r"(明治|大正|昭和|平成|令和)(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"(?<![\d?])((?:19|20)\d{2})年")
# The code alone, perhaps with a stray mark OCR saw beside it.
_CODE = re.compile(r"[^\d?]*(\d{4})[^\d?]*")


@dataclass(frozen=True)
class CodeB:
    birth: date
    expiry_year: int
    security_code: str

    @property
    def digits(self) -> str:
        _, year = to_japanese_era(self.birth)
        return f"{year:02d}{self.birth.month:02d}{self.birth.day:02d}{self.expiry_year:04d}{self.security_code}"


def era_date(era: str, year: int, month: int, day: int) -> date:
    """A Gregorian date from an era date, refusing ones the era never had (昭和70年, 平成1年1月1日)."""
    try:
        d = date(ERAS[era] + year - 1, month, day)
    except (KeyError, ValueError) as exc:
        raise CodeBUnavailable(f"birth date is not a date in {era}") from exc
    if to_japanese_era(d) != (era, year):
        raise CodeBUnavailable(f"birth date is outside the {era} era")
    return d


def check_plausible(code: CodeB, today: date) -> CodeB:
    if not (today.replace(year=today.year - MAX_AGE) <= code.birth <= today):
        raise CodeBUnavailable("birth date out of range")
    if not (code.birth.year <= code.expiry_year <= today.year + CARD_YEARS):
        raise CodeBUnavailable("card expiry year out of range")
    if not re.fullmatch(r"\d{4}", code.security_code):
        raise CodeBUnavailable("security code is not 4 digits")
    return code


def parse_card_face(texts: list[str], today: date) -> CodeB:
    """照合番号B's fields from what OCR read in the crops of card_layout.FIELDS, one text each, in order:
    the birth date (one era date), the card's expiry (one Gregorian year) and the security code (4 digits
    and nothing else)."""
    if len(texts) != 3:
        raise CodeBUnavailable("card face not found in the frame")
    birth_text, expiry_text, code_text = (_normalise(text) for text in texts)
    births = _BIRTH.findall(birth_text)
    if len(births) != 1:
        raise CodeBUnavailable(f"birth date found {len(births)} times")
    era, year, month, day = births[0]
    birth = era_date(era, 1 if year == "元" else int(year), int(month), int(day))
    years = _YEAR.findall(expiry_text)
    if len(years) != 1:
        raise CodeBUnavailable(f"expiry year found {len(years)} times")
    if (code := _CODE.fullmatch(code_text)) is None:
        raise CodeBUnavailable("security code not found")
    return check_plausible(CodeB(birth, int(years[0]), code.group(1)), today)


def validate_code_b(text: str, today: date) -> str:
    """The 14 digits staff typed, checked: an era date that exists, a plausible expiry year."""
    digits = _normalise(text).replace("-", "")
    if not re.fullmatch(r"\d{14}", digits):
        raise CodeBUnavailable("照合番号B must be 14 digits")
    yy, mm, dd, expiry, security = int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), digits[6:10], digits[10:]
    # The era is not part of the digits: accept the number when some era makes it a real, plausible date.
    for era in ERAS:
        try:
            birth = era_date(era, yy, mm, dd)
            return check_plausible(CodeB(birth, int(expiry), security), today).digits
        except CodeBUnavailable:
            continue
    raise CodeBUnavailable("birth date part is not a date in any era, or expiry year implausible")


# Era names as OCR misreads them on the card face. RapidOCR's model learnt Chinese glyphs, and the
# Japanese 令 is drawn otherwise: over the whole frame it read every 令和 birth date (every child born
# since May 2019) as 今和, and on the field's crop it reads 令, 今, 合 or 分 by turns (at 0.3–0.6). The
# era is not part of the 14 digits, so this mapping can never change them; it only lets the date be
# checked. The other eras read right on every demo card face.
_ERA_MISREADS = {"今和": "令和", "合和": "令和", "分和": "令和"}


def _normalise(text: str) -> str:
    # Full-width digits to ASCII, drop spaces OCR inserts or omits between fields.
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    for misread, era in _ERA_MISREADS.items():
        text = text.replace(misread, era)
    return text
