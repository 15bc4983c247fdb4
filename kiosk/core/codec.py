"""Core dataclasses to and from plain JSON values, driven by their type hints: the one codec the store,
the staff protocol and the qualification JSON form share.

Dates and times travel as ISO strings, enums as their values, tuples, lists and frozensets as lists.

Writing leaves out fields at their default unless ``defaults=True``: a result record has some forty
fields, mostly empty, and every byte the store seals is stored per reception. Reading restores them.

Reading is lenient by default, in one direction on purpose: a field missing from an older value takes its
default and a key the dataclass no longer has is ignored, so adding a field needs no migration (and
changing an existing field's default would change how old sealed values read: add a field instead).
``strict=True`` is for files people write (scenarios): an unknown key or a value of the wrong type is a
``ValueError`` naming where it is.
"""
from __future__ import annotations

import dataclasses
import enum
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_json(value: Any, *, defaults: bool = False) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)) and not isinstance(value, enum.Enum):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [to_json(v, defaults=defaults) for v in value]
    if isinstance(value, frozenset):
        return sorted(to_json(v, defaults=defaults) for v in value)
    if isinstance(value, dict):
        return {str(k): to_json(v, defaults=defaults) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_json(getattr(value, f.name), defaults=defaults)
            for f in dataclasses.fields(value)
            if defaults or not _is_default(f, getattr(value, f.name))
        }
    raise TypeError(f"cannot encode a {type(value).__name__}")


def _is_default(f: dataclasses.Field[Any], value: Any) -> bool:
    if f.default is not dataclasses.MISSING:
        return bool(value == f.default) and type(value) is type(f.default)
    if f.default_factory is not dataclasses.MISSING:
        return bool(value == f.default_factory())
    return False


def from_json(kind: type[T], value: Any, *, strict: bool = False, where: str = "") -> T:
    result: T = _read(kind, value, strict, where or getattr(kind, "__name__", "value"))
    return result


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _read(kind: Any, value: Any, strict: bool, where: str) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _read(options[0], value, strict, where)
    if origin in (tuple, list, frozenset):
        if not isinstance(value, list):
            raise ValueError(f"{where}: a list expected")
        (item, *_) = typing.get_args(kind)
        return origin(_read(item, v, strict, f"{where}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        _, item = typing.get_args(kind)
        return {k: _read(item, v, strict, f"{where}.{k}") for k, v in value.items()}
    if value is None:
        if strict:
            raise ValueError(f"{where}: a value expected, got null")
        return None
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise ValueError(f"{where}: an object expected")
        hints = _hints(kind)
        fields = [f for f in dataclasses.fields(kind) if f.init]
        names = {f.name for f in fields}
        unknown = set(value) - names
        if strict and unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
        missing = [f.name for f in fields if f.name not in value
                   and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
        if missing:
            raise ValueError(f"{where}: missing {', '.join(missing)}")
        return kind(**{k: _read(hints[k], v, strict, f"{where}.{k}") for k, v in value.items() if k in names})
    try:
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return kind(value)
        if kind is datetime:
            return datetime.fromisoformat(value)
        if kind is date:
            return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{where}: {exc}") from None
    wrong_type = not isinstance(value, kind) or (kind is int and isinstance(value, bool))
    if strict and kind in (str, int, bool) and wrong_type:
        raise ValueError(f"{where}: {kind.__name__} expected, got {value!r}")
    return value
