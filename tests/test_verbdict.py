"""kg.extract.verbdict and kg.extract.verbcoder: TABARI/PETRARCH verb dictionaries.

The parser is checked on small hand-written dictionaries; the coder on short
sentences with a three-country gazetteer (built the way the PETRARCH2
evaluation builds its own, from actor and agent files written here).
"""

from __future__ import annotations

import pytest

from kg.extract.verbdict import VerbDictionary, VerbDictionaryError, plural, regular_forms

SYNSETS = """<!-- a comment
over two lines -->
&CURRENCY
+DOLLARS
+SWISS FRANCS
+GOBLIN_GALLEON

&TIETYPES_  # no plurals for this one
+MILITARY
+ECONOMIC

&NESTED
+&TIETYPES
+CLOSER
"""

BLOCKS = """--- ABANDON  [345]  ---
ABANDON    # a comment
KLM_NOP_+RST [002]
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}
BREAK {BROKE BROKEN}
- * NEW_&TIETYPES_RELATIONS [903]
- * &TIETYPES TIES [902]
- INCHING &NESTED *  [083]
- + * FROM $  [066]
- * FXLL [+++]
- * &UNDEFINED [111]

--- APPRECIATE [---] ---
APPRECIATE
- * POSITION  [042]

--- LEFT  [032:033]  ---
LEFT
"""


@pytest.fixture(scope="module")
def dictionary():
    return VerbDictionary.parse((SYNSETS + "\n" + BLOCKS).splitlines())


def test_synsets_members_plurals_and_nesting(dictionary):
    assert dictionary.synsets["&CURRENCY"] == (
        ("DOLLARS",), ("SWISS", "FRANCS"), ("GOBLIN", "GALLEON"), ("GOBLIN", "GALLEONS"))
    assert dictionary.synsets["&TIETYPES"] == (("MILITARY",), ("ECONOMIC",))  # label ends "_"
    assert dictionary.synsets["&NESTED"] == (("MILITARY",), ("ECONOMIC",), ("CLOSER",), ("CLOSERS",))


def test_blocks_codes_and_verb_forms(dictionary):
    assert [(b.name, b.code) for b in dictionary.blocks] == [
        ("ABANDON", "345"), ("APPRECIATE", "---"), ("LEFT", "032:033")]
    abandon = dictionary.blocks[0]
    heads = {(v.head, v.before, v.after, v.code) for v in abandon.verbs}
    assert heads == {("ABANDON", (), (), None), ("RST", ("KLM", "NOP"), (), "002"),
                     ("BREAK", (), ("DOWN",), None), ("BREAKS", (), ("DOWN",), None),
                     ("BROKE", (), ("DOWN",), None), ("BREAK", (), (), None)}
    assert {v.head for b, v in dictionary.lookup("broken")} == {"BREAK"}  # irregular forms only
    assert dictionary.lookup("brokened") == []
    assert {v.head for b, v in dictionary.lookup("abandoned")} == {"ABANDON"}
    assert {v.head for b, v in dictionary.lookup("rsts")} == {"RST"}


def test_patterns_sides_connectors_and_skips(dictionary):
    patterns = {p.code: p for p in dictionary.blocks[0].patterns}
    assert set(patterns) == {"903", "902", "083", "066"}  # [+++] and the undefined synset skipped
    assert len(dictionary.skipped) == 2
    new = patterns["903"].upper
    assert [e.alternatives for e in new] == [(("NEW",),), (("MILITARY",), ("ECONOMIC",)),
                                             (("RELATIONS",),)]
    assert [e.tight for e in new] == [False, True, True]  # NEW may be away from the verb
    inching = patterns["083"].lower  # stored nearest the verb first
    assert inching[0].alternatives[-1] == ("CLOSERS",) and inching[1].alternatives == (("INCHING",),)
    markers = patterns["066"]
    assert [e.marker for e in markers.lower] == ["+"] and [e.marker for e in markers.upper] == [None, "$"]


def test_forms_and_plurals_by_hand():
    assert regular_forms("TIE") == {"TIE", "TIES", "TIED", "TIING"}  # PETRARCH's rule, as it is
    assert regular_forms("ACT") == {"ACT", "ACTS", "ACTED", "ACTING"}
    assert (plural("GALLEON"), plural("CHURCH"), plural("ENEMY")) == ("GALLEONS", "CHURCHES", "ENEMIES")


def test_missing_file_is_a_specific_error(tmp_path):
    with pytest.raises(VerbDictionaryError):
        VerbDictionary.load(tmp_path / "absent.verbs")


CODER_DICTIONARY = """&TIES
+DIPLOMATIC
+ECONOMIC_

--- RESTORE [064] ---
RESTORE
- * &TIES TIES [065]
- NOT * [112]

--- RENEW [064:064] ---
RENEW

--- CONDEMN [122] ---
CONDEMN

--- WELCOME [041] ---
WELCOME

--- VISIT [032:033] ---
VISIT

--- OPPOSE [112] ---
OPPOSE

--- FREE [066] ---
FREE
- + * FROM $ [067]

--- PRAISE [---] ---
PRAISE
- * EFFORTS [051]
"""


@pytest.fixture(scope="module")
def coder(extractor, tmp_path_factory):
    from kg.evaluate.petrarch import petrarch_gazetteer
    from kg.extract import Extractor

    folder = tmp_path_factory.mktemp("petrarch")
    (folder / "PETR.Validate.actors.txt").write_text("ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n")
    (folder / "PETR.Validate.agents.txt").write_text("SOLDIER {SOLDIERS} [~MIL]\n")
    return Extractor(nlp=extractor.nlp, gazetteer=petrarch_gazetteer(folder), fallback_actors=False,
                     verb_dictionary=VerbDictionary.parse(CODER_DICTIONARY.splitlines()))


def _code(coder, text):
    from kg.documents import article_from_text
    from kg.extract.verbcoder import code_doc

    doc = coder.nlp(text)
    extraction = coder.build(article_from_text(text, origin="t"), doc)
    return extraction, {(c.source, c.target, c.code) for c in code_doc(doc, extraction,
                                                                      coder.verb_dictionary)}


@pytest.mark.parametrize("text, expected", [
    ("Arnor restored economic ties with Gondor.", {("arn", "gon", "065")}),  # synset pattern
    ("Arnor restored ties with Gondor.", {("arn", "gon", "064")}),  # the verb's own code
    ("Arnor is about to restore ties with Gondor.", {("arn", "gon", "064")}),  # subject climbs
    ("Arnor and Rohan condemned Gondor.", {("arn", "gon", "122"), ("roh", "gon", "122")}),
    ("Arnor welcomed ties between Gondor and Rohan.", {("arn", "gon", "041"), ("arn", "roh", "041")}),
    ("Gondor was opposed by Arnor.", {("arn", "gon", "112")}),  # passive: the by-agent acts
    ("Arnor visited Gondor.", {("arn", "gon", "032"), ("gon", "arn", "033")}),  # paired code
    ("Arnor soldiers condemned Gondor.", {("arn-mil", "gon", "122")}),  # composite actor
    ("Arnor did not condemn Gondor.", set()),  # negated, no pattern: abstain
    ("Arnor did not restore ties with Gondor.", {("arn", "gon", "112")}),  # NOT * pattern
    ("Rohan was freed from Gondor.", {("gon", "roh", "067")}),  # + and $ markers
    ("Arnor and Rohan renewed their ties.", {("arn", "roh", "064"), ("roh", "arn", "064")}),
    ("Arnor and Rohan restored ties.", set()),  # no target, and 064 is not a paired code
    ("Arnor praised Gondor.", set()),  # [---]: no event without its pattern
    ("Arnor praised the efforts of Gondor.", {("arn", "gon", "051")}),
    ("Arnor condemned the weather.", set()),  # no target actor: abstain
])
def test_coder_on_sentences(coder, text, expected):
    assert _code(coder, text)[1] == expected


def test_extractor_hook_types_events_and_replaces_lexicon_events(coder):
    from kg.documents import article_from_text
    from kg.taxonomy import cameo_to_type

    text = "Arnor restored ties with Gondor. Gondor was opposed by Arnor."
    extraction = coder.extract(article_from_text(text, origin="t"))
    coded = [e for e in extraction.events if e.cameo]
    assert {(e.cameo, e.agents, e.targets) for e in coded} == {
        ("064", ("arn",), ("gon",)), ("112", ("arn",), ("gon",))}
    assert all(e.event_type == cameo_to_type(e.cameo) for e in coded)
    triggers = [e.trigger.text for e in extraction.events]
    assert len(triggers) == len(set(triggers))  # the lexicon's event on a coded verb was replaced
    assert sorted(e.index for e in extraction.events) == list(range(len(extraction.events)))


def test_codes_with_no_event_type_are_noted_not_kept(coder):
    from kg.documents import article_from_text
    from kg.extract import Extractor
    from kg.extract.verbcoder import apply_dictionary

    text = "Arnor restored economic ties with Gondor."
    doc = coder.nlp(text)
    plain = Extractor(nlp=coder.nlp, gazetteer=coder.gazetteer, fallback_actors=False)
    base = plain.build(article_from_text(text, origin="t"), doc)
    dictionary = VerbDictionary.parse(CODER_DICTIONARY.replace("[065]", "[903]").splitlines())
    extraction, codings = apply_dictionary(base, doc, dictionary)
    assert [c.code for c in codings] == ["903"]
    assert not any(e.cameo for e in extraction.events)
    assert any("903" in note for note in extraction.notes)


def test_discarded_sentences_and_stories_are_not_coded(coder):
    from kg.documents import article_from_text
    from kg.extract.verbcoder import code_doc

    dictionary = VerbDictionary.parse(CODER_DICTIONARY.splitlines())
    dictionary.add_discards(["BASEBALL", "+World_Cup"])
    text = "Arnor condemned Gondor over baseball. Rohan condemned Gondor."
    doc = coder.nlp(text)
    extraction = coder.build(article_from_text(text, origin="t"), doc)
    assert {(c.source, c.sentence) for c in code_doc(doc, extraction, dictionary)} == {("roh", 1)}
    text = "Arnor condemned Gondor. Rohan condemned the World Cup."
    doc = coder.nlp(text)
    extraction = coder.build(article_from_text(text, origin="t"), doc)
    assert code_doc(doc, extraction, dictionary) == []


def test_default_extractor_has_no_dictionary(extractor, seed_extraction):
    assert extractor.verb_dictionary is None
    assert not any(e.cameo for e in seed_extraction.events)
