"""What the API and the pages share: the store's connections and the event filters.

:func:`event_filters` is the one place the filters of ``marsad query`` are declared
for HTTP (with their OpenAPI description); the values are checked by
:meth:`marsad.store.query.Filters.parse`, as on the command line and in the pages.
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Annotated, Literal

from fastapi import HTTPException, Query, Request

from marsad.model import EVENT_TYPES, STATUSES, TOPICS
from marsad.store import connect
from marsad.store import query as q
from marsad.store.db import StoreError

CODE = r"^[A-Za-z]{3}$"
DAY = r"^\d{4}-\d{2}-\d{2}$"
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Topic = Literal[TOPICS]  # type: ignore[valid-type]
TEXT = Query(max_length=q.MAX_FILTER_TEXT)


class Store:
    """Read-only connections, one per thread, and one writer for uploads."""

    def __init__(self, path: Path) -> None:
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


def reader(request: Request) -> sqlite3.Connection:
    """This thread's read-only connection to the served store."""
    return request.app.state.store.read()


def event_filters(
    country: Annotated[str | None, Query(max_length=100,
                                         description="a party: a code (KWT) or a name (الكويت, Kuwait)")] = None,
    pair: Annotated[str | None, Query(max_length=200, description="two parties: KWT,BEL or Kuwait,Belgium")] = None,
    type: EventType | None = None,
    topic: Topic | None = None,
    person: Annotated[str | None, TEXT] = None,
    since: Annotated[str | None, Query(pattern=DAY)] = None,
    until: Annotated[str | None, Query(pattern=DAY)] = None,
    status: Status | None = None,
    text: Annotated[str | None, TEXT] = None,
    min_confidence: Annotated[float | None,
                              Query(ge=0, le=1, description="events whose confidence is at least this")] = None,
) -> q.Filters:
    """The filters of a request, as :class:`~marsad.store.query.Filters`; 400 for a bad one."""
    return parse_filters(dict(country=country, pair=pair, type=type, topic=topic, person=person, since=since,
                              until=until, status=status, text=text,
                              min_confidence=None if min_confidence is None else str(min_confidence)))


class BadFilter(HTTPException):
    """A filter value that cannot be used (400): the API answers its ``detail``, a page
    says which field and value in the reader's language."""

    def __init__(self, error: q.FilterError, value: str | None) -> None:
        super().__init__(400, str(error))
        self.field = error.field
        self.value = value


def parse_filters(values, **paging) -> q.Filters:
    try:
        return q.Filters.parse(values, **paging)
    except q.FilterError as exc:
        raise BadFilter(exc, values.get(exc.field)) from None
