"""The channel without Qt: pairing, refusals, sign-in, staff commands reaching the flow on its thread."""
from __future__ import annotations

import logging
import socket
import ssl
import time

import pytest

from kiosk.core.harness import reach, settle
from kiosk.core.states import State
from kiosk.staff import identity as ids
from kiosk.staff.client import KioskLink, Status, open_channel, pair
from kiosk.staff.errors import ChannelClosed, FingerprintMismatch, PairingRefused, RequestFailed
from kiosk.staff.server import DEFAULT_PORT

from tests.staff.conftest import PASSWORD, USER, FlowThread, start_kiosk


@pytest.fixture
def flow_thread():
    thread = FlowThread()
    yield thread
    thread.stop()


@pytest.fixture
def kiosk(tmp_path, flow_thread, accounts):
    k = start_kiosk(reach(State.WAITING_STAFF), flow_thread.post, accounts, tmp_path / "staff")
    yield k
    k.server.stop()


def wait(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


@pytest.fixture
def link(kiosk):
    views = []
    link = KioskLink(kiosk.pairing, DEFAULT_PORT, on_view=lambda l, s: views.append(s)).start()
    link.views = views
    assert link.wait_online(5)
    yield link
    link.stop()


def test_pairing_pins_the_certificate_and_normalises_the_secret(kiosk):
    typed = kiosk.pairing.secret.lower().replace("-", " ")
    pairing = pair(kiosk.pairing.address, typed, DEFAULT_PORT)
    assert pairing.fingerprint == kiosk.server.identity.fingerprint
    assert pairing.name == "test-kiosk"


def test_a_wrong_secret_is_refused_logged_and_audited(kiosk, caplog):
    with caplog.at_level(logging.WARNING, logger="kiosk.staff.server"):
        with pytest.raises(PairingRefused):
            pair(kiosk.pairing.address, "AAAA-BBBB-CCCC-DDDD", DEFAULT_PORT)
    assert "wrong pairing secret" in caplog.text
    assert ("unknown", "staff_pairing_refused", "peer=127.0.0.1") in kiosk.rig.store.audit_log


def test_another_certificate_is_refused_before_any_secret_is_sent(kiosk):
    host, port = ids.parse_address(kiosk.pairing.address, DEFAULT_PORT)
    other = ids.Pairing(kiosk.pairing.address, kiosk.pairing.secret, "AA:" * 31 + "AA")
    with pytest.raises(FingerprintMismatch):
        open_channel(host, port, other)


def test_a_kiosk_that_does_not_know_the_secret_is_refused_by_the_console(tmp_path, flow_thread, accounts):
    impostor = start_kiosk(reach(State.IDLE), flow_thread.post, accounts, tmp_path / "impostor")
    try:
        with pytest.raises(PairingRefused):
            pair(impostor.pairing.address, ids.new_secret(), DEFAULT_PORT)
    finally:
        impostor.server.stop()


def test_nothing_but_pairing_before_sign_in(link):
    with pytest.raises(RequestFailed) as refused:
        link.request("takeover", {"session_id": "x"})
    assert refused.value.code == "not_signed_in"
    assert link.views == []  # no patient data before a member of staff signs in


def test_wrong_password_counts_down_then_the_account_locks(kiosk, accounts):
    from kiosk.store.staff_accounts import Role

    accounts.create("tanaka", "right-password", Role.RECEPTION, actor="test")
    link = KioskLink(kiosk.pairing, DEFAULT_PORT).start()
    try:
        assert link.wait_online(5)
        with pytest.raises(RequestFailed) as first:
            link.sign_in("tanaka", "wrong-password")
        assert first.value.code == "staff_bad_credentials" and str(first.value) == "4"
        codes = []
        for _ in range(4):
            try:
                link.sign_in("tanaka", "wrong-password")
            except (RequestFailed, ChannelClosed) as exc:
                codes.append(exc.code)
        assert codes[-1] == "staff_account_locked"
        again = KioskLink(kiosk.pairing, DEFAULT_PORT).start()  # the kiosk hung up on the guesser
        try:
            assert again.wait_online(5)
            with pytest.raises(RequestFailed) as locked:
                again.sign_in("tanaka", "right-password")
            assert locked.value.code == "staff_account_locked"
        finally:
            again.stop()
    finally:
        link.stop()


def test_signed_in_staff_see_the_view_and_take_over(link, kiosk, flow_thread):
    assert link.sign_in(USER, PASSWORD)["role"] == "reception"
    assert wait(lambda: link.snapshot is not None and link.snapshot.view.state is State.WAITING_STAFF)
    link.session_request("takeover")
    assert wait(lambda: link.snapshot.detail["taken_by"] == USER)
    photo = link.session_request("chip_photo", {"code_b": kiosk.rig.card.card.code_b})
    assert photo["facts"]["name"] == "見本 太郎"
    with pytest.raises(RequestFailed) as no_camera:
        link.session_request("camera_still")
    assert no_camera.value.code == "camera_unavailable"
    failures = flow_thread.run(lambda: kiosk.rig.flow.view().pin_tries_left)
    link.session_request("visual_check", {"confirmed": True})
    assert flow_thread.run(lambda: kiosk.rig.state) is State.CHECKING
    flow_thread.run(lambda: settle(kiosk.rig))
    assert wait(lambda: link.snapshot.view.state is State.CONSENT)
    assert link.snapshot.view.pin_tries_left == failures  # nothing reset by the takeover
    actions = [(a, b) for a, b, _ in kiosk.rig.store.audit_log]
    assert (USER, "staff_takeover") in actions and (USER, "staff_chip_photo") in actions
    assert (USER, "StaffVisualCheck") in actions


def test_a_command_for_a_patient_who_left_is_refused(link, kiosk, flow_thread):
    link.sign_in(USER, PASSWORD)
    assert wait(lambda: link.snapshot is not None)
    with pytest.raises(RequestFailed) as changed:
        link.request("visual_check", {"session_id": "someone-else", "confirmed": True})
    assert changed.value.code == "session_changed"
    assert flow_thread.run(lambda: kiosk.rig.state) is State.WAITING_STAFF


def test_an_event_the_flow_refuses_is_reported(link, kiosk):
    link.sign_in(USER, PASSWORD)
    assert wait(lambda: link.snapshot is not None)
    with pytest.raises(RequestFailed) as refused:
        link.session_request("choose_record", {"index": 0})  # there is no result to choose from
    assert refused.value.code == "not_allowed_now"


def test_bad_arguments_are_named(link):
    link.sign_in(USER, PASSWORD)
    assert wait(lambda: link.snapshot is not None)
    with pytest.raises(RequestFailed) as bad:
        link.session_request("chip_photo", {"code_b": "12ab"})
    assert bad.value.code == "bad_request"
    with pytest.raises(RequestFailed) as unknown:
        link.request("format_disk")
    assert unknown.value.code == "bad_request"


def test_garbage_on_the_socket_closes_only_that_connection(kiosk, link):
    host, port = ids.parse_address(kiosk.pairing.address, DEFAULT_PORT)
    raw = socket.create_connection((host, port), timeout=5)
    tls = ids.client_context().wrap_socket(raw)
    tls.recv(4096)  # hello
    tls.sendall(b"\xff\xfe not json\n")
    tls.settimeout(5)
    try:
        assert tls.recv(4096) == b""
    except (ConnectionError, ssl.SSLError):
        pass
    tls.close()
    link.sign_in(USER, PASSWORD)  # the kiosk still serves everyone else
    assert link.signed_in


def test_a_silent_kiosk_goes_offline_and_the_link_reconnects(kiosk, link, flow_thread, accounts, tmp_path):
    statuses = []
    link.on_status = lambda l, status, code: statuses.append((status, code))
    link.sign_in(USER, PASSWORD)
    kiosk.server.stop()
    assert wait(lambda: link.status == Status.OFFLINE, 12)
    assert (Status.OFFLINE, "staff_channel_closed") in statuses or any(s == Status.OFFLINE for s, _ in statuses)


def test_a_dropped_connection_signs_in_again_with_the_token(link, kiosk):
    link.sign_in(USER, PASSWORD)
    assert wait(lambda: link.snapshot is not None)
    channel = link._channel
    channel.close_soon()  # the network blips; the console does not have the password any more
    assert wait(lambda: link._channel is not None and link._channel is not channel, 8)

    def signed_in_again() -> bool:
        try:
            return link.session_request("takeover", timeout=2)["state"] == "waiting_staff"
        except RequestFailed:
            return False

    assert wait(signed_in_again, 5)


def test_start_staff_server_as_the_kiosk_wiring_calls_it(tmp_path, flow_thread, staff_store):
    from kiosk.config import Config
    from kiosk.staff import start_staff_server

    rig = reach(State.IDLE)
    config = Config(data_dir=tmp_path / "data", key_dir=tmp_path / "keys", terminal_root=tmp_path / "terminal")
    server = start_staff_server(rig.flow, flow_thread.post, rig.flow.devices, staff_store, config,
                                host="127.0.0.1", port=0, kiosk_name="入口")
    try:
        secret = (tmp_path / "data" / "staff" / "pairing-secret").read_text().strip()
        pairing = pair("%s:%d" % server.address, secret, DEFAULT_PORT)
        link = KioskLink(pairing, DEFAULT_PORT).start()
        try:
            assert link.wait_online(5)
            assert link.sign_in(USER, PASSWORD)["user"] == USER
            assert wait(lambda: link.snapshot is not None and link.snapshot.view.state is State.IDLE)
        finally:
            link.stop()
    finally:
        server.stop()
