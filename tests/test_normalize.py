"""The normaliser folds Arabic for matching and maps every folded range back exactly."""
from hypothesis import given
from hypothesis import strategies as st

from marsad.text.normalize import fold, normalize


def test_folds_alef_forms_taa_marbuta_alif_maqsura():
    # "Indonesia's foreign minister met the Egyptian minister"
    assert fold("وزيرة خارجية إندونيسيا التقى مصطفى") == "وزيره خارجيه اندونيسيا التقي مصطفي"
    assert fold("آل سعود") == "ال سعود"
    assert fold("ٱلقدس") == "القدس"


def test_drops_diacritics_and_tatweel_keeping_offsets():
    # "a phone call" with tanwin, and a stretched word from a headline
    n = normalize("اتصالاً هاتفياً مع الســعودية")
    assert n.text == "اتصالا هاتفيا مع السعوديه"
    start = n.text.index("السعوديه")
    s, e = n.to_original(start, start + len("السعوديه"))
    assert n.original[s:e] == "الســعودية"
    s, e = n.to_original(0, len("اتصالا"))
    assert n.original[s:e] == "اتصالاً"  # the tanwin written on the last letter stays inside


def test_arabic_indic_and_persian_digits():
    assert fold("٧ شوال ١٤٣٦هـ") == "7 شوال 1436ه"
    assert fold("۲۰۱۵") == "2015"


def test_persian_letter_forms():
    assert fold("ایران کرمانشاه") == "ايران كرمانشاه"


def test_invisible_marks_dropped_and_spaces_unified():
    n = normalize("وزير\u200f\u00a0الدفاع\tالكويتي\nاستقبل")
    assert n.text == "وزير الدفاع الكويتي\nاستقبل"
    s, e = n.to_original(5, 11)
    assert n.original[s:e] == "الدفاع"


@given(st.text())
def test_every_folded_range_maps_back_in_bounds(text):
    n = normalize(text)
    assert n.origin(len(n.text)) == len(text)  # the end of the folded text maps to the end
    for i in range(len(n.text)):
        s, e = n.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
        assert fold(text[s]) in ("", n.text[i]) or fold(text[s]) == n.text[i]
