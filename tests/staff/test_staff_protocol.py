import pytest

from kiosk.core.harness import reach
from kiosk.core.states import State
from kiosk.staff import identity as ids
from kiosk.staff.errors import ProtocolError
from kiosk.staff.protocol import VERSION, decode, encode, view_from_json, view_to_json


def test_messages_are_versioned_json_lines():
    line = encode({"type": "ping"})
    assert line.endswith(b"\n") and b"\n" not in line[:-1]
    assert decode(line[:-1]) == {"v": VERSION, "type": "ping"}


@pytest.mark.parametrize("line", [b"not json", b"[1, 2]", b'{"v": 1}', b'{"v": 99, "type": "ping"}', b"\xff\xfe"])
def test_anything_else_is_a_named_protocol_error(line):
    with pytest.raises(ProtocolError):
        decode(line)


def test_a_view_survives_the_wire():
    view = reach(State.QUAL_SEVERAL).flow.view()
    assert view_from_json(view_to_json(view)) == view


def test_secrets_are_typed_loosely_but_proofs_are_strict():
    secret = ids.new_secret()
    assert ids.normalise_secret(secret.lower().replace("-", " ")) == ids.normalise_secret(secret)
    a = ids.proof(secret, "console", "n1", "n2", "FP")
    assert ids.proof_matches(a, ids.proof(secret.lower(), "console", "n1", "n2", "FP"))
    assert not ids.proof_matches(a, ids.proof(secret, "console", "n1", "n2", "OTHER"))
    assert not ids.proof_matches(a, ids.proof(secret, "kiosk", "n1", "n2", "FP"))
    assert not ids.proof_matches(a, None)


def test_identity_files_are_owner_only_and_stable(tmp_path):
    first = ids.load_identity(tmp_path / "staff", "k")
    again = ids.load_identity(tmp_path / "staff", "k")
    assert first == again
    for name in ("kiosk-key.pem", "pairing-secret"):
        assert (tmp_path / "staff" / name).stat().st_mode & 0o077 == 0


def test_the_pairing_book_keeps_one_entry_per_kiosk(tmp_path):
    book = ids.PairingBook(tmp_path / "console" / "kiosks.json")
    book.save(ids.Pairing("10.0.0.2:47810", "S1", "FP1", "入口"))
    book.save(ids.Pairing("10.0.0.2:47810", "S2", "FP2", "入口"))
    book.save(ids.Pairing("10.0.0.3:47810", "S3", "FP3", "奥"))
    assert [p.secret for p in book.all()] == ["S2", "S3"]
    assert book.path.stat().st_mode & 0o077 == 0
    book.remove("10.0.0.3:47810")
    assert [p.address for p in book.all()] == ["10.0.0.2:47810"]
