"""Reading the store: real-world events (clusters) filtered the way analysts ask.

:func:`select_events` returns one :class:`EventRecord` per cluster, carrying the
representative report's fields, the counts of reports and sources, and the articles
that reported it. Filters combine with AND; ``pair`` needs both countries, ``text``
is an FTS5 search over the folded article text (so hamza, taa marbuta, alif maqsura
and diacritics do not matter).
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from marsad.store.actors import name_key
from marsad.text.normalize import fold


@dataclass
class Filters:
    country: str | None = None
    pair: tuple[str, str] | None = None
    type: str | None = None
    topic: str | None = None
    person: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    status: str | None = None
    text: str | None = None
    limit: int | None = None


@dataclass
class ActorRecord:
    role: str
    name: str | None
    title: str | None
    country: str | None
    actor_id: int | None


@dataclass
class EventRecord:
    """A real-world event: a cluster of reports, described by its fullest report."""

    id: int
    type: str
    subtype: str | None
    status: str
    date: str | None
    location: str | None
    countries: list[str]
    topics: list[str]
    actors: list[ActorRecord]
    codes: dict[str, Any]
    n_articles: int
    n_sources: int
    first_seen: str | None
    last_seen: str | None
    articles: list[dict[str, Any]] = field(default_factory=list)  # id, source, url, published, title
    evidence: dict[str, Any] = field(default_factory=dict)  # of the representative report

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ARTICLE_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "ولل", "لل", "ال")
LETTER_PREFIXES = ("ب", "ل", "ك", "ف")


@lru_cache(maxsize=1 << 18)  # news vocabulary repeats: most words are stemmed once
def light_stem(word: str) -> str:
    """A folded word without its proclitics (و, then ال/بال/لل…, or ب/ل/ك/ف), so that
    ``الطاقه`` and ``للطاقه`` index alike; applied the same way to text and queries.

    >>> [light_stem(w) for w in ("للطاقه", "والطاقه", "طاقه", "وبحثا", "وزير")]
    ['طاقه', 'طاقه', 'طاقه', 'بحثا', 'وزير']
    """
    for p in ARTICLE_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p):]
    if word.startswith("و") and len(word) > 4:
        word = word[1:]
    if word.startswith(LETTER_PREFIXES) and len(word) > 4:
        word = word[1:]
    return word


def search_body(text: str) -> str:
    """What the full-text index holds for an article: its folded words, light-stemmed."""
    return " ".join(light_stem(w) for w in re.findall(r"\w+", fold(text)))


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: each word folded, light-stemmed and matched as a
    prefix (so suffixes such as ات/ها/ين still match); every word must occur. Words are
    quoted, so punctuation and FTS operators in the input are taken literally."""
    return " ".join('"' + light_stem(w) + '"*' for w in re.findall(r"\w+", fold(text)))


def _where(f: Filters) -> tuple[str, list[Any]]:
    sql, args = ["1 = 1"], []
    if f.type:
        sql.append("c.type = ?")
        args.append(f.type.upper())
    if f.status:
        sql.append("c.status = ?")
        args.append(f.status)
    if f.since:
        sql.append("c.date >= ?")
        args.append(f.since)
    if f.until:
        sql.append("c.date <= ?")
        args.append(f.until)
    for code in ([f.country] if f.country else []) + (list(f.pair) if f.pair else []):
        sql.append("(',' || c.countries || ',') LIKE ?")
        args.append(f"%,{code.upper()},%")
    if f.topic:
        sql.append("EXISTS (SELECT 1 FROM events e JOIN event_topics t ON t.event_id = e.id "
                   "WHERE e.cluster_id = c.id AND t.topic = ?)")
        args.append(f.topic)
    if f.person:
        key = name_key(f.person)
        sql.append(
            "EXISTS (SELECT 1 FROM events e JOIN event_actors ea ON ea.event_id = e.id "
            "JOIN actor_aliases al ON al.actor_id = ea.actor_id "
            "WHERE e.cluster_id = c.id AND (' ' || al.key || ' ') LIKE ?)"
        )
        args.append(f"% {key} %")
    if f.text:
        sql.append(
            "EXISTS (SELECT 1 FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.cluster_id = c.id AND a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))"
        )
        args.append(fts_query(f.text))
    return " AND ".join(sql), args


def select_events(conn: sqlite3.Connection, filters: Filters | None = None, *, with_articles: bool = True) -> list[EventRecord]:
    """Real-world events matching ``filters``, newest first.

    A handful of queries whatever the number of rows: the clusters, then their
    representative reports, actors, topics and articles fetched together.
    """
    f = filters or Filters()
    where, args = _where(f)
    sql = (f"SELECT c.* FROM clusters c WHERE {where} "
           "ORDER BY c.date IS NULL, c.date DESC, c.id DESC")
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    clusters = conn.execute(sql, args).fetchall()
    if not clusters:
        return []
    ids = [c["id"] for c in clusters]
    reps = _by_key(conn, "SELECT * FROM events WHERE id IN ({})", [c["representative"] for c in clusters], "id")
    actors: dict[int, list[ActorRecord]] = {}
    for r in _rows(conn, "SELECT ea.event_id, ea.role, coalesce(ac.name, ea.name) AS name, ea.title, ea.country, "
                         "ea.actor_id FROM event_actors ea LEFT JOIN actors ac ON ac.id = ea.actor_id "
                         "WHERE ea.event_id IN ({}) ORDER BY ea.event_id, ea.seq", list(reps)):
        actors.setdefault(r["event_id"], []).append(
            ActorRecord(r["role"], r["name"], r["title"], r["country"], r["actor_id"]))
    topics: dict[int, set[str]] = {}
    for r in _rows(conn, "SELECT DISTINCT e.cluster_id, t.topic FROM event_topics t JOIN events e ON e.id = t.event_id "
                         "WHERE e.cluster_id IN ({})", ids):
        topics.setdefault(r[0], set()).add(r[1])
    articles: dict[int, list[dict]] = {}
    if with_articles:
        for r in _rows(conn, "SELECT DISTINCT e.cluster_id, a.id, a.source, a.url, a.published, a.title FROM events e "
                             "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IN ({}) "
                             "ORDER BY e.cluster_id, a.published, a.id", ids):
            row = dict(r)
            articles.setdefault(row.pop("cluster_id"), []).append(row)
    out = []
    for c in clusters:
        e = reps[c["representative"]]
        out.append(EventRecord(
            id=c["id"], type=c["type"], subtype=e["subtype"], status=c["status"], date=e["date"] or c["date"],
            location=e["location"], countries=c["countries"].split(",") if c["countries"] else [],
            topics=sorted(topics.get(c["id"], ())), actors=actors.get(e["id"], []),
            codes={k: e[k] for k in CODE_COLUMNS}, n_articles=c["n_articles"], n_sources=c["n_sources"],
            first_seen=c["first_seen"], last_seen=c["last_seen"], articles=articles.get(c["id"], []),
            evidence=json.loads(e["evidence"]),
        ))
    return out


CODE_COLUMNS = ("cameo", "cameo_base", "cameo_root", "cameo_label", "plover_type", "plover_mode", "quad_class",
                "goldstein")


def _rows(conn: sqlite3.Connection, sql: str, keys: list) -> list[sqlite3.Row]:
    """``sql`` with its ``IN ({})`` filled for ``keys``, in chunks under SQLite's variable limit."""
    rows: list[sqlite3.Row] = []
    for i in range(0, len(keys), 900):
        chunk = keys[i : i + 900]
        rows += conn.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return rows


def _by_key(conn: sqlite3.Connection, sql: str, keys: list, key: str) -> dict:
    return {r[key]: r for r in _rows(conn, sql, keys)}


def counts_by_month(conn: sqlite3.Connection, filters: Filters | None = None) -> list[tuple[str, str, int]]:
    """(YYYY-MM, type, number of real-world events), for charts."""
    where, args = _where(filters or Filters())
    return [tuple(r) for r in conn.execute(
        f"SELECT substr(c.date, 1, 7) AS month, c.type, count(*) FROM clusters c WHERE {where} "
        "AND c.date IS NOT NULL GROUP BY month, c.type ORDER BY month, c.type", args)]
