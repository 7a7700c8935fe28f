"""The CAMEO / PLOVER crosswalk: documented codes, wildcard precedence, data consistency."""
from __future__ import annotations

import pytest

from marsad.codes import CodeRow, codes_for, load_rows, quad_class_of
from marsad.model import vocabulary


@pytest.mark.parametrize(
    ("etype", "subtype", "cameo", "label", "plover", "mode", "goldstein"),
    [
        ("PHONE_CALL", None, "041", "Discuss by telephone", "CONSULT", "phone", 1.0),
        ("MEETING", None, "043", "Host a visit", "CONSULT", "host", 2.8),
        ("VISIT", None, "042", "Make a visit", "CONSULT", "visit", 1.9),
        ("MESSAGE", "congratulation", "051", "Praise or endorse", "SUPPORT", None, 3.4),
        ("MESSAGE", "condolence", "018", "Make empathetic comment", "SUPPORT", None, 3.4),
        ("MESSAGE", "letter", "040", "Consult, not specified below", "CONSULT", "phone", 1.0),
        ("AGREEMENT", None, "057", "Sign formal agreement", "SUPPORT", None, 8.0),
    ],
)
def test_occurred_events_map_to_documented_codes(
    etype, subtype, cameo, label, plover, mode, goldstein
):
    codes = codes_for(etype, subtype, "occurred")
    assert codes == {
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "cameo_base": cameo,
        "cameo_label": label,
        "plover_type": plover,
        "plover_mode": mode,
        "quad_class": 1,
        "goldstein": goldstein,
    }


@pytest.mark.parametrize("etype", ["PHONE_CALL", "MEETING", "VISIT", "MESSAGE"])
def test_planned_engagements_are_intent_to_meet(etype):
    codes = codes_for(etype, None, "planned")
    assert (codes["cameo"], codes["cameo_root"], codes["goldstein"]) == ("036", "03", 4.0)
    assert codes["cameo_label"] == "Express intent to meet or negotiate"
    assert (codes["plover_type"], codes["plover_mode"]) == ("AGREE", None)


def test_planned_signing_is_intent_to_cooperate_diplomatically():
    codes = codes_for("AGREEMENT", None, "planned")
    assert (codes["cameo"], codes["goldstein"], codes["plover_type"]) == ("032", 4.5, "AGREE")


def test_specific_status_outranks_specific_subtype():
    # (MESSAGE, congratulation, *) and (MESSAGE, *, planned) both match; the status row wins.
    assert codes_for("MESSAGE", "congratulation", "planned")["cameo"] == "036"
    assert codes_for("MESSAGE", "condolence", "planned")["cameo"] == "036"


def test_specific_subtype_outranks_full_wildcard():
    # (MESSAGE, *, *) is the fallback; the subtype row is more specific.
    assert codes_for("MESSAGE", "congratulation", "occurred")["cameo"] == "051"
    assert codes_for("MESSAGE", "other", "occurred")["cameo"] == "040"
    assert codes_for("MESSAGE", None, "occurred")["cameo"] == "040"


def test_specificity_ranking():
    def row(subtype, status):
        return CodeRow("MESSAGE", subtype, status, "040", "x", "CONSULT", None, 1, 1.0)

    ranks = [row("*", "*"), row("letter", "*"), row("*", "planned"), row("letter", "planned")]
    assert [r.specificity() for r in ranks] == [0, 1, 2, 3]


def test_unknown_type_or_status_is_rejected():
    with pytest.raises(ValueError, match="unknown event type"):
        codes_for("PROTEST", None, "occurred")
    with pytest.raises(ValueError, match="unknown status"):
        codes_for("VISIT", None, "rumoured")


def test_every_type_and_status_has_codes():
    for etype in vocabulary().type_names:
        for status in vocabulary().status_names:
            assert codes_for(etype, None, status)["cameo"].isdigit()


def test_result_is_a_fresh_dict():
    first = codes_for("VISIT", None, "occurred")
    first["cameo"] = "999"
    assert codes_for("VISIT", None, "occurred")["cameo"] == "042"


def test_quad_class_of_roots():
    roots = (1, 5, 6, 8, 9, 13, 14, 20)
    assert [quad_class_of(f"{r:02d}") for r in roots] == [1, 1, 2, 2, 3, 3, 4, 4]
    with pytest.raises(ValueError):
        quad_class_of("21")


def test_every_row_is_consistent():
    rows = load_rows()
    assert len(rows) == 12
    for r in rows:
        assert r.quad_class == quad_class_of(r.cameo[:2])
        assert r.cameo[:2] in {"01", "03", "04", "05"}  # all diplomatic engagement is cooperative
        assert r.goldstein > 0
        assert r.plover_type in {"AGREE", "CONSULT", "SUPPORT"}


def test_override_file_is_validated(tmp_path, monkeypatch):
    bad = "VISIT\t*\toccurred\t042\tMake a visit\tCONSULT\tvisit\t2\t1.9\n"
    (tmp_path / "codes.tsv").write_text(bad, encoding="utf-8")
    monkeypatch.setenv("MARSAD_LEXICON_DIR", str(tmp_path))
    load_rows.cache_clear()
    try:
        with pytest.raises(ValueError, match="quad class 2 does not match"):
            load_rows()
    finally:
        monkeypatch.delenv("MARSAD_LEXICON_DIR")
        load_rows.cache_clear()
