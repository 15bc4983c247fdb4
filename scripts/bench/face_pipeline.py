"""Face pipeline timings on 640×480 frames: detection, encoding, guidance, liveness, a whole attempt's
decision time from its first frame (dlib in this process and in the face worker), the capture frame rate
meanwhile, and memory. The preview's frame rate and gaps as the UI thread sees them: face_preview.py.

    python scripts/bench/face_pipeline.py [--repeat 20] [--ocr] [--json]

``face per frame`` is a whole frame's work, detection and each face's encoding, on three 640×480 frames,
taking turns with the reference: the face_recognition API's calls on the same frames
(``face_encodings(frame)``: HOG upsampled once on the whole frame, 5-point landmarks, the ResNet encoder,
one jitter), and the same calls on the 320 px wide copy the kiosk detects on (equal input). The reference
is made of dlib's calls as face_recognition makes them: the package itself is not installed (its import
loads the 68-point model, see README.md).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

DATA = ROOT / "tests" / "face" / "data"


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def api_reference(frame: np.ndarray) -> int:
    """face_recognition.face_encodings(frame) as the package makes it (upsample 1, the small model, one
    jitter), with the same dlib models; the number of faces encoded."""
    from kiosk.face import models

    m = models.load()
    encodings = [m.encoder.compute_face_descriptor(frame, m.shape5(frame, rect), 1) for rect in m.detector(frame, 1)]
    return len(encodings)


def per_frame(frames: list[np.ndarray], repeat: int) -> dict[str, float]:
    """Median ms per frame, ours and the API's, taking turns frame by frame."""
    from kiosk.face.engine import FaceEngine, _resize

    engine = FaceEngine()
    small = [_resize(f, 320 / f.shape[1]) for f in frames]
    ways = {
        "ours": lambda i: len([engine.encode(frames[i], face) for face in engine.detect(frames[i])]),
        "face_recognition API, whole frame": lambda i: api_reference(frames[i]),
        "face_recognition API, 320 px copy": lambda i: api_reference(small[i]),
    }
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(repeat):
        for i in range(len(frames)):
            for name, way in ways.items():
                start = time.perf_counter()
                found = way(i)
                times[name].append(time.perf_counter() - start)
                assert found == 1, (name, i, found)  # each way finds the one face: equal work
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--ocr", action="store_true", help="also time 照合番号B OCR on a rendered card face")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args()
    figures: dict[str, object] = {"repeat": args.repeat}

    def say(line: str) -> None:
        if not args.json:
            print(line)

    from kiosk.camera.replay import ReplaySource
    from kiosk.core.cancel import CancelToken
    from kiosk.face import guidance, models
    from kiosk.face.augment import camera_frame
    from kiosk.face.authenticator import CameraFaceAuthenticator
    from kiosk.face.config import FaceConfig
    from kiosk.face.engine import FaceEngine
    from kiosk.face.face_worker import shared_worker
    from kiosk.face.images import derive_chip_photo
    from kiosk.face.liveness import LivenessTracker

    photos = {n: np.asarray(Image.open(DATA / f"{n}.jpg").convert("RGB")) for n in ("obama", "obama2", "obama3")}
    frames = [camera_frame(photos["obama2"], scale=1.5, offset=(0, 120)),
              camera_frame(photos["obama"], scale=1.7, offset=(0, 150)),
              camera_frame(photos["obama3"], scale=2.4, offset=(0, 330))]
    base = rss_mb()
    start = time.perf_counter()
    models.load()
    loaded = (time.perf_counter() - start) * 1000
    figures.update(model_load_ms=loaded, rss_before_mb=base, rss_loaded_mb=rss_mb())
    say(f"model load: {loaded:.0f} ms; RSS {base:.0f} MB before, {rss_mb():.0f} MB after")

    frame = frames[0]
    for width in (320, 640):
        engine = FaceEngine(detect_width=width)
        ms, faces = timed(lambda e=engine: e.detect(frame), args.repeat)
        figures[f"detect_{width}_ms"] = ms
        say(f"detect (HOG on {width} px wide) + 5 landmarks: {ms:6.1f} ms/frame, {len(faces)} face")
    engine = FaceEngine()
    face = engine.detect(frame)[0]
    ms, _ = timed(lambda: engine.encode(frame, face), args.repeat)
    figures["encode_ms"] = ms
    say(f"encode (ResNet, 128-d):                  {ms:6.1f} ms/face")
    ms, _ = timed(lambda: guidance.assess(frame, [face], face.box), args.repeat)
    figures["guidance_ms"] = ms
    say(f"guidance codes:                          {ms:6.1f} ms/frame")
    tracker = LivenessTracker()
    ms, _ = timed(lambda: tracker.observe(frame, face), args.repeat)
    figures["liveness_ms"] = ms
    say(f"liveness observe:                        {ms:6.1f} ms/frame")
    figures["face_per_frame_ms"] = per = per_frame(frames, args.repeat)
    for name, ms in per.items():
        say(f"face per frame, {name + ':':34s}{ms:6.1f} ms (3 frames taking turns)")

    chip = derive_chip_photo(photos["obama"], engine.detect(photos["obama"])[0].box.as_tuple())
    from kiosk.face.images import decode_image

    ms, _ = timed(lambda: engine.encode_reference(decode_image(chip)), args.repeat)
    figures["chip_ms"] = ms
    say(f"chip photo decode + encode ({len(chip)} B):    {ms:6.1f} ms (before the camera opens)")
    # In the kiosk's process (the reference) and through the face worker (the kiosk's default), taking
    # turns; the worker is started and warmed up first, as it is after the kiosk's first attempt.
    shared_worker().start()
    decisions: dict[str, list[float]] = {"in-process": [], "worker": []}
    rates: dict[str, list[float]] = {"in-process": [], "worker": []}
    for trial in range(6):
        for mode in decisions:
            stamps: list[float] = []
            authenticator = CameraFaceAuthenticator(lambda: ReplaySource(frames, fps=30), FaceConfig(),
                                                    on_frame=lambda f, s=stamps: s.append(time.monotonic()),
                                                    engine=engine if mode == "in-process" else None)
            result = authenticator.attempt(chip, CancelToken(), lambda codes: None)
            end = time.monotonic()
            assert result.matched and result.live, result
            if trial:  # the first of each warms up (the worker's start)
                decisions[mode].append((end - stamps[0]) * 1000)
                rates[mode].append((len(stamps) - 1) / (stamps[-1] - stamps[0]))
    figures["decision_ms"] = {mode: statistics.median(times) for mode, times in decisions.items()}
    figures["capture_fps"] = {mode: statistics.median(values) for mode, values in rates.items()}
    for mode, times in decisions.items():
        say(f"attempt decision from first frame, {mode + ':':12s}{statistics.median(times):5.0f} ms "
              f"(min {min(times):.0f}, max {max(times):.0f}; matched and live; capture "
              f"{statistics.median(rates[mode]):.1f} frames/s, replay at 30)")
    worker = shared_worker().pid
    if worker is not None:
        figures["worker_rss_mb"] = rss_mb(worker)
        say(f"face worker RSS:                         {rss_mb(worker):6.0f} MB")
    figures["rss_after_mb"] = rss_mb()
    say(f"RSS with models loaded after attempts:   {rss_mb():6.0f} MB")

    if args.ocr:
        from datetime import date

        from kiosk.face.card_image import render_card_face
        from kiosk.face.card_reader import recognise_lines

        card = render_card_face("見本 花子", date(1980, 2, 17), date(2030, 2, 17), "1234")
        start = time.perf_counter()
        recognise_lines(card)
        first = (time.perf_counter() - start) * 1000
        say(f"OCR first card-face frame (model load):  {first:6.0f} ms")
        ms, _ = timed(lambda: recognise_lines(card), 5)
        size = f"{card.shape[1]}×{card.shape[0]}"
        figures.update(ocr_first_ms=first, ocr_ms=ms, ocr_rss_mb=rss_mb())
        say(f"OCR card face {size}:                {ms:6.0f} ms/frame; RSS {rss_mb():.0f} MB")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
