"""Listings: the article links of a feed (RSS, Atom) or of a news section page.

A feed says which entries are articles; a section page (``/politics``) does not, so its
links are told apart by their shape (a story number, a date or a headline slug) and by
where they sit: menus, header, footer and side boxes are page furniture, not news.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from marsad.watch.addresses import canonical_url

# A story link carries a story number or a date (/news/41235.html, /article/bz8k2p1-2025-01-14)
# or a headline slug (/2025/01/عبدالله-بن-زايد-يلتقي); section and menu links carry neither.
_ARTICLE_PATH = re.compile(r"\d{4,}|[^/]+-[^/]+-[^/]+")
_NOT_A_PAGE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|mp3|mp4|zip|css|js|xml|rss)$", re.I)
# Page furniture, not the listing: menus, header, footer, side boxes.
_FURNITURE_TAGS = frozenset({"nav", "header", "footer", "aside", "form"})
_FURNITURE_CLASS = re.compile(r"\b(?:nav|navbar|menu|topmenu|breadcrumbs?|sidebar|footer)\b", re.I)
_XML_ENCODING = re.compile(r"""(<\?xml[^>]*encoding=)(["'])[\w.:-]+\2""", re.I)


@dataclass(slots=True)
class Listing:
    """An article link found in a feed or section page, with what the listing says of it."""

    url: str
    title: str | None = None
    published: dt.date | None = None


class ListingError(Exception):
    """A feed or section page that lists nothing usable."""


def read_listing(text: str, content_type: str, url: str) -> tuple[str, list[Listing]]:
    """``(kind, links)`` of a feed (``rss``/``atom``) or a section page (``html``)."""
    head = text.lstrip("\ufeff \t\r\n")[:1024].lower()
    if "<rss" in head or "<feed" in head or "<rdf:rdf" in head or (head.startswith("<?xml") and "<html" not in head):
        return _feed_listing(text, url)
    if "<html" in head or "<!doctype html" in head or "html" in content_type:
        return "html", _section_links(text, url)
    if "xml" in content_type:
        return _feed_listing(text, url)
    raise ListingError(f"neither a feed nor a web page (Content-Type: {content_type or 'none'})")


def _feed_listing(text: str, url: str) -> tuple[str, list[Listing]]:
    import feedparser  # imported here: slow to import

    # The text is already decoded, so its declaration must not make feedparser re-decode it.
    data = _XML_ENCODING.sub(r"\1\2utf-8\2", text, count=1).encode("utf-8")
    parsed = feedparser.parse(data, response_headers={"content-type": "application/xml; charset=utf-8",
                                                      "content-location": url})
    kind = "atom" if parsed.version.startswith("atom") else "rss"
    listings = []
    for entry in parsed.entries:
        link = entry.get("link") or (entry.get("id") if entry.get("guidislink") else None)
        if not link or urlsplit(link).scheme not in ("http", "https"):
            continue
        listings.append(Listing(link, (entry.get("title") or "").strip() or None, _entry_date(entry)))
    if parsed.bozo and not listings:
        raise ListingError(f"malformed feed: {_bozo_reason(parsed.bozo_exception)}")
    if not listings and not parsed.version:
        raise ListingError("not a feed: no RSS or Atom elements")
    return kind, listings


def _bozo_reason(exc: Exception) -> str:
    line = getattr(exc, "getLineNumber", None)
    where = f" at line {line()}" if callable(line) else ""
    return f"{exc.getMessage() if hasattr(exc, 'getMessage') else exc}{where}"


def _entry_date(entry: Any) -> dt.date | None:
    """The entry's date as the outlet wrote it.

    feedparser's parsed dates are converted to UTC, which moves a story posted at 00:40
    Kuwait time (+0300) to the day before; relative dates in the story (أمس, yesterday)
    count from the outlet's own calendar day, so the written offset is kept.
    """
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return dt.datetime.fromisoformat(raw.strip()).date()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _section_links(text: str, url: str) -> list[Listing]:
    """The story links of a news section page, in page order, without its menus, header,
    footer and side boxes."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except Exception as exc:  # lxml raises bare ParserError/ValueError on unreadable input
        raise ListingError(f"unreadable HTML: {exc}") from None
    host = (urlsplit(url).hostname or "").lower()
    here = canonical_url(url)
    seen: set[str] = set()
    links = []
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or _in_furniture(anchor):
            continue
        link = urljoin(url, href)
        parts = urlsplit(link)
        if parts.scheme not in ("http", "https") or (parts.hostname or "").lower() != host:
            continue
        key = canonical_url(link)
        if key == here or key in seen or _NOT_A_PAGE.search(parts.path):
            continue
        if not _ARTICLE_PATH.search(unquote(parts.path) + "?" + parts.query):
            continue
        seen.add(key)
        links.append(Listing(link, anchor.text_content().strip() or None))
    if not links:
        raise ListingError("no article links found on the page")
    return links


def _in_furniture(element: Any) -> bool:
    ancestors = list(element.iterancestors())
    # A story card's own <header> or <footer> (<article><header><h2><a>) holds its link.
    in_story = any(node.tag == "article" for node in ancestors)
    for node in ancestors:
        if node.tag == "article":
            return False
        if node.tag in ("nav", "aside") or node.get("role") == "navigation":
            return True
        if not in_story and (node.tag in _FURNITURE_TAGS
                             or _FURNITURE_CLASS.search(f"{node.get('class', '')} {node.get('id', '')}")):
            return True
    return False
