"""Staff accounts: scrypt-hashed passwords, roles, lockout after 5 wrong passwords, all audited."""
from __future__ import annotations

import pytest

from kiosk.core.errors import StoreError
from kiosk.store.errors import AccountLocked, BadCredentials, NotPermitted
from kiosk.store.staff_accounts import Role, StaffAccount, StaffAccounts


@pytest.fixture
def accounts(store) -> StaffAccounts:
    accounts = StaffAccounts(store)
    accounts.create("sato", "uketsuke-2025", Role.RECEPTION, "it:root")
    accounts.create("boss", "kanrisha-2025", Role.ADMIN, "it:root")
    return accounts


def test_password_is_hashed_and_checked(accounts, store):
    assert accounts.authenticate("sato", "uketsuke-2025") == StaffAccount("sato", Role.RECEPTION)
    stored = store._db.execute("SELECT password_hash FROM staff_accounts WHERE username = 'sato'").fetchone()[0]
    assert stored.startswith("scrypt$") and "uketsuke" not in stored


def test_admin_role_required_for_admin_actions(accounts):
    with pytest.raises(NotPermitted):
        accounts.authenticate("sato", "uketsuke-2025", require=Role.ADMIN)
    assert accounts.authenticate("boss", "kanrisha-2025", require=Role.ADMIN).role is Role.ADMIN


def test_lockout_after_five_failures_until_an_admin_unlocks(accounts, store):
    tries = []
    for _ in range(4):
        with pytest.raises(BadCredentials) as err:
            accounts.authenticate("sato", "wrong")
        tries.append(err.value.tries_left)
    assert tries == [4, 3, 2, 1]
    with pytest.raises(AccountLocked):
        accounts.authenticate("sato", "wrong")
    with pytest.raises(AccountLocked):
        accounts.authenticate("sato", "uketsuke-2025")  # even the right password, once locked
    accounts.unlock("sato", "boss")
    assert accounts.authenticate("sato", "uketsuke-2025").username == "sato"
    actions = [r[0] for r in store._db.execute("SELECT action FROM audit WHERE actor IN ('sato', 'boss')")]
    assert actions.count("staff_sign_in_failed") == 4
    assert "staff_locked" in actions and "staff_sign_in_refused" in actions
    assert store.check() == []


def test_remote_wrong_passwords_never_bring_the_kiosk_lock_nearer(accounts, store):
    """A console's guesses are slowed per console (kiosk/staff/guesses.py); counted here they would let a
    peer on the LAN leave an account one mistyped password from being locked at the kiosk."""
    for _ in range(10):
        with pytest.raises(BadCredentials) as err:
            accounts.authenticate("sato", "wrong", locks=False)
        assert err.value.tries_left == 5
    with pytest.raises(BadCredentials) as err:
        accounts.authenticate("sato", "wrong")  # one slip at the kiosk is one slip
    assert err.value.tries_left == 4
    actions = [r[0] for r in store._db.execute("SELECT action FROM audit WHERE actor = 'sato'")]
    assert actions.count("staff_sign_in_failed") == 11  # every guess is on record


def test_success_resets_the_failure_count(accounts):
    for _ in range(4):
        with pytest.raises(BadCredentials):
            accounts.authenticate("sato", "wrong")
    accounts.authenticate("sato", "uketsuke-2025")
    with pytest.raises(BadCredentials) as err:
        accounts.authenticate("sato", "wrong")
    assert err.value.tries_left == 4


def test_unknown_user_gets_the_same_answer(accounts):
    with pytest.raises(BadCredentials):
        accounts.authenticate("nobody", "whatever1")


def test_weak_password_and_duplicate_are_refused(accounts):
    with pytest.raises(StoreError):
        accounts.create("tanaka", "short", Role.RECEPTION, "it:root")
    with pytest.raises(StoreError):
        accounts.create("sato", "another-password", Role.RECEPTION, "it:root")
    accounts.set_password("sato", "new-password-1", "boss")
    assert accounts.authenticate("sato", "new-password-1").username == "sato"
    assert [a.username for a in accounts.accounts()] == ["boss", "sato"]
