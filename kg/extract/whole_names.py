"""No sentence starts inside a gazetteer name: "ISIL bombed Kata'ib Hezbollah positions".

The parser sets sentence boundaries, and now and then it starts a sentence inside a name it
does not know ("ISIL bombed Kata'ib | Hezbollah positions near Kirkuk."): the name's mention
then lies across two sentences, its events lose their object, and the graph fails its shapes
(a mention must lie inside its sentence). The component, run before the parser, finds the
gazetteer's names with the mention matcher's own phrase matchers and marks every token inside
one as no sentence start, which the parser respects.

Examples
--------
>>> from kg.extract import default_extractor
>>> nlp = default_extractor().nlp
>>> [s.text for s in nlp("ISIL bombed Kata'ib Hezbollah positions near Kirkuk.").sents]
["ISIL bombed Kata'ib Hezbollah positions near Kirkuk."]
"""

from __future__ import annotations

from typing import Any

WHOLE_NAMES = "kg_whole_names"


class WholeNames:
    """The pipeline component; ``matchers`` are the phrase matchers of the gazetteer's names."""

    def __init__(self) -> None:
        self.matchers: tuple[Any, ...] = ()

    def __call__(self, doc: Any) -> Any:
        for matcher in self.matchers:
            for _, start, end in matcher(doc):
                for inside in range(start + 1, end):
                    doc[inside].is_sent_start = False
        return doc


def add_whole_names(nlp: Any, matchers: tuple[Any, ...]) -> None:
    """Put the component before ``nlp``'s parser (once), matching with ``matchers``."""
    from spacy.language import Language

    if WHOLE_NAMES in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    if not Language.has_factory(WHOLE_NAMES):
        Language.factory(WHOLE_NAMES, func=lambda nlp, name: WholeNames())
    nlp.add_pipe(WHOLE_NAMES, before="parser").matchers = matchers


__all__ = ["WHOLE_NAMES", "WholeNames", "add_whole_names"]
