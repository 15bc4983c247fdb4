"""The face worker's child and the OCR child never load OpenCV: it cost each about 30 MB resident (issue 11).

Seen from outside, in /proc/<pid>/maps of the running child after real work: the files OpenCV's
package maps, found in this process, which has loaded it, must not be mapped in the child."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.core.cancel import CancelToken
from kiosk.embedded import card_face_frame
from kiosk.face import card_layout
from kiosk.face.config import FaceConfig
from kiosk.face.face_worker import FaceWorker
from kiosk.face.images import decode_image
from kiosk.face.ocr_worker import OcrWorker, prepare_crops

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads the children's memory maps from /proc")


def _mapped_files(pid: int | str) -> set[str]:
    lines = Path(f"/proc/{pid}/maps").read_text().splitlines()
    return {fields[5] for fields in (line.split(maxsplit=5) for line in lines) if len(fields) == 6}


@pytest.fixture(scope="module")
def opencv_files() -> set[str]:
    """The files OpenCV's import maps, as this process (which imported it) shows them."""
    import cv2

    package = Path(cv2.__file__).resolve().parent
    files = {path for path in _mapped_files("self")
             if path.startswith((f"{package}/", f"{package.parent}/opencv_python"))}
    assert any(path.startswith(f"{package}/") for path in files), "OpenCV's library not found in this process"
    return files


def test_the_face_worker_child_matches_without_opencv(opencv_files, chips, frame):
    config = FaceConfig()
    worker = FaceWorker()
    try:
        with worker.session(CancelToken(), config.detect_width, config.worker_start_seconds, 30.0) as matcher:
            matcher.reference(decode_image(chips["obama"]))
            camera = frame("obama2")
            assert camera.shape[1] > config.detect_width  # so the child shrinks it before detection
            faces = matcher.detect(camera)
            assert len(faces) == 1
            assert matcher.distances(faces)[0] < config.threshold
            pid = worker.pid
            assert pid is not None
            mapped = _mapped_files(pid)
        assert any("dlib" in path for path in mapped)  # the maps read are the working child's
        assert mapped.isdisjoint(opencv_files)
    finally:
        worker.close()


def test_the_ocr_child_reads_without_opencv(opencv_files):
    card = card_layout.find_card(card_face_frame("child-2"))
    assert card is not None
    with OcrWorker(CancelToken(), time.monotonic() + 60) as worker:
        lines = worker.recognise(prepare_crops(card_layout.field_crops(card)))
        mapped = _mapped_files(worker.pid)
    assert [text for text, _ in lines] == ["令和2年9月15日生", "2030年2月", "2102"]
    assert any("onnxruntime" in path for path in mapped)
    assert mapped.isdisjoint(opencv_files)


def test_the_check_sees_opencv_in_a_child_that_loads_it(opencv_files):
    """The same maps check, on a child that does import OpenCV, fails as it should."""
    child = subprocess.Popen([sys.executable, "-c", "import sys, cv2; print(flush=True); sys.stdin.read()"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline() == "\n"
        assert not _mapped_files(child.pid).isdisjoint(opencv_files)
    finally:
        child.kill()
        child.wait()
