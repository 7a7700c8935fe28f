"""The scorer of GUIDE.md "Scoring": pairing, every metric, error listing."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from marsad.evaluate import (
    ErrorItem,
    align,
    errors,
    match_names,
    name_overlap,
    name_tokens,
    score,
)

GOLD_DEV = Path("/work/shared/eval/gold_dev.jsonl")


def actor(role, country, name=None, title=None):
    return {"role": role, "name": name, "title": title, "country": country}


def event(etype, source, targets, status="occurred", date="2015-07-23", topics=(), subtype=None):
    """An event from a source actor tuple and target actor tuples: (country, name)."""
    actors = [actor("source", *source)] + [actor("target", *t) for t in targets]
    return {"type": etype, "subtype": subtype, "status": status, "actors": actors,
            "date": date, "location": None, "topics": list(topics)}


def article(aid, *events):
    return {"id": aid, "title": "", "text": "", "events": list(events)}


CALL = event("PHONE_CALL", ("KWT", "صباح الأحمد"), [("EGY", "عبدالفتاح السيسي")],
             topics=["bilateral_relations", "regional_international_affairs"])
MEETING = event("MEETING", ("SAU", "محمد بن نايف"), [("EGY", "سامح شكري")],
                topics=["bilateral_relations"])
PLANNED_VISIT = event("VISIT", ("EGY", "سامح شكري"), [("SAU", None)], status="planned",
                      date=None, topics=[])
CABLE = event("MESSAGE", ("SAU", "سلمان بن عبدالعزيز"), [("BEL", "فيليب")],
              subtype="congratulation", topics=["ceremonial"])


def gold_set():
    return [article("a1", CALL, MEETING, PLANNED_VISIT), article("a2", CABLE), article("a3")]


def self_prediction(gold):
    return {a["id"]: copy.deepcopy(a["events"]) for a in gold}


def test_perfect_prediction_scores_one_everywhere():
    gold = gold_set()
    report = score(gold, self_prediction(gold))
    d = report.to_dict()
    assert d["articles"] == 3
    for key in ("events_occurred", "events_planned", "article_detection", "names", "topics"):
        assert (d[key]["precision"], d[key]["recall"], d[key]["f1"]) == (1.0, 1.0, 1.0), key
        assert d[key]["fp"] == d[key]["fn"] == 0
    assert (d["events_occurred"]["tp"], d["events_planned"]["tp"]) == (3, 1)
    assert d["article_detection"]["tp"] == 2  # a3 has no events: a true negative
    assert d["names"]["tp"] == 6
    assert d["roles"] == {"accuracy": 1.0, "correct": 2, "total": 2}  # CALL and CABLE
    assert d["dates"] == {"accuracy": 1.0, "correct": 3, "total": 3}
    assert errors(gold, self_prediction(gold)) == []


def test_missed_event():
    gold = [article("a1", CALL, MEETING)]
    report = score(gold, {"a1": [copy.deepcopy(CALL)]})
    ev = report.events_occurred
    assert (ev.tp, ev.fp, ev.fn) == (1, 0, 1)
    assert (ev.precision, ev.recall) == (1.0, 0.5)
    assert ev.f1 == pytest.approx(2 / 3)
    assert report.article_detection.f1 == 1.0
    assert errors(gold, {"a1": [CALL]}) == [
        ErrorItem("a1", "miss", 1, "occurred", "MEETING", ("EGY", "SAU"),
                  ("محمد بن نايف", "سامح شكري"))
    ]


def test_false_alarm_and_article_without_gold_events():
    gold = [article("a1", CALL), article("a2")]
    predicted = {"a1": [CALL, MEETING], "a2": [CABLE]}
    report = score(gold, predicted)
    ev = report.events_occurred
    assert (ev.tp, ev.fp, ev.fn) == (1, 2, 0)
    art = report.article_detection
    assert (art.tp, art.fp, art.fn, art.precision, art.recall) == (1, 1, 0, 0.5, 1.0)
    kinds = [(e.article_id, e.kind, e.index, e.type) for e in errors(gold, predicted)]
    assert kinds == [("a1", "false_alarm", 1, "MEETING"), ("a2", "false_alarm", 0, "MESSAGE")]


def test_missing_article_predicts_nothing():
    report = score(gold_set(), {})
    assert (report.events_occurred.tp, report.events_occurred.fn) == (0, 3)
    assert report.events_occurred.precision is None  # nothing predicted
    assert report.events_occurred.f1 == 0.0
    assert report.article_detection.recall == 0.0
    assert report.names.f1 is None and report.dates.value is None


def test_wrong_country_is_no_match():
    wrong = copy.deepcopy(CALL)
    wrong["actors"][1]["country"] = "JOR"
    gold = [article("a1", CALL)]
    report = score(gold, {"a1": [wrong]})
    ev = report.events_occurred
    assert (ev.tp, ev.fp, ev.fn) == (0, 1, 1)
    assert report.names.tp + report.names.fp + report.names.fn == 0  # no pair, nothing scored
    assert [e.kind for e in errors(gold, {"a1": [wrong]})] == ["miss", "false_alarm"]


def test_null_country_actor_does_not_count_in_the_country_set():
    extra = copy.deepcopy(CALL)
    extra["actors"].append(actor("target", None, "مسؤول"))
    assert align([CALL], [extra]).pairs == [(0, 0)]


def swapped(ev):
    out = copy.deepcopy(ev)
    for a in out["actors"]:
        a["role"] = "target" if a["role"] == "source" else "source"
    return out


def test_role_swap_counts_only_for_directed_types():
    gold = [article("a1", CALL, MEETING)]
    report = score(gold, {"a1": [swapped(CALL), swapped(MEETING)]})
    assert report.events_occurred.tp == 2  # same countries: still matched
    assert (report.roles.correct, report.roles.total) == (0, 1)  # the call only
    assert report.names.f1 == 1.0  # names are compared whatever the role


def test_name_variants_count_as_found():
    variant = copy.deepcopy(CALL)
    variant["actors"][0]["name"] = "صباح الاحمد"  # أ written as ا
    variant["actors"][1]["name"] = "عبد الفتاح السيسى"  # spaced عبد, ى for ي
    report = score([article("a1", CALL)], {"a1": [variant]})
    assert (report.names.tp, report.names.fp, report.names.fn) == (2, 0, 0)


def test_name_tokens_and_overlap():
    assert name_tokens("عبد الفتاح السيسي") == name_tokens("عبدالفتاح السيسي")
    assert name_tokens("أحمد أبو الغيط") == name_tokens("احمد ابو الغيط")
    assert name_tokens("مُحَمَّد بن سلمـان") == name_tokens("محمد بن سلمان")
    assert name_tokens("عبده خال") == frozenset({"عبده", "خال"})  # a word merely starting with عبد
    full = name_tokens("محمد بن سلمان بن عبدالعزيز آل سعود")  # six distinct tokens
    assert name_overlap(full, name_tokens("محمد بن سلمان بن عبدالعزيز آل")) == pytest.approx(5 / 6)
    assert name_overlap(full, name_tokens("محمد بن سلمان")) == pytest.approx(3 / 6)
    assert name_overlap(name_tokens("السيسي"), name_tokens("عبدالفتاح السيسي")) == 0.5
    assert name_overlap(frozenset(), full) == 0.0


def test_name_threshold_and_one_to_one():
    full = "محمد بن سلمان بن عبدالعزيز آل سعود"
    assert match_names([full], ["محمد بن سلمان بن عبدالعزيز آل"]) == 1
    assert match_names(["عبدالفتاح السيسي"], ["السيسي"]) == 0
    # each gold name is found at most once
    assert match_names(["سامح شكري"], ["سامح شكري", "سامح شكرى"]) == 1


def test_name_precision_and_recall_are_micro_over_pairs():
    gold_ev = event("MEETING", ("SAU", "محمد بن نايف"),
                    [("EGY", "سامح شكري"), ("EGY", "طارق عامر")])
    pred_ev = event("MEETING", ("SAU", "محمد بن نايف"), [("EGY", "شكري")])
    report = score([article("a1", gold_ev)], {"a1": [pred_ev]})
    names = report.names
    assert (names.tp, names.fp, names.fn) == (1, 1, 2)
    assert (names.precision, names.recall) == (0.5, pytest.approx(1 / 3))


def test_date_accuracy_ignores_gold_null_dates():
    undated = copy.deepcopy(MEETING)
    undated["date"] = None
    wrong_date = copy.deepcopy(CALL)
    wrong_date["date"] = "2015-07-22"
    guessed = copy.deepcopy(undated)
    guessed["date"] = "2015-07-23"
    report = score([article("a1", CALL, undated)], {"a1": [wrong_date, guessed]})
    assert report.events_occurred.tp == 2
    assert (report.dates.correct, report.dates.total) == (0, 1)


def test_planned_is_scored_separately():
    as_occurred = copy.deepcopy(PLANNED_VISIT)
    as_occurred["status"] = "occurred"
    gold = [article("a1", PLANNED_VISIT)]
    report = score(gold, {"a1": [as_occurred]})
    assert (report.events_planned.tp, report.events_planned.fn) == (0, 1)
    assert (report.events_occurred.tp, report.events_occurred.fp) == (0, 1)
    assert report.article_detection.tp == 1  # any status makes the article positive

    report = score(gold, {"a1": [copy.deepcopy(PLANNED_VISIT)]})
    assert (report.events_planned.tp, report.events_planned.f1) == (1, 1.0)
    assert report.events_occurred.f1 is None  # no occurred events on either side
    assert report.roles.total == 0  # attribute metrics cover occurred pairs only


def test_topic_micro_f1_by_hand():
    pair = (("KWT", None), [("EGY", None)])
    g1 = event("PHONE_CALL", *pair, topics=["bilateral_relations", "energy", "health"])
    p1 = event("PHONE_CALL", *pair, topics=["bilateral_relations", "energy", "ceremonial"])
    g2 = event("VISIT", ("SAU", None), [("FRA", None)], topics=["defense_military"])
    p2 = event("VISIT", ("SAU", None), [("FRA", None)],
               topics=["defense_military", "energy", "health"])
    report = score([article("a1", g1), article("a2", g2)], {"a1": [p1], "a2": [p2]})
    topics = report.topics
    # pair 1: tp 2, fp 1, fn 1; pair 2: tp 1, fp 2, fn 0 -> tp 3, fp 3, fn 1
    assert (topics.tp, topics.fp, topics.fn) == (3, 3, 1)
    assert (topics.precision, topics.recall) == (0.5, 0.75)
    assert topics.f1 == pytest.approx(2 * 0.5 * 0.75 / (0.5 + 0.75))  # 0.6


def test_greedy_pairs_each_prediction_with_the_event_it_describes():
    first = event("MEETING", ("SAU", "محمد بن نايف"), [("EGY", "سامح شكري")], date="2015-07-23")
    second = event("MEETING", ("SAU", "عادل الجبير"), [("EGY", "طارق عامر")], date="2015-07-24")
    alignment = align([first, second], [copy.deepcopy(second), copy.deepcopy(first)])
    assert alignment.pairs == [(0, 1), (1, 0)]
    report = score([article("a1", first, second)], {"a1": [second, first]})
    assert report.names.f1 == 1.0 and report.dates.value == 1.0


def test_extra_keys_are_ignored():
    decorated = copy.deepcopy(CALL)
    decorated["codes"] = {"cameo": "041"}
    decorated["evidence"] = {"trigger": None}
    assert score([article("a1", CALL)], {"a1": [decorated]}).events_occurred.f1 == 1.0


def test_format_table_is_aligned():
    gold = gold_set()
    table = score(gold, {"a1": [CALL]}).format_table()
    lines = table.splitlines()
    assert lines[0].split() == ["metric", "P", "R", "F1/acc", "counts"]
    assert set(lines[1]) == {"-"}
    row = next(line for line in lines if line.startswith("events (occurred)"))
    assert row.split()[2:] == ["1.000", "0.333", "0.500", "tp=1", "fp=0", "fn=2"]
    planned = next(line for line in lines if line.startswith("events (planned)"))
    assert planned.split()[2:5] == ["n/a", "0.000", "0.000"]
    roles = next(line for line in lines if line.startswith("role accuracy"))
    assert roles.split()[2:] == ["1.000", "1/1"]
    assert lines[-1] == "(3 articles)"
    # the counts column starts at the same offset on every metric row
    starts = {line.index("tp=") for line in lines if "tp=" in line}
    assert len(starts) == 1


@pytest.mark.skipif(not GOLD_DEV.is_file(), reason="gold_dev.jsonl not available")
def test_gold_dev_against_itself_scores_one():
    with open(GOLD_DEV, encoding="utf-8") as fh:
        gold = [json.loads(line) for line in fh if line.strip()]
    report = score(gold, self_prediction(gold))
    d = report.to_dict()
    assert d["articles"] == len(gold)
    for key in ("events_occurred", "events_planned", "article_detection", "names", "topics"):
        assert d[key]["f1"] == 1.0, key
        assert d[key]["fp"] == d[key]["fn"] == 0, key
    assert report.roles.value == 1.0 and report.dates.value == 1.0
    assert d["events_occurred"]["tp"] == sum(
        e["status"] == "occurred" for a in gold for e in a["events"]
    )
    assert errors(gold, self_prediction(gold)) == []
