"""The 被保険者資格申立書 PDF: a real one-page PDF whose text holds what the patient declared."""
from __future__ import annotations

import re
from datetime import date, datetime

from kiosk.core.fallback import InsuranceType
from kiosk.outbox.declaration_pdf import declaration_pdf
from tests.outbox.conftest import declaration, pdf_text


def _pdf(**changes) -> bytes:
    return declaration_pdf(declaration(**changes), session_id="3f2a-91c0-7b4e",
                           received_at=datetime(2026, 11, 27, 9, 14), kiosk_name="受付機1", basis_label="不詳",
                           window_burden_percent=30)


def test_the_form_is_a_one_page_pdf_holding_the_declared_items():
    pdf = _pdf()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type /Page\b", pdf)) == 1
    assert b"/HeiseiMin-W3" in pdf and b"/FontFile" not in pdf, "the built-in CID fonts, nothing embedded"
    text = pdf_text(pdf)
    for item in ("被保険者資格申立書", "氏名", "見本 花子", "フリガナ", "ミホン ハナコ", "生年月日", "昭和31年3月8日",
                 "性別", "住所", "東京都千代田区霞が関1-2-2", "神奈川県横浜市中区本町6-50-10", "連絡先",
                 "090-1234-5678", "加入医療保険種別", "保険者等名称", "全国健康保険協会 東京支部", "事業所名",
                 "株式会社見本商事", "一部負担金の割合", "上記のとおり申し立てます。", "申立日", "令和8年11月27日",
                 "署名", "受付機「受付機1」", "3f2a-91c0-7b4e", "医療機関記入欄", "患者への連絡日"):
        assert item in text, item
    assert "□男" in text and "■女" in text
    assert "■被用者保険" in text and "□国民健康保険" in text and "□後期高齢者医療" in text and "□わからない" in text
    assert "■3割" in text and "□2割" in text and "□1割" in text


def test_what_the_patient_did_not_know_is_ticked_or_left_blank():
    text = pdf_text(_pdf(insurance_type=InsuranceType.UNKNOWN, burden_percent=None, insurer_name="", employer="",
                         other_addresses=()))
    assert "■わからない" in text and "■3割" not in text and "■被用者保険" not in text
    assert "全国健康保険協会" not in text and "株式会社見本商事" not in text


def test_the_contact_date_is_printed_once_the_clinic_has_one():
    assert "令和8年12月3日" in pdf_text(_pdf(contact_date=date(2026, 12, 3)))
    assert "令和8年12月3日" not in pdf_text(_pdf())


def test_markup_characters_in_typed_text_are_printed_as_typed():
    text = pdf_text(_pdf(employer="A&B <工業>"))
    assert "A&B <工業>" in text
