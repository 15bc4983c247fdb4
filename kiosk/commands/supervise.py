"""``kiosk supervise``: the kiosk under its watchdog (kiosk/watchdog.py, docs/watchdog.md).

    kiosk supervise [--stall S] [--start-grace S] [--max-restarts N] [--pid-file FILE] -- run [--windowed] [--lang CODE]
    kiosk supervise ... -- demo [...]

Exit status: 0 when the kiosk was closed or the supervisor stopped (SIGTERM, Ctrl+C), 2 for a command line
that is not ``run`` or ``demo`` with their own options, 3 when the kiosk was restarted too often within an
hour and stays down, 4 when the display it shows on (cage) has gone.
"""
from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

SUPERVISED = ("run", "demo")


def register(subparsers) -> None:
    sup = subparsers.add_parser(
        "supervise", help="run the kiosk under a watchdog: restarted after a crash or a frozen screen",
        description="Starts `kiosk run` (or `kiosk demo`) as a child and starts it again when it crashes or "
                    "its screen stops answering. Everything after -- is the kiosk command.")
    sup.add_argument("--stall", type=float, default=10.0,
                     help="seconds without a heartbeat from the kiosk's screen that count as frozen (default 10)")
    sup.add_argument("--start-grace", type=float, default=120.0,
                     help="seconds a starting kiosk may take before its first heartbeat (default 120)")
    sup.add_argument("--max-restarts", type=int, default=5,
                     help="restarts allowed within an hour; then the kiosk stays down (default 5)")
    sup.add_argument("--pid-file", type=Path,
                     help="write the supervisor's process id here while it runs (the systemd unit's ExecStop)")
    sup.add_argument("kiosk", nargs=argparse.REMAINDER, help="-- run [...] or -- demo [...]")
    sup.set_defaults(func=_supervise)


def _kiosk_arguments(rest: list[str]) -> list[str] | str:
    """The supervised command's arguments, checked now (a typo must fail here, not in a restart loop)."""
    from kiosk.commands.main import build_parser

    if rest[:1] == ["--"]:
        rest = rest[1:]
    if not rest or rest[0] not in SUPERVISED:
        return "give the kiosk command after --: run [...] or demo [...]"
    try:
        build_parser().parse_args(rest)
    except SystemExit:  # argparse has said what is wrong on stderr
        return f"not a kiosk command line: {' '.join(rest)}"
    return rest


def _log_to_file() -> None:
    """Each start, stall and restart also goes to ``<data_dir>/logs/watchdog.log``, beside the fault log."""
    from kiosk.config import load
    from kiosk.core.errors import KioskError
    from kiosk.logs import RedactingFilter

    try:
        folder: Path = load().data_dir / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "watchdog.log", encoding="utf-8")
    except (KioskError, OSError) as error:  # the journal (stderr) still has every line
        logging.getLogger(__name__).warning("watchdog: no log file: %s", error)
        return
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    handler.setLevel(logging.INFO)
    logging.getLogger("kiosk.watchdog").addHandler(handler)


def _supervise(args: argparse.Namespace) -> int:
    from kiosk.watchdog import Policy, Supervisor, kiosk_command, stop_on_signals

    rest = _kiosk_arguments(args.kiosk)
    if isinstance(rest, str):
        print(f"kiosk supervise: {rest}")
        return 2
    if args.stall <= 0 or args.start_grace <= 0 or args.max_restarts < 0:
        print("kiosk supervise: --stall and --start-grace must be more than 0, --max-restarts 0 or more")
        return 2
    # The watchdog's own lines are worth keeping whatever --log-level the kiosk runs with.
    logging.getLogger("kiosk.watchdog").setLevel(logging.INFO)
    _log_to_file()
    supervisor = Supervisor(kiosk_command(["--log-level", args.log_level, *rest]),
                            Policy(stall=args.stall, start_grace=args.start_grace, max_per_hour=args.max_restarts))
    stop_on_signals(supervisor)
    if args.pid_file is None:
        return supervisor.run()
    try:
        args.pid_file.write_text(f"{os.getpid()}\n", encoding="ascii")
    except OSError as error:
        print(f"kiosk supervise: cannot write {args.pid_file}: {error.strerror}")
        return 2
    try:
        return supervisor.run()
    finally:
        args.pid_file.unlink(missing_ok=True)
