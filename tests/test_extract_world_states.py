"""Subdivision names matched across languages, and the packaged states' positions
(kg.extract.world_states), on made-up states."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kg.extract.world_states import (match_states, packaged_states, state_names, state_position,
                                     subdivision_key)


def _state(code: str, name: str, lat: str, lon: str, native: str | None = None) -> dict:
    return {"iso3166_2": code, "country_code": code[:2], "name": name, "native": native,
            "latitude": lat, "longitude": lon}


@pytest.mark.parametrize(("one", "other"), [
    ("Nord-Ouest", "North West"), ("Northwest", "North-West"), ("Extrême-Nord", "Far North"),
    ("Sud", "South Province"), ("Est", "Eastern Region"), ("Ouest", "Western"),
    ("Centre", "Central"), ("Center", "Centro"), ("Province du Qarvo", "Qarvo"),
    ("Province de l'Ubrel", "Ubrel Province"), ("Nord-Tavu", "North Tavu"),
    ("Tavu-Oriental", "Tavu Eastern"), ("Sud-Est", "South-East"),
])
def test_direction_and_generic_words_match_across_languages(one, other):
    assert subdivision_key(one) == subdivision_key(other)


@pytest.mark.parametrize(("one", "other"), [
    ("North", "South"), ("Nord-Ouest", "Nord-Est"), ("North-East", "East"),
    ("Far North", "North"), ("Nord-Tavu", "Sud-Tavu"), ("Qarvo", "Qarvi"),
])
def test_different_directions_or_names_stay_apart(one, other):
    assert subdivision_key(one) != subdivision_key(other)


def test_a_subdivision_takes_its_coded_state_else_its_namesake():
    states = [_state("XQ-NW", "Northwest", "6.4", "10.4"),
              _state("XQ-EN", "Far North", "10.6", "14.3"),
              _state("XQ-KA", "Kalvo", "", "")]  # no position: ignored
    subs = [SimpleNamespace(code="XQ-NW", country_code="XQ", name="Nord-Ouest"),
            SimpleNamespace(code="XQ-10", country_code="XQ", name="Extrême-Nord"),
            SimpleNamespace(code="XQ-KA", country_code="XQ", name="Kalvo"),
            SimpleNamespace(code="XR-EN", country_code="XR", name="Far North")]
    found = match_states(subs, states)
    assert {code: state_position(state) for code, state in found.items()} == {
        "XQ-NW": (6.4, 10.4), "XQ-10": (10.6, 14.3)}


def test_a_reassigned_code_yields_to_the_state_bearing_the_name():
    states = [_state("XQ-01", "Lorva", "1.0", "2.0"), _state("XQ-02", "Mendu", "3.0", "4.0")]
    subs = [SimpleNamespace(code="XQ-01", country_code="XQ", name="Mendu"),
            SimpleNamespace(code="XQ-02", country_code="XQ", name="Mendu Region")]
    found = match_states(subs, states)
    assert {code: state["iso3166_2"] for code, state in found.items()} == {
        "XQ-01": "XQ-02", "XQ-02": "XQ-02"}


def test_a_state_is_named_in_english_and_its_local_latin_names_only():
    assert state_names(_state("XQ-NW", "Northwest", "1", "2", native="Nord-ouest")) == {
        "Northwest", "Nord-ouest"}
    assert state_names(_state("XQ-NW", "Northwest", "1", "2", native="Северо-запад")) == {
        "Northwest"}


def test_the_packaged_states_carry_iso_codes_and_positions():
    states = list(packaged_states())
    coded = [s for s in states if s.get("iso3166_2") and s.get("latitude")]
    assert len(coded) > 4000
    assert all(-90 <= float(s["latitude"]) <= 90 and -180 <= float(s["longitude"]) <= 180
               for s in coded)
