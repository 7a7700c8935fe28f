"""Readers: files, directories and stdin to :class:`~marsad.model.Article` items.

:func:`read_articles` yields, in input order, an :class:`Article` for every article it
can read and a :class:`ReadError` for every one it cannot, so a batch goes on past a bad
file or line and the caller can report and count each rejection.

Inputs:

- plain text (``.txt`` or any non-JSON file): the first non-empty line is the title, the
  rest is the body, the id is the file stem;
- JSON lines (``.jsonl``, ``.ndjson``): one article object per line;
- JSON (``.json``): one article object or a list of them;
- any of these compressed as ``.gz``;
- a directory: its article files, recursively, in sorted order, hidden ones skipped;
- ``-``: stdin, read as JSON when it starts with ``{`` or ``[`` and as text otherwise.

An article object has ``text`` (or ``content``/``body``) and optionally ``id``, ``title``,
``published``, ``source`` and ``url``. The text of an article is kept verbatim apart from
line endings, because evidence spans are offsets into it.
"""
from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import charset_normalizer

from marsad.model import Article

STDIN_PATH = "-"
STDIN_ORIGIN = "<stdin>"
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
TEXT_SUFFIXES = (".txt", ".text", ".md")
# A directory holds other things too (images, notes, scripts); only these are articles.
ARTICLE_SUFFIXES = JSON_LINES_SUFFIXES + JSON_SUFFIXES + TEXT_SUFFIXES
TEXT_FIELDS = ("text", "content", "body")

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
    ``path[#index]``) and why."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def read_articles(
    paths: Iterable[str | os.PathLike[str]], stdin: BinaryIO | None = None
) -> Iterator[Article | ReadError]:
    """Yield an :class:`Article` or a :class:`ReadError` for everything in ``paths``.

    ``-`` reads ``stdin`` (a binary stream; ``sys.stdin.buffer`` when not given).
    """
    for path in paths:
        if str(path) == STDIN_PATH:
            data = (stdin if stdin is not None else sys.stdin.buffer).read()
            yield from _read_bytes(data, STDIN_ORIGIN, "stdin", fmt=None)
        else:
            yield from _read_path(Path(path))


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
    text = _arabic_code_page(data)
    if text is not None:
        return text
    match = charset_normalizer.from_bytes(data).best()
    if match is not None and not _CONTROL_CHARS.search(str(match)):
        return str(match)
    raise DecodeError("undecodable bytes (not UTF-8, UTF-16 or an Arabic code page)")


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


def _read_path(path: Path) -> Iterator[Article | ReadError]:
    if path.is_dir() and (path / "articles").is_dir() and (path / "events").is_dir():
        yield from _read_batch_output(path)
    elif path.is_dir():
        yield from _read_directory(path)
    elif path.exists():
        yield from _read_file(path)
    else:
        yield ReadError(str(path), "no such file or directory")


def _read_batch_output(root: Path) -> Iterator[Article | ReadError]:
    """The articles of a ``marsad batch`` output folder (Parquet), in their input order."""
    try:
        from marsad.batch import read_batch_articles
    except ImportError as exc:
        yield ReadError(str(root), f"a marsad batch output needs the dask extras: {exc}")
        return
    try:
        yield from read_batch_articles(str(root))
    except (OSError, ValueError) as exc:
        yield ReadError(str(root), f"cannot read the batch output: {exc}")


def _read_directory(root: Path) -> Iterator[Article | ReadError]:
    files: list[Path] = []
    unreadable: list[OSError] = []
    for folder, subfolders, names in os.walk(root, onerror=unreadable.append):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        files += [Path(folder, n) for n in names if not n.startswith(".") and _is_article_file(n)]
    for exc in unreadable:
        yield ReadError(str(exc.filename or root), f"cannot read directory: {exc.strerror or exc}")
    if not files and not unreadable:
        yield ReadError(str(root), f"no article files ({', '.join(ARTICLE_SUFFIXES)}, or .gz) in directory")
    for path in sorted(files, key=lambda p: p.relative_to(root).parts):
        yield from _read_file(path)


def _is_article_file(name: str) -> bool:
    return _unzipped_name(name).lower().endswith(ARTICLE_SUFFIXES)


def _unzipped_name(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def _read_file(path: Path) -> Iterator[Article | ReadError]:
    origin = str(path)
    name = _unzipped_name(path.name)
    if Path(name).suffix.lower() in JSON_LINES_SUFFIXES:
        yield from _stream_json_lines(path, origin, Path(name).stem, gzipped=name != path.name)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(origin, f"cannot read: {exc.strerror or exc}")
        return
    name = _unzipped_name(path.name)
    if name != path.name:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            yield ReadError(origin, f"not a readable gzip file: {exc}")
            return
    suffix = Path(name).suffix.lower()
    fmt = "jsonl" if suffix in JSON_LINES_SUFFIXES else "json" if suffix in JSON_SUFFIXES else "text"
    yield from _read_bytes(data, origin, Path(name).stem, fmt)


def _read_bytes(data: bytes, origin: str, stem: str, fmt: str | None) -> Iterator[Article | ReadError]:
    """Read one input's bytes as ``fmt`` ("text", "json", "jsonl", or None to sniff)."""
    try:
        text = _normalize_newlines(decode_bytes(data))
    except DecodeError as exc:
        json_lines = fmt == "jsonl" or (fmt != "text" and data.lstrip()[:1] == b"{")
        if json_lines and _mostly_utf8(data):
            # One damaged line must not cost a JSON-lines file its other articles.
            yield from _read_json_lines(_decode_utf8_lines(data), origin, stem)
        else:
            yield ReadError(origin, str(exc))
        return
    if fmt is None:
        fmt = "json" if text.lstrip()[:1] in ("{", "[") else "text"
    if fmt == "jsonl":
        yield from _read_json_lines(_numbered_lines(text), origin, stem)
    elif fmt == "json":
        yield from _read_json_document(text, origin, stem)
    else:
        yield _text_article(text, origin, stem)


def _stream_json_lines(path: Path, origin: str, stem: str, *, gzipped: bool) -> Iterator[Article | ReadError]:
    """JSON lines read one line at a time (a corpus need not fit in memory). Each line
    is UTF-8 as JSON requires; a line in an Arabic code page is decoded as such; a
    UTF-16 file (BOM) is read whole."""
    opener = gzip.open if gzipped else open
    try:
        with opener(path, "rb") as fh:
            head = fh.peek(2)[:2] if hasattr(fh, "peek") else b""
            if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
                yield from _read_bytes(fh.read(), origin, stem, "jsonl")
                return
            yield from _read_json_lines(_decoded_lines(fh), origin, stem)
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(origin, f"cannot read: {getattr(exc, 'strerror', None) or exc}")


def _decoded_lines(fh) -> Iterator[tuple[int, str | DecodeError]]:
    utf8_seen = False  # an earlier line with Arabic in valid UTF-8: the file is UTF-8
    for number, raw in enumerate(fh, 1):
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


def _decode_utf8_lines(data: bytes) -> Iterator[tuple[int, str | DecodeError]]:
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


def _read_json_lines(
    lines: Iterable[tuple[int, str | DecodeError]], origin: str, stem: str
) -> Iterator[Article | ReadError]:
    seen = False
    for number, line in lines:
        where = f"{origin}:{number}"
        if isinstance(line, DecodeError):
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
        yield _record_article(record, where, default_id=f"{stem}:{number}")
    if not seen:
        yield ReadError(origin, "empty: no articles")


def _read_json_document(text: str, origin: str, stem: str) -> Iterator[Article | ReadError]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith("{"):
            # Several objects one after another: JSON lines under a .json name or on stdin.
            yield from _read_json_lines(_numbered_lines(text), origin, stem)
        else:
            yield ReadError(f"{origin}:{exc.lineno}", f"invalid JSON: {exc.msg} (column {exc.colno})")
        return
    if isinstance(document, list):
        if not document:
            yield ReadError(origin, "empty: no articles")
        for index, record in enumerate(document):
            yield _record_article(record, f"{origin}[#{index}]", default_id=f"{stem}#{index}")
    else:
        yield _record_article(document, origin, default_id=stem)


def _record_article(record: Any, origin: str, default_id: str) -> Article | ReadError:
    """An article from one decoded JSON value, or why it is not one."""
    if not isinstance(record, dict):
        return ReadError(origin, f"expected an article object, got {_json_type(record)}")
    try:
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
    except ValueError as exc:
        return ReadError(origin, str(exc))


def _record_text(record: dict[str, Any]) -> str:
    key = next((k for k in TEXT_FIELDS if record.get(k) is not None), None)
    if key is None:
        raise ValueError("no article text (expected a `text`, `content` or `body` field)")
    text = record[key]
    if not isinstance(text, str):
        raise ValueError(f"`{key}` is {_json_type(text)}, not a string")
    if not text.strip():
        raise ValueError(f"`{key}` is empty")
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
