"""A real reader with a real card in it: what the kiosk reads before any PIN, and nothing it must not.

Run by hand at a clinic or in the lab: ``pytest tests/device --reader 'NAME'`` with a My Number card
in the reader. Set ``KIOSK_PIN`` to also check the PIN path (the test refuses to spend a card's last
try). It never reads the individual number, like the kiosk itself.
"""
from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.card.reader import PcscCardReader
from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardKind

pytestmark = pytest.mark.device


def test_the_card_is_read_without_a_pin(reader_name):
    reader = PcscCardReader(reader_name)
    try:
        summary = reader.read_summary(CancelToken())
    finally:
        reader.release()
    assert summary.kind is CardKind.MY_NUMBER, "put a My Number card in the reader"
    assert summary.certificate is not None and summary.certificate.not_after > datetime(2015, 1, 1, tzinfo=UTC)
    assert summary.pin_tries_left in (0, 1, 2, 3)


def test_the_pin_opens_the_four_facts(reader_name, device_pin):
    pin = device_pin
    if not pin:
        pytest.skip("set KIOSK_PIN to check the PIN path")
    reader = PcscCardReader(reader_name)
    try:
        summary = reader.read_summary(CancelToken())
        if (summary.pin_tries_left or 0) < 2:
            pytest.skip("the card has fewer than 2 PIN tries left: not spending one in a test")
        facts = reader.authenticate_with_pin(pin, CancelToken())
    finally:
        reader.release()
    assert facts.name and facts.address and facts.birth_date.year > 1900
