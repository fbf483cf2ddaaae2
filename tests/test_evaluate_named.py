"""kg.evaluate.named: extractions read in the terms of a gold that names organisations."""

from __future__ import annotations

from kg.documents import article_from_text
from kg.evaluate.named import as_named, in_power_movements
from kg.synth.score import Scores


def test_the_houthis_in_power_are_read_as_the_houthis():
    assert in_power_movements()["houthis-in-power"] == "houthis"


def test_a_synthetic_truth_naming_organisations_scores_their_branches_and_forces(extractor):
    text = ("On 3 May 2022, IS militants attacked a checkpoint near Kirkuk. Houthi forces "
            "shelled Marib on the same day.")
    extraction = extractor.extract(article_from_text(text, origin="t",
                                                     meta={"published": "2022-05-05"}))
    found = {m.key for m in extraction.mentions if m.kind == "actor"}
    assert {"houthis-in-power"} <= found
    named = {m.key for m in as_named(extraction).mentions if m.kind == "actor"}
    assert {"houthis"} <= named and not named & {"houthis-in-power", "isis-iraq"}
    truth = {"actors": [{"key": k} for k in named], "places": [], "events": [], "claims": []}
    scores = Scores()
    scores.add(extraction, truth)
    assert scores["actors"].f1 == 1.0
