"""Arabic clitics around a matched word, on folded text.

Arabic writes conjunctions, prepositions and the article joined to the next word and
possessive pronouns joined to the previous one: ``وبلجيكا`` (and Belgium), ``لنظيره``
(to his counterpart), ``البلجيكية`` (the Belgian, fem.). A lexicon entry matches inside
such a word when what precedes it in the word is an allowed proclitic chain and what
follows is an allowed suffix for that kind of entry.
"""
from __future__ import annotations

# Conjunction (و ف), then preposition (ب ل ك), then the article (ال). ل + ال is
# written لل: للأمم = ل + الأمم.
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
PROCLITICS: frozenset[str] = frozenset(c + p for c in _CONJ for p in _PREP)
ARTICLE_PROCLITICS: frozenset[str] = frozenset(
    [c + p + "ال" for c in _CONJ for p in ("", "ب", "ك")] + [c + "لل" for c in _CONJ]
)

# Suffixes by the kind of word they attach to (folded: ة is ه).
NOUN_SUFFIXES: frozenset[str] = frozenset(
    ["", "ه", "ها", "هم", "هما", "ي", "ين", "ان", "ات", "ا", "يه", "تي", "تين", "تان", "ته", "تها"]
)
NISBA_SUFFIXES: frozenset[str] = frozenset(["", "ه", "ا", "ين", "ون", "ان", "تين", "تان", "يين"])
# Past-tense person endings and object pronouns. The dual/plural ان/ون are left out on
# purpose: سلم + ان is the name سلمان; dual verbs (يبحثان) are listed whole.
VERB_SUFFIXES: frozenset[str] = frozenset(["", "ت", "ه", "ها", "هم", "هما", "وا", "ا", "تا", "نا"])
EXACT: frozenset[str] = frozenset([""])
# Possessive pronouns written on a noun: زيارته "his visit", زيارتها "her visit".
PRONOUN_ENDINGS = ("ه", "ها", "هما", "هم")


def proclitic_cores(word: str) -> list[str]:
    """The word without each proclitic chain it may start with, itself first: «وبالديوان» →
    [«وبالديوان», «بالديوان», «الديوان»] (folded text; the article stays).

    >>> proclitic_cores("لسموه")
    ['لسموه', 'سموه']
    """
    return [word[len(p):] for p in sorted(PROCLITICS, key=len) if word.startswith(p) and len(word) > len(p)]


def strip_article(written: str, folded: str) -> tuple[str, bool]:
    """Split a folded lexicon phrase into its body and whether it carried the article.

    The decision is taken on the phrase as written: ``ألمانيا`` folds to ``المانيا`` but
    its ``أل`` is part of the name, not the article ``ال``.

    >>> strip_article("المملكة العربية السعودية", "المملكه العربيه السعوديه")
    ('مملكه العربيه السعوديه', True)
    >>> strip_article("ألمانيا", "المانيا")
    ('المانيا', False)
    """
    if written.lstrip().startswith("ال") and len(folded) > 3:
        return folded[2:], True
    return folded, False
