"""Actors as a gold annotation names them: the organisation for its branch, the movement for
its forces in power.

The extractor reads "IS militants" in a report from Kirkuk as the Islamic State's Iraqi
branch (:mod:`kg.extract.theatres`) and "Houthi forces" in a report of 2022 as the forces of
the Houthis in power (:meth:`kg.extract.gazetteer.Gazetteer.as_of`). Gold annotations written
by organisation (the seed article's, the synthetic world's truth) name the Islamic State and
the Houthis: :func:`as_named` reads an extraction in their terms before it is scored.

Examples
--------
>>> from kg.model import Actor, Event, Span
>>> from kg.documents import article_from_text
>>> actors = (Actor("isis", "Islamic State", "armed_group"),
...           Actor("isis-iraq", "Islamic State (Iraq)", "armed_group", "IRQ", parent="isis"),
...           Actor("iraq", "Iraq", "state", "IRQ"),
...           Actor("iraq-military", "Iraqi armed forces", "military", "IRQ", parent="iraq"))
>>> found = Extraction(article=article_from_text("x", origin="t"), actors=actors, events=(
...     Event(0, "ArmedClash", Span(0, 1, "x"), 0, ("isis-iraq",), ("iraq-military",)),))
>>> named = as_named(found, {})
>>> named.events[0].agents, named.events[0].targets
(('isis',), ('iraq-military',))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from kg.model import Extraction


def in_power_movements() -> dict[str, str]:
    """Key of a movement's forces in power -> key of the movement, from the gazetteer."""
    from kg.extract.gazetteer import load_gazetteer

    return {forces: movement for movement, (_, forces) in load_gazetteer().in_power.items()}


def as_named(extraction: Extraction, in_power: Mapping[str, str] | None = None) -> Extraction:
    """``extraction`` with each branch of an organisation read as the organisation (a branch
    is an actor whose ``parent`` is no state; a state's sector, "Iraqi armed forces", stays)
    and the forces of a movement in power as the movement (``in_power``: forces -> movement;
    by default the gazetteer's)."""
    actors = {a.key: a for a in extraction.actors}
    whole = {a.key: a.parent for a in extraction.actors
             if a.parent in actors and actors[a.parent].kind != "state"}
    whole.update(in_power_movements() if in_power is None else in_power)
    if not whole.keys() & {*actors, *(m.key for m in extraction.mentions)}:
        return extraction

    def keys(found: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(whole.get(k, k) for k in found))

    def key(found: str | None) -> str | None:
        return whole.get(found, found) if found else found

    return replace(
        extraction,
        mentions=tuple(replace(m, key=whole.get(m.key, m.key)) for m in extraction.mentions),
        events=tuple(replace(e, agents=keys(e.agents), targets=keys(e.targets),
                             mediators=keys(e.mediators)) for e in extraction.events),
        claims=tuple(replace(c, speaker=key(c.speaker), via=key(c.via))
                     for c in extraction.claims))


__all__ = ["as_named", "in_power_movements"]
