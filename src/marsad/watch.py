"""Watching live news: poll feeds and section pages, fetch new articles, store their events.

The front of the pipeline for news as it is published: a feed (RSS or Atom) or a news
section page (``/politics``) lists article links; every link not seen before is
fetched once, its main text and metadata are extracted with trafilatura (navigation,
related-news boxes and footers dropped), and the article goes through
:func:`marsad.store.ingest_articles` like any other input.

A feeds file lists what to watch, one feed a line: the address, then optionally the
outlet's source id and its home country (ISO 3166-1 alpha-3), separated by a TAB::

    # Kuwait News Agency, local news
    https://www.kuna.net.kw/rss/local.xml	kuna	KWT
    https://wam.ae/ar/rss/politics	wam
    https://suna-sd.net/ar/politics	-	SDN

>>> parse_interval("10m"), parse_interval("1h30m"), parse_interval("45")
(600.0, 5400.0, 45.0)

The watcher is polite (a User-Agent, conditional requests with the ETag and
Last-Modified a server gave, a pause between requests to one host, backoff on server
errors) and robust: a failure is logged and counted, never stops the other feeds, and
what can succeed later (a timeout, a 5xx, a truncated answer) is retried on the next
poll, up to :data:`MAX_ATTEMPTS` times for an article.

Its state lives in the store, in two tables of its own (:data:`SCHEMA`):
``watch_feeds`` (one row per feed) and ``watch_pages`` (one row per article address
seen). An article is ingested (a transaction) before its address is recorded (another):
a crash in between fetches it once more and the ingest finds it unchanged. A feed's
validators are saved only once all its entries are handled, so a crash mid-feed rereads
the listing and skips what is recorded. A restart thus neither loses nor duplicates.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import os
import re
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

import httpx

from marsad import __version__
from marsad.io.readers import DecodeError, decode_bytes
from marsad.lexicon import read_rows
from marsad.model import Article
from marsad.store import StoreError, connect, ingest_articles
from marsad.store.db import explain

USER_AGENT = f"marsad/{__version__} (+https://pypi.org/project/marsad/)"
MAX_ATTEMPTS = 5  # polls an article page is tried on before it is given up
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 2**20  # a bigger answer is not a news page or feed
MAX_RETRY_AFTER = 60.0  # seconds: a server asking for a longer pause is retried next poll
DEADLINE_FACTOR = 3  # a whole answer may take this many timeouts (a server dripping bytes)
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_feeds (
    url           TEXT PRIMARY KEY,
    source        TEXT,
    country       TEXT,
    kind          TEXT,                  -- rss | atom | html: what the last listing was
    etag          TEXT,                  -- validators for conditional requests
    last_modified TEXT,
    last_polled   TEXT,                  -- ISO 8601, UTC
    last_ok       TEXT,                  -- last poll that read the listing or got 304
    last_status   TEXT,                  -- ok | not_modified | error
    http_status   INTEGER,
    last_error    TEXT,
    polls         INTEGER NOT NULL DEFAULT 0,
    errors        INTEGER NOT NULL DEFAULT 0   -- failures of the feed and of its pages
);
CREATE TABLE IF NOT EXISTS watch_pages (
    url        TEXT PRIMARY KEY,         -- canonical address (see canonical_url)
    link       TEXT NOT NULL,            -- the address as listed, fetched on a retry
    feed_url   TEXT NOT NULL,            -- the feed that listed it first
    status     TEXT NOT NULL,            -- ok | duplicate | retry | failed
    article_id TEXT,                     -- the stored article (a duplicate: the earlier one)
    text_hash  TEXT,                     -- sha256 of the extracted body text
    title      TEXT,                     -- the listing's title and date, kept for retries
    published  TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    fetched_at TEXT
);
CREATE INDEX IF NOT EXISTS watch_pages_feed ON watch_pages(feed_url, status);
CREATE INDEX IF NOT EXISTS watch_pages_text ON watch_pages(text_hash);
"""

# Analytics parameters name the campaign that brought a reader, not the article.
_TRACKING_PARAM = re.compile(r"utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|at_\w+|ocid", re.I)
# A story link carries a story number or a date (/news/41235.html, /article/bz8k2p1-2025-01-14)
# or a headline slug (/2025/01/عبدالله-بن-زايد-يلتقي); section and menu links carry neither.
_ARTICLE_PATH = re.compile(r"\d{4,}|[^/]+-[^/]+-[^/]+")
_NOT_A_PAGE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp3|mp4|zip|css|js|xml|rss)$", re.I)
# Page furniture, not the listing: menus, header, footer, side boxes.
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
_FURNITURE_CLASS = re.compile(r"\b(?:nav|navbar|menu|topmenu|breadcrumbs?|sidebar|footer)\b", re.I)
_DECLARED_CHARSET = re.compile(rb"""<\?xml[^>]*encoding=["']([\w.:-]+)|<meta[^>]*charset=["']?([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(r"""(<\?xml[^>]*encoding=)(["'])[\w.:-]+\2""", re.I)
_INTERVAL_PART = re.compile(r"(\d+(?:\.\d+)?)([smh]?)", re.I)
_INTERVAL_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600}
_SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


# --- the feeds file -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Feed:
    """One thing to watch: a feed or a section page, with its outlet's id and country."""

    url: str
    source: str | None = None
    country: str | None = None


class FeedsFileError(ValueError):
    """A feeds file with bad lines; ``problems`` holds one ``path:line: why`` per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def load_feeds(path: str | os.PathLike) -> list[Feed]:
    """The feeds listed in ``path``; raises :class:`FeedsFileError` naming every bad line.

    A line is ``URL [source-id [country]]``, TAB-separated (spaces work too, since no
    column holds one); ``-`` leaves a source id out; ``#`` starts a comment.
    """
    path = Path(path)
    try:
        text = decode_bytes(path.read_bytes())
    except OSError as exc:
        raise FeedsFileError([f"{path}: cannot read: {exc.strerror or exc}"]) from None
    except DecodeError as exc:
        raise FeedsFileError([f"{path}: {exc}"]) from None
    countries = _country_codes()
    feeds: list[Feed] = []
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        columns = re.sub(r"(?:^|\s)#.*", "", raw).split()
        if not columns:
            continue
        where = f"{path}:{number}"
        try:
            feed = _feed_line(columns, countries)
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
            continue
        key = canonical_url(feed.url)
        if key in first_line:
            problems.append(f"{where}: {feed.url} is already listed on line {first_line[key]}")
            continue
        first_line[key] = number
        feeds.append(feed)
    if problems:
        raise FeedsFileError(problems)
    if not feeds:
        raise FeedsFileError([f"{path}: no feeds listed"])
    return feeds


def _feed_line(columns: list[str], countries: frozenset[str]) -> Feed:
    if len(columns) > 3:
        raise ValueError(f"expected URL [source-id [country]], found {len(columns)} columns")
    url, source, country = (columns + [None, None])[:3]
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) address: {url!r}")
    if source == "-":
        source = None
    if source is not None and not _SOURCE_ID.fullmatch(source):
        raise ValueError(f"bad source id {source!r} (letters, digits, '.', '_' and '-')")
    if country is not None:
        country = country.upper()
        if country not in countries:
            raise ValueError(f"unknown country code {country!r} (expected ISO 3166-1 alpha-3, e.g. KWT)")
    return Feed(url, source, country)


def _country_codes() -> frozenset[str]:
    return frozenset(row[0] for row in read_rows("countries.tsv"))


def parse_interval(value: str) -> float:
    """Seconds in ``"90"``, ``"30s"``, ``"10m"``, ``"1h"`` or ``"1h30m"``; ``ValueError`` else."""
    text = value.strip().replace(" ", "")
    parts = list(_INTERVAL_PART.finditer(text))
    # "1h30" could mean 30 minutes or 30 seconds: only a lone number goes without a unit.
    unitless = len(parts) > 1 and any(not p.group(2) for p in parts)
    if not text or unitless or "".join(p.group(0) for p in parts) != text:
        raise ValueError(f"bad interval {value!r} (expected e.g. 90, 30s, 10m, 1h or 1h30m)")
    seconds = sum(float(p.group(1)) * _INTERVAL_UNITS[p.group(2).lower()] for p in parts)
    if seconds <= 0:
        raise ValueError(f"bad interval {value!r}: must be more than zero")
    return seconds


# --- addresses and ids ----------------------------------------------------------------


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment,
    no tracking parameters, the other parameters sorted, percent-escapes normalised.

    >>> canonical_url("HTTPS://WWW.Kuna.net.kw:443/ArticleDetails.aspx?language=ar&id=3201001&utm_source=rss#top")
    'https://www.kuna.net.kw/ArticleDetails.aspx?id=3201001&language=ar'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=~") or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_PARAM.fullmatch(k))
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def article_id(source: str | None, url: str) -> str:
    """``source:`` and a hash of the canonical address: stable across polls and restarts.

    >>> article_id("kuna", "https://www.kuna.net.kw/ArticleDetails.aspx?id=3201001&language=ar")
    'kuna:44f71f035a2a2bfb'
    """
    digest = hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()[:16]
    return f"{source or _site(url)}:{digest}"


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


# --- fetching -------------------------------------------------------------------------


class FetchError(Exception):
    """A request that failed: ``retry_now`` (a 5xx, a timeout) is retried with backoff in
    this poll; anything not ``permanent`` (a 404 is) is tried again on the next poll."""

    def __init__(self, reason: str, *, status: int | None = None, retry_now: bool = False,
                 permanent: bool = False, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_now = retry_now
        self.permanent = permanent
        self.retry_after = retry_after


@dataclass(slots=True)
class Fetched:
    """An answer, its body read only for a 2xx."""

    url: str  # after redirects
    status: int
    headers: httpx.Headers
    body: bytes = b""


class Fetcher:
    """GET with politeness: a pause between requests to one host, timeouts, retries with
    exponential backoff for server errors and timeouts (never for 4xx), a redirect cap."""

    def __init__(self, client: httpx.Client, *, per_host_delay: float, timeout: float, retries: int,
                 backoff: float, user_agent: str, log: Callable[[str], None],
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.per_host_delay = per_host_delay
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.user_agent = user_agent
        self.log = log
        self.sleep = sleep
        self.clock = clock
        self._last_request: dict[str, float] = {}

    def get(self, url: str, headers: dict[str, str]) -> Fetched:
        """The answer (2xx or 304) to GET ``url``; :class:`FetchError` for anything else."""
        attempt = 0
        while True:
            try:
                return self._checked(self._request(url, headers))
            except FetchError as exc:
                if not exc.retry_now or attempt >= self.retries:
                    raise
                pause = self.backoff * 2**attempt
                if exc.retry_after is not None:
                    if exc.retry_after > MAX_RETRY_AFTER:
                        raise
                    pause = max(pause, exc.retry_after)
                attempt += 1
                self.log(f"{url}: {exc.reason}; retry {attempt} of {self.retries} in {pause:g}s")
                self.sleep(pause)

    def _request(self, url: str, headers: dict[str, str]) -> Fetched:
        host = (urlsplit(url).hostname or "").lower()
        self._wait_turn(host)
        started = self.clock()
        try:
            with self.client.stream("GET", url, headers={"User-Agent": self.user_agent, **headers},
                                    timeout=self.timeout, follow_redirects=True) as answer:
                response = Fetched(str(answer.url), answer.status_code, answer.headers)
                if answer.status_code // 100 == 2:
                    response.body = self._read_body(answer, started)
                return response
        except httpx.TooManyRedirects:
            max_redirects = getattr(self.client, "max_redirects", MAX_REDIRECTS)
            raise FetchError(f"redirect loop (more than {max_redirects} redirects)") from None
        except httpx.TimeoutException as exc:
            raise FetchError(f"no answer within {self.timeout:g}s ({type(exc).__name__})", retry_now=True) from None
        except httpx.RemoteProtocolError as exc:
            raise FetchError(f"truncated or malformed answer: {exc}", retry_now=True) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(f"bad address: {exc}", permanent=True) from None
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise FetchError(f"connection failed: {type(exc).__name__}: {exc}", retry_now=True) from None
        finally:
            self._last_request[host] = self.clock()

    def _read_body(self, answer: httpx.Response, started: float) -> bytes:
        chunks, size = [], 0
        for chunk in answer.iter_bytes():
            size += len(chunk)
            if size > MAX_BYTES:
                raise FetchError(f"answer larger than {MAX_BYTES // 2**20} MB", permanent=True)
            if self.clock() - started > DEADLINE_FACTOR * self.timeout:
                raise FetchError(f"answer still arriving after {DEADLINE_FACTOR * self.timeout:g}s", retry_now=True)
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.per_host_delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    @staticmethod
    def _checked(response: Fetched) -> Fetched:
        status = response.status
        if status // 100 == 2 or status == 304:
            return response
        reason = f"HTTP {status} {httpx.codes.get_reason_phrase(status)}".rstrip()
        retry_after = _retry_after(response.headers.get("Retry-After"))
        if status >= 500:
            raise FetchError(reason, status=status, retry_now=True, retry_after=retry_after)
        # A page that is gone stays gone; other refusals (403, 429) may be lifted later.
        raise FetchError(reason, status=status, permanent=status in (404, 410))


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None  # the HTTP-date form: fall back to our own backoff


# --- decoding and parsing ---------------------------------------------------------------


def decode_page(body: bytes, declared: str | None = None) -> str:
    """The text of a page or feed: in its declared charset (the HTTP header, else the XML
    declaration or ``<meta charset>``) when that reads it, else as detected by
    :func:`~marsad.io.readers.decode_bytes`.

    Older Arab news sites serve Windows-1256 without saying so, or under a server default
    of ISO-8859-1, which "reads" every byte: Arabic read that way is accented Latin
    letters (ÇáßæíÊ for الكويت), so such a reading is rejected.

    >>> decode_page("استقبل وزير الخارجية".encode("cp1256"), "iso-8859-1")
    'استقبل وزير الخارجية'
    """
    declared = declared or _sniff_charset(body)
    if declared and not body.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            text = body.decode(declared)
        except (LookupError, UnicodeDecodeError):
            text = None
        if text is not None and not _misread_arabic(text):
            return text
    return decode_bytes(body)


def _sniff_charset(body: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(body[:2048])
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def _misread_arabic(text: str) -> bool:
    latin = sum(1 for c in text if "\u00c0" <= c <= "\u00ff")
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    return latin > arabic


@dataclass(slots=True)
class Listing:
    """An article link found in a feed or section page, with what the listing says of it."""

    url: str
    title: str | None = None
    published: dt.date | None = None


class ListingError(Exception):
    """A feed or section page that lists nothing usable."""


def read_listing(text: str, content_type: str, url: str) -> tuple[str, list[Listing]]:
    """``(kind, links)`` of a feed (``rss``/``atom``) or a section page (``html``)."""
    head = text.lstrip("\ufeff \t\r\n")[:1024].lower()
    if "<rss" in head or "<feed" in head or "<rdf:rdf" in head or (head.startswith("<?xml") and "<html" not in head):
        return _feed_listing(text, url)
    if "<html" in head or "<!doctype html" in head or "html" in content_type:
        return "html", _section_links(text, url)
    if "xml" in content_type:
        return _feed_listing(text, url)
    raise ListingError(f"neither a feed nor a web page (Content-Type: {content_type or 'none'})")


def _feed_listing(text: str, url: str) -> tuple[str, list[Listing]]:
    import feedparser  # imported here: the dashboard reads feed_status without it

    # The text is already decoded, so its declaration must not make feedparser re-decode it.
    data = _XML_ENCODING.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")
    parsed = feedparser.parse(data, response_headers={"content-type": "application/xml; charset=utf-8",
                                                      "content-location": url})
    kind = "atom" if parsed.version.startswith("atom") else "rss"
    listings = []
    for entry in parsed.entries:
        link = entry.get("link") or (entry.get("id") if entry.get("guidislink") else None)
        if not link or urlsplit(link).scheme not in ("http", "https"):
            continue
        listings.append(Listing(link, (entry.get("title") or "").strip() or None, _entry_date(entry)))
    if parsed.bozo and not listings:
        raise ListingError(f"malformed feed: {_bozo_reason(parsed.bozo_exception)}")
    if not listings and not parsed.version:
        raise ListingError("not a feed: no RSS or Atom elements")
    return kind, listings


def _bozo_reason(exc: Exception) -> str:
    line = getattr(exc, "getLineNumber", None)
    where = f" at line {line()}" if callable(line) else ""
    return f"{exc.getMessage() if hasattr(exc, 'getMessage') else exc}{where}"


def _entry_date(entry: Any) -> dt.date | None:
    """The entry's date as the outlet wrote it.

    feedparser's parsed dates are converted to UTC, which moves a story posted at 00:40
    Kuwait time (+0300) to the day before; relative dates in the story (أمس, yesterday)
    count from the outlet's own calendar day, so the written offset is kept.
    """
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return dt.datetime.fromisoformat(raw.strip()).date()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _section_links(text: str, url: str) -> list[Listing]:
    """The story links of a news section page, in page order, without its menus, header,
    footer and side boxes."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception as exc:  # lxml raises bare ParserError/ValueError on unreadable input
        raise ListingError(f"unreadable HTML: {exc}") from None
    host = (urlsplit(url).hostname or "").lower()
    here = canonical_url(url)
    seen: set[str] = set()
    links = []
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or _in_furniture(anchor):
            continue
        link = urljoin(url, href)
        parts = urlsplit(link)
        if parts.scheme not in ("http", "https") or (parts.hostname or "").lower() != host:
            continue
        key = canonical_url(link)
        if key == here or key in seen or _NOT_A_PAGE.search(parts.path):
            continue
        if not _ARTICLE_PATH.search(unquote(parts.path) + "?" + parts.query):
            continue
        seen.add(key)
        links.append(Listing(link, anchor.text_content().strip() or None))
    if not links:
        raise ListingError("no article links found on the page")
    return links


def _in_furniture(element: Any) -> bool:
    ancestors = list(element.iterancestors())
    # A story card's own <header> or <footer> (<article><header><h2><a>) holds its link.
    in_story = any(node.tag == "article" for node in ancestors)
    for node in ancestors:
        if node.tag == "article":
            return False
        if node.tag in ("nav", "aside") or node.get("role") == "navigation":
            return True
        if not in_story and (node.tag in _FURNITURE_TAGS
                             or _FURNITURE_CLASS.search(f"{node.get('class', '')} {node.get('id', '')}")):
            return True
    return False


@dataclass(slots=True)
class Page:
    title: str | None
    text: str
    published: dt.date | None


def extract_page(html: str, url: str) -> Page:
    """The main text and metadata of an article page (trafilatura); ``ValueError`` when
    the page holds no article text."""
    import trafilatura  # imported here: slow to import, and only the watcher needs it

    # No extensive date search: it guesses from any number in the page (a copyright
    # year becomes 1 January); a missing date is better, the listing's is used instead.
    out = trafilatura.extract(html, url=url, output_format="json", with_metadata=True, include_comments=False,
                              date_extraction_params={"extensive_search": False, "original_date": True})
    data = json.loads(out) if out else {}
    text = (data.get("text") or "").strip()
    if not text:
        raise ValueError("no article text found on the page")
    try:
        published = dt.date.fromisoformat((data.get("date") or "")[:10])
    except ValueError:
        published = None
    return Page((data.get("title") or "").strip() or None, text, published)


def _body_without_title(text: str, titles: Iterable[str | None]) -> str:
    """Some pages repeat the headline as the body's first line; the title has it already."""
    first, _, rest = text.partition("\n")
    if any(t and _squash(t) == _squash(first) for t in titles):
        return rest.strip()
    return text


def _squash(text: str) -> str:
    return " ".join(text.split())


def _text_hash(text: str) -> str:
    return hashlib.sha256(_squash(text).encode("utf-8")).hexdigest()


# --- the watcher ------------------------------------------------------------------------


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
            f"{_count(self.duplicates, 'duplicate')}, {_count(self.events, 'event')}, {_count(len(self.errors), 'error')}"
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
) -> WatchSummary:
    """Poll every feed, fetch and store new articles; once, or every ``interval`` seconds
    until ``stop`` is set or the process is interrupted (Ctrl-C returns the summary so far).

    ``client`` (an :class:`httpx.Client`) is made when not given, with ``max_redirects``;
    ``backoff`` is the first pause before a retry, doubled for each next one.
    """
    feeds = list(feeds)
    if not once and interval <= 0:
        raise ValueError("interval must be more than zero")
    summary = WatchSummary()
    stop = stop or threading.Event()
    own_conn, own_client = conn is None, client is None
    conn = conn or connect(db)
    client = client or httpx.Client(max_redirects=max_redirects, headers={"User-Agent": user_agent})
    fetcher = Fetcher(client, per_host_delay=per_host_delay, timeout=timeout, retries=retries, backoff=backoff,
                      user_agent=user_agent, log=log)
    try:
        ensure_schema(conn)
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


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the watcher's tables if they are missing."""
    conn.executescript(SCHEMA)


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
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


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
            text = decode_page(response.body, _header_charset(response.headers))
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
        source = self.feed.source or _site(listing.url)
        article = Article(
            id=article_id(source, listing.url),
            # The listing's headline and date are the outlet's own structured data; the
            # page's are scraped, so they only fill in what the listing lacks.
            title=listing.title or page.title or "",
            text=_body_without_title(page.text, (listing.title, page.title)),
            published=listing.published or page.published,
            source=source,
            url=canonical_url(response.url),
            origin=listing.url,
        )
        digest = _text_hash(article.text)
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
            html = decode_page(response.body, _header_charset(response.headers))
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
                "INSERT INTO watch_pages(url, link, feed_url, status, title, published, attempts, last_error, fetched_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET status = excluded.status, "
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


def _header_charset(headers: httpx.Headers) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", headers.get("content-type", ""), re.I)
    return match.group(1) if match else None


# --- the dashboard's view ---------------------------------------------------------------


def feed_status(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Per watched feed: its last poll, status and error, and the articles and events it
    brought (counted in the store, so re-extraction and deletions show). ``[]`` when
    nothing was ever watched; works on a read-only connection."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'watch_feeds'").fetchone()
    if exists is None:
        return []
    cursor = conn.execute(
        """
        SELECT f.url, f.source, f.country, f.kind, f.last_polled, f.last_ok, f.last_status, f.http_status,
               f.last_error, f.polls, f.errors,
               (SELECT count(*) FROM articles a WHERE a.id IN
                    (SELECT article_id FROM watch_pages p WHERE p.feed_url = f.url AND p.status = 'ok')) AS articles,
               (SELECT count(*) FROM events e WHERE e.article_id IN
                    (SELECT article_id FROM watch_pages p WHERE p.feed_url = f.url AND p.status = 'ok')) AS events,
               (SELECT count(*) FROM watch_pages p WHERE p.feed_url = f.url AND p.status = 'retry') AS pending
        FROM watch_feeds f ORDER BY f.url
        """
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


__all__ = [
    "Feed",
    "FeedsFileError",
    "FetchError",
    "Fetcher",
    "WatchSummary",
    "article_id",
    "canonical_url",
    "decode_page",
    "ensure_schema",
    "extract_page",
    "feed_status",
    "load_feeds",
    "parse_interval",
    "read_listing",
    "watch",
]
