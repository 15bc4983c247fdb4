"""The MHLW fallback rules: current, else 旧資格情報, else 不詳; and the re-check comparison."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from kiosk.core.domain import Trouble
from kiosk.core.fallback import (
    Basis,
    CheckOutcome,
    Declaration,
    DeclarationRequired,
    DeclarationSource,
    IncompleteDeclaration,
    InsuranceType,
    compare_recheck,
    decide_billing,
    outcome_of,
    recheck_item,
    statutory_burden_percent,
)
from kiosk.core.qualification import QualificationResult, Validity

TODAY = date(2025, 7, 10)


def declaration(make, **changes) -> Declaration:
    values = dict(
        facts=make.facts(),
        name_kana=make.kana,
        contact="090-1234-5678",
        declared_on=TODAY,
        insurance_type=InsuranceType.EMPLOYEE,
        insurer_name="けんぽ東京",
        employer="霞が関商事株式会社",
        burden_percent=30,
    )
    values.update(changes)
    return Declaration(**values)


def test_outcome_of_each_answer(make):
    assert outcome_of(None) is CheckOutcome.TERMINAL_DOWN
    assert outcome_of(QualificationResult(Validity.VALID, (make.record(),))) is CheckOutcome.CONFIRMED
    assert outcome_of(QualificationResult(Validity.INVALID, (make.record(),))) is CheckOutcome.INVALID
    assert outcome_of(QualificationResult(Validity.INVALID_NEWER, (make.record(),))) is CheckOutcome.INVALID
    assert outcome_of(QualificationResult(Validity.NO_RECORD)) is CheckOutcome.NO_RECORD
    two = (make.record(), make.record(insurer_number="39131015"))
    assert outcome_of(QualificationResult(Validity.SEVERAL, two)) is CheckOutcome.SEVERAL


def test_current_qualification_comes_first(make):
    current = make.record()
    billing = decide_billing(
        CheckOutcome.CONFIRMED, today=TODAY, current=current, last_confirmed=make.record(insurer_number="01130012")
    )
    assert billing.basis is Basis.CURRENT
    assert billing.record == current
    assert billing.remarks == ()
    assert billing.window_burden_percent == 20
    assert billing.declaration is DeclarationSource.NONE
    assert not billing.recheck


def test_invalid_screen_old_qualification_with_declaration(make):
    shown = make.record(insurer_number="06139999", burden_percent=20)
    billing = decide_billing(
        CheckOutcome.INVALID,
        today=TODAY,
        old_qualification=shown,
        last_confirmed=make.record(),
        declaration=declaration(make, burden_percent=30),
    )
    assert billing.basis is Basis.OLD_QUALIFICATION
    assert billing.record == shown  # the 資格（無効） screen is newer than our last visit
    assert billing.remarks == ("旧資格情報",)
    assert billing.window_burden_percent == 30  # the patient pays what they declared
    assert billing.warnings == ("burden_differs",)
    assert billing.recheck and billing.claim_ready


def test_terminal_down_returning_patient_previous_visit_counts_as_declaration(make):
    last = make.record()
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, last_confirmed=last, facts_unchanged=True)
    assert billing.basis is Basis.OLD_QUALIFICATION
    assert billing.record == last
    assert billing.remarks == ("旧資格情報",)
    assert billing.declaration is DeclarationSource.PREVIOUS_VISIT
    assert billing.window_burden_percent == 20


def test_returning_patient_who_did_not_confirm_needs_a_declaration(make):
    with pytest.raises(DeclarationRequired):
        decide_billing(CheckOutcome.NO_RECORD, today=TODAY, last_confirmed=make.record(), facts_unchanged=False)
    with pytest.raises(DeclarationRequired):
        decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY)


def test_unknown_claim_from_declaration(make):
    decl = declaration(
        make, other_addresses=("神奈川県横浜市中区1-1",), contact_date=date(2025, 7, 24), burden_percent=30
    )
    billing = decide_billing(CheckOutcome.NO_RECORD, today=TODAY, declaration=decl)
    assert billing.basis is Basis.UNKNOWN
    assert billing.record.insurer_number == "77777777"
    assert billing.record.card_symbol == ""
    assert billing.record.card_number == "777777777"
    assert billing.remarks == (
        "不詳",
        f"カナ氏名 {make.kana}",
        "保険者等名称 けんぽ東京",
        "事業所名 霞が関商事株式会社",
        "住所 東京都千代田区霞が関1-2-2",
        "住所 神奈川県横浜市中区1-1",
        "連絡先 090-1234-5678",
        "連絡日 令和7年7月24日",
    )
    assert billing.claim_ready
    assert billing.window_burden_percent == 30


def test_unknown_claim_configured_insurer_and_late_elderly_number(make):
    decl = declaration(make, insurance_type=InsuranceType.LATE_ELDERLY, burden_percent=10)
    billing = decide_billing(
        CheckOutcome.TERMINAL_DOWN, today=TODAY, declaration=decl, unknown_insurer_number="77777779"
    )
    assert billing.record.insurer_number == "77777779"
    assert billing.record.card_number == "77777777"  # 8 digits for 後期高齢者医療
    assert not billing.claim_ready  # the clinic has not contacted the patient yet
    assert not any(line.startswith("連絡日") for line in billing.remarks)


def test_unknown_insurance_type_and_burden_are_assumed_and_flagged(make):
    decl = declaration(make, insurance_type=InsuranceType.UNKNOWN, insurer_name="", employer="", burden_percent=None)
    billing = decide_billing(CheckOutcome.NO_RECORD, today=TODAY, declaration=decl)
    assert billing.window_burden_percent == 10  # born 1950: 75 or older
    assert billing.warnings == ("burden_assumed",)
    assert billing.remarks[:2] == ("不詳", f"カナ氏名 {make.kana}")
    assert not any(line.startswith(("保険者等名称", "事業所名")) for line in billing.remarks)


def test_unknown_claim_needs_kana_and_contact(make):
    with pytest.raises(IncompleteDeclaration):
        decide_billing(CheckOutcome.NO_RECORD, today=TODAY, declaration=declaration(make, contact=" "))


@pytest.mark.parametrize(
    "birth, on, percent",
    [
        (date(2020, 4, 1), date(2026, 3, 31), 20),  # born 1 April: school from April 2026
        (date(2020, 4, 1), date(2026, 4, 1), 30),
        (date(2020, 4, 2), date(2027, 3, 31), 20),  # born 2 April: school from April 2027
        (date(1955, 7, 15), date(2025, 7, 31), 30),  # 70 on 15 July: 2割 from 1 August
        (date(1955, 7, 15), date(2025, 8, 1), 20),
        (date(1955, 7, 1), date(2025, 7, 1), 20),  # born on the 1st: from that month
        (date(1950, 7, 11), date(2025, 7, 10), 20),  # 75 tomorrow
        (date(1950, 7, 10), date(2025, 7, 10), 10),
    ],
)
def test_statutory_burden_by_age(birth, on, percent):
    assert statutory_burden_percent(birth, on) == percent


def test_recheck_item_query_from_old_record_and_none_for_unknown(make):
    old = decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, last_confirmed=make.record(), facts_unchanged=True)
    item = recheck_item("s1", old, date(1950, 4, 2), datetime(2025, 7, 10, 9))
    assert item.query is not None
    assert (item.query.insurer_number, item.query.card_symbol, item.query.card_number) == ("06130012", "1234", "5678")
    assert item.query.birth_date == date(1950, 4, 2)
    unknown = decide_billing(CheckOutcome.NO_RECORD, today=TODAY, declaration=declaration(make))
    assert recheck_item("s2", unknown, date(1950, 4, 2), datetime(2025, 7, 10, 9)).query is None


def test_compare_recheck_reports_burden_and_insurer_changes(make):
    billing = decide_billing(
        CheckOutcome.TERMINAL_DOWN, today=TODAY, last_confirmed=make.record(), facts_unchanged=True
    )
    found = make.record(insurer_number="39131015", burden_percent=30)
    changes = compare_recheck(billing, QualificationResult(Validity.VALID, (found,)))
    assert [(c.code, c.trouble, c.billed, c.found) for c in changes] == [
        ("insurer_changed", Trouble.T3, "06130012", "39131015"),
        ("burden_changed", Trouble.T7, "20", "30"),
    ]


def test_compare_recheck_confirms_old_record_and_flags_lost_qualification(make):
    billing = decide_billing(
        CheckOutcome.TERMINAL_DOWN, today=TODAY, last_confirmed=make.record(), facts_unchanged=True
    )
    same = compare_recheck(billing, QualificationResult(Validity.VALID, (make.record(),)))
    assert [c.code for c in same] == ["now_confirmed"]
    lost = compare_recheck(billing, QualificationResult(Validity.INVALID, (make.record(),)))
    assert [(c.code, c.trouble) for c in lost] == [("qualification_lost", Trouble.T3)]
    none = compare_recheck(billing, QualificationResult(Validity.NO_RECORD))
    assert [(c.code, c.trouble) for c in none] == [("no_record", Trouble.T6)]


def test_compare_recheck_of_current_billing_without_change_is_empty(make):
    billing = decide_billing(CheckOutcome.CONFIRMED, today=TODAY, current=make.record())
    assert compare_recheck(billing, QualificationResult(Validity.VALID, (make.record(),))) == ()
    changed = replace(make.record(), card_number="9999")
    assert [c.code for c in compare_recheck(billing, QualificationResult(Validity.VALID, (changed,)))] == [
        "number_changed"
    ]


def test_staff_check_of_a_paper_card_is_current_even_after_a_failed_card_check(make):
    from_paper = make.record(insurer_number="39131015")
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, current=from_paper, last_confirmed=make.record())
    assert (billing.basis, billing.record, billing.remarks) == (Basis.CURRENT, from_paper, ())


def test_several_records_need_staff_choice(make):
    with pytest.raises(ValueError):
        decide_billing(CheckOutcome.SEVERAL, today=TODAY, declaration=declaration(make))
