"""Token tags: every lexicon hit of a document, indexed by the tokens it covers.

The document (title and body, folded) is tokenised once and every lexicon matcher
runs over the whole of it, all in one pass; each hit is then attached to the tokens it spans.
The actor grammar and the event assembler read these tags (through
:class:`marsad.recognize.document.Document`) instead of re-matching.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import Any, NamedTuple

from marsad.lexicon import Lexicon
from marsad.text.matcher import Match, MatcherGroup, PhraseMatcher
from marsad.text.segment import Tokens

TAG_KINDS = ("place", "nisba", "capital", "hon", "title", "trigger")


class Tag(NamedTuple):
    """A lexicon hit over tokens ``[first, last)``; ``prefix`` is the proclitic chain
    written on its first token (``و``, ``ل``, ``بال`` …). (A tuple: every article makes
    dozens.)"""

    kind: str  # one of TAG_KINDS
    value: Any
    first: int
    last: int
    prefix: str
    match: Match


def find_hits(text: str, lex: Lexicon) -> dict[str, list[Match]]:
    """The hits in ``text`` of the lexicons read over a whole document, by kind, from one
    pass: those of ``TAG_KINDS`` longest first, as :func:`tag_tokens` takes them, and
    the topic cues (``topic_prefix``, ``topic_word``) all, as
    :func:`marsad.recognize.topics.topic_cues` takes them."""
    matchers = _matcher_group((
        lex.places, lex.nisbas, lex.capitals, lex.honorifics, lex.titles, lex.triggers,
        lex.topic_prefixes, lex.topic_words,
    ))
    kinds = (*TAG_KINDS, "topic_prefix", "topic_word")
    found = matchers.find(text, longest=[kind in TAG_KINDS for kind in kinds])
    return dict(zip(kinds, found, strict=True))


def tag_tokens(
    text: str, toks: Tokens, hits: dict[str, list[Match]], lex: Lexicon
) -> tuple[dict[str, dict[int, Tag]], dict[str, list[Tag | None]]]:
    """The tags of ``text`` by kind and start token, and the tag covering each token,
    from the ``hits`` of :func:`find_hits`."""
    starts, ends, words = toks
    n = len(words)
    tags: dict[str, dict[int, Tag]] = {}
    covers: dict[str, list[Tag | None]] = {}
    for kind in TAG_KINDS:
        matches = hits[kind]
        found: dict[int, Tag] = {}
        cover: list[Tag | None] = [None] * n
        for m in matches:
            # A hit counts only where it starts and ends on token boundaries.
            first = bisect_left(starts, m.start)
            last = bisect_left(ends, m.end)
            if first >= n or starts[first] != m.start or last >= n or ends[last] != m.end:
                continue
            if kind == "trigger" and (
                text[m.core_start : m.end] in lex.given_names
                or text[m.start : m.end] in lex.given_names  # فيصل is not ف + يصل
                or all(r.type == "NOT" for r in m.value)
            ):
                continue  # وصل / سلم+ان: a given name; تهنئة: a noun listed as not a verb
            value = m.value
            if kind == "trigger" and any(p in text[m.start : m.core_start] for p in ("ب", "ال")):
                # «باستضافتها» "with hosting it", «الاستقبال»: a verb takes neither ب nor the article
                value = tuple(r for r in m.value if r.voice not in ("agent", "recipient"))
                if not value:
                    continue
            if kind == "title" and m.value[0] == "not":
                continue  # مساعدات "aid", الرئيسي "main": not مساعد, رئيس
            if kind == "nisba" and last + 1 < n and words[last + 1] in ("بن", "بنت", "ابن") \
                    and not text[m.start:m.end].startswith(("ال", "وال")):
                continue  # «الأمير تركي بن عبدالله»: a given name before «بن», not "Turkish"
            definite = words[first].startswith(("ال", "بال", "وال", "لل"))
            if kind == "title" and definite and text[m.core_end : m.end] == "ي":
                continue  # «بالقصر الملكي» "at the royal palace": a definite ي is an adjective
            tag = Tag(kind, value, first, last + 1, text[m.start : m.core_start], m)
            found[first] = tag
            cover[first : last + 1] = [tag] * (last + 1 - first)
        tags[kind] = found
        covers[kind] = cover
    return tags, covers


@cache
def _matcher_group(matchers: tuple[PhraseMatcher, ...]) -> MatcherGroup:
    """The lexicons read over a whole document as one group (built once per lexicon)."""
    return MatcherGroup(matchers)
