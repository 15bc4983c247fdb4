"""Frame sources and the capture worker, without a camera: replays and a fake OpenCV capture."""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from kiosk.camera.device import CameraConfig, DeviceSource
from kiosk.camera.replay import ReplaySource
from kiosk.camera.source import CameraTimeout
from kiosk.camera.worker import CaptureWorker
from kiosk.core.errors import CameraUnavailable


def _solid(value: int) -> np.ndarray:
    return np.full((48, 64, 3), value, dtype=np.uint8)


def test_replay_loops_in_order_at_its_frame_rate():
    source = ReplaySource([_solid(1), _solid(2), _solid(3)], fps=50)
    start = time.monotonic()
    frames = [source.read(timeout=1.0) for _ in range(7)]
    elapsed = time.monotonic() - start
    assert [int(f.rgb[0, 0, 0]) for f in frames] == [1, 2, 3, 1, 2, 3, 1]
    assert [f.index for f in frames] == list(range(7))
    assert elapsed >= 6 / 50 * 0.9  # paced, not as fast as possible


def test_replay_without_loop_times_out_after_the_last_frame():
    source = ReplaySource([_solid(1)], fps=100, loop=False)
    source.read(timeout=1.0)
    with pytest.raises(CameraTimeout):
        source.read(timeout=0.05)


def test_replay_times_out_when_the_next_frame_is_not_due():
    source = ReplaySource([_solid(1)], fps=1)
    source.read(timeout=1.0)
    with pytest.raises(CameraTimeout):
        source.read(timeout=0.05)


def test_closed_replay_refuses_reads():
    source = ReplaySource([_solid(1)], fps=10)
    source.close()
    with pytest.raises(CameraUnavailable):
        source.read(timeout=0.1)


def test_replay_reads_image_files_and_names_an_unreadable_one(tmp_path):
    from PIL import Image

    good = tmp_path / "a.png"
    Image.fromarray(_solid(7)).save(good)
    assert int(ReplaySource([good]).read(1.0).rgb[0, 0, 0]) == 7
    bad = tmp_path / "b.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(CameraUnavailable, match="b.png"):
        ReplaySource([bad])


class FakeCapture:
    """Stands in for cv2.VideoCapture: serves BGR frames until ``unplugged`` is set."""

    def __init__(self, plugged: threading.Event, opened: list) -> None:
        self._plugged = plugged
        opened.append(self)
        self.released = False

    def isOpened(self) -> bool:
        return self._plugged.is_set()

    def set(self, prop, value) -> bool:
        return True

    def read(self):
        time.sleep(0.01)
        if not self._plugged.is_set():
            return False, None
        bgr = np.zeros((48, 64, 3), dtype=np.uint8)
        bgr[..., 2] = 200  # red in BGR order
        return True, bgr

    def release(self) -> None:
        self.released = True


def test_device_source_delivers_rgb_reconnects_after_unplugging_and_times_out_meanwhile():
    plugged = threading.Event()
    plugged.set()
    opened: list[FakeCapture] = []
    config = CameraConfig(device_index=3, reconnect_delay=0.05, max_failed_reads=2)
    source = DeviceSource(config, open_capture=lambda index: FakeCapture(plugged, opened))
    try:
        first = source.read(timeout=1.0)
        assert first.rgb[0, 0].tolist() == [200, 0, 0]
        assert source.read(timeout=1.0).index > first.index

        plugged.clear()  # unplugged: reads fail, the device is released and reopening fails
        deadline = time.monotonic() + 2.0
        while source.connected and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not source.connected
        assert opened[0].released
        try:  # at most one frame, captured before the unplugging, may still be unread
            source.read(timeout=0.05)
        except CameraTimeout:
            pass
        with pytest.raises(CameraTimeout, match="not connected"):
            source.read(timeout=0.2)

        plugged.set()  # plugged back in: the grabber reopens it by itself
        assert source.read(timeout=2.0).rgb[0, 0].tolist() == [200, 0, 0]
        assert len(opened) >= 2
    finally:
        source.close()
    with pytest.raises(CameraUnavailable):
        source.read(timeout=0.1)


def test_device_that_never_opens_times_out_with_a_named_error():
    plugged = threading.Event()
    source = DeviceSource(CameraConfig(reconnect_delay=0.05), open_capture=lambda index: FakeCapture(plugged, []))
    try:
        with pytest.raises(CameraTimeout) as caught:
            source.read(timeout=0.2)
        assert caught.value.code == "camera_timeout"
    finally:
        source.close()


def test_worker_keeps_the_latest_frame_for_the_preview_and_drops_it_when_stopped():
    seen = []
    worker = CaptureWorker(ReplaySource([_solid(1), _solid(2)], fps=100), on_frame=seen.append).start()
    try:
        frame = worker.next_frame(after=-1, timeout=1.0)
        later = worker.next_frame(after=frame.index, timeout=1.0)
        assert later.index > frame.index
        assert worker.latest() is not None
    finally:
        worker.stop()
    assert worker.latest() is None
    assert seen and worker.frame_rate > 0


def test_worker_reports_a_source_that_ended():
    worker = CaptureWorker(ReplaySource([_solid(1)], fps=100, loop=False), read_timeout=0.05).start()
    try:
        worker.next_frame(after=-1, timeout=1.0)
        with pytest.raises(CameraTimeout):
            worker.next_frame(after=0, timeout=0.3)
    finally:
        worker.stop()


def test_replay_reads_a_video_file(tmp_path):
    cv2 = pytest.importorskip("cv2")
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, (64, 48))
    for value in (40, 200, 40):
        writer.write(_solid(value))
    writer.release()
    source = ReplaySource([path], fps=100)
    values = [int(source.read(1.0).rgb.mean()) for _ in range(4)]
    assert [round(v, -1) for v in values] == [40, 200, 40, 40]
