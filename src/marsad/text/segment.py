"""Sentences and tokens of folded text, as offsets.

News sentences end at ``.``, ``!``, ``؟`` or a line break; commas (``،``) and the Arabic
semicolon (``؛``) do not end them, because Arabic news chains long clauses with them
(«استقبل خادم الحرمين الشريفين في قصر السلام، اليوم؛ وزير الخارجية …»). A full stop after a
one-letter abbreviation (``د.`` for الدكتور, ``م.`` for المهندس) does not end a sentence.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_BOUNDARY = re.compile(r"\n|[.!?؟](?=\s|$|[\"'»”)])|[.!?؟]{2,}")
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


class Token(NamedTuple):
    """A word or punctuation mark at ``[start, end)`` (a tuple: millions are made)."""

    start: int
    end: int
    text: str


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
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """A dot right after a single letter word (``د.``) abbreviates a title."""
    return dot >= 1 and text[dot - 1].isalpha() and (dot == 1 or not text[dot - 2].isalnum())


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and single punctuation marks of ``text[start:end]``, with absolute offsets."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
