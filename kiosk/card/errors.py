"""Status words become named errors here, and only here.

The session raises :class:`ApduError` for any status word other than 9000; :func:`to_card_error` turns it
into the core's named errors (:mod:`kiosk.core.errors`), knowing which step of the protocol it came from.
"""
from __future__ import annotations

import enum

from kiosk.card.apdu import SW
from kiosk.core.errors import (
    AssistPinDiffers,
    CardError,
    NotMyNumberCard,
    PinBlocked,
    SecurityStatusNotSatisfied,
    TaskTimeout,
    UnexpectedResponse,
    WrongPin,
)


class Step(str, enum.Enum):
    """What a command was for: the same status word means different things at different steps."""

    SELECT_JPKI = "select_jpki"
    SELECT_AP = "select_ap"
    SELECT_EF = "select_ef"
    READ = "read"
    PIN_STATUS = "pin_status"
    VERIFY_PIN = "verify_pin"
    VERIFY_ASSIST_PIN = "verify_assist_pin"
    VERIFY_CODE_B = "verify_code_b"
    SIGN = "sign"


class ApduError(Exception):
    def __init__(self, sw: int, step: Step, data: bytes = b"") -> None:
        super().__init__(f"{step.value}: SW {sw:04X}")
        self.sw = sw
        self.step = step
        self.data = data


class CardTimeout(CardError, TaskTimeout):
    """The card or the reader did not answer within the command's time limit."""

    code = "card_timeout"


class AssistPinAtRisk(AssistPinDiffers):
    """The 入力補助AP PIN has one try or none left, or gives no count: the kiosk will not risk locking it."""

    code = "assist_pin_at_risk"

    def __init__(self, tries_left: int | None) -> None:
        left = "no count of its" if tries_left is None else str(tries_left)
        super().__init__(f"入力補助AP PIN has {left} tries left; not trying it")
        self.tries_left = tries_left


class CodeBRejected(CardError):
    """The card refused 照合番号B: misread from the card face or mistyped."""

    code = "code_b_rejected"

    def __init__(self, tries_left: int | None) -> None:
        super().__init__(f"照合番号B rejected, {tries_left if tries_left is not None else 'unknown'} tries left")
        self.tries_left = tries_left


class CodeBBlocked(CodeBRejected):
    """照合番号B has no try left: the card no longer opens with it, so nothing is sent."""

    code = "code_b_blocked"

    def __init__(self) -> None:
        super().__init__(0)


class RecordNotFound(UnexpectedResponse):
    """A file does not hold the record it should within its first bytes."""

    code = "card_record_not_found"


class BadLength(UnexpectedResponse):
    """A length the card gave cannot be: a file header claiming more than READ BINARY can reach, an answer
    longer than was asked for, a file that ends before its header said."""

    code = "card_bad_length"


class BadCertificate(UnexpectedResponse):
    """The user-authentication certificate does not parse, or its public key is damaged or not RSA."""

    code = "card_bad_certificate"


class ResponseLoop(UnexpectedResponse):
    """The card keeps asking for one more command to finish an answer (61xx GET RESPONSE, 6Cxx re-send)."""

    code = "card_response_loop"


class ForbiddenFile(RuntimeError):
    """A programming error: a command the firewall refused (the individual number's files, or anything
    outside what the kiosk sends). Never caught."""


def to_card_error(error: ApduError) -> CardError:
    sw, step = error.sw, error.step
    if step is Step.SELECT_JPKI and sw in (SW.FILE_NOT_FOUND, SW.INCORRECT_P1P2, SW.WRONG_DATA):
        return NotMyNumberCard(f"JPKI AP not found (SW {sw:04X})")
    if step in (Step.VERIFY_PIN, Step.VERIFY_ASSIST_PIN, Step.VERIFY_CODE_B, Step.PIN_STATUS):
        blocked, refused = SW.is_blocked(sw), SW.is_verify_fail(sw) or sw == SW.NO_COUNTER
        if step is Step.VERIFY_CODE_B:
            if blocked:
                return CodeBBlocked()
            return CodeBRejected(sw & 0x0F if SW.is_verify_fail(sw) else None)
        if step is Step.VERIFY_ASSIST_PIN and (blocked or refused):
            return AssistPinDiffers(f"入力補助AP PIN refused (SW {sw:04X})")
        if blocked:
            return PinBlocked(f"PIN blocked (SW {sw:04X})")
        if sw == SW.NO_COUNTER:
            # A wrong PIN on a key that gives no count: as far as the kiosk knows, the next try is the last.
            return WrongPin(1, "wrong PIN, no count of tries left (6300): taken as the last")
        if SW.is_verify_fail(sw):
            return WrongPin(sw & 0x0F)
    if sw == SW.SECURITY_STATUS_NOT_SATISFIED:
        return SecurityStatusNotSatisfied(f"{step.value}: SW 6982")
    return UnexpectedResponse(str(error))
