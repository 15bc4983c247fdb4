"""``python -m kiosk.qualification terminal-sim …``: the simulator without loading the rest of the kiosk's
command line (used by :class:`kiosk.qualification.simulator.SimulatorProcess`)."""
from __future__ import annotations

import argparse
import sys

from kiosk.commands import oqs as cli
from kiosk.logs import configure


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.qualification")
    parser.add_argument("--log-level", default="WARNING")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    configure(args.log_level)
    return int(args.func(args) or 0)


sys.exit(main())
