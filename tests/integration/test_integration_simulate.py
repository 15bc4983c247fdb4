"""``kiosk simulate``: every scripted patient runs the real flow on the real task manager and lands in the
real store; the report says what each session did and what the console was told."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.commands.main import main
from kiosk.core.states import State
from kiosk.simulation.script import named

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = named()


def _run(capsys, *args: str) -> dict:
    assert main(["simulate", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def _alerts(report: dict, session: int = -1) -> set[tuple]:
    return {(a["code"], a["trouble"], a["called"]) for a in report["sessions"][session]["alerts"]}


def test_list_prints_one_scenario_per_line_name_first(capsys):
    assert main(["simulate", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == list(SCRIPTS)


def test_every_state_is_entered_by_some_scenario_and_every_scenario_lands_in_the_store(kiosk_env, capsys):
    entered = set()
    for name in SCRIPTS:
        report = _run(capsys, name)
        assert report["states"][0] == "idle", name
        assert report["refused"] == [], f"{name}: {report['refused']}"
        assert all("1234" not in step and "0000" not in step for step in report["script"]), "no PIN in a report"
        entered.update(report["states"])
    assert entered == {s.value for s in State}
    check = subprocess.run([sys.executable, "-m", "kiosk", "store", "check"], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_what_goes_to_the_rececon(kiosk_env, capsys):
    report = _run(capsys, "limit-consent")
    [sent] = report["to_rececon"]
    assert sent["insurer_number"] == "06139999" and sent["burden_percent"] == 20
    assert sent["limit_class"] == "A03" and sent["consent"]["limit"] is True
    assert report["outcome"] == "completed" and len(report["sessions"]) == 1


def test_switching_to_the_pin_mid_face_attempt_checks_in_by_pin(kiosk_env, capsys):
    report = _run(capsys, "face-to-pin")
    [session] = report["sessions"]
    assert session["method"] == "pin" and session["outcome"] == "completed"
    assert session["states"][2:5] == ["face", "pin", "checking"], "the PIN is checked at once, no face failure"


def test_a_late_face_match_checks_nobody_in(kiosk_env, capsys):
    [session] = _run(capsys, "late-face-match")["sessions"]
    assert session["method"] == "pin" and "face_failed" not in session["states"]


def test_every_call_for_staff_says_where_it_came_from(kiosk_env, capsys):
    report = _run(capsys, "call-staff-everywhere")
    alerts = _alerts(report)
    assert ("staff_called", "T17", True) in alerts  # from choose_method: nothing wrong, the patient asked
    assert ("pin_low", "T13", True) in alerts
    assert report["calls"] == [{"code": "staff_call", "trouble": None, "urgent": True, "called": True}]


def test_a_kiosk_declaration_bills_the_old_qualification(kiosk_env, capsys):
    [session] = _run(capsys, "kiosk-declaration")["sessions"]
    [handed] = session["to_rececon"]  # the outbox record: staff re-key nothing
    assert session["outcome"] == "fallback" and handed["basis"] == "old_qualification"
    assert handed["remarks"] == ["旧資格情報"] and handed["insurer_number"] == session["billing"]["insurer_number"]
    assert session["billing"]["basis"] == "old_qualification" and session["billing"]["remarks"] == ["旧資格情報"]


def test_a_declaration_without_any_qualification_bills_fushou(kiosk_env, capsys):
    [session] = _run(capsys, "fallback-unknown")["sessions"]
    assert "waiting_staff" in session["states"], "the kiosk form has no kana: staff complete the 申立書"
    billing = session["billing"]
    assert session["outcome"] == "fallback" and billing["insurer_number"] == "77777777"
    assert billing["card_number"] == "777777777" and billing["remarks"] == ["不詳"]
    assert {"T12", "T17"} <= set(session["troubles"])


@pytest.mark.parametrize("name, trouble, alert", [
    ("address-differs", "T5", "differs_from_record"),
    ("black-circle", "T1", None),
    ("public-subsidy", "T10", None),
    ("notice-only", "T11", "certificate_expired"),
])
def test_the_troubles_each_scenario_is_about(kiosk_env, capsys, name, trouble, alert):
    report = _run(capsys, name)
    assert trouble in report["troubles"]
    if alert:
        assert alert in {a[0] for a in _alerts(report)}


def test_a_burden_ratio_change_since_the_last_visit(kiosk_env, capsys):
    report = _run(capsys, "burden-changed")
    first, second = report["sessions"]
    assert "T7" not in first["troubles"] and "T7" in second["troubles"]
    assert ("burden_changed", "T7", False) in _alerts(report)


def test_three_children_in_a_row_each_a_session_of_their_own(kiosk_env, capsys):
    report = _run(capsys, "three-children")
    assert [s["outcome"] for s in report["sessions"]] == ["completed", "completed", "completed_by_staff"]
    assert [s["method"] for s in report["sessions"]] == ["face", "face", "visual"]
    assert len({s["id"] for s in report["sessions"]}) == 3
    assert [s["to_rececon"][0]["branch_number"] for s in report["sessions"]] == ["01", "02", "03"]


def test_a_script_from_a_file(kiosk_env, capsys, tmp_path):
    script = tmp_path / "mine.json"
    script.write_text(json.dumps({"name": "mine", "steps": [{"card": "in"}, {"tap": "pin"}, {"pin": "1234"},
                                                             {"wait": "consent"}, {"tap": "consent_no"},
                                                             {"card": "out"}]}), encoding="utf-8")
    assert main(["simulate", "--script", str(script), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scenario"] == "mine" and report["outcome"] == "completed"
    assert report["to_rececon"][0]["consent"] == {"medical": False, "drugs": False, "checkups": False, "limit": None}


def test_a_tap_that_never_appears_is_reported_not_hidden(kiosk_env, capsys, tmp_path):
    script = tmp_path / "odd.json"
    script.write_text(json.dumps({"steps": [{"card": "in"}, {"tap": "consent_yes", "timeout": 0.2}]}), "utf-8")
    assert main(["simulate", "--script", str(script), "--json"]) == 0
    [refused] = json.loads(capsys.readouterr().out)["refused"]
    assert refused == {"step": 2, "event": "AnswerConsent", "state": "choose_method", "reason": "not_allowed_now"}


@pytest.mark.parametrize("steps, words", [
    ([{"tap": "fase"}], "'fase' is not one of"),
    ([{"card": "in", "pin": "1234"}], "exactly one of"),
    ([{"wait": "consent", "timeout": -1}], "0 or more"),
    ([{"staff": "visual_ok", "colour": "red"}], "unknown key(s) colour"),
])
def test_a_malformed_script_is_a_clear_error_naming_the_step(capsys, tmp_path, steps, words):
    script = tmp_path / "bad.json"
    script.write_text(json.dumps({"name": "bad", "steps": steps}), encoding="utf-8")
    assert main(["simulate", "--script", str(script)]) == 2
    out = capsys.readouterr().out
    assert "bad step 1" in out and words in out


def test_unknown_scenario_is_a_clear_error(capsys):
    assert main(["simulate", "no-such-patient"]) == 2
    assert "unknown scenario" in capsys.readouterr().out


def test_the_machine_prints_as_json_dot_and_mermaid(capsys):
    assert main(["flow", "--graph"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["states"]) == len(State) and {"from", "event", "to"} <= set(data["transitions"][0])
    assert main(["flow", "--graph", "--format", "dot"]) == 0
    assert capsys.readouterr().out.startswith("digraph reception")
    assert main(["flow", "--graph", "--format", "mermaid"]) == 0
    assert capsys.readouterr().out.startswith("stateDiagram-v2")
