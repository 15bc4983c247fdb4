"""Playing a scripted patient on a real flow, and what the run shows.

Three rigs run the same script:

- :class:`HeldRig`: fakes on a :class:`ManualRunner`, time on a fake clock. Device work waits until the
  script needs it, so the flow can be stopped standing in any state (``stand_in``: screenshots, tests).
- :class:`LiveRig` with :class:`FakeSide`: the kiosk's own :class:`TaskManager` on worker threads, fakes
  for the hardware (``kiosk simulate``, the default).
- :class:`LiveRig` with :class:`EmbeddedSide`: the embedded demo devices (virtual card behind pcscd, the
  terminal simulator process, the replay camera).

The :class:`Observer` watches the flow's views, the store and the レセコン and builds the report that
``kiosk simulate --json`` prints.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from kiosk.core import events as ev
from kiosk.core.alerts import alerts_of
from kiosk.core.flow import Devices, FlowConfig, ReceptionFlow
from kiosk.core.states import State
from kiosk.core.tasks import EventQueue, TaskManager
from kiosk.core.values import ReceptionRecord
from kiosk.core.view import Verdict, View
from kiosk.simulation.devices import FakeParts, fake_parts
from kiosk.simulation.fakes import FakeClock, FakeStillCamera, ManualRunner, MemoryPublisher, MemoryStore
from kiosk.simulation.script import TAPS, Script, ScriptError, Step, declaration_of, staff_event

SETTLE_SECONDS = 60.0  # the longest the devices may stay busy after the last step


# --- watching a run ------------------------------------------------------------------------------


class Recorder:
    """Passes calls to the real store or publisher and remembers what was written, for the report."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.saved: list[ReceptionRecord] = []
        self._lock = threading.Lock()

    def _keep(self, record: ReceptionRecord) -> None:
        with self._lock:
            self.saved.append(record)

    def save_reception(self, record: ReceptionRecord) -> None:
        self.inner.save_reception(record)
        self._keep(record)

    def save_fallback_reception(self, record, recheck, declaration):
        answer = self.inner.save_fallback_reception(record, recheck, declaration)
        self._keep(record)
        return answer

    def publish(self, record: ReceptionRecord) -> str:
        where = self.inner.publish(record)
        self._keep(record)
        return where

    def publish_fallback(self, record: ReceptionRecord, billing: Any, declaration: Any) -> str:
        where = self.inner.publish_fallback(record, billing, declaration)
        self._keep(record)
        return where

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@dataclass
class SessionReport:
    id: str
    states: list[str] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)


class Observer:
    """Views in, report out. Alerts are what the staff console would show, in the order they first appear."""

    def __init__(self, store: Recorder, publisher: Recorder) -> None:
        self.store, self.publisher = store, publisher
        self.states: list[str] = []
        self.sessions: dict[str, SessionReport] = {}
        self.calls: list[dict[str, Any]] = []  # alerts outside a reception (a call from idle)
        self.refused: list[dict[str, Any]] = []
        self._entry: int | None = None

    def on_view(self, view: View) -> None:
        session = self.sessions.setdefault(view.session_id, SessionReport(view.session_id)) if view.session_id else None
        if view.entry != self._entry:
            self._entry = view.entry
            self.states.append(view.state.value)
            if session is not None:
                session.states.append(view.state.value)
        for alert in alerts_of(view):
            entry = {"code": alert.code, "trouble": alert.trouble.value if alert.trouble else None,
                     "urgent": alert.urgent, "called": alert.called}
            target = session.alerts if session is not None else self.calls
            if entry not in target:
                target.append(entry)

    def refuse(self, step: Step, event: ev.Event, state: State, verdict: Verdict) -> None:
        self.refused.append({"step": step.index + 1, "event": event.kind, "state": state.value,
                             "reason": verdict.reason})

    def report(self, script: Script, flow: ReceptionFlow, devices: str) -> dict[str, Any]:
        saved = {r.session_id: r for r in self.store.saved}  # the last save of each session
        view = flow.view()
        sessions: list[dict[str, Any]] = []
        for report in self.sessions.values():
            record = saved.get(report.id)
            live = view.session_id == report.id
            sessions.append({
                "id": report.id,
                "states": report.states,
                "outcome": (view.outcome or None) if live else (record.outcome if record else None),
                "method": (record.method.value if record and record.method else None),
                "troubles": sorted({*(t.value for t in (record.troubles if record else ())),
                                    *(view.troubles if live else ())}, key=_trouble_order),
                "alerts": report.alerts,
                "to_rececon": [rececon(r) for r in self.publisher.saved if r.session_id == report.id],
                "billing": billed(record) if record is not None else None,
                "saved": record is not None,
            })
        last = sessions[-1] if sessions else None
        return {
            "scenario": script.name,
            "summary": script.summary,
            "devices": devices,
            "script": [step.describe() for step in script.steps],
            "states": self.states,
            "final_state": flow.state.value,
            "outcome": last["outcome"] if last else None,
            "troubles": sorted({t for s in sessions for t in s["troubles"]}, key=_trouble_order),
            "sessions": sessions,
            "calls": self.calls,
            "to_rececon": [rececon(r) for r in self.publisher.saved],
            "refused": self.refused,
        }


def _trouble_order(code: str) -> int:
    return int(code[1:])


def billed(record: ReceptionRecord) -> dict[str, Any] | None:
    """What the reception bills, as saved: the insurer and numbers, and for a fallback its basis and 摘要."""
    if record.billing is None:
        return None
    return {"basis": record.notes[0] if record.notes else "", "insurer_number": record.billing.insurer_number,
            "card_number": record.billing.card_number, "burden_percent": record.billing.burden_percent,
            "remarks": list(record.remarks[:1])}


def rececon(record: ReceptionRecord) -> dict[str, Any]:
    """What the レセコン receives: the identifiers and money facts of the chosen qualification (a face file
    after a card check; the outbox record, with its basis and 摘要欄, after a fallback)."""
    billing = record.billing
    out: dict[str, Any] = {"session": record.session_id, "method": record.method.value if record.method else None}
    if billing is not None:
        out.update(
            insurer_number=billing.insurer_number,
            card_symbol=billing.card_symbol,
            card_number=billing.card_number,
            branch_number=billing.branch_number,
            burden_percent=billing.burden_percent,
            limit_class=billing.limit_class if record.consent and record.consent.limit else "",
        )
    if record.remarks:  # a fallback: the outbox record carries its basis and 摘要欄
        out.update(basis=record.notes[0] if record.notes else "", remarks=list(record.remarks))
    if record.consent is not None:
        out["consent"] = {"medical": record.consent.medical, "drugs": record.consent.drugs,
                          "checkups": record.consent.checkups, "limit": record.consent.limit}
    return out


# --- rigs ----------------------------------------------------------------------------------------


class Rig(Protocol):
    flow: ReceptionFlow
    observer: Observer
    devices_name: str

    def until(self, done: Callable[[], bool], timeout: float) -> bool:
        """Let the devices answer until ``done()``; False if it never came."""

    def settle(self) -> None:
        """Until every piece of device work (saves included) has answered."""

    def skip(self, seconds: float) -> None: ...
    def sleep(self, seconds: float) -> None: ...
    def card_in(self, patient: str | None) -> None: ...
    def card_out(self) -> None: ...
    def reader(self, change: str) -> None: ...
    def terminal(self, name: str) -> None: ...
    def camera(self, name: str) -> None: ...
    def close(self) -> None: ...


def _observe(devices: Devices) -> tuple[Devices, Observer]:
    store, publisher = Recorder(devices.store), Recorder(devices.publisher)
    return replace(devices, store=store, publisher=publisher), Observer(store, publisher)


class HeldRig:
    """Fakes whose answers wait until the script needs them: deterministic, and able to stop anywhere."""

    devices_name = "fake"

    def __init__(self, script: Script, store: Any = None, config: FlowConfig | None = None) -> None:
        self.clock = FakeClock()
        self.runner = ManualRunner()
        self.parts = fake_parts(script.patient, script.terminal, script.camera, self.clock.now(),
                                card_face_readable=script.card_face_readable)
        self.parts.card.clock = self.clock
        devices = Devices(self.parts.card, self.parts.card_face, self.parts.face, self.parts.checker,
                          store if store is not None else MemoryStore(), MemoryPublisher(), self.runner, self.clock,
                          FakeStillCamera())
        devices, self.observer = _observe(devices)
        self.flow = ReceptionFlow(devices, config)
        self.flow.add_listener(self.observer.on_view)
        self.flow.start()

    def step(self) -> bool:
        if not self.runner.pending:
            return False
        self.runner.finish_next()
        return True

    def until(self, done: Callable[[], bool], timeout: float) -> bool:
        while not done():
            if not self.step():
                return done()
        return True

    def settle(self) -> None:
        while self.step():
            pass

    def skip(self, seconds: float) -> None:
        for _ in range(int(seconds)):
            self.clock.advance(1)
            self.flow.dispatch(ev.Tick())

    sleep = skip  # time passes; held work stays held

    def card_in(self, patient: str | None) -> None:
        if patient:
            self.parts.place(patient, self.clock.now())
        self.flow.dispatch(ev.CardInserted())

    def card_out(self) -> None:
        self.flow.dispatch(ev.CardRemovedEvent())

    def reader(self, change: str) -> None:
        self.flow.dispatch(ev.ReaderLost() if change == "lost" else ev.ReaderRestored())

    def terminal(self, name: str) -> None:
        self.parts.answer(name)

    def camera(self, name: str) -> None:
        self.parts.show(name)

    def close(self) -> None:
        pass


class SkippingClock:
    """Real time, plus the seconds a script skips (a patient walking away for a minute)."""

    def __init__(self) -> None:
        self._skipped = 0.0

    def monotonic(self) -> float:
        return time.monotonic() + self._skipped

    def now(self) -> datetime:
        return datetime.now().astimezone() + timedelta(seconds=self._skipped)

    def skip(self, seconds: float) -> None:
        self._skipped += seconds


class _Counted:
    """The task manager, counting work in flight: a run is over when nothing is."""

    def __init__(self, inner: TaskManager) -> None:
        self._inner = inner
        self._lock = threading.Lock()
        self.in_flight = 0

    def post(self, fn: Callable[[], None]) -> None:
        self._inner.post(fn)

    def _less(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def run(self, work, done, timeout):
        with self._lock:
            self.in_flight += 1
        finished = threading.Event()

        def answered(value, error) -> None:
            if not finished.is_set():
                finished.set()
                self._less()
            done(value, error)

        task = self._inner.run(work, answered, timeout)
        counted = self

        class _Task:
            def cancel(self) -> None:
                task.cancel()
                if not finished.is_set():
                    finished.set()
                    counted._less()

        return _Task()


class FakeSide:
    """The hardware side of a live rig: fakes, switched as the script says."""

    name = "fake"

    def __init__(self, script: Script) -> None:
        self.script = script
        self.parts: FakeParts | None = None
        self.clock: SkippingClock | None = None

    def devices(self, runner: Any, clock: SkippingClock, store: Any) -> Devices:
        s = self.script
        self.clock = clock
        p = self.parts = fake_parts(s.patient, s.terminal, s.camera, clock.now(), s.face_attempt_s,
                                    s.card_face_readable)
        p.card.clock = clock
        return Devices(p.card, p.card_face, p.face, p.checker, store if store is not None else MemoryStore(),
                       MemoryPublisher(), runner, clock, FakeStillCamera())

    @property
    def _parts(self) -> FakeParts:
        assert self.parts is not None, "devices() first"
        return self.parts

    def start(self, rig: LiveRig) -> None:
        pass

    def card_in(self, rig: LiveRig, patient: str | None) -> None:
        if patient:
            assert self.clock is not None
            self._parts.place(patient, self.clock.now())
        rig.flow.dispatch(ev.CardInserted())

    def card_out(self, rig: LiveRig) -> None:
        rig.flow.dispatch(ev.CardRemovedEvent())

    def reader(self, rig: LiveRig, change: str) -> None:
        rig.flow.dispatch(ev.ReaderLost() if change == "lost" else ev.ReaderRestored())

    def terminal(self, name: str) -> None:
        self._parts.answer(name)

    def camera(self, name: str) -> None:
        self._parts.show(name)

    def close(self, rig: LiveRig) -> None:
        pass


class EmbeddedSide:
    """The hardware side of a live rig on the embedded demo devices: the card really goes in and out of
    the virtual reader, and each card event arrives from the reader monitor as at the kiosk."""

    name = "embedded"

    def __init__(self, embedded: Any) -> None:
        self.embedded = embedded  # kiosk.embedded.EmbeddedDevices, started

    def devices(self, runner: Any, clock: SkippingClock, store: Any) -> Devices:
        devices = self.embedded.devices(runner, clock)
        return devices if store is None else replace(devices, store=store)

    def start(self, rig: LiveRig) -> None:
        from kiosk.core.card_watch import watch_cards

        watch_cards(rig.flow.devices.card, rig.queue.post, rig.flow.dispatch)

    def card_in(self, rig: LiveRig, patient: str | None) -> None:
        if patient:
            self.embedded.place(patient)
        self.embedded.insert()
        rig.until(lambda: rig.flow.card_present, 10.0)  # pcscd polls its readers: not at once

    def card_out(self, rig: LiveRig) -> None:
        self.embedded.remove()
        rig.until(lambda: not rig.flow.card_present, 10.0)

    def reader(self, rig: LiveRig, change: str) -> None:
        if not self.embedded.owns_reader:
            raise ScriptError("a reader fault needs a pcscd this run started (as root), or --devices fake")
        self.embedded.unplug_reader() if change == "lost" else self.embedded.plug_reader()

    def terminal(self, name: str) -> None:
        self.embedded.answer(name)

    def camera(self, name: str) -> None:
        self.embedded.show(name)

    def close(self, rig: LiveRig) -> None:
        if self.embedded.card_present:  # the patient leaves with the card: the next run starts clean
            self.card_out(rig)
        card = rig.flow.devices.card
        card.stop_monitoring()
        card.release()
        rig.flow.devices.qualification.close()  # each run has a gateway of its own: its watch ends with the run


class LiveRig:
    """The flow on the kiosk's own task manager and a queue standing in for the UI thread."""

    def __init__(self, script: Script, side: Any, store: Any = None, config: FlowConfig | None = None) -> None:
        self.side = side
        self.devices_name = side.name
        self.queue = EventQueue()
        self.clock = SkippingClock()
        self.manager = TaskManager(self.queue.post, name="simulate")
        self.runner = _Counted(self.manager)
        devices, self.observer = _observe(side.devices(self.runner, self.clock, store))
        self.flow = ReceptionFlow(devices, config)
        self.flow.add_listener(self.observer.on_view)
        self.flow.start()
        side.start(self)

    def step(self, seconds: float = 0.05) -> bool:
        ran = self.queue.pump(seconds)
        self.flow.dispatch(ev.Tick())
        return ran > 0

    def until(self, done: Callable[[], bool], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not done():
            if time.monotonic() >= deadline:
                return False
            self.step()
        return True

    def settle(self) -> None:
        self.until(lambda: self.runner.in_flight == 0, SETTLE_SECONDS)
        self.queue.pump(0.0)

    def skip(self, seconds: float) -> None:
        self.clock.skip(seconds)
        self.flow.dispatch(ev.Tick())

    def sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            self.step(min(left, 0.05))

    def card_in(self, patient: str | None) -> None:
        self.side.card_in(self, patient)

    def card_out(self) -> None:
        self.side.card_out(self)

    def reader(self, change: str) -> None:
        self.side.reader(self, change)

    def terminal(self, name: str) -> None:
        self.side.terminal(name)

    def camera(self, name: str) -> None:
        self.side.camera(name)

    def close(self) -> None:
        self.side.close(self)
        self.manager.close()


# --- the player ----------------------------------------------------------------------------------


def play(script: Script, rig: Rig, stop_at: State | None = None, timeout: float = 10.0,
         before_staff: bool = False) -> bool:
    """Play ``script`` on ``rig``. With ``stop_at`` (on a HeldRig, whose work waits until needed), stop as
    soon as the flow enters that state (True when it did); with ``before_staff``, stop before the first
    staff step (a console plays staff); otherwise play to the end and let the devices settle."""
    if stop_at is not None and not isinstance(rig, HeldRig):
        raise TypeError("stop_at needs a HeldRig: on live devices the flow does not wait to be stopped")
    flow = rig.flow
    reached = threading.Event()
    if stop_at is not None:
        if flow.state is stop_at:
            return True
        flow.add_listener(lambda view: reached.set() if view.state is stop_at else None)
    for step in script.steps:
        if before_staff and step.kind == "staff":
            return True
        _perform(step, rig, timeout)
        if stop_at is not None and (reached.is_set() or rig.until(reached.is_set, 0.0)):
            return True
    if stop_at is not None:
        return rig.until(reached.is_set, timeout)
    rig.settle()
    return True


def _perform(step: Step, rig: Rig, default_timeout: float) -> None:
    flow = rig.flow
    timeout = float(step.args.get("timeout", default_timeout))
    kind, value = step.kind, step.value
    if kind == "card":
        if value == "in":
            rig.card_in(step.args.get("patient"))
        else:
            rig.card_out()
    elif kind == "reader":
        rig.reader(value)
    elif kind == "terminal":
        rig.terminal(value)
    elif kind == "camera":
        rig.camera(value)
    elif kind == "wait":
        target = State(value)
        if not rig.until(lambda: flow.state is target, timeout):
            rig.observer.refused.append({"step": step.index + 1, "event": f"wait {value}",
                                         "state": flow.state.value, "reason": "not_reached"})
    elif kind == "sleep":
        rig.sleep(value)
    elif kind == "skip":
        rig.skip(value)
    else:
        make = _event_maker(step, flow)
        rig.until(lambda: flow.allows(make()), timeout)  # a person taps what the screen offers
        event = make()
        state = flow.state
        verdict = flow.dispatch(event)
        if not verdict:
            rig.observer.refuse(step, event, state, verdict)


def _event_maker(step: Step, flow: ReceptionFlow) -> Callable[[], ev.Event]:
    kind, value = step.kind, step.value
    if kind == "tap":
        tap = TAPS[value]
        return lambda: tap(flow.view())
    if kind == "pin":
        return lambda: ev.SubmitPin(value)
    if kind == "form":
        return lambda: ev.SubmitDeclaration(declaration_of(value, flow.view().card_facts,
                                                           flow.devices.clock.now().date()))
    if kind == "staff":
        session = lambda: flow.view().session_id  # noqa: E731 - the console names the patient it means
        return lambda: replace(staff_event(step, flow.devices.clock.now().date()), session_id=session())
    raise ScriptError(f"step {step.index + 1}: cannot play {kind}")


def stand_in(state: State, scripts: dict[str, Script] | None = None) -> HeldRig:
    """A flow on held fakes standing in ``state``, reached by the first packaged scenario that gets there:
    for screenshots and tests of every screen. Nothing here lists how to reach a state."""
    from kiosk.simulation.script import named

    for script in (scripts or named()).values():
        rig = HeldRig(script)
        if play(script, rig, stop_at=state, timeout=0.0):
            return rig
    raise LookupError(f"no scenario reaches {state.value}")
