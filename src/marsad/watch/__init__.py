"""Watching live news: poll feeds and section pages, fetch new articles, store their events.

The front of the pipeline for news as it is published: a feed (RSS or Atom) or a news
section page (``/politics``) lists article links; every link not seen before is fetched
once, its main text and metadata are extracted with trafilatura (navigation,
related-news boxes and footers dropped), and the article goes through
:func:`marsad.ingest.ingest_articles` like any other input.

The rooms, in the order a poll passes through them:

- :mod:`~marsad.watch.feeds`: the feeds file (what to watch, hosts allowed although not public);
- :mod:`~marsad.watch.addresses`: one spelling per address, article ids, the address policy;
- :mod:`~marsad.watch.fetch`: polite, bounded HTTP (a User-Agent, conditional requests,
  a pause between requests to one host, backoff on server errors, one deadline per request);
- :mod:`~marsad.watch.listing`: the article links of a feed or a section page;
- :mod:`~marsad.watch.page`: an article page's text and metadata;
- :mod:`~marsad.watch.poll`: the loop, its state in the store, and its summary.

A failure is logged and counted, never stops the other feeds, and what can succeed later
(a timeout, a 5xx, a truncated answer) is retried on the next poll, up to
:data:`~marsad.watch.poll.MAX_ATTEMPTS` times for an article. What the dashboard shows
of it is read by :func:`marsad.store.feeds.feed_status`.
"""
from marsad.watch.addresses import (
    AddressPolicy,
    AddressRefused,
    article_id,
    canonical_url,
)
from marsad.watch.feeds import (
    Feed,
    FeedsFileError,
    Watchlist,
    load_feeds,
    parse_interval,
)
from marsad.watch.fetch import Fetcher, FetchError, decode_page, guarded_client
from marsad.watch.listing import read_listing
from marsad.watch.page import extract_page
from marsad.watch.poll import WatchSummary, watch

__all__ = [
    "AddressPolicy",
    "AddressRefused",
    "Feed",
    "FeedsFileError",
    "FetchError",
    "Fetcher",
    "WatchSummary",
    "Watchlist",
    "article_id",
    "canonical_url",
    "decode_page",
    "extract_page",
    "guarded_client",
    "load_feeds",
    "parse_interval",
    "read_listing",
    "watch",
]
