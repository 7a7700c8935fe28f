"""The `marsad` command end to end: extract, ingest, query, export, evaluate."""
import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from marsad.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def db(tmp_path, runner):
    path = tmp_path / "m.db"
    result = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", str(path), "--no-progress"])
    assert result.exit_code == 0, result.output
    return path


def test_extract_text_file_as_json(runner, tmp_path):
    # "The defence minister received the ambassadors of Turkey and Lebanon" / "Kuwait's
    # defence minister met Turkey's ambassador to Kuwait, then Lebanon's ambassador."
    path = tmp_path / "kuna-17.txt"
    path.write_text("وزير الدفاع استقبل سفيري تركيا ولبنان\n\nاستقبل وزير الدفاع الكويتي سفيرة تركيا لدى الكويت "
                    "طوبى نور سونمز.\nكما استقبل وزير الدفاع الكويتي سفير لبنان لدى الكويت.\n", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0
    (article,) = json.loads(result.stdout)
    assert article["id"] == "kuna-17"
    assert [(e["type"], sorted(a["country"] for a in e["actors"])) for e in article["events"]] == [
        ("MEETING", ["KWT", "TUR"]), ("MEETING", ["KWT", "LBN"])]


def test_extract_reports_bad_lines_and_goes_on(runner, tmp_path):
    bad = tmp_path / "in.jsonl"
    bad.write_text('{"id": "a", "text": "استقبل وزير الخارجية الكويتي سفير تركيا."}\n{oops\n', encoding="utf-8")
    result = runner.invoke(main, ["extract", str(bad)])
    assert result.exit_code == 0
    assert f"{bad}:2: invalid JSON" in result.stderr
    assert "marsad extract: 1 articles read, 1 reports, 1 rejected input" in result.stderr


def test_ingest_summary_and_idempotence(runner, db):
    again = runner.invoke(main, ["ingest", str(EXAMPLES / "seed_articles.jsonl"), "--db", str(db), "--no-progress"])
    assert again.exit_code == 0
    assert "2 articles read (0 new, 0 updated, 2 unchanged), 0 reports in 0 real-world events" in again.stderr


def test_query_table_json_csv(runner, db):
    table = runner.invoke(main, ["query", "--db", str(db), "--pair", "KWT,TUR"])
    assert table.exit_code == 0 and "MEETING" in table.stdout
    as_json = json.loads(runner.invoke(main, ["query", "--db", str(db), "--pair", "kwt,tur", "--format", "json"]).stdout)
    assert as_json and all({"KWT", "TUR"} <= set(e["countries"]) for e in as_json)
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["query", "--db", str(db), "--format", "csv"]).stdout)))
    assert rows and {"id", "type", "countries", "n_articles"} <= set(rows[0])


def test_query_rejects_bad_arguments_clearly(runner, db, tmp_path):
    bad_pair = runner.invoke(main, ["query", "--db", str(db), "--pair", "KWT"])
    assert bad_pair.exit_code == 2 and "KWT,BEL" in bad_pair.output
    bad_day = runner.invoke(main, ["query", "--db", str(db), "--since", "yesterday"])
    assert bad_day.exit_code == 2 and "YYYY-MM-DD" in bad_day.output
    missing = runner.invoke(main, ["query", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in missing.output


def test_export_every_format(runner, db, tmp_path):
    for fmt in ("jsonl", "csv", "parquet", "gdelt"):
        out = tmp_path / f"events.{fmt}"
        result = runner.invoke(main, ["export", "--db", str(db), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    n = len((tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines())
    assert pq.read_table(tmp_path / "events.parquet").num_rows == n
    assert all(len(line.split("\t")) == 61 for line in (tmp_path / "events.gdelt").read_text(encoding="utf-8").splitlines())


def test_evaluate_with_predictions_file(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    article = {"id": "g1", "title": "", "text": "استقبل وزير الخارجية الكويتي سفير تركيا لدى الكويت.",
               "published": "2015-08-03", "source": "kuna",
               "events": [{"type": "MEETING", "status": "occurred", "date": None, "topics": [],
                           "actors": [{"role": "source", "name": None, "title": "وزير الخارجية الكويتي", "country": "KWT"},
                                      {"role": "target", "name": None, "title": "سفير تركيا لدى الكويت", "country": "TUR"}]}]}
    gold.write_text(json.dumps(article, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["events_occurred"]["f1"] == 1.0


def test_extract_output_is_identical_for_one_and_two_workers(runner):
    one = runner.invoke(main, ["extract", str(EXAMPLES), "--workers", "1"])
    two = runner.invoke(main, ["extract", str(EXAMPLES), "--workers", "2"])
    assert one.exit_code == two.exit_code == 0
    articles = sum(1 for path in EXAMPLES.rglob("*.jsonl") for line in path.open(encoding="utf-8") if line.strip())
    assert one.stdout == two.stdout and one.stdout.count("\n") == articles > 10


def test_ingest_with_two_workers_stores_what_one_worker_stores(runner, tmp_path, db):
    two = tmp_path / "two.db"
    result = runner.invoke(main, ["ingest", str(EXAMPLES), "--db", str(two), "--no-progress", "--workers", "2"])
    assert result.exit_code == 0, result.output
    query = ["query", "--format", "json", "--limit", "0"]
    one_events = json.loads(runner.invoke(main, query + ["--db", str(db)]).stdout)
    two_events = json.loads(runner.invoke(main, query + ["--db", str(two)]).stdout)
    assert one_events == two_events


def test_batch_output_loads_into_the_store(runner, tmp_path, db):
    pytest.importorskip("distributed")
    out = tmp_path / "batch"
    result = runner.invoke(main, ["batch", str(EXAMPLES / "articles.jsonl"), str(EXAMPLES / "seed_articles.jsonl"),
                                  "-o", str(out), "--workers", "2"])
    assert result.exit_code == 0, result.output
    loaded = tmp_path / "loaded.db"
    assert runner.invoke(main, ["ingest", str(out), "--db", str(loaded), "--no-progress"]).exit_code == 0
    direct = tmp_path / "direct.db"
    runner.invoke(main, ["ingest", str(EXAMPLES / "articles.jsonl"), str(EXAMPLES / "seed_articles.jsonl"),
                         "--db", str(direct), "--no-progress"])
    query = ["query", "--format", "json", "--limit", "0"]
    assert json.loads(runner.invoke(main, query + ["--db", str(loaded)]).stdout) == \
        json.loads(runner.invoke(main, query + ["--db", str(direct)]).stdout)


def test_ingest_and_extract_read_the_saudinewsnet_release_folder(runner, tmp_path):
    import zipfile

    from test_readers import SNN_ARTICLES

    release = tmp_path / "dataset"
    release.mkdir()
    for day, records in (("2015-08-03", SNN_ARTICLES[:2]), ("2015-07-22", SNN_ARTICLES[2:])):
        with zipfile.ZipFile(release / f"{day}.zip", "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{day}.json", json.dumps(records, ensure_ascii=False))
    db = tmp_path / "snn.db"
    result = runner.invoke(main, ["ingest", str(release), "--db", str(db), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "marsad ingest: 3 articles read (3 new, 0 updated, 0 unchanged), " in result.stderr
    assert "real-world event" in result.stderr and "0 rejected inputs" in result.stderr
    extracted = runner.invoke(main, ["extract", str(release)])
    assert extracted.exit_code == 0
    articles = [json.loads(line) for line in extracted.stdout.splitlines()]
    spa = next(a for a in articles if a["source"] == "spa")
    assert spa["published"] == "2015-08-03"
    assert [sorted(x["country"] for x in e["actors"] if x["country"]) for e in spa["events"]] == [["FRA", "SAU"]]


def test_batch_errors_read_like_the_other_commands(runner, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    result = runner.invoke(main, ["batch", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"marsad: error: {out}: already holds articles/") and "Error:" not in result.stderr


def test_export_errors_read_like_the_other_commands(runner, tmp_path):
    result = runner.invoke(main, ["export", "--db", str(tmp_path / "none.db"), "--format", "csv",
                                  "-o", str(tmp_path / "x.csv")])
    assert result.exit_code == 1
    assert result.stderr.startswith("marsad: error: ") and "no such database" in result.stderr
