"""One JPEG still of the kiosk's camera, for staff comparing the patient with the chip photo (目視).

Implements :class:`kiosk.core.ports.StillCamera`. The camera is opened for the one frame and closed at
once, so a still never holds the camera the face matcher needs; the JPEG exists only in the reply.
"""
from __future__ import annotations

import io
from collections.abc import Callable

from kiosk.camera.source import FrameSource
from kiosk.core.cancel import CancelToken

STILL_TIMEOUT = 3.0
JPEG_QUALITY = 85


class CameraStill:
    def __init__(self, open_source: Callable[[], FrameSource]) -> None:
        self._open = open_source  # DeviceSource at the clinic, ReplaySource in the demo

    def jpeg(self, cancel: CancelToken) -> bytes:
        from PIL import Image

        cancel.raise_if_cancelled()
        source = self._open()
        try:
            frame = source.read(STILL_TIMEOUT)
        finally:
            source.close()
        cancel.raise_if_cancelled()
        out = io.BytesIO()
        Image.fromarray(frame.rgb).save(out, format="JPEG", quality=JPEG_QUALITY)
        return out.getvalue()
