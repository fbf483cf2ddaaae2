"""The synthetic world: actors by role, places with coordinates, theatres of war.

Everything comes from the *base* gazetteer files in ``ontology/`` (not the
user's extensions), so a seed gives the same corpus on every machine and every
name is one the extractor knows: scores measure the extractor, not the names.

Examples
--------
>>> world = build_world()
>>> world.theatres["lebanon"].belligerents[:2]
('hezbollah', 'isis')
>>> world.places["arsal"].lat, world.places["arsal"].lon
(34.18, 36.42)

A larger world adds invented armed groups and their commanders to the
theatres, with Zipf-distributed activity (the actor of rank *r* is drawn with
weight 1/r):

>>> big = build_world(500)
>>> len(big.actors), big.actors[big.activity["syria"][0][0]].label
(500, 'Islamic State')
>>> sum(1 for a in big.actors.values() if a.kind == "person") > 100
True
"""

from __future__ import annotations

import bisect
import functools
import random
from dataclasses import dataclass, field

from kg.model import Actor, Place

GROUP_SHARE = 0.3
"""Of the invented actors, the share that are armed groups; the rest are their commanders."""
ZIPF_EXPONENT = 1.0
THEATRE_COUNTRY = {"lebanon": "LBN", "syria": "SYR", "iraq": "IRQ", "yemen": "YEM",
                   "palestine": "PSE"}
THEATRES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # theatre -> (belligerent actor keys, ISO countries whose places it uses)
    "lebanon": (("hezbollah", "isis", "hts", "lebanon-military", "syria-military",
                 "israel-military"), ("LBN",)),
    "syria": (("syria-military", "isis", "hts", "fsa", "sdf", "ypg", "turkey-military",
               "russia-military", "hezbollah", "iran-military"), ("SYR",)),
    "iraq": (("iraq-military", "isis", "pmf", "kataib-hezbollah", "usa-military", "pkk",
              "turkey-military"), ("IRQ",)),
    "yemen": (("houthis", "yemen-military", "saudi-arabia-military", "aqap"), ("YEM",)),
    "palestine": (("israel-military", "hamas", "islamic-jihad"), ("PSE", "ISR")),
}
MEDIATORS = ("united-nations", "icrc", "qatar", "egypt", "arab-league", "european-union",
             "russia", "jordan", "unifil")
LEADERS: dict[str, tuple[str, ...]] = {
    # actor (or its parent state) -> people who speak for it
    "hezbollah": ("hassan-nasrallah",), "isis": ("abu-bakr-al-baghdadi",),
    "syria": ("bashar-al-assad",), "lebanon": ("michel-aoun", "saad-hariri", "gebran-bassil"),
    "israel": ("benjamin-netanyahu",), "palestine": ("mahmoud-abbas",),
    "turkey": ("recep-tayyip-erdogan",), "russia": ("vladimir-putin",),
    "houthis": ("abdul-malik-al-houthi",), "iraq": ("haider-al-abadi",),
}
MILITARY_NOUNS = ("army", "troops", "forces")
NO_ARTICLE = {"NATO", "UNIFIL", "Amnesty International", "Human Rights Watch", "Hezbollah",
              "Hamas", "Fatah", "ISIS", "ISIL", "IS", "Daesh", "Daish", "Da'esh", "Amal",
              "Ansar Allah", "Ansarallah", "Hashd al-Shaabi", "Jabhat al-Nusra", "Nusra",
              "Hayat Tahrir al-Sham", "Tahrir al-Sham", "Jabhat Fateh al-Sham", "HTS", "AQAP",
              "Kataib Hezbollah", "Kata'ib Hezbollah", "Islamic Jihad", "al-Qaeda", "PKK", "YPG"}


@dataclass(frozen=True)
class Name:
    """One way to write an actor: ``article`` ("the") goes before the name proper."""

    text: str
    article: str = ""


@dataclass(frozen=True)
class Theatre:
    """A war: who fights in it and where."""

    key: str
    belligerents: tuple[str, ...]
    places: tuple[str, ...]


@dataclass(frozen=True)
class World:
    """Actors with their names, places and theatres, all from the gazetteer."""

    actors: dict[str, Actor]
    names: dict[str, tuple[Name, ...]]
    short: dict[str, str]  # person key -> short form ("Bassil")
    places: dict[str, Place]
    theatres: dict[str, Theatre]
    mediators: tuple[str, ...]
    leaders: dict[str, tuple[str, ...]]
    media: tuple[str, ...]
    adjectives: dict[str, str]  # state key -> nationality adjective ("Lebanese")
    activity: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = field(default_factory=dict)
    """Grown worlds: theatre -> (its actors by rank, cumulative Zipf weights); else empty."""

    def pick(self, theatre: str, rng: random.Random) -> str:
        """One actor of ``theatre``, drawn by activity (grown worlds only)."""
        actors, cumulative = self.activity[theatre]
        return actors[bisect.bisect(cumulative, rng.random() * cumulative[-1])]

    def leaders_of(self, actor: str) -> tuple[str, ...]:
        """People who speak for ``actor`` (or for its parent state)."""
        parent = self.actors[actor].parent
        return self.leaders.get(actor) or (self.leaders.get(parent, ()) if parent else ())


def _names(actor: Actor, adjectives: dict[str, str]) -> tuple[Name, ...]:
    if actor.parent and actor.sector == "military":
        adjective = adjectives[actor.parent]
        composed = [Name(f"{adjective} {noun}", "the" if noun == "army" else "")
                    for noun in MILITARY_NOUNS]
        return (*composed, *(Name(a, "" if a.isupper() else "the") for a in actor.aliases
                             if not a.lower().startswith(adjective.lower() + " ")))
    names = actor.aliases or (actor.label,)
    if actor.kind == "person":
        return tuple(Name(n) for n in names if " " in n)
    if actor.kind == "state":
        return (Name(actor.label),)
    return tuple(Name(n, "" if n in NO_ARTICLE or actor.kind == "media" else "the")
                 for n in names if len(n) > 2 or n.isupper() and n != "IS")


@functools.lru_cache(maxsize=4)
def build_world(actors: int | None = None) -> World:
    """The world of ``actors`` actors (default: the gazetteer's alone).

    The gazetteer's actors come from ``ontology/actors.yaml`` and
    ``ontology/places.yaml``; a larger ``actors`` adds invented ones (see
    :func:`grow_world`).
    """
    base = _base_world()
    if actors is None:
        return base
    return grow_world(base, actors)


@functools.lru_cache(maxsize=1)
def _base_world() -> World:
    from kg.extract.gazetteer import ONTOLOGY_DIR, build_gazetteer

    gazetteer = build_gazetteer([ONTOLOGY_DIR / "actors.yaml"], ONTOLOGY_DIR / "places.yaml")
    adjectives = {key: next((a.title() for a, c in gazetteer.nationalities.items()
                             if c == key and a != gazetteer.actors[key].label.lower()),
                            gazetteer.actors[key].label)
                  for key, actor in gazetteer.actors.items() if actor.kind == "state"}
    wanted = {k for keys, _ in THEATRES.values() for k in keys}
    for key in wanted:
        country, _, sector = key.rpartition("-")
        if key not in gazetteer.actors and country in gazetteer.actors and sector:
            gazetteer.composite(country, sector)
    actors = dict(gazetteer.actors)
    theatres = {}
    for key, (belligerents, countries) in THEATRES.items():
        places = tuple(sorted(p.key for p in gazetteer.places.values()
                              if p.country in countries and p.kind not in ("country", "base")))
        theatres[key] = Theatre(key, tuple(b for b in belligerents if b in actors), places)
    return World(
        actors=actors,
        names={key: _names(actor, adjectives) for key, actor in sorted(actors.items())},
        short={key: short for short, key in sorted(gazetteer.short_forms.items())},
        places=dict(gazetteer.places),
        theatres=theatres,
        mediators=tuple(m for m in MEDIATORS if m in actors),
        leaders={k: tuple(p for p in v if p in actors) for k, v in LEADERS.items()},
        media=tuple(sorted(k for k, a in actors.items() if a.kind == "media")),
        adjectives=adjectives,
    )


def grow_world(base: World, actors: int) -> World:
    """``base`` with invented actors added until it has ``actors`` of them.

    Each invented actor belongs to one theatre (its country); groups come
    first in their commanders' draw, and every commander leads a group. Ranks
    interleave theatres: the gazetteer's belligerents, then the invented actors
    in the order they were made, so a world's first actors are those of every
    larger world built the same way.
    """
    from kg.errors import InputError
    from kg.ids import slugify
    from kg.synth.names import NameMaker

    if actors < len(base.actors):
        raise InputError(f"a world needs at least {len(base.actors)} actors (the gazetteer's), "
                         f"not {actors}", where="--actors")
    rng = random.Random("kg-synth-world")
    names = NameMaker(rng)
    grown = dict(base.actors)
    labels = {key: list(base.names[key]) for key in base.names}
    leaders = {k: list(v) for k, v in base.leaders.items()}
    members = {key: list(t.belligerents) for key, t in base.theatres.items()}
    groups: dict[str, list[str]] = {key: [] for key in base.theatres}
    theatre_keys = sorted(base.theatres)
    while len(grown) < actors:
        theatre = rng.choice(theatre_keys)
        person = bool(groups[theatre]) and rng.random() >= GROUP_SHARE
        label = names.person() if person else names.group()
        key = slugify(label)
        if key in grown:
            continue
        kind = "person" if person else "armed_group"
        country = THEATRE_COUNTRY[theatre]
        grown[key] = Actor(key, label, kind, country=country)  # type: ignore[arg-type]
        labels[key] = [Name(label, "" if person else "the")]
        if person:
            leaders.setdefault(rng.choice(groups[theatre]), []).append(key)
        else:
            groups[theatre].append(key)
            members[theatre].append(key)
    return _with_activity(base, grown, labels, leaders, members)


def _with_activity(base: World, actors: dict[str, Actor], labels: dict[str, list[Name]],
                   leaders: dict[str, list[str]], members: dict[str, list[str]]) -> World:
    order = list(base.actors) + [k for k in actors if k not in base.actors]
    rank = {key: number + 1 for number, key in enumerate(order)}
    activity = {}
    for theatre, keys in members.items():
        ranked = tuple(sorted(keys, key=rank.__getitem__))
        total, cumulative = 0.0, []
        for key in ranked:
            total += rank[key] ** -ZIPF_EXPONENT
            cumulative.append(total)
        activity[theatre] = (ranked, tuple(cumulative))
    return World(actors=actors, names={k: tuple(v) for k, v in labels.items()}, short=base.short,
                 places=base.places, theatres=base.theatres, mediators=base.mediators,
                 leaders={k: tuple(v) for k, v in leaders.items()}, media=base.media,
                 adjectives=base.adjectives, activity=activity)


__all__ = ["Name", "Theatre", "World", "build_world", "grow_world"]
