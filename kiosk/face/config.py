"""Tunable settings of face matching, with defaults chosen from docs/face.md's measurements."""
from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.face.guidance import GuidanceLimits
from kiosk.face.liveness import LivenessLimits


@dataclass(frozen=True)
class FaceConfig:
    # Largest encoding distance that counts as the same person. On our chip-style photos genuine pairs
    # measured 0.33–0.48 and impostors 0.74–0.87 (colour probes); 0.55 keeps a margin on both sides and
    # is stricter than face_recognition's usual 0.6.
    threshold: float = 0.55
    # Convert camera frames to grey before encoding, like the chip photo. Measured: it lowers genuine
    # distances a little but impostor distances more, and loses detections: off by default.
    grey_probe: bool = False
    attempt_seconds: float = 6.0  # from the first frame; the flow offers PIN or staff after a few
    frame_timeout: float = 1.5  # no new frame for this long: CameraTimeout
    first_frame_timeout: float = 5.0  # opening a USB camera (DirectShow on Windows) can take seconds
    matches_needed: int = 2  # frames under the threshold before deciding (one lucky frame is not enough)
    require_live: bool = True  # keep looking until the liveness challenge passes or time runs out
    detect_width: int = 320  # frames are scaled to this width for HOG detection
    # The face worker (kiosk.face.face_worker): its start and warm-up measured 1–2 s on a busy 2-core PC,
    # a request (detection and up to two encodings) 0.1–0.5 s; a worker over these is killed and the
    # attempt fails (FaceWorkerFailed).
    worker_start_seconds: float = 20.0
    worker_request_seconds: float = 3.0
    guidance: GuidanceLimits = field(default_factory=GuidanceLimits)
    liveness: LivenessLimits = field(default_factory=LivenessLimits)
