"""Where an engagement took place: ``في قصر السلام``, ``بمقر وزارة الدفاع``, ``في جدة``.

News gives the venue after في or the attached preposition بـ, headed by a venue noun
(palace, headquarters, office …) or naming a city; the place runs until a function
word, a time word (``cues.tsv``: venue, place_end) or punctuation.
"""
from __future__ import annotations

from bisect import insort
from functools import cache

from marsad.lexicon.gazetteer import load_gazetteer
from marsad.recognize.document import Document
from marsad.recognize.tagging import Tag
from marsad.text.normalize import fold

MAX_PLACE_TOKENS = 6
AMBIGUOUS_CITY_POPULATION = 500_000


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
        if (
            not word[0].isalpha()
            or word in cues.stop_word
            or word in cues.place_end
            or doc.at("trigger", j)
            or doc.at("hon", j)
        ):
            break
        title = doc.at("title", j)
        if title is not None and title.value[0] in ("office", "envoy"):
            break
        j += 1
    return j


SHADDA = "\u0651"


def settle_ambiguous_places(doc: Document) -> None:
    """Read a state's name that is also another state's city as the city when the story
    is about that other state.

    «عمان» is Oman and Amman, the capital of Jordan: «ولي ولي العهد يصل عمان في زيارة
    رسمية للأردن» "arrives in Amman on an official visit to Jordan" names Jordan and not
    Oman elsewhere, so there it is Amman, a place in Jordan (not a party). A name after
    «سلطنة» "Sultanate" stays the state. The readings come from the gazetteer; only large
    cities count, so a village that shares a state's name changes nothing.
    """
    _drop_idioms(doc)
    _region_of_the_nisba(doc)
    places = doc.tags["place"]
    if not places:
        return
    names = {i: doc.text[t.match.core_start:t.match.core_end] for i, t in places.items()}
    for i, tag in list(places.items()):
        cities = _cities_named(names[i], tag.value)
        if not cities:
            continue  # the common case: no large city of another state has this name
        elsewhere = {t.value for j, t in places.items() if names.get(j) != names[i]}
        elsewhere |= {t.value for t in doc.tags["nisba"].values()}
        host = sorted(cities & (elsewhere | {doc.home}))
        if SHADDA in doc.span(tag.match.core_start, tag.match.core_end).text and len(cities) == 1:
            host = sorted(cities)  # «عمّان» with its doubled mim is Amman, never عُمان Oman
        elif not host or tag.value in elsewhere or doc.word(i - 1) in doc.lexicon.cues.polity:
            continue
        city = Tag("capital", host[0], tag.first, tag.last, tag.prefix, tag.match)
        del places[i]
        doc.tags["capital"][i] = city
        for k in range(tag.first, tag.last):
            doc.cover["place"][k] = None
            doc.cover["capital"][k] = city
        doc.tag_starts["place"].remove(i)
        insort(doc.tag_starts["capital"], i)


@cache
def _cities_named(name: str, state: str) -> frozenset[str]:
    """The states with a large city called ``name``, other than ``state`` itself."""
    return frozenset(p.country for p in load_gazetteer().lookup(name)
                     if p.kind in ("capital", "city") and p.country != state
                     and p.population >= AMBIGUOUS_CITY_POPULATION)


def _region_of_the_nisba(doc: Document) -> None:
    """«إقليم كردستان الإيراني» "Iranian Kurdistan": a region named by a people that lives
    in several states belongs to the state of the nisba right after it (a state's own
    name keeps its state)."""
    places = doc.tags["place"]
    for i, tag in list(places.items()):
        nisba = doc.at("nisba", tag.last)
        if nisba is None or nisba.value == tag.value or nisba.value in doc.lexicon.org_codes \
                or nisba.prefix.startswith(("و", "ف")):
            continue  # «الأردن والسعودية»: two states joined by و
        name = fold(doc.text[tag.match.core_start:tag.match.core_end]).removeprefix("ال")
        if any(fold(n).removeprefix("ال") == name for n in doc.lexicon.country_names.get(tag.value, ())):
            continue
        region = Tag("place", nisba.value, tag.first, tag.last, tag.prefix, tag.match)
        places[i] = region
        for k in range(tag.first, tag.last):
            doc.cover["place"][k] = region


def _drop_idioms(doc: Document) -> None:
    """«مسقط رأسه» is "his home town", not Muscat: a place name followed by a word that
    makes an idiom of it (``cues.tsv``: place_idiom), or after a word that makes a common
    noun of it («مستشفى العيون» "the eye hospital": place_not_after), names no place."""
    idiom, not_after = doc.lexicon.cues.place_idiom, doc.lexicon.cues.place_not_after
    taa_needed = doc.lexicon.cues.taa_needed
    for kind in ("place", "capital"):
        for i, tag in list(doc.tags[kind].items()):
            before = doc.word(tag.first - 1)
            last = doc.word(tag.last - 1)
            # «وجده» "and his grandfather", «جده» "his grandfather": Oujda and Jeddah are
            # written with their taa marbuta (folding makes the two spellings one)
            unwritten_taa = last in taa_needed and not doc.token_span(tag.last - 1, tag.last).text.endswith("ة")
            if doc.word(tag.last) in idiom or before in not_after or before[1:] in not_after or unwritten_taa:
                del doc.tags[kind][i]
                for k in range(tag.first, tag.last):
                    doc.cover[kind][k] = None
                doc.tag_starts[kind].remove(i)
