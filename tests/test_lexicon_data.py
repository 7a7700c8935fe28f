"""Sanity checks on the geographic / organisation lexicon data files.

The files are read with a tiny local parser (tab-separated, ``#`` comments skipped) so these
tests depend only on :mod:`marsad.text.normalize`, not on the lexicon loader.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from marsad.text.normalize import fold

DATA = Path(__file__).resolve().parent.parent / "src" / "marsad" / "lexicon" / "data"

ORG_CODES = {"UNO", "EUR", "GCC", "ARL", "OIC", "NAT", "AFU", "IGO", "NGO"}
EXTRA_STATES = {"PSE", "VAT", "XKX", "TWN"}


def read(name: str, ncols: int) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        assert len(cells) <= ncols, f"{name}: too many columns in {line!r}"
        rows.append(cells + [""] * (ncols - len(cells)))
    return rows


def variants(cell: str) -> list[str]:
    return [v.strip() for v in cell.split("|") if v.strip()]


def key(phrase: str) -> str:
    """Folded, whitespace-normalised, article-less form: how the matcher indexes a phrase."""
    k = " ".join(fold(phrase).split())
    return k[2:] if k.startswith("ال") and len(k) > 3 else k


@pytest.fixture(scope="module")
def countries() -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for code, names, nisba, capitals in read("countries.tsv", 4):
        assert code not in out, f"duplicate row for {code}"
        out[code] = {"names": variants(names), "nisba": variants(nisba), "capitals": variants(capitals)}
    return out


@pytest.fixture(scope="module")
def orgs() -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"names": [], "nisba": []})
    for code, names, nisba in read("organizations.tsv", 3):
        out[code]["names"] += variants(names)
        out[code]["nisba"] += variants(nisba)
    return dict(out)


def test_country_codes_are_alpha3(countries):
    for code, row in countries.items():
        assert re.fullmatch(r"[A-Z]{3}", code), code
        assert row["names"], f"{code} has no name"


def test_all_states_present(countries):
    assert len(countries) >= 197
    assert EXTRA_STATES <= set(countries)
    assert not ORG_CODES & set(countries)


def test_no_shared_folded_names(countries, orgs):
    owner: dict[str, set[str]] = defaultdict(set)
    for code, row in countries.items():
        for v in row["names"] + row["capitals"]:
            owner[key(v)].add(code)
    for code, row in orgs.items():
        for v in row["names"]:
            owner[key(v)].add(code)
    clashes = {k: c for k, c in owner.items() if len(c) > 1}
    assert not clashes, clashes


def test_no_shared_folded_nisbas(countries, orgs):
    owner: dict[str, set[str]] = defaultdict(set)
    for table in (countries, orgs):
        for code, row in table.items():
            for v in row["nisba"]:
                assert not v.startswith("ال"), f"{code}: nisba {v} must not carry ال"
                owner[key(v)].add(code)
    clashes = {k: c for k, c in owner.items() if len(c) > 1}
    assert not clashes, clashes


def has(values: list[str], phrase: str) -> bool:
    return fold(phrase) in {fold(v) for v in values}


@pytest.mark.parametrize(
    "code, field, phrase",
    [
        ("BEL", "names", "بلجيكا"),
        ("BEL", "nisba", "بلجيكي"),
        ("TUR", "names", "تركيا"),
        ("LBN", "names", "لبنان"),
        ("KWT", "names", "الكويت"),
        ("QAT", "names", "قطر"),
        ("EGY", "names", "مصر"),
        ("USA", "names", "أميركا"),
        ("USA", "nisba", "أمريكي"),
        ("SAU", "names", "المملكة العربية السعودية"),
        ("OMN", "names", "عمان"),
        ("CIV", "names", "كوت ديفوار"),
        ("KOR", "names", "كوريا الجنوبية"),
        ("PRK", "names", "كوريا الشمالية"),
        ("NLD", "capitals", "لاهاي"),
    ],
)
def test_country_spot_checks(countries, code, field, phrase):
    assert has(countries[code][field], phrase), (code, field, phrase)


def test_ambiguous_words_left_out(countries):
    # Amman folds to Oman; مالي is "financial"; "المملكة" alone is not a name.
    assert not has(countries["JOR"]["capitals"], "عمّان")
    assert not has(countries["MLI"]["names"], "مالي")
    assert not has(countries["SAU"]["names"], "المملكة")


def test_organizations(orgs):
    assert set(orgs) <= ORG_CODES
    assert has(orgs["UNO"]["names"], "الأمم المتحدة")
    assert has(orgs["UNO"]["names"], "منظمة الصحة العالمية")
    assert has(orgs["UNO"]["nisba"], "أممي")
    # the ICRC is a non-governmental body with no home state (code NGO), not an IGO
    assert has(orgs["NGO"]["names"], "اللجنة الدولية للصليب الأحمر")
    assert not has(orgs["IGO"]["names"], "اللجنة الدولية للصليب الأحمر")
    assert has(orgs["EUR"]["names"], "الاتحاد الأوروبي")
    assert has(orgs["GCC"]["names"], "مجلس التعاون لدول الخليج العربية")
    assert has(orgs["ARL"]["names"], "جامعة الدول العربية")
    assert has(orgs["NAT"]["names"], "حلف شمال الأطلسي")


def test_agencies(countries):
    owner: dict[str, set[str]] = defaultdict(set)
    for code, names in read("agencies.tsv", 2):
        assert code in countries, code
        for v in variants(names):
            owner[fold(v)].add(code)
    assert owner[fold("كونا")] == {"KWT"}
    assert owner[fold("واس")] == {"SAU"}
    assert all(len(c) == 1 for c in owner.values())


def test_outlets(countries):
    table: dict[str, str] = {}
    for source, code, _note in read("outlets.tsv", 3):
        assert source == source.lower() and " " not in source, source
        assert source not in table, f"duplicate outlet {source}"
        assert code in countries, (source, code)
        table[source] = code
    assert table["alriyadh"] == "SAU"
    assert table["kuna"] == "KWT"
    assert table["alwatan.com.sa"] == "SAU"
