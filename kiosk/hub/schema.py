"""The hub's schema on PostgreSQL, versioned in ``hub_meta``; every kiosk migrates it when it connects.

The tables hold what the kiosks' stores hold, as they hold it: codes, times, the keyed patient key (an
HMAC under the clinic key) and the sealed blobs (AES-GCM under the clinic key, their associated data naming
table and row as in SQLite). No column holds an opened personal field; the key is never here.

- ``kiosks``: one row per kiosk store (its ``meta.kiosk_id``), with how far its delivery has got.
- ``receptions``: keyed by (kiosk_id, session_id); a delivery seen again changes nothing.
- ``patients``: a returning patient's last confirmed qualification, clinic-wide, keyed by the patient key;
  the newest confirmation wins whichever kiosk made it and in whatever order they arrive (ties go to the
  larger kiosk id, then session id, so every order ends in the same row).
- ``audit``: every kiosk's chain, (kiosk_id, seq) with its prev and MAC exactly as written;
  ``audit_forks`` keeps a row that arrived for a seq the hub already holds with another MAC (a kiosk
  restored from a backup writes its numbers again): both stay, nothing is overwritten.
- ``kiosk_live`` (v2): each kiosk's state now, as the staff consoles' tiles show it (kiosk/hub/live.py):
  codes and counts only, never a patient's name or birth date; one row per kiosk, overwritten.

Migrations take an advisory lock, so kiosks starting together migrate once.
"""
from __future__ import annotations

from collections.abc import Callable

import psycopg

from kiosk.hub.errors import HubTooNew

_LOCK = 0x6B696F736B  # pg_advisory_xact_lock id: "kiosk"


def _v1(conn: psycopg.Connection) -> None:
    conn.execute(
        "CREATE TABLE kiosks (kiosk_id text PRIMARY KEY, first_seen timestamptz NOT NULL DEFAULT now(), "
        "last_seen timestamptz NOT NULL DEFAULT now(), last_outbox_seq bigint NOT NULL DEFAULT 0, "
        "last_audit_seq bigint NOT NULL DEFAULT 0)"
    )
    conn.execute(
        "CREATE TABLE receptions (kiosk_id text NOT NULL REFERENCES kiosks, session_id text NOT NULL, "
        "outbox_seq bigint NOT NULL, state text NOT NULL, started_at text NOT NULL, started_on text NOT NULL, "
        "ended_at text, outcome text, method text, patient_key text, troubles text, staff_flags text, "
        "sealed bytea, received_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (kiosk_id, session_id))"
    )
    conn.execute("CREATE INDEX receptions_by_day ON receptions (started_on)")
    conn.execute("CREATE INDEX receptions_by_patient ON receptions (patient_key) WHERE patient_key IS NOT NULL")
    conn.execute(
        "CREATE TABLE patients (patient_key text PRIMARY KEY, confirmed_at timestamptz NOT NULL, "
        "confirmed_stamp text NOT NULL, confirmed_on text NOT NULL, kiosk_id text NOT NULL REFERENCES kiosks, "
        "session_id text NOT NULL, sealed bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT now())"
    )
    audit_columns = (
        "kiosk_id text NOT NULL REFERENCES kiosks, seq bigint NOT NULL, at text NOT NULL, actor text NOT NULL, "
        "action text NOT NULL, detail text NOT NULL, prev text NOT NULL, mac text NOT NULL, "
        "received_at timestamptz NOT NULL DEFAULT now()"
    )
    conn.execute(f"CREATE TABLE audit ({audit_columns}, PRIMARY KEY (kiosk_id, seq))")
    conn.execute(f"CREATE TABLE audit_forks ({audit_columns}, PRIMARY KEY (kiosk_id, seq, mac))")


def _v2(conn: psycopg.Connection) -> None:
    # No reference to kiosks: a kiosk shows its live state before its first delivery.
    conn.execute(
        "CREATE TABLE kiosk_live (kiosk_id text PRIMARY KEY, kiosk_name text NOT NULL DEFAULT '', "
        "fingerprint text NOT NULL DEFAULT '', address text NOT NULL DEFAULT '', summary jsonb NOT NULL, "
        "updated_at timestamptz NOT NULL DEFAULT now())"
    )


MIGRATIONS: tuple[Callable[[psycopg.Connection], None], ...] = (_v1, _v2)
LATEST = len(MIGRATIONS)


def version(conn: psycopg.Connection) -> int:
    exists = conn.execute("SELECT to_regclass('hub_meta') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute("SELECT value FROM hub_meta WHERE key = 'schema'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: psycopg.Connection) -> tuple[int, int]:
    """Bring the hub to :data:`LATEST` in one transaction; returns (from, to). A newer hub raises
    :class:`HubTooNew` (this kiosk must not write rows it does not know the shape of)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        current = version(conn)
        if current > LATEST:
            raise HubTooNew(f"the clinic hub's schema is version {current}, this kiosk knows up to {LATEST}")
        if current == LATEST:
            return current, current
        conn.execute("CREATE TABLE IF NOT EXISTS hub_meta (key text PRIMARY KEY, value text NOT NULL)")
        for step in range(current, LATEST):
            MIGRATIONS[step](conn)
        conn.execute(
            "INSERT INTO hub_meta (key, value) VALUES ('schema', %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(LATEST),),
        )
    return current, LATEST
