"""``kiosk run``, ``kiosk demo`` and ``kiosk screenshots``: the kiosk at the clinic, the kiosk on the
embedded demo devices, and every screen as PNG.

    kiosk run [--windowed] [--lang CODE]
    kiosk demo [--windowed] [--scenario NAME] [--lang CODE]
    kiosk screenshots --out DIR [--lang CODE] [--large] [--size WxH]

CODE is any language of the registry (kiosk.ui.language.codes(): ja, en, zh-Hans, … as shipped).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.ui.language import DEFAULT, codes

LANG_HELP = "language shown at start (default ja): " + ", ".join(codes())


def register(subparsers) -> None:
    run = subparsers.add_parser("run", help="the kiosk at the clinic: real reader, camera, terminal and store")
    run.add_argument("--windowed", action="store_true", help="a 1280x800 window instead of full screen")
    run.add_argument("--lang", choices=codes(), default=DEFAULT, help=LANG_HELP)
    run.set_defaults(func=_run)

    demo = subparsers.add_parser("demo", help="the kiosk on the embedded demo devices (staff training, demos)")
    demo.add_argument("--windowed", action="store_true", help="a 1280x800 window instead of full screen")
    demo.add_argument("--scenario", default="valid-pin", help="demo patient to start with (see kiosk simulate --list)")
    demo.add_argument("--lang", choices=codes(), default=DEFAULT, help=LANG_HELP)
    demo.set_defaults(func=_demo)

    shots = subparsers.add_parser("screenshots", help="render every kiosk screen to PNG (offscreen)")
    shots.add_argument("--out", required=True, type=Path, help="directory for <state>.png files")
    shots.add_argument("--lang", choices=codes(), default=DEFAULT, help="one of " + ", ".join(codes()))
    shots.add_argument("--large", action="store_true", help="the patient's large text (×1.5) on every screen")
    shots.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT (default 1280x800)")
    shots.set_defaults(func=_screenshots)


def _run(args: argparse.Namespace) -> int:
    from kiosk.ui.clinic import run_kiosk

    return run_kiosk(windowed=args.windowed, lang=args.lang)


def _demo(args: argparse.Namespace) -> int:
    from kiosk.ui.demo import run_demo

    return run_demo(args.scenario, windowed=args.windowed, lang=args.lang)


def _screenshots(args: argparse.Namespace) -> int:
    from kiosk.ui.screenshots import render_all

    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print(f"kiosk screenshots: --size must look like 1280x800, not {args.size!r}")
        return 2
    written = render_all(args.out, lang=args.lang, size=(width, height), large=args.large)
    print(f"wrote {len(written)} PNG files to {args.out}")
    return 0
