"""PcscCardReader over a fake pyscard: the exact APDU bytes, and every failure named."""
from __future__ import annotations

import hashlib
import logging
import threading
import time

import pytest

from kiosk.card import apdu, tlv
from kiosk.card.errors import AssistPinAtRisk, CardTimeout, ForbiddenFile
from kiosk.card.reader import PcscCardReader
from kiosk.card.virtual.profiles import profile
from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardKind, Sex
from kiosk.core.errors import (
    AssistPinDiffers,
    Cancelled,
    CardError,
    CardRemoved,
    CodeBUnavailable,
    HolderProofFailed,
    PinBlocked,
    ReaderGone,
    UnexpectedResponse,
    WrongPin,
)
from kiosk.logs import TRACE

CHALLENGE = bytes(range(32))
SELECT_JPKI = "00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"
SELECT_ASSIST = "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08"
SELECT_FACE = "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02"
VERIFY_1234 = "00 20 00 80 04 31 32 33 34"
TRIES = "00 20 00 80"  # the empty VERIFY: tries left, none spent


def _reader(scard, **kw) -> PcscCardReader:
    kw.setdefault("apdu_timeout", 2.0)
    return PcscCardReader(scard=scard, random_bytes=lambda n: CHALLENGE[:n], **kw)


def _reads(total: int) -> list[str]:
    """The READ BINARY commands that fetch a TLV of ``total`` bytes: first 256, then what is left."""
    commands, offset = ["00 B0 00 00 00"], 256
    while offset < total:
        n = min(256, total - offset)
        commands.append(apdu.read_binary(offset, n).hex(" ").upper())
        offset += n
    return commands


def _cert_length(scard) -> int:
    return tlv.total_length(scard.card.apps[apdu.JPKI_AP].files[apdu.EF_AUTH_CERT])


def test_read_summary_sends_the_minimum(fake_scard):
    scard = fake_scard("valid")
    summary = _reader(scard).read_summary(CancelToken())
    assert summary.kind is CardKind.MY_NUMBER and summary.pin_tries_left == 3
    assert scard.sent_hex() == [
        SELECT_JPKI,
        "00 A4 02 0C 02 00 06",
        "00 B0 00 00 20",
        "00 A4 02 0C 02 00 0A",
        *_reads(_cert_length(scard)),
        "00 A4 02 0C 02 00 18",
        "00 20 00 80",
    ]
    assert len(summary.certificate.der) == _cert_length(scard)


def test_authenticate_after_summary_reuses_the_selection(fake_scard):
    scard = fake_scard("valid")
    reader = _reader(scard)
    reader.read_summary(CancelToken())
    scard.sent.clear()
    facts = reader.authenticate_with_pin("1234", CancelToken())
    assert facts.name == "見本 太郎" and facts.sex is Sex.MALE
    digest_info = apdu.SHA256_DIGEST_INFO_PREFIX + hashlib.sha256(CHALLENGE).digest()
    assert scard.sent_hex() == [
        VERIFY_1234,  # 0018 is still selected from the tries-left query
        "00 A4 02 0C 02 00 17",
        ("80 2A 00 80 33 " + digest_info.hex(" ").upper() + " 00"),
        SELECT_ASSIST,
        "00 A4 02 0C 02 00 11",
        "00 20 00 80",
        VERIFY_1234,
        "00 A4 02 0C 02 00 02",
        "00 B0 00 00 00",
    ]


def test_code_b_reads_facts_and_face(fake_scard):
    scard = fake_scard("valid")
    code_b = profile("valid").code_b
    assert code_b == "55021720301234"  # 昭和55年2月17日, card expiry 2030, security code 1234
    facts, face = _reader(scard).read_card_face(code_b, CancelToken())
    assert facts.birth_date.isoformat() == "1980-02-17"
    assert face.card_expiry.isoformat() == "2030-02-17"
    verify_b = "00 20 00 80 0E " + code_b.encode().hex(" ").upper()
    face_total = tlv.total_length(scard.card.apps[apdu.FACE_AP].files[apdu.EF_FACE_DATA])
    assert scard.sent_hex() == [  # each key's tries are asked before its VERIFY
        SELECT_ASSIST, "00 A4 02 0C 02 00 15", TRIES, verify_b, "00 A4 02 0C 02 00 02", "00 B0 00 00 00",
        SELECT_FACE, "00 A4 02 0C 02 00 12", TRIES, verify_b, "00 A4 02 0C 02 00 02", *_reads(face_total),
    ]


def test_no_operation_ever_selects_the_number_files(fake_scard):
    scard = fake_scard("valid")
    reader = _reader(scard)
    cancel = CancelToken()
    reader.read_summary(cancel)
    reader.authenticate_with_pin("1234", cancel)
    reader.read_with_code_b(profile("valid").code_b, cancel)
    forbidden = {"00 A4 02 0C 02 00 01", "00 A4 02 0C 02 00 14"}
    current_ap = None
    for command in scard.sent_hex():
        if command.startswith("00 A4 04 0C"):
            current_ap = command
        assert not (current_ap == SELECT_ASSIST and command in forbidden)


def test_session_refuses_the_number_files_before_sending(fake_scard):
    scard = fake_scard("valid")
    reader = _reader(scard)
    reader.authenticate_with_pin("1234", CancelToken())  # leaves the 入力補助AP selected and opened
    session = reader._session
    sent = len(scard.sent)
    for fid in (apdu.EF_ASSIST_NUMBER, apdu.EF_ASSIST_CODE_A):
        with pytest.raises(ForbiddenFile):
            session.select_ef(fid)
    assert len(scard.sent) == sent


def test_wrong_pin_then_block(fake_scard):
    scard = fake_scard("valid")
    reader = _reader(scard)
    with pytest.raises(WrongPin) as error:
        reader.authenticate_with_pin("0000", CancelToken())
    assert error.value.tries_left == 2
    with pytest.raises(WrongPin):
        reader.authenticate_with_pin("0000", CancelToken())
    with pytest.raises(PinBlocked):  # 63C0: the try that locks
        reader.authenticate_with_pin("0000", CancelToken())
    with pytest.raises(PinBlocked):  # 6984 from then on
        reader.authenticate_with_pin("1234", CancelToken())


def test_assist_pin_differs_and_refusal_at_one_try(fake_scard):
    with pytest.raises(AssistPinDiffers):
        _reader(fake_scard("assist-pin-differs")).authenticate_with_pin("1234", CancelToken())
    scard = fake_scard("assist-pin-low")
    with pytest.raises(AssistPinAtRisk) as error:
        _reader(scard).authenticate_with_pin("1234", CancelToken())
    assert error.value.tries_left == 1
    after_assist = scard.sent_hex()[scard.sent_hex().index(SELECT_ASSIST):]
    assert VERIFY_1234 not in after_assist


def test_holder_proof_failure(fake_scard):
    with pytest.raises(HolderProofFailed):
        _reader(fake_scard("holder-mismatch")).authenticate_with_pin("1234", CancelToken())


def test_not_my_number_and_wrong_label(fake_scard):
    scard = fake_scard("not-my-number")
    assert _reader(scard).read_summary(CancelToken()).kind is CardKind.OTHER
    assert scard.sent_hex() == [SELECT_JPKI]
    scard = fake_scard("valid")
    scard.card.apps[apdu.JPKI_AP].files[apdu.EF_TOKEN_INFO] = b"JPKIAPICCTOKEN".ljust(32, b" ")
    assert _reader(scard).read_summary(CancelToken()).kind is CardKind.OTHER


def test_malformed_code_b_sends_nothing(fake_scard):
    scard = fake_scard("valid")
    for bad in ("", "1234", "5502172030123X", "５５０２１７２０３０１２３４"):
        with pytest.raises(CodeBUnavailable):
            _reader(scard).read_with_code_b(bad, CancelToken())
    assert scard.sent == []


def test_connect_retries_while_the_card_settles(fake_scard):
    scard = fake_scard("valid")
    scard.connect_results = [scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_REMOVED_CARD]
    assert _reader(scard).read_summary(CancelToken()).kind is CardKind.MY_NUMBER


def test_no_card_no_reader_busy(fake_scard):
    scard = fake_scard("valid")
    scard.card = None
    with pytest.raises(CardRemoved):
        _reader(scard, connect_timeout=0.3).read_summary(CancelToken())
    scard.readers = []
    with pytest.raises(ReaderGone):
        _reader(scard).read_summary(CancelToken())
    scard = fake_scard("valid")
    scard.connect_results = [scard.SCARD_E_SHARING_VIOLATION] * 50
    with pytest.raises(CardError, match="another program"):
        _reader(scard, connect_timeout=0.3).read_summary(CancelToken())


def test_card_pulled_mid_read_is_card_removed(fake_scard):
    scard = fake_scard("pulled")
    reader = _reader(scard)
    with pytest.raises(CardRemoved):
        reader.read_summary(CancelToken())
    assert reader._session is None  # the next card starts from nothing


def test_transmit_errors_are_named(fake_scard):
    scard = fake_scard("valid")
    scard.transmit_hook = lambda c: (scard.SCARD_W_REMOVED_CARD, [])
    with pytest.raises(CardRemoved):
        _reader(scard).read_summary(CancelToken())
    scard.transmit_hook = lambda c: (scard.SCARD_E_NO_SERVICE, [])
    with pytest.raises(ReaderGone):
        _reader(scard).read_summary(CancelToken())
    scard.transmit_hook = lambda c: (scard.SCARD_S_SUCCESS, [0x90])  # one byte: no status word
    with pytest.raises(UnexpectedResponse):
        _reader(scard).read_summary(CancelToken())


def test_garbage_certificate(fake_scard):
    with pytest.raises(UnexpectedResponse):
        _reader(fake_scard("garbage")).read_summary(CancelToken())


def test_stuck_card_times_out_and_is_disconnected(fake_scard):
    scard = fake_scard("valid")
    release = threading.Event()

    def stuck(command):
        release.wait(60)  # stuck in the driver until the test lets it go
        return None

    scard.transmit_hook = stuck
    with pytest.raises(CardTimeout):
        _reader(scard, apdu_timeout=0.2).read_summary(CancelToken())
    assert not release.is_set() and not scard.disconnects  # the timeout came while the call was still stuck
    release.set()
    deadline = time.monotonic() + 30
    while not scard.disconnects and time.monotonic() < deadline:
        time.sleep(0.05)
    assert scard.disconnects  # the abandoned connection was closed once the stuck call returned


def test_cancel_is_honoured(fake_scard):
    scard = fake_scard("valid")
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        _reader(scard).read_summary(cancel)
    assert scard.sent == []

    cancel = CancelToken()
    scard.transmit_hook = lambda c: (cancel.cancel(), None)[1]  # cancelled while the first APDU is out
    with pytest.raises(Cancelled):
        _reader(scard).read_summary(cancel)
    assert len(scard.sent) == 1


def test_trace_log_masks_verify_data(fake_scard, caplog):
    caplog.set_level(TRACE, logger="kiosk.card")
    reader = _reader(fake_scard("valid"))
    reader.authenticate_with_pin("1234", CancelToken())
    reader.read_with_code_b(profile("valid").code_b, CancelToken())
    text = "\n".join(r.getMessage() for r in caplog.records if r.levelno == TRACE)
    assert "00 20 00 80 04 <4 bytes masked>" in text
    assert "00 20 00 80 0E <14 bytes masked>" in text
    assert "31 32 33 34" not in text and "35 35 30 32" not in text
    assert not any(r.levelno > logging.DEBUG and "1234" in r.getMessage() for r in caplog.records)


def test_monitor_reports_transitions_once(fake_scard):
    from kiosk.card.monitor import ReaderMonitor

    seen = []

    class Listener:
        def card_inserted(self):
            seen.append("card_inserted")

        def card_removed(self):
            seen.append("card_removed")

        def reader_lost(self):
            seen.append("reader_lost")

        def reader_restored(self):
            seen.append("reader_restored")

    changes = []
    monitor = ReaderMonitor(Listener(), scard=fake_scard("valid"), on_change=lambda: changes.append(1))
    for state in [(True, False), (True, True), (True, True), (False, False), (True, True), (True, False)]:
        monitor._observe(*state)
    assert seen == ["card_inserted", "card_removed", "reader_lost", "reader_restored", "card_inserted", "card_removed"]
    assert len(changes) == 5


def test_t0_style_answers_are_collected_with_get_response(fake_scard):
    scard = fake_scard("valid")
    pending = {}

    def t0(command):
        if command[:2] == b"\x80\x2a":
            pending["answer"] = scard.card.process(command)
            return scard.SCARD_S_SUCCESS, [0x61, 0x00]
        if command == bytes.fromhex("00C0000000"):
            return scard.SCARD_S_SUCCESS, list(pending.pop("answer"))
        return None

    scard.transmit_hook = t0
    assert _reader(scard).authenticate_with_pin("1234", CancelToken()).name == "見本 太郎"
    assert "00 C0 00 00 00" in scard.sent_hex()


def test_wrong_le_is_asked_again(fake_scard):
    scard = fake_scard("valid")

    def wrong_le(command):
        if command == bytes.fromhex("00B0000020"):
            return scard.SCARD_S_SUCCESS, [0x6C, 0x10]
        return None

    scard.transmit_hook = wrong_le
    scard.card.apps[apdu.JPKI_AP].files[apdu.EF_TOKEN_INFO] = b"JPKIAPICCTOKEN2 "
    assert _reader(scard).read_summary(CancelToken()).kind is CardKind.MY_NUMBER
    assert "00 B0 00 00 10" in scard.sent_hex()
