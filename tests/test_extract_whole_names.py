"""kg.extract.whole_names: the parser starts no sentence inside a gazetteer name."""

from __future__ import annotations

from kg.documents import article_from_text
from kg.ingest import ingest
from kg.store import open_store
from kg.validate import validate

SPLIT = ("Kataib Hezbollah denied the accusation, Al Arabiya reported. ISIL bombed Kata'ib "
         "Hezbollah positions near Kirkuk.")
"""A text the bare parser splits inside "Kata'ib Hezbollah" (after "Kata'ib")."""


def test_the_parser_starts_no_sentence_inside_a_name(extractor):
    sentences = [s.text for s in extractor.nlp(SPLIT).sents]
    assert sentences[-1] == "ISIL bombed Kata'ib Hezbollah positions near Kirkuk."


def test_every_mention_lies_inside_its_sentence_and_the_graph_conforms(extractor):
    article = article_from_text(SPLIT, origin="split")
    extraction = extractor.extract(article)
    for mention in extraction.mentions:
        sentence = extraction.sentences[mention.sentence]
        assert sentence.start <= mention.span.start and mention.span.end <= sentence.end, mention
    store = open_store("memory:")
    ingest(store, [article], extractor)
    assert validate(store).conforms
