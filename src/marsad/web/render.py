"""Article text with its evidence spans highlighted, and every field made safe to show.

:func:`highlight` cuts an article's title and text into segments, each either plain or
marked with the field its evidence supports (trigger, name, title, country, date,
location, topic). Templates print every value through :func:`display` (the template
environment's ``finalize``) and Jinja2's autoescaping, so text is shown, never
interpreted: bidirectional override characters are made visible instead of reordering
the page, and control characters (NUL …) are dropped. :func:`web_url` says which
addresses may become links.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

# Explicit directional formatting characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
# C0 and C1 controls other than tab and line breaks: nothing a reader should see.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
PRIORITY = ("trigger", "name", "title", "country", "date", "location", "topic")


def display(value: Any) -> Any:
    r"""A value as a page shows it: text without control characters, its bidi overrides
    replaced with a visible ``⟦U+202E⟧`` marker (isolated with U+2068/U+2069 so the
    marker itself is not reordered by the text around it). Markup built by the
    templates themselves, and values that are not text, pass unchanged.

    "Kuwait News Agency" with a right-to-left override and a NUL byte:

    >>> display("\u202eكونا\x00")
    '\u2068⟦U+202E⟧\u2069كونا'
    """
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    value = _CONTROL.sub("", value)
    if not any(ch in BIDI_CONTROLS for ch in value):
        return value
    return "".join(f"\u2068⟦U+{ord(ch):04X}⟧\u2069" if ch in BIDI_CONTROLS else ch for ch in value)


def web_url(value: Any) -> bool:
    """Whether ``value`` may become a link: an http(s) address with a host (never
    ``javascript:`` or ``data:``).

    >>> web_url("https://www.kuna.net.kw/ArticleDetails.aspx?id=3201001"), web_url("javascript:alert(1)")
    (True, False)
    """
    if not isinstance(value, str) or _CONTROL.search(value) or any(ch in BIDI_CONTROLS for ch in value):
        return False
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _spans(evidence: dict[str, Any]) -> list[tuple[str, int, int, str, str]]:
    """(part, start, end, field, label) of every evidence span of one report."""
    out = []
    trig = evidence.get("trigger")
    if trig:
        out.append((trig["part"], trig["start"], trig["end"], "trigger", trig["text"]))
    for actor in evidence.get("actors") or []:
        for key in ("name", "title", "country"):
            span = actor.get(key)
            if span:
                out.append((span["part"], span["start"], span["end"], key, span["text"]))
    for key in ("date", "location"):
        span = evidence.get(key)
        if span:
            out.append((span["part"], span["start"], span["end"], key, span["text"]))
    for topic, spans in (evidence.get("topics") or {}).items():
        for span in spans:
            out.append((span["part"], span["start"], span["end"], "topic", topic))
    return out


def segments(text: str, spans: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    """``text`` cut at the spans: ``{"text", "field", "label"}`` items, no overlaps
    (a higher-priority field wins, then the longer span)."""
    taken: list[tuple[str, str, int] | None] = [None] * len(text)
    for start, end, field, label in sorted(spans, key=lambda s: (PRIORITY.index(s[2]), -(s[1] - s[0]))):
        start, end = max(0, start), min(len(text), end)
        if start < end and all(t is None for t in taken[start:end]):
            taken[start:end] = [(field, label, start)] * (end - start)
    out: list[dict[str, Any]] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and taken[j] == taken[i]:
            j += 1
        mark = taken[i]
        out.append({"text": text[i:j], "field": mark[0] if mark else None, "label": mark[1] if mark else None})
        i = j
    return out


def highlight(article: dict[str, Any], evidences: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Title and text segments of ``article`` with all spans of ``evidences`` marked."""
    parts: dict[str, list] = {"title": [], "text": []}
    for evidence in evidences:
        for part, start, end, field, label in _spans(evidence):
            if part in parts:
                parts[part].append((start, end, field, label))
    return {part: segments(article[part] or "", spans) for part, spans in parts.items()}
