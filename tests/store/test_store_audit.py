"""The audit chain: append-only by trigger, and a modified, removed or truncated row is detected."""
from __future__ import annotations

import sqlite3

import pytest

from kiosk.store.keys import FileKeyProvider
from kiosk.store.store import Store


@pytest.fixture
def audited(store, db_path):
    for n in range(5):
        store.audit("staff:sato", "visual_override", f"session=s{n}")
    assert store.check() == []
    store.close()
    return db_path


def _tamper(db_path, *statements: str) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TRIGGER audit_no_update")  # what someone editing the file would do first
        conn.execute("DROP TRIGGER audit_no_delete")
        for sql in statements:
            conn.execute(sql)


def _check(db_path, key_dir) -> list[str]:
    with Store.open(db_path, FileKeyProvider(key_dir)) as store:
        return store.check()


def test_audit_rows_cannot_be_changed_through_sqlite(audited):
    with sqlite3.connect(audited) as conn:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit SET actor = 'someone' WHERE seq = 2")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit WHERE seq = 2")


def test_modified_row_is_detected(audited, key_dir):
    _tamper(audited, "UPDATE audit SET actor = 'staff:suzuki' WHERE seq = 3")
    assert _check(audited, key_dir) == ["audit row 3 was modified"]


def test_deleted_row_is_detected(audited, key_dir):
    _tamper(audited, "DELETE FROM audit WHERE seq = 3")
    problems = _check(audited, key_dir)
    assert "audit rows 3..3 are missing" in problems
    assert "audit row 4 does not follow the row before it" in problems


def test_deleted_last_rows_are_detected(audited, key_dir):
    _tamper(audited, "DELETE FROM audit WHERE seq >= 5")
    assert any("rows removed" in p for p in _check(audited, key_dir))


def test_rechained_row_without_the_key_is_detected(audited, key_dir):
    # A forger who rewrites the last row and recomputes its link with an unkeyed hash still fails.
    import hashlib

    with sqlite3.connect(audited) as conn:
        seq, at, actor, action, prev = conn.execute(
            "SELECT seq, at, actor, action, prev FROM audit ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        forged = hashlib.sha256("\0".join((str(seq), prev, at, actor, action, "session=forged")).encode()).hexdigest()
    _tamper(
        audited,
        f"UPDATE audit SET detail = 'session=forged', mac = '{forged}' WHERE seq = {seq}",
        f"UPDATE meta SET value = '{seq}:{forged}' WHERE key = 'audit_head'",
    )
    assert _check(audited, key_dir) == [f"audit row {seq} was modified"]


def test_each_reception_is_audited_in_its_transaction(store, make):
    store.save_reception(make.reception("s1"))
    rows = list(store._db.query("SELECT actor, action, detail FROM audit ORDER BY seq"))
    assert rows[-1] == {"actor": "kiosk", "action": "reception_saved", "detail": "session=s1 outcome=done"}
    assert make.name not in str(rows)
