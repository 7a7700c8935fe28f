"""Exports of the store (jsonl, csv, parquet, GDELT 2.0 TSV) read back from a real database."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from marsad.model import Article
from marsad.ingest import ingest_articles
from marsad.store import connect
from marsad.store.export import FLAT_COLUMNS, GDELT_COLUMNS, export, write_gdelt
from marsad.store.query import Filters, select_events

ARTICLES = [
    # "The Kuwaiti foreign minister Sheikh Ahmad Nasser Al-Mohammad Al-Sabah received in his
    # office today Turkey's ambassador to Kuwait Tuba Nur Sonmez."
    Article("kuna-1", "وزير الخارجية يستقبل السفيرة التركية",
            "استقبل وزير الخارجية الكويتي الشيخ أحمد ناصر المحمد الصباح في مكتبه اليوم سفير تركيا لدى الكويت "
            "طوبى نور سونمز.", dt.date(2019, 3, 10), "kuna", "https://www.kuna.net.kw/ArticleDetails.aspx?id=1"),
    # The same meeting in another paper: "The deputy prime minister and foreign minister ...
    # received the ambassador of the Turkish Republic to the country ..."
    Article("alqabas-1", "الخارجية: لقاء مع السفيرة التركية",
            "استقبل نائب رئيس مجلس الوزراء وزير الخارجية الكويتي الشيخ أحمد ناصر المحمد الصباح سفير الجمهورية "
            "التركية لدى البلاد طوبى نور سونمز.", dt.date(2019, 3, 10), "alqabas", "https://alqabas.com/article/1"),
    # "Saudi foreign minister Adel al-Jubeir met in Riyadh today the UN Secretary-General's
    # special envoy to Yemen Ismail Ould Cheikh Ahmed."
    Article("spa-1", "الجبير يلتقي ولد الشيخ",
            "التقى وزير الخارجية السعودي عادل الجبير في الرياض اليوم المبعوث الخاص للأمين العام للأمم المتحدة "
            "إلى اليمن إسماعيل ولد الشيخ أحمد.", dt.date(2017, 5, 2), "spa", "https://www.spa.gov.sa/1"),
    # "Egypt's prime minister Mostafa Madbouly called Jordan's prime minister Bisher
    # al-Khasawneh; they discussed bilateral relations and economic cooperation." (no URL)
    Article("mena-1", "مدبولي يتصل بالخصاونة",
            "أجرى رئيس مجلس الوزراء المصري مصطفى مدبولي اتصالا هاتفيا مع رئيس الوزراء الأردني بشر الخصاونة "
            "بحث خلاله العلاقات الثنائية والتعاون الاقتصادي.", dt.date(2021, 1, 20), "mena", None),
]


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "marsad.db"
    assert ingest_articles(ARTICLES, str(db)).new == 4
    connection = connect(db, readonly=True)
    yield connection
    connection.close()


def by_pair(rows, key, value):
    return next(r for r in rows if r[key] == value)


def test_jsonl_has_one_object_per_real_world_event(conn, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(conn, "jsonl", out) == 3
    text = out.read_text(encoding="utf-8")
    assert "طوبى نور سونمز" in text  # Arabic as is, not \u escapes
    events = [json.loads(line) for line in text.splitlines()]
    assert len(events) == 3
    meeting = by_pair(events, "countries", ["KWT", "TUR"])
    assert (meeting["n_articles"], meeting["n_sources"]) == (2, 2)
    assert {a["id"] for a in meeting["articles"]} == {"kuna-1", "alqabas-1"}
    assert meeting["codes"]["cameo"] == "043"
    assert [a["role"] for a in meeting["actors"]] == ["source", "target"]


def test_csv_is_one_flat_row_per_event(conn, tmp_path):
    out = tmp_path / "events.csv"
    assert export(conn, "csv", out) == 3
    with open(out, encoding="utf-8", newline="") as fh:
        assert fh.read(1) != "\ufeff"  # plain UTF-8, no BOM
        fh.seek(0)
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == [name for name, _ in FLAT_COLUMNS]
    assert len(rows) == 3
    meeting = by_pair(rows, "countries", "KWT;TUR")
    assert meeting["date"] == "2019-03-10"
    assert meeting["type"] == "MEETING"
    assert meeting["source_names"] == "أحمد ناصر المحمد الصباح"
    assert meeting["source_countries"] == "KWT"
    assert meeting["target_names"] == "طوبى نور سونمز"
    assert meeting["target_countries"] == "TUR"
    assert (meeting["n_articles"], meeting["n_sources"]) == ("2", "2")
    assert set(meeting["urls"].split(";")) == {a.url for a in ARTICLES[:2]}
    call = by_pair(rows, "countries", "EGY;JOR")
    assert call["topics"] == "bilateral_relations;economy_trade_investment"
    assert (call["cameo"], call["quad_class"], float(call["goldstein"])) == ("041", "1", 1.0)
    assert call["subtype"] == "" and call["urls"] == ""


def test_parquet_has_typed_columns(conn, tmp_path):
    out = tmp_path / "events.parquet"
    assert export(conn, "parquet", out) == 3
    table = pq.read_table(out)
    assert table.num_rows == 3
    schema = table.schema
    assert schema.names == [name for name, _ in FLAT_COLUMNS]
    for name in ("id", "quad_class", "n_articles", "n_sources"):
        assert schema.field(name).type == pa.int64()
    assert schema.field("goldstein").type == pa.float64()
    assert schema.field("date").type == pa.string()
    for name in ("countries", "topics", "source_names", "target_countries", "urls"):
        assert schema.field(name).type == pa.list_(pa.string())
    rows = table.to_pylist()
    un = by_pair(rows, "countries", ["SAU", "UNO"])
    assert un["target_countries"] == ["UNO"]
    assert un["target_names"] == ["إسماعيل ولد الشيخ أحمد"]
    assert un["topics"] == ["regional_international_affairs"]
    assert un["goldstein"] == pytest.approx(2.8)


def read_gdelt(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""  # every row ends with a newline, and there is no header
    return [line.split("\t") for line in lines[:-1]]


def test_gdelt_rows_have_the_61_columns_of_the_events_table(conn, tmp_path):
    out = tmp_path / "events.tsv"
    assert export(conn, "gdelt", out) == 3
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:2] == ("GLOBALEVENTID", "SQLDATE") and GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    fields = read_gdelt(out)
    assert all(len(f) == 61 for f in fields)
    rows = [dict(zip(GDELT_COLUMNS, f)) for f in fields]
    cameo = {r.id: r.codes["cameo"] for r in select_events(conn)}
    for row in rows:
        assert re.fullmatch(r"\d{8}", row["SQLDATE"])
        assert row["MonthYear"] == row["SQLDATE"][:6] and row["Year"] == row["SQLDATE"][:4]
        assert row["EventCode"] == cameo[int(row["GLOBALEVENTID"])]
        assert row["EventRootCode"] == row["EventCode"][:2]
        assert int(row["QuadClass"]) == 1
        float(row["GoldsteinScale"])
        assert int(row["NumArticles"]) == int(row["NumMentions"]) >= 1
        assert row["IsRootEvent"] == "1"
        assert row["AvgTone"] == ""
        assert re.fullmatch(r"\d{14}", row["DATEADDED"])

    meeting = by_pair(rows, "Actor2Code", "TURGOV")
    assert (meeting["SQLDATE"], meeting["FractionDate"]) == ("20190310", f"{2019 + 69 / 365:.4f}")
    assert (meeting["Actor1Code"], meeting["Actor1CountryCode"], meeting["Actor1Type1Code"]) == ("KWTGOV", "KWT", "GOV")
    assert meeting["Actor1Name"] == "أحمد ناصر المحمد الصباح"
    assert (meeting["NumArticles"], meeting["NumSources"]) == ("2", "2")
    assert meeting["SOURCEURL"] in {a.url for a in ARTICLES[:2]}
    assert meeting["DATEADDED"] == "20190310000000"

    un = by_pair(rows, "Actor2KnownGroupCode", "UNO")
    assert (un["Actor2Code"], un["Actor2Type1Code"], un["Actor2CountryCode"]) == ("IGOUNO", "IGO", "")
    assert un["Actor1CountryCode"] == "SAU"
    # The actors' states, at country level: Saudi Arabia (FIPS SA); the UN has no place.
    assert (un["Actor1Geo_Type"], un["Actor1Geo_CountryCode"], un["Actor1Geo_FullName"]) == ("1", "SA", "Saudi Arabia")
    assert (un["Actor2Geo_Type"], un["Actor2Geo_CountryCode"]) == ("0", "")

    call = by_pair(rows, "Actor1Code", "EGYGOV")
    assert call["SOURCEURL"] == "mena-1"  # no URL: the article id
    assert (call["ActionGeo_Type"], call["ActionGeo_FullName"]) == ("0", "")  # no location: no place


def test_gdelt_values_never_break_the_row(conn):
    record = next(r for r in select_events(conn) if r.location)
    place = {"name_ar": "مدينة الكويت", "name_en": "Kuwait\tCity\n", "kind": "capital", "country": "KWT",
             "adm1": "02", "lat": 29.37, "lon": 47.98, "geonameid": 285787}
    messy = dataclasses.replace(record, place=place)
    buffer = io.StringIO()
    assert write_gdelt([messy], buffer) == 1
    lines = buffer.getvalue().split("\n")
    assert len(lines) == 2 and lines[1] == ""
    row = dict(zip(GDELT_COLUMNS, lines[0].split("\t")))
    assert len(lines[0].split("\t")) == 61
    assert row["ActionGeo_FullName"] == "Kuwait City , Capital Governorate, Kuwait"  # tab and line end: spaces
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]) == ("4", "KU", "KU02")


# "Saudi foreign minister Adel al-Jubeir received Turkey's ambassador to the kingdom in Jeddah today."
JEDDAH_ARTICLE = Article("spa-2", "", "استقبل وزير الخارجية السعودي عادل الجبير في جدة اليوم سفير تركيا لدى المملكة.",
                         dt.date(2017, 5, 2), "spa", "https://www.spa.gov.sa/2")
JEDDAH = {"name_ar": "جدة", "name_en": "Jeddah", "kind": "city", "country": "SAU", "adm1": "14",
          "adm1_name": "Makkah Region", "lat": 21.49012, "lon": 39.18624, "geonameid": 105343, "matched": "جدة",
          "reason": "unique", "ambiguous": False, "alternatives": []}


@pytest.fixture(scope="module")
def placed(tmp_path_factory):
    """A store whose one event has a confidence and a place, as the pipeline sets them."""
    from marsad.pipeline import extract_article
    from marsad.store.ingest import store_extraction

    db = tmp_path_factory.mktemp("placed") / "marsad.db"
    extraction = extract_article(JEDDAH_ARTICLE)
    extraction = dataclasses.replace(extraction, events=[
        dataclasses.replace(e, confidence=0.87, place=JEDDAH) for e in extraction.events])
    writer = connect(db)
    writer.execute("BEGIN")
    store_extraction(writer, extraction)
    writer.execute("COMMIT")
    writer.close()
    connection = connect(db, readonly=True)
    yield connection
    connection.close()


def test_gdelt_geo_fields_read_back_with_coordinates_and_fips_codes(placed, tmp_path):
    from marsad.lexicon.gazetteer import load_gazetteer

    out = tmp_path / "events.tsv"
    assert export(placed, "gdelt", out) == 1
    [row] = [dict(zip(GDELT_COLUMNS, f)) for f in read_gdelt(out)]
    # في جدة "in Jeddah": a world city (GDELT geo type 4) in Makkah Region (FIPS SA14) of Saudi Arabia.
    assert row["ActionGeo_Type"] == "4"
    assert row["ActionGeo_FullName"] == "Jeddah, Makkah Region, Saudi Arabia"
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]) == ("SA", "SA14")
    assert (float(row["ActionGeo_Lat"]), float(row["ActionGeo_Long"])) == (21.49012, 39.18624)
    assert row["ActionGeo_FeatureID"] == "105343"
    # The minister speaks for Saudi Arabia, the ambassador for Turkey: their states, at country level.
    saudi, turkey = load_gazetteer().country("SAU"), load_gazetteer().country("TUR")
    assert (row["Actor1Geo_Type"], row["Actor1Geo_CountryCode"], row["Actor1Geo_ADM1Code"]) == ("1", "SA", "SA")
    assert (float(row["Actor1Geo_Lat"]), float(row["Actor1Geo_Long"])) == (saudi.lat, saudi.lon)
    assert row["Actor1Geo_FeatureID"] == str(saudi.geonameid)
    assert (row["Actor2Geo_Type"], row["Actor2Geo_CountryCode"], row["Actor2Geo_FullName"]) == ("1", "TU", "Turkey")
    assert float(row["Actor2Geo_Lat"]) == turkey.lat


def test_a_us_place_gets_the_us_geo_types():
    from marsad.store.export import geo_fields

    state = {"name_en": "California", "kind": "region", "country": "USA", "adm1": "CA", "lat": 37.25, "lon": -119.75,
             "geonameid": 5332921}
    city = dict(state, name_en="Washington", kind="capital", adm1="DC", geonameid=4140963)
    assert (geo_fields("G_", state)["G_Type"], geo_fields("G_", state)["G_ADM1Code"]) == (2, "USCA")
    assert geo_fields("G_", city)["G_Type"] == 3
    region = {"name_en": "Makkah Region", "kind": "region", "country": "SAU", "adm1": "14"}
    assert geo_fields("G_", region)["G_Type"] == 5
    assert geo_fields("G_", None) == {"G_Type": 0}


def test_flat_exports_carry_confidence_place_and_english_names(placed, tmp_path):
    out = tmp_path / "events.csv"
    export(placed, "csv", out)
    with open(out, encoding="utf-8", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    assert float(row["confidence"]) == 0.87
    assert (row["place_name_ar"], row["place_name_en"], row["place_kind"], row["place_country"],
            row["place_country_name_en"], row["place_adm1"]) == ("جدة", "Jeddah", "city", "SAU", "Saudi Arabia", "14")
    assert (float(row["place_lat"]), float(row["place_lon"]), row["place_geonameid"]) == (21.49012, 39.18624, "105343")
    assert row["countries_name_en"] == "Saudi Arabia;Turkey"
    assert (row["source_names_en"], row["source_names_en_method"]) == ("Adel al-Jubeir", "known")
    assert row["source_titles_en"] == "Minister of Foreign Affairs of Saudi Arabia"
    assert row["source_countries_name_en"] == "Saudi Arabia"
    assert row["target_countries_name_en"] == "Turkey"
    assert row["target_titles_en"].startswith("Ambassador of Turkey")

    table = pq.read_table(export_to(placed, "parquet", tmp_path))
    for name in ("confidence", "place_lat", "place_lon"):
        assert table.schema.field(name).type == pa.float64()
    assert table.schema.field("place_geonameid").type == pa.int64()
    [prow] = table.to_pylist()
    assert (prow["confidence"], prow["place_geonameid"], prow["source_names_en"]) == (0.87, 105343, ["Adel al-Jubeir"])

    [line] = export_to(placed, "jsonl", tmp_path).read_text(encoding="utf-8").splitlines()
    event = json.loads(line)
    assert event["confidence"] == 0.87
    place = event["place"]
    assert (place["name_en"], place["lat"], place["geonameid"]) == ("Jeddah", 21.49012, 105343)
    assert event["countries_name_en"] == ["Saudi Arabia", "Turkey"]
    source = event["actors"][0]
    assert (source["name"], source["name_en"], source["name_en_method"]) == ("عادل الجبير", "Adel al-Jubeir", "known")
    assert source["title_en"] == "Minister of Foreign Affairs of Saudi Arabia"
    assert source["country_name_en"] == "Saudi Arabia"


def test_an_unknown_name_is_romanised_and_marked_so(conn, tmp_path):
    [event] = [json.loads(line) for line in export_to(conn, "jsonl", tmp_path, Filters(country="TUR"))
               .read_text(encoding="utf-8").splitlines()]
    ambassador = next(a for a in event["actors"] if a["role"] == "target")
    assert ambassador["name_en_method"] == "transliterated" and ambassador["name_en"].isascii()


def export_to(conn, fmt, folder, filters=None):
    out = folder / f"out.{fmt}"
    export(conn, fmt, out, filters)
    return out


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "gdelt"])
def test_filters_narrow_every_format(conn, tmp_path, fmt):
    out = tmp_path / f"turkey.{fmt}"
    assert export(conn, fmt, out, Filters(country="TUR")) == 1
    if fmt == "parquet":
        assert pq.read_table(out).column("countries").to_pylist() == [["KWT", "TUR"]]
    elif fmt == "csv":
        with open(out, encoding="utf-8", newline="") as fh:
            assert [r["countries"] for r in csv.DictReader(fh)] == ["KWT;TUR"]
    elif fmt == "gdelt":
        assert [f[GDELT_COLUMNS.index("Actor2CountryCode")] for f in read_gdelt(out)] == ["TUR"]
    else:
        assert [json.loads(line)["countries"] for line in out.read_text(encoding="utf-8").splitlines()] == [["KWT", "TUR"]]


def test_an_empty_selection_writes_no_rows(conn, tmp_path):
    out = tmp_path / "none.csv"
    assert export(conn, "csv", out, Filters(country="BEL")) == 0
    assert out.read_text(encoding="utf-8").splitlines() == [",".join(name for name, _ in FLAT_COLUMNS)]
    assert export(conn, "parquet", tmp_path / "none.parquet", Filters(country="BEL")) == 0
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0


def test_unknown_format_is_refused(conn, tmp_path):
    with pytest.raises(ValueError, match="xlsx"):
        export(conn, "xlsx", tmp_path / "events.xlsx")
