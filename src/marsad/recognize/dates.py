"""Dates in news text: ``اليوم``, ``أمس الخميس``, ``23 يوليو 2015``, ``7 شوال 1436هـ``.

:func:`find_dates` scans *folded* text (:attr:`NormalizedText.text`, so patterns are
written folded: ``امس`` not ``أمس``, ``القعده`` not ``القعدة``, ASCII digits) and returns
one :class:`DateMention` per date expression, resolved to a calendar date where the
text and the publication date fix it:

- relative words are counted from ``published``: ``اليوم`` (today), ``أمس`` (yesterday),
  ``أول من أمس`` (the day before yesterday), ``غداً`` (tomorrow), ``بعد غد`` …, optionally
  with a part of the day (``مساء أمس`` "yesterday evening") and a weekday
  (``أمس الخميس`` "yesterday, Thursday");
- weekdays alone (``يوم الخميس``, ``الخميس الماضي`` "last Thursday", ``الأحد المقبل``
  "next Sunday") are placed relative to ``published`` as news uses them;
- absolute dates name a day and a month in any regional naming (``23 يوليو``,
  ``23 تموز/يوليو``, ``23 جويلية``, ``23 غشت``) or the Hijri calendar (``7 شوال 1436هـ``,
  Umm al-Qura), with or without a year, or are numeric and day-first (``23/7/2015``).

A number alone is never a date (``قرار مجلس الأمن 2216``): a date needs a month name,
the numeric day/month/year shape, or a relative word.
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from hijridate import Gregorian, Hijri

from marsad.lexicon import Cues, load_cues, read_rows, split_variants
from marsad.text.normalize import fold

ABSOLUTE = "absolute"
RELATIVE = "relative"

Day = datetime.date
ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression at ``text[start:end]`` of the folded text.

    ``value`` is the calendar date it denotes, or ``None`` when it cannot be resolved
    (a relative date without a publication date, an impossible day such as 30 in a
    29-day Hijri month). ``kind`` is ``"absolute"`` when the text names the day of a
    month, ``"relative"`` when it counts from the publication date (``أمس``, ``الخميس``).
    """

    start: int
    end: int
    value: Day | None
    kind: str


# --- language data ----------------------------------------------------------------


@cache
def month_names() -> dict[str, tuple[str, int]]:
    """Folded month name -> (calendar, month number), from ``months.tsv``.

    >>> month_names()["تشرين الاول"], month_names()["ذي القعده"]
    (('gregorian', 10), ('hijri', 11))
    """
    names = {}
    for calendar, month, cell in read_rows("months.tsv"):
        for name in split_variants(cell):
            names[" ".join(fold(name).split())] = (calendar, int(month))
    return names


@cache
def weekday_names() -> dict[str, int]:
    """Folded weekday name -> Python weekday (0 = Monday), from ``weekdays.tsv``.

    >>> weekday_names()["الخميس"]
    3
    """
    return {
        fold(name): int(weekday)
        for weekday, cell in read_rows("weekdays.tsv")
        for name in split_variants(cell)
    }


# --- weekday and year arithmetic ----------------------------------------------------


def weekday_on_or_before(day: Day, weekday: int) -> Day:
    """The latest date on or before ``day`` falling on ``weekday`` (0 = Monday).

    ``اليوم الخميس`` in a paper dated Friday 2015-08-07 is Thursday 2015-08-06:

    >>> weekday_on_or_before(datetime.date(2015, 8, 7), 3)
    datetime.date(2015, 8, 6)
    """
    return day - datetime.timedelta(days=(day.weekday() - weekday) % 7)


def weekday_on_or_after(day: Day, weekday: int) -> Day:
    """The earliest date on or after ``day`` falling on ``weekday`` (0 = Monday).

    ``الأحد المقبل`` "next Sunday" from Friday 2015-08-07 is counted from the 8th:

    >>> weekday_on_or_after(datetime.date(2015, 8, 8), 6)
    datetime.date(2015, 8, 9)
    """
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def resolve_weekday(published: Day, weekday: int, direction: str | None) -> Day:
    """The date of a weekday named without a day of the month.

    ``direction`` is ``"past"`` (``الخميس الماضي`` "last Thursday": strictly before
    publication), ``"future"`` (``الخميس المقبل`` "next Thursday": strictly after) or
    ``None`` for a bare ``الخميس`` / ``يوم الخميس``, which news uses for the current
    week's day: the latest one on or before publication.

    >>> friday = datetime.date(2015, 8, 7)
    >>> [resolve_weekday(friday, 4, d).isoformat() for d in ("past", None, "future")]
    ['2015-07-31', '2015-08-07', '2015-08-14']
    """
    if direction == "past":
        return weekday_on_or_before(published - ONE_DAY, weekday)
    if direction == "future":
        return weekday_on_or_after(published + ONE_DAY, weekday)
    return weekday_on_or_before(published, weekday)


def _gregorian(year: int, month: int, day: int) -> Day | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _hijri(year: int, month: int, day: int) -> Day | None:
    """Umm al-Qura ``day month year`` as a Gregorian date; None if impossible or out of range."""
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return datetime.date(g.year, g.month, g.day)


def _hijri_year(day: Day) -> int | None:
    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (ValueError, OverflowError):
        return None


# A date given without its year is usually in the past of the article, rarely more
# than a couple of months ahead of it: a day after publication costs this many times
# its distance, so the chosen year puts it within about [-10 months, +2 months].
FUTURE_WEIGHT = 5


def nearest_year(build: Callable[[int], Day | None], year: int, published: Day) -> Day | None:
    """The date ``build(y)`` for y in year-1 … year+1 that best fits an undated mention.

    ``23 يوليو`` in an article of 2015-08-07 is 2015-07-23; ``28 ديسمبر`` in one of
    2015-01-04 is 2014-12-28, and ``5 يناير`` in one of 2015-12-20 is 2016-01-05:

    >>> nearest_year(lambda y: datetime.date(y, 12, 28), 2015, datetime.date(2015, 1, 4))
    datetime.date(2014, 12, 28)
    """
    best, best_cost = None, None
    for y in (year - 1, year, year + 1):
        candidate = build(y)
        if candidate is None:
            continue
        gap = (candidate - published).days
        cost = gap * FUTURE_WEIGHT if gap > 0 else -gap
        if best_cost is None or cost < best_cost:
            best, best_cost = candidate, cost
    return best


def _occurrence(
    build: Callable[[int], Day | None], year: int, published: Day, when: str
) -> Day | None:
    """The occurrence of a yearless day in the current, last or next cycle.

    ``when`` is ``"current"`` (``1 أغسطس الجاري`` "1 August this month"), ``"past"``
    (``27 يوليو الماضي``: the latest on or before publication) or ``"future"``
    (``10 سبتمبر المقبل``: the earliest on or after it).
    """
    this = build(year)
    if when == "current" or this is None:
        return this
    if when == "past" and this > published:
        return build(year - 1)
    if when == "future" and this < published:
        return build(year + 1)
    return this


# --- patterns ------------------------------------------------------------------------

# The words of relative dates (directions, parts of the day, day offsets) and those that
# mark a use of اليوم, أمس, الاثنين or الأحد that is not a date come from ``cues.tsv``.

_PREV_WORD = re.compile(r"(\w+)\W*\Z")
_NEXT_WORD = re.compile(r" +(\w+)")
_HIJRI_YEARS = range(1300, 1600)
_GREGORIAN_YEARS = range(1900, 2100)


def _alternation(names) -> str:
    """A regex alternation of folded phrases, longest first, any run of spaces inside."""
    ordered = sorted(set(names), key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", " +") for n in ordered)


@cache
def _pattern(cues: Cues) -> re.Pattern:
    """One regex for every kind of date, compiled once from the month and weekday lists.

    A single alternation scans the text once (four separate scans cost four times as
    much), and at each position the branches are tried longest reading first: a day
    and month (which may start with a weekday), a numeric date, a relative word, a
    weekday. The branch that matched names the kind: ``absolute``, ``numeric``,
    ``relative`` or ``weekday``.
    """
    weekday = _alternation(weekday_names())
    months = month_names()
    gregorian = _alternation(n for n, (cal, _) in months.items() if cal == "gregorian")
    direction = _alternation(cues.date_direction)
    parts = _alternation(cues.day_part)
    absolute = (
        # an optional weekday before the day: يوم الخميس، الموافق 23 …
        rf"(?:(?:يوم +)?(?:{weekday}) *[,،]? *(?:الموافق +)?)?"
        r"(?P<day>\d{1,2})(?!\d) *(?:من +)?(?:شهر +)?"
        rf"(?P<month>{_alternation(months)})(?!\w)"
        # the same month in a second naming: تموز/يوليو, يوليو (تموز), أغسطس آب
        rf"(?: *\( *(?:{gregorian})(?!\w) *\)| *[/-]? *(?:{gregorian})(?!\w))?"
        r"(?: *[,،]? *(?:من +)?(?:(?:العام|عام|سنه) +)?(?P<year>(?:1[3-5]|19|20)\d\d)(?!\d)"
        r"(?: *(?:م|ميلاديه|ميلادي|للميلاد|ه|هجريه|هجري|للهجره)(?!\w))?"
        rf"| +(?:من +)?(?:العام|عام|السنه) +(?P<yrel>{direction})(?!\w)"
        rf"| +(?P<mrel>{direction})(?!\w))?"
    )
    # 23/7/2015, 2015-07-23, 1436/10/7هـ: the separator repeats, nothing glued around.
    numeric = (
        r"(?<![/.-])(?P<a>\d{1,4})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
        r"(?!\d)(?![/.-]\d)(?: *[مه])?(?!\w)"
    )
    relative = (
        rf"(?:(?P<part>{parts}) +)?(?:(?P<yom>يوم) +)?(?P<offset>{_alternation(cues.day_offset)})"
        # the weekday may follow, also in brackets: أمس (الأحد)
        rf"(?: +\(? *(?P<rwd>{weekday})(?: *\))?)?(?!\w)"
    )
    past_or_future = _alternation(k for k, v in cues.date_direction.items() if v != "current")
    weekday_only = (
        rf"(?:(?P<wpart>{parts}) +)?(?:(?P<wyom>يوم) +)?(?P<wd>{weekday})"
        rf"(?: +(?P<dir>{past_or_future}))?(?!\w)"
    )
    # «في 12 الشهر الجاري» "on the 12th of this month", «20 من الشهر الماضي»
    this_month = rf"(?P<mday>\d{{1,2}})(?!\d) *(?:من +)?الشهر +(?P<mdir>{direction})(?!\w)"
    # A date may carry the conjunction و / ف glued to its first word (وأمس، و23 يوليو);
    # the mention starts after it, where the branch group starts.
    return re.compile(
        rf"(?<!\w)[وف]?(?:(?P<absolute>{absolute})|(?P<numeric>{numeric})|(?P<month_day>{this_month})"
        rf"|(?P<relative>{relative})|(?P<weekday>{weekday_only}))"
    )


# --- readers: one match -> (value, kind), or None when the match is not a date ----------


def _word_before(text: str, start: int) -> str:
    """The word ending just before ``start`` (punctuation between is skipped)."""
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    return m.group(1) if m else ""


def _one_of(word: str, words: frozenset[str]) -> bool:
    """``word`` is in ``words``, also behind a one-letter clitic: لصحيفة → صحيفة, وفي → في."""
    return word in words or (len(word) > 2 and word[0] in "وفبل" and word[1:] in words)


def _word_after(text: str, end: int) -> str:
    """The word after ``end`` when only spaces separate them, else ``""``."""
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


def _quoted(text: str, start: int, end: int) -> bool:
    """``لـ«اليوم»``: a quoted ``اليوم`` on its own is the newspaper's name."""
    return start > 0 and text[start - 1] in "«\"“" and text[end : end + 1] in ("»", '"', "”")


def _relative(m: re.Match, text: str, published: Day | None, cues: Cues):
    """``مساء أمس``, ``اليوم الخميس``, ``أول من أمس`` -> a date counted from ``published``."""
    rel = " ".join(m["offset"].split())
    anchored = m["part"] or m["yom"]
    if rel in cues.needs_anchor and not anchored:
        return None
    start, end = m.span("relative")
    if not m["rwd"]:
        after = _word_after(text, end)
        if rel == "اليوم" and (
            after in cues.today_not_before
            or (not anchored and _one_of(_word_before(text, start), cues.today_not_after))
            or _quoted(text, start, end)
        ):
            return None
        if "امس" in rel and after in cues.yesterday_not_before:
            return None
    if published is None:
        return None, RELATIVE
    try:
        day = published + datetime.timedelta(days=cues.day_offset[rel])
        if m["rwd"]:
            # أمس الخميس: the named weekday settles the day when the count and the
            # weekday disagree (an article written on Thursday, published on Friday).
            weekday = weekday_names()[m["rwd"]]
            step = weekday_on_or_before if cues.day_offset[rel] <= 0 else weekday_on_or_after
            day = step(day, weekday)
    except OverflowError:  # counting past year 1 or 9999
        return None, RELATIVE
    return day, RELATIVE


def _weekday(m: re.Match, text: str, published: Day | None, cues: Cues):
    """``يوم الخميس``, ``الأحد المقبل`` -> the weekday in the publication's week."""
    wd = m["wd"]
    if not (m["wpart"] or m["wyom"] or m["dir"]):
        if wd == "الاثنين" and (
            _one_of(_word_before(text, m.start("weekday")), cues.two_not_after)
            or _word_after(text, m.end("weekday")) in cues.two_not_before
        ):
            return None
        if wd == "الاحد" and _word_after(text, m.end("weekday")) in cues.one_not_before:
            return None
    if published is None:
        return None, RELATIVE
    direction = cues.date_direction[m["dir"]] if m["dir"] else None
    try:
        return resolve_weekday(published, weekday_names()[wd], direction), RELATIVE
    except OverflowError:  # counting past year 1 or 9999
        return None, RELATIVE


def _day_month(m: re.Match, published: Day | None, cues: Cues):
    """``23 يوليو 2015``, ``1 أغسطس الجاري``, ``7 شوال`` -> a date.

    A missing year comes from ``published`` (its Hijri year for a Hijri month).
    """
    calendar, month = month_names()[" ".join(m["month"].split())]
    day = int(m["day"])
    if calendar == "hijri":
        def build(y):
            return _hijri(y, month, day)
        years, base = _HIJRI_YEARS, _hijri_year(published) if published else None
    else:
        def build(y):
            return _gregorian(y, month, day)
        years, base = _GREGORIAN_YEARS, published.year if published else None
    if m["year"]:
        year = int(m["year"])
        # a year of the other calendar (23 يوليو 1436) is a typo we cannot resolve
        return (build(year) if year in years else None), ABSOLUTE
    if base is None or published is None:
        return None, ABSOLUTE
    if m["yrel"]:
        step = {"past": -1, "current": 0, "future": 1}[cues.date_direction[m["yrel"]]]
        return build(base + step), ABSOLUTE
    if m["mrel"]:
        return _occurrence(build, base, published, cues.date_direction[m["mrel"]]), ABSOLUTE
    return nearest_year(build, base, published), ABSOLUTE


def _day_of_month(m: re.Match, published: Day | None, cues: Cues):
    """``12 الشهر الجاري`` "the 12th of this month", ``20 من الشهر الماضي`` -> a date of the
    publication's month, the one before or the one after."""
    if published is None:
        return None, RELATIVE
    step = {"past": -1, "current": 0, "future": 1}[cues.date_direction[m["mdir"]]]
    year, month = divmod(published.year * 12 + published.month - 1 + step, 12)
    day = _gregorian(year, month + 1, int(m["mday"]))
    return (day, RELATIVE) if day is not None else None  # (no 31 September: not a date)


def _numeric(m: re.Match):
    """``23/7/2015``, ``2015-07-23``, ``1436/10/7هـ`` (day first, as Arab papers write)."""
    a, b, c = m["a"], m["b"], m["c"]
    if len(a) == 4 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2:
        year, month, day = int(c), int(b), int(a)
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year in _HIJRI_YEARS:
        return _hijri(year, month, day), ABSOLUTE
    if year in _GREGORIAN_YEARS:
        return _gregorian(year, month, day), ABSOLUTE
    return None


# --- entry point -------------------------------------------------------------------------


def find_dates(
    text: str,
    published: Day | None,
    spans: list[tuple[int, int]] | None = None,
    cues: Cues | None = None,
) -> list[DateMention]:
    """Every date expression in folded ``text`` (or only within ``spans``, offsets still
    absolute), sorted and non-overlapping.

    The text is scanned left to right; at each position the longest reading is taken,
    so ``أمس الخميس`` is one mention, not ``أمس`` and ``الخميس``, and ``الخميس 7 شوال``
    one date. Relative expressions get ``value=None`` without ``published``. The words of
    relative dates are ``cues`` (by default those of the packaged or overriding ``cues.tsv``).

    >>> from marsad.text.normalize import fold
    >>> t = fold("وعقد الاجتماع أمس الخميس في الرياض")
    >>> [(t[d.start:d.end], d.value.isoformat(), d.kind)
    ...  for d in find_dates(t, datetime.date(2015, 8, 7))]
    [('امس الخميس', '2015-08-06', 'relative')]
    >>> t = fold("الرياض 7 شوال 1436هـ الموافق 23 يوليو 2015م واس")
    >>> [(t[d.start:d.end], d.value.isoformat()) for d in find_dates(t, None)]
    [('7 شوال 1436ه', '2015-07-23'), ('23 يوليو 2015م', '2015-07-23')]
    """
    cues = cues or load_cues()
    found = []
    pattern = _pattern(cues)
    matches = (
        pattern.finditer(text)
        if spans is None
        else (m for s, e in spans for m in pattern.finditer(text, s, e))
    )
    for m in matches:
        branch = m.lastgroup  # the outermost group closes last: the branch's name
        if branch is None:
            continue
        if branch == "absolute":
            result = _day_month(m, published, cues)
        elif branch == "numeric":
            result = _numeric(m)
        elif branch == "month_day":
            result = _day_of_month(m, published, cues)
        elif branch == "relative":
            result = _relative(m, text, published, cues)
        else:
            result = _weekday(m, text, published, cues)
        if result is not None:
            found.append(DateMention(*m.span(branch), *result))
    return found
