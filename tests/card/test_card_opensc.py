"""OpenSC's own JPKI driver accepts the virtual card: proof that it behaves like the real one."""
from __future__ import annotations

import hashlib
import shutil
import subprocess

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from kiosk.card import apdu

pytestmark = [
    pytest.mark.pcsc,
    pytest.mark.skipif(shutil.which("pkcs15-tool") is None, reason="OpenSC is not installed"),
]

READER = "Virtual PCD 00 00"


def _run(*args: str) -> str:
    result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_opensc_lists_certificates_and_pins(virtual_card):
    virtual_card("valid")
    certificates = _run("pkcs15-tool", "--reader", READER, "--list-certificates")
    assert "User Authentication Certificate" in certificates
    assert "Path           : 000a" in certificates
    pins = _run("pkcs15-tool", "--reader", READER, "--list-pins")
    assert "User Authentication PIN" in pins
    assert "Tries left     : 3" in pins


def test_opensc_signs_with_the_auth_key(virtual_card, tmp_path):
    link = virtual_card("valid")
    message = b"clinic kiosk challenge"
    digest = tmp_path / "digest.bin"
    digest.write_bytes(hashlib.sha256(message).digest())
    signature = tmp_path / "signature.bin"
    _run(
        "pkcs15-crypt", "--reader", READER, "--sign", "--key", "01", "--pkcs1", "--sha-256",
        "--input", str(digest), "--output", str(signature), "--pin", "1234",
    )
    der = link.card.apps[apdu.JPKI_AP].files[apdu.EF_AUTH_CERT]
    cert = x509.load_der_x509_certificate(der[: 4 + int.from_bytes(der[2:4], "big")])
    cert.public_key().verify(signature.read_bytes(), message, padding.PKCS1v15(), hashes.SHA256())
