"""FaceAuthenticator over a frame source: a few seconds of frames matched 1:1 against the chip photo.

Frames, the decoded chip photo and encodings exist only inside :meth:`attempt` (and, for the attempt's
length, in the face worker's memory); the camera is opened for the attempt and closed after it, and the
encodings are zeroed before the method returns. Detection and encoding run in the face worker
(kiosk.face.face_worker), where they cannot hold the UI's interpreter lock; guidance and liveness,
under 2 ms a frame, run here.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from contextlib import AbstractContextManager

import numpy as np

from kiosk.camera.source import Frame, FrameSource
from kiosk.camera.worker import CaptureWorker
from kiosk.core.cancel import CancelToken
from kiosk.core.values import FaceAttempt
from kiosk.face import guidance as g
from kiosk.face.config import FaceConfig
from kiosk.face.engine import Box, FaceEngine
from kiosk.face.images import decode_image, to_grey_rgb
from kiosk.face.liveness import LivenessTracker
from kiosk.face.matcher import Matcher, in_process

log = logging.getLogger(__name__)


class CameraFaceAuthenticator:
    def __init__(self, open_source: Callable[[], FrameSource], config: FaceConfig | None = None,
                 on_frame: Callable[[Frame], None] | None = None, engine: FaceEngine | None = None) -> None:
        """``open_source`` opens the camera (or a replay) for one attempt; ``on_frame`` receives every
        captured frame on the capture thread, for the UI's preview. With an ``engine`` dlib runs in this
        process (the benchmark's reference), else in the kiosk's face worker."""
        self._open_source = open_source
        self._config = config or FaceConfig()
        self._on_frame = on_frame
        self._engine = engine

    def _matching(self, cancel: CancelToken) -> AbstractContextManager[Matcher]:
        if self._engine is not None:
            return in_process(self._engine)
        from kiosk.face.face_worker import shared_worker

        cfg = self._config
        return shared_worker().session(cancel, cfg.detect_width, cfg.worker_start_seconds, cfg.worker_request_seconds)

    def attempt(self, reference_photo: bytes, cancel: CancelToken,
                on_guidance: Callable[[tuple[str, ...]], None], child_mode: bool = False) -> FaceAttempt:
        cfg = self._config
        still = decode_image(reference_photo)
        with self._matching(cancel) as matcher:
            reference_face = matcher.reference(still)
            # The chip photo faces the camera by rule: the patient's own upright pose for tilted_up.
            reference_pitch = g.pitch_ratio(reference_face)
            del still, reference_face
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
                    # Once matched, more encodings cannot change the decision: only liveness is still open.
                    decided = matches >= cfg.matches_needed
                    codes, face, probe_distance = self._examine(matcher, frame.rgb, reference_pitch, previous,
                                                                child_mode, decided)
                    previous = face.box if face is not None else None
                    if probe_distance is not None:
                        best = probe_distance if best is None else min(best, probe_distance)
                        if probe_distance <= cfg.threshold:
                            matches += 1
                    if face is not None and (probe_distance is not None or decided):
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
                liveness.forget()
        matched = matches >= cfg.matches_needed
        log.info("face attempt: matched=%s live=%s frames=%d", matched, liveness.live, last_index + 1)
        return FaceAttempt(matched=matched, live=liveness.live, distance=best, guidance=reported or ())

    def _examine(self, matcher: Matcher, rgb: np.ndarray, reference_pitch: float, previous: Box | None,
                 child_mode: bool, decided: bool):
        """Guidance codes, the acted-on face and its distance to the reference (None when not matched,
        or not encoded because the match is ``decided`` and there is only one face to act on)."""
        image = to_grey_rgb(rgb) if self._config.grey_probe else rgb
        faces = matcher.detect(image)
        codes, face = g.assess(rgb, faces, previous, child_mode, self._config.guidance, reference_pitch)
        if face is None or g.BLOCKING.intersection(codes):
            return codes, face, None
        if child_mode and len(faces) == 2:
            # Either face may be the child's: the patient is the one that matches the chip photo.
            d, face = min(zip(matcher.distances(faces), faces, strict=True), key=lambda pair: pair[0])
            return codes, face, d
        if decided:
            return codes, face, None
        return codes, face, matcher.distances([face])[0]
