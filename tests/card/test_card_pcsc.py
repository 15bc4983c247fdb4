"""The card adapter through the real PC/SC stack: pcscd, the vpcd reader, pyscard, the virtual card."""
from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime, timedelta

import pytest

from kiosk.card import apdu
from kiosk.card.errors import AssistPinAtRisk, CardTimeout, CodeBBlocked, CodeBRejected, ForbiddenFile, Step
from kiosk.card.reader import PcscCardReader
from kiosk.card.virtual.profiles import profile
from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardKind, Sex
from kiosk.core.errors import (
    AssistPinDiffers,
    Cancelled,
    CardRemoved,
    CodeBTriesLow,
    CodeBUnavailable,
    HolderProofFailed,
    PinBlocked,
    UnexpectedResponse,
    WrongPin,
)

pytestmark = pytest.mark.pcsc

VALID = profile("valid")


@pytest.fixture
def reader():
    r = PcscCardReader("Virtual PCD 00 00", apdu_timeout=1.0, operation_timeout=8.0)
    yield r
    r.stop_monitoring()
    r.release()


def test_valid_card_summary_then_pin_then_code_b(virtual_card, reader):
    link = virtual_card("valid")
    summary = reader.read_summary(CancelToken())
    assert summary.kind is CardKind.MY_NUMBER
    assert summary.pin_tries_left == 3
    now = datetime.now(UTC)
    assert not summary.certificate.expired(now) and not summary.certificate.expiring_soon(now)

    facts = reader.authenticate_with_pin("1234", CancelToken())
    assert (facts.name, facts.address, facts.birth_date, facts.sex) == (
        "見本 太郎", "東京都千代田区霞が関1-2-2", date(1980, 2, 17), Sex.MALE,
    )
    facts_b, face = reader.read_card_face(VALID.code_b, CancelToken())
    assert facts_b == facts
    assert face.card_expiry == date(2030, 2, 17)
    assert face.photo.startswith(b"\x00\x00\x00\x0cjP  ")  # a JPEG 2000 file
    # The summary's JPKI SELECT served the PIN step too: one SELECT of the JPKI AP in the whole session.
    jpki_selects = [c for _, c in link.card.log if c.startswith(bytes.fromhex("00A4040C0AD392F000260100000001"))]
    assert len(jpki_selects) == 1


def test_never_touches_the_individual_number(virtual_card, reader):
    link = virtual_card("valid")
    cancel = CancelToken()
    reader.read_summary(cancel)
    reader.authenticate_with_pin("1234", cancel)
    reader.read_with_code_b(VALID.code_b, cancel)
    reader.release()
    reader.read_with_code_b(VALID.code_b, cancel)
    touched = link.card.files_touched()
    assert ("assist", 0x0002) in touched and ("face", 0x0002) in touched  # the test saw both APs at work...
    for aid, fid in apdu.FORBIDDEN_FILES:  # ...and neither the number's files nor 照合番号A were selected
        assert (apdu.AP_NAMES[aid], fid) not in touched
    number = VALID.individual_number.encode()
    assert all(number not in command for _, command in link.card.log)
    # Asked outright, the session refuses before a byte goes out, though the card holds these files.
    session = reader._session
    sent = len(link.card.log)
    for aid, fid in sorted(apdu.FORBIDDEN_FILES):
        session.select_ap(aid, Step.SELECT_AP)
        with pytest.raises(ForbiddenFile):
            session.select_ef(fid)
    assert all(command[1] == 0xA4 and command[2] == 0x04 for _, command in link.card.log[sent:])


def test_wrong_pin_counts_down_then_blocks(virtual_card, reader):
    virtual_card("valid")
    with pytest.raises(WrongPin) as first:
        reader.authenticate_with_pin("0000", CancelToken())
    assert first.value.tries_left == 2
    assert reader.read_summary(CancelToken()).pin_tries_left == 2
    with pytest.raises(WrongPin) as second:
        reader.authenticate_with_pin("0000", CancelToken())
    assert second.value.tries_left == 1
    with pytest.raises(PinBlocked):
        reader.authenticate_with_pin("0000", CancelToken())
    with pytest.raises(PinBlocked):
        reader.authenticate_with_pin("1234", CancelToken())  # even the right PIN, once blocked
    assert reader.read_summary(CancelToken()).pin_tries_left == 0


def test_right_pin_restores_the_tries(virtual_card, reader):
    virtual_card("valid")
    with pytest.raises(WrongPin):
        reader.authenticate_with_pin("9999", CancelToken())
    reader.authenticate_with_pin("1234", CancelToken())
    assert reader.read_summary(CancelToken()).pin_tries_left == 3


def test_pin_low_and_locked_profiles(virtual_card, reader, wait_card):
    link = virtual_card("pin-low")
    assert reader.read_summary(CancelToken()).pin_tries_left == 1
    reader.release()
    link.stop()
    wait_card(False)
    virtual_card("pin-locked")
    assert reader.read_summary(CancelToken()).pin_tries_left == 0
    with pytest.raises(PinBlocked):
        reader.authenticate_with_pin("1234", CancelToken())


@pytest.mark.parametrize(("name", "expired", "soon"), [("expiring", False, True), ("expired", True, False)])
def test_certificate_expiry(virtual_card, reader, name, expired, soon):
    virtual_card(name)
    cert = reader.read_summary(CancelToken()).certificate
    now = datetime.now(UTC)
    assert cert.expired(now) is expired
    assert cert.expiring_soon(now) is soon
    if name == "expiring":
        assert timedelta(days=29) < cert.not_after - now <= timedelta(days=30)


def test_not_my_number_card(virtual_card, reader):
    link = virtual_card("not-my-number")
    assert reader.read_summary(CancelToken()).kind is CardKind.OTHER
    assert len(link.card.log) == 1  # one SELECT told us


def test_assist_pin_differs_and_at_risk(virtual_card, reader):
    link = virtual_card("assist-pin-differs")
    with pytest.raises(AssistPinDiffers) as error:
        reader.authenticate_with_pin("1234", CancelToken())
    assert type(error.value) is AssistPinDiffers
    # The first attempt cost the 入力補助AP PIN one try (3 -> 2); the second costs another (2 -> 1);
    # the third is refused without touching the PIN, so it can never lock.
    with pytest.raises(AssistPinDiffers):
        reader.authenticate_with_pin("1234", CancelToken())
    sent_before = len(link.card.log)
    with pytest.raises(AssistPinAtRisk) as risk:
        reader.authenticate_with_pin("1234", CancelToken())
    assert risk.value.tries_left == 1
    verifies = [c for _, c in link.card.log[sent_before:] if c[:5] == bytes.fromhex("0020008004")]
    assert len(verifies) == 1  # only the JPKI PIN was verified
    assert link.card.apps[bytes.fromhex("D3921000310001010408")].pins[0x0011].tries == 1


def test_holder_proof_fails_when_the_key_is_not_the_certificates(virtual_card, reader):
    virtual_card("holder-mismatch")
    with pytest.raises(HolderProofFailed):
        reader.authenticate_with_pin("1234", CancelToken())


def test_code_b_wrong_and_malformed(virtual_card, reader):
    link = virtual_card("valid")
    with pytest.raises(CodeBUnavailable):
        reader.read_with_code_b("5502172030123", CancelToken())  # 13 digits: nothing is sent
    assert link.card.log == []
    with pytest.raises(CodeBRejected) as error:
        reader.read_with_code_b("55021720309999", CancelToken())
    assert error.value.tries_left == 9
    facts, photo = reader.read_with_code_b(VALID.code_b, CancelToken())
    assert facts.name == "見本 太郎" and len(photo) > 1000


def _verifies_with_data(card) -> list[bytes]:
    return [c for _, c in card.log if c[:4] == bytes.fromhex("00200080") and len(c) > 4]


def _code_b_tries(card) -> tuple[int | None, int | None]:
    return (card.apps[apdu.ASSIST_AP].pins[apdu.EF_ASSIST_CODE_B].tries,
            card.apps[apdu.FACE_AP].pins[apdu.EF_FACE_CODE_B].tries)


def test_code_b_tries_guard(virtual_card, reader):
    """A card with 2 tries of 照合番号B left: the camera's reading is not sent, a typed one is."""
    link = virtual_card("code-b-low")
    with pytest.raises(CodeBTriesLow) as error:
        reader.read_with_code_b(VALID.code_b, CancelToken())
    assert isinstance(error.value, CodeBUnavailable) and error.value.tries_left == 2
    assert _verifies_with_data(link.card) == [] and _code_b_tries(link.card) == (2, 2)
    with pytest.raises(CodeBRejected) as rejected:  # a mistyped code may spend a try...
        reader.read_with_code_b("55021720309999", CancelToken(), typed_by_staff=True)
    assert rejected.value.tries_left == 1
    facts, photo = reader.read_with_code_b(VALID.code_b, CancelToken(), typed_by_staff=True)  # ...the last, too
    assert facts.name == "見本 太郎" and len(photo) > 1000
    assert _code_b_tries(link.card) == (10, 10)


def test_code_b_blocked_sends_nothing(virtual_card, reader):
    link = virtual_card("code-b-low")
    with pytest.raises(CodeBRejected):
        reader.read_with_code_b("55021720309999", CancelToken(), typed_by_staff=True)
    with pytest.raises(CodeBBlocked):
        reader.read_with_code_b("55021720309999", CancelToken(), typed_by_staff=True)
    sent = len(_verifies_with_data(link.card))
    with pytest.raises(CodeBBlocked):
        reader.read_with_code_b(VALID.code_b, CancelToken(), typed_by_staff=True)
    assert len(_verifies_with_data(link.card)) == sent


def test_keys_without_a_count(virtual_card, reader, wait_card):
    """6300 to the tries query: the user PIN shows its last try, 照合番号B is left to staff."""
    link = virtual_card("code-b-uncounted")
    with pytest.raises(CodeBTriesLow) as error:
        reader.read_with_code_b(VALID.code_b, CancelToken())
    assert error.value.tries_left is None and _verifies_with_data(link.card) == []
    facts, _ = reader.read_with_code_b(VALID.code_b, CancelToken(), typed_by_staff=True)
    assert facts.name == "見本 太郎"
    reader.release()
    link.stop()
    wait_card(False)
    virtual_card("pin-uncounted")
    assert reader.read_summary(CancelToken()).pin_tries_left == 1


def test_facts_past_leading_bytes(virtual_card, reader):
    link = virtual_card("facts-offset")
    assert link.card.apps[apdu.ASSIST_AP].files[apdu.EF_ASSIST_FACTS][:8] == bytes.fromhex("0000FFFF00FFFF20")
    facts, _ = reader.read_with_code_b(VALID.code_b, CancelToken())
    assert (facts.name, facts.birth_date, facts.sex) == ("見本 太郎", date(1980, 2, 17), Sex.MALE)
    assert reader.authenticate_with_pin("1234", CancelToken()) == facts


def test_card_pulled_mid_read(virtual_card, reader, wait_card):
    link = virtual_card("pulled")
    with pytest.raises(CardRemoved):
        reader.read_summary(CancelToken())
    wait_card(False)
    link.insert()
    wait_card(True)
    # A fresh card session: the reader recovered on its own (the profile pulls on the 3rd read only once).
    assert reader.read_summary(CancelToken()).kind is CardKind.MY_NUMBER


def test_garbage_answers(virtual_card, reader):
    virtual_card("garbage")
    with pytest.raises(UnexpectedResponse):
        reader.read_summary(CancelToken())


def test_slow_card_times_out_and_cancel_is_prompt(virtual_card, reader, wait_card):
    link = virtual_card("slow")  # 2 s per answer, the reader allows 1 s
    with pytest.raises(CardTimeout):
        reader.read_summary(CancelToken())
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    with pytest.raises(Cancelled):
        PcscCardReader("Virtual PCD 00 00", apdu_timeout=10.0).read_summary(cancel)
    # The abandoned calls end when the slow card finally answers, and only then reset it: the card
    # stays in until then, as pulling a card mid-reset leaves pcscd blind to the next one (docs/card.md).
    time.sleep(link.card.profile.answer_delay + 0.5)
    link.stop()
    wait_card(False)


def test_monitor_sees_insert_remove_and_recovers_from_pcscd_restart(virtual_card, reader, events, pcscd, wait_card):
    link = virtual_card("valid", inserted=False)
    reader.start_monitoring(events)
    link.insert()
    assert events.wait_for("card_inserted")
    assert reader.read_summary(CancelToken()).kind is CardKind.MY_NUMBER
    link.remove()
    assert events.wait_for("card_removed")
    with pytest.raises(CardRemoved):
        reader.read_summary(CancelToken())
    link.insert()
    mark = len(events.seen)
    assert events.wait_for("card_inserted", after=mark)

    mark = len(events.seen)
    pcscd.kill()
    assert events.wait_for("reader_lost", after=mark)
    pcscd.start()
    assert events.wait_for("reader_restored", after=mark, timeout=15)
    assert events.wait_for("card_inserted", after=mark, timeout=15)
    assert reader.read_summary(CancelToken()).kind is CardKind.MY_NUMBER
    assert events.seen[mark:] == ["card_removed", "reader_lost", "reader_restored", "card_inserted"]


def test_virtual_card_as_a_subprocess(pcscd, reader, wait_card):
    from kiosk.card.virtual.vpcd import VirtualCardProcess

    process = VirtualCardProcess("valid", cert_days_left=60).start()
    try:
        wait_card(True)
        cert = reader.read_summary(CancelToken()).certificate
        assert timedelta(days=59) < cert.not_after - datetime.now(UTC) <= timedelta(days=60)
        reader.release()
        process.remove()
        wait_card(False)
        process.insert()
        wait_card(True)
        assert reader.read_summary(CancelToken()).kind is CardKind.MY_NUMBER
        reader.release()
    finally:
        process.stop()
    wait_card(False)
