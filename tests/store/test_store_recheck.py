"""The re-check queue and worker: waits out a terminal outage, then records what changed for staff."""
from __future__ import annotations

import threading
import time
from datetime import date, datetime

import pytest

from kiosk.core.cancel import CancelToken
from kiosk.core.domain import Trouble
from kiosk.core.errors import MalformedResult, StoreError, TerminalUnavailable
from kiosk.core.fallback import CheckOutcome, Declaration, decide_billing, recheck_item
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.tasks import TaskManager
from kiosk.core.values import InsuranceCardQuery
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


@pytest.fixture
def tasks():
    manager = TaskManager(lambda fn: fn(), name="test-recheck")
    yield manager
    manager.close()


def test_worker_waits_for_the_terminal_then_records_changes(store, make, tasks):
    item_id = _queue_old_billing(store, make, "s1")
    checker = FakeChecker({"06130012": QualificationResult(Validity.VALID, (make.record(burden_percent=30),))})
    worker = RecheckWorker(store, checker, interval=3600)
    assert worker.run_once() == 0  # terminal down: nothing finished, the attempt is counted
    assert [i.id for i in store.pending_rechecks()] == [item_id]
    assert store._db.execute("SELECT attempts, last_error FROM rechecks").fetchone() == (1, "terminal_unavailable")

    worker.start(tasks)
    try:
        checker.up.set()
        worker.wake()  # the next regular round is an hour away
        assert checker.answered.wait(5)
        assert _eventually(lambda: store.pending_rechecks() == [])
    finally:
        worker.stop()
    [outcome] = store.recheck_outcomes(TODAY)
    assert outcome.item.session_id == "s1"
    assert [(c.code, c.trouble, c.billed, c.found) for c in outcome.changes] == [
        ("burden_changed", Trouble.T7, "20", "30")
    ]
    assert checker.queries[-1].birth_date == date(1950, 4, 2)


def test_rounds_start_at_once_and_repeat(store, make, tasks):
    _queue_old_billing(store, make, "s1")
    checker = FakeChecker({})
    worker = RecheckWorker(store, checker, interval=0.05)
    worker.start(tasks)
    try:
        assert _eventually(lambda: len(checker.queries) >= 3)
    finally:
        worker.stop()
    with pytest.raises(RuntimeError):
        worker.start(tasks)


def test_a_wake_during_a_round_goes_round_once_more_never_twice_at_once(store, make, tasks):
    _queue_old_billing(store, make, "s1")
    inside = threading.Semaphore(0)
    release = threading.Event()
    overlap = []

    class Slow(FakeChecker):
        running = 0

        def check_by_insurance_card(self, query, cancel):
            Slow.running += 1
            overlap.append(Slow.running)
            inside.release()
            release.wait(5)
            Slow.running -= 1
            return super().check_by_insurance_card(query, cancel)

    checker = Slow({})
    worker = RecheckWorker(store, checker, interval=3600)
    worker.start(tasks)
    try:
        assert inside.acquire(timeout=5)  # the first round is in its check
        worker.wake()
        worker.wake()
        time.sleep(0.2)  # what a second round at once would need to show up
        release.set()
        assert inside.acquire(timeout=5)  # the running round went once more for the wakes
    finally:
        worker.stop()
    assert max(overlap) == 1
    assert _eventually(lambda: store._db.execute("SELECT attempts FROM rechecks").fetchone()[0] == 2)


def test_a_failing_round_does_not_end_the_rounds(store, make, tasks, caplog):
    _queue_old_billing(store, make, "s1")
    checker = FakeChecker({})
    failures = []

    class Flaky:
        def __getattr__(self, name):
            return getattr(store, name)

        def pending_rechecks(self):
            if not failures:
                failures.append(1)
                raise StoreError("database is locked")
            return store.pending_rechecks()

    worker = RecheckWorker(Flaky(), checker, interval=0.05)
    worker.start(tasks)
    try:
        assert _eventually(lambda: checker.queries)
    finally:
        worker.stop()
    assert "re-check round failed" in caplog.text


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


def test_stop_cancels_a_check_in_flight(store, make, tasks):
    _queue_old_billing(store, make, "s1")
    ended = threading.Event()

    class Hanging(FakeChecker):
        def check_by_insurance_card(self, query, cancel):
            self.queries.append(query)
            self.answered.set()
            try:
                cancel.wait(10)
                cancel.raise_if_cancelled()
                raise AssertionError("not cancelled")
            finally:
                ended.set()

    checker = Hanging({})
    worker = RecheckWorker(store, checker, interval=0.01)
    worker.start(tasks)
    assert checker.answered.wait(5)
    worker.stop()
    assert ended.wait(5)
    worker.wake()  # after stop: nothing more
    time.sleep(0.1)  # where further rounds would come
    assert len(checker.queries) == 1
    assert len(store.pending_rechecks()) == 1
    assert store._db.execute("SELECT attempts FROM rechecks").fetchone()[0] == 0  # a cancel is no failed attempt


def _eventually(condition, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return bool(condition())
