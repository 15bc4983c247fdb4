"""The folder gateway against files written by hand or by the simulator running in a thread."""
import os
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from kiosk.core.cancel import CancelToken
from kiosk.core.domain import IdentityMethod
from kiosk.core.errors import Cancelled, MalformedResult
from kiosk.core.qualification import Validity
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification import codec, schema
from kiosk.qualification.errors import (
    RequestRejected,
    TerminalFileLocked,
    TerminalFolderMissing,
    TerminalTimeout,
)
from kiosk.qualification.gateway import FolderGateway, TerminalConfig
from kiosk.qualification.scenario import load_scenario
from kiosk.qualification.simulator import TerminalSimulator

QUERY = InsuranceCardQuery("06139999", "見本", "1234567", "00", date(1980, 2, 17))


def _config(root: Path, **changes) -> TerminalConfig:
    values = dict(root=root, institution_code="1312345678", timeout=2.0, poll_interval=0.02, settle=0.5)
    values.update(changes)
    return TerminalConfig(**values)


def _folders(root: Path) -> Path:
    for name in (schema.REQ_DIR, schema.RES_DIR, schema.FACE_DIR):
        (root / name).mkdir(parents=True, exist_ok=True)
    return root


class Terminal:
    """Answers the next request with ``answer(request_path) -> None`` from a thread."""

    def __init__(self, root: Path, answer) -> None:
        self.root = root
        self.answer = answer
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            names = [n for n in os.listdir(self.root / schema.REQ_DIR) if n.endswith(".xml")]
            if names:
                self.answer(self.root / schema.REQ_DIR / names[0])
                return
            time.sleep(0.01)


@pytest.fixture
def simulator(tmp_path):
    """The simulator in a thread, on a scenario file the test may rewrite."""
    scenario_file = tmp_path / "scenario.json"
    scenario_file.write_text('{"extends": "valid"}', encoding="utf-8")
    stop = threading.Event()
    sim = TerminalSimulator(tmp_path / "terminal", scenario_file)
    thread = threading.Thread(target=sim.run, args=(stop, 0.02), daemon=True)
    thread.start()
    yield sim, scenario_file
    stop.set()
    thread.join(2)


def test_insurance_card_check_through_the_simulator(simulator):
    sim, _ = simulator
    gateway = FolderGateway(_config(sim.root, encoding="shift_jis"))
    result = gateway.check_by_insurance_card(QUERY, CancelToken())
    assert result.validity is Validity.VALID
    assert result.institution_code == "1312345678"
    assert os.listdir(sim.root / schema.RES_DIR) == []  # the answer is not left in the shared folder


def test_card_check_answer_and_face_push(simulator, certificate):
    sim, scenario_file = simulator
    scenario_file.write_text('{"extends": "valid", "face": true}', encoding="utf-8")
    gateway = FolderGateway(_config(sim.root))
    watcher = gateway.face_watcher()
    result = gateway.check_by_card(certificate, IdentityMethod.FACE, None, False, CancelToken())
    assert result.record.name == "見本　太郎"
    arrivals = watcher.wait(CancelToken(), 2.0)
    assert arrivals[0].result.record == result.record
    assert arrivals[0].name.startswith("OQSsiquc01res_face_1312345678")
    assert watcher.poll() == []  # each file is reported once


def test_card_check_pushes_no_face_file_by_default(simulator, certificate):
    """The kiosk publishes the face file itself after consent: the simulator must not write a second one."""
    sim, _ = simulator
    gateway = FolderGateway(_config(sim.root))
    watcher = gateway.face_watcher()
    gateway.check_by_card(certificate, IdentityMethod.PIN, None, False, CancelToken())
    with pytest.raises(TerminalTimeout):
        watcher.wait(CancelToken(), 0.5)


def test_a_half_written_answer_is_read_once_complete(simulator, certificate):
    sim, scenario_file = simulator
    scenario_file.write_text('{"extends": "valid", "write": "in_place"}', encoding="utf-8")
    gateway = FolderGateway(_config(sim.root, settle=1.0))
    assert gateway.check_by_card(certificate, IdentityMethod.PIN, None, False, CancelToken()).validity is Validity.VALID


def test_missing_root_is_a_named_error(tmp_path):
    with pytest.raises(TerminalFolderMissing):
        FolderGateway(_config(tmp_path / "nowhere")).check_by_insurance_card(QUERY, CancelToken())


def test_no_answer_times_out_and_withdraws_the_request(tmp_path):
    root = _folders(tmp_path)
    with pytest.raises(TerminalTimeout):
        FolderGateway(_config(root, timeout=0.2)).check_by_insurance_card(QUERY, CancelToken())
    assert os.listdir(root / schema.REQ_DIR) == []


def test_cancel_ends_the_wait_and_withdraws_the_request(tmp_path):
    root = _folders(tmp_path)
    cancel = CancelToken()
    threading.Timer(0.1, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        FolderGateway(_config(root, timeout=5)).check_by_insurance_card(QUERY, cancel)
    assert time.monotonic() - started < 1
    assert os.listdir(root / schema.REQ_DIR) == []


def test_an_err_file_is_request_rejected(tmp_path):
    root = _folders(tmp_path)

    def reject(request: Path) -> None:
        (root / schema.RES_DIR / (schema.answer_stem_for(request.name) + ".err")).write_bytes(
            "E1001 要求ファイル不正\n".encode("cp932"))

    Terminal(root, reject)
    with pytest.raises(RequestRejected, match="E1001"):
        FolderGateway(_config(root)).check_by_insurance_card(QUERY, CancelToken())


def test_an_answer_named_otherwise_is_matched_by_its_file_identifier(tmp_path, valid_result):
    root = _folders(tmp_path)
    (root / schema.RES_DIR / "OQSsiquc01res_someone-else.xml").write_bytes(codec.encode_result(valid_result))

    def answer(request: Path) -> None:
        header, _ = codec.decode_insurance_request(request.read_bytes())
        request.unlink()
        from dataclasses import replace

        renamed = replace(valid_result, file_id=header.file_id, validity=Validity.NO_RECORD, records=())
        data = codec.encode_result(renamed)
        (root / schema.RES_DIR / "OQSsiquc01res_renamed.xml").write_bytes(data)

    Terminal(root, answer)
    result = FolderGateway(_config(root)).check_by_insurance_card(QUERY, CancelToken())
    assert result.validity is Validity.NO_RECORD
    assert os.listdir(root / schema.RES_DIR) == ["OQSsiquc01res_someone-else.xml"]  # not ours: untouched


def test_a_complete_malformed_answer_is_rejected_without_waiting_out_the_settle_time(tmp_path):
    root = _folders(tmp_path)

    def answer(request: Path) -> None:
        path = root / schema.RES_DIR / (schema.answer_stem_for(request.name) + ".xml")
        path.write_bytes(b"<XmlMsg><MessageHeader>")
        os.utime(path, (time.time() - 60, time.time() - 60))

    Terminal(root, answer)
    started = time.monotonic()
    with pytest.raises(MalformedResult):
        FolderGateway(_config(root, settle=5)).check_by_insurance_card(QUERY, CancelToken())
    assert time.monotonic() - started < 2


def test_a_locked_answer_is_a_named_error(tmp_path, valid_result, monkeypatch):
    root = _folders(tmp_path)
    real_read = Path.read_bytes

    def locked(path: Path) -> bytes:
        if path.parent.name == schema.RES_DIR:
            raise PermissionError(13, "locked by another process")
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", locked)
    Terminal(root, lambda request: (root / schema.RES_DIR / (schema.answer_stem_for(request.name) + ".xml"))
             .write_bytes(codec.encode_result(valid_result)))
    with pytest.raises(TerminalFileLocked):
        FolderGateway(_config(root, settle=0.2)).check_by_insurance_card(QUERY, CancelToken())


def test_a_folder_vanishing_during_the_wait_is_a_named_error(tmp_path):
    root = _folders(tmp_path)
    Terminal(root, lambda request: (root / schema.RES_DIR).rename(root / "gone"))
    with pytest.raises(TerminalFolderMissing):
        FolderGateway(_config(root)).check_by_insurance_card(QUERY, CancelToken())


def test_face_watcher_reports_new_files_and_malformed_ones(tmp_path, valid_result):
    root = _folders(tmp_path)
    face = root / schema.FACE_DIR
    (face / "OQSsiquc01res_face_13123456780000000001_20261127085900.xml").write_bytes(codec.encode_result(valid_result))
    watcher = FolderGateway(_config(root, settle=0.0)).face_watcher()
    assert watcher.poll() == []  # what was there before is not news
    (face / "OQSsiquc01res_face_13123456780000000002_20261127090000.xml").write_bytes(b"<XmlMsg>")
    (face / "OQSsiquc01res_face_13123456780000000003_20261127090100.xml").write_bytes(codec.encode_result(valid_result))
    (face / "unrelated.txt").write_text("x")
    first, second = watcher.poll()
    assert isinstance(first.error, MalformedResult) and first.result is None
    assert second.result == valid_result
    with pytest.raises(TerminalTimeout):
        watcher.wait(CancelToken(), 0.1)


def test_batch_check_through_the_simulator(simulator):
    sim, _ = simulator
    gateway = FolderGateway(_config(sim.root))
    number = gateway.submit_batch((QUERY, QUERY), CancelToken())
    entries = gateway.fetch_batch(number, CancelToken())
    assert [entry.query for entry in entries] == [QUERY, QUERY]
    assert all(entry.result.validity is Validity.VALID for entry in entries)
    assert entries[0].result.record == load_scenario("valid").result.record


def test_a_zip_answer_is_unpacked(tmp_path, valid_result):
    import io
    import zipfile

    root = _folders(tmp_path)

    def answer(request: Path) -> None:
        stem = schema.answer_stem_for(request.name)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("readme.txt", "x")
            archive.writestr(stem + ".xml", codec.encode_result(valid_result, "1"))
        (root / schema.RES_DIR / (stem + ".zip")).write_bytes(buffer.getvalue())

    Terminal(root, answer)
    assert FolderGateway(_config(root)).check_by_insurance_card(QUERY, CancelToken()).records == valid_result.records
    assert os.listdir(root / schema.RES_DIR) == []
