"""A place noun written with a name picks its reading (kg.extract.world_classifiers), on made-up
sentences."""

from __future__ import annotations

import pytest

from tests.test_extract_world_places import _places


@pytest.mark.parametrize("text, country", [
    ("Farmers blocked a road in San Juan province on Monday.", "ARG"),
    ("Farmers blocked a road in San Juan on Monday.", "PRI"),
    ("Farmers blocked a road in the province of San Juan on Monday.", "ARG"),
])
def test_a_classifier_noun_picks_the_reading_of_its_kind(extractor, text, country):
    assert _places(extractor, text)["San Juan"].country == country


@pytest.mark.parametrize("text, name, country", [
    ("Farmers blocked a road in Plateau State on Monday.", "Plateau", "NGA"),
    ("Farmers blocked a road in Punjab province on Monday.", "Punjab", "PAK"),
    ("Farmers blocked a road in Punjab state on Monday.", "Punjab", "IND"),
])
def test_the_subdivision_whose_own_kind_the_noun_names_wins_a_tie(extractor, text, name,
                                                                  country):
    """Two subdivisions of one name: the one ISO 3166-2 calls what the text calls it."""
    assert _places(extractor, text)[name].country == country

