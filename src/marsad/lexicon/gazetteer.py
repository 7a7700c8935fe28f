"""The gazetteer: states, first-level regions and cities of the world with Arabic names.

The data is ``lexicon/data/gazetteer.tsv`` (built by ``scripts/build_gazetteer.py`` from
GeoNames, CLDR and ISO 3166-2; see ``GAZETTEER_LICENSE``); like every lexicon a copy in
``MARSAD_LEXICON_DIR`` replaces it. Names are compared after :func:`~marsad.text.normalize.fold`,
so hamza/alef, taa marbuta, alif maqsura, diacritics and tatweel do not matter:

>>> [(p.name_en, p.country) for p in lookup("الرِّياض")]  # "Riyadh", with diacritics
[('Riyadh', 'SAU'), ('Ar Riyāḑ', 'EGY')]
>>> [p.country for p in lookup("الشيشان")]           # "Chechnya"
['RUS']
>>> r = resolve("طرابلس", context_countries={"LBN"})  # "Tripoli" in a report from Beirut
>>> r.place.country, r.ambiguous
('LBN', True)
"""
from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from marsad.lexicon import cell, data_path, read_rows, split_variants
from marsad.text.normalize import fold

GAZETTEER_FILE = "gazetteer.tsv"
KINDS = ("country", "region", "capital", "city")
# One-letter words written joined to the next word in Arabic: a conjunction (و "and", ف "so"),
# then a preposition (ب "in", ل "to", ك "like"). «والرياض» "and Riyadh", «بالرياض» "in Riyadh".
CONJUNCTIONS = "وف"
PREPOSITIONS = "بلك"
ARTICLE = "ال"


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer row: a state, a first-level region or a city.

    ``geonameid`` is None for a region known only from ISO 3166-2 or the hand list;
    ``admin1`` is the GeoNames first-level code (the one GDELT's ADM1 codes use);
    ``lat``/``lon`` are None where the source gives no point.
    """

    geonameid: int | None
    kind: str  # country | region | capital | city
    names_ar: tuple[str, ...]
    name_en: str
    country: str  # ISO 3166-1 alpha-3
    admin1: str = ""
    admin1_name: str = ""
    iso_region: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int = 0

    @property
    def name_ar(self) -> str:
        """The usual Arabic name (the first listed), or '' where none is known."""
        return self.names_ar[0] if self.names_ar else ""

    @property
    def is_state(self) -> bool:
        return self.kind == "country"


@dataclass(frozen=True, slots=True)
class Resolution:
    """The reading chosen for a place name, the others it could have been, and why.

    ``reason`` is one of ``unknown`` (no place of that name), ``unique``, ``context`` (the
    only candidate in a context country), ``state`` (the country-level reading),
    ``capital`` or ``population`` (the national capital, else the most populous candidate).
    """

    place: Place | None
    candidates: tuple[Place, ...] = ()
    reason: str = "unknown"

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


@dataclass
class Gazetteer:
    """All places, indexed by folded Arabic name and by country. Build with :func:`load_gazetteer`."""

    places: list[Place] = field(default_factory=list)
    by_name: dict[str, list[Place]] = field(default_factory=dict)
    countries: dict[str, list[Place]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[list[str]]) -> Gazetteer:
        places = [_place(row) for row in rows]
        by_name: dict[str, list[Place]] = defaultdict(list)
        countries: dict[str, list[Place]] = defaultdict(list)
        for place in places:
            for key in dict.fromkeys(_key(n) for n in place.names_ar):
                by_name[key].append(place)
            countries[place.country].append(place)
        return cls(places, dict(by_name), dict(countries))

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name``, trying the name as written, then without a joined
        conjunction/preposition («والرياض» "and Riyadh" → الرياض, «للرياض» "to Riyadh" →
        الرياض), then without the article; the first form that names a place wins.

        Candidates come in a fixed order: states, regions, capitals, cities, each by
        population, largest first.
        """
        for key in _forms(_key(name)):
            found = self.by_name.get(key)
            if found:
                return sorted(found, key=_rank)
        return []

    def resolve(self, name: str, context_countries: Iterable[str] = ()) -> Resolution:
        """Choose one reading of ``name``, preferring a place in one of ``context_countries``
        (ISO3 codes of the states the article is about), then the state itself, then the
        national capital, then the most populous.

        «عمان» is Oman (the state) unless the context is Jordan, where it is Amman;
        «طرابلس» is Tripoli in Libya (a capital) unless the context is Lebanon;
        «الكويت» is the State of Kuwait rather than Kuwait City.
        """
        candidates = tuple(self.lookup(name))
        if not candidates:
            return Resolution(None)
        if len(candidates) == 1:
            return Resolution(candidates[0], candidates, "unique")
        context = set(context_countries)
        pool = [p for p in candidates if p.country in context] or list(candidates)
        if len(pool) == 1:
            return Resolution(pool[0], candidates, "context")
        for reason, wanted in (("state", "country"), ("capital", "capital")):
            chosen = [p for p in pool if p.kind == wanted]
            if chosen:
                return Resolution(chosen[0], candidates, reason)
        return Resolution(max(pool, key=lambda p: p.population), candidates, "population")

    def by_country(self, iso3: str) -> list[Place]:
        """Every place of a state: the state, its regions, capital and cities (largest first)."""
        return sorted(self.countries.get(iso3, ()), key=_rank)

    def country(self, iso3: str) -> Place | None:
        return next((p for p in self.countries.get(iso3, ()) if p.kind == "country"), None)

    def capital(self, iso3: str) -> Place | None:
        """The national capital: ``capital("SAU")`` is Riyadh (الرياض)."""
        return next((p for p in self.countries.get(iso3, ()) if p.kind == "capital"), None)


def _key(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").split())


def _forms(key: str) -> list[str]:
    """The name as written, then with its joined clitics, then its article, taken off."""
    forms = [key]
    stem = key
    if len(stem) > 3 and stem[0] in CONJUNCTIONS:
        stem = stem[1:]
        forms.append(stem)
    if len(stem) > 3 and stem[0] in PREPOSITIONS:
        # ل before the article drops its alef: ل + الرياض is written «للرياض».
        forms.append(ARTICLE + stem[2:] if stem.startswith("لل") else stem[1:])
    for form in list(forms):
        if form.startswith(ARTICLE) and len(form) > len(ARTICLE) + 2:
            forms.append(form[len(ARTICLE):])
    return list(dict.fromkeys(forms))


def _rank(place: Place) -> tuple:
    return (KINDS.index(place.kind), -place.population, place.name_en, place.geonameid or 0)


def _number(text: str) -> float | None:
    return float(text) if text else None


def _place(row: list[str]) -> Place:
    return Place(
        geonameid=int(row[0]) if row[0] else None,
        kind=row[1],
        names_ar=tuple(split_variants(cell(row, 2))),
        name_en=cell(row, 3),
        country=cell(row, 4),
        admin1=cell(row, 5),
        admin1_name=cell(row, 6),
        iso_region=cell(row, 7),
        lat=_number(cell(row, 8)),
        lon=_number(cell(row, 9)),
        population=int(cell(row, 10) or 0),
    )


def load_gazetteer(data_dir: str | os.PathLike | None = None) -> Gazetteer:
    """The gazetteer from ``data_dir`` / ``$MARSAD_LEXICON_DIR`` if it holds one, else the
    packaged file; read once per file."""
    return _load(data_path(GAZETTEER_FILE, data_dir))


@cache
def _load(path) -> Gazetteer:
    return Gazetteer.from_rows(read_rows(path.name, path.parent))


def lookup(name: str, data_dir: str | os.PathLike | None = None) -> list[Place]:
    """Places called ``name``: ``lookup("والرياض")`` ("and Riyadh") → [Riyadh]."""
    return load_gazetteer(data_dir).lookup(name)


def resolve(name: str, context_countries: Iterable[str] = (),
            data_dir: str | os.PathLike | None = None) -> Resolution:
    """One reading of ``name``, with the others and why: see :meth:`Gazetteer.resolve`."""
    return load_gazetteer(data_dir).resolve(name, context_countries)


def by_country(iso3: str, data_dir: str | os.PathLike | None = None) -> list[Place]:
    """Every place of the state ``iso3``."""
    return load_gazetteer(data_dir).by_country(iso3)


def capital(iso3: str, data_dir: str | os.PathLike | None = None) -> Place | None:
    """The national capital of ``iso3``: ``capital("JOR").name_ar`` is «عمان» (Amman)."""
    return load_gazetteer(data_dir).capital(iso3)
