"""End-to-end ingest of the news corpus into SQLite, then the dashboard's typical queries.

    python bench/bench_ingest.py ../shared/corpus/saudinewsnet.jsonl.gz [--limit N] [--db PATH]

Ingest: wall time, articles/s, database size, peak memory, and what was stored
(articles, reports, real-world events, events reported by several articles, actors).
Queries: median of 20 runs each on the database just built. Prints Markdown and
writes it to bench/results/ingest.md.
"""
from __future__ import annotations

import argparse
import itertools
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from marsad.io.readers import read_articles  # noqa: E402
from marsad.lexicon import load_lexicon  # noqa: E402
from marsad.ingest import ingest_articles  # noqa: E402
from marsad.store import connect  # noqa: E402
from marsad.store.query import Filters, counts_by_month, select_events  # noqa: E402

QUERIES = {
    "latest 50 events": lambda c: select_events(c, Filters(limit=50)),
    "events of a pair (SAU, USA)": lambda c: select_events(c, Filters(pair=("SAU", "USA"))),
    "events of a country in a month": lambda c: select_events(c, Filters(country="EGY", since="2015-08-01",
                                                                         until="2015-08-31")),
    "counts per month per type": lambda c: counts_by_month(c),
    "person, any spelling (محمد بن نايف)": lambda c: select_events(c, Filters(person="محمد بن نايف", limit=50)),
    "full text (الطاقة النووية), 50": lambda c: select_events(c, Filters(text="الطاقة النووية", limit=50)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--db", help="Where to build the database (default: a temporary file).")
    args = parser.parse_args()
    db = Path(args.db or Path(tempfile.mkdtemp()) / "bench.db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)

    load_lexicon()
    items = read_articles([args.corpus])
    if args.limit:
        items = itertools.islice(items, args.limit)
    start, cpu = time.perf_counter(), time.process_time()
    summary = ingest_articles(items, db)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    conn = connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(os.path.getsize(str(db) + s) for s in ("", "-wal") if os.path.exists(str(db) + s))
    stored = {
        name: conn.execute(sql).fetchone()[0]
        for name, sql in {
            "articles": "SELECT count(*) FROM articles",
            "reports (events in articles)": "SELECT count(*) FROM events",
            "real-world events (clusters)": "SELECT count(*) FROM clusters",
            "events reported by ≥ 2 articles": "SELECT count(*) FROM clusters WHERE n_articles >= 2",
            "reports merged into those": "SELECT coalesce(sum(n_articles), 0) FROM clusters WHERE n_articles >= 2",
            "actors": "SELECT count(*) FROM actors",
        }.items()
    }
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        f"Corpus: {summary.read + len(summary.errors):,} records ({summary.read:,} articles, "
        f"{len(summary.errors):,} rejected); one process on {platform.machine()}, Python {platform.python_version()}, "
        f"SQLite {connect.__globals__['sqlite3'].sqlite_version}.",
        "",
        "| ingest | value |",
        "|---|---:|",
        f"| wall time | {wall:.1f} s |",
        f"| articles/s (wall) | {summary.read / wall:,.0f} |",
        f"| articles per CPU-second | {summary.read / cpu:,.0f} |",
        f"| database size | {size / 2**20:,.0f} MiB |",
        f"| peak memory | {peak:,.0f} MiB |",
    ]
    lines += [f"| {name} | {value:,} |" for name, value in stored.items()]
    lines += ["", "| query | median ms (20 runs) | rows |", "|---|---:|---:|"]
    for name, run in QUERIES.items():
        times, rows = [], 0
        for _ in range(20):
            t = time.perf_counter()
            rows = len(run(conn))
            times.append((time.perf_counter() - t) * 1000)
        lines.append(f"| {name} | {statistics.median(times):.1f} | {rows:,} |")
    table = "\n".join(lines)
    print(table)
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "ingest.md").write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
