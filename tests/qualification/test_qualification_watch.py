"""The gateway, the face watcher and the simulator woken by file notifications, with the timed look kept for
where notifications do not come. Every timed look here is set far beyond the test's own limits, so an
answer picked up at all was picked up by a notification; the cases without notifications say so."""
from __future__ import annotations

import dataclasses
import logging
import os
import shutil
import threading
import time
from datetime import date

import pytest

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification import codec, schema, watch
from kiosk.qualification.errors import TerminalTimeout
from kiosk.qualification.folders import atomic_write
from kiosk.qualification.gateway import FolderGateway, TerminalConfig
from kiosk.qualification.publisher import face_file_name
from kiosk.qualification.simulator import SimulatorProcess
from kiosk.qualification.watch import FolderNotifier, network_share

QUERY = InsuranceCardQuery("06139999", "見本", "1234567", "00", date(1980, 2, 17))
NEVER = 60.0  # a timed look this far apart never happens within a test
LIMIT = 5.0  # what "at once" may take on a loaded 2-core machine, far below NEVER


@pytest.fixture(scope="module")
def terminal(tmp_path_factory):
    """The simulator looking at ``req`` on its timer only once a minute: it answers when woken."""
    root = tmp_path_factory.mktemp("terminal")
    with SimulatorProcess(root, "valid", poll=NEVER, institution_code="1312345678") as process:
        yield process


def _config(root, **changes) -> TerminalConfig:
    base = TerminalConfig(root, "1312345678", timeout=LIMIT, poll_interval=NEVER, notify_poll=NEVER, settle=1.0)
    return dataclasses.replace(base, **changes)


def _timed(fn):
    started = time.monotonic()
    value = fn()
    return value, time.monotonic() - started


def test_an_answer_is_picked_up_when_it_is_written_not_at_a_timed_look(terminal):
    terminal.switch("valid")
    gateway = FolderGateway(_config(terminal.root))
    try:
        for _ in range(3):  # the first starts the watch; the others reuse it
            result = gateway.check_by_insurance_card(QUERY, CancelToken())
            assert result.validity.is_valid
        assert gateway._res.event_driven
        assert gateway.health.times()[0] is not None, "the answer is on the health record"
    finally:
        gateway.close()


def test_without_notifications_the_timed_look_finds_the_answer(terminal):
    terminal.switch("valid")
    gateway = FolderGateway(_config(terminal.root, notify=False, poll_interval=0.05))
    assert gateway.check_by_insurance_card(QUERY, CancelToken()).validity.is_valid
    assert not gateway._res.event_driven and gateway._res.interval == 0.05


def test_a_cancel_ends_the_wait_at_once_and_withdraws_the_request(terminal):
    terminal.switch("no_answer")
    gateway = FolderGateway(_config(terminal.root, timeout=NEVER))
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    started = time.monotonic()
    try:
        with pytest.raises(Cancelled):
            gateway.check_by_insurance_card(QUERY, cancel)
        assert time.monotonic() - started < LIMIT, "not at the next timed look, a minute away"
        # The simulator takes (and drops) the request: nothing of ours is left in req either way.
        assert not [n for n in os.listdir(terminal.root / "req") if n.endswith(".xml")]
    finally:
        gateway.close()
        terminal.switch("valid")


def test_the_deadline_ends_the_wait_between_timed_looks_and_is_kept_on_the_health_record(terminal):
    terminal.switch("no_answer")
    gateway = FolderGateway(_config(terminal.root, timeout=0.4))
    try:
        with pytest.raises(TerminalTimeout):
            gateway.check_by_insurance_card(QUERY, CancelToken())
        answered, unanswered = gateway.health.times()
        assert answered is None and unanswered is not None
    finally:
        gateway.close()
        terminal.switch("valid")


def test_a_res_folder_replaced_is_watched_again(terminal):
    terminal.switch("valid")
    gateway = FolderGateway(_config(terminal.root))
    try:
        gateway.check_by_insurance_card(QUERY, CancelToken())
        shutil.rmtree(terminal.root / "res")
        (terminal.root / "res").mkdir()  # a share mounted again: another folder under the same name
        assert gateway.check_by_insurance_card(QUERY, CancelToken()).validity.is_valid
        assert gateway._res.event_driven
    finally:
        gateway.close()


def test_the_face_watcher_is_woken_by_a_new_face_file(tmp_path, valid_result):
    for folder in ("req", "res", "face"):
        (tmp_path / folder).mkdir()
    watcher = FolderGateway(_config(tmp_path)).face_watcher()
    data = codec.encode_result(valid_result)
    name = face_file_name(valid_result.institution_code, valid_result.file_id, valid_result.processed_at)
    threading.Timer(0.3, lambda: atomic_write(tmp_path / "face", name, data)).start()
    try:
        [arrival] = watcher.wait(CancelToken(), LIMIT)
        assert arrival.name == name and arrival.result is not None
    finally:
        watcher.close()


class _Deaf:
    """A watch that is set up and then reports nothing: what a local watch on a network share does."""

    def __init__(self) -> None:
        self.emitters: set = set()

    def schedule(self, *args, **kwargs) -> None:
        pass

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass

    def is_alive(self) -> bool:
        return True


def test_an_answer_no_notification_announced_makes_the_gateway_look_on_its_short_timer(
        terminal, monkeypatch, caplog):
    monkeypatch.setattr("watchdog.observers.Observer", _Deaf)
    terminal.switch("valid")
    gateway = FolderGateway(_config(terminal.root, notify_poll=2.0, poll_interval=0.05))
    with caplog.at_level(logging.WARNING, logger="kiosk.qualification.watch"):
        gateway._res.ensure()
        assert gateway._res.event_driven, "trusted until an answer shows otherwise"
        # The answer lies unannounced in res until the 2 s look finds it.
        assert gateway.check_by_insurance_card(QUERY, CancelToken()).validity.is_valid
    assert not gateway._res.event_driven and gateway._res.interval == 0.05
    assert [r.message for r in caplog.records if "without a file notification" in r.message]


class _Refused(_Deaf):
    starts = 0

    def start(self) -> None:
        _Refused.starts += 1
        raise OSError(28, "inotify watch limit reached")


def test_where_no_watch_can_be_set_up_the_gateway_looks_on_its_short_timer_and_says_so_once(
        terminal, monkeypatch, caplog):
    monkeypatch.setattr("watchdog.observers.Observer", _Refused)
    terminal.switch("valid")
    gateway = FolderGateway(_config(terminal.root, poll_interval=0.05))
    with caplog.at_level(logging.WARNING, logger="kiosk.qualification.watch"):
        for _ in range(2):
            assert gateway.check_by_insurance_card(QUERY, CancelToken()).validity.is_valid
    assert not gateway._res.event_driven and gateway._res.interval == 0.05
    assert _Refused.starts == 1, "not tried again for the same folder"
    assert len([r for r in caplog.records if "no file notifications" in r.message]) == 1


def test_a_folder_on_a_network_share_is_looked_at_on_the_short_timer_from_the_start(
        tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(watch, "network_share", lambda folder: "cifs")
    notifier = FolderNotifier(tmp_path, NEVER, 0.1)
    with caplog.at_level(logging.WARNING, logger="kiosk.qualification.watch"):
        notifier.ensure()
        notifier.ensure()
    try:
        assert not notifier.event_driven and notifier.interval == 0.1
        assert len([r for r in caplog.records if "network share (cifs)" in r.message]) == 1, "said once"
    finally:
        notifier.close()


def test_network_shares_are_told_from_local_disks_by_the_mount_table(tmp_path):
    table = tmp_path / "mountinfo"
    table.write_text(
        "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
        "27 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n"
        "40 27 0:50 / /mnt/oqs rw,relatime - cifs //terminal/oqs rw,vers=3.0\n"
        "41 40 0:51 / /mnt/oqs/local\\040copy rw - ext4 /dev/sdb1 rw\n"
    )
    assert network_share(tmp_path / "x", table) == ""  # under / (ext4)
    assert network_share(type(tmp_path)("/mnt/oqs/res"), table) == "cifs"
    assert network_share(type(tmp_path)("/mnt/oqs/local copy/res"), table) == "", "the deepest mount decides"
    assert network_share(type(tmp_path)("/mnt/oqsx"), table) == "", "a mount point is a path, not a prefix"


def test_a_wait_ends_on_a_change_on_its_timeout_or_when_told_to_stop(tmp_path):
    notifier = FolderNotifier(tmp_path, NEVER, NEVER)
    notifier.ensure()
    try:
        assert notifier.event_driven
        seen = notifier.changes
        threading.Timer(0.2, lambda: (tmp_path / "OQSsiquc01res_1.xml").write_bytes(b"x")).start()
        assert notifier.wait(seen, LIMIT)
        time.sleep(0.2)  # the write's other notifications (written, closed) come in meanwhile
        seen = notifier.changes
        assert not notifier.wait(seen, 0.2), "nothing changed"
        stop = threading.Event()
        threading.Timer(0.2, stop.set).start()
        assert not _timed(lambda: notifier.wait(seen, NEVER, stop.is_set))[0]
        (tmp_path / "OQSsiquc01res_1.xml").read_bytes()  # our own reads wake nobody
        os.unlink(tmp_path / "OQSsiquc01res_1.xml")  # nor our removals
        assert not notifier.wait(seen, 0.3)
    finally:
        notifier.close()


def test_the_simulator_answers_when_woken_not_at_its_timed_look(terminal):
    """The module's simulator looks at req once a minute: every answer in this file came on a notification."""
    terminal.switch("valid")
    gateway = FolderGateway(_config(terminal.root))
    try:
        _, took = _timed(lambda: gateway.check_by_insurance_card(QUERY, CancelToken()))
        assert took < LIMIT
        assert not list((terminal.root / schema.REQ_DIR).glob("*.xml"))
    finally:
        gateway.close()
