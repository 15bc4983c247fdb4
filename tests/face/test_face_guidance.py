"""Guidance codes from frames made of the test photos."""
from __future__ import annotations

import numpy as np

from kiosk.face import guidance as g
from kiosk.face.augment import camera_frame


def _codes(engine, image, previous=None, child_mode=False):
    return g.assess(image, engine.detect(image), previous, child_mode)[0]


def test_a_good_frame_has_no_guidance(engine, frame):
    for name in ("obama", "obama2", "biden"):
        assert _codes(engine, frame(name)) == ()


def test_no_face_and_too_dark(engine, frame):
    assert _codes(engine, np.full((480, 640, 3), 120, dtype=np.uint8)) == (g.NO_FACE,)
    assert _codes(engine, np.full((480, 640, 3), 10, dtype=np.uint8)) == (g.TOO_DARK, g.NO_FACE)
    assert g.TOO_DARK in _codes(engine, frame("obama", brightness=0.3))


def test_distance_and_position(engine, frame):
    assert g.TOO_FAR in _codes(engine, frame("obama", scale=0.75, offset=(0, 66)))
    assert g.TOO_CLOSE in _codes(engine, frame("obama", scale=3.6, offset=(0, 330)))
    assert _codes(engine, frame("obama", offset=(200, 150))) == (g.OFF_CENTRE,)


def test_movement_between_frames_asks_to_hold_still(engine, frame):
    still = engine.detect(frame("obama"))[0].box
    assert g.HOLD_STILL not in _codes(engine, frame("obama"), previous=still)
    assert g.HOLD_STILL in _codes(engine, frame("obama", offset=(60, 150)), previous=still)


def test_a_mask_is_noticed(engine, frame, put_on_mask):
    image = frame("obama")
    face = engine.detect(image)[0]
    assert not g.looks_masked(image, face)
    assert g.looks_masked(put_on_mask(image, face), face)
    assert g.looks_masked(put_on_mask(image, face, colour=(235, 235, 235)), face)
    assert g.looks_masked(put_on_mask(image, face, colour=(40, 40, 45)), face)


def test_two_faces_are_several_except_in_child_mode(engine, photos):
    left = camera_frame(photos["obama"], scale=1.4, offset=(-170, 110))
    right = camera_frame(photos["biden"], scale=1.8, offset=(170, 210))
    both = np.where(np.arange(640)[None, :, None] < 320, left, right).astype(np.uint8)
    faces = engine.detect(both)
    assert len(faces) == 2
    assert _codes(engine, both) == (g.SEVERAL_FACES,)
    codes, face = g.assess(both, faces, None, child_mode=True)
    assert g.SEVERAL_FACES not in codes and face is not None
