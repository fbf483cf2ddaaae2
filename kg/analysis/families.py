"""Relation families: the one place that groups edge types into families.

The network page toggles a family at once (fights, coerces, accuses,
negotiates, mediates, supports, co-acts, other); the aggregates
(:mod:`kg.aggregates`) keep counts per edge type and apply this grouping when
read, so adding a family (or moving a type) here needs no rebuild of the store.

Examples
--------
>>> family_of("ArmedClash"), family_of("CoAgent"), family_of("Mediates"), family_of("Nonsense")
('fights', 'co-acts', 'mediates', 'other')
"""

from __future__ import annotations

RELATION_FAMILIES: dict[str, tuple[str, ...]] = {
    "fights": ("ArmedClash", "Attack", "AirStrike", "Shelling", "Bombing", "SuicideBomb",
               "Grenade", "ChemicalWeapon", "AttackOnCivilians", "SexualViolence", "Kidnap",
               "SeizeTerritory", "RegainTerritory", "MobViolence", "ExcessiveForce"),
    "coerces": ("Arrest", "Sanction", "DesignateTerrorist", "Threaten", "Mobilize", "Reject",
                "Looting", "DisruptedWeapons", "OrganisedCrime"),
    "accuses": ("Accuse", "Condemn"),
    "negotiates": ("Negotiate", "Ceasefire", "Release", "Agreement"),
    "mediates": ("Mediate", "Mediates"),
    "supports": ("Support", "MilitaryAid", "Praise"),
    "co-acts": ("CoAgent",),
    "other": ("Demand", "Protest", "ProtestWithIntervention", "ViolentDemonstration", "Withdraw",
              "BaseEstablished", "OtherDevelopment"),
}
"""Edge types per family; any other event type falls into ``other``.

``co-acts`` joins actors named as agents of the same event: acting together in
one event is not an alliance (two armies in "separate but simultaneous
offensives" co-act), so it is a family of its own, drawn without arrows.
``Mediates`` is the edge from a mediator to each party of a mediated event.
"""

_TYPE_FAMILY = {kind: family for family, kinds in RELATION_FAMILIES.items() for kind in kinds}


def family_of(edge_type: str) -> str:
    """The family of an edge type (``other`` when unknown)."""
    return _TYPE_FAMILY.get(edge_type, "other")


__all__ = ["RELATION_FAMILIES", "family_of"]
