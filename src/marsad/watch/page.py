"""An article page's main text and metadata (trafilatura), without menus and boxes."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(slots=True)
class Page:
    """What an article page says of itself."""

    title: str | None
    text: str
    published: dt.date | None


def extract_page(html: str, url: str) -> Page:
    """The main text and metadata of an article page (trafilatura); ``ValueError`` when
    the page holds no article text."""
    import trafilatura  # imported here: slow to import, and only the watcher needs it

    # No extensive date search: it guesses from any number in the page (a copyright
    # year becomes 1 January); a missing date is better, the listing's is used instead.
    out = trafilatura.extract(html, url=url, output_format="json", with_metadata=True, include_comments=False,
                              date_extraction_params={"extensive_search": False, "original_date": True})
    data = json.loads(out) if out else {}
    text = (data.get("text") or "").strip()
    if not text:
        raise ValueError("no article text found on the page")
    try:
        published = dt.date.fromisoformat((data.get("date") or "")[:10])
    except ValueError:
        published = None
    return Page((data.get("title") or "").strip() or None, text, published)


def body_without_title(text: str, titles: Iterable[str | None]) -> str:
    r"""Some pages repeat the headline as the body's first line; the title has it already.

    "The Foreign Minister receives Turkey's ambassador" / "The Foreign Minister received today …":

    >>> body_without_title("وزير الخارجية يستقبل سفيرة تركيا\nاستقبل وزير الخارجية اليوم",
    ...                    ["وزير الخارجية يستقبل  سفيرة تركيا"])
    'استقبل وزير الخارجية اليوم'
    """
    first, _, rest = text.partition("\n")
    if any(t and _squash(t) == _squash(first) for t in titles):
        return rest.strip()
    return text


def _squash(text: str) -> str:
    return " ".join(text.split())


def text_hash(text: str) -> str:
    """sha256 of the text with its spacing squashed: one story under two addresses hashes alike."""
    return hashlib.sha256(_squash(text).encode("utf-8")).hexdigest()
