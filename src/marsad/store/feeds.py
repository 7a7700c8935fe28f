"""What the watcher's tables say about each watched feed, for the dashboard and the API."""
from __future__ import annotations

import sqlite3
from typing import Any


def feed_status(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Per watched feed: its last poll, status and error, and the articles and events it
    brought (counted in the store, so re-extraction and deletions show). ``[]`` when
    nothing was ever watched; works on a read-only connection."""
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'watch_feeds'").fetchone()
    if exists is None:
        return []
    cursor = conn.execute(
        """
        SELECT f.url, f.source, f.country, f.kind, f.last_polled, f.last_ok, f.last_status, f.http_status,
               f.last_error, f.polls, f.errors,
               (SELECT count(*) FROM articles a WHERE a.id IN
                    (SELECT article_id FROM watch_pages p WHERE p.feed_url = f.url AND p.status = 'ok')) AS articles,
               (SELECT count(*) FROM events e WHERE e.article_id IN
                    (SELECT article_id FROM watch_pages p WHERE p.feed_url = f.url AND p.status = 'ok')) AS events,
               (SELECT count(*) FROM watch_pages p WHERE p.feed_url = f.url AND p.status = 'retry') AS pending
        FROM watch_feeds f ORDER BY f.url
        """
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]
