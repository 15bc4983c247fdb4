"""Detection, 5-point landmarks and 128-d encodings with dlib, on frames of any size.

Detection runs on a copy scaled down to ``detect_width`` (HOG cost grows with pixels); the boxes are
scaled back and landmarks and encodings use the full-resolution frame.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from kiosk.face import models
from kiosk.face.errors import NoFaceFound
from kiosk.face.images import to_grey_rgb
from kiosk.face.resample import area_downscale


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2

    def as_tuple(self) -> tuple[int, int, int, int]:
        return self.left, self.top, self.right, self.bottom


@dataclass(frozen=True)
class Face:
    """One detected face. ``points`` are the 5 landmarks (x, y) in dlib's order: outer and inner corner
    of the eye on the image's right, outer and inner corner of the eye on the image's left, the bottom
    of the nose."""

    box: Box
    points: np.ndarray
    shape: Any  # dlib.full_object_detection, needed by the encoder

    @property
    def eyes(self) -> tuple[np.ndarray, np.ndarray]:
        """The two eye centres (the mean of each eye's two corners)."""
        return self.points[0:2].mean(axis=0), self.points[2:4].mean(axis=0)

    @property
    def nose(self) -> np.ndarray:
        return self.points[4]


class FaceEngine:
    def __init__(self, detect_width: int = 320, upsample: int = 1) -> None:
        self.detect_width = detect_width
        self.upsample = upsample

    def detect(self, rgb: np.ndarray, upsample: int | None = None) -> list[Face]:
        import dlib

        m = models.load()
        height, width = rgb.shape[:2]
        scale = min(1.0, self.detect_width / width)
        small = rgb if scale == 1.0 else _resize(rgb, scale)
        rects = m.detector(small, self.upsample if upsample is None else upsample)
        faces = []
        for r in rects:
            box = Box(
                max(0, round(r.left() / scale)), max(0, round(r.top() / scale)),
                min(width, round(r.right() / scale)), min(height, round(r.bottom() / scale)),
            )
            shape = m.shape5(rgb, dlib.rectangle(box.left, box.top, box.right, box.bottom))
            points = np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float64)
            faces.append(Face(box, points, shape))
        return faces

    def encode(self, rgb: np.ndarray, face: Face) -> np.ndarray:
        return np.array(models.load().encoder.compute_face_descriptor(rgb, face.shape))

    def encode_reference(self, rgb: np.ndarray) -> np.ndarray:
        """The encoding of the one (largest) face in a still such as the chip photo."""
        return self.encode(rgb, self.reference_face(rgb))

    def reference_face(self, rgb: np.ndarray) -> Face:
        """The one (largest) face in a still such as the chip photo.

        A chip photo is small and tightly cropped, so detection is retried with more upsampling and
        on the grey image before giving up with NoFaceFound.
        """
        grey = to_grey_rgb(rgb)
        for image, upsample in ((rgb, 1), (rgb, 2), (grey, 2)):
            faces = self.detect(image, upsample)
            if faces:
                return max(faces, key=lambda f: f.box.width * f.box.height)
        raise NoFaceFound("no face in the reference photo")


def distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b))


def _resize(rgb: np.ndarray, scale: float) -> np.ndarray:
    return area_downscale(rgb, (max(1, round(rgb.shape[1] * scale)), max(1, round(rgb.shape[0] * scale))))
