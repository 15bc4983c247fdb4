"""A liveness challenge over successive frames: a blink or a small head turn must be seen.

Measured only from the 5-point landmarks and the pixels they locate (no 68-point model):

* head turn: the nose's offset along the eye line, in eye distances. The ratio does not change when a
  flat picture is moved, scaled, rotated in the image plane or foreshortened by tilting it (an affine
  change keeps ratios along a line), so waving a photo or a phone in front of the camera does not fake
  it; a real head turning moves the nose against the eyes.
* blink: each frame's face is warped to a canonical pose by its eye corners; the eye band is compared
  (normalised cross-correlation) with the first frame's, and so is a control band over the nose and
  cheeks. A blink makes the eyes differ while the control band stays the same: open → closed → open.
  Blur or a change of light changes both bands, so moving a photo does not count as a blink.

What it cannot stop: a video of the person blinking or turning, replayed on a screen, or a good mask.
See docs/face.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from kiosk.face.engine import Face
from kiosk.face.images import luma

# Canonical pose: where the eye corners (dlib's order) land in a 96×96 face crop; the eye band holds
# the eyes and lids but not the brows, the control band the nose and cheeks.
_CANON = np.array([[86, 30], [58, 30], [10, 30], [38, 30]], dtype=np.float32)
_SIZE = 96
_EYE_ROWS = slice(20, 42)
_CONTROL_ROWS = slice(50, 90)


@dataclass(frozen=True)
class LivenessLimits:
    # Yaw range across the attempt, in eye distances. The same still, rescaled, relit and rotated, varies
    # by up to 0.07 on faces about 100 px wide (landmark noise); a 15° turn changes it by about 0.2.
    min_turn: float = 0.15
    # Eye-band correlation with the first frame: the same still under other scale, light and rotation
    # measured 0.84–1.0 (0.93+ on faces over 100 px); the same frame with lids drawn over the eyes
    # 0.38–0.77.
    closed: float = 0.75
    opened: float = 0.85
    # The control band (nose, cheeks) must stay this similar for a frame to count: blur or a change of
    # light or pose alters it too. Measured: the same still varied 0.74+; drawn-on lids, which also
    # shift the eye-corner landmarks by up to 4 px, 0.68+.
    control: float = 0.65


def yaw(face: Face) -> float:
    """The nose's offset from the eyes' midpoint along the eye line, in eye distances (0 = frontal)."""
    first, second = face.eyes
    along = second - first
    d = float(np.linalg.norm(along)) or 1.0
    return float(np.dot(face.nose - (first + second) / 2, along / d) / d)


def canonical_bands(rgb: np.ndarray, face: Face) -> tuple[np.ndarray, np.ndarray]:
    """The eye band and the control band of the face warped to the canonical pose, each normalised
    to zero mean and unit variance."""
    import cv2

    matrix = _similarity(face.points[:4], _CANON)
    crop = cv2.warpAffine(luma(rgb).astype(np.float32), matrix, (_SIZE, _SIZE), flags=cv2.INTER_LINEAR)
    return _normalised(crop[_EYE_ROWS]), _normalised(crop[_CONTROL_ROWS])


def _similarity(source: np.ndarray, target: np.ndarray) -> np.ndarray:
    """The least-squares rotation, scale and shift taking ``source`` points onto ``target`` (2×3).

    All points weigh in (OpenCV's estimateAffinePartial2D uses RANSAC, which with four points may
    fit two of them and jump between frames)."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(source, target, strict=True):
        rows += [[x, -y, 1, 0], [y, x, 0, 1]]
        rhs += [u, v]
    a, b, tx, ty = np.linalg.lstsq(np.array(rows, dtype=np.float64), np.array(rhs, dtype=np.float64), rcond=None)[0]
    return np.array([[a, -b, tx], [b, a, ty]], dtype=np.float64)


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    return float((a * b).mean()) if a.shape == b.shape else 0.0


def _normalised(band: np.ndarray) -> np.ndarray:
    centred = band - band.mean()
    return centred / (centred.std() + 1e-6)


@dataclass
class LivenessTracker:
    """Fed the acted-on face of each frame; ``live`` once a blink or a head turn has been seen."""

    limits: LivenessLimits = field(default_factory=LivenessLimits)
    frames: int = 0
    _yaw_min: float = float("inf")
    _yaw_max: float = float("-inf")
    _eyes: np.ndarray | None = None
    _control: np.ndarray | None = None
    _phase: str = "open"  # open → closed → blinked

    def observe(self, rgb: np.ndarray, face: Face) -> None:
        self.frames += 1
        y = yaw(face)
        self._yaw_min, self._yaw_max = min(self._yaw_min, y), max(self._yaw_max, y)
        eyes, control = canonical_bands(rgb, face)
        if self._eyes is None or self._control is None:
            self._eyes, self._control = eyes, control
            return
        if correlation(control, self._control) < self.limits.control:
            return  # blur, light or pose changed the whole face: says nothing about the eyes
        similarity = correlation(eyes, self._eyes)
        if self._phase == "open" and similarity <= self.limits.closed:
            self._phase = "closed"
        elif self._phase == "closed" and similarity >= self.limits.opened:
            self._phase = "blinked"

    @property
    def blinked(self) -> bool:
        return self._phase == "blinked"

    @property
    def turned(self) -> bool:
        return self.frames >= 2 and self._yaw_max - self._yaw_min >= self.limits.min_turn

    @property
    def live(self) -> bool:
        return self.blinked or self.turned

    def forget(self) -> None:
        """Drop the eye and control bands (face pixels) kept as the reference."""
        self._eyes = self._control = None
