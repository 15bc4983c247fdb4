"""Terminal files are bounded before and while they are read: size by stat, depth, element count, digits,
zip members. Memory is measured in a child process (ru_maxrss is a peak: the test process's own would hide it)."""
import dataclasses
import io
import os
import re
import subprocess
import sys
import textwrap
import threading
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import MalformedResult
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification import codec, folders, schema, xmlsafe
from kiosk.qualification.codec import BatchEntry
from kiosk.qualification.errors import (
    NotARegularFile,
    NumberTooLong,
    ResultOutOfBounds,
    ResultTooDeep,
    ResultTooLarge,
    ResultTooManyElements,
    ZipTooManyMembers,
)
from kiosk.qualification.gateway import FolderGateway, TerminalConfig
from kiosk.qualification.simulator import TerminalSimulator

needs_rss = pytest.mark.skipif(sys.platform == "win32", reason="ru_maxrss (the resource module) is POSIX")

REPO = Path(__file__).resolve().parents[2]
QUERY = InsuranceCardQuery("06139999", "見本", "1234567", "00", date(1980, 2, 17))
MIB = 1024 * 1024
GROWTH_LIMIT_MIB = 100  # what any refused file may cost the reader at most

# The child imports everything first, takes its peak as the baseline, runs ``run(path)`` and prints the
# outcome (a named error's code, or what ``run`` returns) and how far its peak grew, in MiB.
HARNESS = """
import os, resource, sys, threading, time
from datetime import date
from pathlib import Path
from kiosk.commands.main import main as cli
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import KioskError
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification import codec, folders, schema, xmlsafe
from kiosk.qualification.gateway import FolderGateway, TerminalConfig
from kiosk.qualification.simulator import TerminalSimulator

def peak_mib():
    value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return value / (1024 * 1024 if sys.platform == "darwin" else 1024)

def answer_when_asked(root, make):
    def wait():
        while True:
            names = [n for n in os.listdir(root / schema.REQ_DIR) if n.endswith(".xml")]
            if names:
                make(root / schema.RES_DIR / schema.answer_stem_for(names[0]))
                return
            time.sleep(0.01)
    threading.Thread(target=wait, daemon=True).start()

def config(root):
    return TerminalConfig(root, institution_code="1312345678", timeout=2.0, poll_interval=0.02, settle=0.5)

QUERY = InsuranceCardQuery("06139999", "見本", "1234567", "00", date(1980, 2, 17))
SPARSE = 700 * 1024 * 1024

def sparse(path):
    with open(path, "wb") as handle:
        handle.truncate(SPARSE)
"""

EPILOGUE = """
before = peak_mib()
try:
    outcome = run(Path(sys.argv[1]))
except KioskError as error:
    outcome = error.code
print(outcome, round(peak_mib() - before, 1))
"""


# On Linux a process's ru_maxrss starts at the peak of the process it was forked from (the kernel keeps the
# old image's high-water mark across exec), so a child of this test process would start at pytest's peak
# and hide anything below it. The child is started by a small launcher instead: its own child starts low.
LAUNCHER = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"


def _in_child(snippet: str, path: Path) -> tuple[str, float]:
    script = HARNESS + textwrap.dedent(snippet) + EPILOGUE
    done = subprocess.run([sys.executable, "-c", LAUNCHER, sys.executable, "-c", script, str(path)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    outcome, growth = done.stdout.split("\n")[-2].rsplit(" ", 1)
    print(f"child: {outcome}, peak grew {growth} MiB")  # shown with -s: how small it stayed
    return outcome, float(growth)


def _folders(root: Path) -> Path:
    for name in (schema.REQ_DIR, schema.RES_DIR, schema.FACE_DIR):
        (root / name).mkdir(parents=True, exist_ok=True)
    return root


def _config(root: Path, settle: float = 0.5) -> TerminalConfig:
    return TerminalConfig(root, institution_code="1312345678", timeout=3.0, poll_interval=0.02, settle=settle)


def _answer_when_asked(root: Path, make) -> None:
    """``make(answer_stem_path)`` once the gateway's request is in ``req``."""

    def wait() -> None:
        deadline = time.monotonic() + 30  # a busy machine may take a while to write the request
        while time.monotonic() < deadline:
            names = [n for n in os.listdir(root / schema.REQ_DIR) if n.endswith(".xml")]
            if names:
                make(root / schema.RES_DIR / schema.answer_stem_for(names[0]))
                return
            time.sleep(0.01)

    threading.Thread(target=wait, daemon=True).start()


def _nested(depth: int) -> bytes:
    return b"<a>" * depth + b"</a>" * depth


def _batch_answer(valid_result, people: int = 1) -> bytes:
    entries = tuple(BatchEntry(QUERY, valid_result, identifier=f"a-{i}") for i in range(people))
    return codec.encode_batch_download_answer(entries, reception_number="R1", file_id="up1",
                                              institution_code="1312345678", processed_at=datetime(2026, 11, 27, 9),
                                              character_code="0")


def _with_text(data: bytes, tag: str, value: str) -> bytes:
    changed, count = re.subn(f"<{tag}>[^<]*</{tag}>".encode(), f"<{tag}>{value}</{tag}>".encode(), data, count=1)
    assert count == 1, tag
    return changed


READ_BATCH_ANSWER = """
def run(path):
    folders.read_settled(path, codec.decode_batch_download_answer, CancelToken(), time.monotonic() + 5, 0.0, 0.0)
    return "parsed"
"""


# --- nodes, not bytes -----------------------------------------------------------------------------


@needs_rss
def test_eight_mib_of_unclosed_elements_is_refused_at_the_depth_limit_with_little_memory(tmp_path):
    path = tmp_path / "OQSmuquc02res_unclosed.xml"
    path.write_bytes(b"<XmlMsg>" + b"<a>" * ((8 * MIB - 8) // 3))
    outcome, growth = _in_child(READ_BATCH_ANSWER, path)
    assert growth < GROWTH_LIMIT_MIB
    assert outcome == ResultTooDeep.code


@needs_rss
def test_a_nesting_over_a_million_deep_is_refused_with_little_memory(tmp_path):
    path = tmp_path / "OQSmuquc02res_deep.xml"
    path.write_bytes(b"<a>" * 1_190_000 + b"</a>" * 1_190_000)  # well-formed, just under 8 MiB
    outcome, growth = _in_child(READ_BATCH_ANSWER, path)
    assert growth < GROWTH_LIMIT_MIB
    assert outcome == ResultTooDeep.code


@needs_rss
def test_millions_of_flat_elements_are_refused_at_the_element_limit_with_little_memory(tmp_path):
    path = tmp_path / "OQSmuquc02res_flat.xml"
    path.write_bytes(b"<XmlMsg>" + b"<a/>" * ((8 * MIB - 17) // 4) + b"</XmlMsg>")
    outcome, growth = _in_child(READ_BATCH_ANSWER, path)
    assert growth < GROWTH_LIMIT_MIB
    assert outcome == ResultTooManyElements.code


@needs_rss
def test_a_start_tag_of_700_000_attributes_is_refused_before_expat_gathers_them(tmp_path):
    path = tmp_path / "OQSmuquc02res_attributes.xml"
    attributes = b"".join(b' a%d=""' % i for i in range(700_000))  # ~7.6 MB in one tag
    path.write_bytes(b"<XmlMsg" + attributes + b"/>")
    outcome, growth = _in_child(READ_BATCH_ANSWER, path)
    assert growth < GROWTH_LIMIT_MIB
    assert outcome == ResultTooManyElements.code


def test_an_individual_file_has_tighter_node_limits_than_a_batch():
    limit = xmlsafe.INDIVIDUAL.max_depth
    with pytest.raises(ResultTooDeep) as deep:
        codec.decode_result(_nested(limit + 1))
    assert f"{limit}" in str(deep.value)
    with pytest.raises(MalformedResult) as at_limit:
        codec.decode_result(_nested(limit))
    assert not isinstance(at_limit.value, ResultOutOfBounds)  # parsed; just no result file
    many = b"<XmlMsg>" + b"<a/>" * xmlsafe.INDIVIDUAL.max_elements + b"</XmlMsg>"
    with pytest.raises(ResultTooManyElements) as caught:
        codec.decode_result(many)
    assert f"{xmlsafe.INDIVIDUAL.max_elements:,}" in str(caught.value)
    assert len(many) < xmlsafe.INDIVIDUAL.max_bytes
    with pytest.raises(MalformedResult) as batch:
        codec.decode_batch_download_answer(many)
    assert not isinstance(batch.value, ResultOutOfBounds)


def test_a_realistic_batch_answer_is_within_the_batch_limits(valid_result):
    answer = codec.decode_batch_download_answer(_batch_answer(valid_result, 500))
    assert len(answer.entries) == 500


def test_an_individual_file_above_its_size_is_refused_before_a_byte_is_read(tmp_path, valid_result, monkeypatch):
    face = tmp_path / "OQSsiquc01res_face_13123456780000000001_20261127090000.xml"
    data = codec.encode_result(valid_result)
    face.write_bytes(data + b" " * (xmlsafe.INDIVIDUAL.max_bytes - len(data) + 1))
    opened: list[Path] = []
    monkeypatch.setattr(folders, "open_shared", lambda p: opened.append(p))
    with pytest.raises(ResultTooLarge) as caught:
        folders.read_settled(face, codec.decode_result, CancelToken(), time.monotonic() + 1, 5.0, 0.0,
                             max_bytes=xmlsafe.INDIVIDUAL.max_bytes)
    assert opened == []
    assert face.name in str(caught.value) and f"{xmlsafe.INDIVIDUAL.max_bytes:,}" in str(caught.value)


# --- every read path sizes by stat first ----------------------------------------------------------

SPARSE_READS = {  # id: (what the child runs on the folder root, the outcome)
    "gateway res": ("""
def run(root):
    answer_when_asked(root, lambda stem: sparse(Path(str(stem) + ".xml")))
    FolderGateway(config(root)).check_by_insurance_card(QUERY, CancelToken())
""", ResultTooLarge.code),
    "gateway res, named otherwise": ("""
def run(root):
    answer_when_asked(root, lambda stem: sparse(root / "res" / "OQSsiquc01res_other.xml"))
    FolderGateway(config(root)).check_by_insurance_card(QUERY, CancelToken())
""", "terminal_timeout"),  # looked at by size, passed over, and no answer came
    "batch zip": ("""
def run(root):
    answer_when_asked(root, lambda stem: sparse(Path(str(stem) + ".zip")))
    FolderGateway(config(root)).fetch_batch("R1", CancelToken())
""", ResultTooLarge.code),
    "face watcher": ("""
def run(root):
    watcher = FolderGateway(config(root)).face_watcher()
    sparse(root / "face" / "OQSsiquc01res_face_13123456780000000001_20261127090000.xml")
    (arrival,) = watcher.poll()
    return arrival.error.code
""", ResultTooLarge.code),
    "simulator req": ("""
def run(root):
    sparse(root / "req" / "OQSmuquc01req_big.xml")
    simulator = TerminalSimulator(root, "valid")
    simulator.step()
    simulator.step()
    return "ignored" if not os.listdir(root / "req") and not os.listdir(root / "res") else "read"
""", "ignored"),
    "oqs parse": ("""
def run(root):
    path = root / "res" / "OQSsiquc01res_big.xml"
    sparse(path)
    return f"exit {cli(['oqs', 'parse', str(path)])}"
""", "exit 2"),
}


@needs_rss
@pytest.mark.parametrize(("snippet", "expected"), SPARSE_READS.values(), ids=SPARSE_READS.keys())
def test_a_700_mib_sparse_file_is_refused_without_being_read(tmp_path, snippet, expected):
    outcome, growth = _in_child(snippet, _folders(tmp_path))
    assert growth < GROWTH_LIMIT_MIB
    assert outcome == expected


def test_the_cli_names_the_limit_it_refused_a_file_by(tmp_path):
    path = tmp_path / "OQSsiquc01res_big.xml"
    with open(path, "wb") as handle:
        handle.truncate(700 * MIB)
    done = subprocess.run([sys.executable, "-m", "kiosk", "oqs", "parse", str(path)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "result_too_large" in done.stderr and path.name in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_res_is_refused_instead_of_blocking(tmp_path):
    pipe = tmp_path / "OQSsiquc01res_pipe.xml"
    os.mkfifo(pipe)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            folders.read_settled(pipe, codec.decode_result, CancelToken(), time.monotonic() + 1, 0.0, 0.0)
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # it blocked in open(): let it go before failing
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(5)
        pytest.fail("reading a named pipe blocked")
    assert isinstance(outcome[0], NotARegularFile) and pipe.name in str(outcome[0])


# --- the gateway ends the check at once -----------------------------------------------------------


def test_a_too_deep_answer_ends_the_check_at_once_with_the_named_error(tmp_path, monkeypatch):
    root = _folders(tmp_path)
    reads: list[int] = []
    real = codec.decode_result

    def counting(data: bytes):
        reads.append(len(data))
        return real(data)

    monkeypatch.setattr(codec, "decode_result", counting)
    # Written whole at once (as the terminal does), so the one read is of the whole file, however busy the machine
    _answer_when_asked(root, lambda stem: folders.atomic_write(Path(stem).parent, Path(stem).name + ".xml",
                                                               _nested(200)))
    with pytest.raises(ResultTooDeep) as caught:
        FolderGateway(_config(root, settle=30.0)).check_by_insurance_card(QUERY, CancelToken())
    assert len(reads) == 1  # a deeper file does not get shallower by waiting: no retry until the settle time
    assert "OQSsiquc01res_" in str(caught.value) and f"{xmlsafe.INDIVIDUAL.max_depth}" in str(caught.value)
    assert os.listdir(root / schema.RES_DIR) == []  # removed like any answer read


def test_a_face_file_beyond_the_limits_is_reported_at_once(tmp_path):
    root = _folders(tmp_path)
    watcher = FolderGateway(_config(root, settle=60.0)).face_watcher()
    name = "OQSsiquc01res_face_13123456780000000001_20261127090000.xml"
    (root / schema.FACE_DIR / name).write_bytes(_nested(100))
    (arrival,) = watcher.poll()  # just written, but no waiting makes it readable
    assert arrival.name == name and isinstance(arrival.error, ResultTooDeep)


def test_the_simulator_rejects_a_request_beyond_the_limits_by_name(tmp_path):
    simulator = TerminalSimulator(_folders(tmp_path), "valid")
    request = "OQSsiquc01req_deep.xml"
    (tmp_path / schema.REQ_DIR / request).write_bytes(_nested(100))
    simulator.step()
    simulator.step()
    err = (tmp_path / schema.RES_DIR / schema.rejection_name(request)).read_text()
    assert "result_too_deep" in err and f"{xmlsafe.INDIVIDUAL.max_depth}" in err


# --- numbers ----------------------------------------------------------------------------------------


def test_a_five_thousand_digit_number_is_a_named_error(valid_result):
    data = _with_text(codec.encode_result(valid_result), "InsuredPartialContributionRatio", "9" * 5000)
    with pytest.raises(NumberTooLong) as caught:
        codec.decode_result(data)
    assert "InsuredPartialContributionRatio" in str(caught.value) and "5,000" in str(caught.value)


def test_a_ratio_has_three_digits_at_most(valid_result):
    with pytest.raises(NumberTooLong) as caught:
        codec.decode_result(_with_text(codec.encode_result(valid_result), "InsuredPartialContributionRatio", "0030"))
    assert "3 digits" in str(caught.value)


def test_a_too_long_count_in_a_batch_header_is_a_named_error(valid_result):
    data = _with_text(_batch_answer(valid_result), schema.COUNT_PROCESSED, "1" * 5000)
    with pytest.raises(NumberTooLong):
        codec.decode_batch_download_answer(data)


def test_a_too_long_number_through_the_gateway_is_a_named_failure(tmp_path, valid_result):
    root = _folders(tmp_path)

    def answer(stem: Path) -> None:
        request = next((root / schema.REQ_DIR).iterdir())
        header, _query = codec.decode_insurance_request(request.read_bytes())
        data = codec.encode_result(dataclasses.replace(valid_result, file_id=header.file_id))
        Path(str(stem) + ".xml").write_bytes(_with_text(data, "InsuredPartialContributionRatio", "9" * 5000))

    _answer_when_asked(root, answer)
    with pytest.raises(NumberTooLong):
        FolderGateway(_config(root)).check_by_insurance_card(QUERY, CancelToken())


# --- zip answers --------------------------------------------------------------------------------


def _zip(members: dict[str, bytes | int]) -> bytes:
    """A zip of ``members``; an int is that many zero bytes, written in pieces (a bomb compresses ~1000:1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            with archive.open(name, "w") as member:
                for _ in range(content // MIB):
                    member.write(bytes(MIB))
    return buffer.getvalue()


def _read_zip(path: Path):
    return folders.read_settled(path, codec.decode_batch_download_answer, CancelToken(), time.monotonic() + 1, 0.0,
                                0.0)


@needs_rss
def test_a_zip_bomb_batch_answer_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "OQSmuquc02res_bomb.zip"
    path.write_bytes(_zip({"OQSmuquc02res_bomb.xml": 256 * MIB}))
    assert path.stat().st_size < MIB
    outcome, growth = _in_child("""
def run(path):
    folders.read_settled(path, codec.decode_batch_download_answer, CancelToken(), time.monotonic() + 5, 0.0, 0.0)
""", path)
    assert growth < GROWTH_LIMIT_MIB
    assert outcome == ResultTooLarge.code
    with pytest.raises(ResultTooLarge) as caught:
        _read_zip(path)
    assert path.name in str(caught.value) and f"{xmlsafe.BATCH.max_bytes:,}" in str(caught.value)


@needs_rss
def test_a_zip_that_understates_its_sizes_is_read_no_further_than_it_says(tmp_path):
    data = bytearray(_zip({"OQSmuquc02res_lies.xml": 256 * MIB}))
    central = data.rindex(b"PK\x01\x02")
    data[central + 24:central + 28] = (1000).to_bytes(4, "little")  # uncompressed size in the central directory
    path = tmp_path / "OQSmuquc02res_lies.zip"
    path.write_bytes(bytes(data))
    outcome, growth = _in_child("""
def run(path):
    folders.read_settled(path, codec.decode_batch_download_answer, CancelToken(), time.monotonic() + 5, 0.0, 0.0)
""", path)
    assert growth < GROWTH_LIMIT_MIB
    assert outcome == MalformedResult.code  # 1000 bytes of zeros: a bad CRC, not a result


def test_a_zip_with_too_many_members_is_refused_before_they_are_listed(tmp_path, monkeypatch):
    path = tmp_path / "OQSmuquc02res_many.zip"
    path.write_bytes(_zip({f"m{i}.xml": b"<a/>" for i in range(xmlsafe.ZIP_MAX_MEMBERS + 1)}))
    monkeypatch.setattr(zipfile, "ZipFile", lambda *a, **k: pytest.fail("the central directory was read"))
    with pytest.raises(ZipTooManyMembers) as caught:
        _read_zip(path)
    assert path.name in str(caught.value) and f"{xmlsafe.ZIP_MAX_MEMBERS}" in str(caught.value)


def test_zip_members_together_beyond_the_size_are_refused(tmp_path):
    half = xmlsafe.BATCH.max_bytes // MIB // 2 + 1
    path = tmp_path / "OQSmuquc02res_two.zip"
    path.write_bytes(_zip({"OQSmuquc02res_two.xml": half * MIB, "padding.bin": half * MIB}))
    with pytest.raises(ResultTooLarge):
        _read_zip(path)


def test_a_zip_within_the_limits_is_read(tmp_path, valid_result):
    path = tmp_path / "OQSmuquc02res_ok.zip"
    path.write_bytes(_zip({"readme.txt": b"x", "OQSmuquc02res_ok.xml": _batch_answer(valid_result, 3)}))
    assert len(_read_zip(path).entries) == 3
