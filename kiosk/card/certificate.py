"""The user-authentication certificate: its expiry, and the proof that the card holds its key.

Both parse bytes the card sent, so every failure of the parser (cryptography raises ValueError,
UnsupportedAlgorithm or InvalidVersion, the key lazily, on first use) ends in BadCertificate. The key is
parsed with the rest when the certificate is read, so a card whose key is damaged is refused before any
PIN is asked for.
"""
from __future__ import annotations

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk.card.errors import BadCertificate
from kiosk.core.domain import CertificateInfo
from kiosk.core.errors import HolderProofFailed

_PARSE_ERRORS = (ValueError, UnsupportedAlgorithm, x509.InvalidVersion)


def _load(der: bytes) -> tuple[x509.Certificate, rsa.RSAPublicKey]:
    try:
        cert = x509.load_der_x509_certificate(der)
    except _PARSE_ERRORS as error:
        raise BadCertificate(f"user-authentication certificate does not parse: {error}") from None
    try:
        key = cert.public_key()
    except _PARSE_ERRORS as error:
        raise BadCertificate(f"user-authentication certificate's public key is damaged: {error}") from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise BadCertificate(f"user-authentication certificate's public key is {type(key).__name__}, not RSA")
    return cert, key


def certificate_info(der: bytes) -> CertificateInfo:
    """``subject_serial`` is the certificate's serial number in hex: it names this certificate, not the person."""
    cert, _ = _load(der)
    return CertificateInfo(der=der, not_after=cert.not_valid_after_utc, subject_serial=f"{cert.serial_number:X}")


def verify_holder(der: bytes, challenge: bytes, signature: bytes) -> None:
    """Raise HolderProofFailed unless ``signature`` is the certificate key's PKCS#1 v1.5 SHA-256 signature."""
    _, key = _load(der)
    try:
        key.verify(signature, challenge, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise HolderProofFailed("the card's signature does not verify against its certificate") from None
