"""The kiosk's end of the channel: the TLS listener, the pairing handshake, and one connection per console.

Threads: one accept loop, and one per console connection that alone reads and writes its socket.
Anything another thread has to say to a console (the flow's thread answering a command, a view, the
follow-up poll) is queued with :meth:`Connection.send`. What a request does is for
:mod:`kiosk.staff.handlers` to decide; nothing here knows the flow.
"""
from __future__ import annotations

import logging
import secrets
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.staff import identity as ids
from kiosk.staff.channel import LineChannel
from kiosk.staff.errors import ChannelError, RequestFailed

log = logging.getLogger(__name__)

HANDSHAKE_TIMEOUT = 10.0
IDLE_TIMEOUT = 15.0  # consoles ping every 2 s
HEARTBEAT = 2.0
REFUSAL_PAUSE = 1.0  # slows a peer guessing the pairing secret (80 bits anyway)


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
        self.signed_in: SignIn | None = None
        self.token = ""
        self.failures = 0  # wrong passwords on this connection
        self.thread = threading.Thread(target=self.run, name=f"staff-{peer}", daemon=True)
        self._last_beat = 0.0

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
            self.sock.settimeout(HANDSHAKE_TIMEOUT)
            tls = self.listener.context.wrap_socket(self.sock, server_side=True)
            self.channel = LineChannel(tls)
            if self._pair():
                self.channel.pump(self._on_message, IDLE_TIMEOUT, every=self._beat,
                                  stop=self.listener.stopping.is_set)
        except ChannelError as exc:
            log.info("staff console %s: %s", self.peer, exc.code)
        except (ssl.SSLError, OSError) as exc:
            log.info("staff console %s: %s", self.peer, exc)
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
        message = channel.read(HANDSHAKE_TIMEOUT)
        their_nonce = message.get("nonce")
        if message["type"] != "auth" or not isinstance(their_nonce, str) or not 16 <= len(their_nonce) <= 128:
            raise RequestFailed("staff_protocol_error", "expected auth")
        expected = ids.proof(identity.secret, "console", nonce, their_nonce, identity.fingerprint)
        if not ids.proof_matches(expected, message.get("proof")):
            log.warning("staff channel: refused a console at %s: wrong pairing secret", self.peer)
            self.listener.refused(self.peer)
            time.sleep(REFUSAL_PAUSE)
            channel.write({"type": "error", "code": "staff_pairing_refused"})
            return False
        channel.write({"type": "welcome", "kiosk": name,
                       "proof": ids.proof(identity.secret, "kiosk", their_nonce, nonce, identity.fingerprint)})
        return True

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
                 refused: Callable[[str], None], *, host: str, port: int, kiosk_name: str) -> None:
        self.identity = identity
        self.on_request = on_request  # on the connection's thread
        self.refused = refused  # a peer that does not know the pairing secret
        self.kiosk_name = kiosk_name
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

    def _accept_loop(self) -> None:
        assert self._socket is not None
        while not self.stopping.is_set():
            try:
                sock, peer = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                if not self.stopping.is_set():
                    log.exception("staff channel: accept failed")
                return
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # one small message at a time
            connection = Connection(self, sock, peer[0])
            with self._lock:
                self._connections.add(connection)
            connection.thread.start()
