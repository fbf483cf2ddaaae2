"""Generic agents: groups named by what they are, not by name, with the country of their context.

Reports name most actors generically: "police arrested two men", "villagers were attacked",
"unidentified gunmen opened fire", "a protest was held". Such a mention is an actor when the
head noun of its noun phrase is in the agent lexicon of ``ontology/actors.yaml`` (each
sector's ``heads``), or when a modifier moves a person noun into a sector ("armed men" are an
unidentified armed group, "police officers" are police). The actor is the sector of a country,
the composite the gazetteer builds ("Ugandan civilians"): the country comes from a nationality
in the phrase, else from the places the sentence names, else from the places of the whole
article; without one it is the sector's country-less actor.

An event of violence or protest that no actor performs ("a man was shot dead") gets the
implicit agent its ACLED type calls for (``implicit_agents``): an unidentified armed group,
protesters or rioters of the event's country.

Examples
--------
>>> import spacy
>>> from spacy.tokens import Doc
>>> from kg.extract.gazetteer import load_gazetteer
>>> gazetteer = load_gazetteer()
>>> words = ["Armed", "men", "attacked", "villagers"]
>>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 2],
...           deps=["amod", "nsubj", "ROOT", "dobj"], pos=["ADJ", "NOUN", "VERB", "NOUN"],
...           lemmas=["armed", "man", "attack", "villager"])
>>> agents = GenericAgents(gazetteer, Countries({0: "uganda"}, None))
>>> agents.sector_of(doc[1]), agents.sector_of(doc[3]), agents.sector_of(doc[2])
('unidentified', 'civilians', None)
>>> agents.actor(doc[1], 0).label
'Unidentified armed group (Uganda)'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.extract.hyphenated import stance
from kg.extract.arms import MILITARY, STATE_STRIKES, forces_striking
from kg.extract.context_countries import Countries
from kg.extract.gazetteer import Gazetteer
from kg.extract.occurrence import reports_occurrence, subjects
from kg.extract.militias import (MEMBER_NOUNS, community_of, of_community, part_of_named,
                                 place_of_country)
from kg.extract.role_words import TAKING_VERBS
from kg.model import Actor

MODIFIER_DEPS = {"amod", "compound", "nmod"}
STATE_KINDS = {"military", "police", "government"}
CROWD_SECTORS = {"protesters", "rioters"}
"""Sectors of the people who take part in a protest or riot."""
IN_PERSON_KINDS = {"civilians", "person", "state"}
"""Kinds of agent that protest in person, not through a crowd of protesters."""


NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos"})
"""Dependencies of a noun phrase's head: an argument of a verb or a preposition, an apposition."""
ELLIPTICAL = frozenset({"other", "same", "former", "latter"})
"""Adjectives that head a noun phrase by standing for a noun said before ("on one front and ...
on the other", "clashed with each other"), never a group of their own."""


def nominal_adjective(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether the tagger called a word an adjective where it heads a noun phrase: an argument
    with a determiner or a number of its own ("killed a civilian", "shot two civilian"), which
    an adjective never is; not one that stands for a noun said before (:data:`ELLIPTICAL`).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="killed a civilian on the other".split(),
    ...           heads=[0, 2, 0, 0, 5, 3], deps=["ROOT", "det", "dobj", "prep", "det", "pobj"],
    ...           pos=["VERB", "DET", "ADJ", "ADP", "DET", "ADJ"])
    >>> nominal_adjective(doc[2]), nominal_adjective(doc[0]), nominal_adjective(doc[5])
    (True, False, False)
    """
    return token.pos_ == "ADJ" and token.dep_ in NOMINAL_DEPS and token.lower_ not in \
        ELLIPTICAL and any(c.dep_ in ("det", "nummod") and c.i < token.i for c in token.children)


def _leaders(modifier) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The words a participle "led" joins by a hyphen, which name who leads: "Saudi" of
    "Saudi-led" (tagged as the participle's adverbial or compound)."""
    if modifier.lower_ != "led" or modifier.i < 2 or modifier.doc[modifier.i - 1].text != "-":
        return []
    return [c for c in modifier.lefts if c.i == modifier.i - 2 and not c.whitespace_]


def _off_duty(agent: Actor, event_type: str) -> bool:
    """Whether police, soldiers or tribesmen who demonstrate peacefully do so as protesters."""
    return event_type == "Protest" and (agent.kind in FORCE_KINDS
                                        or agent.sector in COMMUNITY_SECTORS)


FORCE_KINDS = {"military", "police"}
COMMUNITY_SECTORS = frozenset({"tribal", "clan"})  # fighters of a tribe or clan, its people too
OUT_OF_SERVICE = frozenset({"former", "retired", "ex", "ex-", "off-duty", "demobilized",
                            "demobilised"})
"""Modifiers of a person noun that put its holder out of the service of a force."""
OUT_OF_SERVICE_KINDS = frozenset({"military", "police", "armed_group", "government"})
IDENTITY_UNKNOWN = frozenset({"unidentified", "unknown", "unnamed", "unidentifiable"})
"""Modifiers that deny a group's identity: "unidentified militants" are no group the text names."""
CRIMES = frozenset({"criminal", "trafficking", "smuggling"})
"""Modifiers that make an armed band a gang ("a drug trafficking faction"), no rebels."""
UNNAMED_BAND = IDENTITY_UNKNOWN | CRIMES
"""Modifiers of an armed band the text names no group of: the unidentified armed group."""
MANY_SECTORS = frozenset({"civilians", "unidentified"})
"""Sectors of groups named generically, whose one actor key names many people or bands: in a
violent event it may stand on both sides ("residents beat up a man", "gunmen killed a robber")."""
UNIDENTIFIED = "unidentified"
"""The sector of armed groups the text does not identify (``ontology/actors.yaml``)."""
PEOPLES_FORCES = "rebels"
"""The sector of the armed forces of a people that is no nation ("Kurdish forces")."""
STATE_BODY_NOUNS = frozenset({"government", "regime"})
"""Words of a state's body whose forces are its armed forces ("regime forces")."""
LED_BODIES = frozenset({"coalition"})
"""Bodies that a state's "X-led" makes its armed forces ("the Saudi-led coalition"), beside
the nouns of armed forces ("US-led forces")."""


class GenericAgents:
    """Classifies head nouns by the sector lexicon and composes them with their country."""

    def __init__(self, gazetteer: Gazetteer, countries: Countries) -> None:
        self.gazetteer, self.countries = gazetteer, countries
        self._heads = {h: key for key, s in gazetteer.sectors.items() for h in s.heads}
        self._moves = [(s.modifiers, s.modifies, key) for key, s in gazetteer.sectors.items()
                       if s.modifiers]
        self._modified = {h: key for key, s in gazetteer.sectors.items() for h in s.modified_heads}

    def sector_of(self, token) -> str | None:  # type: ignore[no-untyped-def]
        """The sector a noun names as the head of a generic agent, or ``None``."""
        if not (token.pos_ in ("NOUN", "PROPN") or nominal_adjective(token)) \
                or token.ent_type_ in ("GPE", "LOC", "DATE") or part_of_named(token):
            return None
        sector = self._heads.get(token.lemma_.lower()) or self._heads.get(token.lower_) \
            or self._membership(token) or self._capitalised_plural(token)
        moved = self._modified.get(token.lemma_.lower()) if sector is None else None
        if sector is None and not moved:  # most nouns and names: no modifier to read
            return self._state_led(token)
        modifiers = [c for c in token.lefts if c.dep_ in MODIFIER_DEPS]
        words = {c.lower_ for c in modifiers} | {  # "off-duty": one word in three tokens,
            "".join(t.text for t in c.subtree).lower()  # headed by either end, or each of
            for c in modifiers if c.n_rights or c.n_lefts}  # them on the noun ("pro-government")
        if modifiers:  # hyphenated words whose pieces the parser hung on the noun one by one
            words |= {w for w in token.doc[modifiers[0].i:token.i].text.lower().split() if "-" in w}
        if sector is None:  # "armed groups": a head that names a sector with its modifier only
            return moved if words & self.gazetteer.sectors[moved].modifiers else self._state_led(token)
        for modifiers_of, modifies, moved in self._moves:
            if sector in modifies and words & modifiers_of:
                sector = moved
                break
        if self.gazetteer.sectors[sector].kind == MILITARY and any(map(self._a_people, modifiers)):
            sector = PEOPLES_FORCES  # "Kurdish forces", "Shiite troops": no state's army
        return self._out_of_service(self._unidentified(sector, words), words)

    def _shared_head(self, token) -> bool:  # type: ignore[no-untyped-def]
        """Whether a bare word of a state's body shares the force noun of the modified noun it
        is coordinated with: "(the) regime and Russian forces" are regime forces and Russian
        forces, where the parser makes "regime" a noun of its own, conjoined with "forces"."""
        if token.lemma_.lower() not in STATE_BODY_NOUNS or any(
                c.dep_ not in ("cc", "conj", "det") for c in token.children):
            return False
        forces = (c for c in token.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                  and any(m.dep_ in MODIFIER_DEPS and m.i < c.i for m in c.children))
        return any(self._heads.get(c.lemma_.lower()) == MILITARY for c in forces)

    def _capitalised_plural(self, token) -> str | None:  # type: ignore[no-untyped-def]
        """The sector of a plural agent noun written with a capital, which the tagger takes for
        a name and leaves unlemmatised: "Ambazonian Separatists", "Armed Militants"."""
        word = token.lower_
        if token.pos_ != "PROPN" or not word.endswith("s"):
            return None
        return self._heads.get(word[:-3] + "y" if word.endswith("ies") else word[:-1])

    def _a_people(self, modifier) -> bool:  # type: ignore[no-untyped-def]
        """Whether a modifier names a people, faith or movement that is no nation's: its forces
        are an armed group ("Kurdish forces"), where a nation's are its army ("Malian forces")."""
        return modifier.ent_type_ == "NORP" and modifier.text[:1].isupper() and \
            modifier.lower_ not in self.gazetteer.nationalities

    def _state_led(self, token) -> str | None:  # type: ignore[no-untyped-def]
        """The armed forces a state leads, named by a noun of forces or a coalition that the
        state's "X-led" modifies ("Saudi-led coalition aircraft", "a US-led coalition")."""
        military = self.gazetteer.sectors.get(MILITARY)
        if military is None or not ({token.lower_, token.lemma_.lower()} & {*military.nouns,
                                                                             *LED_BODIES}):
            return None
        leaders = (w for c in token.children if c.dep_ in MODIFIER_DEPS for w in _leaders(c))
        return MILITARY if any(self.gazetteer.nation(w.text) for w in leaders) else None

    def _led_strike(self, token) -> Actor | None:  # type: ignore[no-untyped-def]
        """The armed forces of the state that leads, "X-led", the coalition or force whose
        strike from the air or by artillery a noun names ("Saudi-led coalition airstrikes",
        "US-led shelling"), or ``None``: a coalition's strikes are counted as its leader's, as
        its forces are (:meth:`_state_led`)."""
        from kg.extract.triggers import trigger_type

        modifiers = [c for c in token.lefts if c.dep_ in MODIFIER_DEPS]
        if not modifiers:  # most words: no leader to look for
            return None
        modifiers += [c for m in modifiers if m.lower_ in LED_BODIES for c in m.children
                      if c.dep_ in MODIFIER_DEPS]  # "Saudi-led" on "coalition airstrikes"
        countries = (self.gazetteer.nation(w.text) for m in modifiers for w in _leaders(m))
        country = next((c for c in countries if c is not None), None)
        if country is None or trigger_type(token) not in STATE_STRIKES:
            return None
        return self.gazetteer.generic(MILITARY, country)

    def _membership(self, token) -> str | None:  # type: ignore[no-untyped-def]
        """The sector of the armed band whose members a membership noun names: its common-noun
        modifier or its "of" object ("gang members", "members of a militia"); none for a named
        group ("members of the CCC": a name, not a kind of group), nor for an office or a party
        ("a member of the government" who is harmed is a person, :mod:`kg.extract.owners`)."""
        if token.lemma_.lower() not in MEMBER_NOUNS:
            return None
        groups = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        groups += [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for g in p.children if g.dep_ == "pobj"]
        sectors = (self._heads.get(g.lemma_.lower()) for g in groups
                   if g.pos_ == "NOUN" and not part_of_named(g))
        return next((s for s in sectors if s and self.gazetteer.sectors[s].kind == "armed_group"),
                    None)

    def _unidentified(self, sector: str, words: set[str]) -> str:
        """An armed group whose identity a modifier denies ("unidentified militants", "unknown
        fighters") or that a crime names ("a drug trafficking faction": a gang, no rebels) is
        no group the text names: the unidentified armed group of its context."""
        if words & UNNAMED_BAND and UNIDENTIFIED in self.gazetteer.sectors and \
                self.gazetteer.sectors[sector].kind == "armed_group":
            return UNIDENTIFIED
        return sector

    def _out_of_service(self, sector: str, words: set[str]) -> str:
        """A member of a state force, an armed group or a government named out of service ("an
        off-duty police officer", "a retired soldier", "former militants", "a former official")
        is a civilian, as event coders count the people an act befalls."""
        if words & OUT_OF_SERVICE and "civilians" in self.gazetteer.sectors and \
                self.gazetteer.sectors[sector].kind in OUT_OF_SERVICE_KINDS:
            return "civilians"
        return sector

    def nationality(self, token) -> str | None:  # type: ignore[no-untyped-def]
        """A country named by a nationality modifier of ``token``: "Malian villagers"; or by
        the leader of a force "X-led" ("Saudi-led coalition aircraft", "US-led forces"): the
        forces of a coalition are counted as its leader's. A stance ("pro-Russia") is none."""
        for child in token.children:
            if child.dep_ not in MODIFIER_DEPS or child.i > token.i:
                continue
            for word in (child, *_leaders(child)):
                country = self.gazetteer.nation(word.text)
                if word.text[:1].isupper() and country is not None and not stance(word):
                    return country
        return self._origin(token)

    def _origin(self, token) -> str | None:  # type: ignore[no-untyped-def]
        """The one country a group's "from" phrase names as where its people come from
        ("migrants from Ethiopia", "arrested a driver from Zimbabwe", where the parser hangs the
        phrase on the verb of its object; not a verb of taking, whose "from" is whom it
        deprives); none for several ("from X and Y"), for a place within a country, nor for a
        noun conjoined before the phrase's own ("protesters and refugees from X")."""
        holders = [token]
        if token.dep_ == "dobj" and token.head.lemma_.lower() not in TAKING_VERBS:
            holders.append(token.head)
        lands = [g for h in holders for p in h.children if p.dep_ == "prep"
                 and p.lower_ == "from" and not any(token.i < c.i < p.i for c in token.conjuncts)
                 for g in p.children if g.dep_ == "pobj"]  # "X and refugees from Y": theirs
        for land in lands:  # "the Republic of X": the name runs to the object of its "of"
            end = max([land.i, *(g.i for p in land.children if p.dep_ == "prep" and
                                 p.lower_ == "of" for g in p.children if g.dep_ == "pobj")])
            name = token.doc[land.left_edge.i:end + 1].text.removeprefix("the ")
            if land.text[:1].isupper() and not land.conjuncts:
                return self.gazetteer.nation(name)
        return None

    def actor(self, token, sentence: int) -> Actor | None:  # type: ignore[no-untyped-def]
        """The generic actor a head noun names, composed with its country, or ``None``.

        The country is the noun's nationality modifier; else, for a state's forces, the country
        of the one composite of the same sector the article names ("the soldiers" after "the
        Lebanese army"; two such leave it unresolved); else the sentence's or the article's
        country. Forces of a state need their state; a people may have no known country."""
        forces = forces_striking(self.gazetteer, token) or self._led_strike(token) \
            or self._a_national(token) or self._unidentified_craft(token, sentence)
        if forces is not None:
            return forces
        if self._names_state_forces(token):
            country = self.countries.of(sentence)
            return self.gazetteer.generic(MILITARY, country) if country else None
        sector = self.sector_of(token)
        if sector is None:
            return None
        country = national = self.nationality(token)
        named = self.countries.named.get(sector, frozenset()) \
            if self.gazetteer.sectors[sector].kind in STATE_KINDS else frozenset()
        if country is None and len(named) > 1:
            return None
        if country is None and self.gazetteer.sectors[sector].local:
            country = next(iter(named)) if named else self.countries.of(sentence)
        if country is None and self.gazetteer.sectors[sector].kind in STATE_KINDS:
            return None  # "the soldiers" of no known state stay unresolved
        own = self._heads.get(token.lemma_.lower()) or self._membership(token) or \
            self._capitalised_plural(token)  # "Ambazonian Separatists"
        if not national and (sector == own or sector in COMMUNITY_SECTORS) and \
                self.gazetteer.sectors[sector].kind == "armed_group":  # not "pro-government
            # militias"; "Marehan clan militia" is Marehan's
            community = community_of(self.gazetteer, token, country)  # "Kaduna militiamen"
            if community is not None or of_community(self.gazetteer, token, country):
                return community  # "members of a Kaduna militia" are the militia's, no others
        return self.gazetteer.generic(sector, country)

    def _unidentified_craft(self, noun, sentence: int) -> Actor | None:  # type: ignore[no-untyped-def]
        """The unidentified armed group of the context, whose craft or arms of a state's forces
        a modifier leaves unknown: "unidentified aircraft struck", "an unknown drone" (no force
        the text names; a soldier named so is still a soldier)."""
        if UNIDENTIFIED not in self.gazetteer.sectors or \
                not self._craft_named_by(noun, IDENTITY_UNKNOWN):
            return None
        return self.gazetteer.generic(UNIDENTIFIED, self.countries.of(sentence))

    def _names_state_forces(self, token) -> bool:  # type: ignore[no-untyped-def]
        """Whether ``token`` names the forces of the context's state by a word of its body: on
        their craft or arms ("regime warplanes", "government helicopters", "regime artillery",
        as "government forces" are its forces) or conjoined with other forces ("regime and
        Russian forces": the context's, not Russia's)."""
        return self._craft_named_by(token, STATE_BODY_NOUNS) or self._shared_head(token)

    def _craft_named_by(self, noun, words: frozenset[str]) -> bool:  # type: ignore[no-untyped-def]
        """Whether ``noun`` names craft or arms of a state's forces (a noun of the military
        sector that heads no generic agent: "warplanes", "artillery"), modified by one of
        ``words``."""
        military = self.gazetteer.sectors.get(MILITARY)
        return military is not None and noun.lower_ in military.nouns and \
            noun.lemma_.lower() not in military.heads and any(
                c.dep_ in MODIFIER_DEPS and c.lower_ in words for c in noun.children)

    def _a_national(self, noun) -> Actor | None:  # type: ignore[no-untyped-def]
        """The civilians of the nation a demonym used as a noun names: "a Palestinian", "two
        Syrians" (people of a nation, where "Palestinian" on a noun only qualifies it)."""
        if noun.ent_type_ != "NORP" or noun.pos_ not in ("NOUN", "PROPN") or \
                noun.dep_ in MODIFIER_DEPS or not noun.text[:1].isupper():
            return None
        word = noun.lower_
        country = self.gazetteer.nation(word) or (
            self.gazetteer.nation(word[:-1]) if word.endswith("s") else None)
        return self.gazetteer.generic("civilians", country) if country is not None else None

    def names_place(self, name: str, sentence: int) -> bool:
        """Whether ``name`` is a place of the country of ``sentence``."""
        state = self.gazetteer.actors.get(self.countries.of(sentence) or "")
        return state is not None and place_of_country(self.gazetteer, name, state.country)

    def implicit(self, trigger, event_type: str, sentence: int) -> Actor | None:  # type: ignore[no-untyped-def]
        """The implicit agent of an event of ``event_type`` that no actor performs, when its
        trigger reports the event as new (:func:`reports_occurrence`), or when it is a protest
        verb whose subject names no actor ("public servants gathered"): they are its crowd."""
        sector = self._implicit_sector(event_type)
        if sector is None or not reports_occurrence(trigger) and not (
                sector in CROWD_SECTORS and trigger.pos_ == "VERB" and subjects(trigger)):
            return None
        return self.gazetteer.generic(sector, self.countries.of(sentence))

    def implied(self, sentence_of: dict[int, int], actor_of: Callable[[str], Actor | None]
                ) -> Callable[[object, str, tuple[str, ...]], tuple[str, ...]]:
        """(trigger, event type, agents found) -> the agents the text implies: the implicit
        agent of an event no actor performs (:meth:`implicit`), the crowd of a protest only
        organisations perform (:meth:`crowd`); ``sentence_of`` maps tokens to sentences and
        ``actor_of`` keys to actors."""
        def implied(trigger, event_type: str, found: tuple[str, ...]) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
            sentence = sentence_of.get(trigger.i, 0)
            actor = self.crowd(event_type, sentence, map(actor_of, found)) if found else \
                self.implicit(trigger, event_type, sentence)
            return (actor.key,) if actor is not None else ()
        return implied

    def crowd(self, event_type: str, sentence: int, agents: Iterable[Actor | None]
              ) -> Actor | None:
        """The crowd that performs a protest or riot whose agents include no group of people.

        Whoever protests is a protester: when a protest's agents are only organisations
        ("members of a union protested", "the party staged a rally"), the people on the street
        are its agents too, the protesters (or rioters) of the sentence's country; the
        organisation stays an agent beside them. People (a group or a person) and the sectors
        of a state ("rebels in the Ivory Coast blocked roads", "a member of parliament began a
        hunger strike") protest in person, with no crowd of their own; but police officers or
        soldiers who hold a peaceful protest do so as protesters, not as forces of the state.
        """
        sector = self._implicit_sector(event_type)
        if sector not in CROWD_SECTORS or any(a is None or a.kind in IN_PERSON_KINDS or a.sector
                                              and not _off_duty(a, event_type) for a in agents):
            return None
        return self.gazetteer.generic(sector, self.countries.of(sentence))

    def _implicit_sector(self, event_type: str) -> str | None:
        from kg.taxonomy import event_type as concept

        acled = concept(event_type).acled or ""
        return next((s for prefix, s in self.gazetteer.implicit.items()
                     if acled.startswith(prefix)), None)
