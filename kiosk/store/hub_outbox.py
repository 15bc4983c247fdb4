"""The store's side of the clinic hub (kiosk/hub, docs/hub.md): the outbox and what the replicator reads.

Every saved reception adds one ``hub_outbox`` row in the reception's own transaction (:func:`enqueue`),
so a reception is never saved without its turn to reach the hub, nor queued without being saved. The
replicator (:class:`kiosk.hub.replicator.Replicator`) reads the rows oldest first through a
:class:`HubFeed`, sends each reception's row as the store holds it (codes, times, the keyed patient key and
the sealed blob: never an opened field) and marks the rows sent only once the hub has committed them. The
audit log goes the same way behind a watermark in ``meta``. Nothing here is audited: the marks are the
replicator's bookkeeping, and an audit row for each would itself have to be sent.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import sqlite_utils

from kiosk.core import codec
from kiosk.core.domain import CertificateInfo
from kiosk.core.qualification import QualificationRecord
from kiosk.store import migrations, stamps
from kiosk.store.errors import StoreError

if TYPE_CHECKING:
    from kiosk.store.cipher import FieldCipher
    from kiosk.store.store import Store

OUTBOX_SCHEMA = 3  # the migration that made the table
AUDIT_SENT = "hub_audit_sent"  # meta: the last audit seq the hub has committed
KEEP_SENT = timedelta(days=7)  # sent rows are kept this long (what went when), then pruned

RECEPTION_COLUMNS = (
    "session_id", "state", "started_at", "started_on", "ended_at", "outcome", "method", "patient_key",
    "troubles", "staff_flags", "sealed",
)
AUDIT_COLUMNS = ("seq", "at", "actor", "action", "detail", "prev", "mac")


def enqueue(db: sqlite_utils.Database, session_id: str, at: datetime) -> None:
    """Queue a saved reception for the hub; the caller holds the reception's write transaction. A store
    opened at a schema before the outbox (the migration tests only) has none."""
    if migrations.version(db) < OUTBOX_SCHEMA:
        return
    db.execute("INSERT INTO hub_outbox (session_id, queued_at) VALUES (?, ?)", (session_id, stamps.when(at)))


def forget_purged(db: sqlite_utils.Database) -> int:
    """Outbox rows whose reception retention has removed: there is nothing left to send."""
    if migrations.version(db) < OUTBOX_SCHEMA:
        return 0
    return int(db.execute(
        "DELETE FROM hub_outbox WHERE session_id NOT IN (SELECT session_id FROM receptions)"
    ).rowcount)


@dataclass(frozen=True)
class OutboxItem:
    """One queued reception: ``reception`` is its row as stored (None when purged since), ``patient`` the
    last-confirmed row it wrote, if it still is the patient's latest."""

    seq: int
    session_id: str
    reception: dict | None
    patient: dict | None


@dataclass(frozen=True)
class Backlog:
    """What is waiting for the hub in this store (``kiosk hub status``)."""

    unsent: int  # outbox rows not yet committed by the hub
    oldest_unsent_at: str | None  # when the oldest of them was queued
    newest_unsent_seq: int | None
    last_sent_at: str | None  # the last delivery the outbox remembers (sent rows are kept KEEP_SENT)
    audit_unsent: int  # audit rows after the watermark


@dataclass(frozen=True)
class LocalLast:
    confirmed_at: str
    sealed: bytes


class HubFeed:
    """What the hub replicator and the hub lookup read from and mark in one :class:`Store`. Every call takes
    the store's lock and is short, like the store's own."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def kiosk_id(self) -> str:
        with self._store._lock:
            row = self._store._db.execute("SELECT value FROM meta WHERE key = 'kiosk_id'").fetchone()
        if row is None:
            raise StoreError(f"{self._store.path} predates the hub outbox (a damaged store is not migrated): "
                             "restore it first")
        return str(row[0])

    def pending(self, limit: int) -> list[OutboxItem]:
        """Unsent outbox rows, oldest first, with what each is to carry."""
        columns = ", ".join(f"r.{c} AS r_{c}" for c in RECEPTION_COLUMNS)
        sql = (
            f"SELECT o.seq, o.session_id, r.rowid AS r_rowid, {columns}, p.patient_key AS p_key, "
            "p.confirmed_at AS p_at, p.confirmed_on AS p_on, p.sealed AS p_sealed "
            "FROM hub_outbox o LEFT JOIN receptions r ON r.session_id = o.session_id "
            "LEFT JOIN patients p ON p.patient_key = r.patient_key AND p.session_id = o.session_id "
            "WHERE o.sent_at IS NULL ORDER BY o.seq LIMIT ?"
        )
        with self._store._lock:
            rows = list(self._store._db.query(sql, [limit]))
        items = []
        for row in rows:
            reception = {c: row[f"r_{c}"] for c in RECEPTION_COLUMNS} if row["r_rowid"] is not None else None
            patient = (
                {"patient_key": row["p_key"], "confirmed_at": row["p_at"], "confirmed_on": row["p_on"],
                 "sealed": row["p_sealed"]}
                if row["p_key"] is not None else None
            )
            items.append(OutboxItem(row["seq"], row["session_id"], reception, patient))
        return items

    def pending_count(self) -> int:
        with self._store._lock:
            return int(self._store._db.execute("SELECT count(*) FROM hub_outbox WHERE sent_at IS NULL").fetchone()[0])

    def backlog(self, upto_seq: int | None = None) -> Backlog:
        """The unsent rows (only those up to ``upto_seq`` when given: what is left of an earlier backlog)."""
        limit = "" if upto_seq is None else " AND seq <= ?"
        params = [] if upto_seq is None else [upto_seq]
        with self._store._lock:
            db = self._store._db
            unsent, oldest, newest = db.execute(
                f"SELECT count(*), min(queued_at), max(seq) FROM hub_outbox WHERE sent_at IS NULL{limit}", params
            ).fetchone()
            last_sent = db.execute("SELECT max(sent_at) FROM hub_outbox").fetchone()[0]
            audit_unsent = db.execute("SELECT count(*) FROM audit WHERE seq > ?",
                                      (self.audit_watermark(),)).fetchone()[0]
        return Backlog(int(unsent), oldest, newest, last_sent, int(audit_unsent))

    def sent_sessions(self) -> list[str]:
        """The receptions still in the store that the outbox says the hub has committed (sent rows are kept
        :data:`KEEP_SENT`, so these are the last days' deliveries), for ``kiosk hub check``."""
        with self._store._lock:
            return [sid for (sid,) in self._store._db.execute(
                "SELECT DISTINCT o.session_id FROM hub_outbox o JOIN receptions r ON r.session_id = o.session_id "
                "WHERE o.sent_at IS NOT NULL ORDER BY o.session_id"
            ).fetchall()]

    def audit_watermark(self) -> int:
        with self._store._lock:
            row = self._store._db.execute("SELECT value FROM meta WHERE key = ?", (AUDIT_SENT,)).fetchone()
        return int(row[0]) if row else 0

    def audit_after(self, seq: int, limit: int) -> list[dict]:
        """Audit rows after ``seq``, in order, as stored (codes and ids, their MACs)."""
        with self._store._lock:
            return list(self._store._db.query(
                f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", [seq, limit]
            ))

    def mark_sent(self, upto_seq: int | None, audit_seq: int | None, now: datetime) -> None:
        """The hub committed the outbox rows up to ``upto_seq`` and the audit rows up to ``audit_seq``.
        Sent rows older than :data:`KEEP_SENT` go."""
        with self._store._write() as db:
            if upto_seq is not None:
                db.execute("UPDATE hub_outbox SET sent_at = ? WHERE seq <= ? AND sent_at IS NULL",
                           (stamps.when(now), upto_seq))
                db.execute("DELETE FROM hub_outbox WHERE sent_at < ?", (stamps.when(now - KEEP_SENT),))
            if audit_seq is not None:
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (AUDIT_SENT, str(audit_seq)))

    # --- returning patients ----------------------------------------------------------------------

    def patient_key(self, certificate: CertificateInfo, birth_date: date) -> str:
        """The keyed lookup hash the hub is searched by (the clinic key makes it; the hub cannot)."""
        return self._store._cipher.patient_key(certificate, birth_date)

    def local_last(self, patient_key: str) -> LocalLast | None:
        with self._store._lock:
            row = self._store._db.execute(
                "SELECT confirmed_at, sealed FROM patients WHERE patient_key = ?", (patient_key,)
            ).fetchone()
        return LocalLast(row[0], row[1]) if row else None

    def open_confirmed(self, patient_key: str, sealed: bytes) -> QualificationRecord:
        """A last-confirmed blob, from this store or the hub: it opens only under the clinic key and only as
        this patient's (its associated data names the patient key). :class:`StoreCorrupt` otherwise."""
        return codec.from_json(QualificationRecord, self._store._open(sealed, f"patients:{patient_key}"))

    @property
    def clock(self) -> Callable[[], datetime]:
        return self._store._clock

    @property
    def cipher(self) -> FieldCipher:
        """The store's (the clinic's) key, for checking the MACs of every kiosk's audit chain on the hub."""
        return self._store._cipher
