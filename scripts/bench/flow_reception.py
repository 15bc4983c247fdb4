"""How much machine time the reception flow itself takes: whole receptions on in-memory devices that answer
at once, so what is timed is the flow (its table, guards, actions, Views to the listeners) and nothing else.

    .venv/bin/python scripts/bench/flow_reception.py [--reference DIR] [--rounds 5] [--receptions 300]

Paths timed: ``valid-pin`` (card in, PIN, consent, card out), ``face-fail-pin`` (three face misses, then
the PIN) and ``several-staff`` (several records, staff choose one). Also one ``view()``. With
``--reference`` (a checkout of an earlier commit, e.g. ``git worktree add /tmp/ref f9b2741``) each round
runs the reference and this tree in turn, each in a fresh process, and the medians print side by side.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _worker(tree: Path, receptions: int) -> dict[str, float]:
    """Runs in a child process with ``tree`` first on the path (and no editable install in the way)."""
    sys.path.insert(0, str(tree))
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f)]
    from dataclasses import replace

    from kiosk.core import events as ev

    try:  # this tree
        from kiosk.core.values import FaceAttempt
        from kiosk.simulation.fakes import DEMO_RECORD, FakeFaceAuthenticator, FakeQualificationChecker
        from kiosk.simulation.harness import make_harness
        face, pin = ev.ChooseFace(), ev.ChoosePin()
        choose = lambda: ev.StaffChooseRecord("bench", index=1)  # noqa: E731
    except ImportError:  # the reference, before the declared machine: its modules by name (not this tree's)
        import importlib

        old_fakes = importlib.import_module("kiosk.core.fakes")
        DEMO_RECORD, FakeFaceAuthenticator = old_fakes.DEMO_RECORD, old_fakes.FakeFaceAuthenticator
        FakeQualificationChecker = old_fakes.FakeQualificationChecker
        make_harness = importlib.import_module("kiosk.core.harness").make_harness
        FaceAttempt = importlib.import_module("kiosk.core.ports").FaceAttempt
        method = importlib.import_module("kiosk.core.domain").IdentityMethod
        face, pin = ev.ChooseMethod(method.FACE), ev.ChooseMethod(method.PIN)
        choose = lambda: ev.StaffChooseRecord("bench", 1)  # noqa: E731
    from kiosk.core.qualification import QualificationResult, Validity

    consent, card_in, card_out = ev.AnswerConsent(True, True, True), ev.CardInserted(), ev.CardRemovedEvent()
    several = QualificationResult(Validity.SEVERAL, (DEMO_RECORD, replace(DEMO_RECORD, insurer_number="39999999")))
    paths = {
        "valid-pin": (dict(), lambda: (card_in, pin, ev.SubmitPin("1234"), consent, card_out)),
        "face-fail-pin": (dict(face=FakeFaceAuthenticator([FaceAttempt(matched=False, distance=0.7)])),
                          lambda: (card_in, face, pin, ev.SubmitPin("1234"), consent, card_out)),
        "several-staff": (dict(qualification=FakeQualificationChecker(several)),
                          lambda: (card_in, pin, ev.SubmitPin("1234"), choose(), consent, card_out)),
    }
    out: dict[str, float] = {}
    for name, (devices, script) in paths.items():
        rig = make_harness(**devices)
        for event in script():  # warm up
            rig.flow.dispatch(event)
        times = []
        for _ in range(receptions):
            events = script()
            start = time.perf_counter()
            for event in events:
                rig.flow.dispatch(event)
            times.append(time.perf_counter() - start)
            rig.flow.transcript.clear()  # the old flow's list grows without bound; not what is timed
            rig.store.receptions.clear()
            rig.publisher.published.clear()
        out[f"{name} ms"] = statistics.median(times) * 1000
        assert rig.flow.state.value == "idle", (name, rig.flow.state)
    rig = make_harness()
    rig.flow.dispatch(card_in)
    start = time.perf_counter()
    for _ in range(receptions * 10):
        rig.flow.view()
    out["view() µs"] = (time.perf_counter() - start) / (receptions * 10) * 1e6
    return out


def _run(tree: Path, receptions: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--worker", str(tree), "--receptions", str(receptions)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, help="a checkout of an earlier commit to run beside this tree")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--receptions", type=int, default=300)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(_worker(args.worker, args.receptions)))
        return
    trees = {"this tree": ROOT} | ({"reference": args.reference} if args.reference else {})
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():  # interleaved: both see the same machine
            runs[name].append(_run(tree, args.receptions))
    keys = list(runs["this tree"][0])
    print(f"{args.rounds} rounds × {args.receptions} receptions, medians of the rounds' medians")
    print(f"{'':18}" + "".join(f"{name:>14}" for name in trees))
    for key in keys:
        row = [statistics.median(r[key] for r in runs[name]) for name in trees]
        print(f"{key:18}" + "".join(f"{value:14.3f}" for value in row))


if __name__ == "__main__":
    main()
