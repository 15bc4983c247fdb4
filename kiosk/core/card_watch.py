"""The card reader's monitor, turned into flow events on the flow's thread."""
from __future__ import annotations

from typing import Callable

from kiosk.core import events as ev
from kiosk.core.ports import CardEvents, CardReader

Post = Callable[[Callable[[], None]], None]


def watch_cards(card_reader: CardReader, post: Post, dispatch: Callable[[ev.Event], None]) -> None:
    """Reader monitor → flow events, handed over on the flow's thread (the monitor has its own)."""

    class _Events(CardEvents):
        def card_inserted(self) -> None:
            post(lambda: dispatch(ev.CardInserted()))

        def card_removed(self) -> None:
            post(lambda: dispatch(ev.CardRemovedEvent()))

        def reader_lost(self) -> None:
            post(lambda: dispatch(ev.ReaderLost()))

        def reader_restored(self) -> None:
            post(lambda: dispatch(ev.ReaderRestored()))

    card_reader.start_monitoring(_Events())
