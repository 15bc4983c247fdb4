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
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import tests.store.conftest as store_fixtures
from kiosk.core.domain import Consent, IdentityMethod
from kiosk.core.qualification import QualificationRecord, QualificationResult, Validity
from kiosk.core.values import ReceptionRecord
from kiosk.store.store import Store
from scripts.bench.pg_cluster import PgCluster, bin_dir, server_user_prefix, unavailable
from tests.store.conftest import JST, make_certificate, make_facts, make_record

# The kiosks' patient is the store tests' (tests/store/conftest.py): their name, kana and birth date must never
# reach the hub as plain text.
BIRTH = make_facts().birth_date
WAIT = 60.0  # how long a background step may take on a busy machine; no test measures time


def wait_for(condition: Callable[[], object], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


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


# One settable clock for every store of a test, and the stores opened on it closed after the test.
clock = store_fixtures.clock
store_opener = store_fixtures.store_opener


@pytest.fixture
def clinic_key_dir(tmp_path: Path) -> Path:
    """The clinic's key folder: every kiosk store in a test opens with the key made here first."""
    return tmp_path / "clinic-keys"


@pytest.fixture
def open_kiosk(store_opener, tmp_path: Path, clinic_key_dir: Path) -> Callable[[str], Store]:
    """``open_kiosk(name)``: the store of kiosk ``name``, opened with the clinic key."""
    return lambda name: store_opener(tmp_path / name / "kiosk.db", clinic_key_dir)


def reception(session_id: str, started: datetime = datetime(2025, 7, 10, 9, 0, tzinfo=JST),
              confirmed: QualificationRecord | None = None, serial: str = "JPKI-AUTH-0001") -> ReceptionRecord:
    result = QualificationResult(Validity.VALID, (confirmed or make_record(),))
    return ReceptionRecord(
        session_id=session_id, started_at=started, ended_at=started + timedelta(minutes=1), outcome="done",
        method=IdentityMethod.FACE, facts=make_facts(), certificate=make_certificate(serial), result=result,
        consent=Consent(medical=True, drugs=True, checkups=False, limit=None), billing=confirmed or make_record(),
    )
