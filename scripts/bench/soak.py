"""Memory over a long run: N face receptions in one process on the embedded devices, as
``kiosk simulate valid-face --devices embedded --repeat N`` plays them, with the resident size sampled
after every reception; the same soak with glibc's own allocator policy beside it, for reference.

    .venv/bin/python scripts/bench/soak.py [--receptions 200] [--scenario valid-face] [--json]

Each soak is a child process of its own (a fresh allocator), one after the other (the virtual reader
serves one program at a time), on a data directory of its own that is removed afterwards. ``start`` is
the resident size after the first reception (the models are loaded during it), ``peak`` glibc's high
water mark (VmHWM), ``slope`` the least-squares growth over the second half, in MB per 100 receptions;
``files`` and ``threads`` are the process's open files and threads after the first and the last.
A child that dies is reported with its signal and the end of its stderr (faulthandler's dump).
Needs the PC/SC tier (pcscd, vsmartcard-vpcd, root), as the embedded tests do.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SOAKS = {  # the child's allocator, and how the table names it
    "kiosk": "kiosk (2 arenas, trim)",
    "glibc": "glibc default (reference)",
}
SECONDS_PER_RECEPTION = 60.0  # a child slower than this on average is stuck, not slow
TURN_SECONDS = 5.0  # between the soaks: a test run waiting for the virtual reader gets its turn


def status_mb() -> tuple[float, float]:
    """VmRSS and VmHWM of this process, in MB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def open_files_and_threads() -> tuple[int, int]:
    """File descriptors and threads of this process: a long run must not pile up either."""
    return len(os.listdir("/proc/self/fd")), len(os.listdir("/proc/self/task"))


def slope_per_100(samples: list[float]) -> float:
    """Least-squares slope of the second half of ``samples`` (one per reception), in MB per 100."""
    half = samples[len(samples) // 2:]
    if len(half) < 2:
        return float("nan")
    n = len(half)
    mean_x, mean_y = (n - 1) / 2, sum(half) / n
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(half))
    variance = sum((x - mean_x) ** 2 for x in range(n))
    return covariance / variance * 100


# --- the child: one soak -------------------------------------------------------------------------


def soak(allocator: str, receptions: int, scenario: str) -> int:
    """Play ``scenario`` ``receptions`` times as ``kiosk simulate --devices embedded --repeat`` does, with
    the kiosk's allocator setting (``kiosk``) or glibc's own (``glibc``); one JSON line per reception."""
    import faulthandler

    from kiosk import memory

    faulthandler.enable()  # a crash leaves its threads' stacks on stderr, for the parent to show
    if allocator == "kiosk":
        memory.limit_arenas()  # what `kiosk` does first, before any thread exists
    from kiosk.config import load
    from kiosk.embedded import DemoPatient, EmbeddedDevices
    from kiosk.simulation.player import EmbeddedSide, LiveRig, play
    from kiosk.simulation.script import named
    from kiosk.wiring import flow_config

    script = named()[scenario]
    config = load()
    who = DemoPatient(script.patient, script.terminal, script.camera)
    embedded = EmbeddedDevices(config, who).start()
    try:
        for i in range(1, receptions + 1):
            embedded.switch(who)
            rig = LiveRig(script, EmbeddedSide(embedded), config=flow_config(config))
            if allocator == "kiosk":
                rig.flow.add_listener(memory.TrimWhenIdle(rig.runner))  # as `kiosk simulate` registers it
            try:
                play(script, rig, timeout=30.0)  # as `kiosk simulate --devices embedded`
                outcome = rig.observer.report(script, rig.flow, "embedded")["outcome"]
            finally:
                rig.close()
            rss, hwm = status_mb()
            fds, threads = open_files_and_threads()
            print(json.dumps({"reception": i, "outcome": outcome, "rss_mb": rss, "hwm_mb": hwm, "fds": fds,
                              "threads": threads}), flush=True)
    finally:
        embedded.close()
    return 0


# --- the parent: both soaks, one table -----------------------------------------------------------


def run_child(allocator: str, receptions: int, scenario: str, work: Path) -> dict:
    data = work / allocator
    env = {**os.environ, "KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(data / "data"),
           "KIOSK_KEY_DIR": str(data / "keys"), "KIOSK_KEY_PROVIDER": "file"}
    stderr_path = work / f"{allocator}.stderr"
    command = [sys.executable, __file__, "--child", allocator, "--receptions", str(receptions),
               "--scenario", scenario]
    samples: list[dict] = []
    with open(stderr_path, "wb") as stderr:
        child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True)
        try:
            assert child.stdout is not None
            for line in child.stdout:
                samples.append(json.loads(line))
            code = child.wait(timeout=SECONDS_PER_RECEPTION * receptions)
        except BaseException:
            child.kill()
            child.wait()
            raise
    rss = [s["rss_mb"] for s in samples]
    result = {
        "allocator": allocator,
        "receptions": len(samples),
        "completed": sum(s["outcome"] == "completed" for s in samples),
        "not_completed": [(s["reception"], s["outcome"]) for s in samples if s["outcome"] != "completed"],
        "exit": code,
        "start_mb": rss[0] if rss else None,
        "after_10_mb": rss[9] if len(rss) >= 10 else None,
        "end_mb": rss[-1] if rss else None,
        "peak_mb": samples[-1]["hwm_mb"] if samples else None,
        "slope_mb_per_100": slope_per_100(rss),
        "open_files": [samples[0]["fds"], samples[-1]["fds"]] if samples else None,  # after the first, the last
        "threads": [samples[0]["threads"], samples[-1]["threads"]] if samples else None,
        "rss_mb": rss,
    }
    if code != 0:
        result["signal"] = signal.Signals(-code).name if code < 0 else None
        result["stderr_tail"] = stderr_path.read_text(errors="replace")[-6000:]
    return result


def _mb(value: float | None) -> str:
    return f"{value:8.0f}" if value is not None else f"{'-':>8}"


def _span(pair: list[int] | None) -> str:
    return f"{pair[0]}→{pair[1]}" if pair else "-"


def table(results: list[dict], receptions: int, scenario: str) -> str:
    lines = [f"soak: {receptions} x {scenario} on the embedded devices, RSS in MB after each reception",
             f"{'allocator':28}{'start':>8}{'after 10':>9}{'end':>8}{'peak':>8}{'MB/100 (2nd half)':>19}"
             f"{'completed':>11}{'files':>9}{'threads':>9}"]
    for r in results:
        lines.append(f"{SOAKS[r['allocator']]:28}{_mb(r['start_mb'])}{_mb(r['after_10_mb']):>9}{_mb(r['end_mb'])}"
                     f"{_mb(r['peak_mb'])}{r['slope_mb_per_100']:19.1f}{r['completed']:>7}/{receptions}"
                     f"{_span(r['open_files']):>9}{_span(r['threads']):>9}")
    for r in results:
        if r["exit"] != 0:
            lines.append(f"\n{r['allocator']}: the child ended with {r.get('signal') or r['exit']} after "
                         f"{r['receptions']} receptions; the end of its stderr:\n{r['stderr_tail']}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--receptions", type=int, default=200)
    parser.add_argument("--scenario", default="valid-face", help="a packaged scenario (kiosk simulate --list)")
    parser.add_argument("--json", action="store_true", help="print both soaks, every sample included, as JSON")
    parser.add_argument("--child", choices=tuple(SOAKS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.receptions < 2:
        parser.error("--receptions must be 2 or more (the slope needs a second half)")
    if args.child:
        return soak(args.child, args.receptions, args.scenario)
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp:
        results: list[dict] = []
        for allocator in SOAKS:
            if results:
                time.sleep(TURN_SECONDS)
            results.append(run_child(allocator, args.receptions, args.scenario, Path(tmp)))
    if args.json:
        print(json.dumps({"receptions": args.receptions, "scenario": args.scenario, "soaks": results}, indent=2))
    else:
        print(table(results, args.receptions, args.scenario))
    return 0 if all(r["exit"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
