"""Sentences and tokens of folded text, as offsets.

News sentences end at ``.``, ``!``, ``؟`` or a line break; commas (``،``) and the Arabic
semicolon (``؛``) do not end them, because Arabic news chains long clauses with them
(«استقبل خادم الحرمين الشريفين في قصر السلام، اليوم؛ وزير الخارجية …»). A full stop after a
one-letter abbreviation (``د.`` for الدكتور, ``م.`` for المهندس) does not end a sentence.
"""
from __future__ import annotations

import re
from itertools import accumulate
from typing import NamedTuple

# (The look-ahead first lets the engine skip straight to the characters that may end a sentence.)
_BOUNDARY = re.compile(r"(?=[\n.!?؟])(?:\n|[.!?؟](?=\s|$|[\"'»”)])|[.!?؟]{2,})")
# Captured, so that split() returns the tokens between the gaps of white space.
_TOKEN = re.compile(r"(\w++|[^\w\s])", re.UNICODE)


class Tokens(NamedTuple):
    """The words and punctuation marks of a text as parallel lists: token ``i`` is
    ``words[i]`` at ``[starts[i], ends[i])``. Three lists, not a tuple per token: an article
    has hundreds of tokens and the readers only ever index them."""

    starts: list[int]
    ends: list[int]
    words: list[str]


def sentences(text: str) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` ranges of the sentences of ``text`` (blank ones dropped).

    >>> t = "استقبل د. مدني السفير. ثم غادر"
    >>> [t[s:e] for s, e in sentences(t)]
    ['استقبل د. مدني السفير.', 'ثم غادر']
    """
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group() == "." and _is_abbreviation(text, m.start()):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        sentence = text[s:e]
        stripped = sentence.strip()
        if stripped:
            s += len(sentence) - len(sentence.lstrip())
            out.append((s, s + len(stripped)))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """A dot right after a single letter word (``د.``) abbreviates a title."""
    return dot >= 1 and text[dot - 1].isalpha() and (dot == 1 or not text[dot - 2].isalnum())


def tokens(text: str) -> Tokens:
    """Words and single punctuation marks of ``text``, with their offsets.

    >>> tokens("زار الوزير، أمس")
    Tokens(starts=[0, 4, 10, 12], ends=[3, 10, 11, 15], words=['زار', 'الوزير', '،', 'أمس'])
    """
    # split() alternates the gaps (white space, maybe none) with the tokens, so the running
    # sum of their lengths gives every offset without a Python step per token.
    parts = _TOKEN.split(text)
    bounds = list(accumulate(map(len, parts), initial=0))
    return Tokens(bounds[1:-1:2], bounds[2::2], parts[1::2])
