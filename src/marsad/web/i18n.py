"""Labels of the dashboard in Arabic (the default) and English."""
from __future__ import annotations

from starlette.requests import Request

from marsad.model import vocabulary

LABELS = {
    "ar": {
        "app": "مرصد", "tagline": "سجل الارتباطات الدبلوماسية من الأخبار العربية",
        "overview": "نظرة عامة", "events": "الأحداث", "network": "الشبكة", "search": "بحث",
        "switch": "English", "by_type_over_time": "الأحداث حسب النوع عبر الزمن",
        "busiest_pairs": "أكثر الثنائيات نشاطاً",
        "latest": "أحدث الأحداث", "total_events": "مجموع الأحداث", "pair": "الثنائي", "count": "العدد",
        "date": "التاريخ", "type": "النوع", "status": "الحالة", "source": "المصدر", "target": "الطرف الآخر",
        "topics": "الموضوعات", "reports": "التقارير", "articles": "مقالات", "outlets": "مصادر",
        "article_one": "مقال", "outlet_one": "مصدر",
        "country": "الدولة", "person": "الشخص", "topic": "الموضوع", "since": "من", "until": "إلى", "text": "نص",
        "filter": "تصفية", "any": "الكل", "page": "صفحة", "next": "التالي",
        "previous": "السابق", "location": "المكان", "codes": "الرموز", "reported_by": "نقلته المصادر",
        "evidence": "الأدلة في النص", "legend": "مفتاح الألوان", "trigger": "الفعل", "name": "الاسم",
        "title": "المنصب", "actor_country": "الدولة", "partners": "الشركاء", "timeline": "الخط الزمني",
        "recent": "أحداث حديثة", "aliases": "الأسماء الأخرى", "titles": "المناصب", "article": "المقال",
        "countries": "الدول", "persons": "الأشخاص", "no_results": "لا نتائج", "found": "عثر على",
        "published": "تاريخ النشر", "flags": "ملاحظات", "events_in_article": "الأحداث في المقال",
        "network_help": "اسحب للتحريك، استخدم العجلة للتكبير، وانقر على عقدة لفتح صفحتها.",
        "open_article": "فتح المقال", "feeds": "المصادر الحية", "feed": "المصدر", "last_polled": "آخر فحص",
        "errors": "أخطاء", "no_feeds": "لا توجد مصادر مراقبة بعد: marsad watch FEEDS_FILE",
        "map": "الخريطة", "upcoming": "الأحداث المزمعة", "confidence": "الثقة", "min_confidence": "الثقة ≥",
        "map_help": "لون الدولة بعدد الأحداث التي شاركت فيها؛ الخطوط لأكثر الثنائيات نشاطاً، والنقاط لأماكن الأحداث. "
                    "انقر على دولة أو نقطة لفتح صفحتها.",
        "map_focus": "لون الدولة بعدد أحداثها مع {name}.", "with_country": "مع دولة", "show": "عرض",
        "axis_note_undated": "{n} بلا تاريخ", "axis_note_outside": "{n} بتاريخ خارج المدة {first} – {last}",
        "axis_note": "لا تظهر في الرسم: {parts}.", "and": " و",
        "error": "تعذّر عرض الصفحة", "not_found": "الصفحة غير موجودة", "bad_request": "طلب غير صالح",
        "no_event": "لا يوجد حدث بالرقم {id}.", "no_actor": "لا يوجد شخص بالرقم {id}.",
        "no_article": "لا يوجد مقال بالمعرّف «{id}».", "no_country": "لا توجد دولة أو منظمة باسم «{id}».",
        "no_page": "لا توجد صفحة بهذا العنوان.", "bad_value": "قيمة غير صالحة في حقل «{field}»: «{value}».",
        "bad_country": "اكتب اسم دولة أو منظمة (مثل الكويت أو Kuwait) أو رمزها (مثل KWT)، واختر من الاقتراحات.",
        "bad_pair": "اكتب دولتين تفصل بينهما فاصلة، مثل: الكويت، بلجيكا أو KWT,BEL.",
        "bad_confidence": "اكتب عدداً من 0 إلى 1، مثل 0.5.", "bad_date": "اكتب تاريخاً بالصيغة YYYY-MM-DD.",
        "bad_since": "يجب ألا يقع تاريخ البداية بعد تاريخ النهاية.",
        "bad_other": "راجع العنوان أو ارجع إلى الصفحة السابقة.", "back_events": "العودة إلى قائمة الأحداث",
        "home": "الصفحة الرئيسية", "translit": "كتابة صوتية", "people": "الأشخاص", "in_articles": "في المقالات",
        "code_hint": "الرمز",
    },
    "en": {
        "app": "marsad", "tagline": "A record of diplomatic engagement from Arabic news",
        "overview": "Overview", "events": "Events", "network": "Network", "search": "Search",
        "switch": "العربية", "by_type_over_time": "Events by type over time", "busiest_pairs": "Busiest pairs",
        "latest": "Latest events", "total_events": "Events in all", "pair": "Pair", "count": "Count",
        "date": "Date", "type": "Type", "status": "Status", "source": "Source", "target": "Counterpart",
        "topics": "Topics", "reports": "Reports", "articles": "articles", "outlets": "outlets",
        "article_one": "article", "outlet_one": "outlet",
        "country": "Country", "person": "Person", "topic": "Topic", "since": "Since", "until": "Until", "text": "Text",
        "filter": "Filter", "any": "Any", "page": "Page", "next": "Next",
        "previous": "Previous", "location": "Place", "codes": "Codes", "reported_by": "Reported by",
        "evidence": "Evidence in the text", "legend": "Colour key", "trigger": "Trigger", "name": "Name",
        "title": "Title", "actor_country": "Country", "partners": "Partners", "timeline": "Timeline",
        "recent": "Recent events", "aliases": "Aliases", "titles": "Titles", "article": "Article",
        "countries": "Countries", "persons": "Persons", "no_results": "No results", "found": "Found",
        "published": "Published", "flags": "Flags", "events_in_article": "Events in this article",
        "network_help": "Drag to pan, scroll to zoom, click a node to open its page.",
        "open_article": "Open the article", "feeds": "Feeds", "feed": "Feed", "last_polled": "Last polled",
        "errors": "Errors", "no_feeds": "No feeds watched yet: marsad watch FEEDS_FILE",
        "map": "Map", "upcoming": "Planned events", "confidence": "Confidence", "min_confidence": "Confidence ≥",
        "map_help": "Countries are shaded by the number of events they took part in; lines join the busiest pairs, "
                    "points mark where events took place. Click a country or a point to open its page.",
        "map_focus": "Countries are shaded by their events with {name}.", "with_country": "With country",
        "show": "Show",
        "axis_note_undated": "{n} without a date", "axis_note_outside": "{n} dated outside {first} – {last}",
        "axis_note": "Not on the chart: {parts}.", "and": " and ",
        "error": "This page cannot be shown", "not_found": "Not found", "bad_request": "Bad request",
        "no_event": "There is no event number {id}.", "no_actor": "There is no person number {id}.",
        "no_article": "There is no article with the id “{id}”.",
        "no_country": "No state or organisation is called “{id}”.",
        "no_page": "There is no page at this address.",
        "bad_value": "The {field} field holds a value that cannot be used: “{value}”.",
        "bad_country": "Type the name of a state or organisation (Kuwait, الكويت) or its code (KWT), "
                       "or pick a suggestion.",
        "bad_pair": "Type two countries separated by a comma: Kuwait, Belgium or KWT,BEL.",
        "bad_confidence": "Type a number from 0 to 1, such as 0.5.", "bad_date": "Type a date as YYYY-MM-DD.",
        "bad_since": "The start date must not be after the end date.",
        "bad_other": "Check the address or go back to the previous page.", "back_events": "Back to the event list",
        "home": "Home", "translit": "transliterated", "people": "People", "in_articles": "In articles",
        "code_hint": "code",
    },
}
# Event types and statuses are named where they are defined (lexicon/data/vocabulary.tsv).
TYPE_LABELS = {lang: {t.name: t.label(lang) for t in vocabulary().types} for lang in LABELS}
STATUS_LABELS = {lang: {s.name: s.label(lang) for s in vocabulary().statuses} for lang in LABELS}
TYPE_COLOURS = {t.name: t.colour for t in vocabulary().types}
TOPIC_LABELS = {
    "ar": {"bilateral_relations": "العلاقات الثنائية", "economy_trade_investment": "الاقتصاد والتجارة والاستثمار",
           "defense_military": "الدفاع والشؤون العسكرية", "security_counterterrorism": "الأمن ومكافحة الإرهاب",
           "energy": "الطاقة", "culture_education_science": "الثقافة والتعليم والعلوم", "health": "الصحة",
           "humanitarian_aid": "المساعدات الإنسانية", "climate_environment": "المناخ والبيئة",
           "regional_international_affairs": "القضايا الإقليمية والدولية",
           "consular_community": "الشؤون القنصلية والجاليات",
           "ceremonial": "المناسبات والتهاني"},
    "en": {"bilateral_relations": "Bilateral relations", "economy_trade_investment": "Economy, trade, investment",
           "defense_military": "Defence", "security_counterterrorism": "Security, counter-terrorism",
           "energy": "Energy", "culture_education_science": "Culture, education, science", "health": "Health",
           "humanitarian_aid": "Humanitarian aid", "climate_environment": "Climate, environment",
           "regional_international_affairs": "Regional and international affairs",
           "consular_community": "Consular, communities", "ceremonial": "Ceremonial"},
}


def language(request: Request) -> str:
    """``?lang=`` first, then the ``lang`` cookie, then Arabic."""
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "ar"
    return lang if lang in LABELS else "ar"


# Arabic counted nouns: the form after a numeral depends on the number. 1 and 2 take the
# singular and the dual (حدث، حدثان), 3–10 the plural in the genitive (أحداث), 11–99 the
# singular in the accusative (حدثًا); 100, 1000 and a hundred plus 1 or 2 the singular in
# the genitive (100 حدث). Columns: singular, dual, plural, accusative singular.
NOUNS: dict[str, dict[str, tuple[str, ...]]] = {
    "ar": {"event": ("حدث", "حدثان", "أحداث", "حدثًا"), "article": ("مقال", "مقالان", "مقالات", "مقالًا"),
           "outlet": ("مصدر", "مصدران", "مصادر", "مصدرًا"), "report": ("تقرير", "تقريران", "تقارير", "تقريرًا"),
           "person": ("شخص", "شخصان", "أشخاص", "شخصًا")},
    "en": {"event": ("event", "events"), "article": ("article", "articles"), "outlet": ("outlet", "outlets"),
           "report": ("report", "reports"), "person": ("person", "people")},
}


def count_phrase(n: int, noun: str, lang: str = "ar") -> str:
    """``n`` and ``noun`` as the language says it, the numeral in Western digits.

    >>> [count_phrase(n, "event") for n in (1, 2, 3, 10, 11, 99, 100, 102, 103, 111)]
    ['1 حدث', '2 حدثان', '3 أحداث', '10 أحداث', '11 حدثًا', '99 حدثًا', '100 حدث', '102 حدث', '103 أحداث', '111 حدثًا']
    >>> count_phrase(1, "article", "en"), count_phrase(0, "article", "en")
    ('1 article', '0 articles')
    """
    forms = NOUNS[lang][noun]
    if lang != "ar":
        return f"{n} {forms[0] if n == 1 else forms[1]}"
    rest = n % 100
    if n == 1 or (n >= 100 and rest in (0, 1, 2)):
        form = forms[0]
    elif n == 2:
        form = forms[1]
    elif 11 <= rest <= 99:
        form = forms[3]
    else:  # 0, and 3–10 after any hundreds
        form = forms[2]
    return f"{n} {form}"
