"""The local store: one SQLite file (WAL) in the data directory, personal fields sealed with AES-GCM.

Implements :class:`kiosk.core.ports.ReceptionStore` plus what the fallback path and staff need.
Every write is one transaction together with its audit row, so a killed process leaves either the
whole change or none of it. The connection is shared by the flow's worker, the re-check worker and the
staff console, so every call takes the store's lock; calls are short.
"""
from __future__ import annotations

import csv
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING

import sqlite_utils
from cryptography.exceptions import InvalidTag

from kiosk.core import codec
from kiosk.core.domain import CardFacts, CertificateInfo, Consent, IdentityMethod, Trouble
from kiosk.core.fallback import Billing, Change, Declaration, RecheckItem
from kiosk.core.qualification import QualificationRecord, QualificationResult
from kiosk.core.values import InsuranceCardQuery, ReceptionRecord
from kiosk.store import audit, backup, checkpoint, faults, hub_outbox, migrations, stamps
from kiosk.store.cipher import KEY_CHECK, FieldCipher
from kiosk.store.errors import (
    BackupMirrorFailed,
    KeyMissing,
    NotFound,
    RecheckFinished,
    RecheckHasNumbers,
    RecheckUnknown,
    StoreCorrupt,
    StoreDamaged,
    StoreError,
    StoreMissing,
    WrongKey,
)
from kiosk.store.keys import KeyProvider
from kiosk.store.lock import StoreLock

if TYPE_CHECKING:
    from kiosk.config import Config

KIOSK_ACTOR = "kiosk"  # the audit actor for what the kiosk does on its own


def _now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class StoredReception:
    """A reception as staff see it; personal fields already opened."""

    session_id: str
    state: str
    started_at: str
    ended_at: str | None
    outcome: str | None
    method: IdentityMethod | None
    troubles: tuple[Trouble, ...]
    staff_flags: tuple[str, ...]
    facts: CardFacts | None = None
    result: QualificationResult | None = None
    consent: Consent | None = None
    billing: QualificationRecord | None = None  # the claim record the flow settled on
    notes: tuple[str, ...] = ()
    remarks: tuple[str, ...] = ()  # 摘要欄 of a fallback claim
    reached: str | None = None  # a reception not saved (yet): the last state recorded, a flow State value


@dataclass(frozen=True)
class StoredDeclaration:
    id: str
    session_id: str
    created_at: str
    declaration: Declaration
    settled_at: str | None


SEALED_FIELDS = (  # (table, primary key, sealed column, the associated data's prefix)
    ("receptions", "session_id", "sealed", "receptions"),
    ("patients", "patient_key", "sealed", "patients"),
    ("declarations", "id", "sealed", "declarations"),
    ("rechecks", "id", "sealed", "rechecks"),
    ("rechecks", "id", "sealed_query", "rechecks.query"),
    ("rechecks", "id", "sealed_result", "rechecks.result"),
)


@dataclass(frozen=True)
class CheckReport:
    """What :meth:`Store.run_check` did and found."""

    kind: str  # checkpoint.FULL or checkpoint.INCREMENTAL
    reason: str  # why a full check ran ("" for an incremental one)
    since: checkpoint.Checkpoint | None  # the checkpoint an incremental check started from
    audit_rows: tuple[int, int]  # the first and last audit row verified (first > last: none)
    sealed_opened: int
    sqlite_check: str  # which of SQLite's checks ran
    problems: tuple[str, ...]

    def summary(self) -> str:
        first, last = self.audit_rows
        rows = f"audit rows {first}..{last}" if first <= last else "no new audit rows"
        what = f"SQLite's {self.sqlite_check}, {rows}, {self.sealed_opened} sealed field(s) opened"
        if self.since is None:
            return f"full check ({self.reason}): {what}"
        return (
            f"incremental check from audit row {self.since.audit_seq} (verified {self.since.checked_at[:19]}, "
            f"last full check {self.since.full_at[:19]}): {what}"
        )


@dataclass(frozen=True)
class RecheckOutcome:
    item: RecheckItem
    result: QualificationResult
    changes: tuple[Change, ...]
    done_at: str


class Store:
    """Open with :meth:`open`; use as a context manager or call :meth:`close`."""

    def __init__(
        self, db: sqlite_utils.Database, cipher: FieldCipher, path: Path, clock: Callable[[], datetime]
    ) -> None:
        self._db = db
        self._cipher = cipher
        self.path = path
        self._clock = clock
        self._lock = threading.RLock()
        self.damage: tuple[str, ...] = ()  # why SQLite's check fails: then the store is read-only
        self._file_lock: StoreLock | None = None  # held while open: no restore swaps the file meanwhile
        self._live: set[str] = set()  # started through this instance and not saved yet: not interrupted
        self._recheck_ready: list[Callable[[], None]] = []  # told when staff gave an item its numbers
        # The file's state when SQLite's quick check on opening passed (``_file_state``), None without one.
        self._quick_checked: tuple[int, int] | None = None

    # --- opening ---------------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        keys: KeyProvider,
        *,
        clock: Callable[[], datetime] = _now,
        migrate_to: int = migrations.LATEST,
        create: bool = True,
        backup_dir: Path | None = None,
    ) -> Store:
        """Open (or create) the store at ``path``.

        A store that holds a schema but whose key cannot be found raises :class:`KeyMissing`; a key
        that does not open the store's key check raises :class:`WrongKey`. A new key is made only for
        a database with no schema yet, and a new store only where there never was one: once its schema is
        committed a marker is written beside it, and a store that its marker or a backup (in
        ``backup_dir``, by default ``backups`` beside it) says existed but that is gone or empty raises
        :class:`StoreMissing`. A crash between making the key and committing the schema leaves no marker,
        so the next start simply creates the store. A store that fails SQLite's quick check opens
        read-only (:attr:`damage` says why; writes raise :class:`StoreDamaged`); one SQLite cannot read
        at all raises :class:`StoreCorrupt`; a full disk, a folder in the file's place and the like raise
        their own named errors (:mod:`kiosk.store.faults`). With ``create=False`` a database that was never
        there raises :class:`NotFound` (IT commands must not report "OK" on a fresh store made by a wrong
        path). ``migrate_to`` exists for the migration tests.
        """
        backups = backup_dir or backup.default_folder(path)
        try:
            blocking = faults.file_in_the_way(path)
            if blocking is not None:
                raise faults.not_a_folder(blocking, path)
            evidence = _evidence_of_a_store(path, backups)
            if not path.exists() and not path.is_symlink():
                if evidence:
                    raise StoreMissing(_missing(path, "is gone", evidence))
                if not create:
                    raise NotFound(f"no kiosk store at {path}")
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise faults.os_error(exc, path) from exc
        lock = StoreLock(path, exclusive=False)
        try:
            store = cls._connect(path, keys, clock, migrate_to, evidence)
        except BaseException:
            lock.release()
            raise
        store._file_lock = lock
        return store

    @classmethod
    def _connect(
        cls, path: Path, keys: KeyProvider, clock: Callable[[], datetime], migrate_to: int, evidence: str
    ) -> Store:
        try:
            # SQLite gives its -wal and -shm files the database file's mode: make that owner-only first.
            os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
            conn = sqlite3.connect(str(path), check_same_thread=False, timeout=15)
        except OSError as exc:
            raise faults.os_error(exc, path) from exc
        except sqlite3.Error as exc:
            raise faults.sqlite_error(exc, path) from exc
        try:
            db = sqlite_utils.Database(conn)
            existing = migrations.version(db)
            if existing == 0 and evidence:
                raise StoreMissing(_missing(path, "is empty", evidence))
            damage = _quick_check(db) if existing else ()
            if damage:
                db.execute("PRAGMA query_only = ON")  # SQLite itself refuses writes too, not only _write
                # The schema is on page 1: when it cannot be read, nothing can, and this raises StoreCorrupt.
                db.execute("SELECT name, rootpage FROM sqlite_master").fetchall()
            else:
                db.enable_wal()
                # FULL: a committed reception survives a power cut (T12), not only a killed process.
                db.execute("PRAGMA synchronous = FULL")
                # Deleted (purged) rows are overwritten, not left readable in free pages.
                db.execute("PRAGMA secure_delete = ON")
            loaded = keys.load()
            if existing == 0:
                key = loaded or keys.create()
            elif loaded is None:
                raise KeyMissing(f"{path} holds data but its key is missing ({keys.description})")
            else:
                key = loaded
            cipher = FieldCipher(key)
            store = cls(db, cipher, path, clock)
            store.damage = damage
            if existing == 0:
                with db.atomic():
                    migrations.migrate(db, migrate_to)
                    check = cipher.seal(KEY_CHECK, "meta:key_check").hex()
                    db.table("meta").insert({"key": "key_check", "value": check})
                    store._audit(KIOSK_ACTOR, "store_created", f"schema={migrate_to}")
            else:
                store._check_key()
                # A damaged store is not migrated (that writes); migrating to its own version only refuses
                # one that is newer than this code.
                before, after = migrations.migrate(db, existing if damage else migrate_to)
                if after != before:
                    with db.atomic():
                        store._audit(KIOSK_ACTOR, "store_migrated", f"schema={before}->{after}")
                if not damage:
                    store._quick_checked = store._file_state()
            _write_marker(path)
            return store
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            conn.close()
            raise faults.sqlite_error(exc, path) from exc
        except OSError as exc:  # the marker, or a new key's file
            conn.close()
            raise faults.os_error(exc, marker_path(path)) from exc
        except BaseException:
            conn.close()
            raise

    def _check_key(self) -> None:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'key_check'").fetchone()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if self.damage:
                # Read-only anyway, and every sealed field authenticates itself: with another key they
                # would only fail to open. Better the intact rows than nothing.
                self.damage += (f"the key check cannot be read ({exc})",)
                return
            raise faults.sqlite_error(exc, self.path) from exc
        if row is None:
            raise StoreCorrupt(f"{self.path}: the key check row is missing")
        try:
            if self._cipher.open(bytes.fromhex(row[0]), "meta:key_check") != KEY_CHECK:
                raise InvalidTag()
        except (InvalidTag, ValueError) as exc:
            raise WrongKey(f"the key does not open {self.path}") from exc

    def _refuse_if_damaged(self) -> None:
        if self.damage:
            raise self._damaged()

    def _damaged(self) -> StoreDamaged:
        return StoreDamaged(
            f"{self.path} is damaged ({self.damage[0]}) and open read-only: get out what is intact with "
            f"`kiosk store export`, then {faults.RESTORE}"
        )

    def close(self) -> None:
        with self._lock:
            self._db.close()
            if self._file_lock is not None:
                self._file_lock.release()
                self._file_lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with self._lock:
            return migrations.version(self._db)

    @contextmanager
    def _write(self) -> Iterator[sqlite_utils.Database]:
        """One write transaction. IMMEDIATE takes the write lock up front: a transaction that reads
        first (the audit chain's last row) and writes later could otherwise fail at once with
        SQLITE_BUSY when ``kiosk store purge`` writes from another process, instead of waiting."""
        with self._lock:
            self._refuse_if_damaged()
            db = self._db
            try:
                db.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                except BaseException:
                    db.rollback()
                    raise
                db.execute("COMMIT")
            except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                with suppress(sqlite3.Error):
                    db.rollback()
                error = faults.sqlite_error(exc, self.path)
                if isinstance(error, StoreCorrupt):
                    # Damage found by a write: from now on the store is read-only, as if found on opening.
                    self.damage = (str(exc),)
                    with suppress(sqlite3.Error):
                        db.execute("PRAGMA query_only = ON")
                    error = self._damaged()
                raise error from exc

    def _audit(self, actor: str, action: str, detail: str) -> None:
        audit.append(self._db, self._cipher, self._clock(), actor, action, detail)

    def _seal(self, value: object, context: str) -> bytes:
        return self._cipher.seal_json(value, context)

    def _open(self, blob: bytes, context: str) -> dict:
        return self._cipher.open_json(blob, context)  # type: ignore[return-value]

    # --- the ReceptionStore port -------------------------------------------------------------------

    def reception_started(self, session_id: str, started_at: datetime) -> None:
        with self._write() as db:
            db.execute(
                "INSERT OR IGNORE INTO receptions (session_id, state, started_at, started_on) "
                "VALUES (?, 'in_progress', ?, ?)",
                (session_id, stamps.when(started_at), started_at.date().isoformat()),
            )
            self._live.add(session_id)

    def reception_progress(self, session_id: str, state: str, troubles: Iterable[Trouble]) -> None:
        """How far a reception has got, so staff know where a crash left it. Only a reception still in
        progress is touched: a late note never overwrites a saved one."""
        with self._write() as db:
            db.execute(
                "UPDATE receptions SET sealed = ?, troubles = ? WHERE session_id = ? AND state = 'in_progress'",
                (self._seal({"reached": state}, f"receptions:{session_id}"), ",".join(t.value for t in troubles),
                 session_id),
            )

    def save_reception(self, record: ReceptionRecord) -> None:
        with self._write() as db:
            self._save(db, record)
        self._live.discard(record.session_id)

    def save_receptions(self, records: Iterable[ReceptionRecord]) -> int:
        """Many receptions in one transaction (an import, the benchmark's 100,000); all or none."""
        saved: list[str] = []
        with self._write() as db:
            for record in records:
                self._save(db, record)
                saved.append(record.session_id)
        self._live.difference_update(saved)
        return len(saved)

    def save_fallback_reception(
        self,
        record: ReceptionRecord,
        recheck: RecheckItem | None,
        declaration: Declaration | None = None,
        actor: str = KIOSK_ACTOR,
    ) -> tuple[str | None, int | None]:
        """A reception finished on a fallback, with its 申立書 and its re-check, in one transaction: a
        crash cannot leave a 不詳 bill without the 申立書 behind it, or a bill nobody re-checks.
        Returns (declaration id, re-check id)."""
        with self._write() as db:
            self._save(db, record)
            declaration_id = (
                self._insert_declaration(db, record.session_id, declaration, actor) if declaration else None
            )
            recheck_id = self._insert_recheck(db, recheck) if recheck else None
        self._live.discard(record.session_id)
        return declaration_id, recheck_id

    def _save(self, db: sqlite_utils.Database, record: ReceptionRecord) -> None:
        sid = record.session_id
        patient_key = (
            self._cipher.patient_key(record.certificate, record.facts.birth_date)
            if record.certificate is not None and record.facts is not None
            else None
        )
        body = {
            "facts": codec.to_json(record.facts) if record.facts else None,
            "result": codec.to_json(record.result) if record.result else None,
            "consent": codec.to_json(record.consent) if record.consent else None,
            "billing": codec.to_json(record.billing) if record.billing else None,
            "notes": list(record.notes),
            "remarks": list(record.remarks),
        }
        row = {
            "session_id": sid,
            "state": "saved",
            "started_at": stamps.when(record.started_at),
            "started_on": record.started_at.date().isoformat(),
            "ended_at": stamps.when(record.ended_at),
            "outcome": record.outcome,
            "method": record.method.value if record.method else None,
            "patient_key": patient_key,
            "troubles": ",".join(t.value for t in record.troubles),
            "staff_flags": ",".join(record.staff_flags),
            "sealed": self._seal(body, f"receptions:{sid}"),
        }
        confirmed = record.result.record if record.result and record.result.validity.is_valid else None
        _put(db, "receptions", row, "session_id")
        hub_outbox.enqueue(db, sid, self._clock())  # its turn to reach the clinic hub, in this transaction
        if patient_key and confirmed is not None:
            _put(
                db,
                "patients",
                {
                    "patient_key": patient_key,
                    "confirmed_at": stamps.when(record.ended_at),
                    "confirmed_on": record.ended_at.date().isoformat(),
                    "session_id": sid,
                    "sealed": self._seal(codec.to_json(confirmed), f"patients:{patient_key}"),
                },
                "patient_key",
            )
        if record.consent is not None:
            c = record.consent
            _put(
                db,
                "consents",
                {
                    "session_id": sid,
                    "patient_key": patient_key,
                    "given_at": stamps.when(record.ended_at),
                    "medical": int(c.medical),
                    "drugs": int(c.drugs),
                    "checkups": int(c.checkups),
                    "limit_info": None if c.limit is None else int(c.limit),
                },
                "session_id",
            )
        self._audit(KIOSK_ACTOR, "reception_saved", f"session={sid} outcome={record.outcome}")

    def last_confirmed(self, certificate: CertificateInfo, facts: CardFacts | None) -> QualificationRecord | None:
        """The returning patient's last confirmed qualification. The birth date is part of the key,
        so without the card's facts there is no lookup."""
        if facts is None:
            return None
        key = self._cipher.patient_key(certificate, facts.birth_date)
        with self._lock:
            row = self._db.execute("SELECT sealed FROM patients WHERE patient_key = ?", (key,)).fetchone()
        return codec.from_json(QualificationRecord, self._open(row[0], f"patients:{key}")) if row else None

    def audit(self, actor: str, action: str, detail: str = "") -> None:
        with self._write():
            self._audit(actor, action, detail)

    # --- staff views -----------------------------------------------------------------------------

    def receptions_on(self, day: date) -> list[StoredReception]:
        with self._lock:
            rows = list(
                self._db.query(
                    "SELECT * FROM receptions WHERE started_on = ? ORDER BY started_at", [day.isoformat()]
                )
            )
        return [self._reception(r) for r in rows]

    def receptions_since(self, day: date) -> Iterator[StoredReception]:
        with self._lock:
            rows = list(
                self._db.query("SELECT * FROM receptions WHERE started_on >= ? ORDER BY started_at", [day.isoformat()])
            )
        return (self._reception(r) for r in rows)

    def interrupted_receptions(self) -> list[StoredReception]:
        """Started, never saved, not yet dismissed by staff: what a crash or power cut left behind.
        A reception this process is still running is live, not interrupted, and is left out."""
        with self._lock:
            rows = list(self._db.query("SELECT * FROM receptions WHERE state = 'in_progress' ORDER BY started_at"))
            live = set(self._live)
        return [self._reception(r) for r in rows if r["session_id"] not in live]

    def dismiss_interrupted(self, session_id: str, actor: str) -> None:
        """Staff dealt with an interrupted reception; a reception still running here is not one."""
        if session_id in self._live:
            raise NotFound(f"reception {session_id} is still running")
        with self._write() as db:
            cursor = db.execute(
                "UPDATE receptions SET state = 'abandoned' WHERE session_id = ? AND state = 'in_progress'",
                (session_id,),
            )
            if cursor.rowcount != 1:
                raise NotFound(f"no interrupted reception {session_id}")
            self._audit(actor, "interrupted_dismissed", f"session={session_id}")

    def _reception(self, row: dict) -> StoredReception:
        body = self._open(row["sealed"], f"receptions:{row['session_id']}") if row["sealed"] else {}
        return StoredReception(
            session_id=row["session_id"],
            state=row["state"],
            started_at=row["started_at"],
            ended_at=row["ended_at"],
            outcome=row["outcome"],
            method=IdentityMethod(row["method"]) if row["method"] else None,
            troubles=tuple(Trouble(t) for t in row["troubles"].split(",") if t) if row["troubles"] else (),
            staff_flags=tuple(f for f in (row["staff_flags"] or "").split(",") if f),
            facts=codec.from_json(CardFacts, body["facts"]) if body.get("facts") else None,
            result=codec.from_json(QualificationResult, body["result"]) if body.get("result") else None,
            consent=codec.from_json(Consent, body["consent"]) if body.get("consent") else None,
            billing=codec.from_json(QualificationRecord, body["billing"]) if body.get("billing") else None,
            notes=tuple(body.get("notes", ())),
            remarks=tuple(body.get("remarks", ())),
            reached=body.get("reached"),
        )

    # --- 被保険者資格申立書 ---------------------------------------------------------------------------

    def save_declaration(self, session_id: str, declaration: Declaration, actor: str = KIOSK_ACTOR) -> str:
        with self._write() as db:
            return self._insert_declaration(db, session_id, declaration, actor)

    def _insert_declaration(
        self, db: sqlite_utils.Database, session_id: str, declaration: Declaration, actor: str
    ) -> str:
        declaration_id = uuid.uuid4().hex
        now = self._clock()
        db.table("declarations").insert(
            {
                "id": declaration_id,
                "session_id": session_id,
                "created_at": stamps.when(now),
                "created_on": now.date().isoformat(),
                "sealed": self._seal(codec.to_json(declaration), f"declarations:{declaration_id}"),
            }
        )
        self._audit(actor, "declaration_saved", f"id={declaration_id} session={session_id}")
        return declaration_id

    def declaration(self, declaration_id: str) -> StoredDeclaration:
        with self._lock:
            rows = list(self._db.query("SELECT * FROM declarations WHERE id = ?", [declaration_id]))
        if not rows:
            raise NotFound(f"no 申立書 {declaration_id}")
        return self._declaration(rows[0])

    def open_declarations(self) -> list[StoredDeclaration]:
        """申立書 whose claim is not settled yet, oldest first."""
        with self._lock:
            rows = list(self._db.query("SELECT * FROM declarations WHERE settled_at IS NULL ORDER BY created_at"))
        return [self._declaration(r) for r in rows]

    def record_contact(self, declaration_id: str, contact_date: date, actor: str) -> Declaration:
        """The clinic reached the patient afterwards (the date the 不詳 摘要 needs)."""
        with self._write() as db:
            row = db.execute("SELECT sealed FROM declarations WHERE id = ?", (declaration_id,)).fetchone()
            if row is None:
                raise NotFound(f"no 申立書 {declaration_id}")
            context = f"declarations:{declaration_id}"
            updated = replace(codec.from_json(Declaration, self._open(row[0], context)), contact_date=contact_date)
            db.execute(
                "UPDATE declarations SET sealed = ? WHERE id = ?",
                (self._seal(codec.to_json(updated), context), declaration_id),
            )
            self._audit(actor, "declaration_contacted", f"id={declaration_id} on={contact_date.isoformat()}")
        return updated

    def mark_claim_settled(self, declaration_id: str, actor: str) -> None:
        with self._write() as db:
            cursor = db.execute(
                "UPDATE declarations SET settled_at = ?, settled_by = ? WHERE id = ? AND settled_at IS NULL",
                (stamps.when(self._clock()), actor, declaration_id),
            )
            if cursor.rowcount != 1:
                raise NotFound(f"no unsettled 申立書 {declaration_id}")
            self._audit(actor, "claim_settled", f"declaration={declaration_id}")

    def _declaration(self, row: dict) -> StoredDeclaration:
        body = self._open(row["sealed"], f"declarations:{row['id']}")
        declaration = codec.from_json(Declaration, body)
        return StoredDeclaration(row["id"], row["session_id"], row["created_at"], declaration, row["settled_at"])

    # --- the re-check queue ------------------------------------------------------------------------

    def enqueue_recheck(self, item: RecheckItem) -> int:
        with self._write() as db:
            return self._insert_recheck(db, item)

    def _insert_recheck(self, db: sqlite_utils.Database, item: RecheckItem) -> int:
        cursor = db.execute(
            "INSERT INTO rechecks (session_id, state, created_at, created_on, attempts, sealed) "
            "VALUES (?, ?, ?, ?, 0, x'')",
            (
                item.session_id,
                "pending" if item.query else "awaiting_numbers",
                stamps.when(item.created_at),
                item.created_at.date().isoformat(),
            ),
        )
        # The row id is part of the sealed fields' associated data, so they are sealed once it exists.
        assert cursor.lastrowid is not None  # an INSERT just ran
        item_id = int(cursor.lastrowid)
        body = {"billing": codec.to_json(item.billing), "birth_date": item.birth_date.isoformat()}
        db.execute(
            "UPDATE rechecks SET sealed = ?, sealed_query = ? WHERE id = ?",
            (
                self._seal(body, f"rechecks:{item_id}"),
                self._seal(codec.to_json(item.query), f"rechecks.query:{item_id}") if item.query else None,
                item_id,
            ),
        )
        self._audit(KIOSK_ACTOR, "recheck_queued", f"id={item_id} session={item.session_id}")
        return item_id

    def pending_rechecks(self) -> list[RecheckItem]:
        """Items the worker can run now (their insurance numbers are known)."""
        return self._rechecks("pending")

    def rechecks_awaiting_numbers(self) -> list[RecheckItem]:
        """不詳 items: staff must learn the numbers from the patient first."""
        return self._rechecks("awaiting_numbers")

    def recheck(self, item_id: int) -> RecheckItem:
        """One queued re-check, whatever its state; :class:`RecheckUnknown` when there is none."""
        with self._lock:
            rows = list(self._db.query("SELECT * FROM rechecks WHERE id = ?", [item_id]))
        if not rows:
            raise RecheckUnknown(f"no re-check {item_id}")
        return self._recheck(rows[0])

    def set_recheck_query(self, item_id: int, query: InsuranceCardQuery, actor: str) -> None:
        """The numbers staff learnt for a 不詳 item: it becomes pending, and whoever listens through
        :meth:`on_recheck_ready` (the re-check worker) is told. Only an item waiting for numbers takes
        them: :class:`RecheckUnknown`, :class:`RecheckHasNumbers`, :class:`RecheckFinished` otherwise.
        The audit row names the item, never the numbers."""
        with self._write() as db:
            row = db.execute("SELECT state, session_id FROM rechecks WHERE id = ?", (item_id,)).fetchone()
            if row is None:
                raise RecheckUnknown(f"no re-check {item_id}")
            state, session_id = row
            if state in ("done", "acknowledged"):
                raise RecheckFinished(f"re-check {item_id} has already run")
            if state != "awaiting_numbers":
                raise RecheckHasNumbers(f"re-check {item_id} already has its numbers")
            db.execute(
                "UPDATE rechecks SET sealed_query = ?, state = 'pending' WHERE id = ?",
                (self._seal(codec.to_json(query), f"rechecks.query:{item_id}"), item_id),
            )
            self._audit(actor, "recheck_numbers_set", f"id={item_id} session={session_id}")
        with self._lock:
            listeners = list(self._recheck_ready)
        for listener in listeners:
            listener()

    def on_recheck_ready(self, listener: Callable[[], None]) -> None:
        """``listener()`` right after an item got its numbers, on the caller's thread: it must return at
        once and never raise (the re-check worker's :meth:`~kiosk.store.recheck.RecheckWorker.wake`)."""
        with self._lock:
            self._recheck_ready.append(listener)

    def recheck_failed(self, item_id: int, error_code: str) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE rechecks SET attempts = attempts + 1, last_attempt_at = ?, last_error = ? WHERE id = ?",
                (stamps.when(self._clock()), error_code, item_id),
            )

    def recheck_done(self, item_id: int, result: QualificationResult, changes: tuple[Change, ...]) -> None:
        body = {
            "result": codec.to_json(result),
            "changes": codec.to_json(changes),
        }
        now = self._clock()
        with self._write() as db:
            cursor = db.execute(
                "UPDATE rechecks SET state = 'done', attempts = attempts + 1, last_attempt_at = ?, done_at = ?, "
                "last_error = NULL, sealed_result = ? WHERE id = ? AND state = 'pending'",
                (stamps.when(now), stamps.when(now), self._seal(body, f"rechecks.result:{item_id}"), item_id),
            )
            if cursor.rowcount != 1:
                raise NotFound(f"no pending re-check {item_id}")
            codes = ",".join(c.code for c in changes) or "none"
            self._audit(KIOSK_ACTOR, "recheck_done", f"id={item_id} changes={codes}")

    def acknowledge_recheck(self, item_id: int, actor: str) -> None:
        """Staff saw a re-check's outcome (and fixed the claim if it needed it): it leaves their list."""
        with self._write() as db:
            cursor = db.execute(
                "UPDATE rechecks SET state = 'acknowledged' WHERE id = ? AND state = 'done'", (item_id,)
            )
            if cursor.rowcount != 1:
                raise NotFound(f"no unacknowledged re-check outcome {item_id}")
            self._audit(actor, "recheck_acknowledged", f"id={item_id}")

    def recheck_outcomes(self, since: date) -> list[RecheckOutcome]:
        """Finished re-checks since a day that staff have not acknowledged yet: what changed against
        what was billed."""
        with self._lock:
            rows = list(
                self._db.query(
                    "SELECT * FROM rechecks WHERE state = 'done' AND done_at >= ? ORDER BY done_at", [since.isoformat()]
                )
            )
        outcomes = []
        for row in rows:
            body = self._open(row["sealed_result"], f"rechecks.result:{row['id']}")
            result = codec.from_json(QualificationResult, body["result"])
            changes = tuple(codec.from_json(Change, c) for c in body["changes"])
            outcomes.append(RecheckOutcome(self._recheck(row), result, changes, row["done_at"]))
        return outcomes

    def _rechecks(self, state: str) -> list[RecheckItem]:
        with self._lock:
            rows = list(self._db.query("SELECT * FROM rechecks WHERE state = ? ORDER BY id", [state]))
        return [self._recheck(r) for r in rows]

    def _recheck(self, row: dict) -> RecheckItem:
        body = self._open(row["sealed"], f"rechecks:{row['id']}")
        query = (
            codec.from_json(InsuranceCardQuery, self._open(row["sealed_query"], f"rechecks.query:{row['id']}"))
            if row["sealed_query"]
            else None
        )
        return RecheckItem(
            session_id=row["session_id"],
            billing=codec.from_json(Billing, body["billing"]),
            birth_date=date.fromisoformat(body["birth_date"]),
            created_at=datetime.fromisoformat(row["created_at"]),
            query=query,
            id=row["id"],
        )

    # --- retention -------------------------------------------------------------------------------

    def purge(self, retention_days: int, actor: str, today: date | None = None) -> dict[str, int]:
        """Remove what is older than the retention period. A 申立書 stays until its claim is settled, and
        an unfinished re-check stays until it is done: both are still needed for the claim."""
        cutoff_day = (today or self._clock().date()) - timedelta(days=retention_days)
        cutoff = cutoff_day.isoformat()
        statements = {
            "consents": "DELETE FROM consents WHERE session_id IN "
            "(SELECT session_id FROM receptions WHERE started_on < :cutoff)",
            "receptions": "DELETE FROM receptions WHERE started_on < :cutoff",
            "patients": "DELETE FROM patients WHERE confirmed_on < :cutoff",
            "declarations": "DELETE FROM declarations WHERE created_on < :cutoff AND settled_at IS NOT NULL",
            "rechecks": "DELETE FROM rechecks WHERE created_on < :cutoff AND state IN ('done', 'acknowledged')",
        }
        counts: dict[str, int] = {}
        with self._write() as db:
            for table, sql in statements.items():
                counts[table] = db.execute(sql, {"cutoff": cutoff}).rowcount
            cookie = checkpoint.schema_cookie(db)
            counts["audit"] = audit.truncate(db, self._cipher, cutoff_day)  # the chain verifies from its base
            checkpoint.carry_over(db, self._cipher, cookie)  # truncate's own trigger change: no full check for it
            hub_outbox.forget_purged(db)  # nothing left to send for a removed reception
            detail = " ".join(f"{t}={n}" for t, n in counts.items())
            self._audit(actor, "purge", f"before={cutoff} {detail}")
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return counts

    # --- backups ---------------------------------------------------------------------------------------

    def backup(self, folder: Path, keep: int, actor: str = KIOSK_ACTOR, mirror: Path | None = None) -> Path:
        """An encrypted backup into ``folder`` now, keeping the newest ``keep`` (``kiosk/store/backup.py``),
        and its copy into ``mirror`` (another disk) when given: a failed copy is audited, then raised as
        :class:`BackupMirrorFailed`. A damaged store makes none: its copies would push the good ones out of
        the rotation."""
        self._refuse_if_damaged()
        made = backup.write_backup(self.path, self._cipher.backup_aead, folder, keep)
        if mirror is None:
            self.audit(actor, "store_backed_up", f"file={made.name}")
            return made
        try:
            backup.mirror(made, mirror, keep)
        except BackupMirrorFailed:
            self.audit(actor, "store_backed_up", f"file={made.name} mirror=failed")
            raise
        self.audit(actor, "store_backed_up", f"file={made.name} mirror=ok")
        return made

    # --- checking and exporting --------------------------------------------------------------------

    def check(self) -> list[str]:
        """Problems found by the full check: SQLite integrity, the whole audit chain, every sealed field.
        Empty when sound. Records nothing (:meth:`run_check` is what ``kiosk store check`` runs). A store that
        fails SQLite's integrity check is damaged: the first line says so and what to do, SQLite's findings
        follow, and from then on the store is read-only."""
        with self._lock, self._snapshot():
            return self._full_check()[0]

    def run_check(
        self, actor: str, *, full: bool = False, full_every: timedelta = checkpoint.FULL_EVERY
    ) -> CheckReport:
        """What ``kiosk store check`` runs: incremental from the verified checkpoint (``kiosk/store/checkpoint.py``)
        — SQLite's quick check, the audit rows after the last one verified, the sealed fields of the rows
        written since — or the full check when ``full`` is asked for, when there is no sound checkpoint (none
        yet, or one failing its MAC), when the schema changed since it, when the last full check is
        ``full_every`` old, and on a damaged store. A sound check records its checkpoint and its audit row
        (``store_checked``, naming the kind) in one transaction; a check with problems records nothing, so the
        next one starts from the same point again."""
        with self._lock:
            now = self._clock()
            try:
                with self._snapshot():  # the checkpoint recorded is the state that was checked
                    report, cookie, head = self._checked(now, full, full_every)
            except sqlite3.Error as exc:  # damage is a finding, not this: a disk error, say
                raise faults.sqlite_error(exc, self.path) from exc
            if not report.problems and not self.damage and self.schema_version >= checkpoint.SCHEMA:
                point = report.since
                with self._write() as db:
                    checkpoint.save(db, self._cipher, checkpoint.Checkpoint(
                        audit_seq=head[0], audit_mac=head[1], schema_cookie=cookie,
                        full_at=stamps.when(now) if point is None else point.full_at,
                        checked_at=stamps.when(now), kind=report.kind,
                    ))
                    detail = f"kind={report.kind}" + (f" from={point.audit_seq}" if point else "") + " problems=0"
                    self._audit(actor, "store_checked", detail)
        return report

    def _checked(
        self, now: datetime, full: bool, full_every: timedelta
    ) -> tuple[CheckReport, int, tuple[int, str]]:
        """The check itself, inside the caller's snapshot: its report, the schema cookie, and the last audit
        row's (seq, MAC): what the next checkpoint records."""
        point: checkpoint.Checkpoint | None
        if self.damage:
            point, reason = None, "the store is damaged"
        else:
            point, reason = (None, "asked for") if full else checkpoint.load(self._db, self._cipher)
        cookie = checkpoint.schema_cookie(self._db) if not self.damage else 0
        if point is not None:
            reason = checkpoint.full_check_due(point, now, cookie, full_every)
            if reason:
                point = None
        if point is None:
            problems, opened = self._full_check()
            sqlite_check = "integrity check"
        else:
            problems, opened, sqlite_check = self._incremental_check(point)
        first, head = self._audit_span()
        report = CheckReport(
            kind=checkpoint.FULL if point is None else checkpoint.INCREMENTAL,
            reason=reason if point is None else "",
            since=point,
            audit_rows=(first, head[0]) if point is None else (point.audit_seq + 1, head[0]),
            sealed_opened=opened,
            sqlite_check=sqlite_check,
            problems=tuple(problems),
        )
        return report, cookie, head

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """One read transaction: everything a check reads is one state of the file, while a kiosk in another
        process goes on writing (the chain's rows and its head, the checkpoint's seq and the rows after it)."""
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    def _file_state(self) -> tuple[int, int]:
        """Changes as this connection sees them: another's commits (``data_version``) and its own."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0]), self._db.conn.total_changes

    def _audit_span(self) -> tuple[int, tuple[int, str]]:
        """The first audit row's seq and the last one's (seq, MAC)."""
        try:
            first = self._db.execute("SELECT min(seq) FROM audit").fetchone()[0]
            return int(first or 0), audit.head(self._db)
        except (sqlite3.DatabaseError, UnicodeDecodeError):  # a damaged store: its findings are the report
            return 0, (0, audit.GENESIS)

    def _full_check(self) -> tuple[list[str], int]:
        """The problems, and how many sealed fields were opened."""
        problems = self._sqlite_check()
        if problems:
            return problems, 0
        try:
            problems.extend(audit.verify(self._db, self._cipher))
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            problems.append(f"audit: a row cannot be read: {exc}")
        opened = self._open_sealed(problems, since=None)
        return problems, opened

    def _incremental_check(self, point: checkpoint.Checkpoint) -> tuple[list[str], int, str]:
        """What changed since ``point``: the problems, the sealed fields opened and the SQLite check run."""
        if self._quick_checked is not None and self._quick_checked == self._file_state():
            sqlite_check = "quick check on opening (nothing written since)"
        else:
            sqlite_check = "quick check"
            try:
                quick = _quick_check(self._db)
            except sqlite3.Error as exc:  # not damage (that is a finding): a disk error, say
                raise faults.sqlite_error(exc, self.path) from exc
            if quick:
                damage = self._sqlite_check()  # named as the full check names it
                if damage:
                    return damage, 0, "integrity check"
        problems: list[str] = []
        try:
            problems.extend(audit.verify_from(self._db, self._cipher, point.audit_seq, point.audit_mac))
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            problems.append(f"audit: a row cannot be read: {exc}")
        opened = self._open_sealed(problems, since=point.audit_seq)
        return problems, opened, sqlite_check

    def _sqlite_check(self) -> list[str]:
        """SQLite's integrity check: empty when it passes; else the damage, and the store turns read-only."""
        try:
            rows = [row[0] for row in self._db.execute("PRAGMA integrity_check")]
            integrity = [line for row in rows for line in str(row).splitlines() if not line.startswith("***")]
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if not faults.is_corruption(exc):
                raise faults.sqlite_error(exc, self.path) from exc
            integrity = [f"SQLite cannot check the file: {exc}"]
        if integrity == ["ok"]:
            return []
        self.damage = self.damage or tuple(integrity)
        with suppress(sqlite3.Error):
            self._db.execute("PRAGMA query_only = ON")
        return [
            f"damaged: {self.path} fails SQLite's integrity check, so it takes no more writes; get out "
            f"what is intact with `kiosk store export`, then {faults.RESTORE}",
            *(f"integrity: {line}" for line in integrity),
        ]

    def _open_sealed(self, problems: list[str], since: int | None) -> int:
        """Open every sealed field (``since`` None), or those of the rows written at or after audit row
        ``since`` (their ``written_seq``, migration v4); returns how many were opened."""
        opened = 0
        for table, pk, column, context in SEALED_FIELDS:
            where = f"{column} IS NOT NULL" + ("" if since is None else " AND written_seq >= ?")
            try:
                for row_id, blob in self._db.execute(
                    f"SELECT {pk}, {column} FROM {table} WHERE {where}", () if since is None else (since,)
                ):
                    opened += 1
                    try:
                        self._cipher.open(blob, f"{context}:{row_id}")
                    except InvalidTag:
                        problems.append(f"{table} {row_id}: sealed {column} fails authentication")
            except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                problems.append(f"{table}: a row cannot be read: {exc}")
        return opened

    def export_csv(
        self, since: date, out: IO[str], personal: bool, actor: str, on_skip: Callable[[str], None] | None = None
    ) -> int:
        """Receptions since ``since`` as CSV; personal columns only when ``personal`` (the caller has
        checked the staff credential). Returns the number of rows written. A row that cannot be read or
        unsealed is left out and told to ``on_skip``; on a damaged store every row SQLite can still read
        is found one at a time. The export is audited, except on a damaged store, which takes no writes."""
        skipped: list[str] = []

        def skip(why: str) -> None:
            skipped.append(why)
            if on_skip is not None:
                on_skip(why)

        writer = csv.writer(out)
        writer.writerow(EXPORT_COLUMNS + (EXPORT_PERSONAL_COLUMNS if personal else []))
        count = 0
        for reception in self._readable_receptions(since, skip):
            writer.writerow(_export_row(reception) + (_export_personal(reception) if personal else []))
            count += 1
        if not self.damage:
            detail = f"since={since.isoformat()} rows={count} personal={int(personal)}"
            self.audit(actor, "export", detail + (f" skipped={len(skipped)}" if skipped else ""))
        return count

    def _readable_receptions(self, since: date, skip: Callable[[str], None]) -> list[StoredReception]:
        day = since.isoformat()
        rows: list[dict] | None = None
        with self._lock:
            if not self.damage:
                try:
                    rows = list(
                        self._db.query("SELECT * FROM receptions WHERE started_on >= ? ORDER BY started_at", [day])
                    )
                except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                    if not faults.is_corruption(exc):
                        raise faults.sqlite_error(exc, self.path) from exc
            if rows is None:
                found, unreadable = self._salvage("receptions")
                for rowid in unreadable:  # their day cannot be read either, so whatever ``since`` is
                    skip(f"reception at rowid {rowid}: on a damaged page, cannot be read")
                rows = sorted(
                    (r for r in found if isinstance(r.get("started_on"), str) and r["started_on"] >= day),
                    key=lambda r: str(r.get("started_at")),
                )
        readable = []
        for row in rows:
            try:
                readable.append(self._reception(row))
            except (StoreError, ValueError, KeyError, TypeError) as exc:
                skip(f"reception {row.get('session_id')}: {exc}")
        return readable

    def _salvage(self, table: str) -> tuple[list[dict], list[int]]:
        """Every row of a damaged ``table`` SQLite can still read, and the rowids that failed. Rows are
        fetched one rowid at a time, so a bad page loses its own rows only; the rowids come from scans in
        both directions and from every index, each of which may run past the damage."""
        rowids: set[int] = set()
        scans = [f"SELECT rowid FROM {table} ORDER BY rowid", f"SELECT rowid FROM {table} ORDER BY rowid DESC"]
        with suppress(sqlite3.DatabaseError, UnicodeDecodeError):
            scans += [
                f'SELECT rowid FROM {table} INDEXED BY "{name}"'
                for (name,) in self._db.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
                )
            ]
        for sql in scans:
            with suppress(sqlite3.DatabaseError, UnicodeDecodeError):  # this path runs into the damage
                rowids.update(rowid for (rowid,) in self._db.execute(sql) if isinstance(rowid, int))
        probed = set(rowids)
        if rowids:
            low, high = min(rowids), max(rowids)
            if high - low <= 4 * len(rowids) + 10_000:  # a damaged index may claim an absurd rowid
                probed.update(range(low, high + 1))  # rows no scan reached may still be there
        rows: list[dict] = []
        unreadable: list[int] = []
        for rowid in sorted(probed):
            try:
                cursor = self._db.execute(f"SELECT * FROM {table} WHERE rowid = ?", (rowid,))
                row = cursor.fetchone()
            except (sqlite3.DatabaseError, UnicodeDecodeError):
                unreadable.append(rowid)
                continue
            if row is not None:
                rows.append(dict(zip([d[0] for d in cursor.description], row, strict=True)))
            elif rowid in rowids:  # a scan saw it, yet the table no longer finds it: lost to the damage
                unreadable.append(rowid)
        return rows, unreadable

def _put(db: sqlite_utils.Database, table: str, row: dict, pk: str) -> None:
    """Insert or replace one row. Plain SQL on the hot path: sqlite-utils' upsert introspects the table
    on every call, which was most of the time of a 100,000-reception import."""
    columns = ", ".join(row)
    updates = ", ".join(f"{c} = excluded.{c}" for c in row if c != pk)
    db.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))}) "
        f"ON CONFLICT({pk}) DO UPDATE SET {updates}",
        list(row.values()),
    )


EXPORT_COLUMNS = [
    "session_id", "state", "started_at", "ended_at", "outcome", "method", "troubles", "staff_flags", "validity",
    "consent_medical", "consent_drugs", "consent_checkups", "consent_limit",
]
EXPORT_PERSONAL_COLUMNS = [
    "name", "name_kana", "birth_date", "sex", "address", "insurer_number", "insurer_name", "card_symbol",
    "card_number", "branch_number", "burden_percent", "limit_class",
]


def _flag(value: bool | None) -> str:
    return "" if value is None else str(int(value))


def _export_row(r: StoredReception) -> list[str]:
    c = r.consent
    return [
        r.session_id, r.state, r.started_at, r.ended_at or "", r.outcome or "", r.method.value if r.method else "",
        " ".join(t.value for t in r.troubles), " ".join(r.staff_flags),
        r.result.validity.name.lower() if r.result else "",
        _flag(c.medical if c else None), _flag(c.drugs if c else None), _flag(c.checkups if c else None),
        _flag(c.limit if c else None),
    ]


def _export_personal(r: StoredReception) -> list[str]:
    q = r.billing or (r.result.record if r.result else None) or QualificationRecord(insurer_number="")
    f = r.facts
    birth = f.birth_date if f else q.birth_date
    return [
        f.name if f else q.name, q.name_kana, birth.isoformat() if birth else "", f.sex.value if f else q.sex,
        f.address if f else q.address, q.insurer_number, q.insurer_name, q.card_symbol, q.card_number,
        q.branch_number, "" if q.burden_percent is None else str(q.burden_percent), q.limit_class,
    ]


def marker_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".marker")


_MARKER_TEXT = (
    "The kiosk's store lives in this folder. If {name} is ever missing or empty, the kiosk stops taking\n"
    "receptions instead of starting an empty store: restore it with `kiosk store restore`.\n"
    "Do not delete this file.\n"
)


def _write_marker(db_path: Path) -> None:
    """Written once the schema is committed (so a crash before that is no false alarm), then left."""
    marker = marker_path(db_path)
    if marker.exists():
        return
    fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(_MARKER_TEXT.format(name=db_path.name))
        handle.flush()
        os.fsync(handle.fileno())


def _evidence_of_a_store(db_path: Path, backups: Path) -> str:
    """What says this kiosk had a store at ``db_path`` ("" when nothing does)."""
    if marker_path(db_path).exists():
        return f"its marker {marker_path(db_path).name} is there"
    if backup.any_backup(backups):
        return f"there are backups of it in {backups}"
    return ""


def _missing(db_path: Path, what: str, evidence: str) -> str:
    return (
        f"the kiosk store {db_path} {what}, but this kiosk had one ({evidence}). Receptions are stopped so "
        f"that none goes into an empty store: {faults.RESTORE}, then start the kiosk again"
    )


def _quick_check(db: sqlite_utils.Database) -> tuple[str, ...]:
    """SQLite's quick check (the structure, not every index entry): empty when it passes."""
    try:
        rows = [row[0] for row in db.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        if not faults.is_corruption(exc):
            raise
        return (str(exc),)  # a page too damaged for the check itself; the schema may still be readable
    if rows == ["ok"]:
        return ()
    lines = [line for row in rows for line in str(row).splitlines() if line and not line.startswith("***")]
    return tuple(lines) or ("the quick check fails",)


def open_store(config: Config, clock: Callable[[], datetime] = _now, create: bool = True) -> Store:
    """The store the configuration names, with its key provider."""
    from kiosk.store.keys import provider_for

    keys = provider_for(config.key_provider, config.key_dir)
    return Store.open(config.database_path, keys, clock=clock, create=create, backup_dir=config.backups)
