"""``kiosk doctor`` on a real site in a temporary folder, each part broken in turn: a real store, real
backups, real terminal folders, real fontconfig and voices, a replay camera or a real OpenCV camera that is
not there, and a reader name that is not there (the virtual reader only in the one PC/SC test)."""
from __future__ import annotations

import ast
import json
import os
import string
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from kiosk.camera.replay import ReplaySource
from kiosk.commands.main import main
from kiosk.doctor import checks as doctor_checks
from kiosk.doctor.checks import CHECKS, JAPANESE_FONTS, Context
from kiosk.doctor.findings import Check, Finding, Level, exit_code, ok, run_checks
from kiosk.doctor.messages import LANGS, MESSAGES, render
from kiosk.doctor.report import json_report, text_report
from kiosk.store.store import marker_path, open_store
from tests.store.test_store_damage import _damage_a_leaf_page

ROOT = Path(__file__).resolve().parents[2]
DAY = 86400.0


def level(site, name: str) -> Level:
    return site.finding(name).level


# --- the reader ------------------------------------------------------------------------------------------


def test_a_reader_that_is_not_there_is_a_problem_that_says_what_to_do(site):
    finding = site.finding("reader")
    assert finding.level is Level.PROBLEM
    # pcscd running with other readers, running with none, or not running at all: each its own words.
    assert finding.found.key in ("reader.not_found", "reader.none", "reader.no_service")
    assert finding.what_to_do is not None and "業者に連絡" in render(finding.what_to_do, "ja")


@pytest.mark.pcsc
def test_a_healthy_site_with_the_virtual_reader_is_all_fine(site, pcscd, write_config):
    from kiosk.card.virtual.pcscd import VIRTUAL_READER

    results = site.with_setup(reader_name=VIRTUAL_READER).run()
    assert {n: r.finding.level for n, r in results.items() if r.finding.level > Level.UNKNOWN} == {}
    assert results["reader"].finding.found.key == "reader.ok"
    assert exit_code(list(results.values())) == 0

    # The command, as IT staff run it: the demo's virtual reader and replay camera, the same site.
    done = subprocess.run([sys.executable, "-m", "kiosk", "doctor", "--devices", "embedded", "--config",
                           str(write_config(site.config)), "--json"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdin=subprocess.DEVNULL)
    report = json.loads(done.stdout)
    assert done.returncode == 0, [c for c in report["checks"] if c["level"] in ("warn", "problem")]
    assert {c["name"] for c in report["checks"]} == {c.name for c in CHECKS}


# --- the camera ----------------------------------------------------------------------------------------


def camera_report(site) -> tuple[Finding, str]:
    """The camera's finding and its line of the Japanese report."""
    [result] = site.run("camera").values()
    return result.finding, text_report([result], "ja")


def test_the_demo_doctor_looks_at_the_demos_replay_camera(site):
    finding, report = camera_report(site.on("embedded"))
    assert (finding.level, finding.found.key) == (Level.OK, "camera.ok")
    # The demo's replay of public-domain photos, 640×480 as the kiosk's face camera shows them.
    assert finding.found.params == {"width": 640, "height": 480}
    assert "○ カメラ：映っています（640×480）。" in report and report.endswith("すべて正常です。")


def test_a_configured_camera_that_is_not_there_is_a_problem_that_says_what_to_do(site):
    # The clinic's camera as the kiosk opens it (OpenCV), at an index with no device behind it.
    finding, report = camera_report(site.with_config(camera_index=97).on("clinic"))
    assert (finding.level, finding.found.key) == (Level.PROBLEM, "camera.no_frame")
    assert finding.detail.startswith("camera_timeout: no frame from camera 97")
    assert "× カメラ：カメラから映像が来ません（4秒待ちました）。" in report
    assert "    → カメラのケーブルを抜いて、もう一度しっかり差してください。" in report


def test_a_camera_that_cannot_be_opened_is_a_problem_and_a_black_one_a_warning(site):
    assert site.with_setup(camera=lambda: ReplaySource([])).finding("camera").found.key == "camera.unavailable"
    black = np.zeros((480, 640, 3), dtype=np.uint8)
    finding = site.with_setup(camera=lambda: ReplaySource([black], fps=20)).finding("camera")
    assert (finding.level, finding.found.key) == (Level.WARN, "camera.dark")
    assert site.finding("camera").found.key == "camera.ok"


# --- the terminal's folders and answers ------------------------------------------------------------------


def test_a_missing_terminal_folder_is_a_problem(site):
    assert level(site, "terminal_folders") is Level.OK
    (site.config.terminal_root / "res").rmdir()
    finding = site.finding("terminal_folders")
    assert (finding.level, finding.found.key, finding.found.params["folders"]) == (
        Level.PROBLEM, "terminal.missing", "res")


def test_a_terminal_folder_that_takes_no_file_is_a_problem_and_the_probe_leaves_nothing(site):
    req = site.config.terminal_root / "req"
    req.rmdir()
    req.symlink_to("/proc/self")  # a folder nobody can write in, root included
    finding = site.finding("terminal_folders")
    assert (finding.level, finding.found.key, finding.found.params["folders"]) == (
        Level.PROBLEM, "terminal.read_only", "req")
    assert not list(site.config.terminal_root.rglob(".kiosk-doctor-*"))


def test_the_terminal_answers_come_from_the_store_and_the_res_folder(site, tmp_path):
    assert site.finding("terminal_answers").found.key == "answers.recent"
    later = site.with_setup(now=lambda: time.time() + 5 * DAY)
    finding = later.finding("terminal_answers")
    assert (finding.level, finding.found.key) == (Level.WARN, "answers.old")
    assert render(finding.found, "ja") == "5日のあいだ応答の記録がありません。"
    # A file the terminal wrote in res just now counts as an answer seen.
    answer = site.config.terminal_root / "res" / "OQSsiquc01res_20261202120000123456.xml"
    answer.write_bytes(b"<x/>")
    os.utime(answer, (time.time() + 5 * DAY, time.time() + 5 * DAY))
    assert later.finding("terminal_answers").found.key == "answers.recent"
    # No store, no file: honestly unknown, which is not a problem.
    fresh = site.with_config(data_dir=tmp_path / "elsewhere", terminal_root=tmp_path / "elsewhere" / "t")
    assert fresh.finding("terminal_answers").level is Level.UNKNOWN


# --- the store, its backups and its key ----------------------------------------------------------------


def test_a_store_that_is_gone_or_never_was_is_a_problem(site, tmp_path):
    assert level(site, "store") is Level.OK
    never = site.with_config(data_dir=tmp_path / "never", backup_dir=tmp_path / "never" / "backups")
    assert (never.finding("store").level, never.finding("store").found.key) == (Level.PROBLEM, "store.not_found")
    assert not (tmp_path / "never" / "kiosk.db").exists(), "the doctor makes no store"
    site.config.database_path.unlink()
    assert marker_path(site.config.database_path).exists()
    finding = site.finding("store")
    assert (finding.level, finding.found.key) == (Level.PROBLEM, "store.missing")
    assert "業者" in render(finding.what_to_do, "ja")


def test_a_damaged_store_is_a_problem(site, make_reception):
    with open_store(site.config) as store:
        now = datetime.now().astimezone()
        for i in range(40):
            store.save_reception(replace(make_reception(now - timedelta(minutes=i)), session_id=f"s{i}"))
    _damage_a_leaf_page(site.config.database_path)
    finding = site.finding("store")
    assert (finding.level, finding.found.key) == (Level.PROBLEM, "store.damaged")


def test_a_missing_or_unsafe_key_is_a_problem(site):
    key = site.config.key_dir / "store.key"
    assert level(site, "keys") is Level.OK
    key.chmod(0o644)
    assert site.finding("keys").found.key == "keys.unsafe"
    key.unlink()
    results = site.run("keys", "store")
    assert (results["keys"].finding.level, results["keys"].finding.found.key) == (Level.PROBLEM, "keys.missing")
    assert results["store"].finding.found.key == "store.key_missing"


def test_no_backup_or_an_old_one_is_a_warning(site):
    assert site.finding("backup").found.key == "backup.ok"
    old = site.with_setup(now=lambda: time.time() + 2 * DAY)
    finding = old.finding("backup")
    assert (finding.level, finding.found.key) == (Level.WARN, "backup.old")
    assert render(finding.found, "ja") == "最新のバックアップが2日前のものです（ふだんは6時間ごと）。"
    for made in site.config.backups.iterdir():
        made.unlink()
    assert (site.finding("backup").level, site.finding("backup").found.key) == (Level.WARN, "backup.none")


def test_backups_on_the_stores_own_disk_are_a_warning(site):
    assert site.finding("backup_disk").found.key == "backup_disk.ok"
    same = site.with_config(backup_dir=site.config.data_dir / "backups")
    finding = same.finding("backup_disk")
    assert (finding.level, finding.found.key) == (Level.WARN, "backup_disk.same")
    assert "両方なくなります" in render(finding.found, "ja")


def test_a_nearly_full_disk_is_a_problem_and_a_low_one_a_warning(site):
    assert level(site, "disk") is Level.OK
    full = site.with_setup(free_space=lambda path: (50 * 1024**2, 100 * 1024**3))
    assert (full.finding("disk").level, full.finding("disk").found.key) == (Level.PROBLEM, "disk.full")
    low = site.with_setup(free_space=lambda path: (600 * 1024**2, 100 * 1024**3))
    assert (low.finding("disk").level, low.finding("disk").found.params["free_mb"]) == (Level.WARN, 600)


# --- fonts, voices, clock ------------------------------------------------------------------------------


def test_fonts_voices_and_the_clock_on_this_machine(site):
    results = site.run("fonts", "voice_ja", "voice_other", "clock")
    assert results["fonts"].finding.found.key == "fonts.ok"  # fonts-noto-cjk is installed by ./run
    assert results["voice_ja"].finding.found.key == "voice.ja_ok"
    assert results["voice_other"].finding.found.key == "voice.espeak_ok"
    # The terminal folders are on this machine: their file times are its own clock, so the skew is unknown.
    assert (results["clock"].finding.level, results["clock"].finding.found.key) == (Level.UNKNOWN, "clock.unknown")
    wanting = site.with_setup(font_families=("A Font Nobody Has",))
    assert wanting.finding("fonts").found.key == "fonts.other"
    silent = site.with_config(voice_engine="none")
    assert silent.finding("voice_ja").level is Level.UNKNOWN


def test_the_clock_is_compared_with_a_file_servers_time(site, monkeypatch):
    """On a share the file's time is the server's: a PC clock 15 minutes slow is a problem."""
    monkeypatch.setattr(doctor_checks, "_on_a_file_server", lambda path: True)
    assert site.finding("clock").found.key == "clock.ok"
    slow = site.with_setup(now=lambda: time.time() - 900)
    finding = slow.finding("clock")
    assert (finding.level, finding.found.key, render(finding.found, "ja")) == (
        Level.PROBLEM, "clock.off", "資格確認端末側の時計と15分ずれています。")
    assert not list(site.config.terminal_root.rglob(".kiosk-doctor-*"))


def test_the_font_list_is_the_kiosks_own():
    from kiosk.ui.theme import FONT_FAMILIES

    assert JAPANESE_FONTS == tuple(f for f in FONT_FAMILIES if f != "sans-serif")


# --- running, the report, the exit code ----------------------------------------------------------------


def test_a_check_that_hangs_is_given_up_on_and_reported(site):
    never = threading.Event()
    hanging = Check("camera", lambda context: never.wait() and ok("camera.ok"), 0.2, "camera.todo.plug")
    [result] = run_checks([hanging], Context(site.setup))
    assert (result.finding.level, result.finding.found.key) == (Level.PROBLEM, "hung")
    assert render(result.finding.what_to_do, "ja").startswith("カメラのケーブル")
    never.set()


def test_the_report_and_the_exit_code(site):
    healthy = [r for r in site.run().values() if r.check.name != "reader"]
    assert exit_code(healthy) == 0
    text = text_report(healthy, "ja")
    assert text.endswith("すべて正常です。") and "○ 受付の記録：開けます。壊れていません。" in text

    warned = [r for r in site.with_config(backup_dir=site.config.data_dir / "b").run().values()
              if r.check.name != "reader"]
    assert exit_code(warned) == 1
    text = text_report(warned, "ja")
    assert "△ バックアップの置き場所" in text and "    → 業者に連絡して" in text

    broken = list(site.run().values())  # the reader is not there
    assert exit_code(broken) == 2
    report = json_report(broken, "en")
    assert report["exit_code"] == 2
    reader = next(c for c in report["checks"] if c["name"] == "reader")
    assert reader["level"] == "problem" and reader["mark"] == "×" and reader["what_to_do"]["text"]
    assert "× card reader:" in text_report(broken, "en")


def test_the_command_reports_in_japanese_and_exits_2_on_a_problem(site, write_config, capsys):
    code = main(["doctor", "--config", str(write_config(site.config))])
    out = capsys.readouterr().out
    assert code == 2
    assert out.startswith("キオスクの点検") and "× カードリーダー" in out and "○ 受付の記録" in out
    assert main(["doctor", "--config", str(site.config.data_dir / "none.toml"), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"] == "config_error"
    assert main(["doctor", "--config", str(site.config.data_dir / "none.toml")]) == 2
    assert capsys.readouterr().out.startswith("× 設定：")


# --- the words ---------------------------------------------------------------------------------------------


def _keys_used() -> set[str]:
    """Every message key checks.py names: the first argument of ok/warn/problem/unknown, their what-to-do
    argument, and each Check's ``hung``."""
    tree = ast.parse(Path(doctor_checks.__file__).read_text(encoding="utf-8"))
    keys = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "." in node.value \
                and node.value.split(".")[0] in {k.split(".")[0] for k in MESSAGES} and " " not in node.value:
            keys.add(node.value)
    return keys


def test_every_message_is_there_in_both_languages():
    used = _keys_used()
    assert len(used) > 60
    assert used - set(MESSAGES) == set()
    assert {f"title.{c.name}" for c in CHECKS} <= set(MESSAGES)
    formatter = string.Formatter()
    for key, words in MESSAGES.items():
        assert set(words) == set(LANGS) and all(words.values()), key
        ja, en = ({f for _, f, _, _ in formatter.parse(words[lang]) if f} for lang in LANGS)
        assert ja <= en, key  # the English for IT staff says at least what the clerk's Japanese says


def test_a_key_sealed_by_another_windows_account_says_so(site, monkeypatch):
    from kiosk.doctor import checks
    from kiosk.store.errors import KeyNotForThisAccount

    class OtherAccounts:
        description = "DPAPI key file"

        def load(self):
            raise KeyNotForThisAccount("CryptUnprotectData: NTE_BAD_KEY_STATE")

    monkeypatch.setattr(checks, "provider_for", lambda kind, folder: OtherAccounts())
    finding = site.finding("keys")
    assert (finding.level, finding.found.key) == (Level.PROBLEM, "keys.other_account")
    assert "アカウント" in render(finding.found, "ja")
