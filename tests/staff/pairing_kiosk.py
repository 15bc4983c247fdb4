"""A kiosk process for the pairing-code test: a live rig on fakes with a real store and the real staff
server on loopback, whose staff panel is played on standard input (what staff do at the kiosk's
「職員端末をつなぐ」). The codes run on a clock the test moves, so expiry needs no waiting. The store key is a
key file in KEY_DIR, as the staff server's key sharing reads it. ``PAIRING_KIOSK_LOG=INFO`` logs to stderr.

    python tests/staff/pairing_kiosk.py DATA_DIR KEY_DIR
    stdout: "listening HOST:PORT"; then one answer line per command:
    name NAME       → "named NAME"                 (the panel's naming step)
    show STAFF      → "code CODE PAYLOAD"          (the panel opens: a fresh code and its QR text)
    join STAFF      → "code CODE PAYLOAD"          (the same for 受付機を追加（同じ医院）: a new kiosk's code)
    close           → "closed"                     (the panel closes: the code is withdrawn)
    later SECONDS   → "now SECONDS"                (the codes' clock moves on)
    status          → "status STATE PEER"
    quit
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk.config import Config  # noqa: E402
from kiosk.core.tasks import StoreLane  # noqa: E402
from kiosk.simulation.player import FakeSide, LiveRig  # noqa: E402
from kiosk.simulation.script import named  # noqa: E402
from kiosk.staff.clinic_key import join_payload  # noqa: E402
from kiosk.staff.pairing_code import CLINIC_KEY, payload_of  # noqa: E402
from kiosk.staff.server import start_staff_server  # noqa: E402
from kiosk.store.keys import FileKeyProvider  # noqa: E402
from kiosk.store.store import Store  # noqa: E402


class MovedClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def main(data_dir: Path, key_dir: Path) -> int:
    if os.environ.get("PAIRING_KIOSK_LOG"):
        logging.basicConfig(level=os.environ["PAIRING_KIOSK_LOG"], stream=sys.stderr)
    config = Config(data_dir=data_dir, key_dir=key_dir, terminal_root=data_dir / "terminal", key_provider="file")
    lane = StoreLane(Store.open(config.database_path, FileKeyProvider(key_dir)))
    script = named()["staff-visual"]
    rig = LiveRig(script, FakeSide(script), store=lane)
    server = start_staff_server(rig.flow, rig.queue.post, lane, config, host="127.0.0.1", port=0)
    clock = MovedClock()
    server.pairing_codes.clock = clock
    stop = threading.Event()

    def answer(line: str) -> None:
        print(line, flush=True)

    def read_stdin() -> None:
        for line in sys.stdin:
            command, _, rest = line.strip().partition(" ")
            if command == "name":
                answer(f"named {server.rename(rest, 'kiosk-staff')}")
            elif command == "show":
                code, _ = server.pairing_codes.issue(rest)
                answer(f"code {code} {payload_of(server.offer(code))}")
            elif command == "join":
                code, _ = server.pairing_codes.issue(rest, CLINIC_KEY)
                answer(f"code {code} {join_payload(server.offer(code))}")
            elif command == "close":
                server.pairing_codes.withdraw()
                answer("closed")
            elif command == "later":
                clock.now += float(rest)
                answer(f"now {clock.now:g}")
            elif command == "status":
                status = server.pairing_codes.status()
                answer(f"status {status.state or '-'} {status.paired_peer or '-'}")
            elif command == "quit":
                break
        stop.set()

    threading.Thread(target=read_stdin, name="pairing-stdin", daemon=True).start()
    host, port = server.address
    answer(f"listening {host}:{port}")
    try:
        while not stop.is_set():
            rig.step(0.1)
    finally:
        server.stop()
        rig.close()
        lane.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
