"""The outlet's home country: whose officials are named without a country.

Arab news names its own officials bare (``وزير الدفاع``, ``خادم الحرمين الشريفين``) and
foreign ones with a country (``وزير الخارجية المصري``). Unless the outlet is known
(``outlets.tsv``, overridable per source), the home country is inferred from the text:

1. the dateline's state news agency (``الكويت - كونا``, ``الرياض - واس``);
2. the dateline's Arab city (``بغداد - استقبل …``, ``نواكشوط -``): news is filed from home
   unless an agency says otherwise;
3. an office unique to one state (``خادم الحرمين الشريفين`` → SAU);
4. an Arab state's palace or seat of government named in the story (``بقصر بيان`` → KWT);
5. the Arab state mentioned most, by name, adjective or capital (``الدبلوماسية الكويتية …
   بين الكويت وبلجيكا`` → KWT); a ruler named under a title with no state of its own
   («أمير البلاد الشيخ مشعل الأحمد الجابر الصباح») outweighs this count (see the pipeline).
"""
from __future__ import annotations

from collections import Counter
from functools import cache
from urllib.parse import urlparse

from marsad.geo import venues
from marsad.lexicon import Lexicon
from marsad.recognize.document import Document

DATELINE_CHARS = 400  # title + the body's first line or two
CREDIT_CHARS = 60


def outlet_country(source: str | None, url: str | None, lex: Lexicon) -> str | None:
    """The country of a known outlet, by its source id or its web address."""
    if source and source.lower() in lex.outlets:
        return lex.outlets[source.lower()]
    if url:
        # The longest listed domain the host ends with: alwatan.com.sa (SAU) must win
        # over alwatan.com (OMN); bare ids such as "was" never match inside a host.
        host = urlparse(url).netloc.lower().split(":")[0]
        labels = host.split(".")
        for k in range(len(labels) - 1):
            domain = ".".join(labels[k:])
            if "." in domain and domain in lex.outlets:
                return lex.outlets[domain]
    return None


def infer_home_country(doc: Document) -> tuple[str | None, str]:
    """``(country, reason)`` inferred from the text alone."""
    lex = doc.lexicon
    arab_states = lex.cues.arab_state
    # Agency names are also ordinary words (بنا "built", قنا the Egyptian city), so only
    # the dateline at the head of the body or the credit at its very end counts.
    head, tail = doc.text[:DATELINE_CHARS], doc.text[-CREDIT_CHARS:]
    agencies = [m.value for m in lex.agencies.find(head)] or [m.value for m in lex.agencies.find(tail)]
    if agencies:
        return Counter(agencies).most_common(1)[0][0], "agency"
    city = _dateline_state(doc)
    if city is not None:
        return city, "dateline"
    unique = Counter(
        t.value[1] for t in doc.tags["title"].values() if t.value[0] == "unique" and t.value[1] in arab_states
    )
    if unique:
        return unique.most_common(1)[0][0], "unique office"
    seat = _seat_of_power(doc)
    if seat is not None:
        return seat, "venue"
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for kind in ("place", "nisba", "capital"):
        for i, tag in doc.tags[kind].items():
            if tag.value in arab_states:
                counts[tag.value] += 1
                first_seen[tag.value] = min(first_seen.get(tag.value, i), i)
    if counts:
        best = max(counts, key=lambda c: (counts[c], -first_seen[c]))
        return best, "most mentioned"
    return None, "unknown"


def _seat_of_power(doc: Document) -> str | None:
    """An Arab state's palace or seat of government where the story takes place («استقبل
    … أمير البلاد … بقصر بيان» → KWT, «بقصر قرطاج» → TUN), from ``venues.tsv``: the
    outlet's own offices are the ones named there without a state."""
    seats = _arab_seats(doc.lexicon.cues.arab_state)
    found: Counter[str] = Counter()
    for i, word in enumerate(doc.words):
        # the venue's first word, bare or after a proclitic («بقصر بيان», «وفي قصر …»)
        for core in (word, word[1:] if word[:1] in "وبل" else "", word[2:] if word[:2] in ("وب", "ول") else ""):
            for rest, country in seats.get(core, ()):
                if [doc.word(k) for k in range(i + 1, i + 1 + len(rest))] == rest:
                    found[country] += 1
    return found.most_common(1)[0][0] if found else None


@cache
def _arab_seats(arab_states: frozenset[str]) -> dict[str, list[tuple[list[str], str]]]:
    """The Arab states' venues by their first word: first word -> [(the other words, state)]."""
    seats: dict[str, list[tuple[list[str], str]]] = {}
    for venue, _, country in venues():
        if country in arab_states:
            first, *rest = venue.split()
            seats.setdefault(first, []).append((rest, country))
    return seats


def _dateline_state(doc: Document) -> str | None:
    """An Arab capital, city or state opening a line and followed, within three tokens,
    by a dateline mark: ``بغداد - استقبل``, ``عمان (بترا) -``, ``الجزائر:``."""
    cues = doc.lexicon.cues
    for kind in ("capital", "place"):
        for i, tag in doc.tags[kind].items():
            start = doc.starts[i]
            if start > DATELINE_CHARS or tag.value not in cues.arab_state:
                continue
            at_line_start = start == 0 or "\n" in doc.text[max(0, start - 3) : start]
            if at_line_start and any(doc.word(k) in cues.dateline_mark for k in range(tag.last, tag.last + 3)):
                return tag.value
    return None
