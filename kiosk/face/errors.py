"""Named errors of face matching, under the core's FaceError."""
from __future__ import annotations

from kiosk.core.errors import FaceError


class FaceModelsMissing(FaceError):
    """The dlib model files are not where face_recognition_models should have put them (e.g. a frozen
    build that did not collect its data files)."""

    code = "face_models_missing"


class ImageUnreadable(FaceError):
    """Bytes or a file that no image decoder accepts (for the chip photo: not a JPEG 2000 at all)."""

    code = "image_unreadable"


class NoFaceFound(FaceError):
    """A still (the chip photo, a CLI probe) in which no face could be found."""

    code = "no_face_found"


class FaceWorkerFailed(FaceError):
    """The face worker process did not start, crashed, or did not answer within its deadline; it was
    killed and a new one started, and the attempt ends with this error."""

    code = "face_worker_failed"
