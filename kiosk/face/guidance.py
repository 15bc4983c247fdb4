"""Guidance codes from one frame: what the patient should change. The UI turns codes into words.

Pure geometry and pixel statistics over the detector's output; no dlib here.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kiosk.face.engine import Box, Face
from kiosk.face.images import luma

NO_FACE = "no_face"
SEVERAL_FACES = "several_faces"
TOO_FAR = "too_far"
TOO_CLOSE = "too_close"
OFF_CENTRE = "off_centre"
TOO_DARK = "too_dark"
MASK = "mask"
HOLD_STILL = "hold_still"
BLINK = "blink"  # the liveness challenge: shown once the face matches but no blink or turn was seen yet

# Codes after which no match is tried in this frame.
BLOCKING = frozenset({NO_FACE, SEVERAL_FACES})


@dataclass(frozen=True)
class GuidanceLimits:
    min_face_width: float = 0.15  # of the frame width: smaller is too far for a reliable encoding
    max_face_width: float = 0.55  # larger crops the chin or forehead
    max_offset: float = 0.20  # face centre from the frame centre, as a fraction of each dimension
    min_face_luma: float = 60.0  # mean grey level (0–255) of the face box
    max_motion: float = 0.12  # face centre movement between frames, in face widths
    # A mask: the mouth area is flat (its gradient energy relative to the eye area below mask_flat), or
    # fairly flat (below mask_smooth) and off skin colour (Lab a*b* distance from the forehead above
    # mask_chroma). Colour alone misfires on over-exposed skin; lips and nostrils give a bare face texture.
    mask_flat: float = 0.30
    mask_smooth: float = 0.60
    mask_chroma: float = 25.0


def assess(rgb: np.ndarray, faces: list[Face], previous: Box | None, child_mode: bool = False,
           limits: GuidanceLimits = GuidanceLimits()) -> tuple[tuple[str, ...], Face | None]:
    """The guidance codes for this frame and the face to act on (None when there is none to act on).

    In child mode the parent's face may be in the frame too: up to two faces are fine, and the face
    acted on is the smaller one (a child held up beside an adult), whose match decides.
    """
    if not faces:
        return ((TOO_DARK,) if luma(rgb).mean() < limits.min_face_luma / 2 else ()) + (NO_FACE,), None
    allowed = 2 if child_mode else 1
    if len(faces) > allowed:
        return (SEVERAL_FACES,), None
    face = min(faces, key=lambda f: f.box.width) if child_mode else faces[0]
    codes = []
    height, width = rgb.shape[:2]
    fraction = face.box.width / width
    if fraction < limits.min_face_width:
        codes.append(TOO_FAR)
    elif fraction > limits.max_face_width:
        codes.append(TOO_CLOSE)
    cx, cy = face.box.centre
    if not child_mode and (abs(cx - width / 2) > limits.max_offset * width
                           or abs(cy - height / 2) > limits.max_offset * height):
        codes.append(OFF_CENTRE)
    box = face.box
    if luma(rgb[box.top:box.bottom, box.left:box.right]).mean() < limits.min_face_luma:
        codes.append(TOO_DARK)
    elif looks_masked(rgb, face, limits):
        codes.append(MASK)
    if previous is not None:
        px, py = previous.centre
        if np.hypot(cx - px, cy - py) > limits.max_motion * face.box.width:
            codes.append(HOLD_STILL)
    return tuple(codes), face


def looks_masked(rgb: np.ndarray, face: Face, limits: GuidanceLimits = GuidanceLimits()) -> bool:
    """A mask hides the mouth: the area below the nose is either not skin-coloured (compared with the
    forehead, which a mask leaves bare) or lacks the lips' edges (compared with the eye area)."""
    mouth = mouth_region(rgb, face)
    forehead = forehead_region(rgb, face)
    eyes = eye_band(rgb, face)
    if min(mouth.size, forehead.size, eyes.size) == 0:
        return False
    texture = _texture(mouth) / max(_texture(eyes), 1e-6)
    if texture < limits.mask_flat:
        return True
    return texture < limits.mask_smooth and \
        float(np.linalg.norm(_chroma(mouth) - _chroma(forehead))) > limits.mask_chroma


def _frame_axes(face: Face) -> tuple[np.ndarray, np.ndarray, float]:
    """The face's own axes: unit vector along the eye line (image left to right), unit vector down the
    face, and the distance between the eye centres."""
    right_eye, left_eye = face.eyes
    along = left_eye - right_eye
    d = float(np.linalg.norm(along)) or 1.0
    along = along / d
    down = np.array([-along[1], along[0]])
    if down[1] < 0:
        down = -down
    return along, down, d


def _patch(rgb: np.ndarray, centre: np.ndarray, half_w: float, half_h: float) -> np.ndarray:
    height, width = rgb.shape[:2]
    x0, x1 = int(max(0, centre[0] - half_w)), int(min(width, centre[0] + half_w))
    y0, y1 = int(max(0, centre[1] - half_h)), int(min(height, centre[1] + half_h))
    return rgb[y0:y1, x0:x1]


def mouth_region(rgb: np.ndarray, face: Face) -> np.ndarray:
    _, down, d = _frame_axes(face)
    return _patch(rgb, face.nose + down * 0.45 * d, 0.45 * d, 0.25 * d)


def forehead_region(rgb: np.ndarray, face: Face) -> np.ndarray:
    right_eye, left_eye = face.eyes
    _, down, d = _frame_axes(face)
    return _patch(rgb, (right_eye + left_eye) / 2 - down * 0.55 * d, 0.35 * d, 0.15 * d)


def eye_band(rgb: np.ndarray, face: Face) -> np.ndarray:
    right_eye, left_eye = face.eyes
    _, _, d = _frame_axes(face)
    return _patch(rgb, (right_eye + left_eye) / 2, 0.8 * d, 0.2 * d)


def _chroma(region: np.ndarray) -> np.ndarray:
    import cv2

    lab = cv2.cvtColor(np.ascontiguousarray(region), cv2.COLOR_RGB2LAB).reshape(-1, 3).astype(np.float64)
    return np.median(lab[:, 1:], axis=0)  # OpenCV's 8-bit Lab: a* and b* offset by 128


def _texture(region: np.ndarray) -> float:
    grey = luma(region)
    if grey.shape[0] < 3 or grey.shape[1] < 3:
        return 0.0
    return float(np.abs(np.diff(grey, axis=0)).mean() + np.abs(np.diff(grey, axis=1)).mean())
