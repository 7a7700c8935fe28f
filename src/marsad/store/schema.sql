-- marsad event store (SQLite). One row per article, per extracted event (a report),
-- per cluster (a real-world event: all reports of one engagement) and per actor.
-- Text columns holding JSON are marked; dates are ISO 8601 strings.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id           TEXT PRIMARY KEY,
    source       TEXT,
    url          TEXT,
    published    TEXT,
    title        TEXT NOT NULL,
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL,          -- sha256 of title, text, published, source, url
    home_country TEXT,
    flags        TEXT NOT NULL,          -- JSON list
    ingested_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);

-- Full-text search over the folded (normalised), light-stemmed title and text: أ/ا/إ,
-- ة/ه, ى/ي and diacritics are unified and proclitics (و، ال، لل، ب …) removed, so a query
-- treated the same way finds every spelling (marsad.store.query.search_body / fts_query).
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    article_id UNINDEXED,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE IF NOT EXISTS clusters (
    id               INTEGER PRIMARY KEY,
    type             TEXT NOT NULL,
    status           TEXT NOT NULL,
    countries        TEXT NOT NULL,      -- sorted, comma-separated
    date             TEXT,               -- event date, else earliest report's publication
    first_seen       TEXT,               -- earliest publication among its reports
    last_seen        TEXT,
    n_articles       INTEGER NOT NULL,
    n_sources        INTEGER NOT NULL,
    representative   INTEGER,            -- events.id holding the fullest fields
    confidence       REAL                -- the highest of its reports' (NULL: none scored)
);
CREATE INDEX IF NOT EXISTS clusters_key ON clusters(type, countries, date);
CREATE INDEX IF NOT EXISTS clusters_date ON clusters(date);

CREATE TABLE IF NOT EXISTS events (
    id               INTEGER PRIMARY KEY,
    article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,   -- order within the article
    cluster_id       INTEGER REFERENCES clusters(id),
    type             TEXT NOT NULL,
    subtype          TEXT,
    status           TEXT NOT NULL,
    date             TEXT,
    location         TEXT,
    countries        TEXT NOT NULL,      -- sorted, comma-separated
    topics           TEXT NOT NULL,      -- JSON list
    cameo            TEXT,
    cameo_base       TEXT,
    cameo_root       TEXT,
    cameo_label      TEXT,
    plover_type      TEXT,
    plover_mode      TEXT,
    quad_class       INTEGER,
    goldstein        REAL,
    evidence         TEXT NOT NULL,      -- JSON: spans of trigger, sentence, actors, date, location, topics
    words            TEXT NOT NULL,      -- content words of the trigger sentence (for clustering)
    confidence       REAL,               -- the learned layer's belief, 0-1 (NULL: not scored)
    -- The location resolved in the gazetteer (marsad.geo); all NULL when unresolved.
    place_name_ar    TEXT,
    place_name_en    TEXT,
    place_kind       TEXT,               -- country | region | capital | city
    place_country    TEXT,               -- ISO 3166-1 alpha-3
    place_adm1       TEXT,               -- GeoNames first-level code
    place_lat        REAL,
    place_lon        REAL,
    place_geonameid  INTEGER,
    UNIQUE (article_id, seq)
);
CREATE INDEX IF NOT EXISTS events_cluster ON events(cluster_id);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_article_cluster ON events(article_id, cluster_id);

-- What a new report is compared with, per cluster, so that clustering never reads every
-- member of a large cluster: the people named for each country ('' when none) and the
-- outlets (source, else url, else article id) of its reports.
CREATE TABLE IF NOT EXISTS cluster_persons (
    cluster_id INTEGER NOT NULL,
    country    TEXT NOT NULL,
    actor_id   INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, country, actor_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS cluster_sources (
    cluster_id INTEGER NOT NULL,
    source     TEXT NOT NULL,
    PRIMARY KEY (cluster_id, source)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS actors (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,            -- the fullest spelling seen
    key        TEXT NOT NULL,            -- folded name
    country    TEXT,
    first_seen TEXT,
    last_seen  TEXT
);
CREATE INDEX IF NOT EXISTS actors_key ON actors(key);

CREATE TABLE IF NOT EXISTS actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    alias    TEXT NOT NULL,              -- as written
    key      TEXT NOT NULL,              -- folded
    head     TEXT NOT NULL,              -- first word of the key ...
    tail     TEXT NOT NULL,              -- ... and last: to find longer and shorter chains
    UNIQUE (actor_id, alias)
);
CREATE INDEX IF NOT EXISTS actor_aliases_key ON actor_aliases(key);
CREATE INDEX IF NOT EXISTS actor_aliases_head ON actor_aliases(head, tail);

CREATE TABLE IF NOT EXISTS actor_titles (
    actor_id   INTEGER NOT NULL REFERENCES actors(id),
    title      TEXT NOT NULL,
    first_seen TEXT,
    last_seen  TEXT,
    UNIQUE (actor_id, title)
);

CREATE TABLE IF NOT EXISTS event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    role     TEXT NOT NULL,
    name     TEXT,
    title    TEXT,
    country  TEXT,
    actor_id INTEGER REFERENCES actors(id)
);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event_id);
CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors(actor_id);
CREATE INDEX IF NOT EXISTS event_actors_country ON event_actors(country);

CREATE TABLE IF NOT EXISTS event_topics (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    topic    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS event_topics_topic ON event_topics(topic);
CREATE INDEX IF NOT EXISTS event_topics_event ON event_topics(event_id);

-- The watcher's state (marsad watch): one row per feed and one per article address seen.
CREATE TABLE IF NOT EXISTS watch_feeds (
    url           TEXT PRIMARY KEY,
    source        TEXT,
    country       TEXT,
    kind          TEXT,                  -- rss | atom | html: what the last listing was
    etag          TEXT,                  -- validators for conditional requests
    last_modified TEXT,
    last_polled   TEXT,                  -- ISO 8601, UTC
    last_ok       TEXT,                  -- last poll that read the listing or got 304
    last_status   TEXT,                  -- ok | not_modified | error
    http_status   INTEGER,
    last_error    TEXT,
    polls         INTEGER NOT NULL DEFAULT 0,
    errors        INTEGER NOT NULL DEFAULT 0   -- failures of the feed and of its pages
);
CREATE TABLE IF NOT EXISTS watch_pages (
    url        TEXT PRIMARY KEY,         -- canonical address (see canonical_url)
    link       TEXT NOT NULL,            -- the address as listed, fetched on a retry
    feed_url   TEXT NOT NULL,            -- the feed that listed it first
    status     TEXT NOT NULL,            -- ok | duplicate | retry | failed
    article_id TEXT,                     -- the stored article (a duplicate: the earlier one)
    text_hash  TEXT,                     -- sha256 of the extracted body text
    title      TEXT,                     -- the listing's title and date, kept for retries
    published  TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    fetched_at TEXT
);
CREATE INDEX IF NOT EXISTS watch_pages_feed ON watch_pages(feed_url, status);
CREATE INDEX IF NOT EXISTS watch_pages_text ON watch_pages(text_hash);
