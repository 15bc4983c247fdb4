"""Results as plain JSON-able dicts and back: for ``kiosk oqs parse --json`` and the simulator's scenarios.

Field names are the core model's; dates are ISO strings; enums their values. Reading a dict rejects
unknown keys, so a typo in a scenario file is an error, not a silently missing field.
"""
from __future__ import annotations

import dataclasses
import enum
import types
import typing
from datetime import date, datetime
from typing import Any

from kiosk.core.qualification import QualificationResult


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [to_jsonable(item) for item in value]
    return value


def _convert(kind: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return None if value is None else _convert(options[0], value, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise ValueError(f"{where}: a list expected")
        item_kind = typing.get_args(kind)[0]
        return tuple(_convert(item_kind, item, f"{where}[{i}]") for i, item in enumerate(value))
    if dataclasses.is_dataclass(kind):
        return from_jsonable(kind, value, where)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)
    if kind in (str, int, bool) and not isinstance(value, kind):
        raise ValueError(f"{where}: {kind.__name__} expected, got {value!r}")
    return value


def from_jsonable(cls: type, data: Any, where: str = "") -> Any:
    """Build dataclass ``cls`` from ``data``; ValueError names the offending key."""
    where = where or cls.__name__
    if not isinstance(data, dict):
        raise ValueError(f"{where}: an object expected")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - names
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    return cls(**{key: _convert(hints[key], value, f"{where}.{key}") for key, value in data.items()})


def result_from_jsonable(data: Any) -> QualificationResult:
    result = from_jsonable(QualificationResult, data)
    # The quick flags follow the details, as the codec sets them.
    records = tuple(
        dataclasses.replace(r, elderly_certificate=r.elderly is not None, specific_disease=bool(r.specific_diseases))
        for r in result.records
    )
    return dataclasses.replace(result, records=records)
