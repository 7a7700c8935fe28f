"""Articles uploaded through the API, ingested off the event loop.

A small upload is ingested in a worker thread while the server goes on answering; a big
one (more than :data:`SYNC_ARTICLES` articles) becomes a job, answered at once with 202
and its id, and ingested by one background thread: uploads are written one at a time,
reads never wait for them.
"""
from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import HTTPException
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from marsad.ingest import ingest_articles
from marsad.model import Article
from marsad.web.deps import DAY, Store

MAX_UPLOAD_BYTES = 5 * 2**20
MAX_UPLOAD_ARTICLES = 1000  # per request; a bigger corpus belongs to `marsad ingest`
SYNC_ARTICLES = 20  # more are ingested as a background job
KEPT_JOBS = 100  # finished jobs remembered for their status


class ArticleIn(BaseModel):
    """An article to ingest through the API."""

    id: str = Field(min_length=1, max_length=200)
    title: str = Field(default="", max_length=2000)
    text: str = Field(min_length=1, max_length=MAX_UPLOAD_BYTES)
    published: str | None = Field(default=None, pattern=DAY)
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


_ARTICLES = TypeAdapter(list[ArticleIn] | ArticleIn)


def parse_upload(body: bytes, max_articles: int) -> list[Article]:
    """The articles of a request body (one JSON article or a list); 422 or 413 with the reason."""
    try:
        data = json.loads(body)
        items = _ARTICLES.validate_python(data)
    except RecursionError:
        raise HTTPException(422, "expected an article or a list of articles: the JSON is nested too deeply") from None
    except (ValueError, ValidationError) as exc:
        raise HTTPException(422, f"expected an article or a list of articles: {str(exc)[:300]}") from None
    items = items if isinstance(items, list) else [items]
    if len(items) > max_articles:
        raise HTTPException(413, f"{len(items)} articles in one request; at most {max_articles} (send them in parts)")
    try:
        articles = [Article(id=a.id, title=a.title, text=a.text, source=a.source, url=a.url,
                            published=dt.date.fromisoformat(a.published) if a.published else None,
                            origin=f"upload:{a.id}") for a in items]
    except ValueError as exc:
        raise HTTPException(422, f"expected an article or a list of articles: {exc}") from None
    blank = [a.id for a in articles if not a.text.strip()]
    if blank:
        raise HTTPException(422, f"article {blank[0]!r} has no text")
    return articles


def ingest(store: Store, articles: list[Article]) -> dict[str, Any]:
    """Store ``articles`` (one writer at a time); the ingest's counts."""
    with store.write_lock:
        summary = ingest_articles(articles, store.path)
    return {"read": summary.read, "new": summary.new, "updated": summary.updated, "unchanged": summary.unchanged,
            "events": summary.events, "errors": summary.errors}


class Jobs:
    """Big uploads, ingested one after another by a background thread."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="marsad-upload")
        self._jobs: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def submit(self, articles: list[Article]) -> dict[str, Any]:
        job: dict[str, Any] = {"id": uuid.uuid4().hex, "status": "queued", "articles": len(articles), "result": None}
        with self._lock:
            self._jobs[job["id"]] = job
            while len(self._jobs) > KEPT_JOBS and next(iter(self._jobs.values()))["status"] in ("done", "failed"):
                self._jobs.popitem(last=False)
        self._pool.submit(self._run, job, articles)
        return dict(job)

    def get(self, job_id: str) -> dict[str, Any] | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return dict(job) if job else None

    def _run(self, job: dict[str, Any], articles: list[Article]) -> None:
        self._set(job, status="running")
        try:
            self._set(job, status="done", result=ingest(self.store, articles))
        except Exception as exc:  # reported through the job's status; the server goes on
            self._set(job, status="failed", result={"error": str(exc)})

    def _set(self, job: dict[str, Any], **values: Any) -> None:
        with self._lock:
            job.update(values)
