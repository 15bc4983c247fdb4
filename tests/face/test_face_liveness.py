"""The liveness challenge over frame sequences built from the test photos."""
from __future__ import annotations

import pytest

from kiosk.face.liveness import LivenessTracker


def _track(engine, frames) -> LivenessTracker:
    tracker = LivenessTracker()
    for image in frames:
        faces = engine.detect(image)
        assert len(faces) == 1
        tracker.observe(image, faces[0])
    return tracker


def test_a_replayed_still_is_not_live(engine, frame):
    image = frame("obama")
    assert not _track(engine, [image] * 8).live


@pytest.mark.parametrize("name", ["obama", "biden"])
def test_a_photo_moved_turned_and_relit_in_front_of_the_camera_is_not_live(engine, frame, name):
    frames = [frame(name), frame(name, rotation=6.0), frame(name, brightness=0.8),
              frame(name, scale=frame_scale(name) * 1.15), frame(name, rotation=-5.0, brightness=1.2), frame(name)]
    tracker = _track(engine, frames)
    assert not tracker.blinked and not tracker.turned


def frame_scale(name: str) -> float:
    return {"obama": 1.7, "biden": 2.4}[name]


def test_three_different_photos_of_one_head_turning_are_live(engine, frame):
    tracker = _track(engine, [frame("obama"), frame("obama2"), frame("obama3"), frame("obama2")])
    assert tracker.turned and tracker.live


@pytest.mark.parametrize("name", ["obama", "obama2", "biden"])
def test_a_blink_is_live_and_closing_without_reopening_is_not(engine, frame, close_eyes, name):
    open_eyes = frame(name)
    closed = close_eyes(open_eyes, engine.detect(open_eyes)[0])
    blink = _track(engine, [open_eyes] * 3 + [closed] * 2 + [open_eyes] * 3)
    assert blink.blinked and blink.live
    assert not _track(engine, [open_eyes] * 3 + [closed] * 3).live
