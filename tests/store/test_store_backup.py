"""Encrypted backups: what the file holds, rotation, the schedule and the closing backup, the commands, the
config keys; and restoring the newest backup that opens."""
from __future__ import annotations

import os
import stat
import time
from datetime import datetime, timedelta

import pytest

from kiosk import config
from kiosk.config import ConfigError
from kiosk.core.tasks import EventQueue, StoreLane, TaskManager
from kiosk.store.backup import FORMAT_VERSION, MAGIC, BackupSchedule, backups, restore
from kiosk.store.errors import BackupUnreadable, NoBackup, StoreDamaged
from kiosk.store.keys import FileKeyProvider
from kiosk.store.store import Store


def _day(store: Store) -> list[str]:
    return [r.session_id for r in store.receptions_on(datetime(2025, 7, 10).date())]


def test_a_backup_is_sealed_whole_and_private(store, tmp_path, make):
    store.save_reception(make.reception("s1"))
    made = store.backup(tmp_path / "backups", keep=14)
    data = made.read_bytes()
    assert data.startswith(MAGIC + bytes([FORMAT_VERSION]))
    assert make.name.encode("utf-8") not in data and make.kana.encode("utf-8") not in data
    assert b"SQLite format 3" not in data and b"receptions" not in data  # not even the schema is readable
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    assert not [p for p in made.parent.iterdir() if p.name.endswith(".tmp")]
    assert not [p for p in store.path.parent.iterdir() if ".snapshot-" in p.name]  # the plain copy is gone
    actions = [a for (a,) in store._db.execute("SELECT action FROM audit")]
    assert actions[-1] == "store_backed_up"


def test_only_the_newest_backups_are_kept(store, tmp_path, make):
    folder = tmp_path / "backups"
    made = [store.backup(folder, keep=2) for _ in range(4)]
    assert backups(folder) == [made[3], made[2]]


def test_a_damaged_store_makes_no_backup_and_keeps_the_old_ones(store, tmp_path):
    folder = tmp_path / "backups"
    good = store.backup(folder, keep=1)
    store.damage = ("page 9 is damaged",)
    with pytest.raises(StoreDamaged):
        store.backup(folder, keep=1)
    assert backups(folder) == [good]


def test_restore_takes_the_newest_backup_that_opens(open_store, db_path, key_dir, make, tmp_path):
    folder = tmp_path / "data" / "backups"
    store = open_store()
    store.save_reception(make.reception("s1"))
    older = store.backup(folder, keep=14)
    store.save_reception(make.reception("s2", started=make.reception().started_at + timedelta(minutes=5)))
    newest = store.backup(folder, keep=14)
    store.close()

    done = restore(db_path, FileKeyProvider(key_dir), folder, "it:test")
    assert done.source == newest and done.rejected == ()
    with open_store() as store:
        assert _day(store) == ["s1", "s2"]

    with open(newest, "r+b") as handle:  # one flipped byte: the newest no longer opens
        handle.seek(100)
        byte = handle.read(1)
        handle.seek(100)
        handle.write(bytes([byte[0] ^ 1]))
    done = restore(db_path, FileKeyProvider(key_dir), folder, "it:test")
    assert done.source == older and len(done.rejected) == 1 and "does not open" in done.rejected[0]
    with open_store() as store:
        assert _day(store) == ["s1"] and store.check() == []
        restored = [d for (a, d) in store._db.execute("SELECT action, detail FROM audit") if a == "store_restored"]
        assert restored[-1].startswith(f"from={older.name} aside=kiosk.db.damaged-")


def test_a_backup_cut_short_or_sealed_with_another_key_does_not_restore(store, db_path, tmp_path, make):
    folder = tmp_path / "backups"
    made = store.backup(folder, keep=3)
    store.close()
    cut = tmp_path / "cut.kbak"
    cut.write_bytes(made.read_bytes()[:-20])
    with pytest.raises(BackupUnreadable, match="cut short"):
        restore(db_path, FileKeyProvider(tmp_path / "keys"), folder, "it:test", source=cut)
    other_keys = FileKeyProvider(tmp_path / "other-keys")
    other_keys.create()
    with pytest.raises(BackupUnreadable, match="another key"):
        restore(db_path, other_keys, folder, "it:test", source=made)
    not_one = tmp_path / "notes.txt"
    not_one.write_text("hello")
    with pytest.raises(BackupUnreadable, match="not a kiosk backup"):
        restore(db_path, FileKeyProvider(tmp_path / "keys"), folder, "it:test", source=not_one)
    with pytest.raises(NoBackup):
        restore(db_path, FileKeyProvider(tmp_path / "keys"), tmp_path / "empty", "it:test")


def test_a_backup_larger_than_one_chunk_round_trips(open_store, db_path, key_dir, make, tmp_path):
    store = open_store()
    base = make.reception().started_at
    store.save_receptions(make.reception(f"r{i:04}", started=base + timedelta(seconds=i)) for i in range(800))
    size = db_path.stat().st_size + db_path.with_name("kiosk.db-wal").stat().st_size
    assert size > 1 << 20  # more than one 1 MiB chunk
    store.backup(tmp_path / "data" / "backups", keep=3)
    store.close()
    db_path.unlink()
    restore(db_path, FileKeyProvider(key_dir), tmp_path / "data" / "backups", "it:test")
    with open_store() as store:
        assert len(_day(store)) == 800 and store.check() == []


# --- the schedule ----------------------------------------------------------------------------------------


def _wait_for(condition, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_the_schedule_backs_up_at_once_when_there_is_none_and_once_more_at_close(
    db_path, key_dir, clock, make, tmp_path
):
    folder = tmp_path / "backups"
    lane = StoreLane(Store.open(db_path, FileKeyProvider(key_dir), clock=clock))
    tasks = TaskManager(EventQueue().post)
    schedule = BackupSchedule(lane, folder, keep=14, interval=3600)
    try:
        schedule.start(tasks)
        _wait_for(lambda: len(backups(folder)) == 1)
        lane.reception_started("queued", make.reception().started_at)  # queued, not yet written
        schedule.close()
    finally:
        tasks.close()
        lane.close()
    newest = backups(folder)
    assert len(newest) == 2
    os.replace(db_path, tmp_path / "moved.db")  # what the closing backup holds
    restore(db_path, FileKeyProvider(key_dir), folder, "it:test", source=newest[0])
    with Store.open(db_path, FileKeyProvider(key_dir), clock=clock) as store:
        assert [r.session_id for r in store.interrupted_receptions()] == ["queued"]


def test_the_first_scheduled_backup_waits_for_the_interval_after_a_recent_one(db_path, key_dir, clock, tmp_path):
    folder = tmp_path / "backups"
    lane = StoreLane(Store.open(db_path, FileKeyProvider(key_dir), clock=clock))
    try:
        schedule = BackupSchedule(lane, folder, keep=14, interval=3600)
        assert schedule.due_in() == 0
        lane.store.backup(folder, keep=14)
        assert 3500 < schedule.due_in() <= 3600  # a kiosk restarted often still backs up every interval
    finally:
        lane.close()


def test_a_failing_backup_is_logged_and_the_kiosk_carries_on(db_path, key_dir, clock, tmp_path, caplog):
    blocker = tmp_path / "backups"
    blocker.write_text("a file where the backup folder should be")
    lane = StoreLane(Store.open(db_path, FileKeyProvider(key_dir), clock=clock))
    try:
        assert BackupSchedule(lane, blocker, keep=3, interval=3600).backup_now() is None
    finally:
        lane.close()
    assert "store_path_invalid" in caplog.text


# --- the commands and the config ---------------------------------------------------------------------------


@pytest.fixture
def run(store_command, tmp_path):
    return store_command(
        f'data_dir = "{tmp_path / "data"}"\nkey_dir = "{tmp_path / "keys"}"\nkey_provider = "file"\n'
        f'backup_dir = "{tmp_path / "elsewhere"}"\nbackup_keep = 2\n'
    )


def test_backup_and_restore_commands(run, tmp_path, make, capsys):
    from kiosk.store.store import open_store

    with open_store(config.load()) as store:
        store.save_reception(make.reception("s1"))
    for _ in range(3):
        assert run("backup") == 0
    assert "backed up" in capsys.readouterr().out
    assert len(backups(tmp_path / "elsewhere")) == 2  # backup_keep
    (tmp_path / "data" / "kiosk.db").write_bytes(b"")
    assert run("check") == 2
    assert "store_missing" in capsys.readouterr().err
    assert run("restore") == 0
    out = capsys.readouterr().out
    assert "restored" in out and "kiosk.db.damaged-" in out
    assert run("check") == 0
    assert run("restore", "--from", str(tmp_path / "nothing.kbak")) == 2
    assert "store_backup_unreadable" in capsys.readouterr().err


def test_backup_config_keys(tmp_path):
    cfg = config.load(env={"KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(tmp_path / "d")})
    assert (cfg.backups, cfg.backup_interval_hours, cfg.backup_keep) == (tmp_path / "d" / "backups", 6.0, 14)
    cfg = config.load(env={"KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(tmp_path / "d"),
                           "KIOSK_BACKUP_DIR": str(tmp_path / "usb"), "KIOSK_BACKUP_INTERVAL_HOURS": "1.5",
                           "KIOSK_BACKUP_KEEP": "30"})
    assert (cfg.backups, cfg.backup_interval_hours, cfg.backup_keep) == (tmp_path / "usb", 1.5, 30)
    for text in ("backup_keep = 0", "backup_interval_hours = 0", 'backup_interval_hours = "often"'):
        path = tmp_path / "kiosk.toml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError):
            config.load(path, env={})
