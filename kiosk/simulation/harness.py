"""A reception flow on in-memory devices, driven step by step: the rig of the flow tests.

Time is a :class:`FakeClock` moved by ``wait``, ticking once a second like the real driver. With the
default :class:`SyncRunner` every piece of device work answers at once; with a :class:`ManualRunner` a
test decides when (and whether) each answer arrives, to play races, timeouts and late answers.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from kiosk.core import events as ev
from kiosk.core.fallback import Declaration, InsuranceType
from kiosk.core.flow import Devices, FlowConfig, ReceptionFlow
from kiosk.core.states import State
from kiosk.core.view import Verdict, View
from kiosk.simulation.fakes import (
    DEMO_RECORD,
    FakeCard,
    FakeCardFaceReader,
    FakeCardReader,
    FakeClock,
    FakeFaceAuthenticator,
    FakeQualificationChecker,
    FakeStillCamera,
    MemoryPublisher,
    MemoryStore,
    SyncRunner,
)


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
    runner: Any
    views: list[View] = field(default_factory=list)

    def send(self, *events: ev.Event) -> Verdict:
        """Dispatch each event in turn; the last verdict."""
        verdict = Verdict(True)
        for event in events:
            verdict = self.flow.dispatch(event)
        return verdict

    def wait(self, seconds: float) -> None:
        for _ in range(int(seconds)):
            self.clock.advance(1)
            self.flow.dispatch(ev.Tick())

    @property
    def state(self) -> State:
        return self.flow.state

    @property
    def view(self) -> View:
        return self.flow.view()

    def states(self) -> list[str]:
        """Every state entered, in order (a state entered again counts again), from the flow's transcript:
        with device work that answers at once a state can be entered and left inside one dispatch."""
        return [State.IDLE.value, *(e["to"] for e in self.flow.transcript if e["what"] == "enter")]

    def settle(self, n: int = 1) -> None:
        """Deliver ``n`` pending answers of a ManualRunner harness, oldest first."""
        for _ in range(n):
            self.runner.finish_next()

    def declare(self, contact: str = "090-1234-5678", insurance_type: InsuranceType = InsuranceType.NATIONAL,
                burden_percent: int | None = 30) -> Verdict:
        """The patient's answers on the kiosk's 申立書 form; the flow adds the card's facts, the date and the kana."""
        facts = self.view.card_facts
        assert facts is not None, "the 申立書 form shows the card's facts"
        return self.send(ev.SubmitDeclaration(Declaration(facts, "", contact, self.clock.now().date(), insurance_type,
                                                          burden_percent=burden_percent)))


def make_harness(card: FakeCard | None = None, runner: Any = None, config: FlowConfig | None = None,
                 **overrides: Any) -> Harness:
    clock = FakeClock()
    parts: dict[str, Any] = dict(
        card=FakeCardReader(card, clock),
        card_face=FakeCardFaceReader(),
        face=FakeFaceAuthenticator(),
        qualification=FakeQualificationChecker(),
        store=MemoryStore(),
        publisher=MemoryPublisher(),
        runner=runner or SyncRunner(),
        clock=clock,
        camera=FakeStillCamera(),
    )
    parts.update(overrides)
    flow = ReceptionFlow(Devices(**parts), config)
    harness = Harness(flow, clock, parts["card"], parts["card_face"], parts["face"], parts["qualification"],
                      parts["store"], parts["publisher"], parts["runner"])
    flow.add_listener(harness.views.append)
    flow.start()
    return harness


OTHER_PERSON = replace(DEMO_RECORD, name="他人 次郎", birth_date=date(1950, 1, 1))
