"""APDU builders, TLV sizing and status-word translation."""
from __future__ import annotations

import pytest

from kiosk.card import apdu, tlv
from kiosk.card.errors import ApduError, CodeBRejected, Step, to_card_error
from kiosk.core.errors import (
    AssistPinDiffers,
    NotMyNumberCard,
    PinBlocked,
    SecurityStatusNotSatisfied,
    UnexpectedResponse,
    WrongPin,
)


def test_builders():
    assert apdu.select_ap(apdu.JPKI_AP).hex().upper() == "00A4040C0AD392F000260100000001"
    assert apdu.select_ef(0x000A).hex().upper() == "00A4020C02000A"
    assert apdu.read_binary(0x0100, 256).hex().upper() == "00B0010000"
    assert apdu.verify(b"1234").hex().upper() == "002000800431323334"
    assert apdu.verify_status().hex().upper() == "00200080"
    assert apdu.sign(b"\x01\x02").hex().upper() == "802A008002010200"
    with pytest.raises(ValueError):
        apdu.verify(b"")  # an empty VERIFY is the tries query: never by accident
    with pytest.raises(ValueError):
        apdu.read_binary(0, 257)


def test_describe_masks_verify_data():
    assert apdu.describe(apdu.verify(b"1234")) == "00 20 00 80 04 <4 bytes masked>"
    assert apdu.describe(apdu.verify_status()) == "00 20 00 80"
    assert apdu.describe(apdu.select_ef(0x18)) == "00 A4 02 0C 02 00 18"


def test_tlv_sizes_and_records():
    assert tlv.total_length(bytes.fromhex("308204D2")) == 0x4D2 + 4
    assert tlv.total_length(bytes.fromhex("FF20 81 90".replace(" ", ""))) == 0x90 + 4
    assert tlv.header(bytes.fromhex("DF2203414243")) == (0xDF22, 3, 3)
    record = bytes.fromhex("FF200A DF2202 4142 DF2302 4344") + b"\xff" * 4
    assert tlv.record(record, 0xFF20) == {0xDF22: b"AB", 0xDF23: b"CD"}
    with pytest.raises(UnexpectedResponse):
        tlv.total_length(b"\x30")
    with pytest.raises(UnexpectedResponse):
        tlv.record(bytes.fromhex("FF2005DF2209"), 0xFF20)  # a child longer than its record
    with pytest.raises(UnexpectedResponse):
        tlv.record(bytes.fromhex("3003020101"), 0xFF20)


@pytest.mark.parametrize(
    ("sw", "step", "expected"),
    [
        (0x6A82, Step.SELECT_JPKI, NotMyNumberCard),
        (0x6A82, Step.SELECT_EF, UnexpectedResponse),
        (0x63C2, Step.VERIFY_PIN, WrongPin),
        (0x63C0, Step.VERIFY_PIN, PinBlocked),
        (0x6984, Step.VERIFY_PIN, PinBlocked),
        (0x63C1, Step.VERIFY_ASSIST_PIN, AssistPinDiffers),
        (0x63C8, Step.VERIFY_CODE_B, CodeBRejected),
        (0x6982, Step.READ, SecurityStatusNotSatisfied),
        (0x6F00, Step.SIGN, UnexpectedResponse),
    ],
)
def test_status_words_become_named_errors(sw, step, expected):
    error = to_card_error(ApduError(sw, step))
    assert type(error) is expected
    if expected is WrongPin:
        assert error.tries_left == 2
    if expected is CodeBRejected:
        assert error.tries_left == 8
