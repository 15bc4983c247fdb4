"""How fast the kiosk answers a touch: building each state's screen, and a worker result reaching the UI.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench/ui_screens.py [--size 1280x800]

Prints, per state, the median time to build and lay out its screen (what a patient waits for after a
tap), from a flow standing in that state (``stand_in``), then the round trip of QtPoster.post from a
worker thread to the UI thread.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.core.states import State  # noqa: E402
from kiosk.simulation.player import stand_in  # noqa: E402
from kiosk.ui.demo import DEMO_STAFF, DEMO_STAFF_PIN  # noqa: E402
from kiosk.ui.driver import QtPoster  # noqa: E402
from kiosk.ui.language import Languages  # noqa: E402
from kiosk.ui.staff_sign_in import FixedSignIn  # noqa: E402
from kiosk.ui.window import KioskWindow  # noqa: E402

ROUNDS = 15


def screens(app: QApplication, size: tuple[int, int]) -> None:
    window = KioskWindow(FixedSignIn(DEMO_STAFF, DEMO_STAFF_PIN), Languages())
    window.resize(*size)
    window.show()
    print(f"screen build + layout at {size[0]}x{size[1]}, median of {ROUNDS} (ms)")
    worst = 0.0
    for state in State:
        view = stand_in(state).flow.view()
        # Another state under an entry number no flow uses: the next render is always a new screen.
        other = replace(stand_in(State.READING if state is State.IDLE else State.IDLE).flow.view(), entry=-1)
        times = []
        for _ in range(ROUNDS):
            window.show_view(other)
            t0 = time.perf_counter()
            window.show_view(view)
            window.grab()  # forces layout and one paint, as the first frame on screen would
            times.append((time.perf_counter() - t0) * 1000)
        median = statistics.median(times)
        worst = max(worst, median)
        print(f"  {state.value:16s} {median:6.1f}")
    print(f"  slowest median    {worst:6.1f}")
    window.close()


def poster_latency(app: QApplication) -> None:
    poster = QtPoster()
    samples: list[float] = []
    n = 500

    def worker() -> None:
        for _ in range(n):
            sent = time.perf_counter()
            poster.post(lambda sent=sent: samples.append((time.perf_counter() - sent) * 1000))
            time.sleep(0.001)

    def finish() -> None:
        if len(samples) >= n:
            app.quit()

    check = QTimer()
    check.timeout.connect(finish)
    check.start(10)
    QTimer.singleShot(0, threading.Thread(target=worker, daemon=True).start)
    QTimer.singleShot(30000, app.quit)
    app.exec()
    poster.close()
    samples.sort()
    p95 = samples[int(len(samples) * 0.95)]
    print(f"QtPoster worker → UI thread over {len(samples)} posts (ms): "
          f"median {statistics.median(samples):.3f}, p95 {p95:.3f}, max {samples[-1]:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1280x800")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    app = QApplication.instance() or QApplication([])
    screens(app, size)
    poster_latency(app)


if __name__ == "__main__":
    main()
