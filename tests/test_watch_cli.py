"""`marsad watch` on the command line, and the feed status the dashboard shows."""
from click.testing import CliRunner
from fastapi.testclient import TestClient

from marsad.cli import main
from marsad.store import connect
from marsad.web import create_app


def test_bad_feeds_file_lists_every_bad_line(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# my feeds\nftp://example.org/rss\nhttps://www.kuna.net.kw/rss\tkuna\tKWT\nnot a url\n",
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["watch", str(feeds), "--db", str(tmp_path / "m.db"), "--once"])
    assert result.exit_code == 1
    assert f"{feeds}:2:" in result.output and f"{feeds}:4:" in result.output
    assert "2 bad line(s)" in result.output


def test_bad_interval_is_a_usage_error(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("https://www.kuna.net.kw/rss\tkuna\tKWT\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["watch", str(feeds), "--interval", "10x"])
    assert result.exit_code == 2 and "--interval" in result.output


def test_dashboard_shows_each_feed_status(tmp_path):
    db = tmp_path / "m.db"
    conn = connect(db)  # the store's schema holds the watcher's tables
    conn.execute("INSERT INTO watch_feeds(url, source, kind, last_polled, last_status, polls, errors) "
                 "VALUES ('https://www.kuna.net.kw/rss', 'kuna', 'rss', '2026-11-29T10:00:00', 'ok', 3, 1)")
    conn.close()
    client = TestClient(create_app(db))
    (feed,) = client.get("/api/feeds").json()
    assert (feed["url"], feed["last_status"], feed["errors"]) == ("https://www.kuna.net.kw/rss", "ok", 1)
    page = client.get("/feeds").text
    assert "https://www.kuna.net.kw/rss" in page and "2026-11-29T10:00:00" in page
