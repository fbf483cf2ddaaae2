"""The curated gazetteer: canonical actors and places with their aliases.

Read from ``ontology/actors.yaml`` and ``ontology/places.yaml``, then from the
user's extension files (``ontology/actors.local.yaml`` and ``$KG_ACTORS_EXTRA``),
where an entry with an existing key adds aliases or overrides fields.
Composite actors ("Lebanese army") are built from a country and a sector.

Examples
--------
>>> gazetteer = load_gazetteer()
>>> gazetteer.actors[gazetteer.aliases["daesh"]].label
'Islamic State'
>>> gazetteer.composite("lebanon", "military").label
'Lebanese armed forces'
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.extract.world import WorldIndex
from kg.model import Actor, Place

from kg.taxonomy import ONTOLOGY_DIR

EXTRA_ENV = "KG_ACTORS_EXTRA"
COUNTRIES_FILE = "countries.yaml"


@dataclass(frozen=True)
class Sector:
    """An agent noun class: "army" and "troops" are the military sector."""

    key: str
    label: str
    kind: str
    nouns: tuple[str, ...]
    heads: frozenset[str] = frozenset()  # head-noun lemmas of a generic mention: "villager"
    modifiers: frozenset[str] = frozenset()  # modifiers that move a head of ``modifies`` here
    modifies: frozenset[str] = frozenset()  # sectors whose heads these modifiers move
    pattern: str | None = None  # label of a composite: "{adjective} ..." or "... ({country})"
    modified_heads: frozenset[str] = frozenset()  # heads that name it with a modifier only:
    # "armed groups" are unidentified armed groups, "a group of soldiers" is the soldiers
    local: bool = True  # of its context's country where no nationality is told ("settlers": no)


@dataclass
class Gazetteer:
    """Actors, places and the alias tables the matchers are built from."""

    actors: dict[str, Actor] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # lower-case alias -> actor key
    exact_aliases: dict[str, str] = field(default_factory=dict)  # case-sensitive alias -> key
    short_forms: dict[str, str] = field(default_factory=dict)  # "Bassil" -> person key
    generics: dict[str, tuple[str, ...]] = field(default_factory=dict)  # phrase -> candidates
    nationalities: dict[str, str] = field(default_factory=dict)  # "lebanese" -> country key
    sectors: dict[str, Sector] = field(default_factory=dict)
    place_aliases: dict[str, str] = field(default_factory=dict)  # lower-case -> place key
    world: WorldIndex | None = field(default=None, repr=False)  # every other place, in context
    implicit: dict[str, str] = field(default_factory=dict)  # ACLED type prefix -> sector
    in_power: dict[str, tuple[dt.date, str]] = field(default_factory=dict)  # key -> (since, forces)
    _states: dict[str, str] = field(default_factory=dict, repr=False)  # ISO3 -> state key

    def state_at(self, place: str) -> str | None:
        """The state actor a place names when it acts: a country, or a capital for its
        government's country ("Beirut rejected ..." is Lebanon).

        >>> gazetteer = load_gazetteer()
        >>> gazetteer.state_at("beirut"), gazetteer.state_at("lebanon"), gazetteer.state_at("arsal")
        ('lebanon', 'lebanon', None)
        """
        if place in self.actors:
            return place
        found = self.places.get(place)
        if found is None or found.kind != "capital" or found.country is None:
            return None
        return self.state_of(found.country)

    def as_of(self, key: str, day: dt.date | None) -> str:
        """The actor ``key`` names in a report of ``day``: a movement that governs a state from
        a date (``governs`` in ``ontology/actors.yaml``) is from then on that state's armed
        forces, an actor of its own (as ACLED's "Military Forces of Yemen (2017-) Supreme
        Political Council" is not the Houthi movement of the years before); an undated report
        is of the present.

        >>> gazetteer = load_gazetteer()
        >>> gazetteer.as_of("houthis", dt.date(2022, 3, 1)), gazetteer.as_of("houthis", dt.date(2010, 1, 1))
        ('houthis-in-power', 'houthis')
        >>> gazetteer.actors["houthis-in-power"].sector, gazetteer.as_of("hezbollah", None)
        ('military', 'hezbollah')
        """
        era = self.in_power.get(key)
        return era[1] if era is not None and (day is None or day >= era[0]) else key

    def _index_states(self) -> None:
        if not self._states:
            self._states.update((a.country, key) for key, a in reversed(self.actors.items())
                                if a.kind == "state" and a.country and a.parent is None)

    def composite(self, country: str, sector: str) -> Actor:
        """Return (creating if needed) the actor ``<country>-<sector>``."""
        key = f"{country}-{sector}"
        if key in self.actors and self.actors[key].label:
            return self.actors[key]
        state, kind = self.actors[country], self.sectors[sector]
        names = [a for a, c in self.nationalities.items() if c == country]
        adjective = next((a for a in names if a not in self.place_aliases),  # "Congolese"
                         next((a for a in names if a != state.label.lower()), state.label.lower()))
        known = self.actors.get(key)
        pattern = kind.pattern or "{adjective} " + kind.label
        label = pattern.format(adjective=adjective.title(), country=state.label)
        actor = Actor(key=key, label=label, kind=kind.kind,  # type: ignore[arg-type]
                      country=state.country, parent=country, sector=sector,
                      aliases=known.aliases if known else ())
        self.actors[key] = actor
        return actor

    def state_over(self, actor: Actor | None) -> str | None:
        """The key of the state ``actor`` is part of: its ``parent`` where that is a state (a
        branch's parent is its organisation, :meth:`branch`).

        >>> gazetteer = load_gazetteer()
        >>> [gazetteer.state_over(gazetteer.actors[k]) for k in ("lebanon-military", "isis")]
        ['lebanon', None]
        """
        parent = self.actors.get(actor.parent or "") if actor is not None else None
        return parent.key if parent is not None and parent.kind == "state" else None

    def branch(self, organisation: str, state: str) -> Actor:
        """Return (creating if needed) the branch ``<organisation>-<state>`` of a stateless
        organisation in a state, part of the organisation (:mod:`kg.extract.theatres`).

        >>> branch = load_gazetteer().branch("isis", "iraq")
        >>> branch.label, branch.country, branch.parent, "Islamic State" in branch.aliases
        ('Islamic State (Iraq)', 'IRQ', 'isis', True)
        """
        key = f"{organisation}-{state}"
        if key not in self.actors:
            whole, where = self.actors[organisation], self.actors[state]
            self.actors[key] = Actor(key=key, label=f"{whole.label} ({where.label})",
                                     kind=whole.kind, country=where.country,
                                     aliases=(whole.label, *whole.aliases), parent=organisation,
                                     description=f"the {whole.label} in {where.label}")
        return self.actors[key]

    def nation(self, word: str) -> str | None:
        """The state a nationality word or a country's name names ("Malian", "Saudi", "the
        Republic of Congo"), if the gazetteer holds it; a name with "of" is also tried with
        "of the" ("Democratic Republic of Congo").

        >>> load_gazetteer().nation("Malian"), load_gazetteer().nation("Martian")
        ('mali', None)
        >>> load_gazetteer().nation("Democratic Republic of Congo")
        'congo-drc'
        """
        lowered = word.lower()
        for variant in (lowered, lowered.replace(" of ", " of the ")) if " of " in lowered \
                else (lowered,):
            country = self.nationalities.get(variant)
            if country in self.actors:
                return country
        return None

    def state_of(self, iso3: str | None) -> str | None:
        """The state actor key of an ISO 3166-1 alpha-3 code.

        >>> load_gazetteer().state_of("LBN"), load_gazetteer().state_of(None)
        ('lebanon', None)
        """
        self._index_states()
        return self._states.get(iso3 or "")

    def generic(self, sector: str, country: str | None = None) -> Actor:
        """The generic actor of ``sector``: of a state (its composite), else of no country.

        >>> gazetteer = load_gazetteer()
        >>> gazetteer.generic("unidentified", "nigeria").label, gazetteer.generic("police").label
        ('Unidentified armed group (Nigeria)', 'Police')
        """
        if country is not None:
            return self.composite(country, sector)
        key = f"generic-{sector}"
        if key not in self.actors:
            kind = self.sectors[sector]
            self.actors[key] = Actor(key=key, label=kind.label[:1].upper() + kind.label[1:],
                                     kind=kind.kind, sector=sector)  # type: ignore[arg-type]
        return self.actors[key]


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(f"bad gazetteer file: {error}", where=str(path)) from error
    if not isinstance(data, dict):
        raise InputError("gazetteer must be a mapping", where=str(path))
    return data


def _add_countries(gazetteer: Gazetteer, countries: Mapping[str, dict[str, Any]]) -> None:
    for key, entry in countries.items():
        names = [entry["label"], *entry.get("aliases", [])]
        gazetteer.actors[key] = Actor(key=key, label=entry["label"], kind="state",
                                      country=entry.get("country"), qid=entry.get("qid"),
                                      aliases=tuple(entry.get("aliases", ())))
        for name in [*names, *entry.get("adjectives", [])]:
            gazetteer.nationalities.setdefault(name.lower(), key)
        for name in entry.get("aliases", []):
            gazetteer.aliases.setdefault(name.lower(), key)


def _add_actor(gazetteer: Gazetteer, key: str, entry: Mapping[str, Any]) -> None:
    known = gazetteer.actors.get(key)
    aliases = tuple(dict.fromkeys([*(known.aliases if known else ()), *entry.get("aliases", ()),
                                   *entry.get("case_sensitive_aliases", ())]))
    fields = {name: entry[name] for name in ("label", "kind", "country", "qid", "description")
              if name in entry}
    if known is not None:
        gazetteer.actors[key] = replace(known, aliases=aliases, **fields)
    else:
        gazetteer.actors[key] = Actor(key=key, label=fields.pop("label", ""),
                                      kind=fields.pop("kind", "other"), aliases=aliases, **fields)
    for alias in entry.get("aliases", ()):
        gazetteer.aliases[alias.lower()] = key
    for alias in entry.get("case_sensitive_aliases", ()):
        gazetteer.exact_aliases[alias] = key
    for short in entry.get("short", ()):
        gazetteer.short_forms[short] = key
    for phrase in entry.get("generic", ()):
        gazetteer.generics[phrase.lower()] = (*gazetteer.generics.get(phrase.lower(), ()), key)
    if "governs" in entry:
        _add_governing(gazetteer, gazetteer.actors[key], entry["governs"])


def _add_governing(gazetteer: Gazetteer, movement: Actor, governs: Mapping[str, Any]) -> None:
    """The armed forces of the state ``movement`` governs from ``governs["since"]``: the
    state's military sector, named as the movement is (:meth:`Gazetteer.as_of`)."""
    state = gazetteer.actors.get(governs.get("state", ""))
    since = governs.get("since")
    if state is None or state.kind != "state" or not isinstance(since, dt.date):
        raise InputError(f"actor {movement.key!r}: 'governs' needs a known state and a date "
                         f"'since' (YYYY-MM-DD)", where="governs")
    key = f"{movement.key}-in-power"
    gazetteer.actors[key] = Actor(
        key=key, label=movement.label, kind="military", country=state.country, qid=movement.qid,
        aliases=movement.aliases, parent=state.key, sector="military",
        description=f"{movement.label} as the armed forces of {state.label}'s de facto "
                    f"government, from {since.isoformat()}")
    gazetteer.in_power[movement.key] = (since, key)


def _add_world(gazetteer: Gazetteer, countries: Mapping[str, dict[str, Any]]) -> None:
    """Countries outside the curated region: a state actor and a country place each."""
    _add_countries(gazetteer, countries)
    _add_places(gazetteer, {key: {**entry, "kind": "country"} for key, entry in countries.items()})


def _add_places(gazetteer: Gazetteer, places: Mapping[str, dict[str, Any]]) -> None:
    for key, entry in places.items():
        aliases = tuple(entry.get("aliases", ()))
        gazetteer.places[key] = Place(key=key, label=entry["label"], kind=entry["kind"],
                                      country=entry.get("country"), lat=entry.get("lat"),
                                      lon=entry.get("lon"), qid=entry.get("qid"), aliases=aliases)
        for name in (entry["label"], *aliases):
            gazetteer.place_aliases[name.lower()] = key


@functools.cache
def sector_heads(sector: str) -> frozenset[str]:
    """The nouns that head ``sector`` in ``ontology/actors.yaml`` (no world index read).

    Examples
    --------
    >>> sorted(sector_heads("rioters"))
    ['looter', 'mob', 'rioter']
    >>> sector_heads("no-such-sector")
    frozenset()
    """
    return _curated_heads().get(sector, frozenset())


@functools.cache
def _curated_heads() -> dict[str, frozenset[str]]:
    """The head nouns of every sector of ``ontology/actors.yaml``, read once (a read of the file
    takes about 35 ms, and extraction asks for several sectors)."""
    sectors = _read_yaml(ONTOLOGY_DIR / "actors.yaml").get("sectors", {})
    return {key: frozenset(entry.get("heads", ())) for key, entry in sectors.items()}


def extension_files(directory: Path = ONTOLOGY_DIR) -> list[Path]:
    """The user's gazetteer extensions that exist, in the order they apply."""
    candidates = [directory / "actors.local.yaml"]
    candidates += [Path(p) for p in os.environ.get(EXTRA_ENV, "").split(os.pathsep) if p]
    return [path for path in candidates if path.exists()]


def build_gazetteer(actor_files: Iterable[Path], place_file: Path | None,
                    world_file: Path | None = None, world: WorldIndex | None = None) -> Gazetteer:
    """Build a gazetteer from actor files (applied in order), a place file and world countries.

    The world countries (``ontology/countries.yaml``) are read first, so the
    curated region's entries in the actor and place files override them. With
    a ``world`` index every other country joins, countries get their packaged
    coordinates, and curated places their admin chain (:mod:`kg.extract.world_gazetteer`).
    """
    gazetteer = Gazetteer(world=world)
    if world_file is not None:
        _add_world(gazetteer, _read_yaml(world_file))
    for path in actor_files:
        data = _read_yaml(path)
        _add_countries(gazetteer, data.get("countries", {}))
        for key, entry in data.get("sectors", {}).items():
            gazetteer.sectors[key] = Sector(
                key, entry["label"], entry["kind"], tuple(entry["nouns"]),
                frozenset(n.lower() for n in entry.get("heads", ())),
                frozenset(n.lower() for n in entry.get("modifiers", ())),
                frozenset(entry.get("modifies", ())), entry.get("pattern"),
                frozenset(n.lower() for n in entry.get("modified_heads", ())),
                entry.get("local", True))
        gazetteer.implicit.update(data.get("implicit_agents", {}))
        for key, entry in data.get("actors", {}).items():
            _add_actor(gazetteer, key, entry)
    if place_file is not None:
        _add_places(gazetteer, _read_yaml(place_file))
    if world is not None:
        from kg.extract.world_gazetteer import add_world_index

        add_world_index(gazetteer, world)
    for key, actor in list(gazetteer.actors.items()):
        if not actor.label and "-" in key:  # aliases given for a composite actor
            country, _, sector = key.rpartition("-")
            if country in gazetteer.actors and sector in gazetteer.sectors:
                gazetteer.composite(country, sector)
    return gazetteer


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The default gazetteer: ``ontology/`` plus the user's extensions and the world index."""
    from kg.extract.world import load_world

    return build_gazetteer([ONTOLOGY_DIR / "actors.yaml", *extension_files()],
                           ONTOLOGY_DIR / "places.yaml", ONTOLOGY_DIR / COUNTRIES_FILE, load_world())
