"""A returning patient's last visit from the clinic hub, within a short deadline, else from the local store.

The hub is asked by the keyed patient key (the clinic key makes it from the card; the hub cannot) and
answers with the sealed last-confirmed blob, which only the clinic key opens, and only as this patient's.
The local store is read too: the hub may not have this kiosk's newest visit yet (replication lag), so the
newer of the two confirmations is used. :class:`LastVisit` says which one answered.

The query runs on a thread of its own; the caller waits ``deadline`` seconds at most (0.5 s: a patient is
at the screen) and then goes on with the local store. The statement's own ``statement_timeout`` is the same
deadline, so the server ends a query nobody waits for; a connect that hangs ends by its connect_timeout
and meanwhile no second one is started. After a failure the hub is left alone for ``retry_after`` seconds,
so a hub that is down costs the patients in the queue nothing.
"""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import psycopg

from kiosk.core.domain import CardFacts, CertificateInfo
from kiosk.core.errors import KioskError
from kiosk.core.qualification import QualificationRecord
from kiosk.hub.connection import connect, hub_error
from kiosk.hub.errors import HubError
from kiosk.store.hub_outbox import HubFeed

log = logging.getLogger(__name__)

Source = Literal["hub", "local"]


@dataclass(frozen=True)
class LastVisit:
    record: QualificationRecord | None
    source: Source  # "hub": the hub answered in time (the newer of its record and the local one); "local": it did not


@dataclass(frozen=True)
class _Found:
    stamp: str
    sealed: bytes


class HubLookup:
    def __init__(
        self,
        feed: HubFeed,
        dsn: str,
        *,
        deadline: float = 0.5,
        retry_after: float = 5.0,
        connect_timeout: float = 2.0,
    ) -> None:
        self._feed = feed
        self._dsn = dsn
        self._deadline = deadline
        self._retry_after = retry_after
        self._connect_timeout = connect_timeout
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-hub-lookup")
        self._conn: psycopg.Connection | None = None  # used on the pool's one thread only
        self._lock = threading.Lock()
        self._inflight: Future[_Found | None] | None = None
        self._quiet_until = 0.0  # monotonic: the hub failed; until then the local store answers alone
        self._closed = False

    def last_visit(self, certificate: CertificateInfo, facts: CardFacts | None) -> LastVisit:
        """The patient's last confirmed qualification. Without the card's facts there is no lookup (the
        birth date is part of the key), as in the local store."""
        if facts is None:
            return LastVisit(None, "local")
        key = self._feed.patient_key(certificate, facts.birth_date)
        local = self._feed.local_last(key)
        answered, found = self._ask_hub(key)
        if not answered:
            return LastVisit(self._open(key, local.sealed) if local else None, "local")
        if found is not None and (local is None or _instant(found.stamp) >= _instant(local.confirmed_at)):
            try:
                return LastVisit(self._feed.open_confirmed(key, found.sealed), "hub")
            except KioskError as exc:  # sealed under another key: a kiosk of another clinic on this hub
                log.error("hub lookup: hub_record_unreadable: %s", exc.code)
                return LastVisit(self._open(key, local.sealed) if local else None, "local")
        return LastVisit(self._open(key, local.sealed) if local else None, "hub")

    def _open(self, key: str, sealed: bytes) -> QualificationRecord:
        return self._feed.open_confirmed(key, sealed)

    def _ask_hub(self, key: str) -> tuple[bool, _Found | None]:
        """(answered in time, what the hub holds)."""
        with self._lock:
            if self._closed or time.monotonic() < self._quiet_until:
                return False, None
            if self._inflight is not None and not self._inflight.done():
                return False, None  # the last one is still connecting: do not queue behind it
            future = self._pool.submit(self._query, key)
            self._inflight = future
        try:
            return True, future.result(timeout=self._deadline)
        except FutureTimeout:
            code = "hub_timeout"
        except HubError as exc:
            code = exc.code
        with self._lock:
            self._quiet_until = time.monotonic() + self._retry_after
        log.warning("hub lookup: %s: the local store answers", code)
        return False, None

    def _query(self, key: str) -> _Found | None:
        try:
            if self._conn is None or self._conn.closed:
                self._conn = connect(self._dsn, connect_timeout=self._connect_timeout,
                                     statement_timeout=self._deadline, name="kiosk-lookup")
            row = self._conn.execute(
                "SELECT confirmed_stamp, sealed FROM patients WHERE patient_key = %s", (key,)
            ).fetchone()
        except psycopg.Error as exc:
            self._drop()
            raise hub_error(exc) from exc
        return _Found(row[0], bytes(row[1])) if row else None

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    def close(self) -> None:
        """No more lookups; the connection is closed on its own thread, a query in flight ends by its deadline."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        self._pool.submit(self._drop)
        self._pool.shutdown(wait=False)


def _instant(stamp: str) -> datetime:
    """A stored time stamp as an instant; one written without an offset is taken as this machine's time."""
    value = datetime.fromisoformat(stamp)
    return value if value.tzinfo is not None else value.astimezone()
