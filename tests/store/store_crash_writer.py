"""A writer process for the crash test: receptions, declarations and audit rows as fast as it can.

Usage: store_crash_writer.py DB KEY_DIR PREFIX [HOLD]. Prints "started <id>" after reception_started
commits and "saved <id>" after save_reception commits, so the test knows what must have survived a
SIGKILL. With HOLD=N it stops after starting reception N, so one kill surely lands mid-reception.
"""
from __future__ import annotations

import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from kiosk.core.domain import CardFacts, CertificateInfo, Consent, IdentityMethod, Sex
from kiosk.core.fallback import Declaration
from kiosk.core.qualification import QualificationRecord, QualificationResult, Validity
from kiosk.core.values import ReceptionRecord
from kiosk.store.keys import FileKeyProvider
from kiosk.store.store import Store


def main(db: str, key_dir: str, prefix: str, hold: str = "") -> None:
    store = Store.open(Path(db), FileKeyProvider(Path(key_dir)))
    start = datetime(2025, 7, 10, 9, tzinfo=timezone(timedelta(hours=9)))
    n = 0
    while True:
        sid = f"{prefix}-{n}"
        facts = CardFacts(f"患者{n}", "東京都千代田区1-1", date(1950, 1, 1) + timedelta(days=n), Sex.MALE)
        certificate = CertificateInfo(sid.encode(), start + timedelta(days=3650), subject_serial=sid)
        record = QualificationRecord("06130012", card_number=str(n), name=facts.name, burden_percent=30)
        store.reception_started(sid, start)
        print("started", sid, flush=True)
        if hold and n == int(hold):
            time.sleep(60)
        store.save_reception(
            ReceptionRecord(
                sid, start, start + timedelta(minutes=1), "done", IdentityMethod.PIN, facts, certificate,
                QualificationResult(Validity.VALID, (record,)), Consent(True, False, True), billing=record,
            )
        )
        print("saved", sid, flush=True)
        if n % 3 == 0:
            store.save_declaration(sid, Declaration(facts, "カンジャ", "03-0000-0000", start.date()))
        n += 1


if __name__ == "__main__":
    main(*sys.argv[1:5])
