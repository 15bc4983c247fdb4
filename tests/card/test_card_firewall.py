"""The firewall: no command reaches the individual number's files, by SELECT or any other form, from any path."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kiosk.card import apdu
from kiosk.card.errors import ForbiddenFile, Step
from kiosk.card.firewall import Firewall
from kiosk.card.reader import PcscCardReader
from kiosk.card.session import MyNumberSession
from kiosk.card.virtual.card import VirtualMyNumberCard
from kiosk.card.virtual.profiles import PROFILES, profile
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import CardError

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"


def _select_raw(fid: int) -> bytes:
    return bytes([0x00, 0xA4, 0x02, 0x0C, 0x02]) + fid.to_bytes(2, "big")


class RecordingConnection:
    """A SmartCardConnection over the virtual card that records what reaches it."""

    def __init__(self, card: VirtualMyNumberCard) -> None:
        self.card = card
        self.sent: list[bytes] = []

    def send_and_receive(self, command, *, timeout, cancel=None):
        self.sent.append(command)
        response = self.card.process(command)
        return response[:-2], int.from_bytes(response[-2:], "big")

    def close(self) -> None:
        pass


def test_the_forbidden_files_are_none_of_the_allowed():
    assert apdu.FORBIDDEN_FILES.isdisjoint(apdu.ALLOWED_FILES)
    assert {(apdu.FACE_AP, 0x0005), (apdu.FACE_AP, 0x0013), (apdu.ASSIST_AP, 0x0001),
            (apdu.ASSIST_AP, 0x0014)} <= apdu.FORBIDDEN_FILES


@pytest.mark.parametrize(("aid", "fid"), sorted(apdu.FORBIDDEN_FILES))
def test_session_cannot_send_a_forbidden_file(aid, fid):
    """Through select_ef, or the raw bytes handed to transmit: refused before anything leaves."""
    connection = RecordingConnection(VirtualMyNumberCard(profile("valid")))
    session = MyNumberSession(connection)
    session.select_ap(aid, Step.SELECT_AP)
    sent = len(connection.sent)
    with pytest.raises(ForbiddenFile, match="individual number"):
        session.select_ef(fid)
    with pytest.raises(ForbiddenFile):
        session.transmit(_select_raw(fid), Step.SELECT_EF)
    with pytest.raises(ForbiddenFile):
        session.key_state(fid)
    assert len(connection.sent) == sent


@pytest.mark.parametrize(
    "command",
    [
        "00B0810000",  # READ BINARY of EF 01 by short identifier, no SELECT
        "00B0850000",  # ... of the 券面AP's 0005
        "0020009300",  # VERIFY of key 13 (照合番号A) by short identifier
        "002000930C313233343536373839303138",
        "00A4080C04D3920005",  # SELECT by path
        "00A4000C020005",  # SELECT by FID from the MF
        "00A4020C0300050F",  # a malformed SELECT EF
        "00A4040C05D392100031",  # SELECT of a partial AID (JICSAP matches prefixes)
        "00A4040C0AA0000000030000000000",  # an AP the kiosk does not use
        "00D6000001FF",  # UPDATE BINARY
        "0024018004 31323334",  # CHANGE REFERENCE DATA
        "00CA010000",  # GET DATA
    ],
)
def test_other_command_forms_are_refused(command):
    firewall = Firewall()
    firewall.answered(apdu.select_ap(apdu.FACE_AP), 0x9000)
    with pytest.raises(ForbiddenFile):
        firewall.check(bytes.fromhex(command.replace(" ", "")))


def test_a_select_ef_needs_an_ap_the_card_confirmed():
    firewall = Firewall()
    with pytest.raises(ForbiddenFile, match="no AP"):
        firewall.check(apdu.select_ef(apdu.EF_FACE_DATA))
    firewall.answered(apdu.select_ap(apdu.FACE_AP), 0x9000)
    firewall.check(apdu.select_ef(apdu.EF_FACE_DATA))
    with pytest.raises(ForbiddenFile, match="not a file the kiosk reads"):
        firewall.check(apdu.select_ef(apdu.EF_TOKEN_INFO))  # a JPKI file, but the 券面AP is selected
    firewall.answered(apdu.select_ap(apdu.JPKI_AP), 0x6A82)  # the SELECT failed: where the card is, unknown
    with pytest.raises(ForbiddenFile):
        firewall.check(apdu.select_ef(apdu.EF_FACE_DATA))


def _every_operation(reader: PcscCardReader, card: VirtualMyNumberCard) -> None:
    code_b, cancel = card.profile.code_b, CancelToken()
    operations = [
        lambda: reader.read_summary(cancel),
        lambda: reader.authenticate_with_pin(card.profile.pin, cancel),
        lambda: reader.read_with_code_b(code_b, cancel),
        lambda: reader.read_with_code_b(code_b, cancel, typed_by_staff=True),
        lambda: reader.read_card_face("00000000000000", cancel, typed_by_staff=True),
        lambda: reader.authenticate_with_pin("0000", cancel),
    ]
    for operation in operations:
        try:
            operation()
        except CardError:
            pass


def test_every_operation_on_every_profile_stays_clear(fake_scard):
    """No code path of the reader reaches a forbidden file or carries the number, whatever the card does."""
    for name, chosen in PROFILES.items():
        if chosen.answer_delay:
            continue
        scard = fake_scard(name)
        card = scard.card
        _every_operation(PcscCardReader(scard=scard, apdu_timeout=2.0, connect_timeout=0.2), card)
        touched = {(aid, fid) for aid, ap in apdu.AP_NAMES.items() for name_, fid in card.files_touched()
                   if name_ == ap}
        assert not touched & apdu.FORBIDDEN_FILES, name
        assert touched or not chosen.my_number_card, name  # the operations did reach the card's files
        number = chosen.individual_number.encode()
        assert all(number not in command for _, command in card.log), name


def _users(attribute: str) -> set[str]:
    """The modules of the kiosk package that use ``something.<attribute>`` (a call, or the function passed on)."""
    found = set()
    for path in KIOSK.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if any(isinstance(node, ast.Attribute) and node.attr == attribute for node in ast.walk(tree)):
            found.add(path.relative_to(KIOSK.parent).as_posix())
    return found


def test_the_session_is_the_only_sender():
    """Every command reaches pyscard through the session's firewall: nothing else sends."""
    assert _users("send_and_receive") == {"kiosk/card/session.py"}
    assert _users("SCardTransmit") == {"kiosk/card/pcsc.py"}
