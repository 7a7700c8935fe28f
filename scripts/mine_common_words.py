"""Mine ``common_words.txt``: frequent news words that are not personal names.

A name chain in news runs on until a word that cannot be part of a name; that is
hard to tell for surnames (الجبير) versus ordinary nouns (العلاقات). This script
counts, over a news corpus, how often each folded word occurs and how often it sits
in a name position: next to بن/بنت/آل, right after an honorific such as الدكتور, or
right after a word that itself mostly follows honorifics (a given name, so the word
after it is a surname: عادل الجبير). Frequent words that are almost never in a name
position are written out.

    python scripts/mine_common_words.py ../shared/corpus/saudinewsnet.jsonl.gz \
        > src/marsad/lexicon/data/common_words.txt
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter

sys.path.insert(0, "src")
from marsad.text.normalize import fold  # noqa: E402

HONORIFICS = {fold(w) for w in "الدكتور الشيخ الأمير المهندس الأستاذ السيد الملك الرئيس اللواء معالي السفير".split()}
PARTICLES = {fold(w) for w in "بن بنت آل ابن عبد ابو".split()}
WORD = re.compile(r"[\u0621-\u064a]+")
MIN_COUNT = 12
MAX_NAME_SHARE = 0.03
LIMIT = 40000
GIVEN = "src/marsad/lexicon/data/given_names.txt"


def main(path: str) -> None:
    total: Counter[str] = Counter()
    after_honorific: Counter[str] = Counter()
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            words = WORD.findall(fold(json.loads(line).get("text") or ""))
            texts.append(words)
            total.update(words)
            after_honorific.update(w for p, w in zip(words, words[1:]) if p in HONORIFICS)
    given = {w for w, c in after_honorific.items() if c >= 5 and c / total[w] >= 0.2}
    # The curated given names too: the word after one is a surname (سيرغي لافروف).
    given |= {fold(line.strip()) for line in open(GIVEN, encoding="utf-8")
              if line.strip() and not line.startswith("#")}
    named: Counter[str] = Counter()
    for words in texts:
        for k, w in enumerate(words):
            prev = words[k - 1] if k else ""
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if prev in PARTICLES or nxt in PARTICLES or prev in HONORIFICS or prev in given:
                named[w] += 1
    print("# Frequent news words that are (almost) never part of a personal name.")
    print(f"# Mined by scripts/mine_common_words.py: count >= {MIN_COUNT}, name-position share < {MAX_NAME_SHARE}.")
    kept = [
        w for w, c in total.most_common()
        if c >= MIN_COUNT and named[w] / c < MAX_NAME_SHARE and len(w) > 1 and w not in PARTICLES
    ][:LIMIT]
    for w in kept:
        print(w)


if __name__ == "__main__":
    main(sys.argv[1])
