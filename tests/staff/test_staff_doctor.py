"""「点検」 over the real staff channel: a console asks a running kiosk (a live rig, its real staff server on
loopback TLS, a real store) for ``kiosk doctor``'s findings and reads them back as keys and parameters."""
from __future__ import annotations

import json
import threading
from dataclasses import replace

import pytest

from kiosk.card.virtual.pcscd import VIRTUAL_READER
from kiosk.config import Config
from kiosk.doctor.checks import Setup
from kiosk.doctor.findings import Level
from kiosk.doctor.messages import MESSAGES, render
from kiosk.staff import doctor_request
from kiosk.staff import messages as msg
from kiosk.staff.client import KioskLink
from kiosk.staff.doctor_request import ANSWER_WITHIN, DoctorReport, report_of
from kiosk.staff.errors import ProtocolError, RequestFailed
from kiosk.staff.messages import DEFAULT_PORT
from tests.doctor.conftest import ABSENT_READER, bright_camera
from tests.staff.conftest import PASSWORD, USER, audit_rows, standing, wait


def absent_reader_setup(kiosk) -> Setup:
    """The kiosk's own configuration with a reader name no PC/SC service lists; a lit replay camera."""
    config = Config(data_dir=kiosk.folder, key_dir=kiosk.folder / "keys", terminal_root=kiosk.folder / "terminal",
                    reader_name=ABSENT_READER, voice_engine="none")
    return Setup(config, ABSENT_READER, bright_camera)


@pytest.fixture
def running(kiosk_for, lane, tmp_path):
    """A kiosk on the idle screen whose 点検 looks at a reader that is not there, and a paired console."""
    kiosk = kiosk_for(standing("valid-pin", lane, 0))
    kiosk.folder = tmp_path / "kiosk0"
    kiosk.server.doctor.setup = lambda: absent_reader_setup(kiosk)
    link = KioskLink(kiosk.pairing, DEFAULT_PORT).start()
    assert link.wait_online(5)
    yield kiosk, link
    link.stop()


def test_a_signed_in_console_reads_the_findings_as_keys_and_it_is_audited(running):
    kiosk, link = running
    link.sign_in(USER, PASSWORD)
    report = link.request("doctor", timeout=ANSWER_WITHIN)
    assert isinstance(report, DoctorReport)
    lines = {line.name: line for line in report.lines}
    assert list(lines) == [c.name for c in doctor_request._checks(lambda: False)]  # all 13, in order
    assert len(lines) == 13
    reader = lines["reader"]
    if reader.found.key == "reader.no_service":  # no PC/SC service on this machine: still a problem
        assert reader.what_to_do is not None and reader.what_to_do.key == "reader.todo.service"
    else:
        assert reader.found.key == "reader.not_found"
        assert reader.found.params["wanted"] == ABSENT_READER
        assert reader.what_to_do is not None and reader.what_to_do.key == "reader.todo.name"
    assert reader.level is Level.PROBLEM
    assert lines["camera"].found.key == "camera.ok"  # idle: the camera is looked at
    assert lines["store"].found.key == "store.ok"  # the running kiosk's open store
    assert report.exit_code == 2
    # The console renders every line in either language from the keys alone.
    for line in report.lines:
        for lang in ("ja", "en"):
            assert render(line.found, lang)
    rows = audit_rows(kiosk.lane, "doctor_viewed")
    assert len(rows) == 1
    actor, _action, detail = rows[0]
    assert actor == USER and "problems=" in detail


def test_the_wire_carries_no_words_and_no_detail(running, monkeypatch):
    kiosk, link = running
    link.sign_in(USER, PASSWORD)
    monkeypatch.setattr(msg, "read_reply", lambda name, data: data)  # the reply as it came over the wire
    data = link.request("doctor", timeout=ANSWER_WITHIN)
    wire = json.dumps(data, ensure_ascii=False)
    assert "detail" not in wire and '"text"' not in wire
    for line in data["checks"]:
        assert set(line) == {"name", "level", "found", "what_to_do"}
        assert set(line["found"]) == {"key", "params"}
    assert all(words["ja"] not in wire for words in MESSAGES.values() if "{" not in words["ja"])


def test_before_sign_in_it_is_refused(running):
    kiosk, link = running
    with pytest.raises(RequestFailed) as refused:
        link.request("doctor", timeout=10)
    assert refused.value.code == "not_signed_in"
    assert kiosk.server.doctor.runs == 0
    assert audit_rows(kiosk.lane, "doctor_viewed") == []
    assert wait(lambda: audit_rows(kiosk.lane, "staff_peer_refused"))


def test_a_second_request_while_one_runs_gets_the_running_ones_answer(running):
    kiosk, link = running
    link.sign_in(USER, PASSWORD)
    release = threading.Event()
    started = threading.Event()
    setup = kiosk.server.doctor.setup

    def slow_setup() -> Setup:  # holds the run until the second request is in
        started.set()
        assert release.wait(20)
        return setup()

    kiosk.server.doctor.setup = slow_setup
    answers: list = []
    first = threading.Thread(target=lambda: answers.append(link.request("doctor", timeout=ANSWER_WITHIN)))
    first.start()
    assert started.wait(10)
    second = threading.Thread(target=lambda: answers.append(link.request("doctor", timeout=ANSWER_WITHIN)))
    second.start()
    assert wait(lambda: len(kiosk.server.doctor._waiting) == 2)
    release.set()
    first.join(ANSWER_WITHIN)
    second.join(ANSWER_WITHIN)
    assert len(answers) == 2 and answers[0] == answers[1]
    assert kiosk.server.doctor.runs == 1
    assert len(audit_rows(kiosk.lane, "doctor_viewed")) == 2  # each member of staff's look is audited


def test_during_a_reception_the_camera_is_left_alone(kiosk_for, lane, tmp_path):
    kiosk = kiosk_for(standing("valid-pin", lane, 2))  # the patient is entering the PIN
    kiosk.folder = tmp_path / "kiosk0"
    opened = []

    def camera():
        opened.append(True)
        return bright_camera()

    kiosk.server.doctor.setup = lambda: replace(absent_reader_setup(kiosk), camera=camera)
    link = KioskLink(kiosk.pairing, DEFAULT_PORT).start()
    try:
        assert link.wait_online(5)
        link.sign_in(USER, PASSWORD)
        report = link.request("doctor", timeout=ANSWER_WITHIN)
    finally:
        link.stop()
    camera_line = next(line for line in report.lines if line.name == "camera")
    assert camera_line.found.key == "camera.in_reception" and camera_line.level is Level.UNKNOWN
    assert opened == []


def test_a_report_the_console_cannot_read_is_the_kiosks_protocol_error():
    good = {"when": "2026-12-02T17:00:00+09:00", "exit_code": 0, "checks": [
        {"name": "backup", "level": "warn", "found": {"key": "backup.old", "params": {
            "age": {"seconds": 3 * 86400}, "interval": {"seconds": 86400}}},
         "what_to_do": {"key": "backup.todo.old", "params": {}}}]}
    report = report_of(good)
    assert render(report.lines[0].found, "ja") == "最新のバックアップが3日前のものです（ふだんは1日ごと）。"
    assert render(report.lines[0].found, "en") == "newest backup 3 days old (one is due every 1 day)"
    for broken in ({"checks": "x"},
                   {**good, "checks": [{**good["checks"][0], "name": "nothing"}]},
                   {**good, "checks": [{**good["checks"][0], "level": "fine"}]},
                   {**good, "checks": [{**good["checks"][0], "found": {"key": "free text", "params": {}}}]},
                   {**good, "checks": [{**good["checks"][0], "found": {"key": "backup.old", "params": {}}}]},
                   {**good, "checks": [{**good["checks"][0], "found": {"key": "backup.none",
                                                                        "params": {"folder": ["a list"]}}}]}):
        with pytest.raises(ProtocolError):
            report_of(broken)


def test_a_running_kiosks_check_looks_at_the_devices_it_runs_on(tmp_path):
    """The demo's 「点検」 opens the virtual reader and the replay camera the demo shows, a clinic kiosk's the
    configured reader and camera (kiosk/ui/demo.py starts its runtime with ``devices="embedded"``)."""
    config = Config(data_dir=tmp_path, key_dir=tmp_path / "keys", terminal_root=tmp_path / "terminal",
                    camera_index=97, reader_name="ACS ACR39U")
    demo = doctor_request.running_setup(config, "embedded")
    assert demo.reader_name == VIRTUAL_READER
    source = demo.camera()
    try:
        assert source.read(10.0).rgb.shape == (480, 640, 3)
    finally:
        source.close()
    assert doctor_request.running_setup(config, "clinic").reader_name == "ACS ACR39U"
