"""Genuine and impostor distances of camera-like probes against chip-style photos.

Chip photos (downscaled, grey, JPEG 2000) are derived from each test photo; probes are the other photos
as 640×480 colour frames under the variants of kiosk.face.augment. Genuine: an obama photo against a
chip photo derived from a *different* obama photo. Impostor: biden against obama chips and obama
against the biden chip. Each probe is measured in colour and converted to grey.

    python scripts/bench/face_distances.py [--faces tests/face/data]
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from kiosk.face.augment import VARIANTS, camera_frame  # noqa: E402
from kiosk.face.engine import FaceEngine, distance  # noqa: E402
from kiosk.face.images import CHIP_RATIO, CHIP_WIDTH, decode_image, derive_chip_photo, to_grey_rgb  # noqa: E402

PEOPLE = {"obama": "obama", "obama2": "obama", "obama3": "obama", "biden": "biden"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faces", default="tests/face/data", type=Path)
    parser.add_argument("--chip-width", default=CHIP_WIDTH, type=int)
    parser.add_argument("--chip-ratio", default=CHIP_RATIO, type=int)
    args = parser.parse_args()
    engine = FaceEngine()
    photos = {name: np.asarray(Image.open(args.faces / f"{name}.jpg").convert("RGB")) for name in PEOPLE}

    chips = {}
    for name, rgb in photos.items():
        face = max(engine.detect(rgb), key=lambda f: f.box.width)
        chip = derive_chip_photo(rgb, face.box.as_tuple(), args.chip_width, args.chip_ratio)
        chips[name] = engine.encode_reference(decode_image(chip))
        print(f"chip {name}: {len(chip)} bytes")

    results: dict[tuple[str, str], list[float]] = {}
    misses = []
    for probe_name, rgb in photos.items():
        for variant, kwargs in VARIANTS:
            frame = camera_frame(rgb, **kwargs)
            for mode, image in (("colour", frame), ("grey", to_grey_rgb(frame))):
                faces = engine.detect(image)
                if len(faces) != 1:
                    misses.append(f"{probe_name}/{variant}/{mode}: {len(faces)} faces")
                    continue
                probe = engine.encode(image, faces[0])
                for chip_name, reference in chips.items():
                    if chip_name == probe_name:
                        continue
                    same = PEOPLE[chip_name] == PEOPLE[probe_name]
                    if not same and "biden" not in (chip_name, probe_name):
                        continue
                    kind = "genuine" if same else "impostor"
                    results.setdefault((kind, mode), []).append(distance(probe, reference))

    print(f"\n{'pairs':<18}{'n':>4}{'min':>7}{'median':>8}{'max':>7}")
    for (kind, mode), values in sorted(results.items()):
        print(f"{kind + ' ' + mode:<18}{len(values):>4}{min(values):>7.3f}"
              f"{statistics.median(values):>8.3f}{max(values):>7.3f}")
    for mode in ("colour", "grey"):
        genuine, impostor = results[("genuine", mode)], results[("impostor", mode)]
        print(f"{mode}: margin between worst genuine and best impostor: {min(impostor) - max(genuine):.3f}")
        for threshold in (0.40, 0.45, 0.50, 0.55, 0.60):
            false_reject = sum(d > threshold for d in genuine) / len(genuine)
            false_accept = sum(d <= threshold for d in impostor) / len(impostor)
            print(f"  threshold {threshold:.2f}: false reject {false_reject:5.1%}  false accept {false_accept:5.1%}")
    for line in misses:
        print("not measured (face count):", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
