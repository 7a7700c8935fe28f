"""The dashboard and API under load, on loopback: throughput and latency per kind of URL.

    python bench/bench_serve.py --db FILE [--requests 2000] [--concurrency 50] [--workers 1] [--seed 0]

Serves ``create_app`` over a consistent copy of ``FILE`` (taken with SQLite's backup API,
because opening the store may write to it; the given file is only read) with uvicorn in
a separate process on a free 127.0.0.1 port. Then:

- single page loads: the median of 5 sequential GETs of each kind of page, on an idle
  server, with the heaviest example of each (the event with most reports, the busiest
  country, ...);
- load: ``--requests`` GETs from ``--concurrency`` concurrent clients over a fixed mix of
  pages and API calls, with ids, countries and words drawn from the database;
  errors are non-2xx answers and exceptions.

Prints Markdown and writes it to ``bench/results/serve.md`` (or ``--out``).
"""
from __future__ import annotations

import argparse
import calendar
import asyncio
import collections
import os
import platform
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from urllib.parse import unquote, urlencode

import httpx

ROOT = Path(__file__).resolve().parent.parent

# Words an analyst types into the search box: foreign ministry, bilateral relations,
# nuclear energy, a phone call, the crown prince, the United Nations, cooperation.
SEARCH_WORDS = ("الخارجية", "العلاقات الثنائية", "الطاقة النووية", "اتصالا هاتفيا", "ولي العهد", "الأمم المتحدة",
                "التعاون")
EVENT_TYPES = ("PHONE_CALL", "MEETING", "VISIT", "MESSAGE", "AGREEMENT")

# URL kind -> share of the load: mostly reading events, as people browsing the dashboard
# and scripts polling the API do; graphs and timelines are fewer but heavier.
MIX = {
    "page /": 8, "page /events": 6, "page /events?type=MEETING": 5, "page /events/<id>": 10,
    "page /countries/<code>": 7, "page /network": 4,
    "api /api/events?...": 16, "api /api/events/<id>": 14, "api /api/graph": 5, "api /api/timeline": 7,
    "api /api/search?q=": 10, "api /api/countries/<code>": 4, "page /search?q=": 4,
}

# The app is built by uvicorn from $MARSAD_DB (create_app's default), so that each of
# several worker processes builds its own.
SERVER = """
import sys, uvicorn
from marsad.web.app import KEEP_ALIVE
uvicorn.run("marsad.web:create_app", factory=True, host="127.0.0.1", port=int(sys.argv[1]),
            workers=int(sys.argv[2]), log_level="warning", timeout_keep_alive=KEEP_ALIVE)
"""


def last_day(month: str) -> int:
    """The last day of ``YYYY-MM`` (the API refuses dates that are not on the calendar)."""
    year, number = map(int, month.split("-"))
    return calendar.monthrange(year, number)[1]


def read_only(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)


class Sample:
    """What the URLs are made of: ids, codes and dates that exist in the database."""

    def __init__(self, db: Path) -> None:
        conn = read_only(db)
        clusters = conn.execute("SELECT id, countries FROM clusters ORDER BY id").fetchall()
        if not clusters:
            sys.exit(f"{db}: no events to serve; ingest articles first")
        self.event_ids = [id_ for id_, _ in clusters]
        codes = collections.Counter(c for _, cs in clusters for c in cs.split(",") if c)
        self.countries = [c for c, _ in codes.most_common(40)]
        pairs = collections.Counter(cs for _, cs in clusters if cs.count(",") == 1)
        self.pairs = [p for p, _ in pairs.most_common(20)]
        self.months = [r[0] for r in conn.execute(
            "SELECT DISTINCT substr(date, 1, 7) FROM clusters WHERE date IS NOT NULL ORDER BY 1")]
        self.pages = max(1, len(self.event_ids) // 50)
        self.heaviest_event = conn.execute("SELECT id FROM clusters ORDER BY n_articles DESC, id LIMIT 1").fetchone()[0]
        self.busiest_article = conn.execute(
            "SELECT article_id FROM events GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT 1"
        ).fetchone()[0]
        self.busiest_actor = conn.execute(
            "SELECT actor_id FROM event_actors WHERE actor_id IS NOT NULL GROUP BY actor_id "
            "ORDER BY count(*) DESC, actor_id LIMIT 1").fetchone()
        self.stats = {name: conn.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
                      for name in ("articles", "events", "clusters", "actors")}
        conn.close()

    def api_events_query(self, rng: random.Random) -> str:
        month = rng.choice(self.months) if self.months else "2015-08"
        choices = [
            {"country": rng.choice(self.countries)},
            {"type": rng.choice(EVENT_TYPES)},
            {"country": rng.choice(self.countries), "type": rng.choice(EVENT_TYPES)},
            {"page": rng.randint(1, self.pages)},
            {"pair": rng.choice(self.pairs or ["SAU,USA"])},
            {"since": f"{month}-01", "until": f"{month}-{last_day(month):02d}"},
            {"text": rng.choice(SEARCH_WORDS), "per_page": 20},
            {"sort": "reports_desc", "per_page": 20},
        ]
        return "/api/events?" + urlencode(rng.choice(choices))

    def url(self, kind: str, rng: random.Random) -> str:
        return {
            "page /": lambda: "/",
            "page /events": lambda: "/events",
            "page /events?type=MEETING": lambda: "/events?type=MEETING",
            "page /events/<id>": lambda: f"/events/{rng.choice(self.event_ids)}",
            "page /countries/<code>": lambda: f"/countries/{rng.choice(self.countries)}",
            "page /network": lambda: "/network",
            "page /search?q=": lambda: "/search?" + urlencode({"q": rng.choice(SEARCH_WORDS)}),
            "api /api/events?...": lambda: self.api_events_query(rng),
            "api /api/events/<id>": lambda: f"/api/events/{rng.choice(self.event_ids)}",
            "api /api/graph": lambda: "/api/graph?" + urlencode(rng.choice([{}, {"kind": "persons"},
                                                                          {"type": rng.choice(EVENT_TYPES)}])),
            "api /api/timeline": lambda: "/api/timeline?" + urlencode(rng.choice(
                [{}, {"interval": "week"}, {"interval": "day", "country": rng.choice(self.countries)}])),
            "api /api/search?q=": lambda: "/api/search?" + urlencode({"q": rng.choice(SEARCH_WORDS)}),
            "api /api/countries/<code>": lambda: f"/api/countries/{rng.choice(self.countries)}",
        }[kind]()

    def single_pages(self) -> dict[str, str]:
        pages = {
            "overview": "/",
            "events": "/events",
            "events of a type": "/events?type=MEETING",
            "event (most reports)": f"/events/{self.heaviest_event}",
            "article (most events)": f"/articles/{self.busiest_article}",
            "country (busiest)": f"/countries/{self.countries[0]}",
            "network of countries": "/network",
            "network of persons": "/network?kind=persons",
            "search": "/search?" + urlencode({"q": SEARCH_WORDS[0]}),
        }
        if self.busiest_actor:
            pages["actor (most reports)"] = f"/actors/{self.busiest_actor[0]}"
        return pages


def snapshot(db: Path, into: Path) -> Path:
    """A consistent copy of ``db``, read through a read-only connection."""
    copy = into / "serve.db"
    source = read_only(db)
    target = sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return copy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, log: Path, workers: int = 1) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "MARSAD_DB": str(db),
           "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("MARSAD_TOKEN", None)
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port), str(workers)], env=env,
                              stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server exited with {server.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                return server, base
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    server.kill()
    sys.exit("the server did not answer within 60 s")


def time_single_pages(base: str, pages: dict[str, str], repeat: int = 5) -> list[tuple[str, str, float, int, int]]:
    """(page, url, median ms, bytes, status) of ``repeat`` sequential GETs of each page."""
    rows = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for name, url in pages.items():
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            rows.append((name, url, statistics.median(times), len(response.content), response.status_code))
    return rows


async def fire(base: str, urls: list[tuple[str, str]], concurrency: int) -> tuple[list[tuple[str, float, str]], float]:
    """Every URL fetched once by ``concurrency`` clients: (kind, ms, outcome) and the wall time."""
    results: list[tuple[str, float, str]] = []
    queue = iter(urls)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        async def user() -> None:
            for kind, url in queue:
                start = time.perf_counter()
                try:
                    outcome = str((await client.get(url)).status_code)
                except httpx.HTTPError as exc:
                    outcome = f"{type(exc).__name__} {exc}"[:100]
                results.append((kind, (time.perf_counter() - start) * 1000, outcome))

        start = time.perf_counter()
        await asyncio.gather(*(user() for _ in range(concurrency)))
        return results, time.perf_counter() - start


def percentile(ordered: list[float], p: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))]


def latency_row(name: str, samples: list[tuple[str, float, str]], wall: float | None = None) -> str:
    ms = sorted(t for _, t, _ in samples)
    errors = sum(1 for *_, outcome in samples if not outcome.startswith("2"))
    rate = f"{len(samples) / wall:,.0f}" if wall else ""
    return (f"| {name} | {len(samples):,} | {errors:,} | {rate} | {percentile(ms, 50):.1f} | {percentile(ms, 90):.1f} "
            f"| {percentile(ms, 99):.1f} | {ms[-1]:.1f} |")


def report(args, sample: Sample, size: int, load: float, singles, results, wall: float) -> str:
    lines = [
        f"Database: {args.db.name}, {size / 2**20:,.0f} MiB: {sample.stats['articles']:,} articles, "
        f"{sample.stats['events']:,} reports, {sample.stats['clusters']:,} real-world events, "
        f"{sample.stats['actors']:,} actors. uvicorn, {args.workers} worker process(es), on 127.0.0.1; "
        f"{os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, uvicorn {version('uvicorn')}, FastAPI {version('fastapi')}; "
        f"load average {load:.1f} before the run (the client shares the machine).",
        "",
        "Single page loads, idle server (median of 5 sequential GETs):",
        "",
        "| page | URL | median ms | KiB | status |",
        "|---|---|---:|---:|---:|",
    ]
    lines += [f"| {name} | `{unquote(url)}` | {ms:.1f} | {size_ / 1024:,.0f} | {status} |"
              for name, url, ms, size_, status in singles]
    lines += [
        "",
        f"Load: {len(results):,} requests, {args.concurrency} concurrent clients (httpx.AsyncClient, keep-alive), "
        f"seed {args.seed}; errors are non-2xx answers and exceptions.",
        "",
        "| URL kind | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        latency_row("**all**", results, wall),
    ]
    by_kind = collections.defaultdict(list)
    for row in results:
        by_kind[row[0]].append(row)
    lines += [latency_row(f"`{kind}`", by_kind[kind]) for kind in MIX if by_kind[kind]]
    failures = collections.Counter((kind, outcome) for kind, _, outcome in results if not outcome.startswith("2"))
    if failures:
        lines += ["", "| errors: URL kind | outcome | count |", "|---|---|---:|"]
        lines += [f"| `{kind}` | {outcome} | {n} |" for (kind, outcome), n in failures.most_common()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True, help="A marsad database (only read).")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "serve.md")
    args = parser.parse_args()
    if not args.db.is_file():
        sys.exit(f"{args.db}: no such database")
    if min(args.requests, args.concurrency, args.workers) < 1:
        sys.exit("--requests, --concurrency and --workers must be at least 1")

    load = os.getloadavg()[0]
    sample = Sample(args.db)
    rng = random.Random(args.seed)
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=args.requests)
    urls = [(kind, sample.url(kind, rng)) for kind in kinds]

    with tempfile.TemporaryDirectory(prefix="marsad-serve-") as tmp:
        copy = snapshot(args.db, Path(tmp))
        log = Path(tmp) / "server.log"
        server, base = start_server(copy, log, args.workers)
        try:
            singles = time_single_pages(base, sample.single_pages())
            results, wall = asyncio.run(fire(base, urls, args.concurrency))
        except httpx.HTTPError as exc:
            sys.exit(f"{exc!r}; the server log ends:\n{log.read_text(errors='replace')[-3000:]}")
        finally:
            server.terminate()
            server.wait(timeout=30)
        server_log = log.read_text(errors="replace")

    table = report(args, sample, args.db.stat().st_size, load, singles, results, wall)
    print(table)
    if any(not outcome.startswith("2") for *_, outcome in results) and server_log.strip():
        print("\nServer log (last 3000 characters):\n" + server_log[-3000:], file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
