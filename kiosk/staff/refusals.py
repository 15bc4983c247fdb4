"""Refusals of peers that are not (yet) a console, audited without letting a peer fill the audit log.

A peer's first refusal is written at once (an admin looking at the log sees the attempt straight away);
further refusals within :data:`INTERVAL` are counted and written as one row when the interval ends, so a
flooding peer costs one fsync'd row a minute however fast it reconnects. The tally is bounded too: past
:data:`MAX_PEERS` distinct peers in one interval, the rest are counted under one ``peer=others`` row.
"""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

INTERVAL = 60.0
MAX_PEERS = 256
OTHERS = "others"


@dataclass
class _Window:
    opened: float
    counts: Counter[str] = field(default_factory=Counter)  # reason code -> refusals not yet written


class RefusalTally:
    def __init__(self, write: Callable[[str, str], None], clock: Callable[[], float],
                 interval: float = INTERVAL, max_peers: int = MAX_PEERS) -> None:
        """``write(peer, detail)`` writes one audit row; it is called outside the tally's lock."""
        self._write = write
        self._clock = clock
        self._interval = interval
        self._max_peers = max_peers
        self._lock = threading.Lock()
        self._windows: dict[str, _Window] = {}

    def note(self, peer: str, reason: str) -> None:
        now = self._clock()
        with self._lock:
            if peer not in self._windows and len(self._windows) >= self._max_peers:
                peer = OTHERS
            window = self._windows.get(peer)
            if window is not None:
                window.counts[reason] += 1
                return
            self._windows[peer] = _Window(now)
        self._write(peer, f"peer={peer} reason={reason} count=1")

    def flush(self, *, everything: bool = False) -> None:
        """Write the rows of the intervals that are over (all of them when the kiosk stops)."""
        now = self._clock()
        due: list[tuple[str, Counter[str]]] = []
        with self._lock:
            for peer, window in list(self._windows.items()):
                if everything or now - window.opened >= self._interval:
                    del self._windows[peer]
                    if window.counts:
                        due.append((peer, window.counts))
        for peer, counts in due:
            reasons = ",".join(f"{reason}:{n}" for reason, n in sorted(counts.items()))
            self._write(peer, f"peer={peer} reasons={reasons} count={sum(counts.values())}")
