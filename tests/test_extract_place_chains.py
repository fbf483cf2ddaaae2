"""Admin chains among place mentions (kg.extract.place_chains), on made-up sentences."""

from __future__ import annotations

import pytest

from kg.extract.place_chains import chains_of


def _spans(doc, names):
    found, at = [], 0
    for name in names:
        start = next(t.i for t in doc[at:] if t.text == name)
        found.append((start, start + 1))
        at = start + 1
    return found


@pytest.mark.parametrize("text, names, chains", [
    ("Gunmen raided Orvo (Selm, Kalvan) at night.", ["Orvo", "Selm", "Kalvan"], [[0, 1, 2]]),
    ("Gunmen raided Orvo village of Selm district, Kalvan region.", ["Orvo", "Selm", "Kalvan"],
     [[0, 1, 2]]),
    ("Gunmen raided Orvo and then Selm, Kalvan.", ["Orvo", "Selm", "Kalvan"], [[0], [1, 2]]),
    ("Gunmen raided Orvo. Kalvan was calm.", ["Orvo", "Kalvan"], [[0], [1]]),
    ("Gunmen raided the Orvo Kalvan depot.", ["Orvo", "Kalvan"], [[0], [1]]),
])
def test_names_join_a_chain_through_commas_brackets_and_place_nouns_only(extractor, text,
                                                                         names, chains):
    doc = extractor.nlp(text)
    assert chains_of(doc, _spans(doc, names)) == chains
