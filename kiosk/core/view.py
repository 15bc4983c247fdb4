"""What the flow tells the world: the View every screen and console renders, the verdict on an event,
how a reception ended, and the immutable facts staff may read about the patient at the kiosk.

Contracts only: the flow (:mod:`kiosk.core.flow`) makes them, every surface reads them, nobody mutates them.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from kiosk.core.domain import CardFacts, IdentityMethod
from kiosk.core.fallback import Declaration
from kiosk.core.qualification import QualificationRecord
from kiosk.core.states import SPECS, StaffAction, State, Step


class Outcome(str, enum.Enum):
    COMPLETED = "completed"
    COMPLETED_BY_STAFF = "completed_by_staff"  # 目視, or staff chose among several records
    FALLBACK = "fallback"  # billed from the last visit, the old qualification or a 申立書
    CANCELLED = "cancelled"
    ABANDONED = "abandoned"  # timed out
    CARD_REMOVED = "card_removed"
    NOT_MY_NUMBER = "not_my_number"
    UNREADABLE = "unreadable"
    READER_FAULT = "reader_fault"
    NOT_CONFIRMED = "not_confirmed"  # staff could not confirm the person


@dataclass(frozen=True)
class Verdict:
    """The flow's answer to one event: accepted, or refused with a stable reason code."""

    accepted: bool
    reason: str = ""  # not_allowed_now, card_busy, bad_pin, session_ended, …

    def __bool__(self) -> bool:
        return self.accepted


ACCEPTED = Verdict(True)


@dataclass(frozen=True)
class StaffCall:
    """「職員を呼ぶ」 where there is no reception to hand over (idle, done, a card that is no use)."""

    state: State  # the screen it was pressed on
    session_id: str = ""


@dataclass(frozen=True)
class View:
    """What the screens render: the state, what may be done now, and the few facts a patient (or staff) needs."""

    state: State
    step: Step
    entry: int = 0  # counts state entries: a new number is a new screen, even for the same state
    visit: int = 0  # counts the kiosk getting ready for the next patient (the language goes back to Japanese)
    warning: bool = False  # "still there?": the timeout is near
    seconds_left: int | None = None  # the countdown while ``warning``
    card_present: bool = False
    actions: frozenset[str] = frozenset()  # patient actions allowed now (events' ``action`` names)
    staff_actions: frozenset[StaffAction] = frozenset()  # staff actions allowed now
    working: tuple[str, ...] = ()  # device work under way in this state (verify_pin, check, …)
    call: StaffCall | None = None  # a call for staff waiting to be answered, outside a reception
    unhurried: bool = False  # ゆっくり操作 for this visit: timeouts doubled, the countdown only in its last 30 s
    # Asking for the card back (done, ended, card left) while it is in: 0 asked on entry by voice and chime,
    # 1 escalated (louder, repeated, the console alerted); None: nothing to ask.
    card_reminder: int | None = None
    slow: bool = False  # the work of this state has taken longer than its ``slow_after``: say so, offer a way on
    terminal_down: bool = False  # the terminal's health probe says it is down: a card placed now goes to fallbacks
    voice_problem: str = ""  # why the voice cannot speak (kiosk.core.voice's codes); "" while it speaks
    backup_problem: str = ""  # backup_same_disk or backup_failed (kiosk.store.backup); "" while sound
    restarted: str = ""  # the watchdog restarted the kiosk lately: stall or crash (kiosk/watchdog.py)
    session_id: str = ""
    patient_name: str = ""
    pin_tries_left: int | None = None
    pin_failures: int = 0
    face_failures: int = 0
    max_face_attempts: int = 0
    guidance: tuple[str, ...] = ()
    child_mode: bool = False
    certificate_expiry: datetime | None = None
    certificate: str = ""  # "expired", "expiring" (within about 3 months) or "" (fine, or not read yet)
    problem: str = ""
    staff_reason: str = ""  # why WAITING_STAFF: patient_call, holder_proof_failed, declaration_incomplete
    called_from: State | None = None  # the screen the patient was on when staff were called
    staff_present: str = ""  # the last member of staff who acted on this reception
    taken_by: str = ""  # the member of staff who said 「対応中」
    acks: tuple[str, ...] = ()  # what staff marked as looked at (burden_changed, public_subsidy_seen, …)
    staff_flags: tuple[str, ...] = ()
    troubles: tuple[str, ...] = ()
    validity: int | None = None
    records: tuple[QualificationRecord, ...] = ()
    limit_answer: bool | None = None
    outcome: str = ""
    card_facts: CardFacts | None = None  # the card's facts, prefilled on the 申立書 form only
    name_kana: str = ""  # the kana name the terminal sent, for the 申立書; empty: staff complete it

    @property
    def last_pin_try(self) -> bool:
        return self.pin_tries_left == 1

    @property
    def in_session(self) -> bool:
        """A patient's reception is under way here (staff may act on it)."""
        return bool(self.session_id) and SPECS[self.state].in_session


@dataclass(frozen=True)
class SessionSnapshot:
    """What staff may know of the reception now at the kiosk, frozen at one moment on the flow's thread."""

    session_id: str
    state: State
    facts: CardFacts | None = None
    method: IdentityMethod | None = None
    records: tuple[QualificationRecord, ...] = ()
    old_qualification: QualificationRecord | None = None
    declaration: Declaration | None = None  # the patient's own 申立書 from the kiosk's form


@dataclass(frozen=True)
class ChipPhoto:
    facts: CardFacts
    photo: bytes  # JPEG 2000, memory only: sent to the console and forgotten

    def __repr__(self) -> str:
        return "ChipPhoto(…)"


@dataclass(frozen=True)
class SessionRecords:
    """Everything staff need for a fallback or a ● correction."""

    snapshot: SessionSnapshot
    last_visit: QualificationRecord | None = None


@dataclass(frozen=True)
class CheckReply:
    """A staff check by insurance-card data: what the terminal said and where the reception went."""

    validity: int
    state: State


@dataclass(frozen=True)
class FallbackReply:
    basis: str
    window_burden_percent: int
    remarks: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
