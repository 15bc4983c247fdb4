"""The outbox's JSON document for one reception billed on a fallback (format: docs/outbox.md).

It says what to bill on and why: the basis (旧資格情報, the last visit, a 資格確認書・保険証 staff saw, 不詳), the
record that goes on the claim, what the patient paid today, the 摘要欄 lines exactly as the flow decided
them (:func:`kiosk.core.fallback.unknown_remarks` words them after 保発0710第1号), whether the claim can go
out yet, and the 申立書's facts.

Never the individual number: the kiosk does not read it, and as a second line of defence every run of
exactly 12 digits in a text the patient or staff typed is masked (the warning ``individual_number_masked``
tells staff to look at that field). The session id, 12 hex characters that are sometimes all digits, is
written in groups of four for the same reason.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from kiosk.core.fallback import Billing, Declaration
from kiosk.core.qualification import QualificationRecord
from kiosk.core.session import billing_basis
from kiosk.core.values import ReceptionRecord
from kiosk.logs import redact_individual_numbers

SCHEMA = "kiosk.outbox.fallback"
SCHEMA_VERSION = 1
MASKED_WARNING = "individual_number_masked"

# basis code → how the clinic names it
BASIS_LABELS = {
    "old_qualification": "旧資格情報",
    "last_visit": "前回の記録",
    "insurance_card": "資格確認書・保険証（職員確認）",
    "unknown": "不詳",
}


def basis_code(billing: Billing) -> str:
    """The outbox's name for what the bill rests on: the store's and console's name
    (:func:`kiosk.core.session.billing_basis`), with 不詳 called what it is for the レセコン."""
    code = billing_basis(billing)
    return "unknown" if code == "declaration" else code


def grouped_session_id(session_id: str) -> str:
    """``3f2a91c07b4e`` → ``3f2a-91c0-7b4e``: never a bare run of 12 digits."""
    return "-".join(session_id[i:i + 4] for i in range(0, len(session_id), 4))


def fallback_document(
    record: ReceptionRecord,
    billing: Billing,
    declaration: Declaration | None,
    *,
    institution_code: str,
    declaration_pdf: str | None,
) -> dict[str, Any]:
    """The JSON-ready document; ``declaration_pdf`` is the name of the 申立書's PDF beside it, if any."""
    code = basis_code(billing)
    waits_for = "contact_date" if not billing.claim_ready else None
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "institution_code": institution_code,
        "session_id": grouped_session_id(record.session_id),
        "started_at": _time(record.started_at),
        "ended_at": _time(record.ended_at),
        "basis": code,
        "basis_label": BASIS_LABELS[code],
        "declaration_source": billing.declaration.value,
        "billed": _billed(billing.record),
        "window_burden_percent": billing.window_burden_percent,
        "remarks": list(billing.remarks),
        "claim_ready": billing.claim_ready,
        "claim_waits_for": waits_for,
        "recheck": billing.recheck,
        "warnings": list(billing.warnings),
        "troubles": [t.value for t in record.troubles],
        "declaration": _declaration(declaration) if declaration is not None else None,
        "declaration_pdf": declaration_pdf,
    }
    redacted, masked = _redacted(document)
    if masked:
        redacted["warnings"].append(MASKED_WARNING)
    return redacted


def encode(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _billed(r: QualificationRecord) -> dict[str, Any]:
    return {
        "insurer_number": r.insurer_number,
        "insurer_name": r.insurer_name,
        "card_symbol": r.card_symbol,
        "card_number": r.card_number,
        "branch_number": r.branch_number,
        "personal_family": r.personal_family,
        "name": r.name,
        "name_kana": r.name_kana,
        "birth_date": _date(r.birth_date),
        "sex": r.sex,
        "burden_percent": r.burden_percent,
    }


def _declaration(d: Declaration) -> dict[str, Any]:
    return {
        "declared_on": _date(d.declared_on),
        "name": d.facts.name,
        "name_kana": d.name_kana,
        "birth_date": _date(d.facts.birth_date),
        "sex": d.facts.sex.value,
        "address": d.facts.address,
        "other_addresses": list(d.other_addresses),
        "contact": d.contact,
        "insurance_type": d.insurance_type.value,
        "insurer_name": d.insurer_name,
        "employer": d.employer,
        "burden_percent": d.burden_percent,
        "contact_date": _date(d.contact_date),
    }


def _time(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def _date(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _redacted(value: Any) -> tuple[Any, bool]:
    """``value`` with 12-digit runs masked in every string, and whether any was."""
    if isinstance(value, str):
        masked = redact_individual_numbers(value)
        return masked, masked != value
    if isinstance(value, dict):
        pairs = {key: _redacted(item) for key, item in value.items()}
        return {key: item for key, (item, _) in pairs.items()}, any(hit for _, hit in pairs.values())
    if isinstance(value, list):
        items = [_redacted(item) for item in value]
        return [item for item, _ in items], any(hit for _, hit in items)
    return value, False
