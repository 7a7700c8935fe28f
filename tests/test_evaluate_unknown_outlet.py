"""`marsad evaluate --unknown-outlet`: the same gold scored as pages of an outlet marsad does
not know, so that the outlet's state must be read from the text."""
import json

from click.testing import CliRunner

from marsad.cli import main


def _gold(tmp_path, text):
    # "The foreign minister received the Turkish ambassador to the country": only the
    # outlet (KUNA, Kuwait) says whose minister it is.
    article = {"id": "g1", "title": "", "text": text, "published": "2024-03-12", "source": "kuna",
               "events": [{"type": "MEETING", "status": "occurred", "date": None, "topics": [],
                           "actors": [{"role": "source", "name": None, "title": "وزير الخارجية", "country": "KWT"},
                                      {"role": "target", "name": None, "title": "سفير تركيا", "country": "TUR"}]}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(article, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _f1(*args):
    result = CliRunner().invoke(main, ["evaluate", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["events_occurred"]["f1"]


def test_a_bare_office_needs_the_outlet_or_the_text(tmp_path):
    bare = _gold(tmp_path, "استقبل وزير الخارجية اليوم سفير تركيا لدى البلاد.")
    assert _f1(str(bare)) == 1.0
    assert _f1(str(bare), "--unknown-outlet") == 0.0  # nothing in the text says Kuwait


def test_the_text_can_tell_the_outlet_state(tmp_path):
    # The same news with the agency's dateline: «الكويت - كونا -».
    dated = _gold(tmp_path, "الكويت - كونا - استقبل وزير الخارجية اليوم سفير تركيا لدى البلاد.")
    assert _f1(str(dated), "--unknown-outlet") == 1.0
