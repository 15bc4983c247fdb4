"""Encryption at rest: no personal field in plain text anywhere on disk; missing or wrong key is an error."""
from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from kiosk.core.fallback import Declaration
from kiosk.store.errors import KeyFileUnsafe, KeyMissing, StoreCorrupt, WrongKey
from kiosk.store.keys import FileKeyProvider


def _raw_bytes(db_path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-shm"):
        path = db_path.with_name(db_path.name + suffix)
        if path.exists():
            data += path.read_bytes()
    return data


def test_no_personal_field_in_plain_text_in_db_or_wal(store, db_path, make):
    store.save_reception(make.reception("s1"))
    store.save_declaration(
        "s1", Declaration(make.facts(), make.kana, "090-1234-5678", make.facts().birth_date, insurer_name="けんぽ東京")
    )
    assert db_path.with_name("kiosk.db-wal").stat().st_size > 0  # the write is still in the WAL
    raw = _raw_bytes(db_path)
    for secret in (make.name, make.kana, "霞が関", "1950-04-02", "06130012", "090-1234-5678", "けんぽ東京"):
        for encoding in ("utf-8", "utf-16-le", "shift_jis"):
            assert secret.encode(encoding) not in raw, (secret, encoding)
    # ... and it reads back
    assert store.receptions_on(make.reception().started_at.date())[0].facts.name == make.name


def test_database_and_key_files_are_owner_only(store, db_path, key_dir, make):
    store.save_reception(make.reception())
    for path in (db_path, db_path.with_name("kiosk.db-wal"), key_dir / "store.key"):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    assert stat.S_IMODE(key_dir.stat().st_mode) == 0o700


def test_missing_key_is_an_error_not_a_new_store(store, key_dir, open_store, make):
    store.save_reception(make.reception())
    store.close()
    (key_dir / "store.key").unlink()
    with pytest.raises(KeyMissing):
        open_store()
    assert not (key_dir / "store.key").exists()  # no fresh key was made over the old data


def test_wrong_key_is_an_error(store, key_dir, open_store, tmp_path, make):
    store.save_reception(make.reception())
    store.close()
    (key_dir / "store.key").unlink()
    FileKeyProvider(key_dir).create()
    with pytest.raises(WrongKey):
        open_store()


def test_key_file_readable_by_others_is_refused(store, key_dir, open_store):
    store.close()
    os.chmod(key_dir / "store.key", 0o644)
    with pytest.raises(KeyFileUnsafe):
        open_store()


def test_garbage_key_file_is_refused(store, key_dir, open_store):
    store.close()
    (key_dir / "store.key").write_text("not a key\n")
    with pytest.raises(KeyFileUnsafe):
        open_store()


def test_not_a_database_is_a_clear_error(db_path, open_store):
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreCorrupt):
        open_store()


def test_sealed_field_moved_to_another_row_does_not_open(store, db_path, make):
    store.save_reception(make.reception("a"))
    store.save_reception(make.reception("b", facts=make.facts(name="山田太郎")))
    store.close()
    with sqlite3.connect(db_path) as conn:
        blob = conn.execute("SELECT sealed FROM receptions WHERE session_id = 'a'").fetchone()[0]
        conn.execute("UPDATE receptions SET sealed = ? WHERE session_id = 'b'", (blob,))
    reopened = type(store).open(db_path, FileKeyProvider(db_path.parent.parent / "keys"))
    try:
        assert reopened.check() == ["receptions b: sealed sealed fails authentication"]
        with pytest.raises(StoreCorrupt):
            reopened.receptions_on(make.reception().started_at.date())
    finally:
        reopened.close()


def test_keyring_provider_stores_the_key_in_the_keyring(monkeypatch, tmp_path, make):
    import types

    from kiosk.store.keys import KeyringKeyProvider
    from kiosk.store.store import Store

    vault: dict[tuple[str, str], str] = {}
    fake = types.SimpleNamespace(
        get_password=lambda service, user: vault.get((service, user)),
        set_password=lambda service, user, value: vault.__setitem__((service, user), value),
    )
    monkeypatch.setitem(__import__("sys").modules, "keyring", fake)
    db = tmp_path / "k.db"
    with Store.open(db, KeyringKeyProvider()) as store:
        store.save_reception(make.reception())
    assert list(vault) == [("kiosk", "store-key")] and len(bytes.fromhex(vault["kiosk", "store-key"])) == 32
    assert not list(tmp_path.glob("**/*.key"))
    with Store.open(db, KeyringKeyProvider()) as store:
        assert store.check() == []
    vault.clear()
    with pytest.raises(KeyMissing):
        Store.open(db, KeyringKeyProvider())


def test_provider_choice_follows_the_config(tmp_path):
    from kiosk.store.keys import provider_for

    assert isinstance(provider_for("file", tmp_path), FileKeyProvider)
