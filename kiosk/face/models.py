"""dlib's models, loaded once on first use (never at import) from the face_recognition_models package.

Only licence-safe models are used: the HOG frontal face detector built into dlib, the 5-point landmark
model and the ResNet face encoder. The 68-point landmark model (trained on iBUG 300-W, non-commercial
use only) is deliberately never loaded.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.face.errors import FaceModelsMissing

SHAPE_5 = "shape_predictor_5_face_landmarks.dat"
ENCODER = "dlib_face_recognition_resnet_model_v1.dat"


@dataclass(frozen=True)
class Models:
    detector: Any  # dlib.fhog_object_detector
    shape5: Any  # dlib.shape_predictor
    encoder: Any  # dlib.face_recognition_model_v1


_lock = threading.Lock()
_models: Models | None = None


def model_dir() -> Path:
    try:
        import face_recognition_models
    except ImportError as exc:
        raise FaceModelsMissing("the face_recognition_models package is not installed") from exc
    return Path(face_recognition_models.__file__).parent / "models"


def load(directory: Path | None = None) -> Models:
    """The shared models; the first call loads them (about a second), later calls return at once."""
    global _models
    with _lock:
        if _models is None:
            _models = _load(directory or model_dir())
        return _models


def _load(directory: Path) -> Models:
    missing = [name for name in (SHAPE_5, ENCODER) if not (directory / name).is_file()]
    if missing:
        raise FaceModelsMissing(f"model files missing in {directory}: {', '.join(missing)}")
    try:
        import dlib
    except ImportError as exc:
        raise FaceModelsMissing("dlib is not installed") from exc
    try:
        return Models(
            detector=dlib.get_frontal_face_detector(),
            shape5=dlib.shape_predictor(str(directory / SHAPE_5)),
            encoder=dlib.face_recognition_model_v1(str(directory / ENCODER)),
        )
    except RuntimeError as exc:  # dlib's message for a truncated or corrupt .dat file
        raise FaceModelsMissing(f"model files in {directory} unreadable: {exc}") from exc
