"""Two kiosk processes (``kiosk simulate``, each with its own data folder) on one real hub, and a kiosk
without a hub, which never loads any of it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.hub.conftest import hub_rows

# The second visit, at another kiosk: the terminal now says 2割 where the first visit was 3割 (T7). The flow
# raises the burden_changed alert only when it knows the last visit.
RETURNING = {
    "name": "returning-burden-changed",
    "summary": "a returning patient whose burden ratio changed since a visit at another kiosk (T7)",
    "title": "別の受付機での前回から負担割合が変わった",
    "terminal": "burden_changed",
    "steps": [
        {"card": "in"},
        {"tap": "pin"},
        {"pin": "1234"},
        {"wait": "consent"},
        {"staff": "acknowledge", "what": "burden_changed"},
        {"tap": "consent_yes"},
        {"card": "out"},
    ],
}


def kiosk(tmp_path: Path, name: str, *args: str, hub: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_CONFIG="", KIOSK_DATA_DIR=str(tmp_path / name), KIOSK_KEY_DIR=str(tmp_path / "clinic-keys"),
               KIOSK_KEY_PROVIDER="file")
    if hub is not None:
        env["KIOSK_HUB_DSN"] = hub
    done = subprocess.run([sys.executable, "-m", "kiosk", "simulate", *args, "--json"], env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout)


def alerts(report: dict) -> list[str]:
    return [a["code"] for s in report["sessions"] for a in s["alerts"]]


def test_kiosk_b_uses_the_last_visit_made_at_kiosk_a(tmp_path, hub_dsn):
    script = tmp_path / "returning.json"
    script.write_text(json.dumps(RETURNING, ensure_ascii=False), encoding="utf-8")

    first = kiosk(tmp_path, "kiosk-a", "valid-pin", hub=hub_dsn)
    [session] = [s["id"] for s in first["sessions"]]
    assert hub_rows(hub_dsn, "SELECT session_id FROM receptions") == [(session,)], "delivered as kiosk A closed"

    at_b = kiosk(tmp_path, "kiosk-b", "--script", str(script), hub=hub_dsn)
    assert "burden_changed" in alerts(at_b), "kiosk B knew the visit at kiosk A: through the hub"
    alone = kiosk(tmp_path, "kiosk-c", "--script", str(script), hub=None)
    assert "burden_changed" not in alerts(alone), "a kiosk without the hub knows only its own visits"

    on_hub = hub_rows(hub_dsn, "SELECT count(*), count(DISTINCT (kiosk_id, session_id)), count(DISTINCT kiosk_id) "
                               "FROM receptions")
    assert on_hub == [(2, 2, 2)], "each kiosk's reception on the hub once"


NO_HUB = """
import sys
from kiosk.commands.main import main
code = main(["simulate", "valid-pin"])
loaded = sorted(m for m in sys.modules if m.split(".")[0] == "psycopg" or m.startswith("kiosk.hub"))
print("loaded:", loaded)
sys.exit(code)
"""


def test_without_a_hub_nothing_of_it_is_loaded(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env.update(KIOSK_CONFIG="", KIOSK_DATA_DIR=str(tmp_path / "data"), KIOSK_KEY_DIR=str(tmp_path / "keys"),
               KIOSK_KEY_PROVIDER="file")
    done = subprocess.run([sys.executable, "-c", NO_HUB], env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "loaded: []" in done.stdout
