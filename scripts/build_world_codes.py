"""Write the map's table from world-atlas shape ids to ISO 3166-1 alpha-3 codes.

world-atlas keys its country shapes by ISO 3166-1 numeric code ("414" is Kuwait); the
store keys countries by alpha-3 ("KWT"). Three shapes have no numeric code (Kosovo,
Northern Cyprus, Somaliland): Kosovo gets XKX, the code countries.tsv uses; the other two
are not states marsad records and stay unmapped.

    .venv/bin/python scripts/build_world_codes.py   # needs pycountry

Writes src/marsad/web/static/world-codes.json: {"by_id": {"414": "KWT", …}, "by_name": {"Kosovo": "XKX"}}.
"""
import json
from pathlib import Path

import pycountry

STATIC = Path(__file__).resolve().parent.parent / "src" / "marsad" / "web" / "static"
BY_NAME = {"Kosovo": "XKX"}


def main() -> None:
    atlas = json.loads((STATIC / "vendor" / "countries-110m.json").read_text(encoding="utf-8"))
    by_id = {}
    for shape in atlas["objects"]["countries"]["geometries"]:
        numeric = shape.get("id")
        if numeric is None:
            continue
        country = pycountry.countries.get(numeric=numeric)
        if country is None:
            raise SystemExit(f"no ISO 3166 country has the numeric code {numeric} ({shape['properties']['name']})")
        by_id[numeric] = country.alpha_3
    out = {"by_id": dict(sorted(by_id.items())), "by_name": BY_NAME}
    (STATIC / "world-codes.json").write_text(json.dumps(out, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"{len(by_id)} shapes mapped, {len(BY_NAME)} by name -> {STATIC / 'world-codes.json'}")


if __name__ == "__main__":
    main()
