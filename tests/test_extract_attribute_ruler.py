"""The compiled attribute ruler sets exactly what spaCy's AttributeRuler sets."""

from __future__ import annotations

import numpy as np
import pytest

from kg.extract.attribute_ruler import CompiledAttributeRuler, compile_attribute_ruler

ATTRS = ["ORTH", "POS", "TAG", "MORPH", "LEMMA", "NORM", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE",
         "SENT_START", "LOWER", "IS_SPACE"]

# Made-up text touching the packaged rules: pronouns by case, auxiliaries, contractions,
# multi-token rules ("gonna", "let's", "y'all", "ain't", "there is"), spaces and line breaks.
TEXTS = [
    "I think you saw it. They told me it was done, and I believe them.",
    "We're gonna leave now, y'all. Let's go! Ain't nobody stopping 'em, ol' friend.",
    "There is a checkpoint here, and there were two more; then it's quiet.",
    "She has been held since May.  Has he?\n\nNo, he had not - they did n't.",
    "Militia fighters didn't say whether they'd got ta go, nor what they've done.",
    "Those who marched were dispersed; that's what the police wanted, isn't it?",
    "Headline Without Stop\nThe army shelled the village   at 5 a.m. on 3 March 2022.",
    "C'mon, it's nothin' — somethin' is goin' on; doin' well, 'nuff said.",
]


@pytest.fixture(scope="module")
def packaged(packaged_nlp):
    """A parse up to the ruler, the packaged AttributeRuler, and a compiled copy of it."""
    nlp, parse = packaged_nlp
    ruler = nlp.get_pipe("attribute_ruler")
    return parse, ruler, CompiledAttributeRuler(nlp.vocab).compile(ruler)


def assert_same(original, compiled, doc):
    expected, got = original(doc.copy()), compiled(doc.copy())
    assert np.array_equal(expected.to_array(ATTRS), got.to_array(ATTRS)), [
        (a.text, a.pos_, b.pos_, str(a.morph), str(b.morph), a.lemma_, b.lemma_)
        for a, b in zip(expected, got) if (a.pos, a.morph.key, a.lemma) != (b.pos, b.morph.key, b.lemma)]
    assert expected.to_bytes() == got.to_bytes()


@pytest.mark.parametrize("text", TEXTS)
def test_packaged_rules_give_the_same_tokens(packaged, text):
    parse, ruler, compiled = packaged
    doc = parse(text, "attribute_ruler")
    assert_same(ruler, compiled, doc)
    assert any(token.pos_ for token in compiled(doc.copy()))  # the rules did set something


def test_the_packaged_rules_mostly_compile_to_one_token_lookups(packaged):
    _, ruler, compiled = packaged
    assert len(compiled._token_matcher) > 0.9 * len(ruler.attrs)
    assert len(compiled._doc_matcher) == 0  # the longer rules are fixed-length: gated


def made_up_rules(nlp):
    """Rules that overlap, override, span tokens, index from the end and read what others set."""
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "VBD"}]], {"POS": "VERB", "MORPH": "Tense=Past"})
    ruler.add([[{"TAG": "VBD", "LOWER": {"IN": ["was", "were"]}}]], {"POS": "AUX", "LEMMA": "be"})
    ruler.add([[{"LOWER": {"REGEX": "^shell(ed|ing)?$"}}]], {"LEMMA": "shell"})
    ruler.add([[{"DEP": {"NOT_IN": ["nsubj", ""]}, "TAG": "NN"}]], {"POS": "NOUN", "TAG": "NNX"})
    ruler.add([[{"TAG": "NNX"}]], {"POS": "PROPN"})  # never: matching sees the tags before any rule
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=-1)
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go", "POS": "VERB"}, index=0)
    ruler.add([[{"DEP": "expl"}, {"LOWER": "is", "OP": "?"}, {"TAG": "NN"}]], {"DEP": "attr"}, index=-1)
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE", "MORPH": "_"})
    ruler.add([[{"LENGTH": {">=": 8}}]], {"NORM": "long"})
    ruler.add([[{"TAG": "VBD"}]], {"MORPH": "Mood=Ind|Tense=Past"})  # a later rule wins
    return ruler


def made_up_doc(vocab, words):
    from spacy.tokens import Doc

    tags = {"was": "VBD", "were": "VBD", "shelled": "VBD", "fired": "VBD", "there": "EX",
            "gon": "VBG", "na": "TO"}
    deps = {"there": "expl", "army": "nsubj"}
    return Doc(vocab, words=words, tags=[tags.get(w.lower(), "NN") for w in words],
               deps=[deps.get(w.lower(), "dep") for w in words], heads=[0] * len(words))


@pytest.mark.parametrize("words", [
    ["The", "army", "shelled", "houses", "and", "fired", "rockets"],
    ["There", "was", "shelling", "and", "there", "is", "gunfire", "\n", "there", "checkpoint"],
    ["They", "were", "gon", "na", "leave", "gon", "na", "stay", "  ", "neighbourhoods"],
    ["x"],
])
def test_made_up_rules_give_the_same_tokens(words):
    import spacy

    nlp = spacy.blank("en")
    ruler = made_up_rules(nlp)
    compiled = CompiledAttributeRuler(nlp.vocab).compile(ruler)
    assert_same(ruler, compiled, made_up_doc(nlp.vocab, words))


@pytest.mark.parametrize("pattern,index", [
    ([{"LOWER": "gon"}, {"LOWER": "na"}], 2), ([{"LOWER": "na"}], 1), ([{"LOWER": "gon"}], -2)])
def test_an_index_outside_the_match_fails_as_spacy_does(pattern, index):
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([pattern], {"LEMMA": "go"}, index=index)
    compiled = CompiledAttributeRuler(nlp.vocab).compile(ruler)
    doc = made_up_doc(nlp.vocab, ["gon", "na"])
    with pytest.raises(ValueError, match="E1001"):
        ruler(doc.copy())
    with pytest.raises(ValueError, match="E1001"):
        compiled(doc.copy())


def test_the_pipe_is_replaced_under_its_own_name_and_round_trips():
    import spacy

    nlp = spacy.blank("en")
    made_up_rules(nlp)
    assert compile_attribute_ruler(nlp)
    compiled = nlp.get_pipe("attribute_ruler")
    assert isinstance(compiled, CompiledAttributeRuler)
    assert not compile_attribute_ruler(nlp)  # already compiled
    copy = CompiledAttributeRuler(nlp.vocab).from_bytes(compiled.to_bytes())
    doc = made_up_doc(nlp.vocab, ["There", "was", "shelling", "gon", "na"])
    assert np.array_equal(copy(doc.copy()).to_array(ATTRS), compiled(doc.copy()).to_array(ATTRS))


@pytest.mark.parametrize("attrs", [{"IS_STOP": True}, {"LOWER": "x"}, {"_": {"flag": True}}])
def test_rules_writing_beyond_the_token_are_left_to_spacy(attrs):
    import spacy
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Token

    Token.set_extension("flag", default=False, force=True)
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add([[{"LOWER": "a"}]], attrs)
    assert not compile_attribute_ruler(nlp)
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)


def test_the_extractor_parses_with_the_compiled_ruler(extractor):
    assert isinstance(extractor.nlp.get_pipe("attribute_ruler"), CompiledAttributeRuler)
