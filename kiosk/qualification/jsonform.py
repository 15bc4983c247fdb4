"""Results as plain JSON-able dicts and back: for ``kiosk oqs parse --json`` and the simulator's scenarios.

Field names are the core model's; dates are ISO strings; enums their values. Reading a dict rejects
unknown keys, so a typo in a scenario file is an error, not a silently missing field.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from kiosk.core.codec import from_json, to_json
from kiosk.core.qualification import QualificationResult


def to_jsonable(value: Any) -> Any:
    """Every field written, defaults included: what ``kiosk oqs parse --json`` prints."""
    return to_json(value, defaults=True)


def from_jsonable(cls: type, data: Any, where: str = "") -> Any:
    """Build dataclass ``cls`` from ``data``; ValueError names the offending key."""
    return from_json(cls, data, strict=True, where=where)


def result_from_jsonable(data: Any) -> QualificationResult:
    result = from_jsonable(QualificationResult, data)
    # The quick flags follow the details, as the codec sets them.
    records = tuple(
        dataclasses.replace(r, elderly_certificate=r.elderly is not None, specific_disease=bool(r.specific_diseases))
        for r in result.records
    )
    return dataclasses.replace(result, records=records)
