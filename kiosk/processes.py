"""Child processes that end with the kiosk, however the kiosk ends.

The demo's terminal simulator, the pcscd it starts and the virtual card process are stopped in order when
the kiosk closes or gets SIGTERM/SIGHUP (kiosk/ui/runtime.py). A kiosk that is killed outright (SIGKILL,
a crash, the OOM killer, End task) runs none of that, and a child left behind keeps answering in the
terminal's folders or holding the reader for the next kiosk. :func:`start_child` starts a child the
operating system itself ends with the kiosk:

- Linux: the child asks for SIGTERM when its parent goes (``prctl(PR_SET_PDEATHSIG)``). That signal
  follows the *thread* that forked, not the process, so every child is forked from one thread of this
  module that lives as long as the kiosk: a child started from a worker or a Qt slot's thread does not die
  when that thread ends. The child also gets a process group of its own, so Ctrl+C in the kiosk's terminal
  reaches only the kiosk, which then stops its children in order.
- Windows: every child is put in one Job Object made with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE. Only the
  kiosk holds the job's handle (it is not inheritable); when the kiosk ends, however it ends, Windows
  closes the handle and ends every process in the job, the children's own children too. The child joins
  the job just after it starts (Popen gives out no thread handle to resume a suspended start): a kiosk
  killed in that instant, or a grandchild started in it, would escape.

Elsewhere (macOS) the child starts as an ordinary one. Only children started here are tied to the kiosk:
a pcscd the kiosk found running (the system's) is left alone.
"""
from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Any

__all__ = ["child_argv", "start_child"]

CHILD_FLAG = "--child"  # what a frozen kiosk's executable is started with to run a child module


def child_argv(module: str, *args: str) -> list[str]:
    """How to run ``python -m module args`` as a child: a frozen kiosk (PyInstaller) has no ``python -m``,
    so there its own executable is started with ``--child module args`` and kiosk/__main__.py runs it."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_FLAG, module, *args]
    return [sys.executable, "-m", module, *args]


def start_child(args: Sequence[str], **options: Any) -> subprocess.Popen:
    """``subprocess.Popen(args, **options)`` for a child that must not outlive the kiosk."""
    if sys.platform == "win32":
        process = subprocess.Popen(args, **options)
        try:
            _kill_on_close_job().assign(process.pid)
        except OSError:
            process.kill()
            process.wait()
            raise
        return process
    if sys.platform == "linux":
        parent = os.getpid()
        return _spawner.run(lambda: subprocess.Popen(
            args, **options, process_group=0, preexec_fn=lambda: _die_with(parent)))
    return subprocess.Popen(args, **options)


if sys.platform == "linux":
    import ctypes
    import signal

    _PR_SET_PDEATHSIG = 1
    # Loaded here, in the kiosk: the forked child must not load a library before it execs.
    _libc = ctypes.CDLL(None, use_errno=True)

    def _die_with(parent: int) -> None:
        """In the forked child, before exec: SIGTERM when the spawner thread (the kiosk) goes."""
        if _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
            errno = ctypes.get_errno()
            raise OSError(errno, os.strerror(errno))
        if os.getppid() != parent:
            # The kiosk ended between the fork and the line above: no signal will come now.
            raise ChildProcessError("the kiosk ended while the child was starting")

    class _Spawner:
        """The one long-lived thread every child is forked from (see the module's docstring)."""

        def __init__(self) -> None:
            self._guard = threading.Lock()
            self._thread: threading.Thread | None = None
            self._requests: queue.SimpleQueue[tuple[Callable[[], subprocess.Popen], Future]] = queue.SimpleQueue()

        def run(self, start: Callable[[], subprocess.Popen]) -> subprocess.Popen:
            with self._guard:
                if self._thread is None or not self._thread.is_alive():  # first use, or a forked copy of us
                    self._thread = threading.Thread(target=self._serve, name="kiosk-children", daemon=True)
                    self._thread.start()
            done: Future[subprocess.Popen] = Future()
            self._requests.put((start, done))
            # No deadline of its own: Popen returns once the child has exec'd or failed to.
            return done.result()

        def _serve(self) -> None:
            while True:
                start, done = self._requests.get()
                try:
                    done.set_result(start())
                except BaseException as error:  # the caller's, raised again in its own thread
                    done.set_exception(error)

    _spawner = _Spawner()


if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x2000
    _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION = 9  # the JOBOBJECTINFOCLASS value
    _PROCESS_SET_QUOTA = 0x0100
    _PROCESS_TERMINATE = 0x0001

    class _BasicLimits(ctypes.Structure):  # JOBOBJECT_BASIC_LIMIT_INFORMATION
        _fields_ = [
            ("PerProcessUserTimeLimit", ctypes.c_int64),
            ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", wintypes.DWORD),
            ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t),
            ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t),
            ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class _IoCounters(ctypes.Structure):  # IO_COUNTERS
        _fields_ = [(name, ctypes.c_uint64) for name in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]

    class _ExtendedLimits(ctypes.Structure):  # JOBOBJECT_EXTENDED_LIMIT_INFORMATION
        _fields_ = [
            ("BasicLimitInformation", _BasicLimits),
            ("IoInfo", _IoCounters),
            ("ProcessMemoryLimit", ctypes.c_size_t),
            ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t),
            ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.CreateJobObjectW.argtypes = (wintypes.LPVOID, wintypes.LPCWSTR)
    _kernel32.CreateJobObjectW.restype = wintypes.HANDLE
    _kernel32.SetInformationJobObject.argtypes = (wintypes.HANDLE, ctypes.c_int, wintypes.LPVOID, wintypes.DWORD)
    _kernel32.SetInformationJobObject.restype = wintypes.BOOL
    _kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    _kernel32.OpenProcess.restype = wintypes.HANDLE
    _kernel32.AssignProcessToJobObject.argtypes = (wintypes.HANDLE, wintypes.HANDLE)
    _kernel32.AssignProcessToJobObject.restype = wintypes.BOOL
    _kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    _kernel32.CloseHandle.restype = wintypes.BOOL

    class _Job:
        """The kiosk's one kill-on-close job; its handle stays open until the kiosk ends."""

        def __init__(self) -> None:
            handle = _kernel32.CreateJobObjectW(None, None)  # no security attributes: not inherited
            if not handle:
                raise ctypes.WinError(ctypes.get_last_error())
            limits = _ExtendedLimits()
            limits.BasicLimitInformation.LimitFlags = _JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
            if not _kernel32.SetInformationJobObject(handle, _JOB_OBJECT_EXTENDED_LIMIT_INFORMATION,
                                                     ctypes.byref(limits), ctypes.sizeof(limits)):
                error = ctypes.WinError(ctypes.get_last_error())
                _kernel32.CloseHandle(handle)
                raise error
            self._handle = handle

        def assign(self, pid: int) -> None:
            # A handle of our own (Popen's is private); the pid cannot be reused while Popen holds its handle.
            process = _kernel32.OpenProcess(_PROCESS_SET_QUOTA | _PROCESS_TERMINATE, False, pid)
            if not process:
                raise ctypes.WinError(ctypes.get_last_error())
            try:
                if not _kernel32.AssignProcessToJobObject(self._handle, process):
                    raise ctypes.WinError(ctypes.get_last_error())
            finally:
                _kernel32.CloseHandle(process)

    _job_guard = threading.Lock()
    _job: _Job | None = None

    def _kill_on_close_job() -> _Job:
        global _job
        with _job_guard:
            if _job is None:
                _job = _Job()
            return _job
