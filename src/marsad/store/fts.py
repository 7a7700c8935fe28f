"""What the full-text index holds, and how a user's words are matched against it.

Both sides are folded (أ/ا/إ, ة/ه, ى/ي and diacritics unified) and light-stemmed (the
proclitics و، ال، لل، ب … removed), so a query finds every spelling of a word.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.text.normalize import fold

ARTICLE_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "ولل", "لل", "ال")
LETTER_PREFIXES = ("ب", "ل", "ك", "ف")


@lru_cache(maxsize=1 << 18)  # news vocabulary repeats: most words are stemmed once
def light_stem(word: str) -> str:
    """A folded word without its proclitics (و, then ال/بال/لل…, or ب/ل/ك/ف), so that
    ``الطاقه`` and ``للطاقه`` index alike; applied the same way to text and queries.

    >>> [light_stem(w) for w in ("للطاقه", "والطاقه", "طاقه", "وبحثا", "وزير")]
    ['طاقه', 'طاقه', 'طاقه', 'بحثا', 'وزير']
    """
    for p in ARTICLE_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p):]
    if word.startswith("و") and len(word) > 4:
        word = word[1:]
    if word.startswith(LETTER_PREFIXES) and len(word) > 4:
        word = word[1:]
    return word


def search_body(text: str) -> str:
    """What the full-text index holds for an article: its folded words, light-stemmed."""
    return " ".join(light_stem(w) for w in re.findall(r"\w+", fold(text)))


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: each word folded, light-stemmed and matched as a
    prefix (so suffixes such as ات/ها/ين still match); every word must occur. Words are
    quoted, so punctuation and FTS operators in the input are taken literally."""
    return " ".join('"' + light_stem(w) + '"*' for w in re.findall(r"\w+", fold(text)))
