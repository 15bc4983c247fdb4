"""Follow-ups on a real store: an interrupted reception and re-check outcomes reach a signed-in console
after a kiosk restart, and leave its list once staff dismiss or acknowledge them (audited)."""
from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, datetime

import pytest

from kiosk.core import events as ev
from kiosk.core.domain import IdentityMethod
from kiosk.core.fakes import DEMO_FACTS, DEMO_RECORD
from kiosk.core.fallback import CheckOutcome, compare_recheck, decide_billing, recheck_item
from kiosk.core.harness import make_harness
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import State
from kiosk.staff import server as staff_server
from kiosk.staff.client import KioskLink
from kiosk.staff.errors import RequestFailed
from kiosk.staff.server import DEFAULT_PORT
from kiosk.store.keys import FileKeyProvider
from kiosk.store.staff_accounts import Role, StaffAccounts
from kiosk.store.store import Store

from tests.staff.conftest import FlowThread, start_kiosk

STAFF, PASSWORD = "tanaka", "follow-up-pass-1"


def wait(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def open_store(data_dir) -> Store:
    return Store.open(data_dir / "kiosk.db", FileKeyProvider(data_dir / "keys"))


@pytest.fixture
def restarted(data_dir, tmp_path, monkeypatch):
    """Start a kiosk process on the store: a flow on fakes, the staff server, a signed-in console link."""
    monkeypatch.setattr(staff_server, "FOLLOW_UP_POLL", 0.1)
    running = []

    def start(store: Store) -> KioskLink:
        flow_thread = FlowThread()
        rig = make_harness(store=store)
        kiosk = start_kiosk(rig, flow_thread.post, StaffAccounts(store), tmp_path / "staff")
        link = KioskLink(kiosk.pairing, DEFAULT_PORT).start()
        link.kiosk, link.flow_thread, link.running = kiosk, flow_thread, True
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
        link.kiosk.server.stop()
        link.flow_thread.stop()
        link.kiosk.rig.store.close()


def audit_rows(store: Store, action: str) -> list[tuple[str, str]]:
    return [(actor, detail) for actor, detail in
            store._db.execute("SELECT actor, detail FROM audit WHERE action = ? ORDER BY seq", (action,))]


def test_a_reception_the_kiosk_lost_is_shown_after_a_restart_until_staff_dismiss_it(data_dir, restarted):
    before = open_store(data_dir)
    StaffAccounts(before).create(STAFF, PASSWORD, Role.RECEPTION, actor="test")
    first = restarted(before)
    rig = first.kiosk.rig
    first.flow_thread.run(lambda: rig.send(ev.CardInserted(), ev.ChooseMethod(IdentityMethod.PIN)))
    assert rig.state is State.PIN
    session = rig.flow.session
    stop(first)  # the kiosk goes down mid-reception: nothing saved

    store = open_store(data_dir)
    link = restarted(store)
    lost = session.id
    assert wait(lambda: [i.session_id for i in link.follow_ups.interrupted] == [lost])
    [shown] = link.follow_ups.interrupted
    assert (shown.started_at, shown.reached) == (session.started_at, "pin")

    link.request("dismiss_interrupted", {"session_id": lost})
    assert wait(lambda: link.follow_ups.interrupted == ())
    assert store.interrupted_receptions() == []
    assert audit_rows(store, "interrupted_dismissed") == [(STAFF, f"session={lost}")]
    with pytest.raises(RequestFailed) as refused:  # already handled: nothing to dismiss twice
        link.request("dismiss_interrupted", {"session_id": lost})
    assert refused.value.code == "store_not_found"


def test_a_running_reception_is_not_interrupted_and_cannot_be_dismissed(data_dir, restarted):
    store = open_store(data_dir)
    StaffAccounts(store).create(STAFF, PASSWORD, Role.RECEPTION, actor="test")
    link = restarted(store)
    running = make_harness(store=store)
    running.send(ev.CardInserted())
    with pytest.raises(RequestFailed):
        link.request("dismiss_interrupted", {"session_id": running.flow.session.id})
    time.sleep(0.3)  # a few rounds of the server's follow-up poll
    assert link.follow_ups.interrupted == ()
    assert audit_rows(store, "interrupted_dismissed") == []


def _recheck_outcome(store: Store, session_id: str, found) -> int:
    """A fallback bill on the last visit's record (3割 → billed 2割), re-checked: what the worker records."""
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=date(2026, 11, 20), last_confirmed=DEMO_RECORD,
                             facts_unchanged=True)
    item_id = store.enqueue_recheck(recheck_item(session_id, billing, DEMO_FACTS.birth_date,
                                                 datetime(2026, 11, 20, 9, 30).astimezone()))
    store.recheck_done(item_id, found, compare_recheck(billing, found))
    return item_id


def test_recheck_outcomes_reach_the_console_and_leave_it_once_acknowledged(data_dir, restarted):
    before = open_store(data_dir)
    StaffAccounts(before).create(STAFF, PASSWORD, Role.RECEPTION, actor="test")
    burden = replace(DEMO_RECORD, burden_percent=20)  # billed 3割 on the last visit's record
    first = _recheck_outcome(before, "fallback-1", QualificationResult(Validity.VALID, (burden,)))
    before.close()

    store = open_store(data_dir)
    link = restarted(store)
    assert wait(lambda: [r.id for r in link.follow_ups.rechecks] == [first])
    [notice] = link.follow_ups.rechecks
    assert (notice.session_id, notice.name, notice.birth_date) == ("fallback-1", DEMO_RECORD.name, DEMO_FACTS.birth_date)
    assert [(d.code, d.trouble, d.found) for d in notice.differences] == [
        ("burden_changed", "T7", str(burden.burden_percent))]

    # The worker finishes another one while staff are signed in: it appears without asking.
    second = _recheck_outcome(store, "fallback-2", QualificationResult(Validity.INVALID, (DEMO_RECORD,)))
    assert wait(lambda: [r.id for r in link.follow_ups.rechecks] == [first, second])
    assert link.follow_ups.rechecks[1].differences[0].code == "qualification_lost"

    link.request("acknowledge_recheck", {"id": first})
    assert wait(lambda: [r.id for r in link.follow_ups.rechecks] == [second])
    assert [o.item.id for o in store.recheck_outcomes(date.min)] == [second]
    assert audit_rows(store, "recheck_acknowledged") == [(STAFF, f"id={first}")]
    with pytest.raises(RequestFailed):
        link.request("acknowledge_recheck", {"id": first})
    with pytest.raises(RequestFailed) as bad:
        link.request("acknowledge_recheck", {"id": "1"})
    assert bad.value.code == "bad_request"


def test_follow_ups_are_sent_only_after_sign_in(data_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(staff_server, "FOLLOW_UP_POLL", 0.1)
    store = open_store(data_dir)
    store.reception_started("lost", datetime(2026, 11, 20, 9).astimezone())
    store.close()
    store = open_store(data_dir)
    flow_thread = FlowThread()
    kiosk = start_kiosk(make_harness(store=store), flow_thread.post, StaffAccounts(store), tmp_path / "staff")
    seen = []
    link = KioskLink(kiosk.pairing, DEFAULT_PORT, on_follow_ups=lambda l, f: seen.append(f)).start()
    try:
        assert link.wait_online(5)
        with pytest.raises(RequestFailed) as refused:
            link.request("dismiss_interrupted", {"session_id": "lost"})
        assert refused.value.code == "not_signed_in"
        time.sleep(0.3)
        assert seen == []
        assert [r.session_id for r in store.interrupted_receptions()] == ["lost"]
    finally:
        link.stop()
        kiosk.server.stop()
        flow_thread.stop()
        store.close()


def test_progress_notes_never_touch_a_saved_reception(data_dir):
    from kiosk.core.ports import ReceptionRecord
    from kiosk.staff.progress import ProgressRecorder

    store = open_store(data_dir)
    rig = make_harness(store=store)
    recorder = ProgressRecorder(store)
    rig.flow.add_listener(recorder.note)
    rig.send(ev.CardInserted(), ev.ChooseMethod(IdentityMethod.PIN))
    session = rig.flow.session
    recorder.stop()  # writes what is queued
    [row] = store._db.execute("SELECT state, sealed FROM receptions").fetchall()
    assert row[0] == "in_progress" and row[1] is not None
    store.save_reception(ReceptionRecord(session.id, session.started_at, session.started_at, "completed",
                                         facts=DEMO_FACTS))
    late = ProgressRecorder(store)
    late.note(rig.flow.view())  # a note that arrives after the save
    late.stop()
    [saved] = store.receptions_since(session.started_at.date())
    assert (saved.state, saved.outcome, saved.facts, saved.reached) == ("saved", "completed", DEMO_FACTS, None)
    store.close()
