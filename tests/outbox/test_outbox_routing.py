"""The kiosk's publisher: a card check becomes the terminal's face file, a fallback an outbox record, on the
real flow; and where the outbox is configured."""
from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from pathlib import Path

from kiosk import config as kiosk_config
from kiosk.core import events as ev
from kiosk.core.domain import Consent, IdentityMethod
from kiosk.core.fallback import CheckOutcome, decide_billing
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import State
from kiosk.core.values import ReceptionRecord
from kiosk.outbox.publisher import OutboxPublisher
from kiosk.qualification import codec
from kiosk.qualification.publisher import FaceFilePublisher
from kiosk.qualification.scenario import load_scenario
from kiosk.simulation.fakes import DEMO_RECORD, FakeQualificationChecker
from kiosk.simulation.harness import make_harness
from kiosk.wiring import result_publisher
from tests.outbox.conftest import INSTITUTION, TODAY, declaration, document, reception


def _valid_result() -> QualificationResult:
    return dataclasses.replace(load_scenario("certificates").result, institution_code=INSTITUTION,
                               processed_at=datetime(2026, 11, 27, 9, 0, 5), confirmation_date=date(2026, 11, 27))


def _publisher(tmp_path: Path) -> OutboxPublisher:
    (tmp_path / "face").mkdir()
    return OutboxPublisher(FaceFilePublisher(tmp_path / "face", INSTITUTION), tmp_path / "outbox")


def test_a_card_check_goes_out_as_a_face_file_and_a_fallback_to_the_outbox(tmp_path):
    publisher = _publisher(tmp_path)
    checked = ReceptionRecord(session_id="a1", started_at=datetime(2026, 11, 27, 9, 1),
                              ended_at=datetime(2026, 11, 27, 9, 3), outcome="completed", method=IdentityMethod.FACE,
                              result=_valid_result(), consent=Consent(True, True, False, None))
    name = publisher.publish(checked)
    assert name.startswith("OQSsiquc01res_face_") and [p.name for p in (tmp_path / "face").iterdir()] == [name]
    assert codec.decode_result((tmp_path / "face" / name).read_bytes()).record.name
    assert not (tmp_path / "outbox").exists(), "a card check writes no outbox record"

    form = declaration()
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, declaration=form)
    outboxed = publisher.publish_fallback(reception(), billing, form)
    assert outboxed.endswith(".json") and (tmp_path / "outbox" / outboxed).exists()
    assert [p.name for p in (tmp_path / "face").iterdir()] == [name], "a fallback writes no face file"


def test_the_flow_hands_a_fallback_to_the_outbox(tmp_path):
    publisher = _publisher(tmp_path)
    rig = make_harness(qualification=FakeQualificationChecker(QualificationResult(Validity.INVALID, (DEMO_RECORD,))),
                       publisher=publisher)
    rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"), ev.StartDeclaration())
    rig.declare(burden_percent=20)
    assert rig.state is State.DONE
    doc = document(tmp_path / "outbox")
    [saved] = rig.store.receptions
    assert doc["session_id"].replace("-", "") == saved.session_id
    assert doc["basis"] == "old_qualification" and doc["remarks"] == list(saved.remarks) == ["旧資格情報"]
    assert doc["billed"]["insurer_number"] == DEMO_RECORD.insurer_number and doc["window_burden_percent"] == 20
    assert doc["declaration"]["contact"] == "090-1234-5678"
    assert (tmp_path / "outbox" / doc["declaration_pdf"]).exists()
    assert list((tmp_path / "face").iterdir()) == []


def test_the_outbox_folder_is_configured_beside_the_data(tmp_path):
    data = tmp_path / "data"
    default = kiosk_config.load(env={"KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(data)})
    assert default.outbox == data / "outbox"
    moved = kiosk_config.load(env={"KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(data),
                                   "KIOSK_OUTBOX_DIR": str(tmp_path / "share")})
    assert moved.outbox == tmp_path / "share"
    file = tmp_path / "kiosk.json"
    file.write_text(json.dumps({"data_dir": str(data), "outbox_dir": str(tmp_path / "rececon")}))
    assert kiosk_config.load(file, env={}).outbox == tmp_path / "rececon"
    built = kiosk_config.Config(data_dir=data, key_dir=tmp_path / "keys", terminal_root=data / "terminal")
    assert built.outbox == data / "outbox"


def test_the_wired_publisher_writes_where_the_config_says(tmp_path):
    config = kiosk_config.load(env={"KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(tmp_path), "KIOSK_NAME": "受付機2"})
    publisher = result_publisher(config, tmp_path / "terminal" / "face")
    form = declaration()
    billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=TODAY, declaration=form)
    publisher.publish_fallback(reception(), billing, form)
    assert document(tmp_path / "outbox")["institution_code"] == config.institution_code
