"""English names: states and organisations, office titles, romanised people."""
from __future__ import annotations

import pytest

from marsad.english import country_name_en, romanise_name, translate_title
from marsad.lexicon import read_rows


def test_every_state_and_organisation_code_has_an_english_name():
    codes = [row[0] for row in read_rows("countries.tsv")] + [row[0] for row in read_rows("organizations.tsv")]
    missing = [code for code in codes if not country_name_en(code)]
    assert missing == []
    assert country_name_en("IGO") and country_name_en("NGO")


def test_seed_states_read_as_english_news_writes_them():
    assert (country_name_en("KWT"), country_name_en("BEL"), country_name_en("TUR")) == (
        "Kuwait", "Belgium", "Turkey")
    assert country_name_en("XXX") is None


@pytest.mark.parametrize(
    "arabic, english",
    [
        # Kuwait's deputy premier and foreign minister: a chain of two offices.
        ("نائب رئيس مجلس الوزراء وزير الخارجية", "Deputy Prime Minister and Minister of Foreign Affairs"),
        ("خادم الحرمين الشريفين", "Custodian of the Two Holy Mosques"),
        ("ولي العهد", "Crown Prince"),
        # "the Turkish ambassador to Kuwait", written with the state's name.
        ("سفير تركيا لدى الكويت", "Ambassador of Turkey to Kuwait"),
        ("سفيرة تركيا لدى الكويت", "Ambassador of Turkey to Kuwait"),
        # The nisba adjective (الكويتي "Kuwaiti") names the state.
        ("وزير الخارجية الكويتي", "Minister of Foreign Affairs of Kuwait"),
        # Mohammed bin Salman's titles in 2015–2017, as Saudi papers wrote them.
        ("ولي ولي العهد النائب الثاني لرئيس مجلس الوزراء وزير الدفاع",
         "Deputy Crown Prince, Second Deputy Prime Minister and Minister of Defence"),
        ("ولي ولي العهد والنائب الثاني لرئيس مجلس الوزراء ووزير الدفاع",
         "Deputy Crown Prince, Second Deputy Prime Minister and Minister of Defence"),
        ("أمين عام وزارة الخارجية في مملكة بلجيكا",
         "Secretary-General of the Ministry of Foreign Affairs of Belgium"),
        ("نائب وزير الخارجية", "Deputy Minister of Foreign Affairs"),
        ("رئيس جمهورية مصر العربية", "President of Egypt"),
        ("وزير الخارجية بدولة قطر", "Minister of Foreign Affairs of Qatar"),
        ("الرئيس الأمريكي", "President of the United States"),
        ("المندوب الدائم للمملكة العربية السعودية لدى الأمم المتحدة",
         "Permanent Representative of Saudi Arabia to the United Nations"),
        ("مبعوث الأمين العام للأمم المتحدة إلى اليمن",
         "Envoy of the Secretary-General of the United Nations to Yemen"),
        ("وزير الدولة لشئون الدفاع بدولة قطر", "Minister of State for Defence Affairs of Qatar"),
        ("رئيس المالديف السابق", "Former President of the Maldives"),
        ("ولي العهد، نائب رئيس مجلس الوزراء، وزير الداخلية",
         "Crown Prince, Deputy Prime Minister and Minister of Interior"),
    ],
)
def test_titles_translate_whole(arabic, english):
    assert translate_title(arabic) == english


@pytest.mark.parametrize(
    "variant",
    [
        "وزير الخارجية",      # as usually written
        "وزير الخارجيه",      # taa marbuta written as haa
        "وَزِيرُ الخَارِجِيَّةِ",  # with diacritics
        "وزير الخارجيـــة",   # with tatweel
    ],
)
def test_spelling_variants_of_a_title_agree(variant):
    assert translate_title(variant) == "Minister of Foreign Affairs"


def test_hamza_seat_variants_agree():
    # Egyptian and Saudi papers write ئ where others write ؤ, and أ/ا vary.
    assert translate_title("مسئولة السياسة الخارجية في الاتحاد الأوروبي") == translate_title(
        "مسؤولة السياسة الخارجية في الاتحاد الاوروبي")
    assert translate_title("الأمين العام") == translate_title("الامين العام") == "Secretary-General"


def test_an_uncovered_word_leaves_the_title_untranslated():
    # "director of al-Jouf airport": the airport is not in the office patterns.
    assert translate_title("مدير مطار الجوف") is None
    assert translate_title("") is None


def test_a_known_office_holder_takes_their_own_spelling():
    assert romanise_name("سلمان بن عبد العزيز") == ("Salman bin Abdulaziz Al Saud", "known")
    assert romanise_name("الملك سلمان بن عبدالعزيز آل سعود") == ("Salman bin Abdulaziz Al Saud", "known")
    assert romanise_name("عبدالفتاح السيسي") == ("Abdel Fattah el-Sisi", "known")
    assert romanise_name("سيرجي لافروف") == ("Sergey Lavrov", "known")
    assert romanise_name("جون كيري") == ("John Kerry", "known")


def test_other_names_are_transliterated_and_marked_so():
    # Kuwait's deputy foreign minister in the seed article, with his rank before the name.
    assert romanise_name("الشيخ جراح الجابر") == ("Jarrah Al-Jaber", "transliterated")
    latin, method = romanise_name("ثيودورا جينتز")
    assert method == "transliterated"
    assert latin == "Theodora Jintz"
    assert latin.isascii()


def test_the_letter_table_handles_article_compounds_and_taa_marbuta():
    assert romanise_name("عبد المحسن القحطاني")[0] == "Abdulmohsen Al-Qahtani"
    # Not in names_en.tsv: read letter by letter, ة as a, the article as Al-.
    assert romanise_name("رحمة")[0] == "Rahma"
    assert romanise_name("عبد الودود")[0].startswith("Abdul")
    assert romanise_name("الزعبي")[0].startswith("Al-")


def test_most_known_office_holders_have_an_english_spelling():
    rows = read_rows("leaders.tsv")
    with_english = [row for row in rows if len(row) > 5 and row[5]]
    assert len(with_english) / len(rows) > 0.95
