"""Versioned schema migrations, numbered by SQLite's ``user_version``.

Every pending step runs in one transaction with the version bump, so a kill mid-migration leaves the
previous version intact. A database newer than this code is refused (:class:`StoreTooNew`).

Sealed (encrypted) columns are BLOBs named ``sealed*``; everything else holds no personal data: codes,
times, flags, and the patient key (a keyed HMAC, not reversible without the store key).
"""
from __future__ import annotations

import uuid
from collections.abc import Callable

import sqlite_utils

from kiosk.store.errors import StoreTooNew


def _v1(db: sqlite_utils.Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("patients").create(
        {"patient_key": str, "confirmed_at": str, "confirmed_on": str, "session_id": str, "sealed": bytes},
        pk="patient_key",
        not_null={"confirmed_at", "confirmed_on", "sealed"},
    )
    db.table("receptions").create(
        {
            "session_id": str,
            "state": str,  # in_progress, saved, abandoned (staff dismissed an interrupted one)
            "started_at": str,
            "started_on": str,
            "ended_at": str,
            "outcome": str,
            "method": str,
            "patient_key": str,
            "troubles": str,
            "staff_flags": str,
            "sealed": bytes,  # facts, result, consent, billing, notes
        },
        pk="session_id",
        not_null={"state", "started_at", "started_on"},
    )
    db.table("consents").create(
        {
            "session_id": str,
            "patient_key": str,
            "given_at": str,
            "medical": int,
            "drugs": int,
            "checkups": int,
            "limit_info": int,
        },
        pk="session_id",
        not_null={"given_at", "medical", "drugs", "checkups"},
    )
    db.table("declarations").create(
        {
            "id": str,
            "session_id": str,
            "created_at": str,
            "created_on": str,
            "settled_at": str,  # the claim was paid: only then may purge remove the 申立書
            "settled_by": str,
            "sealed": bytes,
        },
        pk="id",
        not_null={"created_at", "created_on", "sealed"},
    )
    db.table("rechecks").create(
        {
            "id": int,
            "session_id": str,
            "state": str,  # awaiting_numbers, pending, done, acknowledged (staff saw the outcome)
            "created_at": str,
            "created_on": str,
            "attempts": int,
            "last_attempt_at": str,
            "last_error": str,
            "done_at": str,
            "sealed": bytes,  # billing + birth date
            "sealed_query": bytes,
            "sealed_result": bytes,  # result + changes
        },
        pk="id",
        not_null={"state", "created_at", "created_on", "attempts", "sealed"},
        defaults={"attempts": 0},
    )
    db.table("audit").create(
        {"seq": int, "at": str, "actor": str, "action": str, "detail": str, "prev": str, "mac": str},
        pk="seq",
        not_null={"at", "actor", "action", "detail", "prev", "mac"},
    )
    # Append-only by construction; the hash chain catches whoever drops these triggers first.
    db.execute(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    db.table("staff_accounts").create(
        {
            "username": str,
            "role": str,
            "password_hash": str,
            "failures": int,
            "locked": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="username",
        not_null={"role", "password_hash", "failures", "locked", "created_at", "updated_at"},
        defaults={"failures": 0, "locked": 0},
    )


def _v2(db: sqlite_utils.Database) -> None:
    # Listing a day, finding interrupted receptions and purging by age scanned the whole receptions
    # table (100,000 rows in the benchmark); these indexes make them lookups.
    db.table("receptions").create_index(["started_on"], index_name="receptions_by_day")
    db.table("receptions").create_index(["state"], index_name="receptions_by_state")
    db.table("patients").create_index(["confirmed_on"], index_name="patients_by_day")
    db.table("rechecks").create_index(["state"], index_name="rechecks_by_state")


def _v3(db: sqlite_utils.Database) -> None:
    # The clinic hub's outbox (kiosk/hub, docs/hub.md): one row per saved reception, written in the
    # reception's own transaction, marked sent once the hub has committed it. AUTOINCREMENT: sent rows are
    # pruned, and a number is never given twice, so the hub sees each kiosk's rows in one order. The
    # kiosk's id names this store on the hub (a restored backup keeps it: the same kiosk, gone back).
    db.execute(
        "CREATE TABLE hub_outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL, "
        "queued_at TEXT NOT NULL, sent_at TEXT)"
    )
    db.execute("CREATE INDEX hub_outbox_unsent ON hub_outbox (seq) WHERE sent_at IS NULL")
    db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('kiosk_id', ?)", (uuid.uuid4().hex,))


def _v4(db: sqlite_utils.Database) -> None:
    # The incremental check (kiosk/store/checkpoint.py). Its checkpoint: the last audit row a sound check
    # verified, SQLite's schema cookie then, and when the last full check passed, MAC'd with the audit key.
    db.execute(
        "CREATE TABLE check_point (id INTEGER PRIMARY KEY CHECK (id = 1), audit_seq INTEGER NOT NULL, "
        "audit_mac TEXT NOT NULL, schema_cookie INTEGER NOT NULL, full_at TEXT NOT NULL, "
        "checked_at TEXT NOT NULL, kind TEXT NOT NULL, tag TEXT NOT NULL)"
    )
    # Every sealed table is updated in place (a reception in progress is saved over, a returning patient's
    # record replaced, a 申立書 contacted, a re-check answered), so rowids cannot say what changed. Each row
    # keeps instead the audit head's seq when it was last written: the chain only grows, and lowering it
    # would need a verified row removed. Set by triggers, so every path that writes is covered, and
    # resetting the mark re-marks it (the WHEN stops the trigger's own update, recursive triggers being
    # on). Rows from before this migration keep NULL: the first check after it is a full one.
    mark = "(SELECT max(seq) FROM audit)"
    sealed = {
        "receptions": "session_id, sealed",
        "patients": "patient_key, sealed",
        "declarations": "id, sealed",
        "rechecks": "id, sealed, sealed_query, sealed_result",
    }
    for table, columns in sealed.items():
        db.execute(f"ALTER TABLE {table} ADD COLUMN written_seq INTEGER")
        db.execute(f"CREATE INDEX {table}_by_written ON {table} (written_seq) WHERE written_seq IS NOT NULL")
        db.execute(
            f"CREATE TRIGGER {table}_written_on_insert AFTER INSERT ON {table} "
            f"BEGIN UPDATE {table} SET written_seq = {mark} WHERE rowid = NEW.rowid; END"
        )
        db.execute(
            f"CREATE TRIGGER {table}_written_on_update AFTER UPDATE OF {columns}, written_seq ON {table} "
            f"WHEN NEW.written_seq IS NOT {mark} "
            f"BEGIN UPDATE {table} SET written_seq = {mark} WHERE rowid = NEW.rowid; END"
        )


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (_v1, _v2, _v3, _v4)
LATEST = len(MIGRATIONS)


def version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, target: int = LATEST) -> tuple[int, int]:
    """Bring the schema to ``target``; returns (from, to). Call inside a transaction or alone."""
    current = version(db)
    if current > LATEST:
        raise StoreTooNew(f"store schema version {current}, this kiosk knows up to {LATEST}")
    if current >= target:
        return current, current
    with db.atomic():
        for step in range(current, target):
            MIGRATIONS[step](db)
        db.execute(f"PRAGMA user_version = {int(target)}")
    return current, target
