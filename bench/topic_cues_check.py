"""How well the topic cues of ``topics.tsv`` agree with the gold topics (a tuning aid, not a test).

Two views, both printed as plain tables:

- ``article``: for every gold article that has events, the cues found anywhere in its title and
  text against the union of its gold events' topics. Per topic: precision and recall of "a cue of
  the topic fires in the article" vs "the topic is in the article's gold events"; per cue: in how
  many articles it fires and in how many of those the gold lacks its topic (over-firing). This
  scope is wider than the engine's, so precision here is a lower bound.
- ``window``: the same per article, but cues are looked for only where the engine looks: a
  sentence holding an event trigger (``triggers.tsv``) and up to four sentences after it, stopped
  by the next trigger sentence. Closer to what the engine sees, still not per event.
- ``events`` (with ``--events``): runs the real pipeline, pairs its events with gold events as
  ``marsad evaluate`` does, and reports per-topic precision/recall over the matched pairs, and
  per cue how often it added a topic that the paired gold event lacks.

    python bench/topic_cues_check.py [--gold ../shared/eval/gold_dev.jsonl] [--events] [--min 2]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.text.clitics import NOUN_SUFFIXES, VERB_SUFFIXES  # noqa: E402
from marsad.text.matcher import PhraseMatcher, select_longest  # noqa: E402
from marsad.text.normalize import fold  # noqa: E402
from marsad.text.segment import sentences  # noqa: E402

DATA = ROOT / "src" / "marsad" / "lexicon" / "data"
TOPICS_TSV = DATA / "topics.tsv"
TRIGGERS_TSV = DATA / "triggers.tsv"
WINDOW = 4  # sentences after a trigger sentence, as the pipeline's TOPIC_SCOPE
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "gold_dev.jsonl"


def read_cues(path: Path) -> list[tuple[str, str]]:
    """(topic, cue as written) rows of a topics file, comments and blank lines skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        topic, cue = (c.strip() for c in line.split("\t")[:2])
        rows.append((topic, cue))
    return rows


class CueFinder:
    """The engine's matching semantics (prefix cues, ``=`` whole-word cues, longest wins),
    each hit remembering which cue row produced it."""

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        prefix = [(cue, (topic, cue)) for topic, cue in rows if not cue.endswith("=")]
        exact = [(cue.rstrip("="), (topic, cue)) for topic, cue in rows if cue.endswith("=")]
        self._prefix = PhraseMatcher(prefix, suffixes=None)
        self._exact = PhraseMatcher(exact, suffixes=NOUN_SUFFIXES)

    def find(self, folded: str) -> list[tuple[int, int, str, str]]:
        hits = self._prefix.find(folded, longest=False) + self._exact.find(folded, longest=False)
        return [(h.start, h.end, *h.value) for h in select_longest(hits)]


class Window:
    """Approximate event scope: trigger sentences and the sentences that follow them."""

    def __init__(self, path: Path) -> None:
        phrases = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                cells = line.split("\t")
                if len(cells) > 3 and cells[3].strip():
                    phrases.append((cells[3].strip(), cells[0]))
        self._triggers = PhraseMatcher(phrases, suffixes=VERB_SUFFIXES, keep_article=True)

    def spans(self, folded: str) -> list[tuple[int, int]]:
        sents = sentences(folded)
        hits = [h.start for h in self._triggers.find(folded)]
        marked = [i for i, (s, e) in enumerate(sents) if any(s <= h < e for h in hits)]
        out = []
        for k, i in enumerate(marked):
            stop = min([i + WINDOW + 1] + [j for j in marked[k + 1:]])
            out += sents[i:stop]
        return out


def pct(num: int, den: int) -> str:
    return f"{100 * num / den:5.1f}" if den else "   - "


def load_gold(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def article_view(gold: list[dict], finder: CueFinder, min_fires: int, window: Window | None = None) -> None:
    tp, fp, fn = Counter(), Counter(), Counter()
    missed: dict[str, list[str]] = defaultdict(list)
    fires, misfires = Counter(), Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    with_events = [a for a in gold if a.get("events")]
    for art in with_events:
        text = fold((art.get("title") or "") + "\n" + (art.get("text") or ""))
        hits = finder.find(text)
        if window is not None:
            scope = window.spans(text)
            hits = [h for h in hits if any(s <= h[0] < e for s, e in scope)]
        found = {topic for _, _, topic, _ in hits}
        gold_topics = {t for ev in art["events"] for t in ev.get("topics") or ()}
        for t in found | gold_topics:
            if t in found and t in gold_topics:
                tp[t] += 1
            elif t in found:
                fp[t] += 1
            else:
                fn[t] += 1
                missed[t].append(art["id"])
        for key in {(topic, cue) for _, _, topic, cue in hits}:
            fires[key] += 1
            if key[0] not in gold_topics:
                misfires[key] += 1
                if len(examples[key]) < 3:
                    s, e = next((s, e) for s, e, t, c in hits if (t, c) == key)
                    examples[key].append(f"{art['id']}: …{text[max(0, s - 30):e + 30]}…".replace("\n", " "))
    scope_name = "Trigger-window" if window is not None else "Article"
    print(f"\n## {scope_name} scope: {len(with_events)} gold articles with events\n")
    print(f"{'topic':34} {'tp':>4} {'fp':>4} {'fn':>4} {'P%':>6} {'R%':>6}")
    for t in sorted(set(tp) | set(fp) | set(fn)):
        print(f"{t:34} {tp[t]:4} {fp[t]:4} {fn[t]:4} {pct(tp[t], tp[t] + fp[t]):>6} {pct(tp[t], tp[t] + fn[t]):>6}"
              + (f"  missed in: {' '.join(missed[t])}" if missed[t] else ""))
    print(f"\n## Cues firing in articles whose gold lacks the topic (fires >= {min_fires})\n")
    print(f"{'topic':34} {'cue':28} {'fires':>5} {'wrong':>5}")
    for key, wrong in sorted(misfires.items(), key=lambda kv: (-kv[1], kv[0])):
        if fires[key] < min_fires and wrong < min_fires:
            continue
        print(f"{key[0]:34} {key[1]:28} {fires[key]:5} {wrong:5}")
        for ex in examples[key]:
            print(f"{'':36}{ex}")


def events_view(gold: list[dict], finder: CueFinder) -> None:
    from marsad.evaluate import align
    from marsad.pipeline import extract

    tp, fp, fn = Counter(), Counter(), Counter()
    bad_cues: Counter = Counter()
    good_cues: Counter = Counter()
    missed_examples: dict[str, list[str]] = defaultdict(list)
    pairs_n = 0
    for art in gold:
        if not art.get("events"):
            continue
        result = extract(art.get("text") or "", title=art.get("title") or "", published=art.get("published"),
                         source=art.get("source"), id=art["id"])
        pred_objs = result.events
        pred = [e.to_dict() for e in pred_objs]
        for gi, pi in align(art["events"], pred).pairs:
            pairs_n += 1
            g = set(art["events"][gi].get("topics") or ())
            p = set(pred[pi]["topics"])
            for t in g | p:
                if t in g and t in p:
                    tp[t] += 1
                elif t in p:
                    fp[t] += 1
                else:
                    fn[t] += 1
                    if len(missed_examples[t]) < 4:
                        missed_examples[t].append(art["id"])
            for topic, spans in pred_objs[pi].topic_spans.items():
                for span in spans:
                    cue = next((c for _, _, t, c in finder.find(fold(span.text)) if t == topic), span.text)
                    (good_cues if topic in g else bad_cues)[(topic, cue)] += 1
    print(f"\n## Event scope: {pairs_n} matched pairs (pipeline vs gold)\n")
    print(f"{'topic':34} {'tp':>4} {'fp':>4} {'fn':>4} {'P%':>6} {'R%':>6}")
    for t in sorted(set(tp) | set(fp) | set(fn)):
        print(f"{t:34} {tp[t]:4} {fp[t]:4} {fn[t]:4} {pct(tp[t], tp[t] + fp[t]):>6} {pct(tp[t], tp[t] + fn[t]):>6}"
              f"  missed in: {' '.join(missed_examples[t])}")
    total = (sum(tp.values()), sum(fp.values()), sum(fn.values()))
    p, r = total[0] / max(1, total[0] + total[1]), total[0] / max(1, total[0] + total[2])
    print(f"{'micro':34} {total[0]:4} {total[1]:4} {total[2]:4} {100 * p:6.1f} {100 * r:6.1f}"
          f"  F1 {200 * p * r / max(1e-9, p + r):.1f}")
    print("\n## Cue hits giving a topic the paired gold event lacks\n")
    for (topic, cue), n in bad_cues.most_common():
        print(f"{topic:34} {cue:28} {n:3} wrong, {good_cues[(topic, cue)]:3} right")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--topics", type=Path, default=TOPICS_TSV)
    ap.add_argument("--min", type=int, default=2, help="list cues firing or misfiring at least this often")
    ap.add_argument("--events", action="store_true", help="also score the pipeline's events (slower)")
    args = ap.parse_args()
    finder = CueFinder(read_cues(args.topics))
    gold = load_gold(args.gold)
    article_view(gold, finder, args.min)
    article_view(gold, finder, args.min, Window(TRIGGERS_TSV))
    if args.events:
        try:
            events_view(gold, finder)
        except Exception as exc:  # the pipeline is optional here: report and keep the other views
            print(f"\n## Event scope unavailable: {type(exc).__name__}: {exc}")


if __name__ == "__main__":
    main()
