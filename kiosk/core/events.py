"""Everything that can happen to a reception: from the devices, the patient, staff and the clock.

Events from devices arrive on their own threads; the driver hands them to the flow on one thread.
"""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.domain import IdentityMethod
from kiosk.core.fallback import Billing, Declaration
from kiosk.core.qualification import QualificationRecord, QualificationResult


class Event:
    """Base of every event; its class name (``kind``) is what transcripts and logs show."""

    @property
    def kind(self) -> str:
        return type(self).__name__


# --- devices ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CardInserted(Event):
    pass


@dataclass(frozen=True)
class CardRemovedEvent(Event):
    pass


@dataclass(frozen=True)
class ReaderLost(Event):
    pass


@dataclass(frozen=True)
class ReaderRestored(Event):
    pass


@dataclass(frozen=True)
class FaceGuidance(Event):
    codes: tuple[str, ...]


# --- the patient --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Touch(Event):
    """Any touch: resets the inactivity timer and clears the warning."""


@dataclass(frozen=True)
class ChooseMethod(Event):
    method: IdentityMethod


@dataclass(frozen=True)
class FaceChildMode(Event):
    """「お子さまと一緒に」: a parent holds a small child to the camera; an adult's face beside the child's
    is expected, not a reason to stop (T14)."""

    on: bool


@dataclass(frozen=True)
class SubmitPin(Event):
    pin: str

    def __repr__(self) -> str:  # never let a PIN reach a log through repr()
        return "SubmitPin(pin=****)"


@dataclass(frozen=True)
class Proceed(Event):
    """「次へ」 on a notice screen (certificate expiring)."""


@dataclass(frozen=True)
class AnswerConsent(Event):
    medical: bool
    drugs: bool
    checkups: bool


@dataclass(frozen=True)
class AskLimitConsent(Event):
    """「高額療養費制度を利用する方はこちら」."""


@dataclass(frozen=True)
class AnswerLimitConsent(Event):
    provide: bool


@dataclass(frozen=True)
class StartDeclaration(Event):
    """「申立書を記入する」 on a screen where the check failed."""


@dataclass(frozen=True)
class SubmitDeclaration(Event):
    """The patient's 被保険者資格申立書 from the kiosk's form. The flow takes the card's facts and the date
    from the session and its clock, never from the screen."""

    declaration: Declaration

    def __repr__(self) -> str:  # personal data: keep it out of logs
        return "SubmitDeclaration(declaration=…)"


@dataclass(frozen=True)
class CallStaff(Event):
    """「職員を呼ぶ」, always on screen."""


@dataclass(frozen=True)
class ResumeFromStaff(Event):
    """「もどる」 on the waiting-for-staff screen: the call was a mistake."""


@dataclass(frozen=True)
class Cancel(Event):
    """「終了」 / 「やめる」: always possible."""


# --- staff (authenticated before it reaches the flow; ``staff`` is the account name) ------------


@dataclass(frozen=True)
class StaffEvent(Event):
    staff: str


@dataclass(frozen=True)
class StaffVisualCheck(StaffEvent):
    """目視: staff compared the patient with the card photo."""

    confirmed: bool


@dataclass(frozen=True)
class StaffChooseRecord(StaffEvent):
    index: int


@dataclass(frozen=True)
class StaffProvideResult(StaffEvent):
    """A result staff obtained another way (a check by insurance-card data)."""

    result: QualificationResult
    method: IdentityMethod | None = None


@dataclass(frozen=True)
class StaffCompleteWithBilling(StaffEvent):
    """Finish on a fallback: the billing data follows the MHLW order (current, old, 不詳)."""

    billing: QualificationRecord
    basis: str  # "last_visit", "old_qualification", "declaration", "insurance_card"
    # The whole decision (摘要 remarks, window ratio, re-check) and the 申立書 behind it; the flow saves
    # them with the reception in one transaction and queues the re-check. None: an older sender.
    detail: Billing | None = None
    declaration: Declaration | None = None

    def __repr__(self) -> str:
        return f"StaffCompleteWithBilling(staff={self.staff!r}, basis={self.basis!r})"


@dataclass(frozen=True)
class StaffCorrectName(StaffEvent):
    """T1: staff replace a name the insurer sent with ● by the clinic's own spelling; the saved record keeps it."""

    name: str


@dataclass(frozen=True)
class StaffResume(StaffEvent):
    pass


@dataclass(frozen=True)
class StaffEnd(StaffEvent):
    pass


# --- the clock ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tick(Event):
    """Sent about once a second by the driver; the flow reads the time from its clock."""
