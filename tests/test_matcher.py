"""Clitic-aware phrase matching on folded text."""
from marsad.text.clitics import EXACT, NISBA_SUFFIXES, NOUN_SUFFIXES
from marsad.text.matcher import PhraseMatcher
from marsad.text.normalize import fold


def values(matcher, text):
    return [(fold(text)[h.start:h.end], h.value) for h in matcher.find(fold(text))]


def test_proclitics_on_country_names():
    m = PhraseMatcher([("بلجيكا", "BEL"), ("الكويت", "KWT")], suffixes=EXACT)
    # "between Kuwait and Belgium", "to Kuwait", "in Belgium"
    assert values(m, "بين الكويت وبلجيكا") == [("الكويت", "KWT"), ("وبلجيكا", "BEL")]
    assert values(m, "للكويت وفي بلجيكا") == [("للكويت", "KWT"), ("بلجيكا", "BEL")]


def test_article_required_when_the_name_has_it():
    m = PhraseMatcher([("الهند", "IND")], suffixes=EXACT)
    # the girl's name هند is not India
    assert values(m, "والهند") == [("والهند", "IND")]
    assert values(m, "هند") == []


def test_hamza_initial_name_is_not_an_article():
    m = PhraseMatcher([("ألماني", "DEU")], suffixes=NISBA_SUFFIXES)
    assert values(m, "وزير المالية الألماني") == [("الالماني", "DEU")]


def test_nisba_feminine_and_plural():
    m = PhraseMatcher([("بلجيكي", "BEL")], suffixes=NISBA_SUFFIXES)
    got = values(m, "نظيرته البلجيكية والمسؤولين البلجيكيين")
    assert [v for _, v in got] == ["BEL", "BEL"]
    # the accusative of an indefinite nisba: «وفدا تجاريا بلجيكيا» "a Belgian trade delegation"
    assert [v for _, v in values(m, "وفدا بلجيكيا")] == ["BEL"]


def test_suffix_pronoun_on_titles_and_longest_match():
    m = PhraseMatcher([("وزير", "office"), ("وزير الخارجية", "fm"), ("نظير", "counterpart")], suffixes=NOUN_SUFFIXES)
    assert values(m, "لنظيره") == [("لنظيره", "counterpart")]
    assert values(m, "ووزير الخارجية") == [("ووزير الخارجيه", "fm")]


def test_no_match_inside_a_longer_word():
    m = PhraseMatcher([("قطر", "QAT")], suffixes=EXACT)
    assert values(m, "قطرات المطر") == []
    assert values(m, "مقطر") == []
