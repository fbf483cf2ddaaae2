"""Clauses of a parse: the verb heading a token's clause and that clause's own tokens.

Examples
--------
>>> sorted(CLAUSE_DEPS)[:3]
['acl', 'advcl', 'ccomp']
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from kg.extract.role_words import CLAIM_VERBS, RESPONSIBILITY_NOUNS, SUBJECT_CONTROLLED

CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "acl", "conj", "parataxis"}
CLAUSE_OR_ROOT = frozenset(CLAUSE_DEPS | {"ROOT"})


def head_at(doc, start: int, end: int):  # type: ignore[no-untyped-def]
    """The head token of the characters ``start:end`` of ``doc`` (an event's trigger), widened
    to whole tokens; ``None`` where no token lies there."""
    piece = doc.char_span(start, end, alignment_mode="expand")
    return piece.root if piece is not None and len(piece) else None


def clause_of(token):  # type: ignore[no-untyped-def]
    """The verb heading the clause that holds ``token``."""
    while token.dep_ not in CLAUSE_OR_ROOT and token.head is not token:
        token = token.head
    return token


def _clause_tokens(verb) -> Iterator:  # type: ignore[no-untyped-def]
    """Tokens of the clause headed by ``verb``, not descending into other clauses."""
    yield verb
    for child in verb.children:
        if child.dep_ not in CLAUSE_DEPS or child.pos_ not in ("VERB", "AUX"):
            yield from child.subtree



def clause_tokens(verb) -> Iterator:  # type: ignore[no-untyped-def]
    """Tokens of the clause headed by ``verb`` (public name of the walk above)."""
    return _clause_tokens(verb)


NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
TIME_ENTITIES = {"DATE", "TIME"}
CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name, *calendar.day_name) if w)


def _dated(noun) -> bool:  # type: ignore[no-untyped-def]
    """Whether a noun names a time ("22 January", "Monday"), which no passive verb has for
    its subject though the parser may give it one."""
    return noun.ent_type_ in TIME_ENTITIES or noun.lower_ in CALENDAR_WORDS


def stranded_subject(verb):  # type: ignore[no-untyped-def]
    """The subject of a passive verb that the parser hung, as an apposition, on the place names
    listed before it: in "in Tlaxco, Morelos, a man was shot" the parser reads "a man" as an
    apposition of "Morelos" and leaves "was shot" with no subject. The phrase just before the
    passive auxiliary, set off by a comma and hanging through a proper name on the verb
    itself, is that verb's subject; ``None`` when the verb has a subject or no such phrase.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "in Tlaxco , a man was shot".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[6, 0, 1, 4, 1, 6, 6],
    ...           deps=["prep", "pobj", "punct", "det", "appos", "auxpass", "ROOT"],
    ...           pos=["ADP", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB"],
    ...           tags=["IN", "NNP", ",", "DT", "NN", "VBD", "VBN"])
    >>> stranded_subject(doc[6]).text
    'man'
    """
    if verb.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass", "csubjpass")
                                 and not _dated(c) for c in verb.children):
        return None  # a date is no subject: "Around 22 January, in X, Y, a man was shot"
    aux = next((c for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i), None)
    if aux is None or aux.i == 0:
        return None
    doc, token, found = verb.doc, verb.doc[aux.i - 1], None
    while token.head.i != token.i and token.head.i < aux.i:
        if token.dep_ == "appos" and token.pos_ in NOMINAL and token.head.pos_ == "PROPN" \
                and token.ent_type_ not in PLACE_ENTITIES and token.left_edge.i > 0 \
                and doc[token.left_edge.i - 1].text == ",":
            found = token
        token = token.head
    return found if token.head == verb else None


def stranded_on(noun):  # type: ignore[no-untyped-def]
    """The passive verb whose stranded subject ``noun`` is (:func:`stranded_subject`), or
    ``None``."""
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb if verb is not None and stranded_subject(verb) == noun else None


def passive_subjects(verb) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The passive subjects of ``verb``: its own, else the one the parser stranded on a place
    name before it ("in Tlaxco, Morelos, a man was shot", :func:`stranded_subject`)."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass" and not _dated(c)]
    stranded = stranded_subject(verb) if not own else None
    return own or ([stranded] if stranded is not None else [])


def adjunct_controllers(verb) -> list | None:  # type: ignore[no-untyped-def,type-arg]
    """Who does the act of an adverbial clause with a subordinator ("while", "when") hung on a
    passive verb: the passive's subject, not its "by" agent ("members were detained by police
    while staging a protest": the members staged it); ``None`` where ``verb`` is no such clause.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "men were held by police while marching".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[2, 2, 2, 2, 3, 6, 2],
    ...           deps=["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "mark", "advcl"],
    ...           tags=["NNS", "VBD", "VBN", "IN", "NN", "IN", "VBG"])
    >>> [t.text for t in adjunct_controllers(doc[6])], adjunct_controllers(doc[2])
    (['men'], None)
    """
    head = verb.head
    if verb.dep_ != "advcl" or head.i == verb.i or not any(
            c.dep_ == "mark" or c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return None
    subjects = passive_subjects(head)
    return subjects if subjects else None


HEADING_WORDS = 3
"""The most words a heading before a colon has: "Looting:", "Property destruction:"."""


def patients(verb, depth: int = 0) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The subjects a subjectless passive ``verb`` (a participle, or a past form with a "by"
    agent the tagger misread) shares: the passive subject of the verb it is conjoined to ("a
    man was shot and killed"), with its own passive auxiliary the subject of an active one
    ("a man went to the office and was beaten", also where the parser hangs it on an infinitive
    of that verb: "went there to ask and was beaten"), the subject of a passive verb that raises it
    ("a civilian was reported to be tortured"), the subject of the clause a passive adjunct
    hangs on ("a child was found dead after being abducted", "two men fled before being
    shot"), and so on up a chain of such verbs."""
    passive = verb.tag_ == "VBN" or any(c.dep_ == "agent" for c in verb.children)
    own_aux = any(a.dep_ == "auxpass" for a in verb.children)
    if not passive or depth > 3 or verb.head.i == verb.i or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    head = verb.head
    if verb.dep_ == "xcomp" and own_aux:  # "was reported to be tortured"
        return passive_subjects(head)
    if verb.dep_ in ("pcomp", "advcl") and own_aux:  # "was buried alive after being kidnapped"
        main = head.head if verb.dep_ == "pcomp" else head
        return (passive_subjects(main) or controller_subjects(main)) \
            if main.pos_ in ("VERB", "AUX") else []
    if verb.dep_ != "conj":
        return []
    return passive_subjects(head) or (controller_subjects(head) if own_aux else []) \
        or patients(head, depth + 1)


def controller_subjects(verb, depth: int = 0) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The subject of ``verb``, else of the verb that controls it, up a chain of infinitives,
    adverbial clauses and conjuncts with no subject of their own ("he went there to ask": "he"
    asks)."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if own or depth > 3 or verb.head.i == verb.i or verb.dep_ not in ("xcomp", "advcl", "conj"):
        return own
    return controller_subjects(verb.head, depth + 1)


def labelled_clause(token):  # type: ignore[no-untyped-def]
    """The clause a heading labels: a word that ends a heading of a few words at the start of a
    sentence, followed by a colon ("Looting: On 3 May, rebels seized radios"), names the act
    the clause after the colon tells, whose verb is returned; the parser hangs the heading on
    that verb or leaves it a fragment of its own. ``None`` for any other word.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "Looting : rebels seized radios".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 0, 3, 3, 3],
    ...           deps=["ROOT", "punct", "nsubj", "ROOT", "dobj"],
    ...           pos=["NOUN", "PUNCT", "NOUN", "VERB", "NOUN"],
    ...           sent_starts=[True, False, True, False, False])
    >>> labelled_clause(doc[0]).text, labelled_clause(doc[3])
    ('seized', None)
    """
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != ":" \
            or token.i - token.sent.start >= HEADING_WORDS:
        return None
    head = token.head
    if head.i > token.i + 1 and head.pos_ == "VERB":
        return head
    told = [c for c in token.rights if c.pos_ == "VERB" and c.dep_ != "conj"]
    if told:  # the clause hung on the heading: "Looting: On 3 May, X vandalized ..."
        return told[0]
    after = doc[token.i + 2].sent.root
    if after.pos_ in ("NOUN", "PROPN"):  # "5 gunmen [...], looted money": the parser's noun root
        after = next((c for c in after.children if c.dep_ == "acl" and main_verb(c)), after)
    return after if after.i > token.i + 1 and after.pos_ == "VERB" else None


def heading_tokens(doc) -> set[int]:  # type: ignore[no-untyped-def]
    """Indices of the words of every heading that labels a clause (:func:`labelled_clause`):
    a heading names an act, never who acts ("Defusal: On 4 May, soldiers removed a bomb").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "Defusal : soldiers removed mines".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[3, 3, 3, 3, 3],
    ...           deps=["dep", "punct", "nsubj", "ROOT", "dobj"],
    ...           pos=["PROPN", "PUNCT", "NOUN", "VERB", "NOUN"])
    >>> sorted(heading_tokens(doc))
    [0]
    """
    return {i for sentence in doc.sents for word in sentence[:HEADING_WORDS]
            if labelled_clause(word) is not None for i in range(sentence.start, word.i + 1)}


def main_verb(participle) -> bool:  # type: ignore[no-untyped-def]
    """Whether a verb the parser hung on the root noun of its sentence is that sentence's main
    verb: it takes an object, itself or a conjunct, as no passive participle does ("the forces
    sealed and seized a house"; not "two soldiers killed in an attack")."""
    head = participle.head
    return head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "dobj" for v in (participle, *participle.conjuncts) for c in v.children)


def controlling_verb(verb):  # type: ignore[no-untyped-def]
    """The verb whose subject is the understood subject of the gerund ``verb``: the verb a
    temporal or means preposition hangs it on ("X arrested a journalist after raiding her home",
    not "arrested X for killing a trader"), or the verb of claiming whose responsibility it is
    for ("IS claimed responsibility for killing two fighters"); else ``None``."""
    if verb.dep_ != "pcomp":
        return None
    prep, head = verb.head, verb.head.head
    if prep.lower_ in SUBJECT_CONTROLLED and head.pos_ == "VERB":
        return head
    owned = prep.lower_ == "for" and head.lemma_.lower() in RESPONSIBILITY_NOUNS
    return head.head if owned and head.dep_ == "dobj" and head.head.lemma_.lower() in \
        CLAIM_VERBS else None
