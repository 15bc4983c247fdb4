"""The kiosk's store with the clinic hub behind it (``hub_dsn`` set; :func:`kiosk.wiring.with_hub`).

:class:`HubbedStore` is the :class:`kiosk.core.ports.ReceptionStore` the flow already uses, around the
local :class:`~kiosk.store.store.Store`: every write goes to the local store exactly as without a hub (its
outbox row in the same transaction), then wakes the replicator; ``last_confirmed`` asks the hub first
(:class:`~kiosk.hub.lookup.HubLookup`). Everything else reaches the store itself. It sits inside the
kiosk's :class:`~kiosk.core.tasks.StoreLane`, so the lane still orders the writes, and closing the lane
closes this: the queued receptions are delivered (for up to ``flush_timeout`` seconds), then the
replicator stops and the store closes.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kiosk.core.domain import CardFacts, CertificateInfo
from kiosk.core.fallback import Declaration, RecheckItem
from kiosk.core.qualification import QualificationRecord
from kiosk.core.values import ReceptionRecord
from kiosk.hub.lookup import HubLookup
from kiosk.hub.replicator import Replicator
from kiosk.store.hub_outbox import HubFeed
from kiosk.store.store import Store

if TYPE_CHECKING:
    from kiosk.config import Config

log = logging.getLogger(__name__)


class HubbedStore:
    def __init__(self, store: Store, replicator: Replicator, lookup: HubLookup, flush_timeout: float = 5.0) -> None:
        self._store = store
        self.replicator = replicator
        self.lookup = lookup
        self._flush_timeout = flush_timeout

    def save_reception(self, record: ReceptionRecord) -> None:
        self._store.save_reception(record)
        self.replicator.wake()

    def save_receptions(self, records: Iterable[ReceptionRecord]) -> int:
        saved = self._store.save_receptions(records)
        self.replicator.wake()
        return saved

    def save_fallback_reception(
        self, record: ReceptionRecord, recheck: RecheckItem | None, declaration: Declaration | None = None,
        *args: Any, **kwargs: Any,
    ) -> tuple[str | None, int | None]:
        saved = self._store.save_fallback_reception(record, recheck, declaration, *args, **kwargs)
        self.replicator.wake()
        return saved

    def last_confirmed(self, certificate: CertificateInfo, facts: CardFacts | None) -> QualificationRecord | None:
        found = self.lookup.last_visit(certificate, facts)
        log.info("last visit: the %s answered", found.source)
        return found.record

    def close(self) -> None:
        try:
            if not self.replicator.flush(self._flush_timeout):
                log.warning("hub replicator: receptions still queued at close; they go when the kiosk next runs")
            self.replicator.stop()
            self.lookup.close()
        finally:
            self._store.close()

    def __enter__(self) -> HubbedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:  # staff views, re-checks, backups: the store itself
        return getattr(self._store, name)


def attach_hub(config: Config, store: Store, *, flush_timeout: float = 5.0) -> HubbedStore:
    """The store with the hub of ``config.hub_dsn`` behind it; the replicator starts now. A hub that is
    down changes nothing here: the replicator keeps trying, the lookups answer from the local store."""
    assert config.hub_dsn, "attach_hub needs hub_dsn"
    feed = HubFeed(store)
    replicator = Replicator(feed, config.hub_dsn).start()
    lookup = HubLookup(feed, config.hub_dsn)
    return HubbedStore(store, replicator, lookup, flush_timeout)
