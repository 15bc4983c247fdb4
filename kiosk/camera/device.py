"""A real camera through OpenCV: a grabber thread owns the device, reconnects, and keeps the newest frame.

OpenCV's ``read`` blocks without a timeout and may hang while a USB camera is being unplugged, so it
never runs on the caller's thread: callers wait on a condition with their own timeout instead.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from kiosk.camera.source import CameraTimeout, Frame
from kiosk.core.errors import CameraUnavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CameraConfig:
    device_index: int = 0
    width: int = 640
    height: int = 480
    reconnect_delay: float = 1.0  # seconds between attempts to reopen a lost camera
    max_failed_reads: int = 5  # consecutive failed reads before the device is treated as unplugged


class DeviceSource:
    def __init__(self, config: CameraConfig | None = None, open_capture=None) -> None:
        """``open_capture(index)`` returns an object with ``isOpened``, ``read``, ``set`` and ``release``
        (cv2.VideoCapture by default; tests pass a fake to simulate unplugging)."""
        self._config = config or CameraConfig()
        self._open_capture = open_capture or _open_cv_capture
        self._cond = threading.Condition()
        self._latest: Frame | None = None
        self._returned = -1
        self._connected = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="camera-grabber", daemon=True)
        self._thread.start()

    @property
    def connected(self) -> bool:
        return self._connected

    def read(self, timeout: float) -> Frame:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                if self._stop.is_set():
                    raise CameraUnavailable("camera closed")
                if self._latest is not None and self._latest.index > self._returned:
                    self._returned = self._latest.index
                    return self._latest
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    state = "connected" if self._connected else "not connected"
                    raise CameraTimeout(f"no frame from camera {self._config.device_index} in {timeout:.1f}s ({state})")
                self._cond.wait(remaining)

    def close(self) -> None:
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        self._thread.join(timeout=2.0)

    def _run(self) -> None:
        index = 0
        while not self._stop.is_set():
            capture = self._open()
            if capture is None:
                self._stop.wait(self._config.reconnect_delay)
                continue
            failures = 0
            try:
                while not self._stop.is_set() and failures < self._config.max_failed_reads:
                    ok, bgr = capture.read()
                    if not ok or bgr is None:
                        failures += 1
                        self._stop.wait(0.05)
                        continue
                    failures = 0
                    frame = Frame(index, time.monotonic(), bgr[:, :, ::-1].copy())
                    index += 1
                    with self._cond:
                        self._latest = frame
                        self._cond.notify_all()
            finally:
                capture.release()
                self._connected = False
            if not self._stop.is_set():
                log.warning("camera %d lost; reconnecting", self._config.device_index)
                self._stop.wait(self._config.reconnect_delay)

    def _open(self):
        try:
            capture = self._open_capture(self._config.device_index)
        except Exception as exc:  # a driver error must not kill the grabber thread
            log.warning("camera %d failed to open: %s", self._config.device_index, exc)
            return None
        if not capture.isOpened():
            capture.release()
            return None
        capture.set(3, self._config.width)  # cv2.CAP_PROP_FRAME_WIDTH
        capture.set(4, self._config.height)  # cv2.CAP_PROP_FRAME_HEIGHT
        self._connected = True
        log.info("camera %d opened", self._config.device_index)
        return capture


def _open_cv_capture(index: int):
    import cv2

    return cv2.VideoCapture(index)
