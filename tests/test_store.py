"""The event store: idempotent, crash-safe ingest; one record per real-world event;
actors across spellings; queries with full-text search; clear errors for bad files."""
import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.ingest import ingest_articles
from marsad.io.readers import ReadError
from marsad.model import Article
from marsad.store import StoreError, connect, integrity_ok
from marsad.store.actors import name_key
from marsad.store.query import Filters, fts_query, select_events

DAY = dt.date(2015, 8, 3)


def art(id, text, source="kuna", published=DAY, title=""):
    return Article(id=id, title=title, text=text, published=published, source=source, url=f"https://{source}.example/{id}")


def counts(db):
    conn = connect(db)
    out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
           for t in ("articles", "events", "clusters", "actors", "event_actors", "event_topics", "articles_fts")}
    conn.close()
    return out


ZARIF_KUNA = art("kuna-1", "استقبل وزير الخارجية الكويتي الشيخ صباح خالد الحمد الصباح اليوم وزير خارجية إيران "
                           "محمد جواد ظريف وبحث معه العلاقات الثنائية والملف النووي.")
ZARIF_QABAS = art("qabas-7", "التقى النائب الأول لرئيس مجلس الوزراء وزير الخارجية الشيخ صباح خالد الصباح أمس "
                             "نظيره الإيراني محمد جواد ظريف في قصر بيان.", source="alqabas",
                  published=DAY + dt.timedelta(days=1))


def test_ingest_twice_changes_nothing(tmp_path):
    db = tmp_path / "m.db"
    first = ingest_articles([ZARIF_KUNA, ZARIF_QABAS], db)
    before = counts(db)
    again = ingest_articles([ZARIF_KUNA, ZARIF_QABAS], db)
    assert (first.new, first.events) == (2, 2)
    assert (again.new, again.updated, again.unchanged, again.events) == (0, 0, 2, 0)
    assert counts(db) == before


def test_changed_article_is_re_extracted_and_old_events_replaced(tmp_path):
    db = tmp_path / "m.db"
    ingest_articles([ZARIF_KUNA], db)
    changed = art("kuna-1", "استقبل وزير الخارجية الكويتي الشيخ صباح خالد الحمد الصباح اليوم سفير تركيا لدى "
                            "الكويت طوبى نور سونمز.")
    summary = ingest_articles([changed], db)
    assert (summary.updated, summary.events) == (1, 1)
    conn = connect(db)
    rows = conn.execute("SELECT countries FROM events").fetchall()
    assert [r[0] for r in rows] == ["KWT,TUR"]
    assert conn.execute("SELECT countries FROM clusters").fetchall()[0][0] == "KWT,TUR"  # the old cluster is gone
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 1
    assert select_events(conn, Filters(text="سونمز"))[0].countries == ["KWT", "TUR"]
    assert select_events(conn, Filters(text="ظريف")) == []


def test_same_event_from_two_outlets_is_one_record(tmp_path):
    db = tmp_path / "m.db"
    ingest_articles([ZARIF_KUNA, ZARIF_QABAS], db)
    (event,) = select_events(connect(db))
    assert (event.type, event.countries, event.n_articles, event.n_sources) == ("MEETING", ["IRN", "KWT"], 2, 2)
    assert (event.first_seen, event.last_seen) == ("2015-08-03", "2015-08-04")
    assert sorted(a["id"] for a in event.articles) == ["kuna-1", "qabas-7"]


def test_two_meetings_same_day_same_countries_different_people_stay_apart(tmp_path):
    db = tmp_path / "m.db"
    defence = art("a", "استقبل وزير الدفاع الكويتي الشيخ خالد الجراح الصباح اليوم سفيرة تركيا لدى الكويت طوبى نور سونمز.")
    health = art("b", "استقبل وزير الصحة الكويتي الدكتور علي العبيدي اليوم الملحق العسكري التركي العقيد مراد يلماز.",
                 source="alqabas")
    ingest_articles([defence, health], db)
    events = select_events(connect(db))
    assert len(events) == 2
    assert {e.n_articles for e in events} == {1}


def test_two_events_of_one_article_are_never_merged(tmp_path):
    db = tmp_path / "m.db"
    text = ("عقد وزير الدفاع الكويتي الشيخ عبدالله العلي أحمد الجابر الصباح اجتماعات منفصلة مع سفيرة تركيا لدى "
            "الكويت طوبى نور سونمز وسفير لبنان غادي الخوري.")
    ingest_articles([art("s4", text)], db)
    assert counts(db)["clusters"] == 2


def test_actor_spellings_resolve_to_one_actor(tmp_path):
    db = tmp_path / "m.db"
    texts = [
        "استقبل ولي العهد الأمير محمد بن نايف بن عبدالعزيز آل سعود اليوم وزير الخارجية المصري سامح شكري.",
        "استقبل الأمير محمد بن نايف ولي العهد اليوم سفير فرنسا لدى المملكة.",
        "بعث الأمير محمد بن نايف بن عبد العزيز ولي العهد برقية تهنئة للرئيس التونسي الباجي قايد السبسي.",
    ]
    ingest_articles([art(f"x{i}", t, source="alriyadh") for i, t in enumerate(texts)], db)
    conn = connect(db)
    rows = conn.execute(
        "SELECT DISTINCT ea.actor_id FROM event_actors ea WHERE ea.name LIKE 'محمد بن نايف%'").fetchall()
    assert len(rows) == 1
    (actor,) = conn.execute("SELECT * FROM actors WHERE id = ?", (rows[0][0],)).fetchall()
    assert actor["name"] == "محمد بن نايف بن عبدالعزيز آل سعود" and actor["country"] == "SAU"
    aliases = {r[0] for r in conn.execute("SELECT alias FROM actor_aliases WHERE actor_id = ?", (actor["id"],))}
    assert {"محمد بن نايف", "محمد بن نايف بن عبد العزيز"} <= aliases
    # Found by any spelling or part of the chain.
    assert len(select_events(conn, Filters(person="محمد بن نايف بن عبدالعزيز"))) == 3
    assert len(select_events(conn, Filters(person="محمد بن نايف"))) == 3


def test_same_short_name_different_country_is_two_actors(tmp_path):
    db = tmp_path / "m.db"
    texts = [
        art("k", "استقبل وزير الخارجية الكويتي محمد عبدالله اليوم سفير تركيا لدى الكويت طوبى نور سونمز."),
        art("e", "استقبل وزير الري المصري محمد عبدالله اليوم سفير تركيا لدى مصر أحمد يلماز.", source="ahram"),
    ]
    ingest_articles(texts, db)
    conn = connect(db)
    assert conn.execute("SELECT count(DISTINCT actor_id) FROM event_actors WHERE name = 'محمد عبدالله'").fetchone()[0] == 2


def test_name_key_unifies_spelling_variants():
    assert name_key("عبد العزيز بن سلمان") == name_key("عبدالعزيز بن سلمان")
    assert name_key("أحمد أبو الغيط") == name_key("احمد ابوالغيط")
    assert name_key("فاطمة") == name_key("فاطمه")
    assert name_key("مصطفى") == name_key("مصطفي")
    assert name_key("مُحَمَّد") == name_key("محمد")


def test_full_text_search_ignores_spelling_variants(tmp_path):
    db = tmp_path / "m.db"
    ingest_articles([art("q", "التقى وزير الخارجية الكويتي سفير الأردن لدى الكويت وبحثا إقامة مشروع للطاقة المتجددة "
                              "في إطار اللجنة المشتركة.")], db)
    conn = connect(db)
    for query in ("إقامة", "اقامه", "الطاقه المتجدده", "إطار", "اللجنة المشتركه", "مَشروع"):
        assert len(select_events(conn, Filters(text=query))) == 1, query
    assert select_events(conn, Filters(text="النفط")) == []
    assert fts_query('إطار" OR *') == '"اطار"* "OR"*'  # operators in the input are taken literally


def test_query_filters(tmp_path):
    db = tmp_path / "m.db"
    ingest_articles([ZARIF_KUNA, ZARIF_QABAS, art("t", "استقبل وزير الدفاع الكويتي سفيرة تركيا لدى الكويت طوبى "
                                                       "نور سونمز لبحث التعاون العسكري.",
                                                  published=dt.date(2015, 9, 1))], db)
    conn = connect(db)
    assert len(select_events(conn)) == 2
    assert [e.countries for e in select_events(conn, Filters(pair=("KWT", "TUR")))] == [["KWT", "TUR"]]
    assert [e.countries for e in select_events(conn, Filters(country="IRN"))] == [["IRN", "KWT"]]
    assert len(select_events(conn, Filters(since="2015-08-10"))) == 1
    assert len(select_events(conn, Filters(until="2015-08-10"))) == 1
    assert len(select_events(conn, Filters(type="PHONE_CALL"))) == 0
    assert len(select_events(conn, Filters(topic="defense_military"))) == 1
    assert len(select_events(conn, Filters(status="planned"))) == 0


def test_read_errors_are_counted_not_stored(tmp_path):
    db = tmp_path / "m.db"
    summary = ingest_articles([ReadError("in.jsonl:3", "invalid JSON"), ZARIF_KUNA], db)
    assert summary.read == 1 and summary.errors == ["in.jsonl:3: invalid JSON"]


def test_not_a_sqlite_file_is_refused(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n")
    with pytest.raises(StoreError, match="not a SQLite database"):
        connect(bad)
    assert bad.read_text() == "these are my notes, not a database\n"  # untouched


def test_corrupt_database_is_a_clear_error(tmp_path):
    db = tmp_path / "m.db"
    ingest_articles([ZARIF_KUNA], db)
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    db.write_bytes(bytes(data))
    for name in ("m.db-wal", "m.db-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    with pytest.raises(StoreError, match="corrupt|not SQLite|malformed"):
        connect(db)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_location_is_a_clear_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError):
            ingest_articles([ZARIF_KUNA], folder / "m.db")
    finally:
        folder.chmod(0o700)


def test_cli_bad_db_gives_one_line_not_a_traceback(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_bytes(b"PK\x03\x04 a zip file")
    src = tmp_path / "a.txt"
    src.write_text("عنوان\n\nاستقبل وزير الخارجية الكويتي سفير تركيا.", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "marsad", "ingest", str(src), "--db", str(bad), "--no-progress"],
                         capture_output=True, text=True)
    assert run.returncode != 0
    assert "not a SQLite database" in run.stderr and "Traceback" not in run.stderr


# --- crash safety: a real SIGKILL in the middle of an ingest -------------------------------

HOSTS = [("وزير الخارجية الكويتي الشيخ صباح خالد الحمد الصباح", "kuna"),
         ("وزير الخارجية السعودي عادل الجبير", "spa"),
         ("وزير الخارجية الإماراتي الشيخ عبدالله بن زايد آل نهيان", "wam"),
         ("وزير الخارجية القطري خالد العطية", "qna")]
GUESTS = ["سفير تركيا", "سفيرة فرنسا", "سفير اليابان", "سفير ألمانيا", "سفير الهند", "سفير البرازيل",
          "سفيرة كندا", "سفير إيطاليا", "سفير المكسيك", "سفير كوريا الجنوبية"]


def synthetic_corpus(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            host, source = HOSTS[i % len(HOSTS)]
            guest = GUESTS[(i // len(HOSTS)) % len(GUESTS)]
            day = dt.date(2015, 1, 1) + dt.timedelta(days=i // 7)
            text = (f"استقبل {host} في مكتبه اليوم {guest} لدى البلاد وبحث معه العلاقات الثنائية "
                    f"وسبل تعزيزها في المجالات الاقتصادية والتجارية. " * 3)
            fh.write(json.dumps({"id": f"syn-{i}", "source": source, "published": day.isoformat(),
                                 "title": "", "text": text}, ensure_ascii=False) + "\n")


def ingest_cli(corpus, db, workers=1):
    cmd = [sys.executable, "-m", "marsad", "ingest", str(corpus), "--db", str(db), "--no-progress", "--batch", "25",
           "--workers", str(workers)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pids: set[int]) -> set[int]:
    out = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            out.add(pid)
    return out


def stop_mid_ingest(corpus, db, signum) -> tuple[subprocess.Popen, set[int]]:
    """Start an ingest with two workers; once 50 articles are stored, send ``signum``.
    Returns the process and its worker processes."""
    proc = ingest_cli(corpus, db, workers=2)
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as peek:
                    stored = peek.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                continue
            if stored >= 50:
                break
    assert proc.poll() is None, "ingest finished before it could be stopped"
    workers = children(proc.pid)
    assert len(workers) >= 2
    os.kill(proc.pid, signum)
    proc.wait(timeout=60)
    return proc, workers


def assert_workers_exit(workers: set[int]) -> None:
    deadline = time.time() + 15
    while alive(workers) and time.time() < deadline:
        time.sleep(0.1)
    assert not alive(workers), "worker processes outlived their parent"


def test_sigkill_mid_ingest_leaves_a_sound_database_and_rerun_completes(tmp_path):
    corpus = tmp_path / "c.jsonl"
    synthetic_corpus(corpus, 600)
    reference = tmp_path / "ref.db"
    assert ingest_cli(corpus, reference).wait(timeout=120) == 0

    db = tmp_path / "k.db"
    _, workers = stop_mid_ingest(corpus, db, signal.SIGKILL)
    assert_workers_exit(workers)

    conn = connect(db)
    assert integrity_ok(conn)
    done = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 50 <= done < 600 and done % 25 == 0  # whole batches only
    # No half-written article: each stored one has its search row and its events.
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == done
    assert conn.execute("SELECT count(DISTINCT article_id) FROM events").fetchone()[0] == done
    conn.close()

    rerun = ingest_cli(corpus, db)
    assert rerun.wait(timeout=120) == 0
    # The stored articles are skipped, not extracted again.
    assert f"({600 - done} new, 0 updated, {done} unchanged)" in rerun.stderr.read()
    assert counts(db) == counts(reference)


def test_sigterm_stops_an_ingest_like_ctrl_c_and_its_workers_with_it(tmp_path):
    corpus = tmp_path / "c.jsonl"
    synthetic_corpus(corpus, 600)
    db = tmp_path / "t.db"
    proc, workers = stop_mid_ingest(corpus, db, signal.SIGTERM)
    assert proc.returncode == 1 and "Aborted" in proc.stderr.read()
    assert_workers_exit(workers)
    conn = connect(db)
    assert integrity_ok(conn)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] % 25 == 0


def test_calls_in_opposite_directions_are_two_events(tmp_path):
    db = tmp_path / "m.db"
    a = art("c1", "تلقى ولي العهد الأمير محمد بن نايف اتصالا هاتفيا اليوم من الشيخ سيف بن زايد آل نهيان "
                  "نائب رئيس مجلس الوزراء وزير الداخلية الإماراتي.", source="spa")
    b = art("c2", "أجرى الأمير محمد بن نايف ولي العهد اتصالا هاتفيا اليوم بالشيخ سيف بن زايد آل نهيان "
                  "نائب رئيس مجلس الوزراء وزير الداخلية الإماراتي.", source="alriyadh")
    ingest_articles([a, b], db)
    events = select_events(connect(db))
    assert len(events) == 2
    assert sorted(e.actors[0].country for e in events) == ["ARE", "SAU"]


def test_wire_copies_merge_even_with_an_unnamed_party(tmp_path):
    db = tmp_path / "m.db"
    text = ("وصل إلى القاهرة اليوم الرئيس اليمني عبدربه منصور هادي قادما من الرياض في زيارة لمصر يشارك "
            "خلالها في حفل افتتاح قناة السويس الجديدة.")
    ingest_articles([art("w1", text, source="alriyadh"), art("w2", "و" + text, source="alyaum"),
                     art("w3", "التقى الرئيس اليمني عبدربه منصور هادي في القاهرة اليوم وفدا من رجال الأعمال "
                               "المصريين لبحث الاستثمار.", source="okaz")], db)
    visits = select_events(connect(db), Filters(type="VISIT"))
    assert [(e.n_articles, e.n_sources) for e in visits] == [(2, 2)]


@pytest.mark.parametrize("message, expected", [
    ("database or disk is full", "disk is full"),
    ("attempt to write a readonly database", "read-only"),
    ("file is not a database", "corrupt or not SQLite"),
    ("database is locked", "locked"),
])
def test_sqlite_failures_become_one_line_messages(message, expected):
    from marsad.store.db import explain

    error = explain(sqlite3.OperationalError(message), Path("x.db"))
    assert str(error).startswith("x.db: ") and expected in str(error)


# --- ingest order: skip before extracting; ids; large clusters -------------------------

def test_unchanged_articles_are_skipped_before_extraction(tmp_path, monkeypatch):
    db = tmp_path / "m.db"
    ingest_articles([ZARIF_KUNA, ZARIF_QABAS], db)

    def no_extraction(*args, **kwargs):
        raise AssertionError("an unchanged article was extracted again")

    monkeypatch.setattr("marsad.parallel.extract_article", no_extraction)
    again = ingest_articles([ZARIF_KUNA, ZARIF_QABAS], db, workers=1)
    assert (again.unchanged, again.errors) == (2, [])


def test_an_id_read_twice_with_different_content_is_reported(tmp_path):
    db = tmp_path / "m.db"
    changed = art("kuna-1", ZARIF_KUNA.text + " وأكد الجانبان أهمية التعاون.")
    summary = ingest_articles([ZARIF_KUNA, ZARIF_KUNA, changed], db)
    assert (summary.read, summary.new, summary.updated, summary.unchanged) == (3, 1, 1, 1)
    assert summary.duplicates == [
        "kuna-1: id 'kuna-1' was read earlier in this run with different content; this version replaces it"]
    assert "1 id read twice with different content" in summary.line()


def test_a_report_joining_a_large_cluster_costs_what_it_costs_a_small_one(tmp_path):
    """A wire story run by hundreds of outlets: the work to add one more copy must not
    grow with the cluster (SQLite virtual-machine steps, which do not depend on the
    machine's speed)."""
    from dataclasses import replace

    from marsad.model import Extraction
    from marsad.pipeline import extract_article
    from marsad.store.ingest import store_extraction

    ex = extract_article(ZARIF_KUNA)
    conn = connect(tmp_path / "m.db")
    steps = [0]

    def count() -> int:
        steps[0] += 1
        return 0

    def add(i: int) -> int:
        steps[0] = 0
        copy = Extraction(replace(ex.article, id=f"copy-{i}", source=f"outlet-{i}"), ex.events, ex.flags,
                          ex.home_country)
        conn.set_progress_handler(count, 100)
        store_extraction(conn, copy)
        conn.set_progress_handler(None, 100)
        return steps[0]

    cost = [add(i) for i in range(801)]
    cluster = conn.execute("SELECT n_articles, n_sources FROM clusters").fetchall()
    assert [tuple(c) for c in cluster] == [(801, 801)]
    assert cost[800] < 1.5 * cost[200]


def scored(extraction, confidence, place=None):
    """``extraction`` with every event given this confidence (and place), as the learned
    layer and the gazetteer would set them."""
    import dataclasses

    return dataclasses.replace(extraction, events=[dataclasses.replace(e, confidence=confidence, place=place)
                                                   for e in extraction.events])


JEDDAH = {"name_ar": "جدة", "name_en": "Jeddah", "kind": "city", "country": "SAU", "adm1": "14",
          "adm1_name": "Makkah Region", "lat": 21.49012, "lon": 39.18624, "geonameid": 105343, "matched": "جدة",
          "reason": "unique", "ambiguous": False, "alternatives": []}


def test_confidence_and_place_are_stored_and_a_cluster_keeps_its_highest_confidence(tmp_path):
    from marsad.pipeline import extract_article
    from marsad.store.ingest import remove_article, store_extraction

    conn = connect(tmp_path / "m.db")
    conn.execute("BEGIN")
    store_extraction(conn, scored(extract_article(ZARIF_KUNA), 0.6, JEDDAH))
    store_extraction(conn, scored(extract_article(ZARIF_QABAS), 0.9))
    conn.execute("COMMIT")
    report = conn.execute("SELECT * FROM events WHERE article_id = 'kuna-1'").fetchone()
    assert report["confidence"] == 0.6
    assert (report["place_name_en"], report["place_kind"], report["place_country"], report["place_adm1"],
            report["place_lat"], report["place_lon"], report["place_geonameid"]) == (
        "Jeddah", "city", "SAU", "14", 21.49012, 39.18624, 105343)
    assert report["place_name_ar"] == "جدة"
    assert conn.execute("SELECT place_name_en FROM events WHERE article_id = 'qabas-7'").fetchone()[0] is None
    # The cluster's confidence is raised when a more confident report joins …
    assert [tuple(r) for r in conn.execute("SELECT n_articles, confidence FROM clusters")] == [(2, 0.9)]
    conn.execute("BEGIN")
    remove_article(conn, "qabas-7")
    conn.execute("COMMIT")
    # … and recomputed when it leaves.
    assert [tuple(r) for r in conn.execute("SELECT n_articles, confidence FROM clusters")] == [(1, 0.6)]
    record = select_events(conn)[0]
    assert (record.confidence, record.place["name_en"], record.place["lat"]) == (0.6, "Jeddah", 21.49012)


def test_a_store_of_the_previous_version_is_migrated_and_refilled_by_the_next_ingest(tmp_path):
    from marsad.store.db import ADDED_COLUMNS, SCHEMA_VERSION

    db = tmp_path / "old.db"
    ingest_articles([ZARIF_KUNA], str(db))
    old = sqlite3.connect(db)  # made into a version-1 store: without the columns added since
    for table, column, _ in ADDED_COLUMNS:
        old.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    old.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    old.commit()
    old.close()
    assert len(select_events(connect(db, readonly=True))) == 1  # still readable as it is

    conn = connect(db)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
    for table, column, _ in ADDED_COLUMNS:
        assert column in {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    conn.close()
    summary = ingest_articles([ZARIF_KUNA], str(db))
    assert (summary.updated, summary.unchanged) == (1, 0)  # extracted again to fill the new columns
    assert ingest_articles([ZARIF_KUNA], str(db)).unchanged == 1
    assert counts(db)["clusters"] == 1


def test_a_store_of_a_newer_version_is_refused(tmp_path):
    db = tmp_path / "new.db"
    connect(db).execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        connect(db)
