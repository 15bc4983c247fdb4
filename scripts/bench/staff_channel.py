"""Staff channel figures on loopback: pairing handshake, sign-in, a staff request's round trip through the
flow's thread, how fast a kiosk's change reaches the console, and the chip photo for 目視 (now a task of
the flow, on its task manager).

    python scripts/bench/staff_channel.py [--rounds 30]

The flow runs on fakes (kiosk.simulation.player.LiveRig: the kiosk's own task manager, a real store
behind its writer lane); the TLS, HMAC, JSON framing and threading are the real ones.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.config import Config  # noqa: E402
from kiosk.core import events as ev  # noqa: E402
from kiosk.core.states import State  # noqa: E402
from kiosk.core.tasks import StoreLane  # noqa: E402
from kiosk.simulation.player import FakeSide, LiveRig, play  # noqa: E402
from kiosk.simulation.script import named  # noqa: E402
from kiosk.staff.client import KioskLink, pair  # noqa: E402
from kiosk.staff.identity import Pairing  # noqa: E402
from kiosk.staff.messages import DEFAULT_PORT  # noqa: E402
from kiosk.staff.server import start_staff_server  # noqa: E402
from kiosk.staff.training import show_portraits  # noqa: E402


def ms(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    return f"median {statistics.median(samples) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   n={len(samples)}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    from kiosk.store.keys import FileKeyProvider
    from kiosk.store.staff_accounts import Role, StaffAccounts
    from kiosk.store.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        lane = StoreLane(Store.open(work / "kiosk.db", FileKeyProvider(work / "keys")))
        StaffAccounts(lane.store).create("bench", "bench-password", Role.RECEPTION, actor="bench")
        script = named()["staff-visual"]  # face fails, the patient calls staff: 目視 is possible
        side = FakeSide(script)
        rig = LiveRig(script, side, store=lane)
        show_portraits(side.parts, rig.flow.devices.camera)
        play(script, rig, before_staff=True)
        stop = threading.Event()
        flow_thread = threading.Thread(target=lambda: [rig.step(0.05) for _ in iter(stop.is_set, True)], daemon=True)
        flow_thread.start()
        config = Config(data_dir=work, key_dir=work / "keys", terminal_root=work / "terminal")
        server = start_staff_server(rig.flow, rig.queue.post, lane, config, host="127.0.0.1", port=0,
                                    kiosk_name="bench")
        identity = server.identity
        address = "{}:{}".format(*server.address)
        handshakes = []
        for _ in range(rounds):
            t = time.perf_counter()
            pair(address, identity.secret, DEFAULT_PORT)
            handshakes.append(time.perf_counter() - t)
        arrived = threading.Event()
        link = KioskLink(Pairing(address, identity.secret, identity.fingerprint), DEFAULT_PORT,
                         on_view=lambda _link, s: arrived.set()).start()
        link.wait_online(5)
        sign_ins = []
        for _ in range(3):
            t = time.perf_counter()
            link.sign_in("bench", "bench-password")
            sign_ins.append(time.perf_counter() - t)
        while link.snapshot is None or link.snapshot.view.state is not State.WAITING_STAFF:
            time.sleep(0.01)
        requests, pushes, photos = [], [], []
        for _ in range(rounds):
            t = time.perf_counter()
            link.session_request("takeover")
            requests.append(time.perf_counter() - t)
        for i in range(rounds):
            arrived.clear()
            t = time.perf_counter()
            rig.queue.post(lambda i=i: rig.flow.dispatch(ev.ResumeFromStaff() if i % 2 == 0 else ev.CallStaff()))
            arrived.wait(5)
            pushes.append(time.perf_counter() - t)
        while link.snapshot.view.state is not State.WAITING_STAFF:
            rig.queue.post(lambda: rig.flow.dispatch(ev.CallStaff()))
            time.sleep(0.05)
        code_b = side.parts.card.card.code_b
        for _ in range(rounds):
            t = time.perf_counter()
            link.session_request("chip_photo", {"code_b": code_b})
            photos.append(time.perf_counter() - t)
        print(f"pairing handshake (TCP+TLS+HMAC both ways)  {ms(handshakes)}")
        print(f"sign-in (scrypt on the kiosk)               {ms(sign_ins)}")
        print(f"staff request via the flow thread           {ms(requests)}")
        print(f"kiosk change -> console view                {ms(pushes)}")
        print(f"chip photo request (a task of the flow)     {ms(photos)}")
        link.stop()
        server.stop()
        stop.set()
        flow_thread.join(2.0)
        rig.close()
        lane.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
