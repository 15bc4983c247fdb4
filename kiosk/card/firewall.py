"""The last check before a command leaves for the card: only the commands the kiosk needs, on its files.

The session hands every command APDU to :meth:`Firewall.check` before it is sent (the session is the one
place that sends). What passes is an allow-list of exact command shapes: SELECT by AID of the three APs,
SELECT EF of a file in :data:`~kiosk.card.apdu.ALLOWED_FILES` of the AP the card has selected, READ BINARY
of the selected file, VERIFY and the tries-left query of the selected key, the JPKI signature and GET
RESPONSE. Anything else raises :class:`~kiosk.card.errors.ForbiddenFile` and nothing is sent. So the
individual number's files (:data:`~kiosk.card.apdu.FORBIDDEN_FILES`) cannot be reached by a SELECT, nor
without one: a READ BINARY or VERIFY naming a file by its short identifier (P1 / P2 with bit 8 set), a
SELECT by path or by FID from the MF, all are refused.

The firewall follows the card's current AP from the SELECTs it let through and their answers, not from
the session's own bookkeeping, so a bug above it cannot point a SELECT EF at the wrong AP.
"""
from __future__ import annotations

from kiosk.card import apdu
from kiosk.card.apdu import SW
from kiosk.card.errors import ForbiddenFile

_SELECT_AP = bytes([0x00, 0xA4, 0x04, 0x0C])
_SELECT_EF = bytes([0x00, 0xA4, 0x02, 0x0C])
_READ_BINARY = bytes([0x00, 0xB0])
_VERIFY = bytes([0x00, apdu.INS_VERIFY, 0x00, 0x80])  # P2 80: the key of the selected EF, no other
_SIGN = bytes([0x80, 0x2A, 0x00, 0x80])
_GET_RESPONSE = bytes([0x00, 0xC0, 0x00, 0x00])

_AP_LABELS = {apdu.JPKI_AP: "JPKI AP", apdu.ASSIST_AP: "入力補助AP", apdu.FACE_AP: "券面AP"}


class Firewall:
    def __init__(self) -> None:
        self._ap: bytes | None = None  # the AP the card has selected, as far as its answers tell

    def check(self, command: bytes) -> None:
        """Raise ForbiddenFile unless ``command`` is one the kiosk sends, on a file it may touch."""
        head = command[:4]
        if head == _SELECT_AP:
            if len(command) > 5 and len(command) == 5 + command[4] and command[5:] in _AP_LABELS:
                return
            raise ForbiddenFile(f"SELECT of an AP the kiosk does not use: {command[5:].hex().upper()}")
        if head == _SELECT_EF:
            if len(command) != 7 or command[4] != 2:
                raise ForbiddenFile(f"malformed SELECT EF {command.hex().upper()}")
            self._check_file(int.from_bytes(command[5:7], "big"))
            return
        if command[:2] == _READ_BINARY and len(command) == 5 and not command[2] & 0x80:
            return  # the selected file, which a SELECT EF above allowed
        if head == _VERIFY and (len(command) == 4 or (len(command) > 5 and len(command) == 5 + command[4])):
            return  # the selected key
        if head == _SIGN and len(command) > 6 and len(command) == 6 + command[4]:
            return
        if head == _GET_RESPONSE and len(command) == 5:
            return
        raise ForbiddenFile(f"not a command the kiosk sends: {command[:4].hex(' ').upper()}")

    def answered(self, command: bytes, sw: int) -> None:
        """Follow the card's current AP: a SELECT by AID that failed leaves it unknown, and no EF is selectable."""
        if command[:4] == _SELECT_AP:
            self._ap = command[5:] if sw == SW.OK else None

    def _check_file(self, fid: int) -> None:
        if (self._ap, fid) in apdu.ALLOWED_FILES:
            return
        where = "no AP" if self._ap is None else _AP_LABELS[self._ap]
        if (self._ap, fid) in apdu.FORBIDDEN_FILES:
            raise ForbiddenFile(f"EF {fid:04X} of the {where} holds or opens the individual number")
        raise ForbiddenFile(f"EF {fid:04X} of the {where} is not a file the kiosk reads")
