"""Rendered speech kept by (engine, language, text), bounded by its size: a screen's phrases are the
same every visit, so after the first they start without any synthesis."""
from __future__ import annotations

from collections import OrderedDict

from kiosk.voice.pcm import Pcm

CACHE_BYTES = 48 * 1024 * 1024  # about 8 minutes of 48 kHz speech: every screen in a few languages

Key = tuple[str, str, str]


class PcmCache:
    """Least recently used first out. Used by the player's worker thread only, so it takes no lock."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Key, tuple[Pcm, ...]] = OrderedDict()
        self.size = 0

    def get(self, key: Key) -> tuple[Pcm, ...] | None:
        chunks = self._entries.get(key)
        if chunks is not None:
            self._entries.move_to_end(key)
        return chunks

    def put(self, key: Key, chunks: tuple[Pcm, ...]) -> None:
        size = sum(len(c.samples) for c in chunks)
        if size > self.max_bytes:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self.size -= sum(len(c.samples) for c in old)
        self._entries[key] = chunks
        self.size += size
        while self.size > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.size -= sum(len(c.samples) for c in evicted)

    def __len__(self) -> int:
        return len(self._entries)
