"""The event-type scheme (``ontology/event-types.ttl``) as Python data.

Examples
--------
>>> event_type("Ceasefire").sign, event_type("ArmedClash").sign
(1, -1)
>>> event_type("Skirmish")
Traceback (most recent call last):
...
kg.errors.InputError: unknown event type 'Skirmish'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SKOS

from kg.errors import InputError
from kg.vocab import CKG, ET

EVENT_TYPES_FILE = Path(__file__).resolve().parents[1] / "ontology" / "event-types.ttl"


@dataclass(frozen=True)
class EventType:
    """One concept of the scheme."""

    key: str
    label: str
    category: str
    sign: int
    cameo: tuple[str, ...]
    plover: str
    acled: str | None


@functools.lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """Every event type by key."""
    graph = Graph().parse(EVENT_TYPES_FILE)
    types = {}
    for concept in graph.subjects(SKOS.inScheme, ET.EventTypeScheme):
        key = str(concept)[len(str(ET._NS)):]
        acled = graph.value(concept, CKG.acledType)
        types[key] = EventType(
            key=key, label=str(graph.value(concept, SKOS.prefLabel)),
            category=str(graph.value(concept, CKG.category)),
            sign=int(graph.value(concept, CKG.sign)),
            cameo=tuple(sorted(str(c) for c in graph.objects(concept, CKG.cameoCode))),
            plover=str(graph.value(concept, CKG.ploverCode)),
            acled=str(acled) if acled is not None else None)
    return dict(sorted(types.items()))


def event_type(key: str) -> EventType:
    """The event type ``key``; raises :class:`InputError` if unknown."""
    try:
        return event_types()[key]
    except KeyError:
        raise InputError(f"unknown event type {key!r}") from None
