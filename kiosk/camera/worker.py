"""The capture worker: reads a frame source on its own thread and keeps the newest frame.

The UI polls :meth:`CaptureWorker.latest` for its preview (or passes ``on_frame``, called on the worker
thread, to post a signal); the face attempt consumes frames with :meth:`next_frame`. Neither ever
blocks the UI thread on the camera.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from kiosk.camera.source import CameraTimeout, Frame, FrameSource
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import CameraUnavailable

log = logging.getLogger(__name__)

_CANCEL_POLL = 0.1  # seconds between looks at the cancel token while waiting for a frame


class CaptureWorker:
    def __init__(self, source: FrameSource, on_frame: Callable[[Frame], None] | None = None,
                 read_timeout: float = 1.0) -> None:
        self._source = source
        self._on_frame = on_frame
        self._read_timeout = read_timeout
        self._cond = threading.Condition()
        self._latest: Frame | None = None
        self._error: CameraUnavailable | None = None
        self._stop = threading.Event()
        self._frames = 0
        self._started_at = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="capture-worker", daemon=True)

    def start(self) -> CaptureWorker:
        self._started_at = time.monotonic()
        self._thread.start()
        return self

    def latest(self) -> Frame | None:
        with self._cond:
            return self._latest

    def next_frame(self, after: int, timeout: float, cancel: CancelToken | None = None) -> Frame:
        """The newest frame with an index above ``after``; CameraTimeout when none comes in time,
        Cancelled as soon as ``cancel`` is set."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._latest is None or self._latest.index <= after:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                if self._stop.is_set():
                    raise CameraUnavailable("capture stopped")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise self._error or CameraTimeout(f"no new frame in {timeout:.1f}s")
                self._cond.wait(min(remaining, _CANCEL_POLL))
            return self._latest

    @property
    def frame_rate(self) -> float:
        elapsed = time.monotonic() - self._started_at
        return self._frames / elapsed if elapsed > 0 else 0.0

    def stop(self) -> None:
        """Stop reading and drop the last frame (it may hold a face)."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._thread.is_alive():
            self._thread.join(timeout=self._read_timeout + 1.0)
        with self._cond:
            self._latest = None

    def __enter__(self) -> CaptureWorker:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                frame = self._source.read(self._read_timeout)
            except CameraUnavailable as exc:
                with self._cond:
                    self._error = exc
                    self._cond.notify_all()
                if not isinstance(exc, CameraTimeout):
                    return
                continue
            with self._cond:
                self._latest = frame
                self._error = None
                self._frames += 1
                self._cond.notify_all()
            if self._on_frame is not None:
                try:
                    self._on_frame(frame)
                except Exception:  # a preview bug must not stop the capture
                    log.exception("preview callback failed")
