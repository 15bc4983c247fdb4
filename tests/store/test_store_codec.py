"""The sealing codec: every domain dataclass the store keeps survives a round trip."""
from __future__ import annotations

import json
from datetime import date, datetime

from kiosk.core.fallback import CheckOutcome, Declaration, InsuranceType, decide_billing, recheck_item
from kiosk.core.qualification import ElderlyCertificate, InfoConsent, QualificationResult, SpecificDiseaseCertificate
from kiosk.core.qualification import Validity
from kiosk.store.codec import from_json, to_json


def _round_trip(kind, value):
    return from_json(kind, json.loads(json.dumps(to_json(value))))


def test_full_result_round_trips(make):
    record = make.record(
        elderly=ElderlyCertificate(date(2024, 8, 1), date(2024, 8, 1), date(2025, 7, 31), 20),
        specific_diseases=(SpecificDiseaseCertificate("01", valid_from=date(2024, 4, 1), self_pay_yen=10000),),
        drugs_consent=InfoConsent("1", datetime(2025, 7, 10, 9, 0, 5, tzinfo=make.jst)),
    )
    result = QualificationResult(Validity.VALID, (record,), "ok", processed_at=datetime(2025, 7, 10, 9, 0, 6))
    assert _round_trip(QualificationResult, result) == result


def test_declaration_and_billing_round_trip(make):
    decl = Declaration(
        make.facts(), make.kana, "090", date(2025, 7, 10), InsuranceType.UNKNOWN, other_addresses=("横浜",)
    )
    assert _round_trip(Declaration, decl) == decl
    billing = decide_billing(CheckOutcome.NO_RECORD, today=date(2025, 7, 10), declaration=decl)
    item = recheck_item("s", billing, date(1950, 4, 2), datetime(2025, 7, 10, 9))
    assert _round_trip(type(item), item) == item


def test_defaults_are_not_written_and_missing_keys_read_as_defaults(make):
    sealed = to_json(make.record())
    assert "medical_tickets" not in sealed and "elderly" not in sealed
    older = {"insurer_number": "06130012", "retired_field": "x"}  # from an older or newer kiosk
    assert from_json(type(make.record()), older).insurer_number == "06130012"
