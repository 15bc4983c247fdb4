"""The embedded demo devices: the real adapters on stand-in hardware.

``kiosk demo`` (and ``kiosk simulate --devices embedded``) run the reception on exactly the code a clinic
runs: the pyscard adapter talks through real pcscd to our virtual My Number card behind the vpcd
driver; the folder gateway exchanges real files with the terminal simulator, a separate process; the
face matcher reads a replay camera of public-domain photos; receptions go to the encrypted store in
the configured data directory. Only the hardware is simulated.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from kiosk.config import Config
from kiosk.core.errors import KioskError
from kiosk.core.flow import Clock, Devices
from kiosk.core.ports import TaskRunner
from kiosk.core.tasks import SerialStore
from kiosk.scenarios import Scenario

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
    "patient": ("patient_face2.jpg", "patient_face.jpg", "patient_face3.jpg"),  # turning: passes liveness
    "other_person": ("other_person.jpg",),
    "nobody": (),
}


class EmbeddedDevicesUnavailable(KioskError):
    code = "embedded_devices_unavailable"
    patient_message = "problem.reader"


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


def card_face_frame(profile_name: str):
    """A camera still of the printed card face of the virtual card's holder, for reading 照合番号B."""
    from kiosk.card.virtual.profiles import profile
    from kiosk.face.card_image import render_card_face

    p = profile(profile_name)
    return render_card_face(p.holder_name, p.birth_date, p.card_expiry, p.security_code)


def ensure_pcscd():
    """pcscd with the virtual reader: the system's when it is there, else our own (as root).

    Returns the daemon we started (to stop at the end), or None when the system's is used."""
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


class StillCamera:
    """One frame per read, of whatever the replay camera shows at that moment."""

    def __init__(self, frames: Callable[[], list]) -> None:
        self._frames = frames

    def read(self, timeout: float):
        from kiosk.camera.replay import ReplaySource

        source = ReplaySource(self._frames(), fps=10)
        try:
            return source.read(timeout)
        finally:
            source.close()


@dataclass
class _Running:
    pcscd: object
    card: object
    terminal: object
    store: object


class EmbeddedDevices:
    """Starts the stand-in hardware for one scenario and builds the flow's devices on it."""

    def __init__(self, config: Config, scenario: Scenario) -> None:
        self.config = config
        self.scenario = scenario
        self._running: _Running | None = None

    def start(self) -> "EmbeddedDevices":
        from kiosk.card.virtual.vpcd import start_virtual_card
        from kiosk.qualification.simulator import SimulatorProcess
        from kiosk.store.store import open_store

        pcscd = ensure_pcscd()
        terminal = card = store = None
        try:
            card = start_virtual_card(self.scenario.card_profile, inserted=False)
            for folder in ("req", "res", "face"):
                (self.config.terminal_root / folder).mkdir(parents=True, exist_ok=True)
            terminal = SimulatorProcess(
                self.config.terminal_root, self.scenario.terminal, institution_code=self.config.institution_code
            ).start()
            store = SerialStore(open_store(self.config))
        except BaseException:
            for part in (card, terminal, pcscd):
                if part is not None:
                    part.stop()
            raise
        self._running = _Running(pcscd, card, terminal, store)
        return self

    @property
    def store(self):
        assert self._running is not None
        return self._running.store

    def devices(self, runner: TaskRunner, clock: Clock, on_frame: Callable | None = None) -> Devices:
        """The flow's devices on the stand-in hardware; ``on_frame`` gets each camera frame (the preview)."""
        from kiosk.camera.replay import ReplaySource
        from kiosk.card.reader import PcscCardReader
        from kiosk.card.virtual.pcscd import VIRTUAL_READER
        from kiosk.face.authenticator import CameraFaceAuthenticator
        from kiosk.face.card_reader import OcrCardFaceReader
        from kiosk.face.config import FaceConfig
        from kiosk.qualification.gateway import FolderGateway, TerminalConfig
        from kiosk.qualification.publisher import FaceFilePublisher

        assert self._running is not None, "start() first"
        config = self.config
        # Read at call time: switching the demo patient changes what the camera shows.
        face_camera = lambda: ReplaySource(camera_frames(self.scenario.camera), fps=10)  # noqa: E731
        card_camera = lambda: ReplaySource([card_face_frame(self.scenario.card_profile)], fps=5)  # noqa: E731
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
            publisher=FaceFilePublisher(terminal.face, config.institution_code, config.face_encoding),
            runner=runner,
            clock=clock,
        )

    def switch(self, scenario: Scenario) -> None:
        """Another demo patient: a new virtual card (not yet in the reader) and terminal scenario."""
        from kiosk.card.virtual.vpcd import start_virtual_card

        assert self._running is not None
        self._running.card.stop()
        self.scenario = scenario
        self._running.card = start_virtual_card(scenario.card_profile, inserted=False)
        self._running.terminal.switch(scenario.terminal)

    def still_camera(self) -> "StillCamera":
        """What the staff console's 目視 still reads: the camera as the current demo patient sees it."""
        return StillCamera(lambda: camera_frames(self.scenario.camera))

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
