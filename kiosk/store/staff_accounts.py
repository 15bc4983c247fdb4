"""Staff accounts: who may see personal data, export it, or override a check (目視).

Passwords are hashed with scrypt (N=2**14, r=8, p=1, 16-byte salt); the hash string names its
parameters so they can be raised later without breaking old accounts. After 5 wrong passwords in a row
at the kiosk itself an account locks until an admin unlocks it; wrong passwords from a console are audited,
never counted toward that lock, and slow that console instead (:mod:`kiosk.staff.guesses`), so nobody on
the LAN can lock staff out of 目視. Every sign-in, failure, lock and change is audit-logged. The staff console and
``kiosk store export`` both call :meth:`StaffAccounts.authenticate`.
"""
from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from kiosk.core.tasks import StoreLane
from kiosk.store import stamps
from kiosk.store.errors import AccountLocked, BadCredentials, NotFound, NotPermitted, StoreError
from kiosk.store.store import Store

MAX_FAILURES = 5
MIN_PASSWORD_LENGTH = 8
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
# Spent on unknown user names too, so the answer time does not tell which names exist.
_DUMMY_HASH = "scrypt$16384$8$1$" + "00" * 16 + "$" + "00" * 32


class Role(str, enum.Enum):
    RECEPTION = "reception"
    ADMIN = "admin"


@dataclass(frozen=True)
class StaffAccount:
    username: str
    role: Role
    locked: bool = False


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, maxmem=64 * 1024 * 1024, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(
            password.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32,
            maxmem=64 * 1024 * 1024,
        )
    except ValueError:
        return False
    return hmac.compare_digest(candidate, bytes.fromhex(digest))


class StaffAccounts:
    def __init__(self, store: Store | StoreLane) -> None:
        self._store = store  # the kiosk's lane passes these calls to its store: accounts have their own lock

    def create(self, username: str, password: str, role: Role, actor: str) -> StaffAccount:
        username = username.strip()
        if not username:
            raise StoreError("a staff account needs a user name")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise StoreError(f"a staff password needs at least {MIN_PASSWORD_LENGTH} characters")
        now = stamps.when(self._store._clock())
        with self._store._write() as db:
            if db.execute("SELECT 1 FROM staff_accounts WHERE username = ?", (username,)).fetchone():
                raise StoreError(f"staff account {username} already exists")
            db.table("staff_accounts").insert(
                {
                    "username": username,
                    "role": role.value,
                    "password_hash": hash_password(password),
                    "failures": 0,
                    "locked": 0,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            self._store._audit(actor, "staff_created", f"user={username} role={role.value}")
        return StaffAccount(username, role)

    def authenticate(self, username: str, password: str, require: Role | None = None, *,
                     locks: bool = True) -> StaffAccount:
        """The account, when the password is right and it is not locked; ``require=ADMIN`` also checks
        the role. Raises BadCredentials(tries_left), AccountLocked or NotPermitted. With ``locks=False``
        (a remote console, slowed per console instead) a wrong password is audited but neither counted
        nor locking: a peer on the LAN must not bring an account near the kiosk's own lock."""
        with self._store._write() as db:
            row = db.execute(
                "SELECT role, password_hash, failures, locked FROM staff_accounts WHERE username = ?", (username,)
            ).fetchone()
            if row is None:
                password_matches(password, _DUMMY_HASH)
                self._store._audit("unknown", "staff_sign_in_failed", "reason=unknown_user")
                failure: Exception = BadCredentials(MAX_FAILURES)
            else:
                role, stored, failures, locked = row
                if locked:
                    self._store._audit(username, "staff_sign_in_refused", "reason=locked")
                    failure = AccountLocked(f"staff account {username} is locked: an admin must unlock it")
                elif not password_matches(password, stored) and not locks:
                    self._store._audit(username, "staff_sign_in_failed", "remote")
                    failure = BadCredentials(max(0, MAX_FAILURES - failures))
                elif not password_matches(password, stored):
                    failures += 1
                    now_locked = locks and failures >= MAX_FAILURES
                    db.execute(
                        "UPDATE staff_accounts SET failures = ?, locked = ?, updated_at = ? WHERE username = ?",
                        (failures, int(now_locked), stamps.when(self._store._clock()), username),
                    )
                    self._store._audit(
                        username, "staff_locked" if now_locked else "staff_sign_in_failed", f"failures={failures}"
                    )
                    failure = (
                        AccountLocked(f"staff account {username} locked after {MAX_FAILURES} wrong passwords")
                        if now_locked
                        else BadCredentials(max(0, MAX_FAILURES - failures))
                    )
                elif require is Role.ADMIN and role != Role.ADMIN.value:
                    self._store._audit(username, "staff_not_permitted", f"needs={require.value}")
                    failure = NotPermitted(f"{username} is not an admin")
                else:
                    if failures:
                        db.execute("UPDATE staff_accounts SET failures = 0 WHERE username = ?", (username,))
                    self._store._audit(username, "staff_signed_in", f"role={role}")
                    return StaffAccount(username, Role(role))
        # Raised after the transaction commits, so the failure count and its audit row are kept.
        raise failure

    def unlock(self, username: str, actor: str) -> None:
        self._update(username, actor, "staff_unlocked", "failures = 0, locked = 0", ())

    def set_password(self, username: str, password: str, actor: str) -> None:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise StoreError(f"a staff password needs at least {MIN_PASSWORD_LENGTH} characters")
        hashed = hash_password(password)
        self._update(username, actor, "staff_password_set", "password_hash = ?, failures = 0", (hashed,))

    def accounts(self) -> list[StaffAccount]:
        with self._store._lock:
            rows = self._store._db.execute("SELECT username, role, locked FROM staff_accounts ORDER BY username")
            return [StaffAccount(u, Role(r), bool(locked)) for u, r, locked in rows]

    def _update(self, username: str, actor: str, action: str, assignments: str, values: tuple) -> None:
        with self._store._write() as db:
            cursor = db.execute(
                f"UPDATE staff_accounts SET {assignments}, updated_at = ? WHERE username = ?",
                (*values, stamps.when(self._store._clock()), username),
            )
            if cursor.rowcount != 1:
                raise NotFound(f"no staff account {username}")
            self._store._audit(actor, action, f"user={username}")
