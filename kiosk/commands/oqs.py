"""``kiosk terminal-sim`` (the terminal simulator) and ``kiosk oqs …`` (tools for IT staff)."""
from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    sim = subparsers.add_parser("terminal-sim", help="play the qualification-check terminal on a folder root")
    sim.add_argument("--root", required=True, help="the shared folder root (req, res, face are made in it)")
    sim.add_argument("--scenario", default="valid", help="a scenario file, or a packaged name (kiosk oqs scenarios)")
    sim.add_argument("--poll", type=float, default=0.1, help="seconds between looks at req (default 0.1)")
    sim.add_argument("--institution", default="", help="医療機関コード to answer with (default: the request's)")
    sim.set_defaults(func=_run_simulator)

    oqs = subparsers.add_parser("oqs", help="qualification-check files: parse, list scenarios")
    commands = oqs.add_subparsers(dest="oqs_command", required=True)
    parse = commands.add_parser("parse", help="parse a result file (res or face)")
    parse.add_argument("file")
    parse.add_argument("--json", action="store_true", help="print the whole result as JSON")
    parse.set_defaults(func=_parse)
    scenarios = commands.add_parser("scenarios", help="list the simulator's packaged scenarios")
    scenarios.set_defaults(func=_scenarios)


def _run_simulator(args: argparse.Namespace) -> int:
    import signal
    import sys
    import threading
    from pathlib import Path

    from kiosk.qualification.scenario import ScenarioError, load_scenario
    from kiosk.qualification.simulator import TerminalSimulator

    try:
        load_scenario(args.scenario)
    except ScenarioError as error:
        print(f"error: {error.code}: {error}", file=sys.stderr)
        return 2
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    simulator = TerminalSimulator(Path(args.root), args.scenario, args.institution)
    print(f"ready {simulator.root}", flush=True)
    try:
        simulator.run(stop, args.poll)
    except KeyboardInterrupt:
        pass
    return 0


def _parse(args: argparse.Namespace) -> int:
    import json
    import sys
    from pathlib import Path

    from kiosk.core.errors import MalformedResult
    from kiosk.qualification import codec
    from kiosk.qualification.errors import CheckFailed
    from kiosk.qualification.jsonform import to_jsonable

    try:
        data = Path(args.file).read_bytes()
    except OSError as error:
        print(f"error: cannot read {args.file}: {error}", file=sys.stderr)
        return 2
    try:
        result = codec.decode_result(data)
    except MalformedResult as error:
        print(f"error: {error.code}: {error}", file=sys.stderr)
        return 2
    except CheckFailed as error:
        print(f"error: {error.code}: the terminal reported an abnormal end: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(to_jsonable(result), ensure_ascii=False, indent=2))
        return 0
    print(f"validity {int(result.validity)} ({result.validity.name}), {len(result.records)} record(s)")
    if result.message:
        print(f"message: {result.message}")
    for record in result.records:
        print(f"  {record.insurer_number} {record.insurer_name} {record.card_symbol}・{record.card_number}"
              f" ({record.branch_number}) {record.name} burden {record.burden_percent}% limit {record.limit_class}")
    return 0


def _scenarios(_args: argparse.Namespace) -> int:
    from kiosk.qualification.scenario import load_scenario, scenario_names

    for name in scenario_names():
        print(f"{name:18} {load_scenario(name).description}")
    return 0
