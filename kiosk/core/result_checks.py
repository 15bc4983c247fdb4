"""Checks on every qualification result before anything is shown or billed.

:func:`check_result` compares the chip's 4 basic facts with the result (T9: another person's data linked
to the card), flags every field holding ● (T1), and turns validity, the terminal's notices, the card's
certificate and the last visit's record into findings the flow acts on. Pure functions over core data.

Comparison is by meaning, not by bytes: full- and half-width forms, spaces, the dash variants of
addresses and 丁目/番/号 are normalised; a ● in the result matches any one character (the insurer could
not hold it); common 異体字 pairs are folded, since the registry (chip) and the insurer write names with
different character sets. An address that differs alone is not T9 — insurers' addresses lag behind moves —
but it is shown to staff (T5).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from kiosk.core.domain import CardFacts, CertificateInfo, Trouble
from kiosk.core.qualification import QualificationRecord, QualificationResult, Validity

GAIJI = "●"

# 異体字 the registry keeps and insurers often replace with the common form (folded on both sides).
_VARIANTS = str.maketrans({
    "髙": "高", "﨑": "崎", "嵜": "崎", "邊": "辺", "邉": "辺", "齋": "斎", "齊": "斉", "濵": "浜", "濱": "浜",
    "澤": "沢", "櫻": "桜", "國": "国", "廣": "広", "德": "徳", "眞": "真", "惠": "恵", "壽": "寿", "瀨": "瀬",
    "藏": "蔵", "龍": "竜", "槇": "槙", "冨": "富", "曻": "昇",
})
_DASHES = "‐‑‒–—―−－ー─━ｰ-"
_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")
_PREFECTURE = re.compile(r"^(東京都|北海道|(?:京都|大阪)府|.{2,3}県)")


@dataclass(frozen=True)
class Finding:
    code: str  # stable name, also the staff flag: gaiji, person_mismatch, old_qualification, …
    trouble: Trouble | None = None
    field: str = ""  # the record field concerned, if one
    found: str = ""  # what the result says (staff console only: personal data, never logged)
    expected: str = ""  # what the card or the last visit says

    @property
    def flag(self) -> str:
        return f"{self.code}:{self.field}" if self.field else self.code


@dataclass(frozen=True)
class ResultFindings:
    findings: tuple[Finding, ...] = ()
    old_qualification: QualificationRecord | None = None  # 旧資格情報 for staff (validity 2/3)

    @property
    def person_mismatch(self) -> bool:
        """T9: stop, hide all medical information, call staff."""
        return any(f.trouble is Trouble.T9 for f in self.findings)

    @property
    def staff_choice(self) -> bool:
        """Several records match: staff choose the one to bill."""
        return any(f.code == "several_records" for f in self.findings)

    @property
    def troubles(self) -> tuple[Trouble, ...]:
        seen: list[Trouble] = []
        for finding in self.findings:
            if finding.trouble is not None and finding.trouble not in seen:
                seen.append(finding.trouble)
        return tuple(seen)

    @property
    def staff_flags(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.flag for f in self.findings))

    def has(self, code: str) -> bool:
        return any(f.code == code for f in self.findings)


# --- normalisation ------------------------------------------------------------------------------


def normalise_name(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_VARIANTS)
    return re.sub(r"\s+", "", text)


def normalise_address(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_VARIANTS)
    text = re.sub(r"\s+", "", text)
    text = re.sub(f"[{re.escape(_DASHES)}]", "-", text)
    text = re.sub(r"[ヶケヵが]", "ケ", text)
    # 一丁目二番三号 / 1丁目2番地3号 → 1-2-3
    text = re.sub(r"[〇一二三四五六七八九]+(?=丁目)", lambda m: m.group().translate(_KANJI_DIGITS), text)
    text = re.sub(r"(\d+)(?:丁目|番地|番)", r"\1-", text)
    text = re.sub(r"(\d+)号", r"\1", text)
    text = re.sub(r"(?<=\d)の(?=\d)", "-", text)
    return text.rstrip("-")


def _matches(found: str, expected: str) -> bool:
    """``found`` (from the result, may hold ●) equals ``expected``, ● standing for any one character."""
    if GAIJI not in found:
        return found == expected
    pattern = "".join("." if ch == GAIJI else re.escape(ch) for ch in found)
    return re.fullmatch(pattern, expected) is not None


def names_match(result_name: str, card_name: str) -> bool:
    return _matches(normalise_name(result_name), normalise_name(card_name))


def addresses_match(result_address: str, card_address: str) -> bool:
    found, expected = normalise_address(result_address), normalise_address(card_address)
    if _matches(found, expected):
        return True
    # One side may leave out the prefecture.
    return _matches(_PREFECTURE.sub("", found), _PREFECTURE.sub("", expected))


# --- the checks ---------------------------------------------------------------------------------

_GAIJI_FIELDS = ("name", "name_kana", "name_other", "name_other_kana", "insured_name", "address", "insurer_name")
# The terminal words the notice 「マイナンバーカードの失効期限3か月前」 (myclinic-ts
# packages/onshi-result/MessageBody.ts); its ProcessingResultCode is in no public source, so the words decide.
_EXPIRY_WORDS = ("失効期限", "有効期限", "期限切れ", "更新")


def _gaiji(record: QualificationRecord) -> list[Finding]:
    return [
        Finding("gaiji", Trouble.T1, name, getattr(record, name))
        for name in _GAIJI_FIELDS
        if GAIJI in getattr(record, name)
    ]


def _person(record: QualificationRecord, facts: CardFacts) -> list[Finding]:
    findings = []
    if record.name and not names_match(record.name, facts.name):
        findings.append(Finding("person_mismatch", Trouble.T9, "name", record.name, facts.name))
    if record.birth_date is not None and record.birth_date != facts.birth_date:
        findings.append(Finding("person_mismatch", Trouble.T9, "birth_date",
                                record.birth_date.isoformat(), facts.birth_date.isoformat()))
    card_sex = facts.sex.value
    if record.sex in ("1", "2") and card_sex in ("1", "2") and record.sex != card_sex:
        findings.append(Finding("person_mismatch", Trouble.T9, "sex", record.sex, card_sex))
    if record.address and facts.address and not addresses_match(record.address, facts.address):
        findings.append(Finding("address_differs", Trouble.T5, "address", record.address, facts.address))
    return findings


def _since_last_visit(record: QualificationRecord, previous: QualificationRecord) -> list[Finding]:
    findings = []
    known = None not in (record.burden_percent, previous.burden_percent)
    if known and record.burden_percent != previous.burden_percent:
        findings.append(Finding("burden_changed", Trouble.T7, "burden_percent",
                                str(record.burden_percent), str(previous.burden_percent)))
    # 限度額 information comes only with the patient's consent: a visit without it says nothing about the class.
    if record.limit_class and previous.limit_class and record.limit_class != previous.limit_class:
        findings.append(Finding("limit_changed", Trouble.T8, "limit_class", record.limit_class, previous.limit_class))
    return findings


def _certificate(
    result: QualificationResult, certificate: CertificateInfo | None, now: datetime | None
) -> list[Finding]:
    findings = []
    if certificate is not None and now is not None:
        if certificate.expired(now):
            findings.append(Finding("certificate_expired", Trouble.T4))
        elif certificate.expiring_soon(now):
            findings.append(Finding("certificate_expiring", Trouble.T4))
    if result.message:
        if any(word in result.message for word in _EXPIRY_WORDS):
            if not findings:
                findings.append(Finding("certificate_expiring", Trouble.T4, found=result.message))
        else:
            findings.append(Finding("terminal_notice", None, found=result.message))
    return findings


def check_result(
    result: QualificationResult,
    facts: CardFacts | None,
    certificate: CertificateInfo | None = None,
    now: datetime | None = None,
    previous: QualificationRecord | None = None,
) -> ResultFindings:
    """Everything staff or the flow must know about ``result`` before showing or billing it.

    ``facts``: the chip's 4 basic facts (None after a check by insurance-card data); ``previous``: the
    last confirmed record of this patient, if the store has one.
    """
    findings: list[Finding] = []
    for record in result.records:
        findings.extend(_gaiji(record))
    if result.validity is Validity.SEVERAL:
        findings.append(Finding("several_records"))  # staff choose; not a trouble of the catalog
    elif result.records and facts is not None:
        findings.extend(_person(result.records[0], facts))
    if result.validity in (Validity.INVALID, Validity.INVALID_NEWER):
        findings.append(Finding("old_qualification", Trouble.T3))
    elif result.validity is Validity.NO_RECORD:
        findings.append(Finding("no_record", Trouble.T6))
    elif result.validity.is_valid and result.record is not None and previous is not None:
        findings.extend(_since_last_visit(result.record, previous))
    if result.validity is Validity.VALID_UNREGISTERED:
        # 医療扶助 valid, but no 医療券 registered for this clinic: staff confirm it with the 福祉事務所 (T10).
        findings.append(Finding("medical_ticket_unregistered", Trouble.T10))
    findings.extend(_certificate(result, certificate, now))
    return ResultFindings(tuple(findings), result.old_qualification)
