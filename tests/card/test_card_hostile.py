"""Hostile cards: every byte a card sends is checked, every loop it can start is bounded, and a card that
stops answering never holds the process. Each case through a fake pyscard, and through pcscd + vpcd."""
from __future__ import annotations

import inspect
import itertools
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.card import apdu, tlv
from kiosk.card.certificate import certificate_info, verify_holder
from kiosk.card.errors import BadCertificate, BadLength, CardTimeout, ResponseLoop
from kiosk.card.reader import PcscCardReader
from kiosk.card.session import MAX_GET_RESPONSES
from kiosk.card.virtual.card import VirtualMyNumberCard
from kiosk.card.virtual.profiles import profile
from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardKind
from kiosk.core.errors import CardError

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
READER = "Virtual PCD 00 00"
APDU_TIMEOUT = inspect.signature(PcscCardReader).parameters["apdu_timeout"].default  # what the CLI uses
EXIT_WITHIN = 2.0  # seconds after an APDU's time limit by which a process whose card hangs has exited
CODE_B = profile("valid").code_b
GET_RESPONSE = bytes.fromhex("00C00000")


def _reader(scard, **kw) -> PcscCardReader:
    kw.setdefault("apdu_timeout", 2.0)
    return PcscCardReader(scard=scard, **kw)


def _pin_verifies(commands) -> list[bytes]:
    return [c for c in commands if c[:4] == bytes.fromhex("00200080") and len(c) > 4]


# --- a card that stops answering ------------------------------------------------------------------

# A kiosk process in miniature: a reader over a fake pyscard whose READ BINARY never returns, as a card
# that stopped answering holds SCardTransmit. It must print the error and exit, the stuck call notwithstanding.
_STUCK_CHILD = """
import sys, threading
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from conftest import FakeScard
from kiosk.card.reader import PcscCardReader
from kiosk.card.virtual.card import VirtualMyNumberCard
from kiosk.card.virtual.profiles import profile
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import CardError

scard = FakeScard(VirtualMyNumberCard(profile("valid")))
never = threading.Event()
scard.transmit_hook = lambda command: never.wait() if command[1] == 0xB0 else None
reader = PcscCardReader(scard=scard, apdu_timeout=float(sys.argv[3]))
print("ready", flush=True)
sys.stdin.readline()
try:
    reader.read_summary(CancelToken())
except CardError as error:
    print(error.code, flush=True)
"""


def test_a_stuck_pcsc_call_does_not_hold_the_process():
    timeout = 0.5
    child = subprocess.Popen(
        [sys.executable, "-c", _STUCK_CHILD, str(ROOT), str(HERE), str(timeout)], cwd=ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        child.stdin.write("go\n")
        child.stdin.flush()
        try:
            child.wait(timeout=timeout + EXIT_WITHIN)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the process still runs {timeout + EXIT_WITHIN} s after its card stopped answering")
        assert child.stdout.read().split() == ["card_timeout"]
    finally:
        child.kill()
        child.wait()
        child.stdin.close()
        child.stdout.close()


# --- lengths ----------------------------------------------------------------------------------------


def test_a_header_claiming_more_than_a_card_holds_is_refused_at_once(fake_scard):
    scard = fake_scard("huge-length")
    with pytest.raises(BadLength, match="claims a TLV of 8388612 bytes"):  # 30 83 7FFFFF: 5 + 8388607
        _reader(scard).read_summary(CancelToken())
    assert [c for c in scard.sent if c[1] == 0xB0][-1] == bytes.fromhex("00B0000000")  # no READ past the header


def test_answers_longer_than_asked_are_refused(fake_scard):
    scard = fake_scard("valid")
    scard.transmit_hook = lambda c: (scard.SCARD_S_SUCCESS, [0x41] * 64 + [0x90, 0x00]) if c[1] == 0xB0 else None
    with pytest.raises(BadLength):  # READ BINARY of 32 bytes answered with 64
        _reader(scard).read_summary(CancelToken())

    scard = fake_scard("valid")
    scard.transmit_hook = lambda c: ((scard.SCARD_S_SUCCESS, [0x41] * 200 + [0x61, 0x00]) if c[1] in (0xB0, 0xC0)
                                     else None)
    with pytest.raises(BadLength):  # GET RESPONSEs piling up more than any short answer holds
        _reader(scard).read_summary(CancelToken())
    assert len([c for c in scard.sent if c[:4] == GET_RESPONSE]) == 1


def test_a_file_that_ends_before_its_header_says_is_named(fake_scard):
    scard = fake_scard("valid")
    files = scard.card.apps[apdu.JPKI_AP].files
    cert = tlv.total_length(files[apdu.EF_AUTH_CERT])
    files[apdu.EF_AUTH_CERT] = files[apdu.EF_AUTH_CERT][: cert - 300]  # 6B00 past the end
    with pytest.raises(BadLength, match="ended"):
        _reader(scard).read_summary(CancelToken())


# --- the certificate ---------------------------------------------------------------------------------


def test_a_damaged_public_key_stops_the_card_before_any_pin(fake_scard):
    scard = fake_scard("damaged-key")
    with pytest.raises(BadCertificate, match="public key"):
        _reader(scard).read_summary(CancelToken())
    with pytest.raises(BadCertificate):
        _reader(scard).authenticate_with_pin("1234", CancelToken())
    assert _pin_verifies(scard.sent) == []  # the certificate is read before the PIN


def test_damaged_certificate_bytes_are_named_errors():
    card = VirtualMyNumberCard(profile("valid"))
    der = card.apps[apdu.JPKI_AP].files[apdu.EF_AUTH_CERT]
    der = der[: tlv.total_length(der)]
    rng = random.Random(14)
    outcomes = set()
    for _ in range(600):
        damaged = bytearray(der)
        for _ in range(rng.choice((1, 2, 4))):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            certificate_info(bytes(damaged))
            verify_holder(bytes(damaged), b"challenge", bytes(256))
        except CardError as error:
            outcomes.add(type(error).__name__)
    assert {"BadCertificate", "HolderProofFailed"} <= outcomes


# --- every byte of every file, every status word -------------------------------------------------------

_READERS = {  # the operation that parses each file the kiosk reads
    (apdu.JPKI_AP, apdu.EF_TOKEN_INFO): lambda r: r.read_summary(CancelToken()),
    (apdu.JPKI_AP, apdu.EF_AUTH_CERT): lambda r: r.authenticate_with_pin("1234", CancelToken()),
    (apdu.ASSIST_AP, apdu.EF_ASSIST_FACTS): lambda r: r.read_with_code_b(CODE_B, CancelToken()),
    (apdu.FACE_AP, apdu.EF_FACE_DATA): lambda r: r.read_card_face(CODE_B, CancelToken()),
}


def _content_length(fid: int, content: bytes) -> int:
    """How many bytes of a virtual file hold its content (the rest is FF filler)."""
    if fid == apdu.EF_TOKEN_INFO:
        return apdu.TOKEN_INFO_LENGTH
    start = 0 if fid == apdu.EF_AUTH_CERT else tlv.record_start(content, 0xFF20)
    return start + tlv.total_length(content[start:])


@pytest.mark.parametrize(("aid", "fid"), list(_READERS), ids=lambda v: v.hex() if isinstance(v, bytes) else f"{v:04X}")
def test_damaged_files_end_in_named_errors(fake_scard, aid, fid):
    scard = fake_scard("valid")
    original = scard.card.apps[aid].files[fid]
    used = _content_length(fid, original)
    rng = random.Random(fid)
    for _ in range(40):
        damaged = bytearray(original)
        for _ in range(rng.choice((1, 3))):
            at = rng.randrange(min(8, used)) if rng.random() < 0.5 else rng.randrange(used)  # headers often
            damaged[at] = rng.randrange(256)
        scard.card.apps[aid].files[fid] = bytes(damaged)
        try:
            _READERS[aid, fid](_reader(scard, connect_timeout=0.2))
        except CardError:
            pass


def _answering_from(scard, at: int, response: list[int]):
    """A transmit hook: the card answers the first ``at`` commands, then every one gets ``response``."""
    sent = itertools.count()
    return lambda command: (scard.SCARD_S_SUCCESS, response) if next(sent) >= at else None


def test_any_status_word_at_any_step_ends_in_a_named_error(fake_scard):
    rng = random.Random(7)
    words = [0x9000, 0x6100, 0x6110, 0x6C00, 0x6C08, 0x6282, 0x6300, 0x63C1, 0x63C0, 0x6700, 0x6982, 0x6983,
             0x6984, 0x6A82, 0x6A86, 0x6B00, 0x6D00, 0x6F00, 0x9001]
    for _ in range(120):
        scard = fake_scard("valid")
        sw = rng.choice(words)
        data = [rng.randrange(256) for _ in range(rng.choice((0, 0, 3, 300)))]
        scard.transmit_hook = _answering_from(scard, rng.randrange(12), data + [sw >> 8, sw & 0xFF])
        operation = rng.choice(list(_READERS.values()))
        try:
            operation(_reader(scard, connect_timeout=0.2))
        except CardError:
            pass


# --- loops the card could start -------------------------------------------------------------------------


def test_endless_more_data_is_cut_at_a_count(fake_scard):
    scard = fake_scard("endless-61xx")
    with pytest.raises(ResponseLoop, match="61"):
        _reader(scard, operation_timeout=5.0).read_summary(CancelToken())
    assert len([c for c in scard.sent if c[:4] == GET_RESPONSE]) == MAX_GET_RESPONSES


def test_wrong_le_is_asked_again_once(fake_scard):
    scard = fake_scard("wrong-le-loop")
    with pytest.raises(ResponseLoop, match="6C"):
        _reader(scard).read_summary(CancelToken())
    assert [c.hex().upper() for c in scard.sent if c[1] == 0xB0] == ["00B0000020", "00B000001F"]


# --- a tries count the card does not give for sure ---------------------------------------------------------


@pytest.mark.parametrize("sw", [0x9000, 0x6300])
def test_no_count_of_the_pin_is_the_last_try(fake_scard, sw):
    scard = fake_scard("valid")
    scard.transmit_hook = lambda c: (scard.SCARD_S_SUCCESS, [sw >> 8, sw & 0xFF]) if c == apdu.verify_status() else None
    assert _reader(scard).read_summary(CancelToken()).pin_tries_left == 1


def test_tries_query_answering_9000_is_the_last_try(fake_scard):
    assert _reader(fake_scard("tries-9000")).read_summary(CancelToken()).pin_tries_left == 1


@pytest.mark.parametrize("sw", [0x6A88, 0x6982, 0x6D00, 0x6381, 0x6283])
def test_any_other_answer_to_the_tries_query_sends_no_pin(fake_scard, sw):
    scard = fake_scard("valid")
    reader = _reader(scard)
    reader.read_summary(CancelToken())
    scard.transmit_hook = lambda c: (scard.SCARD_S_SUCCESS, [sw >> 8, sw & 0xFF]) if c == apdu.verify_status() else None
    before = len(scard.sent)
    with pytest.raises(CardError):
        reader.authenticate_with_pin("1234", CancelToken())
    # The JPKI PIN went (the summary had counted it); the 入力補助 PIN, asked for its count after, did not.
    assert _pin_verifies(scard.sent[before:]) == [scard.sent[before]]
    with pytest.raises(CardError):
        _reader(scard).read_summary(CancelToken())


# --- the same through pcscd, vpcd and pyscard ----------------------------------------------------------------


def _kiosk(*args: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args, "--json"], cwd=ROOT, stdin=subprocess.DEVNULL,
        env=dict(os.environ, PYTHONPATH=str(ROOT), **env), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.pcsc
def test_card_status_exits_with_card_timeout_when_the_card_stops_answering(virtual_card):
    link = virtual_card("silent")
    status = _kiosk("card", "status")
    try:
        deadline = time.monotonic() + 60
        while link.card.silent_since is None and status.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert link.card.silent_since is not None, "kiosk card status never reached the card"
        try:
            status.wait(timeout=max(0.0, link.card.silent_since + APDU_TIMEOUT + EXIT_WITHIN - time.monotonic()))
        except subprocess.TimeoutExpired:
            pytest.fail(f"kiosk card status still runs {APDU_TIMEOUT + EXIT_WITHIN} s after the card stopped answering")
        out, _ = status.communicate()
        assert status.returncode == 2
        assert json.loads(out)["error"] == "card_timeout"
    finally:
        status.kill()
        status.communicate()


@pytest.mark.pcsc
def test_the_reader_recovers_from_a_card_that_stopped_answering(virtual_card, wait_card):
    link = virtual_card("silent")
    reader = PcscCardReader(READER, apdu_timeout=1.0, operation_timeout=6.0, connect_timeout=1.0)
    try:
        with pytest.raises(CardTimeout):
            reader.read_summary(CancelToken())
        with pytest.raises(CardError):  # the card is still stuck: named (it never answers: only a limit ends it)
            reader.read_summary(CancelToken())
        link.stop()
        wait_card(False)
        virtual_card("valid")
        assert reader.read_summary(CancelToken()).kind is CardKind.MY_NUMBER
    finally:
        reader.release()


@pytest.mark.pcsc
@pytest.mark.parametrize(("name", "error"), [
    ("huge-length", BadLength), ("damaged-key", BadCertificate), ("endless-61xx", ResponseLoop),
    ("wrong-le-loop", ResponseLoop),
])
def test_hostile_cards_through_pcscd(virtual_card, name, error):
    virtual_card(name)
    reader = PcscCardReader(READER, apdu_timeout=1.0, operation_timeout=8.0)
    try:
        with pytest.raises(error):
            reader.read_summary(CancelToken())
    finally:
        reader.release()


@pytest.mark.pcsc
def test_card_read_refuses_a_pin_whose_count_the_card_does_not_give(virtual_card):
    link = virtual_card("tries-9000")
    read = _kiosk("card", "read", KIOSK_PIN="1234")
    out, _ = read.communicate(timeout=60)
    assert read.returncode == 5 and json.loads(out) == {"error": "last_try", "pin_tries_left": 1}
    assert _pin_verifies(c for _, c in link.card.log) == []
