"""One small error hierarchy for the whole kiosk.

Every error carries a ``code``: a stable name used in logs, transcripts and the staff console. What a
patient reads or hears is decided per screen from the state the flow is in, never from an error
(one problem reads differently on the PIN screen and on the face screen). ``str(error)`` is log detail
for staff and IT and is never shown to a patient: it may name a reader or a file, but never holds a
PIN, a face or the individual number.
"""
from __future__ import annotations


class KioskError(Exception):
    code = "error"

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.code)


class Cancelled(KioskError):
    code = "cancelled"


class TaskTimeout(KioskError):
    code = "timeout"


# --- the card -----------------------------------------------------------------------------------


class CardError(KioskError):
    code = "card_error"


class NotMyNumberCard(CardError):
    code = "not_my_number_card"


class CardRemoved(CardError):
    code = "card_removed"


class ReaderGone(CardError):
    code = "reader_gone"


class WrongPin(CardError):
    code = "wrong_pin"

    def __init__(self, tries_left: int, detail: str = "") -> None:
        super().__init__(detail or f"wrong PIN, {tries_left} tries left")
        self.tries_left = tries_left


class PinBlocked(CardError):
    code = "pin_blocked"


class SecurityStatusNotSatisfied(CardError):
    code = "security_status_not_satisfied"


class UnexpectedResponse(CardError):
    code = "unexpected_response"


class HolderProofFailed(CardError):
    """The card's signature over our challenge did not verify against its certificate."""

    code = "holder_proof_failed"


class AssistPinDiffers(CardError):
    """The 入力補助AP PIN is not the same digits as the JPKI user PIN."""

    code = "assist_pin_differs"


class CodeBUnavailable(CardError):
    """照合番号B could not be read from the card face with confidence; staff must type it."""

    code = "code_b_unavailable"


class CodeBTriesLow(CodeBUnavailable):
    """照合番号B has too few tries left (or gives no count) to risk the camera's reading on it: a misread
    would bring the card near its lock, so nothing is sent and staff type the code from the card."""

    code = "code_b_tries_low"

    def __init__(self, tries_left: int | None) -> None:
        left = "no count of its" if tries_left is None else str(tries_left)
        super().__init__(f"照合番号B has {left} tries left; the camera's reading is not tried")
        self.tries_left = tries_left


# --- camera and face ----------------------------------------------------------------------------


class FaceError(KioskError):
    code = "face_error"


class CameraUnavailable(FaceError):
    code = "camera_unavailable"


# --- qualification check ------------------------------------------------------------------------


class QualificationError(KioskError):
    code = "qualification_error"


class TerminalUnavailable(QualificationError):
    code = "terminal_unavailable"


class MalformedResult(QualificationError):
    code = "malformed_result"


# --- store --------------------------------------------------------------------------------------


class StoreError(KioskError):
    code = "store_error"
