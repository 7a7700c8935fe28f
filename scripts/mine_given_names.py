"""Mine candidate Arabic given names from a news corpus, with counts.

A given name in Arabic news shows itself by where it stands:

- right after an honorific, a rank or a role word: ``الأمير سلطان``, ``الدكتور عبدالله``,
  ``السيدة فاطمة``, ``اللواء منصور``, ``معالي الشيخ``, ``المواطن فهد``;
- on either side of the patronymic particle: ``محمد بن نايف بن عبدالعزيز``,
  ``نورة بنت عبدالرحمن`` (the father's name after بن is a given name too).

For every folded word (see :func:`marsad.text.normalize.fold`) the script counts how often
it occurs at all and how often it stands in one of those places, and prints the words
seen in a name place at least ``--min-hits`` times (3) and at least ``--min-share`` of the
time (0.02, which drops function words), most hits first:

    name  total  after_honorific  before_bin  after_bin  share

``share`` (name-place hits / total) tells names (high) from ordinary words that happen
to follow an honorific now and then (``الرئيس أمس``: low). Compound names written as two
words are joined as the loader joins them: ``عبد الله`` → ``عبدالله``, ``أبو بكر`` →
``ابوبكر``, ``نور الدين`` → ``نورالدين``.

The output is a list of *candidates* to review, not the lexicon itself: words after
``بن`` include family names (``بن لادن``), and words after a rank include nisbas and
surnames. ``src/marsad/lexicon/data/given_names.txt`` is the curated result.

    python scripts/mine_given_names.py ../shared/corpus/saudinewsnet.jsonl.gz
    python scripts/mine_given_names.py CORPUS --min-hits 5 --min-share 0.2

``--check FILE`` audits a name list instead (``given_names.txt``, or names a user wants
to add): each entry is printed with its total count, its name-place share and
``next_common``, the share of its occurrences followed by a frequent non-name word from
``common_words.txt`` (a given name is mostly followed by another name; an ordinary word
by ``في``, ``من``, ``اليوم`` …). Entries that are frequent, seldom in a name place and
mostly followed by common words are marked ``AMBIGUOUS``: in news they are mostly
ordinary words (``سلمى`` folds to ``سلمي`` "peaceful"), and listing them starts false
names. Review, do not delete blindly: a name of a foreign leader seldom follows an
honorific, and a few frequent words are kept on purpose (``صباح``).

    python scripts/mine_given_names.py CORPUS --check src/marsad/lexicon/data/given_names.txt
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import signal
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from marsad.text.normalize import fold  # noqa: E402

# Honorifics, ranks and role words that are usually followed by a given name.
HONORIFICS = frozenset(
    fold(w)
    for w in """
    الأمير الأميرة الشيخ الشيخة الملك الملكة السلطان سمو معالي سعادة فخامة
    السيد السيدة الآنسة الدكتور الدكتورة البروفيسور الأستاذ الأستاذة المهندس المهندسة
    المستشار المستشارة القاضي المحامي المحامية الإمام المفتي الداعية الحاج الحاجة
    المشير الفريق اللواء العميد العقيد المقدم الرائد النقيب الملازم الرقيب العريف الجندي
    المواطن المواطنة الطفل الطفلة الشاب الشابة الفتاة الشهيد المدعو المدعوة الزميل الزميلة
    الفنان الفنانة الممثل الممثلة المطرب المطربة المخرج الشاعر الشاعرة الكاتب الكاتبة
    الإعلامي الإعلامية اللاعب اللاعبة المدرب الكابتن
    """.split()
)
BIN = frozenset(fold(w) for w in "بن بنت ابن ابنة".split())
# First parts that always join the next word, and second parts that join the word before.
JOIN_FIRST = frozenset(fold(w) for w in "عبد أبو ابو".split())
JOIN_SECOND = frozenset(fold(w) for w in "الدين الله".split())
WORD = re.compile(r"[\u0621-\u064a]+")
COMMON_WORDS = ROOT / "src" / "marsad" / "lexicon" / "data" / "common_words.txt"
# --check flags an entry seen at least this often, in a name place less than this
# share of the time, and followed by a common word at least this share of the time.
AMBIGUOUS_TOTAL = 100
AMBIGUOUS_SHARE = 0.05
AMBIGUOUS_NEXT_COMMON = 0.3


@dataclass
class Counts:
    total: Counter = field(default_factory=Counter)  # every occurrence
    after_hon: Counter = field(default_factory=Counter)  # الأمير _
    before_bin: Counter = field(default_factory=Counter)  # _ بن
    after_bin: Counter = field(default_factory=Counter)  # بن _
    before_common: Counter = field(default_factory=Counter)  # _ في / من / اليوم …

    def hits(self, word: str) -> int:
        return self.after_hon[word] + self.before_bin[word] + self.after_bin[word]

    def share(self, word: str) -> float:
        return min(1.0, self.hits(word) / self.total[word]) if self.total[word] else 0.0


def words_of(text: str) -> list[str]:
    """Folded Arabic words of ``text`` with two-word compound names joined."""
    raw = WORD.findall(fold(text))
    out: list[str] = []
    k = 0
    while k < len(raw):
        w = raw[k]
        nxt = raw[k + 1] if k + 1 < len(raw) else ""
        if nxt and (w in JOIN_FIRST or nxt in JOIN_SECOND) and not nxt.startswith(("بن", "و")):
            out.append(w + nxt)
            k += 2
        else:
            out.append(w)
            k += 1
    return out


def read_list(path: str | Path) -> list[str]:
    """Entries of a one-per-line list (first tab cell), skipping blanks and # comments."""
    entries = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            entry = line.split("\t")[0].strip()
            if entry and not entry.startswith("#"):
                entries.append(entry)
    return entries


def mine(path: str, common: frozenset[str] = frozenset()) -> Counts:
    """Count every word of the corpus and its occurrences in name places."""
    c = Counts()
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            article = json.loads(line)
            words = words_of((article.get("title") or "") + "\n" + (article.get("text") or ""))
            c.total.update(words)
            for prev, word in zip(words, words[1:]):
                if prev in HONORIFICS:
                    c.after_hon[word] += 1
                if word in BIN:
                    c.before_bin[prev] += 1
                if prev in BIN:
                    c.after_bin[word] += 1
                if word in common:
                    c.before_common[prev] += 1
    return c


def candidates(c: Counts, min_hits: int, min_share: float) -> None:
    """Print words seen in a name place, most hits first."""
    rows = []
    for word in set(c.after_hon) | set(c.before_bin) | set(c.after_bin):
        n, share = c.hits(word), c.share(word)
        if n < min_hits or share < min_share or len(word) < 2 or word in BIN:
            continue
        # Words with the article are nisbas, titles or surnames (الجابر), with a few
        # given names that happen to start with ال after folding (إلياس, إليسا).
        if word.startswith("ال") and not word.startswith(("الله", "اليا", "اليس")):
            continue
        rows.append((n, word))
    rows.sort(key=lambda r: (-r[0], r[1]))
    print("# name\ttotal\tafter_honorific\tbefore_bin\tafter_bin\tshare")
    for n, word in rows:
        print(
            f"{word}\t{c.total[word]}\t{c.after_hon[word]}\t{c.before_bin[word]}"
            f"\t{c.after_bin[word]}\t{c.share(word):.2f}"
        )


def check(path: str, c: Counts) -> None:
    """Print every entry of the name list at ``path`` with its counts, flagging words."""
    names: dict[str, str] = {}
    for entry in read_list(path):
        names.setdefault(fold(entry).replace(" ", ""), entry)
    rows = []
    for key, entry in names.items():
        total = c.total[key]
        next_common = c.before_common[key] / total if total else 0.0
        ambiguous = (
            total >= AMBIGUOUS_TOTAL
            and c.share(key) < AMBIGUOUS_SHARE
            and next_common >= AMBIGUOUS_NEXT_COMMON
        )
        rows.append((total, entry, c.hits(key), c.share(key), next_common, ambiguous))
    rows.sort(key=lambda r: (-r[0], r[1]))
    print("# name\ttotal\tname_hits\tshare\tnext_common\tflag")
    for total, entry, n, share, next_common, ambiguous in rows:
        flag = "\tAMBIGUOUS" if ambiguous else ""
        print(f"{entry}\t{total}\t{n}\t{share:.2f}\t{next_common:.2f}{flag}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="JSON-lines corpus (.jsonl or .jsonl.gz) with title/text fields")
    ap.add_argument("--min-hits", type=int, default=3, help="least name-place hits to print (3)")
    ap.add_argument(
        "--min-share", type=float, default=0.02,
        help="least name-place share to print (0.02: drops في, من, على …)",
    )
    ap.add_argument("--check", metavar="FILE", help="audit the names in FILE instead of mining")
    ap.add_argument(
        "--common-words", default=str(COMMON_WORDS), help="frequent non-name words, for --check"
    )
    args = ap.parse_args(argv)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head

    if args.check:
        common = frozenset(fold(w) for w in read_list(args.common_words))
        check(args.check, mine(args.corpus, common))
    else:
        candidates(mine(args.corpus), args.min_hits, args.min_share)


if __name__ == "__main__":
    main()
