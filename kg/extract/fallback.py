"""Actors the gazetteer does not know, offered only to fill an event's roles.

Two kinds of candidate, both outside every gazetteer match (an unresolved
generic such as "the militants" stays unresolved):

- spaCy named entities (PERSON, ORG, NORP, GPE): "Mahmoud Abbas", "the Kifaya group";
- plural group nouns with their modifiers: "Prisoners", "angry paper workers".

A candidate becomes an actor only when an event uses it as agent or target
(see :func:`kg.extract.assemble.assemble`). Its key is the slug of its label
(:func:`kg.ids.slugify`), so the same name gets the same actor in every article;
its kind is guessed from the entity label or the head noun (:mod:`kg.extract.kinds`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from kg.extract.arms import weapon_model
from kg.extract.arabic_articles import hyphened_article
from kg.extract.clauses import heading_tokens
from kg.extract.hyphenated import backing
from kg.extract.militias import add_community_militias, add_tribe_militias
from kg.extract.regional_forces import add_regional_forces
from kg.extract.kinds import GROUP_NOUNS, ORG_WORDS, guess_kind
from kg.extract.force_names import ARTICLES, INSTITUTIONS, GenericAt, common_force, named_force
from kg.extract.member_bodies import NAMELESS, add_member_bodies, add_member_names, name_before
from kg.extract.owners import CIVILIAN_PROPERTY, nationality_of_military_object
from kg.ids import slugify
from kg.model import Actor

ENTITY_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
MODIFIER_DEPS = {"compound", "amod", "nmod"}
MODIFIER_OR_POSSESSIVE = frozenset(MODIFIER_DEPS | {"poss"})
DETERMINERS = ("the ", "a ", "an ")
DEFINITE = {"the", "this", "that", "these", "those"}
TITLE_WORDS = {"president", "minister", "prime", "foreign", "defence", "defense", "secretary",
               "general", "leader", "chief", "spokesman", "ambassador", "envoy", "former", "deputy",
               "vice", "interior", "senior", "top", "opposition", "rebel", "army", "state", "of"}


@dataclass(frozen=True)
class Candidate:
    """An unknown actor mention: token range, stable key, label and guessed kind."""

    start: int
    end: int
    key: str
    label: str
    kind: str
    generic: Actor | None = None  # a generic agent's composed actor ("Ugandan civilians")
    country: str | None = None  # ISO 3166-1 alpha-3 of the country it acts in
    aliases: tuple[str, ...] = ()  # the acronym in brackets after the name: "(RUF)"

    def actor(self) -> Actor:
        """The actor this candidate names."""
        return self.generic or Actor(key=self.key, label=self.label, kind=self.kind,  # type: ignore[arg-type]
                                     country=self.country, aliases=self.aliases)


def _label(text: str) -> str:
    text = " ".join(text.split())
    for det in DETERMINERS:
        if text.lower().startswith(det):
            text = text[len(det):]
    return text[:-2] if text.endswith("'s") else text


def _key(label: str, known: dict[str, Actor]) -> str:
    key = slugify(label)
    return f"{key}-unlisted" if key in known else key


def _group_span(token) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The group noun with its contiguous left modifiers: "angry French paper workers"."""
    start = token.i
    for child in sorted(token.lefts, key=lambda t: -t.i):
        if child.dep_ in MODIFIER_DEPS and child.i == start - 1 and child.pos_ != "PRON":
            start = child.left_edge.i if child.left_edge.i >= child.i - 2 else child.i
        elif child.i == start - 1 and child.dep_ == "punct":
            continue
        else:
            break
    return start, token.i + 1


CountryAt = Callable[[int], str | None]
"""Token index -> the state actor key of the country its sentence is about."""
STATELESS_KINDS = {"person", "state", "igo", "media", "ngo"}
"""Kinds of unknown actor that take no country from their context: a person's nationality is
not where they are, a place name is its own state, international bodies and media are often
abroad."""
PEOPLE = "civilians"
NATIONALITY = "NORP"


def _qualified(candidate: Candidate, country_at: CountryAt | None, known: dict[str, Actor],
               nationality: bool = False) -> Candidate:
    """An unknown organisation or group in the country of its sentence, keyed by both
    ("PCC" in Brazil: ``pcc-brazil``), so that one key has one description in every article.
    A group of people ("farmers", "the Union of Taxi Workers") is where it acts, unless its
    mention gives its ``nationality``: a people's nationality is not where they are
    ("Rohingya", "Ukrainian community members")."""
    state = country_at(candidate.start) if country_at is not None else None
    if state is None or candidate.kind in STATELESS_KINDS or state not in known or (
            candidate.kind == PEOPLE and nationality):
        return candidate
    return Candidate(candidate.start, candidate.end, f"{candidate.key}-{state}", candidate.label,
                     candidate.kind, country=known[state].country, aliases=candidate.aliases)


def find_candidates(doc, taken: set[int], known: dict[str, Actor],  # type: ignore[no-untyped-def]
                    generic: GenericAt | None = None, country_at: CountryAt | None = None,
                    is_place: Callable[[object], bool] = lambda token: False
                    ) -> dict[int, Candidate]:
    """Token index -> candidate, for every candidate span that touches no ``taken`` token.

    People come first, with the title before their name in the mention ("British
    Defence Secretary Tom King") but not in the label; an acronym in brackets
    right after a name is the same actor ("Revolutionary United Front (RUF)").
    A place name (GPE) is a candidate only where it stands for its government:
    not where it locates something ("in Sinjar district, Ninewa", "near Mosul"). With ``generic``, the nouns
    of the agent lexicon are the generic agents it composes ("police" in Mali:
    Malian police); other group nouns are labelled by their own words. With ``country_at``,
    an unknown organisation or group acts in its sentence's country (:func:`_qualified`).
    ``is_place`` tells the words of place names: a force noun one modifies is its state's.
    A name whose head is a word of the event lexicon is a weapon or an act, not an actor
    ("an Improvised Explosive Device exploded").
    """
    found: dict[int, Candidate] = {}
    defined: dict[str, Candidate] = {}  # an acronym -> the name it was bracketed after
    taken = taken | _bracketed_after(doc, taken) | heading_tokens(doc)  # "Defusal: ..." acts not

    def add(start: int, end: int, entity_label: str, name: tuple[int, int] | None = None,
            actor: Actor | None = None, kind: str | None = None) -> bool:
        tokens = range(start, end)
        if any(i in taken or i in found for i in tokens):
            return False
        label = _label(doc[slice(*(name or (start, end)))].text)
        if not label or not any(c.isalpha() for c in label):
            return False
        bracketed = _bracketed_after(doc, set(tokens))
        aliases = tuple(doc[i].text for i in sorted(bracketed) if doc[i].text != label)
        if actor is None and label in defined:  # "NRF fighters" after "the ... Front (NRF)"
            candidate = replace(defined[label], start=start, end=end)
        else:
            candidate = _qualified(Candidate(start, end, _key(label, known), label, kind or
                                             guess_kind(entity_label, label), aliases=aliases),
                                   country_at, known, entity_label == NATIONALITY or any(
                                       doc[i].ent_type_ == NATIONALITY for i in tokens)) \
                if actor is None else Candidate(start, end, actor.key, actor.label, actor.kind, actor)
        found.update({i: candidate for i in tokens})
        for i in bracketed:
            found[i] = candidate
        defined.update({alias: candidate for alias in candidate.aliases if alias not in defined})
        return True

    if generic is not None:  # "Kaduna militiamen": a community's militia, no "Kaduna" alone;
        add_community_militias(doc, generic, add)  # "Oromia police": the state's police
        add_tribe_militias(doc, add, country_at, known)  # "the X and Y tribes"
        add_regional_forces(doc, generic, add, is_place)
    people = [e for e in doc.ents if e.label_ == "PERSON" and _named(e) and not _bracketed(e)
              and not _place_named(e.root) and not weapon_model(e.root)]  # "Uragan missiles"
    for ent in people:  # "Al Shabaab militants": a name on an armed group's noun is the group
        add(_title_start(ent, taken), ent.end, ent.label_, (ent.start, ent.end),
            kind=_armed_head(ent.root, generic) or _body_kind(ent))
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS and _named(ent) and not _bracketed(ent) and (
                ent.label_ != "GPE" or not _locates(ent.root)) and not _place_named(ent.root) \
                and not _describes_known(ent, taken, generic) \
                and not common_force(ent, generic) and not _lexicon_noun(ent.root) \
                and not (len(ent) == 1 and nationality_of_military_object(ent.root)):
            add(ent.start + (ent[0].lower_ in ARTICLES), ent.end, ent.label_,  # not "the"
                kind=_armed_head(ent.root, generic))
    if generic is not None:
        _add_generic(doc, generic, add, taken)
    add_member_names(doc, add, taken)  # "Gulf Clan members"
    add_member_bodies(doc, add, taken)  # "members of the X Cartel"
    for token in doc:  # after the names of agent nouns: "CODECO-ALC militiamen" is one name
        if _acronym(token) and token.ent_type_ not in NAMELESS and not _lexicon_noun(token):
            add(token.i, token.i + 1, "ORG", kind=_armed_head(token, generic))  # no "IED"
    for token in doc:
        kind = GROUP_NOUNS.get(token.lemma_.lower()) or GROUP_NOUNS.get(token.lower_)
        if kind is None or token.pos_ != "NOUN" or not (
                token.tag_ == "NNS" or token.lower_ in ("police", "crowd")):
            continue
        start, end = _group_span(token)
        if start == token.i and not _bare_group_ok(token, kind):
            continue
        add(start, end, "")
    return found


LOCATING_PREPS = {"in", "at", "near", "inside", "outside", "around", "across", "throughout",
                  "within", "into", "outside", "along", "between", "toward", "towards", "of"}
"""Prepositions whose object is where something is: a place there is no actor."""


def _locates(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether a place name only locates: the object of a locative preposition, or an
    apposition, conjunct or compound of such a name ("in Sinjar district, Ninewa")."""
    while token.dep_ in ("appos", "conj", "compound", "npadvmod", "nmod") and token.head is not token:
        token = token.head
    if token.dep_ == "pobj":
        return token.head.lower_ in LOCATING_PREPS
    return token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in PLACE_WORDS


PLACE_WORDS = {"district", "province", "region", "state", "governorate", "county", "village",
               "town", "city", "municipality", "area", "township", "neighborhood", "department",
               "neighbourhood", "ward", "hamlet", "commune", "locality"}


OF_PLACE_WORDS = frozenset({"outskirts", "outskirt", "vicinity", "countryside", "suburbs",
                            "surroundings", "environs"})
"""Nouns of the land around a place, which "of" joins to its name: "the outskirts of X"."""
PLACE_AND_LAND_WORDS = frozenset(PLACE_WORDS | OF_PLACE_WORDS)
THING_WORDS = frozenset(PLACE_WORDS | CIVILIAN_PROPERTY)
"""Nouns of a place or a building, property: what a name on them names is no actor."""


def _place_named(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name is a place's by its word for a place ("Kakumbukumbu village", "the village
    of Ain Zorva", "the outskirts of Kalvan"), or a building's or property's by its word for one
    ("Tartar primary school", "the Thermaikos town hall"): the thing named, not an actor."""
    while token.dep_ in ("compound", "nmod") and token.head.i != token.i:
        token = token.head
    of_place = token.dep_ == "pobj" and token.head.lower_ == "of" and \
        token.head.head.pos_ == "NOUN" and token.head.head.lower_ in PLACE_AND_LAND_WORDS
    return of_place or (token.pos_ == "NOUN" or token.text.islower()) \
        and token.lemma_.lower() in THING_WORDS


def _add_generic(doc, generic: GenericAt, add, taken: set[int]) -> None:  # type: ignore[no-untyped-def]
    """Offer every noun that names a generic agent, with its modifiers as the mention; not
    one a named actor modifies ("United Nations military personnel"), a pronoun possesses
    ("its troops" are the antecedent's) or that is the first part of a hyphenated word. A noun
    modifying another is the actor only for an armed institution ("a police patrol", "an army
    base"), not for a class of people ("a refugee camp") nor before another agent noun ("army
    officers" are one phrase). A class of people whose name modifier the tagger took for an actor
    of its own ("Kilimo youths") is still an actor, the noun alone; not a people named by
    nationality ("Rohingya refugees"), who are not of where they are. A name behind a backing
    participle is the group's backer, not the group ("Iran-backed militias",
    :func:`~kg.extract.hyphenated.backing`)."""
    for token in doc:
        if any(t.i in taken for c in token.lefts if c.dep_ in MODIFIER_OR_POSSESSIVE
               for t in c.subtree if t.i > c.i or not backing(c)) or any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children) or (
                token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_):
            continue
        actor = generic(token)
        force = named_force(token, taken) if actor is not None and actor.kind in INSTITUTIONS \
            else None  # "the Lord's Resistance Army" is no state's army
        if force is not None and add(*force, "", kind="armed_group"):
            continue
        if actor is not None and (token.dep_ != "compound" or actor.kind in INSTITUTIONS
                                  and generic(token.head) is None):
            start, end = _group_span(token)
            name = name_before(token, taken) if actor.kind == "armed_group" and actor.sector \
                else None  # a community's militia ("Kaduna militiamen") is named already
            if name is not None:  # "JNIM militants" are JNIM's: the name is the actor; but
                add(start, end, "", name=name, kind=actor.kind)  # "X activists" are people
            backer = next((c for c in token.lefts if backing(c)), None)
            if add(start, end, "", actor=actor):
                continue
            if backer is not None:  # "Iran-backed militias": the militias, after their backer
                add(backer.i + 1, end, "", actor=actor)  # ("X-backed Y forces" are Y's)
            elif actor.kind == PEOPLE and not any(t.ent_type_ == NATIONALITY
                                                  for t in doc[start:token.i]):
                add(token.i, end, "", actor=actor)  # "Kilimo youths": the name is theirs


def _describes_known(ent, taken: set[int], generic: GenericAt | None = None  # type: ignore[no-untyped-def]
                     ) -> bool:
    """A people or creed that modifies an actor already known describes it ("Shi'ite
    Hezbollah", "Sunni X"), and a nation's adjective that names its forces stands for them
    ("Kenyan shelling": :func:`kg.extract.arms.forces_striking`), as a demonym used as a noun
    stands for the nation's people ("a Palestinian"): no actor of its own name."""
    return ent.label_ == NATIONALITY and (
        ent.root.dep_ in MODIFIER_DEPS and ent.root.head.i in taken
        or generic is not None and generic(ent.root) is not None)


def _acronym(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``token`` is an organisation's acronym the tagger did not name: a word of three
    or more capitals ("MFDC", "CODECO-ALC"), a proper noun, or a common noun by its tag that
    names no event or weapon of the lexicon and heads its phrase ("clashed with the FARDC",
    where the tagger took the unknown word for a noun; not "NGO vehicles"); not a thing
    counted with an indefinite article or a number ("an IED", "a UAV", "1 IED").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["the", "MFDC", "an", "IED", "Goma", "1", "IED"],
    ...           pos=["DET", "PROPN", "DET", "PROPN", "PROPN", "NUM", "PROPN"],
    ...           heads=[1, 1, 3, 3, 4, 6, 6], deps=["det", "ROOT", "det", "ROOT", "ROOT", "nummod",
    ...                                               "ROOT"])
    >>> [_acronym(t) for t in doc]
    [False, True, False, False, False, False, False]
    """
    letters = token.text.replace("-", "")
    return (len(letters) >= 3 and letters.isalpha() and letters.isupper()
            and (token.pos_ == "PROPN" or token.tag_ == "NN" and token.dep_ != "compound"
                 and not _lexicon_noun(token))
            and not any(c.dep_ == "det" and c.lower_ in ("a", "an")
                        or c.dep_ == "nummod" for c in token.children))


def _lexicon_noun(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether a noun names an event or its weapon in the event lexicon ("IED", "RPG"), or a
    weapon's model (:func:`~kg.extract.arms.weapon_model`: "Grad rockets")."""
    from kg.extract.triggers import trigger_type

    return trigger_type(token) is not None or weapon_model(token)


def _armed_head(name, generic: GenericAt | None) -> str | None:  # type: ignore[no-untyped-def]
    """``armed_group`` when a name modifies an armed group's noun ("KLF militants"), or when a
    people or movement that is no nationality (NORP: a nation's are composites, matched before)
    modifies a noun of armed forces ("Kurdish forces", "Houthi forces" where the tagger calls
    them a people): forces of no state. An organisation's name before "forces" says nothing of
    its kind ("IRGC forces" are a state's)."""
    head = generic(name.head) if generic is not None and name.dep_ == "compound" else None
    armed = head is not None and (head.kind == "armed_group" or head.kind == "military"
                                  and name.ent_type_ == NATIONALITY)
    return "armed_group" if armed else None


def _body_kind(ent) -> str | None:  # type: ignore[no-untyped-def]
    """The kind of a body a name tagged as a person's names when people belong to it ("Shiv
    Sena members", "members of Kisan Morcha", "the Revival party"): a person has no members."""
    from kg.extract.owners import AFFILIATION_NOUNS

    root = ent.root
    if root.dep_ in ("compound", "nmod") and root.head.i >= ent.end and root.head.pos_ == "NOUN":
        head = root.head  # "Shiv Sena members", "Valencia football fans"
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        head = root.head.head  # "members of Kisan Morcha"
    else:
        return None
    lemma = head.lemma_.lower()
    if lemma in ORG_WORDS:
        return ORG_WORDS[lemma]
    return guess_kind("ORG", ent.text) if lemma in AFFILIATION_NOUNS else None


def _bracketed(ent) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name other than an acronym stands inside brackets in its sentence: a
    parenthesis restates or locates what precedes it ("Kerawa (Kolofata, Mayo-Sava)", "the
    FDLR (Democratic Forces for the Liberation of Rwanda)") and fills no role of its own; an
    acronym there is the preceding name's (:func:`_bracketed_after`)."""
    before = ent.doc[ent.sent.start:ent.start]
    opened = sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before)
    return opened and not (len(ent) == 1 and ent.text.isupper())


def _bracketed_after(doc, tokens: set[int]) -> set[int]:  # type: ignore[no-untyped-def]
    """An upper-case acronym in brackets right after ``tokens``: "(RUF)"."""
    found = set()
    for i in tokens:
        window = doc[i + 1:i + 4]
        if i + 1 not in tokens and len(window) == 3 and window[0].text == "(" \
                and window[2].text == ")" and window[1].text.isupper():
            found.add(i + 2)
    return found


def _title_start(ent, taken: set[int]) -> int:  # type: ignore[no-untyped-def]
    """Where a person's title starts: capitalised words of the name's own phrase, left of it,
    through a possessive ("Jordan's King Abdullah II")."""
    start = ent.start
    while start > ent.root.left_edge.i and start - 1 not in taken:
        word = ent.doc[start - 1]
        if not (word.text[:1].isupper() or word.lower_ in TITLE_WORDS or word.lower_ == "'s"
                and start - 1 > ent.root.left_edge.i) or word.pos_ == "DET":
            break
        start -= 1
    return start


def _named(ent) -> bool:  # type: ignore[no-untyped-def]
    """A proper name: capitalised after its article ("the Kifaya group", "al-Shabaab": an Arabic
    article joined to a capitalised word), a noun at its root ("Shi'ite" as an adjective is
    not), not the first part of a hyphenated word."""
    hyphenated = ent.end < len(ent.doc) and ent.doc[ent.end].text == "-" and not ent[-1].whitespace_
    capital = _label(ent.text)[:1].isupper() or hyphened_article(ent.doc, ent.start)
    return (capital and ent.root.pos_ in ("PROPN", "NOUN") and len(ent.text) > 1
            and not hyphenated)  # "Cease" of "Cease-fire" is no name


def _bare_group_ok(token, kind: str) -> bool:  # type: ignore[no-untyped-def]
    """An unmodified group noun ("Prisoners rioted") names an actor only when it is a civilian
    group and not definite: "the soldiers", "their fighters" point back to an actor already named,
    and stay unresolved rather than guessed."""
    definite = any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in token.children)
    return kind == "civilians" and not definite
