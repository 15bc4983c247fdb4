"""Mutated result files never crash the codec: each parses or raises a named qualification error."""
import dataclasses
import random
import re

from kiosk.core.errors import QualificationError
from kiosk.core.qualification import QualificationResult
from kiosk.qualification import codec
from kiosk.qualification.scenario import load_scenario

SEED = 20261127
ROUNDS = 3000
TOKENS = [b"<", b">", b"</", b"/>", b"&", b"&amp;", b"&#0;", b"&#xFFFF;", b"<!DOCTYPE x>", b"<!ENTITY e 'x'>",
          b"\x00", b"\xff", b"\x82", b"\xe3\x81", b"]]>", b"<![CDATA[", b"<?pi?>", b"<!--", b"-->", b"\"", b"'",
          b"<ResultOfQualificationConfirmation>", b"<QualificationValidity>9</QualificationValidity>",
          b"<SegmentOfResult>9</SegmentOfResult>", b"<Birthdate>20250230</Birthdate>", b"99999999999999"]


def _seeds() -> list[bytes]:
    seeds = []
    for name, code in (("certificates", "0"), ("certificates", "1"), ("several", "0"), ("gaiji", "1")):
        result = dataclasses.replace(load_scenario(name).result, character_code=code)
        seeds.append(codec.encode_result(result))
    return seeds


VALUES = [b"", b"0", b"-1", b" 1 ", "２０２６".encode(), b"20250230", b"20261301120000", b"abc", b"030", b"1" * 40,
          "●".encode(), b"\xff", b"6", b"<x/>"]
_TEXT = re.compile(rb">([^<>]*)</")


def _mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        position = rng.randrange(len(data) + 1)
        operation = rng.choice((0, 0, 0, 1, 2, 2, 3, 4, 5, 6, 6, 6))
        texts = list(_TEXT.finditer(data)) if operation == 6 else []
        if texts:  # replace an element's value
            span = rng.choice(texts).span(1)
            data[span[0]:span[1]] = rng.choice(VALUES)
        elif operation == 0 and data:  # flip a byte
            data[min(position, len(data) - 1)] = rng.randrange(256)
        elif operation == 1:  # delete a run
            del data[position:position + rng.randint(1, 8)]
        elif operation == 2:  # insert a token
            data[position:position] = rng.choice(TOKENS)
        elif operation == 3:  # truncate
            del data[position:]
        elif operation == 4 and data:  # duplicate a run
            start = rng.randrange(len(data))
            data[position:position] = data[start:start + rng.randint(1, 200)]
        else:  # swap two runs
            a, b = sorted(rng.randrange(len(data) + 1) for _ in range(2))
            data[a:b] = bytes(reversed(data[a:b]))
    return bytes(data)


def test_mutated_files_parse_or_raise_a_named_error():
    rng = random.Random(SEED)
    seeds = _seeds()
    outcomes = {"parsed": 0, "rejected": 0}
    for _ in range(ROUNDS):
        data = _mutate(rng.choice(seeds), rng)
        try:
            result = codec.decode_result(data)
        except QualificationError as error:
            assert error.code  # a named error, never a bare exception
            outcomes["rejected"] += 1
        else:
            assert isinstance(result, QualificationResult)
            outcomes["parsed"] += 1
    # Both paths are exercised, so the test cannot pass by rejecting (or accepting) everything.
    assert outcomes["parsed"] > ROUNDS // 50 and outcomes["rejected"] > ROUNDS // 20, outcomes
