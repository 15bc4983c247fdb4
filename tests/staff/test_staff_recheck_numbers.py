"""Staff enter the numbers a 不詳 re-check waits for, over the real channel: signed-in staff only, audited
with their name and the item (never the numbers), refused by name for an item that cannot take them; the
kiosk's re-check worker then runs it at once and its outcome reaches the console's follow-ups."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from kiosk.core.errors import TerminalUnavailable
from kiosk.core.fallback import CheckOutcome, Declaration, decide_billing, recheck_item
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import State
from kiosk.core.tasks import TaskManager
from kiosk.core.values import InsuranceCardQuery
from kiosk.simulation.fakes import DEMO_FACTS, DEMO_RECORD, FakeQualificationChecker
from kiosk.staff import polling
from kiosk.staff.client import KioskLink
from kiosk.staff.errors import RequestFailed
from kiosk.staff.messages import DEFAULT_PORT, CardNumbers, recheck_numbers_args
from kiosk.store.recheck import RecheckWorker
from tests.staff.conftest import PASSWORD, USER, audit_rows, standing, wait

NEWCOMER = replace(DEMO_FACTS, name="見本 次郎", birth_date=date(1948, 6, 3))
NUMBERS = CardNumbers("39131015", "", "00112233", "01")
FOUND = replace(DEMO_RECORD, insurer_number="39131015", card_symbol="", card_number="00112233", branch_number="01",
                name=NEWCOMER.name, birth_date=NEWCOMER.birth_date)


@pytest.fixture(autouse=True)
def quick_poll(monkeypatch):
    monkeypatch.setattr(polling, "FOLLOW_UP_POLL", 0.1)


def queue_unknown(store, session_id: str = "unknown-1") -> int:
    """A 不詳 reception's re-check, as the flow queues it: no numbers known."""
    today = date(2026, 11, 20)
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=today,
                             declaration=Declaration(NEWCOMER, "ミホン ジロウ", "090-0000-0000", today))
    return store.enqueue_recheck(recheck_item(session_id, billing, NEWCOMER.birth_date,
                                              datetime(2026, 11, 20, 9, 30).astimezone()))


@pytest.fixture
def terminal():
    return FakeQualificationChecker(QualificationResult(Validity.VALID, (FOUND,)))


@pytest.fixture
def kiosk(kiosk_for, lane, terminal):
    """An idle kiosk whose store holds a 不詳 re-check, its re-check worker running (next round in an hour)."""
    kiosk = kiosk_for(standing("valid-pin", lane, 0, state=State.IDLE))
    kiosk.item = queue_unknown(lane.store)
    tasks = TaskManager(lambda fn: fn(), workers=1, name="test-recheck")
    worker = RecheckWorker(lane, terminal, interval=3600)
    worker.start(tasks)
    yield kiosk
    worker.stop()
    tasks.close()


@pytest.fixture
def link(kiosk):
    link = KioskLink(kiosk.pairing, DEFAULT_PORT).start()
    assert link.wait_online(5)
    yield link
    link.stop()


def test_only_signed_in_staff_may_enter_numbers(kiosk, link, lane, terminal):
    with pytest.raises(RequestFailed) as refused:
        link.request("recheck_numbers", recheck_numbers_args(kiosk.item, NUMBERS))
    assert refused.value.code == "not_signed_in"
    assert [i.id for i in lane.store.rechecks_awaiting_numbers()] == [kiosk.item]
    assert audit_rows(lane, "recheck_numbers_set") == []
    assert terminal.insurance_checks == []


def test_the_numbers_run_the_recheck_and_its_outcome_reaches_the_console(kiosk, link, lane, terminal):
    link.sign_in(USER, PASSWORD)
    assert wait(lambda: [a.id for a in link.follow_ups.awaiting] == [kiosk.item])
    [awaiting] = link.follow_ups.awaiting
    assert (awaiting.name, awaiting.birth_date, awaiting.session_id) == (NEWCOMER.name, NEWCOMER.birth_date,
                                                                         "unknown-1")
    assert link.follow_ups.rechecks == ()

    assert link.request("recheck_numbers", recheck_numbers_args(kiosk.item, NUMBERS)) == {}

    assert wait(lambda: [r.id for r in link.follow_ups.rechecks] == [kiosk.item])
    assert link.follow_ups.awaiting == ()
    # The birth date is the one the reception was billed with: the console never sent one.
    assert terminal.insurance_checks == [InsuranceCardQuery("39131015", "", "00112233", "01", NEWCOMER.birth_date)]
    [notice] = link.follow_ups.rechecks
    assert notice.basis == "unknown"
    assert ("insurer_changed", "T3", "77777777", "39131015") in [
        (d.code, d.trouble, d.billed, d.found) for d in notice.differences]
    rows = audit_rows(lane, "recheck_numbers_set")
    assert rows == [(USER, "recheck_numbers_set", f"id={kiosk.item} session=unknown-1")]
    every_detail = " ".join(detail for _actor, _action, detail in audit_rows(lane))
    assert "00112233" not in every_detail and "39131015" not in every_detail


@pytest.mark.parametrize("numbers", [
    CardNumbers("0613999", "", "00112233", ""),  # 7 digits
    CardNumbers("3913101５", "", "00112233", ""),  # a full-width digit reaches the kiosk as typed
    CardNumbers("39131015", "", " ", ""),
    CardNumbers("39131015", "", "00112233", "1"),
    CardNumbers("39131015", "記" * 39, "00112233", ""),
])
def test_numbers_the_kiosk_cannot_check_are_refused(kiosk, link, lane, numbers):
    link.sign_in(USER, PASSWORD)
    with pytest.raises(RequestFailed) as bad:
        link.request("recheck_numbers", recheck_numbers_args(kiosk.item, numbers))
    assert bad.value.code == "bad_request"
    assert [i.id for i in lane.store.rechecks_awaiting_numbers()] == [kiosk.item]


def test_an_item_that_cannot_take_numbers_is_refused_by_name(kiosk, link, lane, terminal):
    link.sign_in(USER, PASSWORD)
    with pytest.raises(RequestFailed) as unknown:
        link.request("recheck_numbers", recheck_numbers_args(kiosk.item + 100, NUMBERS))
    assert unknown.value.code == "recheck_unknown"

    link.request("recheck_numbers", recheck_numbers_args(kiosk.item, NUMBERS))
    assert wait(lambda: lane.store.recheck_outcomes(date.min) != [])
    with pytest.raises(RequestFailed) as finished:
        link.request("recheck_numbers", recheck_numbers_args(kiosk.item, replace(NUMBERS, card_number="1")))
    assert finished.value.code == "recheck_finished"
    assert [actor for actor, _action, _detail in audit_rows(lane, "recheck_numbers_set")] == [USER]
    assert terminal.insurance_checks[0].card_number == "00112233"


def test_numbers_for_an_item_another_console_already_numbered(kiosk, link, lane, terminal):
    terminal.error = TerminalUnavailable("the line is down")  # the item stays pending after its attempt
    link.sign_in(USER, PASSWORD)
    link.request("recheck_numbers", recheck_numbers_args(kiosk.item, NUMBERS))
    assert wait(lambda: len(terminal.insurance_checks) == 1)
    with pytest.raises(RequestFailed) as refused:
        link.request("recheck_numbers", recheck_numbers_args(kiosk.item, replace(NUMBERS, card_number="1")))
    assert refused.value.code == "recheck_has_numbers"
    assert [i.query.card_number for i in lane.store.pending_rechecks() if i.query] == ["00112233"]
