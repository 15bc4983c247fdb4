"""Images from the card and the camera are decoded only when their header claims a sane size."""
from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from kiosk.face.errors import ImageUnreadable
from kiosk.face.images import MAX_PIXELS, decode_image


def _png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width``×``height`` with almost no data behind it."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


def test_a_header_claiming_a_huge_image_is_refused_before_decoding():
    with pytest.raises(ImageUnreadable, match="claims 5000×5000"):
        decode_image(_png_claiming(5_000, 5_000))  # 25 MP: Pillow would decode it, 75 MB for nothing
    with pytest.raises(ImageUnreadable):
        decode_image(_png_claiming(60_000, 60_000))  # Pillow's own bomb error, named the same way


def test_a_chip_sized_photo_still_decodes():
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), (120, 90, 60)).save(buffer, "PNG")
    assert decode_image(buffer.getvalue()).shape == (400, 300, 3)
    assert 300 * 400 < MAX_PIXELS
