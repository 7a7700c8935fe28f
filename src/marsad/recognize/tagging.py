"""Token tags: every lexicon hit of a document, indexed by the tokens it covers.

The document (title and body, folded) is tokenised once and every lexicon matcher
runs once over the whole of it; each hit is then attached to the tokens it spans.
The actor grammar and the event assembler read these tags instead of re-matching.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from marsad.lexicon import Lexicon
from marsad.text.matcher import Match
from marsad.text.segment import Token, tokens


@dataclass(frozen=True, slots=True)
class Tag:
    """A lexicon hit over tokens ``[first, last)``; ``prefix`` is the proclitic chain
    written on its first token (``و``, ``ل``, ``بال`` …)."""

    kind: str  # place | nisba | capital | hon | title | trigger
    value: Any
    first: int
    last: int
    prefix: str
    match: Match


@dataclass
class TaggedText:
    text: str
    tokens: list[Token]
    starts: list[int]
    tags: dict[str, dict[int, Tag]] = field(default_factory=dict)
    cover: dict[str, list[Tag | None]] = field(default_factory=dict)
    _anchors: dict[tuple, Any] = field(default_factory=dict, repr=False)  # per-text caches
    lexicon: Lexicon | None = field(default=None, repr=False)  # the lexicon the tags came from

    def at(self, kind: str, i: int) -> Tag | None:
        """The ``kind`` tag that starts at token ``i``."""
        return self.tags.get(kind, {}).get(i)

    def covering(self, kind: str, i: int) -> Tag | None:
        """The ``kind`` tag whose tokens include ``i``."""
        cover = self.cover.get(kind)
        return cover[i] if cover is not None and 0 <= i < len(cover) else None

    def token_index(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def anchors(self, kinds: tuple[str, ...]) -> frozenset[int]:
        """Token indices where a tag of one of ``kinds`` starts (computed once)."""
        cached = self._anchors.get(kinds)
        if cached is None:
            cached = frozenset(i for kind in kinds for i in self.tags.get(kind, {}))
            self._anchors[kinds] = cached
        return cached

    def sorted_starts(self, kind: str, lo: int, hi: int) -> list[int]:
        """Token indices in ``[lo, hi)`` where a ``kind`` tag starts, in order."""
        key = ("sorted", kind)
        starts = self._anchors.get(key)
        if starts is None:
            starts = self._anchors[key] = sorted(self.tags.get(kind, {}))
        return starts[bisect_left(starts, lo) : bisect_left(starts, hi)]

    def word(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""


def tag_text(text: str, lex: Lexicon) -> TaggedText:
    toks = tokens(text)
    tagged = TaggedText(text, toks, [t.start for t in toks], lexicon=lex)
    ends = {t.end: i for i, t in enumerate(toks)}
    for kind, matcher in (
        ("place", lex.places),
        ("nisba", lex.nisbas),
        ("capital", lex.capitals),
        ("hon", lex.honorifics),
        ("title", lex.titles),
        ("trigger", lex.triggers),
    ):
        found: dict[int, Tag] = {}
        cover: list[Tag | None] = [None] * len(toks)
        for m in matcher.find(text):
            first = tagged.token_index(m.start)
            last = ends.get(m.end)
            if last is None or first >= len(toks) or toks[first].start != m.start:
                continue
            if kind == "trigger" and (
                text[m.core_start : m.end] in lex.given_names
                or text[m.start : m.end] in lex.given_names  # فيصل is not ف + يصل
                or all(r.type == "NOT" for r in m.value)
            ):
                continue  # وصل / سلم+ان: a given name; تهنئة: a noun listed as not a verb
            if kind == "title" and m.value[0] == "not":
                continue  # مساعدات "aid", الرئيسي "main": not مساعد, رئيس
            tag = Tag(kind, m.value, first, last + 1, text[m.start : m.core_start], m)
            found[first] = tag
            cover[first : last + 1] = [tag] * (last + 1 - first)
        tagged.tags[kind] = found
        tagged.cover[kind] = cover
    return tagged
