"""FaceAuthenticator over a frame source: a few seconds of frames matched 1:1 against the chip photo.

Frames, the decoded chip photo and encodings exist only inside :meth:`attempt`; the camera is opened
for the attempt and closed after it, and the encodings are zeroed before the method returns.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

import numpy as np

from kiosk.camera.source import Frame, FrameSource
from kiosk.camera.worker import CaptureWorker
from kiosk.core.cancel import CancelToken
from kiosk.core.values import FaceAttempt
from kiosk.face import guidance as g
from kiosk.face.config import FaceConfig
from kiosk.face.engine import Box, FaceEngine, distance
from kiosk.face.images import decode_image, to_grey_rgb
from kiosk.face.liveness import LivenessTracker

log = logging.getLogger(__name__)


class CameraFaceAuthenticator:
    def __init__(self, open_source: Callable[[], FrameSource], config: FaceConfig | None = None,
                 on_frame: Callable[[Frame], None] | None = None, engine: FaceEngine | None = None) -> None:
        """``open_source`` opens the camera (or a replay) for one attempt; ``on_frame`` receives every
        captured frame on the capture thread, for the UI's preview."""
        self._open_source = open_source
        self._config = config = config or FaceConfig()
        self._on_frame = on_frame
        self._engine = engine or FaceEngine(detect_width=config.detect_width)

    def attempt(self, reference_photo: bytes, cancel: CancelToken,
                on_guidance: Callable[[tuple[str, ...]], None], child_mode: bool = False) -> FaceAttempt:
        cfg = self._config
        reference = self._engine.encode_reference(decode_image(reference_photo))
        source = self._open_source()
        worker = CaptureWorker(source, self._on_frame, read_timeout=cfg.frame_timeout).start()
        liveness = LivenessTracker(cfg.liveness)
        best: float | None = None
        matches = 0
        reported: tuple[str, ...] | None = None
        previous: Box | None = None
        last_index = -1
        try:
            frame = worker.next_frame(last_index, cfg.first_frame_timeout, cancel)
            deadline = time.monotonic() + cfg.attempt_seconds
            while True:
                cancel.raise_if_cancelled()
                last_index = frame.index
                codes, face, probe_distance = self._examine(frame.rgb, reference, previous, child_mode)
                previous = face.box if face is not None else None
                if probe_distance is not None:
                    best = probe_distance if best is None else min(best, probe_distance)
                    if probe_distance <= cfg.threshold:
                        matches += 1
                    if g.TOO_FAR not in codes:
                        liveness.observe(frame.rgb, face)
                    if matches and not liveness.live:
                        codes += (g.BLINK,)
                if codes != reported:
                    reported = codes
                    on_guidance(codes)
                if matches >= cfg.matches_needed and (liveness.live or not cfg.require_live):
                    break
                if time.monotonic() >= deadline:
                    break
                del frame, face
                frame = worker.next_frame(last_index, cfg.frame_timeout, cancel)
            cancel.raise_if_cancelled()
        finally:
            worker.stop()
            source.close()
            reference.fill(0.0)
            liveness.forget()
        matched = matches >= cfg.matches_needed
        log.info("face attempt: matched=%s live=%s frames=%d", matched, liveness.live, last_index + 1)
        return FaceAttempt(matched=matched, live=liveness.live, distance=best, guidance=reported or ())

    def _examine(self, rgb: np.ndarray, reference: np.ndarray, previous: Box | None, child_mode: bool):
        """Guidance codes, the acted-on face and its distance to the reference (None when not matched)."""
        image = to_grey_rgb(rgb) if self._config.grey_probe else rgb
        faces = self._engine.detect(image)
        codes, face = g.assess(rgb, faces, previous, child_mode, self._config.guidance)
        if face is None or g.BLOCKING.intersection(codes):
            return codes, face, None
        if child_mode and len(faces) == 2:
            # Either face may be the child's: the patient is the one that matches the chip photo.
            scored = []
            for candidate in faces:
                encoding = self._engine.encode(image, candidate)
                scored.append((distance(encoding, reference), candidate))
                encoding.fill(0.0)
            d, face = min(scored, key=lambda pair: pair[0])
            return codes, face, d
        encoding = self._engine.encode(image, face)
        d = distance(encoding, reference)
        encoding.fill(0.0)
        return codes, face, d
