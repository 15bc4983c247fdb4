"""Migrations: a new store is at the latest version; a store at every earlier version upgrades with data kept."""
from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from kiosk.store import migrations
from kiosk.store.errors import StoreTooNew


def _indexes(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_new_store_is_latest_and_wal(store, db_path):
    assert store.schema_version == migrations.LATEST == 4
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert "receptions_by_day" in _indexes(db_path)


@pytest.mark.parametrize("start", range(1, migrations.LATEST))
def test_upgrade_from_each_earlier_version_keeps_data(open_store, db_path, make, start):
    old = open_store(migrate_to=start)
    assert old.schema_version == start
    old.save_reception(make.reception("s-old"))
    old.close()
    assert ("receptions_by_day" in _indexes(db_path)) == (start >= 2)

    upgraded = open_store()
    assert upgraded.schema_version == migrations.LATEST
    assert "receptions_by_day" in _indexes(db_path)
    assert [r.session_id for r in upgraded.receptions_on(date(2025, 7, 10))] == ["s-old"]
    assert upgraded.last_confirmed(make.certificate(), make.facts()) == make.record()
    assert upgraded.check() == []


def test_store_from_a_newer_kiosk_is_refused(store, db_path, open_store):
    store.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    with pytest.raises(StoreTooNew):
        open_store()
