"""The offline fallback in the flow: the 申立書 on the kiosk, staff completing it, and what is saved."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from kiosk.core import events as ev
from kiosk.core.errors import StoreError, TerminalUnavailable
from kiosk.core.fallback import Basis, Declaration, DeclarationSource, InsuranceType
from kiosk.core.flow import FlowConfig
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import SPECS, State
from kiosk.core.values import ReceptionRecord
from kiosk.core.view import Outcome
from kiosk.simulation.fakes import (
    DEMO_FACTS,
    DEMO_RECORD,
    FakeCard,
    FakeQualificationChecker,
    ManualRunner,
    MemoryPublisher,
)
from kiosk.simulation.harness import Harness, make_harness
from kiosk.simulation.player import stand_in

PIN = ev.ChoosePin()
DONE_TIMEOUT = SPECS[State.DONE].timeout


def _at(result: QualificationResult | None = None, error: Exception | None = None, config: FlowConfig | None = None,
        card: FakeCard | None = None) -> Harness:
    """A synchronous harness standing where the check failed, after a PIN (the 4 facts are known)."""
    rig = make_harness(card, qualification=FakeQualificationChecker(result, error), config=config)
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"))
    return rig


def test_qual_invalid_declaration_on_the_kiosk_bills_the_old_qualification():
    rig = _at(QualificationResult(Validity.INVALID, (DEMO_RECORD,)))
    assert rig.state is State.QUAL_INVALID and "declare" in rig.view.actions
    rig.send(ev.StartDeclaration())
    view = rig.view
    assert view.state is State.DECLARATION
    assert view.card_facts == DEMO_FACTS and view.name_kana == DEMO_RECORD.name_kana
    rig.declare(burden_percent=20)
    assert rig.state is State.DONE
    assert rig.view.outcome == Outcome.FALLBACK.value
    [saved] = rig.store.receptions
    assert saved.outcome == "fallback" and saved.billing == DEMO_RECORD
    assert saved.remarks == ("旧資格情報",)
    assert saved.notes[0] == "old_qualification" and "burden_differs" in saved.notes  # declared 2割, record 3割
    [(session_id, declaration)] = rig.store.declarations
    assert session_id == saved.session_id
    assert declaration.facts == DEMO_FACTS and declaration.contact == "090-1234-5678"
    assert declaration.name_kana == DEMO_RECORD.name_kana and declaration.declared_on == rig.clock.now().date()
    [recheck] = rig.store.rechecks
    assert recheck.session_id == saved.session_id and recheck.query is not None
    assert recheck.query.insurer_number == DEMO_RECORD.insurer_number
    assert recheck.billing.window_burden_percent == 20 and recheck.billing.basis is Basis.OLD_QUALIFICATION
    assert rig.publisher.published == [], "a fallback is not a card check: no face file"
    [(handed, billing, handed_declaration)] = rig.publisher.fallbacks
    assert handed.session_id == saved.session_id and billing.basis is Basis.OLD_QUALIFICATION
    assert billing.remarks == ("旧資格情報",) and handed_declaration == declaration


def test_screen_facts_are_never_trusted_the_session_facts_are_saved():
    rig = _at(QualificationResult(Validity.INVALID, (DEMO_RECORD,)))
    rig.send(ev.StartDeclaration())
    forged = replace(DEMO_FACTS, name="他人 次郎", address="どこか",
                     birth_date=DEMO_FACTS.birth_date - timedelta(days=9000))
    rig.send(ev.SubmitDeclaration(Declaration(forged, "", "0312345678", DEMO_FACTS.birth_date)))
    [(_, declaration)] = rig.store.declarations
    assert declaration.facts == DEMO_FACTS and declaration.declared_on == rig.clock.now().date()


def test_terminal_down_without_a_kana_name_staff_complete_the_declaration_and_bill_unknown():
    rig = _at(error=TerminalUnavailable("res folder missing"))
    assert rig.state is State.TERMINAL_DOWN
    rig.send(ev.StartDeclaration())
    rig.declare(insurance_type=InsuranceType.LATE_ELDERLY, burden_percent=None)
    view = rig.view
    assert view.state is State.WAITING_STAFF
    assert view.staff_reason == "declaration_incomplete" and view.problem == "incomplete_declaration"
    pending = rig.flow.snapshot().declaration
    assert pending.contact == "090-1234-5678" and pending.insurance_type is InsuranceType.LATE_ELDERLY

    # The console adds the kana; the flow decides the bill on the same MHLW path as the kiosk's form.
    completed = replace(pending, name_kana="ミホン タロウ")
    answers = []
    assert rig.send(ev.StaffCompleteFallback("sato", choice="declaration", declaration=completed,
                                             reply=lambda data, code: answers.append((data, code))))
    assert rig.state is State.DONE
    [(reply, code)] = answers
    assert code == ""
    assert reply.basis == "declaration" and reply.remarks[0] == "不詳" and "burden_assumed" in reply.warnings
    [saved] = rig.store.receptions
    assert saved.billing.insurer_number == "77777777" and saved.billing.card_number == "77777777"  # 後期高齢者
    assert saved.remarks[:2] == ("不詳", "カナ氏名 ミホン タロウ") and "連絡先 090-1234-5678" in saved.remarks
    assert saved.notes[:2] == ("declaration", "staff:sato") and "burden_assumed" in saved.notes
    assert rig.store.declarations == [(saved.session_id, completed)]
    [recheck] = rig.store.rechecks
    assert recheck.query is None, "a 不詳 re-check waits for staff to learn the numbers"

    rig.wait(DONE_TIMEOUT + 1)  # the card left behind: the reception is written again…
    assert rig.state is State.CARD_LEFT
    rig.send(ev.CardRemovedEvent())
    assert len(rig.store.receptions) == 2 and rig.store.receptions[-1].remarks == saved.remarks
    assert len(rig.store.declarations) == 1 and len(rig.store.rechecks) == 1, "…but the 申立書 and re-check once"
    [(_, billing, handed)] = rig.publisher.fallbacks
    assert billing.basis is Basis.UNKNOWN and handed == completed, "…and the レセコン gets the bill once"


def test_a_bill_staff_cannot_make_is_refused_by_name_and_the_patient_stays():
    rig = _at(error=TerminalUnavailable("down"))
    rig.send(ev.CallStaff())
    answers = []
    assert rig.send(ev.StaffCompleteFallback("sato", choice="last_visit",
                                             reply=lambda data, code: answers.append((data, code))))
    assert answers == [(None, "declaration_required")], "no last visit: a 申立書 is needed"
    assert rig.state is State.WAITING_STAFF and rig.store.receptions == []
    assert rig.send(ev.StaffCompleteFallback("sato", choice="declaration")).reason == "declaration_required"


def test_the_configured_unknown_insurer_number_reaches_the_bill():
    rig = _at(QualificationResult(Validity.NO_RECORD), config=FlowConfig(unknown_insurer_number="77777779"))
    assert rig.state is State.QUAL_NONE
    rig.send(ev.StartDeclaration())
    facts = rig.view.card_facts
    rig.send(ev.SubmitDeclaration(Declaration(facts, "ミホン タロウ", "0312345678", facts.birth_date)))
    assert rig.state is State.DONE
    assert rig.store.receptions[-1].billing.insurer_number == "77777779"


def test_returning_patient_declaration_on_the_kiosk_uses_the_last_visit():
    rig = _at(error=TerminalUnavailable("down"))
    earlier = rig.clock.now() - timedelta(days=40)
    rig.store.receptions.append(ReceptionRecord("earlier", earlier, earlier, "completed", facts=DEMO_FACTS,
                                                billing=DEMO_RECORD))
    rig.send(ev.StartDeclaration())
    rig.declare()
    assert rig.state is State.DONE
    saved = rig.store.receptions[-1]
    assert saved.billing == DEMO_RECORD and saved.remarks == ("旧資格情報",)
    assert rig.store.rechecks[-1].billing.declaration is DeclarationSource.FORM


def test_staff_confirm_the_last_visit_without_a_form():
    rig = _at(error=TerminalUnavailable("down"))
    earlier = rig.clock.now() - timedelta(days=40)
    rig.store.receptions.append(ReceptionRecord("earlier", earlier, earlier, "completed", facts=DEMO_FACTS,
                                                billing=DEMO_RECORD))
    rig.send(ev.CallStaff(), ev.StaffCompleteFallback("sato", choice="last_visit"))
    saved = rig.store.receptions[-1]
    assert saved.notes[0] == "last_visit" and saved.remarks == ("旧資格情報",)
    assert rig.store.declarations == [] and len(rig.store.rechecks) == 1


def test_the_form_is_offered_only_when_the_cards_facts_are_known():
    no_facts = _at(error=TerminalUnavailable("down"), card=FakeCard(assist_pin_same=False))
    assert no_facts.state is State.TERMINAL_DOWN and "declare" not in no_facts.view.actions
    assert no_facts.send(ev.StartDeclaration()).reason == "facts_unknown"
    expired = stand_in(State.CERT_EXPIRED)  # facts unknown before any PIN: staff fill it in at the console
    assert "declare" not in expired.flow.view().actions
    assert not expired.flow.dispatch(ev.StartDeclaration()) and expired.flow.state is State.CERT_EXPIRED
    several = stand_in(State.QUAL_SEVERAL)
    assert several.flow.dispatch(ev.StartDeclaration()).reason == "not_allowed_now", "several: staff choose"


def test_a_second_submit_while_deciding_is_refused_and_cancel_drops_the_answer():
    rig = make_harness(qualification=FakeQualificationChecker(QualificationResult(Validity.INVALID, (DEMO_RECORD,))),
                       runner=ManualRunner())
    rig.send(ev.CardInserted())
    rig.settle()  # the card
    rig.send(PIN, ev.SubmitPin("1234"))
    rig.settle(2)  # the PIN, the check
    rig.send(ev.StartDeclaration())
    assert rig.declare()
    assert rig.declare().reason == "already_running"
    assert len(rig.runner.pending) == 1
    rig.send(ev.Cancel())
    rig.settle()  # the late decision for a cancelled session
    assert rig.state is State.ENDED and rig.view.outcome == Outcome.CANCELLED.value
    rig.send(ev.CardRemovedEvent())
    rig.settle()
    assert rig.store.receptions[-1].billing is None and rig.store.rechecks == []


def test_a_failed_fallback_save_is_shown_and_written_whole_when_the_session_closes():
    rig = _at(QualificationResult(Validity.INVALID, (DEMO_RECORD,)))
    rig.store.fail = StoreError("disk full")
    rig.send(ev.StartDeclaration())
    rig.declare()
    assert rig.state is State.DONE and rig.view.problem == "store_error"
    rig.store.fail = None
    rig.send(ev.CardRemovedEvent())  # the session closes: what the store does not have is written now
    assert len(rig.store.receptions) == 1 and rig.store.receptions[0].outcome == "fallback"
    assert len(rig.store.declarations) == 1 and len(rig.store.rechecks) == 1


def test_the_declaration_never_reaches_a_log_through_repr():
    declaration = Declaration(DEMO_FACTS, "ミホン", "09011112222", DEMO_FACTS.birth_date)
    assert "0901111" not in repr(ev.SubmitDeclaration(declaration))
    staff = ev.StaffCompleteFallback("sato", choice="declaration", declaration=declaration)
    assert DEMO_FACTS.name not in repr(staff) and "0901111" not in repr(staff)


class _OutboxFull(MemoryPublisher):
    def publish_fallback(self, record, billing, declaration):
        raise StoreError("outbox folder not writable")


def test_a_failed_handover_is_named_and_never_writes_the_fallback_twice():
    rig = make_harness(qualification=FakeQualificationChecker(QualificationResult(Validity.INVALID, (DEMO_RECORD,))),
                       publisher=_OutboxFull())
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.StartDeclaration())
    rig.declare()
    assert rig.state is State.DONE and rig.view.problem == "store_error"
    rig.send(ev.CardRemovedEvent())  # the session closes and its record is written again
    assert len(rig.store.declarations) == 1 and len(rig.store.rechecks) == 1
