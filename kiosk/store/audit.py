"""The append-only audit log: who did what, when — hash-chained with a keyed MAC.

Row ``n`` carries ``mac_n = HMAC(k, n | mac_{n-1} | at | actor | action | detail)``; the newest
``seq:mac`` is also kept in ``meta.audit_head`` in the same transaction. So an edited row breaks its
own MAC, a removed row breaks the sequence and the next row's ``prev``, and a removed tail no longer
matches the head. (Someone holding the key, or restoring an old copy of the whole file, is outside what
a chain inside the file can prove.) Details hold codes and ids, never personal data.
"""
from __future__ import annotations

from datetime import datetime

import sqlite_utils

from kiosk.store.cipher import FieldCipher
from kiosk.store.stamps import when

GENESIS = "0" * 64
HEAD = "audit_head"


def _message(seq: int, prev: str, at: str, actor: str, action: str, detail: str) -> bytes:
    return "\0".join((str(seq), prev, at, actor, action, detail)).encode("utf-8")


def append(db: sqlite_utils.Database, cipher: FieldCipher, at: datetime, actor: str, action: str, detail: str) -> int:
    """Append one row; the caller holds the write transaction."""
    row = db.execute("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    stamp = when(at)
    mac = cipher.audit_mac(_message(seq, prev, stamp, actor, action, detail))
    db.execute(
        "INSERT INTO audit (seq, at, actor, action, detail, prev, mac) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, stamp, actor, action, detail, prev, mac),
    )
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (HEAD, f"{seq}:{mac}"))
    return seq


def verify(db: sqlite_utils.Database, cipher: FieldCipher) -> list[str]:
    """Problems found in the chain; empty when it is whole."""
    problems: list[str] = []
    expected_seq, prev = 1, GENESIS
    for seq, at, actor, action, detail, row_prev, mac in db.execute(
        "SELECT seq, at, actor, action, detail, prev, mac FROM audit ORDER BY seq"
    ):
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
