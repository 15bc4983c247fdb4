"""Round trips through the real file system with the simulator as a real subprocess, for every scenario."""
import dataclasses
import re
import time
from datetime import date, datetime

import pytest

from kiosk.card.virtual.profiles import profile
from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardFacts, IdentityMethod, Trouble
from kiosk.core.errors import MalformedResult
from kiosk.core.qualification import Validity
from kiosk.core.result_checks import check_result
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification import codec, folders, schema, simulator, xmlsafe
from kiosk.qualification.codec import RequestHeader
from kiosk.qualification.errors import CheckFailed, RequestRejected, TerminalTimeout
from kiosk.qualification.gateway import FolderGateway, TerminalConfig
from kiosk.qualification.scenario import load_scenario, scenario_names
from kiosk.qualification.simulator import SimulatorProcess

QUERY = InsuranceCardQuery("06139999", "見本", "1234567", "00", date(1980, 2, 17))
NOW = datetime(2026, 11, 27, 9, 0)


@pytest.fixture(scope="module")
def terminal(tmp_path_factory):
    root = tmp_path_factory.mktemp("terminal")
    with SimulatorProcess(root, "valid", poll=0.02, institution_code="1312345678") as process:
        yield process


@pytest.fixture
def gateway(terminal):
    return FolderGateway(TerminalConfig(terminal.root, "1312345678", timeout=3.0, poll_interval=0.02, settle=1.0))


def _check_card(gateway, certificate):
    return gateway.check_by_card(certificate, IdentityMethod.FACE, None, True, CancelToken())


def _troubles(result, facts, certificate):
    return check_result(result, facts, certificate, NOW).troubles


EXPECTED_ERRORS = {"no_answer": TerminalTimeout, "err": RequestRejected, "malformed": MalformedResult,
                   "abnormal": CheckFailed}


def test_every_packaged_scenario_is_covered():
    covered = set(EXPECTED_ERRORS) | set(EXPECTED_RESULTS)
    assert covered == set(scenario_names())


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_failing_scenarios_raise_their_named_error(terminal, gateway, certificate, name):
    terminal.switch(name)
    if name == "no_answer":
        gateway = FolderGateway(dataclasses.replace(gateway.config, timeout=0.3))
    with pytest.raises(EXPECTED_ERRORS[name]):
        _check_card(gateway, certificate)
    with pytest.raises(EXPECTED_ERRORS[name]):
        gateway.check_by_insurance_card(QUERY, CancelToken())


# scenario → (validity, troubles the result checks find against the demo card)
EXPECTED_RESULTS = {
    "valid": (Validity.VALID, ()),
    "shift_jis": (Validity.VALID, ()),
    "slow": (Validity.VALID, ()),
    "half_written": (Validity.VALID, ()),
    "certificates": (Validity.VALID, ()),
    "burden_changed": (Validity.VALID, ()),
    "expiring": (Validity.VALID, (Trouble.T4,)),
    "invalid": (Validity.INVALID, (Trouble.T3,)),
    "invalid_newer": (Validity.INVALID_NEWER, (Trouble.T3,)),
    "no_record": (Validity.NO_RECORD, (Trouble.T6,)),
    "several": (Validity.SEVERAL, ()),  # staff choose the record: a step, not a trouble of the catalog
    "gaiji": (Validity.VALID, (Trouble.T1,)),
    "other_person": (Validity.VALID, (Trouble.T9, Trouble.T5)),
    "address_differs": (Validity.VALID, (Trouble.T5,)),
    "child_1": (Validity.VALID, (Trouble.T9,)),  # the demo parent's children: each matches its own card
    "child_2": (Validity.VALID, (Trouble.T9,)),
    "child_3": (Validity.VALID, (Trouble.T9,)),
    "medical_aid": (Validity.VALID, ()),
    # 医療扶助 有効（未登録）: valid, and staff confirm the 医療券 (T10: a public subsidy not on the card)
    "medical_aid_unregistered": (Validity.VALID_UNREGISTERED, (Trouble.T10,)),
}


@pytest.mark.parametrize("number", (1, 2, 3))
def test_each_child_matches_the_virtual_card_of_its_own(number, certificate):
    card = profile(f"child-{number}")
    facts = CardFacts(card.holder_name, card.address, card.birth_date, card.sex)
    assert check_result(load_scenario(f"child_{number}").result, facts, certificate, NOW).troubles == ()


@pytest.mark.parametrize("name", sorted(EXPECTED_RESULTS))
def test_answering_scenarios_round_trip(terminal, gateway, certificate, demo_facts, name, tmp_path):
    # As a terminal does for checks at its own face-auth reader (off by default: the kiosk publishes itself).
    pushing = tmp_path / f"{name}-face.json"
    pushing.write_text(f'{{"extends": "{name}", "face": true}}', encoding="utf-8")
    terminal.switch(pushing)
    validity, troubles = EXPECTED_RESULTS[name]
    watcher = gateway.face_watcher()
    by_card = _check_card(gateway, certificate)
    assert by_card.validity is validity
    assert by_card.records == load_scenario(name).result.records
    assert _troubles(by_card, demo_facts, certificate) == troubles
    face = watcher.wait(CancelToken(), 3.0)
    assert (face[0].result.validity, face[0].result.records) == (by_card.validity, by_card.records)
    # A file the terminal makes itself carries its own 16-character identifier (myclinic-ts face sample).
    assert re.fullmatch(r"[A-Za-z0-9+/]{15}=", face[0].result.file_id) and face[0].result.file_id != by_card.file_id
    declared = b'encoding="Shift_JIS"' if name == "shift_jis" else b'encoding="UTF-8"'
    assert declared in (terminal.root / schema.FACE_DIR / face[0].name).read_bytes()[:60]
    by_data = gateway.check_by_insurance_card(QUERY, CancelToken())
    assert by_data.validity is validity and by_data.records == by_card.records


def test_scenario_details_reach_the_kiosk(terminal, gateway, certificate, demo_facts):
    terminal.switch("certificates")
    record = _check_card(gateway, certificate).record
    assert record.limit_class == "A03" and record.limit.valid_until == date(2027, 3, 31)
    assert record.elderly.burden_percent == 20 and record.elderly_certificate
    assert record.specific_diseases[0].self_pay_yen == 10000 and record.specific_disease
    terminal.switch("burden_changed")
    previous = load_scenario("valid").result.record
    changed = _check_card(gateway, certificate)
    assert check_result(changed, demo_facts, certificate, NOW, previous=previous).troubles == (Trouble.T7,)


def test_batch_round_trip(terminal, gateway):
    terminal.switch("valid")
    number = gateway.submit_batch((QUERY,), CancelToken())
    (entry,) = gateway.fetch_batch(number, CancelToken()).entries
    assert entry.query == QUERY and entry.result.validity is Validity.VALID
    assert entry.result.record.reference_number == load_scenario("valid").result.record.reference_number
    with pytest.raises(CheckFailed):
        gateway.fetch_batch("unknown", CancelToken())


def test_the_simulator_stops_cleanly(tmp_path):
    process = SimulatorProcess(tmp_path, "valid", poll=0.02).start()
    assert process.running
    process.stop()
    assert not process.running


def _wait_for(path, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)


def test_a_malformed_request_is_rejected_as_the_public_clients_see_it(terminal):
    """A request the terminal cannot read comes back into ``res`` under its own name with a same-stem ``.err``
    beside it, as hongchinh/emr-cloud-online Services/XmlFileService.cs (OnCreated) expects."""
    terminal.switch("valid")
    (terminal.root / schema.REQ_DIR / "OQSsiquc01req_broken.xml").write_bytes(b"<not really xml")
    returned = terminal.root / schema.RES_DIR / "OQSsiquc01req_broken.xml"
    err = terminal.root / schema.RES_DIR / "OQSsiquc01req_broken.err"
    _wait_for(err)
    assert err.read_text().startswith("E0001 ")
    assert returned.read_bytes() == b"<not really xml"  # already back when the .err, the last file, appears
    err.unlink()
    returned.unlink()


@pytest.mark.parametrize("scenario, request_bytes", [
    ("err", None),  # the scenario's rejection of a well-formed request
    ("valid", b"<not really xml"),  # a request the terminal cannot read
])
def test_a_rejection_returns_the_request_first_and_writes_the_err_last(tmp_path, monkeypatch, scenario,
                                                                        request_bytes):
    """The ``.err`` is the terminal's "done" signal: by the time it appears, the returned request is already in
    ``res``, so a client that acts on the ``.err`` finds (and removes) both. Both are written atomically."""
    written: list[str] = []

    def recording_write(folder, name, data):
        written.append(name)
        return folders.atomic_write(folder, name, data)

    monkeypatch.setattr(simulator, "atomic_write", recording_write)
    sim = simulator.TerminalSimulator(tmp_path, scenario)
    request = schema.request_name(schema.INDIVIDUAL, "20261127090000000001")
    data = request_bytes or codec.encode_insurance_request(
        RequestHeader("20261127090000000001", "1312345678", date(2026, 11, 27), "0"), QUERY)
    (tmp_path / schema.REQ_DIR / request).write_bytes(data)
    assert sim.step() == 1
    sim.step()  # the rejection, due at once (no delay in either scenario)
    assert written == [request, schema.rejection_name(request)]
    res = tmp_path / schema.RES_DIR
    assert sorted(p.name for p in res.iterdir()) == sorted(written)  # no temporary file left
    assert (res / request).read_bytes() == data


def test_the_terminal_writes_elements_in_an_order_of_its_own(terminal):
    """Terminal files do not follow schema order: the myclinic-ts face sample
    (packages/frontend/src/lib/onshi-face.test.ts) has the body's ResultList before ProcessingResultStatus."""
    terminal.switch("certificates")
    request = schema.request_name(schema.INDIVIDUAL, "order")
    header = RequestHeader("order", "1312345678", date(2026, 11, 27), "0")
    (terminal.root / schema.REQ_DIR / request).write_bytes(codec.encode_insurance_request(header, QUERY))
    answer = terminal.root / schema.RES_DIR / (schema.answer_stem_for(request) + ".xml")
    _wait_for(answer)
    data = answer.read_bytes()
    answer.unlink()
    result = codec.decode_result(data)
    ours = xmlsafe.parse(codec.encode_result(result))[0]
    theirs = xmlsafe.parse(data)[0]
    orders = [[child.tag for child in element] for root in (ours, theirs)
              for element in (root.find("MessageHeader"), root.find("MessageBody/ResultList/*"))]
    assert orders[:2] != orders[2:] and sorted(map(sorted, orders[:2])) == sorted(map(sorted, orders[2:]))
    assert result.records == load_scenario("certificates").result.records and result.unknown == ()
