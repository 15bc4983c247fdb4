"""Knowing the terminal is down before a patient waits for it.

The dialect has no heartbeat (docs/oqs-interface.md): the terminal only ever answers requests. So the
terminal counts as down when one of these holds, each a fact the kiosk can see without sending anything:

- ``folder_missing``: ``req`` or ``res`` is gone or cannot be looked at (the share is down, the path wrong);
- ``folder_not_writable``: a request could not be written to ``req``, nor an answer removed from ``res``
  (a hidden probe file, which the terminal never takes: it only reads ``…req_*.xml``, is written and removed);
- ``share_not_answering``: looking at the folders took longer than the probe's deadline (a share whose
  server went away can hold a file call for a minute);
- ``unanswered``: the gateway's last exchange found no answer before its deadline, and the terminal has
  shown no life since: no answer to anyone (the レセコン's answers land in ``res`` too) and no later exchange
  answered. The mark lapses after ``hold`` seconds, so a terminal back on its feet is tried again by the next
  patient even if nothing else came through meanwhile.

:class:`TerminalProbe` looks every ``interval`` seconds on a thread of its own, each look on a worker
bounded by ``deadline``, and at once after an exchange went unanswered; it reports a change of state, never
the same state twice. :func:`watch_terminal` turns its reports into the flow's ``TerminalLost`` and
``TerminalRestored`` events on the flow's thread, as :func:`kiosk.core.card_watch.watch_cards` does the
reader's.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core import events as ev

if TYPE_CHECKING:
    from kiosk.qualification.gateway import FolderGateway, TerminalConfig

log = logging.getLogger(__name__)

PROBE_INTERVAL = 10.0
PROBE_DEADLINE = 3.0
UNANSWERED_HOLD = 120.0


@dataclass(frozen=True)
class HealthReport:
    down: bool
    reason: str = ""  # folder_missing, folder_not_writable, share_not_answering, unanswered
    detail: str = ""  # for the log: the folder and the error (paths only, never a file's content)
    last_answer_age: float | None = None  # seconds since the terminal last answered the kiosk


UP = HealthReport(False)


class TerminalHealth:
    """What the gateway's exchanges came to, shared with the probe (any thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last_answer: float | None = None  # wall-clock times: compared with files' mtimes
        self._last_unanswered: float | None = None
        self._listeners: list[Callable[[], None]] = []

    def answered(self) -> None:
        with self._lock:
            self._last_answer = time.time()

    def unanswered(self) -> None:
        with self._lock:
            self._last_unanswered = time.time()
            listeners = list(self._listeners)
        for listener in listeners:
            listener()

    def alive_at(self, when: float) -> None:
        """The terminal was seen at work at ``when`` (a file it wrote), though not answering the kiosk."""
        with self._lock:
            if self._last_answer is None or when > self._last_answer:
                self._last_answer = when

    def on_unanswered(self, listener: Callable[[], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def times(self) -> tuple[float | None, float | None]:
        """(last answer, last exchange unanswered), wall-clock seconds."""
        with self._lock:
            return self._last_answer, self._last_unanswered


class TerminalProbe:
    """Looks at the terminal's folders on a thread of its own and reports when it goes down or comes back."""

    def __init__(
        self,
        config: TerminalConfig,
        health: TerminalHealth,
        on_change: Callable[[HealthReport], None],
        *,
        interval: float = PROBE_INTERVAL,
        deadline: float = PROBE_DEADLINE,
        hold: float = UNANSWERED_HOLD,
    ) -> None:
        self._folders = (config.req, config.res)
        self._res = config.res
        self._health = health
        self._on_change = on_change
        self.interval, self.deadline, self.hold = interval, deadline, hold
        self.report = UP  # what was last reported: the terminal is presumed up until a look says otherwise
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._looking: threading.Thread | None = None  # a look still under way (a hung share)
        health.on_unanswered(self._wake.set)

    def start(self) -> TerminalProbe:
        self._thread = threading.Thread(target=self._run, name="terminal-probe", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stopping:
            self.look()
            self._wake.wait(self.interval)
            self._wake.clear()

    def look(self) -> HealthReport:
        """One look, within the deadline; the change (if any) is reported before it returns."""
        report = self._bounded_look()
        changed = (report.down, report.reason) != (self.report.down, self.report.reason)
        self.report = report
        if changed:
            if report.down:
                log.warning("qualification terminal down: %s (%s)", report.reason, report.detail)
            else:
                log.warning("qualification terminal reachable again")
            try:
                self._on_change(report)
            except Exception:
                log.exception("the terminal probe's listener failed")
        return report

    def _bounded_look(self) -> HealthReport:
        if self._looking is not None and self._looking.is_alive():
            return HealthReport(True, "share_not_answering", f"a look at {self._res.parent} is still under way")
        found: list[HealthReport] = []
        looking = threading.Thread(target=lambda: found.append(self._look()), name="terminal-look", daemon=True)
        looking.start()
        looking.join(self.deadline)
        if looking.is_alive():
            self._looking = looking  # left to end by itself: a thread blocked in the kernel cannot be stopped
            return HealthReport(True, "share_not_answering",
                                f"{self._res.parent} did not answer within {self.deadline:g} s")
        self._looking = None
        return found[0] if found else HealthReport(True, "share_not_answering", "the look failed")

    def _look(self) -> HealthReport:
        for folder in self._folders:
            problem = _folder_problem(folder)
            if problem is not None:
                return problem
        last_answer, unanswered = self._health.times()
        now = time.time()
        age = None if last_answer is None else max(0.0, now - last_answer)
        if unanswered is not None and (last_answer is None or last_answer < unanswered):
            life = _written_since(self._res, unanswered)
            if life is not None:
                self._health.alive_at(life)
                return HealthReport(False, last_answer_age=max(0.0, now - life))
            if now - unanswered < self.hold:
                return HealthReport(True, "unanswered", f"no answer in {self._res} since {now - unanswered:.0f} s",
                                    age)
        return HealthReport(False, last_answer_age=age)


def _folder_problem(folder: Path) -> HealthReport | None:
    try:
        if not folder.is_dir():
            return HealthReport(True, "folder_missing", str(folder))
    except OSError as error:
        return HealthReport(True, "folder_missing", f"{folder}: {error}")
    probe = folder / f".kiosk-probe-{os.getpid()}.tmp"
    try:
        with open(probe, "wb"):
            pass
        probe.unlink()
    except OSError as error:
        return HealthReport(True, "folder_not_writable", f"{folder}: {error.strerror or error}")
    return None


def _written_since(folder: Path, since: float) -> float | None:
    """The newest mtime after ``since`` of a file the terminal wrote in ``folder`` (hidden files are ours)."""
    newest = None
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    written = entry.stat().st_mtime
                except OSError:
                    continue
                if written > since and (newest is None or written > newest):
                    newest = written
    except OSError:
        return None
    return newest


Post = Callable[[Callable[[], None]], None]


def watch_terminal(gateway: FolderGateway, post: Post, dispatch: Callable[[ev.Event], object], *,
                   interval: float = PROBE_INTERVAL, deadline: float = PROBE_DEADLINE,
                   hold: float = UNANSWERED_HOLD) -> TerminalProbe:
    """The gateway's terminal probed in the background, its changes handed to the flow on the flow's thread.
    The caller stops the probe it gets back."""

    def hand_over(report: HealthReport) -> None:
        event: ev.Event = ev.TerminalLost(report.reason) if report.down else ev.TerminalRestored()

        def deliver() -> None:
            dispatch(event)

        post(deliver)

    return TerminalProbe(gateway.config, gateway.health, hand_over, interval=interval, deadline=deadline,
                         hold=hold).start()
