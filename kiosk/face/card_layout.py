"""Where 照合番号B's printed fields sit on the card face, and the card found in a camera frame.

The positions are those of the synthetic card face (card_image.py draws from them), in pixels of the
card scanned at 10 px per mm (856 × 540). A real card prints its fields elsewhere: measure them on one
and enter them here, or the crops hold no date and every read ends in CodeBUnavailable (staff type it).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

WIDTH, HEIGHT = 856, 540  # 85.6 × 54 mm (ISO/IEC 7810 ID-1)
ASPECT = WIDTH / HEIGHT
ASPECT_SLACK = 0.15  # a card tilted towards or away from the camera looks shorter or narrower
MIN_AREA = 0.15  # of the frame: anything smaller is too far away to read
LABEL_SIZE, VALUE_SIZE = 22, 30  # font sizes of the labels and the printed values


@dataclass(frozen=True)
class Field:
    label: str
    label_at: tuple[int, int]  # top left of the label text
    value_at: tuple[int, int]  # top left of the printed value
    box: tuple[int, int, int, int]  # left, top, right, bottom of the crop OCR reads: the value plus a margin


# In the order card_reader returns their texts and code_b.parse_card_face takes them.
BIRTH = Field("生年月日", (40, 110), (150, 104), (138, 105, 450, 152))  # 平成30年 12月28日生
EXPIRY = Field("有効期限", (40, 190), (150, 184), (138, 185, 290, 232))  # the year and a little more: 2030年 1
SECURITY_CODE = Field("セキュリティコード", (40, 400), (260, 394), (248, 401, 340, 440))
FIELDS = (BIRTH, EXPIRY, SECURITY_CODE)
NAME_LABEL_AT, NAME_AT = (40, 30), (120, 24)
PHOTO_BOX = (640, 120, 816, 340)


def find_card(rgb: np.ndarray) -> np.ndarray | None:
    """The card face in ``rgb`` straightened to WIDTH × HEIGHT, or None when no card-shaped bright area
    is there. The card is taken to be the largest bright region (Otsu's threshold) whose outline has
    the card's proportions, held landscape and upright; a frame that is all card is the card."""
    import cv2

    grey = cv2.GaussianBlur(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), (5, 5), 0)
    _, mask = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    frame_area = rgb.shape[0] * rgb.shape[1]
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
        if cv2.contourArea(contour) < MIN_AREA * frame_area:
            break
        corners = _corners(contour)
        if corners is not None and not _clipped(corners, rgb.shape[1], rgb.shape[0]):
            target = np.array([[0, 0], [WIDTH, 0], [WIDTH, HEIGHT], [0, HEIGHT]], dtype=np.float32)
            matrix = cv2.getPerspectiveTransform(corners, target)
            return cv2.warpPerspective(rgb, matrix, (WIDTH, HEIGHT), flags=cv2.INTER_LINEAR,
                                       borderMode=cv2.BORDER_REPLICATE)
    return None


def field_crops(card: np.ndarray) -> list[np.ndarray]:
    """The crop of each of FIELDS from a card found by find_card."""
    return [card[top:bottom, left:right] for left, top, right, bottom in (f.box for f in FIELDS)]


def _clipped(corners: np.ndarray, width: int, height: int) -> bool:
    """True when the outline runs along the frame's edge (the card is partly outside the picture), except
    when it is the whole frame's outline (a picture of the card alone)."""
    margin = 0.02 * min(width, height)
    frame = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=np.float32)
    if float(np.abs(corners - frame).max()) <= margin:
        return False
    x, y = corners[:, 0], corners[:, 1]
    return bool((x <= margin).any() or (y <= margin).any() or (x >= width - 1 - margin).any()
                or (y >= height - 1 - margin).any())


def _corners(contour: np.ndarray) -> np.ndarray | None:
    """Top left, top right, bottom right, bottom left of a card-shaped outline, else None."""
    import cv2

    hull = cv2.convexHull(contour)
    quad = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True).reshape(-1, 2)
    if len(quad) != 4:  # rounded or clipped corners: the smallest rectangle around it
        quad = cv2.boxPoints(cv2.minAreaRect(hull))
    points = quad.astype(np.float32)
    sums, differences = points.sum(axis=1), points[:, 1] - points[:, 0]
    ordered = np.array([points[sums.argmin()], points[differences.argmin()],
                        points[sums.argmax()], points[differences.argmax()]], dtype=np.float32)
    if len({tuple(p) for p in ordered.tolist()}) != 4:  # turned by about 45°: neither way up
        return None
    top, right, bottom, left = (float(np.linalg.norm(ordered[(i + 1) % 4] - ordered[i])) for i in range(4))
    if min(top, right, bottom, left) < 1:
        return None
    aspect = (top + bottom) / (left + right)
    return ordered if abs(aspect / ASPECT - 1) <= ASPECT_SLACK else None
