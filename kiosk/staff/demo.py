"""A kiosk on simulated devices with its staff channel: for staff training and the two-process tests.

The flow runs on this process's main thread, fed by an EventQueue; the patient's script (a scenario of
``kiosk simulate``) is played up to the first staff action, which is left to the console.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path

from kiosk.core import events as ev
from kiosk.core.tasks import EventQueue
from kiosk.scenarios import SCENARIOS
from kiosk.simulate import harness_for, perform
from kiosk.staff.identity import load_identity
from kiosk.staff.server import StaffServer


def run_demo_kiosk(scenario_name: str, data_dir: Path, key_dir: Path, host: str, port: int,
                   staff_account: str = "", play_on_stdin: bool = False) -> int:
    from kiosk.store.keys import FileKeyProvider
    from kiosk.store.staff_accounts import Role, StaffAccounts
    from kiosk.store.store import Store

    scenario = SCENARIOS[scenario_name]
    store = Store.open(data_dir / "kiosk.db", FileKeyProvider(key_dir))
    accounts = StaffAccounts(store)
    if staff_account:
        user, _, password = staff_account.partition(":")
        if user not in {a.username for a in accounts.accounts()}:
            accounts.create(user, password, Role.RECEPTION, actor="demo")
    rig = harness_for(scenario, store)
    queue = EventQueue()
    server = StaffServer(rig.flow, queue.post, identity=load_identity(data_dir / "staff", "demo"), accounts=accounts,
                         store=store, card=rig.card, card_face=rig.card_face, qualification=rig.checker,
                         host=host, port=port, kiosk_name=f"demo-{scenario_name}").start()

    def play() -> None:
        for action in scenario.script:
            if isinstance(action, ev.StaffEvent):
                return  # staff do this from the console
            perform(rig, action)

    stop = threading.Event()

    def read_stdin() -> None:
        for line in sys.stdin:
            command = line.strip()
            if command == "play":
                queue.post(play)
            elif command == "quit":
                break
        stop.set()

    if play_on_stdin:
        threading.Thread(target=read_stdin, name="demo-stdin", daemon=True).start()
    else:
        queue.post(play)
    host_seen, port_seen = server.address
    print(f"listening {host_seen}:{port_seen} fingerprint {server.identity.fingerprint}", flush=True)
    try:
        while not stop.is_set():
            queue.pump(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        store.close()
    return 0
