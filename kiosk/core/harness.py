"""A reception flow on in-memory devices, driven by a script: the patient of ``kiosk simulate`` and of
the flow tests. Time is a FakeClock moved by ``wait``, ticking once a second like the real driver."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from kiosk.core import events as ev
from kiosk.core.domain import CardKind, IdentityMethod
from kiosk.core.errors import TerminalUnavailable, UnexpectedResponse
from kiosk.core.fallback import Declaration, InsuranceType
from kiosk.core.fakes import (
    DEMO_RECORD,
    ManualRunner,
    FakeCard,
    FakeCardFaceReader,
    FakeCardReader,
    FakeClock,
    FakeFaceAuthenticator,
    FakeQualificationChecker,
    MemoryPublisher,
    MemoryStore,
    SyncRunner,
)
from kiosk.core.flow import Devices, FlowConfig, ReceptionFlow, View
from kiosk.core.ports import FaceAttempt
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import POLICIES, State


@dataclass
class Harness:
    flow: ReceptionFlow
    clock: FakeClock
    card: FakeCardReader
    card_face: FakeCardFaceReader
    face: FakeFaceAuthenticator
    checker: FakeQualificationChecker
    store: MemoryStore
    publisher: MemoryPublisher
    runner: object
    views: list[View] = field(default_factory=list)

    def send(self, *events: ev.Event) -> None:
        for event in events:
            self.flow.dispatch(event)

    def wait(self, seconds: float) -> None:
        for _ in range(int(seconds)):
            self.clock.advance(1)
            self.flow.dispatch(ev.Tick())

    @property
    def state(self) -> State:
        return self.flow.state

    def states(self) -> list[str]:
        return [entry["to"] for entry in self.flow.transcript if "to" in entry]


def make_harness(card: FakeCard | None = None, runner=None, config: FlowConfig | None = None, **overrides) -> Harness:
    clock = FakeClock()
    parts = dict(
        card=FakeCardReader(card, clock),
        card_face=FakeCardFaceReader(),
        face=FakeFaceAuthenticator(),
        qualification=FakeQualificationChecker(),
        store=MemoryStore(),
        publisher=MemoryPublisher(),
        runner=runner or SyncRunner(),
        clock=clock,
    )
    parts.update(overrides)
    flow = ReceptionFlow(Devices(**parts), config)
    harness = Harness(flow, clock, parts["card"], parts["card_face"], parts["face"], parts["qualification"],
                      parts["store"], parts["publisher"], parts["runner"])
    flow.add_listener(harness.views.append)
    flow.start()
    return harness


OTHER_PERSON = DEMO_RECORD.__class__(**{**DEMO_RECORD.__dict__, "name": "他人 次郎", "birth_date": date(1950, 1, 1)})


def settle(rig: Harness, n: int = 1) -> None:
    """Finish ``n`` pending tasks of a ManualRunner harness."""
    for _ in range(n):
        rig.runner.finish_next()


def declare(rig: Harness, contact: str = "090-1234-5678", insurance_type: InsuranceType = InsuranceType.NATIONAL,
            burden_percent: int | None = 30) -> None:
    """The patient's answers on the kiosk's 申立書 form; the flow adds the card's facts, the date and the kana."""
    facts = rig.flow.session.facts
    rig.send(ev.SubmitDeclaration(Declaration(facts, "", contact, rig.clock.now().date(), insurance_type,
                                              burden_percent=burden_percent)))


def reach(state: State) -> Harness:
    """A harness on a ManualRunner standing in ``state``: for tests and ``kiosk screenshots``."""
    card = FakeCard()
    checker = FakeQualificationChecker()
    face = FakeFaceAuthenticator()
    if state is State.NOT_MY_NUMBER:
        card.kind = CardKind.OTHER
    elif state is State.UNREADABLE:
        card.fail_with = UnexpectedResponse("garbage")
    elif state is State.CERT_EXPIRED:
        card.certificate_expires = timedelta(days=-1)
    elif state is State.CERT_EXPIRING:
        card.certificate_expires = timedelta(days=30)
    elif state is State.PIN_LOW:
        card.tries_left = 1
    elif state is State.PIN_LOCKED:
        card.tries_left = 0
    elif state is State.FACE_FAILED:
        face = FakeFaceAuthenticator([FaceAttempt(matched=False, distance=0.8)])
    elif state is State.PERSON_MISMATCH:
        checker = FakeQualificationChecker(QualificationResult(Validity.VALID, (OTHER_PERSON,)))
    elif state is State.QUAL_INVALID:
        checker = FakeQualificationChecker(QualificationResult(Validity.INVALID, (DEMO_RECORD,)))
    elif state is State.QUAL_NONE:
        checker = FakeQualificationChecker(QualificationResult(Validity.NO_RECORD))
    elif state is State.QUAL_SEVERAL:
        checker = FakeQualificationChecker(QualificationResult(Validity.SEVERAL, (DEMO_RECORD, DEMO_RECORD)))
    elif state in (State.TERMINAL_DOWN, State.DECLARATION):
        checker = FakeQualificationChecker(error=TerminalUnavailable("res folder missing"))
    rig = make_harness(card, runner=ManualRunner(), qualification=checker, face=face)
    if state is State.IDLE:
        return rig
    if state is State.READER_FAULT:
        rig.send(ev.ReaderLost())
        return rig
    rig.send(ev.CardInserted())
    if state is State.READING:
        return rig
    settle(rig)
    if state in (State.NOT_MY_NUMBER, State.UNREADABLE, State.CERT_EXPIRED, State.CERT_EXPIRING,
                 State.CHOOSE_METHOD):
        return rig
    if state is State.CARD_REMOVED:
        rig.send(ev.CardRemovedEvent())
        return rig
    if state is State.WAITING_STAFF:
        rig.send(ev.CallStaff())
        return rig
    if state is State.ENDED:
        rig.send(ev.Cancel())
        return rig
    if state in (State.FACE, State.FACE_FAILED):
        rig.send(ev.ChooseMethod(IdentityMethod.FACE))
        if state is State.FACE_FAILED:
            settle(rig, 4)  # prepare + 3 attempts
        return rig
    rig.send(ev.ChooseMethod(IdentityMethod.PIN))
    if state in (State.PIN, State.PIN_LOW, State.PIN_LOCKED):
        return rig
    rig.send(ev.SubmitPin("1234"))
    settle(rig)
    if state is State.CHECKING:
        return rig
    settle(rig)
    if state in (State.CONSENT, State.PERSON_MISMATCH, State.QUAL_INVALID, State.QUAL_NONE, State.QUAL_SEVERAL,
                 State.TERMINAL_DOWN):
        return rig
    if state is State.DECLARATION:
        rig.send(ev.StartDeclaration())
        return rig
    if state is State.LIMIT_CONSENT:
        rig.send(ev.AskLimitConsent())
        return rig
    rig.send(ev.AnswerConsent(True, True, True))
    settle(rig)
    if state is State.DONE:
        return rig
    rig.wait(POLICIES[State.DONE].timeout + 1)
    assert state is State.CARD_LEFT
    return rig
