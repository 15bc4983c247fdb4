"""Keys and certificates of a virtual card, made at start-up (keys once per process: they are slow to make)."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from kiosk.card.virtual.profiles import Profile


@functools.lru_cache(maxsize=1)
def _keys() -> tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey, rsa.RSAPrivateKey]:
    """(CA, user authentication, signature) keys."""
    return tuple(rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(3))  # type: ignore[return-value]


@dataclass(frozen=True)
class Credentials:
    auth_key: rsa.RSAPrivateKey  # the key the card signs with (not the certificate's in holder-mismatch)
    auth_cert: bytes
    auth_ca_cert: bytes
    sign_key: rsa.RSAPrivateKey
    sign_cert: bytes
    sign_ca_cert: bytes


def _name(*parts: tuple[x509.ObjectIdentifier, str]) -> x509.Name:
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in parts])


def _certificate(
    subject: x509.Name, issuer: x509.Name, public_key, ca_key, not_before: datetime, not_after: datetime, ca: bool
) -> bytes:
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca, content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, key_cert_sign=ca, crl_sign=ca, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
    )
    return builder.sign(ca_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)


def make_credentials(profile: Profile, now: datetime | None = None) -> Credentials:
    now = now or datetime.now(UTC)
    ca_key, auth_key, sign_key = _keys()
    not_after = now + timedelta(days=profile.cert_days_left)
    not_before = min(now, not_after) - timedelta(days=5 * 365 - 30)
    ca_validity = (now - timedelta(days=10 * 365), now + timedelta(days=10 * 365))
    org = (NameOID.COUNTRY_NAME, "JP"), (NameOID.ORGANIZATION_NAME, "JPKI")
    auth_ca = _name(*org, (NameOID.ORGANIZATIONAL_UNIT_NAME, "JPKI for user authentication (virtual)"))
    sign_ca = _name(*org, (NameOID.ORGANIZATIONAL_UNIT_NAME, "JPKI for digital signature (virtual)"))
    serial = f"{x509.random_serial_number():X}"[:16]
    return Credentials(
        auth_key=auth_key if profile.holder_key_matches else sign_key,
        auth_cert=_certificate(
            _name((NameOID.COUNTRY_NAME, "JP"), (NameOID.COMMON_NAME, serial)),
            auth_ca, auth_key.public_key(), ca_key, not_before, not_after, ca=False,
        ),
        auth_ca_cert=_certificate(auth_ca, auth_ca, ca_key.public_key(), ca_key, *ca_validity, ca=True),
        sign_key=sign_key,
        sign_cert=_certificate(
            _name((NameOID.COUNTRY_NAME, "JP"), (NameOID.COMMON_NAME, profile.holder_name)),
            sign_ca, sign_key.public_key(), ca_key, not_before, not_after, ca=False,
        ),
        sign_ca_cert=_certificate(sign_ca, sign_ca, ca_key.public_key(), ca_key, *ca_validity, ca=True),
    )


RSA_ENCRYPTION_OID = bytes.fromhex("06092A864886F70D010101")  # 1.2.840.113549.1.1.1, DER


def with_unknown_key_algorithm(der: bytes) -> bytes:
    """The certificate ``der`` with its public key's algorithm made one no library knows (…1.1.127).

    The certificate still parses, and its dates still read: only the key is unusable, as on a card whose
    certificate was damaged where the key is written."""
    if der.count(RSA_ENCRYPTION_OID) != 1:
        raise ValueError("certificate does not name rsaEncryption exactly once")
    return der.replace(RSA_ENCRYPTION_OID, RSA_ENCRYPTION_OID[:-1] + b"\x7f")
