"""The event store: SQLite database of articles, reports, real-world events and actors.

>>> from marsad.store import connect, ingest_articles   # doctest: +SKIP
"""
from marsad.store.db import StoreError, connect, default_path, integrity_ok
from marsad.store.ingest import IngestSummary, content_hash, ingest_articles, remove_article

__all__ = [
    "IngestSummary",
    "StoreError",
    "connect",
    "content_hash",
    "default_path",
    "ingest_articles",
    "integrity_ok",
    "remove_article",
]
