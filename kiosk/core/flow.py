"""The reception flow: the interpreter of the machine declared in :mod:`kiosk.core.machine`.

The flow runs on one thread (the UI thread in the kiosk, the caller's in ``kiosk simulate``).
``dispatch(event)`` looks the event up in the table for the current state, checks its guards, runs its
actions and enters the target; it answers with a :class:`~kiosk.core.view.Verdict`. Every listener gets a
:class:`~kiosk.core.view.View` after each change.

Device work belongs to the state entry that started it. Leaving the state cancels it, and an answer that
arrives later (a face match after the patient switched to the PIN) finds its state gone and is dropped.
Saving a reception is the session's, not a state's: leaving a screen never loses a record.
The PIN exists only inside the task that sends it.
"""
from __future__ import annotations

import logging
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from kiosk.core import errors as err
from kiosk.core import events as ev
from kiosk.core import work
from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardKind, Consent, IdentityMethod, Trouble
from kiosk.core.fallback import Declaration, RecheckItem, recheck_item
from kiosk.core.machine import RESUME, STAY, TRANSITIONS, Transition, candidates
from kiosk.core.ports import (
    CardFaceReader,
    CardReader,
    Clock,
    FaceAuthenticator,
    QualificationChecker,
    ReceptionStore,
    ResultPublisher,
    StillCamera,
    Task,
    TaskRunner,
)
from kiosk.core.qualification import Validity
from kiosk.core.result_checks import GAIJI
from kiosk.core.session import Session, billing_basis, record_of
from kiosk.core.states import SPECS, StaffAction, State, StateSpec, staff_actions_of
from kiosk.core.values import FaceAttempt, ReceptionRecord
from kiosk.core.view import (
    ACCEPTED,
    CheckReply,
    ChipPhoto,
    FallbackReply,
    Outcome,
    SessionRecords,
    SessionSnapshot,
    StaffCall,
    Verdict,
    View,
)

log = logging.getLogger(__name__)

TRANSCRIPT_LENGTH = 1000  # entries kept for diagnostics; the oldest go first
ENDED_REMEMBERED = 50  # session ids a late staff request is told "session_ended" for


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
    staff_read_timeout: float = 20.0  # the chip photo, a camera still, the session's records for staff
    unknown_insurer_number: str = "77777777"  # the 不詳 insurer number: the config's (77777779 for some レセコン)
    unhurried_default: bool = False  # ゆっくり操作 from the start of every visit (a site with many elderly patients)
    # The card still in this long after the done screen appeared: the reminder gets loud and staff are told.
    # Not doubled by the unhurried pace: it ends nothing, and the patients who take their time forget cards most.
    card_left_escalate_after: float = 6.0


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
    camera: StillCamera | None = None  # the 目視 still; None where the kiosk has no camera


Listener = Callable[[View], None]

# Why a guard refuses, as staff and logs read it.
REFUSALS = {
    "card_present": "card_not_present",
    "card_free": "card_busy",
    "not_running": "already_running",
    "face_left": "no_face_attempts_left",
    "facts_known": "facts_unknown",
    "identity_unproven": "identity_already_proven",
    "check_failed": "check_not_failed",
    "certificate_valid": "certificate_expired",
    "several_records": "no_records_to_choose",
    "name_correctable": "name_not_correctable",
    "call_pending": "no_call",
    "resumable": "nothing_to_resume",
    "patient_may_resume": "nothing_to_resume",
    "camera": "camera_unavailable",
    "slow": "not_slow",
}

PATIENT_EVENTS: tuple[type[ev.PatientEvent], ...] = (
    ev.ChooseFace, ev.ChoosePin, ev.FaceChildMode, ev.SubmitPin, ev.Proceed, ev.AnswerConsent, ev.AskLimitConsent,
    ev.AnswerLimitConsent, ev.StartDeclaration, ev.SubmitDeclaration, ev.CallStaff, ev.ResumeFromStaff, ev.Cancel,
    ev.SetPace, ev.StopWaiting,
)


@dataclass
class _Running:
    """One piece of device work of the current state entry."""

    name: str
    entry: int
    answer: Callable[[Any, BaseException | None], ev.Event | None]  # the result as the machine's event
    uses_card: bool = False
    reply: ev.Reply | None = None
    reply_data: Callable[[Any], Any] = field(default=lambda value: value)
    task: Task | None = None


class ReceptionFlow:
    def __init__(self, devices: Devices, config: FlowConfig | None = None) -> None:
        self.devices = devices
        self.config = config or FlowConfig()
        self.state = State.IDLE
        self.card_present = False
        self.transcript: deque[dict[str, Any]] = deque(maxlen=TRANSCRIPT_LENGTH)
        self._session: Session | None = None
        self._listeners: list[Listener] = []
        self._generation = 0  # one per session: work of an earlier session never touches this one
        self._entry = 0  # one per state entry: work belongs to the entry that started it
        self._visit = 0
        self._tasks: dict[str, _Running] = {}
        self._call: StaffCall | None = None
        self._ended: deque[str] = deque(maxlen=ENDED_REMEMBERED)
        self._entered_at = 0.0
        self._last_activity = 0.0
        self._warning = False
        self._unhurried = self.config.unhurried_default  # the visit's pace: reset when the next visit begins
        self._card_escalated = False  # this entry's card reminder went loud
        self._slow = False  # this entry's work has taken longer than its spec's slow_after
        self._terminal_down = ""  # the terminal probe's last word: why the terminal is down, "" while it is not
        self._voice_problem = ""  # the voice's last word on itself (kiosk.core.voice): "" while it speaks
        self._backup_problem = ""  # the backups' last word (kiosk.store.backup): "" while a copy is on another disk
        self._restarted = ""  # the watchdog restarted this kiosk (stall, crash): "" once that is old news
        self._last_view: View | None = None

    # --- wiring ---------------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def start(self) -> None:
        now = self.devices.clock.monotonic()
        self._entered_at = self._last_activity = now
        self._record("start", to=State.IDLE)
        self._notify()

    @property
    def busy(self) -> bool:
        """Device work of the current state is under way."""
        return bool(self._tasks)

    @property
    def holds_reference_photo(self) -> bool:
        """The chip photo is in memory (only while face matching may still use it)."""
        return self._session is not None and self._session.reference_photo is not None

    # --- the one entry point ---------------------------------------------------------------------

    def dispatch(self, event: ev.Event) -> Verdict:
        """Hand one event to the machine. Answers of device work come only from the flow's own tasks."""
        if isinstance(event, ev.Answer):
            return self._refuse(event, "internal_event")
        return self._handle(event)

    def allows(self, event: ev.Event) -> bool:
        """Whether ``event`` would be accepted now (for a scripted patient, which taps what is on screen)."""
        return self._choose(event)[0] is not None

    def _handle(self, event: ev.Event) -> Verdict:
        if isinstance(event, ev.Tick):
            self._tick()
            return ACCEPTED
        if isinstance(event, (ev.PatientEvent, ev.StaffEvent)):
            self._last_activity = self.devices.clock.monotonic()
            if self._warning:
                self._warning = False
                self._notify()
            if isinstance(event, ev.Touch):
                return ACCEPTED
        if isinstance(event, ev.CardInserted):
            self.card_present = True
        elif isinstance(event, (ev.CardRemovedEvent, ev.ReaderLost)):
            self.card_present = False
        row, reason = self._choose(event)
        if row is None:
            return self._refuse(event, reason)
        if isinstance(event, ev.StaffEvent):
            self._audit_staff(event, "")
        self._fire(row, event)
        return ACCEPTED

    def _refuse(self, event: ev.Event, reason: str) -> Verdict:
        log.info("refused %s in %s: %s", event.kind, self.state.value, reason)
        self._record(event.kind, refused=reason)
        if isinstance(event, ev.StaffEvent):
            self._audit_staff(event, reason)
        if isinstance(event, (ev.CardInserted, ev.CardRemovedEvent, ev.ReaderLost)):
            self._notify()  # the card's presence changed even where it leads nowhere
        return Verdict(False, reason)

    def _choose(self, event: ev.Event) -> tuple[Transition | None, str]:
        if isinstance(event, ev.StaffEvent):
            stale = self._stale(event)
            if stale:
                return None, stale
        rows = candidates(self.state, event.kind)
        if not rows:
            return None, "not_allowed_now"
        invalid = self._invalid(event)
        if invalid:
            return None, invalid
        refusal = ""
        for row in rows:
            for guard in row.guards:
                if not self._guard(guard, event):
                    refusal = refusal or REFUSALS.get(guard.split(":", 1)[0], "not_allowed_now")
                    break
            else:
                return row, ""
        return None, refusal

    def _stale(self, event: ev.StaffEvent) -> str:
        """A staff request meant for a reception that is over, or for another patient."""
        wanted = event.session_id
        if not wanted or event.action is StaffAction.ANSWER_CALL:
            return ""
        current = self._session.id if self._session is not None else ""
        if wanted != current:
            return "session_ended" if wanted in self._ended else "session_changed"
        if not SPECS[self.state].in_session:
            return "session_ended"
        return ""

    # --- firing a transition ---------------------------------------------------------------------

    def _fire(self, row: Transition, event: ev.Event) -> None:
        target = self._resolve(row)
        if target is None:
            self._record(event.kind)  # a transition that enters a state is recorded by the entry
        if isinstance(event, ev.StaffEvent) and self._session is not None:
            self._session.staff = event.staff
        entry = self._entry
        for action in row.actions:
            self._act(action, event, row)
            if self._entry != entry:
                return  # an action's work answered at once and moved the machine on
        if target is None:
            self._notify()
            return
        self._leave()
        self._enter(target, event.kind)

    def _resolve(self, row: Transition) -> State | None:
        if row.target is STAY:
            return None
        if row.target is RESUME:
            assert self._session is not None and self._session.resume_to is not None
            return self._session.resume_to
        assert isinstance(row.target, State)
        return row.target

    def _leave(self) -> None:
        """The state's work ends with it; staff waiting on it are told."""
        running, self._tasks = list(self._tasks.values()), {}
        for r in running:
            if r.task is not None:
                r.task.cancel()
            if r.reply is not None:
                r.reply(None, "state_changed")

    def _enter(self, state: State, cause: str) -> None:
        previous, self.state = self.state, state
        self._entry += 1
        entry = self._entry
        self._entered_at = self._last_activity = self.devices.clock.monotonic()
        self._warning = self._card_escalated = self._slow = False
        self._record("enter", frm=previous, to=state, by=cause)
        spec = SPECS[state]
        session = self._session
        if session is not None:
            if spec.trouble is not None:
                session.trouble(spec.trouble)
            if spec.declarable:
                session.check_failed = True
        for action in spec.on_enter:
            getattr(self, f"_on_{action}")()
        if spec.entry is not None:
            getattr(self, f"_work_{spec.entry}")()
        if self._entry == entry:  # not when the work answered at once and the machine moved on
            self._notify()

    # --- guards: (event or None for "is this allowed now?") → bool ---------------------------------

    def _guard(self, name: str, event: ev.Event | None) -> bool:
        method, arg = _GUARDS[name]
        return bool(method(self, event, arg))

    def _if_card_present(self, event: ev.Event | None, arg: str) -> bool:
        return self.card_present

    def _if_card_free(self, event: ev.Event | None, arg: str) -> bool:
        return not any(r.uses_card for r in self._tasks.values())

    def _if_not_running(self, event: ev.Event | None, arg: str) -> bool:
        return arg not in self._tasks

    def _if_camera(self, event: ev.Event | None, arg: str) -> bool:
        return self.devices.camera is not None

    def _if_call_pending(self, event: ev.Event | None, arg: str) -> bool:
        return self._call is not None

    def _if_face_left(self, event: ev.Event | None, arg: str) -> bool:
        s = self._session
        return s is not None and s.face_failures < self.config.max_face_attempts

    def _if_pin_locked(self, event: ev.Event | None, arg: str) -> bool:
        return self._session is not None and self._session.pin_tries_left == 0

    def _if_pin_last_try(self, event: ev.Event | None, arg: str) -> bool:
        tries = self._session.pin_tries_left if self._session is not None else None
        return tries is not None and tries <= 1

    def _if_identity_unproven(self, event: ev.Event | None, arg: str) -> bool:
        return self._session is not None and self._session.method is None

    def _if_facts_known(self, event: ev.Event | None, arg: str) -> bool:
        return self._session is not None and self._session.facts is not None

    def _if_check_failed(self, event: ev.Event | None, arg: str) -> bool:
        return self._session is not None and self._session.check_failed

    def _if_certificate_valid(self, event: ev.Event | None, arg: str) -> bool:
        s = self._session
        cert = s.summary.certificate if s is not None and s.summary is not None else None
        return cert is not None and not cert.expired(self.devices.clock.now())

    def _if_several_records(self, event: ev.Event | None, arg: str) -> bool:
        s = self._session
        return s is not None and s.result is not None and len(s.result.records) > 1

    def _if_name_correctable(self, event: ev.Event | None, arg: str) -> bool:
        return self._session is not None and self._session.name_correctable()

    def _if_resumable(self, event: ev.Event | None, arg: str) -> bool:
        return self._session is not None and self._session.resume_to is not None

    def _if_patient_may_resume(self, event: ev.Event | None, arg: str) -> bool:
        s = self._session
        return s is not None and s.resume_to is not None and s.staff_reason == "patient_call"

    def _if_terminal_known_down(self, event: ev.Event | None, arg: str) -> bool:
        return bool(self._terminal_down)

    def _if_slow(self, event: ev.Event | None, arg: str) -> bool:
        return self._slow

    # Answers: these look at the event (never asked without one).

    def _if_code(self, event: ev.Failed, arg: str) -> bool:
        return isinstance(event, ev.Failed) and event.code == arg

    def _if_not_my_number_card(self, event: ev.CardRead, arg: str) -> bool:
        summary = event.summary
        return summary.kind is not CardKind.MY_NUMBER or summary.certificate is None

    def _if_certificate_expired(self, event: ev.CardRead, arg: str) -> bool:
        cert = event.summary.certificate
        return cert is not None and cert.expired(self.devices.clock.now())

    def _if_certificate_expiring(self, event: ev.CardRead, arg: str) -> bool:
        cert = event.summary.certificate
        return cert is not None and cert.expiring_soon(self.devices.clock.now())

    def _if_face_matched(self, event: ev.FaceAttempted, arg: str) -> bool:
        return event.attempt.matched and event.attempt.live

    def _if_face_left_after_miss(self, event: ev.Event | None, arg: str) -> bool:
        s = self._session
        return s is not None and s.face_failures + 1 < self.config.max_face_attempts

    def _if_no_tries_left(self, event: ev.PinWrong, arg: str) -> bool:
        return event.tries_left <= 0

    def _if_one_try_left(self, event: ev.PinWrong, arg: str) -> bool:
        return event.tries_left <= 1

    def _if_person_mismatch(self, event: ev.CheckAnswered, arg: str) -> bool:
        return event.review.person_mismatch

    def _if_valid_one(self, event: ev.CheckAnswered, arg: str) -> bool:
        return event.result.validity.is_valid and event.result.record is not None

    def _if_invalid(self, event: ev.CheckAnswered, arg: str) -> bool:
        return event.result.validity in (Validity.INVALID, Validity.INVALID_NEWER)

    def _if_several(self, event: ev.CheckAnswered, arg: str) -> bool:
        result = event.result
        return event.review.staff_choice or (result.validity.is_valid and bool(result.records))

    def _invalid(self, event: ev.Event) -> str:
        """What is wrong with an event's own content, before any state is asked."""
        check = _CONTENT_CHECKS.get(type(event))
        return check(self, event) if check is not None else ""

    def _bad_pin(self, event: ev.SubmitPin) -> str:
        pin = event.pin
        return "" if len(pin) == self.config.pin_length and pin.isascii() and pin.isdigit() else "bad_pin"

    def _bad_record(self, event: ev.StaffChooseRecord) -> str:
        s = self._session
        records = s.result.records if s is not None and s.result is not None else ()
        return "" if 0 <= event.index < len(records) else "no_such_record"

    def _bad_name(self, event: ev.StaffCorrectName) -> str:
        name = event.name.strip()
        return "" if name and GAIJI not in name and len(name) <= 64 else "bad_name"

    def _bad_acknowledgement(self, event: ev.StaffAcknowledge) -> str:
        return "" if event.what in ev.ACKNOWLEDGEABLE else "cannot_acknowledge"

    def _bad_query(self, event: ev.StaffInsuranceCheck) -> str:
        return "" if event.query is not None else "bad_request"

    def _bad_fallback(self, event: ev.StaffCompleteFallback) -> str:
        if event.choice not in ("last_visit", "declaration"):
            return "bad_request"
        s = self._session
        if event.choice == "declaration" and event.declaration is None and (s is None or s.declaration is None):
            return "declaration_required"
        return ""

    # --- actions: (event, arg) → None, on the session and the flow's own work ----------------------

    def _act(self, name: str, event: ev.Event, row: Transition) -> None:
        method, arg = _ACTIONS[name]
        method(self, event, arg, row)

    @property
    def _s(self) -> Session:
        assert self._session is not None, "an action of a session state ran without a session"
        return self._session

    def _do_begin_session(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        self._on_close_session()
        self._call = None  # the next patient: an earlier call is over
        clock = self.devices.clock
        session = self._session = Session(id=uuid.uuid4().hex[:12], started_at=clock.now())
        self._guarded(lambda: self.devices.store.reception_started(session.id, session.started_at), "store")

    def _do_finish(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        if self._session is not None:
            self._session.finish(Outcome(arg))

    def _do_problem(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        if self._session is not None:
            self._session.problem = arg or (event.code if isinstance(event, ev.Failed) else "")

    def _do_reset(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        self._call = None

    def _do_keep_summary(self, event: ev.CardRead, arg: str, row: Transition | None) -> None:
        s, summary, now = self._s, event.summary, self.devices.clock.now()
        s.summary = summary
        s.pin_tries_left = summary.pin_tries_left
        cert = summary.certificate
        assert cert is not None, "a My Number card's summary has its certificate"
        s.certificate = "expired" if cert.expired(now) else "expiring" if cert.expiring_soon(now) else ""

    def _do_child_mode(self, event: ev.FaceChildMode, arg: str, row: Transition | None) -> None:
        """Takes effect from the next attempt: the one running keeps its own setting."""
        self._s.child_mode = event.on

    def _do_guidance(self, event: ev.FaceGuidance, arg: str, row: Transition | None) -> None:
        self._s.guidance = event.codes

    def _do_keep_reference(self, event: ev.FaceReady, arg: str, row: Transition | None) -> None:
        self._s.facts, self._s.reference_photo = event.facts, event.photo

    def _do_face_missed(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        s = self._s
        s.face_failures += 1
        s.trouble(Trouble.T14)
        if isinstance(event, ev.FaceAttempted):
            attempt = event.attempt
            s.guidance = attempt.guidance or (() if attempt.live else ("blink",))
        if s.face_failures >= self.config.max_face_attempts:
            s.reference_photo = None

    def _do_face_unavailable(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        self._s.face_failures = self.config.max_face_attempts
        self._s.reference_photo = None

    def _do_method(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        s = self._s
        s.method = IdentityMethod(arg)
        if s.method is IdentityMethod.FACE:
            s.reference_photo = None
        elif s.method is IdentityMethod.VISUAL:
            s.trouble(Trouble.T17)

    def _do_keep_pin_facts(self, event: ev.PinVerified, arg: str, row: Transition | None) -> None:
        # The holder is proven either way; without the 入力補助 PIN the 4 facts stay unread and staff
        # compare the person by eye instead of the kiosk comparing the facts.
        s = self._s
        s.facts = event.facts or s.facts
        if event.assist_differs:
            s.problem = err.AssistPinDiffers.code

    def _do_pin_missed(self, event: ev.PinWrong, arg: str, row: Transition | None) -> None:
        s = self._s
        s.pin_failures += 1
        s.pin_tries_left = event.tries_left
        s.problem = err.WrongPin.code
        s.trouble(Trouble.T13)

    def _do_pin_blocked(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        self._s.pin_tries_left = 0
        self._s.problem = err.PinBlocked.code

    def _do_keep_result(self, event: ev.CheckAnswered, arg: str, row: Transition | None) -> None:
        s = self._s
        s.result, s.review = event.result, event.review
        for trouble in event.review.troubles:
            s.trouble(trouble)

    def _do_choose_only(self, event: ev.CheckAnswered, arg: str, row: Transition | None) -> None:
        self._s.chosen = event.result.record

    def _do_choose_record(self, event: ev.StaffChooseRecord, arg: str, row: Transition | None) -> None:
        s = self._s
        assert s.result is not None
        s.chosen = s.result.records[event.index]
        s.chosen_by_staff = True

    def _do_correct_name(self, event: ev.StaffCorrectName, arg: str, row: Transition | None) -> None:
        """T1: the clinic's own spelling replaces a name the insurer could only send with ●."""
        s = self._s
        assert s.chosen is not None
        s.chosen = replace(s.chosen, name=event.name.strip())
        s.corrected_name = True

    def _do_consent(self, event: ev.AnswerConsent, arg: str, row: Transition | None) -> None:
        s = self._s
        s.consent = Consent(event.medical, event.drugs, event.checkups, s.limit_answer)
        by_staff = s.method is IdentityMethod.VISUAL or s.chosen_by_staff
        s.outcome = Outcome.COMPLETED_BY_STAFF if by_staff else Outcome.COMPLETED

    def _do_limit_answer(self, event: ev.AnswerLimitConsent, arg: str, row: Transition | None) -> None:
        self._s.limit_answer = event.provide

    def _do_bill(self, event: ev.BillingDecided, arg: str, row: Transition | None) -> None:
        s = self._s
        s.fallback = event.billing
        s.declaration = event.declaration or s.declaration
        s.outcome = Outcome.FALLBACK

    def _do_call(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        s = self._s
        assert row is not None
        s.staff_reason = arg
        s.called_from = row.source
        s.resume_to = row.source if arg == "patient_call" else None

    def _do_resume(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        s = self._s
        s.resume_to, s.staff_reason, s.called_from = None, "", None

    def _do_notify_call(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        session_id = self._session.id if self._session is not None else ""
        self._call = StaffCall(self.state, session_id)
        self._guarded(lambda: self.devices.store.audit("kiosk", "staff_call", f"state={self.state.value}"), "store")

    def _do_answer_call(self, event: ev.Event, arg: str, row: Transition | None) -> None:
        self._call = None

    def _do_pace(self, event: ev.SetPace, arg: str, row: Transition | None) -> None:
        """The new pace applies at the next tick. The tap itself was activity, so a screen waiting on the
        patient counts from it; a busy one (the card read, the check) keeps counting from its entry."""
        self._unhurried = event.unhurried

    def _do_terminal_lost(self, event: ev.TerminalLost, arg: str, row: Transition | None) -> None:
        """Kept for the next card; a check under way keeps waiting (its own deadline decides)."""
        self._terminal_down = event.reason or "down"

    def _do_terminal_restored(self, event: ev.TerminalRestored, arg: str, row: Transition | None) -> None:
        self._terminal_down = ""

    def _do_voice_status(self, event: ev.VoiceStatus, arg: str, row: Transition | None) -> None:
        self._voice_problem = event.problem

    def _do_backup_status(self, event: ev.BackupStatus, arg: str, row: Transition | None) -> None:
        self._backup_problem = event.problem

    def _do_restarted(self, event: ev.KioskRestarted, arg: str, row: Transition | None) -> None:
        if event.reason and not self._restarted:  # into the audit chain: the restart outlives the notice
            self._guarded(lambda: self.devices.store.audit("kiosk", "kiosk_restarted", f"reason={event.reason}"),
                          "store")
        self._restarted = event.reason

    def _do_takeover(self, event: ev.StaffEvent, arg: str, row: Transition | None) -> None:
        self._s.taken_by = event.staff

    def _do_acknowledge(self, event: ev.StaffAcknowledge, arg: str, row: Transition | None) -> None:
        s = self._s
        if event.what not in s.acks:
            s.acks.append(event.what)
        s.trouble(Trouble(ev.ACKNOWLEDGEABLE[event.what]))

    # --- device work -----------------------------------------------------------------------------

    def _start(self, name: str, fn: Callable[[CancelToken], Any], timeout: float,
               on_value: Callable[[Any], ev.Event | None], *,
               on_error: Callable[[BaseException], ev.Event | None] | None = None, uses_card: bool = False,
               by_staff: bool = False, reply: ev.Reply | None = None,
               reply_data: Callable[[Any], Any] = lambda value: value, failures: bool = True) -> None:
        """Run ``fn`` for the current state entry; its answer comes back as an event, or not at all once
        the state is left. ``on_error`` maps the errors a step expects to its own events. ``failures=False``:
        the machine has nothing to do with a failure (a staff read), which only its ``reply`` hears of;
        the card's own faults still are the card events they mean."""

        def answer(value: Any, error: BaseException | None) -> ev.Event | None:
            if error is None:
                return on_value(value)
            mapped = on_error(error) if on_error is not None else None
            if mapped is not None:
                return mapped
            failure = self._failure(name, error, by_staff)
            return failure if failures or not isinstance(failure, ev.Failed) else None

        running = _Running(name, self._entry, answer, uses_card, reply, reply_data)
        self._tasks[name] = running
        task = self.devices.runner.run(fn, lambda value, error: self._deliver(running, value, error), timeout)
        if self._tasks.get(name) is running:  # a synchronous runner has answered already
            running.task = task

    def _deliver(self, running: _Running, value: Any, error: BaseException | None) -> None:
        if self._tasks.get(running.name) is not running or running.entry != self._entry:
            log.info("dropped a late answer of %s in %s", running.name, self.state.value)
            self._record("late_answer", task=running.name)
            return
        del self._tasks[running.name]
        event = running.answer(value, error)
        verdict = self._handle(event) if event is not None else ACCEPTED
        if event is None:
            self._notify()  # the work is over: ``working`` changed though no event followed
        if running.reply is None:
            return
        if error is not None:  # what went wrong, not what the machine made of it
            running.reply(None, event.code if isinstance(event, ev.Failed) else getattr(error, "code", "internal"))
        elif not verdict:
            running.reply(None, verdict.reason)
        else:
            running.reply(running.reply_data(value), "")

    @staticmethod
    def _failure(task: str, error: BaseException, by_staff: bool) -> ev.Event:
        """A task's error as the machine's event: the card's own faults are the card events they mean."""
        if isinstance(error, err.CardRemoved):
            return ev.CardRemovedEvent()
        if isinstance(error, err.ReaderGone):
            return ev.ReaderLost()
        if not isinstance(error, err.KioskError):
            log.error("%s failed unexpectedly", task, exc_info=error)
            return ev.Failed(task, "internal", by_staff)
        return ev.Failed(task, error.code, by_staff)

    def _post_answer(self, running_name: str, entry: int, event: ev.Event) -> None:
        """An answer from inside running work (face guidance): delivered while that work is still current."""

        def deliver() -> None:
            running = self._tasks.get(running_name)
            if running is not None and running.entry == entry == self._entry:
                self._handle(event)

        self.devices.runner.post(deliver)

    def _work_read_card(self) -> None:
        card = self.devices.card
        self._start("read_card", card.read_summary, self.config.read_timeout, ev.CardRead, uses_card=True)

    def _work_face(self) -> None:
        s = self._s
        s.guidance = ()
        if s.reference_photo is not None:
            self._do_attempt_face(None, "", None)
            return
        card, reader = self.devices.card, self.devices.card_face
        self._start("face_prepare", lambda cancel: card.read_with_code_b(reader.read_code_b(cancel), cancel),
                    self.config.face_prepare_timeout, lambda value: ev.FaceReady(*value), uses_card=True)

    def _do_attempt_face(self, event: ev.Event | None, arg: str, row: Transition | None) -> None:
        s = self._s
        assert s.reference_photo is not None
        photo, face, child, entry = s.reference_photo, self.devices.face, s.child_mode, self._entry
        post = self._post_answer

        def attempt(cancel: CancelToken) -> FaceAttempt:
            return face.attempt(photo, cancel, lambda codes: post("face_attempt", entry, ev.FaceGuidance(codes)),
                                child_mode=child)

        self._start("face_attempt", attempt, self.config.face_attempt_timeout, ev.FaceAttempted)

    def _do_verify_pin(self, event: ev.SubmitPin, arg: str, row: Transition | None) -> None:
        pin, card = event.pin, self.devices.card
        self._start("verify_pin", lambda cancel: card.authenticate_with_pin(pin, cancel), self.config.auth_timeout,
                    ev.PinVerified, on_error=self._pin_error, uses_card=True)

    @staticmethod
    def _pin_error(error: BaseException) -> ev.Event | None:
        if isinstance(error, err.AssistPinDiffers):
            return ev.PinVerified(None, assist_differs=True)
        if isinstance(error, err.WrongPin):
            return ev.PinWrong(error.tries_left)
        if isinstance(error, err.PinBlocked):
            return ev.PinBlocked()
        if isinstance(error, err.HolderProofFailed):
            return ev.HolderUnproven()
        return None

    def _check_inputs(self) -> work.CheckInputs:
        s = self._s
        return work.CheckInputs(s.summary.certificate if s.summary else None, s.facts, self.devices.clock.now())

    def _work_check(self) -> None:
        s = self._s
        assert s.method is not None
        checker, store, method, inputs = self.devices.qualification, self.devices.store, s.method, self._check_inputs()
        self._start("check", lambda cancel: work.check_by_card(checker, store, method, inputs, cancel),
                    self.config.check_timeout, lambda value: ev.CheckAnswered(value[0], value[1]))

    def _do_check_insurance(self, event: ev.StaffInsuranceCheck, arg: str, row: Transition | None) -> None:
        checker, store, query = self.devices.qualification, self.devices.store, event.query
        inputs = self._check_inputs()
        assert query is not None
        self._start("insurance_check",
                    lambda cancel: work.check_by_insurance_card(checker, store, query, inputs, cancel),
                    self.config.check_timeout, lambda value: ev.CheckAnswered(value[0], value[1], by_staff=True),
                    by_staff=True,
                    reply=event.reply, reply_data=lambda value: CheckReply(int(value[0].validity), self.state))

    def _do_decide_billing(self, event: ev.SubmitDeclaration | ev.StaffCompleteFallback, arg: str,
                           row: Transition | None) -> None:
        s = self._s
        today = self.devices.clock.now().date()
        by_staff = isinstance(event, ev.StaffCompleteFallback)
        if isinstance(event, ev.SubmitDeclaration):
            declaration = work.complete_declaration(event.declaration, s.facts, today, s.known_kana())
            s.declaration = declaration  # kept even if it cannot bill 不詳: staff complete it
            unchanged = False
        elif event.choice == "last_visit":
            declaration, unchanged = None, True
        else:
            given = event.declaration or s.declaration
            assert given is not None
            declaration, unchanged = work.complete_declaration(given, None, today, s.known_kana()), False
        inputs = work.FallbackInputs(s.result, s.summary.certificate if s.summary else None, s.facts, today,
                                     self.config.unknown_insurer_number)
        store = self.devices.store
        self._start("decide_billing", lambda cancel: work.decide_fallback(store, inputs, declaration, unchanged),
                    self.config.save_timeout,  # a store read and a computation: bounded like a save
                    lambda billing: ev.BillingDecided(billing, declaration, by_staff), by_staff=by_staff,
                    reply=event.reply if isinstance(event, ev.StaffCompleteFallback) else None,
                    reply_data=lambda billing: FallbackReply(billing_basis(billing), billing.window_burden_percent,
                                                             billing.remarks, billing.warnings))

    def _do_read_chip_photo(self, event: ev.StaffChipPhoto, arg: str, row: Transition | None) -> None:
        card, card_face, code_b = self.devices.card, self.devices.card_face, event.code_b
        self._start("chip_photo", lambda cancel: work.read_chip_photo(card, card_face, code_b, cancel),
                    self.config.staff_read_timeout, lambda value: None, uses_card=True, by_staff=True,
                    reply=event.reply, reply_data=lambda value: ChipPhoto(*value), failures=False)

    def _do_camera_still(self, event: ev.StaffCameraStill, arg: str, row: Transition | None) -> None:
        camera = self.devices.camera
        assert camera is not None
        self._start("camera_still", camera.jpeg, self.config.staff_read_timeout, lambda value: None, by_staff=True,
                    reply=event.reply, failures=False)

    def _do_records(self, event: ev.StaffRecords, arg: str, row: Transition | None) -> None:
        s, store = self._s, self.devices.store
        certificate, facts, snapshot = s.summary.certificate if s.summary else None, s.facts, self.snapshot()
        assert snapshot is not None
        self._start("records", lambda cancel: work.last_visit(store, certificate, facts),
                    self.config.staff_read_timeout, lambda value: None, by_staff=True, reply=event.reply,
                    reply_data=lambda last: SessionRecords(snapshot, last), failures=False)

    # --- the session's life: actions run on entering a state (StateSpec.on_enter) ------------------

    def _on_next_visit(self) -> None:
        self._visit += 1  # ready for the next patient
        self._unhurried = self.config.unhurried_default

    def _on_save(self) -> None:
        s = self._s
        publish = s.method is not None and s.result is not None and s.outcome is not Outcome.FALLBACK
        self._persist(s, publish)

    def _on_close_session(self) -> None:
        """The reception is over: save what the store does not have yet, then forget the patient."""
        s = self._session
        if s is None:
            return
        s.finish(Outcome.ABANDONED)
        if s.saved != s.fingerprint():
            self._persist(s, publish=False)
        s.reference_photo = None
        self._ended.append(s.id)
        self._session = None
        self._generation += 1
        self._guarded(self.devices.card.release, "card")

    def _persist(self, session: Session, publish: bool) -> None:
        """Write the reception and hand it to the レセコン (a card check's result, or a fallback's bill and
        申立書) on a worker, never cancelled: leaving the screen must not lose the record."""
        record = record_of(session, self.devices.clock.now())
        store, publisher = self.devices.store, self.devices.publisher
        session.saved = session.fingerprint()
        fallback = self._fallback_parts(session, record)
        if fallback is not None:
            session.fallback_saved = True  # written once: a re-save (card left behind) is the reception only

        billing = session.fallback if fallback is not None else None
        stored: list[bool] = []  # set on the worker once the store has the fallback: never written twice

        def save(cancel: CancelToken) -> str:
            if fallback is not None:
                store.save_fallback_reception(record, *fallback)
            else:
                store.save_reception(record)
            stored.append(True)
            if billing is not None:
                return publisher.publish_fallback(record, billing, fallback[1] if fallback else None)
            return publisher.publish(record) if publish else ""

        def saved(where: str | None, error: BaseException | None) -> None:
            if error is None:
                self._record("saved", session=record.session_id, published_to=where or "")
                return
            log.error("saving reception %s failed: %s", record.session_id, getattr(error, "code", error))
            session.saved = None  # a later close of this session tries again
            if fallback is not None and not stored:
                session.fallback_saved = False
            if self._session is session:
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
        recheck: RecheckItem | None = None
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

    # --- the clock -------------------------------------------------------------------------------

    def _tick(self) -> None:
        spec = SPECS[self.state]
        now = self.devices.clock.monotonic()
        if (spec.card_reminder == 0 and self.card_present and not self._card_escalated
                and now - self._entered_at >= self.config.card_left_escalate_after):
            self._card_escalated = True  # from entry, not the last touch: a touch does not take the card out
            self._record("card_reminder", level=1)
            self._notify()
        if spec.slow_after is not None and not self._slow and now - self._entered_at >= spec.slow_after:
            self._slow = True  # from entry, like a busy state's timeout: touching the screen does not speed it
            self._record("slow", after=spec.slow_after)
            self._notify()
        timeout, warn_before = spec.paced(self._unhurried)
        if timeout is None:
            return
        since = self._entered_at if spec.busy else max(self._entered_at, self._last_activity)
        elapsed = now - since
        if elapsed >= timeout:
            self._handle(ev.Timeout())
        elif warn_before is not None and elapsed >= timeout - warn_before:
            self._warning = True
            self._notify()

    def _card_reminder(self, spec: StateSpec) -> int | None:
        if spec.card_reminder is None or not self.card_present:
            return None
        return 1 if self._card_escalated else spec.card_reminder

    # --- telling the world -----------------------------------------------------------------------

    def _audit_staff(self, event: ev.StaffEvent, refused: str) -> None:
        session = self._session.id if self._session is not None else "-"
        detail = f"session={session} state={self.state.value} action={event.action.value}"
        if refused:
            detail += f" refused={refused}"
        if isinstance(event, ev.StaffInsuranceCheck) and event.query is not None:
            detail += f" insurer={event.query.insurer_number}"
        elif isinstance(event, ev.StaffChipPhoto):
            detail += f" code_b={'typed' if event.code_b else 'camera'}"
        elif isinstance(event, ev.StaffCompleteFallback):
            detail += f" choice={event.choice}"
        elif isinstance(event, ev.StaffAcknowledge):
            detail += f" what={event.what}"
        action = f"staff_{event.action.value}" if not refused else "staff_refused"
        self._guarded(lambda: self.devices.store.audit(event.staff, action, detail), "store")

    def _guarded(self, action: Callable[[], object], what: str) -> None:
        try:
            action()
        except Exception:
            log.exception("%s call failed", what)

    def _record(self, what: str, frm: State | None = None, to: State | None = None, **extra: Any) -> None:
        entry: dict[str, Any] = {"t": round(self.devices.clock.monotonic(), 3), "what": what,
                                 "state": (frm or self.state).value}
        if to is not None:
            entry["to"] = to.value
        entry.update(extra)
        self.transcript.append(entry)

    def _allowed_now(self) -> tuple[frozenset[str], frozenset[StaffAction]]:
        """The patient's and staff's actions whose transitions would fire now, each guard asked once."""
        offers = _OFFERS[self.state]
        known: dict[str, bool] = {}

        def passes(guard_sets: tuple[tuple[str, ...], ...]) -> bool:
            for guards in guard_sets:
                for guard in guards:
                    passed = known.get(guard)
                    if passed is None:
                        passed = known[guard] = self._guard(guard, None)
                    if not passed:
                        break
                else:
                    return True
            return False

        return (offers.patient.union([a for a, sets in offers.patient_if if passes(sets)]),
                offers.staff.union([a for a, sets in offers.staff_if if passes(sets)]))

    def snapshot(self) -> SessionSnapshot | None:
        s = self._session
        if s is None:
            return None
        result = s.result
        return SessionSnapshot(s.id, self.state, s.facts, s.method, result.records if result else (),
                               result.old_qualification if result else None, s.declaration)

    def view(self) -> View:
        spec = SPECS[self.state]
        seconds_left = None
        timeout, _ = spec.paced(self._unhurried)
        if self._warning and timeout is not None:
            since = max(self._entered_at, self._last_activity)
            seconds_left = max(0, int(timeout - (self.devices.clock.monotonic() - since)))
        actions, staff = self._allowed_now()
        s = self._session
        if s is None:
            return View(self.state, spec.step, self._entry, self._visit, self._warning, seconds_left,
                        self.card_present, actions, staff, tuple(self._tasks), self._call, self._unhurried,
                        self._card_reminder(spec), slow=self._slow, terminal_down=bool(self._terminal_down),
                        voice_problem=self._voice_problem, backup_problem=self._backup_problem,
                        restarted=self._restarted, max_face_attempts=self.config.max_face_attempts)
        certificate = s.summary.certificate if s.summary else None
        result, declaring = s.result, spec.shows_facts
        return View(
            self.state, spec.step, self._entry, self._visit, self._warning, seconds_left, self.card_present,
            actions, staff, tuple(self._tasks), self._call, self._unhurried, self._card_reminder(spec),
            slow=self._slow,
            terminal_down=bool(self._terminal_down),
            voice_problem=self._voice_problem,
            backup_problem=self._backup_problem,
            restarted=self._restarted,
            session_id=s.id,
            patient_name=s.patient_name,
            pin_tries_left=s.pin_tries_left,
            pin_failures=s.pin_failures,
            face_failures=s.face_failures,
            max_face_attempts=self.config.max_face_attempts,
            guidance=s.guidance,
            child_mode=s.child_mode,
            certificate_expiry=certificate.not_after if certificate else None,
            certificate=s.certificate,
            problem=s.problem,
            staff_reason=s.staff_reason,
            called_from=s.called_from,
            staff_present=s.staff,
            taken_by=s.taken_by,
            acks=tuple(s.acks),
            staff_flags=s.review.staff_flags if s.review else (),
            troubles=tuple(t.value for t in s.troubles),
            validity=int(result.validity) if result else None,
            records=result.records if result else (),
            limit_answer=s.limit_answer,
            outcome=s.outcome.value if s.outcome else "",
            card_facts=s.facts if declaring else None,
            name_kana=s.known_kana() if declaring else "",
        )

    def _notify(self) -> None:
        view, last = self.view(), self._last_view
        if last is not None and view.entry == last.entry and view == last:  # a new entry always differs
            return
        self._last_view = view
        for listener in list(self._listeners):
            try:
                listener(view)
            except Exception:
                log.exception("a flow listener failed")


# The table, read once for the interpreter: each guard name's method and argument, and per state the
# actions that have a transition there with the guard sets of those transitions (what ``view`` asks).
_GUARDS: dict[str, tuple[Callable[..., bool], str]] = {
    name: (getattr(ReceptionFlow, f"_if_{name.partition(':')[0]}"), name.partition(":")[2])
    for name in {g for row in TRANSITIONS for g in row.guards}
}

_ACTIONS: dict[str, tuple[Callable[..., None], str]] = {
    name: (getattr(ReceptionFlow, f"_do_{name.partition(':')[0]}"), name.partition(":")[2])
    for name in {a for row in TRANSITIONS for a in row.actions}
}

# Checks of an event's own content, by its type (events of other types carry nothing to check).
_CONTENT_CHECKS: dict[type[ev.Event], Callable[[ReceptionFlow, Any], str]] = {
    ev.SubmitPin: ReceptionFlow._bad_pin,
    ev.StaffChooseRecord: ReceptionFlow._bad_record,
    ev.StaffCorrectName: ReceptionFlow._bad_name,
    ev.StaffAcknowledge: ReceptionFlow._bad_acknowledgement,
    ev.StaffInsuranceCheck: ReceptionFlow._bad_query,
    ev.StaffCompleteFallback: ReceptionFlow._bad_fallback,
}

_GuardSets = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class _Offer:
    """What ``view`` needs of one state's rows: the actions always allowed there, and for the others the
    guard sets of which one must pass (a set holding another set adds nothing and is left out)."""

    patient: frozenset[str]
    staff: frozenset[StaffAction]
    patient_if: tuple[tuple[str, _GuardSets], ...]
    staff_if: tuple[tuple[StaffAction, _GuardSets], ...]


def _guard_sets(state: State, kind: str) -> _GuardSets | None:
    """None: no transition for ``kind``; (): always allowed; else the sets, shortest first."""
    sets = {frozenset(row.guards) for row in candidates(state, kind)}
    if not sets:
        return None
    if frozenset() in sets:
        return ()
    needed = sorted((g for g in sets if not any(other < g for other in sets)), key=len)
    return tuple(tuple(sorted(g)) for g in needed)


def _offer(state: State) -> _Offer:
    patient = {e.action: _guard_sets(state, e.__name__) for e in PATIENT_EVENTS}
    staff = {a: _guard_sets(state, ev.STAFF_EVENTS[a].__name__) for a in sorted(staff_actions_of(state))}
    return _Offer(
        frozenset({"touch", *(a for a, sets in patient.items() if sets == ())}),
        frozenset(a for a, sets in staff.items() if sets == ()),
        tuple((a, sets) for a, sets in patient.items() if sets),
        tuple((a, sets) for a, sets in staff.items() if sets),
    )


_OFFERS = {state: _offer(state) for state in State}
