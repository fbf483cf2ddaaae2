"""TABARI/PETRARCH verb dictionaries: synsets, verb blocks and their patterns.

The format is the one of PETRARCH2's production CAMEO verb dictionary, so a
user can load the full CAMEO dictionary. A file holds:

- **synsets**: a line ``&NAME`` followed by ``+member`` lines (words joined by
  spaces or ``_``; a member may be another synset, ``+&OTHER``). Plurals of the
  members are generated unless the label or the member ends with ``_``.
- **verb blocks**: ``--- DESCRIPTION [code] ---`` then verb lines and patterns.
  A verb line is a verb (``ABANDON``), optionally with all its irregular forms
  (``BREAK {BROKE BROKEN}``) and its own code (``DOWNPLAY [014]``). A
  multi-word verb joins its words with ``_`` and marks the verb with ``+``
  (``+CORDON_OFF``, ``WIRE_+TAP``).
- **patterns**: ``- lower * upper [code]``. Words before ``*`` must occur
  before the verb, words after it after the verb, in order; ``_`` joins words
  that must be adjacent, a space lets other words come between. ``&NAME`` is
  any member of a synset, ``$`` marks the source actor, ``+`` the target,
  ``%`` a compound actor and ``^`` a skipped phrase.

Codes are kept as written: ``023``, ``1717``, ``174K``; ``---`` means "no
event" and ``A:B`` a paired event (``A`` from source to target, ``B`` back).
Patterns with an undefined synset or a code that is not a code (``[+++]``,
``[xxy]``) are skipped, as PETRARCH skips them.

Examples
--------
>>> d = VerbDictionary.parse(["&TIE", "+MILITARY", "", "--- CUT [190] ---", "CUT",
...                           "- * &TIE TIES [191]"])
>>> d.synsets["&TIE"]
(('MILITARY',), ('MILITARIES',))
>>> [(p.code, p.upper[0].alternatives) for p in d.blocks[0].patterns]
[('191', (('MILITARY',), ('MILITARIES',)))]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError

MARKERS = frozenset("$+%^")
NO_EVENT = "---"
CODE = re.compile(r"^(---|\d{2,4}[A-Za-z?]?(:(---|\d{2,4}[A-Za-z?]?))?)$")


class VerbDictionaryError(KGError):
    """A verb dictionary file cannot be read."""


@dataclass(frozen=True)
class Element:
    """One pattern element: words (alternatives of word sequences) or a marker.

    ``tight`` is true when the element must be adjacent to the element before
    it (for the first element: to the verb), i.e. joined to it with ``_``.
    """

    alternatives: tuple[tuple[str, ...], ...] = ()
    marker: str | None = None
    tight: bool = False


@dataclass(frozen=True)
class Pattern:
    """``lower * upper [code]``; ``lower`` is stored nearest-the-verb first."""

    lower: tuple[Element, ...]
    upper: tuple[Element, ...]
    code: str
    text: str


@dataclass(frozen=True)
class Verb:
    """One verb of a block: its head word, forms and the words around it."""

    head: str
    forms: frozenset[str]
    before: tuple[str, ...] = ()  # words right before the head: WIRE in WIRE_+TAP
    after: tuple[str, ...] = ()  # words right after the head: OFF in +CORDON_OFF
    code: str | None = None  # the verb's own code, else the block's


@dataclass
class Block:
    """A verb block: synonymous verbs sharing a default code and patterns."""

    name: str
    code: str
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


def plural(word: str) -> str:
    """A regular English plural, as PETRARCH builds it for synset members.

    >>> plural("DOLLAR"), plural("BOX"), plural("POLICY"), plural("DAY")
    ('DOLLARS', 'BOXES', 'POLICIES', 'DAYS')
    """
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    return word + "S"


def regular_forms(verb: str) -> set[str]:
    """The verb and its regular -S, -ED and -ING forms.

    >>> sorted(regular_forms("DEPART")), sorted(regular_forms("ARRIVE"))
    (['DEPART', 'DEPARTED', 'DEPARTING', 'DEPARTS'], ['ARRIVE', 'ARRIVED', 'ARRIVES', 'ARRIVING'])
    """
    if verb.endswith("E"):
        return {verb, verb + "S", verb + "D", verb[:-1] + "ING"}
    return {verb, verb + "S", verb + "ED", verb + "ING"}


def _split_words(phrase: str) -> list[tuple[str, bool]]:
    """Words of a pattern side with "joined to the previous word by ``_``" flags."""
    pieces = re.split(r"([ _]+)", phrase.strip())
    words, tight = [], False
    for piece in pieces:
        if not piece:
            continue
        if re.fullmatch(r"[ _]+", piece):
            tight = "_" in piece and " " not in piece
        else:
            words.append((piece, tight))
            tight = False
    return words


class VerbDictionary:
    """A parsed verb dictionary: synsets, blocks and an index of verb forms.

    Load one with :meth:`load` (a file) or :meth:`parse` (lines).
    """

    def __init__(self) -> None:
        self.synsets: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.blocks: list[Block] = []
        self.skipped: list[str] = []  # patterns left out, with the reason
        self.discards: dict[tuple[str, ...], bool] = {}  # phrase -> discards the whole story
        self._forms: dict[str, list[tuple[Block, Verb]]] = {}

    def add_discards(self, lines: Iterable[str]) -> None:
        """Read a PETRARCH discard list: a sentence with one of its phrases is not coded.

        A phrase after ``+`` discards the whole story (article), others the sentence.

        >>> d = VerbDictionary()
        >>> d.add_discards(["# note", "BASEBALL  # x", "+World Golf Championships"])
        >>> d.discards
        {('BASEBALL',): False, ('WORLD', 'GOLF', 'CHAMPIONSHIPS'): True}
        """
        for line in _clean(lines):
            phrase = line.strip()
            story = phrase.startswith("+")
            words = tuple(w.upper() for w in re.split(r"[ _]+", phrase.lstrip("+")) if w)
            if words:
                self.discards[words] = story

    @classmethod
    def load(cls, path: str | Path, discards: str | Path | None = None) -> VerbDictionary:
        """Read a verb dictionary file (UTF-8, bad bytes replaced), and a discard list if given.

        Raises
        ------
        VerbDictionaryError
            When the file cannot be read or holds no verb block.
        """
        dictionary = cls.parse(_read(path).splitlines())
        if not dictionary.blocks:
            raise VerbDictionaryError(f"{path}: not a verb dictionary (no '--- VERB [code] ---' "
                                      "block)")
        if discards is not None:
            dictionary.add_discards(_read(discards).splitlines())
        return dictionary

    @classmethod
    def parse(cls, lines: Iterable[str]) -> VerbDictionary:
        """Parse the lines of a verb dictionary (see the module docstring)."""
        dictionary = cls()
        raw_synsets: dict[str, list[str]] = {}
        raw_patterns: list[tuple[Block, str]] = []
        synset: str | None = None
        block: Block | None = None
        for raw in _clean(lines):
            line = raw.strip()
            if not line:
                synset = None
                continue
            if line.startswith("---"):
                synset, block = None, _block(line)
                dictionary.blocks.append(block)
            elif line.startswith("&"):
                synset, block = line.split()[0], None
                raw_synsets[synset] = []
            elif synset is not None and line.startswith("+"):
                raw_synsets[synset].append(line[1:].strip())
            elif block is not None and line.startswith("-"):
                raw_patterns.append((block, line[1:].strip()))
            elif block is not None:
                block.verbs.extend(_verbs(line))
        dictionary._resolve_synsets(raw_synsets)
        for owner, text in raw_patterns:
            pattern = dictionary._pattern(text)
            if pattern is not None:
                owner.patterns.append(pattern)
        dictionary._index()
        return dictionary

    def _resolve_synsets(self, raw: dict[str, list[str]]) -> None:
        label_of = {label.rstrip("_"): label for label in raw}

        def members(label: str, seen: frozenset[str]) -> list[tuple[str, ...]]:
            found: list[tuple[str, ...]] = []
            for member in raw.get(label, []):
                if member.startswith("&"):
                    inner = label_of.get(member.split()[0].rstrip("_"))
                    if inner is not None and inner not in seen:
                        found.extend(members(inner, seen | {inner}))
                    continue
                words = tuple(w for w in re.split(r"[ _]+", member) if w)
                if not words:
                    continue
                found.append(words)
                if not (label.endswith("_") or member.endswith("_") or words[-1].endswith("S")
                        or "'" in words[-1]):
                    found.append((*words[:-1], plural(words[-1])))
            return list(dict.fromkeys(found))

        for label in raw:
            self.synsets[label.rstrip("_")] = tuple(members(label, frozenset({label})))
            self.synsets.setdefault(label, self.synsets[label.rstrip("_")])

    def _pattern(self, text: str) -> Pattern | None:
        found = re.search(r"\[([^\]]*)\]", text)
        code = found.group(1).strip() if found else ""
        body = text[:found.start()] if found else text
        if not CODE.match(code):
            self.skipped.append(f"{text}: code [{code}] is not an event code")
            return None
        if "*" not in body:
            self.skipped.append(f"{text}: no verb position '*'")
            return None
        lower_text, _, upper_text = body.partition("*")
        try:
            lower = self._side(lower_text, before_verb=True)
            upper = self._side(upper_text, before_verb=False)
        except KeyError as missing:
            self.skipped.append(f"{text}: synset {missing} is not defined")
            return None
        return Pattern(lower, upper, code, text)

    def _side(self, text: str, before_verb: bool) -> tuple[Element, ...]:
        """Elements of one side; the lower side is returned nearest-the-verb first."""
        joined_to_verb = text.rstrip(" ").endswith("_") if before_verb else text.startswith("_")
        elements = []
        for word, tight in _split_words(text):
            if word in MARKERS:
                elements.append(Element(marker=word, tight=tight))
            elif word.startswith("&"):
                elements.append(Element(self.synsets[word.rstrip("_")], tight=tight))
            else:
                elements.append(Element(((word.upper(),),), tight=tight))
        if not elements:
            return ()
        if before_verb:  # reverse: a flag now means "adjacent to the element nearer the verb"
            flags = [e.tight for e in elements[1:]] + [joined_to_verb]
            elements = [Element(e.alternatives, e.marker, f) for e, f in zip(elements, flags)][::-1]
        else:
            elements[0] = Element(elements[0].alternatives, elements[0].marker, joined_to_verb)
        return tuple(elements)

    def _index(self) -> None:
        for block in self.blocks:
            for verb in block.verbs:
                for form in verb.forms:
                    self._forms.setdefault(form, []).append((block, verb))

    def lookup(self, word: str) -> list[tuple[Block, Verb]]:
        """Blocks and verbs having ``word`` (any case) as a form of their head.

        >>> d = VerbDictionary.parse(["--- LEAVE [012] ---", "LEAVE {LEFT LEAVES LEAVING}"])
        >>> [(b.name, v.head) for b, v in d.lookup("left")]
        [('LEAVE', 'LEAVE')]
        """
        return self._forms.get(word.upper(), [])

    def __len__(self) -> int:
        return len(self.blocks)


def _read(path: str | Path) -> str:
    try:
        return Path(path).read_text("utf-8", "replace")
    except OSError as error:
        raise VerbDictionaryError(f"cannot read verb dictionary file {path}: {error}") from error


def _clean(lines: Iterable[str]) -> Iterable[str]:
    """Lines without XML comments and ``#`` comments."""
    in_comment = False
    for raw in lines:
        line = raw
        if in_comment or "<!--" in line:
            in_comment = "-->" not in line
            line = line.split("<!--")[0] if "<!--" in line else ""
        yield line.split("#")[0].rstrip()


def _block(line: str) -> Block:
    codes = re.findall(r"\[([^\]]*)\]", line)
    name = re.sub(r"\[[^\]]*\]", "", line).strip("- ").strip()
    code = codes[0].strip() if codes else NO_EVENT
    return Block(name, code if CODE.match(code) else NO_EVENT)


def _verbs(line: str) -> list[Verb]:
    """The verbs of one verb line: a primary form, or a multi-word verb, with forms."""
    found = re.search(r"\[([^\]]*)\]", line)
    code = found.group(1).strip() if found and CODE.match(found.group(1).strip()) else None
    line = re.sub(r"\[[^\]]*\]", "", line)
    irregular = re.search(r"\{([^}]*)\}", line)
    phrase = re.sub(r"\{[^}]*\}", "", line).strip()
    extra = irregular.group(1).split() if irregular else []
    if "+" not in phrase:  # a single verb ("BAN"), or words with the verb first ("LASH OUT")
        head, *after = re.split(r"[ _]+", phrase.strip("_"))
        forms = {head, *extra} if extra else regular_forms(head)
        return [Verb(head, frozenset(forms), after=tuple(after), code=code)]
    verbs = []
    for variant in [phrase, *extra] if extra else [phrase]:
        words = [w for w in re.split(r"[ _]+", variant) if w]
        at = next((i for i, w in enumerate(words) if w.startswith("+")), None)
        if at is None:
            continue
        head = words[at][1:]
        forms = {head} if extra else regular_forms(head)
        verbs.append(Verb(head, frozenset(forms), tuple(words[:at]), tuple(words[at + 1:]), code))
    return verbs


__all__ = ["Block", "Element", "NO_EVENT", "Pattern", "Verb", "VerbDictionary",
           "VerbDictionaryError", "plural", "regular_forms"]
