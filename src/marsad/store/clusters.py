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
publication dates, a date, and a representative report: the one naming the most
actors, earliest first.
"""
from __future__ import annotations

import re
import sqlite3
from collections import defaultdict

from marsad.text.normalize import fold

DAY_WINDOW = 1.0  # days between two reports' dates that can still be one event
DIRECTED = ("PHONE_CALL", "MESSAGE", "VISIT")  # the source's side matters
TEXT_MATCH = 0.5  # content-word Jaccard of two trigger sentences telling the same story
MAX_COMPARED = 12  # cluster members whose sentences a new report is compared with
STOP = frozenset(fold(w) for w in """في من على الى إلى عن مع أن ان إن التي الذي الذين هذا هذه ذلك تلك كما قد وقد
    وفي وكان كان بين خلال بعد قبل امس أمس اليوم حيث حول اليه عليه عليها فيه فيها لها له""".split())


def _persons(conn: sqlite3.Connection, where: str, arg) -> dict[str, set[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    for row in conn.execute(
        "SELECT ea.country, ea.actor_id FROM event_actors ea JOIN events e ON e.id = ea.event_id "
        f"WHERE {where} AND ea.actor_id IS NOT NULL",
        (arg,),
    ):
        out[row[0]].add(row[1])
    return out


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
    mine = _persons(conn, "e.id = ?", event_id)
    candidates = conn.execute(
        "SELECT id, date, representative FROM clusters WHERE type = ? AND status = ? AND countries = ? "
        "AND (date IS NULL OR ? IS NULL OR abs(julianday(date) - julianday(?)) <= ?) "
        "ORDER BY CASE WHEN date IS NULL OR ? IS NULL THEN 99 ELSE abs(julianday(date) - julianday(?)) END, id",
        (ev["type"], ev["status"], ev["countries"], ev["day"], ev["day"], DAY_WINDOW, ev["day"], ev["day"]),
    ).fetchall()
    directed = ev["type"] in DIRECTED
    my_sources = _sources(conn, event_id) if directed else set()
    for cand in candidates:
        if directed and _sources(conn, cand["representative"]) != my_sources:
            continue  # a call or cable from A to B is not one from B to A
        same_article = conn.execute(
            "SELECT 1 FROM events WHERE cluster_id = ? AND article_id = ? LIMIT 1", (cand["id"], ev["article_id"])
        ).fetchone()
        if same_article:
            continue
        agree, strong = _persons_agree(mine, _persons(conn, "e.cluster_id = ?", cand["id"]))
        if agree and (strong or _text_match(conn, set(ev["words"].split()), cand["id"])):
            conn.execute("UPDATE events SET cluster_id = ? WHERE id = ?", (cand["id"], event_id))
            refresh(conn, cand["id"])
            return cand["id"]
    cur = conn.execute(
        "INSERT INTO clusters(type, status, countries, date, n_articles, n_sources) VALUES (?, ?, ?, ?, 0, 0)",
        (ev["type"], ev["status"], ev["countries"], ev["day"]),
    )
    conn.execute("UPDATE events SET cluster_id = ? WHERE id = ?", (cur.lastrowid, event_id))
    refresh(conn, cur.lastrowid)
    return cur.lastrowid


def refresh(conn: sqlite3.Connection, cluster_id: int) -> None:
    """Recompute a cluster's counts, dates and representative; drop it when empty."""
    stats = conn.execute(
        "SELECT count(DISTINCT e.article_id) AS n_articles, "
        "count(DISTINCT coalesce(a.source, a.url, a.id)) AS n_sources, "
        "min(a.published) AS first_seen, max(a.published) AS last_seen, "
        "min(coalesce(e.date, a.published)) AS day "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ?",
        (cluster_id,),
    ).fetchone()
    if not stats["n_articles"]:
        conn.execute("DELETE FROM clusters WHERE id = ?", (cluster_id,))
        return
    rep = conn.execute(
        "SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN event_actors ea ON ea.event_id = e.id AND ea.name IS NOT NULL "
        "WHERE e.cluster_id = ? GROUP BY e.id "
        "ORDER BY count(ea.name) DESC, (e.date IS NULL), a.published, e.id LIMIT 1",
        (cluster_id,),
    ).fetchone()
    conn.execute(
        "UPDATE clusters SET n_articles = ?, n_sources = ?, first_seen = ?, last_seen = ?, date = ?, "
        "representative = ? WHERE id = ?",
        (stats["n_articles"], stats["n_sources"], stats["first_seen"], stats["last_seen"], stats["day"],
         rep["id"], cluster_id),
    )
