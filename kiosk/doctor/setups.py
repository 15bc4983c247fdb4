"""What the doctor's checks look at: the clinic's configured reader and camera, or the demo's stand-ins.
Shared by ``kiosk doctor`` and the console's 「点検」 (kiosk/staff/doctor_request.py)."""
from __future__ import annotations

import os

from kiosk.config import Config
from kiosk.doctor.checks import Setup


def setup_for(config: Config, devices: str) -> Setup:
    """What the checks look at: the clinic's configured reader and camera, or the demo's stand-ins."""
    if devices == "embedded":
        from kiosk.camera.replay import ReplaySource
        from kiosk.card.virtual.pcscd import VIRTUAL_READER
        from kiosk.embedded import camera_frames

        return Setup(config, VIRTUAL_READER, lambda: ReplaySource(camera_frames("match"), fps=10))
    from kiosk.camera.device import CameraConfig, DeviceSource

    # OpenCV's own warnings for a camera that does not open would bury the report: the finding says it.
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
    camera = CameraConfig(device_index=config.camera_index)
    return Setup(config, config.reader_name or None, lambda: DeviceSource(camera))
