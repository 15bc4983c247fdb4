"""Delivers a kiosk's outbox and audit chain to the clinic hub: in order, at least once, idempotently.

One thread per kiosk store. A round takes the unsent outbox rows oldest first, in batches; each batch is
one hub transaction (the kiosk's row, the receptions, the patients' last confirmations, the audit rows
after the watermark) and only once the hub has committed it are the rows marked sent in the local store.
A kill between the two sends the batch again, and every statement is an upsert keyed by what the row is
((kiosk_id, session_id), the patient key, (kiosk_id, seq)), so the second delivery changes nothing. A hub
that is down costs nothing but time: the outbox grows, the next rounds back off up to ``max_backoff``
seconds, and the first round that reaches the hub again delivers everything from where the marks stopped.

Deadlines: the connect has ``connect_timeout``, every statement ``statement_timeout``. :meth:`stop` is the
cancellation path: it sets the stop flag, cancels a statement in flight on the hub and joins the thread.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence

import psycopg

from kiosk.core.errors import KioskError
from kiosk.hub import schema
from kiosk.hub.connection import connect, hub_error
from kiosk.hub.errors import HubError
from kiosk.store.hub_outbox import HubFeed, OutboxItem

log = logging.getLogger(__name__)

_RECEPTION = (
    "INSERT INTO receptions (kiosk_id, session_id, outbox_seq, state, started_at, started_on, ended_at, "
    "outcome, method, patient_key, troubles, staff_flags, sealed) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
    "ON CONFLICT (kiosk_id, session_id) DO UPDATE SET outbox_seq = excluded.outbox_seq, state = excluded.state, "
    "started_at = excluded.started_at, started_on = excluded.started_on, ended_at = excluded.ended_at, "
    "outcome = excluded.outcome, method = excluded.method, patient_key = excluded.patient_key, "
    "troubles = excluded.troubles, staff_flags = excluded.staff_flags, sealed = excluded.sealed "
    # the same delivery again (a retry after a kill) leaves the row as it is
    "WHERE (receptions.state, receptions.ended_at, receptions.sealed) "
    "IS DISTINCT FROM (excluded.state, excluded.ended_at, excluded.sealed)"
)
_PATIENT = (
    "INSERT INTO patients (patient_key, confirmed_at, confirmed_stamp, confirmed_on, kiosk_id, session_id, sealed) "
    "VALUES (%s, %s::timestamptz, %s, %s, %s, %s, %s) "
    "ON CONFLICT (patient_key) DO UPDATE SET confirmed_at = excluded.confirmed_at, "
    "confirmed_stamp = excluded.confirmed_stamp, confirmed_on = excluded.confirmed_on, kiosk_id = excluded.kiosk_id, "
    "session_id = excluded.session_id, sealed = excluded.sealed, received_at = now() "
    # the newest confirmation wins, from whichever kiosk, in whatever order the kiosks deliver
    "WHERE (patients.confirmed_at, patients.kiosk_id, patients.session_id) "
    "< (excluded.confirmed_at, excluded.kiosk_id, excluded.session_id)"
)
_AUDIT = (
    "INSERT INTO audit (kiosk_id, seq, at, actor, action, detail, prev, mac) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (kiosk_id, seq) DO NOTHING"
)
_FORK = (
    "INSERT INTO audit_forks (kiosk_id, seq, at, actor, action, detail, prev, mac) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING"
)
NOTIFY_CHANNEL = "kiosk_hub"  # told the kiosk id after each delivery (for the consoles, docs/hub.md)


class Replicator:
    def __init__(
        self,
        feed: HubFeed,
        dsn: str,
        *,
        interval: float = 2.0,
        max_backoff: float = 60.0,
        batch: int = 200,
        connect_timeout: float = 3.0,
        statement_timeout: float = 5.0,
    ) -> None:
        self._feed = feed
        self._dsn = dsn
        self._interval = interval
        self._max_backoff = max_backoff
        self._batch = batch
        self._connect_timeout = connect_timeout
        self._statement_timeout = statement_timeout
        self.kiosk_id = feed.kiosk_id
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._round_done = threading.Condition()
        self._rounds = 0  # rounds finished, for flush()
        self._conn: psycopg.Connection | None = None
        self._conn_lock = threading.Lock()  # guards the reference; the connection is used on one thread
        self._thread: threading.Thread | None = None
        self.last_error: str | None = None  # the code of the last failed round, None after a good one

    # --- the thread --------------------------------------------------------------------------------

    def start(self) -> Replicator:
        if self._thread is not None:
            raise RuntimeError("the hub replicator was already started")
        self._thread = threading.Thread(target=self._loop, name="kiosk-hub-replicator", daemon=True)
        self._thread.start()
        return self

    def wake(self) -> None:
        """A reception was saved: deliver now rather than at the next round. Returns at once."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        """No more rounds; a statement in flight is cancelled on the hub. What is unsent stays queued."""
        self._stopping.set()
        self._wake.set()
        with self._conn_lock:
            conn = self._conn
        if conn is not None:
            try:
                conn.cancel_safe(timeout=min(timeout, 2.0))
            except psycopg.Error as exc:  # the hub is gone anyway: the statement ends by its deadline
                log.info("hub replicator: cancel not delivered: %s", type(exc).__name__)
        if self._thread is not None:
            self._thread.join(timeout)
        self._close_connection()

    def flush(self, timeout: float) -> bool:
        """Deliver what is queued now, waiting up to ``timeout`` seconds; True when nothing is left unsent
        (the kiosk's closing flush: its last receptions reach the hub before it goes). A round that fails
        meanwhile ends the wait: the hub is down, and the rows go when the kiosk next runs."""
        deadline = time.monotonic() + timeout
        with self._round_done:
            start = self._rounds
        while True:
            if self._feed.pending_count() == 0:
                return True
            if self._thread is None or not self._thread.is_alive():
                return False
            with self._round_done:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or (self._rounds > start and self.last_error is not None):
                    return False
                self._wake.set()
                self._round_done.wait(min(remaining, 0.5))

    def _loop(self) -> None:
        delay = self._interval
        while not self._stopping.is_set():
            try:
                self.deliver_once()
                self.last_error = None
                delay = self._interval
            except KioskError as exc:  # the hub's errors, and the local store's (damaged, disk full)
                if self._stopping.is_set():
                    break
                if exc.code != self.last_error:
                    log.warning("hub replicator: %s: %s", exc.code, exc)
                self.last_error = exc.code
                self._close_connection()
                delay = min(max(delay * 2, self._interval), self._max_backoff)
            with self._round_done:
                self._rounds += 1
                self._round_done.notify_all()
            if self._wake.wait(delay):
                self._wake.clear()
        self._close_connection()

    # --- one round ---------------------------------------------------------------------------------

    def deliver_once(self) -> int:
        """Everything unsent now, batch by batch; returns how many outbox rows went. Raises the hub's
        named errors (:class:`HubError`) and the local store's."""
        delivered = 0
        while not self._stopping.is_set():
            items = self._feed.pending(self._batch)
            audit_rows = self._feed.audit_after(self._feed.audit_watermark(), self._batch * 4)
            if not items and not audit_rows:
                return delivered
            conn = self._connection()
            try:
                with conn.transaction():
                    self._send(conn, items, audit_rows)
            except psycopg.Error as exc:
                raise hub_error(exc) from exc
            # The hub has committed: only now are the rows marked. A kill here sends them again.
            self._feed.mark_sent(
                items[-1].seq if items else None,
                audit_rows[-1]["seq"] if audit_rows else None,
                self._feed.clock(),
            )
            delivered += len(items)
        return delivered

    def _send(self, conn: psycopg.Connection, items: Sequence[OutboxItem], audit_rows: Sequence[dict]) -> None:
        kiosk = self.kiosk_id
        conn.execute("INSERT INTO kiosks (kiosk_id) VALUES (%s) ON CONFLICT (kiosk_id) DO NOTHING", (kiosk,))
        with conn.cursor() as cur:
            receptions = [
                (kiosk, i.session_id, i.seq, r["state"], r["started_at"], r["started_on"], r["ended_at"],
                 r["outcome"], r["method"], r["patient_key"], r["troubles"], r["staff_flags"], r["sealed"])
                for i in items if (r := i.reception) is not None  # a reception purged since has nothing to send
            ]
            if receptions:
                cur.executemany(_RECEPTION, receptions)
            patients = [
                (p["patient_key"], p["confirmed_at"], p["confirmed_at"], p["confirmed_on"], kiosk, i.session_id,
                 p["sealed"])
                for i in items if (p := i.patient) is not None
            ]
            if patients:
                cur.executemany(_PATIENT, patients)
            if audit_rows:
                rows = [(kiosk, a["seq"], a["at"], a["actor"], a["action"], a["detail"], a["prev"], a["mac"])
                        for a in audit_rows]
                cur.executemany(_AUDIT, rows)
                self._keep_forks(cur, rows)
        last_seq = items[-1].seq if items else 0
        last_audit = audit_rows[-1]["seq"] if audit_rows else 0
        conn.execute(
            "UPDATE kiosks SET last_seen = now(), last_outbox_seq = GREATEST(last_outbox_seq, %s), "
            "last_audit_seq = GREATEST(last_audit_seq, %s) WHERE kiosk_id = %s",
            (last_seq, last_audit, kiosk),
        )
        conn.execute("SELECT pg_notify(%s, %s)", (NOTIFY_CHANNEL, kiosk))

    def _keep_forks(self, cur: psycopg.Cursor, rows: list[tuple]) -> None:
        """Rows whose seq the hub already held with another MAC: kept apart, never overwriting the first."""
        held: dict[int, str] = dict(cur.execute(
            "SELECT seq, mac FROM audit WHERE kiosk_id = %s AND seq = ANY(%s)",
            (self.kiosk_id, [r[1] for r in rows]),
        ).fetchall())
        forks = [r for r in rows if held.get(r[1]) != r[7]]
        if forks:
            log.warning("hub replicator: audit_fork: %d audit rows differ from the hub's (a restored backup?)",
                        len(forks))
            cur.executemany(_FORK, forks)

    # --- the connection ----------------------------------------------------------------------------

    def _connection(self) -> psycopg.Connection:
        with self._conn_lock:
            if self._conn is not None and not self._conn.closed:
                return self._conn
        conn = connect(self._dsn, connect_timeout=self._connect_timeout,
                       statement_timeout=self._statement_timeout, name=f"kiosk-{self.kiosk_id[:8]}")
        try:
            schema.migrate(conn)
        except psycopg.Error as exc:
            conn.close()
            raise hub_error(exc) from exc
        except HubError:
            conn.close()
            raise
        with self._conn_lock:
            self._conn = conn
        return conn

    def _close_connection(self) -> None:
        with self._conn_lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
