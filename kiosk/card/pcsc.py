"""The single pyscard adapter: exclusive connect, timeouts, card-absent retries, PC/SC errors named.

PC/SC calls block without a time limit of their own (a card that stops answering holds SCardTransmit
until the reader's driver gives up, and vpcd never does), so every call that can block runs on the
connection's own daemon thread and the caller waits for it with a deadline and the cancel token. A
connection whose call was abandoned is poisoned and left to its thread, which unpowers the card and
releases the context once the stuck call returns; the session opens a new connection, with a new context
and thread, and the process can exit whenever it likes. Nothing is asked of the stuck context meanwhile:
pcsc-lite serialises each context's calls, and a second call on it (SCardDisconnect, SCardReleaseContext)
would wait for the stuck one while holding the library's global lock, freezing every PC/SC call of the
process (docs/card.md, "A card that stops answering").
"""
from __future__ import annotations

import concurrent.futures
import logging
import queue
import threading
import time
from collections.abc import Callable
from types import ModuleType
from typing import Any

from kiosk.card.errors import CardTimeout
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled, CardError, CardRemoved, ReaderGone, UnexpectedResponse

log = logging.getLogger(__name__)

_POLL = 0.05  # how often a waiting caller looks at its cancel token
_RETRY_PAUSE = 0.15  # between connect attempts while a card settles in the reader
_FAILURE_SETTLE_MS = 1000
_CLOSE_WAIT = 2.0  # how long to let pcscd notice a pulled card after a failed transmit


def load_scard() -> ModuleType:
    from smartcard import scard

    return scard


def u32(hr: int) -> int:
    return hr & 0xFFFFFFFF


class ScardCodes:
    """PC/SC result codes grouped by what they mean to the kiosk."""

    def __init__(self, scard: Any) -> None:
        def codes(*names: str) -> frozenset[int]:
            return frozenset(u32(getattr(scard, n)) for n in names if hasattr(scard, n))

        self.removed = codes("SCARD_W_REMOVED_CARD", "SCARD_E_NO_SMARTCARD", "SCARD_W_RESET_CARD")
        self.unreadable = codes("SCARD_W_UNRESPONSIVE_CARD", "SCARD_W_UNPOWERED_CARD", "SCARD_E_PROTO_MISMATCH")
        self.busy = codes("SCARD_E_SHARING_VIOLATION")
        self.gone = codes(
            "SCARD_E_NO_SERVICE",
            "SCARD_E_SERVICE_STOPPED",
            "SCARD_E_UNKNOWN_READER",
            "SCARD_E_READER_UNAVAILABLE",
            "SCARD_E_NO_READERS_AVAILABLE",
            "SCARD_E_INVALID_HANDLE",
            "SCARD_E_INVALID_VALUE",
        )
        self.timeout = codes("SCARD_E_TIMEOUT")

    def error(self, scard: Any, hr: int, what: str) -> CardError:
        code = u32(hr)
        detail = f"{what}: {scard.SCardGetErrorMessage(hr)} (0x{code:08X})"
        if code in self.removed:
            return CardRemoved(detail)
        if code in self.gone:
            return ReaderGone(detail)
        if code in self.unreadable:
            return CardError(detail)  # upside down, in its sleeve, or not a contact card
        return UnexpectedResponse(detail)


def list_readers(scard: Any, context: int) -> list[str]:
    hr, readers = scard.SCardListReaders(context, [])
    if hr != scard.SCARD_S_SUCCESS:
        if u32(hr) in ScardCodes(scard).gone:
            return []
        raise ScardCodes(scard).error(scard, hr, "SCardListReaders")
    return list(readers)


def choose_reader(readers: list[str], wanted: str | None) -> str | None:
    """The reader named ``wanted`` (exact, else the first starting with it), or the first one."""
    if not readers:
        return None
    if wanted is None:
        return readers[0]
    if wanted in readers:
        return wanted
    return next((r for r in readers if r.startswith(wanted)), None)


class _Worker:
    """One daemon thread per connection that makes its blocking PC/SC calls, one at a time.

    A daemon, so that a call stuck for good never holds the process at exit (a ThreadPoolExecutor's thread
    is joined at exit, so a stuck SCardTransmit would keep the kiosk from ever exiting or restarting).
    """

    def __init__(self) -> None:
        self._calls: queue.SimpleQueue[tuple[Callable[[], Any], concurrent.futures.Future[Any]] | None] = (
            queue.SimpleQueue()
        )
        self.poisoned = False
        threading.Thread(target=self._serve, name="pcsc", daemon=True).start()

    def _serve(self) -> None:
        while (item := self._calls.get()) is not None:
            fn, future = item
            try:
                future.set_result(fn())
            except BaseException as error:  # handed to the caller, who names it
                future.set_exception(error)

    def _submit(self, fn: Callable[[], Any]) -> concurrent.futures.Future[Any]:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        self._calls.put((fn, future))
        return future

    def call(self, fn: Callable[..., Any], *args: Any, timeout: float, cancel: CancelToken | None, what: str) -> Any:
        if self.poisoned:
            raise CardTimeout(f"{what}: an earlier call on this connection is still stuck")
        future = self._submit(lambda: fn(*args))
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                return future.result(timeout=max(0.0, min(_POLL, remaining)))
            except concurrent.futures.TimeoutError:
                pass
            if cancel is not None and cancel.cancelled:
                self.poisoned = True
                raise Cancelled(what)
            if remaining <= 0:
                self.poisoned = True
                raise CardTimeout(f"{what}: no answer within {timeout:.1f} s")

    def finish(self, cleanup: Callable[[], None], wait: float = 0.0) -> None:
        """Run ``cleanup`` after whatever call is still pending, then let the thread end.

        Waits up to ``wait`` seconds for it unless a call is stuck (then it happens whenever that returns,
        or never, if the process ends first).
        """
        future = self._submit(cleanup)
        self._calls.put(None)
        if wait and not self.poisoned:
            try:
                future.result(timeout=wait)
            except concurrent.futures.TimeoutError:
                log.warning("PC/SC clean-up still running after %.1f s", wait)
            except Exception:  # closing must never fail the caller: the card is gone either way
                log.exception("PC/SC clean-up failed")


class PcscConnection:
    """An exclusive connection to the card in one reader. Implements SmartCardConnection."""

    def __init__(self, scard: Any, context: int, handle: int, protocol: int, reader: str, worker: _Worker) -> None:
        self._scard = scard
        self._codes = ScardCodes(scard)
        self._context = context
        self._handle = handle
        self._protocol = protocol
        self._worker = worker
        self.reader = reader
        self._closed = False

    @classmethod
    def open(
        cls,
        reader: str | None,
        *,
        timeout: float,
        cancel: CancelToken | None = None,
        scard: Any = None,
    ) -> PcscConnection:
        """Connect exclusively, retrying while the card is still settling or another program holds it."""
        scard = scard or load_scard()
        codes = ScardCodes(scard)
        worker = _Worker()
        deadline = time.monotonic() + timeout
        context = None

        def remaining() -> float:
            return max(0.05, deadline - time.monotonic())

        try:
            hr, context = worker.call(
                scard.SCardEstablishContext, scard.SCARD_SCOPE_USER,
                timeout=remaining(), cancel=cancel, what="SCardEstablishContext",
            )
            if hr != scard.SCARD_S_SUCCESS:
                context = None
                raise codes.error(scard, hr, "SCardEstablishContext")
            readers = worker.call(
                list_readers, scard, context, timeout=remaining(), cancel=cancel, what="SCardListReaders"
            )
            name = choose_reader(readers, reader)
            if name is None:
                raise ReaderGone(f"no reader {reader or ''} among {readers}")
            while True:
                hr, handle, protocol = worker.call(
                    scard.SCardConnect,
                    context,
                    name,
                    scard.SCARD_SHARE_EXCLUSIVE,
                    scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
                    timeout=remaining(),
                    cancel=cancel,
                    what="SCardConnect",
                )
                if hr == scard.SCARD_S_SUCCESS:
                    log.debug("connected to %s (protocol %d)", name, protocol)
                    return cls(scard, context, handle, protocol, name, worker)
                error = codes.error(scard, hr, f"SCardConnect {name}")
                retriable = u32(hr) in codes.removed | codes.busy | codes.unreadable
                if not retriable or deadline - time.monotonic() < _RETRY_PAUSE:
                    if u32(hr) in codes.busy:
                        # Or by a call of ours, or of a kiosk process that has since exited, stuck on a
                        # card that stopped answering: pcscd frees the reader once that call returns.
                        raise CardError(f"{name}: held by another program, or by a card that stopped answering")
                    raise error
                if cancel is not None and cancel.wait(_RETRY_PAUSE):
                    raise Cancelled("SCardConnect")
                if cancel is None:
                    time.sleep(_RETRY_PAUSE)
        except BaseException:
            if context is not None:
                worker.finish(lambda: scard.SCardReleaseContext(context))
            else:
                worker.finish(lambda: None)
            raise

    def send_and_receive(
        self, apdu: bytes, *, timeout: float, cancel: CancelToken | None = None
    ) -> tuple[bytes, int]:
        if self._closed:
            raise CardRemoved("connection closed")
        scard = self._scard
        try:
            hr, response = self._worker.call(
                scard.SCardTransmit, self._handle, self._protocol, list(apdu),
                timeout=timeout, cancel=cancel, what="SCardTransmit",
            )
        except (CardTimeout, Cancelled):
            self.close()
            raise
        if hr != scard.SCARD_S_SUCCESS or len(response) < 2:
            raise self._failure(hr, len(response))
        return bytes(response[:-2]), (response[-2] << 8) | response[-1]

    def _failure(self, hr: int, length: int) -> CardError:
        """Why a transmit failed: a pulled card and a vanished reader look alike until pcscd notices."""
        scard = self._scard
        code = u32(hr)
        if code in self._codes.removed | self._codes.gone:
            return self._codes.error(scard, hr, "SCardTransmit")
        hr_state, states = scard.SCardGetStatusChange(
            self._context, _FAILURE_SETTLE_MS, [(self.reader, scard.SCARD_STATE_PRESENT)]
        )
        detail = f"SCardTransmit: {scard.SCardGetErrorMessage(hr)} (0x{code:08X}), {length} bytes"
        if u32(hr_state) in self._codes.gone:
            return ReaderGone(detail)
        if hr_state == scard.SCARD_S_SUCCESS and states:
            state = states[0][1]
            if state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE):
                return ReaderGone(detail)
            if state & scard.SCARD_STATE_EMPTY:
                return CardRemoved(detail)
        return UnexpectedResponse(detail)

    def present(self) -> bool:
        """Is the card we connected to still there, unreset? (SCardStatus: no APDU reaches the card.)"""
        if self._closed or self._worker.poisoned:
            return False
        try:
            result = self._worker.call(
                self._scard.SCardStatus, self._handle, timeout=1.0, cancel=None, what="SCardStatus"
            )
        except CardTimeout:
            return False
        return result[0] == self._scard.SCARD_S_SUCCESS

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        scard, handle, context = self._scard, self._handle, self._context

        # A card whose call was abandoned (it hung, or the operation was cancelled mid-command) gets its
        # power cut, a cold reset: a card that hung may not answer a warm one either.
        reset = scard.SCARD_UNPOWER_CARD if self._worker.poisoned else scard.SCARD_RESET_CARD

        def cleanup() -> None:
            # Reset only a card that is still there: resetting a pulled one (seen with vpcd) leaves pcscd
            # blind to the next insertion.
            still_there = scard.SCardStatus(handle)[0] == scard.SCARD_S_SUCCESS
            scard.SCardDisconnect(handle, reset if still_there else scard.SCARD_LEAVE_CARD)
            scard.SCardReleaseContext(context)

        # Wait for the reset: the next patient's card must find no PIN verified, and a reset still in
        # flight when the card is pulled has the same effect on pcscd as resetting a pulled card.
        self._worker.finish(cleanup, wait=_CLOSE_WAIT)
