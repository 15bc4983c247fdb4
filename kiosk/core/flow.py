"""The reception flow: one state machine that every screen, device and staff action goes through.

The flow runs on one thread (the UI thread in the kiosk, the caller's in ``kiosk simulate``). Blocking
work goes to the :class:`~kiosk.core.ports.TaskRunner`; its results come back as calls on that thread.
A task started for one session can never touch the next: each carries the session's generation and a
late result is dropped. The PIN exists only inside the task that sends it.
"""
from __future__ import annotations

import enum
import logging
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Callable, Protocol

from kiosk.core import events as ev
from kiosk.core.domain import CardFacts, CardKind, CardSummary, Consent, IdentityMethod, Trouble
from kiosk.core.errors import (
    AssistPinDiffers,
    CardRemoved,
    CodeBUnavailable,
    HolderProofFailed,
    KioskError,
    NotMyNumberCard,
    PinBlocked,
    ReaderGone,
    TaskTimeout,
    WrongPin,
)
from kiosk.core.fallback import (
    Basis,
    Billing,
    Declaration,
    DeclarationSource,
    RecheckItem,
    decide_billing,
    outcome_of,
    recheck_item,
)
from kiosk.core.ports import (
    CancelToken,
    CardFaceReader,
    CardReader,
    FaceAttempt,
    FaceAuthenticator,
    QualificationChecker,
    ReceptionRecord,
    ReceptionStore,
    ResultPublisher,
    Task,
    TaskRunner,
)
from kiosk.core.qualification import QualificationRecord, QualificationResult, Validity
from kiosk.core.result_checks import ResultFindings, check_result
from kiosk.core.states import CARD_MAY_LEAVE, DECLARABLE, IN_SESSION, POLICIES, PROBLEM_TROUBLE, State, Step

log = logging.getLogger(__name__)


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def now(self) -> datetime: ...


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
class FlowConfig:
    max_face_attempts: int = 3  # fewer than the readers' 10, so a patient is never face-locked here
    pin_length: int = 4
    read_timeout: float = 20.0
    auth_timeout: float = 20.0
    face_prepare_timeout: float = 20.0
    face_attempt_timeout: float = 15.0
    check_timeout: float = 30.0
    save_timeout: float = 15.0
    unknown_insurer_number: str = "77777777"  # the 不詳 insurer number: the config's (77777779 for some レセコン)


@dataclass(frozen=True)
class Devices:
    card: CardReader
    card_face: CardFaceReader
    face: FaceAuthenticator
    qualification: QualificationChecker
    store: ReceptionStore
    publisher: ResultPublisher
    runner: TaskRunner
    clock: Clock


@dataclass
class Session:
    """One patient at the kiosk. Dropped whole when the flow returns to IDLE."""

    id: str
    started_at: datetime
    summary: CardSummary | None = None
    facts: CardFacts | None = None
    method: IdentityMethod | None = None
    pin_tries_left: int | None = None
    pin_failures: int = 0
    face_failures: int = 0
    guidance: tuple[str, ...] = ()
    child_mode: bool = False
    reference_photo: bytes | None = None  # the chip photo: memory only, dropped after matching
    result: QualificationResult | None = None
    review: ResultFindings | None = None
    chosen: QualificationRecord | None = None
    consent: Consent | None = None
    limit_answer: bool | None = None
    troubles: list[Trouble] = field(default_factory=list)
    staff_reason: str = ""
    staff: str = ""
    problem: str = ""  # the error code behind a problem screen, for staff and the transcript
    resume_to: State | None = None
    outcome: Outcome | None = None
    billing: QualificationRecord | None = None
    billing_basis: str = ""
    fallback: Billing | None = None  # the whole fallback decision: 摘要 remarks, window ratio, re-check
    declaration: Declaration | None = None  # the 申立書, from the kiosk's form or from staff
    fallback_saved: bool = False  # the 申立書 and re-check went to the store: a later re-save is the reception only
    corrected_name: bool = False
    saved_troubles: tuple[Trouble, ...] | None = None  # what the last save wrote; None: never saved

    def trouble(self, code: Trouble) -> None:
        if code not in self.troubles:
            self.troubles.append(code)


@dataclass(frozen=True)
class View:
    """What the screens render: the state and the few facts a patient (or staff) needs to see."""

    state: State
    step: Step
    warning: bool = False
    seconds_left: int | None = None
    card_present: bool = False
    session_id: str = ""
    patient_name: str = ""
    pin_tries_left: int | None = None
    pin_failures: int = 0
    face_failures: int = 0
    max_face_attempts: int = 0
    guidance: tuple[str, ...] = ()
    child_mode: bool = False
    certificate_expiry: datetime | None = None
    notices: tuple[str, ...] = ()  # e.g. certificate_expiring
    problem: str = ""
    staff_reason: str = ""
    staff_present: str = ""
    staff_flags: tuple[str, ...] = ()
    troubles: tuple[str, ...] = ()
    validity: int | None = None
    records: tuple[QualificationRecord, ...] = ()
    limit_answer: bool | None = None
    outcome: str = ""
    can_declare: bool = False  # the screen may offer 「申立書を記入する」
    card_facts: CardFacts | None = None  # the card's facts, prefilled on the 申立書 form only
    name_kana: str = ""  # the kana name the terminal sent, for the 申立書; empty: staff complete it


def billing_basis(billing: Billing) -> str:
    """How a fallback bill is named in the saved reception's notes and on the console."""
    if billing.declaration is DeclarationSource.PREVIOUS_VISIT:
        return "last_visit"
    if billing.basis is Basis.OLD_QUALIFICATION:
        return "old_qualification"
    if billing.basis is Basis.CURRENT:
        return "insurance_card"
    return "declaration"


Listener = Callable[[View], None]


class ReceptionFlow:
    def __init__(self, devices: Devices, config: FlowConfig | None = None) -> None:
        self.devices = devices
        self.config = config or FlowConfig()
        self.state = State.IDLE
        self.session: Session | None = None
        self.card_present = False
        self.transcript: list[dict] = []
        self._listeners: list[Listener] = []
        self._generation = 0
        self._task: Task | None = None
        self._task_token: object | None = None
        self._cancel: CancelToken | None = None
        self._entered_at = 0.0
        self._last_activity = 0.0
        self._warning = False
        self._last_view: View | None = None

    # --- wiring ---------------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def start(self) -> None:
        now = self.devices.clock.monotonic()
        self._entered_at = self._last_activity = now
        self._record("start", None, State.IDLE)
        self._notify()

    @property
    def busy(self) -> bool:
        """Waiting on a device or the terminal for the current step."""
        return self._task_token is not None

    # --- the one entry point ---------------------------------------------------------------------

    def dispatch(self, event: ev.Event) -> None:
        handler = getattr(self, f"_on_{type(event).__name__}", None)
        if not isinstance(event, (ev.Tick, ev.FaceGuidance)):
            self._last_activity = self.devices.clock.monotonic()
            if self._warning:
                self._warning = False
                self._notify()
        handled = handler(event) if handler else False
        if handled is False:
            log.info("ignored %s in %s", event.kind, self.state.value)
            self._record(event.kind, self.state, None, ignored=True)

    # --- device events ---------------------------------------------------------------------------

    def _on_CardInserted(self, _: ev.CardInserted) -> bool:
        self.card_present = True
        if self.state in (State.IDLE, State.CARD_REMOVED, State.READER_FAULT):
            self._begin_session()
            return True
        if self.state in (State.WAITING_STAFF,):
            self._notify()
            return True
        return False

    def _on_CardRemovedEvent(self, _: ev.CardRemovedEvent) -> bool:
        self.card_present = False
        if self.state in IN_SESSION:
            self._stop_task()
            self._finish(Outcome.CARD_REMOVED)
            self._go(State.CARD_REMOVED)
        elif self.state in CARD_MAY_LEAVE:
            self._to_idle()
        else:
            self._notify()
        return True

    def _on_ReaderLost(self, _: ev.ReaderLost) -> bool:
        self.card_present = False
        if self.session is not None:
            self._stop_task()
            self.session.trouble(Trouble.T2)
            self._finish(Outcome.READER_FAULT)
        self._go(State.READER_FAULT)
        return True

    def _on_ReaderRestored(self, _: ev.ReaderRestored) -> bool:
        if self.state is State.READER_FAULT:
            self._to_idle()
            return True
        return False

    def _on_FaceGuidance(self, event: ev.FaceGuidance) -> bool:
        if self.state is State.FACE and self.session is not None:
            self.session.guidance = event.codes
            self._notify()
            return True
        return False

    # --- the clock -------------------------------------------------------------------------------

    def _on_Tick(self, _: ev.Tick) -> bool:
        policy = POLICIES[self.state]
        if policy.timeout is None:
            return True
        now = self.devices.clock.monotonic()
        since = self._entered_at if policy.busy else max(self._entered_at, self._last_activity)
        elapsed = now - since
        if elapsed >= policy.timeout:
            self._timed_out()
        elif policy.warn_before is not None and elapsed >= policy.timeout - policy.warn_before:
            if not self._warning:
                self._warning = True
            self._notify()
        return True

    def _timed_out(self) -> None:
        self._record("timeout", self.state, None)
        self._stop_task()
        state = self.state
        if state is State.IDLE:
            self._to_idle()  # resets the language and anything a previous patient left
        elif state is State.READING:
            self._fail_task(TaskTimeout("reading the card took too long"), State.UNREADABLE)
        elif state is State.CHECKING:
            self._fail_task(TaskTimeout("the qualification check took too long"), State.TERMINAL_DOWN)
        elif state in (State.DONE, State.ENDED):
            self._go(State.CARD_LEFT) if self.card_present else self._to_idle()
        elif state is State.CARD_LEFT:
            self._go(State.CARD_LEFT) if self.card_present else self._to_idle()  # remind again
        elif state in (State.CARD_REMOVED, State.READER_FAULT):
            self._go(state) if state is State.READER_FAULT else self._to_idle()
        else:
            self._finish(Outcome.ABANDONED)
            self._end_with_card()

    # --- the patient -----------------------------------------------------------------------------

    def _on_Touch(self, _: ev.Touch) -> bool:
        return True

    def _on_Cancel(self, _: ev.Cancel) -> bool:
        if self.state in (State.IDLE, State.READER_FAULT):
            return False
        if self.state in (State.DONE, State.ENDED, State.CARD_LEFT):
            self._notify()
            return True
        self._stop_task()
        self._finish(Outcome.CANCELLED)
        self._end_with_card()
        return True

    def _on_StartDeclaration(self, _: ev.StartDeclaration) -> bool:
        session = self.session
        if self.state not in DECLARABLE or session is None or session.facts is None:
            return False
        self._go(State.DECLARATION)
        return True

    def _on_SubmitDeclaration(self, event: ev.SubmitDeclaration) -> bool:
        session = self.session
        if (self.state is not State.DECLARATION or session is None or session.facts is None
                or self._task_token is not None):
            return False
        today = self.devices.clock.now().date()
        declaration = replace(
            event.declaration,
            facts=session.facts,
            declared_on=today,
            name_kana=event.declaration.name_kana.strip() or self._known_kana(session),
        )
        session.declaration = declaration
        result = session.result
        certificate = session.summary.certificate if session.summary else None
        store, facts, unknown_insurer = self.devices.store, session.facts, self.config.unknown_insurer_number

        def decide(cancel: CancelToken) -> Billing:
            last = None
            if certificate is not None:
                try:
                    last = store.last_confirmed(certificate, facts)
                except Exception as exc:  # without the last visit the 申立書 still bills 不詳
                    log.error("reading the last visit failed: %s", exc)
            return decide_billing(
                outcome_of(result), today=today, old_qualification=result.old_qualification if result else None,
                last_confirmed=last, declaration=declaration, unknown_insurer_number=unknown_insurer,
            )

        # A store read and a computation: bounded like a save.
        self._start_task(decide, self._declaration_done, self.config.save_timeout)
        self._notify()
        return True

    @staticmethod
    def _known_kana(session: Session) -> str:
        """The kana name from the terminal's answer (the old qualification of 資格（無効）), if it sent one."""
        result = session.result
        for record in result.records if result else ():
            if record.name_kana.strip():
                return record.name_kana.strip()
        return ""

    def _on_CallStaff(self, _: ev.CallStaff) -> bool:
        if self.state in (State.IDLE, State.WAITING_STAFF) or self.session is None:
            if self.state is State.WAITING_STAFF:
                return True
            self._alert_without_session("patient_call")
            return True
        self._wait_for_staff("patient_call", resume_to=self.state)
        return True

    def _on_ResumeFromStaff(self, _: ev.ResumeFromStaff) -> bool:
        session = self.session
        if self.state is not State.WAITING_STAFF or session is None or session.resume_to is None:
            return False
        target = session.resume_to
        session.resume_to = None
        session.staff_reason = ""
        self._go(target)
        return True

    def _on_Proceed(self, _: ev.Proceed) -> bool:
        if self.state is State.CERT_EXPIRING:
            self._go(State.CHOOSE_METHOD)
            return True
        return False

    def _on_ChooseMethod(self, event: ev.ChooseMethod) -> bool:
        session = self.session
        allowed = {State.CHOOSE_METHOD, State.FACE_FAILED, State.PIN_LOW, State.PIN_LOCKED, State.PIN, State.FACE}
        if session is None or self.state not in allowed or event.method is IdentityMethod.VISUAL:
            return False
        if event.method is IdentityMethod.FACE:
            if session.face_failures >= self.config.max_face_attempts:
                return False
            self._go(State.FACE)
        else:
            tries = session.pin_tries_left
            if tries == 0:
                self._go(State.PIN_LOCKED)
            elif tries is not None and tries <= 1:
                self._go(State.PIN_LOW)
            else:
                self._go(State.PIN)
        return True

    def _on_FaceChildMode(self, event: ev.FaceChildMode) -> bool:
        """Takes effect from the next attempt: the one running keeps its own setting."""
        if self.session is None or self.state not in (State.CHOOSE_METHOD, State.FACE, State.FACE_FAILED):
            return False
        self.session.child_mode = event.on
        self._notify()
        return True

    def _on_SubmitPin(self, event: ev.SubmitPin) -> bool:
        if self.state is not State.PIN or self._task_token is not None:
            return False
        pin = event.pin
        if len(pin) != self.config.pin_length or not pin.isdigit():
            return False
        card = self.devices.card
        self._start_task(lambda cancel: card.authenticate_with_pin(pin, cancel), self._pin_done, self.config.auth_timeout)
        self._notify()
        return True

    def _on_AnswerConsent(self, event: ev.AnswerConsent) -> bool:
        if self.state is not State.CONSENT or self.session is None:
            return False
        s = self.session
        s.consent = Consent(event.medical, event.drugs, event.checkups, s.limit_answer)
        self._complete(Outcome.COMPLETED_BY_STAFF if s.method is IdentityMethod.VISUAL else Outcome.COMPLETED)
        return True

    def _on_AskLimitConsent(self, _: ev.AskLimitConsent) -> bool:
        if self.state is not State.CONSENT:
            return False
        self._go(State.LIMIT_CONSENT)
        return True

    def _on_AnswerLimitConsent(self, event: ev.AnswerLimitConsent) -> bool:
        if self.state is not State.LIMIT_CONSENT or self.session is None:
            return False
        self.session.limit_answer = event.provide
        self._go(State.CONSENT)
        return True

    # --- staff -----------------------------------------------------------------------------------

    def _staff_session(self, event: ev.StaffEvent) -> Session | None:
        session = self.session
        if session is None or self.state not in IN_SESSION:
            return None
        session.staff = event.staff
        self.devices.store.audit(event.staff, event.kind, f"session={session.id} state={self.state.value}")
        return session

    def _on_StaffVisualCheck(self, event: ev.StaffVisualCheck) -> bool:
        session = self._staff_session(event)
        if session is None or session.summary is None or session.summary.certificate is None:
            return False
        if session.summary.certificate.expired(self.devices.clock.now()):
            return False  # no card check can run on an expired certificate: staff use a fallback
        if not event.confirmed:
            self._finish(Outcome.NOT_CONFIRMED)
            self._end_with_card()
            return True
        session.method = IdentityMethod.VISUAL
        session.trouble(Trouble.T17)
        self._go(State.CHECKING)
        return True

    def _on_StaffChooseRecord(self, event: ev.StaffChooseRecord) -> bool:
        session = self._staff_session(event)
        if session is None or session.result is None or not 0 <= event.index < len(session.result.records):
            return False
        session.chosen = session.result.records[event.index]
        self._go(State.CONSENT)
        return True

    def _on_StaffProvideResult(self, event: ev.StaffProvideResult) -> bool:
        session = self._staff_session(event)
        if session is None:
            return False
        if event.method is not None:
            session.method = event.method
        self._route_result(event.result)
        return True

    def _on_StaffCompleteWithBilling(self, event: ev.StaffCompleteWithBilling) -> bool:
        session = self._staff_session(event)
        if session is None:
            return False
        session.billing = event.billing
        session.billing_basis = event.basis
        session.fallback = event.detail
        if event.declaration is not None:  # else the patient's own 申立書 from the kiosk, if any, stays
            session.declaration = event.declaration
        self._complete(Outcome.FALLBACK)
        return True

    def _on_StaffCorrectName(self, event: ev.StaffCorrectName) -> bool:
        """T1: the clinic's own spelling replaces a name the insurer could only send with ●."""
        session = self._staff_session(event)
        if session is None or session.chosen is None or not event.name.strip():
            return False
        session.chosen = replace(session.chosen, name=event.name.strip())
        session.corrected_name = True
        self._notify()
        return True

    def _on_StaffResume(self, event: ev.StaffResume) -> bool:
        session = self._staff_session(event)
        if session is None or session.resume_to is None:
            return False
        return self._on_ResumeFromStaff(ev.ResumeFromStaff())

    def _on_StaffEnd(self, event: ev.StaffEnd) -> bool:
        if self._staff_session(event) is None:
            return False
        self._stop_task()
        self._finish(Outcome.CANCELLED)
        self._end_with_card()
        return True

    # --- entering states -------------------------------------------------------------------------

    def _go(self, state: State) -> None:
        previous = self.state
        self.state = state
        now = self.devices.clock.monotonic()
        self._entered_at = self._last_activity = now
        self._warning = False
        self._record("enter", previous, state)
        session = self.session
        if session is not None and state in PROBLEM_TROUBLE:
            session.trouble(Trouble(PROBLEM_TROUBLE[state]))
        enter = getattr(self, f"_enter_{state.value}", None)
        if enter is not None:
            enter()
        if self.state is state:
            self._notify()

    def _begin_session(self) -> None:
        self._drop_session()
        clock = self.devices.clock
        self.session = Session(id=uuid.uuid4().hex[:12], started_at=clock.now())
        session_id, started = self.session.id, self.session.started_at
        self._guarded(lambda: self.devices.store.reception_started(session_id, started), "store")
        self._go(State.READING)

    def _enter_reading(self) -> None:
        card = self.devices.card
        self._start_task(card.read_summary, self._summary_done, self.config.read_timeout)

    def _enter_face(self) -> None:
        session = self.session
        assert session is not None
        session.guidance = ()
        if session.reference_photo is None:
            card, reader = self.devices.card, self.devices.card_face

            def prepare(cancel: CancelToken) -> tuple[CardFacts, bytes]:
                return card.read_with_code_b(reader.read_code_b(cancel), cancel)

            self._start_task(prepare, self._face_prepared, self.config.face_prepare_timeout)
        else:
            self._start_face_attempt()

    def _enter_checking(self) -> None:
        session = self.session
        assert session is not None and session.summary is not None and session.summary.certificate is not None
        cert, method, facts = session.summary.certificate, session.method, session.facts
        assert method is not None
        checker, store = self.devices.qualification, self.devices.store

        def check(cancel: CancelToken) -> tuple[QualificationResult, QualificationRecord | None]:
            result = checker.check_by_card(cert, method, facts, False, cancel)
            try:
                previous = store.last_confirmed(cert, facts)
            except Exception as exc:  # the last visit only adds warnings; its absence must not stop the check
                log.error("reading the last visit failed: %s", exc)
                previous = None
            return result, previous

        self._start_task(check, self._check_done, self.config.check_timeout)

    def _enter_done(self) -> None:
        self._save_and_publish()

    def _enter_card_left(self) -> None:
        if self.session is not None:
            self.session.trouble(Trouble.T15)

    # --- task results ----------------------------------------------------------------------------

    def _summary_done(self, summary: CardSummary | None, error: BaseException | None) -> None:
        session = self.session
        assert session is not None
        if error is not None:
            target = State.NOT_MY_NUMBER if isinstance(error, NotMyNumberCard) else State.UNREADABLE
            self._fail_task(error, target)
            return
        assert summary is not None
        session.summary = summary
        if summary.kind is not CardKind.MY_NUMBER or summary.certificate is None:
            self._fail_task(NotMyNumberCard("no JPKI application"), State.NOT_MY_NUMBER)
            return
        session.pin_tries_left = summary.pin_tries_left
        now = self.devices.clock.now()
        if summary.certificate.expired(now):
            self._go(State.CERT_EXPIRED)
        elif summary.certificate.expiring_soon(now):
            session.trouble(Trouble.T4)
            self._go(State.CERT_EXPIRING)
        else:
            self._go(State.CHOOSE_METHOD)

    def _pin_done(self, facts: CardFacts | None, error: BaseException | None) -> None:
        session = self.session
        assert session is not None
        if error is None or isinstance(error, AssistPinDiffers):
            # The holder is proven either way; without the 入力補助 PIN the 4 facts stay unread and
            # staff compare the person by eye instead of the kiosk comparing the facts.
            session.facts = facts
            session.method = IdentityMethod.PIN
            if error is not None:
                session.problem = error.code  # type: ignore[attr-defined]
            self._go(State.CHECKING)
            return
        if isinstance(error, WrongPin):
            session.pin_failures += 1
            session.pin_tries_left = error.tries_left
            session.problem = error.code
            session.trouble(Trouble.T13)
            if error.tries_left <= 0:
                self._go(State.PIN_LOCKED)
            elif error.tries_left <= 1:
                self._go(State.PIN_LOW)
            else:
                self._go(State.PIN)
        elif isinstance(error, PinBlocked):
            session.pin_tries_left = 0
            self._go(State.PIN_LOCKED)
        elif isinstance(error, HolderProofFailed):
            self._wait_for_staff(error.code)
        else:
            self._device_error(error)

    def _face_prepared(self, value: tuple[CardFacts, bytes] | None, error: BaseException | None) -> None:
        session = self.session
        assert session is not None
        if error is not None:
            if isinstance(error, (CodeBUnavailable, TaskTimeout)) or not self._is_card_fault(error):
                session.problem = getattr(error, "code", "face_error")
                session.face_failures = self.config.max_face_attempts
                session.trouble(Trouble.T14)
                self._go(State.FACE_FAILED)
            else:
                self._device_error(error)
            return
        assert value is not None
        session.facts, session.reference_photo = value
        self._start_face_attempt()
        self._notify()

    def _start_face_attempt(self) -> None:
        session = self.session
        assert session is not None and session.reference_photo is not None
        photo, face, generation = session.reference_photo, self.devices.face, self._generation
        runner_post, child = self._post_from_worker, session.child_mode

        def attempt(cancel: CancelToken) -> FaceAttempt:
            guide = lambda codes: runner_post(generation, ev.FaceGuidance(codes))  # noqa: E731
            return face.attempt(photo, cancel, guide, child_mode=child)

        self._start_task(attempt, self._face_done, self.config.face_attempt_timeout)

    def _face_done(self, attempt: FaceAttempt | None, error: BaseException | None) -> None:
        session = self.session
        assert session is not None
        if error is not None and self._is_card_fault(error):
            self._device_error(error)
            return
        if attempt is not None and attempt.matched and attempt.live:
            session.reference_photo = None
            session.method = IdentityMethod.FACE
            self._go(State.CHECKING)
            return
        session.face_failures += 1
        session.trouble(Trouble.T14)
        if attempt is not None:
            session.guidance = attempt.guidance or (() if attempt.live else ("blink",))
        else:
            session.problem = getattr(error, "code", "face_error")
        if session.face_failures >= self.config.max_face_attempts:
            session.reference_photo = None
            self._go(State.FACE_FAILED)
        else:
            self._start_face_attempt()
            self._notify()

    def _declaration_done(self, billing: Billing | None, error: BaseException | None) -> None:
        session = self.session
        assert session is not None
        if error is not None:
            # Mostly a 不詳 claim without a kana name (the terminal sent none): staff complete the 申立書.
            session.problem = getattr(error, "code", "internal")
            if not isinstance(error, KioskError):
                log.error("deciding the fallback bill failed: %r", error)
            self._wait_for_staff("declaration_incomplete")
            return
        assert billing is not None
        session.billing = billing.record
        session.billing_basis = billing_basis(billing)
        session.fallback = billing
        self._complete(Outcome.FALLBACK)

    def _check_done(self, value: tuple | None, error: BaseException | None) -> None:
        if error is not None:
            self._fail_task(error, State.TERMINAL_DOWN)
            return
        assert value is not None
        self._route_result(*value)

    def _route_result(self, result: QualificationResult, previous: QualificationRecord | None = None) -> None:
        session = self.session
        assert session is not None
        session.result = result
        certificate = session.summary.certificate if session.summary else None
        review = check_result(result, session.facts, certificate, self.devices.clock.now(), previous)
        session.review = review
        for trouble in review.troubles:
            session.trouble(trouble)
        if review.person_mismatch:
            self._go(State.PERSON_MISMATCH)
        elif result.validity is Validity.VALID and result.record is not None:
            session.chosen = result.record
            self._go(State.CONSENT)
        elif result.validity in (Validity.INVALID, Validity.INVALID_NEWER):
            self._go(State.QUAL_INVALID)
        elif review.staff_choice or (result.validity is Validity.VALID and result.records):
            self._go(State.QUAL_SEVERAL)
        else:
            self._go(State.QUAL_NONE)

    # --- finishing -------------------------------------------------------------------------------

    def _complete(self, outcome: Outcome) -> None:
        session = self.session
        assert session is not None
        if session.billing is None and session.chosen is not None:
            session.billing = session.chosen
            session.billing_basis = "current"
        session.outcome = outcome
        self._go(State.DONE)

    def _save_and_publish(self) -> None:
        session = self.session
        assert session is not None
        publish = session.method is not None and session.result is not None and session.outcome is not Outcome.FALLBACK
        self._persist(session, publish)

    def _persist(self, session: Session, publish: bool) -> None:
        """Write the reception (and hand a card check to the レセコン) on a worker, never cancelled:
        leaving the screen must not lose the record."""
        record = self._record_of(session)
        store, publisher, generation = self.devices.store, self.devices.publisher, self._generation
        session.saved_troubles = tuple(session.troubles)
        fallback = self._fallback_parts(session, record)
        if fallback is not None:
            session.fallback_saved = True  # written once: a re-save (card left behind) is the reception only

        def save(cancel: CancelToken) -> str:
            if fallback is not None:
                store.save_fallback_reception(record, *fallback)
            else:
                store.save_reception(record)
            return publisher.publish(record) if publish else ""

        def saved(where: str | None, error: BaseException | None) -> None:
            if error is not None:
                log.error("saving reception %s failed: %s", record.session_id, error)
                if fallback is not None:
                    session.fallback_saved = False  # a later save of this session tries the whole again
            else:
                self._record("saved", None, None, session=record.session_id, published_to=where or "")
            if generation == self._generation and self.session is session:
                if error is not None:
                    session.problem = getattr(error, "code", "store_error")
                self._notify()

        self.devices.runner.run(save, saved, self.config.save_timeout)

    def _fallback_parts(
        self, session: Session, record: ReceptionRecord
    ) -> tuple[RecheckItem | None, Declaration | None] | None:
        """(re-check, 申立書) to save with a fallback reception, or None for a plain save."""
        if session.outcome is not Outcome.FALLBACK or session.fallback_saved:
            return None
        if session.fallback is None and session.declaration is None:
            return None
        recheck = None
        billing = session.fallback
        if billing is not None and billing.recheck:
            birth = billing.record.birth_date or (session.facts.birth_date if session.facts else None)
            if birth is None and session.declaration is not None:
                birth = session.declaration.facts.birth_date
            if birth is not None:
                recheck = recheck_item(session.id, billing, birth, record.ended_at)
            else:
                log.error("fallback reception %s has no birth date: no re-check queued", session.id)
        return recheck, session.declaration

    def _finish(self, outcome: Outcome) -> None:
        """Note how this session ended; the first reason wins (a later timeout does not overwrite it)."""
        session = self.session
        if session is not None and session.outcome is None:
            session.outcome = outcome

    def _end_with_card(self) -> None:
        if self.card_present:
            self._go(State.ENDED)
        else:
            self._to_idle()

    def _to_idle(self) -> None:
        session = self.session
        if session is not None and session.saved_troubles != tuple(session.troubles):
            # Never saved, or troubles came after the save (the card left behind): write it again.
            if session.outcome is None:
                session.outcome = Outcome.ABANDONED
            self._persist(session, publish=False)
        self._drop_session()
        self._go(State.IDLE)

    def _drop_session(self) -> None:
        self._stop_task()
        if self.session is not None:
            self.session.reference_photo = None
        self.session = None
        self._generation += 1
        self._guarded(self.devices.card.release, "card")

    def _record_of(self, session: Session) -> ReceptionRecord:
        review = session.review
        return ReceptionRecord(
            session_id=session.id,
            started_at=session.started_at,
            ended_at=self.devices.clock.now(),
            outcome=(session.outcome or Outcome.ABANDONED).value,
            method=session.method,
            facts=session.facts,
            certificate=session.summary.certificate if session.summary else None,
            result=session.result,
            consent=session.consent,
            troubles=tuple(session.troubles),
            staff_flags=review.staff_flags if review else (),
            billing=session.billing,
            notes=tuple(
                x
                for x in (
                    session.billing_basis,
                    session.staff and f"staff:{session.staff}",
                    session.corrected_name and "name_corrected",
                    *(session.fallback.warnings if session.fallback else ()),
                )
                if x
            ),
            remarks=session.fallback.remarks if session.fallback else (),
        )

    # --- problems --------------------------------------------------------------------------------

    @staticmethod
    def _is_card_fault(error: BaseException) -> bool:
        return isinstance(error, (CardRemoved, ReaderGone))

    def _fail_task(self, error: BaseException, target: State) -> None:
        session = self.session
        if session is not None:
            session.problem = getattr(error, "code", "internal")
        if not isinstance(error, KioskError):
            log.exception("unexpected error from a device", exc_info=error)
        if isinstance(error, (CardRemoved, ReaderGone)):
            self._device_error(error)
            return
        if target is State.UNREADABLE or target is State.NOT_MY_NUMBER:
            self._finish(Outcome.NOT_MY_NUMBER if target is State.NOT_MY_NUMBER else Outcome.UNREADABLE)
        self._go(target)

    def _device_error(self, error: BaseException | None) -> None:
        session = self.session
        if isinstance(error, ReaderGone):
            self._on_ReaderLost(ev.ReaderLost())
        elif isinstance(error, CardRemoved):
            self._on_CardRemovedEvent(ev.CardRemovedEvent())
        else:
            if session is not None:
                session.problem = getattr(error, "code", "internal")
            if error is not None and not isinstance(error, KioskError):
                log.error("unexpected error from a device: %r", error)
            self._finish(Outcome.UNREADABLE)
            self._go(State.UNREADABLE)

    def _wait_for_staff(self, reason: str, resume_to: State | None = None) -> None:
        session = self.session
        assert session is not None
        self._stop_task()
        session.staff_reason = reason
        session.resume_to = resume_to
        session.trouble(Trouble.T17)
        self._go(State.WAITING_STAFF)

    def _alert_without_session(self, reason: str) -> None:
        self._record("staff_alert", self.state, None, reason=reason)
        self._guarded(lambda: self.devices.store.audit("kiosk", "staff_call", reason), "store")
        self._notify()

    # --- tasks -----------------------------------------------------------------------------------

    def _start_task(self, work, on_done, timeout: float) -> None:
        self._stop_task()
        generation = self._generation
        token = self._task_token = object()

        def done(value, error) -> None:
            if generation != self._generation or self._task_token is not token:
                return  # a late answer for a session or a step that is over
            self._task, self._task_token = None, None
            try:
                on_done(value, error)
            except Exception as exc:  # a bug must still leave the patient a way out
                log.exception("handling a task result failed")
                self._device_error(exc)

        task = self.devices.runner.run(work, done, timeout)
        # A synchronous runner has called done already; only keep a task that is still running.
        if self._task_token is token:
            self._task = task

    def _stop_task(self) -> None:
        task, self._task, self._task_token = self._task, None, None
        if task is not None:
            task.cancel()

    def _post_from_worker(self, generation: int, event: ev.Event) -> None:
        """Device callbacks from worker threads come back through the runner's thread hop."""
        post = getattr(self.devices.runner, "post", None)

        def deliver() -> None:
            if generation == self._generation:
                self.dispatch(event)

        if post is None:
            deliver()
        else:
            post(deliver)

    def _guarded(self, action: Callable[[], object], what: str) -> None:
        try:
            action()
        except Exception:
            log.exception("%s call failed", what)

    # --- telling the world -----------------------------------------------------------------------

    def _record(self, what: str, before: State | None, after: State | None, **extra) -> None:
        entry = {"t": round(self.devices.clock.monotonic(), 3), "what": what}
        if before is not None:
            entry["from"] = before.value
        if after is not None:
            entry["to"] = after.value
        entry.update(extra)
        self.transcript.append(entry)

    def view(self) -> View:
        policy = POLICIES[self.state]
        s = self.session
        seconds_left = None
        if self._warning and policy.timeout is not None:
            since = max(self._entered_at, self._last_activity)
            seconds_left = max(0, int(policy.timeout - (self.devices.clock.monotonic() - since)))
        base = View(
            state=self.state,
            step=policy.step,
            warning=self._warning,
            seconds_left=seconds_left,
            card_present=self.card_present,
            max_face_attempts=self.config.max_face_attempts,
        )
        if s is None:
            return base
        name = ""
        if s.chosen is not None and s.chosen.name:
            name = s.chosen.name
        elif s.facts is not None:
            name = s.facts.name
        certificate = s.summary.certificate if s.summary else None
        notices = ("certificate_expiring",) if Trouble.T4 in s.troubles and self.state is not State.CERT_EXPIRED else ()
        return replace(
            base,
            session_id=s.id,
            patient_name=name,
            pin_tries_left=s.pin_tries_left,
            pin_failures=s.pin_failures,
            face_failures=s.face_failures,
            guidance=s.guidance,
            child_mode=s.child_mode,
            certificate_expiry=certificate.not_after if certificate else None,
            notices=notices,
            problem=s.problem,
            staff_reason=s.staff_reason,
            staff_present=s.staff,
            staff_flags=s.review.staff_flags if s.review else (),
            troubles=tuple(t.value for t in s.troubles),
            validity=int(s.result.validity) if s.result else None,
            records=s.result.records if s.result else (),
            limit_answer=s.limit_answer,
            outcome=s.outcome.value if s.outcome else "",
            can_declare=self.state in DECLARABLE and s.facts is not None,
            card_facts=s.facts if self.state is State.DECLARATION else None,
            name_kana=self._known_kana(s) if self.state is State.DECLARATION else "",
        )

    def _notify(self) -> None:
        view = self.view()
        if view == self._last_view:
            return
        self._last_view = view
        for listener in list(self._listeners):
            try:
                listener(view)
            except Exception:
                log.exception("a flow listener failed")
