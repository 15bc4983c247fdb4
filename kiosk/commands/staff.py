"""``kiosk staff``: the staff console, pairing, and the kiosk-side helpers.

    kiosk staff [--connect HOST:PORT ...] [--lang CODE]      the console (Qt), in a language with a staff catalog
    kiosk staff pair HOST:PORT --secret XXXX-XXXX-XXXX-XXXX  pair this console with a kiosk (IT)
    kiosk staff pair HOST:PORT --code XXXX-XXXX-XXXX         ... by the code the kiosk's staff menu shows
    kiosk staff secret [--rotate]                            on the kiosk: its pairing secret and fingerprint
    kiosk staff report --since DAY [--until DAY] [--weekly] [--csv FILE]   on the kiosk: trouble counts
    kiosk staff demo-kiosk --scenario NAME --data-dir DIR --key-dir DIR    a simulated kiosk for staff training
"""
from __future__ import annotations

import argparse
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from kiosk.ui.language import DEFAULT, staff_codes

DEFAULT_PORT = 47810  # kept equal to kiosk.staff.messages.DEFAULT_PORT: the CLI starts without importing it


def default_pairings() -> Path:
    if os.environ.get("KIOSK_STAFF_PAIRINGS"):
        return Path(os.environ["KIOSK_STAFF_PAIRINGS"])
    import platformdirs

    return Path(platformdirs.user_config_dir("kiosk", appauthor=False)) / "staff-console" / "kiosks.json"


def register(subparsers) -> None:
    staff = subparsers.add_parser("staff", help="the staff console (目視, staff tasks, trouble report) and pairing")
    staff.add_argument("--connect", action="append", default=[], metavar="HOST:PORT",
                       help="kiosk to watch (repeatable; default: every paired kiosk)")
    staff.add_argument("--lang", choices=staff_codes(), default=DEFAULT,
                       help="the console's language: " + ", ".join(staff_codes()))
    staff.add_argument("--pairings", type=Path, help="pairing file (default: the user config dir)")
    staff.set_defaults(func=_console)
    sub = staff.add_subparsers(dest="staff_command")

    pair = sub.add_parser("pair", help="pair this console with a kiosk (pins its certificate)")
    pair.add_argument("address", metavar="HOST:PORT", help="or the text of the kiosk's pairing QR code")
    how = pair.add_mutually_exclusive_group()
    how.add_argument("--secret", help="the kiosk's pairing secret (default: read from standard input)")
    how.add_argument("--code", help="the one-time code the kiosk's staff menu shows (職員端末をつなぐ)")
    pair.add_argument("--fingerprint", default="", help="with --code: the certificate the kiosk must show")
    pair.add_argument("--pairings", type=Path, dest="pairings_file")
    pair.set_defaults(func=_pair)

    secret = sub.add_parser("secret", help="on the kiosk: print its pairing secret and certificate fingerprint")
    secret.add_argument("--config", help="config file (default: $KIOSK_CONFIG or the user config dir)")
    secret.add_argument("--rotate", action="store_true", help="make a new secret; every console must pair again")
    secret.set_defaults(func=_secret)

    report = sub.add_parser("report", help="on the kiosk: trouble counts by T-code and how each ended")
    report.add_argument("--config", help="config file")
    report.add_argument("--since", type=date.fromisoformat, default=None,
                        help="first day, YYYY-MM-DD (default: 6 days ago)")
    report.add_argument("--until", type=date.fromisoformat, default=None, help="last day (default: today)")
    report.add_argument("--weekly", action="store_true", help="one line per week instead of per day")
    report.add_argument("--csv", type=Path, help="write CSV here instead of a table")
    report.set_defaults(func=_report)

    demo = sub.add_parser("demo-kiosk", help="a kiosk on simulated devices with its staff channel (training, tests)")
    demo.add_argument("--scenario", default="staff-visual",
                      help="the packaged patient script, played up to its first staff step (kiosk simulate --list)")
    demo.add_argument("--data-dir", type=Path, required=True)
    demo.add_argument("--key-dir", type=Path, required=True)
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=DEFAULT_PORT, help="0: any free port (printed)")
    demo.add_argument("--play-on-stdin", action="store_true", help="play the patient's script on a 'play' line")
    demo.set_defaults(func=_demo)


def _console(args: argparse.Namespace) -> int:
    from kiosk import config as cfg
    from kiosk.ui.staff.app import run_console

    hub_dsn = cfg.load().hub_dsn  # this PC's config names the clinic hub: clinic mode (docs/staff.md)
    return run_console(args.connect, args.pairings or default_pairings(), lang=args.lang, hub_dsn=hub_dsn)


def _pair(args: argparse.Namespace) -> int:
    from kiosk.staff.client import pair, pair_by_code
    from kiosk.staff.errors import ChannelError
    from kiosk.staff.identity import PairingBook, parse_address
    from kiosk.staff.pairing_code import PairingOffer, looks_like_code, offer_of

    offer = offer_of(args.address)  # the QR code's text: address, code and fingerprint in one
    try:
        if offer is None and args.code is not None:
            if not looks_like_code(args.code):
                print(f"kiosk staff pair: --code: not a pairing code: {args.code!r}", file=sys.stderr)
                return 2
            host, port = parse_address(args.address, DEFAULT_PORT)
            offer = PairingOffer(host, port, args.code, args.fingerprint.strip().upper())
        if offer is not None:
            pairing = pair_by_code(offer)
        else:
            pairing = pair(args.address, args.secret or sys.stdin.readline().strip(), DEFAULT_PORT)
    except ValueError as exc:
        print(f"kiosk staff pair: {exc}", file=sys.stderr)
        return 2
    except (ChannelError, OSError) as exc:
        print(f"kiosk staff pair: {args.address}: {getattr(exc, 'code', '')} {exc}", file=sys.stderr)
        return 1
    PairingBook(args.pairings_file or default_pairings()).save(pairing)
    print(f"paired with {pairing.name or pairing.address} at {pairing.address}\nfingerprint {pairing.fingerprint}")
    return 0


def _secret(args: argparse.Namespace) -> int:
    from kiosk import config as cfg
    from kiosk.staff.identity import load_identity, rotate_secret

    config = cfg.load(Path(args.config) if args.config else None)
    directory = config.data_dir / "staff"
    if args.rotate:
        load_identity(directory)
        rotate_secret(directory)
    identity = load_identity(directory)
    print(f"pairing secret  {identity.secret}\nfingerprint     {identity.fingerprint}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from kiosk import config as cfg
    from kiosk.staff import report as rp
    from kiosk.store import open_store

    until = args.until or date.today()
    since = args.since or until - timedelta(days=6)
    if since > until:
        print("kiosk staff report: --since is after --until", file=sys.stderr)
        return 2
    with open_store(cfg.load(Path(args.config) if args.config else None)) as store:
        rows = rp.rows_from_store(store, since, until, personal=False)
    if args.weekly:
        reports = rp.weekly_reports(rows, since, (rp.week_start(until) - rp.week_start(since)).days // 7 + 1)
    else:
        reports = rp.daily_reports(rows, since, (until - since).days + 1)
    if args.csv:
        with args.csv.open("w", encoding="utf-8", newline="") as out:
            lines = rp.write_csv(reports, out)
        print(f"wrote {lines} lines to {args.csv}")
        return 0
    rp.write_csv(reports, sys.stdout)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from kiosk.simulation.script import named
    from kiosk.staff.training import run_training_kiosk

    if args.scenario not in named():
        print(f"kiosk staff demo-kiosk: unknown scenario {args.scenario!r}", file=sys.stderr)
        return 2
    return run_training_kiosk(args.scenario, args.data_dir, args.key_dir, args.host, args.port,
                              staff_account=os.environ.get("KIOSK_DEMO_STAFF", ""), play_on_stdin=args.play_on_stdin)
