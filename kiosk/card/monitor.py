"""Watches one reader from its own thread and reports cards and the reader coming and going.

It waits in SCardGetStatusChange with a short timeout (so stop() is prompt), lists readers again while
the reader is missing, and throws its PC/SC context away and makes a new one when pcscd goes away, so a
restarted pcscd or a re-plugged reader is picked up without anyone's help (T2).
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from kiosk.card.pcsc import ScardCodes, choose_reader, list_readers, load_scard, u32
from kiosk.core.errors import CardError
from kiosk.core.ports import CardEvents

log = logging.getLogger(__name__)


class ReaderMonitor:
    def __init__(
        self,
        events: CardEvents,
        reader_name: str | None = None,
        *,
        scard: Any = None,
        poll_seconds: float = 0.5,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self._events = events
        self._wanted = reader_name
        self._scard = scard or load_scard()
        self._codes = ScardCodes(self._scard)
        self._poll_ms = int(poll_seconds * 1000)
        self._on_change = on_change  # told first of every change, before the events (the reader forgets its session)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="card-monitor", daemon=True)
        self._state: tuple[bool, bool] | None = None  # (reader present, card present); None before the first look

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    # --- the loop --------------------------------------------------------------------------------

    def _run(self) -> None:
        scard = self._scard
        context = None
        reader: str | None = None
        last = scard.SCARD_STATE_UNAWARE
        while not self._stop.is_set():
            if context is None:
                hr, new_context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
                if hr != scard.SCARD_S_SUCCESS:
                    self._observe(False, False)
                    self._stop.wait(self._poll_ms / 1000)
                    continue
                context, reader, last = new_context, None, scard.SCARD_STATE_UNAWARE
            try:
                if reader is None:
                    reader = choose_reader(list_readers(scard, context), self._wanted)
                    if reader is None:
                        self._observe(False, False)
                        self._stop.wait(self._poll_ms / 1000)
                        continue
                    last = scard.SCARD_STATE_UNAWARE
                hr, states = scard.SCardGetStatusChange(context, self._poll_ms, [(reader, last)])
            except CardError as error:
                hr, states = None, []
                log.info("card monitor: %s", error)
            if hr == scard.SCARD_S_SUCCESS and states:
                state = states[0][1]
                if state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE | scard.SCARD_STATE_IGNORE):
                    reader = None
                    self._observe(False, False)
                    self._stop.wait(self._poll_ms / 1000)
                else:
                    last = state & ~scard.SCARD_STATE_CHANGED
                    self._observe(True, bool(state & scard.SCARD_STATE_PRESENT))
            elif hr is not None and u32(hr) in self._codes.timeout:
                continue
            else:
                # pcscd stopped, the reader was unplugged, or the context went bad: start afresh.
                log.info("card monitor lost its PC/SC context (%s)", "error" if hr is None else f"0x{u32(hr):08X}")
                self._observe(False, False)
                scard.SCardReleaseContext(context)
                context = None
                self._stop.wait(self._poll_ms / 1000)
        if context is not None:
            scard.SCardReleaseContext(context)

    def _observe(self, reader_present: bool, card_present: bool) -> None:
        new = (reader_present, card_present)
        previous, self._state = self._state, new
        if previous == new:
            return
        if self._on_change is not None:
            self._on_change()
        calls: list[str] = []
        if previous is None:
            calls = ["reader_lost"] if not reader_present else (["card_inserted"] if card_present else [])
        else:
            was_reader, was_card = previous
            if was_card and not card_present:
                calls.append("card_removed")
            if was_reader and not reader_present:
                calls.append("reader_lost")
            if not was_reader and reader_present:
                calls.append("reader_restored")
            if card_present and not was_card:
                calls.append("card_inserted")
        for name in calls:
            log.info("card monitor: %s", name)
            try:
                getattr(self._events, name)()
            except Exception:  # a listener's bug must not stop the monitor
                log.exception("card monitor listener failed in %s", name)
