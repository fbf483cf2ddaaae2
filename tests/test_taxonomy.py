"""kg.taxonomy: the event-type scheme as data, signs, and the CAMEO/PLOVER mappings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.taxonomy import (
    PLOVER_05_TO_2021,
    cameo_to_type,
    event_type,
    event_types,
    plover_to_types,
    sign_of,
)
from kg.vocab import ET

CROSSWALK = Path(__file__).resolve().parents[2] / "shared" / "eval" / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
PLOVER_2021 = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
               "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE",
               "ASSAULT"}
NOT_IN_OUR_TAXONOMY = {"CONCEDE"}  # easing restrictions, acceding to demands: no type for it (yet)


def crosswalk() -> dict[str, set[str]]:
    """CAMEO code -> PLOVER categories, from the official 2021 table."""
    if not CROSSWALK.exists():
        pytest.skip(f"{CROSSWALK} is absent (gold data lives in ../shared/eval)")
    table: dict[str, set[str]] = {}
    for line in CROSSWALK.read_text().splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if match:
            table.setdefault(match.group(1), set()).add(match.group(2))
    return table


def test_one_type_per_vocab_term_with_its_uri():
    keys = set(ET.__annotations__) - {"EventTypeScheme"}
    assert set(event_types()) == keys
    assert all(info.uri == getattr(ET, key) for key, info in event_types().items())


@pytest.mark.parametrize(("key", "sign", "category"), [
    ("Ceasefire", 1, "cooperative"), ("ArmedClash", -1, "hostile"), ("Mediate", 1, "cooperative"),
    ("Withdraw", 0, "neutral"), ("DesignateTerrorist", -1, "neutral"), ("Praise", 1, "cooperative"),
])
def test_known_signs_and_categories(key, sign, category):
    assert sign_of(key) == sign
    assert event_type(key).category == category


def test_sign_follows_category_except_designation():
    expected = {"hostile": -1, "cooperative": 1, "neutral": 0}
    odd = {key for key, info in event_types().items() if info.sign != expected[info.category]}
    assert odd == {"DesignateTerrorist"}


@pytest.mark.parametrize(("code", "key"), [
    ("190", "ArmedClash"), ("19", "ArmedClash"), ("193", "ArmedClash"), ("195", "AirStrike"),
    ("194", "Shelling"), ("1833", "Bombing"), ("1831", "SuicideBomb"), ("1451", "ViolentDemonstration"), ("181", "Kidnap"), ("173", "Arrest"),
    ("192", "SeizeTerritory"), ("0871", "Ceasefire"), ("0874", "Withdraw"), ("0841", "Release"),
    ("057", "Agreement"), ("036", "Negotiate"), ("045", "Mediate"), ("051", "Praise"),
    ("072", "MilitaryAid"), ("1384", "Threaten"), ("1123", "Accuse"), ("111", "Condemn"),
    ("163", "Sanction"), ("125", "Reject"), ("154", "Mobilize"), ("1041", "Demand"),
    ("141", "Protest"), ("1722", "DesignateTerrorist"), ("202", "AttackOnCivilians"),
])
def test_cameo_longest_prefix(code, key):
    assert cameo_to_type(code) == key


@pytest.mark.parametrize("code", ["191", "073", "083", "01", "", "999"])
def test_cameo_codes_without_a_type(code):
    assert cameo_to_type(code) is None


def test_plover_lookup():
    assert {"ArmedClash", "AirStrike", "Shelling", "Bombing", "Kidnap"} <= set(plover_to_types("ASSAULT"))
    assert plover_to_types("FIGHT") == plover_to_types("ASSAULT")
    assert "Condemn" in plover_to_types("DISAPPROVE")
    assert plover_to_types("retreat") == ["Ceasefire", "Release", "Surrender", "Withdraw"]
    assert plover_to_types("NOSUCH") == []


def test_every_plover_category_used_is_a_2021_category():
    used = {code for info in event_types().values() for code in info.plover}
    assert used <= PLOVER_2021, used - PLOVER_2021
    assert set(PLOVER_05_TO_2021.values()) <= PLOVER_2021


def test_every_plover_category_but_concede_has_a_type():
    missing = {code for code in PLOVER_2021 if not plover_to_types(code)}
    assert missing == NOT_IN_OUR_TAXONOMY


def test_unknown_type_raises_a_kg_error():
    with pytest.raises(KGError, match="Skirmish"):
        event_type("Skirmish")
    with pytest.raises(KGError):
        sign_of("")


def test_listed_cameo_codes_agree_with_the_official_crosswalk():
    table = crosswalk()
    wrong = {}
    for key, info in event_types().items():
        for code in info.cameo:
            official = table.get(code, set())
            if official and not official & set(info.plover):
                wrong[f"{key} {code}"] = (sorted(official), info.plover)
    assert not wrong, f"CAMEO codes whose PLOVER category the type does not declare: {wrong}"


def test_every_crosswalk_code_we_map_lands_on_a_type_with_its_plover_category():
    table = crosswalk()
    wrong = {}
    for code, official in table.items():
        key = cameo_to_type(code)
        if key is not None and not official & set(event_type(key).plover):
            wrong[code] = (key, sorted(official))
    assert not wrong, f"crosswalk code -> our type whose PLOVER categories disagree: {wrong}"


def test_acled_types_name_a_known_acled_event_type():
    acled_types = ("Battles/", "Explosions/Remote violence/", "Violence against civilians/",
                   "Protests/", "Riots/", "Strategic developments/")
    for key, info in event_types().items():
        assert info.acled is None or info.acled.startswith(acled_types), (key, info.acled)
    assert event_type("AirStrike").acled == "Explosions/Remote violence/Air/drone strike"


def test_every_acled_mapping_splits_into_a_known_event_type():
    from kg.taxonomy import ACLED_EVENT_TYPES, split_acled

    mapped = [t.acled for t in event_types().values() if t.acled]
    assert mapped
    for value in mapped:
        event_type, sub_type = split_acled(value)
        assert event_type in ACLED_EVENT_TYPES and sub_type, value
    assert split_acled("Explosions/Remote violence/Shelling/artillery/missile attack") == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
