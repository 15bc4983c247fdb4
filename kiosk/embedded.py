"""The embedded demo devices: the real adapters on stand-in hardware.

``kiosk demo`` (and ``kiosk simulate --devices embedded``) run the reception on exactly the code a clinic
runs: the pyscard adapter talks through real pcscd to our virtual My Number card behind the vpcd
driver; the folder gateway exchanges real files with the terminal simulator, a separate process; the
face matcher reads a replay camera of public-domain photos; receptions go to the encrypted store in
the configured data directory. Only the hardware is simulated.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.config import Config
from kiosk.core.errors import KioskError
from kiosk.core.flow import Devices
from kiosk.core.ports import Clock, TaskRunner
from kiosk.core.tasks import StoreLane

if TYPE_CHECKING:
    from kiosk.camera.replay import ReplaySource

log = logging.getLogger(__name__)

ASSETS = Path(__file__).resolve().parents[1] / "assets" / "demo"

# Each photo placed so the face sits near the centre at about a third of a 640×480 frame, as a
# patient standing at the kiosk would (measured in tests/face).
_PLACEMENT = {
    "patient_face.jpg": (1.7, 150),
    "patient_face2.jpg": (1.5, 120),
    "patient_face3.jpg": (2.4, 330),
    "other_person.jpg": (2.4, 300),
}
CAMERAS = {
    "match": ("patient_face2.jpg", "patient_face.jpg", "patient_face3.jpg"),  # the card's holder, turning: live
    "other_person": ("other_person.jpg",),
    "nobody": (),
}


class EmbeddedDevicesUnavailable(KioskError):
    code = "embedded_devices_unavailable"


def camera_frames(kind: str):
    """The replay camera's frames for one kind of scene (numpy RGB, 640×480)."""
    import numpy as np

    from kiosk.face.augment import camera_frame
    from kiosk.face.images import decode_image

    names = CAMERAS[kind]
    if not names:
        return [np.full((480, 640, 3), 110, dtype=np.uint8)]
    frames = []
    for name in names:
        scale, shift = _PLACEMENT[name]
        frames.append(camera_frame(decode_image((ASSETS / name).read_bytes()), scale=scale, offset=(0, shift)))
    return frames


def replay_camera(kind: str) -> ReplaySource:
    """The demo's face camera showing one kind of scene; ``kiosk doctor --devices embedded`` checks this one."""
    from kiosk.camera.replay import ReplaySource

    return ReplaySource(camera_frames(kind), fps=10)


def card_face_frame(profile_name: str):
    """A camera still of the printed card face of the virtual card's holder, for reading 照合番号B."""
    from kiosk.card.virtual.profiles import profile
    from kiosk.face.card_image import render_card_face

    p = profile(profile_name)
    return render_card_face(p.holder_name, p.birth_date, p.card_expiry, p.security_code)


def ensure_pcscd():
    """pcscd with the virtual reader: the system's when it is there, else our own (as root).

    Returns the daemon we started (to stop at the end), or None when the system's is used. The caller
    holds the virtual reader (``hold_virtual_reader``) first: a test run or another demo using it at the
    same time would take the card away."""
    from kiosk.card.virtual.pcscd import VIRTUAL_READER, PcscDaemon, available, readers

    if VIRTUAL_READER in readers():
        return None
    why = available()
    if why is not None:
        raise EmbeddedDevicesUnavailable(
            f"the virtual card reader is not there and pcscd cannot be started here ({why}); "
            "install vsmartcard-vpcd and start pcscd (sudo systemctl restart pcscd)"
        )
    return PcscDaemon().start()


@dataclass(frozen=True)
class DemoPatient:
    """Who stands at the demo kiosk: the card (a virtual card profile), the terminal's answer (a simulator
    scenario) and what the camera sees (``match``, ``other_person`` or ``nobody``)."""

    patient: str = "valid"
    terminal: str = "valid"
    camera: str = "match"


@dataclass
class _Running:
    pcscd: Any
    card: Any
    terminal: Any
    store: Any
    release: Callable[[], None]  # the hold on the virtual reader


class EmbeddedDevices:
    """Starts the stand-in hardware for one demo patient and builds the flow's devices on it."""

    def __init__(self, config: Config, who: DemoPatient) -> None:
        self.config = config
        self.who = who
        self._running: _Running | None = None

    def start(self) -> EmbeddedDevices:
        from kiosk.card.virtual.pcscd import hold_virtual_reader
        from kiosk.card.virtual.vpcd import start_virtual_card
        from kiosk.qualification.simulator import SimulatorProcess
        from kiosk.store.store import open_store
        from kiosk.wiring import with_hub

        try:
            release = hold_virtual_reader()
        except RuntimeError as exc:
            raise EmbeddedDevicesUnavailable(str(exc)) from None
        terminal = card = store = pcscd = None
        try:
            pcscd = ensure_pcscd()
            card = start_virtual_card(self.who.patient, inserted=False)
            for folder in ("req", "res", "face"):
                (self.config.terminal_root / folder).mkdir(parents=True, exist_ok=True)
            terminal = SimulatorProcess(
                self.config.terminal_root, self.who.terminal, institution_code=self.config.institution_code
            ).start()
            store = StoreLane(with_hub(self.config, open_store(self.config)))
        except BaseException:
            for part in (card, terminal, pcscd):
                if part is not None:
                    part.stop()
            release()
            raise
        self._running = _Running(pcscd, card, terminal, store, release)
        return self

    @property
    def store(self):
        assert self._running is not None
        return self._running.store

    def devices(self, runner: TaskRunner, clock: Clock, on_frame: Callable | None = None) -> Devices:
        """The flow's devices on the stand-in hardware; ``on_frame`` gets each camera frame (the preview)."""
        from kiosk.camera.replay import ReplaySource
        from kiosk.camera.still import CameraStill
        from kiosk.card.reader import PcscCardReader
        from kiosk.card.virtual.pcscd import VIRTUAL_READER
        from kiosk.face.authenticator import CameraFaceAuthenticator
        from kiosk.face.card_reader import OcrCardFaceReader
        from kiosk.face.config import FaceConfig
        from kiosk.qualification.gateway import FolderGateway, TerminalConfig
        from kiosk.wiring import result_publisher

        assert self._running is not None, "start() first"
        config = self.config
        # Read at call time: switching the demo patient changes what the camera shows.
        face_camera = lambda: replay_camera(self.who.camera)  # noqa: E731
        card_camera = lambda: ReplaySource([card_face_frame(self.who.patient)], fps=5)  # noqa: E731
        terminal = TerminalConfig(
            config.terminal_root, institution_code=config.institution_code, encoding=config.face_encoding,
            timeout=15.0, poll_interval=0.1,
        )
        return Devices(
            card=PcscCardReader(VIRTUAL_READER),
            card_face=OcrCardFaceReader(card_camera),
            face=CameraFaceAuthenticator(face_camera, FaceConfig(threshold=config.face_threshold), on_frame=on_frame),
            qualification=FolderGateway(terminal, clock=clock.now),
            store=self._running.store,
            publisher=result_publisher(config, terminal.face),
            runner=runner,
            clock=clock,
            camera=CameraStill(face_camera),
        )

    def switch(self, who: DemoPatient) -> None:
        """Another demo patient: their card (not yet in the reader), the terminal's answer, the camera."""
        self.place(who.patient)
        self.answer(who.terminal)
        self.show(who.camera)

    def place(self, patient: str) -> None:
        """A new virtual card of profile ``patient``, not yet in the reader."""
        from kiosk.card.virtual.vpcd import start_virtual_card

        assert self._running is not None
        self._running.card.stop()
        self._running.card = start_virtual_card(patient, inserted=False)
        self.who = replace(self.who, patient=patient)

    def answer(self, terminal: str) -> None:
        assert self._running is not None
        self._running.terminal.switch(terminal)
        self.who = replace(self.who, terminal=terminal)

    def show(self, camera: str) -> None:
        """What the replay camera shows from the next frame source on (the matcher opens one per attempt)."""
        if camera not in CAMERAS:
            raise ValueError(f"camera {camera!r}: one of {', '.join(CAMERAS)}")
        self.who = replace(self.who, camera=camera)

    @property
    def owns_reader(self) -> bool:
        """True when this demo started pcscd itself (as root), so it can stop and start it."""
        return self._running is not None and self._running.pcscd is not None

    def unplug_reader(self) -> None:
        """As if the reader's cable were pulled: pcscd goes away (T2); the monitor must notice."""
        assert self._running is not None and self._running.pcscd is not None
        self._running.pcscd.stop()

    def plug_reader(self) -> None:
        assert self._running is not None and self._running.pcscd is not None
        self._running.pcscd.start()

    @property
    def card_present(self) -> bool:
        return self._running is not None and self._running.card.connected

    def insert(self) -> None:
        assert self._running is not None
        self._running.card.insert()

    def remove(self) -> None:
        assert self._running is not None
        self._running.card.remove()

    def close(self) -> None:
        running, self._running = self._running, None
        if running is None:
            return
        running.card.stop()
        running.terminal.stop()
        running.store.close()
        if running.pcscd is not None:
            running.pcscd.stop()
        running.release()
