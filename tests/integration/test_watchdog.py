"""The watchdog with real processes (kiosk/watchdog.py): a child whose heartbeat stops is killed and started
again, a crashing one is started again, restarts are capped, and stopping the supervisor leaves no child
behind. Stand-in children play the kiosk's heartbeat for the stall and the cap; the real ``kiosk run`` is
frozen (SIGSTOP: its UI loop stops with everything else) and killed under ``kiosk supervise``."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.watchdog import EXIT_GAVE_UP

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="process groups and PR_SET_PDEATHSIG")

# The kiosk's part as the watchdog sees it: a heartbeat from the main thread, then what the test asks for.
CHILD = '''
import os, resource, signal, sys, time, faulthandler
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
mode, record = sys.argv[1], sys.argv[2]
with open(record, "a") as f:
    f.write(f"{os.getpid()} {os.environ.get('KIOSK_RESTARTED', '-')}\\n")
start = len(open(record).read().splitlines())
stacks = open(f"{record}.stacks{start}", "w")
faulthandler.enable(stacks, all_threads=True)  # as `kiosk run` does: SIGABRT leaves the stacks
from kiosk.watchdog import Heartbeat
heartbeat = Heartbeat.from_environment()

def beat(n):
    for _ in range(n):
        heartbeat.beat()
        time.sleep(0.1)

def hang():
    time.sleep(3600)  # the UI thread stuck in a call that never returns

if mode == "hang-first" and start == 1:
    beat(3)
    hang()
if mode == "crash":
    beat(2)
    sys.exit(1)
if mode == "closes":
    sys.exit(0)
while True:
    beat(1)
'''

SUPERVISOR = '''
import json, sys
from kiosk.logs import configure
from kiosk.watchdog import Policy, Supervisor, stop_on_signals
configure("INFO")
supervisor = Supervisor(sys.argv[2:], Policy(**json.loads(sys.argv[1])))
stop_on_signals(supervisor)
sys.exit(supervisor.run())
'''

QUICK = {"stall": 2.0, "start_grace": 60.0, "backoff": [0.1], "max_per_hour": 3, "abort_grace": 20.0,
         "stop_grace": 20.0, "poll": 0.1}


def _until(condition: Callable[[], object], what: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not seen within {timeout:.0f} s: {what}")
        time.sleep(0.1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is not alive: it only waits to be reaped
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class Rig:
    def __init__(self, tmp_path: Path, mode: str, **policy: object) -> None:
        self.record = tmp_path / "starts"
        child = tmp_path / "child.py"
        child.write_text(CHILD)
        env = dict(os.environ, PYTHONPATH=str(ROOT), XDG_RUNTIME_DIR=str(tmp_path))
        self.process = subprocess.Popen(
            [sys.executable, "-c", SUPERVISOR, json.dumps({**QUICK, **policy}),
             sys.executable, str(child), mode, str(self.record)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def starts(self) -> list[tuple[int, str]]:
        if not self.record.exists():
            return []
        return [(int(pid), reason) for pid, reason in (line.split() for line in self.record.read_text().splitlines())]

    def stacks(self, start: int) -> str:
        return Path(f"{self.record}.stacks{start}").read_text()

    def end(self) -> tuple[int, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        out, _ = self.process.communicate(timeout=60)
        return self.process.returncode, out


@pytest.fixture
def rigs():
    made: list[Rig] = []
    yield lambda *args, **kwargs: made.append(Rig(*args, **kwargs)) or made[-1]
    for rig in made:
        if rig.process.poll() is None:
            rig.process.kill()
            rig.process.communicate(timeout=30)
        for pid, _ in rig.starts():
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_child_whose_heartbeat_stops_is_killed_with_its_stacks_and_started_again(tmp_path, rigs):
    rig = rigs(tmp_path, "hang-first")
    _until(lambda: len(rig.starts()) >= 2, "a second start after the first child's heartbeat stopped")
    (first, none), (second, reason) = rig.starts()[:2]
    assert (none, reason) == ("-", "stall"), "the new child is told why it was started again"
    _until(lambda: not _alive(first), "the stalled child gone")
    assert "in hang" in rig.stacks(1), "SIGABRT left the stalled child's stacks for IT"
    code, out = rig.end()
    assert code == 0, out
    assert "no heartbeat" in out and "restarting the kiosk" in out
    assert not _alive(second), "the supervisor's SIGTERM ended its child"


def test_a_crashing_child_is_started_again_and_the_restarts_are_capped(tmp_path, rigs):
    rig = rigs(tmp_path, "crash", max_per_hour=2)
    out, _ = rig.process.communicate(timeout=120)
    code = rig.process.returncode
    assert code == EXIT_GAVE_UP, out
    starts = rig.starts()
    assert [reason for _, reason in starts] == ["-", "crash", "crash"], "two restarts, then it stays down"
    assert "stays down" in out
    assert not any(_alive(pid) for pid, _ in starts)


def test_a_kiosk_closed_by_staff_is_not_started_again(tmp_path, rigs):
    rig = rigs(tmp_path, "closes")
    assert rig.process.wait(timeout=60) == 0
    assert len(rig.starts()) == 1


def test_sigterm_to_the_supervisor_ends_it_and_its_child(tmp_path, rigs):
    rig = rigs(tmp_path, "healthy")
    _until(lambda: rig.starts(), "the child started")
    [(pid, _)] = rig.starts()
    code, out = rig.end()
    assert code == 0, out
    assert not _alive(pid)
    assert len(rig.starts()) == 1, "a stop is no crash: nothing started again"


def test_a_supervisor_killed_outright_takes_its_child_with_it(tmp_path, rigs):
    rig = rigs(tmp_path, "healthy")
    _until(lambda: rig.starts(), "the child started")
    [(pid, _)] = rig.starts()
    rig.process.kill()
    rig.process.communicate(timeout=30)
    _until(lambda: not _alive(pid), "the child ended with its supervisor (PR_SET_PDEATHSIG)", timeout=30)


# --- the real kiosk under `kiosk supervise` ---------------------------------------------------------


@pytest.fixture
def kiosk_run_env(tmp_path):
    """``kiosk run`` offscreen on this machine: a reader that is not there (the real one stays untouched),
    terminal folders of its own, no voice, a staff port of its own."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "terminal").mkdir()
    return dict(
        os.environ, KIOSK_DATA_DIR=str(tmp_path / "data"), KIOSK_KEY_DIR=str(tmp_path / "keys"),
        KIOSK_KEY_PROVIDER="file", KIOSK_CONFIG="", KIOSK_TERMINAL_ROOT=str(tmp_path / "terminal"),
        KIOSK_STAFF_PORT=str(port), KIOSK_VOICE_ENGINE="none", KIOSK_READER="no such reader",
        QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))


def _kiosk_pids(supervisor: int) -> list[int]:
    """The supervisor's children, from every thread (start_child forks from a thread of its own)."""
    return [int(pid) for task in Path(f"/proc/{supervisor}/task").glob("*/children")
            for pid in task.read_text().split()]


def _restart_audits(env: dict[str, str], monkeypatch) -> list[str]:
    """What the restarted kiosks wrote into the audit chain of their store."""
    from kiosk.config import load
    from kiosk.store.store import open_store

    for key in ("KIOSK_DATA_DIR", "KIOSK_KEY_DIR", "KIOSK_KEY_PROVIDER", "KIOSK_CONFIG"):
        monkeypatch.setenv(key, env[key])
    with open_store(load(), create=False) as store:
        rows = store._db.query("SELECT detail FROM audit WHERE action = 'kiosk_restarted' ORDER BY seq")
        return [row["detail"] for row in rows]


def test_the_real_kiosk_frozen_then_killed_is_started_again_and_says_why(kiosk_run_env, monkeypatch):
    supervisor = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--log-level", "INFO", "supervise", "--stall", "3", "--start-grace", "90",
         "--", "run", "--windowed"],
        cwd=ROOT, env=kiosk_run_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)
    log = Path(kiosk_run_env["KIOSK_DATA_DIR"]) / "logs" / "watchdog.log"

    def said(words: str, times: int = 1) -> bool:
        return log.exists() and log.read_text().count(words) >= times

    try:
        _until(lambda: said("first heartbeat"), "the kiosk's first heartbeat", timeout=120)
        [frozen] = _kiosk_pids(supervisor.pid)
        os.kill(frozen, signal.SIGSTOP)  # the whole kiosk stops, its UI loop with it
        _until(lambda: said("first heartbeat", 2), "the frozen kiosk replaced by one whose UI turns", timeout=180)
        assert not _alive(frozen)
        assert said("no heartbeat from the kiosk")
        [crashing] = _kiosk_pids(supervisor.pid)
        os.kill(crashing, signal.SIGKILL)
        _until(lambda: said("first heartbeat", 3), "the killed kiosk started again", timeout=180)
        assert said("ended with signal SIGKILL")
        [third] = _kiosk_pids(supervisor.pid)
    finally:
        if supervisor.poll() is None:
            supervisor.send_signal(signal.SIGTERM)
        out, _ = supervisor.communicate(timeout=90)
        print(out)  # shown when the test fails
    assert supervisor.returncode == 0, out
    assert not _alive(third), "stopping the supervisor stopped the kiosk"
    assert _restart_audits(kiosk_run_env, monkeypatch) == ["reason=stall", "reason=crash"], \
        "each restarted kiosk told its flow, which audits it and shows staff the notice"
