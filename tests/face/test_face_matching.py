"""Models, chip-style photos and 1:1 distances on the public test photos."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from kiosk.face import models
from kiosk.face.config import FaceConfig
from kiosk.face.engine import distance
from kiosk.face.errors import FaceModelsMissing, ImageUnreadable, NoFaceFound
from kiosk.face.images import decode_image

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_face_package_loads_no_model():
    code = ("import sys, kiosk.face.authenticator, kiosk.commands.face, kiosk.face.models as m; "
            "assert m._models is None; assert 'dlib' not in sys.modules, 'dlib imported at import time'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_missing_model_files_raise_a_named_error(tmp_path):
    with pytest.raises(FaceModelsMissing, match="shape_predictor_5_face_landmarks"):
        models._load(tmp_path)


def test_a_corrupt_model_file_raises_a_named_error(tmp_path):
    for name in (models.SHAPE_5, models.ENCODER):
        (tmp_path / name).write_bytes(b"truncated")
    with pytest.raises(FaceModelsMissing, match="unreadable"):
        models._load(tmp_path)


def test_the_68_point_model_is_never_used():
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "kiosk").rglob("*.py"))
    assert "shape_predictor_68" not in sources
    assert "face_landmarks(" not in sources  # face_recognition's helper defaults to the 68-point model


def test_chip_photo_is_a_small_grey_jpeg2000(chips):
    chip = chips["obama"]
    assert chip[:12] == b"\x00\x00\x00\x0cjP  \r\n\x87\n" or chip[:4] == b"\xff\x4f\xff\x51"
    assert 1000 < len(chip) < 6000
    rgb = decode_image(chip)
    assert rgb.shape[1] == 150
    assert np.array_equal(rgb[..., 0], rgb[..., 1])


def test_genuine_pairs_fall_under_the_threshold_and_impostors_over(engine, chips, frame):
    threshold = FaceConfig().threshold
    encodings = {name: engine.encode_reference(decode_image(chip)) for name, chip in chips.items()}

    def probe(name):
        image = frame(name)
        return engine.encode(image, engine.detect(image)[0])

    for probe_name, chip_name in (("obama2", "obama"), ("obama3", "obama2"), ("obama", "obama3")):
        assert distance(probe(probe_name), encodings[chip_name]) <= threshold
    for chip_name in ("obama", "obama2", "obama3"):
        assert distance(probe("biden"), encodings[chip_name]) > threshold
    assert distance(probe("obama"), encodings["biden"]) > threshold


def test_unreadable_reference_and_faceless_reference_are_named(engine):
    with pytest.raises(ImageUnreadable):
        decode_image(b"\x00\x01garbage")
    with pytest.raises(NoFaceFound):
        engine.encode_reference(np.full((200, 160, 3), 128, dtype=np.uint8))
