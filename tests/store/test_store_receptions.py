"""The ReceptionStore port and the staff views: receptions, returning patients, interrupted sessions."""
from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest

from kiosk.core.domain import Consent, Trouble
from kiosk.core.fallback import Declaration, InsuranceType
from kiosk.core.ports import ReceptionStore
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.store.errors import NotFound


def test_store_implements_the_port(store):
    port: ReceptionStore = store  # the flow talks to it only through the port
    assert callable(port.save_reception)


def test_saved_reception_reads_back(store, make):
    store.reception_started("s1", make.reception().started_at)
    store.save_reception(make.reception("s1"))
    [r] = store.receptions_on(date(2025, 7, 10))
    assert (r.session_id, r.state, r.outcome, r.troubles, r.staff_flags) == (
        "s1", "saved", "done", (Trouble.T7,), ("burden_changed",)
    )
    assert r.facts == make.facts()
    assert r.result.record == make.record()
    assert r.consent == Consent(True, True, False, None)
    assert r.billing == make.record()
    assert r.notes == ("外字: 邊",)
    assert store.interrupted_receptions() == []
    assert store.receptions_on(date(2025, 7, 11)) == []


def test_returning_patient_found_from_card_and_birth_date(store, make):
    assert store.last_confirmed(make.certificate(), make.facts()) is None
    store.save_reception(make.reception("s1"))
    newer = make.record(burden_percent=30)
    store.save_reception(make.reception("s2", result=QualificationResult(Validity.VALID, (newer,))))
    assert store.last_confirmed(make.certificate(), make.facts()) == newer
    # a failed check does not replace the last confirmed qualification
    store.save_reception(make.reception("s3", result=QualificationResult(Validity.NO_RECORD)))
    assert store.last_confirmed(make.certificate(), make.facts()) == newer
    assert store.last_confirmed(make.certificate("JPKI-AUTH-0002"), make.facts()) is None
    assert store.last_confirmed(make.certificate(), make.facts(birth=date(1950, 4, 3))) is None
    assert store.last_confirmed(make.certificate(), None) is None


def test_patient_key_is_keyed_not_a_plain_hash(store, db_path, make):
    import hashlib

    store.save_reception(make.reception("s1"))
    [key] = [r["patient_key"] for r in store._db.query("SELECT patient_key FROM patients")]
    plain = hashlib.sha256(b"v1\0JPKI-AUTH-0001\01950-04-02").hexdigest()
    assert len(key) == 64 and key != plain


def test_interrupted_receptions_are_listed_until_dismissed(store, open_store, make):
    started = make.reception().started_at
    store.reception_started("crashed", started)
    assert store.interrupted_receptions() == []  # still running in this process
    store.close()  # the process "dies"; a new one opens the store
    store = open_store()
    store.reception_started("s2", started + timedelta(minutes=2))
    assert [r.session_id for r in store.interrupted_receptions()] == ["crashed"]
    store.save_reception(make.reception("s2", started=started + timedelta(minutes=2)))
    assert [r.session_id for r in store.interrupted_receptions()] == ["crashed"]
    store.dismiss_interrupted("crashed", "staff:sato")
    assert store.interrupted_receptions() == []
    with pytest.raises(NotFound):
        store.dismiss_interrupted("crashed", "staff:sato")


def test_declarations_contact_and_settlement(store, make):
    decl = Declaration(
        make.facts(), make.kana, "090-1234-5678", date(2025, 7, 10), InsuranceType.UNKNOWN, burden_percent=None
    )
    declaration_id = store.save_declaration("s1", decl, actor="staff:sato")
    assert store.declaration(declaration_id).declaration == decl
    updated = store.record_contact(declaration_id, date(2025, 7, 24), "staff:sato")
    assert updated.contact_date == date(2025, 7, 24)
    assert [d.declaration.contact_date for d in store.open_declarations()] == [date(2025, 7, 24)]
    store.mark_claim_settled(declaration_id, "staff:admin")
    assert store.open_declarations() == []
    assert store.declaration(declaration_id).settled_at is not None
    with pytest.raises(NotFound):
        store.mark_claim_settled(declaration_id, "staff:admin")


def test_export_hides_personal_fields_unless_asked(store, make):
    store.save_reception(make.reception("s1"))
    plain = io.StringIO()
    assert store.export_csv(date(2025, 7, 1), plain, personal=False, actor="it:root") == 1
    assert make.name not in plain.getvalue() and "06130012" not in plain.getvalue()
    rows = list(csv.DictReader(io.StringIO(plain.getvalue())))
    assert rows[0]["session_id"] == "s1" and rows[0]["consent_medical"] == "1" and "name" not in rows[0]
    full = io.StringIO()
    store.export_csv(date(2025, 7, 1), full, personal=True, actor="boss")
    [row] = list(csv.DictReader(io.StringIO(full.getvalue())))
    assert (row["name"], row["insurer_number"], row["burden_percent"]) == (make.name, "06130012", "20")
    assert store.export_csv(date(2025, 7, 11), io.StringIO(), personal=False, actor="it:root") == 0
    actions = [r["action"] for r in store._db.query("SELECT action FROM audit")]
    assert actions.count("export") == 3


def test_fallback_reception_declaration_and_recheck_are_one_write(store, make):
    from datetime import datetime

    from kiosk.core.fallback import CheckOutcome, decide_billing, recheck_item

    decl = Declaration(make.facts(), make.kana, "090-1234-5678", date(2025, 7, 10), InsuranceType.NATIONAL)
    billing = decide_billing(CheckOutcome.NO_RECORD, today=date(2025, 7, 10), declaration=decl)
    record = make.reception("fb", result=QualificationResult(Validity.NO_RECORD), outcome="fallback")
    item = recheck_item("fb", billing, decl.facts.birth_date, datetime(2025, 7, 10, 9, 1))
    declaration_id, recheck_id = store.save_fallback_reception(record, item, decl)
    assert store.declaration(declaration_id).session_id == "fb"
    [queued] = store.rechecks_awaiting_numbers()
    assert (queued.id, queued.billing) == (recheck_id, billing)
    assert store.receptions_on(date(2025, 7, 10))[0].outcome == "fallback"

    broken = make.reception("fb2", result=QualificationResult(Validity.NO_RECORD), outcome="fallback")
    with pytest.raises(TypeError):  # the 申立書 cannot be sealed: the reception must not stay behind
        store.save_fallback_reception(broken, item, object())  # type: ignore[arg-type]
    assert [r.session_id for r in store.receptions_on(date(2025, 7, 10))] == ["fb"]  # rolled back whole
