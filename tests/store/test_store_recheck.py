"""The re-check queue and worker: waits out a terminal outage, then records what changed for staff."""
from __future__ import annotations

import threading
from datetime import date, datetime

from kiosk.core.domain import Trouble
from kiosk.core.errors import MalformedResult, TerminalUnavailable
from kiosk.core.fallback import CheckOutcome, Declaration, decide_billing, recheck_item
from kiosk.core.ports import CancelToken, InsuranceCardQuery
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.store.recheck import RecheckWorker

TODAY = date(2025, 7, 10)


class FakeChecker:
    """Answers by insurer number once ``up`` is set; raises TerminalUnavailable while it is not."""

    def __init__(self, answers: dict[str, QualificationResult]) -> None:
        self.answers = answers
        self.up = threading.Event()
        self.queries: list[InsuranceCardQuery] = []
        self.answered = threading.Event()

    def check_by_card(self, *args, **kwargs):
        raise AssertionError("the re-check uses insurance-card data only")

    def check_by_insurance_card(self, query: InsuranceCardQuery, cancel: CancelToken) -> QualificationResult:
        cancel.raise_if_cancelled()
        self.queries.append(query)
        if not self.up.is_set():
            raise TerminalUnavailable("terminal down")
        answer = self.answers[query.insurer_number]
        if isinstance(answer, Exception):
            raise answer
        self.answered.set()
        return answer


def _queue_old_billing(store, make, session_id: str, **record_changes) -> int:
    billing = decide_billing(
        CheckOutcome.TERMINAL_DOWN, today=TODAY, last_confirmed=make.record(**record_changes), facts_unchanged=True
    )
    return store.enqueue_recheck(recheck_item(session_id, billing, date(1950, 4, 2), datetime(2025, 7, 10, 9)))


def test_worker_waits_for_the_terminal_then_records_changes(store, make):
    item_id = _queue_old_billing(store, make, "s1")
    checker = FakeChecker({"06130012": QualificationResult(Validity.VALID, (make.record(burden_percent=30),))})
    worker = RecheckWorker(store, checker, interval=0.05)
    assert worker.run_once() == 0  # terminal down: nothing finished, the attempt is counted
    assert [i.id for i in store.pending_rechecks()] == [item_id]
    assert store._db.execute("SELECT attempts, last_error FROM rechecks").fetchone() == (1, "terminal_unavailable")

    worker.start()
    try:
        checker.up.set()
        worker.wake()
        assert checker.answered.wait(5)
    finally:
        worker.stop()
    assert store.pending_rechecks() == []
    [outcome] = store.recheck_outcomes(TODAY)
    assert outcome.item.session_id == "s1"
    assert [(c.code, c.trouble, c.billed, c.found) for c in outcome.changes] == [
        ("burden_changed", Trouble.T7, "20", "30")
    ]
    assert checker.queries[-1].birth_date == date(1950, 4, 2)


def test_one_bad_answer_does_not_stop_the_others(store, make):
    _queue_old_billing(store, make, "bad", insurer_number="01010016")
    _queue_old_billing(store, make, "good")
    checker = FakeChecker(
        {
            "01010016": MalformedResult("unreadable answer"),
            "06130012": QualificationResult(Validity.INVALID, (make.record(),)),
        }
    )
    checker.up.set()
    assert RecheckWorker(store, checker).run_once() == 1
    assert [i.session_id for i in store.pending_rechecks()] == ["bad"]
    [outcome] = store.recheck_outcomes(TODAY)
    assert [(c.code, c.trouble) for c in outcome.changes] == [("qualification_lost", Trouble.T3)]


def test_unknown_claim_waits_for_numbers_from_staff(store, make):
    decl = Declaration(make.facts(), make.kana, "090-1234-5678", TODAY)
    billing = decide_billing(CheckOutcome.NO_RECORD, today=TODAY, declaration=decl)
    item_id = store.enqueue_recheck(recheck_item("s1", billing, date(1950, 4, 2), datetime(2025, 7, 10, 9)))
    checker = FakeChecker({"39131015": QualificationResult(Validity.VALID, (make.record(insurer_number="39131015"),))})
    checker.up.set()
    assert RecheckWorker(store, checker).run_once() == 0
    assert checker.queries == []
    assert [i.id for i in store.rechecks_awaiting_numbers()] == [item_id]

    query = InsuranceCardQuery("39131015", "", "12345678", "", date(1950, 4, 2))
    store.set_recheck_query(item_id, query, "staff:sato")
    assert RecheckWorker(store, checker).run_once() == 1
    [outcome] = store.recheck_outcomes(TODAY)
    assert outcome.item.query == query
    assert ("insurer_changed", "77777777", "39131015") in [(c.code, c.billed, c.found) for c in outcome.changes]


def test_stop_cancels_a_check_in_flight(store, make):
    _queue_old_billing(store, make, "s1")

    class Hanging(FakeChecker):
        def check_by_insurance_card(self, query, cancel):
            self.answered.set()
            cancel.wait(10)
            cancel.raise_if_cancelled()
            raise AssertionError("not cancelled")

    checker = Hanging({})
    worker = RecheckWorker(store, checker, interval=0.01)
    worker.start()
    assert checker.answered.wait(5)
    worker.stop(timeout=5)
    assert not worker._thread.is_alive()
    assert len(store.pending_rechecks()) == 1
