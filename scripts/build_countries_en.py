"""Write ``src/marsad/lexicon/data/countries_en.tsv``: the English name of every state code in
``countries.tsv`` and of every organisation code, for English pages and exports.

    python scripts/build_countries_en.py            # rewrites the packaged file
    python scripts/build_countries_en.py -o FILE    # writes elsewhere

Source: CLDR's English territory names (``babel``), ISO alpha-3 → alpha-2 from ``pycountry``,
with the short names English-language news uses where CLDR's differ (CLDR "Türkiye",
"Congo - Kinshasa", "Palestinian Territories", "Myanmar (Burma)"). Run once; the written file
is the data, edited by hand afterwards like any other lexicon.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.lexicon import read_rows

OUT = ROOT / "src" / "marsad" / "lexicon" / "data" / "countries_en.tsv"

NEWS_NAMES = {
    "TUR": "Turkey",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "PSE": "Palestine",
    "MMR": "Myanmar",
    "CIV": "Côte d'Ivoire",
    "VAT": "Holy See",
    "XKX": "Kosovo",
    "VCT": "Saint Vincent and the Grenadines",
}
# Names read with "the" in running text ("Ambassador of the United States").
WITH_ARTICLE = {"USA", "GBR", "ARE", "NLD", "PHL", "BHS", "GMB", "COD", "COG", "CAF", "DOM",
                "SLB", "MHL", "COM", "MDV", "VAT"}
ORGANIZATIONS = [
    ("UNO", "United Nations", "the"),
    ("EUR", "European Union", "the"),
    ("GCC", "Gulf Cooperation Council", "the"),
    ("ARL", "Arab League", "the"),
    ("OIC", "Organisation of Islamic Cooperation", "the"),
    ("NAT", "NATO", ""),
    ("AFU", "African Union", "the"),
    ("IGO", "Intergovernmental organisation", ""),
    ("NGO", "Non-governmental organisation", ""),
]

HEADER = """\
# English names of the state and organisation codes (countries.tsv, organizations.tsv), for
# English pages and the *_name_en export fields. Written once by scripts/build_countries_en.py
# from CLDR's English territory names, with the short names English-language news uses
# (Turkey, not CLDR's Türkiye; Palestine; Democratic Republic of the Congo); edit freely.
# Columns (tab-separated):
#   code     ISO 3166-1 alpha-3 or organisation code
#   name     English short name
#   article  "the" where running text says "the" before the name (the United States), else empty
# code\tname\tarticle
"""


def build() -> str:
    territories = Locale("en").territories
    lines = [HEADER.rstrip("\n")]
    for row in read_rows("countries.tsv"):
        code = row[0]
        if code in NEWS_NAMES:
            name = NEWS_NAMES[code]
        else:
            name = territories[pycountry.countries.get(alpha_3=code).alpha_2]
            # CLDR's short forms "Trinidad & Tobago", "St. Lucia" are spelled out in prose.
            name = name.replace(" & ", " and ").replace("St. ", "Saint ")
        lines.append(f"{code}\t{name}\t{'the' if code in WITH_ARTICLE else ''}")
    lines += [f"{code}\t{name}\t{article}" for code, name, article in ORGANIZATIONS]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    args.output.write_text(build(), encoding="utf-8")


if __name__ == "__main__":
    main()
