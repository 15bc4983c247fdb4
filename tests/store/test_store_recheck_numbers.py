"""Staff give a 不詳 re-check its numbers: only an item waiting for them takes them, the audit names who and
which item (never the numbers), and the worker runs it at once rather than at its next round."""
from __future__ import annotations

import threading
import time
from datetime import date, datetime

import pytest

from kiosk.core.cancel import CancelToken
from kiosk.core.domain import Trouble
from kiosk.core.fallback import CheckOutcome, Declaration, compare_recheck, decide_billing, recheck_item
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.tasks import TaskManager
from kiosk.core.values import InsuranceCardQuery
from kiosk.store.errors import NotFound, RecheckFinished, RecheckHasNumbers, RecheckUnknown
from kiosk.store.recheck import RecheckWorker

TODAY = date(2025, 7, 10)
BIRTH = date(1950, 4, 2)
NUMBERS = InsuranceCardQuery("39131015", "記号甲", "80012345", "01", BIRTH)


def _unknown(store, make, session_id: str = "s1") -> int:
    """A 不詳 bill (nothing known but the 申立書): its re-check waits for staff."""
    declaration = Declaration(make.facts(), make.kana, "090-1234-5678", TODAY)
    billing = decide_billing(CheckOutcome.NO_RECORD, today=TODAY, declaration=declaration)
    return store.enqueue_recheck(recheck_item(session_id, billing, BIRTH, datetime(2025, 7, 10, 9)))


def _old_qualification(store, make) -> int:
    """A bill on the last visit's record: its numbers are known from the start."""
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, last_confirmed=make.record(),
                             facts_unchanged=True)
    return store.enqueue_recheck(recheck_item("s2", billing, BIRTH, datetime(2025, 7, 10, 9)))


def _audit(store, action: str) -> list[tuple[str, str]]:
    return list(store._db.execute("SELECT actor, detail FROM audit WHERE action = ? ORDER BY seq", (action,)))


def test_numbers_make_the_item_pending_audited_without_the_numbers(store, make, db_path):
    item_id = _unknown(store, make)
    told = []
    store.on_recheck_ready(lambda: told.append(item_id))
    assert store.recheck(item_id).query is None

    store.set_recheck_query(item_id, NUMBERS, "sato")

    assert store.rechecks_awaiting_numbers() == []
    [pending] = store.pending_rechecks()
    assert (pending.id, pending.query, pending.birth_date) == (item_id, NUMBERS, BIRTH)
    assert store.recheck(item_id) == pending
    assert told == [item_id]
    assert _audit(store, "recheck_numbers_set") == [("sato", f"id={item_id} session=s1")]
    details = " ".join(d for (d,) in store._db.execute("SELECT detail FROM audit"))
    assert "39131015" not in details and "80012345" not in details
    assert store.check() == []
    store.close()
    raw = b"".join(path.read_bytes() for path in db_path.parent.glob(db_path.name + "*"))
    assert b"80012345" not in raw and "記号甲".encode() not in raw  # sealed at rest


def test_only_an_item_waiting_for_numbers_takes_them(store, make):
    waiting = _unknown(store, make)
    known = _old_qualification(store, make)
    told = []
    store.on_recheck_ready(lambda: told.append(1))

    with pytest.raises(RecheckUnknown) as unknown:
        store.set_recheck_query(9999, NUMBERS, "sato")
    assert isinstance(unknown.value, NotFound) and unknown.value.code == "recheck_unknown"
    with pytest.raises(RecheckUnknown):
        store.recheck(9999)
    with pytest.raises(RecheckHasNumbers) as has:  # the bill carried them: nobody types over them
        store.set_recheck_query(known, NUMBERS, "sato")
    assert has.value.code == "recheck_has_numbers"

    store.set_recheck_query(waiting, NUMBERS, "sato")
    other = InsuranceCardQuery("06130012", "", "999", "", BIRTH)
    with pytest.raises(RecheckHasNumbers):  # a second member of staff, a moment later
        store.set_recheck_query(waiting, other, "suzuki")
    assert store.recheck(waiting).query == NUMBERS

    found = QualificationResult(Validity.VALID, (make.record(insurer_number="39131015"),))
    billing = store.recheck(waiting).billing
    store.recheck_done(waiting, found, compare_recheck(billing, found))
    with pytest.raises(RecheckFinished) as finished:
        store.set_recheck_query(waiting, other, "suzuki")
    assert finished.value.code == "recheck_finished"
    store.acknowledge_recheck(waiting, "sato")
    with pytest.raises(RecheckFinished):
        store.set_recheck_query(waiting, other, "suzuki")

    assert told == [1]  # refusals tell nobody
    assert [actor for actor, _ in _audit(store, "recheck_numbers_set")] == ["sato"]
    assert store.check() == []


class Terminal:
    """Answers every check with one record; notes what it was asked."""

    def __init__(self, result: QualificationResult) -> None:
        self.result = result
        self.queries: list[InsuranceCardQuery] = []
        self.asked = threading.Event()

    def check_by_card(self, *args, **kwargs):
        raise AssertionError("the re-check uses insurance-card data only")

    def check_by_insurance_card(self, query: InsuranceCardQuery, cancel: CancelToken) -> QualificationResult:
        cancel.raise_if_cancelled()
        self.queries.append(query)
        self.asked.set()
        return self.result


def test_the_worker_runs_the_item_as_soon_as_it_has_its_numbers(store, make):
    item_id = _unknown(store, make)
    found = make.record(insurer_number="39131015", card_symbol="記号甲", card_number="80012345",
                        branch_number="01", burden_percent=30)
    terminal = Terminal(QualificationResult(Validity.VALID, (found,)))
    tasks = TaskManager(lambda fn: fn(), name="test-recheck-numbers")
    worker = RecheckWorker(store, terminal, interval=3600)  # the next regular round is an hour away
    worker.start(tasks)
    try:
        assert not terminal.asked.wait(0.2)  # the first round found nothing to run
        store.set_recheck_query(item_id, NUMBERS, "sato")
        assert terminal.asked.wait(5), "the worker was not woken"
        assert _eventually(lambda: store.recheck_outcomes(TODAY) != [])
    finally:
        worker.stop()
        tasks.close()
    assert terminal.queries == [NUMBERS]  # the birth date is the reception's
    [outcome] = store.recheck_outcomes(TODAY)
    changes = {c.code: (c.trouble, c.billed, c.found) for c in outcome.changes}
    assert changes["insurer_changed"] == (Trouble.T3, "77777777", "39131015")
    assert changes["number_changed"] == (Trouble.T3, "777777777", "記号甲・80012345・01")


def _eventually(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return bool(condition())
