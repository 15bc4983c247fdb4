"""The virtual card answers like the real one (as OpenSC and jpki/myna describe it)."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from kiosk.card import apdu
from kiosk.card.virtual.card import MY_NUMBER_ATR, VirtualMyNumberCard
from kiosk.card.virtual.files import face_photo
from kiosk.card.virtual.profiles import PROFILES, profile


@pytest.fixture(scope="module")
def card():
    return VirtualMyNumberCard(profile("valid"))


def sw(response: bytes) -> str:
    return response[-2:].hex().upper()


def test_atr_and_unknown_commands(card):
    assert card.atr == MY_NUMBER_ATR
    assert sw(card.process(bytes.fromhex("00CA010000"))) == "6D00"
    assert sw(card.process(bytes.fromhex("A0A4000002"))) == "6E00"
    assert sw(card.process(apdu.select_ap(bytes(10)))) == "6A82"


def test_pin_counter_locks_and_stays_locked():
    card = VirtualMyNumberCard(profile("valid"))
    card.process(apdu.select_ap(apdu.JPKI_AP))
    card.process(apdu.select_ef(apdu.EF_AUTH_PIN))
    answers = [sw(card.process(apdu.verify(b"0000"))) for _ in range(3)]
    assert answers == ["63C2", "63C1", "63C0"]
    assert sw(card.process(apdu.verify(b"1234"))) == "6984"
    assert sw(card.process(apdu.verify_status())) == "6984"


def test_tries_query_spends_nothing_and_verify_lasts_until_reselect():
    card = VirtualMyNumberCard(profile("valid"))
    card.process(apdu.select_ap(apdu.JPKI_AP))
    card.process(apdu.select_ef(apdu.EF_AUTH_PIN))
    assert [sw(card.process(apdu.verify_status())) for _ in range(5)] == ["63C3"] * 5
    assert sw(card.process(apdu.verify(b"1234"))) == "9000"
    assert sw(card.process(apdu.verify_status())) == "9000"
    card.process(apdu.select_ap(apdu.JPKI_AP))
    card.process(apdu.select_ef(apdu.EF_AUTH_PIN))
    assert sw(card.process(apdu.verify_status())) == "63C3"


def test_protected_files_and_offsets(card):
    card.process(apdu.select_ap(apdu.ASSIST_AP))
    card.process(apdu.select_ef(apdu.EF_ASSIST_FACTS))
    assert sw(card.process(apdu.read_binary(0, 16))) == "6982"
    card.process(apdu.select_ap(apdu.JPKI_AP))
    card.process(apdu.select_ef(apdu.EF_AUTH_CERT))
    size = len(card.apps[apdu.JPKI_AP].files[apdu.EF_AUTH_CERT])
    assert sw(card.process(apdu.read_binary(size, 16))) == "6B00"
    tail = card.process(apdu.read_binary(size - 8, 16))
    assert tail[:-2] == b"\xff" * 8 and sw(tail) == "6282"  # FF filler after the certificate
    card.process(apdu.select_ef(apdu.EF_AUTH_KEY))
    assert sw(card.process(apdu.sign(b"\x00" * 51))) == "6982"  # no PIN, no signature


def test_not_my_number_card():
    card = VirtualMyNumberCard(profile("not-my-number"))
    assert card.atr != MY_NUMBER_ATR
    assert sw(card.process(apdu.select_ap(apdu.JPKI_AP))) == "6A82"


def test_profiles_and_code_b():
    assert {"valid", "expiring", "expired", "pin-low", "pin-locked", "assist-pin-differs", "not-my-number",
            "slow", "garbage", "pulled"} <= set(PROFILES)
    assert profile("valid").code_b == "55021720301234"
    with pytest.raises(ValueError):
        profile("no-such-card")


def test_face_photo_is_small_grey_jpeg2000():
    photo = face_photo()
    with Image.open(io.BytesIO(photo)) as image:
        assert image.format == "JPEG2000"
        assert image.mode == "L"
        assert max(image.size) <= 225
    assert len(photo) < 16_000


def test_key_without_a_count_answers_6300_and_never_blocks():
    card = VirtualMyNumberCard(profile("code-b-uncounted"))
    card.process(apdu.select_ap(apdu.FACE_AP))
    card.process(apdu.select_ef(apdu.EF_FACE_CODE_B))
    assert sw(card.process(apdu.verify_status())) == "6300"
    assert [sw(card.process(apdu.verify(b"0" * 14))) for _ in range(12)] == ["6300"] * 12
    assert sw(card.process(apdu.verify(profile("valid").code_b.encode()))) == "9000"
    assert sw(card.process(apdu.verify_status())) == "9000"


def test_code_b_low_profile_counts_from_two():
    card = VirtualMyNumberCard(profile("code-b-low"))
    card.process(apdu.select_ap(apdu.ASSIST_AP))
    card.process(apdu.select_ef(apdu.EF_ASSIST_CODE_B))
    assert sw(card.process(apdu.verify_status())) == "63C2"


def test_number_image_opens_with_code_a_only():
    """The 券面AP holds the number's image behind 照合番号A, as a real card does: the kiosk's refusal to
    reach it is about a file that is there (built by hand here: the kiosk's own builders are not the point)."""
    card = VirtualMyNumberCard(profile("valid"))
    number_image = bytes.fromhex("00A4020C020005")
    code_a = bytes.fromhex("00A4020C020013")
    card.process(apdu.select_ap(apdu.FACE_AP))
    card.process(apdu.select_ef(apdu.EF_FACE_CODE_B))
    card.process(apdu.verify(profile("valid").code_b.encode()))
    assert sw(card.process(number_image)) == "9000"
    assert sw(card.process(apdu.read_binary(0, 16))) == "6982"  # 照合番号B does not open it
    card.process(code_a)
    card.process(apdu.verify(profile("valid").individual_number.encode()))
    card.process(number_image)
    assert card.process(apdu.read_binary(0, 2))[:-2] == bytes.fromhex("FF40")
