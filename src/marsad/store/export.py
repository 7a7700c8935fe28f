"""Writing the store out: real-world events as JSON lines, CSV, Parquet or GDELT 2.0 TSV.

Every format holds one row per real-world event (a cluster of reports), read with
:func:`marsad.store.query.select_events`, so a :class:`~marsad.store.query.Filters`
narrows an export exactly as it narrows ``marsad query``.

``jsonl``
    One JSON object per line: :meth:`EventRecord.to_dict` (actors, codes, every
    report's article, the evidence spans of the representative report), UTF-8,
    Arabic written as is.
``csv``
    One flat row per event under a header row (:data:`FLAT_COLUMNS`). A multi-valued
    cell is ``;``-joined; the n-th of ``source_names``, ``source_titles`` and
    ``source_countries`` describe the same actor (an unknown part is left empty), and
    likewise for the targets.
``parquet``
    The same columns with types: ``id``, ``quad_class``, ``n_articles``, ``n_sources``
    int64, ``goldstein`` float64, dates ISO 8601 strings, and every multi-valued
    column (``countries``, ``topics``, the actors' names, titles and countries,
    ``urls``) a ``list<string>``.
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
    - ``ActionGeo_FullName``: the place as written. ``ActionGeo_Type`` 1 (country) or
      4 (world city) and ``ActionGeo_CountryCode`` in FIPS 10-4, as GDELT's geo
      fields use, when the place is a state or a city in marsad's lexicons and the
      state is in :data:`ISO3_TO_FIPS` (the Arab world, its neighbours and the major
      powers); otherwise both are empty.
    - ``DATEADDED``: YYYYMMDDHHMMSS of the earliest report's publication.
    - ``SOURCEURL``: the first report's URL, else its article id.

    Left empty: the ethnic, religion and Type2/Type3 codes, ``AvgTone`` (marsad
    measures no tone), ``Actor1Geo_*`` and ``Actor2Geo_*``, and the ADM1/ADM2 codes,
    coordinates and feature ids (marsad does not geocode). Tabs and line breaks inside
    values become spaces.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable
from typing import Any, TextIO

from marsad.lexicon import load_lexicon, read_rows
from marsad.store.query import ActorRecord, EventRecord, Filters, select_events
from marsad.text.normalize import fold

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
    ("location", "str"),
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

GEO_COUNTRY, GEO_WORLD_CITY = 1, 4  # GDELT geo types


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
        fh.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n


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
        row[f"{role}_names"] = [a.name for a in actors]
        row[f"{role}_titles"] = [a.title for a in actors]
        row[f"{role}_countries"] = [a.country for a in actors]
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
    if record.location:
        row["ActionGeo_FullName"] = record.location
        geo = _place_country(record.location)
        if geo is not None:
            row["ActionGeo_Type"], row["ActionGeo_CountryCode"] = geo
    return row


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


def _place_country(place: str) -> tuple[int, str] | None:
    """(GDELT geo type, FIPS code) of a place named as a state or a known city."""
    lex = load_lexicon()
    folded = fold(place)
    for matcher, geo_type in ((lex.places, GEO_COUNTRY), (lex.capitals, GEO_WORLD_CITY)):
        for hit in matcher.find(folded):
            fips = ISO3_TO_FIPS.get(hit.value)
            if fips:
                return geo_type, fips
    return None


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
