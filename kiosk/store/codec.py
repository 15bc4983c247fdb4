"""Domain dataclasses to and from plain JSON values, for sealing, driven by their type hints.

Dates and times travel as ISO strings, enums as their values, tuples as lists. Reading is tolerant
in one direction on purpose: a field missing from an older sealed value takes its default, and a key
the dataclass no longer has is ignored, so adding a field to a core dataclass needs no migration.
Fields at their default are not written, so changing an existing field's default would change how
old sealed values read: add a field instead.
"""
from __future__ import annotations

import dataclasses
import enum
import types
import typing
from datetime import date, datetime
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_json(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)) and not isinstance(value, enum.Enum):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value):
        # Fields at their default are left out (reading restores them): a result record has some forty
        # fields, mostly empty, and every byte here is sealed and stored per reception.
        return {
            f.name: to_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not _is_default(f, getattr(value, f.name))
        }
    raise TypeError(f"cannot seal a {type(value).__name__}")


def _is_default(f: dataclasses.Field, value: Any) -> bool:
    if f.default is not dataclasses.MISSING:
        return value == f.default and type(value) is type(f.default)
    if f.default_factory is not dataclasses.MISSING:
        return value == f.default_factory()
    return False


def from_json(kind: type[T], value: Any) -> T:
    return _read(kind, value)


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _read(kind: Any, value: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _read(options[0], value)
    if origin in (tuple, list):
        (item, *_) = typing.get_args(kind)
        return origin(_read(item, v) for v in value)
    if origin is dict:
        _, item = typing.get_args(kind)
        return {k: _read(item, v) for k, v in value.items()}
    if value is None:
        return None
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        names = {f.name for f in dataclasses.fields(kind) if f.init}
        return kind(**{k: _read(hints[k], v) for k, v in value.items() if k in names})
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(value)
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    return value


def when(value: datetime) -> str:
    return value.isoformat(timespec="microseconds")
