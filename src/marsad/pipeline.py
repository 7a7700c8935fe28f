"""The public entry point: one article in, its engagement events out.

>>> from marsad import extract
>>> ex = extract("استقبل وزير الخارجية الكويتي في مكتبه اليوم سفير تركيا لدى الكويت.",
...              published="2015-08-03")
>>> [(e.type, sorted(e.countries()), e.date) for e in ex.events]
[('MEETING', ['KWT', 'TUR'], '2015-08-03')]

Steps, each reading and enriching one :class:`~marsad.recognize.document.Document`:
normalise (keeping offsets) and tag with every lexicon → infer the home country →
split sentences → find dates → remember the people named with a title → per sentence,
find actor mentions and assemble events → attach dates, places and topics → merge
repeats → add codes and map every span back to the original → resolve each location in
the gazetteer → score each event with the learned confidence layer and drop those below
its cut-off (:mod:`marsad.confidence`).
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import replace
from typing import Final, Literal

from marsad.codes import codes_for
from marsad.confidence import ConfidenceModel, default_model, score_events
from marsad.events import (
    Candidate,
    addressees_after,
    gregorian_year,
    is_planned,
    sentence_events,
    sources_after,
    traveller_after,
    visited_after,
)
from marsad.geo import locate
from marsad.lexicon import Lexicon, leader_left_office, load_lexicon
from marsad.model import Actor, Article, Event, Extraction, Span, vocabulary
from marsad.recognize.actors import HOME, Mention, find_mentions, register_names, state_of_name
from marsad.recognize.dates import DateMention, find_dates, weekday_names
from marsad.recognize.document import Document
from marsad.recognize.home import infer_home_country, outlet_country
from marsad.recognize.places import find_location, settle_ambiguous_places
from marsad.text.clitics import proclitic_cores
from marsad.text.normalize import fold
from marsad.text.segment import sentences

TOPIC_SCOPE = 8  # sentences after the trigger that may say what was discussed
DATE_REACH = 200  # characters between a trigger and the date that can still be its date
CEREMONIAL_SUBTYPES = ("congratulation", "condolence")
DEFAULT_MODEL: Final = "default"  # extract(model=...): the shipped confidence model, or $MARSAD_MODEL
# An unfilled template slot left by a writer: "[تاريخ اليوم – يرجى إضافته]", "[اسم الوزير]".
PLACEHOLDER = re.compile(
    r"\[[^\]\n]{0,80}(?:يرجى|إضافته|اضافته|أدخل|ادخل|ضع |تاريخ|اسم|TBD|TODO|placeholder|INSERT)[^\]\n]{0,80}\]"
    r"|\{\{[^}\n]{0,80}\}\}|XX/XX|xx/xx",
    re.IGNORECASE,
)


DIGITS: Final = re.compile(r"\d+")  # a run of exactly four is a candidate Gregorian year


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
    model: ConfidenceModel | Literal["default"] | None = DEFAULT_MODEL,
) -> Extraction:
    """Extract the engagement events of one article given as text.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates such as ``أمس``;
    ``home_country`` overrides the outlet's country (else known from ``source``/``url``
    or inferred from the text). ``model`` is the confidence model: the shipped one (or
    ``$MARSAD_MODEL``) by default, another :class:`~marsad.confidence.ConfidenceModel`, or
    ``None`` to keep every event the rules find (with ``confidence`` None).
    """
    article = Article(id=id, title=title, text=text, published=_parse_date(published), source=source, url=url)
    return extract_article(article, home_country=home_country, lexicon=lexicon, model=model)


def extract_article(
    article: Article,
    *,
    home_country: str | None = None,
    lexicon: Lexicon | None = None,
    model: ConfidenceModel | Literal["default"] | None = DEFAULT_MODEL,
) -> Extraction:
    """Extract the engagement events of an :class:`Article` (``model`` as in :func:`extract`)."""
    doc = Document.read(article, lexicon or load_lexicon())
    doc.home, settled = _home(doc, home_country)
    settle_ambiguous_places(doc)
    if not settled:
        doc.home, settled = _home(doc, home_country)  # counted again once «عمان» is settled
    if not doc.tag_starts["trigger"]:
        # No engagement is reported without a trigger word: skip the rest.
        return Extraction(article, [], _flags(article, doc.home), doc.home)
    _split_sentences(doc)
    doc.home_named = _home_named(doc)
    if article.published is None:
        years = (gregorian_year(w) for w in DIGITS.findall(doc.text) if len(w) == 4)
        doc.latest_year = max(filter(None, years), default=None)
    _find_dates(doc)
    first_pass = _remember_titled(doc)
    if not settled:
        doc.home = _home_from_rulers(doc, first_pass) or doc.home
    if not doc.home_named:  # naming the outlet's own office holder speaks of its state too
        doc.home_named = any(m.name is not None and m.country == doc.home for found in first_pass for m in found)
    doc.scene = _scene(doc, first_pass)
    per_sentence = _candidates(doc, first_pass)
    named = [m for found in first_pass for m in found if m.name and m.title]
    events = _assemble(doc, per_sentence, named)
    _headline_status(doc, events)
    _date_from_context(doc, events)
    _dated_ahead(doc, events)
    events = [e for e in events if not _stale(doc, e)]
    events = _without_review(doc, events)
    events = _without_passing_mentions(doc, events)
    for event in events:
        geo = locate(event.location, event.countries(), doc.home)
        event.place = geo.to_dict() if geo is not None else None
    extraction = Extraction(article, events, _flags(article, doc.home), doc.home)
    scoring = default_model() if model == DEFAULT_MODEL else model
    score_events(extraction, scoring)
    return extraction


def _find_dates(doc: Document) -> None:
    """Dates matter only where an event may be: scan the sentences holding a trigger."""
    spans = [doc.char_range(lo, hi) for lo, hi in sorted(doc.sentences) if doc.has_tag_within("trigger", lo, hi)]
    doc.dates = find_dates(doc.text, doc.article.published, spans, doc.lexicon.cues)
    doc.date_tokens = frozenset(
        i for d in doc.dates for i in range(doc.token_index(d.start), doc.token_index(d.end))
    )


def _remember_titled(doc: Document) -> list[list[Mention]]:
    """The mentions of every sentence naming a title, the people among them remembered
    in ``doc.known`` (only titled mentions are remembered or referred back to)."""
    first_pass: list[list[Mention]] = []
    for lo, hi in doc.sentences:
        if not doc.has_tag_within("title", lo, hi):
            first_pass.append([])
            continue
        found = find_mentions(doc, lo, hi, refer_back=False)
        register_names(doc, found)
        first_pass.append(found)
    return first_pass


def _candidates(doc: Document, first_pass: list[list[Mention]]) -> list[list[Candidate]]:
    """The candidate events of every sentence (none where no trigger is)."""
    per_sentence: list[list[Candidate]] = []
    last_addressees: list[Mention] = []
    visited: str | None = None
    traveller: Mention | None = None
    last_sources: dict[str, Mention] = {}
    last_pair: tuple[Mention, Mention] | None = None
    for n, (lo, hi) in enumerate(doc.sentences):
        if not doc.has_tag_within("trigger", lo, hi):
            per_sentence.append([])
            continue
        mentions = find_mentions(doc, lo, hi, refer_back=True)
        s_start, s_end = doc.char_range(lo, hi)
        within = _dates_within(doc.dates, s_start, s_end)
        found = sentence_events(
            doc, (lo, hi), mentions,
            dated=any(d.value for d in within),
            day_named=any(d.kind == "relative" for d in within),
            previous=_previous_subject(first_pass, n, doc.n_body),
            last_addressees=last_addressees,
            visited=visited,
            traveller=traveller,
            last_sources=last_sources,
            last_pair=last_pair,
        )
        last_pair = next(((c.sources[0], c.targets[0]) for c in reversed(found)
                          if c.sources and c.targets and c.type != "MESSAGE"), last_pair)
        last_addressees = addressees_after(found, last_addressees)
        last_sources = sources_after(found, last_sources)
        visited = visited_after(found, visited)
        traveller = traveller_after(found, traveller)
        per_sentence.append(found)
    return per_sentence


def _assemble(doc: Document, per_sentence: list[list[Candidate]], named: list[Mention]) -> list[Event]:
    """Events from candidates, a headline's merged into the body's fuller telling."""
    events: list[Event] = []
    candidate_sentences = [n for n, found in enumerate(per_sentence) if found]
    n_body = doc.n_body
    present_only: set[int] = set()  # ids of events read as announced only for a present verb
    undated_nouns: set[int] = set()  # ids of visits told by an undated verbal noun («زيارة الوزير»)
    for n, found in enumerate(per_sentence):
        built = []
        for cand in found:
            event = _build_event(doc, cand, n, candidate_sentences)
            if event is None or _of_another_era(doc, event):
                continue
            for one in _one_per_addressee(event):
                built.append(one)
                if cand.status == "planned" and not is_planned(doc, cand.trigger, *cand.sentence):
                    present_only.add(id(one))
                elif cand.type == "VISIT" and cand.status == "occurred" and cand.voice in ("noun", "genitive") \
                        and one.date is None:
                    undated_nouns.add(id(one))
        for event in _without_talks_during_calls(built):
            if n >= n_body:
                used = _fill_names(doc, event, named)
                if used is not None and n_body:
                    # A headline told in a body without a trigger word ("بتواصل … مع"):
                    # what was discussed is said around the body's mention.
                    body = doc.sentences[:n_body]
                    body_n = next((k for k, (lo, hi) in enumerate(body) if lo <= used.first < hi), None)
                    if body_n is not None:
                        _attach_topics(doc, event, body_n, candidate_sentences, body)
                if _repeats_body(events, event):
                    continue
            _merge_into(events, event)
    return _without_retold(_without_talks_after_calls(doc, events), present_only, undated_nouns)


def _without_talks_after_calls(doc: Document, events: list[Event]) -> list[Event]:
    """«تلقى سموه اتصالا هاتفيا من الوزير … كما ناقش سموه والوزير عددا من القضايا»: talks
    told by a verb of discussing after a call between the same states are that call."""
    calls = [e for e in events if e.type == "PHONE_CALL" and e.status == "occurred"]
    if not calls:
        return events
    discussed = doc.lexicon.cues.discussed

    def told_by_discussing(e: Event) -> bool:
        if e.trigger is None:
            return False
        verb = fold(e.trigger.text).split()[0].removeprefix("و").removeprefix("ف")
        return verb in discussed

    return [e for e in events if not (
        e.type == "MEETING" and e.status == "occurred" and told_by_discussing(e)
        and any(c.countries() == e.countries() and c.sentence is not None and e.sentence is not None
                and (c.sentence.part, c.sentence.start) <= (e.sentence.part, e.sentence.start) for c in calls))]


def _without_retold(events: list[Event], present_only: set[int], undated_nouns: set[int]) -> list[Event]:
    """The same engagement told again with a different status is one engagement. A body
    line in the present with no word of the future («حاكم دبي يستقبل …» under a photograph)
    read as announced, where the article tells that engagement as done; and a visit told by
    an undated verbal noun and read as done («زيارة الوزير السعودي تأتي في سياق التحضير …») where the
    article announces that engagement («سوف يزور الجبير موسكو الثلاثاء المقبل»)."""
    told = {(e.type, frozenset(e.countries())) for e in events if e.status == "occurred" and id(e) not in undated_nouns}
    announced = {(e.type, frozenset(e.countries())) for e in events if e.status == "planned"
                 and id(e) not in present_only}
    return [e for e in events if not (
        (id(e) in present_only and e.status == "planned" and (e.type, frozenset(e.countries())) in told)
        or (id(e) in undated_nouns and e.status == "occurred" and (e.type, frozenset(e.countries())) in announced)
    )]


def _headline_status(doc: Document, events: list[Event]) -> None:
    """Headlines use the present for news of any time: «وزير الخارجية الإيراني يزور الكويت»
    over a lead that says «سيقوم يوم غد الأحد بزيارة» "will make a visit tomorrow" is an
    announced visit, as the lead tells it."""
    if not doc.n_body:
        return
    lo, hi = doc.sentences[0]
    planned_types = {
        t.type for i in doc.starts_within("trigger", lo, hi)
        for t in doc.tags["trigger"][i].value if is_planned(doc, doc.tags["trigger"][i], lo, hi)
    }
    lead = _sentence_span(doc, 0)
    planned_types |= {e.type for e in events if e.status == "planned" and e.sentence is not None
                      and e.sentence.part == lead.part and e.sentence.start == lead.start}
    for event in events:
        if event.sentence is not None and event.sentence.part == "title" and event.status == "occurred" \
                and event.type in planned_types:
            event.status = "planned"
            event.codes = codes_for(event.type, event.subtype, event.status)


MEMBER_WORDS = frozenset({"عضو", "العضو", "اعضاء", "الاعضاء", "عضوا"})  # (folded) members, not officers
STALE_DAYS = 7  # an engagement dated this long before publication is background, not news
AGREEMENT_LEAD_SENTENCES = 2  # body sentences where an undated signing is the article's news
LEAD_CHARS = 1000  # about the first 170 words: where a news story tells its engagements
REVIEW_EVENTS = 12  # more events than this in one article make it a review of past engagements


def _stale(doc: Document, event: Event) -> bool:
    """«ووقعت إيران والقوى العالمية الست اتفاقا نوويا في 14 يوليو» in a paper of August:
    an engagement the text dates weeks before the publication is recalled, not reported."""
    published = doc.article.published
    if event.status != "occurred" or event.date is None or published is None:
        return False
    return (published - dt.date.fromisoformat(event.date)).days > STALE_DAYS


def _dated_ahead(doc: Document, events: list[Event]) -> None:
    """«يلتقي رئيس الائتلاف لافروف في موسكو في 12 الشهر الجاري» in a paper of the 9th: an
    engagement the text dates after the publication is announced, whatever the verb's tense."""
    published = doc.article.published
    if published is None:
        return
    weekdays = weekday_names()
    imperfect = doc.lexicon.cues.imperfect
    for event in events:
        if event.status != "occurred" or event.date is None:
            continue
        day = dt.date.fromisoformat(event.date)
        bare_day = event.date_span is not None and fold(event.date_span.text).removeprefix("يوم ") in weekdays
        verb = fold(event.trigger.text).split()[0].removeprefix("و") if event.trigger is not None else ""
        if bare_day and verb in imperfect and day < published and event.sentence is not None \
                and event.sentence.part == "text":
            # «يزور الجبير موسكو الثلاثاء» "Jubeir visits Moscow on Tuesday" in a paper of
            # Saturday: an imperfect verb's bare weekday is the coming one.
            day += dt.timedelta(days=7)
            event.date = day.isoformat()
        if day > published:
            event.status = "planned"
            event.codes = codes_for(event.type, event.subtype, event.status)


def _without_passing_mentions(doc: Document, events: list[Event]) -> list[Event]:
    """A news story tells its engagements in its headline and lead; further down a long
    article, an engagement neither dated there nor between the parties the lead engages
    («كما أن الرئيس الفرنسي اتصل برئيس الوزراء» in a column's argument, «بعد لقائه الرئيس
    بوتين» in an analysis) is one the article refers to, not one it reports. What is
    announced («ومن المقرر أن يزور فابيوس إيران قريبا») is news wherever it is told. A signing
    is held to the first AGREEMENT_LEAD_SENTENCES body sentences: «بعد أن أبرمت واشنطن اتفاقا»."""
    if not doc.n_body:
        return events
    lead_states = {c for e in events if e.sentence is not None and _in_lead_zone(e.sentence)
                   for c in e.countries()}
    agreement_lead = _sentence_span(doc, min(AGREEMENT_LEAD_SENTENCES, doc.n_body) - 1)
    date_spans = [doc.span(d.start, d.end) for d in doc.dates]
    kept = []
    for event in events:
        sentence = event.sentence
        if sentence is None or sentence.part == "title" or event.date is not None or event.status == "planned" \
                or any(d.part == sentence.part and sentence.start <= d.start < sentence.end for d in date_spans):
            kept.append(event)
        elif event.type == "AGREEMENT":
            if sentence.start <= agreement_lead.start or (event.trigger is not None and event.countries() <= lead_states
                                                         and _pair_signs(doc, event.trigger)):
                kept.append(event)  # (or «ووقع الجانبان …» later on: the lead's parties sign)
        elif _in_lead_zone(sentence) or event.countries() <= lead_states or _item_lead(doc, sentence):
            kept.append(event)  # the lead's engagement told on, or its parties' further talks
    return kept


def _pair_signs(doc: Document, trigger: Span) -> bool:
    """Whether a signing's verb has a dual referring back as its subject («ووقع الوزيران»)."""
    original = doc.article.title if trigger.part == "title" else doc.article.text
    words = fold(original[trigger.end:trigger.end + 40]).split()[:1]
    before = fold(original[max(0, trigger.start - 30):trigger.start]).split()[-1:]
    pair = doc.lexicon.cues.pair_anaphor
    return any(w.removeprefix("و") in pair for w in words + before)


def _item_lead(doc: Document, sentence: Span) -> bool:
    """A sentence that opens another news item of the article («إلى ذلك،», «على صعيد آخر،»)
    or tells what a cabinet reviewed («أن مجلس الوزراء نوه بزيارة …»): its engagements are
    reported there."""
    cues = doc.lexicon.cues
    words = fold(sentence.text).split()
    opening = " ".join(w.strip("،,") for w in words[:4]).removeprefix("و")
    if any(opening.startswith(o) for o in cues.item_opener):
        return True
    folded = " ".join(words)
    return any(phrase in folded for phrase in cues.council_review)


def _in_lead_zone(sentence: Span) -> bool:
    return sentence.part == "title" or sentence.start < LEAD_CHARS


def _without_review(doc: Document, events: list[Event]) -> list[Event]:
    """A review («سلمان يؤسس لدولة المستقبل خلال مائة يوم» "a hundred days that founded a
    state", a year's almanac) retells dozens of engagements of past weeks and months: past
    REVIEW_EVENTS events, only what its headline and lead tell, or what it dates within the
    week of a dated page, is news."""
    if len(events) <= REVIEW_EVENTS or not doc.n_body:
        return events
    lead = _sentence_span(doc, 0)
    dated = doc.article.published is not None  # (dates of an undated page may be of any year)
    return [e for e in events if (dated and e.date is not None) or (
        e.sentence is not None and (e.sentence.part == "title" or e.sentence.start <= lead.start))]


def _date_from_context(doc: Document, events: list[Event]) -> None:
    """An undated event told after a dated one with a party in common happened then: the
    officials who received a visitor «لدى وصوله» met them the day they arrived, and a
    headline («ولي العهد يستقبل …») tells the body's dated event. Only occurred events,
    and only a date the text gave (never the publication date by itself)."""
    told = [(e, e.sentence) for e in events if e.sentence is not None]
    body_first = sorted(told, key=lambda pair: (pair[1].part == "title", pair[1].start))
    for k, (event, sentence) in enumerate(body_first):
        if event.date is not None or event.status != "occurred":
            continue
        earlier = body_first[:k] if sentence.part == "text" else body_first
        source = next((e for e, _ in reversed(earlier) if e.date and e.status == "occurred"
                       and e is not event and e.countries() & event.countries()), None)
        if source is not None:
            event.date, event.date_span = source.date, source.date_span
        elif sentence.part == "title" and doc.n_body:
            _date_from_lead(doc, event)


def _date_from_lead(doc: Document, event: Event) -> None:
    """A headline («وزير الخارجية يستقبل …») tells what its lead tells: the lead's date
    («استقبل … اليوم») is the headline event's, when that date has come."""
    lo, hi = doc.char_range(*doc.sentences[0])
    published = doc.article.published
    for d in _dates_within(doc.dates, lo, hi):
        if d.value is not None and (published is None or d.value <= published):
            event.date, event.date_span = d.value.isoformat(), doc.span(d.start, d.end)
            return


def _without_talks_during_calls(events: list[Event]) -> list[Event]:
    """«بحث الرئيس خلال اتصال هاتفي مع الملك …» "discussed during a phone call with the
    King": the talks are the call, not a meeting besides it."""
    calls = {e.countries() for e in events if e.type == "PHONE_CALL"}
    return [e for e in events if not (e.type == "MEETING" and e.countries() in calls)]


def _previous_subject(first_pass: list[list[Mention]], n: int, n_body: int) -> Mention | None:
    """The first person or office named in the body sentence before sentence ``n``
    (what ``جاء ذلك في برقية ...`` refers back to)."""
    if n == 0 or n >= n_body:
        return None
    return next((m for m in first_pass[n - 1] if m.kind in ("person", "office")), None)


def _home(doc: Document, override: str | None) -> tuple[str | None, bool]:
    """The outlet's state, and whether that is settled (given, a known outlet, or read off
    the dateline or a unique office) rather than guessed from the states mentioned most."""
    if override:
        return override, True
    known = outlet_country(doc.article.source, doc.article.url, doc.lexicon)
    if known:
        return known, True
    country, reason = infer_home_country(doc)
    return country, reason not in ("most mentioned", "unknown")


def _home_from_rulers(doc: Document, first_pass: list[list[Mention]]) -> str | None:
    """An outlet's state told by its own leaders: an Arab ruler or official named under a
    title with no state of its own («سمو أمير البلاد الشيخ مشعل الأحمد الجابر الصباح»,
    «الشيخ محمد بن زايد آل نهيان رئيس الدولة») is the outlet's, so a Kuwaiti or Emirati
    page read without its source still gives its officials their state."""
    votes: Counter[str] = Counter()
    for found in first_pass:
        for m in found:
            # (a listed office holder has his state already, but none is written beside him)
            home_titled = m.country in (None, HOME) or m.country_tokens is None or (
                m.title is not None and any(doc.word(k) in doc.lexicon.cues.home_word for k in range(*m.title)))
            if m.name and m.title and home_titled and _home_office(doc, m):
                own = state_of_name(doc, *m.name)
                if own in doc.lexicon.cues.arab_state:
                    votes[own] += 1
    return votes.most_common(1)[0][0] if votes else None


HEADLINE_REPEAT_WORDS = 4  # a body sentence this long found inside the headline repeats it
HEADLINE_LEAD_WORDS = 6  # words a footer may put before a repeated headline («رابط الخبر بصحيفة …:»)


def _split_sentences(doc: Document) -> None:
    """Token ranges of sentences: body first, then the title (so a headline that
    repeats a body event merges into the body's fuller version)."""
    body: list[tuple[int, int]] = []
    title: list[tuple[int, int]] = []
    headline = " ".join(doc.text[: doc.title_end].split())
    for s, e in sentences(doc.text):
        lo, hi = doc.token_index(s), doc.token_index(e)
        if hi <= lo:
            continue
        if s >= doc.title_end and _repeats_headline(doc.text[s:e], headline):
            continue  # «رابط الخبر: …» a page's footer repeating its headline: told once
        (title if s < doc.title_end else body).append((lo, hi))
    doc.sentences = body + title
    doc.n_body = len(body)


def _repeats_headline(line: str, headline: str) -> bool:
    """A body line that is the headline again, alone or after a few words («رابط الخبر:»).
    The headline's words are joined by single spaces; the line's as written."""
    headline_words = len(headline.split())
    if headline_words < HEADLINE_REPEAT_WORDS:
        return False
    if line.split(None, 1)[0] not in headline and headline.split(None, 1)[0] not in line:
        return False  # the line neither starts with a word of the headline nor holds its first
    sentence = " ".join(line.split())
    words = len(sentence.split())
    if words < HEADLINE_REPEAT_WORDS:
        return False
    return sentence in headline or (headline in sentence and words <= headline_words + HEADLINE_LEAD_WORDS)


def _title_words(title: str | None) -> set[str]:
    return {w.removeprefix("ال") for w in fold(title or "").split() if len(w) > 2}


def _fill_names(doc: Document, event: Event, named: list[Mention]) -> Mention | None:
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
            if _resolve_country(doc, m) != actor.country or m.title is None:
                continue
            start, end = doc.char_range(*m.title)
            overlap = len(wanted & _title_words(doc.text[start:end]))
            if overlap > best_overlap:
                best, best_overlap = m, overlap
        if best is not None and best_overlap * 2 >= len(wanted):
            filled = _actor(doc, best, actor.role)
            actor.name, actor.title, actor.evidence = filled.name, filled.title, filled.evidence
            used = used or best
    return used


def _repeats_body(events: list[Event], headline: Event) -> bool:
    """A headline event repeats the body when a body event of the same type has the
    same source country and shares a target country (``استقبل سفيري تركيا ولبنان``
    summarises two separate meetings told in the body), or when a headline's talks
    between two states are a call the body tells."""
    src = {a.country for a in headline.actors if a.role == "source"}
    tgt = {a.country for a in headline.actors if a.role == "target"}
    for e in events:
        if headline.type == "MEETING" and e.type == "PHONE_CALL" and e.countries() == headline.countries():
            return True  # «ولي ولي العهد يبحث مع الرئيس اليمني …» over a body that tells a call
        if headline.type == "MESSAGE" and e.type == "PHONE_CALL" and e.countries() <= headline.countries():
            return True  # «يتلقى تعازي ملك البحرين» over a body that tells the call of condolence
        if e.type != headline.type:
            continue
        e_src = {a.country for a in e.actors if a.role == "source"}
        e_tgt = {a.country for a in e.actors if a.role == "target"}
        if (e_src == src and e_tgt & tgt) or (e.countries() == headline.countries()):
            return True
    return False


def _resolve_country(doc: Document, m: Mention) -> str | None:
    """The state an actor acts for.

    A state named in the mention decides (``سفير تركيا``, ``وزير الخارجية الكويتي``,
    ``وزير خارجية المملكة``). With none, the outlet's own state is taken only for one
    holder of a definite post (:func:`_home_office`) or a ranked person named in full
    (``الأمير محمد بن سلمان``); plurals, bare heads, generic posts and former holders
    («الوزراء», «الرئيس السابق», «مسؤول») get no state, and the event drops them.
    """
    implicit = m.country_tokens is None and m.country in (None, HOME)
    ref = m.ref
    if implicit and m.title is None and ref is not None and ref.title is not None \
            and ref.title[1] - ref.title[0] >= 3 and m.name is not None and ref.name is not None \
            and doc.word(m.name[1] - 1) == doc.word(ref.name[1] - 1):
        m = ref  # «أبوبكر» in a headline: the office holder the body names in full
        implicit = m.country_tokens is None and m.country in (None, HOME)
    if m.country in (None, HOME) and m.name:
        own = state_of_name(doc, *m.name)
        if own is not None:
            return own  # «تميم بن حمد آل ثاني أمير البلاد» in any outlet: QAT
    if implicit:
        body = _body_referred_to(doc, m)
        if body is not None:
            return body  # «رئيس اللجنة» after «اللجنة الدولية للصليب الأحمر»: the ICRC's
        if not _home_office(doc, m) or _foreign_president(doc, m):
            return None
        if _in_lead(doc, m):
            return doc.home  # «استقبل وزير التجارة وفدا صينيا»: a local item names its official
        if doc.scene is not None and not _names_home(doc, *_sentence_of(doc, m.first)):
            if not _royal_in_republic(doc, m):
                return doc.scene  # a wire story set abroad: «قائد الجيش» is that state's
            if doc.home in doc.lexicon.cues.kingdom:
                return doc.home  # «المستشار بالديوان الملكي» in a story set in Yemen: the kingdom's
        return doc.home if doc.home_named else None
    if m.country == HOME:
        return doc.home
    return m.country


def _royal_in_republic(doc: Document, m: Mention) -> bool:
    """Whether an office only a monarchy has («المستشار بالديوان الملكي» "adviser at the
    Royal Court") stands in a story set in a republic, whose official it cannot be."""
    cues = doc.lexicon.cues
    if m.title is None or doc.scene in cues.kingdom:
        return False
    return any(not cues.royal_office.isdisjoint(proclitic_cores(doc.word(i))) for i in range(*m.title))


def _body_referred_to(doc: Document, m: Mention) -> str | None:
    """The organisation an office names by its head noun alone: «رئيس اللجنة» "the
    committee's president" after «اللجنة الدولية للصليب الأحمر», «الأمين العام للمنظمة» after
    «منظمة التعاون الإسلامي» — the latest such organisation named before, in full."""
    if m.title is None or m.title[1] - m.title[0] < 2:
        return None
    if doc.word(m.title[0]).removeprefix("و") in MEMBER_WORDS:
        return None  # «أنقرة، العضو في الحلف» "Ankara, a member of the alliance": a member state
    last = doc.word(m.title[1] - 1)
    if last.startswith(("لل", "ولل")):
        noun = "ال" + last[last.find("لل") + 2:]  # «للمنظمة» "of the organisation"
    else:
        noun = last[last.find("ال"):] if "ال" in last[:3] else ""
    if len(noun) < 5:
        return None
    orgs = doc.lexicon.org_codes
    for k in reversed(doc.starts_within("place", 0, m.title[0])):
        tag = doc.tags["place"][k]
        if tag.value not in orgs:
            continue
        # the body's head noun opens its name («اللجنة الدولية للصليب الأحمر») or stands
        # before its acronym («منظمة أوبك»)
        heads = [doc.word(k)] if tag.last - tag.first >= 2 else []
        if k > 0:
            heads.append(doc.word(k - 1))
        if any(head[head.find("ال"):] == noun or "ال" + head == noun for head in heads):
            return str(tag.value)
    return None


def _foreign_president(doc: Document, m: Mention) -> bool:
    """«الرئيس هادي» in a Saudi paper: a kingdom has no president, so a bare one is foreign."""
    if m.title is None or doc.home not in doc.lexicon.cues.kingdom:
        return False
    title = fold(doc.token_span(*m.title).text)
    return title.removeprefix("و") in doc.lexicon.cues.president


def _in_lead(doc: Document, m: Mention) -> bool:
    """Whether a mention is in the headline or the first sentence of the body, where a
    local item names its own official («استقبل وزير التجارة وفدا صينيا»)."""
    if not doc.n_body or m.first < doc.token_index(doc.title_end):
        return True  # no body, or the headline
    return m.first < doc.sentences[0][1]


def _sentence_span(doc: Document, n: int) -> Span:
    """The text of sentence ``n`` (body sentences first, as in ``doc.sentences``)."""
    return doc.span(*doc.char_range(*doc.sentences[n]))


def _lead_end(doc: Document) -> int:
    """Token index where the headline and the first body sentence end."""
    end = doc.token_index(doc.title_end)
    return max(end, doc.sentences[0][1]) if doc.n_body else end


def _sentence_of(doc: Document, i: int) -> tuple[int, int]:
    """Token range of the sentence holding token ``i``."""
    return next(((lo, hi) for lo, hi in doc.sentences if lo <= i < hi), (i, i + 1))


def _names_home(doc: Document, lo: int, hi: int) -> bool:
    """Whether tokens ``[lo, hi)`` name the outlet's state (place, nisba, capital, an office
    unique to it, «المملكة»)."""
    home = doc.home
    for kind in ("place", "nisba", "capital"):
        if any(doc.tags[kind][k].value == home for k in doc.starts_within(kind, lo, hi)):
            return True
    for k in doc.starts_within("title", lo, hi):
        value = doc.tags["title"][k].value
        if value[0] == "unique" and value[1] == home:
            return True
    return not doc.lexicon.cues.home_name.isdisjoint(doc.words[lo:hi])


def _scene(doc: Document, first_pass: list[list[Mention]]) -> str | None:
    """The one foreign state a story is set in, when its headline and lead are about that
    state and not the outlet's: «قائد الجيش الباكستاني: …» makes a later «قائد الجيش»
    Pakistan's, not the outlet's. None for home news (the lead names the outlet's state or
    one of its officials by bare office) and for stories of several states."""
    if doc.home is None:
        return None
    lead = _lead_end(doc)
    if _names_home(doc, 0, lead):
        return None
    named = {m.name_key(doc)[-1]: m.country for found in first_pass for m in found
             if m.name and m.country not in (None, HOME)}  # «حيدر العبادي» beside «حكومة العبادي»
    for found in first_pass:
        for m in found:
            if m.first >= lead:
                continue
            own = (state_of_name(doc, *m.name) or named.get(m.name_key(doc)[-1])) if m.name else None
            if doc.home in (m.country, own) or (
                    own is None and _implicit(m) and m.title is not None and _home_office(doc, m)):
                return None
    for lo, hi in ((0, doc.token_index(doc.title_end)), (doc.token_index(doc.title_end), lead)):
        states = {doc.tags[kind][k].value for kind in ("place", "nisba", "capital")
                  for k in doc.starts_within(kind, lo, hi)} - {doc.home, None} - doc.lexicon.org_codes
        if states:
            return states.pop() if len(states) == 1 else None
    return None


def _home_named(doc: Document) -> bool:
    """Whether the article speaks of its outlet's state: names it (a place, nisba, capital,
    an office unique to it, «المملكة» "the Kingdom") or names an ambassador accredited to
    no other state («استقبل وكيل الوزارة سفير باكستان»: Pakistan's ambassador here).
    A wire story on Cuba or Syria that does neither gives a bare office
    («وزير الخارجية برونو رودريغيز», «المبعوث الخاص») no home state."""
    cues = doc.lexicon.cues
    hosts = cues.title_host | cues.title_seat
    for t in doc.tags["title"].values():
        if t.value[0] == "envoy" and not any(doc.word(k) in hosts for k in range(t.last, t.last + 6)):
            return True
    if _names_home(doc, 0, len(doc.words)):
        return True
    return not cues.home_word.isdisjoint(doc.words)


def _home_office(doc: Document, m: Mention) -> bool:
    """Whether a mention with no state of its own names one holder of a definite post:
    «وزير الخارجية» "the foreign minister" and «ولي العهد» "the crown prince" do;
    «الوزراء» "the ministers", «الوزيران» "the two ministers", «مستشاريه» "his advisers",
    «المنسق» "the coordinator" and «رئيس» alone do not."""
    if m.title is None:
        return m.ranked and m.name is not None
    if m.name is not None and all(doc.covering("hon", k) is not None for k in range(*m.title)):
        return True  # «الأمير سلطان بن سلمان»: a rank before a name, as without a title
    head = doc.at("title", m.title[0])
    if head is None:
        return False
    cues = doc.lexicon.cues
    core = fold(doc.text[head.match.core_start:head.match.core_end])
    core = core[2:] if core.startswith("ال") else core
    if doc.text[head.match.core_end:head.match.end] or core in cues.plural_office:
        return False  # a dual, plural or possessive ending: الوزيران, نائبها
    if doc.token_span(head.first, head.first + 1).text.endswith("ه"):
        return False  # «مساعده» "his assistant" (folding makes it look like مساعدة)
    if any(doc.word(i) in cues.former for i in range(*m.title)):
        return False
    qualified = m.title[1] - m.title[0] >= 2 or head.last - head.first >= 2
    return qualified or (m.name is not None and core not in cues.generic_office)


def _core_start(doc: Document, i: int) -> int:
    """Start of token ``i`` without its proclitics but with its article (``بأمين عام`` →
    ``أمين عام``, ``والرئيس`` → ``الرئيس``)."""
    tag = doc.at("title", i)
    if tag is None:
        k = doc.word(i).find("نظ")  # ونظيره, لنظيره: the counterpart word without و / ل
        return doc.starts[i] + (k if 0 < k <= 2 else 0)
    core = tag.match.core_start
    return core - 2 if tag.prefix.endswith("ال") else core


def _title_span(doc: Document, title: tuple[int, int]) -> Span:
    return doc.span(_core_start(doc, title[0]), doc.ends[title[1] - 1])


def _actor(doc: Document, m: Mention, role: str) -> Actor:
    evidence: dict[str, Span] = {"mention": doc.token_span(m.first, m.last)}
    name = title = None
    if m.name:
        start, end = m.name
        skip = len(m.prefix) if start == m.first and m.prefix and m.kind == "person" and m.title is None else 0
        # «ببان كي مون» "with Ban Ki-moon": the name without its proclitic
        evidence["name"] = doc.span(doc.starts[start] + skip, doc.ends[end - 1])
        name = evidence["name"].text
    if m.title:
        evidence["title"] = _title_span(doc, m.title)
        title = evidence["title"].text
    ref = m.ref
    if ref is not None and ref.name is not None and name is not None:
        # "وقال شكري": the person is named in full where first introduced.
        ref_name = doc.token_span(*ref.name)
        if set(fold(name).split()) <= set(fold(ref_name.text).split()):
            evidence["name"], name = ref_name, ref_name.text
    if ref is not None and ref.title is not None:
        evidence["title"] = _title_span(doc, ref.title)
        title = evidence["title"].text
    if m.country_tokens:
        evidence["country"] = doc.token_span(*m.country_tokens)
    return Actor(role, name, title, _resolve_country(doc, m), evidence)


def _implicit(m: Mention) -> bool:
    """The mention names no state of its own."""
    return m.country_tokens is None and m.country in (None, HOME)


def _shares_state(doc: Document, before: Actor, m: Mention) -> bool:
    """A bare office joined by و to a foreign official on the same side serves the same state:
    in «اجتماعه برئيس الوزراء العراقي حيدر العبادي ووزير الدفاع خالد العبيدي» the defence
    minister is Iraq's (but in «مباحثات بين الرئيس المصري وولي ولي العهد» the two are the
    two sides)."""
    if not _implicit(m) or m.title is None or not m.prefix.startswith("و"):
        return False
    return before.country not in (None, doc.home, doc.scene)


def _build_event(doc: Document, cand: Candidate, n: int, candidate_sentences: list[int]) -> Event | None:
    """The event of a candidate found in sentence ``n``; None unless it links two states."""
    parties = [(m, _actor(doc, m, "source")) for m in cand.sources]
    parties += [(m, _actor(doc, m, "target")) for m in cand.targets
                if not (cand.type == "VISIT" and _listed_after_from(doc, m))]
    by_end = {m.last: actor for m, actor in parties}
    assumed = {doc.home, doc.scene} - {None}  # what a bare office is given by default
    for m, actor in parties:
        before = by_end.get(m.first)
        if before is None and m.first > 0 and doc.word(m.first - 1) in ("،", ","):
            before = by_end.get(m.first - 1)  # «… محمد جواد ظريف، ونائب وزير الشؤون الخارجية»
        if before is not None and before.role == actor.role and actor.country in assumed \
                and _shares_state(doc, before, m):
            actor.country = before.country
        elif actor.country in assumed and _implicit(m) and actor.title:
            # «العبادي رئيس الوزراء … رئيس الوزراء»: the same bare office as a foreign party's
            # in one engagement is that party's, not the outlet's.
            same = next((a for _, a in parties if a is not actor and a.title
                         and fold(a.title) == fold(actor.title) and a.country not in (None, *assumed)), None)
            if same is not None:
                actor.country = same.country
    actors = []
    for m, actor in parties:
        actors.append(actor)
        for code, span in m.extra_countries if actor.role == "target" else ():
            extra = Actor("target", None, None, code)
            extra.evidence["country"] = doc.token_span(*span)
            actors.append(extra)
    if any(a.country is None for a in actors if a.role == "source"):
        return None
    actors = [a for a in actors if a.country]  # a party with no state is no party
    if len({a.country for a in actors}) < 2:
        return None
    if cand.type == "VISIT":
        # The visitor's compatriots are not hosts: in «بمناسبة زيارة الأمير محمد بن سلمان
        # للأردن بتوجيه من خادم الحرمين الشريفين» the King stays home.
        home_side = {a.country for a in actors if a.role == "source"}
        actors = [a for a in actors if a.role == "source" or a.country not in home_side]
        if len({a.country for a in actors}) < 2:
            return None
        actors = _one_host(actors)
        if _to_headquarters(doc, actors):
            return None
    trig = cand.trigger
    event = Event(
        type=cand.type,
        subtype=cand.subtype if vocabulary().type(cand.type).subtypes else None,
        status=cand.status,
        actors=actors,
        trigger=doc.token_span(trig.first, trig.last),
        sentence=doc.token_span(*cand.sentence),
    )
    _attach_date(doc, event, cand)
    _attach_location(doc, event, cand)
    if event.location is None and n + 1 < len(doc.sentences) and n + 1 not in candidate_sentences:
        # "… اجتماعات منفصلة مع … . جرت هذه اللقاءات في مقر وزارة الدفاع": the next
        # sentence, if it speaks of the same engagement, may say where.
        lo, hi = doc.sentences[n + 1]
        if doc.has_tag_within("trigger", lo, hi) and lo > cand.sentence[0]:
            place = find_location(doc, lo, hi, set())
            if place is not None:
                _set_location(doc, event, place, None)
    _attach_topics(doc, event, n, candidate_sentences)
    event.codes = codes_for(event.type, event.subtype, event.status)
    return event


ERA_GAP_YEARS = 10  # years after leaving every listed office when a leader's engagements are history


def _listed_after_from(doc: Document, m: Mention) -> bool:
    """«أعضاء الوفود من بريطانيا، والمغرب، وتونس» "the delegates from Britain, Morocco and
    Tunisia": a state in a list that «من» "from" opens is where visitors came from, not a
    country visited."""
    if m.kind != "state":
        return False
    k = m.first - 1
    while k >= 0 and doc.word(k) == "،":
        k -= 1  # back over «، والمغرب، وتونس» to the head of the list
        state = doc.covering("place", k) or doc.covering("capital", k)  # (or «وعمان», Oman or Amman)
        if state is None:
            return False
        k = state.first - 1
    return k >= 0 and doc.word(k) == "من"


def _to_headquarters(doc: Document, actors: list[Actor]) -> bool:
    """An organisation's official going to the city where it sits («يتوجه المبعوث الأممي إلى
    نيويورك» "the UN envoy heads to New York") goes to headquarters, not on a visit."""
    seats = doc.lexicon.cues.org_seat
    visitors = {a.country for a in actors if a.role == "source"}
    for a in actors:
        span = a.evidence.get("country") if a.role == "target" else None
        city = fold(span.text).removeprefix("ال") if span is not None else ""
        orgs = seats.get(city) or seats.get("ال" + city) or ""
        if span is not None and visitors <= set(orgs.split("|")) - {""}:
            return True
    return False


def _one_host(actors: list[Actor]) -> list[Actor]:
    """A visit is to one state. Where it names the country visited («زيارة مفاجئة إلى
    الجزائر») and also an official of another state («الممثل الخاص للأمين العام للأمم المتحدة»,
    «وزير الخارجية الكويتي»), that official was met elsewhere or only spoke of it: the
    country visited is the host."""
    places = {a.country for a in actors if a.role == "target" and a.name is None and a.title is None}
    if not places:
        return actors
    return [a for a in actors if a.role == "source" or a.country in places]


def _of_another_era(doc: Document, event: Event) -> bool:
    """«أسسها الملك المؤسس عبد العزيز الذي زار مصر» "founded by King Abdulaziz, who visited
    Egypt": an engagement of a listed office holder who left every office years before the
    article was published is history, not news."""
    if doc.year is None:
        return False
    for actor in event.actors:
        if actor.name:
            left = leader_left_office(doc.lexicon, " ".join(fold(actor.name).split()))
            if left is not None and left < doc.year - ERA_GAP_YEARS:
                return True
    return False


PAIRWISE_TYPES: Final = ("PHONE_CALL", "MESSAGE")  # a call or a cable is between two


def _one_per_addressee(event: Event) -> list[Event]:
    """«برقيتي تعزية إلى الرئيسين التركي والسوري» "two cables to the Turkish and Syrian
    presidents": a call or a cable to the holders of a dual title is one per state."""
    targets = [a for a in event.actors if a.role == "target"]
    if event.type not in PAIRWISE_TYPES or len({a.country for a in targets}) < 2:
        return [event]
    sources = [a for a in event.actors if a.role == "source"]
    return [replace(event, actors=[*sources, t], topics=list(event.topics), topic_spans=dict(event.topic_spans),
                    codes=dict(event.codes)) for t in targets]


def _attach_date(doc: Document, event: Event, cand: Candidate) -> None:
    s_start, s_end = doc.char_range(*cand.sentence)
    trig_at = doc.starts[cand.trigger.first]
    near = [d for d in _dates_within(doc.dates, s_start, s_end) if d.value is not None]
    if not near:
        return
    # A dateline («واشنطن في 14 سبتمبر / بنا /», «الكويت - 12 - 3 (كونا) --») dates the
    # dispatch; a date told in the sentence itself («أمس الأربعاء») dates the event.
    told = [d for d in near if not _in_dateline(doc, d, trig_at)]
    best = min(told or near, key=lambda d: abs(d.start - trig_at))
    if best.value is None or abs(best.start - trig_at) > DATE_REACH:
        return  # a date far along a long sentence belongs to another clause
    event.date = best.value.isoformat()
    event.date_span = doc.span(best.start, best.end)
    published = doc.article.published
    if published and best.value > published and event.status == "occurred":
        event.status = "planned"


def _in_dateline(doc: Document, d: DateMention, trig_at: int) -> bool:
    """Whether a date before the trigger sits in the dispatch's dateline: an agency's mark
    («/ بنا /», «(كونا)», «--») stands between it and the trigger."""
    if d.start >= trig_at:
        return False
    between = doc.text[d.end:trig_at]
    return "/" in between or "--" in between or ")" in between[:20]


def _attach_location(doc: Document, event: Event, cand: Candidate) -> None:
    lo, hi = cand.sentence
    skip = {i for m in cand.sources + cand.targets for i in range(m.first, m.last) if m.kind not in ("state", "city")}
    if cand.destination is not None:
        place: tuple[int, int] | None = (cand.destination.first, cand.destination.last)
    else:
        place = find_location(doc, lo, hi, skip)
    if place is None:
        return
    _set_location(doc, event, place, cand.destination)


def _set_location(doc: Document, event: Event, place: tuple[int, int], destination: Mention | None) -> None:
    span = doc.token_span(*place)
    text = span.text
    named = doc.at("capital", place[0]) or doc.at("place", place[0])
    # برلين, بغداد: the ب belongs to the name; so it does for a destination.
    keeps_ba = destination is not None or (named is not None and "ب" not in named.prefix)
    for clitic in ("وب", "ب", "في ", "ل"):
        if text.startswith(clitic) and len(text) > len(clitic) + 2 and not keeps_ba:
            if clitic in ("ب", "وب"):
                span = Span(span.part, span.start + len(clitic), span.end, text[len(clitic):])
            break
    event.location = span.text
    event.location_span = span


def _dates_within(dates: list[DateMention], start: int, end: int) -> list[DateMention]:
    """The dates starting in ``[start, end)`` (``dates`` is sorted by start)."""
    return dates[bisect_left(dates, start, key=lambda d: d.start) : bisect_left(dates, end, key=lambda d: d.start)]


def _attach_topics(
    doc: Document, event: Event, n: int, candidate_sentences: list[int],
    ranges: list[tuple[int, int]] | None = None,
) -> None:
    """What was discussed: the topic cues of sentence ``n`` of ``ranges`` (by default the
    document's sentences) and of those after it, up to the next one with its own event."""
    ranges = doc.sentences if ranges is None else ranges
    cues = doc.cues
    k = bisect_right(candidate_sentences, n)  # the next sentence holding its own event
    later = candidate_sentences[k : k + 1]
    stop = min([n + TOPIC_SCOPE + 1, *later])
    scope = [doc.char_range(lo, hi) for lo, hi in ranges[n:stop]]
    if ranges[n][0] < doc.token_index(doc.title_end):
        scope = [doc.char_range(*ranges[n])]
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
    within = set(wa) <= set(wb) or set(wb) <= set(wa)
    if min(len(wa), len(wb)) < 3:
        return wa[0] == wb[0] or within
    # Two full names are one person only if one holds the other or they agree on the given
    # name and the next name: «صباح الأحمد الجابر الصباح» is not «صباح خالد الحمد الصباح»,
    # «خليفة بن سلمان آل خليفة» is not «سلمان بن حمد آل خليفة».
    particles = {"بن", "ابن", "ال", "آل", "بنت"}
    core_a, core_b = [w for w in wa if w not in particles], [w for w in wb if w not in particles]
    return core_a[:2] == core_b[:2]


def _titles_compatible(a: str, b: str) -> bool:
    """Same office: the same head word, or one title's words within the other's
    («وزير الخارجية الإيراني» / «وزير خارجية إيران»)."""
    wa, wb = fold(a).split(), fold(b).split()
    if wa[0] == wb[0]:
        return True
    if {wa[0], wb[0]} & DEPUTY_WORDS:
        return False  # «نائب خادم الحرمين الشريفين» is not «خادم الحرمين الشريفين»
    return set(wa) <= set(wb) or set(wb) <= set(wa)


DEPUTY_WORDS = frozenset({"نائب", "مساعد", "وكيل", "ولي"})


def _same_first_name(a: str | None, b: str | None) -> bool:
    """Same person by a stricter test: the same first name, or a one-word name within the
    other (``الجبير`` / ``عادل الجبير``); «سلمان بن عبدالعزيز» is not «محمد بن سلمان بن عبدالعزيز»."""
    if not a or not b:
        return True
    wa, wb = fold(a).replace("عبد ", "عبد").split(), fold(b).replace("عبد ", "عبد").split()
    return wa[0] == wb[0] or (len(wa) == 1 and wa[0] in wb) or (len(wb) == 1 and wb[0] in wa)


def _same_event(a: Event, b: Event) -> bool:
    if a.type != b.type or a.status != b.status or a.countries() != b.countries():
        return False
    if _same_parties(a, b, swapped=False):
        return True
    # A meeting is told from either side: «التقى كارتر الملك سلمان» and «أكد الملك سلمان
    # خلال لقائه الوزير الأمريكي» are one meeting with host and guest in either order.
    # In one sentence («ولي ولي العهد يجتمع مع … اجتمع الأمير … مع …», a subheading run
    # into its lead) no conflict is enough.
    same_sentence = a.sentence is not None and a.sentence == b.sentence
    return not vocabulary().type(a.type).directed and _same_parties(a, b, swapped=True, same_sentence=same_sentence)


def _same_parties(a: Event, b: Event, *, swapped: bool, same_sentence: bool = False) -> bool:
    """Whether the named (else titled) parties of ``a`` and ``b`` may be the same, role by
    role or, ``swapped``, each side against the other's; a swapped reading needs a person
    named on both sides, not merely no conflict, unless both are told in one sentence."""
    named_both = False
    for role in ("source", "target"):
        other = {"source": "target", "target": "source"}[role] if swapped else role
        names_a = [x.name for x in a.actors if x.role == role and x.name]
        names_b = [x.name for x in b.actors if x.role == other and x.name]
        compatible = _same_first_name if swapped else _names_compatible
        if names_a and names_b:
            if not any(compatible(x, y) for x in names_a for y in names_b):
                return False
            named_both = True
        one_named = bool(names_a) != bool(names_b)
        cables = role == "source" == other and a.type == "MESSAGE" and _senders(a) == _senders(b)
        if (not names_a and not names_b) or (one_named and cables):
            # Unnamed office holders: "خادم الحرمين الشريفين وسمو ولي العهد" sent two cables
            # (and «كما بعث خادم الحرمين الشريفين برقية» is not «كما بعث الأمير محمد بن نايف
            # … ولي العهد برقية» to the same president: cables of two senders).
            titles_a = [x.title for x in a.actors if x.role == role and x.title]
            titles_b = [x.title for x in b.actors if x.role == other and x.title]
            if titles_a and titles_b and not any(_titles_compatible(x, y) for x in titles_a for y in titles_b):
                return False
    different_days = bool(a.date and b.date and a.date != b.date)
    return not (swapped and (not (named_both or same_sentence) or different_days))


def _senders(event: Event) -> set[str | None]:
    return {x.country for x in event.actors if x.role == "source"}


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
            for mine in old.actors:
                theirs = next((x for x in new.actors if x.country == mine.country and x.name), None)
                if not mine.name and theirs is not None:
                    mine.name, mine.evidence = theirs.name, theirs.evidence
            return
    events.append(new)


def _flags(article: Article, home: str | None) -> list[str]:
    flags = []
    if _has_placeholder(article.title) or _has_placeholder(article.text):
        flags.append("unfilled_placeholder")
    if home is None:
        flags.append("home_country_unknown")
    if article.published is None:
        flags.append("no_published_date")
    return flags


def _has_placeholder(text: str) -> bool:
    # A slot opens with «[» or «{{» or is XX/XX; most articles hold none of these
    # characters, and looking for them costs far less than the pattern's scan.
    return any(c in text for c in "[{xX") and PLACEHOLDER.search(text) is not None
