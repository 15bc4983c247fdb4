"""The card reader's monitor, turned into flow events on the flow's thread."""
from __future__ import annotations

from collections.abc import Callable

from kiosk.core import events as ev
from kiosk.core.ports import CardEvents, CardReader

Post = Callable[[Callable[[], None]], None]


def watch_cards(card_reader: CardReader, post: Post, dispatch: Callable[[ev.Event], object]) -> None:
    """Reader monitor → flow events, handed over on the flow's thread (the monitor has its own)."""

    def hand_over(event: ev.Event) -> None:
        def deliver() -> None:
            dispatch(event)

        post(deliver)

    class _Events(CardEvents):
        def card_inserted(self) -> None:
            hand_over(ev.CardInserted())

        def card_removed(self) -> None:
            hand_over(ev.CardRemovedEvent())

        def reader_lost(self) -> None:
            hand_over(ev.ReaderLost())

        def reader_restored(self) -> None:
            hand_over(ev.ReaderRestored())

    card_reader.start_monitoring(_Events())
