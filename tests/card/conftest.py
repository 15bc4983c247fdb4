"""Fixtures of the card tests: a fake pyscard for unit tests, and pcscd + the virtual card for the pcsc tier."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk.card.virtual.card import PulledOut, VirtualMyNumberCard
from kiosk.card.virtual.profiles import profile

READER = "Virtual PCD 00 00"


class FakeScard(SimpleNamespace):
    """pyscard's ``smartcard.scard`` with a VirtualMyNumberCard behind SCardTransmit; records every APDU."""

    def __init__(self, card: VirtualMyNumberCard | None, readers=(READER,)) -> None:
        from smartcard import scard

        constants = {k: v for k, v in vars(scard).items() if k.startswith("SCARD_") and isinstance(v, int)}
        super().__init__(**constants)
        self.card = card
        self.readers = list(readers)
        self.sent: list[bytes] = []
        self.connect_results: list[int] = []  # hresults to give before connecting for real
        self.transmit_hook = None  # callable(apdu) -> (hr, response) | None, to inject trouble
        self.disconnects: list[int] = []

    def SCardGetErrorMessage(self, hr):
        return f"fake error 0x{hr & 0xFFFFFFFF:08X}"

    def SCardEstablishContext(self, scope):
        return self.SCARD_S_SUCCESS, 1

    def SCardReleaseContext(self, context):
        return self.SCARD_S_SUCCESS

    def SCardListReaders(self, context, groups):
        if not self.readers:
            return self.SCARD_E_NO_READERS_AVAILABLE, []
        return self.SCARD_S_SUCCESS, list(self.readers)

    def SCardConnect(self, context, reader, share, protocols):
        assert share == self.SCARD_SHARE_EXCLUSIVE
        if self.connect_results:
            return self.connect_results.pop(0), 0, 0
        if self.card is None:
            return self.SCARD_E_NO_SMARTCARD, 0, 0
        return self.SCARD_S_SUCCESS, 7, self.SCARD_PROTOCOL_T1

    def SCardStatus(self, handle):
        if self.card is None:
            return self.SCARD_W_REMOVED_CARD, READER, self.SCARD_STATE_EMPTY, 0, []
        return self.SCARD_S_SUCCESS, READER, self.SCARD_STATE_PRESENT, self.SCARD_PROTOCOL_T1, list(self.card.atr)

    def SCardTransmit(self, handle, protocol, apdu):
        command = bytes(apdu)
        self.sent.append(command)
        if self.transmit_hook is not None:
            hooked = self.transmit_hook(command)
            if hooked is not None:
                return hooked
        try:
            return self.SCARD_S_SUCCESS, list(self.card.process(command))
        except PulledOut:
            self.card = None
            return self.SCARD_E_NOT_TRANSACTED, []

    def SCardGetStatusChange(self, context, timeout, states):
        state = self.SCARD_STATE_PRESENT if self.card is not None else self.SCARD_STATE_EMPTY
        return self.SCARD_S_SUCCESS, [(states[0][0], state | self.SCARD_STATE_CHANGED, [])]

    def SCardDisconnect(self, handle, disposition):
        self.disconnects.append(disposition)
        if self.card is not None:
            self.card.reset()
        return self.SCARD_S_SUCCESS

    def sent_hex(self) -> list[str]:
        return [c.hex(" ").upper() for c in self.sent]


@pytest.fixture
def fake_scard():
    def make(profile_name: str = "valid") -> FakeScard:
        return FakeScard(VirtualMyNumberCard(profile(profile_name)))

    return make


# --- the pcsc tier --------------------------------------------------------------------------------


class Events:
    """A CardEvents listener that remembers what happened and lets a test wait for it."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self._cond = threading.Condition()

    def _add(self, name: str) -> None:
        with self._cond:
            self.seen.append(name)
            self._cond.notify_all()

    def card_inserted(self) -> None:
        self._add("card_inserted")

    def card_removed(self) -> None:
        self._add("card_removed")

    def reader_lost(self) -> None:
        self._add("reader_lost")

    def reader_restored(self) -> None:
        self._add("reader_restored")

    def wait_for(self, name: str, timeout: float = 10.0, after: int = 0) -> bool:
        deadline = time.monotonic() + timeout
        with self._cond:
            while name not in self.seen[after:]:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
            return True


@pytest.fixture(scope="module")
def pcscd(tmp_path_factory):
    """pcscd of this test module's own: stopped when the module is done, so later tests (the embedded
    devices of tests/integration) start from a reader that has seen no card yet."""
    from kiosk.card.virtual.pcscd import PcscDaemon, available

    why = available()
    if why:
        pytest.skip(why)
    daemon = PcscDaemon(Path(tmp_path_factory.mktemp("pcscd")) / "pcscd.log").start()
    yield daemon
    daemon.stop()


@pytest.fixture
def virtual_card(pcscd):
    """Start a virtual card of the named profile in the reader; waits until pcscd sees it."""
    from kiosk.card.virtual.vpcd import start_virtual_card

    links = []

    def start(profile_name: str = "valid", inserted: bool = True):
        link = start_virtual_card(profile_name, inserted=inserted)
        links.append(link)
        if inserted:
            assert link.wait_connected(10), "vpcd did not take the virtual card"
            wait_card_state(True)
        return link

    yield start
    for link in links:
        link.stop()
    wait_card_state(False)


def wait_card_state(present: bool, timeout: float = 10.0) -> None:
    """Wait until pcscd reports the card in (or out of) the virtual reader."""
    from smartcard import scard

    hr, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    assert hr == scard.SCARD_S_SUCCESS
    try:
        deadline = time.monotonic() + timeout
        current = scard.SCARD_STATE_UNAWARE
        while time.monotonic() < deadline:
            hr, states = scard.SCardGetStatusChange(context, 200, [(READER, current)])
            if hr == scard.SCARD_S_SUCCESS:
                current = states[0][1] & ~scard.SCARD_STATE_CHANGED
                if bool(current & scard.SCARD_STATE_PRESENT) == present:
                    return
        raise AssertionError(f"card never became {'present' if present else 'absent'}")
    finally:
        scard.SCardReleaseContext(context)


@pytest.fixture
def events():
    return Events()


@pytest.fixture
def wait_card():
    return wait_card_state
