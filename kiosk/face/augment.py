"""Camera-like probe frames made from stills: placed in a 640×480 frame, rescaled, relit, rotated.

Used by the threshold measurement, the benchmark, the tests and the demo's replay sequences.
"""
from __future__ import annotations

import numpy as np

FRAME_SIZE = (640, 480)


def camera_frame(rgb: np.ndarray, scale: float = 1.0, brightness: float = 1.0, rotation: float = 0.0,
                 offset: tuple[int, int] = (0, 0), size: tuple[int, int] = FRAME_SIZE) -> np.ndarray:
    """``rgb`` fitted to the frame's height times ``scale``, centred plus ``offset`` on a grey
    background, rotated by ``rotation`` degrees and multiplied by ``brightness``."""
    import cv2

    width, height = size
    fit = height / rgb.shape[0] * scale
    resized = cv2.resize(rgb, (max(1, round(rgb.shape[1] * fit)), max(1, round(rgb.shape[0] * fit))),
                         interpolation=cv2.INTER_AREA)
    frame: np.ndarray = np.full((height, width, 3), 110, dtype=np.uint8)
    x0 = (width - resized.shape[1]) // 2 + offset[0]
    y0 = (height - resized.shape[0]) // 2 + offset[1]
    fx0, fy0 = max(0, x0), max(0, y0)
    fx1, fy1 = min(width, x0 + resized.shape[1]), min(height, y0 + resized.shape[0])
    if fx1 > fx0 and fy1 > fy0:
        frame[fy0:fy1, fx0:fx1] = resized[fy0 - y0:fy1 - y0, fx0 - x0:fx1 - x0]
    if rotation:
        matrix = cv2.getRotationMatrix2D((width / 2, height / 2), rotation, 1.0)
        frame = cv2.warpAffine(frame, matrix, (width, height), borderValue=(110, 110, 110))
    if brightness != 1.0:
        frame = np.clip(frame.astype(np.float32) * brightness, 0, 255).astype(np.uint8)
    return frame


# The variants each still is measured under: (name, keyword arguments of camera_frame).
VARIANTS: tuple[tuple[str, dict[str, float]], ...] = (
    ("plain", {}),
    ("far", {"scale": 0.6}),
    ("dim", {"brightness": 0.55}),
    ("bright", {"brightness": 1.4}),
    ("tilt-left", {"rotation": -10.0}),
    ("tilt-right", {"rotation": 10.0}),
    ("far-dim-tilt", {"scale": 0.7, "brightness": 0.7, "rotation": 6.0}),
)
