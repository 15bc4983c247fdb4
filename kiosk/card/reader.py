"""``PcscCardReader``: the core's CardReader port over PC/SC.

One card session (an exclusive connection and what the card has selected and verified) is kept from the
first operation until the card leaves or ``release()``, so that ``read_summary`` followed by
``authenticate_with_pin`` sends no SELECT twice. Operations run one at a time, each within its own time
limit, and honour the cancel token between and during APDUs.
"""
from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from kiosk.card.errors import ApduError, CardTimeout, CodeBRejected, to_card_error
from kiosk.card.monitor import ReaderMonitor
from kiosk.card.pcsc import PcscConnection, load_scard
from kiosk.card.session import CardFace, MyNumberSession, code_b_bytes
from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardFacts, CardKind, CardSummary
from kiosk.core.errors import (
    AssistPinDiffers,
    Cancelled,
    CardError,
    CodeBUnavailable,
    NotMyNumberCard,
    PinBlocked,
    WrongPin,
)
from kiosk.core.ports import CardEvents

log = logging.getLogger(__name__)
T = TypeVar("T")

# Errors after which the card and the connection are still in a known state: the session is kept.
_SESSION_SURVIVES = (WrongPin, PinBlocked, AssistPinDiffers, CodeBUnavailable, CodeBRejected)


class PcscCardReader:
    def __init__(
        self,
        reader_name: str | None = None,
        *,
        scard: Any = None,
        operation_timeout: float = 20.0,
        apdu_timeout: float = 5.0,
        connect_timeout: float = 3.0,
        random_bytes: Callable[[int], bytes] = secrets.token_bytes,
    ) -> None:
        self.reader_name = reader_name
        self._scard = scard
        self._operation_timeout = operation_timeout
        self._apdu_timeout = apdu_timeout
        self._connect_timeout = connect_timeout
        self._random_bytes = random_bytes
        self._lock = threading.Lock()
        self._session: MyNumberSession | None = None
        self._connection: PcscConnection | None = None
        self._session_generation = 0
        self._generation = 0  # bumped by the monitor whenever a card or the reader comes or goes
        self._monitor: ReaderMonitor | None = None

    # --- CardReader ------------------------------------------------------------------------------

    def read_summary(self, cancel: CancelToken) -> CardSummary:
        """A card that is not a My Number card gives ``CardSummary(kind=OTHER)`` (T16), not an error."""
        try:
            return self._run(cancel, lambda s: s.summary())
        except NotMyNumberCard as error:
            log.info("not a My Number card: %s", error)
            return CardSummary(kind=CardKind.OTHER)

    def authenticate_with_pin(self, pin: str, cancel: CancelToken) -> CardFacts:
        def work(session: MyNumberSession) -> CardFacts:
            session.prove_holder(pin)
            return session.facts_with_pin(pin)

        return self._run(cancel, work)

    def read_with_code_b(
        self, code_b: str, cancel: CancelToken, *, typed_by_staff: bool = False
    ) -> tuple[CardFacts, bytes]:
        facts, face = self.read_card_face(code_b, cancel, typed_by_staff=typed_by_staff)
        return facts, face.photo

    def read_card_face(
        self, code_b: str, cancel: CancelToken, *, typed_by_staff: bool = False
    ) -> tuple[CardFacts, CardFace]:
        """The 4 facts and the whole 券面AP record (photo, printed dates) with 照合番号B.

        Read by the camera unless ``typed_by_staff``: the camera's reading is sent only while 3 tries are
        left (CodeBTriesLow), a typed code down to the last; with none left, CodeBBlocked.
        """
        code_b_bytes(code_b)  # a malformed code never reaches the card

        def work(session: MyNumberSession) -> tuple[CardFacts, CardFace]:
            return (session.facts_with_code_b(code_b, typed_by_staff=typed_by_staff),
                    session.card_face(code_b, typed_by_staff=typed_by_staff))

        return self._run(cancel, work)

    def release(self) -> None:
        with self._lock:
            self._drop_session()

    def start_monitoring(self, events: CardEvents) -> None:
        if self._monitor is not None:
            self._monitor.stop()
        self._monitor = ReaderMonitor(events, self.reader_name, scard=self._scard, on_change=self._card_changed)
        self._monitor.start()

    def stop_monitoring(self) -> None:
        if self._monitor is not None:
            self._monitor.stop()
            self._monitor = None

    # --- sessions --------------------------------------------------------------------------------

    def _card_changed(self) -> None:
        # Called from the monitor thread: no lock (an operation may hold it); the next operation sees it.
        self._generation += 1

    def _run(self, cancel: CancelToken, work: Callable[[MyNumberSession], T]) -> T:
        deadline = time.monotonic() + self._operation_timeout
        if not self._lock.acquire(timeout=self._operation_timeout):
            raise CardTimeout("another card operation is still running")
        try:
            cancel.raise_if_cancelled()
            session = self._current_session(cancel, deadline)
            session.begin(cancel, deadline)
            try:
                return work(session)
            except ApduError as error:
                raise to_card_error(error) from None
        except _SESSION_SURVIVES:
            raise
        except (CardError, Cancelled):
            self._drop_session()
            raise
        finally:
            self._lock.release()

    def _current_session(self, cancel: CancelToken, deadline: float) -> MyNumberSession:
        session = self._session
        stale = self._session_generation != self._generation
        if session is not None and (stale or self._connection is None or not self._connection.present()):
            self._drop_session()
            session = None
        if session is None:
            connection = PcscConnection.open(
                self.reader_name,
                timeout=min(self._connect_timeout, max(0.05, deadline - time.monotonic())),
                cancel=cancel,
                scard=self._scard or load_scard(),
            )
            session = MyNumberSession(connection, apdu_timeout=self._apdu_timeout, random_bytes=self._random_bytes)
            self._session, self._connection, self._session_generation = session, connection, self._generation
        return session

    def _drop_session(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._session = self._connection = None
