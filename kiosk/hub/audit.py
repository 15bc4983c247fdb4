"""Checking one kiosk's audit chain as the hub holds it.

Without the clinic key (the hub's own view) the chain's shape is checked: the numbers run on without a
gap from the first row the hub has, and each row's ``prev`` is the MAC of the row before, so a row removed
on the hub, or one the kiosk never delivered, is seen. With the key (a kiosk's or a console's
:class:`~kiosk.store.cipher.FieldCipher`) every MAC is recomputed too, so an edited row is seen. Rows in
``audit_forks`` (the same numbers written again by a kiosk restored from a backup) are reported.
"""
from __future__ import annotations

import psycopg

from kiosk.hub.connection import hub_error
from kiosk.store import audit as store_audit
from kiosk.store.cipher import FieldCipher


def verify_chain(conn: psycopg.Connection, kiosk_id: str, cipher: FieldCipher | None = None) -> list[str]:
    """Problems found in ``kiosk_id``'s chain on the hub; empty when it is whole."""
    problems: list[str] = []
    try:
        rows = conn.execute(
            "SELECT seq, at, actor, action, detail, prev, mac FROM audit WHERE kiosk_id = %s ORDER BY seq",
            (kiosk_id,),
        ).fetchall()
        forks = conn.execute("SELECT count(*) FROM audit_forks WHERE kiosk_id = %s", (kiosk_id,)).fetchone()
    except psycopg.Error as exc:
        raise hub_error(exc) from exc
    expected_seq: int | None = None
    prev_mac: str | None = None
    for seq, at, actor, action, detail, prev, mac in rows:
        if expected_seq is not None:
            if seq != expected_seq:
                problems.append(f"audit rows {expected_seq}..{seq - 1} are missing on the hub")
            elif prev != prev_mac:
                problems.append(f"audit row {seq} does not follow the row before it")
        if cipher is not None and cipher.audit_mac(store_audit._message(seq, prev, at, actor, action, detail)) != mac:
            problems.append(f"audit row {seq} was modified")
        expected_seq, prev_mac = seq + 1, mac
    if forks and forks[0]:
        problems.append(f"{forks[0]} audit rows arrived again with other contents (a kiosk restored from a backup?)")
    return problems
