"""The incremental store check: from the verified checkpoint, what changed since; the full one when it must."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.store import checkpoint

ACTOR = "it:test"


def _checked(store) -> list[str]:
    return [d for (d,) in store._db.execute("SELECT detail FROM audit WHERE action = 'store_checked' ORDER BY seq")]


def _head(store) -> int:
    return int(store._db.execute("SELECT max(seq) FROM audit").fetchone()[0])


def _edit(db_path: Path, *statements: tuple[str, tuple]) -> None:
    """What someone with a SQLite tool does: another connection, with SQLite's own defaults."""
    with sqlite3.connect(db_path) as conn:
        for sql, params in statements:
            conn.execute(sql, params)


def _blob(store, session_id: str) -> bytes:
    return store._db.execute("SELECT sealed FROM receptions WHERE session_id = ?", (session_id,)).fetchone()[0]


def test_the_first_check_is_full_then_incremental_and_the_checkpoint_advances(store, make):
    first = store.run_check(ACTOR)
    assert (first.kind, first.reason, first.problems) == ("full", "no check has passed here yet", ())
    verified = _head(store) - 1  # the check's own audit row comes after what it verified
    store.save_reception(make.reception("s1"))
    second = store.run_check(ACTOR)
    assert second.kind == "incremental" and second.problems == ()
    assert second.since is not None and second.since.audit_seq == verified
    assert second.sealed_opened == 2  # the new reception and its patient's record, not every row
    assert "incremental check from audit row" in second.summary()
    third = store.run_check(ACTOR)
    assert third.since is not None and third.since.audit_seq > second.since.audit_seq
    assert third.sealed_opened == 0
    assert _checked(store) == [
        "kind=full problems=0",
        f"kind=incremental from={verified} problems=0",
        f"kind=incremental from={third.since.audit_seq} problems=0",
    ]


def test_rows_tampered_after_the_checkpoint_are_found_by_the_incremental_check(store, db_path, make):
    store.save_reception(make.reception("old"))
    store.reception_started("live", make.reception().started_at)  # saved over later: updated in place
    assert store.run_check(ACTOR).problems == ()
    store.save_reception(make.reception("new", facts=make.facts(name="山田太郎")))
    store.save_reception(make.reception("live"))
    _edit(
        db_path,
        # a new row given another row's sealed field
        ("UPDATE receptions SET sealed = ? WHERE session_id = 'new'", (_blob(store, "old"),)),
        # a row checked before, edited in place, its mark put back to what it was
        ("UPDATE receptions SET sealed = ?, written_seq = 1 WHERE session_id = 'old'", (_blob(store, "live"),)),
    )
    report = store.run_check(ACTOR)
    assert report.kind == "incremental"
    assert sorted(report.problems) == [
        "receptions new: sealed sealed fails authentication",
        "receptions old: sealed sealed fails authentication",
    ]
    assert store.run_check(ACTOR).problems == report.problems, "a check with problems leaves the checkpoint"


def test_audit_rows_forged_or_removed_after_the_checkpoint_are_found_by_the_incremental_check(store, db_path):
    store.audit("staff:sato", "visual_override", "session=s1")
    assert store.run_check(ACTOR).problems == ()
    store.audit("staff:sato", "visual_override", "session=s2")
    seq, mac = store._db.execute("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    # The log takes inserts (only UPDATE and DELETE are refused): a row added with a made-up MAC, head and all.
    _edit(
        db_path,
        ("INSERT INTO audit (seq, at, actor, action, detail, prev, mac) VALUES (?, ?, 'staff:x', 'export', '', ?, ?)",
         (seq + 1, "2025-07-10T09:00:00.000000+09:00", mac, "f" * 64)),
        ("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{seq + 1}:{'f' * 64}",)),
    )
    report = store.run_check(ACTOR)
    assert (report.kind, report.problems) == ("incremental", (f"audit row {seq + 1} was modified",))
    _edit(db_path, ("UPDATE meta SET value = ? WHERE key = 'audit_head'", (f"{seq + 2}:{'e' * 64}",)))
    assert any("rows removed" in p for p in store.run_check(ACTOR).problems)


def test_a_byte_changed_in_an_old_row_is_found_by_the_full_check_only(open_store, db_path, make):
    """What the incremental check cannot see, and why a full one runs at least weekly and on --full."""
    store = open_store()
    store.save_reception(make.reception("a"))
    store.save_reception(make.reception("b"))
    assert store.run_check(ACTOR).problems == ()
    ciphertext = _blob(store, "a")[13:45]
    store.close()  # the last connection: the WAL goes into the file
    data = bytearray(db_path.read_bytes())
    at = data.index(ciphertext)
    assert data.count(ciphertext) == 1
    data[at + 7] ^= 0x01  # a disk that decays, or someone editing the file without SQLite
    db_path.write_bytes(bytes(data))

    store = open_store()
    assert store.damage == ()  # SQLite keeps no checksum of a row: its quick check sees nothing
    incremental = store.run_check(ACTOR)
    assert (incremental.kind, incremental.problems) == ("incremental", ())
    full = store.run_check(ACTOR, full=True)
    assert (full.kind, full.reason) == ("full", "asked for")
    assert full.problems == ("receptions a: sealed sealed fails authentication",)


def test_a_forged_checkpoint_forces_a_full_check(store, db_path, make):
    for n in range(3):
        store.save_reception(make.reception(f"s{n}"))
    assert store.run_check(ACTOR).problems == ()
    # An audit row is edited (the append-only trigger lifted and put back), and the checkpoint is made to
    # name the new schema cookie, so that the next check would only look at what came after it.
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET detail = 'session=s9 outcome=done' WHERE seq = 2")
        conn.execute(
            "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
            "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
        )
        cookie = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute("UPDATE check_point SET schema_cookie = ?", (cookie,))
    report = store.run_check(ACTOR)
    assert (report.kind, report.reason) == ("full", "the checkpoint fails its MAC (edited or forged)")
    assert "audit row 2 was modified" in report.problems


def test_a_schema_change_since_the_checkpoint_forces_a_full_check(store, db_path, make):
    store.save_reception(make.reception("a"))
    store.run_check(ACTOR)
    # A row edited unseen needs the trigger that marks it out of the way first: that changes the schema.
    with sqlite3.connect(db_path) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'receptions_written_on_update'").fetchone()[0]
        conn.execute("DROP TRIGGER receptions_written_on_update")
        conn.execute("UPDATE receptions SET sealed = x'00' WHERE session_id = 'a'")
        conn.execute(sql)
    report = store.run_check(ACTOR)
    assert report.kind == "full" and report.reason.startswith("the schema changed since the last check")
    assert report.problems == ("receptions a: sealed sealed fails authentication",)


def test_a_full_check_runs_at_least_every_week(store, clock, make):
    store.run_check(ACTOR)
    clock.advance(days=6, hours=23)
    assert store.run_check(ACTOR).kind == "incremental"
    clock.advance(hours=1)
    weekly = store.run_check(ACTOR)
    assert weekly.kind == "full" and "7 days ago" in weekly.reason
    clock.advance(days=1)
    assert store.run_check(ACTOR).kind == "incremental"
    clock.advance(days=-3)
    assert store.run_check(ACTOR).reason == "the last full check is dated after now (the clock went back)"
    assert store.run_check(ACTOR, full_every=checkpoint.FULL_EVERY).kind == "incremental"


def test_a_purge_keeps_the_checkpoint_even_when_it_removes_the_verified_rows(store, clock, make):
    store.save_reception(make.reception("old"))
    assert store.run_check(ACTOR).kind == "full"
    clock.advance(days=3)
    store.save_reception(make.reception("recent", started=clock()))
    store.purge(1, ACTOR)  # lifts and puts back the audit log's delete trigger, and removes the verified row
    verified = store._db.execute("SELECT audit_seq FROM check_point").fetchone()[0]
    assert store._db.execute("SELECT count(*) FROM audit WHERE seq <= ?", (verified,)).fetchone()[0] == 0
    report = store.run_check(ACTOR)
    assert (report.kind, report.problems) == ("incremental", ())
    store._db.execute("DROP TRIGGER audit_no_delete")
    store._db.execute("DELETE FROM audit WHERE seq = (SELECT min(seq) FROM audit)")
    assert any("missing" in p or "does not follow" in p for p in store.run_check(ACTOR).problems)


def test_the_command_says_which_check_ran(store_command, tmp_path, make, capsys):
    from kiosk.config import load
    from kiosk.store import open_store

    run = store_command(
        f'data_dir = "{tmp_path / "data"}"\nkey_dir = "{tmp_path / "keys"}"\nkey_provider = "file"\n'
    )
    with open_store(load()) as store:
        store.save_reception(make.reception("s1"))
        path = store.path
    assert run("check") == 0
    out = capsys.readouterr().out
    assert "full check (no check has passed here yet)" in out and "OK" in out
    assert run("check") == 0
    assert "incremental check from audit row" in capsys.readouterr().out
    assert run("check", "--full") == 0
    assert "full check (asked for)" in capsys.readouterr().out
    _edit(path, ("UPDATE receptions SET sealed = x'00' WHERE session_id = 's1'", ()))
    assert run("check") == 1
    out = capsys.readouterr().out
    assert "receptions s1: sealed sealed fails authentication" in out and "kiosk store check --full" in out
    with open_store(load()) as store:
        assert _checked(store) == ["kind=full problems=0", f"kind=incremental from={_checked_from(store)} problems=0",
                                   "kind=full problems=0"]


def _checked_from(store) -> int:
    """The audit row the command's first check verified last: the one before its store_checked row."""
    return int(store._db.execute(
        "SELECT seq FROM audit WHERE action = 'store_checked' ORDER BY seq LIMIT 1"
    ).fetchone()[0]) - 1
