"""The one dataclass↔JSON codec: the store's lenient reading of what it sealed, the strict reading of files
people write (scenarios), and the values in between (frozensets, enums, dates)."""
from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pytest

from kiosk.core.codec import from_json, to_json
from kiosk.core.domain import CardFacts, Consent, Sex, Trouble
from kiosk.core.fallback import (
    Change,
    CheckOutcome,
    Declaration,
    InsuranceType,
    RecheckItem,
    decide_billing,
    recheck_item,
)
from kiosk.core.qualification import (
    ElderlyCertificate,
    InfoConsent,
    QualificationRecord,
    QualificationResult,
    Reference,
    SpecificDiseaseCertificate,
    Validity,
)
from kiosk.core.values import InsuranceCardQuery

JST = timezone(timedelta(hours=9))
TODAY = date(2025, 7, 10)


def _facts() -> CardFacts:
    return CardFacts(name="渡邊花子", address="東京都千代田区霞が関1-2-2", birth_date=date(1950, 4, 2), sex=Sex.FEMALE)


def _record(**changes) -> QualificationRecord:
    values = dict(insurer_number="06130012", insurer_name="けんぽ東京", card_symbol="1234", card_number="5678",
                  name="渡邊花子", birth_date=date(1950, 4, 2), burden_percent=20, limit_class="A03")
    values.update(changes)
    return QualificationRecord(**values)


def _full_result() -> QualificationResult:
    record = _record(
        elderly=ElderlyCertificate(date(2024, 8, 1), date(2024, 8, 1), date(2025, 7, 31), 20),
        specific_diseases=(SpecificDiseaseCertificate("01", valid_from=date(2024, 4, 1), self_pay_yen=10000),),
        drugs_consent=InfoConsent("1", datetime(2025, 7, 10, 9, 0, 5, tzinfo=JST)),
    )
    return QualificationResult(Validity.VALID, (record,), "ok", reference=Reference.CARD,
                               processed_at=datetime(2025, 7, 10, 9, 0, 6))


def _declaration() -> Declaration:
    return Declaration(_facts(), "ワタナベハナコ", "090", TODAY, InsuranceType.UNKNOWN, other_addresses=("横浜",))


def _round_trip(kind, value, **read):
    return from_json(kind, json.loads(json.dumps(to_json(value))), **read)


# --- what the store seals ---------------------------------------------------------------------------

# Written by the store's own codec before there was one codec (kiosk/store/codec.py): sealed rows hold
# exactly these bytes, so they must still read to the same values, and writing must not change them.
SEALED_RESULT = (
    '{"validity": 1, "records": [{"insurer_number": "06130012", "insurer_name": "けんぽ東京", '
    '"card_symbol": "1234", "card_number": "5678", "name": "渡邊花子", "birth_date": "1950-04-02", '
    '"burden_percent": 20, "limit_class": "A03", "elderly": {"issued_on": "2024-08-01", '
    '"valid_from": "2024-08-01", "valid_until": "2025-07-31", "burden_percent": 20}, '
    '"specific_diseases": [{"category": "01", "valid_from": "2024-04-01", "self_pay_yen": 10000}], '
    '"drugs_consent": {"flag": "1", "consented_at": "2025-07-10T09:00:05+09:00"}}], "message": "ok", '
    '"reference": "1", "processed_at": "2025-07-10T09:00:06"}'
)
SEALED_RECHECK = (
    '{"session_id": "s", "billing": {"basis": "unknown", "record": {"insurer_number": "77777777", '
    '"card_number": "777777777", "name": "渡邊花子", "name_kana": "ワタナベハナコ", "sex": "2", '
    '"birth_date": "1950-04-02", "address": "東京都千代田区霞が関1-2-2", "burden_percent": 10}, '
    '"window_burden_percent": 10, "remarks": ["不詳", "カナ氏名 ワタナベハナコ", "住所 東京都千代田区霞が関1-2-2", '
    '"住所 横浜", "連絡先 090"], "declaration": "form", "claim_ready": false, "recheck": true, '
    '"warnings": ["burden_assumed"]}, "birth_date": "1950-04-02", "created_at": "2025-07-10T09:00:00"}'
)


def _unknown_recheck() -> RecheckItem:
    billing = decide_billing(CheckOutcome.NO_RECORD, today=TODAY, declaration=_declaration())
    return recheck_item("s", billing, date(1950, 4, 2), datetime(2025, 7, 10, 9))


def test_values_sealed_before_read_and_write_as_before():
    assert from_json(QualificationResult, json.loads(SEALED_RESULT)) == _full_result()
    assert json.dumps(to_json(_full_result()), ensure_ascii=False) == SEALED_RESULT
    assert from_json(RecheckItem, json.loads(SEALED_RECHECK)) == _unknown_recheck()
    assert json.dumps(to_json(_unknown_recheck()), ensure_ascii=False) == SEALED_RECHECK


def test_every_value_the_store_keeps_round_trips():
    query = InsuranceCardQuery("39131015", "", "12345678", "", date(1950, 4, 2))
    for value in (_full_result(), _facts(), _declaration(), _unknown_recheck(), query,
                  Consent(medical=True, drugs=True, checkups=False, limit=None),
                  Change("burden_changed", Trouble.T7, "20", "30"), Change("now_confirmed", None)):
        assert _round_trip(type(value), value) == value


def test_defaults_are_not_written_and_missing_keys_read_as_defaults():
    sealed = to_json(_record())
    assert "medical_tickets" not in sealed and "elderly" not in sealed and "address" not in sealed
    older = {"insurer_number": "06130012", "retired_field": "x"}  # from an older or a newer kiosk
    record = from_json(QualificationRecord, older)
    assert (record.insurer_number, record.medical_tickets, record.elderly) == ("06130012", (), None)


def test_defaults_true_writes_every_field():
    written = to_json(_record(), defaults=True)
    assert written["medical_tickets"] == [] and written["elderly"] is None and written["address"] == ""
    assert from_json(QualificationRecord, written, strict=True) == _record()


# --- frozensets, enums, dates -----------------------------------------------------------------------


class Colour(str, enum.Enum):
    RED = "red"
    BLUE = "blue"


class Level(int, enum.Enum):
    LOW = 1
    HIGH = 2


@dataclass(frozen=True)
class Sample:
    colours: frozenset[Colour] = frozenset()
    levels: tuple[Level, ...] = ()
    day: date | None = None
    at: datetime | None = None
    counts: dict[str, int] | None = None
    names: list[str] | None = None


def test_frozensets_are_written_sorted_and_read_back_as_frozensets():
    value = Sample(colours=frozenset({Colour.RED, Colour.BLUE}))
    assert to_json(value) == {"colours": ["blue", "red"]}  # sorted: the same set always seals the same
    read = _round_trip(Sample, value)
    assert read == value and isinstance(read.colours, frozenset)
    assert to_json(Sample()) == {} and to_json(Sample(), defaults=True)["colours"] == []


def test_enums_travel_as_their_values():
    value = Sample(levels=(Level.HIGH, Level.LOW))
    assert to_json(value) == {"levels": [2, 1]}
    read = _round_trip(Sample, value)
    assert read.levels == (Level.HIGH, Level.LOW) and all(type(v) is Level for v in read.levels)
    assert to_json(Validity.SEVERAL) == 5 and to_json(Trouble.T7) == "T7"


def test_dates_and_times_keep_their_zone():
    value = Sample(day=date(2026, 11, 27), at=datetime(2026, 11, 27, 9, 0, 5, 123456, tzinfo=JST))
    assert to_json(value) == {"day": "2026-11-27", "at": "2026-11-27T09:00:05.123456+09:00"}
    read = _round_trip(Sample, value)
    assert read == value and read.at.utcoffset() == timedelta(hours=9) and type(read.day) is date
    naive = _round_trip(Sample, Sample(at=datetime(2026, 11, 27, 9)))
    assert naive.at.tzinfo is None


def test_dicts_and_lists_keep_their_shape():
    value = Sample(counts={"a": 1, "b": 2}, names=["x", "y"])
    assert _round_trip(Sample, value) == value


def test_anything_else_is_refused_when_writing():
    with pytest.raises(TypeError, match="bytes"):
        to_json(b"\x00")
    with pytest.raises(TypeError):
        to_json({1, 2})  # a plain set has no order to seal: use a frozenset field


# --- strict reading: files people write --------------------------------------------------------------


def test_lenient_reading_ignores_a_misspelt_key_that_strict_reading_names():
    data = {"validity": 1, "records": [{"insurer_number": "06130012", "nmae": "渡邊花子"}]}
    assert from_json(QualificationResult, data).records[0].name == ""
    with pytest.raises(ValueError, match=r"QualificationResult\.records\[0\]: unknown keys \['nmae'\]"):
        from_json(QualificationResult, data, strict=True)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"validity": 1, "records": [{"insurer_number": 6130012}]},
         r"QualificationResult\.records\[0\]\.insurer_number: str expected, got 6130012"),
        ({"validity": 1, "records": [{"insurer_number": "1", "burden_percent": "30"}]},
         r"records\[0\]\.burden_percent: int expected, got '30'"),
        ({"validity": 1, "records": [{"insurer_number": "1", "burden_percent": True}]},
         r"records\[0\]\.burden_percent: int expected, got True"),
        ({"validity": 1, "records": [{"insurer_number": "1", "elderly_certificate": 1}]},
         r"records\[0\]\.elderly_certificate: bool expected, got 1"),
        ({"validity": 1, "records": {"insurer_number": "1"}}, r"QualificationResult\.records: a list expected"),
        ({"validity": 1, "records": ["06130012"]}, r"QualificationResult\.records\[0\]: an object expected"),
    ],
    ids=["str", "int", "bool-for-int", "int-for-bool", "list", "object"],
)
def test_strict_reading_names_where_a_value_is_wrong(data, message):
    with pytest.raises(ValueError, match=message):
        from_json(QualificationResult, data, strict=True)


def test_strict_reading_starts_its_names_where_it_is_told():
    with pytest.raises(ValueError, match=r"^scenario\.result\.records\[0\]: unknown keys"):
        from_json(QualificationResult, {"validity": 1, "records": [{"x": 1}]}, strict=True, where="scenario.result")


def test_strict_reading_refuses_a_value_outside_an_enum():
    with pytest.raises(ValueError):
        from_json(QualificationResult, {"validity": 9}, strict=True)
    with pytest.raises(ValueError):
        from_json(Sample, {"colours": ["green"]}, strict=True)


def test_strict_reading_accepts_everything_written_with_defaults():
    for value in (_full_result(), _declaration(), _unknown_recheck()):
        assert from_json(type(value), to_json(value, defaults=True), strict=True) == value
