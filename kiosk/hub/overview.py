"""What the IT commands read from the hub (``kiosk hub status`` and ``kiosk hub check``, docs/hub.md).

:func:`summary` is the hub's view of the clinic: the kiosks it knows, how many receptions each delivered,
when each was last seen. :func:`check` verifies every kiosk's audit chain there (:func:`verify_chain`: the
links without the key, the MACs with the clinic key this kiosk's store holds) and that every reception this
kiosk's outbox says the hub committed is on the hub exactly once. Nothing here writes to the hub; the
caller's connection carries the deadlines (:func:`kiosk.hub.connection.connect`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import psycopg

from kiosk.hub import schema
from kiosk.hub.audit import verify_chain
from kiosk.hub.connection import hub_error
from kiosk.hub.errors import HubTooNew, HubTooOld
from kiosk.store.hub_outbox import HubFeed

CHUNK = 1000  # session ids asked about per statement


@dataclass(frozen=True)
class KioskOnHub:
    kiosk_id: str
    first_seen: datetime
    last_seen: datetime  # its last delivery
    receptions: int
    audit_rows: int
    delivered_audit_seq: int  # the last audit row its deliveries brought (kiosks.last_audit_seq)
    forks: int  # rows in audit_forks: numbers it wrote again (restored from a backup)


@dataclass(frozen=True)
class HubSummary:
    server_version: str
    schema: int
    kiosks: tuple[KioskOnHub, ...]


def require_schema(conn: psycopg.Connection) -> int:
    """The hub's schema version when it is this kiosk's; :class:`HubTooOld` or :class:`HubTooNew` when not
    (the commands read tables whose shape they know, and never migrate: that is a delivery's job)."""
    try:
        current = schema.version(conn)
    except psycopg.Error as exc:
        raise hub_error(exc) from exc
    if current > schema.LATEST:
        raise HubTooNew(f"the clinic hub's schema is version {current}, this kiosk knows up to {schema.LATEST}: "
                        "update this kiosk")
    if current < schema.LATEST:
        state = "empty: no kiosk has delivered to it yet" if current == 0 else f"version {current}"
        raise HubTooOld(f"the clinic hub's schema is {state}; this kiosk's is version {schema.LATEST}: "
                        "the next delivery migrates it (`kiosk hub push`)")
    return current


def server_version(conn: psycopg.Connection) -> str:
    number = conn.info.server_version  # e.g. 150014
    return f"{number // 10000}.{number % 10000}" if number >= 100000 else str(number)


def summary(conn: psycopg.Connection) -> HubSummary:
    version = require_schema(conn)
    try:
        rows = conn.execute(
            "SELECT k.kiosk_id, k.first_seen, k.last_seen, "
            "(SELECT count(*) FROM receptions r WHERE r.kiosk_id = k.kiosk_id), "
            "(SELECT count(*) FROM audit a WHERE a.kiosk_id = k.kiosk_id), k.last_audit_seq, "
            "(SELECT count(*) FROM audit_forks f WHERE f.kiosk_id = k.kiosk_id) "
            "FROM kiosks k ORDER BY k.last_seen DESC, k.kiosk_id"
        ).fetchall()
    except psycopg.Error as exc:
        raise hub_error(exc) from exc
    kiosks = tuple(KioskOnHub(k, first, last, int(n), int(audit), int(seq), int(forks))
                   for k, first, last, n, audit, seq, forks in rows)
    return HubSummary(server_version(conn), version, kiosks)


def where_on_hub(conn: psycopg.Connection, session_ids: Sequence[str]) -> dict[str, list[str]]:
    """For each of ``session_ids`` the hub holds: the kiosk ids its rows are under (one, when all is well)."""
    found: dict[str, list[str]] = {}
    try:
        for start in range(0, len(session_ids), CHUNK):
            chunk = list(session_ids[start:start + CHUNK])
            for sid, kiosks in conn.execute(
                "SELECT session_id, array_agg(kiosk_id ORDER BY kiosk_id) FROM receptions "
                "WHERE session_id = ANY(%s) GROUP BY session_id", (chunk,)
            ).fetchall():
                found[sid] = list(kiosks)
    except psycopg.Error as exc:
        raise hub_error(exc) from exc
    return found


def fork_seqs(conn: psycopg.Connection, kiosk_id: str) -> list[int]:
    try:
        return [int(seq) for (seq,) in conn.execute(
            "SELECT DISTINCT seq FROM audit_forks WHERE kiosk_id = %s ORDER BY seq", (kiosk_id,)
        ).fetchall()]
    except psycopg.Error as exc:
        raise hub_error(exc) from exc


@dataclass
class CheckReport:
    kiosks: int = 0
    audit_rows: int = 0
    receptions_checked: int = 0  # this kiosk's receptions the outbox says were sent
    problems: list[str] = field(default_factory=list)
    forks: list[str] = field(default_factory=list)  # also among the problems, said plainly


def check(conn: psycopg.Connection, feed: HubFeed, *, per_kiosk: int = 20) -> CheckReport:
    """Every kiosk's chain on the hub, and this kiosk's sent receptions there once each. At most
    ``per_kiosk`` chain findings are listed per kiosk (the rest are counted)."""
    overview = summary(conn)
    report = CheckReport(kiosks=len(overview.kiosks))
    cipher = feed.cipher
    for kiosk in overview.kiosks:
        report.audit_rows += kiosk.audit_rows
        found = verify_chain(conn, kiosk.kiosk_id, cipher)
        forks = fork_seqs(conn, kiosk.kiosk_id) if kiosk.forks else []
        if forks:
            # verify_chain counts them in one line; said here with the rows and what it means instead.
            found = [p for p in found if not p.startswith(f"{kiosk.forks} audit rows arrived again")]
            fork = (f"kiosk {kiosk.kiosk_id}: audit_forks: audit rows {_ranges(forks)} arrived a second time with "
                    "other contents: the kiosk was restored from a backup and numbered its new rows again from "
                    "the backup's point; the hub keeps the first rows and the later ones apart, and the chain "
                    "does not follow on where they meet")
            report.forks.append(fork)
            report.problems.append(fork)
        modified = [p for p in found if p.endswith(" was modified")]
        if kiosk.audit_rows > 1 and len(modified) == kiosk.audit_rows:
            found = [p for p in found if p not in modified]
            found.insert(0, f"none of its {kiosk.audit_rows} audit rows verifies under this kiosk's store key: "
                            "it holds another key (every kiosk of the clinic must hold the same one, docs/hub.md)")
        if len(found) > per_kiosk:
            found = [*found[:per_kiosk], f"… and {len(found) - per_kiosk} more findings in its chain"]
        report.problems.extend(f"kiosk {kiosk.kiosk_id}: {p}" for p in found)
        top = _top_seq(conn, kiosk.kiosk_id)
        if top < kiosk.delivered_audit_seq:
            gone = f"{top + 1}..{kiosk.delivered_audit_seq}" if top else f"up to {kiosk.delivered_audit_seq}"
            report.problems.append(f"kiosk {kiosk.kiosk_id}: audit rows {gone} are missing on the hub "
                                   f"(its deliveries reached row {kiosk.delivered_audit_seq})")
    report.problems.extend(_reception_problems(conn, feed, report))
    return report


def _reception_problems(conn: psycopg.Connection, feed: HubFeed, report: CheckReport) -> list[str]:
    kiosk = feed.kiosk_id
    sent = feed.sent_sessions()
    report.receptions_checked = len(sent)
    held = where_on_hub(conn, sent)
    problems = []
    for sid in sent:
        under = held.get(sid, [])
        if not under:
            problems.append(f"reception {sid} of this kiosk ({kiosk}) is marked sent in its outbox but is not "
                            "on the hub")
        elif len(under) > 1:
            problems.append(f"reception {sid} is on the hub {len(under)} times (kiosks {', '.join(under)})")
        elif under[0] != kiosk:
            problems.append(f"reception {sid} of this kiosk ({kiosk}) is on the hub under kiosk {under[0]}")
    return problems


def _top_seq(conn: psycopg.Connection, kiosk_id: str) -> int:
    try:
        row = conn.execute("SELECT coalesce(max(seq), 0) FROM audit WHERE kiosk_id = %s", (kiosk_id,)).fetchone()
    except psycopg.Error as exc:
        raise hub_error(exc) from exc
    return int(row[0]) if row else 0


def _ranges(numbers: Sequence[int]) -> str:
    """1, 2, 3, 5 → "1–3, 5"."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(parts)
