"""Nothing face-related reaches disk or logs: attempts run with temp and data directories redirected,
every file opened for writing is recorded, and the captured logs are searched afterwards."""
from __future__ import annotations

import logging
import re
import sys
import tempfile
from datetime import date

import numpy as np
import pytest

from kiosk.camera.replay import ReplaySource
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import CodeBUnavailable
from kiosk.face.authenticator import CameraFaceAuthenticator
from kiosk.face.card_image import render_card_face
from kiosk.face.card_reader import OcrCardFaceReader
from kiosk.face.config import FaceConfig

_writes: list[str] | None = None


def _audit(event: str, args: tuple) -> None:
    if _writes is not None and event == "open" and len(args) > 1 and isinstance(args[1], str) \
            and any(flag in args[1] for flag in "wax+"):
        _writes.append(str(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed: it records only while _writes is a list


@pytest.fixture
def isolated(tmp_path, monkeypatch, caplog):
    global _writes
    temp, data = tmp_path / "tmp", tmp_path / "data"
    temp.mkdir()
    data.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    caplog.set_level(logging.DEBUG)
    _writes = []
    try:
        yield tmp_path
    finally:
        writes, _writes = _writes, None
        assert writes == [], f"files opened for writing: {writes}"
        assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


_NUMBERS = re.compile(r"-?\d\.\d{4,}")  # an encoding or a distance printed at full precision


def _assert_logs_clean(caplog, *secrets: str) -> None:
    text = "\n".join(r.getMessage() + " " + repr(r.args) for r in caplog.records)
    assert "array(" not in text and not _NUMBERS.search(text)
    assert "\\x" not in text  # no image bytes
    for secret in secrets:
        assert secret not in text


def test_face_attempts_leave_nothing_on_disk_or_in_logs(isolated, caplog, frame, chips):
    config = FaceConfig(attempt_seconds=1.5)
    for frames, chip in (([frame("obama2"), frame("obama3")], chips["obama"]), ([frame("biden")], chips["obama"])):
        authenticator = CameraFaceAuthenticator(lambda frames=frames: ReplaySource(frames, fps=6), config)
        authenticator.attempt(chip, CancelToken(), lambda codes: None)
    assert any("face attempt" in r.getMessage() for r in caplog.records)  # logging was captured at all
    _assert_logs_clean(caplog)


def test_reading_code_b_leaves_the_digits_out_of_logs(isolated, caplog):
    card = render_card_face("見本 花子", date(1980, 2, 17), date(2030, 2, 17), "1234", width=320)
    lines = iter([["生年月日 昭和55年2月17日生", "2030年2月17日まで有効", "1234"], ["1234"]] * 10)
    reader = OcrCardFaceReader(lambda: ReplaySource([card], fps=20), timeout=0.5, recognise=lambda rgb: next(lines))
    with pytest.raises(CodeBUnavailable):
        reader.read_code_b(CancelToken())
    assert caplog.records
    _assert_logs_clean(caplog, "550217", "1234", "昭和55")


def test_the_attempt_zeroes_its_encodings(monkeypatch, frame, chips):
    """In the kiosk's process (the worker's side: test_face_worker.py)."""
    from kiosk.face import engine as engine_module

    made: list[np.ndarray] = []
    original = engine_module.FaceEngine.encode

    def keep(self, rgb, face):
        encoding = original(self, rgb, face)
        made.append(encoding)
        return encoding

    monkeypatch.setattr(engine_module.FaceEngine, "encode", keep)
    authenticator = CameraFaceAuthenticator(lambda: ReplaySource([frame("obama2")], fps=6),
                                            FaceConfig(attempt_seconds=1.0), engine=engine_module.FaceEngine())
    authenticator.attempt(chips["obama"], CancelToken(), lambda codes: None)
    assert made and all(not encoding.any() for encoding in made)
