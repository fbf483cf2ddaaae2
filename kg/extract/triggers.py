"""Event triggers: the type a token signals, from the trigger lexicon
(:mod:`kg.extract.lexicon`, read from ``ontology/event-types.ttl``).

A phrase ("air raid", "opened fire", "set the houses on fire") wins over the
single words it holds; a word-sense guard ("sign posts") or a date ("in March")
cancels a trigger; some verbs trigger only with a fitting object ("sent
troops") or subject ("protesters gathered").
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from kg.extract.clauses import CLAUSE_DEPS
from kg.extract.hyphenated import hyphen_joined
from kg.extract.lexicon import lexicon

REPORTING_VERBS = {"say", "declare", "announce", "reiterate", "conclude", "state", "stress",
                   "tell", "add", "write", "argue", "maintain", "repeat", "emphasize", "emphasise"}
"""Verbs that make a demand when what they report is an obligation: "said Libya must ..."."""
OBLIGATION_AUX = {"must"}
RELATION_NOUNS = {"tie", "ties", "relation", "relations", "link", "links"}
"""Nouns naming relations between actors: "restore ties with X" names X as the other side."""
TRIGGER_POS = ("VERB", "NOUN", "PROPN")
NOT_EVENTS = ("DATE", "TIME")
"""Entity types of tokens that are no events: "March" the month, "May"."""
ARGUMENTS = ("nsubj", "nsubjpass", "dobj")


def _time_word(token) -> bool:  # type: ignore[no-untyped-def]
    """``token`` is part of a date or time, so no event ("in March"), unless it is a verb with
    a subject or object that the tagger swept into a time by mistake ("at around 5 am killed
    two civilians": "am killed" read as a time)."""
    return token.ent_type_ in NOT_EVENTS and not (
        token.pos_ == "VERB" and any(c.dep_ in ARGUMENTS for c in token.children))
PHRASE_DEPTH = 3
PARTICLES = frozenset({"over", "out", "up", "down", "off", "back", "away"})
"""Particles of phrasal verbs ("take over", "blow up", "shoot down"): in a phrase trigger they
must be the verb's own dependents."""
PLACE_OBJECT = "@place"
"""Stands, in a rule's object list, for any object the parser names as a place."""
PLACE_ENTITIES = ("GPE", "LOC", "FAC")
PlaceAt = Callable[[int], bool]  # token index -> whether a gazetteer place is named there
EXECUTING_VERBS = {"carry", "conduct", "launch", "stage", "mount", "execute", "perform"}
"""Verbs whose object is an act they carry out: "carried out airstrikes" (not "found a grenade")."""


def obligation_clause(verb):  # type: ignore[no-untyped-def]
    """The complement clause of ``verb`` that states an obligation ("that China must drop
    barriers"), or None. Its subject is who the demand is made of."""
    return next((c for c in verb.children if c.dep_ == "ccomp" and any(
        a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in c.children)), None)


SUBJECTS = ("nsubj", "csubj")
DOERS = (*SUBJECTS, "agent")
"""Dependents that name who acts, not what the act is."""


def phrase_words(token, depth: int = PHRASE_DEPTH,  # type: ignore[no-untyped-def]
                 doers: bool = True) -> set[str]:
    """Lemmas and lower-case forms of the words of ``token``'s own phrase, not of its
    subordinate clauses: "opened heavy fire on" -> {"heavy", "fire", "on", ...}. Who does it
    (the active subject, the passive's agent) counts by its head word alone ("tanks fired":
    "tank"; "the Platform for X called a strike" has no "for"), or not at all without
    ``doers`` ("protesters beat a man" beats no protester)."""
    words: set[str] = set()
    frontier = [token]
    for level in range(depth):
        children = [c for t in frontier for c in t.children
                    if not (c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX"))]
        if level == 0:
            words.update(w for c in children if c.dep_ in SUBJECTS and doers
                         for w in (c.lemma_.lower(), c.lower_))
            children = [c for c in children if c.dep_ not in (SUBJECTS if doers else DOERS)]
        frontier = children
        words.update(w for c in frontier for w in (c.lemma_.lower(), c.lower_))
    return words


def _phrase(token, lemma: str) -> tuple[str, frozenset[str]] | None:  # type: ignore[no-untyped-def]
    """The type and the other words of the longest phrase ``token`` heads, if any."""
    phrases = lexicon().phrases.get(lemma) or lexicon().phrases.get(token.lower_)
    if not phrases or token.pos_ not in TRIGGER_POS:
        return None
    words = phrase_words(token)
    near = {c.lower_ for c in token.children  # a particle is the verb's own, next to it: "took
            if c.dep_ == "prt" or c.i == token.i + 1}  # over the town", not "took ... over threats"
    return next(((kind, others) for others, kind, _ in phrases
                 if others <= words and others & PARTICLES <= near), None)


def _inside_phrase(token, lemma: str) -> bool:  # type: ignore[no-untyped-def]
    """``token`` is a word of a phrase its head triggers: "fire" in "opened fire"."""
    head = token.head
    while head is not token and head.dep_ in ("prep", "pobj", "compound", "dobj"):
        head = head.head  # "set houses on fire": fire -> on -> set
        if head.head is head:
            break
    found = _phrase(head, head.lemma_.lower()) if head is not token else None
    return found is not None and lemma in found[1]


def guarded(token, lemma: str) -> bool:  # type: ignore[no-untyped-def]
    """A word-sense guard applies: "sign posts" (the head), "the sign on the post" (the phrase),
    "grenade launchers" and "stun grenades" (no grenade attack)."""
    others = lexicon().guards.get(lemma)
    if not others:
        return False
    near = phrase_words(token, 1)
    if token.pos_ != "VERB":  # a verb's sense is set by its dependents, not the verb over it
        near |= {token.head.lemma_.lower(), token.head.lower_}
    return bool(others & near)


COMITATIVE = "with"
"""The preposition of what an act is done with: "held a vigil with candles", "walked with
placards": an object that counts as the verb's own for a conditioned trigger."""


def _conditional_type(token, rules, deps: tuple[str, ...],  # type: ignore[no-untyped-def]
                      is_place: PlaceAt | None = None, comitative: bool = False) -> str | None:
    """The type of a verb that needs a fitting object or subject: "send arms", "halt aid"; with
    ``comitative``, the object may also be what the verb or its object is done with ("held a
    press conference with banners")."""
    heads = [c for c in token.children if c.dep_ in deps]
    if not heads and "dobj" in deps:  # "discovered and defused a bomb": the object both share
        heads = [o for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 for o in c.children if o.dep_ == "dobj"]
    if comitative:
        heads += [p for h in (token, *heads) for p in h.children
                  if p.dep_ == "prep" and p.lower_ == COMITATIVE]
    heads += [g for c in token.children if c.dep_ == "dative" for g in (c, *c.children)]
    heads += [g for h in list(heads) for g in h.children  # "captured Starohnativka, Donetsk"
              if g.dep_ in ("conj", "pobj", "compound", "appos")]
    heads += [g for h in list(heads) if h.lower_ == "of" or h.dep_ in ("prep", "agent")
              for g in h.children]
    heads += [g for h in list(heads) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children]  # "hundreds of protesters"
    heads = [h for h in heads if not (guarded(h, h.lemma_.lower())
                                      and _phrase(h, h.lemma_.lower()) is not None)]
    # "hurled petrol bombs": an object whose modifier gives it a sense that is an event
    # phrase of its own names that event; it is no fitting object of the verb
    found = {w for h in heads for w in (h.lemma_.lower(), h.lower_)}
    found |= {PLACE_OBJECT for h in heads if h.ent_type_ in PLACE_ENTITIES or (
        is_place is not None and is_place(h.i))}
    return next((kind for needs, kind in rules if needs & found), None)


def _event_subject(verb) -> bool:  # type: ignore[no-untyped-def]
    """The verb's subject is an event noun the verb only reports: in "a drone strike hit the
    truck" the strike is the event, "hit" adds none (but "drones hit the truck" is one)."""
    return any(c.dep_ == "nsubj" and (c.pos_ == "NOUN" or c.tag_ == "VBG")  # "shelling hit"
               and trigger_type(c) is not None for c in verb.children)


def _prepositional_type(token, rules) -> str | None:  # type: ignore[no-untyped-def]
    """The type of a verb that needs a fitting prepositional phrase, by its preposition or the
    preposition's object: "fired at a convoy", "fired on the crowd", "fired in the direction
    of the positions"; a phrase of time does not count ("fired the director on Monday")."""
    found: set[str] = set()
    for prep in (c for c in token.children if c.dep_ == "prep"):
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if not any(o.ent_type_ in NOT_EVENTS for o in objects):
            found.update((prep.lower_, *(o.lemma_.lower() for o in objects)))
    return next((kind for needs, kind in rules if needs & found), None)


def _purpose_type(token, rules) -> str | None:  # type: ignore[no-untyped-def]
    """The type of a verb of gathering with a purpose: "gathered to demand ...", "marched
    against ...", "took to the streets in support of ..."."""
    joined = [c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    clauses = [c for v in (token, *joined) for c in v.children  # a purpose scopes over the
               if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"]  # verbs it follows
    clauses += [g for c in clauses for g in c.children if g.dep_ == "xcomp" and g.pos_ == "VERB"]
    clauses += [a for c in token.children if c.dep_ == "prep" for g in c.children  # "gathered in
                for a in g.children if a.dep_ in ("acl", "relcl") and a.pos_ == "VERB"]  # a square to"
    found = {c.lemma_.lower() for c in clauses  # "took over X and closed Y to demand", "gathered
             if c.tag_ == "VBG" or any(m.lower_ == "to" for m in c.children)}  # demanding ...",
    found |= {c.lemma_.lower() for c in joined}  # "as (a) means to demand"
    found |= {c.lower_ for c in token.children if c.dep_ == "prep"}
    found |= {g.lemma_.lower() for c in token.children if c.dep_ == "prep"
              for g in c.children if g.dep_ == "pobj"}
    return next((kind for needs, kind in rules if needs & found), None) or next(
        (kind for needs, kind in rules if needs & _next_purpose(token)), None)


CROWD_SUBJECTS = frozenset({"they", "group", "protester", "demonstrator", "participant"})
"""Subjects by which the next sentence goes on about the people who gathered: "They denounced"."""


def _next_purpose(token) -> set[str]:  # type: ignore[no-untyped-def]
    """The verb of the next sentence, when the main verb of a gathering tells no purpose and
    the next sentence tells it of the same crowd ("80 people gathered in front of the school.
    They denounced the expulsion ..."); else nothing."""
    end = token.sent.end
    if token.dep_ != "ROOT" or end >= len(token.doc):
        return set()
    verb = token.doc[end].sent.root
    crowd = any(c.dep_ == "nsubj" and (c.lower_ in CROWD_SUBJECTS or c.lemma_.lower() in CROWD_SUBJECTS)
                for c in verb.children)
    return {verb.lemma_.lower()} if crowd else set()


def trigger_lemma(token) -> str:  # type: ignore[no-untyped-def]
    """The token's lemma, with a silent "e" the lemmatiser dropped put back when only that form
    is a trigger: "raped" is lemmatised "rap", but the verb is "rape".

    >>> from types import SimpleNamespace as T
    >>> trigger_lemma(T(lemma_="rap", lower_="raped", pos_="VERB")), trigger_lemma(T(lemma_="kill", lower_="killed", pos_="VERB"))
    ('rape', 'kill')
    """
    lemma = token.lemma_.lower()
    lex = lexicon()
    if token.pos_ != "VERB" or lemma in lex.verbs or lemma in lex.phrases:
        return lemma
    restored = lemma + "e"
    if restored in lex.verbs and token.lower_.startswith(restored):
        return restored
    return lemma


NAME_ENTITIES = ("ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT")
"""Entity types of proper names (of bodies, buildings, laws, works) whose words only name."""


def _name_modifier(token) -> bool:  # type: ignore[no-untyped-def]
    """``token`` is a capitalised word inside a proper name but not its head: "Combat" in "the
    Combat Aircraft Noise Committee", "Cooperation" in "the Federation for Economic
    Cooperation" describe the body, they report no event."""
    if token.ent_type_ not in NAME_ENTITIES or not token.text[:1].isupper() or token.pos_ == "VERB":
        return False
    name = entity_of(token)
    return name is not None and len(name) > 1 and name.root.i != token.i


def entity_of(token):  # type: ignore[no-untyped-def]
    """The named entity of ``doc.ents`` that ``token`` is a word of, or ``None``: read from the
    entity tags around it, without building every entity of the doc.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="in Baton Rouge today".split(),
    ...           ents=["O", "B-GPE", "I-GPE", "O"])
    >>> [(e.start, e.end) if e else None for e in map(entity_of, doc)], [(e.start, e.end) for e in doc.ents]
    ([None, (1, 3), (1, 3), None], [(1, 3)])
    """
    if not token.ent_type or token.ent_iob_ not in ("B", "I"):
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


@functools.cache
def _trigger_words() -> frozenset[str]:
    """Every word some table of the lexicon turns on: a token neither of whose forms (its
    trigger lemma, its lower case) is one triggers nothing, as most do not."""
    lex = lexicon()
    return frozenset({*lex.verbs, *lex.nouns, *lex.phrases, *lex.with_object, *lex.with_subject,
                      *lex.with_purpose, *lex.with_preposition, *REPORTING_VERBS})


def trigger_type(token, is_place: PlaceAt | None = None) -> str | None:  # type: ignore[no-untyped-def]
    """The event type a token triggers, if any; ``is_place`` tells which tokens name a place
    (for verbs that need a territorial object: "seized Palmyra")."""
    lex = lexicon()
    joined = hyphen_joined(token)
    if joined is not None and joined in lex.nouns and trigger_type(token.nbor(-2)) is None:
        return lex.nouns[joined]
    if token.pos_ not in TRIGGER_POS:
        return None
    lemma = trigger_lemma(token)
    words = _trigger_words()
    if lemma not in words and token.lower_ not in words or _time_word(token) or \
            _name_modifier(token):
        return None
    phrase = _phrase(token, lemma)
    if guarded(token, lemma) and not (phrase and phrase[1] & lexicon().guards[lemma]):
        return None  # a phrase that holds the guard word is a sense of its own: "test-fired"
    if token.pos_ != "VERB" and _inside_phrase(token, lemma):
        return None
    if token.pos_ == "VERB" and lemma in lex.with_purpose:  # "took over the school to demand"
        found = _purpose_type(token, lex.with_purpose[lemma])
        if found is not None:
            return found
    if phrase is not None:
        return None if _handled(token, lemma, phrase[0], _disarming()) else phrase[0]  # "found
        # a car bomb"; not "planted a roadside bomb that killed two"
    if token.pos_ == "VERB":
        if lemma in REPORTING_VERBS and obligation_clause(token) is not None:
            return "Demand"  # "Russia said Sudan must return the helicopter"
        if lemma in lex.with_subject and not _event_subject(token):
            found = _conditional_type(token, lex.with_subject[lemma], ("nsubj",))
            if found is not None:
                return found
        if lemma in lex.with_object:  # "seized weapons" is no "seized the town"
            found = _conditional_type(token, lex.with_object[lemma], ("dobj", "nsubjpass", "agent"),
                                      is_place, comitative=True)
            if found is not None:
                return found
        if lemma in lex.with_preposition:  # "fired at the convoy" is no "fired the minister"
            found = _prepositional_type(token, lex.with_preposition[lemma])
            if found is not None:
                return found
        return lex.verbs.get(lemma)
    found = lex.nouns.get(lemma) or lex.nouns.get(token.lower_)
    return None if found is not None and _handled(token, lemma, found) else found


def _handled(token, lemma: str, event_type: str,  # type: ignore[no-untyped-def]
             verbs: frozenset[str] | None = None) -> bool:
    """A weapon noun of ``event_type`` that is the object of a verb that carries out no attack
    (of one of ``verbs``, or of theirs coordinated, when given), alone or in a list ("defused an
    IED", "carried rifles and grenades", "discovered and destroyed a roadside bomb"): a weapon
    handled, not used."""
    while token.dep_ == "conj" and token.head.i != token.i and token.head.pos_ in TRIGGER_POS[1:]:
        token = token.head
    verb = token.head
    acting = {verb.lemma_.lower()} | ({verb.head.lemma_.lower()} if verb.dep_ == "conj" else set())
    return token.dep_ in ("dobj", "nsubjpass") and token.pos_ != "VERB" \
        and _is_weapon(lemma, event_type) and not _executing(verb) \
        and (verbs is None or bool(acting & verbs))


def _executing(verb) -> bool:  # type: ignore[no-untyped-def]
    """``verb`` carries out the act its object names (:data:`EXECUTING_VERBS`), unless it is a
    participle that describes a noun: "a boat carrying rifles and grenades" carries them."""
    return verb.lemma_.lower() in EXECUTING_VERBS and not (verb.dep_ == "acl" and verb.tag_ == "VBG")


DISARMING = "DisruptedWeapons"


@functools.cache
def _disarming() -> frozenset[str]:
    """Verbs that, with a weapon for object, disrupt its use: "defuse", "find", "seize" ..."""
    lex = lexicon()
    return frozenset([*(v for v, kind in lex.verbs.items() if kind == DISARMING),
                      *(v for v, rules in lex.with_object.items()
                        if any(kind == DISARMING for _, kind in rules))])


DEMAND = "Demand"
DEMANDED_DEPS = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "relcl"}
"""Links from a demanded act up to the verb that demands it: "urged the army to withdraw",
"demanded the release of ...", "called for a ceasefire"."""


def demanded(token, is_place: PlaceAt | None) -> bool:  # type: ignore[no-untyped-def]
    """Whether a trigger is what a directive verb (a ``Demand`` trigger of the scheme: urge,
    demand, call for, appeal) asks for, so no act that happened: "urged the government to
    release the prisoners" reports no release."""
    start = token.i
    if token.dep_ in ("acl", "relcl", "amod") and token.tag_ in ("VBN", "VBD"):
        return False  # "the release of members arrested last week": the arrest happened
    for _ in range(5):
        coordinated = token.dep_ == "conj"  # "to improve X and prevent Y"; not "demanded and
        if not coordinated and token.dep_ not in DEMANDED_DEPS or token.head is token:  # clashed"
            return False
        token = token.head
        if token.pos_ in ("VERB", "NOUN") and trigger_type(token, is_place) == DEMAND:
            return not coordinated and start > token.i and not complied(token)
    return False


COMPLIANCE_VERBS = frozenset({"respond", "heed", "answer", "follow", "obey", "join"})
"""Verbs whose object is a call that was followed: what it called for took place."""


def complied(call) -> bool:  # type: ignore[no-untyped-def]
    """Whether a call is one its addressees followed, so that what it asks for happened:
    "demonstrators responded to the call for demonstrations", "heeded calls for a strike".

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="they heeded the call".split(),
    ...           heads=[1, 1, 3, 1], deps=["nsubj", "ROOT", "det", "dobj"],
    ...           pos=["PRON", "VERB", "DET", "NOUN"], lemmas=["they", "heed", "the", "call"])
    >>> complied(doc[3]), complied(doc[1])
    (True, False)
    """
    verb = call.head.head if call.dep_ == "pobj" else call.head
    return call.pos_ == "NOUN" and call.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB" \
        and verb.lemma_.lower() in COMPLIANCE_VERBS


def _is_weapon(lemma: str, event_type: str) -> bool:
    """A trigger noun that names the weapon of its type ("IED", "grenade"), not an act."""
    return any(words == (lemma,) and kind == event_type for words, kind, _ in lexicon().instruments)
