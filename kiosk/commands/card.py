"""``kiosk card status|read|face`` for IT staff, and ``kiosk virtual-card`` for tests and the demo.

Secrets (the PIN, 照合番号B) come from the environment or a hidden prompt, never from argv (which other
users can see in the process list). Nothing here prints a PIN, and the individual number is never read.
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import UTC, datetime
from typing import Any

EXIT_CARD_ERROR = 2
EXIT_NOT_MY_NUMBER = 3
EXIT_PIN_BLOCKED = 4
EXIT_LAST_TRY = 5


def register(subparsers: argparse._SubParsersAction) -> None:
    card = subparsers.add_parser("card", help="the My Number card in the reader")
    commands = card.add_subparsers(dest="card_command", required=True)

    status = commands.add_parser("status", help="readers, card kind, certificate expiry, PIN tries left (no PIN)")
    read = commands.add_parser(
        "read", help="prove the holder with the PIN and read the 4 facts (PIN from KIOSK_PIN or a prompt)"
    )
    read.add_argument("--allow-last-try", action="store_true", help="spend the PIN's last try (it locks if wrong)")
    face = commands.add_parser(
        "face", help="the 4 facts, card expiry and photo size with 照合番号B (from KIOSK_CODE_B or a prompt)"
    )
    for parser, func in ((status, _status), (read, _read), (face, _face)):
        parser.add_argument("--reader", help="reader name or its start (default: the first reader)")
        parser.add_argument("--json", action="store_true", help="machine-readable output")
        parser.set_defaults(func=func)

    virtual = subparsers.add_parser("virtual-card", help="run a virtual My Number card in pcscd's vpcd reader")
    virtual.add_argument("--profile", default="valid", help="card profile (--list shows them)")
    virtual.add_argument("--port", type=int, default=35963, help="vpcd port (35963 is 'Virtual PCD 00 00')")
    virtual.add_argument("--cert-days-left", type=int, help="override the certificate's expiry (negative: expired)")
    virtual.add_argument("--list", action="store_true", help="list the profiles and exit")
    virtual.set_defaults(func=_virtual_card)


def _emit(args: argparse.Namespace, payload: dict[str, Any], text: str) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=2) if args.json else text)


def _error(args: argparse.Namespace, error: Exception, **extra: Any) -> int:
    code = getattr(error, "code", type(error).__name__)
    _emit(args, {"error": code, "detail": str(error), **extra}, f"error: {code}: {error}")
    return EXIT_CARD_ERROR


def _certificate(summary) -> dict[str, Any]:
    cert = summary.certificate
    now = datetime.now(UTC)
    return {
        "not_after": cert.not_after.isoformat(),
        "days_left": (cert.not_after - now).days,
        "expired": cert.expired(now),
        "expiring_soon": cert.expiring_soon(now),
        "serial": cert.subject_serial,
    }


def _summary(args: argparse.Namespace):
    from kiosk.card.reader import PcscCardReader
    from kiosk.core.cancel import CancelToken

    reader = PcscCardReader(args.reader)
    return reader, reader.read_summary(CancelToken())


def _status(args: argparse.Namespace) -> int:
    from kiosk.core.domain import CardKind
    from kiosk.core.errors import CardError, CardRemoved

    try:
        reader, summary = _summary(args)
    except CardRemoved:
        _emit(args, {"card": "absent"}, "no card in the reader")
        return EXIT_CARD_ERROR
    except CardError as error:
        return _error(args, error)
    try:
        if summary.kind is not CardKind.MY_NUMBER:
            _emit(args, {"card": summary.kind.value}, "the card is not a My Number card")
            return EXIT_NOT_MY_NUMBER
        cert = _certificate(summary)
        _emit(
            args,
            {"card": summary.kind.value, "certificate": cert, "pin_tries_left": summary.pin_tries_left},
            f"My Number card; certificate valid until {cert['not_after']}"
            f"{' (EXPIRED)' if cert['expired'] else ' (expiring soon)' if cert['expiring_soon'] else ''};"
            f" PIN tries left: {summary.pin_tries_left}",
        )
        return 0
    finally:
        reader.release()


def _secret(variable: str, prompt: str) -> str:
    value = os.environ.get(variable)
    if value is None:
        value = getpass.getpass(prompt)
    return value.strip()


def _read(args: argparse.Namespace) -> int:
    from kiosk.core.cancel import CancelToken
    from kiosk.core.domain import CardKind
    from kiosk.core.errors import CardError, PinBlocked, WrongPin

    try:
        reader, summary = _summary(args)
    except CardError as error:
        return _error(args, error)
    try:
        if summary.kind is not CardKind.MY_NUMBER:
            _emit(args, {"error": "not_my_number_card"}, "the card is not a My Number card")
            return EXIT_NOT_MY_NUMBER
        tries = summary.pin_tries_left
        if tries == 0:
            _emit(args, {"error": "pin_blocked", "pin_tries_left": 0},
                  "the PIN is blocked: the holder must go to city hall")
            return EXIT_PIN_BLOCKED
        if tries == 1 and not args.allow_last_try:
            _emit(
                args,
                {"error": "last_try", "pin_tries_left": 1},
                "one PIN try left: a wrong PIN would lock the card; pass --allow-last-try to risk it",
            )
            return EXIT_LAST_TRY
        pin = _secret("KIOSK_PIN", "PIN (4 digits): ")
        if len(pin) != 4 or not pin.isdigit():
            _emit(args, {"error": "pin_format"}, "the PIN is 4 digits")
            return EXIT_CARD_ERROR
        try:
            facts = reader.authenticate_with_pin(pin, CancelToken())
        except WrongPin as error:
            return _error(args, error, pin_tries_left=error.tries_left)
        except PinBlocked as error:
            _error(args, error, pin_tries_left=0)
            return EXIT_PIN_BLOCKED
        except CardError as error:
            return _error(args, error)
        payload = {
            "name": facts.name,
            "address": facts.address,
            "birth_date": facts.birth_date.isoformat(),
            "sex": facts.sex.name.lower(),
            "certificate": _certificate(summary),
        }
        _emit(args, payload,
              f"{facts.name} / {facts.address} / {facts.birth_date.isoformat()} / {facts.sex.name.lower()}")
        return 0
    finally:
        reader.release()


def _face(args: argparse.Namespace) -> int:
    from kiosk.card.reader import PcscCardReader
    from kiosk.core.cancel import CancelToken
    from kiosk.core.errors import CardError

    code_b = _secret("KIOSK_CODE_B", "照合番号B (14 digits): ")
    reader = PcscCardReader(args.reader)
    try:
        facts, face = reader.read_card_face(code_b, CancelToken())
    except CardError as error:
        return _error(args, error)
    finally:
        reader.release()
    payload = {
        "name": facts.name,
        "address": facts.address,
        "birth_date": facts.birth_date.isoformat(),
        "sex": facts.sex.name.lower(),
        "card_expiry": face.card_expiry.isoformat(),
        "photo_bytes": len(face.photo),
    }
    _emit(args, payload,
          f"{facts.name}; card valid until {face.card_expiry.isoformat()}; photo {len(face.photo)} bytes")
    return 0


def _virtual_card(args: argparse.Namespace) -> int:
    import dataclasses
    import signal
    import threading

    from kiosk.card.virtual.profiles import PROFILES, profile
    from kiosk.card.virtual.vpcd import start_virtual_card
    from kiosk.commands.signals import set_from_signal

    if args.list:
        for p in PROFILES.values():
            print(p.name)
        return 0
    try:
        chosen = profile(args.profile)
    except ValueError as error:
        print(error, file=sys.stderr)
        return EXIT_CARD_ERROR
    if args.cert_days_left is not None:
        chosen = dataclasses.replace(chosen, cert_days_left=args.cert_days_left)
    link = start_virtual_card(chosen, port=args.port)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: set_from_signal(stop.set))
    signal.signal(signal.SIGINT, lambda *_: set_from_signal(stop.set))
    signal.signal(signal.SIGUSR1, lambda *_: link.remove())
    signal.signal(signal.SIGUSR2, lambda *_: link.insert())
    print(f"virtual card ready: profile {chosen.name}, port {args.port}, 照合番号B {chosen.code_b}", flush=True)
    print("SIGUSR1 pulls the card out, SIGUSR2 puts it back, Ctrl-C stops", flush=True)
    while not stop.wait(0.5):
        pass
    link.stop()
    return 0
