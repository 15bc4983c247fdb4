"""From card inserted to summary read, over the virtual card through pcscd and pyscard.

Prints APDUs sent, bytes the card returned, and wall times: insertion until the monitor's card_inserted
event (pcscd's polling), then read_summary itself. Starts its own pcscd (root; it waits for a PC/SC test
run to finish first, see kiosk/card/virtual/pcscd.py) and the virtual card.

    .venv/bin/python scripts/bench/card_read_summary.py --runs 20 [--json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.card.reader import PcscCardReader  # noqa: E402
from kiosk.card.virtual.pcscd import VIRTUAL_READER, PcscDaemon  # noqa: E402
from kiosk.card.virtual.vpcd import start_virtual_card  # noqa: E402
from kiosk.core.cancel import CancelToken  # noqa: E402


class Waiter:
    def __init__(self) -> None:
        self.inserted = threading.Event()
        self.removed = threading.Event()

    def card_inserted(self) -> None:
        self.inserted.set()

    def card_removed(self) -> None:
        self.removed.set()

    def reader_lost(self) -> None:
        pass

    def reader_restored(self) -> None:
        pass


def ms(values: list[float]) -> str:
    return (
        f"median {statistics.median(values) * 1000:7.1f} ms   min {min(values) * 1000:7.1f}   "
        f"max {max(values) * 1000:7.1f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--profile", default="valid")
    parser.add_argument("--json", action="store_true", help="print the medians as JSON only")
    args = parser.parse_args()

    daemon = PcscDaemon().start()
    link = start_virtual_card(args.profile, inserted=False)
    card = link.card
    returned = [0]
    answer = card.process

    def counting(command: bytes) -> bytes:
        response = answer(command)
        returned[0] += len(response) - 2
        return response

    card.process = counting  # type: ignore[method-assign]
    reader = PcscCardReader(VIRTUAL_READER)
    waiter = Waiter()
    reader.start_monitoring(waiter)
    detect, summary_times, total, apdus, data = [], [], [], [], []
    try:
        for _ in range(args.runs):
            waiter.inserted.clear()
            waiter.removed.clear()
            before_log, before_bytes = len(card.log), returned[0]
            t0 = time.perf_counter()
            link.insert()
            if not waiter.inserted.wait(10):
                raise SystemExit("the card was not detected")
            t1 = time.perf_counter()
            reader.read_summary(CancelToken())
            t2 = time.perf_counter()
            detect.append(t1 - t0)
            summary_times.append(t2 - t1)
            total.append(t2 - t0)
            apdus.append(len(card.log) - before_log)
            data.append(returned[0] - before_bytes)
            reader.release()
            link.remove()
            if not waiter.removed.wait(10):
                raise SystemExit("the removal was not detected")
    finally:
        reader.stop_monitoring()
        link.stop()
        daemon.stop()

    if args.json:
        print(json.dumps({"runs": args.runs, "profile": args.profile, "apdus": statistics.median(apdus),
                          "bytes": statistics.median(data), "detect_ms": statistics.median(detect) * 1000,
                          "read_summary_ms": statistics.median(summary_times) * 1000,
                          "insert_to_summary_ms": statistics.median(total) * 1000}))
        return 0
    print(f"card_read_summary: {args.runs} runs, profile {args.profile}, reader {VIRTUAL_READER!r}")
    print(f"  APDUs per summary       {statistics.median(apdus):.0f}")
    print(f"  bytes returned by card  {statistics.median(data):.0f}")
    print(f"  insert -> card_inserted {ms(detect)}")
    print(f"  read_summary            {ms(summary_times)}")
    print(f"  insert -> summary       {ms(total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
