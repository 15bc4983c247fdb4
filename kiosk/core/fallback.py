"""What to bill when the online check fails: the MHLW fallback rules (保発0710第1号, 2023-07-10).

Order (domain.md, "When the online check fails"):

1. the current qualification — from the check, or from a 保険証 / 資格確認書 / マイナポータル screen
   checked by staff (``check_by_insurance_card``);
2. the old qualification (旧資格情報) — shown on the 資格（無効） screen, or from a past visit here;
   摘要欄 「旧資格情報」;
3. 不詳 — insurer ``77777777`` (or ``77777779``), no 記号, number ``777777777`` (``77777777`` for
   後期高齢者医療), 摘要欄 starting 「不詳」 then the 申立書's kana name, insurer name, employer, every
   address, contact and the date the clinic contacted the patient.

Paths 2 and 3 need a 被保険者資格申立書; for a returning patient who confirms orally that nothing changed,
the previous visit's record counts as one. The patient pays the ratio they declared (3割分等), not 10割.
A failed check leaves a re-check to run when the terminal answers; :func:`compare_recheck` turns its
answer into changes for staff.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from kiosk.core.domain import CardFacts, Trouble, to_japanese_era
from kiosk.core.errors import KioskError
from kiosk.core.qualification import QualificationRecord, QualificationResult, Validity
from kiosk.core.values import InsuranceCardQuery

OLD_QUALIFICATION_REMARK = "旧資格情報"
UNKNOWN_REMARK = "不詳"
UNKNOWN_INSURED_NUMBER = "777777777"
UNKNOWN_INSURED_NUMBER_LATE_ELDERLY = "77777777"


class DeclarationRequired(KioskError):
    """The check failed and there is neither a 申立書 nor a returning patient's unchanged record."""

    code = "declaration_required"


class IncompleteDeclaration(KioskError):
    """A 不詳 claim needs the kana name and a contact; the 申立書 lacks one of them."""

    code = "incomplete_declaration"


class InsuranceType(str, enum.Enum):
    """加入医療保険種別 as the patient ticks it on the 申立書."""

    EMPLOYEE = "employee"  # 被用者保険 (社保, 共済, 国保組合 included by patients)
    NATIONAL = "national"  # 国民健康保険
    LATE_ELDERLY = "late_elderly"  # 後期高齢者医療
    UNKNOWN = "unknown"  # わからない


@dataclass(frozen=True)
class Declaration:
    """被保険者資格申立書: what the patient declares "as far as they can"."""

    facts: CardFacts  # card-face name, birth date, sex, address
    name_kana: str
    contact: str  # telephone or another way to reach the patient
    declared_on: date
    insurance_type: InsuranceType = InsuranceType.UNKNOWN
    insurer_name: str = ""
    employer: str = ""
    burden_percent: int | None = None  # 30 = 3割; None when the patient does not know
    other_addresses: tuple[str, ...] = ()  # e.g. where they actually live, when not the card's address
    contact_date: date | None = None  # when the clinic reached the patient afterwards (needed for 不詳)


class CheckOutcome(str, enum.Enum):
    CONFIRMED = "confirmed"
    TERMINAL_DOWN = "terminal_down"  # T12: no answer at all
    INVALID = "invalid"  # T3: 資格（無効）, the lost qualification is shown
    NO_RECORD = "no_record"  # T6: 該当資格なし
    SEVERAL = "several"  # 複数該当: staff choose the current record


def outcome_of(result: QualificationResult | None) -> CheckOutcome:
    """The outcome of a check; ``None`` means the terminal did not answer."""
    if result is None:
        return CheckOutcome.TERMINAL_DOWN
    if result.validity.is_valid:
        return CheckOutcome.CONFIRMED if result.record else CheckOutcome.SEVERAL
    if result.validity in (Validity.INVALID, Validity.INVALID_NEWER):
        return CheckOutcome.INVALID
    if result.validity is Validity.SEVERAL:
        return CheckOutcome.SEVERAL
    return CheckOutcome.NO_RECORD


class Basis(str, enum.Enum):
    CURRENT = "current"
    OLD_QUALIFICATION = "old_qualification"
    UNKNOWN = "unknown"  # 不詳


class DeclarationSource(str, enum.Enum):
    NONE = "none"  # current qualification: no 申立書 needed
    FORM = "form"
    PREVIOUS_VISIT = "previous_visit"  # returning patient, "nothing changed" confirmed orally


@dataclass(frozen=True)
class Billing:
    basis: Basis
    record: QualificationRecord  # what goes on the claim
    window_burden_percent: int  # what the patient pays today
    remarks: tuple[str, ...] = ()  # 摘要欄 lines, first line 「旧資格情報」 or 「不詳」
    declaration: DeclarationSource = DeclarationSource.NONE
    claim_ready: bool = True  # a 不詳 claim waits until the clinic has tried to contact the patient
    recheck: bool = False
    warnings: tuple[str, ...] = ()  # codes for staff: burden_differs (T7), burden_assumed


def decide_billing(
    outcome: CheckOutcome,
    *,
    today: date,
    current: QualificationRecord | None = None,
    old_qualification: QualificationRecord | None = None,
    last_confirmed: QualificationRecord | None = None,
    declaration: Declaration | None = None,
    facts_unchanged: bool = False,
    unknown_insurer_number: str = "77777777",
) -> Billing:
    """The billing data for one reception, in the MHLW order.

    ``current`` is the confirmed record (for SEVERAL: the one staff chose; after a 保険証 check by staff
    it is that check's record). ``old_qualification`` is the record of the 資格（無効） screen;
    ``last_confirmed`` the returning patient's record from the store; ``facts_unchanged`` that the
    patient confirmed orally nothing changed since.
    """
    if current is not None:
        window, warnings = _window(current.burden_percent, None, current.birth_date, today)
        return Billing(Basis.CURRENT, current, window, warnings=warnings)
    if outcome in (CheckOutcome.CONFIRMED, CheckOutcome.SEVERAL):
        # A confirmed check always has a current record; several records need staff's choice first.
        raise ValueError(f"check outcome {outcome.value} needs the current record (staff choose one of several)")
    if declaration is not None:
        source = DeclarationSource.FORM
    elif last_confirmed is not None and facts_unchanged:
        source = DeclarationSource.PREVIOUS_VISIT
    else:
        raise DeclarationRequired(f"check outcome {outcome.value}: a 申立書 is needed")
    declared = declaration.burden_percent if declaration else None
    old = old_qualification or last_confirmed
    if old is not None:
        birth = old.birth_date or (declaration.facts.birth_date if declaration else None)
        window, warnings = _window(old.burden_percent, declared, birth, today)
        return Billing(
            Basis.OLD_QUALIFICATION,
            old,
            window,
            remarks=(OLD_QUALIFICATION_REMARK,),
            declaration=source,
            recheck=True,
            warnings=warnings,
        )
    assert declaration is not None  # PREVIOUS_VISIT implies an old record
    return unknown_billing(declaration, today=today, unknown_insurer_number=unknown_insurer_number)


def unknown_billing(declaration: Declaration, *, today: date, unknown_insurer_number: str = "77777777") -> Billing:
    """The 不詳 claim (3.(4)) built from a 申立書."""
    if not declaration.name_kana.strip() or not declaration.contact.strip():
        raise IncompleteDeclaration("a 不詳 claim needs the kana name and a contact")
    facts = declaration.facts
    late_elderly = declaration.insurance_type is InsuranceType.LATE_ELDERLY
    window, warnings = _window(None, declaration.burden_percent, facts.birth_date, today)
    record = QualificationRecord(
        insurer_number=unknown_insurer_number,
        insurer_name=declaration.insurer_name,
        card_symbol="",
        card_number=UNKNOWN_INSURED_NUMBER_LATE_ELDERLY if late_elderly else UNKNOWN_INSURED_NUMBER,
        name=facts.name,
        name_kana=declaration.name_kana,
        sex=facts.sex.value,
        birth_date=facts.birth_date,
        address=facts.address,
        burden_percent=window,
    )
    return Billing(
        Basis.UNKNOWN,
        record,
        window,
        remarks=unknown_remarks(declaration),
        declaration=DeclarationSource.FORM,
        claim_ready=declaration.contact_date is not None,
        recheck=True,
        warnings=warnings,
    )


def unknown_remarks(declaration: Declaration) -> tuple[str, ...]:
    """摘要欄: 「不詳」 first, then the 申立書's facts, one per line, empty ones left out."""
    lines = [UNKNOWN_REMARK, f"カナ氏名 {declaration.name_kana.strip()}"]
    if declaration.insurer_name.strip():
        lines.append(f"保険者等名称 {declaration.insurer_name.strip()}")
    if declaration.employer.strip():
        lines.append(f"事業所名 {declaration.employer.strip()}")
    addresses = [declaration.facts.address, *declaration.other_addresses]
    lines.extend(f"住所 {a.strip()}" for a in dict.fromkeys(addresses) if a.strip())
    lines.append(f"連絡先 {declaration.contact.strip()}")
    if declaration.contact_date is not None:
        lines.append(f"連絡日 {japanese_date(declaration.contact_date)}")
    return tuple(lines)


def japanese_date(d: date) -> str:
    era, year = to_japanese_era(d)
    return f"{era}{'元' if year == 1 else year}年{d.month}月{d.day}日"


def statutory_burden_percent(birth_date: date, on: date) -> int:
    """The usual ratio by age, used only when the patient does not know theirs (flagged for staff).

    Before school entry 2割; 70–74 2割 (from the month after turning 70); 75+ 1割 (後期高齢者医療; higher
    incomes pay more, which only the insurer knows); otherwise 3割. Ages follow the Japanese rule that
    one reaches an age the day before the birthday.
    """
    school_entry_year = birth_date.year + (6 if (birth_date.month, birth_date.day) <= (4, 1) else 7)
    if on < date(school_entry_year, 4, 1):
        return 20
    if on >= _birthday(birth_date, 75):
        return 10
    reaches_70 = _birthday(birth_date, 70) - timedelta(days=1)
    first_month_70 = date(reaches_70.year + reaches_70.month // 12, reaches_70.month % 12 + 1, 1)
    return 20 if on >= first_month_70 else 30


def _birthday(birth: date, age: int) -> date:
    try:
        return birth.replace(year=birth.year + age)
    except ValueError:  # 29 February
        return date(birth.year + age, 3, 1)


def _window(
    record_percent: int | None, declared_percent: int | None, birth: date | None, today: date
) -> tuple[int, tuple[str, ...]]:
    """What the patient pays today and the warnings for staff."""
    warnings: list[str] = []
    if declared_percent is not None and record_percent is not None and declared_percent != record_percent:
        warnings.append("burden_differs")
    percent = declared_percent if declared_percent is not None else record_percent
    if percent is None:
        percent = statutory_burden_percent(birth, today) if birth else 30
        warnings.append("burden_assumed")
    return percent, tuple(warnings)


# --- the re-check -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecheckItem:
    """A check to run again once the terminal answers. ``query`` is None while nobody knows the
    numbers (a 不詳 claim): staff fill it in after contacting the patient."""

    session_id: str
    billing: Billing
    birth_date: date
    created_at: datetime
    query: InsuranceCardQuery | None = None
    id: int | None = None


def recheck_item(session_id: str, billing: Billing, birth_date: date, created_at: datetime) -> RecheckItem:
    return RecheckItem(session_id, billing, birth_date, created_at, recheck_query(billing, birth_date))


def recheck_query(billing: Billing, birth_date: date) -> InsuranceCardQuery | None:
    record = billing.record
    if billing.basis is Basis.UNKNOWN or not record.insurer_number or not record.card_number:
        return None
    return InsuranceCardQuery(
        insurer_number=record.insurer_number,
        card_symbol=record.card_symbol,
        card_number=record.card_number,
        branch_number=record.branch_number,
        birth_date=birth_date,
    )


@dataclass(frozen=True)
class Change:
    """One difference between what was billed and what the re-check found, for staff."""

    code: str  # qualification_lost, no_record, several_records, insurer_changed, number_changed,
    # burden_changed, limit_changed, now_confirmed
    trouble: Trouble | None
    billed: str = ""
    found: str = ""


def compare_recheck(billing: Billing, result: QualificationResult) -> tuple[Change, ...]:
    """What staff must act on after a re-check; empty when the bill stands as it is."""
    billed = billing.record
    if result.validity in (Validity.INVALID, Validity.INVALID_NEWER):
        return (Change("qualification_lost", Trouble.T3, billed.insurer_number, "invalid"),)
    if result.validity is Validity.NO_RECORD:
        return (Change("no_record", Trouble.T6, billed.insurer_number, "no_record"),)
    found = result.record
    if found is None:
        return (Change("several_records", None, billed.insurer_number, str(len(result.records))),)
    changes: list[Change] = []
    if found.insurer_number != billed.insurer_number:
        changes.append(Change("insurer_changed", Trouble.T3, billed.insurer_number, found.insurer_number))
    billed_number = _insured_number(billed)
    found_number = _insured_number(found)
    if found_number != billed_number:
        changes.append(Change("number_changed", Trouble.T3, billed_number, found_number))
    if found.burden_percent is not None and found.burden_percent != billing.window_burden_percent:
        changes.append(
            Change("burden_changed", Trouble.T7, str(billing.window_burden_percent), str(found.burden_percent))
        )
    if found.limit_class != billed.limit_class and billing.basis is not Basis.UNKNOWN:
        changes.append(Change("limit_changed", Trouble.T8, billed.limit_class, found.limit_class))
    if not changes and billing.basis is not Basis.CURRENT:
        # the old qualification was current after all: the 摘要 「旧資格情報」 can go
        changes.append(Change("now_confirmed", None, billing.basis.value, Basis.CURRENT.value))
    return tuple(changes)


def _insured_number(record: QualificationRecord) -> str:
    return "・".join(part for part in (record.card_symbol, record.card_number, record.branch_number) if part)

