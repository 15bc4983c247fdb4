"""Decoding stills and deriving a chip-style photo; everything stays in memory."""
from __future__ import annotations

import io

import numpy as np

from kiosk.face.errors import ImageUnreadable

# The card's chip holds a small monochrome JPEG 2000 (a few kB). Our chip-style photos: a head-and-
# shoulders crop scaled to this width (4:5 portrait), grey, compressed at this ratio.
CHIP_WIDTH = 150
CHIP_RATIO = 10  # JPEG 2000 compression ratio (uncompressed size / coded size)


MAX_PIXELS = 4_000_000  # a chip photo is about 300×400, a camera frame 1920×1080: more is a hostile header


def decode_image(data: bytes) -> np.ndarray:
    """RGB array of any image Pillow reads (the chip's JPEG 2000 among them). The size the header claims is
    checked before anything is decoded, so a few bytes cannot make the kiosk allocate gigabytes."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ImageUnreadable(f"image header claims {width}×{height} pixels, more than {MAX_PIXELS}")
            return np.asarray(image.convert("RGB"))
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError) as exc:
        raise ImageUnreadable(f"image of {len(data)} bytes could not be decoded") from exc


def to_grey_rgb(rgb: np.ndarray) -> np.ndarray:
    """Luma (ITU-R 601, as the chip photo's monochrome) repeated in three channels for the encoder."""
    grey = (rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114).round().astype(np.uint8)
    return np.repeat(grey[:, :, None], 3, axis=2)


def luma(rgb: np.ndarray) -> np.ndarray:
    return rgb[..., 0] * 0.299 + rgb[..., 1] * 0.587 + rgb[..., 2] * 0.114


def derive_chip_photo(rgb: np.ndarray, face: tuple[int, int, int, int], width: int = CHIP_WIDTH,
                      ratio: int = CHIP_RATIO) -> bytes:
    """A chip-style photo from a colour picture: crop around ``face`` (left, top, right, bottom) as a
    portrait (face about half the width), downscale, grey, JPEG 2000."""
    from PIL import Image

    left, top, right, bottom = face
    size = max(right - left, bottom - top)
    cx, cy = (left + right) / 2, (top + bottom) / 2
    half_w, half_h = size, size * 1.25
    box = (int(cx - half_w), int(cy - half_h * 0.9), int(cx + half_w), int(cy + half_h * 1.1))
    image = Image.fromarray(rgb).crop(box).convert("L")
    image = image.resize((width, round(width * 1.25)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="JPEG2000", quality_mode="rates", quality_layers=[ratio], irreversible=True)
    return out.getvalue()
