"""``kiosk hub status|check|push`` against the real throwaway cluster: what IT sees, the exit codes, the named
errors, and a password in ``hub_dsn`` that no output ever shows."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from kiosk.commands.main import main
from kiosk.hub.replicator import Replicator
from kiosk.store.hub_outbox import HubFeed
from tests.hub.conftest import JST, WAIT, hub_rows, reception, wait_for

PASSWORD = "Zq7-never-shown"  # the cluster signs in by trust, so a password in the DSN is accepted and unused


def with_password(dsn: str) -> str:
    return f"{dsn} password={PASSWORD}"


def changed(dsn: str, **params: str) -> str:
    return make_conninfo(dsn, **params)


@pytest.fixture
def kiosk_env(monkeypatch, tmp_path, clinic_key_dir):
    """The command's configuration: kiosk "a"'s data folder, the clinic key, and the hub when given."""

    def _use(hub: str | None, name: str = "a") -> None:
        for key in [k for k in os.environ if k.startswith("KIOSK_")]:
            monkeypatch.delenv(key)
        monkeypatch.setenv("KIOSK_CONFIG", "")
        monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / name))
        monkeypatch.setenv("KIOSK_KEY_DIR", str(clinic_key_dir))
        monkeypatch.setenv("KIOSK_KEY_PROVIDER", "file")
        if hub is not None:
            monkeypatch.setenv("KIOSK_HUB_DSN", hub)

    return _use


def hub(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["hub", *args])
    out, err = capsys.readouterr()
    assert PASSWORD not in out + err, "the DSN's password was printed"
    return code, out, err


def hub_json(capsys, *args: str) -> tuple[int, dict]:
    code, out, _ = hub(capsys, *args, "--json")
    report = json.loads(out)
    assert report["exit_code"] == code
    return code, report


def deliver(store, dsn: str) -> str:
    sender = Replicator(HubFeed(store), dsn, statement_timeout=30.0)
    sender.deliver_once()
    return sender.kiosk_id


def hub_checked(store) -> list[str]:
    return [d for (d,) in store._db.execute("SELECT detail FROM audit WHERE action = 'hub_checked' ORDER BY seq")]


# --- status -------------------------------------------------------------------------------------------


def test_status_on_a_healthy_hub_and_the_backlog(open_kiosk, hub_dsn, kiosk_env, capsys, clock):
    a, b = open_kiosk("a"), open_kiosk("b")
    a.save_reception(reception("s-1"))
    a.save_reception(reception("s-2"))
    b.save_reception(reception("s-b1"))
    a_id, b_id = deliver(a, hub_dsn), deliver(b, hub_dsn)
    kiosk_env(with_password(hub_dsn))

    code, out, _ = hub(capsys, "status")
    assert code == 0, out
    assert "password=***" in out and "dbname=" in out
    assert f"this kiosk: {a_id}" in out
    assert "outbox: nothing waiting" in out
    assert "the hub answers: yes" in out
    assert "kiosks on the hub: 2" in out
    assert f"{a_id}  (this kiosk): 2 reception(s)" in out
    assert f"{b_id}: 1 reception(s)" in out
    code, report = hub_json(capsys, "status")
    assert code == 0
    assert report["outbox"]["unsent"] == 0 and report["outbox"]["last_delivery_at"] is not None
    assert {k["kiosk_id"]: k["receptions"] for k in report["hub"]["kiosks"]} == {a_id: 2, b_id: 1}
    assert report["hub"]["schema"]["hub"] == report["hub"]["schema"]["kiosk"]

    clock.advance(minutes=5)
    a.save_reception(reception("s-3", started=clock.now))  # queued at the store's clock, long before now
    a.save_reception(reception("s-4", started=clock.now))
    code, report = hub_json(capsys, "status")
    assert report["outbox"]["unsent"] == 2
    assert report["outbox"]["oldest_unsent_at"].startswith("2025-07-10T09:05")
    assert report["outbox"]["oldest_unsent_age_seconds"] > 600
    assert code == 1, "a hub that answers while receptions wait for long: delivery is stuck"
    assert any("kiosk hub push" in p for p in report["problems"])
    code, out, _ = hub(capsys, "status")
    assert "outbox: 2 reception(s) not yet on the hub, the oldest queued 2025-07-10" in out

    deliver(a, hub_dsn)
    clock.now = datetime.now(JST)  # a reception queued just now is not a stuck delivery
    a.save_reception(reception("s-5", started=clock.now))
    code, report = hub_json(capsys, "status")
    assert (code, report["outbox"]["unsent"]) == (0, 1)


def test_status_with_the_hub_stopped_still_reports_the_local_backlog(
    open_kiosk, hub_dsn, pg_cluster, kiosk_env, capsys
):
    a = open_kiosk("a")
    a.save_reception(reception("s-1"))
    a_id = deliver(a, hub_dsn)
    a.save_reception(reception("s-2"))
    a.save_reception(reception("s-3"))
    kiosk_env(with_password(hub_dsn))
    pg_cluster.stop()

    code, out, err = hub(capsys, "status")
    assert code == 2
    assert "error [hub_unreachable]: the clinic hub does not answer" in err
    assert f"this kiosk: {a_id}" in out
    assert "outbox: 2 reception(s) not yet on the hub" in out
    assert "the hub answers: no (hub_unreachable)" in out
    code, report = hub_json(capsys, "status")
    assert code == 2
    assert (report["error"], report["hub"]["answers"], report["outbox"]["unsent"]) == ("hub_unreachable", False, 2)
    assert report["outbox"]["last_delivery_at"] is not None


def test_status_says_when_the_hub_does_not_know_this_kiosk(open_kiosk, hub_dsn, pg_cluster, kiosk_env, capsys):
    a, b = open_kiosk("a"), open_kiosk("b")
    a.save_reception(reception("s-1"))
    a_id = deliver(a, hub_dsn)
    other = changed(hub_dsn, dbname=f"{conninfo_to_dict(hub_dsn)['dbname']}_other")  # another clinic's hub, say
    with psycopg.connect(pg_cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{conninfo_to_dict(other)["dbname"]}"')
    b.save_reception(reception("s-b1"))
    deliver(b, other)
    kiosk_env(with_password(other))
    code, report = hub_json(capsys, "status")
    assert code == 1
    assert any(p.startswith("the hub does not know this kiosk") for p in report["problems"])
    assert a_id not in [k["kiosk_id"] for k in report["hub"]["kiosks"]]
    code, report = hub_json(capsys, "check")
    assert code == 1
    assert report["problems"] == [f"reception s-1 of this kiosk ({a_id}) is marked sent in its outbox but is not "
                                  "on the hub"]


def test_no_hub_configured_is_named_and_the_backlog_still_shown(open_kiosk, kiosk_env, capsys):
    a = open_kiosk("a")
    a.save_reception(reception("s-1"))  # the outbox fills whether a hub is configured or not
    kiosk_env(None)
    code, out, err = hub(capsys, "status")
    assert code == 2
    assert "hub: none configured" in out and "outbox: 1 reception(s) not yet on the hub" in out
    assert "error [hub_not_configured]" in err and "hub_dsn" in err
    for command in ("check", "push"):
        code, report = hub_json(capsys, command)
        assert (code, report["error"]) == (2, "hub_not_configured")


def test_a_refused_sign_in_is_named_and_shows_no_password(open_kiosk, hub_dsn, kiosk_env, capsys):
    open_kiosk("a").save_reception(reception("s-1"))
    refused = with_password(changed(hub_dsn, user="nobody_here"))
    kiosk_env(refused)
    for command in ("status", "check", "push"):
        code, out, err = hub(capsys, command)
        assert code == 2, command
        assert "error [hub_sign_in_refused]: the clinic hub refused the sign-in" in err, command
        assert "nobody_here" in err, "the reason, naming the user, is kept"
    assert HubFeed(open_kiosk("a")).pending_count() == 1


def test_a_hub_dsn_that_is_not_a_connection_string_is_named_and_not_shown(open_kiosk, kiosk_env, capsys):
    open_kiosk("a")
    kiosk_env(f"host=hub.clinic.lan password={PASSWORD} dbname")  # "dbname" has no value
    for command in ("status", "check", "push"):
        code, out, err = hub(capsys, command)
        assert code == 2, command
        assert "error [hub_not_configured]: hub_dsn is not a valid libpq connection string" in err
        assert "hub.clinic.lan" not in out + err, "no part of it is shown: any could be the password"


def test_a_hub_schema_older_or_newer_than_ours_is_named(open_kiosk, hub_dsn, kiosk_env, capsys):
    a = open_kiosk("a")
    a.save_reception(reception("s-1"))
    kiosk_env(with_password(hub_dsn))
    code, report = hub_json(capsys, "status")  # an empty database: no kiosk has delivered yet
    assert (code, report["error"], report["hub"]["answers"]) == (2, "hub_too_old", True)
    assert report["hub"]["schema"]["hub"] == 0
    code, report = hub_json(capsys, "check")
    assert (code, report["error"]) == (2, "hub_too_old")
    assert hub_checked(a) == [], "a check that could not run records nothing"

    deliver(a, hub_dsn)
    hub_rows(hub_dsn, "UPDATE hub_meta SET value = '99' WHERE key = 'schema' RETURNING key")
    a.save_reception(reception("s-2"))
    for command in ("status", "check", "push"):
        code, out, err = hub(capsys, command)
        assert code == 2, command
        assert "error [hub_too_new]: the clinic hub's schema is version 99" in err, command
    assert HubFeed(a).pending_count() == 1, "nothing was written to a hub newer than this kiosk"


# --- check --------------------------------------------------------------------------------------------


def test_check_passes_after_replication_and_is_audited(open_kiosk, hub_dsn, kiosk_env, capsys):
    a, b = open_kiosk("a"), open_kiosk("b")
    for n in (1, 2):
        a.save_reception(reception(f"s-{n}"))
    b.save_reception(reception("s-b1"))
    deliver(a, hub_dsn), deliver(b, hub_dsn)
    a.save_reception(reception("s-3"))  # not sent yet: not looked for on the hub
    kiosk_env(with_password(hub_dsn))

    code, out, err = hub(capsys, "check")
    assert code == 0, out + err
    assert "audit chains: 2 kiosk(s)" in out
    assert "receptions: 2 of this kiosk's" in out
    assert out.rstrip().endswith("hub: OK")
    [detail] = hub_checked(a)
    assert detail.startswith("kiosks=2 ") and detail.endswith(" problems=0")
    assert hub_rows(hub_dsn, "SELECT count(*) FROM audit WHERE action = 'hub_checked'") == [(0,)], \
        "the check wrote nothing to the hub"


def test_check_names_the_kiosk_and_seq_of_a_tampered_audit_row(open_kiosk, hub_dsn, kiosk_env, capsys):
    a, b = open_kiosk("a"), open_kiosk("b")
    a.save_reception(reception("s-1"))
    for n in (1, 2):
        b.save_reception(reception(f"s-b{n}"))
    a_id, b_id = deliver(a, hub_dsn), deliver(b, hub_dsn)
    kiosk_env(with_password(hub_dsn))
    assert hub(capsys, "check")[0] == 0

    hub_rows(hub_dsn, "UPDATE audit SET detail = 'session=forged' WHERE kiosk_id = %s AND seq = 2 RETURNING seq",
             (b_id,))
    code, out, _ = hub(capsys, "check")
    assert code == 1
    assert f"kiosk {b_id}: audit row 2 was modified" in out
    assert a_id not in out.replace(f"this kiosk: {a_id}", ""), "kiosk A's chain is whole"
    code, report = hub_json(capsys, "check")
    assert report["problems"] == [f"kiosk {b_id}: audit row 2 was modified"]
    assert hub_checked(a)[-1].endswith(" problems=1"), "a check that found problems is audited too"

    hub_rows(hub_dsn, "DELETE FROM audit WHERE kiosk_id = %s AND seq = (SELECT max(seq) FROM audit "
                      "WHERE kiosk_id = %s) RETURNING seq", (a_id, a_id))
    code, out, _ = hub(capsys, "check")
    assert code == 1
    assert f"kiosk {a_id}: audit rows" in out and "are missing on the hub" in out, "a removed last row is seen"


def test_check_says_when_a_kiosk_holds_another_key(open_kiosk, hub_dsn, kiosk_env, capsys, tmp_path, clock):
    from kiosk.store.keys import FileKeyProvider
    from kiosk.store.store import Store

    a = open_kiosk("a")
    a.save_reception(reception("s-1"))
    deliver(a, hub_dsn)
    with Store.open(tmp_path / "stray" / "kiosk.db", FileKeyProvider(tmp_path / "own-keys"), clock=clock) as stray:
        stray.save_reception(reception("s-x1"))
        stray_id = deliver(stray, hub_dsn)
    kiosk_env(with_password(hub_dsn))
    code, report = hub_json(capsys, "check")
    assert code == 1
    [problem] = report["problems"]
    assert problem.startswith(f"kiosk {stray_id}: none of its ")
    assert "holds another key" in problem


def test_check_finds_a_reception_duplicated_or_missing_on_the_hub(open_kiosk, hub_dsn, kiosk_env, capsys):
    a = open_kiosk("a")
    for n in (1, 2, 3):
        a.save_reception(reception(f"s-{n}"))
    a_id = deliver(a, hub_dsn)
    kiosk_env(with_password(hub_dsn))
    assert hub(capsys, "check")[0] == 0

    # The same reception under a second kiosk id (a store copied to make another kiosk, say).
    hub_rows(hub_dsn, "INSERT INTO kiosks (kiosk_id) VALUES ('copied-kiosk') RETURNING kiosk_id")
    hub_rows(hub_dsn, "INSERT INTO receptions (kiosk_id, session_id, outbox_seq, state, started_at, started_on, "
                      "sealed) SELECT 'copied-kiosk', session_id, outbox_seq, state, started_at, started_on, sealed "
                      "FROM receptions WHERE session_id = 's-1' RETURNING session_id")
    code, report = hub_json(capsys, "check")
    assert code == 1
    assert report["problems"] == [f"reception s-1 is on the hub 2 times (kiosks {min(a_id, 'copied-kiosk')}, "
                                  f"{max(a_id, 'copied-kiosk')})"]

    hub_rows(hub_dsn, "DELETE FROM receptions WHERE kiosk_id = 'copied-kiosk' RETURNING session_id")
    hub_rows(hub_dsn, "DELETE FROM receptions WHERE session_id = 's-2' RETURNING session_id")
    code, out, _ = hub(capsys, "check")
    assert code == 1
    assert f"reception s-2 of this kiosk ({a_id}) is marked sent in its outbox but is not on the hub" in out
    assert "s-1" not in out and "s-3" not in out


def test_check_reports_a_restored_kiosks_audit_forks_plainly(
    open_kiosk, hub_dsn, kiosk_env, capsys, tmp_path, clock, clinic_key_dir
):
    from kiosk.store.backup import restore
    from kiosk.store.keys import FileKeyProvider

    a = open_kiosk("a")
    a.save_reception(reception("s-1"))
    a_id = deliver(a, hub_dsn)
    backup = a.backup(tmp_path / "backups", keep=3)
    clock.advance(minutes=5)
    a.save_reception(reception("s-2", started=clock.now))
    deliver(a, hub_dsn)
    a.close()
    restore(tmp_path / "a" / "kiosk.db", FileKeyProvider(clinic_key_dir), tmp_path / "backups", "it:root",
            source=backup)
    a = open_kiosk("a")
    clock.advance(minutes=5)
    a.save_reception(reception("s-3", started=clock.now))
    deliver(a, hub_dsn)
    kiosk_env(with_password(hub_dsn))

    code, report = hub_json(capsys, "check")
    assert code == 1
    [fork] = report["audit_forks"]
    assert fork.startswith(f"kiosk {a_id}: audit_forks: audit rows ")
    assert "restored from a backup" in fork
    assert fork in report["problems"]
    assert not any("arrived again" in p for p in report["problems"]), "said once, plainly"
    code, out, _ = hub(capsys, "status")
    assert "audit fork row(s)" in out


# --- push ---------------------------------------------------------------------------------------------


def test_push_delivers_a_backlog_made_while_the_hub_was_down(open_kiosk, hub_dsn, pg_cluster, kiosk_env, capsys,
                                                             clock):
    a = open_kiosk("a")
    a.save_reception(reception("s-1"))
    deliver(a, hub_dsn)
    pg_cluster.stop()
    for n in (2, 3, 4):
        clock.advance(minutes=5)
        a.save_reception(reception(f"s-{n}", started=clock.now))
    kiosk_env(with_password(hub_dsn))

    code, out, err = hub(capsys, "push")
    assert code == 2 and "error [hub_unreachable]" in err
    assert HubFeed(a).pending_count() == 3, "kept for later"

    pg_cluster.start()
    code, out, err = hub(capsys, "push")
    assert code == 0, out + err
    assert "waiting: 3 reception(s)" in out
    assert "delivered: 3 reception(s), " in out and "still queued: 0" in out
    assert hub_rows(hub_dsn, "SELECT session_id, count(*) FROM receptions GROUP BY session_id ORDER BY 1") == [
        ("s-1", 1), ("s-2", 1), ("s-3", 1), ("s-4", 1)]
    assert HubFeed(a).backlog().audit_unsent == 0, "the audit rows went too"
    code, report = hub_json(capsys, "push")
    assert (code, report["went"]) == (0, 0)
    assert hub(capsys, "check")[0] == 0


def test_push_on_a_hub_that_does_not_finish_ends_by_its_deadline(open_kiosk, hub_dsn, kiosk_env, capsys):
    a = open_kiosk("a")
    a.save_reception(reception("s-1"))
    deliver(a, hub_dsn)
    a.save_reception(reception("s-2"))
    kiosk_env(with_password(hub_dsn))
    with psycopg.connect(hub_dsn) as blocker:  # holds the table: the delivery waits on it
        blocker.execute("LOCK TABLE receptions IN ACCESS EXCLUSIVE MODE")
        code, report = hub_json(capsys, "push", "--timeout", "3")
        blocker.rollback()
    assert (code, report["error"], report["went"], report["left"]) == (2, "hub_timeout", 0, 1)
    assert HubFeed(a).pending_count() == 1
    assert [s for (s,) in hub_rows(hub_dsn, "SELECT session_id FROM receptions")] == ["s-1"]


def test_ctrl_c_really_stops_a_push_blocked_on_the_hub(open_kiosk, hub_dsn, tmp_path, clinic_key_dir):
    a = open_kiosk("a")
    a.save_reception(reception("s-1"))
    deliver(a, hub_dsn)
    a.save_reception(reception("s-2"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_CONFIG="", KIOSK_DATA_DIR=str(tmp_path / "a"), KIOSK_KEY_DIR=str(clinic_key_dir),
               KIOSK_KEY_PROVIDER="file", KIOSK_HUB_DSN=with_password(hub_dsn), PYTHONPATH=str(Path.cwd()))
    waiting = "SELECT count(*) FROM pg_locks WHERE NOT granted"
    with psycopg.connect(hub_dsn) as blocker:
        blocker.execute("LOCK TABLE receptions IN ACCESS EXCLUSIVE MODE")
        push = subprocess.Popen([sys.executable, "-m", "kiosk", "hub", "push", "--timeout", "600"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            wait_for(lambda: hub_rows(hub_dsn, waiting)[0][0] > 0, "the push to wait on the lock")
            push.send_signal(signal.SIGINT)
            out, err = push.communicate(timeout=WAIT)
        finally:
            if push.poll() is None:
                push.kill()
        assert push.returncode == 130, out + err
        assert "interrupted" in err and "still queued: 1" in out
        assert PASSWORD not in out + err
        # The statement was cancelled on the server: a backend left waiting would hold its place in the
        # lock queue after the client went (PostgreSQL does not notice a closed client while it waits).
        wait_for(lambda: hub_rows(hub_dsn, waiting)[0][0] == 0, "the hub to drop the cancelled statement")
        blocker.rollback()
    assert HubFeed(a).pending_count() == 1, "what the hub did not commit stays queued"
    assert [s for (s,) in hub_rows(hub_dsn, "SELECT session_id FROM receptions")] == ["s-1"]
