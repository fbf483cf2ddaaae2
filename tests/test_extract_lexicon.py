"""The event lexicon: object-dependent verbs, ambiguous nouns, petition nouns."""

from __future__ import annotations

import pytest

from kg.documents import article_from_text


def _types(extractor, text):
    extraction = extractor.extract(article_from_text(text, origin="lexicon"))
    return [(e.event_type, e.agents, e.targets) for e in extraction.events]


@pytest.mark.parametrize("text, expected", [
    ("Japan halted economic aid to Serbia.", "Sanction"),
    ("The United States sent arms to Pakistan.", "MilitaryAid"),
    ("Turkish police jailed Kurdish activists.", "Arrest"),
    ("Syrian rebels surrendered to the Syrian army.", "Surrender"),
])
def test_verbs_of_cameo_categories(extractor, text, expected):
    assert [t for t, _, _ in _types(extractor, text)] == [expected]


def test_object_dependent_verb_needs_its_object(extractor):
    assert _types(extractor, "The United States sent a letter to Pakistan.") == []


def test_strike_noun_is_typed_by_its_modifier(extractor):
    hunger = _types(extractor, "Kurdish prisoners began a hunger strike in Turkey.")
    assert [t for t, _, _ in hunger] == ["Protest"]
    assert _types(extractor, "Kurdish prisoners reported a strike in Turkey.") == []


def test_who_accepts_a_request_did_not_make_it(extractor):
    events = _types(extractor, "Syria accepted a request from Hezbollah.")
    assert ("Demand", ("syria",), ()) not in events


def test_country_after_to_is_a_party_unless_a_destination(extractor):
    assert _types(extractor, "The United States sent arms to Pakistan.") == [
        ("MilitaryAid", ("usa",), ("pakistan",))]
    assert _types(extractor, "Hezbollah fighters withdrew to Syria.") == [
        ("Withdraw", ("hezbollah",), ())]


def test_target_from_the_complement_clause(extractor):
    assert _types(extractor, "Greece demanded that Turkey release the prisoners.")[0] == (
        "Demand", ("greece",), ("turkey",))
    assert _types(extractor, "Iran threatened to attack Iraq.")[0] == (
        "Threaten", ("iran",), ("iraq",))


def test_sector_of_country_is_a_composite(extractor):
    extraction = extractor.extract(article_from_text(
        "The government of Lebanon condemned Israel.", origin="of"))
    assert ("Condemn", ("lebanon-government",), ("israel",)) in [
        (e.event_type, e.agents, e.targets) for e in extraction.events]


def test_firing_shells_at_a_country_is_shelling(extractor):
    assert _types(extractor, "North Korea fired two artillery shells at South Korea.") == [
        ("Shelling", ("north-korea",), ("south-korea",))]


def test_target_is_whose_proposal_or_act_it_is(extractor):
    assert ("Reject", ("south-korea",), ("north-korea",)) in _types(
        extractor, "South Korea rejected North Korea's demand.")
    assert _types(extractor, "Jordan condemned the attack by Israel.")[0] == (
        "Condemn", ("jordan",), ("israel",))


def test_possessive_country_before_a_place_noun_is_no_party(extractor):
    extraction = extractor.extract(article_from_text(
        "Hezbollah attacked positions on Syria's side of the border.", origin="side"))
    assert all(m.kind == "place" for m in extraction.mentions if m.key == "syria")


def test_future_and_intent_are_planned(extractor):
    for text in ("Israel will evacuate the settlements.", "Syria is willing to withdraw its troops."):
        extraction = extractor.extract(article_from_text(text, origin="plan"))
        assert [e.modality for e in extraction.events] == ["planned"]


def test_sector_in_country_only_without_another_owner(extractor):
    def agents(text):
        return extractor.extract(article_from_text(text, origin="in")).events[0].agents

    assert agents("Rebels in Syria attacked Hezbollah.") == ("syria-rebels",)
    assert agents("Russian troops in Syria attacked ISIS.") == ("russia-military",)


def test_partitive_subject_and_compound_object(extractor):
    assert _types(extractor, "Thousands of Syrian refugees protested in Beirut.") == [
        ("Protest", ("syria-civilians",), ())]
    assert [t for t, _, _ in _types(extractor, "Japan suspended aid deliveries to Serbia.")] == [
        "Sanction"]


def test_sharing_intelligence_is_material_cooperation(extractor):
    assert _types(extractor, "Turkey shared intelligence with Iraq.") == [
        ("Support", ("turkey",), ("iraq",))]
    assert _types(extractor, "Turkey shared a border with Iraq.") == []  # no CAMEO 064 object


def test_purpose_clause_names_whom_a_strike_is_aimed_at(extractor):
    found = _types(extractor, "Lebanese farmers began a hunger strike to protest Syria's decision.")
    assert found[0] == ("Protest", ("lebanon-civilians",), ("syria",))


def test_between_names_the_parties_when_someone_else_acts(extractor):
    assert _types(extractor, "Egypt mediated between Hamas and Israel on Monday.")[0] == (
        "Mediate", ("egypt",), ("hamas", "israel"))
    found = _types(extractor, "Egypt undertook a mediation mission between Hamas and Israel.")
    assert found[0] == ("Mediate", ("egypt",), ("hamas", "israel"))
    found = _types(extractor, "Clashes between Hamas and Israel killed five people.")
    assert found[0][1:] == (("hamas", "israel"), ())  # nobody else: they act on each other


@pytest.mark.parametrize("text, expected", [
    ("The United States speeded up the withdrawal of its forces.", ("Withdraw", ("usa",), ())),
    ("Israeli troops remained on alert in the West Bank.", ("Mobilize", ("israel-military",), ())),
])
def test_aspect_and_state_verbs_lend_their_subject(extractor, text, expected):
    assert _types(extractor, text)[0] == expected
    assert _types(extractor, text.replace("speeded up", "praised").replace(
        "remained on", "praised the")) != [expected]  # without the verb no agent reaches the noun


def test_fire_noun_is_typed_by_its_weapon(extractor):
    assert _types(extractor, "Israeli tanks opened machine-gun fire on the outpost.") == [
        ("ArmedClash", ("israel-military",), ())]
    assert _types(extractor, "Syrian troops launched artillery fire on the town.") == [
        ("Shelling", ("syria-military",), ())]
    assert _types(extractor, "Syrian troops set fire to a Hezbollah post.") == [
        ("Looting", ("syria-military",), ("hezbollah",))]  # no weapon: property destroyed


@pytest.mark.parametrize("text, expected", [
    ("The authorities imposed a dusk-to-dawn curfew on the town.", "SecurityMeasure"),
    ("The rebel group established a new base in the hills above the town.", "BaseEstablished"),
    ("The militia opened a new headquarters in the district capital.", "BaseEstablished"),
    ("Members of a drug ring smuggled heroin across the border.", "OrganisedCrime"),
])
def test_material_types_need_no_named_actor(extractor, text, expected):
    """A curfew imposed, a base set up, goods smuggled: reported even when no one named does it."""
    assert [t for t, _, _ in _types(extractor, text)][:1] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Russia and Ukraine exchanged 50 prisoners on Friday.", "Release"),
    ("The prisoner swap between Armenia and Azerbaijan took place at the border.", "Release"),
    ("Georgian police used water cannon against demonstrators outside parliament.",
     "ProtestWithIntervention"),
])
def test_prisoners_exchanged_and_water_cannon(extractor, text, expected):
    assert [t for t, _, _ in _types(extractor, text)][:1] == [expected]
