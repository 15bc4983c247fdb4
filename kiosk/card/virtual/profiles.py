"""Named virtual cards: one healthy card and one for each trouble the kiosk must handle."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from kiosk.core.domain import Sex, to_japanese_era


@dataclass(frozen=True)
class Profile:
    name: str
    pin: str = "1234"
    pin_tries: int = 3
    assist_pin: str = "1234"
    assist_pin_tries: int = 3
    code_b_tries: int = 10  # both keys of 照合番号B (入力補助AP 0015, 券面AP 0012)
    # Keys that keep no count, answering 6300 (JICSAP's key without a retry limit): "pin", "assist-pin", "code-b".
    uncounted: frozenset[str] = frozenset()
    sign_password: str = "ABC123"
    holder_name: str = "見本 太郎"
    address: str = "東京都千代田区霞が関1-2-2"
    birth_date: date = date(1980, 2, 17)
    sex: Sex = Sex.MALE
    card_expiry: date = date(2030, 2, 17)
    security_code: str = "1234"
    individual_number: str = "123456789018"  # a made-up number; the kiosk must never read it
    cert_days_left: int = 3 * 365  # the user-authentication certificate's expiry, from start-up
    my_number_card: bool = True
    holder_key_matches: bool = True  # False: the card signs with a key its certificate does not hold
    answer_delay: float = 0.0  # seconds before every answer
    garbage: bool = False  # READ BINARY answers random bytes
    pull_after_reads: int | None = None  # the card leaves the reader on this READ BINARY of the certificate
    facts_prefix: bytes = b""  # bytes before the FF20 record of 入力補助AP 0002, as some cards are said to have
    # Hostile cards: what a broken or malicious card could answer; the kiosk must end each in a named error.
    silent_after: int | None = None  # answers this many APDUs, then none (the vpcd link never replies)
    cert_length_claim: int | None = None  # EF 000A's BER header claims this many bytes; FF filler to 32 KB
    damaged_cert_key: bool = False  # the certificate's public key is of an algorithm no library knows
    endless_more_data: bool = False  # READ BINARY and every GET RESPONSE answer 6100 (more data), without end
    endless_wrong_le: bool = False  # READ BINARY answers 6Cxx (wrong Le) whatever Le it is sent with
    claims_verified: frozenset[str] = frozenset()  # keys whose tries query answers 9000, nothing verified

    @property
    def code_b(self) -> str:
        """照合番号B: birth date as era YYMMDD + card expiry year + security code."""
        _, era_year = to_japanese_era(self.birth_date)
        return f"{era_year:02d}{self.birth_date:%m%d}{self.card_expiry:%Y}{self.security_code}"


_VALID = Profile(name="valid")

PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        _VALID,
        replace(_VALID, name="expiring", cert_days_left=30),
        replace(_VALID, name="expired", cert_days_left=-10),
        replace(_VALID, name="pin-low", pin_tries=1),
        replace(_VALID, name="pin-locked", pin_tries=0),
        replace(_VALID, name="assist-pin-differs", assist_pin="5678"),
        replace(_VALID, name="assist-pin-low", assist_pin_tries=1),
        replace(_VALID, name="holder-mismatch", holder_key_matches=False),
        replace(_VALID, name="not-my-number", my_number_card=False),
        replace(_VALID, name="slow", answer_delay=2.0),
        replace(_VALID, name="garbage", garbage=True),
        replace(_VALID, name="pulled", pull_after_reads=3),
        replace(_VALID, name="code-b-low", code_b_tries=2),  # a misread from the camera could near the lock
        replace(_VALID, name="code-b-uncounted", uncounted=frozenset({"code-b"})),
        replace(_VALID, name="pin-uncounted", uncounted=frozenset({"pin"})),
        replace(_VALID, name="facts-offset", facts_prefix=bytes.fromhex("0000FFFF00FF")),
        replace(_VALID, name="silent", silent_after=2),  # the first READ BINARY is never answered
        replace(_VALID, name="huge-length", cert_length_claim=0x7FFFFF),
        replace(_VALID, name="damaged-key", damaged_cert_key=True),
        replace(_VALID, name="endless-61xx", endless_more_data=True),
        replace(_VALID, name="wrong-le-loop", endless_wrong_le=True),
        replace(_VALID, name="tries-9000", claims_verified=frozenset({"pin"})),
        # A first visit: no past record here, so a failed check with a 申立書 can only bill 不詳.
        replace(_VALID, name="first-visit", holder_name="初診 花子", birth_date=date(1992, 4, 8), sex=Sex.FEMALE,
                address="東京都港区芝公園4-2-8", security_code="3104"),
        # A parent's three children, each with a card of their own (the terminal's child_1 … child_3).
        replace(_VALID, name="child-1", holder_name="見本 一郎", birth_date=date(2018, 6, 1), security_code="2101"),
        replace(_VALID, name="child-2", holder_name="見本 二葉", birth_date=date(2020, 9, 15), sex=Sex.FEMALE,
                security_code="2102"),
        replace(_VALID, name="child-3", holder_name="見本 三太", birth_date=date(2023, 1, 20), security_code="2103"),
    )
}


def profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise ValueError(f"no virtual card profile {name!r}; choose from {', '.join(PROFILES)}") from None
