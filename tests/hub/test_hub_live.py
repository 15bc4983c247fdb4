"""Each kiosk's live state on the hub (kiosk/hub/live.py), against the real throwaway cluster: the row and its
NOTIFY, the newest state when changes come faster than the writes, a hub that is down or restarts, and no
patient's data in ``kiosk_live``. Every wait is on a condition, never on time."""
from __future__ import annotations

import threading
from datetime import datetime

import psycopg

from kiosk.core.states import State, Step
from kiosk.core.view import View
from kiosk.hub.live import CHANNEL, ListenStatus, LiveKiosk, LiveListener, LivePublisher, clinic_receptions
from kiosk.hub.replicator import Replicator
from kiosk.store.hub_outbox import HubFeed
from tests.hub.conftest import BIRTH, JST, WAIT, hub_rows, reception, wait_for
from tests.store.conftest import PATIENT_KANA, PATIENT_NAME, make_certificate, make_facts, make_record


def patient_view(state: State = State.PIN, **changes) -> View:
    """A view with everything personal a view can carry filled in: none of it may reach the hub."""
    values: dict = dict(
        state=state, step=Step.IDENTITY, session_id="s-live-1", card_present=True, patient_name=PATIENT_NAME,
        name_kana=PATIENT_KANA, card_facts=make_facts(), records=(make_record(),), pin_tries_left=2, face_failures=1,
        staff_flags=("gaiji:name",), certificate_expiry=datetime(2029, 3, 31, tzinfo=JST), taken_by="suzuki",
    )
    values.update(changes)
    return View(**values)


def publisher(dsn: str, **kwargs) -> LivePublisher:
    kwargs.setdefault("statement_timeout", 30.0)  # a busy machine; deadlines are not what these test
    return LivePublisher(dsn, kwargs.pop("kiosk_id", "kiosk-a"), name=lambda: "受付1", fingerprint="AB" * 32,
                         address="192.0.2.10:47810", **kwargs)


def live_row(dsn: str, kiosk_id: str = "kiosk-a") -> dict | None:
    if not hub_rows(dsn, "SELECT to_regclass('kiosk_live') IS NOT NULL")[0][0]:
        return None  # no write has migrated the hub yet
    rows = hub_rows(dsn, "SELECT summary FROM kiosk_live WHERE kiosk_id = %s", (kiosk_id,))
    return rows[0][0] if rows else None


def test_a_kiosks_state_reaches_a_listener_by_notify(hub_dsn):
    live = publisher(hub_dsn).start()
    try:
        live.on_view(patient_view(State.IDLE, session_id="", patient_name="", card_facts=None, records=()))
        wait_for(lambda: live_row(hub_dsn) is not None, "the first write (it migrates the hub)")
        with psycopg.connect(hub_dsn, autocommit=True) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            live.on_view(patient_view(State.PIN_LOW, pin_tries_left=1))
            heard = [n.payload for n in conn.notifies(timeout=WAIT, stop_after=1)]
        assert heard == ["kiosk-a"]
        summary = live_row(hub_dsn)
        assert summary is not None and summary["state"] == "pin_low" and summary["pin_tries_left"] == 1
        assert "pin_low" in {a["code"] for a in summary["alerts"]} | {summary["state"]}
        name, fingerprint, address = hub_rows(
            hub_dsn, "SELECT kiosk_name, fingerprint, address FROM kiosk_live WHERE kiosk_id = 'kiosk-a'")[0]
        assert (name, fingerprint, address) == ("受付1", "AB" * 32, "192.0.2.10:47810")
    finally:
        live.stop()


def test_no_personal_data_in_kiosk_live(hub_dsn):
    live = publisher(hub_dsn).start()
    try:
        for state in (State.PIN, State.WAITING_STAFF, State.QUAL_SEVERAL, State.DONE):
            live.on_view(patient_view(state, called_from=State.PIN if state is State.WAITING_STAFF else None,
                                      staff_reason="patient_call" if state is State.WAITING_STAFF else ""))
            wait_for(lambda s=state: (live_row(hub_dsn) or {}).get("state") == s.value, f"the state {state.value}")
    finally:
        live.stop()
    rows = hub_rows(hub_dsn, "SELECT kiosk_id, kiosk_name, fingerprint, address, summary::text FROM kiosk_live")
    assert rows, "the kiosk's row"
    text = " ".join(str(v) for row in rows for v in row)
    person = make_facts()
    forbidden = [PATIENT_NAME, PATIENT_KANA, "渡邊", "ワタナベ", person.address, "霞が関", BIRTH.isoformat(),
                 BIRTH.strftime("%Y%m%d"), "1950", make_record().insurer_name, make_record().insurer_number,
                 make_record().card_number, "s-live-1"]
    assert [f for f in forbidden if f in text] == []
    assert "suzuki" in text, "who said 対応中 is staff, and the tile shows it"


def test_changes_faster_than_the_writes_end_in_the_newest_state(hub_dsn):
    # One write, then an interval no test outlasts: whatever comes meanwhile waits, and only the last of it
    # goes, with the goodbye that stop() writes.
    live = publisher(hub_dsn, min_interval=3600.0).start()
    live.on_view(patient_view(State.IDLE, session_id="", patient_name="", card_facts=None))
    wait_for(lambda: live.published == 1, "the first write")
    for state in (State.READING, State.CHOOSE_METHOD, State.PIN, State.PIN_LOW):
        live.on_view(patient_view(state))
    assert (live_row(hub_dsn) or {}).get("state") == "idle", "within the interval nothing more is written"
    live.stop()
    summary = live_row(hub_dsn)
    assert summary is not None and (summary["state"], summary["closed"]) == ("pin_low", True)
    assert live.published == 2, "the three states between were never written"


def test_the_view_is_taken_at_once_while_the_hub_is_down(hub_dsn, pg_cluster):
    live = publisher(hub_dsn, connect_timeout=2, max_backoff=0.5).start()
    try:
        live.on_view(patient_view(State.IDLE, session_id="", patient_name="", card_facts=None))
        wait_for(lambda: live.published == 1, "the first write")
        pg_cluster.stop()
        views_taken = threading.Event()

        def flow_thread() -> None:  # the flow's thread goes on as fast as the patient does
            for state in (State.READING, State.CHOOSE_METHOD, State.FACE, State.FACE_FAILED):
                live.on_view(patient_view(state))
            views_taken.set()

        threading.Thread(target=flow_thread).start()
        assert views_taken.wait(WAIT)
        wait_for(lambda: live.last_error == "hub_unreachable", "the publisher to notice the hub is down")
        pg_cluster.start()
        wait_for(lambda: (live_row(hub_dsn) or {}).get("state") == "face_failed", "the newest state after the hub")
        assert live.last_error is None
    finally:
        live.stop()


def test_a_listener_recovers_when_the_hub_restarts_mid_listen(hub_dsn, pg_cluster):
    live = publisher(hub_dsn, connect_timeout=2, max_backoff=0.5).start()
    seen: dict[str, LiveKiosk] = {}
    statuses: list[tuple[str, str]] = []
    lock = threading.Lock()

    def on_kiosks(kiosks: list[LiveKiosk], complete: bool) -> None:
        with lock:
            for k in kiosks:
                seen[k.kiosk_id] = k

    def on_status(status: str, code: str) -> None:
        with lock:
            statuses.append((status, code))

    def state() -> str:
        with lock:
            return seen["kiosk-a"].state.state if "kiosk-a" in seen else ""

    listener = LiveListener(hub_dsn, on_kiosks, on_status, wait=0.2, max_backoff=0.5, connect_timeout=2)
    try:
        live.on_view(patient_view(State.IDLE, session_id="", patient_name="", card_facts=None))
        wait_for(lambda: live.published == 1, "the first write")
        listener.start()
        wait_for(lambda: state() == "idle", "the listener's first read")
        live.on_view(patient_view(State.PIN))
        wait_for(lambda: state() == "pin", "a change heard by NOTIFY")
        pg_cluster.stop()
        wait_for(lambda: (ListenStatus.OFFLINE, "hub_unreachable") in statuses, "the listener to see the hub go")
        pg_cluster.start()
        live.on_view(patient_view(State.CHECKING))
        wait_for(lambda: state() == "checking", "a change after the hub came back")
        assert listener.connects >= 2
        wait_for(lambda: statuses[-1] == (ListenStatus.ONLINE, ""), "online again (said after the first read)")
    finally:
        listener.stop()
        live.stop()
    with lock:
        assert seen["kiosk-a"].name == "受付1" and seen["kiosk-a"].fingerprint == "AB" * 32


def test_the_listener_waits_for_a_hub_no_kiosk_has_shown_its_state_to(hub_dsn):
    statuses: list[tuple[str, str]] = []
    listener = LiveListener(hub_dsn, lambda kiosks, complete: None, lambda s, c: statuses.append((s, c)),
                            wait=0.2, max_backoff=0.5).start()
    try:
        wait_for(lambda: (ListenStatus.OFFLINE, "hub_too_old") in statuses, "the hub named too old")
        live = publisher(hub_dsn).start()
        live.on_view(patient_view(State.IDLE, session_id="", patient_name="", card_facts=None))
        wait_for(lambda: statuses[-1] == (ListenStatus.ONLINE, ""), "the listener once a kiosk migrated the hub")
        live.stop()
    finally:
        listener.stop()


def test_the_clinics_receptions_are_read_without_the_key(open_kiosk, hub_dsn, clock):
    a, b = open_kiosk("a"), open_kiosk("b")
    a.save_reception(reception("s-a1"))
    clock.advance(minutes=3)
    b.save_reception(reception("s-b1", started=clock.now, serial="JPKI-AUTH-0002"))
    for store in (a, b):
        Replicator(HubFeed(store), hub_dsn, statement_timeout=30.0).deliver_once()
    rows = clinic_receptions(hub_dsn, "2025-07-10", "2025-07-10")
    assert [(r.kiosk_id, r.session_id, r.outcome, r.method) for r in rows] == [
        (HubFeed(a).kiosk_id, "s-a1", "done", "face"), (HubFeed(b).kiosk_id, "s-b1", "done", "face")]
    assert clinic_receptions(hub_dsn, "2025-07-11", "2025-07-17") == []
    assert make_certificate().subject_serial not in repr(rows)
