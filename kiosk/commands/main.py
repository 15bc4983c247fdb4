"""The ``kiosk`` command line: each module of :mod:`kiosk.commands` contributes its own sub-commands.

A command module has ``register(subparsers)``; it adds its commands and sets ``func`` on each,
a callable taking the parsed arguments and returning the exit code. Heavy imports stay inside ``func``
so that ``kiosk --help`` is instant.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

COMMAND_MODULES = (
    "kiosk.commands.oqs",
    "kiosk.commands.simulate",
    "kiosk.commands.flow",
    "kiosk.commands.ui",
    "kiosk.commands.face",
    "kiosk.commands.store",
    "kiosk.commands.card",
    "kiosk.commands.staff",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="マイナ保険証 reception kiosk")
    parser.add_argument("--log-level", default="WARNING", help="DEBUG, INFO, WARNING (default), ERROR")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from kiosk.logs import configure

    configure(args.log_level)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    finally:
        logging.shutdown()


if __name__ == "__main__":
    sys.exit(main())
