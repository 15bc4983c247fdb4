"""Delivers a store's outbox to the hub and is SIGKILLed right after the hub commits, before the local mark.

    python sync_killer.py DB_PATH KEY_DIR HUB_DSN

(test_hub_replication's kill test). The kill is the real thing: the process dies at once, between the hub's
COMMIT and the store's write that would mark the rows sent.
"""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from kiosk.hub.replicator import Replicator
from kiosk.store.hub_outbox import HubFeed
from kiosk.store.keys import FileKeyProvider
from kiosk.store.store import Store


def _die(*_args: object, **_kwargs: object) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    db_path, key_dir, dsn = sys.argv[1:4]
    store = Store.open(Path(db_path), FileKeyProvider(Path(key_dir)))
    HubFeed.mark_sent = _die  # type: ignore[method-assign]  # called only once the hub has committed
    Replicator(HubFeed(store), dsn, statement_timeout=30.0).deliver_once()
    print("the replicator returned without marking: the kill did not happen", file=sys.stderr)
    sys.exit(3)


if __name__ == "__main__":
    main()
