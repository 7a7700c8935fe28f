"""Where an event happened: its location, as written, resolved to a gazetteer place.

An event's ``location`` is the place as the article writes it: a city («الرياض»), a state
(«المملكة الأردنية الهاشمية»), or a venue («قصر السلام بجدة», «مقر وزارة الخارجية في
واشنطن», «مكتبه»). :func:`locate` finds the gazetteer place it names:

- the whole phrase, if it is a place's name;
- else the place a venue names inside it, read from its end, where Arabic puts the city
  («قصر السلام بجدة» "al-Salam Palace in Jeddah" → Jeddah);
- else a well-known venue's city (``lexicon/data/venues.tsv``: «قصر اليمامة» → Riyadh);
- else the capital of the one state the venue names («مقر وزارة الخارجية الإسبانية» "the
  Spanish foreign ministry" → Madrid);
- else nothing: a venue that names no place («مكتبه» "his office", «مقر وزارة الدفاع»)
  stays unresolved rather than being guessed.

Ambiguous names are settled by the states the event is about and the outlet's home state
(«عمان» is Amman in a Jordanian story, Oman otherwise), and the answer says so.

>>> geo = locate("قصر السلام بجدة", countries={"SAU", "EGY"})
>>> geo.name_en, geo.country, geo.reason
('Jeddah', 'SAU', 'venue')
>>> locate("عمان", countries={"SAU", "JOR"}).name_en
'Amman'
>>> locate("مكتبه", countries={"SAU"}) is None
True
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.lexicon import cell, load_lexicon, read_rows, split_variants
from marsad.lexicon.gazetteer import Place, Resolution, load_gazetteer
from marsad.text.normalize import fold

MAX_NAME_WORDS = 3  # «جزيرة ماوي», «سان بطرسبرج», «مدينة الكويت»: place names are short


@dataclass(frozen=True, slots=True)
class Geo:
    """A resolved location: the gazetteer place and how it was chosen."""

    place: Place
    matched: str  # the words of the location that name the place
    reason: str  # unique | context | state | capital | population (Gazetteer.resolve), venue, known_venue, state_named
    ambiguous: bool
    alternatives: tuple[str, ...]  # other readings, as "English name (ISO3)"

    @property
    def name_en(self) -> str:
        return self.place.name_en

    @property
    def country(self) -> str:
        return self.place.country

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "name_ar": p.name_ar, "name_en": p.name_en, "kind": p.kind, "country": p.country,
            "adm1": p.admin1 or None, "adm1_name": p.admin1_name or None,
            "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid,
            "matched": self.matched, "reason": self.reason, "ambiguous": self.ambiguous,
            "alternatives": list(self.alternatives),
        }


def locate(location: str | None, countries: Iterable[str] = (), home: str | None = None) -> Geo | None:
    """The gazetteer place that ``location`` names, or ``None``.

    ``countries`` are the ISO3 codes of the event's parties; ``home`` the outlet's state.
    Both only break ties between places of the same name.
    """
    if not location:
        return None
    gazetteer = load_gazetteer()
    context = set(countries) | ({home} if home else set())
    whole = gazetteer.resolve(location, context)
    if whole.place is not None:
        return _geo(whole, location, whole.reason)
    words = location.split()
    for end in range(len(words), 0, -1):
        for size in range(min(MAX_NAME_WORDS, end), 0, -1):
            phrase = " ".join(words[end - size:end])
            found = gazetteer.resolve(phrase, context)
            if found.place is not None and _plausible_in_venue(found, phrase):
                return _geo(found, phrase, "venue")
    return _known_venue(location) or _seat_of_named_state(location)


@cache
def venues() -> list[tuple[str, str, str]]:
    """(folded venue name, city, country) from ``lexicon/data/venues.tsv``, longest first."""
    rows = [(fold(v), cell(r, 1), cell(r, 2)) for r in read_rows("venues.tsv") for v in split_variants(r[0])]
    return sorted(rows, key=lambda r: -len(r[0]))


def _known_venue(location: str) -> Geo | None:
    """«مكتبه بقصر اليمامة» "his office at al-Yamamah Palace" → Riyadh, from the venue list."""
    folded = fold(location)
    for venue, city, country in venues():
        if venue in folded:
            places = [p for p in load_gazetteer().lookup(city)
                      if p.country == country and p.kind in ("capital", "city")]
            if places:
                return Geo(places[0], location, "known_venue", False, ())
    return None


def _seat_of_named_state(location: str) -> Geo | None:
    """«مقر وزارة الخارجية الإسبانية» "the Spanish foreign ministry": the text says whose
    ministry it is, so the event took place in that state's capital."""
    lexicon = load_lexicon()
    folded = fold(location)
    codes = [m.value for m in lexicon.nisbas.find(folded)] + [m.value for m in lexicon.places.find(folded)]
    states = [c for c in dict.fromkeys(codes) if c not in lexicon.org_codes]
    if len(states) != 1:
        return None  # none named, or several: not clear
    capital = load_gazetteer().capital(states[0])
    return Geo(capital, location, "state_named", False, ()) if capital is not None else None


def _plausible_in_venue(found: Resolution, phrase: str) -> bool:
    """A one-word town inside a venue's name is more often an ordinary word («السلام»
    "peace" is also a town): inside a venue, take states, regions, capitals and large
    cities only."""
    place = found.place
    assert place is not None
    return place.kind != "city" or place.population >= 100_000 or len(phrase.split()) > 1


def _geo(found: Resolution, matched: str, reason: str) -> Geo:
    assert found.place is not None
    others = tuple(dict.fromkeys(f"{p.name_en} ({p.country})" for p in found.candidates if p is not found.place))
    return Geo(found.place, matched, reason, found.ambiguous, others)
