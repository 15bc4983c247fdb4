"""Shared fixtures of the face tests: the test photos, chip-style photos derived from them, and
frame makers (camera-like frames, closed eyes, a drawn-on mask)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def photos() -> dict[str, np.ndarray]:
    from PIL import Image

    return {name: np.asarray(Image.open(DATA / f"{name}.jpg").convert("RGB"))
            for name in ("obama", "obama2", "obama3", "biden")}


@pytest.fixture(scope="session")
def engine():
    from kiosk.face.engine import FaceEngine

    return FaceEngine()


@pytest.fixture(scope="session")
def chips(photos, engine) -> dict[str, bytes]:
    from kiosk.face.images import derive_chip_photo

    out = {}
    for name, rgb in photos.items():
        face = max(engine.detect(rgb), key=lambda f: f.box.width)
        out[name] = derive_chip_photo(rgb, face.box.as_tuple())
    return out


@pytest.fixture(scope="session")
def frame(photos):
    """A 640×480 camera-like frame of a test photo with the face large and central."""
    from kiosk.face.augment import camera_frame

    # Per photo: scale and shift that put the face near the centre at about 30% of the frame width.
    placement = {"obama": (1.7, 150), "obama2": (1.5, 120), "obama3": (2.4, 330), "biden": (2.4, 300)}

    def make(name: str, **kwargs) -> np.ndarray:
        scale, shift = placement[name]
        kwargs.setdefault("scale", scale)
        kwargs.setdefault("offset", (0, shift))
        return camera_frame(photos[name], **kwargs)

    return make


@pytest.fixture(scope="session")
def close_eyes():
    """Draws closed lids over both eyes (skin-coloured, with a lash line), leaving the corners."""
    import cv2

    def make(rgb: np.ndarray, face) -> np.ndarray:
        out = rgb.copy()
        for outer, inner in (face.points[0:2], face.points[2:4]):
            w = float(np.linalg.norm(outer - inner))
            cx, cy = (outer + inner) / 2
            cheek = rgb[int(cy + 0.9 * w):int(cy + 1.3 * w), int(cx - 0.3 * w):int(cx + 0.3 * w)]
            skin = tuple(int(v) for v in np.median(cheek.reshape(-1, 3), axis=0))
            cv2.ellipse(out, (int(cx), int(cy)), (int(0.5 * w), int(0.3 * w)), 0, 0, 360, skin, -1)
            cv2.line(out, (int(cx - 0.45 * w), int(cy + 0.1 * w)), (int(cx + 0.45 * w), int(cy + 0.1 * w)),
                     tuple(int(v * 0.6) for v in skin), max(1, int(w / 12)))
        return out

    return make


@pytest.fixture(scope="session")
def put_on_mask():
    """Draws a flat light-blue surgical mask from below the eyes over nose, mouth and chin."""
    import cv2

    def make(rgb: np.ndarray, face, colour=(170, 200, 230)) -> np.ndarray:
        out = rgb.copy()
        first, second = face.eyes
        along = (second - first) / np.linalg.norm(second - first)
        d = float(np.linalg.norm(second - first))
        down = np.array([-along[1], along[0]])
        down = down if down[1] > 0 else -down
        corners = [first + down * 0.55 * d - along * 0.45 * d, second + down * 0.55 * d + along * 0.45 * d,
                   face.nose + down * 1.6 * d + along * 0.8 * d, face.nose + down * 1.6 * d - along * 0.8 * d]
        cv2.fillPoly(out, [np.array(corners, dtype=np.int32)], colour)
        return out

    return make
