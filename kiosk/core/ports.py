"""The interfaces through which the reception flow meets hardware, the terminal and the store.

Adapters (``kiosk.card``, ``kiosk.face``, ``kiosk.qualification``, ``kiosk.store``) implement these;
the core never imports them. Every blocking method takes a :class:`CancelToken` and must return or
raise within its own timeout; the flow runs them off the UI thread through a :class:`TaskRunner`.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Callable, Protocol, TypeVar

from kiosk.core.domain import CardFacts, CardSummary, CertificateInfo, Consent, IdentityMethod, Trouble
from kiosk.core.errors import Cancelled
from kiosk.core.qualification import QualificationRecord, QualificationResult

if TYPE_CHECKING:  # kiosk.core.fallback imports this module
    from kiosk.core.fallback import Declaration, RecheckItem

T = TypeVar("T")


class CancelToken:
    """Set by the flow when the patient cancels, the card is pulled or the session ends."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when cancelled meanwhile."""
        return self._event.wait(seconds)


# --- the card -----------------------------------------------------------------------------------


class CardEvents(Protocol):
    """What the reader monitor reports, from its own thread."""

    def card_inserted(self) -> None: ...
    def card_removed(self) -> None: ...
    def reader_lost(self) -> None: ...
    def reader_restored(self) -> None: ...


class CardReader(Protocol):
    def start_monitoring(self, events: CardEvents) -> None: ...
    def stop_monitoring(self) -> None: ...

    def read_summary(self, cancel: CancelToken) -> CardSummary:
        """Card kind, user-authentication certificate and PIN tries left, spending no try."""

    def authenticate_with_pin(self, pin: str, cancel: CancelToken) -> CardFacts:
        """VERIFY the user PIN, prove the holder by a signature over a fresh challenge, read the 4 facts.

        Raises WrongPin(tries_left), PinBlocked, HolderProofFailed, AssistPinDiffers.
        """

    def read_with_code_b(self, code_b: str, cancel: CancelToken) -> tuple[CardFacts, bytes]:
        """The 4 facts and the chip's face photo (JPEG 2000), opened with 照合番号B."""

    def release(self) -> None:
        """Forget this card's session: the next card starts from nothing."""


class CardFaceReader(Protocol):
    """Reads 照合番号B from a camera still of the printed card face."""

    def read_code_b(self, cancel: CancelToken) -> str: ...


# --- the face -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FaceAttempt:
    matched: bool
    live: bool = True
    distance: float | None = None
    guidance: tuple[str, ...] = ()  # codes: no_face, several_faces, too_far, too_close, off_centre, too_dark, mask, blink


class FaceAuthenticator(Protocol):
    def attempt(
        self,
        reference_photo: bytes,
        cancel: CancelToken,
        on_guidance: Callable[[tuple[str, ...]], None],
        child_mode: bool = False,
    ) -> FaceAttempt:
        """One matching attempt of a few seconds against the chip photo; nothing is kept after it."""


# --- the qualification check --------------------------------------------------------------------


@dataclass(frozen=True)
class InsuranceCardQuery:
    """A check by 保険証 / 資格確認書 data, typed by staff."""

    insurer_number: str
    card_symbol: str
    card_number: str
    branch_number: str
    birth_date: date
    limit_consent: bool = False


class QualificationChecker(Protocol):
    def check_by_card(
        self,
        certificate: CertificateInfo,
        method: IdentityMethod,
        facts: CardFacts | None,
        limit_consent: bool,
        cancel: CancelToken,
    ) -> QualificationResult: ...

    def check_by_insurance_card(self, query: InsuranceCardQuery, cancel: CancelToken) -> QualificationResult: ...


# --- what a finished reception leaves behind -----------------------------------------------------


@dataclass(frozen=True)
class ReceptionRecord:
    session_id: str
    started_at: datetime
    ended_at: datetime
    outcome: str  # the flow's Outcome value
    method: IdentityMethod | None = None
    facts: CardFacts | None = None
    certificate: CertificateInfo | None = None
    result: QualificationResult | None = None
    consent: Consent | None = None
    troubles: tuple[Trouble, ...] = ()
    staff_flags: tuple[str, ...] = ()
    billing: QualificationRecord | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    remarks: tuple[str, ...] = ()  # 摘要欄 of a fallback claim: 「旧資格情報」 or 「不詳」 and the 申立書's facts


class ReceptionStore(Protocol):
    def reception_started(self, session_id: str, started_at: datetime) -> None:
        """Mark a reception as in progress, so a crash leaves a trace staff can see."""

    def save_reception(self, record: ReceptionRecord) -> None:
        """Write one finished reception, atomically."""

    def save_fallback_reception(
        self, record: ReceptionRecord, recheck: RecheckItem | None, declaration: Declaration | None
    ) -> object:
        """A reception billed on a fallback, its 申立書 and its queued re-check, in one transaction."""

    def last_confirmed(self, certificate: CertificateInfo, facts: CardFacts | None) -> QualificationRecord | None:
        """The last confirmed qualification of a returning patient, found from the card."""

    def audit(self, actor: str, action: str, detail: str = "") -> None: ...


class ResultPublisher(Protocol):
    """Hands a card check's result to the レセコン (the terminal's ``face`` file format)."""

    def publish(self, record: ReceptionRecord) -> str:
        """Returns where it went (a file name), for the transcript."""


# --- running blocking work ----------------------------------------------------------------------


class Task(Protocol):
    def cancel(self) -> None: ...


class TaskRunner(Protocol):
    def run(
        self,
        work: Callable[[CancelToken], T],
        done: Callable[[T | None, BaseException | None], None],
        timeout: float,
    ) -> Task:
        """Run ``work`` off the UI thread; call ``done(result, error)`` on the flow's thread.

        After ``timeout`` seconds ``done`` gets a TaskTimeout and the work's token is cancelled; a result
        arriving later is dropped. ``done`` is never called after ``Task.cancel``.
        """
