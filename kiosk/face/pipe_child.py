"""A helper process spoken to over its stdin and stdout, which dies with the kiosk, and whose every
exchange has a deadline and a cancel token that kill it.

A request is one JSON line followed by raw buffers (the header says their sizes); an answer is one JSON
line. Nothing goes through a file: pictures and crops live in the two processes' memory only.

The child is ``python -m MODULE ARGS``, or the frozen kiosk's ``--child MODULE ARGS`` (kiosk.processes.child_argv).
"""
from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import KioskError

CLOSE_SECONDS = 0.5  # for a child to end by itself once its stdin is closed


def answer_stream() -> IO[bytes]:
    """In the child: the pipe to the kiosk, with fd 1 pointed at nothing, so a library that prints
    cannot corrupt the answers."""
    answers = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    return answers


class PipeChild:
    """One started child. ``failure`` is the named error raised when it fails, hangs or ends."""

    def __init__(self, module: str, args: Sequence[str] = (), *, name: str, failure: type[KioskError],
                 env: dict[str, str] | None = None, poll: float = 0.05) -> None:
        """``name`` says which helper it is in error messages."""
        from kiosk.processes import child_argv, start_child

        self.name = name
        self.failure = failure
        self.poll = poll
        root = Path(__file__).resolve().parents[2]  # the directory the kiosk package is in
        try:
            self._process = start_child(child_argv(module, *args), cwd=root, env={**os.environ, **(env or {})},
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        except OSError as exc:
            raise failure(f"{name} not started ({exc.strerror or exc})") from exc

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def alive(self) -> bool:
        return self._process.poll() is None

    def exchange(self, header: dict[str, Any], buffers: Sequence[Any], cancel: CancelToken | None,
                 deadline: float) -> dict[str, Any]:
        """Sends ``header`` and ``buffers`` and returns the answer (see :meth:`Pending.result`)."""
        return self.send(header, buffers).result(cancel, deadline)

    def send(self, header: dict[str, Any] | None, buffers: Sequence[Any] = ()) -> Pending:
        """Sends ``header`` and ``buffers`` (nothing when ``header`` is None: an answer the child gives by
        itself is awaited) on a thread of their own; the answer is awaited with :meth:`Pending.result`."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        return Pending(self, stdin, stdout, header, buffers)

    def kill(self) -> None:
        self._process.kill()
        self._release()

    def close(self) -> None:
        """Ends the child: the end of its stdin ends it, or it is killed a moment later."""
        try:
            if self._process.stdin is not None:
                self._process.stdin.close()
            self._process.wait(CLOSE_SECONDS)
        except (OSError, subprocess.TimeoutExpired):
            self._process.kill()
        self._release()

    def _release(self) -> None:
        self._process.wait()
        for pipe in (self._process.stdin, self._process.stdout):
            try:
                if pipe is not None:
                    pipe.close()
            except (OSError, ValueError):  # a write cut short by the kill
                pass


class Pending:
    """One request on its way to the child and its answer."""

    def __init__(self, child: PipeChild, stdin: IO[bytes], stdout: IO[bytes], header: dict[str, Any] | None,
                 buffers: Sequence[Any]) -> None:
        self._child = child
        self._answer: list[dict[str, Any]] = []
        self._done = threading.Event()
        threading.Thread(target=self._exchange, args=(stdin, stdout, header, buffers), name="child-exchange",
                         daemon=True).start()

    def _exchange(self, stdin: IO[bytes], stdout: IO[bytes], header: dict[str, Any] | None,
                  buffers: Sequence[Any]) -> None:
        try:
            if header is not None:
                try:
                    stdin.write(json.dumps(header).encode() + b"\n")
                    for buffer in buffers:
                        stdin.write(buffer)
                    stdin.flush()
                except OSError:  # the child ended, and may have said why before it did: read on
                    pass
            self._answer.append(json.loads(stdout.readline()))
        except (OSError, ValueError):  # killed meanwhile (closed file), end of file, not our protocol
            pass
        finally:
            self._done.set()

    def result(self, cancel: CancelToken | None, deadline: float, kill_on_cancel: bool = True) -> dict[str, Any]:
        """The answer. Cancelled, the child is killed at once, even in the middle of its work (unless
        ``kill_on_cancel`` is false: then the answer may still be awaited later); past ``deadline``
        (time.monotonic()) the child is killed and this is the child's ``failure``, as is a child that
        ends without an answer."""
        child = self._child
        while not self._done.wait(child.poll):
            if cancel is not None and cancel.cancelled:
                if kill_on_cancel:
                    child.kill()
                cancel.raise_if_cancelled()
            if time.monotonic() >= deadline:
                child.kill()
                raise child.failure(f"{child.name} out of time")
        if not self._answer:
            child.kill()
            raise child.failure(f"{child.name} ended without an answer")
        return self._answer[0]
