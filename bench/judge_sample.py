"""Draw a reading sample from a corpus to judge extraction by hand.

Two strata, both from articles outside the gold files:
- articles where marsad finds at least one event (precision: is each event real?);
- articles with strong engagement cues where marsad finds none (recall: what is missed?).

Writes one JSON object per article (id, source, published, title, text, the events marsad
extracted in the GUIDE fields, and the stratum) for a reader who did not write the rules.
The packet holds corpus text, so it goes to a scratch folder, not into the repository; the
judgements (article ids, verdicts, notes) are what is kept.

    python bench/judge_sample.py CORPUS.jsonl.gz --exclude GOLD.jsonl ... -o /tmp/packet.jsonl
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re

import marsad

STRONG_CUES = re.compile(
    r"استقبل|التقى|اجتمع|اتصالا هاتفيا|اتصالاً هاتفياً|برقية|رسالة خطية|زيارة رسمية|وصل إلى|مباحثات|وقع"
)
GUIDE_FIELDS = ("type", "subtype", "status", "actors", "date", "location", "topics", "confidence")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--exclude", nargs="*", default=[], help="gold files whose articles are left out")
    parser.add_argument("--with-events", type=int, default=50)
    parser.add_argument("--cues-only", type=int, default=30)
    parser.add_argument("--seed", type=int, default=20261206)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()

    excluded = set()
    for path in args.exclude:
        with open(path, encoding="utf-8") as fh:
            excluded |= {json.loads(line)["id"] for line in fh if line.strip()}
    opener = gzip.open if args.corpus.endswith(".gz") else open
    with opener(args.corpus, "rt", encoding="utf-8") as fh:
        articles = [a for a in map(json.loads, fh) if a.get("text") and a["id"] not in excluded]
    random.Random(args.seed).shuffle(articles)

    with_events: list[dict] = []
    cues_only: list[dict] = []
    for a in articles:
        if len(with_events) >= args.with_events and len(cues_only) >= args.cues_only:
            break
        ex = marsad.extract(a["text"], title=a.get("title") or "", published=a.get("published"),
                            source=a.get("source"), url=a.get("url"), id=a["id"])
        events = [{k: e.to_dict().get(k) for k in GUIDE_FIELDS} for e in ex.events]
        entry = {k: a.get(k) for k in ("id", "source", "published", "title", "text")} | {"events": events}
        if events and len(with_events) < args.with_events:
            with_events.append(entry | {"stratum": "with_events"})
        elif not events and len(cues_only) < args.cues_only and STRONG_CUES.search(a["text"]):
            cues_only.append(entry | {"stratum": "cues_only"})
    with open(args.output, "w", encoding="utf-8") as out:
        for entry in with_events + cues_only:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print(f"{len(with_events)} articles with events "
          f"({sum(len(e['events']) for e in with_events)} events), {len(cues_only)} with cues only")


if __name__ == "__main__":
    main()
