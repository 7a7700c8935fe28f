"""Readers: files, directories and stdin to :class:`~marsad.model.Article` items.

:func:`read_articles` yields, in input order, an :class:`Article` for every article it
can read and a :class:`ReadError` for every one it cannot, so a batch goes on past a bad
file or line and the caller can report and count each rejection.

Inputs:

- plain text (``.txt`` or any non-JSON file): the first non-empty line is the title, the
  rest is the body, the id is the file's stem (see below);
- JSON lines (``.jsonl``, ``.ndjson``): one article object per line;
- JSON (``.json``): one article object or a list of them;
- any of these compressed as ``.gz``;
- a ``.zip`` archive: its article files, in name order, each read as above (ids
  ``zipstem/memberstem…``); the SaudiNewsNet release as distributed (zip files of JSON
  arrays of ``title``, ``content``, ``date_extracted``, ``source``, ``url``, ``author``)
  is read this way, see :func:`saudinewsnet_record`;
- a directory: its article files, recursively, in sorted order, hidden ones skipped;
- a ``marsad batch`` output folder: its Parquet articles, in input order;
- ``-``: stdin, read as JSON when it starts with ``{`` or ``[`` and as text otherwise.

Only regular files are read: a FIFO, a device or a socket (even behind a symlink) is one
error, never a read that hangs or never ends. An id taken from a path is the file's
stem, or its path inside the directory given (``a/news``, ``b/news``), so two files of
one folder never share an id; an id-less JSON line gets ``stem:line``.

One article is at most ``max_article_bytes`` (:data:`MAX_ARTICLE_BYTES` by default): a
longer JSON line or text file, compressed or not, is one error, read no further than
the limit; a JSON document or stdin may hold :data:`ARTICLES_PER_DOCUMENT` times that.

An article object has ``text`` (or ``content``/``body``) and optionally ``id``, ``title``,
``published``, ``source`` and ``url``. The text of an article is kept verbatim apart from
line endings, because evidence spans are offsets into it.
"""
from __future__ import annotations

import codecs
import datetime as dt
import functools
import gzip
import hashlib
import json
import os
import re
import stat
import sys
import zipfile
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import IO, Any, BinaryIO, cast

import charset_normalizer

from marsad.model import Article

STDIN_PATH = "-"
STDIN_ORIGIN = "<stdin>"
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
TEXT_SUFFIXES = (".txt", ".text", ".md")
# A directory holds other things too (images, notes, scripts); only these are articles.
ARTICLE_SUFFIXES = JSON_LINES_SUFFIXES + JSON_SUFFIXES + TEXT_SUFFIXES
ARCHIVE_SUFFIXES = (".zip",)
TEXT_FIELDS = ("text", "content", "body")
MAX_ARTICLE_BYTES = 4 * 2**20  # a long news article is ~100 KB; 4 MiB leaves room for any real one
ARTICLES_PER_DOCUMENT = 16  # a .json list or stdin may be this many maximal articles long

# BOM first: a file that declares its encoding is read in it, whatever its bytes look like.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Windows-1256 before ISO-8859-6: it is what Arabic Windows and older Arab news sites
# wrote, and an ISO-8859-6 reading of the same bytes wins only by reading more Arabic.
_ARABIC_CODE_PAGES = ("cp1256", "iso-8859-6")
# How many of the non-ASCII letters must be Arabic: the wrong code page reads Arabic
# bytes partly as accented Latin letters (ISO-8859-6 و, ي read as cp1256 are è, ê).
_MIN_ARABIC_LETTER_SHARE = 0.8
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class DecodeError(ValueError):
    """Bytes that are not text in any encoding marsad reads; ``str()`` says why."""


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read as an article: where (``path``, ``path:line`` or
    ``path[#index]``) and why. ``empty`` marks an article record with an empty text,
    which summaries count apart from broken inputs."""

    origin: str
    reason: str
    empty: bool = False

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


class TooLarge(ValueError):
    """An input over the size limit; ``str()`` says which limit."""


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    stdin: BinaryIO | None = None,
    *,
    max_article_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Article | ReadError]:
    """Yield an :class:`Article` or a :class:`ReadError` for everything in ``paths``.

    ``-`` reads ``stdin`` (a binary stream; ``sys.stdin.buffer`` when not given).
    """
    for path in paths:
        if str(path) == STDIN_PATH:
            fh = stdin if stdin is not None else sys.stdin.buffer
            try:
                data = read_limited(fh, max_article_bytes * ARTICLES_PER_DOCUMENT)
            except TooLarge as exc:
                yield ReadError(STDIN_ORIGIN, str(exc))
                continue
            yield from articles_from_bytes(data, STDIN_ORIGIN, "stdin", fmt=None)
        else:
            yield from _read_path(Path(path), max_article_bytes)


def read_limited(fh: BinaryIO, limit: int) -> bytes:
    """All of ``fh``, reading no more than ``limit`` + 1 bytes; :class:`TooLarge` beyond
    ``limit`` (a decompression bomb is stopped after ``limit`` bytes of output)."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"larger than {limit:,} bytes (the limit for one input)")
    return data


def article_stem(relative: PurePath) -> str:
    """The id an article file gives its articles: its path (inside the folder read, or
    its name) without the ``.gz`` and format suffixes, ``/``-separated.

    >>> article_stem(PurePath("2015-08-01/spa.jsonl.gz"))
    '2015-08-01/spa'
    """
    return relative.with_name(PurePath(_unzipped_name(relative.name)).stem).as_posix()


def decode_bytes(data: bytes) -> str:
    """Decode the bytes of a text file, without its byte-order mark.

    UTF-8 and UTF-16 with a BOM, then strict UTF-8, then the Arabic code pages
    (Windows-1256, ISO-8859-6) when they read as Arabic, then whatever
    charset-normalizer finds plausible. Raises :class:`DecodeError` otherwise.

    >>> decode_bytes("استقبل وزير الخارجية سفير تركيا".encode("cp1256"))
    'استقبل وزير الخارجية سفير تركيا'

    ("The foreign minister received the ambassador of Turkey", saved by Windows Notepad.)
    """
    for bom, encoding, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"invalid {name} at byte {exc.start + len(bom)} after a {name} byte-order mark"
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _mostly_utf8(data):
        # A damaged UTF-8 file, not another encoding: guessing would garble the good part.
        raise DecodeError(f"invalid UTF-8 at byte {utf8_error.start}")
    lines = data.split(b"\n")
    if any(not line.isascii() and _is_utf8(line) for line in lines):
        # Lines from two encodings (a UTF-8 title over a Windows-1256 body): one reading
        # of the whole would garble one part, so each line is read in its own encoding.
        return "\n".join(_decode_line(line, n) for n, line in enumerate(lines, 1))
    text = _arabic_code_page(data)
    if text is not None:
        return text
    match = charset_normalizer.from_bytes(data).best()
    if match is not None and not _CONTROL_CHARS.search(str(match)):
        return str(match)
    raise DecodeError("undecodable bytes (not UTF-8, UTF-16 or an Arabic code page)")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_line(line: bytes, number: int) -> str:
    if _is_utf8(line):
        return line.decode("utf-8")
    text = _arabic_code_page(line)
    if text is None:
        raise DecodeError(f"line {number} is neither UTF-8 nor an Arabic code page, unlike the others")
    return text


def _mostly_utf8(data: bytes) -> bool:
    """More valid UTF-8 multi-byte characters than invalid bytes.

    Arabic code-page text almost never forms a valid UTF-8 sequence (a letter byte
    followed by a continuation byte), so this separates the two cleanly.
    """
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return non_ascii - invalid > invalid


def _arabic_code_page(data: bytes) -> str | None:
    best, best_share = None, 0.0
    for encoding in _ARABIC_CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _CONTROL_CHARS.search(text):
            continue
        share = _arabic_letter_share(text)
        if share > best_share:
            best, best_share = text, share
    return best if best_share >= _MIN_ARABIC_LETTER_SHARE else None


def _arabic_letter_share(text: str) -> float:
    letters = [c for c in text if c > "\x7f" and c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_path(path: Path, limit: int) -> Iterator[Article | ReadError]:
    try:
        is_dir = stat.S_ISDIR(path.stat().st_mode)
    except OSError as exc:
        reason = "no such file or directory" if isinstance(exc, FileNotFoundError) else f"cannot read: {exc.strerror}"
        yield ReadError(str(path), reason)
        return
    if is_dir and (path / "articles").is_dir() and (path / "events").is_dir():
        yield from read_batch_output(path)
    elif is_dir:
        yield from _read_directory(path, limit)
    else:
        yield from _read_file(path, article_stem(PurePath(path.name)), limit)


def read_batch_output(folder: Path) -> Iterator[Article | ReadError]:
    """The articles of a ``marsad batch`` output folder, in input order.

    A batch writes ``articles/month=…/part-NNNNNN.parquet``, one part per input chunk
    and month, rows carrying their ``position`` in the input: the parts of one chunk
    are read at a time (bounded memory) and sorted by position.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    parts: dict[int, list[Path]] = defaultdict(list)
    for path in folder.glob("articles/month=*/part-*.parquet"):
        parts[int(path.stem.removeprefix("part-"))].append(path)
    try:
        for chunk in sorted(parts):
            rows = sorted((r for path in parts[chunk] for r in pq.read_table(path).to_pylist()),
                          key=lambda r: r["position"])
            for r in rows:
                yield Article(r["id"], r["title"], r["text"], r["published"], r["source"], r["url"], r["origin"])
    except (OSError, ValueError, pa.ArrowException) as exc:
        yield ReadError(str(folder), f"cannot read the batch output: {exc}")


def _read_directory(root: Path, limit: int) -> Iterator[Article | ReadError]:
    files: list[Path] = []
    unreadable: list[OSError] = []
    for folder, subfolders, names in os.walk(root, onerror=unreadable.append):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        files += [Path(folder, n) for n in names if not n.startswith(".") and _is_article_file(n)]
    for exc in unreadable:
        yield ReadError(str(exc.filename or root), f"cannot read directory: {exc.strerror or exc}")
    if not files and not unreadable:
        yield ReadError(str(root), f"no article files ({', '.join(ARTICLE_SUFFIXES + ARCHIVE_SUFFIXES)}, "
                                   "or .gz) in directory")
    for path in sorted(files, key=lambda p: p.relative_to(root).parts):
        yield from _read_file(path, article_stem(path.relative_to(root)), limit)


def _open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading if it is a regular file (after symlinks); a FIFO is
    opened without blocking, so asking what it is never waits for a writer."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                    else "a socket" if stat.S_ISSOCK(mode) else "a directory" if stat.S_ISDIR(mode) else "special")
            raise NotRegularFile(f"not a regular file ({kind}); skipped")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


class NotRegularFile(OSError):
    """A path that is no regular file: only regular files are read."""


def _is_article_file(name: str, archives: bool = True) -> bool:
    return (_unzipped_name(name).lower().endswith(ARTICLE_SUFFIXES)
            or (archives and name.lower().endswith(ARCHIVE_SUFFIXES)))


def _unzipped_name(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def _read_file(path: Path, stem: str, limit: int) -> Iterator[Article | ReadError]:
    if path.name.lower().endswith(ARCHIVE_SUFFIXES):
        yield from _read_zip(path, stem, limit)
    else:
        yield from _read_stream(lambda: _open_regular(path), str(path), path.name, stem, limit)


# What reading a damaged archive or compressed stream raises: zipfile's own errors, an
# unsupported compression method (NotImplementedError), an encrypted member (RuntimeError).
_BROKEN = (OSError, EOFError, zlib.error, zipfile.BadZipFile, NotImplementedError, RuntimeError)


def _read_stream(open_raw: Callable[[], IO[bytes]], origin: str, name: str, stem: str,
                 limit: int) -> Iterator[Article | ReadError]:
    """The articles of one file (or archive member) called ``name``, read by its suffix."""
    unzipped = _unzipped_name(name)
    gzipped = unzipped != name
    suffix = PurePath(unzipped).suffix.lower()
    fmt = "jsonl" if suffix in JSON_LINES_SUFFIXES else "json" if suffix in JSON_SUFFIXES else "text"
    try:
        with open_raw() as raw, cast(BinaryIO, gzip.open(raw) if gzipped else raw) as fh:
            if fmt == "jsonl":
                yield from json_lines_stream(fh, origin, stem, limit)
                return
            data = read_limited(fh, limit * ARTICLES_PER_DOCUMENT if fmt == "json" else limit)
    except (TooLarge, NotRegularFile) as exc:
        yield ReadError(origin, str(exc))
        return
    except _BROKEN as exc:
        what = "not a readable gzip file" if gzipped and not isinstance(exc, FileNotFoundError) else "cannot read"
        yield ReadError(origin, f"{what}: {getattr(exc, 'strerror', None) or exc}")
        return
    yield from articles_from_bytes(data, origin, stem, fmt)


def _read_zip(path: Path, stem: str, limit: int) -> Iterator[Article | ReadError]:
    yield from read_zip(lambda: _open_regular(path), str(path), stem, limit)


def read_zip(open_raw: Callable[[], IO[bytes]], origin: str, stem: str,
             limit: int = MAX_ARTICLE_BYTES) -> Iterator[Article | ReadError]:
    """The article files of a zip archive (``open_raw`` opens it, seekable), in name
    order; a member's origin is ``archive.zip/member`` and its id stem
    ``archive/member`` (without suffixes). Each member is read no further than the
    limits, so a zip bomb is one error per member."""
    try:
        raw = open_raw()
    except (NotRegularFile, OSError) as exc:
        yield ReadError(origin, str(exc) if isinstance(exc, NotRegularFile) else f"cannot read: {exc.strerror or exc}")
        return
    with raw:
        try:
            archive = zipfile.ZipFile(raw)
            members = sorted((i for i in archive.infolist() if _is_zip_article(i)), key=lambda i: i.filename)
        except (*_BROKEN, ValueError) as exc:
            yield ReadError(origin, f"not a readable zip file: {exc}")
            return
        with archive:
            if not members:
                yield ReadError(origin, f"no article files ({', '.join(ARTICLE_SUFFIXES)}, or .gz) in the zip file")
            for info in members:
                member = PurePath(info.filename)
                yield from _read_stream(functools.partial(archive.open, info), f"{origin}/{info.filename}",
                                        member.name, f"{stem}/{article_stem(member)}", limit)


def _is_zip_article(info: zipfile.ZipInfo) -> bool:
    parts = PurePath(info.filename).parts
    # macOS archives carry a __MACOSX folder of resource forks beside the real files.
    return (not info.is_dir() and bool(parts) and not any(p.startswith(".") or p == "__MACOSX" for p in parts)
            and _is_article_file(parts[-1], archives=False))


def articles_from_bytes(data: bytes, origin: str, stem: str, fmt: str | None) -> Iterator[Article | ReadError]:
    """Read one input's bytes as ``fmt`` ("text", "json", "jsonl", or None to sniff)."""
    try:
        text = _normalize_newlines(decode_bytes(data))
    except DecodeError as exc:
        json_lines = fmt == "jsonl" or (fmt != "text" and data.lstrip()[:1] == b"{")
        if json_lines and _mostly_utf8(data):
            # One damaged line must not cost a JSON-lines file its other articles.
            yield from articles_from_json_lines(_decode_utf8_lines(data), origin, stem)
        else:
            yield ReadError(origin, str(exc))
        return
    if fmt is None:
        fmt = "json" if text.lstrip()[:1] in ("{", "[") else "text"
    if fmt == "jsonl":
        yield from articles_from_json_lines(_numbered_lines(text), origin, stem)
    elif fmt == "json":
        yield from _read_json_document(text, origin, stem)
    else:
        yield _text_article(text, origin, stem)


def json_lines_stream(fh: BinaryIO, origin: str, stem: str, limit: int) -> Iterator[Article | ReadError]:
    """JSON lines read one line at a time (a corpus need not fit in memory). Each line
    is UTF-8 as JSON requires; a line in an Arabic code page is decoded as such; a
    UTF-16 file (BOM) is read whole. A line over ``limit`` bytes is one error."""
    head = fh.peek(2)[:2] if hasattr(fh, "peek") else b""
    if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        yield from articles_from_bytes(read_limited(fh, limit * ARTICLES_PER_DOCUMENT), origin, stem, "jsonl")
        return
    yield from articles_from_json_lines(decoded_lines(fh, limit), origin, stem)


def _bounded_lines(fh: BinaryIO, limit: int) -> Iterator[bytes | TooLarge]:
    """The lines of ``fh``, each read no further than ``limit`` bytes: a longer line
    comes as :class:`TooLarge` and is skipped a megabyte at a time."""
    while line := fh.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = fh.readline(2**20)
        yield TooLarge(f"line larger than {limit:,} bytes (the limit for one article)")


def decoded_lines(fh: BinaryIO, limit: int = MAX_ARTICLE_BYTES) -> Iterator[tuple[int, str | ValueError]]:
    """``(line number, text)`` for every line of a JSON-lines stream, or the reason a
    line cannot be read (:class:`DecodeError`, :class:`TooLarge`)."""
    utf8_seen = False  # an earlier line with Arabic in valid UTF-8: the file is UTF-8
    for number, raw in enumerate(_bounded_lines(fh, limit), 1):
        if isinstance(raw, TooLarge):
            yield number, raw
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            line = raw.decode("utf-8")
            utf8_seen = utf8_seen or not line.isascii()
            yield number, _normalize_newlines(line).rstrip("\n")
        except UnicodeDecodeError as exc:
            damaged = DecodeError(f"invalid UTF-8 at byte {exc.start} of the line")
            if utf8_seen or _mostly_utf8(raw):
                yield number, damaged  # a damaged UTF-8 line, not another encoding
                continue
            try:
                yield number, _normalize_newlines(decode_bytes(raw)).rstrip("\n")
            except DecodeError:
                yield number, damaged


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    # Split on "\n" only: str.splitlines() would also split at U+2028 and other
    # separators that JSON allows unescaped inside strings.
    return enumerate(text.split("\n"), 1)


def _decode_utf8_lines(data: bytes) -> Iterator[tuple[int, str | ValueError]]:
    for number, line in enumerate(data.removeprefix(codecs.BOM_UTF8).split(b"\n"), 1):
        try:
            yield number, _normalize_newlines(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield number, DecodeError(f"invalid UTF-8 at byte {exc.start} of the line")


def _text_article(text: str, origin: str, stem: str) -> Article | ReadError:
    title, _, body = text.lstrip().partition("\n")
    if not title:
        return ReadError(origin, "empty: no title or text")
    return Article(id=stem, title=title.strip(), text=body.strip(), origin=origin)


def articles_from_json_lines(
    lines: Iterable[tuple[int, str | ValueError]], origin: str, stem: str
) -> Iterator[Article | ReadError]:
    """The articles of numbered JSON lines (as :func:`decoded_lines` gives them); an
    id-less line gets ``stem:line``."""
    seen = False
    for number, line in lines:
        where = f"{origin}:{number}"
        if isinstance(line, ValueError):
            seen = True
            yield ReadError(where, str(line))
            continue
        if not line.strip():
            continue
        seen = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except RecursionError:
            yield ReadError(where, TOO_DEEP)
            continue
        yield article_from_record(record, where, default_id=f"{stem}:{number}")
    if not seen:
        yield ReadError(origin, "empty: no articles")


def _read_json_document(text: str, origin: str, stem: str) -> Iterator[Article | ReadError]:
    try:
        document = json.loads(text)
    except RecursionError:
        yield ReadError(origin, TOO_DEEP)
        return
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{"):
            # Several objects one after another: JSON lines under a .json name or on stdin.
            yield from articles_from_json_lines(_numbered_lines(text), origin, stem)
        else:
            yield ReadError(f"{origin}:{exc.lineno}", f"invalid JSON: {exc.msg} (column {exc.colno})")
        return
    if isinstance(document, list):
        if not document:
            yield ReadError(origin, "empty: no articles")
        for index, record in enumerate(document):
            yield article_from_record(record, f"{origin}[#{index}]", default_id=f"{stem}#{index}")
    else:
        yield article_from_record(document, origin, default_id=stem)


TOO_DEEP = "invalid JSON: nested too deeply"


def article_from_record(record: Any, origin: str, default_id: str) -> Article | ReadError:
    """An article from one decoded JSON value, or why it is not one."""
    if not isinstance(record, dict):
        return ReadError(origin, f"expected an article object, got {_json_type(record)}")
    try:
        if "date_extracted" in record and "published" not in record:
            record = saudinewsnet_record(record)
        text = _record_text(record)
        article_id = record.get("id")
        if article_id is None or article_id == "":
            article_id = default_id
        elif isinstance(article_id, (str, int)) and not isinstance(article_id, bool):
            article_id = str(article_id)
        else:
            raise ValueError(f"`id` is {_json_type(article_id)}, not a string or number")
        return Article(
            id=article_id,
            title=_optional_string(record, "title") or "",
            text=text,
            published=_published_date(record.get("published")),
            source=_optional_string(record, "source"),
            url=_optional_string(record, "url"),
            origin=origin,
        )
    except EmptyText as exc:
        return ReadError(origin, str(exc), empty=True)
    except ValueError as exc:
        return ReadError(origin, str(exc))


# SaudiNewsNet's crawler ran daily from 1 August 2015; its first runs (21-31 July) also
# collected the sites' back catalogue, so before this day the crawl time says nothing of
# when an article appeared, and an article's relative dates (اليوم "today") cannot be
# resolved from it.
SAUDINEWSNET_DAILY_FROM = dt.date(2015, 8, 1)


def saudinewsnet_record(record: dict[str, Any]) -> dict[str, Any]:
    """A record of the SaudiNewsNet release (M. Alhagri, 2015: ``source``, ``url``,
    ``date_extracted``, ``title``, ``author``, ``content``) as an article record.

    The id is ``snn-`` and the first 12 hex digits of the URL's SHA-256 (stable across
    the release's files, and the same article crawled twice is one article); the
    publication date is the crawl's day from 1 August 2015 (:data:`SAUDINEWSNET_DAILY_FROM`),
    unknown before. The text is ``content``.

    >>> r = saudinewsnet_record({"source": "spa", "url": "http://www.spa.gov.sa/1", "title": "t",
    ...                          "date_extracted": "2015-08-03 07:12:45", "content": "نص"})
    >>> r["id"], r["published"]
    ('snn-c79766a2d984', '2015-08-03')
    """
    out = dict(record)
    extracted = record.get("date_extracted")
    if extracted is not None and not isinstance(extracted, str):
        raise ValueError(f"`date_extracted` is {_json_type(extracted)}, not a date string")
    out["published"] = None
    if extracted and extracted.strip():
        try:
            day = dt.datetime.fromisoformat(extracted.strip()).date()
        except ValueError:
            raise ValueError(f"unreadable `date_extracted` {extracted[:40]!r} (expected YYYY-MM-DD HH:MM:SS)") from None
        out["published"] = day.isoformat() if day >= SAUDINEWSNET_DAILY_FROM else None
    url = _optional_string(record, "url")
    if url and record.get("id") in (None, ""):
        out["id"] = "snn-" + hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:12]
    return out


class EmptyText(ValueError):
    """An article record whose text is empty or blank."""


def _record_text(record: dict[str, Any]) -> str:
    key = next((k for k in TEXT_FIELDS if record.get(k) is not None), None)
    if key is None:
        raise ValueError("no article text (expected a `text`, `content` or `body` field)")
    text = record[key]
    if not isinstance(text, str):
        raise ValueError(f"`{key}` is {_json_type(text)}, not a string")
    if not text.strip():
        raise EmptyText(f"`{key}` is empty")
    return text


def _optional_string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"`{key}` is {_json_type(value)}, not a string")
    return value


def _published_date(value: Any) -> dt.date | None:
    """The publication date of ``YYYY-MM-DD`` or an ISO date-time, as written.

    A time zone is not converted: the outlet's own calendar day is the one its
    relative dates (``أمس``, yesterday) count from.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"`published` is {_json_type(value)}, not a date string")
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        raise ValueError(
            f"unreadable `published` date {value!r} (expected YYYY-MM-DD or an ISO date-time)"
        ) from None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"
