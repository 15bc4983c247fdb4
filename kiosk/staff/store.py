"""What the staff side needs of the kiosk's store, declared: the real :class:`kiosk.store.store.Store`
has it, and so does the :class:`kiosk.core.tasks.StoreLane` the flow writes through (its writes queue,
its reads go straight to the store). Give the staff server the lane: ``reception_progress`` and ``audit``
are called on the flow's thread, which must never wait on the disk.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kiosk.core.domain import Trouble
    from kiosk.core.fallback import RecheckItem
    from kiosk.core.values import InsuranceCardQuery
    from kiosk.store.staff_accounts import StaffAccount
    from kiosk.store.store import RecheckOutcome, StoredReception


class StaffStore(Protocol):
    def audit(self, actor: str, action: str, detail: str = "") -> None: ...

    def reception_progress(self, session_id: str, state: str, troubles: Iterable[Trouble]) -> None:
        """How far a reception has got (a saved one is left as it is)."""

    def receptions_since(self, day: date) -> Iterable[StoredReception]: ...

    def interrupted_receptions(self) -> list[StoredReception]: ...

    def dismiss_interrupted(self, session_id: str, actor: str) -> None:
        """Raises the store's NotFound for a reception that is not (or no longer) interrupted."""

    def recheck_outcomes(self, since: date) -> list[RecheckOutcome]: ...

    def acknowledge_recheck(self, item_id: int, actor: str) -> None:
        """Raises the store's NotFound for an outcome already acknowledged."""

    def rechecks_awaiting_numbers(self) -> list[RecheckItem]:
        """不詳 receptions whose re-check waits for staff to learn the insurance numbers."""

    def recheck(self, item_id: int) -> RecheckItem:
        """Raises the store's RecheckUnknown for an id it does not hold."""

    def set_recheck_query(self, item_id: int, query: InsuranceCardQuery, actor: str) -> None:
        """Audited; wakes the re-check worker. Raises RecheckUnknown, RecheckHasNumbers or RecheckFinished
        for an item not waiting for numbers."""


class Accounts(Protocol):
    """Who may sign in (:class:`kiosk.store.staff_accounts.StaffAccounts` over the same store)."""

    def authenticate(self, username: str, password: str, *, locks: bool = True) -> StaffAccount:
        """Raises a KioskError for a wrong password or a locked account; ``locks=False``: a wrong password
        is audited but neither counted nor locking (sign-in over the network, slowed per console instead)."""
