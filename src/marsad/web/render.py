"""Article text with its evidence spans highlighted, safe to put in a page.

:func:`highlight` cuts an article's title and text into segments, each either plain or
marked with the field its evidence supports (trigger, name, title, country, date,
location, topic). Templates print the segments through Jinja2's autoescaping, so the
text is shown, never interpreted; :func:`visible_controls` also makes bidirectional
override characters visible instead of letting them reorder the page.
"""
from __future__ import annotations

from typing import Any

# Explicit directional formatting characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
BIDI_CONTROLS = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
PRIORITY = ("trigger", "name", "title", "country", "date", "location", "topic")


def visible_controls(text: str) -> str:
    """Replace bidi override characters with a visible ``⟦U+202E⟧`` marker (isolated with
    U+2068/U+2069 so the marker itself is not reordered by the text around it)."""
    if not any(ch in BIDI_CONTROLS for ch in text):
        return text
    return "".join(f"\u2068⟦U+{ord(ch):04X}⟧\u2069" if ch in BIDI_CONTROLS else ch for ch in text)


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
    taken = [None] * len(text)
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
