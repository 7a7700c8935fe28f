"""Where an engagement took place: ``في قصر السلام``, ``بمقر وزارة الدفاع``, ``في جدة``.

News gives the venue after في or the attached preposition بـ, headed by a venue noun
(palace, headquarters, office …) or naming a city; the place runs until a function
word, a time word or punctuation.
"""
from __future__ import annotations

from marsad.recognize.actors import STOP_WORDS
from marsad.recognize.tagging import TaggedText
from marsad.text.normalize import fold

VENUE_NOUNS = tuple(
    fold(w)
    for w in (
        "قصر", "مقر", "مكتب", "ديوان", "مطار", "فندق", "قاعة", "مبنى", "مدينة", "منزل", "دار",
        "مجلس", "مركز", "نادي", "جامعة", "وزارة", "سفارة", "قنصلية", "الامانة", "منتجع",
    )
)
MAX_PLACE_TOKENS = 6
# Time words end a place: "في برلين الشهر المقبل".
TIME_WORDS = frozenset(fold(w) for w in (
    "الشهر", "الأسبوع", "العام", "السنة", "صباح", "مساء", "ظهر", "الأسابيع", "الأشهر", "الأيام", "غدا",
    "المقبل", "المقبلة", "القادم", "القادمة", "الماضي", "الماضية", "الجاري", "الحالي"))


def _venue_start(tt: TaggedText, i: int) -> bool:
    word = tt.word(i)
    core = word[1:] if word.startswith("ب") else word
    core = core[2:] if core.startswith("ال") else core
    return any(core.startswith(v) for v in VENUE_NOUNS) or tt.at("capital", i) is not None or (
        tt.at("place", i) is not None
    )


def find_location(tt: TaggedText, start: int, hi: int, skip: set[int]) -> tuple[int, int] | None:
    """Token range of the first venue after token ``start`` in the sentence ending at ``hi``."""
    i = start
    while i < hi:
        word = tt.word(i)
        if i in skip:
            i += 1
            continue
        first = None
        if word == "في" and i + 1 < hi and _venue_start(tt, i + 1):
            first = i + 1
        elif word.startswith("ب") and len(word) > 3 and _venue_start(tt, i):
            first = i
        if first is not None:
            return first, _place_end(tt, first, hi)
        i += 1
    return None


def _place_end(tt: TaggedText, first: int, hi: int) -> int:
    j = first + 1
    while j < hi and j - first < MAX_PLACE_TOKENS:
        word = tt.word(j)
        if not word[0].isalpha() or word in STOP_WORDS or word in TIME_WORDS or tt.at("trigger", j) or tt.at("hon", j):
            break
        if tt.at("title", j) is not None and tt.at("title", j).value[0] in ("office", "envoy"):
            break
        j += 1
    return j
