"""Writing the store out: real-world events as JSON lines, CSV, Parquet or GDELT 2.0 TSV.

Every format holds one row per real-world event (a cluster of reports), read with
:func:`marsad.store.query.select_events`, so a :class:`~marsad.store.query.Filters`
narrows an export exactly as it narrows ``marsad query``.

``jsonl``
    One JSON object per line: :meth:`EventRecord.to_dict` (actors, codes, every
    report's article, the evidence spans of the representative report, ``confidence``
    and the resolved ``place``), UTF-8, Arabic written as is, with English added for
    readers of English: ``countries_name_en`` beside ``countries``, and on each actor
    ``name_en`` (romanised) with ``name_en_method`` (``known``: the person's usual
    English spelling; ``transliterated``: marsad's letter table, see
    :mod:`marsad.english`), ``title_en`` (``null`` where the title is not covered by the
    office patterns) and ``country_name_en``.
``csv``
    One flat row per event under a header row (:data:`FLAT_COLUMNS`). A multi-valued
    cell is ``;``-joined; the n-th of ``source_names``, ``source_titles``,
    ``source_countries`` and their English columns (``source_names_en``,
    ``source_names_en_method``, ``source_titles_en``, ``source_countries_name_en``)
    describe the same actor (an unknown part is left empty), and likewise for the
    targets. ``confidence`` and the ``place_*`` columns (Arabic and English name, kind,
    ISO3 country and its English name, first-level region code, latitude, longitude,
    GeoNames id) are empty where the event has none.
``parquet``
    The same columns with types: ``id``, ``quad_class``, ``n_articles``, ``n_sources``,
    ``place_geonameid`` int64, ``goldstein``, ``confidence``, ``place_lat``,
    ``place_lon`` float64, dates ISO 8601 strings, and every multi-valued column
    (``countries``, ``topics``, the actors' names, titles and countries, ``urls``) a
    ``list<string>``.
``gdelt``
    Tab-separated, no header, the 61 columns of the GDELT 2.0 Events table in their
    documented order (:data:`GDELT_COLUMNS`), so GDELT tooling can read marsad's
    events next to GDELT's own. Filled:

    - ``GLOBALEVENTID``: the marsad event (cluster) id.
    - ``SQLDATE`` (YYYYMMDD), ``MonthYear`` (YYYYMM), ``Year``, ``FractionDate``
      (year + day of year / 365, four decimals): from the event date.
    - ``Actor1*`` is the first source actor, ``Actor2*`` the first target actor.
      ``ActorNName`` is the person's name, else the title, else the code, as written
      (Arabic). A state's official: ``ActorNCode`` ISO3 + ``GOV`` (``KWTGOV``),
      ``ActorNCountryCode`` the ISO3 code, ``ActorNType1Code`` ``GOV``. An
      international organisation: ``ActorNKnownGroupCode`` its CAMEO group code,
      ``ActorNCode`` ``IGO`` + that code (``IGOUNO``: CAMEO uses an organisation's
      code only as a suffix of the generic ``IGO``), ``ActorNType1Code`` ``IGO``, no
      country code. marsad's ``EUR`` becomes CAMEO's ``EEC`` (CAMEO's ``EUR`` is the
      region Europe) and ``AFU`` becomes ``OAU`` (CAMEO has no African Union code; the
      OAU is its predecessor); marsad's generic ``IGO`` has no group code.
    - ``IsRootEvent`` 1; ``EventCode``, ``EventBaseCode``, ``EventRootCode``,
      ``QuadClass``, ``GoldsteinScale``: the event's CAMEO codes.
    - ``NumMentions`` and ``NumArticles``: the number of reports; ``NumSources``:
      the number of outlets.
    - ``ActionGeo_*``: the event's location resolved in the gazetteer (the place of
      the representative report), as :func:`geo_fields` writes it: ``Type`` 1 for a
      state, 4 for a city (3 in the United States), 5 for a first-level region (2 for a
      US state), ``FullName`` in English as GDELT writes it ("Jeddah, Makkah Region,
      Saudi Arabia"), ``CountryCode`` in FIPS 10-4, ``ADM1Code`` the FIPS country code
      followed by the region's code (GeoNames' first-level code, which for most states
      is the FIPS one GDELT uses: ``SA14``, ``USCA``; the country code alone for a
      state), ``Lat``/``Long``, and ``FeatureID`` the GeoNames id (GDELT writes GNS
      ids there; marsad's gazetteer is GeoNames). A location the gazetteer does not
      resolve («مكتبه», "his office") gets ``Type`` 0 and nothing else, as in GDELT.
    - ``Actor1Geo_*``/``Actor2Geo_*``: the actor's state, where it is a state (not an
      organisation): marsad does not know where an actor is, only whom they speak
      for, so the row is the state itself at country level (``Type`` 1), at the
      gazetteer's point for the state; ``Type`` 0 otherwise.
    - ``DATEADDED``: YYYYMMDDHHMMSS of the earliest report's publication.
    - ``SOURCEURL``: the first report's URL, else its article id.

    Left empty: the ethnic, religion and Type2/Type3 codes, ``AvgTone`` (marsad
    measures no tone) and the ADM2 codes. A state without a FIPS code (Palestine,
    which FIPS splits in two) has an empty ``CountryCode``/``ADM1Code``. Tabs and line
    breaks inside values become spaces.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable
from typing import Any, TextIO

from marsad.english import country_name_en, translate_title
from marsad.lexicon import load_lexicon, read_rows
from marsad.lexicon.gazetteer import load_gazetteer
from marsad.store.query import ActorRecord, EventRecord, Filters, romanised, select_events

FORMATS = ("jsonl", "csv", "parquet", "gdelt")

# (column, kind): kind is "int", "float", "str" or "list" (a list of strings).
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "int"),
    ("date", "str"),
    ("type", "str"),
    ("subtype", "str"),
    ("status", "str"),
    ("countries", "list"),
    ("source_names", "list"),
    ("source_titles", "list"),
    ("source_countries", "list"),
    ("target_names", "list"),
    ("target_titles", "list"),
    ("target_countries", "list"),
    ("countries_name_en", "list"),
    ("source_names_en", "list"),
    ("source_names_en_method", "list"),
    ("source_titles_en", "list"),
    ("source_countries_name_en", "list"),
    ("target_names_en", "list"),
    ("target_names_en_method", "list"),
    ("target_titles_en", "list"),
    ("target_countries_name_en", "list"),
    ("location", "str"),
    ("place_name_ar", "str"),
    ("place_name_en", "str"),
    ("place_kind", "str"),
    ("place_country", "str"),
    ("place_country_name_en", "str"),
    ("place_adm1", "str"),
    ("place_lat", "float"),
    ("place_lon", "float"),
    ("place_geonameid", "int"),
    ("confidence", "float"),
    ("topics", "list"),
    ("cameo", "str"),
    ("plover_type", "str"),
    ("plover_mode", "str"),
    ("quad_class", "int"),
    ("goldstein", "float"),
    ("n_articles", "int"),
    ("n_sources", "int"),
    ("first_seen", "str"),
    ("last_seen", "str"),
    ("urls", "list"),
)

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *("Actor1" + f for f in _ACTOR_FIELDS),
    *("Actor2" + f for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *("Actor1Geo_" + f for f in _GEO_FIELDS),
    *("Actor2Geo_" + f for f in _GEO_FIELDS),
    *("ActionGeo_" + f for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)

# marsad organisation code -> CAMEO known-group code (CAMEO codebook, table 3.4).
CAMEO_GROUPS = {"UNO": "UNO", "ARL": "ARL", "GCC": "GCC", "OIC": "OIC", "NAT": "NAT",
                "EUR": "EEC", "AFU": "OAU"}

# ISO 3166-1 alpha-3 -> FIPS 10-4 (GDELT's geo country codes): data in lexicon/data/fips.tsv.
ISO3_TO_FIPS = {row[0]: row[1] for row in read_rows("fips.tsv")}

# GDELT geo types: none, country, US state, US city, world city, world state (ADM1).
GEO_NONE, GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = range(6)


def export(conn: sqlite3.Connection, fmt: str, out: str | os.PathLike, filters: Filters | None = None) -> int:
    """Write the real-world events matching ``filters`` to the file ``out`` in ``fmt``
    (``jsonl``, ``csv``, ``parquet`` or ``gdelt``); return the number of rows written.

    >>> import tempfile, os, datetime as dt
    >>> from marsad.model import Article
    >>> from marsad.ingest import ingest_articles
    >>> from marsad.store import connect
    >>> folder = tempfile.mkdtemp()
    >>> db = os.path.join(folder, "t.db")
    >>> # "The Kuwaiti foreign minister received Turkey's ambassador to Kuwait."
    >>> art = Article("a1", "", "استقبل وزير الخارجية الكويتي سفير تركيا لدى الكويت.", dt.date(2019, 3, 10), "kuna")
    >>> ingest_articles([art], db).new
    1
    >>> export(connect(db, readonly=True), "gdelt", os.path.join(folder, "events.tsv"))
    1
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
    records = select_events(conn, filters)
    if fmt == "parquet":
        return write_parquet(records, out)
    # newline="": the csv module writes its own line ends, and GDELT files end lines with \n only.
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = {"jsonl": write_jsonl, "csv": write_csv, "gdelt": write_gdelt}[fmt]
        return writer(records, fh)


def write_jsonl(records: Iterable[EventRecord], fh: TextIO) -> int:
    """One JSON object per event and line."""
    n = 0
    for record in records:
        fh.write(json.dumps(record_dict(record), ensure_ascii=False) + "\n")
        n += 1
    return n


def record_dict(record: EventRecord) -> dict[str, Any]:
    """:meth:`EventRecord.to_dict` with the English names beside the Arabic ones."""
    out = record.to_dict()
    out["countries_name_en"] = [country_name_en(c) for c in record.countries]
    for actor, english in zip(out["actors"], map(actor_english, record.actors), strict=True):
        actor.update(english)
    return out


def actor_english(actor: ActorRecord) -> dict[str, str | None]:
    """An actor's name romanised (with how), title translated and state named in English.

    >>> actor_english(ActorRecord("source", "عادل الجبير", "وزير الخارجية السعودي", "SAU", None))["name_en"]
    'Adel al-Jubeir'
    """
    name_en, method = romanised(actor.name) if actor.name else (None, None)
    return {"name_en": name_en, "name_en_method": method,
            "title_en": translate_title(actor.title) if actor.title else None,
            "country_name_en": country_name_en(actor.country) if actor.country else None}


def flat_row(record: EventRecord) -> dict[str, Any]:
    """The :data:`FLAT_COLUMNS` of one event; multi-valued columns as lists."""
    row: dict[str, Any] = {
        "id": record.id, "date": record.date, "type": record.type, "subtype": record.subtype,
        "status": record.status, "countries": list(record.countries), "location": record.location,
        "topics": list(record.topics), "cameo": record.codes.get("cameo"),
        "plover_type": record.codes.get("plover_type"), "plover_mode": record.codes.get("plover_mode"),
        "quad_class": record.codes.get("quad_class"), "goldstein": record.codes.get("goldstein"),
        "n_articles": record.n_articles, "n_sources": record.n_sources, "first_seen": record.first_seen,
        "last_seen": record.last_seen, "urls": [a["url"] for a in record.articles if a.get("url")],
    }
    for role in ("source", "target"):
        actors = [a for a in record.actors if a.role == role]
        english = [actor_english(a) for a in actors]
        row[f"{role}_names"] = [a.name for a in actors]
        row[f"{role}_titles"] = [a.title for a in actors]
        row[f"{role}_countries"] = [a.country for a in actors]
        row[f"{role}_names_en"] = [e["name_en"] for e in english]
        row[f"{role}_names_en_method"] = [e["name_en_method"] for e in english]
        row[f"{role}_titles_en"] = [e["title_en"] for e in english]
        row[f"{role}_countries_name_en"] = [e["country_name_en"] for e in english]
    row["countries_name_en"] = [country_name_en(c) for c in record.countries]
    place = record.place or {}
    for key in ("name_ar", "name_en", "kind", "country", "adm1", "lat", "lon", "geonameid"):
        row[f"place_{key}"] = place.get(key)
    row["place_country_name_en"] = country_name_en(place["country"]) if place.get("country") else None
    row["confidence"] = record.confidence
    return row


def write_csv(records: Iterable[EventRecord], fh: TextIO) -> int:
    """A header row and one flat row per event; lists ``;``-joined, ``None`` empty."""
    writer = csv.writer(fh)
    writer.writerow([name for name, _ in FLAT_COLUMNS])
    n = 0
    for record in records:
        row = flat_row(record)
        writer.writerow([_csv_cell(row[name], kind) for name, kind in FLAT_COLUMNS])
        n += 1
    return n


def _csv_cell(value: Any, kind: str) -> str:
    if kind == "list":
        return ";".join("" if v is None else str(v) for v in value)
    return "" if value is None else str(value)


def write_parquet(records: Iterable[EventRecord], out: str | os.PathLike) -> int:
    """The flat rows as a typed Parquet file."""
    # Imported here: pyarrow is slow to import, and only this format needs it.
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "list": pa.list_(pa.string())}
    schema = pa.schema([(name, types[kind]) for name, kind in FLAT_COLUMNS])
    rows = [flat_row(r) for r in records]
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, out)
    return table.num_rows


def write_gdelt(records: Iterable[EventRecord], fh: TextIO) -> int:
    """One GDELT 2.0 event row per event: 61 tab-separated fields, no header."""
    n = 0
    for record in records:
        row = gdelt_row(record)
        fh.write("\t".join(_tsv_cell(row.get(col)) for col in GDELT_COLUMNS) + "\n")
        n += 1
    return n


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    # A tab or any line break inside a value would shift or split the row.
    return " ".join(str(value).replace("\t", " ").splitlines())


def gdelt_row(record: EventRecord) -> dict[str, Any]:
    """The GDELT 2.0 fields of one event, by column name (absent: empty)."""
    codes = record.codes
    row: dict[str, Any] = {
        "GLOBALEVENTID": record.id,
        "IsRootEvent": 1,
        "EventCode": codes.get("cameo"),
        "EventBaseCode": codes.get("cameo_base"),
        "EventRootCode": codes.get("cameo_root"),
        "QuadClass": codes.get("quad_class"),
        "GoldsteinScale": codes.get("goldstein"),
        "NumMentions": record.n_articles,
        "NumSources": record.n_sources,
        "NumArticles": record.n_articles,
        "SOURCEURL": _source_url(record),
    }
    day = _parse_day(record.date)
    if day is not None:
        row.update(SQLDATE=day.strftime("%Y%m%d"), MonthYear=day.strftime("%Y%m"), Year=day.year,
                   FractionDate=f"{day.year + day.timetuple().tm_yday / 365:.4f}")
    added = _parse_time(record.first_seen)
    if added is not None:
        row["DATEADDED"] = added.strftime("%Y%m%d%H%M%S")
    for n, role in ((1, "source"), (2, "target")):
        actor = next((a for a in record.actors if a.role == role), None)
        if actor is not None:
            row.update({f"Actor{n}{k}": v for k, v in cameo_actor(actor).items()})
    row.update(geo_fields("ActionGeo_", record.place))
    for n, role in ((1, "source"), (2, "target")):
        actor = next((a for a in record.actors if a.role == role), None)
        row.update(geo_fields(f"Actor{n}Geo_", actor_place(actor)))
    return row


def geo_fields(prefix: str, place: dict[str, Any] | None) -> dict[str, Any]:
    """The eight GDELT geo fields (``Type`` … ``FeatureID``) of a resolved place, named
    ``prefix`` + field; ``Type`` 0 alone for no place.

    >>> riyadh = {"name_en": "Riyadh", "kind": "capital", "country": "SAU", "adm1": "10",
    ...           "lat": 24.68773, "lon": 46.72185, "geonameid": 108410}
    >>> fields = geo_fields("ActionGeo_", riyadh)
    >>> fields["ActionGeo_Type"], fields["ActionGeo_CountryCode"], fields["ActionGeo_ADM1Code"]
    (4, 'SA', 'SA10')
    """
    if not place or not place.get("country"):
        return {prefix + "Type": GEO_NONE}
    country = place["country"]
    fips = ISO3_TO_FIPS.get(country)
    kind = place.get("kind")
    us = country == "USA"
    if kind == "country":
        geo_type = GEO_COUNTRY
    elif kind == "region":
        geo_type = GEO_US_STATE if us else GEO_WORLD_STATE
    else:
        geo_type = GEO_US_CITY if us else GEO_WORLD_CITY
    adm1 = place.get("adm1") if geo_type != GEO_COUNTRY else None
    return {
        prefix + "Type": geo_type,
        prefix + "FullName": _full_name(place, geo_type),
        prefix + "CountryCode": fips,
        prefix + "ADM1Code": (fips + adm1 if adm1 else fips) if fips else None,
        prefix + "Lat": place.get("lat"),
        prefix + "Long": place.get("lon"),
        prefix + "FeatureID": place.get("geonameid"),
    }


def _full_name(place: dict[str, Any], geo_type: int) -> str:
    """"City, Region, Country" as GDELT writes it, in English (Arabic where no English is known)."""
    country = country_name_en(place["country"]) or place["country"]
    if geo_type == GEO_COUNTRY:
        return country
    parts = [place.get("name_en") or place.get("name_ar") or ""]
    if geo_type in (GEO_US_CITY, GEO_WORLD_CITY) and place.get("adm1"):
        region = _region_name(place["country"], place["adm1"])
        if region and region != parts[0]:
            parts.append(region)
    parts.append(country)
    return ", ".join(p for p in parts if p)


def _region_name(iso3: str, adm1: str) -> str | None:
    return next((p.name_en for p in load_gazetteer().by_country(iso3) if p.kind == "region" and p.admin1 == adm1),
                None)


def actor_place(actor: ActorRecord | None) -> dict[str, Any] | None:
    """Where a GDELT actor is placed: the state the actor speaks for, at country level,
    from the gazetteer's row for the state; ``None`` for an organisation, an actor of no
    known state, or a state the gazetteer lacks.

    >>> actor_place(ActorRecord("source", None, "وزير الخارجية الكويتي", "KWT", None))["name_en"]
    'Kuwait'
    """
    if actor is None or not actor.country:
        return None
    state = load_gazetteer().country(actor.country)
    if state is None:
        return None
    return {"name_ar": state.name_ar, "name_en": state.name_en, "kind": "country", "country": state.country,
            "adm1": None, "lat": state.lat, "lon": state.lon, "geonameid": state.geonameid}


def cameo_actor(actor: ActorRecord) -> dict[str, str]:
    """GDELT actor fields (``Code``, ``Name``, ``CountryCode``, ``KnownGroupCode``,
    ``Type1Code``) of a state official or an international organisation.

    >>> cameo_actor(ActorRecord("source", "عادل الجبير", "وزير الخارجية السعودي", "SAU", None))["Code"]
    'SAUGOV'
    >>> cameo_actor(ActorRecord("target", None, "الأمين العام للأمم المتحدة", "UNO", None))["Code"]
    'IGOUNO'
    """
    fields = {"Name": actor.name or actor.title or actor.country or ""}
    code = actor.country
    if not code:
        return fields
    if code in load_lexicon().org_codes:
        group = CAMEO_GROUPS.get(code, "")
        fields.update(Code="IGO" + group, KnownGroupCode=group, Type1Code="IGO")
    else:
        fields.update(Code=code + "GOV", CountryCode=code, Type1Code="GOV")
    return fields


def _source_url(record: EventRecord) -> str | None:
    for article in record.articles:
        if article.get("url"):
            return article["url"]
    return record.articles[0]["id"] if record.articles else None


def _parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:  # a partial date (a month, a year) has no GDELT day
        return None


def _parse_time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        day = _parse_day(value)
        return dt.datetime(day.year, day.month, day.day) if day else None
