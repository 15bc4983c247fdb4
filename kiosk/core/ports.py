"""The interfaces through which the reception flow meets hardware, the terminal, the store and time.

Adapters (``kiosk.card``, ``kiosk.face``, ``kiosk.qualification``, ``kiosk.store``) implement these;
the core never imports them. Every blocking method takes a :class:`CancelToken` and must return or
raise within its own timeout; the flow runs them off the UI thread through a :class:`TaskRunner`.
Value types crossing these ports live in :mod:`kiosk.core.values`.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol, TypeVar

from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardFacts, CardSummary, CertificateInfo, IdentityMethod
from kiosk.core.fallback import Billing, Declaration, RecheckItem
from kiosk.core.qualification import QualificationRecord, QualificationResult
from kiosk.core.values import FaceAttempt, InsuranceCardQuery, ReceptionRecord

T = TypeVar("T")

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

    def read_with_code_b(
        self, code_b: str, cancel: CancelToken, *, typed_by_staff: bool = False
    ) -> tuple[CardFacts, bytes]:
        """The 4 facts and the chip's face photo (JPEG 2000), opened with 照合番号B.

        The tries left are asked first. A code from the camera's OCR (``typed_by_staff`` False) is sent only
        while 3 tries are left, else CodeBTriesLow (a CodeBUnavailable: staff type it); one typed by staff
        down to the last try. With no try left nothing is sent either way (a CardError, code_b_blocked).
        """

    def release(self) -> None:
        """Forget this card's session: the next card starts from nothing."""


class CardFaceReader(Protocol):
    """Reads 照合番号B from a camera still of the printed card face."""

    def read_code_b(self, cancel: CancelToken) -> str: ...


# --- the face and the camera --------------------------------------------------------------------


class FaceAuthenticator(Protocol):
    def attempt(
        self,
        reference_photo: bytes,
        cancel: CancelToken,
        on_guidance: Callable[[tuple[str, ...]], None],
        child_mode: bool = False,
    ) -> FaceAttempt:
        """One matching attempt of a few seconds against the chip photo; nothing is kept after it."""


class StillCamera(Protocol):
    """One JPEG still of the kiosk's camera, for staff comparing the patient with the chip photo (目視)."""

    def jpeg(self, cancel: CancelToken) -> bytes: ...


# --- the qualification check --------------------------------------------------------------------


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

    def close(self) -> None:
        """Let go of what watching the terminal holds (a watch thread, a descriptor): the kiosk, or one run of
        a repeated simulation, is over. Checks after it still work (they watch afresh)."""


# --- the store and the レセコン ---------------------------------------------------------------------


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
    """Hands every billed reception to the レセコン, so staff never re-key one."""

    def publish(self, record: ReceptionRecord) -> str:
        """A card check's result, as the terminal's ``face`` file. Returns where it went, for the transcript."""

    def publish_fallback(self, record: ReceptionRecord, billing: Billing, declaration: Declaration | None) -> str:
        """A reception billed without a fresh result (旧資格情報, the last visit, a 保険証 staff saw, 不詳):
        what to bill on and the 申立書. Written once per session. Returns where it went."""


# --- time and blocking work ---------------------------------------------------------------------


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def now(self) -> datetime: ...


class Task(Protocol):
    def cancel(self) -> None: ...


class TaskRunner(Protocol):
    def run(
        self,
        work: Callable[[CancelToken], T],
        done: Callable[[T | None, BaseException | None], None],
        timeout: float,
    ) -> Task:
        """Run ``work`` off the flow's thread; call ``done(result, error)`` on the flow's thread.

        After ``timeout`` seconds ``done`` gets a TaskTimeout and the work's token is cancelled; a result
        arriving later is dropped. ``done`` is never called after ``Task.cancel``.
        """

    def post(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` on the flow's thread (a device callback from a worker, such as face guidance)."""
