"""The kiosk's end of the channel: the TLS listener, the pairing handshake, and one connection per console.

Threads: one accept loop, and one per console connection that alone reads and writes its socket.
Anything another thread has to say to a console (the flow's thread answering a command, a view, the
follow-up poll) is queued with :meth:`Connection.send`. What a request does is for
:mod:`kiosk.staff.handlers` to decide; nothing here knows the flow.

The clinic LAN is not trusted, and the channel must stay there for a 目視 takeover whatever a peer does:
connections are capped overall and per peer, a peer that has not paired gets small lines (and
:data:`PAIRING_DEADLINE` in all from accept to the end of pairing, however slowly it trickles bytes), the
accept loop backs off and carries on after any error (running out of descriptors included), and refusals
(TLS failures, timeouts, wrong secrets and pairing codes before pairing, requests before sign-in) are audited through
:class:`~kiosk.staff.refusals.RefusalTally`.
"""
from __future__ import annotations

import logging
import math
import secrets
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.staff import clinic_key as ck
from kiosk.staff import identity as ids
from kiosk.staff import pairing_code as codes
from kiosk.staff.channel import MAX_LINE, LineChannel
from kiosk.staff.errors import (
    ChannelClosed,
    ChannelError,
    ChannelTimeout,
    PairingCodeRefused,
    PairingRefused,
    ProtocolError,
)
from kiosk.staff.guesses import GuessThrottle
from kiosk.staff.refusals import RefusalTally

log = logging.getLogger(__name__)

PAIRING_DEADLINE = 10.0  # from accept to the welcome: TLS handshake and auth message together
IDLE_TIMEOUT = 15.0  # consoles ping every 2 s
HEARTBEAT = 2.0
REFUSAL_PAUSE = 1.0  # slows a peer guessing the pairing secret (80 bits anyway)
MAX_CONNECTIONS = 32  # a clinic has a handful of reception PCs
MAX_PER_PEER = 4  # a console reconnecting while its old connection times out, with room to spare
PAIRING_MAX_LINE = 4096  # the auth message is a few hundred bytes
SIGNED_OUT_MAX_LINE = 64 * 1024  # a paired console's requests before sign-in are small too
ACCEPT_BACKOFF = (0.05, 2.0)  # first and longest pause after accept() fails


@dataclass(frozen=True)
class SignIn:
    username: str
    role: str
    expires: float  # monotonic


class Connection:
    """One console. Its thread owns the socket; ``send`` and ``reply`` work from any thread."""

    def __init__(self, listener: Listener, sock: socket.socket, peer: str) -> None:
        self.listener = listener
        self.sock = sock
        self.peer = peer
        self.channel: LineChannel | None = None
        self.token = ""
        self.failures = 0  # wrong passwords on this connection
        self.thread = threading.Thread(target=self.run, name=f"staff-{peer}", daemon=True)
        self.deadline = time.monotonic() + listener.pairing_deadline  # monotonic: by then paired, or hung up on
        self.paired = False
        self._refusal_noted = False  # one refusal per connection, however its end is reported
        self._signed_in: SignIn | None = None
        self._last_beat = 0.0

    @property
    def signed_in(self) -> SignIn | None:
        return self._signed_in

    @signed_in.setter
    def signed_in(self, value: SignIn | None) -> None:
        self._signed_in = value
        if self.channel is not None:
            self.channel.max_line = MAX_LINE if value is not None else SIGNED_OUT_MAX_LINE


    @property
    def staff(self) -> str:
        assert self.signed_in is not None
        return self.signed_in.username

    def send(self, message: dict[str, Any]) -> None:
        if self.channel is not None:
            self.channel.send(message)

    def reply(self, request_id: Any, ok: bool, data: Any = None, code: str = "", detail: str = "") -> None:
        message: dict[str, Any] = {"type": "reply", "id": request_id, "ok": ok}
        if ok:
            message["data"] = data
        else:
            message["code"] = code
            if detail:
                message["detail"] = detail
        self.send(message)

    def close_soon(self) -> None:
        if self.channel is not None:
            self.channel.close_soon()

    def run(self) -> None:
        try:
            # One deadline for the whole handshake (CPython's do_handshake counts it down across its reads).
            self.sock.settimeout(max(0.001, self._left()))
            tls = self.listener.context.wrap_socket(self.sock, server_side=True)
            self.channel = LineChannel(tls, PAIRING_MAX_LINE)
            if self._pair():
                self.paired = True
                self.channel.max_line = SIGNED_OUT_MAX_LINE
                self.channel.pump(self._on_message, IDLE_TIMEOUT, every=self._beat,
                                  stop=self.listener.stopping.is_set)
        except ChannelError as exc:
            log.info("staff console %s: %s", self.peer, exc.code)
            self.refused_before_pairing(exc.code)
        except (ssl.SSLError, OSError) as exc:
            log.info("staff console %s: %s", self.peer, exc)
            self.refused_before_pairing(
                "staff_tls_failed" if isinstance(exc, ssl.SSLError)
                else ChannelTimeout.code if isinstance(exc, TimeoutError) else ChannelClosed.code)
        except Exception:
            log.exception("staff console %s: connection failed", self.peer)
        finally:
            self.listener.forget(self)
            if self.channel is not None:
                self.channel.close()
            else:
                self.sock.close()

    def _pair(self) -> bool:
        """Both sides prove the secret over both nonces and the certificate the console sees."""
        channel, identity, name = self.channel, self.listener.identity, self.listener.kiosk_name
        assert channel is not None
        nonce = secrets.token_hex(16)
        channel.write({"type": "hello", "kiosk": name, "nonce": nonce})
        message = channel.read(max(0.001, self._left()))
        their_nonce = message.get("nonce")
        if message["type"] != "auth" or not isinstance(their_nonce, str) or not 16 <= len(their_nonce) <= 128:
            raise ProtocolError("expected auth")
        if message.get("with") == "code":
            return self._pair_by_code(message.get("proof"), nonce, their_nonce)
        if message.get("with") == ck.WITH:
            self._share_clinic_key(message, nonce, their_nonce)
            return False  # a kiosk, not a console: the connection ends with the handoff
        expected = ids.proof(identity.secret, "console", nonce, their_nonce, identity.fingerprint)
        if not ids.proof_matches(expected, message.get("proof")):
            log.warning("staff channel: refused a console at %s: wrong pairing secret", self.peer)
            self.refused_before_pairing(PairingRefused.code)
            time.sleep(REFUSAL_PAUSE)
            channel.write({"type": "error", "code": PairingRefused.code})
            return False
        channel.write({"type": "welcome", "kiosk": name,
                       "proof": ids.proof(identity.secret, "kiosk", their_nonce, nonce, identity.fingerprint)})
        return True

    def _pair_by_code(self, given: object, nonce: str, their_nonce: str) -> bool:
        """The one-time code the kiosk's staff panel shows, proven as the secret is; the kiosk then hands the
        console the secret (inside TLS, after both proofs) to reconnect with. Guesses slow the address."""
        channel, identity = self.channel, self.listener.identity
        assert channel is not None
        redeemed = self._redeem(lambda candidate: ids.proof_matches(
            codes.code_proof(candidate, "console", nonce, their_nonce, identity.fingerprint), given), codes.CONSOLE)
        if redeemed is None:
            return False
        channel.write({"type": "welcome", "kiosk": self.listener.kiosk_name, "secret": identity.secret,
                       "proof": codes.code_proof(redeemed.code, "kiosk", their_nonce, nonce, identity.fingerprint)})
        return True

    def _share_clinic_key(self, message: dict[str, Any], nonce: str, their_nonce: str) -> None:
        """A new kiosk of the clinic proving the code shown for 「受付機を追加（同じ医院）」: once it has, and has
        checked the code proven back, it is sent the store key (kiosk.staff.clinic_key)."""
        channel, identity, giver = self.channel, self.listener.identity, self.listener.clinic_key
        assert channel is not None
        claimed = ck.claimed_of(message)
        given = message.get("proof")
        redeemed = self._redeem(lambda candidate: ids.proof_matches(ck.receiver_proof(
            candidate, claimed.name, claimed.fingerprint, nonce, their_nonce, identity.fingerprint), given),
            codes.CLINIC_KEY)
        if redeemed is None:
            return
        if giver is None:  # a code of this purpose is only shown where a giver is: never reached
            channel.write({"type": "error", "code": ck.ClinicKeyUnavailable.code})
            return
        giver.give(channel, redeemed, claimed, nonce=nonce, their_nonce=their_nonce, seen=identity.fingerprint,
                   peer=self.peer, kiosk_name=self.listener.kiosk_name, left=self._left)

    def _redeem(self, matches: Callable[[str], bool], purpose: str) -> codes.Redeemed | None:
        """The code shown for ``purpose`` when ``matches`` it; otherwise the refusal is answered by name (after
        the pause), counted toward the address's slowing when wrong, audited, and None returned."""
        channel, guesses = self.channel, self.listener.code_guesses
        assert channel is not None
        wait = guesses.wait_for(self.peer)
        try:
            if wait > 0:
                raise PairingCodeRefused(codes.SLOWED, str(math.ceil(wait)))
            redeemed = self.listener.pairing_codes.redeem_for(matches, self.peer, purpose)
        except PairingCodeRefused as exc:
            log.warning("staff channel: refused a %s at %s: %s",
                        "console" if purpose == codes.CONSOLE else "joining kiosk", self.peer, exc.code)
            if exc.code == codes.WRONG:
                guesses.failed(self.peer)
            self.refused_before_pairing(exc.code)
            if exc.code != codes.SLOWED:
                time.sleep(REFUSAL_PAUSE)
            channel.write({"type": "error", "code": exc.code, "detail": exc.detail})
            return None
        guesses.succeeded(self.peer)
        return redeemed

    def refused(self, reason: str) -> None:
        """A paired console asked for what it may not have yet (``not_signed_in``): into the same tally."""
        if not self.listener.stopping.is_set():
            self.listener.refusals.note(self.peer, reason)

    def _left(self) -> float:
        """Seconds until the pairing deadline."""
        return self.deadline - time.monotonic()

    def refused_before_pairing(self, reason: str) -> None:
        if not self.paired and not self._refusal_noted and not self.listener.stopping.is_set():
            self._refusal_noted = True
            self.listener.refusals.note(self.peer, reason)

    def _beat(self) -> None:
        now = time.monotonic()
        if now - self._last_beat >= HEARTBEAT:
            self._last_beat = now
            self.send({"type": "heartbeat"})
        if self.signed_in is not None and self.signed_in.expires < now:
            self.signed_in = None
            self.send({"type": "signed_out", "code": "staff_token_expired"})

    def _on_message(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        if kind == "request":
            self.listener.on_request(self, message)
        elif kind != "ping":
            log.info("staff console %s: ignored a %r message", self.peer, kind)


class Listener:
    def __init__(self, identity: ids.KioskIdentity, on_request: Callable[[Connection, dict[str, Any]], None],
                 audit_refusal: Callable[[str, str], None], *, host: str, port: int, kiosk_name: str,
                 pairing_deadline: float = PAIRING_DEADLINE, pairing_codes: codes.PairingCodes | None = None,
                 clinic_key: ck.ClinicKeyGiver | None = None) -> None:
        """``audit_refusal(peer, detail)`` writes one audit row for a peer that is not a console (yet);
        ``pairing_deadline``: seconds from accept to the end of pairing (read as each connection is accepted);
        ``pairing_codes``: the one-time codes the kiosk's staff panel shows (none: every code is refused);
        ``clinic_key``: what hands the store key to a new kiosk of the clinic (none: this kiosk does not)."""
        self.identity = identity
        self.clinic_key = clinic_key
        self.pairing_codes = pairing_codes or codes.PairingCodes(lambda actor, action, detail: None)
        # Wrong codes slow their address, as passwords do, on the codes' own clock.
        self.code_guesses = GuessThrottle(lambda: self.pairing_codes.clock())
        self.on_request = on_request  # on the connection's thread
        self.refusals = RefusalTally(audit_refusal, time.monotonic)
        self.kiosk_name = kiosk_name
        self.pairing_deadline = pairing_deadline
        self.context = identity.server_context()
        self.stopping = threading.Event()
        self._bind = (host, port)
        self._lock = threading.Lock()
        self._connections: set[Connection] = set()
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        sock = socket.create_server(self._bind, reuse_port=False)
        sock.settimeout(0.2)  # how soon stop() is noticed
        self._socket = sock
        self._thread = threading.Thread(target=self._accept_loop, name="staff-accept", daemon=True)
        self._thread.start()

    @property
    def address(self) -> tuple[str, int]:
        assert self._socket is not None
        host, port = self._socket.getsockname()[:2]
        return host, port

    def signed_in(self) -> list[Connection]:
        with self._lock:
            return [c for c in self._connections if c.signed_in is not None]

    def forget(self, connection: Connection) -> None:
        with self._lock:
            self._connections.discard(connection)

    def stop(self, wait: float = 2.0) -> None:
        """Hang up on every console; their threads are waited for (at most ``wait`` s in all), so no
        request is still reading the store when it closes."""
        deadline = time.monotonic() + wait
        self.stopping.set()
        if self._thread is not None:
            self._thread.join(wait)
        if self._socket is not None:
            self._socket.close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            connection.close_soon()
        for connection in connections:
            connection.thread.join(max(0.0, deadline - time.monotonic()))
        self.refusals.flush(everything=True)

    def _accept_loop(self) -> None:
        assert self._socket is not None
        pause = ACCEPT_BACKOFF[0]
        while not self.stopping.is_set():
            self.refusals.flush()  # the rows whose interval is over
            try:
                sock, peer = self._socket.accept()
            except TimeoutError:
                continue
            except OSError as exc:
                if self.stopping.is_set():
                    return
                # EMFILE/ENFILE/ENOBUFS and the like pass once connections end: never stop serving.
                log.error("staff channel: accept failed (%s); trying again in %.2f s", exc, pause)
                self.stopping.wait(pause)
                pause = min(pause * 2, ACCEPT_BACKOFF[1])
                continue
            pause = ACCEPT_BACKOFF[0]
            reason = self._admit(peer[0])
            if reason:
                sock.close()
                self.refusals.note(peer[0], reason)
                continue
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # one small message at a time
            connection = Connection(self, sock, peer[0])
            with self._lock:
                self._connections.add(connection)
            try:
                connection.thread.start()
            except RuntimeError as exc:  # no thread to be had: the same as no descriptor
                log.error("staff channel: cannot serve %s: %s", peer[0], exc)
                self.forget(connection)
                sock.close()

    def _admit(self, peer: str) -> str:
        """"" to serve the peer, else the reason it is refused."""
        with self._lock:
            if len(self._connections) >= MAX_CONNECTIONS:
                return "staff_too_many_connections"
            if sum(c.peer == peer for c in self._connections) >= MAX_PER_PEER:
                return "staff_too_many_from_peer"
        return ""
