"""Fast multi-phrase matching on folded Arabic text, clitic-aware.

One Aho–Corasick automaton (pyahocorasick) per lexicon finds every entry in a single
pass; each hit is then accepted only if it sits on word boundaries once the clitics
allowed for that entry are taken into account (see :mod:`marsad.text.clitics`).
Overlapping hits are resolved longest-first, as a reader would: ``وزير الخارجية``
beats ``وزير``. Lexicons read over the same text run together as a :class:`MatcherGroup`,
one automaton and one pass for all.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from operator import attrgetter
from typing import Any, NamedTuple

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
    # The proclitic chains the phrase may carry: with the article if it was written with one.
    prefixes: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "prefixes", ARTICLE_PROCLITICS if self.article else ANY_PROCLITICS)


class Match(NamedTuple):
    """A hit in folded text: ``[start, end)`` covers the whole word(s), clitics included;
    ``[core_start, core_end)`` covers the entry itself. (A tuple: every article makes
    hundreds.)"""

    start: int
    end: int
    core_start: int
    core_end: int
    entry: Entry

    @property
    def value(self) -> Any:
        return self.entry.value


# The phrases ending at one place in the text, as (key length, ((matcher, entries), …)):
# a key may be listed by several matchers run together (see MatcherGroup).
Output = tuple[int, tuple[tuple[int, tuple[Entry, ...]], ...]]

MAX_PROCLITICS = 5  # letters of clitics a word may carry before an entry (وبال, ولل …)
ANY_PROCLITICS = PROCLITICS | ARTICLE_PROCLITICS
_WORD_REST = re.compile(r"[^\W_]*")  # letters and digits: what str.isalnum() accepts


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
        self.extra_prefixes = extra_prefixes
        by_key: dict[str, list[Entry]] = {}
        for phrase, value in phrases:
            folded = " ".join(fold(phrase).split())
            if not folded:
                continue
            key, article = (folded, False) if keep_article else strip_article(phrase, folded)
            by_key.setdefault(key, []).append(Entry(key, value, article, suffixes))
        self.entries: dict[str, tuple[Entry, ...]] = {key: tuple(entries) for key, entries in by_key.items()}
        self._automaton = _automaton({key: (len(key), ((0, entries),)) for key, entries in self.entries.items()})

    def find(self, text: str, *, longest: bool = True) -> list[Match]:
        """All accepted hits in ``text``, sorted by start; non-overlapping if ``longest``."""
        if self._automaton is None:
            return []
        return _finish(_scan(self._automaton, text, (self.extra_prefixes,))[0], longest=longest)


class MatcherGroup:
    """Several matchers run as one: a single pass over the text finds, for each matcher,
    the hits its own :meth:`PhraseMatcher.find` would.

    >>> states = PhraseMatcher([("الكويت", "KWT")], suffixes=frozenset([""]))
    >>> cities = PhraseMatcher([("الكويت", "KWT"), ("جدة", "SAU")], suffixes=frozenset([""]))
    >>> text = fold("وصل من جدة إلى الكويت")  # "he arrived from Jeddah in Kuwait"
    >>> [[h.value for h in hits] for hits in MatcherGroup([states, cities]).find(text)]
    [['KWT'], ['SAU', 'KWT']]
    """

    def __init__(self, matchers: Sequence[PhraseMatcher]) -> None:
        self._matchers = tuple(matchers)
        owners: dict[str, list[tuple[int, tuple[Entry, ...]]]] = {}
        for index, matcher in enumerate(self._matchers):
            for key, entries in matcher.entries.items():
                owners.setdefault(key, []).append((index, entries))
        self._automaton = _automaton({key: (len(key), tuple(found)) for key, found in owners.items()})

    def find(self, text: str, *, longest: bool | Sequence[bool] = True) -> list[list[Match]]:
        """The hits of each matcher in ``text``, as :meth:`PhraseMatcher.find` gives them
        (``longest`` for all of them, or for each in turn)."""
        each = [longest] * len(self._matchers) if isinstance(longest, bool) else list(longest)
        if self._automaton is None:
            return [[] for _ in self._matchers]
        extra_prefixes = [matcher.extra_prefixes for matcher in self._matchers]
        found = _scan(self._automaton, text, extra_prefixes)
        return [_finish(hits, longest=keep_longest) for hits, keep_longest in zip(found, each, strict=True)]


def _automaton(outputs: dict[str, Output]) -> ahocorasick.Automaton | None:
    if not outputs:
        return None
    automaton = ahocorasick.Automaton()
    for key, output in outputs.items():
        automaton.add_word(key, output)
    automaton.make_automaton()
    return automaton


def _scan(automaton: ahocorasick.Automaton, text: str, extra_prefixes: Sequence[frozenset[str]]) -> list[list[Match]]:
    """Every accepted hit in ``text`` of each matcher (given by the extra proclitics it
    allows, in order), in the automaton's order."""
    hits: list[list[Match]] = [[] for _ in extra_prefixes]
    possible = ANY_PROCLITICS.union(*extra_prefixes)
    output: Output
    for last, output in automaton.iter(text):
        length, owners = output
        core_end = last + 1
        core_start = core_end - length
        start = core_start
        while start > 0 and core_start - start <= MAX_PROCLITICS and text[start - 1].isalnum():
            start -= 1
        prefix = text[start:core_start]
        if prefix not in possible:
            continue  # inside a longer word
        end = _WORD_REST.match(text, core_end).end()  # type: ignore[union-attr]  # a star always matches
        suffix = text[core_end:end]
        for index, entries in owners:
            extra = extra_prefixes[index]
            for entry in entries:
                # A future particle (سـ) may stand before a verb that takes no other proclitic.
                allowed = entry.prefixes
                if (prefix in allowed or (prefix in extra and "" in allowed)) and (
                    entry.suffixes is None or suffix in entry.suffixes
                ):
                    hits[index].append(Match(start, end, core_start, core_end, entry))
    return hits


def _finish(hits: list[Match], *, longest: bool) -> list[Match]:
    if not longest:
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits
    return select_longest(hits)


def select_longest(hits: list[Match]) -> list[Match]:
    """Keep the longest hits that do not overlap, earliest first on ties."""
    by_start = sorted(hits, key=attrgetter("start"))
    if all(a.end <= b.start for a, b in pairwise(by_start)):
        return by_start  # (the common case) nothing overlaps, so every hit stays
    chosen: list[Match] = []
    taken = bytearray(max(h.end for h in hits))  # 1 where a chosen hit lies
    for h in sorted(hits, key=lambda h: (-(h.core_end - h.core_start), h.start)):
        if any(taken[h.start : h.end]):
            continue
        chosen.append(h)
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
    chosen.sort(key=lambda h: h.start)
    return chosen
