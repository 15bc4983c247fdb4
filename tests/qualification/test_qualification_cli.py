"""``kiosk oqs …``: parse with the result checks, and the connection test against the simulator process."""
import argparse
import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.commands import oqs as cli
from kiosk.qualification import codec, schema
from kiosk.qualification.scenario import load_scenario
from kiosk.qualification.simulator import SimulatorProcess

ROOT = Path(__file__).resolve().parents[2]
CHIP = ["--name", "見本 太郎", "--birth", "1980-02-17", "--sex", "male", "--address", "東京都千代田区霞が関1-2-2"]
CARD = ["--insurer", "06139999", "--symbol", "見本", "--number", "1234567", "--branch", "00",
        "--birth", "1980-02-17"]


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def _result_file(folder, scenario: str, **record_changes) -> str:
    """A result file as the terminal writes it, from a packaged scenario."""
    result = dataclasses.replace(
        load_scenario(scenario).result, institution_code="1312345678", file_id="20261127090000123456",
        processed_at=datetime(2026, 11, 27, 9, 0, 5), confirmation_date=date(2026, 11, 27),
    )
    if record_changes:
        result = dataclasses.replace(result, records=(dataclasses.replace(result.records[0], **record_changes),))
    path = Path(folder) / f"{scenario}-{len(record_changes)}.xml"
    path.write_bytes(codec.encode_result(result, "1"))
    return str(path)


def _checks(capsys, argv: list[str]) -> list[dict]:
    assert _run(["oqs", "parse", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)["checks"]


# --- parse ------------------------------------------------------------------------------------------


def test_parse_prints_the_result_as_json(tmp_path, valid_result, capsys):
    path = tmp_path / "OQSsiquc01res_x.xml"
    path.write_bytes(codec.encode_result(valid_result, "1"))
    assert _run(["oqs", "parse", str(path), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["validity"] == 1
    assert printed["records"][0]["name"] == "見本　太郎"
    assert printed["records"][0]["limit_class"] == "A03"
    assert printed["records"][0]["birth_date"] == "1980-02-17"
    assert printed["checks"] == []


@pytest.mark.parametrize("content", [b"<XmlMsg><MessageHeader>", b"", b"\xff\xfe"])
def test_parse_exits_2_with_the_named_error_on_a_malformed_file(tmp_path, capsys, content):
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    assert _run(["oqs", "parse", str(path), "--json"]) == 2
    assert "malformed_result" in capsys.readouterr().err


def test_parse_a_missing_file_exits_2(tmp_path):
    assert _run(["oqs", "parse", str(tmp_path / "none.xml")]) == 2


def test_parse_flags_every_field_holding_gaiji(tmp_path, capsys):
    path = _result_file(tmp_path, "gaiji")
    checks = _checks(capsys, [path])
    assert {(c["code"], c["trouble"], c["field"]) for c in checks} == {
        ("gaiji", "T1", "name"), ("gaiji", "T1", "insured_name"), ("gaiji", "T1", "address")}
    assert _run(["oqs", "parse", path]) == 0
    out = capsys.readouterr().out
    assert "T1  name holds ● (外字 the insurer's database cannot hold): 見本　●郎" in out
    assert "T1  address holds ●" in out


@pytest.mark.parametrize("scenario, code, trouble, words", [
    ("invalid", "old_qualification", "T3", "the qualification is invalid (資格（無効）)"),
    ("invalid_newer", "old_qualification", "T3", "the qualification is invalid (資格（無効）)"),
    ("no_record", "no_record", "T6", "no qualification record (該当資格なし)"),
])
def test_parse_names_a_lost_or_missing_qualification(tmp_path, capsys, scenario, code, trouble, words):
    path = _result_file(tmp_path, scenario)
    assert [(c["code"], c["trouble"]) for c in _checks(capsys, [path])] == [(code, trouble)]
    assert _run(["oqs", "parse", path]) == 0
    assert f"{trouble}  {words}" in capsys.readouterr().out


def test_parse_shows_the_certificate_expiry_notice(tmp_path, capsys):
    path = _result_file(tmp_path, "expiring")
    [check] = _checks(capsys, [path])
    assert (check["code"], check["trouble"]) == ("certificate_expiring", "T4")
    assert check["found"] == "マイナンバーカードの失効期限3か月前"
    assert _run(["oqs", "parse", path]) == 0
    out = capsys.readouterr().out
    assert "T4  the card's electronic certificate expires within 3 months" in out
    assert "失効期限3か月前" in out


def test_parse_compares_the_chip_facts_only_when_given(tmp_path, capsys):
    other = _result_file(tmp_path, "other_person")
    assert _checks(capsys, [other]) == []
    checks = _checks(capsys, [other, *CHIP])
    mismatches = {c["field"]: (c["found"], c["expected"]) for c in checks if c["code"] == "person_mismatch"}
    assert {c["trouble"] for c in checks if c["code"] == "person_mismatch"} == {"T9"}
    assert mismatches == {"name": ("見本　花子", "見本 太郎"), "birth_date": ("1985-07-01", "1980-02-17"),
                          "sex": ("2", "1")}
    assert [c["trouble"] for c in checks if c["code"] == "address_differs"] == ["T5"]
    assert _run(["oqs", "parse", other, *CHIP]) == 0
    out = capsys.readouterr().out
    assert "T9  name differs from the card's chip (result 見本　花子, chip 見本 太郎)" in out
    assert "another person's data, T9, not checked" not in out
    assert _checks(capsys, [_result_file(tmp_path, "valid"), *CHIP]) == []  # the demo patient is the card's


def test_parse_says_which_checks_were_not_run(tmp_path, capsys):
    assert _run(["oqs", "parse", _result_file(tmp_path, "valid")]) == 0
    out = capsys.readouterr().out
    assert "checks: nothing to flag" in out
    assert "T9, not checked" in out and "T7/T8, not checked" in out


def test_parse_refuses_part_of_the_chip_facts(tmp_path, capsys):
    assert _run(["oqs", "parse", _result_file(tmp_path, "valid"), "--name", "見本 太郎"]) == 2
    assert "chip_facts_incomplete" in capsys.readouterr().err


def test_parse_compares_burden_and_limit_with_the_last_visit(tmp_path, capsys):
    now = _result_file(tmp_path, "certificates")  # 2割, A03
    last = _result_file(tmp_path, "certificates", burden_percent=30, limit_class="A02")
    assert _checks(capsys, [now]) == []
    checks = _checks(capsys, [now, "--last", last])
    assert {(c["code"], c["trouble"], c["found"], c["expected"]) for c in checks} == {
        ("burden_changed", "T7", "20", "30"), ("limit_changed", "T8", "A03", "A02")}
    assert _run(["oqs", "parse", now, "--last", last]) == 0
    out = capsys.readouterr().out
    assert "T7  the burden ratio changed since the last visit: 30% then, 20% now" in out
    assert "T8  the 限度額 class changed since the last visit: A02 then, A03 now" in out
    assert _checks(capsys, [now, "--last", now]) == []


@pytest.mark.parametrize("scenario", ["several", "malformed_file"])
def test_parse_refuses_a_last_visit_without_one_record(tmp_path, capsys, scenario):
    if scenario == "several":
        last = _result_file(tmp_path, "several")
    else:
        last = str(tmp_path / "broken.xml")
        Path(last).write_bytes(b"<XmlMsg>")
    assert _run(["oqs", "parse", _result_file(tmp_path, "valid"), "--last", last]) == 2
    assert "last_visit_unusable" in capsys.readouterr().err


def test_scenarios_are_listed(capsys):
    assert _run(["oqs", "scenarios"]) == 0
    assert "other_person" in capsys.readouterr().out


# --- check: the connection test against the simulator as a separate process -------------------------


@pytest.fixture(scope="module")
def terminal(tmp_path_factory):
    root = tmp_path_factory.mktemp("terminal")
    with SimulatorProcess(root, "valid", poll=0.02, institution_code="1312345678") as process:
        yield process


def _check(terminal, capsys, *extra: str) -> tuple[int, dict]:
    code = _run(["oqs", "check", "--root", str(terminal.root), "--institution", "1312345678",
                 "--encoding", "utf-8", *CARD, "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


def test_check_a_valid_qualification_exits_0(terminal, capsys):
    terminal.switch("valid")
    code, report = _check(terminal, capsys)
    assert (code, report["outcome"]) == (0, "valid")
    assert "the qualification is valid (有効)" in report["words"]
    assert report["result"]["records"][0]["card_number"] == "1234567"
    assert report["result"]["reference"] == "2"  # answered as a check by insurance-card data
    assert report["checks"] == []
    assert list((terminal.root / schema.RES_DIR).iterdir()) == []  # the answer holds personal data


@pytest.mark.parametrize("scenario, words, checks", [
    ("invalid", "not valid, invalid (資格（無効）)", ["old_qualification"]),
    ("no_record", "not valid, no qualification record (該当資格なし)", ["no_record"]),
    ("several", "not valid, several records match (複数該当)", ["several_records"]),
])
def test_check_an_answer_that_is_not_valid_exits_1(terminal, capsys, scenario, words, checks):
    terminal.switch(scenario)
    code, report = _check(terminal, capsys)
    assert (code, report["outcome"]) == (1, "not_valid")
    assert words in report["words"]
    assert [c["code"] for c in report["checks"]] == checks


def test_check_prints_the_answer_in_words(terminal, capsys):
    terminal.switch("invalid")
    assert _run(["oqs", "check", "--root", str(terminal.root), "--institution", "1312345678",
                 "--encoding", "utf-8", *CARD]) == 1
    out = capsys.readouterr().out
    assert out.startswith("NOT VALID: the terminal answered in ")
    assert "06139999 見本健康保険組合 見本・1234567 (00) 見本　太郎" in out
    assert "T3  the qualification is invalid" in out


def test_check_a_rejected_request_exits_2_with_the_err_text(terminal, capsys):
    terminal.switch("err")
    code, report = _check(terminal, capsys)
    assert (code, report["outcome"]) == (2, "request_rejected")
    assert report["words"].startswith("rejected: the terminal could not accept the request")
    assert "EQ1001 request file could not be read" in report["words"]
    # The terminal answers a rejection under the request's own name (oqs-interface.md).
    assert "OQSsiquc01req_" in report["words"] and ".err" in report["words"]


def test_check_a_rejected_request_leaves_res_empty(terminal, capsys):
    """The returned request holds personal data: neither it nor its ``.err`` stays in ``res`` once the command
    returns (the race an audit saw in 1 run of 10, so 10 runs)."""
    terminal.switch("err")
    for _ in range(10):
        code, report = _check(terminal, capsys)
        assert (code, report["outcome"]) == (2, "request_rejected")
        assert list((terminal.root / schema.RES_DIR).iterdir()) == []


def test_check_without_an_answer_exits_2_after_the_timeout(terminal, capsys):
    terminal.switch("no_answer")
    code, report = _check(terminal, capsys, "--timeout", "0.5")
    assert (code, report["outcome"]) == (2, "terminal_timeout")
    assert report["words"].startswith("no answer: the terminal did not answer within 0.5 s")


@pytest.mark.parametrize("scenario, outcome, words", [
    ("malformed", "malformed_result", "broken answer: the terminal's answer file could not be read"),
    ("abnormal", "check_failed", "the terminal took the request, but the check ended abnormally"),
])
def test_check_a_broken_or_abnormal_answer_exits_2(terminal, capsys, scenario, outcome, words):
    terminal.switch(scenario)
    code, report = _check(terminal, capsys)
    assert (code, report["outcome"]) == (2, outcome)
    assert report["words"].startswith(words)


def test_check_without_the_terminal_folder_exits_2(tmp_path, capsys):
    assert _run(["oqs", "check", "--root", str(tmp_path / "share"), "--institution", "1312345678",
                 "--encoding", "utf-8", *CARD]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: terminal_folder_missing: the terminal's folder is missing")


def test_check_refuses_bad_card_numbers_before_sending(tmp_path, capsys):
    root = tmp_path / "root"
    for folder in (schema.REQ_DIR, schema.RES_DIR):
        (root / folder).mkdir(parents=True)
    assert _run(["oqs", "check", "--root", str(root), "--institution", "1312345678", "--encoding", "utf-8",
                 "--insurer", "0613999", "--number", "1234567", "--branch", "1", "--birth", "1980-02-17"]) == 2
    err = capsys.readouterr().err
    assert "--insurer: the 保険者番号 has 6 or 8 digits" in err and "--branch: the 枝番 is 2 digits" in err
    assert list((root / schema.REQ_DIR).iterdir()) == []


def test_check_takes_the_terminal_from_the_kiosk_config(terminal, tmp_path, monkeypatch, capsys):
    config = tmp_path / "kiosk.toml"
    config.write_text(f'terminal_root = "{terminal.root.as_posix()}"\ninstitution_code = "1312345678"\n',
                      encoding="utf-8")
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    terminal.switch("valid")
    assert _run(["oqs", "check", *CARD, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["terminal"] == {"root": str(terminal.root), "institution_code": "1312345678",
                                  "encoding": "utf-8"}
    assert report["result"]["institution_code"] == "1312345678"


def _kiosk(*args: str) -> subprocess.Popen:
    env = dict(os.environ, KIOSK_CONFIG="")
    return subprocess.Popen([sys.executable, "-m", "kiosk", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)


def test_check_as_a_real_command(terminal):
    terminal.switch("valid")
    process = _kiosk("oqs", "check", "--root", str(terminal.root), "--institution", "1312345678", *CARD)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert out.startswith("OK: the terminal answered in ")
    assert "見本　太郎" in out and "checks: nothing to flag" in out


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT, as Ctrl-C does in a terminal")
def test_ctrl_c_withdraws_the_request_and_ends_cleanly(tmp_path):
    root = tmp_path / "root"
    for folder in (schema.REQ_DIR, schema.RES_DIR, schema.FACE_DIR):
        (root / folder).mkdir(parents=True)
    process = _kiosk("oqs", "check", "--root", str(root), "--institution", "1312345678", *CARD, "--json")
    try:
        deadline = time.monotonic() + 30
        while not any(p.name.startswith(schema.INDIVIDUAL + "req_") for p in (root / schema.REQ_DIR).iterdir()):
            assert process.poll() is None and time.monotonic() < deadline, "the request was never written"
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err
    report = json.loads(out)
    assert report["outcome"] == "cancelled"
    assert report["words"].startswith("interrupted: the check was stopped")
    assert "Traceback" not in err
    assert list((root / schema.REQ_DIR).iterdir()) == []
