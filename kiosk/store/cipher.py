"""Sealing personal fields, finding a returning patient, chaining the audit log — all from one key.

The master key is split with HKDF into four keys so that no two uses share one:

- AES-256-GCM for sealed fields. Each blob is ``version(1) | nonce(12) | ciphertext+tag``; the
  associated data names the table, column and row, so a blob copied into another row does not open.
- HMAC-SHA256 for the patient key: the certificate's identity plus birth date, never the individual
  number. Without the key the patient key cannot be recomputed from a card.
- HMAC-SHA256 for the audit chain: a row edited or removed with a SQLite tool cannot be re-chained.
- AES-256-GCM for whole-file backups (``kiosk/store/backup.py``), with its own key: no backup chunk can
  ever be taken for a sealed field or the other way round.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
from datetime import date

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kiosk.core.domain import CertificateInfo
from kiosk.store.errors import StoreCorrupt

_VERSION = b"\x01"
_NONCE = 12
KEY_CHECK = b"kiosk store key check v1"


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"kiosk.store/" + purpose).derive(master)


class FieldCipher:
    def __init__(self, master: bytes) -> None:
        self._aead = AESGCM(_derive(master, b"fields/aes-gcm/v1"))
        self._patient = _derive(master, b"patient-key/hmac/v1")
        self._audit = _derive(master, b"audit-chain/hmac/v1")
        self.backup_aead = AESGCM(_derive(master, b"backup/aes-gcm/v1"))

    def seal(self, data: bytes, context: str) -> bytes:
        nonce = os.urandom(_NONCE)
        return _VERSION + nonce + self._aead.encrypt(nonce, data, context.encode("utf-8"))

    def open(self, blob: bytes, context: str) -> bytes:
        """Raises :class:`InvalidTag` from cryptography; callers turn it into the right StoreError."""
        if not blob or blob[:1] != _VERSION or len(blob) < 1 + _NONCE + 16:
            raise InvalidTag()
        return self._aead.decrypt(blob[1 : 1 + _NONCE], blob[1 + _NONCE :], context.encode("utf-8"))

    def seal_json(self, value: object, context: str) -> bytes:
        return self.seal(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), context)

    def open_json(self, blob: bytes, context: str) -> object:
        try:
            return json.loads(self.open(blob, context))
        except InvalidTag as exc:
            raise StoreCorrupt(f"sealed field {context} fails authentication (edited or moved)") from exc

    def patient_key(self, certificate: CertificateInfo, birth_date: date) -> str:
        identity = certificate.subject_serial or "der-sha256:" + hashlib.sha256(certificate.der).hexdigest()
        message = f"v1\0{identity}\0{birth_date.isoformat()}".encode()
        return hmac.new(self._patient, message, hashlib.sha256).hexdigest()

    def audit_mac(self, message: bytes) -> str:
        return hmac.new(self._audit, message, hashlib.sha256).hexdigest()
