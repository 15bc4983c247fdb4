"""Issue 14, long runs: the kiosk's threads share two glibc malloc arenas, free heap goes back to the system
after each reception, and a crash of a long-running command leaves every thread's stack behind."""
from __future__ import annotations

import gc
import os
import platform
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk.core.cancel import CancelToken
from kiosk.core.states import State
from kiosk.memory import TrimWhenIdle
from kiosk.simulation.player import HeldRig, play
from kiosk.simulation.script import named

ROOT = Path(__file__).resolve().parents[2]
GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
glibc_only = pytest.mark.skipif(not GLIBC, reason="malloc arenas are glibc's")
posix_only = pytest.mark.skipif(os.name != "posix", reason="SIGSEGV sent to a child")

# How many arenas glibc's malloc has, from malloc_info's XML (one <heap> element per arena).
COUNT_ARENAS = """
import ctypes, tempfile
def arenas():
    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    libc.malloc_info.argtypes = (ctypes.c_int, ctypes.c_void_p)
    libc.fclose.argtypes = (ctypes.c_void_p,)
    with tempfile.NamedTemporaryFile(suffix=".xml") as out:
        handle = libc.fopen(out.name.encode(), b"w")
        libc.malloc_info(0, handle)
        libc.fclose(handle)
        return open(out.name).read().count("<heap nr=")
"""

# Six threads allocating at once, each holding 64 KiB blocks (below the mmap threshold: from its arena).
SIX_THREADS = COUNT_ARENAS + """
import sys, threading
if sys.argv[1] == "limit":
    from kiosk.memory import limit_arenas
    print(limit_arenas())
else:
    print(None)
barrier = threading.Barrier(7)
def allocate():
    held = [bytearray(64 * 1024) for _ in range(8)]
    barrier.wait()
    barrier.wait()
threads = [threading.Thread(target=allocate) for _ in range(6)]
for thread in threads:
    thread.start()
barrier.wait()
print(arenas())
barrier.wait()
for thread in threads:
    thread.join()
"""


def _python(code: str, *args: str, env: dict | None = None) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("MALLOC_ARENA_MAX", "GLIBC_TUNABLES")}
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env={**clean, **(env or {})},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@glibc_only
def test_the_arena_limit_holds_many_threads_to_two_arenas():
    applied, limited = _python(SIX_THREADS, "limit")
    _, unlimited = _python(SIX_THREADS, "glibc")
    assert applied == "True"
    assert int(limited) <= 2
    assert int(unlimited) > 2  # glibc's own policy: an arena per thread, up to eight per core


@glibc_only
def test_an_arena_limit_from_the_environment_is_left_alone():
    for env in ({"MALLOC_ARENA_MAX": "4"}, {"GLIBC_TUNABLES": "glibc.malloc.arena_max=4"}):
        applied, arenas = _python(SIX_THREADS, "limit", env=env)
        assert applied == "False"
        assert int(arenas) == 4  # the operator's number (the main arena included), not ours


@glibc_only
def test_the_kiosk_command_limits_the_arenas_before_its_threads_start(kiosk_env):
    """`kiosk simulate` runs a task manager, its timers and the store's writer: still two arenas."""
    code = COUNT_ARENAS + """
from kiosk.commands.main import main
main(["simulate", "valid-pin"])
print(arenas())
"""
    *_, arenas = _python(code)
    assert int(arenas) <= 2


def test_a_reception_back_in_idle_hands_memory_back_on_a_worker():
    def rig_with_trims():
        queued = []

        class Recording:  # the task runner: what the listener hands it, never run on the flow's thread
            def run(self, work, done, timeout):
                queued.append(work)

            def post(self, fn):
                fn()

        rig = HeldRig(script)
        rig.flow.add_listener(TrimWhenIdle(Recording()))
        return rig, queued

    script = named()["valid-pin"]
    midway, queued = rig_with_trims()
    assert play(script, midway, stop_at=State.CONSENT)
    assert queued == []  # started idle, and the reception is not over
    whole, queued = rig_with_trims()
    play(script, whole)
    assert whole.flow.state is State.IDLE
    assert len(queued) == (1 if GLIBC else 0)  # one reception, one trim; none off glibc
    for work in queued:
        assert isinstance(work(CancelToken()), bool)


def test_while_a_window_lives_only_the_ui_thread_collects(qapp):
    """A worker's collection can overlap a screen's deletion on the UI thread (shiboken frees wrappers
    without the GIL) and crash the kiosk: with the collector on, workers never collect."""
    from kiosk.ui.collector import UiThreadCollector

    collecting: list[str] = []
    held: list[list] = []

    def note(phase, info):
        if phase == "start":
            collecting.append(threading.current_thread().name)

    def allocate():
        held.append([[] for _ in range(20 * gc.get_threshold()[0])])  # young objects, far past the threshold

    def on_a_worker():
        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()

    gc.callbacks.append(note)
    try:
        on_a_worker()
        assert "worker" in collecting  # Python's own schedule: whichever thread allocates collects
        collecting.clear()
        collector = UiThreadCollector()
        try:
            on_a_worker()
            assert collecting == []
            assert collector.collect_due() is not None  # the UI thread's tick collects what the worker left
            assert collecting == [threading.current_thread().name]
        finally:
            collector.stop()
    finally:
        gc.callbacks.remove(note)
        held.clear()
    assert gc.isenabled()


def _seg_fault(child: subprocess.Popen) -> int:
    child.send_signal(signal.SIGSEGV)
    return child.wait(timeout=30)


@posix_only
def test_a_crash_of_kiosk_simulate_leaves_every_threads_stack_on_stderr(kiosk_env):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}
    child = subprocess.Popen([sys.executable, "-m", "kiosk", "simulate", "staff-visual", "--repeat", "1000"],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and "sessions=" in child.stdout.readline()  # receptions under way
        assert _seg_fault(child) == -signal.SIGSEGV
        stderr = child.stderr.read() if child.stderr else ""
    finally:
        child.kill()
        child.communicate()
    assert "Fatal Python error: Segmentation fault" in stderr
    # Every thread, each headed "Thread 0x…" ("Stack" alone would be the faulting thread's). The dump itself
    # can be cut short by a thread ending meanwhile (faulthandler walks them unlocked): only its start counts.
    assert "Thread 0x" in stderr and 'File "' in stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@posix_only
def test_a_crash_of_kiosk_run_leaves_every_threads_stack_in_the_fault_log(kiosk_env, tmp_path):
    pytest.importorskip("PySide6")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONFAULTHANDLER"}
    env.update(QT_QPA_PLATFORM="offscreen", KIOSK_READER="no such reader", KIOSK_STAFF_PORT=str(_free_port()),
               KIOSK_TERMINAL_ROOT=str(tmp_path / "terminal"), PYTHONUNBUFFERED="1")
    child = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--windowed"], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and "no staff accounts yet" in child.stdout.readline()  # it is up
        time.sleep(1.0)  # the window, the staff channel and the workers start
        assert _seg_fault(child) == -signal.SIGSEGV
    finally:
        child.kill()
        child.communicate()
    log = (Path(kiosk_env["KIOSK_DATA_DIR"]) / "logs" / "faults.log").read_text()
    assert f"kiosk run, pid {child.pid}" in log
    assert "Fatal Python error: Segmentation fault" in log
    assert "Thread 0x" in log and 'File "' in log
