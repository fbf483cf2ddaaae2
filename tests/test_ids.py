"""Deterministic URIs."""

from __future__ import annotations

import pytest

from kg import ids
from kg.errors import InputError


def test_same_key_same_uri_and_kinds_do_not_collide():
    assert ids.actor_uri("isis") == ids.actor_uri("isis")
    assert ids.actor_uri("lebanon") != ids.place_uri("lebanon")
    assert ids.article_uri("a") != ids.event_uri("a", 0)


@pytest.mark.parametrize("text, slug", [
    ("Islamic State", "islamic-state"), ("Shi'ite  Hezbollah", "shi-ite-hezbollah"),
    ("Ras Baalbek", "ras-baalbek"), ("Halab\u00ee", "halabi"),
])
def test_slugify(text, slug):
    assert ids.slugify(text) == slug


def test_slugify_never_returns_empty():
    assert ids.slugify("\u062f\u0627\u0639\u0634")  # Arabic script keeps a stable hash slug


@pytest.mark.parametrize("bad", ["ISIS", "a b", "", "../etc", "-x"])
def test_keys_must_be_slugs(bad):
    with pytest.raises(InputError):
        ids.actor_uri(bad)


def test_key_of_round_trips_and_refuses_foreign_uris():
    assert ids.key_of(ids.claim_uri("seed", 3)) == ("claim", "seed-3")
    with pytest.raises(InputError):
        ids.key_of("http://example.org/actor/isis")
    with pytest.raises(InputError):
        ids.key_of(ids.BASE + "secret/x")


def test_a_refused_key_is_refused_every_time_and_a_key_keeps_its_uri():
    first = ids.article_uri("Report 1")
    for _ in range(2):  # the quoting is cached: a refusal must not be, nor a URI change
        with pytest.raises(InputError):
            ids.article_uri(" padded")
        assert ids.article_uri("Report 1") == first and str(first) == f"{ids.BASE}article/Report%201"
    assert str(ids.sentence_uri("Report 1", 3)) == f"{first}/sentence/3"
    assert str(ids.event_uri("Report 1", 2)) == f"{ids.BASE}event/Report%201-2"
