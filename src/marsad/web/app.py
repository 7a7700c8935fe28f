"""The dashboard and HTTP API: one FastAPI application over the event store.

``create_app(db)`` serves the JSON API under ``/api`` (:mod:`marsad.web.api`; OpenAPI
description at ``/openapi.json``) and the pages (:mod:`marsad.web.pages`). The store is
opened read-only per thread; uploads (only when ``MARSAD_TOKEN`` is set and the request
carries it) go through one writer, off the event loop (:mod:`marsad.web.uploads`).
Every response carries a Content-Security-Policy that allows scripts from this server
only, so text from articles can never run as code, and all SQL is parameterised in
:mod:`marsad.store.query`. With ``hosts`` given (``marsad serve`` gives the address it
binds), a request naming another host is refused, so a web page cannot reach the
server through a DNS name rebound to it. Errors are JSON under ``/api`` and pages in the
reader's language everywhere else.
"""
from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from importlib import resources
from urllib.parse import urlsplit

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.store.db import StoreError, default_path
from marsad.web import api, pages, uploads
from marsad.web.deps import Store

# Seconds an idle keep-alive connection stays open. uvicorn's 5 s default closes
# connections that clients queued behind a busy server are about to reuse.
KEEP_ALIVE = 60
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def create_app(db: str | os.PathLike | None = None, *, token: str | None = None,
               hosts: Iterable[str] | None = None, max_upload_articles: int = uploads.MAX_UPLOAD_ARTICLES) -> FastAPI:
    """The application over the store at ``db``; uploads need ``token`` (or ``$MARSAD_TOKEN``).

    ``hosts``: the names and addresses requests may be sent to (the ``Host`` header);
    ``None`` accepts any, for an application mounted behind a proxy that checks it.
    """
    store = Store(default_path(db))
    # The browsable /docs page loads its script from a CDN, which an offline machine (and
    # the Content-Security-Policy) refuse: only the OpenAPI description is served.
    app = FastAPI(title="marsad", version="1", description=__doc__.split("\n\n")[0], docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.token = token if token is not None else os.environ.get("MARSAD_TOKEN") or None
    app.state.max_upload_articles = max_upload_articles
    app.state.jobs = uploads.Jobs(store)
    app.mount("/static", StaticFiles(directory=str(resources.files("marsad.web").joinpath("static"))), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    allowed = None if hosts is None else frozenset(h.lower().strip("[]") for h in hosts)

    @app.middleware("http")
    async def guard(request: Request, call_next):
        if allowed is not None and _host(request) not in allowed:
            response = PlainTextResponse("unknown host: this server answers only to the names it was started with",
                                         status_code=400)
        else:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_json(request):
            return await http_exception_handler(request, exc)
        return pages.error_page(request, exc, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if _wants_json(request):
            return await request_validation_exception_handler(request, exc)
        return pages.error_page(request, exc, 400)

    @app.exception_handler(sqlite3.Error)
    async def database_error(request: Request, exc: sqlite3.Error):
        return JSONResponse({"detail": f"query could not be answered: {exc}"}, status_code=400)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return JSONResponse({"detail": str(exc)}, status_code=409)

    return app


def _wants_json(request: Request) -> bool:
    """Whether an error answers JSON: the API, its description and the static files do."""
    return request.url.path.startswith(("/api/", "/openapi", "/static/")) or request.url.path == "/api"


def _host(request: Request) -> str | None:
    """The host a request names, without port or IPv6 brackets; ``None`` when unreadable."""
    try:
        return urlsplit("//" + request.headers.get("host", "")).hostname
    except ValueError:
        return None


__all__ = ["create_app"]
