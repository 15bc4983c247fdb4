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

_BIRTH = re.compile(r"(明治|大正|昭和|平成|令和)(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日")
_GREGORIAN = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_EXPIRY_WORDS = ("有効", "有效", "期限")
# A line holding only the code, perhaps after its label; OCR may add a stray mark around it.
_LONE_CODE = re.compile(r"^(?:.*コード)?[\W_]*(\d{4})[\W_]*$")


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


def parse_card_face(lines: list[str], today: date) -> CodeB:
    """照合番号B's fields from the text lines OCR read on the card face, in reading order."""
    normal = [_normalise(line) for line in lines]
    births = {m.groups() for line in normal for m in _BIRTH.finditer(line)}
    if len(births) != 1:
        raise CodeBUnavailable(f"birth date found {len(births)} times")
    era, year, month, day = births.pop()
    birth = era_date(era, 1 if year == "元" else int(year), int(month), int(day))

    expiry_lines = [line for line in normal if any(word in line for word in _EXPIRY_WORDS)]
    years = {int(m.group(1)) for line in (expiry_lines or normal) for m in _GREGORIAN.finditer(line)}
    if len(years) != 1:
        raise CodeBUnavailable(f"expiry year found {len(years)} times")

    codes = {m.group(1) for line in normal if (m := _LONE_CODE.match(line))}
    if len(codes) != 1:
        raise CodeBUnavailable(f"security code found {len(codes)} times")
    return check_plausible(CodeB(birth, years.pop(), codes.pop()), today)


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


# Era names as OCR misreads them on the card face: 令 and 今 differ by one stroke, and RapidOCR reads every
# 令和 birth date (every child born since May 2019) as 今和.
_ERA_MISREADS = {"今和": "令和"}


def _normalise(text: str) -> str:
    # Full-width digits to ASCII, drop spaces OCR inserts or omits between fields.
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    for misread, era in _ERA_MISREADS.items():
        text = text.replace(misread, era)
    return text
