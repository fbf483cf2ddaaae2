"""The ontology files parse with rdflib and with an independent parser (rapper)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from rdflib import Graph
from rdflib.namespace import SKOS

from kg.validate import ONTOLOGY_DIR

FILES = ["conflict.ttl", "event-types.ttl", "shapes.ttl"]


@pytest.mark.parametrize("name", FILES)
def test_parses_with_rdflib(name):
    assert len(Graph().parse(ONTOLOGY_DIR / name)) > 50


@pytest.mark.parametrize("name", FILES)
def test_parses_with_rapper(name):
    if shutil.which("rapper") is None:
        pytest.skip("rapper (Debian raptor2-utils) is not installed; `make system-deps` installs it")
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(ONTOLOGY_DIR / name)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_each_event_type_has_sign_category_and_plover_code():
    from kg.vocab import CKG

    graph = Graph().parse(ONTOLOGY_DIR / "event-types.ttl")
    for concept in graph.subjects(predicate=SKOS.inScheme):
        assert int(graph.value(concept, CKG.sign)) in (-1, 0, 1), concept
        assert str(graph.value(concept, CKG.category)) in ("hostile", "cooperative", "neutral")
        assert graph.value(concept, CKG.ploverCode) is not None, concept
