"""Everything that can happen to a reception: from the devices, the patient, staff and the clock.

Four kinds, told apart by their base class:

- device events (:class:`DeviceEvent`): the reader monitor's and the terminal probe's reports, arriving on
  the flow's thread;
- patient events (:class:`PatientEvent`): a tap; ``action`` is the name the View lists when it is allowed;
- staff events (:class:`StaffEvent`): authenticated before they reach the flow; ``action`` is a
  :class:`~kiosk.core.states.StaffAction`; work that answers later (a chip photo, a check) calls ``reply``;
- answers (:class:`Answer`): made by the flow itself from its own device work, and :class:`Timeout`.
  ``ReceptionFlow.dispatch`` refuses them from outside: only the work that a state started may answer it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from kiosk.core.domain import CardFacts, CardSummary
from kiosk.core.fallback import Billing, Declaration
from kiosk.core.qualification import QualificationResult
from kiosk.core.result_checks import ResultFindings
from kiosk.core.states import StaffAction
from kiosk.core.values import FaceAttempt, InsuranceCardQuery

# A staff command's late answer: (data for the console, "") or (None, refusal code).
Reply = Callable[[Any, str], None]


class Event:
    """Base of every event; its class name (``kind``) is what transcripts, logs and the graph show."""

    @property
    def kind(self) -> str:
        return type(self).__name__


# --- devices ------------------------------------------------------------------------------------


class DeviceEvent(Event):
    pass


@dataclass(frozen=True)
class CardInserted(DeviceEvent):
    pass


@dataclass(frozen=True)
class CardRemovedEvent(DeviceEvent):
    pass


@dataclass(frozen=True)
class ReaderLost(DeviceEvent):
    pass


@dataclass(frozen=True)
class ReaderRestored(DeviceEvent):
    pass


@dataclass(frozen=True)
class TerminalLost(DeviceEvent):
    """The terminal's health probe (:mod:`kiosk.qualification.health`) found the 資格確認端末 down: a patient
    who places a card from now on is led to the fallbacks at once instead of waiting for a check."""

    reason: str = ""  # folder_missing, folder_not_writable, share_not_answering, unanswered


@dataclass(frozen=True)
class TerminalRestored(DeviceEvent):
    pass


@dataclass(frozen=True)
class VoiceStatus(DeviceEvent):
    """The voice's own word on itself (kiosk.core.voice): "" while it speaks, else why it cannot
    (voice_no_engine, voice_no_audio_device, voice_engine_failed). The kiosk goes on silently; staff are told."""

    problem: str = ""


@dataclass(frozen=True)
class BackupStatus(DeviceEvent):
    """The store's backups after each one (kiosk.store.backup): "" when there is a good copy on another
    disk, else backup_same_disk or backup_failed. Receptions go on; staff are told."""

    problem: str = ""


@dataclass(frozen=True)
class KioskRestarted(DeviceEvent):
    """The watchdog (kiosk/watchdog.py) started this kiosk again: ``stall`` (its screen stopped answering)
    or ``crash``; "" once staff have had time to see it. What the old kiosk left unfinished is listed as
    interrupted by the store."""

    reason: str = ""


# --- the patient --------------------------------------------------------------------------------


class PatientEvent(Event):
    action: ClassVar[str]


@dataclass(frozen=True)
class Touch(PatientEvent):
    """Any touch (and 「続ける」 on the "still there?" warning): resets the inactivity timer."""

    action: ClassVar[str] = "touch"


@dataclass(frozen=True)
class SetPace(PatientEvent):
    """「ゆっくり操作」 on or off: every timeout doubled and the countdown shown only at the very end, for the
    rest of this visit (at idle: for the coming one). The next visit starts at the site's default."""

    unhurried: bool
    action: ClassVar[str] = "pace"


@dataclass(frozen=True)
class ChooseFace(PatientEvent):
    action: ClassVar[str] = "face"


@dataclass(frozen=True)
class ChoosePin(PatientEvent):
    action: ClassVar[str] = "pin"


@dataclass(frozen=True)
class FaceChildMode(PatientEvent):
    """「お子さまの受付」: a parent holds a small child to the camera; an adult's face beside the child's
    is expected, not a reason to stop (T14)."""

    on: bool
    action: ClassVar[str] = "child_mode"


@dataclass(frozen=True)
class SubmitPin(PatientEvent):
    pin: str
    action: ClassVar[str] = "submit_pin"

    def __repr__(self) -> str:  # never let a PIN reach a log through repr()
        return "SubmitPin(pin=****)"


@dataclass(frozen=True)
class Proceed(PatientEvent):
    """「次へ」 on a notice screen (certificate expiring)."""

    action: ClassVar[str] = "continue"


@dataclass(frozen=True)
class AnswerConsent(PatientEvent):
    medical: bool
    drugs: bool
    checkups: bool
    action: ClassVar[str] = "consent"


@dataclass(frozen=True)
class AskLimitConsent(PatientEvent):
    """「高額療養費制度を利用する方はこちら」."""

    action: ClassVar[str] = "limit"


@dataclass(frozen=True)
class AnswerLimitConsent(PatientEvent):
    provide: bool
    action: ClassVar[str] = "limit_answer"


@dataclass(frozen=True)
class StartDeclaration(PatientEvent):
    """「申立書を記入する」 on a screen where the check failed."""

    action: ClassVar[str] = "declare"


@dataclass(frozen=True)
class SubmitDeclaration(PatientEvent):
    """The patient's 被保険者資格申立書 from the kiosk's form. The flow takes the card's facts and the date
    from the session and its clock, never from the screen."""

    declaration: Declaration
    action: ClassVar[str] = "submit_declaration"

    def __repr__(self) -> str:  # personal data: keep it out of logs
        return "SubmitDeclaration(declaration=…)"


@dataclass(frozen=True)
class StopWaiting(PatientEvent):
    """「待たずに進む」 on the check screen once the terminal is slow to answer: the check is given up and the
    patient goes on by the fallbacks (the 申立書, or staff with the last visit)."""

    action: ClassVar[str] = "stop_waiting"


@dataclass(frozen=True)
class CallStaff(PatientEvent):
    """「職員を呼ぶ」, on every screen."""

    action: ClassVar[str] = "call_staff"


@dataclass(frozen=True)
class ResumeFromStaff(PatientEvent):
    """「もどる」 on the waiting-for-staff screen: the call was a mistake."""

    action: ClassVar[str] = "back"


@dataclass(frozen=True)
class Cancel(PatientEvent):
    """「終了」 on the bar, 「キャンセル」 on the keypad."""

    action: ClassVar[str] = "cancel"


# --- staff (authenticated before it reaches the flow; ``staff`` is the account name) ------------


@dataclass(frozen=True)
class StaffEvent(Event):
    staff: str
    # Called on the flow's thread once the command's work is done (or refused after acceptance:
    # the state was left). Immediate commands are answered by dispatch's verdict alone.
    reply: Reply | None = field(default=None, compare=False, repr=False, kw_only=True)
    # The reception the request is about ("" from the kiosk's own panel): another one is refused by name.
    session_id: str = field(default="", kw_only=True)
    action: ClassVar[StaffAction]


@dataclass(frozen=True)
class StaffVisualOk(StaffEvent):
    """目視: staff compared the patient with the card photo and confirm the holder."""

    action: ClassVar[StaffAction] = StaffAction.VISUAL_OK


@dataclass(frozen=True)
class StaffVisualReject(StaffEvent):
    action: ClassVar[StaffAction] = StaffAction.VISUAL_REJECT


@dataclass(frozen=True)
class StaffChipPhoto(StaffEvent):
    """Read the chip's photo and facts; ``code_b`` typed by staff, or read from the card face by the camera."""

    code_b: str = ""
    action: ClassVar[StaffAction] = StaffAction.CHIP_PHOTO

    def __repr__(self) -> str:  # 照合番号B holds the birth date
        return f"StaffChipPhoto(staff={self.staff!r}, code_b={'typed' if self.code_b else 'camera'})"


@dataclass(frozen=True)
class StaffCameraStill(StaffEvent):
    action: ClassVar[StaffAction] = StaffAction.CAMERA_STILL


@dataclass(frozen=True)
class StaffInsuranceCheck(StaffEvent):
    """A check by 保険証 / 資格確認書 data typed by staff; staff saw the patient, so the method is 目視."""

    query: InsuranceCardQuery | None = None
    action: ClassVar[StaffAction] = StaffAction.INSURANCE_CHECK

    def __repr__(self) -> str:
        return f"StaffInsuranceCheck(staff={self.staff!r})"


@dataclass(frozen=True)
class StaffCompleteFallback(StaffEvent):
    """Finish on a fallback when the online check failed: ``choice`` is ``last_visit`` (the returning
    patient confirmed orally nothing changed) or ``declaration`` (a 申立書, staff's or the patient's own)."""

    choice: str = "declaration"
    declaration: Declaration | None = None
    action: ClassVar[StaffAction] = StaffAction.COMPLETE_FALLBACK

    def __repr__(self) -> str:
        return f"StaffCompleteFallback(staff={self.staff!r}, choice={self.choice!r})"


@dataclass(frozen=True)
class StaffChooseRecord(StaffEvent):
    index: int = 0
    action: ClassVar[StaffAction] = StaffAction.CHOOSE_RECORD


@dataclass(frozen=True)
class StaffCorrectName(StaffEvent):
    """T1: staff replace a name the insurer sent with ● by the clinic's own spelling; the saved record keeps it."""

    name: str = ""
    action: ClassVar[StaffAction] = StaffAction.CORRECT_NAME

    def __repr__(self) -> str:
        return f"StaffCorrectName(staff={self.staff!r})"


@dataclass(frozen=True)
class StaffRecords(StaffEvent):
    action: ClassVar[StaffAction] = StaffAction.RECORDS


@dataclass(frozen=True)
class StaffTakeover(StaffEvent):
    action: ClassVar[StaffAction] = StaffAction.TAKEOVER


@dataclass(frozen=True)
class StaffAcknowledge(StaffEvent):
    what: str = ""  # one of ACKNOWLEDGEABLE
    action: ClassVar[StaffAction] = StaffAction.ACKNOWLEDGE


@dataclass(frozen=True)
class StaffResume(StaffEvent):
    action: ClassVar[StaffAction] = StaffAction.RESUME


@dataclass(frozen=True)
class StaffEnd(StaffEvent):
    action: ClassVar[StaffAction] = StaffAction.END


@dataclass(frozen=True)
class StaffAnswerCall(StaffEvent):
    action: ClassVar[StaffAction] = StaffAction.ANSWER_CALL


# What staff can mark as looked at, and the trouble it counts under.
ACKNOWLEDGEABLE = {"burden_changed": "T7", "public_subsidy_seen": "T10", "notice_explained": "T11"}

STAFF_EVENTS: dict[StaffAction, type[StaffEvent]] = {
    cls.action: cls
    for cls in (StaffVisualOk, StaffVisualReject, StaffChipPhoto, StaffCameraStill, StaffInsuranceCheck,
                StaffCompleteFallback, StaffChooseRecord, StaffCorrectName, StaffRecords, StaffTakeover,
                StaffAcknowledge, StaffResume, StaffEnd, StaffAnswerCall)
}


# --- answers of the flow's own device work, and the clock ---------------------------------------


class Answer(Event):
    """Made by the flow from a task it started; never dispatched from outside."""


@dataclass(frozen=True)
class Failed(Answer):
    """A task ended in an error: ``code`` is the error's code (``timeout`` when its deadline passed)."""

    task: str
    code: str
    by_staff: bool = False

    @property
    def kind(self) -> str:
        return f"{self.task}_failed"


@dataclass(frozen=True)
class CardRead(Answer):
    summary: CardSummary


@dataclass(frozen=True)
class PinVerified(Answer):
    facts: CardFacts | None  # None when the 入力補助 PIN differs: the holder is proven, the facts unread
    assist_differs: bool = False

    def __repr__(self) -> str:
        return "PinVerified(facts=…)"


@dataclass(frozen=True)
class PinWrong(Answer):
    tries_left: int


@dataclass(frozen=True)
class PinBlocked(Answer):
    pass


@dataclass(frozen=True)
class HolderUnproven(Answer):
    """The card's signature over our challenge did not verify: staff must look."""


@dataclass(frozen=True)
class FaceReady(Answer):
    facts: CardFacts
    photo: bytes = field(repr=False)


@dataclass(frozen=True)
class FaceGuidance(Answer):
    codes: tuple[str, ...]


@dataclass(frozen=True)
class FaceAttempted(Answer):
    attempt: FaceAttempt


@dataclass(frozen=True)
class CheckAnswered(Answer):
    result: QualificationResult
    review: ResultFindings
    by_staff: bool = False

    def __repr__(self) -> str:
        return f"CheckAnswered(validity={int(self.result.validity)}, by_staff={self.by_staff})"


@dataclass(frozen=True)
class BillingDecided(Answer):
    billing: Billing
    declaration: Declaration | None = None
    by_staff: bool = False

    def __repr__(self) -> str:
        return f"BillingDecided(basis={self.billing.basis.value}, by_staff={self.by_staff})"


@dataclass(frozen=True)
class Timeout(Answer):
    """The state's inactivity timeout passed (the flow's own clock, on a Tick)."""


@dataclass(frozen=True)
class Tick(Event):
    """Sent about once a second by the driver; the flow reads the time from its clock."""
