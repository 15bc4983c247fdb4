"""A hostile peer on the clinic LAN against the real listener on loopback TLS: whatever it does, the channel
stays there for the console that knows the secret, and the audit log does not fill up."""
from __future__ import annotations

import json
import os
import resource
import socket
import ssl

import pytest

from kiosk.core.states import State
from kiosk.staff import identity as ids
from kiosk.staff import listener as listener_module
from kiosk.staff.channel import MAX_DEPTH, decode
from kiosk.staff.client import pair
from kiosk.staff.errors import PairingRefused, ProtocolError
from kiosk.staff.messages import DEFAULT_PORT
from kiosk.staff.refusals import RefusalTally
from tests.staff.conftest import audit_rows, standing, wait

HOSTILE = "127.0.0.2"  # the whole of 127/8 is loopback: the attacker and the console are different peers


@pytest.fixture
def kiosk(kiosk_for, lane):
    return kiosk_for(standing("valid-pin", lane, 0, state=State.IDLE))


def _address(kiosk) -> tuple[str, int]:
    return ids.parse_address(kiosk.pairing.address, DEFAULT_PORT)


def _raw(kiosk, source: str = HOSTILE) -> socket.socket:
    sock = socket.create_connection(_address(kiosk), timeout=5, source_address=(source, 0))
    return sock


def _closed_by_kiosk(sock: socket.socket, within: float) -> bool:
    sock.settimeout(within)
    try:
        return sock.recv(4096) == b""
    except (ConnectionError, ssl.SSLError):
        return True
    except TimeoutError:
        return False


def _refusals(lane, peer: str) -> list[str]:
    return [detail for _, action, detail in audit_rows(lane, "staff_peer_refused") if f"peer={peer} " in detail]


def test_running_out_of_descriptors_does_not_end_the_accept_loop(kiosk, caplog):
    clients = [socket.socket() for _ in range(4)]
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    used = {int(fd) for fd in os.listdir("/proc/self/fd")}
    lowest_free = min(n for n in range(len(used) + 2) if n not in used)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (lowest_free, hard))  # no new descriptor: EMFILE
        for client in clients:  # the kernel completes these; the kiosk's accept() has no descriptor for them
            client.connect(_address(kiosk))
        assert wait(lambda: "accept failed" in caplog.text, 5)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    for client in clients:
        client.close()
    pairing = pair(kiosk.pairing.address, kiosk.pairing.secret, DEFAULT_PORT)  # still served
    assert pairing.fingerprint == kiosk.server.identity.fingerprint


def test_a_flood_from_one_peer_is_capped_and_the_console_is_still_served(kiosk, lane):
    flood = [_raw(kiosk) for _ in range(30)]
    try:
        closed = [sock for sock in flood if _closed_by_kiosk(sock, 0.5)]
        assert len(closed) >= 30 - listener_module.MAX_PER_PEER
        pairing = pair(kiosk.pairing.address, kiosk.pairing.secret, DEFAULT_PORT)
        assert pairing.name == "test-kiosk"
    finally:
        for sock in flood:
            sock.close()
    first = _refusals(lane, HOSTILE)
    assert first == [f"peer={HOSTILE} reason=staff_too_many_from_peer count=1"], "one row at once, not 26"
    kiosk.server.listener.refusals.flush(everything=True)
    [_, summary] = _refusals(lane, HOSTILE)
    count = int(summary.rsplit("count=", 1)[1])
    assert count >= 30 - listener_module.MAX_PER_PEER - 1 and "staff_too_many_from_peer:" in summary


def test_wrong_secrets_are_audited_once_per_peer_per_interval(kiosk, lane):
    for _ in range(3):
        with pytest.raises(PairingRefused):
            pair(kiosk.pairing.address, "AAAA-BBBB-CCCC-DDDD", DEFAULT_PORT)
    assert _refusals(lane, "127.0.0.1") == ["peer=127.0.0.1 reason=staff_pairing_refused count=1"]
    kiosk.server.stop()  # stopping writes what is still counted
    assert _refusals(lane, "127.0.0.1")[1] == "peer=127.0.0.1 reasons=staff_pairing_refused:2 count=2"


def test_a_peer_that_has_not_paired_gets_small_lines(kiosk):
    tls = ids.client_context().wrap_socket(_raw(kiosk))
    tls.recv(4096)  # hello
    try:
        tls.sendall(b"x" * (listener_module.PAIRING_MAX_LINE * 4))  # no newline: never a message
    except (ConnectionError, ssl.SSLError):
        pass
    assert _closed_by_kiosk(tls, 5)
    tls.close()


def test_deep_nesting_is_a_protocol_error_not_a_recursion():
    hostile = b'{"v":1,"type":"request","args":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(ProtocolError):
        decode(hostile)
    nested = {"v": 1, "type": "x", "a": "[[[[" * 100}  # brackets inside a string are text
    assert decode(json.dumps(nested).encode())["a"] == nested["a"]
    with pytest.raises(ProtocolError):
        decode(json.dumps({"v": 1, "type": "x", "a": [[[[[[[]]]]]]] * 2}).encode().replace(
            b"[]", b"[" * MAX_DEPTH + b"]" * MAX_DEPTH))


def test_the_tally_is_bounded_in_peers():
    rows: list[tuple[str, str]] = []
    now = [0.0]
    tally = RefusalTally(lambda peer, detail: rows.append((peer, detail)), lambda: now[0], max_peers=3)
    for n in range(10):
        tally.note(f"10.0.0.{n}", "staff_tls_failed")
    assert [peer for peer, _ in rows] == ["10.0.0.0", "10.0.0.1", "10.0.0.2", "others"]
    now[0] = 61.0
    tally.flush()
    assert rows[-1] == ("others", "peer=others reasons=staff_tls_failed:6 count=6")
