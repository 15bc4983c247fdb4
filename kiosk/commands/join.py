"""``kiosk hub join``: the technician installing a new kiosk gives it the clinic's store key from a kiosk that
is already there, by the one-time code that kiosk's staff menu shows (「受付機を追加（同じ医院）」), so no key
file is copied by hand (kiosk.staff.clinic_key; docs/hub.md). The key goes kiosk to kiosk, never to the hub.

    kiosk hub [--config F] join HOST:PORT --code XXXX-XXXX-XXXX [--fingerprint FP] [--timeout S]
    kiosk hub [--config F] join KIOSKJOIN/...        the text of the kiosk's QR code (pins its certificate)

Exit 0: joined, or this kiosk already holds the clinic's key (nothing to do); 1: refused (the code, or this
kiosk's own store under another key: the message says what to do); 2: could not run (configuration, the
store or the key provider, the other kiosk not answering). Registered after ``kiosk.commands.hub``, whose
``hub`` command it joins.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEFAULT_PORT = 47810  # kept equal to kiosk.staff.messages.DEFAULT_PORT: the CLI starts without importing it

# What each refusal of the code means for the technician, in plain words (kiosk.staff.pairing_code).
CODE_WORDS = {
    "staff_pairing_code_wrong": "the code is not the one on the kiosk's screen: type it again",
    "staff_pairing_code_expired": "the code is older than 5 minutes: have staff show a new one",
    "staff_pairing_code_used": "the code was used already (it works once): have staff show a new one",
    "staff_pairing_code_withdrawn": "the code was withdrawn (the panel closed, or too many wrong codes): "
                                    "have staff show a new one",
    "staff_pairing_code_none": "the kiosk shows no code now: have staff open 受付機を追加（同じ医院） on it",
    "staff_pairing_code_slowed": "too many wrong codes from this machine: wait {detail} s, then try again",
    "staff_pairing_code_other_purpose": "that code is for connecting a staff console: on the kiosk, choose "
                                        "受付機を追加（同じ医院） and use the code it shows then",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    hub = subparsers.choices["hub"]  # kiosk.commands.hub registers it first
    commands = next(a for a in hub._actions if isinstance(a, argparse._SubParsersAction))
    join = commands.add_parser(
        "join", help="receive the clinic's store key from a kiosk already there, by the code its staff menu "
        "shows (受付機を追加（同じ医院）); exit 0 joined or nothing to do, 1 refused, 2 could not run")
    join.add_argument("address", metavar="HOST:PORT", help="or the text of the kiosk's QR code (KIOSKJOIN/…)")
    join.add_argument("--code", help="the one-time code the kiosk shows")
    join.add_argument("--fingerprint", default="", help="with --code: the certificate the kiosk must show")
    join.add_argument("--timeout", type=float, default=5.0, help="seconds to wait for each answer (default 5)")
    join.set_defaults(func=_join)


def _join(args: argparse.Namespace) -> int:
    from kiosk import config as cfg
    from kiosk.core.errors import KioskError
    from kiosk.staff import clinic_key as ck
    from kiosk.staff.errors import (
        ClinicKeyAlreadyHere,
        ClinicKeyError,
        FingerprintMismatch,
        PairingCodeRefused,
        PairingRefused,
    )
    from kiosk.staff.identity import parse_address
    from kiosk.staff.pairing_code import PairingOffer, looks_like_code

    def fail(text: str, status: int) -> int:
        print(f"kiosk hub join: {text}", file=sys.stderr)
        return status

    offer = ck.join_offer(args.address)
    if offer is None:
        if args.code is None:
            return fail("give --code XXXX-XXXX-XXXX, or the text of the kiosk's QR code", 2)
        if not looks_like_code(args.code):
            return fail(f"--code: not a code of three groups of four: {args.code!r}", 2)
        try:
            host, port = parse_address(args.address, DEFAULT_PORT)
        except ValueError as exc:
            return fail(str(exc), 2)
        offer = PairingOffer(host, port, args.code, args.fingerprint.strip().upper())
    try:
        config = cfg.load(Path(args.config) if args.config else None)
        joined = ck.join(config, offer, timeout=args.timeout)
    except ClinicKeyAlreadyHere as exc:
        print(f"{exc.code}: {exc}")
        return 0
    except PairingCodeRefused as exc:
        words = CODE_WORDS.get(exc.code, "the kiosk refused the code").format(detail=exc.detail or "?")
        return fail(f"{exc.code}: {words}. Nothing was sent.", 1)
    except FingerprintMismatch as exc:
        return fail(f"{exc.code}: {exc}: the QR code is not this kiosk's (or the kiosk was reinstalled)", 1)
    except PairingRefused as exc:
        return fail(f"{exc.code}: {exc}: the machine at that address is not the kiosk showing the code. "
                    "Nothing was sent.", 1)
    except ClinicKeyError as exc:
        return fail(f"{exc.code}: {exc}", 1)
    except KioskError as exc:
        return fail(f"{getattr(exc, 'code', 'error')}: {exc}", 2)
    except OSError as exc:
        return fail(f"{offer.address} does not answer ({exc.strerror or exc}): is the kiosk's staff channel on, "
                    "and the address the one its screen shows?", 2)
    print(f"joined the clinic: the store key of {joined.giver} ({joined.giver_fingerprint}) is now kept in "
          f"{joined.where}; key id {joined.key_id}")
    return 0
