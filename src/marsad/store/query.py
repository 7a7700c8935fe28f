"""Reading the store: real-world events (clusters) filtered the way analysts ask.

:func:`select_events` returns one :class:`EventRecord` per cluster, carrying the
representative report's fields, the counts of reports and sources, and the articles
that reported it. Filters combine with AND; ``pair`` needs both countries, ``text``
is an FTS5 search over the folded article text (so hamza, taa marbuta, alif maqsura
and diacritics do not matter).

Countries are stored by code (``KWT``); :func:`country_code` reads what a user types
(a code, or a name in Arabic or English: «الكويت», "Kuwait") and :func:`country_label`
names a code in both languages. :func:`month_axis` counts events per month over the
plausible span of dates only (see :func:`plausible_span`) and says how many it left out.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from marsad.english import country_name_en, romanise_name
from marsad.lexicon import load_lexicon
from marsad.model import EVENT_TYPES, STATUSES, TOPICS
from marsad.store.actors import name_key
from marsad.store.fts import fts_query
from marsad.text.normalize import fold

FILTER_NAMES = ("country", "pair", "type", "topic", "person", "since", "until", "status", "text", "min_confidence")
MAX_FILTER_TEXT = 200  # characters of a person's name or of searched words
FIRST_YEAR = 1990  # an earlier "event date" is a historical year the article mentions, not the event's
_CODE = re.compile(r"[A-Za-z]{3}")
_LATIN = re.compile(r"[A-Za-z]")


class FilterError(ValueError):
    """A filter value that cannot be used; ``field`` names the filter."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass
class Filters:
    """What analysts ask of the events; every filter is optional and they combine with AND."""

    country: str | None = None
    pair: tuple[str, str] | None = None
    type: str | None = None
    topic: str | None = None
    person: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    status: str | None = None
    text: str | None = None
    min_confidence: float | None = None  # 0-1; events without a confidence are left out
    limit: int | None = None
    offset: int = 0
    sort: str = "date_desc"  # date_desc | date_asc | reports_desc

    @classmethod
    def parse(cls, values: Mapping[str, str | None], **paging: Any) -> Filters:
        """Filters from what a user typed (a form, a query string, the command line):
        blank values left out, countries read as codes or names (:func:`country_code`),
        types upper-cased, every value checked; the first bad one raises
        :class:`FilterError`. Keys other than :data:`FILTER_NAMES` are ignored;
        ``paging`` sets ``limit``, ``offset`` and ``sort``.

        >>> Filters.parse({"pair": "kwt, بلجيكا", "type": "visit", "person": "", "page": "2"}).pair
        ('KWT', 'BEL')
        >>> Filters.parse({"country": "Kuwait", "min_confidence": "0.5"}).country
        'KWT'
        >>> Filters.parse({"since": "2024-02-30"})
        Traceback (most recent call last):
        ...
        marsad.store.query.FilterError: since: '2024-02-30' is not a calendar date (YYYY-MM-DD)
        """
        raw = {name: (str(values.get(name) or "")).strip() or None for name in FILTER_NAMES}
        country, pair, type_ = raw["country"], raw["pair"], raw["type"]
        code = None
        if country is not None:
            code = country_code(country)
            if code is None:
                raise FilterError("country", f"no state or organisation is called {country[:50]!r} "
                                             "(give a name such as الكويت or Kuwait, or a code such as KWT)")
        codes = None
        if pair is not None:
            parts = [p.strip() for p in re.split(r"[,،]", pair)]  # "KWT, BEL" and «الكويت، بلجيكا» too
            found = [c for c in map(country_code, parts) if c is not None]
            if len(parts) != 2 or len(found) != 2:
                raise FilterError("pair", f"expected two countries such as KWT,BEL or الكويت،بلجيكا, got {pair[:50]!r}")
            codes = (found[0], found[1])
        type_ = type_.upper() if type_ else None
        for name, value, allowed in (("type", type_, EVENT_TYPES), ("topic", raw["topic"], TOPICS),
                                     ("status", raw["status"], STATUSES)):
            if value is not None and value not in allowed:
                raise FilterError(name, f"{value[:50]!r} is not one of {', '.join(allowed)}")
        for name in ("since", "until"):
            day = raw[name]
            if day is not None and not _calendar_day(day):
                raise FilterError(name, f"{day[:50]!r} is not a calendar date (YYYY-MM-DD)")
        since, until = raw["since"], raw["until"]
        if since and until and since > until:
            raise FilterError("since", "must not be after until")
        for name in ("person", "text"):
            typed = raw[name]
            if typed is not None and len(typed) > MAX_FILTER_TEXT:
                raise FilterError(name, f"longer than {MAX_FILTER_TEXT} characters")
        confidence = None
        threshold = raw["min_confidence"]
        if threshold is not None:
            try:
                confidence = float(threshold)
            except ValueError:
                confidence = -1.0
            if not 0 <= confidence <= 1:  # also refuses nan
                raise FilterError("min_confidence", f"expected a number from 0 to 1, got {threshold[:50]!r}")
        return cls(country=code, pair=codes, type=type_, topic=raw["topic"], person=raw["person"],
                   since=raw["since"], until=raw["until"], status=raw["status"], text=raw["text"],
                   min_confidence=confidence, **paging)


def _calendar_day(value: str) -> bool:
    try:
        return dt.date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


@lru_cache(maxsize=1)
def _country_names() -> dict[str, tuple[str, str | None]]:
    """code -> (Arabic short name, English name) of every state and organisation the lexicon knows."""
    return {code: (names[0], country_name_en(code)) for code, names in load_lexicon().country_names.items() if names}


@lru_cache(maxsize=1)
def _country_keys() -> dict[str, str]:
    """Every Arabic spelling (folded) and English name (lower case) -> code."""
    keys: dict[str, str] = {}
    for code, names in load_lexicon().country_names.items():
        for name in names:
            keys.setdefault(_country_key(name), code)
    for code, (_, english) in _country_names().items():
        if english:
            keys.setdefault(_country_key(english), code)
    return keys


def _country_key(text: str) -> str:
    text = " ".join(fold(text).lower().split())
    return text.removeprefix("the ")


def country_code(text: str) -> str | None:
    """The code of a country or organisation as a user may type it: a three-letter code
    (any, in any case), or a name in Arabic (any spelling the lexicon lists, hamza and taa
    marbuta folded) or English; ``None`` when nothing is called that.

    >>> country_code("kwt"), country_code("الكويت"), country_code("belgium"), country_code("the United States")
    ('KWT', 'KWT', 'BEL', 'USA')
    >>> country_code("الكويتي") is None
    True
    """
    text = text.strip()
    if _CODE.fullmatch(text):
        return text.upper()
    return _country_keys().get(_country_key(text))


def country_label(code: str) -> dict[str, str]:
    """A code named in both languages (the code itself where a name is not known).

    >>> country_label("KWT")
    {'code': 'KWT', 'ar': 'الكويت', 'en': 'Kuwait'}
    """
    arabic, english = _country_names().get(code, (None, None))
    return {"code": code, "ar": arabic or code, "en": english or code}


def country_labels() -> list[dict[str, str]]:
    """Every known state and organisation, named in both languages (for suggestions)."""
    return [country_label(code) for code in sorted(_country_names())]


def plausible_span(conn: sqlite3.Connection) -> tuple[str, str]:
    """The first and last day an event date may plausibly fall on: from 1 January
    :data:`FIRST_YEAR` to a year after the newest article (an article names planned
    events months ahead; a later "date" is a misread number)."""
    newest = conn.execute("SELECT max(published) FROM articles").fetchone()[0]
    try:
        last = dt.date.fromisoformat(newest) if newest else dt.date.today()
    except ValueError:
        last = dt.date.today()
    return f"{FIRST_YEAR}-01-01", (last + dt.timedelta(days=366)).isoformat()


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    """The columns ``table`` has in this store (stores written by older versions lack some)."""
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def _get(row: sqlite3.Row, key: str) -> Any:
    """``row[key]``, or ``None`` where the store has no such column."""
    return row[key] if key in row.keys() else None  # noqa: SIM118 (`in` on a Row looks at its values)


PLACE_FIELDS = ("name_ar", "name_en", "kind", "country", "adm1", "lat", "lon", "geonameid")


def _place(row: sqlite3.Row) -> dict[str, Any] | None:
    """The resolved place of a report, from its ``place_*`` columns; ``None`` if unresolved."""
    place = {k: _get(row, f"place_{k}") for k in PLACE_FIELDS}
    return place if place["name_ar"] or place["lat"] is not None else None


def latin_key(text: str) -> str:
    """Latin letters and digits only, lower case, one space between words: how an English
    query and a romanised name are compared ("Al-Sabah" -> "al sabah").

    >>> latin_key("Sabah Al-Khalid Al-Sabah")
    'sabah al khalid al sabah'
    """
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower().replace("'", "")).split())


@lru_cache(maxsize=1 << 16)
def romanised(name: str) -> tuple[str, str]:
    """(Latin spelling, "known" or "transliterated") of an Arabic personal name."""
    return romanise_name(name)


def actor_ids_by_latin_name(conn: sqlite3.Connection, text: str) -> list[int]:
    """Actors whose romanised name contains the words of ``text`` (an English query such
    as "Sabah Al-Khalid"): names are romanised when asked, so the store needs no column."""
    key = latin_key(text)
    if not key:
        return []
    return [r["id"] for r in conn.execute("SELECT id, name FROM actors WHERE name IS NOT NULL")
            if f" {key} " in f" {latin_key(romanised(r['name'])[0])} "]


@dataclass
class ActorRecord:
    role: str
    name: str | None
    title: str | None
    country: str | None
    actor_id: int | None


@dataclass
class EventRecord:
    """A real-world event: a cluster of reports, described by its fullest report."""

    id: int
    type: str
    subtype: str | None
    status: str
    date: str | None
    location: str | None
    countries: list[str]
    topics: list[str]
    actors: list[ActorRecord]
    codes: dict[str, Any]
    n_articles: int
    n_sources: int
    first_seen: str | None
    last_seen: str | None
    articles: list[dict[str, Any]] = field(default_factory=list)  # id, source, url, published, title
    evidence: dict[str, Any] = field(default_factory=dict)  # of the representative report
    confidence: float | None = None  # the highest of its reports'; None where not scored
    place: dict[str, Any] | None = None  # the gazetteer place of the representative report

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def like_escape(text: str) -> str:
    """``text`` taken literally inside a LIKE pattern (``%`` and ``_`` are not wildcards)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(conn: sqlite3.Connection, f: Filters) -> tuple[str, list[Any]]:
    sql: list[str] = ["1 = 1"]
    args: list[Any] = []
    if f.type:
        sql.append("c.type = ?")
        args.append(f.type.upper())
    if f.status:
        sql.append("c.status = ?")
        args.append(f.status)
    if f.since:
        sql.append("c.date >= ?")
        args.append(f.since)
    if f.until:
        sql.append("c.date <= ?")
        args.append(f.until)
    for code in ([f.country] if f.country else []) + (list(f.pair) if f.pair else []):
        sql.append("(',' || c.countries || ',') LIKE ?")
        args.append(f"%,{code.upper()},%")
    if f.topic:
        sql.append("EXISTS (SELECT 1 FROM events e JOIN event_topics t ON t.event_id = e.id "
                   "WHERE e.cluster_id = c.id AND t.topic = ?)")
        args.append(f.topic)
    if f.person and _LATIN.search(f.person):  # an English query: matched against romanised names
        sql.append("EXISTS (SELECT 1 FROM events e JOIN event_actors ea ON ea.event_id = e.id "
                   "WHERE e.cluster_id = c.id AND ea.actor_id IN (SELECT value FROM json_each(?)))")
        args.append(json.dumps(actor_ids_by_latin_name(conn, f.person)))
    elif f.person:
        key = name_key(f.person)
        sql.append(
            "EXISTS (SELECT 1 FROM events e JOIN event_actors ea ON ea.event_id = e.id "
            "JOIN actor_aliases al ON al.actor_id = ea.actor_id "
            "WHERE e.cluster_id = c.id AND (' ' || al.key || ' ') LIKE ? ESCAPE '\\')"
        )
        args.append(f"% {like_escape(key)} %")
    if f.text and not fts_query(f.text):
        sql.append("0")  # no letters or digits to look for: nothing matches
    elif f.text:
        sql.append(
            "EXISTS (SELECT 1 FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.cluster_id = c.id AND a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?))"
        )
        args.append(fts_query(f.text))
    if f.min_confidence is not None:
        if "confidence" in _columns(conn, "clusters"):
            sql.append("c.confidence >= ?")
        elif "confidence" in _columns(conn, "events"):
            sql.append("EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = c.id AND e.confidence >= ?)")
        else:
            sql.append("? IS NULL")  # a store without confidences: no event reaches any threshold
        args.append(f.min_confidence)
    return " AND ".join(sql), args


def select_events(
    conn: sqlite3.Connection, filters: Filters | None = None, *, with_articles: bool = True
) -> list[EventRecord]:
    """Real-world events matching ``filters``, newest first.

    A handful of queries whatever the number of rows: the clusters, then their
    representative reports, actors, topics and articles fetched together.
    """
    f = filters or Filters()
    where, args = _where(conn, f)
    sql = f"SELECT c.* FROM clusters c WHERE {where} ORDER BY {SORTS[f.sort]}"
    if f.limit:
        sql += f" LIMIT {int(f.limit)} OFFSET {int(f.offset)}"
    return _records(conn, conn.execute(sql, args).fetchall(), with_articles)


def event_by_id(conn: sqlite3.Connection, cluster_id: int) -> EventRecord | None:
    """One real-world event by its id, with its articles."""
    rows = conn.execute("SELECT c.* FROM clusters c WHERE c.id = ?", (cluster_id,)).fetchall()
    return next(iter(_records(conn, rows, True)), None)


def _records(conn: sqlite3.Connection, clusters: list[sqlite3.Row], with_articles: bool) -> list[EventRecord]:
    if not clusters:
        return []
    ids = [c["id"] for c in clusters]
    reps = _by_key(conn, "SELECT * FROM events WHERE id IN ({})", [c["representative"] for c in clusters], "id")
    actors: dict[int, list[ActorRecord]] = {}
    for r in _rows(conn, "SELECT ea.event_id, ea.role, coalesce(ac.name, ea.name) AS name, ea.title, ea.country, "
                         "ea.actor_id FROM event_actors ea LEFT JOIN actors ac ON ac.id = ea.actor_id "
                         "WHERE ea.event_id IN ({}) ORDER BY ea.event_id, ea.seq", list(reps)):
        actors.setdefault(r["event_id"], []).append(
            ActorRecord(r["role"], r["name"], r["title"], r["country"], r["actor_id"]))
    topics: dict[int, set[str]] = {}
    for r in _rows(conn, "SELECT DISTINCT e.cluster_id, t.topic FROM event_topics t JOIN events e ON e.id = t.event_id "
                         "WHERE e.cluster_id IN ({})", ids):
        topics.setdefault(r[0], set()).add(r[1])
    articles: dict[int, list[dict]] = {}
    if with_articles:
        for r in _rows(conn, "SELECT DISTINCT e.cluster_id, a.id, a.source, a.url, a.published, a.title FROM events e "
                             "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IN ({}) "
                             "ORDER BY e.cluster_id, a.published, a.id", ids):
            row = dict(r)
            articles.setdefault(row.pop("cluster_id"), []).append(row)
    out = []
    for c in clusters:
        e = reps[c["representative"]]
        out.append(EventRecord(
            id=c["id"], type=c["type"], subtype=e["subtype"], status=c["status"], date=e["date"] or c["date"],
            location=e["location"], countries=c["countries"].split(",") if c["countries"] else [],
            topics=sorted(topics.get(c["id"], ())), actors=actors.get(e["id"], []),
            codes={k: e[k] for k in CODE_COLUMNS}, n_articles=c["n_articles"], n_sources=c["n_sources"],
            first_seen=c["first_seen"], last_seen=c["last_seen"], articles=articles.get(c["id"], []),
            evidence=json.loads(e["evidence"]),
            confidence=_get(c, "confidence") if _get(c, "confidence") is not None else _get(e, "confidence"),
            place=_place(e),
        ))
    return out


SORTS = {
    "date_desc": "c.date IS NULL, c.date DESC, c.id DESC",
    "date_asc": "c.date IS NULL, c.date ASC, c.id ASC",
    "reports_desc": "c.n_articles DESC, c.date DESC, c.id DESC",
}
CODE_COLUMNS = ("cameo", "cameo_base", "cameo_root", "cameo_label", "plover_type", "plover_mode", "quad_class",
                "goldstein")


def _rows(conn: sqlite3.Connection, sql: str, keys: list) -> list[sqlite3.Row]:
    """``sql`` with its ``IN ({})`` filled for ``keys``, in chunks under SQLite's variable limit."""
    rows: list[sqlite3.Row] = []
    for i in range(0, len(keys), 900):
        chunk = keys[i : i + 900]
        rows += conn.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return rows


def _by_key(conn: sqlite3.Connection, sql: str, keys: list, key: str) -> dict:
    return {r[key]: r for r in _rows(conn, sql, keys)}


def counts_by_month(conn: sqlite3.Connection, filters: Filters | None = None) -> list[tuple[str, str, int]]:
    """(YYYY-MM, type, number of real-world events), for charts."""
    where, args = _where(conn, filters or Filters())
    return [tuple(r) for r in conn.execute(
        f"SELECT substr(c.date, 1, 7) AS month, c.type, count(*) FROM clusters c WHERE {where} "
        "AND c.date IS NOT NULL GROUP BY month, c.type ORDER BY month, c.type", args)]


def month_axis(conn: sqlite3.Connection, filters: Filters | None = None) -> dict[str, Any]:
    """Real-world events per month and type on a continuous axis (months without events
    included) from the first to the last plausible dated event; events without a date
    and those dated outside :func:`plausible_span` (a historical year taken for the
    event's) are counted, not placed.

    ``{"months": ["2024-01", …], "rows": [{"period", "type", "events"}], "undated": n,
    "out_of_range": n, "span": [first plausible day, last]}``
    """
    where, args = _where(conn, filters or Filters())
    first, last = plausible_span(conn)
    rows = [{"period": r[0], "type": r[1], "events": r[2]} for r in conn.execute(
        f"SELECT substr(c.date, 1, 7) AS p, c.type, count(*) FROM clusters c WHERE {where} "
        "AND c.date BETWEEN ? AND ? GROUP BY p, c.type ORDER BY p, c.type", [*args, first, last])]
    undated, outside = conn.execute(
        f"SELECT count(*) FILTER (WHERE c.date IS NULL), count(*) FILTER (WHERE c.date NOT BETWEEN ? AND ?) "
        f"FROM clusters c WHERE {where}", [first, last, *args]).fetchone()
    months: list[str] = []
    if rows:
        year, month = int(rows[0]["period"][:4]), int(rows[0]["period"][5:7])
        end = rows[-1]["period"]
        while (period := f"{year:04d}-{month:02d}") <= end:
            months.append(period)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return {"months": months, "rows": rows, "undated": undated, "out_of_range": outside, "span": [first, last]}


def count_events(conn: sqlite3.Connection, filters: Filters | None = None) -> int:
    where, args = _where(conn, filters or Filters())
    return conn.execute(f"SELECT count(*) FROM clusters c WHERE {where}", args).fetchone()[0]


def event_reports(conn: sqlite3.Connection, cluster_id: int) -> list[dict[str, Any]]:
    """Every report of a real-world event: the article and the event as extracted there."""
    out = []
    for e in conn.execute(
        "SELECT e.*, a.source, a.url, a.published, a.title AS article_title FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ? ORDER BY a.published, e.id",
        (cluster_id,),
    ).fetchall():
        actors = [dict(r) for r in conn.execute(
            "SELECT role, name, title, country, actor_id FROM event_actors WHERE event_id = ? ORDER BY seq",
            (e["id"],))]
        out.append({
            "event_id": e["id"], "article_id": e["article_id"], "source": e["source"], "url": e["url"],
            "published": e["published"], "title": e["article_title"], "type": e["type"], "subtype": e["subtype"],
            "status": e["status"], "date": e["date"], "location": e["location"], "actors": actors,
            "topics": json.loads(e["topics"]), "evidence": json.loads(e["evidence"]),
            "confidence": _get(e, "confidence"), "place": _place(e),
        })
    return out


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One article with its text and the events found in it (with their clusters)."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    events = []
    for e in conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY seq", (article_id,)).fetchall():
        actors = [dict(r) for r in conn.execute(
            "SELECT role, name, title, country, actor_id FROM event_actors WHERE event_id = ? ORDER BY seq",
            (e["id"],))]
        events.append({"event_id": e["id"], "cluster_id": e["cluster_id"], "type": e["type"], "subtype": e["subtype"],
                       "status": e["status"], "date": e["date"], "location": e["location"], "actors": actors,
                       "topics": json.loads(e["topics"]), "evidence": json.loads(e["evidence"]),
                       "confidence": _get(e, "confidence"), "place": _place(e)})
    return {"id": row["id"], "source": row["source"], "url": row["url"], "published": row["published"],
            "title": row["title"], "text": row["text"], "home_country": row["home_country"],
            "flags": json.loads(row["flags"]), "events": events}


def search_actors(conn: sqlite3.Connection, q: str, limit: int = 20) -> list[dict[str, Any]]:
    """Actors whose name (any alias, any spelling) contains the words of ``q``; a query
    in Latin letters is matched against the romanised names ("Sabah Al-Khalid"). Each
    carries ``name_en``, its name romanised, and ``name_en_method``: "known" (the
    person's own English spelling) or "transliterated"."""
    select = ("SELECT a.id, a.name, a.country, a.first_seen, a.last_seen, "
              "(SELECT count(*) FROM event_actors ea WHERE ea.actor_id = a.id) AS reports FROM actors a ")
    if _LATIN.search(q):
        rows = conn.execute(
            select + "WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY reports DESC, a.id LIMIT ?",
            (json.dumps(actor_ids_by_latin_name(conn, q)), limit),
        ).fetchall()
    else:
        key = name_key(q)
        rows = conn.execute(
            select + "WHERE a.id IN (SELECT actor_id FROM actor_aliases WHERE (' ' || key || ' ') LIKE ? ESCAPE '\\') "
            "ORDER BY reports DESC, a.id LIMIT ?", (f"% {like_escape(key)} %" if key else "%", limit)).fetchall()
    out = []
    for r in rows:
        latin, method = romanised(r["name"]) if r["name"] else (None, None)
        out.append({**dict(r), "name_en": latin, "name_en_method": method})
    return out


def actor(conn: sqlite3.Connection, actor_id: int) -> dict[str, Any] | None:
    """One actor: aliases, titles over time, partners (the other parties of their events)."""
    row = conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None:
        return None
    aliases = [r[0] for r in conn.execute(
        "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", (actor_id,))]
    titles = [dict(r) for r in conn.execute(
        "SELECT title, first_seen, last_seen FROM actor_titles WHERE actor_id = ? ORDER BY first_seen", (actor_id,))]
    partners = [dict(r) for r in conn.execute(
        "SELECT coalesce(ac.name, other.name, other.title) AS name, other.country, other.actor_id, "
        "count(DISTINCT e.cluster_id) AS events FROM event_actors me "
        "JOIN events e ON e.id = me.event_id JOIN event_actors other ON other.event_id = e.id AND other.seq != me.seq "
        "LEFT JOIN actors ac ON ac.id = other.actor_id WHERE me.actor_id = ? "
        "GROUP BY coalesce(other.actor_id, other.country) ORDER BY events DESC LIMIT 50", (actor_id,))]
    events = [r[0] for r in conn.execute(
        "SELECT DISTINCT e.cluster_id FROM event_actors ea JOIN events e ON e.id = ea.event_id "
        "WHERE ea.actor_id = ? ORDER BY e.cluster_id DESC LIMIT 100", (actor_id,))]
    return {"id": row["id"], "name": row["name"], "country": row["country"], "first_seen": row["first_seen"],
            "last_seen": row["last_seen"], "aliases": aliases, "titles": titles, "partners": partners,
            "event_ids": events}


def country(conn: sqlite3.Connection, code: str, filters: Filters | None = None) -> dict[str, Any]:
    """A country's partners, counts by type and topic, and monthly timeline."""
    f = filters or Filters()
    f = Filters(**{**asdict(f), "country": code, "limit": None, "offset": 0})
    where, args = _where(conn, f)
    clusters = [r for r in conn.execute(
        f"SELECT c.id, c.type, c.countries, c.date FROM clusters c WHERE {where}", args)]
    partners: dict[str, int] = {}
    by_type: dict[str, int] = {}
    timeline: dict[tuple[str, str], int] = {}
    for c in clusters:
        by_type[c["type"]] = by_type.get(c["type"], 0) + 1
        for other in c["countries"].split(","):
            if other and other != code:
                partners[other] = partners.get(other, 0) + 1
        if c["date"]:
            key = (c["date"][:7], c["type"])
            timeline[key] = timeline.get(key, 0) + 1
    topics = _rows(conn, "SELECT t.topic, count(DISTINCT e.cluster_id) AS n FROM event_topics t "
                         "JOIN events e ON e.id = t.event_id WHERE e.cluster_id IN ({}) GROUP BY t.topic "
                         "ORDER BY n DESC", [c["id"] for c in clusters]) if clusters else []
    merged: dict[str, int] = {}
    for r in topics:
        merged[r[0]] = merged.get(r[0], 0) + r[1]
    return {
        "code": code, "events": len(clusters),
        "partners": [{"country": k, "events": v} for k, v in sorted(partners.items(), key=lambda kv: (-kv[1], kv[0]))],
        "by_type": by_type,
        "topics": [{"topic": k, "events": v} for k, v in sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))],
        "timeline": [{"period": p, "type": t, "events": n} for (p, t), n in sorted(timeline.items())],
    }


def graph(conn: sqlite3.Connection, filters: Filters | None = None, *, kind: str = "countries",
          limit: int = 300) -> dict[str, Any]:
    """Nodes and weighted edges: countries (or persons) that engaged each other."""
    where, args = _where(conn, filters or Filters())
    edges: dict[tuple[str, str], dict[str, int]] = {}
    labels: dict[str, str] = {}
    if kind == "countries":
        for c in conn.execute(f"SELECT c.type, c.countries FROM clusters c WHERE {where}", args):
            codes = [x for x in c["countries"].split(",") if x]
            for i, a in enumerate(codes):
                labels[a] = a
                for b in codes[i + 1:]:
                    edges.setdefault((a, b), {}).setdefault(c["type"], 0)
                    edges[(a, b)][c["type"]] += 1
    else:
        rows = conn.execute(
            f"SELECT c.id, c.type, ea.actor_id, coalesce(ac.name, ea.name) AS name FROM clusters c "
            f"JOIN events e ON e.id = c.representative JOIN event_actors ea ON ea.event_id = e.id "
            f"LEFT JOIN actors ac ON ac.id = ea.actor_id WHERE {where} AND ea.actor_id IS NOT NULL", args)
        by_cluster: dict[int, list[str]] = {}
        types: dict[int, str] = {}
        for r in rows:
            node = f"a{r['actor_id']}"
            labels[node] = r["name"]
            by_cluster.setdefault(r["id"], []).append(node)
            types[r["id"]] = r["type"]
        for cid, members in by_cluster.items():
            actors = sorted(set(members))
            for i, a in enumerate(actors):
                for b in actors[i + 1:]:
                    edges.setdefault((a, b), {}).setdefault(types[cid], 0)
                    edges[(a, b)][types[cid]] += 1
    ranked = sorted(edges.items(), key=lambda kv: -sum(kv[1].values()))[:limit]
    used = {n for (a, b), _ in ranked for n in (a, b)}
    nodes: list[dict[str, str | None]]
    if kind == "countries":
        nodes = [{"id": n, "label": labels[n], "name_ar": country_label(n)["ar"], "name_en": country_label(n)["en"]}
                 for n in sorted(used)]
    else:
        nodes = [{"id": n, "label": labels[n], "name_en": romanised(labels[n])[0] if labels[n] else None,
                  "name_en_method": romanised(labels[n])[1] if labels[n] else None} for n in sorted(used)]
    return {
        "kind": kind,
        "nodes": nodes,
        "edges": [{"source": a, "target": b, "weight": sum(t.values()), "by_type": t} for (a, b), t in ranked],
    }


def timeline(conn: sqlite3.Connection, filters: Filters | None = None, *, interval: str = "month") -> list[dict]:
    """Counts of real-world events per day, week or month, by type."""
    where, args = _where(conn, filters or Filters())
    period = {"day": "c.date", "week": "strftime('%Y-W%W', c.date)", "month": "substr(c.date, 1, 7)"}[interval]
    return [{"period": r[0], "type": r[1], "events": r[2]} for r in conn.execute(
        f"SELECT {period} AS p, c.type, count(*) FROM clusters c WHERE {where} AND c.date IS NOT NULL "
        "GROUP BY p, c.type ORDER BY p, c.type", args)]


def search_articles(conn: sqlite3.Connection, q: str, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Articles matching the words of ``q`` (any spelling), with their number of events.

    An article a feed published twice (the same address, or the same outlet and title
    under two ids) is listed once, under its first id.
    """
    query = fts_query(q)
    if not query:
        return []
    return [dict(r) for r in conn.execute(
        "WITH hits AS (SELECT a.id, a.source, a.url, a.published, a.title, row_number() OVER ("
        "  PARTITION BY coalesce(nullif(a.url, ''), coalesce(a.source, '') || char(31) || coalesce(a.title, a.id)) "
        "  ORDER BY a.published, a.id) AS nth FROM articles a "
        "  WHERE a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)) "
        "SELECT id, source, url, published, title, "
        "(SELECT count(*) FROM events e WHERE e.article_id = hits.id) AS events FROM hits WHERE nth = 1 "
        "ORDER BY published DESC, id LIMIT ? OFFSET ?", (query, limit, offset))]


def map_data(conn: sqlite3.Connection, filters: Filters | None = None, *, pairs: int = 25,
             points: int = 2000) -> dict[str, Any]:
    """What the world map draws for the events matching ``filters``.

    ``countries``: code -> number of events it took part in (with ``filters.country``
    set: the events it shared with that country, and its own total); ``pairs``: the
    busiest pairs as graph edges; ``points``: events whose place is on the map
    (``id``, ``lat``, ``lon``, ``name_ar``, ``name_en``, ``type``, ``date``); ``names``:
    every code shown, named in both languages.
    """
    f = filters or Filters()
    where, args = _where(conn, f)
    counts: dict[str, int] = {}
    for (codes,) in conn.execute(f"SELECT c.countries FROM clusters c WHERE {where}", args):
        for code in {x for x in codes.split(",") if x}:
            counts[code] = counts.get(code, 0) + 1
    located = []
    if {"place_lat", "place_lon"} <= _columns(conn, "events"):
        located = [dict(r) for r in conn.execute(
            f"SELECT c.id, e.place_lat AS lat, e.place_lon AS lon, e.place_name_ar AS name_ar, "
            f"e.place_name_en AS name_en, c.type, c.date FROM clusters c JOIN events e ON e.id = c.representative "
            f"WHERE {where} AND e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL "
            f"ORDER BY c.n_articles DESC, c.id DESC LIMIT ?", [*args, points])]
    edges = graph(conn, f, kind="countries", limit=pairs)["edges"]
    return {"focus": f.country, "countries": counts, "pairs": edges, "points": located,
            "names": {code: country_label(code) for code in counts}}
