"""Slowing a console that guesses passwords, instead of locking the account it guesses at.

A lock that remote failures set would let anyone with a paired console shut a member of staff out of
目視 on purpose, and only a command at the kiosk could lift it. So wrong passwords from the network never
lock an account (:meth:`StaffAccounts.authenticate` with ``locks=False``); each console address gets
:data:`FREE` quick tries for typos, then waits that double after every further failure, up to
:data:`LONGEST`. Against scrypt that leaves a guesser a few hundred tries a day, and a colleague at
another console is not slowed at all.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

FREE = 3
FIRST_WAIT = 2.0
LONGEST = 300.0
MAX_PEERS = 256  # consoles remembered; the oldest is forgotten first


class GuessThrottle:
    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._peers: OrderedDict[str, tuple[int, float]] = OrderedDict()  # peer -> (failures, allowed from)

    def wait_for(self, peer: str) -> float:
        """Seconds before ``peer`` may try a password again; 0 when it may now."""
        with self._lock:
            _, allowed = self._peers.get(peer, (0, 0.0))
        return max(0.0, allowed - self._clock())

    def failed(self, peer: str) -> None:
        with self._lock:
            failures = self._peers.pop(peer, (0, 0.0))[0] + 1
            wait = 0.0 if failures <= FREE else min(LONGEST, FIRST_WAIT * 2 ** (failures - FREE - 1))
            self._peers[peer] = (failures, self._clock() + wait)
            while len(self._peers) > MAX_PEERS:
                self._peers.popitem(last=False)

    def succeeded(self, peer: str) -> None:
        with self._lock:
            self._peers.pop(peer, None)
