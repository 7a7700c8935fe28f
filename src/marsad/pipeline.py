"""The public entry point: one article in, its engagement events out.

>>> from marsad import extract
>>> ex = extract("استقبل وزير الخارجية الكويتي في مكتبه اليوم سفير تركيا لدى الكويت.",
...              published="2015-08-03")
>>> [(e.type, sorted(e.countries()), e.date) for e in ex.events]
[('MEETING', ['KWT', 'TUR'], '2015-08-03')]

Steps: normalise (keeping offsets) → tag with every lexicon → find dates → infer the
home country → per sentence, find actor mentions and assemble events → attach dates,
places and topics → merge repeats → add codes and map every span back to the original.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
import re

from marsad.codes import codes_for
from marsad.events import Candidate, sentence_events
from marsad.lexicon import Lexicon, load_lexicon
from marsad.model import Actor, Article, Event, Extraction, Span
from marsad.recognize.actors import HOME, Context, Mention, find_mentions, register_names
from marsad.recognize.dates import DateMention, find_dates
from marsad.recognize.home import infer_home_country, outlet_country
from marsad.recognize.places import find_location
from marsad.recognize.tagging import TaggedText, tag_text
from marsad.recognize.topics import TopicCue, find_topic_cues
from marsad.text.normalize import NormalizedText, fold, normalize
from marsad.text.segment import sentences

SEPARATOR = "\n\n"  # between title and body in the working document
TOPIC_SCOPE = 8  # sentences after the trigger that may say what was discussed
DATE_REACH = 200  # characters between a trigger and the date that can still be its date
CEREMONIAL_SUBTYPES = ("congratulation", "condolence")
# An unfilled template slot left by a writer: "[تاريخ اليوم – يرجى إضافته]", "[اسم الوزير]".
PLACEHOLDER = re.compile(
    r"\[[^\]\n]{0,80}(?:يرجى|إضافته|اضافته|أدخل|ادخل|ضع |تاريخ|اسم|TBD|TODO|placeholder|INSERT)[^\]\n]{0,80}\]"
    r"|\{\{[^}\n]{0,80}\}\}|XX/XX|xx/xx",
    re.IGNORECASE,
)


class Document:
    """An article's title and body as one folded text, with the way back to each part."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.body_offset = len(article.title) + len(SEPARATOR)
        self.norm: NormalizedText = normalize(article.title + SEPARATOR + article.text)
        self.title_end = len(normalize(article.title).text)

    def span(self, start: int, end: int) -> Span:
        """The original-text :class:`Span` of folded range ``[start, end)``."""
        s, e = self.norm.to_original(start, end)
        if s < self.body_offset:
            e = min(e, len(self.article.title))
            return Span("title", s, e, self.article.title[s:e])
        s, e = s - self.body_offset, e - self.body_offset
        return Span("text", s, e, self.article.text[s:e])


def _parse_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def extract(
    text: str,
    *,
    title: str = "",
    published: dt.date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str = "article",
    home_country: str | None = None,
    lexicon: Lexicon | None = None,
) -> Extraction:
    """Extract the engagement events of one article given as text.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates such as ``أمس``;
    ``home_country`` overrides the outlet's country (else known from ``source``/``url``
    or inferred from the text).
    """
    article = Article(id=id, title=title, text=text, published=_parse_date(published), source=source, url=url)
    return extract_article(article, home_country=home_country, lexicon=lexicon)


def extract_article(
    article: Article, *, home_country: str | None = None, lexicon: Lexicon | None = None
) -> Extraction:
    """Extract the engagement events of an :class:`Article`."""
    lex = lexicon or load_lexicon()
    doc = Document(article)
    tt = tag_text(doc.norm.text, lex)
    if not tt.tags["trigger"]:
        # No engagement is reported without a trigger word: skip the rest.
        home, _reason = _home(article, tt, lex, home_country)
        return Extraction(article, [], _flags(article, home), home)
    ranges = _sentence_ranges(doc, tt)
    # Dates matter only where an event may be: scan the sentences holding a trigger.
    trigger_starts = sorted(tt.tags["trigger"])
    dates = find_dates(doc.norm.text, article.published, [
        (tt.tokens[lo].start, tt.tokens[hi - 1].end)
        for lo, hi in sorted(ranges) if _has_index(trigger_starts, lo, hi)
    ])
    date_tokens = {
        i for d in dates for i in range(tt.token_index(d.start), tt.token_index(d.end))
    }
    home, _reason = _home(article, tt, lex, home_country)
    ctx = Context(lex.given_names, lex.common_words, frozenset(date_tokens))
    known: dict = {}
    named: list[Mention] = []
    first_pass: list[list[Mention]] = []
    titled = sorted(tt.tags["title"])
    for lo, hi in ranges:
        if not _has_index(titled, lo, hi):
            first_pass.append([])  # only titled mentions are remembered or referred back to
            continue
        found = find_mentions(tt, lo, hi, ctx, {})
        register_names(tt, found, known)
        named += [m for m in found if m.name and m.title]
        first_pass.append(found)
    n_body = sum(1 for lo, _ in ranges if tt.tokens[lo].start >= doc.title_end)
    cues = sorted(find_topic_cues(doc.norm.text, lex), key=lambda c: c.start)
    events: list[Event] = []
    candidate_sentences: list[int] = []
    per_sentence: list[list[Candidate]] = []
    last_addressees: list[Mention] = []
    for n, (lo, hi) in enumerate(ranges):
        if not _has_index(trigger_starts, lo, hi):
            per_sentence.append([])
            continue
        mentions = find_mentions(tt, lo, hi, ctx, known)
        s_start, s_end = tt.tokens[lo].start, tt.tokens[hi - 1].end
        in_sentence = _dates_within(dates, s_start, s_end)
        previous = _previous_subject(first_pass, n, n_body)
        found = sentence_events(tt, lo, hi, mentions, dated=any(d.value for d in in_sentence), previous=previous,
                                last_addressees=last_addressees)
        messages = [c for c in found if c.type == "MESSAGE"]
        if messages:
            last_addressees = messages[-1].targets
        per_sentence.append(found)
        if found:
            candidate_sentences.append(n)
    for n, found in enumerate(per_sentence):
        for cand in found:
            event = _build_event(cand, doc, tt, home, dates, cues, ranges, n, candidate_sentences)
            if event is None:
                continue
            if n >= n_body:
                used = _fill_names(event, named, doc, tt, home)
                if used is not None and n_body:
                    # A headline told in a body without a trigger word ("بتواصل … مع"):
                    # what was discussed is said around the body's mention.
                    body_n = next((k for k, (lo, hi) in enumerate(ranges[:n_body]) if lo <= used.first < hi), None)
                    if body_n is not None:
                        _attach_topics(event, doc, tt, cues, ranges[:n_body], body_n, candidate_sentences)
                if _repeats_body(events, event):
                    continue
            _merge_into(events, event)
    flags = _flags(article, home)
    return Extraction(article, events, flags, home)


def _has_index(sorted_indices: list[int], lo: int, hi: int) -> bool:
    """Is any of ``sorted_indices`` within ``[lo, hi)``?"""
    k = bisect_left(sorted_indices, lo)
    return k < len(sorted_indices) and sorted_indices[k] < hi


def _previous_subject(first_pass: list[list[Mention]], n: int, n_body: int) -> Mention | None:
    """The first person or office named in the body sentence before sentence ``n``
    (what ``جاء ذلك في برقية ...`` refers back to)."""
    if n == 0 or n >= n_body:
        return None
    return next((m for m in first_pass[n - 1] if m.kind in ("person", "office")), None)


def _home(article: Article, tt: TaggedText, lex: Lexicon, override: str | None) -> tuple[str | None, str]:
    if override:
        return override, "given"
    known = outlet_country(article.source, article.url, lex)
    if known:
        return known, "outlet"
    return infer_home_country(tt, lex)


def _sentence_ranges(doc: Document, tt: TaggedText) -> list[tuple[int, int]]:
    """Token ranges of sentences: body first, then the title (so a headline that
    repeats a body event merges into the body's fuller version)."""
    body, title = [], []
    for s, e in sentences(doc.norm.text):
        lo, hi = tt.token_index(s), tt.token_index(e)
        if hi > lo:
            (title if s < doc.title_end else body).append((lo, hi))
    return body + title


def _title_words(title: str | None) -> set[str]:
    return {w[2:] if w.startswith("ال") else w for w in fold(title or "").split() if len(w) > 2}


def _fill_names(event: Event, named: list[Mention], doc: Document, tt: TaggedText, home: str | None) -> Mention | None:
    """Headlines name offices, bodies name people: give a nameless headline actor the
    name of the body mention with the same country and the closest title. Returns the
    first body mention used, if any."""
    used = None
    for actor in event.actors:
        if actor.name or not actor.title:
            continue
        wanted = _title_words(actor.title)
        best, best_overlap = None, 0
        for m in named:
            if _resolve_country(m, home) != actor.country:
                continue
            title = tt.text[tt.tokens[m.title[0]].start : tt.tokens[m.title[1] - 1].end]
            overlap = len(wanted & _title_words(title))
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        if best is not None and best_overlap * 2 >= len(wanted):
            filled = _actor(best, actor.role, doc, tt, home)
            actor.name, actor.title, actor.evidence = filled.name, filled.title, filled.evidence
            used = used or best
    return used


def _repeats_body(events: list[Event], headline: Event) -> bool:
    """A headline event repeats the body when a body event of the same type has the
    same source country and shares a target country (``استقبل سفيري تركيا ولبنان``
    summarises two separate meetings told in the body)."""
    src = {a.country for a in headline.actors if a.role == "source"}
    tgt = {a.country for a in headline.actors if a.role == "target"}
    for e in events:
        if e.type != headline.type:
            continue
        e_src = {a.country for a in e.actors if a.role == "source"}
        e_tgt = {a.country for a in e.actors if a.role == "target"}
        if (e_src == src and e_tgt & tgt) or (e.countries() == headline.countries()):
            return True
    return False


def _resolve_country(m: Mention, home: str | None) -> str | None:
    """An office held at home (``وزير الدفاع``) or a titled or ranked person (``الأمير
    محمد بن سلمان``) is the outlet's; a bare name with no title, rank or state (``نهال
    كمال``) has no known country."""
    if m.country == HOME or (m.country is None and (m.title is not None or m.kind == "office" or m.ranked)):
        return home
    return m.country


def _core_start(tt: TaggedText, i: int) -> int:
    """Start of token ``i`` without its proclitics but with its article (``بأمين عام`` →
    ``أمين عام``, ``والرئيس`` → ``الرئيس``)."""
    tag = tt.at("title", i)
    if tag is None:
        k = tt.word(i).find("نظ")  # ونظيره, لنظيره: the counterpart word without و / ل
        return tt.tokens[i].start + (k if 0 < k <= 2 else 0)
    core = tag.match.core_start
    return core - 2 if tag.prefix.endswith("ال") else core


def _actor(m: Mention, role: str, doc: Document, tt: TaggedText, home: str | None) -> Actor:
    evidence: dict[str, Span] = {"mention": doc.span(tt.tokens[m.first].start, tt.tokens[m.last - 1].end)}
    name = title = None
    if m.name:
        evidence["name"] = doc.span(tt.tokens[m.name[0]].start, tt.tokens[m.name[1] - 1].end)
        name = evidence["name"].text
    if m.title:
        evidence["title"] = doc.span(_core_start(tt, m.title[0]), tt.tokens[m.title[1] - 1].end)
        title = evidence["title"].text
    ref = getattr(m, "ref", None)
    if ref is not None and ref.name is not None and name is not None:
        # "وقال شكري": the person is named in full where first introduced.
        ref_name = doc.span(tt.tokens[ref.name[0]].start, tt.tokens[ref.name[1] - 1].end)
        if set(fold(name).split()) <= set(fold(ref_name.text).split()):
            evidence["name"], name = ref_name, ref_name.text
    if ref is not None and ref.title is not None:
        evidence["title"] = doc.span(_core_start(tt, ref.title[0]), tt.tokens[ref.title[1] - 1].end)
        title = evidence["title"].text
    if m.country_tokens:
        evidence["country"] = doc.span(tt.tokens[m.country_tokens[0]].start, tt.tokens[m.country_tokens[1] - 1].end)
    return Actor(role, name, title, _resolve_country(m, home), evidence)


def _build_event(
    cand: Candidate,
    doc: Document,
    tt: TaggedText,
    home: str | None,
    dates: list[DateMention],
    cues: list[TopicCue],
    ranges: list[tuple[int, int]],
    n: int,
    candidate_sentences: list[int],
) -> Event | None:
    actors = [_actor(m, "source", doc, tt, home) for m in cand.sources]
    for m in cand.targets:
        actors.append(_actor(m, "target", doc, tt, home))
        for code, span in m.extra_countries:
            extra = Actor("target", None, None, code)
            extra.evidence["country"] = doc.span(tt.tokens[span[0]].start, tt.tokens[span[1] - 1].end)
            actors.append(extra)
    countries = {a.country for a in actors if a.country}
    if len(countries) < 2 or any(a.country is None for a in actors if a.role == "source"):
        return None
    lo, hi = cand.sentence
    trig = cand.trigger
    event = Event(
        type=cand.type,
        subtype=cand.subtype if cand.type == "MESSAGE" else None,
        status=cand.status,
        actors=actors,
        trigger=doc.span(tt.tokens[trig.first].start, tt.tokens[trig.last - 1].end),
        sentence=doc.span(tt.tokens[lo].start, tt.tokens[hi - 1].end),
    )
    _attach_date(event, cand, doc, tt, dates)
    _attach_location(event, cand, doc, tt)
    if event.location is None and n + 1 < len(ranges) and n + 1 not in candidate_sentences:
        # "… اجتماعات منفصلة مع … . جرت هذه اللقاءات في مقر وزارة الدفاع": the next
        # sentence, if it speaks of the same engagement, may say where.
        lo, hi = ranges[n + 1]
        if any(lo <= i < hi for i in tt.tags["trigger"]) and lo > cand.sentence[0]:
            place = find_location(tt, lo, hi, set())
            if place is not None:
                _set_location(event, doc, tt, place, None)
    _attach_topics(event, doc, tt, cues, ranges, n, candidate_sentences)
    event.codes = codes_for(event.type, event.subtype, event.status)
    return event


def _attach_date(event: Event, cand: Candidate, doc: Document, tt: TaggedText, dates: list[DateMention]) -> None:
    lo, hi = cand.sentence
    s_start, s_end = tt.tokens[lo].start, tt.tokens[hi - 1].end
    trig_at = tt.tokens[cand.trigger.first].start
    near = [d for d in _dates_within(dates, s_start, s_end) if d.value is not None]
    if not near:
        return
    best = min(near, key=lambda d: abs(d.start - trig_at))
    if abs(best.start - trig_at) > DATE_REACH:
        return  # a date far along a long sentence belongs to another clause
    event.date = best.value.isoformat()
    event.date_span = doc.span(best.start, best.end)
    published = doc.article.published
    if published and best.value > published and event.status == "occurred":
        event.status = "planned"


def _attach_location(event: Event, cand: Candidate, doc: Document, tt: TaggedText) -> None:
    lo, hi = cand.sentence
    skip = {i for m in cand.sources + cand.targets for i in range(m.first, m.last) if m.kind not in ("state", "city")}
    if cand.destination is not None:
        place = (cand.destination.first, cand.destination.last)
    else:
        place = find_location(tt, lo, hi, skip)
    if place is None:
        return
    _set_location(event, doc, tt, place, cand.destination)


def _set_location(event: Event, doc: Document, tt: TaggedText, place: tuple[int, int], destination) -> None:
    span = doc.span(tt.tokens[place[0]].start, tt.tokens[place[1] - 1].end)
    text = span.text
    named = tt.at("capital", place[0]) or tt.at("place", place[0])
    if named is not None and "ب" not in named.prefix:
        destination = True  # برلين, بغداد: the ب belongs to the name
    for clitic in ("وب", "ب", "في ", "ل"):
        if text.startswith(clitic) and len(text) > len(clitic) + 2 and destination is None:
            if clitic in ("ب", "وب"):
                span = Span(span.part, span.start + len(clitic), span.end, text[len(clitic):])
            break
    event.location = span.text
    event.location_span = span


def _dates_within(dates: list[DateMention], start: int, end: int) -> list[DateMention]:
    """The dates starting in ``[start, end)`` (``dates`` is sorted by start)."""
    return dates[bisect_left(dates, start, key=lambda d: d.start) : bisect_left(dates, end, key=lambda d: d.start)]


def _attach_topics(event, doc, tt, cues, ranges, n, candidate_sentences) -> None:
    k = bisect_right(candidate_sentences, n)  # the next sentence holding its own event
    later = candidate_sentences[k : k + 1]
    stop = min([n + TOPIC_SCOPE + 1] + later)
    lo_char = tt.tokens[ranges[n][0]].start
    scope = [(tt.tokens[lo].start, tt.tokens[hi - 1].end) for lo, hi in ranges[n:stop]]
    if ranges[n][0] < tt.token_index(doc.title_end):
        scope = [(lo_char, tt.tokens[ranges[n][1] - 1].end)]
    spans: dict[str, list[Span]] = {}
    for s, e in scope:  # cues are sorted by start
        first, last = bisect_left(cues, s, key=lambda c: c.start), bisect_left(cues, e, key=lambda c: c.start)
        for cue in cues[first:last]:
            spans.setdefault(cue.topic, []).append(doc.span(cue.start, cue.end))
    if event.subtype in CEREMONIAL_SUBTYPES and event.trigger is not None:
        spans.setdefault("ceremonial", []).insert(0, event.trigger)
    event.topic_spans = spans
    event.topics = sorted(spans)


def _names_compatible(a: str | None, b: str | None) -> bool:
    """Same person: same first name, or one name's words all within the other's
    (``الجبير`` / ``عادل الجبير``). Sharing a father's or family name is not enough:
    سلمان بن عبدالعزيز and محمد بن نايف بن عبدالعزيز are two people."""
    if not a or not b:
        return True
    wa, wb = fold(a).replace("عبد ", "عبد").split(), fold(b).replace("عبد ", "عبد").split()
    return wa[0] == wb[0] or set(wa) <= set(wb) or set(wb) <= set(wa)


def _same_event(a: Event, b: Event) -> bool:
    if a.type != b.type or a.status != b.status or a.countries() != b.countries():
        return False
    for role in ("source", "target"):
        names_a = [x.name for x in a.actors if x.role == role and x.name]
        names_b = [x.name for x in b.actors if x.role == role and x.name]
        if names_a and names_b and not any(_names_compatible(x, y) for x in names_a for y in names_b):
            return False
        if not names_a and not names_b:
            # Unnamed office holders: "خادم الحرمين الشريفين وسمو ولي العهد" sent two cables.
            titles_a = [x.title for x in a.actors if x.role == role and x.title]
            titles_b = [x.title for x in b.actors if x.role == role and x.title]
            if titles_a and titles_b and not any(_names_compatible(x, y) for x in titles_a for y in titles_b):
                return False
    return True


def _merge_into(events: list[Event], new: Event) -> None:
    """Add ``new`` unless it repeats an event already found (same engagement told twice)."""
    for old in events:
        if _same_event(old, new):
            if not old.date and new.date:
                old.date, old.date_span = new.date, new.date_span
            if not old.location and new.location:
                old.location, old.location_span = new.location, new.location_span
            for topic, spans in new.topic_spans.items():
                old.topic_spans.setdefault(topic, spans)
            old.topics = sorted(old.topic_spans)
            for mine, theirs in zip(old.actors, new.actors):
                if mine.role == theirs.role and not mine.name and theirs.name:
                    mine.name, mine.evidence = theirs.name, theirs.evidence
            return
    events.append(new)


def _flags(article: Article, home: str | None) -> list[str]:
    flags = []
    if PLACEHOLDER.search(article.title) or PLACEHOLDER.search(article.text):
        flags.append("unfilled_placeholder")
    if home is None:
        flags.append("home_country_unknown")
    if article.published is None:
        flags.append("no_published_date")
    return flags
