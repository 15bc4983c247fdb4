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
    """The 入力補助AP PIN has one try or none left: the kiosk will not risk locking it."""

    code = "assist_pin_at_risk"

    def __init__(self, tries_left: int) -> None:
        super().__init__(f"入力補助AP PIN has {tries_left} tries left; not trying it")
        self.tries_left = tries_left


class CodeBRejected(CardError):
    """The card refused 照合番号B: misread from the card face or mistyped."""

    code = "code_b_rejected"

    def __init__(self, tries_left: int | None) -> None:
        super().__init__(f"照合番号B rejected, {tries_left if tries_left is not None else 'unknown'} tries left")
        self.tries_left = tries_left


class ForbiddenFile(RuntimeError):
    """A programming error: code asked for the individual number's files. Never caught."""


def to_card_error(error: ApduError) -> CardError:
    sw, step = error.sw, error.step
    if step is Step.SELECT_JPKI and sw in (SW.FILE_NOT_FOUND, SW.INCORRECT_P1P2, SW.WRONG_DATA):
        return NotMyNumberCard(f"JPKI AP not found (SW {sw:04X})")
    if step in (Step.VERIFY_PIN, Step.VERIFY_ASSIST_PIN, Step.VERIFY_CODE_B, Step.PIN_STATUS):
        blocked = sw in (SW.AUTH_METHOD_BLOCKED, SW.REFERENCE_DATA_UNUSABLE) or sw == 0x63C0
        if step is Step.VERIFY_CODE_B:
            return CodeBRejected(0 if blocked else (sw & 0x0F if SW.is_verify_fail(sw) else None))
        if step is Step.VERIFY_ASSIST_PIN and (blocked or SW.is_verify_fail(sw)):
            return AssistPinDiffers(f"入力補助AP PIN refused (SW {sw:04X})")
        if blocked:
            return PinBlocked(f"PIN blocked (SW {sw:04X})")
        if SW.is_verify_fail(sw):
            return WrongPin(sw & 0x0F)
    if sw == SW.SECURITY_STATUS_NOT_SATISFIED:
        return SecurityStatusNotSatisfied(f"{step.value}: SW 6982")
    return UnexpectedResponse(str(error))
