"""How much machine time the reception flow itself takes: whole receptions on in-memory devices that answer
at once, so what is timed is the flow (its table, guards, actions, Views to the listeners) and nothing else.

    .venv/bin/python scripts/bench/flow_reception.py [--reference DIR] [--rounds 5] [--receptions 300] [--json]
    .venv/bin/python scripts/bench/flow_reception.py --embedded [--rounds 5] [--json]

Paths timed: ``valid-pin`` (card in, PIN, consent, card out), ``face-fail-pin`` (three face misses, then
the PIN) and ``several-staff`` (several records, staff choose one). Also one ``view()``. With
``--reference`` (a checkout of an earlier commit, e.g. ``git worktree add /tmp/ref f9b2741``) each round
runs the reference and this tree in turn, each in a fresh process, and the medians print side by side.

``--embedded`` times whole receptions on the embedded demo devices instead (the virtual card behind real
pcscd, the terminal simulator process, the replay camera: ``kiosk simulate --devices embedded``), in one
fresh process: ``valid-face`` and ``valid-pin`` taking turns, ``--rounds`` of each after one of each to warm
up (the models, the face worker). Machine time is the CPU time, from the first step to the last, of that
process and of the kiosk's own children (the face worker, the OCR child of each 照合番号B read), without
the stand-ins: the virtual card's thread (the card's chip), pcscd with its vpcd driver and the terminal
simulator (``with stand-ins`` counts them too). Needs the PC/SC tier (pcscd, vsmartcard-vpcd, root);
waits for the virtual reader.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EMBEDDED_PATHS = ("valid-face", "valid-pin")
KIOSK_CHILDREN = (b"kiosk.face.",)  # the face worker and the OCR child: the kiosk's own work, moved out
SECONDS_PER_RECEPTION = 120.0  # an embedded reception slower than this is stuck, not slow


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


def _ticks(stat: str, fields: slice) -> int:
    """Clock ticks summed over ``fields`` of a /proc/…/stat line (counted after the command's name)."""
    return sum(int(v) for v in stat.rsplit(")", 1)[1].split()[fields])


def _children_ticks() -> tuple[int, int]:
    """CPU ticks of this process's live children (each with the children it reaped): the kiosk's own, all."""
    kiosk = everything = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid():
            ticks = _ticks(stat, slice(11, 15))  # utime stime cutime cstime
            everything += ticks
            kiosk += ticks if any(c in command for c in KIOSK_CHILDREN) else 0
    return kiosk, everything


def _machine_seconds() -> tuple[float, float]:
    """CPU seconds so far: (the kiosk's, everything's). The kiosk's: this process, the children it reaped
    and its live kiosk children, less the virtual card's thread (the card's chip at a clinic); everything's
    adds that thread, pcscd with its vpcd driver and the terminal simulator, the stand-ins."""
    own, reaped = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    card = 0
    for thread in threading.enumerate():
        if thread.name == "virtual-card" and thread.native_id is not None:
            try:
                card += _ticks(Path(f"/proc/self/task/{thread.native_id}/stat").read_text(), slice(11, 13))
            except OSError:
                pass
    tick = os.sysconf("SC_CLK_TCK")
    process = own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime
    kiosk, everything = _children_ticks()
    return process + (kiosk - card) / tick, process + everything / tick


def _embedded_worker(rounds: int) -> dict[str, dict[str, float]]:
    """In a fresh process: the embedded paths taking turns, machine and wall seconds of each reception."""
    from kiosk import memory

    memory.limit_arenas()  # what `kiosk` does first, before any thread exists
    from kiosk.config import load
    from kiosk.embedded import DemoPatient, EmbeddedDevices
    from kiosk.simulation.player import EmbeddedSide, LiveRig, play
    from kiosk.simulation.script import named
    from kiosk.wiring import flow_config

    scripts, config = named(), load()
    first = scripts[EMBEDDED_PATHS[0]]
    embedded = EmbeddedDevices(config, DemoPatient(first.patient, first.terminal, first.camera)).start()
    samples: dict[str, list[tuple[float, float, float, str]]] = {name: [] for name in EMBEDDED_PATHS}
    try:
        for round_ in range(rounds + 1):  # round 0 warms up
            for name in EMBEDDED_PATHS:
                script = scripts[name]
                embedded.switch(DemoPatient(script.patient, script.terminal, script.camera))
                rig = LiveRig(script, EmbeddedSide(embedded), config=flow_config(config))
                rig.flow.add_listener(memory.TrimWhenIdle(rig.runner))  # as `kiosk simulate` registers it
                try:
                    wall, (cpu, cpu_all) = time.perf_counter(), _machine_seconds()
                    play(script, rig, timeout=30.0)  # as `kiosk simulate --devices embedded`
                    wall, (cpu_end, all_end) = time.perf_counter() - wall, _machine_seconds()
                    cpu, cpu_all = cpu_end - cpu, all_end - cpu_all
                    outcome = rig.observer.report(script, rig.flow, "embedded")["outcome"]
                finally:
                    rig.close()
                if round_:
                    samples[name].append((cpu, cpu_all, wall, outcome))
    finally:
        embedded.close()
    return {name: {"machine_s": statistics.median(cpu for cpu, _, _, _ in runs),
                   "machine_s_max": max(cpu for cpu, _, _, _ in runs),
                   "machine_s_with_stand_ins": statistics.median(cpu_all for _, cpu_all, _, _ in runs),
                   "wall_s": statistics.median(wall for _, _, wall, _ in runs),
                   "completed": sum(outcome == "completed" for _, _, _, outcome in runs), "receptions": len(runs)}
            for name, runs in samples.items()}


def _embedded(rounds: int) -> dict[str, dict[str, float]]:
    """The embedded worker in a fresh process on a data directory of its own, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="kiosk-flow-bench-") as work:
        env = {**os.environ, "KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(Path(work) / "data"),
               "KIOSK_KEY_DIR": str(Path(work) / "keys"), "KIOSK_KEY_PROVIDER": "file"}
        done = subprocess.run([sys.executable, __file__, "--embedded-worker", "--rounds", str(rounds)],
                              capture_output=True, text=True, env=env, cwd=ROOT,
                              timeout=SECONDS_PER_RECEPTION * 2 * (rounds + 1))
    if done.returncode != 0:
        raise SystemExit(f"the embedded worker ended with {done.returncode}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _run(tree: Path, receptions: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--worker", str(tree), "--receptions", str(receptions)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, help="a checkout of an earlier commit to run beside this tree")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--receptions", type=int, default=300)
    parser.add_argument("--embedded", action="store_true",
                        help="valid-face and valid-pin on the embedded demo devices, machine time per reception")
    parser.add_argument("--json", action="store_true", help="print the medians as JSON only")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--embedded-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(_worker(args.worker, args.receptions)))
        return
    if args.embedded_worker:
        print(json.dumps(_embedded_worker(args.rounds)))
        return
    if args.embedded:
        paths = _embedded(args.rounds)
        if args.json:
            print(json.dumps({"rounds": args.rounds, "embedded": paths}))
            return
        print(f"embedded devices, {args.rounds} rounds of each path taking turns (after one to warm up); medians")
        print(f"{'':14}{'machine s':>11}{'max':>8}{'with stand-ins':>16}{'wall s':>9}{'completed':>11}")
        for name, r in paths.items():
            print(f"{name:14}{r['machine_s']:11.3f}{r['machine_s_max']:8.3f}{r['machine_s_with_stand_ins']:16.3f}"
                  f"{r['wall_s']:9.2f}"
                  f"{r['completed']:>7.0f}/{r['receptions']:.0f}")
        return
    trees = {"this tree": ROOT} | ({"reference": args.reference} if args.reference else {})
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():  # interleaved: both see the same machine
            runs[name].append(_run(tree, args.receptions))
    keys = list(runs["this tree"][0])
    if args.json:
        print(json.dumps({"rounds": args.rounds, "receptions": args.receptions,
                          "medians": {name: {key: statistics.median(r[key] for r in runs[name]) for key in keys}
                                      for name in trees}}))
        return
    print(f"{args.rounds} rounds × {args.receptions} receptions, medians of the rounds' medians")
    print(f"{'':18}" + "".join(f"{name:>14}" for name in trees))
    for key in keys:
        row = [statistics.median(r[key] for r in runs[name]) for name in trees]
        print(f"{key:18}" + "".join(f"{value:14.3f}" for value in row))


if __name__ == "__main__":
    main()
