"""The feed watcher against a local news server: feeds, section pages, failures, restarts.

The fixture sites (tests/fixtures/watch/) are a KUNA-style RSS feed, a WAM-style Atom
feed and a SUNA-style politics section page, each story page wrapped in the menus,
related-news boxes and footers that extraction must drop; one SUNA page is in
Windows-1256 under a server's wrong ISO-8859-1 default. Other routes fail on purpose.
"""
from __future__ import annotations

import datetime as dt
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from marsad.store import connect
from marsad.store.feeds import feed_status
from marsad.watch import (
    AddressPolicy,
    AddressRefused,
    Feed,
    FeedsFileError,
    Fetcher,
    FetchError,
    canonical_url,
    decode_page,
    guarded_client,
    load_feeds,
    parse_interval,
    read_listing,
    watch,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "watch"
SLUG = "/suna/news/41236/%D8%A7%D8%AA%D9%81%D8%A7%D9%82%D9%8A%D8%A9-%D9%85%D9%86%D8%AD%D8%A9-%D9%82%D8%B7%D8%B1%D9%8A%D8%A9"
KUNA_ETAG = '"kuna-local-20250114-0040"'
WAM_MODIFIED = "Wed, 15 Jan 2025 06:30:00 GMT"
SLOW_SECONDS = 2.0
# The test server runs on this machine, which the watcher refuses unless a host is allowed.
FAST = dict(per_host_delay=0, timeout=0.5, retries=2, backoff=0.01, allow_hosts={"127.0.0.1"})


class NewsSite:
    """Every fixture outlet on one server, with a record of the requests it answered."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.headers: dict[str, list[dict[str, str]]] = {}
        self.truncate_jordan_call = True  # the WAM phone-call page arrives cut short until cleared
        self.lock = threading.Lock()
        handler = type("Handler", (_Handler,), {"site": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def fixture(self, name: str) -> bytes:
        return (FIXTURES / name).read_bytes().replace(b"{{BASE}}", self.base.encode("ascii"))

    def article_hits(self) -> Counter[str]:
        return Counter({p: n for p, n in self.hits.items() if "/article/" in p or "/news/" in p})


class _Handler(BaseHTTPRequestHandler):
    site: NewsSite

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        site = self.site
        path = self.path
        with site.lock:
            site.hits[path] += 1
            hit = site.hits[path]
            site.headers.setdefault(path, []).append(dict(self.headers))
        route = ROUTES.get(urlsplit(path).path)
        if route is None:
            self.answer(404, "<html><body><h1>404 - الصفحة غير موجودة</h1></body></html>".encode())
            return
        try:
            route(self, site, hit)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the watcher gave up on a slow answer

    def answer(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
               headers: dict[str, str] | None = None, length: int | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def redirect(self, location: str) -> None:
        self.answer(302, b"", headers={"Location": location})


def page(name: str, content_type: str = "text/html; charset=utf-8"):
    return lambda h, site, hit: h.answer(200, site.fixture(name), content_type)


def kuna_feed(h, site, hit):
    if h.headers.get("If-None-Match") == KUNA_ETAG:
        h.answer(304, content_type="", headers={"ETag": KUNA_ETAG})
    else:
        h.answer(200, site.fixture("kuna-rss.xml"), "application/rss+xml; charset=utf-8", {"ETag": KUNA_ETAG})


def wam_feed(h, site, hit):
    if h.headers.get("If-Modified-Since") == WAM_MODIFIED:
        h.answer(304, content_type="")
    else:
        h.answer(200, site.fixture("wam-atom.xml"), "application/atom+xml", {"Last-Modified": WAM_MODIFIED})


def server_error_once(h, site, hit):
    if hit == 1:
        h.answer(500, b"<h1>Internal Server Error</h1>")
    else:
        page("kuna-3201003.html")(h, site, hit)


def truncated_until_fixed(h, site, hit):
    body = site.fixture("wam-bz8k2p4.html")
    if site.truncate_jordan_call:
        h.answer(200, body[: len(body) // 2], length=len(body))  # the connection drops mid-page
    else:
        h.answer(200, body)


def redirect_loop(h, site, hit):
    h.redirect("/suna/news/41237.html" if "from=" in h.path else "/suna/news/41237.html?from=home")


def slow(h, site, hit):
    time.sleep(SLOW_SECONDS)
    h.answer(200, site.fixture("kuna-rss.xml"), "application/rss+xml")


ROUTES = {
    "/kuna/rss.xml": kuna_feed,
    "/kuna/article/3201001.html": page("kuna-3201001.html"),
    "/kuna/article/3201002.html": page("kuna-3201002.html"),
    "/kuna/article/3201003.html": server_error_once,
    "/wam/ar/atom.xml": wam_feed,
    "/wam/ar/article/bz8k2p1-2025-01-14": page("wam-bz8k2p1.html"),
    "/wam/ar/article/bz8k2p4-2025-01-15": truncated_until_fixed,
    "/wam/ar/article/bz8k2q0-2025-01-15": page("wam-bz8k2q0.html"),
    "/suna/politics.html": page("suna-politics.html"),
    # An old ASP site: Windows-1256 bytes, no <meta charset>, the server's Latin-1 default.
    "/suna/news/41235.html": page("suna-41235.cp1256.html", "text/html; charset=ISO-8859-1"),
    "/suna/news/41236.html": page("suna-41236.html"),
    SLUG: page("suna-41236.html"),
    "/suna/news/41237.html": redirect_loop,
    "/alwatan/rss.xml": page("broken-rss.xml", "application/rss+xml"),
    "/empty/rss.xml": lambda h, site, hit: h.answer(200, b"", "application/rss+xml"),
    "/loop/rss.xml": lambda h, site, hit: h.redirect("/loop/feed"),
    "/loop/feed": lambda h, site, hit: h.redirect("/loop/rss.xml"),
    "/down/rss.xml": lambda h, site, hit: h.answer(503, b"<h1>Service Unavailable</h1>"),
    "/slow/rss.xml": slow,
}

FEEDS = """\
# Feeds watched by the tests: three outlets, and feeds that fail in every way we know.
allow	127.0.0.1   # the test server
{base}/kuna/rss.xml	kuna	KWT
{base}/alwatan/rss.xml	alwatan	KWT
{base}/wam/ar/atom.xml	wam	ARE
{base}/empty/rss.xml	albayan	ARE
{base}/loop/rss.xml	alrai	KWT
{base}/suna/politics.html	suna	SDN   # a section page, no feed
{base}/gone/rss.xml	alahram	EGY
{base}/down/rss.xml	petra	JOR
{base}/slow/rss.xml	qna	QAT
"""


@pytest.fixture()
def site():
    news = NewsSite()
    news.thread.start()
    yield news
    news.server.shutdown()
    news.server.server_close()


@pytest.fixture()
def feeds_file(site, tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text(FEEDS.format(base=site.base), encoding="utf-8")
    return path


def run_once(feeds_file, db, log=None, **kwargs):
    messages = [] if log is None else log
    watchlist = load_feeds(feeds_file)
    options = {**FAST, "allow_hosts": watchlist.allow, **kwargs}
    summary = watch(watchlist.feeds, db, once=True, log=messages.append, **options)
    return summary, messages


def stored(db):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        articles = {r["url"]: dict(r) for r in conn.execute("SELECT id, url, title, text, published, source FROM articles")}
        for art in articles.values():
            art["events"] = sorted(
                (r["type"], r["countries"], r["date"])
                for r in conn.execute("SELECT type, countries, date FROM events WHERE article_id = ?", (art["id"],)))
        return articles
    finally:
        conn.close()


def test_watch_once_stores_new_articles_and_logs_every_failure(site, feeds_file, tmp_path):
    db = tmp_path / "m.db"
    summary, log = run_once(feeds_file, db)
    articles = stored(db)
    u = site.url

    # Every good story stored once, by its canonical address (no utm_ tracking).
    assert sorted(articles) == sorted([
        u("/kuna/article/3201001.html"), u("/kuna/article/3201002.html"), u("/kuna/article/3201003.html"),
        u("/wam/ar/article/bz8k2p1-2025-01-14"), u("/wam/ar/article/bz8k2q0-2025-01-15"),
        u("/suna/news/41235.html"), u("/suna/news/41236.html"),
    ])
    meeting = articles[u("/kuna/article/3201001.html")]
    assert meeting["title"] == "وزير الخارجية يستقبل سفيرة تركيا لدى البلاد"
    assert meeting["published"] == "2025-01-13"
    assert meeting["source"] == "kuna" and meeting["id"].startswith("kuna:")
    assert meeting["text"].startswith("الكويت - 13 - 1 (كونا) -- استقبل وزير الخارجية")
    for boilerplate in ("الرئيسية", "جميع الحقوق محفوظة", "أخبار ذات صلة", "عاجل", "dataLayer"):
        assert boilerplate not in meeting["text"]
    assert meeting["events"] == [("MEETING", "KWT,TUR", "2025-01-13")]

    # Posted at 00:40 Kuwait time: the outlet's day is the 14th (the 13th in UTC), so
    # "أمس" (yesterday) in the story is the 13th. The page itself carries no date.
    call = articles[u("/kuna/article/3201002.html")]
    assert call["published"] == "2025-01-14"
    assert call["events"] == [("PHONE_CALL", "FRA,KWT", "2025-01-13")]

    assert articles[u("/kuna/article/3201003.html")]["events"][0][:2] == ("MESSAGE", "KWT,OMN")
    assert articles[u("/wam/ar/article/bz8k2p1-2025-01-14")]["events"] == [("MEETING", "ARE,EGY", "2025-01-14")]
    assert articles[u("/wam/ar/article/bz8k2q0-2025-01-15")]["events"] == []

    # The Windows-1256 page under a wrong ISO-8859-1 header reads as Arabic, not ÇáÎÑØæã.
    saudi = articles[u("/suna/news/41235.html")]
    assert saudi["title"] == "وزير الخارجية يستقبل سفير المملكة العربية السعودية"
    assert "منبر جدة" in saudi["text"] and "Ç" not in saudi["text"]
    assert not saudi["text"].startswith(saudi["title"])  # the repeated headline is dropped
    assert saudi["published"] == "2025-01-12"
    assert saudi["events"] == [("MEETING", "SAU,SDN", "2025-01-11")]
    assert articles[u("/suna/news/41236.html")]["events"][0][:2] == ("AGREEMENT", "QAT,SDN")

    # The section page's menus, side box, pager and footer are not followed; its two
    # links to the grant story (photo and headline) are one article, by content hash.
    article_paths = set(site.article_hits())
    assert "/suna/news/40998.html" not in article_paths
    assert {"/suna/news/41236.html", SLUG} <= article_paths
    assert summary.duplicates == 1

    assert (summary.new, summary.not_modified, summary.polled) == (7, 0, 3)
    assert summary.events == sum(len(a["events"]) for a in articles.values())

    # Each failure logged with its reason and counted; none stopped the feeds after it.
    expected = {
        "/alwatan/rss.xml": "malformed feed: undefined entity at line 7",
        "/empty/rss.xml": "empty answer",
        "/loop/rss.xml": "redirect loop",
        "/gone/rss.xml": "HTTP 404 Not Found",
        "/down/rss.xml": "HTTP 503 Service Unavailable",
        "/slow/rss.xml": "no answer within 0.5s",
        "/kuna/article/3201004.html": "HTTP 404 Not Found; skipped",
        "/wam/ar/article/bz8k2p4-2025-01-15": "truncated or malformed answer",
        "/suna/news/41237.html": "redirect loop",
    }
    assert len(summary.errors) == len(expected)
    for path, reason in expected.items():
        assert [e for e in summary.errors if e.startswith(u(path)) and reason in e], path
        assert [m for m in log if m.startswith(u(path)) and reason in m], path
    assert any(m.startswith(u("/kuna/article/3201003.html")) and "retry 1 of 2" in m for m in log)

    # Retries: 5xx and timeouts and truncation with backoff, never a 404; a redirect
    # loop is not retried within the poll.
    assert site.hits["/kuna/article/3201003.html"] == 2
    assert site.hits["/down/rss.xml"] == 3
    assert site.hits["/slow/rss.xml"] == 3
    assert site.hits["/wam/ar/article/bz8k2p4-2025-01-15"] == 3
    assert site.hits["/gone/rss.xml"] == 1
    assert site.hits["/kuna/article/3201004.html"] == 1
    assert site.headers["/kuna/rss.xml"][0]["User-Agent"].startswith("marsad/")


def test_second_pass_fetches_only_what_failed_and_a_restart_duplicates_nothing(site, feeds_file, tmp_path):
    db = tmp_path / "m.db"
    first, _ = run_once(feeds_file, db)
    assert first.new == 7
    site.hits.clear()
    site.truncate_jordan_call = False

    second, log = run_once(feeds_file, db)
    # KUNA and WAM answer 304 to the validators they gave; the section page lists only
    # known stories; the page cut short last time is fetched again and stored now, with
    # the date its Atom entry gave, though the feed itself was not re-read.
    assert second.not_modified == 2
    assert site.headers["/kuna/rss.xml"][-1]["If-None-Match"] == KUNA_ETAG
    assert site.headers["/wam/ar/atom.xml"][-1]["If-Modified-Since"] == WAM_MODIFIED
    assert set(site.article_hits()) == {"/wam/ar/article/bz8k2p4-2025-01-15", "/suna/news/41237.html",
                                        "/suna/news/41237.html?from=home"}
    assert second.new == 1 and second.known == 3  # 41237 is a retry, not known
    jordan = stored(db)[site.url("/wam/ar/article/bz8k2p4-2025-01-15")]
    assert jordan["published"] == "2025-01-15"
    assert jordan["events"] == [("PHONE_CALL", "ARE,JOR", "2025-01-15")]
    assert any("attempt 2 of 5" in m for m in log if "/suna/news/41237.html" in m)

    # A restart: a new process, the same database.
    before = stored(db)
    site.hits.clear()
    script = ("import sys; from marsad.watch import load_feeds, watch; w = load_feeds(sys.argv[1]); "
              "s = watch(w.feeds, sys.argv[2], once=True, per_host_delay=0, timeout=0.5, allow_hosts=w.allow, "
              "retries=0, log=lambda m: None); print(s.new, s.duplicates, s.not_modified, s.fetched)")
    out = subprocess.run([sys.executable, "-c", script, str(feeds_file), str(db)],
                         capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.split() == ["0", "0", "2", "0"]
    assert set(site.article_hits()) == {"/suna/news/41237.html", "/suna/news/41237.html?from=home"}
    assert stored(db) == before


def test_feed_status_reports_each_feed(site, feeds_file, tmp_path):
    db = tmp_path / "m.db"
    run_once(feeds_file, db)
    conn = connect(db, readonly=True)
    try:
        status = {urlsplit(row["url"]).path: row for row in feed_status(conn)}
    finally:
        conn.close()
    kuna = status["/kuna/rss.xml"]
    assert (kuna["source"], kuna["country"], kuna["kind"], kuna["last_status"]) == ("kuna", "KWT", "rss", "ok")
    assert (kuna["articles"], kuna["events"], kuna["errors"], kuna["pending"]) == (3, 3, 1, 0)
    assert dt.datetime.fromisoformat(kuna["last_polled"]).tzinfo is not None
    wam = status["/wam/ar/atom.xml"]
    assert (wam["kind"], wam["articles"], wam["pending"], wam["errors"]) == ("atom", 2, 1, 1)
    suna = status["/suna/politics.html"]
    assert (suna["kind"], suna["articles"], suna["events"], suna["pending"]) == ("html", 2, 2, 1)
    assert status["/down/rss.xml"]["last_status"] == "error"
    assert status["/down/rss.xml"]["http_status"] == 503
    assert "malformed feed" in status["/alwatan/rss.xml"]["last_error"]
    assert status["/slow/rss.xml"]["articles"] == 0


def test_feed_status_of_a_store_never_watched(tmp_path):
    conn = connect(tmp_path / "m.db")
    assert feed_status(conn) == []
    conn.close()


class Killed(BaseException):
    """A kill -9 stand-in: nothing catches it."""


def test_a_crash_between_storing_and_recording_resumes_without_duplicates(site, tmp_path, monkeypatch):
    from marsad.watch import poll as watch_module

    feeds = [Feed(site.url("/kuna/rss.xml"), "kuna", "KWT")]
    db = tmp_path / "m.db"
    record = watch_module._FeedPoll._record
    calls = []

    def crash_on_second(self, *args):
        calls.append(args)
        if len(calls) == 2:
            raise Killed()
        return record(self, *args)

    monkeypatch.setattr(watch_module._FeedPoll, "_record", crash_on_second)
    with pytest.raises(Killed):
        watch(feeds, db, once=True, log=lambda m: None, **FAST)
    monkeypatch.undo()
    assert len(stored(db)) == 2  # the second article was committed, its address not yet

    summary = watch(feeds, db, once=True, log=lambda m: None, **FAST)
    assert (summary.new, summary.unchanged, summary.known) == (1, 1, 1)
    articles = stored(db)
    assert len(articles) == 3
    assert sum(len(a["events"]) for a in articles.values()) == 3


def test_stop_ends_a_continuous_watch(site, tmp_path):
    stop = threading.Event()
    feeds = [Feed(site.url("/wam/ar/atom.xml"), "wam", "ARE")]
    rounds = []

    def log(message):
        if message.startswith("next poll"):
            rounds.append(message)
            if len(rounds) == 2:
                stop.set()

    summary = watch(feeds, tmp_path / "m.db", once=False, interval=0.05, stop=stop, log=log, **FAST)
    assert summary.rounds == 2 and summary.not_modified == 1 and summary.new == 2


def test_a_locked_store_ends_a_single_pass_but_not_a_continuous_watch(site, tmp_path, monkeypatch):
    from marsad.store import StoreError
    from marsad.watch import poll as watch_module

    real_ingest = watch_module.ingest_articles
    calls = []

    def locked_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise StoreError(f"{tmp_path / 'm.db'}: the database is locked by another writer; try again")
        return real_ingest(*args, **kwargs)

    monkeypatch.setattr(watch_module, "ingest_articles", locked_once)
    feeds = [Feed(site.url("/kuna/rss.xml"), "kuna", "KWT")]
    with pytest.raises(StoreError, match="locked"):
        watch(feeds, tmp_path / "m.db", once=True, log=lambda m: None, **FAST)

    calls.clear()
    stop = threading.Event()
    log = []

    def note(message):
        log.append(message)
        if sum(m.startswith("next poll") for m in log) == 2:
            stop.set()

    summary = watch(feeds, tmp_path / "m.db", interval=0.05, stop=stop, log=note, **FAST)
    assert summary.rounds == 2 and summary.new == 3
    assert any("locked" in e for e in summary.errors)
    assert len(stored(tmp_path / "m.db")) == 3


# --- the parts, without a server ------------------------------------------------------


def test_load_feeds_reads_columns_and_comments(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# وكالات الأنباء الرسمية\n"
        "https://www.kuna.net.kw/rss/local.xml\tkuna\tkwt\n"
        "\n"
        "https://wam.ae/ar/rss/politics\twam   # وام\n"
        "https://suna-sd.net/ar/politics\t-\tSDN\n"
        "https://www.spa.gov.sa/rss.xml#latest\n",
        encoding="utf-8",
    )
    assert load_feeds(path).feeds == [
        Feed("https://www.kuna.net.kw/rss/local.xml", "kuna", "KWT"),
        Feed("https://wam.ae/ar/rss/politics", "wam", None),
        Feed("https://suna-sd.net/ar/politics", None, "SDN"),
        Feed("https://www.spa.gov.sa/rss.xml#latest", None, None),
    ]


def test_load_feeds_names_every_bad_line(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text(
        "https://www.kuna.net.kw/rss/local.xml\tkuna\tKWT\n"
        "ftp://example.com/feed.xml\n"
        "www.alwatan.com.sa/rss\n"
        "https://wam.ae/ar/rss\twam\tUAE\n"
        "https://wam.ae/ar/rss2\tوام\n"
        "https://WWW.KUNA.net.kw/rss/local.xml?utm_source=x\n"
        "https://qna.org.qa/rss\tqna\tQAT\textra\n",
        encoding="utf-8",
    )
    with pytest.raises(FeedsFileError) as err:
        load_feeds(path)
    problems = err.value.problems
    assert [p.split(":")[1] for p in problems] == ["2", "3", "4", "5", "6", "7"]
    assert "not an http(s) address" in problems[0] and "'www.alwatan.com.sa/rss'" in problems[1]
    assert "unknown country code 'UAE'" in problems[2]
    assert "bad source id 'وام'" in problems[3]
    assert "already listed on line 1" in problems[4]
    assert "found 4 columns" in problems[5]


def test_load_feeds_rejects_an_empty_or_missing_file(tmp_path):
    empty = tmp_path / "feeds.txt"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(FeedsFileError, match="no feeds listed"):
        load_feeds(empty)
    with pytest.raises(FeedsFileError, match="cannot read"):
        load_feeds(tmp_path / "missing.txt")


@pytest.mark.parametrize("text, seconds", [("90", 90), ("30s", 30), ("10m", 600), ("1h", 3600),
                                           ("1h30m", 5400), ("1.5h", 5400), (" 2M ", 120)])
def test_parse_interval(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "0m", "10x", "m", "-5m", "1h30", "ten minutes"])
def test_parse_interval_rejects(text):
    with pytest.raises(ValueError):
        parse_interval(text)


def test_canonical_url_unifies_spellings_of_one_page():
    base = "https://www.kuna.net.kw/ArticleDetails.aspx?id=3201001&language=ar"
    for spelling in (
        "https://www.kuna.net.kw/ArticleDetails.aspx?language=ar&id=3201001",
        "HTTPS://WWW.KUNA.NET.KW:443/ArticleDetails.aspx?id=3201001&language=ar#comments",
        "https://www.kuna.net.kw/ArticleDetails.aspx?id=3201001&language=ar&utm_source=twitter&fbclid=abc",
    ):
        assert canonical_url(spelling) == base
    # One headline slug, written raw and percent-escaped in mixed case.
    escaped = "%d8%b3%d9%81%d9%8a%d8%b1-%d8%AE%d8%A7%d8%AF%d9%85-%d8%a7%d9%84%d8%ad%d8%b1%d9%85%d9%8a%d9%86"
    assert canonical_url("https://sabq.org/saudia/سفير-خادم-الحرمين") == canonical_url(f"https://sabq.org/saudia/{escaped}")


@pytest.mark.parametrize("declared", [None, "utf-8", "iso-8859-1", "windows-1256", "no-such-charset"])
def test_decode_page_reads_windows_1256_whatever_the_server_says(declared):
    # "The Foreign Minister received the ambassador of the Kingdom of Saudi Arabia."
    sentence = "استقبل وزير الخارجية سفير المملكة العربية السعودية"
    body = f"<html><body><p>{sentence}</p></body></html>".encode("cp1256")
    assert sentence in decode_page(body, declared)


def test_decode_page_uses_the_meta_charset():
    body = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head>' \
           '<body>وكالة الأنباء</body></html>'.encode("cp1256")
    assert "وكالة الأنباء" in decode_page(body)


def test_section_page_links_skip_menus_and_footers():
    html = (FIXTURES / "suna-politics.html").read_text(encoding="utf-8")
    kind, links = read_listing(html, "text/html", "https://suna-sd.net/suna/politics.html")
    assert kind == "html"
    assert [(urlsplit(x.url).path, x.title) for x in links] == [
        ("/suna/news/41235.html", "وزير الخارجية يستقبل سفير المملكة العربية السعودية"),
        ("/suna/news/41236.html", None),
        (SLUG, "توقيع اتفاقية منحة قطرية لدعم قطاع الصحة"),
        ("/suna/news/41237.html", "مجلس السيادة يستقبل المبعوث الأممي"),
    ]


def test_story_cards_keep_links_in_their_own_header():
    html = """<html><body><header><nav><a href="/news/2025/">الأرشيف</a></nav></header>
      <article><header><h2><a href="/news/2025/01/14/السيسي-يستقبل-وزير-خارجية-السعودية">السيسي يستقبل وزير خارجية السعودية</a></h2></header></article>
      <footer><a href="/about-us-contact-page">من نحن</a></footer></body></html>"""
    _, links = read_listing(html, "text/html", "https://www.ahram.org.eg/politics")
    assert [x.title for x in links] == ["السيسي يستقبل وزير خارجية السعودية"]


def test_feed_entries_keep_the_outlets_calendar_day():
    rss = (FIXTURES / "kuna-rss.xml").read_text(encoding="utf-8").replace("{{BASE}}", "https://www.kuna.net.kw")
    kind, links = read_listing(rss, "application/rss+xml", "https://www.kuna.net.kw/rss.xml")
    assert kind == "rss"
    assert [x.published for x in links] == [dt.date(2025, 1, 13), dt.date(2025, 1, 14), dt.date(2025, 1, 13),
                                            dt.date(2025, 1, 13)]
    assert links[0].title == "وزير الخارجية يستقبل سفيرة تركيا لدى البلاد"


# --- politeness, with a mock transport and a fake clock -----------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def fetcher_for(handler, clock, **kwargs):
    options = dict(per_host_delay=0, timeout=5, retries=2, backoff=1.0, user_agent="marsad-test", log=lambda m: None)
    options.update(kwargs)
    client = httpx.Client(transport=httpx.MockTransport(handler), max_redirects=3)
    return Fetcher(client, sleep=clock.sleep, clock=clock, **options)


def test_server_errors_are_retried_with_exponential_backoff_and_4xx_are_not():
    clock = FakeClock()
    seen = Counter()

    def handler(request):
        seen[request.url.path] += 1
        return httpx.Response(503 if request.url.path == "/busy" else 403)

    fetcher = fetcher_for(handler, clock)
    with pytest.raises(FetchError, match="HTTP 503") as err:
        fetcher.get("https://www.spa.gov.sa/busy", {})
    assert err.value.retry_now and not err.value.permanent
    assert seen["/busy"] == 3 and clock.sleeps == [1.0, 2.0]
    with pytest.raises(FetchError, match="HTTP 403") as err:
        fetcher.get("https://www.spa.gov.sa/forbidden", {})
    assert seen["/forbidden"] == 1 and not err.value.permanent


def test_retry_after_is_honoured_up_to_a_limit():
    clock = FakeClock()
    answers = iter([httpx.Response(503, headers={"Retry-After": "7"}), httpx.Response(200, content=b"ok")])
    fetcher = fetcher_for(lambda request: next(answers), clock)
    assert fetcher.get("https://www.qna.org.qa/rss", {}).body == b"ok"
    assert clock.sleeps == [7.0]

    fetcher = fetcher_for(lambda request: httpx.Response(503, headers={"Retry-After": "3600"}), clock)
    with pytest.raises(FetchError, match="HTTP 503"):
        fetcher.get("https://www.qna.org.qa/rss", {})


def test_requests_to_one_host_are_spaced():
    clock = FakeClock()
    times = []

    def handler(request):
        times.append((request.url.host, clock.now))
        clock.now += 0.25  # the answer takes a quarter second
        return httpx.Response(200, content=b"<rss/>", headers={"ETag": '"1"'})

    fetcher = fetcher_for(handler, clock, per_host_delay=2.0)
    for url in ("https://www.kuna.net.kw/a", "https://wam.ae/a", "https://www.kuna.net.kw/b"):
        fetcher.get(url, {})
    assert times == [("www.kuna.net.kw", 1000.0), ("wam.ae", 1000.25), ("www.kuna.net.kw", 1002.25)]


def test_user_agent_and_redirect_loop():
    clock = FakeClock()
    agents = []

    def handler(request):
        agents.append(request.headers["User-Agent"])
        return httpx.Response(301, headers={"Location": "/a" if request.url.path == "/b" else "/b"})

    fetcher = fetcher_for(handler, clock)
    with pytest.raises(FetchError, match="redirect loop") as err:
        fetcher.get("https://alrai.com/b", {})
    assert not err.value.retry_now and not err.value.permanent
    assert set(agents) == {"marsad-test"}


# --- what the watcher refuses to reach ------------------------------------------------------


@pytest.mark.parametrize("url, reason", [
    ("http://127.0.0.1:8000/rss.xml", "127.0.0.1 is a loopback address"),
    ("http://10.0.0.7/news/41235.html", "private"),
    ("http://192.168.1.1/", "private"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
    ("http://224.0.0.1/", "multicast"),
    ("http://240.0.0.1/", "reserved"),
    ("http://0.0.0.0:8000/", "unspecified"),
    ("http://[::1]/", "loopback"),
    ("http://[fe80::1]/", "link-local"),
    ("http://[fc00::1]/", "private"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://www.kuna.net.kw@127.0.0.1/", "user name"),
    ("http://admin:pw@www.kuna.net.kw/", "user name"),
    ("ftp://www.kuna.net.kw/rss.xml", "not an http(s) address"),
    ("file:///etc/passwd", "not an http(s) address"),
])
def test_non_public_addresses_are_refused(url, reason):
    with pytest.raises(AddressRefused, match=re.escape(reason)):
        AddressPolicy().check_url(url)


def test_an_allowed_host_is_reached_and_names_are_checked_once_resolved():
    AddressPolicy(allow={"127.0.0.1", "[::1]"}).check_url("http://127.0.0.1:8000/rss.xml")
    AddressPolicy(allow={"::1"}).check_url("http://[::1]:8000/rss.xml")
    AddressPolicy().check_url("https://www.kuna.net.kw/rss.xml")  # a name: checked when resolved
    with pytest.raises(AddressRefused, match=r"localhost \(127\.0\.0\.1\) is a loopback address"):
        AddressPolicy().resolve("localhost", 80)
    assert "127.0.0.1" in AddressPolicy(allow={"localhost"}).resolve("localhost", 80)


def test_the_feeds_file_allows_hosts(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("allow\tnews.intranet.example\t10.0.0.7  # our own mirror\n"
                    "http://10.0.0.7/rss.xml\tmirror\n", encoding="utf-8")
    watchlist = load_feeds(path)
    assert watchlist.allow == {"news.intranet.example", "10.0.0.7"}
    assert watchlist.feeds == [Feed("http://10.0.0.7/rss.xml", "mirror", None)]
    path.write_text("allow\nallow\thttp://10.0.0.7/\nhttp://10.0.0.7/rss.xml\n", encoding="utf-8")
    with pytest.raises(FeedsFileError) as err:
        load_feeds(path)
    assert [p.split(":")[1] for p in err.value.problems] == ["1", "2"]


def test_a_redirect_to_an_internal_address_is_refused_before_it_is_requested():
    asked = []

    def handler(request):
        asked.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})

    fetcher = fetcher_for(handler, FakeClock())
    with pytest.raises(FetchError, match="169.254.169.254 is a link-local address") as err:
        fetcher.get("https://www.kuna.net.kw/rss.xml", {})
    assert err.value.permanent
    assert asked == ["https://www.kuna.net.kw/rss.xml"]


def test_watch_refuses_links_to_hosts_not_allowed_and_says_why(site, tmp_path):
    feeds = [Feed(site.url("/kuna/rss.xml"), "kuna", "KWT")]
    db = tmp_path / "m.db"
    summary = watch(feeds, db, once=True, log=lambda m: None, **{**FAST, "allow_hosts": ()})
    assert summary.fetched == summary.new == 0
    assert summary.errors == [f"{site.url('/kuna/rss.xml')}: refused: 127.0.0.1 is a loopback address; "
                              "will retry on the next poll"]
    assert site.hits == Counter()

    # The feed is allowed; its links name the same server as "localhost", which is not.
    site.hits.clear()
    local_links = site.fixture("kuna-rss.xml").replace(site.base.encode(), site.base.replace("127.0.0.1", "localhost").encode())
    ROUTES["/kuna/local.xml"] = lambda h, s, hit: h.answer(200, local_links, "application/rss+xml")
    try:
        feeds = [Feed(site.url("/kuna/local.xml"), "kuna", "KWT")]
        summary = watch(feeds, db, once=True, log=lambda m: None, **FAST)
    finally:
        del ROUTES["/kuna/local.xml"]
    assert summary.new == 0 and len(summary.errors) == 4
    assert all("localhost (127.0.0.1) is a loopback address; skipped" in e for e in summary.errors)
    assert set(site.hits) == {"/kuna/local.xml"}
    conn = sqlite3.connect(db)
    reasons = {r[0] for r in conn.execute("SELECT last_error FROM watch_pages WHERE status = 'failed'")}
    conn.close()
    assert reasons == {"refused: localhost (127.0.0.1) is a loopback address"}


def test_one_deadline_covers_a_server_that_drips_its_headers():
    """A server that sends a header line every 50 ms never trips a per-read timeout; the
    request's deadline (3 × the timeout) ends it all the same."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def drip():
        conn, _ = listener.accept()
        with conn:
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\n")
            for _ in range(200):  # at most 10 s
                if stop.wait(0.05):
                    return
                try:
                    conn.sendall(b"X-Drip: a\r\n")
                except OSError:
                    return

    thread = threading.Thread(target=drip, daemon=True)
    thread.start()
    policy = AddressPolicy(allow={"127.0.0.1"})
    fetcher = Fetcher(guarded_client(policy), per_host_delay=0, timeout=0.3, retries=0, backoff=0,
                      user_agent="marsad-test", log=lambda m: None, policy=policy)
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match=r"no complete answer within 0\.9s") as err:
            fetcher.get(f"http://127.0.0.1:{listener.getsockname()[1]}/rss.xml", {})
    finally:
        stop.set()
        thread.join(5)
        listener.close()
    assert time.monotonic() - started < 3
    assert err.value.retry_now
