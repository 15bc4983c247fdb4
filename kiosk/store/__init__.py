"""The local store: SQLite (WAL) with sealed personal fields, audit chain, re-check queue, staff accounts.

Only this package touches the database file. See docs/store.md.
"""
from kiosk.store.errors import KeyMissing, StoreCorrupt, StoreTooNew, WrongKey
from kiosk.store.store import Store, StoredDeclaration, StoredReception, open_store

__all__ = [
    "KeyMissing",
    "Store",
    "StoreCorrupt",
    "StoreTooNew",
    "StoredDeclaration",
    "StoredReception",
    "WrongKey",
    "open_store",
]
