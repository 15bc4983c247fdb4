"""Follow-ups on a real store: an interrupted reception and re-check outcomes reach a signed-in console
after a kiosk restart, and leave its list once staff dismiss or acknowledge them (audited)."""
from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, datetime

import pytest

from kiosk.core.fallback import CheckOutcome, compare_recheck, decide_billing, recheck_item
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import State
from kiosk.simulation.fakes import DEMO_FACTS, DEMO_RECORD
from kiosk.staff import polling
from kiosk.staff.client import KioskLink
from kiosk.staff.errors import RequestFailed
from kiosk.staff.messages import DEFAULT_PORT
from kiosk.store.store import Store
from tests.staff.conftest import Kiosk, open_lane, standing, wait

STAFF, PASSWORD = "tanaka", "follow-up-pass-1"
ACCOUNTS = ((STAFF, PASSWORD),)


@pytest.fixture(autouse=True)
def quick_poll(monkeypatch):
    monkeypatch.setattr(polling, "FOLLOW_UP_POLL", 0.1)


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def restarted(data_dir, tmp_path):
    """Start a kiosk process on the store file: a flow on fakes, the staff server, a signed-in console link."""
    running = []

    def start(steps: int = 0) -> KioskLink:
        """The kiosk's patient has played the first ``steps`` steps of the valid-pin scenario."""
        lane = open_lane(data_dir, ACCOUNTS)
        kiosk = Kiosk(standing("valid-pin", lane, steps), lane, tmp_path / f"staff{len(running)}")
        link = KioskLink(kiosk.pairing, DEFAULT_PORT).start()
        link.kiosk, link.running = kiosk, True
        running.append(link)
        assert link.wait_online(5)
        link.sign_in(STAFF, PASSWORD)
        return link

    yield start
    for link in running:
        stop(link)


def stop(link: KioskLink) -> None:
    """Shut a kiosk process down as the kiosk does: console, server, flow thread, then the store."""
    if link.running:
        link.running = False
        link.stop()
        link.kiosk.stop()
        link.kiosk.lane.close()


def audit_rows(store: Store, action: str) -> list[tuple[str, str]]:
    return [(actor, detail) for actor, detail in
            store._db.execute("SELECT actor, detail FROM audit WHERE action = ? ORDER BY seq", (action,))]


def test_a_reception_the_kiosk_lost_is_shown_after_a_restart_until_staff_dismiss_it(data_dir, restarted):
    first = restarted(2)
    view = first.kiosk.run(first.kiosk.flow.view)
    assert view.state is State.PIN
    stop(first)  # the kiosk goes down mid-reception: nothing saved

    link = restarted()
    store = link.kiosk.lane.store
    lost = view.session_id
    assert wait(lambda: [i.session_id for i in link.follow_ups.interrupted] == [lost])
    [shown] = link.follow_ups.interrupted
    assert shown.reached == "pin"  # recorded through the flow's lane, behind the reception's start

    link.request("dismiss_interrupted", {"session_id": lost})
    assert wait(lambda: link.follow_ups.interrupted == ())
    assert store.interrupted_receptions() == []
    link.kiosk.lane.submit(lambda: None, wait=True)
    assert audit_rows(store, "interrupted_dismissed") == [(STAFF, f"session={lost}")]
    with pytest.raises(RequestFailed) as refused:  # already handled: nothing to dismiss twice
        link.request("dismiss_interrupted", {"session_id": lost})
    assert refused.value.code == "store_not_found"


def test_a_running_reception_is_not_interrupted_and_cannot_be_dismissed(data_dir, restarted):
    link = restarted(2)
    running = link.kiosk.run(link.kiosk.flow.view).session_id
    with pytest.raises(RequestFailed):
        link.request("dismiss_interrupted", {"session_id": running})
    # A round trip: the lists sent at sign-in have arrived.
    link.request("receptions", {"since": "2026-01-01", "until": "2026-01-02"})
    assert link.follow_ups.interrupted == ()
    assert audit_rows(link.kiosk.lane.store, "interrupted_dismissed") == []


def _recheck_outcome(store: Store, session_id: str, found) -> int:
    """A fallback bill on the last visit's record (3割 → billed 2割), re-checked: what the worker records."""
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=date(2026, 11, 20), last_confirmed=DEMO_RECORD,
                             facts_unchanged=True)
    item_id = store.enqueue_recheck(recheck_item(session_id, billing, DEMO_FACTS.birth_date,
                                                 datetime(2026, 11, 20, 9, 30).astimezone()))
    store.recheck_done(item_id, found, compare_recheck(billing, found))
    return item_id


def test_recheck_outcomes_reach_the_console_and_leave_it_once_acknowledged(data_dir, restarted):
    before = open_lane(data_dir, ACCOUNTS)
    burden = replace(DEMO_RECORD, burden_percent=20)  # billed 3割 on the last visit's record
    first = _recheck_outcome(before.store, "fallback-1", QualificationResult(Validity.VALID, (burden,)))
    before.close()

    link = restarted()
    store = link.kiosk.lane.store
    assert wait(lambda: [r.id for r in link.follow_ups.rechecks] == [first])
    [notice] = link.follow_ups.rechecks
    assert (notice.session_id, notice.name, notice.birth_date) == (
        "fallback-1", DEMO_RECORD.name, DEMO_FACTS.birth_date)
    assert [(d.code, d.trouble, d.found) for d in notice.differences] == [
        ("burden_changed", "T7", str(burden.burden_percent))]

    # The worker finishes another one while staff are signed in: it appears without asking.
    second = _recheck_outcome(store, "fallback-2", QualificationResult(Validity.INVALID, (DEMO_RECORD,)))
    assert wait(lambda: [r.id for r in link.follow_ups.rechecks] == [first, second])
    assert link.follow_ups.rechecks[1].differences[0].code == "qualification_lost"

    link.request("acknowledge_recheck", {"id": first})
    assert wait(lambda: [r.id for r in link.follow_ups.rechecks] == [second])
    assert [o.item.id for o in store.recheck_outcomes(date.min)] == [second]
    link.kiosk.lane.submit(lambda: None, wait=True)
    assert audit_rows(store, "recheck_acknowledged") == [(STAFF, f"id={first}")]
    with pytest.raises(RequestFailed):
        link.request("acknowledge_recheck", {"id": first})
    with pytest.raises(RequestFailed) as bad:
        link.request("acknowledge_recheck", {"id": "1"})
    assert bad.value.code == "bad_request"


def test_follow_ups_are_sent_only_after_sign_in(data_dir, tmp_path):
    before = open_lane(data_dir, ACCOUNTS)
    before.store.reception_started("lost", datetime(2026, 11, 20, 9).astimezone())
    before.close()
    lane = open_lane(data_dir, ACCOUNTS)
    kiosk = Kiosk(standing("valid-pin", lane, 0, state=State.IDLE), lane, tmp_path / "staff")
    seen = []
    link = KioskLink(kiosk.pairing, DEFAULT_PORT, on_follow_ups=lambda _link, f: seen.append(f)).start()
    try:
        assert link.wait_online(5)
        with pytest.raises(RequestFailed) as refused:
            link.request("dismiss_interrupted", {"session_id": "lost"})
        assert refused.value.code == "not_signed_in"
        time.sleep(0.3)  # a few rounds of the poll: none reaches a console nobody signed in to
        assert seen == []
        assert [r.session_id for r in lane.store.interrupted_receptions()] == ["lost"]
        link.sign_in(STAFF, PASSWORD)
        assert wait(lambda: [i.session_id for i in link.follow_ups.interrupted] == ["lost"])
    finally:
        link.stop()
        kiosk.stop()
        lane.close()


def test_progress_notes_never_touch_a_saved_reception(data_dir):
    from kiosk.core.values import ReceptionRecord
    from kiosk.staff.progress import ProgressRecorder

    lane = open_lane(data_dir, ())
    rig = standing("valid-pin", lane, 2, state=State.PIN)
    recorder = ProgressRecorder(lane)
    view = rig.flow.view()
    recorder.note(view)
    lane.submit(lambda: None, wait=True)
    [row] = lane.store._db.execute("SELECT state, sealed FROM receptions").fetchall()
    assert row[0] == "in_progress" and row[1] is not None
    started = datetime.fromisoformat(next(lane.store.receptions_since(date.min)).started_at)
    lane.save_reception(ReceptionRecord(view.session_id, started, started, "completed", facts=DEMO_FACTS))
    late = ProgressRecorder(lane)
    late.note(view)  # a note that arrives after the save
    lane.submit(lambda: None, wait=True)
    [saved] = lane.store.receptions_since(started.date())
    assert (saved.state, saved.outcome, saved.facts, saved.reached) == ("saved", "completed", DEMO_FACTS, None)
    rig.close()
    lane.close()
