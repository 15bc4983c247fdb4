"""How the outbox writes: once per reception, whole or not at all, into a folder it creates, never the
individual number, and a named error when it cannot."""
from __future__ import annotations

import os
from dataclasses import replace
from datetime import timedelta

import pytest

from kiosk.core.errors import StoreError
from kiosk.core.fallback import CheckOutcome, decide_billing
from kiosk.outbox.errors import OutboxUnwritable
from kiosk.outbox.publisher import OutboxPublisher
from kiosk.outbox.writer import Outbox
from kiosk.qualification.publisher import FaceFilePublisher
from tests.outbox.conftest import (
    ENDED,
    INSTITUTION,
    OLD_RECORD,
    TODAY,
    TWELVE_DIGITS,
    declaration,
    document,
    only,
    pdf_text,
    reception,
)


def _publisher(tmp_path, outbox) -> OutboxPublisher:
    return OutboxPublisher(FaceFilePublisher(tmp_path, INSTITUTION), outbox)


def _unknown(**changes):
    form = declaration(**changes)
    return decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, declaration=form), form


def test_a_second_publish_of_the_session_writes_nothing(tmp_path, outbox):
    billing, form = _unknown()
    publisher = _publisher(tmp_path, outbox)
    first = publisher.publish_fallback(reception(), billing, form)
    before = {p.name: p.read_bytes() for p in outbox.iterdir()}
    later = reception(ended_at=ENDED + timedelta(minutes=3))  # the card left behind: the reception saved again
    assert publisher.publish_fallback(later, billing, form) == first
    assert {p.name: p.read_bytes() for p in outbox.iterdir()} == before
    assert sorted(p.suffix for p in outbox.iterdir()) == [".json", ".pdf"]
    publisher.publish_fallback(reception("9c41d0e2aa17"), billing, form)
    assert len([p for p in outbox.iterdir() if p.suffix == ".json"]) == 2, "another reception has its own record"


def test_a_missing_outbox_folder_is_created(tmp_path):
    outbox = tmp_path / "share" / "outbox"
    billing, form = _unknown()
    _publisher(tmp_path, outbox).publish_fallback(reception(), billing, form)
    assert document(outbox)["basis"] == "unknown"


def test_an_outbox_that_cannot_be_written_is_a_named_store_error(tmp_path):
    blocked = tmp_path / "outbox"
    blocked.write_text("a file where the folder should be")
    billing, form = _unknown()
    with pytest.raises(OutboxUnwritable) as caught:
        _publisher(tmp_path, blocked).publish_fallback(reception(), billing, form)
    assert isinstance(caught.value, StoreError) and caught.value.code == "outbox_unwritable"
    with pytest.raises(OutboxUnwritable):
        _publisher(tmp_path, blocked / "inside").publish_fallback(reception(), billing, form)


def test_a_write_that_fails_half_way_leaves_nothing_under_the_final_name(tmp_path, outbox, monkeypatch):
    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    billing, form = _unknown()
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", disk_full)  # the bytes are in the temporary file, not yet renamed
        with pytest.raises(OutboxUnwritable):
            _publisher(tmp_path, outbox).publish_fallback(reception(), billing, form)
    assert os.listdir(outbox) == [], "no half file under the final name and no temporary file left"


def test_a_record_that_failed_after_its_pdf_is_finished_by_the_next_publish(tmp_path, outbox, monkeypatch):
    real_replace = os.replace

    def json_fails(source, target):
        if str(target).endswith(".json"):
            raise OSError(5, "Input/output error")
        real_replace(source, target)

    billing, form = _unknown()
    publisher = _publisher(tmp_path, outbox)
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", json_fails)
        with pytest.raises(OutboxUnwritable):
            publisher.publish_fallback(reception(), billing, form)
    assert [p.suffix for p in outbox.iterdir()] == [".pdf"], "the PDF comes first: a record never names a missing PDF"
    name = publisher.publish_fallback(reception(ended_at=ENDED + timedelta(minutes=1)), billing, form)
    assert sorted(os.listdir(outbox)) == sorted([name.removesuffix(".json") + ".pdf", name])
    assert document(outbox)["declaration_pdf"] == only(outbox, ".pdf").name


def test_the_folder_check_reads_only_finished_files(tmp_path):
    outbox = Outbox(tmp_path)
    (tmp_path / ".kiosk_fallback_x.json.123.tmp").write_bytes(b"{")
    assert outbox.existing("kiosk_fallback_", ".json") is None
    outbox.write("kiosk_fallback_x.json", b"{}")
    assert outbox.existing("kiosk_fallback_", ".json") == "kiosk_fallback_x.json"


def test_no_twelve_digit_number_reaches_the_outbox(tmp_path, outbox):
    # Someone typed an individual number where the employer goes, and this session's random id happens to
    # be all digits: neither may appear as a 12-digit run in any file or file name.
    number = "123456789018"
    form = declaration(employer=f"番号 {number}", other_addresses=(f"東京都 {number}",))
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, declaration=form)
    assert any(number in line for line in billing.remarks), "the bill itself would carry it"
    record = replace(reception("202611270914"), facts=form.facts)
    _publisher(tmp_path, outbox).publish_fallback(record, billing, form)
    for path in outbox.iterdir():
        assert not TWELVE_DIGITS.search(path.name.encode()), path.name
        assert not TWELVE_DIGITS.search(path.read_bytes()), path.name
    text = pdf_text(only(outbox, ".pdf").read_bytes())
    assert number not in text and "番号 ************" in text and "2026-1127-0914" in text
    doc = document(outbox)
    assert doc["session_id"] == "2026-1127-0914"
    assert doc["declaration"]["employer"] == "番号 ************"
    assert "事業所名 番号 ************" in doc["remarks"]
    assert doc["warnings"][-1] == "individual_number_masked", "staff are told to look at the masked field"


def test_an_ordinary_record_is_not_flagged_as_masked(tmp_path, outbox):
    billing = decide_billing(CheckOutcome.INVALID, today=TODAY, old_qualification=OLD_RECORD, declaration=declaration())
    _publisher(tmp_path, outbox).publish_fallback(reception(), billing, declaration())
    assert "individual_number_masked" not in document(outbox)["warnings"]
