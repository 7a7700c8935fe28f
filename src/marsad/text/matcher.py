"""Fast multi-phrase matching on folded Arabic text, clitic-aware.

One Aho–Corasick automaton (pyahocorasick) per lexicon finds every entry in a single
pass; each hit is then accepted only if it sits on word boundaries once the clitics
allowed for that entry are taken into account (see :mod:`marsad.text.clitics`).
Overlapping hits are resolved longest-first, as a reader would: ``وزير الخارجية``
beats ``وزير``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

from marsad.text.clitics import ARTICLE_PROCLITICS, PROCLITICS, strip_article
from marsad.text.normalize import fold


@dataclass(frozen=True, slots=True)
class Entry:
    """A lexicon phrase (folded, article removed) with what it stands for."""

    key: str
    value: Any
    article: bool  # the phrase was written with ال, so a match needs the article
    suffixes: frozenset[str] | None  # None: the last word may continue (prefix match)


@dataclass(frozen=True, slots=True)
class Match:
    """A hit in folded text: ``[start, end)`` covers the whole word(s), clitics included;
    ``[core_start, core_end)`` covers the entry itself."""

    start: int
    end: int
    core_start: int
    core_end: int
    entry: Entry

    @property
    def value(self) -> Any:
        return self.entry.value


class PhraseMatcher:
    """Find lexicon phrases in folded text.

    >>> m = PhraseMatcher([("بلجيكا", "BEL")], suffixes=frozenset([""]))
    >>> [(h.start, h.end, h.value) for h in m.find("بين الكويت وبلجيكا")]
    [(11, 18, 'BEL')]
    """

    def __init__(
        self,
        phrases: Iterable[tuple[str, Any]],
        *,
        suffixes: frozenset[str] | None,
        keep_article: bool = False,
        extra_prefixes: frozenset[str] = frozenset(),
    ) -> None:
        self._extra_prefixes = extra_prefixes
        self._automaton = ahocorasick.Automaton()
        by_key: dict[str, list[Entry]] = {}
        for phrase, value in phrases:
            folded = " ".join(fold(phrase).split())
            if not folded:
                continue
            key, article = (folded, False) if keep_article else strip_article(phrase, folded)
            by_key.setdefault(key, []).append(Entry(key, value, article, suffixes))
        for key, entries in by_key.items():
            self._automaton.add_word(key, tuple(entries))
        self._empty = not by_key
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, *, longest: bool = True) -> list[Match]:
        """All accepted hits in ``text``, sorted by start; non-overlapping if ``longest``."""
        if self._empty:
            return []
        hits: list[Match] = []
        n = len(text)
        for last, entries in self._automaton.iter(text):
            core_end = last + 1
            core_start = core_end - len(entries[0].key)
            start = core_start
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            if core_start - start > 5:
                continue
            end = core_end
            while end < n and text[end].isalnum():
                end += 1
            prefix = text[start:core_start]
            suffix = text[core_end:end]
            for entry in entries:
                if _accepts(entry, prefix, suffix) or (
                    prefix in self._extra_prefixes and _accepts(entry, "", suffix)
                ):
                    hits.append(Match(start, end, core_start, core_end, entry))
        if not longest:
            hits.sort(key=lambda h: (h.start, -h.end))
            return hits
        return select_longest(hits)


def _accepts(entry: Entry, prefix: str, suffix: str) -> bool:
    if entry.article:
        if prefix not in ARTICLE_PROCLITICS:
            return False
    elif prefix not in PROCLITICS and prefix not in ARTICLE_PROCLITICS:
        return False
    return entry.suffixes is None or suffix in entry.suffixes


def select_longest(hits: list[Match]) -> list[Match]:
    """Keep the longest hits that do not overlap, earliest first on ties."""
    if not hits:
        return []
    chosen: list[Match] = []
    taken = bytearray(max(h.end for h in hits))  # 1 where a chosen hit lies
    for h in sorted(hits, key=lambda h: (-(h.core_end - h.core_start), h.start)):
        if any(taken[h.start : h.end]):
            continue
        chosen.append(h)
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
    chosen.sort(key=lambda h: h.start)
    return chosen
