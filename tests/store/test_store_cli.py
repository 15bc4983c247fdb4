"""``kiosk store check|export|purge|add-staff``: exit codes and what reaches the output."""
from __future__ import annotations

import argparse
import io
import sqlite3
import sys

import pytest

from kiosk.commands import store as cli
from kiosk.config import load
from kiosk.store import open_store


@pytest.fixture
def run(tmp_path, monkeypatch):
    cfg_path = tmp_path / "kiosk.toml"
    cfg_path.write_text(
        f'data_dir = "{tmp_path / "data"}"\nkey_dir = "{tmp_path / "keys"}"\nkey_provider = "file"\n'
        "retention_days = 30\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("KIOSK_CONFIG", str(cfg_path))
    parser = argparse.ArgumentParser(prog="kiosk")
    cli.register(parser.add_subparsers(dest="command", required=True))

    def _run(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        args = parser.parse_args(["store", *argv])
        return args.func(args)

    return _run


def _seed(make):
    with open_store(load()) as store:
        store.save_reception(make.reception("s1"))
        return store.path


def test_check_passes_then_fails_on_tampering(run, make, capsys):
    path = _seed(make)
    assert run("check") == 0
    assert "OK" in capsys.readouterr().out
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET detail = 'x' WHERE seq = 1")
    assert run("check") == 1
    assert "audit row 1 was modified" in capsys.readouterr().out


def test_export_personal_needs_an_admin(run, make, capsys):
    _seed(make)
    assert run("add-staff", "sato", "--password-stdin", stdin="uketsuke-2025\n") == 0
    assert run("add-staff", "boss", "--role", "admin", "--password-stdin", stdin="kanrisha-2025\n") == 0
    capsys.readouterr()

    assert run("export", "--since", "2025-07-01") == 0
    out = capsys.readouterr().out
    assert "s1" in out and make.name not in out

    personal = ("export", "--since", "2025-07-01", "--personal", "--user", "boss", "--password-stdin")
    assert run(*personal, stdin="nope\n") == 2
    assert "staff_bad_credentials" in capsys.readouterr().err
    assert run(
        "export", "--since", "2025-07-01", "--personal", "--user", "sato", "--password-stdin", stdin="uketsuke-2025\n"
    ) == 2
    assert "staff_not_permitted" in capsys.readouterr().err
    assert run(
        "export", "--since", "2025-07-01", "--personal", "--user", "boss", "--password-stdin", stdin="kanrisha-2025\n"
    ) == 0
    assert make.name in capsys.readouterr().out


def test_purge_and_missing_key(run, make, tmp_path, capsys):
    _seed(make)
    assert run("purge") == 0
    assert "purged 1 consents, 1 receptions" in capsys.readouterr().out  # 2025 data, 30 days retention
    (tmp_path / "keys" / "store.key").unlink()
    assert run("check") == 2
    assert "store_key_missing" in capsys.readouterr().err


def test_commands_do_not_create_a_store_at_a_wrong_path(run, tmp_path, capsys):
    assert run("check") == 2
    assert "store_not_found" in capsys.readouterr().err
    assert not (tmp_path / "data" / "kiosk.db").exists()
