"""The learned layer: how much to believe each event the rules propose.

The rules read Arabic; they cannot weigh evidence. A candidate event found in the third
paragraph of a 9,000-character opinion piece, inside a sentence that opens «وكان», whose
second party got its state only because the outlet is Saudi, is far less often a real,
reported engagement than a title-line «استقبل» with two named officials of two named
states. This module turns each event into a handful of such observations
(:func:`event_features`) and scores them with a logistic model
(:class:`ConfidenceModel`): a plain JSON file of feature weights, readable by a person,
retrained reproducibly from gold files by ``marsad train`` (see :mod:`marsad.learn`).

Nothing here trains or imports a learning library: scoring is a dot product.

>>> model = ConfidenceModel(weights={"type=MEETING": 1.0}, intercept=-0.5, threshold=0.5)
>>> round(model.probability({"type=MEETING": 1.0}), 3)
0.622
"""
from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from marsad.lexicon import read_rows
from marsad.model import Event, Extraction
from marsad.text.normalize import fold

MODEL_FILE = Path(__file__).with_name("confidence_model.json")
ORGANISATION_CODES = frozenset({"UNO", "EUR", "GCC", "ARL", "OIC", "NAT", "AFU", "IGO", "NGO"})
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """Words whose presence in an event's sentence or article tells how it is reported.

    Read from ``lexicon/data/confidence_cues.tsv`` (``kind<TAB>word``), so that a user can
    add, say, the Maghreb's «أجرى مباحثات» openers without touching code.
    """

    by_kind: dict[str, frozenset[str]]

    def kinds_in(self, words: Iterable[str]) -> set[str]:
        found = set()
        for w in words:
            for kind, vocab in self.by_kind.items():
                if w in vocab:
                    found.add(kind)
        return found


@cache
def sentence_cues() -> SentenceCues:
    by_kind: dict[str, set[str]] = {}
    for row in read_rows("confidence_cues.tsv"):
        kind, word = row[0], row[1]
        by_kind.setdefault(kind, set()).add(fold(word))
    return SentenceCues({k: frozenset(v) for k, v in by_kind.items()})


def _is_nominal(trigger: str) -> bool:
    """Whether a (folded) trigger is a verbal noun: its first word, without a joined
    preposition or the article, starts like one (``cue=noun`` rows of the cue file)."""
    word = trigger.split()[0] if trigger else ""
    for clitic in ("و", "ف", "ب", "ل", "ال"):
        if word.startswith(clitic) and len(word) > len(clitic) + 2:
            word = word[len(clitic):]
    return word.startswith(tuple(sentence_cues().by_kind.get("noun", ())))


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return sum(value >= e for e in edges)


def _date_feature(event: Event, published: date | None) -> str:
    if event.date is None:
        return "none"
    if published is None:
        return "absolute"
    days = (date.fromisoformat(event.date) - published).days
    if days > 0:
        return "future"
    if days >= -2:
        return "recent"
    if days >= -31:
        return "month"
    return "old"


def event_features(event: Event, extraction: Extraction) -> dict[str, float]:
    """Observations about one event, as named indicator or numeric features.

    The names are stable strings (``type=VISIT``, ``trigger=زار``, ``home_inferred``), so
    a trained model's weights say in words what raises or lowers belief.
    """
    article = extraction.article
    home = extraction.home_country
    f: dict[str, float] = {}

    def on(name: str, value: float = 1.0) -> None:
        f[name] = value

    on(f"type={event.type}")
    on(f"status={event.status}")
    on(f"type_status={event.type}:{event.status}")
    if event.trigger is not None:
        trigger = fold(event.trigger.text)
        on(f"trigger={trigger}")
        on(f"trigger_part={event.trigger.part}")
        if _is_nominal(trigger):
            # «زيارة الوزير للقاهرة» "the minister's visit to Cairo": a verbal noun is as
            # often background as news, a verb («زار» "visited") seldom.
            on("nominal")
            on(f"nominal:{event.type}")
            if event.date is None:
                on("nominal_undated")
    countries = event.countries()
    on("countries", float(min(len(countries), 5)))
    if len(countries) > 2:
        on("multilateral")
    if countries & ORGANISATION_CODES:
        on("organisation_party")
    if home and home in countries:
        on("home_party")
    sources = [a for a in event.actors if a.role == "source"]
    targets = [a for a in event.actors if a.role == "target"]
    on("targets", float(min(len(targets), 5)))
    if not sources:
        on("no_source")
    inferred = [a for a in event.actors if a.country and "country" not in a.evidence]
    if any(a.country == home for a in inferred):
        on("home_inferred")
    on("inferred_countries", float(len(inferred)))
    named = sum(1 for a in event.actors if a.name)
    on("named_actors", float(named))
    if named == 0:
        on("no_person")
    if all(a.name or a.title for a in event.actors):
        on("all_actors_identified")
    on(f"date={_date_feature(event, article.published)}")
    if event.location:
        on("has_location")
    on("topics", float(min(len(event.topics), 6)))
    if event.subtype:
        on(f"subtype={event.subtype}")
    _sentence_features(event, article.text, on)
    length = len(article.text)
    on(f"article_length={_bucket(length, (600, 1500, 3000, 6000))}")
    for kind, count in _article_cues(article.text).items():
        on(f"article_{kind}={_bucket(count, (1, 3, 6))}")
    on(f"article_events={min(len(extraction.events), 6)}")
    if article.title and event.trigger is not None and event.trigger.part == "title":
        on("headline_event")
    return f


@lru_cache(maxsize=64)
def _article_cues(text: str) -> dict[str, int]:
    """How often the article uses opinion, speech and history words, and asks questions:
    a column («هل…؟», «نعتقد») tells old visits as arguments, a wire story does not."""
    by_kind = sentence_cues().by_kind
    words = Counter(_WORD.findall(fold(text)))
    counts = Counter({kind: sum(n for w, n in words.items() if w in by_kind.get(kind, ()))
                      for kind in ("opinion", "speech", "history", "report")})
    counts["questions"] = text.count("؟") + text.count("?")
    return dict(counts)


def _sentence_features(event: Event, text: str, on) -> None:
    sentence = event.sentence
    if sentence is None:
        return
    if sentence.part == "text" and text:
        position = sentence.start / max(len(text), 1)
        on(f"sentence_position={_bucket(position, (0.05, 0.25, 0.5, 0.75))}")
        if sentence.start == 0:
            on("first_sentence")
    words = [fold(w) for w in _WORD.findall(sentence.text)]
    on(f"sentence_length={_bucket(len(words), (15, 30, 50, 80))}")
    for kind in sorted(sentence_cues().kinds_in(words)):
        on(f"cue={kind}")
    if words:
        for kind in sorted(sentence_cues().kinds_in(words[:2])):
            on(f"opens={kind}")
    if "«" in sentence.text or '"' in sentence.text:
        on("quoted")
    if "؟" in sentence.text or "?" in sentence.text:
        on("question")


@dataclass(slots=True)
class ConfidenceModel:
    """Logistic weights over :func:`event_features`, and the cut-off chosen for them.

    ``threshold`` applies to occurred events and ``planned_threshold`` to planned ones;
    ``about`` records how the model was made (gold files, counts, cross-validated scores).
    """

    weights: dict[str, float]
    intercept: float
    threshold: float
    planned_threshold: float | None = None
    about: dict[str, Any] = field(default_factory=dict)

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def cut_off(self, status: str) -> float:
        if status == "planned" and self.planned_threshold is not None:
            return self.planned_threshold
        return self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "planned_threshold": self.planned_threshold,
            "intercept": self.intercept,
            "about": self.about,
            "weights": dict(sorted(self.weights.items(), key=lambda kv: (-abs(kv[1]), kv[0]))),
        }

    def save(self, path: str | os.PathLike) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(self.to_dict(), fh, ensure_ascii=False, indent=1)
            fh.write("\n")

    @classmethod
    def load(cls, path: str | os.PathLike) -> ConfidenceModel:
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
            return cls(
                weights={str(k): float(v) for k, v in data["weights"].items()},
                intercept=float(data["intercept"]),
                threshold=float(data["threshold"]),
                planned_threshold=(None if data.get("planned_threshold") is None
                                   else float(data["planned_threshold"])),
                about=dict(data.get("about") or {}),
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: not a confidence model ({exc})") from None


@cache
def _packaged_model() -> ConfidenceModel | None:
    return ConfidenceModel.load(MODEL_FILE) if MODEL_FILE.is_file() else None


def default_model() -> ConfidenceModel | None:
    """The model shipped with the package, or the file named by ``$MARSAD_MODEL``.

    ``MARSAD_MODEL=none`` turns the learned layer off (every event the rules find is kept,
    with confidence ``None``).
    """
    override = os.environ.get("MARSAD_MODEL")
    if override:
        return None if override.lower() == "none" else ConfidenceModel.load(override)
    return _packaged_model()


def score_events(extraction: Extraction, model: ConfidenceModel | None, *, keep_all: bool = False) -> None:
    """Set ``confidence`` on every event and drop those below the model's cut-off.

    With ``keep_all`` nothing is dropped (used when training and cross-validating).
    """
    if model is None:
        return
    kept = []
    for event in extraction.events:
        event.confidence = round(model.probability(event_features(event, extraction)), 4)
        if keep_all or event.confidence >= model.cut_off(event.status):
            kept.append(event)
    extraction.events = kept
