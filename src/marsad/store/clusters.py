"""Reports → real-world events: incremental clustering of events across articles.

Two reports are the same engagement when they have the same type and status, the same
set of actor countries (and, for calls, messages and visits, the same side as source),
dates within a day of each other when both are known, no
conflicting persons (where both name someone for the same country, they share an
actor), and positive evidence of identity: either both name the parties on two or more
sides and share them (every country named on either side is named on both, by the
same actor), or
their trigger sentences are near-copies (content-word Jaccard ≥ 0.5, as when outlets
run the same wire story). Two events of one article are never merged (the article
itself told them apart).

Each cluster keeps its counts (articles, distinct sources), first and last seen
publication dates, a date, a confidence (the highest of its reports') and a
representative report: the one naming the most actors, earliest first.

A new report is compared with what a cluster keeps, never with every member: its
representative (sources of a directed event), the people it names per country
(``cluster_persons``), its outlets (``cluster_sources``), and the sentences of its first
:data:`MAX_COMPARED` members; joining updates counts, dates and representative in
place. So a wire story copied by thousands of outlets clusters in linear time.
"""
from __future__ import annotations

import re
import sqlite3
from collections import defaultdict

from marsad.model import DIRECTED_TYPES
from marsad.text.normalize import fold

DAY_WINDOW = 1.0  # days between two reports' dates that can still be one event
TEXT_MATCH = 0.5  # content-word Jaccard of two trigger sentences telling the same story
MAX_COMPARED = 12  # cluster members whose sentences a new report is compared with
STOP = frozenset(fold(w) for w in [
    "في", "من", "على", "الى", "إلى", "عن", "مع", "أن", "ان", "إن", "التي", "الذي", "الذين", "هذا",
    "هذه", "ذلك", "تلك", "كما", "قد", "وقد", "وفي", "وكان", "كان", "بين", "خلال", "بعد", "قبل",
    "امس", "أمس", "اليوم", "حيث", "حول", "اليه", "عليه", "عليها", "فيه", "فيها", "لها", "له",
])


# A report's outlet, as n_sources counts them.
OUTLET = "coalesce(a.source, a.url, a.id)"
# The representative report comes first: most named actors, dated, earliest published.
REPRESENTATIVE_ORDER = "count(ea.name) DESC, (e.date IS NULL), a.published, e.id"


def _persons(rows) -> dict[str, set[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    for country, actor_id in rows:
        out[country].add(actor_id)
    return out


def _report_persons(conn: sqlite3.Connection, event_id: int) -> dict[str, set[int]]:
    return _persons(conn.execute(
        "SELECT coalesce(country, ''), actor_id FROM event_actors WHERE event_id = ? AND actor_id IS NOT NULL",
        (event_id,)))


def _cluster_persons(conn: sqlite3.Connection, cluster_id: int) -> dict[str, set[int]]:
    return _persons(conn.execute("SELECT country, actor_id FROM cluster_persons WHERE cluster_id = ?",
                                 (cluster_id,)))


def content_words(sentence: str) -> str:
    """The distinct content words of a sentence, folded, space-separated."""
    words = {w for w in re.findall(r"\w+", fold(sentence)) if len(w) > 2 and w not in STOP}
    return " ".join(sorted(words))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _persons_agree(mine: dict[str, set[int]], theirs: dict[str, set[int]]) -> tuple[bool, bool]:
    """(no conflict, strong match): no country named by both with different people;
    and every country named on either side named on both by a shared actor."""
    for country in mine.keys() & theirs.keys():
        if not mine[country] & theirs[country]:
            return False, False  # both name someone for this country, and not the same person
    strong = len(mine) >= 2 and mine.keys() == theirs.keys()  # both sides named, by the same people
    return True, strong


def _sources(conn: sqlite3.Connection, event_id: int) -> set[str]:
    return {r[0] for r in conn.execute(
        "SELECT country FROM event_actors WHERE event_id = ? AND role = 'source'", (event_id,))}


def _text_match(conn: sqlite3.Connection, words: set[str], cluster_id: int) -> bool:
    for row in conn.execute("SELECT words FROM events WHERE cluster_id = ? LIMIT ?", (cluster_id, MAX_COMPARED)):
        if _jaccard(words, set(row[0].split())) >= TEXT_MATCH:
            return True
    return False


def assign(conn: sqlite3.Connection, event_id: int) -> int:
    """Put event ``event_id`` into a matching cluster or a new one; return the cluster id."""
    ev = conn.execute(
        "SELECT e.id, e.type, e.status, e.countries, e.article_id, e.words, coalesce(e.date, a.published) AS day "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?",
        (event_id,),
    ).fetchone()
    mine = _report_persons(conn, event_id)
    candidates = conn.execute(
        "SELECT id, date, representative FROM clusters WHERE type = ? AND status = ? AND countries = ? "
        "AND (date IS NULL OR ? IS NULL OR abs(julianday(date) - julianday(?)) <= ?) "
        "ORDER BY CASE WHEN date IS NULL OR ? IS NULL THEN 99 ELSE abs(julianday(date) - julianday(?)) END, id",
        (ev["type"], ev["status"], ev["countries"], ev["day"], ev["day"], DAY_WINDOW, ev["day"], ev["day"]),
    ).fetchall()
    directed = ev["type"] in DIRECTED_TYPES
    my_sources = _sources(conn, event_id) if directed else set()
    for cand in candidates:
        if directed and _sources(conn, cand["representative"]) != my_sources:
            continue  # a call or cable from A to B is not one from B to A
        same_article = conn.execute(
            "SELECT 1 FROM events INDEXED BY events_article_cluster WHERE article_id = ? AND cluster_id = ? LIMIT 1",
            (ev["article_id"], cand["id"]),
        ).fetchone()
        if same_article:
            continue
        agree, strong = _persons_agree(mine, _cluster_persons(conn, cand["id"]))
        if agree and (strong or _text_match(conn, set(ev["words"].split()), cand["id"])):
            _join(conn, cand["id"], event_id)
            return cand["id"]
    cur = conn.execute(
        "INSERT INTO clusters(type, status, countries, date, n_articles, n_sources) VALUES (?, ?, ?, ?, 0, 0)",
        (ev["type"], ev["status"], ev["countries"], ev["day"]),
    )
    cluster_id = cur.lastrowid
    assert cluster_id is not None  # an INSERT always sets the row id
    _join(conn, cluster_id, event_id)
    return cluster_id


def _join(conn: sqlite3.Connection, cluster_id: int, event_id: int) -> None:
    """Add a report to a cluster none of whose reports is from the same article: the
    counts, dates and representative change as :func:`refresh` would change them."""
    conn.execute("UPDATE events SET cluster_id = ? WHERE id = ?", (cluster_id, event_id))
    report = conn.execute(
        f"SELECT {OUTLET} AS outlet, a.published, coalesce(e.date, a.published) AS day, e.confidence "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?", (event_id,)).fetchone()
    new_outlet = conn.execute("INSERT OR IGNORE INTO cluster_sources(cluster_id, source) VALUES (?, ?)",
                              (cluster_id, report["outlet"])).rowcount
    conn.execute("INSERT OR IGNORE INTO cluster_persons(cluster_id, country, actor_id) "
                 "SELECT ?, coalesce(country, ''), actor_id FROM event_actors WHERE event_id = ? "
                 "AND actor_id IS NOT NULL", (cluster_id, event_id))
    current = conn.execute("SELECT representative FROM clusters WHERE id = ?", (cluster_id,)).fetchone()[0]
    representative = conn.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN event_actors ea ON ea.event_id = e.id AND ea.name IS NOT NULL "
        f"WHERE e.id IN (?, ?) GROUP BY e.id ORDER BY {REPRESENTATIVE_ORDER} LIMIT 1",
        (current, event_id)).fetchone()[0]
    conn.execute(
        "UPDATE clusters SET n_articles = n_articles + 1, n_sources = n_sources + :new, "
        "first_seen = min(coalesce(first_seen, :published), coalesce(:published, first_seen)), "
        "last_seen = max(coalesce(last_seen, :published), coalesce(:published, last_seen)), "
        "date = min(coalesce(date, :day), coalesce(:day, date)), representative = :rep, "
        "confidence = max(coalesce(confidence, :confidence), coalesce(:confidence, confidence)) WHERE id = :id",
        {"new": new_outlet, "published": report["published"], "day": report["day"], "rep": representative,
         "confidence": report["confidence"], "id": cluster_id},
    )


def refresh(conn: sqlite3.Connection, cluster_id: int) -> None:
    """Recompute a cluster's counts, dates, representative, people and outlets from its
    reports (after some were removed); drop it when empty."""
    stats = conn.execute(
        "SELECT count(DISTINCT e.article_id) AS n_articles, "
        f"count(DISTINCT {OUTLET}) AS n_sources, "
        "min(a.published) AS first_seen, max(a.published) AS last_seen, "
        "min(coalesce(e.date, a.published)) AS day, max(e.confidence) AS confidence "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ?",
        (cluster_id,),
    ).fetchone()
    conn.execute("DELETE FROM cluster_persons WHERE cluster_id = ?", (cluster_id,))
    conn.execute("DELETE FROM cluster_sources WHERE cluster_id = ?", (cluster_id,))
    if not stats["n_articles"]:
        conn.execute("DELETE FROM clusters WHERE id = ?", (cluster_id,))
        return
    index_members(conn, "WHERE e.cluster_id = ?", (cluster_id,))
    rep = conn.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN event_actors ea ON ea.event_id = e.id AND ea.name IS NOT NULL "
        f"WHERE e.cluster_id = ? GROUP BY e.id ORDER BY {REPRESENTATIVE_ORDER} LIMIT 1",
        (cluster_id,),
    ).fetchone()
    conn.execute(
        "UPDATE clusters SET n_articles = ?, n_sources = ?, first_seen = ?, last_seen = ?, date = ?, "
        "representative = ?, confidence = ? WHERE id = ?",
        (stats["n_articles"], stats["n_sources"], stats["first_seen"], stats["last_seen"], stats["day"],
         rep["id"], stats["confidence"], cluster_id),
    )


def index_members(conn: sqlite3.Connection, where: str = "WHERE e.cluster_id IS NOT NULL", args=()) -> None:
    """Fill ``cluster_persons`` and ``cluster_sources`` from the reports ``where`` selects
    (of one cluster, or of every cluster in a store made before they existed)."""
    conn.execute("INSERT OR IGNORE INTO cluster_persons(cluster_id, country, actor_id) "
                 "SELECT e.cluster_id, coalesce(ea.country, ''), ea.actor_id FROM events e "
                 f"JOIN event_actors ea ON ea.event_id = e.id {where} AND ea.actor_id IS NOT NULL", args)
    conn.execute("INSERT OR IGNORE INTO cluster_sources(cluster_id, source) "
                 f"SELECT e.cluster_id, {OUTLET} FROM events e JOIN articles a ON a.id = e.article_id {where}", args)
