"""Engagements told indirectly: nominal meetings and visits, parties referred back to,
and the words that must not hide or invent them.

Every sentence here was written for these tests in the style of Arab wire copy (none is
copied from a corpus), each with an English gloss. The learned layer is off
(``model=None``) so that the rules alone are tested.
"""
from marsad import extract
from rule_reading import events


def summary(text, **kw):
    return sorted((e.type, e.status, tuple(sorted(e.countries()))) for e in events(text, **kw))


# --- sport cues are words, not letters inside other words --------------------------------


def test_a_sport_cue_inside_another_word_does_not_silence_the_sentence():
    # "During the Turkish foreign minister's visit to Jordan and Lebanon, the movement's
    # delegates (مناديب, holding the letters of نادي "club") issued statements."
    got = summary("تزامنا مع زيارة وزير الخارجية التركي للأردن ولبنان، أصدر مناديب الحركة بيانات.")
    assert got == [("VISIT", "occurred", ("JOR", "TUR")), ("VISIT", "occurred", ("LBN", "TUR"))]


def test_a_sport_word_still_silences_the_sentence():
    # "The club president received the Emirati team's delegation before the match."
    assert events("استقبل رئيس النادي وفد المنتخب الإماراتي قبل المباراة.") == []


# --- a party after «من» is not the subject of the next verb ------------------------------


def test_the_party_a_word_came_from_is_not_the_one_who_travelled():
    # "After permission reached him from the Jordanian king, he went to Bahrain."
    assert events("وبعد أن وصله الإذن من العاهل الأردني، فاتجه إلى البحرين.") == []


def test_a_received_call_with_its_subject_dropped_names_no_caller_as_host():
    # "… and he received a call from the King of Bahrain, and another from the King of
    # Morocco": the subject was named in an earlier sentence; no call between the kings.
    got = summary("وفي اليوم نفسه، وتلقى اتصالا هاتفيا من ملك البحرين، وآخر من ملك المغرب.")
    assert ("PHONE_CALL", "occurred", ("BHR", "MAR")) not in got


def test_the_custodian_without_his_epithet_is_the_saudi_king():
    # "The Custodian of the Two Mosques — may God keep him — received a phone call from
    # the French president."
    got = summary("وتلقى خادم الحرمين -حفظه الله-، اتصالاً هاتفياً من الرئيس الفرنسي.")
    assert got == [("PHONE_CALL", "occurred", ("FRA", "SAU"))]


def test_a_headline_of_condolences_repeats_the_bodys_call():
    # Headline "The King receives the condolences of the King of Jordan"; body "The King
    # received a phone call from the King of Jordan, who offered his condolences."
    ex = extract(
        "تلقى خادم الحرمين الشريفين اتصالا هاتفيا اليوم من ملك الأردن قدم فيه تعازيه.",
        title="خادم الحرمين يتلقى تعازي ملك الأردن",
        source="spa", published="2024-05-05", model=None,
    )
    assert [(e.type, sorted(e.countries())) for e in ex.events] == [("PHONE_CALL", ["JOR", "SAU"])]


# --- a joint press conference is a meeting ------------------------------------------------


def test_a_press_conference_with_a_counterpart_is_a_meeting():
    # "The minister stressed, in a press conference he held with his Omani counterpart in
    # Riyadh yesterday, that …"
    got = summary("وأكد وزير الخارجية، خلال مؤتمر صحافي عقده مع نظيره العماني في الرياض أمس، أن التنسيق مستمر.")
    assert got == [("MEETING", "occurred", ("OMN", "SAU"))]


def test_a_press_conference_alone_is_no_meeting():
    # "The Jordanian minister said in a press conference in Amman that relations with
    # Egypt are strong."
    assert events("وقال وزير الخارجية الأردني في مؤتمر صحافي في عمان إن العلاقات مع مصر قوية.") == []


def test_the_engagement_is_the_speakers_not_a_state_named_in_passing():
    # "Commenting on migration between the coasts of Tunisia and Malta, the Tunisian
    # president protested during a press conference with the German president …"
    got = summary("وفي تعقيب من الرئيس التونسي على الهجرة بين سواحل تونس ومالطا احتج خلال مؤتمر صحافي "
                  "مع الرئيس الألماني في قصر قرطاج على ذلك.")
    assert got == [("MEETING", "occurred", ("DEU", "TUN"))]


# --- «قال X إنه التقى …»: the pronoun subject is the speaker ------------------------------


def test_he_said_that_he_met_makes_the_speaker_the_party():
    # "The Jordanian foreign minister said, in a statement, that he met the Libyan
    # foreign minister in Cairo."
    got = summary("وقال وزير الخارجية الأردني - في بيان له - إنه التقى بوزير الخارجية الليبي في القاهرة.")
    assert got == [("MEETING", "occurred", ("JOR", "LBY"))]


def test_she_said_that_she_will_visit_is_planned_by_the_speaker():
    # "The Spanish foreign minister announced today that she will go to Tehran next week."
    got = summary("أعلنت وزيرة الخارجية الإسبانية اليوم أنها ستتوجه إلى طهران الأسبوع المقبل.")
    assert got == [("VISIT", "planned", ("ESP", "IRN"))]


def test_that_it_happened_is_no_engagement():
    # "The ministry said that it (the incident) happened near the border." (وقع "happened")
    assert events("وقالت وزارة الداخلية الأردنية إنه وقع قرب الحدود مع سوريا.") == []


# --- the article ال is not the preposition ل ---------------------------------------------


def test_a_visit_made_by_a_president_after_a_party_named_in_passing():
    # "The remarks came in a briefing by a White House official in Nairobi during a visit
    # that the American president is making to Kenya."
    got = summary("جاءت التصريحات خلال إفادة لأحد مسؤولي البيت الأبيض في نيروبي خلال زيارة "
                  "يقوم بها الرئيس الأمريكي لكينيا.")
    assert got == [("VISIT", "occurred", ("KEN", "USA"))]


def test_a_cable_to_someone_is_still_addressed():
    # "This came in a cable of congratulation to the President of Senegal."
    ex = extract("وبعث خادم الحرمين الشريفين برقية تهنئة اليوم. جاء ذلك في برقية تهنئة للرئيس السنغالي.",
                 source="spa", published="2024-05-05", model=None)
    assert [(e.type, sorted(e.countries())) for e in ex.events] == [("MESSAGE", ["SAU", "SEN"])]


def test_a_call_he_received_is_from_the_party_after_min():
    # "The King said, during a phone call he received from the Turkish president, that …"
    (event,) = events("وقال خادم الحرمين الشريفين، خلال اتصال هاتفي تلقاه من الرئيس التركي، إن الإرهاب خطر.")
    assert event.type == "PHONE_CALL"
    assert [(a.role, a.country) for a in event.actors] == [("source", "TUR"), ("target", "SAU")]


# --- institutions named after a ruler; the host's name after a long office ---------------


def test_a_hospital_named_after_a_king_is_no_party():
    # "The governor visited the patients in the King Fahd Hospital, wishing them a happy
    # Eid with blessings (باليمن, also "in Yemen")."
    assert events("قام أمير المنطقة بزيارة المرضى في مستشفى الملك فهد مهنئا لهم بالعيد باليمن والخيرات.") == []


def test_the_supervisor_of_a_centre_named_after_the_king_receives_a_minister():
    # Headline "The supervisor of the King Salman Relief Centre receives the Yemeni
    # information minister."
    got = summary("", title="المشرف على مركز الملك سلمان للإغاثة يستقبل وزيرة الإعلام اليمنية")
    assert got == [("MEETING", "occurred", ("SAU", "YEM"))]


def test_a_ranked_name_after_a_nameless_office_is_the_hosts_name():
    # "The supervisor general of the King Salman Centre for Relief and Humanitarian Work,
    # Dr Abdullah Al-Rabiah, received today the Norwegian ambassador and the Finnish
    # ambassador."
    (event,) = events("استقبل المشرف العام على مركز الملك سلمان للإغاثة والأعمال الإنسانية الدكتور عبدالله "
                      "الربيعة اليوم، سفير النرويج لدى المملكة، وسفير فنلندا.")
    assert sorted(event.countries()) == ["FIN", "NOR", "SAU"]
    assert [a.name for a in event.actors if a.role == "source"] == ["عبدالله الربيعة"]


# --- a second verb shares the first verb's subject ---------------------------------------


def test_a_visit_to_an_institution_at_home_and_the_meeting_after_it():
    # "The GCC secretary general visited yesterday the King Salman Relief Centre, and met
    # the centre's supervisor general."
    got = summary("زار الأمين العام لمجلس التعاون لدول الخليج العربية أمس مركز الملك سلمان "
                  "للإغاثة، والتقى المشرف العام على المركز.")
    assert got == [("MEETING", "occurred", ("GCC", "SAU")), ("VISIT", "occurred", ("GCC", "SAU"))]


def test_a_visit_to_an_institution_abroad_is_not_a_visit_home():
    # "The Indian ambassador made a visit to the University of Tokyo."
    assert summary("قام السفير الهندي بزيارة لجامعة طوكيو.") != [("VISIT", "occurred", ("IND", "SAU"))]


def test_visiting_the_city_for_tourists_is_no_visit():
    # "The best time to visit the city (for those avoiding the sun) is in winter; King
    # Charles II of England liked it."
    assert events("أحب ملك إنجلترا تشارلز الثاني الشتاء، والوقت الأمثل لزيارة المدينة هو الشتاء.") == []


# --- officials of foreign schools and institutes -----------------------------------------


def test_the_director_of_schools_in_a_foreign_state_represents_it():
    # "The secretary general of the Muslim World League received yesterday the director
    # general of the Ibn Amer Islamic Schools in Mauritania, Ahmed Mohammed."
    got = summary("استقبل الأمين العام لرابطة العالم الإسلامي أمس المدير العام لمدارس ابن عامر الإسلامية "
                  "في موريتانيا أحمد محمد.")
    assert got == [("MEETING", "occurred", ("MRT", "SAU"))]


def test_the_host_in_his_office_is_not_a_library():
    # "The director general of the foundation received in his office (بمكتبه, also read
    # as مكتبة "library") the Korean consul general, Mr Kim."
    got = summary("استقبل المدير العام للمؤسسة الأستاذ محمد سالم أمس بمكتبه القنصل العام لكوريا الجنوبية "
                  "بجدة السيد كيم.")
    assert got == [("MEETING", "occurred", ("KOR", "SAU"))]


def test_talks_with_a_state_by_someone_unnamed_are_no_meeting_of_the_next_speaker():
    # "As to Washington's readiness to engage in new talks with Iran, the analyst Abdel
    # Moneim Said, director of the regional centre in Cairo, expected the American
    # president to seize the moment."
    assert events("وفيما يتعلق باستعداد واشنطن للانخراط في محادثات جديدة مع إيران، رجح مدير المركز "
                  "الإقليمي للدراسات في القاهرة عبدالمنعم سعيد أن يسعى الرئيس الأمريكي إلى ذلك.") == []


# --- «اللقاء الذي جمع …», «الاجتماع الذي عقد بين …» -------------------------------------


def test_the_meeting_that_brought_together_two_leaders():
    # "… the reservations the King voiced in the meeting that brought him together with
    # the American defence secretary in Jeddah the day before yesterday."
    got = summary("وأبدى خادم الحرمين الشريفين تحفظاته خلال اللقاء الذي جمعه مع وزير الدفاع الأمريكي "
                  "في جدة أمس الأول.")
    assert got == [("MEETING", "occurred", ("SAU", "USA"))]


def test_the_meeting_held_between_two_named_parties():
    # "The minister said the meeting held between the Egyptian president and the Jordanian
    # king laid the foundations of the vision."
    got = summary("وأشار الوزير إلى أن الاجتماع الذي عقد بين الرئيس المصري وملك الأردن وضع أسس الرؤية.")
    assert got == [("MEETING", "occurred", ("EGY", "JOR"))]


def test_a_meeting_during_which_a_state_is_named_in_passing_is_the_speakers():
    # "Carter announced that his country is ready to strengthen its cooperation with
    # Israel, during a meeting with his Israeli counterpart."
    got = summary("وأعلن وزير الدفاع الأمريكي أن بلاده مستعدة لتعزيز تعاونها مع إسرائيل، خلال لقاء مع "
                  "نظيره الإسرائيلي.")
    assert got == [("MEETING", "occurred", ("ISR", "USA"))]


def test_a_committee_meeting_is_no_meeting_between_states():
    # "The meeting held yesterday in Cairo discussed the committee's files."
    assert events("وناقش الاجتماع الذي عقد أمس في القاهرة ملفات اللجنة.") == []


# --- «المسؤول» standing for the official named the sentence before ------------------------


def test_the_official_is_the_one_named_in_the_sentence_before():
    # "The NATO secretary general welcomed the liberation of Aden. The official said,
    # during his meeting with the Yemeni foreign minister in Brussels, that …"
    got = summary("رحب الأمين العام لحلف الناتو بتحرير عدن. وعبر المسؤول، خلال لقائه وزير الخارجية "
                  "اليمني في بروكسل، عن سعادته.")
    assert got == [("MEETING", "occurred", ("NAT", "YEM"))]


def test_an_official_with_a_name_is_his_own_person():
    # "The NATO secretary general welcomed the liberation of Aden. The official Ahmed
    # Salem met the Yemeni foreign minister." (a named official: no state, no event)
    got = summary("رحب الأمين العام لحلف الناتو بتحرير عدن. والتقى المسؤول أحمد سالم وزير الخارجية اليمني.")
    assert ("MEETING", "occurred", ("NAT", "YEM")) not in got


# --- a letter handed over on someone's behalf is the sender's ------------------------------


def test_a_letter_handed_over_is_from_the_party_after_min():
    # "The president met the speaker of the Algerian council, who handed him a written
    # letter from the Algerian president."
    got = [(e.type, [(a.role, a.country) for a in e.actors])
           for e in events("والتقى الرئيس المصري رئيس مجلس الأمة الجزائري، الذي سلم الرئيس المصري رسالة خطية "
                           "من الرئيس الجزائري.") if e.type == "MESSAGE"]
    assert got == [("MESSAGE", [("source", "DZA"), ("target", "EGY")])]


def test_a_letter_to_someone_is_still_the_subjects():
    # "The Kuwaiti emir sent a written letter to the Egyptian president."
    (event,) = events("بعث أمير الكويت رسالة خطية إلى الرئيس المصري.")
    assert [(a.role, a.country) for a in event.actors] == [("source", "KWT"), ("target", "EGY")]


# --- «إلى» a state after a full office is where the holder went ---------------------------


def test_a_visit_to_a_state_named_after_a_long_office():
    # "… on the occasion of the visit of the crown prince, deputy prime minister, to the
    # Republic of Tunisia, during which the Tunisian president received him."
    (event,) = events("جاء ذلك بمناسبة زيارة الأمير سلمان بن حمد ولي العهد النائب الأول لرئيس مجلس الوزراء "
                      "البحريني إلى الجمهورية التونسية التي استقبله خلالها الرئيس التونسي.")
    assert sorted(event.countries()) == ["BHR", "TUN"]
    assert all("التونسية" not in (a.title or "") for a in event.actors)


def test_an_envoy_to_a_state_still_represents_his_organisation():
    # "The UN envoy to Yemen met the Omani foreign minister."
    (event,) = events("التقى المبعوث الأممي إلى اليمن وزير الخارجية العماني.")
    assert sorted(event.countries()) == ["OMN", "UNO"]


def test_the_visitor_meets_during_the_visit_not_the_state():
    # "The Jordanian foreign minister heads today to Egypt on a working visit during which
    # he is to meet the Egyptian president." The visitor meets the president (not Egypt
    # meeting Jordan's minister), on the visit's programme.
    got = summary("يتوجه وزير الخارجية الأردني اليوم إلى مصر في زيارة عمل يلتقي خلالها الرئيس المصري.")
    assert ("MEETING", "planned", ("EGY", "JOR")) in got


# --- a state after a definite office is the verb's object --------------------------------


def test_leaving_a_state_after_a_visit():
    # "The Bahraini crown prince, the first deputy prime minister, left the Republic of
    # Tunisia after a working visit during which he met the Tunisian president."
    got = summary("غادر ولي العهد البحريني النائب الأول لرئيس مجلس الوزراء الجمهورية التونسية بعد زيارة عمل "
                  "التقى خلالها الرئيس التونسي.")
    assert ("VISIT", "occurred", ("BHR", "TUN")) in got


def test_a_state_after_an_indefinite_office_is_its_own():
    # "The foreign minister of Tunisia received the Bahraini ambassador."
    (event,) = events("استقبل وزير خارجية تونس السفير البحريني.")
    assert sorted(event.countries()) == ["BHR", "TUN"]


# --- the subject of a relative clause is its antecedent ----------------------------------


def test_the_delegation_who_is_visiting():
    # "The Jordanian foreign minister met in Amman the Japanese economic delegation coming
    # from Tokyo, which is visiting Jordan these days."
    got = summary("التقى وزير الخارجية الأردني في عمان الوفد الاقتصادي الياباني القادم من طوكيو، الذي يزور "
                  "الأردن هذه الأيام.")
    assert ("VISIT", "occurred", ("JOR", "JPN")) in got


def test_a_relative_clause_far_from_its_noun_has_no_subject():
    # "The Japanese minister praised the plan of the ministry of planning and investment in
    # Jordan for the development of the north, which aims to attract investment."
    assert events("أشاد الوزير الياباني بخطة وزارة التخطيط والتعاون الدولي في الأردن لتنمية مناطق الشمال "
                  "والجنوب والوسط، التي تستقطب الاستثمارات.") == []


# --- «كما استقبل …»: the host of the reception before ------------------------------------


def test_he_also_received_is_the_earlier_host():
    # "The secretary general of the Muslim World League received the Mauritanian ambassador.
    # He also received yesterday the director of the Islamic University in Jakarta."
    got = summary("استقبل الأمين العام لرابطة العالم الإسلامي أمس سفير موريتانيا لدى المملكة. "
                  "كما استقبل أمس مدير الجامعة الإسلامية بجاكرتا.")
    assert got == [("MEETING", "occurred", ("IDN", "SAU")), ("MEETING", "occurred", ("MRT", "SAU"))]


def test_also_sent_with_its_own_subject_keeps_it():
    # "The King sent a cable to the President of Colombia. The Crown Prince also sent a
    # cable to the President of Colombia." (two cables, two senders)
    ex = extract("بعث خادم الحرمين الشريفين برقية تهنئة لرئيس جمهورية كولومبيا. كما بعث ولي العهد "
                 "برقية تهنئة لرئيس جمهورية كولومبيا.", source="spa", published="2024-05-05", model=None)
    assert len([e for e in ex.events if e.type == "MESSAGE"]) == 2


def test_also_left_names_its_own_visitor():
    # "The Chechen president left Jeddah. The Pakistani prime minister also left Jeddah
    # yesterday after his visit."
    got = summary("غادر رئيس جمهورية الشيشان جدة بعد زيارته. كما غادر جدة أمس رئيس وزراء باكستان بعد زيارته.")
    assert ("VISIT", "occurred", ("PAK", "RUS", "SAU")) not in got


# --- «ل» a state after an office that already names its own is the destination ------------


def test_a_visit_of_a_minister_of_a_state_to_three_states():
    # "What is the value of the visit of the foreign minister of Iran to Kuwait, Qatar and
    # Iraq, after Bahrain uncovered a cell?"
    got = summary("وما قيمة زيارة وزير خارجية إيران للكويت وقطر والعراق، بعد كشف البحرين عن خلية إرهابية؟")
    assert got == [("VISIT", "occurred", ("IRN", "IRQ")), ("VISIT", "occurred", ("IRN", "KWT")),
                   ("VISIT", "occurred", ("IRN", "QAT"))]


def test_an_organisation_after_li_still_belongs_to_the_office():
    # "The Jordanian foreign minister received the secretary general of the Arab League"
    # (an organisation after ل is the one served, not a place visited).
    (event,) = events("استقبل وزير الخارجية الأردني الأمين العام لجامعة الدول العربية.")
    assert sorted(event.countries()) == ["ARL", "JOR"]


def test_the_visit_of_the_crown_prince_to_a_state_after_li():
    # "Saudis and Egyptians tweet, welcoming the visit of the deputy crown prince to Egypt."
    got = summary("سعوديون ومصريون يغردون ترحيبا بزيارة ولي ولي العهد لمصر.")
    assert got == [("VISIT", "occurred", ("EGY", "SAU"))]


def test_the_crown_prince_of_a_state_received_after_li():
    # "The King received the crown prince of Bahrain." (no visit noun: the state is his own)
    got = summary("استقبل خادم الحرمين الشريفين اليوم ولي العهد لمملكة البحرين.")
    assert got == [("MEETING", "occurred", ("BHR", "SAU"))]


def test_a_foreign_delegation_visits_a_chamber_of_commerce_at_home():
    # Headline "A Tunisian trade delegation visits the Jeddah Chamber"
    got = summary("", title="وفد تجاري تونسي يزور غرفة جدة")
    assert got == [("VISIT", "occurred", ("SAU", "TUN"))]


# --- a surname in a headline is the office holder the body names ---------------------------


def test_a_headline_surname_takes_the_office_the_body_gives():
    # Headline "Abubakr and the head of the EU delegation discuss Yemen"; body "The assistant
    # president of the authority for administrative affairs, Abdulaziz Abubakr, received …"
    ex = extract("وبحث مساعد رئيس الهيئة للشؤون الإدارية عبدالعزيز أبوبكر أمس العمل الإنساني.",
                 title="أبوبكر ورئيس مندوبية الاتحاد الأوروبي يناقشان التطورات الإنسانية في اليمن",
                 source="spa", published="2024-05-05", model=None)
    assert [(e.type, sorted(e.countries())) for e in ex.events] == [("MEETING", ["EUR", "SAU"])]


def test_a_bare_name_like_a_kings_is_no_office_holder():
    # "During the visit the Egyptian flag flew over the Dawood hotel" (Dawood named earlier
    # as a king: «الملك داود»)
    got = summary("ذكر الملك داود في الكتاب. وأثناء الزيارة رفرف العلم المصري على فندق داود في القدس.")
    assert got == []


# --- a reception of many guests; a day named without a publication date --------------------


def test_foreign_guests_listed_among_dignitaries_are_received():
    # "The King received this morning the princes, the scholars, the sheikhs and the former
    # president of the Maldives."
    got = summary("استقبل خادم الحرمين الشريفين صباح اليوم الأمراء والعلماء والمشايخ ورئيس المالديف السابق.")
    assert got == [("MEETING", "occurred", ("MDV", "SAU"))]


def test_past_perfect_news_of_today_is_news_without_a_publication_date():
    # "The King had received this morning the former president of the Maldives."
    got = summary("وكان خادم الحرمين الشريفين قد استقبل صباح اليوم رئيس المالديف السابق.", published=None)
    assert got == [("MEETING", "occurred", ("MDV", "SAU"))]


def test_past_perfect_background_without_a_day_is_still_background():
    # "The King had received the former president of the Maldives."
    assert events("وكان خادم الحرمين الشريفين قد استقبل رئيس المالديف السابق.", published=None) == []


# --- a company's delegation visits an institution that names its state --------------------


def test_a_company_delegation_visits_an_institution_and_meets_its_head():
    # "A delegation from the German Siemens company visited today the General Electricity
    # Corporation of Jordan, and met the director general."
    got = summary("زار وفد من شركة سيمنز الألمانية اليوم المؤسسة العامة للكهرباء الأردنية، والتقى بالمدير العام.",
                  source=None)
    assert ("VISIT", "occurred", ("DEU", "JOR")) in got


def test_visiting_the_university_of_a_city_is_visiting_its_state():
    # "The Indian ambassador made a visit to the University of Tokyo."
    got = summary("قام السفير الهندي بزيارة لجامعة طوكيو، والتقى رئيس الجامعة.")
    assert ("VISIT", "occurred", ("IND", "SAU")) not in got


# --- «الزيارة التي يقوم بها …»: the subject's own visit, beside the meetings ---------------


def test_the_visit_he_is_making_is_news_beside_the_meeting():
    # "The Jordanian minister of state met yesterday, within the official visit he is
    # making to the Kingdom of Spain, the Spanish minister of state."
    got = summary("اجتمع وزير الدولة الأردني أمس، في إطار الزيارة الرسمية التي يقوم بها إلى مملكة إسبانيا، "
                  "مع وزير الدولة الإسباني.")
    assert got == [("MEETING", "occurred", ("ESP", "JOR")), ("VISIT", "occurred", ("ESP", "JOR"))]


def test_a_visit_during_a_call_is_still_background():
    # "The minister called the Omani minister during his visit to France."
    got = summary("اتصل وزير الخارجية الأردني بنظيره العماني خلال زيارته لفرنسا.")
    assert ("VISIT", "occurred", ("FRA", "JOR")) not in got


# --- a delegation that came from a state ------------------------------------------------


def test_a_delegation_that_came_from_a_state_is_of_that_state():
    # "The secretary general of the chamber received yesterday a high-level media
    # delegation that came from the Republic of Algeria."
    got = summary("استقبل أمين عام غرفة الشرقية أمس وفدا إعلاميا رفيع المستوى قدم من جمهورية الجزائر.")
    assert got == [("MEETING", "occurred", ("DZA", "SAU"))]


def test_a_delegation_that_came_from_a_city_at_home_has_no_foreign_state():
    # "The governor received a delegation that came from Jeddah."
    assert events("استقبل أمير المنطقة وفدا قدم من جدة.") == []


def test_no_sport_cues_silence_nothing(tmp_path):
    # A user lexicon without sport cues: "The Jordanian foreign minister received the
    # Omani ambassador" is still read.
    from marsad.lexicon import load_lexicon, read_rows

    rows = [r for r in read_rows("cues.tsv") if r[0] != "sport"]
    (tmp_path / "cues.tsv").write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    lexicon = load_lexicon(str(tmp_path))
    ex = extract("استقبل وزير الخارجية الأردني اليوم السفير العماني.", source="spa", published="2024-05-05",
                 model=None, lexicon=lexicon)
    assert [sorted(e.countries()) for e in ex.events] == [["JOR", "OMN"]]


# --- «تلقى» with its own subject right after it ------------------------------------------


def test_the_one_named_right_after_received_it_despite_a_subheading():
    # Subheading run into the text: "Omani foreign minister — The Jordanian foreign
    # minister received a phone call today from the Omani foreign minister."
    got = [(e.type, [(a.role, a.country) for a in e.actors])
           for e in events("وزير الخارجية العماني تلقى وزير الخارجية الأردني اتصالا هاتفيا اليوم من وزير "
                           "الخارجية العماني.")]
    assert got == [("PHONE_CALL", [("source", "OMN"), ("target", "JOR")])]


def test_a_headline_subject_before_received_still_receives():
    # Headline style: "The Jordanian foreign minister receives a call from the Omani minister."
    got = [(e.type, [(a.role, a.country) for a in e.actors])
           for e in events("وزير الخارجية الأردني يتلقى اتصالا هاتفيا من وزير الخارجية العماني.")]
    assert got == [("PHONE_CALL", [("source", "OMN"), ("target", "JOR")])]


def test_a_university_named_for_its_city_is_of_that_citys_state():
    # "The ambassador in Ottawa received a delegation from Jazan University, which is
    # visiting Canada."
    got = summary("استقبل سفير خادم الحرمين الشريفين في كندا بمقر السفارة في أوتاوا وفدا من جامعة جازان، "
                  "الذي يزور كندا ضمن إطار التعاون.")
    assert ("VISIT", "occurred", ("CAN", "SAU")) in got


def test_a_university_in_a_foreign_city_is_of_that_state():
    # "The Jordanian minister received the president of the University of Tokyo."
    got = summary("استقبل وزير التعليم العالي الأردني رئيس جامعة طوكيو.")
    assert got == [("MEETING", "occurred", ("JOR", "JPN"))]


def test_the_chairman_of_a_foreign_company_board():
    # "Al-Awaji said after his meeting with the chairman of the board of the Korean Hyundai
    # company for heavy industries that …"
    got = summary("وبين وكيل وزارة الطاقة الأردني عقب اجتماعه مع رئيس مجلس إدارة شركة هيونداي الكورية "
                  "للصناعات الثقيلة، أن التعاون قائم.")
    assert got == [("MEETING", "occurred", ("JOR", "KOR"))]


def test_the_institution_visited_after_those_accompanying_the_visitor():
    # "The Italian ambassador, accompanied by the director general of the industrial cities
    # authority, engineer Saleh, visited yesterday Thursday the Sudair City for Industry."
    got = summary("زار السفير الإيطالي لدى المملكة، يرافقه مدير عام هيئة المدن الصناعية، المهندس صالح، "
                  "أمس الخميس، مدينة سدير للصناعة والأعمال.")
    assert got == [("VISIT", "occurred", ("ITA", "SAU"))]


def test_an_institution_named_mid_clause_is_not_the_place_visited():
    # "The Italian ambassador visited Jordan, accompanied by officials of the Italian
    # development centre." (the centre is no place visited: the state is named)
    got = summary("زار السفير الإيطالي الأردن، يرافقه مسؤولون في مركز التنمية الإيطالي.")
    assert got == [("VISIT", "occurred", ("ITA", "JOR"))]


# --- an addressee is never the sender; an e-mail is no diplomatic message ------------------


def test_a_cable_with_its_sender_dropped_is_not_the_addressees():
    # "On Saturday he sent a cable of condolence to the President of Egypt." (the sender
    # was named in an earlier clause)
    got = [(e.type, [(a.role, a.country) for a in e.actors])
           for e in events("وفي يوم السبت بعث برقية عزاء ومواساة لرئيس جمهورية مصر العربية.")]
    assert all(roles[0] != ("source", "EGY") for _, roles in got)


def test_an_email_to_a_newspaper_is_no_message():
    # "The spokeswoman said, in an e-mail to the paper, that the special envoy discussed
    # the situation with the members of the Security Council."
    assert events("وقالت الناطقة باسم المبعوث الأممي، في رسالة إلكترونية وصلت للصحيفة، إن المبعوث ناقش "
                  "الوضع مع أعضاء مجلس الأمن.") == []


def test_a_call_after_a_cable_to_someone_is_not_that_addressees():
    # "He received a call from the King of Bahrain, sent a cable to the King of Jordan, and
    # received a call from the Emir of Qatar." (no call between Jordan and Qatar)
    got = summary("وتلقى خادم الحرمين الشريفين اتصالا هاتفيا من ملك البحرين، وبعث برقية عزاء لملك الأردن، "
                  "وتلقى اتصالا هاتفيا من أمير قطر.")
    assert ("PHONE_CALL", "occurred", ("JOR", "QAT")) not in got


def test_the_visitor_meets_during_the_visit_to_an_institution():
    # "The Bosnian ambassador made a visit to the university, during which he met its
    # president."
    got = [(e.type, [(a.role, a.country) for a in e.actors])
           for e in events("قام سفير البوسنة والهرسك لدى المملكة بزيارة للجامعة التقى خلالها رئيس الجامعة.")
           if e.type == "MEETING"]
    assert got == [("MEETING", [("source", "BIH"), ("target", "SAU")])]
