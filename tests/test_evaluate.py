"""kg.evaluate: scoring functions on tiny cases worked out by hand, and the seed acceptance floor."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.documents import article_from_text
from kg.evaluate import EvalDataMissing, eval_dir, require
from kg.evaluate.scoring import (Counts, Metric, accuracy, macro_f1, per_label_counts, set_counts,
                                 span_counts, token_overlap)
from kg.evaluate.seed import roles_match
from kg.model import Event, Extraction, Mention, Span


def test_counts_precision_recall_f1():
    counts = Counts(tp=2, fp=2, fn=0)
    assert (counts.precision, counts.recall) == (0.5, 1.0)
    assert counts.f1 == pytest.approx(2 * 0.5 / 1.5)
    assert Counts().f1 == 1.0 and Counts(0, 3, 0).f1 == 0.0
    assert Counts(1, 2, 3) + Counts(1, 0, 1) == Counts(2, 2, 4)


def test_set_counts_and_accuracy():
    assert set_counts({"isis", "hezbollah"}, {"isis", "lebanon"}) == Counts(1, 1, 1)
    assert accuracy(["A", "B", "C"], ["A", None, "C"]) == pytest.approx(2 / 3)


def test_macro_f1_by_hand():
    # A: tp1 fp0 fn1 -> P1 R.5 F.667; B: tp1 fp1 fn0 -> P.5 R1 F.667; C: fp1 -> F0
    gold, predicted = ["A", "A", "B", "D"], ["A", "B", "B", "C"]
    counts = per_label_counts(gold, predicted)
    assert counts["A"] == Counts(1, 0, 1) and counts["C"] == Counts(0, 1, 0)
    assert counts["D"] == Counts(0, 0, 1)
    assert macro_f1(gold, predicted) == pytest.approx((2 / 3 + 2 / 3 + 0 + 0) / 4)


def test_token_overlap_and_span_matching():
    assert token_overlap("Israeli troops", "Israeli troops") == 1.0
    assert token_overlap("Senior Hungarian officials", "Hungarian") == pytest.approx(1 / 3)
    # one-to-one: the second gold "Hamas" cannot reuse the one predicted "Hamas"
    assert span_counts(["Hamas", "Hamas", "Israel"], ["Hamas", "Gaza"]) == Counts(1, 1, 2)
    assert span_counts(["the Syrian army"], ["Syrian army"]) == Counts(1, 0, 0)
    assert span_counts(["the Syrian army"], ["Syrian army"], threshold=0.9) == Counts(0, 1, 1)


def test_metric_floor_both_directions():
    assert Metric("s", "f1", 0.9, floor=0.9).passed is True
    assert Metric("s", "f1", 0.89, floor=0.9).passed is False
    assert Metric("s", "rate", 0.5, floor=0.5, higher_is_better=False).passed is False
    assert Metric("s", "info", 0.1).passed is None


def test_roles_match_slots_and_alternatives():
    assert roles_match(["isis", ["syria-government", "bashar-al-assad"]], ["bashar-al-assad", "isis"])
    assert not roles_match(["isis"], ["isis", "hezbollah"])  # an extra role filler is wrong
    assert not roles_match(["isis", "hezbollah"], ["isis"])  # a missing one too
    assert roles_match([["isis", None]], []) and roles_match([["isis", None]], ["isis"])


def test_missing_gold_data_is_a_skip_not_a_failure(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_EVAL_DIR", str(tmp_path))
    assert eval_dir() == tmp_path
    from kg.evaluate.plover import evaluate_plover

    with pytest.raises(EvalDataMissing):
        evaluate_plover()
    with pytest.raises(EvalDataMissing):
        require(tmp_path / "nothing.json")


def _extraction(text, events, mentions=()):
    return Extraction(article=article_from_text(text, origin="t"), events=tuple(events),
                      mentions=tuple(mentions))


def test_plover_scoring_on_hand_made_records():
    from kg.evaluate.plover import Record, gold_label, score

    text = "Israel attacked Hamas."
    mentions = [Mention(Span(0, 6, "Israel"), 0, "actor", "israel"),
                Mention(Span(16, 21, "Hamas"), 0, "actor", "hamas")]
    attack = Event(0, "ArmedClash", Span(7, 15, "attacked"), 0, ("israel",), ("hamas",))
    records = [Record("1", text, gold_label("FIGHT"), ("Israel",), ("Hamas",)),
               Record("2", "Nothing.", gold_label("DISAPPROVE"), ("Iran",), ())]
    metrics = {m.name: m for m in score(records, [_extraction(text, [attack], mentions),
                                                   _extraction("Nothing.", [])])}
    assert metrics["event-type accuracy"].value == 0.5  # ASSAULT right, ACCUSE missed
    assert metrics["event-type macro-F1"].value == 0.5  # F1 1.0 for ASSAULT, 0.0 for ACCUSE
    assert metrics["actor span F1 (source+target)"].value == pytest.approx(2 * 1 * (2 / 3) / (5 / 3))


def test_plover_scores_a_role_mention_as_its_phrase():
    from kg.evaluate.plover import Record, score

    text = "Ethnic Albanians in Serbia and US Congress attacked Hamas."
    mentions = [Mention(Span(7, 16, "Albanians"), 0, "actor", "albanians"),
                Mention(Span(30, 32, "US"), 0, "actor", "us"),
                Mention(Span(33, 41, "Congress"), 0, "actor", "congress")]
    attack = Event(0, "ArmedClash", Span(42, 50, "attacked"), 0, ("albanians", "congress", "us"))
    records = [Record("1", text, "ASSAULT", ("Ethnic Albanians in Serbia", "US Congress"), ())]
    phrases = {"Albanians": "Ethnic Albanians in Serbia", "US": "US Congress", "Congress": "US Congress"}

    def f1(phrase=None):
        metrics = score(records, [_extraction(text, [attack], mentions)], phrase and [phrase])
        return next(m.value for m in metrics if m.name == "source span F1")

    assert f1() == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))  # only "Congress" matches
    # as phrases: both gold spans match; "US" and "Congress" fill the role once, as "US Congress"
    assert f1(lambda m: phrases[m.span.text]) == 1.0


def test_plover_place_target_of_a_visit_but_not_of_talks():
    from kg.evaluate.plover import place_target

    text = "Egypt visited Syria."
    mentions = [Mention(Span(0, 5, "Egypt"), 0, "actor", "egypt"),
                Mention(Span(14, 19, "Syria"), 0, "place", "syria")]
    extraction = _extraction(text, [], mentions)
    visit = Event(0, "Negotiate", Span(6, 13, "visited"), 0, ("egypt",), (), place="syria")
    talks = Event(0, "Negotiate", Span(6, 13, "talked"), 0, ("egypt",), (), place="syria")
    assert place_target(extraction, visit) == ["Syria"]  # CAMEO 042: the host is the target
    assert place_target(extraction, talks) == []  # talks are not aimed at where they happen


def test_plover_target_of_an_act_aimed_at_a_place_is_the_place():
    """PLOVER codes the town shelled as the target, ACLED the people the shelling killed."""
    from kg.evaluate.plover import place_target

    text = "Rebels shelled Juba, killing 20 people."
    mentions = [Mention(Span(15, 19, "Juba"), 0, "place", "juba"),
                Mention(Span(29, 38, "20 people"), 0, "actor", "civilians")]
    extraction = _extraction(text, [], mentions)
    aimed = Event(0, "Shelling", Span(7, 14, "shelled"), 0, ("rebels",), ("civilians",),
                  place="juba", aim="juba")
    assert place_target(extraction, aimed) == ["Juba"]
    assert place_target(extraction, replace(aimed, aim=None)) == []


def test_petrarch_dictionaries_and_triples():
    from kg.evaluate.petrarch import Record, code_of, parse_actors, parse_agents, score

    actors = parse_actors(["ARNOR_  [ARN]", "+ARNORIAN", "GOLLUM", "\t[HOB < 950601]",
                           "\t[HOBGOV 19950601 - 19990815]", "<!-- note -->", "GONDOR [GON]"])
    assert actors == {"ARN": ["ARNOR", "ARNORIAN"], "HOB": ["GOLLUM"], "GON": ["GONDOR"]}
    assert parse_agents(["SOLDIER {SOLDIERS} [~MIL] # x"]) == {"MIL": ["SOLDIER", "SOLDIERS"]}
    assert code_of("arn-mil") == "ARNMIL"
    text = "Arnor attacked Gondor."
    attack = Event(0, "ArmedClash", Span(6, 14, "attacked"), 0, ("arn",), ("gon",))
    praise = Event(1, "Praise", Span(6, 14, "attacked"), 0, ("gon",), ("arn",))
    records = [Record("a", "DEMO", text, (("ARN", "GON", "190"), ("ARN", "GON", "041"))),
               Record("b", "VERB", text, ())]
    metrics = {m.name.strip(): m for m in score(records, [_extraction(text, [attack, praise]),
                                                          _extraction(text, [])])}
    assert metrics["expected triples found (our lexicon)"].value == 0.5  # 19 is ArmedClash, 04 not
    assert metrics["spurious triples per sentence (our lexicon)"].value == 0.5  # praise, 2 sentences
    assert metrics["DEMO"].value == 0.5


def test_petrarch_dictionary_run_carries_the_floors():
    from kg.evaluate.petrarch import Record, dictionary_triples, score
    from kg.extract.verbcoder import Coding

    text = "Arnor welcomed ties with Gondor."
    records = [Record("a", "DEMO", text, (("ARN", "GON", "041"), ("GON", "ARN", "041"))),
               Record("b", "VERB", text, ())]
    coded = [dictionary_triples([Coding(0, 6, 14, "arn", "gon", "0415")]),  # root 04: found
             dictionary_triples([Coding(0, 6, 14, "arn", "gon", "903")])]  # expected nothing
    metrics = {m.name.strip(): m for m in score(records, [_extraction(text, []),
                                                          _extraction(text, [])], coded)}
    lexicon = metrics["expected triples found (our lexicon)"]
    found = metrics["expected triples found (PETRARCH verb dictionary)"]
    spurious = metrics["spurious triples per sentence (PETRARCH verb dictionary)"]
    assert (lexicon.value, lexicon.floor) == (0.0, None)
    assert (found.value, found.floor, found.passed) == (0.5, 0.5, True)  # 1 of 2 expected
    assert (spurious.value, spurious.passed) == (0.5, False)  # the 903, over 2 sentences
    assert metrics["DEMO"].value == 0.5 and metrics["VERB"].value == 0.0


@pytest.mark.skipif(not (eval_dir() / "petrarch2").is_dir(), reason="no PETRARCH2 records")
def test_petrarch_validation_dictionary_meets_its_floor():
    from kg.evaluate.petrarch import evaluate_petrarch

    metrics = {m.name: m for m in evaluate_petrarch()}
    assert metrics["expected triples found (PETRARCH verb dictionary)"].passed
    assert metrics["spurious triples per sentence (PETRARCH verb dictionary)"].passed


def test_seed_meets_the_acceptance_floor(extractor):
    from kg.evaluate.seed import evaluate_seed

    metrics = evaluate_seed(extractor)
    failed = [(m.name, round(m.value, 3), m.floor) for m in metrics if m.passed is False]
    assert not failed
    names = {m.name for m in metrics if m.floor is not None}
    assert {"actor F1", "event (type+agent+target) F1", "claim speaker accuracy",
            "date granularity"} <= names


@pytest.mark.skipif(not (eval_dir() / "plover_gsr").is_dir(), reason="no PLOVER gold data")
def test_the_seed_gold_names_an_organisation_for_its_branches(extractor):
    from kg.evaluate.named import as_named

    extraction = extractor.extract(article_from_text(
        "On 3 May 2022, IS militants attacked Iraqi soldiers near Kirkuk.", origin="t"))
    assert (extraction.events[0].agents, extraction.events[0].targets) == (
        ("isis-iraq",), ("iraq-military",))
    reduced = as_named(extraction)  # a state's sector is no branch: it stays
    assert (reduced.events[0].agents, reduced.events[0].targets) == (("isis",), ("iraq-military",))
    assert "isis-iraq" not in {m.key for m in reduced.mentions}


def test_plover_records_load_with_2021_labels():
    from kg.evaluate.plover import load_records

    records = load_records()
    assert len(records) == 322
    labels = {r.label for r in records}
    assert "FIGHT" not in labels and "DISAPPROVE" not in labels and "ASSAULT" in labels


def test_cli_evaluate_skips_cleanly_without_data(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    result = CliRunner().invoke(main, ["evaluate", "plover", "--eval-dir", str(tmp_path)])
    assert result.exit_code == 0 and "skipped: plover" in result.output


def test_petrarch_reciprocal_events_pair_their_agents_both_ways():
    from kg.evaluate.petrarch import predicted_triples

    text = "Gondor and Osgiliath renewed ties. Gondor and Osgiliath praised it."
    renew = Event(0, "Support", Span(21, 28, "renewed"), 0, ("gon", "osg"))
    praise = Event(1, "Praise", Span(56, 63, "praised"), 1, ("gon", "osg"))
    pairs = {(s, t) for s, t, _ in predicted_triples(_extraction(text, [renew, praise]))}
    assert pairs == {("GON", "OSG"), ("OSG", "GON")}  # praise is not mutual: no pair from it


def test_plover_category_reads_modality_as_cameo_does():
    from kg.evaluate.plover import event_plover, primary_plover

    def event(kind, modality):
        return Event(0, kind, Span(0, 1, "x"), 0, ("a",), ("b",), modality=modality)

    assert [event_plover(event("Negotiate", m)) for m in
            ("asserted", "planned", "hypothetical", "negated")] == [
        primary_plover("Negotiate"), "AGREE", "AGREE", "REJECT"]  # asserted: the crosswalk's pick
    assert event_plover(event("ArmedClash", "planned")) == "THREATEN"
    assert event_plover(event("Accuse", "planned")) == "ACCUSE"  # verbal conflict keeps its category
    assert event_plover(event("ArmedClash", "negated")) == "ASSAULT"
