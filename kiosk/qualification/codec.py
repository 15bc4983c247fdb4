"""The terminal's XML files ⇄ the core model.

Reading is tolerant of what it does not know and strict about what it relies on. Elements in any order are
read; an unknown element, an unknown code value or a repeated single element is kept out of the model but
named in the result's ``unknown`` (paths and codes only, never contents). A missing or unknown
QualificationValidity, a date that is no date or a file that is no XML raises MalformedResult; XML that is
no result file raises NotAResult; an abnormal end reported by the terminal raises CheckFailed. Writing
produces the public clients' layout (docs/qualification.md) in UTF-8 or Shift_JIS.
"""
from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import partial
from typing import Any

from kiosk.core.domain import CertificateInfo, IdentityMethod
from kiosk.core.errors import MalformedResult
from kiosk.core.qualification import (
    ElderlyCertificate,
    InfoConsent,
    LimitCertificate,
    MedicalTicket,
    QualificationRecord,
    QualificationResult,
    Reference,
    SpecificDiseaseCertificate,
    Validity,
)
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification import schema, xmlsafe
from kiosk.qualification.errors import CheckFailed, NotAResult, NumberTooLong

# --- values -------------------------------------------------------------------------------------


def _date(text: str) -> date | None:
    if not text:
        return None
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise MalformedResult(f"not a YYYYMMDD date: {text!r}")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise MalformedResult(f"no such date: {text!r}") from None


def _datetime(text: str) -> datetime | None:
    if not text:
        return None
    if len(text) != 14 or not text.isascii() or not text.isdigit():
        raise MalformedResult(f"not a YYYYMMDDHHMMSS time: {text!r}")
    try:
        return datetime.strptime(text, "%Y%m%d%H%M%S")
    except ValueError:
        raise MalformedResult(f"no such time: {text!r}") from None


# How many digits a number of each kind may have: its length is looked at before ``int()``, whose own limit
# (4,300 digits) is a ValueError. A ratio is 0–100; an amount in yen stays below ten billion; a batch count
# below ten million.
MAX_DIGITS = {"percent": 3, "int": 10}
COUNT_DIGITS = 7


def _int(text: str, field: str, digits: int) -> int | None:
    if not text:
        return None
    if not text.isascii() or not text.isdigit():
        raise MalformedResult(f"{field}: not a number: {text[:20]!r}")
    if len(text) > digits:
        raise NumberTooLong(f"{field} has {len(text):,} digits", f"{digits} digits")
    return int(text)


# Each reads ``(text, field)``: the field names a number that is too long.
_READERS: dict[str, Callable[[str, str], Any]] = {
    "text": lambda text, _field: text,
    "date": lambda text, _field: _date(text),
    "datetime": lambda text, _field: _datetime(text),
    **{kind: partial(_int, digits=digits) for kind, digits in MAX_DIGITS.items()},
}


def _write_value(kind: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if kind == "date":
        return value.strftime("%Y%m%d")
    if kind == "datetime":
        return value.strftime("%Y%m%d%H%M%S")
    if kind == "percent":
        return f"{int(value):03d}"
    return str(value)


# --- reading ------------------------------------------------------------------------------------

Shape = dict[str, "Shape | None"]


def _text(parent: ET.Element | None, tag: str) -> str:
    if parent is None:
        return ""
    child = parent.find(tag)
    if child is None or child.text is None:
        return ""
    return child.text.strip()


def _first_text(parent: ET.Element, tags: tuple[str, ...]) -> str:
    for tag in tags:
        value = _text(parent, tag)
        if value:
            return value
    return ""


def _read_fields(element: ET.Element, fields: tuple[tuple[str, str, str], ...]) -> dict[str, Any]:
    return {attr: _READERS[kind](_text(element, tag), tag) for tag, attr, kind in fields}


def _read_group(element: ET.Element | None, cls, fields):
    if element is None:
        return None
    values = _read_fields(element, fields)
    if all(value in (None, "") for value in values.values()):
        return None
    return cls(**values)


def _read_record(element: ET.Element) -> QualificationRecord:
    values: dict[str, Any] = {}
    for tag, attr, kind in schema.RECORD_FIELDS:
        if kind in _READERS:
            values[attr] = _READERS[kind](_text(element, tag), tag)
        elif kind == "elderly":
            values[attr] = _read_group(element.find(tag), ElderlyCertificate, schema.ELDERLY_FIELDS)
        elif kind == "limit":
            group = element.find(tag)
            values["limit_class"] = _text(group, schema.LIMIT_CLASS_FLAG)
            values[attr] = _read_group(group, LimitCertificate, schema.LIMIT_FIELDS)
        elif kind == "specific":
            items = element.findall(f"{tag}/{schema.SPECIFIC_ITEM}")
            found = (_read_group(item, SpecificDiseaseCertificate, schema.SPECIFIC_FIELDS) for item in items)
            values[attr] = tuple(item for item in found if item is not None)
        elif kind == "tickets":
            items = element.findall(f"{tag}/{schema.TICKET_ITEM}")
            found = (_read_group(item, MedicalTicket, schema.TICKET_FIELDS) for item in items)
            values[attr] = tuple(item for item in found if item is not None)
        elif kind == "consents":
            for name, flags, times, available in schema.CONSENTS:
                flag = _first_text(element, flags)
                consented_at = _datetime(_first_text(element, times))
                available_until = _datetime(_first_text(element, available))
                if flag or consented_at or available_until:
                    values[name] = InfoConsent(flag, consented_at, available_until)
    values["elderly_certificate"] = values["elderly"] is not None
    values["specific_disease"] = bool(values["specific_diseases"])
    return QualificationRecord(**values)


def _shown(value: str) -> str:
    """A code value as the unknowns name it: codes are short ASCII; anything else might be personal data."""
    return value if len(value) <= 8 and value.isascii() and value.isalnum() else "…"


def _outside(element: ET.Element, shape: Shape, path: str, found: list[str]) -> None:
    """Append the paths below ``element`` that ``shape`` does not know (elements, code values, repeats)."""
    seen: set[str] = set()
    for child in element:
        where = f"{path}/{child.tag}" if path else child.tag
        if child.tag not in shape:
            found.append(where)
            continue
        if child.tag in seen and child.tag not in schema.REPEATABLE:
            found.append(where + "[2]")  # only the first is read
        seen.add(child.tag)
        below = shape[child.tag]
        if below is not None:
            _outside(child, below, where, found)
            continue
        found.extend(f"{where}/{grandchild.tag}" for grandchild in child)
        codes = schema.CODES_BY_ELEMENT.get(child.tag)
        value = (child.text or "").strip()
        if codes is not None and value and value not in codes:
            found.append(f"{where}={_shown(value)}")


def _unknown(root: ET.Element, shape: Shape) -> tuple[str, ...]:
    found: list[str] = []
    _outside(root, shape, "", found)
    return tuple(dict.fromkeys(found))


def _document(data: bytes, limits: xmlsafe.Limits) -> tuple[ET.Element, ET.Element, ET.Element, str]:
    """Root, header, body and the codec read with, reading no further than the family's ``limits``. Raises
    NotAResult for XML that is no terminal message."""
    root, codec_name = xmlsafe.parse(data, limits)
    if root.tag != schema.ROOT:
        raise NotAResult(f"<{root.tag}> is not <{schema.ROOT}>")
    header, body = root.find(schema.HEADER), root.find(schema.BODY)
    if header is None or body is None:
        raise NotAResult(f"no {schema.HEADER} and {schema.BODY} under <{root.tag}>")
    return root, header, body, codec_name


def _raise_if_abnormal(header: ET.Element, body: ET.Element) -> None:
    segment = _text(header, schema.SEGMENT)
    status = _text(body, schema.STATUS)
    if segment == schema.SEGMENT_ABNORMAL or status == schema.STATUS_ERROR:
        code = _text(header, schema.ERROR_CODE) or _text(body, schema.RESULT_CODE) or "unknown"
        message = _text(header, schema.ERROR_MESSAGE) or _text(body, schema.RESULT_MESSAGE)
        raise CheckFailed(code, message)


def _validity(parent: ET.Element) -> Validity:
    text = _text(parent, schema.VALIDITY)
    if not text:
        raise MalformedResult(f"no {schema.VALIDITY}")
    if text not in schema.VALIDITY_CODES:
        raise MalformedResult(f"unknown {schema.VALIDITY}: {_shown(text)!r}")
    return Validity(int(text))


def _header_values(header: ET.Element) -> dict[str, Any]:
    reference = _text(header, schema.REFERENCE)
    character_code = _text(header, schema.CHARACTER_CODE)
    return {
        "reference": Reference(reference) if reference in Reference._value2member_map_ else None,
        "processed_at": _datetime(_text(header, schema.PROCESS_EXECUTION_TIME)),
        "confirmation_date": _date(_text(header, schema.CONFIRMATION_DATE)),
        "institution_code": _text(header, schema.INSTITUTION_CODE),
        "file_id": _text(header, schema.FILE_ID),
        "character_code": character_code if character_code in schema.CODECS else schema.CHARSET_UTF8,
        "reception_number": _text(header, schema.RECEPTION_NUMBER),
    }


def _records(parent: ET.Element) -> tuple[QualificationRecord, ...]:
    elements = parent.findall(f"{schema.RESULT_LIST}/{schema.RESULT}") or parent.findall(schema.RESULT)
    return tuple(_read_record(element) for element in elements)


def decode_result(data: bytes) -> QualificationResult:
    """An answer or face file (``…01res_…``). Raises MalformedResult (NotAResult) or CheckFailed."""
    root, header, body, _codec = _document(data, xmlsafe.INDIVIDUAL)
    _raise_if_abnormal(header, body)
    if all(body.find(tag) is None for tag in (schema.STATUS, schema.VALIDITY, schema.RESULT_LIST, schema.RESULT)):
        raise NotAResult(f"no result in {schema.BODY} (a request or another message?)")
    return QualificationResult(
        validity=_validity(body),
        records=_records(body),
        message=_text(body, schema.RESULT_MESSAGE),
        result_code=_text(body, schema.RESULT_CODE),
        prescription_issue=_text(body, schema.PRESCRIPTION_ISSUE),
        search_identifier=_text(body.find(schema.SEARCH_INFO), schema.SEARCH_IDENTIFIER),
        unknown=_unknown(root, schema.RESULT_SHAPE),
        **_header_values(header),
    )


def peek_file_id(data: bytes) -> str:
    """The ArbitraryFileIdentifier of a file, or "" when it cannot be read: for matching answers. A file of
    either family may be peeked at (its reader has already capped its size by that family's)."""
    try:
        return _text(_document(data, xmlsafe.BATCH)[1], schema.FILE_ID)
    except MalformedResult:
        return ""


def peek_reception_number(data: bytes) -> str:
    """The ReceptionNumber of a batch answer (header or body), or "": the download request carries no
    ArbitraryFileIdentifier, so its answer is matched by this [EC GetRequestComparationReceptionNumber]."""
    try:
        _root, header, body, _codec = _document(data, xmlsafe.BATCH)
    except MalformedResult:
        return ""
    return _text(header, schema.RECEPTION_NUMBER) or _text(body, schema.RECEPTION_NUMBER)


@dataclass(frozen=True)
class BatchEntry:
    """One person of a batch check: what was asked and what came back (None: the check failed)."""

    query: InsuranceCardQuery | None
    result: QualificationResult | None
    error_code: str = ""
    error_message: str = ""
    identifier: str = ""  # ArbitraryIdentifier: the requester's own id for this person, echoed


@dataclass(frozen=True)
class BatchAnswer:
    """``OQSmuquc02res``: the entries and the header's counts (None when the terminal left one out)."""

    entries: tuple[BatchEntry, ...]
    reception_number: str = ""
    processed: int | None = None  # NumberOfProcessingResult
    normal: int | None = None  # NumberOfNormalProcessing
    errors: int | None = None  # NumberOfError
    unknown: tuple[str, ...] = ()  # as QualificationResult.unknown, for the whole file


def decode_batch_upload_answer(data: bytes) -> str:
    """``OQSmuquc01res``: the ReceptionNumber to fetch the results with (in the body [SK]; header read too)."""
    _root, header, body, _codec = _document(data, xmlsafe.BATCH)
    _raise_if_abnormal(header, body)
    number = _text(body, schema.RECEPTION_NUMBER) or _text(header, schema.RECEPTION_NUMBER)
    if not number:
        raise MalformedResult(f"no {schema.RECEPTION_NUMBER}")
    return number


def _batch_entry(unit: ET.Element, values: dict[str, Any]) -> BatchEntry:
    search = unit.find(schema.SEARCH_INFO)
    query = _read_query(search) if search is not None else None
    identifier = _text(search, schema.SEARCH_IDENTIFIER)
    if _text(unit, schema.STATUS) == schema.STATUS_ERROR:
        return BatchEntry(query, None, _text(unit, schema.RESULT_CODE), _text(unit, schema.RESULT_MESSAGE), identifier)
    # The unit's ReferenceNumber sits beside its record [SK QCBIDXmlMsgResponse][OD ParseBulkConfirmUnitResults].
    beside = _text(unit, schema.REFERENCE_NUMBER)
    records = tuple(replace(r, reference_number=r.reference_number or beside) for r in _records(unit))
    result = QualificationResult(
        validity=_validity(unit),
        records=records,
        message=_text(unit, schema.RESULT_MESSAGE),
        result_code=_text(unit, schema.RESULT_CODE),
        search_identifier=identifier,
        **values,
    )
    return BatchEntry(query, result, identifier=identifier)


def decode_batch_download_answer(data: bytes) -> BatchAnswer:
    """``OQSmuquc02res``: one entry per BulkConfirmUnit."""
    root, header, body, _codec = _document(data, xmlsafe.BATCH)
    _raise_if_abnormal(header, body)
    values = _header_values(header)
    return BatchAnswer(
        entries=tuple(_batch_entry(unit, values) for unit in body.findall(schema.BULK_UNIT)),
        reception_number=values["reception_number"],
        processed=_int(_text(header, schema.COUNT_PROCESSED), schema.COUNT_PROCESSED, COUNT_DIGITS),
        normal=_int(_text(header, schema.COUNT_NORMAL), schema.COUNT_NORMAL, COUNT_DIGITS),
        errors=_int(_text(header, schema.COUNT_ERROR), schema.COUNT_ERROR, COUNT_DIGITS),
        unknown=_unknown(root, schema.BATCH_SHAPE),
    )


def _read_query(search: ET.Element) -> InsuranceCardQuery:
    values = _read_fields(search, tuple((t, a, "text" if k == "flag" else k) for t, a, k in schema.SEARCH_FIELDS))
    if values["birth_date"] is None:
        raise MalformedResult("a query without Birthdate")
    values["limit_consent"] = values["limit_consent"] == "1"
    return InsuranceCardQuery(**values)


@dataclass(frozen=True)
class RequestHeader:
    file_id: str
    institution_code: str
    confirmation_date: date | None
    character_code: str  # how the request is encoded; public requests carry no CharacterCodeIdentifier


@dataclass(frozen=True)
class CardCheckRequest:
    header: RequestHeader
    certificate_der: bytes
    method: IdentityMethod | None
    limit_consent: bool


def _request(data: bytes, limits: xmlsafe.Limits) -> tuple[RequestHeader, ET.Element]:
    _root, header, body, codec_name = _document(data, limits)
    return RequestHeader(
        file_id=_text(header, schema.FILE_ID),
        institution_code=_text(header, schema.INSTITUTION_CODE),
        confirmation_date=_date(_text(header, schema.CONFIRMATION_DATE)),
        character_code=schema.CHARSET_OF_CODEC.get(codec_name, schema.CHARSET_UTF8),
    ), body


def decode_insurance_request(data: bytes) -> tuple[RequestHeader, InsuranceCardQuery]:
    header, body = _request(data, xmlsafe.INDIVIDUAL)
    search = body.find(schema.SEARCH_INFO)
    if search is None:
        raise MalformedResult(f"no {schema.SEARCH_INFO}")
    return header, _read_query(search)


def decode_card_request(data: bytes) -> CardCheckRequest:
    header, body = _request(data, xmlsafe.INDIVIDUAL)
    info = body.find(schema.CARD_CHECK_INFO)
    if info is None:
        raise MalformedResult(f"no {schema.CARD_CHECK_INFO}")
    try:
        der = base64.b64decode(_text(info, schema.CARD_CERTIFICATE), validate=True)
    except ValueError:
        raise MalformedResult("the certificate is not base64") from None
    method = _text(info, schema.CARD_IDENTITY_METHOD)
    return CardCheckRequest(
        header=header,
        certificate_der=der,
        method=IdentityMethod(method) if method in IdentityMethod._value2member_map_ else None,
        limit_consent=_text(info, schema.CARD_LIMIT_CONSENT) == "1",
    )


def decode_batch_upload_request(
    data: bytes,
) -> tuple[RequestHeader, tuple[InsuranceCardQuery, ...], tuple[str, ...]]:
    """The header, the queries and each query's ArbitraryIdentifier ("" when it has none)."""
    header, body = _request(data, xmlsafe.BATCH)
    searches = body.findall(schema.SEARCH_INFO)
    return (header, tuple(_read_query(search) for search in searches),
            tuple(_text(search, schema.SEARCH_IDENTIFIER) for search in searches))


def decode_batch_download_request(data: bytes) -> tuple[RequestHeader, str]:
    header, body = _request(data, xmlsafe.BATCH)
    number = _text(body, schema.RECEPTION_NUMBER)
    if not number:
        raise MalformedResult(f"no {schema.RECEPTION_NUMBER}")
    return header, number


# --- writing ------------------------------------------------------------------------------------


def _add(parent: ET.Element, tag: str, value: str) -> None:
    if value:
        ET.SubElement(parent, tag).text = value


def _write_fields(parent: ET.Element, obj, fields) -> None:
    for tag, attr, kind in fields:
        _add(parent, tag, _write_value(kind, getattr(obj, attr)))


def _write_record(parent: ET.Element, record: QualificationRecord) -> None:
    element = ET.SubElement(parent, schema.RESULT)
    for tag, attr, kind in schema.RECORD_FIELDS:
        value = getattr(record, attr) if attr else None
        if kind in _READERS:
            _add(element, tag, _write_value(kind, value))
        elif kind == "elderly" and value is not None:
            _write_fields(ET.SubElement(element, tag), value, schema.ELDERLY_FIELDS)
        elif kind == "limit" and (value is not None or record.limit_class):
            group = ET.SubElement(element, tag)
            _add(group, schema.LIMIT_FIELDS[0][0], value.classification if value is not None else "")
            _add(group, schema.LIMIT_CLASS_FLAG, record.limit_class)
            if value is not None:
                _write_fields(group, value, schema.LIMIT_FIELDS[1:])
        elif kind == "specific" and value:
            group = ET.SubElement(element, tag)
            for item in value:
                _write_fields(ET.SubElement(group, schema.SPECIFIC_ITEM), item, schema.SPECIFIC_FIELDS)
        elif kind == "tickets" and value:
            group = ET.SubElement(element, tag)
            for item in value:
                _write_fields(ET.SubElement(group, schema.TICKET_ITEM), item, schema.TICKET_FIELDS)
        elif kind == "consents":
            for name, flags, times, available in schema.CONSENTS:
                consent = getattr(record, name)
                if consent is not None:
                    _add(element, flags[0], consent.flag)
                    _add(element, times[0], _write_value("datetime", consent.consented_at))
                    _add(element, available[0], _write_value("datetime", consent.available_until))


def _header(root: ET.Element, values: list[tuple[str, str]]) -> None:
    header = ET.SubElement(root, schema.HEADER)
    for tag, value in values:
        _add(header, tag, value)


def _result_header(result: QualificationResult, character_code: str, segment: str = schema.SEGMENT_NORMAL):
    return [
        (schema.PROCESS_EXECUTION_TIME, _write_value("datetime", result.processed_at)),
        (schema.CONFIRMATION_DATE, _write_value("date", result.confirmation_date)),
        (schema.INSTITUTION_CODE, result.institution_code),
        (schema.FILE_ID, result.file_id),
        (schema.RECEPTION_NUMBER, result.reception_number),
        (schema.REFERENCE, result.reference.value if result.reference else ""),
        (schema.SEGMENT, segment),
        (schema.CHARACTER_CODE, character_code),
    ]


def _write_search_identifier(parent: ET.Element, identifier: str) -> None:
    if identifier:
        _add(ET.SubElement(parent, schema.SEARCH_INFO), schema.SEARCH_IDENTIFIER, identifier)


def encode_result(result: QualificationResult, character_code: str | None = None) -> bytes:
    """A result file in the terminal's format; ``character_code`` defaults to the result's own."""
    character_code = character_code or result.character_code
    root = ET.Element(schema.ROOT)
    _header(root, _result_header(result, character_code))
    body = ET.SubElement(root, schema.BODY)
    _add(body, schema.PRESCRIPTION_ISSUE, result.prescription_issue)
    _add(body, schema.STATUS, schema.STATUS_NORMAL)
    _add(body, schema.RESULT_CODE, result.result_code)
    _add(body, schema.RESULT_MESSAGE, result.message)
    _add(body, schema.VALIDITY, str(int(result.validity)))
    _write_search_identifier(body, result.search_identifier)
    if result.records:
        results = ET.SubElement(body, schema.RESULT_LIST)
        for record in result.records:
            _write_record(results, record)
    return xmlsafe.serialise(root, character_code)


def encode_abnormal(
    error_code: str, message: str, *, file_id: str, institution_code: str, processed_at: datetime,
    character_code: str = schema.CHARSET_UTF8,
) -> bytes:
    """An answer reporting an abnormal end (SegmentOfResult 9)."""
    root = ET.Element(schema.ROOT)
    _header(root, [
        (schema.PROCESS_EXECUTION_TIME, _write_value("datetime", processed_at)),
        (schema.INSTITUTION_CODE, institution_code),
        (schema.FILE_ID, file_id),
        (schema.SEGMENT, schema.SEGMENT_ABNORMAL),
        (schema.ERROR_CODE, error_code),
        (schema.ERROR_MESSAGE, message),
        (schema.CHARACTER_CODE, character_code),
    ])
    body = ET.SubElement(root, schema.BODY)
    _add(body, schema.STATUS, schema.STATUS_ERROR)
    _add(body, schema.RESULT_CODE, error_code)
    _add(body, schema.RESULT_MESSAGE, message)
    return xmlsafe.serialise(root, character_code)


def _request_root(header: RequestHeader) -> ET.Element:
    """The request header of the public writers [SK QCBIXmlMsgRequest]: the encoding is the declaration's."""
    root = ET.Element(schema.ROOT)
    _header(root, [
        (schema.CONFIRMATION_DATE, _write_value("date", header.confirmation_date)),
        (schema.INSTITUTION_CODE, header.institution_code),
        (schema.FILE_ID, header.file_id),
    ])
    return root


def _write_query(parent: ET.Element, query: InsuranceCardQuery, identifier: str = "") -> None:
    search = ET.SubElement(parent, schema.SEARCH_INFO)
    for tag, attr, kind in schema.SEARCH_FIELDS:
        value = getattr(query, attr)
        if attr == "insurer_number":
            value = value.strip().rjust(8)  # 8 characters, left-padded with spaces
        if kind == "flag":
            value = "1" if value else "0"
        _add(search, tag, _write_value(kind, value))
    _add(search, schema.SEARCH_IDENTIFIER, identifier)


def encode_insurance_request(header: RequestHeader, query: InsuranceCardQuery) -> bytes:
    root = _request_root(header)
    _write_query(ET.SubElement(root, schema.BODY), query)
    return xmlsafe.serialise(root, header.character_code)


def encode_card_request(
    header: RequestHeader, certificate: CertificateInfo, method: IdentityMethod, limit_consent: bool
) -> bytes:
    root = _request_root(header)
    info = ET.SubElement(ET.SubElement(root, schema.BODY), schema.CARD_CHECK_INFO)
    _add(info, schema.CARD_CERTIFICATE, base64.b64encode(certificate.der).decode("ascii"))
    _add(info, schema.CARD_IDENTITY_METHOD, method.value)
    _add(info, schema.CARD_LIMIT_CONSENT, "1" if limit_consent else "0")
    return xmlsafe.serialise(root, header.character_code)


def encode_batch_upload_request(
    header: RequestHeader, queries: tuple[InsuranceCardQuery, ...], identifiers: tuple[str, ...] = ()
) -> bytes:
    """``identifiers``: an ArbitraryIdentifier per query (e.g. the appointment), echoed in the answer."""
    root = _request_root(header)
    body = ET.SubElement(root, schema.BODY)
    for index, query in enumerate(queries):
        _write_query(body, query, identifiers[index] if index < len(identifiers) else "")
    return xmlsafe.serialise(root, header.character_code)


def encode_batch_download_request(header: RequestHeader, reception_number: str) -> bytes:
    """Header: MedicalInstitutionCode alone, as in every public client [OD CreateDownloadRequestAsync]
    [SK QCBIDXmlMsgRequest]."""
    root = ET.Element(schema.ROOT)
    _header(root, [(schema.INSTITUTION_CODE, header.institution_code)])
    _add(ET.SubElement(root, schema.BODY), schema.RECEPTION_NUMBER, reception_number)
    return xmlsafe.serialise(root, header.character_code)


def encode_batch_upload_answer(
    reception_number: str, *, file_id: str, institution_code: str, processed_at: datetime, character_code: str
) -> bytes:
    """[SK QCBIXmlMsgResponse]: the ReceptionNumber and its time in the body."""
    root = ET.Element(schema.ROOT)
    _header(root, [
        (schema.PROCESS_EXECUTION_TIME, _write_value("datetime", processed_at)),
        (schema.INSTITUTION_CODE, institution_code),
        (schema.FILE_ID, file_id),
        (schema.SEGMENT, schema.SEGMENT_NORMAL),
        (schema.CHARACTER_CODE, character_code),
    ])
    body = ET.SubElement(root, schema.BODY)
    _add(body, schema.RECEPTION_NUMBER, reception_number)
    _add(body, schema.RECEPTION_TIME, _write_value("datetime", processed_at))
    return xmlsafe.serialise(root, character_code)


def encode_batch_download_answer(
    entries: tuple[BatchEntry, ...], *, reception_number: str, file_id: str, institution_code: str,
    processed_at: datetime, character_code: str,
) -> bytes:
    """[SK QCBIDXmlMsgResponse]: the counts in the header; per unit the query, status, validity, one record
    and its ReferenceNumber beside it."""
    failed = sum(entry.result is None for entry in entries)
    root = ET.Element(schema.ROOT)
    _header(root, [
        (schema.PROCESS_EXECUTION_TIME, _write_value("datetime", processed_at)),
        (schema.CONFIRMATION_DATE, _write_value("date", processed_at.date())),
        (schema.INSTITUTION_CODE, institution_code),
        (schema.FILE_ID, file_id),
        (schema.RECEPTION_NUMBER, reception_number),
        (schema.SEGMENT, schema.SEGMENT_NORMAL),
        (schema.COUNT_PROCESSED, str(len(entries))),
        (schema.COUNT_NORMAL, str(len(entries) - failed)),
        (schema.COUNT_ERROR, str(failed)),
        (schema.CHARACTER_CODE, character_code),
    ])
    body = ET.SubElement(root, schema.BODY)
    for entry in entries:
        unit = ET.SubElement(body, schema.BULK_UNIT)
        if entry.query is not None:
            _write_query(unit, entry.query, entry.identifier)
        if entry.result is None:
            _add(unit, schema.STATUS, schema.STATUS_ERROR)
            _add(unit, schema.RESULT_CODE, entry.error_code)
            _add(unit, schema.RESULT_MESSAGE, entry.error_message)
            continue
        _add(unit, schema.STATUS, schema.STATUS_NORMAL)
        _add(unit, schema.RESULT_CODE, entry.result.result_code)
        _add(unit, schema.RESULT_MESSAGE, entry.result.message)
        _add(unit, schema.VALIDITY, str(int(entry.result.validity)))
        for record in entry.result.records:
            _write_record(unit, replace(record, reference_number=""))
        numbers = {record.reference_number for record in entry.result.records} - {""}
        if len(numbers) == 1:
            _add(unit, schema.REFERENCE_NUMBER, numbers.pop())
    return xmlsafe.serialise(root, character_code)
