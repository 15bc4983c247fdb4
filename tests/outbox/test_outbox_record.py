"""The outbox record for each basis MHLW allows when the online check fails: what the レセコン bills on."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from kiosk.core.fallback import CheckOutcome, InsuranceType, decide_billing
from kiosk.outbox.publisher import OutboxPublisher
from kiosk.outbox.record import SCHEMA, SCHEMA_VERSION
from kiosk.qualification.publisher import FaceFilePublisher
from tests.outbox.conftest import INSTITUTION, OLD_RECORD, TODAY, declaration, document, only, reception

NAME = re.compile(r"kiosk_fallback_1312345678_\d{10}_20261127091403\.json")


def _publisher(tmp_path: Path) -> OutboxPublisher:
    return OutboxPublisher(FaceFilePublisher(tmp_path / "face", INSTITUTION), tmp_path / "outbox", "受付機1")


def test_old_qualification_with_a_declaration_bills_the_old_record(tmp_path):
    form = declaration(burden_percent=20)
    billing = decide_billing(CheckOutcome.INVALID, today=TODAY, old_qualification=OLD_RECORD, declaration=form)
    name = _publisher(tmp_path).publish_fallback(reception(), billing, form)
    assert NAME.fullmatch(name)
    doc = document(tmp_path / "outbox")
    assert doc["schema"] == SCHEMA and doc["schema_version"] == SCHEMA_VERSION == 1
    assert doc["institution_code"] == INSTITUTION and doc["session_id"] == "3f2a-91c0-7b4e"
    assert doc["started_at"] == "2026-11-27T09:12:40" and doc["ended_at"] == "2026-11-27T09:14:03"
    assert doc["basis"] == "old_qualification" and doc["basis_label"] == "旧資格情報"
    assert doc["declaration_source"] == "form"
    assert doc["billed"] == {
        "insurer_number": "06139999", "insurer_name": "見本健康保険組合", "card_symbol": "見本",
        "card_number": "1234567", "branch_number": "00", "personal_family": "1", "name": "見本 花子",
        "name_kana": "ミホン ハナコ", "birth_date": "1956-03-08", "sex": "2", "burden_percent": 30,
    }
    assert doc["window_burden_percent"] == 20, "the patient pays the ratio they declared"
    assert doc["remarks"] == ["旧資格情報"]
    assert doc["claim_ready"] is True and doc["claim_waits_for"] is None and doc["recheck"] is True
    assert doc["warnings"] == ["burden_differs"] and doc["troubles"] == ["T3"]
    assert doc["declaration"]["name"] == "見本 花子" and doc["declaration"]["burden_percent"] == 20
    assert doc["declaration_pdf"] == name.removesuffix(".json") + ".pdf"
    assert (tmp_path / "outbox" / doc["declaration_pdf"]).read_bytes().startswith(b"%PDF-")


def test_last_visit_confirmed_orally_has_no_form_and_no_pdf(tmp_path):
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, last_confirmed=OLD_RECORD, facts_unchanged=True)
    _publisher(tmp_path).publish_fallback(reception(troubles=()), billing, None)
    doc = document(tmp_path / "outbox")
    assert doc["basis"] == "last_visit" and doc["basis_label"] == "前回の記録"
    assert doc["declaration_source"] == "previous_visit"
    assert doc["billed"]["insurer_number"] == "06139999" and doc["remarks"] == ["旧資格情報"]
    assert doc["window_burden_percent"] == 30 and doc["warnings"] == []
    assert doc["declaration"] is None and doc["declaration_pdf"] is None
    assert [p.suffix for p in (tmp_path / "outbox").iterdir()] == [".json"]


def test_insurance_card_seen_by_staff_bills_its_record_without_remarks(tmp_path):
    seen = replace(OLD_RECORD, insurer_number="01130012", insurer_name="全国健康保険協会 東京支部",
                   card_symbol="1234", card_number="56789", branch_number="01", burden_percent=30)
    billing = decide_billing(CheckOutcome.NO_RECORD, today=TODAY, current=seen)
    _publisher(tmp_path).publish_fallback(reception(troubles=()), billing, None)
    doc = document(tmp_path / "outbox")
    assert doc["basis"] == "insurance_card" and doc["basis_label"] == "資格確認書・保険証（職員確認）"
    assert doc["declaration_source"] == "none" and doc["remarks"] == []
    billed = doc["billed"]
    assert (billed["insurer_number"], billed["card_symbol"], billed["card_number"], billed["branch_number"]) == (
        "01130012", "1234", "56789", "01")
    assert doc["claim_ready"] is True and doc["recheck"] is False


def test_unknown_without_a_contact_date_waits_for_it(tmp_path):
    form = declaration()
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, declaration=form)
    _publisher(tmp_path).publish_fallback(reception(troubles=()), billing, form)
    doc = document(tmp_path / "outbox")
    assert doc["basis"] == "unknown" and doc["basis_label"] == "不詳"
    billed = doc["billed"]
    assert (billed["insurer_number"], billed["card_symbol"], billed["card_number"]) == ("77777777", "", "777777777")
    assert billed["name_kana"] == "ミホン ハナコ" and billed["burden_percent"] == 30
    # 保発0710第1号 3.(4): 「不詳」 first, then the 申立書's kana name, insurer name, employer, every address,
    # the contact (and the date the clinic contacted the patient, once there is one)
    assert doc["remarks"] == [
        "不詳", "カナ氏名 ミホン ハナコ", "保険者等名称 全国健康保険協会 東京支部", "事業所名 株式会社見本商事",
        "住所 東京都千代田区霞が関1-2-2", "住所 神奈川県横浜市中区本町6-50-10", "連絡先 090-1234-5678",
    ]
    assert doc["remarks"] == list(billing.remarks), "the 摘要 lines go out exactly as the flow decided them"
    assert doc["claim_ready"] is False and doc["claim_waits_for"] == "contact_date"
    assert doc["declaration"] == {
        "declared_on": "2026-11-27", "name": "見本 花子", "name_kana": "ミホン ハナコ", "birth_date": "1956-03-08",
        "sex": "2", "address": "東京都千代田区霞が関1-2-2", "other_addresses": ["神奈川県横浜市中区本町6-50-10"],
        "contact": "090-1234-5678", "insurance_type": "employee", "insurer_name": "全国健康保険協会 東京支部",
        "employer": "株式会社見本商事", "burden_percent": 30, "contact_date": None,
    }


def test_unknown_with_a_contact_date_is_ready_to_claim(tmp_path):
    form = declaration(contact_date=date(2026, 12, 3))
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, declaration=form)
    _publisher(tmp_path).publish_fallback(reception(), billing, form)
    doc = document(tmp_path / "outbox")
    assert doc["claim_ready"] is True and doc["claim_waits_for"] is None
    assert doc["remarks"][0] == "不詳" and doc["remarks"][-1] == "連絡日 令和8年12月3日"
    assert doc["declaration"]["contact_date"] == "2026-12-03"


def test_the_77777779_setting_and_late_elderly_numbers(tmp_path):
    form = declaration(insurance_type=InsuranceType.LATE_ELDERLY, burden_percent=None, insurer_name="", employer="",
                       facts=replace(declaration().facts, birth_date=date(1946, 5, 1)))
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, declaration=form,
                             unknown_insurer_number="77777779")
    _publisher(tmp_path).publish_fallback(reception(), billing, form)
    doc = document(tmp_path / "outbox")
    assert doc["billed"]["insurer_number"] == "77777779"
    assert doc["billed"]["card_number"] == "77777777", "後期高齢者医療: 8 sevens"
    assert doc["window_burden_percent"] == 10 and doc["warnings"] == ["burden_assumed"]
    assert not any(line.startswith(("保険者等名称", "事業所名")) for line in doc["remarks"])
    assert doc["declaration"]["burden_percent"] is None and doc["declaration"]["insurance_type"] == "late_elderly"
    assert only(tmp_path / "outbox", ".pdf").stat().st_size > 0
