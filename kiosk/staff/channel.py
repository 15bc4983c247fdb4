"""The framing: one JSON object per line, UTF-8, each carrying the protocol version ``v`` and a ``type``
(the messages themselves are in :mod:`kiosk.staff.messages`).

:class:`LineChannel` owns one TLS socket and is driven by one thread: OpenSSL objects must not be read
and written from two threads at once, so other threads only queue messages with :meth:`send`.
"""
from __future__ import annotations

import json
import queue
import select
import socket
import ssl
import time
from collections.abc import Callable
from typing import Any

from kiosk.staff.errors import ChannelClosed, ChannelTimeout, ProtocolError

VERSION = 1
MAX_LINE = 4 * 1024 * 1024  # a chip photo and a camera still fit many times over
MAX_DEPTH = 32  # our messages nest 6 deep; json's C parser would recurse for every bracket it is sent
POLL = 0.1  # how long one read waits before the owner thread looks at its send queue again
WRITE_TIMEOUT = 10.0


def encode(message: dict[str, Any]) -> bytes:
    body = {"v": VERSION, **message}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def decode(line: bytes) -> dict[str, Any]:
    if _nesting(line) > MAX_DEPTH:
        raise ProtocolError(f"a message nested deeper than {MAX_DEPTH}")
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProtocolError(f"not a JSON line: {exc}") from exc
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolError("a message must be an object with a type")
    if message.get("v") != VERSION:
        raise ProtocolError(f"protocol version {message.get('v')!r}, expected {VERSION}")
    return message


def _nesting(line: bytes) -> int:
    """How deep the brackets of a line go, counting only outside strings: checked before parsing, so
    hostile nesting costs a scan, not a recursion."""
    if line.count(b"[") + line.count(b"{") <= MAX_DEPTH:
        return 0  # the common case, and a chip photo's megabytes of base64, need no scan
    depth = deepest = 0
    in_string = escaped = False
    for byte in line:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    break
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


class LineChannel:
    def __init__(self, sock: ssl.SSLSocket, max_line: int = MAX_LINE) -> None:
        self.sock = sock
        self.max_line = max_line  # the kiosk lowers it until the peer has paired and signed in
        self._buffer = bytearray()
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        # Another thread queuing a message wakes the owner out of its wait for the peer at once.
        self._wake_read, self._wake_write = socket.socketpair()
        self._wake_read.setblocking(False)
        self._wake_write.setblocking(False)
        self.last_heard = time.monotonic()

    # --- any thread ------------------------------------------------------------------------------

    def send(self, message: dict[str, Any]) -> None:
        self._outbox.put(encode(message))
        self._wake()

    def close_soon(self) -> None:
        """Ask the owner thread to flush what is queued and close."""
        self._outbox.put(None)
        self._wake()

    def _wake(self) -> None:
        try:
            self._wake_write.send(b"x")
        except (BlockingIOError, OSError):
            pass  # already awake (buffer full) or closed

    # --- the owner thread ------------------------------------------------------------------------

    def write(self, message: dict[str, Any]) -> None:
        self._write(encode(message))

    def read(self, timeout: float) -> dict[str, Any]:
        """The next message, or ChannelTimeout after ``timeout`` seconds of silence."""
        deadline = time.monotonic() + timeout
        while True:
            message = self._next_line()
            if message is not None:
                return message
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChannelTimeout(f"nothing received within {timeout:g} s")
            self._receive(min(remaining, POLL))

    def pump(self, on_message: Callable[[dict[str, Any]], None], idle_timeout: float,
             every: Callable[[], None] | None = None, stop: Callable[[], bool] = lambda: False) -> None:
        """Serve until closed: flush the queue, hand each message to ``on_message``, call ``every`` each
        round. Raises ChannelTimeout after ``idle_timeout`` seconds without a message."""
        while not stop():
            if not self._flush():
                return
            while (message := self._next_line()) is not None:
                on_message(message)
            if every is not None:
                every()
            if time.monotonic() - self.last_heard > idle_timeout:
                raise ChannelTimeout(f"no message for {idle_timeout:g} s")
            self._receive(POLL)

    def close(self) -> None:
        for sock in (self.sock, self._wake_read, self._wake_write):
            try:
                sock.close()
            except OSError:
                pass

    def _flush(self) -> bool:
        while True:
            try:
                data = self._outbox.get_nowait()
            except queue.Empty:
                return True
            if data is None:
                return False
            self._write(data)

    def _write(self, data: bytes) -> None:
        # A partial TLS write cannot be resumed, so a write gets its own, longer timeout.
        self.sock.settimeout(WRITE_TIMEOUT)
        try:
            self.sock.sendall(data)
        except TimeoutError as exc:
            raise ChannelTimeout("the peer stopped reading") from exc
        except (OSError, ssl.SSLError) as exc:
            raise ChannelClosed(f"write failed: {exc}") from exc

    def _receive(self, timeout: float) -> None:
        if not self.sock.pending():  # bytes OpenSSL already holds would not wake select()
            try:
                ready, _, _ = select.select([self.sock, self._wake_read], [], [], timeout)
            except (OSError, ValueError) as exc:
                raise ChannelClosed(f"wait failed: {exc}") from exc
            if self._wake_read in ready:
                try:
                    while self._wake_read.recv(4096):
                        pass
                except (BlockingIOError, OSError):
                    pass
            if self.sock not in ready:
                return
        self.sock.settimeout(timeout)
        try:
            chunk = self.sock.recv(65536)
        except (TimeoutError, ssl.SSLWantReadError):
            return
        except (OSError, ssl.SSLError) as exc:
            raise ChannelClosed(f"read failed: {exc}") from exc
        if not chunk:
            raise ChannelClosed("the peer closed the connection")
        self.last_heard = time.monotonic()
        if b"\n" not in chunk and len(self._buffer) + len(chunk) > self.max_line and b"\n" not in self._buffer:
            raise ProtocolError(f"a line longer than {self.max_line} bytes")
        self._buffer.extend(chunk)

    def _next_line(self) -> dict[str, Any] | None:
        end = self._buffer.find(b"\n")
        if end < 0:
            return None
        line = bytes(self._buffer[:end])
        del self._buffer[: end + 1]
        if len(line) > self.max_line:
            raise ProtocolError(f"a line longer than {self.max_line} bytes")
        return decode(line)
