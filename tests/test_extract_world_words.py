"""Place names that are something else as well (kg.extract.world_words): English words, parts
of longer names, countries' names, on made-up sentences."""

from __future__ import annotations

from kg.documents import article_from_text


def _places(extractor, text):
    found = extractor.extract(article_from_text(text, origin="t"))
    by_key = {p.key: p for p in found.places}
    return {m.span.text: (by_key[m.key].label, by_key[m.key].country)
            for m in found.mentions if m.kind == "place"}


def test_a_name_after_the_possessive_of_no_place_is_the_rest_of_a_longer_name(extractor):
    places = _places(extractor, "On 1 June 2022, on International Children's Day, parents "
                                "marched through the streets of Yerevan, Armenia.")
    assert "Day" not in places and places["Yerevan"][1] == "ARM"


def test_a_name_after_the_possessive_of_a_place_is_a_place_in_it(extractor):
    assert _places(extractor, "Drones struck a car in Iraq's Sinjar district.")["Sinjar"][1] == "IRQ"


def test_an_english_word_is_no_other_name_of_a_place_abroad(extractor):
    places = _places(extractor, "Residents marched along the Po riverbank in Turin.")
    assert places["Turin"][1] == "ITA" and "Po" not in places


def test_a_country_named_at_the_top_of_a_chain_is_the_country_not_a_namesake_town(extractor):
    places = _places(extractor, "Residents blocked an avenue in El Alto, Bolivia.")
    assert places.get("Bolivia") == ("Bolivia", "BOL")
    assert all(country == "BOL" for _, country in places.values())
