"""Hands a finished card check to the レセコン the way the terminal does: a file in ``face``.

Implements :class:`kiosk.core.ports.ResultPublisher`. The file carries the record staff settled on
(``ReceptionRecord.billing`` when they chose or corrected one, else the result's records) and the
patient's consent answers; 限度額 details the patient declined to provide are left out.
"""
from __future__ import annotations

import dataclasses
import hashlib
from datetime import datetime
from pathlib import Path

from kiosk.core.domain import Consent
from kiosk.core.errors import QualificationError
from kiosk.core.qualification import InfoConsent, QualificationRecord, QualificationResult, Reference
from kiosk.core.values import ReceptionRecord
from kiosk.qualification import codec, schema
from kiosk.qualification.folders import atomic_write


def session_digits(session_id: str) -> str:
    """10 digits standing for the session (the file's id part and its ArbitraryFileIdentifier)."""
    return f"{int.from_bytes(hashlib.sha256(session_id.encode()).digest()[:8], 'big') % 10**10:010d}"


def face_file_name(institution_code: str, session_id: str, at: datetime) -> str:
    """``OQSsiquc01res_face_<institution code><10 digits>_<yyyyMMddHHmmss>.xml``; the digits come from the
    session, so publishing one reception twice in a second overwrites rather than duplicates."""
    return f"{schema.FACE_PREFIX}{institution_code}{session_digits(session_id)}_{at:%Y%m%d%H%M%S}.xml"


def _with_consent(record: QualificationRecord, consent: Consent | None, at: datetime) -> QualificationRecord:
    if consent is None:
        return record

    def answer(given: bool) -> InfoConsent:
        return InfoConsent("1" if given else "0", at if given else None)

    changes: dict = {
        "drugs_consent": answer(consent.drugs),
        "checkups_consent": answer(consent.checkups),
        "diagnosis_consent": answer(consent.medical),
        "operation_consent": answer(consent.medical),
    }
    if consent.limit is not None:
        changes["limit_consent"] = "1" if consent.limit else "0"
        changes["limit_consent_at"] = at if consent.limit else None
        if not consent.limit:
            changes["limit"] = None
            changes["limit_class"] = ""
    return dataclasses.replace(record, **changes)


class FaceFilePublisher:
    def __init__(self, folder: Path, institution_code: str, encoding: str = "utf-8") -> None:
        """``encoding``: "utf-8" or "shift_jis", what the site's レセコン reads."""
        if encoding not in schema.ENCODINGS:
            raise ValueError(f"encoding must be one of {sorted(schema.ENCODINGS)}, not {encoding!r}")
        self.folder = Path(folder)
        self.institution_code = institution_code
        self.character_code = schema.ENCODINGS[encoding]

    def publish(self, record: ReceptionRecord) -> str:
        if record.result is None:
            raise QualificationError(f"reception {record.session_id} has no qualification result to publish")
        at = record.ended_at
        name = face_file_name(self.institution_code, record.session_id, at)
        records = (record.billing,) if record.billing is not None else record.result.records
        result: QualificationResult = dataclasses.replace(
            record.result,
            records=tuple(_with_consent(r, record.consent, at) for r in records),
            reference=Reference.CARD,
            processed_at=at.replace(microsecond=0),
            confirmation_date=at.date(),
            institution_code=self.institution_code,
            file_id=session_digits(record.session_id),
            character_code=self.character_code,
        )
        atomic_write(self.folder, name, codec.encode_result(result))
        return name
