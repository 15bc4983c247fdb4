"""The test's side of tests/staff/pairing_kiosk.py: that kiosk in a child process, its staff panel played line
by line on its standard input, its stderr kept in a file for the test to read (a pipe nobody reads would
fill and stall the kiosk)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.staff import pairing_code as pc
from kiosk.store.keys import FileKeyProvider
from kiosk.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
HELPER = Path(__file__).with_name("pairing_kiosk.py")


class PairingKioskProcess:
    """The kiosk on ``data`` and ``keys``; ``log_level`` (e.g. ``DEBUG``) makes it log to ``stderr_path``."""

    # The certificate a console's offer pins: none (a typed code) unless a test learnt it from a QR payload.
    fingerprint = ""

    def __init__(self, data: Path, keys: Path, stderr_path: Path, log_level: str = "") -> None:
        self.data, self.keys, self.stderr_path = data, keys, stderr_path
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        if log_level:
            env["PAIRING_KIOSK_LOG"] = log_level
        self._stderr = open(stderr_path, "w", encoding="utf-8")
        self.process = subprocess.Popen([sys.executable, str(HELPER), str(data), str(keys)], cwd=ROOT, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                                        text=True)
        line = self._line()
        assert line.startswith("listening "), stderr_path.read_text(encoding="utf-8")
        self.address = line.split()[1]
        host, port = self.address.rsplit(":", 1)
        self.host, self.port = host, int(port)

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def tell(self, command: str) -> None:
        """A command that has no answer line (``quit``)."""
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def say(self, command: str) -> list[str]:
        self.tell(command)
        return self._line().split(" ")

    def show(self, staff: str = "yamada") -> tuple[str, str]:
        """The code and QR payload the panel shows for pairing a console."""
        return self._code(f"show {staff}")

    def join_code(self, staff: str = "yamada") -> tuple[str, str]:
        """The code and QR payload of 受付機を追加（同じ医院）: a new kiosk's."""
        return self._code(f"join {staff}")

    def _code(self, command: str) -> tuple[str, str]:
        answer = self.say(command)
        assert answer[0] == "code", answer
        return answer[1], answer[2]

    def offer(self, code: str) -> pc.PairingOffer:
        return pc.PairingOffer(self.host, self.port, code, self.fingerprint)

    def quit(self) -> None:
        if self.process.poll() is None:
            self.tell("quit")
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._stderr.close()

    def audit(self) -> list[tuple[str, str, str]]:
        """The kiosk's audit rows, read from its store once the process has ended."""
        self.quit()
        store = Store.open(self.data / "kiosk.db", FileKeyProvider(self.keys))
        try:
            return [tuple(r) for r in store._db.execute("SELECT actor, action, detail FROM audit ORDER BY seq")]
        finally:
            store.close()
