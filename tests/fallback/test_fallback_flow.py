"""The offline fallback in the flow: the 申立書 on the kiosk, staff completing it, and what is saved."""
from __future__ import annotations

from datetime import timedelta

from kiosk.core import events as ev
from kiosk.core.domain import IdentityMethod
from kiosk.core.errors import StoreError, TerminalUnavailable
from kiosk.core.fakes import DEMO_FACTS, DEMO_RECORD, FakeCard, FakeQualificationChecker
from kiosk.core.fallback import (
    Basis,
    CheckOutcome,
    Declaration,
    DeclarationSource,
    InsuranceType,
    decide_billing,
    outcome_of,
)
from kiosk.core.flow import FlowConfig, Outcome, billing_basis
from kiosk.core.harness import declare, make_harness, reach, settle
from kiosk.core.ports import ReceptionRecord
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import POLICIES, State

PIN = ev.ChooseMethod(IdentityMethod.PIN)


def _at(result: QualificationResult | None = None, error: Exception | None = None, config: FlowConfig | None = None,
        card: FakeCard | None = None):
    """A synchronous harness standing where the check failed, after a PIN (the 4 facts are known)."""
    rig = make_harness(card, qualification=FakeQualificationChecker(result, error), config=config)
    rig.send(ev.CardInserted(), PIN, ev.SubmitPin("1234"))
    return rig


def test_qual_invalid_declaration_on_the_kiosk_bills_the_old_qualification():
    rig = _at(QualificationResult(Validity.INVALID, (DEMO_RECORD,)))
    assert rig.state is State.QUAL_INVALID and rig.flow.view().can_declare
    rig.send(ev.StartDeclaration())
    view = rig.flow.view()
    assert view.state is State.DECLARATION
    assert view.card_facts == DEMO_FACTS and view.name_kana == DEMO_RECORD.name_kana
    declare(rig, burden_percent=20)
    assert rig.state is State.DONE
    assert rig.flow.view().outcome == Outcome.FALLBACK.value
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
    assert rig.publisher.published == [], "a fallback is not a card check for the レセコン"


def test_screen_facts_are_never_trusted_the_session_facts_are_saved():
    rig = _at(QualificationResult(Validity.INVALID, (DEMO_RECORD,)))
    rig.send(ev.StartDeclaration())
    forged = DEMO_FACTS.__class__("他人 次郎", "どこか", DEMO_FACTS.birth_date - timedelta(days=9000), DEMO_FACTS.sex)
    rig.send(ev.SubmitDeclaration(Declaration(forged, "", "0312345678", DEMO_FACTS.birth_date)))
    [(_, declaration)] = rig.store.declarations
    assert declaration.facts == DEMO_FACTS and declaration.declared_on == rig.clock.now().date()


def test_terminal_down_without_a_kana_name_staff_complete_the_declaration_and_bill_unknown():
    rig = _at(error=TerminalUnavailable("res folder missing"))
    assert rig.state is State.TERMINAL_DOWN
    rig.send(ev.StartDeclaration())
    declare(rig, insurance_type=InsuranceType.LATE_ELDERLY, burden_percent=None)
    assert rig.state is State.WAITING_STAFF
    assert rig.flow.session.staff_reason == "declaration_incomplete"
    assert rig.flow.session.problem == "incomplete_declaration"
    pending = rig.flow.session.declaration
    assert pending.contact == "090-1234-5678" and pending.insurance_type is InsuranceType.LATE_ELDERLY

    # The console (kiosk.staff.server.complete_fallback) adds the kana and decides the bill.
    completed = Declaration(**{**pending.__dict__, "name_kana": "ミホン タロウ"})
    billing = decide_billing(outcome_of(None), today=rig.clock.now().date(), declaration=completed)
    rig.send(ev.StaffCompleteWithBilling("sato", billing.record, billing_basis(billing), detail=billing,
                                         declaration=completed))
    assert rig.state is State.DONE
    [saved] = rig.store.receptions
    assert saved.billing.insurer_number == "77777777" and saved.billing.card_number == "77777777"  # 後期高齢者
    assert saved.remarks[:2] == ("不詳", "カナ氏名 ミホン タロウ") and "連絡先 090-1234-5678" in saved.remarks
    assert saved.notes[:2] == ("declaration", "staff:sato") and "burden_assumed" in saved.notes
    assert rig.store.declarations == [(saved.session_id, completed)]
    [recheck] = rig.store.rechecks
    assert recheck.query is None, "a 不詳 re-check waits for staff to learn the numbers"

    rig.wait(POLICIES[State.DONE].timeout + 1)  # the card left behind: the reception is written again…
    assert rig.state is State.CARD_LEFT
    rig.send(ev.CardRemovedEvent())
    assert len(rig.store.receptions) == 2 and rig.store.receptions[-1].remarks == saved.remarks
    assert len(rig.store.declarations) == 1 and len(rig.store.rechecks) == 1, "…but the 申立書 and re-check once"


def test_the_configured_unknown_insurer_number_reaches_the_bill():
    rig = _at(QualificationResult(Validity.NO_RECORD), config=FlowConfig(unknown_insurer_number="77777779"))
    assert rig.state is State.QUAL_NONE
    rig.send(ev.StartDeclaration())
    facts = rig.flow.session.facts
    rig.send(ev.SubmitDeclaration(Declaration(facts, "ミホン タロウ", "0312345678", facts.birth_date)))
    assert rig.state is State.DONE
    assert rig.store.receptions[-1].billing.insurer_number == "77777779"


def test_returning_patient_declaration_on_the_kiosk_uses_the_last_visit():
    rig = _at(error=TerminalUnavailable("down"))
    earlier = rig.clock.now() - timedelta(days=40)
    rig.store.receptions.append(ReceptionRecord("earlier", earlier, earlier, "completed", facts=DEMO_FACTS,
                                                billing=DEMO_RECORD))
    rig.send(ev.StartDeclaration())
    declare(rig)
    assert rig.state is State.DONE
    saved = rig.store.receptions[-1]
    assert saved.billing == DEMO_RECORD and saved.remarks == ("旧資格情報",)
    assert rig.store.rechecks[-1].billing.declaration is DeclarationSource.FORM


def test_staff_confirm_the_last_visit_without_a_form():
    rig = _at(error=TerminalUnavailable("down"))
    earlier = rig.clock.now() - timedelta(days=40)
    rig.store.receptions.append(ReceptionRecord("earlier", earlier, earlier, "completed", facts=DEMO_FACTS,
                                                billing=DEMO_RECORD))
    last = rig.store.last_confirmed(None, DEMO_FACTS)
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=rig.clock.now().date(), last_confirmed=last,
                             facts_unchanged=True)
    rig.send(ev.CallStaff(), ev.StaffCompleteWithBilling("sato", billing.record, billing_basis(billing), detail=billing))
    saved = rig.store.receptions[-1]
    assert saved.notes[0] == "last_visit" and saved.remarks == ("旧資格情報",)
    assert rig.store.declarations == [] and len(rig.store.rechecks) == 1


def test_the_form_is_offered_only_when_the_cards_facts_are_known():
    no_facts = _at(error=TerminalUnavailable("down"), card=FakeCard(assist_pin_same=False))
    assert no_facts.state is State.TERMINAL_DOWN and not no_facts.flow.view().can_declare
    no_facts.send(ev.StartDeclaration())
    assert no_facts.state is State.TERMINAL_DOWN
    expired = reach(State.CERT_EXPIRED)  # facts unknown before any PIN: staff fill it in at the console
    assert not expired.flow.view().can_declare
    expired.send(ev.StartDeclaration())
    assert expired.state is State.CERT_EXPIRED
    several = reach(State.QUAL_SEVERAL)
    several.send(ev.StartDeclaration())
    assert several.state is State.QUAL_SEVERAL, "several records: staff choose, no 申立書"


def test_a_second_submit_while_deciding_is_ignored_and_cancel_drops_the_answer():
    rig = reach(State.DECLARATION)
    declare(rig)
    declare(rig)
    assert len(rig.runner.pending) == 1
    rig.send(ev.Cancel())
    settle(rig)  # the late decision for a cancelled session
    assert rig.state is State.ENDED and rig.flow.session.outcome is Outcome.CANCELLED
    assert rig.flow.session.billing is None


def test_a_failed_fallback_save_is_shown_and_tried_again_whole():
    rig = _at(QualificationResult(Validity.INVALID, (DEMO_RECORD,)))
    rig.store.fail = StoreError("disk full")
    rig.send(ev.StartDeclaration())
    declare(rig)
    assert rig.state is State.DONE and rig.flow.view().problem == "store_error"
    rig.store.fail = None
    rig.send(ev.CardRemovedEvent())  # back to IDLE: troubles unchanged, so no second write by itself
    rig2 = _at(QualificationResult(Validity.INVALID, (DEMO_RECORD,)))
    rig2.store.fail = StoreError("disk full")
    rig2.send(ev.StartDeclaration())
    declare(rig2)
    rig2.store.fail = None
    rig2.wait(POLICIES[State.DONE].timeout + 1)  # card left: the re-save carries the 申立書 this time
    rig2.send(ev.CardRemovedEvent())
    assert len(rig2.store.declarations) == 1 and len(rig2.store.rechecks) == 1


def test_an_older_console_event_without_detail_still_completes():
    rig = reach(State.TERMINAL_DOWN)
    rig.send(ev.StaffCompleteWithBilling("sato", DEMO_RECORD, "insurance_card"))
    settle(rig)
    assert rig.state is State.DONE
    assert rig.store.receptions[-1].remarks == () and rig.store.rechecks == []


def test_the_declaration_never_reaches_a_log_through_repr():
    rig = reach(State.DECLARATION)
    declaration = Declaration(DEMO_FACTS, "ミホン", "09011112222", DEMO_FACTS.birth_date)
    assert "0901111" not in repr(ev.SubmitDeclaration(declaration))
    assert DEMO_FACTS.name not in repr(ev.StaffCompleteWithBilling("sato", DEMO_RECORD, "declaration",
                                                                    declaration=declaration))
    assert rig.state is State.DECLARATION
