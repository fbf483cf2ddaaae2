"""spaCy's attribute ruler compiled to a per-token lookup: the same attributes for less CPU.

spaCy's ``AttributeRuler`` runs one ``Matcher`` holding all its patterns over
every token (179 patterns in the packaged model: about 19 µs a token, more than
the parser). Almost every pattern is one token long and reads a few of that
token's own values (its tag, lowercase form, dependency label, whether it is a
space), so which of them match is a function of those values.
:class:`CompiledAttributeRuler` keeps that function in a cache: a token's values
are the key, and a miss asks a ``Matcher`` of the one-token rules about the
one-token span, so every predicate keeps the ``Matcher``'s own meaning. Values
that no pattern names (and no pattern's regular expression matches) share one
key, so the cache stays small. Rules of longer fixed-length patterns run in a
``Matcher`` only from the tokens that match a pattern's first token (which the
cache also answers); any other rule (operators, extension attributes) runs in a
``Matcher`` over the whole doc, as spaCy does.

The ruler's semantics are kept: every match is found before any attribute is
set, rules apply in the order they were added (a later rule overrides an
earlier one), each sets its attributes on the token at its index, and the
attributes are written with spaCy's own ``set_token_attrs``. A ruler whose
rules set anything but token attributes (lexeme attributes, extension
attributes) is not compiled: :func:`compile_attribute_ruler` leaves it alone.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from kg.errors import KGError

RULER = "attribute_ruler"
COMPILED_RULER = "kg_compiled_attribute_ruler"
GATE = -1  # the rule id of a gate: a first token of a longer pattern
GATE_KEY = "kg_attribute_ruler_gate"
FOLDED = -1  # the shared key of a value no pattern names; token values are unsigned
FOLDABLE_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "ENT_TYPE")
SET_PREDICATES = frozenset({"IN", "NOT_IN"})
CACHE_LIMIT = 200_000


class UncompilableRuler(KGError):
    """An attribute ruler whose rules the compiled form could not reproduce exactly."""


def _token_attr_ids() -> frozenset[int]:
    """Attributes ``set_token_attrs`` writes on the token alone (the rest touch the lexeme)."""
    from spacy.attrs import (DEP, ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH,
                             NORM, POS, SENT_START, SPACY, TAG)

    return frozenset({LEMMA, NORM, POS, TAG, MORPH, DEP, HEAD, SPACY, ENT_IOB, ENT_TYPE,
                      ENT_ID, ENT_KB_ID, SENT_START})


def _sets_token_attrs_only(ruler: Any) -> bool:
    token_attrs = _token_attr_ids()
    return all(set(attrs) <= token_attrs for attrs in ruler.attrs)


def _attr_id(key: Any) -> int | None:
    """The attribute id a pattern key reads, as the ``Matcher`` resolves it."""
    from spacy.attrs import IDS

    if not isinstance(key, str):
        return int(key)
    name = key.upper()
    return IDS.get({"TEXT": "ORTH", "IS_SENT_START": "SENT_START"}.get(name, name))


def _is_token_rule(patterns: list[list[dict]], index: int) -> bool:
    """Whether a rule's patterns are all one token with no operator and no extension."""
    return index in (0, -1) and all(
        len(pattern) == 1 and isinstance(pattern[0], dict)
        and not {str(key).upper() for key in pattern[0]} & {"OP", "_"}
        for pattern in patterns)


class _ValueFolder:
    """Maps one attribute's values to themselves if a pattern could tell them apart, else FOLDED.

    Built only when every condition on the attribute is a literal, ``IN``, ``NOT_IN``
    (of literals) or ``REGEX`` (of one string): then two values that no pattern names
    and no regular expression matches meet every condition alike.
    """

    def __init__(self, vocab: Any, conditions: list[Any]) -> None:
        from spacy.strings import get_string_id

        self.strings = vocab.strings
        self.literals: set[int] = set()
        self.regexes: list[Any] = []
        for condition in conditions:
            if isinstance(condition, str):
                self.literals.add(vocab.strings.add(condition))
                continue
            for kind, value in condition.items():
                if kind.upper() == "REGEX":
                    self.regexes.append(re.compile(value))
                else:
                    self.literals.update(get_string_id(item) for item in value)
        self.folded: dict[int, int] = {}

    @staticmethod
    def can_fold(conditions: list[Any]) -> bool:
        """Whether every condition is a literal, a set of literals or one regular expression."""
        def simple(condition: Any) -> bool:
            if isinstance(condition, str):
                return True
            return isinstance(condition, dict) and all(
                (kind.upper() == "REGEX" and isinstance(value, str))
                or (kind.upper() in SET_PREDICATES and isinstance(value, list)
                    and all(isinstance(item, str) for item in value))
                for kind, value in condition.items())

        return all(simple(condition) for condition in conditions)

    def __call__(self, value: int) -> int:
        folded = self.folded.get(value)
        if folded is None:
            named = value in self.literals or any(
                regex.search(self.strings[value]) for regex in self.regexes)
            folded = self.folded[value] = value if named else FOLDED
        return folded


class _Found(NamedTuple):
    """What the one-token rules say of a token: which match, what they write, if a gate opens."""

    rules: tuple[int, ...]
    write: dict | None
    gate: bool


def _is_fixed_length(pattern: list[dict]) -> bool:
    return all(isinstance(spec, dict) and not {str(key).upper() for key in spec} & {"OP", "_"}
               for spec in pattern)


def _target(doc: Any, start: int, end: int, index: int, patterns: Any) -> int:
    """The token a match of ``doc[start:end]`` sets: ``span[index]``, or spaCy's error E1001."""
    from spacy.errors import Errors

    if not -(end - start) <= index < end - start:
        raise ValueError(Errors.E1001.format(
            patterns=patterns, span=[token.text for token in doc[start:end]], index=index))
    return start + index if index >= 0 else end + index


class CompiledAttributeRuler:
    """A pipeline component that sets what an ``AttributeRuler`` sets, token for token.

    Parameters
    ----------
    vocab : spacy.vocab.Vocab
        The pipeline's vocabulary.
    name : str
        The component's name in the pipeline.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> ruler = nlp.add_pipe("attribute_ruler")
    >>> ruler.add([[{"LOWER": "bombed"}]], {"LEMMA": "bomb", "POS": "VERB"})
    >>> compiled = CompiledAttributeRuler(nlp.vocab).compile(ruler)
    >>> [(t.lemma_, t.pos_) for t in compiled(nlp("They bombed it"))]
    [('', ''), ('bomb', 'VERB'), ('', '')]
    """

    def __init__(self, vocab: Any, name: str = RULER) -> None:
        from spacy.pipeline import AttributeRuler

        self.vocab = vocab
        self.name = name
        self.ruler = AttributeRuler(vocab, name)
        self.compile(self.ruler)

    def compile(self, ruler: Any) -> CompiledAttributeRuler:
        """Compile ``ruler``'s rules (its patterns, attributes and indices) into this component.

        Raises
        ------
        UncompilableRuler
            When a rule sets an attribute that is not the token's own.
        """
        from spacy.matcher import Matcher

        if not _sets_token_attrs_only(ruler):
            raise UncompilableRuler("a rule sets lexeme or extension attributes", where=ruler.name)
        self.ruler, self._attrs, self._indices = ruler, list(ruler.attrs), list(ruler.indices)
        self._token_matcher, self._gated_matcher, self._doc_matcher = (
            Matcher(self.vocab), Matcher(self.vocab), Matcher(self.vocab))
        self._rule_of: dict[int, int] = {self.vocab.strings.add(GATE_KEY): GATE}
        self._window = 0
        conditions: dict[int, list[Any]] = {}
        for rule, spec in enumerate(ruler.patterns):
            for pattern in self._add_rule(rule, spec["patterns"], spec["index"]):
                for name, condition in pattern[0].items():
                    conditions.setdefault(_attr_id(name), []).append(condition)
        self._key_attrs = sorted(attr for attr in conditions if attr is not None)
        self._folders = [self._folder(attr, conditions[attr]) for attr in self._key_attrs]
        self._by_values: dict[tuple[int, ...], _Found] = {}
        self._by_key: dict[tuple[int, ...], _Found] = {}
        self._writes: dict[tuple[int, ...], dict | None] = {}
        return self

    def _add_rule(self, rule: int, patterns: list[list[dict]], index: int) -> list[list[dict]]:
        """File one rule's patterns; return the one-token patterns the token cache answers.

        A rule of one-token patterns goes to the token matcher. A rule of fixed-length
        patterns goes to the gated matcher, run only from tokens that match a
        pattern's first token (a gate, answered by the token cache). Any other rule
        runs over the whole doc.
        """
        key = self.vocab.strings.add(f"{rule}")
        self._rule_of[key] = rule
        if _is_token_rule(patterns, index):
            self._token_matcher.add(key, patterns)
            return patterns
        if not all(_is_fixed_length(pattern) for pattern in patterns):
            self._doc_matcher.add(key, patterns)
            return []
        self._gated_matcher.add(key, patterns)
        gates = [[pattern[0]] for pattern in patterns]
        self._token_matcher.add(GATE_KEY, gates)
        self._window = max([self._window] + [len(pattern) for pattern in patterns])
        return gates

    def _folder(self, attr: int, conditions: list[Any]) -> _ValueFolder | None:
        from spacy.attrs import IDS

        foldable = {IDS[name] for name in FOLDABLE_ATTRS}
        if attr in foldable and _ValueFolder.can_fold(conditions):
            return _ValueFolder(self.vocab, conditions)
        return None

    def __call__(self, doc: Any) -> Any:
        """Set the ruler's attributes on ``doc``'s tokens (in place) and return it."""
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        found = self._token_rules(doc)
        writes = [hit.write for hit in found]
        gates = [token_index for token_index, hit in enumerate(found) if hit.gate]
        for token_index, extra in self._span_rules(doc, gates).items():
            writes[token_index] = self._write(tuple(sorted(found[token_index].rules + extra)))
        for token_index, write in enumerate(writes):
            if write:
                set_token_attrs(doc[token_index], write)
        return doc

    def _token_rules(self, doc: Any) -> list[_Found]:
        """What the one-token rules and gates say of each token, from the cache."""
        if self._key_attrs:
            values = doc.to_array(self._key_attrs).reshape(len(doc), -1).tolist()
        else:
            values = [[]] * len(doc)
        if len(self._by_values) > CACHE_LIMIT:
            self._by_values.clear()
        cached = self._by_values
        found = []
        for token_index, row in enumerate(values):
            key = tuple(row)
            hit = cached.get(key)
            if hit is None:
                hit = cached[key] = self._lookup(doc, token_index, key)
            found.append(hit)
        return found

    def _lookup(self, doc: Any, token_index: int, values: tuple[int, ...]) -> _Found:
        key = tuple(value if fold is None else fold(value)
                    for value, fold in zip(values, self._folders))
        hit = self._by_key.get(key)
        if hit is None:
            matches = (self._token_matcher(doc[token_index:token_index + 1], allow_missing=True)
                       if len(self._token_matcher) else [])
            ids = {self._rule_of[match[0]] for match in matches}
            rules = tuple(sorted(ids - {GATE}))
            hit = self._by_key[key] = _Found(rules, self._write(rules), GATE in ids)
        return hit

    def _span_rules(self, doc: Any, gates: list[int]) -> dict[int, tuple[int, ...]]:
        """The longer rules' matches, by the index of the token each one sets."""
        matches = []
        if len(self._doc_matcher):
            matches = [(match, self._doc_matcher) for match in
                       self._doc_matcher(doc, allow_missing=True)]
        for gate in gates:
            window = self._gated_matcher(doc[gate:gate + self._window], allow_missing=True)
            matches.extend(((match_id, gate, gate + end), self._gated_matcher)
                           for match_id, start, end in window if start == 0)
        by_token: dict[int, tuple[int, ...]] = {}
        for (match_id, start, end), matcher in matches:
            rule = self._rule_of[match_id]
            target = _target(doc, start, end, self._indices[rule], matcher.get(match_id))
            by_token[target] = by_token.get(target, ()) + (rule,)
        return by_token

    def _write(self, rules: tuple[int, ...]) -> dict | None:
        """The attributes a token ends with after ``rules`` apply in order (the last one wins)."""
        if rules not in self._writes:
            merged: dict = {}
            for rule in rules:
                merged.update(self._attrs[rule])
            self._writes[rules] = merged or None
        return self._writes[rules]

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        """Serialise the rules, as ``AttributeRuler.to_bytes``."""
        return self.ruler.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> CompiledAttributeRuler:
        """Load rules saved by ``AttributeRuler.to_bytes`` and compile them."""
        self.ruler.from_bytes(data, exclude=exclude)
        return self.compile(self.ruler)

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        """Save the rules, as ``AttributeRuler.to_disk``."""
        self.ruler.to_disk(path, exclude=exclude)

    def from_disk(self, path: Any, *, exclude: Any = ()) -> CompiledAttributeRuler:
        """Load rules saved by ``AttributeRuler.to_disk`` and compile them."""
        self.ruler.from_disk(path, exclude=exclude)
        return self.compile(self.ruler)


def compile_attribute_ruler(nlp: Any) -> bool:
    """Replace ``nlp``'s attribute ruler by its compiled form; whether it was replaced.

    The pipe keeps its name. A pipeline without an ``AttributeRuler`` named
    ``attribute_ruler``, or with rules :class:`CompiledAttributeRuler` cannot
    reproduce, is left as it is.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> nlp.add_pipe("attribute_ruler").add([[{"LOWER": "shelled"}]], {"LEMMA": "shell"})
    >>> compile_attribute_ruler(nlp), type(nlp.get_pipe("attribute_ruler")).__name__
    (True, 'CompiledAttributeRuler')
    >>> nlp("They shelled it")[1].lemma_
    'shell'
    """
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler

    if RULER not in nlp.pipe_names or not isinstance(nlp.get_pipe(RULER), AttributeRuler):
        return False
    ruler = nlp.get_pipe(RULER)
    if not _sets_token_attrs_only(ruler):
        return False
    if not Language.has_factory(COMPILED_RULER):
        Language.factory(COMPILED_RULER, func=_make_compiled_ruler)
    nlp.replace_pipe(RULER, COMPILED_RULER).compile(ruler)
    return True


def _make_compiled_ruler(nlp: Any, name: str) -> CompiledAttributeRuler:
    return CompiledAttributeRuler(nlp.vocab, name)


__all__ = ["COMPILED_RULER", "CompiledAttributeRuler", "UncompilableRuler",
           "compile_attribute_ruler"]
