"""Extractions → the store: write an article with its reports, actors, topics and clusters.

This module only writes: :mod:`marsad.ingest` reads the input, skips what is stored
unchanged (:func:`stored_hash`, :func:`content_hash`), extracts, and hands each
extraction to :func:`store_extraction` inside a transaction it commits in batches.

>>> import tempfile, os
>>> from marsad.model import Article
>>> from marsad.pipeline import extract_article
>>> from marsad.store import connect
>>> conn = connect(os.path.join(tempfile.mkdtemp(), "t.db"))
>>> ex = extract_article(Article("a1", "", "استقبل وزير الخارجية الكويتي سفير تركيا لدى الكويت.", None, "kuna"))
>>> store_extraction(conn, ex).replaced, stored_hash(conn, "a1") == content_hash(ex.article)
(False, True)
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from marsad.model import Article, Extraction
from marsad.store import actors as actor_store
from marsad.store import clusters
from marsad.store.fts import search_body


def content_hash(article: Article) -> str:
    """What decides whether an article changed: sha256 of its title, text, date, source, url."""
    h = hashlib.sha256()
    for part in (article.title, article.text, article.published.isoformat() if article.published else "",
                 article.source or "", article.url or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def stored_hash(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The content hash of the stored article ``article_id``, ``None`` when there is none."""
    row = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class Stored:
    """What :func:`store_extraction` did: whether an earlier version was replaced, and
    the real-world events (clusters) the article's reports went to."""

    replaced: bool
    clusters: tuple[int, ...]


def store_extraction(conn: sqlite3.Connection, extraction: Extraction) -> Stored:
    """Write ``extraction`` (replacing a stored article with its id) as one unit: on any
    error nothing of it stays. The caller holds the transaction."""
    article_id = extraction.article.id
    conn.execute("SAVEPOINT article")
    try:
        replaced = stored_hash(conn, article_id) is not None
        if replaced:
            remove_article(conn, article_id)
        found = _write(conn, extraction, content_hash(extraction.article))
    except BaseException:
        conn.execute("ROLLBACK TO article")
        conn.execute("RELEASE article")
        raise
    conn.execute("RELEASE article")
    return Stored(replaced, found)


def remove_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Delete an article with its events; refresh (or drop) the clusters they were in."""
    touched = [r[0] for r in conn.execute(
        "SELECT DISTINCT cluster_id FROM events WHERE article_id = ? AND cluster_id IS NOT NULL", (article_id,))]
    conn.execute("DELETE FROM articles_fts WHERE rowid = (SELECT rowid FROM articles WHERE id = ?)", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # events, actors, topics cascade
    for cluster_id in touched:
        clusters.refresh(conn, cluster_id)


# events.place_<key> columns, from the keys of marsad.geo.Geo.to_dict().
PLACE_KEYS = ("name_ar", "name_en", "kind", "country", "adm1", "lat", "lon", "geonameid")
PLACE_COLUMNS = tuple(f"place_{k}" for k in PLACE_KEYS)


def place_values(place: dict[str, Any] | None) -> tuple[Any, ...]:
    """The ``place_*`` column values of a resolved location (all ``None`` when unresolved).

    >>> place_values({"name_ar": "جدة", "name_en": "Jeddah", "kind": "city", "country": "SAU",
    ...               "adm1": "14", "lat": 21.54, "lon": 39.17, "geonameid": 105343})
    ('جدة', 'Jeddah', 'city', 'SAU', '14', 21.54, 39.17, 105343)
    """
    place = place or {}
    return tuple(place.get(k) for k in PLACE_KEYS)


def _write(conn: sqlite3.Connection, ex: Extraction, digest: str) -> tuple[int, ...]:
    a = ex.article
    published = a.published.isoformat() if a.published else None
    conn.execute(
        "INSERT INTO articles(id, source, url, published, title, text, content_hash, home_country, flags, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (a.id, a.source, a.url, published, a.title, a.text, digest, ex.home_country,
         json.dumps(ex.flags, ensure_ascii=False), dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
    )
    conn.execute(  # the FTS row shares the article's rowid, so it can be deleted with it
        "INSERT INTO articles_fts(rowid, article_id, body) VALUES ((SELECT rowid FROM articles WHERE id = ?), ?, ?)",
        (a.id, a.id, search_body(a.title + "\n" + a.text)),
    )
    found = []
    for seq, event in enumerate(ex.events):
        codes = event.codes
        cur = conn.execute(
            "INSERT INTO events(article_id, seq, type, subtype, status, date, location, countries, topics, "
            "cameo, cameo_base, cameo_root, cameo_label, plover_type, plover_mode, quad_class, goldstein, "
            f"evidence, words, confidence, {', '.join(PLACE_COLUMNS)}) "
            f"VALUES ({', '.join('?' * (20 + len(PLACE_COLUMNS)))})",
            (a.id, seq, event.type, event.subtype, event.status, event.date, event.location,
             ",".join(sorted(event.countries())), json.dumps(event.topics, ensure_ascii=False),
             codes.get("cameo"), codes.get("cameo_base"), codes.get("cameo_root"), codes.get("cameo_label"),
             codes.get("plover_type"), codes.get("plover_mode"), codes.get("quad_class"), codes.get("goldstein"),
             json.dumps(event.evidence(), ensure_ascii=False),
             clusters.content_words(event.sentence.text if event.sentence else ""),
             event.confidence, *place_values(event.place)),
        )
        event_id = cur.lastrowid
        assert event_id is not None  # an INSERT always sets the row id
        seen = event.date or published
        for k, actor in enumerate(event.actors):
            actor_id = (
                actor_store.resolve(conn, actor.name, actor.title, actor.country, seen) if actor.name else None
            )
            conn.execute(
                "INSERT INTO event_actors(event_id, seq, role, name, title, country, actor_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (event_id, k, actor.role, actor.name, actor.title, actor.country, actor_id),
            )
        conn.executemany(
            "INSERT INTO event_topics(event_id, topic) VALUES (?, ?)", [(event_id, t) for t in event.topics]
        )
        found.append(clusters.assign(conn, event_id))
    return tuple(found)
