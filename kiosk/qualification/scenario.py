"""Scenario files for the terminal simulator: what it answers and how.

A scenario is JSON::

    {"name": "valid", "description": "…",
     "answer": "result" | "none" | "err" | "malformed" | "abnormal",
     "delay": 0.0,                  # seconds before answering
     "encoding": "utf-8" | "shift_jis",
     "write": "atomic" | "in_place", # in_place: half the file, a pause, the rest (a terminal writing slowly)
     "face": false,                 # true: after a card check, also push the result into face/, as a terminal
                                    # does for checks at its own face-auth reader. Off by default: for our card
                                    # check the kiosk writes the face file itself, after consent, exactly once.
     "error_code": "…", "error_message": "…",   # for "abnormal" and "err"
     "result": {…}}                 # a QualificationResult in kiosk.qualification.jsonform's shape

``"extends": "<name>"`` starts from another scenario; ``"result_changes": {…}`` then changes fields of its
result and ``"record_changes": {…}`` fields of every record, so variants of the demo patient stay short.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from kiosk.core.qualification import QualificationResult
from kiosk.qualification import schema
from kiosk.qualification.jsonform import result_from_jsonable

ANSWERS = ("result", "none", "err", "malformed", "abnormal")
WRITES = ("atomic", "in_place")
ENCODINGS = schema.ENCODINGS


class ScenarioError(ValueError):
    code = "scenario_invalid"


@dataclass(frozen=True)
class Scenario:
    name: str
    result: QualificationResult
    description: str = ""
    answer: str = "result"
    delay: float = 0.0
    character_code: str = schema.CHARSET_UTF8
    write: str = "atomic"
    face: bool = False
    error_code: str = "EQ0001"
    error_message: str = "simulated terminal error"


def scenario_names() -> list[str]:
    folder = resources.files("kiosk.qualification") / "scenarios"
    return sorted(entry.name[:-5] for entry in folder.iterdir() if entry.name.endswith(".json"))


def _raw(name_or_path: str | Path, depth: int = 0) -> dict[str, Any]:
    if depth > 5:
        raise ScenarioError(f"{name_or_path}: 'extends' nests too deep")
    path = Path(name_or_path)
    try:
        if path.suffix == ".json" or path.exists():
            text = path.read_text(encoding="utf-8")
        else:
            text = (resources.files("kiosk.qualification") / "scenarios" / f"{name_or_path}.json").read_text("utf-8")
        data = json.loads(text)
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ScenarioError(f"{name_or_path}: {error}") from None
    if not isinstance(data, dict):
        raise ScenarioError(f"{name_or_path}: a JSON object expected")
    base_name = data.pop("extends", None)
    if base_name is None:
        return data
    base = _raw(base_name, depth + 1)
    record_changes = data.pop("record_changes", None) or {}
    result_changes = data.pop("result_changes", None) or {}
    merged = {**base, **data}
    result = {**merged.get("result", {}), **result_changes}
    if record_changes:
        result["records"] = [{**record, **record_changes} for record in result.get("records", [])]
    merged["result"] = result
    return merged


def load_scenario(name_or_path: str | Path) -> Scenario:
    """A scenario by its packaged name (``valid``) or a file path. Raises ScenarioError."""
    data = _raw(name_or_path)
    try:
        encoding = data.pop("encoding", "utf-8")
        if encoding not in ENCODINGS:
            raise ValueError(f"encoding must be one of {sorted(ENCODINGS)}")
        result = result_from_jsonable(data.pop("result"))
        scenario = Scenario(result=result, character_code=ENCODINGS[encoding], **data)
    except (KeyError, TypeError, ValueError) as error:
        raise ScenarioError(f"{name_or_path}: {error}") from None
    if scenario.answer not in ANSWERS or scenario.write not in WRITES or scenario.delay < 0:
        raise ScenarioError(f"{name_or_path}: answer must be one of {ANSWERS}, write one of {WRITES}, delay >= 0")
    return scenario
