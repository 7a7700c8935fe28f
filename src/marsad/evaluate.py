"""Score predicted events against gold events, as docs/evaluation.md describes the scoring.

Pure functions over plain dicts: ``gold`` is a list of gold articles (``id``, ``events``)
and ``predicted`` maps an article id to its predicted event dicts (same fields as gold
events; extra keys such as ``codes`` or ``evidence`` are ignored). Nothing here extracts.

Pairing. Within each article, and separately for ``occurred`` and ``planned``, a predicted
and a gold event *match* when their ``type`` is equal and their sets of actor countries
(non-null ``country`` over all actors) are equal. Matching candidates are paired greedily,
best first, each event used once; "best" compares, in order, actor-name agreement, source
country agreement, date equality and topic overlap, so that when an article has two
meetings between the same countries each prediction pairs with the one it describes.

Metrics (the choices the guide leaves open are fixed here):

- event P/R/F1 per status: matched pairs against predicted and gold counts;
- article P/R/F1: an article is positive when it has at least one event of *any* status,
  the question being whether the article reports an engagement at all;
- actor names, role, date and topic metrics are computed over matched ``occurred`` pairs
  only, the headline set, so that announced events do not blur them;
- actor name F1: person names (non-null) after :func:`name_tokens` normalisation; a
  predicted and a gold name of the same pair correspond when their token overlap
  ``|g ∩ p| / max(|g|, |p|)`` is at least 0.8, each name used once. That reading scores a
  full match 1.0 and tolerates one extra, missing or misspelled token in a chain of five
  or more distinct tokens ("محمد بن سلمان بن عبدالعزيز آل سعود" has six: without "سعود" it
  scores 5/6 and is found, without "آل سعود" 4/6 and is not), but not a bare surname for a
  two-token name (1/2);
- role accuracy: over matched pairs of the directed types, whether the set of source
  countries is equal;
- date accuracy: over matched pairs whose gold date is not null, exact equality;
- topic micro-F1: topic sets per pair, true/false positives and negatives summed.

A ratio whose denominator is zero is ``None`` (shown as ``n/a``), not 0 or 1.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.model import DIRECTED_TYPES, STATUSES
from marsad.text.normalize import fold

NAME_OVERLAP = 0.8

_ABD = re.compile(r"(?<!\w)عبد\s+(?=\w)")
_TOKEN = re.compile(r"\w+")


# --- event views ------------------------------------------------------------------------


def _actors(event: dict) -> list[dict]:
    return event.get("actors") or []


def countries(event: dict) -> frozenset[str]:
    """The set of non-null actor countries: the pairing key with the type."""
    return frozenset(a["country"] for a in _actors(event) if a.get("country"))


def source_countries(event: dict) -> frozenset[str]:
    """Countries of the ``source`` actors (a set: joint sources are allowed)."""
    return frozenset(
        a["country"] for a in _actors(event) if a.get("role") == "source" and a.get("country")
    )


def person_names(event: dict) -> list[str]:
    """Non-null actor names of an event, in actor order."""
    return [a["name"] for a in _actors(event) if a.get("name")]


def _topics(event: dict) -> frozenset[str]:
    return frozenset(event.get("topics") or ())


def name_tokens(name: str) -> frozenset[str]:
    """Token set of a person name after the guide's normalisation.

    Folds alef/hamza forms, taa marbuta, alif maqsura, Persian letters, diacritics and
    tatweel (:func:`fold`), and joins ``عبد`` to the next word because news writes both
    ``عبد الفتاح`` and ``عبدالفتاح`` for the same name.

    >>> name_tokens("عبد الفتاح السيسي") == name_tokens("عبدالفتاح السيسى")
    True
    """
    return frozenset(_TOKEN.findall(_ABD.sub("عبد", fold(name))))


def name_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """``|a ∩ b| / max(|a|, |b|)``: 1.0 only for equal sets; 0.0 when either is empty."""
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def match_names(gold_names: list[str], pred_names: list[str]) -> int:
    """How many gold names a predicted name corresponds to, one-to-one, best overlap first."""
    gold_tokens = [name_tokens(n) for n in gold_names]
    pred_tokens = [name_tokens(n) for n in pred_names]
    candidates = [
        (overlap, gi, pi)
        for gi, g in enumerate(gold_tokens)
        for pi, p in enumerate(pred_tokens)
        if (overlap := name_overlap(g, p)) >= NAME_OVERLAP
    ]
    return len(_greedy(candidates))


def _greedy(candidates: list[tuple[Any, int, int]]) -> list[tuple[int, int]]:
    """Take ``(score, left, right)`` candidates best score first, each side used once.

    The sort is stable, so equal scores keep generation order (left, then right index)
    and the result does not depend on anything but the inputs.
    """
    used_left: set[int] = set()
    used_right: set[int] = set()
    taken = []
    for _, left, right in sorted(candidates, key=lambda c: c[0], reverse=True):
        if left not in used_left and right not in used_right:
            used_left.add(left)
            used_right.add(right)
            taken.append((left, right))
    return taken


# --- pairing ----------------------------------------------------------------------------


def events_match(gold: dict, pred: dict) -> bool:
    """The guide's match: same type and same set of actor countries."""
    return gold.get("type") == pred.get("type") and countries(gold) == countries(pred)


def similarity(gold: dict, pred: dict) -> tuple[float, float, float, float]:
    """How well a matching pair agrees: (names, source countries, date, topics).

    Tuples compare in that order, so names decide first and topics last.
    """
    gold_names, pred_names = person_names(gold), person_names(pred)
    if gold_names or pred_names:
        names = 2 * match_names(gold_names, pred_names) / (len(gold_names) + len(pred_names))
    else:
        names = 1.0
    role = float(source_countries(gold) == source_countries(pred))
    date = float(gold.get("date") == pred.get("date"))
    union = _topics(gold) | _topics(pred)
    topics = len(_topics(gold) & _topics(pred)) / len(union) if union else 1.0
    return names, role, date, topics


@dataclass(slots=True)
class Alignment:
    """Pairs of (gold index, predicted index) and the unpaired events of one article."""

    pairs: list[tuple[int, int]]
    missed: list[int]
    false_alarms: list[int]


def align(gold_events: list[dict], pred_events: list[dict]) -> Alignment:
    """Pair one article's events greedily by best match, within each status separately.

    Indices refer to the given lists. Events are paired only with events of the same
    status, so an event whose status is neither ``occurred`` nor ``planned`` stays unpaired.
    """
    candidates = [
        (similarity(g, p), gi, pi)
        for gi, g in enumerate(gold_events)
        for pi, p in enumerate(pred_events)
        if g.get("status") in STATUSES and g.get("status") == p.get("status") and events_match(g, p)
    ]
    pairs = sorted(_greedy(candidates))
    paired_gold = {gi for gi, _ in pairs}
    paired_pred = {pi for _, pi in pairs}
    return Alignment(
        pairs=pairs,
        missed=[i for i in range(len(gold_events)) if i not in paired_gold],
        false_alarms=[i for i in range(len(pred_events)) if i not in paired_pred],
    )


# --- metrics ----------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(slots=True)
class PRF:
    """True/false positive and false negative counts with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        """Count ``tp`` hits out of ``predicted`` predictions and ``gold`` gold items."""
        self.tp += tp
        self.fp += predicted - tp
        self.fn += gold - tp

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        # 2TP / (2TP + FP + FN) equals the harmonic mean of P and R where both exist, and
        # is 0 rather than undefined when one side is empty but the other is not.
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(slots=True)
class Accuracy:
    """Share of ``correct`` out of ``total`` scored pairs."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += ok
        self.total += 1

    @property
    def value(self) -> float | None:
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": self.value, "correct": self.correct, "total": self.total}


@dataclass(slots=True)
class Report:
    """Every scoring metric (docs/evaluation.md), with the counts behind it."""

    articles: int = 0
    events_occurred: PRF = field(default_factory=PRF)
    events_planned: PRF = field(default_factory=PRF)
    article_detection: PRF = field(default_factory=PRF)
    names: PRF = field(default_factory=PRF)
    roles: Accuracy = field(default_factory=Accuracy)
    dates: Accuracy = field(default_factory=Accuracy)
    topics: PRF = field(default_factory=PRF)

    def _metrics(self) -> list[tuple[str, str, PRF | Accuracy]]:
        return [
            ("events_occurred", "events (occurred)", self.events_occurred),
            ("events_planned", "events (planned)", self.events_planned),
            ("article_detection", "articles with events", self.article_detection),
            ("names", "actor names", self.names),
            ("roles", "role accuracy", self.roles),
            ("dates", "date accuracy", self.dates),
            ("topics", "topics", self.topics),
        ]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles}
        out.update({key: metric.to_dict() for key, _, metric in self._metrics()})
        return out

    def format_table(self) -> str:
        """A plain aligned text table: metric, P, R, F1 or accuracy, counts."""
        def fmt(x: float | None) -> str:
            return "n/a" if x is None else f"{x:.3f}"

        rows = [("metric", "P", "R", "F1/acc", "counts")]
        for _, label, m in self._metrics():
            if isinstance(m, PRF):
                rows.append((label, fmt(m.precision), fmt(m.recall), fmt(m.f1),
                             f"tp={m.tp} fp={m.fp} fn={m.fn}"))
            else:
                rows.append((label, "", "", fmt(m.value), f"{m.correct}/{m.total}"))
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        lines = ["  ".join(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)) + "  " + r[4] for r in rows]
        lines.insert(1, "-" * len(lines[0]))
        lines.append(f"({self.articles} articles)")
        return "\n".join(line.rstrip() for line in lines)


def _predicted_for(predicted: dict[str, list[dict]], article: dict) -> list[dict]:
    return predicted.get(article["id"]) or []


def score(gold: list[dict], predicted: dict[str, list[dict]]) -> Report:
    """Score ``predicted`` (article id → events) against the ``gold`` articles.

    Articles missing from ``predicted`` predict nothing; predictions for ids that are not
    in ``gold`` are ignored.
    """
    report = Report()
    for article in gold:
        gold_events = article.get("events") or []
        pred_events = _predicted_for(predicted, article)
        report.articles += 1
        report.article_detection.add(
            tp=int(bool(gold_events) and bool(pred_events)),
            predicted=int(bool(pred_events)),
            gold=int(bool(gold_events)),
        )
        alignment = align(gold_events, pred_events)
        by_status = (("occurred", report.events_occurred), ("planned", report.events_planned))
        for status, prf in by_status:
            prf.add(
                tp=sum(1 for gi, _ in alignment.pairs if gold_events[gi].get("status") == status),
                predicted=sum(1 for e in pred_events if e.get("status") == status),
                gold=sum(1 for e in gold_events if e.get("status") == status),
            )
        for gi, pi in alignment.pairs:
            if gold_events[gi].get("status") == "occurred":
                _score_pair(report, gold_events[gi], pred_events[pi])
    return report


def _score_pair(report: Report, gold: dict, pred: dict) -> None:
    """Add one matched occurred pair to the attribute metrics."""
    gold_names, pred_names = person_names(gold), person_names(pred)
    report.names.add(match_names(gold_names, pred_names), len(pred_names), len(gold_names))
    if gold.get("type") in DIRECTED_TYPES:
        report.roles.add(source_countries(gold) == source_countries(pred))
    if gold.get("date") is not None:
        report.dates.add(pred.get("date") == gold["date"])
    gold_topics, pred_topics = _topics(gold), _topics(pred)
    report.topics.add(len(gold_topics & pred_topics), len(pred_topics), len(gold_topics))


# --- error listing ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ErrorItem:
    """One unpaired event: a gold event nobody predicted, or a prediction with no gold.

    ``index`` is the event's position in the article's gold list (``miss``) or predicted
    list (``false_alarm``), so a caller can find the event and its evidence again.
    """

    article_id: str
    kind: str  # "miss" | "false_alarm"
    index: int
    status: str | None
    type: str | None
    countries: tuple[str, ...]
    names: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "kind": self.kind, "index": self.index,
                "status": self.status, "type": self.type,
                "countries": list(self.countries), "names": list(self.names)}


def _error_items(
    article_id: str, kind: str, events: list[dict], indices: Iterable[int]
) -> list[ErrorItem]:
    return [
        ErrorItem(
            article_id=article_id,
            kind=kind,
            index=i,
            status=events[i].get("status"),
            type=events[i].get("type"),
            countries=tuple(sorted(countries(events[i]))),
            names=tuple(person_names(events[i])),
        )
        for i in indices
    ]


def errors(gold: list[dict], predicted: dict[str, list[dict]]) -> list[ErrorItem]:
    """Every miss and false alarm, article by article in gold order, misses first."""
    items: list[ErrorItem] = []
    for article in gold:
        gold_events = article.get("events") or []
        pred_events = _predicted_for(predicted, article)
        alignment = align(gold_events, pred_events)
        items += _error_items(article["id"], "miss", gold_events, alignment.missed)
        items += _error_items(article["id"], "false_alarm", pred_events, alignment.false_alarms)
    return items
