"""Names as a page shows them in its language: countries, people, office titles.

Arabic pages show the Arabic names the articles use. English pages show a country's or
organisation's English name, a title translated by :func:`marsad.english.translate_title`
(the Arabic title where it cannot be translated whole), and a person's name romanised by
:func:`marsad.english.romanise_name`, marked as a transliteration where it is not the
person's own English spelling. Each function returns markup built from escaped text, so
a name from an article is shown, never interpreted.
"""
from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from marsad.english import translate_title
from marsad.store.query import country_label, romanised
from marsad.web.i18n import LABELS
from marsad.web.render import display


def country_name(code: str | None, lang: str) -> str:
    """The name of a state or organisation code in ``lang`` (the code when unknown)."""
    return country_label(code)[lang] if code else ""


def country_link(code: str | None, lang: str) -> Markup:
    """A link to the country's page: its name, the code as a quieter hint.

    >>> str(country_link("KWT", "en"))
    '<a class="country" href="/countries/KWT">Kuwait <span class="code">KWT</span></a>'
    """
    if not code:
        return Markup("")
    name = country_name(code, lang)
    hint = Markup(' <span class="code">{}</span>').format(display(code)) if name != code else Markup("")
    return Markup('<a class="country" href="/countries/{}">{}{}</a>').format(display(code), display(name), hint)


@lru_cache(maxsize=1 << 14)
def _title_en(title: str) -> str | None:
    return translate_title(title)


def title_text(title: str | None, lang: str) -> str:
    """An office title in ``lang``: translated on English pages where the whole title can be."""
    if not title:
        return ""
    return (_title_en(title) or title) if lang == "en" else title


def person_name(name: str | None, lang: str) -> Markup:
    """A person's name in ``lang``; on English pages romanised, a transliteration marked
    with a title and a small hint, the Arabic kept in the tooltip.

    >>> str(person_name("جينتز", "en"))
    '<span class="translit" title="جينتز (transliterated)" lang="en">Jintz<sup>*</sup></span>'
    """
    if not name:
        return Markup("")
    if lang != "en":
        return escape(display(name))
    latin, method = romanised(name)
    if method == "known":
        return Markup('<span title="{}" lang="en">{}</span>').format(display(name), display(latin))
    return Markup('<span class="translit" title="{} ({})" lang="en">{}<sup>*</sup></span>').format(
        display(name), LABELS["en"]["translit"], display(latin))


def person_text(name: str | None, lang: str) -> str:
    """A person's name in ``lang`` as plain text (for charts and the network)."""
    if not name:
        return ""
    return romanised(name)[0] if lang == "en" else name
