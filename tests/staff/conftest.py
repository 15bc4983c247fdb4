"""Kiosks for the staff tests: a reception flow on fakes behind a real staff server on loopback."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.core.harness import Harness
from kiosk.core.tasks import EventQueue
from kiosk.staff.identity import Pairing, load_identity
from kiosk.staff.server import StaffServer

USER, PASSWORD = "suzuki", "correct-horse-1"


@pytest.fixture(scope="session")
def staff_store(tmp_path_factory):
    from kiosk.store.keys import FileKeyProvider
    from kiosk.store.staff_accounts import Role, StaffAccounts
    from kiosk.store.store import Store

    root = tmp_path_factory.mktemp("staff-store")
    store = Store.open(root / "kiosk.db", FileKeyProvider(root / "keys"))
    StaffAccounts(store).create(USER, PASSWORD, Role.RECEPTION, actor="test")
    yield store
    store.close()


@pytest.fixture(scope="session")
def accounts(staff_store):
    from kiosk.store.staff_accounts import StaffAccounts

    return StaffAccounts(staff_store)


class FlowThread:
    """The flow's one thread for tests without Qt: posted callables run here, in order."""

    def __init__(self) -> None:
        self.queue = EventQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.queue.pump(0.05)

    def post(self, fn) -> None:
        self.queue.post(fn)

    def run(self, fn, timeout: float = 5.0):
        """Run ``fn`` on the flow thread and return its result (the test's way to touch the flow)."""
        box, done = {}, threading.Event()

        def body() -> None:
            box["value"] = fn()
            done.set()

        self.post(body)
        assert done.wait(timeout), "the flow thread did not answer"
        return box["value"]

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2.0)


@dataclass
class Kiosk:
    rig: Harness
    server: StaffServer
    pairing: Pairing


def start_kiosk(rig: Harness, post, accounts, directory: Path, frames=None) -> Kiosk:
    identity = load_identity(directory, "test-kiosk")
    server = StaffServer(rig.flow, post, identity=identity, accounts=accounts, store=rig.store, card=rig.card,
                         card_face=rig.card_face, qualification=rig.checker, frames=frames, host="127.0.0.1", port=0,
                         kiosk_name="test-kiosk").start()
    host, port = server.address
    return Kiosk(rig, server, Pairing(f"{host}:{port}", identity.secret, identity.fingerprint, "受付機1"))
