"""The My Number card's protocol over one connection: APs, files, PINs, the holder proof, the facts.

The session remembers the selected AP and EF so that no SELECT is sent twice, and it is the one place
that sends APDUs: each passes the firewall first (kiosk.card.firewall: never the individual number's
files, nor any command the kiosk does not need), is logged at TRACE (VERIFY data masked), and any status
word other than 9000 raises ApduError.

Before any VERIFY of a PIN or 照合番号B the session asks the key's tries left (an empty VERIFY, which
spends none) and sends only when a wrong value cannot lock the card, or, for the camera's reading of
照合番号B, cannot bring it near its lock. Only ``63Cx`` gives a count: a key that gives none (``6300``, or
``9000``, which no key can truly answer right after its AP was selected) is taken to be at its last try.

Nothing the card sends is trusted: lengths are bounded (a file by what READ BINARY can address, an answer
by what was asked), the 61xx / 6Cxx exchanges that complete an answer by count, and every parse of card
bytes ends in a named error.
"""
from __future__ import annotations

import hashlib
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kiosk.card import apdu, tlv
from kiosk.card.apdu import SW
from kiosk.card.certificate import certificate_info, verify_holder
from kiosk.card.connection import SmartCardConnection
from kiosk.card.errors import (
    ApduError,
    AssistPinAtRisk,
    BadLength,
    CardTimeout,
    CodeBBlocked,
    ResponseLoop,
    Step,
)
from kiosk.card.firewall import Firewall
from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardFacts, CardKind, CardSummary, CertificateInfo, Sex
from kiosk.core.errors import CodeBTriesLow, CodeBUnavailable, NotMyNumberCard, UnexpectedResponse
from kiosk.logs import TRACE

log = logging.getLogger(__name__)

CODE_B_LENGTH = 14
# The camera's reading of 照合番号B is tried only while this many tries are left: a misread then leaves
# staff tries to type the code from the card, and the card is never brought near its lock by the camera.
CAMERA_CODE_B_MIN_TRIES = 3
# GET RESPONSEs one command may take (61xx): a short answer (256 bytes at most) needs one or two, so a card
# asking for more is looping. A 6Cxx (wrong Le) is answered by one re-send with the Le it names, no more.
MAX_GET_RESPONSES = 64


@dataclass(frozen=True)
class KeyState:
    """What the empty VERIFY says of a key (a PIN or 照合番号B), spending no try."""

    verified: bool  # 9000: the card says it is verified (nothing need be sent)
    tries_left: int | None  # 63Cx: x (0: blocked); None: no count given (6300, 9000)

    def guarded_tries(self) -> int:
        """Tries left as the guards count them: a count the card does not give for sure is the last try."""
        return 1 if self.tries_left is None else self.tries_left


@dataclass(frozen=True)
class CardFace:
    """What the 券面AP gives with 照合番号B: the chip photo and the dates printed on the card."""

    photo: bytes  # JPEG 2000, monochrome
    birth_date: date
    sex: Sex
    card_expiry: date


class MyNumberSession:
    def __init__(
        self,
        connection: SmartCardConnection,
        *,
        apdu_timeout: float = 5.0,
        random_bytes: Callable[[int], bytes] = secrets.token_bytes,
    ) -> None:
        self.connection = connection
        self._apdu_timeout = apdu_timeout
        self._random_bytes = random_bytes
        self._ap: bytes | None = None
        self._ef: int | None = None
        self._certificate: CertificateInfo | None = None
        self._cancel: CancelToken | None = None
        self._deadline = float("inf")
        self._firewall = Firewall()
        self._proven_code_b: bytes | None = None  # the 照合番号B the card accepted in this operation

    def begin(self, cancel: CancelToken, deadline: float) -> None:
        """Bound the next operation: every APDU until the next begin() honours these."""
        self._cancel = cancel
        self._deadline = deadline
        self._proven_code_b = None

    # --- operations ------------------------------------------------------------------------------

    def summary(self) -> CardSummary:
        self.select_ap(apdu.JPKI_AP, Step.SELECT_JPKI)
        self.select_ef(apdu.EF_TOKEN_INFO)
        label = self.read_binary(0, apdu.TOKEN_INFO_LENGTH).rstrip(b"\x00 \xff").decode("ascii", "replace")
        if label != apdu.TOKEN_LABEL:
            raise NotMyNumberCard(f"JPKI token label {label!r}")
        certificate = self.certificate()
        pin = self.key_state(apdu.EF_AUTH_PIN)
        # A PIN that gives no count (6300, or 9000 just after the JPKI AP was selected) shows as 1 try left:
        # the flow's last-try guard then applies, and the PIN is not typed at the kiosk.
        return CardSummary(kind=CardKind.MY_NUMBER, certificate=certificate, pin_tries_left=pin.guarded_tries())

    def certificate(self) -> CertificateInfo:
        if self._certificate is None:
            self.select_ap(apdu.JPKI_AP, Step.SELECT_JPKI)
            self._certificate = certificate_info(self.read_tlv_file(apdu.EF_AUTH_CERT))
        return self._certificate

    def prove_holder(self, pin: str) -> None:
        """VERIFY the user PIN, then have the card sign a fresh challenge and check it against the certificate."""
        certificate = self.certificate()
        self.select_ap(apdu.JPKI_AP, Step.SELECT_JPKI)
        self.verify(apdu.EF_AUTH_PIN, _digits(pin, 4, "PIN"), Step.VERIFY_PIN)
        self.select_ef(apdu.EF_AUTH_KEY)
        challenge = self._random_bytes(32)
        digest_info = apdu.SHA256_DIGEST_INFO_PREFIX + hashlib.sha256(challenge).digest()
        signature = self.transmit(apdu.sign(digest_info), Step.SIGN)
        verify_holder(certificate.der, challenge, signature)

    def facts_with_pin(self, pin: str) -> CardFacts:
        """The 4 facts through the 入力補助AP PIN, which must be the same digits; never risks locking it."""
        secret = _digits(pin, 4, "PIN")
        self.select_ap(apdu.ASSIST_AP, Step.SELECT_AP)
        key = self.key_state(apdu.EF_ASSIST_PIN)
        if not key.verified:
            if key.guarded_tries() <= 1:
                raise AssistPinAtRisk(key.tries_left)
            self.verify(apdu.EF_ASSIST_PIN, secret, Step.VERIFY_ASSIST_PIN)
        return self._assist_facts()

    def facts_with_code_b(self, code_b: str, *, typed_by_staff: bool = False) -> CardFacts:
        """The 4 facts through 照合番号B: read by the camera unless ``typed_by_staff`` (see open_with_code_b)."""
        secret = code_b_bytes(code_b)
        self.select_ap(apdu.ASSIST_AP, Step.SELECT_AP)
        self.open_with_code_b(apdu.EF_ASSIST_CODE_B, secret, typed_by_staff=typed_by_staff)
        return self._assist_facts()

    def card_face(self, code_b: str, *, typed_by_staff: bool = False) -> CardFace:
        secret = code_b_bytes(code_b)
        self.select_ap(apdu.FACE_AP, Step.SELECT_AP)
        self.open_with_code_b(apdu.EF_FACE_CODE_B, secret, typed_by_staff=typed_by_staff)
        fields = self.read_record(apdu.EF_FACE_DATA)
        try:
            return CardFace(
                photo=fields[0xDF27],
                birth_date=_yyyymmdd(fields[0xDF22]),
                sex=_sex(fields[0xDF23]),
                card_expiry=_yyyymmdd(fields[0xDF29]),
            )
        except KeyError as missing:
            raise UnexpectedResponse(f"券面AP record lacks tag {missing.args[0]:X}") from None

    # --- building blocks -------------------------------------------------------------------------

    def _assist_facts(self) -> CardFacts:
        fields = self.read_record(apdu.EF_ASSIST_FACTS)
        try:
            return CardFacts(
                name=fields[0xDF22].decode("utf-8", "replace"),
                address=fields[0xDF23].decode("utf-8", "replace"),
                birth_date=_yyyymmdd(fields[0xDF24]),
                sex=_sex(fields[0xDF25]),
            )
        except KeyError as missing:
            raise UnexpectedResponse(f"入力補助AP record lacks tag {missing.args[0]:X}") from None

    def select_ap(self, aid: bytes, step: Step) -> None:
        if self._ap == aid:
            return
        self._ap = self._ef = None
        self.transmit(apdu.select_ap(aid), step)
        self._ap = aid

    def select_ef(self, fid: int) -> None:
        if self._ef == fid:
            return
        self._ef = None
        self.transmit(apdu.select_ef(fid), Step.SELECT_EF)
        self._ef = fid

    def key_state(self, fid: int) -> KeyState:
        """The key's tries left, spending no try. Any answer but 63Cx, 6300, 9000 and the blocked ones is
        an error (ApduError): nothing is sent to a key the card will not describe."""
        self.select_ef(fid)
        try:
            self.transmit(apdu.verify_status(), Step.PIN_STATUS)
        except ApduError as error:
            if SW.is_blocked(error.sw):
                return KeyState(verified=False, tries_left=0)
            if SW.is_verify_fail(error.sw):
                return KeyState(verified=False, tries_left=error.sw & 0x0F)
            if error.sw == SW.NO_COUNTER:
                return KeyState(verified=False, tries_left=None)
            raise
        return KeyState(verified=True, tries_left=None)

    def open_with_code_b(self, fid: int, secret: bytes, *, typed_by_staff: bool) -> None:
        """VERIFY 照合番号B on the selected AP's key ``fid``, asking its tries left first.

        Blocked: CodeBBlocked, nothing sent. The camera's reading is sent only with
        CAMERA_CODE_B_MIN_TRIES left (else CodeBTriesLow), a code typed by staff down to the last try; a
        code the card accepted earlier in this operation (the other AP's key) is known right and is sent
        down to the last try too. A key that gives no count counts as at its last try.
        """
        key = self.key_state(fid)
        if key.verified:
            return
        if key.tries_left == 0:
            raise CodeBBlocked()
        needed = 1 if typed_by_staff or secret == self._proven_code_b else CAMERA_CODE_B_MIN_TRIES
        if key.guarded_tries() < needed:
            raise CodeBTriesLow(key.tries_left)
        self.verify(fid, secret, Step.VERIFY_CODE_B)
        self._proven_code_b = secret

    def verify(self, fid: int, secret: bytes, step: Step) -> None:
        self.select_ef(fid)
        self.transmit(apdu.verify(secret), step)

    def read_binary(self, offset: int, length: int) -> bytes:
        data = self.transmit_allowing(apdu.read_binary(offset, length), Step.READ, SW.END_OF_FILE_WARNING)
        if len(data) > length:
            raise BadLength(f"READ BINARY of {length} bytes at {offset} answered {len(data)}")
        return data

    def read_tlv_file(self, fid: int, record_tag: int | None = None) -> bytes:
        """Read a file holding one TLV: sized by its header, read in chunks of at most 256 bytes.

        With ``record_tag``, the TLV is looked for within the file's first bytes (tlv.record_start). A
        header claiming more than READ BINARY can reach is refused before anything more is read.
        """
        self.select_ef(fid)
        data = self.read_binary(0, apdu.MAX_SHORT_LE)
        start = 0 if record_tag is None else tlv.record_start(data, record_tag)
        total = start + tlv.total_length(data[start:])
        if total > apdu.MAX_FILE_SIZE:
            raise BadLength(f"EF {fid:04X}: its header claims a TLV of {total - start} bytes; a file is read "
                            f"to {apdu.MAX_FILE_SIZE} at most")
        while len(data) < total:
            try:
                chunk = self.read_binary(len(data), min(apdu.MAX_SHORT_LE, total - len(data)))
            except ApduError as error:
                if error.sw != SW.WRONG_OFFSET:
                    raise
                chunk = b""
            if not chunk:
                raise BadLength(f"EF {fid:04X} ended at {len(data)} of the {total} bytes its header claims")
            data += chunk
        return data[start:total]

    def read_record(self, fid: int, tag: int = 0xFF20) -> dict[int, bytes]:
        """The fields of the record ``tag`` of a file (EF 0002 of the 入力補助AP and the 券面AP)."""
        return tlv.record(self.read_tlv_file(fid, tag), tag)

    def transmit(self, command: bytes, step: Step) -> bytes:
        return self.transmit_allowing(command, step)

    def transmit_allowing(self, command: bytes, step: Step, *also_ok: int) -> bytes:
        data, sw = self._exchange(command)
        if SW.is_wrong_le(sw) and command[1] == 0xB0:
            # Ask again for exactly what the card has (ISO 7816-4 6Cxx), once.
            data, sw = self._exchange(command[:4] + bytes([sw & 0xFF]))
            if SW.is_wrong_le(sw):
                raise ResponseLoop(f"{apdu.describe(command)}: 6Cxx again after a re-send with the Le the card "
                                   f"named (SW {sw:04X})")
        get_responses = 0
        while SW.has_more(sw):
            # T=0 readers hand the answer over in pieces (61xx: GET RESPONSE for xx more bytes).
            if get_responses == MAX_GET_RESPONSES:
                raise ResponseLoop(f"{apdu.describe(command)}: still 61xx (more data) after "
                                   f"{MAX_GET_RESPONSES} GET RESPONSEs")
            more, sw = self._exchange(apdu.get_response(sw & 0xFF))
            get_responses += 1
            data += more
            if len(data) > apdu.MAX_SHORT_LE:
                raise BadLength(f"{apdu.describe(command)}: {len(data)} bytes of answer, more than a short "
                                f"APDU's {apdu.MAX_SHORT_LE}")
        if sw != SW.OK and sw not in also_ok:
            raise ApduError(sw, step, data)
        return data

    def _exchange(self, command: bytes) -> tuple[bytes, int]:
        self._firewall.check(command)
        if self._cancel is not None:
            self._cancel.raise_if_cancelled()
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise CardTimeout(f"{apdu.describe(command)}: operation time limit reached")
        data, sw = self.connection.send_and_receive(
            command, timeout=min(self._apdu_timeout, remaining), cancel=self._cancel
        )
        log.log(TRACE, "%s -> %d bytes %04X", apdu.describe(command), len(data), sw)
        self._firewall.answered(command, sw)
        return data, sw


def code_b_bytes(code_b: str) -> bytes:
    """照合番号B as sent; a malformed one (an OCR misread) never reaches the card, where tries are limited."""
    try:
        return _digits(code_b, CODE_B_LENGTH, "照合番号B")
    except ValueError as error:
        raise CodeBUnavailable(str(error)) from None


def _digits(value: str, length: int, what: str) -> bytes:
    if len(value) != length or not value.isascii() or not value.isdigit():
        raise ValueError(f"{what} must be {length} ASCII digits")
    return value.encode("ascii")


def _yyyymmdd(raw: bytes) -> date:
    text = raw.decode("ascii", "replace")
    try:
        return date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise UnexpectedResponse(f"not a YYYYMMDD date: {text!r}") from None


def _sex(raw: bytes) -> Sex:
    try:
        return Sex(raw.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        return Sex.UNSET
