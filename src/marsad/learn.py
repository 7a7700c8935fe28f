"""Training and cross-validating the confidence model from gold files.

The rules propose events; every proposal that pairs with a gold event (same type, same
set of countries, as :mod:`marsad.evaluate` pairs them) is a positive example, every
other proposal a negative one. A logistic regression (scikit-learn, an optional
dependency needed only here) learns weights over :func:`marsad.confidence.event_features`;
the cut-off that maximises event F1 on out-of-fold scores becomes the model's
threshold. Everything is deterministic: the same gold files give the same model file.

Cross-validation splits *articles*, never events of one article, into folds — by a hash
of the article id, or by outlet (``source``) to see how the layer carries to an outlet
it never saw. In each fold the model is trained, and its threshold chosen, on the other
folds only.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.confidence import ConfidenceModel, event_features
from marsad.evaluate import Report, align, score
from marsad.model import Extraction
from marsad.pipeline import extract

REGULARISATION = 0.5  # inverse strength (scikit-learn's C): features are many and sparse
MIN_FEATURE_COUNT = 2  # a feature seen in fewer training events carries no weight


@dataclass(slots=True)
class Proposal:
    """One event the rules proposed for a gold article, with what the model needs."""

    article_id: str
    index: int
    status: str
    features: dict[str, float]
    label: bool  # pairs with a gold event
    event: dict[str, Any]


@dataclass(slots=True)
class Sample:
    """The gold articles with every rule proposal, extracted once and reused by all folds."""

    gold: list[dict]
    proposals: list[Proposal] = field(default_factory=list)

    def by_article(self) -> dict[str, list[Proposal]]:
        grouped: dict[str, list[Proposal]] = defaultdict(list)
        for p in self.proposals:
            grouped[p.article_id].append(p)
        return grouped


def extract_gold(article: dict) -> Extraction:
    return extract(article.get("text") or "", title=article.get("title") or "",
                   published=article.get("published"), source=article.get("source"),
                   url=article.get("url"), id=article["id"], model=None)


def propose(gold: list[dict]) -> Sample:
    """Run the rules (without the learned layer) over ``gold`` and label each proposal."""
    sample = Sample(gold=gold)
    for article in gold:
        extraction = extract_gold(article)
        events = [e.to_dict() for e in extraction.events]
        matched = {pi for _, pi in align(article.get("events") or [], events).pairs}
        for i, (event, as_dict) in enumerate(zip(extraction.events, events, strict=True)):
            sample.proposals.append(Proposal(article["id"], i, event.status,
                                             event_features(event, extraction), i in matched, as_dict))
    return sample


def fit(proposals: list[Proposal]) -> ConfidenceModel:
    """Logistic weights over the proposals' features (threshold left at 0.5)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = defaultdict(int)
    for p in proposals:
        for k in p.features:
            counts[k] += 1
    rows = [{k: v for k, v in p.features.items() if counts[k] >= MIN_FEATURE_COUNT} for p in proposals]
    labels = [int(p.label) for p in proposals]
    if len(set(labels)) < 2:
        raise ValueError("training needs both events that match gold and events that do not")
    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform(rows)
    classifier = LogisticRegression(C=REGULARISATION, max_iter=2000, solver="lbfgs")
    classifier.fit(matrix, labels)
    weights = {name: round(float(w), 5) for name, w in zip(vectoriser.get_feature_names_out(),
                                                           classifier.coef_[0], strict=True) if abs(w) >= 1e-5}
    return ConfidenceModel(weights=weights, intercept=round(float(classifier.intercept_[0]), 5), threshold=0.5)


MIN_DROPPED = 3  # a cut-off must drop at least this many more wrong than right proposals


def best_threshold(scored: Iterable[tuple[float, bool]], gold_total: int) -> float:
    """The cut-off maximising F1 when ``gold_total`` gold events exist (ties: the lower
    cut-off, which keeps more events: on news unlike the gold, dropping an event costs
    more than keeping a doubtful one). A cut-off is taken only where the proposals it
    drops hold at least MIN_DROPPED more wrong than right ones: a gain resting on one or two
    doubtful events is too little to learn a score from, and all are kept instead."""
    ranked = sorted(scored, key=lambda x: -x[0])
    best, best_key = 0.5, (-1.0, -1.0)
    tp = 0
    right = sum(label for _, label in ranked)
    for n, (probability, label) in enumerate(ranked, 1):
        tp += label
        dropped, dropped_right = len(ranked) - n, right - tp
        if dropped and dropped - 2 * dropped_right < MIN_DROPPED:
            continue
        f1 = 2 * tp / (n + gold_total) if n + gold_total else 0.0
        key = (round(f1, 6), n)
        if key > best_key:
            best_key = key
            following = ranked[n][0] if n < len(ranked) else 0.0
            best = round((probability + following) / 2, 4)
    return best


def _gold_count(gold: list[dict], status: str) -> int:
    return sum(1 for a in gold for e in a.get("events") or [] if e.get("status") == status)


def train(sample: Sample, *, inner_folds: int = 5) -> ConfidenceModel:
    """Fit on all of ``sample``; thresholds from out-of-fold scores of an inner split."""
    model = fit(sample.proposals)
    out_of_fold = _out_of_fold_scores(sample, inner_folds)
    for status in ("occurred", "planned"):
        scored = [(s, p.label) for p, s in out_of_fold if p.status == status]
        cut = best_threshold(scored, _gold_count(sample.gold, status)) if scored else 0.5
        if status == "occurred":
            model.threshold = cut
        else:
            model.planned_threshold = cut
    return model


def _out_of_fold_scores(sample: Sample, folds: int) -> list[tuple[Proposal, float]]:
    scored = []
    for held_out in fold_by_article([a["id"] for a in sample.gold], folds):
        training = [p for p in sample.proposals if p.article_id not in held_out]
        if len({p.label for p in training}) < 2:
            continue  # too few examples in this split to learn from (tiny gold files)
        model = fit(training)
        scored += [(p, model.probability(p.features)) for p in sample.proposals if p.article_id in held_out]
    return scored


def fold_by_article(article_ids: list[str], folds: int) -> list[set[str]]:
    """``folds`` disjoint sets of article ids, by a stable hash of each id."""
    groups: list[set[str]] = [set() for _ in range(folds)]
    for article_id in article_ids:
        digest = hashlib.sha256(article_id.encode("utf-8")).digest()
        groups[int.from_bytes(digest[:4], "big") % folds].add(article_id)
    return [g for g in groups if g]


def fold_by_outlet(gold: list[dict]) -> dict[str, set[str]]:
    """One fold per outlet (``source``; articles without one form the fold ``-``)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for article in gold:
        groups[article.get("source") or "-"].add(article["id"])
    return dict(sorted(groups.items()))


@dataclass(slots=True)
class CrossValidation:
    """Pooled scores over held-out folds, with and without the learned layer, and per fold."""

    rules: Report
    learned: Report
    folds: list[tuple[str, Report, Report]]  # (fold name, rules only, with the model)

    def to_dict(self) -> dict[str, Any]:
        return {"rules": self.rules.to_dict(), "learned": self.learned.to_dict(),
                "folds": [{"fold": name, "articles": r.articles, "rules": r.to_dict(), "learned": m.to_dict()}
                          for name, r, m in self.folds]}


def cross_validate(sample: Sample, folds: dict[str, set[str]]) -> CrossValidation:
    """Train on all folds but one, score that one; pool every held-out prediction."""
    by_article = sample.by_article()
    rules_pred = {a["id"]: [p.event for p in by_article.get(a["id"], [])] for a in sample.gold}
    learned_pred: dict[str, list[dict]] = {}
    per_fold = []
    for name, held_out in folds.items():
        training = Sample(gold=[a for a in sample.gold if a["id"] not in held_out],
                          proposals=[p for p in sample.proposals if p.article_id not in held_out])
        model = train(training)
        fold_pred = {}
        for article_id in held_out:
            kept = [p.event for p in by_article.get(article_id, [])
                    if model.probability(p.features) >= model.cut_off(p.status)]
            fold_pred[article_id] = kept
        learned_pred.update(fold_pred)
        fold_gold = [a for a in sample.gold if a["id"] in held_out]
        per_fold.append((name, score(fold_gold, rules_pred), score(fold_gold, fold_pred)))
    return CrossValidation(score(sample.gold, rules_pred), score(sample.gold, learned_pred), per_fold)


def describe(model: ConfidenceModel, sample: Sample, sources: list[str],
             validation: CrossValidation | None, digest: Callable[[str], str]) -> None:
    """Record in ``model.about`` what it was trained on and how it cross-validated."""
    model.about = {
        "trained_on": [{"file": s.rsplit("/", 1)[-1], "sha256": digest(s)} for s in sources],
        "articles": len(sample.gold),
        "proposals": len(sample.proposals),
        "positive_proposals": sum(p.label for p in sample.proposals),
        "regularisation": REGULARISATION,
    }
    if validation is not None:
        model.about["cross_validated"] = {
            "rules": _headline(validation.rules), "learned": _headline(validation.learned)}


def _headline(report: Report) -> dict[str, Any]:
    m = report.events_occurred
    return {"events_occurred": {"precision": m.precision, "recall": m.recall, "f1": m.f1}}

