"""The verified checkpoint: where the last sound check of the store got to, so the next one starts there.

After a sound check ``check_point`` (migration v4, one row) keeps:

- the last audit row it verified, by ``seq`` and MAC: the next check follows the chain from that row, which
  must still be there with that MAC;
- SQLite's schema cookie then (``PRAGMA schema_version``, which every CREATE and DROP counts up): editing a
  row through SQLite without being seen means dropping a trigger first, and that changes the cookie;
- when the last *full* check passed, and this check's time and kind;
- a tag, HMAC with the audit key over all of them: an edited or forged checkpoint is seen, and a full check runs.

Every sealed row carries ``written_seq``, the audit head's seq when it was last written (set by triggers,
migration v4), so the incremental check opens the sealed fields of the rows written since the checkpoint
only, whether they are new or were updated in place.

What the incremental check cannot see: a row written before the checkpoint whose bytes change in the file
without SQLite (a decaying disk, someone editing the raw file). SQLite keeps no checksum of a row, and the
quick check reads the pages' structure, not what a row holds: only opening every sealed field finds that.
That is why a full check runs at least every :data:`FULL_EVERY`, and on request (``--full``).
"""
from __future__ import annotations

import hmac
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlite_utils

from kiosk.store.cipher import FieldCipher

# A week: the full check reads the whole store (about 20 s at 1M receptions), so once a week costs little,
# and it bounds how long what only it sees (a byte changed in an old row) can go unseen. Backups are sealed
# copies of the file and do not reopen its fields: keep `backup_keep` × `backup_interval_hours` above a week
# for a backup from before such a change to still be there when it is found.
FULL_EVERY = timedelta(days=7)

SCHEMA = 4  # the migration that made the checkpoint table and the rows' marks

FULL = "full"
INCREMENTAL = "incremental"


@dataclass(frozen=True)
class Checkpoint:
    audit_seq: int  # the last audit row the check verified (0: the log was empty)
    audit_mac: str
    schema_cookie: int
    full_at: str  # when the last full check passed (a stamp)
    checked_at: str  # when this check passed
    kind: str  # FULL or INCREMENTAL


def schema_cookie(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA schema_version").fetchone()[0])


def _tag(cipher: FieldCipher, point: Checkpoint) -> str:
    # Audit row messages start with their seq, a number: this one cannot be taken for one, nor one for it.
    fields = (str(point.audit_seq), point.audit_mac, str(point.schema_cookie), point.full_at, point.checked_at,
              point.kind)
    return cipher.audit_mac("\0".join(("check_point", "v1", *fields)).encode("utf-8"))


def load(db: sqlite_utils.Database, cipher: FieldCipher) -> tuple[Checkpoint | None, str]:
    """The stored checkpoint, or ``None`` and why there is none to start from."""
    try:
        row = db.execute(
            "SELECT audit_seq, audit_mac, schema_cookie, full_at, checked_at, kind, tag FROM check_point WHERE id = 1"
        ).fetchone()
    except sqlite3.OperationalError:  # a store not migrated to v4 (a damaged one is never migrated)
        return None, "this store has no checkpoint table"
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # the full check's integrity check names the damage
        return None, "the checkpoint cannot be read"
    if row is None:
        return None, "no check has passed here yet"
    try:
        point = Checkpoint(int(row[0]), str(row[1]), int(row[2]), str(row[3]), str(row[4]), str(row[5]))
    except (TypeError, ValueError):
        return None, "the checkpoint is unreadable"
    if not isinstance(row[6], str) or not hmac.compare_digest(_tag(cipher, point), row[6]):
        return None, "the checkpoint fails its MAC (edited or forged)"
    return point, ""


def full_check_due(point: Checkpoint, now: datetime, cookie: int, full_every: timedelta = FULL_EVERY) -> str:
    """Why a full check must run although the checkpoint is sound; empty when the incremental one will do."""
    if point.schema_cookie != cookie:
        return "the schema changed since the last check (a migration, or a trigger dropped or made)"
    try:
        age = now - datetime.fromisoformat(point.full_at)
    except (TypeError, ValueError):
        return "the time of the last full check is unreadable"
    if age < timedelta(0):
        return "the last full check is dated after now (the clock went back)"
    if age >= full_every:
        return f"the last full check was {age.days} days ago (one runs at least every {full_every.days} days)"
    return ""


def save(db: sqlite_utils.Database, cipher: FieldCipher, point: Checkpoint) -> None:
    """Record ``point``; the caller holds the write transaction."""
    db.execute(
        "INSERT OR REPLACE INTO check_point "
        "(id, audit_seq, audit_mac, schema_cookie, full_at, checked_at, kind, tag) VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
        (point.audit_seq, point.audit_mac, point.schema_cookie, point.full_at, point.checked_at, point.kind,
         _tag(cipher, point)),
    )


def carry_over(db: sqlite_utils.Database, cipher: FieldCipher, cookie_before: int) -> None:
    """The store changed its own schema inside the caller's write transaction (the purge lifts and puts back
    the audit log's delete trigger): a checkpoint that was sound just before keeps counting as sound, so a
    purge does not make the next check a full one. Any other schema change still does."""
    point, _ = load(db, cipher)
    if point is not None and point.schema_cookie == cookie_before:
        save(db, cipher, Checkpoint(point.audit_seq, point.audit_mac, schema_cookie(db), point.full_at,
                                    point.checked_at, point.kind))
