"""Connections to the hub, each with its deadlines: connect_timeout for the connect, statement_timeout for
every statement (the server ends a statement past it). Errors become the hub's named errors; the DSN is
never put into one (it may hold a password)."""
from __future__ import annotations

import math

import psycopg
from psycopg import errors as pg_errors

from kiosk.hub.errors import HubError, HubSignInRefused, HubTimeout, HubUnreachable

MIN_CONNECT_TIMEOUT = 2  # libpq's (and psycopg's) floor for connect_timeout, in whole seconds
# What the server (a FATAL before the session starts) or libpq says when the server answered but refused
# who signs in. A connect failure carries no SQLSTATE in psycopg, so the text is all there is; libpq and
# the server speak English unless lc_messages says otherwise, and then it is "does not answer" as before.
_SIGN_IN_REFUSED = (
    "authentication failed", "does not exist", "pg_hba.conf", "fe_sendauth", "permission denied",
    "no password supplied",
)
SECRET_OPTIONS = ("password", "sslpassword")  # libpq options whose values are never shown


def connect(dsn: str, *, connect_timeout: float, statement_timeout: float, name: str) -> psycopg.Connection:
    """An autocommit connection (transactions are explicit: ``with conn.transaction()``)."""
    try:
        conn = psycopg.connect(
            dsn,
            autocommit=True,
            connect_timeout=max(MIN_CONNECT_TIMEOUT, math.ceil(connect_timeout)),
            application_name=name,
        )
    except psycopg.Error as exc:
        text = _first_line(exc)
        if _sign_in_refused(str(exc)):
            raise HubSignInRefused(f"the clinic hub refused the sign-in: {text}") from exc
        raise HubUnreachable(f"the clinic hub does not answer: {text}") from exc
    try:
        milliseconds = max(1, round(statement_timeout * 1000))
        conn.execute("SELECT set_config('statement_timeout', %s, false)", (str(milliseconds),))
    except psycopg.Error as exc:
        conn.close()
        raise hub_error(exc) from exc
    return conn


def hub_error(exc: psycopg.Error) -> HubError:
    """The named error for what psycopg raised."""
    if isinstance(exc, pg_errors.QueryCanceled):
        return HubTimeout(f"the clinic hub did not finish in time: {_first_line(exc)}")
    if isinstance(exc, psycopg.OperationalError):
        return HubUnreachable(f"the clinic hub went away: {_first_line(exc)}")
    return HubError(f"the clinic hub refused: {_first_line(exc)}")


def _sign_in_refused(text: str) -> bool:
    lowered = text.lower()
    answered = "fatal:" in lowered or "fe_sendauth" in lowered
    return answered and any(marker in lowered for marker in _SIGN_IN_REFUSED)


def redacted(dsn: str) -> str:
    """``dsn`` as it may be shown: every password replaced by ``***``. One that is not a connection string
    is not shown at all (its parts cannot be told apart, so any of them could be the password)."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    try:
        params = conninfo_to_dict(dsn)
    except psycopg.Error:
        return "(not a valid connection string)"
    for option in SECRET_OPTIONS:
        if params.get(option):
            params[option] = "***"
    return make_conninfo("", **params)


def secrets_in(dsn: str) -> list[str]:
    """The values in ``dsn`` that must never be shown (for scrubbing what a command prints)."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        params = conninfo_to_dict(dsn)
    except psycopg.Error:
        return [dsn]
    return [str(params[o]) for o in SECRET_OPTIONS if params.get(o)]


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
