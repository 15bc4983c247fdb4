"""The terminal's XML files ⇄ the core model.

Reading is tolerant of what it does not know (unknown elements are skipped, unknown header codes read as
unset) and strict about what it relies on: a missing or unknown QualificationValidity, a date that is no
date or a file that is no XML raises MalformedResult. An abnormal end reported by the terminal raises
CheckFailed. Writing produces the same layout in UTF-8 or Shift_JIS.
"""
from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
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
from kiosk.qualification.errors import CheckFailed

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


def _int(text: str) -> int | None:
    if not text:
        return None
    if not text.isascii() or not text.isdigit():
        raise MalformedResult(f"not a number: {text!r}")
    return int(text)


_READERS = {"text": lambda text: text, "date": _date, "datetime": _datetime, "percent": _int, "int": _int}


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
    return {attr: _READERS[kind](_text(element, tag)) for tag, attr, kind in fields}


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
            values[attr] = _READERS[kind](_text(element, tag))
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


def _root(data: bytes) -> ET.Element:
    root, _codec = xmlsafe.parse(data)
    if root.find(schema.HEADER) is None or root.find(schema.BODY) is None:
        raise MalformedResult(f"no {schema.HEADER} and {schema.BODY} under <{root.tag}>")
    return root


def _parts(data: bytes) -> tuple[ET.Element, ET.Element]:
    """The header and body of a result file (``_root`` has checked both are there)."""
    root = _root(data)
    header, body = root.find(schema.HEADER), root.find(schema.BODY)
    assert header is not None and body is not None
    return header, body


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
    try:
        if not (text.isascii() and text.isdigit()):
            raise ValueError(text)
        return Validity(int(text))
    except ValueError:
        raise MalformedResult(f"unknown {schema.VALIDITY}: {text!r}") from None


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


def decode_result(data: bytes) -> QualificationResult:
    """An answer or face file (``…01res_…``). Raises MalformedResult or CheckFailed."""
    header, body = _parts(data)
    _raise_if_abnormal(header, body)
    records = body.findall(f"{schema.RESULT_LIST}/{schema.RESULT}") or body.findall(schema.RESULT)
    return QualificationResult(
        validity=_validity(body),
        records=tuple(_read_record(element) for element in records),
        message=_text(body, schema.RESULT_MESSAGE),
        result_code=_text(body, schema.RESULT_CODE),
        **_header_values(header),
    )


def peek_file_id(data: bytes) -> str:
    """The ArbitraryFileIdentifier of a file, or "" when it cannot be read: for matching answers."""
    try:
        return _text(_root(data).find(schema.HEADER), schema.FILE_ID)
    except MalformedResult:
        return ""


@dataclass(frozen=True)
class BatchEntry:
    """One person of a batch check: what was asked and what came back (None: the check failed)."""

    query: InsuranceCardQuery | None
    result: QualificationResult | None
    error_code: str = ""
    error_message: str = ""


def decode_batch_upload_answer(data: bytes) -> str:
    """``OQSmuquc01res``: the ReceptionNumber to fetch the results with."""
    header, body = _parts(data)
    _raise_if_abnormal(header, body)
    number = _text(header, schema.RECEPTION_NUMBER) or _text(body, schema.RECEPTION_NUMBER)
    if not number:
        raise MalformedResult(f"no {schema.RECEPTION_NUMBER}")
    return number


def decode_batch_download_answer(data: bytes) -> tuple[BatchEntry, ...]:
    """``OQSmuquc02res``: one entry per BulkConfirmUnit."""
    header, body = _parts(data)
    _raise_if_abnormal(header, body)
    values = _header_values(header)
    entries = []
    for unit in body.findall(schema.BULK_UNIT):
        search = unit.find(schema.SEARCH_INFO)
        query = _read_query(search) if search is not None else None
        if _text(unit, schema.STATUS) == schema.STATUS_ERROR:
            entries.append(BatchEntry(query, None, _text(unit, schema.RESULT_CODE), _text(unit, schema.RESULT_MESSAGE)))
            continue
        records = unit.findall(schema.RESULT) or unit.findall(f"{schema.RESULT_LIST}/{schema.RESULT}")
        result = QualificationResult(
            validity=_validity(unit),
            records=tuple(_read_record(element) for element in records),
            message=_text(unit, schema.RESULT_MESSAGE),
            result_code=_text(unit, schema.RESULT_CODE),
            **values,
        )
        entries.append(BatchEntry(query, result))
    return tuple(entries)


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
    character_code: str


@dataclass(frozen=True)
class CardCheckRequest:
    header: RequestHeader
    certificate_der: bytes
    method: IdentityMethod | None
    limit_consent: bool


def _request_header(root: ET.Element) -> RequestHeader:
    header = root.find(schema.HEADER)
    character_code = _text(header, schema.CHARACTER_CODE)
    return RequestHeader(
        file_id=_text(header, schema.FILE_ID),
        institution_code=_text(header, schema.INSTITUTION_CODE),
        confirmation_date=_date(_text(header, schema.CONFIRMATION_DATE)),
        character_code=character_code if character_code in schema.CODECS else schema.CHARSET_UTF8,
    )


def decode_insurance_request(data: bytes) -> tuple[RequestHeader, InsuranceCardQuery]:
    root = _root(data)
    search = root.find(f"{schema.BODY}/{schema.SEARCH_INFO}")
    if search is None:
        raise MalformedResult(f"no {schema.SEARCH_INFO}")
    return _request_header(root), _read_query(search)


def decode_card_request(data: bytes) -> CardCheckRequest:
    root = _root(data)
    info = root.find(f"{schema.BODY}/{schema.CARD_CHECK_INFO}")
    if info is None:
        raise MalformedResult(f"no {schema.CARD_CHECK_INFO}")
    try:
        der = base64.b64decode(_text(info, schema.CARD_CERTIFICATE), validate=True)
    except ValueError:
        raise MalformedResult("the certificate is not base64") from None
    method = _text(info, schema.CARD_IDENTITY_METHOD)
    return CardCheckRequest(
        header=_request_header(root),
        certificate_der=der,
        method=IdentityMethod(method) if method in IdentityMethod._value2member_map_ else None,
        limit_consent=_text(info, schema.CARD_LIMIT_CONSENT) == "1",
    )


def decode_batch_upload_request(data: bytes) -> tuple[RequestHeader, tuple[InsuranceCardQuery, ...]]:
    root = _root(data)
    searches = root.findall(f"{schema.BODY}/{schema.SEARCH_INFO}")
    return _request_header(root), tuple(_read_query(search) for search in searches)


def decode_batch_download_request(data: bytes) -> tuple[RequestHeader, str]:
    root = _root(data)
    number = _text(root.find(schema.BODY), schema.RECEPTION_NUMBER)
    if not number:
        raise MalformedResult(f"no {schema.RECEPTION_NUMBER}")
    return _request_header(root), number


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


def encode_result(result: QualificationResult, character_code: str | None = None) -> bytes:
    """A result file in the terminal's format; ``character_code`` defaults to the result's own."""
    character_code = character_code or result.character_code
    root = ET.Element(schema.ROOT)
    _header(root, _result_header(result, character_code))
    body = ET.SubElement(root, schema.BODY)
    _add(body, schema.STATUS, schema.STATUS_NORMAL)
    _add(body, schema.RESULT_CODE, result.result_code)
    _add(body, schema.RESULT_MESSAGE, result.message)
    _add(body, schema.VALIDITY, str(int(result.validity)))
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
    root = ET.Element(schema.ROOT)
    _header(root, [
        (schema.CONFIRMATION_DATE, _write_value("date", header.confirmation_date)),
        (schema.INSTITUTION_CODE, header.institution_code),
        (schema.FILE_ID, header.file_id),
        (schema.CHARACTER_CODE, header.character_code),
    ])
    return root


def _write_query(parent: ET.Element, query: InsuranceCardQuery) -> None:
    search = ET.SubElement(parent, schema.SEARCH_INFO)
    for tag, attr, kind in schema.SEARCH_FIELDS:
        value = getattr(query, attr)
        if attr == "insurer_number":
            value = value.strip().rjust(8)  # 8 characters, left-padded with spaces
        if kind == "flag":
            value = "1" if value else "0"
        _add(search, tag, _write_value(kind, value))


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


def encode_batch_upload_request(header: RequestHeader, queries: tuple[InsuranceCardQuery, ...]) -> bytes:
    root = _request_root(header)
    body = ET.SubElement(root, schema.BODY)
    for query in queries:
        _write_query(body, query)
    return xmlsafe.serialise(root, header.character_code)


def encode_batch_download_request(header: RequestHeader, reception_number: str) -> bytes:
    root = _request_root(header)
    _add(ET.SubElement(root, schema.BODY), schema.RECEPTION_NUMBER, reception_number)
    return xmlsafe.serialise(root, header.character_code)


def encode_batch_upload_answer(
    reception_number: str, *, file_id: str, institution_code: str, processed_at: datetime, character_code: str
) -> bytes:
    root = ET.Element(schema.ROOT)
    _header(root, [
        (schema.PROCESS_EXECUTION_TIME, _write_value("datetime", processed_at)),
        (schema.INSTITUTION_CODE, institution_code),
        (schema.FILE_ID, file_id),
        (schema.RECEPTION_NUMBER, reception_number),
        (schema.SEGMENT, schema.SEGMENT_NORMAL),
        (schema.CHARACTER_CODE, character_code),
    ])
    _add(ET.SubElement(root, schema.BODY), schema.STATUS, schema.STATUS_NORMAL)
    return xmlsafe.serialise(root, character_code)


def encode_batch_download_answer(
    entries: tuple[BatchEntry, ...], *, reception_number: str, file_id: str, institution_code: str,
    processed_at: datetime, character_code: str,
) -> bytes:
    root = ET.Element(schema.ROOT)
    _header(root, [
        (schema.PROCESS_EXECUTION_TIME, _write_value("datetime", processed_at)),
        (schema.INSTITUTION_CODE, institution_code),
        (schema.FILE_ID, file_id),
        (schema.RECEPTION_NUMBER, reception_number),
        (schema.REFERENCE, Reference.INSURANCE_CARD.value),
        (schema.SEGMENT, schema.SEGMENT_NORMAL),
        (schema.CHARACTER_CODE, character_code),
    ])
    body = ET.SubElement(root, schema.BODY)
    for entry in entries:
        unit = ET.SubElement(body, schema.BULK_UNIT)
        if entry.query is not None:
            _write_query(unit, entry.query)
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
            _write_record(unit, record)
    return xmlsafe.serialise(root, character_code)
