"""The optional clinic hub on PostgreSQL (docs/hub.md): every kiosk's receptions and audit chain in one place.

A kiosk still writes its own SQLite store first; an outbox row in the same transaction gives each reception
its turn to reach the hub, and :class:`~kiosk.hub.replicator.Replicator` delivers them in order, at least
once, with idempotent upserts. The hub holds what the store holds, sealed: ciphertext and the keyed lookup
hashes, never an opened field and never the clinic's key. :class:`~kiosk.hub.lookup.HubLookup` finds a
returning patient's last visit there within a short deadline and falls back to the local store.

Only imported when ``hub_dsn`` is configured (:func:`kiosk.hub.attach.attach_hub`): a kiosk without a hub
never loads psycopg. Qt-free; meets the kiosk through :mod:`kiosk.core` ports and :mod:`kiosk.store`.
"""
