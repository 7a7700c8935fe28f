"""Batch extraction on a Dask cluster writes what `marsad ingest` stores: the same
articles, reports, real-world events and cluster numbers, as Parquet by month."""
import gzip
import itertools
import json
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")
import pyarrow.dataset as ds  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from marsad.batch import BatchError, run_batch  # noqa: E402
from marsad.ingest import ingest_articles  # noqa: E402
from marsad.io.readers import read_articles, read_batch_output  # noqa: E402
from marsad.model import Article  # noqa: E402
from marsad.store import connect  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus/saudinewsnet.jsonl.gz")
EXAMPLES = sorted(ROOT.joinpath("examples").glob("*.jsonl"))
# Trigger words of engagement reports ("received", "met", "phone call", "cable"): a
# sample dense in events, where wire stories run by several outlets form clusters.
TRIGGERS = ("استقبل", "التقى", "اتصالا هاتفيا", "برقية", "يزور", "زيارة")


def corpus_lines(n: int) -> list[str]:
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} not available")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        return list(itertools.islice((line for line in fh if any(t in line for t in TRIGGERS)), n))


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """A gzipped corpus sample, the examples, a file repeating ten sample articles
    unchanged, a bad line, a record with an empty text and a missing file."""
    folder = tmp_path_factory.mktemp("inputs")
    lines = corpus_lines(360)
    with gzip.open(folder / "corpus.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("".join(lines))
    (folder / "repeats.jsonl").write_text(
        "".join(lines[100:110]) + "{not json\n" + json.dumps({"id": "empty", "text": " "}) + "\n", encoding="utf-8")
    return [str(folder / "corpus.jsonl.gz"), *map(str, EXAMPLES), str(folder / "repeats.jsonl"),
            str(folder / "missing.jsonl")]


@pytest.fixture(scope="module")
def batch(sample, tmp_path_factory):
    out = tmp_path_factory.mktemp("batch") / "out"
    return out, run_batch(sample, str(out), workers=2, partition_size=40)


@pytest.fixture(scope="module")
def store(sample, tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "m.db"
    return db, ingest_articles(read_articles(sample), db)


def dataset(out: Path, name: str) -> list[dict]:
    return ds.dataset(out / name, format="parquet", partitioning="hive").to_table().to_pylist()


def iso(day):
    return day.isoformat() if day else None


def store_articles(db):
    conn = connect(db)
    return {r["id"]: (r["source"], r["url"], r["published"], r["title"], r["text"], r["content_hash"],
                      r["home_country"], json.loads(r["flags"]))
            for r in conn.execute("SELECT * FROM articles")}


def batch_articles(out):
    return {r["id"]: (r["source"], r["url"], iso(r["published"]), r["title"], r["text"], r["content_hash"],
                      r["home_country"], r["flags"])
            for r in dataset(out, "articles")}


def store_events(db):
    conn = connect(db)
    out = {}
    for e in conn.execute("SELECT * FROM events"):
        actors = [(a["role"], a["name"], a["title"], a["country"]) for a in conn.execute(
            "SELECT * FROM event_actors WHERE event_id = ? ORDER BY seq", (e["id"],))]
        out[e["article_id"], e["seq"]] = (
            e["type"], e["subtype"], e["status"], e["date"], e["location"], e["countries"],
            json.loads(e["topics"]), actors, e["cameo"], e["plover_type"], e["quad_class"], e["goldstein"],
            e["evidence"])
    return out


def batch_events(out):
    return {(e["article_id"], e["seq"]): (
        e["type"], e["subtype"], e["status"], iso(e["date"]), e["location"], ",".join(e["countries"]),
        e["topics"], [(a["role"], a["name"], a["title"], a["country"]) for a in e["actors"]], e["cameo"],
        e["plover_type"], e["quad_class"], e["goldstein"], e["evidence"]) for e in dataset(out, "events")}


def store_clusters(db):
    conn = connect(db)
    out = {}
    for c in conn.execute("SELECT c.*, e.article_id AS rep_article, e.seq AS rep_seq "
                          "FROM clusters c JOIN events e ON e.id = c.representative"):
        reports = [tuple(r) for r in conn.execute(
            "SELECT article_id, seq FROM events WHERE cluster_id = ? ORDER BY id", (c["id"],))]
        out[c["id"]] = (c["type"], c["status"], c["countries"], c["date"], c["first_seen"], c["last_seen"],
                        c["n_articles"], c["n_sources"], (c["rep_article"], c["rep_seq"]), reports)
    return out


def batch_clusters(out):
    return {c["cluster_id"]: (
        c["type"], c["status"], ",".join(c["countries"]), iso(c["date"]), iso(c["first_seen"]),
        iso(c["last_seen"]), c["n_articles"], c["n_sources"],
        (c["representative"]["article_id"], c["representative"]["seq"]),
        [(r["article_id"], r["seq"]) for r in c["reports"]]) for c in dataset(out, "clusters")}


def groupings(clusters):
    return sorted(tuple(c[-1]) for c in clusters.values())


def test_counts_and_rejected_inputs_are_those_of_ingest(batch, store, sample):
    (_, summary), (_, ingested) = batch, store
    assert (summary.read, summary.new, summary.updated, summary.unchanged) == (
        ingested.read, ingested.new, ingested.updated, ingested.unchanged)
    assert summary.unchanged == 10 and summary.workers == 2
    assert summary.errors == ingested.errors and len(summary.errors) == 2  # the bad line, the missing file
    assert summary.empty == ingested.empty == [f"{Path(sample[-2])}:12: `text` is empty"]
    assert summary.events == ingested.events


def test_articles_and_events_are_those_ingest_stores(batch, store):
    (out, _), (db, _) = batch, store
    assert batch_articles(out) == store_articles(db)
    events = batch_events(out)
    assert events == store_events(db) and len(events) > 80


def test_clusters_are_those_ingest_stores_with_the_same_numbers(batch, store):
    (out, summary), (db, _) = batch, store
    clusters = batch_clusters(out)
    assert clusters == store_clusters(db)
    assert summary.clusters == len(clusters)
    assert sum(1 for c in clusters.values() if len(c[-1]) > 1) >= 5  # the sample does cluster


def test_datasets_are_partitioned_by_month(batch):
    out, _ = batch
    months = {p.name for p in (out / "articles").iterdir()}
    assert "month=unknown" in months and "month=2015-08" in months
    for row in dataset(out, "articles"):
        assert row["month"] == (row["published"].isoformat()[:7] if row["published"] else "unknown")
    for row in dataset(out, "clusters"):
        assert row["month"] == (row["date"].isoformat()[:7] if row["date"] else "unknown")
    assert not (out / "_work").exists()


def test_batch_articles_read_back_in_input_order(batch, sample):
    out, _ = batch
    firsts, seen = [], set()
    for item in read_articles(sample):
        if isinstance(item, Article) and item.id not in seen and item.text.strip():
            seen.add(item.id)
            firsts.append(item)
    assert list(read_batch_output(out)) == firsts


def test_parquet_input_gives_what_json_lines_give(tmp_path):
    records = [json.loads(line) for line in corpus_lines(120)]
    jsonl = tmp_path / "sample.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "sample.parquet", row_group_size=25)
    run_batch([str(tmp_path / "sample.parquet")], str(tmp_path / "out"), workers=2)
    ingest_articles(read_articles([jsonl]), tmp_path / "m.db")
    assert batch_events(tmp_path / "out") == store_events(tmp_path / "m.db")
    assert batch_clusters(tmp_path / "out") == store_clusters(tmp_path / "m.db")


def test_a_changed_article_replaces_its_earlier_version(tmp_path):
    lines = corpus_lines(60)
    changed = []
    for line in lines[:6]:
        record = json.loads(line)
        record["text"] += "\nوالتقى وزير الخارجية الكويتي سفير تركيا لدى الكويت."
        changed.append(json.dumps(record, ensure_ascii=False) + "\n")
    inputs = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    inputs[0].write_text("".join(lines), encoding="utf-8")
    inputs[1].write_text("".join(changed), encoding="utf-8")
    summary = run_batch(list(map(str, inputs)), str(tmp_path / "out"), workers=2, partition_size=20)
    ingested = ingest_articles(read_articles(inputs), tmp_path / "m.db")
    assert (summary.new, summary.updated) == (ingested.new, ingested.updated) == (60, 6)
    assert batch_articles(tmp_path / "out") == store_articles(tmp_path / "m.db")
    assert batch_events(tmp_path / "out") == store_events(tmp_path / "m.db")
    # Ingest clustered the replaced reports for a while and renumbers after removing
    # them; which reports make one event is the same here.
    assert groupings(batch_clusters(tmp_path / "out")) == groupings(store_clusters(tmp_path / "m.db"))


def test_an_output_holding_a_batch_is_refused(batch):
    out, _ = batch
    with pytest.raises(BatchError, match="already holds"):
        run_batch([str(EXAMPLES[0])], str(out))


def test_text_json_and_zip_inputs_give_what_ingest_gives(tmp_path):
    import zipfile

    records = [json.loads(line) for line in corpus_lines(30)]
    folder = tmp_path / "inputs"
    (folder / "texts").mkdir(parents=True)
    for r in records[:8]:  # one article per text file: the title, then the text
        (folder / "texts" / f"{r['id']}.txt").write_text(f"{r['title']}\n\n{r['text']}\n", encoding="utf-8")
    (folder / "texts" / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "day.json").write_text(json.dumps(records[8:16], ensure_ascii=False), encoding="utf-8")
    with zipfile.ZipFile(folder / "release.zip", "w") as archive:
        archive.writestr("2015-08-03.json", json.dumps(
            [{"source": r["source"], "url": r["url"], "date_extracted": "2015-08-03 09:00:00", "title": r["title"],
              "author": r["author"], "content": r["text"]} for r in records[16:]], ensure_ascii=False))
    summary = run_batch([str(folder)], str(tmp_path / "out"), workers=2, partition_size=5)
    ingested = ingest_articles(read_articles([folder]), tmp_path / "m.db")
    assert (summary.read, summary.new, len(summary.errors)) == (ingested.read, ingested.new, len(ingested.errors))
    assert summary.read == 30 and len(summary.errors) == 1  # the empty text file
    assert batch_articles(tmp_path / "out") == store_articles(tmp_path / "m.db")
    assert batch_events(tmp_path / "out") == store_events(tmp_path / "m.db")
    assert batch_clusters(tmp_path / "out") == store_clusters(tmp_path / "m.db")
