"""Two kiosk stores and a real PostgreSQL hub: delivery once, lookups through the hub, what the hub holds."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import date, datetime
from pathlib import Path

import psycopg
import pytest

from kiosk.hub.attach import HubbedStore
from kiosk.hub.audit import verify_chain
from kiosk.hub.lookup import HubLookup
from kiosk.hub.replicator import Replicator
from kiosk.store.hub_outbox import HubFeed
from tests.hub.conftest import BIRTH, JST, WAIT, hub_rows, reception, wait_for
from tests.store.conftest import PATIENT_KANA, PATIENT_NAME, make_certificate, make_facts, make_record


def replicator(store, dsn: str, **kwargs) -> Replicator:
    kwargs.setdefault("statement_timeout", 30.0)  # a busy machine; the deadline tests set their own
    return Replicator(HubFeed(store), dsn, **kwargs)


def lookup(store, dsn: str, deadline: float = 30.0) -> HubLookup:
    return HubLookup(HubFeed(store), dsn, deadline=deadline, retry_after=0.0)


def hub_receptions(dsn: str) -> list[tuple]:
    return hub_rows(dsn, "SELECT kiosk_id, session_id FROM receptions ORDER BY kiosk_id, session_id")


def test_a_reception_at_kiosk_a_is_on_the_hub_once_and_kiosk_b_finds_it(open_kiosk, hub_dsn):
    a, b = open_kiosk("a"), open_kiosk("b")
    a.save_reception(reception("s-a1"))
    sender = replicator(a, hub_dsn)
    assert sender.deliver_once() == 1
    assert sender.deliver_once() == 0, "nothing is left to send"
    assert hub_receptions(hub_dsn) == [(sender.kiosk_id, "s-a1")]
    assert HubFeed(a).pending_count() == 0

    assert b.last_confirmed(make_certificate(), make_facts()) is None, "kiosk B has never seen the patient"
    found = lookup(b, hub_dsn).last_visit(make_certificate(), make_facts())
    assert found.source == "hub"
    assert found.record == make_record()

    hubbed = HubbedStore(b, replicator(b, hub_dsn), lookup(b, hub_dsn))
    assert hubbed.last_confirmed(make_certificate(), make_facts()) == make_record(), (
        "the flow's port answers through the hub")
    assert hubbed.last_confirmed(make_certificate("JPKI-AUTH-OTHER"), make_facts()) is None


def test_the_rows_on_the_hub_are_the_stores_own(open_kiosk, hub_dsn):
    a = open_kiosk("a")
    a.save_reception(reception("s-a1"))
    a.save_reception(reception("s-a2"))
    sender = replicator(a, hub_dsn)
    sender.deliver_once()
    local = a._db.execute("SELECT session_id, patient_key, sealed FROM receptions").fetchall()
    on_hub = hub_rows(hub_dsn, "SELECT session_id, patient_key, sealed FROM receptions")
    assert [(s, k, bytes(blob)) for s, k, blob in on_hub] == local
    local_audit = a._db.execute("SELECT seq, prev, mac FROM audit ORDER BY seq").fetchall()
    hub_audit = hub_rows(hub_dsn, "SELECT seq, prev, mac FROM audit WHERE kiosk_id = %s ORDER BY seq",
                         (sender.kiosk_id,))
    assert hub_audit == local_audit
    with psycopg.connect(hub_dsn, autocommit=True) as conn:
        assert verify_chain(conn, sender.kiosk_id, a._cipher) == []
        last = hub_audit[-1][0]
        assert last >= 3
        conn.execute("UPDATE audit SET detail = 'session=forged' WHERE kiosk_id = %s AND seq = 1", (sender.kiosk_id,))
        assert verify_chain(conn, sender.kiosk_id, a._cipher) == ["audit row 1 was modified"]
        conn.execute("DELETE FROM audit WHERE kiosk_id = %s AND seq = %s", (sender.kiosk_id, last - 1))
        assert f"audit rows {last - 1}..{last - 1} are missing on the hub" in verify_chain(conn, sender.kiosk_id)


def test_the_hub_holds_no_plaintext(open_kiosk, hub_dsn):
    a = open_kiosk("a")
    a.save_reception(reception("s-a1"))
    replicator(a, hub_dsn).deliver_once()
    secrets = [PATIENT_NAME, PATIENT_KANA, "霞が関", BIRTH.isoformat(), BIRTH.strftime("%Y%m%d"), "けんぽ東京"]
    tables = [t for (t,) in hub_rows(hub_dsn, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
    assert {"receptions", "patients", "audit", "kiosks"} <= set(tables)
    scanned = 0
    for table in tables:
        for row in hub_rows(hub_dsn, f'SELECT * FROM "{table}"'):
            for value in row:
                raw = bytes(value) if isinstance(value, (bytes, memoryview)) else str(value).encode()
                for secret in secrets:
                    assert secret.encode() not in raw, f"{secret} in {table}"
                    assert secret.encode().hex() not in raw.decode("latin-1"), f"{secret} (hex) in {table}"
                scanned += 1
    assert scanned > 20


def test_the_newest_confirmation_wins_whichever_kiosk_delivers_first(open_kiosk, hub_dsn, clock):
    a, b, c = open_kiosk("a"), open_kiosk("b"), open_kiosk("c")
    a.save_reception(reception("s-a1", started=datetime(2025, 7, 10, 9, 0, tzinfo=JST)))
    newer = make_record(burden_percent=30)
    b.save_reception(reception("s-b1", started=datetime(2025, 7, 10, 11, 0, tzinfo=JST), confirmed=newer))
    replicator(b, hub_dsn).deliver_once()
    replicator(a, hub_dsn).deliver_once()  # the older visit arrives last
    assert lookup(c, hub_dsn).last_visit(make_certificate(), make_facts()).record == newer
    # Kiosk A's own older visit is in its store; the hub's newer one is used, and said to come from the hub.
    found = lookup(a, hub_dsn).last_visit(make_certificate(), make_facts())
    assert (found.source, found.record) == ("hub", newer)
    assert len(hub_receptions(hub_dsn)) == 2


def test_two_kiosks_confirming_the_same_patient_at_the_same_moment_end_in_one_row(open_kiosk, hub_dsn):
    a, b = open_kiosk("a"), open_kiosk("b")
    a.save_reception(reception("s-a1", confirmed=make_record(burden_percent=10)))
    b.save_reception(reception("s-b1", confirmed=make_record(burden_percent=30)))  # the very same time stamp
    senders = [replicator(a, hub_dsn), replicator(b, hub_dsn)]
    replicator(a, hub_dsn).deliver_once()  # the schema first: the race is about the rows
    a.save_reception(reception("s-a1", confirmed=make_record(burden_percent=10)))  # queued again
    start = threading.Barrier(2)

    def deliver(sender: Replicator) -> None:
        start.wait()
        sender.deliver_once()

    threads = [threading.Thread(target=deliver, args=(s,)) for s in senders]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT)
    winner = max(s.kiosk_id for s in senders)  # a tie goes to the larger kiosk id, in whatever order
    assert hub_rows(hub_dsn, "SELECT kiosk_id FROM patients") == [(winner,)]
    expected = 10 if winner == senders[0].kiosk_id else 30
    found = lookup(open_kiosk("c"), hub_dsn).last_visit(make_certificate(), make_facts())
    assert found.record.burden_percent == expected
    assert len(hub_receptions(hub_dsn)) == 2


def test_a_hub_that_does_not_answer_in_time_leaves_the_answer_to_the_local_store(open_kiosk, hub_dsn):
    a = open_kiosk("a")
    a.save_reception(reception("s-a1"))
    replicator(a, hub_dsn).deliver_once()
    with psycopg.connect(hub_dsn) as blocker:  # holds the table: the lookup's query waits on it
        blocker.execute("LOCK TABLE patients IN ACCESS EXCLUSIVE MODE")
        found = lookup(a, hub_dsn, deadline=0.5).last_visit(make_certificate(), make_facts())
        blocker.rollback()
    assert (found.source, found.record) == ("local", make_record())


def test_no_hub_server_at_all_the_local_store_answers(open_kiosk, tmp_path):
    a = open_kiosk("a")
    a.save_reception(reception("s-a1"))
    nowhere = f"host={tmp_path} dbname=none user=none"  # no server listens there
    found = lookup(a, nowhere, deadline=5.0).last_visit(make_certificate(), make_facts())
    assert (found.source, found.record) == ("local", make_record())
    sender = replicator(a, nowhere, connect_timeout=2)
    with pytest.raises(Exception) as raised:
        sender.deliver_once()
    assert getattr(raised.value, "code", None) == "hub_unreachable"
    assert HubFeed(a).pending_count() == 1


def test_the_hub_down_receptions_go_on_and_arrive_once_when_it_returns(open_kiosk, hub_dsn, pg_cluster, clock):
    a = open_kiosk("a")
    feed = HubFeed(a)
    sender = replicator(a, hub_dsn, interval=0.1, max_backoff=0.5, connect_timeout=2).start()
    try:
        a.save_reception(reception("s-1"))
        sender.wake()
        wait_for(lambda: feed.pending_count() == 0, "the first delivery")
        pg_cluster.stop()
        for n in range(2, 5):
            clock.advance(minutes=5)
            a.save_reception(reception(f"s-{n}", started=clock.now))
            sender.wake()
        wait_for(lambda: sender.last_error == "hub_unreachable", "the replicator to notice the hub is down")
        assert feed.pending_count() == 3, "the receptions are kept locally, queued"
        assert [r.session_id for r in a.receptions_on(date(2025, 7, 10))] == ["s-1", "s-2", "s-3", "s-4"]
        found = lookup(a, hub_dsn, deadline=5.0).last_visit(make_certificate(), make_facts())
        assert (found.source, found.record) == ("local", make_record())
        pg_cluster.start()
        wait_for(lambda: feed.pending_count() == 0, "delivery after the hub came back")
    finally:
        sender.stop()
    assert [s for _, s in hub_receptions(hub_dsn)] == ["s-1", "s-2", "s-3", "s-4"]
    assert sender.last_error is None


def test_stop_ends_a_delivery_blocked_on_the_hub(open_kiosk, hub_dsn):
    a = open_kiosk("a")
    a.save_reception(reception("s-1"))
    feed = HubFeed(a)
    sender = replicator(a, hub_dsn, statement_timeout=600.0, interval=0.1)
    sender.deliver_once()  # the schema exists; now hold the table so the next delivery blocks
    a.save_reception(reception("s-2"))
    with psycopg.connect(hub_dsn) as blocker:
        blocker.execute("LOCK TABLE receptions IN ACCESS EXCLUSIVE MODE")
        sender.start()
        wait_for(lambda: hub_rows(hub_dsn, "SELECT count(*) FROM pg_locks WHERE NOT granted")[0][0] > 0,
                 "the delivery to wait on the lock")
        sender.stop(timeout=30)
        assert not sender._thread.is_alive(), "stop() ended the thread"
        blocker.rollback()
    assert feed.pending_count() == 1, "what was not committed on the hub stays queued"
    assert [s for _, s in hub_receptions(hub_dsn)] == ["s-1"]


def test_killed_between_the_hub_commit_and_the_local_mark_the_retry_adds_nothing(
    open_kiosk, hub_dsn, tmp_path, clinic_key_dir
):
    a = open_kiosk("a")
    for n in (1, 2):
        a.save_reception(reception(f"s-{n}"))
    kiosk_id = HubFeed(a).kiosk_id
    audit_rows = a._db.execute("SELECT count(*) FROM audit").fetchone()[0]
    a.close()
    killed = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("sync_killer.py")), str(tmp_path / "a" / "kiosk.db"),
         str(clinic_key_dir), hub_dsn],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(Path.cwd())},
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert [s for _, s in hub_receptions(hub_dsn)] == ["s-1", "s-2"], "the hub committed before the kill"

    a = open_kiosk("a")
    feed = HubFeed(a)
    assert feed.pending_count() == 2, "the kill came before the local mark"
    assert replicator(a, hub_dsn).deliver_once() == 2, "so both go again"
    assert feed.pending_count() == 0
    assert hub_rows(hub_dsn, "SELECT count(*), count(DISTINCT session_id) FROM receptions") == [(2, 2)]
    on_hub = hub_rows(hub_dsn, "SELECT count(*) FROM audit WHERE kiosk_id = %s", (kiosk_id,))[0][0]
    assert on_hub >= audit_rows
    assert hub_rows(hub_dsn, "SELECT count(*) FROM audit_forks") == [(0,)]
    with psycopg.connect(hub_dsn, autocommit=True) as conn:
        assert verify_chain(conn, kiosk_id, a._cipher) == []


def test_a_kiosk_restored_from_a_backup_loses_nothing_on_the_hub(open_kiosk, hub_dsn, tmp_path, clock, clinic_key_dir):
    from kiosk.store.backup import restore
    from kiosk.store.keys import FileKeyProvider

    a = open_kiosk("a")
    a.save_reception(reception("s-1"))
    sender = replicator(a, hub_dsn)
    sender.deliver_once()
    backup = a.backup(tmp_path / "backups", keep=3)
    clock.advance(minutes=5)
    a.save_reception(reception("s-2", started=clock.now))  # on the hub, but not in the backup
    sender.deliver_once()
    kiosk_id = sender.kiosk_id
    before = hub_rows(hub_dsn, "SELECT seq, mac FROM audit WHERE kiosk_id = %s ORDER BY seq", (kiosk_id,))
    a.close()
    restore(tmp_path / "a" / "kiosk.db", FileKeyProvider(clinic_key_dir), tmp_path / "backups", "it:root",
            source=backup)

    a = open_kiosk("a")
    assert HubFeed(a).kiosk_id == kiosk_id, "the same kiosk, gone back in time"
    clock.advance(minutes=5)
    a.save_reception(reception("s-3", started=clock.now))
    replicator(a, hub_dsn).deliver_once()
    assert [s for _, s in hub_receptions(hub_dsn)] == ["s-1", "s-2", "s-3"], "s-2 lives on in the hub"
    after = hub_rows(hub_dsn, "SELECT seq, mac FROM audit WHERE kiosk_id = %s ORDER BY seq", (kiosk_id,))
    assert after[: len(before)] == before, "the chain the hub had is never overwritten"
    forks = hub_rows(hub_dsn, "SELECT count(*) FROM audit_forks WHERE kiosk_id = %s", (kiosk_id,))[0][0]
    assert forks > 0, "the restored kiosk numbered its new rows again: kept apart"
    with psycopg.connect(hub_dsn, autocommit=True) as conn:
        assert any("arrived again" in p for p in verify_chain(conn, kiosk_id, a._cipher))


def test_replication_runs_beside_the_kiosks_writes(open_kiosk, hub_dsn, clock):
    a = open_kiosk("a")
    sender = replicator(a, hub_dsn, interval=0.05).start()
    try:
        def write() -> None:
            for n in range(30):
                a.save_reception(reception(f"s-{n:02}", started=datetime(2025, 7, 10, 9, n, tzinfo=JST)))
                sender.wake()

        writer = threading.Thread(target=write)
        writer.start()
        writer.join()
        assert sender.flush(WAIT)
    finally:
        sender.stop()
    assert [s for _, s in hub_receptions(hub_dsn)] == [f"s-{n:02}" for n in range(30)]
    assert hub_rows(hub_dsn, "SELECT max(outbox_seq) FROM receptions") == [(30,)]
