"""The little BER-TLV the card needs: sizing a file from its header, and the FF20 records of EF 0002."""
from __future__ import annotations

from kiosk.card.errors import RecordNotFound
from kiosk.core.errors import UnexpectedResponse

# Some cards are reported to put bytes before the FF20 record of 入力補助AP 0002: it is looked for at
# the first this many offsets, no further (a record found deeper in would be a guess).
RECORD_SEARCH = 16


def header(data: bytes) -> tuple[int, int, int]:
    """(tag, header length, value length) of the TLV at the start of ``data``."""
    try:
        tag = data[0]
        i = 1
        if tag & 0x1F == 0x1F:  # multi-byte tag (FF 20, DF 22 ...)
            while True:
                tag = (tag << 8) | data[i]
                i += 1
                if not data[i - 1] & 0x80:
                    break
        first = data[i]
        i += 1
        if first < 0x80:
            return tag, i, first
        count = first & 0x7F
        if not 1 <= count <= 3:
            raise UnexpectedResponse(f"BER length of {count} bytes")
        length = int.from_bytes(data[i : i + count], "big")
        if len(data) < i + count:
            raise IndexError
        return tag, i + count, length
    except IndexError:
        raise UnexpectedResponse("truncated BER header") from None


def total_length(data: bytes) -> int:
    """Header plus value: how many bytes of the file hold the TLV (the rest is FF filler)."""
    _, head, length = header(data)
    return head + length


def children(value: bytes) -> dict[int, bytes]:
    """The TLVs inside a constructed value, by tag; stops at FF filler."""
    found: dict[int, bytes] = {}
    i = 0
    while i < len(value) and value[i] not in (0x00, 0xFF):
        tag, head, length = header(value[i:])
        if i + head + length > len(value):
            raise UnexpectedResponse(f"TLV {tag:X} overruns its record")
        found[tag] = value[i + head : i + head + length]
        i += head + length
    return found


def record_start(data: bytes, tag: int, within: int = RECORD_SEARCH) -> int:
    """Where the two-byte ``tag`` (FF 20) starts, at one of the first ``within`` offsets of ``data``."""
    marker = tag.to_bytes(2, "big")
    at = data.find(marker, 0, within + len(marker) - 1)
    if at < 0:
        raise RecordNotFound(f"no {tag:X} record in the first {within} bytes")
    return at


def record(data: bytes, tag: int) -> dict[int, bytes]:
    """The children of the constructed TLV ``tag`` at the start of ``data``."""
    found, head, length = header(data)
    if found != tag:
        raise UnexpectedResponse(f"expected tag {tag:X}, found {found:X}")
    if len(data) < head + length:
        raise UnexpectedResponse(f"record {tag:X} truncated: {len(data)} of {head + length} bytes")
    return children(data[head : head + length])
