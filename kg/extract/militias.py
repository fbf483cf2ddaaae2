"""Militias of a community: a militia named by the place or the people it comes from.

"Kaduna militiamen attacked a village", "a Zamfara militia", "Amhara ethnic militias",
"Marehan clan militia", "Islamist militia": the proper name before a militia noun does not
name an organisation but the community the militia is drawn from. The actor is that
community's militia, in the country of its context, labelled with the text's words and known
also by the name event coders give such a group ("Kaduna Communal Militia", "Amhara Ethnic
Militia", "Marehan Clan Militia", "Islamist Militia"): the text's own qualifier ("ethnic",
"communal", "clan", "sub-clan", "tribal"), else the one the name calls for: a place of the
country makes a communal militia, a faith none, any other name (a people's) an ethnic one.
A band named by the cause of a people or land it fights for ("Ambazonian separatists",
"Baloch rebels") is that band, labelled with the name and the noun, as coders name it too.

Examples
--------
>>> militia_label("Amhara", "ethnic"), militia_label("Islamist", None)
('Amhara ethnic militia', 'Islamist militia')
>>> qualifier_of("Kaduna", "NGA", lambda name, iso3: True)
'communal'
>>> qualifier_of("Fulani", "NGA", lambda name, iso3: False)
'ethnic'
>>> qualifier_of("Pokot", "KEN", lambda name, iso3: False)
'ethnic'
>>> qualifier_of("Christian", "NGA", lambda name, iso3: False) is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from typing import TYPE_CHECKING

from kg.extract.arabic_articles import ARABIC_ARTICLES
from kg.extract.hyphenated import stance
from kg.ids import slugify
from kg.model import Actor

if TYPE_CHECKING:
    from kg.extract.gazetteer import Gazetteer

MILITIA_NOUNS = frozenset({"militia", "militias", "militiaman", "militiamen"})
"""Head nouns of a militia."""
CAUSE_NOUNS = frozenset({"separatist", "separatists", "rebel", "rebels"})
"""Head nouns of a band named by the people or land whose cause it fights for: "Ambazonian
separatists", "Baloch rebels" are named so by event coders too, with no qualifier."""
MEN_NOUNS = {"tribesman": "tribal", "tribesmen": "tribal", "clansman": "clan", "clansmen": "clan"}
"""Nouns of the men of a tribe or clan, who act as its militia ("Shammar tribesmen"), with the
qualifier event coders give that militia ("Shammar Tribal Militia")."""
BAND_NOUNS = MILITIA_NOUNS | CAUSE_NOUNS | frozenset(MEN_NOUNS)
"""Head nouns of a band a community's name may qualify."""
MEMBER_NOUNS = frozenset({"member", "members", "element", "elements"})
"""Nouns of membership: a member of an armed band of a sector's kind is of that sector."""
PART_NOUNS = frozenset({"faction", "factions"})
"""Nouns of a part of a group: a group of their own only where no named whole is told."""
QUALIFIERS = frozenset({"ethnic", "communal", "clan", "sub-clan", "subclan", "tribal"})
"""Words that say what kind of community a militia is of ("Marehan clan militia")."""
FAITHS = frozenset({"islamist", "islamic", "muslim", "christian", "catholic", "protestant",
                    "evangelical", "shiite", "shia", "shi'ite", "sunni", "jewish", "hindu",
                    "buddhist", "sikh", "jihadist", "salafist", "salafi", "animist"})
"""Adjectives of a faith: a militia of believers is of no place or people ("Christian militia")."""
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})

PlaceTest = Callable[[str, str | None], bool]
"""(name, ISO 3166-1 alpha-3 or None) -> whether the name is a place of that country."""


def militia_label(name: str, qualifier: str | None) -> str:
    """The label of the militia of a community: its name, qualifier and "militia"."""
    return " ".join(w for w in (name, qualifier, "militia") if w)


def qualifier_of(name: str, iso3: str | None, is_place: PlaceTest) -> str | None:
    """The kind of community a name without a qualifier of its own names, as event coders
    qualify it: ``None`` for a faith, "communal" for a place of the country, else "ethnic": a
    name that is no place names the people the militia is drawn from."""
    if name.lower() in FAITHS:
        return None
    if is_place(name, iso3):  # by the gazetteers: the tagger calls many a people a place
        return "communal"
    return "ethnic"


def community_words(token) -> tuple[int, int, str | None] | None:  # type: ignore[no-untyped-def]
    """(start, end, qualifier) of the community name before a militia noun: the capitalised
    words that modify it, right before it or before its qualifier; ``None`` without one, or
    for an acronym, which names an organisation ("CODECO militia")."""
    if not _band_noun(token):
        return None
    doc, end = token.doc, token.i
    qualifier = None
    while end > 0 and doc[end - 1].pos_ == "ADJ" and doc[end - 1].text.islower() and \
            doc[end - 1].lower_ not in QUALIFIERS and doc[end - 1].head.i == token.i:
        end -= 1  # "Pokot pastoral militia"
    words = _qualifier_words(doc, end)
    if words:
        qualifier, end = "".join(t.lower_ for t in words), words[0].i
    start = end
    while start > 0 and _name_word(doc[start - 1], token):
        start -= 1
    while start < end and (doc[start].text == "-" or _opening_modifier(doc[start])):
        start += 1
    if start == end or any(t.ent_type_ in NOT_NAMES for t in doc[start:end]) or stance(doc[start]):
        return None  # "pro-Russian separatists" are named by their stance, not a community
    if start and doc[start - 1].tag_ == "POS":  # "New People's Army rebels": a name's tail
        return None  # after its possessive; the whole names an organisation
    letters = "".join(t.text for t in doc[start:end]).replace("-", "")
    if len(letters) > 1 and letters.isupper():
        return None
    return start, end, qualifier


def _band_noun(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether a noun heads a band a community's name may qualify: a militia or a cause's."""
    return bool({token.lemma_.lower(), token.lower_} & BAND_NOUNS)


def _cause_label(name: str, noun) -> str:  # type: ignore[no-untyped-def]
    """The label of a cause's band: the name and the noun in the plural ("Baloch rebels")."""
    word = noun.lower_
    return f"{name} {word if word.endswith('s') else word + 's'}"


def _qualifier_words(doc, end: int) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The qualifier right before ``end``: one word, or "sub-clan" in three tokens."""
    if end >= 3 and "".join(t.lower_ for t in doc[end - 3:end]) in QUALIFIERS:
        return list(doc[end - 3:end])
    return [doc[end - 1]] if end >= 1 and doc[end - 1].lower_ in QUALIFIERS else []


OPENING_WORDS = frozenset({"local", "rival", "some", "several", "many", "other", "two", "three"})
"""Words that open a sentence with a capital but name no community: "Local militiamen"."""


def _opening_modifier(word) -> bool:  # type: ignore[no-untyped-def]
    """Whether a word is capitalised only because it opens the sentence: a participle
    ("Suspected", "Armed") or a quantifier ("Several")."""
    return word.is_sent_start and (word.lower_.endswith("ed") or word.lower_ in OPENING_WORDS)


def _name_word(word, noun) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``word`` is part of a capitalised name that modifies ``noun``."""
    if word.text == "-":
        return True
    inside = noun.left_edge.i <= word.i < noun.i
    return inside and word.text[:1].isupper() and word.pos_ in ("PROPN", "ADJ", "NOUN")


def community_militia(token, country_key: str | None, country_iso3: str | None,  # type: ignore[no-untyped-def]
                      is_place: PlaceTest, is_actor: Callable[[str], bool] = lambda name: False
                      ) -> Actor | None:
    """The militia of the community named before a militia noun, in the country of its context
    (keyed by both, as every unknown group is: :func:`kg.extract.fallback._qualified`), or
    ``None``, also where the name is a known actor's (``is_actor``, by its lower-case alias:
    "Hezbollah militiamen" are Hezbollah). Its label is the text's words; the name event
    coders give it (with the qualifier of :func:`qualifier_of` where the text has none) and,
    for a people, the people's name are its aliases. The men of a tribe or clan are its
    militia (:data:`MEN_NOUNS`), labelled "Shammar tribesmen", known as "Shammar tribal
    militia"."""
    found = community_words(token)
    if found is None:
        return None
    start, end, qualifier = found
    name = token.doc[start:end].text
    if is_actor(name.lower()):
        return None
    if {token.lemma_.lower(), token.lower_} & CAUSE_NOUNS:  # "Ambazonian separatists"
        label = _cause_label(name, token)
        return Actor(key=_keyed(label, country_key), label=label, kind="armed_group",
                     country=country_iso3)
    men = MEN_NOUNS.get(token.lower_)  # "Shammar tribesmen"
    coded = qualifier or men or qualifier_of(name, country_iso3, is_place)
    label = f"{name} {token.lower_}" if men else militia_label(name, qualifier)
    aliases = tuple(dict.fromkeys(a for a in (militia_label(name, coded), name if coded !=
                                              "communal" else None) if a and a != label))
    return Actor(key=_keyed(label, country_key), label=label, kind="armed_group",
                 country=country_iso3, aliases=aliases)


def _keyed(label: str, country_key: str | None) -> str:
    """The key of a community's band: its label's slug, then its country's key, as every
    unknown group is keyed (:func:`kg.extract.fallback._qualified`)."""
    return slugify(label) + (f"-{country_key}" if country_key else "")


TRIBE_NOUNS = {"tribes": ("tribe", "tribal"), "clans": ("clan", "clan")}
"""Plural nouns of tribes or clans: (the singular, the qualifier coders give their militias)."""
NAME_JOINERS = frozenset({"and", "or", ","})
"""Words that join the names of a list ("the Jaafar, Shamas and Zein clans")."""


def tribe_names(noun) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The spans of the names of two or more tribes or clans named together before a plural
    noun of them ("the Jaafar and Shamas clans", "Swaades and Bouihat tribes"): a conflict
    between communities, whose parties are their militias; one tribe named ("a civilian of the
    X tribe") is a community, no party. Each name is capitalised words (with Arabic articles:
    "al-Humayqan"), joined by "and", "or" or commas; an adjective alone ("Arab and Kurdish
    tribes") names no tribe.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["the", "Jaafar", "and", "Shamas", "clans", "clashed"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words,
    ...           pos=["DET", "PROPN", "CCONJ", "PROPN", "NOUN", "VERB"])
    >>> [doc[start:end].text for start, end in tribe_names(doc[4])]
    ['Jaafar', 'Shamas']
    """
    if noun.lower_ not in TRIBE_NOUNS:
        return []
    doc, spans, end = noun.doc, [], noun.i
    while end > 0:
        start = end
        while start > 0 and _tribe_name_word(doc[start - 1], doc[start]):
            start -= 1
        if start == end:  # a joiner of other words: "On 3 May, X and Y tribes"
            break
        if end - start == 1 and doc[start].pos_ == "ADJ":
            return []
        spans.append((start, end))
        end = start
        while end > 0 and doc[end - 1].lower_ in NAME_JOINERS:
            end -= 1
        if end == start:
            break
    return sorted(spans) if len(spans) > 1 else []


def _tribe_name_word(word, after) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``word``, before ``after``, is part of a tribe's name."""
    if word.text == "-" or word.lower_ in ARABIC_ARTICLES and after.text[:1].isupper():
        return True
    return word.text[:1].isupper() and word.pos_ in ("PROPN", "NOUN", "ADJ") and \
        word.lower_ != "the" and not _opening_modifier(word)


def add_tribe_militias(doc, add: Callable[..., bool],  # type: ignore[no-untyped-def]
                       country_at: Callable[[int], str | None] | None,
                       states: Mapping[str, Actor]) -> None:
    """Offer the militia of each tribe or clan of :func:`tribe_names`, labelled by the name
    and the noun ("Jaafar clan"), known as coders name it ("Jaafar clan militia"), in the
    country of its sentence (``country_at``: token index -> key of a state of ``states``);
    ``add`` is :func:`kg.extract.fallback.find_candidates`' own."""
    for noun in doc:
        for start, end in tribe_names(noun):
            singular, qualifier = TRIBE_NOUNS[noun.lower_]
            name = doc[start:end].text
            country_key = country_at(start) if country_at is not None else None
            iso3 = states[country_key].country if country_key in states else None
            label = f"{name} {singular}"
            add(start, end, "", actor=Actor(
                key=_keyed(label, country_key), label=label, kind="armed_group", country=iso3,
                aliases=(militia_label(name, qualifier),)))


def part_of_named(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``token`` names a part of a whole the text names: "two factions of the Awami
    League", "the Bakura faction" are of that party or group, no band of their own, where
    "opposition factions" and "armed factions" are.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "two factions of BCL clashed".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 4, 1, 2, 4],
    ...           deps=["nummod", "nsubj", "prep", "pobj", "ROOT"],
    ...           pos=["NUM", "NOUN", "ADP", "PROPN", "VERB"])
    >>> part_of_named(doc[1])
    True
    """
    if token.lower_ not in PART_NOUNS:
        return False
    named = [w for c in token.lefts for w in c.subtree if w.pos_ == "PROPN"]  # "the Dagoberto
    # Ramos FARC dissident faction"; not a nationality ("Turkish-backed factions")
    named += [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj" and g.text[:1].isupper()]
    return bool(named)


def place_of_country(gazetteer: Gazetteer, name: str, iso3: str | None) -> bool:
    """Whether ``name`` is a place of the country ``iso3``, curated or in the world index."""
    key = gazetteer.place_aliases.get(name.lower())
    if key is not None and gazetteer.places[key].country == iso3:
        return True
    world = gazetteer.world
    return world is not None and iso3 is not None and any(
        p.country == iso3 for p in world.lookup(name))


def community_of(gazetteer: Gazetteer, token, country: str | None  # type: ignore[no-untyped-def]
                 ) -> Actor | None:
    """:func:`community_militia` with the gazetteer's places and actors, in the state
    ``country`` (a key)."""
    state = gazetteer.actors.get(country or "")
    return community_militia(token, country, state.country if state else None,
                             lambda name, iso3: place_of_country(gazetteer, name, iso3),
                             gazetteer.aliases.__contains__)


def of_community(gazetteer: Gazetteer, token, country: str | None) -> bool:  # type: ignore[no-untyped-def]
    """Whether a noun of members names the members of a community's militia ("members of a
    Zamfara militia")."""
    if token.lemma_.lower() not in MEMBER_NOUNS:
        return False
    groups = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]
    return any(community_of(gazetteer, g, country) is not None for g in groups)


def add_community_militias(doc, generic: Callable[[object], Actor | None],  # type: ignore[no-untyped-def]
                           add: Callable[..., bool]) -> None:
    """Offer each militia of a community before any other candidate, so that its name is not
    taken for an organisation or a person of its own ("Kaduna" of "Kaduna militiamen"); where
    the name is already a place's mention, the militia noun alone is its mention;
    ``generic`` is the generic agent a noun names (:meth:`kg.extract.generic.GenericAgents.actor`)
    and ``add`` :func:`kg.extract.fallback.find_candidates`' own."""
    for token in doc:
        if _band_noun(token):
            actor = generic(token)
            words = community_words(token)
            if actor is not None and actor.kind == "armed_group" and actor.sector is None \
                    and words is not None and not add(words[0], token.i + 1, "", actor=actor):
                add(token.i, token.i + 1, "", actor=actor)  # its name is a place's mention


__all__ = ["CAUSE_NOUNS", "FAITHS", "MEN_NOUNS", "MILITIA_NOUNS", "QUALIFIERS", "TRIBE_NOUNS",
           "add_community_militias", "add_tribe_militias", "community_of", "community_militia",
           "community_words", "militia_label", "of_community", "place_of_country", "qualifier_of",
           "tribe_names"]
