"""Render a storyline into news-style text, recording the ground truth as it is written.

A template is a sentence with slots (``{A}`` an actor, ``{P}`` a place, ``{D}``
a date phrase, ``{N}`` a count, ``{Q}`` a quote) and one trigger in angle
brackets. Every slot's character offsets are recorded, so the truth is exact
by construction: ``text[start:end]`` is the name written.

Examples
--------
>>> writer = Writer()
>>> spans = writer.sentence("{A} <clashed> with {B}.", {"A": ("Hamas", "hamas"),
...                                                    "B": ("the IDF", "israel-military")})
>>> writer.text(), spans["A"], spans["trigger"]
('Hamas clashed with the IDF.', (0, 5), (6, 13))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SLOT = re.compile(r"\{(\w+)\}|<([^>]+)>")


@dataclass(frozen=True)
class Template:
    """A sentence pattern and the event it reports (``None``: no event)."""

    pattern: str
    event: str | None = None
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    extra: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = ()
    """Further events in the same sentence: (trigger word, type, agents, targets)."""


T = Template
EVENTS: dict[str, tuple[Template, ...]] = {
    "fighting": (
        T("{A} <clashed> with {B} near {P}{D}.", "ArmedClash", ("A",), ("B",)),
        T("{A} <attacked> {B} positions in {P}{D}.", "ArmedClash", ("A",), ("B",)),
        T("Heavy <fighting> broke out between {A} and {B} near {P}{D}.", "ArmedClash",
          ("A", "B")),
        T("{A} <shelled> {B} positions in {P}{D}.", "Shelling", ("A",), ("B",)),
        T("{A} <bombed> {B} positions near {P}{D}.", "AirStrike", ("A",), ("B",)),
        T("{A} <captured> {P} from {B}{D}.", "SeizeTerritory", ("A",), ("B",)),
        T("{A} <withdrew> from {P}{D}.", "Withdraw", ("A",)),
    ),
    "ceasefire": (
        T("{A} announced a <ceasefire> with {B}{D}.", "Ceasefire", ("A",), ("B",)),
        T("A <ceasefire> between {A} and {B} took effect in {P}{D}.", "Ceasefire", ("A", "B")),
        T("{A} declared a <truce> with {B} in {P}{D}.", "Ceasefire", ("A",), ("B",)),
    ),
    "negotiation": (
        T("{A} held <talks> with {B} in {P}{D}.", "Negotiate", ("A",), ("B",)),
        T("{A} <negotiated> with {B} over a prisoner exchange{D}.", "Negotiate", ("A",), ("B",)),
        T("{M} <mediated> talks between {A} and {B}{D}.", "Mediate", ("M",), ("A", "B"),
          extra=(("talks", "Negotiate", ("A", "B"), ()),)),
    ),
    "kidnapping": (
        T("{A} <kidnapped> {N} {S} near {P}{D}.", "Kidnap", ("A",), ("S",)),
        T("{A} <abducted> {N} {S} in {P}{D}.", "Kidnap", ("A",), ("S",)),
    ),
    "accusation": (
        T("{A} <accused> {B} of targeting civilians in {P}.", "Accuse", ("A",), ("B",)),
        T("{A} <blamed> {B} for the violence in {P}.", "Accuse", ("A",), ("B",)),
        T("{M} <condemned> {A} for the violence in {P}.", "Condemn", ("M",), ("A",)),
    ),
}
QUOTES = ("We will defend our land", "Our forces remain in their positions",
          "The situation on the ground is under control", "We hold them responsible",
          "Our people will not be intimidated")
CLAIMS: tuple[str, ...] = (
    '"{Q}," {L} <said>{D}.',
    '"{Q}," {L} <told> {V}.',
    '{L} <said> the situation in {P} was under control.',
    '{B} <denied> the accusation, {V} reported.',
)
FILLERS: tuple[str, ...] = (
    "The situation in {P} remained tense.",
    "Smoke rose over {P} for several hours.",
    "Hundreds of families have left {P} since the start of the month.",
    "Roads into {P} were closed to traffic.",
    "Schools in {P} stayed shut.",
)
NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
           "twelve")


@dataclass
class Writer:
    """Accumulates sentences and paragraphs; offsets are into the final text."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    open_paragraph: bool = False

    def sentence(self, pattern: str, values: dict[str, tuple[str, str | None]]
                 ) -> dict[str, tuple[int, int]]:
        """Append one sentence; return the span of each slot and of the trigger.

        ``values`` maps a slot to ``(text, key)``; a leading "the " in the text
        is written but left out of the slot's span.
        """
        if self.open_paragraph:
            self._emit(" ")
        self.open_paragraph = True
        pieces: list[str] = []
        spans: dict[str, tuple[int, int]] = {}
        at, cursor = self.length, 0
        for match in SLOT.finditer(pattern):
            pieces.append(pattern[cursor:match.start()])
            at += len(pieces[-1])
            if match.group(2):
                name, slot = match.group(2), "trigger"
            else:
                text, slot = values[match.group(1)][0], match.group(1)
                article = "the " if text.startswith("the ") else ""
                pieces.append(article)
                at += len(article)
                name = text[len(article):]
            spans[slot] = (at, at + len(name))
            pieces.append(name)
            at += len(name)
            cursor = match.end()
        pieces.append(pattern[cursor:])
        sentence = "".join(pieces)
        self._emit(sentence[:1].upper() + sentence[1:])
        return spans

    def paragraph(self) -> None:
        """End the current paragraph."""
        if self.open_paragraph:
            self._emit("\n\n")
        self.open_paragraph = False

    def _emit(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def text(self) -> str:
        """The article text so far (without a trailing paragraph break)."""
        return "".join(self.parts).rstrip("\n")



__all__ = ["CLAIMS", "EVENTS", "FILLERS", "NUMBERS", "QUOTES", "Template", "Writer"]
