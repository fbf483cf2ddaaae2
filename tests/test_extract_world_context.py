"""The countries a text is about, as the place resolver weighs them (kg.extract.world_context):
an army's nationality is weak context."""

from __future__ import annotations

from kg.documents import article_from_text
from kg.extract.world_context import FIRM_BONUS, WEAK_BONUS, CountryContext, context_bonus


def _event_place(extractor, text):
    found = extractor.extract(article_from_text(text, origin="t"))
    places = {p.key: p for p in found.places}
    return places[found.events[0].place or ""]


def test_a_country_named_only_by_an_army_is_weak_until_a_place_lies_there():
    context = CountryContext({"UKR"}, weak={"RUS"})
    assert context == {"UKR", "RUS"} and context.weak == {"RUS"}
    assert (context.bonus("UKR"), context.bonus("RUS"), context.bonus("POL")) == (
        FIRM_BONUS, WEAK_BONUS, 0.0)
    copied = context.copy()
    context |= {"RUS"}
    assert context.bonus("RUS") == FIRM_BONUS and copied.bonus("RUS") == WEAK_BONUS


def test_a_plain_set_of_countries_is_firm():
    assert context_bonus({"SYR"}, "SYR") == FIRM_BONUS and context_bonus({"SYR"}, "IRQ") == 0.0


def test_an_armys_nationality_does_not_outweigh_a_city_twenty_times_the_size(extractor):
    """Russia has a small Donetsk; the article is about Ukraine's, where Russian forces fight."""
    place = _event_place(extractor, "Russian forces shelled a school in Donetsk.")
    assert (place.label, place.country) == ("Donetsk", "UKR")


def test_an_armys_nationality_still_breaks_a_tie_against_an_alternate_name_abroad(extractor):
    """"Kaluga" is also an alternate name of a Ukrainian village; the Russian city is larger
    and written as its own name, and the Russian armed forces tip the balance against Ukraine,
    named as what is at stake."""
    place = _event_place(extractor, "Communists rallied in Kaluga in support of the Russian "
                                    "armed forces fighting in Ukraine.")
    assert (place.label, place.country) == ("Kaluga", "RUS")


def test_a_country_named_as_what_is_at_stake_does_not_outweigh_a_city_by_its_own_name(extractor):
    """"Bari" is also an alternate name of Bar, a Ukrainian town; Italy's Bari, written as its own
    name and twenty times as large, is where people gathered to condemn the war in Ukraine."""
    place = _event_place(extractor, "Hundreds of people gathered in Bari to call for peace and "
                                    "condemn the war in Ukraine.")
    assert (place.label, place.country) == ("Bari", "ITA")
