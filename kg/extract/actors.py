"""Finding actor and place mentions in a parsed document.

Matching runs on spaCy tokens with phrase matchers built once per gazetteer:
case-insensitive aliases, case-sensitive acronyms ("IS"), composite actors
(nationality or country + agent noun: "Lebanese army", "Lebanon's army"),
short forms of people already named in full ("Bassil" after "Gebran Bassil"),
and generic mentions ("the jihadists") resolved only when exactly one fitting
actor was named in the same or the two previous sentences.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.gazetteer import Gazetteer
from kg.extract.hyphenated import opposing, stance
from kg.extract.lemmatizer import dictionary_words

GENERIC_WINDOW = 2  # sentences back in which a generic mention may find its actor
SUBJECT_DEPS = {"nsubj", "nsubjpass", "conj", "poss", "agent", "pobj", "dobj"}
SINGLE_KINDS = {"person", "media", "state"}
"""Actors one of whose names ends in "s" without being a plural of people: "Reuters"."""
ABROAD_KINDS = frozenset({"military"})
"""Kinds of actor whose country says who acts, not where: an army fights abroad ("Russian forces
shelled Novopil, Donetsk" is Ukraine's Donetsk), so its country is only weak context for a place,
as is a country named outside an admin chain, often only what is at stake ("gathered in Bari to
condemn the war in Ukraine" is Italy's Bari, not Bar in Ukraine)."""


@dataclass(frozen=True)
class Found:
    """A matched span in the doc: token range, kind and key."""

    start: int  # token index
    end: int
    kind: str  # "actor" or "place"
    key: str
    how: str  # alias, exact, composite, short, generic, country


class MentionMatcher:
    """Phrase matchers for one gazetteer and one spaCy vocabulary."""

    def __init__(self, nlp, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
        from spacy.matcher import PhraseMatcher

        self.gazetteer = gazetteer
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._labels: dict[int, tuple[str, str, str]] = {}
        make = nlp.make_doc
        self._add(self.lower, "alias", "actor", gazetteer.aliases, make)
        self._add(self.exact, "exact", "actor", gazetteer.exact_aliases, make)
        self._add(self.exact, "short", "actor", gazetteer.short_forms, make)
        self._add(self.lower, "generic", "actor", {p: p for p in gazetteer.generics}, make)
        self._add(self.lower, "place", "place", gazetteer.place_aliases, make)
        self._add(self.lower, "composite", "actor", self._composite_phrases(), make)
        self.sector = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._add(self.sector, "sector", "sector", {n: s.key for s in gazetteer.sectors.values()
                                                    for n in s.nouns}, make)
        self._sector_heads = {h: key for key, s in gazetteer.sectors.items() for h in s.heads}
        self._countries = set(gazetteer.nationalities.values())
        self._capitals = set(gazetteer.world.capitals().values()) if gazetteer.world else set()
        self._demonyms = {n for n in gazetteer.nationalities if n not in gazetteer.place_aliases}
        self._dictionary = dictionary_words(nlp)

    def _composite_phrases(self) -> dict[str, str]:
        phrases = {}
        for name, country in self.gazetteer.nationalities.items():
            for sector in self.gazetteer.sectors.values():
                for noun in sector.nouns:
                    phrases[f"{name} {noun}"] = f"{country}-{sector.key}"
                    phrases[f"{name}'s {noun}"] = f"{country}-{sector.key}"
            phrases[f"{name} state"] = country
            if name.endswith(("an", "i")) and "civilians" in self.gazetteer.sectors:
                phrases[f"{name}s"] = f"{country}-civilians"  # "Albanians", "Iraqis": the people
        return phrases

    def _add(self, matcher, how: str, kind: str, table: dict[str, str], make) -> None:  # type: ignore[no-untyped-def]
        for phrase, key in table.items():
            label = f"{how}|{kind}|{key}"
            label_id = matcher.vocab.strings.add(label)
            self._labels[label_id] = (how, kind, key)
            patterns = [make(phrase)]
            if matcher is self.lower and "." in phrase:  # "u.s." splits apart, "U.S." does not
                upper = make(phrase.upper())
                if len(upper) != len(patterns[0]):
                    patterns.append(upper)
            matcher.add(label, patterns)

    def raw_matches(self, doc) -> list[Found]:  # type: ignore[no-untyped-def]
        """Every match, overlapping, before any resolution."""
        found = []
        for matcher in (self.lower, self.exact):
            for label_id, start, end in matcher(doc):
                how, kind, key = self._labels[label_id]
                if kind == "place" and not doc[start].text[:1].isupper() or \
                        kind == "actor" and stance(doc[start]):
                    continue  # "pro-Russia demonstrators" are for Russia, not of it
                if how == "composite" and doc[end - 1].dep_ == "amod" and doc[end - 1].pos_ == "ADJ":
                    end = self._adjectival_sector(doc, end, key)
                    if end is None:
                        continue  # "U.S. military aid": the sector word is an adjective here
                elif how == "composite":
                    key, end = self._headed_sector(doc, end, key)
                found.append(Found(start, end, kind, key, how))
        found = found + self._of_composites(doc, found) + self._authored(doc) \
            + self._singular_names(doc, found)
        found = self._placed_abroad(doc, found + self._coordinated_composites(doc, found))
        return found + self._world_places(doc, found)

    def _placed_abroad(self, doc,  # type: ignore[no-untyped-def]
                       found: list[Found]) -> list[Found]:
        """``found`` without the curated places their admin chain puts in another country
        ("Athens (Georgia)") or that open a longer name of a town ("Kuwait City"), both left
        to the world index (:func:`kg.extract.curated_chains.left_to_world`)."""
        from kg.extract.curated_chains import left_to_world

        world = self.gazetteer.world
        return found if world is None else [f for f in found if f.kind != "place" or not
                                            left_to_world(self.gazetteer.places.get(f.key), doc,
                                                          f.start, f.end, world)]

    def _adjectival_sector(self, doc, end: int, key: str) -> int | None:  # type: ignore[no-untyped-def]
        """The end of a composite whose sector word is an adjective: over the noun it modifies
        when that noun heads the same sector ("Myanmar military troops"); where it stands, when
        the parser hung it on a verb, which no adjective modifies ("Myanmar military shot");
        None before any other noun ("U.S. military aid": no actor)."""
        head = doc[end - 1].head
        if head.pos_ in ("VERB", "AUX"):
            return end
        sector = key.rpartition("-")[2]
        if head.i == end and self._sector_heads.get(head.lemma_.lower()) == sector:
            return end + 1
        return None

    def _headed_sector(self, doc, end: int, key: str) -> tuple[str, int]:  # type: ignore[no-untyped-def]
        """A composite whose sector noun modifies the head of another sector names that one:
        "Malian government forces" and "Syrian regime troops" are the armed forces, as
        "government forces" alone are; "government officials" stay the government, and a
        modifier that moves the head into its own sector keeps it there ("Libyan police
        forces" are the police, :attr:`~kg.extract.gazetteer.Sector.modifies`)."""
        modifier = doc[end - 1]
        if end >= len(doc) or modifier.dep_ != "compound" or modifier.head.i != end:
            return key, end
        country, _, sector = key.rpartition("-")
        headed = self._sector_heads.get(doc[end].lemma_.lower())
        own = self.gazetteer.sectors.get(sector)
        if headed is None or headed == sector or not country or own is None or \
                headed in own.modifies:
            return key, end
        return f"{country}-{headed}", end + 1

    def _coordinated_composites(self, doc, found: list[Found]) -> list[Found]:  # type: ignore[no-untyped-def]
        """Each nationality of a coordination before a sector noun composes its own actor:
        "Estonian and Latvian forces" are Estonia's forces and Latvia's, not Latvia's only (the
        phrase matcher sees the last nationality beside the noun); so are the nationalities
        listed before them with commas ("Dutch, Belgian and Danish police")."""
        extra = []
        for match in found:
            if match.how != "composite" or match.end - match.start < 2:
                continue
            noun, last = doc[match.end - 1], doc[match.start]
            first = last
            while first.dep_ == "conj" and first.head.i < first.i:
                first = first.head
            if first is last or first.head != noun or first.dep_ not in ("amod", "compound"):
                continue
            sector = match.key.rpartition("-")[2]
            listed = [c for c in noun.lefts if c.i < first.i and c.dep_ == first.dep_
                      and doc[c.i + 1].text == ","]  # "Dutch, Belgian and Danish police"
            for other in (*listed, first, *first.conjuncts):
                country = self.gazetteer.nationalities.get(other.lower_)
                if other.i < last.i and other.text[:1].isupper() and country:
                    extra.append(Found(other.i, other.i + 1, "actor", f"{country}-{sector}",
                                       "composite"))
        return extra

    def _world_places(self, doc, found: list[Found]) -> list[Found]:  # type: ignore[no-untyped-def]
        """Places of the world index among the tokens no curated entry matched, resolved with
        the countries the curated matches name (:mod:`kg.extract.world_places`)."""
        from kg.extract.world_gazetteer import world_place
        from kg.extract.world_places import find_world_places

        if self.gazetteer.world is None:
            return []
        taken = {i for f in found for i in range(f.start, f.end)}
        known = [self.gazetteer.places.get(f.key) if f.kind == "place" else
                 self.gazetteer.actors.get(f.key if f.how != "composite" else
                                           f.key.rpartition("-")[0]) for f in found]
        countries: set[str] = set()
        armies: set[str] = set()  # weak context: an army's or a country's name
        for f, entry in zip(found, known):
            if entry is not None and entry.country:
                (armies if self._abroad(f, entry) else countries).add(entry.country)
        curated = [(doc[f.start:f.end].text, entry.country, getattr(entry, "lat", None),
                    getattr(entry, "lon", None)) for f, entry in zip(found, known)
                   if f.kind == "place" and entry is not None and entry.country
                   and getattr(entry, "kind", None) != "country"]  # a topic, often: "for Ukraine"
        world = []
        for start, end, entry in find_world_places(doc, taken, self.gazetteer.world, countries,
                                                   self._demonyms, curated, self._dictionary,
                                                   armies):
            place = world_place(entry, self._capitals)
            self.gazetteer.places.setdefault(place.key, place)
            world.append(Found(start, end, "place", place.key, "world"))
        return world

    @staticmethod
    def _abroad(found: Found, entry: object) -> bool:
        """An actor of a kind whose country is weak context for a place, or a country's name
        (:data:`ABROAD_KINDS`)."""
        kind = found.key.rpartition("-")[2] if found.how == "composite" \
            else getattr(entry, "kind", None)
        return kind in ABROAD_KINDS or (found.kind == "place" and kind == "country")

    def _singular_names(self, doc, found: list[Found]) -> list[Found]:  # type: ignore[no-untyped-def]
        """A group named in the plural ("the Houthis") is named by its singular before a noun,
        as an English plural noun modifies another in the singular ("Houthi forces", "a Houthi
        drone"); not a singular that names a place ("Hama fighters" are no "Hamas"), nor one
        "anti-" opposes to the group ("anti-Houthi forces" fight it)."""
        taken = {i for f in found for i in range(f.start, f.end)}
        singular = []
        for token in doc:
            key = self.gazetteer.aliases.get(token.lower_ + "s")
            if key is None or token.i in taken or not token.text[:1].isupper() or opposing(token) \
                    or self.gazetteer.actors[key].kind in SINGLE_KINDS \
                    or token.dep_ not in ("compound", "amod", "nmod") \
                    or token.head.i <= token.i or token.head.pos_ != "NOUN" \
                    or self._names_place(token.text):
                continue
            singular.append(Found(token.i, token.i + 1, "actor", key, "alias"))
        return singular

    def _names_place(self, name: str) -> bool:
        world = self.gazetteer.world
        return name.lower() in self.gazetteer.place_aliases or bool(world and world.lookup(name))

    def _authored(self, doc) -> list[Found]:  # type: ignore[no-untyped-def]
        """A nationality adjective on a proposal noun names its author, the state:
        "rejected an Indian proposal", "an Australian ultimatum"."""
        found = []
        for token in doc:
            country = self.gazetteer.nationalities.get(token.lower_)
            if country and token.dep_ in ("amod", "compound") and token.text[:1].isupper() \
                    and token.head.lemma_.lower() in AUTHORED_NOUNS:
                found.append(Found(token.i, token.i + 1, "actor", country, "alias"))
        return found

    def _of_composites(self, doc, found: list[Found]) -> list[Found]:  # type: ignore[no-untyped-def]
        """ "the government of Lebanon", "soldiers from Syria", "rebels in the Ivory Coast":
        sector noun + of/from/in + country, when nothing in front of the noun names another."""
        reach: dict[int, int] = {}  # start token -> end of the longest match starting there
        for f in found:
            reach[f.start] = max(reach.get(f.start, 0), f.end)
        countries = {f.start: f for f in found if f.key in self._countries
                     and f.how in ("alias", "exact", "place")
                     and reach[f.start] == f.end}  # not "Niger" of "Niger Delta"
        composites = []
        for label_id, start, end in self.sector(doc):
            after = countries.get(end + 1) or (countries.get(end + 2) if end + 1 < len(doc)
                                               and doc[end + 1].lower_ == "the" else None)
            modified = any(c.i < start and c.dep_ in ("amod", "compound", "nmod", "poss")
                           for c in doc[end - 1].children)
            if after is not None and not modified and doc[end].lower_ in ("of", "from", "in"):
                sector = self._labels[label_id][2]
                composites.append(Found(start, after.end, "actor", f"{after.key}-{sector}",
                                        "composite"))
        return composites


AUTHORED_NOUNS = {"proposal", "plan", "offer", "ultimatum", "demand", "request", "initiative",
                  "change", "draft", "resolution", "bid", "idea", "call", "appeal", "invitation",
                  "suggestion", "overture", "formula", "goods", "export", "import", "product"}
"""Nouns whose nationality adjective is their author or owner: "a Senegalese peace plan"."""


def _longest_first(found: list[Found]) -> list[Found]:
    """Drop matches overlapping a longer one (ties: composites and actors win)."""
    rank = {"composite": 0, "alias": 1, "exact": 1, "short": 2, "place": 3, "generic": 4, "world": 5}
    chosen: list[Found] = []
    taken: set[int] = set()
    for item in sorted(found, key=lambda f: (-(f.end - f.start), rank[f.how], f.start)):
        tokens = set(range(item.start, item.end))
        if not tokens & taken:
            chosen.append(item)
            taken |= tokens
    return sorted(chosen, key=lambda f: f.start)


ACTOR_PREPS = {"by", "with", "against", "between", "toward", "towards"}
"""A country after these prepositions is a party, not a location: "talks with Syria"."""


def _is_actor_position(token) -> bool:  # type: ignore[no-untyped-def]
    """A country name acting as a state: subject, direct object, or "by/with/against" party."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "dobj":  # "Finland will give Tanzania", "urged Jordan"; not "entered Syria"
        return token.head.lemma_ not in MOTION_VERBS
    if token.dep_ == "pobj" and token.head.lower_ == "to":  # "sent arms to Pakistan", not "went to"
        verb = token.head.head
        return verb.pos_ == "VERB" and verb.lemma_ not in MOVING_VERBS
    if token.dep_ == "poss":  # "rejected North Korea's demand", not "on Syria's side"
        return token.head.lemma_.lower() not in GEOGRAPHIC_NOUNS
    if token.dep_ == "pobj" and token.head.lower_ == "at":  # "fired shells at Seoul", not "met at"
        return token.head.head.lemma_ in AIMING_VERBS
    return token.dep_ in ("nsubj", "nsubjpass", "dative") or (
        token.dep_ == "pobj" and token.head.lower_ in ACTOR_PREPS)


def _is_speaker_position(token) -> bool:  # type: ignore[no-untyped-def]
    """A capital standing for its government acts: subject, possessor or party
    ("Beirut rejected", "Cairo's security chief", "talks with Damascus"), but a
    capital that is shelled or visited stays a place."""
    while token.dep_ == "conj":
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass", "poss") or (
        token.dep_ == "pobj" and token.head.lower_ in ACTOR_PREPS)


NAMING_PLACE_NOUNS = {"capital", "city", "town", "port"}
"""Nouns that a place's name follows as their apposition: "Kenya's capital Nairobi"."""


def _named_as_place(doc, start: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name follows a noun of places that it names ("Police in Kenya's capital
    Nairobi fired ...", however the parser hangs it): a place, not its government."""
    return start > 0 and doc[start - 1].lower_ in NAMING_PLACE_NOUNS


ARRIVAL_VERBS = {"go", "come", "travel", "fly", "arrive", "move", "head", "return", "send back",
                 "deport", "extradite", "ship", "transfer", "bring", "take", "drive", "sail",
                 "march", "walk", "run", "expand", "spread", "extend", "belong", "rise", "fall",
                 "evacuate", "withdraw", "retreat", "relocate", "escape", "pull", "cross", "drop"}
"""Verbs after which "to <country>" names a destination, not a party."""
GEOGRAPHIC_NOUNS = {"side", "border", "frontier", "territory", "capital", "city", "town", "region",
                    "north", "south", "east", "west", "coast", "soil", "province", "area", "part",
                    "village", "airspace", "waters", "mountain", "desert", "countryside", "war",
                    "history", "economy", "population", "people", "interior", "outskirts"}
"""Nouns after which a possessive country is a place: "Syria's side of the border"."""
AIMING_VERBS = {"fire", "shoot", "aim", "throw", "hurl", "lob", "launch", "point", "strike"}
MOTION_VERBS = {"enter", "leave", "visit", "reach", "cross", "invade", "flee", "tour", "return",
                "occupy", "overrun", "capture", "seize", "control", "hold", "take", "retake"}
MOVING_VERBS = frozenset(MOTION_VERBS | ARRIVAL_VERBS)


def resolve(doc, found: list[Found], gazetteer: Gazetteer) -> Iterator[Found]:  # type: ignore[no-untyped-def]
    """Turn raw matches into final mentions, in document order."""
    named_people: set[str] = set()
    recent: list[tuple[int, str]] = []  # (sentence start token, actor key)
    sentence_starts = [s.start for s in doc.sents]
    chosen = _longest_first(found)
    titled = {a.start for a, b in zip(chosen, chosen[1:]) if a.how == "composite"
              and b.start == a.end and b.kind == "actor" and b.key in gazetteer.actors
              and gazetteer.actors[b.key].kind == "person"}  # "Lebanese Foreign Minister Gebran Bassil"
    for item in chosen:
        if item.start in titled:
            continue
        sentence = doc[item.start].sent
        if item.how == "composite" and item.key not in gazetteer.actors:
            country, _, sector = item.key.rpartition("-")
            gazetteer.composite(country, sector)
        if item.how == "short" and item.key not in named_people:
            continue
        if item.how == "generic":
            resolved = _resolve_generic(doc, item, recent, gazetteer, sentence_starts)
            if resolved is None:
                continue
            item = Found(item.start, item.end, "actor", resolved, "generic")
        elif item.kind == "place" and gazetteer.state_at(item.key) is not None:
            state = gazetteer.state_at(item.key) or ""
            if _is_actor_position(doc[item.end - 1]) and not _named_as_place(doc, item.start) \
                    and (state == item.key or _is_speaker_position(doc[item.end - 1])):
                item = Found(item.start, item.end, "actor", state, "country")  # "Beirut rejected"
        if item.kind == "actor":
            if gazetteer.actors[item.key].kind == "person":
                named_people.add(item.key)
            recent.append((sentence.start, item.key))
        yield item


def _resolve_generic(doc, item: Found, recent: list[tuple[int, str]],  # type: ignore[no-untyped-def]
                     gazetteer: Gazetteer, sentence_starts: list[int]) -> str | None:
    phrase = doc[item.start:item.end].text.lower()
    candidates = set(gazetteer.generics.get(phrase, ()))
    index = bisect.bisect_right(sentence_starts, item.start) - 1
    window_start = sentence_starts[max(0, index - GENERIC_WINDOW)]
    seen = set()
    for start, key in reversed(recent):  # newest first; stop once out of the window
        if start < window_start:
            break
        if key in candidates:
            seen.add(key)
    return seen.pop() if len(seen) == 1 else None
