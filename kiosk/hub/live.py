"""Each kiosk's state now, on the clinic hub, for every staff console of the clinic (docs/hub.md).

Kiosk side, :class:`LivePublisher`: a flow listener hands it each View; it keeps only what a console's tile
shows (:func:`live_state`: the state, the alerts by code, PIN tries, face failures, who said 対応中, the
follow-up counts) and a thread of its own writes it to ``kiosk_live`` (one row per kiosk, upserted, with
``updated_at``) and says ``NOTIFY kiosk_live, '<kiosk_id>'`` in the same transaction. **Never a patient's
name, birth date or any field of the card**: staff see those only over the direct channel of a kiosk they
are paired with. At most one write per ``min_interval`` (1 s) per kiosk, always the latest state; a
heartbeat every ``heartbeat`` seconds keeps ``updated_at`` fresh so a console can tell a kiosk that went
away. The flow's thread only takes a lock and sets an event: a hub that is down or slow costs the kiosk
nothing (the writes back off, the newest state waits for the hub to answer).

Console side, :class:`LiveListener`: LISTENs on ``kiosk_live`` on its own thread (``notifies`` with a
timeout, so it can stop), reads the rows named, re-reads all of them every ``refresh_every`` seconds and
after each reconnect, and reconnects with a growing pause when the hub drops. Its callbacks run on its
thread. Qt-free, like the rest of kiosk/hub.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

import psycopg
from psycopg.types.json import Jsonb

from kiosk.core.alerts import alerts_of
from kiosk.core.codec import from_json, to_json
from kiosk.core.errors import KioskError
from kiosk.core.view import View
from kiosk.hub import schema
from kiosk.hub.connection import connect, hub_error
from kiosk.hub.errors import HubError, HubTooNew, HubTooOld
from kiosk.store.hub_outbox import HubFeed

if TYPE_CHECKING:
    from kiosk.config import Config

log = logging.getLogger(__name__)

CHANNEL = "kiosk_live"
LIVE_SCHEMA = 2  # the hub migration that made kiosk_live
MIN_INTERVAL = 1.0  # seconds between two writes of one kiosk
HEARTBEAT = 10.0  # a write at least this often, changed or not
STALE_AFTER = 3 * HEARTBEAT  # a row older than this on the hub's clock: the kiosk stopped telling


@dataclass(frozen=True)
class LiveAlert:
    """An alert by its code (the console has the words: kiosk.core.states), never with a patient's data."""

    code: str
    trouble: str = ""  # T1..T17, "" when it counts under none
    urgent: bool = False
    called: bool = False  # the patient pressed 「職員を呼ぶ」
    reason: str = ""  # a CALL_REASONS code


@dataclass(frozen=True)
class LiveState:
    """What a console's tile shows of a kiosk it reads from the hub. Codes and counts only."""

    state: str
    step: int = 0
    in_session: bool = False
    card_present: bool = False
    alerts: tuple[LiveAlert, ...] = ()
    pin_tries_left: int | None = None
    face_failures: int = 0
    taken_by: str = ""  # the member of staff who said 「対応中」 (staff, not a patient)
    interrupted: int = 0  # follow-ups of the kiosk's store, counted
    rechecks: int = 0
    awaiting: int = 0
    closed: bool = False  # the kiosk said goodbye (it was shut down)


def live_state(view: View) -> LiveState:
    """The tile's part of ``view``. Deliberately by field, not a copy of the View: a field added to the
    View later stays off the hub until someone decides it belongs here."""
    alerts = tuple(LiveAlert(a.code, a.trouble.value if a.trouble else "", a.urgent, a.called, a.reason)
                   for a in alerts_of(view))
    return LiveState(state=view.state.value, step=int(view.step), in_session=view.in_session,
                     card_present=view.card_present, alerts=alerts, pin_tries_left=view.pin_tries_left,
                     face_failures=view.face_failures, taken_by=view.taken_by)


# --- the kiosk's side --------------------------------------------------------------------------------

_UPSERT = (
    "INSERT INTO kiosk_live (kiosk_id, kiosk_name, fingerprint, address, summary, updated_at) "
    "VALUES (%s, %s, %s, %s, %s, now()) ON CONFLICT (kiosk_id) DO UPDATE SET kiosk_name = excluded.kiosk_name, "
    "fingerprint = excluded.fingerprint, address = excluded.address, summary = excluded.summary, "
    "updated_at = excluded.updated_at"
)

FollowUpCounts = Callable[[], tuple[int, int, int]]  # (interrupted, rechecks, awaiting numbers)


class LivePublisher:
    def __init__(
        self,
        dsn: str,
        kiosk_id: str,
        *,
        name: Callable[[], str] = lambda: "",
        fingerprint: str = "",
        address: str = "",
        follow_ups: FollowUpCounts | None = None,
        min_interval: float = MIN_INTERVAL,
        heartbeat: float = HEARTBEAT,
        max_backoff: float = 30.0,
        connect_timeout: float = 3.0,
        statement_timeout: float = 2.0,
    ) -> None:
        """``name()`` is the kiosk's name as its consoles know it (read at each write: staff may rename it);
        ``fingerprint`` its staff channel's certificate, by which a paired console knows it; ``follow_ups()``
        is read on the publisher's thread, at most once a heartbeat."""
        self.kiosk_id = kiosk_id
        self._dsn = dsn
        self._name = name
        self._fingerprint = fingerprint
        self._address = address
        self._follow_ups = follow_ups
        self._min_interval = min_interval
        self._heartbeat = heartbeat
        self._max_backoff = max_backoff
        self._connect_timeout = connect_timeout
        self._statement_timeout = statement_timeout
        self._lock = threading.Lock()
        self._latest: LiveState | None = None
        self._pending = False
        self._counts = (0, 0, 0)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._conn: psycopg.Connection | None = None
        self._conn_lock = threading.Lock()  # guards the reference; the connection is used on one thread
        self._thread: threading.Thread | None = None
        self.published = 0  # rows written (a test's and a status line's count)
        self.last_error: str | None = None

    def start(self) -> LivePublisher:
        if self._thread is not None:
            raise RuntimeError("the live publisher was already started")
        self._thread = threading.Thread(target=self._loop, name="kiosk-hub-live", daemon=True)
        self._thread.start()
        return self

    def on_view(self, view: View) -> None:
        """A flow listener (the flow's thread): keeps the newest state and returns at once."""
        state = live_state(view)
        with self._lock:
            self._latest = state
            self._pending = True
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        """No more writes after a last one saying the kiosk closed (when the hub answers within its
        deadline); a statement in flight is cancelled on the hub."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                with self._conn_lock:
                    conn = self._conn
                if conn is not None:
                    try:
                        conn.cancel_safe(timeout=2.0)
                    except psycopg.Error as exc:
                        log.info("hub live state: cancel not delivered: %s", type(exc).__name__)
                self._thread.join(timeout)
        self._close()

    # --- the thread --------------------------------------------------------------------------------

    def _loop(self) -> None:
        last = float("-inf")  # monotonic time of the last write
        counted = float("-inf")
        delay = 0.0
        while not self._stopping.is_set():
            self._wake.clear()
            now = time.monotonic()
            if self._follow_ups is not None and now - counted >= self._heartbeat:
                counted = now
                self._count_follow_ups()
            with self._lock:
                pending = self._pending and self._latest is not None
            due = last + (self._min_interval if pending else self._heartbeat)
            if self._latest is None or now < due:
                # a change wakes the wait, then waits out the rest of the interval
                self._wake.wait(None if self._latest is None else due - now)
                continue
            if not self._write(closed=False):
                delay = min(max(delay * 2, 1.0), self._max_backoff)
                self._stopping.wait(delay)
                continue
            delay = 0.0
            last = time.monotonic()
        if self._latest is not None and self._conn is not None:
            self._write(closed=True)  # the consoles see the kiosk leave rather than go stale
        self._close()

    def _count_follow_ups(self) -> None:
        assert self._follow_ups is not None
        try:
            counts = self._follow_ups()
        except KioskError as exc:  # the store unreadable: the counts stay as they were
            log.info("hub live state: follow-ups not counted: %s", exc.code)
            return
        with self._lock:
            if counts != self._counts:
                self._counts = counts
                self._pending = True

    def _write(self, *, closed: bool) -> bool:
        with self._lock:
            state, self._pending = self._latest, False
            interrupted, rechecks, awaiting = self._counts
        assert state is not None
        state = replace(state, interrupted=interrupted, rechecks=rechecks, awaiting=awaiting, closed=closed)
        try:
            conn = self._connection()
            with conn.transaction():
                conn.execute(_UPSERT, (self.kiosk_id, self._name(), self._fingerprint, self._address,
                                       Jsonb(to_json(state))))
                conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, self.kiosk_id))
        except (psycopg.Error, HubError) as exc:
            error = hub_error(exc) if isinstance(exc, psycopg.Error) else exc
            if error.code != self.last_error:
                log.warning("hub live state: %s: %s", error.code, error)
            self.last_error = error.code
            with self._lock:
                self._pending = True  # the newest state goes at the next try
            self._close()
            return False
        self.last_error = None
        self.published += 1
        return True

    def _connection(self) -> psycopg.Connection:
        with self._conn_lock:
            if self._conn is not None and not self._conn.closed:
                return self._conn
        conn = connect(self._dsn, connect_timeout=self._connect_timeout, statement_timeout=self._statement_timeout,
                       name=f"kiosk-live-{self.kiosk_id[:8]}")
        try:
            schema.migrate(conn)
        except BaseException:
            conn.close()
            raise
        with self._conn_lock:
            self._conn = conn
        return conn

    def _close(self) -> None:
        with self._conn_lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


class _Flow(Protocol):
    def add_listener(self, listener: Callable[[View], Any]) -> None: ...

    def view(self) -> View: ...


class _Identity(Protocol):
    @property
    def fingerprint(self) -> str: ...


class _FollowUps(Protocol):
    @property
    def interrupted(self) -> tuple[object, ...]: ...

    @property
    def rechecks(self) -> tuple[object, ...]: ...

    @property
    def awaiting(self) -> tuple[object, ...]: ...


class _Poll(Protocol):
    def check(self) -> _FollowUps: ...


class _StaffServer(Protocol):
    """What the publisher reads of the kiosk's staff server (kiosk.staff.server.StaffServer)."""

    @property
    def kiosk_name(self) -> str: ...

    @property
    def identity(self) -> _Identity: ...

    @property
    def follow_ups(self) -> _Poll: ...

    def offer(self, code: str) -> Any: ...


def start_live(config: Config, store: Any, flow: _Flow, post: Callable[[Callable[[], None]], None],
               staff: _StaffServer | None) -> LivePublisher:
    """The kiosk's live state on the hub of ``config.hub_dsn``: started, listening to ``flow``. ``store`` is
    the kiosk's StoreLane around its HubbedStore (whose kiosk id names the row); ``staff`` the staff server
    (its name, its certificate and its follow-ups), or None without a staff channel."""
    assert config.hub_dsn, "start_live needs hub_dsn"
    hubbed = getattr(store, "store", store)  # the lane's store: the HubbedStore (kiosk.wiring.with_hub)
    replicator = getattr(hubbed, "replicator", None)
    kiosk_id = replicator.kiosk_id if replicator is not None else HubFeed(hubbed).kiosk_id
    address = ""
    counts: FollowUpCounts | None = None
    if staff is not None:
        offer = staff.offer("")  # where a console on the LAN reaches it (no code: only the address is used)
        address = f"{offer.host}:{offer.port}"

        def counted() -> tuple[int, int, int]:
            found = staff.follow_ups.check()
            return len(found.interrupted), len(found.rechecks), len(found.awaiting)

        counts = counted
    publisher = LivePublisher(
        config.hub_dsn, kiosk_id, name=lambda: (staff.kiosk_name if staff is not None else config.kiosk_name),
        fingerprint=staff.identity.fingerprint if staff is not None else "", address=address, follow_ups=counts,
    ).start()
    flow.add_listener(publisher.on_view)
    post(lambda: publisher.on_view(flow.view()))  # the state now, before the first change
    return publisher


# --- the console's side ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LiveKiosk:
    kiosk_id: str
    name: str
    fingerprint: str
    address: str  # where its staff channel is reached (host:port), for pairing
    state: LiveState
    updated_at: datetime
    age: float  # seconds since its last write, on the hub's clock

    @property
    def stale(self) -> bool:
        return self.state.closed or self.age > STALE_AFTER


def require_live(conn: psycopg.Connection) -> None:
    """:class:`HubTooOld` when no kiosk has brought the hub to the live table yet, :class:`HubTooNew` past ours."""
    try:
        current = schema.version(conn)
    except psycopg.Error as exc:
        raise hub_error(exc) from exc
    if current > schema.LATEST:
        raise HubTooNew(f"the clinic hub's schema is version {current}, this console knows up to {schema.LATEST}")
    if current < LIVE_SCHEMA:
        raise HubTooOld(f"the clinic hub's schema is version {current}: no kiosk has shown its live state yet")


def read_live(conn: psycopg.Connection, kiosk_ids: Iterable[str] | None = None) -> list[LiveKiosk]:
    """The rows of ``kiosk_ids`` (all when None), by name."""
    sql = ("SELECT kiosk_id, kiosk_name, fingerprint, address, summary, updated_at, "
           "extract(epoch FROM now() - updated_at) FROM kiosk_live")
    params: tuple = ()
    if kiosk_ids is not None:
        sql += " WHERE kiosk_id = ANY(%s)"
        params = (list(kiosk_ids),)
    try:
        rows = conn.execute(sql + " ORDER BY kiosk_name, kiosk_id", params).fetchall()
    except psycopg.Error as exc:
        raise hub_error(exc) from exc
    found = []
    for kiosk_id, name, fingerprint, address, summary, updated_at, age in rows:
        try:
            state = from_json(LiveState, summary)
        except (TypeError, ValueError, KeyError) as exc:  # written by a newer or a broken kiosk: left out
            log.warning("hub live state: kiosk %s: unreadable summary: %s", kiosk_id, exc)
            continue
        found.append(LiveKiosk(kiosk_id, name, fingerprint, address, state, updated_at, float(age)))
    return found


class ListenStatus:
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"  # with the hub's error code


class LiveListener:
    def __init__(
        self,
        dsn: str,
        on_kiosks: Callable[[list[LiveKiosk], bool], None],
        on_status: Callable[[str, str], None],
        *,
        wait: float = 1.0,
        refresh_every: float = HEARTBEAT,
        max_backoff: float = 30.0,
        connect_timeout: float = 3.0,
        statement_timeout: float = 5.0,
    ) -> None:
        """``on_kiosks(kiosks, complete)``: rows read (``complete``: every row of the hub, so a kiosk left
        out is gone); ``on_status(status, code)``: a :class:`ListenStatus` and the hub's error code. Both
        on the listener's thread. ``wait`` bounds each wait for a notification, and so :meth:`stop`."""
        self._dsn = dsn
        self._on_kiosks = on_kiosks
        self._on_status = on_status
        self._wait = wait
        self._refresh_every = refresh_every
        self._max_backoff = max_backoff
        self._connect_timeout = connect_timeout
        self._statement_timeout = statement_timeout
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.connects = 0  # connections made (a test sees the reconnect)

    def start(self) -> LiveListener:
        if self._thread is not None:
            raise RuntimeError("the live listener was already started")
        self._thread = threading.Thread(target=self._loop, name="console-hub-listen", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        delay = 0.0
        self._on_status(ListenStatus.CONNECTING, "")  # once: after a failure it stays offline until online
        while not self._stopping.is_set():
            try:
                self._listen()
                delay = 0.0
            except HubError as exc:
                if self._stopping.is_set():
                    break
                log.info("hub live listener: %s: %s", exc.code, exc)
                self._on_status(ListenStatus.OFFLINE, exc.code)
                delay = min(max(delay * 2, 1.0), self._max_backoff)
                self._stopping.wait(delay)

    def _listen(self) -> None:
        conn = connect(self._dsn, connect_timeout=self._connect_timeout, statement_timeout=self._statement_timeout,
                       name="staff-console")
        try:
            self.connects += 1
            require_live(conn)
            try:
                conn.execute(f"LISTEN {CHANNEL}")
            except psycopg.Error as exc:
                raise hub_error(exc) from exc
            self._on_kiosks(read_live(conn), True)  # after LISTEN: no change falls between the two
            self._on_status(ListenStatus.ONLINE, "")
            refreshed = time.monotonic()
            while not self._stopping.is_set():
                named: set[str] = set()
                try:
                    for notify in conn.notifies(timeout=self._wait, stop_after=1):
                        named.add(notify.payload)
                    if named:  # a burst: take what else has arrived, without waiting
                        named.update(n.payload for n in conn.notifies(timeout=0.01))
                except psycopg.Error as exc:  # the hub went away under the wait
                    raise hub_error(exc) from exc
                if time.monotonic() - refreshed >= self._refresh_every:
                    self._on_kiosks(read_live(conn), True)  # ages, kiosks gone quiet, and the hub still there
                    refreshed = time.monotonic()
                elif named:
                    self._on_kiosks(read_live(conn, named), False)
        finally:
            conn.close()


# --- the clinic's receptions, for the console's report ------------------------------------------------


@dataclass(frozen=True)
class HubReception:
    """A saved reception as the hub holds it in the clear: codes and times. Its names are sealed."""

    kiosk_id: str
    session_id: str
    started_at: datetime
    outcome: str
    method: str
    troubles: tuple[str, ...]
    staff_flags: tuple[str, ...]


def receptions_between(conn: psycopg.Connection, since: str, until: str) -> list[HubReception]:
    """Every kiosk's receptions started on ``since``..``until`` (YYYY-MM-DD, the kiosk's day), oldest first."""
    try:
        rows = conn.execute(
            "SELECT kiosk_id, session_id, started_at, coalesce(outcome, ''), coalesce(method, ''), "
            "coalesce(troubles, ''), coalesce(staff_flags, '') FROM receptions "
            "WHERE started_on BETWEEN %s AND %s AND state <> 'in_progress' ORDER BY started_at, kiosk_id",
            (since, until),
        ).fetchall()
    except psycopg.Error as exc:
        raise hub_error(exc) from exc
    return [HubReception(k, s, datetime.fromisoformat(at), outcome, method,
                         tuple(t for t in troubles.split(",") if t), tuple(f for f in flags.split(",") if f))
            for k, s, at, outcome, method, troubles, flags in rows]


def clinic_receptions(dsn: str, since: str, until: str, *, timeout: float = 10.0) -> list[HubReception]:
    """:func:`receptions_between` on a connection of its own, within ``timeout`` for the connect and the query."""
    with connect(dsn, connect_timeout=timeout, statement_timeout=timeout, name="staff-console-report") as conn:
        try:
            current = schema.version(conn)
        except psycopg.Error as exc:
            raise hub_error(exc) from exc
        if current < 1:
            raise HubTooOld("the clinic hub is empty: no kiosk has delivered to it yet")
        return receptions_between(conn, since, until)
