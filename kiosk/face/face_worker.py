"""The kiosk's face worker: dlib in a child process, so matching never holds the UI's interpreter lock.

In the kiosk's own process each dlib call held the lock for its whole run (an encode 60 ms alone, about
230 ms on a busy 2-core PC): the preview fell to 6–8 frames/s with gaps of 300 ms. One child
(kiosk.face.match_worker) is started through kiosk.processes.start_child the first time an attempt
needs it, so it dies with the kiosk however the kiosk ends; it is kept between attempts, its models
loaded and warmed up. Frames reach it through its stdin (a 640×480 frame is 0.9 MB: well under a
millisecond to copy) and never touch a file.

Every request has a deadline and the attempt's cancel token: a cancel or a child that does not answer in
time is killed at once, whatever it is computing, and the attempt ends (Cancelled, FaceWorkerFailed);
a crashed child is FaceWorkerFailed too. A replacement is started at once, so the next attempt finds a
warm worker.
"""
from __future__ import annotations

import atexit
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled
from kiosk.face.engine import Box, Face
from kiosk.face.errors import FaceModelsMissing, FaceWorkerFailed, NoFaceFound
from kiosk.face.pipe_child import Pending, PipeChild

log = logging.getLogger(__name__)

MODULE = "kiosk.face.match_worker"
POLL_SECONDS = 0.02  # how often a waiting request looks at its cancel token
FORGET_SECONDS = 1.0  # for the child to drop the attempt's reference and frame, else it is killed
# The child computes nothing with BLAS; numpy's OpenBLAS would start a thread per core for nothing.
_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
_NAMED = {NoFaceFound.code: NoFaceFound, FaceModelsMissing.code: FaceModelsMissing}


class FaceWorker:
    """The child and its state; one attempt at a time (:meth:`session`)."""

    def __init__(self) -> None:
        self._attempt = threading.Lock()  # held for a whole attempt
        self._guard = threading.Lock()  # the child's state
        self._child: PipeChild | None = None
        self._ready: Pending | None = None  # the child's word that it is ready; None once it was had
        self._closed = False

    @property
    def pid(self) -> int | None:
        with self._guard:
            return self._child.pid if self._child is not None else None

    def start(self) -> None:
        """Starts the child unless one runs; returns at once (it loads its models meanwhile)."""
        with self._guard:
            if self._child is None and not self._closed:
                self._child = PipeChild(MODULE, name="face worker", failure=FaceWorkerFailed, env=_ENV,
                                        poll=POLL_SECONDS)
                self._ready = self._child.send(None)

    @contextmanager
    def session(self, cancel: CancelToken, detect_width: int, start_seconds: float,
                request_seconds: float) -> Iterator[WorkerMatcher]:
        """The worker for one attempt; what the attempt left in the child is dropped when it ends."""
        while not self._attempt.acquire(timeout=POLL_SECONDS):
            cancel.raise_if_cancelled()
        try:
            self.start()
            yield WorkerMatcher(self, cancel, detect_width, start_seconds, request_seconds)
        finally:
            try:
                self._forget()
            finally:
                self._attempt.release()

    def _forget(self) -> None:
        """The attempt's reference and last frame dropped in the child; a child that cannot is killed (a
        child not ready yet, or started after a failure, holds nothing)."""
        with self._guard:
            child, starting = self._child, self._ready
        if child is None or starting is not None:
            return
        try:
            self._check(child, child.exchange({"op": "forget"}, (), None, time.monotonic() + FORGET_SECONDS))
        except FaceWorkerFailed:
            self._replace(child, restart=True)

    def request(self, header: dict[str, Any], buffers: tuple[Any, ...], cancel: CancelToken,
                start_seconds: float, request_seconds: float) -> dict[str, Any]:
        """The child's answer; a child not ready yet is waited for (``start_seconds``), the answer for
        ``request_seconds``. Cancelled or failed, the child is killed and a new one started."""
        self.start()
        with self._guard:
            child, starting = self._child, self._ready
        if child is None:
            raise FaceWorkerFailed("the face worker is closed")
        try:
            if starting is not None:
                # A cancel here leaves the child warming up for the next attempt: it is doing nothing of ours.
                self._check(child, starting.result(cancel, time.monotonic() + start_seconds, kill_on_cancel=False))
                with self._guard:
                    if self._child is child:
                        self._ready = None
            return self._check(child, child.exchange(header, buffers, cancel, time.monotonic() + request_seconds))
        except FaceModelsMissing:
            self._replace(child, restart=False)  # a new child would fail the same way: the next attempt tries
            raise
        except FaceWorkerFailed as exc:
            log.warning("face worker failed: %s", exc)
            self._replace(child, restart=True)
            raise
        except Cancelled:
            if not child.alive:  # killed in the middle of a request
                self._replace(child, restart=True)
            raise

    def _check(self, child: PipeChild, answer: dict[str, Any]) -> dict[str, Any]:
        if "error" not in answer:
            return answer
        error = _NAMED.get(answer.get("code", ""), FaceWorkerFailed)
        if error is not NoFaceFound:  # the child's own failure: it ends, or is no use any more
            child.kill()
        raise error(str(answer["error"]))

    def _replace(self, child: PipeChild, restart: bool) -> None:
        """Forgets a killed or failed child; a replacement starts warming up at once."""
        child.kill()
        with self._guard:
            if self._child is child:
                self._child, self._ready = None, None
        if restart:
            self.start()

    def close(self) -> None:
        """Ends the child (the kiosk's clean exit; a kiosk that dies takes it along anyway)."""
        with self._guard:
            self._closed = True
            child, self._child = self._child, None
        if child is not None:
            child.close()


class WorkerMatcher:
    """kiosk.face.matcher.Matcher through the worker, for one attempt."""

    def __init__(self, worker: FaceWorker, cancel: CancelToken, detect_width: int, start_seconds: float,
                 request_seconds: float) -> None:
        self._worker = worker
        self._cancel = cancel
        self._detect_width = detect_width
        self._seconds = start_seconds, request_seconds
        self._faces: list[Face] = []

    def reference(self, rgb: np.ndarray) -> Face:
        return self._frame_request("reference", rgb)[0]

    def detect(self, image: np.ndarray) -> list[Face]:
        self._faces = self._frame_request("detect", image, detect_width=self._detect_width)
        return self._faces

    def distances(self, faces: list[Face]) -> list[float]:
        indices = [next(i for i, known in enumerate(self._faces) if known is face) for face in faces]
        answer = self._request({"op": "distances", "faces": indices}, ())
        return [float(d) for d in answer["distances"]]

    def _frame_request(self, op: str, rgb: np.ndarray, **options: Any) -> list[Face]:
        image = np.ascontiguousarray(rgb, dtype=np.uint8)
        # The frame's own memory goes down the pipe: no copy is made of it.
        answer = self._request({"op": op, "shape": list(image.shape), **options}, (image.data.cast("B"),))
        return [_face(f) for f in answer["faces"]]

    def _request(self, header: dict[str, Any], buffers: tuple[Any, ...]) -> dict[str, Any]:
        return self._worker.request(header, buffers, self._cancel, *self._seconds)


def _face(data: dict[str, Any]) -> Face:
    """A face as the child found it; dlib's landmark object stays in the child (only the encoder needs it)."""
    return Face(Box(*(int(v) for v in data["box"])), np.array(data["points"], dtype=np.float64), shape=None)


_shared: FaceWorker | None = None
_shared_guard = threading.Lock()


def shared_worker() -> FaceWorker:
    """The kiosk's one face worker (not started until an attempt needs it)."""
    global _shared
    with _shared_guard:
        if _shared is None:
            _shared = FaceWorker()
            atexit.register(_shared.close)
        return _shared
