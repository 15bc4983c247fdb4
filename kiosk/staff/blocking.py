"""Run one blocking device call with a deadline, from a thread that must not hang on it."""
from __future__ import annotations

import threading
from typing import Callable, TypeVar

from kiosk.core.errors import TaskTimeout
from kiosk.core.ports import CancelToken

T = TypeVar("T")


def call_with_timeout(work: Callable[[CancelToken], T], timeout: float, what: str) -> T:
    """``work(cancel)`` on its own thread; TaskTimeout (and the token cancelled) after ``timeout``."""
    token = CancelToken()
    box: dict[str, object] = {}

    def body() -> None:
        try:
            box["value"] = work(token)
        except BaseException as exc:  # handed to the caller, who names it to staff
            box["error"] = exc

    worker = threading.Thread(target=body, name=f"staff-{what}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        token.cancel()
        raise TaskTimeout(f"{what}: no answer within {timeout:g} s")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
