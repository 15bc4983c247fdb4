"""What a check is, what it finds, and running every check with a deadline.

A check's words are never built here: a :class:`Text` is a message key of :mod:`kiosk.doctor.messages` and its
parameters, so the same finding reads in Japanese for the clerk, in English for IT staff and as JSON for the
staff console. ``detail`` is for IT staff only (a path, an error code: never a patient's data).
"""
from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


class Level(enum.IntEnum):
    """Ordered by how bad: the report's exit code is the worst one's."""

    OK = 0
    UNKNOWN = 1  # could not be told here (said honestly); counts as fine for the exit code
    WARN = 2
    PROBLEM = 3


@dataclass(frozen=True)
class Duration:
    """A length of time in a message, written out in the report's language (``3日``, ``3 days``)."""

    seconds: float


Param = str | int | float | Duration


@dataclass(frozen=True)
class Text:
    key: str
    params: dict[str, Param] = field(default_factory=dict)


def text(key: str, **params: Param) -> Text:
    return Text(key, params)


@dataclass(frozen=True)
class Finding:
    level: Level
    found: Text
    what_to_do: Text | None = None  # for a WARN or PROBLEM: what the clerk (or IT staff) should do
    detail: str = ""  # for IT staff: the path, the error's code and message


def ok(key: str, detail: str = "", **params: Param) -> Finding:
    return Finding(Level.OK, Text(key, params), None, detail)


def unknown(key: str, todo: str | None = None, detail: str = "", **params: Param) -> Finding:
    return Finding(Level.UNKNOWN, Text(key, params), Text(todo, params) if todo else None, detail)


def warn(key: str, todo: str, detail: str = "", **params: Param) -> Finding:
    return Finding(Level.WARN, Text(key, params), Text(todo, params), detail)


def problem(key: str, todo: str, detail: str = "", **params: Param) -> Finding:
    return Finding(Level.PROBLEM, Text(key, params), Text(todo, params), detail)


@dataclass(frozen=True)
class Check:
    """One line of the report. ``run`` may block (a device, a share): it runs on a thread of its own and
    is given up on after ``deadline`` seconds, and then the finding is ``hung`` (what the clerk should
    do when this part does not answer at all)."""

    name: str
    run: Callable[[Any], Finding]
    deadline: float
    hung: str  # the message key of what to do when the check did not finish in time


@dataclass(frozen=True)
class Result:
    check: Check
    finding: Finding
    seconds: float  # how long it took (or was waited for)


def run_checks(checks: Sequence[Check], context: Any) -> list[Result]:
    """Every check at once, each on a daemon thread, each waited for until its own deadline (counted
    from the start of all). A check still running then is left to end by itself: a thread blocked in
    the kernel (a hung share, a PC/SC call) cannot be stopped, and a daemon does not hold the process
    at exit. A check that raises is a bug: logged, and reported as a problem, never a traceback."""
    started = time.monotonic()
    boxes: list[list[Finding]] = []
    threads: list[threading.Thread] = []
    for check in checks:
        box: list[Finding] = []
        thread = threading.Thread(target=_run_one, args=(check, context, box), name=f"doctor-{check.name}",
                                  daemon=True)
        boxes.append(box)
        threads.append(thread)
        thread.start()
    results = []
    for check, box, thread in zip(checks, boxes, threads, strict=True):
        thread.join(max(0.0, started + check.deadline - time.monotonic()))
        took = time.monotonic() - started
        if box:
            results.append(Result(check, box[0], took))
        else:
            results.append(Result(check, problem("hung", check.hung, f"no answer within {check.deadline:g} s",
                                                 seconds=round(check.deadline)), took))
    return results


def _run_one(check: Check, context: Any, box: list[Finding]) -> None:
    started = time.monotonic()
    try:
        finding = check.run(context)
    except Exception as error:  # a bug in a check: the others still report
        log.exception("doctor check %s failed", check.name)
        finding = problem("check_failed", "todo.vendor", f"{type(error).__name__}: {error}")
    box.append(finding)
    log.debug("doctor check %s took %.2f s", check.name, time.monotonic() - started)


def exit_code(results: Sequence[Result]) -> int:
    """0 all fine (or honestly unknown), 1 a warning, 2 a problem."""
    worst = max((r.finding.level for r in results), default=Level.OK)
    return 2 if worst is Level.PROBLEM else 1 if worst is Level.WARN else 0
