"""Regions named by compass words alone (kg.extract.world_places), on made-up sentences: split
from test_extract_world_places.py, which holds the other rules of place resolution."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _place_countries(extractor, text):
    found = extractor.extract(article_from_text(text, origin="t"))
    by_key = {p.key: p for p in found.places}
    return {m.span.text: by_key[m.key].country for m in found.mentions if m.kind == "place"}


def test_a_compass_region_of_no_one_state_is_no_place(extractor):
    places = _place_countries(extractor, "People staged a protest in Kirikoru (Kirikoru, Western) "
                                         "over fuel shortages.")
    assert "Western" not in places


@pytest.mark.parametrize("text, country", [
    ("Protesters gathered in Tripoli (Tripoli, North) over the economic crisis.", "LBN"),
    ("People staged a protest in Kumasi and Takoradi (Western) over fuel prices.", "GHA"),
])
def test_a_compass_region_in_a_chain_or_beside_the_texts_country_is_its(extractor, text,
                                                                        country):
    places = _place_countries(extractor, text)
    assert country in places.values() and places.get("North", places.get("Western")) == country
