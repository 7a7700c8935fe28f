"""The event store: SQLite database of articles, reports, real-world events and actors.

The store writes and reads; it never extracts. :func:`marsad.ingest.ingest_articles`
reads, extracts and hands the results here.

>>> from marsad.store import connect, store_extraction   # doctest: +SKIP
"""
from marsad.store.db import StoreError, connect, default_path, explain, integrity_ok

__all__ = ["StoreError", "connect", "default_path", "explain", "integrity_ok"]
