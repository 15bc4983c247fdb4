"""The audit log's retention: old rows go with the rest of the purge, and the chain still proves itself
from where it now starts."""
from __future__ import annotations

from datetime import timedelta

from kiosk.store import audit


def _rows(store) -> list[int]:
    return [row[0] for row in store._db.execute("SELECT seq FROM audit ORDER BY seq")]


def test_purged_audit_rows_leave_a_chain_that_still_verifies(store, clock):
    for n in range(5):
        store.audit("staff:sato", "staff_receptions_viewed", f"n={n}")
    old = _rows(store)
    clock.advance(days=400)
    store.audit("staff:sato", "staff_receptions_viewed", "recent")
    counts = store.purge(365, "it:root")
    assert counts["audit"] == len(old)
    assert _rows(store)[0] == old[-1] + 1, "numbering goes on: nothing is renumbered"
    assert store.check() == []
    store.audit("staff:sato", "staff_signed_out", "")
    assert store.check() == []


def test_a_log_purged_to_nothing_goes_on_from_its_base(store, clock):
    store.audit("staff:sato", "staff_receptions_viewed", "")
    clock.advance(days=800)
    store.purge(365, "it:root", today=clock().date() + timedelta(days=1))  # the purge's own row survives
    assert store.check() == []
    store.audit("staff:sato", "staff_signed_out", "")
    assert store.check() == []


def test_removing_rows_after_the_base_or_moving_the_base_is_seen(store, clock):
    for n in range(4):
        store.audit("staff:sato", "staff_receptions_viewed", f"n={n}")
    clock.advance(days=400)
    for n in range(3):
        store.audit("staff:sato", "staff_receptions_viewed", f"late={n}")
    store.purge(365, "it:root")
    db = store._db
    base = db.execute("SELECT value FROM meta WHERE key = ?", (audit.BASE,)).fetchone()[0]
    seq, mac, tag = base.split(":")
    db.execute("UPDATE meta SET value = ? WHERE key = ?", (f"{int(seq) + 1}:{mac}:{tag}", audit.BASE))
    assert "the audit log's starting point was modified" in store.check()
    db.execute("UPDATE meta SET value = ? WHERE key = ?", (base, audit.BASE))
    first = _rows(store)[0]
    db.execute("DROP TRIGGER audit_no_delete")
    db.execute("DELETE FROM audit WHERE seq = ?", (first,))
    assert any("missing" in p or "does not follow" in p for p in store.check())
