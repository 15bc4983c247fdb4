"""The user-authentication certificate: its expiry, and the proof that the card holds its key."""
from __future__ import annotations

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from kiosk.core.domain import CertificateInfo
from kiosk.core.errors import HolderProofFailed, UnexpectedResponse


def certificate_info(der: bytes) -> CertificateInfo:
    """``subject_serial`` is the certificate's serial number in hex: it names this certificate, not the person."""
    try:
        cert = x509.load_der_x509_certificate(der)
    except ValueError as error:
        raise UnexpectedResponse(f"user-authentication certificate does not parse: {error}") from None
    return CertificateInfo(der=der, not_after=cert.not_valid_after_utc, subject_serial=f"{cert.serial_number:X}")


def verify_holder(der: bytes, challenge: bytes, signature: bytes) -> None:
    """Raise HolderProofFailed unless ``signature`` is the certificate key's PKCS#1 v1.5 SHA-256 signature."""
    key = x509.load_der_x509_certificate(der).public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise HolderProofFailed("certificate key is not RSA")
    try:
        key.verify(signature, challenge, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise HolderProofFailed("the card's signature does not verify against its certificate") from None
