"""The HTTP API and pages against a real store built from ``examples/``: every endpoint's
answers checked against the others (a filter against the unfiltered list, a graph edge
against the pair filter, an evidence span against the article text), bad input answered
with 4xx and a message, SQL and FTS syntax taken literally, uploads guarded by a token,
a Content-Security-Policy everywhere, and a property-based sweep of the OpenAPI
description (schemathesis) that finds no 5xx."""
import itertools
import json
import re
import socket
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
import schemathesis
from click.testing import CliRunner
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from marsad.cli import main
from marsad.ingest import ingest_articles
from marsad.io.readers import read_articles
from marsad.model import EVENT_TYPES, STATUSES, TOPICS
from marsad.web import create_app, uploads
from marsad.web.server import ServeError, allowed_hosts, bind
from marsad.web.server import server as make_server

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TOKEN = "s3cret"
PAGE_SIZE = 200  # marsad.web.api.PER_PAGE_MAX: one page holds every event of the examples

# "The Kuwaiti foreign minister received Iran's foreign minister Mohammad Javad Zarif today
# and discussed bilateral relations and the nuclear file with him."
ZARIF = ("استقبل وزير الخارجية الكويتي الشيخ صباح خالد الحمد الصباح اليوم وزير خارجية إيران "
         "محمد جواد ظريف وبحث معه العلاقات الثنائية والملف النووي.")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("api") / "examples.db"
    summary = ingest_articles(read_articles([EXAMPLES]), str(path))
    assert summary.errors == [] and summary.events > 5
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def events(client) -> list[dict]:
    """Every event, as the unfiltered list gives them: the oracle for the filters."""
    body = client.get("/api/events", params={"per_page": PAGE_SIZE}).json()
    assert body["total"] == len(body["items"]) > 5
    return body["items"]


@pytest.fixture()
def upload_client(db, tmp_path) -> TestClient:
    """An app that accepts uploads, on a copy of the store."""
    copy = tmp_path / "upload.db"
    source, target = sqlite3.connect(db), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    return TestClient(create_app(copy, token=TOKEN), raise_server_exceptions=False)


def get_events(client, **params) -> dict:
    r = client.get("/api/events", params={"per_page": PAGE_SIZE, **params})
    assert r.status_code == 200, r.text
    return r.json()


def ids(items) -> list[int]:
    return [e["id"] for e in items]


def spans(evidence):
    """Every ``{part, start, end, text}`` span anywhere in an evidence record."""
    if isinstance(evidence, dict):
        if {"part", "start", "end", "text"} <= evidence.keys():
            yield evidence
        else:
            for value in evidence.values():
                yield from spans(value)
    elif isinstance(evidence, list):
        for value in evidence:
            yield from spans(value)


def row_count(db, table="articles") -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def assert_client_error(r):
    assert 400 <= r.status_code < 500, (r.request.url, r.status_code, r.text[:300])
    detail = r.json()["detail"]
    assert detail, r.text


# ------------------------------------------------------------------ /api/events -------

def test_events_list_shape_and_total(client, events):
    body = client.get("/api/events").json()
    assert (body["page"], body["per_page"]) == (1, 50)
    assert body["total"] == len(events)
    first = body["items"][0]
    assert {"id", "type", "status", "date", "countries", "topics", "actors", "codes", "n_articles"} <= first.keys()
    assert "evidence" not in first and "articles" not in first  # the list is a summary


@pytest.mark.parametrize("field, values", [("type", EVENT_TYPES), ("status", STATUSES)])
def test_events_filter_by_type_and_status(client, events, field, values):
    for value in values:
        expected = [e["id"] for e in events if e[field] == value]
        assert ids(get_events(client, **{field: value})["items"]) == expected


def test_events_filter_by_country_and_pair(client, events):
    codes = sorted({c for e in events for c in e["countries"]})
    assert "KWT" in codes
    for code in codes:
        expected = [e["id"] for e in events if code in e["countries"]]
        assert ids(get_events(client, country=code)["items"]) == expected
        assert ids(get_events(client, country=code.lower())["items"]) == expected
    a, b = events[0]["countries"][:2]
    expected = [e["id"] for e in events if {a, b} <= set(e["countries"])]
    assert ids(get_events(client, pair=f"{a},{b}")["items"]) == expected
    assert ids(get_events(client, pair=f"{b.lower()},{a}")["items"]) == expected


def test_events_filter_by_topic(client, events):
    topics = {t for e in events for t in e["topics"]}
    assert topics and topics <= set(TOPICS)
    for topic in TOPICS:
        expected = [e["id"] for e in events if topic in e["topics"]]
        assert ids(get_events(client, topic=topic)["items"]) == expected


def test_events_filter_by_person_any_spelling(client, events):
    # أيمن الصفدي (Ayman Safadi, Jordan's foreign minister), with and without the hamza.
    actors = client.get("/api/actors", params={"q": "ايمن الصفدي"}).json()
    assert actors and actors[0]["name"] == "أيمن الصفدي"
    appearances = set(client.get(f"/api/actors/{actors[0]['id']}").json()["event_ids"])
    for spelling in ("أيمن الصفدي", "ايمن الصفدى", "الصفدي"):
        found = ids(get_events(client, person=spelling)["items"])
        assert set(found) >= appearances and found, spelling
        assert all(e["id"] in found for e in events if any(a["actor_id"] == actors[0]["id"] for a in e["actors"]))
    assert get_events(client, person="شخص لا وجود له")["total"] == 0  # "a person who does not exist"


def test_events_filter_by_dates(client, events):
    dated = sorted({e["date"] for e in events if e["date"]})
    assert len(dated) >= 3
    since, until = dated[1], dated[-2]
    for params, keep in [({"since": since}, lambda d: d >= since), ({"until": until}, lambda d: d <= until),
                         ({"since": since, "until": until}, lambda d: since <= d <= until),
                         ({"since": since, "until": since}, lambda d: d == since)]:
        expected = [e["id"] for e in events if e["date"] and keep(e["date"])]
        assert ids(get_events(client, **params)["items"]) == expected, params


def test_events_filter_by_text_agrees_with_search_and_articles(client, events):
    # "الخارجية" (foreign affairs) written with taa marbuta and with haa: the same events.
    found = ids(get_events(client, text="الخارجية")["items"])
    assert found and found == ids(get_events(client, text="الخارجيه")["items"])
    hits = client.get("/api/search", params={"q": "الخارجية", "per_page": PAGE_SIZE}).json()
    clusters = set()
    for hit in hits:
        clusters |= {e["cluster_id"] for e in client.get(f"/api/articles/{hit['id']}").json()["events"]}
    assert set(found) == clusters
    assert get_events(client, text="بطريق")["total"] == 0  # "penguin": in no article


def test_events_filters_combine_with_and(client, events):
    expected = [e["id"] for e in events if "KWT" in e["countries"] and e["type"] == "MEETING"]
    body = get_events(client, country="KWT", type="MEETING")
    assert ids(body["items"]) == expected and body["total"] == len(expected)


def test_events_pages_partition_the_list(client, events):
    seen = []
    for page in range(1, len(events) // 3 + 3):
        body = client.get("/api/events", params={"page": page, "per_page": 3}).json()
        assert (body["total"], body["page"], body["per_page"]) == (len(events), page, 3)
        assert len(body["items"]) <= 3
        seen += ids(body["items"])
    assert seen == ids(events)
    assert get_events(client, page=100000)["items"] == []


@pytest.mark.parametrize("sort", ["date_desc", "date_asc", "reports_desc"])
def test_events_sort(client, events, sort):
    items = get_events(client, sort=sort)["items"]
    assert sorted(ids(items)) == sorted(ids(events))
    dates = [e["date"] for e in items]
    undated = dates.index(None) if None in dates else len(dates)
    if sort != "reports_desc":
        assert all(d is None for d in dates[undated:]), "undated events come last"
    if sort == "date_desc":
        assert dates[:undated] == sorted(dates[:undated], reverse=True)
    elif sort == "date_asc":
        assert dates[:undated] == sorted(dates[:undated])
    else:
        counts = [e["n_articles"] for e in items]
        assert counts == sorted(counts, reverse=True) and counts[0] >= 2


# ------------------------------------------------------------------ one event, article ---

def test_event_reports_carry_evidence_that_slices_the_article(client, events):
    checked = 0
    for summary in events:
        r = client.get(f"/api/events/{summary['id']}")
        assert r.status_code == 200
        event = r.json()
        assert all(event[k] == summary[k] for k in ("id", "type", "status", "date", "countries", "topics"))
        assert len(event["reports"]) == event["n_articles"] >= 1
        assert {a["id"] for a in event["articles"]} == {rep["article_id"] for rep in event["reports"]}
        for report in event["reports"]:
            article = client.get(f"/api/articles/{report['article_id']}").json()
            assert report["event_id"] in {e["event_id"] for e in article["events"]}
            found = list(spans(report["evidence"]))
            assert report["evidence"]["trigger"] in found
            for span in found:
                assert article[span["part"]][span["start"]:span["end"]] == span["text"], span
                checked += 1
    assert checked > 50


def test_article(client):
    article = client.get("/api/articles/ex-jo-006").json()
    # "Safadi meets his German counterpart in Amman and they discuss the situation in Gaza"
    assert article["title"] == "الصفدي يلتقي نظيره الألماني في عمان ويبحثان الأوضاع في غزة"
    assert article["published"] == "2024-05-07" and article["text"]
    assert {"JOR", "DEU"} <= {a["country"] for e in article["events"] for a in e["actors"]}
    for event in article["events"]:
        for span in spans(event["evidence"]):
            assert article[span["part"]][span["start"]:span["end"]] == span["text"]
    # A football derby ("Al-Hilal host Al-Nassr"): an article, but no diplomatic event.
    assert client.get("/api/articles/ex-neg-007").json()["events"] == []
    r = client.get("/api/articles/no-such-article")
    assert r.status_code == 404 and r.json()["detail"]


# ------------------------------------------------------------------ actors, countries ---

def test_actors_search_any_spelling_and_profile(client, events):
    # محمد بن سلمان (Mohammed bin Salman) and إيمانويل ماكرون / ايمانويل ماكرون (Emmanuel Macron).
    macron = client.get("/api/actors", params={"q": "ايمانويل ماكرون"}).json()
    assert [a["name"] for a in macron] == ["إيمانويل ماكرون"]
    assert client.get("/api/actors", params={"q": "ماكرون"}).json() == macron
    found = client.get("/api/actors", params={"q": "محمد", "limit": 200}).json()
    assert {"محمد بن سلمان", "محمد بن زايد آل نهيان"} <= {a["name"] for a in found}
    assert len(client.get("/api/actors", params={"q": "محمد", "limit": 1}).json()) == 1
    assert client.get("/api/actors", params={"q": "بطريق"}).json() == []

    profile = client.get(f"/api/actors/{macron[0]['id']}").json()
    assert profile["country"] == "FRA" and "إيمانويل ماكرون" in profile["aliases"]
    assert profile["titles"] and profile["partners"]
    assert profile["event_ids"] and all(client.get(f"/api/events/{i}").status_code == 200 for i in profile["event_ids"])
    assert client.get("/api/actors/999999").status_code == 404


def test_country_profile_agrees_with_event_filters(client, events):
    profile = client.get("/api/countries/kwt").json()
    assert profile["code"] == "KWT"
    assert profile["events"] == get_events(client, country="KWT")["total"] > 0
    assert sum(profile["by_type"].values()) == profile["events"]
    assert profile["partners"]
    for partner in profile["partners"]:
        assert partner["events"] == get_events(client, pair=f"KWT,{partner['country']}")["total"]
    for topic in profile["topics"]:
        assert topic["events"] == get_events(client, country="KWT", topic=topic["topic"])["total"]
    dated = [e for e in events if "KWT" in e["countries"] and e["date"]]
    assert sum(t["events"] for t in profile["timeline"]) == len(dated)
    if dated:
        since = min(e["date"] for e in dated)
        narrowed = client.get("/api/countries/KWT", params={"since": since, "until": since}).json()
        assert narrowed["events"] == sum(1 for e in dated if e["date"] == since)
    assert client.get("/api/countries/ZZZ").json()["events"] == 0


# ------------------------------------------------------------------ graph, timeline ----

def test_graph_of_countries(client, events):
    graph = client.get("/api/graph", params={"kind": "countries"}).json()
    nodes = {n["id"] for n in graph["nodes"]}
    assert graph["kind"] == "countries" and graph["edges"]
    weights = [e["weight"] for e in graph["edges"]]
    assert weights == sorted(weights, reverse=True)
    for edge in graph["edges"]:
        assert {edge["source"], edge["target"]} <= nodes
        assert edge["weight"] == sum(edge["by_type"].values())
        assert edge["weight"] == get_events(client, pair=f"{edge['source']},{edge['target']}")["total"]
    assert len(client.get("/api/graph", params={"limit": 1}).json()["edges"]) == 1
    meetings = client.get("/api/graph", params={"type": "MEETING"}).json()
    assert all(set(e["by_type"]) == {"MEETING"} for e in meetings["edges"])


def test_graph_of_persons(client):
    graph = client.get("/api/graph", params={"kind": "persons"}).json()
    assert graph["kind"] == "persons" and graph["edges"]
    labels = {n["id"]: n["label"] for n in graph["nodes"]}
    for node, label in labels.items():
        assert re.fullmatch(r"a\d+", node)
        assert client.get(f"/api/actors/{node[1:]}").json()["name"] == label
    assert all({e["source"], e["target"]} <= labels.keys() for e in graph["edges"])


@pytest.mark.parametrize("interval, period", [("day", r"\d{4}-\d{2}-\d{2}"), ("week", r"\d{4}-W\d{2}"),
                                              ("month", r"\d{4}-\d{2}")])
def test_timeline(client, events, interval, period):
    rows = client.get("/api/timeline", params={"interval": interval}).json()
    assert rows and all(re.fullmatch(period, r["period"]) for r in rows)
    assert [(r["period"], r["type"]) for r in rows] == sorted((r["period"], r["type"]) for r in rows)
    assert sum(r["events"] for r in rows) == sum(1 for e in events if e["date"])
    params = {"interval": interval, "country": "KWT", "type": "MEETING"}
    kwt_meetings = client.get("/api/timeline", params=params).json()
    assert sum(r["events"] for r in kwt_meetings) == sum(
        1 for e in events if e["date"] and "KWT" in e["countries"] and e["type"] == "MEETING")
    if interval == "day":
        assert {r["period"]: r["events"] for r in rows if r["type"] == "MEETING"} == {
            d: sum(1 for e in events if e["date"] == d and e["type"] == "MEETING")
            for d in {e["date"] for e in events if e["date"] and e["type"] == "MEETING"}}


# ------------------------------------------------------------------ search -------------

@pytest.mark.parametrize("spellings", [
    ("أمين عام", "امين عام"),                  # secretary-general: hamza on the alif or not
    ("وزارة الخارجية", "وزاره الخارجيه"),      # ministry of foreign affairs: taa marbuta or haa
    ("الإمارات", "الامارات", "الإِمَارَات"),     # the Emirates, also with diacritics
    ("للطاقة", "الطاقه"),                      # (for) energy: the proclitic does not matter
])
def test_search_any_spelling(client, spellings):
    results = [client.get("/api/search", params={"q": s}).json() for s in spellings]
    assert results[0], spellings
    assert all(r == results[0] for r in results), spellings
    for hit in results[0]:
        assert {"id", "source", "published", "title", "events"} <= hit.keys()


def test_search_pages_and_misses(client):
    everything = client.get("/api/search", params={"q": "في", "per_page": PAGE_SIZE}).json()  # "in"
    assert len(everything) >= 5
    paged = []
    for page in (1, 2, 3, 4, 5, 6):
        paged += client.get("/api/search", params={"q": "في", "page": page, "per_page": 2}).json()
    assert paged == everything[:12]
    assert client.get("/api/search", params={"q": "بطريق"}).json() == []


# ------------------------------------------------------------------ bad input ----------

LONG = "ب" * 5000
BAD_REQUESTS = [
    ("/api/events?pair=KWT", 400),
    ("/api/events?pair=KWT,BEL,FRA", 400),
    ("/api/events?pair=KW1,BEL", 400),
    ("/api/events?country=KUWAITT", 400),  # neither a code nor a name
    ("/api/events?country=K1T", 400),
    ("/api/events?since=2015-8-3", 422),
    ("/api/events?since=yesterday", 422),
    ("/api/events?since=2024-01-01&until=2023-01-01", 400),
    ("/api/events?per_page=0", 422),
    ("/api/events?per_page=100000", 422),
    ("/api/events?per_page=abc", 422),
    ("/api/events?page=-1", 422),
    ("/api/events?page=0", 422),
    ("/api/events?page=99999999999999999999", 422),
    ("/api/events?type=FOO", 422),
    ("/api/events?topic=bar", 422),
    ("/api/events?status=maybe", 422),
    ("/api/events?sort=random", 422),
    (f"/api/events?person={LONG}", 422),
    (f"/api/events?text={LONG}", 422),
    ("/api/events/0", 422),
    ("/api/events/-1", 422),
    ("/api/events/abc", 422),
    ("/api/events/99999999999999999999", 422),
    ("/api/events/999999", 404),
    (f"/api/articles/{LONG}", 422),
    ("/api/actors", 422),
    ("/api/actors?q=", 422),
    (f"/api/actors?q={LONG}", 422),
    ("/api/actors?q=x&limit=0", 422),
    ("/api/actors/0", 422),
    ("/api/actors/99999999999999999999", 422),
    ("/api/actors/999999", 404),
    ("/api/countries/KW", 422),
    ("/api/countries/KUWT", 422),
    ("/api/countries/KWT?since=2015", 422),
    ("/api/graph?kind=x", 422),
    ("/api/graph?limit=0", 422),
    ("/api/graph?limit=1000000", 422),
    ("/api/timeline?interval=year", 422),
    ("/api/timeline?country=KUWAITT", 400),
    ("/api/events?country=" + "x" * 101, 422),
    ("/api/events?min_confidence=1.5", 422),
    ("/api/events?min_confidence=high", 422),
    ("/api/search", 422),
    ("/api/search?q=", 422),
    (f"/api/search?q={LONG}", 422),
    ("/api/search?q=x&per_page=100000", 422),
    ("/api/no-such-endpoint", 404),
    pytest.param("/api/events?since=2015-13-45", None),
    pytest.param("/api/events?until=2015-02-30", None),
]
# Pages answer with a page in the reader's language, never JSON.
BAD_PAGES = [
    ("/events?pair=KWT", 400),
    ("/events?type=FOO", 400),
    ("/events?since=yesterday", 400),
    ("/events?country=الكويتي", 400),  # an adjective, not a name
    ("/events?min_confidence=2", 400),
    ("/events?page=0", 400),
    ("/events/999999", 404),
    ("/articles/no-such-article", 404),
    ("/actors/999999", 404),
    ("/countries/K1T", 404),
    ("/network?kind=x", 400),
    (f"/search?q={LONG}", 400),
    ("/lang/fr", 400),
    ("/no-such-page", 404),
    ("/map?since=2015-02-30", 400),
    pytest.param("/events/99999999999999999999", None),
    pytest.param("/actors/99999999999999999999", None),
]


@pytest.mark.parametrize("url, status", BAD_REQUESTS)
def test_bad_request_is_a_4xx_with_a_message(client, url, status):
    r = client.get(url)
    assert r.status_code == (status or r.status_code), (url, r.status_code, r.text[:300])
    assert_client_error(r)


@pytest.mark.parametrize("lang, words", [("ar", "تعذّر|غير موجودة"), ("en", "cannot be shown|Not found")])
@pytest.mark.parametrize("url, status", BAD_PAGES)
def test_a_bad_page_address_is_a_page_in_the_readers_language(client, url, status, lang, words):
    r = client.get(url, headers={"Cookie": f"lang={lang}"})
    assert r.status_code == (status or r.status_code) and 400 <= r.status_code < 500, (url, r.status_code)
    assert r.headers["content-type"].startswith("text/html"), r.text[:200]
    assert f'<html lang="{lang}"' in r.text and 'id="error-message"' in r.text
    assert re.search(words, r.text), r.text[:500]
    assert '{"detail"' not in r.text


def test_a_bad_filter_page_names_the_field_and_the_value(client):
    r = client.get("/events", params={"country": "الكويتي", "lang": "ar"})
    assert r.status_code == 400
    assert "«الدولة»" in r.text and "«الكويتي»" in r.text and "KWT" in r.text  # the field, the value, a hint
    r = client.get("/events", params={"country": "Kuwaitt", "lang": "en"})
    assert "Country" in r.text and "Kuwaitt" in r.text


def test_lang_switch_redirects_only_to_this_site(client):
    for target in ("//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)"):
        location = client.get("/lang/en", params={"next": target}, follow_redirects=False).headers["location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\")), (target, location)
    assert client.get("/lang/en", params={"next": "/events?type=VISIT"},
                      follow_redirects=False).headers["location"] == "/events?type=VISIT"


# ------------------------------------------------------------------ injection ----------

INJECTIONS = ["' OR 1=1 --", '"; DROP TABLE articles; --', "%", "_", "\\", ")", "NEAR(", '"', "*", "AND OR",
              "الخارجية\" OR \"", "a' UNION SELECT id, text FROM articles --", "\x00", "'; DELETE FROM events; --",
              "{1} NOT col:x", "^"]
INJECTED = [(path, param) for path, names in [
    ("/api/events", ("country", "pair", "type", "topic", "person", "since", "until", "status", "text", "sort")),
    ("/api/actors", ("q",)), ("/api/search", ("q",)),
    ("/api/graph", ("kind", "country", "since", "type")), ("/api/timeline", ("interval", "country", "type")),
    ("/events", ("country", "pair", "type", "topic", "person", "since", "status", "text")), ("/search", ("q",)),
    ("/network", ("kind",)), ("/api/countries/KWT", ("since", "until")),
] for param in names]


@pytest.mark.parametrize("path, param", INJECTED)
def test_injection_in_a_filter_is_taken_literally(client, db, path, param):
    before = row_count(db)
    for value in INJECTIONS:
        r = client.get(path, params={param: value})
        assert r.status_code < 500, (path, param, value, r.status_code, r.text[:300])
        if r.status_code >= 400 and path.startswith("/api/"):
            assert_client_error(r)
    assert row_count(db) == before and row_count(db, "events") > 0


def test_injection_in_path_parameters(client, db):
    before = row_count(db)
    for value in INJECTIONS:
        for path in ("/api/articles/", "/articles/", "/api/countries/", "/api/events/", "/api/actors/", "/events/"):
            r = client.get(path + quote(value, safe=""))
            assert r.status_code < 500, (path, value, r.status_code)
    assert row_count(db) == before


def test_like_wildcards_in_names_match_literally(client):
    assert get_events(client, person="%")["total"] == 0
    assert client.get("/api/actors", params={"q": "%"}).json() == []


# ------------------------------------------------------------------ upload -------------

def test_upload_is_forbidden_without_a_server_token(client, db):
    r = client.post("/api/articles", json={"id": "x", "text": ZARIF}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and r.json()["detail"]
    assert client.get("/api/articles/x").status_code == 404


@pytest.mark.parametrize("authorization", [None, "", "Bearer", "Bearer wrong", f"Bearer {TOKEN}x", TOKEN[:-1],
                                           f"Basic {TOKEN}x"])
def test_upload_with_a_wrong_token_is_unauthorized(upload_client, authorization):
    headers = {} if authorization is None else {"Authorization": authorization}
    r = upload_client.post("/api/articles", json={"id": "x", "text": ZARIF}, headers=headers)
    assert r.status_code == 401 and r.json()["detail"]
    assert upload_client.get("/api/articles/x").status_code == 404


def test_upload_over_the_size_limit(upload_client, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 1000)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = json.dumps({"id": "big", "text": ZARIF * 20}).encode()
    r = upload_client.post("/api/articles", content=big, headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["detail"]
    # Without a Content-Length (chunked), the limit holds while reading.
    chunked = upload_client.post("/api/articles", content=iter([big[:600], big[600:]]), headers=auth)
    assert chunked.status_code == 413
    assert upload_client.get("/api/articles/big").status_code == 404


@pytest.mark.parametrize("body", [
    b"{oops", b"", b"\xff\xfe", b"null", b"42", b'"text"', b'{"id": "x"}', b'{"text": "x"}', b'{"id": "", "text": "x"}',
    b'{"id": "x", "text": ""}', b'{"id": "x", "text": 7}', b'[{"id": "x", "text": "y"}, {"id": "z"}]',
    b'{"id": "x", "text": "y", "published": "yesterday"}', b'{"id": "x", "text": "\\ud800"}',
])
def test_upload_malformed_is_unprocessable(upload_client, body):
    r = upload_client.post("/api/articles", content=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422, (body, r.status_code, r.text[:300])
    assert r.json()["detail"]
    assert upload_client.get("/api/articles/x").status_code == 404


def test_upload_with_an_impossible_date_is_unprocessable(upload_client):
    r = upload_client.post("/api/articles", json={"id": "x", "text": ZARIF, "published": "2015-13-45"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422


def test_upload_with_the_token_is_stored_and_served(upload_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    total = upload_client.get("/api/events").json()["total"]
    article = {"id": "up-kw-1", "title": "وزير الخارجية يستقبل نظيره الإيراني <script>alert(1)</script>",
               "text": ZARIF, "published": "2015-08-03", "source": "kuna", "url": "https://kuna.example/up-kw-1"}
    r = upload_client.post("/api/articles", json=article, headers=auth)
    assert r.status_code == 201, r.text
    assert (r.json()["new"], r.json()["events"], r.json()["errors"]) == (1, 1, [])

    stored = upload_client.get("/api/articles/up-kw-1").json()
    assert {k: stored[k] for k in ("title", "text", "published", "source")} == {
        k: article[k] for k in ("title", "text", "published", "source")}
    (event,) = stored["events"]
    assert {a["country"] for a in event["actors"]} == {"KWT", "IRN"}
    for span in spans(event["evidence"]):
        assert stored[span["part"]][span["start"]:span["end"]] == span["text"]
    assert upload_client.get("/api/events").json()["total"] == total + 1
    assert event["cluster_id"] in ids(get_events(upload_client, pair="KWT,IRN", since="2015-08-03")["items"])
    assert [h["id"] for h in upload_client.get("/api/search", params={"q": "ظريف"}).json()] == ["up-kw-1"]

    page = upload_client.get("/articles/up-kw-1").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page

    again = upload_client.post("/api/articles", json=[article], headers=auth).json()
    assert (again["new"], again["unchanged"]) == (0, 1)


# ------------------------------------------------------------------ headers ------------

@pytest.mark.parametrize("url", ["/", "/events", "/events?type=MEETING&lang=en", "/events/1", "/articles/ex-kw-001",
                                 "/countries/KWT", "/actors/1", "/network?kind=persons", "/search?q=الخارجية",
                                 "/feeds", "/api/events", "/api/events/1", "/api/graph", "/api/feeds", "/openapi.json",
                                 "/api/events/999999", "/api/events?type=FOO", "/static/no-such-file.js"])
def test_content_security_policy_everywhere(client, url):
    r = client.get(url)
    assert r.status_code < 500
    policy = dict(d.strip().split(" ", 1) for d in r.headers["content-security-policy"].split(";"))
    assert policy["script-src"] == "'self'" and policy["object-src"] == "'none'"
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("url", ["/", "/events", "/events/1", "/articles/ex-kw-001", "/countries/KWT", "/actors/1",
                                 "/network", "/search?q=الخارجية", "/feeds"])
def test_pages_render_in_both_languages(client, url):
    for lang, direction in (("ar", "rtl"), ("en", "ltr")):
        r = client.get(url, params={"lang": lang})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert f'dir="{direction}"' in r.text


# ------------------------------------------------------------------ property-based -----

@pytest.fixture(scope="module")
def api_schema(db):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(db)).include(method="GET")


# Each operation gets its own bounded Hypothesis run here, because the lazy
# ``schemathesis.pytest.from_fixture`` loader fails under pytest 9 (it sets the removed
# ``Function._nodeid``), and the eager one would build the store at import.
@pytest.mark.parametrize("mode", list(GenerationMode), ids=str)
def test_openapi_get_operations_never_fail(api_schema, mode):
    """Whatever schemathesis generates from the OpenAPI description, valid (positive) or
    not (negative), the answer is 2xx/4xx, a 4xx explains itself, and the CSP is there."""
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 9 and all(op.method.upper() == "GET" for op in operations)
    if mode == GenerationMode.NEGATIVE:  # an operation without parameters has no invalid input
        operations = [op for op in operations if any(True for _ in op.iter_parameters())]
    for operation in operations:
        @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(mode))
        def answers_without_server_error(case):
            response = case.call()
            assert response.status_code < 500, (case.as_curl_command(), response.status_code, response.text[:500])
            if response.status_code >= 400:
                assert response.json()["detail"]
            [policy] = response.headers["content-security-policy"]
            assert "script-src 'self'" in policy

        answers_without_server_error()


# ------------------------------------------------------------------ hardening ----------

@contextmanager
def served(app, **options):
    """``app`` on a real server (as ``marsad serve`` runs it) in a thread; its base URL."""
    sock = bind("127.0.0.1", 0)
    server = make_server(app, **options)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def article(n: int, **fields) -> dict:
    return {"id": f"bulk-{n}", "text": ZARIF, "published": "2015-08-03", "source": "kuna", **fields}


def test_reads_are_answered_while_an_upload_is_ingested(upload_client, monkeypatch):
    real = uploads.ingest_articles

    def slow(*args, **kwargs):
        time.sleep(1.5)  # a big article takes seconds to extract
        return real(*args, **kwargs)

    monkeypatch.setattr(uploads, "ingest_articles", slow)
    with served(upload_client.app) as base, httpx.Client(base_url=base, timeout=10) as http:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        upload = threading.Thread(target=lambda: results.append(http.post("/api/articles", json=article(1),
                                                                          headers=auth)))
        results: list[httpx.Response] = []
        upload.start()
        time.sleep(0.3)
        started = time.monotonic()
        assert http.get("/api/events", params={"per_page": 1}).status_code == 200
        assert http.get("/").status_code == 200
        waited = time.monotonic() - started
        upload.join(10)
    assert waited < 0.8, f"reads waited {waited:.1f}s for the upload"
    assert results[0].status_code == 201 and results[0].json()["new"] == 1


def test_a_big_upload_is_a_job_and_too_many_articles_are_refused(db, tmp_path):
    copy = tmp_path / "jobs.db"
    source, target = sqlite3.connect(db), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    client = TestClient(create_app(copy, token=TOKEN, max_upload_articles=30), raise_server_exceptions=False)
    auth = {"Authorization": f"Bearer {TOKEN}"}

    too_many = client.post("/api/articles", json=[article(n) for n in range(31)], headers=auth)
    assert too_many.status_code == 413 and "at most 30" in too_many.json()["detail"]

    accepted = client.post("/api/articles", json=[article(n) for n in range(uploads.SYNC_ARTICLES + 1)], headers=auth)
    assert accepted.status_code == 202
    job = accepted.json()
    assert (job["status"] in ("queued", "running"), job["articles"]) == (True, uploads.SYNC_ARTICLES + 1)
    deadline = time.monotonic() + 60
    while job["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, job
        time.sleep(0.1)
        job = client.get(f"/api/jobs/{job['id']}", headers=auth).json()
    assert job["status"] == "done" and job["result"]["new"] == uploads.SYNC_ARTICLES + 1
    assert client.get("/api/articles/bulk-0").status_code == 200
    assert client.get(f"/api/jobs/{job['id']}").status_code == 401
    assert client.get("/api/jobs/no-such-job", headers=auth).status_code == 404


def test_deeply_nested_json_is_a_client_error(upload_client):
    r = upload_client.post("/api/articles", content=b"[" * 1000, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422 and "nested too deeply" in r.json()["detail"]
    r = upload_client.post("/api/articles", content=b"[" * 100000 + b"]" * 100000,
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422 and "nested too deeply" in r.json()["detail"]


def test_the_token_counts_only_as_a_bearer_token(upload_client):
    r = upload_client.post("/api/articles", json=article(1), headers={"Authorization": TOKEN})
    assert r.status_code == 401 and "Bearer" in r.json()["detail"]
    r = upload_client.post("/api/articles", json=article(1), headers={"Authorization": f"bearer  {TOKEN}"})
    assert r.status_code == 201


def test_fields_are_shown_never_obeyed(upload_client):
    """A link only for http(s) addresses; bidi overrides made visible; NUL bytes dropped."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    hostile = article(1, id="hostile-1", url="javascript:alert(document.cookie)", source="kuna\u202e\x00anuk",
                      title="وزير الخارجية \u2066يستقبل\u2069 نظيره\x00")
    assert upload_client.post("/api/articles", json=hostile, headers=auth).status_code == 201
    safe = article(2, id="safe-1", url="https://www.kuna.net.kw/ArticleDetails.aspx?id=2409181")
    assert upload_client.post("/api/articles", json=safe, headers=auth).status_code == 201

    page = upload_client.get("/articles/hostile-1").text
    assert "javascript:alert" in page and 'href="javascript:' not in page
    found = upload_client.get("/search", params={"q": "ظريف"}).text
    event_id = upload_client.get("/api/articles/hostile-1").json()["events"][0]["cluster_id"]
    event = upload_client.get(f"/events/{event_id}").text
    for html in (page, found, event):
        assert not any(ch in html for ch in "\u202e\u2066\x00"), "a control character reached the page"
    assert "⟦U+202E⟧" in page and "⟦U+2066⟧" in page
    assert 'href="https://www.kuna.net.kw/ArticleDetails.aspx?id=2409181"' in upload_client.get("/articles/safe-1").text


def test_article_ids_with_slashes_have_pages(upload_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert upload_client.post("/api/articles", json=article(1, id="kuna/2015/08/03/1"), headers=auth).status_code == 201
    assert upload_client.get("/api/articles/kuna/2015/08/03/1").json()["id"] == "kuna/2015/08/03/1"
    page = upload_client.get("/articles/kuna/2015/08/03/1")
    assert page.status_code == 200 and "ظريف" in page.text
    assert upload_client.get("/articles/kuna/2015/08/03/2").status_code == 404


def test_only_the_servers_own_names_are_answered(db):
    client = TestClient(create_app(db, hosts=allowed_hosts("127.0.0.1", ("marsad.example",))),
                        base_url="http://127.0.0.1:8000", raise_server_exceptions=False)
    assert client.get("/api/events").status_code == 200
    for host in ("localhost:8000", "marsad.example", "[::1]:8000"):
        assert client.get("/api/events", headers={"Host": host}).status_code == 200, host
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "[bad"):
        r = client.get("/events/", headers={"Host": host}, follow_redirects=False)
        assert r.status_code == 400 and "evil" not in r.headers.get("location", ""), host


def test_a_client_dripping_its_headers_is_disconnected(db):
    with served(create_app(db), header_timeout=0.5) as base:
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            started = time.monotonic()
            closed = False
            while time.monotonic() - started < 5:
                try:
                    conn.sendall(b"X-Drip: a\r\n")
                    conn.settimeout(0.1)
                    closed = conn.recv(1024) == b""
                except TimeoutError:
                    continue
                except OSError:
                    closed = True
                if closed:
                    break
        assert closed and time.monotonic() - started < 2
        assert httpx.get(base + "/api/events", params={"per_page": 1}).status_code == 200


def test_serve_binds_before_it_announces_and_names_a_busy_port(db):
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        with pytest.raises(ServeError, match=f"port {port} on 127.0.0.1 is already in use"):
            bind("127.0.0.1", port)
        result = CliRunner().invoke(main, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 1 and "dashboard on" not in result.output
    assert result.output.strip().splitlines() == [f"Error: port {port} on 127.0.0.1 is already in use "
                                                  "(another server?); choose another with --port"]


# ------------------------------------------------------------------ names, languages, dashboard --

def page_events(client, seed_id: str) -> list[int]:
    """The real-world events reported by one article."""
    return sorted({e["cluster_id"] for e in client.get(f"/api/articles/{seed_id}").json()["events"]})


def test_count_phrases_agree_with_the_number():
    from marsad.web.i18n import count_phrase

    # "1 event, 2 events (dual), 3 events, 11 events (accusative singular)"
    assert [count_phrase(n, "event") for n in (1, 2, 3, 10, 11, 25, 100, 101, 105, 1000)] == [
        "1 حدث", "2 حدثان", "3 أحداث", "10 أحداث", "11 حدثًا", "25 حدثًا", "100 حدث", "101 حدث", "105 أحداث",
        "1000 حدث"]
    assert count_phrase(3, "article") == "3 مقالات" and count_phrase(12, "outlet") == "12 مصدرًا"
    assert count_phrase(1, "event", "en") == "1 event" and count_phrase(7, "event", "en") == "7 events"


def test_the_english_page_of_a_seed_event_names_countries_and_romanises_people(client):
    """seed-000: Kuwait's deputy foreign minister Jarrah Al-Jaber phoned Belgium's secretary
    general of foreign affairs Theodora Gentzis."""
    event_id = page_events(client, "seed-000")[0]
    english = client.get(f"/events/{event_id}?lang=en").text
    assert "Kuwait" in english and "Belgium" in english
    assert re.search(r"Jarrah|Jarah", english), english  # جراح romanised
    assert 'class="translit"' in english or "Al-Jaber" in english
    assert "الكويت" not in re.sub(r"<(p|div)[^>]*article-(text|title).*?</\1>", "", english, flags=re.DOTALL)
    arabic = client.get(f"/events/{event_id}?lang=ar").text
    assert "الكويت" in arabic and "بلجيكا" in arabic and ">KWT<" in arabic  # the code as a hint


@pytest.mark.parametrize("lang, kuwait", [("ar", "الكويت"), ("en", "Kuwait")])
def test_countries_are_named_on_pages(client, lang, kuwait):
    country = client.get(f"/countries/KWT?lang={lang}").text
    assert re.search(rf'id="country-name">{kuwait}<', country)
    overview = client.get(f"/?lang={lang}").text
    pairs = overview.split('class="pairs"')[1].split("</table>")[0]
    assert not re.search(r">[A-Z]{3} – [A-Z]{3}<", pairs)  # names, codes only as hints
    graph = json.loads(re.search(r'id="graph-data">(.*?)</script>', client.get(f"/network?lang={lang}").text).group(1))
    assert kuwait in {n["label"] for n in graph["nodes"]}


def test_filters_accept_country_names_in_both_languages(client, events):
    by_code = ids(get_events(client, country="KWT")["items"])
    assert by_code
    for name in ("الكويت", "Kuwait", "kuwait", "دولة الكويت"):
        assert ids(get_events(client, country=name)["items"]) == by_code, name
    assert ids(get_events(client, pair="الكويت، بلجيكا")["items"]) == ids(get_events(client, pair="KWT,BEL")["items"])
    page = client.get("/events", params={"country": "Kuwait", "lang": "en"}).text
    assert 'list="country-names"' in page and '<option value="Kuwait"' in page and 'value="Kuwait"' in page


def test_confidence_filter_and_display(client, events):
    for threshold in (0, 0.5, 0.9):
        kept = get_events(client, min_confidence=threshold)["items"]
        assert set(ids(kept)) <= set(ids(events))
        assert all(e["confidence"] is not None and e["confidence"] >= threshold for e in kept)
    assert all("confidence" in e and "place" in e for e in events)
    page = client.get("/events", params={"min_confidence": "0.5"}).text
    assert 'name="min_confidence"' in page and 'value="0.5"' in page
    assert "الثقة" in client.get(f"/events/{events[0]['id']}?lang=ar").text


def test_overview_separates_occurred_and_planned_events(client):
    html = client.get("/?lang=ar").text
    latest = html.split('id="latest"')[1].split('id="upcoming-heading"')[0]
    upcoming = html.split('id="upcoming"')[1]
    assert "وقع" in latest and "مزمع" not in latest.split("<tbody>")[1]
    assert "مزمع" in upcoming.split("<tbody>")[1] and "<td>وقع</td>" not in upcoming


def test_month_axis_is_continuous_and_counts_what_it_leaves_out(db, tmp_path):
    copy = tmp_path / "axis.db"
    source, target = sqlite3.connect(db), sqlite3.connect(copy)
    source.backup(target)
    source.execute("SELECT 1")
    # a historical year read as an event's date (1977), and an undated event
    target.execute("UPDATE clusters SET date = '1977-03-01' WHERE id = (SELECT min(id) FROM clusters)")
    target.execute("UPDATE clusters SET date = NULL WHERE id = (SELECT max(id) FROM clusters)")
    target.commit()
    source.close()
    target.close()
    from marsad.store import connect
    from marsad.store.query import month_axis

    axis = month_axis(connect(copy, readonly=True))
    months = axis["months"]
    assert months[0] >= "1990-01" and len(months) == len(set(months))
    for a, b in itertools.pairwise(months):  # each month follows the one before
        ya, ma, yb, mb = int(a[:4]), int(a[5:]), int(b[:4]), int(b[5:])
        assert (yb, mb) == ((ya + 1, 1) if ma == 12 else (ya, ma + 1))
    assert {r["period"] for r in axis["rows"]} <= set(months)
    assert axis["out_of_range"] >= 1 and axis["undated"] >= 1
    html = TestClient(create_app(copy)).get("/").text
    assert 'id="axis-note"' in html and "بلا تاريخ" in html
    data = json.loads(re.search(r'id="timeline-data">(.*?)</script>', html).group(1))
    assert data["periods"] == months


def test_dates_are_isolated_left_to_right_and_no_empty_separators(client, events):
    for url in ["/", "/events", f"/events/{events[0]['id']}", "/articles/ex-kw-001", "/search?q=الكويت", "/actors/1"]:
        html = client.get(url).text
        assert not re.search(r"·\s*·", html), url
        for date in re.findall(r"\d{4}-\d{2}-\d{2}", re.sub(r"<script.*?</script>", "", html, flags=re.DOTALL)):
            assert re.search(rf'(dir="ltr"><time datetime="{date}">|datetime="{date}"|value="{date}"|={date}){date}?', html), (url, date)


def test_search_lists_an_article_published_twice_once(upload_client):
    twin = {"title": "وزير الخارجية يستقبل سفير بلجيكا", "source": "twin-outlet", "url": "https://example.com/a/1",
            "text": "استقبل وزير الخارجية الكويتي اليوم سفير بلجيكا لدى الكويت وبحث معه العلاقات الثنائية."}
    r = upload_client.post("/api/articles", json=[{"id": "twin-1", **twin}, {"id": "twin-2", **twin}],
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    hits = upload_client.get("/api/search", params={"q": "سفير بلجيكا"}).json()
    assert [h["id"] for h in hits if h["source"] == "twin-outlet"] == ["twin-1"]


def test_english_search_finds_people_by_romanised_name(client):
    found = client.get("/api/actors", params={"q": "Al-Sabah"}).json()
    assert found and all("sabah" in a["name_en"].lower() for a in found)
    assert all(a["name_en_method"] in ("known", "transliterated") for a in found)
    person = found[0]["name_en"].split()[0]
    assert ids(get_events(client, person=found[0]["name_en"])["items"])
    page = client.get("/search", params={"q": person, "lang": "en"}).text
    assert 'id="people"' in page and f"/actors/{found[0]['id']}" in page


def test_map_data_agrees_with_the_filters(client, events):
    world = client.get("/api/map").json()
    kwt = len(get_events(client, country="KWT")["items"])
    assert world["countries"]["KWT"] == kwt and world["names"]["KWT"] == {"code": "KWT", "ar": "الكويت", "en": "Kuwait"}
    focused = client.get("/api/map", params={"country": "Kuwait"}).json()
    assert focused["focus"] == "KWT" and focused["countries"]["KWT"] == kwt
    for code, n in focused["countries"].items():
        if code != "KWT":
            assert n == len(get_events(client, pair=f"KWT,{code}")["items"])
    assert isinstance(world["points"], list) and world["pairs"][0]["weight"] >= world["pairs"][-1]["weight"]
    page = client.get("/map").text
    assert 'id="world-map"' in page and "/static/vendor/d3.min.js" in page
