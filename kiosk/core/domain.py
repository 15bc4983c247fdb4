"""The reception's vocabulary: what the card tells us, how identity was proven, what the patient chose.

Pure data, no I/O. Qualification results live in :mod:`kiosk.core.qualification`.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta


class Sex(str, enum.Enum):
    MALE = "1"
    FEMALE = "2"
    UNSET = "3"


@dataclass(frozen=True)
class CardFacts:
    """The 4 basic facts (基本4情報) read from the card's 入力補助AP. Never the individual number."""

    name: str
    address: str
    birth_date: date
    sex: Sex


@dataclass(frozen=True)
class CertificateInfo:
    """The user-authentication certificate read from the JPKI AP without a PIN."""

    der: bytes
    not_after: datetime
    subject_serial: str = ""

    def expired(self, now: datetime) -> bool:
        return now >= self.not_after

    def expiring_soon(self, now: datetime, days: int = 92) -> bool:
        """Within about 3 months of expiry (T4): the patient should renew at city hall."""
        return not self.expired(now) and self.not_after - now <= timedelta(days=days)


class CardKind(str, enum.Enum):
    MY_NUMBER = "my_number"
    OTHER = "other"  # a clinic card, a credit card, a transit card (T16)


@dataclass(frozen=True)
class CardSummary:
    """What the kiosk learns from an inserted card before any PIN: enough to choose a method."""

    kind: CardKind
    certificate: CertificateInfo | None = None
    pin_tries_left: int | None = None


class IdentityMethod(str, enum.Enum):
    FACE = "face"
    PIN = "pin"
    VISUAL = "visual"  # 目視: staff compared the patient with the card photo


@dataclass(frozen=True)
class Consent:
    """The patient's answers on the consent screens. ``limit`` is None when not asked."""

    medical: bool
    drugs: bool
    checkups: bool
    limit: bool | None = None


class Trouble(str, enum.Enum):
    """The trouble catalog of domain.md; each problem the kiosk handles is counted under one."""

    T1 = "T1"  # ● in name/address
    T2 = "T2"  # reader failure
    T3 = "T3"  # qualification invalid
    T4 = "T4"  # certificate expired / expiring
    T5 = "T5"  # differs from the clinic's record
    T6 = "T6"  # no qualification record
    T7 = "T7"  # burden ratio changed
    T8 = "T8"  # 限度額 wrong
    T9 = "T9"  # another person's data
    T10 = "T10"  # public subsidy certificates
    T11 = "T11"  # 資格情報のお知らせ only
    T12 = "T12"  # terminal / network down
    T13 = "T13"  # PIN forgotten / locked
    T14 = "T14"  # face fails
    T15 = "T15"  # card left in the reader
    T16 = "T16"  # not a My Number card
    T17 = "T17"  # staff help needed


def to_japanese_era(d: date) -> tuple[str, int]:
    """The era name and year of a Gregorian date, as printed on the card face (照合番号B needs it)."""
    eras = (
        (date(2019, 5, 1), "令和"),
        (date(1989, 1, 8), "平成"),
        (date(1926, 12, 25), "昭和"),
        (date(1912, 7, 30), "大正"),
        (date(1868, 1, 25), "明治"),
    )
    for start, name in eras:
        if d >= start:
            return name, d.year - start.year + 1
    raise ValueError(f"date before the Meiji era: {d.isoformat()}")
