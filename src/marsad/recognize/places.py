"""Where an engagement took place: ``في قصر السلام``, ``بمقر وزارة الدفاع``, ``في جدة``.

News gives the venue after في or the attached preposition بـ, headed by a venue noun
(palace, headquarters, office …) or naming a city; the place runs until a function
word, a time word (``cues.tsv``: venue, place_end) or punctuation.
"""
from __future__ import annotations

from marsad.recognize.document import Document

MAX_PLACE_TOKENS = 6


def _venue_start(doc: Document, i: int) -> bool:
    word = doc.word(i)
    venues = doc.lexicon.cues.venue
    core = word.removeprefix("ب").removeprefix("ال")
    return core.startswith(venues) or doc.at("capital", i) is not None or (
        doc.at("place", i) is not None
    )


def find_location(doc: Document, start: int, hi: int, skip: set[int]) -> tuple[int, int] | None:
    """Token range of the first venue after token ``start`` in the sentence ending at ``hi``."""
    i = start
    while i < hi:
        word = doc.word(i)
        if i in skip:
            i += 1
            continue
        first = None
        if word == "في" and i + 1 < hi and _venue_start(doc, i + 1):
            first = i + 1
        elif word.startswith("ب") and len(word) > 3 and _venue_start(doc, i):
            first = i
        if first is not None:
            return first, _place_end(doc, first, hi)
        i += 1
    return None


def _place_end(doc: Document, first: int, hi: int) -> int:
    cues = doc.lexicon.cues
    j = first + 1
    while j < hi and j - first < MAX_PLACE_TOKENS:
        word = doc.word(j)
        if not word[0].isalpha() or word in cues.stop_word or word in cues.place_end or doc.at("trigger", j) or doc.at("hon", j):
            break
        title = doc.at("title", j)
        if title is not None and title.value[0] in ("office", "envoy"):
            break
        j += 1
    return j
