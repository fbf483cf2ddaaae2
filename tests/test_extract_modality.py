"""kg.extract.modality: an event denied by a "no" on what the verb needs is negated."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


@pytest.mark.parametrize("text, expected", [
    ("Police searched the school and no bombs were found.", "negated"),
    ("Soldiers found no weapons in the house.", "negated"),
    ("Soldiers found weapons in the house.", "asserted"),
    ("Weapons were not found in the house.", "negated"),
])
def test_a_no_on_the_object_negates_the_event(extractor, text, expected):
    events = extractor.extract(article_from_text(text, origin="modality")).events
    assert [e.modality for e in events if e.event_type == "DisruptedWeapons"] == [expected]
