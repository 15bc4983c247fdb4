"""The ``kiosk`` command line: each module of :mod:`kiosk.commands` contributes its own sub-commands.

A command module has ``register(subparsers)``; it adds its commands and sets ``func`` on each,
a callable taking the parsed arguments and returning the exit code. Heavy imports stay inside ``func``
so that ``kiosk --help`` is instant.
"""
from __future__ import annotations

import argparse
import faulthandler
import importlib
import logging
import os
import sys
from datetime import datetime
from typing import TextIO

COMMAND_MODULES = (
    "kiosk.commands.oqs",
    "kiosk.commands.simulate",
    "kiosk.commands.flow",
    "kiosk.commands.ui",
    "kiosk.commands.face",
    "kiosk.commands.store",
    "kiosk.commands.card",
    "kiosk.commands.staff",
    "kiosk.commands.voice",
    "kiosk.commands.supervise",
    "kiosk.commands.doctor",
    "kiosk.commands.hub",
    "kiosk.commands.join",  # `kiosk hub join`: after hub
)

# Commands that run for hours, where a crash must leave every thread's stack behind: the kiosk's into a
# file (nobody watches its stderr), a simulation's on the stderr of whoever runs it.
FAULTS_TO_FILE = ("run", "demo")
FAULTS_TO_STDERR = ("simulate",)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="マイナ保険証 reception kiosk")
    parser.add_argument("--log-level", default="WARNING", help="DEBUG, INFO, WARNING (default), ERROR")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def fault_log(command: str) -> TextIO | None:
    """``<data_dir>/logs/faults.log``, opened for faulthandler with a line naming this run; None when the
    configuration or the folder cannot be had (the command itself reports a bad configuration)."""
    from kiosk.config import load
    from kiosk.core.errors import KioskError

    try:
        folder = load().data_dir / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        log = open(folder / "faults.log", "a", encoding="utf-8")  # open while the process lives
    except (KioskError, OSError):  # the dump goes to stderr instead
        return None
    log.write(f"--- kiosk {command}, pid {os.getpid()}, started {datetime.now().astimezone():%Y-%m-%d %H:%M:%S%z}\n")
    log.flush()
    return log


def enable_fault_dumps(command: str) -> None:
    """faulthandler for a long-running command: on SIGSEGV, SIGFPE, SIGABRT, SIGBUS or SIGILL the Python
    stack of every thread (file names, lines and functions only: no values) goes to the fault log or
    stderr. Left alone when it is on already (``-X faulthandler``, ``PYTHONFAULTHANDLER``, a test runner)."""
    if faulthandler.is_enabled() or command not in FAULTS_TO_FILE + FAULTS_TO_STDERR:
        return
    log = fault_log(command) if command in FAULTS_TO_FILE else None
    try:
        faulthandler.enable(file=log or sys.stderr, all_threads=True)  # it keeps the file open to the end
    except (RuntimeError, ValueError, OSError, AttributeError):  # no stderr with a file number (pythonw)
        pass


def main(argv: list[str] | None = None) -> int:
    from kiosk.memory import limit_arenas

    limit_arenas()  # first, before any thread exists: the kiosk's threads share two malloc arenas
    args = build_parser().parse_args(argv)
    from kiosk.logs import configure

    configure(args.log_level)
    enable_fault_dumps(args.command)
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
