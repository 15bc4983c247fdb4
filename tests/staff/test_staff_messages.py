"""The wire: framing, the messages both ends share, the pairing secrets, and what the server may touch."""
from __future__ import annotations

import ast
import inspect
from datetime import date
from pathlib import Path

import pytest

from kiosk.core import events as ev
from kiosk.core import ports
from kiosk.core.codec import to_json
from kiosk.core.domain import CardFacts, Sex
from kiosk.core.fallback import Declaration, InsuranceType
from kiosk.core.states import State
from kiosk.core.values import InsuranceCardQuery
from kiosk.core.view import ChipPhoto, FallbackReply
from kiosk.simulation.fakes import DEMO_FACTS
from kiosk.simulation.player import stand_in
from kiosk.staff import identity as ids
from kiosk.staff import messages as msg
from kiosk.staff.channel import VERSION, decode, encode
from kiosk.staff.errors import ProtocolError, RequestFailed

STAFF = Path(__file__).resolve().parents[2] / "kiosk" / "staff"
# The kiosk's side of the channel (the rest of kiosk/staff is the console's, or shared values).
SERVER_MODULES = ("server.py", "listener.py", "handlers.py", "polling.py", "progress.py", "messages.py")


def test_messages_are_versioned_json_lines():
    line = encode({"type": "ping"})
    assert line.endswith(b"\n") and b"\n" not in line[:-1]
    assert decode(line[:-1]) == {"v": VERSION, "type": "ping"}


@pytest.mark.parametrize("line", [b"not json", b"[1, 2]", b'{"v": 1}', b'{"v": 99, "type": "ping"}', b"\xff\xfe"])
def test_anything_else_is_a_named_protocol_error(line):
    with pytest.raises(ProtocolError):
        decode(line)


def test_a_view_survives_the_wire():
    view = stand_in(State.QUAL_SEVERAL).flow.view()
    message = decode(encode(msg.view_message("", view))[:-1])
    assert msg.view_of(message) == view
    assert message["kiosk"] == ""  # no configured name: the console numbers the kiosk, never its host name


def test_requests_become_the_flows_staff_events():
    reply = lambda data, code: None  # noqa: E731
    ok = msg.command("visual_check", {"session_id": "s1", "confirmed": True}, "suzuki", reply)
    no = msg.command("visual_check", {"session_id": "s1", "confirmed": False}, "suzuki", reply)
    assert (type(ok), type(no)) == (ev.StaffVisualOk, ev.StaffVisualReject)
    assert ok.session_id == "s1" and ok.staff == "suzuki" and ok.reply is None  # answered by the verdict
    photo = msg.command("chip_photo", {"session_id": "s1"}, "suzuki", reply)
    assert isinstance(photo, ev.StaffChipPhoto) and photo.code_b == "" and photo.reply is reply
    assert isinstance(msg.command("session_records", {"session_id": "s1"}, "s", reply), ev.StaffRecords)
    call = msg.command("answer_call", {}, "suzuki", reply)  # a call outside a reception names none
    assert isinstance(call, ev.StaffAnswerCall) and call.session_id == ""
    with pytest.raises(RequestFailed) as unnamed:
        msg.command("end_session", {}, "suzuki", reply)
    assert unnamed.value.code == "bad_request"
    assert {name for name, r in msg.REQUESTS.items() if r.command is not None} >= {
        "takeover", "visual_check", "choose_record", "correct_name", "resume_session", "end_session", "acknowledge",
        "answer_call", "session_records", "complete_fallback", "chip_photo", "camera_still", "insurance_check"}


def test_a_query_and_a_declaration_travel_as_core_values():
    query = InsuranceCardQuery("06139999", "見本", "1234567", "00", date(1980, 2, 17))
    event = msg.command("insurance_check", {"session_id": "s", **msg.query_args(query)}, "suzuki", None)
    assert event.query == query
    declaration = Declaration(DEMO_FACTS, "ミホン タロウ", "090-0000-0000", date(2026, 11, 27),
                              InsuranceType.NATIONAL, burden_percent=30)
    fallback = msg.command("complete_fallback", {"session_id": "s", **msg.fallback_args("declaration", declaration)},
                           "suzuki", None)
    assert (fallback.choice, fallback.declaration) == ("declaration", declaration)
    last = msg.command("complete_fallback", {"session_id": "s", **msg.fallback_args("last_visit", None)}, "s", None)
    assert (last.choice, last.declaration) == ("last_visit", None)


@pytest.mark.parametrize("change", [
    {"insurer_number": "12"}, {"insurer_number": "0613999a"}, {"card_number": ""}, {"branch_number": "123"},
    {"birth_date": "17/02/1980"}, {"birth_date": None}, {"extra": 1},
])
def test_a_bad_query_is_refused_before_the_flow_sees_it(change):
    query = {**to_json(InsuranceCardQuery("06139999", "", "1234567", "", date(1980, 2, 17))), **change}
    with pytest.raises(RequestFailed) as bad:
        msg.command("insurance_check", {"session_id": "s", "query": query}, "suzuki", None)
    assert bad.value.code == "bad_request"


@pytest.mark.parametrize("change", [
    {"burden_percent": 25}, {"name_kana": "ア" * 65}, {"facts": {**to_json(DEMO_FACTS), "sex": "9"}},
    {"facts": {**to_json(DEMO_FACTS), "name": " "}}, {"insurance_type": "private"}, {"declared_on": "yesterday"},
    {"facts": None}, {"declared_on": None}, {"contact": 90},
])
def test_a_bad_declaration_is_refused(change):
    good = to_json(Declaration(DEMO_FACTS, "ミホン タロウ", "090", date(2026, 11, 27)))
    with pytest.raises(RequestFailed) as bad:
        msg.command("complete_fallback", {"session_id": "s", "choice": "declaration",
                                          "declaration": {**good, **change}}, "suzuki", None)
    assert bad.value.code == "bad_request"


def test_answers_are_read_back_as_the_values_the_flow_gave():
    photo = ChipPhoto(CardFacts("見本 太郎", "東京都", date(1980, 2, 17), Sex.MALE), b"\x00jp2\xff")
    wire = decode(encode({"type": "reply", "data": msg.reply_data(photo)})[:-1])
    assert msg.read_reply("chip_photo", wire["data"]) == photo
    assert msg.read_reply("camera_still", msg.reply_data(b"\xff\xd8still")) == b"\xff\xd8still"
    bill = FallbackReply("unknown", 30, ("不詳", "ミホン タロウ"), ("burden_assumed",))
    assert msg.read_reply("complete_fallback", msg.reply_data(bill)) == bill
    with pytest.raises(ProtocolError):
        msg.read_reply("camera_still", {"jpeg": "not base64!"})


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


# --- the server is transport ------------------------------------------------------------------------


def _tree(name: str) -> ast.Module:
    return ast.parse((STAFF / name).read_text(encoding="utf-8"), name)


def _imports(tree: ast.Module) -> set[tuple[str, str]]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {(node.module, alias.name) for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {(alias.name, "") for alias in node.names}
    return found


def _device_methods() -> set[str]:
    """Every method of the device ports: the card, the card face, the face, the terminal, the camera."""
    names = set()
    for port in (ports.CardReader, ports.CardFaceReader, ports.FaceAuthenticator, ports.QualificationChecker,
                 ports.StillCamera):
        names |= {n for n, _ in inspect.getmembers(port, inspect.isfunction) if not n.startswith("_")}
    return names - {"close"}  # letting go of a port is no reading of it (and the server closes its own sockets)


@pytest.mark.parametrize("name", SERVER_MODULES)
def test_the_server_decides_no_bill_and_reads_no_device(name):
    tree = _tree(name)
    from_fallback = {what for module, what in _imports(tree) if module == "kiosk.core.fallback"}
    # The 申立書 is a value on the wire; the MHLW rule (decide_billing and its helpers) is the flow's alone.
    assert from_fallback <= ({"Declaration"} if name == "messages.py" else set()), from_fallback
    assert not {m for m, _ in _imports(tree)} & {"kiosk.staff.blocking", "kiosk.core.session", "kiosk.core.work"}
    attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    assert "devices" not in attributes and "transcript" not in attributes and "_session" not in attributes
    called = {node.func.attr for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)}
    assert not called & _device_methods(), called & _device_methods()


def test_nothing_in_kiosk_staff_probes_for_what_an_object_has():
    for path in STAFF.glob("*.py"):
        calls = {node.func.id for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
        assert "hasattr" not in calls, path.name
