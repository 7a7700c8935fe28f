"""News from outlets that are not known: a ruler named under a title with no state of its
own («أمير البلاد», «رئيس الدولة») is his own state's, and tells the outlet's state.

Every sentence was written for these tests in the style of Gulf and Levant wire copy.
The learned layer is off (``model=None``) so the rules alone are tested.
"""
from marsad import extract


def summary(text, **kw):
    ex = extract(text, published=None, model=None, **kw)
    return [(e.type, sorted(e.countries())) for e in ex.events], ex.home_country


def test_a_known_ruler_under_a_home_title_keeps_his_state_in_a_foreign_outlet():
    # "Sheikh Tamim bin Hamad Al Thani, the country's emir, sent a cable of congratulation to
    # the Lebanese president" — printed by a Saudi outlet, «أمير البلاد» is still Qatar's.
    text = "بعث الشيخ تميم بن حمد آل ثاني أمير البلاد برقية تهنئة إلى الرئيس اللبناني جوزيف عون."
    events, _ = summary(text, source="spa")
    assert events == [("MESSAGE", ["LBN", "QAT"])]


def test_an_unknown_outlet_takes_the_state_of_its_ruler_under_a_home_title():
    # "Sheikh Mohamed bin Zayed Al Nahyan, President of the State, received a phone call
    # from the French president": no source, no dateline — the page is Emirati.
    text = ("تلقى صاحب السمو الشيخ محمد بن زايد آل نهيان رئيس الدولة اتصالاً هاتفياً "
            "من الرئيس الفرنسي إيمانويل ماكرون.")
    events, home = summary(text)
    assert events == [("PHONE_CALL", ["ARE", "FRA"])]
    assert home == "ARE"


def test_a_ruling_house_name_gives_its_state_to_a_bare_office():
    # "The first deputy prime minister, Sheikh Fahd Yousef Saud Al-Sabah, received the British
    # ambassador to the country": an unknown outlet, read as Kuwaiti by the ruling house.
    text = ("استقبل النائب الأول لرئيس مجلس الوزراء الشيخ فهد يوسف سعود الصباح "
            "سفير المملكة المتحدة لدى البلاد.")
    events, home = summary(text)
    assert events == [("MEETING", ["GBR", "KWT"])]
    assert home == "KWT"


def test_morning_is_no_ruling_house_and_a_short_name_is_not_read_by_it():
    # "The minister received the Jordanian ambassador in the morning": الصباح is the morning.
    events, _ = summary("استقبل وزير الخارجية في الصباح السفير الأردني.", source="kuna")
    assert events == [("MEETING", ["JOR", "KWT"])]
    # A name of two words ending like a house is not enough to move an outlet's official.
    events, _ = summary("استقبل وزير الخارجية سالم الصباح السفير الأردني.", source="spa")
    assert events == [("MEETING", ["JOR", "SAU"])]


def test_a_dated_outlet_keeps_its_state_over_a_ruler_it_mentions():
    # A Kuwaiti agency dateline decides; the Qatari emir named as the guest stays Qatari.
    text = "الكويت - كونا - استقبل سمو أمير البلاد اليوم الشيخ تميم بن حمد آل ثاني أمير دولة قطر."
    events, home = summary(text)
    assert events == [("MEETING", ["KWT", "QAT"])]
    assert home == "KWT"


def test_talks_in_a_phone_call_are_the_call():
    # "King Hamad discussed with President Trump in a phone call the bilateral relations."
    events, _ = summary("بحث الملك حمد بن عيسى آل خليفة مع الرئيس الأمريكي دونالد ترامب "
                        "في اتصال هاتفي العلاقات الثنائية.")
    assert events == [("PHONE_CALL", ["BHR", "USA"])]
    # Talks in a city are a meeting, and a minister quoted «في اتصال هاتفي» with a paper
    # reports no call.
    events, _ = summary("بحث وزير الخارجية مع نظيره الأردني في عمان اليوم العلاقات الثنائية.", source="spa")
    assert events == [("MEETING", ["JOR", "SAU"])]
    events, _ = summary("وقال وزير الخارجية في اتصال هاتفي مع الصحيفة إن العلاقات متينة.", source="spa")
    assert events == []
