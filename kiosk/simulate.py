"""``kiosk simulate``: the real reception flow, headless, with a scripted patient from kiosk.scenarios."""
from __future__ import annotations

import argparse
import json
from dataclasses import replace

from kiosk.core import events as ev
from kiosk.core.fakes import FakeCardFaceReader, FakeFaceAuthenticator, FakeQualificationChecker
from kiosk.core.harness import Harness, make_harness
from kiosk.core.ports import ReceptionRecord
from kiosk.scenarios import SCENARIOS, Mutate, Scenario, Wait


def harness_for(scenario: Scenario) -> Harness:
    checker = FakeQualificationChecker(scenario.result, scenario.check_error)
    return make_harness(
        replace(scenario.card),
        qualification=checker,
        face=FakeFaceAuthenticator(list(scenario.face)),
        card_face=FakeCardFaceReader(scenario.code_b),
    )


def play(scenario: Scenario) -> Harness:
    harness = harness_for(scenario)
    for action in scenario.script:
        if isinstance(action, Wait):
            harness.wait(action.seconds)
        elif isinstance(action, Mutate):
            action.apply(harness)
        else:
            harness.send(action)
    return harness


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


def transcript(scenario: Scenario, harness: Harness) -> dict:
    flow = harness.flow
    entered = harness.states()
    receptions = harness.store.receptions
    return {
        "scenario": scenario.name,
        "summary": scenario.summary,
        "script": [_describe(a) for a in scenario.script],
        "states": entered,
        "screens": [f"screen.{s}" for s in entered],
        "final_state": flow.state.value,
        "outcome": receptions[-1].outcome if receptions else (flow.session.outcome.value if flow.session and flow.session.outcome else None),
        "troubles": sorted({t.value for r in receptions for t in r.troubles} | set(flow.view().troubles)),
        "staff_reason": flow.view().staff_reason,
        "to_rececon": [_rececon(r) for r in harness.publisher.published],
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
    result = transcript(scenario, play(scenario))
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"{scenario.name}: {' → '.join(result['states'])}  [{result['outcome']}]")
    return 0


def register(sub) -> None:
    p = sub.add_parser("simulate", help="run the reception headless with a scripted patient")
    p.add_argument("scenario", nargs="?", help="scenario name (see --list)")
    p.add_argument("--list", action="store_true", help="print one scenario per line, its name first")
    p.add_argument("--json", action="store_true", help="print the transcript as JSON")
    p.set_defaults(func=run)
