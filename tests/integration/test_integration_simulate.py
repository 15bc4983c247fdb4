"""``kiosk simulate``: every scenario runs the real flow and lands in the real store."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kiosk.app import main
from kiosk.core.states import PROBLEM_TROUBLE, State
from kiosk.scenarios import SCENARIOS

ROOT = Path(__file__).resolve().parents[2]


def test_list_prints_one_scenario_per_line_name_first(capsys):
    assert main(["simulate", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == list(SCENARIOS)


def test_every_problem_state_has_a_scenario_and_every_scenario_lands_in_the_store(kiosk_env, capsys):
    reached = set()
    for name in SCENARIOS:
        assert main(["simulate", name, "--json"]) == 0
        transcript = json.loads(capsys.readouterr().out)
        assert transcript["states"][0] == "idle" and transcript["screens"][0] == "screen.idle"
        pins = [step for step in transcript["script"] if step.startswith("SubmitPin")]
        assert all(step == "SubmitPin(pin=****)" for step in pins), "a PIN never reaches a transcript"
        reached.update(transcript["states"])
    problems = set(PROBLEM_TROUBLE) | {State.QUAL_SEVERAL, State.CERT_EXPIRING, State.WAITING_STAFF, State.CARD_REMOVED}
    assert {s.value for s in problems} <= reached
    check = subprocess.run([sys.executable, "-m", "kiosk", "store", "check"], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_what_goes_to_the_rececon(kiosk_env, capsys):
    assert main(["simulate", "limit-consent", "--json"]) == 0
    transcript = json.loads(capsys.readouterr().out)
    [sent] = transcript["to_rececon"]
    assert sent["insurer_number"] == "06139999" and sent["burden_percent"] == 30
    assert sent["limit_class"] == "A03" and sent["consent"]["limit"] is True
    assert transcript["outcome"] == "completed" and len(transcript["sessions"]) == 1


def test_unknown_scenario_is_a_clear_error(capsys):
    assert main(["simulate", "no-such-patient"]) == 2
    assert "unknown scenario" in capsys.readouterr().out
