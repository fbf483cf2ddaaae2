"""Code events with a TABARI/PETRARCH verb dictionary on a parsed doc.

For every verb the dictionary knows (by its surface form, else by its spaCy
lemma), the block's patterns are tried in file order against the words of the
sentence: the words before ``*`` leftwards from the verb, the words after it
rightwards. The first pattern that matches gives the code; when none does, the
verb's own code (else the block's) is used. ``---`` codes nothing.

Roles, as PETRARCH reads them:

- **source**: the actors of the verb's subject; a verb without a subject of
  its own (``Arnor is about to restore``, ``... and promised``) takes the
  subject of the verb it depends on. In the passive, an actor in the
  ``by``-phrase is the source and the subject the target.
- **target**: the first actor after the verb in its phrase, with the actors
  conjoined to it (``ties between Gondor and Osgiliath``).
- a pattern's ``$`` and ``+`` name the source and target actors directly;
  ``%`` asks for a compound actor: before the verb, the conjoined subjects act
  on each other (``Gondor and Osgiliath have delayed``), after it they are the
  targets.
- **compound actors** give one coding per (source, target) pair; a paired
  code ``A:B`` also codes ``B`` from target to source.
- **discards**: a sentence with a phrase of the dictionary's discard list
  (:meth:`~kg.extract.verbdict.VerbDictionary.add_discards`) is not coded;
  a story discard (``+TYPHOON``) stops the whole article.
- **negation** is whatever the dictionary's patterns say (``WILL NOT *``); a
  negated verb that no pattern covers is not coded (abstain, not guess).

The coder needs only the doc and the actor mentions, so it works on any
:class:`~kg.model.Extraction`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from kg.extract.verbdict import NO_EVENT, Block, Element, Pattern, Verb, VerbDictionary
from kg.model import Event, Extraction, Span

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CLIMB = ("xcomp", "ccomp", "conj", "advcl", "acomp", "pcomp", "prep", "dep")


@dataclass(frozen=True)
class Coding:
    """One dictionary-coded (source, target, code), with its verb and pattern."""

    sentence: int
    start: int  # character offsets of the verb
    end: int
    source: str
    target: str
    code: str
    pattern: str | None = None


@dataclass(frozen=True)
class _Found:
    verb: Verb
    block: Block
    first: int  # token range of the (multi-word) verb
    last: int


class _Actors:
    """Actor keys by token, from the extraction's actor mentions."""

    def __init__(self, doc, extraction: Extraction) -> None:  # type: ignore[no-untyped-def]
        self.doc = doc
        self.key: dict[int, str] = {}
        self.mention: dict[int, tuple[int, int]] = {}
        longest_first = sorted(extraction.mentions, key=lambda m: m.span.start - m.span.end)
        for mention in longest_first:
            if mention.kind != "actor":
                continue
            piece = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
            if piece is None:
                continue
            for token in piece:
                self.key.setdefault(token.i, mention.key)
                self.mention.setdefault(token.i, (piece.start, piece.end - 1))

    def in_tokens(self, indexes) -> list[str]:  # type: ignore[no-untyped-def]
        return list(dict.fromkeys(self.key[i] for i in sorted(indexes) if i in self.key))

    def group(self, index: int) -> list[str]:
        """The actor at ``index`` and the actors conjoined to it."""
        start, end = self.mention.get(index, (index, index))
        root = self.doc[start:end + 1].root
        keys = [self.key[index]]
        for other in root.conjuncts:
            keys.extend(self.in_tokens(_own(other))[:1])
        return list(dict.fromkeys(keys))

    def of_phrase(self, head) -> list[str]:  # type: ignore[no-untyped-def]
        """Actors a noun phrase names: per conjunct, its first actor and that actor's group."""
        keys: list[str] = []
        for conjunct in [head, *head.conjuncts]:
            first = next((i for i in sorted(_own(conjunct)) if i in self.key), None)
            if first is not None:
                keys.extend(self.group(first))
        return list(dict.fromkeys(keys))


def _own(token) -> set[int]:  # type: ignore[no-untyped-def]
    """Token indexes of ``token``'s phrase without the phrases conjoined to it."""
    skip = {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return {t.i for t in token.subtree} - skip


def _entries(dictionary: VerbDictionary, token) -> list[_Found]:  # type: ignore[no-untyped-def]
    """Dictionary verbs at ``token``: multi-word verbs that fit first, by form then lemma."""
    doc = token.doc
    found: list[_Found] = []
    for word in dict.fromkeys((token.text, token.lemma_)):
        for block, verb in dictionary.lookup(word):
            first, last = token.i - len(verb.before), token.i + len(verb.after)
            if first < 0 or last >= len(doc):
                continue
            around = [t.text.upper() for t in doc[first:last + 1]]
            if around == [*verb.before, around[len(verb.before)], *verb.after]:
                found.append(_Found(verb, block, first, last))
        if found:
            break
    return sorted(found, key=lambda f: -(f.last - f.first))


def _match(elements: tuple[Element, ...], seq: list[int], words: list[str], actors: _Actors,
           k: int = 0, pos: int = 0, reverse: bool = False) -> dict[str, int] | None:
    """Bind ``elements`` to the token indexes ``seq`` in order; gaps only where not tight."""
    if k == len(elements):
        return {}
    element = elements[k]
    for start in ([pos] if element.tight else range(pos, len(seq))):
        for length, binding in _candidates(element, seq, start, words, actors, reverse):
            rest = _match(elements, seq, words, actors, k + 1, start + length, reverse)
            if rest is not None:
                return {**binding, **rest}
    return None


def _candidates(element: Element, seq: list[int], start: int, words: list[str],  # type: ignore[no-untyped-def]
                actors: _Actors, reverse: bool):
    if element.marker == "^":
        yield 0, {}
        return
    if start >= len(seq):
        return
    if element.marker:
        if seq[start] in actors.key:
            first, last = actors.mention[seq[start]]
            length = 1
            while start + length < len(seq) and first <= seq[start + length] <= last:
                length += 1
            yield length, {element.marker: seq[start]}
        return
    for phrase in element.alternatives:
        phrase = phrase[::-1] if reverse else phrase
        if start + len(phrase) <= len(seq) and all(
                words[seq[start + j]] == w for j, w in enumerate(phrase)):
            yield len(phrase), {}


def _pattern_match(pattern: Pattern, found: _Found, sent, words: list[str],  # type: ignore[no-untyped-def]
                   actors: _Actors) -> dict[str, int] | None:
    after = list(range(found.last + 1, sent.end))
    before = list(range(found.first - 1, sent.start - 1, -1))
    upper = _match(pattern.upper, after, words, actors)
    if upper is None:
        return None
    lower = _match(pattern.lower, before, words, actors, reverse=True)
    return None if lower is None else {**upper, **lower}


def _subject(verb):  # type: ignore[no-untyped-def]
    """The verb's subject token (climbing to governing verbs), or ``None``."""
    for _ in range(8):
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects and subjects[0].pos_ != "PRON":
            return subjects[0]
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ not in CLIMB or verb.head is verb:
            return subjects[0] if subjects else None
        verb = verb.head
    return None


def _roles(token, found: _Found, actors: _Actors) -> tuple[list[str], list[str], list[int]]:  # type: ignore[no-untyped-def]
    """Default (sources, targets, excluded-from-target tokens) of a verb."""
    subject = _subject(token)
    subject_tokens = {t.i for t in subject.subtree} if subject is not None else set()
    sources = actors.of_phrase(subject) if subject is not None else []
    agent = [c for c in token.children if c.dep_ == "agent"]
    agent_tokens = {t.i for a in agent for t in a.subtree}
    passive = any(c.dep_ == "nsubjpass" for c in token.children)
    if passive and actors.in_tokens(agent_tokens):
        return actors.in_tokens(agent_tokens), sources, sorted(subject_tokens)
    skip = subject_tokens | {t.i for c in token.children if c.dep_ == "conj" and c.pos_ in (
        "VERB", "AUX") for t in c.subtree}
    after = [t.i for t in token.subtree if t.i > found.last and t.i not in skip]
    first = next((i for i in after if i in actors.key), None)
    targets = actors.group(first) if first is not None else []
    return sources, targets, sorted(skip)


def _pairs(sources: list[str], targets: list[str], code: str) -> list[tuple[str, str, str]]:
    forward, _, back = code.partition(":")
    if not targets and back and len(sources) > 1:  # "Gondor and Osgiliath renewed ties": mutual
        targets = sources
    pairs = []
    for source in sources:
        for target in targets:
            if source == target:
                continue
            if forward != NO_EVENT:
                pairs.append((source, target, forward))
            if back and back != NO_EVENT:
                pairs.append((target, source, back))
    return pairs


def _code_verb(token, found: list[_Found], sent, words: list[str],  # type: ignore[no-untyped-def]
               actors: _Actors) -> tuple[_Found, list[tuple[str, str, str]], str | None] | None:
    for entry in found:
        for pattern in entry.block.patterns:
            binding = _pattern_match(pattern, entry, sent, words, actors)
            if binding is None:
                continue
            sources, targets, _ = _roles(token, entry, actors)
            if "$" in binding:
                sources = actors.group(binding["$"])
            if "+" in binding:
                targets = actors.group(binding["+"])
            if "%" in binding:
                group = actors.group(binding["%"])
                if len(group) < 2:
                    continue
                if binding["%"] < token.i:
                    sources = targets = group
                else:
                    targets = group
            return entry, _pairs(sources, targets, pattern.code), pattern.text
    if any(c.dep_ == "neg" for c in token.children):
        return None  # negated, and no pattern says what that means
    entry = next((f for f in found if (f.verb.code or f.block.code) != NO_EVENT), None)
    if entry is None:
        return None
    sources, targets, _ = _roles(token, entry, actors)
    return entry, _pairs(sources, targets, entry.verb.code or entry.block.code), None


def _discarded(words: list[str], sentences: list, dictionary: VerbDictionary) -> set[int]:  # type: ignore[type-arg]
    """Indexes of the sentences a discard phrase rules out (all of them for a story discard)."""
    out: set[int] = set()
    for index, sent in enumerate(sentences):
        for phrase, story in dictionary.discards.items():
            n = len(phrase)
            if any(tuple(words[i:i + n]) == phrase for i in range(sent.start, sent.end - n + 1)):
                if story:
                    return set(range(len(sentences)))
                out.add(index)
    return out


def code_doc(doc, extraction: Extraction, dictionary: VerbDictionary) -> list[Coding]:  # type: ignore[no-untyped-def]
    """Every dictionary coding of the doc's verbs, in text order.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        The parsed article (``extraction.sentences`` follow its sentences).
    extraction : Extraction
        Supplies the actor mentions (keys and character spans).
    dictionary : VerbDictionary
        The verb dictionary.

    Examples
    --------
    See ``tests/test_verbdict.py``: with ``--- RESTORE [064] ---`` and a
    gazetteer of Arnor and Gondor, "Arnor restored ties with Gondor." gives
    ``Coding(source="arnor", target="gondor", code="064")``.
    """
    actors = _Actors(doc, extraction)
    words = [t.text.upper() for t in doc]
    codings: list[Coding] = []
    sentences = [sent for sent in doc.sents if sent.text.strip()]  # as kg.extract.assemble
    discarded = _discarded(words, sentences, dictionary)
    for index, sent in enumerate(sentences):
        if index in discarded:
            continue
        for token in sent:
            if not (token.pos_ == "VERB" or token.tag_.startswith("VB")) or token.pos_ == "AUX":
                continue
            found = _entries(dictionary, token)
            coded = _code_verb(token, found, sent, words, actors) if found else None
            if coded is None:
                continue
            entry, pairs, pattern = coded
            span = doc[entry.first:entry.last + 1]
            codings.extend(Coding(index, span.start_char, span.end_char, s, t, c, pattern)
                           for s, t, c in dict.fromkeys(pairs))
    return codings


def event_type_of(code: str) -> str | None:
    """The taxonomy type of a dictionary code: its own, else its root's, else ``None``.

    >>> event_type_of("194"), event_type_of("1717"), event_type_of("903")
    ('Shelling', None, None)
    """
    from kg.taxonomy import cameo_to_type

    return cameo_to_type(code) or cameo_to_type(code[:2])


def apply_dictionary(extraction: Extraction, doc, dictionary: VerbDictionary  # type: ignore[no-untyped-def]
                     ) -> tuple[Extraction, list[Coding]]:
    """The extraction with its verbs coded by ``dictionary``, and every coding.

    Codings of one verb, code and source become one :class:`~kg.model.Event`
    (``cameo`` holds the code) whose type is :func:`event_type_of` the code.
    The first such event of a verb replaces the lexicon's event with the same
    trigger (keeping its index, place, time and quantities); the others are
    appended. A code with no taxonomy type (WEIS-style ``903``, CAMEO roots
    without a type such as ``1717``) is no event: it is left out, and a note
    says so. The codings returned still hold it (the PETRARCH2 evaluation
    scores them all).
    """
    from kg.extract.modality import modality_of

    codings = code_doc(doc, extraction, dictionary)
    events = list(extraction.events)
    grouped: dict[tuple[int, int, int, str, str], list[str]] = {}
    for c in codings:
        grouped.setdefault((c.sentence, c.start, c.end, c.code, c.source), []).append(c.target)
    replaced: set[int] = set()
    untyped: list[str] = []
    for (sentence, start, end, code, source), targets in grouped.items():
        kind = event_type_of(code)
        if kind is None:
            untyped.append(code)
            continue
        same = next((e for e in events if e.sentence == sentence and e.cameo is None
                     and e.index not in replaced and e.trigger.start < end
                     and start < e.trigger.end), None)
        verb = doc.char_span(start, end, alignment_mode="expand")
        modality = modality_of(verb.root) if verb is not None else "asserted"
        fields = dict(event_type=kind, agents=(source,), targets=tuple(dict.fromkeys(targets)),
                      cameo=code, modality=modality)
        if same is not None:
            replaced.add(same.index)
            events[events.index(same)] = dataclasses.replace(same, **fields)
        else:
            events.append(Event(index=len(events), trigger=Span(start, end, doc.text[start:end]),
                                sentence=sentence, **fields))  # type: ignore[arg-type]
    notes = extraction.notes
    if untyped:
        notes = (*notes, "verb dictionary codes with no event type, not kept as events: "
                 + ", ".join(sorted(set(untyped))))
    return dataclasses.replace(extraction, events=tuple(events), notes=notes), codings


__all__ = ["Coding", "apply_dictionary", "code_doc", "event_type_of"]
