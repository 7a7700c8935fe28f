"""The feeds file: what to watch, and which non-public hosts the watcher may reach.

One feed a line: the address, then optionally the outlet's source id and its home
country (ISO 3166-1 alpha-3), separated by a TAB (spaces work too, since no column holds
one); ``-`` leaves a source id out; ``#`` starts a comment::

    # Kuwait News Agency, local news
    https://www.kuna.net.kw/rss/local.xml	kuna	KWT
    https://wam.ae/ar/rss/politics	wam
    https://suna-sd.net/ar/politics	-	SDN

The watcher refuses addresses on this machine or on a private network (a feed's links
could otherwise make it read internal services); an ``allow`` line names hosts it may
reach anyway, as written in the addresses::

    allow	news.intranet.example	10.0.0.7

>>> parse_interval("10m"), parse_interval("1h30m"), parse_interval("45")
(600.0, 5400.0, 45.0)
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from marsad.io.readers import DecodeError, decode_bytes
from marsad.lexicon import read_rows
from marsad.watch.addresses import canonical_url

_INTERVAL_PART = re.compile(r"(\d+(?:\.\d+)?)([smh]?)", re.I)
_INTERVAL_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600}
_SOURCE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_HOST = re.compile(r"[\w.:-]+")


@dataclass(frozen=True, slots=True)
class Feed:
    """One thing to watch: a feed or a section page, with its outlet's id and country."""

    url: str
    source: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Watchlist:
    """A feeds file read: the feeds, and the hosts allowed although not public."""

    feeds: list[Feed]
    allow: frozenset[str] = field(default_factory=frozenset)


class FeedsFileError(ValueError):
    """A feeds file with bad lines; ``problems`` holds one ``path:line: why`` per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def load_feeds(path: str | os.PathLike) -> Watchlist:
    """The feeds and allowed hosts listed in ``path``; raises :class:`FeedsFileError`
    naming every bad line."""
    path = Path(path)
    try:
        text = decode_bytes(path.read_bytes())
    except OSError as exc:
        raise FeedsFileError([f"{path}: cannot read: {exc.strerror or exc}"]) from None
    except DecodeError as exc:
        raise FeedsFileError([f"{path}: {exc}"]) from None
    countries = _country_codes()
    feeds: list[Feed] = []
    allow: set[str] = set()
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        columns = re.sub(r"(?:^|\s)#.*", "", raw).split()
        if not columns:
            continue
        where = f"{path}:{number}"
        try:
            if columns[0].lower() == "allow":
                allow.update(_allow_line(columns[1:]))
                continue
            feed = _feed_line(columns, countries)
        except ValueError as exc:
            problems.append(f"{where}: {exc}")
            continue
        key = canonical_url(feed.url)
        if key in first_line:
            problems.append(f"{where}: {feed.url} is already listed on line {first_line[key]}")
            continue
        first_line[key] = number
        feeds.append(feed)
    if problems:
        raise FeedsFileError(problems)
    if not feeds:
        raise FeedsFileError([f"{path}: no feeds listed"])
    return Watchlist(feeds, frozenset(allow))


def _feed_line(columns: list[str], countries: frozenset[str]) -> Feed:
    if len(columns) > 3:
        raise ValueError(f"expected URL [source-id [country]], found {len(columns)} columns")
    url, *rest = columns
    source, country = [*rest, None, None][:2]
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) address: {url!r}")
    if source == "-":
        source = None
    if source is not None and not _SOURCE_ID.fullmatch(source):
        raise ValueError(f"bad source id {source!r} (letters, digits, '.', '_' and '-')")
    if country is not None:
        country = country.upper()
        if country not in countries:
            raise ValueError(f"unknown country code {country!r} (expected ISO 3166-1 alpha-3, e.g. KWT)")
    return Feed(url, source, country)


def _allow_line(hosts: list[str]) -> set[str]:
    if not hosts:
        raise ValueError("expected: allow HOST [HOST ...]")
    bad = [h for h in hosts if not _HOST.fullmatch(h)]
    if bad:
        raise ValueError(f"not a host name or address: {bad[0]!r} (write the host alone, e.g. 10.0.0.7)")
    return {h.lower().strip("[]") for h in hosts}


def _country_codes() -> frozenset[str]:
    return frozenset(row[0] for row in read_rows("countries.tsv"))


def parse_interval(value: str) -> float:
    """Seconds in ``"90"``, ``"30s"``, ``"10m"``, ``"1h"`` or ``"1h30m"``; ``ValueError`` else."""
    text = value.strip().replace(" ", "")
    parts = list(_INTERVAL_PART.finditer(text))
    # "1h30" could mean 30 minutes or 30 seconds: only a lone number goes without a unit.
    unitless = len(parts) > 1 and any(not p.group(2) for p in parts)
    if not text or unitless or "".join(p.group(0) for p in parts) != text:
        raise ValueError(f"bad interval {value!r} (expected e.g. 90, 30s, 10m, 1h or 1h30m)")
    seconds = sum(float(p.group(1)) * _INTERVAL_UNITS[p.group(2).lower()] for p in parts)
    if seconds <= 0:
        raise ValueError(f"bad interval {value!r}: must be more than zero")
    return seconds
