"""The face worker: the same faces and distances as dlib in the kiosk's process, a cancel or a dead or
hung child ends the attempt at once with a named error and the next attempt works, nothing is left in
the child after an attempt, and the child dies with the kiosk."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from kiosk.camera.replay import ReplaySource
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled
from kiosk.face.augment import camera_frame
from kiosk.face.authenticator import CameraFaceAuthenticator
from kiosk.face.config import FaceConfig
from kiosk.face.errors import FaceWorkerFailed, NoFaceFound
from kiosk.face.face_worker import FaceWorker, shared_worker
from kiosk.face.images import decode_image
from kiosk.face.match_worker import MatchServer
from kiosk.face.matcher import in_process
from kiosk.processes import child_argv

ROOT = Path(__file__).resolve().parents[2]
CONFIG = FaceConfig()


def _session(worker: FaceWorker, cancel: CancelToken | None = None, request_seconds: float = 10.0):
    return worker.session(cancel or CancelToken(), CONFIG.detect_width, CONFIG.worker_start_seconds, request_seconds)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(condition, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return False


def _ready_pid(worker: FaceWorker) -> int:
    """The worker's child, once it has loaded its models and answered a request."""
    with _session(worker) as matcher:
        matcher.detect(np.zeros((48, 64, 3), dtype=np.uint8))
    pid = worker.pid
    assert pid is not None
    return pid


@pytest.fixture
def child_frame(photos):
    child = camera_frame(photos["obama2"], scale=1.3, offset=(-170, 100))
    adult = camera_frame(photos["biden"], scale=1.8, offset=(170, 210))
    return np.where(np.arange(640)[None, :, None] < 320, child, adult).astype(np.uint8)


def test_the_worker_finds_the_same_faces_and_distances_as_dlib_in_process(engine, frame, chips, child_frame):
    probes = [frame("obama2"), frame("obama3"), frame("biden"), frame("obama", brightness=0.6), child_frame]
    still = decode_image(chips["obama"])
    with in_process(engine) as local, _session(shared_worker()) as remote:
        mine, theirs = local.reference(still), remote.reference(still)
        assert mine.box == theirs.box and np.allclose(mine.points, theirs.points, atol=0)
        for probe in probes:
            local_faces, remote_faces = local.detect(probe), remote.detect(probe)
            assert [f.box for f in local_faces] == [f.box for f in remote_faces] != []
            for a, b in zip(local_faces, remote_faces, strict=True):
                assert np.array_equal(a.points, b.points)
            assert np.allclose(local.distances(local_faces), remote.distances(remote_faces), rtol=0, atol=1e-6)


def test_an_attempt_through_the_worker_decides_as_one_in_process(engine, frame, chips):
    """The same still in every frame: whichever frames each attempt analyses, the same decision and distance."""
    results = []
    for chosen in (engine, None):
        face = CameraFaceAuthenticator(lambda: ReplaySource([frame("obama2")], fps=10),
                                       FaceConfig(attempt_seconds=1.0), engine=chosen)
        results.append(face.attempt(chips["obama"], CancelToken(), lambda codes: None))
    mine, theirs = results
    assert (mine.matched, mine.live, mine.guidance) == (theirs.matched, theirs.live, theirs.guidance) == \
        (True, False, ("blink",))
    assert abs(mine.distance - theirs.distance) <= 1e-6


def test_no_face_in_the_chip_photo_is_named_and_the_worker_carries_on(chips, frame):
    blank = np.full((188, 150, 3), 128, dtype=np.uint8)
    worker = shared_worker()
    with _session(worker) as matcher:
        pid = worker.pid
        with pytest.raises(NoFaceFound):
            matcher.reference(blank)
        assert matcher.reference(decode_image(chips["obama"])).box.width > 0
    assert worker.pid == pid


def test_a_cancel_in_the_middle_of_encoding_returns_at_once_and_kills_the_child(frame, chips):
    worker = shared_worker()
    pid = _ready_pid(worker)
    cancel = CancelToken()
    with _session(worker, cancel) as matcher:
        matcher.reference(decode_image(chips["obama"]))
        faces = matcher.detect(frame("obama2"))
        threading.Timer(0.3, cancel.cancel).start()
        with pytest.raises(Cancelled):  # 5000 encodings are minutes of work: only the cancel ends them
            matcher.distances(faces * 5000)
    assert _wait_for(lambda: not _alive(pid), 30.0)
    result = CameraFaceAuthenticator(lambda: ReplaySource([frame("obama2"), frame("obama3")], fps=10),
                                     FaceConfig(attempt_seconds=2.0)).attempt(chips["obama"], CancelToken(),
                                                                              lambda codes: None)
    assert result.matched and worker.pid != pid


@pytest.mark.skipif(sys.platform == "win32", reason="kills and stops the child with POSIX signals")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGSTOP], ids=["killed", "hung"])
def test_a_dead_or_hung_worker_fails_the_attempt_by_name_and_the_next_one_works(how, frame, chips):
    worker = shared_worker()
    pid = _ready_pid(worker)
    config = FaceConfig(attempt_seconds=120.0, worker_request_seconds=1.0)  # only the worker's failure ends it
    impostor = CameraFaceAuthenticator(lambda: ReplaySource([frame("biden")], fps=10), config)
    threading.Timer(0.8, os.kill, (pid, how)).start()
    with pytest.raises(FaceWorkerFailed):
        impostor.attempt(chips["obama"], CancelToken(), lambda codes: None)
    assert _wait_for(lambda: not _alive(pid), 2.0)
    genuine = CameraFaceAuthenticator(lambda: ReplaySource([frame("obama2"), frame("obama3")], fps=10),
                                      FaceConfig(attempt_seconds=3.0))
    result = genuine.attempt(chips["obama"], CancelToken(), lambda codes: None)
    assert result.matched and result.live


def test_the_worker_keeps_nothing_after_an_attempt(frame, chips):
    server = MatchServer()
    server.handle({"op": "reference"}, decode_image(chips["obama"]))
    server.handle({"op": "detect", "detect_width": 320}, frame("obama2"))
    assert len(server.handle({"op": "distances", "faces": [0]}, None)["distances"]) == 1
    reference = server._reference
    assert reference is not None and reference.any()
    server.handle({"op": "forget"}, None)
    assert not reference.any()
    assert server._reference is None and server._frame is None and server._faces == []
    with pytest.raises(ValueError):
        server.handle({"op": "distances", "faces": [0]}, None)


def test_matching_through_the_worker_keeps_dlib_out_of_the_kiosk(chips):
    """dlib's calls hold the interpreter lock: the kiosk's process must not make them at all."""
    script = """
import sys
import numpy as np
from PIL import Image
from kiosk.camera.replay import ReplaySource
from kiosk.core.cancel import CancelToken
from kiosk.face.augment import camera_frame
from kiosk.face.authenticator import CameraFaceAuthenticator
from kiosk.face.config import FaceConfig

obama2 = camera_frame(np.asarray(Image.open(sys.argv[1]).convert("RGB")), scale=1.5, offset=(0, 120))
chip = sys.stdin.buffer.read()
face = CameraFaceAuthenticator(lambda: ReplaySource([obama2], fps=10), FaceConfig(attempt_seconds=1.0))
result = face.attempt(chip, CancelToken(), lambda codes: None)
print(result.matched, "dlib" in sys.modules)
"""
    data = ROOT / "tests" / "face" / "data"
    out = subprocess.run([sys.executable, "-c", script, str(data / "obama2.jpg")], input=chips["obama"],
                         cwd=ROOT, capture_output=True, timeout=120, check=True)
    assert out.stdout.decode().split() == ["True", "False"]


@pytest.mark.skipif(sys.platform != "linux", reason="reads the process tree from /proc")
def test_the_worker_dies_with_the_kiosk():
    script = """
import sys, time
import numpy as np
from kiosk.core.cancel import CancelToken
from kiosk.face.face_worker import shared_worker

worker = shared_worker()
with worker.session(CancelToken(), 320, 30.0, 10.0) as matcher:
    matcher.detect(np.zeros((48, 64, 3), dtype=np.uint8))
print(worker.pid, flush=True)
time.sleep(60)
"""
    kiosk = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert kiosk.stdout is not None
        child = int(kiosk.stdout.readline())
        assert _alive(child)
        kiosk.kill()  # as the OOM killer or End task would: no clean-up of its own runs
        kiosk.wait()
        assert _wait_for(lambda: not _alive(child), 5.0)
    finally:
        kiosk.kill()
        kiosk.wait()


def test_a_frozen_kiosk_starts_its_children_through_its_own_executable(monkeypatch):
    assert child_argv("kiosk.face.match_worker") == [sys.executable, "-m", "kiosk.face.match_worker"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert child_argv("kiosk.face.match_worker", "x") == [sys.executable, "--child", "kiosk.face.match_worker", "x"]
