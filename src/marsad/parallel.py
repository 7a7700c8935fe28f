"""Extraction on every core: a stream of articles in, their extractions out, in input order.

Extraction is pure CPU work per article, so it scales with processes (threads would
share one interpreter lock). Each worker process loads the lexicon once, when it
starts; articles travel to the workers in chunks, and only a few chunks per worker are
in flight at any time, so a stream of any length is extracted in bounded memory. A
worker exits as soon as its parent process is gone, however the parent died.

>>> from marsad.model import Article
>>> art = Article("kuna-1", "", "استقبل وزير الخارجية الكويتي سفير تركيا لدى الكويت.")
>>> [(ex.events[0].type, sorted(ex.events[0].countries()), error)
...  for _item, ex, error in extract_parallel([art], workers=1)]
[('MEETING', ['KWT', 'TUR'], None)]

("The Kuwaiti foreign minister received the ambassador of Turkey to Kuwait.")
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from marsad.io.readers import ReadError
from marsad.lexicon import load_lexicon
from marsad.model import Article, Event, Extraction
from marsad.pipeline import extract_article

CHUNKS_IN_FLIGHT_PER_WORKER = 2  # one being extracted, one waiting: no worker idles between chunks

Result = tuple[Article | ReadError, Extraction | None, str | None]
# What a worker sends back for one article: its events, flags and home country (the
# article itself stays in the parent), or the error message.
_Found = tuple[list[Event], list[str], str | None] | str


def home_country_for(article: Article, home_country: str | None, overrides: Mapping[str, str] | None) -> str | None:
    """The home country given for every article, else the one given for its source
    (``overrides`` keys are lower-case source names), else ``None`` (inferred)."""
    return home_country or (overrides or {}).get((article.source or "").lower())


def extract_one(article: Article, home_country: str | None = None) -> tuple[Extraction | None, str | None]:
    """``(extraction, None)``, or ``(None, "TypeError: …")`` when extraction raised."""
    try:
        return extract_article(article, home_country=home_country), None
    except Exception as exc:  # one bad article never stops the batch
        return None, f"{type(exc).__name__}: {exc}"


def extract_parallel(
    items: Iterable[Article | ReadError],
    workers: int | None = None,
    *,
    chunk_size: int = 64,
    home_country: str | None = None,
    overrides: Mapping[str, str] | None = None,
) -> Iterator[Result]:
    """Yield ``(item, extraction, error)`` for every item, in input order.

    ``extraction`` is ``None`` for a :class:`ReadError` and for an article whose
    extraction raised, and ``error`` the exception (``"TypeError: …"``) for the latter
    only. ``workers=None`` uses every core; ``workers=1`` extracts in this
    process. Results are the same whatever the number of workers. ``home_country`` and
    ``overrides`` (lower-case source → country) are as in
    :func:`marsad.ingest.ingest_articles`.

    Worker processes are spawned, so a script calling this with several workers runs
    its work under ``if __name__ == "__main__":``. Closing the iterator early stops
    the workers after the chunks already in flight.
    """
    workers = (os.cpu_count() or 1) if workers is None else workers
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    if workers == 1:
        for item in items:
            if isinstance(item, ReadError):
                yield item, None, None
            else:
                yield (item, *extract_one(item, home_country_for(item, home_country, overrides)))
        return
    # "spawn": a fresh interpreter per worker is safe whatever threads the caller runs
    # (a web server, a Dask client); the lexicon is then loaded once in each.
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker)
    pending: deque[tuple[list[Article | ReadError], Future | None]] = deque()
    stream = iter(items)
    try:
        while chunk := list(islice(stream, chunk_size)):
            articles = [item for item in chunk if not isinstance(item, ReadError)]
            homes = [home_country_for(a, home_country, overrides) for a in articles]
            pending.append((chunk, pool.submit(_extract_chunk, articles, homes) if articles else None))
            if len(pending) >= CHUNKS_IN_FLIGHT_PER_WORKER * workers:
                yield from _chunk_results(*pending.popleft())
        while pending:
            yield from _chunk_results(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker() -> None:
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    load_lexicon()


def _exit_with_parent() -> None:
    """Wait for the parent to end, then end this worker: a parent killed with SIGKILL
    cannot tell its pool to stop, and a worker waiting for work would wait forever."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        parent.join()
        os._exit(1)


def _extract_chunk(articles: list[Article], homes: list[str | None]) -> list[_Found]:
    out: list[_Found] = []
    for article, home in zip(articles, homes, strict=True):
        extraction, error = extract_one(article, home)
        if extraction is None:
            assert error is not None  # extract_one gives an error whenever no extraction
            out.append(error)
        else:
            out.append((extraction.events, extraction.flags, extraction.home_country))
    return out


def _chunk_results(chunk: list[Article | ReadError], future: Future | None) -> Iterator[Result]:
    found = iter(future.result() if future is not None else ())
    for item in chunk:
        if isinstance(item, ReadError):
            yield item, None, None
            continue
        result = next(found)
        if isinstance(result, str):
            yield item, None, result
        else:
            yield item, Extraction(item, *result), None
