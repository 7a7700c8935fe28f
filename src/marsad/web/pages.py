"""The dashboard's pages (Jinja2, autoescaped), Arabic first with an English toggle:
overview, event list, event, article, country, actor, network, map, search, feeds.

Every page names countries, people and titles in its language (:mod:`marsad.web.names`);
a page that cannot be shown (an unknown id, a filter value that cannot be used) is an
HTML page in the reader's language (:func:`error_page`), while the API answers JSON."""
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
from marsad.web.deps import BadFilter, parse_filters, reader
from marsad.web.i18n import (
    LABELS,
    STATUS_LABELS,
    TOPIC_LABELS,
    TYPE_COLOURS,
    TYPE_LABELS,
    count_phrase,
    language,
)
from marsad.web.names import (
    country_link,
    country_name,
    person_name,
    person_text,
    title_text,
)
from marsad.web.render import display, highlight, web_url

PAGE_SIZE = 50
LATEST = 12  # events in each of the overview's lists
Conn = Annotated[sqlite3.Connection, Depends(reader)]
Id = Annotated[int, Path(ge=1, le=2**62)]

templates = Jinja2Templates(directory=str(resources.files("marsad.web").joinpath("templates")))
templates.env.finalize = display  # every printed value, whatever the template forgets
templates.env.tests["web_url"] = web_url
templates.env.globals.update(TYPE_LABELS=TYPE_LABELS, STATUS_LABELS=STATUS_LABELS, TOPIC_LABELS=TOPIC_LABELS,
                             TYPE_COLOURS=TYPE_COLOURS)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


class PageNotFound(HTTPException):
    """An unknown id on a page: 404 with a message (a LABELS key and its ``{id}``)."""

    def __init__(self, message: str, ident: Any) -> None:
        super().__init__(404, f"{message}: {ident}")
        self.message = message
        self.ident = ident


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """The template ``name`` in the request's language, with the naming helpers bound to it."""
    lang = language(request)
    params = dict(request.query_params, lang="en" if lang == "ar" else "ar")
    context.update(request=request, lang=lang, L=LABELS[lang], dir="rtl" if lang == "ar" else "ltr",
                   other_lang=params["lang"], query_string="?" + urlencode(params),
                   country=lambda code: country_link(code, lang), cname=lambda code: country_name(code, lang),
                   person=lambda n: person_name(n, lang), office=lambda t: title_text(t, lang),
                   count=lambda n, noun: count_phrase(n, noun, lang))
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    if request.query_params.get("lang") in LABELS:
        response.set_cookie("lang", lang, samesite="strict", httponly=True)
    return response


def error_page(request: Request, exc: Exception, status: int) -> HTMLResponse:
    """The page for an error on a page's address, in the reader's language."""
    L = LABELS[language(request)]
    back = None
    if isinstance(exc, BadFilter):
        field = L.get({"min_confidence": "confidence", "text": "text"}.get(exc.field, exc.field), exc.field)
        hint_key = {"country": "bad_country", "pair": "bad_pair", "min_confidence": "bad_confidence",
                    "since": "bad_date", "until": "bad_date"}.get(exc.field, "bad_other")
        if exc.field == "since" and "after" in str(exc.detail):
            hint_key = "bad_since"
        message, hint, back = L["bad_value"].format(field=field, value=(exc.value or "")[:100]), L[hint_key], "/events"
    elif isinstance(exc, PageNotFound):
        message, hint = L[exc.message].format(id=str(exc.ident)[:100]), None
    elif status == 404:
        message, hint = L["no_page"], None
    else:
        message, hint = L["bad_request"], L["bad_other"]
    heading = L["not_found"] if status == 404 else L["error"]
    return render(request, "error.html", status_code=status, heading=heading, message=message, hint=hint, back=back)


@router.get("/")
def overview(request: Request, conn: Conn):
    first, last = q.plausible_span(conn)
    return render(request, "overview.html", axis=q.month_axis(conn),
                  pairs=q.graph(conn, kind="countries", limit=10)["edges"],
                  latest=q.select_events(conn, q.Filters(status="occurred", since=first, until=last, limit=LATEST),
                                         with_articles=False),
                  upcoming=q.select_events(conn, q.Filters(status="planned", since=first, until=last, limit=LATEST),
                                           with_articles=False),
                  total=q.count_events(conn))


@router.get("/events")
def events_page(request: Request, conn: Conn, page_no: Annotated[int, Query(alias="page", ge=1, le=100000)] = 1):
    f = parse_filters(request.query_params, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
    return render(request, "events.html", items=q.select_events(conn, f, with_articles=False),
                  total=q.count_events(conn, f), form=f, page_no=page_no, raw=dict(request.query_params),
                  choices=q.country_labels())


@router.get("/events/{event_id}")
def event_page(request: Request, conn: Conn, event_id: Id):
    record = q.event_by_id(conn, event_id)
    if record is None:
        raise PageNotFound("no_event", event_id)
    reports = q.event_reports(conn, event_id)
    # Every report joins its article, so each one is found.
    texts = {aid: text for aid in {r["article_id"] for r in reports} if (text := q.article(conn, aid)) is not None}
    return render(request, "event.html", event=record, reports=reports,
                  highlighted={r["event_id"]: highlight(texts[r["article_id"]], [r["evidence"]]) for r in reports})


@router.get("/articles/{article_id:path}")
def article_page(request: Request, conn: Conn, article_id: Annotated[str, Path(max_length=300)]):
    found = q.article(conn, article_id)
    if found is None:
        raise PageNotFound("no_article", article_id)
    return render(request, "article.html", article=found,
                  highlighted=highlight(found, [e["evidence"] for e in found["events"]]))


@router.get("/countries/{name}")
def country_page(request: Request, conn: Conn, name: Annotated[str, Path(max_length=100)]):
    code = q.country_code(name)
    if code is None:
        raise PageNotFound("no_country", name)
    if code != name:  # a name or a lower-case code: one address per country
        return RedirectResponse(f"/countries/{code}", status_code=307)
    profile = q.country(conn, code)
    lang = language(request)
    partners = [{**p, "name": country_name(p["country"], lang)} for p in profile["partners"][:15]]
    return render(request, "country.html", code=code, profile=profile, partners=partners,
                  axis=q.month_axis(conn, q.Filters(country=code)), world=q.map_data(conn, q.Filters(country=code)),
                  recent=q.select_events(conn, q.Filters(country=code, limit=15), with_articles=False))


@router.get("/actors/{actor_id}")
def actor_page(request: Request, conn: Conn, actor_id: Id):
    found = q.actor(conn, actor_id)
    if found is None:
        raise PageNotFound("no_actor", actor_id)
    return render(request, "actor.html", actor=found)


@router.get("/network")
def network_page(request: Request, conn: Conn, kind: Literal["countries", "persons"] = "countries"):
    lang = language(request)
    graph = q.graph(conn, kind=kind, limit=300)
    for node in graph["nodes"]:
        node["label"] = (country_name(node["id"], lang) if kind == "countries"
                         else person_text(node["label"], lang))
    return render(request, "network.html", kind=kind, graph=graph)


@router.get("/map")
def map_page(request: Request, conn: Conn):
    f = parse_filters(request.query_params)
    return render(request, "map.html", world=q.map_data(conn, f), form=f, choices=q.country_labels(),
                  total=q.count_events(conn, f))


@router.get("/search")
def search_page(request: Request, conn: Conn, q_: Annotated[str, Query(alias="q", max_length=200)] = ""):
    hits = q.search_articles(conn, q_, PAGE_SIZE) if q_.strip() else []
    people = q.search_actors(conn, q_, 20) if q_.strip() else []
    return render(request, "search.html", query=q_, hits=hits, people=people)
@router.get("/feeds")
def feeds_page(request: Request, conn: Conn):
    return render(request, "feeds.html", feeds=feed_status(conn))


@router.get("/lang/{lang}")
def set_language(lang: Literal["ar", "en"], next: str = "/"):
    target = next if next.startswith("/") and not next.startswith(("//", "/\\")) else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie("lang", lang, samesite="strict", httponly=True)
    return response
