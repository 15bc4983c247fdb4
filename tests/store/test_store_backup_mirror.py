"""A copy of every backup on another disk: the mirror, restoring from it when the backup folder's disk
died with the store, a mirror that cannot be written, and what staff are told about where the copies are."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from kiosk.core.tasks import EventQueue, StoreLane, TaskManager
from kiosk.store.backup import FAILED, SAME_DISK, BackupSchedule, backups, placement_problem, restore
from kiosk.store.errors import BackupMirrorFailed, NoBackup
from kiosk.store.keys import FileKeyProvider
from kiosk.store.store import Store

OTHER_FILE_SYSTEM = Path("/dev/shm")  # tmpfs: another st_dev than the tests' temporary folders


def _other_disk(tmp_path: Path) -> Path:
    if not OTHER_FILE_SYSTEM.is_dir() or os.stat(OTHER_FILE_SYSTEM).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("no second file system to stand for another disk")
    folder = OTHER_FILE_SYSTEM / f"kiosk-mirror-test-{os.getpid()}-{time.monotonic_ns()}"
    return folder


def _actions(store: Store) -> list[tuple[str, str]]:
    return [(a, d) for (a, d) in store._db.execute("SELECT action, detail FROM audit")]


def test_every_backup_is_copied_to_the_mirror_and_rotated_there(store, tmp_path, make):
    folder, mirror = tmp_path / "backups", tmp_path / "usb" / "kiosk"
    store.save_reception(make.reception("s1"))
    made = [store.backup(folder, keep=2, mirror=mirror) for _ in range(3)]
    assert [p.name for p in backups(mirror)] == [made[2].name, made[1].name]
    assert (mirror / made[2].name).read_bytes() == made[2].read_bytes()  # the sealed file, nothing more
    assert not [p for p in mirror.iterdir() if p.name.endswith(".tmp")]
    assert _actions(store)[-1] == ("store_backed_up", f"file={made[2].name} mirror=ok")


def test_when_the_disk_dies_with_store_and_backups_the_mirror_restores_it(open_store, db_path, key_dir, make,
                                                                           tmp_path):
    folder, mirror = db_path.parent / "backups", tmp_path / "usb"
    store = open_store()
    store.save_reception(make.reception("s1"))
    store.backup(folder, keep=14, mirror=mirror)
    store.close()
    for path in [*folder.iterdir(), *db_path.parent.iterdir()]:  # the data disk is gone: store and backups
        if path.is_file():
            path.unlink()
    folder.rmdir()
    with pytest.raises(NoBackup):
        restore(db_path, FileKeyProvider(key_dir), folder, "it:test")  # without the mirror there is nothing
    done = restore(db_path, FileKeyProvider(key_dir), folder, "it:test", mirror_folder=mirror)
    assert done.source.parent == mirror
    with Store.open(db_path, FileKeyProvider(key_dir), backup_dir=folder) as back:
        assert [r.session_id for r in back.receptions_on(make.reception().started_at.date())] == ["s1"]


def test_a_damaged_newest_backup_is_passed_over_for_its_copy_in_the_mirror(open_store, db_path, key_dir, make,
                                                                            tmp_path):
    folder, mirror = tmp_path / "backups", tmp_path / "usb"
    store = open_store()
    store.save_reception(make.reception("s1"))
    made = store.backup(folder, keep=14, mirror=mirror)
    store.close()
    data = bytearray(made.read_bytes())
    data[len(data) // 2] ^= 0xFF
    made.write_bytes(bytes(data))
    os.replace(db_path, tmp_path / "moved.db")
    done = restore(db_path, FileKeyProvider(key_dir), folder, "it:test", mirror_folder=mirror)
    assert done.source == mirror / made.name and len(done.rejected) == 1


def test_a_mirror_that_cannot_be_written_is_named_the_backup_is_made_and_both_are_audited(store, tmp_path):
    folder, blocker = tmp_path / "backups", tmp_path / "usb"
    blocker.write_text("a file where the mirror folder should be")
    with pytest.raises(BackupMirrorFailed, match="is in the backup folder but not in"):
        store.backup(folder, keep=3, mirror=blocker)
    [made] = backups(folder)
    assert _actions(store)[-1] == ("store_backed_up", f"file={made.name} mirror=failed")


def test_placement_names_a_store_whose_every_copy_is_on_its_own_disk(tmp_path):
    db = tmp_path / "data" / "kiosk.db"
    assert placement_problem(db, tmp_path / "data" / "backups", None) == SAME_DISK
    assert placement_problem(db, tmp_path / "data" / "backups", tmp_path / "usb" / "not-yet-made") == SAME_DISK
    other = _other_disk(tmp_path)
    assert placement_problem(db, other, None) == ""  # a backup folder not yet made counts by its parent
    assert placement_problem(db, tmp_path / "backups", other) == ""


def test_the_schedule_tells_staff_where_the_copies_are_and_when_a_backup_fails(db_path, key_dir, clock, tmp_path):
    heard: list[str] = []
    lane = StoreLane(Store.open(db_path, FileKeyProvider(key_dir), clock=clock))
    tasks = TaskManager(EventQueue().post)
    try:
        same = BackupSchedule(lane, tmp_path / "backups", keep=3, interval=3600, on_status=heard.append)
        same.start(tasks)
        assert heard[:1] == [SAME_DISK]  # said at start, before the first backup
        same.close()
        other = _other_disk(tmp_path)
        try:
            heard.clear()
            good = BackupSchedule(lane, tmp_path / "b2", keep=3, interval=3600, mirror=other, on_status=heard.append)
            assert good.backup_now() is not None and heard == [""]
            (tmp_path / "b3").write_text("a file where the backup folder should be")
            bad = BackupSchedule(lane, tmp_path / "b3", keep=3, interval=3600, mirror=other, on_status=heard.append)
            assert bad.backup_now() is None and heard == ["", FAILED]
        finally:
            for path in other.iterdir() if other.is_dir() else []:
                path.unlink()
            if other.is_dir():
                other.rmdir()
    finally:
        tasks.close()
        lane.close()


def test_the_commands_copy_to_the_mirror_warn_about_one_disk_and_restore_from_the_mirror(store_command, tmp_path,
                                                                                        make, capsys):
    from kiosk import config
    from kiosk.store.store import open_store

    run = store_command(
        f'data_dir = "{tmp_path / "data"}"\nkey_dir = "{tmp_path / "keys"}"\nkey_provider = "file"\n'
        f'backup_mirror_dir = "{tmp_path / "usb"}"\n'
    )
    cfg = config.load()
    assert cfg.backup_mirror_dir == tmp_path / "usb"
    with open_store(cfg) as opened:
        opened.save_reception(make.reception("s1"))
    assert run("backup") == 0
    captured = capsys.readouterr()
    assert f"and {tmp_path / 'usb'}" in captured.out
    assert "every backup is on the disk the store is on" in captured.err  # the mirror here is on the same one
    for path in cfg.backups.iterdir():  # the backup folder's copies are lost
        path.unlink()
    (tmp_path / "data" / "kiosk.db").write_bytes(b"")
    assert run("restore") == 0
    assert f"from {tmp_path / 'usb'}" in capsys.readouterr().out
    assert run("check") == 0
