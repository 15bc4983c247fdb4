"""``kiosk face verify`` and ``kiosk face code-b``: output and exit codes."""
from __future__ import annotations

import argparse
import json
from datetime import date

import pytest
from PIL import Image

from kiosk.commands import face as cli
from kiosk.face.card_image import render_card_face


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.fixture
def files(tmp_path, chips, frame):
    (tmp_path / "chip.jp2").write_bytes(chips["obama"])
    for name in ("obama2", "biden"):
        Image.fromarray(frame(name)).save(tmp_path / f"{name}.jpg")
    Image.new("RGB", (320, 240), (120, 120, 120)).save(tmp_path / "empty.png")
    (tmp_path / "garbage.jpg").write_bytes(b"garbage")
    return tmp_path


def _verify(files, capsys, *probes: str) -> tuple[int, dict]:
    argv = ["face", "verify", "--reference", str(files / "chip.jp2"), "--json"]
    for probe in probes:
        argv += ["--probe", str(files / probe)]
    code = _run(argv)
    return code, json.loads(capsys.readouterr().out)


def test_verify_matches_the_same_person(files, capsys):
    code, report = _verify(files, capsys, "obama2.jpg", "biden.jpg")
    assert code == 0 and report["matched"]
    by_name = {p["probe"].rsplit("/", 1)[-1]: p for p in report["probes"]}
    assert by_name["obama2.jpg"]["matched"] and by_name["obama2.jpg"]["distance"] < report["threshold"]
    assert not by_name["biden.jpg"]["matched"] and by_name["biden.jpg"]["guidance"] == []


def test_verify_another_person_is_exit_1(files, capsys):
    code, report = _verify(files, capsys, "biden.jpg")
    assert code == 1 and not report["matched"]


def test_verify_bad_input_is_exit_2(files, capsys):
    code, report = _verify(files, capsys, "garbage.jpg")
    assert code == 2 and "error" in report["probes"][0]
    code, report = _verify(files, capsys, "empty.png")
    assert code == 2 and report["probes"][0]["guidance"] == ["no_face"]
    code = _run(["face", "verify", "--reference", str(files / "empty.png"), "--probe", str(files / "biden.jpg")])
    assert code == 2 and "no face" in capsys.readouterr().out
    code = _run(["face", "verify", "--reference", str(files / "missing.jp2"), "--probe", str(files / "biden.jpg")])
    assert code == 2


def test_code_b_from_a_card_image(tmp_path, capsys):
    pytest.importorskip("rapidocr_onnxruntime")
    card = render_card_face("見本 花子", date(1980, 2, 17), date(2030, 2, 17), "1234")
    Image.fromarray(card).save(tmp_path / "c.png")
    assert _run(["face", "code-b", "--image", str(tmp_path / "c.png"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["code_b"] == "55021720301234"
    Image.new("RGB", (320, 200), (255, 255, 255)).save(tmp_path / "blank.png")
    assert _run(["face", "code-b", "--image", str(tmp_path / "blank.png")]) == 1
