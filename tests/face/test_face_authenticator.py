"""FaceAuthenticator.attempt over replayed frames: match, liveness, guidance, child mode, cancelling."""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from kiosk.camera.replay import ReplaySource
from kiosk.camera.source import CameraTimeout
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled
from kiosk.face.augment import camera_frame
from kiosk.face.authenticator import CameraFaceAuthenticator
from kiosk.face.config import FaceConfig
from kiosk.face.errors import ImageUnreadable


class Replays:
    """Opens a replay of ``frames`` per attempt and remembers whether each was closed."""

    def __init__(self, frames, fps: float = 6.0, loop: bool = True) -> None:
        self.frames, self.fps, self.loop = frames, fps, loop
        self.opened: list[ReplaySource] = []

    def __call__(self) -> ReplaySource:
        source = ReplaySource(self.frames, fps=self.fps, loop=self.loop)
        self.opened.append(source)
        return source

    @property
    def all_closed(self) -> bool:
        return all(source._closed.is_set() for source in self.opened)


def _attempt(frames, chip, seconds=3.0, child_mode=False, cancel=None, **replay):
    replays = Replays(frames, **replay)
    guidance: list[tuple[str, ...]] = []
    authenticator = CameraFaceAuthenticator(replays, FaceConfig(attempt_seconds=seconds))
    result = authenticator.attempt(chip, cancel or CancelToken(), guidance.append, child_mode=child_mode)
    assert replays.all_closed
    return result, guidance


def test_the_same_person_turning_matches_and_is_live(frame, chips):
    result, _ = _attempt([frame("obama2"), frame("obama"), frame("obama3")], chips["obama"])
    assert result.matched and result.live
    assert result.distance is not None and result.distance <= FaceConfig().threshold


def test_the_same_person_blinking_matches_and_is_live(engine, frame, chips, close_eyes):
    open_eyes = frame("obama2")
    closed = close_eyes(open_eyes, engine.detect(open_eyes)[0])
    result, _ = _attempt([open_eyes, open_eyes, closed, closed, open_eyes, open_eyes], chips["obama3"], fps=4)
    assert result.matched and result.live


def test_a_replayed_still_matches_but_fails_liveness_and_asks_for_a_blink(frame, chips):
    result, guidance = _attempt([frame("obama2")], chips["obama"], seconds=2.0)
    assert result.matched and not result.live
    assert result.guidance == ("blink",)
    assert guidance[-1] == ("blink",)


def test_another_person_does_not_match(frame, chips):
    result, _ = _attempt([frame("biden")], chips["obama"], seconds=1.5)
    assert not result.matched
    assert result.distance > FaceConfig().threshold


def test_no_face_is_reported_as_guidance(chips):
    result, guidance = _attempt([np.full((480, 640, 3), 120, dtype=np.uint8)], chips["obama"], seconds=1.0)
    assert not result.matched and result.distance is None
    assert guidance == [("no_face",)]


def test_child_mode_allows_the_adult_in_the_frame(photos, chips):
    child = camera_frame(photos["obama2"], scale=1.3, offset=(-170, 100))
    adult = camera_frame(photos["biden"], scale=1.8, offset=(170, 210))
    both = np.where(np.arange(640)[None, :, None] < 320, child, adult).astype(np.uint8)
    result, _ = _attempt([both], chips["obama"], seconds=3.0, child_mode=True)  # several frames even on a busy CPU
    assert result.matched
    result, guidance = _attempt([both], chips["obama"], seconds=1.0)
    assert not result.matched and ("several_faces",) in guidance


def test_cancelling_stops_the_attempt_and_closes_the_camera(frame, chips):
    cancel = CancelToken()
    replays = Replays([frame("obama2")])
    authenticator = CameraFaceAuthenticator(replays, FaceConfig(attempt_seconds=10.0))
    with pytest.raises(Cancelled):
        authenticator.attempt(chips["obama"], cancel, lambda codes: cancel.cancel())
    assert replays.all_closed


def test_a_camera_that_stops_delivering_raises_a_named_error(frame, chips):
    replays = Replays([frame("obama2")], loop=False)
    authenticator = CameraFaceAuthenticator(replays, FaceConfig(attempt_seconds=10.0, frame_timeout=0.3))
    with pytest.raises(CameraTimeout):
        authenticator.attempt(chips["obama"], CancelToken(), lambda codes: None)
    assert replays.all_closed


def test_an_unreadable_chip_photo_never_opens_the_camera(frame):
    replays = Replays([frame("obama2")])
    with pytest.raises(ImageUnreadable):
        CameraFaceAuthenticator(replays).attempt(b"not a jpeg 2000", CancelToken(), lambda codes: None)
    assert replays.opened == []


def test_cancelling_while_the_camera_is_still_opening(chips):
    class Opening:
        """A camera that never delivers a frame, like one still being opened by its driver."""

        closed = False

        def read(self, timeout):
            time.sleep(timeout)
            raise CameraTimeout("opening")

        def close(self):
            Opening.closed = True

    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    # The camera would give up only after 120 s (CameraTimeout): Cancelled is the cancel ending the wait.
    with pytest.raises(Cancelled):
        CameraFaceAuthenticator(Opening, FaceConfig(first_frame_timeout=120.0, frame_timeout=0.2)).attempt(
            chips["obama"], cancel, lambda codes: None)
    assert Opening.closed
