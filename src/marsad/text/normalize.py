"""Offset-preserving Arabic normalisation.

Every recogniser works on normalised text, but evidence must point into the original.
:func:`normalize` returns the folded string together with, for each folded character,
the index of the original character it came from, so any match maps back exactly.

Folding (each step is a character-level rule, so the map stays simple):

- diacritics (harakat, tanwin, shadda, sukun, dagger alef) and tatweel are dropped:
  ``مُحَمَّد`` → ``محمد``, ``الســعودية`` → ``السعودية``;
- alef forms ``أ إ آ ٱ`` → ``ا``: ``إندونيسيا`` → ``اندونيسيا``;
- taa marbuta ``ة`` → ``ه`` and alif maqsura ``ى`` → ``ي``: ``المصرية`` → ``المصريه``;
- Persian/Urdu letter forms ``ی ک ھ`` → ``ي ك ه``;
- Arabic-Indic and Eastern Arabic-Indic digits → ASCII: ``٢٠١٥`` → ``2015``;
- invisible format marks (ZWNJ, ZWJ, LRM, RLM, bidi embeddings) are dropped;
- every whitespace character but the newline (NBSP, tabs, CR …) becomes a plain space;
  newlines stay, because a line break in news text ends a sentence.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_DROP = set(range(0x064B, 0x0660)) | {0x0670, 0x0640} | set(range(0x06D6, 0x06EE))
_DROP |= {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0xFEFF} | set(range(0x202A, 0x202F))
_DROP |= set(range(0x2066, 0x206A)) | {0x061C}

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ة": "ه", "ى": "ي",
    "ی": "ي", "ې": "ي", "ک": "ك", "ھ": "ه", "ە": "ه",
}
_FOLD.update({chr(0x0660 + d): str(d) for d in range(10)})
_FOLD.update({chr(0x06F0 + d): str(d) for d in range(10)})

_SPACES = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
_SPACES += "".join(chr(c) for c in range(0x2000, 0x200B))
_DROP_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_DROP)) + "]")
_SPACE_RE = re.compile("[" + re.escape(_SPACES) + "]")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A folded string and where each of its characters came from in the original.

    Folding keeps every character but the dropped marks, so ``drops`` says it all: for
    each dropped character, in order, the folded offset of the first kept character
    after it. :meth:`origin` maps a folded offset back; ``origin(len(text))`` is
    ``len(original)`` so that half-open ranges map back without special cases.
    """

    original: str
    text: str
    drops: tuple[int, ...]

    def origin(self, i: int) -> int:
        """The index in ``original`` of ``text[i]``: ``i`` plus the marks dropped before it."""
        return i + bisect_right(self.drops, i)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open range of the folded text back to the original text.

        The end maps to the original position of the next kept character, so the
        diacritics written on the last letter stay inside the span: the whole of
        ``الخارجيةِ`` (kasra included) in ``وزيرُ الخارجيةِ``.
        """
        if end <= start:
            o = self.origin(start)
            return o, o
        return self.origin(start), self.origin(end)


def normalize(original: str) -> NormalizedText:
    """Fold ``original`` for matching, keeping a map back to original offsets.

    >>> n = normalize("وزيرُ الخارجيةِ")
    >>> n.text
    'وزير الخارجيه'
    >>> n.to_original(5, 13)
    (6, 15)
    """
    # The k-th dropped mark, at original offset d, stands before folded offset d - k.
    drops = tuple(m.start() - k for k, m in enumerate(_DROP_RE.finditer(original)))
    return NormalizedText(original, fold(original), drops)


def fold(text: str) -> str:
    """Fold without keeping offsets (for lexicon entries and comparisons).

    >>> fold("إسماعيل ولد الشيخ") == fold("اسماعيل ولد الشيخ")
    True
    """
    # Each rule maps one character to at most one, and no rule makes a character another
    # rule reads, so the rules apply one after the other. A pass per rule, done in C and
    # skipped where the text lacks the letter, is much faster than looking every
    # character up in a translation table.
    text = _SPACE_RE.sub(" ", _DROP_RE.sub("", text))
    for letter, folded in _FOLD.items():
        if letter in text:
            text = text.replace(letter, folded)
    return text
