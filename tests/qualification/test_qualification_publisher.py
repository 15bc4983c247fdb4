import dataclasses
import os
import re
from datetime import datetime

import pytest

from kiosk.core.domain import Consent, IdentityMethod
from kiosk.core.errors import QualificationError
from kiosk.core.qualification import Reference
from kiosk.core.values import ReceptionRecord
from kiosk.qualification import codec
from kiosk.qualification.errors import TerminalFolderMissing
from kiosk.qualification.publisher import FaceFilePublisher

ENDED = datetime(2026, 11, 27, 9, 3, 7, 123456)


def _reception(result, **changes) -> ReceptionRecord:
    values = dict(session_id="s-1", started_at=datetime(2026, 11, 27, 9, 1), ended_at=ENDED, outcome="completed",
                  method=IdentityMethod.FACE, result=result,
                  consent=Consent(medical=True, drugs=True, checkups=False, limit=True))
    values.update(changes)
    return ReceptionRecord(**values)


@pytest.mark.parametrize(
    ("encoding", "declared", "codec_name"), [("utf-8", b"UTF-8", "utf-8"), ("shift_jis", b"Shift_JIS", "cp932")]
)
def test_publishes_a_face_file_in_the_configured_encoding(tmp_path, valid_result, encoding, declared, codec_name):
    name = FaceFilePublisher(tmp_path, "1312345678", encoding).publish(_reception(valid_result))
    assert re.fullmatch(r"OQSsiquc01res_face_1312345678\d{10}_20261127090307\.xml", name)
    assert os.listdir(tmp_path) == [name]  # no temporary file left behind
    data = (tmp_path / name).read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="' + declared)
    assert "見本　太郎".encode(codec_name) in data
    result = codec.decode_result(data)
    assert result.reference is Reference.CARD
    assert result.processed_at == ENDED.replace(microsecond=0)
    assert result.institution_code == "1312345678"
    record = result.record
    assert record.drugs_consent.flag == "1" and record.drugs_consent.consented_at == ENDED.replace(microsecond=0)
    assert record.checkups_consent.flag == "0" and record.checkups_consent.consented_at is None
    assert record.diagnosis_consent.flag == "1"
    assert record.limit_class == "A03" and record.limit_consent == "1"


def test_declined_limit_information_is_left_out(tmp_path, valid_result):
    consent = Consent(medical=False, drugs=False, checkups=False, limit=False)
    name = FaceFilePublisher(tmp_path, "1312345678").publish(_reception(valid_result, consent=consent))
    record = codec.decode_result((tmp_path / name).read_bytes()).record
    assert record.limit is None and record.limit_class == "" and record.limit_consent == "0"


def test_the_record_staff_settled_on_is_published(tmp_path, valid_result):
    several = dataclasses.replace(valid_result, records=valid_result.records * 2)
    corrected = dataclasses.replace(valid_result.records[0], name="見本　太郎", insurer_number="138016")
    name = FaceFilePublisher(tmp_path, "1312345678").publish(_reception(several, billing=corrected))
    assert codec.decode_result((tmp_path / name).read_bytes()).record.insurer_number == "138016"


def test_publishing_twice_replaces_the_file_atomically(tmp_path, valid_result):
    publisher = FaceFilePublisher(tmp_path, "1312345678")
    first = publisher.publish(_reception(valid_result))
    assert publisher.publish(_reception(valid_result)) == first
    assert os.listdir(tmp_path) == [first]


def test_errors_are_named(tmp_path, valid_result):
    with pytest.raises(TerminalFolderMissing):
        FaceFilePublisher(tmp_path / "missing", "1312345678").publish(_reception(valid_result))
    with pytest.raises(QualificationError):
        FaceFilePublisher(tmp_path, "1312345678").publish(_reception(None))
    with pytest.raises(ValueError):
        FaceFilePublisher(tmp_path, "1312345678", "latin-1")
