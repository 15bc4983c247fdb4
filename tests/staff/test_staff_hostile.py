"""A hostile peer on the clinic LAN against the real listener on loopback TLS: whatever it does, the channel
stays there for the console that knows the secret, and the audit log does not fill up."""
from __future__ import annotations

import json
import os
import resource
import select
import socket
import ssl
import time

import pytest

from kiosk.core.states import State
from kiosk.staff import identity as ids
from kiosk.staff import listener as listener_module
from kiosk.staff.channel import MAX_DEPTH, decode
from kiosk.staff.client import KioskLink, pair
from kiosk.staff.errors import PairingRefused, ProtocolError, RequestFailed
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


def _pairs_within(kiosk, timeout: float) -> bool:
    def paired() -> bool:
        try:
            return pair(kiosk.pairing.address, kiosk.pairing.secret, DEFAULT_PORT).name == "test-kiosk"
        except Exception:
            return False

    return wait(paired, timeout)


def test_connections_are_capped_overall_and_a_console_pairs_once_they_go(kiosk, lane):
    cap, per_peer = listener_module.MAX_CONNECTIONS, listener_module.MAX_PER_PEER - 1  # never the per-peer cap
    peers = [f"127.0.1.{n}" for n in range(1, cap // per_peer + 3)]
    held = [_raw(kiosk, peer) for peer in peers for _ in range(per_peer)]  # silent: each holds a slot
    try:
        extra = len(held) - cap
        assert extra >= 4
        time.sleep(1.0)  # the refused ones are closed at once; the others wait for their handshake
        readable, _, _ = select.select(held, [], [], 0)
        assert len(readable) == extra and all(_closed_by_kiosk(sock, 0.1) for sock in readable)
        assert _closed_by_kiosk(_raw(kiosk, "127.0.0.1"), 1.0), "a console too is refused while the cap is full"
        rows = audit_rows(lane, "staff_peer_refused")
        assert any("reason=staff_too_many_connections" in detail for _, _, detail in rows)
    finally:
        for sock in held:
            sock.close()
    assert _pairs_within(kiosk, 5), "once the peers hang up, a console pairs again"


def _trickle(kiosk, step: float, give_up: float) -> float | None:
    """A peer that does everything slowly: the TLS handshake in pieces, then an auth line one byte at a time.
    Seconds from connecting until the kiosk hung up; None when it had not after ``give_up`` s."""
    sock = _raw(kiosk)
    start = time.monotonic()
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = ids.client_context().wrap_bio(incoming, outgoing)

    def hung_up() -> bool:
        while select.select([sock], [], [], 0)[0]:
            data = sock.recv(65536)
            if not data:
                return True
            incoming.write(data)
        return False

    def send(data: bytes, piece: int) -> bool:
        for i in range(0, len(data), piece):
            if hung_up():
                return False
            sock.sendall(data[i:i + piece])
            time.sleep(step)
        return True

    try:
        while True:
            try:
                tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                pass
            if not send(outgoing.read(), 64):
                return time.monotonic() - start
            ready, _, _ = select.select([sock], [], [], step)
            if ready:
                data = sock.recv(65536)
                if not data:
                    return time.monotonic() - start
                incoming.write(data)
        if not send(outgoing.read(), 64):
            return time.monotonic() - start
        line = b'{"v":1,"type":"auth","nonce":"' + b"0" * 32 + b'","proof":"' + b"0" * 64 + b'"}'
        for byte in line * 10:  # never a newline
            tls.write(bytes([byte]))
            if not send(outgoing.read(), 1 << 16) or time.monotonic() - start > give_up:
                break
        return time.monotonic() - start if hung_up() else None
    except (ConnectionError, ssl.SSLError):
        return time.monotonic() - start
    finally:
        sock.close()


def test_pairing_has_one_deadline_from_accept_however_slowly_a_peer_trickles(kiosk, lane):
    kiosk.server.listener.pairing_deadline = 1.0
    # A limit per read would never end it: every byte comes well within one. So a hang-up at all, before
    # the peer gives up, is the deadline (no tighter bound: a busy machine may be late, never early).
    elapsed = _trickle(kiosk, step=0.15, give_up=20.0)
    assert elapsed is not None and elapsed >= 0.9, f"hung up after {elapsed} s"
    assert _refusals(lane, HOSTILE) == [f"peer={HOSTILE} reason=staff_channel_timeout count=1"]
    assert _pairs_within(kiosk, 5), "a console that does not dawdle is not hurried"


def test_tls_failures_timeouts_and_requests_before_sign_in_are_audited_per_peer(kiosk, lane):
    kiosk.server.listener.pairing_deadline = 1.0
    garbage, silent = _raw(kiosk, "127.0.2.1"), _raw(kiosk, "127.0.2.2")
    garbage.sendall(b"GET / HTTP/1.0\r\n\r\n")  # not TLS
    assert _closed_by_kiosk(garbage, 2.0) and _closed_by_kiosk(silent, 3.0)
    garbage.close()
    silent.close()
    link = KioskLink(kiosk.pairing, DEFAULT_PORT).start()
    try:
        assert link.wait_online(5)
        for _ in range(3):
            with pytest.raises(RequestFailed) as refused:
                link.request("takeover", {"session_id": "x"})
            assert refused.value.code == "not_signed_in"
    finally:
        link.stop()
    assert wait(lambda: _refusals(lane, "127.0.2.2"), 2)
    assert _refusals(lane, "127.0.2.1") == ["peer=127.0.2.1 reason=staff_tls_failed count=1"]
    assert _refusals(lane, "127.0.2.2") == ["peer=127.0.2.2 reason=staff_channel_timeout count=1"]
    assert _refusals(lane, "127.0.0.1") == ["peer=127.0.0.1 reason=not_signed_in count=1"], "one row at once"
    kiosk.server.stop()  # stopping writes what is still counted
    assert _refusals(lane, "127.0.0.1")[1] == "peer=127.0.0.1 reasons=not_signed_in:2 count=2"
