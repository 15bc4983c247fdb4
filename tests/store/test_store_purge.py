"""Retention: purge removes old receptions and patients but keeps a 申立書 until its claim is settled."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from kiosk.core.fallback import CheckOutcome, Declaration, decide_billing, recheck_item


def test_purge_keeps_unsettled_declarations_and_open_rechecks(store, make):
    old_day = make.reception().started_at
    recent_day = old_day + timedelta(days=400)
    store.save_reception(make.reception("old", started=old_day))
    store.save_reception(make.reception("new", started=recent_day, certificate=make.certificate("JPKI-2")))
    decl = Declaration(make.facts(), make.kana, "090-1234-5678", old_day.date())
    settled = store.save_declaration("old", decl)
    unsettled = store.save_declaration("old", decl)
    store.mark_claim_settled(settled, "staff:admin")
    billing = decide_billing(CheckOutcome.NO_RECORD, today=old_day.date(), declaration=decl)
    store.enqueue_recheck(recheck_item("old", billing, decl.facts.birth_date, datetime(2025, 7, 10, 9)))

    counts = store.purge(365, "it:root", today=recent_day.date())
    assert counts.pop("audit") > 0, "the audit log has a retention too"
    assert counts == {"consents": 1, "receptions": 1, "patients": 1, "declarations": 1, "rechecks": 0}
    assert store.receptions_on(old_day.date()) == []
    assert [r.session_id for r in store.receptions_on(recent_day.date())] == ["new"]
    assert store.last_confirmed(make.certificate(), make.facts()) is None
    assert store.last_confirmed(make.certificate("JPKI-2"), make.facts()) is not None
    assert [d.id for d in store.open_declarations()] == [unsettled]
    assert len(store.rechecks_awaiting_numbers()) == 1
    assert store.check() == []

    store.mark_claim_settled(unsettled, "staff:admin")
    assert store.purge(365, "it:root", today=recent_day.date())["declarations"] == 1
    assert store._db.execute("SELECT action, detail FROM audit WHERE action = 'purge'").fetchone()[1].startswith(
        f"before={(recent_day.date() - timedelta(days=365)).isoformat()}"
    )


def test_purge_leaves_recent_data(store, make):
    store.save_reception(make.reception("s1"))
    assert sum(store.purge(30, "it:root", today=date(2025, 7, 11)).values()) == 0
    assert len(store.receptions_on(date(2025, 7, 10))) == 1
