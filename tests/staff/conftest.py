"""Kiosks for the staff tests, on real parts: a reception flow on the kiosk's own task manager over fake
devices (``kiosk.simulation.player.LiveRig``), its real staff server on loopback TLS, and a real SQLite
store behind the flow's writer lane. Each kiosk's flow runs on a thread of its own that pumps the rig's
queue, as the UI thread does at the kiosk; tests touch the flow only through :meth:`Kiosk.run`.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import Config
from kiosk.core.states import State
from kiosk.core.tasks import StoreLane
from kiosk.simulation.player import FakeSide, LiveRig, play
from kiosk.simulation.script import named
from kiosk.staff.identity import Pairing
from kiosk.staff.server import StaffServer, start_staff_server

USER, PASSWORD = "suzuki", "correct-horse-1"


def wait(predicate: Callable[[], Any], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return bool(predicate())


def open_lane(folder: Path, accounts: tuple[tuple[str, str], ...] = ((USER, PASSWORD),)) -> StoreLane:
    """A kiosk store file in ``folder`` with staff accounts, behind the lane the flow writes through."""
    from kiosk.store.keys import FileKeyProvider
    from kiosk.store.staff_accounts import Role, StaffAccounts
    from kiosk.store.store import Store

    store = Store.open(folder / "kiosk.db", FileKeyProvider(folder / "keys"))
    known = {a.username for a in StaffAccounts(store).accounts()}
    for user, password in accounts:
        if user not in known:
            StaffAccounts(store).create(user, password, Role.RECEPTION, actor="test")
    return StoreLane(store)


def audit_rows(lane: StoreLane, action: str | None = None) -> list[tuple[str, str, str]]:
    """(actor, action, detail) of every audit row so far, once the lane has written what it holds."""
    lane.submit(lambda: None, wait=True)
    rows = lane.store._db.execute("SELECT actor, action, detail FROM audit ORDER BY seq").fetchall()
    return [tuple(r) for r in rows if action is None or r[1] == action]


def standing(name: str, lane: StoreLane, steps: int | None = None, *, state: State | None = None,
             prepare: Callable[[LiveRig], None] = lambda rig: None) -> LiveRig:
    """A live rig that played the packaged scenario ``name``: its first ``steps`` steps (default: up to its
    first staff step, which is the console's to take), with the devices' work settled. ``prepare`` sets
    the fakes up before the patient starts; ``state`` is where the rig must stand then."""
    script = named()[name]
    if steps is not None:
        script = replace(script, steps=script.steps[:steps])
    rig = LiveRig(script, FakeSide(script), store=lane)
    prepare(rig)
    play(script, rig, before_staff=True)
    rig.settle()
    assert state is None or rig.flow.state is state, f"{name} stands in {rig.flow.state.value}"
    return rig


class Kiosk:
    """A running kiosk: the rig's flow on its own thread, the staff server started as the kiosk starts it."""

    def __init__(self, rig: LiveRig, lane: StoreLane, folder: Path, name: str = "test-kiosk") -> None:
        self.rig, self.lane = rig, lane
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._pump, name="test-flow", daemon=True)
        self._thread.start()
        config = Config(data_dir=folder, key_dir=folder / "keys", terminal_root=folder / "terminal")
        self.server: StaffServer = start_staff_server(rig.flow, rig.queue.post, lane, config, host="127.0.0.1",
                                                      port=0, kiosk_name=name)
        identity = self.server.identity
        host, port = self.server.address
        self.pairing = Pairing(f"{host}:{port}", identity.secret, identity.fingerprint)
        self._stopped = False

    def _pump(self) -> None:
        while not self._stop.is_set():
            self.rig.step(0.02)

    @property
    def flow(self):
        return self.rig.flow

    @property
    def state(self) -> State:
        return self.rig.flow.state

    def run(self, fn: Callable[[], Any], timeout: float = 5.0) -> Any:
        """``fn()`` on the flow's thread; its result."""
        box: dict[str, Any] = {}
        done = threading.Event()

        def body() -> None:
            try:
                box["value"] = fn()
            finally:
                done.set()

        self.rig.queue.post(body)
        assert done.wait(timeout), "the flow's thread did not answer"
        return box["value"]

    def stop_server(self) -> None:
        self.server.stop()

    def stop(self) -> None:
        """As the kiosk shuts down: the channel, then the flow's thread and its work; the store last."""
        if self._stopped:
            return
        self._stopped = True
        self.server.stop()
        self._stop.set()
        self._thread.join(2.0)
        self.rig.close()


@pytest.fixture
def lane(tmp_path):
    lane = open_lane(tmp_path / "store")
    yield lane
    lane.close()


@pytest.fixture
def kiosk_for(tmp_path, lane):
    """``kiosk_for(rig, name=...)``: start a kiosk on a rig (made with :func:`standing` over ``lane``)."""
    made: list[Kiosk] = []

    def start(rig: LiveRig, name: str = "test-kiosk") -> Kiosk:
        kiosk = Kiosk(rig, lane, tmp_path / f"kiosk{len(made)}", name)
        made.append(kiosk)
        return kiosk

    yield start
    for kiosk in made:
        kiosk.stop()
