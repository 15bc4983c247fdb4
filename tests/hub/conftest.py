"""Fixtures for the hub tests: a real, throwaway PostgreSQL cluster and kiosk stores sharing a clinic key.

The cluster is a throwaway one (scripts/bench/pg_cluster.py, shared with the hub benchmark): Debian's
PostgreSQL (``initdb`` and ``pg_ctl`` from /usr/lib/postgresql/<version>/bin, the newest present) in a
temporary folder, listening only on a Unix socket in that folder (``listen_addresses=''``), fsync off.
initdb refuses to run as root, and the suite runs as root here and in CI: then the server runs as the
``postgres`` user the package creates, owning the folder. One cluster per test session; each test gets a
database of its own. It is stopped at the end of the session whatever happened (``pg_ctl stop -m
immediate``), and a test that stops it (the hub-down tests) has it started again for the next one.
"""
from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.core.domain import CardFacts, CertificateInfo, Consent, IdentityMethod, Sex
from kiosk.core.qualification import QualificationRecord, QualificationResult, Validity
from kiosk.core.values import ReceptionRecord
from kiosk.store.keys import FileKeyProvider
from kiosk.store.store import Store
from scripts.bench.pg_cluster import PgCluster, bin_dir, server_user_prefix, unavailable

JST = timezone(timedelta(hours=9))
PATIENT_NAME = "渡邊花子"  # must never reach the hub as plain text
PATIENT_KANA = "ワタナベハナコ"
BIRTH = date(1950, 4, 2)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    reason = unavailable()
    if reason is not None:
        pytest.skip(reason)
    found, prefix = bin_dir(), server_user_prefix()
    assert found is not None and prefix is not None  # unavailable() said so
    cluster = PgCluster(found, prefix)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


_numbers = itertools.count(1)


@pytest.fixture
def hub_dsn(pg_cluster: PgCluster) -> str:
    """A fresh, empty database on the running cluster (started again if a test stopped it)."""
    import psycopg

    if not pg_cluster.running:
        pg_cluster.start()
    name = f"hub_{os.getpid()}_{next(_numbers)}"
    with psycopg.connect(pg_cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_cluster.dsn(name)


def hub_rows(dsn: str, sql: str, params: tuple = ()) -> list[tuple]:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        return conn.execute(sql, params).fetchall()


# --- kiosk stores sharing one clinic key -------------------------------------------------------------


@dataclass
class Clock:
    now: datetime = field(default_factory=lambda: datetime(2025, 7, 10, 9, 0, tzinfo=JST))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def clinic_key_dir(tmp_path: Path) -> Path:
    """The clinic's key folder: every kiosk store in a test opens with the key made here first."""
    return tmp_path / "clinic-keys"


@pytest.fixture
def open_kiosk(tmp_path: Path, clinic_key_dir: Path, clock: Clock) -> Iterator[Callable[[str], Store]]:
    opened: list[Store] = []

    def _open(name: str) -> Store:
        store = Store.open(tmp_path / name / "kiosk.db", FileKeyProvider(clinic_key_dir), clock=clock)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        try:
            store.close()
        except Exception:
            pass


def certificate(serial: str = "JPKI-AUTH-0001") -> CertificateInfo:
    return CertificateInfo(
        der=b"\x30\x82" + serial.encode(), not_after=datetime(2029, 3, 31, tzinfo=JST), subject_serial=serial
    )


def facts(name: str = PATIENT_NAME, birth: date = BIRTH) -> CardFacts:
    return CardFacts(name=name, address="東京都千代田区霞が関1-2-2", birth_date=birth, sex=Sex.FEMALE)


def record(**changes) -> QualificationRecord:
    values = dict(
        insurer_number="06130012", insurer_name="けんぽ東京", card_symbol="1234", card_number="5678",
        branch_number="01", name=PATIENT_NAME, name_kana=PATIENT_KANA, sex="2", birth_date=BIRTH,
        address="東京都千代田区霞が関1-2-2", burden_percent=20, limit_class="A03",
    )
    values.update(changes)
    return QualificationRecord(**values)


def reception(session_id: str, started: datetime = datetime(2025, 7, 10, 9, 0, tzinfo=JST),
              confirmed: QualificationRecord | None = None, serial: str = "JPKI-AUTH-0001") -> ReceptionRecord:
    result = QualificationResult(Validity.VALID, (confirmed or record(),))
    return ReceptionRecord(
        session_id=session_id, started_at=started, ended_at=started + timedelta(minutes=1), outcome="done",
        method=IdentityMethod.FACE, facts=facts(), certificate=certificate(serial), result=result,
        consent=Consent(medical=True, drugs=True, checkups=False, limit=None), billing=confirmed or record(),
    )
