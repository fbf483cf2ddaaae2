"""Readings of "X in Y" (kg.extract.world_within), on made-up places."""

from __future__ import annotations

import dataclasses

from kg.extract.world import WorldPlace
from kg.extract.world_names import Candidate
from kg.extract.world_within import confirm_within, within_admins, within_holds

TOWN = WorldPlace("gn1", "Orvo", "city", "XQX", "Kalvanska", "Selmo", 49.5, 34.5, 900)
CHAIN = [Candidate(0, 1, "Orvo", True, 1, chain_only=True, within=True),
         Candidate(2, 3, "Kalvan", True)]


def test_y_holds_x_as_its_admin1_its_admin2_or_its_towns_narrowest_subdivision():
    assert within_holds(TOWN, CHAIN, [[TOWN], []], 0)  # "Kalvan" for "Kalvanska"
    selm = [CHAIN[0], Candidate(2, 3, "Selmo", True)]
    assert within_holds(TOWN, selm, [[TOWN], []], 0)
    city = WorldPlace("gn2", "Tarn", "city", "XQX", "Kalvanska", "Selmo", 49.0, 34.0, 90_000)
    tarn = [CHAIN[0], Candidate(2, 3, "Tarn", True)]
    assert within_admins(tarn, [[TOWN], [city]], 0) == {"tarn", "selmo"}
    assert within_holds(TOWN, tarn, [[TOWN], [city]], 0)  # "in Tarn": in Tarn's district
    assert not within_holds(TOWN, tarn, [[TOWN], []], 0)


def test_its_country_holds_only_a_town_of_twenty_thousand_or_more():
    country = WorldPlace("iso-xqx", "Kalvania", "country", "XQX", None, None, 49.0, 34.0, 10**6)
    chain = [CHAIN[0], Candidate(2, 3, "Kalvania", True)]
    assert not within_holds(TOWN, chain, [[TOWN], [country]], 0)
    large = dataclasses.replace(TOWN, population=20_000)
    assert within_holds(large, chain, [[large], [country]], 0)
    abroad = dataclasses.replace(large, country="XQY")
    assert not within_holds(abroad, chain, [[abroad], [country]], 0)


def test_a_name_no_reading_of_which_y_holds_stands_alone():
    elsewhere = dataclasses.replace(TOWN, admin1="Tarnska", admin2=None)
    assert [c.chained_to for c in confirm_within(CHAIN, [[elsewhere], []])] == [None, None]
    assert [c.chained_to for c in confirm_within(CHAIN, [[], []])] == [1, None]  # not yet read
