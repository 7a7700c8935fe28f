"""Print random clusters for a person to judge the merging: merged clusters (reported by
two or more articles) and unmerged near-neighbours (two clusters with the same type,
status and countries, dated within a day, that were kept apart).

    python bench/sample_clusters.py marsad.db merged [--n 30] [--seed 7]
    python bench/sample_clusters.py marsad.db unmerged [--n 30] [--seed 7]

Each cluster shows up to four reports: outlet, publication date, type, countries, the
actors' names and the start of the trigger sentence. The verdicts for the README's
figures are in bench/results/cluster_judgement.md.
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3


def show(conn: sqlite3.Connection, cluster_id: int, width: int) -> None:
    for e in conn.execute(
        "SELECT e.id, e.type, e.countries, e.evidence, a.source, a.published FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ? ORDER BY a.published, e.id LIMIT 4",
        (cluster_id,),
    ):
        sentence = (json.loads(e["evidence"])["sentence"] or {}).get("text", "")[:width]
        names = [r[0] for r in conn.execute("SELECT name FROM event_actors WHERE event_id = ? ORDER BY seq", (e["id"],))]
        print(f"   {e['source'] or '-':12} {e['published'] or '-':10} {e['type']} {e['countries']} {names} | {sentence}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db")
    parser.add_argument("kind", choices=["merged", "unmerged"])
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--width", type=int, default=170)
    args = parser.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    rng = random.Random(args.seed)
    if args.kind == "merged":
        ids = [r[0] for r in conn.execute("SELECT id FROM clusters WHERE n_articles >= 2 ORDER BY id")]
        for k, cid in enumerate(rng.sample(ids, min(args.n, len(ids)))):
            n, day = conn.execute("SELECT n_articles, date FROM clusters WHERE id = ?", (cid,)).fetchone()
            print(f"M{k} cluster {cid}: {n} articles, date {day}")
            show(conn, cid, args.width)
    else:
        pairs = conn.execute(
            "SELECT a.id, b.id FROM clusters a JOIN clusters b ON a.type = b.type AND a.status = b.status "
            "AND a.countries = b.countries AND a.id < b.id AND a.date IS NOT NULL AND b.date IS NOT NULL "
            "AND abs(julianday(a.date) - julianday(b.date)) <= 1 ORDER BY a.id, b.id"
        ).fetchall()
        rng.shuffle(pairs)
        for k, (x, y) in enumerate(pairs[: args.n]):
            print(f"U{k} clusters {x} / {y}")
            show(conn, x, args.width)
            print("   --")
            show(conn, y, args.width)
        print(f"near-neighbour pairs in all: {len(pairs)}")


if __name__ == "__main__":
    main()
