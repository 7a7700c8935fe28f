"""Date recognition: relative words, weekdays, Gregorian/Hijri/numeric dates, offsets, speed."""
from __future__ import annotations

import datetime
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.recognize.dates import (
    DateMention,
    find_dates,
    month_names,
    nearest_year,
    resolve_weekday,
    weekday_names,
)
from marsad.text.normalize import normalize

D = datetime.date
FRI = D(2015, 8, 7)  # a Friday, the day after the Thursday of many examples


def dates_in(original: str, published: D | None) -> list[tuple[str, D | None, str]]:
    """(original substring, value, kind) of every date found, mapped back through to_original."""
    n = normalize(original)
    out = []
    for m in find_dates(n.text, published):
        start, end = n.to_original(m.start, m.end)
        out.append((original[start:end], m.value, m.kind))
    return out


# --- relative words -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "تلقى خادم الحرمين الشريفين اتصالا هاتفيا اليوم من الملك حمد بن عيسى",
            FRI,
            [("اليوم", FRI, "relative")],
        ),
        (
            "استقبل وزير الخارجية مساء أول من أمس سفير جمهورية كوريا",
            FRI,
            [("مساء أول من أمس", D(2015, 8, 5), "relative")],
        ),
        (
            "أجرى خادم الحرمين الشريفين اتصالا هاتفيا أمس الأول، بفخامة الرئيس",
            D(2015, 8, 2),
            [("أمس الأول", D(2015, 7, 31), "relative")],
        ),
        (
            "وأكد البيان الختامي للاجتماع الذي عقد أمس الخميس في القاهرة",
            FRI,
            [("أمس الخميس", D(2015, 8, 6), "relative")],
        ),
        (
            "التقى مساعد وزير الخارجية، ظهر أمس، بفرع الوزارة بمكة المكرمة",
            FRI,
            [("ظهر أمس", D(2015, 8, 6), "relative")],
        ),
        (
            "وأمس استقبل الرئيس اللبناني السفير السعودي",
            FRI,
            [("أمس", D(2015, 8, 6), "relative")],
        ),
        (
            "كان الوزير قد التقى يوم أمس نظيره القطري",
            FRI,
            [("يوم أمس", D(2015, 8, 6), "relative")],
        ),
        (
            "وصل الرئيس الفرنسي إلى الرياض الليلة الماضية في زيارة رسمية",
            FRI,
            [("الليلة الماضية", D(2015, 8, 6), "relative")],
        ),
        (
            "يستقبل ولي العهد غداً وزير الخارجية الأمريكي",
            FRI,
            [("غداً", D(2015, 8, 8), "relative")],
        ),
        (
            "تبدأ المباحثات بعد غد في موسكو",
            FRI,
            [("بعد غد", D(2015, 8, 9), "relative")],
        ),
        (
            "يلتقي وزير الخارجية السعودي نظيره الروسي في موسكو اليوم الثلاثاء",
            D(2015, 8, 11),
            [("اليوم الثلاثاء", D(2015, 8, 11), "relative")],
        ),
        (
            "وقال الأمين العام في بيان له اليوم (الاثنين)، إن",
            D(2015, 8, 10),
            [("اليوم (الاثنين)", D(2015, 8, 10), "relative")],
        ),
    ],
)
def test_relative(sentence, published, expected):
    assert dates_in(sentence, published) == expected


def test_today_with_weekday_in_a_paper_dated_the_next_day():
    # written on Thursday, published Friday: اليوم الخميس is the Thursday
    found = dates_in("أعلن المتحدث اليوم الخميس", FRI)
    assert found == [("اليوم الخميس", D(2015, 8, 6), "relative")]


def test_relative_without_publication_date_is_reported_unresolved():
    assert dates_in("وقال الوزير اليوم الخميس إن", None) == [("اليوم الخميس", None, "relative")]
    assert dates_in("غادر الرياض أمس", None) == [("أمس", None, "relative")]


@pytest.mark.parametrize(
    "sentence",
    [
        "عين اليوم – طنجة تلقى خادم الحرمين الشريفين",  # outlet name in the dateline
        "وقال رئيس التحرير لصحيفة اليوم إن",
        "بعث برقية تهنئة بمناسبة ذكرى اليوم الوطني لبلاده",  # national day
        "وعاد الوفد إلى الرياض في اليوم التالي",  # the next day
        "سمح للمودعين بصرف 60 يورو في اليوم",  # per day
        "وقال لـ«اليوم» إن المشروع",  # the newspaper, quoted
        "اليمن في أمس الحاجة إلى الدعم",  # "most in need of"
        "كانت العلاقات بين الاثنين متوترة",  # "the two"
        "شارك الأحد عشر لاعبا",  # eleven
        "لبناء جيل الغد",  # "tomorrow's generation"
    ],
)
def test_non_date_uses_of_date_words(sentence):
    assert dates_in(sentence, FRI) == []


# --- weekdays ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("التقى الاثنان في ماليزيا يوم الجمعة", D(2015, 8, 7)),
        ("والتقى الاثنان في ماليزيا يوم الخميس", D(2015, 8, 6)),
        ("كما التقى الوزير الخميس الماضي بنظيره", D(2015, 8, 6)),  # strictly before publication
        ("وفي الجمعة الماضية أدى الصلاة", D(2015, 7, 31)),
        ("تعقد القمة يوم الخميس المقبل في الدوحة", D(2015, 8, 13)),
        ("يصل الوفد الأحد القادم", D(2015, 8, 9)),
    ],
)
def test_weekdays(sentence, expected):
    [(_, value, kind)] = dates_in(sentence, FRI)
    assert (value, kind) == (expected, "relative")


def test_resolve_weekday():
    thursday = D(2015, 8, 6)
    assert resolve_weekday(thursday, 3, None) == thursday
    assert resolve_weekday(thursday, 3, "past") == D(2015, 7, 30)
    assert resolve_weekday(thursday, 3, "future") == D(2015, 8, 13)


# --- absolute dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("وصل الوفد يوم 23 يوليو 2015 إلى الكويت", None, [("23 يوليو 2015", D(2015, 7, 23))]),
        ("في 23 تموز/يوليو 2015", None, [("23 تموز/يوليو 2015", D(2015, 7, 23))]),
        ("في 18 تموز (يوليو) 2015", None, [("18 تموز (يوليو) 2015", D(2015, 7, 18))]),
        ("في موسكو اليوم الثلاثاء (11 أغسطس آب)", D(2015, 8, 11),
         [("اليوم الثلاثاء", D(2015, 8, 11)), ("11 أغسطس آب", D(2015, 8, 11))]),
        ("الخميس 23 يوليو 2015م", None, [("الخميس 23 يوليو 2015م", D(2015, 7, 23))]),
        ("وقع الاتفاق في 23 جويلية 2015 بتونس", None, [("23 جويلية 2015", D(2015, 7, 23))]),
        ("في 23 تموز 2015 ببيروت", None, [("23 تموز 2015", D(2015, 7, 23))]),
        ("الرباط في 14 غشت 2015", None, [("14 غشت 2015", D(2015, 8, 14))]),
        ("يوم 5 دجنبر 2015", None, [("5 دجنبر 2015", D(2015, 12, 5))]),
        ("بتاريخ 23/7/2015", None, [("23/7/2015", D(2015, 7, 23))]),
        ("الموافق 2015/7/23م", None, [("2015/7/23م", D(2015, 7, 23))]),
        ("في 23-07-2015 عقد", None, [("23-07-2015", D(2015, 7, 23))]),
        ("في 23.7.2015 عقد", None, [("23.7.2015", D(2015, 7, 23))]),
        ("بتاريخ 1436/10/7هـ", None, [("1436/10/7هـ", D(2015, 7, 23))]),
    ],
)
def test_absolute(sentence, published, expected):
    assert [(s, v) for s, v, _ in dates_in(sentence, published)] == expected
    assert {k for _, _, k in dates_in(sentence, None) if k != "relative"} <= {"absolute"}


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("اجتمع الطرفان في 23 يوليو", FRI, D(2015, 7, 23)),
        ("منذ 28 ديسمبر", D(2015, 1, 4), D(2014, 12, 28)),  # previous year
        ("يعقد الاجتماع في 5 يناير", D(2015, 12, 20), D(2016, 1, 5)),  # next year
        ("الاجتماع المقبل لوزراء الدفاع العرب في 27 أغسطس الجاري", D(2015, 8, 1), D(2015, 8, 27)),
        ("يبدأ العمل في 1 أغسطس الجاري", FRI, D(2015, 8, 1)),
        ("زار بوتين مصر في 9 فبراير الماضي", D(2015, 8, 8), D(2015, 2, 9)),
        ("المباراة يوم 6 سبتمبر المقبل", D(2015, 8, 6), D(2015, 9, 6)),
        ("في 23 يوليو من العام الماضي", FRI, D(2014, 7, 23)),
    ],
)
def test_gregorian_without_year(sentence, published, expected):
    [(_, value, kind)] = dates_in(sentence, published)
    assert (value, kind) == (expected, "absolute")


def test_yearless_date_without_publication_is_unresolved():
    assert dates_in("في 23 يوليو", None) == [("23 يوليو", None, "absolute")]


def test_month_without_day_is_not_a_date():
    assert dates_in("خلال شهر يوليو الجاري", FRI) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("7 شوال 1436هـ", D(2015, 7, 23)),
        ("7 شوال 1436 هـ", D(2015, 7, 23)),
        ("٧ شوال ١٤٣٦هـ", D(2015, 7, 23)),  # Arabic-Indic digits, folded by normalize()
        ("26 ذو القعدة 1436هـ", D(2015, 9, 10)),
        ("1 ذي الحجة 1436هـ", D(2015, 9, 14)),
        ("15 ربيع الأول 1437هـ", D(2015, 12, 26)),
        ("1 جمادى الآخرة 1436هـ", D(2015, 3, 21)),
    ],
)
def test_hijri(sentence, expected):
    assert dates_in(sentence, None) == [(sentence, expected, "absolute")]


def test_hijri_without_year_takes_the_publication_year():
    # 2015-08-07 is 22 Shawwal 1436
    assert dates_in("منذ 15 شوال الجاري", FRI) == [("15 شوال الجاري", D(2015, 7, 31), "absolute")]
    assert dates_in("في 7 شوال", FRI) == [("7 شوال", D(2015, 7, 23), "absolute")]


def test_impossible_hijri_day_is_unresolved():
    # Ramadan 1436 has 29 days in Umm al-Qura
    assert dates_in("30 رمضان 1436هـ", None) == [("30 رمضان 1436هـ", None, "absolute")]


def test_combined_hijri_and_gregorian_dateline():
    text = "الرياض الخميس 7 شوال 1436هـ الموافق 23 يوليو 2015م واس اجتمع"
    assert dates_in(text, None) == [
        ("الخميس 7 شوال 1436هـ", D(2015, 7, 23), "absolute"),
        ("23 يوليو 2015م", D(2015, 7, 23), "absolute"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "وفقا لقرار مجلس الأمن الدولي 2216",
        "في عام 2015 بلغت الصادرات",
        "ارتفع المؤشر 1.2 نقطة إلى 7.3",
        "قتل 23 شخصا وأصيب 40",
    ],
)
def test_numbers_that_are_not_dates(sentence):
    assert dates_in(sentence, FRI) == []


# --- data and helpers -------------------------------------------------------------------


def test_month_and_weekday_data():
    months = month_names()
    assert {m for cal, m in months.values() if cal == "gregorian"} == set(range(1, 13))
    assert {m for cal, m in months.values() if cal == "hijri"} == set(range(1, 13))
    assert months["تشرين الاول"] == ("gregorian", 10)
    assert months["جمادي الاخره"] == ("hijri", 6)
    assert sorted(set(weekday_names().values())) == list(range(7))


def test_nearest_year_prefers_the_recent_past():
    assert nearest_year(lambda y: D(y, 7, 23), 2015, FRI) == D(2015, 7, 23)
    assert nearest_year(lambda y: D(y, 9, 20), 2015, FRI) == D(2015, 9, 20)  # 6 weeks ahead
    assert nearest_year(lambda y: D(y, 11, 20), 2015, FRI) == D(2014, 11, 20)  # 3+ months ahead


# --- properties and speed ---------------------------------------------------------------

_PIECES = [
    "اليوم", "أمس", "غداً", "الخميس", "الاثنين", "مساء", "يوم", "أول من", "الماضي", "المقبل",
    "يوليو", "تموز", "شوال", "ذو القعدة", "هـ", "م", "الجاري", "من العام", "الموافق",
    "/", "-", ".", "(", ")", "«", "»", "،", " ", "\n", "و", "عين",
]
_TEXT = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.integers(0, 3000).map(str), st.text(max_size=4)),
    max_size=25,
).map(lambda parts: " ".join(parts))


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, published=st.one_of(st.none(), st.dates()))
def test_find_dates_never_raises_and_spans_are_sane(text, published):
    folded = normalize(text).text
    mentions = find_dates(folded, published)
    previous_end = 0
    for m in mentions:
        assert isinstance(m, DateMention)
        assert previous_end <= m.start < m.end <= len(folded)
        assert m.kind in {"absolute", "relative"}
        assert m.value is None or isinstance(m.value, D)
        previous_end = m.end


def test_speed_on_a_2000_character_article():
    article = (
        "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس التقى وزير الخارجية عادل الجبير "
        "في الرياض اليوم، نظيره الروسي سيرجي لافروف، وبحث معه العلاقات الثنائية، بعد أن "
        "أجرى أمس الأول اتصالا هاتفيا بوزير خارجية مصر. وكان الجانبان قد وقعا في 23 يوليو "
        "الماضي اتفاقية للتعاون في مجالات الطاقة والاستثمار بقيمة 10 مليارات دولار، وتعقد "
        "اللجنة المشتركة اجتماعها المقبل يوم الخميس المقبل في موسكو. "
    )
    text = normalize((article * 6)[:2000]).text
    runs = 200
    start = time.perf_counter()
    for _ in range(runs):
        find_dates(text, D(2015, 8, 11))
    per_call = (time.perf_counter() - start) / runs
    assert per_call < 0.005  # ~0.2-0.3 ms measured; loose bound for slow CI machines


def test_a_day_of_this_last_or_next_month():
    # "on the 12th of this month", "on the 20th of last month", "the 3rd of next month"
    published = D(2015, 8, 9)
    assert dates_in("يلتقي الوزير نظيره في 12 الشهر الجاري", published) == [
        ("12 الشهر الجاري", D(2015, 8, 12), "relative")]
    assert dates_in("وصل في 20 من الشهر الماضي", published) == [("20 من الشهر الماضي", D(2015, 7, 20), "relative")]
    assert dates_in("يعقد في 3 الشهر المقبل", D(2015, 12, 9)) == [("3 الشهر المقبل", D(2016, 1, 3), "relative")]
    assert dates_in("في 31 الشهر المقبل", published) == []  # there is no 31 September
    assert dates_in("في 12 الشهر الجاري", None) == [("12 الشهر الجاري", None, "relative")]
