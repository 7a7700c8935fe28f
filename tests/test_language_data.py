"""The event vocabulary, the cue words and the grammar agree with one another.

Adding an event type means rows in ``vocabulary.tsv``, ``triggers.tsv`` and ``codes.tsv``
and one handler in :data:`marsad.events.GRAMMAR`; these tests fail when one is missing.
"""
from __future__ import annotations

import dataclasses

import pytest

import marsad
from marsad.events import GRAMMAR
from marsad.lexicon import Cues, load_cues, read_rows
from marsad.model import vocabulary

NOT_A_TYPE = "NOT"  # triggers.tsv: a word that looks like a trigger but is not one


def test_every_trigger_type_is_in_the_vocabulary():
    types = {row[0] for row in read_rows("triggers.tsv")} - {NOT_A_TYPE}
    assert types <= set(vocabulary().type_names), types - set(vocabulary().type_names)


def test_every_code_row_type_is_in_the_vocabulary():
    types = {row[0] for row in read_rows("codes.tsv")}
    assert types <= set(vocabulary().type_names), types - set(vocabulary().type_names)


def test_every_type_has_triggers_and_a_grammar_handler():
    trigger_types = {row[0] for row in read_rows("triggers.tsv")}
    for name in vocabulary().type_names:
        assert name in trigger_types, f"{name}: no row in triggers.tsv"
        assert name in GRAMMAR, f"{name}: no handler in marsad.events.GRAMMAR"
    assert set(GRAMMAR) <= set(vocabulary().type_names)


def test_message_subtype_cues_name_vocabulary_subtypes():
    allowed = set(vocabulary().type("MESSAGE").subtypes)
    assert {subtype for _, subtype in load_cues().subtype} <= allowed


def test_every_cue_kind_is_listed():
    cues = load_cues()
    for f in dataclasses.fields(Cues):
        assert getattr(cues, f.name), f"cues.tsv lists no {f.name}"


def test_cue_words_are_folded():
    cues = load_cues()
    assert "بحضور" in cues.non_party
    assert "لدي" in cues.title_host  # لدى, folded
    assert cues.day_offset["اول من امس"] == -2
    assert "وللرئيس" in cues.ruler_rank  # و + ل + الرئيس


def test_unknown_cue_kind_is_rejected():
    with pytest.raises(ValueError, match="unknown kind"):
        Cues.from_rows([["not_a_kind", "كلمة"]])


def test_cues_can_be_replaced_by_a_user_file(tmp_path, monkeypatch):
    # Without the sport cues, "يستقبل الهلال النصر" would be read like a diplomatic verb.
    rows = [line for line in (read_rows("cues.tsv")) if line[0] != "sport"]
    (tmp_path / "cues.tsv").write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    replaced = load_cues(str(tmp_path))
    assert replaced.sport == ()
    assert replaced.non_party == load_cues().non_party


def test_dateline_marks_are_one_list():
    # "الرياض (واس) - استقبل …": the city before a dateline mark is not the subject.
    ex = marsad.extract(
        "الرياض (واس) - استقبل خادم الحرمين الشريفين الملك سلمان في مكتبه اليوم وزير الخارجية الأمريكي جون كيري.",
        published="2015-08-03",
    )
    assert [(e.type, sorted(e.countries())) for e in ex.events] == [("MEETING", ["SAU", "USA"])]
    assert ex.home_country == "SAU"
