"""Readers turn files, directories and stdin into articles, and every bad input into an error."""
import datetime as dt
import gzip
import io
import json

import pytest

from marsad.io.readers import DecodeError, ReadError, decode_bytes, read_articles
from marsad.model import Article

# "The defence minister received the ambassadors of Turkey and Lebanon"
TITLE = "وزير الدفاع استقبل سفيري تركيا ولبنان"
# "Kuwait's defence minister held a meeting with the Turkish ambassador at the ministry"
BODY = "عقد وزير الدفاع الكويتي لقاء مع السفير التركي في مقر الوزارة.\nوبحث الجانبان علاقات التعاون."


def read(*paths, stdin=None):
    return list(read_articles([str(p) for p in paths], stdin=stdin))


def jsonl(*records):
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def test_text_file_first_nonempty_line_is_the_title(tmp_path):
    path = tmp_path / "kuna-17.txt"
    path.write_text(f"\n  {TITLE}\n\n{BODY}\n", encoding="utf-8")
    [article] = read(path)
    assert article == Article(id="kuna-17", title=TITLE, text=BODY, origin=str(path))
    assert article.published is None


def test_text_file_bom_and_windows_line_endings(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeff" + TITLE + "\r\n\r\n" + BODY.replace("\n", "\r\n")).encode("utf-8"))
    [article] = read(path)
    assert (article.title, article.text) == (TITLE, BODY)


def test_empty_text_file_is_an_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text(" \n\n", encoding="utf-8")
    [error] = read(path)
    assert isinstance(error, ReadError) and error.origin == str(path)


def test_jsonl_fields_aliases_and_default_ids(tmp_path):
    path = tmp_path / "spa.jsonl"
    path.write_text(jsonl(
        {"id": "a1", "title": TITLE, "text": BODY, "source": "spa", "url": "https://spa.gov.sa/1"},
        "",
        {"content": BODY},
        {"id": 7, "body": BODY},
    ), encoding="utf-8")
    first, second, third = read(path)
    assert first == Article(id="a1", title=TITLE, text=BODY, source="spa",
                            url="https://spa.gov.sa/1", origin=f"{path}:1")
    assert (second.id, second.title, second.text, second.origin) == ("spa:3", "", BODY, f"{path}:3")
    assert (third.id, third.text) == ("7", BODY)


@pytest.mark.parametrize("published, expected", [
    ("2015-07-21", dt.date(2015, 7, 21)),
    ("2015-07-21T10:00:00", dt.date(2015, 7, 21)),
    ("2015-07-21T23:30:00+03:00", dt.date(2015, 7, 21)),  # the outlet's day, not UTC's
    ("2015-07-21T10:00:00Z", dt.date(2015, 7, 21)),
    ("2015-07-21 10:00:00", dt.date(2015, 7, 21)),
    (None, None),
])
def test_jsonl_published_formats(tmp_path, published, expected):
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl({"text": BODY, "published": published}), encoding="utf-8")
    [article] = read(path)
    assert article.published == expected


def test_jsonl_missing_published_is_none(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(jsonl({"text": BODY}), encoding="utf-8")
    assert read(path)[0].published is None


def test_jsonl_bad_lines_are_errors_and_good_lines_still_come_through(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(jsonl(
        {"id": "good-1", "text": BODY},
        '{"id": "broken", "text": ',
        '["not", "an", "object"]',
        {"id": "no-text", "title": TITLE},
        {"id": "empty", "text": "  "},
        {"id": "number", "text": 42},
        {"id": "bad-date", "text": BODY, "published": "21/07/2015"},
        {"id": "good-2", "text": BODY},
    ), encoding="utf-8")
    items = read(path)
    assert [i.id for i in items if isinstance(i, Article)] == ["good-1", "good-2"]
    errors = {e.origin: e.reason for e in items if isinstance(e, ReadError)}
    assert list(errors) == [f"{path}:{n}" for n in range(2, 8)]
    assert errors[f"{path}:2"].startswith("invalid JSON")
    assert "object" in errors[f"{path}:3"]
    assert "text" in errors[f"{path}:4"]
    assert "empty" in errors[f"{path}:5"]
    assert "not a string" in errors[f"{path}:6"]
    assert "21/07/2015" in errors[f"{path}:7"]
    assert str(items[1]) == f"{path}:2: {errors[f'{path}:2']}"


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "saudinewsnet.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(
        {"id": "snn-1", "source": "aawsat", "published": "2015-08-03", "title": TITLE, "text": BODY},
    ).encode("utf-8")))
    [article] = read(path)
    assert (article.id, article.source, article.published) == ("snn-1", "aawsat", dt.date(2015, 8, 3))


def test_corrupt_gzip_is_an_error(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(b"not gzip at all")
    [error] = read(path)
    assert isinstance(error, ReadError) and "gzip" in error.reason


def test_damaged_utf8_line_costs_only_that_line(tmp_path):
    path = tmp_path / "a.jsonl"
    good = jsonl({"id": "ok", "text": BODY}).encode("utf-8")
    path.write_bytes(good + b'{"text": "\xd9\xff"}\n' + good)
    items = read(path)
    assert [type(i) for i in items] == [Article, ReadError, Article]
    assert items[1].origin == f"{path}:2" and "invalid UTF-8" in items[1].reason


def test_json_list_and_single_object(tmp_path):
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([{"id": "x", "text": BODY}, {"title": TITLE}, {"text": BODY}],
                                 ensure_ascii=False), encoding="utf-8")
    first, error, third = read(listed)
    assert first.id == "x" and first.origin == f"{listed}[#0]"
    assert isinstance(error, ReadError) and error.origin == f"{listed}[#1]"
    assert third.id == "list#2"
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"title": TITLE, "text": BODY}, indent=2, ensure_ascii=False), encoding="utf-8")
    [article] = read(single)
    assert (article.id, article.title, article.origin) == ("one", TITLE, str(single))


def test_invalid_json_document_names_the_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[\n{"text": "x"},\n{"text": }\n]', encoding="utf-8")
    [error] = read(path)
    assert error.origin == f"{path}:3" and error.reason.startswith("invalid JSON")


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path):
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "a.txt", ".hidden.txt", ".git/x.txt",
                 "notes.csv", "d/e.jsonl"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".jsonl"):
            path.write_text(jsonl({"text": BODY}), encoding="utf-8")
        else:
            path.write_text(f"{TITLE}\n\n{BODY}", encoding="utf-8")
    items = read(tmp_path)
    assert [i.origin for i in items] == [
        str(tmp_path / n) for n in ["a/b/c.txt", "a/z.txt", "a.txt", "b.txt"]
    ] + [f"{tmp_path / 'd/e.jsonl'}:1"]


def test_directory_without_article_files_is_an_error(tmp_path):
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    [error] = read(tmp_path)
    assert isinstance(error, ReadError) and error.origin == str(tmp_path)


def test_stdin_plain_text(tmp_path):
    stdin = io.BytesIO(f"{TITLE}\n{BODY}\n".encode("utf-8"))
    [article] = read("-", stdin=stdin)
    assert (article.id, article.title, article.text, article.origin) == ("stdin", TITLE, BODY, "<stdin>")


def test_stdin_json_lines_and_json_list_are_sniffed():
    lines = io.BytesIO(("  " + jsonl({"id": "s1", "text": BODY}, {"id": "s2", "text": BODY})).encode("utf-8"))
    assert [a.id for a in read("-", stdin=lines)] == ["s1", "s2"]
    listed = io.BytesIO(json.dumps([{"id": "s3", "text": BODY}]).encode("utf-8"))
    assert [a.id for a in read("-", stdin=listed)] == ["s3"]


def test_stdin_bad_json_line_keeps_the_others():
    stdin = io.BytesIO(jsonl("{oops", {"id": "s2", "text": BODY}).encode("utf-8"))
    error, article = read("-", stdin=stdin)
    assert error.origin == "<stdin>:1" and article.id == "s2"


def test_cp1256_arabic_file_is_decoded(tmp_path):
    path = tmp_path / "alqabas.txt"
    path.write_bytes(f"{TITLE}\r\n\r\n{BODY}".encode("cp1256"))
    [article] = read(path)
    assert (article.title, article.text) == (TITLE, BODY)


def test_iso_8859_6_arabic_is_decoded():
    # "A phone call between the foreign ministers of Kuwait and Belgium"
    text = "اتصال هاتفي بين وزيري خارجية الكويت وبلجيكا"
    assert decode_bytes(text.encode("iso-8859-6")) == text


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(f"{TITLE}\n{BODY}".encode("utf-16"))  # Python writes the BOM
    [article] = read(path)
    assert (article.title, article.text) == (TITLE, BODY)
    assert decode_bytes(b"\xfe\xff" + TITLE.encode("utf-16-be")) == TITLE


def test_undecodable_bytes():
    with pytest.raises(DecodeError, match="undecodable bytes"):
        decode_bytes(b"\x00\xff\xfe\x81\x8d\x8f\x90\x9d" * 20)


def test_undecodable_file_is_an_error(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\xff\xfe\x81\x8d\x8f\x90\x9d" * 20)
    [error] = read(path)
    assert error == ReadError(str(path), "undecodable bytes (not UTF-8, UTF-16 or an Arabic code page)")


def test_missing_path_is_an_error_not_an_exception(tmp_path):
    missing = tmp_path / "nowhere.jsonl"
    good = tmp_path / "a.txt"
    good.write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    error, article = read(missing, good)
    assert error == ReadError(str(missing), "no such file or directory")
    assert article.title == TITLE


def test_jsonl_in_windows_1256_is_streamed_and_decoded(tmp_path):
    path = tmp_path / "legacy.jsonl"
    lines = [jsonl({"id": f"a{i}", "text": BODY}).rstrip("\n") for i in range(3)]
    path.write_bytes("\n".join(lines).encode("cp1256") + b"\n")
    items = read(path)
    assert [a.id for a in items] == ["a0", "a1", "a2"]
    assert all(a.text == BODY for a in items)


def test_jsonl_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.jsonl"
    path.write_bytes(jsonl({"id": "u", "text": BODY}).encode("utf-16"))
    (item,) = read(path)
    assert (item.id, item.text) == ("u", BODY)


# --- hostile and careless inputs ------------------------------------------------------

def test_deeply_nested_json_line_is_one_error_and_the_other_lines_are_read(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_text(jsonl(*[{"id": f"a{i}", "text": BODY} for i in range(150)]) + "[" * 1000 + "\n", encoding="utf-8")
    items = read(path)
    assert [a.id for a in items[:150]] == [f"a{i}" for i in range(150)]
    assert items[150:] == [ReadError(f"{path}:151", "invalid JSON: nested too deeply")]
    document = tmp_path / "n.json"
    document.write_text("[" * 100_000, encoding="utf-8")
    assert read(document) == [ReadError(str(document), "invalid JSON: nested too deeply")]


def test_ids_from_paths_are_unique_within_a_folder(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(f"{TITLE}\n{BODY} {folder}", encoding="utf-8")
        (tmp_path / folder / "feed.jsonl").write_text(jsonl({"text": BODY + folder}), encoding="utf-8")
    assert [a.id for a in read(tmp_path)] == ["a/feed:1", "a/news", "b/feed:1", "b/news"]
    assert [a.id for a in read(tmp_path / "a" / "news.txt")] == ["news"]


def test_an_article_over_the_size_limit_is_one_error(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(jsonl({"id": "big", "text": "ا" * 3000}, {"id": "small", "text": BODY}), encoding="utf-8")
    text = tmp_path / "big.txt"
    text.write_text(TITLE + "\n" + "ب" * 3000, encoding="utf-8")
    items = list(read_articles([path, text], max_article_bytes=4000))
    assert items[0] == ReadError(f"{path}:1", "line larger than 4,000 bytes (the limit for one article)")
    assert items[1].id == "small"
    assert items[2] == ReadError(str(text), "larger than 4,000 bytes (the limit for one input)")


def test_a_utf8_title_over_a_cp1256_body_is_read_in_both_encodings(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes(TITLE.encode("utf-8") + b"\n" + BODY.encode("cp1256"))
    [article] = read(path)
    assert (article.title, article.text) == (TITLE, BODY)


MEMORY_AND_TIME_BOUNDED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (600 * 2**20, 600 * 2**20))
from marsad.io.readers import read_articles
for item in read_articles(sys.argv[1:]):
    print(item)
"""


def test_a_gzip_bomb_a_symlink_to_dev_zero_and_a_fifo_neither_exhaust_memory_nor_hang(tmp_path):
    import gzip
    import os
    import subprocess
    import sys

    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        block = b"\0" * 2**20
        for _ in range(1024):  # 1 GiB of zeros, ~1 MB compressed
            fh.write(block)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "pipe.jsonl")
    (folder / "ok.txt").write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    script = tmp_path / "read.py"
    script.write_text(MEMORY_AND_TIME_BOUNDED, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(bomb), str(tmp_path / "zero.txt"), str(folder)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    bomb_error, zero_error, ok, fifo_error = done.stdout.splitlines()
    assert bomb_error == f"{bomb}: larger than 4,194,304 bytes (the limit for one input)"
    assert zero_error == f"{tmp_path / 'zero.txt'}: not a regular file (a device); skipped"
    assert ok.startswith("Article(id='ok'")
    assert fifo_error == f"{folder / 'pipe.jsonl'}: not a regular file (a FIFO); skipped"


# Three articles in the shape of the SaudiNewsNet release, written for this test: a day's
# JSON array in a zip file named after the day.
SNN_ARTICLES = [
    {"source": "spa", "url": "http://www.spa.gov.sa/1379511", "date_extracted": "2015-08-03 07:12:45",
     "title": "ولي ولي العهد يستقبل سفير فرنسا",
     # "The deputy crown prince received the ambassador of France to the kingdom in Jeddah today."
     "author": "واس", "content": "استقبل ولي ولي العهد السعودي اليوم في جدة سفير فرنسا لدى المملكة."},
    {"source": "okaz", "url": "http://www.okaz.com.sa/new/Issues/20150803/Con20150803790.htm",
     "date_extracted": "2015-08-03 09:30:02", "title": TITLE, "author": "عكاظ (جدة)", "content": BODY},
    {"source": "alriyadh", "url": "http://www.alriyadh.com/1069875", "date_extracted": "2015-07-22 01:05:11",
     "title": TITLE, "author": "", "content": BODY},
]


def write_zip(path, members):
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_saudinewsnet_release_as_distributed(tmp_path):
    release = tmp_path / "dataset"
    release.mkdir()
    write_zip(release / "2015-08-03.zip", {"2015-08-03.json": json.dumps(SNN_ARTICLES[:2], ensure_ascii=False)})
    write_zip(release / "2015-07-22.zip", {"2015-07-22.json": json.dumps(SNN_ARTICLES[2:], ensure_ascii=False),
                                           "__MACOSX/._2015-07-22.json": b"\x00\x05\x16\x07"})
    items = read(release)
    assert all(isinstance(i, Article) for i in items)
    assert [a.source for a in items] == ["alriyadh", "spa", "okaz"]  # archives in name order
    backlog, spa, okaz = items
    assert (spa.title, spa.text, spa.url) == (SNN_ARTICLES[0]["title"], SNN_ARTICLES[0]["content"], SNN_ARTICLES[0]["url"])
    assert spa.published == dt.date(2015, 8, 3)  # the crawl's day
    assert backlog.published is None  # crawled before the daily crawls: the day is unknown
    assert spa.origin == f"{release / '2015-08-03.zip'}/2015-08-03.json[#0]"
    assert all(a.id.startswith("snn-") for a in items) and len({a.id for a in items}) == 3
    assert [a.id for a in read(release)] == [a.id for a in items]  # stable


def test_zip_of_json_lines_and_text_files(tmp_path):
    path = write_zip(tmp_path / "kuna.zip", {
        "2019/03/feed.jsonl": jsonl({"text": BODY}, {"id": "k-2", "text": BODY}, "{oops"),
        "2019/03/kuna-17.txt": f"{TITLE}\n\n{BODY}\n",
        "notes.pdf": b"%PDF-1.4",
        "2019/04/feed.jsonl.gz": gzip.compress(jsonl({"text": BODY}).encode("utf-8")),
    })
    items = read(path)
    articles = [i for i in items if isinstance(i, Article)]
    [error] = [i for i in items if isinstance(i, ReadError)]
    assert [a.id for a in articles] == ["kuna/2019/03/feed:1", "k-2", "kuna/2019/03/kuna-17", "kuna/2019/04/feed:1"]
    assert error.origin == f"{path}/2019/03/feed.jsonl:3" and "invalid JSON" in error.reason
    assert articles[2].title == TITLE


def test_broken_and_hostile_zip_files_are_one_error_each(tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    [error] = read(broken)
    assert "not a readable zip file" in error.reason
    empty = write_zip(tmp_path / "empty.zip", {"readme.pdf": b"x"})
    [error] = read(empty)
    assert "no article files" in error.reason
    # A member that inflates past the limit for one article is refused after the limit.
    bomb = write_zip(tmp_path / "bomb.zip", {"big.txt": b"a" * (3 * 2**20), "ok.txt": f"{TITLE}\n{BODY}"})
    too_big, ok = list(read_articles([str(bomb)], max_article_bytes=2**20))
    assert isinstance(too_big, ReadError) and "larger than" in too_big.reason
    assert isinstance(ok, Article)


def test_a_saudinewsnet_record_with_a_bad_date_is_one_error(tmp_path):
    path = tmp_path / "day.json"
    path.write_text(json.dumps([dict(SNN_ARTICLES[0], date_extracted="yesterday"),
                                dict(SNN_ARTICLES[1], date_extracted=7)], ensure_ascii=False), encoding="utf-8")
    first, second = read(path)
    assert "unreadable `date_extracted`" in first.reason and "not a date string" in second.reason
