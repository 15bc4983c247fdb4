"""Named failures of the clinic hub. None stops a reception: the local store has it, the outbox keeps it."""
from __future__ import annotations

from kiosk.core.errors import StoreError


class HubError(StoreError):
    code = "hub_error"


class HubNotConfigured(HubError):
    """No ``hub_dsn`` (or one that is not a connection string): there is no hub to ask (``kiosk hub ...``)."""

    code = "hub_not_configured"


class HubUnreachable(HubError):
    """The hub did not take a connection within its deadline (down, wrong address, refused sign-in)."""

    code = "hub_unreachable"


class HubSignInRefused(HubUnreachable):
    """The hub's server answered and refused this kiosk: wrong user or password, no such database, no
    pg_hba.conf entry. A HubUnreachable, so the replicator and the lookup treat it alike; the IT commands
    name it, because waiting does not help: the sign-in must be fixed."""

    code = "hub_sign_in_refused"


class HubTimeout(HubError):
    """A statement on the hub ran past its deadline (statement_timeout), or was cancelled."""

    code = "hub_timeout"


class HubTooOld(HubError):
    """The hub's schema is older than this kiosk's (never migrated, or by older kiosks only): the IT
    commands read nothing from it; the kiosk's next delivery (``kiosk hub push``) migrates it."""

    code = "hub_too_old"


class HubTooNew(HubError):
    """The hub's schema is newer than this kiosk knows: update the kiosk before it writes there."""

    code = "hub_too_new"
