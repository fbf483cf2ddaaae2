"""Theatres of stateless organisations: the Islamic State in Iraq is its Iraqi branch.

An organisation with no home country (``ontology/actors.yaml`` gives the Islamic State and
al-Qaeda none) fights through branches in the countries it acts in, and reports name the
branch by the organisation's name: "IS militants attacked a checkpoint" in a report from
Kirkuk tells of the Islamic State in Iraq, as ACLED codes it ("Islamic State (Iraq)"). In an
article that lies in one country (:class:`~kg.extract.context_countries.Countries`), each
mention of such an organisation is its branch there, an actor of that country that is part of
the organisation (its ``parent``). An article across borders ("IS fighters crossed from Syria
into Lebanon") tells of the organisation itself: one story, one actor.

Examples
--------
>>> from kg.extract.gazetteer import load_gazetteer
>>> from kg.model import Span
>>> gazetteer = load_gazetteer()
>>> told = [Mention(Span(0, 2, "IS"), 0, "actor", "isis"),
...         Mention(Span(20, 29, "Hezbollah"), 1, "actor", "hezbollah")]
>>> mentions, tokens = in_theatres(told, {0: "isis", 5: "hezbollah"}, gazetteer,
...                                Countries({0: "iraq", 1: "iraq"}, "iraq"))
>>> [m.key for m in mentions], tokens
(['isis-iraq', 'hezbollah'], {0: 'isis-iraq', 5: 'hezbollah'})
>>> in_theatres(told, {0: "isis"}, gazetteer, Countries({0: "iraq", 1: "syria"}, "iraq"))[1]
{0: 'isis'}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from kg.extract.context_countries import Countries
from kg.extract.gazetteer import Gazetteer
from kg.model import Actor, Mention


def stateless(actor: Actor | None) -> bool:
    """Whether an actor is an armed organisation with no home country, neither a state's
    sector nor a branch.

    >>> from kg.extract.gazetteer import load_gazetteer
    >>> [stateless(load_gazetteer().actors[k]) for k in ("isis", "hezbollah", "united-nations")]
    [True, False, False]
    """
    return actor is not None and actor.kind == "armed_group" and actor.country is None \
        and actor.sector is None and actor.parent is None


def in_theatres(mentions: list[Mention], token_actor: Mapping[int, str], gazetteer: Gazetteer,
                countries: Countries) -> tuple[list[Mention], dict[int, str]]:
    """The mentions and the actor key of each actor token, with each stateless organisation
    read as its branch in the one country the places of the article lie in, if they lie in
    one (not where the article names no place, and only the groups it names have a home)."""
    lying = {countries.article, *countries.by_sentence.values()} - {None}
    if len(lying) != 1 or not countries.by_sentence:  # no place named: the groups' homes
        return mentions, dict(token_actor)
    (state,) = lying

    def local(key: str) -> str:
        return gazetteer.branch(key, state).key if stateless(gazetteer.actors.get(key)) else key

    return ([replace(m, key=local(m.key)) if m.kind == "actor" else m for m in mentions],
            {i: local(key) for i, key in token_actor.items()})


__all__ = ["in_theatres", "stateless"]
