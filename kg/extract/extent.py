"""How far an actor mention's noun phrase reaches: the words a reader would mark as the actor.

A gazetteer match is often shorter than the phrase that names the actor ("security chief"
in "Cairo's security chief", "supporters" in "About 200 supporters of X"). The PLOVER
scorer (:mod:`kg.evaluate.plover`) compares actor spans, so it widens each match to its
phrase with :func:`phrase_extent`, over the head nouns :func:`actor_nouns` names.
"""

from __future__ import annotations

from kg.extract.gazetteer import Gazetteer

EXTENT_CLIMB = {"compound", "amod", "poss", "nmod"}
"""A mention that modifies an actor noun is part of that noun's phrase: "Cairo's security chief"."""
EXTENT_STOP = {"det", "nummod", "quantmod", "predet", "punct", "cc", "preconj", "advmod"}
"""Left dependents that end a phrase's extent: "About 200 supporters" is "supporters"."""
EXTENT_PREPS = {"of", "in", "from", "throughout", "at"}
"""Prepositions whose phrase belongs to the actor's extent: "Albanians in south Serbia"."""
ACTOR_HEADS = {"personnel", "wing", "candidate", "force", "chief", "emir", "king", "member",
               "delegation", "group", "network", "organization", "faction", "regime", "cabinet",
               "embassy", "politician", "national", "movement", "party", "representative", "ruler",
               "ally", "partner", "proxy", "backer"}
"""Nouns that name an acting group or office, besides the sector, group and title nouns."""
MEMBER_NOUNS = {"member", "leader", "head", "representative", "delegation", "official",
                "spokesman", "envoy"}
"""Nouns whose "of X" phrase names what they belong to: "a member of the Syrian parliament"."""
NAMELESS_ENTITIES = {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL"}
TITLES = {"king", "queen", "prince", "emir", "sheikh", "ayatollah", "governor", "commander", "mayor",
          "judge", "archbishop", "bishop", "coordinator", "director", "chairman", "mr", "mrs"}
"""Titles before a name, besides :data:`kg.extract.fallback.TITLE_WORDS`."""


def actor_nouns(gazetteer: Gazetteer) -> frozenset[str]:
    """Head nouns (lower case) that name an actor: sector nouns, group nouns, titles, offices."""
    from kg.extract.fallback import TITLE_WORDS
    from kg.extract.kinds import GROUP_NOUNS, ORG_WORDS

    sectors = {n.lower().split()[-1] for s in gazetteer.sectors.values() for n in s.nouns
               if n.strip()}
    return frozenset(sectors | set(GROUP_NOUNS) | set(ORG_WORDS) | TITLE_WORDS | ACTOR_HEADS)


def phrase_extent(doc, start: int, end: int, nouns: frozenset[str]) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The token range of the whole noun phrase a mention heads or modifies.

    A mention names its actor (the gazetteer's match, the head); event coders
    such as PLOVER mark the whole phrase that fills the role (the extent):

    - a mention that modifies an actor noun extends to that noun: "U.N." in
      "U.N. war crimes court", "Cairo" in "Cairo's security chief";
    - the head's left modifiers and titles join, up to a determiner, number or
      coordination ("Ethnic Albanians", not "About 200" or "Hungarian and"), and
      a descriptive common noun before a name stays out ("the watchdog Amnesty
      International" is "Amnesty International");
    - "of/in/from/at/throughout X" after the head joins with X's own phrase:
      "supporters of former President Ahmed Ben Bella".

    The extent never starts after or ends before the mention itself.

    Examples
    --------
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "Ethnic Albanians in south Serbia protested".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 5, 1, 4, 2, 5],
    ...           deps=["amod", "nsubj", "prep", "amod", "pobj", "ROOT"],
    ...           pos=["ADJ", "PROPN", "ADP", "ADJ", "PROPN", "VERB"])
    >>> phrase_extent(doc, 1, 2, frozenset())
    (0, 5)
    """
    root = doc[start:end].root
    if root.dep_ == "appos" and start > 0 and doc[start - 1].text == "(":
        root = root.head  # "Asia-Pacific Economic Cooperation (APEC)": the acronym is the name
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN" \
            and root.head.head.lemma_.lower() in MEMBER_NOUNS:
        root = root.head.head  # "a member of the Syrian parliament"
    while root.dep_ in EXTENT_CLIMB and root.head.i > root.i and _actor_head(root.head, nouns) \
            and not _coordinated_adjective(root):
        root = root.head
    left = min(_left_edge(root), start)
    right = max(_right_edge(root, 2), end)
    if right < len(doc) and doc[right].text == ")" and "(" in doc[left:right].text:
        right += 1
    while left < start and (doc[left].dep_ in EXTENT_STOP or doc[left].pos_ == "DET"):
        left += 1  # "the party's leader Mahmoud Abbas": no leading determiner
    return left, right


def _coordinated_adjective(token) -> bool:  # type: ignore[no-untyped-def]
    """A nationality adjective coordinated with another before their noun: "Hungarian" of
    "Hungarian and Romanian officials" composes an actor of its own (the phrase matcher gives
    the noun to the last one), so its phrase is itself; a noun modifier ("U.S. and Russian
    negotiators") still extends to the noun."""
    return token.pos_ == "ADJ" and any(c.dep_ == "conj" for c in token.children)


def _actor_head(token, nouns: frozenset[str]) -> bool:  # type: ignore[no-untyped-def]
    if token.pos_ == "PROPN":
        return token.ent_type_ not in NAMELESS_ENTITIES
    return token.pos_ == "NOUN" and (token.lemma_.lower() in nouns or token.lower_ in nouns)


def _left_edge(root) -> int:  # type: ignore[no-untyped-def]
    """Leftmost token of the head's modifiers, nearest first, stopping at a determiner, number,
    coordinated modifier or a descriptive common noun before a name."""
    edge = root.i
    for child in sorted(root.lefts, key=lambda t: -t.i):
        if child.text in (")", "]"):
            continue  # "Asia-Pacific Economic Cooperation (APEC) forum"
        if child.dep_ in EXTENT_STOP or any(c.dep_ == "conj" for c in child.children):
            break
        if root.pos_ == "PROPN" and child.pos_ == "NOUN" and not _title(child):
            break  # "human rights watchdog Amnesty International"
        edge = child.left_edge.i
    return edge


def _title(token) -> bool:  # type: ignore[no-untyped-def]
    from kg.extract.fallback import TITLE_WORDS

    return token.lower_ in TITLE_WORDS or token.lower_ in TITLES or "-" in token.text and \
        token.text.split("-")[0].lower() in TITLE_WORDS  # "Secretary-General"


def _right_edge(root, depth: int) -> int:  # type: ignore[no-untyped-def]
    """End of the head plus its adjacent "of/in/from ... X" phrases (``depth`` levels deep).
    A named person's "in X" is where they are, not who they are."""
    right = root.i + 1
    for child in root.rights:
        objects = [c for c in child.children if c.dep_ == "pobj"]
        located = child.lower_ == "in" and root.ent_type_ == "PERSON"
        if depth == 0 or child.dep_ != "prep" or child.lower_ not in EXTENT_PREPS \
                or child.i != right or not objects or located:
            break
        right = max(right, _right_edge(objects[0], depth - 1), objects[0].i + 1)
    return right
