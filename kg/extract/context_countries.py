"""The countries of an article's context: where its sentences and the article itself lie.

Generic agents ("police", "villagers", kg.extract.generic) take the country of their context:
the country most of the places a sentence mentions lie in, else the article's. Only places
within a country vote where any is named: a country's own name often only says what is at
stake. A province or a city outvotes a village, and a place written by one of its alternate
names votes half.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.gazetteer import Gazetteer
from kg.model import Mention, Place


@dataclass(frozen=True)
class Countries:
    """The state actor key each sentence's places point to, the article's, and the countries
    of the composites the article names, by sector ("Lebanese army": military -> lebanon)."""

    by_sentence: dict[int, str]
    article: str | None
    named: dict[str, frozenset[str]] = field(default_factory=dict)

    def of(self, sentence: int) -> str | None:
        """The country of ``sentence``: its own places', else the article's."""
        return self.by_sentence.get(sentence, self.article)


PLACE_WEIGHTS = {"region": 3, "capital": 2, "city": 2}
"""Votes of a place for its country by its kind: a province or a city shares its name with few
places abroad, a village with many ("Almaly district of Almaty city" is in Kazakhstan though an
Elmali lies in Turkey); a place written by an alternate name votes half (:func:`_weight`)."""


def context_countries(mentions: Iterable[Mention], places: dict[str, Place],
                      gazetteer: Gazetteer) -> Countries:
    """Countries of the places mentioned: per sentence and for the article, the country most
    of them lie in (ties: the first named). One stray name does not outvote an admin chain:
    "in Pedro de Valdivia (Biobio)" is Chilean though a Pedro lies elsewhere too. Places within
    a country locate; a country's own name often only says what is at stake ("a pro-Ukraine
    rally in Denver", "protested the invasion of Ukraine in Lyon"), so it counts only where no
    place within a country is named. A province or a city outvotes a village
    (:data:`PLACE_WEIGHTS`). An article that names no place lies where the armed groups it
    names are at home ("regime forces clashed with HTS" is Syria's).

    >>> from kg.extract.gazetteer import load_gazetteer
    >>> from kg.model import Span
    >>> g = load_gazetteer()
    >>> m = [Mention(Span(0, 5, "Arsal"), 1, "place", "arsal"),
    ...      Mention(Span(9, 14, "Homs"), 2, "place", "homs")]
    >>> context_countries(m, g.places, g)  # the city of Homs outvotes the town of Arsal
    Countries(by_sentence={1: 'lebanon', 2: 'syria'}, article='syria', named={})
    """
    in_sentence: dict[tuple[int, bool], Counter[str]] = {}
    counts: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    named: dict[str, set[str]] = {}
    groups: Counter[str] = Counter()
    for mention in mentions:
        actor = gazetteer.actors.get(mention.key) if mention.kind == "actor" else None
        if actor is not None and actor.sector and actor.parent:
            named.setdefault(actor.sector, set()).add(actor.parent)
        home = gazetteer.state_of(actor.country) if actor is not None and \
            actor.kind == "armed_group" and actor.country else None
        if home is not None:
            groups[home] += 1
        place = places.get(mention.key) if mention.kind == "place" else None
        state = gazetteer.state_of(place.country) if place is not None else None
        if state is None or place is None:
            continue
        whole, weight = place.kind == "country", _weight(place, mention.span.text)
        in_sentence.setdefault((mention.sentence, whole), Counter())[state] += weight
        counts[whole][state] += weight
    sentences = {sentence for sentence, _ in in_sentence}
    by_sentence = {s: _leading(in_sentence.get((s, False)) or in_sentence[(s, True)])
                   for s in sentences}
    votes = counts[False] or counts[True] or groups  # no place: the armed groups' home country
    article = _leading(votes) if votes else None
    return Countries(by_sentence, article, {k: frozenset(v) for k, v in named.items()})


def _weight(place: Place, written: str) -> float:
    """A place's vote for its country: by its kind (:data:`PLACE_WEIGHTS`), halved where the
    text writes one of its alternate names, not its own or the first words of it ("Almaly"
    read as Turkey's Elmali, not "New York" for New York City): such a reading is the likelier
    of two to be a namesake's.

    >>> town = Place("elmali", "Elmali", "town", "TUR")
    >>> city = Place("new-york", "New York City", "city", "USA")
    >>> _weight(town, "Elmali"), _weight(town, "Almaly"), _weight(city, "New York")
    (1, 0.5, 2)
    """
    from kg.extract.world import plain

    weight = PLACE_WEIGHTS.get(place.kind, 1)
    words = written.lower().split()
    own = plain(written) in {plain(n) for n in (place.label, *place.aliases)} or \
        place.label.lower().split()[:len(words)] == words  # "New York" of "New York City"
    return weight if own else weight / 2


def _leading(votes: Counter[str]) -> str:
    """The key with the most votes, the first counted among equals.

    >>> _leading(Counter(["chile", "cayman-islands", "chile"]))
    'chile'
    """
    return max(votes, key=lambda k: votes[k])


__all__ = ["PLACE_WEIGHTS", "Countries", "context_countries"]
