"""Labels of the dashboard in Arabic (the default) and English."""
from __future__ import annotations

from starlette.requests import Request

from marsad.model import vocabulary

LABELS = {
    "ar": {
        "app": "مرصد", "tagline": "سجل الارتباطات الدبلوماسية من الأخبار العربية",
        "overview": "نظرة عامة", "events": "الأحداث", "network": "الشبكة", "search": "بحث",
        "switch": "English", "by_type_over_time": "الأحداث حسب النوع عبر الزمن", "busiest_pairs": "أكثر الثنائيات نشاطاً",
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
           "regional_international_affairs": "القضايا الإقليمية والدولية", "consular_community": "الشؤون القنصلية والجاليات",
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
