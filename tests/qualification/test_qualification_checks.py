import dataclasses
from datetime import date, datetime

import pytest

from kiosk.core.domain import CardFacts, CertificateInfo, Sex, Trouble
from kiosk.core.qualification import QualificationResult
from kiosk.core.result_checks import addresses_match, check_result, names_match
from kiosk.qualification.scenario import load_scenario

NOW = datetime(2026, 11, 27, 9, 0)


def _result(name: str, **changes) -> QualificationResult:
    return dataclasses.replace(load_scenario(name).result, **changes)


def _with_record(**changes) -> QualificationResult:
    result = load_scenario("valid").result
    return dataclasses.replace(result, records=(dataclasses.replace(result.records[0], **changes),))


def test_the_demo_patient_matches_the_card(demo_facts, certificate):
    findings = check_result(_result("valid"), demo_facts, certificate, NOW)
    assert findings.findings == ()
    assert not findings.person_mismatch


@pytest.mark.parametrize(
    ("result_name", "card_name"),
    [("見本　太郎", "見本 太郎"), ("見本太郎", "見本　太郎"), ("ﾐﾎﾝ ﾀﾛｳ", "ミホン タロウ"), ("髙橋　一郎", "高橋 一郎"),
     ("渡邊　●", "渡辺 剛"), ("ＡＢＣ　ｔａｒｏ", "ABC taro")],
)
def test_names_match_across_width_spaces_variants_and_gaiji(result_name, card_name):
    assert names_match(result_name, card_name)


@pytest.mark.parametrize(
    ("result_name", "card_name"), [("見本　花子", "見本 太郎"), ("見本　●", "見本 太郎"), ("", "見本")]
)
def test_different_names_do_not_match(result_name, card_name):
    assert not names_match(result_name, card_name)


@pytest.mark.parametrize(
    "result_address",
    ["東京都千代田区霞が関１－２－２", "東京都千代田区霞ヶ関一丁目2番2号", "千代田区霞が関1-2-2",
     "東京都 千代田区 霞ケ関 1ー2ー2", "東京都千代田区霞が関１－●－２"],
)
def test_addresses_match_in_their_usual_spellings(result_address):
    assert addresses_match(result_address, "東京都千代田区霞が関1-2-2")


def test_another_persons_record_stops_the_flow(demo_facts):
    findings = check_result(_result("other_person"), demo_facts)
    assert findings.person_mismatch
    assert {f.field for f in findings.findings if f.trouble is Trouble.T9} == {"name", "birth_date", "sex"}
    assert "person_mismatch:name" in findings.staff_flags


@pytest.mark.parametrize("field,value", [("birth_date", date(1980, 2, 18)), ("sex", "2"), ("name", "見本　次郎")])
def test_any_one_differing_basic_fact_is_t9(demo_facts, field, value):
    assert check_result(_with_record(**{field: value}), demo_facts).person_mismatch


def test_an_unset_sex_or_missing_address_is_not_a_mismatch(demo_facts):
    assert check_result(_with_record(sex="3", address=""), demo_facts).findings == ()


def test_a_differing_address_alone_is_shown_to_staff_not_t9(demo_facts):
    findings = check_result(_with_record(address="東京都港区芝公園4-2-8"), demo_facts)
    assert not findings.person_mismatch
    assert findings.troubles == (Trouble.T5,)
    assert findings.findings[0].expected == demo_facts.address


def test_every_field_with_a_black_circle_is_flagged(demo_facts):
    findings = check_result(_result("gaiji"), demo_facts)
    assert findings.troubles == (Trouble.T1,)
    assert set(findings.staff_flags) == {"gaiji:name", "gaiji:insured_name", "gaiji:address"}
    assert not findings.person_mismatch  # ● stands for the character it could not hold


@pytest.mark.parametrize(
    "name,trouble", [("invalid", Trouble.T3), ("invalid_newer", Trouble.T3), ("no_record", Trouble.T6)]
)
def test_validity_findings(demo_facts, name, trouble):
    findings = check_result(_result(name), demo_facts)
    assert findings.troubles == (trouble,)


def test_the_old_qualification_is_handed_to_staff(demo_facts):
    findings = check_result(_result("invalid"), demo_facts)
    assert findings.old_qualification.disqualified_on == date(2026, 3, 31)
    assert check_result(_result("valid"), demo_facts).old_qualification is None


def test_several_records_ask_staff_to_choose(demo_facts):
    findings = check_result(_result("several"), demo_facts)
    assert findings.staff_choice and findings.has("several_records")


def test_certificate_expiry(demo_facts):
    soon = CertificateInfo(b"", not_after=datetime(2027, 1, 10))
    past = CertificateInfo(b"", not_after=datetime(2026, 1, 10))
    assert check_result(_result("valid"), demo_facts, soon, NOW).has("certificate_expiring")
    assert check_result(_result("valid"), demo_facts, past, NOW).has("certificate_expired")
    message = check_result(_result("expiring"), demo_facts)
    assert message.troubles == (Trouble.T4,) and message.has("certificate_expiring")


def test_another_terminal_notice_is_passed_to_staff_without_a_trouble(demo_facts):
    findings = check_result(_result("valid", message="保険者からのお知らせがあります"), demo_facts)
    assert findings.troubles == () and findings.staff_flags == ("terminal_notice",)


def test_changes_since_the_last_visit(demo_facts):
    previous = load_scenario("valid").result.record
    assert check_result(_result("burden_changed"), demo_facts, previous=previous).troubles == (Trouble.T7,)
    limit = check_result(_result("certificates"), demo_facts, previous=dataclasses.replace(previous, limit_class="A01"))
    assert limit.has("limit_changed") and Trouble.T8 in limit.troubles


def test_a_visit_without_limit_consent_says_nothing_about_the_limit_class(demo_facts):
    # 限度額 information comes only with the patient's consent: A03 now and none last time is no change.
    previous = load_scenario("valid").result.record
    assert previous.limit_class == ""
    now = check_result(_result("certificates"), demo_facts, previous=previous)
    assert not now.has("limit_changed") and Trouble.T8 not in now.troubles
    before = check_result(_result("valid"), demo_facts, previous=load_scenario("certificates").result.record)
    assert not before.has("limit_changed")


def test_insurance_card_checks_have_no_card_facts_to_compare():
    assert check_result(_result("other_person"), None).findings == ()


def test_the_linked_person_matches_their_own_card_in_another_spelling():
    facts = CardFacts("見本 花子", "大阪府大阪市北区梅田3丁目1番1号", date(1985, 7, 1), Sex.FEMALE)
    assert check_result(_result("other_person"), facts).findings == ()


def test_the_expiry_notice_in_the_terminals_own_words_is_t4(demo_facts):
    """「マイナンバーカードの失効期限3か月前」, the wording hangilc/myclinic-ts packages/onshi-result/MessageBody.ts
    gives for the notice on a normal result."""
    findings = check_result(_result("valid", message="マイナンバーカードの失効期限3か月前"), demo_facts)
    assert findings.troubles == (Trouble.T4,) and findings.staff_flags == ("certificate_expiring",)


def test_validity_6_is_valid_and_asks_staff_to_confirm_the_medical_ticket(demo_facts):
    """QualificationValidity 6 有効（未登録） (医療扶助; OQSCD006 as public code tables list it, schema.py [CT])."""
    result = _result("medical_aid_unregistered")
    assert result.validity.is_valid and result.old_qualification is None
    findings = check_result(result, demo_facts)
    assert findings.troubles == (Trouble.T10,) and findings.has("medical_ticket_unregistered")
    changed = dataclasses.replace(result, records=(dataclasses.replace(result.record, burden_percent=10),))
    last_visit = dataclasses.replace(result.record, burden_percent=0)
    assert check_result(changed, demo_facts, previous=last_visit).has("burden_changed")  # as any valid result
    assert check_result(_result("medical_aid"), demo_facts).troubles == ()
