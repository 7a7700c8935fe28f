"""The one shared vocabulary: articles, evidence spans, actors, events.

Every extracted field carries a :class:`Span` into the *original* article text. An
article has two addressable parts, ``"title"`` and ``"text"`` (the body), so a span
says which part it points into and ``getattr(article, span.part)[span.start:span.end]
== span.text`` always holds.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from marsad.lexicon import read_rows


@dataclass(frozen=True, slots=True)
class EventType:
    """One kind of engagement, as defined in ``lexicon/data/vocabulary.tsv``."""

    name: str
    label_ar: str
    label_en: str
    colour: str
    directed: bool  # the source side (caller, visitor, sender) is meaningful
    subtypes: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.label_ar if lang == "ar" else self.label_en


@dataclass(frozen=True, slots=True)
class Status:
    name: str
    label_ar: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_ar if lang == "ar" else self.label_en


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Event types and statuses, in file order.

    >>> vocabulary().type("MESSAGE").subtypes
    ('congratulation', 'condolence', 'letter', 'other')
    >>> "MEETING" in vocabulary().directed_types
    False
    """

    types: tuple[EventType, ...]
    statuses: tuple[Status, ...]

    @property
    def type_names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.types)

    @property
    def status_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.statuses)

    @property
    def directed_types(self) -> frozenset[str]:
        return frozenset(t.name for t in self.types if t.directed)

    def type(self, name: str) -> EventType:
        for t in self.types:
            if t.name == name:
                return t
        raise KeyError(f"unknown event type {name!r}; expected one of {self.type_names}")


@cache
def vocabulary() -> Vocabulary:
    """The event vocabulary, read once (``MARSAD_LEXICON_DIR`` may replace the file)."""
    types: list[EventType] = []
    statuses: list[Status] = []
    for row in read_rows("vocabulary.tsv"):
        kind, name, *rest = row
        if kind == "type":
            label_ar, label_en, colour, directed, subtypes = rest[:5]
            subs = () if subtypes in ("", "-") else tuple(s for s in subtypes.split("|") if s)
            types.append(EventType(name, label_ar, label_en, colour, directed == "yes", subs))
        elif kind == "status":
            statuses.append(Status(name, rest[0], rest[1]))
        else:
            raise ValueError(f"vocabulary.tsv: unknown row kind {kind!r}")
    return Vocabulary(tuple(types), tuple(statuses))


EVENT_TYPES = vocabulary().type_names
STATUSES = vocabulary().status_names
DIRECTED_TYPES = vocabulary().directed_types
TOPICS = (
    "bilateral_relations",
    "economy_trade_investment",
    "defense_military",
    "security_counterterrorism",
    "energy",
    "culture_education_science",
    "health",
    "humanitarian_aid",
    "climate_environment",
    "regional_international_affairs",
    "consular_community",
    "ceremonial",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A character range ``[start, end)`` in one part (``title`` or ``text``) of an article."""

    part: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"part": self.part, "start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Article:
    """One news article as read from input. ``published`` is ``None`` when unknown."""

    id: str
    title: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # "file:line" the article was read from, for error reports

    def part(self, name: str) -> str:
        return self.title if name == "title" else self.text


@dataclass(slots=True)
class Actor:
    role: str  # "source" | "target"
    name: str | None
    title: str | None
    country: str | None
    evidence: dict[str, Span] = field(default_factory=dict)  # keys: mention, name, title, country

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "name": self.name, "title": self.title, "country": self.country}


@dataclass(slots=True)
class Event:
    type: str
    status: str
    actors: list[Actor]
    subtype: str | None = None
    date: str | None = None
    location: str | None = None
    topics: list[str] = field(default_factory=list)
    trigger: Span | None = None
    sentence: Span | None = None
    date_span: Span | None = None
    location_span: Span | None = None
    topic_spans: dict[str, list[Span]] = field(default_factory=dict)
    codes: dict[str, Any] = field(default_factory=dict)
    confidence: float | None = None  # the learned layer's belief (0–1); None when it is off
    place: dict[str, Any] | None = None  # the location resolved in the gazetteer (marsad.geo.Geo.to_dict())

    def countries(self) -> frozenset[str]:
        return frozenset(a.country for a in self.actors if a.country)

    def evidence(self) -> dict[str, Any]:
        return {
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "sentence": self.sentence.to_dict() if self.sentence else None,
            "actors": [{k: s.to_dict() for k, s in a.evidence.items()} for a in self.actors],
            "date": self.date_span.to_dict() if self.date_span else None,
            "location": self.location_span.to_dict() if self.location_span else None,
            "topics": {t: [s.to_dict() for s in spans] for t, spans in self.topic_spans.items()},
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "subtype": self.subtype,
            "status": self.status,
            "actors": [a.to_dict() for a in self.actors],
            "date": self.date,
            "location": self.location,
            "topics": list(self.topics),
            "confidence": self.confidence,
            "place": dict(self.place) if self.place else None,
            "codes": dict(self.codes),
            "evidence": self.evidence(),
        }


@dataclass(slots=True)
class Extraction:
    """What marsad found in one article."""

    article: Article
    events: list[Event]
    flags: list[str] = field(default_factory=list)
    home_country: str | None = None

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id,
            "source": a.source,
            "url": a.url,
            "published": a.published.isoformat() if a.published else None,
            "title": a.title,
            "home_country": self.home_country,
            "flags": list(self.flags),
            "events": [e.to_dict() for e in self.events],
        }
