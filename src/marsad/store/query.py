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
    offset: int = 0
    sort: str = "date_desc"  # date_desc | date_asc | reports_desc


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


def like_escape(text: str) -> str:
    """``text`` taken literally inside a LIKE pattern (``%`` and ``_`` are not wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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
            "WHERE e.cluster_id = c.id AND (' ' || al.key || ' ') LIKE ? ESCAPE '\\')"
        )
        args.append(f"% {like_escape(key)} %")
    if f.text and not fts_query(f.text):
        sql.append("0")  # no letters or digits to look for: nothing matches
    elif f.text:
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
    sql = f"SELECT c.* FROM clusters c WHERE {where} ORDER BY {SORTS[f.sort]}"
    if f.limit:
        sql += f" LIMIT {int(f.limit)} OFFSET {int(f.offset)}"
    return _records(conn, conn.execute(sql, args).fetchall(), with_articles)


def event_by_id(conn: sqlite3.Connection, cluster_id: int) -> EventRecord | None:
    """One real-world event by its id, with its articles."""
    rows = conn.execute("SELECT c.* FROM clusters c WHERE c.id = ?", (cluster_id,)).fetchall()
    return next(iter(_records(conn, rows, True)), None)


def _records(conn: sqlite3.Connection, clusters: list[sqlite3.Row], with_articles: bool) -> list[EventRecord]:
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


SORTS = {
    "date_desc": "c.date IS NULL, c.date DESC, c.id DESC",
    "date_asc": "c.date IS NULL, c.date ASC, c.id ASC",
    "reports_desc": "c.n_articles DESC, c.date DESC, c.id DESC",
}
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


def count_events(conn: sqlite3.Connection, filters: Filters | None = None) -> int:
    where, args = _where(filters or Filters())
    return conn.execute(f"SELECT count(*) FROM clusters c WHERE {where}", args).fetchone()[0]


def event_reports(conn: sqlite3.Connection, cluster_id: int) -> list[dict[str, Any]]:
    """Every report of a real-world event: the article and the event as extracted there."""
    out = []
    for e in conn.execute(
        "SELECT e.*, a.source, a.url, a.published, a.title AS article_title FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ? ORDER BY a.published, e.id",
        (cluster_id,),
    ).fetchall():
        actors = [dict(r) for r in conn.execute(
            "SELECT role, name, title, country, actor_id FROM event_actors WHERE event_id = ? ORDER BY seq", (e["id"],))]
        out.append({
            "event_id": e["id"], "article_id": e["article_id"], "source": e["source"], "url": e["url"],
            "published": e["published"], "title": e["article_title"], "type": e["type"], "subtype": e["subtype"],
            "status": e["status"], "date": e["date"], "location": e["location"], "actors": actors,
            "topics": json.loads(e["topics"]), "evidence": json.loads(e["evidence"]),
        })
    return out


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One article with its text and the events found in it (with their clusters)."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    events = []
    for e in conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY seq", (article_id,)).fetchall():
        actors = [dict(r) for r in conn.execute(
            "SELECT role, name, title, country, actor_id FROM event_actors WHERE event_id = ? ORDER BY seq", (e["id"],))]
        events.append({"event_id": e["id"], "cluster_id": e["cluster_id"], "type": e["type"], "subtype": e["subtype"],
                       "status": e["status"], "date": e["date"], "location": e["location"], "actors": actors,
                       "topics": json.loads(e["topics"]), "evidence": json.loads(e["evidence"])})
    return {"id": row["id"], "source": row["source"], "url": row["url"], "published": row["published"],
            "title": row["title"], "text": row["text"], "home_country": row["home_country"],
            "flags": json.loads(row["flags"]), "events": events}


def search_actors(conn: sqlite3.Connection, q: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors whose name (any alias, any spelling) contains the words of ``q``."""
    key = name_key(q)
    rows = conn.execute(
        "SELECT a.id, a.name, a.country, a.first_seen, a.last_seen, "
        "(SELECT count(*) FROM event_actors ea WHERE ea.actor_id = a.id) AS reports "
        "FROM actors a WHERE a.id IN (SELECT actor_id FROM actor_aliases WHERE (' ' || key || ' ') LIKE ? ESCAPE '\\') "
        "ORDER BY reports DESC, a.id LIMIT ?",
        (f"% {like_escape(key)} %" if key else "%", limit),
    ).fetchall()
    return [dict(r) for r in rows]


def actor(conn: sqlite3.Connection, actor_id: int) -> dict[str, Any] | None:
    """One actor: aliases, titles over time, partners (the other parties of their events)."""
    row = conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None:
        return None
    aliases = [r[0] for r in conn.execute("SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", (actor_id,))]
    titles = [dict(r) for r in conn.execute(
        "SELECT title, first_seen, last_seen FROM actor_titles WHERE actor_id = ? ORDER BY first_seen", (actor_id,))]
    partners = [dict(r) for r in conn.execute(
        "SELECT coalesce(ac.name, other.name, other.title) AS name, other.country, other.actor_id, "
        "count(DISTINCT e.cluster_id) AS events FROM event_actors me "
        "JOIN events e ON e.id = me.event_id JOIN event_actors other ON other.event_id = e.id AND other.seq != me.seq "
        "LEFT JOIN actors ac ON ac.id = other.actor_id WHERE me.actor_id = ? "
        "GROUP BY coalesce(other.actor_id, other.country) ORDER BY events DESC LIMIT 50", (actor_id,))]
    events = [r[0] for r in conn.execute(
        "SELECT DISTINCT e.cluster_id FROM event_actors ea JOIN events e ON e.id = ea.event_id "
        "WHERE ea.actor_id = ? ORDER BY e.cluster_id DESC LIMIT 100", (actor_id,))]
    return {"id": row["id"], "name": row["name"], "country": row["country"], "first_seen": row["first_seen"],
            "last_seen": row["last_seen"], "aliases": aliases, "titles": titles, "partners": partners,
            "event_ids": events}


def country(conn: sqlite3.Connection, code: str, filters: Filters | None = None) -> dict[str, Any]:
    """A country's partners, counts by type and topic, and monthly timeline."""
    f = filters or Filters()
    f = Filters(**{**asdict(f), "country": code, "limit": None, "offset": 0})
    where, args = _where(f)
    clusters = [r for r in conn.execute(f"SELECT c.id, c.type, c.countries, c.date FROM clusters c WHERE {where}", args)]
    partners: dict[str, int] = {}
    by_type: dict[str, int] = {}
    timeline: dict[tuple[str, str], int] = {}
    for c in clusters:
        by_type[c["type"]] = by_type.get(c["type"], 0) + 1
        for other in c["countries"].split(","):
            if other and other != code:
                partners[other] = partners.get(other, 0) + 1
        if c["date"]:
            key = (c["date"][:7], c["type"])
            timeline[key] = timeline.get(key, 0) + 1
    topics = _rows(conn, "SELECT t.topic, count(DISTINCT e.cluster_id) AS n FROM event_topics t "
                         "JOIN events e ON e.id = t.event_id WHERE e.cluster_id IN ({}) GROUP BY t.topic "
                         "ORDER BY n DESC", [c["id"] for c in clusters]) if clusters else []
    merged: dict[str, int] = {}
    for r in topics:
        merged[r[0]] = merged.get(r[0], 0) + r[1]
    return {
        "code": code, "events": len(clusters),
        "partners": [{"country": k, "events": v} for k, v in sorted(partners.items(), key=lambda kv: (-kv[1], kv[0]))],
        "by_type": by_type,
        "topics": [{"topic": k, "events": v} for k, v in sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))],
        "timeline": [{"period": p, "type": t, "events": n} for (p, t), n in sorted(timeline.items())],
    }


def graph(conn: sqlite3.Connection, filters: Filters | None = None, *, kind: str = "countries",
          limit: int = 300) -> dict[str, Any]:
    """Nodes and weighted edges: countries (or persons) that engaged each other."""
    where, args = _where(filters or Filters())
    edges: dict[tuple[str, str], dict[str, int]] = {}
    labels: dict[str, str] = {}
    if kind == "countries":
        for c in conn.execute(f"SELECT c.type, c.countries FROM clusters c WHERE {where}", args):
            codes = [x for x in c["countries"].split(",") if x]
            for i, a in enumerate(codes):
                labels[a] = a
                for b in codes[i + 1:]:
                    edges.setdefault((a, b), {}).setdefault(c["type"], 0)
                    edges[(a, b)][c["type"]] += 1
    else:
        rows = conn.execute(
            f"SELECT c.id, c.type, ea.actor_id, coalesce(ac.name, ea.name) AS name FROM clusters c "
            f"JOIN events e ON e.id = c.representative JOIN event_actors ea ON ea.event_id = e.id "
            f"LEFT JOIN actors ac ON ac.id = ea.actor_id WHERE {where} AND ea.actor_id IS NOT NULL", args)
        by_cluster: dict[int, list[tuple[str, str]]] = {}
        types: dict[int, str] = {}
        for r in rows:
            node = f"a{r['actor_id']}"
            labels[node] = r["name"]
            by_cluster.setdefault(r["id"], []).append(node)
            types[r["id"]] = r["type"]
        for cid, nodes in by_cluster.items():
            nodes = sorted(set(nodes))
            for i, a in enumerate(nodes):
                for b in nodes[i + 1:]:
                    edges.setdefault((a, b), {}).setdefault(types[cid], 0)
                    edges[(a, b)][types[cid]] += 1
    ranked = sorted(edges.items(), key=lambda kv: -sum(kv[1].values()))[:limit]
    used = {n for (a, b), _ in ranked for n in (a, b)}
    return {
        "kind": kind,
        "nodes": [{"id": n, "label": labels[n]} for n in sorted(used)],
        "edges": [{"source": a, "target": b, "weight": sum(t.values()), "by_type": t} for (a, b), t in ranked],
    }


def timeline(conn: sqlite3.Connection, filters: Filters | None = None, *, interval: str = "month") -> list[dict]:
    """Counts of real-world events per day, week or month, by type."""
    where, args = _where(filters or Filters())
    period = {"day": "c.date", "week": "strftime('%Y-W%W', c.date)", "month": "substr(c.date, 1, 7)"}[interval]
    return [{"period": r[0], "type": r[1], "events": r[2]} for r in conn.execute(
        f"SELECT {period} AS p, c.type, count(*) FROM clusters c WHERE {where} AND c.date IS NOT NULL "
        "GROUP BY p, c.type ORDER BY p, c.type", args)]


def search_articles(conn: sqlite3.Connection, q: str, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Articles matching the words of ``q`` (any spelling), with their number of events."""
    query = fts_query(q)
    if not query:
        return []
    return [dict(r) for r in conn.execute(
        "SELECT a.id, a.source, a.url, a.published, a.title, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events FROM articles a "
        "WHERE a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) "
        "ORDER BY a.published DESC, a.id LIMIT ? OFFSET ?", (query, limit, offset))]
