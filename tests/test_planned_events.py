"""Engagements announced for the future (status ``planned``) and the clauses that tell them.

Every sentence here was written for these tests in the style of Arab wire copy. The
learned layer is switched off (``model=None``) so that the rules alone are tested.
"""
from marsad import extract
from rule_reading import events


def summary(text, **kw):
    return sorted((e.type, e.status, sorted(e.countries())) for e in events(text, **kw))


def names(event):
    return sorted(a.name for a in event.actors if a.name)


# --- a clause link («حيث»، «على أن») keeps the subject of the clause before it -------------


def test_where_he_will_meet_after_a_planned_visit():
    # "The Italian foreign minister announced that he will travel to Amman next week, where
    # he will meet King Abdullah II."
    got = events("أعلن وزير الخارجية الإيطالي ماركو روسي أنه سيتوجه إلى عمان الأسبوع المقبل حيث سيلتقي "
                 "العاهل الأردني الملك عبدالله الثاني.")
    assert sorted((e.type, e.status, sorted(e.countries())) for e in got) == [
        ("MEETING", "planned", ["ITA", "JOR"]), ("VISIT", "planned", ["ITA", "JOR"])]
    meeting = next(e for e in got if e.type == "MEETING")
    assert "عبدالله الثاني" in names(meeting)


def test_arrived_and_is_then_to_meet_two_ministers():
    # "The Spanish foreign minister arrived in Doha yesterday evening, and is later to
    # meet his Omani and Kuwaiti counterparts."
    got = summary("وصل وزير الخارجية الإسباني خوسيه مارتينيث مساء أمس إلى الدوحة، على أن يلتقي في "
                  "وقت لاحق وزيري الخارجية العماني بدر البوسعيدي والكويتي أحمد الصباح.")
    assert ("VISIT", "occurred", ["ESP", "QAT"]) in got
    assert ("MEETING", "planned", ["ESP", "KWT", "OMN"]) in got


def test_arrived_where_he_meets_officials_is_still_to_come():
    # "The British defence secretary arrived in Baghdad yesterday, where he is to meet the
    # Iraqi prime minister."
    got = summary("وصل وزير الدفاع البريطاني أمس إلى بغداد، حيث يلتقي رئيس الوزراء العراقي.")
    assert ("MEETING", "planned", ["GBR", "IRQ"]) in got


def test_where_the_king_received_him_names_the_host():
    # "The Nigerian president arrived in Rabat, where King Mohammed VI received him."
    got = summary("وصل الرئيس النيجيري إلى الرباط أمس حيث استقبله العاهل المغربي الملك محمد السادس.")
    assert ("MEETING", "occurred", ["MAR", "NGA"]) in got


def test_where_both_parties_are_named_keeps_them():
    # "The summit opens in Cairo, where the Egyptian president will meet the Sudanese
    # president." — no earlier engagement: the named pair stays the pair.
    got = summary("يزور رئيس الوزراء الإثيوبي القاهرة غدا حيث يلتقي الرئيس المصري بالرئيس السوداني.")
    assert ("MEETING", "planned", ["EGY", "SDN"]) in got


def test_a_clause_link_in_sport_makes_no_meeting():
    # "The team arrives in Madrid tomorrow, where it will meet Real Madrid in a friendly."
    assert events("يصل فريق الهلال غدا إلى مدريد حيث يلتقي ريال مدريد في مباراة ودية.") == []


# --- «أنه» "that he": the one who said it is the subject --------------------------------


def test_announced_that_he_will_travel_after_a_bracketed_day():
    # "The Japanese foreign minister announced today (Tuesday) that he will travel to
    # Tehran next week."
    got = summary("أعلن وزير الخارجية الياباني، اليوم (الثلاثاء)، أنه سيتوجه إلى طهران الأسبوع المقبل.")
    assert got == [("VISIT", "planned", ["IRN", "JPN"])]


def test_that_he_without_an_engagement_verb_is_nothing():
    # "The Japanese foreign minister said today (Tuesday) that he welcomes the agreement."
    assert events("قال وزير الخارجية الياباني، اليوم (الثلاثاء)، إنه يرحب بالاتفاق مع إيران.") == []


# --- «دول» "the states of" in a title: the group is the party ---------------------------


def test_ministers_of_the_gulf_states_are_the_gcc():
    # "The Japanese foreign minister met the foreign ministers of the GCC states in Riyadh."
    got = summary("التقى وزير الخارجية الياباني وزراء خارجية دول مجلس التعاون الخليجي في الرياض أمس.")
    assert got == [("MEETING", "occurred", ["GCC", "JPN"])]


def test_counterparts_in_the_gulf_states_are_the_gcc():
    # "The Indian foreign minister will meet his counterparts in the GCC states tomorrow."
    (event,) = events("سيلتقي وزير الخارجية الهندي غدا نظراءه في دول مجلس التعاون الخليجي.")
    assert (event.status, sorted(event.countries())) == ("planned", ["GCC", "IND"])


def test_states_without_a_group_after_them_are_not_a_title():
    # "The minister met the ambassadors of several states." — no group named, no party.
    assert events("التقى وزير الخارجية الياباني سفراء دول عدة في طوكيو.") == []


# --- «ومع» "and with": a second meeting --------------------------------------------------


def test_and_with_opens_a_second_meeting():
    # "The US secretary of state will travel to Doha tomorrow, where he will meet with his
    # Russian counterpart and with the GCC foreign ministers."
    got = summary("وسيتوجه وزير الخارجية الأمريكي غدا إلى الدوحة حيث سيلتقي مع نظيره الروسي سيرغي لافروف "
                  "ومع وزراء خارجية دول مجلس التعاون الخليجي.")
    assert got == [("MEETING", "planned", ["GCC", "USA"]), ("MEETING", "planned", ["RUS", "USA"]),
                   ("VISIT", "planned", ["QAT", "USA"])]


def test_two_guests_joined_by_and_are_one_meeting():
    # "The minister met with the Russian and the French ambassadors."
    got = summary("التقى وزير الخارجية الياباني مع السفير الروسي والسفير الفرنسي في طوكيو أمس.")
    assert got == [("MEETING", "occurred", ["FRA", "JPN", "RUS"])]


# --- precision: hopes, doubts, places before a verb, headline lines ------------------------


def test_a_hope_is_not_an_announced_visit():
    # "The villagers hope the Turkish president will visit the school and the whole region."
    assert events("ويأمل أهالي القرية أن يزور الرئيس التركي مدرسة القرية والمنطقة كلها في العراق.") == []


def test_whether_he_will_travel_is_not_an_announced_visit():
    # "It was not immediately clear whether the Red Cross president will travel to Aden."
    assert events("ولم يتضح على الفور ما إذا كان رئيس اللجنة الدولية للصليب الأحمر سيتوجه إلى عدن.") == []


def test_a_planned_visit_is_still_announced_without_a_doubt():
    # "The president of the Red Cross will travel to Aden next week."
    assert summary("سيتوجه رئيس اللجنة الدولية للصليب الأحمر إلى عدن الأسبوع المقبل.") == [
        ("VISIT", "planned", ["NGO", "YEM"])]


def test_a_state_after_fi_is_where_not_who():
    # "On the sidelines of the meeting in Qatar, the US secretary of state will also hold
    # talks with the Russian foreign minister."
    got = summary("وعلى هامش هذا الاجتماع في قطر، سيجري وزير الخارجية الأمريكي أيضاً محادثات مع وزير "
                  "الخارجية الروسي.")
    assert got == [("MEETING", "planned", ["RUS", "USA"])]


def test_a_quoted_headline_line_is_not_an_announcement():
    # "The crown prince received the Chechen president today. / Link to the story in the
    # paper: the crown prince meets the Chechen president" — one meeting, which happened.
    text = ("استقبل ولي العهد الأمير محمد بن سلمان في جدة اليوم رئيس جمهورية الشيشان رمضان قديروف.\n"
            "رابط الخبر بالصحيفة: ولي العهد يلتقي رئيس جمهورية الشيشان")
    assert summary(text) == [("MEETING", "occurred", ["RUS", "SAU"])]


def test_a_body_sentence_in_the_present_is_still_announced():
    # "The Kuwaiti foreign minister visits Cairo to discuss bilateral relations." (a full
    # sentence, with its full stop, announcing the visit)
    assert summary("وقالت المصادر إن وزير الخارجية الكويتي يزور القاهرة لبحث العلاقات الثنائية.") == [
        ("VISIT", "planned", ["EGY", "KWT"])]


# --- «إلى جمهورية …», «يلتقي خلالها», «بمشيئة الله», a minister who leaves «إلى» ----------


def test_travel_to_the_republic_of_a_state():
    # "The Omani foreign minister travels tomorrow to the Republic of Tunisia."
    assert summary("يتوجه وزير الخارجية العماني غدا إلى جمهورية تونس.") == [("VISIT", "planned", ["OMN", "TUN"])]


def test_a_visit_during_which_he_will_meet():
    # "The Kuwaiti prime minister travels tomorrow to the Republic of Tunisia on a working
    # visit during which he will meet the Tunisian president."
    got = summary("يتوجه رئيس الوزراء الكويتي غدا إلى جمهورية تونس في زيارة عمل يلتقي خلالها الرئيس التونسي.")
    assert got == [("MEETING", "planned", ["KWT", "TUN"]), ("VISIT", "planned", ["KWT", "TUN"])]


def test_during_it_after_a_non_engagement_is_nothing():
    # "The minister opened the exhibition, during which he toured the pavilions." — no
    # engagement before «خلالها», no meeting.
    assert events("افتتح وزير الخارجية العماني المعرض وتجول خلالها في الأجنحة.") == []


def test_leaves_god_willing_with_a_dual_date_before_the_subject():
    # "The royal court said: leaving – God willing – (Thursday) 14/10/1436 AH, corresponding
    # to 30/7/2015, is the Bahraini crown prince for the Republic of Tunisia on a visit."
    text = ("وقال الديوان الملكي: «يغادر – بمشيئة الله تعالى – (الخميس) 14 / 10 / 1436هـ الموافق 30 / 7 / "
            "2015م ولي العهد البحريني الأمير سلمان بن حمد إلى جمهورية تونس في زيارة رسمية».")
    got = events(text, published="2015-07-29")
    assert [(e.type, e.status, sorted(e.countries())) for e in got] == [("VISIT", "planned", ["BHR", "TUN"])]
    assert names(got[0]) == ["سلمان بن حمد"]


def test_the_awaited_visit_is_planned():
    # "The Moroccan foreign minister said the awaited visit of the Emir of Qatar to Rabat
    # will strengthen relations."
    (event,) = events("وقال وزير الخارجية المغربي إن زيارة أمير قطر المرتقبة إلى الرباط ستعزز العلاقات.")
    assert (event.type, event.status, sorted(event.countries())) == ("VISIT", "planned", ["MAR", "QAT"])
    assert next(a.country for a in event.actors if a.role == "source") == "QAT"


def test_a_visit_without_a_future_word_is_told_as_done():
    # "… said the visit of the Emir of Qatar to Rabat strengthened relations."
    got = summary("وقال وزير الخارجية المغربي إن زيارة أمير قطر إلى الرباط عززت العلاقات.")
    assert got == [("VISIT", "occurred", ["MAR", "QAT"])]


def test_a_minister_going_to_a_state_is_not_posted_there():
    # "The Saudi defence minister left for the Republic of Tunisia on a working visit."
    got = summary("غادر وزير الدفاع السعودي إلى جمهورية تونس في زيارة عمل.")
    assert got == [("VISIT", "occurred", ["SAU", "TUN"])]


def test_an_envoy_to_a_state_is_still_posted_there():
    # "The foreign minister received the UN envoy to Yemen."
    got = summary("استقبل وزير الخارجية العماني المبعوث الأممي إلى اليمن أمس.")
    assert got == [("MEETING", "occurred", ["OMN", "UNO"])]


# --- states discussed during a visit are not visited --------------------------------------


def test_states_discussed_during_a_visit_are_topics():
    # "The Chinese foreign minister is to discuss during his visit the latest developments
    # in the region, chief among them the situation in Syria, Yemen and Libya."
    got = summary("ومن المقرر أن يبحث وزير الخارجية الصيني خلال زيارته آخر تطورات الوضع في المنطقة وعلى "
                  "رأسها الوضع في سورية واليمن وليبيا.")
    assert all(countries != ["CHN", "SYR"] and "YEM" not in countries and "LBY" not in countries
               for _, _, countries in got)


def test_a_state_right_after_the_visit_is_visited():
    # "… during his visit to Egypt, which will last two days, the Chinese foreign minister
    # will discuss the situation in Syria."
    got = summary("وسيبحث وزير الخارجية الصيني خلال زيارته لمصر التي تستمر يومين الوضع في سورية.")
    assert [(kind, countries) for kind, _, countries in got] == [("VISIT", ["CHN", "EGY"])]


# --- a visit to hold talks «مع» a host is also a meeting ----------------------------------


def test_a_visit_to_discuss_with_the_counterpart_is_also_a_meeting():
    # "The Emirati foreign minister will visit Beijing on Tuesday to discuss trade with his
    # Chinese counterpart Wang Yi."
    got = summary("سيزور وزير الخارجية الإماراتي بكين الثلاثاء لمناقشة التجارة مع نظيره الصيني وانغ يي.")
    assert got == [("MEETING", "planned", ["ARE", "CHN"]), ("VISIT", "planned", ["ARE", "CHN"])]


def test_a_visit_with_a_host_not_after_with_is_only_a_visit():
    # "The Emirati foreign minister will visit Beijing on Tuesday at the invitation of his
    # Chinese counterpart Wang Yi."
    got = summary("سيزور وزير الخارجية الإماراتي بكين الثلاثاء تلبية لدعوة نظيره الصيني وانغ يي.")
    assert got == [("VISIT", "planned", ["ARE", "CHN"])]


def test_will_meet_during_his_visit_is_one_planned_meeting():
    # "The Yemeni president will meet, during his visit, with President Sisi."
    got = summary("وقالت مصادر إن الرئيس اليمني سيلتقي خلال زيارته مع الرئيس المصري عبدالفتاح السيسي.")
    assert [g for g in got if g[0] == "MEETING"] == [("MEETING", "planned", ["EGY", "YEM"])]


# --- broken plurals of nisbas: «المسؤولين الروس» "the Russian officials" -----------------


def test_meetings_with_the_russian_officials():
    # "The Saudi foreign minister will hold during his visit to Moscow several meetings with
    # the Russian officials."
    got = summary("وقالت المصادر إن وزير الخارجية السعودي سيجري خلال زيارته لموسكو عددا من اللقاءات مع "
                  "المسؤولين الروس.")
    assert ("MEETING", "planned", ["RUS", "SAU"]) in got


def test_ross_as_a_name_is_not_russia():
    # "The foreign minister received the American envoy Dennis Ross."
    got = summary("استقبل وزير الخارجية الأردني المبعوث الأمريكي دينيس روس في عمان أمس.")
    assert all("RUS" not in countries for _, _, countries in got)


# --- preparing an engagement: it is still to come -----------------------------------------


def test_arranging_a_visit_is_planned():
    # "The head of the Arab League committee said the committee reviewed the arrangements
    # for visiting Yemen."
    got = summary("وقال رئيس لجنة حقوق الإنسان العربية إن اللجنة استعرضت الترتيب لزيارة اليمن.")
    assert got == [("VISIT", "planned", ["ARL", "YEM"])]


def test_preparation_further_back_does_not_reach_the_trigger():
    # "The two ministers reviewed the preparation for the summit, and the Egyptian minister
    # received yesterday the Sudanese ambassador." — the reception happened.
    got = summary("وبحث الوزيران التحضير للقمة العربية المقبلة، واستقبل وزير الخارجية المصري أمس السفير السوداني.")
    assert ("MEETING", "occurred", ["EGY", "SDN"]) in got


# --- a verbal noun's first party does not lie past a comma --------------------------------


def test_talks_in_a_city_then_a_new_clause_give_no_meeting():
    # "In the wake of the awaited Muscat talks, the Saudi foreign minister stressed, at a
    # press conference with his Italian counterpart, that …" — the Muscat talks are not the
    # minister's; the joint press conference is his meeting with the Italian minister.
    got = summary("وعلى وقع محادثات مسقط المرتقبة، شدد وزير الخارجية السعودي خلال مؤتمر صحافي مع نظيره "
                  "الإيطالي على أهمية الحل السياسي.")
    assert got == [("MEETING", "occurred", ["ITA", "SAU"])]


def test_talks_of_two_named_parties_are_a_meeting():
    # "The talks of the Egyptian foreign minister Sameh Shoukry and his Sudanese counterpart
    # Ibrahim Ghandour in Cairo yesterday dealt with the Nile waters."
    got = summary("وتناولت مباحثات وزير الخارجية المصري سامح شكري ونظيره السوداني إبراهيم غندور أمس في "
                  "القاهرة مياه النيل.")
    assert got == [("MEETING", "occurred", ["EGY", "SDN"])]


# --- «بينما» "while" opens a clause with parties of its own -------------------------------


def test_while_after_an_accompanied_visit_names_a_new_party():
    # "The German economy minister travels today to Tehran accompanied by a business
    # delegation, while the Austrian foreign minister announced his intention to visit Iran
    # in September."
    got = summary("ويتوجه وزير الاقتصاد الألماني اليوم إلى طهران بصحبة وفد اقتصادي، بينما أعلن وزير "
                  "الخارجية النمساوي عزمه زيارة إيران في سبتمبر المقبل.")
    assert got == [("VISIT", "occurred", ["DEU", "IRN"]), ("VISIT", "planned", ["AUT", "IRN"])]


def test_people_accompanying_a_visitor_are_still_not_parties():
    # "The German economy minister travels today to Tehran accompanied by the Austrian
    # ambassador."
    got = summary("ويتوجه وزير الاقتصاد الألماني اليوم إلى طهران بصحبة السفير النمساوي.")
    assert got == [("VISIT", "occurred", ["DEU", "IRN"])]


# --- more wording: «ما إذا» vs «إذا», «حينها», «من المؤمل», «يفترض أن» ---------------------


def test_if_the_meetings_results_still_tells_the_meeting():
    # "And if the results of the tripartite meeting between the Russian, US and Saudi
    # foreign ministers in Doha yielded nothing, …" — the meeting happened.
    got = summary("وإذا كانت نتائج اللقاء الثلاثي بين وزير الخارجية الروسي سيرغي لافروف ووزير الخارجية "
                  "الأمريكي جون كيري في الدوحة أمس لم تسفر عن نتيجة، فإن الحوار مستمر.")
    assert got == [("MEETING", "occurred", ["RUS", "USA"])]


def test_at_that_time_is_history():
    # "King Faisal received the then Emir of Bahrain at that time." — history, not news.
    got = summary("حيث استقبل الملك فيصل بن عبدالعزيز أمير البحرين حينها الشيخ عيسى بن سلمان آل خليفة.")
    assert got == []


def test_it_is_hoped_and_supposed_are_planned():
    # "It is hoped / supposed that the Saudi foreign minister's visit to Moscow will see
    # several agreements signed."
    for opening in ("ومن المؤمل أن تشهد", "ويفترض أن تشهد"):
        got = summary(opening + " زيارة وزير الخارجية السعودي لموسكو توقيع عدد من الاتفاقيات.")
        assert got == [("VISIT", "planned", ["RUS", "SAU"])]
    # "The Saudi foreign minister's visit to Moscow saw several agreements signed."
    got = summary("وشهدت زيارة وزير الخارجية السعودي لموسكو توقيع عدد من الاتفاقيات.")
    assert got == [("VISIT", "occurred", ["RUS", "SAU"])]


def test_talks_yesterday_comma_between_two_ministers():
    # "The final touches were put to the deal during talks in Malaysia yesterday, between the
    # US secretary of state and his Russian counterpart."
    got = summary("ووضعت اللمسات الأخيرة على الاتفاق خلال محادثات في ماليزيا أمس، بين وزير الخارجية "
                  "الأمريكي جون كيري ونظيره الروسي سيرغي لافروف.")
    assert got == [("MEETING", "occurred", ["RUS", "USA"])]


def test_signatories_in_a_parallel_clause_sign_together():
    # "The Jordanian foreign minister signed the cooperation agreement, while the Japanese
    # foreign minister signed for the Japanese side."
    got = summary("ووقع وزير الخارجية الأردني سامر الخطيب على اتفاقية التعاون، فيما وقع عن الجانب الياباني "
                  "وزير الخارجية الياباني كينجي ساتو.")
    assert got == [("AGREEMENT", "occurred", ["JOR", "JPN"])]


def test_during_which_he_meets_the_king_and_officials():
    # "The crown prince travels today to Jordan on a visit during which he meets King
    # Abdullah II and a number of officials." He travels today; the meeting is on the
    # visit's programme, still to come.
    got = summary("يتوجه ولي العهد السعودي الأمير محمد بن سلمان اليوم إلى الأردن في زيارة يلتقي خلالها "
                  "الملك عبدالله الثاني وعددا من المسؤولين في الأردن.")
    assert got == [("MEETING", "planned", ["JOR", "SAU"]), ("VISIT", "occurred", ["JOR", "SAU"])]


# --- «المبعوث الدولي» is the UN's; «قريبا» "soon" ------------------------------------------


def test_the_international_envoy_will_arrive():
    # "The international envoy will arrive in Muscat in about two hours."
    got = summary("سيصل المبعوث الدولي إلى مسقط بعد حوالي ساعتين.")
    assert got == [("VISIT", "planned", ["OMN", "UNO"])]


def test_a_visit_soon_is_planned():
    # "The spokesman said yesterday the Saudi foreign minister visits Moscow soon." / without
    # «قريبا» the dated sentence tells the visit as under way.
    assert summary("وقال المتحدث أمس إن وزير الخارجية السعودي يزور موسكو قريبا.") == [
        ("VISIT", "planned", ["RUS", "SAU"])]
    assert summary("وقال المتحدث أمس إن وزير الخارجية السعودي يزور موسكو.") == [
        ("VISIT", "occurred", ["RUS", "SAU"])]


def test_then_received_keeps_the_subject_of_the_first_meeting():
    # "The Japanese foreign minister met the US ambassador yesterday, then received the French
    # ambassador." — two meetings of the minister, none between the ambassadors.
    got = summary("والتقى وزير الخارجية الياباني أمس السفير الأمريكي ثم استقبل السفير الفرنسي.")
    assert got == [("MEETING", "occurred", ["FRA", "JPN"]), ("MEETING", "occurred", ["JPN", "USA"])]


# --- legs still to come, and engagements called off -------------------------------------


def test_a_later_leg_of_a_tour_is_still_to_come():
    # "The US secretary of state left Washington on Friday evening for a tour he opens in
    # Egypt, and moves on to Qatar after it." The Qatar leg («وينتقل بعدها») is ahead.
    text = ("غادر وزير الخارجية الأمريكي مساء الجمعة واشنطن في جولة يستهلها من مصر، "
            "وينتقل بعدها إلى قطر لطمأنة دول الخليج.")
    assert ("VISIT", "planned", ["QAT", "USA"]) in summary(text)
    assert ("VISIT", "occurred", ["QAT", "USA"]) not in summary(text)


def test_a_leg_after_then_is_still_to_come_unless_today():
    # "The minister visits Oman, then goes on to Kuwait" vs "... today".
    assert summary("وصل وزير الخارجية الياباني أمس إلى مسقط، ثم يتوجه إلى الكويت.") == [
        ("VISIT", "occurred", ["JPN", "OMN"]), ("VISIT", "planned", ["JPN", "KWT"])]


def test_a_visit_said_to_be_postponed_did_not_take_place():
    # "A Turkish official said that the Iranian foreign minister's visit to Turkey was
    # postponed, without giving details."
    text = "قال مسؤول في الخارجية التركية إن زيارة وزير الخارجية الإيراني لتركيا أُجلت، دون ذكر تفاصيل."
    assert summary(text) == []
    # but "the visit ... took place yesterday" is reported
    assert summary("إن زيارة وزير الخارجية الإيراني لتركيا تمت أمس.") == [("VISIT", "occurred", ["IRN", "TUR"])]


def test_a_sentence_opening_with_a_place_names_where_not_who():
    # "In Egypt, the secretary will meet his counterpart Sameh Shoukry today"; "From Egypt,
    # Kerry moves on to Doha on Monday, where he will meet his Gulf counterparts."
    assert summary("وفي مصر سيلتقي وزير الخارجية الأمريكي جون كيري نظيره المصري سامح شكري.") == [
        ("MEETING", "planned", ["EGY", "USA"])]
    got = summary("ومن مصر، سينتقل وزير الخارجية الأمريكي، الإثنين، إلى الدوحة حيث سيلتقي "
                  "نظراءه في دول مجلس التعاون.")
    assert ("MEETING", "planned", ["EGY", "GCC"]) not in got
    assert ("MEETING", "planned", ["GCC", "USA"]) in got


def test_an_engagement_dated_after_publication_is_announced():
    # "The head of the coalition meets the Russian foreign minister in Moscow on the 12th of
    # this month" in a paper of 9 August: the present tense announces it.
    found = events("وقال مصدر إن رئيس الائتلاف السوري يلتقي وزير الخارجية الروسي سيرجي لافروف "
                   "في موسكو في 12 الشهر الجاري.", published="2015-08-09")
    assert [(e.type, e.status, e.date) for e in found] == [("MEETING", "planned", "2015-08-12")]


def test_a_present_verb_with_a_bare_weekday_is_the_coming_one():
    # "The foreign minister visits Moscow on Tuesday" in a paper of Saturday 8 August 2015:
    # the Tuesday ahead, announced; "visited Moscow on Tuesday" is the one before.
    found = events("إلى ذلك يزور وزير الخارجية موسكو الثلاثاء لبحث الأزمة.", published="2015-08-08")
    assert [(e.type, e.status, e.date) for e in found] == [("VISIT", "planned", "2015-08-11")]
    found = events("وكان وزير الخارجية زار موسكو الثلاثاء لبحث الأزمة.", published="2015-08-08")
    assert [(e.type, e.status, e.date) for e in found] == [("VISIT", "occurred", "2015-08-04")]


def test_a_visit_ruled_out_is_no_visit():
    # "The Iranian foreign minister ruled out (apparently at the last moment) a visit to the UAE."
    assert summary("واستبعد وزير الخارجية الإيراني (في ما يبدو في اللحظة الأخيرة) "
                   "زيارة الإمارات العربية المتحدة.") == []


def test_a_meeting_during_a_visit_that_starts_today_is_still_to_come():
    # "The deputy crown prince heads today to Jordan on a visit during which he is to meet
    # King Abdullah II." The meeting is on the visit's programme.
    found = summary("يتوجه ولي ولي العهد اليوم إلى الأردن في زيارة يلتقي خلالها الملك عبدالله الثاني.")
    assert ("MEETING", "planned", ["JOR", "SAU"]) in found
    # «التقى خلالها» "during which he met" tells it done
    found = summary("وصل ولي ولي العهد أمس إلى الأردن في زيارة التقى خلالها الملك عبدالله الثاني.")
    assert ("MEETING", "occurred", ["JOR", "SAU"]) in found


def test_meetings_a_visitor_came_to_hold_are_still_to_come():
    # "The US deputy envoy arrived in Ankara to hold meetings with Turkish officials": one
    # visit done, the meetings ahead (not also a meeting done with the same officials).
    found = summary("وصل المبعوث الأمريكي إلى العاصمة التركية أنقرة، لإجراء لقاءات مع المسؤولين الأتراك.")
    assert found == [("MEETING", "planned", ["TUR", "USA"]), ("VISIT", "occurred", ["TUR", "USA"])]


def test_a_plan_to_visit_is_announced_and_plans_is_no_name():
    # "He said the Cypriot president plans to visit the Kingdom."
    found = events("وقال إن الرئيس القبرصي يخطط لزيارة المملكة.")
    assert [(e.type, e.status, sorted(e.countries())) for e in found] == [("VISIT", "planned", ["CYP", "SAU"])]
    assert found[0].actors[0].name is None


def test_a_visit_someone_intends_to_make_is_planned():
    # "within a visit the Saudi monarch intends to make to Russia"
    found = events("وناقش الوزيران أيضا شراء أسلحة روسية في إطار زيارة يعتزم العاهل السعودي القيام بها لروسيا.")
    assert [(e.type, e.status, sorted(e.countries())) for e in found] == [("VISIT", "planned", ["RUS", "SAU"])]


def test_talks_on_a_bare_weekday_in_the_present_are_the_coming_ones():
    # "the foreign minister discusses with his German counterpart on Monday …" in a paper
    # of Sunday 9 August: Monday the 10th, still to come
    found = events("يبحث وزير الخارجية عادل الجبير مع نظيره الألماني فرانك فالتر شتاينماير الاثنين مستجدات المنطقة.",
                   published="2015-08-09", source="okaz")
    assert [(e.type, e.status, e.date) for e in found] == [("MEETING", "planned", "2015-08-10")]


def test_bringing_about_a_visit_is_planned():
    # "The Chinese envoy stressed, while meeting the Egyptian president yesterday, his
    # country's keenness to bring about the Chinese president's visit to Egypt."
    got = summary("وشدد المبعوث الصيني خلال لقائه الرئيس المصري أمس على حرص بلاده على إتمام زيارة "
                  "الرئيس الصيني إلى مصر.")
    assert ("VISIT", "planned", ["CHN", "EGY"]) in got and ("VISIT", "occurred", ["CHN", "EGY"]) not in got


def test_preparing_the_programme_of_a_visit_plans_it():
    # "We are now preparing the programme of the Syrian coalition delegation's visit to Moscow."
    got = summary("ونحن نعمل حاليا للإعداد لأجندة زيارة وفد الائتلاف السوري إلى موسكو لاستكشاف الموقف الروسي.")
    assert got == [("VISIT", "planned", ["RUS", "SYR"])]


def test_next_monday_before_the_visit_noun_plans_it():
    # "Nouakchott – President Ghazouani begins next Monday an official two-day visit to Senegal
    # at the invitation of his Senegalese counterpart." Undated page: the weekday with
    # «القادم» "next" before the visit makes it planned.
    text = ("نواكشوط – يبدأ الرئيس محمد ولد الشيخ الغزواني يوم الإثنين القادم زيارة رسمية إلى السنغال "
            "تستغرق يومين، تلبية لدعوة من نظيره السنغالي ماكي صال.")
    found = extract(text, source=None, published=None, model=None).events
    assert [(e.type, e.status, sorted(e.countries())) for e in found] == [("VISIT", "planned", ["MRT", "SEN"])]
