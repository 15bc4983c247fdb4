"""Versioned schema migrations, numbered by SQLite's ``user_version``.

Every pending step runs in one transaction with the version bump, so a kill mid-migration leaves the
previous version intact. A database newer than this code is refused (:class:`StoreTooNew`).

Sealed (encrypted) columns are BLOBs named ``sealed*``; everything else holds no personal data: codes,
times, flags, and the patient key (a keyed HMAC, not reversible without the store key).
"""
from __future__ import annotations

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


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (_v1, _v2)
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
