"""Guidance codes from frames made of the test photos."""
from __future__ import annotations

import cv2
import numpy as np

from kiosk.camera.replay import ReplaySource
from kiosk.core.cancel import CancelToken
from kiosk.face import guidance as g
from kiosk.face.augment import camera_frame
from kiosk.face.authenticator import CameraFaceAuthenticator
from kiosk.face.config import FaceConfig
from kiosk.face.images import decode_image, derive_chip_photo


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


# Seated and small patients: a face low in the frame, a raised chin.

def _pitch(engine, rgb):
    return g.pitch_ratio(max(engine.detect(rgb), key=lambda f: f.box.width))


def test_a_centred_face_is_neither_low_nor_tilted(engine, frame, photos):
    for name, chip_of in (("obama", "obama2"), ("obama2", "obama"), ("biden", "biden")):
        reference = _pitch(engine, decode_image(_chip(engine, photos[chip_of])))
        image = frame(name)
        for child_mode in (False, True):
            codes = g.assess(image, engine.detect(image), None, child_mode, reference_pitch=reference)[0]
            assert codes == (), (name, child_mode, codes)


def test_a_face_low_in_the_frame_is_told_sitting_is_fine_and_still_matches(engine, frame, chips):
    low = [frame(name, offset=(0, shift)) for name, shift in (("obama2", 220), ("obama", 310), ("obama3", 490))]
    for image in low:
        face = engine.detect(image)[0]
        assert face.box.bottom < 480 and face.box.centre[1] > 0.7 * 480  # whole, and where off_centre was said
        assert g.SIT_OK in _codes(engine, image) and g.OFF_CENTRE not in _codes(engine, image)
        assert g.SIT_OK in _codes(engine, image, child_mode=True)
    assert _codes(engine, low[0]) == (g.SIT_OK,)
    guidance: list[tuple[str, ...]] = []
    result = CameraFaceAuthenticator(lambda: ReplaySource(low, fps=6.0), FaceConfig(attempt_seconds=3.0)).attempt(
        chips["obama"], CancelToken(), guidance.append)
    assert result.matched and result.live  # sit_ok never stands in the way of a match
    assert any(g.SIT_OK in codes for codes in guidance)


def test_a_face_cut_off_by_the_bottom_edge_or_low_and_aside_must_move(engine, frame):
    cut = frame("obama", offset=(0, 400))
    assert engine.detect(cut)[0].box.bottom == 480
    assert _codes(engine, cut) == (g.OFF_CENTRE,)
    assert _codes(engine, cut, child_mode=True) == ()  # a child may be held anywhere: no off_centre
    assert _codes(engine, frame("obama", offset=(200, 310))) == (g.OFF_CENTRE,)
    assert _codes(engine, frame("obama", offset=(0, 60))) == (g.OFF_CENTRE,)  # high: not a seated patient


def test_a_raised_chin_is_tilted_up(engine, frame, photos):
    """obama3 is a real photo with the chin raised (the nose's underside shows)."""
    raised = frame("obama3")
    assert _codes(engine, raised) == (g.TILTED_UP,)
    own_upright = _pitch(engine, decode_image(_chip(engine, photos["obama"])))
    codes = g.assess(raised, engine.detect(raised), None, reference_pitch=own_upright)[0]
    assert codes == (g.TILTED_UP,)
    # Against a chip photo held the same way the pose is the patient's own: nothing to say.
    own_raised = _pitch(engine, decode_image(_chip(engine, photos["obama3"])))
    assert g.assess(raised, engine.detect(raised), None, reference_pitch=own_raised)[0] == ()
    # A child's nose is shorter: without the chip photo a child's pitch is not judged.
    assert g.TILTED_UP not in _codes(engine, raised, child_mode=True)
    codes = g.assess(raised, engine.detect(raised), None, True, reference_pitch=own_upright)[0]
    assert g.TILTED_UP in codes


def test_the_pitch_ratio_follows_a_measured_rotation(engine, frame, photos):
    """A real photo with its chin raised by a known angle (a depth warp anchored to its landmarks)."""
    reference = _pitch(engine, decode_image(_chip(engine, photos["obama2"])))
    image = frame("obama")
    face = engine.detect(image)[0]
    ratios = {}
    for degrees in (0, 10, 20, 30):
        warped = _raise_chin(image, face, degrees)
        ratios[degrees] = _pitch(engine, warped)
        tilted = g.TILTED_UP in g.assess(warped, engine.detect(warped), None, reference_pitch=reference)[0]
        assert tilted == (degrees >= 20), (degrees, ratios[degrees] / reference)
    assert ratios[0] > ratios[10] > ratios[20] > ratios[30]


def test_tilted_up_comes_before_sit_ok(engine, frame):
    low_and_raised = frame("obama3", offset=(0, 490))
    assert _codes(engine, low_and_raised) == (g.TILTED_UP, g.SIT_OK)


def test_a_head_turned_or_rolled_is_not_tilted_up(engine, frame):
    # Turning shortens the eye distance and raises the ratio; rolling keeps it (the face's own axes).
    for image in (frame("obama", rotation=15.0), frame("obama", rotation=-15.0)):
        assert g.TILTED_UP not in _codes(engine, image)
    upright = _pitch(engine, frame("obama"))
    narrowed = cv2.resize(frame("obama"), (448, 480))  # the face squeezed sideways like a turned head
    assert _pitch(engine, narrowed) > upright


def _chip(engine, rgb):
    face = max(engine.detect(rgb), key=lambda f: f.box.width)
    return derive_chip_photo(rgb, face.box.as_tuple())


def _raise_chin(rgb: np.ndarray, face, degrees: float) -> np.ndarray:
    """``rgb`` with the head's chin raised by ``degrees`` about the eye line (orthographic view).

    Depth model in eye distances, relative to the eye centres, anchored to the 5 landmarks: a face
    surface curving back to the sides, and a nose from the bridge to its tip 0.55 below the eye line
    (0.6 in front) and its bottom 0.72 below (0.35 in front, within adults' 0.25–0.45). Each output
    pixel is fetched from the source row whose rotated position lands on it."""
    right_eye, left_eye = face.eyes
    mid = (right_eye + left_eye) / 2
    d = float(np.linalg.norm(left_eye - right_eye))
    along = (left_eye - right_eye) / d
    down = np.array([-along[1], along[0]])
    down = down if down[1] > 0 else -down
    height, width = rgb.shape[:2]
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float64)
    rel = np.stack([xs - mid[0], ys - mid[1]], -1)
    u_out, v_out = rel @ along, rel @ down
    t = np.deg2rad(degrees)
    v_src = v_out.copy()
    for _ in range(8):  # fixed point: the depth depends on the source row being looked for
        u, v = u_out / d, v_src / d
        beyond_outline = np.clip(np.abs(v - 0.4) - 1.3, 0, None)  # above the forehead, below the chin
        surface = 0.35 * np.clip(1 - (u / 1.3) ** 2, 0, None) * np.exp(-beyond_outline ** 2 / 0.1)
        nose = np.interp(v, [-0.1, 0.2, 0.55, 0.72, 0.85], [0.0, 0.2, 0.6, 0.3, 0.0]) * np.exp(-u ** 2 / 0.045)
        v_src = (v_out + (surface + nose) * d * np.sin(t)) / np.cos(t)
    src = mid + u_out[..., None] * along + v_src[..., None] * down
    return cv2.remap(rgb, src[..., 0].astype(np.float32), src[..., 1].astype(np.float32), cv2.INTER_LINEAR,
                     borderMode=cv2.BORDER_REPLICATE)
