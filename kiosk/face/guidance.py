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
SIT_OK = "sit_ok"  # the face sits low in the frame, as a seated, short or wheelchair patient's does: it still matches
TILTED_UP = "tilted_up"  # the chin is raised (looking up at the camera or the screen)
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
    # Pitch (pitch_ratio) against the chip photo's, which faces the camera by rule: upright frames measured
    # 0.93-1.03 of it, a raised chin 0.71-0.74; 0.85 is a chin raised by 12-18° geometrically, 15-30° as
    # dlib's landmarks follow a warped photo (docs/face.md). Without a chip photo, the ratio itself:
    # adults' upright faces measured 0.73-0.80, a raised chin 0.55-0.58.
    tilt_up_relative: float = 0.85
    tilt_up_ratio: float = 0.65
    min_face_luma: float = 60.0  # mean grey level (0–255) of the face box
    max_motion: float = 0.12  # face centre movement between frames, in face widths
    # A mask: the mouth area is flat (its gradient energy relative to the eye area below mask_flat), or
    # fairly flat (below mask_smooth) and off skin colour (Lab a*b* distance from the forehead above
    # mask_chroma). Colour alone misfires on over-exposed skin; lips and nostrils give a bare face texture.
    mask_flat: float = 0.30
    mask_smooth: float = 0.60
    mask_chroma: float = 25.0


def assess(rgb: np.ndarray, faces: list[Face], previous: Box | None, child_mode: bool = False,
           limits: GuidanceLimits = GuidanceLimits(),
           reference_pitch: float | None = None) -> tuple[tuple[str, ...], Face | None]:
    """The guidance codes for this frame and the face to act on (None when there is none to act on).

    In child mode the parent's face may be in the frame too: up to two faces are fine, and the face
    acted on is the smaller one (a child held up beside an adult), whose match decides.
    ``reference_pitch`` is :func:`pitch_ratio` of the chip photo's face: the patient's own upright pose.

    One instruction at a time (the UI says the first code): how far, where, how the head is held, then
    light, mask and motion. tilted_up comes before sit_ok because it asks for something the patient can
    do, while sit_ok only reassures; neither blocks matching (the distance threshold still decides).
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
    placement = _placement(face.box, width, height, child_mode, limits)
    if placement == OFF_CENTRE:
        codes.append(OFF_CENTRE)
    if tilted_up(face, reference_pitch, child_mode, limits):
        codes.append(TILTED_UP)
    if placement == SIT_OK:
        codes.append(SIT_OK)
    box = face.box
    if luma(rgb[box.top:box.bottom, box.left:box.right]).mean() < limits.min_face_luma:
        codes.append(TOO_DARK)
    elif looks_masked(rgb, face, limits):
        codes.append(MASK)
    if previous is not None:
        cx, cy = box.centre
        px, py = previous.centre
        if np.hypot(cx - px, cy - py) > limits.max_motion * face.box.width:
            codes.append(HOLD_STILL)
    return tuple(codes), face


def _placement(box: Box, width: int, height: int, child_mode: bool, limits: GuidanceLimits) -> str | None:
    """OFF_CENTRE, SIT_OK or None for where the face box lies in the frame.

    A face low in the frame but whole matches as well as a centred one (measured in docs/face.md), so a
    seated patient is told sitting is fine instead of being sent to the frame's middle, which they
    could only reach by standing up. Once the box runs off the frame's bottom edge the chin is cut off
    and distances grow: that face has to move (OFF_CENTRE). In child mode a child may be held anywhere
    beside the parent: only SIT_OK is said, never OFF_CENTRE.
    """
    cx, cy = box.centre
    sideways = abs(cx - width / 2) > limits.max_offset * width
    low = cy - height / 2 > limits.max_offset * height
    high = height / 2 - cy > limits.max_offset * height
    cut_off = box.bottom >= height  # the detector's box is clipped to the frame
    if low and not sideways and not cut_off:
        return SIT_OK
    if child_mode:
        return None
    return OFF_CENTRE if sideways or high or low else None


def pitch_ratio(face: Face) -> float:
    """How far the bottom of the nose lies below the eye line, in eye distances.

    Raising the chin brings the nose's bottom, which stands in front of the eyes, up towards the eye
    line. Ratios along the face's own axes survive scale, roll and distance; turning the head sideways
    shortens the eye distance and so raises the ratio, never faking a raised chin.
    """
    right_eye, left_eye = face.eyes
    _, down, d = _frame_axes(face)
    return float((face.nose - (right_eye + left_eye) / 2) @ down / d)


def tilted_up(face: Face, reference_pitch: float | None, child_mode: bool = False,
              limits: GuidanceLimits = GuidanceLimits()) -> bool:
    """The chin is raised: judged against the patient's own chip photo when known, else against adults'
    proportions (a child's nose is shorter, so without the chip photo a child is never judged)."""
    ratio = pitch_ratio(face)
    if reference_pitch is not None and reference_pitch > 0:
        return ratio < limits.tilt_up_relative * reference_pitch
    return not child_mode and ratio < limits.tilt_up_ratio


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
