"""``kiosk demo`` memory after one face and one PIN reception: the kiosk's process and its children.

    .venv/bin/python scripts/bench/demo_memory.py [--json] [--profile]

The child is ``kiosk demo --windowed --scenario valid-face`` itself (``kiosk.commands.main``, offscreen, on
a data directory of its own), with one addition: a timer on its UI thread that plays the patient once the
window is up. The card goes in and out through the demo panel's buttons, the next patient is chosen on
its scenario chooser, and the taps (``valid-face``, then ``valid-pin``, as their scripts say) go to the
kiosk's driver as the screens' buttons send them, each once the screen offers it.

This process samples the child every 50 ms from outside (so the sampling takes nothing from the kiosk's
interpreter): the resident size of the kiosk and of its own children (the face worker, the OCR child of
a 照合番号B read) at the same moment, summed; and each process's high-water mark (VmHWM). ``idle`` is the
kiosk before the first card (window up, devices started, 3 s to settle); ``after`` is 3 s after the
second reception is back on the idle screen (the heap is handed back when the flow is idle). The
stand-ins for things a clinic has apart from the kiosk (pcscd, the terminal simulator) are not counted;
the virtual card is a thread of the kiosk's process and is. Needs the PC/SC tier (root), as the demo does.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench import smaps  # noqa: E402
from scripts.bench.proc_memory import child_pids, status_mb  # noqa: E402

PATIENTS = ("valid-face", "valid-pin")  # one face reception, then one PIN reception
KIOSK_CHILDREN = (b"kiosk.face.",)  # the face worker and the OCR child: the kiosk's own work, moved out
SETTLE_SECONDS = 3.0
STEP_SECONDS = 60.0  # a screen that does not offer its button in this long is stuck
DEADLINE = 300.0  # the whole child


# --- the child: kiosk demo, played --------------------------------------------------------------


def _mark(what: str, **extra: object) -> None:
    print(json.dumps({"mark": what, **extra}), flush=True)


class Player:
    """Plays the patients' scripts on the running demo from its UI thread, one small step per tick."""

    def __init__(self, app) -> None:
        from PySide6.QtCore import QTimer

        self.app = app
        self.steps = self._steps()
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.timer.start(50)

    def _tick(self) -> None:
        try:
            next(self.steps)
        except StopIteration:
            self.timer.stop()
            self.app.quit()
        except Exception as error:  # the bench reports it and the demo closes as it would
            self.timer.stop()
            _mark("failed", reason=f"{type(error).__name__}: {error}")
            self.app.quit()

    def _wait(self, done, what: str, seconds: float = STEP_SECONDS):
        deadline = time.monotonic() + seconds
        while not done():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{what} not reached in {seconds:.0f} s")
            yield

    def _steps(self):
        from PySide6.QtWidgets import QPushButton, QWidget

        from kiosk.core.states import State
        from kiosk.simulation.player import _event_maker
        from kiosk.simulation.script import named
        from kiosk.ui.demo import DemoPanel

        # run_demo keeps its runtime and panel to itself: the runtime as it was made (see child()), the panel
        # among the widgets, once both exist (events may be processed while it builds the window).
        found: list = []

        def made() -> bool:
            panels = [w for top in self.app.topLevelWidgets() for w in (top, *top.findChildren(QWidget))
                      if isinstance(w, DemoPanel)]
            found[:] = [RUNTIMES[0], panels[0]] if RUNTIMES and panels else []
            return bool(found)

        yield from self._wait(made, "the demo's window")
        runtime, panel = found
        flow = runtime.flow
        seen: list[State] = []
        flow.add_listener(lambda view: seen.append(view.state))  # each reception must reach the done screen
        settle = time.monotonic() + SETTLE_SECONDS
        yield from self._wait(lambda: time.monotonic() > settle, "settling")
        _mark("idle")
        scripts = named()
        for name in PATIENTS:
            seen.clear()
            if panel.chooser.currentData() != name:
                panel.chooser.setCurrentIndex(panel.chooser.findData(name))
            for step in scripts[name].steps:
                if step.kind == "card":
                    button = panel.findChild(QPushButton, "demo_insert" if step.value == "in" else "demo_remove")
                    if button is None:
                        raise RuntimeError("the demo panel has no card button")
                    button.click()
                elif step.kind == "wait":
                    yield from self._wait(lambda v=step.value: flow.state is State(v), step.value)
                elif step.kind in ("tap", "pin"):
                    make = _event_maker(step, flow)
                    yield from self._wait(lambda m=make: flow.allows(m()), f"{name} step {step.index + 1}")
                    verdict = runtime.driver.dispatch(make())
                    if not verdict:
                        raise RuntimeError(f"{name} step {step.index + 1} refused: {verdict}")
                else:
                    raise RuntimeError(f"{name}: a {step.kind} step is not played by this bench")
                yield
            yield from self._wait(lambda: flow.state is State.IDLE, f"{name} back to idle")
            if State.DONE not in seen:
                raise RuntimeError(f"{name} did not complete: {' → '.join(s.value for s in seen)}")
            _mark("reception", patient=name)
        settle = time.monotonic() + SETTLE_SECONDS
        yield from self._wait(lambda: time.monotonic() > settle, "settling")
        _mark("after")
        # The parent samples at the mark; a short pause gives it the moment before the demo closes.
        pause = time.monotonic() + 0.5
        yield from self._wait(lambda: time.monotonic() > pause, "pause")


RUNTIMES: list = []  # the KioskRuntime run_demo makes


def child() -> int:
    from kiosk.memory import limit_arenas

    limit_arenas()  # as `kiosk` does first, before any thread exists
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.commands.main import main
    from kiosk.ui.runtime import KioskRuntime

    # The runtime is kept as it is made; nothing else about it changes. (Not looked for among the live
    # objects: the kiosk freezes what exists at start out of the collector's lists, kiosk/ui/collector.py.)
    make = KioskRuntime.__init__

    def kept(self, *args, **kwargs) -> None:
        make(self, *args, **kwargs)
        RUNTIMES.append(self)

    KioskRuntime.__init__ = kept  # type: ignore[method-assign]

    app = QApplication(sys.argv[:1])  # run_demo takes this one (QApplication.instance())
    player = Player(app)
    QTimer.singleShot(0, player.start)  # runs once run_demo's event loop does: the window is up
    return main(["demo", "--windowed", "--scenario", PATIENTS[0]])


# --- the parent: the child, sampled from outside --------------------------------------------------


class Sampler:
    """The child's tree every 50 ms: the highest summed RSS seen, and each process's last VmHWM."""

    def __init__(self, pid: int, profile: bool = False) -> None:
        self.pid = pid
        self.tree_peak = 0.0
        # With ``profile``: where each process's memory is (scripts/bench/smaps.py) at the highest sampled
        # total, read again only when the total passes the last one read by 2 MB (reading smaps costs a few
        # milliseconds of the kiosk's)
        self.profile = profile
        self.peak_profile: dict[str, dict[str, int]] = {}
        self._profiled_total = 0.0
        self.children_hwm: dict[int, float] = {}
        self.lock = threading.Lock()  # the sampling thread and the marks read by the main thread
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name="sampler", daemon=True)

    def _run(self) -> None:
        while not self.stopped.wait(0.05):
            self.sample()

    def sample(self) -> dict[str, float]:
        with self.lock:
            return self._sample()

    def _sample(self) -> dict[str, float]:
        try:
            kiosk = status_mb(self.pid)
        except OSError:  # the kiosk is gone
            return {}
        children = 0.0
        for pid in child_pids(self.pid, KIOSK_CHILDREN):
            try:
                status = status_mb(pid)
            except OSError:
                continue
            children += status.get("VmRSS", 0.0)
            self.children_hwm[pid] = status.get("VmHWM", 0.0)
        total = kiosk.get("VmRSS", 0.0) + children
        if self.profile and total > max(self.tree_peak, self._profiled_total + 2):
            self._profiled_total = total
            self.peak_profile = {"kiosk": dict(smaps.resident(self.pid))}
            for pid in child_pids(self.pid, KIOSK_CHILDREN):
                self.peak_profile[_command(pid)] = dict(smaps.resident(pid))
        self.tree_peak = max(self.tree_peak, total)
        return {"kiosk_mb": kiosk.get("VmRSS", 0.0), "kiosk_peak_mb": kiosk.get("VmHWM", 0.0),
                "children_mb": children, "children_peak_mb": sum(self.children_hwm.values()), "total_mb": total,
                "total_peak_sampled_mb": self.tree_peak}


def _command(pid: int) -> str:
    """A child by its module (``kiosk.face.match_worker``), else its pid."""
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return str(pid)
    return next((w.decode() for w in words if w.startswith(KIOSK_CHILDREN)), str(pid))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure(profile: bool = False) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="kiosk-demo-memory-") as work:
        env = {**os.environ, "KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(Path(work) / "data"),
               "KIOSK_KEY_DIR": str(Path(work) / "keys"), "KIOSK_KEY_PROVIDER": "file",
               "KIOSK_STAFF_PORT": str(_free_port()), "QT_QPA_PLATFORM": "offscreen", "HOME": work,
               "XDG_CONFIG_HOME": str(Path(work) / "config"), "XDG_DATA_HOME": str(Path(work) / "share")}
        stderr_path = Path(work) / "stderr"
        with open(stderr_path, "wb") as stderr:
            demo = subprocess.Popen([sys.executable, __file__, "--child"], cwd=ROOT, env=env,
                                    stdout=subprocess.PIPE, stderr=stderr, text=True)
            sampler = Sampler(demo.pid, profile)
            sampler.thread.start()
            marks: dict[str, dict[str, float]] = {}
            failure, said = None, ""  # what the demo printed last: `kiosk demo: <code>: <why>` when it cannot start
            timer = threading.Timer(DEADLINE, demo.kill)
            timer.start()
            try:
                assert demo.stdout is not None
                for line in demo.stdout:
                    if not line.startswith("{"):
                        said = line.strip() or said
                        continue
                    mark = json.loads(line)
                    if mark["mark"] == "failed":
                        failure = mark["reason"]
                    elif mark["mark"] in ("idle", "after"):
                        marks[mark["mark"]] = sampler.sample()
                code = demo.wait()
            finally:
                timer.cancel()
                sampler.stopped.set()
                if demo.poll() is None:
                    demo.kill()
                    demo.wait()
        if failure or "after" not in marks:
            lines = stderr_path.read_text(errors="replace").strip().splitlines()
            raise SystemExit(f"the demo did not play through (exit {code}): "
                             f"{failure or said or (lines[-1] if lines else 'no output')}")
    after, idle = marks["after"], marks["idle"]
    return {"patients": list(PATIENTS), "idle": idle, "after": after,
            "peak_kiosk_mb": after["kiosk_peak_mb"], "peak_children_mb": after["children_peak_mb"],
            "peak_total_sampled_mb": after["total_peak_sampled_mb"], "exit": code,
            **({"peak_profile_kib": sampler.peak_profile} if profile else {})}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    parser.add_argument("--profile", action="store_true",
                        help="also where each process's memory is at the sampled peak (from /proc/PID/smaps)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child()
    result = measure(args.profile)
    if args.json:
        print(json.dumps(result))
        return 0
    idle, after = result["idle"], result["after"]
    assert isinstance(idle, dict) and isinstance(after, dict)
    print(f"kiosk demo, one {PATIENTS[0]} and one {PATIENTS[1]} reception; MB")
    print(f"  kiosk process        idle {idle['kiosk_mb']:6.0f}   after {after['kiosk_mb']:6.0f}   "
          f"peak (VmHWM) {after['kiosk_peak_mb']:6.0f}")
    print(f"  its children         idle {idle['children_mb']:6.0f}   after {after['children_mb']:6.0f}   "
          f"peak (VmHWM, summed) {after['children_peak_mb']:6.0f}")
    print(f"  together             idle {idle['total_mb']:6.0f}   after {after['total_mb']:6.0f}   "
          f"peak (sampled every 50 ms) {after['total_peak_sampled_mb']:6.0f}")
    profile = result.get("peak_profile_kib")
    if isinstance(profile, dict):
        print("at the sampled peak, resident MB by what it belongs to:")
        for process, by_owner in profile.items():
            print(f"  {process}: {sum(by_owner.values()) / 1024:.0f} MB")
            print("\n".join(smaps.table(Counter(by_owner), top=10)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
