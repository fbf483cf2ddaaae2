"""Candidate place names and their admin chains (kg.extract.world_names), on made-up
sentences."""

from __future__ import annotations

import pytest

from kg.extract.world_names import name_candidates


def _chains(extractor, text):
    doc = extractor.nlp(text)
    found = name_candidates(doc, set(), frozenset(), lambda name: True)
    return {c.text: found[c.chained_to].text if c.chained_to is not None else None
            for c in found}


@pytest.mark.parametrize("text, links", [
    ("Rebels burned the villages of Orvo, Selm and Kalvan on Monday.",
     {"Orvo": None, "Selm": None, "Kalvan": None}),
    ("Rebels burned houses in Orvo, Kalvan on Monday.", {"Orvo": "Kalvan", "Kalvan": None}),
    ("Rebels burned houses in Orvo (Selm, Kalvan) and in Tarn.",
     {"Orvo": "Selm", "Selm": "Kalvan", "Kalvan": None, "Tarn": None}),
])
def test_names_of_a_list_are_no_admin_chain(extractor, text, links):
    assert _chains(extractor, text) == links
