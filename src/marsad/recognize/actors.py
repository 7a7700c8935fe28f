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
from functools import cache

from marsad.lexicon import leader_state
from marsad.recognize.document import Document
from marsad.recognize.tagging import Tag
from marsad.text.clitics import proclitic_cores

HOME = "HOME"

MAX_NAME_TOKENS = 7
DELEGATION_ADJECTIVES = 2  # «وفد تجاري صيني», «وفدا إعلاميا رفيع المستوى جزائريا» is too far
DUAL_CONSTRUCT = ("تي", "تين", "تان")  # the feminine dual in construct: برقيتي, جولتين
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
    # the fuller mention a bare name refers back to (وقال الجبير)
    ref: Mention | None = field(default=None, compare=False)

    def name_key(self, doc: Document) -> tuple[str, ...]:
        if not self.name:
            return ()
        return tuple(doc.word(i) for i in range(*self.name))


def _title_kind(tag: Tag | None) -> str | None:
    return tag.value[0] if tag is not None else None


def is_counterpart(doc: Document, m: Mention) -> bool:
    """A mention that opens with «نظيره» "his counterpart" names the object of an
    engagement, never its subject: «التقى نظيره الروسي»."""
    return _is_counterpart(doc, doc.word(m.first))


def _is_counterpart(doc: Document, word: str) -> bool:
    """نظيره، لنظيره: "his counterpart", with or without a proclitic."""
    counterpart = doc.lexicon.cues.counterpart
    return word.startswith(counterpart) or word[1:].startswith(counterpart)


def _title_head(doc: Document, i: int) -> Tag | None:
    """A title tag that can start a title at ``i`` (an office or a unique office)."""
    tag = doc.at("title", i)
    if tag is not None and _title_kind(tag) in ("office", "envoy", "unique") and not _given_after_rank(doc, i):
        return tag
    return None


def _given_after_rank(doc: Document, i: int) -> bool:
    """«الشيخ سلطان بن محمد», «الأمير سلطان»: a bare office word that is also a given name,
    right after a rank, is the name."""
    tag = doc.at("title", i)
    if tag is None or tag.last != i + 1 or tag.prefix or doc.word(i) not in doc.lexicon.given_names:
        return False
    hon = doc.covering("hon", i - 1)
    return hon is not None and hon.value != "blessing"


def _strong_head(doc: Document, i: int) -> bool:
    """An office head that is not merely an honorific before a name (``السفير جراح``)."""
    head = _title_head(doc, i)
    if head is None:
        return False
    hon = doc.at("hon", i)
    return hon is None or head.last > hon.last or _continues_title(doc, head.last)


def _continues_title(doc: Document, i: int) -> bool:
    """Does token ``i`` carry on a title (a portfolio, a state, a nisba, a seat)?"""
    cues = doc.lexicon.cues
    if i >= len(doc.words):
        return False
    if doc.at("place", i) or doc.at("nisba", i) or doc.at("capital", i):
        return True
    if _title_kind(doc.at("title", i)) in TITLE_KINDS:
        return True
    word = doc.word(i)
    if word in cues.states_of:
        return doc.at("place", i + 1) is not None
    return word in cues.title_seat | cues.title_host and (
        doc.at("place", i + 1) is not None or doc.at("title", i + 1) is not None
        or doc.at("capital", i + 1) is not None or doc.word(i + 1) in cues.home_word
        or (doc.word(i + 1) in cues.states_of and doc.at("place", i + 2) is not None)
    )


BRACKET_REACH = 5  # tokens within which a gloss in brackets inside a title closes


def _gloss_end(doc: Document, j: int, hi: int) -> int | None:
    """The token after a short bracket opened at ``j`` when a nisba or a state name follows
    it («رئيس مجلس الأمة (البرلمان) الجزائري»), else None."""
    close = next((k for k in range(j + 1, min(hi, j + BRACKET_REACH)) if doc.word(k) == ")"), None)
    if close is None or (doc.at("nisba", close + 1) is None and doc.at("place", close + 1) is None):
        return None
    return close + 1


def consume_title(doc: Document, j: int, hi: int) -> tuple[int, list[tuple[str, tuple[int, int], bool]]]:
    """Read a title from token ``j``; return its end and the state references in it.

    Each reference is ``(code, token range, is_host)``; ``is_host`` marks a state after
    لدى/إلى, which names where the office holder is posted, not whom they represent.
    """
    cues = doc.lexicon.cues
    refs: list[tuple[str, tuple[int, int], bool]] = []
    start = end = j
    host = False
    last_nisba = False  # a nisba closes a title: an office after it is someone else's
    while j < hi:
        word = doc.word(j)
        place, nisba, title = doc.at("place", j), doc.at("nisba", j), doc.at("title", j)
        city = doc.at("capital", j) if j > start else None
        in_construct = city is not None and city.prefix in ("", "ال") and j == end \
            and not doc.word(j - 1).startswith("ال")
        named_for = city is not None and city.prefix == "" and _title_kind(doc.at("title", j - 1)) == "org"
        if place is None and city is not None and (
            "ب" in city.prefix or doc.word(j - 1) in cues.title_seat or in_construct or named_for
        ):  # «بجاكرتا», «في جدة», «ولي عهد أبوظبي», «حاكم دبي», «جامعة جازان»: the seat of the office
            if last_nisba:
                break  # "وزير الخارجية اليمني في بروكسل": the state is said; the city is where
            place = city  # مدير المعهد الديني … بجاكرتا: the seat of the office
            if any(not is_host for _, _, is_host in refs):
                host = True  # "المندوب الدائم للمملكة لدى الأمم المتحدة في نيويورك": only where
        if place is not None and place.prefix in ("", "ال") and nisba is None and j > start and j == end \
                and doc.word(j - 1).startswith("ال") and title is None:
            break  # "زار ولي العهد فرنسا": a definite office takes no state after it in construct
        if place is not None and j > start and place.prefix == "" and not last_nisba and refs == [] \
                and doc.word(j - 1).startswith(("ال", "وال")) and doc.at("title", j - 1) is not None:
            break  # «غادر الأمير … وزير الدفاع جمهورية مصر العربية»: a definite office takes no state after it
        if place is not None and j == end and place.prefix in ("ل", "ول", "لل", "ولل") \
                and place.value not in doc.lexicon.org_codes and _title_kind(doc.at("title", start)) != "envoy" \
                and not any(host for _, _, host in refs) and (refs or _visited_by(doc, start)):
            break  # «زيارة وزير خارجية إيران للكويت», «بزيارة ولي ولي العهد لمصر»: where he went
        if place is not None and last_nisba and (
            place.prefix in ("", "ال")
            or (place.prefix.endswith("ل") and _title_kind(doc.at("title", start)) != "envoy")
        ):
            # "زار وزير الخارجية الإيراني الكويت", "زيارة وزير الخارجية الإيراني للكويت": the
            # state after the nisba is visited (an envoy's «للسودان» is where they are sent).
            break
        if place is not None:
            # "المبعوث الأمريكي الخاص للسودان": a state after ل is where the envoy is sent
            # (an organisation after ل is the one served: الأمين العام للأمم المتحدة).
            orgs = doc.lexicon.org_codes
            sent_to = place.value not in orgs and j > start and (
                (place.prefix.endswith("ل") and refs)  # «الخاص باليمن», «سفير المملكة بمصر»
                or ("ب" in place.prefix and _title_kind(doc.at("title", start)) == "envoy"))
            refs.append((place.value, (j, place.last), host or bool(sent_to)))
            j = end = place.last
        elif nisba is not None:
            if not nisba.prefix.endswith("ال") and not word.startswith("ال") and (
                    doc.word(nisba.last) in cues.name_particle or doc.covering("hon", j - 1) is not None):
                break  # «الأمير تركي بن سعود», «الأمير تركي الفيصل»: Turki, a given name, not "Turkish"
            refs.append((nisba.value, (j, nisba.last), host))
            j = end = nisba.last
            last_nisba = True
            host = False
            continue
        elif title is not None and _title_kind(title) in TITLE_KINDS:
            hon = doc.at("hon", j)
            if j > start and hon is not None and hon.value != "blessing" and not _continues_title(doc, hon.last):
                break  # "خادم الحرمين الشريفين الملك سلمان": الملك opens the name
            if j > start and _given_after_rank(doc, j):
                break  # «الأمير سلطان بن سلمان»: the name
            if j > start and _title_kind(title) == "envoy" and _title_kind(doc.at("title", start)) != "envoy":
                break  # "استقبل وزير الدفاع سفير تركيا": an envoy is never a second office
            if j > start and is_delegation(doc, j):
                break  # "التقى وزير التجارة وفدا صينيا": a delegation is another party
            definite = title.prefix.endswith("ال") and _title_kind(title) == "office"
            if refs and _title_kind(title) not in ("part", "org") and (
                title.prefix.startswith("و") or ((last_nisba or definite) and _other_state(doc, j, hi, refs))
                or (last_nisba and title.prefix.startswith("ب"))  # «لقاء المسؤول الأمريكي برئيس الوزراء»
            ):
                break  # "… الكويتي وأمين عام …", "وزير الدفاع الكويتي سفير لبنان": a second person
            if _title_kind(title) == "unique" and title.value[1]:
                refs.append((title.value[1], (j, title.last), host))
            j = end = title.last
            if _title_kind(title) == "org":
                j = end = _org_name_end(doc, j, hi)
        elif word in cues.home_word and end > 0:
            refs.append((HOME, (j, j + 1), host))
            j = end = j + 1
        elif word == "(" and end > start and (gloss_end := _gloss_end(doc, j, hi)) is not None:
            # «رئيس مجلس الأمة (البرلمان) الجزائري»: a gloss in brackets, then the state
            j = end = gloss_end
            continue
        elif _is_counterpart(doc, word) and j == start:
            j = end = j + 1
        elif word in cues.states_of and j > start and _continues_title(doc, j):
            j += 1  # «وزراء خارجية دول مجلس التعاون»: the group is named next
            continue
        elif word == "من" and j == end and is_delegation(doc, start) and (
                _title_kind(doc.at("title", j + 1)) in ("org", "part") or doc.at("place", j + 1) is not None):
            # «وفد من شركة بوينج الأمريكية» "a delegation from the American Boeing company",
            # «وفدا من الحوثيين» "a delegation of the Houthis": whose delegation it is
            j += 1
            continue
        elif word in cues.title_seat | cues.title_host and _continues_title(doc, j) and not _destination(doc, start, j):
            if word == "الي" and _title_kind(doc.at("title", start)) != "envoy":
                break  # "وصل ولي العهد إلى الأردن": only an envoy is posted «إلى» a state
            # «لدى الكويت» names where an office holder is posted; so does «في لبنان» after
            # the state or body served («ممثلة الأمين العام للأمم المتحدة في لبنان»).
            host = word in cues.title_host or any(not is_host for _, _, is_host in refs)
            j += 1
            continue
        elif word == "،" and _strong_head(doc, j + 1) and not _is_counterpart(doc, doc.word(start)):
            j += 1  # "ولي العهد، نائب رئيس مجلس الوزراء، وزير الداخلية": one chain of offices
            continue
        elif _describes_delegation(doc, start, end, j):
            j += 1  # «وفدا إعلاميا جزائريا» "an Algerian media delegation": the nisba comes last
            continue
        elif not refs and (origin := _delegation_origin(doc, start, j, hi)) is not None:
            # «وفدا إعلاميا رفيع المستوى قدم من جمهورية الجزائر» "a media delegation that came
            # from Algeria"
            refs.append((origin.value, (origin.first, origin.last), False))
            j = end = origin.last
        else:
            break
        host = False
        last_nisba = False
    return end, refs


VISIT_REACH = 24  # tokens between a visit noun and the office of the visitor (honorifics, name)


def _visited_by(doc: Document, start: int) -> bool:
    """Is the office at ``start`` the visitor of a visit noun just before it («بزيارة
    صاحب السمو الملكي الأمير … ولي ولي العهد لمصر»)?"""
    k = bisect_left(doc.tag_starts["trigger"], start) - 1
    if k < 0:
        return False
    i = doc.tag_starts["trigger"][k]
    tag = doc.tags["trigger"][i]
    return start - i <= VISIT_REACH and any(t.type == "VISIT" and t.voice == "genitive" for t in tag.value)


def _destination(doc: Document, start: int, j: int) -> bool:
    """«ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء إلى جمهورية مصر العربية»: after a
    full office, إلى and a state is where the holder went; only an envoy's post is «إلى»
    a state (المبعوث الأممي إلى اليمن, سفير … إلى)."""
    if doc.word(j) not in ("الي", "إلى") or j - start < 3:
        return False
    return all(_title_kind(doc.at("title", k)) != "envoy" and not _is_counterpart(doc, doc.word(k))
               and doc.word(k).removeprefix("ال").removeprefix("و") not in doc.lexicon.cues.generic_office
               for k in range(start, j))


def is_delegation(doc: Document, i: int) -> bool:
    """«وفد», «وفدا», «والوفد»: a delegation word at token ``i``."""
    word = doc.word(i)
    delegation = doc.lexicon.cues.delegation
    return word in delegation or (word[:1] in "وفبل" and word[1:] in delegation)


def _describes_delegation(doc: Document, start: int, end: int, j: int) -> bool:
    """An adjective between a delegation and its nisba («وفد تجاري صيني» "a Chinese trade
    delegation"): at most two, each with the adjectival ending, followed in the end by a
    nisba."""
    if j - end >= DELEGATION_ADJECTIVES or not is_delegation(doc, start):
        return False
    if not doc.word(j).endswith(("ي", "يا", "يه", "ين")):
        return False
    return any(doc.at("nisba", k) is not None for k in range(j + 1, j + 1 + DELEGATION_ADJECTIVES))


ORIGIN_REACH = 4  # words between a delegation and «قدم من» "came from"


def _delegation_origin(doc: Document, start: int, j: int, hi: int) -> Tag | None:
    """The state a delegation came from: «وفدا إعلاميا رفيع المستوى قدم من الجزائر»."""
    if not is_delegation(doc, start):
        return None
    for k in range(j, min(hi - 2, j + ORIGIN_REACH)):
        if doc.word(k) in doc.lexicon.cues.came and doc.word(k + 1) == "من":
            at = k + 3 if doc.word(k + 2) in doc.lexicon.cues.polity else k + 2  # «من جمهورية الجزائر»
            place = doc.at("place", at)
            if place is not None and place.value not in doc.lexicon.org_codes:
                return place
            return None
    return None


def _other_state(doc: Document, j: int, hi: int, refs: list) -> bool:
    """Does the title starting at ``j`` name a state other than those in ``refs``?"""
    _, more = consume_title(doc, j, hi)
    mine = {code for code, _, host in refs if not host}
    return any(not host and code not in mine for code, _, host in more)


def _org_name_end(doc: Document, j: int, hi: int) -> int:
    """After an organisation noun, its own name runs up to a nisba, state or city
    within a few words (``حزب القوات اللبنانية``, ``شركة بوينج الأمريكية``) or up to the
    rank that opens the holder's name (``رابطة العالم الإسلامي الدكتور``); else it is
    not read."""
    cues = doc.lexicon.cues
    named = _named_after_ruler(doc, j, hi)
    if named is not None:
        return named  # «مركز الملك سلمان»: the centre is named after the King
    for k in range(j, min(hi, j + ORG_NAME_TOKENS + 1)):
        if doc.at("nisba", k) is not None or doc.at("place", k) is not None or doc.at("capital", k) is not None:
            return k
        hon = doc.at("hon", k)
        if k > j and hon is not None and hon.value != "blessing":
            return k  # رابطة العالم الإسلامي الدكتور …: the name ends at the rank
        word = doc.word(k)
        if k > j and word in cues.title_seat and (doc.at("place", k + 1) or doc.at("capital", k + 1)):
            return k  # «مدارس ابن عامر الإسلامية في موريتانيا»: the name ends where its seat is said
        if not word[:1].isalpha() or word in cues.stop_word or doc.at("trigger", k) or doc.at("title", k):
            break
    return j


def _named_after_ruler(doc: Document, j: int, hi: int) -> int | None:
    """The end of a ranked name that names the institution before it («مركز الملك سلمان»
    "the King Salman Centre", «جامعة الأمير سلطان»), else None."""
    if j == 0 or not _is_named_after_head(doc, j - 1):
        return None
    hon = doc.at("hon", j)
    if hon is None or hon.value == "blessing":
        return None
    end = consume_name(doc, hon.last, hi, need_given=False)
    return end if end > hon.last else None


def _is_named_after_head(doc: Document, i: int) -> bool:
    word = doc.word(i)
    for clitic in ("و", "ف", "ب", "ل"):
        if word.startswith(clitic) and word not in doc.lexicon.cues.named_after:
            word = word.removeprefix(clitic)
    return word.removeprefix("ال") in doc.lexicon.cues.named_after


def _name_ok_word(doc: Document, i: int) -> bool:
    cues = doc.lexicon.cues
    word = doc.word(i)
    if not word or not word[0].isalpha() or word in cues.stop_word or i in doc.date_tokens:
        return False
    if doc.covering("trigger", i) is not None or doc.covering("capital", i) is not None:
        return False
    hon = doc.covering("hon", i)
    if hon is not None and hon.value == "blessing":
        return False  # هيثم بن طارق المعظم: the blessing is not part of the name
    if hon is not None and word not in cues.name_particle and doc.word(i - 1) not in cues.name_particle:
        return False  # (إسماعيل ولد الشيخ أحمد: a rank after a particle is a name)
    # After بن/آل a title word is a name: فهد بن عبدالله بن مساعد, آل سلطان.
    return _title_kind(doc.covering("title", i)) not in TITLE_KINDS or doc.word(i - 1) in cues.name_particle \
        or _given_after_rank(doc, i)


def _state_inside_name(doc: Document, j: int, words: int) -> bool:
    """A state's name written bare between two words of a name is part of the person's name:
    «رفائيل كوريا دلجادو» is Rafael Correa Delgado, not Korea."""
    tag = doc.at("place", j)
    if words == 0 or tag is None or tag.last != j + 1:
        return False
    if doc.word(j) in doc.lexicon.cues.surname_state and doc.word(j - 1) not in doc.lexicon.common_words:
        return True  # «عبدالله بن محمد السويد»: the family, not Sweden
    if tag.prefix:
        return False
    if doc.word(j - 1) in doc.lexicon.common_words and doc.word(j - 1) not in doc.lexicon.given_names:
        return False
    after = j + 1
    if any(doc.at(kind, after) is not None for kind in ("title", "place", "nisba", "capital", "hon", "trigger")):
        return False
    word = doc.word(after)
    return bool(word) and word.isalpha() and _name_like(doc, after)


def _listed_name_end(doc: Document, start: int, j: int, hi: int) -> int:
    """The end of a name listed in ``leaders.tsv`` that tokens ``[start, j)`` begin and one
    or two more words complete; ``j`` when none does."""
    for more in (2, 1):
        if j + more <= hi and " ".join(doc.word(k) for k in range(start, j + more)).replace(
                "عبد ", "عبد") in doc.lexicon.leaders:
            return j + more
    return j


def consume_name(doc: Document, j: int, hi: int, *, need_given: bool) -> int:
    """Read a personal name chain from ``j``; return its end (``j`` when there is none).

    ``need_given`` asks for a known given name first: without an honorific or a title
    before it, only a given name tells that a name starts here.
    """
    cues = doc.lexicon.cues
    given = doc.lexicon.given_names
    start = j
    words = 0
    while j < hi and words < MAX_NAME_TOKENS:
        word = doc.word(j)
        if words > 0 and word == "علي" and _name_like(doc, j + 1) and (
                doc.token_span(j, j + 1).text.endswith("ي") or doc.word(j + 1) in doc.lexicon.given_names):
            # علي the name, not على "on" (both fold to علي): مرزوق علي الغانم; written «على»
            # only before another given name («محمد على حسن»), not in «حكومة العبادي على صفيح ساخن»
            j += 1
            words += 1
            continue
        if words > 0 and word in cues.regnal and doc.word(j - 1) in given:
            j += 1
            words += 1
            continue
        if words > 0 and (doc.at("place", j) or doc.at("nisba", j) or doc.at("capital", j)) and " ".join(
                doc.word(k) for k in range(start, j + 1)).replace("عبد ", "عبد") in doc.lexicon.leaders:
            j += 1  # «محمد بخاري» (Muhammadu Buhari), a listed office holder: not Bukhara
            words += 1
            continue
        if not _name_ok_word(doc, j) or word in _as_set(cues.planned) or word in cues.imperfect:
            through = _listed_name_end(doc, start, j, hi) if words > 0 else j
            if through > j:
                # «الباجي قائد السبسي»: a listed office holder's name runs through a word
                # that elsewhere is a title («قائد» "commander")
                words += through - j
                j = through
                continue
            break  # (nor «يخطط» "plans", «يزور» "visits": verbs after a title end it)
        is_given = word in given or word.replace(" ", "") in given
        foreign_surname = (  # "ديفيد لامي", "جون كيري": a surname after a given name
            words == 1 and doc.word(j - 1) in given and not word.startswith("ال")
            and word[0] not in "يتنو" and doc.covering("place", j) is None
        )
        if not is_given and len(word) > 5 and word[0] in "يت" and word.endswith("ان"):
            break  # يناقشان, تبحثان: a dual verb
        if word[:1] in "لب" and not is_given and not foreign_surname and len(word) > 3 and (
            word[1:] in doc.lexicon.common_words or word[1:3] == "ال"
        ):
            break  # لمدارس, بمقر, بالقصر: a preposition opens a new phrase
        if words > 0 and (word.startswith("لل") or (word[:1] == "ل" and word[1:] in given)):
            break  # "تكريما للجبير", "لمحمد": a preposition opens a new phrase
        if not is_given and len(word) > 4 and word.endswith(DUAL_CONSTRUCT) and not (
                foreign_surname and " ".join(doc.word(k) for k in range(start, j + 1)) in doc.lexicon.leaders):
            break  # برقيتي, جولتين: a feminine noun in the dual, never a name (but «فلاديمير بوتين»)
        if words == 0 and need_given and not (is_given or word.startswith("عبد")):
            return start
        if words == 0 and word[0] == "و" and not is_given and word[1:] in given:
            return start  # «رئيس الشيشان وسمير جعجع»: «و» opens a second person, not the name
        if words > 0 and word[0] in "وف" and not is_given and (word[1:] in given or word[1:] in cues.stop_word):
            break  # و/ف + a name or function word: a second person or a new clause
        if words > 0 and word[0] == "و" and word not in given and word[1:2] != "ل" and (
            doc.at("place", j) or doc.at("nisba", j) or word[1:] in doc.lexicon.common_words
        ):
            break
        if doc.at("place", j) is not None and _state_inside_name(doc, j, words):
            j += 1  # "رفائيل كوريا دلجادو" (Rafael Correa Delgado): Correa, not Korea
            words += 1
            continue
        if doc.at("place", j) is not None or doc.at("nisba", j) is not None:
            # A nisba closes many family names (عبدالله بن عبدالمحسن التركي), but only
            # after a particle or a chain of at least two names.
            prev = doc.word(j - 1)
            if not (words >= 2 or prev in cues.name_particle) or doc.at("nisba", j) is None:
                break
        after_rank = words == 0 and (hon := doc.covering("hon", j - 1)) is not None and hon.value != "blessing"
        if word in doc.lexicon.common_words and not is_given and prev_is_not_particle(doc, j) and not (
            after_rank or foreign_surname
        ) and " ".join(doc.word(k) for k in range(start, j + 1)).replace("عبد ", "عبد") not in doc.lexicon.leaders:
            # (a rank such as الشيخ / الدكتور vouches for the word after it: الشيخ جراح; a
            # listed office holder's name for its own words: محمد المنفي, not "the exiled")
            break
        j += 1
        words += 1
    while j > start and doc.word(j - 1) in cues.name_particle:
        j -= 1
    return j


@cache
def _as_set(words: tuple[str, ...]) -> frozenset[str]:
    """A cue list kept as a tuple (matched as word starts elsewhere) for whole-word lookups."""
    return frozenset(words)


def _name_like(doc: Document, j: int) -> bool:
    """Could token ``j`` continue a name (a given name, a particle, or a rare word)?"""
    cues = doc.lexicon.cues
    word = doc.word(j)
    if not word[:1].isalpha() or word in cues.stop_word:
        return False
    return word in doc.lexicon.given_names or word in cues.name_particle or (
        word not in doc.lexicon.common_words and doc.covering("title", j) is None and doc.covering("trigger", j) is None
    )


def prev_is_not_particle(doc: Document, j: int) -> bool:
    cues = doc.lexicon.cues
    return doc.word(j - 1) not in cues.name_particle


def _appositive_name(doc: Document, j: int, hi: int) -> bool:
    """``أمين عام وزارة الخارجية في مملكة بلجيكا، ثيودورا جينتز،``: a name set off by
    commas after a title, ending at punctuation."""
    end = consume_name(doc, j, hi, need_given=False)
    return j < end <= j + 4 and (end >= hi or not doc.word(end)[0].isalnum())


def _skip_blessing(doc: Document, j: int, hi: int) -> int:
    """Skip ``- حفظه الله -`` and similar formulae written after a name."""
    k = j
    while k < hi and doc.word(k) in ("-", "–", "(", ")", "،"):
        k += 1
    hon = doc.at("hon", k)
    if hon is not None and hon.value == "blessing":
        k = hon.last
        while k < hi and doc.word(k) in ("-", "–", "(", ")"):
            k += 1
        return k
    return j


def _skip_honorifics(doc: Document, j: int, hi: int, *, inner: bool = False) -> tuple[int, bool]:
    """Skip honorifics and ranks; an honorific that heads a title (الرئيس المصري) stays.

    ``inner`` is set inside a mention: there an honorific carrying a preposition or
    و (``لصاحب السمو``, ``وسمو``) opens the next mention and is not skipped.
    """
    seen = False
    while j < hi:
        hon = doc.at("hon", j)
        if hon is None or hon.value == "blessing":
            break
        if inner and hon.prefix and hon.prefix[-1] in "لبو":
            break
        if seen and hon.prefix.endswith("و") and hon.value == "honorific":
            break  # «سمو الأمير وفخامة الرئيس الفرنسي»: a second form of address, a second person
        head = _title_head(doc, j)
        if head is not None and (head.last > hon.last or _continues_title(doc, head.last)):
            break
        j = hon.last
        seen = True
    return j, seen


def parse_mention(doc: Document, i: int, hi: int) -> Mention | None:
    """Parse one actor mention starting at token ``i`` (sentence ends at ``hi``)."""
    cues = doc.lexicon.cues
    j, honoured = _skip_honorifics(doc, i, hi)
    title = None
    refs: list = []
    if _title_head(doc, j) is not None or _is_counterpart(doc, doc.word(j)):
        end, refs = consume_title(doc, j, hi)
        title = (j, end)
        j = end
        if j < hi and doc.word(j) == "،" and j + 1 < hi:
            after_comma = j + 1
            k, _ = _skip_honorifics(doc, after_comma, hi)
            if k > after_comma or _title_head(doc, k) is not None or _appositive_name(doc, k, hi):
                j = after_comma
        j, honoured_after = _skip_honorifics(doc, j, hi, inner=True)
        honoured = honoured or honoured_after
        if _title_head(doc, j) is not None and _is_counterpart(doc, doc.word(title[0])):
            # "نظيرته البلجيكية، أمين عام وزارة الخارجية": the appositive is the office.
            end, more = consume_title(doc, j, hi)
            refs += more
            title = (j, end)
            j = end
            if j < hi and doc.word(j) == "،" and _appositive_name(doc, j + 1, hi):
                j += 1
    # A unique office (خادم الحرمين الشريفين) names its holder already: a name follows
    # it only after a rank (الملك سلمان), never bare.
    unique_only = title is not None and not honoured and _title_kind(doc.at("title", title[0])) == "unique"
    name_end = consume_name(doc, j, hi, need_given=not (honoured or title) or unique_only)
    name = (j, name_end) if name_end > j else None
    last = name_end if name else j
    if name is not None:
        k = _skip_blessing(doc, last, hi)
        if k < hi and doc.word(k) == "،":
            k += 1
        head = _title_head(doc, k)
        # Name first, then the office (الأمير محمد بن نايف ولي العهد); after a name
        # under a full title, a second title opens the next person (استقبل وزير
        # الدفاع X سفير تركيا), but a bare head (للرئيس X رئيس جمهورية …) is completed.
        bare = title is None or (not refs and title[1] - title[0] == 1)  # للرئيس X رئيس جمهورية …
        # «استقبل السلطان هيثم بن طارق السفير الهندي»: a ruler is no ambassador.
        ruler = name[0] > i and doc.word(name[0] - 1) in cues.ruler_rank and _title_kind(head) == "envoy"
        if head is not None and bare and not ruler and not head.prefix.startswith(("و", "ب")) \
                and not is_delegation(doc, k):  # «… بالسفير الهندي»: ب opens an object
            end, more = consume_title(doc, k, hi)
            # («الناشط المصري محمد سلطان»: a bare indefinite word after a name is his surname)
            if end - k > 1 or more or doc.word(k) not in doc.lexicon.given_names:
                title, refs, last = (k, end), more, end
    if name is None and title is None:
        return None
    if title is None and name is not None:
        # "الرئيس عبدالفتاح السيسي", "الملك سلمان": a rank that is also a head of state's
        # office stands as the title (of the home state unless the name is known).
        k = name[0] - 1
        while k >= i and doc.word(k) not in cues.ruler_rank and doc.at("hon", k) is not None:
            k -= 1
        if k >= i and doc.word(k) in cues.ruler_rank:
            title = (k, k + 1)
    prefix = ""
    for kind in ("hon", "title"):
        tag = doc.at(kind, i)
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


def find_mentions(doc: Document, lo: int, hi: int, *, refer_back: bool) -> list[Mention]:
    """All actor mentions in tokens ``[lo, hi)``, left to right, non-overlapping.

    With ``refer_back``, a name met earlier in the article (``doc.known``) is a mention
    too, and takes the country of the one that introduced it: "وقال الجبير" ("al-Jubeir
    said") refers back to وزير الخارجية عادل الجبير.
    """
    known = doc.known if refer_back else {}
    mentions: list[Mention] = []
    starts = _start_tokens(doc, known)
    k = bisect_left(starts, lo)
    pos = lo
    while k < len(starts) and starts[k] < hi:
        i = starts[k]
        k += 1
        if i < pos or i in doc.date_tokens:
            continue
        ministry = _ministry(doc, i, hi)
        if ministry is not None:
            mentions.append(ministry)
            pos = ministry.last
            continue
        if doc.covering("trigger", i) is not None:
            continue
        if _names_a_facility(doc, i):
            continue  # «مستشفى الملك فهد» "King Fahd Hospital": a building, not the King
        m = parse_mention(doc, i, hi)
        if refer_back:
            epithet = _epithet(doc, i, hi, m)
            if epithet is not None:
                mentions.append(epithet)  # «وعقد سمو الأمير …», «وسلم الوزير سموه رسالة»
                pos = epithet.last
                continue
        if m is not None:
            _end_at_known_name(doc, m)
        if m is not None and m.name is not None and m.country in (None, HOME) and m.country_tokens is None:
            _resolve_known(doc, m, known)  # الرئيس السبسي, للرئيس توني تان
            if m.country in (None, HOME):
                _resolve_leader(doc, m)  # الرئيس عبد الفتاح السيسي with no state named
        elif m is not None and m.name is not None and m.country == HOME:
            # «أمير البلاد الشيخ صباح الأحمد» in a Saudi paper quoting Kuwait: "the country" is
            # the known ruler's own
            _resolve_leader(doc, m)
        if m is not None and m.country == HOME and m.title is not None \
                and doc.word(m.title[1] - 1) in doc.lexicon.cues.possessed_portfolio:
            # «وزير داخليتها» "its interior minister": of the state named last before it
            m.country = next((x.country for x in reversed(mentions) if x.kind == "state"), HOME)
        if m is not None and _named_after(doc, i, m):
            pos = max(m.last, i + 1)  # «مركز الملك سلمان للإغاثة»: an institution's name
            continue
        if m is None:
            m = _state_or_known(doc, i, known)
        if m is None:
            continue
        mentions.append(m)
        pos = max(m.last, i + 1)
    return mentions


def _names_a_facility(doc: Document, i: int) -> bool:
    """Token ``i`` follows a building or road it names: «مستشفى الملك فهد», «قاعدة الملك خالد
    الجوية», «لمستشفى الملك خالد للعيون»."""
    if i == 0:
        return False
    word = doc.word(i - 1)
    facility = doc.lexicon.cues.facility
    return word in facility or (word[:1] in "وبلف" and word[1:] in facility)


MENTION_TAGS = ("hon", "title", "place", "nisba", "capital")


def _ministry(doc: Document, i: int, hi: int) -> Mention | None:
    """A ministry acting as a party, named by its portfolio («استقبلت وزارة الخارجية
    البلجيكية السفير المغربي» "the Belgian foreign ministry received the Moroccan
    ambassador"): the state its nisba names, else the outlet's own."""
    word = doc.word(i)
    ministries = doc.lexicon.cues.ministry
    prefix = word[:1] if word[:1] in "وبل" and word[1:] in ministries else ""
    if word[len(prefix):] not in ministries or _title_kind(doc.at("title", i + 1)) != "part":
        return None
    previous = doc.word(i - 1) if i > 0 else ""
    if prefix == "ب" or previous in doc.lexicon.cues.title_seat or doc.at("title", i - 1) is not None \
            or previous.startswith(doc.lexicon.cues.venue):
        return None  # «اجتمع في فرع وزارة الخارجية بجدة مع …»: where they met
    end, refs = consume_title(doc, i, hi)
    if end <= i + 1 or (end < hi and doc.word(end) in doc.lexicon.cues.reported_that):
        return None  # «أكدت وزارة الدفاع أن اللقاءات …»: the ministry reports, it is no party
    mention = Mention(i, end, "office", title=(i, end), prefix=prefix)
    _attribute_country(mention, refs)
    return mention


def _named_after(doc: Document, i: int, m: Mention) -> bool:
    """A ruler's or prince's name after an institution's head is that institution's name:
    «مركز الملك سلمان للإغاثة» "the King Salman Relief Centre", «برنامج خادم الحرمين
    الشريفين للابتعاث» "the Custodian's scholarship programme"."""
    if i == 0 or not (m.ranked or _title_kind(doc.at("title", i)) == "unique"):
        return False
    return _is_named_after_head(doc, i - 1)


def _start_tokens(doc: Document, known: dict[tuple[str, ...], Mention]) -> list[int]:
    """Sorted tokens where a mention may start, including names seen before (with or
    without و/ل); every other token is skipped without parsing. Computed once per document."""
    plain = doc.mention_starts.get(False)
    if plain is None:
        plain = doc.mention_starts[False] = sorted(_openers(doc))
    if not known:
        return plain
    cached = doc.mention_starts.get(True)
    if cached is None:
        known_first = {k[0] for k in known}
        opening = {word for word in set(doc.words) if word in known_first or word[1:] in known_first}
        extra = {i for i, word in enumerate(doc.words) if word in opening}
        cached = doc.mention_starts[True] = sorted(set(plain) | extra)
    return cached


def _openers(doc: Document) -> set[int]:
    """Tokens where a mention may start: a tagged honorific, title or place, a given
    name or a counterpart word (names seen earlier are checked by the caller)."""
    names = doc.lexicon.given_names
    leaders = doc.lexicon.leader_starts
    second = doc.lexicon.leader_second
    words = doc.words
    distinct = set(words)  # an article repeats its words: each is judged once
    epithets = doc.lexicon.cues.epithet
    opening = {
        word for word in distinct
        if word in names or word.startswith("عبد") or ("نظ" in word and _is_counterpart(doc, word))
        or word.removeprefix("و") in epithets or word.removeprefix("و")[1:] in epithets
        or word in leaders or (word[:1] in "ول" and word[1:] in leaders)
        or ("مملك" in word and _own_kingdom(doc, word) is not None) or word.endswith("البلاد")
    }
    # A listed name whose first word is common too opens only with its second word.
    paired = {word: _leader_seconds(doc, word) for word in distinct
              if word in second or (word[:1] in "ولب" and word[1:] in second)}
    return {i for kind in MENTION_TAGS for i in doc.tags[kind]} | {
        i for i, word in enumerate(words)
        if word in opening or (word in paired and doc.word(i + 1) in paired[word])
    }


def _leader_seconds(doc: Document, word: str) -> frozenset[str]:
    """The second words with which ``word`` (a common word, or one after و/ل/ب) opens a listed
    office holder's name."""
    second = doc.lexicon.leader_second
    after = second.get(word, frozenset())
    if word[:1] in "ولب" and word[1:] in second:
        after |= second[word[1:]]
    return after


def _own_kingdom(doc: Document, word: str) -> str | None:
    """The proclitics before «المملكة» said alone («للمملكة» "to the Kingdom",
    «والمملكة»), or None where the word is not the name ``own_kingdom`` lists."""
    kingdoms = doc.lexicon.cues.own_kingdom
    prefix = word[:1] if word[:1] in "وف" else ""
    core = word[len(prefix):]
    if core.startswith("لل") and "ال" + core[2:] in kingdoms:
        return prefix + "ل"
    if core[:1] in "بلك" and core[1:] in kingdoms:
        return prefix + core[:1]
    return prefix if core in kingdoms else None


def _resolve_leader(doc: Document, m: Mention) -> None:
    """A well-known office holder (``leaders.tsv``) named without a state: their own.

    ``الرئيس عبد الفتاح السيسي`` in a Kuwaiti paper is Egypt's president, not Kuwait's."""
    office = " ".join(doc.word(k) for k in range(*m.title)) if m.title is not None else None
    code = leader_state(doc.lexicon, " ".join(m.name_key(doc)), doc.year or doc.latest_year, office)
    if code is not None:
        m.country = code


def _end_at_known_name(doc: Document, m: Mention) -> None:
    """"جون كيري هيمن عليه الوضع", «الرئيس السيسي انفتح»: a known office holder's name
    followed by words that are no name (here the verbs "dominated", "opened up") ends where
    the known name ends."""
    if m.name is None:
        return
    leaders = doc.lexicon.leaders
    words = m.name_key(doc)
    if " ".join(words).replace("عبد ", "عبد") in leaders:
        return
    given, particles = doc.lexicon.given_names, doc.lexicon.cues.name_particle
    for size in range(len(words) - 1, 0, -1):
        if " ".join(words[:size]).replace("عبد ", "عبد") not in leaders:
            continue
        if size == 1 and words[0] in doc.lexicon.common_words:
            return  # a one-word listed spelling that is also a common word
        if any(w in given or w in particles for w in words[size:]):
            return  # the name goes on: "محمد بن سلمان بن عبدالعزيز"
        end = m.name[0] + size
        if m.last == m.name[1]:
            m.last = end
        m.name = (m.name[0], end)
        return


def _resolve_known(doc: Document, m: Mention, known: dict[tuple[str, ...], Mention]) -> None:
    """``الرئيس السيسي``: a name under a rank alone takes the country and title of
    the fuller mention that introduced it earlier (or later) in the article."""
    words = m.name_key(doc)
    ref = known.get(words) or known.get(words[-1:])
    if ref is None and len(words) > 1:
        ref = known.get(words[:1] + words[-1:])
    if ref is not None and ref.country is not None:
        m.country = ref.country
        m.ref = ref


def _state_or_known(doc: Document, i: int, known: dict[tuple[str, ...], Mention]) -> Mention | None:
    nisba = doc.at("nisba", i)
    if nisba is not None and nisba.prefix.startswith("و"):
        # "الرئيسين التركي رجب طيب أردوغان والأمريكي باراك أوباما": the second of a pair
        # under one dual title is named by its nisba alone.
        end = consume_name(doc, nisba.last, len(doc.words), need_given=True)
        if end > nisba.last:
            return Mention(i, end, "person", name=(nisba.last, end), title=(i, nisba.last),
                           country=nisba.value, country_tokens=(i, nisba.last), prefix="و")
    place = doc.at("place", i)
    city = doc.at("capital", i)  # a city stands for its state only as a destination
    tag = place or city
    if tag is not None:
        return Mention(i, tag.last, "state" if place else "city", country=tag.value,
                       country_tokens=(i, tag.last), prefix=tag.prefix)
    word = doc.word(i)
    for length in (3, 2, 1) if known else ():
        key = tuple(doc.word(k) for k in range(i, i + length))
        ref = known.get(key) or (known.get((word[1:],)) if length == 1 and word[:1] in "ول" else None)
        if ref is not None:
            return Mention(i, i + length, "person", name=(i, i + length), country=ref.country,
                           prefix=word[:1] if key not in known else "", ref=ref)
    if _home_as_destination(doc, i):
        return Mention(i, i + 1, "state", country=HOME, country_tokens=(i, i + 1),
                       prefix=word[:1] if word[:1] in "ول" else "")
    prefix = _own_kingdom(doc, word)
    if prefix is not None:
        core = word[len(prefix):]
        states = doc.lexicon.cues.own_kingdom.get(core if core.startswith("ال") else "ال" + core[1:], "")
        if doc.home in states.split("|"):
            return Mention(i, i + 1, "state", country=HOME, country_tokens=(i, i + 1), prefix=prefix)
        return None
    return _known_leader(doc, i)


def _home_as_destination(doc: Document, i: int) -> bool:
    """«وصل إلى البلاد» "arrived in the country", «زيارته للبلاد»: in an outlet's own news
    «البلاد» is its state when a visit goes to it (not «خارج البلاد», «أمير البلاد»)."""
    word = doc.word(i)
    if word.removeprefix("و") in ("للبلاد",):
        return True
    return word == "البلاد" and i > 0 and doc.word(i - 1) in ("الي", "إلى")


def _known_leader(doc: Document, i: int) -> Mention | None:
    """A well-known office holder named bare, by the spellings ``leaders.tsv`` lists as
    enough on their own: «التقى كيري نظيره الروسي» "Kerry met his Russian counterpart"."""
    word = doc.word(i)
    starts = doc.lexicon.leader_starts
    paired = doc.lexicon.leader_second
    prefix = word[:1] if word not in starts and word not in paired and word[:1] in "ولب" else ""
    core = word[len(prefix):]
    second = paired.get(core)
    if core not in starts and core != "عبد" and (second is None or doc.word(i + 1) not in second):
        return None  # the common case: no listed name starts here («عبد الله …» is read joined)
    for length in (3, 2, 1):
        words = [doc.word(k) for k in range(i, i + length)]
        words[0] = words[0][len(prefix):]
        code = leader_state(doc.lexicon, " ".join(words), doc.year or doc.latest_year)
        if code is not None and not (length == 1 and words[0] in doc.lexicon.common_words):
            return Mention(i, i + length, "person", name=(i, i + length), country=code, prefix=prefix)
    return None


def state_of_name(doc: Document, first: int, last: int) -> str | None:
    """The state a person's name tells by itself: a listed office holder («تميم بن حمد
    آل ثاني» → QAT, ``leaders.tsv``) or a ruling house ending a name of three words or more
    («فهد يوسف سعود الصباح» → KWT, ``ruling_house`` in ``cues.tsv``)."""
    words = [doc.word(k) for k in range(first, last)]
    # (undated, the latest year the article names places it: «… في 2015» → that year's holder)
    code = leader_state(doc.lexicon, " ".join(words), doc.year or doc.latest_year)
    if code is not None or len(words) < 3:
        return code
    houses = doc.lexicon.cues.ruling_house
    return houses.get(" ".join(words[-2:])) or houses.get(words[-1])


def register_names(doc: Document, mentions: list[Mention]) -> None:
    """Remember each named mention in ``doc.known`` by its full name and surname, for later
    references (and earlier ones: the whole article is registered before events are read)."""
    cues = doc.lexicon.cues
    known = doc.known
    for m in mentions:
        if m.kind != "person" or m.name is None or m.title is None:
            continue
        words = m.name_key(doc)
        keys = [words]
        surname = words[-1]
        if len(words) >= 2 and surname not in cues.name_particle and len(surname) > 2:
            keys.append((surname,))
        if len(words) >= 4 and words[1] in ("بن", "ابن") and len(words[2]) > 2:
            keys.append(words[1:3])  # «يوسف بن علوي بن عبدالله», then «بن علوي»
        for key in keys:
            old = known.get(key)
            # The fullest mention wins: one that names its state, then the longest name.
            if old is None or _better_reference(m, old):
                known[key] = m
        style = _style_of(doc, m)
        if style is not None:
            doc.styled.append((m.first, style, m))
    doc.styled.sort(key=lambda entry: entry[0])


def _style_class(doc: Document, phrase: str) -> str | None:
    """The class of a form of address («صاحب السمو الملكي» → «سمو», «فخامة» → «فخامة»), or
    of an epithet that stands for one («سموه» → «سمو»), by ``cues.tsv``'s ``style`` rows."""
    styles = doc.lexicon.cues.style
    for word in reversed(phrase.split()):
        for core in proclitic_cores(word):
            if core in styles:
                return styles[core]
    return None


def _style_of(doc: Document, m: Mention) -> str | None:
    """The form of address written before a person's name or title, if any."""
    end = m.name[0] if m.name else m.first
    if m.title is not None:
        end = min(end, m.title[0])
    for k in range(m.first, end):
        tag = doc.at("hon", k)
        if tag is not None and tag.value == "honorific":
            style = _style_class(doc, " ".join(doc.word(t) for t in range(k, tag.last)))
            if style is not None:
                return style  # («حضرة صاحب السمو»: the second form decides)
    return None


def _owns_epithet(doc: Document, i: int) -> bool:
    """«في قصر سموه» "in His Highness's palace", «في استقبال معاليه» "receiving His
    Excellency", «الوفد المرافق لسموه»: an epithet after a venue or one of ``epithet_owner``
    nouns is a possessor, not a party (the reception names its guest on its own)."""
    if i == 0:
        return False
    cues = doc.lexicon.cues
    return any(core in cues.epithet_owner or core in cues.reception or core.removeprefix("ال") in cues.venue
               for core in proclitic_cores(doc.word(i - 1)))


def _epithet(doc: Document, i: int, hi: int, m: Mention | None) -> Mention | None:
    """An epithet that stands for a person named under the same form of address:
    «سموه» "His Highness", «فخامته», or a form of address with a bare rank — «سمو الأمير»
    "His Highness the Emir", «جلالة الملك», «فخامة الرئيس» — where no name follows. It refers
    to the latest such person named before it (in a headline: the first named after it)."""
    if not doc.styled:
        return None
    word = doc.word(i)
    core = word.removeprefix("و")
    epithets = doc.lexicon.cues.epithet
    style = _style_class(doc, word) if core in epithets or core[1:] in epithets else None
    end = i + 1
    headline_rank = doc.lexicon.cues.rank_style.get(word) if i < doc.token_index(doc.title_end) else None
    if style is None and headline_rank is not None and doc.at("trigger", i + 1) is not None:
        # «الملك يلتقي رئيس الوزراء الإيطالي …» "the King meets …": a headline's bare rank
        # is the ruler the story names in full under that rank's form of address
        ref = next((r for first, s, r in doc.styled if s in headline_rank.split("|") and first > i), None)
        return _standing_for(ref, i, i + 1, "") if ref is not None else None
    if style is None:
        hon = doc.at("hon", i)
        if hon is None or hon.value != "honorific":
            return None
        k = hon.last
        between = doc.at("hon", k) if k < hi else None
        while between is not None and between.value == "rank" and doc.word(k) not in doc.lexicon.cues.bare_rank:
            k = between.last  # «فخامة الأخ الرئيس»: a courtesy rank between
            between = doc.at("hon", k) if k < hi else None
        if k >= hi or doc.word(k) not in doc.lexicon.cues.bare_rank:
            return None
        # «كما التقى جلالة الملك الأمين العام للأمم المتحدة»: an office opening right after
        # the rank is the next person's, so the rank stands alone
        office_next = k + 1 < hi and _title_head(doc, k + 1) is not None and doc.word(k + 1).startswith("ال")
        if m is not None and not office_next and (m.name is not None or (
                m.title is not None and m.title[1] - m.title[0] > 1)):
            return None
        style = _style_class(doc, " ".join(doc.word(t) for t in range(i, hon.last)))
        end = k + 1
    if style is None or _owns_epithet(doc, i):
        return None
    before = [ref for first, s, ref in doc.styled if s == style and ref.last <= i]
    ref = before[-1] if before else None
    if ref is None and i < doc.token_index(doc.title_end):
        ref = next((r for first, s, r in doc.styled if s == style and first > i), None)
    if ref is None:
        return None
    return _standing_for(ref, i, end, word[:1] if word[:1] in "ولب" and end == i + 1 else "")


def _standing_for(ref: Mention, first: int, last: int, prefix: str) -> Mention:
    """A mention over tokens ``[first, last)`` that stands for ``ref``: its name, office and
    state are the referent's, and its evidence points back to where the referent is named."""
    return Mention(first, last, ref.kind, name=ref.name, title=ref.title, country=ref.country,
                   country_tokens=ref.country_tokens, extra_countries=list(ref.extra_countries),
                   prefix=prefix, ranked=True, ref=ref)


def _better_reference(new: Mention, old: Mention) -> bool:
    explicit_new = new.country not in (None, HOME)
    explicit_old = old.country not in (None, HOME)
    if explicit_new != explicit_old:
        return explicit_new
    return _name_length(new) > _name_length(old)


def _name_length(m: Mention) -> int:
    return m.name[1] - m.name[0] if m.name else 0
