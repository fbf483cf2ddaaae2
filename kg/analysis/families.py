"""Relation families: the one place that groups edge types into families.

The network page toggles a family at once (fights, coerces, accuses,
negotiates, mediates, supports, allied, co-acts, other); the aggregates
(:mod:`kg.aggregates`) keep counts per edge type and apply this grouping when
read, so adding a family (or moving a type) here needs no rebuild of the store.

Examples
--------
>>> family_of("ArmedClash"), family_of("CoAgent"), family_of("Mediates"), family_of("Nonsense")
('fights', 'co-acts', 'mediates', 'other')
>>> family_of(pair_relation("Negotiate", "co-agent", "mutually")), family_of("Allied")
('negotiates', 'allied')
"""

from __future__ import annotations

RELATION_FAMILIES: dict[str, tuple[str, ...]] = {
    "fights": ("ArmedClash", "Attack", "AirStrike", "Shelling", "Bombing", "SuicideBomb",
               "Grenade", "ChemicalWeapon", "AttackOnCivilians", "SexualViolence", "Kidnap",
               "SeizeTerritory", "RegainTerritory", "MobViolence", "ExcessiveForce"),
    "coerces": ("Arrest", "Sanction", "DesignateTerrorist", "Threaten", "Mobilize", "Reject",
                "Looting", "DisruptedWeapons", "OrganisedCrime", "SecurityMeasure"),
    "accuses": ("Accuse", "Condemn"),
    "negotiates": ("Negotiate", "Ceasefire", "Release", "Agreement"),
    "mediates": ("Mediate", "Mediates"),
    "supports": ("Support", "MilitaryAid", "Praise"),
    "allied": ("Allied",),
    "co-acts": ("CoAgent",),
    "other": ("Demand", "Protest", "ProtestWithIntervention", "ViolentDemonstration", "Withdraw",
              "Surrender", "BaseEstablished", "OtherDevelopment"),
}
"""Edge types per family; any other event type falls into ``other``.

``co-acts`` joins actors named as agents of the same event: acting together in
one event is not an alliance (two armies in "separate but simultaneous
offensives" co-act), so it is a family of its own, drawn without arrows.
``Mediates`` is the edge from a mediator to each party of a mediated event.
``allied`` holds only what the text says is an alliance or a joint act
(:func:`pair_relation`).
"""

EDGE_SIGNS = {"CoAgent": 1, "Mediates": 1, "Allied": 1}
"""Signs of the edge types that are no event type (the event types' are in the taxonomy)."""
UNDIRECTED = frozenset({"CoAgent", "Allied"})
"""Edge types drawn without an arrow: neither end acts on the other."""

_TYPE_FAMILY = {kind: family for family, kinds in RELATION_FAMILIES.items() for kind in kinds}


def family_of(edge_type: str) -> str:
    """The family of an edge type (``other`` when unknown)."""
    return _TYPE_FAMILY.get(edge_type, "other")


def edge_signs() -> dict[str, int]:
    """The sign of every edge type: each event type's from the taxonomy, and :data:`EDGE_SIGNS`.

    >>> signs = edge_signs()
    >>> signs["ArmedClash"], signs["Allied"]
    (-1, 1)
    """
    from kg.taxonomy import event_signs

    return {**event_signs(), **EDGE_SIGNS}


def pair_relation(event_type: str, role: str, agents_act: str | None) -> str:
    """The edge type between two actors of one event: ``role`` ``target`` (agent -> target)
    or ``co-agent`` (two agents), ``agents_act`` as :attr:`kg.model.Event.agents_act` says.

    Agents who act on each other ("talks between X and Y") get the event's own type;
    agents the text says act together (jointly, alongside, in coordination) are
    ``Allied``, and so is every pair of an alliance ("X, an ally of Y"); other agents
    of one event only co-act (``CoAgent``).

    >>> pair_relation("ArmedClash", "target", None), pair_relation("ArmedClash", "co-agent", None)
    ('ArmedClash', 'CoAgent')
    >>> pair_relation("ArmedClash", "co-agent", "jointly"), pair_relation("Support", "target", "allied")
    ('Allied', 'Allied')
    """
    if agents_act == "allied":
        return "Allied"
    if role == "target":
        return event_type
    return {"jointly": "Allied", "mutually": event_type}.get(agents_act or "", "CoAgent")


__all__ = ["EDGE_SIGNS", "RELATION_FAMILIES", "UNDIRECTED", "edge_signs", "family_of",
           "pair_relation"]
