"""The event-type scheme (``ontology/event-types.ttl``) as Python data.

Each SKOS concept of the scheme becomes a frozen :class:`EventType` with its
sign (-1 hostile, 0 neutral, +1 cooperative), its CAMEO codes, PLOVER 2021
categories and ACLED event/sub-event type. The file is parsed once per process.

Examples
--------
>>> event_type("Ceasefire").sign, sign_of("ArmedClash")
(1, -1)
>>> cameo_to_type("1951"), cameo_to_type("19")
('AirStrike', 'ArmedClash')
>>> "AirStrike" in plover_to_types("ASSAULT")
True
>>> event_type("Skirmish")
Traceback (most recent call last):
...
kg.errors.InputError: unknown event type 'Skirmish'
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from kg.errors import InputError
from kg.vocab import CKG, ET, SKOS

def _ontology_dir() -> Path:
    in_checkout = Path(__file__).resolve().parents[1] / "ontology"
    installed = Path(sys.prefix) / "share" / "conflict-kg" / "ontology"
    return in_checkout if in_checkout.is_dir() or not installed.is_dir() else installed


ONTOLOGY_DIR = _ontology_dir()
"""The ``ontology/`` folder: at the repository root (editable install, checkout), else the
copy a wheel installs under ``<prefix>/share/conflict-kg/ontology`` (setup.cfg data_files)."""
EVENT_TYPES_FILE = ONTOLOGY_DIR / "event-types.ttl"

PLOVER_05_TO_2021: dict[str, str] = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}
"""PLOVER v0.5 labels (as in the PLOVER gold-standard records) renamed in PLOVER 2021."""


@dataclass(frozen=True)
class EventType:
    """One concept of the event-type scheme.

    ``cameo`` holds CAMEO codes (a two-digit root stands for its whole family),
    ``plover`` PLOVER 2021 categories, both sorted; ``acled`` is
    ``"<event type>/<sub-event type>"`` or ``None`` when ACLED does not code it.
    """

    key: str
    label: str
    category: str
    sign: int
    cameo: tuple[str, ...]
    plover: tuple[str, ...]
    acled: str | None
    uri: URIRef
    alt_labels: tuple[str, ...] = ()
    definition: str = ""
    broader: str | None = None


def _event_type(graph: Graph, concept: URIRef) -> EventType:
    def texts(prop: URIRef) -> tuple[str, ...]:
        return tuple(sorted(str(o) for o in graph.objects(concept, prop)))

    acled = graph.value(concept, CKG.acledType)
    broader = graph.value(concept, SKOS.broader)
    return EventType(
        key=str(concept)[len(str(ET._NS)):],
        label=str(graph.value(concept, SKOS.prefLabel)),
        category=str(graph.value(concept, CKG.category)),
        sign=int(graph.value(concept, CKG.sign)),
        cameo=texts(CKG.cameoCode), plover=texts(CKG.ploverCode),
        acled=str(acled) if acled is not None else None,
        uri=concept, alt_labels=texts(SKOS.altLabel),
        definition=str(graph.value(concept, SKOS.definition) or ""),
        broader=str(broader)[len(str(ET._NS)):] if broader is not None else None)


@functools.lru_cache(maxsize=1)
def scheme_graph() -> Graph:
    """The parsed ``ontology/event-types.ttl`` (once per process; do not modify it)."""
    return Graph().parse(EVENT_TYPES_FILE, format="turtle")


@functools.lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """Every event type of the scheme by key, sorted by key.

    >>> len(event_types()), event_types()["Shelling"].plover
    (43, ('ASSAULT',))
    """
    graph = scheme_graph()
    concepts = graph.subjects(SKOS.inScheme, ET.EventTypeScheme)
    types = (_event_type(graph, concept) for concept in concepts if isinstance(concept, URIRef))
    return {t.key: t for t in sorted(types, key=lambda t: t.key)}


SIGNS = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?concept ?sign ?scheme ?signed WHERE { ?concept skos:inScheme ?scheme ; ?signed ?sign }"""


@functools.lru_cache(maxsize=1)
def event_signs() -> dict[str, int]:
    """The sign of every event type by key, as :func:`event_types` gives it, parsed by
    pyoxigraph: about 10 ms where the rdflib parse behind :func:`event_types` takes 0.2-0.9 s,
    which every ``kg analyze`` paid for the signs alone.

    >>> event_signs() == {key: t.sign for key, t in event_types().items()}
    True
    """
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(EVENT_TYPES_FILE), format=ox.RdfFormat.TURTLE)
    bound = {ox.Variable("scheme"): ox.NamedNode(str(ET.EventTypeScheme)),
             ox.Variable("signed"): ox.NamedNode(str(CKG.sign))}
    prefix = str(ET._NS)
    return {row[0].value[len(prefix):]: int(row[1].value)
            for row in store.query(SIGNS, substitutions=bound)  # type: ignore[union-attr]
            if isinstance(row[0], ox.NamedNode)}


def event_type(key: str) -> EventType:
    """Return the event type ``key``; raise :class:`~kg.errors.InputError` if unknown.

    >>> event_type("DesignateTerrorist").category, event_type("DesignateTerrorist").sign
    ('neutral', -1)
    """
    try:
        return event_types()[key]
    except KeyError:
        raise InputError(f"unknown event type {key!r}") from None


def sign_of(key: str) -> int:
    """Return the sign of event type ``key``: -1 hostile, 0 neutral, +1 cooperative.

    >>> sign_of("Mediate"), sign_of("Withdraw")
    (1, 0)
    """
    return event_type(key).sign


def plover_to_types(code: str) -> list[str]:
    """Return the keys of the event types mapped to a PLOVER category, sorted.

    v0.5 labels are accepted (``FIGHT`` is read as ``ASSAULT``, see
    :data:`PLOVER_05_TO_2021`); case does not matter. An unknown or unmapped
    category gives an empty list.

    >>> plover_to_types("request"), plover_to_types("DEMAND")
    (['Demand'], ['Demand'])
    """
    wanted = code.strip().upper()
    wanted = PLOVER_05_TO_2021.get(wanted, wanted)
    return [key for key, info in event_types().items() if wanted in info.plover]


@functools.lru_cache(maxsize=1)
def _cameo_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for key, info in event_types().items():
        for code in info.cameo:
            if code in index:
                raise InputError(f"CAMEO code {code} is mapped to both {index[code]} and {key}",
                                 where=str(EVENT_TYPES_FILE))
            index[code] = key
    return index


def cameo_to_type(code: str) -> str | None:
    """Return the event type of a CAMEO code by longest-prefix match, or ``None``.

    A bare two-digit root is read as its generic code (``"19"`` as ``"190"``).

    >>> cameo_to_type("1833"), cameo_to_type("0871"), cameo_to_type("191")
    ('Bombing', 'Ceasefire', None)
    """
    code = code.strip()
    index = _cameo_index()
    if len(code) == 2 and code + "0" in index:
        return index[code + "0"]
    for end in range(len(code), 1, -1):
        if code[:end] in index:
            return index[code[:end]]
    return None


ACLED_SUB_EVENT_TYPES = (
    "Battles/Armed clash", "Battles/Government regains territory",
    "Battles/Non-state actor overtakes territory",
    "Explosions/Remote violence/Chemical weapon", "Explosions/Remote violence/Air/drone strike",
    "Explosions/Remote violence/Suicide bomb",
    "Explosions/Remote violence/Shelling/artillery/missile attack",
    "Explosions/Remote violence/Remote explosive/landmine/IED", "Explosions/Remote violence/Grenade",
    "Violence against civilians/Sexual violence", "Violence against civilians/Attack",
    "Violence against civilians/Abduction/forced disappearance",
    "Protests/Peaceful protest", "Protests/Protest with intervention",
    "Protests/Excessive force against protesters",
    "Riots/Violent demonstration", "Riots/Mob violence",
    "Strategic developments/Agreement", "Strategic developments/Arrests",
    "Strategic developments/Change to group/activity",
    "Strategic developments/Disrupted weapons use",
    "Strategic developments/Headquarters or base established",
    "Strategic developments/Looting/property destruction",
    "Strategic developments/Non-violent transfer of territory", "Strategic developments/Other")
"""ACLED's 25 sub-event types (codebook 2019-2022) as ``"<event type>/<sub-event type>"``; each is
the ``ckg:acledType`` of at least one type of the scheme."""

ACLED_EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians",
                     "Protests", "Riots", "Strategic developments")
"""ACLED's six event types (one of them holds a slash)."""


def split_acled(value: str) -> tuple[str, str]:
    """An ACLED ``"<event type>/<sub-event type>"`` split after the event type, which may hold a slash.

    >>> split_acled("Explosions/Remote violence/Air/drone strike")
    ('Explosions/Remote violence', 'Air/drone strike')
    >>> split_acled("Battles/Armed clash")
    ('Battles', 'Armed clash')
    """
    for name in ACLED_EVENT_TYPES:
        if value.startswith(name + "/"):
            return name, value[len(name) + 1:]
    event_type, _, sub_type = value.partition("/")
    return event_type, sub_type
