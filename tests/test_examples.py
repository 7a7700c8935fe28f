"""The demo in ``examples/``: honest about what it is, and enough to show every part.

The articles written for the demo say so (``source`` ``demo``, no address); each story is
there once, except one wire story told by two demo outlets, which the store must merge
into one real-world event reported by two sources. The curated feeds file reads with the
watcher's own loader.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.watch import load_feeds

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DEMO_SOURCES = {"demo", "demo-2"}
EVENT_TYPES = {"PHONE_CALL", "MEETING", "VISIT", "MESSAGE", "AGREEMENT"}


def records(name: str) -> list[dict]:
    with open(EXAMPLES / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def every_record() -> list[dict]:
    return [r for path in sorted(EXAMPLES.glob("*.jsonl")) for r in records(path.name)]


def test_every_article_is_there_once():
    everything = every_record()
    assert len({r["id"] for r in everything}) == len(everything)
    first_lines = Counter(r["text"].splitlines()[0] for r in everything)
    assert first_lines.most_common(1)[0][1] == 1
    # Only JSON lines: a plain-text copy of an article would be ingested as a second report.
    assert sorted(p.suffix for p in EXAMPLES.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".json")) == []


def test_demo_articles_say_they_are_demo_articles():
    written = records("articles.jsonl")
    assert len(written) >= 20
    assert {r["source"] for r in written} == DEMO_SOURCES
    assert all(r.get("url") is None for r in written)


@pytest.fixture(scope="module")
def demo_events(tmp_path_factory) -> list[dict]:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    runner = CliRunner()
    ingest = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", str(db), "--no-progress"])
    assert ingest.exit_code == 0, ingest.output
    query = runner.invoke(main, ["query", "--db", str(db), "--limit", "0", "--format", "json"])
    assert query.exit_code == 0, query.output
    return json.loads(query.stdout)


def test_the_demo_shows_every_type_and_status(demo_events):
    assert {e["type"] for e in demo_events} == EVENT_TYPES
    assert {e["status"] for e in demo_events} == {"occurred", "planned"}
    assert len({c for e in demo_events for c in e["countries"]}) >= 15


def test_one_story_from_two_demo_outlets_is_one_event(demo_events):
    # King Salman receives President Biden in Jeddah, told by "demo" and by "demo-2".
    merged = [e for e in demo_events if e["n_sources"] >= 2]
    assert len(merged) == 1
    (event,) = merged
    assert event["type"] == "MEETING" and set(event["countries"]) == {"SAU", "USA"}
    assert event["n_articles"] == 2


def test_curated_feeds_file_reads_with_the_watchers_loader():
    watchlist = load_feeds(EXAMPLES / "feeds" / "arab-agencies.tsv")
    assert len(watchlist.feeds) >= 20
    assert watchlist.allow == frozenset()  # public agencies need no allow-listing
    assert all(f.url.startswith("https://") and f.source and f.country for f in watchlist.feeds)
    for agency in ("kuna", "spa", "wam", "qna", "bna", "omannews", "mena", "petra", "sana", "map", "aps", "suna"):
        assert agency in {f.source for f in watchlist.feeds}
