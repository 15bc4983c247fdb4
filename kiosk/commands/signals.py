"""Signal handlers for the long-running commands."""
from __future__ import annotations

import threading
from collections.abc import Callable


def set_from_signal(action: Callable[[], None]) -> None:
    """Run ``action`` (an Event's set) on a thread of its own. A signal handler runs on the main thread
    between two bytecodes, possibly while that thread holds the same Event's lock inside ``wait``: setting
    it there waits for ever (a terminal simulator was once found so, unkillable by SIGTERM)."""
    threading.Thread(target=action, name="signal", daemon=True).start()
