"""The kiosk's watchdog: ``kiosk supervise -- run`` starts the kiosk as its child and starts it again when it
crashes or its UI loop stops turning. (Not the third-party ``watchdog`` package of file observers.)

- **Heartbeat.** The supervisor names a file in ``$KIOSK_HEARTBEAT``; a QTimer on the kiosk's UI thread
  writes a new count into it every second (:class:`Heartbeat`, started by kiosk/ui/runtime.py). Only a
  turning event loop runs that timer, so a count that stops changing is a frozen UI, whatever the kiosk's
  other threads still do. A file rather than a pipe: it works the same on Windows, and the folder is the
  runtime folder (``$XDG_RUNTIME_DIR``, memory on Linux) when there is one.
- **Stall.** No new count for ``stall`` seconds (10), or none at all within ``start_grace`` of a start
  (models load, pcscd starts), and the child is ended: SIGABRT first, so the stacks of every thread go to
  the fault log (kiosk/commands/main.py enables faulthandler for ``run`` and ``demo``) and IT can see where
  it hung; SIGKILL to its process group if it has not gone within a few seconds. Its own children (pcscd,
  the terminal simulator) end with it (kiosk/processes.py).
- **Crash.** Any other ending than exit status 0 (which is staff closing the kiosk: the supervisor ends
  too).
- **Restart.** After a backoff that grows while restarts follow each other quickly; at most
  ``max_per_hour`` restarts in any hour, then the supervisor stays down, says so in its log and ends with
  :data:`EXIT_GAVE_UP` (the systemd unit does not restart on that status). The new kiosk gets the reason in
  ``$KIOSK_RESTARTED`` (``stall`` or ``crash``): it tells the console, and the reception the old one left
  unfinished shows as interrupted there (the store lists every reception started by another process and
  never saved).
- **Display.** Before a restart the Wayland compositor the kiosk runs on (cage, ``$WAYLAND_DISPLAY``) is
  asked for a connection; when it has gone, the supervisor ends (:data:`EXIT_NO_DISPLAY`) rather than
  start kiosks that cannot show a window.
- **Stop.** SIGTERM, SIGINT or SIGHUP to the supervisor ends the kiosk as a service manager would (SIGTERM,
  then SIGKILL after ``stop_grace``) and then the supervisor. A supervisor killed outright takes the kiosk
  with it: the kiosk is started through :func:`kiosk.processes.start_child`.

Qt-free: the supervisor must not load Qt, so that a broken Qt or display cannot stop it from restarting.
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.processes import start_child

log = logging.getLogger(__name__)

HEARTBEAT_ENV = "KIOSK_HEARTBEAT"  # the file the kiosk's UI thread writes its count into
RESTARTED_ENV = "KIOSK_RESTARTED"  # why the supervisor started this kiosk again: stall or crash
STALL = "stall"
CRASH = "crash"
REASONS = (STALL, CRASH)
EXIT_GAVE_UP = 3  # too many restarts within an hour: the supervisor stays down
EXIT_NO_DISPLAY = 4  # the compositor the kiosk shows on (cage) has gone: a restart would only crash again
HEARTBEAT_INTERVAL_MS = 1000
RESTART_NOTICE_SECONDS = 30 * 60  # how long the console shows that the kiosk was restarted


@dataclass(frozen=True)
class Policy:
    stall: float = 10.0  # seconds without a new heartbeat that count as a frozen UI
    start_grace: float = 120.0  # seconds a (re)started kiosk may take for its first heartbeat
    backoff: tuple[float, ...] = (1.0, 5.0, 15.0, 30.0, 60.0)  # waits before restarts that follow quickly
    max_per_hour: int = 5
    healthy_after: float = 300.0  # a run this long was healthy: the next restart waits the shortest time
    stop_grace: float = 15.0  # SIGTERM, then SIGKILL after this long
    abort_grace: float = 5.0  # a stalled kiosk writing its stacks after SIGABRT, then SIGKILL
    poll: float = 0.25  # how often the child and its heartbeat are looked at


class HeartbeatWatch:
    """Whether a child's UI loop still turns, from the times its count was seen to change."""

    def __init__(self, policy: Policy, started: float) -> None:
        self.policy = policy
        self.started = started
        self.last: float | None = None  # when a new count was last seen; None before the first

    def beat(self, now: float) -> None:
        self.last = now

    def stalled(self, now: float) -> bool:
        if self.last is None:
            return now - self.started > self.policy.start_grace
        return now - self.last > self.policy.stall

    def silent_for(self, now: float) -> float:
        return now - (self.started if self.last is None else self.last)


class Restarts:
    """The restarts of the last hour: how long to wait before the next one, or that there must be none."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.times: deque[float] = deque()
        self.streak = 0  # restarts since the last healthy run

    def next_delay(self, now: float, ran_for: float) -> float | None:
        """Called when a child has ended after ``ran_for`` seconds; None once the hour's cap is reached."""
        while self.times and now - self.times[0] >= 3600.0:
            self.times.popleft()
        if len(self.times) >= self.policy.max_per_hour:
            return None
        if ran_for >= self.policy.healthy_after:
            self.streak = 0
        delay = self.policy.backoff[min(self.streak, len(self.policy.backoff) - 1)] if self.policy.backoff else 0.0
        self.streak += 1
        self.times.append(now)
        return delay


def ending_of(returncode: int) -> str:
    """How a child that has ended is described in the log: its exit status, or the signal that ended it."""
    if returncode < 0:
        try:
            return f"signal {signal.Signals(-returncode).name}"
        except ValueError:
            return f"signal {-returncode}"
    return f"exit status {returncode}"


# --- the kiosk's side -------------------------------------------------------------------------------


class Heartbeat:
    """The kiosk's half: each :meth:`beat` (from a QTimer on the UI thread) writes the next count."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._failing = False

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> Heartbeat | None:
        """The heartbeat a supervisor asked for, or None when the kiosk runs on its own."""
        path = environ.get(HEARTBEAT_ENV, "")
        return cls(Path(path)) if path else None

    def beat(self) -> None:
        self.count += 1
        try:
            self.path.write_text(str(self.count), encoding="ascii")  # a few bytes in the runtime folder
        except OSError as error:  # the supervisor will see a stall and say so; log the cause once
            if not self._failing:
                log.warning("heartbeat: cannot write %s: %s", self.path, error)
            self._failing = True
        else:
            self._failing = False


def restart_reason(environ: Mapping[str, str] = os.environ) -> str:
    """``stall`` or ``crash`` when a supervisor started this kiosk again, else ""."""
    reason = environ.get(RESTARTED_ENV, "")
    return reason if reason in REASONS else ""


# --- the supervisor ---------------------------------------------------------------------------------


def kiosk_command(arguments: Sequence[str]) -> list[str]:
    """The command line of a ``kiosk`` sub-command run as a child: the frozen bundle's own executable, or
    this Python with ``-m kiosk``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *arguments]
    return [sys.executable, "-m", "kiosk", *arguments]


def _runtime_folder() -> str | None:
    folder = os.environ.get("XDG_RUNTIME_DIR", "")
    return folder if folder and os.path.isdir(folder) else None


class Supervisor:
    """Runs ``command`` and starts it again after a crash or a stall (see the module's docstring).
    :meth:`run` returns the supervisor's exit status; :meth:`stop` may be called from a signal handler
    or another thread."""

    def __init__(self, command: Sequence[str], policy: Policy | None = None, *,
                 environ: Mapping[str, str] | None = None, clock: Callable[[], float] = time.monotonic,
                 on_start: Callable[[subprocess.Popen], None] | None = None) -> None:
        self.command = list(command)
        self.policy = policy or Policy()
        self.environ = dict(os.environ if environ is None else environ)
        self.clock = clock
        self.on_start = on_start  # told of each child as it starts (tests, the log)
        self.restarts = Restarts(self.policy)
        self._stopping = threading.Event()
        self.child: subprocess.Popen | None = None

    def stop(self) -> None:
        self._stopping.set()

    def run(self) -> int:
        with tempfile.TemporaryDirectory(prefix="kiosk-watchdog-", dir=_runtime_folder()) as folder:
            heartbeat = Path(folder) / "heartbeat"
            reason = ""
            while True:
                heartbeat.unlink(missing_ok=True)
                child = self._start(heartbeat, reason)
                started = self.clock()
                ending = self._watch(child, heartbeat, started)
                if ending == "stopped":
                    self._end(child)
                    log.info("stopped; the kiosk has ended (%s)", ending_of(child.returncode))
                    return 0
                if ending == "closed":
                    log.info("the kiosk was closed (exit status 0); the watchdog ends too")
                    return 0
                if ending == STALL:
                    self._kill_stalled(child)
                else:
                    log.error("the kiosk (pid %d) ended with %s", child.pid, ending_of(child.returncode))
                gone = display_gone(self.environ)
                if gone:
                    log.error("the display the kiosk shows on has gone (%s): no restart", gone)
                    return EXIT_NO_DISPLAY
                delay = self.restarts.next_delay(self.clock(), self.clock() - started)
                if delay is None:
                    log.error("the kiosk was restarted %d times within an hour; it stays down. "
                              "Look at the log and the fault log, then start the kiosk again.",
                              self.policy.max_per_hour)
                    return EXIT_GAVE_UP
                log.warning("restarting the kiosk in %.0f s (%s, restart %d within the hour)",
                            delay, ending, len(self.restarts.times))
                if self._stopping.wait(delay):
                    return 0
                reason = ending

    def _start(self, heartbeat: Path, reason: str) -> subprocess.Popen:
        env = dict(self.environ)
        env[HEARTBEAT_ENV] = str(heartbeat)
        env.pop(RESTARTED_ENV, None)  # a first start is no restart, whatever the supervisor was given
        if reason:
            env[RESTARTED_ENV] = reason
        self.child = child = start_child(self.command, env=env)
        log.info("started the kiosk, pid %d%s", child.pid, f" (after a {reason})" if reason else "")
        if self.on_start is not None:
            self.on_start(child)
        return child

    def _watch(self, child: subprocess.Popen, heartbeat: Path, started: float) -> str:
        """Until the child ends (``closed`` or ``crash``), stalls (``stall``) or the supervisor is told to
        stop (``stopped``)."""
        watch = HeartbeatWatch(self.policy, started)
        seen = b""
        while True:
            if self._stopping.wait(self.policy.poll):
                return "stopped"
            returncode = child.poll()
            if returncode is not None:
                return "closed" if returncode == 0 else CRASH
            count = _read(heartbeat)
            now = self.clock()
            if count and count != seen:  # an empty read is a write under way: no news either way
                if not seen:
                    log.info("first heartbeat from the kiosk after %.1f s", now - started)
                seen = count
                watch.beat(now)
            if watch.stalled(now):
                log.error("no heartbeat from the kiosk (pid %d) for %.0f s: its UI has stopped",
                          child.pid, watch.silent_for(now))
                return STALL

    def _kill_stalled(self, child: subprocess.Popen) -> None:
        """SIGABRT for the stacks in the fault log, then SIGKILL to the child's process group."""
        if os.name == "posix":
            _signal_group(child, signal.SIGABRT)
            if _waited(child, self.policy.abort_grace):
                return
            _signal_group(child, signal.SIGKILL)
        else:
            child.kill()
        _waited(child, self.policy.stop_grace)

    def _end(self, child: subprocess.Popen) -> None:
        """As a service manager stops a service: SIGTERM (the kiosk closes in order), SIGKILL if it lingers."""
        if child.poll() is not None:
            return
        if os.name == "posix":
            _signal_group(child, signal.SIGTERM)
        else:
            child.terminate()
        if _waited(child, self.policy.stop_grace):
            return
        log.error("the kiosk did not end within %.0f s of SIGTERM: killing it", self.policy.stop_grace)
        if os.name == "posix":
            _signal_group(child, signal.SIGKILL)
        else:
            child.kill()
        _waited(child, self.policy.stop_grace)


def display_gone(environ: Mapping[str, str]) -> str:
    """Why the Wayland compositor named in ``environ`` no longer takes clients, or "" (also when the kiosk
    does not run on Wayland). A connection opened and closed at once: the compositor sees a client come
    and go."""
    name = environ.get("WAYLAND_DISPLAY", "")
    if not name or not hasattr(socket, "AF_UNIX"):
        return ""
    path = name if os.path.isabs(name) else os.path.join(environ.get("XDG_RUNTIME_DIR", ""), name)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(5.0)
        try:
            probe.connect(path)
        except OSError as error:
            return f"{path}: {error.strerror or error}"
    return ""


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # not written yet
        return b""


def _signal_group(child: subprocess.Popen, signum: int) -> None:
    """The child leads a process group of its own (start_child); whatever else runs in it goes too."""
    try:
        os.killpg(child.pid, signum)
    except ProcessLookupError:  # already gone
        pass
    except PermissionError:  # not our group after all (another platform's start): the child alone
        child.send_signal(signum)


def _waited(child: subprocess.Popen, seconds: float) -> bool:
    try:
        child.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        return False
    return True


def stop_on_signals(supervisor: Supervisor) -> None:
    """SIGTERM (systemd stopping the unit), SIGINT (Ctrl+C) and SIGHUP stop the kiosk, then the supervisor."""
    for signum in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, lambda signum, frame: supervisor.stop())
