"""The JSON API: events, reports, articles, actors, countries, graphs, the world map, timelines, search,
watched feeds, and (with the server's token) article upload."""
from __future__ import annotations

import hmac
import sqlite3
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import Field

from marsad.model import vocabulary
from marsad.store import query as q
from marsad.store.feeds import feed_status
from marsad.web import uploads
from marsad.web.deps import CODE, event_filters, reader

PER_PAGE_MAX = 200
Sort = Literal["date_desc", "date_asc", "reports_desc"]
Interval = Literal["day", "week", "month"]
GraphKind = Literal["countries", "persons"]
Conn = Annotated[sqlite3.Connection, Depends(reader)]
Filtered = Annotated[q.Filters, Depends(event_filters)]
Id = Annotated[int, Path(ge=1, le=2**62)]

router = APIRouter(prefix="/api")


@router.get("/events", tags=["events"], summary="Real-world events, filtered, paged and sorted")
def api_events(conn: Conn, f: Filtered, page: Annotated[int, Query(ge=1, le=100000)] = 1,
               per_page: Annotated[int, Query(ge=1, le=PER_PAGE_MAX)] = 50,
               sort: Sort = "date_desc") -> dict[str, Any]:
    f.limit, f.offset, f.sort = per_page, (page - 1) * per_page, sort
    items = q.select_events(conn, f, with_articles=False)
    return {"total": q.count_events(conn, f), "page": page, "per_page": per_page,
            "items": [_summary(r) for r in items]}


@router.get("/events/{event_id}", tags=["events"], summary="One real-world event with its reports")
def api_event(conn: Conn, event_id: Id) -> dict[str, Any]:
    record = q.event_by_id(conn, event_id)
    if record is None:
        raise HTTPException(404, "no such event")
    return {**record.to_dict(), "reports": q.event_reports(conn, event_id)}


@router.get("/articles/{article_id:path}", tags=["articles"], summary="One article with its text and events")
def api_article(conn: Conn, article_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    found = q.article(conn, article_id)
    if found is None:
        raise HTTPException(404, "no such article")
    return found


@router.get("/actors", tags=["actors"], summary="Search actors by any spelling of their name")
def api_actors(conn: Conn, q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)],
               limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:
    return q.search_actors(conn, q_, limit)


@router.get("/actors/{actor_id}", tags=["actors"], summary="One actor: aliases, titles, partners")
def api_actor(conn: Conn, actor_id: Id) -> dict[str, Any]:
    found = q.actor(conn, actor_id)
    if found is None:
        raise HTTPException(404, "no such actor")
    return found


@router.get("/countries/{code}", tags=["countries"], summary="A country's partners, types, topics, timeline")
def api_country(conn: Conn, code: Annotated[str, Path(pattern=CODE)], f: Filtered) -> dict[str, Any]:
    return q.country(conn, code.upper(), f)


@router.get("/graph", tags=["graph"], summary="Who engaged whom: nodes and weighted edges")
def api_graph(conn: Conn, f: Filtered, kind: GraphKind = "countries",
              limit: Annotated[int, Query(ge=1, le=2000)] = 300) -> dict[str, Any]:
    return q.graph(conn, f, kind=kind, limit=limit)


@router.get("/map", tags=["graph"], summary="What the world map draws: events per country, busiest pairs, event places")
def api_map(conn: Conn, f: Filtered, pairs: Annotated[int, Query(ge=1, le=500)] = 25) -> dict[str, Any]:
    return q.map_data(conn, f, pairs=pairs)


@router.get("/timeline", tags=["timeline"], summary="Events per day, week or month, by type")
def api_timeline(conn: Conn, f: Filtered, interval: Interval = "month") -> list[dict[str, Any]]:
    return q.timeline(conn, f, interval=interval)


@router.get("/types", tags=["events"], summary="The event types: labels, chart colour, directed or not, subtypes")
def api_types() -> list[dict[str, Any]]:
    return [{"name": t.name, "label_ar": t.label_ar, "label_en": t.label_en, "colour": t.colour,
             "directed": t.directed, "subtypes": list(t.subtypes)} for t in vocabulary().types]


@router.get("/search", tags=["articles"], summary="Full-text search over articles (any spelling)")
def api_search(conn: Conn, q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)],
               page: Annotated[int, Query(ge=1, le=100000)] = 1,
               per_page: Annotated[int, Query(ge=1, le=PER_PAGE_MAX)] = 50) -> list[dict[str, Any]]:
    return q.search_articles(conn, q_, per_page, (page - 1) * per_page)


@router.get("/feeds", tags=["feeds"], summary="Watched feeds: last poll, status, articles and events")
def api_feeds(conn: Conn) -> list[dict[str, Any]]:
    return feed_status(conn)


def uploader(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """Uploads need the server's token, sent as ``Authorization: Bearer <token>``."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "uploads are disabled: start the server with MARSAD_TOKEN set")
    scheme, _, given = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "missing or wrong token: send the header Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", tags=["articles"], status_code=201, dependencies=[Depends(uploader)],
             summary="Ingest articles (needs the MARSAD_TOKEN bearer token); a big upload becomes a job (202)")
async def api_upload(request: Request) -> Any:
    limit = uploads.MAX_UPLOAD_BYTES
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"body larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"body larger than {limit} bytes")
        chunks.append(chunk)
    state = request.app.state
    articles = await run_in_threadpool(uploads.parse_upload, b"".join(chunks), state.max_upload_articles)
    if len(articles) > uploads.SYNC_ARTICLES:
        return JSONResponse(state.jobs.submit(articles), status_code=202)
    return await run_in_threadpool(uploads.ingest, state.store, articles)


@router.get("/jobs/{job_id}", tags=["articles"], dependencies=[Depends(uploader)],
            summary="An upload job: queued, running, done (with its counts) or failed")
def api_job(request: Request, job_id: Annotated[str, Field(max_length=64)]) -> dict[str, Any]:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "no such job")
    return job


def _summary(r: q.EventRecord) -> dict[str, Any]:
    d = r.to_dict()
    d.pop("evidence")
    d.pop("articles")
    return d
