"""Who is who on the channel: the kiosk's self-signed TLS certificate, the pairing secret, the proofs.

The kiosk keeps, in ``<data_dir>/staff/`` (owner-only): ``kiosk-cert.pem``, ``kiosk-key.pem`` and
``pairing-secret``, all made on first run. The console pins the certificate's SHA-256 fingerprint the
first time it pairs, and keeps it with the secret in its own ``kiosks.json`` (owner-only).

Both sides prove the secret with HMAC-SHA256 over both nonces *and* the certificate fingerprint the
console actually sees, so a machine in the middle (presenting its own certificate) cannot relay a proof.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path

from kiosk.staff.errors import NotPaired

SECRET_BYTES = 10  # 80 bits, typed once by IT staff as XXXX-XXXX-XXXX-XXXX


def new_secret() -> str:
    raw = base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_secret(text: str) -> str:
    """Staff type it with or without dashes, in any case; O and 0, I and 1 are confusable on paper."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).replace("0", "O").replace("1", "I")
    return cleaned


def _key(secret: str) -> bytes:
    return hashlib.sha256(b"kiosk-staff-pairing:" + normalise_secret(secret).encode("ascii")).digest()


def proof(secret: str, role: str, first: str, second: str, fingerprint: str) -> str:
    message = "|".join((role, first, second, fingerprint)).encode("ascii")
    return hmac.new(_key(secret), message, hashlib.sha256).hexdigest()


def proof_matches(expected: str, given: object) -> bool:
    return isinstance(given, str) and hmac.compare_digest(expected.encode(), given.encode("ascii", "replace"))


def fingerprint_of(der: bytes) -> str:
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


@dataclass(frozen=True)
class KioskIdentity:
    cert_path: Path
    key_path: Path
    secret: str
    fingerprint: str

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.load_cert_chain(self.cert_path, self.key_path)
        return context


def load_identity(directory: Path, name: str | None = None) -> KioskIdentity:
    """The kiosk's certificate, key and pairing secret, made on first use."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    cert_path, key_path = directory / "kiosk-cert.pem", directory / "kiosk-key.pem"
    secret_path = directory / "pairing-secret"
    if not (cert_path.exists() and key_path.exists()):
        cert_pem, key_pem = _self_signed(name or socket.gethostname())
        _write_private(key_path, key_pem)
        _write_private(cert_path, cert_pem)
    if not secret_path.exists():
        _write_private(secret_path, new_secret().encode("ascii") + b"\n")
    secret = secret_path.read_text(encoding="ascii").strip()
    der = ssl.PEM_cert_to_DER_cert(cert_path.read_text(encoding="ascii"))
    return KioskIdentity(cert_path, key_path, secret, fingerprint_of(der))


NAME_FILE = "kiosk-name"  # the name staff gave the kiosk at its pairing panel (the config's kiosk_name wins)
NAME_MAX = 32


def stored_name(directory: Path) -> str:
    """The kiosk's name as staff gave it, "" when none was given."""
    try:
        return (directory / NAME_FILE).read_text(encoding="utf-8").strip()[:NAME_MAX]
    except (OSError, UnicodeDecodeError):
        return ""


def store_name(directory: Path, name: str) -> str:
    """Keep the name staff gave the kiosk; returns it as kept (trimmed)."""
    name = " ".join(name.split())[:NAME_MAX]
    if not name:
        raise ValueError("a kiosk's name may not be empty")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    _write_private(directory / NAME_FILE, name.encode("utf-8") + b"\n")
    return name


def rotate_secret(directory: Path) -> str:
    """A new pairing secret: every console must pair again."""
    secret = new_secret()
    _write_private(directory / "pairing-secret", secret.encode("ascii") + b"\n")
    return secret


def _self_signed(common_name: str) -> tuple[bytes, bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"kiosk {common_name}"[:64])])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        # The pin is the fingerprint, not the dates: a long life spares clinics a yearly re-pairing.
        .not_valid_after(now + dt.timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


# --- the console's side ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pairing:
    address: str  # host:port
    secret: str
    fingerprint: str = ""  # empty until the first successful handshake pins it
    name: str = ""


def client_context() -> ssl.SSLContext:
    """TLS without CA checks: trust comes from the pinned fingerprint and the secret, checked after."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def parse_address(text: str, default_port: int) -> tuple[str, int]:
    host, sep, port = text.strip().rpartition(":")
    if not sep:
        return text.strip(), default_port
    try:
        return host.strip("[]"), int(port)
    except ValueError as exc:
        raise ValueError(f"not HOST:PORT: {text!r}") from exc


class PairingBook:
    """The kiosks this console is paired with, in one owner-only JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def all(self) -> list[Pairing]:
        if not self.path.exists():
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return [Pairing(**entry) for entry in data.get("kiosks", [])]
        except (ValueError, TypeError) as exc:
            raise NotPaired(f"{self.path} is not a pairing file: {exc}") from exc

    def get(self, address: str) -> Pairing:
        for pairing in self.all():
            if pairing.address == address:
                return pairing
        raise NotPaired(f"not paired with {address}: run `kiosk staff pair {address} --secret ...`")

    def save(self, pairing: Pairing) -> None:
        entries = [p for p in self.all() if p.address != pairing.address] + [pairing]
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        body = json.dumps({"kiosks": [p.__dict__ for p in entries]}, ensure_ascii=False, indent=1)
        _write_private(self.path, body.encode("utf-8"))

    def remove(self, address: str) -> None:
        entries = [p for p in self.all() if p.address != address]
        _write_private(self.path, json.dumps({"kiosks": [p.__dict__ for p in entries]}).encode("utf-8"))
