"""The face screen's preview while an attempt runs: frames delivered to the UI thread per second and the
longest gap between two of them, with matching in the kiosk's process (the reference) and in the face
worker (the kiosk's default), taking turns in the same run; then RSS of the kiosk and the worker.

    python scripts/bench/face_preview.py [--trials 3] [--seconds 4] [--fps 30] [--modes in-process,worker] [--json]

The UI thread is a Qt event loop in the main thread; each camera frame reaches it the way the kiosk's
preview gets it (kiosk/ui/runtime.py: posted from the capture thread, the newest only, made a QImage
there). The camera is a replay of the test photos as 640×480 frames. Scenarios: an impostor (every
analysed frame is encoded, for the whole attempt), a genuine still (matched at once, liveness never
passes: the attempt runs out its time) and a genuine head turn (decided within a few hundred ms).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from scripts.bench.proc_memory import child_pids, status_mb  # noqa: E402

SHARED = ROOT.parent / "shared" / "faces"
PHOTOS = SHARED if SHARED.is_dir() else ROOT / "tests" / "face" / "data"
# Scale and shift per photo that put the face near the centre at about 30% of the frame's width.
PLACEMENT = {"obama": (1.7, 150), "obama2": (1.5, 120), "obama3": (2.4, 330), "biden": (2.4, 300)}
SCENARIOS = {
    "impostor": ("obama", ("biden",)),
    "genuine still": ("obama", ("obama2",)),
    "genuine turning": ("obama", ("obama2", "obama", "obama3")),
}


def photo(name: str) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(PHOTOS / f"{name}.jpg").convert("RGB"))


def frames_of(names: tuple[str, ...]) -> list[np.ndarray]:
    from kiosk.face.augment import camera_frame

    return [camera_frame(photo(n), scale=PLACEMENT[n][0], offset=(0, PLACEMENT[n][1])) for n in names]


def chip_of(name: str) -> bytes:
    from kiosk.face.engine import FaceEngine
    from kiosk.face.images import derive_chip_photo

    rgb = photo(name)
    face = max(FaceEngine().detect(rgb), key=lambda f: f.box.width)
    return derive_chip_photo(rgb, face.box.as_tuple())


def authenticator(mode: str, frames: list[np.ndarray], fps: float, seconds: float, on_frame):
    from kiosk.camera.replay import ReplaySource
    from kiosk.face.authenticator import CameraFaceAuthenticator
    from kiosk.face.config import FaceConfig
    from kiosk.face.engine import FaceEngine

    engine = FaceEngine() if mode == "in-process" else None
    return CameraFaceAuthenticator(lambda: ReplaySource(frames, fps=fps), FaceConfig(attempt_seconds=seconds),
                                   on_frame=on_frame, engine=engine)


class Preview:
    """The kiosk's preview path: the capture thread posts the newest frame, the UI thread converts it."""

    def __init__(self) -> None:
        from PySide6.QtCore import QObject, Qt, Signal

        class Poster(QObject):
            posted = Signal(object)

        self._poster = Poster()
        self._poster.posted.connect(lambda call: call(), Qt.ConnectionType.QueuedConnection)
        self._pending = False
        self.shown: list[float] = []

    def on_frame(self, frame) -> None:
        if self._pending:
            return
        self._pending = True
        rgb = np.ascontiguousarray(frame.rgb)

        def show() -> None:
            from PySide6.QtGui import QImage

            self._pending = False
            height, width, _ = rgb.shape
            QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
            self.shown.append(time.monotonic())

        self._poster.posted.emit(show)


def run_attempt(app, mode: str, scenario: str, chips: dict[str, bytes], fps: float, seconds: float) -> dict:
    from kiosk.core.cancel import CancelToken

    chip_name, frame_names = SCENARIOS[scenario]
    preview = Preview()
    face = authenticator(mode, frames_of(frame_names), fps, seconds, preview.on_frame)
    outcome: dict = {}

    def attempt() -> None:
        started = time.monotonic()
        cpu = time.process_time()
        try:
            result = face.attempt(chips[chip_name], CancelToken(), lambda codes: None)
            outcome.update(matched=result.matched, live=result.live)
        finally:
            outcome.update(started=started, ended=time.monotonic(), cpu=time.process_time() - cpu)
            app.quit()

    thread = threading.Thread(target=attempt, name="attempt")
    thread.start()
    app.exec()
    thread.join()
    shown = [t for t in preview.shown if outcome["started"] <= t <= outcome["ended"]]
    gaps = np.diff(shown) if len(shown) > 1 else np.array([float("nan")])
    span = shown[-1] - shown[0] if len(shown) > 1 else float("nan")
    return {"fps": (len(shown) - 1) / span, "max_gap_ms": float(gaps.max() * 1000),
            "attempt_s": outcome["ended"] - outcome["started"], "matched": outcome["matched"],
            "live": outcome["live"]}


def memory_probe(mode: str, fps: float, seconds: float) -> int:
    """In a fresh process: RSS of the kiosk's process and of its face worker after two attempts. The chip
    photo comes on stdin: making it here would load the models into this process."""
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication([])
    chips = {"obama": sys.stdin.buffer.read()}
    before = status_mb()["VmRSS"]
    for scenario in ("genuine turning", "impostor"):
        run_attempt(app, mode, scenario, chips, fps, seconds)
    kiosk = status_mb()
    workers = [status_mb(p) for p in child_pids(os.getpid(), (b"kiosk.face.match_worker",))]
    print(json.dumps({"before": before, "kiosk": kiosk["VmRSS"], "kiosk_peak": kiosk["VmHWM"],
                      "worker": sum(w["VmRSS"] for w in workers),
                      "worker_peak": sum(w["VmHWM"] for w in workers)}))
    return 0


def summary(runs: list[dict]) -> dict:
    """One scenario and mode over its trials: medians, the worst trial, the decisions seen."""
    fps = [r["fps"] for r in runs]
    gap = [r["max_gap_ms"] for r in runs]
    decision = {("matched" if r["matched"] else "no match") + (", live" if r["live"] else "") for r in runs}
    return {"fps_median": statistics.median(fps), "fps_worst": min(fps), "gap_ms_median": statistics.median(gap),
            "gap_ms_worst": max(gap), "attempt_s": statistics.median(r["attempt_s"] for r in runs),
            "decision": " / ".join(sorted(decision))}


def memory_of(mode: str, chip: bytes, fps: float) -> dict:
    """The memory probe in a fresh process (two 2 s attempts)."""
    probe = subprocess.run([sys.executable, __file__, "--memory-probe", mode, "--fps", str(fps), "--seconds", "2"],
                           input=chip, capture_output=True, check=True)
    return json.loads(probe.stdout.decode().strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=3, help="attempts per mode and scenario, taking turns")
    parser.add_argument("--seconds", type=float, default=4.0, help="attempt length (FaceConfig.attempt_seconds)")
    parser.add_argument("--fps", type=float, default=30.0, help="the replayed camera's frame rate")
    parser.add_argument("--modes", default="in-process,worker")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    parser.add_argument("--memory-probe", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_probe:
        return memory_probe(args.memory_probe, args.fps, args.seconds)
    from PySide6.QtCore import QCoreApplication

    modes = args.modes.split(",")
    app = QCoreApplication([])
    # The chip is made here, which loads the models in this process: the in-process mode's first attempt
    # then does not pay the load, as the worker's first attempt does not pay its start (warm-up below).
    chips = {"obama": chip_of("obama")}
    for mode in modes:
        run_attempt(app, mode, "genuine turning", chips, args.fps, args.seconds)
    results: dict[tuple[str, str], list[dict]] = {}
    for _ in range(args.trials):
        for scenario in SCENARIOS:
            for mode in modes:
                results.setdefault((scenario, mode), []).append(
                    run_attempt(app, mode, scenario, chips, args.fps, args.seconds))
    memory = {mode: memory_of(mode, chips["obama"], args.fps) for mode in modes}
    if args.json:
        print(json.dumps({"fps": args.fps, "seconds": args.seconds, "trials": args.trials, "memory": memory,
                          "attempts": [{"scenario": scenario, "mode": mode, **summary(runs)}
                                       for (scenario, mode), runs in results.items()]}))
        return 0
    print(f"camera replay {args.fps:.0f} frames/s, 640×480; attempts of {args.seconds:.0f} s; "
          f"medians of {args.trials} (worst in brackets); goal >= 15 frames/s, no gap over 100 ms")
    print("| scenario | mode | preview frames/s | longest gap ms | attempt s | decision |")
    print("|---|---|---|---|---|---|")
    for (scenario, mode), runs in results.items():
        s = summary(runs)
        print(f"| {scenario} | {mode} | {s['fps_median']:.1f} ({s['fps_worst']:.1f}) | "
              f"{s['gap_ms_median']:.0f} ({s['gap_ms_worst']:.0f}) | {s['attempt_s']:.2f} | {s['decision']} |")
    print()
    print("| mode (fresh process, 2 attempts) | kiosk RSS before → after (peak) MB | worker RSS (peak) MB | total MB |")
    print("|---|---|---|---|")
    for mode, m in memory.items():
        print(f"| {mode} | {m['before']:.0f} → {m['kiosk']:.0f} ({m['kiosk_peak']:.0f}) | "
              f"{m['worker']:.0f} ({m['worker_peak']:.0f}) | {m['kiosk'] + m['worker']:.0f} |")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # PySide6's clean-up at exit was seen to abort (bool_dealloc) after the attempts: nothing is left to save.
    os._exit(code)
