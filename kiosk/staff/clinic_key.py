"""A new kiosk of the clinic receives the clinic's store key from a kiosk already there, by the one-time code
that kiosk's staff panel shows (「受付機を追加（同じ医院）」), so nobody copies key files by hand.

Kiosks that share a hub (docs/hub.md) must hold the same store key: the hub keeps their sealed fields and
keyed lookup hashes as they are, and only the key opens them. The key never goes to the hub; it goes from
kiosk to kiosk, here, on the existing kiosk's staff channel (TLS, :mod:`kiosk.staff.listener`), as a console's
pairing by code does (:mod:`kiosk.staff.pairing_code`: the same codes, once, 5 minutes, withdrawn when the
panel closes, wrong ones slowed and audited):

    new kiosk → existing   auth {with: clinic_key, nonce, kiosk, fingerprint, proof}   the code, proven
    existing → new kiosk   welcome {kiosk, staff, key_id, proof}  or  error {code}     the code, proven back
    new kiosk → existing   take {}  or  decline {reason}                               it already has that key …
    existing → new kiosk   clinic_key {key}                                            only now

Both proofs are :func:`~kiosk.staff.pairing_code.code_proof` over both nonces and the certificate fingerprint
the new kiosk sees (a relay with its own certificate cannot pass one on), under roles of their own that also
carry the new kiosk's name and fingerprint (so the audit names the kiosk that proved the code) and, the
existing kiosk's, the key's id. The key id (:func:`key_id_of`, an HMAC under the key) lets the new kiosk
say "I have this key already" or "I have another key in use" before a byte of the key is sent.

The existing kiosk audits ``clinic_key_shared`` (the staff member who showed the code; the new kiosk's name,
fingerprint and address; the key id), or ``clinic_key_not_shared`` with the reason; the new kiosk stores the
key with its own key provider (file, keyring or DPAPI, as configured; atomically, never replacing a key)
and audits ``clinic_key_received`` in the store it then opens. The key is never logged, and never in a repr.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kiosk.staff import pairing_code as codes
from kiosk.staff.channel import LineChannel
from kiosk.staff.client import _connect as connect_tls
from kiosk.staff.client import _hello as read_hello
from kiosk.staff.errors import (
    ChannelError,
    ClinicKeyAlreadyHere,
    ClinicKeyError,
    ClinicKeyOtherStore,
    ClinicKeyUnavailable,
    PairingCodeRefused,
    PairingRefused,
    ProtocolError,
)
from kiosk.staff.identity import proof_matches

if TYPE_CHECKING:
    from pathlib import Path

    from kiosk.config import Config
    from kiosk.store.keys import KeyProvider

log = logging.getLogger(__name__)

WITH = "clinic_key"  # the auth message's "with"
JOIN_PREFIX = "KIOSKJOIN"  # the QR payload's first part: never read as a console's KIOSKPAIR
KEY_BYTES = 32
CONNECT_TIMEOUT = 5.0
NAME_MAX = 32
KEY_ID_LABEL = b"kiosk clinic key id v1"


def key_id_of(key: bytes) -> str:
    """What names a key without telling it: the same on every kiosk holding it (in the audit rows too)."""
    return hmac.new(key, KEY_ID_LABEL, hashlib.sha256).hexdigest()[:16]


def _claims(name: str, fingerprint: str) -> str:
    return hashlib.sha256(json.dumps([name, fingerprint], ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def receiver_proof(code: str, name: str, fingerprint: str, first: str, second: str, seen: str) -> str:
    return codes.code_proof(code, f"clinic-key-receiver:{_claims(name, fingerprint)}", first, second, seen)


def giver_proof(code: str, name: str, fingerprint: str, key_id: str, first: str, second: str, seen: str) -> str:
    return codes.code_proof(code, f"clinic-key-giver:{_claims(name, fingerprint)}:{key_id}", first, second, seen)


def join_payload(offer: codes.PairingOffer) -> str:
    return codes.payload_of(offer, JOIN_PREFIX)


def join_offer(text: str) -> codes.PairingOffer | None:
    """A scanned or pasted 「受付機を追加（同じ医院）」 QR payload; None when ``text`` is not one."""
    return codes.offer_of(text, JOIN_PREFIX)


def _clean(text: object, limit: int) -> str:
    """A peer's word for the audit row: printable, one line, bounded."""
    value = "".join(ch for ch in str(text) if ch.isprintable() and not ch.isspace() or ch == " ")
    return " ".join(value.split())[:limit] or "-"


# --- the existing kiosk: the giver ------------------------------------------------------------------------


@dataclass(frozen=True)
class Claimed:
    """Who the new kiosk says it is (bound into its proof)."""

    name: str
    fingerprint: str


def claimed_of(message: dict[str, Any]) -> Claimed:
    name, fingerprint = message.get("kiosk"), message.get("fingerprint")
    if not isinstance(name, str) or not isinstance(fingerprint, str) or len(name) > NAME_MAX * 4 \
            or len(fingerprint) > 128:
        raise ProtocolError("a joining kiosk names itself and its certificate")
    return Claimed(name, fingerprint)


class ClinicKeyGiver:
    """The existing kiosk's side, run on the connection's thread once the code checked out.
    ``load_key()`` gives the store key from the kiosk's key provider; ``audit(actor, action, detail)``."""

    SHARED = "clinic_key_shared"

    def __init__(self, load_key: Callable[[], bytes | None], audit: Callable[[str, str, str], None]) -> None:
        self._load_key = load_key
        self._audit = audit
        # How the last handoff ended, for the kiosk's panel: (SHARED or the reason, the new kiosk's name).
        # The panel clears it when it shows a code; one assignment, read on the UI thread.
        self.last: tuple[str, str] | None = None

    def _ended(self, staff: str, claimed: Claimed, outcome: str, detail: str) -> None:
        """``outcome``: SHARED, or the reason the key was not sent (also in ``detail``)."""
        self._audit(staff, self.SHARED if outcome == self.SHARED else "clinic_key_not_shared", detail)
        self.last = (outcome, _clean(claimed.name, NAME_MAX))

    def give(self, channel: LineChannel, redeemed: codes.Redeemed, claimed: Claimed, *, nonce: str,
             their_nonce: str, seen: str, peer: str, kiosk_name: str, left: Callable[[], float]) -> None:
        """``nonce`` is the giver's, ``seen`` the fingerprint the new kiosk sees (this kiosk's own),
        ``left()`` the seconds until the pairing deadline."""
        who = (f"receiver={_clean(claimed.name, NAME_MAX).replace(' ', '_')} "
               f"fingerprint={_clean(claimed.fingerprint, 128).replace(' ', '_')} peer={peer}")
        try:
            key = self._load_key()
        except Exception as exc:  # noqa: BLE001 - any provider's failure; named in the audit, not here
            key = None
            log.error("clinic key: this kiosk's own key cannot be loaded: %s", type(exc).__name__)
        if key is None or len(key) != KEY_BYTES:
            self._ended(redeemed.staff, claimed, ClinicKeyUnavailable.code, f"{who} reason={ClinicKeyUnavailable.code}")
            channel.write({"type": "error", "code": ClinicKeyUnavailable.code})
            return
        key_id = key_id_of(key)
        channel.write({"type": "welcome", "kiosk": kiosk_name, "staff": redeemed.staff, "key_id": key_id,
                       "proof": giver_proof(redeemed.code, claimed.name, claimed.fingerprint, key_id,
                                            their_nonce, nonce, seen)})
        try:
            answer = channel.read(max(0.001, left()))
        except ChannelError as exc:
            self._ended(redeemed.staff, claimed, exc.code, f"{who} reason={exc.code}")
            raise
        if answer["type"] == "decline":
            reason = _clean(answer.get("reason"), 64)
            self._ended(redeemed.staff, claimed, reason, f"{who} reason={reason} key_id={key_id}")
            return
        if answer["type"] != "take":
            self._ended(redeemed.staff, claimed, ProtocolError.code, f"{who} reason={ProtocolError.code}")
            raise ProtocolError("expected take or decline")
        channel.write({"type": "clinic_key", "key": key.hex()})
        self._ended(redeemed.staff, claimed, self.SHARED, f"{who} key_id={key_id}")
        log.info("clinic key: shared with %s at %s", _clean(claimed.name, NAME_MAX), peer)


# --- the new kiosk: the receiver ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    key: bytes = field(repr=False)
    key_id: str
    giver: str  # the existing kiosk's name
    giver_fingerprint: str
    staff: str  # who showed the code there


def receive(offer: codes.PairingOffer, name: str, fingerprint: str, accept: Callable[[str], None],
            timeout: float = CONNECT_TIMEOUT) -> Received:
    """Prove ``offer``'s code to the kiosk there and have it prove the code back; ``accept(key_id)`` raises a
    :class:`ClinicKeyError` to decline the key (the refusal is said to the giver, and no key is sent), else
    the key is asked for and returned. ``name`` and ``fingerprint`` are this kiosk's. Raises
    :class:`PairingCodeRefused` with the giver's reason, :class:`FingerprintMismatch` (a scanned payload's
    pin), :class:`PairingRefused` when the giver's proof fails, :class:`ClinicKeyUnavailable`."""
    channel, seen = connect_tls(offer.host, offer.port, offer.fingerprint, timeout)
    try:
        hello = read_hello(channel, timeout)
        nonce = secrets.token_hex(16)
        channel.write({"type": "auth", "with": WITH, "nonce": nonce, "kiosk": name, "fingerprint": fingerprint,
                       "proof": receiver_proof(offer.code, name, fingerprint, hello["nonce"], nonce, seen)})
        answer = channel.read(timeout)
        if answer["type"] == "error":
            code = str(answer.get("code") or codes.WRONG)
            if code == ClinicKeyUnavailable.code:
                raise ClinicKeyUnavailable(f"{offer.address} cannot load its own store key: see its `kiosk doctor`")
            raise PairingCodeRefused(code, str(answer.get("detail") or ""))
        key_id = answer.get("key_id")
        if answer["type"] != "welcome" or not isinstance(key_id, str) or not proof_matches(
                giver_proof(offer.code, name, fingerprint, key_id, nonce, hello["nonce"], seen), answer.get("proof")):
            raise PairingRefused(f"{offer.address} does not know the code")
        try:
            accept(key_id)
        except ClinicKeyError as exc:
            channel.write({"type": "decline", "reason": exc.code})
            raise
        channel.write({"type": "take"})
        message = channel.read(timeout)
        if message["type"] != "clinic_key" or not isinstance(message.get("key"), str):
            raise ProtocolError("expected the clinic key")
        try:
            key = bytes.fromhex(message["key"])
        except ValueError as exc:
            raise ProtocolError("the clinic key is not hex") from exc
        if len(key) != KEY_BYTES or key_id_of(key) != key_id:
            raise ProtocolError("the clinic key is not the one the kiosk named")
        return Received(key, key_id, _clean(answer.get("kiosk") or hello.get("kiosk") or "", NAME_MAX), seen,
                        _clean(answer.get("staff") or "", 64))
    finally:
        channel.close()


@dataclass
class Here:
    """This kiosk as it stands before joining: its key provider, the key it holds (if any) and its store."""

    keys: KeyProvider
    key: bytes | None = field(repr=False)
    receptions: int | None  # None: no store yet
    database: Path

    def accept(self, key_id: str) -> None:
        """A key may come only where there is none; with one, say which case it is and what to do."""
        if self.key is None:
            return
        if hmac.compare_digest(key_id_of(self.key), key_id):
            raise ClinicKeyAlreadyHere(
                f"this kiosk already holds the clinic's key ({self.keys.description}): nothing to do")
        if self.receptions:
            raise ClinicKeyOtherStore(
                f"this kiosk's store {self.database} holds {self.receptions} receptions under its own key "
                f"({self.keys.description}), not the clinic's. Joining would make them unreadable, so nothing "
                "was changed. Keep this kiosk on its own key (it works without the hub), or, if its receptions "
                "are not needed, `kiosk store export` them, move the store folder and the key aside, and join again")
        where = f"a store {self.database} with no receptions" if self.receptions == 0 else "no store yet"
        raise ClinicKeyOtherStore(
            f"this kiosk already has its own key ({self.keys.description}) and {where}. Nothing was changed: move "
            f"the key aside{' and the store with its .marker' if self.receptions == 0 else ''} (nothing is lost: "
            "no reception was made with it), then join again")


class _NoNewKey:
    """The configured provider, except that looking never makes a key (Store.open would for an empty file)."""

    class WouldCreate(Exception):
        pass

    def __init__(self, keys: KeyProvider) -> None:
        self._keys = keys
        self.description = keys.description

    def load(self) -> bytes | None:
        return self._keys.load()

    def create(self, key: bytes | None = None) -> bytes:
        raise self.WouldCreate()


def look_here(config: Config) -> Here:
    """Before a code is spent: a store that does not open (gone, damaged, its key missing …) raises its own
    named error now."""
    from kiosk.store.errors import NotFound
    from kiosk.store.keys import provider_for
    from kiosk.store.store import Store

    keys = provider_for(config.key_provider, config.key_dir)
    key = keys.load()
    try:
        store = Store.open(config.database_path, _NoNewKey(keys), create=False, backup_dir=config.backups)
    except NotFound:
        return Here(keys, key, None, config.database_path)
    except _NoNewKey.WouldCreate:  # an empty file a crash left before any schema: as good as none
        return Here(keys, key, None, config.database_path)
    try:
        # A count, not the rows: nothing sealed is opened (the store's own count of what it holds).
        receptions = int(store._db.execute("SELECT count(*) FROM receptions").fetchone()[0])
    finally:
        store.close()
    return Here(keys, key, receptions, config.database_path)


def kiosk_identity(config: Config) -> tuple[str, str]:
    """This kiosk's name (configured, given at its panel, else the host's) and its certificate's fingerprint
    (made now if the kiosk never ran: its staff channel uses the same one)."""
    from kiosk.staff.identity import load_identity, stored_name

    folder = config.data_dir / "staff"
    name = config.kiosk_name or stored_name(folder) or socket.gethostname()
    return name[:NAME_MAX], load_identity(folder, name).fingerprint


@dataclass(frozen=True)
class Joined:
    giver: str
    giver_fingerprint: str
    key_id: str
    where: str  # the key provider's description


def join(config: Config, offer: codes.PairingOffer, timeout: float = CONNECT_TIMEOUT) -> Joined:
    """``kiosk hub join``: look at this kiosk, receive the clinic key by ``offer``'s code, keep it with the
    configured key provider (never replacing one), open the store with it and audit ``clinic_key_received``.
    Raises :class:`ClinicKeyAlreadyHere` (nothing to do), :class:`ClinicKeyOtherStore`, the code's refusal,
    a store's or a key provider's named error."""
    from kiosk.store.store import KIOSK_ACTOR, Store

    here = look_here(config)
    name, fingerprint = kiosk_identity(config)
    received = receive(offer, name, fingerprint, here.accept, timeout)
    here.keys.create(received.key)
    with Store.open(config.database_path, here.keys, backup_dir=config.backups) as store:
        store.audit(KIOSK_ACTOR, "clinic_key_received",
                    f"giver={received.giver} fingerprint={received.giver_fingerprint} shown_by={received.staff} "
                    f"key_id={received.key_id}")
    return Joined(received.giver, received.giver_fingerprint, received.key_id, here.keys.description)
