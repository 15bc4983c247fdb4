"""A healthy kiosk site in a temporary folder: a real store with a confirmed reception and a backup on
another file system, the terminal's folders, a replay camera; and pcscd with the virtual reader for the one
test that needs a reader that is there."""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from kiosk.camera.replay import ReplaySource
from kiosk.config import Config
from kiosk.core.domain import CardFacts, CertificateInfo, Consent, IdentityMethod, Sex
from kiosk.core.qualification import QualificationRecord, QualificationResult, Validity
from kiosk.core.values import ReceptionRecord
from kiosk.doctor.checks import CHECKS, Context, Setup
from kiosk.doctor.findings import Result, run_checks
from kiosk.doctor.setups import setup_for
from kiosk.store.store import open_store

ABSENT_READER = "Doctor Test Reader That Is Not There"


def bright_camera() -> ReplaySource:
    """A camera that sees a lit, textured scene (no face: nothing of a person is needed here)."""
    rng = np.random.default_rng(3)
    return ReplaySource([rng.integers(60, 200, (480, 640, 3), dtype=np.uint8)], fps=20)


def reception(now: datetime) -> ReceptionRecord:
    """A reception the terminal answered as valid: the store records its patient as confirmed."""
    record = QualificationRecord(insurer_number="06130012", insurer_name="けんぽ東京", card_symbol="1234",
                                 card_number="5678", branch_number="01", name="試験花子", name_kana="シケンハナコ",
                                 sex="2", birth_date=date(1950, 4, 2), address="東京都千代田区霞が関1-2-2",
                                 burden_percent=20)
    result = QualificationResult(Validity.VALID, (record,))
    return ReceptionRecord(
        session_id="doctor-1", started_at=now - timedelta(minutes=1), ended_at=now, outcome="completed",
        method=IdentityMethod.FACE,
        facts=CardFacts(name="試験花子", address="東京都千代田区霞が関1-2-2", birth_date=date(1950, 4, 2),
                        sex=Sex.FEMALE),
        certificate=CertificateInfo(der=b"\x30\x82doctor", not_after=now + timedelta(days=900),
                                    subject_serial="JPKI-DOCTOR-1"),
        result=result, consent=Consent(medical=True, drugs=True, checkups=False, limit=None), billing=record,
    )


@pytest.fixture
def make_reception() -> Callable[[datetime], ReceptionRecord]:
    return reception


@dataclass
class Site:
    config: Config
    setup: Setup

    def with_setup(self, **changes) -> Site:
        return Site(self.config, replace(self.setup, **changes))

    def with_config(self, **changes) -> Site:
        config = replace(self.config, **changes)
        return Site(config, replace(self.setup, config=config))

    def on(self, devices: str) -> Site:
        """This site with what ``kiosk doctor --devices <devices>`` looks at: the reader and camera its
        configuration names (``clinic``), or the demo's (``embedded``)."""
        return Site(self.config, setup_for(self.config, devices))

    def run(self, *names: str) -> dict[str, Result]:
        """The named checks (all when none is named), by name."""
        checks = [c for c in CHECKS if not names or c.name in names]
        return {r.check.name: r for r in run_checks(checks, Context(self.setup))}

    def finding(self, name: str):
        return self.run(name)[name].finding


@pytest.fixture
def other_disk(tmp_path: Path):
    """A folder on another file system than tmp_path (the backups' other disk), or a skip."""
    for base in ("/dev/shm", "/run/user", "/run"):
        try:
            if Path(base).is_dir() and Path(base).stat().st_dev != tmp_path.stat().st_dev:
                folder = Path(tempfile.mkdtemp(prefix="kiosk-doctor-", dir=base))
                break
        except OSError:
            continue
    else:
        pytest.skip("no second file system to put the backups on")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def site(tmp_path: Path, other_disk: Path) -> Site:
    """Everything fine but the reader, which is named absent (the virtual one is for one test only)."""
    config = Config(data_dir=tmp_path / "data", key_dir=tmp_path / "keys", terminal_root=tmp_path / "terminal",
                    key_provider="file", backup_dir=other_disk / "backups")
    for folder in ("req", "res", "face"):
        (config.terminal_root / folder).mkdir(parents=True)
    with open_store(config) as store:
        store.save_reception(reception(datetime.now().astimezone()))
        store.backup(config.backups, config.backup_keep)
    return Site(config, Setup(config, ABSENT_READER, bright_camera))


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[[Config], Path]:
    def write(config: Config) -> Path:
        path = tmp_path / "kiosk.toml"
        lines = [f'{key} = "{getattr(config, key)}"' for key in ("data_dir", "key_dir", "terminal_root",
                                                                  "key_provider", "backup_dir")]
        lines.append(f'reader_name = "{ABSENT_READER}"')
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="module")
def pcscd(tmp_path_factory):
    """pcscd of this module's own with the virtual reader (waits for whoever holds it: the soak, a test run)."""
    from kiosk.card.virtual.pcscd import PcscDaemon, available

    why = available()
    if why:
        pytest.skip(why)
    daemon = PcscDaemon(Path(tmp_path_factory.mktemp("pcscd")) / "pcscd.log").start()
    yield daemon
    daemon.stop()
