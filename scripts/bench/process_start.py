"""Whole-process time of the commands IT staff type, beside a bare interpreter, taking turns in the same run.

    .venv/bin/python scripts/bench/process_start.py [--runs 20] [--card-status] [--json]

Each run starts ``python -c pass`` (the reference: the interpreter alone), then ``kiosk --help``; with
``--card-status`` also ``kiosk card status`` on the virtual card in the virtual reader (this process
starts its own pcscd and the card, as card_read_summary.py does: root and the PC/SC tier, and it waits
for the virtual reader's lock like the PC/SC tests), and OpenSC's ``pkcs15-tool --list-certificates`` on
the same card when it is installed, for scale. Wall time from spawn to exit; medians over the runs.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DEADLINE = 60.0  # one command that takes longer than this is stuck, not slow


def kiosk_command() -> list[str]:
    """The ``kiosk`` entry script beside this interpreter, as staff run it; ``python -m kiosk`` without one."""
    script = Path(sys.executable).with_name("kiosk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kiosk"]


def commands(card_status: bool) -> dict[str, list[str]]:
    chosen = {"python -c pass": [sys.executable, "-c", "pass"], "kiosk --help": [*kiosk_command(), "--help"]}
    if card_status:
        chosen["kiosk card status"] = [*kiosk_command(), "card", "status"]
        if tool := shutil.which("pkcs15-tool"):
            chosen["pkcs15-tool"] = [tool, "--list-certificates"]
    return chosen


def once(command: list[str]) -> tuple[float, int]:
    """Seconds from spawn to exit, and the exit code."""
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                          timeout=DEADLINE)
    return time.perf_counter() - start, done.returncode


def measure(runs: int, card_status: bool) -> dict[str, dict[str, Any]]:
    chosen = commands(card_status)
    times: dict[str, list[float]] = {name: [] for name in chosen}
    codes: dict[str, set[int]] = {name: set() for name in chosen}
    for command in chosen.values():  # warm-up: the page cache, the bytecode caches
        once(command)
    for _ in range(runs):
        for name, command in chosen.items():  # interleaved: every command sees the same machine
            seconds, code = once(command)
            times[name].append(seconds)
            codes[name].add(code)
    return {name: {"median_s": statistics.median(values), "min_s": min(values), "max_s": max(values),
                   "exit_codes": sorted(codes[name])} for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--card-status", action="store_true",
                        help="also `kiosk card status` on the virtual card (starts pcscd: root)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args()
    if args.card_status:
        from kiosk.card.virtual.pcscd import PcscDaemon
        from kiosk.card.virtual.vpcd import start_virtual_card

        daemon = PcscDaemon().start()
        link = start_virtual_card("valid", inserted=True)
        try:
            time.sleep(1.0)  # pcscd polls vpcd every 400 ms: the card is seen before the first run
            results = measure(args.runs, card_status=True)
        finally:
            link.stop()
            daemon.stop()
    else:
        results = measure(args.runs, card_status=False)
    if args.json:
        print(json.dumps({"runs": args.runs, "commands": results}))
        return 0
    print(f"whole process, spawn to exit; medians of {args.runs} runs taking turns")
    for name, r in results.items():
        print(f"  {name:20} median {r['median_s'] * 1000:7.0f} ms   min {r['min_s'] * 1000:7.0f}   "
              f"max {r['max_s'] * 1000:7.0f}   exit {','.join(map(str, r['exit_codes']))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
