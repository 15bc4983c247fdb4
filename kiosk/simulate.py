"""``kiosk simulate``: the real reception flow, headless, with a scripted patient from kiosk.scenarios.

Two kinds of devices: ``fake`` (the default: in-memory card, camera and terminal, instant and
deterministic) and ``embedded`` (the demo's real adapters: virtual card over pcscd, terminal simulator,
replay camera). Either way each reception is written to the store in the configured data directory,
exactly as at the kiosk.
"""
from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from kiosk.core import events as ev
from kiosk.core.fakes import FakeCardFaceReader, FakeFaceAuthenticator, FakeQualificationChecker, MemoryStore
from kiosk.core.flow import ReceptionFlow
from kiosk.core.harness import make_harness
from kiosk.core.ports import ReceptionRecord
from kiosk.scenarios import SCENARIOS, Mutate, Scenario, Wait

SETTLE_SECONDS = 60.0  # the longest a scripted step may keep the embedded devices busy


@dataclass
class Recorder:
    """Passes calls to the real store or publisher and remembers what was written, for the transcript."""

    inner: object
    saved: list[ReceptionRecord] = field(default_factory=list)

    def save_reception(self, record: ReceptionRecord) -> None:
        self.inner.save_reception(record)
        self.saved.append(record)

    def publish(self, record: ReceptionRecord) -> str:
        where = self.inner.publish(record)
        self.saved.append(record)
        return where

    def __getattr__(self, name):
        return getattr(self.inner, name)


@dataclass
class Run:
    scenario: Scenario
    flow: ReceptionFlow
    store: Recorder
    publisher: Recorder


def harness_for(scenario: Scenario, store=None, config=None):
    """A flow on fakes for ``scenario``; ``store`` defaults to an in-memory one."""
    from kiosk.wiring import flow_config

    checker = FakeQualificationChecker(scenario.result, scenario.check_error)
    return make_harness(
        replace(scenario.card),
        config=flow_config(config),
        qualification=checker,
        face=FakeFaceAuthenticator(list(scenario.face)),
        card_face=FakeCardFaceReader(scenario.code_b),
        store=store if store is not None else MemoryStore(),
    )


def play(scenario: Scenario, store=None, config=None) -> Run:
    """The scripted patient on fakes: every step settles at once."""
    recorder = Recorder(store if store is not None else MemoryStore())
    harness = harness_for(scenario, recorder, config)
    publisher = Recorder(harness.publisher)
    harness.flow.devices = replace(harness.flow.devices, publisher=publisher)
    for action in scenario.script:
        perform(harness, action)
    return Run(scenario, harness.flow, recorder, publisher)


def perform(harness, action) -> None:
    """One step of a script on a harness: wait, break a device, or send the patient's (or staff's) event."""
    if isinstance(action, Wait):
        harness.wait(action.seconds)
    elif isinstance(action, Mutate):
        action.apply(harness)
    else:
        harness.send(action)


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


UNSUPPORTED_EMBEDDED = (ev.ReaderLost, ev.ReaderRestored)


def play_embedded(scenario: Scenario, config, embedded=None) -> Run:
    """The scripted patient on the embedded demo devices: the card goes in and out of the virtual reader,
    and each step waits until the flow has settled. ``embedded``: devices already started (switched to
    this scenario here), else they are started and stopped around the run."""
    from kiosk.embedded import EmbeddedDevices

    if any(isinstance(a, UNSUPPORTED_EMBEDDED) for a in scenario.script):
        raise SystemExit(f"kiosk simulate: {scenario.name} needs a reader fault, which only --devices fake plays")
    if embedded is not None:
        embedded.switch(scenario)
        return _play_on(scenario, embedded)
    embedded = EmbeddedDevices(config, scenario).start()
    try:
        return _play_on(scenario, embedded)
    finally:
        embedded.close()


def _play_on(scenario: Scenario, embedded) -> Run:
    from kiosk.core.card_watch import watch_cards
    from kiosk.core.tasks import EventQueue, ThreadedTaskRunner
    from kiosk.wiring import flow_config

    queue, clock = EventQueue(), SkippingClock()
    devices = embedded.devices(ThreadedTaskRunner(queue.post), clock)
    store, publisher = Recorder(devices.store), Recorder(devices.publisher)
    flow = ReceptionFlow(replace(devices, store=store, publisher=publisher), flow_config(embedded.config))
    flow.start()
    watch_cards(devices.card, queue.post, flow.dispatch)
    try:
        for action in scenario.script:
            if isinstance(action, Wait):
                clock.skip(action.seconds)
                flow.dispatch(ev.Tick())
            elif isinstance(action, Mutate):
                continue  # the virtual card's own profile plays the fault
            elif isinstance(action, ev.CardInserted):
                embedded.insert()
                _until(flow, queue, lambda: flow.card_present)  # pcscd polls its readers: not at once
            elif isinstance(action, ev.CardRemovedEvent):
                embedded.remove()
                _until(flow, queue, lambda: not flow.card_present)
            else:
                flow.dispatch(action)
            _settle(flow, queue)
    finally:
        if embedded.card_present:  # the patient leaves with the card: the next run starts clean
            embedded.remove()
            _until(flow, queue, lambda: not flow.card_present)
        devices.card.stop_monitoring()
        devices.card.release()
    return Run(scenario, flow, store, publisher)


def _until(flow: ReceptionFlow, queue, condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        queue.pump(0.05)
        flow.dispatch(ev.Tick())


def _settle(flow: ReceptionFlow, queue, quiet: float = 0.3) -> None:
    """Pump the flow's thread until no step is running and nothing has arrived for ``quiet`` seconds."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        ran = queue.pump(quiet)
        flow.dispatch(ev.Tick())
        if not ran and not flow.busy:
            return


def _rececon(record: ReceptionRecord) -> dict:
    """What the レセコン receives: the identifiers and money facts of the chosen qualification."""
    billing = record.billing
    out = {"session": record.session_id, "method": record.method.value if record.method else None}
    if billing is not None:
        out.update(
            insurer_number=billing.insurer_number,
            card_symbol=billing.card_symbol,
            card_number=billing.card_number,
            branch_number=billing.branch_number,
            burden_percent=billing.burden_percent,
            limit_class=billing.limit_class if record.consent and record.consent.limit else "",
        )
    if record.consent is not None:
        out["consent"] = {
            "medical": record.consent.medical,
            "drugs": record.consent.drugs,
            "checkups": record.consent.checkups,
            "limit": record.consent.limit,
        }
    return out


def transcript(run: Run) -> dict:
    flow, scenario = run.flow, run.scenario
    entered = [e["to"] for e in flow.transcript if "to" in e]
    saved = run.store.saved
    view = flow.view()
    session = flow.session
    outcome = saved[-1].outcome if saved else None
    if session is not None:  # still at the kiosk (waiting for staff, say)
        outcome = session.outcome.value if session.outcome else None
    return {
        "scenario": scenario.name,
        "summary": scenario.summary,
        "script": [_describe(a) for a in scenario.script],
        "states": entered,
        "screens": [f"screen.{s}" for s in entered],
        "final_state": flow.state.value,
        "outcome": outcome,
        "troubles": sorted({t.value for r in saved for t in r.troubles} | set(view.troubles)),
        "staff_reason": view.staff_reason,
        "sessions": sorted({r.session_id for r in saved}),
        "to_rececon": [_rececon(r) for r in run.publisher.saved],
        "ignored_events": [e["what"] for e in flow.transcript if e.get("ignored")],
    }


def _describe(action) -> str:
    if isinstance(action, Wait):
        return f"wait {action.seconds:g}s"
    if isinstance(action, Mutate):
        return action.describe
    return repr(action) if isinstance(action, ev.SubmitPin) else action.kind


def run(args: argparse.Namespace) -> int:
    if args.list:
        for scenario in SCENARIOS.values():
            print(f"{scenario.name}\t{scenario.summary}")
        return 0
    if not args.scenario:
        print("kiosk simulate: name a scenario (see --list)")
        return 2
    scenario = SCENARIOS.get(args.scenario)
    if scenario is None:
        print(f"kiosk simulate: unknown scenario {args.scenario!r} (see --list)")
        return 2
    from kiosk.config import load
    from kiosk.core.errors import KioskError

    if args.repeat < 1:
        print("kiosk simulate: --repeat must be 1 or more")
        return 2
    try:
        config = load()
        if args.devices == "embedded":
            for _ in range(args.repeat):
                _report(transcript(play_embedded(scenario, config)), args.json, args.repeat)
        else:
            from kiosk.store.store import open_store

            with open_store(config) as store:
                for _ in range(args.repeat):
                    _report(transcript(play(scenario, store, config)), args.json, args.repeat)
    except KioskError as error:
        print(f"kiosk simulate: {error.code}: {error}")
        return 1
    return 0


def _report(result: dict, as_json: bool, repeat: int) -> None:
    """One run's transcript, printed once its receptions are in the store (flushed: a watcher may
    count on every line it has seen being durable)."""
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=None if repeat > 1 else 2), flush=True)
    else:
        print(f"{result['scenario']}: {' → '.join(result['states'])}  [{result['outcome']}]"
              f"  sessions={','.join(result['sessions'])}", flush=True)


def register(sub) -> None:
    p = sub.add_parser("simulate", help="run the reception headless with a scripted patient")
    p.add_argument("scenario", nargs="?", help="scenario name (see --list)")
    p.add_argument("--list", action="store_true", help="print one scenario per line, its name first")
    p.add_argument("--json", action="store_true", help="print the transcript as JSON")
    p.add_argument("--repeat", type=int, default=1, metavar="N",
                   help="play the scenario N times, one transcript per run (load and crash tests)")
    p.add_argument("--devices", choices=("fake", "embedded"), default="fake",
                   help="fake: in-memory devices (default); embedded: virtual card over pcscd, terminal "
                        "simulator, replay camera")
    p.set_defaults(func=run)
