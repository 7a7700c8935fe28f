"""Actor mentions: honorifics, office titles, person names and the country they stand for.

Arabic news names an official in two orders, both handled here on tagged tokens:

- title first: ``نائب وزير الخارجية السفير الشيخ جراح الجابر``
  ("the deputy foreign minister, ambassador sheikh Jarrah al-Jaber");
- name first, after a rank: ``الأمير محمد بن نايف بن عبدالعزيز ولي العهد``
  ("prince Muhammad bin Nayef bin Abdulaziz, the crown prince").

A mention's country comes from its title (``وزير الخارجية المصري`` → EGY, ``سفيرة تركيا
لدى الكويت`` → TUR: the state after لدى is the host, not the sender); a title with no
country (``وزير الدفاع``) is marked ``HOME`` and resolved to the outlet's country later.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from marsad.recognize.tagging import Tag, TaggedText
from marsad.text.normalize import fold

HOME = "HOME"

# Function words, time words and reporting verbs that never belong to a name; a name
# that runs into one of them has ended ("سامح شكري أمس" → the name is سامح شكري).
STOP_WORDS = frozenset(
    fold(w)
    for w in """
    في من إلى على عن مع لدى عند حيث التي الذي الذين اللذين اللتين ذلك هذا هذه تلك كما أن إن
    قد لقد خلال بعد قبل أمس اليوم غدا حول بين أثناء عقب إثر ضمن نحو حتى منذ كان
    كانت تم جرى له لها لهم لهما به بها فيه فيها عبر وفق بشأن تجاه بمناسبة يوم الماضي الجاري
    المقبل القادم أول الأول الثاني الوفد المرافق وفد أيضا كل جميع عدد بعض أنه أنها إنه أكد قال
    أضاف مؤكدا مشيرا أشار أعرب أوضح معربا هو هي هم نفسه الليلة الماضية سموه معاليه فخامته جلالته
    سعادته دولته سماحته الجانبان الجانبين الطرفان الطرفين البلدين البلدان الشقيقين الصديقين
    الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد يناير فبراير مارس أبريل مايو يونيو يوليو
    أغسطس سبتمبر أكتوبر نوفمبر ديسمبر حفظه حفظها حفظهم أيده رعاه يرحمه رحمه الله تعالى
    عزمه عزمها اعتزامه اعتزامها نيته نيتها
    """.split()
)
# Name-internal particles: kept inside names (GUIDE: بن، بنت، آل، أبو، عبد).
# آل folds to ال, so the standalone token ال is the family particle.
PARTICLES = frozenset(fold(w) for w in "بن ابن بنت آل أبو ابو عبد ولد بو".split())
# Regnal ordinals stay in a ruler's name: الملك عبدالله الثاني بن الحسين.
REGNAL = frozenset(fold(w) for w in "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن".split())
COUNTERPART = tuple(fold(w) for w in ("نظير", "نظيرة", "نظراء", "نظيري"))
# Connectors inside a title: في/بـ + state is where the office sits; لدى/إلى + state
# is the host or destination (سفير تركيا لدى الكويت; مبعوث الأمم المتحدة إلى اليمن).
TITLE_SEAT = frozenset(["في"])
TITLE_HOST = frozenset([fold("لدى"), fold("إلى"), "الي"])
HOME_WORDS = frozenset([fold("المملكة"), fold("البلاد"), fold("بلادنا"), fold("الدولة")])
MAX_NAME_TOKENS = 7
# Ranks that are also the office of a head of state or government (with any proclitic
# the matcher allows, as written in folded text).
RULER_RANKS = frozenset(
    p + fold(w) for w in ("الرئيس", "الملك", "السلطان", "الرئيسة") for p in ("", "و", "ل", "ف", "ب")
) | frozenset(p + fold(w)[2:] for w in ("الرئيس", "الملك", "السلطان") for p in ("لل", "ولل"))
DUAL_CONSTRUCT = ("تي", "تين", "تان")
TITLE_KINDS = ("office", "envoy", "part", "org", "unique")
ORG_NAME_TOKENS = 3  # words of an organisation's own name: حزب القوات اللبنانية


@dataclass
class Mention:
    """An actor mention over tokens ``[first, last)`` of one tagged text."""

    first: int
    last: int
    kind: str  # person | office | state | city
    name: tuple[int, int] | None = None  # token range
    title: tuple[int, int] | None = None  # token range
    country: str | None = None  # ISO3, organisation code, HOME, or None
    country_tokens: tuple[int, int] | None = None
    extra_countries: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    prefix: str = ""  # proclitics written on the first token (ل, و, ب, من-less)
    ranked: bool = False  # a rank or form of address before the name (الأمير، الشيخ، معالي)

    def name_key(self, tt: TaggedText) -> tuple[str, ...]:
        if not self.name:
            return ()
        return tuple(tt.word(i) for i in range(*self.name))


@dataclass(frozen=True, slots=True)
class Context:
    given_names: frozenset[str]
    common_words: frozenset[str]
    stop_tokens: frozenset[int]  # tokens covered by dates or triggers


def _title_kind(tag: Tag | None) -> str | None:
    return tag.value[0] if tag is not None else None


def _is_counterpart(word: str) -> bool:
    return word.startswith(COUNTERPART) or word[1:].startswith(COUNTERPART)


def _title_head(tt: TaggedText, i: int) -> Tag | None:
    """A title tag that can start a title at ``i`` (an office or a unique office)."""
    tag = tt.at("title", i)
    if tag is not None and _title_kind(tag) in ("office", "envoy", "unique"):
        return tag
    return None


def _strong_head(tt: TaggedText, i: int) -> bool:
    """An office head that is not merely an honorific before a name (``السفير جراح``)."""
    head = _title_head(tt, i)
    if head is None:
        return False
    hon = tt.at("hon", i)
    return hon is None or head.last > hon.last or _continues_title(tt, head.last)


def _continues_title(tt: TaggedText, i: int) -> bool:
    """Does token ``i`` carry on a title (a portfolio, a state, a nisba, a seat)?"""
    if i >= len(tt.tokens):
        return False
    if tt.at("place", i) or tt.at("nisba", i) or tt.at("capital", i):
        return True
    if _title_kind(tt.at("title", i)) in TITLE_KINDS:
        return True
    word = tt.word(i)
    return word in TITLE_SEAT | TITLE_HOST and (
        tt.at("place", i + 1) is not None or tt.at("title", i + 1) is not None
        or tt.at("capital", i + 1) is not None or tt.word(i + 1) in HOME_WORDS
    )


def consume_title(tt: TaggedText, j: int, hi: int) -> tuple[int, list[tuple[str, tuple[int, int], bool]]]:
    """Read a title from token ``j``; return its end and the state references in it.

    Each reference is ``(code, token range, is_host)``; ``is_host`` marks a state after
    لدى/إلى, which names where the office holder is posted, not whom they represent.
    """
    refs: list[tuple[str, tuple[int, int], bool]] = []
    start = end = j
    host = False
    last_nisba = False  # a nisba closes a title: an office after it is someone else's
    while j < hi:
        word = tt.word(j)
        place, nisba, title = tt.at("place", j), tt.at("nisba", j), tt.at("title", j)
        city = tt.at("capital", j) if j > start else None
        if place is None and city is not None and ("ب" in city.prefix or tt.word(j - 1) in TITLE_SEAT):
            place = city  # مدير المعهد الديني … بجاكرتا: the seat of the office
        if place is not None:
            # "المبعوث الأمريكي الخاص للسودان": a state after ل is where the envoy is sent
            # (an organisation after ل is the one served: الأمين العام للأمم المتحدة).
            orgs = tt.lexicon.org_codes if tt.lexicon else frozenset()
            sent_to = place.prefix.endswith("ل") and place.value not in orgs and j > start and refs
            refs.append((place.value, (j, place.last), host or bool(sent_to)))
            j = end = place.last
        elif nisba is not None:
            refs.append((nisba.value, (j, nisba.last), host))
            j = end = nisba.last
            last_nisba = True
            host = False
            continue
        elif title is not None and _title_kind(title) in TITLE_KINDS:
            hon = tt.at("hon", j)
            if j > start and hon is not None and hon.value != "blessing" and not _continues_title(tt, hon.last):
                break  # "خادم الحرمين الشريفين الملك سلمان": الملك opens the name
            if j > start and _title_kind(title) == "envoy" and _title_kind(tt.at("title", start)) != "envoy":
                break  # "استقبل وزير الدفاع سفير تركيا": an envoy is never a second office
            if refs and _title_kind(title) not in ("part", "org") and (
                title.prefix.startswith("و") or (last_nisba and _other_state(tt, j, hi, refs))
            ):
                break  # "… الكويتي وأمين عام …", "وزير الدفاع الكويتي سفير لبنان": a second person
            if _title_kind(title) == "unique" and title.value[1]:
                refs.append((title.value[1], (j, title.last), host))
            j = end = title.last
            if _title_kind(title) == "org":
                j = end = _org_name_end(tt, j, hi)
        elif word in HOME_WORDS and end > 0:
            refs.append((HOME, (j, j + 1), host))
            j = end = j + 1
        elif _is_counterpart(word) and j == end:
            j = end = j + 1
        elif word in TITLE_SEAT | TITLE_HOST and _continues_title(tt, j):
            host = word in TITLE_HOST
            j += 1
            continue
        elif word == "،" and _strong_head(tt, j + 1) and not _is_counterpart(tt.word(start)):
            j += 1  # "ولي العهد، نائب رئيس مجلس الوزراء، وزير الداخلية": one chain of offices
            continue
        else:
            break
        host = False
        last_nisba = False
    return end, refs


def _other_state(tt: TaggedText, j: int, hi: int, refs: list) -> bool:
    """Does the title starting at ``j`` name a state other than those in ``refs``?"""
    _, more = consume_title(tt, j, hi)
    mine = {code for code, _, host in refs if not host}
    return any(not host and code not in mine for code, _, host in more)


def _org_name_end(tt: TaggedText, j: int, hi: int) -> int:
    """After an organisation noun, its own name runs up to a nisba, state or city
    within a few words (``حزب القوات اللبنانية``, ``شركة بوينج الأمريكية``) or up to the
    rank that opens the holder's name (``رابطة العالم الإسلامي الدكتور``); else it is
    not read."""
    for k in range(j, min(hi, j + ORG_NAME_TOKENS + 1)):
        if tt.at("nisba", k) is not None or tt.at("place", k) is not None or tt.at("capital", k) is not None:
            return k
        hon = tt.at("hon", k)
        if k > j and hon is not None and hon.value != "blessing":
            return k  # رابطة العالم الإسلامي الدكتور …: the name ends at the rank
        word = tt.word(k)
        if not word[:1].isalpha() or word in STOP_WORDS or tt.at("trigger", k) or tt.at("title", k):
            break
    return j


def _name_ok_word(tt: TaggedText, i: int, ctx: Context) -> bool:
    word = tt.word(i)
    if not word or not word[0].isalpha() or word in STOP_WORDS or i in ctx.stop_tokens:
        return False
    if tt.covering("trigger", i) is not None or tt.covering("capital", i) is not None:
        return False
    hon = tt.covering("hon", i)
    if hon is not None and hon.value == "blessing":
        return False  # هيثم بن طارق المعظم: the blessing is not part of the name
    if hon is not None and word not in PARTICLES:
        if tt.word(i - 1) not in PARTICLES:  # إسماعيل ولد الشيخ أحمد: a rank after a particle is a name
            return False
    # After بن/آل a title word is a name: فهد بن عبدالله بن مساعد, آل سلطان.
    return _title_kind(tt.covering("title", i)) not in TITLE_KINDS or tt.word(i - 1) in PARTICLES


def consume_name(tt: TaggedText, j: int, hi: int, ctx: Context, *, need_given: bool) -> int:
    """Read a personal name chain from ``j``; return its end (``j`` when there is none).

    ``need_given`` asks for a known given name first: without an honorific or a title
    before it, only a given name tells that a name starts here.
    """
    start = j
    words = 0
    while j < hi and words < MAX_NAME_TOKENS:
        word = tt.word(j)
        if words > 0 and word == "علي" and _name_like(tt, j + 1, ctx):
            j += 1  # علي the name, not على "on" (both fold to علي): مرزوق علي الغانم
            words += 1
            continue
        if words > 0 and word in REGNAL and tt.word(j - 1) in ctx.given_names:
            j += 1
            words += 1
            continue
        if not _name_ok_word(tt, j, ctx):
            break
        is_given = word in ctx.given_names or word.replace(" ", "") in ctx.given_names
        foreign_surname = (  # "ديفيد لامي", "جون كيري": a surname after a given name
            words == 1 and tt.word(j - 1) in ctx.given_names and not word.startswith("ال")
            and word[0] not in "يتنو" and tt.covering("place", j) is None
        )
        if not is_given and len(word) > 5 and word[0] in "يت" and word.endswith("ان"):
            break  # يناقشان, تبحثان: a dual verb
        if word[:1] in "لب" and not is_given and not foreign_surname and len(word) > 3 and (
            word[1:] in ctx.common_words or word[1:3] == "ال"
        ):
            break  # لمدارس, بمقر, بالقصر: a preposition opens a new phrase
        if words > 0 and (word.startswith("لل") or word[:1] == "ل" and word[1:] in ctx.given_names):
            break  # "تكريما للجبير", "لمحمد": a preposition opens a new phrase
        if not is_given and len(word) > 4 and word.endswith(DUAL_CONSTRUCT):
            break  # برقيتي, جولتين: a feminine noun in the dual, never a name
        if words == 0 and need_given and not (is_given or word.startswith("عبد")):
            return start
        if words > 0 and word[0] in "وف" and not is_given and word[1:] in ctx.given_names | STOP_WORDS:
            break  # و/ف + a name or function word: a second person or a new clause
        if words > 0 and word[0] == "و" and word not in ctx.given_names and word[1:2] != "ل":
            if tt.at("place", j) or tt.at("nisba", j) or (word[1:] in ctx.common_words):
                break
        if tt.at("place", j) is not None or tt.at("nisba", j) is not None:
            # A nisba closes many family names (عبدالله بن عبدالمحسن التركي), but only
            # after a particle or a chain of at least two names.
            prev = tt.word(j - 1)
            if not (words >= 2 or prev in PARTICLES) or tt.at("nisba", j) is None:
                break
        after_rank = words == 0 and (hon := tt.covering("hon", j - 1)) is not None and hon.value != "blessing"
        if word in ctx.common_words and not is_given and prev_is_not_particle(tt, j) and not (
            after_rank or foreign_surname
        ):
            break  # (a rank such as الشيخ / الدكتور vouches for the word after it: الشيخ جراح)
        j += 1
        words += 1
    while j > start and tt.word(j - 1) in PARTICLES:
        j -= 1
    return j


def _name_like(tt: TaggedText, j: int, ctx: Context) -> bool:
    """Could token ``j`` continue a name (a given name, a particle, or a rare word)?"""
    word = tt.word(j)
    if not word[:1].isalpha() or word in STOP_WORDS:
        return False
    return word in ctx.given_names or word in PARTICLES or (
        word not in ctx.common_words and tt.covering("title", j) is None and tt.covering("trigger", j) is None
    )


def prev_is_not_particle(tt: TaggedText, j: int) -> bool:
    return tt.word(j - 1) not in PARTICLES


def _appositive_name(tt: TaggedText, j: int, hi: int, ctx: Context) -> bool:
    """``أمين عام وزارة الخارجية في مملكة بلجيكا، ثيودورا جينتز،``: a name set off by
    commas after a title, ending at punctuation."""
    end = consume_name(tt, j, hi, ctx, need_given=False)
    return j < end <= j + 4 and (end >= hi or not tt.word(end)[0].isalnum())


def _skip_blessing(tt: TaggedText, j: int, hi: int) -> int:
    """Skip ``- حفظه الله -`` and similar formulae written after a name."""
    k = j
    while k < hi and tt.word(k) in ("-", "–", "(", ")", "،"):
        k += 1
    hon = tt.at("hon", k)
    if hon is not None and hon.value == "blessing":
        k = hon.last
        while k < hi and tt.word(k) in ("-", "–", "(", ")"):
            k += 1
        return k
    return j


def _skip_honorifics(tt: TaggedText, j: int, hi: int, *, inner: bool = False) -> tuple[int, bool]:
    """Skip honorifics and ranks; an honorific that heads a title (الرئيس المصري) stays.

    ``inner`` is set inside a mention: there an honorific carrying a preposition or
    و (``لصاحب السمو``, ``وسمو``) opens the next mention and is not skipped.
    """
    seen = False
    while j < hi:
        hon = tt.at("hon", j)
        if hon is None or hon.value == "blessing":
            break
        if inner and hon.prefix and hon.prefix[-1] in "لبو":
            break
        head = _title_head(tt, j)
        if head is not None and (head.last > hon.last or _continues_title(tt, head.last)):
            break
        j = hon.last
        seen = True
    return j, seen


def parse_mention(tt: TaggedText, i: int, hi: int, ctx: Context) -> Mention | None:
    """Parse one actor mention starting at token ``i`` (sentence ends at ``hi``)."""
    j, honoured = _skip_honorifics(tt, i, hi)
    title = None
    refs: list = []
    if _title_head(tt, j) is not None or _is_counterpart(tt.word(j)):
        end, refs = consume_title(tt, j, hi)
        title = (j, end)
        j = end
        if j < hi and tt.word(j) == "،" and j + 1 < hi:
            after_comma = j + 1
            k, _ = _skip_honorifics(tt, after_comma, hi)
            if k > after_comma or _title_head(tt, k) is not None or _appositive_name(tt, k, hi, ctx):
                j = after_comma
        j, honoured_after = _skip_honorifics(tt, j, hi, inner=True)
        honoured = honoured or honoured_after
        if _title_head(tt, j) is not None and _is_counterpart(tt.word(title[0])):
            # "نظيرته البلجيكية، أمين عام وزارة الخارجية": the appositive is the office.
            end, more = consume_title(tt, j, hi)
            refs += more
            title = (j, end)
            j = end
            if j < hi and tt.word(j) == "،" and _appositive_name(tt, j + 1, hi, ctx):
                j += 1
    # A unique office (خادم الحرمين الشريفين) names its holder already: a name follows
    # it only after a rank (الملك سلمان), never bare.
    unique_only = title is not None and not honoured and _title_kind(tt.at("title", title[0])) == "unique"
    name_end = consume_name(tt, j, hi, ctx, need_given=not (honoured or title) or unique_only)
    name = (j, name_end) if name_end > j else None
    last = name_end if name else j
    if name is not None:
        k = _skip_blessing(tt, last, hi)
        if k < hi and tt.word(k) == "،":
            k += 1
        head = _title_head(tt, k)
        # Name first, then the office (الأمير محمد بن نايف ولي العهد); after a name
        # under a full title, a second title opens the next person (استقبل وزير
        # الدفاع X سفير تركيا), but a bare head (للرئيس X رئيس جمهورية …) is completed.
        bare = title is None or (not refs and title[1] - title[0] == 1)  # للرئيس X رئيس جمهورية …
        if head is not None and bare and not head.prefix.startswith("و"):
            end, refs = consume_title(tt, k, hi)
            title = (k, end)
            last = end
    if name is None and title is None:
        return None
    if title is None and name is not None:
        # "الرئيس عبدالفتاح السيسي", "الملك سلمان": a rank that is also a head of state's
        # office stands as the title (of the home state unless the name is known).
        k = name[0] - 1
        while k >= i and tt.word(k) not in RULER_RANKS and tt.at("hon", k) is not None:
            k -= 1
        if k >= i and tt.word(k) in RULER_RANKS:
            title = (k, k + 1)
    prefix = ""
    for kind in ("hon", "title"):
        tag = tt.at(kind, i)
        if tag is not None:
            prefix = tag.prefix
    mention = Mention(i, last, "person" if name else "office", name, title, prefix=prefix, ranked=honoured)
    _attribute_country(mention, refs)
    return mention


def _attribute_country(mention: Mention, refs: list) -> None:
    """The represented state is the first reference in the title that is not a host.

    ``سفير خادم الحرمين الشريفين لدى لبنان`` → SAU; ``ممثلة الأمين العام للأمم المتحدة في
    لبنان`` → UNO; a title with only a host (``السفير لدى الكويت``) represents home.
    """
    own = [(code, span) for code, span, host in refs if not host]
    if own:
        mention.country, mention.country_tokens = own[0]
        seen = {own[0][0]}
        for code, span in own[1:]:
            if code not in seen and code != HOME:
                mention.extra_countries.append((code, span))
                seen.add(code)
    elif mention.title is not None:
        mention.country = HOME


def find_mentions(tt: TaggedText, lo: int, hi: int, ctx: Context, known_names: dict) -> list[Mention]:
    """All actor mentions in tokens ``[lo, hi)``, left to right, non-overlapping.

    ``known_names`` maps a folded surname or full name seen earlier in the article to the
    mention that introduced it, so "وقال الجبير" refers back to وزير الخارجية عادل الجبير.
    """
    mentions: list[Mention] = []
    starts = _start_tokens(tt, ctx, known_names)
    k = bisect_left(starts, lo)
    pos = lo
    while k < len(starts) and starts[k] < hi:
        i = starts[k]
        k += 1
        if i < pos or i in ctx.stop_tokens or tt.covering("trigger", i) is not None:
            continue
        m = parse_mention(tt, i, hi, ctx)
        if m is not None and m.name is not None and m.country in (None, HOME) and m.country_tokens is None:
            _resolve_known(tt, m, known_names)  # الرئيس السبسي, للرئيس توني تان
            if m.country in (None, HOME):
                _resolve_leader(tt, m)  # الرئيس عبد الفتاح السيسي with no state named
        if m is None:
            m = _state_or_known(tt, i, known_names, ctx)
        if m is None:
            continue
        mentions.append(m)
        pos = max(m.last, i + 1)
    return mentions


MENTION_TAGS = ("hon", "title", "place", "nisba", "capital")


def _start_tokens(tt: TaggedText, ctx: Context, known_names: dict) -> list[int]:
    """Sorted tokens where a mention may start, including names seen before (with or
    without و/ل); every other token is skipped without parsing."""
    key = ("starts", id(known_names), len(known_names)) if known_names else ("starts",)
    cached = tt._anchors.get(key)
    if cached is None:
        known_first = {k[0] for k in known_names}
        extra = {
            i for i, tok in enumerate(tt.tokens) if tok.text in known_first or tok.text[1:] in known_first
        } if known_first else set()
        cached = sorted(_openers(tt, ctx) | extra)
        tt._anchors[key] = cached
    return cached


def _openers(tt: TaggedText, ctx: Context) -> frozenset[int]:
    """Tokens where a mention may start: a tagged honorific, title or place, a given
    name or a counterpart word (names seen earlier are checked by the caller)."""
    cached = tt._anchors.get(("openers",))
    if cached is None:
        names = ctx.given_names
        cached = tt.anchors(MENTION_TAGS) | {
            i for i, tok in enumerate(tt.tokens)
            if tok.text in names or tok.text.startswith("عبد") or ("نظ" in tok.text and _is_counterpart(tok.text))
        }
        tt._anchors[("openers",)] = cached
    return cached


def _resolve_leader(tt: TaggedText, m: Mention) -> None:
    """A well-known office holder (``leaders.tsv``) named without a state: their own.

    ``الرئيس عبد الفتاح السيسي`` in a Kuwaiti paper is Egypt's president, not Kuwait's."""
    if tt.lexicon is None:
        return
    code = tt.lexicon.leaders.get(" ".join(m.name_key(tt)).replace("عبد ", "عبد"))
    if code is not None:
        m.country = code


def _resolve_known(tt: TaggedText, m: Mention, known_names: dict) -> None:
    """``الرئيس السيسي``: a name under a rank alone takes the country and title of
    the fuller mention that introduced it earlier (or later) in the article."""
    words = m.name_key(tt)
    ref = known_names.get(words) or known_names.get(words[-1:])
    if ref is None and len(words) > 1:
        ref = known_names.get(words[:1] + words[-1:])
    if ref is not None and ref.country is not None:
        m.country = ref.country
        m.ref = ref  # type: ignore[attr-defined]


def _state_or_known(tt: TaggedText, i: int, known_names: dict, ctx: Context | None = None) -> Mention | None:
    nisba = tt.at("nisba", i)
    if nisba is not None and nisba.prefix.startswith("و"):
        # "الرئيسين التركي رجب طيب أردوغان والأمريكي باراك أوباما": the second of a pair
        # under one dual title is named by its nisba alone.
        end = consume_name(tt, nisba.last, len(tt.tokens), ctx, need_given=True) if ctx else nisba.last
        if end > nisba.last:
            return Mention(i, end, "person", name=(nisba.last, end), title=(i, nisba.last),
                           country=nisba.value, country_tokens=(i, nisba.last), prefix="و")
    place = tt.at("place", i)
    city = tt.at("capital", i)  # a city stands for its state only as a destination
    if place is not None or city is not None:
        tag = place or city
        return Mention(i, tag.last, "state" if place else "city", country=tag.value,
                       country_tokens=(i, tag.last), prefix=tag.prefix)
    word = tt.word(i)
    for length in (3, 2, 1):
        key = tuple(tt.word(k) for k in range(i, i + length))
        ref = known_names.get(key) or (known_names.get((word[1:],)) if length == 1 and word[:1] in "ول" else None)
        if ref is not None:
            m = Mention(i, i + length, "person", name=(i, i + length), title=None,
                        country=ref.country, country_tokens=None)
            m.prefix = word[:1] if key not in known_names else ""
            m.ref = ref  # type: ignore[attr-defined]
            return m
    return None


def register_names(tt: TaggedText, mentions: list[Mention], known: dict) -> None:
    """Remember each named mention by its full name and surname, for later references
    (and earlier ones: the whole article is registered before events are read)."""
    for m in mentions:
        if m.kind != "person" or m.name is None or m.title is None:
            continue
        words = m.name_key(tt)
        keys = [words]
        surname = words[-1]
        if len(words) >= 2 and surname not in PARTICLES and len(surname) > 2:
            keys.append((surname,))
        for key in keys:
            old = known.get(key)
            # The fullest mention wins: one that names its state, then the longest name.
            if old is None or _better_reference(m, old):
                known[key] = m


def _better_reference(new: Mention, old: Mention) -> bool:
    explicit_new = new.country not in (None, HOME)
    explicit_old = old.country not in (None, HOME)
    if explicit_new != explicit_old:
        return explicit_new
    return (new.name[1] - new.name[0]) > (old.name[1] - old.name[0])
