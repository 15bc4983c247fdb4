"""Qualification check figures: request→answer latency through the simulator (a real subprocess, real
files) and the codec's parse/encode time per file.

    .venv/bin/python scripts/bench/qualification_roundtrip.py [--checks 30]
"""
from __future__ import annotations

import argparse
import dataclasses
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


def latency(checks: int, poll: float) -> None:
    certificate = CertificateInfo(b"0\x82demo", datetime(2030, 1, 1))
    with tempfile.TemporaryDirectory() as root, SimulatorProcess(Path(root), "valid", poll=poll) as _sim:
        gateway = FolderGateway(TerminalConfig(Path(root), "1312345678", timeout=10, poll_interval=poll))
        gateway.check_by_card(certificate, IdentityMethod.PIN, None, False, CancelToken())  # warm-up
        times = []
        for _ in range(checks):
            started = time.perf_counter()
            gateway.check_by_card(certificate, IdentityMethod.PIN, None, False, CancelToken())
            times.append(time.perf_counter() - started)
    print(f"card check round trip, both sides polling every {poll * 1000:4.0f} ms, {checks} checks: {_ms(times)}")


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
    parser.add_argument("--checks", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    codec_times(args.rounds)
    for poll in (0.02, 0.2):
        latency(args.checks, poll)
    return 0


if __name__ == "__main__":
    sys.exit(main())
