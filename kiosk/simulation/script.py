"""A scripted patient, as a file anyone can write: the vocabulary and its checks.

A script is a JSON object (docs/simulation.md has the whole vocabulary)::

    {"name": "valid-pin", "summary": "…", "title": "有効（暗証番号）",
     "patient": "valid", "terminal": "valid", "camera": "match", "face_attempt_s": 0,
     "steps": [{"card": "in"}, {"tap": "pin"}, {"pin": "1234"}, {"tap": "consent_yes"}, {"card": "out"}]}

Steps do what a patient (or a member of staff) does. A tap, a PIN or a staff action waits, as a person
would, until the screen offers it (``--timeout``, 10 s); if it never does, the flow's refusal is
reported and the script goes on. Nothing else waits: ``{"wait": STATE}`` waits for a screen,
``{"sleep": s}`` lets real time pass, ``{"skip": s}`` moves the clock on (a patient walking away).
Loading rejects any unknown key or value, naming the step, so a typo is an error and not a silent no-op.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from kiosk.core import events as ev
from kiosk.core.domain import CardFacts, Sex
from kiosk.core.errors import KioskError
from kiosk.core.fallback import Declaration, InsuranceType
from kiosk.core.states import StaffAction, State
from kiosk.core.values import InsuranceCardQuery
from kiosk.core.view import View
from kiosk.simulation.devices import CAMERAS, card_profiles, terminal_answers

DEFAULT_TIMEOUT = 10.0

# The patient's taps: name → the event it sends (some read the screen: 「お子さまの受付」 toggles).
TAPS: dict[str, Callable[[View], ev.PatientEvent]] = {
    "face": lambda v: ev.ChooseFace(),
    "pin": lambda v: ev.ChoosePin(),
    "end": lambda v: ev.Cancel(),  # 「終了」 on the bar
    "cancel": lambda v: ev.Cancel(),  # 「キャンセル」 on the keypad: the same event
    "consent_yes": lambda v: ev.AnswerConsent(True, True, True),
    "consent_no": lambda v: ev.AnswerConsent(False, False, False),
    "limit": lambda v: ev.AskLimitConsent(),
    "limit_yes": lambda v: ev.AnswerLimitConsent(True),
    "limit_no": lambda v: ev.AnswerLimitConsent(False),
    "call_staff": lambda v: ev.CallStaff(),
    "child_mode": lambda v: ev.FaceChildMode(not v.child_mode),
    "unhurried": lambda v: ev.SetPace(not v.unhurried),  # 「ゆっくり操作」 on the idle screen
    "continue": lambda v: ev.Proceed(),  # 「次へ」
    "back": lambda v: ev.ResumeFromStaff(),  # 「もどる」 on the waiting-for-staff screen
    "declare": lambda v: ev.StartDeclaration(),  # 「申立書を記入する」
    "touch": lambda v: ev.Touch(),  # 「続ける」 on the "still there?" warning, or any touch
}

STEP_KINDS = ("card", "reader", "terminal", "camera", "tap", "pin", "form", "staff", "wait", "sleep", "skip")
_STAFF_ARGS = {"index", "what", "name", "code_b", "choice", "declaration", "query", "staff"}
_SAFE_ARGS = {"index", "what", "choice", "staff", "patient", "timeout"}
_TOP = {"name", "summary", "title", "patient", "terminal", "camera", "face_attempt_s", "card_face", "steps"}


class ScriptError(KioskError):
    code = "script_invalid"


@dataclass(frozen=True)
class Step:
    kind: str  # one of STEP_KINDS
    value: Any
    args: dict[str, Any]
    index: int

    def describe(self) -> str:
        """The step for a report: never a PIN, and nothing personal (names, numbers, the 申立書's answers)."""
        if self.kind == "pin":
            return "pin ****"
        if self.kind == "form":
            return "form 申立書"
        extra = "".join(f" {k}={v}" for k, v in self.args.items() if k in _SAFE_ARGS)
        return f"{self.kind} {self.value}{extra}"


@dataclass(frozen=True)
class Script:
    name: str
    summary: str
    title: str
    patient: str = "valid"
    terminal: str = "valid"
    camera: str = "match"
    face_attempt_s: float = 0.0
    card_face_readable: bool = True
    steps: tuple[Step, ...] = ()


def _fail(where: str, why: str) -> ScriptError:
    return ScriptError(f"{where}: {why}")


def _choice(where: str, value: Any, allowed: list[str] | tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise _fail(where, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def _number(where: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise _fail(where, f"{value!r}: a number of seconds, 0 or more")
    return float(value)


def _step(i: int, raw: Any, name: str) -> Step:
    where = f"{name} step {i + 1}"
    if not isinstance(raw, dict):
        raise _fail(where, "a step is an object such as {\"tap\": \"pin\"}")
    kinds = [k for k in raw if k in STEP_KINDS]
    if len(kinds) != 1:
        raise _fail(where, f"exactly one of {', '.join(STEP_KINDS)} (got {sorted(raw)})")
    kind = kinds[0]
    value, args = raw[kind], {k: v for k, v in raw.items() if k != kind}
    allowed_args: set[str] = set()
    if kind == "card":
        _choice(where, value, ("in", "out"))
        allowed_args = {"patient"}
        if "patient" in args:
            _choice(where, args["patient"], card_profiles())
    elif kind == "reader":
        _choice(where, value, ("lost", "back"))
    elif kind == "terminal":
        _choice(where, value, terminal_answers())
    elif kind == "camera":
        _choice(where, value, CAMERAS)
    elif kind == "tap":
        _choice(where, value, tuple(TAPS))
    elif kind == "pin":
        if not isinstance(value, str):
            raise _fail(where, "a PIN is a string of digits")
    elif kind == "form":  # the kiosk's 申立書 form, sent
        if not isinstance(value, dict) or set(value) - set(FORM_KEYS):
            raise _fail(where, "form: {" + ", ".join(f'"{k}"' for k in FORM_KEYS) + "}")
        if "insurance_type" in value:
            _choice(where, value["insurance_type"], [t.value for t in InsuranceType])
    elif kind == "staff":
        _choice(where, value, [a.value for a in StaffAction])
        allowed_args = _STAFF_ARGS
    elif kind == "wait":
        _choice(where, value, [s.value for s in State])
        allowed_args = {"timeout"}
        if "timeout" in args:
            _number(where, args["timeout"])
    else:  # sleep, skip
        _number(where, value)
    if kind in ("tap", "pin", "staff", "form", "card"):
        allowed_args |= {"timeout"}
    unknown = set(args) - allowed_args
    if unknown:
        raise _fail(where, f"unknown key(s) {', '.join(sorted(unknown))}")
    return Step(kind, value, args, i)


def parse(data: Any, origin: str = "script") -> Script:
    if not isinstance(data, dict):
        raise _fail(origin, "a script is a JSON object")
    unknown = set(data) - _TOP
    if unknown:
        raise _fail(origin, f"unknown key(s) {', '.join(sorted(unknown))}")
    name = data.get("name") or Path(origin).stem
    if not isinstance(name, str):
        raise _fail(origin, "name: a string")
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps:
        raise _fail(name, "steps: a non-empty list")
    card_face = data.get("card_face", "readable")
    _choice(name, card_face, ("readable", "unreadable"))
    return Script(
        name=name,
        summary=str(data.get("summary", "")),
        title=str(data.get("title", name)),
        patient=_choice(name, data.get("patient", "valid"), card_profiles()),
        terminal=_choice(name, data.get("terminal", "valid"), terminal_answers()),
        camera=_choice(name, data.get("camera", "match"), CAMERAS),
        face_attempt_s=_number(name, data.get("face_attempt_s", 0.0)),
        card_face_readable=card_face == "readable",
        steps=tuple(_step(i, raw, name) for i, raw in enumerate(steps)),
    )


def load(path: str | Path) -> Script:
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScriptError(f"{path}: {exc}") from None
    return parse(data, str(path))


def named() -> dict[str, Script]:
    """The packaged scenarios (``kiosk simulate --list``, the demo's chooser), in file-name order."""
    folder = resources.files("kiosk.simulation") / "scenarios"
    scripts: dict[str, Script] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            script = parse(json.loads(entry.read_text(encoding="utf-8")), entry.name)
            scripts[script.name] = script
    return scripts


# --- from a step to an event -----------------------------------------------------------------------


# What the kiosk's 申立書 form answers; a text left out is 「わからない」 (empty).
FORM_KEYS = ("name_kana", "contact", "insurance_type", "insurer_name", "employer", "burden_percent")


def declaration_of(form: dict[str, Any], facts: CardFacts | None, today: date) -> Declaration:
    """The kiosk form's answers; the flow puts in the card's facts and the date itself."""
    placeholder = facts or CardFacts("", "", today, Sex.UNSET)
    burden = form.get("burden_percent")
    return Declaration(placeholder, str(form.get("name_kana", "")), str(form.get("contact", "09012345678")), today,
                       InsuranceType(form.get("insurance_type", "unknown")), str(form.get("insurer_name", "")),
                       str(form.get("employer", "")), burden_percent=burden)


def staff_event(step: Step, today: date) -> ev.StaffEvent:
    """A staff step as the event the console (or the kiosk's staff panel) would send."""
    action = StaffAction(step.value)
    cls = ev.STAFF_EVENTS[action]
    args = step.args
    staff = str(args.get("staff", "demo-staff"))
    if action is StaffAction.CHOOSE_RECORD:
        return ev.StaffChooseRecord(staff, index=int(args.get("index", 0)))
    if action is StaffAction.ACKNOWLEDGE:
        return ev.StaffAcknowledge(staff, what=str(args.get("what", "")))
    if action is StaffAction.CORRECT_NAME:
        return ev.StaffCorrectName(staff, name=str(args.get("name", "")))
    if action is StaffAction.CHIP_PHOTO:
        return ev.StaffChipPhoto(staff, code_b=str(args.get("code_b", "")))
    if action is StaffAction.INSURANCE_CHECK:
        q = dict(args.get("query") or {})
        try:
            query = InsuranceCardQuery(str(q["insurer_number"]), str(q.get("card_symbol", "")), str(q["card_number"]),
                                       str(q.get("branch_number", "")), date.fromisoformat(str(q["birth_date"])))
        except (KeyError, ValueError) as exc:
            raise _fail(f"step {step.index + 1}", f"query: {exc}") from None
        return ev.StaffInsuranceCheck(staff, query=query)
    if action is StaffAction.COMPLETE_FALLBACK:
        d = args.get("declaration")
        declaration = None
        if d is not None:
            try:
                declaration = Declaration(
                    CardFacts(str(d["name"]), str(d.get("address", "")), date.fromisoformat(str(d["birth_date"])),
                              Sex(str(d.get("sex", "3")))),
                    str(d.get("name_kana", "")), str(d.get("contact", "")), today,
                    InsuranceType(d.get("insurance_type", "unknown")), str(d.get("insurer_name", "")),
                    str(d.get("employer", "")), d.get("burden_percent"))
            except (KeyError, ValueError) as exc:
                raise _fail(f"step {step.index + 1}", f"declaration: {exc}") from None
        return ev.StaffCompleteFallback(staff, choice=str(args.get("choice", "declaration")), declaration=declaration)
    return cls(staff)
