"""What the doctor's checks look at: the clinic's configured reader and camera, or the demo's stand-ins.
Shared by ``kiosk doctor`` and the console's 「点検」 (kiosk/staff/doctor_request.py).

The camera is the one the kiosk itself opens, built where the kiosk builds it (kiosk/wiring.py for a
clinic, kiosk/embedded.py for the demo), so a change there is a change here."""
from __future__ import annotations

import os

from kiosk.config import Config
from kiosk.doctor.checks import Setup


def setup_for(config: Config, devices: str) -> Setup:
    """What the checks look at: the clinic's configured reader and camera (``clinic``), or the demo's
    virtual reader and replay camera as a demo starts (``embedded``)."""
    if devices == "embedded":
        from kiosk.card.virtual.pcscd import VIRTUAL_READER
        from kiosk.embedded import DemoPatient, replay_camera

        # A separate process cannot know which demo patient the running demo has chosen since: every one
        # is the same replay camera, and a demo starts with the default patient's scene.
        scene = DemoPatient().camera
        return Setup(config, VIRTUAL_READER, lambda: replay_camera(scene))
    from kiosk.wiring import clinic_camera

    # OpenCV's own warnings for a camera that does not open would bury the report: the finding says it.
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
    return Setup(config, config.reader_name or None, clinic_camera(config))
