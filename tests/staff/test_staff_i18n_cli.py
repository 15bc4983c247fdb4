"""English is complete and loads; the kiosk-side commands work on a real store."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from kiosk.core.alerts import alerts_of
from kiosk.core.domain import IdentityMethod, Trouble
from kiosk.core.states import State, staff_texts
from kiosk.core.values import ReceptionRecord
from kiosk.simulation.fakes import DEMO_FACTS, DEMO_RECORD
from kiosk.simulation.player import stand_in
from kiosk.ui.staff.app import install_language
from kiosk.ui.staff.texts import alert_words, state_text, tr

ROOT = Path(__file__).resolve().parents[2]


def _i18n_script():
    spec = importlib.util.spec_from_file_location("staff_i18n", ROOT / "scripts" / "staff_i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_console_string_has_english():
    script = _i18n_script()
    strings, english = script.extract(), script.existing()
    assert len(strings) > 250
    assert set(staff_texts()) <= set(strings)  # what each state, alert and call reason says to staff
    assert [s for s in strings if s not in english] == []


def test_english_translator_loads_and_translates(qapp):
    translator = install_language(qapp, "en")
    try:
        assert tr("本人と確認") == "Same person"
        assert state_text(State.PIN_LOCKED) == "PIN locked"
        [alert] = alerts_of(stand_in(State.QUAL_INVALID).flow.view())
        assert alert_words(alert).startswith("Qualification invalid")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert tr("本人と確認") == "本人と確認" and state_text("pin") == "暗証番号を入力中"


def run_cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60)


def test_secret_and_report_commands_on_the_kiosk(tmp_path):
    from kiosk.store.keys import FileKeyProvider
    from kiosk.store.store import Store

    env = dict(os.environ, PYTHONPATH=str(ROOT), KIOSK_DATA_DIR=str(tmp_path / "data"),
               KIOSK_KEY_DIR=str(tmp_path / "keys"), KIOSK_KEY_PROVIDER="file",
               KIOSK_CONFIG=str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")
    with Store.open(tmp_path / "data" / "kiosk.db", FileKeyProvider(tmp_path / "keys")) as store:
        start = datetime.now(UTC).astimezone() - timedelta(minutes=5)
        for i, (outcome, troubles) in enumerate((("completed_by_staff", (Trouble.T14, Trouble.T17)),
                                                 ("completed", (Trouble.T13,)))):
            store.reception_started(f"r{i}", start)
            store.save_reception(ReceptionRecord(f"r{i}", start, start + timedelta(minutes=1), outcome,
                                                 method=IdentityMethod.PIN, facts=DEMO_FACTS, billing=DEMO_RECORD,
                                                 troubles=troubles))
    first = run_cli("staff", "secret", env=env)
    assert first.returncode == 0, first.stderr
    secret = first.stdout.split()[2]
    assert run_cli("staff", "secret", env=env).stdout.split()[2] == secret
    rotated = run_cli("staff", "secret", "--rotate", env=env)
    assert rotated.stdout.split()[2] != secret
    out = tmp_path / "troubles.csv"
    report = run_cli("staff", "report", "--csv", str(out), env=env)
    assert report.returncode == 0, report.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    today = start.date().isoformat()
    assert f"{today},{today},2,T14,1,0,1,0,0" in lines
    assert f"{today},{today},2,T13,1,1,0,0,0" in lines
    assert DEMO_FACTS.name not in out.read_text(encoding="utf-8")
