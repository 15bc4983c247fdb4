"""Text cut into sentences for synthesis: the first one plays while the rest is still being made, and a
stop waits for at most one sentence of an engine that cannot be interrupted mid-call."""
from __future__ import annotations

import re

MAX_CHARS = 80  # a longer run is cut at a comma, else hard: one engine call stays well under a second

# A space after Japanese or Chinese ends a phrase too: a screen's title and its lines are joined by one.
_END = re.compile(r"(?<=[。．！？!?])|(?<=[.](?=\s))|\n+|(?<=[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef])\s+")
_COMMA = re.compile(r"(?<=[、，,;；])")


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in _END.split(text):
        piece = piece.strip()
        if piece:
            out.extend(_cut(piece))
    return out


def _cut(piece: str) -> list[str]:
    if len(piece) <= MAX_CHARS:
        return [piece]
    parts: list[str] = []
    current = ""
    for clause in _COMMA.split(piece):
        if current and len(current) + len(clause) > MAX_CHARS:
            parts.append(current)
            current = ""
        current += clause
        while len(current) > MAX_CHARS:
            parts.append(current[:MAX_CHARS])
            current = current[MAX_CHARS:]
    if current.strip():
        parts.append(current)
    return [p.strip() for p in parts if p.strip()]
