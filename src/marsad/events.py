"""Mentions → events: which trigger, who is source and target, status.

Works sentence by sentence on tagged tokens. The grammar follows how Arabic news
reports an engagement:

- verb first, subject then object (VSO): ``استقبل خادم الحرمين ... وزير الخارجية المصري``
  — the host is the source, the guest the target;
- subject first in headlines (SVO): ``وزير الدفاع استقبل سفيري تركيا ولبنان``;
- the receiving verb reverses the roles: ``تلقى X اتصالا هاتفيا من Y`` — Y called X;
- verbal nouns refer to an engagement: ``خلال لقائه ...`` (his meeting with …),
  ``زيارة الأمير محمد بن سلمان للقاهرة`` (the prince's visit to Cairo).

People who only attend (``بحضور``, ``حضر الاستقبال``) or whose greetings are passed on
(``نقل تحيات``) are not parties. Background told in the past perfect (``وكان ... قد``)
is not news unless the sentence dates it. The cue words behind these rules are language
data (``lexicon/data/cues.tsv``), read through ``doc.lexicon.cues``.

What differs by event type lives in one place, :data:`GRAMMAR`: a handler per type that
turns a :class:`Clause` (a trigger with the parties around it) into candidate events —
message subtypes, one event per party for calls, the visited state for visits, states
signing as parties for agreements.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from marsad.lexicon import Trigger
from marsad.model import vocabulary
from marsad.recognize.actors import HOME, Mention, is_counterpart
from marsad.recognize.dates import month_names
from marsad.recognize.document import Document
from marsad.recognize.tagging import Tag
from marsad.text.clitics import PRONOUN_ENDINGS

FUTURE_WINDOW = 12  # tokens after a trigger where a future time word dates it
PLANNED_WINDOW = 8  # tokens before a trigger where a future cue applies to it
VISIT_REACH = 6  # words after a verbal noun of visiting where the place visited may stand bare
PLANNED_AFTER = 3  # tokens after a trigger where «بمشيئة الله», «المرتقبة» make it planned
SUBJECT_GAP = 4  # tokens between a headline subject and its verb (أمس، اليوم …)
RELATIVE_GAP = 6  # tokens between a noun and the verb of its relative clause (… من جامعة جازان، الذي)
PERFECT_REACH = 12  # tokens from the start of a sentence where قد marks the past perfect


@dataclass
class Candidate:
    """An event found in one sentence, in token terms (resolved later)."""

    type: str
    subtype: str | None
    status: str
    trigger: Tag
    sentence: tuple[int, int]
    sources: list[Mention]
    targets: list[Mention]
    destination: Mention | None = None
    voice: str = "agent"  # the trigger's reading: agent, recipient, noun or genitive


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)))


def _word_has_cue(word: str, cues: tuple[str, ...]) -> bool:
    """Does a cue start within the first 4 letters of ``word`` (after its clitics)?"""
    m = _cue_pattern(cues).search(word, 0, len(word))
    return m is not None and m.start() <= 3


def non_party_boundary(doc: Document, lo: int, hi: int) -> int:
    """First token after which the people named in ``[lo, hi)`` are not parties."""
    for i in range(lo, hi):
        if _word_has_cue(doc.word(i), doc.lexicon.cues.non_party) and doc.covering("hon", i) is None \
                and not (i > lo and doc.word(i - 1) == "هامش"):
            # (حضرة صاحب السمو is a form of address, not حضر "attended"; «على هامش مشاركته
            # في …» "on the sidelines of his taking part in …" names no attendee)
            return i
    return hi


def _clause_after(doc: Document, start: int, hi: int) -> int:
    """The first token of a new clause after ``start`` («بينما» "while", «فيما»): the people
    named there are parties again («يتوجه … بصحبة وفد اقتصادي، بينما أعلن وزير الخارجية
    النمساوي عزمه زيارة إيران»)."""
    breaks = doc.lexicon.cues.clause_break
    return next((i for i in range(start, hi) if doc.word(i) in breaks), hi)


def is_background(doc: Document, lo: int, hi: int, dated: bool) -> bool:
    """``وكان الرئيس قد التقى ...``, ``وسبق أن …``: past perfect background, unless the
    sentence is dated."""
    if dated:
        return False
    words = [doc.word(i) for i in range(lo, min(hi, lo + PERFECT_REACH))]
    if words and words[0] in doc.lexicon.cues.previously:
        return True  # «وسبق أن وقع …» "… had earlier signed"
    if not (words and words[0] in doc.lexicon.cues.perfect_opener and "قد" in words):
        return False
    # «وكان الأمين العام قد عقد مباحثات مع الرئيس قبيل الاجتماع» "had held talks shortly
    # before the meeting": tied to the occasion the article reports, it is news.
    anchored = doc.lexicon.cues.anchored
    return not any(doc.word(i) in anchored and doc.word(i + 1).startswith("ال") for i in range(lo, hi - 1))


@cache
def _word_start_pattern(cues: tuple[str, ...]) -> re.Pattern:
    """Cues at the start of a word, after its proclitics and article (``والمنتخب``), not
    inside another word (``نادي`` in ``مناديب`` "delegates", ``ينادي`` "calls for")."""
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:[وفبلك]{{0,2}}(?:ال)?)(?:{alternatives})")


def is_sport(doc: Document, lo: int, hi: int) -> bool:
    """Sport reuses the diplomatic verbs: ``يستقبل الهلال النصر`` ("Hilal hosts Nasr")."""
    cues = doc.lexicon.cues.sport
    if not cues:
        return False
    base = doc.starts[lo]
    text = doc.text[base : doc.ends[hi - 1]]
    elect = doc.lexicon.cues.elect
    for match in _word_start_pattern(cues).finditer(text):
        # («الرئيس الأمريكي المنتخب» "the US President-elect": a title's word, not a team)
        k = bisect_right(doc.starts, base + match.end() - 1) - 1
        if not (doc.word(k) in elect and doc.covering("title", k) is not None):
            return True
    return False


def _without_conjunction(word: str) -> str:
    """A word without a leading «و» or «ف» "and": «ويلتقي» → «يلتقي», «فقبل» → «قبل»."""
    return word.removeprefix("و").removeprefix("ف")


def is_planned(doc: Document, trig: Tag, lo: int, hi: int | None = None) -> bool:
    """``سيزور`` ("will visit"), ``من المقرر أن …`` ("is scheduled to"), ``… الأسبوع المقبل``."""
    cues = doc.lexicon.cues
    if "س" in trig.prefix:
        return True
    if hi is not None and any(
        doc.word(i) in cues.future_alone or (doc.word(i) in cues.future_time and doc.word(i - 1) in cues.time_noun)
        for i in range(trig.last, min(hi, trig.last + FUTURE_WINDOW))
    ):
        return True  # "يزور … بغداد الأسبوع المقبل"
    # (the preparation may govern a noun before the trigger: «للإعداد لأجندة زيارة الوفد»)
    before = doc.word(trig.first - 1)
    prepared = trig.first > lo and (before in cues.preparation or (
        trig.first - 1 > lo and before.startswith("ل") and doc.word(trig.first - 2) in cues.preparation))
    if prepared and not (
        hi is not None and any(doc.word(i) in cues.present_time for i in range(trig.last, hi))
    ):  # (but «عشية مباحثات يعقدها … اليوم» "on the eve of talks he holds today": today)
        return True  # «الترتيب لزيارة اليمن» "arranging the visit to Yemen"
    end = trig.last + PLANNED_AFTER if hi is None else min(hi, trig.last + PLANNED_AFTER)
    if any(doc.word(i) in cues.planned_after for i in range(trig.last, min(end, len(doc.words)))):
        return True  # «يغادر - بمشيئة الله -», «الزيارة المرتقبة», «زيارته المقبلة»
    if hi is not None and _upcoming_noun(doc, trig, hi):
        return True  # «زيارته المقبلة» "his coming visit"
    if hi is not None and _made_later(doc, trig, hi):
        return True  # «الزيارة التي سيقوم بها الوفد» "the visit the delegation will make"
    if trig.first > lo and doc.word(trig.first - 1) in cues.purpose_support:
        return True  # «وصل … لإجراء لقاءات مع المسؤولين» "arrived to hold meetings with officials"
    if hi is not None and _later_leg(doc, trig, lo, hi):
        return True  # «وينتقل بعدها إلى قطر» "and moves on to Qatar after it"
    verb = _without_conjunction(doc.word(trig.first))
    if verb in cues.imperfect and doc.word(trig.last) in cues.during_it:
        return True  # «في زيارة يلتقي خلالها الملك» "a visit during which he is to meet the King"
    heading = _without_conjunction(doc.word(trig.first)) in cues.heading_for
    for i in range(trig.first - 1, max(lo, trig.first - PLANNED_WINDOW) - 1, -1):
        if doc.word(i) in ("،", ",") and not heading:
            # «وعلى وقع محادثات مسقط المرتقبة، شدد الوزير …»: another clause's (but «من المقرر
            # أن يغادر كارتر الأردن، اليوم، متوجها إلى السعودية» plans the setting out)
            return False
        if _word_has_cue(doc.word(i), cues.planned):
            return True
        if cues.day_offset.get(doc.word(i), 0) > 0:
            return True  # «يبدأ الوزير غدا جولة …» "the minister begins a tour tomorrow"
        if doc.word(i) in cues.future_time and doc.word(i - 1) in cues.time_noun:
            return True  # «يبدأ الرئيس يوم الإثنين القادم زيارة …» "begins next Monday a visit"
        if doc.word(i) == "ان" and doc.word(i - 1) == "علي" and doc.word(i + 1)[:1] in ("ي", "ت") and not (
                hi is not None and any(doc.word(k) in cues.present_time for k in range(lo, hi))):
            return True  # «على أن تتوج الزيارة بالتوقيع» "and the visit is to be crowned by signing" (not «… اليوم»)
    return False


def _later_leg(doc: Document, trig: Tag, lo: int, hi: int) -> bool:
    """«وينتقل بعدها إلى قطر», «ثم يتوجه إلى الكويت»: an imperfect verb that a word of
    sequence ties to an earlier leg tells a leg still to come (unless the sentence says
    "today")."""
    cues = doc.lexicon.cues
    word = doc.word(trig.first)
    if _without_conjunction(word) not in cues.imperfect:
        return False
    after = (doc.word(trig.last), f"{doc.word(trig.last)} {doc.word(trig.last + 1)}")
    before = trig.first > lo and doc.word(trig.first - 1) in cues.later_leg_before
    if not (before or any(w in cues.later_leg for w in after)):
        return False
    return not any(doc.word(i) in cues.present_time for i in range(lo, hi))


def _made_later(doc: Document, trig: Tag, hi: int) -> bool:
    """«الزيارة التي سيقوم بها الوفد الأممي إلى عدن», «زيارة فابيوس إلى إيران التي سيقوم بها
    الأربعاء», «زيارة يعتزم العاهل القيام بها»: a verbal noun whose relative clause makes it
    in the future."""
    cues = doc.lexicon.cues
    if _word_has_cue(doc.word(trig.last), cues.planned):
        return True  # «في إطار زيارة يعتزم العاهل السعودي القيام بها لروسيا»
    for i in range(trig.last, min(hi, trig.last + MADE_LATER_REACH)):
        word = doc.word(i)
        if word in ("،", ",", "."):
            return False
        if word in ("التي", "الذي"):
            verb = doc.word(i + 1)
            return verb == "سوف" or (verb[:1] == "س" and verb[1:] in cues.imperfect) \
                or _word_has_cue(verb, cues.planned)
    return False


def _upcoming_noun(doc: Document, trig: Tag, hi: int) -> bool:
    """«زيارته المقبلة إلى الصين», «زيارة الرئيس المصري المقبلة»: a future adjective right
    after a verbal noun, or after the office and nisba that complete it."""
    cues = doc.lexicon.cues
    i = trig.last
    while i < hi and (doc.covering("title", i) is not None or doc.covering("nisba", i) is not None):
        i += 1
    # and the name after the office: «زيارة وزيرة الخارجية فيديريكا موغيريني المرتقبة»
    for k in range(i, min(hi, i + UPCOMING_NAME_WORDS + 1)):
        if doc.word(k) in cues.upcoming:
            return True
        if not doc.word(k).isalpha() or doc.at("trigger", k) is not None or doc.word(k) in cues.title_host \
                or (k > i and doc.word(k) in doc.lexicon.common_words):
            return False
    return False


def _announced_in_present(doc: Document, trig: Tag, sentence: tuple[int, int], dated: bool) -> bool:
    """«وذكرت أن لافروف يزور قطر لمناقشة …» "said Lavrov visits Qatar to discuss …": in a
    news body an imperfect engagement verb with no date and no word for today announces
    the engagement. Headlines use the imperfect for what happened («ولي العهد يستقبل …»),
    and «يلتقي اليوم» is happening today, so neither counts."""
    cues = doc.lexicon.cues
    lo, hi = sentence
    if dated or doc.starts[lo] < doc.title_end or _unpunctuated_line(doc, hi):
        return False
    word = doc.word(trig.first)
    if _without_conjunction(word) not in cues.imperfect:
        return False
    if trig.first > lo and doc.word(trig.first - 1) in cues.relative:
        return False  # «… بوسيتش التي تزور القاهرة» "who is visiting Cairo": under way
    if any(doc.word(i) in cues.while_ for i in range(max(lo, trig.first - 2), trig.first)):
        return False  # «في وقت يزور فيه الوزير إسرائيل» "at a time when the minister is visiting"
    if any(doc.word(i) in cues.first_to for i in range(max(lo, trig.first - FIRST_TO_REACH), trig.first)):
        return False  # «أول رئيس أمريكي يزور كينيا» "the first American president to visit Kenya"
    if trig.first - 2 >= lo and doc.word(trig.first - 1) in cues.then_subjunctive \
            and doc.word(trig.first - 2) in cues.before_after:
        return False  # «قبل أن يصل إلى إسرائيل» "before he arrived": the main verb tells when
    return not any(doc.word(i) in cues.present_time for i in range(lo, hi))


def _unpunctuated_line(doc: Document, hi: int) -> bool:
    """A body line that ends without a full stop is a subheading or the headline quoted
    again («رابط الخبر: الأمير يجري اتصالاً هاتفياً بملك الأردن» "link to the story: …"),
    written in the headline's present."""
    last = doc.word(hi - 1)
    if last in (".", "!", "؟", "?", "»", '"', ")"):
        return False
    rest = doc.text[doc.ends[hi - 1] :]
    return rest.strip(" \t").startswith("\n") or not rest.strip()


FIRST_GREGORIAN_YEAR = 1600  # earlier four-digit years are Hijri (1436 هـ is 2015) …
LAST_HIJRI_YEAR = 1470  # … up to this one (1470 هـ is 2047); between the two they are Gregorian
SUBJECT_REACH = 8  # words between a verb and its subject (time words, honorifics, a dateline)
HISTORY_WINDOW = 12  # words around a trigger where a past year makes it history
OPENING_YEAR_REACH = 5  # the first words of a sentence, where a past year dates all of it
RECENTLY_BEFORE = 3  # words before a trigger where «مؤخراً» "recently" dates it
TALLY_REACH = 6  # words before a trigger where «وبهذا تكون … قد» sums up the past
VAGUE_PAST_WINDOW = 14  # words around a trigger where "last month" or "recent" dates it vaguely
UPCOMING_NAME_WORDS = 3  # words of a name between an office and «المرتقبة» "upcoming"
SEPARATE_REACH = 20  # words from a meeting verb within which "separately" or a plural noun splits it
MADE_LATER_REACH = 10  # words after a verbal noun where «التي سيقوم بها» may make it future
FIRST_TO_REACH = 5  # words between «أول» and the verb it describes («أول سياسي غربي بارز يزور»)
NEGATION_WINDOW = 2  # words before a trigger where a negation or cancellation applies to it
FIGURE_REACH = 12  # words back to a figurative «رسالة» that a second «ورسالة» repeats
SPOKEN_IN_CALL_REACH = 14  # words after a message verb where «خلال اتصال هاتفي» says it was spoken
SPOKEN_AT_REACH = 5  # words before a message verb where «في بداية الاستقبال» may stand
CALLED_OFF_REACH = 18  # words after an event noun where "was postponed / cancelled" may follow
QUOTES = frozenset('"«“')  # an opening quotation mark: a masthead or a title follows
BIHA_REACH = 6  # words after a visit noun within which «تقوم بها» names its visitor
TOLD_BEFORE_REACH = 3  # words after «الزيارة» where its own visitor would be named
CARED_FOR_WINDOW = 14  # words after a visit where "the sick", "the injured" make it a round of them
INVITATION_WINDOW = 12  # words before a visit noun where an invitation makes it no visit
CONDITIONAL_WINDOW = 6  # words before a trigger where "if" or a question makes it no report
MODAL_WINDOW = 16  # words before a trigger where "should" or an authorisation makes it no news
HOPE_WINDOW = 4  # words before a trigger within which «أمله» "his hope" makes it a wish
HABITUAL_REACH = 8  # words after a trigger within which «مرات عدة» "several times" makes it a habit
DENIAL_WINDOW = 8  # words before a trigger within which «نفى» "denied" governs it, in its clause
REQUIRES_REACH = 18  # words after a signing verb within which its agreement noun must come
COMPLEMENTIZERS = frozenset({"ان", "بان", "لان"})  # أن/إن "that" (folded): a new clause opens
SUPPORT_NOUN_REACH = 50  # … and after «أجرى»، «عقد» its talks or call (past a long chain of titles)
DESTINATION = "@destination"  # a `requires` entry of triggers.tsv: a state or city after إلى


def reading(doc: Document, trig: Tag, hi: int) -> tuple[Trigger, int | None] | None:
    """The first reading of a trigger whose required word follows it in the sentence,
    with the index of that word (``None`` when the reading needs none)."""
    if _hamza_missing(doc, trig):
        return None  # «هنا» "here", not «هنأ» "congratulated"
    rest = doc.text[doc.starts[trig.last] : doc.ends[hi - 1]] if trig.last < hi else ""
    for t in trig.value:
        if t.voice in ("agent", "recipient") and trig.prefix.endswith(("ال", "لل")):
            continue  # «عمليات البحث» "the search": a verb never takes the article
        if not t.requires:
            return t, None
        words = [r for r in t.requires if r != DESTINATION]
        destination = len(words) < len(t.requires)
        if not destination and not any(r in rest for r in words):
            continue  # none of the required words anywhere after it (the common case)
        if destination and any(
            doc.word(i) in doc.lexicon.cues.not_travel for i in range(trig.last, min(hi, trig.last + 8))
        ):
            continue  # «توجه بالشكر إلى» "addressed his thanks to": no one travelled
        seen_to = False  # the destination is the first «إلى» phrase after the verb
        reach = REQUIRES_REACH if t.type == "AGREEMENT" else SUPPORT_NOUN_REACH
        # (words of titles and forms of address do not count: «وقّع صاحب السمو الملكي … ولي
        # العهد رئيس مجلس الوزراء، ومعالي … وزير خارجية الولايات المتحدة، أمس، اتفاقية»)
        distance = 0
        titled_subject = t.type == "AGREEMENT" and trig.last < hi and any(
            doc.covering(kind, trig.last) is not None for kind in ("title", "hon"))
        for i in range(trig.last, hi):
            word = doc.word(i)
            if word in COMPLEMENTIZERS:
                # «الحوار الذي أجري معه …، عن أن لقاءه المرتقب …» "the interview conducted with
                # him … that his coming meeting": a noun after «أن» is another clause's
                reach = min(reach, distance)
            titled = any(doc.covering(kind, i - (word in ("،", ","))) is not None
                         for kind in ("title", "hon", "place", "nisba"))
            if not titled_subject or not titled:  # (nor the comma that closes a title)
                distance += 1
            if distance <= reach and any(0 <= word.find(r) <= 3 for r in words):
                # (far from «وقع», «الاتفاقيات التي وقعتها» belongs to another verb; far from
                # «أجرته», «مشاورات» is another clause's)
                return t, i
            if destination and not seen_to and doc.word(i - 1) in doc.lexicon.cues.title_host:
                seen_to = True
                # «إلى جمهورية مصر» "to the Republic of Egypt": the state follows its polity word
                polity = doc.word(i) in doc.lexicon.cues.polity
                if _destination_at(doc, i, i - 1) or (polity and _destination_at(doc, i + 1, i - 1)):
                    return t, None
    return None


def _after_to(doc: Document, i: int) -> bool:
    """Does token ``i`` follow إلى/لدى, perhaps after a polity word («إلى جمهورية مصر»)?"""
    cues = doc.lexicon.cues
    if doc.word(i - 1) in cues.polity:
        i -= 1
    return doc.word(i - 1) in cues.title_host


HAMZAS = "أإآؤئء"


def _hamza_missing(doc: Document, trig: Tag) -> bool:
    """A verb read only with its hamza (``hamza_needed``) written without it."""
    word = doc.word(trig.first)
    if word not in doc.lexicon.cues.hamza_needed and word[1:] not in doc.lexicon.cues.hamza_needed:
        return False
    return not any(c in doc.token_span(trig.first, trig.last).text for c in HAMZAS)


def _destination_at(doc: Document, i: int, to: int) -> bool:
    """A state or city at token ``i`` after إلى at token ``to``: «وصل … إلى المغرب" "arrived in
    Morocco" (unlike «وصل عدد الزوار إلى مليون» "the number of visitors reached a million",
    or «ستتوجه إلى المحكمة الجنائية الدولية» "will turn to the ICC", an organisation)."""
    tag = doc.at("place", i) or doc.at("capital", i)
    if tag is None and doc.word(i) in doc.lexicon.cues.home_name and doc.home is not None:
        return doc.word(to) in doc.lexicon.cues.title_host  # «وصل … إلى المملكة» "to the Kingdom"
    if tag is None or tag.value in doc.lexicon.org_codes:
        return False
    return doc.word(to) in doc.lexicon.cues.title_host


def message_subtype(doc: Document, start: int, hi: int, allowed: tuple[str, ...]) -> str | None:
    """The ``allowed`` subtype the words after a message verb name (``برقية تهنئة`` "a cable
    of congratulation" → congratulation), else ``other`` if allowed."""
    groups = [(words, subtype) for words, subtype in doc.lexicon.cues.subtype if subtype in allowed]
    for i in range(start, hi):
        word = doc.word(i)
        for words, subtype in groups:
            if any(0 <= word.find(c) <= 3 for c in words):
                return subtype
    return "other" if "other" in allowed else None


def _coordinated(doc: Document, mentions: list[Mention], start: int) -> list[Mention]:
    """The mention at ``start`` and those joined to it by و or a comma."""
    group = [mentions[start]]
    for m in mentions[start + 1 :]:
        gap = [doc.word(i) for i in range(group[-1].last, m.first)]
        joined_by_waw = m.prefix.startswith("و") or doc.word(m.first).startswith("و")
        # «الأمراء والعلماء والمشايخ ورئيس المالديف»: other guests named without office
        listed = all(w in ("،", ",", "و") or w.startswith("وال") for w in gap)
        if listed and (joined_by_waw or "و" in gap or "،" in gap):
            group.append(m)
        else:
            break
    return group


def _subject_before(doc: Document, before: list[Mention], trig: Tag) -> Mention | None:
    if not before:
        return None
    last = before[-1]
    if last.kind in ("state", "city") and _after_to(doc, last.first):
        return None  # «… إلى جمهورية مصر في زيارة يلتقي …»: a destination is no subject
    if _addressed(doc, last):
        return None  # «بعث برقية لملك الأردن، وتلقى اتصالا …»: the addressee is not the subject
    if last.kind == "state" and (doc.word(last.first - 1) in doc.lexicon.cues.title_seat or last.prefix.endswith("ب")):
        return None  # «على هامش اللقاء في قطر، سيجري كيري …»: a state after في is a place
    gap = [doc.word(i) for i in range(last.last, trig.first)]
    # A dateline ("الجزائر (واج) - استقبل …") is not the subject: its city or agency is
    # set off by a dash, a bracket or a colon.
    if gap and gap[-1] in doc.lexicon.cues.relative and len(gap) <= RELATIVE_GAP and not any(
        w in doc.lexicon.cues.dateline_mark for w in gap
    ):
        return last  # «وفدا من جامعة جازان، الذي يزور كندا»: the relative's antecedent
    if len(gap) > SUBJECT_GAP or any(w in doc.lexicon.cues.dateline_mark for w in gap):
        return None
    if (doc.word(last.first - 1) in doc.lexicon.cues.from_words or _with_party(doc, last)) and "،" in gap:
        # «وصله الإذن من العاهل، فاتجه إلى …» "word came from the King, so he went"; «على
        # هامش اللقاء مع وزراء الخليج، سيلتقي كيري …»: a party after من or مع is no subject
        return None
    return last


BETWEEN_REACH = 5  # words between a verbal noun and the بين that names its parties


def _between(doc: Document, trig: Tag, after: list[Mention]) -> bool:
    """«اتصال هاتفي جرى بين …», «الاجتماع الثلاثي الذي تم بين X ونظيريه …», «مباحثات
    القاهرة بين X و Y»: the parties follow بين, close after the noun with no one between."""
    first = after[0].first if after else trig.last + BETWEEN_REACH
    return any(doc.word(i) == "بين" for i in range(trig.last - 1, min(first, trig.last + BETWEEN_REACH)))


def _last_party(doc: Document, before: list[Mention]) -> list[Mention]:
    """The party named last before a verbal noun, passing over a state named in passing
    («أعلن كارتر أن بلاده ستعزز تعاونها مع إسرائيل، خلال لقاء مع نظيره» "Carter said his
    country would strengthen its cooperation with Israel, during a meeting with his
    counterpart": the meeting is Carter's)."""
    if not before:
        return []
    people = [m for m in before if m.kind in ("person", "office")]
    if before[-1].kind == "state" and people and not _coordinated_with(doc, people[-1], before[-1]):
        return people[-1:]
    return before[-1:]


def _coordinated_with(doc: Document, a: Mention, b: Mention) -> bool:
    """Is ``b`` joined to ``a`` by و right after it («الرئيس ووزير خارجيته»)?"""
    gap = [doc.word(i) for i in range(a.last, b.first)]
    return gap in ([], ["و"], ["،"]) and (not gap or doc.word(b.first).startswith("و") or gap == ["و"])


def _possessor(doc: Document, before: list[Mention], lo: int) -> Mention | None:
    """Whose is «استقباله» "his reception"? The subject of the clause: in «وثمن الشيخ محمد
    بن زايد دور خادم الحرمين الشريفين … خلال استقباله بحاح» "Sheikh Mohammed praised the
    King's role … while receiving Bahah" it is the sheikh, named right after the opening
    verb, not the King named last. Without such a subject, the last party named."""
    if not before:
        return None
    first = before[0]
    if lo < first.first <= lo + 1 and len(before) > 1:
        return first
    # «… بين السواحل التونسية وسواحل مالطا احتج خلال مؤتمر صحافي مع …»: a state named
    # in passing is not whose the engagement is when a person or office is named before it.
    return _last_party(doc, before)[0]


def _parties(
    voice: str, doc: Document, trig: Tag, before: list[Mention], after: list[Mention], lo: int = 0
) -> tuple[list[Mention], list[Mention]]:
    """(sources, objects) for a trigger, by its voice."""
    cues = doc.lexicon.cues
    if voice == "agent" and trig.first > lo and doc.word(trig.first - 1) in cues.anchored | cues.before_after:
        voice = "noun"  # «عقب عقد الاجتماع مع …» "after holding the meeting with …": a verbal noun
    if voice in ("genitive", "noun") and _between(doc, trig, after):
        return after[:1], after[1:]  # اتصال هاتفي جرى بين الرئيسين X و Y
    if voice == "noun" or (voice == "genitive" and _possessive(doc, trig)):
        subject = _possessor(doc, before, lo)
        return ([subject] if subject else []), after
    if voice == "genitive" and "ب" in trig.prefix and before and lo < before[0].first <= lo + 1 \
            and before[0].kind in ("person", "office") and after and all(r.type == "MEETING" for r in trig.value):
        return [before[0]], after  # «وبدأ كيري نهاره بلقاء أمير قطر والجبير» "began his day by meeting …"
    if voice == "genitive":
        made = _made_by(doc, trig)
        if made is not None and before and not (after and after[0].first == made + 1 and after[0].kind != "state"):
            # «في إطار الزيارة الرسمية التي يقوم بها إلى مملكة إسبانيا»: the subject's visit
            return [m for m in [_possessor(doc, before, lo)] if m], after
        if before and after and doc.word(trig.last) in doc.lexicon.cues.received_it:
            return after[:1], [before[-1]]  # «خلال اتصال هاتفي تلقاه من الرئيس التركي»
        if before and after and after[0].kind == "state" and after[0].first == trig.last:
            return [before[-1]], after  # "أعلن كورتس عزمه زيارة إيران": the state is visited
        if before and (not after or after[0].kind == "state") and _city_follows(doc, trig):
            return [before[-1]], after  # «بدأ الوزير أمس زيارة مفاجئة لبغداد»: the city is visited
        if before and after and after[0].kind == "state" and _tour_includes(doc, trig, after[0]):
            return [before[-1]], after  # «سيبدأ جولة أفريقية تشمل كينيا وتنزانيا»: the states toured
        if _with_follows(doc, trig):
            # عقد الوزير اجتماعات منفصلة مع ...; with no one before, those after مع are
            # the counterparts of someone unnamed («محادثات جديدة مع إيران»).
            return _last_party(doc, before), after
        if before and after and _addressed(doc, after[0]):
            return [before[-1]], after  # (جاء ذلك في) برقية تهنئة للرئيس …: the sender is known
        gap = [doc.word(i) for i in range(trig.last, after[0].first)] if after else []
        if "،" in gap and gap[gap.index("،") + 1 :][:1] != ["بين"]:  # (not «محادثات أمس، بين …»)
            return [], after  # «وعلى وقع محادثات مسقط المرتقبة، شدد الوزير …»: a new clause
        return after[:1], after[1:]
    if voice == "recipient" and before and after and after[0].first == trig.last and after[0].kind != "state":
        # «وزير الداخلية الإماراتي تلقى نائب خادم الحرمين الشريفين اتصالا …»: the one named
        # right after «تلقى», before the call, is who received it (the words before are a
        # subheading run into the text)
        return after[:1], after[1:]
    if before and after and voice == "agent" and _subject_then_object(doc, trig, after[0]):
        # «كما يعقد وزير الخارجية الروسي سيرغي لافروف مباحثات مع …»: a verb followed by its
        # subject and then its object noun; the words before it are a heading or topic.
        return [after[0]], after[1:]
    subject = _subject_before(doc, before, trig)
    if (subject is None or subject.kind == "state") and doc.word(trig.last) in doc.lexicon.cues.during_it:
        visitor = next((m for m in reversed(before) if m.kind in ("person", "office")), None)
        if visitor is not None:
            return [visitor], after
    if (subject is None or subject.kind == "state") and voice == "agent" and before \
            and _second_verb(doc, trig, before[0], lo) and not _own_subject(trig, after):
        return before[:1], after  # «قام الأمين العام … بزيارة للمركز، والتقى المستشار …»
    if subject is None and voice in ("agent", "recipient") and _pronoun_subject(doc, trig, lo):
        subject = next((m for m in reversed(before) if m.kind in ("person", "office")), None)
        if subject is not None:
            return [subject], after
    if subject is not None and _dual(doc, trig):
        # "أبوبكر ورئيس مندوبية الاتحاد الأوروبي يناقشان": the pair is the subject.
        group = _coordinated_before(doc, before)
        if len(group) >= 2 and after and _with_party(doc, after[0]):
            # «ميركل وهولاند أجريا اتصالا هاتفيا مع بوتين»: the pair on one side, who is
            # after «مع» on the other.
            return group, after
        if len(group) >= 2:
            return group[:1], group[1:] + after
    if subject is not None:
        coordinated = [m for m in before if m.first > subject.first]
        return [subject], coordinated + after
    if after and voice == "agent" and is_counterpart(doc, after[0]) and before:
        return before[:1], after  # «… حيث سيلتقي نظراءه»: the counterparts are the object
    if after and voice == "agent" and before and before[0].first < lo and doc.word(trig.first - 1) in \
            doc.lexicon.cues.continuing:
        return before[:1], after  # «كما استقبل مدير الجامعة …»: the subject of the sentence before
    if after and voice in ("agent", "recipient") and not _subject_after(doc, trig, after[0]):
        return [], after  # «وتلقى اتصالا من ملك البحرين» with its subject dropped: not the caller's
    if voice == "agent" and all(t.type == "MEETING" for t in trig.value) and _joint_subject(doc, after):
        # a venue on the way («بفرع الوزارة بمنطقة مكة») is where, not whom
        return after[:2], [m for m in after[2:] if not (m.kind == "state" and m.prefix.endswith("ب"))]
    if len(after) > 2 and _second_title(doc, after[0], after[1]):
        return after[:1], after[2:]
    return after[:1], after[1:]


def _second_title(doc: Document, subject: Mention, m: Mention) -> bool:
    """«استقبل الأمير بندر بن فيصل نائب مدير عام الإدارة المشرف العام على البرنامج، أهالي …»:
    a nameless office of the subject's own state after the subject, with no comma or و
    between, is a second title of the subject, not the one received."""
    own = {HOME, doc.home}
    if subject.kind != "person" or m.kind != "office" or m.name is not None or m.prefix.startswith("و"):
        return False
    if subject.country not in own or m.country not in own:
        return False
    return all(doc.word(k) not in ("،", ",", "و") for k in range(subject.last, m.first))


def _joint_subject(doc: Document, after: list[Mention]) -> bool:
    """«استقبل المشرف العام …، ومدير فرع الوزارة …، ظهر أمس، وفدا إعلاميا» "the supervisor
    and the branch director received, yesterday noon, a media delegation": two people
    joined by و after the verb, then a comma and a third party not joined to them, are
    the verb's subject and its object."""
    rest = [m for m in after[2:] if not (m.kind == "state" and m.prefix.endswith("ب"))]
    if len(after) < 3 or not rest or any(m.kind not in ("person", "office") for m in after[:2] + rest[:1]):
        return False
    first, second, third = after[0], after[1], rest[0]
    own = {HOME, doc.home}
    if not second.prefix.startswith("و") or third.prefix.startswith("و") or not (
        first.country == second.country or {first.country, second.country} <= own
    ):
        return False
    gap = [doc.word(i) for i in range(second.last, third.first)]
    return "،" in gap and doc.word(second.first - 1) == "،"


def _city_follows(doc: Document, trig: Tag) -> bool:
    """«زيارة لبغداد», «زيارة مفاجئة إلى بغداد»: a visit's noun, at most one adjective, then
    a city after ل or إلى."""
    if not any(t.type == "VISIT" for t in trig.value):
        return False
    for k in range(trig.last, min(trig.last + 3, len(doc.words))):
        city = doc.at("capital", k)
        if city is not None:
            gap = [doc.word(i) for i in range(trig.last, k)]
            to = gap[-1:] == ["الي"]
            return (to or city.prefix.endswith("ل")) and len(gap) - to <= 1
    return False


def _tour_includes(doc: Document, trig: Tag, m: Mention) -> bool:
    """«جولة أفريقية تشمل كينيا» "an African tour that includes Kenya": a visit's noun, at
    most one adjective, then a verb of including right before the state ``m``."""
    if not any(t.type == "VISIT" for t in trig.value):
        return False
    gap = [doc.word(k) for k in range(trig.last, m.first)]
    if not gap or gap[-1] not in doc.lexicon.cues.includes or len(gap) > 2:
        return False
    return len(gap) == 1 or gap[0].endswith("يه")


def _subject_then_object(doc: Document, trig: Tag, m: Mention) -> bool:
    """Is ``m``, right after a receiving verb, its subject, the event's noun following it
    («تلقى X اتصالاً», «تسلم X رسالة»)?"""
    if m.kind not in ("person", "office") or m.first != trig.last:
        return False
    if doc.word(trig.first).removeprefix("و") in doc.lexicon.cues.hand_over and doc.word(trig.first) != "تسلم":
        return False  # «سلم الرئيس ولي العهد رسالة»: handed to him, not sent by him
    k = m.last + (doc.word(m.last) in ("،", ","))  # («فقد قام ولي ولي العهد …، بزيارة»)
    noun = doc.covering("trigger", k)
    return noun is not None and noun.first == k and any(t.voice in ("noun", "genitive") for t in noun.value)


def _own_subject(trig: Tag, after: list[Mention]) -> bool:
    """A verb followed by one party and then another has its own subject, the first
    («واستقبل وزير الخارجية المصري السفير السوداني»)."""
    return len(after) > 1 and after[0].first == trig.last and after[0].kind in ("person", "office") \
        and after[1].kind in ("person", "office")


def _second_verb(doc: Document, trig: Tag, first: Mention, lo: int) -> bool:
    """«قام الأمين العام … أمس بزيارة للمركز، والتقى …» "made a visit to the centre, and
    met …": a verb joined by و after a comma, with no subject of its own, shares the
    subject of the verb that opens the sentence (named right after it)."""
    if trig.first - 1 <= lo or doc.word(trig.first - 1) not in ("،", ","):
        return False
    if not doc.word(trig.first).startswith("و"):
        return False
    return first.first == lo + 1


MADE_BY_REACH = 3  # words between a visit noun and «يقوم بها» "that he is making"


def _made_by(doc: Document, trig: Tag) -> int | None:
    """«الزيارة التي يقوم بها …», «زيارة يقوم بها الرئيس …»: the index of بها when the
    noun is followed by a verb of making it, else None."""
    for i in range(trig.last, trig.last + MADE_BY_REACH):
        if doc.word(i) in doc.lexicon.cues.support_verb and doc.word(i + 1) == "بها":
            return i + 1
    return None


def _pronoun_subject(doc: Document, trig: Tag, lo: int) -> bool:
    """«وقال إليامي - في بيان له - إنه التقى …» "Elyami said in a statement that he met":
    the verb's subject is the pronoun on «إنه», the speaker."""
    return trig.first > lo and doc.word(trig.first - 1) in doc.lexicon.cues.pronoun_that


def _subject_after(doc: Document, trig: Tag, m: Mention) -> bool:
    """Can ``m`` be the subject of a verb it follows (Arabic puts it right after the verb)?
    Not far along the clause, and not after «من» "from": in «وصلت الدفعة الثالثة من المعونة
    … مقدمة من مركز الملك سلمان» "the third batch of aid arrived … from the King Salman
    Centre" the subject is the aid, not the King."""
    if (m.first - trig.last > SUBJECT_REACH and _reach(doc, trig.last, m.first) > SUBJECT_REACH) or _addressed(doc, m):
        return False  # far along the clause; «بعث برقية عزاء لرئيس مصر»: the one addressed never sends
    return doc.word(m.first - 1) not in doc.lexicon.cues.from_words


def _with_party(doc: Document, m: Mention) -> bool:
    """A mention after «مع» "with" or written with ب (بنظيره): an object, never the subject."""
    return doc.word(m.first - 1) in ("مع", "ومع") or m.prefix.removesuffix("ال").endswith("ب")


def _reach(doc: Document, lo: int, hi: int) -> int:
    """Words in ``[lo, hi)`` not counting an aside between dashes or a date written in
    full with its other calendar («يغادر – بمشيئة الله – (الخميس) 14 / 10 / 1436هـ الموافق
    30 / 7 / 2015م الأمير …» "leaves – God willing – (Thursday) … the prince")."""
    dashes = [i for i in range(lo, hi) if doc.word(i) in ("–", "-", "—")]
    aside = set(range(dashes[0], dashes[1] + 1)) if len(dashes) >= 2 else set()
    if not any(doc.word(i) in doc.lexicon.cues.same_date for i in range(lo, hi)):
        return len([i for i in range(lo, hi) if i not in aside])
    return len([i for i in range(lo, hi) if i not in aside and i not in doc.date_tokens
                and doc.word(i) not in ("/", "(", ")")])


def _addressed(doc: Document, m: Mention) -> bool:
    """A mention written with the preposition ل (or after إلى): an addressee."""
    # ل, لل, ول: the preposition; ال, وال: only the article («بها الرئيس»)
    to = m.prefix.endswith("ل") and not m.prefix.endswith("ال")
    return to or doc.word(m.first - 1) in ("الي", "لـ")


def _dual(doc: Document, trig: Tag) -> bool:
    """A dual verb (يبحثان, يلتقيان, اجتمعا, بحثا)."""
    core = doc.text[trig.match.core_start : trig.match.end]
    return core.endswith("ان") or (core.endswith("ا") and not core.endswith("ها"))


def _coordinated_before(doc: Document, before: list[Mention]) -> list[Mention]:
    """The mentions joined by و that end right before a verb, first to last."""
    group = [before[-1]]
    for m in reversed(before[:-1]):
        gap = [doc.word(i) for i in range(m.last, group[0].first)]
        if (not gap and doc.word(group[0].first).startswith("و")) or gap in (["و"], ["،"]):
            group.insert(0, m)
        else:
            break
    return group


def _with_follows(doc: Document, trig: Tag) -> bool:
    """A verbal noun followed (after at most two adjectives) by مع: "talks with", or
    ending in it («مؤتمر صحافي مع» "a press conference with")."""
    words = (doc.word(trig.last - 1), doc.word(trig.last), doc.word(trig.last + 1), doc.word(trig.last + 2))
    return "مع" in words


def _possessive(doc: Document, trig: Tag) -> bool:
    """``زيارته``, ``زيارة سموه``: the visitor is someone named before."""
    word = doc.word(trig.last - 1)
    if doc.word(trig.last) in doc.lexicon.cues.epithet:
        return True
    core_end = trig.match.core_end
    return any(doc.text[core_end : core_end + len(e)] == e for e in PRONOUN_ENDINGS) and word.endswith(
        PRONOUN_ENDINGS
    )


def _from_party(doc: Document, objects: list[Mention]) -> int:
    """Index of the object introduced by من (the sender / caller for تلقى)."""
    for k, m in enumerate(objects):
        if doc.word(m.first - 1) == "من" or m.prefix == "م":
            return k
    return 0


@dataclass(slots=True)
class Clause:
    """One trigger in its sentence, with what the grammar has found around it: the parties
    named before it (``before``) and after it up to the next verb (``after``), the cities
    after it, and the addressees of the article's previous message when the sentence
    speaks of "a similar cable" (``similar``)."""

    doc: Document
    trigger: Tag
    reading: Trigger
    sentence: tuple[int, int]
    status: str
    before: list[Mention]
    after: list[Mention]
    cities: list[Mention]
    similar: list[Mention] | None
    # A subject not named before the verb: a clause link, «أنه», a verb joined by و
    # («استقبل X Y وتسلم منه …»: the first verb's subject).
    subject: Mention | None = None

    @property
    def people(self) -> list[Mention]:
        return [m for m in self.after if m.kind != "state"]

    def parties(self, objects: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        """(sources, objects) of the trigger by its voice, objects taken from ``objects``."""
        if self.subject is None:
            return _parties(self.reading.voice, self.doc, self.trigger, self.before, objects, self.sentence[0])
        # The last one named before the verb is not its subject.
        sources, found = _parties(self.reading.voice, self.doc, self.trigger, [], objects, self.sentence[0])
        if sources and found and _with_party(self.doc, found[0]) and not _with_party(self.doc, sources[0]):
            return sources, found  # «حيث يلتقي الملك بالرئيس» names both parties
        # «حيث استقبله الملك» "where the King received him": the one named is the object.
        return [self.subject], [m for m in objects if m is not self.subject]

    def candidate(self, sources: list[Mention], targets: list[Mention], subtype: str | None = None,
                  destination: Mention | None = None) -> Candidate:
        return Candidate(self.reading.type, subtype, self.status, self.trigger, self.sentence,
                         sources, targets, destination, self.reading.voice)

    def received(self, sources: list[Mention], objects: list[Mention],
                 subtype: str | None = None) -> list[Candidate] | None:
        """``تلقى X اتصالا من Y``: for a receiving verb, Y (after من) is the source; None
        for any other voice."""
        if self.reading.voice != "recipient":
            return None
        first = _from_party(self.doc, objects)
        if self.reading.type == "MEETING":
            return [self.candidate([objects[first]], sources[:1], subtype)]
        # "تلقى … اتصالين هاتفيين من وزير الخارجية الروسي، ووزير الخارجية الأمريكي": a call
        # or a cable is between two, so each caller joined by و made their own.
        callers = _coordinated(self.doc, objects, first)
        return [self.candidate([caller], sources[:1], subtype) for caller in callers]


def sentence_events(
    doc: Document,
    sentence: tuple[int, int],
    mentions: list[Mention],
    *,
    dated: bool,
    previous: Mention | None = None,
    last_addressees: list[Mention] | None = None,
    visited: str | None = None,
    traveller: Mention | None = None,
    last_sources: dict[str, Mention] | None = None,
    day_named: bool = False,
    last_pair: tuple[Mention, Mention] | None = None,
) -> list[Candidate]:
    """Candidate events of the sentence ``[lo, hi)`` given its mentions.

    ``dated`` says the sentence gives a date; ``previous`` is the subject of the sentence
    before, the source of a sentence that refers back to it (``جاء ذلك في برقية تهنئة
    للرئيس …``); ``last_addressees`` are those of the article's previous message, the
    addressees of "a similar cable" (``وبعث نائب خادم الحرمين الشريفين برقية تهنئة مماثلة``);
    ``visited`` is the state of the article's latest visit, whose officials receive the
    visitor on arrival; ``traveller`` is that visit's visitor, who goes on with the tour in
    a sentence naming no one («وبعد الدوحة ينتقل إلى سنغافورة» "after Doha he moves on to
    Singapore"); ``last_sources`` holds, by event type, the source of the article's latest
    event of that type (who «كما استقبل» "also received"); ``day_named`` says the sentence
    names a day relative to publication («صباح اليوم»), which keeps past perfect news from
    being background even when the publication date is unknown; ``last_pair`` holds the two
    parties of the article's latest engagement, whom «ووقع الجانبان مذكرة تفاهم» "and the two
    sides signed a memorandum" refers back to.
    """
    lo, hi = sentence
    last_sources = last_sources or {}
    if is_background(doc, lo, hi, dated or day_named) or is_sport(doc, lo, hi):
        return []
    triggers: list[tuple[Tag, Trigger]] = []
    consumed: set[int] = set()
    for i in doc.starts_within("trigger", lo, hi):
        tag = doc.tags["trigger"][i]
        if i not in consumed:
            found = reading(doc, tag, hi)
            if found is not None:
                triggers.append((tag, found[0]))
                if found[1] is not None:
                    # The noun that completes a verb (بعث ... برقية) is not a second event.
                    noun = doc.covering("trigger", found[1])
                    consumed.update(range(found[1], noun.last) if noun else [found[1]])
    triggers = [(tag, t) for tag, t in triggers if tag.first not in consumed]
    if not triggers:
        return []
    boundary = non_party_boundary(doc, lo, hi)
    resume = _clause_after(doc, boundary, hi)
    places = doc.lexicon.cues.place_preposition
    parties = [m for m in mentions
               if (m.last <= boundary or m.first < lo or m.first >= resume) and m.kind != "city"
               and not (m.kind == "state" and m.first - 1 == lo and doc.word(lo) in places)]
    # (a sentence opening «وفي مصر …», «ومن مصر، …» says where, not who)
    if previous is not None and parties and _stands_for(doc, parties[0], previous, lo):
        parties[0] = previous  # «وعبر المسؤول الأوروبي، خلال لقائه …»: the official named before
    receptions = [(tag, t) for tag, t in triggers if _reception(doc, tag, t, lo)]
    if receptions:
        # «وصل ولي العهد إلى عمّان أمس وكان في استقباله رئيس الوزراء» "the crown prince
        # arrived in Amman yesterday, and receiving him was the prime minister": the arrival
        # is read as its own clause, and its traveller is the one received.
        opener = doc.lexicon.cues.perfect_opener
        cut = next(k for k in range(max(lo, receptions[0][0].first - 3), receptions[0][0].first - 1)
                   if doc.word(k) in opener)
        arrival: list[Candidate] = []
        if any(tag.first < cut for tag, _ in triggers):
            arrival = sentence_events(
                doc, (lo, cut), [m for m in mentions if m.last <= cut], dated=dated, previous=previous,
                last_addressees=last_addressees, visited=visited, traveller=traveller,
                last_sources=last_sources, day_named=day_named)
            for c in arrival:
                c.sentence = sentence
        visitor = traveller_after(arrival, previous) if arrival else previous
        visited = visited_after(arrival, visited)
        return arrival + _received_on_arrival(doc, receptions[0], sentence, parties, visitor, visited)
    by_phone = any(t.type == "PHONE_CALL" and (_framed(doc, tag, t, lo) or (
        t.voice in ("noun", "genitive") and doc.word(tag.first - 1) in doc.lexicon.cues.during_talks))
        for tag, t in triggers)  # «بحث … في اتصال هاتفي», «… خلال اتصال هاتفي»
    negated = [tag.first for tag, t in triggers if _negated(doc, tag, t, lo)]
    triggers = [(tag, t) for tag, t in triggers
                if not _framed(doc, tag, t, lo) and tag.first not in negated and not _history(doc, tag, lo, hi)]
    if not triggers:
        return []
    if by_phone:
        triggers = [(tag, _by_phone(doc, tag, t)) for tag, t in triggers]
    cities = [m for m in mentions if m.kind == "city"]
    out: list[Candidate] = []
    last_subject: Mention | None = None  # the subject of the sentence's last verb
    planned_before = False  # an engagement announced earlier in the sentence
    verbal_types = {t.type for _, t in triggers if t.voice in ("agent", "recipient")}
    for n, (tag, t) in enumerate(triggers):
        if boundary <= tag.first < resume:
            continue
        handler = GRAMMAR[t.type]
        if handler.background_as_noun and t.voice in ("noun", "genitive") and (
            verbal_types - {t.type}
        ) and not _with_follows(doc, tag) and _made_by(doc, tag) is None:
            continue  # "اتصل ... خلال زيارته لفرنسا": the visit is background to the call
        verbal_next = next(  # (a relative clause inside this one, «كارتر الذي يقوم بجولة …», does not end it)
            (g.first for g, r in triggers[n + 1 :] if r.voice in ("agent", "recipient")
             and not _relative_aside(doc, g, r, tag)), hi
        )
        before = [m for m in parties if m.last <= tag.first]
        clause_end = min(verbal_next, boundary) if tag.first < boundary else verbal_next
        # «زار المنطقة ورفض زيارة دمشق» "visited the region and refused to visit Damascus":
        # what follows a negated engagement is its own.
        clause_end = min([clause_end, *(k for k in negated if k > tag.first)])
        if t.type == "VISIT":
            clause_end = min(clause_end, _clause_after(doc, tag.last, hi))  # the host is in its clause
            # (a later visit owns what follows it: «تحدث عن زيارته لدول الخليج، كاشفا أنه يخطط
            # لزيارة الرياض» "spoke of his visit to Gulf states, saying he plans to visit Riyadh")
            later_visits = [g.first for g, r in triggers[n + 1:] if r.type == "VISIT" and g.first > tag.last]
            clause_end = min([clause_end, *later_visits])
        after = [m for m in parties if tag.last <= m.first < clause_end]
        if not before and t.voice == "agent" and t.type != "VISIT" and t.type in last_sources \
                and _continues(doc, tag, lo) \
                and _object_only(after, last_sources[t.type]):
            before = [last_sources[t.type]]
        elif not before and previous is not None and (
            _refers_back(doc, lo) or (t.voice == "agent" and _subject_dropped(doc, tag, lo, after))
            or _pronoun_subject(doc, tag, lo)
        ):
            before = [previous]
        linked = _linked_subject(doc, tag, t, lo, out, before)
        subject = linked or _speaker(doc, tag, t, lo, before) or _tour_goes_on(doc, tag, t, lo, before, after,
                                                                                  traveller)
        planned = (is_planned(doc, tag, lo, hi) or _announced_in_present(doc, tag, sentence, dated)
                   or (linked is not None and _still_to_come(doc, tag, lo, hi))
                   or (planned_before and _follows_in_time(doc, tag, t)))
        status = "planned" if planned else "occurred"
        if subject is None and _coordinated_verb(doc, tag, t, after):
            subject = last_subject
        clause = Clause(
            doc, tag, t, sentence, status, before,
            after=after,
            cities=[m for m in cities if tag.last <= m.first < max(clause_end, tag.last)],
            similar=last_addressees if _similar(doc, lo, hi) else None,
            subject=subject,
        )
        earlier = next((g for g, r in reversed(triggers[:n]) if r.voice in ("agent", "recipient")), None)
        if _no_engagement_told(doc, tag, t, lo, earlier):
            continue
        if t.voice in ("agent", "recipient"):
            last_subject = next(iter(clause.parties(after)[0]), None)
        made = handler.events(clause)
        if not made and t.type == "AGREEMENT" and last_pair is not None and _signed_by_the_pair(doc, tag, t, lo):
            made = [clause.candidate([last_pair[0]], [last_pair[1]])]
        planned_before = planned_before or (planned and bool(made))
        out += made
    return out


def _signed_by_the_pair(doc: Document, tag: Tag, t: Trigger, lo: int) -> bool:
    """«ووقع الوزيران في ختام المباحثات مذكرة تفاهم», «الجانبان وقعا اتفاقية»: a dual
    that refers back to the two parties just told signs (right after the verb, or as the
    subject right before it)."""
    pair = doc.lexicon.cues.pair_anaphor
    if t.voice == "agent" and tag.last < len(doc.words) and doc.word(tag.last) in pair:
        return True
    return tag.first > lo and _without_conjunction(doc.word(tag.first - 1)) in pair


def _no_engagement_told(doc: Document, tag: Tag, t: Trigger, lo: int, earlier: Tag | None) -> bool:
    """A trigger whose words name no engagement of its own: who only attends, no one in
    particular, a gathering hosted, or a visit that describes the subject of ``earlier``."""
    cues = doc.lexicon.cues
    if tag.first - 2 >= lo and doc.word(tag.first - 1) == "في" and doc.word(tag.first - 2) in cues.attending:
        return True  # «سيكون حاضراً في اللقاءات» "will be present at the meetings": attends
    if any(doc.word(k) == "من" and _without_conjunction(doc.word(k - 1)) == "كل"
           for k in range(max(lo + 1, tag.first - 2), tag.first)):
        return True  # «وكل من ينوي زيارة تونس» "and whoever intends to visit Tunisia"
    if _hosts_antecedent(doc, tag, t, lo):
        return True  # «القمة التي تستضيفها المغرب» "the summit Morocco hosts": a gathering, no guest
    # «أن يلتقي كارتر الذي يقوم بجولة في المنطقة، رئيس الوزراء»: who he is, not where he went
    return tag.first > lo and earlier is not None and _relative_aside(doc, tag, t, earlier)


def _hosts_antecedent(doc: Document, tag: Tag, t: Trigger, lo: int) -> bool:
    """A receiving verb in a relative clause whose object is its antecedent by a pronoun
    («القمة التي تستضيفها المغرب» "the summit that Morocco hosts"), the antecedent no party:
    what is hosted is a gathering, and no guest is named."""
    if t.type != "MEETING" or t.voice != "agent" or tag.first - 2 < lo:
        return False
    if doc.word(tag.first - 1) not in doc.lexicon.cues.relative or not doc.word(tag.last - 1).endswith(("ها", "ه")):
        return False
    if not doc.word(tag.first).lstrip("و").startswith(("است", "يست", "تست")):
        return False  # (hosting and receiving verbs: استضاف، تستضيف، استقبل)
    antecedent = tag.first - 2
    return doc.word(antecedent).startswith("ال") and all(
        doc.covering(kind, antecedent) is None for kind in ("title", "place", "nisba", "hon", "capital"))


RELATIVE_ASIDE_REACH = 4  # words after a visit in a relative clause where its destination would be
ANTECEDENT_GAP = 3  # words between a verb and the relative clause describing its subject


def _relative_aside(doc: Document, tag: Tag, t: Trigger, verb: Tag) -> bool:
    """A visit told in a relative clause right after the subject of the verb ``verb``, with
    no state or city after it («أن يلتقي كارتر الذي يقوم بجولة في المنطقة، رئيس الوزراء»
    "that Carter, who is touring the region, meets the prime minister"): it says who the
    subject is, and the verb's object follows it."""
    if t.type != "VISIT" or doc.word(tag.first - 1) not in doc.lexicon.cues.relative:
        return False
    if not verb.last <= tag.first - 1 <= verb.last + ANTECEDENT_GAP:
        return False
    reach = range(tag.last, min(tag.last + RELATIVE_ASIDE_REACH, len(doc.words)))
    return not any(doc.at("place", k) is not None or doc.at("capital", k) is not None for k in reach)


def _coordinated_verb(doc: Document, tag: Tag, t: Trigger, after: list[Mention]) -> bool:
    """«استقبل وزير الخارجية سفير الكويت وتسلم منه رسالة»: a verb joined by و continues the
    subject of the verb before it, unless a subject of its own follows it: one party and
    then another («واستقبل الملك الرئيس»), or a party and then the event's noun («وتلقى ولي
    العهد اتصالاً»). One party alone after it is its object («واستقبل الأمين العام»)."""
    if t.voice not in ("agent", "recipient") or not tag.prefix.startswith("و"):
        return False
    if not after or after[0].first != tag.last or after[0].kind not in ("person", "office"):
        return True
    own = _own_subject(tag, after) and not _addressed(doc, after[1])
    return not (own or _subject_then_object(doc, tag, after[0]))


def traveller_after(found: list[Candidate], before: Mention | None) -> Mention | None:
    """The visitor of the latest visit after a sentence whose candidates are ``found``."""
    for c in reversed(found):
        if c.type == "VISIT" and c.sources and c.sources[0].kind in ("person", "office"):
            return c.sources[0]
    return before


def _tour_goes_on(doc: Document, tag: Tag, t: Trigger, lo: int, before: list[Mention],
                  after: list[Mention], traveller: Mention | None) -> Mention | None:
    """«وبعد الدوحة ينتقل إلى سنغافورة وماليزيا» "and after Doha he moves on to Singapore
    and Malaysia": a travel verb in a sentence that opens with «و» and names no one has the
    article's last visitor as subject."""
    if traveller is None or t.type != "VISIT" or t.voice != "agent" or before:
        return None
    if not doc.word(lo).startswith("و") or any(m.kind in ("person", "office") for m in after):
        return None
    return traveller


def _follows_in_time(doc: Document, tag: Tag, t: Trigger) -> bool:
    """After an announced engagement in the same sentence, talks held "during it" and a
    verb after «قبل أن» / «ثم» belong to that future: «سيزور موسكو يجري خلالها مباحثات مع
    الرئيس» "will visit Moscow, holding talks there with the President", «وسيلتقي كارتر
    نتنياهو اليوم قبل أن يتوجه إلى الأردن» "will meet … before he goes on to Jordan"."""
    cues = doc.lexicon.cues
    near = [doc.word(i) for i in (tag.first - 2, tag.first - 1, tag.first + 1) if i >= 0]
    if any(w in cues.during_talks for w in near):
        # «يجري خلالها مباحثات», «سينقل خلال لقائه»; but in «سيلتقي خلال زيارته» "will
        # meet during his visit" the visit is the one under way
        return t.type != "VISIT"
    verb = _without_conjunction(doc.word(tag.first))
    return t.voice == "agent" and doc.word(tag.first - 1) in cues.then_subjunctive and verb in cues.imperfect


def visited_after(found: list[Candidate], before: str | None) -> str | None:
    """The state of the latest visit after a sentence whose candidates are ``found``
    (``before``: the one known before it)."""
    for c in reversed(found):
        if c.destination is not None and c.destination.country not in (None, HOME):
            return c.destination.country
    return before


def sources_after(found: list[Candidate], before: dict[str, Mention]) -> dict[str, Mention]:
    """The source of the latest event of each type after a sentence whose candidates are
    ``found`` (``before``: those known before it)."""
    latest = dict(before)
    for c in found:
        if c.sources and c.sources[0].kind in ("person", "office"):
            latest[c.type] = c.sources[0]
    return latest


def addressees_after(found: list[Candidate], before: list[Mention]) -> list[Mention]:
    """The addressees of "a similar cable" after a sentence whose candidates are ``found``
    (``before``: those known before it)."""
    setting = [c for c in found if GRAMMAR[c.type].sets_addressees]
    return setting[-1].targets if setting else before


ANAPHOR_REACH = 2  # words from the start of a sentence where «المسؤول» may stand as its subject


def _stands_for(doc: Document, m: Mention, previous: Mention, lo: int) -> bool:
    """«وعبر المسؤول الأوروبي …» "the European official said": a sentence whose subject
    is a bare definite post (no name, no state of its own) speaks of the official the
    sentence before named."""
    if m.name is not None or m.title is None or m.country_tokens is not None or m.first > lo + ANAPHOR_REACH:
        return False
    if previous.country in (None, HOME) and previous.country_tokens is None:
        return False
    head = doc.at("title", m.title[0])
    if head is None or m.title[1] - m.title[0] > 1:
        return False
    core = doc.text[head.match.core_start:head.match.core_end]
    return "ال" in head.prefix and core in doc.lexicon.cues.generic_office


def _subject_dropped(doc: Document, tag: Tag, lo: int, after: list[Mention]) -> bool:
    """«وسيلتقي، اليوم، نظيره المصري» "and he will meet, today, his Egyptian counterpart":
    a sentence opening with the verb whose first party is someone's counterpart has the
    subject of the sentence before."""
    opening = all(doc.word(i) in ("،", ",", "و", "ف") for i in range(lo, tag.first))
    return opening and bool(after) and is_counterpart(doc, after[0])


def _link_before(doc: Document, tag: Tag, lo: int) -> bool:
    """Does a clause link («حيث» "where", «على أن» "and is to", «ثم» "then") stand right
    before the trigger, or «خلالها» "during it" right after it?"""
    links = doc.lexicon.cues.clause_link
    if doc.word(tag.last) in doc.lexicon.cues.during_it:
        return True  # «في زيارة يلتقي خلالها …» "a visit during which he will meet …"
    one = doc.word(tag.first - 1) if tag.first - 1 >= lo else ""
    two = f"{doc.word(tag.first - 2)} {one}" if tag.first - 2 >= lo else ""
    return one in links or two in links


def _linked_subject(doc: Document, tag: Tag, t: Trigger, lo: int, found: list[Candidate],
                    before: list[Mention] | None = None) -> Mention | None:
    """«سيتوجه إلى طهران حيث سيلتقي الرئيس روحاني» "will go to Tehran, where he will meet
    President Rouhani": a verb right after a clause link has the subject of the engagement
    found before it in the sentence (the visitor), unless it names its own."""
    if t.voice != "agent":
        return None
    if _without_conjunction(doc.word(tag.first)) in doc.lexicon.cues.heading_for:
        # «زيارة … إلى عدن غادر بعدها المدينة متجها إلى الرياض»: the same traveller
        return next((c.sources[0] for c in reversed(found) if c.type in ("VISIT", "MEETING") and c.sources), None)
    if not _link_before(doc, tag, lo):
        return None
    if found and found[-1].sources:
        return found[-1].sources[0]
    # «واستهل ظريف جولته من قصر بعبدا، حيث استقبله رئيس الجمهورية» "… where the President
    # received him": a verb carrying «ه» after a link has the sentence's subject as its object
    suffix = doc.text[tag.match.core_end:tag.match.end]
    if before and suffix in ("ه", "ها") and before[0].kind in ("person", "office"):
        return before[0]
    return None


def _speaker(doc: Document, tag: Tag, t: Trigger, lo: int, before: list[Mention]) -> Mention | None:
    """«أعلن وزير الخارجية، اليوم (الثلاثاء)، أنه سيتوجه إلى …» "the foreign minister
    announced on Tuesday that he will travel to …": after «أنه» the subject is the one who
    said it, the first person or office named in the sentence."""
    if t.voice != "agent" or tag.first - 1 < lo or doc.word(tag.first - 1) not in doc.lexicon.cues.that_he:
        return None
    return next((m for m in before if m.kind in ("person", "office")), None)


def _still_to_come(doc: Document, tag: Tag, lo: int, hi: int) -> bool:
    """«وصل … إلى بغداد حيث يلتقي مسؤولين عراقيين» "arrived in Baghdad, where he is to meet
    Iraqi officials": an imperfect verb after a clause link is still to come, unless the
    sentence says it happens now («اليوم»)."""
    cues = doc.lexicon.cues
    if _without_conjunction(doc.word(tag.first)) not in cues.imperfect:
        return False
    return not any(doc.word(i) in cues.present_time for i in range(lo, hi))


def _object_only(after: list[Mention], last: Mention) -> bool:
    """After «كما استقبل», is the first party the one received (of a state other than the
    host before, and no other state named to be received instead)? «كما بعث ولي العهد
    برقية …» names its own subject, of the host's state."""
    if not after or after[0].country_tokens is None or after[0].country in (None, HOME, last.country):
        return False
    return all(m.country_tokens is None or m.country in (HOME, after[0].country) for m in after[1:])


def _continues(doc: Document, tag: Tag, lo: int) -> bool:
    """«كما استقبل أمس مدير الجامعة الإسلامية بجاكرتا» "he also received …": a sentence
    opening with كما and the verb, its subject left to the one who did the same before."""
    return tag.first > lo and all(
        doc.word(i) in ("،", ",", "و", "ف") or doc.word(i) in doc.lexicon.cues.continuing for i in range(lo, tag.first)
    ) and doc.word(tag.first - 1) in doc.lexicon.cues.continuing


def _refers_back(doc: Document, lo: int) -> bool:
    cues = doc.lexicon.cues
    return any(doc.word(i) in cues.refers_back for i in range(lo, lo + 2)) or doc.word(lo) in cues.speech_opener


def _framed(doc: Document, tag: Tag, t: Trigger, lo: int) -> bool:
    """A trigger inside a passive frame (``تم بحث``) or a circumstantial في phrase."""
    cues = doc.lexicon.cues
    window = [doc.word(i) for i in range(max(lo, tag.first - 3), tag.first)]
    if t.voice == "agent" and any(w in cues.passive_frame for w in window):
        return True
    prev = doc.word(tag.first - 1) if tag.first > lo else ""
    if t.voice in ("genitive", "noun") and GRAMMAR[t.type].circumstantial and prev in cues.circumstantial:
        return not _with_follows(doc, tag)
    return False


def _by_phone(doc: Document, tag: Tag, t: Trigger) -> Trigger:
    """«بحث الملك مع الرئيس الأمريكي في اتصال هاتفي …» "the King discussed with the US
    president in a phone call": talks beside a call noun after في were the call."""
    if t.type == "MEETING" and t.voice == "agent" and _word_has_cue(doc.word(tag.first), doc.lexicon.cues.discussed):
        return replace(t, type="PHONE_CALL")
    return t


def gregorian_year(word: str) -> int | None:
    """The Gregorian year a word writes («2015», «2015م»), else None."""
    year = word.rstrip("مه")
    if len(year) != 4 or not year.isdigit():
        return None
    # Hijri years run to about 1450 in this century, so a larger year below 1600 («عام
    # 1546») is Gregorian too.
    if int(year) >= FIRST_GREGORIAN_YEAR or int(year) > LAST_HIJRI_YEAR:
        return int(year)
    return None


def _history(doc: Document, tag: Tag, lo: int, hi: int) -> bool:
    """Background told as history, not news: a Gregorian year before the publication's near
    the trigger («زار كينيا عام 2006» "visited Kenya in 2006"; but «أول زيارة منذ 1959» "the
    first visit since 1959" is news), or a time given only as a past month or as "recent"
    («زيارته الأخيرة» "his last visit", «في نوفمبر الماضي» "last November", «أواخر مارس»
    "late in March" for what has happened)."""
    cues = doc.lexicon.cues
    if tag.first > lo and doc.word(tag.first - 1) in cues.since:
        return True  # «منذ توقيع الاتفاق النووي» "since the nuclear deal was signed": a reference point
    announced = cache(lambda: is_planned(doc, tag, lo, hi))  # (asked only where a vague past word is met)
    published = doc.article.published
    if "قد" in (doc.word(k) for k in range(max(lo, tag.first - 2), tag.first)) and any(
        doc.word(k) in cues.tally for k in range(max(lo, tag.first - TALLY_REACH), tag.first)
    ):
        return True  # «وبهذا تكون المملكة قد وقعت …» "with this the Kingdom has signed …": a tally
    opening = doc.word(lo).rstrip("مه")
    if opening.isdigit() and len(opening) == 4 and int(opening) >= FIRST_GREGORIAN_YEAR and lo + 1 < hi \
            and doc.word(lo + 1) in cues.dash and (published is None or int(opening) < published.year):
        return True  # «2008 - الصين وروسيا توقعان اتفاقا …»: an entry of "on this day" history
    # Undated, an article's own time is at least the latest year it names: «وقعت معاهدة
    # سلام مع الأردن في 1994» beside «في 2015» is history.
    now = published.year if published else doc.latest_year
    window = range(max(lo, tag.first - HISTORY_WINDOW), min(hi, tag.last + HISTORY_WINDOW))
    for i in window:
        year = gregorian_year(doc.word(i))
        if (
            now
            and year
            and year < now
            and not any(doc.word(k) in cues.since for k in range(max(lo, i - 2), i))
        ):
            return True
    for i in range(lo, min(hi, lo + OPENING_YEAR_REACH)):
        year = gregorian_year(doc.word(i))
        if now and year and year < now and doc.word(i - 1) not in cues.since:
            return True  # «في ربيع عام ٢٠١٣ كنت في مرسيليا …، وتشرفت بلقائه»: the opening dates the sentence
    if any(doc.word(i) in cues.ago_unit and (_without_conjunction(doc.word(i - 1)) == "قبل" or (
            doc.word(i - 1).isdigit() and _without_conjunction(doc.word(i - 2)) == "قبل")) for i in window if i > lo) \
            and not announced():
        return True  # «قبل عامين تقريبا، التقيت …» "about two years ago I met …", «قبل 13 عاما»
    for i in range(tag.last, hi):
        if doc.word(i) in ("،", ","):
            break
        if doc.word(i) in cues.recently:
            return True  # «… الذي جمع الوزير بكبير المفاوضين في عمان مؤخرا»: recently, vaguely
    if any(doc.word(i).startswith("مؤخر") for i in range(max(lo, tag.first - RECENTLY_BEFORE), tag.first)) \
            and not announced():
        return True  # «قام الوزير مؤخراً بزيارة القاهرة» "recently visited Cairo"
    months = month_names()
    end = tag.last  # the words of an office («ولي ولي العهد ووزير الدفاع») do not count
    counted = 0
    clause_ends = False
    while end < hi and counted < VAGUE_PAST_WINDOW and not (clause_ends and doc.covering("trigger", end)):
        # (another engagement after a comma is dated by its own words: «…، بينما أعلن الوزير
        # عزمه زيارة إيران في سبتمبر»)
        counted += doc.covering("title", end) is None and doc.covering("hon", end) is None
        clause_ends = clause_ends or doc.word(end) in ("،", ",")
        end += 1
    vague_reach = range(max(lo, tag.first - VAGUE_PAST_WINDOW), end)
    # «يونيو (حزيران) الماضي»: the other calendar's name in brackets; «في شهر نوفمبر»
    skipped = cues.month_word | {"(", ")"}
    words = [(i, doc.word(i)) for i in vague_reach if doc.word(i) not in skipped]
    for k, (i, word) in enumerate(words):
        before = words[k - 1][1] if k else ""
        after = words[k + 1][1] if k + 1 < len(words) else ""
        # (what is announced, «لقاء الجبير مع لافروف غدا», is not dated by a later clause's
        # «خلال زيارته الأخيرة»)
        if word in cues.recent_adjective and before not in cues.time_noun \
                and doc.covering("trigger", words[k - 1][0] if k else i - 1) is None:
            continue  # «لبحث التطورات الأخيرة» "the latest developments": not the engagement's date
        if i >= tag.last and word in cues.vague_past and not announced() and not (
                doc.word(i + 1) in cues.day_offset or doc.word(i + 2) in cues.day_offset
                or any(doc.covering(kind, k) is not None for kind in ("title", "nisba", "place")
                       for k in (i - 1, i - 2))):
            return True  # (not «الرئيس الفرنسي السابق» "the former French president")
        if word in cues.vague_ago and before in cues.ago and not announced():
            return True  # «أعلنت الوزارة، قبل فترة، توقيع اتفاقية» "announced a while ago"
        if word in cues.past and (before in cues.vague_period or before in months or after in months):
            return True
        if word in cues.month_part and after in months and not announced():
            following = words[k + 2][1] if k + 2 < len(words) else ""
            if not following.isdigit():
                return True  # «في مطلع يونيو» "early in June", no day and no year: background
    return False


def _negated(doc: Document, tag: Tag, t: Trigger, lo: int) -> bool:
    """«أوصت بريطانيا مواطنيها بعدم التوجه إلى تونس» "advised its citizens not to travel to
    Tunisia", «لم يزر» "did not visit", «إلغاء زيارة» "the cancellation of a visit"."""
    cues = doc.lexicon.cues
    reach = NEGATION_WINDOW + (2 if doc.word(tag.first - 1) in ("أي", "اي") else 0)  # «لم تسجل أي زيارة»
    window = range(max(lo, tag.first - reach), tag.first)
    if any(doc.word(i) in cues.negation or f"{doc.word(i - 1)} {doc.word(i)}" in cues.negation for i in window):
        return True  # (a pair too: «ومن غير المقرر أن يزور» "he is not scheduled to visit")
    if any(doc.word(i) in cues.hope for i in range(max(lo, tag.first - HOPE_WINDOW), tag.first)):
        return True  # «أعرب عن أمله في أن يزور بوتين مصر» "hoped Putin would visit Egypt"
    for i in range(tag.last, min(len(doc.words), tag.last + HABITUAL_REACH)):
        word = doc.word(i)
        if word in ("،", ",", "."):
            break
        if word in cues.habitual or f"{word} {doc.word(i + 1)}" in cues.habitual:
            return True  # «الذي زار العاصمة السورية مرات عدة» "who visited … several times": no one engagement
    for i in range(tag.first - 1, max(lo, tag.first - DENIAL_WINDOW) - 1, -1):
        if doc.word(i) in ("،", ",", ".", ":"):
            break
        if doc.word(i) in cues.denial:
            return True  # «ونفى المالكي وجود أي ترتيبات لعقد لقاء» "denied any plans for a meeting"
    if t.type == "MESSAGE" and _figurative_message(doc, tag, t, lo):
        return True
    if t.type == "PHONE_CALL" and _with_the_press(doc, tag):
        return True
    if t.type == "AGREEMENT" and tag.first - 2 >= lo and doc.word(tag.first - 1) in cues.then_subjunctive \
            and doc.word(tag.first - 2) in cues.before_after:
        return True  # «… لطمأنة المملكة بعد أن أبرمت واشنطن اتفاقا نوويا مع إيران»: a reference point
    if t.voice in ("noun", "genitive"):
        for i in range(tag.last, min(len(doc.words), tag.last + CALLED_OFF_REACH)):
            word = doc.word(i)
            if word == "." or doc.at("trigger", i) is not None:
                break
            if word in ("،", ",") and doc.word(i + 1) not in cues.relative \
                    and not any(doc.word(k) in cues.relative for k in range(tag.last, i)):
                break  # (past a relative clause: «زيارة ظريف، التي كانت مقررة الأسبوع المقبل، أرجئت»)
            if word in cues.called_off or f"{word} {doc.word(i + 1)}" in cues.called_off:
                return True  # «إن زيارة الوزير لتركيا أُجلت» "the minister's visit was postponed"
    if t.voice == "agent" and doc.word(tag.first).removeprefix("و") in cues.imperfect and any(
        doc.word(i) in cues.first_to and doc.word(i - 1) != "ال"
        for i in range(max(lo, tag.first - FIRST_TO_REACH), tag.first)
    ):  # (not «آل ثاني», the family)
        return True  # «وهو أول رئيس أمريكي يزور كينيا» "the first US president to visit Kenya": who he is
    invited_to = tag.prefix.endswith("ل") or (tag.first > lo and doc.word(tag.first - 1) in ("الي", "إلى"))
    if t.type == "VISIT" and t.voice in ("noun", "genitive") and invited_to and any(
        doc.word(i).removeprefix("و") in cues.invitation
        for i in range(max(lo, tag.first - INVITATION_WINDOW), tag.first)
    ):
        return True  # «دعوة … إلى نظيره الإيراني لزيارة فرنسا», «دعا المفوض إلى زيارة عدن»: an invitation
    supposed = t.voice in ("noun", "genitive") and doc.word(tag.first - 1) not in cues.passive_frame
    if not supposed and any(
        doc.word(i) in cues.conditional for i in range(max(lo, tag.first - CONDITIONAL_WINDOW), tag.first)
    ):
        # «وإذا تم التوقيع على الاتفاقية» "if the agreement is signed"; but «وإذا كانت نتائج
        # اللقاء … أمس …» "if the results of yesterday's meeting …" supposes the meeting
        return True
    # «ينبغي على الوزيرين القيام بزيارة» "the two ministers should make a visit": advice
    window = range(max(lo, tag.first - MODAL_WINDOW), tag.first)
    if any(f"{doc.word(i - 1)} {doc.word(i)}" in cues.whether for i in window if i > lo):
        return True  # «ما إذا كان سيتوجه» "whether he will travel"
    return any(doc.word(i) in cues.modal for i in window)


def _with_the_press(doc: Document, tag: Tag) -> bool:
    """«في اتصال هاتفي مع "الرياض"» "in a phone call with al-Riyadh", «خلال اتصال هاتفي مع
    الشرق الأوسط»: a call with a newspaper, a channel or an agency is an interview."""
    k = tag.last
    if doc.word(k) == "مع":
        k += 1
    elif doc.word(tag.last - 1) != "مع":
        return False
    word = doc.word(k)
    return word in QUOTES or word in doc.lexicon.cues.press \
        or f"{word} {doc.word(k + 1)}" in doc.lexicon.cues.press


def _figurative_message(doc: Document, tag: Tag, t: Trigger, lo: int) -> bool:
    """«إنها رسالة مهمة للشعبين» "it is an important message to both peoples", «لإرسال رسالة
    للمجتمع الدولي» "to send a message to the international community": a figure of speech;
    and «وفي بداية الاستقبال هنأ …» "at the start of the reception … congratulated": spoken
    at a meeting, not sent."""
    cues = doc.lexicon.cues
    if t.voice in ("noun", "genitive"):
        if any(doc.word(i) in cues.figurative_before for i in range(max(lo, tag.first - 2), tag.first)):
            return True
        after = [doc.word(i) for i in range(tag.last, tag.last + 3)]
        pairs = [f"{a} {b}" for a, b in pairwise(after)]
        if any(w.startswith(cues.figurative_to) for w in after + pairs):
            return True
        # «إنها رسالة مهمة للشعبين … ورسالة للدول الخليجية»: the second is the same figure
        earlier = [k for k in doc.starts_within("trigger", max(lo, tag.first - FIGURE_REACH), tag.first)
                   if doc.word(k).endswith(doc.word(tag.first).removeprefix("و"))]
        return tag.prefix.startswith("و") and any(
            _figurative_message(doc, doc.tags["trigger"][k], t, lo) for k in earlier)
    for i in range(max(lo, tag.first - SPOKEN_AT_REACH), tag.first):
        meeting = doc.at("trigger", i + 1)
        if doc.word(i) in cues.spoken_at and meeting is not None and any(r.type == "MEETING" for r in meeting.value):
            return True
    # «هنأ الوزير نظيره المصري، خلال اتصال هاتفي، …» "congratulated … during a phone call":
    # said in the call, which is the engagement
    for i in range(tag.last, min(len(doc.words) - 1, tag.last + SPOKEN_IN_CALL_REACH)):
        if doc.word(i) in (".", "؟"):
            break
        call = doc.at("trigger", i + 1)
        if doc.word(i) in cues.spoken_at | {"في"} and call is not None \
                and any(r.type == "PHONE_CALL" for r in call.value):
            return True
    return False


def _reception(doc: Document, tag: Tag, t: Trigger, lo: int) -> bool:
    """«وكان في استقباله لدى وصوله …» "and receiving him on arrival was …": the officials
    who met a visitor at the airport or the border."""
    cues = doc.lexicon.cues
    if t.type != "MEETING" or t.voice not in ("noun", "genitive") or tag.first - 1 < lo:
        return False
    if doc.word(tag.first - 1) not in cues.circumstantial or not doc.word(tag.first).startswith(cues.reception):
        return False
    return any(doc.word(i) in cues.perfect_opener for i in range(max(lo, tag.first - 3), tag.first - 1))


def _received_on_arrival(doc: Document, reception: tuple[Tag, Trigger], sentence: tuple[int, int],
                         parties: list[Mention], visitor: Mention | None, visited: str | None) -> list[Candidate]:
    """The reception is a meeting of the officials named after it (the hosts, source) with
    the visitor, the subject of the sentence before ("سموه", "معاليه" refer back to them).
    A host named without a state («سمو الأمير فيصل بن الحسين») is of the state visited."""
    tag, t = reception
    venues = doc.lexicon.cues.venue
    receivers = [m for m in parties if m.first >= tag.last and m is not visitor and (m.name or m.title)
                 and not _after_venue(doc, m, venues)]  # «مطار حمد الدولي» is a place, not a host
    if visitor is None or not receivers:
        return []
    hosts = _coordinated(doc, receivers, 0)
    for m in hosts:
        posted = m.title is not None and any(doc.word(k) in doc.lexicon.cues.title_host for k in range(*m.title))
        if visited and m.country_tokens is None and m.country in (None, HOME) and not posted:
            m.country = visited  # (not «الملحق العسكري لدى المغرب», the visitor's own attaché there)
    return [Candidate(t.type, None, "occurred", tag, sentence, hosts, [visitor])]


def _after_venue(doc: Document, m: Mention, venues: tuple[str, ...]) -> bool:
    """Whether a mention names a place after a venue word: «مطار حمد الدولي», and
    «مطار الملك عبدالعزيز الدولي» with a rank between."""
    for k in (m.first - 1, m.first - 2):
        word = doc.word(k)
        for clitic in ("و", "ب", "ل", "ال"):
            word = word.removeprefix(clitic)
        if word.startswith(venues):
            return True
        if doc.covering("hon", k) is None:
            return False
    return False


def _similar(doc: Document, lo: int, hi: int) -> bool:
    similar = doc.lexicon.cues.similar
    return any(doc.word(i).startswith(similar) for i in range(lo, hi))


def _separate(doc: Document, trig: Tag, sentence: tuple[int, int]) -> bool:
    """«في لقاءين منفصلين», «كلا على حدة», «سيعقد اجتماعات مع …» near the verb (not «بقاعة
    الاجتماعات» "in the meeting hall" at the end of a long sentence)."""
    end = min(sentence[1], trig.first + SEPARATE_REACH)
    return any(_word_has_cue(doc.word(i), doc.lexicon.cues.separately) for i in range(trig.first, end))


# --- one handler per event type -------------------------------------------------------


def _meetings(c: Clause) -> list[Candidate]:
    """``استقبل وزير الدفاع سفيري تركيا ولبنان``: one meeting with the guests together, or
    one per guest when they were received separately (``كلا على حدة``)."""
    host = _state_as_host(c)
    if host is not None:
        # «واستقبلت الأردن وزير الخارجية الفرنسي» "Jordan received the French foreign
        # minister"; but «كما تستقبل مصر نائب رئيس وزراء المجر، ونائب المستشارة الألمانية»
        # lists a ceremony's guests, who are not each other's counterparts: no meeting.
        guests = [m for m in c.people if m.first > host.first]
        return [c.candidate([host], guests)] if len({g.country for g in guests}) == 1 else []
    sources, objects = c.parties(c.people)
    if sources and len(objects) > 1 and _host_name(c.doc, sources[0], objects[0]):
        sources[0].name, objects = objects[0].name, objects[1:]
    if not objects:
        joint = _joint_parties(c)
        if joint:
            return [c.candidate(joint[:1], joint[1:])]  # «وعقد سمو الأمير وفخامة الرئيس الفرنسي جلسة مباحثات»
    return _with_objects(c, sources, objects)


def _joint_parties(c: Clause) -> list[Mention]:
    """Two or more people joined by و as the subject right after the verb, with no object:
    «وعقد سمو الأمير وفخامة الرئيس الفرنسي جلسة مباحثات» "the Emir and the French President
    held talks" meet each other."""
    if not c.people or c.reading.voice != "agent" or c.before or c.subject is not None:
        return []
    joint = _coordinated(c.doc, c.people, 0)
    if len(joint) < 2 or joint[0].first - c.trigger.last > 1 or len(joint) < len(c.people):
        return []
    return joint


HOST_NAME_GAP = 8  # words of an institution's name between a host's office and their name


def _host_name(doc: Document, host: Mention, m: Mention) -> bool:
    """«استقبل المستشار … المشرف العام على مركز … للإغاثة الدكتور عبدالله الربيعة اليوم،
    وزيرة الإعلام اليمنية»: a ranked name with no office of its own, right after an office
    named without one, is that office holder's name, not a guest."""
    if host.name is not None or host.title is None or m.name is None or m.title is not None or not m.ranked:
        return False
    gap = [doc.word(i) for i in range(host.last, m.first)]
    return len(gap) <= HOST_NAME_GAP and not any(w in ("،", ",", "و") for w in gap) and not m.prefix.startswith("و")


def _state_as_host(c: Clause) -> Mention | None:
    """The state named right after a receiving verb with no subject before it, which is
    then its subject: «تستقبل مصر …» "Egypt receives …"."""
    if c.reading.voice != "agent" or not c.after or _subject_before(c.doc, c.before, c.trigger) is not None:
        return None
    first = c.after[0]
    return first if first.kind == "state" and first.first == c.trigger.last else None


def _calls(c: Clause) -> list[Candidate]:
    """``أجرى اتصالين هاتفيين بأمير قطر وملك البحرين``: a call is always between two."""
    sources, objects = c.parties(c.people)
    doc = c.doc
    pair = [m for m in c.before if m.kind in ("person", "office")][-2:]
    if not objects and c.reading.voice in ("noun", "genitive") and len(pair) == 2 \
            and doc.word(c.trigger.first - 1) in doc.lexicon.cues.during_talks and _coordinated_with(doc, *pair):
        # «بحث أوباما ونظيره التركي أردوغان، خلال اتصال هاتفي، …»: the pair named before
        return [c.candidate(pair[:1], pair[1:])]
    return _with_objects(c, sources, objects, always_separate=True)


def _agreements(c: Clause) -> list[Candidate]:
    """``وقعت دولة الإمارات وجمهورية الهند اتفاقية …``: without people, states sign as parties."""
    sources, objects = c.parties(c.people)
    if not sources or not objects:
        joint = _joint_parties(c)
        if joint:
            # «وقّع ولي العهد، ووزير الخارجية الأمريكي، أمس … اتفاقية»: the signatories
            # joined as the verb's subject sign with each other
            return [c.candidate(joint[:1], joint[1:])]
        sources, objects = c.parties(c.after)
    found = _with_objects(c, sources, objects)
    if len(found) == 1:
        # «أبرمت بريطانيا وفرنسا … اتفاقا مع إيران»: the party after «مع» signs too
        counterpart = [m for m in objects if m not in found[0].targets and m not in found[0].sources
                       and c.doc.word(m.first - 1) == "مع" and m.first > c.trigger.last
                       and found[0].sources[0].kind != "state"]
        found[0].targets = found[0].targets + counterpart[:1]
    return found


def _with_objects(
    c: Clause, sources: list[Mention], objects: list[Mention], *, always_separate: bool = False
) -> list[Candidate]:
    """The events of a trigger with parties on both sides: one with the objects joined by و,
    or one per object when each had their own (``always_separate``, or ``على حدة``)."""
    if not sources or not objects:
        return []
    received = c.received(sources, objects)
    if received is not None:
        return received
    targets = _coordinated(c.doc, objects, 0)
    separately = always_separate or _separate(c.doc, c.trigger, c.sentence)
    groups = [[m] for m in targets] if separately else [targets]
    # «سيلتقي مع نظيره الروسي ومع وزراء خارجية دول الخليج» "will meet with his Russian
    # counterpart and with the Gulf ministers": each «ومع» opens a meeting of its own.
    rest = objects[objects.index(targets[-1]) + 1 :]
    while rest and c.doc.word(rest[0].first - 1) in c.doc.lexicon.cues.and_with:
        group = _coordinated(c.doc, rest, 0)
        groups += [[m] for m in group] if separately else [group]
        rest = rest[len(group) :]
    return [c.candidate(list(sources), g) for g in groups]


def _messages(c: Clause) -> list[Candidate]:
    """``بعث خادم الحرمين الشريفين برقية تهنئة للرئيس …``: one message per sender and
    addressee, with its subtype (congratulation, condolence, letter, other)."""
    doc = c.doc
    allowed = vocabulary().type(c.reading.type).subtypes
    subtype = c.reading.subtype
    if subtype is None:
        subtype = message_subtype(doc, c.trigger.first, c.sentence[1], allowed)
    sources, objects = c.parties(c.people)
    if sources and not objects and c.similar:
        objects = list(c.similar)  # "برقية تهنئة مماثلة": to the previous message's addressee
    if not sources or not objects:
        return []
    received = c.received(sources, objects, subtype)
    if received is not None:
        return _handed_over(c, received)
    # «سلم السيسي رسالة خطية من الرئيس الجزائري» "handed Sisi a letter from the Algerian
    # president": the subject only carried it; the sender is the party after من.
    sender = next((m for m in objects if doc.word(m.first - 1) == "من" and m.kind in ("person", "office")), None)
    if sender is not None and len(objects) > 1:
        sources, objects = [sender], [m for m in objects if m is not sender]
    # "سلم الرئيس الأمير محمد رسالة لخادم الحرمين": the addressee carries ل / إلى;
    # the first object may only be the courier.
    addressed = [k for k, m in enumerate(objects) if _addressed(doc, m)]
    if addressed:
        # "بعث خادم الحرمين الشريفين وسمو ولي العهد برقيتي تهنئة لـ …": senders joined
        # to the subject by و each sent a cable.
        joined = _coordinated(doc, sources[:1] + objects[: addressed[0]], 0)[1:]
        sources = sources[:1] + [m for m in joined if m in objects]
        objects = objects[addressed[0]:]
    targets = _coordinated(doc, objects, 0)
    return _handed_over(c, [c.candidate([s], [m], subtype) for s in sources for m in targets])


def _handed_over(c: Clause, found: list[Candidate]) -> list[Candidate]:
    """«تسلم الرسالة نيابة عن جلالته وزير الخارجية خلال استقباله السفير», «سلم الرسالة
    الوزير … لدى استقبال الرئيس له»: handing over *the* letter (one the article has told)
    is no second message; the courier and the one who takes it meet (the receiver hosts)."""
    doc, trig = c.doc, c.trigger
    word = _without_conjunction(doc.word(trig.first))
    before = doc.word(trig.first - 1).removeprefix("و").removeprefix("ب") if trig.first > c.sentence[0] else ""
    if word not in doc.lexicon.cues.hand_over and not word.removeprefix("ب").startswith("تسليم") \
            and not before.startswith("تسليم"):
        return found  # (the noun too: «حيث قام معاليه بتسليم الرسالة لجلالته»)
    told = doc.lexicon.cues.told_letter
    if not any(doc.word(k) in told for k in range(trig.first, min(c.sentence[1], trig.last + 2))):
        return found
    meetings = []
    for cand in found[:1]:
        # (either voice leaves the courier as source and the one who takes it as target)
        meetings.append(Candidate("MEETING", None, cand.status, cand.trigger, cand.sentence, cand.targets,
                                  cand.sources, None, cand.voice))
    return meetings


def _institution(doc: Document, m: Mention) -> bool:
    """An organisation named by its kind («مركز الملك سلمان للإغاثة» "the King Salman Relief
    Centre", «جامعة»): it sends aid or signs, but does not travel."""
    if m.name is not None or m.title is None:
        return False
    head = doc.at("title", m.title[0])
    return head is not None and head.value[0] in ("org", "part")


def _visits_the_cared_for(c: Clause, places: list[Mention]) -> bool:
    """«قام أمير المنطقة بزيارة المرضى المنومين» "visited the in-patients", «كلفه بزيارة
    وتفقد المصابين في مستشفى العيون» "to visit and check on the injured": a round of the
    sick, not travel, unless a state or city visited is named first."""
    doc = c.doc
    first_place = min((m.first for m in places if m.first >= c.trigger.last), default=None)
    end = min(c.sentence[1], c.trigger.last + CARED_FOR_WINDOW)
    for i in range(c.trigger.last, end):
        if first_place is not None and i >= first_place:
            return False
        if doc.word(i) in doc.lexicon.cues.cared_for:
            return True
    return False


def _within_a_stay(c: Clause) -> bool:
    """«من المتوقع أن يزور أوباما موقع التفجير في نيروبي خلال وجوده في كينيا» "is expected
    to visit the bombing site … during his stay in Kenya": a stop within a stay under way."""
    doc, cues = c.doc, c.doc.lexicon.cues
    return any(f"{doc.word(i)} {doc.word(i + 1)}" in cues.during_stay
               for i in range(c.trigger.last, c.sentence[1] - 1))


def _told_before(c: Clause) -> bool:
    """«الزيارة» "the visit" with no visitor named in its own phrase refers back to a visit
    already told («لنتائج الزيارة وتقديره لدور المملكة»); «الزيارة الرسمية للرئيس الفرنسي»
    names its visitor and is news."""
    doc, trig = c.doc, c.trigger
    if c.reading.voice not in ("noun", "genitive") or not trig.prefix.endswith(("ال", "لل")):
        return False
    end = trig.last
    while end < min(c.sentence[1], trig.last + TOLD_BEFORE_REACH) and not doc.word(end).startswith("و") \
            and doc.word(end).isalpha():
        if doc.word(end) in doc.lexicon.cues.relative:
            return False  # «للزيارة المرتقبة التي سوف يقوم بها خادم الحرمين»: described, not referred back to
        end += 1
    return not any(trig.last <= m.first < end for m in c.after if m.kind != "state")


def _visitor_after_biha(c: Clause) -> Mention | None:
    """The person named right after «بها» when a visit noun is followed, within a few words,
    by «تقوم بها / يقوم بها / التي قام بها»."""
    if c.reading.voice not in ("noun", "genitive"):
        return None
    doc = c.doc
    end = min(c.sentence[1], c.trigger.last + BIHA_REACH)
    biha = next((i for i in range(c.trigger.last, end) if doc.word(i) == "بها"), None)
    if biha is None:
        return None
    return next((m for m in c.after if m.kind != "state" and biha < m.first <= biha + 2), None)


def _relative_made_by(doc: Document, i: int) -> bool:
    """The relative clause at token ``i`` tells who makes the visit («التي يقوم بها»,
    «التي سوف يقوم بها»), so what follows is still the visit's."""
    return any(doc.word(k) == "بها" for k in range(i + 1, i + 4))


def _after_between(doc: Document, m: Mention) -> bool:
    """«اتفاق تاريخي بين إيران ومجموعة 5+1» "between Iran and the P5+1": a state named
    after «بين» is a party to something else, not a place visited."""
    if m.first > 0 and doc.word(m.first - 1) in ("بين", "وبين"):
        return True
    # … and the one joined to it: «بين الرياض والقاهرة»
    return m.prefix.startswith("و") and any(doc.word(k) in ("بين", "وبين")
                                            for k in range(max(0, m.first - 4), m.first - 1))


def _came_from(doc: Document, m: Mention) -> bool:
    """Is ``m`` named after «من» "from", directly or after «العاصمة …» "the … capital"?"""
    k = m.first - 1
    while k > 0 and (doc.word(k) in ("العاصمه", "عاصمه") or doc.at("nisba", k) is not None) and k > m.first - 3:
        k -= 1
    return doc.word(k) == "من"


def _visits(c: Clause) -> list[Candidate]:
    """``زيارة الأمير محمد بن سلمان للقاهرة``: a visitor, and the state or city visited
    and/or the person who hosts them."""
    sources, objects = c.parties(c.after)
    maker = _visitor_after_biha(c)
    if maker is not None:
        # «أول زيارة لإيران تقوم بها وزيرة خارجية الاتحاد الأوروبي»: the visitor is named
        # after «تقوم بها» "which … makes", not before the visit.
        sources, objects = [maker], [m for m in objects if m is not maker]
    # A visitor is a person, an office or a delegation: «وصلت طائرة إغاثة سعودية إلى عدن»
    # "a Saudi relief plane reached Aden" names a state, and no one travelled.
    visitors = [m for m in sources if m.kind != "state" and not _institution(c.doc, m)]
    objects = [m for m in objects if not _spouse(c.doc, m)]  # «والسيدة عقيلته»: she travels with him
    if not visitors:
        return []
    if _told_before(c):
        return []  # «معربا عن ارتياحه لنتائج الزيارة» "the visit": one already told
    # A state inside a relative clause after the visit is not visited: «في إطار جولته التي
    # تركز على الاتفاق المبرم بين إيران والقوى الكبرى».
    # Nor one named as a topic: «يبحث خلال زيارته تطورات الوضع في سورية واليمن», «محور
    # زيارة لافروف قضايا تسوية الأزمة السورية».
    cues = c.doc.lexicon.cues
    clause_end = next((i for i in range(c.trigger.last, c.sentence[1])
                       if (c.doc.word(i) in cues.relative and not _relative_made_by(c.doc, i))
                       or c.doc.word(i) in cues.topic_head), c.sentence[1])
    places = sorted([m for m in c.after if m.kind == "state" and m.first < clause_end]
                    + [m for m in c.cities if m.first < clause_end], key=lambda m: m.first)
    # «قادماً من العاصمة السعودية الرياض» "coming from the Saudi capital Riyadh": where the
    # traveller came from is not where he went.
    places = [m for m in places if not _came_from(c.doc, m) and not _after_between(c.doc, m)]
    if _visits_the_cared_for(c, places) or _within_a_stay(c):
        return []
    orgs = c.doc.lexicon.org_codes
    # An organisation is a host, never a place visited ("وفق بيان للأمم المتحدة").
    visitable = [m for m in places if m.first >= c.trigger.last and m.country not in orgs]
    topic = next((k for k, m in enumerate(visitable) if _place_of_topic(c, m)), None)
    visitable = visitable[:topic]
    hosts = [m for m in objects if m.kind != "state" and m not in visitors][:1]
    talks = _talks_with_host(c, visitors[0], hosts)
    if not visitable and not hosts:
        opening = _opening_place(c)
        if opening is not None:
            return [c.candidate(visitors[:1], [opening], destination=opening)]
        institution = _home_institution(c, max(c.trigger.last, visitors[0].last))
        return [c.candidate(visitors[:1], [institution])] if institution else []
    if not visitable:
        return [c.candidate(visitors[:1], hosts), *talks] if hosts else []
    # "زار … الكويت وقطر والعراق": one visit to each state named in a row.
    destinations = [m for m in _coordinated(c.doc, visitable, 0) if m.kind == "state"] or visitable[:1]
    if len(destinations) > 1 and visitors[0].kind != "state":
        return [c.candidate(visitors[:1], [d], destination=d) for d in destinations]
    if DESTINATION in c.reading.requires and hosts and hosts[0].prefix.startswith("و") \
            and hosts[0].first > visitors[0].first:
        # «ووصل إلى القاهرة أمس الرئيس التوغولي …، ورئيس مجلس الأمة الجزائري …»: one arriving
        # with another arrives too; an arrival names no host after its traveller.
        second = hosts[0]
        if second.title is not None and second.country_tokens is None and second.country in (None, HOME) \
                and visitors[0].country not in (None, HOME):
            # «ووصل وزير الداخلية اليمني … ووزير النقل … إلى اليمن»: the bare office joined to
            # a foreign minister travels with him and serves the same state
            second.country = visitors[0].country
        return [c.candidate([v], [destinations[0]], destination=destinations[0]) for v in (visitors[0], second)]
    return [c.candidate(visitors[:1], [destinations[0], *hosts], destination=destinations[0]), *talks]


def _talks_with_host(c: Clause, visitor: Mention, hosts: list[Mention]) -> list[Candidate]:
    """«سيزور موسكو الثلاثاء لمناقشة الأزمة مع نظيره الروسي» "will visit Moscow on Tuesday
    to discuss the crisis with his Russian counterpart": the host named after «مع» "with"
    also meets the visitor."""
    if not hosts or c.reading.voice != "agent" or c.doc.word(hosts[0].first - 1) not in ("مع", "ومع"):
        return []  # («سيلتقي خلال زيارته مع الرئيس»: the verb tells the meeting)
    doc = c.doc
    if any(any(r.type == "MEETING" for r in doc.tags["trigger"][k].value)
           for k in doc.starts_within("trigger", c.trigger.last, hosts[0].first)):
        return []  # «وصل … لإجراء لقاءات مع المسؤولين»: the meeting noun tells the meeting
    return [Candidate("MEETING", None, c.status, c.trigger, c.sentence, [visitor], hosts[:1])]


def _place_of_topic(c: Clause, m: Mention) -> bool:
    """A state after في far from a verbal noun of visiting is what was discussed, not where
    the visit went: «يبحث خلال زيارته آخر تطورات الوضع في المنطقة وفي سورية واليمن»
    "will discuss during his visit the latest on the situation in the region, in Syria and
    Yemen" (unlike «زيارته لمصر», «زيارته الحالية في الرياض»)."""
    if c.reading.voice not in ("noun", "genitive") or m.first - c.trigger.last <= VISIT_REACH:
        return False
    return c.doc.word(m.first - 1) in c.doc.lexicon.cues.title_seat or m.prefix.endswith("في")


INSTITUTION_REACH = 3  # words after a visit where the institution visited is named
INSTITUTION_SCAN = 30  # words after a visit where it may follow a comma (after those accompanying)
PLACE_REACH = 6  # words after the institution where a state or city would say where it is


def _spouse(doc: Document, m: Mention) -> bool:
    """«والسيدة عقيلته» "and his wife, the First Lady": a spouse is no party of her own."""
    return any(doc.word(k).removeprefix("و") in doc.lexicon.cues.spouse for k in range(m.first, m.last))


def _opening_place(c: Clause) -> Mention | None:
    """«وفي طرابلس، وصل وزير الخارجية الإيطالي صباح اليوم في زيارة …» "In Tripoli, the
    Italian foreign minister arrived this morning on a visit": an arrival that names no
    destination after it arrives where its sentence opens."""
    doc = c.doc
    lo = c.sentence[0]
    if c.reading.voice != "agent" or doc.word(lo) not in ("في", "وفي") or lo + 1 >= c.trigger.first:
        return None
    tag = doc.at("capital", lo + 1) or doc.at("place", lo + 1)
    if tag is None or tag.last >= c.trigger.first or doc.word(tag.last) not in ("،", ","):
        return None
    return Mention(lo + 1, tag.last, "state" if doc.at("place", lo + 1) else "city", country=tag.value,
                   country_tokens=(lo + 1, tag.last), prefix="")


def _home_institution(c: Clause, start: int) -> Mention | None:
    """«قام الأمين العام … بزيارة لمركز الملك سلمان للإغاثة» "made a visit to the King
    Salman Relief Centre": an institution named with no state or city is in the outlet's
    own state, which the visitor visited (a party of the outlet's state visiting it is no
    event); «زار وفد … المؤسسة العامة للخطوط الجوية العربية السعودية» names its state."""
    doc = c.doc
    heads = doc.lexicon.cues.named_after
    for k in range(start, min(c.sentence[1], start + INSTITUTION_SCAN)):
        if k >= start + INSTITUTION_REACH and doc.word(k - 1) != "،":
            continue  # further on, only after a comma: «زار السفير، يرافقه …، أمس، مدينة سدير»
        word = doc.word(k)
        bare = word[1:] if word.startswith("ل") and word[1:] in heads else word
        definite = bare.startswith("ال") and bare[2:] in heads
        if bare not in heads and not definite:
            continue
        for i in range(k + 1, min(c.sentence[1], k + PLACE_REACH)):
            tag = doc.at("place", i) or doc.at("capital", i) or doc.at("nisba", i)
            if tag is not None:  # «لجامعة طوكيو», «المؤسسة … السعودية»: named where it is
                if tag.value in doc.lexicon.org_codes:
                    return None
                return Mention(i, tag.last, "state", country=tag.value, country_tokens=(i, tag.last))
        if definite:
            return None  # «المدينة» "the city", said alone
        return Mention(k, k + 1, "state", country=HOME, country_tokens=(k, k + 1))
    return None


@dataclass(frozen=True, slots=True)
class Handler:
    """How the grammar reads one event type."""

    events: Callable[[Clause], list[Candidate]]
    # As a verbal noun after في it reports how something was said or who was there:
    # "قال في اتصال هاتفي" (told the paper by phone), "كان في استقباله" (was there to greet him).
    circumstantial: bool = False
    # As a verbal noun beside a verb of another type it is background:
    # "اتصل ... خلال زيارته لفرنسا" (called … during his visit to France).
    background_as_noun: bool = False
    # A later "similar" one goes to the same addressees: "وبعث … برقية تهنئة مماثلة".
    sets_addressees: bool = False


# Adding an event type: rows in vocabulary.tsv, triggers.tsv and codes.tsv, and a row here.
GRAMMAR: dict[str, Handler] = {
    "PHONE_CALL": Handler(_calls, circumstantial=True),
    "MEETING": Handler(_meetings, circumstantial=True),
    "VISIT": Handler(_visits, background_as_noun=True),
    "MESSAGE": Handler(_messages, sets_addressees=True),
    "AGREEMENT": Handler(_agreements),
}
