"""The My Number card's protocol over one connection: APs, files, PINs, the holder proof, the facts.

The session remembers the selected AP and EF so that no SELECT is sent twice, and it is the one place
that sends APDUs: it logs them at TRACE (VERIFY data masked) and raises ApduError for any status word
other than 9000. It refuses to select the individual number's files (FORBIDDEN_FILES).
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
from kiosk.card.errors import ApduError, AssistPinAtRisk, CardTimeout, ForbiddenFile, Step
from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardFacts, CardKind, CardSummary, CertificateInfo, Sex
from kiosk.core.errors import CodeBUnavailable, NotMyNumberCard, UnexpectedResponse
from kiosk.logs import TRACE

log = logging.getLogger(__name__)

CODE_B_LENGTH = 14


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

    def begin(self, cancel: CancelToken, deadline: float) -> None:
        """Bound the next operation: every APDU until the next begin() honours these."""
        self._cancel = cancel
        self._deadline = deadline

    # --- operations ------------------------------------------------------------------------------

    def summary(self) -> CardSummary:
        self.select_ap(apdu.JPKI_AP, Step.SELECT_JPKI)
        self.select_ef(apdu.EF_TOKEN_INFO)
        label = self.read_binary(0, apdu.TOKEN_INFO_LENGTH).rstrip(b"\x00 \xff").decode("ascii", "replace")
        if label != apdu.TOKEN_LABEL:
            raise NotMyNumberCard(f"JPKI token label {label!r}")
        certificate = self.certificate()
        tries = self.pin_tries_left(apdu.EF_AUTH_PIN)
        return CardSummary(kind=CardKind.MY_NUMBER, certificate=certificate, pin_tries_left=tries)

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
        tries = self.pin_tries_left(apdu.EF_ASSIST_PIN)
        if tries is not None:
            if tries <= 1:
                raise AssistPinAtRisk(tries)
            self.verify(apdu.EF_ASSIST_PIN, secret, Step.VERIFY_ASSIST_PIN)
        return self._assist_facts()

    def facts_with_code_b(self, code_b: str) -> CardFacts:
        secret = code_b_bytes(code_b)
        self.select_ap(apdu.ASSIST_AP, Step.SELECT_AP)
        self.verify(apdu.EF_ASSIST_CODE_B, secret, Step.VERIFY_CODE_B)
        return self._assist_facts()

    def card_face(self, code_b: str) -> CardFace:
        secret = code_b_bytes(code_b)
        self.select_ap(apdu.FACE_AP, Step.SELECT_AP)
        self.verify(apdu.EF_FACE_CODE_B, secret, Step.VERIFY_CODE_B)
        fields = tlv.record(self.read_tlv_file(apdu.EF_FACE_DATA), 0xFF20)
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
        fields = tlv.record(self.read_tlv_file(apdu.EF_ASSIST_FACTS), 0xFF20)
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
        if (self._ap, fid) in apdu.FORBIDDEN_FILES:
            raise ForbiddenFile(f"EF {fid:04X} of the 入力補助AP holds the individual number")
        if self._ef == fid:
            return
        self._ef = None
        self.transmit(apdu.select_ef(fid), Step.SELECT_EF)
        self._ef = fid

    def pin_tries_left(self, fid: int) -> int | None:
        """Tries left (None: already verified in this session), spending no try."""
        self.select_ef(fid)
        try:
            self.transmit(apdu.verify_status(), Step.PIN_STATUS)
        except ApduError as error:
            if SW.is_verify_fail(error.sw):
                return error.sw & 0x0F
            if error.sw in (SW.AUTH_METHOD_BLOCKED, SW.REFERENCE_DATA_UNUSABLE):
                return 0
            raise
        return None

    def verify(self, fid: int, secret: bytes, step: Step) -> None:
        self.select_ef(fid)
        self.transmit(apdu.verify(secret), step)

    def read_binary(self, offset: int, length: int) -> bytes:
        return self.transmit_allowing(apdu.read_binary(offset, length), Step.READ, SW.END_OF_FILE_WARNING)

    def read_tlv_file(self, fid: int) -> bytes:
        """Read a file holding one TLV: sized by its header, read in chunks of at most 256 bytes."""
        self.select_ef(fid)
        data = self.read_binary(0, apdu.MAX_SHORT_LE)
        total = tlv.total_length(data)
        while len(data) < total:
            chunk = self.read_binary(len(data), min(apdu.MAX_SHORT_LE, total - len(data)))
            if not chunk:
                raise UnexpectedResponse(f"EF {fid:04X} ended at {len(data)} of {total} bytes")
            data += chunk
        return data[:total]

    def transmit(self, command: bytes, step: Step) -> bytes:
        return self.transmit_allowing(command, step)

    def transmit_allowing(self, command: bytes, step: Step, *also_ok: int) -> bytes:
        data, sw = self._exchange(command)
        if SW.is_wrong_le(sw) and command[1] == 0xB0:
            # Ask again for exactly what the card has (ISO 7816-4 6Cxx).
            data, sw = self._exchange(command[:4] + bytes([sw & 0xFF]))
        while SW.has_more(sw):
            # T=0 readers hand the answer over in pieces (61xx: GET RESPONSE for xx more bytes).
            more, sw = self._exchange(apdu.get_response(sw & 0xFF))
            data += more
        if sw != SW.OK and sw not in also_ok:
            raise ApduError(sw, step, data)
        return data

    def _exchange(self, command: bytes) -> tuple[bytes, int]:
        if self._cancel is not None:
            self._cancel.raise_if_cancelled()
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise CardTimeout(f"{apdu.describe(command)}: operation time limit reached")
        data, sw = self.connection.send_and_receive(
            command, timeout=min(self._apdu_timeout, remaining), cancel=self._cancel
        )
        log.log(TRACE, "%s -> %d bytes %04X", apdu.describe(command), len(data), sw)
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
