"""The dashboard's pages (Jinja2, autoescaped), Arabic first with an English toggle:
overview, event list, event, article, country, actor, network, search, feeds."""
from __future__ import annotations

import sqlite3
from importlib import resources
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from marsad.store import query as q
from marsad.store.feeds import feed_status
from marsad.web.deps import CODE, parse_filters, reader
from marsad.web.i18n import (
    LABELS,
    STATUS_LABELS,
    TOPIC_LABELS,
    TYPE_COLOURS,
    TYPE_LABELS,
    language,
)
from marsad.web.render import display, highlight, web_url

PAGE_SIZE = 50
Conn = Annotated[sqlite3.Connection, Depends(reader)]
Id = Annotated[int, Path(ge=1, le=2**62)]

templates = Jinja2Templates(directory=str(resources.files("marsad.web").joinpath("templates")))
templates.env.finalize = display  # every printed value, whatever the template forgets
templates.env.tests["web_url"] = web_url
templates.env.globals.update(TYPE_LABELS=TYPE_LABELS, STATUS_LABELS=STATUS_LABELS, TOPIC_LABELS=TOPIC_LABELS,
                             TYPE_COLOURS=TYPE_COLOURS)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    """The template ``name`` in the request's language."""
    lang = language(request)
    params = dict(request.query_params, lang="en" if lang == "ar" else "ar")
    context.update(request=request, lang=lang, L=LABELS[lang], dir="rtl" if lang == "ar" else "ltr",
                   other_lang=params["lang"], query_string="?" + urlencode(params))
    response = templates.TemplateResponse(request, name, context)
    if request.query_params.get("lang") in LABELS:
        response.set_cookie("lang", lang, samesite="strict", httponly=True)
    return response


@router.get("/")
def overview(request: Request, conn: Conn):
    return render(request, "overview.html", timeline=q.timeline(conn, interval="month"),
                  pairs=q.graph(conn, kind="countries", limit=10)["edges"],
                  latest=q.select_events(conn, q.Filters(limit=15), with_articles=False), total=q.count_events(conn))


@router.get("/events")
def events_page(request: Request, conn: Conn, page_no: Annotated[int, Query(alias="page", ge=1, le=100000)] = 1):
    f = parse_filters(request.query_params, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
    return render(request, "events.html", items=q.select_events(conn, f, with_articles=False),
                  total=q.count_events(conn, f), form=f, page_no=page_no, raw=dict(request.query_params))


@router.get("/events/{event_id}")
def event_page(request: Request, conn: Conn, event_id: Id):
    record = q.event_by_id(conn, event_id)
    if record is None:
        raise HTTPException(404, "no such event")
    reports = q.event_reports(conn, event_id)
    texts = {r["article_id"]: q.article(conn, r["article_id"]) for r in reports}
    return render(request, "event.html", event=record, reports=reports,
                  highlighted={r["event_id"]: highlight(texts[r["article_id"]], [r["evidence"]]) for r in reports})


@router.get("/articles/{article_id:path}")
def article_page(request: Request, conn: Conn, article_id: Annotated[str, Path(max_length=300)]):
    found = q.article(conn, article_id)
    if found is None:
        raise HTTPException(404, "no such article")
    return render(request, "article.html", article=found,
                  highlighted=highlight(found, [e["evidence"] for e in found["events"]]))


@router.get("/countries/{code}")
def country_page(request: Request, conn: Conn, code: Annotated[str, Path(pattern=CODE)]):
    code = code.upper()
    return render(request, "country.html", code=code, profile=q.country(conn, code),
                  recent=q.select_events(conn, q.Filters(country=code, limit=15), with_articles=False))


@router.get("/actors/{actor_id}")
def actor_page(request: Request, conn: Conn, actor_id: Id):
    found = q.actor(conn, actor_id)
    if found is None:
        raise HTTPException(404, "no such actor")
    return render(request, "actor.html", actor=found)


@router.get("/network")
def network_page(request: Request, conn: Conn, kind: Literal["countries", "persons"] = "countries"):
    return render(request, "network.html", kind=kind, graph=q.graph(conn, kind=kind, limit=300))


@router.get("/search")
def search_page(request: Request, conn: Conn, q_: Annotated[str, Query(alias="q", max_length=200)] = ""):
    hits = q.search_articles(conn, q_, PAGE_SIZE) if q_.strip() else []
    return render(request, "search.html", query=q_, hits=hits)


@router.get("/feeds")
def feeds_page(request: Request, conn: Conn):
    return render(request, "feeds.html", feeds=feed_status(conn))


@router.get("/lang/{lang}")
def set_language(lang: Literal["ar", "en"], next: str = "/"):
    target = next if next.startswith("/") and not next.startswith(("//", "/\\")) else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie("lang", lang, samesite="strict", httponly=True)
    return response
