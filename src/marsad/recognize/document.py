"""The analysis object: one article while it is being read, in the spirit of spaCy's ``Doc``.

A :class:`Document` is made once per article by :meth:`Document.read` (normalise, tokenise,
tag with every lexicon) and then enriched by the pipeline's steps, each reading what the
earlier ones left:

=================  ==========================================================================
``article``        the article as read; evidence spans point into its title and text
``lexicon``        all language data (places, titles, triggers, cue words …): the one way
                   every step reaches it
``norm``           title and body folded into one text, with the map back to the original
``words``          words and punctuation of the folded text (tokens), at ``starts``/``ends``
``tags``           lexicon hits by kind (``place``, ``nisba``, ``capital``, ``hon``,
                   ``title``, ``trigger``) and the token they start at; ``cover`` says which
                   hit covers a token; ``tag_starts`` lists the starts of each kind in order
``home``           the outlet's country, whose officials are named without one
``sentences``      token ranges of sentences, body first, then the title; ``n_body`` of them
                   are the body's
``dates``          the date mentions of the sentences holding a trigger, and the tokens
                   they cover (``date_tokens``), which never belong to a name
``cues``           topic cues in the whole text, sorted by start
``known``          titled people named in the article, by full name and surname, so that
                   ``وقال الجبير`` ("al-Jubeir said") finds وزير الخارجية عادل الجبير
``styled``         titled people named under a form of address («صاحب السمو», «فخامة»), in
                   text order with that form's class, for the epithets that refer back to
                   them («سموه», «سمو الأمير», «فخامته»)
=================  ==========================================================================

>>> from marsad.lexicon import load_lexicon
>>> from marsad.model import Article
>>> doc = Document.read(Article("a", "", "استقبل وزير الخارجية سفير تركيا."), load_lexicon())
>>> [doc.word(i) for i in doc.tag_starts["trigger"]], [doc.word(i) for i in doc.tag_starts["place"]]
(['استقبل'], ['تركيا'])
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from marsad.lexicon import Lexicon
from marsad.model import Article, Span
from marsad.recognize.tagging import TAG_KINDS, Tag, find_hits, tag_tokens
from marsad.recognize.topics import TopicCue, topic_cues
from marsad.text.normalize import NormalizedText, fold, normalize
from marsad.text.segment import tokens

if TYPE_CHECKING:
    from marsad.recognize.actors import Mention
    from marsad.recognize.dates import DateMention

SEPARATOR = "\n\n"  # between title and body in the working text


@dataclass(eq=False)
class Document:
    """Everything known about one article while it is read (see the module's docstring)."""

    article: Article
    lexicon: Lexicon
    norm: NormalizedText
    title_end: int  # folded offset where the title ends
    words: list[str]  # each token's text
    starts: list[int]  # each token's folded start offset, in order
    ends: list[int]
    tags: dict[str, dict[int, Tag]]
    cover: dict[str, list[Tag | None]]
    tag_starts: dict[str, list[int]]
    home: str | None = None
    home_named: bool = False  # whether the article speaks of its outlet's state
    scene: str | None = None  # the one foreign state a wire story is set in
    latest_year: int | None = None  # the latest Gregorian year the article names
    sentences: list[tuple[int, int]] = field(default_factory=list)
    n_body: int = 0
    dates: list[DateMention] = field(default_factory=list)
    date_tokens: frozenset[int] = frozenset()
    cues: list[TopicCue] = field(default_factory=list)
    known: dict[tuple[str, ...], Mention] = field(default_factory=dict)
    styled: list[tuple[int, str, Mention]] = field(default_factory=list)
    # Tokens where an actor mention may start, computed once by the actor grammar:
    # without and with the names in ``known``.
    mention_starts: dict[bool, list[int]] = field(default_factory=dict, repr=False)

    @classmethod
    def read(cls, article: Article, lexicon: Lexicon) -> Document:
        """Normalise, tokenise and tag an article, and find its topic cues."""
        norm = normalize(article.title + SEPARATOR + article.text)
        toks = tokens(norm.text)
        hits = find_hits(norm.text, lexicon)
        tags, cover = tag_tokens(norm.text, toks, hits, lexicon)
        return cls(
            article=article,
            lexicon=lexicon,
            norm=norm,
            title_end=len(fold(article.title)),
            words=toks.words,
            starts=toks.starts,
            ends=toks.ends,
            tags=tags,
            cover=cover,
            tag_starts={kind: sorted(tags[kind]) for kind in TAG_KINDS},
            cues=topic_cues(hits["topic_prefix"], hits["topic_word"]),
        )

    @property
    def text(self) -> str:
        """The folded working text (title, separator, body)."""
        return self.norm.text

    @property
    def year(self) -> int | None:
        """The publication year, when known."""
        published = self.article.published
        return published.year if published is not None else None

    def span(self, start: int, end: int) -> Span:
        """The original-text :class:`Span` of folded range ``[start, end)``."""
        s, e = self.norm.to_original(start, end)
        title = self.article.title
        if s < len(title) + len(SEPARATOR):
            e = min(e, len(title))
            return Span("title", s, e, title[s:e])
        offset = len(title) + len(SEPARATOR)
        s, e = s - offset, e - offset
        return Span("text", s, e, self.article.text[s:e])

    def token_span(self, first: int, last: int) -> Span:
        """The original-text :class:`Span` of tokens ``[first, last)``."""
        return self.span(self.starts[first], self.ends[last - 1])

    def at(self, kind: str, i: int) -> Tag | None:
        """The ``kind`` tag that starts at token ``i``."""
        return self.tags[kind].get(i)

    def covering(self, kind: str, i: int) -> Tag | None:
        """The ``kind`` tag whose tokens include ``i``."""
        cover = self.cover[kind]
        return cover[i] if 0 <= i < len(cover) else None

    def token_index(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.starts, char)

    def starts_within(self, kind: str, lo: int, hi: int) -> list[int]:
        """Token indices in ``[lo, hi)`` where a ``kind`` tag starts, in order."""
        starts = self.tag_starts[kind]
        return starts[bisect_left(starts, lo) : bisect_left(starts, hi)]

    def has_tag_within(self, kind: str, lo: int, hi: int) -> bool:
        """Does a ``kind`` tag start in tokens ``[lo, hi)``?"""
        starts = self.tag_starts[kind]
        k = bisect_left(starts, lo)
        return k < len(starts) and starts[k] < hi

    def word(self, i: int) -> str:
        """The folded text of token ``i`` ("" outside the document)."""
        words = self.words
        return words[i] if 0 <= i < len(words) else ""

    def char_range(self, lo: int, hi: int) -> tuple[int, int]:
        """Folded character range of tokens ``[lo, hi)``."""
        return self.starts[lo], self.ends[hi - 1]
