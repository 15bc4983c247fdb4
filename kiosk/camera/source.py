"""The one interface every frame source offers, and its errors."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from kiosk.core.errors import CameraUnavailable


class CameraTimeout(CameraUnavailable):
    """No frame arrived within the read timeout (camera unplugged, busy or frozen)."""

    code = "camera_timeout"


@dataclass(frozen=True)
class Frame:
    """One picture. ``index`` counts frames from the source's start, so a consumer can skip repeats."""

    index: int
    timestamp: float  # time.monotonic() when captured
    rgb: np.ndarray


class FrameSource(Protocol):
    def read(self, timeout: float) -> Frame:
        """The next frame, newer than the last one returned; CameraTimeout if none within ``timeout``."""

    def close(self) -> None:
        """Release the device or files; reading afterwards raises CameraUnavailable."""
