import dataclasses
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.core.domain import IdentityMethod
from kiosk.core.errors import MalformedResult
from kiosk.core.qualification import Reference, Validity
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification import codec, schema, xmlsafe
from kiosk.qualification.codec import BatchEntry, RequestHeader
from kiosk.qualification.errors import CheckFailed, NotAResult, ResultTooLarge
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
    header, queries, identifiers = codec.decode_batch_upload_request(
        codec.encode_batch_upload_request(HEADER, (QUERY, QUERY), ("appt-1", "appt-2")))
    assert queries == (QUERY, QUERY) and identifiers == ("appt-1", "appt-2")
    _, number = codec.decode_batch_download_request(codec.encode_batch_download_request(HEADER, "R1"))
    assert number == "R1"
    answer = codec.encode_batch_upload_answer("R1", file_id="X", institution_code="1",
                                              processed_at=valid_result.processed_at, character_code="0")
    assert codec.decode_batch_upload_answer(answer) == "R1"
    entries = (BatchEntry(QUERY, valid_result, identifier="appt-1"), BatchEntry(QUERY, None, "E1", "not found"))
    data = codec.encode_batch_download_answer(entries, reception_number="R1", file_id="X",
                                              institution_code="1312345678",
                                              processed_at=valid_result.processed_at, character_code="1")
    decoded = codec.decode_batch_download_answer(data)
    assert (decoded.reception_number, decoded.processed, decoded.normal, decoded.errors) == ("R1", 2, 1, 1)
    assert decoded.entries[0].query == QUERY and decoded.entries[0].identifier == "appt-1"
    assert decoded.entries[0].result.records == valid_result.records
    assert decoded.entries[1].result is None and decoded.entries[1].error_code == "E1"
    assert decoded.unknown == ()


# --- the dialect of the public clients ----------------------------------------------------------

DATA = Path(__file__).parent / "data"


def test_the_public_face_sample_parses_to_its_patient():
    """The face file of hangilc/myclinic-ts packages/frontend/src/lib/onshi-face.test.ts, elements in the
    terminal's order, ``standalone="no"``, a terminal-made ArbitraryFileIdentifier."""
    result = codec.decode_result((DATA / "myclinic_onshi_face.xml").read_bytes())
    assert result.validity is Validity.VALID and result.reference is Reference.CARD
    assert result.file_id == "ArnHCeDfNjMCFzg="
    record = result.record
    assert (record.name, record.name_kana) == ("診療　太郎", "ｼﾝﾘｮｳ ﾀﾛｳ")
    assert record.insurer_number == "123456"  # written "  123456": the padding is not part of the number
    assert (record.card_symbol, record.card_number, record.branch_number) == ("12-34", "4260", "01")
    assert record.birth_date == date(2001, 3, 27) and record.sex == "1"
    assert record.checkups_consent.flag == "1" and record.diagnosis_consent.flag == "0"
    assert result.unknown == ()


def test_files_are_written_standalone_no():
    """Public writers declare standalone="no": YUKI-ENT/OQSDrug2 OQSDrug/BulkQualificationService.cs
    (CreateRequestAsync) and the myclinic-ts face sample."""
    data = codec.encode_insurance_request(HEADER, QUERY)
    assert data.startswith(b'<?xml version="1.0" encoding="Shift_JIS" standalone="no"?>')


def test_requests_carry_the_public_header_and_the_encoding_in_their_declaration():
    """The request header of Sotatek-ChinhVu/smart-test UseCase/XmlDTD/QCBIXmlMsgRequest/QCBIXmlMsgRequest.cs:
    QualificationConfirmationDate, MedicalInstitutionCode, ArbitraryFileIdentifier."""
    root, _codec = xmlsafe.parse(codec.encode_insurance_request(HEADER, QUERY))
    assert [child.tag for child in root.find("MessageHeader")] == [
        "QualificationConfirmationDate", "MedicalInstitutionCode", "ArbitraryFileIdentifier"]
    utf8 = dataclasses.replace(HEADER, character_code="0")
    assert codec.decode_insurance_request(codec.encode_insurance_request(utf8, QUERY))[0] == utf8


def test_the_batch_download_request_header_is_the_institution_code_alone():
    """YUKI-ENT/OQSDrug2 OQSDrug/BulkQualificationService.cs (CreateDownloadRequestAsync) and
    Sotatek-ChinhVu/smart-test UseCase/XmlDTD/QCBIDXmlMsgRequest/QCBIDXmlMsgRequest.cs."""
    root, _codec = xmlsafe.parse(codec.encode_batch_download_request(HEADER, "R1"))
    assert [(child.tag, child.text) for child in root.find("MessageHeader")] == [
        ("MedicalInstitutionCode", "1312345678")]


def test_validity_6_is_a_valid_result():
    """QualificationValidity 6 有効（未登録） (医療扶助 only), as public onshi code tables list OQSCD006
    (see schema.py [CT]); card class A1 医療扶助 as YUKI-ENT/OQSDrug2 OQSDrug/QualificationImportModels.cs reads it."""
    data = _file().replace(b"<QualificationValidity>1<", b"<QualificationValidity>6<").replace(
        b"<InsuredCardClassification>01<", b"<InsuredCardClassification>A1<")
    result = codec.decode_result(data)
    assert result.validity is Validity.VALID_UNREGISTERED and result.validity.is_valid
    assert result.record.card_classification == "A1"
    assert not any("InsuredCardClassification" in path for path in result.unknown)


# A batch answer laid out as Sotatek-ChinhVu/smart-test UseCase/XmlDTD/QCBIDXmlMsgResponse/QCBIDXmlMsgResponse.cs
# declares it (the counts in the header; per BulkConfirmUnit the record with ReferenceNumber beside it) and as
# YUKI-ENT/OQSDrug2 OQSDrug/QualificationImportModels.cs reads it.
BATCH_ANSWER = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<XmlMsg>
  <MessageHeader>
    <ProcessExecutionTime>20261127090005</ProcessExecutionTime>
    <QualificationConfirmationDate>20261127</QualificationConfirmationDate>
    <MedicalInstitutionCode>1312345678</MedicalInstitutionCode>
    <ArbitraryFileIdentifier>20261127090000123456</ArbitraryFileIdentifier>
    <ReceptionNumber>R000123</ReceptionNumber>
    <SegmentOfResult>1</SegmentOfResult>
    <NumberOfProcessingResult>1</NumberOfProcessingResult>
    <NumberOfNormalProcessing>1</NumberOfNormalProcessing>
    <NumberOfError>0</NumberOfError>
    <CharacterCodeIdentifier>0</CharacterCodeIdentifier>
  </MessageHeader>
  <MessageBody>
    <BulkConfirmUnit>
      <QualificationConfirmSearchInfo>
        <InsurerNumber>  138016</InsurerNumber>
        <InsuredIdentificationNumber>7654321</InsuredIdentificationNumber>
        <Birthdate>19450301</Birthdate>
        <LimitApplicationCertificateRelatedConsFlg>0</LimitApplicationCertificateRelatedConsFlg>
        <ArbitraryIdentifier>1001_2</ArbitraryIdentifier>
      </QualificationConfirmSearchInfo>
      <ProcessingResultStatus>1</ProcessingResultStatus>
      <QualificationValidity>1</QualificationValidity>
      <ResultOfQualificationConfirmation>
        <InsurerNumber>  138016</InsurerNumber>
        <Name>見本　花子</Name>
        <Birthdate>19450301</Birthdate>
        <LimitApplicationCertificateChanged>1</LimitApplicationCertificateChanged>
      </ResultOfQualificationConfirmation>
      <ReferenceNumber>0000012345678901</ReferenceNumber>
    </BulkConfirmUnit>
  </MessageBody>
</XmlMsg>
"""


def test_the_batch_reference_number_beside_the_record_is_the_records():
    answer = codec.decode_batch_download_answer(BATCH_ANSWER.encode())
    assert (answer.reception_number, answer.processed, answer.normal, answer.errors) == ("R000123", 1, 1, 0)
    (entry,) = answer.entries
    assert entry.identifier == "1001_2" and entry.query.insurer_number == "138016"
    record = entry.result.record
    assert record.reference_number == "0000012345678901"
    assert record.limit_certificate_changed == "1"
    assert answer.unknown == ()


def test_elements_the_kiosk_used_to_skip_are_read():
    """PrescriptionIssueSelect and ArbitraryIdentifier (hangilc/myclinic-ts packages/onshi-result/MessageBody.ts,
    QualificationConfirmSearchInfo.ts), the 医療券 fields of MedicalTicketInfo (YUKI-ENT/OQSDrug2
    OQSDrug/QualificationFaceExporter.cs), consent 3 同意取得困難 (OQSCD016, schema.py [CT])."""
    ticket = ("<PublicExpenseResultList><MedicalTicketInfo><TicketType>1</TicketType>"
              "<DesignatedMedicalInstitutionCode>1312345678</DesignatedMedicalInstitutionCode>"
              "<DesignatedMedicalInstitutionName>見本医院</DesignatedMedicalInstitutionName>"
              "<InjuryName1>高血圧症</InjuryName1><StatusOfInfecton>0</StatusOfInfecton>"
              "<Remarks3>備考</Remarks3><SelfPayAmount>1500</SelfPayAmount>"
              "</MedicalTicketInfo></PublicExpenseResultList><DiagnosisInfoConsFlg>3</DiagnosisInfoConsFlg>")
    data = MINIMAL.format(declared="UTF-8", cci="0").replace("<UnknownFlag>9</UnknownFlag>", ticket).replace(
        "<SomethingNew><Nested>1</Nested></SomethingNew>",
        "<PrescriptionIssueSelect>1</PrescriptionIssueSelect>"
        "<QualificationConfirmSearchInfo><ArbitraryIdentifier>P42</ArbitraryIdentifier>"
        "</QualificationConfirmSearchInfo>").encode()
    result = codec.decode_result(data)
    assert (result.prescription_issue, result.search_identifier) == ("1", "P42")
    (medical_ticket,) = result.record.medical_tickets
    assert medical_ticket.designated_institution_code == "1312345678"
    assert medical_ticket.designated_institution_name == "見本医院"
    assert (medical_ticket.injury_name_1, medical_ticket.infection_status) == ("高血圧症", "0")
    assert (medical_ticket.remarks_3, medical_ticket.self_pay_yen) == ("備考", 1500)
    assert result.record.diagnosis_consent.flag == "3"
    assert result.unknown == ("MessageHeader/FutureHeaderField",)
    assert codec.decode_result(codec.encode_result(result)) == dataclasses.replace(result, unknown=())


def test_what_lies_outside_the_dialect_is_kept_out_and_named():
    data = _file().replace(b"<Sex1>2</Sex1>", b"<Sex1>9</Sex1><Name>other</Name>").replace(
        b"<InsuredCardClassification>01<", b"<InsuredCardClassification>\xe5\x90\x8d\xe5\x89\x8d<")
    result = codec.decode_result(data)
    record = "MessageBody/ResultList/ResultOfQualificationConfirmation"
    assert result.unknown == (
        "MessageHeader/FutureHeaderField",
        "MessageBody/SomethingNew",
        f"{record}/InsuredCardClassification=…",  # not a code: its value is not repeated (it may be personal)
        f"{record}/Sex1=9",
        f"{record}/Name[2]",
        f"{record}/UnknownFlag",
    )
    assert result.record.sex == "9" and result.record.name == "髙橋　①子"  # kept as sent; the first Name read


NOT_RESULTS = {
    "another root": b"<Other><MessageHeader/><MessageBody/></Other>",
    "a request": codec.encode_insurance_request(HEADER, QUERY),
    "an upload answer": codec.encode_batch_upload_answer("R1", file_id="X", institution_code="1",
                                                         processed_at=datetime(2026, 11, 27, 9), character_code="0"),
}


@pytest.mark.parametrize("data", NOT_RESULTS.values(), ids=NOT_RESULTS.keys())
def test_xml_that_is_no_result_is_a_named_error(data):
    with pytest.raises(NotAResult) as caught:
        codec.decode_result(data)
    assert caught.value.code == "not_a_result"


def test_the_validity_codes_and_the_domain_validities_are_the_same():
    assert {str(validity.value) for validity in Validity} == set(schema.VALIDITY_CODES)
