"""Batch extraction on a Dask cluster: article files in, Parquet datasets out.

    run_batch(["s3://news/2015/*.jsonl.gz"], "s3://news/marsad", scheduler="tcp://10.0.0.5:8786")

reads local paths or fsspec URLs (files, folders, globs; ``.gz``, ``.bz2``, ``.xz``
compressed): JSON lines and Parquet, streamed in chunks, and the files `marsad ingest`
reads whole (text files, JSON documents, zip archives such as the SaudiNewsNet release),
whose articles are gathered into chunks on the scheduler. It writes three Parquet datasets,
partitioned by month (``month=2015-08``, ``month=unknown`` when there is no date):

- ``OUTPUT/articles/`` — one row per article, by publication month;
- ``OUTPUT/events/`` — one row per report of an event in an article, by the article's
  publication month;
- ``OUTPUT/clusters/`` — one row per real-world event with the reports telling it, by
  the event's date.

Articles, reports, clusters and cluster numbers are those ``marsad ingest`` stores for
the same inputs in the same order. The work is map-reduce, every step a set of Dask
tasks:

1. *extract* — chunks of ``partition_size`` articles are read and extracted on the
   workers, which write the articles and events and sort three kinds of work rows into
   hash buckets under ``OUTPUT/_work``: article ids, named actor mentions (by the first
   word of the name) and reports (by type, status and countries);
2. *duplicates* — per id bucket, an id read more than once is replayed with ingest's
   rule: the same content again is skipped, changed content replaces the earlier one;
3. *actors* — per name bucket, mentions are resolved to actors in input order by
   :func:`marsad.store.actors.resolve` in a scratch in-memory store;
4. *clusters* — per report bucket, reports are clustered in input order by
   :func:`marsad.store.clusters.assign` in a scratch in-memory store; the clusters are
   then numbered in the order of their first report, as ingest numbers them.

A bucket's scratch store decides as the whole store would because every query of
``clusters.assign`` and ``refresh`` is restricted to one (type, status, countries) key
or to one cluster, and every query of ``actors.resolve`` to the aliases sharing the
first word of the folded name (an alias only ever joins an actor with the same key or a
longer or shorter chain of the same name). Ids follow input order in the scratch stores
as in the real one, so ``ORDER BY … id``, ties and index order come out the same.

One case is not replayed exactly: when an article id comes back with *changed*
content, ingest clusters the old version's reports until the new one arrives, then
removes them and numbers later clusters after the gap; here the old version never
clusters (its actor mentions do count, as in ingest). The cluster numbers then differ
and, rarely, which reports make one event.

The driver streams JSON lines to the workers, ``partition_size`` at a time and a few
chunks per worker in flight: gzip cannot be split, so this is what gives one large
``.gz`` file many tasks (decompressing and splitting lines runs far ahead of
extraction). Workers read Parquet row groups themselves. Every task writes files named
after its chunk or bucket, so a task Dask retries overwrites its own output. Workers
must see the input and output paths (local paths suit a
:class:`~distributed.LocalCluster` or a shared file system) and should run one thread
each: extraction is pure Python.
"""
from __future__ import annotations

import codecs
import datetime as dt
import json
import time
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePath, PurePosixPath
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from marsad.ingest import Summary
from marsad.io.readers import (
    ARCHIVE_SUFFIXES,
    ARTICLES_PER_DOCUMENT,
    JSON_LINES_SUFFIXES,
    JSON_SUFFIXES,
    MAX_ARTICLE_BYTES,
    TEXT_SUFFIXES,
    ReadError,
    TooLarge,
    article_from_record,
    article_stem,
    articles_from_bytes,
    articles_from_json_lines,
    decoded_lines,
    json_lines_stream,
    read_limited,
    read_zip,
)
from marsad.model import Article, Extraction
from marsad.parallel import extract_one, home_country_for
from marsad.store import actors as actor_store
from marsad.store import clusters as cluster_store
from marsad.store import connect
from marsad.store.ingest import content_hash

try:
    import fsspec
    from distributed import Client, LocalCluster, wait
    from fsspec.utils import infer_compression
except ImportError as exc:  # an optional dependency group
    raise ImportError("marsad.batch needs Dask and fsspec: pip install 'marsad[dask]'") from exc

PARQUET_SUFFIXES = (".parquet",)
UNKNOWN_MONTH = "unknown"
CHUNKS_IN_FLIGHT_PER_WORKER = 2
# An article's position in the input is (chunk << ARTICLE_BITS | index in chunk), a
# report's key (position << SEQ_BITS | seq): both sort in input order, as ingest's ids do.
ARTICLE_BITS = 24
SEQ_BITS = 16
MAX_CHUNKS = 1 << (63 - ARTICLE_BITS - SEQ_BITS)
RECORD_FIELDS = ("id", "title", "text", "content", "body", "published", "source", "url")

ACTOR = pa.struct([("role", pa.string()), ("name", pa.string()), ("title", pa.string()), ("country", pa.string())])
REPORT = pa.struct([("article_id", pa.string()), ("seq", pa.int32())])
ARTICLES = pa.schema([
    ("position", pa.int64()),  # sorts in input order; not contiguous
    ("id", pa.string()), ("source", pa.string()), ("url", pa.string()), ("published", pa.date32()),
    ("title", pa.string()), ("text", pa.string()), ("home_country", pa.string()),
    ("flags", pa.list_(pa.string())), ("content_hash", pa.string()), ("origin", pa.string()),
])
EVENTS = pa.schema([
    ("position", pa.int64()),  # the article's
    ("article_id", pa.string()), ("seq", pa.int32()), ("type", pa.string()), ("subtype", pa.string()),
    ("status", pa.string()), ("date", pa.date32()), ("location", pa.string()),
    ("countries", pa.list_(pa.string())), ("topics", pa.list_(pa.string())), ("actors", pa.list_(ACTOR)),
    ("cameo", pa.string()), ("cameo_base", pa.string()), ("cameo_root", pa.string()),
    ("cameo_label", pa.string()), ("plover_type", pa.string()), ("plover_mode", pa.string()),
    ("quad_class", pa.int32()), ("goldstein", pa.float64()),
    ("evidence", pa.string()),  # JSON: spans of trigger, sentence, actors, date, location, topics
])
CLUSTERS = pa.schema([
    ("cluster_id", pa.int64()),  # as `marsad ingest` numbers it
    ("type", pa.string()), ("status", pa.string()), ("countries", pa.list_(pa.string())),
    ("date", pa.date32()), ("first_seen", pa.date32()), ("last_seen", pa.date32()),
    ("n_articles", pa.int32()), ("n_sources", pa.int32()),
    ("representative", REPORT), ("reports", pa.list_(REPORT)),
])
# Work rows, sorted into buckets under OUTPUT/_work.
_IDS = pa.schema([("id", pa.string()), ("position", pa.int64()), ("content_hash", pa.string())])
_MENTIONS = pa.schema([
    ("report", pa.int64()), ("k", pa.int32()), ("name", pa.string()), ("title", pa.string()),
    ("country", pa.string()), ("seen", pa.string()), ("report_bucket", pa.int32()),
])
_REPORTS = pa.schema([
    ("report", pa.int64()), ("article_id", pa.string()), ("seq", pa.int32()), ("type", pa.string()),
    ("status", pa.string()), ("countries", pa.string()), ("date", pa.string()), ("published", pa.string()),
    ("source", pa.string()), ("url", pa.string()), ("words", pa.string()), ("actors", pa.list_(ACTOR)),
])
_ACTOR_IDS = pa.schema([("report", pa.int64()), ("k", pa.int32()), ("actor_id", pa.int64())])
_CLUSTER_WORK = pa.schema([("first_report", pa.int64())] + [f for f in CLUSTERS if f.name != "cluster_id"])


class BatchError(Exception):
    """A batch that cannot run as asked (output in the way, input too large to number)."""


@dataclass
class BatchSummary(Summary):
    """What a batch read and wrote, counted as ingest counts; and where, how fast."""

    command: str = "batch"
    output: str = ""
    workers: int = 0
    seconds: float = 0.0
    steps: dict[str, float] = field(default_factory=dict)  # seconds per step: extract, duplicates, actors, clusters

    def line(self) -> str:
        return f"{super().line()}; {self.workers} workers, {self.seconds:.1f} s → {self.output}"


def run_batch(
    inputs: list[str],
    output: str,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 2000,
    home_country: str | None = None,
    overrides: Mapping[str, str] | None = None,
) -> BatchSummary:
    """Extract ``inputs`` on a Dask cluster into Parquet datasets under ``output``.

    ``scheduler`` is the address of a running Dask scheduler; without one a local
    cluster of ``workers`` processes runs for this call. A JSON-lines task is
    ``partition_size`` articles, a Parquet one a row group. ``home_country`` and
    ``overrides`` (lower-case source → country) are as in
    :func:`marsad.ingest.ingest_articles`. Raises :class:`BatchError` when ``output``
    already holds a batch's datasets.
    """
    if not 1 <= partition_size < 1 << ARTICLE_BITS:
        raise ValueError(f"partition_size must be between 1 and {(1 << ARTICLE_BITS) - 1}, got {partition_size}")
    start = time.perf_counter()
    fs, root = fsspec.core.url_to_fs(output)
    for dataset in ("articles", "events", "clusters", "_work"):
        if fs.exists(f"{root}/{dataset}"):
            raise BatchError(f"{output}: already holds {dataset}/ from a batch; remove it or choose another output")
    summary = BatchSummary(output=output)
    output = fs.unstrip_protocol(root)  # absolute, for workers whatever their working directory
    with _client(scheduler, workers) as client:
        summary.workers = len(client.scheduler_info()["workers"])
        buckets = max(4, 2 * summary.workers)
        step = _stopwatch(summary.steps)
        _extract(client, inputs, output, partition_size, buckets, home_country, overrides, summary)
        step("extract")
        dropped, silent = _duplicates(client, output, buckets, summary)
        step("duplicates")
        [skip_mentions] = client.scatter([silent], broadcast=True, hash=False)
        wait([client.submit(_resolve_actors, output, b, skip_mentions, pure=False) for b in range(buckets)])
        step("actors")
        [skip_reports] = client.scatter([dropped], broadcast=True, hash=False)
        firsts = client.gather([client.submit(_cluster_reports, output, b, skip_reports, pure=False)
                                for b in range(buckets)])
        numbers = _cluster_numbers(firsts)
        wait([client.submit(_write_clusters, output, b, ids, pure=False) for b, ids in enumerate(numbers)])
        summary.clusters = sum(len(ids) for ids in numbers)
        step("clusters")
    if fs.exists(f"{root}/_work"):
        fs.rm(f"{root}/_work", recursive=True)
    summary.seconds = time.perf_counter() - start
    return summary


def _stopwatch(steps: dict[str, float]):
    """``step(name)`` records the seconds since the previous call under ``name``."""
    last = [time.perf_counter()]

    def step(name: str) -> None:
        now = time.perf_counter()
        steps[name], last[0] = now - last[0], now

    return step


@contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Client]:
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


# 1. Extract ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Source:
    url: str  # for the workers
    origin: str  # as errors name it, the way `marsad ingest` does
    kind: str  # "jsonl" | "parquet" | "text" | "json" | "zip"
    stem: str  # default ids are stem:line (JSON lines) or stem#row (Parquet)


@dataclass
class _Chunk:
    """One task's input: numbered JSON lines, articles read already, or a row group."""

    source: _Source
    lines: list[tuple[int, str | ValueError]] | None = None
    items: list[Article | ReadError] | None = None
    row_group: int = 0
    first_row: int = 0


@dataclass
class _ChunkReport:
    chunk: int
    read: int
    events: int
    rejected: list[ReadError | str]  # a read error, or why an article's extraction failed


def _extract(client, inputs, output, partition_size, buckets, home_country, overrides, summary) -> None:
    in_flight = CHUNKS_IN_FLIGHT_PER_WORKER * max(summary.workers, 1)
    running: set = set()
    rejected: dict[int, list[ReadError | str]] = {}

    def collect(done) -> None:
        for future in done:
            report: _ChunkReport = future.result()
            summary.read += report.read
            summary.events += report.events
            rejected[report.chunk] = report.rejected

    for chunk, work in enumerate(_chunks(inputs, partition_size)):
        if isinstance(work, ReadError):
            rejected[chunk] = [work]
            continue
        if chunk >= MAX_CHUNKS:
            raise BatchError(f"more than {MAX_CHUNKS} chunks: raise partition_size")
        data = client.scatter(work, hash=False) if work.lines or work.items else work
        running.add(client.submit(_extract_chunk, chunk, data, output, buckets, home_country, overrides, pure=False))
        if len(running) >= in_flight:
            done, running = wait(running, return_when="FIRST_COMPLETED")
            collect(done)
    collect(wait(running).done)
    for chunk in sorted(rejected):
        for item in rejected[chunk]:
            summary.reject(item) if isinstance(item, ReadError) else summary.errors.append(item)


# Files read whole on the scheduler (one text or JSON document, or a zip archive of
# article files), their articles gathered into chunks of partition_size.
_WHOLE_FILES = ("text", "json", "zip")


def _chunks(inputs: Iterable[str], size: int) -> Iterator[_Chunk | ReadError]:
    gathered: list[Article | ReadError] = []
    last: _Source | None = None
    for source in _sources(inputs):
        if isinstance(source, _Source) and source.kind in _WHOLE_FILES:
            last = source
            gathered += _whole_file_items(source)
            while len(gathered) >= size:
                yield _Chunk(source, items=gathered[:size])
                gathered = gathered[size:]
            continue
        if gathered and last is not None:  # keep the input order: earlier files first
            yield _Chunk(last, items=gathered)
            gathered = []
        if isinstance(source, ReadError):
            yield source
        elif source.kind == "jsonl":
            yield from _json_lines_chunks(source, size)
        else:
            yield from _parquet_chunks(source)
    if gathered and last is not None:
        yield _Chunk(last, items=gathered)


def _whole_file_items(source: _Source) -> list[Article | ReadError]:
    """The articles of a text file, a JSON document or a zip archive, read as `marsad
    ingest` reads them (the same ids, limits and errors)."""
    if source.kind == "zip":
        return list(read_zip(lambda: fsspec.open(source.url, "rb", compression=None).open(),
                             source.origin, source.stem))
    limit = MAX_ARTICLE_BYTES * (ARTICLES_PER_DOCUMENT if source.kind == "json" else 1)
    try:
        with fsspec.open(source.url, "rb", compression="infer") as fh:
            data = read_limited(fh, limit)
    except TooLarge as exc:
        return [ReadError(source.origin, str(exc))]
    except (OSError, EOFError, zlib.error) as exc:
        return [ReadError(source.origin, f"cannot read: {getattr(exc, 'strerror', None) or exc}")]
    return list(articles_from_bytes(data, source.origin, source.stem, source.kind))


def _sources(inputs: Iterable[str]) -> Iterator[_Source | ReadError]:
    """Every input file, in the order `marsad ingest` reads them."""
    for given in inputs:
        fs, path = fsspec.core.url_to_fs(given)
        local = "file" in fs.protocol
        if fs.isdir(path):
            found = sorted(
                (p for p in fs.find(path) if _kind(p) and not any(
                    part.startswith(".") for part in p[len(path):].split("/"))),
                key=lambda p: p[len(path):].strip("/").split("/"),
            )
            if not found:
                yield ReadError(given, "no article files (.jsonl, .ndjson, .json, .txt, .text, .md, .zip, "
                                       ".parquet, or compressed) in directory")
            for p in found:
                relative = p[len(path):].strip("/")
                origin = str(PurePath(given, relative)) if local else fs.unstrip_protocol(p)
                yield _source(fs, p, origin, relative)
        elif fs.exists(path):
            yield _source(fs, path, str(PurePath(given)) if local else given, PurePosixPath(path).name)
        elif fsspec.core.has_magic(given):
            found = sorted(fs.glob(path))
            if not found:
                yield ReadError(given, "no such file or directory")
            for p in found:
                yield _source(fs, p, p if local else fs.unstrip_protocol(p), PurePosixPath(p).name)
        else:
            yield ReadError(str(PurePath(given)) if local else given, "no such file or directory")


def _kind(path: str) -> str | None:
    name = PurePosixPath(path).name.lower()
    if name.endswith(ARCHIVE_SUFFIXES):  # before compression: fsspec also calls .zip a compression
        return "zip"
    if infer_compression(name):
        name = name.rsplit(".", 1)[0]
    if name.endswith(JSON_LINES_SUFFIXES):
        return "jsonl"
    if name.endswith(JSON_SUFFIXES):
        return "json"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return "parquet" if name.endswith(PARQUET_SUFFIXES) else None


def _source(fs, path: str, origin: str, relative: str) -> _Source | ReadError:
    """One input file; ``relative`` is its path inside the folder given, else its name,
    from which ids are made as `marsad ingest` makes them."""
    kind = _kind(path)
    if kind is None:
        return ReadError(origin, "not an article file (a batch reads .jsonl, .ndjson, .json, .txt, .text, .md, "
                                 ".zip and .parquet files)")
    if fs.info(path).get("type") != "file":
        return ReadError(origin, "not a regular file; skipped")
    name = PurePosixPath(relative)
    if kind != "zip" and infer_compression(name.name):
        name = name.with_name(name.name.rsplit(".", 1)[0])
    return _Source(fs.unstrip_protocol(path), origin, kind, article_stem(name))


def _json_lines_chunks(source: _Source, size: int) -> Iterator[_Chunk | ReadError]:
    """Numbered lines, ``size`` articles at a time, read one line at a time as
    :func:`marsad.io.readers.read_articles` reads them (blank lines are no articles)."""
    lines: list[tuple[int, str | ValueError]] = []
    any_line = False
    try:
        with fsspec.open(source.url, "rb", compression="infer") as fh:
            utf16 = fh.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        if utf16:  # UTF-16 cannot be split into lines before decoding: read the file whole
            with fsspec.open(source.url, "rb", compression="infer") as fh:
                items = list(json_lines_stream(fh, source.origin, source.stem, MAX_ARTICLE_BYTES))
            for start in range(0, len(items), size):
                yield _Chunk(source, items=items[start:start + size])
            return
        with fsspec.open(source.url, "rb", compression="infer") as fh:
            for number, line in decoded_lines(fh):
                if isinstance(line, str) and not line.strip():
                    continue
                lines.append((number, line))
                any_line = True
                if len(lines) == size:
                    yield _Chunk(source, lines=lines)
                    lines = []
    except (OSError, EOFError, zlib.error) as exc:
        if lines:
            yield _Chunk(source, lines=lines)
        yield ReadError(source.origin, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
        return
    if lines:
        yield _Chunk(source, lines=lines)
    elif not any_line:
        yield ReadError(source.origin, "empty: no articles")


def _parquet_chunks(source: _Source) -> Iterator[_Chunk | ReadError]:
    try:
        with fsspec.open(source.url, "rb") as fh:
            meta = pq.ParquetFile(fh).metadata
    except (OSError, pa.ArrowException) as exc:
        yield ReadError(source.origin, f"not a readable Parquet file: {exc}")
        return
    if meta.num_rows == 0:
        yield ReadError(source.origin, "empty: no articles")
    first = 0
    for group in range(meta.num_row_groups):
        rows = meta.row_group(group).num_rows
        if rows >= 1 << ARTICLE_BITS:
            yield ReadError(source.origin, f"row group {group} holds {rows} rows, more than a batch numbers")
        elif rows:
            yield _Chunk(source, row_group=group, first_row=first)
        first += rows


def _chunk_items(work: _Chunk) -> list[Article | ReadError]:
    src = work.source
    if work.items is not None:
        return work.items
    if work.lines is not None:
        return list(articles_from_json_lines(work.lines, src.origin, src.stem))
    with fsspec.open(src.url, "rb") as fh:
        parquet = pq.ParquetFile(fh)
        columns = [c for c in RECORD_FIELDS if c in parquet.schema_arrow.names]
        records = parquet.read_row_group(work.row_group, columns=columns).to_pylist()
    return [
        article_from_record({k: v.isoformat() if isinstance(v, dt.date) else v for k, v in record.items()},
                        f"{src.origin}[#{row}]", f"{src.stem}#{row}")
        for row, record in enumerate(records, work.first_row)
    ]


def _extract_chunk(chunk: int, work: _Chunk, output: str, buckets: int,
                   home_country: str | None, overrides: Mapping[str, str] | None) -> _ChunkReport:
    """Read and extract one chunk; write its articles, events and work rows."""
    rows = _ChunkRows(buckets)
    read, rejected = 0, list[ReadError | str]()
    for index, item in enumerate(_chunk_items(work)):
        if isinstance(item, ReadError):
            rejected.append(item)
            continue
        read += 1
        extraction, error = extract_one(item, home_country_for(item, home_country, overrides))
        if extraction is None:
            rejected.append(f"{item.origin or item.id}: extraction failed: {error}")
            continue
        rows.add(extraction, chunk << ARTICLE_BITS | index)
    rows.write(output, f"part-{chunk:06d}.parquet")
    return _ChunkReport(chunk, read, len(rows.events), rejected)


class _ChunkRows:
    """The rows one chunk writes: by month (articles, events) and by bucket (work rows)."""

    def __init__(self, buckets: int) -> None:
        self.buckets = buckets
        self.articles: dict[str, list[dict]] = defaultdict(list)
        self.events: list[tuple[str, dict]] = []
        self.ids: dict[int, list[dict]] = defaultdict(list)
        self.mentions: dict[int, list[dict]] = defaultdict(list)
        self.reports: dict[int, list[dict]] = defaultdict(list)

    def add(self, ex: Extraction, position: int) -> None:
        a = ex.article
        month = _month(a.published)
        digest = content_hash(a)
        published = a.published.isoformat() if a.published else None
        self.articles[month].append({
            "position": position, "id": a.id, "source": a.source, "url": a.url, "published": a.published,
            "title": a.title, "text": a.text, "home_country": ex.home_country, "flags": list(ex.flags),
            "content_hash": digest, "origin": a.origin,
        })
        self.ids[_bucket(a.id, self.buckets)].append({"id": a.id, "position": position, "content_hash": digest})
        for seq, event in enumerate(ex.events):
            report = position << SEQ_BITS | seq
            countries = sorted(event.countries())
            actors = [actor.to_dict() for actor in event.actors]
            self.events.append((month, {
                "position": position, "article_id": a.id, "seq": seq, "type": event.type,
                "subtype": event.subtype, "status": event.status,
                "date": dt.date.fromisoformat(event.date) if event.date else None, "location": event.location,
                "countries": countries, "topics": list(event.topics), "actors": actors,
                **{k: event.codes.get(k) for k in ("cameo", "cameo_base", "cameo_root", "cameo_label",
                                                   "plover_type", "plover_mode", "quad_class", "goldstein")},
                "evidence": json.dumps(event.evidence(), ensure_ascii=False),
            }))
            report_bucket = _bucket(f"{event.type}|{event.status}|{','.join(countries)}", self.buckets)
            self.reports[report_bucket].append({
                "report": report, "article_id": a.id, "seq": seq, "type": event.type, "status": event.status,
                "countries": ",".join(countries), "date": event.date, "published": published,
                "source": a.source, "url": a.url, "actors": actors,
                "words": cluster_store.content_words(event.sentence.text if event.sentence else ""),
            })
            for k, actor in enumerate(event.actors):
                if actor.name:
                    head = actor_store.name_key(actor.name).split()[0]
                    self.mentions[_bucket(head, self.buckets)].append({
                        "report": report, "k": k, "name": actor.name, "title": actor.title,
                        "country": actor.country, "seen": event.date or published, "report_bucket": report_bucket,
                    })

    def write(self, output: str, name: str) -> None:
        fs, root = fsspec.core.url_to_fs(output)
        for month, rows in self.articles.items():
            _write(fs, f"{root}/articles/month={month}/{name}", rows, ARTICLES)
        events_by_month: dict[str, list[dict]] = defaultdict(list)
        for month, row in self.events:
            events_by_month[month].append(row)
        for month, rows in events_by_month.items():
            _write(fs, f"{root}/events/month={month}/{name}", rows, EVENTS)
        for kind, by_bucket, schema in (("ids", self.ids, _IDS), ("mentions", self.mentions, _MENTIONS),
                                        ("reports", self.reports, _REPORTS)):
            for bucket, rows in by_bucket.items():
                _write(fs, f"{_work(root, kind, bucket)}/{name}", rows, schema)


# 2. Duplicates -------------------------------------------------------------------------

@dataclass
class _Replayed:
    """Ingest's rule replayed over the ids of one bucket."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    dropped: list[int] = field(default_factory=list)  # positions not in the store at the end
    silent: list[int] = field(default_factory=list)  # positions skipped as unchanged: no actors either


def _duplicates(client, output: str, buckets: int, summary: BatchSummary) -> tuple[frozenset[int], frozenset[int]]:
    """Count new, updated and unchanged articles; remove the rows of every article
    version the store would not hold. Returns (dropped positions, silent positions)."""
    replayed: list[_Replayed] = client.gather([client.submit(_replay_ids, output, b, pure=False)
                                               for b in range(buckets)])
    summary.new = sum(r.new for r in replayed)
    summary.updated = sum(r.updated for r in replayed)
    summary.unchanged = sum(r.unchanged for r in replayed)
    dropped = frozenset(p for r in replayed for p in r.dropped)
    by_chunk: dict[int, list[int]] = defaultdict(list)
    for position in dropped:
        by_chunk[position >> ARTICLE_BITS].append(position)
    removed = client.gather([client.submit(_drop_rows, output, chunk, positions, pure=False)
                             for chunk, positions in by_chunk.items()])
    summary.events -= sum(removed)
    return dropped, frozenset(p for r in replayed for p in r.silent)


def _replay_ids(output: str, bucket: int) -> _Replayed:
    fs, root = fsspec.core.url_to_fs(output)
    versions: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in sorted(_read_work(fs, root, "ids", bucket), key=lambda r: r["position"]):
        versions[r["id"]].append((r["position"], r["content_hash"]))
    out = _Replayed(new=len(versions))
    for seen in versions.values():
        stored, stored_hash = seen[0]
        for position, digest in seen[1:]:
            if digest == stored_hash:
                out.unchanged += 1
                out.dropped.append(position)
                out.silent.append(position)
            else:
                out.updated += 1
                out.dropped.append(stored)
                stored, stored_hash = position, digest
    return out


def _drop_rows(output: str, chunk: int, positions: list[int]) -> int:
    """Remove the articles at ``positions`` (all from ``chunk``) and their events;
    return how many events went."""
    fs, root = fsspec.core.url_to_fs(output)
    gone = pa.array(positions, pa.int64())
    removed_events = 0
    for dataset in ("articles", "events"):
        for path in fs.glob(f"{root}/{dataset}/month=*/part-{chunk:06d}.parquet"):
            with fs.open(path, "rb") as fh:
                table = pq.read_table(fh)
            kept = table.filter(pc.invert(pc.is_in(table["position"], value_set=gone)))
            if kept.num_rows == table.num_rows:
                continue
            if dataset == "events":
                removed_events += table.num_rows - kept.num_rows
            if kept.num_rows:
                with fs.open(path, "wb") as fh:
                    pq.write_table(kept, fh)
            else:
                fs.rm(path)
    return removed_events


# 3. Actors -----------------------------------------------------------------------------

def _resolve_actors(output: str, bucket: int, skip: frozenset[int]) -> None:
    """Resolve one name bucket's mentions in input order; write each mention's actor id
    (unique across buckets) to the bucket of its report."""
    fs, root = fsspec.core.url_to_fs(output)
    mentions = sorted((m for m in _read_work(fs, root, "mentions", bucket) if m["report"] >> SEQ_BITS not in skip),
                      key=lambda m: (m["report"], m["k"]))
    conn = _scratch_store()
    by_report_bucket: dict[int, list[dict]] = defaultdict(list)
    conn.execute("BEGIN")
    for m in mentions:
        actor_id = actor_store.resolve(conn, m["name"], m["title"], m["country"], m["seen"])
        by_report_bucket[m["report_bucket"]].append(
            {"report": m["report"], "k": m["k"], "actor_id": bucket << 32 | actor_id})
    conn.execute("COMMIT")
    conn.close()
    for report_bucket, rows in by_report_bucket.items():
        _write(fs, f"{_work(root, 'actor_ids', report_bucket)}/part-{bucket:05d}.parquet", rows, _ACTOR_IDS)


# 4. Clusters ---------------------------------------------------------------------------

def _cluster_reports(output: str, bucket: int, skip: frozenset[int]) -> pa.Array:
    """Cluster one bucket's reports in input order; write the clusters, sorted by first
    report, and return their first reports."""
    fs, root = fsspec.core.url_to_fs(output)
    reports = sorted((r for r in _read_work(fs, root, "reports", bucket) if r["report"] >> SEQ_BITS not in skip),
                     key=lambda r: r["report"])
    actor_ids = {(r["report"], r["k"]): r["actor_id"] for r in _read_work(fs, root, "actor_ids", bucket)}
    conn = _scratch_store()
    conn.execute("BEGIN")
    for r in reports:
        conn.execute(
            "INSERT OR IGNORE INTO articles(id, source, url, published, title, text, content_hash, flags, ingested_at) "
            "VALUES (?, ?, ?, ?, '', '', '', '[]', '')",
            (r["article_id"], r["source"], r["url"], r["published"]),
        )
        conn.execute(
            "INSERT INTO events(id, article_id, seq, type, status, date, countries, topics, evidence, words) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '[]', '{}', ?)",
            (r["report"], r["article_id"], r["seq"], r["type"], r["status"], r["date"], r["countries"], r["words"]),
        )
        conn.executemany(
            "INSERT INTO event_actors(event_id, seq, role, name, title, country, actor_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(r["report"], k, a["role"], a["name"], a["title"], a["country"], actor_ids.get((r["report"], k)))
             for k, a in enumerate(r["actors"])],
        )
        cluster_store.assign(conn, r["report"])
    conn.execute("COMMIT")
    members: dict[int, list[dict]] = defaultdict(list)
    first: dict[int, int] = {}
    for report, cluster_id, article_id, seq in conn.execute(
            "SELECT id, cluster_id, article_id, seq FROM events ORDER BY id"):
        members[cluster_id].append({"article_id": article_id, "seq": seq})
        first.setdefault(cluster_id, report)
    rows = []
    for c in conn.execute("SELECT c.*, e.article_id AS rep_article, e.seq AS rep_seq "
                          "FROM clusters c JOIN events e ON e.id = c.representative"):
        rows.append({
            "first_report": first[c["id"]], "type": c["type"], "status": c["status"],
            "countries": c["countries"].split(",") if c["countries"] else [],
            "date": _date(c["date"]), "first_seen": _date(c["first_seen"]), "last_seen": _date(c["last_seen"]),
            "n_articles": c["n_articles"], "n_sources": c["n_sources"],
            "representative": {"article_id": c["rep_article"], "seq": c["rep_seq"]}, "reports": members[c["id"]],
        })
    conn.close()
    rows.sort(key=lambda row: row["first_report"])
    _write(fs, f"{_work(root, 'clusters', bucket)}/part.parquet", rows, _CLUSTER_WORK)
    return pa.array([row["first_report"] for row in rows], pa.int64())


def _cluster_numbers(firsts: list[pa.Array]) -> list[pa.Array]:
    """Per bucket, the number of each cluster: its rank by first report over all buckets
    (ingest creates a cluster with its first report and numbers it 1, 2, …)."""
    combined = pa.concat_arrays(firsts) if firsts else pa.array([], pa.int64())
    ranks = pc.sort_indices(pc.sort_indices(combined))  # the inverse of the sorting permutation
    numbers = pc.add(ranks.cast(pa.int64()), 1)
    out, start = [], 0
    for array in firsts:
        out.append(numbers.slice(start, len(array)))
        start += len(array)
    return out


def _write_clusters(output: str, bucket: int, numbers: pa.Array) -> None:
    fs, root = fsspec.core.url_to_fs(output)
    path = f"{_work(root, 'clusters', bucket)}/part.parquet"
    if not fs.exists(path):
        return
    with fs.open(path, "rb") as fh:
        table = pq.read_table(fh).drop_columns(["first_report"])
    table = table.add_column(0, "cluster_id", numbers)
    months = pc.if_else(pc.is_null(table["date"]), UNKNOWN_MONTH, pc.utf8_slice_codeunits(
        pc.cast(table["date"], pa.string()), 0, 7))
    for month in pc.unique(months).to_pylist():
        part = table.filter(pc.equal(months, month))
        with _opened(fs, f"{root}/clusters/month={month}/part-{bucket:05d}.parquet") as fh:
            pq.write_table(part.cast(CLUSTERS), fh)


# Files ---------------------------------------------------------------------------------

def _bucket(key: str, buckets: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % buckets  # the same in every process, unlike hash()


def _month(day: dt.date | None) -> str:
    return day.isoformat()[:7] if day else UNKNOWN_MONTH


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _work(root: str, kind: str, bucket: int) -> str:
    return f"{root}/_work/{kind}/bucket={bucket:05d}"


@contextmanager
def _opened(fs, path: str):
    fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
    with fs.open(path, "wb") as fh:
        yield fh


def _write(fs, path: str, rows: list[dict], schema: pa.Schema) -> None:
    with _opened(fs, path) as fh:
        pq.write_table(pa.Table.from_pylist(rows, schema), fh)


def _read_rows(fs, path: str) -> list[dict[str, Any]]:
    with fs.open(path, "rb") as fh:
        return pq.read_table(fh).to_pylist()


def _read_work(fs, root: str, kind: str, bucket: int) -> Iterator[dict[str, Any]]:
    for path in sorted(fs.glob(f"{_work(root, kind, bucket)}/*.parquet")):
        yield from _read_rows(fs, path)


def _scratch_store():
    """An empty in-memory store with marsad's schema; foreign keys off, since it holds
    only the rows one bucket needs (actor ids point into other buckets' stores)."""
    conn = connect(":memory:")
    conn.execute("PRAGMA foreign_keys = OFF")
    return conn
