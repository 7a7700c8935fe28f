"""Opening the SQLite store safely, with clear errors instead of tracebacks.

The store is one SQLite file (``marsad.db`` by default, or ``--db`` / ``$MARSAD_DB``)
in WAL mode, so the dashboard can read while an ingest writes. Every article is
written inside a transaction together with its events, so a killed process leaves
either the whole article or none of it.

A store made by an earlier marsad is brought up to date when opened for writing: the
columns added since (:data:`ADDED_COLUMNS`) are added, empty, and its articles are
marked for extraction again, so the next ``marsad ingest`` of the same input fills them.
"""
from __future__ import annotations

import os
import sqlite3
from importlib import resources
from pathlib import Path

from marsad.store import clusters

DEFAULT_DB = "marsad.db"
SCHEMA_VERSION = "2"
# Columns added since a schema version: a store made before them gets them (NULL) when
# opened for writing, and its version is raised. Version 2: confidence and the place.
ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("events", "confidence", "REAL"),
    ("events", "place_name_ar", "TEXT"),
    ("events", "place_name_en", "TEXT"),
    ("events", "place_kind", "TEXT"),
    ("events", "place_country", "TEXT"),
    ("events", "place_adm1", "TEXT"),
    ("events", "place_lat", "REAL"),
    ("events", "place_lon", "REAL"),
    ("events", "place_geonameid", "INTEGER"),
    ("clusters", "confidence", "REAL"),
)
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A store problem a user can act on (bad file, no permission, disk full)."""


def default_path(path: str | os.PathLike | None = None) -> Path:
    """``path``, else ``$MARSAD_DB``, else ``marsad.db`` in the working directory."""
    return Path(path or os.environ.get("MARSAD_DB") or DEFAULT_DB)


def explain(exc: sqlite3.Error, path: str | os.PathLike) -> StoreError:
    """Turn an SQLite exception into a one-line message naming the file."""
    message = str(exc)
    if "disk is full" in message or "disk I/O error" in message:
        return StoreError(f"{path}: cannot write: the disk is full or failing ({message})")
    if "readonly" in message or "read-only" in message:
        return StoreError(f"{path}: cannot write: the database or its folder is read-only")
    if "unable to open" in message:
        return StoreError(f"{path}: cannot open the database (missing folder or no permission)")
    if "not a database" in message or "malformed" in message or "file is encrypted" in message:
        return StoreError(f"{path}: not a usable marsad database: the file is corrupt or not SQLite ({message})")
    if "locked" in message or "busy" in message:
        return StoreError(f"{path}: the database is locked by another writer; try again")
    return StoreError(f"{path}: database error: {message}")


def connect(path: str | os.PathLike | None = None, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) the store at ``path`` and make sure its schema exists.

    Raises :class:`StoreError` for a file that is not SQLite, a corrupt database, a
    read-only location or a missing folder.
    """
    db = default_path(path)
    _check_header(db)
    try:
        if readonly:
            if not db.exists():
                raise StoreError(f"{db}: no such database (run `marsad ingest` first)")
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False, isolation_level=None)
        else:
            # Autocommit mode: transactions are opened and closed explicitly by the caller.
            conn = sqlite3.connect(db, check_same_thread=False, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            _ensure_schema(conn)
        else:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise explain(exc, db) from None
    return conn


def _check_header(db: Path) -> None:
    if db.is_dir():
        raise StoreError(f"{db}: is a folder, not a database file")
    try:
        with open(db, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except PermissionError:
        raise StoreError(f"{db}: cannot read the database file (no permission)") from None
    if head and head != SQLITE_HEADER:
        raise StoreError(f"{db}: not a SQLite database (wrong file header); refusing to touch it")


def _ensure_schema(conn: sqlite3.Connection) -> None:
    schema = resources.files("marsad.store").joinpath("schema.sql").read_text(encoding="utf-8")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.executescript(schema)
    if "clusters" in tables and "cluster_persons" not in tables:  # a store made before clustering kept them
        conn.execute("BEGIN IMMEDIATE")
        clusters.index_members(conn)
        conn.execute("COMMIT")
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is not None and not (row[0].isdigit() and int(row[0]) <= int(SCHEMA_VERSION)):
        raise StoreError(f"database schema version {row[0]} is newer than this marsad's {SCHEMA_VERSION}; "
                         "upgrade marsad to use it")
    if row is None or row[0] != SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        if _add_missing_columns(conn) and "articles" in tables:
            # Reports stored before the new columns lack their values: forget the content
            # hashes, so the next ingest of the same input extracts them again.
            conn.execute("UPDATE articles SET content_hash = ''")
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        conn.execute("COMMIT")


def _add_missing_columns(conn: sqlite3.Connection) -> bool:
    """Bring a store made by an earlier version up to :data:`ADDED_COLUMNS` (new ones
    are NULL); say whether any was missing."""
    added = False
    for table, column, kind in ADDED_COLUMNS:
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            added = True
    return added


def integrity_ok(conn: sqlite3.Connection) -> bool:
    """``PRAGMA integrity_check`` says ``ok``."""
    return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
