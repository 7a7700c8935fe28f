"""English names for readers of English: states and organisations, office titles, people.

Three functions, each reading its language data from ``lexicon/data`` (overridable with
``MARSAD_LEXICON_DIR`` like every lexicon):

- :func:`country_name_en` — a state or organisation code to its English name
  (``countries_en.tsv``): ``KWT`` → "Kuwait".
- :func:`translate_title` — an Arabic office title to English, composed from the office
  patterns of ``offices_en.tsv`` and the state names and nisba adjectives of
  ``countries.tsv``: «سفير تركيا لدى الكويت» → "Ambassador of Turkey to Kuwait". A title is
  translated whole or not at all: when one word of it is not covered the answer is ``None``,
  never English with Arabic left in it, so a caller shows the Arabic title instead.
- :func:`romanise_name` — an Arabic personal name to Latin letters: the person's own English
  spelling when ``leaders.tsv`` lists them ("known"), else the spellings of ``names_en.tsv``
  word by word and a letter table for the rest ("transliterated").

The letter table (:data:`LETTERS`) is a simple, consistent scheme for readers, not a
scholarly transliteration: one Latin letter or digraph per Arabic letter (ث th, خ kh, ذ dh,
ش sh, غ gh), ع written ' inside a word and left out at its edges, hamza written ', ة and ى
as a, the article as "Al-" and بن as "bin". Arabic does not write short vowels, so an
unknown word gets only the long ones (ا a, و u, ي i) plus an "a" to break the two
consonants a word cannot begin with: جراح → Jarah, جينتز → Jintz. A reader gets a
consistent, pronounceable spelling, not the person's own: names_en.tsv gives that for
common names (جراح → Jarrah).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from marsad.lexicon import cell, load_lexicon, read_rows, split_variants
from marsad.text.clitics import strip_article
from marsad.text.normalize import fold

# --- states and organisations ------------------------------------------------------------


@cache
def _country_names() -> dict[str, tuple[str, str]]:
    return {row[0]: (cell(row, 1), cell(row, 2)) for row in read_rows("countries_en.tsv")}


def country_name_en(code: str) -> str | None:
    """The English short name of a state or organisation code, ``None`` when not listed.

    >>> country_name_en("KWT"), country_name_en("BEL"), country_name_en("GCC")
    ('Kuwait', 'Belgium', 'Gulf Cooperation Council')
    """
    entry = _country_names().get(code)
    return entry[0] if entry else None


def _country_in_text(code: str) -> str | None:
    """The name as running text writes it, with its article: "the United States"."""
    entry = _country_names().get(code)
    if entry is None:
        return None
    name, article = entry
    return f"{article} {name}" if article else name


# --- office titles -----------------------------------------------------------------------


def _key(text: str) -> str:
    """Fold for matching titles; hamza on a seat also folds (مسؤول = مسئول, شؤون = شئون),
    because Egyptian and Saudi papers write ئ where others write ؤ."""
    return fold(text).replace("ؤ", "ء").replace("ئ", "ء")


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str  # office | pre | portfolio | body | former | rel | state
    words: tuple[str, ...]  # keyed, article removed from the first word
    english: str
    link: str = "of"


@cache
def _patterns() -> dict[str, list[_Pattern]]:
    """Office patterns by their first word, longest first."""
    by_first: dict[str, list[_Pattern]] = {}
    for row in read_rows("offices_en.tsv"):
        kind, english, link = row[0], cell(row, 2), cell(row, 3) or "of"
        for variant in split_variants(cell(row, 1)):
            body, _ = strip_article(variant, " ".join(_key(variant).split()))
            words = tuple(body.split())
            by_first.setdefault(words[0], []).append(_Pattern(kind, words, english, link))
    for patterns in by_first.values():
        patterns.sort(key=lambda p: -len(p.words))
    return by_first


@dataclass(frozen=True, slots=True)
class _Item:
    """One recognised piece of a title."""

    kind: str  # a pattern kind, or country | skip | break
    english: str = ""
    link: str = "of"
    end: int = 0  # index of the token after the piece
    conj: bool = False  # written with و/ف: "and"
    prep: str = ""  # ب or ل written on the first word
    definite: bool = False  # ends in a definite noun, so nothing depends on it
    nisba: bool = False


_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")


def _splits(token: str):
    """Ways to read a token as conjunction + preposition + article + stem, the plain
    reading first (الي is إلى before it is ال + ي)."""
    for conj in _CONJ:
        if not token.startswith(conj):
            continue
        rest = token[len(conj):]
        for prep in _PREP:
            if not rest.startswith(prep):
                continue
            stem = rest[len(prep):]
            if stem:
                yield conj, prep, False, stem
            if prep == "ل" and stem.startswith("ل") and len(stem) > 2:
                yield conj, prep, True, stem[1:]  # لل = ل + ال
            elif stem.startswith("ال") and len(stem) > 3:
                yield conj, prep, True, stem[2:]


def _table_item(tokens: list[str], i: int) -> _Item | None:
    best: _Item | None = None
    for conj, prep, article, stem in _splits(tokens[i]):
        for pattern in _patterns().get(stem, ()):
            n = len(pattern.words)
            if tuple(tokens[i + 1 : i + n]) != pattern.words[1:]:
                continue
            last = tokens[i + n - 1] if n > 1 else ("ال" if article else stem)
            if best is None or i + n > best.end:
                best = _Item(pattern.kind, pattern.english, pattern.link, i + n, bool(conj),
                             prep, last.startswith(("ال", "لل")))
            break  # patterns are sorted longest first
    return best


_PUNCT = re.compile(r"[«»\"“”'‘’.:;!?؟\-–—/]")
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _items(title: str) -> list[_Item] | None:
    """Cut a title into recognised pieces; ``None`` when a word is not recognised."""
    text = _PARENS.sub(" ", fold(title))  # a bracketed abbreviation (أوبك) adds nothing
    text = _PUNCT.sub(" ", text).replace("،", " , ").replace(",", " , ")
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    tokens = [_key(text[s:e]) for s, e in spans]
    starts = {s: i for i, (s, _) in enumerate(spans)}
    ends = {e: i + 1 for i, (_, e) in enumerate(spans)}
    lex = load_lexicon()
    assert lex.places and lex.nisbas and lex.honorifics  # compiled by load_lexicon
    # Pieces the lexicon knows, by the token they start at: states, nisbas, forms of address.
    known: dict[int, list[_Item]] = {}
    for matcher, nisba in ((lex.places, False), (lex.nisbas, True)):
        for m in matcher.find(text):
            if m.value in lex.org_codes and not nisba:
                continue  # organisations by their own English names (offices_en.tsv)
            if m.start in starts and m.end in ends:
                # What the matcher allowed before the name: و/ف, then ب/ل/ك, then ال.
                prefix = text[m.start : m.core_start]
                conj = prefix[:1] if prefix[:1] in ("و", "ف") else ""
                prep = prefix[len(conj) : len(conj) + 1]
                prep = prep if prep in ("ب", "ل", "ك") else ""
                item = _Item("country", m.value, end=ends[m.end], conj=bool(conj), prep=prep,
                             definite=True, nisba=nisba)
                known.setdefault(starts[m.start], []).append(item)
    for m in lex.honorifics.find(text):
        if m.value in ("honorific", "blessing") and m.start in starts and m.end in ends:
            known.setdefault(starts[m.start], []).append(_Item("skip", end=ends[m.end]))
    items: list[_Item] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == ",":
            items.append(_Item("break", end=i + 1))
            i += 1
            continue
        candidates = [c for c in [_table_item(tokens, i), *known.get(i, [])] if c is not None]
        if not candidates:
            return None
        best = max(candidates, key=lambda c: c.end)  # the first of the longest: table first
        items.append(best)
        i = best.end
    return items


@dataclass
class _Office:
    """One office of a chain, filled as its pieces are read."""

    head: str
    link: str  # the preposition of the noun that governs what follows
    open: bool  # its last noun is in construct: a following office depends on it
    former: bool = False
    parts: list[str] = field(default_factory=list)  # "of Defence", "to the Minister" …
    state: str | None = None
    places: list[str] = field(default_factory=list)  # "to Kuwait", "in the Senate of …"
    placed: bool = False  # the last noun went to places: a noun after it depends on it
    last: str = "office"
    has_body: bool = False

    def render(self) -> str:
        words = (["Former"] if self.former else []) + [self.head, *self.parts]
        if self.state:
            words.append(f"of {self.state}")
        return " ".join(words + self.places)

    def add(self, conn: str, english: str) -> None:
        (self.places if self.placed else self.parts).append(f"{conn} {english}")


_PLACING = ("to", "in", "from")


def _compose(items: list[_Item]) -> str | None:
    offices: list[_Office] = []
    pre: list[str] = []
    rel = ""
    for idx, item in enumerate(items):
        cur = offices[-1] if offices else None
        kind = item.kind
        if kind == "state":
            after = items[idx + 1] if idx + 1 < len(items) else None
            if after is not None and after.kind == "country":
                # جمهورية باكستان, بمملكة البحرين: the state's name carries the clitics on.
                items[idx + 1] = replace(after, prep=item.prep or after.prep, conj=item.conj or after.conj)
                continue
            kind = "body"  # لدى المملكة: the institution
        if kind == "skip":
            continue
        if kind == "break":
            if cur:
                cur.open = False
            continue
        if kind == "pre":
            pre.append(item.english)
            continue
        if kind == "rel":
            rel = item.english
            continue
        if kind == "office":
            english = " ".join([*pre, item.english])
            pre = []
            # A head in construct governs the next office (مبعوث الأمين العام), and so does
            # any office before one written with ل (المستشار الدبلوماسي لرئيس الوزراء).
            if cur and not item.conj and not rel and (cur.open or item.prep == "ل"):
                cur.parts.append(f"{cur.link} {_with_the(english)}")
                cur.link, cur.open, cur.last, cur.placed = item.link, not item.definite, "office", False
            else:
                offices.append(_Office(english, item.link, not item.definite))
            rel = ""
            continue
        if cur is None and kind == "body" and not pre and not rel:
            # An institution named as the actor's title: «المفوضية الأوروبية».
            offices.append(_Office(item.english.removeprefix("the "), "of", not item.definite, last="body"))
            continue
        if cur is None or pre:
            return None  # a portfolio or a place with no office before it
        if kind == "former":
            cur.former = True
        elif kind == "portfolio":
            if item.conj and cur.last == "portfolio":
                conn = "and"
            else:
                conn = "for" if item.prep == "ل" or cur.link != "of" else "of"
            cur.parts.append(f"{conn} {item.english}")
            cur.placed = False
        elif kind == "body":
            if rel in _PLACING or item.prep == "ب":
                cur.places.append(f"{rel if rel in _PLACING else 'in'} {item.english}")
                cur.placed = True
            elif item.conj and cur.last == "body":
                cur.add("and", item.english)
            else:
                direct = cur.last == "office" and not rel and item.prep != "ل"
                cur.add(cur.link if direct else "of", item.english)
            cur.has_body = True
        elif kind == "country":
            name = _country_in_text(item.english)
            if name is None:
                return None
            placed = rel if rel in _PLACING else "in" if item.prep == "ب" else ""
            if placed == "in" and not cur.has_body and cur.state is None:
                placed = ""  # وزير الخارجية بدولة قطر: the minister's own state
            if placed:
                cur.places.append(f"{placed} {name}")
                cur.placed = True
            elif cur.state is None and not cur.placed:
                cur.state = name
            else:
                cur.add("of", name)  # بمجلس الشيوخ الأميركي: the Senate's state
        else:
            return None
        cur.last, cur.open, rel = kind, not item.definite, ""
    if pre or rel or not offices:
        return None
    rendered = [o.render() for o in offices]
    if len(rendered) == 1:
        return rendered[0]
    return ", ".join(rendered[:-1]) + " and " + rendered[-1]


def _with_the(english: str) -> str:
    return english if english.startswith("the ") else f"the {english}"


def translate_title(arabic: str) -> str | None:
    """An Arabic office title in English, or ``None`` when any word of it is not covered.

    A chain of offices is joined as English lists are («ولي العهد نائب رئيس مجلس الوزراء
    وزير الداخلية», the Crown Prince who is also deputy premier and interior minister):

    >>> translate_title("ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية")
    'Crown Prince, Deputy Prime Minister and Minister of Interior'
    >>> translate_title("وزير الخارجية الكويتي")
    'Minister of Foreign Affairs of Kuwait'
    >>> translate_title("مدير مطار الجوف") is None
    True
    """
    if not arabic or not arabic.strip():
        return None
    items = _items(arabic)
    return _compose(items) if items else None


# --- personal names ----------------------------------------------------------------------


def _name_key(name: str) -> str:
    """Folded, with عبد joined to the name it is part of (عبد الله = عبدالله), as the
    leader lookup of the lexicon does."""
    return " ".join(fold(name).replace("عبد ", "عبد").split())


@cache
def _known_people() -> dict[str, str]:
    """Every listed spelling of a known office holder → their English spelling; a spelling
    shared by two people with different English spellings is left out."""
    found: dict[str, set[str]] = {}
    for row in read_rows("leaders.tsv"):
        english = cell(row, 5)
        if english:
            for name in split_variants(cell(row, 1)):
                found.setdefault(_name_key(name), set()).add(english)
    return {key: next(iter(spellings)) for key, spellings in found.items() if len(spellings) == 1}


@cache
def _name_words() -> dict[str, str]:
    return {
        _name_key(variant).replace(" ", ""): cell(row, 1)
        for row in read_rows("names_en.tsv")
        for variant in split_variants(row[0])
    }


@cache
def _address_forms() -> tuple[tuple[str, ...], ...]:
    """Honorifics, ranks and blessings (honorifics.tsv), longest first: they are not part
    of the name (الشيخ جراح الجابر → جراح الجابر)."""
    forms = {tuple(_name_key(row[0]).split()) for row in read_rows("honorifics.tsv")}
    return tuple(sorted(forms, key=len, reverse=True))


def _strip_address(words: list[str]) -> list[str]:
    changed = True
    while changed and words:
        changed = False
        keys = [fold(w) for w in words]
        for form in _address_forms():
            n = len(form)
            if len(words) > n and tuple(keys[:n]) == form:
                words, changed = words[n:], True
                break
            if len(words) > n and tuple(keys[-n:]) == form:
                words, changed = words[:-n], True
                break
    return words


# One Latin spelling per Arabic letter, on the written (unfolded) letters so that ة, ى and
# the hamza seats keep their own values. Diacritics, where an article writes them, add
# nothing: a reader of English expects the plain spelling.
LETTERS: dict[str, str] = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ء": "'", "أ": "'", "إ": "'", "ئ": "'", "ؤ": "'", "پ": "p", "چ": "ch",
    "ڤ": "v", "گ": "g", "ک": "k", "ی": "y",
}
_VOWELS = {"ا": "a", "آ": "a", "ى": "a", "ة": "a", "و": "u", "ي": "i"}
_INITIAL = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ع": "", "ء": ""}
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def _transliterate_word(word: str) -> str:
    """Letters to Latin: و and ي are vowels between consonants and glides next to a vowel."""
    letters = _MARKS.sub("", word)
    units: list[tuple[str, bool]] = []  # (latin, is_vowel)
    for i, ch in enumerate(letters):
        before = letters[i - 1] if i else ""
        after = letters[i + 1] if i + 1 < len(letters) else ""
        if i == 0 and ch in _INITIAL:
            units.append((_INITIAL[ch], ch not in "عء"))
        elif ch in "وي" and (i == 0 or before in "اآ" or after in "اآوىية"):
            units.append(("w" if ch == "و" else "y", False))
        elif ch in _VOWELS:
            units.append((_VOWELS[ch], True))
        elif ch in LETTERS:
            units.append((LETTERS[ch] if 0 < i < len(letters) - 1 else LETTERS[ch].strip("'"), False))
        elif ch.isascii():
            units.append((ch, ch.lower() in "aeiou"))
    # A word cannot begin with two consonants: read the first pair with an "a" between.
    if len(units) > 1 and not units[0][1] and not units[1][1]:
        units.insert(1, ("a", True))
    latin = "".join(u for u, _ in units)
    return latin[:1].upper() + latin[1:]


def _romanise_word(word: str, raw: str) -> str:
    words = _name_words()
    key = _name_key(word).replace(" ", "")
    if key in words:
        return words[key]
    if key.startswith("ال") and len(key) > 3:
        stem = key[2:]
        return "Al-" + (words.get(stem) or _transliterate_word(raw[2:]))
    if key.startswith("عبدال") and len(key) > 5:
        return "Abdul" + _transliterate_word(raw.replace(" ", "")[5:]).lower()
    return _transliterate_word(raw)


def romanise_name(arabic: str) -> tuple[str, str]:
    """A person's name in Latin letters, and how it was found: ``"known"`` (the office
    holder's own spelling, from ``leaders.tsv``) or ``"transliterated"``.

    >>> romanise_name("الملك سلمان بن عبد العزيز")
    ('Salman bin Abdulaziz Al Saud', 'known')
    >>> romanise_name("جراح الجابر")
    ('Jarrah Al-Jaber', 'transliterated')
    """
    raw_words = _strip_address(" ".join(_MARKS.sub("", arabic).split()).split())
    key = _name_key(" ".join(raw_words))
    known = _known_people().get(key)
    if known:
        return known, "known"
    # عبد is written apart from the name it begins (عبد الله): read the pair as one word.
    words: list[str] = []
    for word in raw_words:
        if words and fold(words[-1]) == "عبد":
            words[-1] += word
        else:
            words.append(word)
    return " ".join(_romanise_word(w, w) for w in words), "transliterated"
