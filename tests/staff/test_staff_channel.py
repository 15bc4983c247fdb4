"""The channel without Qt: pairing, refusals, sign-in, and staff commands reaching the flow on its thread."""
from __future__ import annotations

import logging
import socket
import ssl

import pytest

from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.core.view import ChipPhoto, SessionRecords
from kiosk.staff import identity as ids
from kiosk.staff.client import KioskLink, Status, open_channel, pair
from kiosk.staff.errors import FingerprintMismatch, PairingRefused, RequestFailed
from kiosk.staff.messages import DEFAULT_PORT
from kiosk.staff.training import sample_chip_photo
from tests.staff.conftest import PASSWORD, USER, audit_rows, standing, wait


@pytest.fixture
def kiosk(kiosk_for, lane):
    """A patient whose face failed and who pressed 「職員を呼ぶ」: waiting for staff, 目視 possible."""
    def photo(rig) -> None:
        rig.side.parts.card.card.photo = sample_chip_photo()

    return kiosk_for(standing("staff-visual", lane, prepare=photo))


@pytest.fixture
def link(kiosk):
    views = []
    link = KioskLink(kiosk.pairing, DEFAULT_PORT, on_view=lambda _link, s: views.append(s)).start()
    link.views = views
    assert link.wait_online(5)
    yield link
    link.stop()


def signed_in(link: KioskLink, state: State | None = None) -> KioskLink:
    link.sign_in(USER, PASSWORD)
    assert wait(lambda: link.snapshot is not None and (state is None or link.snapshot.view.state is state))
    return link


def test_pairing_pins_the_certificate_and_normalises_the_secret(kiosk):
    typed = kiosk.pairing.secret.lower().replace("-", " ")
    pairing = pair(kiosk.pairing.address, typed, DEFAULT_PORT)
    assert pairing.fingerprint == kiosk.server.identity.fingerprint
    assert pairing.name == "test-kiosk"


def test_a_wrong_secret_is_refused_logged_and_audited(kiosk, lane, caplog):
    with caplog.at_level(logging.WARNING, logger="kiosk.staff.listener"):
        with pytest.raises(PairingRefused):
            pair(kiosk.pairing.address, "AAAA-BBBB-CCCC-DDDD", DEFAULT_PORT)
    assert "wrong pairing secret" in caplog.text
    assert ("unknown", "staff_peer_refused", "peer=127.0.0.1 reason=staff_pairing_refused count=1") in audit_rows(lane)


def test_another_certificate_is_refused_before_any_secret_is_sent(kiosk):
    host, port = ids.parse_address(kiosk.pairing.address, DEFAULT_PORT)
    other = ids.Pairing(kiosk.pairing.address, kiosk.pairing.secret, "AA:" * 31 + "AA")
    with pytest.raises(FingerprintMismatch):
        open_channel(host, port, other)


def test_a_kiosk_that_does_not_know_the_secret_is_refused_by_the_console(kiosk_for, lane):
    impostor = kiosk_for(standing("valid-pin", lane, 0, state=State.IDLE))
    with pytest.raises(PairingRefused):
        pair(impostor.pairing.address, ids.new_secret(), DEFAULT_PORT)


def test_nothing_but_pairing_before_sign_in(link):
    with pytest.raises(RequestFailed) as refused:
        link.request("takeover", {"session_id": "x"})
    assert refused.value.code == "not_signed_in"
    assert link.views == []  # no patient data before a member of staff signs in


def test_wrong_passwords_from_a_console_slow_it_and_never_lock_the_account(kiosk, lane, monkeypatch):
    from kiosk.staff import guesses
    from kiosk.store.staff_accounts import Role, StaffAccounts

    monkeypatch.setattr(guesses, "FIRST_WAIT", 1.0)
    accounts = StaffAccounts(lane.store)
    accounts.create("tanaka", "right-password", Role.RECEPTION, actor="test")
    link = KioskLink(kiosk.pairing, DEFAULT_PORT).start()
    try:
        assert link.wait_online(5)
        codes = []
        for _ in range(guesses.FREE + 1):  # typos are free; the next failure starts a wait
            with pytest.raises(RequestFailed) as wrong:
                link.sign_in("tanaka", "wrong-password")
            codes.append(wrong.value.code)
        assert codes == ["staff_bad_credentials"] * (guesses.FREE + 1)
        with pytest.raises(RequestFailed) as slowed:
            link.sign_in("tanaka", "right-password")  # not even checked while this console waits
        assert slowed.value.code == "staff_sign_in_slowed" and str(slowed.value) == "1"
        assert not [a for a in accounts.accounts() if a.username == "tanaka" and a.locked]
        assert wait(lambda: kiosk.server.handlers.guesses.wait_for("127.0.0.1") == 0, 3)
        link.sign_in("tanaka", "right-password")
        assert link.signed_in
    finally:
        link.stop()
    failed = [d for _, action, d in audit_rows(lane, "staff_sign_in_failed")]
    assert len(failed) == guesses.FREE + 1, "every wrong password is still audited"


def test_wrong_passwords_from_a_console_do_not_count_toward_the_kiosks_lock(kiosk, lane):
    from kiosk.store.errors import BadCredentials
    from kiosk.store.staff_accounts import MAX_FAILURES, Role, StaffAccounts

    accounts = StaffAccounts(lane.store)
    accounts.create("tanaka", "right-password", Role.RECEPTION, actor="test")
    link = KioskLink(kiosk.pairing, DEFAULT_PORT).start()
    try:
        assert link.wait_online(5)
        for _ in range(MAX_FAILURES - 1):  # one short of the lock, and of the console's hang-up
            with pytest.raises(RequestFailed) as wrong:
                link.sign_in("tanaka", "wrong-password")
            assert wrong.value.code == "staff_bad_credentials"
    finally:
        link.stop()
    with pytest.raises(BadCredentials) as mistyped:  # at the kiosk itself
        accounts.authenticate("tanaka", "wrong-passwort")
    assert mistyped.value.tries_left == MAX_FAILURES - 1, "only the kiosk's own failure counts"
    assert not [a for a in accounts.accounts() if a.username == "tanaka" and a.locked]
    assert accounts.authenticate("tanaka", "right-password").username == "tanaka"
    remote = [d for _, action, d in audit_rows(lane, "staff_sign_in_failed") if d == "remote"]
    assert len(remote) == MAX_FAILURES - 1, "every remote wrong password is still audited"


def test_the_wait_doubles_per_console_and_is_forgotten_on_success():
    from kiosk.staff.guesses import FREE, LONGEST, GuessThrottle

    now = [0.0]
    throttle = GuessThrottle(lambda: now[0])
    waits = []
    for _ in range(FREE + 10):
        throttle.failed("10.0.0.5")
        waits.append(throttle.wait_for("10.0.0.5"))
    assert waits[:FREE] == [0.0] * FREE and waits[FREE:FREE + 3] == [2.0, 4.0, 8.0] and waits[-1] == LONGEST
    assert throttle.wait_for("10.0.0.6") == 0.0, "another console is not slowed"
    throttle.succeeded("10.0.0.5")
    assert throttle.wait_for("10.0.0.5") == 0.0


def test_signed_in_staff_see_the_view_and_check_the_person_by_eye(link, kiosk, lane):
    assert link.sign_in(USER, PASSWORD)["role"] == "reception"
    assert wait(lambda: link.snapshot is not None and link.snapshot.view.state is State.WAITING_STAFF)
    assert link.session_request("takeover") == {"state": "waiting_staff"}
    assert wait(lambda: link.snapshot.view.taken_by == USER)
    photo = link.session_request("chip_photo", {"code_b": kiosk.rig.side.parts.card.card.code_b})
    assert isinstance(photo, ChipPhoto) and photo.facts.name == "見本 太郎"
    assert photo.photo == sample_chip_photo()  # the card's JPEG 2000, as it left the chip
    assert link.session_request("camera_still") == kiosk.flow.devices.camera.data
    tries = link.snapshot.view.pin_tries_left
    assert link.session_request("visual_check", {"confirmed": True})["state"] == "checking"
    assert wait(lambda: link.snapshot.view.state is State.CONSENT)
    assert link.snapshot.view.pin_tries_left == tries  # nothing reset by 目視
    assert link.snapshot.view.staff_present == USER
    actions = [(actor, action) for actor, action, _ in audit_rows(lane)]
    for action in ("staff_takeover", "staff_chip_photo", "staff_camera_still", "staff_visual_ok"):
        assert actions.count((USER, action)) == 1, action  # by the flow, once: the channel adds none


def test_the_session_records_are_the_flows_snapshot(link, kiosk):
    signed_in(link, State.WAITING_STAFF)
    records = link.session_request("session_records")
    assert isinstance(records, SessionRecords)
    assert records.snapshot.session_id == link.snapshot.view.session_id
    assert records.snapshot.facts.name == "見本 太郎"  # read with the chip photo for the face attempts
    assert records.snapshot.method is None and records.last_visit is None


def test_a_command_for_another_patient_is_refused(link, kiosk):
    signed_in(link)
    with pytest.raises(RequestFailed) as changed:
        link.request("visual_check", {"session_id": "someone-else", "confirmed": True})
    assert changed.value.code == "session_changed"
    assert kiosk.state is State.WAITING_STAFF


def test_a_command_for_a_reception_that_is_over_is_refused_as_ended(link, kiosk):
    signed_in(link, State.WAITING_STAFF)
    session = link.snapshot.view.session_id
    assert link.session_request("end_session")["state"] == "ended"
    with pytest.raises(RequestFailed) as ended:
        link.session_request("visual_check", {"confirmed": True}, session_id=session)
    assert ended.value.code == "session_ended"
    kiosk.run(lambda: kiosk.flow.dispatch(ev.CardRemovedEvent()))  # the patient takes the card and leaves
    assert wait(lambda: link.snapshot.view.state is State.IDLE)
    with pytest.raises(RequestFailed) as gone:
        link.session_request("takeover", session_id=session)
    assert gone.value.code == "session_ended"


def test_a_command_the_flow_refuses_says_why(link, kiosk):
    signed_in(link, State.WAITING_STAFF)
    with pytest.raises(RequestFailed) as refused:
        link.session_request("choose_record", {"index": 0})  # there is no result to choose from
    assert refused.value.code == "no_such_record"
    with pytest.raises(RequestFailed) as no_gaiji:
        link.session_request("correct_name", {"name": "見本 太郎"})
    assert no_gaiji.value.code == "name_not_correctable"
    with pytest.raises(RequestFailed) as nothing:
        link.request("answer_call", {"session_id": ""})  # a patient waits for staff: no call outside a reception
    assert nothing.value.code == "not_allowed_now"
    assert kiosk.state is State.WAITING_STAFF


def test_bad_arguments_are_named(link):
    signed_in(link)
    with pytest.raises(RequestFailed) as bad:
        link.session_request("chip_photo", {"code_b": "12ab"})
    assert bad.value.code == "bad_request"
    with pytest.raises(RequestFailed) as no_session:
        link.request("end_session", {})
    assert no_session.value.code == "bad_request"
    with pytest.raises(RequestFailed) as query:
        link.session_request("insurance_check", {"query": {"insurer_number": "12", "card_number": "1",
                                                           "card_symbol": "", "branch_number": "",
                                                           "birth_date": "1980-02-17"}})
    assert query.value.code == "bad_request"
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


def test_a_silent_kiosk_goes_offline(kiosk, link):
    statuses = []
    link.on_status = lambda _link, status, code: statuses.append(status)
    link.sign_in(USER, PASSWORD)
    kiosk.stop_server()
    assert wait(lambda: link.status == Status.OFFLINE, 12)
    assert Status.OFFLINE in statuses


def test_a_dropped_connection_signs_in_again_with_the_token(link, kiosk):
    signed_in(link)
    channel = link._channel
    channel.close_soon()  # the network blips; the console does not have the password any more
    assert wait(lambda: link._channel is not None and link._channel is not channel, 8)

    def signed_in_again() -> bool:
        try:
            return link.session_request("takeover", timeout=2)["state"] == "waiting_staff"
        except RequestFailed:
            return False

    assert wait(signed_in_again, 5)


def test_a_call_from_the_idle_screen_reaches_the_console_and_is_answered(kiosk_for, lane):
    kiosk = kiosk_for(standing("valid-pin", lane, 0, state=State.IDLE))
    link = KioskLink(kiosk.pairing, DEFAULT_PORT).start()
    try:
        assert link.wait_online(5)
        signed_in(link, State.IDLE)
        kiosk.run(lambda: kiosk.flow.dispatch(ev.CallStaff()))
        assert wait(lambda: link.snapshot.view.call is not None)
        assert link.request("answer_call", {"session_id": ""})["state"] == "idle"
        assert wait(lambda: link.snapshot.view.call is None)
        assert [a for _, a, _ in audit_rows(lane) if a in ("staff_call", "staff_answer_call")] == [
            "staff_call", "staff_answer_call"]
    finally:
        link.stop()

