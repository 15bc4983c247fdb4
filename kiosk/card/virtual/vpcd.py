"""Puts a virtual card into pcscd's ``Virtual PCD`` reader (vsmartcard's vpcd driver).

vpcd listens on TCP 127.0.0.1:35963 (reader ``Virtual PCD 00 00``); the card is in the reader while a
client is connected. Each message is a 2-byte big-endian length and a payload: a 1-byte payload is a
control code (0 power off, 1 power on, 2 reset, 4 get ATR; only the ATR is answered), anything else is a
command APDU answered with ``data + SW1 SW2``. When pcscd goes away the link keeps trying to get back in,
so a restarted pcscd finds the card again.
"""
from __future__ import annotations

import logging
import os
import signal
import socket
import struct
import subprocess
import threading
import time
from pathlib import Path

from kiosk.card.virtual.card import PulledOut, VirtualMyNumberCard
from kiosk.card.virtual.profiles import Profile
from kiosk.card.virtual.profiles import profile as named_profile
from kiosk.processes import child_argv, start_child

log = logging.getLogger(__name__)

VPCD_HOST = "127.0.0.1"
VPCD_PORT = 35963
_RECONNECT_PAUSE = 0.2

_QUICKACK = getattr(socket, "TCP_QUICKACK", None)  # Linux only

CTRL_OFF, CTRL_ON, CTRL_RESET, CTRL_ATR = 0, 1, 2, 4


class VpcdLink:
    """Runs a card in a background thread; ``insert()`` / ``remove()`` as a hand would."""

    def __init__(self, card: VirtualMyNumberCard, host: str = VPCD_HOST, port: int = VPCD_PORT) -> None:
        self.card = card
        self._address = (host, port)
        self._inserted = threading.Event()
        self._stopped = threading.Event()
        self._connected = threading.Event()
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._thread = threading.Thread(target=self._run, name="virtual-card", daemon=True)

    # --- control ---------------------------------------------------------------------------------

    def start(self, inserted: bool = True) -> VpcdLink:
        if inserted:
            self._inserted.set()
        self._thread.start()
        return self

    def insert(self) -> None:
        self._inserted.set()

    def remove(self) -> None:
        self._inserted.clear()
        self._drop()

    def stop(self) -> None:
        self._stopped.set()
        self.remove()
        self._thread.join(timeout=5)

    def wait_connected(self, timeout: float) -> bool:
        """True once vpcd has accepted the card (it is in the reader)."""
        return self._connected.wait(timeout)

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    # --- the link --------------------------------------------------------------------------------

    def _drop(self) -> None:
        with self._lock:
            sock, self._sock = self._sock, None
        self._connected.clear()
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def _run(self) -> None:
        while not self._stopped.is_set():
            if not self._inserted.wait(0.2):
                continue
            try:
                sock = socket.create_connection(self._address, timeout=1.0)
            except OSError:
                self._stopped.wait(_RECONNECT_PAUSE)  # pcscd not (yet) listening
                continue
            sock.settimeout(None)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                if not self._inserted.is_set():
                    sock.close()
                    continue
                self._sock = sock
            self._connected.set()
            try:
                self._serve(sock)
            except PulledOut:
                log.info("virtual card pulled out mid-command")
                self._inserted.clear()
            except (OSError, EOFError):
                pass
            finally:
                self.card.power_off()
                self._drop()

    def _serve(self, sock: socket.socket) -> None:
        while True:
            (length,) = struct.unpack(">H", _recv(sock, 2))
            payload = _recv(sock, length)
            if length == 1:
                if payload[0] == CTRL_ATR:
                    _send(sock, self.card.atr)
                elif payload[0] in (CTRL_OFF, CTRL_RESET):
                    self.card.power_off()
                continue
            if self.card.stops_answering(payload):
                continue  # no reply, ever: vpcd keeps waiting until the card leaves (remove() or stop())
            _send(sock, self.card.process(payload))


def _recv(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError("vpcd closed the connection")
        data += chunk
    if _QUICKACK is not None:
        # vpcd does not disable Nagle: without an immediate ACK every exchange waits ~40 ms of delayed ACK.
        sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
    return data


def _send(sock: socket.socket, payload: bytes) -> None:
    sock.sendall(struct.pack(">H", len(payload)) + payload)


def start_virtual_card(
    profile: str | Profile = "valid", port: int = VPCD_PORT, inserted: bool = True
) -> VpcdLink:
    """An in-process virtual card (its own thread), for tests and the demo."""
    chosen = named_profile(profile) if isinstance(profile, str) else profile
    return VpcdLink(VirtualMyNumberCard(chosen), port=port).start(inserted)


class VirtualCardProcess:
    """The virtual card as a subprocess (``kiosk virtual-card``); SIGUSR1 pulls it out, SIGUSR2 puts it back."""

    def __init__(self, profile_name: str = "valid", port: int = VPCD_PORT, cert_days_left: int | None = None) -> None:
        self._args = child_argv("kiosk", "virtual-card", "--profile", profile_name, "--port", str(port))
        if cert_days_left is not None:
            self._args += ["--cert-days-left", str(cert_days_left)]
        self._process: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> VirtualCardProcess:
        root = Path(__file__).resolve().parents[3]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])))
        self._process = start_child(self._args, cwd=root, env=env, stdout=subprocess.PIPE, text=True)
        deadline = time.monotonic() + timeout
        assert self._process.stdout is not None
        # The child prints one line once its keys are made and it is trying to reach vpcd.
        while time.monotonic() < deadline:
            line = self._process.stdout.readline()
            if line.startswith("virtual card ready"):
                return self
            if not line and self._process.poll() is not None:
                break
        self.stop()
        raise RuntimeError("virtual card process did not start")

    def remove(self) -> None:
        self._signal(signal.SIGUSR1)

    def insert(self) -> None:
        self._signal(signal.SIGUSR2)

    def _signal(self, sig: int) -> None:
        if self._process is None or self._process.poll() is not None:
            raise RuntimeError("virtual card process is not running")
        self._process.send_signal(sig)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._process is not None and self._process.stdout is not None:
            self._process.stdout.close()
