"""A store that is gone, empty, damaged, in the wrong kind of place, unwritable or on a full disk: each is a
named error that says what to do, never a fresh empty store, never a traceback; and a restore gets the
receptions back after each."""
from __future__ import annotations

import io
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.core.fallback import Declaration
from kiosk.store.backup import restore
from kiosk.store.errors import (
    NotFound,
    StoreCorrupt,
    StoreDamaged,
    StoreDiskFull,
    StoreInUse,
    StoreMissing,
    StoreNoAccess,
    StorePathInvalid,
)
from kiosk.store.keys import FileKeyProvider
from kiosk.store.lock import StoreLock
from kiosk.store.store import Store

DAY = date(2025, 7, 10)


def _seed(open_store, make, count: int = 3) -> list[str]:
    """Receptions, a 申立書 and a queued re-check, then a backup; returns the session ids."""
    store = open_store()
    sessions = []
    for i in range(count):
        sid = f"s{i:03}"
        started = datetime(2025, 7, 10, 9, 0, tzinfo=make.jst) + timedelta(minutes=i)
        store.save_reception(make.reception(sid, started=started))
        sessions.append(sid)
    store.save_declaration(sessions[0], Declaration(make.facts(), make.kana, "090-1234-5678", DAY))
    store.backup(store.path.parent / "backups", keep=14)
    store.close()
    return sessions


def _sessions(store: Store) -> list[str]:
    return [r.session_id for r in store.receptions_on(DAY)]


def _restore(db_path: Path, key_dir: Path, folder: Path | None = None):
    return restore(db_path, FileKeyProvider(key_dir), folder or db_path.parent / "backups", "it:test")


@pytest.fixture
def run(store_command, db_path, key_dir):
    """``kiosk store ...`` on the same store and key as the ``open_store`` fixture."""
    return store_command(f'data_dir = "{db_path.parent}"\nkey_dir = "{key_dir}"\nkey_provider = "file"\n')


# --- gone or empty -----------------------------------------------------------------------------------


def test_a_deleted_store_is_missing_not_a_new_empty_one(open_store, db_path, key_dir, make, run, capsys):
    sessions = _seed(open_store, make)
    db_path.unlink()
    with pytest.raises(StoreMissing, match="kiosk store restore"):
        open_store()
    with pytest.raises(StoreMissing):
        open_store(create=False)
    assert not db_path.exists()  # nothing was created in its place
    assert run("check") == 2
    assert "store_missing" in capsys.readouterr().err

    _restore(db_path, key_dir)
    store = open_store()
    assert _sessions(store) == sessions
    assert len(store.open_declarations()) == 1
    assert store.check() == []


def test_an_empty_store_file_is_missing_too(open_store, db_path, key_dir, make, run, capsys):
    sessions = _seed(open_store, make)
    db_path.write_bytes(b"")
    with pytest.raises(StoreMissing, match="is empty"):
        open_store()
    assert db_path.stat().st_size == 0  # the kiosk did not write a new schema into it
    assert run("check") == 2
    assert "store_missing" in capsys.readouterr().err

    done = _restore(db_path, key_dir)
    assert done.aside is not None and done.aside.stat().st_size == 0  # moved aside, never deleted
    assert _sessions(open_store()) == sessions


def test_backups_alone_say_a_store_existed(open_store, db_path, make):
    _seed(open_store, make)
    db_path.unlink()
    db_path.with_name("kiosk.db.marker").unlink()
    with pytest.raises(StoreMissing, match="backups"):
        open_store()


def test_a_crash_before_the_schema_is_committed_is_no_false_alarm(open_store, db_path, key_dir):
    """The key was made and the file created, then the kiosk died: no marker, so the next start makes the
    store (with that key) instead of refusing."""
    FileKeyProvider(key_dir).create()
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    store = open_store()
    assert store.schema_version > 0
    assert db_path.with_name("kiosk.db.marker").exists()


def test_a_store_that_never_was_is_still_not_found_for_it_commands(open_store):
    with pytest.raises(NotFound):
        open_store(create=False)


# --- damaged -----------------------------------------------------------------------------------------


def _damage_a_leaf_page(db_path: Path) -> None:
    """Overwrite one of the receptions table's leaf pages, in the middle, with noise."""
    with sqlite3.connect(db_path) as conn:
        leaves = [p for (p,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'receptions' AND pagetype = 'leaf' ORDER BY pageno")]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as handle:
        handle.seek((leaves[len(leaves) // 2] - 1) * page_size)
        handle.write(random.Random(7).randbytes(page_size))


def test_a_damaged_page_opens_read_only_and_export_gets_every_intact_row(
    open_store, db_path, key_dir, make, run, capsys, tmp_path
):
    sessions = _seed(open_store, make, count=40)
    _damage_a_leaf_page(db_path)

    store = open_store()
    assert store.damage
    with pytest.raises(StoreDamaged, match="kiosk store restore"):
        store.save_reception(make.reception("late"))
    with pytest.raises(StoreDamaged):
        store.audit("it:test", "anything")
    problems = store.check()
    assert problems[0].startswith("damaged:") and "kiosk store restore" in problems[0]
    skipped: list[str] = []
    out = io.StringIO()
    exported = store.export_csv(DAY, out, personal=False, actor="it:test", on_skip=skipped.append)
    store.close()
    rows = out.getvalue().splitlines()[1:]
    assert exported == len(rows) and 30 <= exported < 40
    assert exported + len(skipped) == 40  # every row is either out or counted
    assert all("on a damaged page" in why for why in skipped)
    assert {row.split(",")[0] for row in rows} <= set(sessions)

    assert run("check") == 1
    assert "damaged:" in capsys.readouterr().out
    assert run("export", "--since", "2025-07-01", "--output", str(tmp_path / "out.csv")) == 0
    err = capsys.readouterr().err
    assert f"exported {exported} reception(s), {len(skipped)} skipped" in err and "read-only" in err
    assert run("export", "--since", "2025-07-01", "--personal", "--user", "boss") == 2
    assert "export without --personal" in capsys.readouterr().err

    done = _restore(db_path, key_dir)
    assert done.aside is not None and done.aside.exists()
    store = open_store()
    assert _sessions(store) == sessions and store.check() == []
    actions = [a for (a,) in store._db.execute("SELECT action FROM audit")]
    assert actions[-1] == "store_restored"


def test_a_sealed_field_that_does_not_open_is_skipped_on_export(store, make):
    store.save_reception(make.reception("a"))
    store.save_reception(make.reception("b", facts=make.facts(name="山田太郎")))
    blob = store._db.execute("SELECT sealed FROM receptions WHERE session_id = 'a'").fetchone()[0]
    store._db.execute("UPDATE receptions SET sealed = ? WHERE session_id = 'b'", (blob,))
    skipped: list[str] = []
    assert store.export_csv(DAY, io.StringIO(), False, "it:test", skipped.append) == 1
    assert skipped == ["reception b: sealed field receptions:b fails authentication (edited or moved)"]


@pytest.mark.parametrize("damage", ["schema name", "schema page"])
def test_damage_to_page_one_is_a_named_error(open_store, db_path, key_dir, make, run, capsys, damage):
    sessions = _seed(open_store, make)
    data = bytearray(db_path.read_bytes())
    if damage == "schema name":  # bytes that are not UTF-8 in a table's name: sqlite3 raised UnicodeDecodeError
        at = data.index(b"tablereceptions", 100) + len(b"table")  # the table's record in sqlite_master
        data[at : at + 2] = b"\xff\xfe"
    else:
        data[2048:4096] = random.Random(3).randbytes(2048)
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt, match="kiosk store restore"):
        open_store()
    assert run("check") == 2
    assert "store_corrupt" in capsys.readouterr().err
    _restore(db_path, key_dir)
    assert _sessions(open_store()) == sessions


# --- the wrong kind of place ---------------------------------------------------------------------------


def test_a_folder_where_the_store_file_should_be(open_store, db_path, key_dir, make, run, capsys):
    sessions = _seed(open_store, make)
    db_path.unlink()
    db_path.mkdir()
    with pytest.raises(StorePathInvalid, match="is a folder"):
        open_store()
    assert run("check") == 2
    assert "store_path_invalid" in capsys.readouterr().err
    done = _restore(db_path, key_dir)
    assert done.aside is not None and done.aside.is_dir()
    assert _sessions(open_store()) == sessions


def test_a_file_where_the_data_folder_should_be(db_path, key_dir, clock, make, tmp_path):
    backups = tmp_path / "other-disk" / "backups"
    keys = FileKeyProvider(key_dir)
    with Store.open(db_path, keys, clock=clock, backup_dir=backups) as store:
        store.save_reception(make.reception("s1"))
        store.backup(backups, keep=3)
    shutil.rmtree(db_path.parent)
    db_path.parent.write_text("not a folder")
    with pytest.raises(StorePathInvalid, match="is a file where the kiosk needs a folder"):
        Store.open(db_path, keys, clock=clock, backup_dir=backups)
    restore(db_path, keys, backups, "it:test")
    assert any(p.name.startswith("data.damaged-") and p.is_file() for p in tmp_path.iterdir())
    with Store.open(db_path, keys, clock=clock, backup_dir=backups) as store:
        assert _sessions(store) == ["s1"]


# --- a folder the kiosk may not write in ---------------------------------------------------------------


def _immutable(folder: Path, on: bool) -> None:
    subprocess.run(["chattr", "+i" if on else "-i", str(folder)], check=True, capture_output=True)


@pytest.fixture
def can_chattr(tmp_path):
    """Root ignores permission bits, so an immutable folder (chattr +i: nothing can be created in it,
    even by root) stands in for a folder the kiosk's user may not write in."""
    probe = tmp_path / "probe"
    probe.mkdir()
    try:
        _immutable(probe, True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("chattr +i is not available here")
    _immutable(probe, False)


def test_a_folder_the_kiosk_may_not_write_in(can_chattr, open_store, db_path, key_dir, make, run, capsys):
    db_path.parent.mkdir(parents=True)
    _immutable(db_path.parent, True)
    try:
        with pytest.raises(StoreNoAccess, match="write permission"):
            open_store()  # a new store
    finally:
        _immutable(db_path.parent, False)

    sessions = _seed(open_store, make)
    for side in ("-wal", "-shm"):
        assert not db_path.with_name(db_path.name + side).exists()  # closed cleanly: SQLite must make them
    _immutable(db_path.parent, True)
    try:
        with pytest.raises(StoreNoAccess):
            open_store()  # the existing store
        assert run("check") == 2
        assert "store_no_access" in capsys.readouterr().err
        with pytest.raises(StoreNoAccess):
            _restore(db_path, key_dir)
    finally:
        _immutable(db_path.parent, False)
    store = open_store()  # nothing was lost: once writable again it opens as it was
    assert _sessions(store) == sessions and store.check() == []


# --- a full disk ---------------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MiB tmpfs (we run as root); skipped where it cannot be mounted."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 65536)
    except OSError as exc:
        assert exc.errno == 28
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_is_disk_full_never_corrupt(small_disk, key_dir, clock, make):
    keys = FileKeyProvider(key_dir)
    db = small_disk / "data" / "kiosk.db"
    store = Store.open(db, keys, clock=clock)
    try:
        store.save_reception(make.reception("s1"))
        filler = _fill(small_disk)
        with pytest.raises(StoreDiskFull, match="the disk is full: free space") as caught:
            for i in range(200):  # the WAL grows into the last free pages first
                store.save_reception(make.reception(f"full{i}"))
        assert caught.value.code == "store_disk_full"
        assert not store.damage
        with pytest.raises(StoreDiskFull):
            store.backup(small_disk / "backups", keep=3)
        filler.unlink()
        store.save_reception(make.reception("s2"))  # space again: the store simply goes on
        assert "s1" in _sessions(store) and "s2" in _sessions(store)
        assert store.check() == []
    finally:
        store.close()


def test_a_new_store_on_a_full_disk_is_disk_full(small_disk, key_dir, clock):
    _fill(small_disk)
    with pytest.raises(StoreDiskFull):
        Store.open(small_disk / "kiosk.db", FileKeyProvider(key_dir), clock=clock)


def test_sqlite_full_is_disk_full(store, make):
    """Without a mount: SQLite's max_page_count makes it report SQLITE_FULL as a full disk would."""
    store.save_reception(make.reception("s1"))
    pages = store._db.execute("PRAGMA page_count").fetchone()[0]
    store._db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreDiskFull):
        for i in range(50):
            store.save_reception(make.reception(f"more{i}"))
    assert not store.damage
    store._db.execute("PRAGMA max_page_count = 1073741823")
    store.save_reception(make.reception("s2"))
    assert store.check() == []


# --- restoring -----------------------------------------------------------------------------------------


def test_restore_is_refused_while_the_store_is_open(open_store, db_path, key_dir, make, run, capsys):
    _seed(open_store, make)
    kiosk, purge = open_store(), open_store()  # a kiosk and `kiosk store purge` at once: still fine
    purge.purge(30, "it:test", today=date(2025, 7, 11))
    with pytest.raises(StoreInUse, match="close the kiosk"):
        _restore(db_path, key_dir)
    assert run("restore") == 2
    assert "store_in_use" in capsys.readouterr().err
    kiosk.close()
    purge.close()
    _restore(db_path, key_dir)


def test_nothing_opens_the_store_while_a_restore_holds_it(open_store, db_path, make):
    _seed(open_store, make)
    held = StoreLock(db_path, exclusive=True)
    try:
        with pytest.raises(StoreInUse, match="being restored"):
            open_store()
    finally:
        held.release()


def test_a_stale_wal_is_moved_aside_with_the_store(open_store, db_path, key_dir, make, tmp_path):
    sessions = _seed(open_store, make)
    other = open_store()
    other.save_reception(make.reception("after-backup"))
    wal = db_path.with_name("kiosk.db-wal")
    stale = tmp_path / "stale-wal"
    shutil.copy(wal, stale)  # frames of a database that is about to go
    other.close()
    db_path.unlink()
    shutil.copy(stale, wal)

    done = _restore(db_path, key_dir)
    assert done.aside is None  # no store file to move, but its leftover -wal went aside
    assert any(p.name.endswith("-wal") and ".damaged-" in p.name for p in db_path.parent.iterdir())
    store = open_store()
    assert _sessions(store) == sessions and store.check() == []


def test_the_kiosk_does_not_start_on_a_damaged_store(open_store, db_path, key_dir, make, tmp_path):
    """``kiosk run`` stops before any device or window: no patient checks in onto a store that cannot keep
    the reception; the message says how to get the rest out and back."""
    import os
    import subprocess

    _seed(open_store, make, count=40)
    _damage_a_leaf_page(db_path)
    env = {**os.environ, "KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(db_path.parent), "KIOSK_KEY_DIR": str(key_dir),
           "KIOSK_KEY_PROVIDER": "file", "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "kiosk", "run", "--windowed"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1
    assert "store_damaged" in done.stdout
    assert "kiosk store export" in done.stdout and "kiosk store restore" in done.stdout


def test_the_kiosk_does_not_start_on_a_store_that_is_gone(open_store, db_path, key_dir, make, tmp_path):
    """``kiosk run`` on a store that existed and was deleted: a named error and how to restore, never a new
    empty store that takes receptions while the earlier ones are gone."""
    import os
    import subprocess

    _seed(open_store, make, count=3)
    db_path.unlink()
    env = {**os.environ, "KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(db_path.parent), "KIOSK_KEY_DIR": str(key_dir),
           "KIOSK_KEY_PROVIDER": "file", "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "kiosk", "run", "--windowed"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode != 0
    assert "store_missing" in done.stdout + done.stderr
    assert "kiosk store restore" in done.stdout + done.stderr
    assert not db_path.exists()  # nothing new was made in its place
