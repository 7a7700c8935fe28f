"""Extraction on several cores: the same results as one process, in input order, one
bad article never stopping the rest, and a stream of any length in bounded memory."""
import itertools
import json
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from marsad.io.readers import ReadError, read_articles
from marsad.model import Article
from marsad.parallel import extract_parallel
from marsad.pipeline import extract_article

EXAMPLES = sorted(Path(__file__).resolve().parent.parent.joinpath("examples").glob("*.jsonl"))


def example_articles() -> list[Article]:
    return [a for a in read_articles(EXAMPLES) if isinstance(a, Article)]


def stream_of_200() -> list[Article | ReadError]:
    """The examples 22 times over with distinct ids, a line that could not be read, and an
    article with no body (``text=None``, as a caller building articles from a database
    row with a NULL column would make) on which extraction raises."""
    base = example_articles()
    items: list[Article | ReadError] = [
        Article(f"{a.id}~{n}", a.title, a.text, a.published, a.source, a.url, a.origin)
        for n in range(22) for a in base
    ]
    items.insert(37, ReadError("feed.jsonl:38", "invalid JSON: Expecting value (column 1)"))
    items.insert(101, Article("no-body", "وزير الخارجية يستقبل سفير اليابان", None, None, "kuna"))
    return items


def test_extractions_travel_between_processes_unchanged():
    ex = extract_article(example_articles()[0])
    assert ex.events and ex.events[0].trigger is not None
    assert pickle.loads(pickle.dumps(ex)) == ex
    assert pickle.loads(pickle.dumps(ReadError("a.jsonl:3", "invalid JSON"))) == ReadError("a.jsonl:3", "invalid JSON")


def test_two_workers_give_the_results_of_one_in_input_order():
    items = stream_of_200()
    assert len(items) >= 200
    one = list(extract_parallel(items, workers=1))
    two = list(extract_parallel(iter(items), workers=2, chunk_size=8))
    assert [r[0] for r in two] == items and all(r[0] is item for r, item in zip(two, items))
    assert [(ex, error) for _, ex, error in two] == [(ex, error) for _, ex, error in one]
    assert sum(len(ex.events) for _, ex, _ in two if ex) > 100


def test_a_read_error_passes_through_and_a_bad_article_does_not_stop_the_batch():
    items = stream_of_200()
    results = list(extract_parallel(items, workers=2, chunk_size=8))
    by_id = {getattr(item, "id", None): (ex, error) for item, ex, error in results}
    assert results[37] == (items[37], None, None)
    ex, error = by_id["no-body"]
    assert ex is None and error.startswith("TypeError: ")
    assert all(ex is not None for item, ex, _ in results if isinstance(item, Article) and item.id != "no-body")


def test_home_country_for_every_article_or_by_source():
    art = Article("a1", "", "استقبل وزير الخارجية سفير تركيا لدى البلاد.", None, "alqabas")
    ((_, given, _),) = extract_parallel([art], workers=1, home_country="KWT")
    ((_, by_source, _),) = extract_parallel([art], workers=1, overrides={"alqabas": "KWT"})
    assert given.home_country == by_source.home_country == "KWT"
    assert sorted(given.events[0].countries()) == ["KWT", "TUR"]


def test_stopping_early_reads_no_further_than_the_chunks_in_flight():
    read = 0

    def endless():
        nonlocal read
        for n in itertools.count():
            read += 1
            yield Article(f"a{n}", "", "استقبل وزير الخارجية الكويتي سفير تركيا لدى الكويت.")

    results = extract_parallel(endless(), workers=2, chunk_size=4)
    assert [item.id for item, _, _ in itertools.islice(results, 3)] == ["a0", "a1", "a2"]
    results.close()
    assert read <= (2 * 2 + 1) * 4


def test_workers_must_be_positive():
    with pytest.raises(ValueError):
        next(extract_parallel([], workers=0))


# The stream: ARTICLES generated articles of ~4,000 characters, a real engagement
# sentence then a health bulletin ("The Kuwaiti foreign minister received the ambassador
# of Turkey"; "The health ministry in the Eastern Province recorded new cases of seasonal
# flu last week"). Held in memory they would take ~8.5 KB each (two bytes a character).
MEMORY_SCRIPT = textwrap.dedent("""
    import json, resource, sys
    from marsad.model import Article
    from marsad.parallel import extract_parallel

    ARTICLES, CHUNK, WORKERS = int(sys.argv[1]), int(sys.argv[2]), 2
    LEAD = "استقبل وزير الخارجية الكويتي اليوم سفير تركيا لدى الكويت. "
    FILLER = "سجلت وزارة الصحة في المنطقة الشرقية حالات جديدة من الإنفلونزا الموسمية خلال الأسبوع الماضي. " * 40
    produced = 0

    def articles():
        global produced
        for n in range(ARTICLES):
            produced += 1
            yield Article(f"gen-{n}", f"خبر رقم {n}", f"{n} " + LEAD + FILLER, None, "kuna")

    def peak_kib():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    if __name__ == "__main__":
        lead = events = 0
        for consumed, (item, ex, error) in enumerate(extract_parallel(articles(), WORKERS, chunk_size=CHUNK), 1):
            assert error is None, error
            events += len(ex.events)
            lead = max(lead, produced - consumed)
            if consumed == 4 * WORKERS * CHUNK:
                warm = peak_kib()
        print(json.dumps({"consumed": consumed, "events": events, "lead": lead, "warm_kib": warm,
                          "peak_kib": peak_kib(), "text_chars": len(item.text)}))
""")


def test_a_long_stream_is_extracted_in_bounded_memory(tmp_path):
    articles, chunk = 3000, 32
    script = tmp_path / "stream.py"
    script.write_text(MEMORY_SCRIPT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(articles), str(chunk)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["consumed"] == found["events"] == articles
    held_mib = articles * found["text_chars"] * 2 / 2**20  # the texts alone, had the stream been kept
    growth_mib = (found["peak_kib"] - found["warm_kib"]) / 1024
    assert held_mib > 20
    # Never more than the chunks in flight (2 per worker) and the one being filled
    # are read ahead of what was handed back.
    assert found["lead"] <= (2 * 2 + 1) * chunk
    assert growth_mib < held_mib / 3, found
