"""A My Number card in software: three APs, their files, PIN counters, signing, and faults on demand.

``VirtualMyNumberCard.process(apdu)`` answers one command APDU with ``data + SW1 SW2`` the way the
public readers of the card (OpenSC, jpki/myna) see a real card answer. It knows nothing of sockets:
:mod:`kiosk.card.virtual.vpcd` carries it to pcscd, and unit tests call it directly.
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from kiosk.card import apdu as A
from kiosk.card.virtual import files
from kiosk.card.virtual.credentials import make_credentials, with_unknown_key_algorithm
from kiosk.card.virtual.profiles import Profile

MY_NUMBER_ATR = bytes.fromhex("3BE000FF8131FE4514")
OTHER_ATR = bytes.fromhex("3B8F8001804F0CA0000003060300030000000068")  # a contactless transit/clinic card


def _sw(sw: int, data: bytes = b"") -> bytes:
    return data + sw.to_bytes(2, "big")


@dataclass
class Pin:
    value: bytes
    tries: int | None  # None: the key keeps no count (6300), never blocks
    max_tries: int | None
    claims_verified: bool = False  # the tries query answers 9000 whether or not the key was verified

    @classmethod
    def of(cls, value: str, tries: int, limit: int, counted: bool = True, claims_verified: bool = False) -> Pin:
        if not counted:
            return cls(value.encode(), None, None, claims_verified)
        return cls(value.encode(), tries, limit, claims_verified)


@dataclass
class Key:
    key: rsa.RSAPrivateKey
    pin: int  # the PIN EF that opens it


@dataclass
class App:
    files: dict[int, bytes] = field(default_factory=dict)
    read_acl: dict[int, tuple[int, ...]] = field(default_factory=dict)  # EF -> PIN EFs, any of which opens it
    pins: dict[int, Pin] = field(default_factory=dict)
    keys: dict[int, Key] = field(default_factory=dict)


class PulledOut(Exception):
    """Raised by process(): the card leaves the reader instead of answering (fault injection)."""


class VirtualMyNumberCard:
    def __init__(self, profile: Profile, now: datetime | None = None) -> None:
        self.profile = profile
        self.atr = MY_NUMBER_ATR if profile.my_number_card else OTHER_ATR
        self.apps: dict[bytes, App] = self._build(profile, now) if profile.my_number_card else {}
        self.log: list[tuple[str, bytes]] = []  # (selected AP name, command) of every APDU received
        self._lock = threading.Lock()
        self._cert_reads = 0
        self.silent_since: float | None = None  # time.monotonic() of the first command left unanswered
        self._reset_state()

    # --- file system -----------------------------------------------------------------------------

    @staticmethod
    def _build(p: Profile, now: datetime | None) -> dict[bytes, App]:
        creds = make_credentials(p, now)

        def stored(content: bytes) -> bytes:
            return files.padded(content, files.file_size_for(content))

        def key(name: str, value: str, tries: int, limit: int) -> Pin:
            return Pin.of(value, tries, limit, name not in p.uncounted, name in p.claims_verified)

        auth_cert = with_unknown_key_algorithm(creds.auth_cert) if p.damaged_cert_key else creds.auth_cert
        jpki = App(
            files={
                A.EF_TOKEN_INFO: files.token_info(),
                A.EF_AUTH_CERT: (stored(auth_cert) if p.cert_length_claim is None
                                 else files.claiming_length(auth_cert, p.cert_length_claim)),
                A.EF_AUTH_CA_CERT: stored(creds.auth_ca_cert),
                A.EF_SIGN_CERT: stored(creds.sign_cert),
                A.EF_SIGN_CA_CERT: stored(creds.sign_ca_cert),
            },
            read_acl={A.EF_SIGN_CERT: (A.EF_SIGN_PIN,)},
            pins={
                A.EF_AUTH_PIN: key("pin", p.pin, p.pin_tries, 3),
                A.EF_SIGN_PIN: Pin.of(p.sign_password, 5, 5),
            },
            keys={A.EF_AUTH_KEY: Key(creds.auth_key, A.EF_AUTH_PIN), A.EF_SIGN_KEY: Key(creds.sign_key, A.EF_SIGN_PIN)},
        )
        assist = App(
            files={
                A.EF_ASSIST_NUMBER: files.padded(files.tlv(0x10, p.individual_number.encode()), 32),
                A.EF_ASSIST_FACTS: stored(p.facts_prefix + files.assist_facts(p)),
            },
            read_acl={
                A.EF_ASSIST_NUMBER: (A.EF_ASSIST_PIN, A.EF_ASSIST_CODE_A),
                A.EF_ASSIST_FACTS: (A.EF_ASSIST_PIN, A.EF_ASSIST_CODE_B),
            },
            pins={
                A.EF_ASSIST_PIN: key("assist-pin", p.assist_pin, p.assist_pin_tries, 3),
                A.EF_ASSIST_CODE_A: Pin.of(p.individual_number, 10, 10),
                A.EF_ASSIST_CODE_B: key("code-b", p.code_b, p.code_b_tries, 10),
            },
        )
        public_key = creds.auth_key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.PKCS1
        )
        # The 券面AP as soltia48/myna-card measured it: 照合番号A opens the number's image (0005) as well
        # as the card face; 照合番号B the card face only.
        face = App(
            files={
                A.EF_FACE_DATA: stored(files.card_face(p, public_key, os.urandom(256))),
                A.EF_FACE_NUMBER_IMAGE: stored(files.number_image(p, public_key, os.urandom(256))),
            },
            read_acl={
                A.EF_FACE_DATA: (A.EF_FACE_CODE_B, A.EF_FACE_CODE_A),
                A.EF_FACE_NUMBER_IMAGE: (A.EF_FACE_CODE_A,),
            },
            pins={
                A.EF_FACE_CODE_B: key("code-b", p.code_b, p.code_b_tries, 10),
                A.EF_FACE_CODE_A: Pin.of(p.individual_number, 10, 10),
            },
        )
        return {A.JPKI_AP: jpki, A.ASSIST_AP: assist, A.FACE_AP: face}

    # --- power -----------------------------------------------------------------------------------

    def _reset_state(self) -> None:
        self._app: bytes | None = None
        self._ef: int | None = None
        self._verified: set[int] = set()

    def power_off(self) -> None:
        with self._lock:
            self._reset_state()

    reset = power_off

    # --- commands --------------------------------------------------------------------------------

    def process(self, command: bytes) -> bytes:
        with self._lock:
            self._record(command)
            response = self._dispatch(bytes(command))
        if self.profile.answer_delay:
            time.sleep(self.profile.answer_delay)
        return response

    def _dispatch(self, c: bytes) -> bytes:
        if len(c) < 4:
            return _sw(0x6700)
        cla, ins, p1, p2 = c[0], c[1], c[2], c[3]
        body = c[5 : 5 + c[4]] if len(c) > 5 else b""
        if ins == 0xA4 and cla == 0x00:
            return self._select(p1, body)
        if ins in (0xB0, 0xC0) and cla == 0x00 and self.profile.endless_more_data:
            return _sw(0x6100)
        if ins == 0xB0 and cla == 0x00:
            le = (c[4] if len(c) == 5 else 0) or 256
            if self.profile.endless_wrong_le:
                return _sw(0x6C00 | ((le - 1) & 0xFF))  # never the Le it was sent with
            return self._read((p1 << 8) | p2, le)
        if ins == 0x20 and cla == 0x00 and p1 == 0x00 and p2 == 0x80:
            return self._verify(body)
        if ins == 0x2A and cla == 0x80 and p1 == 0x00 and p2 == 0x80:
            return self._sign(body)
        if cla not in (0x00, 0x80):
            return _sw(0x6E00)
        return _sw(0x6D00)

    def _select(self, p1: int, body: bytes) -> bytes:
        if p1 == 0x04:
            if body not in self.apps:
                return _sw(0x6A82)
            self._app, self._ef = body, None
            self._verified = set()  # a VERIFY lasts until the AP is selected again
            return _sw(0x9000)
        if p1 == 0x02 and len(body) == 2 and self._app is not None:
            fid = int.from_bytes(body, "big")
            app = self.apps[self._app]
            if fid in app.files or fid in app.pins or fid in app.keys:
                self._ef = fid
                return _sw(0x9000)
        return _sw(0x6A82)

    def _read(self, offset: int, le: int) -> bytes:
        if self._app is None or self._ef is None:
            return _sw(0x6986)
        app = self.apps[self._app]
        if self._ef not in app.files:
            return _sw(0x6981)
        if self._ef in app.read_acl and not self._verified & set(app.read_acl[self._ef]):
            return _sw(0x6982)
        content = app.files[self._ef]
        if offset >= len(content):
            return _sw(0x6B00)
        if self._app == A.JPKI_AP and self._ef == A.EF_AUTH_CERT:
            self._cert_reads += 1
            if self.profile.pull_after_reads is not None and self._cert_reads == self.profile.pull_after_reads:
                raise PulledOut()
            if self.profile.garbage:
                return _sw(0x9000, os.urandom(min(le, len(content) - offset)))
        chunk = content[offset : offset + le]
        return _sw(0x9000 if len(chunk) == le else 0x6282, chunk)

    def _verify(self, secret: bytes) -> bytes:
        if self._app is None or self._ef is None:
            return _sw(0x6986)
        pin = self.apps[self._app].pins.get(self._ef)
        if pin is None:
            return _sw(0x6981)
        if pin.tries == 0:
            return _sw(0x6984)
        if not secret:
            if self._ef in self._verified or pin.claims_verified:
                return _sw(0x9000)
            return _sw(0x6300) if pin.tries is None else _sw(0x63C0 | pin.tries)
        if secret == pin.value:
            pin.tries = pin.max_tries
            self._verified.add(self._ef)
            return _sw(0x9000)
        self._verified.discard(self._ef)
        if pin.tries is None:
            return _sw(0x6300)
        pin.tries -= 1
        return _sw(0x63C0 | pin.tries)

    def _sign(self, digest_info: bytes) -> bytes:
        if self._app is None or self._ef is None:
            return _sw(0x6986)
        key = self.apps[self._app].keys.get(self._ef)
        if key is None:
            return _sw(0x6981)
        if key.pin not in self._verified:
            return _sw(0x6982)
        size = key.key.key_size // 8
        if not digest_info or len(digest_info) > size - 11:
            return _sw(0x6700)
        # PKCS#1 v1.5 type 1 over the DigestInfo the host sent: the card does no hashing of its own.
        block = b"\x00\x01" + b"\xff" * (size - 3 - len(digest_info)) + b"\x00" + digest_info
        numbers = key.key.private_numbers()
        signature = pow(int.from_bytes(block, "big"), numbers.d, numbers.public_numbers.n)
        return _sw(0x9000, signature.to_bytes(size, "big"))

    def _record(self, command: bytes) -> None:
        self.log.append((A.AP_NAMES.get(self._app, "-") if self._app else "-", bytes(command)))

    def stops_answering(self, command: bytes) -> bool:
        """Whether the ``silent_after`` profile leaves ``command`` unanswered (logged all the same).

        Played by the vpcd link, which then sends nothing back: vpcd, pcscd and the sender wait for ever,
        as with a card that stopped answering in a reader whose driver never gives up."""
        with self._lock:
            if self.profile.silent_after is None or len(self.log) < self.profile.silent_after:
                return False
            self._record(command)
            if self.silent_since is None:
                self.silent_since = time.monotonic()
            return True

    # --- for tests ---------------------------------------------------------------------------------

    def files_touched(self) -> set[tuple[str, int]]:
        """(AP name, FID) of every file a SELECT EF reached, from the received-command log."""
        touched = set()
        for ap, command in self.log:
            if command[1:4] == b"\xa4\x02\x0c" and len(command) >= 7:
                touched.add((ap, int.from_bytes(command[5:7], "big")))
        return touched
