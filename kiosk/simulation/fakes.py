"""In-memory stand-ins for every port: for flow tests and for the scripted patient of ``kiosk simulate``.

They behave like the real adapters at the port (same errors, same counters) and hold no real data.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardFacts, CardKind, CardSummary, CertificateInfo, Sex
from kiosk.core.errors import (
    AssistPinDiffers,
    CodeBUnavailable,
    NotMyNumberCard,
    PinBlocked,
    WrongPin,
)
from kiosk.core.fallback import Billing, Declaration, RecheckItem
from kiosk.core.ports import Clock
from kiosk.core.qualification import QualificationRecord, QualificationResult, Validity
from kiosk.core.values import FaceAttempt, InsuranceCardQuery, ReceptionRecord

DEMO_FACTS = CardFacts(
    name="見本 太郎",
    address="東京都千代田区霞が関1-2-2",
    birth_date=date(1980, 2, 17),
    sex=Sex.MALE,
)

DEMO_RECORD = QualificationRecord(
    insurer_number="06139999",
    insurer_name="見本健康保険組合",
    card_symbol="見本",  # as the terminal simulator's "valid" scenario answers for the demo patient
    card_number="1234567",
    branch_number="00",
    name="見本 太郎",
    name_kana="ﾐﾎﾝ ﾀﾛｳ",
    sex="1",
    birth_date=date(1980, 2, 17),
    address="東京都千代田区霞が関1-2-2",
    burden_percent=30,
)


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
        self._mono = 1000.0

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        self._mono += seconds
        self._now += timedelta(seconds=seconds)


@dataclass
class FakeCard:
    """One card as the fake reader sees it."""

    kind: CardKind = CardKind.MY_NUMBER
    certificate_expires: timedelta = timedelta(days=900)
    pin: str = "1234"
    tries_left: int = 3
    assist_pin_same: bool = True
    facts: CardFacts = DEMO_FACTS
    photo: bytes = b"jp2-photo"
    code_b: str = "55021720301234"
    fail_with: Exception | None = None  # raised by every operation: a faulty card
    proof_error: Exception | None = None  # raised after a right PIN: the holder's signature does not verify


class FakeCardReader:
    def __init__(self, card: FakeCard | None = None, clock: Clock | None = None) -> None:
        self.card = card or FakeCard()
        self.clock: Clock = clock or FakeClock()
        self.events = None
        self.released = 0
        self.pins_sent = 0

    def start_monitoring(self, events) -> None:
        self.events = events

    def stop_monitoring(self) -> None:
        self.events = None

    def _check(self, cancel: CancelToken) -> FakeCard:
        cancel.raise_if_cancelled()
        if self.card.fail_with is not None:
            raise self.card.fail_with
        return self.card

    def read_summary(self, cancel: CancelToken) -> CardSummary:
        card = self._check(cancel)
        if card.kind is not CardKind.MY_NUMBER:
            raise NotMyNumberCard("SELECT JPKI AP answered 6A82")
        cert = CertificateInfo(der=b"cert", not_after=self.clock.now() + card.certificate_expires, subject_serial="S1")
        return CardSummary(CardKind.MY_NUMBER, cert, card.tries_left)

    def authenticate_with_pin(self, pin: str, cancel: CancelToken) -> CardFacts:
        card = self._check(cancel)
        if card.tries_left <= 0:
            raise PinBlocked()
        self.pins_sent += 1
        if pin != card.pin:
            card.tries_left -= 1
            if card.tries_left == 0:
                raise PinBlocked("63C0")
            raise WrongPin(card.tries_left)
        card.tries_left = 3
        if card.proof_error is not None:
            raise card.proof_error
        if not card.assist_pin_same:
            raise AssistPinDiffers()
        return card.facts

    def read_with_code_b(
        self, code_b: str, cancel: CancelToken, *, typed_by_staff: bool = False
    ) -> tuple[CardFacts, bytes]:
        card = self._check(cancel)
        if code_b != card.code_b:
            raise CodeBUnavailable("照合番号B rejected")
        return card.facts, card.photo

    def release(self) -> None:
        self.released += 1


class FakeCardFaceReader:
    def __init__(self, code_b: str | None = "55021720301234") -> None:
        self.code_b = code_b

    def read_code_b(self, cancel: CancelToken) -> str:
        cancel.raise_if_cancelled()
        if self.code_b is None:
            raise CodeBUnavailable("card face not readable")
        return self.code_b


class FakeFaceAuthenticator:
    """Plays a list of attempts; the last one repeats. ``seconds``: how long each attempt takes, during
    which it does not look at its cancel token (like a face encode, which cannot be interrupted): a
    patient who switches to the PIN meanwhile gets a late answer that the flow must drop."""

    def __init__(self, attempts: list[FaceAttempt] | None = None, seconds: float = 0.0) -> None:
        self.attempts = list(attempts or [FaceAttempt(matched=True, distance=0.35)])
        self.seconds = seconds
        self.calls = 0
        self.child_modes: list[bool] = []

    def attempt(self, reference_photo: bytes, cancel: CancelToken, on_guidance: Callable,
                child_mode: bool = False) -> FaceAttempt:
        cancel.raise_if_cancelled()
        result = self.attempts[min(self.calls, len(self.attempts) - 1)]
        self.calls += 1
        self.child_modes.append(child_mode)
        if result.guidance:
            on_guidance(result.guidance)
        if self.seconds:
            time.sleep(self.seconds)
        return result


class FakeStillCamera:
    """The 目視 still: a few bytes standing in for a JPEG, or an error."""

    def __init__(self, data: bytes = b"\xff\xd8 still \xff\xd9", error: Exception | None = None) -> None:
        self.data = data
        self.error = error
        self.reads = 0

    def jpeg(self, cancel: CancelToken) -> bytes:
        cancel.raise_if_cancelled()
        self.reads += 1
        if self.error is not None:
            raise self.error
        return self.data


class FakeQualificationChecker:
    def __init__(self, result: QualificationResult | None = None, error: Exception | None = None) -> None:
        self.result = result or QualificationResult(Validity.VALID, (DEMO_RECORD,))
        self.error = error
        self.card_checks: list[tuple] = []
        self.insurance_checks: list[InsuranceCardQuery] = []
        self.closed = False  # whoever built it let it go (a real gateway's watch thread would end)

    def close(self) -> None:
        self.closed = True

    def check_by_card(self, certificate, method, facts, limit_consent, cancel: CancelToken) -> QualificationResult:
        cancel.raise_if_cancelled()
        self.card_checks.append((certificate, method, facts))
        if self.error is not None:
            raise self.error
        return self.result

    def check_by_insurance_card(self, query: InsuranceCardQuery, cancel: CancelToken) -> QualificationResult:
        cancel.raise_if_cancelled()
        self.insurance_checks.append(query)
        if self.error is not None:
            raise self.error
        return self.result


@dataclass
class MemoryStore:
    started: list[str] = field(default_factory=list)
    receptions: list[ReceptionRecord] = field(default_factory=list)
    audit_log: list[tuple[str, str, str]] = field(default_factory=list)
    declarations: list[tuple[str, Declaration]] = field(default_factory=list)  # (session id, 申立書)
    rechecks: list[RecheckItem] = field(default_factory=list)
    fail: Exception | None = None

    def reception_started(self, session_id: str, started_at: datetime) -> None:
        self.started.append(session_id)

    def save_reception(self, record: ReceptionRecord) -> None:
        if self.fail is not None:
            raise self.fail
        self.receptions.append(record)

    def save_fallback_reception(self, record: ReceptionRecord, recheck: RecheckItem | None,
                                declaration: Declaration | None) -> None:
        if self.fail is not None:  # all or nothing, like the store's one transaction
            raise self.fail
        self.receptions.append(record)
        if declaration is not None:
            self.declarations.append((record.session_id, declaration))
        if recheck is not None:
            self.rechecks.append(recheck)

    def last_confirmed(self, certificate, facts):
        # A fallback bill (旧資格情報, 不詳) was never confirmed: like the store, it is no "last visit".
        for record in reversed(self.receptions):
            if record.billing is not None and record.facts == facts and record.outcome != "fallback":
                return record.billing
        return None

    def audit(self, actor: str, action: str, detail: str = "") -> None:
        self.audit_log.append((actor, action, detail))


@dataclass
class MemoryPublisher:
    published: list[ReceptionRecord] = field(default_factory=list)
    fallbacks: list[tuple[ReceptionRecord, Billing, Declaration | None]] = field(default_factory=list)

    def publish(self, record: ReceptionRecord) -> str:
        self.published.append(record)
        return f"memory:{record.session_id}"

    def publish_fallback(self, record: ReceptionRecord, billing: Billing, declaration: Declaration | None) -> str:
        self.fallbacks.append((record, billing, declaration))
        return f"memory-outbox:{record.session_id}"


class _DoneTask:
    def cancel(self) -> None:
        pass


class SyncRunner:
    """Runs work at once on the caller's thread: deterministic flow tests."""

    def post(self, fn: Callable[[], None]) -> None:
        fn()

    def run(self, work, done, timeout: float) -> _DoneTask:
        token = CancelToken()
        try:
            value = work(token)
        except Exception as exc:
            done(None, exc)
        else:
            done(value, None)
        return _DoneTask()


class ManualRunner:
    """Holds work until a test settles it: for timeouts, cancels and late answers."""

    @dataclass
    class Pending:
        work: Callable
        done: Callable
        timeout: float
        token: CancelToken = field(default_factory=CancelToken)
        cancelled: bool = False

        def cancel(self) -> None:
            self.cancelled = True
            self.token.cancel()

    def __init__(self) -> None:
        self.pending: list[ManualRunner.Pending] = []
        self.posted: list[Callable[[], None]] = []

    def post(self, fn: Callable[[], None]) -> None:
        self.posted.append(fn)

    def run(self, work, done, timeout: float) -> ManualRunner.Pending:
        task = ManualRunner.Pending(work, done, timeout)
        self.pending.append(task)
        return task

    def finish_next(self) -> None:
        """Run the oldest pending work now and deliver its answer (even if cancelled: a late answer).
        What the work posted meanwhile (face guidance) arrives first, as it would from a worker."""
        task = self.pending.pop(0)
        try:
            value, error = task.work(task.token), None
        except Exception as exc:
            value, error = None, exc
        posted, self.posted = self.posted, []
        for fn in posted:
            fn()
        task.done(value, error)
