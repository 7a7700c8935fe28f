"""Random input never breaks a reader or the upload API: random bytes and random JSON
(wrong types, deep nesting, long strings) in every input format, and as the body of
``POST /api/articles``. A reader yields an article or a counted error for every item, and
never raises; the API answers 2xx or 4xx with a message, never 500."""
import gzip
import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.io.readers import ReadError, read_articles
from marsad.model import Article
from marsad.web.app import create_app

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LIMIT = 4096  # bytes per article: small, so long strings cross it often and cheaply
TOKEN = "fuzz-token"
FIELDS = ("id", "title", "text", "content", "body", "published", "date_extracted", "source", "url", "author")
# Arabic letters, digits, spaces and punctuation: text the extractor actually works on.
ARABIC = st.text(alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى ًٌٍَُِّْ٠١٢،.؟\n 0123456789"),
                 max_size=300)
# Long strings, around the limit for one article (bounded: this is not a memory test).
LONG = st.builds(lambda unit, n: unit * n, st.text(min_size=1, max_size=3), st.integers(LIMIT // 2, 2 * LIMIT))
STRINGS = st.one_of(st.text(max_size=200), ARABIC, LONG)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), STRINGS)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), inner,
                                                 max_size=6)), max_leaves=20)
# Article-like objects: the fields readers look at, each holding any kind of value.
RECORDS = st.one_of(VALUES, st.fixed_dictionaries({}, optional={k: VALUES for k in FIELDS}),
                    st.fixed_dictionaries({"text": ARABIC}, optional={k: SCALARS for k in FIELDS if k != "text"}))


@st.composite
def deep(draw) -> str:
    """JSON nested far past Python's recursion limit, closed or not, maybe inside an article."""
    depth = draw(st.integers(500, 5000))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}"), ('{"text":[', "]}")]))
    nested = opener * depth + "1" + closer * depth * draw(st.integers(0, 1))
    return draw(st.sampled_from([nested, '{"id": "x", "text": ' + nested + "}"]))


LINES = st.lists(st.one_of(RECORDS.map(lambda v: json.dumps(v, ensure_ascii=False)), deep()), min_size=1, max_size=6)


def read(path: Path, **kwargs) -> list[Article | ReadError]:
    items = list(read_articles([str(path)], max_article_bytes=LIMIT, **kwargs))
    for item in items:
        assert isinstance(item, (Article, ReadError)), item
        if isinstance(item, Article):
            assert isinstance(item.id, str) and item.id and isinstance(item.title, str)
            assert isinstance(item.text, str) and (item.title + item.text).strip()  # a text file may be a title alone
            assert len(item.text.encode("utf-8")) <= LIMIT * 16
        else:
            assert item.origin and item.reason
    assert items, "every input is an article or a counted error"
    return items


@pytest.fixture()
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def in_folder(data: bytes, name: str) -> list[Article | ReadError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, name)
        path.write_bytes(data)
        return read(path)


def zipped(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


NAMES = ["a.jsonl", "a.json", "a.txt", "a.jsonl.gz", "a.json.gz", "a.txt.gz", "a.zip"]


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(NAMES))
def test_random_bytes_in_every_format(data, name):
    in_folder(data, name)


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(["a.jsonl", "a.json", "a.txt"]), gz=st.booleans())
def test_random_bytes_compressed_or_zipped(data, name, gz):
    if gz:
        in_folder(gzip.compress(data), name + ".gz")
    else:
        in_folder(zipped(name, data), "archive.zip")


def in_container(data: bytes, container: str, name: str, *, member: str, archive: str) -> list[Article | ReadError]:
    """``data`` read as file ``name``, as ``name``.gz, or as ``member`` of the zip ``archive``."""
    if container == "gz":
        return in_folder(gzip.compress(data), name + ".gz")
    if container == "zip":
        return in_folder(zipped(member, data), archive)
    return in_folder(data, name)


@FUZZ
@given(lines=LINES, container=st.sampled_from(["plain", "gz", "zip"]))
def test_every_json_line_is_one_article_or_one_error(lines, container):
    data = "\n".join(lines).encode("utf-8") + b"\n"
    items = in_container(data, container, "a.jsonl", member="day/a.jsonl", archive="a.zip")
    assert len(items) == len(lines)


@FUZZ
@given(records=st.lists(RECORDS, min_size=1, max_size=6), container=st.sampled_from(["plain", "gz", "zip"]))
def test_every_record_of_a_json_list_is_one_article_or_one_error(records, container):
    data = json.dumps(records, ensure_ascii=False).encode("utf-8")
    items = in_container(data, container, "a.json", member="2015-08-03.json", archive="2015-08-03.zip")
    if len(data) <= LIMIT * 16:
        assert len(items) == len(records)


@FUZZ
@given(document=st.one_of(RECORDS.map(lambda v: json.dumps(v, ensure_ascii=False)), deep(), STRINGS))
def test_stdin_and_text_files(document):
    data = document.encode("utf-8", errors="surrogatepass")
    items = list(read_articles(["-"], stdin=io.BytesIO(data), max_article_bytes=LIMIT))
    assert items and all(isinstance(i, (Article, ReadError)) for i in items)
    in_folder(data, "a.txt")


# --------------------------------------------------------------------- upload API -------

@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "upload.db"
    return TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False)


def post(client, body: bytes):
    r = client.post("/api/articles", content=body,
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert r.status_code in (201, 202, 400, 413, 422), (body[:200], r.status_code, r.text[:300])
    answer = r.json()
    if r.status_code >= 400:
        assert answer["detail"]
    elif r.status_code == 201:
        assert answer["read"] == answer["new"] + answer["updated"] + answer["unchanged"] + sum(
            "extraction failed" in e for e in answer["errors"])
    return r


@FUZZ
@given(body=st.one_of(st.binary(max_size=2000), deep().map(str.encode),
                      RECORDS.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8", "surrogatepass")),
                      st.lists(RECORDS, max_size=5).map(lambda v: json.dumps(v).encode())))
def test_upload_never_fails_with_a_server_error(client, body):
    post(client, body)


@FUZZ
@given(articles=st.lists(st.fixed_dictionaries({"id": st.text(min_size=1, max_size=20), "text": ARABIC},
                                               optional={"title": STRINGS, "source": st.text(max_size=20),
                                                         "url": st.text(max_size=40)}), min_size=1, max_size=4))
def test_well_formed_uploads_are_stored_or_refused_with_a_reason(client, articles):
    r = post(client, json.dumps(articles, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    if r.status_code == 201:
        assert r.json()["read"] == len(articles)
