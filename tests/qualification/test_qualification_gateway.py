"""The folder gateway against files written by hand or by the simulator running in a thread."""
import os
import sys
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kiosk.core.cancel import CancelToken
from kiosk.core.domain import IdentityMethod
from kiosk.core.errors import Cancelled, MalformedResult
from kiosk.core.qualification import Validity
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification import codec, folders, schema, xmlsafe
from kiosk.qualification.codec import BatchEntry
from kiosk.qualification.errors import (
    RequestRejected,
    ResultTooLarge,
    TerminalFileLocked,
    TerminalFileVanished,
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


def test_a_rejection_is_the_request_back_in_res_with_a_same_stem_err(tmp_path):
    """As hongchinh/emr-cloud-online Services/XmlFileService.cs (SendXmlResponse, OnCreated) sees a rejection:
    ``OQSsiquc01req_<id>.xml`` reappears in ``res`` with ``OQSsiquc01req_<id>.err`` beside it. Both hold
    personal data and are removed once read."""
    root = _folders(tmp_path)

    def reject(request: Path) -> None:
        res = root / schema.RES_DIR
        folders.atomic_write(res, request.stem + ".err", "E1001 要求ファイル不正\n".encode("cp932"))
        request.rename(res / request.name)

    Terminal(root, reject)
    with pytest.raises(RequestRejected, match="E1001"):
        FolderGateway(_config(root)).check_by_insurance_card(QUERY, CancelToken())
    assert os.listdir(root / schema.RES_DIR) == [] and os.listdir(root / schema.REQ_DIR) == []


def _reject_err_first(root: Path, returned: threading.Event, held: threading.Event | None = None):
    """A terminal that writes the ``.err`` first and hands the request back a moment later (or, with
    ``held``, only once the test says so): the request must not stay behind in ``res``."""

    def reject(request: Path) -> None:
        res = root / schema.RES_DIR
        data = request.read_bytes()
        request.unlink()
        folders.atomic_write(res, request.stem + ".err", "E1001 要求ファイル不正\n".encode("cp932"))

        def hand_back() -> None:
            if held is not None:
                held.wait(10)
            else:
                time.sleep(0.1)
            (res / request.name).write_bytes(data)
            returned.set()

        threading.Thread(target=hand_back, daemon=True).start()

    return reject


def test_a_request_handed_back_after_its_err_is_removed_too(tmp_path):
    root = _folders(tmp_path)
    returned = threading.Event()
    Terminal(root, _reject_err_first(root, returned))
    with pytest.raises(RequestRejected, match="E1001"):
        FolderGateway(_config(root)).check_by_insurance_card(QUERY, CancelToken())
    assert returned.wait(5)
    assert os.listdir(root / schema.RES_DIR) == [] and os.listdir(root / schema.REQ_DIR) == []


def test_a_request_handed_back_after_the_exchange_is_removed_at_the_next_look(tmp_path, valid_result):
    root = _folders(tmp_path)
    returned, held = threading.Event(), threading.Event()
    gateway = FolderGateway(_config(root, settle=0.1))
    Terminal(root, _reject_err_first(root, returned, held))
    with pytest.raises(RequestRejected):
        gateway.check_by_insurance_card(QUERY, CancelToken())
    held.set()
    assert returned.wait(5)

    def answer(request: Path) -> None:
        header, _ = codec.decode_insurance_request(request.read_bytes())
        request.unlink()
        data = codec.encode_result(replace(valid_result, file_id=header.file_id))
        (root / schema.RES_DIR / (schema.answer_stem_for(request.name) + ".xml")).write_bytes(data)

    Terminal(root, answer)
    gateway.check_by_insurance_card(QUERY, CancelToken())
    assert os.listdir(root / schema.RES_DIR) == []


def _reject_with_err_only(root: Path, taken: list[tuple[str, bytes]]):
    """A terminal that writes the ``.err`` and keeps the request: the test hands it back itself, later."""

    def reject(request: Path) -> None:
        taken.append((request.name, request.read_bytes()))
        request.unlink()
        folders.atomic_write(root / schema.RES_DIR, request.stem + ".err", "E1001 要求ファイル不正\n".encode("cp932"))

    return reject


def _wait_until_empty(folder: Path, seconds: float = 3.0) -> list[str]:
    deadline = time.monotonic() + seconds
    while os.listdir(folder) and time.monotonic() < deadline:
        time.sleep(0.02)
    return os.listdir(folder)


def test_a_request_returned_after_the_exchange_ended_is_removed_without_another_exchange(tmp_path):
    """The ``.err`` first, the request only after the exchange gave up waiting for it (the race in a real
    terminal): the gateway's watch on ``res`` removes it when it appears, with no next exchange to sweep it."""
    root = _folders(tmp_path)
    taken: list[tuple[str, bytes]] = []
    gateway = FolderGateway(_config(root, settle=0.05))
    Terminal(root, _reject_with_err_only(root, taken))
    with pytest.raises(RequestRejected, match="E1001"):
        gateway.check_by_insurance_card(QUERY, CancelToken())
    res = root / schema.RES_DIR
    assert os.listdir(res) == []  # the .err is gone
    (name, data), = taken
    folders.atomic_write(res, name, data)  # after the .err, and after the exchange: written by the test itself
    try:
        assert _wait_until_empty(res) == []
    finally:
        gateway.close()


def test_closing_the_gateway_removes_a_request_returned_late(tmp_path):
    """Without file notifications (a network share) nothing is woken when the late request appears; closing
    the gateway (the end of ``kiosk oqs check``) looks at ``res`` once more and removes it."""
    root = _folders(tmp_path)
    taken: list[tuple[str, bytes]] = []
    gateway = FolderGateway(_config(root, settle=0.05, notify=False))
    Terminal(root, _reject_with_err_only(root, taken))
    with pytest.raises(RequestRejected):
        gateway.check_by_insurance_card(QUERY, CancelToken())
    (name, data), = taken
    res = root / schema.RES_DIR
    (res / name).write_bytes(data)
    gateway.close()
    assert os.listdir(res) == []


def test_an_err_named_as_an_answer_is_not_taken_for_a_rejection(tmp_path):
    """No public client looks for ``…res_<id>.err``; the gateway waits for the real answer beside it."""
    root = _folders(tmp_path)
    valid = load_scenario("valid").result

    def answer(request: Path) -> None:
        res = root / schema.RES_DIR
        (res / (schema.answer_stem_for(request.name) + ".err")).write_text("E9 old form")
        header, _query = codec.decode_insurance_request(request.read_bytes())
        data = codec.encode_result(replace(valid, file_id=header.file_id))
        (res / (schema.answer_stem_for(request.name) + ".xml")).write_bytes(data)

    Terminal(root, answer)
    assert FolderGateway(_config(root)).check_by_insurance_card(QUERY, CancelToken()).records == valid.records


def test_an_answer_named_otherwise_is_matched_by_its_file_identifier(tmp_path, valid_result):
    root = _folders(tmp_path)
    (root / schema.RES_DIR / "OQSsiquc01res_someone-else.xml").write_bytes(codec.encode_result(valid_result))

    def answer(request: Path) -> None:
        header, _ = codec.decode_insurance_request(request.read_bytes())
        request.unlink()
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
    real_open = folders.open_shared

    def locked(path: Path):
        if path.parent.name == schema.RES_DIR:
            raise PermissionError(13, "locked by another process")  # what Windows says to a sharing violation
        return real_open(path)

    monkeypatch.setattr(folders, "open_shared", locked)
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
    number = gateway.submit_batch((QUERY, QUERY), CancelToken(), identifiers=("appt-1", "appt-2"))
    answer = gateway.fetch_batch(number, CancelToken())
    assert [entry.query for entry in answer.entries] == [QUERY, QUERY]
    assert [entry.identifier for entry in answer.entries] == ["appt-1", "appt-2"]
    assert all(entry.result.validity is Validity.VALID for entry in answer.entries)
    assert answer.entries[0].result.record == load_scenario("valid").result.record
    assert (answer.reception_number, answer.processed, answer.normal, answer.errors) == (number, 2, 2, 0)
    assert os.listdir(sim.root / schema.RES_DIR) == []


def test_a_batch_answer_named_otherwise_is_matched_by_its_reception_number(tmp_path, valid_result):
    """The download request carries no ArbitraryFileIdentifier, so hongchinh/emr-cloud-online
    Services/XmlFileService.cs (GetRequestComparationReceptionNumber) matches its answer by ReceptionNumber."""
    root = _folders(tmp_path)
    res = root / schema.RES_DIR

    def answer(request: Path) -> None:
        _header, number = codec.decode_batch_download_request(request.read_bytes())
        request.unlink()
        for name, reception in (("OQSmuquc02res_other.xml", "R-other"), ("OQSmuquc02res_renamed.xml", number)):
            (res / name).write_bytes(codec.encode_batch_download_answer(
                (BatchEntry(QUERY, valid_result),), reception_number=reception, file_id="", institution_code="1",
                processed_at=valid_result.processed_at, character_code="0"))

    Terminal(root, answer)
    batch = FolderGateway(_config(root)).fetch_batch("R-ours", CancelToken())
    assert batch.reception_number == "R-ours" and batch.entries[0].result.records == valid_result.records
    assert os.listdir(res) == ["OQSmuquc02res_other.xml"]


# --- files that vanish, files too large -----------------------------------------------------------


class Moving(CancelToken):
    """A cancel token whose waits let the other side act: ``between()`` runs at each wait."""

    def __init__(self, between) -> None:
        super().__init__()
        self.between = between
        self.waits = 0

    def wait(self, seconds: float) -> bool:
        self.waits += 1
        self.between()
        return super().wait(0)


def test_a_file_gone_when_read_is_read_once_more(tmp_path, valid_result):
    """The レセコン moves face files right after reading them (YUKI-ENT/MynaReception
    docs/ReceptionAgent_FaceCapture.md); a file replaced by a rename is briefly not there."""
    path = tmp_path / "OQSsiquc01res_x.xml"
    token = Moving(lambda: path.write_bytes(codec.encode_result(valid_result)))
    assert folders.read_settled(path, codec.decode_result, token, time.monotonic() + 1, 1.0, 0.0) == valid_result
    assert token.waits == 1


def test_a_file_gone_twice_is_a_named_error(tmp_path):
    token = Moving(lambda: None)
    with pytest.raises(TerminalFileVanished) as caught:
        folders.read_settled(tmp_path / "gone.xml", codec.decode_result, token, time.monotonic() + 1, 1.0, 0.0)
    assert caught.value.code == "terminal_file_vanished" and token.waits == 1


def test_an_answer_that_vanishes_is_a_named_error(tmp_path):
    root = _folders(tmp_path)
    # A dangling link: listed in ``res``, gone whenever it is read.
    Terminal(root, lambda request: (root / schema.RES_DIR / (schema.answer_stem_for(request.name) + ".xml"))
             .symlink_to(tmp_path / "moved-away.xml"))
    with pytest.raises(TerminalFileVanished):
        FolderGateway(_config(root)).check_by_insurance_card(QUERY, CancelToken())


def test_a_face_file_moved_away_before_it_is_read_is_reported_by_name(tmp_path):
    root = _folders(tmp_path)
    watcher = FolderGateway(_config(root, settle=0.0)).face_watcher()
    name = "OQSsiquc01res_face_13123456780000000001_20261127090000.xml"
    (root / schema.FACE_DIR / name).symlink_to(tmp_path / "trash" / name)
    (arrival,) = watcher.poll()
    assert arrival.name == name and isinstance(arrival.error, TerminalFileVanished)


def test_the_size_is_looked_at_before_a_byte_is_read(tmp_path, monkeypatch):
    path = tmp_path / "OQSsiquc01res_huge.xml"
    with open(path, "wb") as handle:
        handle.truncate(xmlsafe.MAX_BYTES + 1)  # sparse: large on paper, nothing written
    opened: list[Path] = []
    monkeypatch.setattr(folders, "open_shared", lambda p: opened.append(p))
    with pytest.raises(ResultTooLarge):
        folders.read_settled(path, codec.decode_result, CancelToken(), time.monotonic() + 1, 5.0, 0.0)
    assert opened == []


@pytest.mark.skipif(sys.platform != "win32", reason="FILE_SHARE_DELETE is a Windows sharing mode")
def test_on_windows_a_file_being_read_can_still_be_deleted(tmp_path):
    """What the レセコン does while the kiosk reads (YUKI-ENT/MynaReception
    src/ReceptionAgent.Core/Face/FaceXmlParser.cs opens with FileShare.ReadWrite | FileShare.Delete)."""
    path = tmp_path / "face.xml"
    path.write_bytes(b"<XmlMsg/>")
    with folders.open_shared(path) as handle:
        os.remove(path)  # a plain open() would make this a PermissionError
        assert handle.read() == b"<XmlMsg/>"


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


def test_the_simulator_answers_a_batch_download_with_a_zip(tmp_path):
    """Batch results may come as .zip (YUKI-ENT/OQSDrug2 OQSDrug/BulkQualificationService.cs, ImportResultAsync)."""
    sim = TerminalSimulator(tmp_path, "valid")
    req, res = tmp_path / schema.REQ_DIR, tmp_path / schema.RES_DIR
    header = codec.RequestHeader("up1", "1312345678", date(2026, 11, 27), "0")
    (req / "OQSmuquc01req_up1.xml").write_bytes(codec.encode_batch_upload_request(header, (QUERY,), ("a-1",)))
    sim.step()
    sim.step()  # the answer is written on the step after the request is taken
    number = codec.decode_batch_upload_answer((res / "OQSmuquc01res_up1.xml").read_bytes())
    (req / "OQSmuquc02req_dl1.xml").write_bytes(codec.encode_batch_download_request(header, number))
    sim.step()
    sim.step()
    answer = folders.read_settled(res / "OQSmuquc02res_dl1.zip", codec.decode_batch_download_answer, CancelToken(),
                                  time.monotonic() + 1, 1.0, 0.0)
    assert answer.reception_number == number and answer.entries[0].identifier == "a-1"
    assert answer.entries[0].result.file_id == "up1"  # the download request has none: the upload's is repeated
