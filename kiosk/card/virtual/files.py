"""The contents of the virtual card's files, laid out like a real card's (TLV then FF filler)."""
from __future__ import annotations

import functools
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kiosk.card.tlv import header as tlv_header
from kiosk.card.virtual.profiles import Profile

DEMO_PHOTO = Path(__file__).resolve().parents[3] / "assets" / "demo" / "patient_face.jpg"
_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
PHOTO_SIZE = (180, 225)  # about the chip photo's proportions; enough pixels for 1:1 face matching


def tlv(tag: int, value: bytes) -> bytes:
    tag_bytes = tag.to_bytes(2 if tag > 0xFF else 1, "big")
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    elif n <= 0xFF:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82]) + n.to_bytes(2, "big")
    return tag_bytes + length + value


def padded(content: bytes, size: int) -> bytes:
    """A file of ``size`` bytes: ``content`` then FF filler, as cards store variable data."""
    if len(content) > size:
        raise ValueError(f"{len(content)} bytes do not fit a file of {size}")
    return content + b"\xff" * (size - len(content))


def file_size_for(content: bytes) -> int:
    """Real files are allocated in round sizes larger than what they hold."""
    return (len(content) // 256 + 2) * 256


def claiming_length(der: bytes, claim: int, size: int = 0x8000) -> bytes:
    """A file of ``size`` bytes (32 KB: as far as READ BINARY's 15-bit offset reaches) holding the TLV ``der``
    under a header that claims ``claim`` bytes instead (3 length bytes: up to 0x7FFFFF)."""
    _tag, head, _length = tlv_header(der)
    return padded(der[:1] + b"\x83" + claim.to_bytes(3, "big") + der[head:], size)


@functools.lru_cache(maxsize=2)
def face_photo(source: Path = DEMO_PHOTO) -> bytes:
    """The holder's photo as the chip stores it: small, grey, JPEG 2000."""
    with Image.open(source) as image:
        grey = image.convert("L")
        grey.thumbnail(PHOTO_SIZE)
        out = io.BytesIO()
        grey.save(out, format="JPEG2000", quality_mode="rates", quality_layers=[10])
    return out.getvalue()


def text_image(text: str, width: int = 360) -> bytes:
    """A PNG of printed text, like the card's name and address images."""
    font = ImageFont.truetype(str(_FONT), 18) if _FONT.exists() else ImageFont.load_default()
    image = Image.new("1", (width, 28), 1)
    ImageDraw.Draw(image).text((2, 2), text, font=font, fill=0)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _with_offsets(fields: list[tuple[int, bytes]]) -> bytes:
    """FF20 record: DF21 holds each following field's offset (2 bytes each), then the fields."""
    header_len = len(tlv(0xDF21, bytes(2 * len(fields))))
    body, offsets = b"", b""
    for tag, value in fields:
        offsets += (header_len + len(body)).to_bytes(2, "big")
        body += tlv(tag, value)
    return tlv(0xFF20, tlv(0xDF21, offsets) + body)


def token_info() -> bytes:
    return b"JPKIAPICCTOKEN2".ljust(32, b" ") + bytes(range(32))


def assist_facts(profile: Profile) -> bytes:
    return _with_offsets(
        [
            (0xDF22, profile.holder_name.encode("utf-8")),
            (0xDF23, profile.address.encode("utf-8")),
            (0xDF24, profile.birth_date.strftime("%Y%m%d").encode("ascii")),
            (0xDF25, profile.sex.value.encode("ascii")),
        ]
    )


def number_image(profile: Profile, public_key_der: bytes, signature: bytes) -> bytes:
    """券面AP 0005: the individual number as printed (FF40: DF41 image, DF42 public key, DF43 signature)."""
    return tlv(0xFF40, tlv(0xDF41, text_image(profile.individual_number, width=160))
               + tlv(0xDF42, public_key_der) + tlv(0xDF43, signature))


def card_face(profile: Profile, public_key_der: bytes, signature: bytes) -> bytes:
    return _with_offsets(
        [
            (0xDF22, profile.birth_date.strftime("%Y%m%d").encode("ascii")),
            (0xDF23, profile.sex.value.encode("ascii")),
            (0xDF24, public_key_der),
            (0xDF25, text_image(profile.holder_name)),
            (0xDF26, text_image(profile.address)),
            (0xDF27, face_photo()),
            (0xDF28, signature),
            (0xDF29, profile.card_expiry.strftime("%Y%m%d").encode("ascii")),
            (0xDF2A, text_image(profile.security_code, width=80)),
        ]
    )
