"""TEMPORARY bridge: replaced by kiosk.core.result_checks when the qualification work lands."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.core.domain import CardFacts, CertificateInfo, Trouble
from kiosk.core.qualification import QualificationResult, Validity


@dataclass(frozen=True)
class ResultReview:
    troubles: tuple[Trouble, ...] = ()
    staff_flags: tuple[str, ...] = ()
    person_mismatch: bool = False


def review_result(result: QualificationResult, facts: CardFacts | None, certificate: CertificateInfo | None, now: datetime) -> ResultReview:
    troubles = []
    flags = []
    mismatch = False
    rec = result.record
    if rec is not None and facts is not None:
        if rec.birth_date != facts.birth_date or rec.name.replace(" ", "").replace("\u3000", "") != facts.name.replace(" ", "").replace("\u3000", ""):
            if "●" not in rec.name:
                mismatch = True
                troubles.append(Trouble.T9)
    for r in result.records:
        if "●" in r.name or "●" in r.address:
            troubles.append(Trouble.T1)
            flags.append("black_circle")
    if result.validity in (Validity.INVALID, Validity.INVALID_NEWER):
        troubles.append(Trouble.T3)
    if result.validity is Validity.NO_RECORD:
        troubles.append(Trouble.T6)
    return ResultReview(tuple(troubles), tuple(flags), mismatch)
