"""The polling loop: read each feed, fetch every new or pending link once, store it.

State lives in the store's ``watch_feeds`` (one row per feed) and ``watch_pages`` (one
row per article address seen) tables. An article is ingested (a transaction) before its
address is recorded (another): a crash in between fetches it once more and the ingest
finds it unchanged. A feed's validators are saved only once all its entries are handled,
so a crash mid-feed rereads the listing and skips what is recorded. A restart thus
neither loses nor duplicates.
"""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from marsad.ingest import ingest_articles
from marsad.io.readers import DecodeError
from marsad.model import Article
from marsad.store import StoreError, connect
from marsad.store.db import explain
from marsad.watch.addresses import AddressPolicy, article_id, canonical_url, site
from marsad.watch.feeds import Feed
from marsad.watch.fetch import (
    MAX_REDIRECTS,
    USER_AGENT,
    Fetched,
    Fetcher,
    FetchError,
    decode_page,
    guarded_client,
    header_charset,
)
from marsad.watch.listing import Listing, ListingError, read_listing
from marsad.watch.page import Page, body_without_title, extract_page, text_hash

MAX_ATTEMPTS = 5  # polls an article page is tried on before it is given up
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, "
               "*/*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass
class WatchSummary:
    rounds: int = 0
    polled: int = 0  # listings read (200)
    not_modified: int = 0  # listings unchanged (304)
    links: int = 0  # article links listed
    known: int = 0  # links skipped: fetched before
    fetched: int = 0  # article pages downloaded
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0  # pages whose text is stored already under another address
    events: int = 0
    errors: list[str] = field(default_factory=list)
    interrupted: bool = False

    def line(self) -> str:
        return (
            f"marsad watch: {_count(self.rounds, 'round')}, {_count(self.polled, 'listing')} read, "
            f"{self.not_modified} not modified, {_count(self.links, 'link')} ({self.known} known), "
            f"{_count(self.fetched, 'page')} fetched, {_count(self.new, 'new article')}, "
            f"{_count(self.duplicates, 'duplicate')}, {_count(self.events, 'event')}, "
            f"{_count(len(self.errors), 'error')}"
        )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _log_to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def watch(
    feeds: Iterable[Feed],
    db: str | os.PathLike | None = None,
    *,
    once: bool = False,
    interval: float = 600.0,
    client: httpx.Client | None = None,
    per_host_delay: float = 1.0,
    timeout: float = 10.0,
    retries: int = 2,
    backoff: float = 1.0,
    max_redirects: int = MAX_REDIRECTS,
    user_agent: str = USER_AGENT,
    log: Callable[[str], None] = _log_to_stderr,
    conn: sqlite3.Connection | None = None,
    stop: threading.Event | None = None,
    allow_hosts: Iterable[str] = (),
) -> WatchSummary:
    """Poll every feed, fetch and store new articles; once, or every ``interval`` seconds
    until ``stop`` is set or the process is interrupted (Ctrl-C returns the summary so far).

    Only public addresses are fetched, and those of the hosts in ``allow_hosts`` (the
    feeds file's ``allow`` line). ``client`` (an :class:`httpx.Client`) is made when not
    given; ``backoff`` is the first pause before a retry, doubled for each next one.
    """
    feeds = list(feeds)
    if not once and interval <= 0:
        raise ValueError("interval must be more than zero")
    summary = WatchSummary()
    stop = stop or threading.Event()
    own_conn, own_client = conn is None, client is None
    conn = conn or connect(db)
    policy = AddressPolicy(allow_hosts)
    client = client or guarded_client(policy, user_agent)
    fetcher = Fetcher(client, per_host_delay=per_host_delay, timeout=timeout, retries=retries, backoff=backoff,
                      user_agent=user_agent, log=log, policy=policy, max_redirects=max_redirects)
    try:
        _register(conn, feeds)
        while True:
            started = time.monotonic()
            summary.rounds += 1
            try:
                for feed in feeds:
                    _FeedPoll(conn, fetcher, feed, summary, log).run()
            except (StoreError, sqlite3.Error) as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                problem = exc if isinstance(exc, StoreError) else explain(exc, _db_path(conn))
                if once:
                    raise problem from None
                # Another writer holding the store too long must not end a watch that
                # runs for days; what was not stored is fetched again next round.
                summary.errors.append(str(problem))
                log(f"{problem}; will retry on the next poll")
            if once or stop.is_set():
                break
            pause = max(0.0, interval - (time.monotonic() - started))
            log(f"next poll in {pause:.0f}s")
            if stop.wait(pause):
                break
    except KeyboardInterrupt:
        summary.interrupted = True
        log("interrupted; everything fetched so far is stored")
    except sqlite3.Error as exc:
        raise explain(exc, _db_path(conn)) from None
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if own_client:
            client.close()
        if own_conn:
            conn.close()
    return summary


def _db_path(conn: sqlite3.Connection) -> Path:
    row = conn.execute("PRAGMA database_list").fetchone()
    return Path(row[2] if row else "database")


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _register(conn: sqlite3.Connection, feeds: list[Feed]) -> None:
    with _transaction(conn):
        conn.executemany(
            "INSERT INTO watch_feeds(url, source, country) VALUES (?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET source = excluded.source, country = excluded.country",
            [(f.url, f.source, f.country) for f in feeds],
        )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class _FeedPoll:
    """One poll of one feed: read the listing, take every new or pending link, save state."""

    def __init__(self, conn, fetcher: Fetcher, feed: Feed, summary: WatchSummary, log) -> None:
        self.conn, self.fetcher, self.feed, self.summary, self.log = conn, fetcher, feed, summary, log
        self.errors = 0
        self.new = self.events = 0

    def run(self) -> None:
        try:
            self._poll()
        except (sqlite3.Error, StoreError):
            raise
        except Exception as exc:  # a bug or surprise in one feed never stops the others
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._feed_failed(f"unexpected {type(exc).__name__}: {exc}", None)

    def _poll(self) -> None:
        feed = self.feed
        row = self.conn.execute("SELECT etag, last_modified FROM watch_feeds WHERE url = ?", (feed.url,)).fetchone()
        headers = {"Accept": FEED_ACCEPT, "Accept-Language": "ar"}
        etag, last_modified = row if row else (None, None)
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            response = self.fetcher.get(feed.url, headers)
            kind, listings = self._listing(response)
        except (FetchError, ListingError) as exc:
            self._feed_failed(str(exc), getattr(exc, "status", None))
            return
        for listing in self._todo(listings):
            try:
                self._take(listing)
            except (sqlite3.Error, StoreError):
                raise
            except Exception as exc:  # a surprise in one page never stops the feed
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                self._page_failed(canonical_url(listing.url), listing, f"unexpected {type(exc).__name__}: {exc}",
                                  permanent=False)
        self._save(response, kind)
        state = "not modified" if response.status == 304 else _count(len(listings), "link")
        errors = f", {_count(self.errors, 'error')}" if self.errors else ""
        self.log(f"{feed.url}: {state}, {_count(self.new, 'new article')}, {_count(self.events, 'event')}{errors}")

    def _listing(self, response: Fetched) -> tuple[str | None, list[Listing]]:
        if response.status == 304:
            self.summary.not_modified += 1
            return None, []
        if not response.body.strip():
            raise ListingError("empty answer")
        content_type = response.headers.get("content-type", "").lower()
        try:
            text = decode_page(response.body, header_charset(response.headers))
        except DecodeError as exc:
            raise ListingError(f"undecodable: {exc}") from None
        kind, listings = read_listing(text, content_type, response.url)
        self.summary.polled += 1
        self.summary.links += len(listings)
        return kind, listings

    def _todo(self, listings: list[Listing]) -> list[Listing]:
        """New links in listing order, then earlier failures due for another try."""
        todo: dict[str, Listing] = {}
        for listing in listings:
            key = canonical_url(listing.url)
            if key in todo:
                continue
            row = self.conn.execute("SELECT status FROM watch_pages WHERE url = ?", (key,)).fetchone()
            if row is not None and row[0] != "retry":
                self.summary.known += 1
                continue
            todo[key] = listing
        for row in self.conn.execute(
                "SELECT url, link, title, published FROM watch_pages WHERE feed_url = ? AND status = 'retry' "
                "ORDER BY rowid", (self.feed.url,)):
            url, link, title, published = row
            if url not in todo:
                todo[url] = Listing(link, title, dt.date.fromisoformat(published) if published else None)
        return list(todo.values())

    def _take(self, listing: Listing) -> None:
        key = canonical_url(listing.url)
        try:
            response = self.fetcher.get(listing.url, {"Accept": PAGE_ACCEPT, "Accept-Language": "ar"})
            self.summary.fetched += 1
            page = self._page(response)
        except FetchError as exc:
            self._page_failed(key, listing, exc.reason, permanent=exc.permanent)
            return
        except ValueError as exc:  # no text, not HTML: the page will not change its nature
            self._page_failed(key, listing, str(exc), permanent=True)
            return
        source = self.feed.source or site(listing.url)
        article = Article(
            id=article_id(source, listing.url),
            # The listing's headline and date are the outlet's own structured data; the
            # page's are scraped, so they only fill in what the listing lacks.
            title=listing.title or page.title or "",
            text=body_without_title(page.text, (listing.title, page.title)),
            published=listing.published or page.published,
            source=source,
            url=canonical_url(response.url),
            origin=listing.url,
        )
        digest = text_hash(article.text)
        twin = self.conn.execute(
            "SELECT article_id FROM watch_pages WHERE text_hash = ? AND status = 'ok' AND article_id != ? LIMIT 1",
            (digest, article.id)).fetchone()
        if twin is not None:
            self.summary.duplicates += 1
            self.log(f"{listing.url}: same text as article {twin[0]}; not stored twice")
            self._record(key, listing, "duplicate", twin[0], digest, response.url)
            return
        result = ingest_articles([article], conn=self.conn, home_country=self.feed.country)
        if result.errors:
            self._page_failed(key, listing, "; ".join(result.errors), permanent=False)
            return
        self.summary.new += result.new
        self.summary.updated += result.updated
        self.summary.unchanged += result.unchanged
        self.summary.events += result.events
        self.new += result.new
        self.events += result.events
        self._record(key, listing, "ok", article.id, digest, response.url)
        self.log(f"{listing.url}: stored {article.title!r} ({article.published or 'no date'}, "
                 f"{_count(result.events, 'event')})")

    def _page(self, response: Fetched) -> Page:
        if response.status == 304 or not response.body.strip():
            raise FetchError("empty answer")
        content_type = response.headers.get("content-type", "").lower()
        if content_type and "html" not in content_type and "xml" not in content_type and "text" not in content_type:
            raise ValueError(f"not a web page (Content-Type: {content_type})")
        try:
            html = decode_page(response.body, header_charset(response.headers))
        except DecodeError as exc:
            raise ValueError(f"undecodable page: {exc}") from None
        return extract_page(html, response.url)

    def _record(self, key: str, listing: Listing, status: str, article: str | None, digest: str | None,
                final_url: str) -> None:
        values = (listing.url, self.feed.url, status, article, digest, listing.title,
                  listing.published.isoformat() if listing.published else None, _now())
        with _transaction(self.conn):
            self.conn.execute(
                "INSERT INTO watch_pages(url, link, feed_url, status, article_id, text_hash, title, published, "
                "attempts, last_error, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, NULL, ?) "
                "ON CONFLICT(url) DO UPDATE SET status = excluded.status, article_id = excluded.article_id, "
                "text_hash = excluded.text_hash, attempts = attempts + 1, last_error = NULL, "
                "fetched_at = excluded.fetched_at",
                (key, *values),
            )
            # The address redirected to is known too, so a later link to it is not fetched again.
            self.conn.execute(
                "INSERT INTO watch_pages(url, link, feed_url, status, article_id, text_hash, title, published, "
                "attempts, last_error, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, NULL, ?) "
                "ON CONFLICT(url) DO NOTHING",
                (canonical_url(final_url), *values),
            )

    def _page_failed(self, key: str, listing: Listing, reason: str, *, permanent: bool) -> None:
        with _transaction(self.conn):
            row = self.conn.execute("SELECT attempts FROM watch_pages WHERE url = ?", (key,)).fetchone()
            attempts = (row[0] if row else 0) + 1
            status = "failed" if permanent or attempts >= MAX_ATTEMPTS else "retry"
            self.conn.execute(
                "INSERT INTO watch_pages(url, link, feed_url, status, title, published, attempts, last_error, "
                "fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET status = excluded.status, "
                "attempts = excluded.attempts, last_error = excluded.last_error, fetched_at = excluded.fetched_at",
                (key, listing.url, self.feed.url, status, listing.title,
                 listing.published.isoformat() if listing.published else None, attempts, reason, _now()),
            )
        if status == "retry":
            outcome = f"will retry on the next poll (attempt {attempts} of {MAX_ATTEMPTS})"
        elif permanent:
            outcome = "skipped"
        else:
            outcome = f"given up after {attempts} attempts"
        self._error(f"{listing.url}: {reason}; {outcome}")

    def _feed_failed(self, reason: str, status: int | None) -> None:
        self._error(f"{self.feed.url}: {reason}; will retry on the next poll")
        now = _now()
        with _transaction(self.conn):
            self.conn.execute(
                "UPDATE watch_feeds SET last_polled = ?, last_status = 'error', http_status = ?, last_error = ?, "
                "polls = polls + 1, errors = errors + ? WHERE url = ?",
                (now, status, reason, self.errors, self.feed.url),
            )

    def _save(self, response: Fetched, kind: str | None) -> None:
        now = _now()
        with _transaction(self.conn):
            if response.status == 304:
                self.conn.execute(
                    "UPDATE watch_feeds SET last_polled = ?, last_ok = ?, last_status = 'not_modified', "
                    "http_status = 304, last_error = NULL, polls = polls + 1, errors = errors + ? WHERE url = ?",
                    (now, now, self.errors, self.feed.url))
            else:
                self.conn.execute(
                    "UPDATE watch_feeds SET kind = ?, etag = ?, last_modified = ?, last_polled = ?, last_ok = ?, "
                    "last_status = 'ok', http_status = ?, last_error = NULL, polls = polls + 1, errors = errors + ? "
                    "WHERE url = ?",
                    (kind, response.headers.get("etag"), response.headers.get("last-modified"), now, now,
                     response.status, self.errors, self.feed.url))

    def _error(self, message: str) -> None:
        self.errors += 1
        self.summary.errors.append(message)
        self.log(message)
