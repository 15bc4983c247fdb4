"""The reception as one declared machine: every transition, ``(state, event) → guard → target (+ actions)``.

The flow (:mod:`kiosk.core.flow`) interprets this table and nothing else: for an event it takes the
transitions of the current state for that event's kind, in order, and fires the first whose guards all
pass. No transition for the kind means "not allowed now"; transitions whose guards all fail give the
first failing guard's reason. Guards and actions are names the flow resolves (``name`` or ``name:arg``),
so the table prints as it runs: ``kiosk flow --graph``.

Most transitions follow from the per-state facts of :mod:`kiosk.core.states` (pulling the card, 「終了」,
「職員を呼ぶ」, staff actions, the timeout); the rest are the reception's own path. ``STAY`` keeps the state
without entering it again (no new screen, the state's work keeps running); ``RESUME`` goes back to the
screen the patient called staff from.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from kiosk.core import events as ev
from kiosk.core.states import SESSION_STAFF, SPECS, Call, StaffAction, State, StateSpec


class _Pseudo(str):
    """A target that is not a state: resolved by the flow when the transition fires."""


STAY = _Pseudo("stay")
RESUME = _Pseudo("resume")

Target = State | _Pseudo


@dataclass(frozen=True)
class Transition:
    source: State
    event: str  # the event's kind: its class name, or ``<task>_failed``
    target: Target
    guards: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()

    def label(self) -> str:
        guard = f" [{' & '.join(self.guards)}]" if self.guards else ""
        action = f" / {', '.join(self.actions)}" if self.actions else ""
        return f"{self.event}{guard}{action}"


def _kind(event: type[ev.Event] | str) -> str:
    return event if isinstance(event, str) else event.__name__


class _Table:
    def __init__(self) -> None:
        self.rows: list[Transition] = []

    def on(self, sources: State | Iterable[State], event: type[ev.Event] | str, target: Target,
           guards: tuple[str, ...] = (), actions: tuple[str, ...] = ()) -> None:
        for source in (sources,) if isinstance(sources, State) else sources:
            self.rows.append(Transition(source, _kind(event), target, guards, actions))

    def ending(self, sources: State | Iterable[State], event: type[ev.Event] | str, outcome: str,
               guards: tuple[str, ...] = (), actions: tuple[str, ...] = ()) -> None:
        """The reception ends: 「カードをお取りください」 while the card is in, else straight back to idle."""
        done = (f"finish:{outcome}", *actions)
        self.on(sources, event, State.ENDED, ("card_present", *guards), done)
        self.on(sources, event, State.IDLE, guards, done)


def _where(predicate: Callable[[StateSpec], bool]) -> list[State]:
    return [s for s in State if predicate(SPECS[s])]


def _staff(action: StaffAction) -> list[State]:
    return [s for s in State if action in SPECS[s].staff or (action in SESSION_STAFF and SPECS[s].in_session)]


def _route_check(t: _Table, sources: Iterable[State], actions: tuple[str, ...]) -> None:
    """Where a qualification answer leads, for the card check and for a staff check by insurance-card data."""
    sources = list(sources)
    keep = ("keep_result", *actions)
    t.on(sources, ev.CheckAnswered, State.PERSON_MISMATCH, ("person_mismatch",), keep)
    t.on(sources, ev.CheckAnswered, State.CONSENT, ("valid_one",), (*keep, "choose_only"))
    t.on(sources, ev.CheckAnswered, State.QUAL_INVALID, ("invalid",), keep)
    t.on(sources, ev.CheckAnswered, State.QUAL_SEVERAL, ("several",), keep)
    t.on(sources, ev.CheckAnswered, State.QUAL_NONE, (), keep)


def _build() -> tuple[Transition, ...]:
    t = _Table()
    in_session = _where(lambda s: s.in_session)
    no_card = [State.IDLE, State.CARD_REMOVED, State.READER_FAULT]

    # --- the card and the reader ---------------------------------------------------------------------
    t.on(no_card, ev.CardInserted, State.READING, actions=("begin_session",))
    t.on(in_session, ev.CardRemovedEvent, State.CARD_REMOVED, actions=("finish:card_removed",))
    t.on(_where(lambda s: s.card_may_leave), ev.CardRemovedEvent, State.IDLE)
    t.on(no_card, ev.CardRemovedEvent, STAY)  # a late report of a card already gone
    t.on([s for s in State if s is not State.READER_FAULT], ev.ReaderLost, State.READER_FAULT,
         actions=("finish:reader_fault",))
    t.on(State.READER_FAULT, ev.ReaderLost, STAY)
    t.on(State.READER_FAULT, ev.ReaderRestored, State.IDLE)
    t.on([s for s in State if s is not State.READER_FAULT], ev.ReaderRestored, STAY)

    # --- the terminal's health (the probe's reports, kept for the next card), the voice's, the backups' -
    t.on(list(State), ev.TerminalLost, STAY, actions=("terminal_lost",))
    t.on(list(State), ev.TerminalRestored, STAY, actions=("terminal_restored",))
    t.on(list(State), ev.VoiceStatus, STAY, actions=("voice_status",))
    t.on(list(State), ev.KioskRestarted, STAY, actions=("restarted",))
    t.on(list(State), ev.BackupStatus, STAY, actions=("backup_status",))

    # --- the patient's pace: ゆっくり操作 on any screen, for the rest of the visit -------------------------
    t.on(list(State), ev.SetPace, STAY, actions=("pace",))

    # --- the clock -----------------------------------------------------------------------------------
    t.on(State.IDLE, ev.Timeout, State.IDLE, actions=("reset",))
    t.on(State.READING, ev.Timeout, State.UNREADABLE, actions=("problem:timeout", "finish:unreadable"))
    t.on(State.CHECKING, ev.Timeout, State.TERMINAL_DOWN, actions=("problem:timeout",))
    for closing in (State.DONE, State.ENDED, State.CARD_LEFT):
        t.on(closing, ev.Timeout, State.CARD_LEFT, ("card_present",))  # and again, until the card is taken
        t.on(closing, ev.Timeout, State.IDLE)
    t.on(State.CARD_REMOVED, ev.Timeout, State.IDLE)
    t.ending([State.NOT_MY_NUMBER, State.UNREADABLE], ev.Timeout, "abandoned")
    t.ending([s for s in in_session if s not in (State.READING, State.CHECKING)], ev.Timeout, "abandoned")

    # --- reading the card ----------------------------------------------------------------------------
    t.on(State.READING, ev.CardRead, State.NOT_MY_NUMBER, ("not_my_number_card",), ("finish:not_my_number",))
    t.on(State.READING, ev.CardRead, State.CERT_EXPIRED, ("certificate_expired",), ("keep_summary",))
    # A terminal known to be down is said as the card is read: no PIN or face for a check that cannot be made.
    t.on(State.READING, ev.CardRead, State.TERMINAL_DOWN, ("terminal_known_down",),
         ("keep_summary", "problem:terminal_known_down"))
    t.on(State.READING, ev.CardRead, State.CERT_EXPIRING, ("certificate_expiring",), ("keep_summary",))
    t.on(State.READING, ev.CardRead, State.CHOOSE_METHOD, (), ("keep_summary",))
    t.on(State.READING, "read_card_failed", State.NOT_MY_NUMBER, ("code:not_my_number_card",),
         ("problem", "finish:not_my_number"))
    t.on(State.READING, "read_card_failed", State.UNREADABLE, (), ("problem", "finish:unreadable"))
    t.on(State.CERT_EXPIRING, ev.Proceed, State.CHOOSE_METHOD)

    # --- choosing face or PIN ------------------------------------------------------------------------
    t.on([State.CHOOSE_METHOD, State.FACE_FAILED, State.PIN_LOW, State.PIN_LOCKED], ev.ChooseFace, State.FACE,
         ("face_left",))
    pin_from = [State.CHOOSE_METHOD, State.FACE, State.FACE_FAILED]
    t.on(pin_from, ev.ChoosePin, State.PIN_LOCKED, ("pin_locked",))
    t.on(pin_from, ev.ChoosePin, State.PIN_LOW, ("pin_last_try",))  # face or staff instead of a 3rd try
    t.on(pin_from, ev.ChoosePin, State.PIN)
    t.on([State.CHOOSE_METHOD, State.FACE, State.FACE_FAILED], ev.FaceChildMode, STAY, actions=("child_mode",))

    # --- the face ------------------------------------------------------------------------------------
    t.on(State.FACE, ev.FaceReady, STAY, actions=("keep_reference", "attempt_face"))
    t.on(State.FACE, ev.FaceAttempted, State.TERMINAL_DOWN, ("face_matched", "terminal_known_down"),
         ("method:face", "problem:terminal_known_down"))
    t.on(State.FACE, ev.FaceAttempted, State.CHECKING, ("face_matched",), ("method:face",))
    t.on(State.FACE, ev.FaceAttempted, STAY, ("face_left_after_miss",), ("face_missed", "attempt_face"))
    t.on(State.FACE, ev.FaceAttempted, State.FACE_FAILED, (), ("face_missed",))
    t.on(State.FACE, "face_attempt_failed", STAY, ("face_left_after_miss",), ("problem", "face_missed", "attempt_face"))
    t.on(State.FACE, "face_attempt_failed", State.FACE_FAILED, (), ("problem", "face_missed"))
    t.on(State.FACE, "face_prepare_failed", State.FACE_FAILED, (), ("problem", "face_unavailable"))
    t.on(State.FACE, ev.FaceGuidance, STAY, actions=("guidance",))

    # --- the PIN -------------------------------------------------------------------------------------
    t.on(State.PIN, ev.SubmitPin, STAY, ("card_free",), ("verify_pin",))
    t.on(State.PIN, ev.PinVerified, State.TERMINAL_DOWN, ("terminal_known_down",),
         ("keep_pin_facts", "method:pin", "problem:terminal_known_down"))
    t.on(State.PIN, ev.PinVerified, State.CHECKING, (), ("keep_pin_facts", "method:pin"))
    t.on(State.PIN, ev.PinWrong, State.PIN_LOCKED, ("no_tries_left",), ("pin_missed",))
    t.on(State.PIN, ev.PinWrong, State.PIN_LOW, ("one_try_left",), ("pin_missed",))
    t.on(State.PIN, ev.PinWrong, State.PIN, (), ("pin_missed",))
    t.on(State.PIN, ev.PinBlocked, State.PIN_LOCKED, (), ("pin_blocked",))
    t.on(State.PIN, ev.HolderUnproven, State.WAITING_STAFF, (), ("call:holder_proof_failed",))
    t.on(State.PIN, "verify_pin_failed", State.UNREADABLE, (), ("problem", "finish:unreadable"))

    # --- the qualification check ---------------------------------------------------------------------
    _route_check(t, [State.CHECKING], ())
    t.on(State.CHECKING, "check_failed", State.TERMINAL_DOWN, (), ("problem",))
    # Slow to answer (StateSpec.slow_after): the patient may stop waiting and go on by the fallbacks.
    t.on(State.CHECKING, ev.StopWaiting, State.TERMINAL_DOWN, ("slow",), ("problem:terminal_slow",))
    insurance = _staff(StaffAction.INSURANCE_CHECK)
    t.on(insurance, ev.StaffInsuranceCheck, STAY, ("not_running:insurance_check",), ("check_insurance",))
    _route_check(t, insurance, ("method:visual",))
    t.on(insurance, "insurance_check_failed", STAY, (), ("problem",))

    # --- the 申立書 and the other fallbacks (one MHLW billing path for the kiosk and staff) -----------
    t.on(_where(lambda s: s.declarable), ev.StartDeclaration, State.DECLARATION, ("facts_known",))
    t.on(State.DECLARATION, ev.SubmitDeclaration, STAY, ("not_running:decide_billing",), ("decide_billing",))
    t.on(State.DECLARATION, ev.BillingDecided, State.DONE, (), ("bill",))
    t.on(State.DECLARATION, "decide_billing_failed", State.WAITING_STAFF, (),
         ("problem", "call:declaration_incomplete"))
    fallback = _staff(StaffAction.COMPLETE_FALLBACK)
    t.on(fallback, ev.StaffCompleteFallback, STAY, ("check_failed", "not_running:decide_billing"), ("decide_billing",))
    t.on(fallback, ev.BillingDecided, State.DONE, (), ("bill",))
    t.on(fallback, "decide_billing_failed", STAY, (), ("problem",))

    # --- consent -------------------------------------------------------------------------------------
    t.on(State.CONSENT, ev.AnswerConsent, State.DONE, (), ("consent",))
    t.on(State.CONSENT, ev.AskLimitConsent, State.LIMIT_CONSENT)
    t.on(State.LIMIT_CONSENT, ev.AnswerLimitConsent, State.CONSENT, (), ("limit_answer",))

    # --- 「職員を呼ぶ」 and 「終了」 -------------------------------------------------------------------------
    t.on(_where(lambda s: s.call is Call.WAIT), ev.CallStaff, State.WAITING_STAFF, (), ("call:patient_call",))
    t.on(_where(lambda s: s.call is Call.NOTIFY), ev.CallStaff, STAY, (), ("notify_call",))
    t.on(_where(lambda s: s.call is Call.ALREADY), ev.CallStaff, STAY)
    t.on(State.WAITING_STAFF, ev.ResumeFromStaff, RESUME, ("patient_may_resume",), ("resume",))
    t.ending(_where(lambda s: s.cancel), ev.Cancel, "cancelled")

    # --- staff ---------------------------------------------------------------------------------------
    t.on(_staff(StaffAction.VISUAL_OK), ev.StaffVisualOk, State.CHECKING,
         ("identity_unproven", "certificate_valid", "card_free"), ("method:visual",))
    t.ending(_staff(StaffAction.VISUAL_REJECT), ev.StaffVisualReject, "not_confirmed", ("identity_unproven",))
    t.on(_staff(StaffAction.CHIP_PHOTO), ev.StaffChipPhoto, STAY, ("card_free",), ("read_chip_photo",))
    t.on(_staff(StaffAction.CAMERA_STILL), ev.StaffCameraStill, STAY, ("camera", "not_running:camera_still"),
         ("camera_still",))
    t.on(_staff(StaffAction.CHOOSE_RECORD), ev.StaffChooseRecord, State.CONSENT, ("several_records",),
         ("choose_record",))
    t.on(_staff(StaffAction.CORRECT_NAME), ev.StaffCorrectName, STAY, ("name_correctable",), ("correct_name",))
    t.on(_staff(StaffAction.RECORDS), ev.StaffRecords, STAY, ("not_running:records",), ("records",))
    t.on(_staff(StaffAction.TAKEOVER), ev.StaffTakeover, STAY, (), ("takeover",))
    t.on(_staff(StaffAction.ACKNOWLEDGE), ev.StaffAcknowledge, STAY, (), ("acknowledge",))
    t.on(_staff(StaffAction.RESUME), ev.StaffResume, RESUME, ("resumable",), ("resume",))
    t.ending(_staff(StaffAction.END), ev.StaffEnd, "cancelled")
    t.on(_staff(StaffAction.ANSWER_CALL), ev.StaffAnswerCall, STAY, ("call_pending",), ("answer_call",))
    return tuple(t.rows)


TRANSITIONS: tuple[Transition, ...] = _build()

_BY_KEY: dict[tuple[State, str], tuple[Transition, ...]] = {}
for _row in TRANSITIONS:
    _BY_KEY[(_row.source, _row.event)] = (*_BY_KEY.get((_row.source, _row.event), ()), _row)


def candidates(state: State, kind: str) -> tuple[Transition, ...]:
    """The transitions that may fire for an event of ``kind`` in ``state``, in the order they are tried."""
    return _BY_KEY.get((state, kind), ())


def resume_targets() -> tuple[State, ...]:
    """The screens a patient may call staff from and go back to."""
    return tuple(r.source for r in TRANSITIONS if r.target is State.WAITING_STAFF and "call:patient_call" in r.actions)


def targets(row: Transition) -> tuple[State, ...]:
    """Where ``row`` can lead: one state, the state itself for STAY, every resumable screen for RESUME."""
    if row.target is STAY:
        return (row.source,)
    if row.target is RESUME:
        return resume_targets()
    assert isinstance(row.target, State)
    return (row.target,)


def edges() -> Iterator[tuple[State, State, Transition]]:
    for row in TRANSITIONS:
        for target in targets(row):
            yield row.source, target, row


def reachable(start: State = State.IDLE, *, reverse: bool = False) -> set[State]:
    """States reachable from ``start`` (or, ``reverse``, that can reach it), following the table."""
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        for source, target, _ in edges():
            a, b = (target, source) if reverse else (source, target)
            if a is here and b not in seen:
                seen.add(b)
                todo.append(b)
    return seen


# --- printing the machine --------------------------------------------------------------------------


def graph_json() -> str:
    return json.dumps({
        "states": [s.value for s in State],
        "transitions": [
            {"from": source.value, "event": row.event, "to": target.value,
             **({"guards": list(row.guards)} if row.guards else {}),
             **({"actions": list(row.actions)} if row.actions else {}),
             **({"internal": True} if row.target is STAY else {})}
            for source, target, row in edges()
        ],
    }, ensure_ascii=False, indent=2)


def _collapsed() -> dict[tuple[State, State], list[str]]:
    """Edges between the same two states folded into one list of labels (the graph stays readable)."""
    out: dict[tuple[State, State], list[str]] = {}
    for source, target, row in edges():
        if row.target is STAY:
            continue  # internal: in the JSON, not drawn
        labels = out.setdefault((source, target), [])
        name = row.event + (f" [{' & '.join(row.guards)}]" if row.guards else "")
        if name not in labels:
            labels.append(name)
    return out


def graph_dot() -> str:
    lines = ["digraph reception {", "  rankdir=LR;", '  node [shape=box, style=rounded, fontname="sans"];',
             '  edge [fontname="sans", fontsize=9];']
    for (source, target), labels in _collapsed().items():
        text = "\\n".join(labels).replace('"', '\\"')
        lines.append(f'  {source.value} -> {target.value} [label="{text}"];')
    lines.append("}")
    return "\n".join(lines)


def graph_mermaid() -> str:
    lines = ["stateDiagram-v2", f"  [*] --> {State.IDLE.value}"]
    for (source, target), labels in _collapsed().items():
        lines.append(f"  {source.value} --> {target.value}: {' / '.join(labels)}")
    return "\n".join(lines)


GRAPH_FORMATS = {"json": graph_json, "dot": graph_dot, "mermaid": graph_mermaid}
