"""The actor and event grammar on the constructions Arabic news uses (one rule each)."""
import pytest

import marsad


def run(text, title="", published="2015-08-01", source="alriyadh"):
    return marsad.extract(text, title=title, published=published, source=source)


def events(ex):
    return [
        (e.type, e.status, [(a.role, a.name, a.country) for a in e.actors])
        for e in ex.events
    ]


def test_regnal_ordinal_stays_in_the_name():
    ex = run("تلقى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز اتصالا هاتفيا من الملك "
             "عبدالله الثاني بن الحسين ملك المملكة الأردنية الهاشمية.")
    assert events(ex) == [("PHONE_CALL", "occurred", [
        ("source", "عبدالله الثاني بن الحسين", "JOR"),
        ("target", "سلمان بن عبدالعزيز", "SAU"),
    ])]


def test_organisation_name_runs_to_its_nisba():
    ex = run("استقبل ولي العهد في جدة أمس رئيس حزب القوات اللبنانية سمير جعجع.")
    (event,) = ex.events
    guest = event.actors[1]
    assert (guest.name, guest.title, guest.country) == ("سمير جعجع", "رئيس حزب القوات اللبنانية", "LBN")


def test_bare_rank_takes_country_from_the_full_mention():
    text = ("التقى وزير الخارجية عادل الجبير وزير الخارجية المصري سامح شكري. "
            "ثم بعث الرئيس السيسي برقية تهنئة لخادم الحرمين الشريفين. "
            "وكان الرئيس المصري عبدالفتاح السيسي قد أشاد بالعلاقات.")
    ex = run(text)
    message = [e for e in ex.events if e.type == "MESSAGE"][0]
    sender = message.actors[0]
    assert (sender.name, sender.country) == ("عبدالفتاح السيسي", "EGY")


def test_back_reference_gets_the_full_name():
    text = ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز وزير الخارجية الروسي سيرجي لافروف. "
            "وبعث خادم الحرمين الشريفين برقية للافروف.")
    ex = run(text)
    assert ex.events[0].actors[1].name == "سيرجي لافروف"


def test_dual_verb_after_a_coordinated_pair():
    ex = run("الدكتور أبوبكر ورئيس مندوبية الاتحاد الأوروبي يناقشان التطورات الإنسانية في اليمن",
             title="", source="alriyadh")
    assert events(ex) == [("MEETING", "occurred", [
        ("source", "أبوبكر", "SAU"), ("target", None, "EUR"),
    ])]


def test_a_bare_name_has_no_country_of_its_own():
    # "The journalist Nihal Kamal said she received a call from President al-Sisi": a
    # private person named without title, rank or state is not the outlet's official.
    ex = run("وقالت الإعلامية نهال كمال إنها تلقت اتصالاً هاتفياً من الرئيس عبد الفتاح السيسي للاطمئنان "
             "على صحة زوجها.", source="alriyadh")
    assert ex.events == []


def test_known_office_holder_named_without_a_state():
    ex = marsad.extract("تلقى الرئيس عبد الفتاح السيسي اتصالاً هاتفياً من الرئيس الأمريكي دونالد ترامب.")
    assert events(ex) == [("PHONE_CALL", "occurred", [("source", "دونالد ترامب", "USA"),
                                                      ("target", "عبد الفتاح السيسي", "EGY")])]


def test_pair_under_one_dual_title():
    ex = run("جرى اتصال هاتفي بين الرئيسين التركي رجب طيب أردوغان والأمريكي باراك أوباما.")
    assert events(ex) == [("PHONE_CALL", "occurred", [
        ("source", "رجب طيب أردوغان", "TUR"), ("target", "باراك أوباما", "USA"),
    ])]


def test_city_is_a_destination_not_an_actor():
    ex = run("وصل وزير الخارجية الإيراني محمد جواد ظريف إلى جدة في زيارة رسمية.")
    assert events(ex) == [("VISIT", "occurred", [
        ("source", "محمد جواد ظريف", "IRN"), ("target", None, "SAU"),
    ])]
    assert run("وأكد أن مدينة عدن تستقبل المساعدات الإنسانية من الدول الشقيقة.").events == []


def test_passive_frame_and_phone_interview_are_not_new_events():
    text = ("استقبل وزير الدفاع سفير تركيا. وجرى خلال الاستقبال بحث التعاون مع الجانب التركي. "
            "وقال وزير الداخلية اليمني في اتصال هاتفي إن الأوضاع في عدن مستقرة.")
    assert [e.type for e in run(text).events] == ["MEETING"]


def test_look_alike_nouns_are_not_triggers():
    # وزارة is not و + زار + ة ("and visited her"), تهنئة is not تهنئ + ه.
    text = "أكد الناطق باسم وزارة الخارجية المصرية السفير بدر عبدالعاطي أن الزيارات مستمرة."
    assert run(text).events == []


def test_second_office_after_a_nisba_is_a_second_person():
    ex = run("استقبل وزير الدفاع الكويتي سفير لبنان.", source=None)
    assert events(ex) == [("MEETING", "occurred", [("source", None, "KWT"), ("target", None, "LBN")])]


def test_refer_back_sentence_takes_the_previous_subject():
    text = ("أشاد خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز بالعلاقات بين البلدين. "
            "جاء ذلك في برقية تهنئة لفخامة الرئيس عبدالفتاح السيسي رئيس جمهورية مصر العربية.")
    assert events(run(text)) == [("MESSAGE", "occurred", [
        ("source", "سلمان بن عبدالعزيز", "SAU"), ("target", "عبدالفتاح السيسي", "EGY"),
    ])]


def test_location_in_the_following_sentence():
    text = ("عقد وزير الدفاع الكويتي اجتماعا مع سفير لبنان. "
            "جرت هذه اللقاءات في مقر وزارة الدفاع.")
    (event,) = run(text, source=None).events
    assert event.location == "مقر وزارة الدفاع"
    assert event.location_span.text == "مقر وزارة الدفاع"


def test_several_cable_senders_are_several_events():
    ex = run("بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز وسمو ولي العهد الأمير محمد بن نايف "
             "برقيتي تهنئة لجلالة السلطان قابوس بن سعيد سلطان عمان بمناسبة ذكرى يوم النهضة.")
    assert events(ex) == [
        ("MESSAGE", "occurred", [("source", "سلمان بن عبدالعزيز", "SAU"), ("target", "قابوس بن سعيد", "OMN")]),
        ("MESSAGE", "occurred", [("source", "محمد بن نايف", "SAU"), ("target", "قابوس بن سعيد", "OMN")]),
    ]
    assert {e.subtype for e in ex.events} == {"congratulation"}


# Wire copy from outlets across the Arab world: the dateline's agency gives the home state,
# and each court's style of address, office and ruler rank must be read.
OTHER_OUTLETS = [
    ("الكويت - 5 - 3 (كونا) -- استقبل سمو أمير البلاد الشيخ مشعل الأحمد الجابر الصباح في قصر بيان "
     "اليوم وزير خارجية المملكة المتحدة ديفيد لامي والوفد المرافق له.",
     "KWT", ("MEETING", "occurred", [("source", "مشعل الأحمد الجابر الصباح", "KWT"),
                                     ("target", "ديفيد لامي", "GBR")])),
    ("أبوظبي - وام: تلقى صاحب السمو الشيخ محمد بن زايد آل نهيان رئيس الدولة اتصالاً هاتفياً من "
     "فخامة الرئيس إيمانويل ماكرون رئيس الجمهورية الفرنسية تناول العلاقات الثنائية.",
     "ARE", ("PHONE_CALL", "occurred", [("source", "إيمانويل ماكرون", "FRA"),
                                        ("target", "محمد بن زايد آل نهيان", "ARE")])),
    ("الدوحة - قنا: بعث حضرة صاحب السمو الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى برقية تهنئة "
     "إلى فخامة الرئيس عبدالمجيد تبون رئيس الجمهورية الجزائرية بمناسبة ذكرى الاستقلال.",
     "QAT", ("MESSAGE", "occurred", [("source", "تميم بن حمد آل ثاني", "QAT"),
                                     ("target", "عبدالمجيد تبون", "DZA")])),
    ("القاهرة (أ ش أ): استقبل الرئيس عبد الفتاح السيسي اليوم أنتوني بلينكن وزير الخارجية الأمريكي، "
     "بحضور الدكتور مصطفى مدبولي رئيس مجلس الوزراء.",
     "EGY", ("MEETING", "occurred", [("source", "عبد الفتاح السيسي", "EGY"),
                                     ("target", "أنتوني بلينكن", "USA")])),
    ("الرباط - (و م ع): أجرى وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج ناصر "
     "بوريطة، اليوم الثلاثاء بالرباط، مباحثات مع نظيره الموريتاني محمد سالم ولد مرزوك.",
     "MAR", ("MEETING", "occurred", [("source", "ناصر بوريطة", "MAR"),
                                     ("target", "محمد سالم ولد مرزوك", "MRT")])),
    ("عمّان - بترا: التقى جلالة الملك عبدالله الثاني، في قصر الحسينية اليوم الأحد، الرئيس الفلسطيني "
     "محمود عباس، وبحث اللقاء آخر المستجدات.",
     "JOR", ("MEETING", "occurred", [("source", "عبدالله الثاني", "JOR"),
                                     ("target", "محمود عباس", "PSE")])),
]


@pytest.mark.parametrize("text, home, expected", OTHER_OUTLETS)
def test_other_outlets_undated(text, home, expected):
    ex = marsad.extract(text)
    assert ex.home_country == home
    assert "no_published_date" in ex.flags
    assert events(ex) == [expected]


def test_future_time_word_after_the_trigger_makes_it_planned():
    ex = marsad.extract("يزور وزير الخارجية التركي هاكان فيدان بغداد الأسبوع المقبل لبحث ملف المياه.")
    assert events(ex) == [("VISIT", "planned", [("source", "هاكان فيدان", "TUR"), ("target", None, "IRQ")])]


DATELINES = [
    ("بغداد - استقبل رئيس مجلس الوزراء محمد شياع السوداني، اليوم الاثنين، السفيرة الأمريكية لدى العراق "
     "ألينا رومانوسكي.", "IRQ"),
    ("نواكشوط - استقبل رئيس الجمهورية محمد ولد الشيخ الغزواني اليوم بالقصر الرئاسي سفير المملكة المغربية "
     "حميد شبار.", "MRT"),
    ("الكويت - بعث حضرة صاحب السمو أمير البلاد الشيخ مشعل الأحمد الجابر الصباح ببرقية تعزية إلى خادم "
     "الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود.", "KWT"),
]


@pytest.mark.parametrize("text, home", DATELINES)
def test_dateline_city_gives_the_home_country_and_is_not_a_party(text, home):
    ex = marsad.extract(text)
    assert ex.home_country == home
    (event,) = ex.events
    assert event.actors[0].country == home and event.actors[0].name is not None


def test_envoy_sent_to_a_state_represents_his_own():
    ex = marsad.extract("بورتسودان (سونا) - التقى رئيس مجلس السيادة الانتقالي الفريق أول ركن عبد الفتاح البرهان "
                        "اليوم المبعوث الأمريكي الخاص للسودان توم بيرييلو.")
    assert events(ex) == [("MEETING", "occurred", [("source", "عبد الفتاح البرهان", "SDN"),
                                                   ("target", "توم بيرييلو", "USA")])]


def test_blessing_after_a_ruler_is_not_part_of_his_name():
    ex = marsad.extract("مسقط (العمانية) - بعث حضرة صاحب الجلالة السلطان هيثم بن طارق المعظم برقية تهنئة إلى "
                        "فخامة الرئيس إيمانويل ماكرون رئيس الجمهورية الفرنسية.")
    assert [a.name for a in ex.events[0].actors] == ["هيثم بن طارق", "إيمانويل ماكرون"]


def test_a_date_far_along_the_sentence_belongs_to_another_clause():
    # "Al-Arabi considered that the Cairo talks between President al-Sisi and the deputy
    # crown prince ... and the agreement on the joint Arab force, whose chiefs of staff meet
    # on 27 August, ...": the 27 August date is the staff meeting's, not the talks'.
    ex = marsad.extract(
        "كما اعتبر العربي أن مباحثات القاهرة بين فخامة الرئيس عبدالفتاح السيسي وصاحب السمو الملكي ولي ولي "
        "العهد والاتفاق على إقرار القوة العربية المشتركة من شأنه أن ينعكس إيجابيا على الأجواء العربية وأن يعزز "
        "العمل العربي المشترك في مواجهة التحديات الراهنة التي تواجه المنطقة، على أن يعقد اجتماع رؤساء الأركان "
        "في السابع والعشرين من أغسطس الجاري.",
        source="alriyadh", published="2015-08-01")
    (event,) = [e for e in ex.events if e.type == "MEETING"][:1]
    assert (event.status, event.date) == ("occurred", None)


def test_a_similar_cable_goes_to_the_previous_addressee():
    text = ("بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة لفخامة الرئيس عبدالله يامين "
            "رئيس جمهورية المالديف بمناسبة ذكرى استقلال بلاده. "
            "وبعث نائب خادم الحرمين الشريفين الأمير محمد بن نايف بن عبدالعزيز برقية تهنئة مماثلة.")
    assert events(run(text)) == [
        ("MESSAGE", "occurred", [("source", "سلمان بن عبدالعزيز آل سعود", "SAU"), ("target", "عبدالله يامين", "MDV")]),
        ("MESSAGE", "occurred", [("source", "محمد بن نايف بن عبدالعزيز", "SAU"), ("target", "عبدالله يامين", "MDV")]),
    ]


def test_two_unnamed_office_holders_send_two_cables():
    text = ("بعث خادم الحرمين الشريفين وسمو ولي العهد برقيتي تهنئة لجلالة السلطان قابوس بن سعيد سلطان عمان "
            "بمناسبة ذكرى يوم النهضة.")
    assert [(e.actors[0].title, e.actors[1].name) for e in run(text).events] == [
        ("خادم الحرمين الشريفين", "قابوس بن سعيد"), ("ولي العهد", "قابوس بن سعيد")]


def test_speech_verb_continues_the_subject_of_the_sentence_before():
    text = ("يسعى الرئيس الإيراني حسن روحاني إلى التظاهر بالانفتاح على المنطقة. "
            "وقال عقب اتصال هاتفي مع أمير قطر الشيخ تميم بن حمد آل ثاني إن الاتفاق سيقود إلى علاقات أوثق.")
    assert events(run(text, source="aawsat")) == [("PHONE_CALL", "occurred", [
        ("source", "حسن روحاني", "IRN"), ("target", "تميم بن حمد آل ثاني", "QAT")])]


def test_an_organisation_is_not_a_place_visited():
    text = ("ويقوم أوبراين بجولة من أربعة أيام للاطلاع مباشرة على نتائج النزاع وفق بيان للأمم المتحدة.")
    assert [e for e in run(text).events if e.type == "VISIT"] == []


def test_announced_visit_to_a_state_is_planned():
    text = "وأعلن وزير الخارجية النمساوي سباستيان كورتس عزمه زيارة إيران في سبتمبر المقبل."
    assert events(run(text, published="2015-08-03")) == [("VISIT", "planned", [
        ("source", "سباستيان كورتس", "AUT"), ("target", None, "IRN")])]


def test_states_sign_an_agreement_as_parties():
    ex = marsad.extract("أبوظبي (وام) - وقعت دولة الإمارات العربية المتحدة وجمهورية الهند اتفاقية شراكة اقتصادية شاملة "
                        "بحضور صاحب السمو الشيخ محمد بن زايد آل نهيان ورئيس الوزراء الهندي ناريندرا مودي.")
    assert events(ex) == [("AGREEMENT", "occurred", [("source", None, "ARE"), ("target", None, "IND")])]
