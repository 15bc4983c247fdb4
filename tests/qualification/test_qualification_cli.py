import argparse
import json

import pytest

from kiosk.commands import oqs as cli
from kiosk.qualification import codec


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_parse_prints_the_result_as_json(tmp_path, valid_result, capsys):
    path = tmp_path / "OQSsiquc01res_x.xml"
    path.write_bytes(codec.encode_result(valid_result, "1"))
    assert _run(["oqs", "parse", str(path), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["validity"] == 1
    assert printed["records"][0]["name"] == "見本　太郎"
    assert printed["records"][0]["limit_class"] == "A03"
    assert printed["records"][0]["birth_date"] == "1980-02-17"


@pytest.mark.parametrize("content", [b"<XmlMsg><MessageHeader>", b"", b"\xff\xfe"])
def test_parse_exits_2_with_the_named_error_on_a_malformed_file(tmp_path, capsys, content):
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    assert _run(["oqs", "parse", str(path), "--json"]) == 2
    assert "malformed_result" in capsys.readouterr().err


def test_parse_a_missing_file_exits_2(tmp_path, capsys):
    assert _run(["oqs", "parse", str(tmp_path / "none.xml")]) == 2


def test_scenarios_are_listed(capsys):
    assert _run(["oqs", "scenarios"]) == 0
    assert "other_person" in capsys.readouterr().out
