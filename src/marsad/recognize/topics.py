"""Topic cues: what the parties discussed, from ``topics.tsv``.

A cue matches at a word start after proclitics (``الاقتصادية`` for ``اقتصاد``) or, when
written with a trailing ``=``, only as a whole word. The event assembler keeps the cues
that fall in an event's own sentences.
"""
from __future__ import annotations

from dataclasses import dataclass

from marsad.lexicon import Lexicon
from marsad.text.matcher import Match, select_longest


@dataclass(frozen=True, slots=True)
class TopicCue:
    start: int
    end: int
    topic: str


def find_topic_cues(text: str, lex: Lexicon) -> list[TopicCue]:
    """Every topic cue in folded ``text``, longest first where cues overlap.

    >>> from marsad.lexicon import load_lexicon
    >>> [c.topic for c in find_topic_cues("مكافحه الارهاب", load_lexicon())]
    ['security_counterterrorism']
    """
    return topic_cues(lex.topic_prefixes.find(text, longest=False), lex.topic_words.find(text, longest=False))


def topic_cues(prefix_hits: list[Match], word_hits: list[Match]) -> list[TopicCue]:
    """The topic cues of the hits of ``topic_prefixes`` and ``topic_words`` (all of them, in
    order), longest first where cues overlap, in text order."""
    return [TopicCue(h.start, h.end, h.value) for h in select_longest(prefix_hits + word_hits)]
