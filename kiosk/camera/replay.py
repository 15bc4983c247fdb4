"""A replay source: still images or a video file, looping at a set frame rate (tests and the demo)."""
from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from kiosk.camera.source import CameraTimeout, Frame
from kiosk.core.errors import CameraUnavailable

VIDEO_SUFFIXES = {".mp4", ".avi", ".mkv", ".mov", ".webm"}


class ReplaySource:
    """Serves the given frames in order, looping, paced at ``fps`` as a camera would deliver them.

    ``frames`` may be arrays already in memory (tests build sequences this way) or paths: image files,
    or a single video file. ``loop=False`` ends the replay with CameraTimeout after the last frame,
    as an unplugged camera would.
    """

    def __init__(self, frames: Sequence[np.ndarray | str | Path], fps: float = 15.0, loop: bool = True) -> None:
        if not frames:
            raise CameraUnavailable("replay has no frames")
        if fps <= 0:
            raise ValueError("fps must be positive")
        self._frames = _load(frames)
        self._period = 1.0 / fps
        self._loop = loop
        self._next = 0
        self._due = time.monotonic()
        self._closed = threading.Event()

    def read(self, timeout: float) -> Frame:
        if self._closed.is_set():
            raise CameraUnavailable("replay closed")
        if not self._loop and self._next >= len(self._frames):
            self._closed.wait(timeout)
            raise CameraTimeout("replay finished")
        wait = self._due - time.monotonic()
        if wait > timeout:
            self._closed.wait(timeout)
            raise CameraTimeout("next replay frame not due within the timeout")
        if wait > 0 and self._closed.wait(wait):
            raise CameraUnavailable("replay closed")
        # Pace from the due time, not from now, so a slow consumer sees frames dropped, not slowed.
        now = time.monotonic()
        self._due = max(self._due + self._period, now - self._period)
        index = self._next
        self._next += 1
        return Frame(index, now, self._frames[index % len(self._frames)])

    def close(self) -> None:
        self._closed.set()


def _load(items: Sequence[np.ndarray | str | Path]) -> list[np.ndarray]:
    if len(items) == 1 and not isinstance(items[0], np.ndarray) and Path(items[0]).suffix.lower() in VIDEO_SUFFIXES:
        return _read_video(Path(items[0]))
    return [item if isinstance(item, np.ndarray) else _read_image(Path(item)) for item in items]


def _read_image(path: Path) -> np.ndarray:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return np.asarray(image.convert("RGB"))
    except (OSError, UnidentifiedImageError) as exc:
        raise CameraUnavailable(f"replay image unreadable: {path.name}") from exc


def _read_video(path: Path) -> list[np.ndarray]:
    import cv2

    capture = cv2.VideoCapture(str(path))
    frames = []
    try:
        while True:
            ok, bgr = capture.read()
            if not ok:
                break
            frames.append(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
    finally:
        capture.release()
    if not frames:
        raise CameraUnavailable(f"replay video unreadable: {path.name}")
    return frames
