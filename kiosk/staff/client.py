"""The console's side of the channel: one :class:`KioskLink` per kiosk, each on its own thread.

A link connects, checks the kiosk's certificate against the pinned fingerprint, proves the pairing
secret and checks the kiosk's proof, then keeps the connection: it pings, reads the kiosk's views and
heartbeats, and reconnects with a growing pause when the kiosk goes quiet. After a reconnect it signs
in again with the token the kiosk issued, so the password is never kept.

Requests and their answers are the messages of :mod:`kiosk.staff.messages`: a reply comes back as the
core value it carries (a ChipPhoto, a CheckReply, SessionRecords …). Callbacks (``on_status``, ``on_view``,
``on_follow_ups``) run on the link's thread; the Qt console hops them onto its own.
"""
from __future__ import annotations

import itertools
import logging
import secrets
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

from kiosk.core.view import View
from kiosk.staff import identity as ids
from kiosk.staff import messages as msg
from kiosk.staff.channel import LineChannel
from kiosk.staff.errors import (
    ChannelClosed,
    ChannelError,
    ChannelTimeout,
    FingerprintMismatch,
    PairingCodeRefused,
    PairingRefused,
    ProtocolError,
    RequestFailed,
)
from kiosk.staff.follow_ups import FollowUps
from kiosk.staff.pairing_code import WRONG, PairingOffer, code_proof

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 5.0
PING_EVERY = 2.0
OFFLINE_AFTER = 7.0  # no heartbeat for this long: the kiosk is offline (it beats every 2 s)
RETRY_PAUSES = (1.0, 2.0, 4.0, 8.0)
REQUEST_TIMEOUT = 40.0  # longer than the kiosk flow's own deadline for a check by insurance-card data


class Status:
    CONNECTING = "connecting"
    ONLINE = "online"  # paired; views arrive once signed in
    OFFLINE = "offline"
    REFUSED = "refused"  # wrong secret or another certificate: retrying will not help


@dataclass(frozen=True)
class KioskSnapshot:
    kiosk: str  # the kiosk's configured name, "" when it has none
    view: View
    received_at: float


def open_channel(host: str, port: int, pairing: ids.Pairing,
                 timeout: float = CONNECT_TIMEOUT) -> tuple[LineChannel, str, str]:
    """Connect and pair: returns the channel, the kiosk's name and the certificate fingerprint seen.

    Raises FingerprintMismatch when a pinned fingerprint differs, PairingRefused when either side's
    proof of the secret fails.
    """
    channel, fingerprint = _connect(host, port, pairing.fingerprint, timeout)
    try:
        hello = _hello(channel, timeout)
        nonce = secrets.token_hex(16)
        channel.write({"type": "auth", "nonce": nonce,
                       "proof": ids.proof(pairing.secret, "console", hello["nonce"], nonce, fingerprint)})
        answer = channel.read(timeout)
        if answer["type"] == "error":
            raise PairingRefused(f"{host}:{port} refused the pairing secret")
        expected = ids.proof(pairing.secret, "kiosk", nonce, hello["nonce"], fingerprint)
        if answer["type"] != "welcome" or not ids.proof_matches(expected, answer.get("proof")):
            raise PairingRefused(f"{host}:{port} does not know the pairing secret")
        return channel, str(hello.get("kiosk", "")), fingerprint
    except BaseException:
        channel.close()
        raise


def _connect(host: str, port: int, pinned: str, timeout: float) -> tuple[LineChannel, str]:
    """TCP + TLS to the kiosk: the channel and the certificate fingerprint seen (checked against ``pinned``)."""
    raw = socket.create_connection((host, port), timeout=timeout)
    raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # one small message at a time
    try:
        tls = ids.client_context().wrap_socket(raw, server_hostname=None)
    except BaseException:
        raw.close()
        raise
    channel = LineChannel(tls)
    try:
        fingerprint = ids.fingerprint_of(tls.getpeercert(binary_form=True) or b"")
        if pinned and fingerprint != pinned:
            raise FingerprintMismatch(f"{host}:{port} shows certificate {fingerprint}, paired with {pinned}")
    except BaseException:
        channel.close()
        raise
    return channel, fingerprint


def _hello(channel: LineChannel, timeout: float) -> dict:
    hello = channel.read(timeout)
    if hello["type"] != "hello" or not isinstance(hello.get("nonce"), str):
        raise ProtocolError("expected hello")
    return hello


def pair_by_code(offer: PairingOffer, timeout: float = CONNECT_TIMEOUT) -> ids.Pairing:
    """Pair with the one-time code the kiosk's staff panel shows (and, scanned from its QR code, the
    certificate's fingerprint, checked before anything is proven). The kiosk answers a proven code with
    its pairing secret, kept as a pairing by secret is. Raises PairingCodeRefused with the kiosk's reason,
    FingerprintMismatch, PairingRefused when the kiosk's own proof fails."""
    channel, fingerprint = _connect(offer.host, offer.port, offer.fingerprint, timeout)
    try:
        hello = _hello(channel, timeout)
        nonce = secrets.token_hex(16)
        channel.write({"type": "auth", "with": "code", "nonce": nonce,
                       "proof": code_proof(offer.code, "console", hello["nonce"], nonce, fingerprint)})
        answer = channel.read(timeout)
        if answer["type"] == "error":
            raise PairingCodeRefused(str(answer.get("code") or WRONG), str(answer.get("detail") or ""))
        expected = code_proof(offer.code, "kiosk", nonce, hello["nonce"], fingerprint)
        secret = answer.get("secret")
        if answer["type"] != "welcome" or not ids.proof_matches(expected, answer.get("proof")):
            raise PairingRefused(f"{offer.address} does not know the pairing code")
        if not isinstance(secret, str) or not secret:
            raise ProtocolError("welcome without the pairing secret")
        name = str(answer.get("kiosk") or hello.get("kiosk") or "")
        return ids.Pairing(offer.address, ids.normalise_secret(secret), fingerprint, name)
    finally:
        channel.close()


def pair(address: str, secret: str, default_port: int, timeout: float = CONNECT_TIMEOUT) -> ids.Pairing:
    """First contact: pin the kiosk's certificate once both sides have proven the secret."""
    host, port = ids.parse_address(address, default_port)
    channel, name, fingerprint = open_channel(host, port, ids.Pairing(address, secret), timeout)
    channel.close()
    return ids.Pairing(f"{host}:{port}", ids.normalise_secret(secret), fingerprint, name)


def _pinger(channel: LineChannel) -> Callable[[], None]:
    """Called every round of the channel's pump: a ping every PING_EVERY seconds keeps the kiosk's view coming."""
    last = [0.0]

    def every() -> None:
        now = time.monotonic()
        if now - last[0] >= PING_EVERY:
            last[0] = now
            channel.send({"type": "ping"})

    return every


class KioskLink:
    def __init__(self, pairing: ids.Pairing, default_port: int, *,
                 on_status: Callable[[KioskLink, str, str], None] = lambda link, status, code: None,
                 on_view: Callable[[KioskLink, KioskSnapshot], None] = lambda link, snapshot: None,
                 on_signed_out: Callable[[KioskLink, str], None] = lambda link, code: None,
                 on_follow_ups: Callable[[KioskLink, FollowUps], None] = lambda link, follow_ups: None) -> None:
        self.pairing = pairing
        self.host, self.port = ids.parse_address(pairing.address, default_port)
        self.name = pairing.name  # "" until the kiosk says, and it may have no name: the console numbers it
        self.on_status, self.on_view, self.on_signed_out = on_status, on_view, on_signed_out
        self.on_follow_ups = on_follow_ups
        self.status = Status.CONNECTING
        self.user = ""
        self.role = ""
        self.snapshot: KioskSnapshot | None = None
        self.follow_ups = FollowUps()  # what the kiosk's store holds for staff, as last sent
        self._token = ""
        self._channel: LineChannel | None = None
        self._pending: dict[int, Future] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._online = threading.Event()
        self._thread: threading.Thread | None = None

    # --- life ------------------------------------------------------------------------------------

    def start(self) -> KioskLink:
        self._thread = threading.Thread(target=self._loop, name=f"link-{self.pairing.address}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(3.0)

    def wait_online(self, timeout: float) -> bool:
        return self._online.wait(timeout)

    def _set_status(self, status: str, code: str = "") -> None:
        self.status = status
        if status == Status.ONLINE:
            self._online.set()
        else:
            self._online.clear()
        self.on_status(self, status, code)

    def _loop(self) -> None:
        failures = 0
        while not self._stop.is_set():
            self._set_status(Status.CONNECTING)
            try:
                channel, name, _ = open_channel(self.host, self.port, self.pairing)
            except (FingerprintMismatch, PairingRefused) as exc:
                log.warning("kiosk %s: %s", self.pairing.address, exc)
                self._set_status(Status.REFUSED, exc.code)
                return
            except (ChannelError, OSError) as exc:
                failures += 1
                self._set_status(Status.OFFLINE, getattr(exc, "code", "staff_channel_closed"))
                self._stop.wait(RETRY_PAUSES[min(failures, len(RETRY_PAUSES)) - 1])
                continue
            failures = 0
            self.name = self.pairing.name or name
            with self._lock:
                self._channel = channel
            self._set_status(Status.ONLINE)
            if self._token:
                threading.Thread(target=self._resume, daemon=True).start()
            try:
                channel.pump(self._on_message, OFFLINE_AFTER, every=_pinger(channel), stop=self._stop.is_set)
                code = "staff_channel_closed"
            except ChannelTimeout as exc:
                code = exc.code
            except (ChannelError, OSError) as exc:
                code = getattr(exc, "code", "staff_channel_closed")
            finally:
                with self._lock:
                    self._channel = None
                    pending, self._pending = self._pending, {}
                channel.close()
                for future in pending.values():
                    future.set_exception(ChannelClosed("the kiosk went offline"))
            if not self._stop.is_set():
                self._set_status(Status.OFFLINE, code)
                self._stop.wait(RETRY_PAUSES[0])

    def _on_message(self, message: dict) -> None:
        kind = message["type"]
        if kind == "view":
            self.snapshot = KioskSnapshot(str(message.get("kiosk", "")), msg.view_of(message), time.monotonic())
            self.on_view(self, self.snapshot)
        elif kind == "follow_ups":
            self.follow_ups = msg.follow_ups_of(message)
            self.on_follow_ups(self, self.follow_ups)
        elif kind == "reply":
            with self._lock:
                request_id = message.get("id")
                future = self._pending.pop(request_id, None) if isinstance(request_id, int) else None
            if future is None:
                return
            if message.get("ok"):
                future.set_result(message.get("data"))
            else:
                code, detail = str(message.get("code") or "error"), str(message.get("detail") or "")
                future.set_exception(RequestFailed(code, detail))
        elif kind == "signed_out":
            self._token = ""
            self.follow_ups = FollowUps()
            self.on_signed_out(self, str(message.get("code", "")))

    # --- requests --------------------------------------------------------------------------------

    def request(self, name: str, args: dict | None = None, timeout: float = REQUEST_TIMEOUT) -> Any:
        """Send a request and wait for its reply, read as :mod:`kiosk.staff.messages` says (call from a
        worker, never the UI thread). A refusal raises RequestFailed with the kiosk's code."""
        future: Future = Future()
        with self._lock:
            channel = self._channel
            if channel is None:
                raise ChannelClosed(f"kiosk {self.name or self.pairing.address} is offline")
            request_id = next(self._ids)
            self._pending[request_id] = future
        channel.send({"type": "request", "id": request_id, "name": name, "args": args or {}})
        try:
            data = future.result(timeout)
        except FutureTimeout as exc:
            with self._lock:
                self._pending.pop(request_id, None)
            raise ChannelTimeout(f"{name}: no reply within {timeout:g} s") from exc
        return msg.read_reply(name, data)

    def sign_in(self, user: str, password: str) -> dict:
        data = self.request("sign_in", {"user": user, "password": password})
        self._token, self.user, self.role = data["token"], data["user"], data["role"]
        return data

    def _resume(self) -> None:
        try:
            self.request("resume", {"token": self._token})
        except RequestFailed as exc:
            self._token = ""
            self.on_signed_out(self, exc.code)
        except ChannelError:
            pass  # offline again: the next connection tries once more

    def sign_out(self) -> None:
        try:
            self.request("sign_out", timeout=5.0)
        except ChannelError:
            pass
        self._token, self.user, self.role = "", "", ""
        self.follow_ups = FollowUps()  # patients' names stay with a signed-in member of staff

    @property
    def signed_in(self) -> bool:
        return bool(self._token)

    @property
    def online(self) -> bool:
        return self.status == Status.ONLINE

    def session_request(self, name: str, args: dict | None = None, timeout: float = REQUEST_TIMEOUT,
                        session_id: str | None = None) -> Any:
        """A request about a patient at the kiosk (the one on screen now unless ``session_id`` says which):
        refused by the kiosk once that patient is gone (``session_changed``, ``session_ended``)."""
        if session_id is None:
            snapshot = self.snapshot
            session_id = snapshot.view.session_id if snapshot is not None else ""
        if not session_id:
            raise RequestFailed("session_changed")
        return self.request(name, {"session_id": session_id, **(args or {})}, timeout)
