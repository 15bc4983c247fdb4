"""Fixtures for the store tests: a store in a temporary directory with a file key and a settable clock.

The clock, the store opener and the builders of a patient's card and reception serve the hub tests' kiosk
stores too (tests/hub/conftest.py imports them)."""
from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.core.domain import CardFacts, CertificateInfo, Consent, IdentityMethod, Sex, Trouble
from kiosk.core.qualification import QualificationRecord, QualificationResult, Validity
from kiosk.core.values import ReceptionRecord
from kiosk.store.keys import FileKeyProvider
from kiosk.store.store import Store

JST = timezone(timedelta(hours=9))
PATIENT_NAME = "渡邊花子"  # a name that must never appear in the database file as plain text
PATIENT_KANA = "ワタナベハナコ"


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
def key_dir(tmp_path: Path) -> Path:
    return tmp_path / "keys"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "kiosk.db"


@pytest.fixture
def store_opener(clock: Clock) -> Iterator[Callable[..., Store]]:
    """``store_opener(db, keys, **options)``: ``Store.open`` on the test's clock with a key file in ``keys``;
    every store it opened is closed after the test."""
    opened: list[Store] = []

    def _open(db: Path, keys: Path, **kwargs) -> Store:
        store = Store.open(db, FileKeyProvider(keys), clock=clock, **kwargs)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        try:
            store.close()
        except Exception:
            pass  # closed by the test already, or broken on purpose


@pytest.fixture
def open_store(store_opener, db_path: Path, key_dir: Path) -> Callable[..., Store]:
    return lambda **kwargs: store_opener(db_path, key_dir, **kwargs)


@pytest.fixture
def store(open_store) -> Store:
    return open_store()


def make_facts(name: str = PATIENT_NAME, birth: date = date(1950, 4, 2)) -> CardFacts:
    return CardFacts(name=name, address="東京都千代田区霞が関1-2-2", birth_date=birth, sex=Sex.FEMALE)


def make_certificate(serial: str = "JPKI-AUTH-0001") -> CertificateInfo:
    return CertificateInfo(
        der=b"\x30\x82" + serial.encode(), not_after=datetime(2029, 3, 31, tzinfo=JST), subject_serial=serial
    )


def make_record(**changes) -> QualificationRecord:
    values = dict(
        insurer_number="06130012",
        insurer_name="けんぽ東京",
        card_symbol="1234",
        card_number="5678",
        branch_number="01",
        name=PATIENT_NAME,
        name_kana=PATIENT_KANA,
        sex="2",
        birth_date=date(1950, 4, 2),
        address="東京都千代田区霞が関1-2-2",
        burden_percent=20,
        limit_class="A03",
    )
    values.update(changes)
    return QualificationRecord(**values)


def make_reception(
    session_id: str = "s1",
    started: datetime = datetime(2025, 7, 10, 9, 0, tzinfo=JST),
    result: QualificationResult | None = None,
    facts: CardFacts | None = None,
    certificate: CertificateInfo | None = None,
    outcome: str = "done",
) -> ReceptionRecord:
    result = result if result is not None else QualificationResult(Validity.VALID, (make_record(),))
    return ReceptionRecord(
        session_id=session_id,
        started_at=started,
        ended_at=started + timedelta(minutes=1),
        outcome=outcome,
        method=IdentityMethod.FACE,
        facts=facts or make_facts(),
        certificate=certificate or make_certificate(),
        result=result,
        consent=Consent(medical=True, drugs=True, checkups=False, limit=None),
        troubles=(Trouble.T7,),
        staff_flags=("burden_changed",),
        billing=result.record,
        notes=("外字: 邊",),
    )


@pytest.fixture
def make():
    """The builders above, for test modules (importlib mode cannot import conftest by name)."""
    import types

    return types.SimpleNamespace(
        facts=make_facts,
        certificate=make_certificate,
        record=make_record,
        reception=make_reception,
        name=PATIENT_NAME,
        kana=PATIENT_KANA,
        jst=JST,
    )


@pytest.fixture
def store_command(tmp_path: Path, monkeypatch) -> Callable[[str], Callable[..., int]]:
    """``store_command(toml)`` → ``run(*argv)``: ``kiosk store <argv>`` with a config file holding ``toml``
    and no terminal to answer a password prompt."""
    from kiosk.commands import store as cli

    def configure(toml: str) -> Callable[..., int]:
        cfg_path = tmp_path / "kiosk.toml"
        cfg_path.write_text(toml, encoding="utf-8")
        monkeypatch.setenv("KIOSK_CONFIG", str(cfg_path))
        parser = argparse.ArgumentParser(prog="kiosk")
        cli.register(parser.add_subparsers(dest="command", required=True))

        def run(*argv: str) -> int:
            monkeypatch.setattr(sys, "stdin", io.StringIO(""))
            args = parser.parse_args(["store", *argv])
            return args.func(args)

        return run

    return configure
