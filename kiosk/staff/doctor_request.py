"""「点検」 from the staff console: the running kiosk runs ``kiosk doctor``'s checks and answers with the
findings as data, which the console puts in its own language with :mod:`kiosk.doctor.messages`.

Both ends read this module: :func:`report_data` (kiosk) and :func:`report_of` (console) are the wire
format, :class:`DoctorRequests` the kiosk's handler. The wire carries each finding's message keys and
parameters only (paths, a reader's name, counts, error codes): never a check's free-text ``detail`` and
never rendered words, so nothing a patient typed or owns can ride along. A length of time travels as
``{"seconds": n}`` so the console can write it out (「3日」, "3 days").

In a running kiosk the checks must not fight the kiosk for its parts:

- the reader check only asks PC/SC for the reader's state (it never connects to a card);
- the store check looks at the running kiosk's open store, not a second opening: that store is open by
  definition (its key worked when the kiosk started), its ``damage`` is what SQLite found on opening or on
  any write since, and its schema version is read under the store's own lock. The terminal's last answer
  is read over a read-only SQLite connection, as ``kiosk doctor`` does. A second ``open_store`` would load
  the key again and run SQLite's quick check on the kiosk's own thread budget for nothing;
- the camera is opened only when no reception is under way (the kiosk opens it for a face check or a
  目視 still); during one the camera line says so and asks to look again later.

Each request is for signed-in staff only (the listener refuses one before sign-in) and audited
``doctor_viewed``. The checks run on a thread of their own, never on the connection's reading thread or
the flow's; a request that comes while they run is answered with that run's findings.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kiosk.doctor.findings import Duration, Finding, Level, Param, Result, Text, exit_code, unknown
from kiosk.doctor.messages import LANGS, MESSAGES, render
from kiosk.staff.errors import ProtocolError

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.doctor.checks import Context, Setup, StoreLook
    from kiosk.staff.listener import Connection

log = logging.getLogger(__name__)

# The longest check's deadline (Open JTalk's 40 s, kiosk/doctor/checks.py) and room for the reply: how long
# the console waits for the kiosk's answer before it says the kiosk does not answer.
ANSWER_WITHIN = 50.0
MAX_PARAM_TEXT = 512  # a path or a list of reader names; anything longer is not a finding's parameter


# --- the wire format -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DoctorLine:
    name: str  # the check: reader, camera, … (its title is the message ``title.<name>``)
    level: Level
    found: Text
    what_to_do: Text | None


@dataclass(frozen=True)
class DoctorReport:
    when: datetime  # on the kiosk's clock
    lines: tuple[DoctorLine, ...]

    @property
    def exit_code(self) -> int:
        worst = max((line.level for line in self.lines), default=Level.OK)
        return 2 if worst is Level.PROBLEM else 1 if worst is Level.WARN else 0


def _param_data(value: Param) -> Any:
    return {"seconds": value.seconds} if isinstance(value, Duration) else value


def _text_data(message: Text) -> dict[str, Any]:
    return {"key": message.key, "params": {k: _param_data(v) for k, v in message.params.items()}}


def report_data(results: Sequence[Result], when: datetime) -> dict[str, Any]:
    """The findings as the reply carries them: keys and parameters, as ``kiosk doctor --json`` has them
    minus the rendered text and the detail."""
    return {
        "when": when.isoformat(timespec="seconds"),
        "exit_code": exit_code(results),
        "checks": [{"name": r.check.name, "level": r.finding.level.name.lower(),
                    "found": _text_data(r.finding.found),
                    "what_to_do": _text_data(r.finding.what_to_do) if r.finding.what_to_do else None}
                   for r in results],
    }


def _param_of(value: Any, where: str) -> Param:
    if isinstance(value, dict) and set(value) == {"seconds"} and isinstance(value["seconds"], int | float):
        return Duration(float(value["seconds"]))
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ProtocolError(f"{where}: not a finding's parameter")
    if isinstance(value, str) and len(value) > MAX_PARAM_TEXT:
        raise ProtocolError(f"{where}: too long")
    return value


def _text_of(value: Any, where: str) -> Text:
    if not isinstance(value, dict) or not isinstance(value.get("key"), str) or value["key"] not in MESSAGES:
        raise ProtocolError(f"{where}: not a doctor message")
    params = value.get("params") or {}
    if not isinstance(params, dict):
        raise ProtocolError(f"{where}.params: not an object")
    message = Text(value["key"], {str(k): _param_of(v, f"{where}.{k}") for k, v in params.items()})
    for lang in LANGS:  # a key with the wrong fields (a newer kiosk) is the peer's error, not a crash later
        try:
            render(message, lang)
        except (KeyError, IndexError, ValueError) as exc:
            raise ProtocolError(f"{where}: {message.key} does not take these parameters") from exc
    return message


def report_of(data: Any) -> DoctorReport:
    """A ``doctor`` reply as the console reads it; anything else is the kiosk's protocol error."""
    if not isinstance(data, dict) or not isinstance(data.get("checks"), list):
        raise ProtocolError("not a doctor report")
    try:
        when = datetime.fromisoformat(str(data.get("when")))
    except ValueError as exc:
        raise ProtocolError("doctor report: when") from exc
    lines = []
    for i, line in enumerate(data["checks"]):
        where = f"checks[{i}]"
        if not isinstance(line, dict):
            raise ProtocolError(f"{where}: not an object")
        name = line.get("name")
        if not isinstance(name, str) or f"title.{name}" not in MESSAGES:
            raise ProtocolError(f"{where}.name: not a check")
        try:
            level = Level[str(line.get("level", "")).upper()]
        except KeyError as exc:
            raise ProtocolError(f"{where}.level") from exc
        todo = line.get("what_to_do")
        lines.append(DoctorLine(name, level, _text_of(line.get("found"), f"{where}.found"),
                                None if todo is None else _text_of(todo, f"{where}.what_to_do")))
    return DoctorReport(when, tuple(lines))


# --- the kiosk's side ------------------------------------------------------------------------------------


def running_setup(config: Config, devices: str) -> Setup:
    """What a running kiosk's checks look at, as ``kiosk doctor --devices`` would: the configured reader and
    camera (``clinic``), or the demo's virtual reader and replay camera (``embedded``)."""
    from kiosk.doctor.setups import setup_for

    return setup_for(config, devices)


def _running_context(setup: Setup, store: Any) -> Context:
    """``kiosk doctor``'s context, with the store looked at as the running kiosk holds it open."""
    from kiosk.doctor.checks import Context

    class RunningKiosk(Context):
        def store_look(self) -> StoreLook:
            with self._lock:
                if self._store is None:
                    self._store = running_store_look(store, self.config)
                return self._store

    return RunningKiosk(setup)


def running_store_look(store: Any, config: Config) -> StoreLook:
    """The running kiosk's open store: no second opening (its key worked when the kiosk started); its
    damage as SQLite found it on opening or on any write since; the last answer read-only."""
    from kiosk.doctor.checks import StoreLook, _last_answer_recorded

    damage = tuple(getattr(store, "damage", ()))
    look = StoreLook(damage=damage, schema_version=int(store.schema_version))
    if not damage:
        look.last_answer = _last_answer_recorded(getattr(store, "path", config.database_path))
    return look


def _checks(in_reception: Callable[[], bool]) -> tuple[Any, ...]:
    """``kiosk doctor``'s checks, each with its own deadline; the camera left alone during a reception."""
    from kiosk.doctor.checks import CHECKS, check_camera

    def camera(context: Context) -> Finding:
        if in_reception():
            return unknown("camera.in_reception", "camera.todo.in_reception")
        return check_camera(context)

    return tuple(replace(c, run=camera) if c.name == "camera" else c for c in CHECKS)


class DoctorRequests:
    """The kiosk's ``doctor`` request: one run at a time, every request waiting on it answered by it."""

    def __init__(self, store: Any, setup: Callable[[], Setup], audit: Callable[[str, str, str], None],
                 in_reception: Callable[[], bool], now: Callable[[], datetime] | None = None) -> None:
        """``store``: the running kiosk's open store (its StoreLane's store); ``setup()``: what the checks look
        at; ``in_reception()``: a reception is under way (read from any thread)."""
        self.store = store
        self.setup = setup
        self._audit = audit
        self._in_reception = in_reception
        self._now = now or (lambda: datetime.now().astimezone())
        self._lock = threading.Lock()
        self._waiting: list[tuple[Connection, Any, str]] = []
        self._running = False
        self.runs = 0  # how many times the checks ran (a second request joins the one running)

    def handle(self, connection: Connection, request_id: Any, args: dict[str, Any]) -> None:
        """The connection's thread: join the run under way, or start one; never waits here."""
        with self._lock:
            self._waiting.append((connection, request_id, connection.staff))
            if self._running:
                return
            self._running = True
            self.runs += 1
        threading.Thread(target=self._run, name="staff-doctor", daemon=True).start()

    def _run(self) -> None:
        data: dict[str, Any] | None = None
        try:
            from kiosk.doctor.findings import run_checks

            # Imported (by _checks) here, before run_checks starts the checks' threads: see checks.py.
            checks = _checks(self._in_reception)
            results = run_checks(checks, _running_context(self.setup(), self.store))
            data = report_data(results, self._now())
        except Exception:  # a bug here must still answer every console waiting
            log.exception("staff doctor: the checks could not run")
        with self._lock:
            waiting, self._waiting = self._waiting, []
            self._running = False
        for connection, request_id, staff in waiting:
            if data is None:
                connection.reply(request_id, False, code="internal")
                continue
            levels = [c["level"] for c in data["checks"]]
            self._audit(staff, "doctor_viewed", f"peer={connection.peer} problems={levels.count('problem')} "
                                                f"warnings={levels.count('warn')}")
            connection.reply(request_id, True, data)
