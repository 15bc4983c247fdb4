"""The face worker's shrink before detection: the pixels of OpenCV's INTER_AREA, and the same faces found."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from kiosk.face import models
from kiosk.face.augment import camera_frame
from kiosk.face.resample import area_downscale

# Camera frame sizes a kiosk's camera gives: 640×480 halves to the detector's 320 px, the others do not.
FRAME_SIZES = ((640, 480), (800, 600), (1280, 720), (1920, 1080))


def _opencv(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA)


@pytest.mark.parametrize("name", ["obama", "obama2", "obama3", "biden"])
def test_halving_a_camera_frame_gives_opencvs_pixels(photos, name):
    frame = camera_frame(photos[name], scale=1.5)
    assert np.array_equal(area_downscale(frame, (320, 240)), _opencv(frame, (320, 240)))
    grey = np.ascontiguousarray(frame[:, :, 1])
    assert np.array_equal(area_downscale(grey, (320, 240)), _opencv(grey, (320, 240)))


@pytest.mark.parametrize("name", ["obama", "obama2", "obama3", "biden"])
@pytest.mark.parametrize("scale", [0.999, 0.61, 0.37, 1 / 3, 0.1])
def test_any_shrink_of_a_photo_is_opencvs_to_a_rounding(photos, name, scale):
    # The photos' own odd sizes (910×1137, 626×1200, …): every cell edge but the first is fractional.
    photo = photos[name]
    size = (max(1, round(photo.shape[1] * scale)), max(1, round(photo.shape[0] * scale)))
    ours, theirs = area_downscale(photo, size), _opencv(photo, size)
    assert ours.shape == theirs.shape == (size[1], size[0], 3)
    difference = np.abs(ours.astype(np.int16) - theirs)
    assert difference.max() <= 1  # OpenCV rounds exact halves to even except when halving
    assert difference.mean() < 0.02


@pytest.mark.parametrize("size", FRAME_SIZES[1:])
def test_frames_shrunk_to_the_detectors_width_are_opencvs_to_a_rounding(photos, size):
    frame = camera_frame(photos["obama2"], scale=1.5, size=size)
    small = (320, round(size[1] * 320 / size[0]))
    difference = np.abs(area_downscale(frame, small).astype(np.int16) - _opencv(frame, small))
    assert difference.max() <= 1 and difference.mean() < 0.02


def test_a_flat_image_stays_flat_and_an_edge_is_averaged():
    assert np.all(area_downscale(np.full((7, 9, 3), 200, dtype=np.uint8), (4, 3)) == 200)
    # Three source columns into two: the middle one is split half and half between them.
    stripe = np.array([[0, 90, 240]], dtype=np.uint8)
    assert area_downscale(stripe, (2, 1)).tolist() == [[30, 190]] == _opencv(stripe, (2, 1)).tolist()


@pytest.mark.parametrize("size", [(10, 5), (5, 10), (0, 4), (4, 0)])
def test_growing_or_emptying_is_refused(size):
    with pytest.raises(ValueError, match="cannot shrink"):
        area_downscale(np.zeros((8, 8, 3), dtype=np.uint8), size)


@pytest.mark.parametrize("size", FRAME_SIZES)
@pytest.mark.parametrize("name", ["obama", "obama2", "obama3", "biden"])
def test_the_engine_finds_the_faces_dlib_finds_on_opencvs_shrink(engine, photos, name, size):
    placement = {"obama": (1.7, 150), "obama2": (1.5, 120), "obama3": (2.4, 330), "biden": (2.4, 300)}
    scale, shift = placement[name]
    frame = camera_frame(photos[name], scale=scale, offset=(0, round(shift * size[0] / 640)), size=size)
    factor = engine.detect_width / size[0]
    small = _opencv(frame, (engine.detect_width, round(size[1] * factor)))
    expected = [(round(r.left() / factor), round(r.top() / factor), min(size[0], round(r.right() / factor)),
                 min(size[1], round(r.bottom() / factor))) for r in models.load().detector(small, engine.upsample)]
    assert len(expected) == 1
    assert [face.box.as_tuple() for face in engine.detect(frame)] == expected
