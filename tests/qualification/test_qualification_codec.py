import dataclasses
from datetime import date, datetime

import pytest

from kiosk.core.domain import IdentityMethod
from kiosk.core.errors import MalformedResult
from kiosk.core.qualification import Reference, Validity
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification import codec
from kiosk.qualification.codec import BatchEntry, RequestHeader
from kiosk.qualification.errors import CheckFailed, ResultTooLarge
from kiosk.qualification.scenario import load_scenario, scenario_names

MINIMAL = """<?xml version="1.0" encoding="{declared}"?>
<XmlMsg>
  <MessageHeader>
    <ProcessExecutionTime>20261127090005</ProcessExecutionTime>
    <QualificationConfirmationDate>20261127</QualificationConfirmationDate>
    <MedicalInstitutionCode>1312345678</MedicalInstitutionCode>
    <ArbitraryFileIdentifier>ABC123</ArbitraryFileIdentifier>
    <ReferenceClassification>2</ReferenceClassification>
    <SegmentOfResult>1</SegmentOfResult>
    <CharacterCodeIdentifier>{cci}</CharacterCodeIdentifier>
    <FutureHeaderField>x</FutureHeaderField>
  </MessageHeader>
  <MessageBody>
    <ProcessingResultStatus>1</ProcessingResultStatus>
    <QualificationValidity>1</QualificationValidity>
    <SomethingNew><Nested>1</Nested></SomethingNew>
    <ResultList>
      <ResultOfQualificationConfirmation>
        <InsuredCardClassification>01</InsuredCardClassification>
        <InsurerNumber>  138016</InsurerNumber>
        <Name>髙橋　①子</Name>
        <NameKana>ﾀｶﾊｼ ｲﾁｺ</NameKana>
        <Sex1>2</Sex1>
        <Birthdate>19450301</Birthdate>
        <Address>東京都千代田区●町１－１</Address>
        <InsuredPartialContributionRatio>010</InsuredPartialContributionRatio>
        <InsurerName>千代田区</InsurerName>
        <PharmaceuticalInfoConsFlg>1</PharmaceuticalInfoConsFlg>
        <PharmaceuticalInfoAcquisitionTime>20261128090000</PharmaceuticalInfoAcquisitionTime>
        <UnknownFlag>9</UnknownFlag>
      </ResultOfQualificationConfirmation>
    </ResultList>
  </MessageBody>
</XmlMsg>
"""


def _file(declared="UTF-8", cci="0", codec_name="utf-8") -> bytes:
    return MINIMAL.format(declared=declared, cci=cci).encode(codec_name)


@pytest.mark.parametrize(
    "data",
    [
        _file(),
        _file("Shift_JIS", "1", "cp932"),
        _file("shift_jis", "1", "cp932"),
        _file("windows-31j", "1", "cp932"),
        b"\xef\xbb\xbf" + _file(),
    ],
    ids=["utf8", "sjis", "sjis-lower", "windows-31j", "utf8-bom"],
)
def test_reads_both_encodings_and_ignores_unknown_elements(data):
    result = codec.decode_result(data)
    assert result.validity is Validity.VALID
    assert result.reference is Reference.INSURANCE_CARD
    assert result.file_id == "ABC123"
    record = result.record
    assert record.name == "髙橋　①子"
    assert record.name_kana == "ﾀｶﾊｼ ｲﾁｺ"
    assert record.insurer_number == "138016"
    assert record.birth_date == date(1945, 3, 1)
    assert record.burden_percent == 10
    assert record.drugs_consent.flag == "1"  # read under the other client's element name
    assert record.drugs_consent.available_until.day == 28


def test_without_declaration_the_character_code_identifier_decides():
    text = MINIMAL.format(declared="", cci="1").split("\n", 1)[1]
    assert codec.decode_result(text.encode("cp932")).record.name == "髙橋　①子"


def test_the_declaration_wins_over_the_character_code_identifier():
    data = _file("UTF-8", "1", "utf-8")
    assert codec.decode_result(data).record.name == "髙橋　①子"


@pytest.mark.parametrize("name", scenario_names())
@pytest.mark.parametrize("character_code", ["0", "1"])
def test_every_scenario_result_survives_a_round_trip(name, character_code):
    result = dataclasses.replace(load_scenario(name).result, character_code=character_code)
    assert codec.decode_result(codec.encode_result(result)) == result


def test_characters_shift_jis_cannot_hold_are_kept_as_references(valid_result):
    record = dataclasses.replace(valid_result.records[0], name="𠮷田　太郎")
    result = dataclasses.replace(valid_result, records=(record,), character_code="1")
    data = codec.encode_result(result)
    assert b"&#134071;" in data
    assert codec.decode_result(data).record.name == "𠮷田　太郎"


MALFORMED = {
    "empty": b"",
    "not xml": b"hello",
    "truncated": _file()[:300],
    "no body": b"<XmlMsg><MessageHeader/></XmlMsg>",
    "no validity": b"<XmlMsg><MessageHeader/><MessageBody><ProcessingResultStatus>1</ProcessingResultStatus>"
    b"</MessageBody></XmlMsg>",
    "unknown validity": _file().replace(b"<QualificationValidity>1<", b"<QualificationValidity>7<"),
    "bad date": _file().replace(b"19450301", b"19451301"),
    "not a date": _file().replace(b"19450301", b"1945-3-1"),
    "bad percent": _file().replace(b">010<", b">1wari<"),
    "bad utf-8": _file().replace("髙".encode(), b"\xff\xfe"),
    "sjis declared as utf-8": _file("UTF-8", "1", "cp932"),
    "unknown encoding": _file("EBCDIC-JP", "0"),
    "doctype": b'<?xml version="1.0"?><!DOCTYPE XmlMsg [<!ENTITY a "aaaa">]><XmlMsg>&a;</XmlMsg>',
    "external entity": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    "undefined entity": b"<XmlMsg>&nope;</XmlMsg>",
}


@pytest.mark.parametrize("data", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_files_raise_the_named_error(data):
    with pytest.raises(MalformedResult):
        codec.decode_result(data)


def test_a_huge_file_is_refused_before_parsing():
    with pytest.raises(ResultTooLarge):
        codec.decode_result(b"<XmlMsg>" + b" " * (9 * 1024 * 1024) + b"</XmlMsg>")


def test_an_abnormal_end_is_check_failed():
    data = codec.encode_abnormal("EQ2001", "接続できません", file_id="X", institution_code="1312345678",
                                 processed_at=datetime(2026, 11, 27, 9), character_code="1")
    with pytest.raises(CheckFailed) as caught:
        codec.decode_result(data)
    assert caught.value.error_code == "EQ2001"
    assert caught.value.error_message == "接続できません"


QUERY = InsuranceCardQuery("138016", "千代", "7654321", "01", date(1945, 3, 1), limit_consent=True)
HEADER = RequestHeader("20261127090000123456", "1312345678", date(2026, 11, 27), "1")


def test_insurance_request_round_trip_pads_the_insurer_number():
    data = codec.encode_insurance_request(HEADER, QUERY)
    assert b"<InsurerNumber>  138016</InsurerNumber>" in data
    assert data.startswith(b'<?xml version="1.0" encoding="Shift_JIS"')
    header, query = codec.decode_insurance_request(data)
    assert header == HEADER
    assert query == QUERY


def test_card_request_round_trip(certificate):
    data = codec.encode_card_request(HEADER, certificate, IdentityMethod.VISUAL, limit_consent=False)
    request = codec.decode_card_request(data)
    assert request.certificate_der == certificate.der
    assert request.method is IdentityMethod.VISUAL
    assert request.limit_consent is False


def test_batch_messages_round_trip(valid_result):
    header, queries = codec.decode_batch_upload_request(codec.encode_batch_upload_request(HEADER, (QUERY, QUERY)))
    assert queries == (QUERY, QUERY)
    _, number = codec.decode_batch_download_request(codec.encode_batch_download_request(HEADER, "R1"))
    assert number == "R1"
    answer = codec.encode_batch_upload_answer("R1", file_id="X", institution_code="1",
                                              processed_at=valid_result.processed_at, character_code="0")
    assert codec.decode_batch_upload_answer(answer) == "R1"
    entries = (BatchEntry(QUERY, valid_result), BatchEntry(QUERY, None, "E1", "not found"))
    data = codec.encode_batch_download_answer(entries, reception_number="R1", file_id="X",
                                              institution_code="1312345678",
                                              processed_at=valid_result.processed_at, character_code="1")
    decoded = codec.decode_batch_download_answer(data)
    assert decoded[0].query == QUERY
    assert decoded[0].result.records == valid_result.records
    assert decoded[1].result is None and decoded[1].error_code == "E1"
