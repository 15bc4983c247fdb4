"""A kiosk on simulated devices with its staff channel: for staff training and the two-process tests.

One packaged scenario plays the patient (``kiosk simulate --list``) on a live rig, the kiosk's own task
manager over fakes, up to its first staff step: that one is left to the console. The flow runs on this
process's main thread, which pumps the rig's queue; the patient's steps are posted onto it too.

The card's photo and the camera show a drawn figure (:func:`sample_portrait`): no face of a real person
is used or kept, and staff in training still compare a face with a face.
"""
from __future__ import annotations

import io
import sys
import threading
from pathlib import Path

from kiosk.core.tasks import StoreLane
from kiosk.simulation.player import FakeSide, LiveRig, play
from kiosk.simulation.script import named
from kiosk.staff.server import start_staff_server


def sample_portrait(background: tuple[int, int, int] = (214, 226, 240), size: tuple[int, int] = (240, 300)):
    """A drawn head-and-shoulders figure (a Pillow image), standing in for a photo."""
    from PIL import Image, ImageDraw

    w, h = size
    picture = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((w * 0.12, h * 0.68, w * 0.88, h * 1.3), fill=(60, 72, 96))
    draw.ellipse((w * 0.3, h * 0.18, w * 0.7, h * 0.66), fill=(236, 200, 170))
    draw.chord((w * 0.28, h * 0.12, w * 0.72, h * 0.5), 180, 360, fill=(40, 34, 30))
    for x in (0.42, 0.58):
        draw.ellipse((w * x - 5, h * 0.4 - 4, w * x + 5, h * 0.4 + 4), fill=(30, 30, 30))
    draw.arc((w * 0.43, h * 0.48, w * 0.57, h * 0.56), 20, 160, fill=(150, 60, 60), width=3)
    return picture


def sample_chip_photo() -> bytes:
    """The portrait as JPEG 2000, the chip's format."""
    out = io.BytesIO()
    sample_portrait().save(out, format="JPEG2000")
    return out.getvalue()


def sample_still() -> bytes:
    """The portrait as the kiosk's camera sends a still: JPEG, another background, landscape."""
    out = io.BytesIO()
    sample_portrait((190, 190, 180), (320, 240)).save(out, format="JPEG", quality=85)
    return out.getvalue()


def show_portraits(parts, camera) -> None:
    """Put the drawn figure on the fake card's chip and in front of the fake camera."""
    parts.card.card.photo = sample_chip_photo()
    camera.data = sample_still()


def run_training_kiosk(scenario: str, data_dir: Path, key_dir: Path, host: str, port: int,
                       staff_account: str = "", play_on_stdin: bool = False) -> int:
    """The store and the pairing files live in ``data_dir`` (key in ``key_dir``); ``staff_account``
    (``user:password``) is made if missing."""
    from kiosk.config import Config
    from kiosk.store.keys import FileKeyProvider
    from kiosk.store.staff_accounts import Role, StaffAccounts
    from kiosk.store.store import Store

    script = named()[scenario]
    config = Config(data_dir=data_dir, key_dir=key_dir, terminal_root=data_dir / "terminal")
    lane = StoreLane(Store.open(config.database_path, FileKeyProvider(key_dir)))
    if staff_account:
        user, _, password = staff_account.partition(":")
        accounts = StaffAccounts(lane.store)
        if user not in {a.username for a in accounts.accounts()}:
            accounts.create(user, password, Role.RECEPTION, actor="training")
    side = FakeSide(script)
    rig = LiveRig(script, side, store=lane)
    show_portraits(side.parts, rig.flow.devices.camera)
    server = start_staff_server(rig.flow, rig.queue.post, lane, config, host=host, port=port,
                                kiosk_name=f"demo-{scenario}")
    stop = threading.Event()

    def patient() -> None:
        play(script, rig, before_staff=True)

    def read_stdin() -> None:
        for line in sys.stdin:
            command = line.strip()
            if command == "play":
                rig.queue.post(patient)
            elif command == "quit":
                break
        stop.set()

    if play_on_stdin:
        threading.Thread(target=read_stdin, name="training-stdin", daemon=True).start()
    else:
        rig.queue.post(patient)
    host_seen, port_seen = server.address
    print(f"listening {host_seen}:{port_seen} fingerprint {server.identity.fingerprint}", flush=True)
    try:
        while not stop.is_set():
            rig.step(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        rig.close()
        lane.close()
    return 0

