"""``kiosk simulate``: the real reception flow, headless, with a scripted patient.

A scripted patient is a JSON file (``--script FILE``, vocabulary in docs/simulation.md) or one of the
packaged scenarios (``kiosk simulate NAME``, ``--list``). Two kinds of devices: ``fake`` (the default:
the kiosk's own task manager on worker threads, in-memory card, camera and terminal) and ``embedded``
(the demo's real adapters: virtual card over pcscd, terminal simulator process, replay camera). Either
way each reception is written to the store in the configured data directory, exactly as at the kiosk.
"""
from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("simulate", help="run the reception headless with a scripted patient")
    p.add_argument("scenario", nargs="?", help="a packaged scenario's name (see --list)")
    p.add_argument("--script", metavar="FILE", help="a scripted patient as a JSON file (docs/simulation.md)")
    p.add_argument("--list", action="store_true", help="print one scenario per line, its name first")
    p.add_argument("--json", action="store_true", help="print the run's report as JSON")
    p.add_argument("--repeat", type=int, default=1, metavar="N",
                   help="play the script N times, one report per run (load and crash tests)")
    p.add_argument("--devices", choices=("fake", "embedded"), default="fake",
                   help="fake: in-memory devices on the real task manager (default); embedded: virtual card over "
                        "pcscd, terminal simulator, replay camera")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S",
                   help="how long a tap waits for its button to appear (default 10 s)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk.config import load as load_config
    from kiosk.core.errors import KioskError
    from kiosk.simulation.script import ScriptError, load, named

    try:
        scripts = named()
        if args.list:
            for script in scripts.values():
                print(f"{script.name}\t{script.summary}")
            return 0
        if args.repeat < 1:
            print("kiosk simulate: --repeat must be 1 or more")
            return 2
        if bool(args.script) == bool(args.scenario):
            print("kiosk simulate: name a scenario (see --list) or give --script FILE")
            return 2
        found = load(args.script) if args.script else scripts.get(args.scenario)
        if found is None:
            print(f"kiosk simulate: unknown scenario {args.scenario!r} (see --list)")
            return 2
        config = load_config()
        (_embedded if args.devices == "embedded" else _fake)(found, config, args)
    except ScriptError as error:  # a script that cannot be played as written
        print(f"kiosk simulate: {error}")
        return 2
    except KioskError as error:
        print(f"kiosk simulate: {error.code}: {error}")
        return 1
    return 0


def _fake(script, config, args: argparse.Namespace) -> None:
    from kiosk.core.tasks import StoreLane
    from kiosk.memory import TrimWhenIdle
    from kiosk.simulation.player import FakeSide, LiveRig, play
    from kiosk.store.store import open_store
    from kiosk.wiring import flow_config, with_hub

    store = StoreLane(with_hub(config, open_store(config)))
    try:
        for _ in range(args.repeat):
            rig = LiveRig(script, FakeSide(script), store=store, config=flow_config(config))
            rig.flow.add_listener(TrimWhenIdle(rig.runner))  # as the kiosk does (kiosk/memory.py)
            try:
                play(script, rig, timeout=args.timeout)
                _report(rig.observer.report(script, rig.flow, "fake"), args)
            finally:
                rig.close()
    finally:
        store.close()


def _embedded(script, config, args: argparse.Namespace) -> None:
    from kiosk.embedded import DemoPatient, EmbeddedDevices
    from kiosk.memory import TrimWhenIdle
    from kiosk.simulation.player import EmbeddedSide, LiveRig, play
    from kiosk.wiring import flow_config

    embedded = EmbeddedDevices(config, DemoPatient(script.patient, script.terminal, script.camera)).start()
    try:
        for _ in range(args.repeat):
            embedded.switch(DemoPatient(script.patient, script.terminal, script.camera))
            rig = LiveRig(script, EmbeddedSide(embedded), config=flow_config(config))
            rig.flow.add_listener(TrimWhenIdle(rig.runner))
            try:
                play(script, rig, timeout=max(args.timeout, 30.0))  # real devices: a face attempt takes seconds
                _report(rig.observer.report(script, rig.flow, "embedded"), args)
            finally:
                rig.close()
    finally:
        embedded.close()


def _report(result: dict[str, Any], args: argparse.Namespace) -> None:
    """One run's report, printed once its receptions are in the store (flushed: a watcher may count on
    every line it has seen being durable)."""
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=None if args.repeat > 1 else 2), flush=True)
        return
    saved = [s["id"] for s in result["sessions"] if s["saved"]]
    refused = f"  refused={len(result['refused'])}" if result["refused"] else ""
    print(f"{result['scenario']}: {' → '.join(result['states'])}  [{result['outcome']}]"
          f"  sessions={','.join(saved)}{refused}", flush=True)
