"""Sanity checks on ``topics.tsv``, the topic cue lexicon.

The file is read with a tiny local parser and matched with the engine's own matcher built the
way ``marsad.lexicon`` builds it (prefix cues, ``=`` whole-word cues with noun suffixes), so
these tests do not depend on the other lexicon files.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from marsad.model import TOPICS as MODEL_TOPICS
from marsad.text.clitics import NOUN_SUFFIXES
from marsad.text.matcher import PhraseMatcher, select_longest
from marsad.text.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
TOPICS_TSV = ROOT / "src" / "marsad" / "lexicon" / "data" / "topics.tsv"
GUIDE = ROOT.parent / "shared" / "eval" / "GUIDE.md"

# The closed list of eval/GUIDE.md ("topics: what the parties discussed or agreed on").
TOPICS = set(MODEL_TOPICS)

# Cues (matcher keys) deliberately listed under more than one topic. Empty on purpose: two
# topics on the same key give two hits on the same span, and the longest-first selection keeps
# only one of them, so the second topic would silently never fire.
ALLOWED_OVERLAPS: dict[str, set[str]] = {}


def read_rows() -> list[tuple[str, str]]:
    rows = []
    for line in TOPICS_TSV.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        assert len(cells) == 2, f"topics.tsv: expected `topic<TAB>cue`, got {line!r}"
        rows.append((cells[0], cells[1]))
    return rows


def key(cue: str) -> str:
    """How the matcher indexes a cue: folded, spaces normalised, written article removed."""
    body = cue.rstrip("=")
    k = " ".join(fold(body).split())
    return k[2:] if body.lstrip().startswith("ال") and len(k) > 3 else k


@pytest.fixture(scope="module")
def rows() -> list[tuple[str, str]]:
    return read_rows()


@pytest.fixture(scope="module")
def topics_of():
    """Topics the engine would give a folded text: the topic_prefixes/topic_words pair."""
    rows = read_rows()
    prefix = PhraseMatcher([(c, t) for t, c in rows if not c.endswith("=")], suffixes=None)
    words = PhraseMatcher([(c.rstrip("="), t) for t, c in rows if c.endswith("=")], suffixes=NOUN_SUFFIXES)

    def find(text: str) -> set[str]:
        folded = fold(text)
        hits = prefix.find(folded, longest=False) + words.find(folded, longest=False)
        return {h.value for h in select_longest(hits)}

    return find


def test_guide_lists_the_same_topics():
    if not GUIDE.is_file():
        pytest.skip("eval/GUIDE.md not available next to the repository")
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("`topics`"):]
    listed = set(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M))
    assert listed == TOPICS


def test_every_topic_is_known(rows):
    unknown = {t for t, _ in rows} - TOPICS
    assert not unknown, f"topics not in GUIDE.md: {unknown}"


def test_every_topic_has_enough_cues(rows):
    count = Counter(t for t, _ in rows)
    thin = {t: count[t] for t in TOPICS if count[t] < 15}
    assert not thin, f"topics with fewer than 15 cues: {thin}"


def test_cues_are_well_formed(rows):
    for topic, cue in rows:
        assert cue, f"empty cue under {topic}"
        assert cue == cue.strip() and "  " not in cue, f"stray spaces in {cue!r}"
        assert cue.count("=") <= 1 and (("=" not in cue) or cue.endswith("=")), f"bad `=` in {cue!r}"
        assert "|" not in cue, f"one cue per row, no `|` variants: {cue!r}"
        assert len(key(cue)) >= 3, f"cue too short to be safe: {cue!r}"


def test_no_duplicate_rows(rows):
    dup = [k for k, n in Counter((t, fold(c)) for t, c in rows).items() if n > 1]
    assert not dup, f"duplicate (topic, folded cue) rows: {dup}"


def test_no_cue_under_two_topics(rows):
    by_key: dict[str, set[str]] = defaultdict(set)
    for topic, cue in rows:
        by_key[key(cue)].add(topic)
    clashes = {k: ts for k, ts in by_key.items() if len(ts) > 1 and ts != ALLOWED_OVERLAPS.get(k)}
    assert not clashes, f"cues under several topics: {clashes}"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("الإرهاب", "security_counterterrorism"),
        ("وأكد الجانبان أهمية التعاون في مكافحة الإرهاب والتطرف", "security_counterterrorism"),
        ("الاستثمار", "economy_trade_investment"),
        ("وبحث الجانبان فرص الاستثمارات المشتركة والتبادل التجاري", "economy_trade_investment"),
        ("تهنئة", "ceremonial"),
        ("بعث خادم الحرمين الشريفين برقية تهنئة بمناسبة ذكرى اليوم الوطني لبلاده", "ceremonial"),
        ("وعبر عن عزائه ومواساته لأسر الشهداء", "ceremonial"),
        ("وجرى خلال الاستقبال استعراض العلاقات الثنائية بين البلدين", "bilateral_relations"),
        ("كما جرى خلال الاستقبال بحث القضايا الإقليمية والدولية ذات الاهتمام المشترك", "regional_international_affairs"),
        ("استعراض روابط التعاون الثنائي بين البلدين وخاصة في المجالات العسكرية", "defense_military"),
        ("إيصال المساعدات الإغاثية والإنسانية خلال الهدنة الإنسانية", "humanitarian_aid"),
        ("مناقشة أوضاع الطلاب السعوديين المبتعثين", "consular_community"),
        ("التعاون في مجال الطاقة المتجددة والهيدروجين الأخضر", "energy"),
        ("جهود مكافحة جائحة كورونا (كوفيد-19) وتوزيع اللقاحات", "health"),
        ("التعاون في مواجهة التغير المناخي وخفض الانبعاثات قبل مؤتمر COP28", "climate_environment"),
        ("التعاون في مجالات التعليم والبحث العلمي والذكاء الاصطناعي", "culture_education_science"),
        ("بحث الأوضاع في غزة والتصعيد في البحر الأحمر", "regional_international_affairs"),
        ("تعزيز التعاون في مجال الأمن السيبراني", "security_counterterrorism"),
    ],
)
def test_spot_checks(topics_of, text, topic):
    assert topic in topics_of(text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the good wishes that close every cable are not a health topic
        ("أصدق التهاني وأطيب التمنيات بالصحة والسعادة لفخامته", "health"),
        # a newspaper is not health (صحي), experiments are not trade (تجار)
        ("وقال في تصريح لصحيفة الشرق الأوسط", "health"),
        ("تبادل التجارب والخبرات", "economy_trade_investment"),
        # تعزيز (strengthening) is not تعزية (condolence)
        ("تعزيز العلاقات بين البلدين", "ceremonial"),
        # the Crown Prince's title is not what was discussed
        ("ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع", "defense_military"),
        # a card (بطاقة) is not energy (طاقة)
        ("بطاقة الهوية الوطنية", "energy"),
        # liquidity (السيولة) is not a flood relief topic
        ("نقص السيولة لدى المستثمرين", "humanitarian_aid"),
        # the maximum (الحد الأقصى) is not al-Aqsa
        ("الحد الأقصى للمبلغ", "regional_international_affairs"),
        # Dhu al-Hijja in a date line is not the pilgrimage
        ("في العاشر من ذي الحجة", "consular_community"),
    ],
)
def test_known_false_friends_stay_silent(topics_of, text, topic):
    assert topic not in topics_of(text)


def test_longer_cue_redirects_shorter(topics_of):
    # الأمن الغذائي / الأمن السيبراني: the phrase decides, not a bare أمن
    assert topics_of("انعدام الأمن الغذائي") == {"humanitarian_aid"}
    assert topics_of("الصناعات العسكرية") == {"defense_military"}
    assert topics_of("الهدنة الإنسانية") == {"humanitarian_aid"}
