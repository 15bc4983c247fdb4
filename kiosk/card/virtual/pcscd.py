"""Starts and stops a foreground ``pcscd`` for the PC/SC test tier, the demo and the benchmarks.

pcscd is a single system daemon: a running one (found through its pid file) is stopped first, so this
one owns the ``Virtual PCD`` readers. Needs root, like pcscd itself. Two users of this module (two test
runs, a test run and a benchmark or a demo) would stop each other's pcscd, so each process holds an
exclusive lock on ``LOCK_FILE`` from start() to stop() and a second process waits for the first.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.card.pcsc import list_readers, load_scard
from kiosk.processes import start_child

PID_FILE = Path("/run/pcscd/pcscd.pid")
LOCK_FILE = Path("/run/lock/kiosk-virtual-pcscd.lock")
VIRTUAL_READER = "Virtual PCD 00 00"


def available() -> str | None:
    """Why the PC/SC tier cannot run here, or None when it can."""
    if shutil.which("pcscd") is None and not Path("/usr/sbin/pcscd").exists():
        return "pcscd is not installed"
    if not any(Path(d).glob("**/libifdvpcd.so*") for d in ("/usr/lib/pcsc/drivers", "/usr/local/lib/pcsc/drivers")):
        return "vsmartcard-vpcd is not installed"
    if os.geteuid() != 0:
        return "pcscd needs root"
    return None


def _running_pid() -> int | None:
    try:
        pid = int(PID_FILE.read_text().strip("\x00\n\r\t "))
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def readers() -> list[str]:
    scard = load_scard()
    hr, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hr != scard.SCARD_S_SUCCESS:
        return []
    try:
        return list_readers(scard, context)
    finally:
        scard.SCardReleaseContext(context)


class _ProcessLock:
    """The flock on LOCK_FILE, shared by every PcscDaemon of this process (flock would block on itself)."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._fd: int | None = None
        self._count = 0

    def acquire(self, timeout: float) -> None:
        with self._guard:
            if self._count:
                self._count += 1
                return
            LOCK_FILE.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        os.close(fd)
                        raise RuntimeError(
                            f"another program using the virtual reader (a test run, a benchmark, a demo) "
                            f"has held {LOCK_FILE} for {timeout:.0f} s"
                        ) from None
                    time.sleep(0.5)
            self._fd, self._count = fd, 1

    def release(self) -> None:
        with self._guard:
            self._count -= 1
            if self._count == 0 and self._fd is not None:
                os.close(self._fd)  # closing drops the flock
                self._fd = None


_process_lock = _ProcessLock()


def hold_virtual_reader(timeout: float = 180.0) -> Callable[[], None]:
    """Take the virtual reader for this process, waiting for any other program using it (a test run, a
    benchmark, a demo: one virtual card at a time), whichever pcscd serves it. Returns the release."""
    _process_lock.acquire(timeout)
    return _process_lock.release


class PcscDaemon:
    def __init__(self, log_path: Path | None = None, lock_timeout: float = 180.0) -> None:
        self._log_path = log_path
        self._lock_timeout = lock_timeout
        self._lock_held = False
        self._process: subprocess.Popen | None = None

    def _acquire(self) -> None:
        if self._lock_held:
            return
        _process_lock.acquire(self._lock_timeout)
        self._lock_held = True

    def _release(self) -> None:
        if self._lock_held:
            self._lock_held = False
            _process_lock.release()

    def start(self, timeout: float = 15.0) -> PcscDaemon:
        """Start pcscd (waiting first for any other user of this module to finish)."""
        self._acquire()
        self._stop_other()
        binary = shutil.which("pcscd") or "/usr/sbin/pcscd"
        out = open(self._log_path, "ab") if self._log_path else subprocess.DEVNULL
        try:
            self._process = start_child([binary, "-f"], stdout=out, stderr=subprocess.STDOUT)
        finally:
            if not isinstance(out, int):  # a log file we opened, not DEVNULL
                out.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                code = self._process.returncode
                self.stop()
                raise RuntimeError(f"pcscd exited with {code}")
            if VIRTUAL_READER in readers():
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"pcscd started but no {VIRTUAL_READER!r} reader appeared")

    def kill(self) -> None:
        """Abrupt end, as a crash would leave things."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=10)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._process = None
        self._release()

    @staticmethod
    def _stop_other() -> None:
        pid = _running_pid()
        if pid is None:
            return
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except OSError:
                return
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
