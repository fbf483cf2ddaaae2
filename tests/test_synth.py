"""The synthetic corpus: seeded and reproducible, truth consistent with the text, sizes."""

from __future__ import annotations

import json
import math

from click.testing import CliRunner

from kg.cli import main
from kg.documents import iter_articles
from kg.synth import generate, read_truth, truth_path, write_corpus
from kg.synth.score import Scores, Tally
from kg.synth.world import build_world


def test_same_seed_same_corpus_other_seed_other_corpus():
    first, again, other = (list(generate(20, seed)) for seed in (3, 3, 4))
    assert first == again
    assert [a.text for a in first] != [a.text for a in other]


def test_a_small_corpus_is_the_start_of_a_larger_one():
    assert list(generate(5, seed=9)) == list(generate(12, seed=9))[:5]
    assert list(generate(3, seed=9, start=2)) == list(generate(5, seed=9))[2:]


def test_truth_offsets_point_at_the_names_and_triggers():
    world = build_world()
    for article in generate(50, seed=1):
        truth = article.truth
        assert truth["id"] == article.id
        for mention in truth["actors"]:
            assert article.text[mention["start"]:mention["end"]] == mention["text"]
            assert mention["key"] in world.actors
            alias = mention["text"].lower()
            names = {n.text.lower() for n in world.names[mention["key"]]}
            short = world.short.get(mention["key"], "").lower()
            soldiers = alias.endswith(" soldiers") and world.actors[mention["key"]].sector
            assert alias in names or alias == short or soldiers, mention
        for mention in truth["places"]:
            assert article.text[mention["start"]:mention["end"]] == mention["text"]
            assert world.places[mention["key"]].lat is not None
        for item in truth["events"] + truth["claims"]:
            start, end, word = item["trigger"]
            assert article.text[start:end] == word
        for event in truth["events"]:
            keys = {m["key"] for m in truth["actors"]}
            assert set(event["agents"]) | set(event["targets"]) <= keys
            assert event["agents"], event


def test_corpus_is_varied():
    articles = list(generate(200, seed=2))
    kinds = {e["type"] for a in articles for e in a.truth["events"]}
    assert {"ArmedClash", "Ceasefire", "Negotiate", "Mediate", "Kidnap", "Accuse"} <= kinds
    assert {c["verb"] for a in articles for c in a.truth["claims"]} >= {"said", "denied"}
    assert len({a.truth["theatre"] for a in articles}) == len(build_world().theatres)
    assert len({a.text for a in articles}) == len(articles)


def test_jsonl_corpus_loads_and_truth_lines_up(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    assert write_corpus(corpus, 7, seed=1) == truth_path(corpus)
    loaded = list(iter_articles([corpus]))
    truth = list(read_truth(corpus))
    assert [a.key for a in loaded] == [t["id"] for t in truth] == [a.id for a in generate(7, 1)]
    assert [a.text for a in loaded] == [a.text for a in generate(7, 1)]


def test_folder_corpus_ingest_reads_only_the_articles(tmp_path):
    write_corpus(tmp_path / "out", 4, seed=1)
    loaded = list(iter_articles([tmp_path / "out"]))
    assert [a.key for a in loaded] == [a.id for a in generate(4, 1)]
    assert loaded[0].published.isoformat() == next(generate(1, 1)).published
    assert len(list(read_truth(tmp_path / "out"))) == 4


def test_cli_writes_the_requested_number(tmp_path):
    out = tmp_path / "c.jsonl"
    result = CliRunner().invoke(main, ["synth", "--articles", "6", "--seed", "2",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 6 and json.loads(lines[0])["id"] == "synth-2-000000"


def test_tally_counts_multisets():
    tally = Tally()
    tally.add(["a", "a", "b"], ["a", "c"])
    assert (tally.tp, tally.fp, tally.fn) == (1, 2, 1)
    assert tally.precision == 1 / 3 and tally.recall == 1 / 2
    assert (Tally().precision, Tally().recall, Tally().f1) == (0.0, 0.0, 0.0)  # empty: no credit


def test_scores_of_the_truth_against_itself_are_perfect():
    from kg.model import Article, Event, Extraction, Mention, Span

    article = next(generate(1, seed=3))
    truth = article.truth
    mentions = tuple(Mention(Span(m["start"], m["end"], m["text"]), 0, kind, m["key"])
                     for kind in ("actor", "place") for m in truth[kind + "s"])
    events = tuple(Event(i, e["type"], Span(*e["trigger"]), 0, agents=tuple(e["agents"]),
                         targets=tuple(e["targets"])) for i, e in enumerate(truth["events"]))
    scores = Scores()
    scores.add(Extraction(article=Article(key=article.id, text=article.text, sha256=""),
                          mentions=mentions, events=events), truth)
    assert scores["actors"].f1 == scores["events"].f1 == 1.0
    assert (scores["claims"].fp, scores["claims"].fn) == (0, len(truth["claims"]))


# Grown worlds: --actors N -----------------------------------------------------------------

def test_a_grown_world_has_the_requested_actors_with_fresh_plausible_names():
    from kg.synth.names import UNITS

    base, world = build_world(), build_world(2000)
    assert len(world.actors) == 2000 and set(base.actors) <= set(world.actors)
    invented = [a for k, a in world.actors.items() if k not in base.actors]
    labels = [a.label for a in invented]
    assert len(set(labels)) == len(labels)
    for actor in invented:
        words = actor.label.split()
        if actor.kind == "person":
            assert len(words) == 3 and all(w[0].isupper() for w in words), actor
        else:
            assert actor.kind == "armed_group" and words[-1] in UNITS, actor
    assert len({a.country for a in invented}) >= 5  # several countries
    assert {a.kind for a in invented} == {"person", "armed_group"}


def test_a_world_cannot_be_smaller_than_the_gazetteer():
    import pytest

    from kg.errors import InputError

    with pytest.raises(InputError, match="at least"):
        build_world(10)


def test_grown_articles_have_2_to_10_events_and_exact_truth():
    world = build_world(1000)
    counts = set()
    for article in generate(150, seed=4, actors=1000):
        events = article.truth["events"]
        counts.add(len(events))
        for mention in article.truth["actors"]:
            assert article.text[mention["start"]:mention["end"]] == mention["text"]
            assert mention["text"] in {n.text for n in world.names[mention["key"]]} | {
                world.short.get(mention["key"])} or mention["text"].endswith(" soldiers")
        for event in events:
            assert set(event["agents"]) | set(event["targets"]) <= set(world.actors)
    assert min(counts) == 2 and max(counts) == 10 and len(counts) == 9


def test_activity_is_zipf_distributed():
    from collections import Counter

    activity = Counter(key for a in generate(1500, seed=1, actors=3000)
                       for e in a.truth["events"] for key in e["agents"] + e["targets"])
    ranked = [count for _, count in activity.most_common()]
    assert len(ranked) > 300  # a long tail of actors takes part
    # Zipf: log frequency falls linearly with log rank (slope near -1; uniform would be 0)
    xs = [math.log(rank) for rank in range(1, 301)]
    ys = [math.log(count) for count in ranked[:300]]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = (sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
             / sum((x - mean_x) ** 2 for x in xs))
    assert -1.6 < slope < -0.6, slope
    world = build_world(3000)
    assert activity.most_common(1)[0][0] in {b for t in world.theatres.values()
                                            for b in t.belligerents}


def test_grown_corpus_is_reproducible_and_a_prefix_of_larger_ones():
    assert list(generate(4, seed=2, actors=500)) == list(generate(9, seed=2, actors=500))[:4]
    small, large = build_world(300), build_world(900)
    assert list(small.actors) == list(large.actors)[:300]


def test_cli_grows_the_world(tmp_path):
    out = tmp_path / "big.jsonl"
    result = CliRunner().invoke(main, ["synth", "--articles", "5", "--actors", "400",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "400 actors" in result.output
    truth = list(read_truth(out))
    assert all(2 <= len(t["events"]) <= 10 for t in truth)
    bad = CliRunner().invoke(main, ["synth", "--articles", "5", "--actors", "3",
                                    "--out", str(out)])
    assert bad.exit_code != 0 and "at least" in bad.output and "Traceback" not in bad.output
