"""Input → the store: read, skip what is stored unchanged, extract, hand the results down.

The order matters for speed: an article whose id is stored with the same content (same
:func:`~marsad.store.ingest.content_hash`) is skipped *before* extraction, so
re-ingesting a corpus, or resuming one after a crash, costs a hash per article. The
rest is extracted by :func:`marsad.parallel.extract_parallel` (``workers=1``: in this
process) and written by :mod:`marsad.store.ingest`, in input order, in transactions of
``batch_size`` articles: a process killed at any moment leaves the store as it was
after the last committed batch, and a rerun ends with exactly the counts of an
uninterrupted run.

>>> import tempfile, os
>>> from marsad.model import Article
>>> db = os.path.join(tempfile.mkdtemp(), "t.db")
>>> art = Article("a1", "", "استقبل وزير الخارجية الكويتي سفير تركيا لدى الكويت.", None, "kuna")
>>> ingest_articles([art], db).new, ingest_articles([art], db).unchanged
(1, 1)

("The Kuwaiti foreign minister received the ambassador of Turkey to Kuwait.")
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from marsad.io.readers import ReadError
from marsad.model import Article
from marsad.parallel import extract_parallel
from marsad.store.db import connect, explain
from marsad.store.ingest import content_hash, store_extraction, stored_hash

BATCH = 200  # articles per transaction


@dataclass
class Summary:
    """What one run of ``marsad extract``, ``ingest`` or ``batch`` read and produced.

    ``read`` counts the articles read; ``errors`` the rejected inputs (with where and
    why); ``empty`` the article records with an empty text, apart from them;
    ``duplicates`` the ids read twice in the run with different content (the later
    version wins). ``clusters`` is the number of real-world events the reports form,
    where the command clusters.
    """

    command: str
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    events: int = 0
    clusters: int | None = None
    errors: list[str] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    def reject(self, item: ReadError) -> None:
        (self.empty if item.empty else self.errors).append(str(item))

    def line(self) -> str:
        read = f"{self.read} articles read"
        if self.command != "extract":
            read += f" ({self.new} new, {self.updated} updated, {self.unchanged} unchanged)"
        reports = f"{self.events} reports"
        if self.clusters is not None:
            reports += f" in {_count(self.clusters, 'real-world event')}"
        parts = [read, reports, _count(len(self.errors), "rejected input")]
        if self.empty:
            parts.append(_count(len(self.empty), "empty text"))
        if self.duplicates:
            parts.append(_count(len(self.duplicates), "id") + " read twice with different content")
        return f"marsad {self.command}: " + ", ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def ingest_articles(
    items: Iterable[Article | ReadError],
    db: str | os.PathLike | None = None,
    *,
    home_country: str | None = None,
    overrides: Mapping[str, str] | None = None,
    on_progress: Callable[[Summary], None] | None = None,
    conn: sqlite3.Connection | None = None,
    batch_size: int = BATCH,
    workers: int | None = 1,
) -> Summary:
    """Store every article of ``items`` (and count every :class:`ReadError`).

    ``home_country`` is the outlet's country for every article, ``overrides`` one per
    lower-case source name (:func:`marsad.parallel.home_country_for`). ``workers`` > 1
    (``None``: one per core) extracts in a process pool; the store ends exactly as with
    one worker. Raises :class:`~marsad.store.StoreError` when the store cannot be written.
    """
    own = conn is None
    conn = conn or connect(db)
    summary = Summary("ingest")
    clusters: set[int] = set()
    pending = 0
    try:
        conn.execute("BEGIN IMMEDIATE")
        to_extract = _changed(items, conn, summary)
        for item, extraction, error in extract_parallel(to_extract, workers, home_country=home_country,
                                                        overrides=overrides):
            if isinstance(item, ReadError):
                summary.reject(item)
                continue
            if extraction is None:
                summary.errors.append(f"{item.origin or item.id}: extraction failed: {error}")
                continue
            stored = store_extraction(conn, extraction)
            summary.updated += stored.replaced
            summary.new += not stored.replaced
            summary.events += len(extraction.events)
            clusters.update(stored.clusters)
            pending += 1
            if pending >= batch_size:
                conn.execute("COMMIT")
                pending = 0
                summary.clusters = len(clusters)
                if on_progress:
                    on_progress(summary)
                conn.execute("BEGIN IMMEDIATE")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise explain(exc, _path_of(conn)) from None
    finally:
        if conn.in_transaction:  # interrupted (Ctrl-C, SIGTERM): keep what is committed
            conn.execute("ROLLBACK")
        summary.clusters = len(clusters)
        if on_progress:
            on_progress(summary)
        if own:
            conn.close()
    return summary


def _changed(items: Iterable[Article | ReadError], conn: sqlite3.Connection,
             summary: Summary) -> Iterator[Article | ReadError]:
    """``items`` without the articles stored (or read earlier in this run) with the same
    content, which are counted as unchanged; an id read twice in the run with different
    content is reported."""
    seen: dict[str, str] = {}  # id → content hash, of this run
    for item in items:
        if isinstance(item, Article):
            summary.read += 1
            digest = content_hash(item)
            earlier = seen.get(item.id)
            if (earlier is None and stored_hash(conn, item.id) == digest) or earlier == digest:
                summary.unchanged += 1
                seen[item.id] = digest
                continue
            if earlier is not None:
                summary.duplicates.append(
                    f"{item.origin or item.id}: id {item.id!r} was read earlier in this run with different "
                    "content; this version replaces it")
            seen[item.id] = digest
        yield item


def _path_of(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return row[2] if row else "database"
