"""``kiosk doctor [--config F] [--json] [--lang ja|en] [--devices clinic|embedded]``: is every part ready?

One line per part (reader, camera, terminal folders and answers, store, backups, key, fonts, voices,
clock, disk space): ○ fine, △ a warning, × a problem, － cannot be told here; under each problem what to
do. Japanese by default, for the clerk; ``--lang en`` for IT staff, with each check's detail; ``--json``
for machines. Exit code 0 all fine, 1 a warning, 2 a problem (docs/doctor.md). No Qt: doctor must run on a
kiosk whose display or Qt libraries are what is broken.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from kiosk.doctor.messages import LANGS


def register(subparsers: argparse._SubParsersAction) -> None:
    doctor = subparsers.add_parser(
        "doctor", help="check every part of the kiosk (reader, camera, terminal, store, backups, key, fonts, "
                       "voices, clock, disk); exit 0 fine, 1 warning, 2 problem")
    doctor.add_argument("--config", help="config file (default: $KIOSK_CONFIG or the user config dir)")
    doctor.add_argument("--json", action="store_true", help="machine-readable output")
    doctor.add_argument("--lang", choices=LANGS, default="ja", help="ja (default, for the clerk) or en (IT staff)")
    doctor.add_argument("--devices", choices=("clinic", "embedded"), default="clinic",
                        help="clinic: the configured reader and camera (default); embedded: the demo's virtual "
                             "reader and replay camera (started by kiosk demo)")
    doctor.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from kiosk import config as kiosk_config
    from kiosk.doctor.checks import CHECKS, Context
    from kiosk.doctor.findings import exit_code, run_checks
    from kiosk.doctor.report import config_problem, json_report, text_report
    from kiosk.doctor.setups import setup_for

    try:
        config = kiosk_config.load(Path(args.config) if args.config else None)
    except kiosk_config.ConfigError as error:
        if args.json:
            print(json.dumps({"exit_code": 2, "error": error.code, "detail": str(error)}, ensure_ascii=False))
        else:
            print(config_problem(str(error), args.lang))
        return 2
    results = run_checks(CHECKS, Context(setup_for(config, args.devices)))
    if args.json:
        print(json.dumps(json_report(results, args.lang), ensure_ascii=False, indent=2))
    else:
        print(text_report(results, args.lang))
    return exit_code(results)


