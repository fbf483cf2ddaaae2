"""A raid that only arrests is an arrest (kg.extract.raids), on made-up reports."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _types(extractor, text: str) -> list[str]:
    extraction = extractor.extract(article_from_text(text, origin="raids"))
    return [e.event_type for e in extraction.events]


@pytest.mark.parametrize("text", [
    "On 4 May 2022, Kenyan soldiers raided a market in Garissa and arrested three traders.",
    "On 4 May 2022, Kenyan police stormed a house in Garissa and arrested two men.",
])
def test_a_raid_told_with_an_arrest_and_no_violence_is_the_arrest(extractor, text):
    assert set(_types(extractor, text)) == {"Arrest"}


@pytest.mark.parametrize("text", [
    "On 4 May 2022, Kenyan soldiers raided a market in Garissa, beat and arrested three traders.",
    "On 4 May 2022, Kenyan soldiers raided a market in Garissa and arrested three traders. "
    "The soldiers shot a boy.",
])
def test_a_raid_with_violence_told_beside_it_stays_an_attack(extractor, text):
    assert _types(extractor, text)[0] != "Arrest"


def test_a_raid_with_no_arrest_stays_an_attack(extractor):
    assert _types(extractor, "On 4 May 2022, Kenyan soldiers raided a market in Garissa.")[0] \
        != "Arrest"
