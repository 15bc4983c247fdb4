"""Qualification check figures: request→answer latency through the simulator (a real subprocess, real
files) and the codec's parse/encode time per file.

The round trip is measured two ways in the same run, against the same simulator process: the gateway
woken by file notifications (inotify / ReadDirectoryChangesW), and the reference, the same gateway with
notifications off looking at ``res`` every 0.25 s (the previous default). The runs are interleaved (one
check each way per round) so that both see the same machine; each figure is the median over the rounds.

    .venv/bin/python scripts/bench/qualification_roundtrip.py [--checks 30] [--json]
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.core.cancel import CancelToken  # noqa: E402
from kiosk.core.domain import CertificateInfo, IdentityMethod  # noqa: E402
from kiosk.qualification import codec  # noqa: E402
from kiosk.qualification.gateway import FolderGateway, TerminalConfig  # noqa: E402
from kiosk.qualification.scenario import load_scenario  # noqa: E402
from kiosk.qualification.simulator import SimulatorProcess  # noqa: E402


def _ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[max(0, int(len(values) * 0.95) - 1)]
    median = statistics.median(values)
    return f"median {median * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   max {values[-1] * 1000:7.1f} ms"


REFERENCE_POLL = 0.25


def round_trips(checks: int) -> dict[str, list[float]]:
    """Seconds per card check, event-driven and polling, interleaved over ``checks`` rounds."""
    certificate = CertificateInfo(b"0\x82demo", datetime(2030, 1, 1))
    times: dict[str, list[float]] = {"event-driven": [], f"polling {REFERENCE_POLL:g} s": []}
    with tempfile.TemporaryDirectory() as root, SimulatorProcess(Path(root), "valid") as _sim:
        base = TerminalConfig(Path(root), "1312345678", timeout=10, poll_interval=REFERENCE_POLL)
        gateways = {
            "event-driven": FolderGateway(base),
            f"polling {REFERENCE_POLL:g} s": FolderGateway(dataclasses.replace(base, notify=False)),
        }
        for gateway in gateways.values():  # warm-up: imports, the first watch, the simulator's first scenario
            gateway.check_by_card(certificate, IdentityMethod.PIN, None, False, CancelToken())
        for _ in range(checks):
            for label, gateway in gateways.items():
                started = time.perf_counter()
                gateway.check_by_card(certificate, IdentityMethod.PIN, None, False, CancelToken())
                times[label].append(time.perf_counter() - started)
        for gateway in gateways.values():
            gateway.close()
    return times


def codec_times(rounds: int) -> None:
    base = load_scenario("certificates").result
    for label, result in (
        ("1 record ", base),
        ("2 records", load_scenario("several").result),
        ("50 records", dataclasses.replace(base, records=base.records * 50)),
    ):
        for encoding, code in (("UTF-8", "0"), ("Shift_JIS", "1")):
            data = codec.encode_result(dataclasses.replace(result, character_code=code))
            n = max(20, rounds // len(result.records))
            started = time.perf_counter()
            for _ in range(n):
                codec.decode_result(data)
            parse = (time.perf_counter() - started) / n
            started = time.perf_counter()
            for _ in range(n):
                codec.encode_result(result, code)
            encode = (time.perf_counter() - started) / n
            print(f"{label} {encoding:9} {len(data):7d} bytes: "
                  f"parse {parse * 1e6:8.0f} µs   encode {encode * 1e6:8.0f} µs")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", type=int, default=30, help="interleaved rounds (at least 10)")
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--json", action="store_true", help="print the round-trip medians as JSON only")
    args = parser.parse_args()
    checks = max(10, args.checks)
    if not args.json:
        codec_times(args.rounds)
    times = round_trips(checks)
    medians = {label: statistics.median(values) for label, values in times.items()}
    if args.json:
        print(json.dumps({"checks": checks, "median_ms": {k: round(v * 1000, 1) for k, v in medians.items()}}))
        return 0
    for label, values in times.items():
        print(f"card check round trip through the simulator, {label:>14}, {checks} checks: {_ms(values)}")
    event, reference = medians["event-driven"], medians[f"polling {REFERENCE_POLL:g} s"]
    print(f"event-driven / polling: {event / reference:.3f} (goal: event-driven median <= 30 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
