"""The ACLED scorer on tiny hand-made rows, and the development notes when present."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.evaluate import EvalDataMissing, eval_dir
from kg.evaluate.acled import (
    Row, actor_matches, by_region, gold_actor, load_rows, place_scores, sample, score_note,
    split_acled,
)
from kg.model import Actor, Article, Event, Extraction, Place, Span, TimeExpr


def _row(**changes: object) -> Row:
    fields = dict(region="Testland", notes="On 3 January 2022, gunmen killed a farmer in Alpha.",
                  event_date=dt.date(2022, 1, 3), event_type="Violence against civilians",
                  sub_event_type="Attack", actor1="Unidentified Armed Group (Nigeria)",
                  actor2="Civilians (Nigeria)", country="Nigeria", places=("Alpha", "Beta"),
                  lat=10.0, lon=8.0)
    fields.update(changes)
    return Row(**fields)  # type: ignore[arg-type]


def _extraction(event_type: str = "AttackOnCivilians", value: str = "2022-01-03",
                place: Place | None = None) -> Extraction:
    article = Article(key="a", text="x", sha256="0")
    time = TimeExpr(Span(0, 1, "x"), 0, value, "day")
    actors = (Actor("unidentified-nga", "Unidentified armed group", "armed_group", country="NGA"),
              Actor("civilians", "Civilians", "civilians"))
    event = Event(0, event_type, Span(0, 1, "x"), 0, agents=("unidentified-nga",),
                  targets=("civilians",), place=place.key if place else None, time=time)
    return Extraction(article, actors=actors, places=(place,) if place else (), events=(event,))


def test_split_keeps_the_slash_inside_the_event_type() -> None:
    assert split_acled("Explosions/Remote violence/Grenade") == ("Explosions/Remote violence",
                                                                 "Grenade")
    assert split_acled("Battles/Armed clash") == ("Battles", "Armed clash")


def test_gold_actor_reads_sectors_countries_and_unidentified() -> None:
    assert gold_actor("Police Forces of Kenya (2022-)").sector == "police"
    assert gold_actor("Police Forces of Kenya (2022-)").name == "kenya"
    assert gold_actor("Protesters (Chile)").country == "Chile"
    assert gold_actor("Unidentified Armed Group (Nigeria)").sector == "unidentified"


def test_sector_actor_matches_only_with_the_right_country() -> None:
    gold = gold_actor("Military Forces of Mali (2021-)")
    soldier = Actor("mli-military", "Malian army", "military", parent="mli", sector="military")
    assert actor_matches(gold, soldier, {"mli": Actor("mli", "Mali", "state", country="MLI")})
    assert not actor_matches(gold, soldier, {"mli": Actor("mli", "Niger", "state", country="NER")})
    police = Actor("mli-police", "Malian police", "police", parent="mli", sector="police")
    assert not actor_matches(gold, police, {"mli": Actor("mli", "Mali", "state", country="MLI")})


def test_place_name_and_distance() -> None:
    near = Place("beta", "Beta", "town", lat=10.1, lon=8.0)
    far = Place("gamma", "Gamma", "town", lat=12.0, lon=8.0)
    assert place_scores(_row(), near) == (True, True)
    assert place_scores(_row(), far) == (False, False)
    assert place_scores(_row(), None) == (False, False)


def test_a_place_matches_by_any_name_the_gazetteer_records() -> None:
    written_otherwise = Place("b", "Baytah", "town", lat=10.1, lon=8.0, other_names=("Beta",))
    assert place_scores(_row(), written_otherwise) == (True, True)
    assert place_scores(_row(), Place("b", "Baytah", "town")) == (False, False)


def test_a_note_scores_every_measure() -> None:
    place = Place("alpha", "Alpha", "town", lat=10.0, lon=8.0)
    got = score_note(_row(), _extraction(place=place))
    assert (got["type"], got["sub"]) == ("Violence against civilians", "Attack")
    assert got["date"] and got["place"] and got["coords"] and got["country"]
    assert got["actor1"] and got["events"]
    assert not score_note(_row(), _extraction(value="2022-01-05"))["date"]


def test_regions_and_overall() -> None:
    rows = [_row(), _row(region="Other", event_type="Battles", sub_event_type="Armed clash")]
    scored = [score_note(r, _extraction()) for r in rows]
    table = by_region(rows, scored)
    assert list(table) == ["Other", "Testland", "all"]
    assert table["Testland"][1]["type acc"] == 1.0
    assert table["Other"][1]["type acc"] == 0.0
    assert table["all"][1]["type acc"] == 0.5


def test_sample_is_stable_and_bounded() -> None:
    rows = [_row(notes=str(i)) for i in range(20)]
    assert sample(rows, 5, seed=1) == sample(rows, 5, seed=1)
    assert len(sample(rows, 5)) == 5 and sample(rows, 50) == rows


def test_development_notes_load() -> None:
    try:
        rows = load_rows(eval_dir())
    except EvalDataMissing as missing:
        pytest.skip(f"ACLED development data absent: {missing}")
    assert len(rows) > 1000
    assert all(split_acled(f"{r.event_type}/{r.sub_event_type}")[0] == r.event_type for r in rows)


def test_named_actor_matches_any_alternative_or_acronym_part() -> None:
    gold = gold_actor("Lion Front - Northern Faction and/or Delta Brigade")
    assert actor_matches(gold, Actor("delta-brigade", "Delta Brigade", "armed_group"), {})
    assert actor_matches(gold, Actor("lion-front", "Lion Front", "armed_group"), {})
    assert not actor_matches(gold, Actor("northern", "Northern", "armed_group"), {})
    compound = gold_actor("ABC-Imbo: Alpha Beta Congress (Imbo Wing)")
    assert actor_matches(compound, Actor("abc", "ABC", "party"), {})
    assert actor_matches(compound, Actor("imbo", "Imbo", "armed_group"), {})
    assert not actor_matches(compound, Actor("alpha", "Alpha", "party"), {})


def test_a_named_groups_faction_in_brackets_leaves_the_events_country_to_score() -> None:
    row = _row(actor1="Alpha Liberation Front (Splinter Faction)")
    assert score_note(row, _extraction())["country"]  # the agent's Nigeria, the event's
    assert not score_note(_row(actor1="Alpha Liberation Front (Ghana)"), _extraction())["country"]
