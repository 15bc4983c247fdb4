"""What staff must follow up after the fact, from the kiosk's store: receptions a crash or power cut
interrupted, 不詳 receptions whose re-check waits for the insurance numbers, and re-check outcomes that
change a fallback bill. Each stays listed until a member of staff dismisses it, enters the numbers or
acknowledges it (through the store, audited).

The kiosk sends them in a ``follow_ups`` message to every signed-in console: when it signs in, when
staff handle one, and when the store's lists change (the re-check worker finishes in the background).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.staff.store import StaffStore


@dataclass(frozen=True)
class Interrupted:
    """Started, never saved. The store holds no patient data for it: when it started and, when the
    kiosk's staff channel recorded it, the last state it reached and the troubles seen."""

    session_id: str
    started_at: datetime
    reached: str = ""  # a flow State value; "" when unknown
    troubles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Difference:
    code: str  # kiosk.core.fallback.Change codes: burden_changed, insurer_changed, qualification_lost …
    trouble: str  # "T7", or "" when the change counts under no trouble (now_confirmed)
    billed: str
    found: str


@dataclass(frozen=True)
class RecheckNotice:
    """One fallback reception whose re-check found something: who, when it was billed, and how."""

    id: int
    session_id: str
    billed_at: datetime
    checked_at: datetime
    name: str
    birth_date: date
    basis: str  # how it was billed: old_qualification, unknown (不詳), current
    insurer_number: str  # on the bill
    differences: tuple[Difference, ...]


@dataclass(frozen=True)
class AwaitingNumbers:
    """A 不詳 reception: its re-check runs once staff enter the numbers of the patient's 保険証 or
    資格確認書. The birth date is the one it was billed with; the check uses it as it is."""

    id: int
    session_id: str
    billed_at: datetime
    name: str
    birth_date: date


@dataclass(frozen=True)
class FollowUps:
    interrupted: tuple[Interrupted, ...] = ()
    rechecks: tuple[RecheckNotice, ...] = ()
    awaiting: tuple[AwaitingNumbers, ...] = ()

    def __len__(self) -> int:
        return len(self.interrupted) + len(self.rechecks) + len(self.awaiting)


def follow_ups_of(store: StaffStore) -> FollowUps:
    """What the store holds for staff now. Every unacknowledged re-check outcome, however old: purge
    removes them with their reception once the retention period is over."""
    interrupted = tuple(Interrupted(r.session_id, datetime.fromisoformat(r.started_at), r.reached or "",
                                    tuple(t.value for t in r.troubles))
                        for r in store.interrupted_receptions())
    rechecks = []
    for outcome in store.recheck_outcomes(date.min):
        if not outcome.changes:
            continue  # the bill stands as it was: nothing for staff to do
        item, record = outcome.item, outcome.item.billing.record
        assert item.id is not None
        rechecks.append(RecheckNotice(
            item.id, item.session_id, item.created_at, datetime.fromisoformat(outcome.done_at), record.name,
            item.birth_date, item.billing.basis.value, record.insurer_number,
            tuple(Difference(c.code, c.trouble.value if c.trouble else "", c.billed, c.found)
                  for c in outcome.changes)))
    awaiting = []
    for item in store.rechecks_awaiting_numbers():
        assert item.id is not None  # read back from the store
        awaiting.append(AwaitingNumbers(item.id, item.session_id, item.created_at, item.billing.record.name,
                                        item.birth_date))
    return FollowUps(interrupted, tuple(rechecks), tuple(awaiting))
