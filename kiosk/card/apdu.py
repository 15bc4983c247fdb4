"""Command APDUs of the My Number card, its application and file identifiers, and status words.

Short APDUs only: extended length support varies between readers (see docs/card.md).
"""
from __future__ import annotations

import enum

JPKI_AP = bytes.fromhex("D392F000260100000001")
ASSIST_AP = bytes.fromhex("D3921000310001010408")  # 券面事項入力補助AP
FACE_AP = bytes.fromhex("D3921000310001010402")  # 券面事項確認AP

AP_NAMES = {JPKI_AP: "jpki", ASSIST_AP: "assist", FACE_AP: "face"}

# JPKI AP
EF_TOKEN_INFO = 0x0006
EF_AUTH_CERT = 0x000A
EF_AUTH_CA_CERT = 0x000B
EF_AUTH_KEY = 0x0017
EF_AUTH_PIN = 0x0018
EF_SIGN_CERT = 0x0001
EF_SIGN_CA_CERT = 0x0002
EF_SIGN_KEY = 0x001A
EF_SIGN_PIN = 0x001B
TOKEN_LABEL = "JPKIAPICCTOKEN2"
TOKEN_INFO_LENGTH = 32

# 入力補助AP
EF_ASSIST_NUMBER = 0x0001  # the 12-digit individual number
EF_ASSIST_FACTS = 0x0002
EF_ASSIST_DIGESTS = 0x0003  # SHA-256 of the AP's files, the number's among them: 10^11 guesses undo it
EF_ASSIST_PIN = 0x0011
EF_ASSIST_CODE_A = 0x0014  # 照合番号A, i.e. the number itself
EF_ASSIST_CODE_B = 0x0015

# 券面AP
EF_FACE_DATA = 0x0002
EF_FACE_NUMBER_IMAGE = 0x0005  # the number as printed on the card, an image (opened by 照合番号A)
EF_FACE_CODE_B = 0x0012
EF_FACE_CODE_A = 0x0013  # 照合番号A again

# What holds or opens the individual number (番号法 §20). kiosk.card.firewall lets no command reach them.
FORBIDDEN_FILES = frozenset({
    (ASSIST_AP, EF_ASSIST_NUMBER), (ASSIST_AP, EF_ASSIST_DIGESTS), (ASSIST_AP, EF_ASSIST_CODE_A),
    (FACE_AP, EF_FACE_NUMBER_IMAGE), (FACE_AP, EF_FACE_CODE_A),
})

# Every file the kiosk selects, and the only ones the firewall lets a SELECT reach: a file the kiosk
# does not know can never be one it reads by mistake.
ALLOWED_FILES = frozenset({
    (JPKI_AP, EF_TOKEN_INFO), (JPKI_AP, EF_AUTH_CERT), (JPKI_AP, EF_AUTH_KEY), (JPKI_AP, EF_AUTH_PIN),
    (ASSIST_AP, EF_ASSIST_FACTS), (ASSIST_AP, EF_ASSIST_PIN), (ASSIST_AP, EF_ASSIST_CODE_B),
    (FACE_AP, EF_FACE_DATA), (FACE_AP, EF_FACE_CODE_B),
})

SHA256_DIGEST_INFO_PREFIX = bytes.fromhex("3031300D060960864801650304020105000420")

MAX_SHORT_LE = 256
MAX_OFFSET = 0x7FFF  # READ BINARY's offset is 15 bits (P1 bit 8 set would name a short EF instead)
MAX_FILE_SIZE = MAX_OFFSET + 1  # the most of a file the kiosk reads: every byte's offset fits READ BINARY
INS_VERIFY = 0x20


class SW(enum.IntEnum):
    OK = 0x9000
    NO_COUNTER = 0x6300  # to VERIFY: the key keeps no retry counter (JICSAP), so no count is given
    END_OF_FILE_WARNING = 0x6282
    WRONG_LENGTH = 0x6700
    FILE_INCOMPATIBLE = 0x6981
    SECURITY_STATUS_NOT_SATISFIED = 0x6982
    AUTH_METHOD_BLOCKED = 0x6983
    REFERENCE_DATA_UNUSABLE = 0x6984
    CONDITIONS_NOT_SATISFIED = 0x6985
    NO_CURRENT_EF = 0x6986
    WRONG_DATA = 0x6A80
    FILE_NOT_FOUND = 0x6A82
    INCORRECT_P1P2 = 0x6A86
    WRONG_OFFSET = 0x6B00
    INS_NOT_SUPPORTED = 0x6D00
    CLA_NOT_SUPPORTED = 0x6E00

    @staticmethod
    def is_verify_fail(sw: int) -> bool:
        """``63Cx``: a wrong PIN (or the tries-left answer), x tries left."""
        return sw & 0xFFF0 == 0x63C0

    @staticmethod
    def is_blocked(sw: int) -> bool:
        """The key is blocked: ``6983``/``6984``, or ``63C0`` (the try that locked it, or no try left)."""
        return sw in (SW.AUTH_METHOD_BLOCKED, SW.REFERENCE_DATA_UNUSABLE, 0x63C0)

    @staticmethod
    def has_more(sw: int) -> bool:
        """``61xx``: xx more response bytes wait for a GET RESPONSE (00 means 256)."""
        return sw & 0xFF00 == 0x6100

    @staticmethod
    def is_wrong_le(sw: int) -> bool:
        """``6Cxx``: wrong Le, xx bytes are available."""
        return sw & 0xFF00 == 0x6C00


def select_ap(aid: bytes) -> bytes:
    return bytes([0x00, 0xA4, 0x04, 0x0C, len(aid)]) + aid


def select_ef(fid: int) -> bytes:
    return bytes([0x00, 0xA4, 0x02, 0x0C, 0x02, fid >> 8, fid & 0xFF])


def read_binary(offset: int, length: int) -> bytes:
    if not 0 <= offset <= MAX_OFFSET or not 1 <= length <= MAX_SHORT_LE:
        raise ValueError(f"READ BINARY out of range: offset {offset}, length {length}")
    return bytes([0x00, 0xB0, offset >> 8, offset & 0xFF, length & 0xFF])


def verify(secret: bytes) -> bytes:
    if not secret:
        # An empty VERIFY is the tries-left query: never send it by accident.
        raise ValueError("empty VERIFY data; use verify_status()")
    return bytes([0x00, INS_VERIFY, 0x00, 0x80, len(secret)]) + secret


def verify_status() -> bytes:
    """Tries left (63Cx) or already verified (9000), spending no try."""
    return bytes([0x00, INS_VERIFY, 0x00, 0x80])


def sign(digest_info: bytes) -> bytes:
    return bytes([0x80, 0x2A, 0x00, 0x80, len(digest_info)]) + digest_info + b"\x00"


def get_response(length: int) -> bytes:
    return bytes([0x00, 0xC0, 0x00, 0x00, length & 0xFF])


def describe(apdu: bytes) -> str:
    """Hex for the TRACE log, with VERIFY data masked: a PIN or 照合番号B never reaches a log."""
    if len(apdu) > 5 and apdu[1] == INS_VERIFY:
        return f"{apdu[:5].hex(' ').upper()} <{len(apdu) - 5} bytes masked>"
    return apdu.hex(" ").upper()
