"""One patient at the kiosk, as the flow keeps it while the reception runs, and the record it leaves.

The session is the flow's own: nothing outside :mod:`kiosk.core.flow` reads or writes it. Surfaces get a
:class:`~kiosk.core.view.View`, staff a :class:`~kiosk.core.view.SessionSnapshot`, the store a
:class:`~kiosk.core.values.ReceptionRecord`. The chip photo lives here only until matching ends.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from kiosk.core.domain import CardFacts, CardSummary, Consent, IdentityMethod, Trouble
from kiosk.core.fallback import Basis, Billing, Declaration, DeclarationSource
from kiosk.core.qualification import QualificationRecord, QualificationResult
from kiosk.core.result_checks import GAIJI, ResultFindings
from kiosk.core.states import State
from kiosk.core.values import ReceptionRecord
from kiosk.core.view import Outcome


@dataclass
class Session:
    id: str
    started_at: datetime
    summary: CardSummary | None = None
    certificate: str = ""  # "expired", "expiring" or "": read against the flow's clock with the summary
    facts: CardFacts | None = None
    method: IdentityMethod | None = None
    pin_tries_left: int | None = None
    pin_failures: int = 0
    face_failures: int = 0
    guidance: tuple[str, ...] = ()
    child_mode: bool = False
    reference_photo: bytes | None = field(default=None, repr=False)  # the chip photo: memory only
    result: QualificationResult | None = None
    review: ResultFindings | None = None
    chosen: QualificationRecord | None = None
    chosen_by_staff: bool = False
    consent: Consent | None = None
    limit_answer: bool | None = None
    troubles: list[Trouble] = field(default_factory=list)
    check_failed: bool = False  # a screen where the online check failed was shown: fallbacks are open
    staff_reason: str = ""
    called_from: State | None = None
    resume_to: State | None = None
    staff: str = ""  # the last member of staff who acted
    taken_by: str = ""
    acks: list[str] = field(default_factory=list)
    problem: str = ""  # the error code behind a problem screen, for staff and the transcript
    outcome: Outcome | None = None
    fallback: Billing | None = None  # the whole fallback decision: 摘要 remarks, window ratio, re-check
    declaration: Declaration | None = None  # the 申立書, from the kiosk's form or from staff
    corrected_name: bool = False
    saved: tuple[object, ...] | None = None  # what the last save wrote (see ``fingerprint``); None: never saved
    fallback_saved: bool = False  # the 申立書 and re-check went to the store: a later save is the reception only

    def trouble(self, code: Trouble) -> None:
        if code not in self.troubles:
            self.troubles.append(code)

    def finish(self, outcome: Outcome) -> None:
        """How the reception ended; the first reason wins (a later timeout does not overwrite it)."""
        if self.outcome is None:
            self.outcome = outcome

    @property
    def billing(self) -> QualificationRecord | None:
        """What goes on the claim: the fallback's record, or the confirmed one."""
        return self.fallback.record if self.fallback is not None else self.chosen

    @property
    def patient_name(self) -> str:
        if self.chosen is not None and self.chosen.name:
            return self.chosen.name
        return self.facts.name if self.facts is not None else ""

    def known_kana(self) -> str:
        """The kana name from the terminal's answer (the old qualification of 資格（無効）), if it sent one."""
        for record in self.result.records if self.result else ():
            if record.name_kana.strip():
                return record.name_kana.strip()
        return ""

    def name_correctable(self) -> bool:
        """T1: the confirmed record's name holds ●, which staff may replace by the clinic's spelling."""
        return self.chosen is not None and GAIJI in self.chosen.name

    def fingerprint(self) -> tuple[object, ...]:
        """What a save writes that can still change after it (the card left behind adds T15)."""
        return (self.outcome, tuple(self.troubles), self.corrected_name, self.chosen, self.fallback)


def billing_basis(billing: Billing | None) -> str:
    """How a reception was billed, as the saved reception's notes and the console name it."""
    if billing is None:
        return "current"
    if billing.declaration is DeclarationSource.PREVIOUS_VISIT:
        return "last_visit"
    if billing.basis is Basis.OLD_QUALIFICATION:
        return "old_qualification"
    if billing.basis is Basis.CURRENT:
        return "insurance_card"
    return "declaration"


def record_of(session: Session, ended_at: datetime) -> ReceptionRecord:
    review = session.review
    billing = session.billing
    notes = (
        billing_basis(session.fallback) if billing is not None else "",
        session.staff and f"staff:{session.staff}",
        session.corrected_name and "name_corrected",
        *(session.fallback.warnings if session.fallback else ()),
    )
    return ReceptionRecord(
        session_id=session.id,
        started_at=session.started_at,
        ended_at=ended_at,
        outcome=(session.outcome or Outcome.ABANDONED).value,
        method=session.method,
        facts=session.facts,
        certificate=session.summary.certificate if session.summary else None,
        result=session.result,
        consent=session.consent,
        troubles=tuple(session.troubles),
        staff_flags=review.staff_flags if review else (),
        billing=billing,
        notes=tuple(n for n in notes if n),
        remarks=session.fallback.remarks if session.fallback else (),
    )
