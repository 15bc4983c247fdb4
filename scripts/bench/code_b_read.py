"""照合番号B from the card face: time and memory of one read, three ways, and the crop reader's accuracy.

    python scripts/bench/code_b_read.py [--trials 10] [--json]     # the table (or its figures as JSON)
    python scripts/bench/code_b_read.py --sweep [--frames 400]

One read is OcrCardFaceReader.read_code_b over a 30 frame/s replay of the demo patient's card held up to
the camera (two frames must agree). Each trial is a fresh process (its RSS is the kiosk's, with OpenCV
already loaded as the camera has it) making two reads; the methods take turns, trial by trial:

- ``whole frame``: the reference, the reader as it was: RapidOCR (detection + recognition) over each
  whole frame, the engine kept in the process. Its lines are assigned to the three fields by the rules
  the whole-frame parser had (the era date's line, the line saying 有効/期限, the lone 4 digits).
- ``crops, child``: the kiosk's reader: the card found and cropped here, the three crops read by the
  recognition model in a child process started for the read (kiosk/face/ocr_worker.py).
- ``crops, in process``: the same crops and model in this process, the session freed after each read
  and malloc_trim(0) called: the alternative the child was chosen over.

Machine time is the CPU time of the process and of the children it reaped during the read.
``--sweep`` reads random card faces under harsher camera conditions (scale 0.35–0.8, ±10°, brightness
0.4–1.5, blur, noise, JPEG 20–95) one frame each and counts right, unread and wrong 照合番号B.
"""
from __future__ import annotations

import argparse
import ctypes
import gc
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

METHODS = ("whole frame", "crops, child", "crops, in process")
DEMO_PROFILE = "valid"
READS_PER_TRIAL = 2


def rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


def machine_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def whole_frame_reader() -> Callable[[np.ndarray], list[str]]:
    """The reference: RapidOCR over the whole frame, resident, its lines sorted into the three fields."""
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()
    era_date = re.compile(r"(明治|大正|昭和|平成|令和|今和)(\d{1,2}|元)年")

    def recognise(rgb: np.ndarray) -> list[str]:
        result, _ = engine(np.ascontiguousarray(rgb[:, :, ::-1]))
        lines = [text for _, text, score in (result or ()) if float(score) >= 0.8]
        return [" ".join(line for line in lines if era_date.search(line)),
                " ".join(line for line in lines if any(word in line for word in ("有効", "有效", "期限"))),
                " ".join(line for line in lines if re.fullmatch(r"\W*\d{4}\W*", line))]

    return recognise


@contextmanager
def in_process_reader() -> Iterator[Callable[[np.ndarray], list[str]]]:
    """The alternative: the crops read by the model in this process, freed after the read."""
    from kiosk.face import card_layout
    from kiosk.face.card_reader import mark_doubtful_digits
    from kiosk.face.ocr_worker import RecognitionModel, model_path, prepare_crops

    model: RecognitionModel | None = RecognitionModel(model_path())

    def recognise(rgb: np.ndarray) -> list[str]:
        assert model is not None
        card = card_layout.find_card(rgb)
        if card is None:
            return []
        return [mark_doubtful_digits(text, p) for text, p in model.read(prepare_crops(card_layout.field_crops(card)))]

    try:
        yield recognise
    finally:
        model = None
        gc.collect()
        ctypes.CDLL(None).malloc_trim(0)


def trial(method: str) -> dict[str, object]:
    """Two reads by ``method`` in this (fresh) process: time, machine time and RSS of each."""
    from kiosk.camera.replay import ReplaySource
    from kiosk.card.virtual.profiles import profile
    from kiosk.core.cancel import CancelToken
    from kiosk.embedded import card_face_frame
    from kiosk.face.augment import camera_frame
    from kiosk.face.card_layout import find_card
    from kiosk.face.card_reader import OcrCardFaceReader

    card = card_face_frame(DEMO_PROFILE)
    frames = [camera_frame(card, scale=0.75, rotation=3.0), camera_frame(card, scale=0.7, rotation=-2.0)]
    find_card(frames[0])  # OpenCV loaded and warm, as in the kiosk
    expected = profile(DEMO_PROFILE).code_b
    resident = None  # the whole-frame engine loads on first use, on the first read's clock, as it did
    reads = []
    before = rss_mb()
    for _ in range(READS_PER_TRIAL):
        start, cpu = time.perf_counter(), machine_seconds()
        if method == "whole frame":
            resident = resident or whole_frame_reader()
            digits = OcrCardFaceReader(lambda: ReplaySource(frames, fps=30), recognise=resident).read_code_b(
                CancelToken())
        elif method == "crops, child":
            digits = OcrCardFaceReader(lambda: ReplaySource(frames, fps=30)).read_code_b(CancelToken())
        else:
            with in_process_reader() as recognise:
                digits = OcrCardFaceReader(lambda: ReplaySource(frames, fps=30), recognise=recognise).read_code_b(
                    CancelToken())
        reads.append({"seconds": time.perf_counter() - start, "machine": machine_seconds() - cpu,
                      "rss": rss_mb(), "right": digits == expected})
    return {"before": before, "reads": reads,
            "onnxruntime_loaded": "onnxruntime" in sys.modules}


def table(trials: int, as_json: bool = False) -> None:
    results: dict[str, list[dict]] = {method: [] for method in METHODS}
    for _ in range(trials):
        for method in METHODS:
            done = subprocess.run([sys.executable, __file__, "--trial", method], capture_output=True, text=True,
                                  timeout=300, check=True, cwd=ROOT)
            results[method].append(json.loads(done.stdout))

    def median(method: str, read: int, key: str) -> float:
        return statistics.median(float(r["reads"][read][key]) for r in results[method])

    if as_json:
        print(json.dumps({"trials": trials, "methods": {method: {
            "first_s": median(method, 0, "seconds"), "first_machine_s": median(method, 0, "machine"),
            "second_s": median(method, 1, "seconds"), "second_machine_s": median(method, 1, "machine"),
            "rss_before_mb": statistics.median(float(r["before"]) for r in results[method]),
            "rss_after_mb": median(method, READS_PER_TRIAL - 1, "rss"),
            "onnxruntime_left_loaded": sum(bool(r["onnxruntime_loaded"]) for r in results[method]),
            "all_right": all(read["right"] for r in results[method] for read in r["reads"]),
        } for method in METHODS}}))
        return
    print(f"照合番号B read, demo card held up to a 640×480 camera; medians of {trials} fresh processes per method")
    print("| method | 1st read s | 1st read machine s | 2nd read s | 2nd read machine s | RSS before MB "
          "| RSS after 2 reads MB | onnxruntime left loaded | all right |")
    print("|---|---|---|---|---|---|---|---|---|")
    for method in METHODS:
        rows = results[method]
        before = statistics.median(float(r["before"]) for r in rows)
        loaded = sum(bool(r["onnxruntime_loaded"]) for r in rows)
        right = all(read["right"] for r in rows for read in r["reads"])
        print(f"| {method} | {median(method, 0, 'seconds'):.2f} | {median(method, 0, 'machine'):.2f} "
              f"| {median(method, 1, 'seconds'):.2f} | {median(method, 1, 'machine'):.2f} | {before:.0f} "
              f"| {median(method, READS_PER_TRIAL - 1, 'rss'):.0f} | {loaded}/{len(rows)} "
              f"| {'yes' if right else 'NO'} |")


def sweep(frames: int) -> None:
    """Random card faces under harsh camera conditions, one frame each, read in this process."""
    from datetime import date

    import cv2

    from kiosk.core.errors import CodeBUnavailable
    from kiosk.face.augment import camera_frame
    from kiosk.face.card_image import render_card_face
    from kiosk.face.code_b import CodeB, parse_card_face

    today = date.today()
    rng = np.random.default_rng(3)
    outcomes: Counter[str] = Counter()
    with in_process_reader() as recognise:
        for _ in range(frames):
            birth = date(int(rng.integers(1930, today.year)), int(rng.integers(1, 13)), int(rng.integers(1, 29)))
            expiry = date(int(rng.integers(today.year, today.year + 10)), birth.month, birth.day)
            code = f"{int(rng.integers(0, 10000)):04d}"
            frame = camera_frame(render_card_face("見本 花子", birth, expiry, code),
                                 scale=float(rng.uniform(0.35, 0.8)), rotation=float(rng.uniform(-10, 10)),
                                 brightness=float(rng.uniform(0.4, 1.5)))
            if blur := int(rng.integers(0, 4)):
                frame = cv2.GaussianBlur(frame, (0, 0), blur * 0.6)
            frame = np.clip(frame + rng.normal(0, rng.uniform(0, 14), frame.shape), 0, 255).astype(np.uint8)
            quality = int(rng.integers(20, 95))
            decoded = cv2.imdecode(cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])[1],
                                   cv2.IMREAD_UNCHANGED)
            try:
                digits = parse_card_face(recognise(np.asarray(decoded)), today).digits
            except CodeBUnavailable:
                outcomes["unread"] += 1
                continue
            outcomes["right" if digits == CodeB(birth, expiry.year, code).digits else "WRONG"] += 1
    print(f"{frames} frames: right {outcomes['right']}, unread {outcomes['unread']}, wrong {outcomes['WRONG']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--frames", type=int, default=400)
    parser.add_argument("--json", action="store_true", help="print the table's figures as JSON only")
    parser.add_argument("--trial", choices=METHODS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.trial:
        print(json.dumps(trial(args.trial)))
    elif args.sweep:
        sweep(args.frames)
    else:
        table(args.trials, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
