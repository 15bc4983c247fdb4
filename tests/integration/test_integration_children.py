"""However the kiosk ends — a signal from a service manager or ``kill``, or killed outright (SIGKILL, a
crash, the OOM killer) — it takes its children along: nothing it started keeps running, holding the
terminal's folders or the card reader, once it is gone."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads the process tree from /proc")


def _children(pid: int) -> set[int]:
    """Every process below ``pid``, read from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\x00", b" ").decode(errors="replace")
    except OSError:
        return ""


def _program(pid: int) -> str:
    return Path(_command_line(pid).split(" ")[0]).name


def _pids() -> set[int]:
    return {int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()}


def _wait_gone(pids: set[int], timeout: float = 5.0) -> set[int]:
    """Those of ``pids`` still alive after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
        time.sleep(0.05)
    return {pid for pid in pids if _alive(pid)}


def _end(pids: set[int]) -> None:
    """Stop what a failing test left behind (SIGTERM first: pcscd then removes its pid file)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except OSError:
                pass
        if not _wait_gone(pids):
            return


def _start_demo(kiosk_env: dict[str, str], home: Path) -> subprocess.Popen:
    """``kiosk demo`` on the embedded devices, once it says it is ready."""
    env = {**os.environ, **kiosk_env, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    demo = subprocess.Popen([sys.executable, "-m", "kiosk", "demo", "--windowed"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert demo.stdout is not None
    seen = []
    for line in demo.stdout:
        seen.append(line)
        if "staff console port" in line:
            return demo
    demo.wait(5)
    pytest.fail("the demo did not start:\n" + "".join(seen))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_ends_the_demo_as_closing_it_does(kiosk_env, tmp_path, signum):
    demo = _start_demo(kiosk_env, tmp_path)
    children = _children(demo.pid)
    try:
        assert children, "the demo runs its terminal simulator as a child"
        demo.send_signal(signum)
        assert demo.wait(15) == 0, "the kiosk stops its staff channel, workers and devices, then exits"
        assert not _wait_gone(children), "children outlived the kiosk"
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.wait(5)
        _end({pid for pid in children if _alive(pid)})


def test_a_killed_demo_takes_its_terminal_simulator_and_its_pcscd_along(kiosk_env, tmp_path):
    demo = _start_demo(kiosk_env, tmp_path)
    children: set[int] = set()
    try:
        children = _children(demo.pid)
        simulators = {pid for pid in children if "terminal-sim" in _command_line(pid)}
        assert simulators, "the demo runs its terminal simulator as a child"
        # The demo starts a pcscd of its own (one of ``children``) only when none serves the virtual reader;
        # otherwise it uses the one it found (the system's), which is not its child and must outlive it.
        pcscd = {pid for pid in _pids() if _program(pid) == "pcscd"}
        system_pcscd = set() if pcscd & children else pcscd
        demo.kill()
        demo.wait(5)
        left = _wait_gone(children)
        assert not left, f"children outlived the killed kiosk: {[_command_line(pid) for pid in left]}"
        assert all(_alive(pid) for pid in system_pcscd), "the system's pcscd was stopped with the kiosk"
    finally:
        if demo.poll() is None:
            demo.kill()
            demo.wait(5)
        _end({pid for pid in children if _alive(pid)})


# A kiosk stand-in: starts a long sleeper through kiosk.processes from a thread that ends at once (as a
# worker or a Qt slot's thread would), says the sleeper's pid, then waits to be killed.
_PARENT = textwrap.dedent("""
    import subprocess, sys, threading, time
    from kiosk.processes import start_child

    started = []
    spawner = threading.Thread(target=lambda: started.append(
        start_child([sys.executable, "-c", "import time; time.sleep(120)"], stdin=subprocess.DEVNULL)))
    spawner.start()
    spawner.join()
    time.sleep(0.5)  # the thread that asked is gone: the sleeper must not have gone with it
    print(started[0].pid, started[0].poll(), flush=True)
    time.sleep(120)
""")


def test_a_child_started_through_start_child_dies_with_its_killed_parent():
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    parent = subprocess.Popen([sys.executable, "-c", _PARENT], env=env, stdout=subprocess.PIPE, text=True)
    child = None
    try:
        assert parent.stdout is not None
        pid, status = parent.stdout.readline().split()
        child = int(pid)
        assert status == "None" and _alive(child), "the child ended with the thread that started it"
        assert os.getpgid(child) == child, "the child has a process group of its own (Ctrl+C is the kiosk's)"
        parent.kill()
        parent.wait(5)
        assert not _wait_gone({child}), "the child outlived its killed parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait(5)
        if child is not None:
            _end({child})


def test_every_long_child_of_the_kiosk_is_started_through_start_child():
    """A child started with a bare Popen outlives a killed kiosk (espeak-ng did, issue 14): only
    kiosk/processes.py may call it."""
    import ast

    kiosk = ROOT / "kiosk"
    bare = []
    for path in kiosk.rglob("*.py"):
        if path.name == "processes.py" and path.parent == kiosk:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "Popen"
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "subprocess"):
                bare.append(f"{path.relative_to(kiosk)}:{node.lineno}")
    assert bare == []


def test_every_python_child_of_the_kiosk_runs_from_a_frozen_bundle_too():
    """A frozen kiosk has no ``python -m``: a child written as ``[sys.executable, "-m", …]`` does not start
    from the bundle (the demo's virtual card and terminal simulator did not). Only kiosk/processes.py
    (child_argv) and the watchdog's own ``kiosk`` command line may spell it."""
    import ast

    kiosk = ROOT / "kiosk"
    spelled = []
    for path in kiosk.rglob("*.py"):
        if path.relative_to(kiosk).as_posix() in ("processes.py", "watchdog.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.List) and len(node.elts) >= 2:
                first, second = node.elts[0], node.elts[1]
                if (isinstance(first, ast.Attribute) and first.attr == "executable"
                        and isinstance(second, ast.Constant) and second.value == "-m"):
                    spelled.append(f"{path.relative_to(kiosk)}:{node.lineno}")
    assert spelled == []


def test_the_demo_children_start_through_the_frozen_executable(monkeypatch, tmp_path):
    from kiosk.card.virtual.vpcd import VirtualCardProcess
    from kiosk.processes import child_argv

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert VirtualCardProcess("valid")._args[:4] == [sys.executable, "--child", "kiosk", "virtual-card"]
    assert child_argv("kiosk.qualification", "terminal-sim")[1:3] == ["--child", "kiosk.qualification"]
