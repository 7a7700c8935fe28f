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
is not news unless the sentence dates it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from marsad.lexicon import Trigger
from marsad.recognize.actors import Mention
from marsad.recognize.tagging import Tag, TaggedText
from marsad.text.normalize import fold

# After these words the people named only attend, accompany or send greetings.
NON_PARTY_CUES = tuple(
    fold(w)
    for w in (
        "بحضور", "حضر", "حضره", "حضرها", "يحضر", "رافق", "يرافق", "يرافقه", "المرافق",
        "تحيات", "تحياته", "تحياتها", "تمنيات", "تهاني", "شارك", "بمشاركة", "ضم", "يضم",
    )
)
# Future and announcement wording: the engagement has not happened yet.
PLANNED_CUES = tuple(
    fold(w)
    for w in ("المقرر", "يعتزم", "تعتزم", "المرتقب", "المرتقبة", "المنتظر", "سوف", "المزمع", "يتوقع", "المتوقع",
              "عزمه", "عزمها", "اعتزامه", "اعتزامها", "ينوي", "تنوي")
)
# Plural meeting nouns or "separately": one event per guest.
SEPARATE_CUES = tuple(fold(w) for w in ("منفصلة", "منفصل", "حدة", "اجتماعات", "لقاءات", "كلا"))
EPITHETS = frozenset(fold(w) for w in ("سموه", "معاليه", "فخامته", "جلالته", "سعادته", "دولته", "سماحته"))
PRONOUN_ENDINGS = ("ه", "ها", "هما", "هم")
# Sport reuses the diplomatic verbs (يستقبل الهلال النصر "Hilal hosts Nasr").
SPORT_CUES = tuple(
    fold(w)
    for w in ("كرة القدم", "المباراة", "مباراة", "الدوري", "المنتخب", "منتخب", "اللاعبين", "لاعبي", "الملعب", "بطولة", "نادي")
)
SUBTYPE_CUES = (
    (tuple(fold(w) for w in ("تهنئة", "تهاني", "التهاني", "يهنئ", "مهنئا")), "congratulation"),
    (tuple(fold(w) for w in ("عزاء", "تعزية", "تعازي", "مواساة", "يعزي")), "condolence"),
    (tuple(fold(w) for w in ("رسالة", "خطاب")), "letter"),
)
# A verb after these is a verbal noun in a passive frame ("وجرى خلال اللقاء بحث ..."):
# the engagement is the one already reported, not a new one.
PASSIVE_FRAME = frozenset(fold(w) for w in ("تم", "وتم", "جرى", "وجرى", "يتم", "ويتم", "كما تم"))
# "قال في اتصال هاتفي" (told the paper by phone), "كان في استقباله" (was there to greet
# him): a verbal noun after في reports how something was said or who was present.
CIRCUMSTANTIAL = frozenset(["في", "وفي"])
# "جاء ذلك في برقية …", "وذلك خلال لقائه …": the sentence continues the one before.
REFERS_BACK = frozenset(fold(w) for w in ("جاء", "وجاء", "وذلك"))
# "وقال عقب اتصال هاتفي مع أمير قطر …": a speech verb with no subject of its own
# continues the subject of the sentence before.
SPEECH_OPENERS = frozenset(fold(w) for w in ("وقال", "وأضاف", "وأكد", "وأوضح", "وأشار", "وشدد", "وأعرب"))
PERFECT_OPENERS = frozenset(fold(w) for w in ("وكان", "كان", "وكانت", "كانت", "فيما كان"))
DIRECTED = ("PHONE_CALL", "MESSAGE", "VISIT")
# Time words after a trigger that put the engagement in the future.
FUTURE_TIME = frozenset(fold(w) for w in ("المقبل", "المقبلة", "القادم", "القادمة", "غدا", "غداً", "لاحقا"))
TIME_NOUNS = frozenset(fold(w) for w in ("الأسبوع", "الشهر", "العام", "الأيام", "الفترة", "الأسابيع", "الأشهر", "يوم"))
FUTURE_WINDOW = 12  # tokens after a trigger where such a time word dates it
PLANNED_WINDOW = 8  # tokens before a trigger where a future cue applies to it
SUBJECT_GAP = 4
SIMILAR = (fold("مماثل"),)  # "a similar cable": the same addressee as the one before
DATELINE_MARKS = frozenset([".", ":", "-", "–", "—", "(", ")", "«", "»"])  # tokens allowed between a headline subject and its verb (أمس، اليوم …)


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
    extra: dict = field(default_factory=dict)


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)))


def _word_has_cue(word: str, cues: tuple[str, ...]) -> bool:
    """Does a cue start within the first 4 letters of ``word`` (after its clitics)?"""
    m = _cue_pattern(cues).search(word, 0, len(word))
    return m is not None and m.start() <= 3


def non_party_boundary(tt: TaggedText, lo: int, hi: int) -> int:
    """First token after which the people named in ``[lo, hi)`` are not parties."""
    for i in range(lo, hi):
        if _word_has_cue(tt.word(i), NON_PARTY_CUES) and tt.covering("hon", i) is None:
            return i  # (حضرة صاحب السمو is a form of address, not حضر "attended")
    return hi


def is_background(tt: TaggedText, lo: int, hi: int, dated: bool) -> bool:
    """``وكان الرئيس قد التقى ...``: past perfect background, unless the sentence is dated."""
    if dated:
        return False
    words = [tt.word(i) for i in range(lo, min(hi, lo + 12))]
    return bool(words) and words[0] in PERFECT_OPENERS and "قد" in words


def is_sport(tt: TaggedText, lo: int, hi: int) -> bool:
    text = tt.text[tt.tokens[lo].start : tt.tokens[hi - 1].end]
    return any(cue in text for cue in SPORT_CUES)


def is_planned(tt: TaggedText, trig: Tag, lo: int, hi: int | None = None) -> bool:
    if "س" in trig.prefix:
        return True
    if hi is not None and any(
        tt.word(i) in FUTURE_TIME and (tt.word(i) == "غدا" or tt.word(i - 1) in TIME_NOUNS)
        for i in range(trig.last, min(hi, trig.last + FUTURE_WINDOW))
    ):
        return True  # "يزور … بغداد الأسبوع المقبل"
    start = max(lo, trig.first - PLANNED_WINDOW)
    return any(_word_has_cue(tt.word(i), PLANNED_CUES) for i in range(start, trig.first))


def reading(tt: TaggedText, trig: Tag, hi: int) -> tuple[Trigger, int | None] | None:
    """The first reading of a trigger whose required word follows it in the sentence,
    with the index of that word (``None`` when the reading needs none)."""
    for t in trig.value:
        if not t.requires:
            return t, None
        for i in range(trig.last, hi):
            word = tt.word(i)
            if any(0 <= word.find(r) <= 3 for r in t.requires):
                return t, i
    return None


def message_subtype(tt: TaggedText, start: int, hi: int) -> str:
    """Congratulation, condolence or letter, from the words after a message verb."""
    for i in range(start, hi):
        word = tt.word(i)
        for cues, subtype in SUBTYPE_CUES:
            if any(0 <= word.find(c) <= 3 for c in cues):
                return subtype
    return "other"


def _coordinated(tt: TaggedText, mentions: list[Mention], start: int) -> list[Mention]:
    """The mention at ``start`` and those joined to it by و or a comma."""
    group = [mentions[start]]
    for m in mentions[start + 1 :]:
        gap = [tt.word(i) for i in range(group[-1].last, m.first)]
        joined_by_waw = m.prefix.startswith("و") or tt.word(m.first).startswith("و")
        if all(w in ("،", ",", "و") for w in gap) and (joined_by_waw or "و" in gap or "،" in gap):
            group.append(m)
        else:
            break
    return group


def _subject_before(tt: TaggedText, before: list[Mention], trig: Tag) -> Mention | None:
    if not before:
        return None
    last = before[-1]
    gap = [tt.word(i) for i in range(last.last, trig.first)]
    # A dateline ("الجزائر (واج) - استقبل …") is not the subject: its city or agency is
    # set off by a dash, a bracket or a colon.
    if len(gap) <= SUBJECT_GAP and not any(w in DATELINE_MARKS for w in gap):
        return last
    return None


def _parties(voice: str, tt: TaggedText, trig: Tag, before: list[Mention], after: list[Mention]):
    """(sources, objects) for a trigger, by its voice."""
    if voice in ("genitive", "noun") and "بين" in [tt.word(trig.last + k) for k in range(3)]:
        return after[:1], after[1:]  # اتصال هاتفي جرى بين الرئيسين X و Y
    if voice == "noun" or (voice == "genitive" and _possessive(tt, trig)):
        subject = before[-1] if before else None
        return ([subject] if subject else []), after
    if voice == "genitive":
        if before and after and after[0].kind == "state" and after[0].first == trig.last:
            return [before[-1]], after  # "أعلن كورتس عزمه زيارة إيران": the state is visited
        if before and _with_follows(tt, trig):
            return [before[-1]], after  # عقد الوزير اجتماعات منفصلة مع ...
        if before and after and _addressed(tt, after[0]):
            return [before[-1]], after  # (جاء ذلك في) برقية تهنئة للرئيس …: the sender is known
        return after[:1], after[1:]
    subject = _subject_before(tt, before, trig)
    if subject is not None and _dual(tt, trig):
        # "أبوبكر ورئيس مندوبية الاتحاد الأوروبي يناقشان": the pair is the subject.
        group = _coordinated_before(tt, before)
        if len(group) >= 2:
            return group[:1], group[1:] + after
    if subject is not None:
        coordinated = [m for m in before if m.first > subject.first]
        return [subject], coordinated + after
    return after[:1], after[1:]


def _addressed(tt: TaggedText, m: Mention) -> bool:
    """A mention written with the preposition ل (or after إلى): an addressee."""
    return m.prefix.endswith("ل") or tt.word(m.first - 1) in ("الي", "لـ")


def _dual(tt: TaggedText, trig: Tag) -> bool:
    """A dual verb (يبحثان, يلتقيان, اجتمعا, بحثا)."""
    core = tt.text[trig.match.core_start : trig.match.end]
    return core.endswith("ان") or (core.endswith("ا") and not core.endswith("ها"))


def _coordinated_before(tt: TaggedText, before: list[Mention]) -> list[Mention]:
    """The mentions joined by و that end right before a verb, first to last."""
    group = [before[-1]]
    for m in reversed(before[:-1]):
        gap = [tt.word(i) for i in range(m.last, group[0].first)]
        if not gap and tt.word(group[0].first).startswith("و") or gap in (["و"], ["،"]):
            group.insert(0, m)
        else:
            break
    return group


def _with_follows(tt: TaggedText, trig: Tag) -> bool:
    """A verbal noun followed (after at most two adjectives) by مع: "talks with"."""
    return "مع" in (tt.word(trig.last), tt.word(trig.last + 1), tt.word(trig.last + 2))


def _possessive(tt: TaggedText, trig: Tag) -> bool:
    """``زيارته``, ``زيارة سموه``: the visitor is someone named before."""
    word = tt.word(trig.last - 1)
    if tt.word(trig.last) in EPITHETS:
        return True
    core_end = trig.match.core_end
    return any(tt.text[core_end : core_end + len(e)] == e for e in PRONOUN_ENDINGS) and word.endswith(
        PRONOUN_ENDINGS
    )


def _from_party(tt: TaggedText, objects: list[Mention]) -> int:
    """Index of the object introduced by من (the sender / caller for تلقى)."""
    for k, m in enumerate(objects):
        if tt.word(m.first - 1) == "من" or m.prefix == "م":
            return k
    return 0


def sentence_events(
    tt: TaggedText,
    lo: int,
    hi: int,
    mentions: list[Mention],
    dated: bool,
    previous: Mention | None = None,
    last_addressees: list[Mention] | None = None,
) -> list[Candidate]:
    """Candidate events of the sentence ``[lo, hi)`` given its mentions.

    ``previous`` is the subject of the sentence before, the source of a sentence
    that refers back to it (``جاء ذلك في برقية تهنئة للرئيس …``); ``last_addressees``
    are those of the article's previous message, the addressees of "a similar cable"
    (``وبعث نائب خادم الحرمين الشريفين برقية تهنئة مماثلة``).
    """
    if is_background(tt, lo, hi, dated) or is_sport(tt, lo, hi):
        return []
    triggers: list[tuple[Tag, Trigger]] = []
    consumed: set[int] = set()
    for i in tt.sorted_starts("trigger", lo, hi):
        tag = tt.tags["trigger"][i]
        if i not in consumed:
            found = reading(tt, tag, hi)
            if found is not None:
                triggers.append((tag, found[0]))
                if found[1] is not None:
                    # The noun that completes a verb (بعث ... برقية) is not a second event.
                    noun = tt.covering("trigger", found[1])
                    consumed.update(range(found[1], noun.last) if noun else [found[1]])
    triggers = [(tag, t) for tag, t in triggers if tag.first not in consumed]
    if not triggers:
        return []
    triggers = [(tag, t) for tag, t in triggers if not _framed(tt, tag, t, lo)]
    if not triggers:
        return []
    boundary = non_party_boundary(tt, lo, hi)
    parties = [m for m in mentions if (m.last <= boundary or m.first < lo) and m.kind != "city"]
    cities = [m for m in mentions if m.kind == "city"]
    out: list[Candidate] = []
    verbal_types = {t.type for _, t in triggers if t.voice in ("agent", "recipient")}
    for n, (tag, t) in enumerate(triggers):
        if tag.first >= boundary:
            break
        if t.type == "VISIT" and t.voice in ("noun", "genitive") and (
            verbal_types - {"VISIT"}
        ) and not _with_follows(tt, tag):
            continue  # "اتصل ... خلال زيارته لفرنسا": the visit is background to the call
        verbal_next = next(
            (g.first for g, r in triggers[n + 1 :] if r.voice in ("agent", "recipient")), hi
        )
        before = [m for m in parties if m.last <= tag.first]
        after = [m for m in parties if tag.last <= m.first < verbal_next]
        places = [m for m in cities if tag.last <= m.first < verbal_next]
        if not before and previous is not None and _refers_back(tt, lo):
            before = [previous]
        similar = last_addressees if _similar(tt, lo, hi) else None
        out += _events_for_trigger(tt, tag, t, (lo, hi), before, after, places, similar)
    return out


def _refers_back(tt: TaggedText, lo: int) -> bool:
    return any(tt.word(i) in REFERS_BACK for i in range(lo, lo + 2)) or tt.word(lo) in SPEECH_OPENERS


def _framed(tt: TaggedText, tag: Tag, t: Trigger, lo: int) -> bool:
    """A trigger inside a passive frame (``تم بحث``) or a circumstantial في phrase."""
    window = [tt.word(i) for i in range(max(lo, tag.first - 3), tag.first)]
    if t.voice == "agent" and any(w in PASSIVE_FRAME for w in window):
        return True
    prev = tt.word(tag.first - 1) if tag.first > lo else ""
    if t.voice in ("genitive", "noun") and t.type in ("PHONE_CALL", "MEETING") and prev in CIRCUMSTANTIAL:
        return not _with_follows(tt, tag)
    return False


def _similar(tt: TaggedText, lo: int, hi: int) -> bool:
    return any(tt.word(i).startswith(SIMILAR) for i in range(lo, hi))


def _events_for_trigger(tt, trig: Tag, t: Trigger, sentence, before, after, cities=(),
                        similar=None) -> list[Candidate]:
    subtype = t.subtype
    if t.type == "MESSAGE" and subtype is None:
        subtype = message_subtype(tt, trig.first, sentence[1])
    status = "planned" if is_planned(tt, trig, sentence[0], sentence[1]) else "occurred"
    people = [m for m in after if m.kind != "state"]
    states = [m for m in after if m.kind == "state"]
    sources, objects = _parties(t.voice, tt, trig, before, people if t.type != "VISIT" else after)
    if t.type == "AGREEMENT" and (not sources or not objects):
        # "وقعت دولة الإمارات وجمهورية الهند اتفاقية …": states sign as parties.
        sources, objects = _parties(t.voice, tt, trig, before, after)
    if t.type == "VISIT":
        places = sorted(states + list(cities), key=lambda m: m.first)
        return _visit(tt, trig, sentence, status, sources, objects, places)
    if t.type == "MESSAGE" and sources and not objects and similar:
        objects = list(similar)  # "برقية تهنئة مماثلة": to the previous message's addressee
    if not sources or not objects:
        return []
    if t.voice == "recipient":
        caller = objects[_from_party(tt, objects)]
        return [Candidate(t.type, subtype, status, trig, sentence, [caller], sources[:1])]
    if t.type == "MESSAGE":
        # "سلم الرئيس الأمير محمد رسالة لخادم الحرمين": the addressee carries ل / إلى;
        # the first object may only be the courier.
        addressed = [k for k, m in enumerate(objects) if _addressed(tt, m)]
        if addressed:
            # "بعث خادم الحرمين الشريفين وسمو ولي العهد برقيتي تهنئة لـ …": senders joined
            # to the subject by و each sent a cable.
            joined = _coordinated(tt, sources[:1] + objects[: addressed[0]], 0)[1:]
            sources = sources[:1] + [m for m in joined if m in objects]
            objects = objects[addressed[0]:]
    targets = _coordinated(tt, objects, 0)
    if t.type == "MESSAGE":
        return [Candidate(t.type, subtype, status, trig, sentence, [s], [m]) for s in sources for m in targets]
    if t.type == "PHONE_CALL":
        groups = [[m] for m in targets]
    elif _separate(tt, trig, sentence):
        groups = [[m] for m in targets]
    else:
        groups = [targets]
    return [Candidate(t.type, subtype, status, trig, sentence, list(sources), g) for g in groups]


def _separate(tt: TaggedText, trig: Tag, sentence) -> bool:
    return any(_word_has_cue(tt.word(i), SEPARATE_CUES) for i in range(trig.first, sentence[1]))


def _visit(tt, trig, sentence, status, sources, objects, states) -> list[Candidate]:
    visitors = [m for m in sources if m.kind != "state"] or sources
    if not visitors:
        return []
    orgs = tt.lexicon.org_codes if tt.lexicon else frozenset()
    # An organisation is a host, never a place visited ("وفق بيان للأمم المتحدة").
    destination = next((m for m in states if m.first >= trig.last and m.country not in orgs), None)
    hosts = [m for m in objects if m.kind != "state" and m not in visitors][:1]
    targets = ([destination] if destination else []) + hosts
    if not targets:
        return []
    return [Candidate("VISIT", None, status, trig, sentence, visitors[:1], targets, destination)]
