"""Articles → the store: extract, write, resolve actors, cluster, all per transaction.

Articles are written in batches, each batch one transaction holding whole articles
with all their events, actors, topics and cluster updates. A process killed at any
moment leaves the database as it was after the last committed batch; a rerun skips
the articles already stored with the same content (same hash) and finishes the rest,
so it ends with exactly the counts of an uninterrupted run.

>>> import tempfile, os
>>> from marsad.model import Article
>>> db = os.path.join(tempfile.mkdtemp(), "t.db")
>>> art = Article("a1", "", "استقبل وزير الخارجية الكويتي سفير تركيا لدى الكويت.", None, "kuna")
>>> ingest_articles([art], db).new, ingest_articles([art], db).unchanged
(1, 1)
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from marsad.io.readers import ReadError
from marsad.model import Article, Extraction
from marsad.store import actors as actor_store
from marsad.store import clusters
from marsad.store.db import StoreError, connect, explain
from marsad.store.query import search_body

BATCH = 200  # articles per transaction


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"marsad ingest: {self.read} articles read ({self.new} new, {self.updated} updated, "
            f"{self.unchanged} unchanged), {self.events} events stored, {len(self.errors)} rejected input"
            f"{'s' if len(self.errors) != 1 else ''}"
        )


def content_hash(article: Article) -> str:
    h = hashlib.sha256()
    for part in (article.title, article.text, article.published.isoformat() if article.published else "",
                 article.source or "", article.url or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def ingest_articles(
    items: Iterable[Article | ReadError],
    db: str | None = None,
    *,
    home_country: str | None = None,
    overrides: dict[str, str] | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
    conn: sqlite3.Connection | None = None,
    batch_size: int = BATCH,
    workers: int | None = 1,
) -> IngestSummary:
    """Store every article of ``items`` (and count every :class:`ReadError`).

    ``batch_size`` articles are committed together: a crash loses at most that many,
    which a rerun then adds. ``workers`` > 1 (``None``: one per core) extracts in a
    process pool (:func:`marsad.parallel.extract_parallel`) while this process writes,
    in input order, so the store ends exactly as with one worker.
    """
    from marsad.pipeline import extract_article

    if workers != 1:
        from marsad.parallel import extract_parallel

        stream = extract_parallel(items, workers, home_country=home_country, overrides=overrides)
    else:
        stream = ((item, None, None) for item in items)
    own = conn is None
    conn = conn or connect(db)
    summary = IngestSummary()
    overrides = overrides or {}
    batch = 0
    try:
        conn.execute("BEGIN IMMEDIATE")
        for item, extraction, error in stream:
            if isinstance(item, ReadError):
                summary.errors.append(str(item))
                continue
            summary.read += 1
            try:
                if error is not None:
                    raise ExtractionFailed(error)
                home = home_country or overrides.get((item.source or "").lower())
                _store_one(conn, item, summary, extract_article, home, extraction)
            except ExtractionFailed as exc:
                summary.errors.append(f"{item.origin or item.id}: extraction failed: {exc}")
            except sqlite3.Error:
                raise
            except Exception as exc:  # one bad article never stops the batch
                summary.errors.append(f"{item.origin or item.id}: extraction failed: {type(exc).__name__}: {exc}")
            batch += 1
            if batch >= batch_size:
                conn.execute("COMMIT")
                batch = 0
                if on_progress:
                    on_progress(summary)
                conn.execute("BEGIN IMMEDIATE")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise explain(exc, _path_of(conn)) from None
    finally:
        if on_progress:
            on_progress(summary)
        if own:
            conn.close()
    return summary


def _path_of(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return row[2] if row else "database"


class ExtractionFailed(Exception):
    """Extraction raised in a worker process (the message names the exception)."""


def _store_one(conn, article: Article, summary: IngestSummary, extract_article, home: str | None,
               extraction: Extraction | None = None) -> None:
    digest = content_hash(article)
    row = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
    if row is not None and row[0] == digest:
        summary.unchanged += 1
        return
    if extraction is None:
        extraction = extract_article(article, home_country=home)
    conn.execute("SAVEPOINT article")
    try:
        if row is not None:
            remove_article(conn, article.id)
            summary.updated += 1
        else:
            summary.new += 1
        _write(conn, extraction, digest)
        summary.events += len(extraction.events)
    except Exception:
        conn.execute("ROLLBACK TO article")
        conn.execute("RELEASE article")
        raise
    conn.execute("RELEASE article")


def remove_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Delete an article with its events; refresh (or drop) the clusters they were in."""
    touched = [r[0] for r in conn.execute(
        "SELECT DISTINCT cluster_id FROM events WHERE article_id = ? AND cluster_id IS NOT NULL", (article_id,))]
    conn.execute("DELETE FROM articles_fts WHERE rowid = (SELECT rowid FROM articles WHERE id = ?)", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # events, actors, topics cascade
    for cluster_id in touched:
        clusters.refresh(conn, cluster_id)


def _write(conn: sqlite3.Connection, ex: Extraction, digest: str) -> None:
    a = ex.article
    published = a.published.isoformat() if a.published else None
    conn.execute(
        "INSERT INTO articles(id, source, url, published, title, text, content_hash, home_country, flags, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (a.id, a.source, a.url, published, a.title, a.text, digest, ex.home_country,
         json.dumps(ex.flags, ensure_ascii=False), dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
    )
    conn.execute(  # the FTS row shares the article's rowid, so it can be deleted with it
        "INSERT INTO articles_fts(rowid, article_id, body) VALUES ((SELECT rowid FROM articles WHERE id = ?), ?, ?)",
        (a.id, a.id, search_body(a.title + "\n" + a.text)),
    )
    for seq, event in enumerate(ex.events):
        codes = event.codes
        cur = conn.execute(
            "INSERT INTO events(article_id, seq, type, subtype, status, date, location, countries, topics, cameo, "
            "cameo_base, cameo_root, cameo_label, plover_type, plover_mode, quad_class, goldstein, evidence, words) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, seq, event.type, event.subtype, event.status, event.date, event.location,
             ",".join(sorted(event.countries())), json.dumps(event.topics, ensure_ascii=False),
             codes.get("cameo"), codes.get("cameo_base"), codes.get("cameo_root"), codes.get("cameo_label"),
             codes.get("plover_type"), codes.get("plover_mode"), codes.get("quad_class"), codes.get("goldstein"),
             json.dumps(event.evidence(), ensure_ascii=False),
             clusters.content_words(event.sentence.text if event.sentence else "")),
        )
        event_id = cur.lastrowid
        seen = event.date or published
        for k, actor in enumerate(event.actors):
            actor_id = (
                actor_store.resolve(conn, actor.name, actor.title, actor.country, seen) if actor.name else None
            )
            conn.execute(
                "INSERT INTO event_actors(event_id, seq, role, name, title, country, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (event_id, k, actor.role, actor.name, actor.title, actor.country, actor_id),
            )
        conn.executemany("INSERT INTO event_topics(event_id, topic) VALUES (?, ?)", [(event_id, t) for t in event.topics])
        clusters.assign(conn, event_id)


__all__ = ["IngestSummary", "StoreError", "content_hash", "ingest_articles", "remove_article"]
