"""The dashboard and HTTP API: one FastAPI application over the event store.

``create_app(db)`` serves

- ``/api/...``: JSON (OpenAPI description at ``/openapi.json``):
  events with the filters of ``marsad query`` plus paging and sorting, one event with its
  reports and evidence, one article, actors, a country profile, a graph of countries or
  persons, a timeline, full-text search, and (with a token) article upload;
- server-rendered pages (Jinja2, autoescaped), Arabic first with an English toggle:
  overview, event list, event, article, country, actor, network, search.

The store is opened read-only per thread; uploads (only when ``MARSAD_TOKEN`` is set and
the request carries it) go through one writer under a lock. Every response carries a
Content-Security-Policy that allows scripts from this server only, so text from articles
can never run as code, and all SQL is parameterised in :mod:`marsad.store.query`.
"""
from __future__ import annotations

import hmac
import os
import sqlite3
import threading
from importlib import resources
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from marsad.store import connect
from marsad.store import query as q
from marsad.store.db import StoreError, default_path
from marsad.web.i18n import LABELS, TOPIC_LABELS, TYPE_LABELS, language
from marsad.web.render import highlight, visible_controls

MAX_UPLOAD_BYTES = 5 * 2**20
# Seconds an idle keep-alive connection stays open. uvicorn's 5 s default closes
# connections that clients queued behind a busy server are about to reuse.
KEEP_ALIVE = 60
PER_PAGE_MAX = 200
CODE = r"^[A-Za-z]{3}$"
DAY = r"^\d{4}-\d{2}-\d{2}$"
EventType = Literal["PHONE_CALL", "MEETING", "VISIT", "MESSAGE", "AGREEMENT"]
Status = Literal["occurred", "planned"]
Sort = Literal["date_desc", "date_asc", "reports_desc"]
Interval = Literal["day", "week", "month"]
GraphKind = Literal["countries", "persons"]
TOPICS = tuple(TOPIC_LABELS["en"])
Topic = Literal[TOPICS]  # type: ignore[valid-type]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


class ArticleIn(BaseModel):
    """An article to ingest through the API."""

    id: str = Field(min_length=1, max_length=200)
    title: str = Field(default="", max_length=2000)
    text: str = Field(min_length=1, max_length=MAX_UPLOAD_BYTES)
    published: str | None = Field(default=None, pattern=DAY)
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


class Store:
    """Read-only connections, one per thread, and one writer for uploads."""

    def __init__(self, path: FilePath) -> None:
        self.path = path
        self._local = threading.local()
        self.write_lock = threading.Lock()
        try:
            connect(path).close()  # create the schema if the file is new; fail early if unusable
        except StoreError:
            if not path.exists():
                raise
            connect(path, readonly=True).close()  # a read-only database file can still be served

    def read(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, readonly=True)
            self._local.conn = conn
        return conn


def _real_day(value: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _filters(country, pair, type_, topic, person, since, until, status, text, limit=None, offset=0,
             sort="date_desc") -> q.Filters:
    pair_codes = None
    if pair:
        parts = [p.strip().upper() for p in pair.split(",")]  # "KWT, BEL" is fine too
        if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
            raise HTTPException(400, "pair: expected two three-letter codes such as KWT,BEL")
        pair_codes = (parts[0], parts[1])
    for name, value in (("since", since), ("until", until)):
        if value and not _real_day(value):
            raise HTTPException(400, f"{name}: {value!r} is not a calendar date")
    if since and until and since > until:
        raise HTTPException(400, "since must not be after until")
    return q.Filters(country=country.upper() if country else None, pair=pair_codes, type=type_, topic=topic,
                     person=person or None, since=since, until=until, status=status, text=text or None,
                     limit=limit, offset=offset, sort=sort)


def create_app(db: str | os.PathLike | None = None, *, token: str | None = None) -> FastAPI:
    """The application over the store at ``db``; uploads need ``token`` (or ``$MARSAD_TOKEN``)."""
    store = Store(default_path(db))
    token = token if token is not None else os.environ.get("MARSAD_TOKEN") or None
    # The browsable /docs page loads its script from a CDN, which an offline machine (and
    # the Content-Security-Policy) refuse: only the OpenAPI description is served.
    app = FastAPI(title="marsad", version="1", description=__doc__.split("\n\n")[0], docs_url=None, redoc_url=None)
    web = resources.files("marsad.web")
    app.mount("/static", StaticFiles(directory=str(web.joinpath("static"))), name="static")
    templates = Jinja2Templates(directory=str(web.joinpath("templates")))
    templates.env.filters["visible_controls"] = visible_controls
    templates.env.globals.update(TYPE_LABELS=TYPE_LABELS, TOPIC_LABELS=TOPIC_LABELS)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(sqlite3.Error)
    async def database_error(request: Request, exc: sqlite3.Error):
        return JSONResponse({"detail": f"query could not be answered: {exc}"}, status_code=400)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return JSONResponse({"detail": str(exc)}, status_code=409)

    # ------------------------------------------------------------------ API -----------
    @app.get("/api/events", tags=["events"], summary="Real-world events, filtered, paged and sorted")
    def api_events(
        country: Annotated[str | None, Query(pattern=CODE)] = None,
        pair: Annotated[str | None, Query(max_length=12, description="two codes: KWT,BEL")] = None,
        type: EventType | None = None,
        topic: Topic | None = None,
        person: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[str | None, Query(pattern=DAY)] = None,
        until: Annotated[str | None, Query(pattern=DAY)] = None,
        status: Status | None = None,
        text: Annotated[str | None, Query(max_length=200)] = None,
        page: Annotated[int, Query(ge=1, le=100000)] = 1,
        per_page: Annotated[int, Query(ge=1, le=PER_PAGE_MAX)] = 50,
        sort: Sort = "date_desc",
    ) -> dict[str, Any]:
        f = _filters(country, pair, type, topic, person, since, until, status, text,
                     limit=per_page, offset=(page - 1) * per_page, sort=sort)
        conn = store.read()
        items = q.select_events(conn, f, with_articles=False)
        return {"total": q.count_events(conn, f), "page": page, "per_page": per_page,
                "items": [_summary(r) for r in items]}

    @app.get("/api/events/{event_id}", tags=["events"], summary="One real-world event with its reports")
    def api_event(event_id: Annotated[int, Field(ge=1, le=2**62)]) -> dict[str, Any]:
        record = _event_or_404(store.read(), event_id)
        out = record.to_dict()
        out["reports"] = q.event_reports(store.read(), event_id)
        return out

    @app.get("/api/articles/{article_id}", tags=["articles"], summary="One article with its text and events")
    def api_article(article_id: Annotated[str, Field(max_length=300)]) -> dict[str, Any]:
        found = q.article(store.read(), article_id)
        if found is None:
            raise HTTPException(404, "no such article")
        return found

    @app.get("/api/actors", tags=["actors"], summary="Search actors by any spelling of their name")
    def api_actors(q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)],
                   limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
        return q.search_actors(store.read(), q_, limit)

    @app.get("/api/actors/{actor_id}", tags=["actors"], summary="One actor: aliases, titles, partners")
    def api_actor(actor_id: Annotated[int, Field(ge=1, le=2**62)]) -> dict[str, Any]:
        found = q.actor(store.read(), actor_id)
        if found is None:
            raise HTTPException(404, "no such actor")
        return found

    @app.get("/api/countries/{code}", tags=["countries"], summary="A country's partners, types, topics, timeline")
    def api_country(code: Annotated[str, Field(pattern=CODE)],
                    since: Annotated[str | None, Query(pattern=DAY)] = None,
                    until: Annotated[str | None, Query(pattern=DAY)] = None) -> dict[str, Any]:
        return q.country(store.read(), code.upper(), _filters(None, None, None, None, None, since, until, None, None))

    @app.get("/api/graph", tags=["graph"], summary="Who engaged whom: nodes and weighted edges")
    def api_graph(kind: GraphKind = "countries", type: EventType | None = None,
                  since: Annotated[str | None, Query(pattern=DAY)] = None,
                  until: Annotated[str | None, Query(pattern=DAY)] = None,
                  country: Annotated[str | None, Query(pattern=CODE)] = None,
                  limit: Annotated[int, Query(ge=1, le=2000)] = 300) -> dict[str, Any]:
        f = _filters(country, None, type, None, None, since, until, None, None)
        return q.graph(store.read(), f, kind=kind, limit=limit)

    @app.get("/api/timeline", tags=["timeline"], summary="Events per day, week or month, by type")
    def api_timeline(interval: Interval = "month", type: EventType | None = None,
                     country: Annotated[str | None, Query(pattern=CODE)] = None,
                     since: Annotated[str | None, Query(pattern=DAY)] = None,
                     until: Annotated[str | None, Query(pattern=DAY)] = None) -> list[dict[str, Any]]:
        return q.timeline(store.read(), _filters(country, None, type, None, None, since, until, None, None),
                          interval=interval)

    @app.get("/api/search", tags=["articles"], summary="Full-text search over articles (any spelling)")
    def api_search(q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)],
                   page: Annotated[int, Query(ge=1, le=100000)] = 1,
                   per_page: Annotated[int, Query(ge=1, le=PER_PAGE_MAX)] = 50) -> list[dict[str, Any]]:
        return q.search_articles(store.read(), q_, per_page, (page - 1) * per_page)

    @app.get("/api/feeds", tags=["feeds"], summary="Watched feeds: last poll, status, articles and events")
    def api_feeds() -> list[dict[str, Any]]:
        from marsad.watch import feed_status

        return feed_status(store.read())

    @app.post("/api/articles", tags=["articles"], status_code=201,
              summary="Ingest articles (needs the MARSAD_TOKEN bearer token)")
    async def api_upload(request: Request, authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        if not token:
            raise HTTPException(403, "uploads are disabled: start the server with MARSAD_TOKEN set")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "missing or wrong bearer token")
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES:
            raise HTTPException(413, f"body larger than {MAX_UPLOAD_BYTES} bytes")
        body = b""
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_UPLOAD_BYTES:
                raise HTTPException(413, f"body larger than {MAX_UPLOAD_BYTES} bytes")
        return _ingest_upload(store, body)

    # ------------------------------------------------------------------ pages ---------
    def page(request: Request, name: str, **context) -> HTMLResponse:
        lang = language(request)
        context.update(request=request, lang=lang, L=LABELS[lang], dir="rtl" if lang == "ar" else "ltr",
                       other_lang="en" if lang == "ar" else "ar", query_string=_other_lang_query(request, lang))
        response = templates.TemplateResponse(request, name, context)
        if request.query_params.get("lang") in LABELS:
            response.set_cookie("lang", lang, samesite="strict", httponly=True)
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request):
        conn = store.read()
        pairs = q.graph(conn, kind="countries", limit=10)["edges"]
        return page(request, "overview.html", timeline=q.timeline(conn, interval="month"), pairs=pairs,
                    latest=q.select_events(conn, q.Filters(limit=15), with_articles=False),
                    total=q.count_events(conn))

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, country: str | None = None, pair: str | None = None,
                    type: str | None = None, topic: str | None = None, person: str | None = None,
                    since: str | None = None, until: str | None = None, status: str | None = None,
                    text: str | None = None, page_: Annotated[int, Query(alias="page", ge=1, le=100000)] = 1):
        clean = _clean_form(country, pair, type, topic, person, since, until, status, text)
        f = _filters(**clean, limit=50, offset=(page_ - 1) * 50)
        conn = store.read()
        return page(request, "events.html", items=q.select_events(conn, f, with_articles=False),
                    total=q.count_events(conn, f), form=clean, page_no=page_, raw=dict(request.query_params))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: Annotated[int, Path(ge=1, le=2**62)]):
        conn = store.read()
        record = _event_or_404(conn, event_id)
        reports = q.event_reports(conn, event_id)
        texts = {}
        for r in reports:
            if r["article_id"] not in texts:
                texts[r["article_id"]] = q.article(conn, r["article_id"])
        return page(request, "event.html", event=record, reports=reports,
                    highlighted={r["event_id"]: highlight(texts[r["article_id"]], [r["evidence"]]) for r in reports})

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        found = q.article(store.read(), article_id)
        if found is None:
            raise HTTPException(404, "no such article")
        return page(request, "article.html", article=found,
                    highlighted=highlight(found, [e["evidence"] for e in found["events"]]))

    @app.get("/countries/{code}", response_class=HTMLResponse, include_in_schema=False)
    def country_page(request: Request, code: Annotated[str, Field(pattern=CODE)]):
        conn = store.read()
        code = code.upper()
        return page(request, "country.html", code=code, profile=q.country(conn, code),
                    recent=q.select_events(conn, q.Filters(country=code, limit=15), with_articles=False))

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: Annotated[int, Path(ge=1, le=2**62)]):
        found = q.actor(store.read(), actor_id)
        if found is None:
            raise HTTPException(404, "no such actor")
        return page(request, "actor.html", actor=found)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, kind: GraphKind = "countries"):
        return page(request, "network.html", kind=kind, graph=q.graph(store.read(), kind=kind, limit=300))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q_: Annotated[str, Query(alias="q", max_length=200)] = ""):
        hits = q.search_articles(store.read(), q_, 50) if q_.strip() else []
        return page(request, "search.html", query=q_, hits=hits)

    @app.get("/feeds", response_class=HTMLResponse, include_in_schema=False)
    def feeds_page(request: Request):
        from marsad.watch import feed_status

        return page(request, "feeds.html", feeds=feed_status(store.read()))

    @app.get("/lang/{lang}", include_in_schema=False)
    def set_language(lang: Literal["ar", "en"], next: str = "/"):
        target = next if next.startswith("/") and not next.startswith("//") else "/"
        response = RedirectResponse(target, status_code=303)
        response.set_cookie("lang", lang, samesite="strict", httponly=True)
        return response

    app.state.store = store
    return app


def _summary(r: q.EventRecord) -> dict[str, Any]:
    d = r.to_dict()
    d.pop("evidence")
    d.pop("articles")
    return d


def _event_or_404(conn: sqlite3.Connection, event_id: int) -> q.EventRecord:
    record = q.event_by_id(conn, event_id)
    if record is None:
        raise HTTPException(404, "no such event")
    return record


def _clean_form(country, pair, type_, topic, person, since, until, status, text) -> dict[str, Any]:
    """Form fields as filters: empty fields dropped, invalid ones answered with 400."""
    import re

    def ok(value, pattern=None, choices=None):
        if not value:
            return None
        if pattern and not re.fullmatch(pattern, value):
            raise HTTPException(400, f"invalid value: {value[:50]!r}")
        if choices and value not in choices:
            raise HTTPException(400, f"invalid value: {value[:50]!r}")
        return value

    return dict(country=ok(country, CODE), pair=ok(pair, r"[A-Za-z]{3}, ?[A-Za-z]{3}"),
                type_=ok(type_, choices=("PHONE_CALL", "MEETING", "VISIT", "MESSAGE", "AGREEMENT")),
                topic=ok(topic, choices=TOPICS), person=(person or "")[:200] or None,
                since=ok(since, DAY), until=ok(until, DAY), status=ok(status, choices=("occurred", "planned")),
                text=(text or "")[:200] or None)


def _other_lang_query(request: Request, lang: str) -> str:
    params = dict(request.query_params)
    params["lang"] = "en" if lang == "ar" else "ar"
    from urllib.parse import urlencode

    return "?" + urlencode(params)


def _ingest_upload(store: Store, body: bytes) -> dict[str, Any]:
    import json

    from pydantic import TypeAdapter, ValidationError

    from marsad.model import Article
    from marsad.store import ingest_articles

    import datetime as dt

    try:
        data = json.loads(body)
        items = TypeAdapter(list[ArticleIn] | ArticleIn).validate_python(data)
        items = items if isinstance(items, list) else [items]
        articles = [Article(id=a.id, title=a.title, text=a.text, source=a.source, url=a.url,
                            published=dt.date.fromisoformat(a.published) if a.published else None,
                            origin=f"upload:{a.id}")
                    for a in items]
    except (ValueError, ValidationError) as exc:
        raise HTTPException(422, f"expected an article or a list of articles: {str(exc)[:300]}") from None
    blank = [a.id for a in articles if not a.text.strip()]
    if blank:
        raise HTTPException(422, f"article {blank[0]!r} has no text")
    with store.write_lock:
        summary = ingest_articles(articles, store.path)
    return {"read": summary.read, "new": summary.new, "updated": summary.updated, "unchanged": summary.unchanged,
            "events": summary.events, "errors": summary.errors}


__all__ = ["ArticleIn", "create_app"]
