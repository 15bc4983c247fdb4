"""The blocking work the reception's states start, as functions over the ports.

Each runs off the flow's thread under a deadline and a cancel token (see :mod:`kiosk.core.tasks`) and
returns plain values; the flow turns them into its answers. Nothing here touches the flow's session:
every input is copied in when the work is started.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime

from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardFacts, CertificateInfo, IdentityMethod
from kiosk.core.fallback import Billing, Declaration, decide_billing, outcome_of
from kiosk.core.ports import CardFaceReader, CardReader, QualificationChecker, ReceptionStore
from kiosk.core.qualification import QualificationRecord, QualificationResult
from kiosk.core.result_checks import ResultFindings, check_result
from kiosk.core.values import InsuranceCardQuery

log = logging.getLogger(__name__)


def last_visit(store: ReceptionStore, certificate: CertificateInfo | None,
               facts: CardFacts | None) -> QualificationRecord | None:
    """The returning patient's last confirmed record; its absence only costs warnings, never the reception."""
    if certificate is None:
        return None
    try:
        return store.last_confirmed(certificate, facts)
    except Exception as exc:
        log.error("reading the last visit failed: %s", getattr(exc, "code", type(exc).__name__))
        return None


@dataclass(frozen=True)
class CheckInputs:
    certificate: CertificateInfo | None
    facts: CardFacts | None
    now: datetime


def check_by_card(checker: QualificationChecker, store: ReceptionStore, method: IdentityMethod,
                  inputs: CheckInputs, cancel: CancelToken) -> tuple[QualificationResult, ResultFindings]:
    assert inputs.certificate is not None
    result = checker.check_by_card(inputs.certificate, method, inputs.facts, False, cancel)
    return result, review(result, store, inputs)


def check_by_insurance_card(checker: QualificationChecker, store: ReceptionStore, query: InsuranceCardQuery,
                            inputs: CheckInputs, cancel: CancelToken) -> tuple[QualificationResult, ResultFindings]:
    result = checker.check_by_insurance_card(query, cancel)
    return result, review(result, store, inputs)


def review(result: QualificationResult, store: ReceptionStore, inputs: CheckInputs) -> ResultFindings:
    previous = last_visit(store, inputs.certificate, inputs.facts)
    return check_result(result, inputs.facts, inputs.certificate, inputs.now, previous)


@dataclass(frozen=True)
class FallbackInputs:
    """What the MHLW order needs, copied from the session when the bill is asked for."""

    result: QualificationResult | None  # None: the terminal never answered (or the certificate is expired)
    certificate: CertificateInfo | None
    facts: CardFacts | None
    today: date
    unknown_insurer_number: str


def decide_fallback(store: ReceptionStore, inputs: FallbackInputs, declaration: Declaration | None,
                    facts_unchanged: bool) -> Billing:
    """The one billing path for a failed check: the kiosk's 申立書 and staff's fallback both come here."""
    result = inputs.result
    return decide_billing(
        outcome_of(result), today=inputs.today,
        old_qualification=result.old_qualification if result else None,
        last_confirmed=last_visit(store, inputs.certificate, inputs.facts),
        declaration=declaration, facts_unchanged=facts_unchanged,
        unknown_insurer_number=inputs.unknown_insurer_number,
    )


def complete_declaration(
    declaration: Declaration, facts: CardFacts | None, today: date, known_kana: str
) -> Declaration:
    """A 申立書 as the flow keeps it: dated by the kiosk's clock; on the kiosk's form the card's own facts
    and, when the patient left it empty, the kana name the terminal sent."""
    return replace(declaration, facts=facts or declaration.facts, declared_on=today,
                   name_kana=declaration.name_kana.strip() or known_kana)


def read_chip_photo(card: CardReader, card_face: CardFaceReader, code_b: str,
                    cancel: CancelToken) -> tuple[CardFacts, bytes]:
    """For 目視: 照合番号B typed by staff, else read from the card face by the camera."""
    if code_b:
        return card.read_with_code_b(code_b, cancel, typed_by_staff=True)
    return card.read_with_code_b(card_face.read_code_b(cancel), cancel)
