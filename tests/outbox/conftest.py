"""The outbox tests' parts: a 申立書, receptions, and reading back what the outbox wrote (the JSON, the PDF's
text, every 12-digit run)."""
from __future__ import annotations

import base64
import json
import re
import zlib
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.core.domain import CardFacts, Sex, Trouble
from kiosk.core.fallback import Declaration, InsuranceType
from kiosk.core.values import ReceptionRecord
from kiosk.simulation.fakes import DEMO_RECORD

INSTITUTION = "1312345678"
TODAY = date(2026, 11, 27)
STARTED = datetime(2026, 11, 27, 9, 12, 40)
ENDED = datetime(2026, 11, 27, 9, 14, 3)
FACTS = CardFacts(name="見本 花子", address="東京都千代田区霞が関1-2-2", birth_date=date(1956, 3, 8), sex=Sex.FEMALE)
TWELVE_DIGITS = re.compile(rb"(?<!\d)\d{12}(?!\d)")

OLD_RECORD = replace(DEMO_RECORD, name=FACTS.name, name_kana="ミホン ハナコ", sex="2", birth_date=FACTS.birth_date,
                     personal_family="1")


def declaration(**changes: object) -> Declaration:
    values: dict[str, object] = dict(
        facts=FACTS, name_kana="ミホン ハナコ", contact="090-1234-5678", declared_on=TODAY,
        insurance_type=InsuranceType.EMPLOYEE, insurer_name="全国健康保険協会 東京支部", employer="株式会社見本商事",
        burden_percent=30, other_addresses=("神奈川県横浜市中区本町6-50-10",),
    )
    values.update(changes)
    return Declaration(**values)  # type: ignore[arg-type]


def reception(session_id: str = "3f2a91c07b4e", **changes: object) -> ReceptionRecord:
    values: dict[str, object] = dict(session_id=session_id, started_at=STARTED, ended_at=ENDED, outcome="fallback",
                                     facts=FACTS, troubles=(Trouble.T3,))
    values.update(changes)
    return ReceptionRecord(**values)  # type: ignore[arg-type]


def only(folder: Path, suffix: str) -> Path:
    [path] = [p for p in folder.iterdir() if p.name.endswith(suffix)]
    return path


def document(folder: Path) -> dict:
    return json.loads(only(folder, ".json").read_text(encoding="utf-8"))


# --- the PDF's text, read back without a PDF library: the content streams, their string operands --------


def _streams(pdf: bytes) -> list[bytes]:
    out = []
    for match in re.finditer(rb"<<([^<>]*)>>\s*stream\r?\n(.*?)\r?\n?endstream", pdf, re.S):
        header, data = match.groups()
        if b"ASCII85Decode" in header:
            data = base64.a85decode(data.strip().removesuffix(b"~>"))
        if b"FlateDecode" in header:
            data = zlib.decompress(data)
        out.append(data)
    return out


_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _literal(body: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(body):
        c = body[i:i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        octal = re.match(rb"[0-7]{1,3}", body[i + 1:i + 4])
        if octal:
            out.append(int(octal.group(), 8) & 0xFF)
            i += 1 + len(octal.group())
        else:
            nxt = body[i + 1:i + 2]
            out += _ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)


def pdf_text(pdf: bytes) -> str:
    """Every string shown with a font, decoded as that font encodes it: UTF-16BE for the Japanese CID
    fonts (UniJIS-UCS2-H), Latin-1 for the standard ones."""
    objects = dict(re.findall(rb"(?m)^(\d+) 0 obj(.*?)endobj", pdf, re.S))
    type0 = {name for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", pdf) if b"/Type0" in objects[number]}
    token = re.compile(rb"/(F\d+)\s+[\d.]+\s+Tf|\(((?:\\.|[^\\)])*)\)", re.S)
    text, font = [], b""
    for stream in _streams(pdf):
        for match in token.finditer(stream):
            if match.group(1):
                font = match.group(1)
                continue
            raw = _literal(match.group(2))
            text.append(raw.decode("utf-16-be") if font in type0 else raw.decode("latin-1"))
        text.append("\n")
    return "".join(text)


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    return tmp_path / "outbox"
