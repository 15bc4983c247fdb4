"""The append-only audit log: who did what, when — hash-chained with a keyed MAC.

Row ``n`` carries ``mac_n = HMAC(k, n | mac_{n-1} | at | actor | action | detail)``; the newest
``seq:mac`` is also kept in ``meta.audit_head`` in the same transaction. So an edited row breaks its
own MAC, a removed row breaks the sequence and the next row's ``prev``, and a removed tail no longer
matches the head. (Someone holding the key, or restoring an old copy of the whole file, is outside what
a chain inside the file can prove.) Details hold codes and ids, never personal data.

Retention (:func:`truncate`): rows older than the store's retention period go, and ``meta.audit_base``
keeps, MAC'd, the ``seq:mac`` of the last row removed, so the chain still verifies from where it now
starts and a removed stretch after the base is still seen.

The daily check (``kiosk/store/checkpoint.py``) follows the chain from the last row a sound check verified
(:func:`verify_from`); :func:`verify` follows it from its start.
"""
from __future__ import annotations

from datetime import date, datetime

import sqlite_utils

from kiosk.store.cipher import FieldCipher
from kiosk.store.stamps import when

GENESIS = "0" * 64
HEAD = "audit_head"
BASE = "audit_base"


def _message(seq: int, prev: str, at: str, actor: str, action: str, detail: str) -> bytes:
    return "\0".join((str(seq), prev, at, actor, action, detail)).encode("utf-8")


def append(db: sqlite_utils.Database, cipher: FieldCipher, at: datetime, actor: str, action: str, detail: str) -> int:
    """Append one row; the caller holds the write transaction."""
    row = db.execute("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    if row is None:  # a new log, or retention removed every row: go on from its base
        base = db.execute("SELECT value FROM meta WHERE key = ?", (BASE,)).fetchone()
        row = (int(base[0].split(":")[0]), base[0].split(":")[1]) if base else None
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    stamp = when(at)
    mac = cipher.audit_mac(_message(seq, prev, stamp, actor, action, detail))
    db.execute(
        "INSERT INTO audit (seq, at, actor, action, detail, prev, mac) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, stamp, actor, action, detail, prev, mac),
    )
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (HEAD, f"{seq}:{mac}"))
    return seq


def _base_tag(cipher: FieldCipher, seq: int, mac: str) -> str:
    return cipher.audit_mac(_message(seq, mac, "", "", "audit_base", ""))


def truncate(db: sqlite_utils.Database, cipher: FieldCipher, before: date) -> int:
    """Remove the rows written before the day ``before``; the caller holds the write transaction. The
    append-only trigger is lifted for this statement only, inside the same transaction."""
    row = db.execute("SELECT seq, mac FROM audit WHERE at < ? ORDER BY seq DESC LIMIT 1",
                     (before.isoformat(),)).fetchone()
    if row is None:
        return 0
    seq, mac = row
    db.execute("DROP TRIGGER audit_no_delete")
    removed = db.execute("DELETE FROM audit WHERE seq <= ?", (seq,)).rowcount
    db.execute(
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
               (BASE, f"{seq}:{mac}:{_base_tag(cipher, seq, mac)}"))
    return int(removed)


def _start(db: sqlite_utils.Database, cipher: FieldCipher, problems: list[str]) -> tuple[int, str]:
    """Where the chain starts: the genesis, or the row after the last one retention removed."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", (BASE,)).fetchone()
    if row is None:
        return 1, GENESIS
    try:
        seq_text, mac, tag = row[0].split(":")
        seq = int(seq_text)
    except ValueError:
        problems.append("the audit log's starting point is unreadable")
        return 1, GENESIS
    if _base_tag(cipher, seq, mac) != tag:
        problems.append("the audit log's starting point was modified")
    return seq + 1, mac


def verify(db: sqlite_utils.Database, cipher: FieldCipher) -> list[str]:
    """Problems found in the chain; empty when it is whole."""
    problems: list[str] = []
    expected_seq, prev = _start(db, cipher, problems)
    return _follow(db, cipher, expected_seq, prev, problems, after=None)


def verify_from(db: sqlite_utils.Database, cipher: FieldCipher, seq: int, mac: str) -> list[str]:
    """Problems in the chain after row ``seq``, which a sound check verified when its MAC was ``mac``
    (``seq`` 0: the log was empty then). That row must still be there with that MAC, and every row after it
    must follow; the rows before it are not read, so only :func:`verify` sees one of them edited."""
    problems: list[str] = []
    start_seq, start_mac = _start(db, cipher, problems)
    if start_seq > seq:  # retention removed the verified row too: the chain now starts at its MAC'd base
        return _follow(db, cipher, start_seq, start_mac, problems, after=start_seq - 1)
    if seq == 0:
        return _follow(db, cipher, 1, GENESIS, problems, after=0)
    row = db.execute("SELECT seq, at, actor, action, detail, prev, mac FROM audit WHERE seq = ?", (seq,)).fetchone()
    if row is None:
        problems.append(f"audit row {seq}, the last one a check verified, is missing")
    elif row[6] != mac or cipher.audit_mac(_message(row[0], row[5], row[1], row[2], row[3], row[4])) != mac:
        problems.append(f"audit row {seq} was modified since a check verified it")
    return _follow(db, cipher, seq + 1, mac, problems, after=seq)


def _follow(
    db: sqlite_utils.Database, cipher: FieldCipher, expected_seq: int, prev: str, problems: list[str],
    after: int | None,
) -> list[str]:
    """Walk the rows (those after ``after``, or all of them) from ``expected_seq`` linked to ``prev``, then
    compare where the chain ends with its head."""
    rows = (
        db.execute("SELECT seq, at, actor, action, detail, prev, mac FROM audit ORDER BY seq")
        if after is None
        else db.execute("SELECT seq, at, actor, action, detail, prev, mac FROM audit WHERE seq > ? ORDER BY seq",
                        (after,))
    )
    for seq, at, actor, action, detail, row_prev, mac in rows:
        if seq != expected_seq:
            problems.append(f"audit rows {expected_seq}..{seq - 1} are missing")
        if row_prev != prev:
            problems.append(f"audit row {seq} does not follow the row before it")
        if cipher.audit_mac(_message(seq, row_prev, at, actor, action, detail)) != mac:
            problems.append(f"audit row {seq} was modified")
        expected_seq, prev = seq + 1, mac
    row = db.execute("SELECT value FROM meta WHERE key = ?", (HEAD,)).fetchone()
    head = row[0] if row else None
    last = f"{expected_seq - 1}:{prev}" if expected_seq > 1 else None
    if head != last:
        problems.append(f"audit log ends at {last or 'nothing'} but its head says {head or 'nothing'}: rows removed")
    return problems


def head(db: sqlite_utils.Database) -> tuple[int, str]:
    """The newest row's ``(seq, mac)``, from the rows themselves (``(0, GENESIS)`` for an empty log)."""
    row = db.execute("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)
