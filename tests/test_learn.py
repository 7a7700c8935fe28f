"""The learned confidence layer: features, the model file, training and cross-validation."""
import json

import pytest

from marsad import learn
from marsad.confidence import ConfidenceModel, event_features, score_events
from marsad.model import Article, Event, Extraction, Span

pytest.importorskip("sklearn")


def _event(kind: str, countries: list[str], *, title: str | None = None) -> dict:
    actors = [{"role": "source" if i == 0 else "target", "name": None, "title": title, "country": c}
              for i, c in enumerate(countries)]
    return {"type": kind, "subtype": None, "status": "occurred", "actors": actors, "date": None,
            "location": None, "topics": []}


# Written for these tests in the style of Gulf wire copy (not taken from any outlet).
TINY_GOLD = [
    {"id": "t1", "source": "kuna", "published": "2024-03-05", "title": "",
     # The Kuwaiti foreign minister received the Turkish ambassador to Kuwait today.
     "text": "استقبل وزير الخارجية الكويتي الشيخ سالم الصباح اليوم سفير تركيا لدى الكويت طوبى نور سونمز.",
     "events": [_event("MEETING", ["KWT", "TUR"])]},
    {"id": "t2", "source": "wam", "published": "2024-03-06", "title": "",
     # The Emirati president received a phone call from the French president.
     "text": "تلقى رئيس الدولة الإماراتي اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون بحثا خلاله العلاقات الثنائية.",
     "events": [_event("PHONE_CALL", ["FRA", "ARE"])]},
    {"id": "t3", "source": "qna", "published": "2024-03-07", "title": "",
     # The Qatari emir sent a cable of congratulation to the president of Egypt.
     "text": "بعث أمير دولة قطر برقية تهنئة إلى الرئيس المصري عبد الفتاح السيسي بمناسبة ذكرى الثورة.",
     "events": [_event("MESSAGE", ["QAT", "EGY"])]},
    {"id": "t4", "source": "spa", "published": "2024-03-08", "title": "",
     # A club received the national team's players: sport, no event.
     "text": "استقبل رئيس النادي لاعبي المنتخب في مقر النادي بعد المباراة.", "events": []},
    {"id": "t5", "source": "mena", "published": "2024-03-09", "title": "",
     # The Egyptian foreign minister met his Jordanian counterpart in Cairo.
     "text": "التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في القاهرة اليوم.",
     "events": [_event("MEETING", ["EGY", "JOR"])]},
    {"id": "t6", "source": "petra", "published": "2024-03-10", "title": "",
     # Background only: the two ministers had met in 2001.
     "text": "وكان وزير الخارجية الأردني قد التقى نظيره الإيراني عام 2001 في طهران.", "events": []},
    {"id": "t7", "source": "bna", "published": "2024-03-11", "title": "",
     # Britain advised its citizens not to travel to Tunisia: no visit (the rules propose one).
     "text": "أوصت بريطانيا مواطنيها بعدم التوجه إلى تونس.", "events": []},
    {"id": "t8", "source": "ona", "published": "2024-03-12", "title": "",
     # Praise for South Korea's progress: no visit.
     "text": "أشاد الوزير السعودي بما وصلت إليه كوريا الجنوبية من تقدم.", "events": []},
    {"id": "t9", "source": "kuna", "published": "2024-03-13", "title": "",
     # The rules read a meeting of Kuwait and Turkey; this gold file records it with other
     # parties, so the proposal is a negative example whatever the rules become.
     "text": "استقبل وزير الخارجية الكويتي اليوم سفير تركيا لدى الكويت.",
     "events": [_event("MEETING", ["KWT", "USA"])]},
]


def test_features_name_what_they_observe():
    article = Article(id="a", title="", text="استقبل الوزير السفير.", published=None)
    event = Event(type="MEETING", status="occurred", actors=[],
                  trigger=Span("text", 0, 6, "استقبل"), sentence=Span("text", 0, 21, "استقبل الوزير السفير."))
    features = event_features(event, Extraction(article=article, events=[event], home_country="SAU"))
    assert features["type=MEETING"] == 1.0
    assert features["trigger=استقبل"] == 1.0
    assert features["date=none"] == 1.0
    assert features["first_sentence"] == 1.0


def test_background_opener_is_a_cue():
    text = "وكان الوزير قد التقى السفير."  # "The minister had met the ambassador."
    article = Article(id="a", title="", text=text)
    event = Event(type="MEETING", status="occurred", actors=[], sentence=Span("text", 0, len(text), text))
    features = event_features(event, Extraction(article=article, events=[event]))
    assert features["opens=background"] == 1.0


def test_model_file_round_trip_and_cut_off(tmp_path):
    model = ConfidenceModel(weights={"type=MEETING": 2.0, "home_inferred": -3.0}, intercept=0.0,
                            threshold=0.6, planned_threshold=0.3, about={"articles": 6})
    path = tmp_path / "m.json"
    model.save(path)
    loaded = ConfidenceModel.load(path)
    assert loaded == model
    assert loaded.cut_off("planned") == 0.3 and loaded.cut_off("occurred") == 0.6
    assert loaded.probability({"type=MEETING": 1.0}) > 0.85
    assert loaded.probability({"type=MEETING": 1.0, "home_inferred": 1.0}) < 0.3


def test_a_broken_model_file_is_a_clear_error(tmp_path):
    path = tmp_path / "m.json"
    path.write_text('{"weights": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a confidence model"):
        ConfidenceModel.load(path)


def test_score_events_sets_confidence_and_drops_below_threshold():
    article = Article(id="a", title="", text="")
    keep = Event(type="MEETING", status="occurred", actors=[])
    drop = Event(type="VISIT", status="occurred", actors=[])
    extraction = Extraction(article=article, events=[keep, drop])
    model = ConfidenceModel(weights={"type=MEETING": 3.0, "type=VISIT": -3.0}, intercept=0.0, threshold=0.5)
    score_events(extraction, model)
    assert extraction.events == [keep]
    assert keep.confidence is not None and keep.confidence > 0.9


def test_best_threshold_maximises_f1():
    # six proposals, three right; four gold events: keeping the top three gives F1 6/7.
    scored = [(0.9, True), (0.8, True), (0.7, True), (0.3, False), (0.2, False), (0.1, False)]
    cut = learn.best_threshold(scored, gold_total=4)
    assert 0.3 < cut <= 0.7


def test_best_threshold_does_not_cut_on_one_or_two_doubtful_proposals():
    # the lowest of three proposals is wrong: dropping it would raise F1, but one doubtful
    # event is too little to learn a cut-off from, so every proposal is kept
    scored = [(0.9, True), (0.8, True), (0.2, False)]
    cut = learn.best_threshold(scored, gold_total=4)
    assert cut <= 0.2


def test_best_threshold_needs_a_clear_surplus_of_wrong_proposals_below_it():
    # Below 0.5 lie three wrong and two right proposals: dropping them raises F1 on these
    # scores, but one wrong event more than right is no evidence; all are kept.
    scored = [(0.9, True), (0.8, True), (0.7, True), (0.4, False), (0.35, True), (0.3, False),
              (0.25, True), (0.2, False)]
    assert learn.best_threshold(scored, gold_total=5) <= 0.2
    # Five wrong below 0.5 and none right: the cut is taken.
    scored = [(0.9, True), (0.8, True), (0.7, True)] + [(0.1 * k, False) for k in range(1, 6)]
    assert 0.5 < learn.best_threshold(scored, gold_total=4) <= 0.7


def test_folds_split_articles_deterministically():
    ids = [f"a{i}" for i in range(50)]
    folds = learn.fold_by_article(ids, 5)
    assert sorted(i for f in folds for i in f) == sorted(ids)
    assert folds == learn.fold_by_article(list(reversed(ids)), 5)
    by_outlet = learn.fold_by_outlet(TINY_GOLD)
    assert by_outlet["kuna"] == {"t1", "t9"} and len(by_outlet) == 8


def test_a_tiny_gold_file_trains_a_model_that_loads_and_scores(tmp_path):
    sample = learn.propose(TINY_GOLD)
    labels = {p.label for p in sample.proposals}
    assert labels == {True, False}, [(p.article_id, p.event["type"], p.label) for p in sample.proposals]
    model = learn.train(sample, inner_folds=2)
    path = tmp_path / "model.json"
    model.save(path)
    loaded = ConfidenceModel.load(path)
    assert 0.0 < loaded.threshold < 1.0
    for p in sample.proposals:
        assert 0.0 <= loaded.probability(p.features) <= 1.0
    # the same gold gives the same model, byte for byte
    learn.train(learn.propose(TINY_GOLD), inner_folds=2).save(tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == path.read_bytes()
    assert json.loads(path.read_text(encoding="utf-8"))["weights"]
