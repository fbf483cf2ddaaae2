"""kg.extract.hyphenated: names a hyphen-joined word turns into a stance or a backer."""

from __future__ import annotations

import pytest

from kg.extract.hyphenated import backing, stance


@pytest.mark.parametrize("text, word, expected", [
    ("Pro-Kalvania protesters marched.", "Kalvania", True),
    ("The anti-Kalvania rally ended.", "Kalvania", True),
    ("Pro - Kalvania protesters marched.", "Kalvania", False),  # spaced: no prefix of the name
    ("Kalvania protesters marched.", "Kalvania", False),
])
def test_a_stance_is_a_prefix_joined_to_the_name(extractor, text, word, expected):
    doc = extractor.nlp(text)
    assert stance(next(t for t in doc if t.text == word)) is expected


@pytest.mark.parametrize("text, expected", [
    ("Kalvania-backed militias shelled the town.", True),
    ("Militias backed by Kalvania shelled the town.", False),
    ("Kalvania - backed militias shelled the town.", False),
])
def test_a_backer_is_a_name_joined_to_a_backing_participle(extractor, text, expected):
    doc = extractor.nlp(text)
    word = next(t for t in doc if t.lower_ == "backed")
    assert backing(word) is expected
