"""Tries left are asked before every VERIFY; 照合番号B from the camera never brings the card near its lock;
a key that gives no count (6300) is taken to be at its last try; the FF20 record is found past leading bytes."""
from __future__ import annotations

import pytest

from kiosk.card import apdu, tlv
from kiosk.card.errors import (
    ApduError,
    AssistPinAtRisk,
    CodeBBlocked,
    CodeBRejected,
    RecordNotFound,
    Step,
    to_card_error,
)
from kiosk.card.reader import PcscCardReader
from kiosk.card.session import CAMERA_CODE_B_MIN_TRIES, KeyState
from kiosk.card.virtual.profiles import profile
from kiosk.core import work
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import (
    AssistPinDiffers,
    CodeBTriesLow,
    CodeBUnavailable,
    UnexpectedResponse,
    WrongPin,
)
from kiosk.simulation.fakes import FakeCardFaceReader

CODE_B = profile("valid").code_b
WRONG_B = "55021720309999"
TRIES = "00 20 00 80"


def _reader(scard) -> PcscCardReader:
    return PcscCardReader(scard=scard, apdu_timeout=2.0)


def _code_b_keys(scard):
    return (scard.card.apps[apdu.ASSIST_AP].pins[apdu.EF_ASSIST_CODE_B],
            scard.card.apps[apdu.FACE_AP].pins[apdu.EF_FACE_CODE_B])


def _verifies_with_data(scard) -> list[bytes]:
    return [c for c in scard.sent if c[:4] == bytes.fromhex("00200080") and len(c) > 4]


# --- status words --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sw", "step", "expected", "tries_left"),
    [
        (0x6300, Step.VERIFY_PIN, WrongPin, 1),  # no count given: as far as the kiosk knows, the last try
        (0x6300, Step.VERIFY_ASSIST_PIN, AssistPinDiffers, None),
        (0x6300, Step.VERIFY_CODE_B, CodeBRejected, None),
        (0x63C0, Step.VERIFY_CODE_B, CodeBBlocked, 0),
        (0x6984, Step.VERIFY_CODE_B, CodeBBlocked, 0),
        (0x63C4, Step.VERIFY_CODE_B, CodeBRejected, 4),
    ],
)
def test_verify_status_words(sw, step, expected, tries_left):
    error = to_card_error(ApduError(sw, step))
    assert type(error) is expected
    assert getattr(error, "tries_left", None) == tries_left


def test_key_state_reads_every_answer_of_the_empty_verify(fake_scard):
    scard = fake_scard("valid")
    reader = _reader(scard)
    reader.read_summary(CancelToken())
    session = reader._session
    answers = {0x9000: KeyState(True, None), 0x63C5: KeyState(False, 5), 0x63C0: KeyState(False, 0),
               0x6984: KeyState(False, 0), 0x6983: KeyState(False, 0), 0x6300: KeyState(False, None)}
    for sw, state in answers.items():
        scard.transmit_hook = lambda c, sw=sw: (scard.SCARD_S_SUCCESS, [sw >> 8, sw & 0xFF])
        assert session.key_state(apdu.EF_AUTH_PIN) == state, hex(sw)
    assert KeyState(False, None).guarded_tries() == 1  # no count: the last try
    scard.transmit_hook = lambda c: (scard.SCARD_S_SUCCESS, [0x6A, 0x88])
    with pytest.raises(ApduError):
        session.key_state(apdu.EF_AUTH_PIN)


# --- 照合番号B -----------------------------------------------------------------------------------


def test_camera_code_is_not_tried_below_three_tries(fake_scard):
    scard = fake_scard("code-b-low")
    with pytest.raises(CodeBTriesLow) as error:
        _reader(scard).read_with_code_b(CODE_B, CancelToken())
    assert isinstance(error.value, CodeBUnavailable) and error.value.code == "code_b_tries_low"
    assert error.value.tries_left == 2
    assert TRIES in scard.sent_hex() and _verifies_with_data(scard) == []
    assert [k.tries for k in _code_b_keys(scard)] == [2, 2]


def test_staff_typed_code_is_tried_down_to_the_last(fake_scard):
    scard = fake_scard("code-b-low")
    facts, photo = _reader(scard).read_with_code_b(CODE_B, CancelToken(), typed_by_staff=True)
    assert facts.name == "見本 太郎" and photo
    assert [k.tries for k in _code_b_keys(scard)] == [10, 10]  # the right code resets the counters

    scard = fake_scard("valid")
    assist, _ = _code_b_keys(scard)
    assist.tries = 1
    reader = _reader(scard)
    with pytest.raises(CodeBBlocked):  # the last try, spent on a mistyped code, locks the key
        reader.read_with_code_b(WRONG_B, CancelToken(), typed_by_staff=True)
    assert assist.tries == 0
    sent = len(_verifies_with_data(scard))
    with pytest.raises(CodeBBlocked):  # none left: nothing is sent, even typed
        reader.read_with_code_b(CODE_B, CancelToken(), typed_by_staff=True)
    assert len(_verifies_with_data(scard)) == sent


def test_camera_misread_stops_before_the_key_gets_low(fake_scard):
    scard = fake_scard("valid")
    assist, _ = _code_b_keys(scard)
    assist.tries = CAMERA_CODE_B_MIN_TRIES
    reader = _reader(scard)
    with pytest.raises(CodeBRejected) as error:  # 3 left: the camera's reading is tried
        reader.read_with_code_b(WRONG_B, CancelToken())
    assert error.value.tries_left == 2
    with pytest.raises(CodeBTriesLow):  # 2 left: no more from the camera
        reader.read_with_code_b(WRONG_B, CancelToken())
    assert assist.tries == 2


def test_a_code_the_card_just_accepted_opens_the_other_key_down_to_its_last_try(fake_scard):
    scard = fake_scard("valid")
    assist, face = _code_b_keys(scard)
    face.tries = 1
    reader = _reader(scard)
    facts, photo = reader.read_with_code_b(CODE_B, CancelToken())  # 入力補助AP accepted it: it is right
    assert photo and face.tries == 10
    # That proof lasts one operation: with both keys low, the next camera read is refused at once.
    assist.tries = face.tries = 2
    with pytest.raises(CodeBTriesLow):
        reader.read_with_code_b(CODE_B, CancelToken())
    # A misread never reaches the second key: the first one refuses it.
    scard = fake_scard("valid")
    assist, face = _code_b_keys(scard)
    face.tries = 2
    with pytest.raises(CodeBRejected):
        _reader(scard).read_with_code_b(WRONG_B, CancelToken())
    assert (assist.tries, face.tries) == (9, 2)


def test_uncounted_code_b_key_is_at_its_last_try(fake_scard):
    scard = fake_scard("code-b-uncounted")
    with pytest.raises(CodeBTriesLow) as error:
        _reader(scard).read_with_code_b(CODE_B, CancelToken())
    assert error.value.tries_left is None and _verifies_with_data(scard) == []
    with pytest.raises(CodeBRejected) as rejected:
        _reader(scard).read_with_code_b(WRONG_B, CancelToken(), typed_by_staff=True)
    assert rejected.value.tries_left is None  # 6300 to the VERIFY itself
    facts, _ = _reader(scard).read_with_code_b(CODE_B, CancelToken(), typed_by_staff=True)
    assert facts.name == "見本 太郎"


def test_chip_photo_for_staff_tells_the_reader_who_typed_the_code(fake_scard):
    scard = fake_scard("code-b-low")
    reader = _reader(scard)
    with pytest.raises(CodeBTriesLow):  # nothing typed: the camera's reading
        work.read_chip_photo(reader, FakeCardFaceReader(CODE_B), "", CancelToken())
    facts, photo = work.read_chip_photo(reader, FakeCardFaceReader(None), CODE_B, CancelToken())
    assert facts.name == "見本 太郎" and photo


# --- the PINs --------------------------------------------------------------------------------------


def test_uncounted_user_pin_shows_as_the_last_try(fake_scard):
    assert _reader(fake_scard("pin-uncounted")).read_summary(CancelToken()).pin_tries_left == 1
    scard = fake_scard("pin-uncounted")
    with pytest.raises(WrongPin) as error:
        _reader(scard).authenticate_with_pin("0000", CancelToken())
    assert error.value.tries_left == 1


def test_uncounted_assist_pin_is_not_tried(fake_scard):
    scard = fake_scard("valid")
    pin = scard.card.apps[apdu.ASSIST_AP].pins[apdu.EF_ASSIST_PIN]
    pin.tries = pin.max_tries = None
    with pytest.raises(AssistPinAtRisk) as error:
        _reader(scard).authenticate_with_pin("1234", CancelToken())
    assert error.value.tries_left is None
    after_assist = scard.sent_hex()[scard.sent_hex().index("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08"):]
    assert after_assist == ["00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08", "00 A4 02 0C 02 00 11", TRIES]


# --- the FF20 record -----------------------------------------------------------------------------


def test_record_start_looks_at_the_first_sixteen_offsets():
    record = bytes.fromhex("FF2006DF2203414243")
    assert tlv.record_start(record, 0xFF20) == 0
    assert tlv.record_start(bytes(15) + record, 0xFF20) == 15
    assert tlv.record_start(b"\xff\xff" + record, 0xFF20) == 2  # FF filler before the record
    with pytest.raises(RecordNotFound) as error:
        tlv.record_start(bytes(16) + record, 0xFF20)
    assert isinstance(error.value, UnexpectedResponse)


def test_facts_found_past_leading_bytes(fake_scard):
    scard = fake_scard("facts-offset")
    assert _reader(scard).authenticate_with_pin("1234", CancelToken()).name == "見本 太郎"
    facts, _ = _reader(fake_scard("facts-offset")).read_with_code_b(CODE_B, CancelToken())
    assert (facts.name, facts.address, facts.birth_date.isoformat()) == (
        "見本 太郎", "東京都千代田区霞が関1-2-2", "1980-02-17")


def test_facts_too_far_in_are_a_named_error(fake_scard):
    scard = fake_scard("valid")
    files = scard.card.apps[apdu.ASSIST_AP].files
    files[apdu.EF_ASSIST_FACTS] = bytes(17) + files[apdu.EF_ASSIST_FACTS]
    with pytest.raises(RecordNotFound):
        _reader(scard).authenticate_with_pin("1234", CancelToken())
