"""The OCR child: a read leaves no engine in the kiosk, and a cancel or a deadline really ends the child."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from importlib.util import find_spec
from pathlib import Path

import numpy as np
import pytest

from kiosk.camera.replay import ReplaySource
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled, CodeBUnavailable
from kiosk.face import ocr_worker
from kiosk.face.card_image import render_card_face
from kiosk.face.card_reader import OcrCardFaceReader
from kiosk.face.ocr_worker import OcrWorker

pytestmark = [
    pytest.mark.skipif(find_spec("rapidocr_onnxruntime") is None, reason="no OCR model installed"),
    pytest.mark.skipif(sys.platform != "linux", reason="reads the process tree and memory from /proc"),
]
ROOT = Path(__file__).resolve().parents[2]
# Long enough for one inference to take seconds: a cancel must not wait for it.
SLOW_FRAME = [np.zeros((1, 3, 48, 20_000), dtype=np.float32)]


def _ocr_children() -> set[int]:
    """The OCR children of this process still alive (zombies are dead: nothing runs in them)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state, parent = (entry / "stat").read_text().rsplit(")", 1)[1].split()[:2]
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(parent) == os.getpid() and state != "Z" and b"kiosk.face.ocr_worker" in command:
            found.add(int(entry.name))
    return found


def _wait_for(condition, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return False


# Run in a process of its own: this one may have imported onnxruntime already (other tests), and its
# RSS says nothing about the kiosk's.
_READ_IN_A_FRESH_PROCESS = """
import gc, json, sys
from pathlib import Path
from kiosk.camera.replay import ReplaySource
from kiosk.core.cancel import CancelToken
from kiosk.embedded import card_face_frame
from kiosk.face.card_layout import find_card
from kiosk.face.card_reader import OcrCardFaceReader

def rss_mb():
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20

card = card_face_frame("child-2")
find_card(card)  # OpenCV loaded, as the camera has it loaded in the kiosk
before = rss_mb()
digits = [OcrCardFaceReader(lambda: ReplaySource([card], fps=10)).read_code_b(CancelToken()) for _ in range(3)]
gc.collect()
engine = sorted(m for m in sys.modules if m.split(".")[0] in ("onnxruntime", "rapidocr_onnxruntime"))
print(json.dumps({"digits": digits, "before": before, "after": rss_mb(), "engine_loaded": engine}))
"""


def test_a_read_leaves_no_engine_resident():
    done = subprocess.run([sys.executable, "-c", _READ_IN_A_FRESH_PROCESS], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True)
    report = json.loads(done.stdout)
    assert report["digits"] == ["02091520302102"] * 3
    assert report["engine_loaded"] == []
    # RapidOCR kept in the process added about 300 MB, and onnxruntime freed in it still leaves 30 MB.
    assert report["after"] - report["before"] < 15, report


def test_the_reader_leaves_no_child_behind():
    card = render_card_face("見本 花子", date(1980, 2, 17), date(2030, 2, 17), "1234")
    reader = OcrCardFaceReader(lambda: ReplaySource([card], fps=10))
    assert reader.read_code_b(CancelToken()) == "55021720301234"
    assert _ocr_children() == set()


def test_cancel_ends_the_read_within_a_second():
    # A card whose security code is missing: every frame is read and none gives 照合番号B.
    card = render_card_face("見本 花子", date(1980, 2, 17), date(2030, 2, 17), "")
    cancel = CancelToken()
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            # The read's own deadline is far off, so only the cancel can end it with Cancelled.
            OcrCardFaceReader(lambda: ReplaySource([card], fps=10), timeout=240).read_code_b(cancel)
        except BaseException as error:  # the test's to judge
            outcome.append(error)

    reading = threading.Thread(target=read)
    reading.start()
    assert _wait_for(lambda: bool(_ocr_children()))
    time.sleep(1.0)  # the child is loaded and reading frames
    cancel.cancel()
    reading.join(120)
    assert not reading.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], Cancelled)
    assert _ocr_children() == set()


def test_cancel_kills_the_child_in_the_middle_of_a_frame():
    cancel = CancelToken()
    with OcrWorker(cancel, time.monotonic() + 60) as worker:
        assert worker.recognise([np.zeros((1, 3, 48, 100), dtype=np.float32)])  # loaded and answering
        threading.Timer(0.3, cancel.cancel).start()
        with pytest.raises(Cancelled):  # not the frame's text: the inference was not waited for
            worker.recognise(SLOW_FRAME)
        assert _ocr_children() == set()  # killed, not left to finish (a finished one stays for the next)


def test_the_deadline_kills_the_child():
    with OcrWorker(CancelToken(), time.monotonic() + 1.0) as worker:
        with pytest.raises(CodeBUnavailable, match="out of time"):
            worker.recognise(SLOW_FRAME)
        assert _ocr_children() == set()


def test_a_model_that_does_not_load_is_a_named_error(tmp_path, monkeypatch):
    broken = tmp_path / "model.onnx"
    broken.write_bytes(b"not a model")
    monkeypatch.setattr(ocr_worker, "model_path", lambda: broken)
    with OcrWorker(CancelToken(), time.monotonic() + 30) as worker:
        with pytest.raises(CodeBUnavailable, match="OCR worker failed"):
            worker.recognise(SLOW_FRAME)
    assert _ocr_children() == set()


def test_no_model_installed_is_a_named_error(monkeypatch):
    monkeypatch.setattr(ocr_worker, "find_spec", lambda name: None)
    with pytest.raises(CodeBUnavailable, match="not installed"):
        OcrWorker(CancelToken(), time.monotonic() + 30)
