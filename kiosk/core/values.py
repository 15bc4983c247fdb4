"""Value types that cross the ports: a face attempt's outcome, a check by insurance-card data, and what a
finished reception leaves behind. Pure data, importable by every core module without a circle."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.core.domain import CardFacts, CertificateInfo, Consent, IdentityMethod, Trouble
from kiosk.core.qualification import QualificationRecord, QualificationResult


@dataclass(frozen=True)
class FaceAttempt:
    matched: bool
    live: bool = True
    distance: float | None = None
    # codes: no_face, several_faces, too_far, too_close, off_centre, too_dark, mask, blink
    guidance: tuple[str, ...] = ()


@dataclass(frozen=True)
class InsuranceCardQuery:
    """A check by 保険証 / 資格確認書 data, typed by staff."""

    insurer_number: str
    card_symbol: str
    card_number: str
    branch_number: str
    birth_date: date
    limit_consent: bool = False


@dataclass(frozen=True)
class ReceptionRecord:
    """One finished reception as the store keeps it. A fallback's bill (:class:`kiosk.core.fallback.Billing`)
    and its 申立書 travel beside it, not in it (``ReceptionStore.save_fallback_reception``,
    ``ResultPublisher.publish_fallback`` in :mod:`kiosk.core.ports`): the fallback rules build on these values."""

    session_id: str
    started_at: datetime
    ended_at: datetime
    outcome: str  # the flow's Outcome value
    method: IdentityMethod | None = None
    facts: CardFacts | None = None
    certificate: CertificateInfo | None = None
    result: QualificationResult | None = None
    consent: Consent | None = None
    troubles: tuple[Trouble, ...] = ()
    staff_flags: tuple[str, ...] = ()
    billing: QualificationRecord | None = None
    notes: tuple[str, ...] = ()
    remarks: tuple[str, ...] = ()  # 摘要欄 of a fallback claim: 「旧資格情報」 or 「不詳」 and the 申立書's facts
