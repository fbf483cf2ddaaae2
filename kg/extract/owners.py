"""Whose thing an attack hits: the owner of the object of a violent act is its target.

Reports often name what was hit, not whom: "shelled Ukrainian positions",
"attacked a military vehicle", "set houses on fire", "looted cattle from
pastoralists". The thing stands for its owner (a metonymy of possession):

- an actor that modifies the thing or owns it through an "of" or "belonging to"
  phrase ("the positions of the militia", "camels belonging to herders") is
  found by the role parser (:data:`OWNED_NOUNS`, :func:`owner_phrases`);
- a thing modified by a word of the state's forces ("a military convoy", "an army
  base", "governmental positions") is theirs, the forces of the nationality that
  modifies it or of the sentence's country (:func:`Owners.owner`);
- a military object with only a nationality ("Russian positions", "a Russian
  drone") is that country's armed forces;
- civilian property with no such modifier ("houses", "a shop", "cattle", "a
  passenger vehicle") is the civilians'.

Verbs of harm to a person select a human patient ("killed", "abducted", "lynched"): their
object, when it is no actor ("abducted a marabout", "killed the mayor"), is a person, and a
person no actor's noun names is a civilian of the sentence's country (:data:`HUMAN_PATIENT`).

Examples
--------
>>> import spacy
>>> from spacy.tokens import Doc
>>> from kg.extract.gazetteer import load_gazetteer
>>> from kg.extract.generic import Countries, GenericAgents
>>> gazetteer = load_gazetteer()
>>> words = ["shelled", "Syrian", "positions", "and", "military", "convoys", "and", "houses"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 2, 0, 2, 5, 2, 5, 5],
...           deps=["ROOT", "amod", "dobj", "cc", "amod", "conj", "cc", "conj"],
...           pos=["VERB", "ADJ", "NOUN", "CCONJ", "ADJ", "NOUN", "CCONJ", "NOUN"],
...           lemmas=["shell", "syrian", "position", "and", "military", "convoy", "and", "house"])
>>> owners = Owners(gazetteer, GenericAgents(gazetteer, Countries({0: "lebanon"}, None)))
>>> [getattr(owners.owner(doc[i], 0), "label", None) for i in (2, 5, 7, 0)]
['Syrian armed forces', 'Lebanese armed forces', 'Lebanese civilians', None]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from kg.analysis.families import family_of
from kg.extract.clauses import head_at, labelled_clause, patients, stranded_on
from kg.extract.gazetteer import Gazetteer
from kg.extract.generic import GenericAgents, nominal_adjective
from kg.extract.modality import HAPPENED
from kg.extract.state_forces import REMOTE
from kg.extract.triggers import DISARMING
from kg.model import Actor, Event

KindOf = Callable[[str], str | None]

MILITARY_OBJECTS = frozenset({
    "position", "base", "camp", "post", "outpost", "checkpoint", "convoy", "patrol",
    "barrack", "barracks", "garrison", "trench", "dugout", "bunker", "drone", "helicopter",
    "jet", "aircraft", "plane", "warplane", "tank", "warship", "unit", "column", "depot",
    "headquarters", "installation", "missile", "rocket", "projectile"})
"""Things of an armed force: with a nationality they are that country's forces."""
CIVILIAN_PROPERTY = frozenset({
    "house", "home", "hut", "dwelling", "building", "shop", "store", "kiosk", "market",
    "school", "church", "mosque", "temple", "shrine", "hospital", "clinic", "restaurant", "bar",
    "hotel", "farm", "field", "crop", "granary", "property", "business", "vehicle", "car", "bus",
    "taxi", "truck", "lorry", "tricycle", "tractor", "van", "motorcycle", "motorbike", "bicycle",
    "boat",
    "livestock", "cattle", "cow", "goat", "sheep", "camel", "donkey", "herd", "animal",
    "residence", "apartment", "village", "hamlet", "settlement", "household", "compound",
    "tent", "shelter", "structure", "shed", "barn", "greenhouse", "stall", "warehouse",
    "factory", "tree", "orchard", "grove", "olive", "vineyard"})
"""Property of people (dwellings, shops, vehicles, livestock): with no modifier naming the
state's forces, the people's."""
NOT_PERSONS = frozenset({"fire", "shot", "round", "bullet", "time", "way", "part", "place",
                         "body", "bodies", "remains", "number", "total", "weapon", "arm",
                         "ammunition", "drug", "cash", "money", "gold", "document", "control"})
"""Nouns a verb of harm may take that name no person: "held control", "shot rounds"."""
OWNED_NOUNS = MILITARY_OBJECTS | CIVILIAN_PROPERTY | {"station", "office", "vessel", "equipment",
                                                      "infrastructure", "facility"}
"""Nouns whose "of" or "belonging to" phrase names their owner."""
STATE_MODIFIERS = {"military": "military", "army": "military", "naval": "military",
                   "navy": "military",
                   "soldier": "military", "troop": "military",
                   "police": "police", "gendarmerie": "police", "regime": "military"}
"""Modifiers that make a thing the state's forces' ("a military convoy", "a police post"; "a
regime bus", as reports of a civil war call the government's forces the regime's)."""
GOVERNMENT_MODIFIERS = {"government", "governmental", "state"}
"""Modifiers that make a military object the state's forces' ("governmental positions")."""
MODIFIER_DEPS = ("amod", "compound", "nmod")
HUMAN_PATIENT = frozenset({
    "kill", "murder", "assassinate", "execute", "behead", "lynch", "abduct", "kidnap", "rape",
    "torture", "stab", "wound", "injure", "maim", "beat", "shoot", "hang", "strangle",
    "detain", "arrest", "capture", "hold", "arrest", "harass", "assault", "whip", "flog",
    "molest", "hack", "club", "stone", "burn"})
"""Verbs whose object (or passive subject) is a person: the human patient of harm."""


PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they"})
"""Pronouns of persons: the human patient of a verb of harm that names no actor is a person."""
AIMED_PREPS = frozenset({"at", "on"})
"""Prepositions of what fire is aimed at: "opened fire at him"."""


PROPERTY_PATIENT = frozenset({
    "loot", "plunder", "pillage", "ransack", "vandalize", "vandalise", "torch", "raze", "burn",
    "destroy", "damage", "demolish", "steal", "rob", "smash", "wreck", "sabotage", "uproot",
    "bulldoze"})
"""Verbs of looting or destruction: their object is property, with no modifier naming the
state's forces the people's (as :data:`CIVILIAN_PROPERTY` is with any verb)."""
NOT_PROPERTY = frozenset({"fire", "control", "time", "way", "part", "place", "body", "bodies",
                          "remains", "number", "total", "flag", "effigy", "tire", "tyre", "bonfire",
                          "barricade", "item", "object", "rubbish", "garbage", "trash"})
"""Objects of those verbs that are no one's property: "burned tyres", "burned an effigy"."""


BURNING_WORDS = frozenset({"ablaze", "alight", "afire", "aflame"})
"""Words by which "set" sets a thing burning: "set a shop ablaze", "set alight their huts"."""


def _property_patient(noun) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``noun`` is the object (or passive subject) of a verb of looting or destruction,
    which selects property ("looted a medical centre", "vandalised the inspection office"), or
    what an arson sets burning (:func:`_set_burning`: "set ablaze a bakery", "set fire to a
    kiosk")."""
    if _named(noun) or noun.lemma_.lower() in NOT_PROPERTY:
        return False
    if owner_phrases(noun) or any(c.dep_ == "poss" for c in noun.children):
        # "set fire to the offices of X", "to their mattresses": X's, whoever X is
        return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in PROPERTY_PATIENT
    if noun.dep_ == "pobj" and noun.head.lower_ == "to":  # "set fire to a kiosk"
        verb = noun.head.head
        return verb.lemma_.lower() == "set" and any(
            c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children)
    return noun.dep_ in ("dobj", "nsubjpass") and (
        noun.head.lemma_.lower() in PROPERTY_PATIENT or _set_burning(noun.head, noun))


def _named(noun) -> bool:  # type: ignore[no-untyped-def]
    """Whether the entity recogniser makes ``noun`` part of a name; a common noun in lower case
    is none, whatever it says ("destroyed telecommunications antennas" read as an organisation,
    "killed a 12-year-old" as a date).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["burned", "antennas", "Acme"],
    ...           pos=["VERB", "NOUN", "PROPN"], ents=["O", "B-ORG", "B-ORG"])
    >>> _named(doc[1]), _named(doc[2])
    (False, True)
    """
    return bool(noun.ent_type_) and not (noun.pos_ in ("NOUN", "ADJ") and noun.is_lower)


def _set_burning(verb, noun) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``verb`` is "set" with a word of burning, on itself or its object ``noun``:
    "set the premises on fire", "set ablaze a shop", "a tricycle was set ablaze"."""
    if verb.lemma_.lower() != "set":
        return False
    words = [c for t in (verb, noun) for c in t.children]
    return any(c.lower_ in BURNING_WORDS for c in words) or any(
        c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "fire" for g in c.children)
        for c in words)


def nationality_of_military_object(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``token`` is a nationality word before a military object ("Azerbaijani
    positions", "a Russian drone"): it says whose forces the thing is, and is no actor itself."""
    return token.ent_type_ in ("NORP", "GPE") and token.dep_ in MODIFIER_DEPS \
        and token.i < token.head.i and token.head.pos_ == "NOUN" \
        and token.head.lemma_.lower() in MILITARY_OBJECTS


CARRYING_VERBS = frozenset({"carry", "transport", "ferry"})
"""Verbs whose participle on a vehicle names whom it held: "a car carrying X members"."""


def owner_phrases(noun):  # type: ignore[no-untyped-def]
    """The noun phrases that own an owned thing: "the positions of X", "camels belonging to X",
    "looted cows from pastoralists" is the verb's (see :mod:`kg.extract.roles`); a vehicle's
    are also those it carries ("a drone strike hit a car carrying X": the strike hit X)."""
    if noun.lemma_.lower() not in OWNED_NOUNS:
        return []
    found = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj"]
    found += [g for acl in noun.children if acl.dep_ == "acl" and acl.lemma_ == "belong"
              for p in acl.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    found += [g for acl in noun.children if acl.dep_ == "acl" and acl.tag_ == "VBG"
              and acl.lemma_.lower() in CARRYING_VERBS for g in acl.children if g.dep_ == "dobj"]
    return found


def presumed_property(noun) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``noun`` is civilian property with no word naming its owner ("struck a
    vehicle", "shelled two houses"): the civilians' only by presumption
    (:meth:`Owners.owner`), which a toll told beside it may overturn
    (:func:`kg.extract.victims.with_victims`); not "a civilian car" or "the house of X"."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in CIVILIAN_PROPERTY \
        and not any(c.dep_ in (*MODIFIER_DEPS, "poss") for c in noun.children) \
        and not owner_phrases(noun)


class Owners:
    """The owner of a thing hit, as an actor of the sentence's country (or a nationality's)."""

    def __init__(self, gazetteer: Gazetteer, agents: GenericAgents) -> None:
        self.gazetteer, self.agents = gazetteer, agents

    def owner(self, noun, sentence: int) -> Actor | None:  # type: ignore[no-untyped-def]
        """The actor who owns the thing ``noun`` names, or ``None`` for no owned thing."""
        lemma = noun.lemma_.lower()
        if noun.pos_ == "PRON" and noun.lower_ in PERSONAL_PRONOUNS:  # "beat him", "fired at
            aimed = noun.dep_ == "pobj" and noun.head.lower_ in AIMED_PREPS  # them"
            return self.gazetteer.generic("civilians", self.agents.countries.of(sentence)) \
                if aimed else self._patient(noun, sentence)
        if noun.pos_ != "NOUN" and not nominal_adjective(noun):  # "killed a 12-year-old"
            return None
        looted = _property_patient(noun)
        if lemma not in OWNED_NOUNS and not looted:
            return self._patient(noun, sentence)
        modifiers = [c for c in noun.children if c.dep_ in MODIFIER_DEPS]
        words = {w.lemma_.lower() for c in modifiers for w in (c, *c.conjuncts)}  # "civilian
        # and military infrastructure": both modify the thing
        sector = next((STATE_MODIFIERS[w] for w in sorted(words) if w in STATE_MODIFIERS), None)
        nationality = self.agents.nationality(noun) or next(  # "a Russian Orlan-10 drone"
            (self.agents.nationality(c) for c in noun.children if c.dep_ == "compound"
             and c.i < noun.i and self.agents.nationality(c)), None)
        if sector is None and lemma in MILITARY_OBJECTS and (
                nationality is not None or words & GOVERNMENT_MODIFIERS):
            sector = "military"
        elif sector is None and words & GOVERNMENT_MODIFIERS:
            return None  # "a government building" is no civilians' nor the army's
        if sector is not None:
            country = nationality or self.agents.countries.of(sentence)
            return self.gazetteer.generic(sector, country) if country is not None else None
        if lemma in CIVILIAN_PROPERTY or looted:
            return self.gazetteer.generic("civilians", self.agents.countries.of(sentence))
        return None

    def _patient(self, noun, sentence: int) -> Actor | None:  # type: ignore[no-untyped-def]
        """A civilian of the sentence's country for the head noun of the human patient of a
        verb of harm ("abducted a marabout", "a petitioner went there and was beaten"), or of the
        nationality that modifies it ("arrested a Syrian national" in Lebanon); not a word of an
        actor's phrase."""
        verb = _harming(noun)
        if verb is None and noun.lemma_.lower() in AFFILIATION_NOUNS and _owns_thing_hit(noun):
            return self.gazetteer.generic("civilians", self.agents.countries.of(sentence))
        if verb is None or verb.lemma_.lower() not in HUMAN_PATIENT \
                or _named(noun) or noun.lemma_.lower() in NOT_PERSONS \
                or self.agents.sector_of(noun) not in (None, "civilians"):
            return None  # "shot two soldiers" of no known country stay unresolved
        country = self.agents.nationality(noun) or self.agents.countries.of(sentence)
        return self.gazetteer.generic("civilians", country)


def _owns_thing_hit(noun) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``noun`` owns, by an "of" or "belonging to" phrase, a thing that an act of
    destruction takes or that is aimed at: "burned the house of a party leader", "threw a
    grenade at the office of a union member" (:func:`owner_phrases`)."""
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.lower_ not in ("of", "to"):
        return False
    thing = prep.head.head if prep.lower_ == "to" and prep.head.lemma_ == "belong" else prep.head
    if not any(o.i == noun.i for o in owner_phrases(thing)):
        return False
    return _property_patient(thing) or thing.dep_ == "pobj" and thing.head.lower_ in AIMED_PREPS


def _harming(noun):  # type: ignore[no-untyped-def]
    """The verb whose patient ``noun`` is: the one it is the object or passive subject of, the
    passive verb conjoined to the one it is the subject of ("a petitioner went to the office
    and was beaten"), else the verb the parser stranded it on."""
    if noun.dep_ in ("dobj", "nsubjpass"):
        return noun.head
    if noun.dep_ == "nsubj":
        return next((v for v in noun.head.subtree if v.dep_ == "conj" and v.i > noun.i
                     and any(p.i == noun.i for p in patients(v))), None)
    return stranded_on(noun)


AFFILIATION_NOUNS = frozenset({"member", "supporter", "activist", "cadre", "leader", "candidate",
                               "councillor", "councilor", "corporator", "chairman",
                               "chairperson", "volunteer", "sympathizer", "sympathiser", "chief",
                               "nominee", "coordinator"})
"""Nouns of a person by what they belong to: "a party member", "a member of the union", "the
chief of the district"."""
NONCOMBATANT_KINDS = frozenset({"party", "ngo", "media", "igo", "government", "person"})
"""Kinds of organisation whose members are no combatants (unlike
:data:`kg.extract.kind_types.UNARMED_KINDS`, the kinds of actor whose fights are mob violence)."""
UNKNOWN_KIND = "other"
"""The kind of an organisation the gazetteer does not know ("a member of the XYZ"): unarmed
unless the article shows it armed, an agent of violence (:func:`armed_in`)."""
VIOLENT_FAMILIES = frozenset({"fights"})
"""Families of events whose agents are armed: who fights, attacks, shells or bombs."""


def armed_in(events: Sequence[Event]) -> frozenset[str]:
    """The actors the article shows armed: agents of a happened act of violence.

    >>> from kg.model import Span
    >>> clash = Event(0, "ArmedClash", Span(0, 1, "x"), 0, agents=("a",), targets=("b",))
    >>> sorted(armed_in([clash])), sorted(armed_in([replace(clash, modality="denied")]))
    (['a'], [])
    """
    return frozenset(k for e in events if e.modality in HAPPENED
                     and family_of(e.event_type) in VIOLENT_FAMILIES for k in e.agents)


def _unarmed(key: str, kind_of: KindOf, armed: frozenset[str]) -> bool:
    """Whether the members of organisation ``key`` are no combatants: it is of an unarmed kind,
    or of a kind the gazetteer does not know and no agent of violence in the article."""
    kind = kind_of(key)
    return kind in NONCOMBATANT_KINDS or kind == UNKNOWN_KIND and key not in armed


def _harmed_people(verb) -> list[int]:  # type: ignore[no-untyped-def]
    """The affiliation nouns a verb of harm takes as its object or passive subject, or as the
    owner of the thing it hits ("burned the house of a party leader", "threw a grenade at the
    office of a union member": the owner is hit through his property), or, for a
    verb that has neither, those of the verb it is conjoined to ("beat and injured a member":
    the member was beaten too) or conjoined with."""
    def people(head) -> list[int]:  # type: ignore[no-untyped-def]
        hit = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        hit += [g for p in head.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS
                for g in p.children if g.dep_ == "pobj"]
        hit += [o for thing in hit for o in owner_phrases(thing)]
        return [c.i for c in hit if c.lemma_.lower() in AFFILIATION_NOUNS]

    own = people(verb)
    if own or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return own
    verbs = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verbs.append(verb.head)
    return [i for v in verbs for i in people(v)]


def with_affiliated_victims(events: Sequence[Event], doc, kind_of: KindOf,  # type: ignore[no-untyped-def]
                            owner_at: Callable[[int], str | None]) -> list[Event]:
    """``events`` with the person harmed added as a target beside the organisation they belong
    to: "beat a member of the X party", "abducted an X activist" befall a person, a civilian
    (:meth:`Owners.owner`), and are aimed at X; so does harm to their property ("burned the house
    of an X leader"). Only when every organisation hit is unarmed
    (:func:`_unarmed`): a member of an armed group is a combatant."""
    found = list(events)
    armed = armed_in(found)
    for index, event in enumerate(found):
        if event.modality not in HAPPENED or not event.targets or not all(
                _unarmed(k, kind_of, armed) for k in event.targets):
            continue
        trigger = head_at(doc, event.trigger.start, event.trigger.end)
        if trigger is None:
            continue
        verb = labelled_clause(trigger) or trigger  # "Looting: ... seized the house of X"
        added = tuple(k for k in map(owner_at, _harmed_people(verb))
                      if k and k not in event.targets)
        if added:
            found[index] = replace(event, targets=(*event.targets, *added))
    return found


def with_unnamed_layers(events: Sequence[Event], unidentified_in: Callable[[int], str | None]
                        ) -> list[Event]:
    """``events`` with each disarming act whose weapons no one is said to have laid, fired or
    owned done to whoever the text last told firing such weapons, in its own sentence or the
    one before ("X fired missiles at the city. Air defences intercepted them": X's); else to
    an unidentified armed group: a mine defused, a cache seized or a bomb removed was put there
    by someone the text does not name, the one the act disarms ("police defused an explosive
    device planted near a school"). ``unidentified_in`` gives the key of the unidentified armed
    group of a sentence's country.

    >>> from kg.model import Span
    >>> defused = Event(0, "DisruptedWeapons", Span(7, 14, "defused"), 0, agents=("police",))
    >>> [e.targets for e in with_unnamed_layers([defused], lambda sentence: "unidentified")]
    [('unidentified',)]
    >>> fired = Event(0, "Shelling", Span(0, 5, "fired"), 0, agents=("rebels",))
    >>> [e.targets for e in with_unnamed_layers([fired, replace(defused, index=1, sentence=1)],
    ...                                         lambda sentence: "unidentified")]
    [(), ('rebels',)]
    """
    def disarmed(position: int, event: Event) -> tuple[str, ...]:
        if event.event_type != DISARMING or event.targets:
            return event.targets
        launchers = next((e.agents for e in reversed(events[:position])
                          if e.event_type in REMOTE and e.agents
                          and 0 <= event.sentence - e.sentence <= 1), ())
        launchers = tuple(k for k in launchers if k not in event.agents)
        key = unidentified_in(event.sentence)
        return launchers or ((key,) if key is not None and key not in event.agents else ())
    return [replace(e, targets=disarmed(i, e)) for i, e in enumerate(events)]


__all__ = ["AFFILIATION_NOUNS", "armed_in", "CIVILIAN_PROPERTY", "MILITARY_OBJECTS", "OWNED_NOUNS", "Owners",
           "nationality_of_military_object", "owner_phrases", "presumed_property",
           "with_affiliated_victims", "with_unnamed_layers"]
